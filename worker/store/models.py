"""Database tables (SQLAlchemy 2 declarative); schema changes go through Alembic migrations."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from worker.vocabulary import AnalysisStatus, ReviewStatus

ROLES = ("reader", "editor", "admin")


def utcnow() -> datetime:
    return datetime.now(UTC)


class Base(DeclarativeBase):
    type_annotation_map = {dict[str, Any]: JSON, datetime: DateTime(timezone=True)}


class User(Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    email: Mapped[str] = mapped_column(String(320), unique=True)
    password_hash: Mapped[str | None] = mapped_column(String(255))
    role: Mapped[str] = mapped_column(String(16), default="reader")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    tokens: Mapped[list[ApiToken]] = relationship(back_populates="user")


class ApiToken(Base):
    __tablename__ = "api_tokens"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(200))
    # Only a SHA-256 of the token is kept: a leaked database does not leak usable tokens.
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    prefix: Mapped[str] = mapped_column(String(16))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    last_used_at: Mapped[datetime | None] = mapped_column()
    revoked_at: Mapped[datetime | None] = mapped_column()

    user: Mapped[User] = relationship(back_populates="tokens")


class ArticleRow(Base):
    __tablename__ = "articles"
    __table_args__ = (
        Index("ix_articles_url_hash", "url", "content_hash"),
        Index("ix_articles_canonical_url", "canonical_url"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    url: Mapped[str] = mapped_column(Text)
    canonical_url: Mapped[str | None] = mapped_column(Text)
    site: Mapped[str | None] = mapped_column(String(255), index=True)
    title: Mapped[str | None] = mapped_column(Text)
    byline: Mapped[str | None] = mapped_column(Text)
    published: Mapped[str | None] = mapped_column(String(32))
    language: Mapped[str | None] = mapped_column(String(16))
    text: Mapped[str] = mapped_column(Text)
    content_hash: Mapped[str] = mapped_column(String(64))
    # The page as submitted (about 100 KB gzipped): read only by the worker that extracts it
    # (``analyses.claim`` asks for it), never with every load of the article.
    html_gz: Mapped[bytes | None] = mapped_column(LargeBinary, deferred=True)
    html_hash: Mapped[str | None] = mapped_column(String(64), index=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    analyses: Mapped[list[AnalysisRow]] = relationship(back_populates="article")


class AnalysisRow(Base):
    __tablename__ = "analyses"

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    article_id: Mapped[int] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), index=True
    )
    status: Mapped[str] = mapped_column(String(16), default=AnalysisStatus.QUEUED.value, index=True)
    error: Mapped[str | None] = mapped_column(Text)
    error_code: Mapped[str | None] = mapped_column(String(64))
    # Which case of ``error_code`` it was, where the pipeline tells (``no_article``: index_page,
    # too_short, empty_page, unparsable).
    error_reason: Mapped[str | None] = mapped_column(String(32))
    pipeline_version: Mapped[str] = mapped_column(String(32))
    submitted_by: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    lease_until: Mapped[datetime | None] = mapped_column()
    timings: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    enqueued_at: Mapped[datetime | None] = mapped_column()
    started_at: Mapped[datetime | None] = mapped_column()
    finished_at: Mapped[datetime | None] = mapped_column()
    # The last time a worker found the live page's text still equal to this analysis's text (a
    # re-check); the analysis is served at once to repeat clicks while this is recent.
    checked_at: Mapped[datetime | None] = mapped_column()
    # When every finding had been matched with the claims stored before it (``claim_matches``);
    # None while the pass after the readers were told has findings left to match. The overlay
    # asks again until it is set, so a verdict given elsewhere reaches the first reader too.
    matched_at: Mapped[datetime | None] = mapped_column()

    article: Mapped[ArticleRow] = relationship(back_populates="analyses")
    findings: Mapped[list[FindingRow]] = relationship(
        back_populates="analysis", order_by="FindingRow.start", cascade="all, delete-orphan"
    )


class FindingRow(Base):
    __tablename__ = "findings"
    # One row per (analysis, finding id): a redelivered task cannot store a finding twice.
    __table_args__ = (UniqueConstraint("analysis_id", "fid", name="uq_findings_analysis_fid"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    analysis_id: Mapped[str] = mapped_column(
        ForeignKey("analyses.id", ondelete="CASCADE"), index=True
    )
    fid: Mapped[str] = mapped_column(String(16))
    kind: Mapped[str] = mapped_column(String(16), index=True)
    type: Mapped[str] = mapped_column(String(32), index=True)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    speaker_name: Mapped[str | None] = mapped_column(String(255), index=True)
    confidence: Mapped[float] = mapped_column(Float, default=0.5)
    data: Mapped[dict[str, Any]] = mapped_column(JSON)
    review_status: Mapped[str] = mapped_column(
        String(16), default=ReviewStatus.NEW.value, index=True
    )
    verdict: Mapped[str | None] = mapped_column(String(16))
    note: Mapped[str | None] = mapped_column(Text)
    assignee_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    text_changed: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    updated_at: Mapped[datetime | None] = mapped_column()

    analysis: Mapped[AnalysisRow] = relationship(back_populates="findings")
    events: Mapped[list[ReviewEvent]] = relationship(
        back_populates="finding", order_by="ReviewEvent.id", cascade="all, delete-orphan"
    )
    reports: Mapped[list[ReaderReport]] = relationship(
        back_populates="finding", order_by="ReaderReport.id", cascade="all, delete-orphan"
    )


class ReviewEvent(Base):
    """One change by one person: the audit history of a finding's review."""

    __tablename__ = "review_events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    finding_id: Mapped[int] = mapped_column(
        ForeignKey("findings.id", ondelete="CASCADE"), index=True
    )
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    field: Mapped[str] = mapped_column(String(32))
    old_value: Mapped[str | None] = mapped_column(Text)
    new_value: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    # How the change came about when not typed on this finding: "match:<finding id>" (a verdict
    # applied from a reviewed finding making the same claim), "undo:<batch>".
    via: Mapped[str | None] = mapped_column(String(64))
    # The changes one action made together (one undo reverts them together).
    batch: Mapped[str | None] = mapped_column(String(32), index=True)

    finding: Mapped[FindingRow] = relationship(back_populates="events")
    user: Mapped[User | None] = relationship()


class ClaimFeaturesRow(Base):
    """A finding's claim as the matcher reads it (``worker.pipeline.claim_match.features``),
    written when the finding is first matched, so that matching it later needs no parse. A
    table of its own, not a column of ``findings``: writing it then would be an UPDATE of each
    new finding, a second entry for it in the full-text GIN index."""

    __tablename__ = "claim_features"

    finding_id: Mapped[int] = mapped_column(
        ForeignKey("findings.id", ondelete="CASCADE"), primary_key=True
    )
    features: Mapped[dict[str, Any]] = mapped_column(JSON)


class ClaimMatchRow(Base):
    """Two findings of different analyses that make the same claim (``match_claims``), stored
    once per direction so that a finding's matches are one primary-key range."""

    __tablename__ = "claim_matches"

    finding_id: Mapped[int] = mapped_column(
        ForeignKey("findings.id", ondelete="CASCADE"), primary_key=True
    )
    other_id: Mapped[int] = mapped_column(
        ForeignKey("findings.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    score: Mapped[float] = mapped_column(Float)
    reasons: Mapped[list[dict[str, str]] | None] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class ReaderReport(Base):
    """A reader's "looks wrong" on a finding, for the editors."""

    __tablename__ = "reader_reports"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    finding_id: Mapped[int] = mapped_column(
        ForeignKey("findings.id", ondelete="CASCADE"), index=True
    )
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    comment: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    finding: Mapped[FindingRow] = relationship(back_populates="reports")


class RecheckRow(Base):
    """A fresh snapshot of a page whose analysis was served from the store, kept for a worker to
    compare its text with the analysis's (``worker.tasks.recheck``)."""

    __tablename__ = "rechecks"

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    # The analysis that was served to the reader: the revision the snapshot is compared with.
    analysis_id: Mapped[str] = mapped_column(
        ForeignKey("analyses.id", ondelete="CASCADE"), index=True
    )
    url: Mapped[str] = mapped_column(Text)
    title: Mapped[str | None] = mapped_column(Text)
    html_gz: Mapped[bytes] = mapped_column(LargeBinary)
    html_hash: Mapped[str] = mapped_column(String(64))
    # queued -> running (under a lease) -> same | changed | failed
    status: Mapped[str] = mapped_column(String(16), default="queued", index=True)
    # As for analyses: a worker that dies mid re-check leaves its lease to run out, and the
    # re-check is taken up again, at most ``rechecks.MAX_ATTEMPTS`` times.
    attempts: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    lease_until: Mapped[datetime | None] = mapped_column()
    error_code: Mapped[str | None] = mapped_column(String(64))
    # The analysis of the new revision when the text changed.
    result_id: Mapped[str | None] = mapped_column(String(32))
    created_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    finished_at: Mapped[datetime | None] = mapped_column()


class FactCheckRow(Base):
    """A published fact-check (schema.org ClaimReview) imported with ``sourcemark factchecks
    import``; one row per review URL and claim, so a re-import updates rather than adds."""

    __tablename__ = "factchecks"
    __table_args__ = (UniqueConstraint("url", "claim_hash", name="uq_factchecks_url_claim"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    url: Mapped[str] = mapped_column(Text)
    claim_hash: Mapped[str] = mapped_column(String(64))
    claim: Mapped[str] = mapped_column(Text)
    rating: Mapped[str] = mapped_column(String(200))
    rating_value: Mapped[float | None] = mapped_column(Float)
    best_rating: Mapped[float | None] = mapped_column(Float)
    worst_rating: Mapped[float | None] = mapped_column(Float)
    publisher: Mapped[str] = mapped_column(String(300))
    publisher_url: Mapped[str | None] = mapped_column(Text)
    date_published: Mapped[str | None] = mapped_column(String(10))
    claim_author: Mapped[str | None] = mapped_column(String(300))
    appearances: Mapped[list[str]] = mapped_column(JSON, default=list)
    source: Mapped[str | None] = mapped_column(String(500))
    # The claim as the matcher reads it (``claim_match.features.dump``), written at import
    # (migration 0010): matching each new analysis against the fact-checks reads it, no parse.
    features: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    imported_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime | None] = mapped_column()


class FactCheckMatch(Base):
    """A fact-check that reaches a finding: ``worker.pipeline.match_claims`` said the same claim."""

    __tablename__ = "factcheck_matches"
    __table_args__ = (
        UniqueConstraint("factcheck_id", "finding_id", name="uq_factcheck_matches_pair"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    factcheck_id: Mapped[int] = mapped_column(ForeignKey("factchecks.id", ondelete="CASCADE"))
    finding_id: Mapped[int] = mapped_column(
        ForeignKey("findings.id", ondelete="CASCADE"), index=True
    )
    score: Mapped[float] = mapped_column(Float)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    factcheck: Mapped[FactCheckRow] = relationship()


class FigureRow(Base):
    """A count a finding states (``worker.pipeline.figure_compare``), written when its analysis
    finishes, so one event's figures are found by kind and day without reading every finding."""

    __tablename__ = "figures"
    __table_args__ = (Index("ix_figures_kind_day", "kind", "day"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    finding_id: Mapped[int] = mapped_column(
        ForeignKey("findings.id", ondelete="CASCADE"), index=True
    )
    analysis_id: Mapped[str] = mapped_column(
        ForeignKey("analyses.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[str] = mapped_column(String(16))
    low: Mapped[float] = mapped_column(Float)
    high: Mapped[float | None] = mapped_column(Float)  # None: no upper bound
    text: Mapped[str] = mapped_column(String(120))
    vague: Mapped[str | None] = mapped_column(String(16))
    offset: Mapped[int] = mapped_column(Integer)
    sourcing: Mapped[str] = mapped_column(String(32))
    source: Mapped[str | None] = mapped_column(String(255))
    places: Mapped[str] = mapped_column(Text)  # space-separated lower-case words
    sentence_places: Mapped[str] = mapped_column(Text)
    day: Mapped[str | None] = mapped_column(String(10))
