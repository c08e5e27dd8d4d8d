"""Quotations that continue an attribution past the words around its cue.

`"A," said Cuban, host of the show "Shark Tank." "B."` and `"A," she said on "Meet the Press."
"B."`: a title or a phrase quoted inside the attribution's own sentence is no part of the
speaker's quote, and B still continues it (``direct.link_quotes`` asks ``inside_tail``).

A quotation paragraph with no cue of its own after a closed quote is left alone: PolNeAR marks
it as more of the attribution before it, our own annotation convention does not annotate it
(``tests/data/attribution/README.md``), and extending the content over it cost our set more
than it gained on PolNeAR (dev statements R +0.002; our set F1 -0.008).
"""

from __future__ import annotations

from worker.pipeline.attribution.relation import Relation
from worker.pipeline.quotes import Quote

OPENING_MARKS = "'`\u2018\u201c\""


def inside_tail(text: str, rel: Relation, quote: Quote) -> bool:
    """The quotation sits inside the sentence of ``rel``'s cue, after it: a quotation opened
    right after a word (`on "Meet the Press"`, `together "tubular mixers"`) rather than after
    the comma, colon or full stop that lets a speaker's quote resume, or one inside the
    speaker's description."""
    if quote.open < rel.cue[1]:
        return False
    before = text[: quote.open].rstrip(OPENING_MARKS + " \t\u00a0")  # a doubled mark: '' or ``
    if before[-1:].isalnum() and "\n" not in text[rel.cue[1] : quote.open]:
        return True
    return in_speaker_description(rel, quote)


def in_speaker_description(rel: Relation, quote: Quote) -> bool:
    """The quotation sits in the description of the speaker after the cue (`said Cuban, host
    of the show "Shark Tank."`, `said Ekovich, who noted prices had "cratered"`): a title or
    a phrase of the description's, not more of the speaker's words."""
    if rel.source is None or not rel.source.start_char > rel.cue[0]:
        return False
    head = rel.source.root
    left = head.doc[head.left_edge.i]
    right = head.doc[head.right_edge.i]
    return (
        rel.source.end_char <= quote.open
        and left.idx <= quote.open
        and quote.end <= right.idx + len(right.text)
    )
