"""Indirect (reported) speech from the dependency parse: `X said (that) …`, `…, X said.`,
`said X`, `The talks, he said, will resume`, passives with a `by` agent, `…, adding that …`,
predicate cues (`accused China of …`, `urged Vietnam to …`, `called it a sham`) and
`according to X`.

The content is the clausal complement of the cue (``ccomp``), or, when the cue is a parenthetical,
the clause it interrupts. A cue without content ("he told reporters", "the company added 500
jobs") is no attribution; neither is a negated or declined one ("did not say whether…",
"declined to say when…") nor one in a condition ("if a doctor concludes…").
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Token

from worker.pipeline import grammar, lexicon
from worker.pipeline.attribution.clause_sides import (
    aside_subject,
    clauses_after_subject,
    misparsed_sentence,
)
from worker.pipeline.attribution.cues import (
    PREDICATE,
    PREDICATE_VERBS,
    SPEECH,
    cue_bounds,
    cue_kind,
)
from worker.pipeline.attribution.direct import inherited_subject, nearest_subject
from worker.pipeline.attribution.relation import Relation
from worker.pipeline.attribution.speakers import mention_tokens
from worker.pipeline.attribution.subjects import untagged_subject
from worker.pipeline.lexicon import (
    FINDING_SOURCES,
    FINDING_VERBS,
    FIRST_SECOND,
    FUNCTION_NOUN_FORMS,
    ORG_HEADS,
    PREDICATE_CUES,
    ROLE_WORDS,
    WEAK_SUBJECT_VERBS,
)
from worker.pipeline.text import paragraph_bounds, text_of, trim_span

# Clauses the writer may hang on reported content.
_WRITER_CLAUSE_DEPS = frozenset({"advcl", "conj"})
_REBUTTAL_DEPS = frozenset({"advcl", "prep"})
# Marks of a contrast that may be the source's own ("…, while the U.S. will see 2 percent").
_CONTRAST_MARKS = frozenset({"while", "whereas"})
# After "that", a word that cannot open the content.
_NOT_CONTENT_START_POS = frozenset({"VERB", "AUX", "PUNCT"})
# Words a subject can open with.
_SUBJECT_START_POS = frozenset({"PRON", "DET", "PROPN", "NOUN"})
# A cue's arguments after it.
_ARGUMENT_DEPS = frozenset({"prep", "dobj", "dative", "npadvmod"})
# Subjects of a clause of its own ("it" included).
_OWN_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "expl"})
# Clauses on a noun.
_RELATIVE_DEPS = frozenset({"acl", "relcl"})
# How a parenthetical cue hangs on the clause it interrupts.
_PARENTHETICAL_DEPS = frozenset({"parataxis", "advcl", "ccomp"})
# Arguments of a predicate cue ("urged Vietnam to…").
_PREDICATE_ARG_DEPS = frozenset({"dobj", "xcomp", "oprd", "ccomp"})
_PREDICATE_DEPS = frozenset({"xcomp", "oprd", "ccomp"})
# A predicate on the object ("called it a sham").
_OBJECT_PREDICATE_DEPS = frozenset({"oprd", "xcomp", "amod"})
_OBJECT_DEPS = frozenset({"dobj", "attr"})
# A participle on a noun ("the man accused of…").
_PARTICIPLE_DEPS = frozenset({"acl", "amod"})
# Subjects that can always speak: names, pronouns, and entities of these types.
_NAMED_POS = frozenset({"PROPN", "PRON"})
_SPEAKER_ENTS = frozenset({"PERSON", "ORG", "NORP", "GPE"})

# "I said", "you told", "it showed": pronouns that are no source of an attribution.
_NO_SOURCE_PRONOUNS = FIRST_SECOND | lexicon.IT
_FIRST_PERSON_SPEAKERS = frozenset({"i", "we"})

# How the parser hangs a gerund on its verb ("reported spending", "denied taking").
_GERUND_DEPS = frozenset({"xcomp", "ccomp", "dobj", "pcomp"})

# Relative pronouns (which, who, that as WDT).
_WH_TAGS = frozenset({"WDT", "WP"})

MIN_CONTENT_TOKENS = 2
MAX_PARENTHETICAL_TOKENS = 12

Piece = tuple[int, int]


def content_span(doc: Doc, start: int, end: int) -> Piece | None:
    """Characters of tokens ``[start, end)`` with punctuation and spaces trimmed off the ends."""
    while start < end and (doc[start].is_punct or doc[start].is_space):
        start += 1
    while end > start and (
        doc[end - 1].is_punct or doc[end - 1].is_space or doc[end - 1].dep_ == "cc"
    ):
        end -= 1
    if end - start < MIN_CONTENT_TOKENS:
        return None
    return doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text)


def _contrast_of_the_sources(first: Token, clause: Token) -> bool:
    """ "said China expects 6.5 percent growth, while the U.S. will see 2 percent": a contrast
    the source draws is part of what was said (PolNeAR keeps it in the content); only one that
    reports someone else ("…, while Cruz said …") is the writer's."""
    if first.lower_ not in _CONTRAST_MARKS:
        return False
    return not any(cue_kind(t) == SPEECH for t in clause.subtree if t.pos_ in grammar.VERB_POS)


def _cut_writer_clause(doc: Doc, root: Token, start: int, end: int) -> int:
    """End the content before a trailing ", as/while …" clause of the writer's."""
    for child in root.children:
        if child.i <= start or child.i >= end or child.dep_ not in _WRITER_CLAUSE_DEPS:
            continue
        first = doc[child.left_edge.i]
        if first.lower_ == "even" and first.i + 1 < child.i:
            first = doc[first.i + 1]  # ", even as the mayor objected": "even" only stresses it
        if _contrast_of_the_sources(first, child):
            continue
        if first.lower_ in lexicon.WRITER_CLAUSE_MARKS and child.left_edge.i > start:
            before = doc[child.left_edge.i - 1]
            if before.text == ",":
                return before.i
    return _before_dash_rebuttal(doc, root, start, end)


def _before_dash_rebuttal(doc: Doc, root: Token, start: int, end: int) -> int:
    """End the content before "- except that …": "he thought it would create inflation -
    except that inflation has fallen" — set off by a dash, the writer answers the claim (the
    parser hangs "except" as a clause's mark or as a preposition)."""
    for child in root.children:
        if child.i <= start or child.i >= end or child.dep_ not in _REBUTTAL_DEPS:
            continue
        first = doc[child.left_edge.i]
        if first.lower_ in lexicon.DASH_REBUTTAL_MARKS and first.i > start:
            before = doc[first.i - 1]
            if before.text in lexicon.DASHES:
                return before.i
    return end


def _content_of(cue: Token) -> list[Piece] | None:
    """Character ranges of the cue's content, or None."""
    doc = cue.doc
    comps = [c for c in cue.children if c.dep_ == "ccomp"]
    around = _content_around(cue, comps)
    if around:
        return around
    if comps:
        comps = clauses_after_subject(cue, comps)
        start = min(c.left_edge.i for c in comps)
        end = max(c.right_edge.i for c in comps) + 1
        if start < cue.i < end and doc[start].tag_ in _WH_TAGS:
            # "a wall, which he said Mexico should pay for": the relative pronoun is parsed into
            # the clause; the content is what follows the cue.
            start = cue.i + 1
        # "said that …": the complementiser is not content.
        if (
            doc[start].lower_ == "that"
            and start + 1 < end
            and doc[start + 1].pos_ not in _NOT_CONTENT_START_POS
        ):
            start += 1
        own = [c.left_edge.i for c in cue.children if c.dep_ != "ccomp" and c.i > end - 1]
        own_start = min([cue.i, *own])
        # Content before the cue ("…, said Dujarric."): everything up to the attribution, since
        # long clauses get parsed with their tail attached elsewhere.
        before = end <= own_start
        end = own_start if before else _cut_writer_clause(doc, comps[-1], start, end)
        if not before:
            end = _conjoined_content_end(cue, end)
            end = before_occasion(doc, start, end - 1, set_off=True) + 1
        # "said he never used the term and added, …": a coordinated cue is not content.
        # "said X but that she was informed…": a coordinated verb with its own subject is more
        # of the content; so is one in the reported verb's form and not the cue's ("says he
        # spoke to Trump and asked him to …": "asked" cannot go with "says", only with "spoke").
        for comp in comps:
            for c in comp.children:
                if (
                    c.dep_ == "conj"
                    and start < c.i < end
                    and cue_kind(c) is not None
                    and not _own_subject(c)
                    and (_same_form(c, cue) or c.tag_ != comp.tag_)
                    and not _act_within_content(c, cue)
                ):
                    end = c.left_edge.i
        end = _before_second_attribution(comps, start, end)
        piece = content_span(doc, start, end)
        if piece and before:
            rest = _sentence_after_cue(cue)
            if rest:
                return [piece, rest]
        return [piece] if piece else None
    # "claimed at the time that they were…" parsed as a relative clause: a "that" shortly after
    # the cue, followed by a subject, still opens the content.
    for tok in doc[cue.i + 1 : min(cue.i + 7, cue.sent.end)]:
        if tok.is_punct or tok.pos_ in grammar.VERB_POS:
            break
        nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        if (
            tok.lower_ == "that"
            and nxt is not None
            and nxt.pos_ in _SUBJECT_START_POS
            and tok.head.i > tok.i
            and tok.head.pos_ in grammar.VERB_POS
        ):
            piece = content_span(doc, tok.i + 1, tok.head.right_edge.i + 1)
            if piece:
                return [piece]
    hung = _that_clause_on_argument(cue) or _misparsed_that_clause(cue)
    if hung:
        return hung
    if cue.lemma_.lower() in PREDICATE_VERBS:
        # "Cutting the fees, she promised, was the first thing she would do": a predicate cue
        # set off inside the clause it vouches for has that clause for content, like "said".
        return (
            _predicate_content(cue)
            or (_parenthetical_content(cue) if _set_off_inside(cue) else None)
            or _clause_before_closing_cue(cue)
        )
    misparsed = _clause_parsed_as_object(cue) or _clause_parsed_as_gerund(cue)
    if misparsed:
        return misparsed
    gerund = _gerund_content(cue)
    if gerund:
        return gerund
    return (
        _parenthetical_content(cue)
        or _said_object(cue)
        or _clause_before_closing_cue(cue)
        or _clause_around_root_cue(cue)
    )


def _act_within_content(verb: Token, cue: Token) -> bool:
    """ "said she was elated but still feared the military", "said he has not held fundraising
    dinners and never called a donor": a coordinated cue that reports no clause of its own and
    is no verb of speech, or one that goes on the reported clause's negation or contrast
    ("never", "still", "instead"), is more of what was said, not the source's next statement."""
    if any(g.dep_ in ("ccomp", "parataxis") for g in verb.children):
        return False
    if cue_kind(verb) != SPEECH:
        return True
    return any(
        g.dep_ in ("neg", "advmod") and g.lower_ in _CONTINUING_ADVERBS and g.i < verb.i
        for g in verb.children
    )


# Adverbs that carry a reported clause's negation or contrast on to a coordinated verb.
_CONTINUING_ADVERBS = frozenset({"never", "still", "instead", "not", "n't"})


# Verb forms that coordinate with each other: the past tense and the participle of "has said".
_PAST_FORMS = frozenset({"VBD", "VBN"})


def _same_form(verb: Token, cue: Token) -> bool:
    """Whether ``verb`` has the cue's form, so that it could be the cue's own coordinate."""
    return verb.tag_ == cue.tag_ or {verb.tag_, cue.tag_} <= _PAST_FORMS


# A clause of its own coordinated with a reported clause.
_SECOND_CLAUSE_DEPS = frozenset({"conj"})


def _before_second_attribution(comps: list[Token], start: int, end: int) -> int:
    """ "said they were worried about the economy, and more than 4 in 10 said Trump would do
    better": a clause coordinated with the content whose verb is a cue with a subject of its
    own is another source's statement (attributed on its own), not more of this one; the
    content ends before it. One opened by "that" ("said X and that Y said Z") is more of the
    content; so is an adverbial clause ("removed the mayor after he suggested that …") and a
    negated cue, which reports nothing ("…, but the agency did not estimate how many")."""
    # The parser also hangs the second clause on the cue as one more complement.
    clauses = [
        *comps[1:],
        *(c for comp in comps for c in comp.children if c.dep_ in _SECOND_CLAUSE_DEPS),
    ]
    for c in clauses:
        if (
            start < c.left_edge.i < end
            and _own_subject(c)
            and not any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
            and not is_blocked(c)
            and _is_attribution(c)
        ):
            end = min(end, c.left_edge.i)
    return end


def _is_attribution(verb: Token) -> bool:
    """A verb of speech that reports a clause, or one whose clause holds such a verb as its
    head's complement ("are more likely to say …"). Beliefs stay in the content: "said Iowa's
    caucus is complex and he feels he can win" reports the feeling too."""
    if cue_kind(verb) == SPEECH and any(c.dep_ == "ccomp" for c in verb.children):
        return True
    return any(
        c.dep_ == "xcomp" and cue_kind(c) == SPEECH and any(g.dep_ == "ccomp" for g in c.children)
        for c in verb.children
    )


def _content_around(cue: Token, comps: list[Token]) -> list[Piece] | None:
    """ "There is a risk, some Democrats said, that Sanders would push the party left": the
    parser makes both halves of the interrupted sentence complements of the cue; the content is
    the two pieces either side of the cue clause set off by commas."""
    doc = cue.doc
    left = [c for c in comps if c.right_edge.i < cue.i]
    right = [c for c in comps if c.left_edge.i > cue.i]
    subject = nearest_subject(cue)
    if not left or not right or subject is None or not left[-1].i < subject.i < cue.i:
        return None
    lead = subject.left_edge.i
    if doc[lead - 1].text != "," or max(c.right_edge.i for c in left) >= lead:
        return None
    first = min(c.left_edge.i for c in right)
    if doc[first - 1].text != "," and doc[first].text != ",":
        return None
    start = min(c.left_edge.i for c in left)
    if doc[first].text == ",":
        first += 1
    if doc[first].lower_ == "that" and first + 1 < len(doc):
        first += 1  # "…, some Democrats said, that …": the complementiser is not content
    pieces = [
        p
        for p in (
            content_span(doc, start, lead),
            content_span(doc, first, max(c.right_edge.i for c in right) + 1),
        )
        if p
    ]
    return pieces if len(pieces) == 2 else None


def _gerund_content(cue: Token) -> list[Piece] | None:
    """ "the PAC reported spending $6 million", "he denied taking the money", "she recalled
    meeting him": what a verb of reporting, admitting or remembering takes as a gerund (with the
    cue's own subject) is what was said."""
    if cue.lemma_.lower() not in lexicon.GERUND_CUES:
        return None
    for c in cue.children:
        if (
            c.dep_ in _GERUND_DEPS
            and c.tag_ == "VBG"
            and c.i > cue.i
            and c.left_edge.i == c.i
            and not _own_subject(c)
        ):
            piece = content_span(cue.doc, c.i, c.right_edge.i + 1)
            return [piece] if piece else None
    return None


def _that_clause_on_argument(cue: Token) -> list[Piece] | None:
    """ "said in a statement that X", "told reporters Tuesday that X": the parser hangs the
    that-clause on the cue's object or prepositional phrase; a clause opened by the
    complementiser "that" with a subject of its own is still the cue's content."""
    doc = cue.doc
    args = [c for c in cue.children if c.i > cue.i and c.dep_ in _ARGUMENT_DEPS]
    nouns = [
        g
        for a in args
        for g in ([a] if a.dep_ != "prep" else a.children)
        if g.pos_ in grammar.NOMINAL_POS
    ]
    for noun in nouns:
        for clause in noun.children:
            if clause.dep_ not in grammar.NOUN_CLAUSE_DEPS or clause.i < noun.i:
                continue
            marks = [c for c in clause.children if c.dep_ == "mark" and c.lower_ == "that"]
            if not marks or not _own_subject(clause):
                continue
            piece = content_span(doc, marks[0].i + 1, clause.right_edge.i + 1)
            return [piece] if piece else None
    return None


# Tags of a verb that has a tense of its own (a modal included): a clause, not a phrase.
_TENSED_TAGS = grammar.FINITE_VERB_TAGS | {"MD"}


def _misparsed_that_clause(cue: Token) -> list[Piece] | None:
    """ "NBC reported that the decision to tap Obama was made because …", "noting that at one
    point he had trailed by 50 points": the parser reads "that" as a determiner, a relative pronoun
    or a preposition and hangs the clause's words on a noun, so no complement is left on the
    cue. A "that" right after a verb of saying (past its own short phrase, "alleged in the
    suit"), followed by the start of a subject and, before the sentence ends, a verb with a
    tense, still opens a reported clause that runs to the sentence's end."""
    if cue_kind(cue) != SPEECH or cue.lemma_.lower() in PREDICATE_VERBS:
        return None
    doc = cue.doc
    sent_end = cue.sent.end
    for tok in doc[cue.i + 1 : min(cue.i + 7, sent_end)]:
        if tok.is_punct or tok.pos_ in grammar.VERB_POS:
            return None
        if tok.lower_ != "that" or tok.i + 1 >= sent_end:
            continue
        if tok.dep_ == "det":
            return None  # "reiterated that approach in an interview": a demonstrative
        if doc[tok.i + 1].pos_ not in _SUBJECT_START_POS and doc[tok.i + 1].dep_ != "prep":
            return None
        # ", saying Clinton was committed …": a participle of speech set off by a comma is the
        # cue's next statement, with a clause of its own.
        end = next(
            (
                t.i - 1
                for t in doc[tok.i + 2 : sent_end]
                if t.tag_ == "VBG" and doc[t.i - 1].text == "," and cue_kind(t) is not None
            ),
            sent_end,
        )
        if not any(t.tag_ in _TENSED_TAGS for t in doc[tok.i + 1 : end]):
            return None
        piece = content_span(doc, tok.i + 1, end)
        return [piece] if piece else None
    return None


def _own_subject(verb: Token) -> bool:
    return any(c.dep_ in _OWN_SUBJECT_DEPS for c in verb.children)


def _clause_parsed_as_object(cue: Token) -> list[Piece] | None:
    """ "said more than 15,000 people registered": a clause the parser read as an object with a
    participle; a finite verb hanging off a speech verb's object gives it away."""
    if cue.lemma_.lower() not in lexicon.CLAUSE_VERBS:
        return None
    for obj in cue.children:
        if obj.dep_ != "dobj" or obj.i < cue.i:
            continue
        if any(
            c.dep_ in _RELATIVE_DEPS
            and c.tag_ in grammar.FINITE_VERB_TAGS
            and c.i > obj.i
            and not any(g.dep_ in grammar.SUBJECT_DEPS for g in c.children)
            for c in obj.children
        ):
            piece = content_span(cue.doc, obj.left_edge.i, obj.right_edge.i + 1)
            return [piece] if piece else None
    return None


# How a fronted phrase hangs on a parenthetical cue when the parser takes it for the cue's own.
_FRONTED_DEPS = frozenset({"advcl", "prep", "npadvmod", "advmod"})


def _fronted_phrases(cue: Token) -> list[int]:
    """Indexes of the cue's children that stand before its subject and end in a comma right
    before it: a phrase fronted in the clause the cue interrupts, not a part of the cue clause."""
    doc = cue.doc
    subject = nearest_subject(cue)
    if subject is None or subject.i > cue.i:
        return []
    lead = subject.left_edge.i
    return [
        c.i
        for c in cue.children
        # "But with each passing week, these donors acknowledge, it …": the sentence's
        # opening conjunction belongs to the clause the cue interrupts too.
        if (
            c.dep_ in _FRONTED_DEPS
            or (c.dep_ == "cc" and c.i == c.sent.start)
            # "Voters, Clinton suggested, do not have to worry": the parser gives the cue both
            # subjects; the one set off before the nearer is the interrupted clause's.
            or (c.dep_ in _OWN_SUBJECT_DEPS and c.i != subject.i)
        )
        and c.right_edge.i < lead
        and c.right_edge.i + 1 < len(doc)
        and (doc[c.right_edge.i + 1].text == "," or c.dep_ == "cc")
    ]


def _clause_before_closing_cue(cue: Token) -> list[Piece] | None:
    """ "The plan includes a new bridge over the river, the city's engineer told a panel
    Monday.": the parser joins the closing cue clause to the reported clause as its coordinate,
    with no conjunction between them, only a comma before the cue's subject. The clause before
    it is the content."""
    doc = cue.doc
    head = cue.head
    subject = nearest_subject(cue)
    if (
        cue.dep_ != "conj"
        or head.i > cue.i
        or head.pos_ not in grammar.VERB_POS
        or subject is None
        or not head.i < subject.i < cue.i
        or any(c.dep_ == "ccomp" for c in cue.children)
    ):
        return None
    lead = subject.left_edge.i
    if doc[lead - 1].text != "," or any(
        c.dep_ in ("cc", "preconj") and head.i < c.i < cue.i for c in head.children
    ):
        return None
    # The cue closes the sentence: nothing but its own short phrases after it.
    if cue.right_edge.i - cue.i > MAX_PARENTHETICAL_TOKENS:
        return None
    piece = content_span(doc, head.left_edge.i, lead - 1)
    return [piece] if piece else None


def _clause_around_root_cue(cue: Token) -> list[Piece] | None:
    """ "This sort of opining, the network claimed, violates its code": the parser makes the
    set-off cue the root, the words before it its modifier and the verb after it its
    conjunct. Both sides, the cue clause between commas, are the content."""
    doc = cue.doc
    subject = nearest_subject(cue)
    if cue.dep_ != "ROOT" or subject is None or subject.i > cue.i:
        return None
    lead = subject.left_edge.i
    if lead == cue.sent.start or doc[lead - 1].text != "," or cue.i - lead > 6:
        return None
    after = doc[cue.i + 1] if cue.i + 1 < len(doc) else None
    if after is None or after.text != ",":
        return None
    verbs = [
        c
        for c in cue.children
        if c.dep_ == "conj"
        and c.i == cue.i + 2
        and c.pos_ in grammar.VERB_POS
        and not any(g.dep_ in _OWN_SUBJECT_DEPS for g in c.children)
    ]
    if not verbs or any(c.dep_ in ("ccomp", "dobj") for c in cue.children):
        return None
    verb = verbs[0]
    # "…, and so the host was suspended": a clause with its own subject coordinated on the
    # reported verb is the writer's next sentence, not more of the claim.
    end = min(
        [verb.right_edge.i + 1]
        + [
            c.left_edge.i
            for c in verb.children
            if c.dep_ == "conj" and any(g.dep_ in _OWN_SUBJECT_DEPS for g in c.children)
        ]
    )
    pieces = [
        p
        for p in (
            content_span(doc, cue.sent.start, lead - 1),
            content_span(doc, verb.i, end),
        )
        if p
    ]
    return pieces if len(pieces) == 2 else None


def _set_off_inside(cue: Token) -> bool:
    """ "Cutting the fees, she promised, was …": a cue the parser hangs loosely (parataxis) on
    the clause around it, its subject right after a comma."""
    subject = nearest_subject(cue)
    if cue.dep_ != "parataxis" or subject is None or subject.i > cue.i:
        return False
    lead = subject.left_edge.i
    return lead > 0 and cue.doc[lead - 1].text == ","


def _parenthetical_content(cue: Token) -> list[Piece] | None:
    """ "The talks, he said, will resume" / "…, officials said." / "As Gupta noted, …": the
    content is the clause the short cue clause interrupts."""
    doc = cue.doc
    head = cue.head
    if cue.dep_ not in _PARENTHETICAL_DEPS or head.i == cue.i:
        return None
    if head.pos_ not in grammar.VERB_POS and not misparsed_sentence(cue):
        return None
    marks = [c for c in cue.children if c.dep_ == "mark"]
    if any(m.lower_ != "as" for m in marks):
        return None
    # The cue clause without the commas the parser may have attached to it, nor the fronted
    # phrase it may have taken from the clause it interrupts ("After the court ruled, Hebert
    # said, most laws were thought safe": "After …" is the content's).
    fronted = set(_fronted_phrases(cue))
    words = [cue, *(c for c in cue.children if not c.is_punct and c.i not in fronted)]
    lo = min(w.left_edge.i if w is not cue else w.i for w in words)
    hi = max(w.right_edge.i if w is not cue else w.i for w in words) + 1
    if hi - lo > MAX_PARENTHETICAL_TOKENS:
        return None
    before = doc[lo - 1] if lo > 0 else None
    after = doc[hi] if hi < len(doc) else None
    separated = (before is not None and before.text in lexicon.PARENTHESIS_MARKS) or (
        marks and after is not None and after.text == ","
    )
    if not separated:
        return None
    pieces = [
        p
        for p in (
            content_span(doc, head.left_edge.i, lo),
            content_span(doc, hi, _before_next_clause(head, hi) + 1),
        )
        if p
    ]
    return pieces or None


def _before_next_clause(head: Token, start: int) -> int:
    """Last token of the interrupted clause from ``start``: "His lead, they believe, is safe, and
    most expect him to stay" ends before ", and most …", a clause of its own coordinated after the
    one the cue interrupts (the cue vouches for the clause it sits in, not for the next)."""
    end = head.right_edge.i
    for c in head.children:
        if (
            c.dep_ == "conj"
            and c.i > start
            and c.pos_ in grammar.VERB_POS
            and any(
                g.dep_ in _OWN_SUBJECT_DEPS and g.lower_ not in lexicon.WH_PRONOUNS
                for g in c.children
            )
        ):
            first = c.left_edge.i
            while first > start and (
                head.doc[first - 1].dep_ == "cc" or head.doc[first - 1].is_punct
            ):
                first -= 1
            # "…, but he is still …", "…, so it may …": a contrast or a consequence drawn on
            # the clause is the source's too; only a plain ", and" adds a clause of its own.
            joins = {t.lower_ for t in head.doc[first : c.left_edge.i] if not t.is_punct}
            if joins == {"and"}:
                end = min(end, first - 1)
    return end


def _predicate_content(cue: Token) -> list[Piece] | None:
    """ "accused China of using coercion", "urged Vietnam to push back", "called it a sham",
    "described the call as improper": the object with its predicate."""
    doc = cue.doc
    # "what host Tom Bergeron described as …": a fronted wh-object is left out of the content.
    after = [c for c in cue.children if c.i > cue.i]
    args = [c for c in after if c.dep_ in _PREDICATE_ARG_DEPS]
    if cue.lemma_.lower() in lexicon.CALL_ON_VERBS and any(c.dep_ == "xcomp" for c in after):
        # "called on Sanders to release…": the one called on opens the content.
        args += [
            g
            for c in after
            if c.dep_ == "prep" and c.lower_ == "on"
            for g in c.children
            if g.dep_ == "pobj"
        ]
    preds = [
        c
        for c in after
        if c.dep_ in _PREDICATE_DEPS
        or (c.dep_ == "prep" and c.lower_ in lexicon.PREDICATE_PREPOSITIONS)
        or (c.dep_ == "prep" and c.lower_ == "to" and any(g.tag_ == "VBG" for g in c.children))
        or (c.dep_ == "dobj" and any(g.dep_ in _OBJECT_PREDICATE_DEPS for g in c.children))
    ]
    if cue.lemma_.lower() not in PREDICATE_CUES:
        # Judgements and requests: "praised X for …", "ordered X to …", never "ordered new tests".
        preds = [p for p in preds if p.dep_ != "dobj"]
    if cue.lemma_.lower() in lexicon.AS_ONLY_CUES:
        # "portrayed X as Y": "cast 42 votes for Trump" characterises nobody.
        preds = [p for p in preds if p.dep_ == "prep" and p.lower_ == "as"]
    wh_object = any(c.dep_ == "dobj" and c.lower_ == "what" and c.i < cue.i for c in cue.children)
    # "the server, which he described as an open orchid": the relative pronoun is the one
    # described, and opens the content ("which he called a disaster" is left as it was: PolNeAR
    # marks its content now with the pronoun, now without).
    relative_object = next(
        (
            c
            for c in cue.children
            if c.dep_ == "dobj" and c.tag_ in _WH_TAGS and c.lower_ != "what" and c.i < cue.i
        ),
        None,
    )
    described_as = [p for p in preds if p.dep_ == "prep" and p.lower_ == "as"]
    if cue.dep_ == "relcl" and relative_object is not None and described_as:
        # Two pieces around the source and the cue: "which" and "as an open orchid".
        described = (relative_object.idx, relative_object.idx + len(relative_object.text))
        piece = content_span(doc, described_as[0].i, described_as[-1].right_edge.i + 1)
        return [described, piece] if piece else None
    if not preds or not (args or wh_object or any(p.dep_ == "prep" for p in preds)):
        return None
    if not args and not wh_object and not any(p.lower_ == "to" for p in preds):
        return None
    # "asked the court to rule": a request needs the one asked; "asked to speak" is a wish.
    if cue.lemma_.lower() in lexicon.REQUEST_CUES and not any(a.dep_ == "dobj" for a in args):
        return None
    # "admitted to threatening the girl, and hiding her": a coordinated gerund belongs too.
    # "who threatened to…, and who has been hoping to…": a gerund with a subject or an
    # auxiliary of its own is another clause, not more of the content.
    gerunds = [
        c
        for c in after
        if c.dep_ == "conj"
        and c.tag_ == "VBG"
        and not _own_subject(c)
        and not any(g.dep_ in grammar.AUX_DEPS for g in c.children)
        # "calling them rapists and vowing to make Mexico pay": a gerund that is a cue itself
        # is the source's next statement, attributed on its own.
        and cue_kind(c) is None
    ]
    start = min(a.left_edge.i for a in args + preds)
    end = max(a.right_edge.i for a in args + preds + gerunds) + 1
    if start < cue.i:
        return None
    end = _before_cue_coordinate(cue, preds, end)
    end = before_occasion(doc, start, end - 1) + 1
    piece = content_span(doc, start, end)
    return [piece] if piece else None


# What sets a closing phrase off from a reported clause: a comma or a closing quotation mark.
_SET_OFF = frozenset({",", "\u201d", '"', "''"})


def before_occasion(doc: Doc, first: int, last: int, *, set_off: bool = False) -> int:
    """The last token of content ``[first, last]`` before a closing phrase naming the occasion
    of speaking ("touted a cautious stance in other interviews", "called Palin a clown on his
    radio show"): the parser hangs it on the object, but it tells where the statement was made,
    not what it was about. ``set_off``: only one after a comma or a closing quotation mark (a
    reported clause's own "will endorse him at a rally" is part of what was said)."""
    for prep in doc[first + 1 : last + 1]:
        if set_off and doc[prep.i - 1].text not in _SET_OFF:
            continue
        if (
            prep.dep_ == "prep"
            and prep.lower_ in lexicon.SPEECH_OCCASION_PREPOSITIONS
            and prep.right_edge.i == last
            and any(
                g.dep_ == "pobj" and g.lemma_.lower() in lexicon.SPEECH_OCCASION_NOUNS
                for g in prep.children
            )
        ):
            end = prep.i - 1
            while end > first and (doc[end].is_punct or doc[end].is_space):
                end -= 1
            return end
    return last


def _before_cue_coordinate(cue: Token, preds: list[Token], end: int) -> int:
    """ "urged the party to unite and tried to make the case …", "urging voters to look ahead
    and promising to …": the parser hangs the cue's own coordinate on the infinitive; a verb in
    the cue's form (not the infinitive's) is the source's next act, not more of the request."""
    for pred in preds:
        if pred.dep_ != "xcomp":
            continue
        for c in pred.children:
            if c.dep_ == "conj" and c.tag_ == cue.tag_ and c.tag_ != "VB" and c.i < end:
                end = c.left_edge.i
    return end


def _quoted_as(cue: Token) -> Token | None:
    """ "The minister was quoted (by Reuters) as saying …": the minister speaks; the outlet in
    the ``by`` phrase only relays it."""
    prep = cue.head
    if cue.dep_ != "pcomp" or prep.lower_ != "as" or prep.dep_ != "prep":
        return None
    verb = prep.head
    if verb.lemma_.lower() not in lexicon.QUOTING_VERBS or not any(
        c.dep_ == "auxpass" for c in verb.children
    ):
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    return _antecedent(subject) if subject is not None else None


def source_of(cue: Token) -> Token | None:
    quoted = _quoted_as(cue)
    if quoted is not None:
        return quoted
    passive = any(c.dep_ == "auxpass" for c in cue.children)
    if passive:
        for child in cue.children:
            if child.dep_ == "agent":
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        return pobj
        return None
    agent = _participle_agent(cue) or misread_subject(cue)
    if agent is not None:
        return agent
    subject = nearest_subject(cue)
    if subject is not None:
        return _antecedent(subject)
    for child in cue.children:
        # inverted "…, said the spokesman" parsed with the source as object
        if (
            child.dep_ in _OBJECT_DEPS
            and child.i > cue.i
            and child.pos_ in grammar.NOUN_POS
            and any(c.dep_ == "ccomp" and c.i < cue.i for c in cue.children)
        ):
            return child
    aside = aside_subject(cue)
    if aside is not None:
        return aside
    # "Sanders, who endorsed Canova and said he would campaign with him": the coordinated cue
    # inherits the relative pronoun, which stands for the noun the clause hangs on.
    inherited = inherited_subject(cue)
    return _antecedent(inherited) if inherited is not None else None


def misread_subject(cue: Token) -> Token | None:
    """ "A Marist poll found last week that the senator would win": a sentence whose verb the
    parser took for a participle on its subject, which it made the root; the past tense reports
    a clause of its own, so the noun is the cue's subject (a real participle on a noun, "the
    figure reported by the agency", heads no that-clause nor a sentence)."""
    noun = cue.head
    if (
        cue.tag_ != "VBN"
        or cue.dep_ not in _PARTICIPLE_DEPS
        or noun.dep_ != "ROOT"
        or noun.pos_ not in grammar.NOUN_POS
        or noun.i > cue.i
        or any(c.dep_ == "auxpass" or c.dep_ == "agent" for c in cue.children)
        or not any(c.dep_ == "ccomp" and c.i > cue.i for c in cue.children)
    ):
        return None
    return noun


def _participle_agent(cue: Token) -> Token | None:
    """ "As reported by Western Journalism, investigators found …": a bare participle names its
    source in its "by" phrase (it has no auxiliary, so it does not read as a passive); the
    subject of the clause it hangs on is no source of it."""
    if cue.tag_ != "VBN" or any(c.dep_ in _OWN_SUBJECT_DEPS for c in cue.children):
        return None
    for child in cue.children:
        if child.dep_ == "agent":
            return next((g for g in child.children if g.dep_ == "pobj"), None)
    return None


def _antecedent(subject: Token) -> Token:
    """ "a career Army officer who described…": the relative pronoun's noun; "which" only for
    a document ("the audit, which found that…"), since it mostly stands for a thing."""
    if subject.lower_ in lexicon.RELATIVE_PRONOUNS and subject.head.dep_ == "relcl":
        return subject.head.head
    if (
        subject.lower_ == "which"
        and subject.head.dep_ == "relcl"
        and subject.head.head.lemma_.lower() in FINDING_SOURCES
    ):
        return subject.head.head
    return subject


def is_blocked(cue: Token) -> bool:
    """Negated, declined or conditional cues attribute nothing."""
    if any(c.dep_ == "neg" for c in cue.children):
        return True
    if cue.dep_ in _PARTICIPLE_DEPS and cue.tag_ == "VBN" and misread_subject(cue) is None:
        return True  # a participle modifying a noun ("the prison, dubbed the Hanoi Hilton by…")
    if cue.dep_ == "xcomp" and cue.head.lemma_.lower() in lexicon.DECLINE_HEADS:
        return True
    return any(c.dep_ == "mark" and c.lower_ in lexicon.CONDITION_MARKS for c in cue.children)


def weak_subject(cue: Token, subject: Token) -> bool:
    """True when a verb that also takes things as subjects ("the case highlights that…") has
    a thing as its subject."""
    lemma = cue.lemma_.lower()
    if lemma not in WEAK_SUBJECT_VERBS and lemma not in FINDING_VERBS:
        return False
    if lemma in FINDING_VERBS and subject.lemma_.lower() in FINDING_SOURCES:
        return False  # "the poll shows", "records indicate": a document reports a finding
    if lemma in FINDING_VERBS and lemma not in lexicon.SPEECH_VERBS:
        # "they found her hiding": people find things; only studies and bodies report findings.
        return not (
            subject.ent_type_ == "ORG"
            or subject.lemma_.lower() in ORG_HEADS
            or subject.lower_ in lexicon.SPEAKING_GROUPS
        )
    return not can_speak(subject)


def can_speak(subject: Token) -> bool:
    """Whether ``subject`` names someone or something that can make a statement: a name, a
    pronoun, a person, a body or a document."""
    if subject.pos_ in _NAMED_POS or subject.ent_type_ in _SPEAKER_ENTS:
        return True
    words = {subject.lower_, subject.lemma_.lower()}
    speakers = FUNCTION_NOUN_FORMS | ROLE_WORDS | ORG_HEADS | lexicon.SPEAKING_GROUPS
    if words & (speakers | lexicon.PERSON_NOUNS | FINDING_SOURCES):
        return True
    # "a gay activist", "the reporter", "Colorado Republican leaders": a person by trade.
    lemma = subject.lemma_.lower()
    return len(lemma) > 4 and lemma.endswith(lexicon.PERSON_SUFFIXES)


def _writer_speaks(cue: Token, source: Token, kind: str, quoted: Sequence[Piece]) -> bool:
    """ "I told Megyn Kelly that …", "We asked our followers who …": outside quotation marks,
    "I" or "we" stating is the writer (an op-ed, a memoir, a newsroom), a source PolNeAR marks.
    Inside a quotation it is the quoted speaker's aside, and a belief ("I think …") is the
    writer's opinion, not a report."""
    return (
        source.lower_ in _FIRST_PERSON_SPEAKERS
        and kind == SPEECH
        and not any(lo <= cue.idx < hi for lo, hi in quoted)
    )


def find_reported(doc: Doc, used_cues: set[int], quoted: Sequence[Piece] = ()) -> list[Relation]:
    """Reported speech from the parse; ``quoted`` are the character spans of the quotations
    (marks included)."""
    relations: list[Relation] = []
    text = text_of(doc)
    for tok in doc:
        if tok.i in used_cues:
            continue
        kind = cue_kind(tok)
        if kind is None or is_blocked(tok):
            continue
        content = _content_of(tok)
        if not content:
            continue
        source = source_of(tok) or untagged_subject(tok)
        if source is None or (
            source.pos_ == "PRON"
            and source.lower_ in _NO_SOURCE_PRONOUNS
            and not _it_speaks(tok, source)
            and not _writer_speaks(tok, source, kind, quoted)
        ):
            continue
        if source.lower_ in lexicon.WH_PRONOUNS or weak_subject(tok, source):
            continue
        mention = mention_tokens(source)
        # Headings run into the next paragraph in the parse: keep everything in the cue's.
        p_start, p_end = paragraph_bounds(text, tok.idx)
        if not (p_start <= mention.start_char and mention.end_char <= p_end):
            continue
        pieces = []
        for s, e in content:
            s, e = trim_span(text, max(s, p_start), min(e, p_end))
            short = e - s < 3 and text[s:e].lower() not in _ANSWER_WORDS  # "said so" is one
            if not short and not (mention.start_char < e and s < mention.end_char):
                pieces.append((s, e))
        if not pieces:
            continue
        if tok.lemma_.lower() in PREDICATE_VERBS and not any(
            c.dep_ == "ccomp" for c in tok.children
        ):
            kind = PREDICATE  # an object with a predicate: weaker than a reported clause
        relations.append(Relation("indirect", cue_bounds(tok), kind, mention, pieces, tok.i))
    return relations


def _pointed_back(doc: Doc, according: Token) -> list[Piece]:
    """ "That's according to the campaign's filings.": the sentence before is the content
    when nothing but "that/this is" comes before "according to"."""
    sent = according.sent
    before = [t for t in doc[sent.start : according.i] if not t.is_punct and not t.is_space]
    if not (
        1 < len(before) <= 3
        and before[0].lower_ in lexicon.POINTING_BACK
        and all(t.lemma_.lower() == "be" or t.lower_ in {"’s", "'s"} for t in before[1:])
    ):
        return []
    if sent.start == 0:
        return []
    prev = doc[sent.start - 1].sent
    piece = content_span(doc, prev.start, prev.end)
    if piece is None:
        return []
    s, e = trim_span(text_of(doc), *piece)
    return [(s, e)] if e - s >= 8 else []


# Clauses that carry on the one before them: "A, and B, according to X" and "A, while B,
# according to X" report A too.
_CARRYING_ON_DEPS = frozenset({"conj", "advcl"})


def _reported_clause(head: Token) -> Token:
    """The clause "according to X" vouches for: the parser hangs the phrase on the last of
    coordinated clauses, or on a clause trailing the main one, which the source reports
    with it."""
    while (
        head.dep_ in _CARRYING_ON_DEPS
        and head.head.i < head.i
        and head.head.pos_ in grammar.VERB_POS
    ):
        head = head.head
    return head


def _trailing_appendage(doc: Doc, according: Token, lo: int) -> int | None:
    """Where the content starts when "according to X" closes a relative clause set off by
    commas (`the gap in delegates, which stood at 263, according to the AP`): the source vouches
    for what the clause adds, not for the sentence it hangs on. (A "with" phrase closing the
    sentence is not read so: on PolNeAR's development part the source covered the whole sentence
    as often as the phrase alone.)"""
    if according.i < 2 or doc[according.i - 1].text != ",":
        return None
    last = doc[according.i - 2]
    for node in [last, *last.ancestors]:
        if node.i < lo:
            break
        if node.right_edge.i != last.i:
            continue
        start = node.left_edge.i
        if start <= lo or doc[start - 1].text != ",":
            continue
        if node.dep_ == "relcl" and any(t.tag_ in _WH_TAGS for t in doc[start : node.i]):
            return start
    return None


def find_according_to(doc: Doc) -> list[Relation]:
    """`according to X`: the clause the phrase attaches to is the content."""
    relations: list[Relation] = []
    text = text_of(doc)
    for tok in doc[:-1]:
        if tok.lower_ != "according" or doc[tok.i + 1].lower_ != "to":
            continue
        to = doc[tok.i + 1]
        objs = [c for c in to.children if c.dep_ == "pobj"]
        if not objs:
            continue
        source = mention_tokens(objs[0])
        phrase_end = objs[0].right_edge.i + 1
        sent = tok.sent
        head = _reported_clause(tok.head)
        lo, hi = sent.start, sent.end
        if head.i != tok.i and head.pos_ in grammar.VERB_POS and head.dep_ != "ROOT":
            lo, hi = max(lo, head.left_edge.i), min(hi, head.right_edge.i + 1)
        appendage = _trailing_appendage(doc, tok, lo)
        if appendage is not None:
            lo, hi = appendage, tok.i
        lo, hi = _within_parentheses(doc, lo, tok.i, phrase_end, hi)
        p_start, p_end = paragraph_bounds(text, tok.idx)
        pieces = []
        for a, b in ((lo, tok.i), (phrase_end, hi)):
            piece = content_span(doc, a, b) if b > a else None
            if piece:
                s, e = trim_span(text, max(piece[0], p_start), min(piece[1], p_end))
                if e - s >= 8:
                    pieces.append((s, e))
        # "That's according to X": what "that" points back to, not the rest of X's phrase.
        pieces = _pointed_back(doc, tok) or pieces
        if not pieces:
            continue
        cue = (tok.idx, to.idx + len(to.text))
        relations.append(Relation("according_to", cue, SPEECH, source, pieces, tok.i))
    return relations


def _within_parentheses(doc: Doc, lo: int, at: int, after: int, hi: int) -> tuple[int, int]:
    """ "Iowa (93 percent of voters there were white, according to exit polls) tops the list":
    an "according to" inside parentheses vouches for the parenthesis alone. ``[lo, hi)`` is the
    content so far, ``at`` the phrase, ``after`` its end. (Parentheses opened after the phrase
    are no bound: "half of her support (57 percent) comes from women" holds them.)"""
    opened = None
    for k in range(at - 1, lo - 1, -1):
        if doc[k].text == ")":
            break
        if doc[k].text == "(":
            opened = k
            break
    if opened is None:
        return lo, hi
    for k in range(after, hi):
        if doc[k].text == "(":
            break
        if doc[k].text == ")":
            return opened + 1, k
    return lo, hi


def _conjoined_content_end(cue: Token, end: int) -> int:
    """ "said the U.S. needs a guest-worker program, but that he would not support …": the
    parser hangs a second "that" clause on the cue instead of on the first content clause; the
    complementiser makes it more of what was said. (A conjoined verb without "that" may be the
    writer's narration, "said X and left"; on PolNeAR dev taking those gained no statement.)"""
    doc = cue.doc
    for c in cue.children:
        if (
            c.dep_ == "conj"
            and c.i >= end
            and c.sent.start == cue.sent.start
            and c.pos_ in grammar.VERB_POS
            and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
            and any(t.dep_ == "cc" for t in doc[end : c.left_edge.i + 1])
        ):
            end = max(end, c.right_edge.i + 1)
    return end


def _sentence_after_cue(cue: Token) -> Piece | None:
    """ "The argument would be aided, Devine said, by the upcoming primary calendar": a cue
    clause set off by commas inside the reported sentence; the words after it, to the sentence's
    end, finish the content the parser hung on the cue (PARC's content runs over both sides)."""
    doc = cue.doc
    sent_end = cue.sent.end
    subject = nearest_subject(cue)
    # Only "…, Devine said, …": a subject before an active cue, set off by a comma before it
    # ("said Ms. Gil, with games …" goes on about the speaker, not with the content).
    if subject is None or subject.i > cue.i or any(c.dep_ == "auxpass" for c in cue.children):
        return None
    lead = subject.left_edge.i
    if lead == 0 or doc[lead - 1].text != ",":
        return None
    k = cue.i + 1
    # The cue's own short modifiers ("said Tuesday", "said in an interview") up to the comma.
    while k < sent_end and doc[k].text != "," and not doc[k].is_space:
        if doc[k].text in (".", "!", "?", ";", ":") or k - cue.i > MAX_PARENTHETICAL_TOKENS:
            return None
        k += 1
    if k >= sent_end or doc[k].text != ",":
        return None
    rest = [t for t in doc[k + 1 : sent_end] if not t.is_space]
    if not rest:
        return None
    first = next((t for t in rest if not t.is_punct), None)
    if first is None or first.tag_ == "VBG" or cue_kind(first) is not None:
        return None  # ", adding that …", ", citing …": the cue's own clause or another cue
    if sum(t.is_alpha for t in rest) < MIN_CONTENT_TOKENS:
        return None
    if any(cue_kind(t) is not None and _own_subject(t) for t in rest):
        return None  # ", because he said …": another attribution of its own
    text = text_of(doc)
    p_start, p_end = paragraph_bounds(text, cue.idx)
    piece = content_span(doc, rest[0].i, rest[-1].i + 1)
    if piece is None:
        return None
    s, e = trim_span(text, piece[0], min(piece[1], p_end))
    return (s, e) if e - s >= 3 else None


def _it_speaks(cue: Token, source: Token) -> bool:
    """ "It said it had expanded the teams …": "it" as the own subject of a verb of saying
    stands for a company, an agency or a document (PolNeAR marks it a source); "it is safe to
    say", whose "it" the cue only inherits, and "it showed" stay out."""
    if source.lower_ != "it" or cue.lemma_.lower() not in lexicon.CLAUSE_VERBS:
        return False
    subject = nearest_subject(cue)
    return subject is not None and subject.i == source.i


def _clause_parsed_as_gerund(cue: Token) -> list[Piece] | None:
    """ "He said legalizing it could put thousands to work": a clause whose subject is a gerund,
    which the parser reads as the cue's own participle; the tensed verb under it gives it away."""
    if cue.lemma_.lower() not in lexicon.CLAUSE_VERBS:
        return None
    for comp in cue.children:
        if comp.dep_ != "xcomp" or comp.tag_ != "VBG" or comp.i != cue.i + 1:
            continue
        if any(
            c.dep_ == "ccomp" and c.i > comp.i and any(g.tag_ == "MD" for g in c.children)
            for c in comp.children
        ):
            piece = content_span(cue.doc, comp.i, comp.right_edge.i + 1)
            return [piece] if piece else None
    return None


# What poll respondents "said the same of": the words stand for a statement reported before.
_SAME_STATEMENT = frozenset({"same", "opposite"})


def _said_object(cue: Token) -> list[Piece] | None:
    """ "said the same of Sanders", and a clause the parser read as the object of "say" ("the
    candidate said families of people killed by police file lawsuits"): an object that holds a
    verb, "the same/opposite" about someone, or "the same thing", is what was said (one-word
    answers: `_said_answer`). "said different things",
    "said the wrong thing" name no statement and stay out."""
    if cue.lemma_.lower() != "say":
        return None
    answer = _said_answer(cue)
    if answer:
        return answer
    for obj in cue.children:
        if obj.i < cue.i or obj.pos_ == "PRON":
            continue
        if obj.dep_ != "dobj":
            # "26 percent said the same.": the parser may read the bare "the same" closing
            # the clause as a second subject; it still stands for the statement before.
            if obj.lower_ in _SAME_STATEMENT and obj.dep_ == "nsubj" and obj.i == cue.i + 2:
                piece = content_span(cue.doc, obj.left_edge.i, obj.right_edge.i + 1)
                return [piece] if piece else None
            continue
        words = cue.doc[obj.left_edge.i : obj.right_edge.i + 1]
        clause = len(words) >= 4 and any(
            t.pos_ in grammar.VERB_POS and t.i > obj.i and t.tag_ != "VBG" for t in words
        )
        same = (
            obj.lower_ in _SAME_STATEMENT
            # "said the same of Sanders"; a bare "the same" ends the sentence.
            and (
                any(c.dep_ == "prep" for c in obj.children)
                or (obj.i == cue.i + 2 and obj.i + 1 < len(cue.doc) and cue.doc[obj.i + 1].is_punct)
            )
        ) or (obj.lower_ == "thing" and any(c.lower_ == "same" for c in obj.children))
        if clause or same:
            piece = content_span(cue.doc, obj.left_edge.i, obj.right_edge.i + 1)
            return [piece] if piece else None
    return None


# One-word answers that stand for a statement: poll respondents who "said yes" or "said so",
# a candidate who "said no" (to the question just put to him).
_ANSWER_WORDS = frozenset({"yes", "no", "so"})


def _said_answer(cue: Token) -> list[Piece] | None:
    """ "55 percent said so", "the candidate said no", "he said no to the Iraq war": the word
    right after the cue, when the parser hangs it on the cue, with a "to" phrase after "no"."""
    doc = cue.doc
    if cue.i + 1 >= len(doc):
        return None
    word = doc[cue.i + 1]
    if word.lower_ not in _ANSWER_WORDS or word.head.i != cue.i:
        return None
    end = word.i + 1
    nxt = doc[end] if end < len(doc) else None
    if (
        word.lower_ == "no"
        and nxt is not None
        and nxt.lower_ == "to"
        and nxt.head.i in (cue.i, word.i)
    ):
        end = nxt.right_edge.i + 1
    last = doc[end - 1]
    return [(word.idx, last.idx + len(last.text))]
