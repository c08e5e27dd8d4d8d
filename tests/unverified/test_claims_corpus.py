"""The unverifiable-claims corpus (tests/data/unverified/corpus/): well-formed, split once, and a
quality floor on its MIT-derived part, the only part whose text is in the repository.

``benchmarks/claims_corpus.py`` prints the full dev/frozen table over the whole corpus (it needs
the shared data set outside the repository); the floor here runs the detector on the
extraction-set paragraphs that carry labelled sentences, joined in order as the extractor joins
paragraphs, so it sees less context than the benchmark (which reads the whole article) and its
figures differ a little.
"""

from __future__ import annotations

import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.claims_corpus import NONE, predict_article, score  # noqa: E402
from benchmarks.claims_corpus_texts import (  # noqa: E402
    ARTICLES,
    SENTENCES,
    SPLIT,
    read_jsonl,
    sha,
)
from worker.pipeline.model import UNVERIFIED_TYPES  # noqa: E402

LABELS = {NONE, *UNVERIFIED_TYPES}

# Today's detector (rules and learned scorer) on the extraction-set dev rows (paragraph
# context): P 0.923, R 0.814 (tp 48 / fp 4 / fn 11 of 673 sentences; before issue 14's scorer
# and rule fixes P 0.940, R 0.797). These rows overlap the older labelled sets the rules were
# tuned on and the scorer's training rows, so they flatter the detector; the PolNeAR part in the
# benchmark does not. The floors sit a little below; raise them as the detector improves.
FLOOR_PRECISION = 0.88
FLOOR_RECALL = 0.77


@pytest.fixture(scope="module")
def sentences() -> list[dict]:
    return read_jsonl(SENTENCES)


@pytest.fixture(scope="module")
def side() -> dict[tuple[str, str], str]:
    return {(r["source"], r["article"]): r["split"] for r in read_jsonl(SPLIT)}


def test_rows_are_well_formed(sentences) -> None:
    articles = {(a["source"], a["article"]): a for a in read_jsonl(ARTICLES)}
    assert len(sentences) >= 4000
    seen = set()
    for r in sentences:
        key = (r["source"], r["article"])
        assert key in articles, key
        assert r["label"] in LABELS, r
        assert 0 <= r["start"] < r["end"] and len(r["sha"]) == 16
        assert r["outlet"] == articles[key]["outlet"]
        assert (key, r["start"]) not in seen, "a sentence is labelled twice"
        seen.add((key, r["start"]))
        if r["source"] in ("polnear", "bench"):
            # PolNeAR states no licence and the benchmark pages' publishers own them: ids,
            # offsets and hashes only, never their text
            assert "text" not in r and "paragraph" not in r
            assert r["para_start"] <= r["start"] < r["end"] <= r["para_end"]
        else:
            assert r["source"] == "extraction"
            assert sha(r["text"]) == r["sha"]
            para = r["paragraph"]
            assert r["para_start"] <= r["start"] and r["end"] <= r["para_end"]
            assert para[r["start"] - r["para_start"] : r["end"] - r["para_start"]] == r["text"]
    outlets = {r["outlet"] for r in sentences}
    assert len(outlets) >= 40


def test_split_is_by_article_and_big_enough(sentences, side) -> None:
    keys = {(r["source"], r["article"]) for r in sentences}
    assert keys <= set(side), "every labelled article is on one side"
    assert set(side.values()) == {"dev", "frozen"}
    per = Counter(side[(r["source"], r["article"])] for r in sentences)
    assert per["frozen"] / len(sentences) >= 0.20
    for t in UNVERIFIED_TYPES:
        typed = [r for r in sentences if r["label"] == t]
        frozen = sum(side[(r["source"], r["article"])] == "frozen" for r in typed)
        assert frozen >= 1, t
    # a long sentence shared by two articles (a syndicated copy) never straddles the split
    by_sha: dict[str, set[str]] = defaultdict(set)
    for r in sentences:
        if r["end"] - r["start"] >= 80:
            by_sha[r["sha"]].add(side[(r["source"], r["article"])])
    assert all(len(s) == 1 for s in by_sha.values())


def test_benchmark_pages_split_once_and_never_on_the_scorers_pages(side) -> None:
    # the public benchmark pages were placed when added (freeze_claims_split.place_new): about a
    # fifth frozen, and none of the Readability pages the learned scorer already trains on
    scorer_pages = {
        f"readability/{r['page']}"
        for r in read_jsonl(
            ROOT / "tests" / "data" / "unverified" / "readability" / "candidates.jsonl"
        )
    }
    bench = {a: s for (src, a), s in side.items() if src == "bench"}
    assert len(bench) >= 400
    assert all(bench[a] == "dev" for a in scorer_pages if a in bench)
    rest = [s for a, s in bench.items() if a not in scorer_pages]
    assert 0.15 <= rest.count("frozen") / len(rest) <= 0.25


def _extraction_articles(sentences, side, which: str) -> list[tuple[str, list[dict], list[str]]]:
    """(text, rows with offsets into it, gold labels) per extraction article on one side."""
    out = []
    by_article: dict[str, list[dict]] = defaultdict(list)
    for r in sentences:
        if r["source"] == "extraction" and side[(r["source"], r["article"])] == which:
            by_article[r["article"]].append(r)
    for rows in by_article.values():
        paragraphs = sorted({(r["para_start"], r["paragraph"]) for r in rows})
        where, pieces, pos = {}, [], 0
        for start, text in paragraphs:
            where[start] = pos
            pieces.append(text)
            pos += len(text) + 2
        text = "\n\n".join(pieces)
        moved = [
            {
                **r,
                "start": where[r["para_start"]] + r["start"] - r["para_start"],
                "end": where[r["para_start"]] + r["end"] - r["para_start"],
            }
            for r in rows
        ]
        assert all(text[m["start"] : m["end"]] == m["text"] for m in moved)
        out.append((text, moved, [r["label"] for r in rows]))
    return out


def test_detector_quality_floor_on_the_mit_part(sentences, side) -> None:
    golds, preds = [], []
    for text, rows, labels in _extraction_articles(sentences, side, "dev"):
        golds += labels
        preds += predict_article(text, rows)
    result = score(golds, preds)
    p, r, _ = result["prf"]
    assert result["pos"] >= 50
    assert p >= FLOOR_PRECISION, result
    assert r >= FLOOR_RECALL, result


def test_trafilatura_pages_are_extraction_dev_pages_placed_once(side) -> None:
    # trafilatura's evaluation pages joined as source "bench", set "trafilatura": only pages on the
    # development side of the extraction benchmark's split (its frozen pages stay unread), each
    # text once (the set holds a duplicated page), about a fifth frozen by place_new
    from benchmarks.extraction_split import MEMBERSHIP

    frozen_pages = set(json.loads(MEMBERSHIP.read_text("utf-8"))["frozen"]["trafilatura"])
    articles = [
        a
        for a in read_jsonl(ARTICLES)
        if a["source"] == "bench" and a["article"].startswith("trafilatura/")
    ]
    assert len(articles) >= 100
    assert not {a["article"].split("/", 1)[1] for a in articles} & frozen_pages
    assert len({a["sha"] for a in articles}) == len(articles)
    sides = [side[("bench", a["article"])] for a in articles]
    assert 0.15 <= sides.count("frozen") / len(sides) <= 0.30


def test_trafilatura_page_without_url_takes_the_outlet_of_its_id() -> None:
    # trafilatura's "hard::NAME.html" pages carry no URL: the id starts with the host
    from benchmarks.claims_corpus_texts import _host_of_id, _outlet_of

    def outlet(page_id: str) -> str:
        return _outlet_of("http://" + _host_of_id(page_id))

    assert outlet("dw.com.colonial") == "dw.com"
    assert outlet("jamaica.gleaner.com-victims") == "gleaner.com"
    assert outlet("thestkittsnevisobserver.com-bvi") == "thestkittsnevisobserver.com"
    assert outlet("blog.python.org") == "python.org"
