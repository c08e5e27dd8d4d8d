"""Unicode spaces (no-break U+00A0, thin U+2009, narrow no-break U+202F) between words: the parse
reads them as plain spaces (``nlp.parse``), so a speaker keeps the words after one, and the
finding still quotes the text as given, at offsets into it."""

from __future__ import annotations

import pytest

from worker.pipeline import find_claims

# (text, the speaker's mention as written)
CASES = [
    (
        "About 75 percent of\u00a0Democrats said the economy was getting worse, the poll found.",
        "About 75 percent of\u00a0Democrats",
    ),
    (
        "A majority of\u202fvoters in the district said they would back the measure.",
        "A majority of\u202fvoters in the district",
    ),
    (
        "\u201cThe bridge will reopen by Friday,\u201d\u00a0said\u2009Tom Reyes, the county"
        " engineer.",
        "Tom Reyes",
    ),
]


@pytest.mark.parametrize(("text", "speaker"), CASES)
def test_a_speaker_reads_across_unicode_spaces(text, speaker):
    attributions = [f for f in find_claims(text) if f.kind == "attribution"]
    assert speaker in [f.speaker.text for f in attributions]


@pytest.mark.parametrize(("text", "speaker"), CASES)
def test_findings_quote_the_text_as_given(text, speaker):
    findings = find_claims(text)
    assert findings
    for f in findings:
        assert f.text == text[f.start : f.end] == f.selector.exact
        if f.cue is not None:
            assert f.cue.text == text[f.cue.start : f.cue.end]
        if f.speaker is not None:
            assert f.speaker.text == text[f.speaker.start : f.speaker.end]
        for r in f.reasons:
            assert r.cue.text == text[r.cue.start : r.cue.end]
