"""Contexts that defuse a cue: quotations, hypotheticals, concessions, sport, embedded posts,
and statements whose content a named source already carries.

The issue's list of what is *not* flagged (attributed figures, confirmed figures, concessive or
counterfactual "may have", generic statements, sports injuries) is implemented here so each
detector asks the same questions.
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from worker.pipeline import grammar, lexicon
from worker.pipeline.sources import Source
from worker.pipeline.unverified.rule import Candidate, Sentence

# Auxiliaries, negation and adverbs of a verb group.
_VERB_GROUP_DEPS = frozenset({"aux", "auxpass", "neg", "advmod"})
# Clauses attached to a statement's verb.
_ATTACHED_CLAUSE_DEPS = frozenset({"parataxis", "ccomp", "advcl", "conj"})

_EMBEDDED_POST = re.compile(r"https?://t\.co/|pic\.twitter\.com/|\(@\w+\)")


def is_embedded_post(sent: Span) -> bool:
    """An embedded tweet or post is quoted material, not the article's own claim."""
    return bool(_EMBEDDED_POST.search(sent.text))


# A reference to a cited work: a numbered note closing the sentence ("... assessment (3, 10).",
# "[12]") or an author-year citation anywhere in it ("(Drummond in Hall, 1998)").
_NUMBERED_REFERENCE = re.compile(
    r"(?:\(\d{1,3}(?:\s*[,\u2013-]\s*\d{1,3})*\)|\[\d{1,3}(?:\s*[,\u2013-]\s*\d{1,3})*\])[.;]?\s*$"
)
_AUTHOR_YEAR = re.compile(r"\([^()]*[A-Z][a-z]+[^()]*,\s*(?:1[89]|20)\d\d[a-z]?\)")


def cites_a_work(sent: Span) -> bool:
    """A sentence that cites the study or book it rests on names its source, as a named study
    does in issue 14's rules (academic and health pages cite by note or author and year)."""
    text = sent.text
    return bool(_NUMBERED_REFERENCE.search(text) or _AUTHOR_YEAR.search(text))


def is_sport(sent: Span, paragraph_text: str) -> bool:
    words = {t.lower_ for t in sent} | {t.lemma_.lower() for t in sent}
    if words & lexicon.SPORT_STRONG or len(words & lexicon.SPORT_WEAK) >= 2:
        return True
    para_words = set(re.findall(r"[a-z]+", paragraph_text.lower()))
    return bool(para_words & lexicon.SPORT_STRONG) or len(para_words & lexicon.SPORT_WEAK) >= 3


def is_correction_note(sent: Span) -> bool:
    return any(t.lower_ in lexicon.CORRECTION_WORDS for t in sent)


def has_modal(verb: Token, modals: frozenset[str]) -> bool:
    return any(c.dep_ == "aux" and c.lower_ in modals for c in verb.children)


def subject_person(verb: Token) -> str | None:
    for c in verb.children:
        if c.dep_ in grammar.SUBJECT_DEPS:
            return c.lower_
    return None


def is_concessive(tok: Token, sent: Span) -> bool:
    """ "Crossovers may have become the vehicle of choice, but..." / "Although X may have...":
    the writer grants the point only to move past it."""
    clause = _clause_head(tok)
    for c in clause.children:
        if c.dep_ == "mark" and c.lower_ in lexicon.CONCESSIVE_MARKS:
            return True
        if c.dep_ == "cc" and c.lower_ in lexicon.ADVERSATIVES and c.i > tok.i:
            return True
    marks = lexicon.CONCESSIVE_MARKS
    if clause.dep_ == "advcl" and any(c.lower_ in marks for c in clause.children):
        return True
    # "..., but" right after the hedged clause, when the parser hangs the rest elsewhere
    tail = [t for t in sent if t.i > tok.i]
    for t in tail[:25]:
        if (
            t.lower_ in lexicon.ADVERSATIVES
            and t.i > 0
            and t.doc[t.i - 1].is_punct
            and (t.head == clause or t.head == clause.head)
        ):
            return True
    return False


def _clause_head(tok: Token) -> Token:
    head = tok
    while head.dep_ in _VERB_GROUP_DEPS and head.head.i != head.i:
        head = head.head
    return head


def _path_to(tok: Token, ancestor: Token) -> list[Token] | None:
    path = [tok]
    cur = tok
    while cur.i != ancestor.i:
        if cur.head.i == cur.i:
            return None
        cur = cur.head
        path.append(cur)
    return path


def covered_by(tok: Token, mention: Source) -> bool:
    """Is ``tok`` part of what ``mention``'s source says? (the content of "X said", or the
    clause "according to X" hangs on). A relative clause inside the content is the writer's own
    addition ("contacted by the office, which will reportedly focus on...")."""
    cue = mention.cue
    if tok.i in range(mention.first.i, mention.last.i + 1):
        return False
    end = max(cue.i, mention.last.i)
    if tok.i > end and any(t.lower_ in lexicon.CLAUSE_BREAKS for t in tok.doc[end + 1 : tok.i]):
        return False  # "..., according to The Wrap, so it's possible...": the writer's inference
    anchor = cue.head if cue.lower_ == "according" or cue.lemma_ == "cite" else cue
    if cue.lower_ == "according" or cue.lemma_ == "cite":
        # "according to X" covers the clause it modifies.
        path = _path_to(tok, anchor)
        if path is not None:
            return not any(p.dep_ == "relcl" for p in path[:-1])
        return anchor.dep_ == "ROOT" or _path_to(anchor, tok) is not None
    path = _path_to(tok, anchor)
    if path is not None:
        return not any(p.dep_ == "relcl" for p in path[:-1])
    # "Content, X said": the reporting verb hangs off the content's root.
    if anchor.dep_ in _ATTACHED_CLAUSE_DEPS and not any(c.dep_ == "mark" for c in anchor.children):
        root = anchor.head
        path = _path_to(tok, root)
        if path is not None:
            return not any(p.dep_ == "relcl" for p in path[:-1])
    return False


def named_cover(tok: Token, mentions: list[Source], strict: bool = False) -> Source | None:
    """The named source whose statement ``tok`` is part of. ``strict`` asks for a source named
    in so many words (a name, a pronoun or "the spokesman" pointing back to one): a hedge stays a
    hedge when "investigators believe" it."""
    for m in mentions:
        if not m.named or m.cue.i == tok.i or not covered_by(tok, m):
            continue
        if strict and not _named_in_words(m):
            continue
        return m
    return None


def _named_in_words(m: Source) -> bool:
    phrase = m.first.doc[m.first.i : m.last.i + 1]
    if any(t.pos_ == "PROPN" or t.ent_type_ in grammar.PERSON_OR_ORG for t in phrase):
        return True
    if m.head.pos_ == "PRON":
        return True
    return any(
        c.dep_ in grammar.DETERMINER_DEPS and c.lower_ != "a" and c.lower_ != "an"
        for c in m.head.children
    )


def told_by_named(s: Sentence, c: Candidate) -> bool:
    """Is the group at ``c`` part of what a source named in so many words says ("Carter said
    that some critics had been predicting ...", "the senator said allies wanted to know if",
    "voters view him favorably, according to a Gallup poll")? Then the named source stands
    behind what the group holds or does and the reader can check with them: no weasel of the
    article's own (issue 14's labelling rules). A group that itself tells a claim stays one."""
    span = s.doc.char_span(c.start, c.end, alignment_mode="expand")
    if span is None:
        return False
    verb = span.root if span.root.pos_ in grammar.VERB_POS else span.root.head
    if verb.lemma_.lower() in _TELLING:
        # "Palmieri noted that experts say that ISIS has mentioned Trump": the group's own
        # claim, relayed; the labels keep it a weasel (a view held or an act is not)
        return False
    # "they say" most often points back to the group itself ("many watchers expect ..., they
    # say"), so only a source named otherwise covers the group
    named = [m for m in s.sources if m.head.lower_ not in _GROUP_PRONOUNS]
    return named_cover(span.root, named, strict=True) is not None


_GROUP_PRONOUNS = frozenset({"they", "them"})
_TELLING = lexicon.SAY_VERBS_OF_ONE | {"argue", "claim", "contend", "insist", "allege", "warn"}


# What a speaker's verb tells: a clause of what is so ("said that ...", "..., officials said").
_TOLD_CLAUSE_DEPS = frozenset({"ccomp", "parataxis", "csubj"})


def tells_nothing(verb: Token, s: Sentence) -> bool:
    """The unnamed speaker's verb passes on no claim: no clause of what is so hangs on it, it
    hangs on none ("..., officials said"), and nothing in the sentence is quoted — an act of the
    speaker ("an aide declined to specify", "a committee aide blasted the statement", "officials
    urged residents to boil water", "officials spoke only on condition of anonymity"). Issue
    14's anonymous source is an unnamed person as the *source* of a claim; with no claim told,
    the reader has nothing to take on trust from them."""
    if verb.lower_ in ("according", "citing") or verb.pos_ not in grammar.VERB_POS:
        return False
    refused = verb.dep_ == "xcomp" and verb.head.lemma_.lower() in lexicon.CONFIRM_REFUSAL_VERBS
    if verb.lemma_.lower() in _CLAIM_OBJECT_VERBS and not refused:
        return False  # "sources confirmed the meeting", "what officials called a hate crime"
    # "officials met and said that ...", "officials said ... but declined to say where"
    verbs = [verb, *(c for c in verb.children if c.dep_ == "conj")]
    if verb.dep_ == "conj":
        verbs.append(verb.head)
    if any(v.dep_ in _TOLD_CLAUSE_DEPS for v in verbs):
        return False
    if any(c.dep_ in _TOLD_CLAUSE_DEPS for v in verbs for c in v.children):
        return False
    return not any(s.quoted(t.idx) for t in s.tokens)


# Verbs whose object is itself a claim: "confirmed the meeting", "denied any links", "called
# it a hate crime".
_CLAIM_OBJECT_VERBS = frozenset(
    {
        "confirm",
        "deny",
        "call",
        "describe",
        "report",
        "announce",
        "estimate",
        "acknowledge",
        "accuse",
        "predict",
        "dispute",
        "concede",
        "admit",
        "put",
    }
)
