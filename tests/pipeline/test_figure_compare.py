"""Figures compared across articles (``worker.pipeline.figure_compare``), on short articles
written for these tests (``tests/data/figures``: one invented event, three outlets)."""

from __future__ import annotations

import json
import math

import pytest

from tests.support.data import DATA as DATA_DIR
from worker.pipeline import figure_compare as fc

ARTICLES = json.loads((DATA_DIR / "figures" / "articles.json").read_text("utf-8"))


def finding_json(article: dict, spec: dict) -> dict:
    paragraphs = article["text"].split("\n\n")
    sentence = paragraphs[spec["sentence"]]
    start = article["text"].index(sentence)
    speaker = spec.get("speaker")
    return {
        "id": spec["id"],
        "ref": f"{article['url']}#{spec['id']}",
        "kind": spec["kind"],
        "type": spec["type"],
        "start": start,
        "end": start + len(sentence),
        "text": sentence,
        "speaker": {"text": speaker, "name": speaker, "anonymous": bool(spec.get("anonymous"))}
        if speaker
        else None,
    }


def claims_of(article: dict) -> list[fc.FigureClaim]:
    findings = [finding_json(article, s) for s in article["findings"]]
    return fc.figure_claims(findings, article, article_key=article["url"])


@pytest.fixture(scope="module")
def pool() -> list[fc.FigureClaim]:
    return [c for a in ARTICLES for c in claims_of(a)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("At least 40 protesters were killed in Valdera.", [("dead", 40, math.inf, "At least 40")]),
        ("The ministry said 12 people died.", [("dead", 12, 12, "12")]),
        ("Dozens were injured in the crush.", [("injured", 24, 99, "Dozens")]),
        ("Between 30 and 40 people were killed.", [("dead", 30, 40, "between 30 and 40")]),
        ("About 1,500 people were killed.", [("dead", 1275, 1725, "About 1,500")]),
        (
            "The gunman killed 14 people and wounded 21 others.",
            [("dead", 14, 14, "14"), ("injured", 21, 21, "21")],
        ),
        (
            "Police arrested 200 demonstrators after 5,000 protesters marched.",
            [("arrested", 200, 200, "200"), ("protesters", 5000, 5000, "5,000")],
        ),
        ("The death toll rose to 49 on Sunday.", [("dead", 49, 49, "49")]),
        ("He spent 40 years and $5 million on the 2015 campaign.", []),
        ("The bridge will reopen in 2023.", []),
    ],
)
def test_counts_read_the_figure_and_what_it_counts(sentence, expected):
    got = [(c.kind, c.low, round(c.high, 6), c.text) for c in fc.counts(sentence)]
    assert got == [(k, lo, pytest.approx(hi), t) for k, lo, hi, t in expected]


def test_describe_quotes_vague_figures():
    [vague] = fc.counts("Dozens were injured.")
    [exact] = fc.counts("At least 40 protesters were killed.")
    assert vague.describe() == "'dozens' injured"
    assert exact.describe() == "at least 40 dead"


def test_places_come_from_the_sentence_else_the_article():
    assert fc.places("Twelve died in the Valdera clashes near Port Ostrava") == {
        "valdera",
        "port",
        "ostrava",
    }
    assert fc.dateline("VALDERA, Norland (Example Wire) - Security forces") == {"valdera"}


def test_one_events_dead_from_three_outlets_side_by_side(pool):
    wire = next(
        c
        for c in pool
        if c.url.startswith("https://wire") and c.count.kind == "dead" and c.date == "2022-01-05"
    )
    others = fc.other_figures(wire, pool)
    assert [(o.site, o.label, o.diverges) for o in others] == [
        ("daily.example.com", "12 dead (source named)", True),
        ("radio.example.net", "'dozens' dead (anonymous source)", False),
    ]
    assert others[0].source == "Interior Ministry"
    assert others[0].date == "2022-01-06"


def test_a_different_event_a_different_count_or_another_year_stay_apart(pool):
    by = {(c.url, c.count.kind, c.count.text): c for c in pool}
    valdera_dead = by[("https://daily.example.com/valdera-ministry-toll", "dead", "12")]
    fire = by[("https://daily.example.com/port-ostrava-fire", "dead", "Four")]
    june = by[("https://wire.example.org/2021/06/valdera-march", "dead", "30")]
    injured = by[("https://daily.example.com/valdera-ministry-toll", "injured", "53")]
    assert not fc.same_event(valdera_dead, fire)  # another place
    assert not fc.same_event(valdera_dead, june)  # months apart
    assert not fc.same_event(valdera_dead, injured)  # another kind of count (and same article)
    refs = {o.ref for o in fc.other_figures(valdera_dead, pool)}
    assert fire.ref not in refs and june.ref not in refs


def test_groups_for_editors_mark_divergence(pool):
    groups = fc.groups(pool)
    kinds = sorted((g[0].count.kind, len({c.article for c in g}), fc.diverging(g)) for g in groups)
    # the dead: wire (at least 40), ministry (12), radio (dozens) -> 40+ and 12 cannot both hold;
    # the injured: wire (dozens) and ministry (53) agree
    assert kinds == [("dead", 3, True), ("injured", 2, False)]


def test_figures_far_apart_are_not_one_event():
    a = fc.FigureClaim(
        "a",
        "A",
        fc.counts("2 people were killed")[0],
        "unsourced",
        frozenset({"valdera"}),
        frozenset(),
        "2022-01-05",
    )
    b = fc.FigureClaim(
        "b",
        "B",
        fc.counts("250 people were killed")[0],
        "unsourced",
        frozenset({"valdera"}),
        frozenset(),
        "2022-01-05",
    )
    assert not fc.same_event(a, b)


def test_one_sentence_two_findings_gives_one_figure_with_the_doubt():
    article = {
        "title": "T",
        "text": "Officials said 40 were killed in Valdera, but it was not confirmed.",
        "url": "u",
        "published": "2022-01-05",
    }
    text = article["text"]
    both = [
        {
            "id": "f1",
            "kind": "attribution",
            "type": "indirect",
            "start": 0,
            "end": len(text),
            "text": text,
            "speaker": {"text": "Officials", "anonymous": True},
        },
        {
            "id": "f2",
            "kind": "unverified",
            "type": "unconfirmed",
            "start": 0,
            "end": len(text),
            "text": text,
            "speaker": None,
        },
    ]
    [claim] = fc.figure_claims(both, article, article_key="u")
    assert claim.sourcing == "unconfirmed"
