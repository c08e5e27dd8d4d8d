"""Give loose text after a block its own paragraph, so that the extractors see it.

Templates sometimes leave a paragraph of the story as bare text after a block element inside the
body's container: ``<div class="figure">…</div>The Federal Flag Code has guidelines…``.
Trafilatura reads a container's blocks and skips the text that trails one of them, so such a
paragraph (often the one right under a photo or an embed) is lost from every body it offers.
Wrapping the run (the text and the inline elements up to the next block) in a ``<p>`` makes it a
paragraph like its neighbours; short runs (separators, labels) are left alone.
"""

from __future__ import annotations

from lxml import etree

# A run this long (whitespace collapsed) is a sentence or more of text, not a separator.
MIN_LOOSE_CHARS = 80
# The container holds at least this many <p> children: the story is written in paragraphs.
MIN_SIBLING_PARAGRAPHS = 2
# Block elements: text trailing one of these sits between paragraphs, not inside a line.
_BLOCKS = frozenset(
    {
        "div",
        "p",
        "figure",
        "table",
        "ul",
        "ol",
        "dl",
        "blockquote",
        "section",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "pre",
        "header",
        "form",
        "hr",
    }
)
# Containers whose loose text is body text; inside a <p> or a list item it is already in one.
_CONTAINERS = frozenset({"div", "section", "article", "main", "td", "body"})
# Long text nodes only: libxml2 finds them without a Python object for every element.
_LONG_TEXT = etree.XPath(
    f".//text()[string-length(normalize-space(.)) >= {MIN_LOOSE_CHARS}]", smart_strings=True
)


def wrap_loose_text(body: etree._Element) -> None:
    """Wrap each long run of text that trails a block element in a ``<p>`` (in place)."""
    for node in _LONG_TEXT(body):
        if not node.is_tail:
            continue
        block = node.getparent()
        container = block.getparent() if block is not None else None
        if (
            container is None
            or not isinstance(block.tag, str)
            or block.tag not in _BLOCKS
            or container.tag not in _CONTAINERS
            # An empty block is a line break in disguise ("fake-br" divs): the text around it
            # is one container's lines, which the extractors read as such.
            or not block.text_content().strip()
            # Only in a body written in paragraphs is a loose run the odd one out; a container
            # of bare text and breaks is read whole.
            or len(container.findall("p")) < MIN_SIBLING_PARAGRAPHS
        ):
            continue
        paragraph = etree.Element("p")
        paragraph.text = block.tail
        block.tail = None
        # The inline elements that continue the run (links, emphasis) go with it.
        run = []
        for sibling in block.itersiblings():
            if not isinstance(sibling.tag, str) or sibling.tag in _BLOCKS or sibling.tag == "br":
                break
            run.append(sibling)
        for sibling in run:
            paragraph.append(sibling)
        block.addnext(paragraph)
