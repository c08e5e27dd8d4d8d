"""A speaker the parse hangs on an earlier noun as an apposition (`In a statement to the
Observer, her senior policy adviser, Jake Sullivan, said: "…"`): the name closed by a comma right
before the cue is its subject, and the quotation after the colon is his."""

from __future__ import annotations

from worker.pipeline.attribution import find_attributions
from worker.pipeline.nlp import parse


def test_an_apposition_right_before_the_cue_speaks_the_quote_after_the_colon() -> None:
    text = (
        "In a statement to the\u00a0Observer, her senior policy adviser, Jake Sullivan, said: "
        "\u201cHillary Clinton believes that transatlantic cooperation is essential, and that "
        "cooperation is strongest when Europe is united. She has always valued a strong United "
        "Kingdom in a strong EU.\u201d"
    )
    quotes = [f for f in find_attributions(parse(text)) if f.type == "direct_quote"]
    assert len(quotes) == 1
    assert quotes[0].speaker.text == "Jake Sullivan"
    assert text[quotes[0].content[0].start :].startswith("Hillary Clinton believes")
