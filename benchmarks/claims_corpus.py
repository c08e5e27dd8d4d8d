"""The unverified detector on the labelled corpus, as the product runs it: dev and frozen.

    PYTHONPATH=$PWD .venv/bin/python -m benchmarks.build_claims_corpus   # once: the joined cache
    PYTHONPATH=$PWD .venv/bin/python -m benchmarks.claims_corpus [--source extraction|polnear]
    PYTHONPATH=$PWD .venv/bin/python -m benchmarks.claims_corpus --dev-only   # while changing rules

Each article's whole canonical text goes through ``find_claims``; a labelled sentence's
prediction is the type of the most confident ``unverified`` finding overlapping it (none when
no finding does). Printed for the development part and the frozen split side by side: detection
precision, recall and F1 (a hit is any type on a positive sentence), the share of hits whose type
is right, and P/R/F1 per type; then the same for the issue's naive cue list, the reliability of
the findings' confidence (per bin: share of flagged sentences that are positive, Brier score),
and the detector by source.
``--dev-only`` runs and prints the development part alone, never touching the frozen articles:
the mode to use while changing rules (the frozen split is measured once, at the end).
Exits with status 2, saying what is missing and how to get it, when ``.cache/claims/corpus.jsonl``
or the texts it joins (the extraction set, PolNeAR's train texts in ``../shared``) are not there.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections import Counter, defaultdict

from benchmarks.claims_corpus_texts import (
    CORPUS,
    read_jsonl,
    require_corpus,
    require_texts,
    sha,
    texts_of,
)
from worker.pipeline.model import UNVERIFIED_TYPES

NONE = "none"

# The issue's naive baseline: its own cue words, first match wins, no context.
NAIVE_CUES: list[tuple[str, re.Pattern[str]]] = [
    ("unconfirmed", re.compile(r"(?i)\b(confirm|verif|unconfirmed)\w*")),
    (
        "reported",
        re.compile(
            r"(?i)\b(reportedly|allegedly|purportedly|rumou?r\w*|reports? of|"
            r"according to (media )?reports|reports suggest)\b"
        ),
    ),
    (
        "anonymous_source",
        re.compile(
            r"(?i)\b(sources? (said|say|told)|familiar with|anonymity|officials said|"
            r"it is understood)\b"
        ),
    ),
    (
        "hedged",
        re.compile(r"(?i)\b(may have|might have|is believed to|not clear whether|unclear)\b"),
    ),
    (
        "weasel",
        re.compile(
            r"(?i)\b(some say|critics (say|argue)|many believe|experts (say|warn)|analysts say)\b"
        ),
    ),
    (
        "unsourced_figure",
        re.compile(
            r"(?i)\b\d[\d,.]*\b.{0,40}\b(killed|dead|died|injured|wounded|arrested|detained|"
            r"protesters|people)\b"
        ),
    ),
]


def naive_predict(sentence: str) -> str:
    return next((t for t, pattern in NAIVE_CUES if pattern.search(sentence)), NONE)


def predict_article(text: str, rows: list[dict]) -> list[str]:
    """The detector's type for each labelled sentence of one article (run on the whole text)."""
    return [t for t, _ in predict_article_with_confidence(text, rows)]


def predict_article_with_confidence(text: str, rows: list[dict]) -> list[tuple[str, float]]:
    """Each labelled sentence's type and the confidence of the finding behind it (0 if none)."""
    from worker.pipeline import find_claims

    findings = [f for f in find_claims(text) if f.kind == "unverified"]
    preds = []
    for row in rows:
        hits = [f for f in findings if f.start < row["end"] and row["start"] < f.end]
        best = max(hits, key=lambda f: f.confidence) if hits else None
        preds.append((best.type, best.confidence) if best else (NONE, 0.0))
    return preds


def reliability(golds: list[str], preds: list[tuple[str, float]]) -> dict:
    """Over the flagged sentences: Brier score of the confidence as the chance the sentence is
    positive, and per bin of 0.1 the count, the share positive and the share with the right
    type."""
    flagged = [(c, g != NONE, g == t) for g, (t, c) in zip(golds, preds, strict=True) if t != NONE]
    bins: dict[float, list[tuple[bool, bool]]] = defaultdict(list)
    for c, hit, right in flagged:
        bins[min(int(c * 10), 9) / 10].append((hit, right))
    return {
        "n": len(flagged),
        "brier": sum((c - hit) ** 2 for c, hit, _ in flagged) / len(flagged) if flagged else 0.0,
        "bins": {
            lo: (len(v), sum(h for h, _ in v) / len(v), sum(r for _, r in v) / len(v))
            for lo, v in sorted(bins.items())
        },
    }


def print_reliability(sides: dict[str, dict]) -> None:
    print("\nConfidence reliability over flagged sentences (right = the sentence is positive)")
    for side, rel in sides.items():
        print(f"  {side}: {rel['n']} flagged, Brier {rel['brier']:.3f}")
        print(f"    {'confidence':12} {'n':>5} {'positive':>9} {'type right':>11}")
        for lo, (n, hit, right) in rel["bins"].items():
            print(f"    {lo:.1f}-{lo + 0.1:.1f}      {n:>5} {hit:>9.3f} {right:>11.3f}")


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def score(golds: list[str], preds: list[str]) -> dict:
    pairs = list(zip(golds, preds, strict=True))
    tp = sum(g != NONE and p != NONE for g, p in pairs)
    fp = sum(g == NONE and p != NONE for g, p in pairs)
    fn = sum(g != NONE and p == NONE for g, p in pairs)
    typed = sum(g != NONE and g == p for g, p in pairs)
    out = {
        "n": len(pairs),
        "pos": tp + fn,
        "prf": prf(tp, fp, fn),
        "counts": (tp, fp, fn),
        "typed": typed / tp if tp else 0.0,
        "per_type": {},
    }
    for t in UNVERIFIED_TYPES:
        ttp = sum(g == t and p == t for g, p in pairs)
        tfp = sum(g != t and p == t for g, p in pairs)
        tfn = sum(g == t and p != t for g, p in pairs)
        out["per_type"][t] = (*prf(ttp, tfp, tfn), ttp + tfn)
    return out


def print_columns(title: str, dev: dict, frozen: dict) -> None:
    print(f"\n{title}")
    print(f"  {'':26} {'dev':>27}   {'frozen':>27}")
    print(
        f"  {'sentences / positive':26} {dev['n']:>20} / {dev['pos']:<4}  "
        f"{frozen['n']:>20} / {frozen['pos']:<4}"
    )

    def cell(p: float, r: float, f: float) -> str:
        return f"P {p:.3f} R {r:.3f} F1 {f:.3f}"

    print(f"  {'all types':26} {cell(*dev['prf']):>27}   {cell(*frozen['prf']):>27}")
    print(
        f"  {'  tp / fp / fn':26} {' / '.join(map(str, dev['counts'])):>27}   "
        f"{' / '.join(map(str, frozen['counts'])):>27}"
    )
    print(f"  {'type right on hits':26} {dev['typed']:>27.3f}   {frozen['typed']:>27.3f}")
    for t in UNVERIFIED_TYPES:
        d, f = dev["per_type"][t], frozen["per_type"][t]
        name = f"{t} ({d[3]}/{f[3]})"
        print(f"  {name:26} {cell(*d[:3]):>27}   {cell(*f[:3]):>27}")


def print_dev_column(title: str, dev: dict, _frozen: dict | None = None) -> None:
    """The development column alone (``--dev-only``)."""
    print(f"\n{title}")
    print(f"  {'sentences / positive':26} {dev['n']:>20} / {dev['pos']:<4}")

    def cell(p: float, r: float, f: float) -> str:
        return f"P {p:.3f} R {r:.3f} F1 {f:.3f}"

    print(f"  {'all types':26} {cell(*dev['prf']):>27}")
    print(f"  {'  tp / fp / fn':26} {' / '.join(map(str, dev['counts'])):>27}")
    print(f"  {'type right on hits':26} {dev['typed']:>27.3f}")
    for t in UNVERIFIED_TYPES:
        d = dev["per_type"][t]
        print(f"  {f'{t} ({d[3]})':26} {cell(*d[:3]):>27}")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--source", choices=("extraction", "polnear"))
    parser.add_argument(
        "--dev-only",
        action="store_true",
        help="run and print the development part only (use this while changing rules)",
    )
    args = parser.parse_args(argv)
    require_corpus()
    rows = [
        r
        for r in read_jsonl(CORPUS)
        if args.source in (None, r["source"]) and not (args.dev_only and r["split"] != "dev")
    ]
    sources = {r["source"] for r in rows}
    require_texts(sources)
    texts = texts_of(sources)
    by_article: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for r in rows:
        by_article[(r["source"], r["article"])].append(r)
    preds: dict[int, str] = {}
    confidences: dict[int, float] = {}
    t0 = time.perf_counter()
    for key, article_rows in by_article.items():
        text = texts.get(key)
        if text is None or any(sha(text[r["start"] : r["end"]]) != r["sha"] for r in article_rows):
            print(
                f"claims_corpus: the text of {key} differs from the corpus; rebuild the cache",
                file=sys.stderr,
            )
            return 1
        for r, (p, c) in zip(
            article_rows, predict_article_with_confidence(text, article_rows), strict=True
        ):
            preds[id(r)] = p
            confidences[id(r)] = c
    elapsed = time.perf_counter() - t0
    labels = Counter(r["label"] for r in rows)
    print(
        f"Corpus: {len(rows)} sentences from {len(by_article)} articles "
        f"({len({r['outlet'] for r in rows})} outlets); "
        + ", ".join(f"{k} {v}" for k, v in sorted(labels.items()))
    )
    print(f"find_claims over {len(by_article)} whole articles: {elapsed:.0f} s")
    sides = {s: [r for r in rows if r["split"] == s] for s in ("dev", "frozen")}

    def scored(side: list[dict], naive: bool = False) -> dict:
        return score(
            [r["label"] for r in side],
            [naive_predict(r["text"]) if naive else preds[id(r)] for r in side],
        )

    show = print_dev_column if args.dev_only else print_columns
    show(
        "Detector (find_claims on the whole article)", scored(sides["dev"]), scored(sides["frozen"])
    )
    show(
        "Naive cue list (the issue's cue words, first match wins)",
        scored(sides["dev"], naive=True),
        scored(sides["frozen"], naive=True),
    )
    print_reliability(
        {
            side: reliability(
                [r["label"] for r in rows_],
                [(preds[id(r)], confidences[id(r)]) for r in rows_],
            )
            for side, rows_ in sides.items()
            if rows_
        }
    )
    if args.source is None:
        for source in sorted(sources):
            show(
                f"Detector, {source} articles only",
                scored([r for r in sides["dev"] if r["source"] == source]),
                scored([r for r in sides["frozen"] if r["source"] == source]),
            )
        if "bench" in sources:
            # the corpus as it was before the benchmark pages joined it, for comparison over time
            show(
                "Detector, extraction and polnear articles (the corpus before the benchmark pages)",
                scored([r for r in sides["dev"] if r["source"] != "bench"]),
                scored([r for r in sides["frozen"] if r["source"] != "bench"]),
            )
        traf = [r for r in rows if r["article"].startswith("trafilatura/")]
        if traf:
            # the third batch apart, and the corpus as it was before it joined
            show(
                "Detector, trafilatura evaluation pages only",
                scored([r for r in traf if r["split"] == "dev"]),
                scored([r for r in traf if r["split"] == "frozen"]),
            )
            show(
                "Detector, the corpus before the trafilatura pages",
                scored([r for r in sides["dev"] if not r["article"].startswith("trafilatura/")]),
                scored([r for r in sides["frozen"] if not r["article"].startswith("trafilatura/")]),
            )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
