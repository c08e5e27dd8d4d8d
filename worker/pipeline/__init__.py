"""The analysis pipeline as pure functions: HTML -> Article -> Findings.

Public contract (DESIGN.md): ``extract_article``, ``find_claims``, ``analyze`` and the
``Article``, ``Finding``, ``Analysis`` dataclasses.
"""

from worker.pipeline.analyze import PIPELINE_VERSION, analyze
from worker.pipeline.claims import find_claims
from worker.pipeline.errors import (
    ArticleTooLongError,
    NoArticleError,
    NotHTMLError,
    PageTooComplexError,
    PipelineError,
)
from worker.pipeline.extraction import extract_article
from worker.pipeline.model import Analysis, Article, Cue, Finding, Reason, Selector, Span, Speaker

__all__ = [
    "PIPELINE_VERSION",
    "Analysis",
    "Article",
    "ArticleTooLongError",
    "Cue",
    "Finding",
    "NoArticleError",
    "NotHTMLError",
    "PageTooComplexError",
    "PipelineError",
    "Reason",
    "Selector",
    "Speaker",
    "Span",
    "analyze",
    "extract_article",
    "find_claims",
]
