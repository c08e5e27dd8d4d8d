"""Median thread time per page: sourcemark against trafilatura's default, on the dev pages of a set.

    .venv/bin/python -m benchmarks.extraction_speed [--sets cleaneval-final readability] [--runs 2]
        [--precision]

Thread time (``time.thread_time``), not wall time, so that other processes on a shared machine
disturb the figure less; the two extractors are interleaved page by page, HTML already decoded,
in a warm process, and each run's medians are printed (the goal: sourcemark no slower). Dev
pages only, like every figure used while changing the code. ``--precision`` times
trafilatura's favor_precision mode too, interleaved with the other two.
"""

from __future__ import annotations

import argparse
import gc
import statistics
import sys
import time

from benchmarks.extraction import _trafilatura
from benchmarks.extraction_sets import _split, load_set, require_cached, sourcemark_output
from benchmarks.extraction_split import frozen_ids
from benchmarks.fetch_extraction_data import SETS


def _timed(fn, page) -> float:
    gc.disable()
    started = time.thread_time()
    fn(page)
    spent = time.thread_time() - started
    gc.enable()
    return spent * 1000


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sets", nargs="*", default=["cleaneval-final", "readability"])
    parser.add_argument("--runs", type=int, default=2)
    parser.add_argument(
        "--precision", action="store_true", help="time trafilatura (favor_precision) as well"
    )
    args = parser.parse_args(argv)
    unknown = [s for s in args.sets if s not in SETS]
    if unknown:
        parser.error(f"unknown sets {unknown}; known: {list(SETS)}")
    require_cached(args.sets)
    peer = _trafilatura()
    extractors = {
        "sourcemark": sourcemark_output,
        "trafilatura (default)": lambda page: peer(page.html, page.url),
    }
    if args.precision:
        precise = _trafilatura(favor_precision=True)
        extractors["trafilatura (favor_precision)"] = lambda page: precise(page.html, page.url)
    frozen = frozen_ids()
    for set_name in args.sets:
        pages, _ = _split(load_set(set_name), frozen.get(set_name, frozenset()))
        for page in pages[:3]:  # warm both (imports, caches) before timing
            for fn in extractors.values():
                fn(page)
        for run in range(args.runs):
            ms: dict[str, list[float]] = {name: [] for name in extractors}
            names = list(extractors)
            for i, page in enumerate(pages):
                # Each extractor goes first in turn, so none is always timed after another.
                shift = i % len(names)
                for name in names[shift:] + names[:shift]:
                    ms[name].append(_timed(extractors[name], page))
            mine, *theirs = (statistics.median(ms[n]) for n in names)
            peers = ", ".join(
                f"{name} {median:.1f} ms, ratio {mine / median:.2f}"
                for name, median in zip(names[1:], theirs, strict=True)
            )
            print(
                f"{set_name} run {run + 1} ({len(pages)} dev pages): sourcemark {mine:.1f} ms, "
                f"{peers}"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
