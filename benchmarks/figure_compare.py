"""Figures compared across outlets, on real articles of the same events (PolNeAR's train split:
seven outlets' coverage of 2015–2016).

Runs the pipeline on each article (``find_claims``), reads the counts of its count findings
(``unsourced_figure``, ``unconfirmed``, attributed figures and the rest, as the API does:
``worker.pipeline.figure_compare``), groups figures of one event across outlets and scores the
grouping against hand labels: ``benchmarks/data/figure_events.json`` lists, by article id and
sentence offset (no text), pairs of count figures from different outlets and whether they
count the same event. Labelled on the dev part only.

    python -m benchmarks.figure_compare [--final] [--show] [--candidates]

``--show`` prints the groups (dev only), ``--candidates`` the unlabelled cross-outlet pairs of
the same kind of count within the date window (dev only), for labelling. ``--final`` adds the
frozen column (run once, at the end).
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from benchmarks.datasets import polnear_train
from benchmarks.polnear_data import load_split, outlet
from worker.pipeline import figure_compare as fc
from worker.pipeline import find_claims

LABELS = Path(__file__).resolve().parent / "data" / "figure_events.json"


@dataclass(frozen=True)
class Figure:
    article: str
    offset: int  # where the finding's sentence starts in the article
    claim: fc.FigureClaim


def article_date(article_id: str) -> str | None:
    parts = article_id.split("_")
    try:
        return date.fromisoformat(parts[1]).isoformat()
    except (IndexError, ValueError):
        return None


def figures_of(article_id: str, text: str) -> list[Figure]:
    title = text.split("\n", 1)[0]
    findings = []
    for f in find_claims(text):
        d = f.to_dict()
        d["ref"] = f"{article_id}:{d['start']}"
        findings.append(d)
    article = {
        "title": title,
        "text": text,
        "site": outlet(article_id),
        "url": article_id,
        "published": article_date(article_id),
    }
    claims = fc.figure_claims(findings, article, article_key=outlet(article_id) + article_id)
    return [Figure(article_id, int(c.ref.rsplit(":", 1)[1]), c) for c in claims]


def collect(ids: list[str], root: Path) -> list[Figure]:
    out: list[Figure] = []
    for article_id in ids:
        text = (root / "text" / f"{article_id}.txt").read_text("utf-8")
        if not any(
            w in text.lower()
            for w in (
                "kill",
                "dead",
                "wound",
                "injur",
                "protest",
                "arrest",
                "died",
                "death",
                "missing",
            )
        ):
            continue  # no count word at all: no figure to compare (saves the parse)
        out.extend(figures_of(article_id, text))
    return out


def key(f: Figure) -> str:
    return f"{f.article}:{f.offset}:{f.claim.count.start}"


def cross_pairs(figs: list[Figure]) -> list[tuple[Figure, Figure]]:
    """Pairs from different outlets with the same kind of count within the date window: the
    pairs a grouping must get right."""
    pairs = []
    for i, a in enumerate(figs):
        for b in figs[i + 1 :]:
            if outlet(a.article) == outlet(b.article) or a.claim.count.kind != b.claim.count.kind:
                continue
            if a.claim.date and b.claim.date:
                gap = abs(
                    (date.fromisoformat(a.claim.date) - date.fromisoformat(b.claim.date)).days
                )
                if gap > fc.MAX_DAYS_APART:
                    continue
            pairs.append((a, b))
    return pairs


def score(figs: list[Figure], labels: dict[tuple[str, str], bool]) -> dict[str, float]:
    by_key = {key(f): f for f in figs}
    tp = fp = fn = tn = 0
    missing = 0
    for (ka, kb), same in labels.items():
        if ka not in by_key or kb not in by_key:
            missing += 1
            continue
        said = fc.same_event(by_key[ka].claim, by_key[kb].claim)
        tp += said and same
        fp += said and not same
        fn += (not said) and same
        tn += (not said) and not same
    precision = tp / (tp + fp) if tp + fp else float("nan")
    recall = tp / (tp + fn) if tp + fn else float("nan")
    return {
        "pairs": tp + fp + fn + tn,
        "same": tp + fn,
        "tp": tp,
        "fp": fp,
        "fn": fn,
        "precision": precision,
        "recall": recall,
        "unreadable": missing,
    }


def load_labels(part: str) -> dict[tuple[str, str], bool]:
    if not LABELS.exists():
        return {}
    data = json.loads(LABELS.read_text("utf-8"))
    return {(p["a"], p["b"]): p["same"] for p in data.get(part, [])}


def describe(f: Figure) -> str:
    c = f.claim
    return (
        f"{f.article} [{c.date}] {c.count.describe()} ({c.sourcing}) "
        f"places={sorted(c.sentence_places)}/{sorted(c.places - c.sentence_places)}"
    )


def _share(hits: int, total: int) -> str:
    return f"{hits / total:.2f} ({hits}/{total})" if total else "n/a (0/0)"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--final", action="store_true", help="also the frozen part (once)")
    parser.add_argument("--show", action="store_true", help="print dev groups")
    parser.add_argument("--candidates", action="store_true", help="print dev pairs to label")
    args = parser.parse_args(argv)
    root = polnear_train()
    split = load_split()
    parts = ["dev", "frozen"] if args.final else ["dev"]
    rows = []
    for part in parts:
        figs = collect(split[part], root)
        grouped = fc.groups(f.claim for f in figs)
        cross = [g for g in grouped if len({c.site for c in g}) >= 2]
        diverging = [g for g in cross if fc.diverging(g)]
        result = score(figs, load_labels(part))
        rows.append(
            (part, len({f.article for f in figs}), len(figs), len(cross), len(diverging), result)
        )
        if part == "dev" and args.show:
            refs = {id(f.claim): f for f in figs}
            for g in cross:
                print("group" + (" (diverging)" if fc.diverging(g) else ""))
                for c in sorted(g, key=lambda c: c.date or ""):
                    print("   ", describe(refs[id(c)]))
        if part == "dev" and args.candidates:
            labelled = set(load_labels("dev"))
            for a, b in cross_pairs(figs):
                if (key(a), key(b)) in labelled:
                    continue
                said = fc.same_event(a.claim, b.claim)
                print(json.dumps({"a": key(a), "b": key(b), "same": None, "said": said}))
                print("   #", describe(a))
                print("   #", describe(b))
    print(
        "| part | articles with count figures | count figures | cross-outlet groups | "
        "diverging groups | labelled pairs (same) | precision | recall |"
    )
    print("|---|---|---|---|---|---|---|---|")
    for part, arts, n, groups, div, r in rows:
        print(
            f"| {part} | {arts} | {n} | {groups} | {div} | {r['pairs']} ({r['same']}) | "
            f"{_share(r['tp'], r['tp'] + r['fp'])} | {_share(r['tp'], r['tp'] + r['fn'])} |"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
