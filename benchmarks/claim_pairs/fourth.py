"""A fourth draw of dev pairs from PolNeAR train (issue 16: paraphrases in other words), aimed at
what the matcher misses: two outlets' sentences about one event that share few words.

    PYTHONPATH=$PWD python -m benchmarks.claim_pairs.fourth draw
    PYTHONPATH=$PWD python -m benchmarks.claim_pairs.fourth fix

The earlier draws took pairs by sentence cosine alone, so their "same" pairs mostly share their
words (the high band is used up). Here a pair must come from two outlets' articles on one event
(dated at most ``DAYS`` apart, article TF-IDF cosine >= ``ARTICLE_COSINE``) and share at least
``ANCHORS`` names or figures (the who and how many of a claim), while its sentence cosine is
moderate to low: a paraphrase there says the same thing with other verbs and nouns, and a near
miss is the same event with another claim. No sentence of an earlier draw, none that reprints a
frozen pair's sentence (``more.py``); all pairs dev.

``draw`` writes ``.cache/claims_pairs/fourth_candidates.jsonl`` (with text and one sentence of
context either side, for labelling); ``fix`` reads the hand labels in the same order from
``.cache/claims_pairs/fourth_labels.txt`` (``s``/``r``/``u``, groups of ten separated by ``|``)
and writes ``polnear_pairs_fourth.jsonl`` beside this file (no text).
"""

from __future__ import annotations

import json
import random
import re
import sys
from datetime import date

from benchmarks.claim_pairs.candidates import candidate_line, draw_pairs
from benchmarks.claim_pairs.freeze import _key
from benchmarks.claim_pairs.more import Draw, add_dev_draw, fix_pairs_of, run_step
from benchmarks.claim_pairs.pairs import CACHE, POLNEAR_PAIRS_FOURTH, POLNEAR_PAIRS_THIRD
from benchmarks.claim_pairs.sentences import Sentence, articles, split
from benchmarks.claim_pairs.third import _earlier as _first_two

SEED = 1619
DAYS = 4
ARTICLE_COSINE = 0.12  # two articles on one story, not merely on one campaign
ANCHORS = 2
# Sentence cosine bands: above 0.60 the earlier draws took nearly every free pair (the top band
# here held 20); below 0.15 two sentences rarely share the claim even when they share two names.
BANDS = [(0.40, 0.60, 60), (0.28, 0.40, 110), (0.15, 0.28, 90)]
CANDIDATES = CACHE / "fourth_candidates.jsonl"
LABELS_FILE = CACHE / "fourth_labels.txt"

_STOP_CAPS = frozenset(
    {"The", "A", "An", "He", "She", "It", "They", "We", "I", "In", "On", "But", "And", "This",
     "That", "Mr", "Mrs", "Ms", "Dr", "If", "As", "At", "For", "Of", "To", "His", "Her", "Their"}
)  # fmt: skip


def _earlier() -> tuple[set[tuple[str, int]], dict[str, str], dict[str, str]]:
    """Sentences of the three earlier draws; opening key -> split, -> cluster."""
    used, split_of, cluster_of = _first_two()
    add_dev_draw(POLNEAR_PAIRS_THIRD, used, split_of, cluster_of)
    return used, split_of, cluster_of


def anchors(text: str) -> frozenset[str]:
    """Names and figures: capitalised words past the first, and numbers."""
    words = re.findall(r"[A-Za-z][A-Za-z'.-]*|\d[\d,.]*", text)
    out = set()
    for i, w in enumerate(words):
        w = w.rstrip(".,'")
        if w[:1].isdigit():
            out.add(w.replace(",", ""))
        elif i > 0 and w[:1].isupper() and w not in _STOP_CAPS and len(w) > 1:
            out.add(w.lower())
    return frozenset(out)


def _day(article: str) -> date:
    return date.fromisoformat(article.split("_")[1])


def _same_story(texts: dict[str, str]) -> set[tuple[str, str]]:
    """Article pairs of two outlets, at most ``DAYS`` apart, with cosine >= ``ARTICLE_COSINE``."""
    # sklearn (and the BLAS scipy brings) only when a draw is made: the tests import
    # these modules for their helpers.
    from sklearn.feature_extraction.text import TfidfVectorizer

    names = sorted(texts)
    vec = TfidfVectorizer(stop_words="english", sublinear_tf=True, min_df=2, max_df=0.5)
    m = vec.fit_transform([texts[n] for n in names])
    sim = (m @ m.T).toarray()
    out = set()
    for i, a in enumerate(names):
        for j in range(i + 1, len(names)):
            b = names[j]
            if a.split("_")[0] == b.split("_")[0] or sim[i, j] < ARTICLE_COSINE:
                continue
            if abs((_day(a) - _day(b)).days) <= DAYS:
                out.add((a, b))
    return out


def draw() -> None:
    # sklearn (and the BLAS scipy brings) only when a draw is made: the tests import
    # these modules for their helpers.
    from sklearn.feature_extraction.text import TfidfVectorizer

    used, split_of, _ = _earlier()
    texts = dict(articles())
    stories = _same_story(texts)
    sentences: list[Sentence] = [
        s
        for a, t in texts.items()
        for s in split(a, t)
        if 8 <= len(s.text.split()) <= 60
        and (s.article, s.start) not in used
        and split_of.get(_key(s.text)) != "frozen"
    ]
    vec = TfidfVectorizer(stop_words="english", sublinear_tf=True, min_df=2, ngram_range=(1, 2))
    m = vec.fit_transform([s.text for s in sentences])
    by_article: dict[str, list[int]] = {}
    for i, s in enumerate(sentences):
        by_article.setdefault(s.article, []).append(i)
    anchor = [anchors(s.text) for s in sentences]
    pairs: dict[tuple[int, int], float] = {}
    seen: set[tuple[str, str]] = set()
    for a, b in sorted(stories):
        ia, ib = by_article.get(a, []), by_article.get(b, [])
        if not ia or not ib:
            continue
        sim = (m[ia] @ m[ib].T).toarray()
        for x, i in enumerate(ia):
            for y, j in enumerate(ib):
                v = float(sim[x, y])
                ti, tj = sentences[i].text, sentences[j].text
                if v < BANDS[-1][0] or v >= BANDS[0][1] or ti == tj or (ti, tj) in seen:
                    continue
                if len(anchor[i] & anchor[j]) < ANCHORS:
                    continue
                seen.add((ti, tj))
                pairs[(i, j)] = v
    # two uses per sentence at most, as in the earlier draws; no random pairs in this draw
    chosen = draw_pairs(sentences, pairs, random.Random(SEED), BANDS, 0, label="ev")
    CACHE.mkdir(parents=True, exist_ok=True)
    with CANDIDATES.open("w", encoding="utf-8") as out:
        for i, j, v, band in chosen:
            row = json.loads(candidate_line(sentences[i], sentences[j], band, v))
            for side, k in (("a", i), ("b", j)):
                row["context_" + side] = _context(texts[sentences[k].article], sentences[k])
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(
        f"{len(stories)} article pairs on one story, {len(sentences)} sentences, "
        f"{len(pairs)} candidate pairs, {len(chosen)} drawn",
        file=sys.stderr,
    )


def _context(text: str, s: Sentence, width: int = 300) -> str:
    """The text around a sentence, for the labeller (the sentence in [[ ]])."""
    before = text[max(0, s.start - width) : s.start]
    after = text[s.end : s.end + width]
    return f"...{before}[[{s.text}]]{after}..."


FOURTH = Draw(
    "fourth",
    "fourth",
    SEED,
    BANDS,
    CANDIDATES,
    LABELS_FILE,
    POLNEAR_PAIRS_FOURTH,
    "f",
    _earlier,
)


def fix() -> None:
    fix_pairs_of(FOURTH)


def main(argv: list[str]) -> int:
    return run_step(argv, {"draw": draw, "fix": fix}, __doc__)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
