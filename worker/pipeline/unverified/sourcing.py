"""Who, if anyone, stands behind a sentence: a named source, an anonymous one, or a vague crowd.

A light, self-contained attribution reader (reporting verb + its subject, "according to X",
"citing X"), so the unverified detector is right on its own; the attribution detector's
findings, when present, are folded in by :func:`merge_attributions`.
The source classes follow PARC 3.0's source annotation and the AP Stylebook's rule that a
source the reader cannot identify is anonymous, however official it sounds.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from worker.pipeline.model import Finding
from worker.pipeline.unverified import cues

NAMED = "named"  # a person or body the reader can identify (also "he", "the spokesman")
ANONYMOUS = "anonymous"  # "officials", "a person familiar with the matter", "sources"
VAGUE = "vague"  # "critics", "some", "many experts": a weasel attribution

_PRONOUNS = frozenset({"he", "she", "they", "we", "i", "you", "him", "her", "them", "us", "me"})
_NAMED_ENTS = frozenset({"PERSON", "ORG", "GPE", "NORP", "FAC", "WORK_OF_ART", "PRODUCT"})
# Heads that are always an unnamed insider unless a named body or person is attached.
_ALWAYS_ANONYMOUS = frozenset(
    {
        "source",
        "official",
        "insider",
        "aide",
        "diplomat",
        "adviser",
        "advisor",
        "witness",
        "eyewitness",
        "resident",
    }
)
# Heads that are anonymous only with an explicit anonymity marker or an indefinite article.
_MARKED_ANONYMOUS = cues.ANONYMOUS_HEADS - _ALWAYS_ANONYMOUS
_INDEFINITE_ANONYMOUS = frozenset({"spokesman", "spokeswoman", "spokesperson"})
# Determiners that point back to something the text has named ("the spokesman", "his aide").
_DEFINITE = frozenset(
    {"the", "his", "her", "its", "their", "our", "this", "that", "these", "those"}
)
# Vague-group heads that denote one person when singular ("a trade expert said").
_PERSON_GROUPS = frozenset(
    {
        "expert",
        "analyst",
        "observer",
        "commentator",
        "economist",
        "scientist",
        "researcher",
        "scholar",
        "critic",
        "insider",
        "pundit",
    }
)
_SOURCE_VERBS = cues.REPORTING_VERBS | cues.OPINION_VERBS | cues.SAY_VERBS
_QUANTIFIERS = frozenset({"some", "many", "most", "several", "few", "other", "others", "numerous"})


@dataclass(frozen=True)
class SourceMention:
    """A source in a sentence: ``kind`` is named/anonymous/vague; ``cue`` the reporting verb
    (or "according"), ``first``/``last`` the tokens bounding the source phrase."""

    kind: str
    cue: Token
    head: Token
    first: Token
    last: Token

    @property
    def text(self) -> str:
        return self.first.doc[self.first.i : self.last.i + 1].text


def _phrase_bounds(head: Token) -> tuple[Token, Token]:
    """The source phrase: the head's subtree, cut before a relative clause or a comma so that
    "an official, who spoke on condition of anonymity," cites just "an official"."""
    doc = head.doc
    first = head.left_edge
    last = head
    for child in head.rights:
        if child.dep_ in ("relcl", "punct", "cc", "conj", "appos", "advcl", "acl") and not (
            child.dep_ == "acl" and child.lemma_ in ("familiar", "brief", "close")
        ):
            break
        last = child.right_edge
    if last.i - first.i > 14:
        last = head
    while first.i < last.i and (first.is_punct or first.is_space):
        first = doc[first.i + 1]
    return first, last


def _has_marker(head: Token, sent: Span) -> bool:
    subtree = " ".join(t.lower_ for t in head.subtree)
    sent_text = sent.text.lower()
    return any(m in subtree for m in cues.ANONYMITY_MARKERS) or any(
        m in sent_text
        for m in cues.ANONYMITY_MARKERS
        if " " in m and ("anonym" in m or "named" in m or "author" in m)
    )


def _modifiers(head: Token) -> list[Token]:
    return [t for t in head.subtree if t.i < head.i or t.dep_ in ("prep", "pobj", "compound")]


def _names_a_body(tokens: list[Token]) -> bool:
    """ "Berrien County Health Department officials": a named office speaks, not an insider."""
    for t in tokens:
        if t.ent_type_ == "PERSON" or (t.pos_ == "PROPN" and t.lower_ in cues.NAMED_BODY_WORDS):
            return True
        if t.ent_type_ == "ORG" and t.lower_ in cues.NAMED_BODY_WORDS:
            return True
    return False


def classify_source(head: Token, sent: Span) -> str | None:
    """``NAMED``, ``ANONYMOUS``, ``VAGUE``, or None when the head is no source at all ("it")."""
    lower, lemma = head.lower_, head.lemma_.lower()
    if head.pos_ == "PRON":
        if lower in _PRONOUNS:
            return NAMED
        if lower in ("some", "many", "others", "those", "few", "most"):
            return VAGUE
        return None
    mods = _modifiers(head)
    if lemma in ("witness", "resident") and any(
        c.dep_ in ("det", "predet", "poss") and c.lower_ in _DEFINITE | {"both"}
        for c in head.children
    ):
        return NAMED  # "both witnesses", "the residents": people the text has introduced
    if any(
        c.dep_ == "appos" and any(t.ent_type_ == "PERSON" or t.pos_ == "PROPN" for t in c.subtree)
        for c in head.children
    ):
        return NAMED  # "another diplomat, former special envoy Kurt Volker,"
    if lemma in _ALWAYS_ANONYMOUS or (lemma in _MARKED_ANONYMOUS and _has_marker(head, sent)):
        if _names_a_body(mods) and not _has_marker(head, sent):
            return NAMED
        return ANONYMOUS
    if lemma in _INDEFINITE_ANONYMOUS:
        dets = {c.lower_ for c in head.children if c.dep_ in ("det", "poss")}
        if dets & {"a", "an"} and not any(t.pos_ == "PROPN" for t in mods):
            return ANONYMOUS
        return NAMED
    if head.pos_ == "PROPN" or head.ent_type_ in _NAMED_ENTS:
        return NAMED
    if lower == "media" and any(
        c.lower_ in ("state", "state-run", "official", "government") for c in head.children
    ):
        return NAMED  # "state media reported": the state's outlets, identifiable
    if (lemma in cues.REPORT_NOUNS or lower == "media") and not any(
        t.pos_ == "PROPN" for t in mods
    ):
        # "according to media reports", "according to one estimate": nobody the reader can check
        dets = {c.lower_ for c in head.children if c.dep_ in ("det", "amod", "compound", "nummod")}
        if not dets & _DEFINITE:
            return VAGUE
    if lemma in cues.VAGUE_GROUPS or lower in cues.VAGUE_GROUPS:
        dets = {c.lower_ for c in head.children if c.dep_ in ("det", "poss", "amod", "nummod")}
        if any(t.pos_ == "PROPN" and t.ent_type_ in ("PERSON", "ORG") for t in mods):
            return NAMED
        if dets & _DEFINITE and not dets & _QUANTIFIERS:
            return NAMED
        if head.tag_ == "NN" and dets & {"a", "an", "one", "another"} and lemma in _PERSON_GROUPS:
            return ANONYMOUS  # "one Washington-based trade expert said": an unnamed individual
        return VAGUE
    return NAMED


def _subject_of(verb: Token) -> Token | None:
    # a passive's source is its agent ("is accused by critics"), not its grammatical subject
    for child in verb.children:
        if child.dep_ == "agent":
            for g in child.children:
                if g.dep_ == "pobj":
                    return g
    if any(c.dep_ == "auxpass" for c in verb.children):
        return None  # "the virus has been reported in...": no one is named as the source
    for child in verb.children:
        if child.dep_ == "nsubj":
            return child
    # "..., he said" parsed with the content as head: the verb is a conjunct or parataxis.
    if verb.dep_ in ("conj", "xcomp") and verb.head.pos_ == "VERB":
        return _subject_of(verb.head) if verb.head.i != verb.i else None
    return None


def sentence_sources(sent: Span) -> list[SourceMention]:
    """Every source the sentence cites, in order."""
    mentions: list[SourceMention] = []
    for tok in sent:
        lemma = tok.lemma_.lower()
        head: Token | None = None
        if lemma == "cite" and tok.tag_ == "VBG":
            # "citing an anonymous government source": the source is the object
            head = next((c for c in tok.children if c.dep_ == "dobj"), None)
        elif tok.pos_ in ("VERB", "AUX") and lemma in _SOURCE_VERBS:
            if lemma == "claim" and any(c.lemma_.lower() == "life" for c in tok.children):
                continue  # "the bombing claimed 30 lives": a toll, not a claim
            head = _subject_of(tok)
            if head is not None and head.lower_ == "it":
                head = None
        elif tok.lower_ == "according":
            to = next((c for c in tok.children if c.lower_ == "to"), None)
            if to is None and tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ == "to":
                to = tok.doc[tok.i + 1]
            if to is not None:
                head = next((c for c in to.children if c.dep_ == "pobj"), None)
        if head is None:
            continue
        kind = classify_source(head, sent)
        if kind is None:
            continue
        first, last = _phrase_bounds(head)
        mentions.append(SourceMention(kind, tok, head, first, last))
    return mentions


def is_sourced(mentions: list[SourceMention]) -> bool:
    """A named or anonymous source *tells* something in the sentence (a vague crowd does not,
    and "they felt" or "she hoped" is a state of mind, not a source for facts)."""
    return any(
        m.kind in (NAMED, ANONYMOUS) and m.cue.lemma_.lower() not in cues.PURE_OPINION_VERBS
        for m in mentions
    )


@dataclass(frozen=True)
class AttributedSpan:
    """What the attribution detector found: a statement range and whether its source is named."""

    start: int
    end: int
    anonymous: bool
    speaker_start: int
    speaker_end: int
    speaker_text: str
    speaker_name: str | None = None
    cue_start: int = -1


def merge_attributions(attributions: list[Finding]) -> list[AttributedSpan]:
    spans: list[AttributedSpan] = []
    for f in attributions:
        if f.kind != "attribution" or f.speaker is None:
            continue
        spans.append(
            AttributedSpan(
                start=f.start,
                end=f.end,
                anonymous=bool(f.speaker.anonymous),
                speaker_start=f.speaker.start,
                speaker_end=f.speaker.end,
                speaker_text=f.speaker.text,
                speaker_name=f.speaker.name,
                cue_start=f.cue.start if f.cue else -1,
            )
        )
    return spans
