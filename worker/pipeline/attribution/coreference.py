"""Resolve a speaker mention to the fullest name the article gives.

Rule-based, in the spirit of the sieve coreference systems (Lee et al. 2013, "Deterministic
coreference resolution based on entity-centric, precision-ranked rules"): exact and surname
matches first, then roles stated in appositions or titles ("Stephane Dujarric, the spokesman";
"Secretary of State Mike Pompeo"), then pronouns to the most salient person. A news article
introduces a source once by full name and role, then uses the surname, a pronoun or the role, which
these rules cover; cataphora ("said his spokesman" before the name) falls back to the first later
role statement.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from worker.pipeline.attribution.speakers import (
    ANONYMOUS_HEADS,
    ORG_HEADS,
    PERSON_PRONOUNS,
    PLURAL_PRONOUNS,
    appositive_role,
    org_name_in,
    person_name_in,
    role_before_name,
    role_text,
)


@dataclass
class _Role:
    position: int
    text: str
    words: frozenset[str]
    name: str


@dataclass
class Registry:
    """Every person name and stated role of one article."""

    names: list[tuple[int, str]] = field(default_factory=list)  # (char position, full name)
    roles: list[_Role] = field(default_factory=list)
    orgs: list[tuple[int, str]] = field(default_factory=list)
    role_of: dict[str, str] = field(default_factory=dict)

    def fullest(self, name: str) -> str:
        """The longest registered name this one abbreviates ("Dujarric" -> "Stephane Dujarric")."""
        words = name.split()
        best = name
        for _, full in self.names:
            fw = full.split()
            if len(fw) <= len(best.split()):
                continue
            if fw[-len(words) :] == words or (len(words) == 1 and words[0] in fw):
                best = full
        return best

    def role_for(self, head_word: str, position: int) -> _Role | None:
        before = [r for r in self.roles if head_word in r.words and r.position <= position]
        if before:
            return before[-1]
        after = [r for r in self.roles if head_word in r.words]
        return after[0] if after else None

    def org_for(self, head_word: str, position: int) -> str | None:
        hits = [o for p, o in self.orgs if p <= position and head_word in o.lower().split()]
        return hits[-1] if hits else None


def _words(text: str) -> frozenset[str]:
    return frozenset(w.lower().strip(".,") for w in text.replace("-", " - ").split())


def build_registry(doc: Doc) -> Registry:
    reg = Registry()
    for ent in doc.ents:
        if ent.label_ == "PERSON":
            name = person_name_in(ent)
            if name is not None:
                reg.names.append((ent.start_char, name.text))
        elif ent.label_ in ("ORG", "GPE", "NORP"):
            reg.orgs.append((ent.start_char, ent.text))
    # Names the tagger missed but that are shaped like names as subjects of verbs.
    for tok in doc:
        if tok.dep_ in ("nsubj", "nsubjpass") and tok.pos_ == "PROPN" and not tok.ent_type_:
            name = person_name_in(doc[tok.left_edge.i : tok.i + 1])
            if name is not None and len(name) >= 2:
                reg.names.append((name.start_char, name.text))
    reg.names.sort()
    for ent in doc.ents:
        if ent.label_ != "PERSON":
            continue
        name_span = person_name_in(ent)
        if name_span is None:
            continue
        full = reg.fullest(name_span.text)
        roles = []
        title = role_before_name(doc, ent)
        if title:
            roles.append(title)
        head = ent.root
        appos = appositive_role(head)
        if appos:
            roles.append(appos)
        # Reverse apposition: "the secretary-general's special representative, Natalia Gherman".
        if head.dep_ == "appos" and head.head.pos_ == "NOUN" and head.head.i < head.i:
            rt = role_text(head.head)
            if rt:
                roles.append(rt)
        for role in roles:
            reg.roles.append(_Role(ent.start_char, role, _words(role), full))
            reg.role_of.setdefault(full, role)
    return reg


@dataclass(frozen=True)
class Resolution:
    name: str | None
    role: str | None
    is_person: bool


def resolve(
    mention: Span, reg: Registry, last_person: str | None, last_group: str | None
) -> Resolution:
    """The name (and known role) a speaker mention refers to."""
    if not len(mention):
        return Resolution(None, None, False)
    head: Token = mention.root
    doc = mention.doc
    pos = mention.start_char
    name_span = person_name_in(mention)
    if name_span is not None:
        full = reg.fullest(name_span.text)
        role = reg.role_of.get(full)
        own = role_before_name(doc, name_span)
        return Resolution(full, own or role, True)
    low = head.lower_
    if low in ANONYMOUS_HEADS and not _definite(head):
        # "a Taliban representative", "US officials": an affiliation, not a name.
        return Resolution(None, None, True)
    if low in PERSON_PRONOUNS:
        name = _person_in_sentence(head, reg) or last_person or _last_name_before(reg, pos)
        return Resolution(name, reg.role_of.get(name) if name else None, True)
    if low in PLURAL_PRONOUNS:
        return Resolution(last_group, None, False)
    org = org_name_in(mention)
    if org is not None and head.pos_ == "PROPN":
        return Resolution(org.text, None, False)
    # Roles: "the spokesman", "his spokesman", "the president", "the ministry".
    definite = _definite(head)
    head_word = head.lower_
    if definite or head.pos_ == "PROPN":
        role = reg.role_for(head_word, pos)
        if role is not None and head_word not in ("official", "officials"):
            return Resolution(role.name, role.text, True)
        if head.lemma_.lower() in ORG_HEADS:
            org_text = reg.org_for(head_word, pos)
            if org_text:
                return Resolution(org_text, None, False)
    if org is not None:
        return Resolution(org.text, None, False)
    return Resolution(None, None, False)


def _definite(head: Token) -> bool:
    determiners = {c.lower_ for c in head.children if c.dep_ in ("det", "poss")}
    return bool(determiners & {"the", "his", "her", "its", "their", "this", "that"})


def _person_in_sentence(pronoun: Token, reg: Registry) -> str | None:
    """A person named earlier in the pronoun's own sentence ("When Ghani announced…, he said")."""
    sent = pronoun.sent
    best = None
    for ent in sent.ents:
        if ent.label_ == "PERSON" and ent.end <= pronoun.i:
            name = person_name_in(ent)
            if name is not None:
                best = reg.fullest(name.text)
    return best


def _last_name_before(reg: Registry, pos: int) -> str | None:
    before = [n for p, n in reg.names if p < pos]
    return reg.fullest(before[-1]) if before else None
