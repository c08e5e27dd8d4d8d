"""The words sourcemark's data is spelled with, each defined once: analysis statuses, finding
kinds and types, review statuses and verdicts, and the names readers and editors see for them.

Everything else takes them from here: the store's columns and queries, the API's validation and
its OpenAPI enums, the web view's forms, templates and (through a JSON block in the page) its
script, the exports and the CLI. Adding a word here is the one change; ``tests/test_vocabulary.py``
fails until every consumer offers it (a label, a keyboard shortcut) and whenever a template or
the script spells a word of its own.

The members are ``StrEnum``s, so ``AnalysisStatus.DONE == "done"`` and they go into SQL, JSON and
templates as the plain words. Finding kinds and types belong to the pipeline's model
(``worker.pipeline.model``): they are only given names here.
"""

from __future__ import annotations

from enum import StrEnum

from worker.pipeline.model import ATTRIBUTION, ATTRIBUTION_TYPES, UNVERIFIED, UNVERIFIED_TYPES


class AnalysisStatus(StrEnum):
    """Where an analysis is: waiting in the queue, being worked on, finished either way."""

    QUEUED = "queued"
    RUNNING = "running"
    DONE = "done"
    FAILED = "failed"


class ReviewStatus(StrEnum):
    """An editor's decision on a finding."""

    NEW = "new"
    CONFIRMED = "confirmed"
    DISMISSED = "dismissed"
    FOLLOW_UP = "follow_up"


class Verdict(StrEnum):
    """What an editor found out about a claim (the ClaimReview rating)."""

    UNVERIFIED = "unverified"
    CONFIRMED = "confirmed"
    FALSE = "false"
    MISLEADING = "misleading"


class Kind(StrEnum):
    ATTRIBUTION = ATTRIBUTION
    UNVERIFIED = UNVERIFIED


TYPES_BY_KIND: dict[Kind, tuple[str, ...]] = {
    Kind.ATTRIBUTION: ATTRIBUTION_TYPES,
    Kind.UNVERIFIED: UNVERIFIED_TYPES,
}
# Named members for the pipeline's type words: FindingType.ANONYMOUS_SOURCE == "anonymous_source".
FindingType = StrEnum(
    "FindingType", {t.upper(): t for types in TYPES_BY_KIND.values() for t in types}
)

# The words as plain tuples, for membership tests, messages and JSON.
ANALYSIS_STATUSES: tuple[str, ...] = tuple(s.value for s in AnalysisStatus)
# An analysis in one of these will not change any more.
FINISHED: tuple[str, ...] = (AnalysisStatus.DONE.value, AnalysisStatus.FAILED.value)
REVIEW_STATUSES: tuple[str, ...] = tuple(s.value for s in ReviewStatus)
# A verdict on a finding in one of these is not shown to readers of other articles making the
# same claim: "follow up" is a desk still working on it (a draft), "dismissed" a wrong finding.
DRAFT_STATUSES: tuple[str, ...] = (ReviewStatus.FOLLOW_UP.value, ReviewStatus.DISMISSED.value)
VERDICTS: tuple[str, ...] = tuple(v.value for v in Verdict)
KINDS: tuple[str, ...] = tuple(k.value for k in Kind)
TYPES: tuple[str, ...] = tuple(t.value for t in FindingType)

# --- what people read ------------------------------------------------------------------------

STATUS_LABELS: dict[str, str] = {
    ReviewStatus.NEW: "New",
    ReviewStatus.CONFIRMED: "Confirmed",
    ReviewStatus.DISMISSED: "Dismissed",
    ReviewStatus.FOLLOW_UP: "Needs follow-up",
}
VERDICT_LABELS: dict[str, str] = {
    Verdict.UNVERIFIED: "Still unverified",
    Verdict.CONFIRMED: "Since confirmed",
    Verdict.FALSE: "False",
    Verdict.MISLEADING: "Misleading",
}
KIND_LABELS: dict[str, str] = {
    Kind.ATTRIBUTION: "Attributed statements",
    Kind.UNVERIFIED: "Unverifiable claims",
}
TYPE_LABELS: dict[str, str] = {
    FindingType.DIRECT_QUOTE: "Direct quote",
    FindingType.INDIRECT: "Indirect",
    FindingType.ACCORDING_TO: "According to",
    FindingType.MIXED: "Mixed quote",
    FindingType.SUMMARY: "Summed up",
    FindingType.UNCONFIRMED: "Unconfirmed",
    FindingType.REPORTED: "Reported",
    FindingType.ANONYMOUS_SOURCE: "Anonymous source",
    FindingType.HEDGED: "Hedged",
    FindingType.WEASEL: "Weasel words",
    FindingType.UNSOURCED_FIGURE: "Unsourced figure",
}
