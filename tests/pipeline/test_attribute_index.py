"""The indexed attribute-ruler match gives exactly spaCy's result on real article text."""

from __future__ import annotations

import pytest
import spacy

from tests.support.articles import article_texts, stock_model
from worker.pipeline.attribute_index import indexed_match
from worker.pipeline.nlp import get_nlp

ODD_TEXT = (
    "  \n\n Y'all gonna   see it , ain't ya ? \t\tLet's go: there's nothin' 'bout it.\n\n\n"
    "It was I who did it ; you said it , did you ? Those that do, do. \u00a0 x"
)


@pytest.fixture(scope="module")
def stock() -> spacy.language.Language:
    """The model as spaCy ships it, without our index (with our line starts, which the parse
    reads and the index does not touch)."""
    nlp = stock_model(exclude=["ner", "lemmatizer"])
    nlp.add_pipe("sourcemark_line_starts", before="parser")
    return nlp


def _texts(limit: int) -> list[str]:
    return [*article_texts(limit), ODD_TEXT]


def test_the_shared_pipeline_uses_the_index():
    ruler = get_nlp().get_pipe("attribute_ruler")
    assert ruler.match.__name__ == "match" and "indexed_match" in ruler.match.__qualname__


def test_indexed_match_equals_the_matcher_on_real_articles(stock):
    ruler = stock.get_pipe("attribute_ruler")
    fast = indexed_match(ruler)
    before = [name for name in stock.pipe_names if name != "attribute_ruler"]
    compared = 0
    for text in _texts(25):
        with stock.select_pipes(enable=before):
            doc = stock(text)
        assert fast(doc) == ruler.match(doc)
        compared += len(doc)
    assert compared > 10_000


def test_tokens_come_out_identical(stock):
    ours = get_nlp()
    for text in _texts(3):
        theirs = stock(text)
        mine = ours(text)
        assert [(t.tag_, t.pos_, str(t.morph), t.dep_) for t in mine] == [
            (t.tag_, t.pos_, str(t.morph), t.dep_) for t in theirs
        ]


def test_the_model_release_the_rules_were_measured_on():
    from worker.pipeline.nlp import MODEL_VERSION

    assert get_nlp().meta["version"].startswith(MODEL_VERSION)
