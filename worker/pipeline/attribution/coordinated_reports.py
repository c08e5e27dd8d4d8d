"""A reported content ends before a coordinated report of someone else's closing it.

`About 40 percent said the mayor is honest, and three-quarters said the same of the governor`:
the parser may hang the second "said" inside the first one's clause, so the first content runs
over the second report. A clause opened by "and" (or "but") whose verb is another relation's
cue, with a subject of its own, is a second attribution beside the first, not part of its words;
PARC-style annotation (PolNeAR) ends the first content before the conjunction. A nested report
("the mayor said the engineer told her …") has no conjunction before it and stays.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Token

from worker.pipeline.attribution.cues import SPEECH, cue_kind
from worker.pipeline.attribution.relation import Relation, char_tokens

# What is left must still say something.
MIN_KEPT_CHARS = 12
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
_JOINING_WORDS = frozenset({"and", "but"})
# What a verb of speech reports: a clause ("said Y would win") or words ("said the same").
_REPORTED_DEPS = frozenset({"ccomp", "dobj"})


def _coordinate_start(doc: Doc, cue: Token, start: int, end: int) -> int | None:
    """Character where the "(,) and X said …" clause of ``cue`` begins inside ``[start,
    end)``, or None when ``cue`` heads no such closing clause. Only a verb of speech reporting
    a clause or words counts: "and he feels he can win" goes on with the source's own view,
    and "and the two delegates pledged to support him" is no report of words."""
    if cue_kind(cue) != SPEECH or not any(c.dep_ in _REPORTED_DEPS for c in cue.children):
        return None
    if not any(c.dep_ in _SUBJECT_DEPS and c.i < cue.i for c in cue.children):
        return None
    first = doc[cue.left_edge.i]
    if first.lower_ == "that":
        return None  # "said X and that she expects Y": more of the same content
    if first.i == 0 or doc[first.i - 1].lower_ not in _JOINING_WORDS:
        return None
    joint = doc[first.i - 1]
    if joint.i > 0 and doc[joint.i - 1].text == ",":
        joint = doc[joint.i - 1]
    last = doc[cue.right_edge.i]
    if not start < joint.idx or last.idx + len(last.text) < end - 1:
        return None  # the clause must close the content
    if joint.idx - start < MIN_KEPT_CHARS:
        return None
    return joint.idx


def cut_coordinated_reports(doc: Doc, relations: list[Relation]) -> list[Relation]:
    """``relations`` with each content's last piece ended before a closing "and X said …"
    whose cue another relation has, when that content follows its own cue."""
    cues = sorted({r.cue_token for r in relations if r.cue_token is not None})
    out = []
    for rel in relations:
        # Only content after its cue: in "A, and B showed C, the group said" both are the
        # group's words.
        if rel.content and rel.content[-1][0] > rel.cue[0]:
            start, end = rel.content[-1]
            span = char_tokens(doc, start, end)
            inside = [i for i in cues if span is not None and span.start <= i < span.end]
            cuts = [c for i in inside if (c := _coordinate_start(doc, doc[i], start, end))]
            if cuts:
                rel = replace(rel, content=[*rel.content[:-1], (start, min(cuts))])
        out.append(rel)
    return out
