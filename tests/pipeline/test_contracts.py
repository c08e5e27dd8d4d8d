"""The Python contracts of DESIGN.md: dataclasses, JSON shapes, offsets."""

from __future__ import annotations

from pathlib import Path

from worker.pipeline import Analysis, Article, Finding, analyze, extract_article, find_claims
from worker.pipeline.model import Cue, Reason, Span, Speaker, make_selector

SEED_PAGE = (Path(__file__).resolve().parents[1] / "data" / "seed_page.html").read_text()
FINDING_KEYS = {
    "id",
    "kind",
    "type",
    "start",
    "end",
    "text",
    "selector",
    "content",
    "cue",
    "speaker",
    "reasons",
    "confidence",
}


def test_finding_json_shape_and_round_trip():
    text = '"We are safe," said Stephane Dujarric, the spokesman.'
    finding = Finding(
        kind="attribution",
        type="direct_quote",
        start=0,
        end=len(text),
        text=text,
        id="f1",
        content=[Span(1, 12)],
        cue=Cue("said", 14, 18),
        speaker=Speaker("Stephane Dujarric", 19, 36, name="Stephane Dujarric", role="spokesman"),
        confidence=0.93,
        selector=make_selector(text, 0, len(text)),
    )
    data = finding.to_dict()
    assert set(data) == FINDING_KEYS
    assert data["content"] == [{"start": 1, "end": 12}]
    assert data["cue"] == {"text": "said", "start": 14, "end": 18}
    assert data["speaker"] == {
        "text": "Stephane Dujarric",
        "name": "Stephane Dujarric",
        "role": "spokesman",
        "anonymous": False,
        "start": 19,
        "end": 36,
    }
    assert data["selector"] == {"exact": text, "prefix": "", "suffix": ""}
    assert Finding.from_dict(data).to_dict() == data


def test_unverified_reason_json():
    reason = Reason("unconfirmed", Cue("hard to confirm", 10, 25), "Not confirmed.")
    assert reason.to_dict() == {
        "code": "unconfirmed",
        "cue": {"text": "hard to confirm", "start": 10, "end": 25},
        "explanation": "Not confirmed.",
    }


def test_anonymous_is_always_in_the_speaker_json():
    """The contract lists ``anonymous`` on every speaker: a client need not guess a default."""
    assert Speaker("he", 0, 2).to_dict()["anonymous"] is False
    assert Speaker("officials", 0, 9, anonymous=True).to_dict()["anonymous"] is True


def test_selector_context_is_32_characters():
    text = "a" * 50 + "QUOTE" + "b" * 50
    sel = make_selector(text, 50, 55)
    assert sel.exact == "QUOTE" and sel.prefix == "a" * 32 and sel.suffix == "b" * 32


def test_find_claims_offsets_index_the_given_string():
    text = (
        '"It needs to be done peacefully," he said.\n\n'
        "Officials said the talks would continue, Stephane Dujarric told reporters."
    )
    findings = find_claims(text)
    assert findings
    for number, finding in enumerate(findings, start=1):
        assert finding.id == f"f{number}"
        assert text[finding.start : finding.end] == finding.text
        assert finding.selector is not None and finding.selector.exact == finding.text
    assert find_claims("") == [] and find_claims("   \n ") == []


def test_find_claims_accepts_an_article():
    article = Article(text='"We will stay," the minister said.')
    assert [f.to_dict() for f in find_claims(article)] == [
        f.to_dict() for f in find_claims(article.text)
    ]


def test_analyze_is_extract_then_find():
    analysis = analyze(SEED_PAGE, "https://www.chinadaily.com.cn/a/x.html")
    assert isinstance(analysis, Analysis)
    assert analysis.article == extract_article(SEED_PAGE, "https://www.chinadaily.com.cn/a/x.html")
    data = analysis.to_dict()
    assert set(data) >= {"id", "status", "article", "findings"}
    assert data["status"] == "done"
    assert set(data["article"]) >= {
        "title",
        "byline",
        "published",
        "site",
        "url",
        "text",
        "language",
    }
    assert [f["id"] for f in data["findings"]] == [f.id for f in analysis.findings]
    for finding in data["findings"]:
        assert set(finding) >= FINDING_KEYS
        if finding["speaker"] is not None:
            assert isinstance(finding["speaker"]["anonymous"], bool), finding["speaker"]


def test_find_claims_refuses_a_text_longer_than_it_can_parse_in_time():
    import pytest

    from worker.pipeline import ArticleTooLongError
    from worker.pipeline.claims import MAX_TEXT_CHARS

    sentence = "The minister said the committee would meet again on Monday. "
    long_text = sentence * (MAX_TEXT_CHARS // len(sentence) + 1)
    with pytest.raises(ArticleTooLongError, match="characters") as raised:
        find_claims(long_text)
    assert raised.value.code == "article_too_long"
