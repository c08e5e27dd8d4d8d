"""The second, independent labelling pass of the unverifiable-claims corpus and its agreement.

    # 1. a blind sample (labels hidden), stratified by type and source, fixed seed:
    PYTHONPATH=$PWD .venv/bin/python -m benchmarks.claims_agreement sample [--n 400] [--source S]
       -> .cache/claims/second_pass_input.jsonl  (+ second_pass_README.md: the rules, the format)
    # 2. someone who has not seen the first pass labels it by the same rules, one line per item:
    #    {"id": "...", "label": "<type or none>"}  -> .cache/claims/second_pass_labels.jsonl
    # 3. agreement: raw agreement and Cohen's kappa, over all types and per type (one type
    #    against the rest), with the confusion of the disagreements:
    PYTHONPATH=$PWD .venv/bin/python -m benchmarks.claims_agreement score [LABELS]

Needs ``.cache/claims/corpus.jsonl`` (``python -m benchmarks.build_claims_corpus``).
"""

from __future__ import annotations

import argparse
import random
import sys
from collections import Counter, defaultdict
from pathlib import Path

from benchmarks.claims_corpus_texts import (
    CACHE,
    CORPUS,
    read_jsonl,
    require_corpus,
    require_texts,
    write_jsonl,
)
from benchmarks.datasets import require
from worker.pipeline.model import UNVERIFIED_TYPES

SAMPLE = CACHE / "second_pass_input.jsonl"
LABELS = CACHE / "second_pass_labels.jsonl"
NONE = "none"
LABEL_SET = (*UNVERIFIED_TYPES, NONE)


def item_id(row: dict) -> str:
    return f"{row['source']}:{row['article']}:{row['start']}-{row['end']}"


def cohen_kappa(a: list[str], b: list[str]) -> float:
    """Cohen's kappa of two raters over the same items (1 = perfect, 0 = chance)."""
    n = len(a)
    if n == 0:
        return 0.0
    observed = sum(x == y for x, y in zip(a, b, strict=True)) / n
    ca, cb = Counter(a), Counter(b)
    expected = sum(ca[k] * cb[k] for k in set(ca) | set(cb)) / (n * n)
    return 1.0 if expected == 1 else (observed - expected) / (1 - expected)


def agreement(first: list[str], second: list[str]) -> dict:
    out = {
        "n": len(first),
        "raw": sum(x == y for x, y in zip(first, second, strict=True)) / max(len(first), 1),
        "kappa": cohen_kappa(first, second),
        "per_type": {},
        "confusion": Counter((x, y) for x, y in zip(first, second, strict=True) if x != y),
    }
    for t in UNVERIFIED_TYPES:
        fa = [x == t for x in first]
        fb = [y == t for y in second]
        out["per_type"][t] = {
            "first": sum(fa),
            "second": sum(fb),
            "both": sum(x and y for x, y in zip(fa, fb, strict=True)),
            "raw": sum(x == y for x, y in zip(fa, fb, strict=True)) / max(len(fa), 1),
            "kappa": cohen_kappa([str(x) for x in fa], [str(y) for y in fb]),
        }
    return out


def stratified_sample(rows: list[dict], n: int, seed: int = 14) -> list[dict]:
    """About ``n`` rows: the same number from every (type, source) cell where it can, the rest
    spread over the bigger cells, so that rare types get enough items for a per-type kappa."""
    cells: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for r in rows:
        cells[(r["label"], r["source"])].append(r)
    rng = random.Random(seed)
    for key in sorted(cells):
        rng.shuffle(cells[key])
    picked: list[dict] = []
    quota = n // max(len(cells), 1)
    for key in sorted(cells):
        picked += cells[key][:quota]
    rest = [r for key in sorted(cells) for r in cells[key][quota:]]
    rng.shuffle(rest)
    picked += rest[: max(n - len(picked), 0)]
    rng.shuffle(picked)
    return picked


RULES = """# Second labelling pass: instructions

Label every line of `second_pass_input.jsonl` by the labelling rules of issue 14 (`issues show 14`,
section "The labelling rules"; `tests/data/unverified/README.md` adds examples; where they differ
the issue wins). Read the sentence with its article as context: `paragraph`, `before`, `after`,
and the whole `article_text` when a rule needs it (e.g. whether a body is named in the
paragraph). One type per sentence, the first that applies in this order, or none:
unconfirmed, reported, anonymous_source, hedged, weasel, unsourced_figure.

Do not look at the corpus rows (`tests/data/unverified/corpus/`, `.cache/claims/corpus.jsonl`)
or the detector's output before you are done. Write one JSON object per line to
`.cache/claims/second_pass_labels.jsonl`: {"id": "<the id>", "label": "<type or none>"}, then run
`PYTHONPATH=$PWD .venv/bin/python -m benchmarks.claims_agreement score`.
"""


def make_sample(n: int, source: str | None = None) -> int:
    from benchmarks.claims_corpus_texts import texts_of

    # --source: a pass over one part only (e.g. the rows a later batch added)
    rows = [r for r in read_jsonl(CORPUS) if source in (None, r["source"])]
    sources = {r["source"] for r in rows}
    require_texts(sources)
    texts = texts_of(sources)
    out = []
    for r in stratified_sample(rows, n):
        text = texts[(r["source"], r["article"])]
        before = text[: r["para_start"]].rstrip()
        after = text[r["para_end"] :].lstrip()
        out.append(
            {
                "id": item_id(r),
                "sentence": r["text"],
                "paragraph": r["paragraph"],
                "before": before[before.rfind("\n") + 1 :],
                "after": after.split("\n", 1)[0],
                "outlet": r["outlet"],
                "article_text": text,
            }
        )
    write_jsonl(SAMPLE, out)
    (CACHE / "second_pass_README.md").write_text(RULES, "utf-8")
    print(f"{len(out)} blind items -> {SAMPLE} (instructions: {CACHE / 'second_pass_README.md'})")
    return 0


def score(path: Path) -> int:
    require(
        path,
        "the second pass's labels",
        f"label the blind sample as {CACHE / 'second_pass_README.md'} says (`python -m "
        "benchmarks.claims_agreement sample` writes it), one JSON line per item",
    )
    first = {item_id(r): r["label"] for r in read_jsonl(CORPUS)}
    second = {r["id"]: r["label"] for r in read_jsonl(path)}
    bad = [lab for lab in second.values() if lab not in LABEL_SET]
    if bad:
        print(f"claims_agreement: unknown labels {sorted(set(bad))}", file=sys.stderr)
        return 1
    ids = [i for i in second if i in first]
    if len(ids) < len(second):
        print(f"  ({len(second) - len(ids)} ids not in the corpus are ignored)")
    a = agreement([first[i] for i in ids], [second[i] for i in ids])
    print(
        f"Second pass on {a['n']} sentences: raw agreement {a['raw']:.3f}, "
        f"Cohen's kappa {a['kappa']:.3f}"
    )
    print(f"  {'type':18} {'1st':>4} {'2nd':>4} {'both':>5} {'raw':>6} {'kappa':>6}")
    for t, s in a["per_type"].items():
        print(
            f"  {t:18} {s['first']:>4} {s['second']:>4} {s['both']:>5} {s['raw']:>6.3f} "
            f"{s['kappa']:>6.3f}"
        )
    print(
        "  disagreements (first -> second): "
        + ", ".join(f"{x}->{y} {c}" for (x, y), c in a["confusion"].most_common())
    )
    return 0


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="cmd")
    s = sub.add_parser("sample")
    s.add_argument("--n", type=int, default=400)
    s.add_argument("--source", choices=("extraction", "polnear", "bench"))
    c = sub.add_parser("score")
    c.add_argument("labels", nargs="?", type=Path, default=LABELS)
    args = parser.parse_args(argv)
    require_corpus()  # both steps read it: a bare run says it is missing before asking for a step
    if args.cmd is None:
        parser.error("choose a step: sample or score")
    return make_sample(args.n, args.source) if args.cmd == "sample" else score(args.labels)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
