"""Attribution on PolNeAR's train split (dev and frozen parts) beside our own annotated set.

    PYTHONPATH=. .venv/bin/python -m benchmarks.polnear [--part dev|frozen|both]

For each set, sourcemark (``worker.pipeline.find_claims`` on the article text; its offsets index
the very string the ``.ann`` offsets count, so no mapping is needed) and textacy 0.13's
``direct_quotations`` (on the same text, parsed by our spaCy pipeline) are scored:
P/R/F1 over all relations (content at character Jaccard >= 0.5) and with exact content, recall on
statement relations, direct-quote F1 without and with the source, and speaker accuracy on
matches. Conventions: ``benchmarks/polnear_score.py``; the split: ``benchmarks/polnear_data.py``.
Our own 27-article set is scored as ``benchmarks/attribution.py`` scores it (there "statements"
are all relations, and "speaker" is the resolved name).

textacy's relations per article are kept in ``.cache/polnear/textacy.json`` (they only change
with textacy or the spaCy model), sourcemark's findings in ``.cache/polnear/sourcemark.json``
for as long as no file of ``worker/pipeline`` changes. The corpus itself is read from
``../shared``; when it (or our set's bodies, the extraction set) is missing the benchmark says so
and how to get it, and exits with status 2.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path

from benchmarks import datasets
from benchmarks.datasets import GET_POLNEAR, extraction_set, missing, polnear_train
from benchmarks.polnear_data import MissingDataError, load_part, load_split
from benchmarks.polnear_score import (
    ArticleScores,
    Relation,
    Score,
    from_findings,
    gold_relations,
    score_article,
    trim,
)

ROOT = Path(__file__).resolve().parent.parent
CACHE = datasets.CACHE / "polnear"
TEXTACY_CACHE = CACHE / "textacy.json"
SOURCEMARK_CACHE = CACHE / "sourcemark.json"

HEADER = (
    "| set | system | articles | gold | P | R | F1 | F1 exact | statements R | "
    "direct F1 | direct F1 +src | speaker |"
)


class Totals:
    def __init__(self) -> None:
        self.all, self.exact, self.direct = Score(), Score(), Score()

    def add(self, s: ArticleScores) -> None:
        self.all.add(s.all)
        self.exact.add(s.exact)
        self.direct.add(s.direct)


def row(name: str, system: str, n: int, t: Totals, speaker: str | None = None) -> str:
    p, r, f = t.all.prf()
    exact = f"{t.exact.prf()[2]:.3f}" if t.exact.tp + t.exact.fn else "-"
    speaker = speaker or f"{t.all.speaker_accuracy:.3f}"
    return (
        f"| {name} | {system} | {n} | {t.all.tp + t.all.fn} | {p:.3f} | {r:.3f} | {f:.3f} | "
        f"{exact} | {t.all.statement_recall:.3f} | {t.direct.prf()[2]:.3f} | "
        f"{t.direct.prf(with_source=True)[2]:.3f} | {speaker} |"
    )


def _textacy_cache() -> dict:
    if TEXTACY_CACHE.exists():
        return json.loads(TEXTACY_CACHE.read_text("utf-8"))
    return {}


def textacy_for(text: str, cache: dict, key: str) -> list[Relation]:
    from benchmarks.attribution import textacy_relations
    from worker.pipeline.nlp import parse

    digest = hashlib.sha1(text.encode("utf-8")).hexdigest()
    hit = cache.get(key)
    if hit is None or hit["sha1"] != digest:
        found = textacy_relations(parse(text))
        hit = {
            "sha1": digest,
            "relations": [
                {"content": sorted(r.content), "source": list(r.source) if r.source else None}
                for r in found
            ],
        }
        cache[key] = hit
    return [
        Relation(trim(text, r["content"]), tuple(r["source"]) if r["source"] else None, None, True)
        for r in hit["relations"]
    ]


def run_part(
    articles: list, systems: dict[str, Callable[[str, str], list[Relation]]]
) -> dict[str, Totals]:
    totals = {name: Totals() for name in systems}
    for article in articles:
        gold = gold_relations(article.text, article.relations)
        for name, system in systems.items():
            totals[name].add(score_article(gold, system(article.id, article.text)))
    return totals


def pipeline_fingerprint() -> str:
    """A digest of the pipeline's source: cached findings are reused only for the same code."""
    digest = hashlib.sha1()
    for path in sorted((ROOT / "worker" / "pipeline").rglob("*.py")):
        digest.update(path.relative_to(ROOT).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def sourcemark_findings(key: str, text: str, cache: dict) -> list[dict]:
    """``find_claims``'s attribution findings for one article, as JSON dicts, cached by the
    article's text and the pipeline's source."""
    from worker.pipeline import find_claims

    digest = hashlib.sha1(text.encode("utf-8")).hexdigest()
    hit = cache.get(key)
    if hit is None or hit["sha1"] != digest:
        findings = [f.to_dict() for f in find_claims(text) if f.kind == "attribution"]
        hit = cache[key] = {"sha1": digest, "findings": findings}
    return hit["findings"]


def load_sourcemark_cache() -> dict:
    fingerprint = pipeline_fingerprint()
    if SOURCEMARK_CACHE.exists():
        data = json.loads(SOURCEMARK_CACHE.read_text("utf-8"))
        if data.get("pipeline") == fingerprint:
            return data
    return {"pipeline": fingerprint, "articles": {}}


def ours(key: str, text: str, cache: dict) -> list[Relation]:
    from worker.pipeline.model import Finding

    findings = [Finding.from_dict(d) for d in sourcemark_findings(key, text, cache["articles"])]
    return from_findings(text, findings)


def own_set_rows() -> list[str]:
    """Our 27-article set, scored as benchmarks/attribution.py scores it."""
    from benchmarks.attribution import load, textacy_relations
    from worker.pipeline.attribution import evaluation, find_attributions
    from worker.pipeline.nlp import parse

    articles = load()
    acc = {name: (evaluation.Score(), evaluation.Score()) for name in ("sourcemark", "textacy")}
    for key, text, relations, _split in articles:
        doc = parse(text)
        gold = evaluation.locate_gold(key, text, relations).relations
        for name, predicted in (
            ("sourcemark", evaluation.from_findings(find_attributions(doc))),
            ("textacy", textacy_relations(doc)),
        ):
            acc[name][0].add(evaluation.score(gold, predicted))
            acc[name][1].add(evaluation.score(gold, predicted, "direct_quote"))
    out = []
    for name, (every, direct) in acc.items():
        p, r, f = every.precision, every.recall, every.f1
        speaker = (
            f"{every.name_right / every.name_total:.3f} names" if name == "sourcemark" else "-"
        )
        out.append(
            f"| our set | {name} | {len(articles)} | {every.tp + every.fn} | {p:.3f} | "
            f"{r:.3f} | {f:.3f} | - | {r:.3f} | {direct.f1:.3f} | {direct.speaker_prf()[2]:.3f} "
            f"| {speaker} |"
        )
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--part", choices=("dev", "frozen", "both"), default="both")
    parser.add_argument("--no-own-set", action="store_true", help="skip our 27-article set")
    args = parser.parse_args(argv)

    directory = polnear_train()
    if not args.no_own_set:
        extraction_set()  # our annotated set's article bodies
    split = load_split()
    parts = ("dev", "frozen") if args.part == "both" else (args.part,)
    try:
        loaded = {part: load_part(directory, split[part]) for part in parts}
    except MissingDataError as err:
        missing("PolNeAR articles of the split", str(err), GET_POLNEAR)

    started = time.perf_counter()
    cache = _textacy_cache()
    mine = load_sourcemark_cache()
    systems = {
        "sourcemark": lambda key, text: ours(key, text, mine),
        "textacy": lambda key, text: textacy_for(text, cache, key),
    }
    print(HEADER)
    print("|---|---|---|---|---|---|---|---|---|---|---|---|")
    if not args.no_own_set:
        for line in own_set_rows():
            print(line, flush=True)
    for part, articles in loaded.items():
        totals = run_part(articles, systems)
        for name, t in totals.items():
            print(row(f"PolNeAR {part}", name, len(articles), t), flush=True)
    CACHE.mkdir(parents=True, exist_ok=True)
    TEXTACY_CACHE.write_text(json.dumps(cache), "utf-8")
    SOURCEMARK_CACHE.write_text(json.dumps(mine), "utf-8")
    print(f"\n{time.perf_counter() - started:.0f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
