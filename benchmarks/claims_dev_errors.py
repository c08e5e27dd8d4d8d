"""The unverified detector's false positives and wrong types on the corpus's development part.

    PYTHONPATH=$PWD .venv/bin/python -m benchmarks.claims_dev_errors [--save FILE] [--diff FILE]

Development rows only (never a frozen article). Each dev article is parsed once (the parses are
cached as ``benchmarks.claims_scorer`` caches them), read, run through the attribution detector
and ``find_unverified`` as ``find_claims`` runs them; a row's prediction is the most confident
finding over it, as in ``benchmarks.claims_corpus``. Printed: the figures, then the false
positives (flagged sentences labelled ``none``) and type confusions grouped by the reason codes
of the finding, largest groups first. ``--save`` writes every row's prediction and reasons as
JSON lines; ``--diff`` compares with such a file: which false positives a change removed and
which true positives it lost.
"""

from __future__ import annotations

import argparse
import json
import pickle
import sys
from collections import defaultdict
from pathlib import Path

from benchmarks.claims_corpus import NONE, print_dev_column, score
from benchmarks.claims_corpus_texts import CORPUS, read_jsonl, require_corpus, texts_of


def predict(rows: list[dict], attribution_cache: str | None = None) -> list[dict]:
    """Each dev row with ``pred`` (type or none) and ``why`` (the finding's reasons).
    ``attribution_cache``: a pickle of the attribution detector's findings per text, read when
    there and written when not (for runs that change only the unverified rules)."""
    from benchmarks.claims_scorer import _key, parsed
    from worker.pipeline.attribution import find_attributions
    from worker.pipeline.reading import read, with_attributions
    from worker.pipeline.unverified import find_unverified

    texts = texts_of({r["source"] for r in rows})
    by_article: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for r in rows:
        by_article[(r["source"], r["article"])].append(r)
    cache: dict[str, list] = {}
    if attribution_cache and Path(attribution_cache).is_file():
        cache = pickle.loads(Path(attribution_cache).read_bytes())
    fresh = not cache
    out = []
    for n, (key, article_rows) in enumerate(sorted(by_article.items()), start=1):
        text = texts[key]
        reading = read(parsed(_key(text), text))
        if _key(text) not in cache:
            cache[_key(text)] = find_attributions(reading)
        findings = find_unverified(with_attributions(reading, cache[_key(text)]))
        for r in article_rows:
            hits = [f for f in findings if f.start < r["end"] and r["start"] < f.end]
            best = max(hits, key=lambda f: f.confidence) if hits else None
            out.append(
                {
                    "id": f"{r['source']}:{r['article']}:{r['start']}",
                    "label": r["label"],
                    "pred": best.type if best else NONE,
                    "conf": best.confidence if best else 0.0,
                    "why": [(x.code, x.cue.text) for x in best.reasons] if best else [],
                    "text": r["text"],
                    "paragraph": r["paragraph"],
                }
            )
        if n % 100 == 0:
            print(f"  {n}/{len(by_article)} articles", file=sys.stderr)
    if attribution_cache and fresh:
        Path(attribution_cache).write_bytes(pickle.dumps(cache))
    return out


def print_groups(preds: list[dict], n: int, paragraphs: bool) -> None:
    groups: dict[tuple, list[dict]] = defaultdict(list)
    for p in preds:
        if p["label"] == p["pred"] or p["pred"] == NONE:
            continue
        codes = tuple(sorted({c for c, _ in p["why"]}))
        kind = "FP" if p["label"] == NONE else f"TYPE gold={p['label']}"
        groups[(kind, p["pred"], codes)].append(p)
    for key, items in sorted(groups.items(), key=lambda kv: -len(kv[1]))[:n]:
        print(f"\n{len(items):>4}  {key}")
        for p in items:
            cues = "; ".join(f"{c}:{t}" for c, t in p["why"])
            print(f"   - [{cues}] {' '.join(p['text'].split())[:400]}")
            if paragraphs and p["paragraph"] != p["text"]:
                print(f"       PARA: {' '.join(p['paragraph'].split())[:600]}")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--save", help="write every row's prediction here (JSON lines)")
    parser.add_argument("--diff", help="compare with predictions saved before")
    parser.add_argument("--load", help="read predictions saved before instead of running")
    parser.add_argument("--attribution-cache", help="pickle of the attribution findings")
    parser.add_argument("--groups", type=int, default=0, help="print the N largest error groups")
    parser.add_argument("--paragraphs", action="store_true", help="print each error's paragraph")
    args = parser.parse_args(argv)
    require_corpus()
    if args.load:
        preds = read_jsonl(Path(args.load))
    else:
        rows = [r for r in read_jsonl(CORPUS) if r["split"] == "dev"]
        preds = predict(rows, args.attribution_cache)
    if args.save:
        with open(args.save, "w", encoding="utf-8") as fh:
            for p in preds:
                fh.write(json.dumps(p) + "\n")
    print_dev_column(
        "Detector on dev", score([p["label"] for p in preds], [p["pred"] for p in preds])
    )
    print_groups(preds, args.groups, args.paragraphs)
    if args.diff:
        before = {p["id"]: p for p in read_jsonl(Path(args.diff))}
        changes: dict[str, list[tuple[dict, dict]]] = defaultdict(list)
        for p in preds:
            b = before[p["id"]]
            if b["pred"] == p["pred"]:
                continue
            gold = p["label"]
            was_hit, is_hit = b["pred"] != NONE, p["pred"] != NONE
            if gold == NONE:
                kind = "removed FP" if was_hit and not is_hit else "new FP"
            elif was_hit and not is_hit:
                kind = "lost TP"
            elif is_hit and not was_hit:
                kind = "new TP"
            elif p["pred"] == gold:
                kind = "type fixed"
            elif b["pred"] == gold:
                kind = "type broken"
            else:
                kind = "type changed (still wrong)"
            changes[kind].append((b, p))
        print("\nChanges against", args.diff)
        for kind, items in sorted(changes.items()):
            print(f"\n{kind}: {len(items)}")
            for b, p in items:
                print(
                    f"   - gold {p['label']} {b['pred']} -> {p['pred']} {b['why'] or p['why']}: "
                    f"{' '.join(p['text'].split())[:300]}"
                )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
