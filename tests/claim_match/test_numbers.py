"""Figures: written the same way or not, bounded or vague, they compare by value."""

from __future__ import annotations

import pytest

from worker.pipeline.claim_match.numbers import compare, quantities


def values(text: str) -> list[tuple[float | None, str, str | None, str | None]]:
    return [(q.value, q.bound, q.unit, q.vague) for q in quantities(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("At least 40 protesters were killed", [(40.0, ">", None, None)]),
        ("Forty or more protesters were killed", [(40.0, ">", None, None)]),
        ("no fewer than 40 protesters", [(40.0, ">", None, None)]),
        ("fewer than 300 homes", [(300.0, "<", None, None)]),
        ("about 10,000 people", [(10000.0, "~", None, None)]),
        ("Dozens of protesters", [(None, "=", None, "dozens")]),
        ("a dozen eggs", [(12.0, "=", None, None)]),
        ("twenty-three people", [(23.0, "=", None, None)]),
        ("a hundred and twelve people", [(112.0, "=", None, None)]),
        ("$1.9 trillion", [(1.9e12, "=", "usd", None)]),
        ("1.9 trillion dollars", [(1.9e12, "=", "usd", None)]),
        ("half a billion dollars", [(5e8, "=", "usd", None)]),
        ("one and a half million people", [(1.5e6, "=", None, None)]),
        ("4.2 percent", [(4.2, "=", "percent", None)]),
        ("4.2%", [(4.2, "=", "percent", None)]),
        ("4.2 per cent", [(4.2, "=", "percent", None)]),
        ("plus or minus 3.4 percentage points", [(3.4, "=", "point", None)]),
        ("ruled 6-3", [(6.0, "=", None, None), (3.0, "=", None, None)]),
        ("the only one that mattered", []),
        ("one million votes", [(1e6, "=", None, None)]),
    ],
)
def test_quantities(text, expected):
    assert values(text) == expected


def test_the_same_figure_written_differently_matches():
    check = compare(quantities("Forty protesters died"), quantities("40 protesters died"))
    assert not check.mismatch and not check.missing and check.matched == 1


def test_another_figure_is_a_mismatch():
    check = compare(quantities("At least 40 were killed"), quantities("At least 12 were killed"))
    assert check.mismatch
    assert [q.value for q in check.only_a] == [40.0]
    assert [q.value for q in check.only_b] == [12.0]


def test_vague_is_not_an_exact_figure():
    assert compare(quantities("40 were killed"), quantities("dozens were killed")).mismatch
    assert not compare(quantities("dozens died"), quantities("scores died")).mismatch


def test_bounds_in_opposite_directions_differ():
    check = compare(quantities("more than 300 homes"), quantities("fewer than 300 homes"))
    assert check.bound_opposite


def test_a_bound_against_an_exact_figure_is_only_a_qualifier():
    check = compare(quantities("at least 40 died"), quantities("40 died"))
    assert not check.mismatch and not check.bound_opposite and check.bound_differs


def test_a_figure_only_one_side_gives_is_missing_not_mismatched():
    check = compare(quantities("Floods killed 112 people"), quantities("Floods killed people"))
    assert check.missing and not check.mismatch


def test_the_same_figures_in_another_order_are_reordered():
    a = quantities("Two people were killed and five wounded")
    b = quantities("Five people were killed and two wounded")
    assert compare(a, b).reordered
    assert not compare(a, quantities("2 dead and 5 injured")).reordered


def test_units_must_agree():
    assert compare(quantities("4.2 percent"), quantities("$4.2")).mismatch


def test_durations_compare_in_hours():
    check = compare(quantities("a 72-hour ceasefire"), quantities("a three-day ceasefire"))
    assert not check.only_a and not check.only_b
    check = compare(quantities("a 48-hour ceasefire"), quantities("a three-day ceasefire"))
    assert check.mismatch


def test_a_year_only_one_side_gives_dates_the_claim():
    check = compare(
        quantities("He served in the House from 1991 to 2007 and passed 12 amendments."),
        quantities("He passed 12 amendments."),
    )
    assert not check.missing and not check.mismatch and check.matched == 1
    # two different years are two different dates
    assert compare(quantities("in 2015"), quantities("in 2014")).mismatch


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Rents have doubled.", "Rents rose twofold.", True),
        ("Rents have doubled.", "Rents have tripled.", False),
        ("Output was halved.", "Output was halved again.", True),
        ("Fees quadrupled in a year.", "Fees went up fourfold in a year.", True),
    ],
)
def test_multiples_are_figures(a, b, same):
    check = compare(quantities(a), quantities(b))
    assert check.mismatch is not same
    assert check.matched == int(same)


def test_a_double_standard_is_no_figure():
    assert quantities("He applies a double standard.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("by a quarter of a percentage point", [(0.25, "=", "point", None)]),
        ("by half a percentage point", [(0.5, "=", "point", None)]),
        ("a truce of half a day", [(0.5, "=", "day", None)]),
        ("half the voters", []),
    ],
)
def test_a_fraction_of_a_unit(text, expected):
    assert values(text) == expected


def test_a_quarter_point_is_025_points():
    check = compare(
        quantities("The bank raised its rate by a quarter of a percentage point."),
        quantities("The bank raised its rate by 0.25 percentage point."),
    )
    assert check.matched == 1 and not check.missing


def check(a: str, b: str):
    return compare(quantities(a), quantities(b))


def test_longer_spans_compare_in_years():
    # branch match-para: "two decades" read as a bare 2 contradicted "20 years"
    agree = check("The mill has stood empty for two decades.", "The mill has been empty 20 years.")
    assert not agree.only_a and not agree.only_b and agree.matched == 1
    assert not check("He spent a decade in exile.", "He spent ten years in exile.").only_a
    differ = check("The mill has stood empty for two decades.", "The mill has been empty 12 years.")
    assert differ.mismatch


def test_both_is_an_optional_two():
    # "both sides" are "the two sides", and a "both" the other side leaves out is no figure missing
    assert check("Both unions signed the deal.", "The two unions signed the deal.").matched == 1
    alone = check("Both unions signed the deal.", "The unions signed the deal.")
    assert not alone.missing and not alone.mismatch
    # a "both" at another place in the sentence does not reorder the figures it sits between
    moved = check("Both unions signed a 3-year deal.", "A 3-year deal was signed by both unions.")
    assert not moved.reordered and not moved.mismatch


def test_a_multiple_is_the_change_in_percent_it_makes():
    # branch match (issue 16): "doubled" read as 2 times contradicted "up 100 percent"
    assert check("Rents doubled in a year.", "Rents rose 100 percent in a year.").matched == 1
    assert check("Rents tripled in a year.", "Rents climbed 200% in a year.").matched == 1
    assert check("The herd was halved by the drought.", "The herd shrank 50 percent.").matched == 1
    assert check("Rents tripled in a year.", "Rents rose 100 percent in a year.").mismatch
    assert check("Rents doubled in a year.", "Rents rose 2 percent in a year.").mismatch
