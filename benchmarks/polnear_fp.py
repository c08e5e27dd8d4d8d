"""sourcemark's false positives on the PolNeAR *development* part, sorted finely by shape.

    PYTHONPATH=. .venv/bin/python -m benchmarks.polnear_fp [--save NAME] [--diff NAME]

Never run on the frozen part. Prints counts only (no article text); writes the worked list, with
the gold and predicted contents, to ``.cache/polnear/fp_report.md`` (git-ignored: PolNeAR text).
``--save NAME`` keeps this run's predictions in ``.cache/polnear/pred_NAME.pickle``; ``--diff
NAME`` lists, in ``.cache/polnear/fp_diff.md``, the matches gained and lost against that run, so
a rule change shows what it fixed and what it broke.

A false positive (a prediction matched to no gold relation at content Jaccard >= 0.5) falls in
one of these classes:

- ``near miss``: it overlaps a gold relation nobody matched (a content boundary), sub-sorted by
  how the two contents lie: ours inside gold, gold inside ours, or crossing; whether they share
  the cue; whether either runs over several sentences; whether gold holds text on both sides of
  the cue (`"A," he said, "B."`);
- ``split``: it overlaps a gold relation another prediction matched (ours cut one relation in
  two, or two of ours found the same one): sub-sorted by whether the two share a cue;
- ``cue elsewhere``: gold marks our cue with other content;
- ``nested``: our cue lies inside a gold content (an attribution inside an attribution);
- ``unannotated``: nothing of it in the gold, sub-sorted by our cue lemma and type.
"""

from __future__ import annotations

import argparse
import pickle
import sys
from bisect import bisect_right
from collections import Counter, defaultdict

from benchmarks.polnear import CACHE
from benchmarks.polnear_misses import cue_key
from benchmarks.polnear_score import Relation, from_findings, gold_relations, jaccard, match

REPORT = CACHE / "fp_report.md"
DIFF = CACHE / "fp_diff.md"


def _sentences(starts: list[int], chars: frozenset[int]) -> int:
    return len({bisect_right(starts, i) for i in chars})


def _overlap(a: tuple[int, int] | None, b: tuple[int, int] | None) -> bool:
    return a is not None and b is not None and a[0] < b[1] and b[0] < a[1]


def classify(text: str, starts: list[int], gold: list[Relation], predicted: list[Relation]):
    """(class, example) for every unmatched prediction."""
    pairs = match(gold, predicted)
    mg = {gi: pi for gi, pi in pairs}
    mp = {pi: gi for gi, pi in pairs}
    out = []
    for pi, p in enumerate(predicted):
        if pi in mp:
            continue
        over = [
            (jaccard(g.content, p.content), gi)
            for gi, g in enumerate(gold)
            if g.content & p.content
        ]
        free = [(j, gi) for j, gi in over if gi not in mg]
        kind = "D" if p.direct else "I"
        if free:
            j, gi = max(free)
            g = gold[gi]
            if p.content <= g.content:
                lie = "ours inside gold"
            elif g.content <= p.content:
                lie = "gold inside ours"
            else:
                lie = "crossing"
            sg, sp = _sentences(starts, g.content), _sentences(starts, p.content)
            sents = (
                "same sentences"
                if sg == sp
                else ("gold more sentences" if sg > sp else "ours more sentences")
            )
            cue = "same cue" if _overlap(g.cue, p.cue) else "other cue"
            around = ""
            if g.cue and min(g.content) < g.cue[0] < max(g.content):
                around = ", gold around its cue"
            gdirect = "gold direct" if g.direct else "gold indirect"
            key = f"near miss [{kind}/{gdirect}] {lie}, {cue}, {sents}{around}"
            out.append((key, p, g, j))
        elif over:
            j, gi = max(over)
            other = predicted[mg[gi]]
            shared = "same cue" if _overlap(other.cue, p.cue) else "other cue"
            out.append((f"split [{kind}] {shared}", p, gold[gi], j))
        elif p.cue and any(_overlap(g.cue, p.cue) for g in gold):
            out.append((f"cue elsewhere [{kind}]", p, None, 0.0))
        elif p.cue and any(p.cue[0] in g.content for g in gold):
            out.append((f"nested [{kind}]", p, None, 0.0))
        else:
            cue = text[p.cue[0] : p.cue[1]] if p.cue else ""
            out.append((f"unannotated [{kind}] {cue_key(cue)}", p, None, 0.0))
    return out


def _show(text: str, chars: frozenset[int]) -> str:
    lo, hi = min(chars), max(chars) + 1
    s = text[lo:hi].replace("\n", " / ")
    return s if len(s) < 500 else s[:250] + " … " + s[-250:]


def _ctx(text: str, rel: Relation) -> str:
    pts = [min(rel.content), max(rel.content) + 1]
    if rel.cue:
        pts += list(rel.cue)
    if rel.source:
        pts += list(rel.source)
    lo, hi = max(0, min(pts) - 60), min(len(text), max(pts) + 60)
    s = text[lo:hi].replace("\n", " / ")
    return s if len(s) < 700 else s[:350] + " … " + s[-350:]


def _span(text: str, s) -> str:
    return text[s[0] : s[1]] if s else "-"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--save", metavar="NAME")
    parser.add_argument("--diff", metavar="NAME")
    parser.add_argument("--top", type=int, default=40)
    args = parser.parse_args(argv)
    from benchmarks.polnear_dev import dev_articles, dev_docs

    articles = dev_articles()  # development part only
    if articles is None:
        return 2
    from worker.pipeline.attribution import find_attributions
    from worker.pipeline.reading import read

    docs = dev_docs(articles)
    preds, types = [], []
    for a, d in zip(articles, docs, strict=True):
        found = [f for f in find_attributions(read(d)) if f.kind == "attribution"]
        rels = from_findings(a.text, found)
        preds.append(rels)
        # from_findings drops findings whose trimmed content is empty: type the rest in order.
        kept = [f.type for f in found if from_findings(a.text, [f])]
        types.append(dict(zip(map(id, rels), kept, strict=True)))
    counts: Counter = Counter()
    examples: dict = defaultdict(list)
    tp = fp = fn = 0
    for a, d, predicted, typed in zip(articles, docs, preds, types, strict=True):
        gold = gold_relations(a.text, a.relations)
        starts = [s.start_char for s in d.sents]
        n = len(match(gold, predicted))
        tp, fp, fn = tp + n, fp + len(predicted) - n, fn + len(gold) - n
        for key, p, g, j in classify(a.text, starts, gold, predicted):
            key = f"{typed[id(p)]}: {key}"
            counts[key] += 1
            ex = (
                f"- `{a.id}` cue «{_span(a.text, p.cue)}» spk «{_span(a.text, p.source)}» "
                f"J={j:.2f}\n"
                f"  ours: «{_show(a.text, p.content)}»"
            )
            if g is not None:
                ex += (
                    f"\n  gold: «{_show(a.text, g.content)}» (cue «{_span(a.text, g.cue)}», src "
                    f"«{_span(a.text, g.source)}»)\n  ctx: {_ctx(a.text, g)}"
                )
            else:
                ex += f"\n  ctx: {_ctx(a.text, p)}"
            examples[key].append(ex)
    print(f"tp {tp} fp {fp} fn {fn}  P {tp / (tp + fp):.3f} R {tp / (tp + fn):.3f}")
    coarse: Counter = Counter()
    for k, v in counts.items():
        coarse[k.split(" [")[0]] += v
        coarse["by type " + k.split(":")[0]] += v
    print("coarse:", ", ".join(f"{k} {v}" for k, v in coarse.most_common()))
    for k, v in counts.most_common(args.top):
        print(f"{v:5d}  {k}")
    lines = ["# PolNeAR dev false positives (not for the repository)", ""]
    for k, v in counts.most_common():
        lines += [f"## {k} ({v})", "", *examples[k], ""]
    CACHE.mkdir(parents=True, exist_ok=True)
    REPORT.write_text("\n".join(lines), "utf-8")
    if args.save:
        (CACHE / f"pred_{args.save}.pickle").write_bytes(pickle.dumps(preds))
    if args.diff:
        _diff(articles, preds, pickle.loads((CACHE / f"pred_{args.diff}.pickle").read_bytes()))
    return 0


def _diff(articles, preds, before) -> None:
    """Gold relations matched now and not before (gained), and the reverse (lost)."""
    gained, lost, new_fp, gone_fp = [], [], 0, 0
    for a, now, old in zip(articles, preds, before, strict=True):
        gold = gold_relations(a.text, a.relations)
        m_now = dict(match(gold, now))
        m_old = dict(match(gold, old))
        for gi in set(m_now) ^ set(m_old):
            g = gold[gi]
            where = gained if gi in m_now else lost
            p = now[m_now[gi]] if gi in m_now else old[m_old[gi]]
            where.append(
                f"- `{a.id}` gold «{_show(a.text, g.content)}»\n  pred «{_show(a.text, p.content)}»"
            )
        fp_now = {p.content for pi, p in enumerate(now) if pi not in set(m_now.values())}
        fp_old = {p.content for pi, p in enumerate(old) if pi not in set(m_old.values())}
        new_fp += len(fp_now - fp_old)
        gone_fp += len(fp_old - fp_now)
        for c in fp_now - fp_old:
            lost.append(f"- `{a.id}` NEW FP «{_show(a.text, c)}»")
    print(
        f"diff: gained {len(gained)} lost {sum(1 for x in lost if 'NEW FP' not in x)}; "
        f"fp new {new_fp} gone {gone_fp}"
    )
    DIFF.write_text("# gained\n" + "\n".join(gained) + "\n\n# lost\n" + "\n".join(lost), "utf-8")


if __name__ == "__main__":
    sys.exit(main())
