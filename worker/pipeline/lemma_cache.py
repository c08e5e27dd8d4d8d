"""Remembered lemmas for spaCy's rule lemmatizer: the same lemma, worked out once per word form.

spaCy's English rule lemmatizer keeps a cache, but only for words that go through its suffix
rules; the common case, a word already in its base form ("said" is not, "the", "minister" and
"police" are), is re-derived every time from the token's morphology. A lemma depends only on the
word, its part of speech and its morphology, so every answer can be kept under that key
(``tests/pipeline/test_lemma_cache.py`` compares the lemmas with spaCy's on real articles).
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.language import Language
from spacy.pipeline import Lemmatizer
from spacy.tokens import Token

# Word forms remembered per process before the memory is started afresh (a few MB at most).
MAX_CACHED_FORMS = 200_000


def cached_lemmatize(lemmatize: Callable[[Token], list[str]]) -> Callable[[Token], list[str]]:
    """``lemmatize`` answering each (word, part of speech, morphology) from memory after once."""
    forms_of: dict[tuple[int, int, int], list[str]] = {}

    def remembered(token: Token) -> list[str]:
        key = (token.orth, token.pos, token.morph.key)
        forms = forms_of.get(key)
        if forms is None:
            forms = lemmatize(token)
            if len(forms_of) >= MAX_CACHED_FORMS:
                forms_of.clear()
            forms_of[key] = forms
        return forms

    return remembered


def cache_lemmatizer(nlp: Language) -> None:
    """Give the pipeline's lemmatizer, if any, remembered lemmas."""
    if "lemmatizer" not in nlp.pipe_names:
        return
    lemmatizer = nlp.get_pipe("lemmatizer")
    if isinstance(lemmatizer, Lemmatizer) and lemmatizer.mode == "rule":
        lemmatizer.lemmatize = cached_lemmatize(lemmatizer.lemmatize)  # type: ignore[method-assign]
