"""Summed-up statements the first summary rules left out (issue 13, recall beyond say and
tell): a participle riding on a tensed verb (", referring to X", "by citing X"), a relative
clause whose subject is its speaker ("Sanders, who endorsed Clinton"), verbs whose topic
follows a preposition ("asked X about", "alluded to") and more verbs with a bare object ("noted
X", "referenced X")."""

from __future__ import annotations

import pytest

from tests.attribution.found import summaries


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            '"It is a disgrace," said Ana Cardenas, referring to the new county budget.',
            ("Ana Cardenas", "referring to", "the new county budget"),
        ),
        (
            "The senator spoke for an hour, citing low growth and unemployment.",
            ("The senator", "citing", "low growth and unemployment"),
        ),
        (
            "Mayor Lopez, who on Tuesday endorsed Maria Chen, spoke at the rally.",
            ("Mayor Lopez", "endorsed", "Maria Chen"),
        ),
        (
            "The moderator asked Ms. Ortiz about her ties to the company.",
            ("The moderator", "asked", "her ties to the company"),
        ),
        (
            "The governor noted the drop in unemployment.",
            ("The governor", "noted", "the drop in unemployment"),
        ),
        (
            "Mr. Gowdy referenced an inspector general's report on the emails.",
            ("Mr. Gowdy", "referenced", "an inspector general's report on the emails"),
        ),
    ],
)
def test_summary_beyond_the_first_rules(text: str, expected: tuple[str, str, str]) -> None:
    assert expected in summaries(text)


@pytest.mark.parametrize(
    "text",
    [
        # a participle with its own subject or a plan is no statement of the sentence's subject
        "The council began citing old rules to delay the vote.",
        # the relative pronoun is the object: the speaker is someone else
        "The plan that the mayor endorsed last year failed.",
        # a passive "asked about" has no asker in the sentence
        "Asked about the budget, the mayor left the room.",
        # a habit in the present describes the speaker: no statement reported
        "The race tests a candidate who routinely ridicules his rivals.",
        # findings underscore, people do not state by it
        "The findings underscore the risks for the party.",
    ],
)
def test_still_no_summary(text: str) -> None:
    assert summaries(text) == []
