"""Score sourcemark's article extraction and its peers on the same pages, in one run.

    .venv/bin/python -m benchmarks.extraction [--data DIR] [--no-memory] [--only NAME ...]

Prints one table: precision, recall and F1 (the shared set's shingle score, see
``extraction_score``), median and p90 milliseconds per page (HTML already decoded, warm process,
one page at a time, extractors interleaved page by page), and peak traced memory per page (a
second pass under tracemalloc, so timing is not disturbed by tracing). Every extractor gets the
same decoded text.
"""

from __future__ import annotations

import argparse
import gc
import statistics
import time
import tracemalloc
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from benchmarks.datasets import EXTRACTION_DIR, GET_EXTRACTION, require
from benchmarks.extraction_score import Page, Score, aggregate, compare, load_pages
from worker.pipeline.errors import PipelineError
from worker.pipeline.extraction import extract_article
from worker.pipeline.extraction.decoding import decode_bytes

DEFAULT_DATA = EXTRACTION_DIR

Extractor = Callable[[str, "str | None"], str]


def sourcemark(html: str, url: str | None) -> str:
    try:
        return extract_article(html, url).text
    except PipelineError:
        return ""


def _trafilatura(**options) -> Extractor:
    import trafilatura

    def run(html: str, url: str | None) -> str:
        return trafilatura.extract(html, url=url, **options) or ""

    return run


def _readability(html: str, url: str | None) -> str:
    from lxml import html as lxml_html
    from readability import Document

    summary = Document(html, url=url).summary(html_partial=True)
    tree = lxml_html.fromstring(summary)
    blocks = [" ".join(el.text_content().split()) for el in tree.iter("p", "li", "h2", "h3")]
    return "\n\n".join(b for b in blocks if b) or tree.text_content()


def _newspaper() -> Extractor | None:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            import newspaper
    except ImportError:
        return None

    def run(html: str, url: str | None) -> str:
        # No image fetching: it would go to the network, and this run measures extraction.
        article = newspaper.Article(url or "https://example.invalid/", fetch_images=False)
        article.download(input_html=html)
        article.parse()
        return article.text or ""

    return run


def extractors() -> dict[str, Extractor]:
    found: dict[str, Extractor] = {
        "sourcemark": sourcemark,
        "trafilatura (favor_precision)": _trafilatura(favor_precision=True),
        "trafilatura (default)": _trafilatura(),
        "trafilatura (fast)": _trafilatura(fast=True),
        "readability-lxml": _readability,
    }
    newspaper = _newspaper()
    if newspaper is not None:
        found["newspaper4k"] = newspaper
    return found


@dataclass(frozen=True)
class Row:
    name: str
    score: Score
    median_ms: float
    p90_ms: float
    peak_mib: float | None


def _run_safely(extractor: Extractor, html: str, url: str | None) -> str:
    try:
        return extractor(html, url)
    except Exception:  # a peer crashing on a page scores as empty output, as in the benchmark
        return ""


def measure(
    extractors: dict[str, Extractor], pages: list[Page], texts: list[str], memory: bool = True
) -> list[Row]:
    """Score and time every extractor on every page.

    Timing is interleaved, page by page, with the extractors' order rotating: on a shared
    machine, load that comes and goes then falls on every extractor alike instead of on
    whichever ran during it.
    """
    names = list(extractors)
    for name in names:
        _run_safely(extractors[name], texts[0], pages[0].url)  # warm imports and caches
    outputs: dict[str, list[str]] = {n: [] for n in names}
    times: dict[str, list[float]] = {n: [] for n in names}
    for i, (page, html) in enumerate(zip(pages, texts, strict=True)):
        for name in names[i % len(names) :] + names[: i % len(names)]:
            gc.disable()
            started = time.perf_counter()
            outputs[name].append(_run_safely(extractors[name], html, page.url))
            times[name].append((time.perf_counter() - started) * 1000)
            gc.enable()
    rows = []
    for name in names:
        score = aggregate(compare(p.body, o) for p, o in zip(pages, outputs[name], strict=True))
        peak = _peak_mib(extractors[name], pages, texts) if memory else None
        ordered = sorted(times[name])
        p90 = ordered[min(len(ordered) - 1, int(round(0.9 * (len(ordered) - 1))))]
        rows.append(Row(name, score, statistics.median(ordered), p90, peak))
    return rows


def _peak_mib(extractor: Extractor, pages: list[Page], texts: list[str]) -> float:
    peaks = []
    for page, html in zip(pages, texts, strict=True):
        tracemalloc.start()
        _run_safely(extractor, html, page.url)
        peaks.append(tracemalloc.get_traced_memory()[1])
        tracemalloc.stop()
    return max(peaks) / 2**20


def table(rows: list[Row]) -> str:
    lines = [
        "| extractor | P | R | F1 | median ms/page | p90 ms/page | peak MiB/page |",
        "|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        peak = f"{r.peak_mib:.1f}" if r.peak_mib is not None else "-"
        lines.append(
            f"| {r.name} | {r.score.precision:.3f} | {r.score.recall:.3f} | {r.score.f1:.3f} "
            f"| {r.median_ms:.1f} | {r.p90_ms:.1f} | {peak} |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--no-memory", action="store_true", help="skip the tracemalloc pass")
    parser.add_argument("--only", nargs="*", help="extractor names to run (substring match)")
    args = parser.parse_args(argv)
    require(args.data / "ground-truth.json", "the extraction set", GET_EXTRACTION)
    pages = list(load_pages(args.data))
    texts = [decode_bytes(p.html) for p in pages]
    chosen = {
        name: extractor
        for name, extractor in extractors().items()
        if not args.only or any(o.lower() in name.lower() for o in args.only)
    }
    rows = measure(chosen, pages, texts, memory=not args.no_memory)
    print(f"{len(pages)} pages from {args.data}")
    print(table(rows))


if __name__ == "__main__":
    main()
