"""A cheap language check: the page's declared language, confirmed against the text.

Declarations are often template defaults (``lang="en"`` on a Portuguese blog), so the declared
code is kept only when the text does not clearly say otherwise. Scripts settle non-Latin
languages; for Latin-script text the share of each language's commonest function words decides.
"""

from __future__ import annotations

import re
from collections import Counter

from lxml.html import HtmlElement

from worker.pipeline.extraction.ascii_text import for_words

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_STOPWORDS = {
    "en": "the of and to in a is that for it on was with as by he at from his be this are have "
    "an not has but they were said which or its their had who been will would also",
    "de": "der die und in den von zu das mit sich des auf für ist im dem nicht ein eine als auch "
    "es an werden aus er hat dass sie nach wird bei einer um noch wie",
    "fr": "de la le et les des en un du une que est pour qui dans par sur pas au plus avec ce il "
    "sont ne se aux son mais elle ont nous été",
    "es": "de la que el en y a los del se las por un para con no una su al es lo como más pero "
    "sus le ya o fue este ha sí porque esta entre",
    "pt": "de a o que e do da em um para é com não uma os no se na por mais as dos como mas foi "
    "ao ele das tem à seu sua ou ser quando muito há nos já",
    "it": "di e il la che a per un in è non una i del le si da con sono della al più ma gli anche "
    "come nel alla lo dei ha questo",
    "nl": "de en van het een in is dat op te zijn met voor niet aan er om ook als bij door maar "
    "wordt nog dan werd uit naar",
    "id": "yang dan di ini itu dengan untuk tidak dari dalam akan pada juga ke karena ada mereka "
    "kita oleh atau saya bisa sudah kami",
}
_STOPSETS = {lang: set(words.split()) for lang, words in _STOPWORDS.items()}
_SCRIPTS = (
    (re.compile(r"[\uac00-\ud7af]"), "ko"),
    (re.compile(r"[\u3040-\u30ff]"), "ja"),
    (re.compile(r"[\u4e00-\u9fff]"), "zh"),
    (re.compile(r"[\u0400-\u04ff]"), "ru"),
    (re.compile(r"[\u0600-\u06ff]"), "ar"),
    (re.compile(r"[\u0590-\u05ff]"), "he"),
    (re.compile(r"[\u0370-\u03ff]"), "el"),
    (re.compile(r"[\u0e00-\u0e7f]"), "th"),
    (re.compile(r"[\u0900-\u097f]"), "hi"),
)
# Languages that share a script with the one the script test names.
_SAME_SCRIPT = {
    "ru": {"ru", "uk", "bg", "sr", "mk", "be", "kk"},
    "ar": {"ar", "fa", "ur", "ps"},
    "zh": {"zh", "ja"},
    "hi": {"hi", "mr", "ne"},
}


def declared_language(tree: HtmlElement) -> str | None:
    raw = tree.get("lang") or tree.get("{http://www.w3.org/XML/1998/namespace}lang")
    if not raw:
        for el in tree.iter("meta"):
            key = (el.get("http-equiv") or el.get("name") or el.get("property") or "").lower()
            if key in ("content-language", "language", "og:locale", "dc.language"):
                raw = el.get("content")
                break
    if not raw:
        return None
    code = re.split(r"[-_,;\s]", raw.strip().lower())[0]
    return code if 2 <= len(code) <= 3 and code.isalpha() else None


_NON_LATIN = re.compile(r"[^\x00-\u024f\u1e00-\u1eff\u2000-\u206f]")


def _script_language(sample: str) -> str | None:
    if not _NON_LATIN.search(sample):
        return None  # Latin script (with punctuation): the function words decide
    letters = sum(1 for ch in sample if ch.isalpha()) or 1
    for pattern, lang in _SCRIPTS:
        if len(pattern.findall(sample)) > 0.3 * letters:
            return lang
    return None


# ASCII letters lowercased, every other byte (digits, "_", punctuation, space) a space: what
# _WORD finds in ASCII text, without the regex's per-character tests.
_ASCII_LETTERS = bytes(ord(chr(b).lower()) if chr(b).isalpha() else 32 for b in range(128)) + bytes(
    range(128, 256)
)


def _lowered_words(sample: str) -> list[str]:
    """``[w.lower() for w in _WORD.findall(sample)]``."""
    # Typographic punctuation made spaces: it is no letter either (see ascii_text).
    ascii_sample = for_words(sample)
    if ascii_sample is not None:
        return ascii_sample.encode().translate(_ASCII_LETTERS).decode().split()
    found = _WORD.findall(sample)
    # Lowered together, a space apart: lowering reads no context across a space (only a Greek
    # final sigma looks at its neighbours, and a space ends a word for it as the string's end).
    return " ".join(found).lower().split(" ") if found else []


def text_language(text: str) -> str | None:
    """The language the text's function words point to, or None when it is too short to tell."""
    sample = text[:5000]
    by_script = _script_language(sample)
    if by_script:
        return by_script
    words = _lowered_words(sample)
    if len(words) < 20:
        return None
    # Each language's function words looked up in the text's counts (a Counter gives 0 for a
    # word the text lacks): a few dozen lookups a language, not one per distinct word.
    counts = Counter(words)
    scores = {lang: sum(counts[w] for w in stops) / len(words) for lang, stops in _STOPSETS.items()}
    best = max(scores, key=scores.get)
    return best if scores[best] >= 0.12 else None


def detect_language(tree: HtmlElement, text: str) -> str | None:
    return language_of(declared_language(tree), text)


def language_of(declared: str | None, text: str) -> str | None:
    """``detect_language`` given the page's ``declared_language``, read earlier."""
    found = text_language(text)
    if found is None:
        return declared
    if declared is None or declared == found or declared in _SAME_SCRIPT.get(found, ()):
        return declared or found
    return found
