"""The labelled-pair tools: the committed PolNeAR pairs hold no text, a missing corpus is a clear
error, and the agreement scorer's kappa is right."""

from __future__ import annotations

import json

import pytest

from benchmarks.claim_pairs import pairs
from benchmarks.claim_pairs.agreement import cohen_kappa


def test_polnear_pairs_are_ids_offsets_and_hashes_only():
    rows = [json.loads(line) for line in pairs.POLNEAR_PAIRS.open()]
    assert len(rows) == 540
    for row in rows:
        assert set(row) == {"id", "a", "b", "label", "cluster", "split", "drawn"}
        assert set(row["a"]) == set(row["b"]) == {"article", "start", "end", "sha"}
    frozen = sum(r["split"] == "frozen" for r in rows)
    assert 0.25 <= frozen / len(rows) <= 0.35
    # a cluster is wholly on one side
    sides: dict[str, set[str]] = {}
    for r in rows:
        sides.setdefault(r["cluster"], set()).add(r["split"])
    assert all(len(s) == 1 for s in sides.values())


def test_written_pairs_load():
    written = pairs.written_pairs()
    assert len(written) == 182 and all(p.a and p.b for p in written)


def test_missing_corpus_is_a_clear_error(tmp_path, monkeypatch):
    monkeypatch.setattr(pairs, "POLNEAR_TEXT", tmp_path / "absent")
    monkeypatch.setattr(pairs, "JOINED", tmp_path / "pairs.jsonl")
    with pytest.raises(pairs.MissingData, match="PolNeAR train texts not found"):
        pairs.all_pairs()


def test_cohen_kappa():
    assert cohen_kappa(["s", "r", "u"], ["s", "r", "u"]) == 1.0
    # agreement no better than chance
    assert cohen_kappa(["s", "s", "r", "r"], ["s", "r", "s", "r"]) == pytest.approx(0.0)
    assert cohen_kappa(["s", "s", "s", "r"], ["s", "s", "r", "r"]) == pytest.approx(0.5)


def test_second_draw_is_dev_only_and_shares_no_sentence_with_the_first():
    first = [json.loads(line) for line in pairs.POLNEAR_PAIRS.open()]
    more = [json.loads(line) for line in pairs.POLNEAR_PAIRS_MORE.open()]
    assert len(more) >= 300
    assert {r["split"] for r in more} == {"dev"}
    assert len({r["id"] for r in first + more}) == len(first) + len(more)
    for row in more:
        assert set(row) == {"id", "a", "b", "label", "cluster", "split", "drawn"}
        assert set(row["a"]) == set(row["b"]) == {"article", "start", "end", "sha"}
    used = {(r[s]["article"], r[s]["start"]) for r in first for s in ("a", "b")}
    assert not used & {(r[s]["article"], r[s]["start"]) for r in more for s in ("a", "b")}
    # a cluster shared with the first draw is a dev cluster there
    first_split = {r["cluster"]: r["split"] for r in first}
    assert all(first_split.get(r["cluster"], "dev") == "dev" for r in more)


def test_third_draw_is_dev_only_and_shares_no_sentence_with_the_earlier_draws():
    earlier = [
        json.loads(line)
        for path in (pairs.POLNEAR_PAIRS, pairs.POLNEAR_PAIRS_MORE)
        for line in path.open()
    ]
    third = [json.loads(line) for line in pairs.POLNEAR_PAIRS_THIRD.open()]
    assert len(third) >= 290
    assert {r["split"] for r in third} == {"dev"}
    assert {r["id"][0] for r in third} == {"t"}
    for row in third:
        assert set(row) == {"id", "a", "b", "label", "cluster", "split", "drawn"}
        assert set(row["a"]) == set(row["b"]) == {"article", "start", "end", "sha"}
    used = {(r[s]["article"], r[s]["start"]) for r in earlier for s in ("a", "b")}
    assert not used & {(r[s]["article"], r[s]["start"]) for r in third for s in ("a", "b")}
    # a cluster shared with an earlier draw is a dev cluster there
    earlier_split = {r["cluster"]: r["split"] for r in earlier}
    assert all(earlier_split.get(r["cluster"], "dev") == "dev" for r in third)


def test_fourth_draw_is_dev_only_and_shares_no_sentence_with_the_earlier_draws():
    earlier = [
        json.loads(line)
        for path in (pairs.POLNEAR_PAIRS, pairs.POLNEAR_PAIRS_MORE, pairs.POLNEAR_PAIRS_THIRD)
        for line in path.open()
    ]
    fourth = [json.loads(line) for line in pairs.POLNEAR_PAIRS_FOURTH.open()]
    assert len(fourth) >= 200
    assert {r["split"] for r in fourth} == {"dev"}
    assert {r["id"][0] for r in fourth} == {"f"}
    assert {r["drawn"][:2] for r in fourth} == {"ev"}
    for row in fourth:
        assert set(row) == {"id", "a", "b", "label", "cluster", "split", "drawn"}
        assert set(row["a"]) == set(row["b"]) == {"article", "start", "end", "sha"}
        # two outlets' coverage, never one outlet against itself
        assert row["a"]["article"].split("_")[0] != row["b"]["article"].split("_")[0]
    used = {(r[s]["article"], r[s]["start"]) for r in earlier for s in ("a", "b")}
    assert not used & {(r[s]["article"], r[s]["start"]) for r in fourth for s in ("a", "b")}
    earlier_split = {r["cluster"]: r["split"] for r in earlier}
    assert all(earlier_split.get(r["cluster"], "dev") == "dev" for r in fourth)


def test_anchors_are_names_past_the_first_word_and_figures():
    from benchmarks.claim_pairs.fourth import anchors

    got = anchors("The Harbor Board said Tuesday that 1,200 kayaks were seized in Port Orlin.")
    assert got == {"harbor", "board", "tuesday", "1200", "port", "orlin"}
    # a capital that only opens the sentence names nothing
    assert anchors("Officials counted 14 boats.") == {"14"}


def test_threshold_cross_validation_pools_several_draws_of_the_folds():
    from benchmarks.claim_threshold import Point, cross_validate, pooled

    points = [Point(score=(i % 10) / 10, gold=i % 10 >= 6, group=f"g{i % 25}") for i in range(100)]
    one = cross_validate(points, 5, 0.95)[1]
    other = cross_validate(points, 5, 0.95, seed=7)[1]
    assert len(one) == len(other) == 100
    three = pooled(points, 5, 0.95, 3)
    assert len(three) == 300
    assert three[:100] == one  # the first draw is the single draw's
