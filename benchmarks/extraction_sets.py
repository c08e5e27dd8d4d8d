"""sourcemark's extraction against its peers on every development set, dev and frozen columns.

    .venv/bin/python -m benchmarks.fetch_extraction_data      # once: builds .cache/extraction
    .venv/bin/python -m benchmarks.extraction_sets            # dev split only (for tuning)
    .venv/bin/python -m benchmarks.extraction_sets --final    # dev and frozen: the claim
    .venv/bin/python -m benchmarks.extraction_sets --check    # every page, any crash fails

Per set and extractor: F1 (the word 4-gram shingle score of ``extraction_score``; on the
trafilatura set, whose truth is segments that must or must not appear, that project's segment
F1), the mean of per-page F1, how many pages came back empty (for sourcemark: ``no_article``)
and the median milliseconds per page (decoded HTML, warm process, extractors interleaved page
by page). ``--check`` runs sourcemark alone over every cached page and exits non-zero on any
exception other than ``PipelineError``. Peers' outputs are remembered in the cache between dev
runs (they do not change); ``--final`` runs everything afresh.
"""

from __future__ import annotations

import argparse
import gc
import json
import statistics
import sys
import time
import traceback
from collections import Counter
from dataclasses import dataclass

from benchmarks import datasets
from benchmarks.extraction import _readability, _trafilatura
from benchmarks.extraction_score import aggregate, compare
from benchmarks.extraction_split import MEMBERSHIP, frozen_ids
from benchmarks.fetch_extraction_data import CACHE, SETS
from worker.pipeline.errors import NoArticleError, PipelineError
from worker.pipeline.extraction import extract_article
from worker.pipeline.extraction.decoding import decode_bytes

SEGMENT_SETS = {"trafilatura"}
PEERS = {
    "trafilatura (favor_precision)": _trafilatura(favor_precision=True),
    "trafilatura (default)": _trafilatura(),
    "readability-lxml": _readability,
}
PEER_CACHE = CACHE / "peer-outputs.json"


@dataclass(frozen=True)
class CachedPage:
    set: str
    id: str
    url: str | None
    html: str
    expected: str
    with_: tuple[str, ...]
    without: tuple[str, ...]


def require_cached(sets: list[str]) -> None:
    """Exit with a sentence saying how to build the cache when a set or the split is absent."""
    missing = [s for s in sets if not (CACHE / s / "truth.json").exists()]
    if missing or not MEMBERSHIP.exists():
        datasets.missing(
            "the extraction development sets",
            f"no cache for {missing} under {CACHE}" if missing else f"{MEMBERSHIP} is absent",
            "run `.venv/bin/python -m benchmarks.fetch_extraction_data` (it reads the public "
            "repositories' snapshots; see its docstring); the frozen membership is committed",
        )


def load_set(set_name: str) -> list[CachedPage]:
    folder = CACHE / set_name
    truth = json.loads((folder / "truth.json").read_text(encoding="utf-8"))
    pages = []
    for page_id in sorted(truth):
        row = truth[page_id]
        raw = (folder / "html" / f"{page_id}.html").read_bytes()
        try:
            html = decode_bytes(raw)
        except PipelineError:
            html = raw.decode("utf-8", "replace")
        pages.append(
            CachedPage(
                set_name,
                page_id,
                row["url"],
                html,
                row["expected"],
                tuple(row["with"]),
                tuple(row["without"]),
            )
        )
    return pages


def _norm(text: str) -> str:
    return " ".join(text.split())


def page_counts(page: CachedPage, output: str) -> tuple[int, int, int]:
    """(tp, fp, fn) of one page: shingles, or segments on the segment-scored set."""
    if page.set in SEGMENT_SETS:
        found = _norm(output)
        tp = sum(1 for w in page.with_ if _norm(w) in found) if output else 0
        fp = sum(1 for w in page.without if _norm(w) in found) if output else 0
        return tp, fp, len(page.with_) - tp
    c = compare(page.expected, output)
    return c.tp, c.fp, c.fn


def _f1(tp: int, fp: int, fn: int) -> float:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return 2 * p * r / (p + r) if p + r else 0.0


def set_f1(set_name: str, counts: list[tuple[int, int, int]]) -> float:
    if set_name in SEGMENT_SETS:
        tp, fp, fn = (sum(c[i] for c in counts) for i in range(3))
        return _f1(tp, fp, fn)
    from benchmarks.extraction_score import PageCounts

    return aggregate(PageCounts(*c) for c in counts).f1


@dataclass
class Result:
    outputs: dict[str, str]
    ms: dict[str, float]
    no_article: dict[str, str]  # page id -> reason, sourcemark only


def sourcemark_output(page: CachedPage) -> tuple[str, str | None]:
    try:
        return extract_article(page.html, page.url).text, None
    except NoArticleError as exc:
        return "", getattr(exc, "reason", None) or "no_article"
    except PipelineError as exc:
        return "", exc.code


def run(pages: list[CachedPage], peers: dict, peer_memory: dict) -> dict[str, Result]:
    names = ["sourcemark", *peers]
    results = {n: Result({}, {}, {}) for n in names}
    for i, page in enumerate(pages):
        key = f"{page.set}/{page.id}"
        for name in names[i % len(names) :] + names[: i % len(names)]:
            remembered = peer_memory.get(name, {}).get(key)
            if name != "sourcemark" and remembered is not None:
                results[name].outputs[page.id], results[name].ms[page.id] = remembered
                continue
            gc.disable()
            started = time.perf_counter()
            if name == "sourcemark":
                text, reason = sourcemark_output(page)
                if reason:
                    results[name].no_article[page.id] = reason
            else:
                try:
                    text = peers[name](page.html, page.url)
                except Exception:  # a peer crashing scores as empty output
                    text = ""
            ms = (time.perf_counter() - started) * 1000
            gc.enable()
            results[name].outputs[page.id], results[name].ms[page.id] = text, ms
            if name != "sourcemark":
                peer_memory.setdefault(name, {})[key] = (text, ms)
    return results


@dataclass(frozen=True)
class Figures:
    f1: float
    mean_page_f1: float
    empty: int
    median_ms: float
    pages: int


def figures(set_name: str, pages: list[CachedPage], result: Result) -> Figures:
    counts = [page_counts(p, result.outputs[p.id]) for p in pages]
    return Figures(
        f1=set_f1(set_name, counts),
        mean_page_f1=statistics.fmean(_f1(*c) for c in counts) if counts else 0.0,
        empty=sum(1 for p in pages if not result.outputs[p.id].strip()),
        median_ms=statistics.median(result.ms[p.id] for p in pages) if pages else 0.0,
        pages=len(pages),
    )


def _split(pages: list[CachedPage], frozen: frozenset[str]) -> tuple[list, list]:
    return [p for p in pages if p.id not in frozen], [p for p in pages if p.id in frozen]


def check(sets: list[str]) -> int:
    failures = 0
    reasons: Counter[str] = Counter()
    total = 0
    for set_name in sets:
        for page in load_set(set_name):
            total += 1
            try:
                extract_article(page.html, page.url)
                extract_article(
                    (CACHE / set_name / "html" / f"{page.id}.html").read_bytes(), page.url
                )
            except PipelineError as exc:
                reasons[f"{exc.code}/{getattr(exc, 'reason', '-')}"] += 1
            except Exception:
                failures += 1
                print(f"CRASH {set_name}/{page.id}", file=sys.stderr)
                traceback.print_exc()
    print(f"{total} pages, {failures} crashes; refusals: {dict(reasons)}")
    return 1 if failures else 0


def _row(name: str, fig: Figures | None) -> str:
    if fig is None:
        return "- | - | - | -"
    return f"{fig.f1:.3f} | {fig.mean_page_f1:.3f} | {fig.empty} | {fig.median_ms:.0f}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sets", nargs="*", default=list(SETS), choices=SETS)
    parser.add_argument("--final", action="store_true", help="dev and frozen columns, afresh")
    parser.add_argument("--check", action="store_true", help="crash check over every page")
    parser.add_argument(
        "--worst",
        type=int,
        default=0,
        help="list the N dev pages where sourcemark trails the better peer most",
    )
    args = parser.parse_args(argv)
    require_cached(args.sets)
    if args.check:
        return check(args.sets)
    frozen = frozen_ids()
    peer_memory = (
        {}
        if args.final or not PEER_CACHE.exists()
        else json.loads(PEER_CACHE.read_text(encoding="utf-8"))
    )
    names = ["sourcemark", *PEERS]
    splits = ["dev", "frozen"] if args.final else ["dev"]
    cols = " | ".join(f"{s} F1 | {s} mean page F1 | {s} empty | {s} median ms" for s in splits)
    lines = [
        f"| set | extractor | pages ({'/'.join(splits)}) | {cols} |",
        "|" + "---|" * (3 + 4 * len(splits)),
    ]
    worst = []
    reasons: Counter[str] = Counter()
    for set_name in args.sets:
        dev, held = _split(load_set(set_name), frozen.get(set_name, frozenset()))
        by_split = {"dev": dev, "frozen": held}
        figs: dict[str, dict[str, Figures]] = {}
        for split_name in splits:
            pages = by_split[split_name]
            results = run(pages, PEERS, peer_memory)
            figs[split_name] = {n: figures(set_name, pages, results[n]) for n in names}
            reasons.update(
                f"{set_name}/{split_name}:{r}" for r in results["sourcemark"].no_article.values()
            )
            if split_name == "dev" and args.worst:
                for p in pages:
                    mine = _f1(*page_counts(p, results["sourcemark"].outputs[p.id]))
                    best = max(_f1(*page_counts(p, results[n].outputs[p.id])) for n in PEERS)
                    worst.append(
                        (
                            mine - best,
                            set_name,
                            p.id,
                            mine,
                            best,
                            results["sourcemark"].no_article.get(p.id, ""),
                        )
                    )
        sizes = "/".join(str(len(by_split[s])) for s in splits)
        for name in names:
            cells = " | ".join(_row(name, figs[s][name]) for s in splits)
            lines.append(f"| {set_name} | {name} | {sizes} | {cells} |")
    PEER_CACHE.write_text(json.dumps(peer_memory), encoding="utf-8")
    print("\n".join(lines))
    print("sourcemark no_article answers (set/split:reason):", dict(sorted(reasons.items())))
    for gap, set_name, page_id, mine, best, reason in sorted(worst)[: args.worst]:
        print(f"{gap:+.3f} {set_name}/{page_id} sourcemark {mine:.3f} peer {best:.3f} {reason}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
