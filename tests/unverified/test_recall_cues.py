"""The cues of the unv-recall pass (issue 14), on sentences written for the test: a vague group's
surprise, assumption or advice; an evidential "apparently" on a present fact; unnamed studies;
"there were reports" with no "that" and "reports about"; and what each guard leaves alone. Run
as the product runs them (``find_claims``)."""

from __future__ import annotations

import pytest

from tests.unverified.rule_cases import case_ids, flagged

# (sentence, type or "none", the reason code that must explain it)
CASES = [
    # group_view: a group's state of mind or advice is its view
    ("Wildlife experts remain unconvinced that the heron count fell.", "weasel", None),
    ("Many economists are mindful of how fast prices rose in 1998.", "weasel", "group_view"),
    ("Veteran analysts recommend selling the bonds before March.", "weasel", "group_view"),
    ("Some activists urged the council to close the old bridge.", "weasel", "group_view"),
    ("Many people vouch for the northern trail.", "weasel", "group_view"),
    # ... not a named person, nor a group the story points back to
    ("Dr. Okafor recommends selling the bonds before March.", "none", None),
    ("These activists urged the council to close the old bridge.", "none", None),
    # hedge_adverb: "apparently" on a present state or habit
    ("The ferry apparently runs only twice a week in winter.", "hedged", "hedge_adverb"),
    ("The old mill is still standing, apparently.", "hedged", "hedge_adverb"),
    # ... not a reading of someone's mind, a gloss on what was said, nor the writer's own story
    ("The mayor apparently thinks the bridge is safe.", "none", None),
    ("That, apparently, is what counts as a compromise here.", "none", None),
    ("Apparently I am flying to Oslo tomorrow.", "none", None),
    # ... and "probably" stays a judgement of the writer's on the present
    ("The ferry probably runs only twice a week in winter.", "none", None),
    # unnamed_poll: unnamed studies pass on a finding no reader can look up
    ("Recent studies confirm that the drug lowers blood pressure.", "reported", "unnamed_poll"),
    ("Several experiments have shown that the coating resists rust.", "reported", None),
    # ... not what studies once found, told as the history of a field
    ("The cells were first seen in 1955, when early studies found them in the gut.", "none", None),
    # ... not a study the sentence names
    ("A 2019 Oxford study found that the coating resists rust.", "none", None),
    # unnamed_report / reports_of: "there were reports" with its "that" dropped, "reports about"
    (
        "There were reports the rebels were being armed by a neighbouring state.",
        "reported",
        "unnamed_report",
    ),
    (
        "He resigned partly because of reports about his consulting work abroad.",
        "reported",
        "reports_of",
    ),
    # ... not reports someone files, nor reports of nothing
    ("Lobbyists must file detailed reports about their clients every year.", "none", None),
    ("There were no reports of damage after the tremor.", "none", None),
]


@pytest.mark.parametrize(("sentence", "expected", "code"), CASES, ids=case_ids(CASES))
def test_recall_cue(sentence: str, expected: str, code: str | None) -> None:
    finding = flagged(sentence, expected, code)
    if finding is not None:
        for r in finding.reasons:
            assert sentence[r.cue.start : r.cue.end] == r.cue.text and r.explanation


def test_contracted_authorisation_marks_an_insider() -> None:
    """ "who wasn't authorized to comment" marks an official of a named company as an insider
    speaking out of turn, as "not authorized to" does."""
    sentence = "The plant will close, said a Ford official who wasn't authorized to comment."
    flagged(sentence, "anonymous_source", "anonymous_source")
