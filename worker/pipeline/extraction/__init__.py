"""Article extraction: the body and metadata of a news page (first version, on trafilatura)."""

from __future__ import annotations

from urllib.parse import urlsplit

import trafilatura

from worker.pipeline.errors import NoArticleError
from worker.pipeline.model import Article


def extract_article(html: str, url: str | None = None) -> Article:
    if not html or not html.strip():
        raise NoArticleError("The page is empty.")
    doc = trafilatura.bare_extraction(html, url=url, favor_precision=True, with_metadata=True)
    if doc is None or not (doc.text or "").strip():
        raise NoArticleError("No article text was found on this page.")
    text = "\n\n".join(p.strip() for p in doc.text.split("\n") if p.strip())
    site = doc.sitename or (urlsplit(url).hostname if url else None)
    return Article(
        text=text,
        title=doc.title,
        byline=doc.author,
        published=doc.date,
        site=site,
        url=doc.url or url,
        language=doc.language or "en",
    )
