"""The benchmark's scorer, on cases small enough to count by hand."""

from __future__ import annotations

import pytest

from benchmarks.extraction_score import PageCounts, aggregate, compare, shingles


def test_shingles_are_word_4grams_as_a_multiset():
    assert shingles("a b c d e") == {("a", "b", "c", "d"): 1, ("b", "c", "d", "e"): 1}
    assert shingles("x y z w x y z w")[("x", "y", "z", "w")] == 2
    assert shingles("Hello, world!") == {("Hello", "world"): 1}  # shorter than 4: one shingle
    assert not shingles("  ...  ")


def test_compare_counts_overlaps():
    counts = compare("one two three four five", "one two three four six")
    assert counts == PageCounts(tp=1, fp=1, fn=1)
    assert counts.precision == counts.recall == counts.f1 == 0.5


def test_empty_output_has_no_precision_and_zero_recall():
    counts = compare("one two three four", "")
    assert counts.precision is None
    assert counts.recall == 0.0


def test_aggregate_averages_precision_over_non_empty_outputs_only():
    perfect = PageCounts(tp=10, fp=0, fn=0)
    missed = PageCounts(tp=0, fp=0, fn=10)
    score = aggregate([perfect, missed])
    assert score.precision == 1.0
    assert score.recall == 0.5
    assert score.f1 == pytest.approx(2 / 3)
