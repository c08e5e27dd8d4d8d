"""The shared pipeline: numpy's BLAS on one thread for thinc's matrix products, a choice made for
speed that changes nothing the detectors read; and ``parse``, which parses paragraphs side by
side yet gives the tokens and offsets of the whole text."""

from __future__ import annotations

import re

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
        nlp = stock_model()
    # the same pipes as ours, so only the matrix backend differs
    nlp.add_pipe("sourcemark_line_starts", before="parser")
    return nlp


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
    # numpy's own BLAS, the one thinc multiplies with: a BLAS that another library loads
    # later in the same test process (scipy's, for the scorer's training) is not ours to set.
    blas = [
        pool
        for pool in threadpool_info()
        if pool["user_api"] == "blas" and "numpy" in pool["filepath"]
    ]
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


# Unicode spaces between words, as pages and pasted text carry them.
UNICODE_SPACES = [
    "About 75 percent of\u00a0Democrats said the economy was getting worse.",
    "\u201cThe plan is dead,\u201d\u00a0the governor said on\u2009Monday.",
    "Turnout rose to 61\u202f% in the county,\u3000officials said.",
]


@pytest.mark.parametrize("text", UNICODE_SPACES)
def test_unicode_spaces_parse_as_plain_spaces_at_the_same_offsets(text):
    plain = "".join(" " if c.isspace() else c for c in text)
    doc, expected = parse(text), get_nlp()(plain)
    assert len(doc.text) == len(text)
    assert [(t.idx, t.text, t.dep_, t.head.i, t.ent_type_) for t in doc] == [
        (t.idx, t.text, t.dep_, t.head.i, t.ent_type_) for t in expected
    ]
    assert not any(t.is_space for t in doc)


# A single line break starts a sentence before the parser runs, so a headline or a list item is
# not parsed into the line below it.
LINE_STARTS = [
    "Council Backs New Budget\nThe council voted 7-2 on Monday to approve the budget.",
    "Key points:\n- rents rose 8 percent\n- wages rose 3 percent",
    "A first line \n  a second line that goes on.",
    "One paragraph.\n\nAnother one, with no break inside it.\nAnd a last line",
]


@pytest.mark.parametrize("text", LINE_STARTS)
def test_a_line_break_starts_a_sentence(text):
    doc = parse(text)
    line_starts = [m.end() for m in re.finditer(r"\n\s*", text)]
    assert line_starts and {t.idx for t in doc if t.is_sent_start} >= set(line_starts)
    # no sentence, and so no head, reaches over a line break
    for sent in doc.sents:
        assert "\n" not in sent.text.strip()
        assert all(sent.start <= t.head.i < sent.end for t in sent)
