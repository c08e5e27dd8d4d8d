"""Loose text after a block (issue 12, fourth round): a paragraph written as bare text under a
photo's container was lost from every body (Readability's yahoo-3 page; old CleanEval pages
write whole bodies this way).
"""

from __future__ import annotations

from lxml import html as lxml_html

from worker.pipeline.extraction import extract_article
from worker.pipeline.extraction.loose_text import wrap_loose_text

P = (
    "The minister said on Tuesday that the budget would be debated next month, and that "
    "publishers had been consulted at length about it."
)


def _page(loose: str) -> str:
    return f"""<html><head><title>Budget</title></head><body><div class="story">
    <p>{P} One.</p><p>{P} Two.</p>
    <div class="fig"><figure><img src="a.jpg"></figure><p class="legend">Jane Doe</p></div>{loose}
    <p>{P} Three.</p><p>{P} Four.</p></div></body></html>"""


def test_a_paragraph_trailing_a_photo_block_is_in_the_article():
    loose = f'{P} Loose, with a <a href="/court">link to the court</a> in it.'
    text = extract_article(_page(loose)).text
    assert f"{P} Loose, with a link to the court in it." in text.split("\n\n")
    assert text.endswith(f"{P} Four.")


def test_the_run_is_wrapped_up_to_the_next_block_and_short_tails_are_left():
    tree = lxml_html.fromstring(
        f"<div><p>a</p><div>x</div>{P} <b>bold</b> end<p>next</p>"
        "<div>y</div> | <span>z</span></div>"
    )
    wrap_loose_text(tree)
    wrapped = tree.findall("p")[1]
    assert wrapped.text_content() == f"{P} bold end"
    assert tree.findall("div")[1].tail == " | "  # a separator stays as it was


def test_text_around_empty_breaking_blocks_in_a_bare_container_is_left_whole():
    # "fake-br" layouts: a container of bare text split by empty divs is read as it stands.
    source = f'<div><p>a</p><p>b</p><div class="x">{P}<div class="br"></div>{P}</div></div>'
    tree = lxml_html.fromstring(source)
    wrap_loose_text(tree)
    assert lxml_html.tostring(tree, encoding="unicode") == source


def test_loose_text_in_a_container_without_paragraphs_is_left_whole():
    source = f"<div><div>x</div>{P}<br>{P}</div>"
    tree = lxml_html.fromstring(source)
    wrap_loose_text(tree)
    assert lxml_html.tostring(tree, encoding="unicode") == source


def test_loose_text_inside_a_paragraph_or_list_item_is_not_moved():
    source = f"<div><ul><li><b>x</b>{P}</li></ul><p><span>a</span>{P}</p></div>"
    tree = lxml_html.fromstring(source)
    wrap_loose_text(tree)
    assert lxml_html.tostring(tree, encoding="unicode") == source
