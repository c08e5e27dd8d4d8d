"""A source and its content stand in the cue's paragraph, apart from each other."""

from __future__ import annotations

from worker.pipeline.attribution.scope import content_in_paragraph
from worker.pipeline.nlp import parse
from worker.pipeline.text import clip_to_paragraph


def _mention(doc, word: str):  # noqa: ANN001, ANN202
    tok = next(t for t in doc if t.text == word)
    return doc[tok.i : tok.i + 1]


def test_content_is_clipped_to_the_cue_paragraph_and_trimmed() -> None:
    text = "Lee said the talks would resume.\nThe next day it rained."
    doc = parse(text)
    start = text.index("the talks")
    got = content_in_paragraph(
        text, text.index("said"), _mention(doc, "Lee"), (start, len(text)), 3
    )
    assert got is not None
    assert text[got[0] : got[1]] == "the talks would resume."


def test_a_source_in_another_paragraph_is_no_source() -> None:
    text = "Lee spoke.\nThe talks would resume, said the note."
    doc = parse(text)
    start = text.index("The talks")
    cue = text.index("said")
    assert content_in_paragraph(text, cue, _mention(doc, "Lee"), (start, cue), 3) is None


def test_content_shorter_than_the_minimum_or_over_the_source_is_dropped() -> None:
    text = "Lee said no."
    doc = parse(text)
    lee = _mention(doc, "Lee")
    no = (text.index("no"), text.index("no") + 2)
    assert content_in_paragraph(text, text.index("said"), lee, no, 3) is None
    assert content_in_paragraph(text, text.index("said"), lee, no, 2) == no
    assert content_in_paragraph(text, text.index("said"), lee, (0, len(text)), 2) is None


def test_clip_to_paragraph_keeps_a_span_inside_one_paragraph() -> None:
    text = "First one.\n  Second, longer one.  \nThird."
    s, e = clip_to_paragraph(text, text.index("Second"), (0, len(text)))
    assert text[s:e] == "Second, longer one."
