"""Attribution quality and speed on the hand-annotated set, beside textacy's direct_quotations.

    .venv/bin/python benchmarks/attribution.py [--repeat N]

Quality: PARC-style scoring (``worker.pipeline.attribution.evaluation``): content matched at
character Jaccard >= 0.5, one-to-one; "+speaker" also needs the speaker span to overlap the gold
source; "name" is the share of matched relations whose resolved ``speaker.name`` equals the
annotated full name. Per type, gold and predictions are both restricted to that type.
Speed: the spaCy parse alone versus everything ``find_attributions`` adds on top of it, over the
same texts, best of N runs (warm process).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from textacy.extract.triples import direct_quotations  # noqa: E402

from benchmarks.datasets import extraction_set  # noqa: E402
from worker.pipeline.attribution import find_attributions  # noqa: E402
from worker.pipeline.attribution.evaluation import (  # noqa: E402
    ANNOTATED_TYPES,
    Relation,
    Score,
    from_findings,
    locate_gold,
    match,
    score,
)
from worker.pipeline.nlp import parse  # noqa: E402

ANNOTATED = ROOT / "tests" / "data" / "attribution" / "annotated.json"
TYPES = (None, "direct_quote", "indirect", "mixed", "according_to")
CONFIDENCE_BANDS = ((0.85, "high"), (0.7, "medium"), (0.0, "low"))
QUOTE_MARKS = "\"'\u201c\u201d\u2018\u2019\u00ab\u00bb "


def load() -> list[tuple[str, str, list[dict], str]]:
    bodies = json.loads((extraction_set() / "ground-truth.json").read_text("utf-8"))
    articles = json.loads(ANNOTATED.read_text("utf-8"))["articles"]
    return [
        (a["key"], bodies[a["key"]]["articleBody"], a["relations"], a["split"]) for a in articles
    ]


def textacy_relations(doc) -> list[Relation]:
    out = []
    try:
        triples = list(direct_quotations(doc))
    except ValueError:
        # textacy refuses texts with an odd number of quote marks; it finds nothing there.
        return []
    for triple in triples:
        content = triple.content
        s, e = content.start_char, content.end_char
        while s < e and doc.text[s] in QUOTE_MARKS:
            s += 1
        while e > s and doc.text[e - 1] in QUOTE_MARKS:
            e -= 1
        speaker = (
            (min(t.idx for t in triple.speaker), max(t.idx + len(t) for t in triple.speaker))
            if triple.speaker
            else None
        )
        out.append(Relation("direct_quote", frozenset(range(s, e)), speaker))
    return out


def row(name: str, s: Score, *, names: bool = True) -> str:
    sp, sr, sf = s.speaker_prf()
    name_acc = f"{s.name_right / s.name_total:.2f}" if names and s.name_total else "-"
    return (
        f"| {name} | {s.tp + s.fn} | {s.tp + s.fp} | {s.precision:.3f} | {s.recall:.3f} | "
        f"{s.f1:.3f} | {sp:.3f} | {sr:.3f} | {sf:.3f} | {name_acc} |"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    parse("Warm up.")
    articles = load()
    ours = {t: Score() for t in TYPES}
    splits = {(sp, t): Score() for sp in ("dev", "heldout") for t in (None, "direct_quote")}
    bands = {band: [0, 0] for band in CONFIDENCE_BANDS}  # [correct, predicted]
    theirs = {t: Score() for t in (None, "direct_quote")}
    parse_best = attr_best = textacy_best = float("inf")
    words = sum(len(text.split()) for _, text, _, _ in articles)
    for run in range(args.repeat):
        parse_t = attr_t = textacy_t = 0.0
        for key, text, relations, split in articles:
            t0 = time.perf_counter()
            doc = parse(text)
            t1 = time.perf_counter()
            findings = find_attributions(doc)
            t2 = time.perf_counter()
            quotes = textacy_relations(doc)
            t3 = time.perf_counter()
            parse_t += t1 - t0
            attr_t += t2 - t1
            textacy_t += t3 - t2
            if run == 0:
                gold = locate_gold(key, text, relations).relations
                predicted = from_findings(findings)
                for t in TYPES:
                    ours[t].add(score(gold, predicted, t))
                for t in (None, "direct_quote"):
                    splits[split, t].add(score(gold, predicted, t))
                right = {pi for _, pi in match(gold, predicted)}
                quoted = frozenset().union(*(g.content for g in gold if g.type == "direct_quote"))
                # The findings ``from_findings`` scored, in its order (a ``summary`` is no type
                # this set annotates).
                scored = (
                    f for f in findings if f.kind == "attribution" and f.type in ANNOTATED_TYPES
                )
                for pi, finding in enumerate(scored):
                    if pi not in right and finding.cue.start in quoted:
                        continue  # nested inside a quotation: not annotated, not scored
                    band = next(b for b in CONFIDENCE_BANDS if finding.confidence >= b[0])
                    bands[band][0] += pi in right
                    bands[band][1] += 1
                for t in theirs:
                    theirs[t].add(score(gold, quotes, t))
        parse_best = min(parse_best, parse_t)
        attr_best = min(attr_best, attr_t)
        textacy_best = min(textacy_best, textacy_t)

    n_rel = sum(len(r) for _, _, r, _ in articles)
    print(f"Annotated set: {len(articles)} articles, {n_rel} relations, {words} words\n")
    print("| system / type | gold | predicted | P | R | F1 | P +spk | R +spk | F1 +spk | name |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for t in TYPES:
        print(row(f"sourcemark {t or 'all'}", ours[t]))
    for t in theirs:
        print(row(f"textacy direct_quotations {t or 'all'}", theirs[t], names=False))
    print("\nBy split (dev: used while building the extractor; heldout: annotated after it was")
    print("built; its first scoring and what changed since: tests/data/attribution/README.md):\n")
    print("| split / type | gold | predicted | P | R | F1 | P +spk | R +spk | F1 +spk | name |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for (sp, t), sc in splits.items():
        print(row(f"{sp} {t or 'all'}", sc))
    total = ours[None]
    print(f"\nType accuracy on matched relations: {total.type_right}/{total.tp}")
    print(f"Anonymous flag agreement on matched relations: {total.anonymous_right}/{total.tp}")
    print("\n| confidence | findings | precision |")
    print("|---|---|---|")
    for (low, label), (right, n) in bands.items():
        print(f"| {label} (>= {low}) | {n} | {right / n if n else 0:.3f} |")
    print("\n| stage | seconds | words/s | vs parse |")
    print("|---|---|---|---|")
    print(f"| spaCy parse (floor) | {parse_best:.3f} | {words / parse_best:.0f} | 100% |")
    print(
        f"| find_attributions on top | {attr_best:.3f} | {words / attr_best:.0f} | "
        f"+{100 * attr_best / parse_best:.1f}% |"
    )
    print(
        f"| textacy direct_quotations on top | {textacy_best:.3f} | {words / textacy_best:.0f} | "
        f"+{100 * textacy_best / parse_best:.1f}% |"
    )


if __name__ == "__main__":
    main()
