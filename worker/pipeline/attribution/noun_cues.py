"""Statements named by a noun: `the senator's claim that the bridge was unsafe`, `her warning that
rents would rise`, and documents that say or show what their participle says: `the union issued
a statement saying the talks had failed`, `emails showing that the agency knew`, `a new survey
showing the governor down to 30 percent`.

PARC 3.0 and PolNeAR annotate these as attributions (the noun, or the participle, is the cue).
The reported-speech finder reads only verbs with a subject of their own; a participle on a noun
("a statement saying", "a poll showing") has none, and a noun of speech is no verb at all.

Precision comes from the source: a noun's clause counts only with a speaker the noun names
(a possessive, or "by"/"from" someone); a participle only on a document or a poll, or on what a
source "issued", "sent" or "posted", whose subject is then the source.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from worker.pipeline import grammar, lexicon
from worker.pipeline.attribution.cues import SPEECH, cue_bounds, cue_kind
from worker.pipeline.attribution.direct import nearest_subject
from worker.pipeline.attribution.findings import _content as finding_objects
from worker.pipeline.attribution.relation import Relation
from worker.pipeline.attribution.reported_speech import (
    _NO_SOURCE_PRONOUNS,
    _antecedent,
    _content_of,
    content_span,
    is_blocked,
)
from worker.pipeline.attribution.speakers import mention_tokens
from worker.pipeline.text import paragraph_bounds, text_of, trim_span

# Statement nouns in the forms they take ("claims", "warnings").
_NOUN_FORMS = lexicon.plurals(lexicon.STATEMENT_NOUNS)
# Where a statement noun stands in its sentence: as a noun, whatever tag the parser gave it
# ("her warning/VBG that…").
_NOUN_ROLES = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "attr", "appos", "conj", "ROOT"})
# Prepositions that name the speaker of a statement noun ("an assertion by the coach", "a
# warning from the agency").
_SPEAKER_PREPOSITIONS = frozenset({"by", "from"})
# Possessives of the writer or the reader ("my claim", "your promise"): no source to show.
_NO_SOURCE_POSSESSIVES = frozenset({"my", "our", "your"})
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "expl"})
# Nouns a participle of speech or of a finding can hang on: documents, polls, statements.
_DOCUMENTS = lexicon.FINDING_SOURCES | lexicon.SHOWING_DOCUMENTS | lexicon.STATEMENT_NOUNS

Piece = tuple[int, int]


def _pieces(doc: Doc, cue: Token, source: Token, content: list[Piece]) -> list[Piece]:
    """The content inside the cue's paragraph, apart from the source's mention."""
    text = text_of(doc)
    mention = mention_tokens(source)
    p_start, p_end = paragraph_bounds(text, cue.idx)
    if not (p_start <= mention.start_char and mention.end_char <= p_end):
        return []
    out = []
    for s, e in content:
        s, e = trim_span(text, max(s, p_start), min(e, p_end))
        if e - s >= 3 and not (mention.start_char < e and s < mention.end_char):
            out.append((s, e))
    return out


def _can_speak(source: Token | None) -> bool:
    if source is None:
        return False
    if source.pos_ == "PRON" and source.lower_ in _NO_SOURCE_PRONOUNS:
        return False
    return source.lower_ not in lexicon.WH_PRONOUNS and source.pos_ in grammar.NOMINAL_POS


def _participle_source(noun: Token) -> Token | None:
    """Who speaks through the noun a participle hangs on: the subject of "issued/sent/posted"
    when the noun is its object, else the noun itself when it is a document or a poll."""
    lemma = noun.lemma_.lower()
    if lemma not in _DOCUMENTS:
        return None
    verb = noun.head
    if noun.dep_ == "dobj" and verb.lemma_.lower() in lexicon.ISSUING_VERBS:
        subject = nearest_subject(verb)
        return _antecedent(subject) if _can_speak(subject) else None
    return noun


def _participle_content(cue: Token) -> list[Piece] | None:
    """What the participle says: its clause ("saying the talks had failed"), or for a finding
    ("showing the governor down") everything after it in its phrase."""
    if cue.lemma_.lower() in lexicon.FINDING_OBJECT_VERBS and not any(
        c.dep_ == "ccomp" for c in cue.children
    ):
        bounds = finding_objects(cue)
        if bounds is None:
            return None
        start, end = bounds
        while start < end - 1 and cue.doc[start].dep_ == "mark":
            start += 1  # "showing that …": the complementiser is no part of the finding
        piece = content_span(cue.doc, start, end)
        return [piece] if piece else None
    pieces = _content_of(cue)
    if pieces:
        # "warning that “voters are …”": the complementiser before a quotation is no content.
        doc = cue.doc
        first = doc.char_span(pieces[0][0], pieces[0][1], alignment_mode="expand")
        that = first[0] if first is not None and len(first) > 2 else None
        if that is not None and that.lower_ == "that" and that.dep_ == "mark":
            pieces[0] = (first[1].idx, pieces[0][1])
    return pieces


def find_document_participles(doc: Doc, taken: set[int]) -> list[Relation]:
    """`issued a statement saying X`, `a poll showing X`: a participle of speech or of a finding
    on a noun, attributed to the document or to who put it out."""
    relations: list[Relation] = []
    for tok in doc:
        if tok.i in taken or tok.tag_ != "VBG" or tok.dep_ != "acl":
            continue
        noun = tok.head
        if noun.i >= tok.i or noun.pos_ not in grammar.NOUN_POS:
            continue
        if cue_kind(tok) != SPEECH or is_blocked(tok):
            continue
        source = _participle_source(noun)
        if source is None:
            continue
        content = _participle_content(tok)
        pieces = _pieces(doc, tok, source, content or [])
        if pieces:
            relations.append(
                Relation("indirect", cue_bounds(tok), SPEECH, mention_tokens(source), pieces, tok.i)
            )
    return relations


def _noun_speaker(noun: Token) -> Token | None:
    """The speaker a statement noun names: "the senator's claim", "a warning from the agency"."""
    for child in noun.children:
        if child.dep_ == "poss" and child.lower_ not in _NO_SOURCE_POSSESSIVES:
            return child
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ in _SPEAKER_PREPOSITIONS and child.i > noun.i:
            obj = next((g for g in child.children if g.dep_ == "pobj"), None)
            if _can_speak(obj):
                return obj
    return None


def _that_clause(noun: Token) -> Piece | None:
    """The "that" clause of a statement noun, also when the parser hangs it on the speaker of
    "an assertion by the coach that …" or on the verb of "the mayor's answer was that …"."""
    heads = [noun] + [
        g
        for c in noun.children
        if c.dep_ == "prep" and c.lower_ in _SPEAKER_PREPOSITIONS
        for g in c.children
        if g.dep_ == "pobj"
    ]
    if noun.dep_ == "nsubj" and noun.head.lemma_.lower() == "be":
        heads.append(noun.head)  # "the mayor's answer was that …"
    doc = noun.doc
    for head in heads:
        for clause in head.children:
            if clause.dep_ not in grammar.NOUN_CLAUSE_DEPS or clause.i < head.i:
                continue
            that = doc[clause.left_edge.i]
            if that.lower_ != "that" or that.dep_ != "mark" or that.head.i != clause.i:
                continue
            if not any(c.dep_ in _SUBJECT_DEPS for c in clause.children):
                continue
            if that.i > clause.i or that.i - noun.i > 8:
                continue
            return content_span(doc, that.i + 1, clause.right_edge.i + 1)
    return None


def find_noun_clauses(doc: Doc) -> list[Relation]:
    """`the senator's claim that X`, `a warning from the agency that X`: a statement noun with
    its speaker and its "that" clause."""
    relations: list[Relation] = []
    for tok in doc:
        if tok.lower_ not in _NOUN_FORMS or tok.dep_ not in _NOUN_ROLES:
            continue
        source = _noun_speaker(tok)
        if source is None:
            continue
        piece = _that_clause(tok)
        if piece is None:
            continue
        pieces = _pieces(doc, tok, source, [piece])
        if pieces:
            cue = (tok.idx, tok.idx + len(tok.text))
            speaker = mention_tokens(source)
            relations.append(Relation("indirect", cue, SPEECH, speaker, pieces, tok.i))
    return relations
