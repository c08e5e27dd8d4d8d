"""`The governor made clear that she would veto the bill`, `Davis made it clear to the board that
she did not see it that way`: "make (it) clear" is a verb of speech of its own (PARC 3.0; on the
PolNeAR development part a dozen statements), but "make" is no cue and the parser hangs the
clause on "made", on "clear" or on the one told, so the reported-speech finder never sees it.

The cue is "made … clear"; the content the that-clause (or the bare clause right after
"clear", `made clear Monday they have no plans`); the source the subject of "made".
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from worker.pipeline import grammar, lexicon
from worker.pipeline.attribution.cues import SPEECH
from worker.pipeline.attribution.relation import Relation
from worker.pipeline.attribution.reported_speech import (
    _NO_SOURCE_PRONOUNS,
    content_span,
    is_blocked,
    source_of,
)
from worker.pipeline.attribution.scope import content_in_paragraph
from worker.pipeline.attribution.speakers import mention_tokens
from worker.pipeline.text import text_of

# How far after "clear" the clause may start: "made it clear to House Democrats on Wednesday
# that …".
MAX_GAP = 10


def _clear(verb: Token) -> Token | None:
    """The "clear" that makes ``verb`` ("made", "makes", "has made") a verb of speech."""
    if verb.lemma_.lower() != "make":
        return None
    return next((c for c in verb.children if c.lower_ == "clear" and c.i > verb.i), None)


def _clause(clear: Token) -> tuple[int, int] | None:
    """Token range of what was made clear: the clause opened by "that" within reach of "clear",
    or a clause verb the parser hung right after it."""
    doc = clear.doc
    sent_end = clear.sent.end
    for tok in doc[clear.i + 1 : min(clear.i + 1 + MAX_GAP, sent_end)]:
        if tok.lower_ == "that" and tok.dep_ == "mark" and tok.head.i > tok.i:
            return tok.i + 1, tok.head.right_edge.i + 1
        if tok.dep_ == "ccomp" and tok.pos_ in grammar.VERB_POS:
            return tok.left_edge.i, tok.right_edge.i + 1
    return None


def find_made_clear(doc: Doc, used_cues: set[int]) -> list[Relation]:
    relations: list[Relation] = []
    text = text_of(doc)
    for tok in doc:
        if tok.i in used_cues or tok.pos_ not in grammar.VERB_POS:
            continue
        clear = _clear(tok)
        if clear is None or is_blocked(tok):
            continue
        span = _clause(clear)
        source = source_of(tok)
        if span is None or source is None:
            continue
        if source.lower_ in lexicon.WH_PRONOUNS or (
            source.pos_ == "PRON" and source.lower_ in _NO_SOURCE_PRONOUNS
        ):
            continue
        piece = content_span(doc, *span)
        if piece is None:
            continue
        mention = mention_tokens(source)
        content = content_in_paragraph(text, tok.idx, mention, piece, 3)
        if content is None:
            continue
        cue = (tok.idx, clear.idx + len(clear.text))
        relations.append(Relation("indirect", cue, SPEECH, mention, [content], tok.i))
    return relations
