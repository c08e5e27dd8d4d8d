"""Who, if anyone, stands behind a sentence, and what kind of source it is.

The one reader of sources both detectors use: a reporting verb and its subject (or a passive's
agent), "according to X", "citing X". Each source gets a kind: a person, an organisation, a
document, a poll or study, an anonymous insider or a vague group. The kinds follow PARC 3.0's
source annotation and the AP Stylebook's rule that a source the reader cannot identify is
anonymous, however official it sounds; "anonymous" is decided here and only here.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from worker.pipeline import grammar, lexicon

# Dependents that end a source phrase ("an official, who spoke on condition…").
_PHRASE_END_DEPS = frozenset({"relcl", "punct", "cc", "conj", "appos", "advcl", "acl"})
# Dependents after a head that still modify it ("officials at the ministry").
_MODIFIER_DEPS = frozenset({"prep", "pobj", "compound"})
# Entity types of a document source.
_DOCUMENT_ENTS = frozenset({"WORK_OF_ART", "PRODUCT"})
# Determiners, predeterminers ("both") and possessives.
_POINTING_DEPS = frozenset({"det", "predet", "poss"})
# A verb that shares its head verb's subject.
_SHARED_SUBJECT_DEPS = frozenset({"conj", "xcomp"})

PERSON = "person"  # a person or people the reader can identify (also "he", "the spokesman")
ORGANISATION = "organisation"  # "the ministry", "Reuters", "Berrien County Health Department"
DOCUMENT = "document"  # "the report", "a statement", "court filings"
POLL_OR_STUDY = "poll_or_study"  # "a Gallup poll", "the study"
ANONYMOUS = "anonymous"  # "officials", "a person familiar with the matter", "sources"
VAGUE = "vague"  # "critics", "some", "many experts": a weasel attribution
NAMED_KINDS = frozenset({PERSON, ORGANISATION, DOCUMENT, POLL_OR_STUDY})
KINDS = (PERSON, ORGANISATION, DOCUMENT, POLL_OR_STUDY, ANONYMOUS, VAGUE)

_NAMED = "named"  # the reader's first answer, refined into one of NAMED_KINDS
_NAMED_ENTS = frozenset({"PERSON", "ORG", "GPE", "NORP", "FAC", "WORK_OF_ART", "PRODUCT"})
_ORG_ENTS = frozenset({"ORG", "GPE", "NORP", "FAC"})
_MARKED_ANONYMOUS = lexicon.ANONYMOUS_HEADS - lexicon.ALWAYS_ANONYMOUS_HEADS
_SOURCE_VERBS = lexicon.SOURCE_VERBS | lexicon.OPINION_VERBS


@dataclass(frozen=True)
class Source:
    """A source in a sentence: ``kind`` one of ``KINDS``; ``cue`` the reporting verb (or
    "according", "citing"); ``first``/``last`` the tokens bounding the source phrase. ``name``
    and ``role`` are the attribution detector's resolution of it, when it made one ("Stephane
    Dujarric", "spokesman" for "he")."""

    kind: str
    cue: Token
    head: Token
    first: Token
    last: Token
    name: str | None = None
    role: str | None = None

    @property
    def named(self) -> bool:
        """The reader can tell who this is (a person, organisation, document, poll or study)."""
        return self.kind in NAMED_KINDS

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
        if child.dep_ in _PHRASE_END_DEPS and not (
            child.dep_ == "acl" and child.lemma_ in lexicon.MARKER_PARTICIPLES
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
    return any(m in subtree for m in lexicon.ANONYMITY_MARKERS) or any(
        m in sent_text
        for m in lexicon.ANONYMITY_MARKERS
        if " " in m and ("anonym" in m or "named" in m or "author" in m)
    )


def _modifiers(head: Token) -> list[Token]:
    return [t for t in head.subtree if t.i < head.i or t.dep_ in _MODIFIER_DEPS]


def _names_a_body(tokens: list[Token]) -> bool:
    """ "Berrien County Health Department officials": a named office speaks, not an insider."""
    for t in tokens:
        if t.ent_type_ == "PERSON" or (t.pos_ == "PROPN" and t.lower_ in lexicon.NAMED_BODY_WORDS):
            return True
        if t.ent_type_ == "ORG" and t.lower_ in lexicon.NAMED_BODY_WORDS:
            return True
    return False


def source_kind(head: Token, sent: Span, *, cited: bool = False) -> str | None:
    """One of ``KINDS`` for the source phrase headed by ``head`` in ``sent``, or None when the
    head is no source at all ("it"). ``cited``: the article cites the phrase as its own source
    ("according to X", "citing X"), not as someone speaking in the story."""
    kind = _reading(head, sent, cited)
    return _named_kind(head) if kind == _NAMED else kind


def _named_kind(head: Token) -> str:
    lemma = head.lemma_.lower()
    if head.pos_ == "PRON":
        return PERSON
    if lemma in lexicon.POLL_OR_STUDY_NOUNS:
        return POLL_OR_STUDY
    if lemma in lexicon.DOCUMENT_NOUNS or head.ent_type_ in _DOCUMENT_ENTS:
        return DOCUMENT
    if head.ent_type_ in _ORG_ENTS or lemma in lexicon.ORG_HEADS or lemma == "official":
        return ORGANISATION
    return PERSON


def _reading(head: Token, sent: Span, cited: bool = False) -> str | None:
    lower, lemma = head.lower_, head.lemma_.lower()
    if head.pos_ == "PRON":
        if lower in lexicon.SOURCE_PRONOUNS:
            return _NAMED
        if lower in lexicon.VAGUE_PRONOUNS:
            return VAGUE
        return None
    mods = _modifiers(head)
    if lemma in lexicon.INTRODUCED_PEOPLE and any(
        c.dep_ in _POINTING_DEPS and c.lower_ in lexicon.POINTING_OR_BOTH for c in head.children
    ):
        return _NAMED  # "both witnesses", "the residents": people the text has introduced
    if any(
        c.dep_ == "appos" and any(t.ent_type_ == "PERSON" or t.pos_ == "PROPN" for t in c.subtree)
        for c in head.children
    ):
        return _NAMED  # "another diplomat, former special envoy Kurt Volker,"
    marked = lemma in _MARKED_ANONYMOUS and _has_marker(head, sent)
    # "according to a Taliban representative": the article's own source is one unnamed person
    cited_unnamed = (
        cited
        and lemma in _MARKED_ANONYMOUS - lexicon.INDEFINITE_ANONYMOUS_HEADS
        and any(c.dep_ == "det" and c.lower_ in lexicon.A_OR_ANOTHER for c in head.children)
    )
    if head.pos_ == "PROPN" and head.ent_type_ in _ORG_ENTS and head.text[:1].isupper():
        return _NAMED  # "Business Insider acknowledged": a name, whatever its last word means
    if lemma in lexicon.ALWAYS_ANONYMOUS_HEADS or marked or cited_unnamed:
        if _names_a_body(mods) and not _has_marker(head, sent):
            return _NAMED
        return ANONYMOUS
    if lemma in lexicon.INDEFINITE_ANONYMOUS_HEADS:
        dets = {c.lower_ for c in head.children if c.dep_ in grammar.DETERMINER_DEPS}
        if dets & lexicon.INDEFINITE_ARTICLES and not any(t.pos_ == "PROPN" for t in mods):
            return ANONYMOUS
        return _NAMED
    if head.pos_ == "PROPN" or head.ent_type_ in _NAMED_ENTS:
        return _NAMED
    if lower == "media" and any(c.lower_ in lexicon.STATE_MEDIA_MODIFIERS for c in head.children):
        return _NAMED  # "state media reported": the state's outlets, identifiable
    if (lemma in lexicon.REPORT_NOUNS or lower == "media") and not any(
        t.pos_ == "PROPN" for t in mods
    ):
        # "according to media reports", "according to one estimate": nobody the reader can check
        dets = {c.lower_ for c in head.children if c.dep_ in grammar.DESCRIPTION_DEPS}
        if not dets & lexicon.POINTING_DETERMINERS:
            return VAGUE
    if lemma in lexicon.VAGUE_GROUPS or lower in lexicon.VAGUE_GROUPS:
        dets = {c.lower_ for c in head.children if c.dep_ in grammar.NOUN_MODIFIER_DEPS}
        if any(t.pos_ == "PROPN" and t.ent_type_ in grammar.PERSON_OR_ORG for t in mods):
            return _NAMED
        if dets & lexicon.POINTING_DETERMINERS and not dets & lexicon.QUANTIFIERS:
            return _NAMED
        one = dets & lexicon.FIRST_MENTION_OF_ONE
        if head.tag_ == "NN" and one and lemma in lexicon.PERSON_GROUPS:
            return ANONYMOUS  # "one Washington-based trade expert said": an unnamed individual
        return VAGUE
    return _NAMED


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
    if verb.dep_ in _SHARED_SUBJECT_DEPS and verb.head.pos_ == "VERB":
        return _subject_of(verb.head) if verb.head.i != verb.i else None
    return None


def sentence_sources(sent: Span) -> list[Source]:
    """Every source the sentence cites, in order."""
    mentions: list[Source] = []
    for tok in sent:
        lemma = tok.lemma_.lower()
        head: Token | None = None
        if lemma == "cite" and tok.tag_ == "VBG":
            # "citing an anonymous government source": the source is the object
            head = next((c for c in tok.children if c.dep_ == "dobj"), None)
        elif tok.pos_ in grammar.VERB_POS and lemma in _SOURCE_VERBS:
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
        cited = tok.lower_ == "according" or lemma == "cite"
        kind = source_kind(head, sent, cited=cited)
        if kind is None:
            continue
        first, last = _phrase_bounds(head)
        mentions.append(Source(kind, tok, head, first, last))
    return mentions


def is_sourced(mentions: list[Source]) -> bool:
    """A named or anonymous source *tells* something in the sentence (a vague crowd does not,
    and "they felt" or "she hoped" is a state of mind, not a source for facts)."""
    return any(
        (m.named or m.kind == ANONYMOUS) and m.cue.lemma_.lower() not in lexicon.PURE_OPINION_VERBS
        for m in mentions
    )
