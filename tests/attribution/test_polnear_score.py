"""The PolNeAR scorer (benchmarks/brat.py, polnear_score.py, statement_cues.py) on brat snippets
written for these tests (no PolNeAR text is in the repository)."""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks.brat import BratError, parse_ann
from benchmarks.polnear_data import make_split
from benchmarks.polnear_score import (
    Relation,
    from_findings,
    gold_relations,
    is_direct,
    quoted_chars,
    score,
    score_article,
    trim,
)
from benchmarks.statement_cues import cue_class, lemma
from worker.pipeline.model import Cue, Finding, Span, Speaker

ROOT = Path(__file__).resolve().parents[2]

TEXT = (
    "The mayor said the budget was balanced on Monday.\n"
    "\n"
    "\u201cWe are done,\u201d Smith said. \u201cNow we rest.\u201d\n"
    "\n"
    "Polls show voters agree with the plan. Jones thinks it is late."
)


def at(needle: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(needle, start + 1)
    return start, start + len(needle)


def t_line(tid: str, label: str, *needles: str) -> str:
    spans = [at(n) for n in needles]
    offsets = ";".join(f"{s} {e}" for s, e in spans)
    return f"{tid}\t{label} {offsets}\t{' '.join(TEXT[s:e] for s, e in spans)}"


# Relation 1: indirect, named source. Relation 2: one span over '“We are done,” Smith said.
# “Now we rest.”' including its own cue and source (as PolNeAR often marks it). Relation 3: a
# poll with no source annotated. Relation 4: belief ("thinks"). A note, a span whose text runs
# over a newline, an event without content and a discard span are mixed in.
ANN = "\n".join(
    [
        t_line("T1", "Source", "The mayor"),
        t_line("T2", "Cue", "said"),
        t_line("T3", "Content", "the budget was balanced on Monday."),
        t_line("T4", "Attribution", "said"),
        "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1",
        t_line("T5", "Source", "Smith"),
        t_line("T6", "Cue", "said."),
        f"T7\tContent {at('We are done')[0] - 1} {at('rest.')[1] + 1}\t\u201cWe are done,",
        "continuation of a span text that ran over a newline",
        t_line("T8", "Attribution", "said."),
        "E2\tAttribution:T8 Cue:T6 Source:T5 Content:T7",
        t_line("T9", "Cue", "show"),
        t_line("T10", "Content", "voters agree with the plan."),
        t_line("T11", "Attribution-no-source", "show"),
        "E3\tAttribution-no-source:T11 Content:T10 Cue:T9",
        t_line("T12", "Source", "Jones"),
        t_line("T13", "Cue", "thinks"),
        t_line("T14", "Content", "it is late"),
        t_line("T15", "Attribution", "thinks"),
        "E4\tAttribution:T15 Source:T12 Cue:T13 Content:T14",
        t_line("T16", "Discard", "Polls"),
        "E5\tAttribution-no-source:T16 ",
        "#1\tAnnotatorNotes T3\tshould Monday be in?",
        "",
    ]
)


def test_parse_ann_reads_events_with_their_spans_and_skips_the_rest() -> None:
    rels = parse_ann(ANN)
    assert [r.id for r in rels] == ["E1", "E2", "E3", "E4"]  # E5 has neither cue nor content
    assert rels[0].source == (at("The mayor"),)
    assert rels[0].cue == (at("said"),)
    assert rels[2].source == () and rels[2].source_span is None
    assert TEXT[rels[3].content[0][0] : rels[3].content[0][1]] == "it is late"


def test_parse_ann_joins_discontinuous_spans_and_further_content_pieces() -> None:
    ann = "\n".join(
        [
            "T1\tSource 0 5\tx",
            "T2\tCue 6 10\tx",
            "T3\tContent 20 25;30 35\tx",
            "T4\tContent 40 45\tx",
            "T5\tAttribution 6 10\tx",
            "E1\tAttribution:T5 Source:T1 Cue:T2 Content:T3 Content2:T4",
        ]
    )
    (rel,) = parse_ann(ann)
    assert rel.content == ((20, 25), (30, 35), (40, 45))
    assert len(rel.content_chars) == 15


def test_parse_ann_reports_a_malformed_line() -> None:
    with pytest.raises(BratError, match="line 1"):
        parse_ann("T1\tSource zero five\tx")
    with pytest.raises(BratError, match="unknown span"):
        parse_ann("T1\tCue 0 4\tx\nE1\tAttribution:T1 Cue:T1 Content:T9")


def test_quoted_chars_pairs_curly_and_straight_marks_and_closes_at_paragraph_end() -> None:
    text = 'a \u201cb c\u201d d "e" f\n\u201cg h\nk'
    quoted = quoted_chars(text)
    assert {text[i] for i in quoted} == {"b", " ", "c", "e", "g", "h"}
    assert text.index("d") not in quoted and text.index("k") not in quoted


def test_quoted_chars_reads_two_apostrophes_as_a_double_mark_in_plain_text() -> None:
    text = "''Yes,'' she said. It's ''late.''"
    quoted = quoted_chars(text)
    assert "".join(text[i] for i in sorted(quoted) if text[i].isalpha()) == "Yeslate"


def test_gold_relations_drop_the_own_cue_and_source_and_classify_them() -> None:
    gold = gold_relations(TEXT, parse_ann(ANN))
    mayor, smith, poll, jones = gold
    assert "".join(TEXT[i] for i in sorted(mayor.content)) == "the budget was balanced on Monday"
    assert not mayor.direct and mayor.statement
    # The quote's content keeps both quotations and loses "Smith said".
    words = "".join(TEXT[i] for i in sorted(smith.content))
    assert words == "We are doneNow we rest"
    assert smith.direct and smith.statement and smith.source == at("Smith")
    assert poll.statement and poll.source is None and not poll.direct
    assert not jones.statement


def test_trim_strips_quote_marks_and_punctuation_piece_by_piece() -> None:
    text = "\u201cYes.\u201d -- \u201cNo!\u201d"
    whole = trim(text, range(len(text)))
    assert "".join(text[i] for i in sorted(whole)) == "Yes.\u201d -- \u201cNo"
    pieces = trim(text, list(range(0, 6)) + list(range(10, 15)))
    assert "".join(text[i] for i in sorted(pieces)) == "YesNo"
    assert trim(text, range(6, 10)) == frozenset()


def test_is_direct_needs_nearly_all_letters_quoted() -> None:
    text = 'He said "all of this is quoted" and more'
    quoted = quoted_chars(text)
    inside = frozenset(range(text.index("all"), text.index('" and')))
    assert is_direct(text, inside, quoted)
    assert not is_direct(text, inside | frozenset(range(text.index("and"), len(text))), quoted)


def rel(chars: range, source: tuple[int, int] | None = None, **kw: bool) -> Relation:
    return Relation(frozenset(chars), source, None, **kw)


def test_jaccard_match_at_one_half_and_exact_match() -> None:
    gold = [rel(range(0, 10), (50, 55))]
    assert score(gold, [rel(range(0, 5))]).tp == 1  # Jaccard exactly 0.5
    assert score(gold, [rel(range(0, 4))]).tp == 0  # 0.4
    half = score(gold, [rel(range(0, 5))], exact=True)
    assert (half.tp, half.fp, half.fn) == (0, 1, 1)
    assert score(gold, [rel(range(0, 10))], exact=True).tp == 1


def test_matching_is_one_to_one_and_best_overlap_first() -> None:
    gold = [rel(range(0, 10)), rel(range(0, 12))]
    s = score(gold, [rel(range(0, 12)), rel(range(0, 11)), rel(range(100, 110))])
    assert (s.tp, s.fp, s.fn) == (2, 1, 0)
    s = score([rel(range(0, 10))], [rel(range(0, 10)), rel(range(0, 9))])
    assert (s.tp, s.fp, s.fn) == (1, 1, 0)


def test_source_and_speaker_accuracy() -> None:
    gold = [rel(range(0, 10), (50, 55)), rel(range(20, 30), None), rel(range(40, 48), (60, 62))]
    predicted = [rel(range(0, 10), (53, 58)), rel(range(20, 30), None), rel(range(40, 48), None)]
    s = score(gold, predicted)
    assert s.tp == 3 and s.tp_source == 2  # overlap counts, both absent counts, one missing
    assert (s.speaker_right, s.speaker_total) == (1, 2)
    assert s.prf(with_source=True) == pytest.approx((2 / 3, 2 / 3, 2 / 3))


def test_direct_scores_only_direct_on_both_sides_and_statement_recall() -> None:
    gold = [
        rel(range(0, 10), direct=True),
        rel(range(20, 30), statement=False),
        rel(range(40, 50), statement=True),
    ]
    predicted = [rel(range(0, 10), direct=True), rel(range(20, 30)), rel(range(60, 70))]
    s = score_article(gold, predicted)
    assert (s.direct.tp, s.direct.fp, s.direct.fn) == (1, 0, 0)
    assert (s.all.tp, s.all.fp, s.all.fn) == (2, 1, 1)
    assert (s.all.statements_found, s.all.statements) == (1, 2)
    assert s.all.statement_recall == 0.5


def test_from_findings_reads_attributions_only_with_pieces_speaker_and_type() -> None:
    findings = [
        Finding(
            "attribution",
            "direct_quote",
            0,
            0,
            "",
            content=[Span(*at("We are done,")), Span(*at("Now we rest."))],
            cue=Cue("said", *at("said", 1)),
            speaker=Speaker("Smith", *at("Smith")),
        ),
        Finding("unverified", "hedged", 0, 5, "The m"),
    ]
    (p,) = from_findings(TEXT, findings)
    assert p.direct and p.source == at("Smith")
    gold = gold_relations(TEXT, parse_ann(ANN))
    assert score(gold, [p], exact=True).tp == 1


@pytest.mark.parametrize(
    ("cue", "source", "expected"),
    [
        ("said", None, "statement"),
        ("told", None, "statement"),
        ("has repeatedly said", None, "statement"),
        ("according to", None, "statement"),
        (":", None, "statement"),
        ("\u2014", None, "statement"),
        ("show", "Polls", "statement"),
        ("found", "the study", "statement"),
        ("in", "a Gallup survey", "statement"),
        ("said in a statement", None, "statement"),
        ("noted", None, "statement"),
        ("tweeted", None, "statement"),
        ("blasted", None, "statement"),
        ("as he put it", None, "statement"),
        ("for", "voters", "stance"),
        ("thinks", None, "stance"),
        ("wants", None, "stance"),
        ("is expected", None, "stance"),
        ("don\u2019t like", None, "stance"),
        ("plans", None, "stance"),
        ("cast his vote for", None, "stance"),
        ("signed", None, "stance"),
    ],
)
def test_cue_class(cue: str, source: str | None, expected: str) -> None:
    assert cue_class(cue, source) == expected


def test_lemma_only_accepts_lexicon_entries() -> None:
    assert lemma("noted") == "note"
    assert lemma("planned") == "plan"
    assert lemma("denied") == "deny"
    assert lemma("said") == "say"
    assert lemma("notes") == "note"
    assert lemma("hundred") == "hundred"


def test_split_is_stratified_fixed_and_disjoint() -> None:
    ids = [f"{outlet}_2016-01-{i:02d}_x" for outlet in ("a", "b") for i in range(1, 21)]
    split = make_split(ids, seed=3)
    assert split == make_split(list(reversed(ids)), seed=3)
    assert len(split["frozen"]) == 10 and len(split["dev"]) == 30
    assert sum(i.startswith("a_") for i in split["frozen"]) == 5
    assert not set(split["dev"]) & set(split["frozen"])


def test_committed_split_is_a_quarter_of_the_840_by_outlet() -> None:
    import json

    data = json.loads((ROOT / "benchmarks" / "data" / "polnear_split.json").read_text("utf-8"))
    assert len(data["dev"]) == 630 and len(data["frozen"]) == 210
    assert not set(data["dev"]) & set(data["frozen"])
    assert make_split(data["dev"] + data["frozen"], seed=data["seed"]) == data
