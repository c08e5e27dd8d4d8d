"""Train and measure the unverified detector's learned scorer on the corpus's development part.

    PYTHONPATH=$PWD .venv/bin/python -m benchmarks.claims_scorer            # measure (dev only)
    PYTHONPATH=$PWD .venv/bin/python -m benchmarks.claims_scorer --fit      # write scorer.json
    PYTHONPATH=$PWD .venv/bin/python -m benchmarks.claims_scorer --train all  # measurement only

Training data, development side only (never a frozen article):
- ``mit`` (what ships; open text only): the corpus rows of extraction-set articles (MIT) on the
  dev side, the older labelled sets in ``tests/data/unverified`` (MIT, the same pages'
  paragraphs) less every row of a page on the frozen side and every sentence the corpus
  already labels, and the rule-flagged sentences of Readability's news test pages
  (Apache-2.0, ``tests/data/unverified/readability/``);
- ``all``: those plus the PolNeAR dev rows. PolNeAR's terms keep a model trained on them out of
  the repository, so ``--train all`` only measures what more data would buy and never writes.

Each text is parsed once (the parses are kept in ``.cache/claims/parses/``), read, and run through
the attribution detector and the rules (``candidates``): every flagged sentence is a candidate
with its features; a candidate's label is whether the labelled sentence it overlaps is positive.
The scorer is an L2-regularised logistic regression (Newton's method, a few lines of numpy,
deterministic). Its regularisation and keep threshold are the pair that maximise the F1 of
sentence-level detection (a row's prediction: the most confident kept finding over it) on the
corpus's development rows, the open rows scored by grouped 5-fold cross-validation by article
and the PolNeAR rows by the fold models, which never saw them; among pairs within 0.001 of the
best F1, the best calibrated (Brier score). Two numbers chosen on PolNeAR's development part, as
the rules were tuned on it; its text never trains a weight. Printed: that grid, the rules alone
and with the scorer on every development row, per type and by source, and the reliability of
both confidences; ``--errors N`` the rules' largest error groups; with ``--fit`` the model
refit on all training rows is written to ``worker/pipeline/unverified/scorer.json``.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from collections import defaultdict
from dataclasses import dataclass

import numpy as np

from benchmarks.claims_corpus import NONE, print_dev_column, score
from benchmarks.claims_corpus_texts import (
    CACHE,
    CORPUS,
    ROOT,
    read_jsonl,
    require_corpus,
    require_texts,
    sha,
    texts_of,
)
from worker.pipeline.unverified.scorer import Scorer, write_scorer

LABELLED = ROOT / "tests" / "data" / "unverified"
READABILITY = LABELLED / "readability" / "candidates.jsonl"
PARSES = CACHE / "parses"
FOLDS = 5
L2_GRID = (0.3, 1.0, 3.0, 10.0, 30.0)
THRESHOLDS = (0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7)


@dataclass
class Row:
    """A labelled sentence: which text, where, its gold type and whether it may train the
    shipped model (``open``: redistributable text)."""

    group: str
    text_key: str
    start: int
    end: int
    label: str
    open: bool
    source: str


@dataclass
class Cand:
    text_key: str
    start: int
    end: int
    type: str
    rule_confidence: float
    features: dict[str, float]

    @property
    def codes(self) -> list[str]:
        return [n.split("=", 1)[1] for n in self.features if n.startswith("code=")]


def _key(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:20]


def load_rows() -> tuple[list[Row], dict[str, str]]:
    """Every development row with its text (``text_key -> text``); frozen articles never."""
    require_corpus()
    corpus = read_jsonl(CORPUS)
    require_texts({r["source"] for r in corpus})
    frozen_pages = {r["article"] for r in corpus if r["split"] == "frozen"}
    dev_pages = sorted({r["article"] for r in corpus if r["split"] == "dev"})
    frozen_sentences = {r["sha"] for r in corpus if r["split"] == "frozen"}
    corpus_sentences = {r["sha"] for r in corpus}
    texts: dict[str, str] = {}
    rows: list[Row] = []
    sources = texts_of({r["source"] for r in corpus})
    for r in corpus:
        if r["split"] != "dev":
            continue
        text = sources[(r["source"], r["article"])]
        if sha(text[r["start"] : r["end"]]) != r["sha"]:
            raise SystemExit(f"claims_scorer: {r['article']} differs from the corpus; rebuild")
        k = _key(text)
        texts[k] = text
        rows.append(
            Row(
                f"{r['source']}:{r['article']}",
                k,
                r["start"],
                r["end"],
                r["label"],
                r["source"] == "extraction",
                r["source"],
            )
        )
    for item in read_jsonl(READABILITY):
        ctx = item["context"]
        start = ctx.index(item["sentence"])
        k = _key(ctx)
        texts[k] = ctx
        rows.append(
            Row(
                f"readability:{item['page']}",
                k,
                start,
                start + len(item["sentence"]),
                item["label"],
                True,
                "readability",
            )
        )
    for name in ("sentences.jsonl", "heldout.jsonl"):
        for item in read_jsonl(LABELLED / name):
            page = item["source"]
            if any(
                page.startswith(f) or f.startswith(page) for f in frozen_pages if page != "seed"
            ):
                continue
            s = sha(item["sentence"])
            if s in frozen_sentences or s in corpus_sentences:
                continue
            ctx = item["context"]
            start = ctx.find(item["sentence"])
            if start < 0:
                continue
            k = _key(ctx)
            texts[k] = ctx
            # one group per page, the corpus's article id (12 hex digits) where it has one
            article = next((a for a in dev_pages if a.startswith(page)), page)
            rows.append(
                Row(
                    f"extraction:{article}",
                    k,
                    start,
                    start + len(item["sentence"]),
                    item["label"],
                    True,
                    "labelled_set",
                )
            )
    return rows, texts


def parsed(key: str, text: str):  # noqa: ANN201 - a spaCy Doc
    """The text's parse, from the cache when it is there (``parse`` is deterministic)."""
    from spacy.tokens import DocBin

    from worker.pipeline.nlp import get_nlp, parse

    path = PARSES / f"{key}.spacy"
    if path.is_file():
        doc = next(iter(DocBin().from_bytes(path.read_bytes()).get_docs(get_nlp().vocab)))
        if doc.text == text:
            return doc
    doc = parse(text)
    PARSES.mkdir(parents=True, exist_ok=True)
    path.write_bytes(DocBin(docs=[doc], store_user_data=False).to_bytes())
    return doc


def collect(texts: dict[str, str]) -> list[Cand]:
    """Every candidate finding of every text, as ``find_claims`` would make them."""
    from worker.pipeline.attribution import find_attributions
    from worker.pipeline.reading import read, with_attributions
    from worker.pipeline.unverified import candidates

    out: list[Cand] = []
    for n, (key, text) in enumerate(sorted(texts.items()), start=1):
        reading = read(parsed(key, text))
        reading = with_attributions(reading, find_attributions(reading))
        for c in candidates(reading):
            f = c.finding
            out.append(Cand(key, f.start, f.end, f.type, f.confidence, c.features))
        if n % 100 == 0:
            print(f"  {n}/{len(texts)} texts read", file=sys.stderr)
    return out


def link(rows: list[Row], cands: list[Cand]) -> tuple[list[list[int]], list[int]]:
    """``hits[i]``: the candidates overlapping row ``i``; ``gold[j]``: 1 when candidate ``j``
    overlaps a positive row (the row it overlaps most), -1 when it overlaps no labelled row."""
    by_text: dict[str, list[int]] = defaultdict(list)
    for j, c in enumerate(cands):
        by_text[c.text_key].append(j)
    hits: list[list[int]] = []
    best: dict[int, tuple[int, int]] = {}
    for i, r in enumerate(rows):
        mine = []
        for j in by_text[r.text_key]:
            c = cands[j]
            overlap = min(c.end, r.end) - max(c.start, r.start)
            if overlap > 0:
                mine.append(j)
                if overlap > best.get(j, (0, -1))[0]:
                    best[j] = (overlap, i)
        hits.append(mine)
    gold = [-1] * len(cands)
    for j, (_, i) in best.items():
        gold[j] = int(rows[i].label != NONE)
    return hits, gold


def fit_logistic(
    x: np.ndarray, y: np.ndarray, l2: float, iterations: int = 30
) -> tuple[np.ndarray, float]:
    """L2-regularised logistic regression by Newton's method (the bias unpenalised)."""
    n, d = x.shape
    xb = np.hstack([x, np.ones((n, 1))])
    w = np.zeros(d + 1)
    penalty = np.full(d + 1, l2)
    penalty[-1] = 1e-6
    for _ in range(iterations):
        p = 1.0 / (1.0 + np.exp(-np.clip(xb @ w, -30, 30)))
        grad = xb.T @ (p - y) + penalty * w
        hess = (xb.T * (p * (1 - p))) @ xb + np.diag(penalty)
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return w[:-1], float(w[-1])


def matrix(cands: list[Cand], idx: list[int], names: list[str]) -> np.ndarray:
    col = {n: k for k, n in enumerate(names)}
    x = np.zeros((len(idx), len(names)))
    for a, j in enumerate(idx):
        for name, value in cands[j].features.items():
            if name in col:
                x[a, col[name]] = value
    return x


def train(cands: list[Cand], idx: list[int], gold: list[int], l2: float) -> Scorer:
    names = sorted({n for j in idx for n in cands[j].features})
    w, b = fit_logistic(matrix(cands, idx, names), np.array([gold[j] for j in idx], float), l2)
    codes = frozenset(n.split("=", 1)[1] for n in names if n.startswith("code="))
    weights = {n: float(v) for n, v in zip(names, w, strict=True) if abs(v) > 1e-9}
    return Scorer(weights, b, 0.5, codes)


def fold_of(group: str) -> int:
    return int(hashlib.sha256(group.encode()).hexdigest(), 16) % FOLDS


def predictions(
    rows: list[Row], hits: list[list[int]], cands: list[Cand], prob: list[float] | None, t: float
) -> list[str]:
    """Each row's type: the most confident kept candidate over it (``prob`` None: rules alone)."""
    out = []
    for mine in hits:
        if prob is None:
            kept = [(cands[j].rule_confidence, cands[j].type) for j in mine]
        else:
            kept = [(prob[j], cands[j].type) for j in mine if prob[j] >= t]
        out.append(max(kept)[1] if kept else NONE)
    return out


def out_of_fold(
    rows: list[Row], train_rows: list[int], hits, cands, gold, l2: float
) -> list[float]:
    """Each candidate's probability from the model fitted without its article's fold (a
    candidate of a text outside the training rows gets the average of the fold models)."""
    prob = [0.0] * len(cands)
    fold_of_cand: dict[int, int] = {}
    for i, r in enumerate(rows):
        for j in hits[i]:
            fold_of_cand[j] = fold_of(r.group)
    trainable = {j for i in train_rows for j in hits[i] if gold[j] >= 0}
    models = []
    for k in range(FOLDS):
        idx = sorted(j for j in trainable if fold_of_cand[j] != k)
        models.append(train(cands, idx, gold, l2))
    in_training = {j for i in train_rows for j in hits[i]}
    for j, c in enumerate(cands):
        mine = [models[fold_of_cand[j]]] if j in in_training and j in fold_of_cand else models
        # as the product does: a candidate with a code the model never saw passes
        prob[j] = float(
            np.mean([m.probability(c.features) if m.knows(c.codes) else 1.0 for m in mine])
        )
    return prob


def kept_pairs(rows, hits, cands, prob, t: float, idx: list[int]) -> list[tuple[float, float]]:
    """(confidence, right) of each flagged row: its most confident kept candidate (``prob``
    None: the rules' confidence), right when the sentence is positive."""
    pairs = []
    for i in idx:
        mine = [
            ((cands[j].rule_confidence if prob is None else prob[j]), cands[j].type)
            for j in hits[i]
            if prob is None or prob[j] >= t
        ]
        if mine:
            pairs.append((min(max(mine)[0], 0.99), float(rows[i].label != NONE)))
    return pairs


def brier(rows, hits, cands, prob, t: float, idx: list[int]) -> float:
    pairs = kept_pairs(rows, hits, cands, prob, t, idx)
    return float(np.mean([(c - y) ** 2 for c, y in pairs])) if pairs else 0.0


def print_calibration(rows, hits, cands, prob, t: float, idx: list[int]) -> None:
    """Reliability of the confidence on the corpus's flagged dev rows (a flag is right when the
    sentence is positive, what the scorer predicts): the rules' confidence, then the scorer's
    (out of fold where trained). Brier score over the flagged rows; bins of 0.1."""
    for name, conf in (("rules", None), ("scorer", prob)):
        pairs = kept_pairs(rows, hits, cands, conf, t, idx)
        b = float(np.mean([(c - y) ** 2 for c, y in pairs])) if pairs else 0.0
        print(f"\nConfidence of the {name} on {len(pairs)} flagged dev rows: Brier {b:.3f}")
        bins: dict[float, list[float]] = defaultdict(list)
        for c, y in pairs:
            bins[min(int(c * 10), 9) / 10].append(y)
        for lo in sorted(bins):
            ys = bins[lo]
            print(f"  {lo:.1f}-{lo + 0.1:.1f}  n {len(ys):>4}  right {np.mean(ys):.3f}")


def print_errors(
    rows: list[Row], hits, cands: list[Cand], preds: list[str], texts: dict[str, str], n: int
) -> None:
    """The rules' false positives grouped by (type, reason codes) and misses by gold type, the
    largest groups first, three sentences each (development rows only)."""
    groups: dict[tuple, list[int]] = defaultdict(list)
    for i, (r, p) in enumerate(zip(rows, preds, strict=True)):
        if r.label == p:
            continue
        codes = sorted(
            {
                c.split("=", 1)[1]
                for j in hits[i]
                for c in cands[j].features
                if c.startswith("code=")
            }
        )
        if r.label == NONE:
            groups[("false positive", p, tuple(codes))].append(i)
        elif p == NONE:
            groups[("miss", r.label)].append(i)
        else:
            groups[("wrong type", r.label, p, tuple(codes))].append(i)
    for key, idx in sorted(groups.items(), key=lambda kv: -len(kv[1]))[:n]:
        print(f"\n{len(idx):>4}  {key}")
        for i in idx[:: max(1, len(idx) // 4)][:4]:
            r = rows[i]
            print("      -", " ".join(texts[r.text_key][r.start : r.end].split())[:220])


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--train", choices=("mit", "all"), default="mit")
    parser.add_argument("--fit", action="store_true", help="write scorer.json (mit only)")
    parser.add_argument(
        "--errors", type=int, default=0, help="print the N largest dev error groups of the rules"
    )
    args = parser.parse_args(argv)
    if args.fit and args.train != "mit":
        parser.error("--fit writes the shipped model, which trains on redistributable text only")
    rows, texts = load_rows()
    print(f"{len(rows)} dev rows over {len(texts)} texts; reading (parses cached in {PARSES})")
    cands = collect(texts)
    hits, gold = link(rows, cands)
    train_rows = [i for i, r in enumerate(rows) if args.train == "all" or r.open]
    print(
        f"{len(cands)} candidates; training on {len(train_rows)} rows "
        f"({sum(rows[i].label != NONE for i in train_rows)} positive), "
        f"{sum(1 for i in train_rows for j in hits[i] if gold[j] >= 0)} candidate links"
    )
    corpus_rows = [i for i, r in enumerate(rows) if r.source in ("extraction", "polnear")]

    def f1_on(idx: list[int], preds: list[str]) -> float:
        return score([rows[i].label for i in idx], [preds[i] for i in idx])["prf"][2]

    # L2 and the threshold: the best F1 on the corpus's development rows (the open rows' scores
    # out of fold, the others' from models that never saw them); among pairs within 0.001 of it,
    # the one whose confidence is best calibrated there (Brier score of the kept flags)
    results = []
    print(f"\n  {'L2':>5} {'threshold':>9}  corpus dev P / R / F1   Brier   training rows F1")
    for l2 in L2_GRID:
        prob = out_of_fold(rows, train_rows, hits, cands, gold, l2)
        for t in THRESHOLDS:
            preds = predictions(rows, hits, cands, prob, t)
            p, r, f1 = score([rows[i].label for i in corpus_rows], [preds[i] for i in corpus_rows])[
                "prf"
            ]
            b = brier(rows, hits, cands, prob, t, corpus_rows)
            print(
                f"  {l2:>5} {t:>9.2f}  {p:.3f} / {r:.3f} / {f1:.3f}   {b:.3f}   "
                f"{f1_on(train_rows, preds):.3f}"
            )
            results.append((f1, b, l2, t, prob))
    top = max(r[0] for r in results)
    f1, b, l2, t, prob = min((r for r in results if r[0] >= top - 0.001), key=lambda r: r[1])
    print(f"chosen: L2 {l2}, threshold {t} (corpus dev F1 {f1:.3f}, Brier {b:.3f})")
    rules = predictions(rows, hits, cands, None, t)
    scored = predictions(rows, hits, cands, prob, t)
    parts = [("corpus dev, all sources", corpus_rows)]
    for source in ("extraction", "polnear", "labelled_set", "readability"):
        idx = [i for i, r in enumerate(rows) if r.source == source]
        if idx:
            parts.append((f"{source} dev rows", idx))
    for title, idx in parts:
        gold_labels = [rows[i].label for i in idx]
        print_dev_column(f"Rules alone: {title}", score(gold_labels, [rules[i] for i in idx]))
        print_dev_column(
            f"Rules + scorer (out of fold where trained): {title}",
            score(gold_labels, [scored[i] for i in idx]),
        )
    print_calibration(rows, hits, cands, prob, t, corpus_rows)
    if args.errors:
        print_errors(rows, hits, cands, rules, texts, args.errors)
    if args.fit:
        idx = sorted({j for i in train_rows for j in hits[i] if gold[j] >= 0})
        model = train(cands, idx, gold, l2)
        about = {
            "trained_on": "open text only, never PolNeAR: the corpus's dev rows of "
            "extraction-set articles (MIT), the labelled sets of tests/data/unverified outside "
            "frozen pages (MIT), the rule-flagged sentences of Readability's news test pages "
            "(Apache-2.0, tests/data/unverified/readability)",
            "candidates": len(idx),
            "positives": sum(gold[j] for j in idx),
            "l2": l2,
            "written_by": "python -m benchmarks.claims_scorer --fit",
        }
        path = write_scorer(Scorer(model.weights, model.bias, t, model.codes, about))
        print(f"\nscorer written to {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
