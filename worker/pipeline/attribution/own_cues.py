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


# Two relations whose contents share at least this much (character Jaccard) give the reader the
# same words twice, under two cues.
SAME_WORDS = 0.5


def _chars(rel: Relation) -> set[int]:
    return {i for s, e in rel.content for i in range(s, e)}


def _nested(inner: Relation, outer_chars: set[int]) -> bool:
    return inner.cue[0] in outer_chars


def drop_second_claims(relations: list[Relation]) -> list[Relation]:
    """`"Quiet," he demanded, as Bush continued`, `"A," Trump told reporters in a written
    statement`: when two cues, neither inside the other's words, take the same words, the words
    are the first cue's; the later relation is dropped. "According to" stays beside the cue it
    reports on (who said it and who reports it), and an attribution nested in another's words is
    ``drop_nested_echoes``'s to judge."""
    chars = [_chars(r) for r in relations]
    order = sorted(range(len(relations)), key=lambda k: relations[k].cue[0])
    kept: list[int] = []
    dropped: set[int] = set()
    for k in order:
        rel = relations[k]
        for j in kept:
            first = relations[j]
            if "according_to" in (rel.type, first.type) or not chars[k] or not chars[j]:
                continue
            if _nested(rel, chars[j]) or _nested(first, chars[k]):
                continue
            if len(chars[k] & chars[j]) / len(chars[k] | chars[j]) >= SAME_WORDS:
                dropped.add(k)
                break
        if k not in dropped:
            kept.append(k)
    return [r for k, r in enumerate(relations) if k not in dropped]
