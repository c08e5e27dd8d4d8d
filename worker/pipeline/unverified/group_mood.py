"""An unnamed group moved to a mood: "legal experts have been surprised by the ruling", "the
rhetoric is alarming many analysts", "the blackouts left some energy experts bewildered". The
group's worry or conviction is a view the article gives to no one in particular (issue 14's
weasel: "some senators worry", "politicians are worried"), but the view rules read only a
group as the subject of a verb of thinking or of a predicative adjective ("allies were
hopeful"); a passive participle, an object or "left ... bewildered" reach none of them.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from spacy.tokens import Token

from worker.pipeline import lexicon
from worker.pipeline.unverified.groups import _asserted, _cue_of, _unnamed_group
from worker.pipeline.unverified.negatives import told_by_named
from worker.pipeline.unverified.rule import Candidate, Rule, Sentence, Signal, cue

_MOOD_WORDS = lexicon.MOOD_VERBS | lexicon.GROUP_MOOD_ADJECTIVES
# What "left" or "made" puts its object in: "left experts bewildered" (the parser hangs the
# participle as a clause whose subject is the group, or as a predicate of the object).
_STATE_DEPS = frozenset({"ccomp", "oprd", "xcomp", "acomp", "advcl"})


def _is_mood(tok: Token) -> bool:
    return tok.lemma_.lower() in lexicon.MOOD_VERBS or tok.lower_ in lexicon.GROUP_MOOD_ADJECTIVES


def _moved_group(tok: Token) -> tuple[Token, Token] | None:
    """(group, verb whose mood or tense decides) when ``tok`` puts an unnamed group in a mood:
    the group as the passive subject of the participle, as the object of an active mood verb, or
    as what "left"/"made" leaves in that mood."""
    kids = list(tok.children)
    if tok.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in kids):
        subj = next((c for c in kids if c.dep_ == "nsubjpass"), None)
        group = _unnamed_group(subj) if subj is not None else None
        return (group, tok) if group is not None else None
    if tok.pos_ == "VERB" and tok.lemma_.lower() in lexicon.MOOD_VERBS and tok.tag_ != "VBN":
        obj = next((c for c in kids if c.dep_ == "dobj"), None)
        group = _unnamed_group(obj) if obj is not None else None
        if group is not None:
            return group, tok
    leave = tok.head
    if tok.dep_ == "acl" and leave.dep_ == "dobj":
        # "left Republican strategists befuddled": the participle hung on the object
        group = _unnamed_group(leave)
        if group is not None and leave.head.lemma_.lower() in lexicon.LEAVE_IN_MOOD_VERBS:
            return group, leave.head
        return None
    if tok.dep_ in _STATE_DEPS and leave.lemma_.lower() in lexicon.LEAVE_IN_MOOD_VERBS:
        held = [c for c in kids if c.dep_ in ("nsubj", "nsubjpass")]
        held += [c for c in leave.children if c.dep_ == "dobj"]
        for h in held:
            group = _unnamed_group(h)
            if group is not None:
                return group, leave
    return None


def _group_mood(s: Sentence, found: Sequence[Signal]) -> Iterator[Candidate]:
    if any(f.type == "weasel" for f in found):
        return  # the view rules already found the group
    for tok in s.having(_MOOD_WORDS):
        if not _is_mood(tok) or s.quoted(tok.idx):
            continue
        moved = _moved_group(tok)
        if moved is None:
            continue
        group, verb = moved
        if not _asserted(verb, s):
            continue  # "the ruling could surprise many experts": a forecast, not a mood held
        candidate = _cue_of(group, tok) if group.i < tok.i else cue(tok, group)
        if not told_by_named(s, candidate):
            yield candidate
            return


GROUP_MOOD_RULES = (
    Rule(
        "group_mood",
        "weasel",
        '"{cue}": the article does not say who in this group is worried or convinced, so nobody'
        " stands behind the view.",
        _group_mood,
    ),
)
