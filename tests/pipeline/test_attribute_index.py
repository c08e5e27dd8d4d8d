"""The indexed attribute-ruler match gives exactly spaCy's result on real article text."""

from __future__ import annotations

import gzip
import json

import pytest
import spacy

from tests.conftest import EXTRACTION_DIR
from worker.pipeline.attribute_index import indexed_match
from worker.pipeline.extraction import extract_article
from worker.pipeline.nlp import MODEL_NAMES, get_nlp

ODD_TEXT = ("  \n\n Y'all gonna   see it , ain't ya ? \t\tLet's go: there's nothin' 'bout it.\n\n\n"
            "It was I who did it ; you said it , did you ? Those that do, do. \u00a0 x")


@pytest.fixture(scope="module")
def stock() -> spacy.language.Language:
    """The model as spaCy ships it, without our index."""
    for name in MODEL_NAMES:
        try:
            return spacy.load(name, exclude=["ner", "lemmatizer"])
        except OSError:
            continue
    raise RuntimeError("no English model")


def _texts(limit: int) -> list[str]:
    truth = json.loads((EXTRACTION_DIR / "ground-truth.json").read_text(encoding="utf-8"))
    texts = []
    for key in sorted(truth)[:limit]:
        html = gzip.decompress((EXTRACTION_DIR / "html" / f"{key}.html.gz").read_bytes())
        texts.append(extract_article(html, truth[key]["url"]).text)
    return texts + [ODD_TEXT]


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
