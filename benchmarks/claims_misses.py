"""The unverified detector's misses and false flags on the corpus's development part, for rule work.

    PYTHONPATH=$PWD .venv/bin/python -m benchmarks.claims_misses [--save run.json] [--diff old.json]
        [--type hedged] [--misses N] [--fps N] [--rules-only] [--uncovered]

``--uncovered`` prints, per gold type and source, how many positive rows no rule proposes at all
(no candidate overlaps them: recall no scorer can win back) and how many the scorer dropped.

Runs as ``find_claims`` does (parse, attributions, the rules, the shipped scorer) on every
development article, never a frozen one, with the parses cached as ``benchmarks.claims_scorer``
keeps them (``.cache/claims/parses/``), so a second run takes a minute or two. Prints the figures
``benchmarks.claims_corpus --dev-only`` prints for the detector, then the misses by gold type with
their sentences (``--misses N`` per type), the false flags by reason code (``--fps N``), and with
``--diff`` the rows a rule change found and lost against an earlier ``--save``, per reason code.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict

from benchmarks.claims_corpus import NONE, print_dev_column, score
from benchmarks.claims_corpus_texts import (
    CORPUS,
    read_jsonl,
    require_corpus,
    require_texts,
    texts_of,
)
from benchmarks.claims_scorer import _key, parsed


def run(rules_only: bool = False) -> list[dict]:
    """Every development row with the detector's type, confidence and reason codes."""
    from worker.pipeline.attribution import find_attributions
    from worker.pipeline.reading import read, with_attributions
    from worker.pipeline.unverified import candidates
    from worker.pipeline.unverified.scorer import SCORER

    require_corpus()
    rows = [r for r in read_jsonl(CORPUS) if r["split"] == "dev"]
    require_texts({r["source"] for r in rows})
    texts = texts_of({r["source"] for r in rows})
    by_article: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for r in rows:
        by_article[(r["source"], r["article"])].append(r)
    out = []
    for n, (key, article_rows) in enumerate(sorted(by_article.items()), start=1):
        text = texts[key]
        reading = read(parsed(_key(text), text))
        reading = with_attributions(reading, find_attributions(reading))
        kept = []
        for c in candidates(reading):
            f = c.finding
            codes = [r.code for r in f.reasons]
            if rules_only or not SCORER.knows(codes):
                kept.append((f, f.confidence, codes))
                continue
            p = SCORER.probability(c.features)
            if SCORER.keeps(p, f.type):
                kept.append((f, p, codes))
            else:
                kept.append((f, -p, codes))  # dropped by the scorer: kept for the listing
        for r in article_rows:
            hits = [k for k in kept if k[0].start < r["end"] and r["start"] < k[0].end]
            live = [k for k in hits if k[1] >= 0]
            best = max(live, key=lambda k: k[1]) if live else None
            dropped = max(hits, key=lambda k: -k[1]) if hits and not live else None
            out.append(
                {
                    "id": f"{r['source']}:{r['article']}:{r['start']}-{r['end']}",
                    "label": r["label"],
                    "pred": best[0].type if best else NONE,
                    "conf": round(best[1], 3) if best else 0.0,
                    "codes": best[2] if best else [],
                    "dropped": [dropped[0].type, round(-dropped[1], 3), dropped[2]]
                    if dropped
                    else None,
                    "text": " ".join(text[r["start"] : r["end"]].split()),
                    "para": " ".join(text[r["para_start"] : r["para_end"]].split()),
                }
            )
        if n % 200 == 0:
            print(f"  {n}/{len(by_article)} articles", file=sys.stderr)
    return out


def uncovered(out: list[dict]) -> dict[tuple[str, str], tuple[int, int, int]]:
    """Per (gold type, source), over positive rows: ``(positives, no candidate, dropped by the
    scorer)``; ``*`` rows sum over types and sources. A row no candidate overlaps is recall the
    rules cap: the scorer only keeps or drops what the rules propose."""
    counts: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0, 0])
    for o in out:
        if o["label"] == NONE:
            continue
        source = o["id"].split(":", 1)[0]
        no_rule = o["pred"] == NONE and not o["dropped"]
        dropped = o["pred"] == NONE and bool(o["dropped"])
        for key in ((o["label"], source), (o["label"], "*"), ("*", source), ("*", "*")):
            counts[key][0] += 1
            counts[key][1] += no_rule
            counts[key][2] += dropped
    return {k: (v[0], v[1], v[2]) for k, v in sorted(counts.items())}


def print_uncovered(out: list[dict]) -> None:
    print("\nPositive dev rows no rule proposes (no candidate) / the scorer dropped")
    print(f"  {'type':17} {'source':11} {'positive':>8} {'no rule':>8} {'share':>6} {'dropped':>8}")
    for (label, source), (n, no_rule, dropped) in uncovered(out).items():
        print(f"  {label:17} {source:11} {n:>8} {no_rule:>8} {no_rule / n:>6.3f} {dropped:>8}")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--save")
    parser.add_argument("--diff")
    parser.add_argument("--type")
    parser.add_argument("--misses", type=int, default=0)
    parser.add_argument("--fps", type=int, default=0)
    parser.add_argument("--para", action="store_true", help="print each listed row's paragraph")
    parser.add_argument("--rules-only", action="store_true")
    parser.add_argument(
        "--uncovered", action="store_true", help="positive rows no rule proposes, by type"
    )
    args = parser.parse_args(argv)
    out = run(args.rules_only)
    print_dev_column("Detector (dev)", score([o["label"] for o in out], [o["pred"] for o in out]))
    if args.uncovered:
        print_uncovered(out)
    if args.save:
        with open(args.save, "w", encoding="utf-8") as fh:
            json.dump(out, fh)
    types = [args.type] if args.type else sorted({o["label"] for o in out} - {NONE})
    if args.misses:
        for t in types:
            miss = [o for o in out if o["label"] == t and o["pred"] == NONE]
            print(f"\n== {t}: {len(miss)} missed")
            for o in miss[: args.misses]:
                d = f"  [dropped {o['dropped']}]" if o["dropped"] else ""
                print(f"  - {o['text'][:400]}{d}")
                if args.para and o["para"] != o["text"]:
                    print(f"      PARA: {o['para'][:700]}")
    if args.fps:
        groups: dict[str, list[dict]] = defaultdict(list)
        for o in out:
            wanted = not args.type or o["pred"] == args.type
            if o["label"] == NONE and o["pred"] != NONE and wanted:
                groups[",".join(sorted(set(o["codes"])))].append(o)
        for codes, items in sorted(groups.items(), key=lambda kv: -len(kv[1])):
            print(f"\n== false flags {len(items)}  {codes}")
            for o in items[: args.fps]:
                print(f"  - [{o['pred']} {o['conf']}] {o['text'][:300]}")
    if args.diff:
        with open(args.diff, encoding="utf-8") as fh:
            old = {o["id"]: o for o in json.load(fh)}
        gained: dict[str, list[str]] = defaultdict(list)
        for o in out:
            b = old.get(o["id"])
            if b is None or (b["pred"] == o["pred"]):
                continue
            was = b["pred"] != NONE and (b["label"] != NONE)
            now = o["pred"] != NONE and (o["label"] != NONE)
            fp_was = b["pred"] != NONE and b["label"] == NONE
            fp_now = o["pred"] != NONE and o["label"] == NONE
            codes = ",".join(sorted(set(o["codes"] or b["codes"])))
            if now and not was:
                tag = "FOUND"
            elif was and not now:
                tag = "LOST"
            elif fp_now and not fp_was:
                tag = "NEW FP"
            elif fp_was and not fp_now:
                tag = "FP GONE"
            else:
                tag = "RETYPED"
            gained[tag].append(
                f"[{b['pred']} -> {o['pred']} gold {o['label']}] {codes}: {o['text'][:200]}"
            )
        for tag, items in sorted(gained.items()):
            print(f"\n== {tag}: {len(items)}")
            for line in items:
                print("  -", line)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
