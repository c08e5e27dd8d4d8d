"""A cue in the writer's adverbial clause does not report the main clause before it.

`"Quiet," he demanded, as Bush continued to interject.`, `… has been with the show since it
began previews`, `… shortcoming in how foreigners are screened, particularly as people everywhere
disclose more about themselves`: the verb heads a clause of time, cause or condition hung on the
main clause, and says something of its own (an object, a complement) — the main clause before it
is the writer's, not what that clause's subject said. Only a bare `as X said` (no object, no
complement) points back at the clause it follows.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from worker.pipeline.attribution.relation import Relation

# Dependents by which the cue verb has words of its own to report or do.
OWN_COMPLEMENTS = frozenset({"dobj", "xcomp", "ccomp"})


def _subordinate(cue: Token) -> bool:
    if cue.dep_ != "advcl":
        return False
    marks = [c.lower_ for c in cue.children if c.dep_ == "mark"]
    if not marks:
        return False
    if marks != ["as"]:
        return True  # "since", "while", "if", "because", "when": never a reporting "as"
    return any(c.dep_ in OWN_COMPLEMENTS and c.i > cue.i for c in cue.children)


def _content_before(rel: Relation) -> bool:
    return bool(rel.content) and rel.content[-1][1] <= rel.cue[0]


def drop_subordinate_cues(doc: Doc, relations: list[Relation]) -> list[Relation]:
    """The relations without those whose content precedes a cue of an adverbial clause."""
    return [
        rel
        for rel in relations
        if rel.cue_token is None or not _content_before(rel) or not _subordinate(doc[rel.cue_token])
    ]
