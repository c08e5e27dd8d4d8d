"""Unverifiable claims: precision, recall and F1 per type on the labelled sentence set, against
a naive cue-list baseline, with the confidence calibration and the speed against spaCy's parse.

    .venv/bin/python benchmarks/claims.py            # quality tables, calibration, speed
    .venv/bin/python benchmarks/claims.py --fit      # also write the calibration counts
    .venv/bin/python benchmarks/claims.py --no-speed

The set (``tests/data/unverified/sentences.jsonl``) holds real sentences with their paragraph as
context, each labelled by hand with its type or "none" (labelling rules in
``tests/data/unverified/README.md``). A sentence's prediction is the type of the most confident
``unverified`` finding overlapping it, found by running the detector over its paragraph.
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.claims_corpus import NONE, naive_predict, prf  # noqa: E402
from benchmarks.datasets import extraction_set  # noqa: E402
from worker.pipeline.attribution import find_attributions  # noqa: E402
from worker.pipeline.model import UNVERIFIED_TYPES, Finding  # noqa: E402
from worker.pipeline.nlp import parse  # noqa: E402
from worker.pipeline.reading import read, with_attributions  # noqa: E402
from worker.pipeline.unverified import calibration, find_unverified  # noqa: E402, I001
from worker.pipeline.unverified.rules import RULES  # noqa: E402
from worker.pipeline.unverified.scorer import SCORER, Scorer  # noqa: E402

LABELLED = ROOT / "tests" / "data" / "unverified" / "sentences.jsonl"
HELDOUT = ROOT / "tests" / "data" / "unverified" / "heldout.jsonl"


def load_labelled(path: Path = LABELLED) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def detector_predictions(
    items: list[dict], use_attributions: bool = True, scorer: Scorer | None = SCORER
) -> tuple[list[str], list[Finding | None]]:
    """The predicted type per item and the finding behind it (None when nothing is flagged);
    ``scorer=None``: the rules alone, with their own confidence."""
    cache: dict[str, list[Finding]] = {}
    preds: list[str] = []
    behind: list[Finding | None] = []
    for item in items:
        ctx = item["context"]
        if ctx not in cache:
            reading = read(parse(ctx))
            attributions = find_attributions(reading) if use_attributions else []
            cache[ctx] = find_unverified(with_attributions(reading, attributions), scorer=scorer)
        start = ctx.index(item["sentence"])
        end = start + len(item["sentence"])
        hits = [f for f in cache[ctx] if f.start < end and start < f.end]
        best = max(hits, key=lambda f: f.confidence) if hits else None
        preds.append(best.type if best else NONE)
        behind.append(best)
    return preds, behind


def score(golds: list[str], preds: list[str]) -> dict:
    """Detection P/R/F1 (a hit is any type on a positive), type accuracy on hits, per type."""
    tp = sum(g != NONE and p != NONE for g, p in zip(golds, preds, strict=True))
    fp = sum(g == NONE and p != NONE for g, p in zip(golds, preds, strict=True))
    fn = sum(g != NONE and p == NONE for g, p in zip(golds, preds, strict=True))
    typed = sum(g != NONE and g == p for g, p in zip(golds, preds, strict=True))
    per_type = {}
    for t in UNVERIFIED_TYPES:
        ttp = sum(g == t and p == t for g, p in zip(golds, preds, strict=True))
        tfp = sum(g != t and p == t for g, p in zip(golds, preds, strict=True))
        tfn = sum(g == t and p != t for g, p in zip(golds, preds, strict=True))
        per_type[t] = (*prf(ttp, tfp, tfn), sum(g == t for g in golds), ttp, tfp, tfn)
    p, r, f = prf(tp, fp, fn)
    return {
        "precision": p,
        "recall": r,
        "f1": f,
        "type_accuracy": typed / tp if tp else 0.0,
        "tp": tp,
        "fp": fp,
        "fn": fn,
        "per_type": per_type,
    }


def print_scores(name: str, s: dict) -> None:
    print(
        f"\n{name}: P {s['precision']:.3f}  R {s['recall']:.3f}  F1 {s['f1']:.3f}  "
        f"type right on hits {s['type_accuracy']:.3f}  (tp {s['tp']} fp {s['fp']} fn {s['fn']})"
    )
    print(f"  {'type':18} {'n':>3} {'P':>6} {'R':>6} {'F1':>6}   tp  fp  fn")
    for t, (p, r, f, n, tp, fp, fn) in s["per_type"].items():
        print(f"  {t:18} {n:>3} {p:>6.3f} {r:>6.3f} {f:>6.3f}  {tp:>3} {fp:>3} {fn:>3}")


def calibration_report(golds: list[str], behind: list[Finding | None], fit: bool) -> float:
    """Reliability table (confidence bin -> share of flagged sentences whose type is right) and
    the Brier score over every flagged sentence; with ``fit`` write the per-code counts of every
    registered rule into ``worker/pipeline/unverified/calibration.json``."""
    pairs = [(f.confidence, float(g == f.type)) for g, f in zip(golds, behind, strict=True) if f]
    brier = statistics.fmean((c - y) ** 2 for c, y in pairs) if pairs else 0.0
    bins: dict[str, list[float]] = defaultdict(list)
    for c, y in pairs:
        lo = min(int(c * 10), 9) / 10
        bins[f"{lo:.1f}-{lo + 0.1:.1f}"].append(y)
    print(f"\nCalibration over {len(pairs)} flagged sentences: Brier {brier:.3f}")
    print(f"  {'confidence':12} {'n':>4} {'correct':>8}")
    for key in sorted(bins):
        ys = bins[key]
        print(f"  {key:12} {len(ys):>4} {statistics.fmean(ys):>8.3f}")
    if fit:
        counts = rule_counts(golds, behind)
        path = calibration.write_counts(counts)
        print(f"\nCalibration counts of {len(counts)} codes written to {path}")
    return brier


def rule_counts(golds: list[str], behind: list[Finding | None]) -> dict[str, tuple[int, int]]:
    """Reason code -> (findings with it whose type is right, findings with it), for every
    registered rule: ``(0, 0)`` for one that never fired."""
    counts: dict[str, list[int]] = {rule.code: [0, 0] for rule in RULES}
    for g, f in zip(golds, behind, strict=True):
        if f is None:
            continue
        for code in {r.code for r in f.reasons}:
            counts[code][1] += 1
            counts[code][0] += int(g == f.type)
    return {c: (n[0], n[1]) for c, n in counts.items()}


def refit_counts() -> dict[str, tuple[int, int]]:
    """Write ``calibration.json`` from the rules' findings (scorer off) on the labelled set, and
    load the new counts into the running process, so that features computed after this call
    (the scorer's ``rules_logit``) read them: the scorer is fitted on the counts it ships with."""
    items = load_labelled()
    _, behind = detector_predictions(items, use_attributions=True, scorer=None)
    counts = rule_counts([it["label"] for it in items], behind)
    calibration.write_counts(counts)
    calibration.COUNTS.clear()
    calibration.COUNTS.update(calibration.load_counts())
    return counts


def _bodies() -> list[str]:
    truth = json.loads((extraction_set() / "ground-truth.json").read_text("utf-8"))
    bodies = []
    for v in truth.values():
        paras = [p.strip() for p in v["articleBody"].split("\n") if p.strip()]
        bodies.append("\n\n".join(paras))
    return bodies


def speed(repeats: int = 3) -> None:
    """Milliseconds over the extraction set's article bodies: parse, attribution, unverified."""
    bodies = _bodies()
    docs = [parse(b) for b in bodies]  # warm-up
    runs: list[tuple[float, float, float]] = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        docs = [parse(b) for b in bodies]
        t1 = time.perf_counter()
        readings = [read(d) for d in docs]
        atts = [find_attributions(r) for r in readings]
        t2 = time.perf_counter()
        for r, a in zip(readings, atts, strict=True):
            find_unverified(with_attributions(r, a))
        t3 = time.perf_counter()
        runs.append((t1 - t0, t2 - t1, t3 - t2))
    parse_s, att, unv = (statistics.median(r[i] for r in runs) for i in range(3))
    chars = sum(len(b) for b in bodies)
    print(f"\nSpeed on {len(bodies)} article bodies ({chars} characters), median of {repeats}:")
    print(f"  spaCy parse        {parse_s * 1000:8.0f} ms")
    print(f"  read + attribution {att * 1000:8.0f} ms  ({att / parse_s:.3f} x parse)")
    print(f"  unverified         {unv * 1000:8.0f} ms  ({unv / parse_s:.3f} x parse)")
    print(
        f"  both               {(att + unv) * 1000:8.0f} ms  ({(att + unv) / parse_s:.3f} x parse;"
        " budget 1.25)"
    )
    # one long document (every body joined): the cost must stay linear in the text's length
    big = "\n\n".join(bodies)
    t0 = time.perf_counter()
    doc = parse(big)
    t1 = time.perf_counter()
    big_reading = read(doc)
    att_big = find_attributions(big_reading)
    t2 = time.perf_counter()
    find_unverified(with_attributions(big_reading, att_big))
    t3 = time.perf_counter()
    print(
        f"  one {len(big)}-character document: parse {t1 - t0:.1f} s, attribution "
        f"{t2 - t1:.2f} s, unverified {t3 - t2:.2f} s ({(t3 - t2) / (t1 - t0):.3f} x parse)"
    )


def main(argv: list[str]) -> None:
    extraction_set()  # the speed part needs it: stop before the scoring, not after
    items = load_labelled()
    golds = [it["label"] for it in items]
    counts = Counter(golds)
    print(
        f"Labelled set: {len(items)} sentences, {sum(v for k, v in counts.items() if k != NONE)} "
        f"positive: " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items()))
    )
    preds, behind = detector_predictions(items, use_attributions=True)
    print_scores(
        "Detector (find_unverified with the attribution detector's findings)", score(golds, preds)
    )
    own, _ = detector_predictions(items, use_attributions=False)
    print_scores("Detector alone (no attributions passed in)", score(golds, own))
    print_scores(
        "Naive cue-list baseline", score(golds, [naive_predict(it["sentence"]) for it in items])
    )
    held = load_labelled(HELDOUT)
    hgolds = [it["label"] for it in held]
    hpreds, _ = detector_predictions(held, use_attributions=True)
    hs = score(hgolds, hpreds)
    negatives = sum(g == NONE for g in hgolds)
    print(
        f"\nHeld-out ({len(held)} unseen sentences from the same pages outside the bodies, "
        f"labelled before the detector ran on them; {len(held) - negatives} positive):"
    )
    print(
        f"  flagged {hs['tp'] + hs['fp']}, right {hs['tp']}, false positives {hs['fp']} of "
        f"{negatives} negatives ({hs['fp'] / negatives:.1%}), missed {hs['fn']}"
    )
    nh = score(hgolds, [naive_predict(it["sentence"]) for it in held])
    print(f"  naive baseline: false positives {nh['fp']} of {negatives}, missed {nh['fn']}")
    print("\nConfidence of the findings (the learned scorer's probability):")
    calibration_report(golds, behind, fit=False)
    # the per-code counts are the rules' own precision (an input of the scorer): fitted on the
    # rules' findings, with the scorer off
    _, rules_behind = detector_predictions(items, use_attributions=True, scorer=None)
    print("\nThe rules' own confidence (scorer off), whose counts --fit writes:")
    calibration_report(golds, rules_behind, fit="--fit" in argv)
    print(
        f"  (per-code precision smoothed toward {calibration.PRIOR} with weight "
        f"{calibration.PRIOR_WEIGHT}; noisy-OR over reasons)"
    )
    if "--no-speed" not in argv:
        speed()


if __name__ == "__main__":
    main(sys.argv[1:])
