"""Plain dataclasses that flow through the pipeline and out through the API.

The JSON shapes produced by the ``to_dict`` methods are the public contract described in
DESIGN.md ("finding JSON"); tests outside this repository compare against them, so fields are
only ever added, never renamed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

ATTRIBUTION = "attribution"
UNVERIFIED = "unverified"

ATTRIBUTION_TYPES = ("direct_quote", "indirect", "according_to", "mixed", "summary")
UNVERIFIED_TYPES = (
    "unconfirmed",
    "reported",
    "anonymous_source",
    "hedged",
    "weasel",
    "unsourced_figure",
)


@dataclass(frozen=True)
class Span:
    """A half-open character range ``[start, end)`` into the analysed text."""

    start: int
    end: int

    def to_dict(self) -> dict[str, int]:
        return {"start": self.start, "end": self.end}


@dataclass(frozen=True)
class Cue:
    """The words that signal a finding: a reporting verb, "according to", "reportedly"…"""

    text: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end}


@dataclass(frozen=True)
class Speaker:
    """Who an attribution names.

    ``text`` is the mention as written (``"he"``), ``name`` the fullest name the article gives
    for it (``"Stephane Dujarric"``), ``role`` a stated role (``"spokesman"``).
    """

    text: str
    start: int
    end: int
    name: str | None = None
    role: str | None = None
    anonymous: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "name": self.name,
            "role": self.role,
            "anonymous": self.anonymous,
            "start": self.start,
            "end": self.end,
        }


@dataclass(frozen=True)
class Reason:
    """One signal behind an ``unverified`` finding, with a sentence a reader understands."""

    code: str
    cue: Cue
    explanation: str

    def to_dict(self) -> dict[str, Any]:
        return {"code": self.code, "cue": self.cue.to_dict(), "explanation": self.explanation}


@dataclass(frozen=True)
class Selector:
    """A W3C TextQuoteSelector: how the extension re-finds a finding in the live page."""

    exact: str
    prefix: str
    suffix: str

    def to_dict(self) -> dict[str, str]:
        return {"exact": self.exact, "prefix": self.prefix, "suffix": self.suffix}


SELECTOR_CONTEXT = 32


def make_selector(text: str, start: int, end: int, context: int = SELECTOR_CONTEXT) -> Selector:
    return Selector(
        exact=text[start:end],
        prefix=text[max(0, start - context) : start],
        suffix=text[end : end + context],
    )


@dataclass
class Finding:
    kind: str
    type: str
    start: int
    end: int
    text: str
    content: list[Span] = field(default_factory=list)
    cue: Cue | None = None
    speaker: Speaker | None = None
    reasons: list[Reason] = field(default_factory=list)
    confidence: float = 0.5
    id: str = ""
    selector: Selector | None = None

    def to_dict(self) -> dict[str, Any]:
        selector = self.selector or Selector(self.text, "", "")
        return {
            "id": self.id,
            "kind": self.kind,
            "type": self.type,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "selector": selector.to_dict(),
            "content": [c.to_dict() for c in self.content],
            "cue": self.cue.to_dict() if self.cue else None,
            "speaker": self.speaker.to_dict() if self.speaker else None,
            "reasons": [r.to_dict() for r in self.reasons],
            "confidence": round(float(self.confidence), 3),
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Finding:
        sel = d.get("selector")
        cue = d.get("cue")
        spk = d.get("speaker")
        return cls(
            id=d.get("id", ""),
            kind=d["kind"],
            type=d["type"],
            start=d["start"],
            end=d["end"],
            text=d["text"],
            selector=Selector(sel["exact"], sel["prefix"], sel["suffix"]) if sel else None,
            content=[Span(c["start"], c["end"]) for c in d.get("content") or []],
            cue=Cue(cue["text"], cue["start"], cue["end"]) if cue else None,
            speaker=(
                Speaker(
                    text=spk["text"],
                    start=spk["start"],
                    end=spk["end"],
                    name=spk.get("name"),
                    role=spk.get("role"),
                    anonymous=bool(spk.get("anonymous", False)),
                )
                if spk
                else None
            ),
            reasons=[
                Reason(
                    r["code"],
                    Cue(r["cue"]["text"], r["cue"]["start"], r["cue"]["end"]),
                    r["explanation"],
                )
                for r in d.get("reasons") or []
            ],
            confidence=d.get("confidence", 0.5),
        )


@dataclass
class Article:
    text: str
    title: str | None = None
    byline: str | None = None
    published: str | None = None  # ISO date, YYYY-MM-DD
    site: str | None = None
    url: str | None = None
    language: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "byline": self.byline,
            "published": self.published,
            "site": self.site,
            "url": self.url,
            "language": self.language,
            "text": self.text,
        }


@dataclass
class Analysis:
    """The result of one analysis; ``to_dict`` is exactly the API's JSON for it."""

    article: Article | None
    findings: list[Finding] = field(default_factory=list)
    id: str | None = None
    status: str = "done"
    error: str | None = None
    pipeline_version: str | None = None
    timings: dict[str, float] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "id": self.id,
            "status": self.status,
            "article": self.article.to_dict() if self.article else None,
            "findings": [f.to_dict() for f in self.findings],
        }
        if self.error:
            d["error"] = self.error
        if self.pipeline_version:
            d["pipeline_version"] = self.pipeline_version
        return d
