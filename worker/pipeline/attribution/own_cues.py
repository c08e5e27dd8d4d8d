"""A quotation's later pieces that another cue claims: `"A," she said. Then she added: "B."`.

The quotation reader may take `"A," … "B."` as one quotation of two pieces, so the first cue's
relation holds B as well as A, while the second cue ("added") has B as its own content. The
reader then sees two highlights over B, and B is not what "said" introduced: a piece that lies
after another relation's cue and is that relation's content belongs to that cue alone.
"""

from __future__ import annotations

from dataclasses import replace

from worker.pipeline.attribution.relation import Relation


def _claimed_from(rel: Relation, others: list[Relation]) -> int | None:
    """The first content piece of ``rel`` that another relation, whose cue stands between
    ``rel``'s cue and that piece, has as its own content."""
    for k, (s, e) in enumerate(rel.content):
        if k == 0:
            continue
        for other in others:
            if other is rel or other.cue == rel.cue:
                continue
            if not (max(rel.cue[1], rel.content[k - 1][1]) <= other.cue[0] < s):
                continue
            if any(os < e and s < oe for os, oe in other.content):
                return k
    return None


def release_claimed_pieces(relations: list[Relation]) -> list[Relation]:
    """Every relation without the later content pieces another cue claims."""
    out = []
    for rel in relations:
        k = _claimed_from(rel, relations) if len(rel.content) > 1 else None
        out.append(rel if k is None else replace(rel, content=list(rel.content[:k])))
    return out
