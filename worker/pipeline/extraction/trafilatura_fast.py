"""Trafilatura's fast, recall-leaning extraction of a tree, without the copies it does not need.

``trafilatura.bare_extraction`` serves every mode: given a tree it copies it, then copies it
twice more (one to clean, one kept for the comparison with external extractors that fast mode
never runs). For the one mode used here (fast, favor_recall, no comments, no metadata) this
runs the same steps of trafilatura's own cascade (``trafilatura.core.trafilatura_sequence``,
trafilatura 2.3.1, pinned) on a single copy, and builds the options once: the text is the same
(``tests/extraction/test_trafilatura_fast.py`` compares it with ``bare_extraction``'s).
"""

from __future__ import annotations

from copy import copy

from lxml.html import HtmlElement
from trafilatura.baseline import baseline
from trafilatura.core import _forum_thread_page
from trafilatura.htmlprocessing import convert_tags, prune_unwanted_nodes, tree_cleaning
from trafilatura.main_extractor import extract_content
from trafilatura.settings import Extractor
from trafilatura.xml import xmltotxt
from trafilatura.xpaths import RAW_TREE_PRUNE_XPATH, REMOVE_COMMENTS_AND_LISTS_XPATH

# Read-only after construction (trafilatura copies options before changing any).
_OPTIONS = Extractor(
    output_format="python",
    fast=True,
    recall=True,
    comments=False,
    tables=True,
    dedup=False,
    with_metadata=False,
)


def _options(url: str | None) -> Extractor:
    options = copy(_OPTIONS)
    options.url = url
    options.source = url and url.encode("utf-8", "replace").decode("utf-8")
    return options


def _pruned(tree: HtmlElement) -> HtmlElement:
    """The raw tree as trafilatura's cascade prunes it first (in place)."""
    is_forum = _forum_thread_page(tree)
    tree = prune_unwanted_nodes(tree, RAW_TREE_PRUNE_XPATH)
    # Comments are off: their containers are pruned, except on a thread forum (posts are text).
    if not is_forum:
        tree = prune_unwanted_nodes(tree, REMOVE_COMMENTS_AND_LISTS_XPATH)
    return tree


def fast_recall_text(tree: HtmlElement, url: str | None) -> str:
    """What ``bare_extraction(tree, url, fast=True, favor_recall=True, include_comments=False,
    with_metadata=False, deduplicate=False, include_tables=True).text`` is ('' for None).

    ``tree`` is left unchanged.
    """
    options = _options(url)
    try:
        # Cleaned in place: the uncleaned tree is wanted only by the baseline rescue, rarely,
        # and is then pruned again from the caller's unchanged tree.
        cleaned = convert_tags(tree_cleaning(_pruned(copy(tree)), options), options, url)
        body, text = extract_content(cleaned, options)
        if len(text) < options.min_extracted_size:
            b_body, b_text, b_len = baseline(_pruned(copy(tree)))
            if b_len > len(text):
                body, text = b_body, b_text
        if len(text) < options.min_output_size and options.min_output_comm_size > 0:
            return ""
    except (TypeError, ValueError):
        return ""  # bare_extraction's "discarding data"
    return xmltotxt(body, options.formatting) or ""
