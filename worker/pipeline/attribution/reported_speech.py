"""Indirect (reported) speech from the dependency parse: `X said (that) …`, `…, X said.`,
`said X`, passives with a `by` agent, `…, adding that …`, and `according to X`.

The content is the clausal complement of the cue (``ccomp``), or, when the cue is a parenthetical
(`The talks, he said, will resume`), the clause it interrupts. A cue without clausal content
("he told reporters", "the company added 500 jobs") is no attribution.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from worker.pipeline.attribution.cues import cue_bounds, cue_kind
from worker.pipeline.attribution.direct import SUBJECT_DEPS, _inherited_subject
from worker.pipeline.attribution.relation import Relation, trim_span
from worker.pipeline.attribution.speakers import FIRST_SECOND, mention_tokens

MIN_CONTENT_TOKENS = 2


def _content_of(cue: Token) -> tuple[int, int] | None:
    """Character range of the cue's clausal content, or None."""
    doc = cue.doc
    comps = [c for c in cue.children if c.dep_ == "ccomp"]
    if comps:
        start = min(c.left_edge.i for c in comps)
        end = max(c.right_edge.i for c in comps) + 1
        # "said that …": the complementiser is not content.
        while start < end and doc[start].dep_ == "mark" and doc[start].lower_ in ("that",):
            start += 1
        own = [c.left_edge.i for c in cue.children if c.dep_ != "ccomp" and c.i > end - 1]
        own_start = min([cue.i, *own])
        if end <= own_start:
            # Content before the cue ("…, said Dujarric."): everything up to the attribution,
            # since long clauses get parsed with their tail attached elsewhere.
            end = own_start
            while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
                end -= 1
        if end - start < MIN_CONTENT_TOKENS:
            return None
        return doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text)
    # "claimed at the time that they were…" parsed as a relative clause: a "that" shortly after
    # the cue, followed by a subject, still opens the content.
    for tok in doc[cue.i + 1 : min(cue.i + 7, cue.sent.end)]:
        if tok.is_punct or tok.pos_ in ("VERB", "AUX"):
            break
        if (
            tok.lower_ == "that"
            and tok.i + 1 < len(doc)
            and doc[tok.i + 1].pos_
            in (
                "PRON",
                "DET",
                "PROPN",
                "NOUN",
            )
            and tok.head.i > tok.i
            and tok.head.pos_ in ("VERB", "AUX")
        ):
            end = tok.head.right_edge.i + 1
            if end - tok.i > MIN_CONTENT_TOKENS + 1:
                return doc[tok.i + 1].idx, doc[end - 1].idx + len(doc[end - 1].text)
    # Parenthetical cue: "The talks, he said, will resume" / "…, officials said."
    head = cue.head
    if (
        cue.dep_ in ("parataxis", "advcl", "ccomp")
        and head.i != cue.i
        and head.pos_
        in (
            "VERB",
            "AUX",
        )
    ):
        left = doc[cue.left_edge.i - 1] if cue.left_edge.i > 0 else None
        if left is None or left.text not in (",", "\u2014", "--"):
            return None
        start, end = head.left_edge.i, cue.left_edge.i  # the clause before the parenthetical
        if end - start < MIN_CONTENT_TOKENS + 1:
            return None
        return doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text)
    return None


def _source_of(cue: Token) -> Token | None:
    passive = any(c.dep_ == "auxpass" for c in cue.children)
    if passive:
        for child in cue.children:
            if child.dep_ == "agent":
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        return pobj
        return None
    for child in cue.children:
        if child.dep_ in SUBJECT_DEPS:
            return child
    for child in cue.children:
        # inverted "…, said the spokesman" parsed with the source as object
        if (
            child.dep_ in ("dobj", "attr")
            and child.i > cue.i
            and child.pos_ in ("PROPN", "NOUN")
            and any(c.dep_ == "ccomp" and c.i < cue.i for c in cue.children)
        ):
            return child
    return _inherited_subject(cue)


def find_reported(doc: Doc, used_cues: set[int]) -> list[Relation]:
    relations: list[Relation] = []
    text = doc.text
    for tok in doc:
        if tok.i in used_cues:
            continue
        kind = cue_kind(tok)
        if kind is None:
            continue
        content = _content_of(tok)
        if content is None:
            continue
        source = _source_of(tok)
        if source is None or (source.pos_ == "PRON" and source.lower_ in FIRST_SECOND | {"it"}):
            continue
        mention = mention_tokens(source)
        s, e = trim_span(text, *content)
        if e - s < 3 or (mention.start_char < e and s < mention.end_char):
            continue
        relations.append(Relation("indirect", cue_bounds(tok), kind, mention, [(s, e)], tok.i))
    return relations


def find_according_to(doc: Doc) -> list[Relation]:
    """`according to X`: the rest of the sentence is the content."""
    relations: list[Relation] = []
    text = doc.text
    for tok in doc[:-1]:
        if tok.lower_ != "according" or doc[tok.i + 1].lower_ != "to":
            continue
        to = doc[tok.i + 1]
        objs = [c for c in to.children if c.dep_ == "pobj"]
        if not objs:
            continue
        source = mention_tokens(objs[0])
        phrase_end = objs[0].right_edge.i + 1
        sent: Span = tok.sent
        pieces = []
        if tok.i > sent.start:
            pieces.append(trim_span(text, sent.start_char, tok.idx))
        if phrase_end < sent.end:
            pieces.append(trim_span(text, doc[phrase_end].idx, sent.end_char))
        pieces = [_strip_final(text, s, e) for s, e in pieces]
        pieces = [(s, e) for s, e in pieces if e - s >= 8]
        if not pieces:
            continue
        cue = (tok.idx, to.idx + len(to.text))
        relations.append(Relation("according_to", cue, "speech", source, pieces, tok.i))
    return relations


def _strip_final(text: str, s: int, e: int) -> tuple[int, int]:
    while e > s and text[e - 1] in '.!? ,\u201d"':
        e -= 1
    return s, e
