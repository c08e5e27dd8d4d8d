"""Quotation-mark pairing: the typographic cases real pages contain."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from worker.pipeline.quotes import find_quotes


def _pieces(text: str) -> list[list[str]]:
    return [[text[p.start : p.end] for p in q.pieces] for q in find_quotes(text)]


def test_straight_quotes_split_around_attribution():
    assert _pieces('"A," he said. "B."') == [["A,"], ["B."]]


def test_plain_text_archives_type_double_marks_as_two_apostrophes():
    text = "''It rained,'' the mayor said. ''We were ready.'' It's over."
    assert _pieces(text) == [["It rained,"], ["We were ready."]]


def test_two_apostrophes_beside_real_double_marks_only_close():
    # With real double marks in the text, '' is a closer typed by hand, never an opener.
    assert _pieces("\"One,'' he said. ''Two") == [["One,"]]


def test_curly_quotes_and_guillemets():
    assert _pieces("\u201cOne,\u201d she said. \u00abTwo\u00bb") == [["One,"], ["Two"]]


def test_nested_single_quotes_stay_inside_the_double_quote():
    text = "\u201cHe told me \u2018no\u2019 twice,\u201d she said."
    assert _pieces(text) == [["He told me \u2018no\u2019 twice,"]]


def test_quote_running_over_paragraphs_is_one_quote():
    text = "He said \u201cfirst part.\n\n\u201cSecond part.\n\n\u201cThird part.\u201d Done."
    assert _pieces(text) == [["first part.", "Second part.", "Third part."]]


def test_straight_quote_running_over_paragraphs():
    text = 'He said: "I am excited.\n\n"The squad excites me."\n\nThen "more" came.'
    assert _pieces(text) == [["I am excited.", "The squad excites me."], ["more"]]


def test_unclosed_quote_ends_with_its_paragraph():
    text = 'He said "this never closes\n\nNext paragraph "is fine" here.'
    assert _pieces(text) == [["this never closes"], ["is fine"]]


def test_stray_closing_mark_is_ignored():
    assert _pieces("odd\u201d start, then \u201cquoted\u201d.") == [["quoted"]]


def test_inch_marks_are_not_quotes():
    assert _pieces('a 27" screen and "a quote" here') == [["a quote"]]


def test_doubled_single_marks_close_a_double_quote():
    text = "\u201cIt was an attempt,\u2019\u2019 Moy said. \u201cAnd more.\u201d"
    assert _pieces(text) == [["It was an attempt,"], ["And more."]]


def test_apostrophes_do_not_pair_in_single_quote_texts():
    text = "\u2018We don\u2019t know,\u2019 she said."
    assert _pieces(text) == [["We don\u2019t know,"]]


@given(st.text(alphabet='ab "\u201c\u201d\u2018\u2019\n.,', max_size=200))
def test_any_marks_give_ordered_in_bounds_pieces(text):
    last = -1
    for quote in find_quotes(text):
        for piece in quote.pieces:
            assert 0 <= piece.open < piece.start <= piece.end <= len(text)
            assert piece.open > last or piece is quote.pieces[0]
            last = piece.open


def test_british_style_single_quotes_with_doubles_inside():
    text = (
        "\u2018We will not give up,\u2019 said Jane Roe. "
        "\u2018He told me \u201cno\u201d twice.\u2019"
    )
    assert _pieces(text) == [["We will not give up,"], ["He told me \u201cno\u201d twice."]]


def test_american_style_keeps_singles_as_the_inner_marks():
    text = "\u201cHe said \u2018no\u2019 and \u2018yes\u2019,\u201d Smith said. It\u2019s over."
    assert _pieces(text) == [["He said \u2018no\u2019 and \u2018yes\u2019,"]]


def test_a_single_quoted_headline_keeps_an_american_body_on_double_marks():
    text = (
        "Mayor: \u2018Not One More Closure\u2019\n\n"
        "\u201cThe library stays open,\u201d the mayor said. \u201cSo does the pool.\u201d"
    )
    assert _pieces(text) == [["The library stays open,"], ["So does the pool."]]
