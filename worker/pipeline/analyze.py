"""``analyze``: the whole pipeline for one page, timed per stage."""

from __future__ import annotations

import time

from worker.pipeline.claims import find_claims
from worker.pipeline.extraction import extract_article
from worker.pipeline.model import Analysis

# Bumped whenever a change alters what the pipeline finds, so stored results can be told apart.
PIPELINE_VERSION = "0.14.0"


def analyze(html: str, url: str | None = None) -> Analysis:
    started = time.perf_counter()
    article = extract_article(html, url)
    extracted = time.perf_counter()
    findings = find_claims(article)
    done = time.perf_counter()
    return Analysis(
        article=article,
        findings=findings,
        status="done",
        pipeline_version=PIPELINE_VERSION,
        timings={
            "extract_ms": round((extracted - started) * 1000, 1),
            "claims_ms": round((done - extracted) * 1000, 1),
        },
    )
