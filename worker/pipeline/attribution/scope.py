"""Where a source and its content may stand: both in the cue's paragraph, apart."""

from __future__ import annotations

from spacy.tokens import Span

from worker.pipeline.text import clip_to_paragraph, paragraph_bounds


def content_in_paragraph(
    text: str, at: int, mention: Span, piece: tuple[int, int], min_chars: int
) -> tuple[int, int] | None:
    """``piece`` clipped to the paragraph of the cue at character ``at``, or None when the
    source's ``mention`` lies outside that paragraph, the content is shorter than ``min_chars``
    or overlaps the mention: a speaker two paragraphs away is a guess, and content that holds
    its own speaker is a mis-parse."""
    p_start, p_end = paragraph_bounds(text, at)
    if not (p_start <= mention.start_char and mention.end_char <= p_end):
        return None
    s, e = clip_to_paragraph(text, at, piece)
    if e - s < min_chars or (mention.start_char < e and s < mention.end_char):
        return None
    return s, e
