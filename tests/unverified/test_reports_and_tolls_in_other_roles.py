"""Issue 14 precision, round 5: a news report acted on or compared ("used false news reports to
smear", "criticised press reports", "trusted more than a news report") passes on no claim, and
reports whose author a relative clause names ("reports Mr. Jones filed") have a checkable
source; a count reaches a harm word only inside the harm word's own clause, not across a
relative clause that describes someone ("the gunman, who killed ..., passed three checks")."""

from __future__ import annotations

import pytest

from tests.unverified.rule_cases import case_ids, flagged

CASES = [
    (
        "The group used forged letters and false news reports to smear the union leaders.",
        "none",
        None,
    ),
    (
        "Gossip shared among friends is often trusted more than a news report, she said.",
        "none",
        None,
    ),
    (
        "The charity has criticised press reports that suggest the fund is nearly empty.",
        "none",
        None,
    ),
    (
        "The lobbyist arranged about a dozen meetings, according to reports Mr. Jones filed "
        "with the ministry.",
        "none",
        None,
    ),
    # reports that pass a claim on stay reported
    ("Press reports said the minister had resigned.", "reported", "unnamed_report"),
    (
        "The minister resigned on Friday, according to media reports.",
        "reported",
        "unnamed_report",
    ),
    # a count in another clause than the harm word
    (
        "The gunman, who killed his neighbours last year, passed three background checks before "
        "buying the rifle.",
        "none",
        None,
    ),
    (
        "The activist, whose campaigns against the war galvanized students for almost two "
        "generations, died on Monday.",
        "none",
        None,
    ),
    (
        "The senator, who chaired the committee for three terms, died in his sleep on Friday.",
        "none",
        None,
    ),
    # the harm word's own counts stay
    ("The bombing killed 12 soldiers and wounded 30 civilians.", "unsourced_figure", "harm"),
    ("At least 40 miners died in the collapse.", "unsourced_figure", "harm"),
    (
        "Nearly 150 farmers returned home broke after being deported last week.",
        "unsourced_figure",
        "arrest",
    ),
]


@pytest.mark.parametrize(("sentence", "expected", "code"), CASES, ids=case_ids(CASES))
def test_reports_and_tolls_in_other_roles(sentence: str, expected: str, code: str | None) -> None:
    flagged(sentence, expected, code)
