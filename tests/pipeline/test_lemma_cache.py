"""Remembered lemmas are exactly the lemmas spaCy's own lemmatizer gives."""

from __future__ import annotations

import pytest
import spacy

from tests.support.articles import article_texts, stock_model
from worker.pipeline.lemma_cache import cached_lemmatize
from worker.pipeline.nlp import get_nlp

ODD_TEXT = (
    "Y'all gonna see it, ain't ya? Nothin' 'bout it. The ministers' meetings were being held; "
    "she'd said they'd've gone. Better, best, worse: the mice ran faster than the geese."
)


@pytest.fixture(scope="module")
def stock() -> spacy.language.Language:
    return stock_model()


def test_the_shared_pipeline_remembers_lemmas():
    lemmatizer = get_nlp().get_pipe("lemmatizer")
    assert lemmatizer.lemmatize.__qualname__.startswith("cached_lemmatize")


def test_lemmas_equal_spacys_on_real_articles(stock):
    ours = get_nlp()
    compared = 0
    for text in [*article_texts(20), ODD_TEXT, ODD_TEXT]:
        assert [t.lemma_ for t in ours(text)] == [t.lemma_ for t in stock(text)]
        compared += len(text)
    assert compared > 50_000


def test_each_form_is_worked_out_once(stock):
    calls = []
    lemmatize = stock.get_pipe("lemmatizer").lemmatize

    def counted(token):
        calls.append(token.text)
        return lemmatize(token)

    remembered = cached_lemmatize(counted)
    doc = stock("The minister said. The minister said.")
    lemmas = [remembered(token)[0] for token in doc]
    assert lemmas == ["the", "minister", "say", ".", "the", "minister", "say", "."]
    assert calls == ["The", "minister", "said", "."]
