"""Pipeline speed on the shared real pages: ms per article per stage, words/s, memory.

    .venv/bin/python -m benchmarks.pipeline            # all 88 pages, one warm process
    .venv/bin/python -m benchmarks.pipeline --limit 20 --repeat 3

Stages, timed separately on each page (the same calls ``find_claims`` makes, in its order):
extraction (HTML -> Article), NLP (the one spaCy parse), the reading (paragraphs, sentences,
quotations, sources), the attribution detector and the unverifiable-claims detector; then
``find_claims`` end to end (parse + detectors + ids and selectors) and the total a worker
pays: extraction + ``find_claims``.
One core: the process is single-threaded. The goal is a 1,000-word article in <= 150 ms,
extraction included; the table reports ms per 1,000 words and the median over 700-1,300-word
articles. Memory: resident set size of this process after loading the model and after all pages
(what one worker process holds).
"""

from __future__ import annotations

import argparse
import resource
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from benchmarks.pages import Page, load_pages

STAGES = ("extract", "nlp", "read", "attribution", "unverified", "find_claims", "total")
GOAL_MS_PER_1000_WORDS = 150.0


@dataclass
class PageTiming:
    key: str
    words: int
    ms: dict[str, float] = field(default_factory=dict)
    error: str | None = None


def rss_mb() -> float:
    """Current resident set size (Linux /proc), in MB."""
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _timed(fn: Callable[[], Any]) -> tuple[Any, float]:
    started = time.perf_counter()
    value = fn()
    return value, (time.perf_counter() - started) * 1000


def time_page(page: Page) -> PageTiming:
    """Every stage once on one page; a page the pipeline refuses is recorded, not fatal."""
    from worker.pipeline import extract_article, find_claims
    from worker.pipeline.attribution import find_attributions
    from worker.pipeline.errors import PipelineError
    from worker.pipeline.nlp import parse
    from worker.pipeline.reading import read, with_attributions
    from worker.pipeline.unverified import find_unverified

    try:
        article, extract_ms = _timed(lambda: extract_article(page.html, page.url))
    except PipelineError as exc:
        return PageTiming(page.key, 0, error=f"{exc.code}: {exc}")
    timing = PageTiming(page.key, len(article.text.split()))
    doc, nlp_ms = _timed(lambda: parse(article.text))
    reading, read_ms = _timed(lambda: read(doc))
    attributions, attr_ms = _timed(lambda: find_attributions(reading))
    _, unverified_ms = _timed(lambda: find_unverified(with_attributions(reading, attributions)))
    _, claims_ms = _timed(lambda: find_claims(article.text))
    timing.ms = {
        "extract": extract_ms,
        "nlp": nlp_ms,
        "read": read_ms,
        "attribution": attr_ms,
        "unverified": unverified_ms,
        "find_claims": claims_ms,
        "total": extract_ms + claims_ms,
    }
    return timing


def run(pages: list[Page], repeat: int) -> list[PageTiming]:
    """Best of ``repeat`` runs per page (the least disturbed by other work on the machine)."""
    results = []
    for page in pages:
        best: PageTiming | None = None
        for _ in range(repeat):
            timing = time_page(page)
            if timing.error or best is None or timing.ms["total"] < best.ms["total"]:
                best = timing
            if timing.error:
                break
        assert best is not None
        results.append(best)
    return results


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def report(results: list[PageTiming], rss_model: float, rss_end: float) -> str:
    ok = [r for r in results if not r.error and r.words]
    if not ok:
        return "no page could be analysed"
    words = sum(r.words for r in ok)
    lines = [
        f"{len(ok)} articles analysed ({len(results) - len(ok)} refused by extraction), "
        f"median {statistics.median(r.words for r in ok):.0f} words, {words} words in all",
        "",
        "| stage | median ms/article | p90 ms/article | mean ms/article | ms per 1,000 words |",
        "|---|---|---|---|---|",
    ]
    for stage in STAGES:
        values = [r.ms[stage] for r in ok]
        per_k = sum(values) / words * 1000
        lines.append(
            f"| {stage} | {statistics.median(values):.1f} | {_pct(values, 0.9):.1f} | "
            f"{statistics.mean(values):.1f} | {per_k:.1f} |"
        )
    total_s = sum(r.ms["total"] for r in ok) / 1000
    near = [r for r in ok if 700 <= r.words <= 1300]
    near_k = [r.ms["total"] for r in near]
    near_per_k = [r.ms["total"] / r.words * 1000 for r in near]
    lines += [
        "",
        f"- throughput: {words / total_s:,.0f} words/s on one core "
        f"({len(ok) / total_s:.1f} articles/s)",
        f"- 1,000-word article (goal <= {GOAL_MS_PER_1000_WORDS:.0f} ms incl. extraction): "
        f"{sum(r.ms['total'] for r in ok) / words * 1000:.0f} ms per 1,000 words overall; "
        + (
            f"median {statistics.median(near_k):.0f} ms over the {len(near_k)} articles of "
            f"700-1,300 words (median {statistics.median(r.words for r in near):.0f} words), "
            f"{statistics.median(near_per_k):.0f} ms per 1,000 of their words"
            if near
            else "no article of 700-1,300 words"
        ),
        f"- memory: {rss_model:.0f} MB resident after loading the model, {rss_end:.0f} MB after "
        "all pages (one worker process)",
    ]
    refused = [r for r in results if r.error]
    if refused:
        lines.append(f"- refused: {', '.join(f'{r.key[:8]} ({r.error[:40]})' for r in refused)}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="only the first N pages")
    parser.add_argument("--repeat", type=int, default=1, help="runs per page; the best counts")
    args = parser.parse_args(argv)

    from worker.pipeline.nlp import get_nlp, parse

    pages = load_pages(args.limit)
    get_nlp()
    parse("Warm-up, she said.")
    rss_model = rss_mb()
    cpu_started = time.thread_time()
    results = run(pages, args.repeat)
    cpu_s = time.thread_time() - cpu_started
    print(report(results, rss_model, rss_mb()))
    print(f"- thread time for all runs: {cpu_s:.2f} s (CPU time of this thread: compare by it)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
