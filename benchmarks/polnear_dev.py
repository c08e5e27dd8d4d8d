"""Attribution on the PolNeAR *development* part only, fast enough to run after every rule change.

    PYTHONPATH=. .venv/bin/python -m benchmarks.polnear_dev [--misses CUE]

The frozen part is never read here (tuning must not see it; ``benchmarks.polnear --part frozen``
measures it once at the end). The spaCy parses of the development articles are kept in
``.cache/polnear/dev_docs.spacy`` (they only change with the model), so a run is the attribution
detector alone: ``find_attributions`` over ``reading.read`` of each cached parse, which is what
``find_claims`` reports as attribution findings. Scored like ``benchmarks.polnear``: P/R/F1 over
all relations, statement recall, direct-quote F1 and speaker accuracy. ``--misses CUE`` writes the
missed statement relations whose cue contains CUE, with their text, to
``.cache/polnear/dev_misses.txt`` (git-ignored: PolNeAR text).
"""

from __future__ import annotations

import argparse
import sys
import time

from benchmarks.datasets import SHARED
from benchmarks.polnear import CACHE, Totals, row
from benchmarks.polnear_data import MissingDataError, corpus_dir, load_part, load_split
from benchmarks.polnear_score import from_findings, gold_relations, jaccard, score_article

DOCS = CACHE / "dev_docs.spacy"
MISSES = CACHE / "dev_misses.txt"


def dev_docs(articles: list) -> list:
    """The parses of the development articles, from the cache when it holds the same texts."""
    from spacy.tokens import DocBin

    from worker.pipeline.nlp import get_nlp, parse, plain_spaces

    nlp = get_nlp()
    if DOCS.exists():
        docs = list(DocBin().from_disk(DOCS).get_docs(nlp.vocab))
        # A parse is of plain_spaces(text) (same offsets), so that is what the cache holds.
        if [d.text for d in docs] == [plain_spaces(a.text) for a in articles]:
            return docs
    docs = [parse(a.text) for a in articles]
    CACHE.mkdir(parents=True, exist_ok=True)
    DocBin(store_user_data=True, docs=docs).to_disk(DOCS)
    return docs


def dev_articles() -> list | None:
    """The development part's articles, or None after saying on stderr how to get them."""
    try:
        return load_part(corpus_dir(SHARED), load_split()["dev"])
    except MissingDataError as err:
        print(
            f"missing the PolNeAR development articles: {err}\nTo get it: lay PolNeAR's train "
            "split out under ../shared/data/polnear-train as the README's attribution section "
            "describes.",
            file=sys.stderr,
        )
        return None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--misses", metavar="CUE", help="list missed statements with this cue")
    parser.add_argument(
        "--shape",
        choices=("any", "short", "long", "none"),
        default="any",
        help="only misses where our overlapping finding is shorter, longer, or absent",
    )
    args = parser.parse_args(argv)
    articles = dev_articles()
    if articles is None:
        return 2

    from worker.pipeline.attribution import find_attributions
    from worker.pipeline.reading import read

    docs = dev_docs(articles)
    started = time.process_time()
    totals = Totals()
    lines: list[str] = []
    for article, doc in zip(articles, docs, strict=True):
        gold = gold_relations(article.text, article.relations)
        predicted = from_findings(article.text, find_attributions(read(doc)))
        totals.add(score_article(gold, predicted))
        if args.misses is not None:
            lines += _misses(article, gold, predicted, args.misses.lower(), args.shape)
    spent = time.process_time() - started
    print(row("PolNeAR dev", "sourcemark", len(articles), totals))
    p, _, _ = totals.all.prf()
    print(
        f"statements R {totals.all.statement_recall:.3f}  P {p:.3f}  "
        f"direct F1 {totals.direct.prf()[2]:.3f}  speaker {totals.all.speaker_accuracy:.3f}  "
        f"fp {totals.all.fp}  ({spent:.0f} s attribution)"
    )
    if args.misses is not None:
        MISSES.write_text("\n".join(lines), "utf-8")
        print(f"{len(lines)} misses written to {MISSES}")
    return 0


def _misses(article, gold, predicted, cue: str, shape: str = "any") -> list[str]:
    text = article.text
    out = []
    for g in gold:
        if not g.statement or g.cue is None or cue not in text[g.cue[0] : g.cue[1]].lower():
            continue
        if any(jaccard(g.content, p.content) >= 0.5 for p in predicted):
            continue
        lo, hi = min(g.content), max(g.content) + 1
        best = max(predicted, key=lambda p: jaccard(g.content, p.content), default=None)
        ours = ""
        overlap = best is not None and jaccard(g.content, best.content) > 0
        if shape == "none" and overlap:
            continue
        if shape in ("short", "long") and not overlap:
            continue
        if shape == "short" and len(best.content) >= len(g.content):
            continue
        if shape == "long" and len(best.content) <= len(g.content):
            continue
        if overlap:
            ours = f"\n   ours: {text[min(best.content) : max(best.content) + 1]!r}"
        src = text[g.source[0] : g.source[1]] if g.source else None
        out.append(
            f"- [{article.id}] cue {text[g.cue[0] : g.cue[1]]!r} src {src!r}\n"
            f"   sent: {text[max(0, min(lo, g.cue[0]) - 80) : max(hi, g.cue[1]) + 40]!r}\n"
            f"   gold: {text[lo:hi]!r}{ours}"
        )
    return out


if __name__ == "__main__":
    sys.exit(main())
