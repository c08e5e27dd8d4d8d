"""A summed-up statement's object runs over the phrases the verb hangs after it that say more
of what was said ("announced his engagement to a former model", "defended himself against
accusations of racism"), but not over the writer's aside after a comma (", with Republicans
taking shots at the White House")."""

from __future__ import annotations

from tests.attribution.found import summaries


def test_a_to_phrase_after_the_object_is_part_of_the_summary() -> None:
    text = "The media titan announced his engagement to a former model from Texas."
    assert summaries(text) == [
        ("The media titan", "announced", "his engagement to a former model from Texas")
    ]


def test_an_against_phrase_after_the_object_is_part_of_the_summary() -> None:
    text = "The pitcher defended himself against accusations of intolerance."
    assert summaries(text) == [
        ("The pitcher", "defended", "himself against accusations of intolerance")
    ]


def test_the_writers_aside_after_a_comma_stays_out() -> None:
    text = (
        "Candidates in both parties condemned the missile test, with Republicans taking shots "
        "at the White House."
    )
    assert summaries(text) == [("Candidates in both parties", "condemned", "the missile test")]
