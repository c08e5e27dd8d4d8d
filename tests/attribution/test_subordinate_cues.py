"""A cue heading the writer's adverbial clause ("as Ross continued to interject", "since it began
previews", "while he was speaking") reports nothing of the main clause before it; a bare
"as the company said" does."""

from __future__ import annotations

import pytest

from worker.pipeline.attribution.relation import Relation
from worker.pipeline.attribution.subordinate_cues import drop_subordinate_cues
from worker.pipeline.nlp import parse


def _kept(text: str, main: str, cue: str) -> bool:
    doc = parse(text)
    token = next(t for t in doc if t.text == cue)
    start = text.index(main)
    rel = Relation(
        "indirect",
        (token.idx, token.idx + len(token.text)),
        "speech",
        doc[0:1],
        [(start, start + len(main))],
        token.i,
    )
    return drop_subordinate_cues(doc, [rel]) == [rel]


@pytest.mark.parametrize(
    ("text", "main", "cue"),
    [
        ("The crowd booed loudly, as Ross continued to interject.", "The crowd booed", "continued"),
        ("He has been with the show since it began previews in March.", "He has been", "began"),
        (
            "The county lost jobs while the mayor announced new plans.",
            "The county lost",
            "announced",
        ),
    ],
)
def test_a_cue_of_an_adverbial_clause_does_not_report_the_main_clause(
    text: str, main: str, cue: str
) -> None:
    assert not _kept(text, main, cue)


@pytest.mark.parametrize(
    ("text", "main", "cue"),
    [
        ("The plant will close next year, as the company said on Monday.", "The plant", "said"),
        (
            "The numbers changed, as the senator has sometimes acknowledged.",
            "The numbers",
            "acknowledged",
        ),
    ],
)
def test_a_bare_as_clause_points_back_at_what_it_follows(text: str, main: str, cue: str) -> None:
    assert _kept(text, main, cue)
