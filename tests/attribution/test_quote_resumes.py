"""A speaker's quotation that goes on in a later sentence of the same paragraph: after "But" or
"And" opening the next sentence (`"A," he said outside. But "B."`), and after a quote that the
reported-speech finder took over as mixed speech (`"A" before the incident, she said. "B."`).
Both used to end the quote at its first sentence."""

from __future__ import annotations

from worker.pipeline.attribution import find_attributions
from worker.pipeline.nlp import parse


def found(text: str) -> list[tuple[str, str, str]]:
    """(type, cue, content) of each attribution finding, content pieces joined by " | "."""
    return [
        (f.type, f.cue.text, " | ".join(text[c.start : c.end] for c in f.content))
        for f in find_attributions(parse(text))
    ]


def test_a_quote_resumes_after_but_opening_the_next_sentence() -> None:
    text = (
        "\u201cI don\u2019t think it\u2019s do or die, any endorsement in particular,\u201d he "
        "said outside the building. But \u201cthe candidacy is strengthened with an endorsement "
        "from the speaker. It helps.\u201d"
    )
    [(kind, cue, content)] = found(text)
    assert (kind, cue) == ("direct_quote", "said")
    assert content.endswith("It helps.")


def test_a_title_quoted_in_the_attributions_own_sentence_is_still_nobodys() -> None:
    text = '"We will win," she said on "Meet the Press." "We have the votes."'
    [(kind, cue, content)] = found(text)
    assert "Meet the Press" not in content
    assert content.endswith("We have the votes.")


def test_a_quote_after_a_mixed_quote_taken_as_reported_speech_continues_it() -> None:
    text = (
        '"People were celebrating" before the incident, she said. "And it was so peaceful. It '
        'was a festivity vibe."'
    )
    [(kind, cue, content)] = found(text)
    assert (kind, cue) == ("mixed", "said")
    assert content.startswith("People were celebrating")
    assert content.endswith("It was a festivity vibe.")
