"""The shared pipeline: numpy's BLAS on one thread for thinc's matrix products, a choice made for
speed that changes nothing the detectors read; and ``parse``, which parses paragraphs side by
side yet gives the tokens and offsets of the whole text."""

from __future__ import annotations

import pytest
import spacy
from thinc.api import NumpyOps, use_ops
from threadpoolctl import threadpool_info

from tests.support.articles import article_texts, stock_model
from worker.pipeline.nlp import get_nlp, parse


@pytest.fixture(scope="module")
def with_blis() -> spacy.language.Language:
    """The model on thinc's default backend (blis), as a plain ``spacy.load`` gives it."""
    with use_ops("numpy", use_blis=True):
        return stock_model()


def _layers(nlp: spacy.language.Language):
    for _, pipe in nlp.pipeline:
        model = getattr(pipe, "model", None)
        if model is not None:
            yield from model.walk()


def test_the_weighted_layers_use_numpy_gemm():
    # The parser's and recogniser's output layers are read into C by spaCy's own loop; every
    # layer thinc runs itself must be off blis.
    layers = [layer for layer in _layers(get_nlp()) if layer.name != "linear"]
    assert layers
    assert all(isinstance(layer.ops, NumpyOps) and not layer.ops.use_blis for layer in layers)


def test_blas_runs_one_thread_per_process():
    get_nlp()
    blas = [pool for pool in threadpool_info() if pool["user_api"] == "blas"]
    assert blas and all(pool["num_threads"] == 1 for pool in blas)


def test_parse_is_identical_to_the_blis_backend(with_blis):
    ours = get_nlp()
    tokens = 0
    for text in article_texts(12):
        a, b = ours(text), with_blis(text)
        assert [(t.tag_, t.pos_, t.dep_, t.head.i, t.lemma_) for t in a] == [
            (t.tag_, t.pos_, t.dep_, t.head.i, t.lemma_) for t in b
        ]
        assert [(e.start, e.end, e.label_) for e in a.ents] == [
            (e.start, e.end, e.label_) for e in b.ents
        ]
        tokens += len(a)
    assert tokens > 5_000


EDGE_TEXTS = [
    "",
    "\n\n",
    "One line, no break.",
    "a\n\nb",
    "A cat.\n\n\n\nThe dog, he said.",
    "  \n\nB para  ",
    "\n\nHello there.\n\n",
    "x \n\n y",
    "One.\n\n\u201cTwo,\u201d she said.\n\nThree \u2018quoted\u2019.\n\n\t\n\nFour",
]


def _tokens(doc) -> list[tuple[int, str, str]]:
    return [(t.idx, t.text, t.whitespace_) for t in doc]


@pytest.mark.parametrize("text", EDGE_TEXTS)
def test_parse_keeps_the_text_and_its_tokens(text):
    doc = parse(text)
    assert doc.text == text
    assert _tokens(doc) == _tokens(get_nlp()(text))


def test_parse_keeps_real_articles_whole():
    for text in article_texts(8):
        doc = parse(text)
        assert doc.text == text and _tokens(doc) == _tokens(get_nlp()(text))
        assert doc.has_annotation("DEP") and doc.has_annotation("ENT_IOB")
        # every paragraph opens a sentence, and no entity or sentence crosses a blank line
        starts = {s.start_char for s in doc.sents}
        paragraph_starts = [
            i + 2
            for i in range(len(text) - 2)
            if text[i : i + 2] == "\n\n" and not text[i + 2].isspace()
        ]
        assert paragraph_starts and all(p in starts for p in paragraph_starts)
        assert all("\n\n" not in e.text for e in doc.ents)
