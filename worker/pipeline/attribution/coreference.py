"""Resolve a speaker mention to the fullest name the article gives.

Rule-based, in the spirit of the sieve coreference systems (Lee et al. 2013, "Deterministic
coreference resolution based on entity-centric, precision-ranked rules"): exact and surname
matches first, then roles stated in appositions or titles ("Stephane Dujarric, the spokesman";
"Secretary of State Mike Pompeo"), then pronouns to the most salient person — the latest person
who was a grammatical subject outside quotations (Centering theory's preference for subjects). A
news article introduces a source once by full name and role, then uses the surname, a pronoun or
the role; cataphora ("said his spokesman" before the name) falls back to the first later role
statement.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from worker.pipeline import grammar, lexicon
from worker.pipeline.attribution.relation import ents_in, sentence_starts
from worker.pipeline.attribution.speakers import (
    NON_PERSON_ENTS,
    appositive_role,
    person_name_in,
    role_before_name,
    role_text,
)
from worker.pipeline.lexicon import (
    FUNCTION_NOUN_FORMS,
    ORG_HEADS,
    PERSON_PRONOUNS,
    PLURAL_PRONOUNS,
    ROLE_WORDS,
)

# Links from a word up to the subject it is part of ("the party's leader, Jane Roe").
_SUBJECT_PART_DEPS = frozenset({"compound", "flat", "appos", "poss"})
# Entity types of a body a speaker can speak for.
_ORG_LABELS = frozenset({"ORG", "GPE", "NORP"})
# Modifiers that make "the ministry" a particular one ("the foreign ministry").
_DESCRIBED_DEPS = frozenset({"poss", "amod", "compound"})

PRONOUN_WINDOW_SENTENCES = 4


@dataclass
class _Role:
    position: int
    text: str
    words: frozenset[str]
    name: str


@dataclass(frozen=True)
class _Mention:
    position: int
    name: str
    subject: bool
    sentence: int


@dataclass
class Registry:
    """Every person name, mention and stated role of one article."""

    full_names: list[str] = field(default_factory=list)
    mentions: list[_Mention] = field(default_factory=list)
    roles: list[_Role] = field(default_factory=list)
    orgs: list[tuple[int, str]] = field(default_factory=list)
    role_of: dict[str, str] = field(default_factory=dict)
    surnames: set[str] = field(default_factory=set)
    # fullest() is asked about every mention against every name: quadratic in long articles.
    # full_names is fixed once the registry is built, so each answer can be kept.
    _fullest: dict[str, str] = field(default_factory=dict, repr=False, compare=False)
    _split_names: list[tuple[str, list[str]]] = field(
        default_factory=list, repr=False, compare=False
    )

    def fullest(self, name: str) -> str:
        """The longest registered name this one abbreviates ("Dujarric" -> "Stephane Dujarric")."""
        best = self._fullest.get(name)
        if best is None:
            best = self._fullest[name] = self._find_fullest(name)
        return best

    def _find_fullest(self, name: str) -> str:
        if len(self._split_names) != len(self.full_names):
            self._split_names = [(full, full.split()) for full in self.full_names]
        words = name.split()
        best, best_len = name, len(words)
        for full, fw in self._split_names:
            if len(fw) <= best_len:
                continue
            if fw[-len(words) :] == words or (len(words) == 1 and words[0] in fw[1:]):
                best, best_len = full, len(fw)
        if best == name and len(words) == 1:
            # A first name (or a family name written first, "Liu Xiaming"): only when one
            # registered person has it.
            firsts = [full for full, fw in self._split_names if len(fw) > 1 and fw[0] == name]
            if len(firsts) == 1:
                best = firsts[0]
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
    """The words a later role mention can use for this role: its role words, and the noun the
    role phrase is about ("chief executive of Ceres" -> chief, executive)."""
    words = [w.lower().strip(".,") for w in text.replace("-", " ").split()]
    words = [lexicon.ROLE_ABBREVIATIONS.get(w, w) for w in words]
    head_part = []
    for w in words:
        if w in lexicon.ROLE_PREPOSITIONS:
            break
        head_part.append(w)
    keys = {w for w in words if w in ROLE_WORDS}
    if head_part:
        keys.add(head_part[-1].removesuffix("\u2019s").removesuffix("'s"))
    return frozenset(keys)


def _in_spans(pos: int, starts: list[int], spans: list[tuple[int, int]]) -> bool:
    k = bisect_left(starts, pos + 1) - 1
    return k >= 0 and spans[k][0] <= pos < spans[k][1]


def _is_subject(tok: Token) -> bool:
    """The token heads, or is inside, a clause subject (through compounds and appositions)."""
    for _ in range(4):
        if tok.dep_ in grammar.SUBJECT_DEPS:
            return True
        if tok.dep_ not in _SUBJECT_PART_DEPS or tok.head.i == tok.i:
            return tok.dep_ in grammar.SUBJECT_DEPS
        if tok.dep_ == "poss":
            return False
        tok = tok.head
    return False


def _name_spans(doc: Doc) -> list[Span]:
    spans: list[Span] = []
    for ent in ents_in(doc[:]):
        if ent.label_ == "PERSON":
            name = person_name_in(ent, head_only=False)
            if name is not None:
                spans.append(name)
    covered = {t.i for s in spans for t in s}
    for tok in doc:
        if tok.pos_ != "PROPN" or tok.i in covered or tok.dep_ in grammar.NAME_DEPS:
            continue
        name = person_name_in(
            doc[tok.left_edge.i : tok.i + 1], person_evidence=_person_evidence(tok)
        )
        if name is not None and len(name) >= 2:
            spans.append(name)
    return sorted(spans, key=lambda s: s.start)


def _person_evidence(tok: Token) -> bool:
    """The context says a capitalised name is a person: "X, who represents…", "X, the
    commander…", or a title before it ("Sen. X")."""
    for child in tok.children:
        if child.dep_ == "relcl" and any(g.lower_ == "who" for g in child.children):
            return True
        if child.dep_ == "appos" and child.lower_ in ROLE_WORDS | FUNCTION_NOUN_FORMS:
            return True
    return tok.dep_ in grammar.SUBJECT_DEPS and any(
        c.lower_ in ROLE_WORDS for c in tok.children if c.dep_ == "compound"
    )


def build_registry(doc: Doc, quoted: list[tuple[int, int]] | None = None) -> Registry:
    """Names, roles and organisations of ``doc``; ``quoted`` spans hold nobody's own mentions
    (a name inside a quotation is never what a later "he" refers to)."""
    reg = Registry()
    quoted = sorted(quoted or [])
    starts = [s for s, _ in quoted]
    names = _name_spans(doc)
    # Of names of one length the most frequent, then the first, comes first ("Marco Rubio"
    # over a typo); a set's order used to decide, changing with the hash seed.
    counts = Counter(n.text for n in names if len(n) >= 2)
    reg.full_names = sorted(counts, key=lambda t: (len(t), -counts[t]))
    sent_starts = sentence_starts(doc)
    surnames = {n.split()[-1] for n in reg.full_names}
    firsts = [n.split()[0] for n in reg.full_names]
    surnames |= {f for f in firsts if firsts.count(f) == 1 and f not in surnames}
    reg.surnames = surnames
    seen = {t.i for n in names for t in n}
    for tok in doc:
        if tok.i not in seen and tok.pos_ == "PROPN" and tok.text in surnames:
            names.append(doc[tok.i : tok.i + 1])
    for name in sorted(names, key=lambda s: s.start):
        if _in_spans(name.start_char, starts, quoted):
            continue
        full = reg.fullest(name.text)
        sentence = bisect_right(sent_starts, name.root.i) - 1
        reg.mentions.append(_Mention(name.start_char, full, _is_subject(name.root), sentence))
        roles = []
        title = role_before_name(doc, name)
        if title:
            roles.append(title)
        appos = appositive_role(name.root)
        if appos:
            roles.append(appos)
        head = name.root
        # Reverse apposition: "the secretary-general's special representative, Natalia Gherman".
        if head.dep_ == "appos" and head.head.pos_ == "NOUN" and head.head.i < head.i:
            rt = role_text(head.head)
            if rt:
                roles.append(rt)
        for role in roles:
            reg.roles.append(_Role(name.start_char, role, _words(role), full))
            reg.role_of.setdefault(full, role)
    for ent in ents_in(doc[:]):
        if ent.label_ in _ORG_LABELS:
            reg.orgs.append((ent.start_char, ent.text))
    return reg


@dataclass(frozen=True)
class Resolution:
    name: str | None
    role: str | None
    is_person: bool


def _clean_org(span: Span) -> str:
    start, end = span.start, span.end
    doc = span.doc
    while start < end - 1 and doc[start].lower_ == "the":
        start += 1
    while end > start + 1 and doc[end - 1].lower_ in lexicon.POSSESSIVE_ENDINGS:
        end -= 1
    return doc[start:end].text


def _determiners(head: Token) -> set[str]:
    return {c.lower_ for c in head.children if c.dep_ in grammar.NOUN_MODIFIER_DEPS}


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
    if name_span is None:
        for child in head.children:
            if child.dep_ == "appos" and child.i > head.i:
                name_span = person_name_in(doc[child.left_edge.i : child.right_edge.i + 1])
                if name_span is not None:
                    break
    if name_span is not None:
        full = reg.fullest(name_span.text)
        own = role_before_name(doc, name_span) if name_span.start > mention.start else None
        return Resolution(full, own or reg.role_of.get(full), True)
    low = head.lower_
    if (
        head.pos_ == "PROPN"
        and head.text in reg.surnames
        and not any(c.dep_ in grammar.NAME_DEPS for c in head.children)
    ):
        full = reg.fullest(head.text)
        return Resolution(full, reg.role_of.get(full), True)
    if low in PERSON_PRONOUNS:
        name = _salient_person(head, reg) or last_person
        return Resolution(name, reg.role_of.get(name) if name else None, True)
    if low in PLURAL_PRONOUNS:
        return Resolution(last_group, None, False)
    dets = _determiners(head)
    plural = head.tag_ in grammar.PLURAL_NOUN_TAGS
    bare_plural = plural and not dets & lexicon.DEFINITE_DETERMINERS and head.pos_ != "PROPN"
    if dets & lexicon.INDEFINITE_DETERMINERS or bare_plural:
        # "a Taliban representative", "US officials", "two people": unnamed, not resolved.
        return Resolution(None, None, low in FUNCTION_NOUN_FORMS)
    if head.pos_ == "PROPN" or head.ent_type_ in NON_PERSON_ENTS - {"DATE"}:
        return Resolution(_org_text(mention), None, False)
    # Roles: "the spokesman", "his spokesman", "China's ambassador", "the ministry".
    head_word = low
    pointing = dets & lexicon.DEFINITE_DETERMINERS
    if pointing or head_word in ROLE_WORDS or head_word in FUNCTION_NOUN_FORMS:
        role = reg.role_for(head_word, pos)
        if role is not None and head_word not in lexicon.OFFICIAL_FORMS:
            return Resolution(role.name, role.text, True)
    if head.lemma_.lower() in ORG_HEADS:
        for ent in ents_in(mention):
            if ent.start <= head.i < ent.end:
                return Resolution(_clean_org(ent), None, False)
        if dets & lexicon.DEFINITE_DETERMINERS and not any(
            c.dep_ in _DESCRIBED_DEPS
            for c in head.children
            if c.lower_ not in lexicon.DEFINITE_DETERMINERS
        ):
            org_text = reg.org_for(head_word, pos)
            if org_text:
                return Resolution(org_text, None, False)
    return Resolution(None, None, False)


def _org_text(mention: Span) -> str:
    head = mention.root
    for ent in ents_in(mention):
        if ent.start <= head.i < ent.end:
            return _clean_org(ent)
    return _clean_org(mention)


def _salient_person(pronoun: Token, reg: Registry) -> str | None:
    """The latest subject person outside quotations within a few sentences before the pronoun;
    failing that, the latest person mentioned."""
    pos = pronoun.idx
    sent_starts = sentence_starts(pronoun.doc)
    current = bisect_right(sent_starts, pronoun.i) - 1
    before = [m for m in reg.mentions if m.position < pos]
    recent = [m for m in before if current - m.sentence <= PRONOUN_WINDOW_SENTENCES]
    subjects = [m for m in recent if m.subject]
    if subjects:
        return subjects[-1].name
    if recent:
        return recent[-1].name
    return None
