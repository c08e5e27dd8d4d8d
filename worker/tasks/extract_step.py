"""Boilerplate stripped in the worker: the stored page of a submission -> its article.

The web request only stores what the reader sent; what only extraction can tell (no article,
not HTML, not a supported language, too long to analyse) ends the analysis as ``failed`` with
the same code and sentence the API used to answer with a 422.
"""

from __future__ import annotations

import gzip
import time
from dataclasses import dataclass

from worker.config import languages
from worker.pipeline import extract_article
from worker.pipeline.claims import check_length
from worker.pipeline.errors import UnsupportedLanguageError
from worker.pipeline.model import Article
from worker.store import session_scope
from worker.store.analyses import (
    StoredPage,
    record_extraction,
    reuse_findings,
    same_text_done,
)
from worker.tasks.match_step import first_pass_budget


def check_language(article: Article, supported: tuple[str, ...]) -> None:
    if article.language and article.language.split("-")[0] not in supported:
        raise UnsupportedLanguageError(
            f"This page looks like it is in '{article.language}'; sourcemark analyses "
            f"{', '.join(supported)} articles only."
        )


def extract_checked(html: str, url: str | None) -> tuple[Article, float]:
    """The article of ``html`` if sourcemark can analyse it (else a ``PipelineError``), and the
    milliseconds extraction took."""
    started = time.perf_counter()
    article = extract_article(html, url)
    check_length(article.text)
    check_language(article, languages())
    return article, (time.perf_counter() - started) * 1000


@dataclass(frozen=True)
class Prepared:
    text: str | None  # the article text to analyse; None when the analysis is already finished
    outcome: str = "extracted"  # or "reused": finished with an earlier analysis's findings


def prepare(analysis_id: str, page: StoredPage) -> Prepared:
    """Extract the claimed analysis's stored page (read with the claim); finish it at once when
    the same URL already has a finished analysis of the same text (a reader's snapshot with
    other ads)."""
    html = gzip.decompress(page.html_gz).decode("utf-8", "replace")
    article, extract_ms = extract_checked(html, page.url)
    with session_scope() as session:
        content_hash = record_extraction(session, analysis_id, page, article, extract_ms)
        earlier = same_text_done(session, analysis_id, page, content_hash)
        if earlier is None:
            return Prepared(article.text)
        if reuse_findings(session, analysis_id, earlier, {}, first_pass_budget()):
            return Prepared(None, "reused")
    return Prepared(article.text)
