"""The attribution steps, in the order ``find_attributions`` runs them: the one place to add one.

Each ``Step`` is a pure function of the article's ``Reading`` and what the steps before it have
``Found`` (the relations, in order, and the quotations they took), returning a new ``Found``;
nothing is changed in place. A step that finds a new pattern returns ``found.add(...)`` with its
relations; a step that refines earlier ones returns ``found.replace(...)``. Its ``finds`` line
says what it finds, its function's docstring why it comes where it does.

To add an attribution pattern: write the finder (``reading -> relations``) in its own module or
next to its kin (``direct``, ``reported_speech``), and add one ``Step`` to ``STEPS`` here, before
the refining steps that should apply to it (``cut_at_quote_cues`` trims reported content,
``quotes_in_reported`` types it mixed, ``following_quotes`` extends it).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from worker.pipeline.attribution.belief_scope import drop_unclaimed_beliefs
from worker.pipeline.attribution.combine import (
    attach_following_quotes,
    classify_with_quotes,
    drop_nested_echoes,
    release_clause_quotes,
    stop_at_quote_cues,
)
from worker.pipeline.attribution.continuation import continue_quote_paragraphs
from worker.pipeline.attribution.coordinated_reports import cut_coordinated_reports
from worker.pipeline.attribution.direct import link_quotes
from worker.pipeline.attribution.findings import find_object_findings, widen_findings
from worker.pipeline.attribution.framing_phrases import drop_framing_phrases
from worker.pipeline.attribution.labelled import find_labelled
from worker.pipeline.attribution.made_clear import find_made_clear
from worker.pipeline.attribution.noun_cues import find_document_participles, find_noun_clauses
from worker.pipeline.attribution.noun_topics import find_noun_topics
from worker.pipeline.attribution.own_cues import drop_second_claims, release_claimed_pieces
from worker.pipeline.attribution.poll_phrases import find_poll_phrases
from worker.pipeline.attribution.questions import find_questions
from worker.pipeline.attribution.quote_sequels import attach_quote_sequels
from worker.pipeline.attribution.refusals import find_negated_responses, find_refusals
from worker.pipeline.attribution.relation import QUOTE_TYPES, REPORTED_TYPES, Relation
from worker.pipeline.attribution.reported_speech import find_according_to, find_reported
from worker.pipeline.attribution.share_contrasts import cut_share_contrasts
from worker.pipeline.attribution.subordinate_cues import drop_subordinate_cues
from worker.pipeline.attribution.summaries import find_summaries
from worker.pipeline.attribution.trailing_asides import cut_trailing_asides
from worker.pipeline.attribution.trailing_findings import (
    find_leading_findings,
    find_trailing_findings,
)
from worker.pipeline.reading import Reading


@dataclass(frozen=True)
class Found:
    """What the steps so far have found: ``relations`` in finding order, and ``quotes_used``, the
    indexes of the Reading's quotations that some relation took (a later step leaves them be)."""

    relations: tuple[Relation, ...] = ()
    quotes_used: frozenset[int] = frozenset()

    def add(
        self, relations: list[Relation], quotes: set[int] | frozenset[int] = frozenset()
    ) -> Found:
        """These relations appended, these quotations taken."""
        return Found(self.relations + tuple(relations), self.quotes_used | frozenset(quotes))

    def replace(self, relations: list[Relation], quotes_used: set[int] | frozenset[int]) -> Found:
        """Every relation and the quotations taken, as a refining step leaves them."""
        return Found(tuple(relations), frozenset(quotes_used))


@dataclass(frozen=True)
class Step:
    """One attribution step: ``name`` (short, unique), ``finds`` (one line: what it adds or
    changes) and ``run(reading, found) -> found``."""

    name: str
    finds: str
    run: Callable[[Reading, Found], Found]


def quotations(reading: Reading, found: Found) -> Found:
    """First: a quotation's own cue and source (`"A," he said.`) are the surest attribution in
    the text, and the reported-speech finder must know which cues they took."""
    relations, used = link_quotes(reading.doc, list(reading.quotes))
    return found.add(relations, used)


def clause_quotes(reading: Reading, found: Found) -> Found:
    """Right after ``quotations``: it undoes some of its links (`Sanders says "A" despite his
    loss` is reported speech holding a quote), releasing those quotations and cues before the
    reported-speech finder runs."""
    kept, used = release_clause_quotes(
        reading.doc, list(found.relations), list(reading.quotes), set(found.quotes_used)
    )
    return found.replace(kept, used)


def reported_speech(reading: Reading, found: Found) -> Found:
    """After the quotation steps, whose cues it skips (a cue is one attribution, not two)."""
    taken = {r.cue_token for r in found.relations if r.cue_token is not None}
    quoted = [(p.open, p.outer_end) for q in reading.quotes for p in q.pieces]
    return found.add(find_reported(reading.doc, taken, quoted))


def made_clear(reading: Reading, found: Found) -> Found:
    """After the reported-speech finder, whose cues it skips: "made (it) clear that …" is a
    verb of speech the cue lexicon cannot hold ("make" alone is none)."""
    taken = {r.cue_token for r in found.relations if r.cue_token is not None}
    return found.add(find_made_clear(reading.doc, taken))


def according_to(reading: Reading, found: Found) -> Found:
    """With the other parse finders, before the steps that trim and type reported content."""
    return found.add(find_according_to(reading.doc))


def poll_phrases(reading: Reading, found: Found) -> Found:
    """With ``according_to``, its kin: "In a poll released Sunday, X" is "according to" a poll
    put first, and its content is trimmed and typed like any reported content after it."""
    return found.add(find_poll_phrases(reading.doc))


def labelled(reading: Reading, found: Found) -> Found:
    """With the other finders: `Name: words` heading a line owes nothing to the parse, and its
    content is trimmed and typed like reported speech by the steps after it."""
    return found.add(find_labelled(reading.doc, list(reading.quotes)))


def questions(reading: Reading, found: Found) -> Found:
    """After the reported-speech finder, whose cues it skips: `asked X if …` and `asked X to
    …` are what it leaves of the verbs of asking."""
    taken = {r.cue_token for r in found.relations if r.cue_token is not None}
    return found.add(find_questions(reading.doc, taken))


def object_findings(reading: Reading, found: Found) -> Found:
    """After the reported-speech finder, whose cues it skips: what it leaves of "the poll
    shows …" is the finding stated as an object."""
    taken = {r.cue_token for r in found.relations if r.cue_token is not None}
    return found.add(find_object_findings(reading.doc, taken))


def trailing_findings(reading: Reading, found: Found) -> Found:
    """After the reported-speech finder, whose cues it skips: ", records show." closing a
    sentence is what that finder misses when the parser reads "show" as a noun."""
    taken = {r.cue_token for r in found.relations if r.cue_token is not None}
    return found.add(find_trailing_findings(reading.doc, taken))


def leading_findings(reading: Reading, found: Found) -> Found:
    """With ``trailing_findings``, its mirror: `Records from 2008 show he gave …`, the
    findings verb misread as a noun after the document opening the sentence."""
    taken = {r.cue_token for r in found.relations if r.cue_token is not None}
    return found.add(find_leading_findings(reading.doc, taken))


def document_participles(reading: Reading, found: Found) -> Found:
    """After the reported-speech finder, whose cues it skips: a participle of speech on a
    document ("issued a statement saying …", "a poll showing …") has no subject of its own."""
    taken = {r.cue_token for r in found.relations if r.cue_token is not None}
    return found.add(find_document_participles(reading.doc, taken))


def noun_clauses(reading: Reading, found: Found) -> Found:
    """With the finders, before content is trimmed: "the senator's claim that …" is a noun
    cue no verb finder reads; a content some verb cue already took is left to it."""
    have = {tuple(r.content) for r in found.relations}
    new = [r for r in find_noun_clauses(reading.doc) if tuple(r.content) not in have]
    return found.add(new)


def whole_findings(reading: Reading, found: Found) -> Found:
    """After the finders and before content is cut at quotation cues: a poll's or a document's
    finding runs over all its verb's objects, not only the clause the finder took."""
    return found.replace(widen_findings(reading.doc, list(found.relations)), found.quotes_used)


def summaries(reading: Reading, found: Found) -> Found:
    """After every finder of clausal content, whose cues it skips: what is left of the verbs
    of speech with a bare object ("attacked Trump", "called for a ban") is a summed-up
    statement."""
    taken = {r.cue_token for r in found.relations if r.cue_token is not None}
    return found.add(find_summaries(reading.doc, taken))


def noun_topics(reading: Reading, found: Found) -> Found:
    """With the summaries, after the finders of clausal content: "his attacks on X" is the
    noun of "attacked X"; a topic some finder already took is left to it."""
    have = {tuple(r.content) for r in found.relations}
    return found.add([r for r in find_noun_topics(reading.doc) if tuple(r.content) not in have])


def refusals(reading: Reading, found: Found) -> Found:
    """With the summaries, after the reported-speech finder (which skips "say" under
    "declined"): the refusal to speak is the attribution."""
    taken = {r.cue_token for r in found.relations if r.cue_token is not None}
    return found.add(find_refusals(reading.doc, taken))


def negated_responses(reading: Reading, found: Found) -> Found:
    """With ``refusals``, its kin: "did not respond to requests for comment" is a refusal to
    speak put as a negated answer; the finders before it skip negated cues."""
    taken = {r.cue_token for r in found.relations if r.cue_token is not None}
    return found.add(find_negated_responses(reading.doc, taken))


def cut_at_quote_cues(reading: Reading, found: Found) -> Found:
    """After every finder of reported content and before ``quotes_in_reported``: content is cut
    at the cues the quotation steps found, then typed by the quotations it still holds."""
    quoted = [r for r in found.relations if r.type in QUOTE_TYPES]
    out = []
    for rel in found.relations:
        if rel.type in REPORTED_TYPES:
            rel = stop_at_quote_cues(reading.text, rel, quoted)
            if not rel.content:
                continue
        out.append(rel)
    return found.replace(out, found.quotes_used)


def coordinated_reports(reading: Reading, found: Found) -> Found:
    """After content is cut at quotation cues, with every finder's cue known: reported
    content ends before a closing "and X said …" another relation reports."""
    relations = list(found.relations)
    cut = cut_coordinated_reports(reading.doc, relations)
    pairs = zip(relations, cut, strict=True)
    out = [new if old.type in REPORTED_TYPES else old for old, new in pairs]
    return found.replace(out, found.quotes_used)


def share_contrasts(reading: Reading, found: Found) -> Found:
    """With ``coordinated_reports``, its kin: a poll share's content ends before `, compared
    with 41 percent …` setting another share beside it."""
    return found.replace(cut_share_contrasts(reading.doc, list(found.relations)), found.quotes_used)


def trailing_asides(reading: Reading, found: Found) -> Found:
    """After content is cut at quotation cues, before it is typed by the quotations it holds:
    reported content ends before a comma-set relative clause of the writer's closing it."""
    quotes = list(reading.quotes)
    out = [
        cut_trailing_asides(reading.doc, rel, quotes) if rel.type in REPORTED_TYPES else rel
        for rel in found.relations
    ]
    return found.replace(out, found.quotes_used)


def quotes_in_reported(reading: Reading, found: Found) -> Found:
    """After the content is final: reported content that holds a quotation is mixed (or direct
    when the quotation is all of it), and takes that quotation."""
    relations, used = classify_with_quotes(
        list(found.relations), reading.text, list(reading.quotes), found.quotes_used
    )
    return found.replace(relations, used)


def following_quotes(reading: Reading, found: Found) -> Found:
    """Last: only a quotation no step took can continue the attribution before it."""
    relations = attach_following_quotes(
        reading.doc, list(found.relations), list(reading.quotes), found.quotes_used
    )
    return found.replace(relations, found.quotes_used)


def quote_sequels(reading: Reading, found: Found) -> Found:
    """After ``following_quotes`` (a quotation after `A, she said.`), before
    ``quote_paragraphs``: a quotation sentence no step took, right after reported content whose
    cue came first (`She says A. "B."`), goes on with that content."""
    relations, used = attach_quote_sequels(
        reading.doc, list(found.relations), list(reading.quotes), found.quotes_used
    )
    return found.replace(relations, used)


def quote_paragraphs(reading: Reading, found: Found) -> Found:
    """After ``following_quotes``, which attaches quotations inside the attribution's own
    paragraph: what is left of the quotations that fill a paragraph continue the direct quote
    ending the paragraph before."""
    relations, used = continue_quote_paragraphs(
        reading.text, list(found.relations), list(reading.quotes), found.quotes_used
    )
    return found.replace(relations, used)


def subordinate_cues(reading: Reading, found: Found) -> Found:
    """When every content is final: a cue of the writer's adverbial clause ("as Bush continued
    to interject") reports nothing of the main clause before it."""
    return found.replace(
        drop_subordinate_cues(reading.doc, list(found.relations)), found.quotes_used
    )


def framing_phrases(reading: Reading, found: Found) -> Found:
    """When every content is final: an opening phrase holding a quoted title (`On ABC's "This
    Week," she said`) sets the scene of the speech; it is not what was said."""
    return found.replace(
        drop_framing_phrases(reading.doc, list(found.relations)), found.quotes_used
    )


def claimed_pieces(reading: Reading, found: Found) -> Found:
    """After every step that extends content over quotation pieces, before ``nested_echoes``:
    a later piece that another cue between them has as its content is that cue's alone."""
    return found.replace(release_claimed_pieces(list(found.relations)), found.quotes_used)


def second_claims(reading: Reading, found: Found) -> Found:
    """After ``claimed_pieces``, with every content final: the same words taken by two cues,
    neither inside the other's words, are the first cue's."""
    return found.replace(drop_second_claims(list(found.relations)), found.quotes_used)


def nested_echoes(reading: Reading, found: Found) -> Found:
    """Last, when every content is final: an attribution nested in another's content that
    repeats most of it is dropped."""
    return found.replace(drop_nested_echoes(list(found.relations)), found.quotes_used)


def unclaimed_beliefs(reading: Reading, found: Found) -> Found:
    """Last, when every content is final (a nested cue is one inside another's final content):
    a belief cue that states a feeling, or that sits in another source's words, is dropped."""
    return found.replace(
        drop_unclaimed_beliefs(reading.doc, list(found.relations)), found.quotes_used
    )


STEPS: tuple[Step, ...] = (
    Step("quotations", "each quotation linked to its cue and source", quotations),
    Step("clause_quotes", "quotes inside a longer reported clause released", clause_quotes),
    Step("reported_speech", "`X said (that) …` and its variants, from the parse", reported_speech),
    Step("made_clear", "`X made (it) clear that …`", made_clear),
    Step("according_to", "`according to X`, the clause the phrase attaches to", according_to),
    Step("poll_phrases", "`In a poll released Sunday, X`: a poll's finding", poll_phrases),
    Step("labelled", "`Name: words` heading a line (headlines, transcripts)", labelled),
    Step("questions", "`asked X if/whether/wh-…` and `asked X to …`", questions),
    Step("object_findings", "`the poll shows X leading`: a finding as an object", object_findings),
    Step("trailing_findings", "`…, county records show.` misparsed as a noun", trailing_findings),
    Step("leading_findings", "`Records from 2008 show X …` misparsed as a noun", leading_findings),
    Step(
        "document_participles",
        "`issued a statement saying X`, `a poll showing X`: a document's participle",
        document_participles,
    ),
    Step("noun_clauses", "`the senator's claim that X`: a statement noun's clause", noun_clauses),
    Step(
        "whole_findings", "a poll's or a document's finding widened to its clause", whole_findings
    ),
    Step("summaries", "`X attacked Y`, `called for Y`: a statement summed up", summaries),
    Step("noun_topics", "`his attacks on Y`, `made a call for Y`: a noun summed up", noun_topics),
    Step("refusals", "`X declined to comment`: a refusal to speak", refusals),
    Step(
        "negated_responses",
        "`X did not respond to Y`, `did not mention Y`: a non-answer",
        negated_responses,
    ),
    Step("cut_at_quote_cues", "reported content stopped at a quotation's cue", cut_at_quote_cues),
    Step(
        "coordinated_reports",
        "reported content ended before a closing `and X said …`",
        coordinated_reports,
    ),
    Step(
        "share_contrasts",
        "a poll share's content ended before `, while 4 in 10 …`",
        share_contrasts,
    ),
    Step(
        "trailing_asides",
        "reported content ended before the writer's closing aside",
        trailing_asides,
    ),
    Step("quotes_in_reported", "reported speech holding a quotation: mixed", quotes_in_reported),
    Step(
        "following_quotes", "an unattributed quotation continuing the one before", following_quotes
    ),
    Step(
        "quote_sequels",
        "a quotation sentence going on with the reported speech before it",
        quote_sequels,
    ),
    Step(
        "quote_paragraphs",
        "a paragraph that is only a quotation continuing the direct quote before",
        quote_paragraphs,
    ),
    Step("subordinate_cues", "a cue in an adverbial clause after its content", subordinate_cues),
    Step("framing_phrases", "an opening adverbial phrase before a cue dropped", framing_phrases),
    Step("claimed_pieces", "a quotation piece another cue claims left to it", claimed_pieces),
    Step("second_claims", "the same words under a second cue dropped", second_claims),
    Step("nested_echoes", "a nested attribution repeating its outer one dropped", nested_echoes),
    Step("unclaimed_beliefs", "a feeling or a nested belief cue dropped", unclaimed_beliefs),
)


def run_steps(reading: Reading, steps: tuple[Step, ...] = STEPS) -> tuple[Relation, ...]:
    """Every step in order over the Reading; the relations the last one leaves."""
    found = Found()
    for step in steps:
        found = step.run(reading, found)
    return found.relations
