"""A poll share's answer ends before the contrast with another share.

`52 percent said Mr. Trump would be better, compared with 41 percent for Mrs. Clinton`,
`about half say they prefer an outsider, while about 4 in 10 want experience`: what follows
the comma is the writer setting the next share beside the first, not the first share's words.
PARC-style annotation (PolNeAR) ends the first share's content before it.
"""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Doc

from worker.pipeline import lexicon
from worker.pipeline.attribution.relation import Relation
from worker.pipeline.text import text_of

_CONTRAST = re.compile(
    "|".join(rf",\s+{w}\s" for w in lexicon.SHARE_CONTRAST_OPENERS), re.IGNORECASE
)
# How far after the opener the other share must show (a number or a share word).
_REACH = 60
_SHARE = re.compile(r"\d|\b(?:" + "|".join(sorted(lexicon.SHARE_WORDS - {"in", "out"})) + r")\b")
# What is left must still say something.
MIN_KEPT_CHARS = 12


def _is_share(rel: Relation) -> bool:
    """The source is a share of respondents: a number with a share word ("46 percent",
    "six in 10 voters", "about half of voters")."""
    if rel.source is None:
        return False
    toks = list(rel.source)
    words = {t.lower_ for t in toks}
    return bool(words & {"percent", "%", "half", "majority", "third", "quarter"}) or (
        any(t.like_num for t in toks) and bool(words & lexicon.SHARE_WORDS)
    )


def cut_share_contrasts(doc: Doc, relations: list[Relation]) -> list[Relation]:
    """``relations`` with a share's content ended before `, while/compared with …` setting
    another share beside it (the content after its cue only)."""
    text = text_of(doc)
    out = []
    for rel in relations:
        if rel.type == "indirect" and rel.content and rel.content[-1][0] > rel.cue[0]:
            start, end = rel.content[-1]
            m = _CONTRAST.search(text, start, end)
            if (
                m is not None
                and _is_share(rel)
                and m.start() - start >= MIN_KEPT_CHARS
                and _SHARE.search(text, m.end(), min(end, m.end() + _REACH))
            ):
                rel = replace(rel, content=[*rel.content[:-1], (start, m.start())])
        out.append(rel)
    return out
