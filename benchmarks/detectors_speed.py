"""Thread time of the two detectors alone (the parse excluded) over the shared pages' bodies.

    PYTHONPATH=$PWD taskset -c 1 .venv/bin/python -m benchmarks.detectors_speed [--repeat 5]

Every body is extracted and parsed once; then, best of ``--repeat`` runs, the reading, the
attribution detector and the unverifiable-claims detector run over all of them, timed by
``time.thread_time`` (CPU time of this thread, steadier than wall time on a shared machine).
On a checkout from before the ``Reading`` (issue 15) it times the old calls instead, so two
trees can be compared back to back.
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
import time

from benchmarks.datasets import extraction_set
from benchmarks.pages import load_pages


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=5, help="runs; the fastest counts")
    args = parser.parse_args(argv)
    extraction_set()

    from worker.pipeline import extract_article
    from worker.pipeline.attribution import find_attributions
    from worker.pipeline.errors import PipelineError
    from worker.pipeline.nlp import parse
    from worker.pipeline.unverified import find_unverified

    has_reading = importlib.util.find_spec("worker.pipeline.reading") is not None
    texts = []
    for page in load_pages():
        try:
            texts.append(extract_article(page.html, page.url).text)
        except PipelineError:
            continue
    docs = [parse(t) for t in texts]
    best = float("inf")
    for _ in range(args.repeat):
        for doc in docs:
            doc.user_data.clear()  # the caches a run fills: each run starts from none
        started = time.thread_time()
        for doc in docs:
            if has_reading:
                from worker.pipeline.reading import read, with_attributions

                reading = read(doc)
                found = find_attributions(reading)
                find_unverified(with_attributions(reading, found))
            else:
                find_unverified(doc, find_attributions(doc))
        best = min(best, time.thread_time() - started)
    words = sum(len(t.split()) for t in texts)
    print(
        f"detectors: {best * 1000:.0f} ms thread time over {len(docs)} bodies, {words} words "
        f"({best / words * 1e6:.1f} ms per 1,000 words), best of {args.repeat}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
