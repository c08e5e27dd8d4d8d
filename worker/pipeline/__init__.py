"""The analysis pipeline as pure functions: HTML -> Article -> Findings.

Public contract (DESIGN.md): ``extract_article``, ``find_claims``, ``analyze``, ``match_claims``
and the ``Article``, ``Finding``, ``Analysis``, ``ClaimMatch`` dataclasses.
"""

from worker.pipeline.analyze import PIPELINE_VERSION, analyze
from worker.pipeline.claim_match import ClaimMatch, MatchReason, match_claims
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
    "ClaimMatch",
    "Cue",
    "Finding",
    "MatchReason",
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
    "match_claims",
]
