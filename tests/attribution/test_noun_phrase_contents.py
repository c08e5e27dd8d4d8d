"""Statements whose content is a noun phrase, beyond the summed-up objects of ``test_summaries``:
a denial of a charge ("denied the allegations"), a statement carried out under another verb
("went on to attack X", "continued to question X"), and a statement put out as a document.
Negatives: the same verbs naming acts, plans, habits and futures; "cast X as Y" (dropped at
merge: half its development findings were wrong)."""

from __future__ import annotations

import pytest

from tests.attribution.found import attributions, summaries


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The county treasurer denied the allegations through her lawyer.",
            ("The county treasurer", "denied", "the allegations"),
        ),
        (
            "The hospital denies any wrongdoing and says it followed the rules.",
            ("The hospital", "denies", "any wrongdoing"),
        ),
        (
            "The militant group claimed responsibility for the bombing.",
            ("The militant group", "claimed", "responsibility for the bombing"),
        ),
        (
            "The ministry has firmly denied any role in the explosion.",
            ("The ministry", "denied", "any role in the explosion"),
        ),
    ],
)
def test_a_denied_or_claimed_charge_is_a_statement(
    text: str, expected: tuple[str, str, str]
) -> None:
    assert expected in summaries(text)


@pytest.mark.parametrize(
    "text",
    [
        "The judge denied bail to the suspect.",
        "The board denied his request for a permit.",
        "The court denied the party a place on the ballot.",
        "The storm claimed the lives of six people.",
    ],
)
def test_denying_or_claiming_a_thing_is_no_summary(text: str) -> None:
    assert summaries(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The mayor went on to attack the council's budget in her speech.",
            ("The mayor", "attack", "the council's budget"),
        ),
        (
            "In an interview, the senator continued to question the governor's record.",
            ("the senator", "question", "the governor's record"),
        ),
        (
            "The coach took to Twitter to praise the referees.",
            ("The coach", "praise", "the referees"),
        ),
        (
            "Ms. Ortiz used her acceptance speech to call for the resignation of the chief.",
            ("Ms. Ortiz", "call for", "the resignation of the chief"),
        ),
        (
            "The candidate spent the evening mocking his rival's plan.",
            ("The candidate", "mocking", "his rival's plan"),
        ),
    ],
)
def test_a_statement_carried_out_under_another_verb(
    text: str, expected: tuple[str, str, str]
) -> None:
    assert summaries(text) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        # a plan, an expectation, a future: nothing was said yet
        "The campaign plans to attack the mayor's record next week.",
        "The newspaper is expected to endorse the governor.",
        "Mr. Diaz said he is going to defend the budget.",
        # a word used as a habit, or by nobody named
        "It is a word the senator has used to describe his rivals.",
        "The term was used to describe the protesters.",
        # negated
        "The mayor did not go on to criticize the plan.",
    ],
)
def test_no_statement_carried_out(text: str) -> None:
    assert [s for s in summaries(text) if s[1] not in ("said",)] == []


@pytest.mark.parametrize(
    "text",
    [
        "The challenger cast himself as a Washington outsider.",
        "The director cast a local actor as the young king.",
        "The studio cast Emma Stone as Cruella.",
        "Ohio cast 66 delegate votes for its governor.",
    ],
)
def test_casting_is_no_statement(text: str) -> None:
    assert attributions(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "In her statement condemning the test, the governor defended her record.",
            ("her", "condemning", "the test"),
        ),
        (
            "All three candidates issued statements condemning the coordinated attacks.",
            ("All three candidates", "condemning", "the coordinated attacks"),
        ),
        (
            "The mayor gave a speech attacking the council.",
            ("The mayor", "attacking", "the council"),
        ),
    ],
)
def test_a_statement_put_out_sums_up_through_its_participle(
    text: str, expected: tuple[str, str, str]
) -> None:
    assert expected in summaries(text)


@pytest.mark.parametrize(
    "text",
    [
        # no speaker named, or the statement not put out
        "A statement praising the mayor was read aloud.",
        "The senator did not issue a statement condemning the raid.",
    ],
)
def test_a_statement_with_no_speaker_sums_up_nothing(text: str) -> None:
    assert summaries(text) == []
