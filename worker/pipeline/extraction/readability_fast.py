"""Trafilatura's readability opinion (``try_readability``) with text and link lengths counted once.

Readability scales each candidate container's score by its link density: the text length of
every link in it over its own. Candidates are the parent and grandparent of every paragraph, so
on nested layouts (tables in tables, divs in divs) each link is measured again for every
candidate holding it: about 40% of readability's time on CleanEval's pages. Nothing changes the
tree while the candidates are scored, so each link's length is measured once and remembered for
that pass. Each candidate's own text length (the divisor) is put together from its children's
(the paragraphs scored before it and the candidates inside it) rather than read again from the
whole text below it, which on tables in tables was read once per enclosing container. The rest
is trafilatura's own code (trafilatura 2.3.1, pinned), but for the
parser the summary is read back with (see ``_parser``), and
``tests/extraction/test_readability_fast.py`` compares the output with ``try_readability``'s.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass

from lxml import etree
from lxml import html as lxml_html
from lxml.html import HtmlElement
from trafilatura.readability_lxml import FRAME_TAGS, REGEXES, Candidate, Document
from trafilatura.utils import trim

from worker.pipeline.extraction.ascii_text import for_spaces
from worker.pipeline.extraction.htmlprocessing import ELEMENT_LOOKUP, text_content

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


@dataclass(slots=True)  # not frozen: a frozen dataclass is built several times slower
class _Measure:
    """What ``len(trim(text))`` of a concatenation needs to know of each piece of it.

    ``trim`` joins the whitespace-separated words with one space, so the trimmed length is the
    words' characters plus one space between each two words; two pieces glue into one word
    where the first ends and the second starts with a non-space character. An empty piece
    (``empty``) glues nothing apart, a piece of spaces alone separates.
    """

    chars: int = 0
    words: int = 0
    glued_start: bool = False
    glued_end: bool = False
    empty: bool = True

    @property
    def length(self) -> int:
        return self.chars + self.words - 1 if self.words else 0

    def __add__(self, other: _Measure) -> _Measure:
        if self.empty:
            return other
        if other.empty:
            return self
        glued = self.glued_end and other.glued_start
        return _Measure(
            self.chars + other.chars,
            self.words + other.words - glued,
            self.glued_start,
            other.glued_end,
            False,
        )


_EMPTY = _Measure()


# ASCII whitespace as str.split() reads it (space, \t to \r, \x1c to \x1f) a space, others "a".
_ASCII_SPACE_MARKS = bytes(32 if chr(b).isspace() else 97 for b in range(128)) + bytes(
    range(128, 256)
)


def _measure_of(
    text: str | None, words: list[str] | None = None, trimmed_length: int | None = None
) -> _Measure:
    """The measure of one piece of text (its words and trimmed length if already known)."""
    if not text:
        return _EMPTY
    # Typographic punctuation made ASCII (the same pieces and lengths, see ascii_text).
    ascii_text = for_spaces(text) if words is None else None
    if ascii_text is not None:
        # Counted on a byte table rather than split into words: a word starts at each " a".
        marks = ascii_text.encode().translate(_ASCII_SPACE_MARKS)
        count = marks.count(b" a") + marks.startswith(b"a")
        if not count:
            return _Measure(empty=False)
        chars = len(marks) - marks.count(b" ")
        return _Measure(chars, count, not text[0].isspace(), not text[-1].isspace(), False)
    if words is None:
        words = text.split()
    if not words:
        return _Measure(empty=False)
    if trimmed_length is None:
        trimmed_length = sum(map(len, words)) + len(words) - 1
    return _Measure(
        trimmed_length - len(words) + 1,
        len(words),
        not text[0].isspace(),
        not text[-1].isspace(),
        False,
    )


# The elements readability's unlikely-candidate pass can judge: without a class or an id their
# attribute text is empty and it passes over them (see remove_unlikely_candidates).
_NAMED = etree.XPath(".//*[@class or @id]")


class _Document(Document):
    """Readability's document, remembering text lengths while its paragraphs are scored."""

    __slots__ = ["_candidates", "_link_lengths", "_measures"]

    def __init__(self, doc: HtmlElement, min_text_length: int = 25) -> None:
        super().__init__(doc, min_text_length=min_text_length)
        self._link_lengths: dict[HtmlElement, int] | None = None
        self._measures: dict[HtmlElement, _Measure] = {}
        self._candidates: dict[HtmlElement, Candidate] = {}

    def score_paragraphs(self) -> dict[HtmlElement, Candidate]:
        # Only while scoring: sanitize measures links again after it has edited the tree.
        self._link_lengths = {}
        try:
            return self._score_paragraphs()
        finally:
            self._link_lengths = None
            self._measures = {}
            self._candidates = {}

    def _score_paragraphs(self) -> dict[HtmlElement, Candidate]:
        """Trafilatura's ``score_paragraphs``, measuring each container's text once.

        A candidate's link density divides by its text length; on nested layouts (tables in
        tables) trafilatura measures each candidate's whole text, so the text of the deepest
        cells is read once per container holding it. Here each paragraph's measure is kept and
        a candidate's is put together from its children's (see ``_Measure``); the tree does not
        change in between, and the lengths are the same as ``text_length``'s.
        """
        candidates: dict[HtmlElement, Candidate] = {}
        measures = self._measures
        for elem in self.doc.iter("p", "pre", "td"):
            parent_node = elem.getparent()
            if parent_node is None:
                continue
            grand_parent_node = parent_node.getparent()

            raw = text_content(elem)
            measure = measures[elem] = _measure_of(raw)
            elem_text_len = measure.length  # len(trim(raw))

            # discard too short paragraphs
            if elem_text_len < self.min_text_length:
                continue

            for node in (parent_node, grand_parent_node):
                if node is not None and node not in candidates:
                    candidates[node] = self.score_node(node)

            # Trimming does not touch commas: the trimmed text's pieces are the raw text's.
            score = 1 + (raw.count(",") + 1) + min((elem_text_len / 100), 3)

            candidates[parent_node].score += score
            if grand_parent_node is not None:
                candidates[grand_parent_node].score += score / 2

        self._candidates = candidates
        for elem, candidate in candidates.items():
            candidate.score *= 1 - self.get_link_density(elem)
        return candidates

    def _measure(self, elem: HtmlElement) -> _Measure:
        """The measure of ``elem``'s text content, from its children's where one is known.

        Children that are candidates are measured the same way (recursion over candidates
        only: the tree is at most ``MAX_DEPTH`` deep); other children by their own text.
        """
        known = self._measures.get(elem)
        if known is not None:
            return known
        total = _measure_of(elem.text)
        for child in elem:
            if isinstance(child.tag, str):
                if child in self._measures or child in self._candidates:
                    total = total + self._measure(child)
                else:
                    total = total + _measure_of(text_content(child))
            elif not isinstance(child, (etree._Comment, etree._ProcessingInstruction)):
                # An entity reference: measured as readability measures it, whole.
                total = _measure_of(text_content(elem))
                break
            total = total + _measure_of(child.tail)
        self._measures[elem] = total
        return total

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
        total_length = self._measure(elem).length or 1
        link_length = 0
        for link in elem.findall(".//a"):
            length = lengths.get(link)
            if length is None:
                length = lengths[link] = len(trim(text_content(link)))  # text_length
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
