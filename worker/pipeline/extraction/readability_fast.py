"""Trafilatura's readability opinion (``try_readability``) with link lengths counted once.

Readability scales each candidate container's score by its link density: the text length of
every link in it over its own. Candidates are the parent and grandparent of every paragraph, so
on nested layouts (tables in tables, divs in divs) each link is measured again for every
candidate holding it: about 40% of readability's time on CleanEval's pages. Nothing changes the
tree while the candidates are scored, so each link's length is measured once and remembered for
that pass; the rest is trafilatura's own code (trafilatura 2.3.1, pinned), but for the
parser the summary is read back with (see ``_parser``), and
``tests/extraction/test_readability_fast.py`` compares the output with ``try_readability``'s.
"""

from __future__ import annotations

import logging
import threading

from lxml import etree
from lxml import html as lxml_html
from lxml.html import HtmlElement
from trafilatura.readability_lxml import FRAME_TAGS, REGEXES, Candidate, Document, text_length

from worker.pipeline.extraction.htmlprocessing import ELEMENT_LOOKUP

LOGGER = logging.getLogger(__name__)

# The summary is parsed back as trafilatura's ``fromstring_bytes`` does (its parser's options),
# but with lxml's C-level element lookup, as the page itself is (see htmlprocessing): the
# Python lookup of lxml.html is called for every element the caller then visits. Parsers are
# not shared between threads.
_PARSERS = threading.local()


def _parser() -> lxml_html.HTMLParser:
    parser = getattr(_PARSERS, "parser", None)
    if parser is None:
        # trafilatura.utils.HTML_PARSER's options.
        parser = _PARSERS.parser = lxml_html.HTMLParser(
            collect_ids=False,
            default_doctype=False,
            encoding="utf-8",
            remove_comments=True,
            remove_pis=True,
        )
        parser.set_element_class_lookup(ELEMENT_LOOKUP)
    return parser


def _fromstring_bytes(text: str) -> HtmlElement | None:
    """``trafilatura.utils.fromstring_bytes``, on the parser above."""
    try:
        return lxml_html.fromstring(text.encode("utf8", "surrogatepass"), parser=_parser())
    except Exception as err:  # noqa: BLE001 - as trafilatura: an unparsable summary is none
        LOGGER.error("lxml parser bytestring %s", err)
    return None


# The elements readability's unlikely-candidate pass can judge: without a class or an id their
# attribute text is empty and it passes over them (see remove_unlikely_candidates).
_NAMED = etree.XPath(".//*[@class or @id]")


class _Document(Document):
    """Readability's document, remembering link lengths while its paragraphs are scored."""

    __slots__ = ["_link_lengths"]

    def __init__(self, doc: HtmlElement, min_text_length: int = 25) -> None:
        super().__init__(doc, min_text_length=min_text_length)
        self._link_lengths: dict[HtmlElement, int] | None = None

    def score_paragraphs(self) -> dict[HtmlElement, Candidate]:
        # Only while scoring: sanitize measures links again after it has edited the tree.
        self._link_lengths = {}
        try:
            return super().score_paragraphs()
        finally:
            self._link_lengths = None

    def remove_unlikely_candidates(self) -> None:
        # Trafilatura's, over the elements with a class or an id only, selected in C: it reads
        # every element's attributes in Python and skips those whose class and id are empty
        # (most of a page). The same elements, in the same order, get the same verdicts.
        verdicts: dict[str, bool] = {}
        for elem in _NAMED(self.doc):
            attrs = " ".join(filter(None, (elem.get("class"), elem.get("id"))))
            if len(attrs) < 2 or elem.tag in FRAME_TAGS:
                continue
            if attrs not in verdicts:
                low = attrs.lower()
                verdicts[attrs] = bool(REGEXES["unlikelyCandidatesRe"].search(low)) and not REGEXES[
                    "okMaybeItsACandidateRe"
                ].search(low)
            if verdicts[attrs]:
                elem.drop_tree()

    def get_link_density(self, elem: HtmlElement) -> float:
        lengths = self._link_lengths
        if lengths is None:
            return super().get_link_density(elem)
        total_length = text_length(elem) or 1
        link_length = 0
        for link in elem.findall(".//a"):
            length = lengths.get(link)
            if length is None:
                length = lengths[link] = text_length(link)
            link_length += length
        return link_length / total_length


def try_readability(htmlinput: HtmlElement) -> HtmlElement:
    """What ``trafilatura.external.try_readability(htmlinput)`` returns (it edits the tree)."""
    try:
        doc = _Document(htmlinput, min_text_length=25)
        summary = _fromstring_bytes(doc.summary())
        return summary if summary is not None else HtmlElement()
    except Exception as err:  # noqa: BLE001 - trafilatura's own net: any failure is no opinion
        LOGGER.warning("readability_lxml failed: %s", err)
        return HtmlElement()
