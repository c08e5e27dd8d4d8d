"""Trafilatura's fast, recall-leaning extraction of a tree, without the copies it does not need.

``trafilatura.bare_extraction`` serves every mode: given a tree it copies it, then copies it
twice more (one to clean, one kept for the comparison with external extractors that fast mode
never runs). For the one mode used here (fast, favor_recall, no comments, no metadata) this
runs the same steps of trafilatura's own cascade (``trafilatura.core.trafilatura_sequence``,
trafilatura 2.3.1, pinned) on a single copy, and builds the options once: the text is the same
(``tests/extraction/test_trafilatura_fast.py`` compares it with ``bare_extraction``'s).

The cascade's pruning and frame XPaths are evaluated as Python (``trafilatura_rules``): they
are most of its time otherwise. Trafilatura's own functions run, given those rules in place of
the module's XPaths (see ``_with_rules``): nothing of trafilatura is changed for other callers.
"""

from __future__ import annotations

import types
from copy import copy
from functools import cache

from lxml import etree
from lxml.etree import strip_tags
from lxml.html import HtmlElement
from trafilatura import main_extractor
from trafilatura.baseline import baseline
from trafilatura.core import _forum_thread_page
from trafilatura.htmlprocessing import (
    collect_link_info,
    convert_tags,
    is_paragraph_listing,
    prune_unwanted_nodes,
    tree_cleaning,
)
from trafilatura.main_extractor import _elem_text, handle_textelem
from trafilatura.settings import DEDUPE_SCAN_CAP, MIN_DUPLICATE_LENGTH, TAG_CATALOG, Extractor
from trafilatura.utils import LINK_FARM_RATIO, text_chars_test, trim
from trafilatura.xml import delete_element, xmltotxt
from trafilatura.xpaths import PRECISION_DISCARD_XPATH, TEASER_DISCARD_XPATH

from worker.pipeline.extraction.ascii_text import for_spaces
from worker.pipeline.extraction.htmlprocessing import text_content
from worker.pipeline.extraction.trafilatura_rules import (
    BODY_RULES,
    COMMENT_RULES,
    DISCARD_IMAGE_RULES,
    OVERALL_DISCARD_RULES,
    RAW_TREE_PRUNE_RULES,
)

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


def _with_rules(module: types.ModuleType, rules: dict[str, list], names: list[str]) -> dict:
    """Copies of ``module``'s functions ``names`` that read ``rules`` in place of its globals.

    Each copy runs the module's own code with a copy of its namespace in which the XPath lists
    are replaced by their Python rules and the functions by each other's copies (so
    ``extract_content`` calls the ``_extract`` that uses the rules); the module is untouched.
    """
    namespace = {**vars(module), **rules}
    for name in names:
        fn = getattr(module, name)
        copied = types.FunctionType(
            fn.__code__, namespace, fn.__name__, fn.__defaults__, fn.__closure__
        )
        copied.__kwdefaults__ = fn.__kwdefaults__
        namespace[name] = copied
    return namespace


_CASCADE = _with_rules(
    main_extractor,
    {
        "BODY_XPATH": BODY_RULES,
        "OVERALL_DISCARD_XPATH": OVERALL_DISCARD_RULES,
        "DISCARD_IMAGE_ELEMENTS": DISCARD_IMAGE_RULES,
    },
    ["extract_content", "_extract", "recover_wild_text"],
)


# ASCII whitespace as str.split() reads it (space, \t to \r, \x1c to \x1f) a space, others "a".
_ASCII_SPACE_MARKS = bytes(32 if chr(b).isspace() else 97 for b in range(128)) + bytes(
    range(128, 256)
)


def _trimmed_length(text: str) -> int:
    """``len(trim(text))``, without building the trimmed text when it is ASCII.

    Trimming joins the whitespace-separated words with one space: its length is the text's
    non-space characters and a space between each two words. The link-density tests read only
    this length, of every container holding a link: on nested layouts the page's text again and
    again, each time split into words and joined.
    """
    # Typographic punctuation made ASCII (the same pieces and lengths, see ascii_text).
    ascii_text = for_spaces(text)
    if ascii_text is None:
        return len(trim(text))
    marks = ascii_text.encode().translate(_ASCII_SPACE_MARKS)
    words = marks.count(b" a") + marks.startswith(b"a")
    return len(marks) - marks.count(b" ") + words - 1 if words else 0


def link_density_test(element: HtmlElement, favor_precision: bool = False) -> tuple[bool, bool]:
    """``trafilatura.htmlprocessing.link_density_test``, reading the text's trimmed length only.

    Trafilatura's code line for line, but that the element's text is measured by
    ``_trimmed_length`` (trafilatura trims it and reads only its length).
    """
    links_xpath = element.findall(".//ref")
    if not links_xpath:
        return False, False
    # preserve image containers
    if element.find(".//graphic") is not None:
        return False, False
    elemlen = _trimmed_length(text_content(element))
    # shortcut
    if len(links_xpath) == 1:
        len_threshold = 10 if favor_precision else 100
        link_text = trim(text_content(links_xpath[0]))
        if len(link_text) > len_threshold and len(link_text) > elemlen * 0.9:
            return True, False
    if element.tag == "p":
        limitlen = 60 if element.getnext() is None else 30
    elif element.getnext() is None:
        limitlen = 300
    else:
        limitlen = 100
    if elemlen < limitlen:
        linklen, elemnum, shortelems, _ = collect_link_info(links_xpath)
        if elemnum == 0:
            return True, False
        return linklen > elemlen * 0.8 or (elemnum > 1 and shortelems / elemnum > 0.8), True
    if len(links_xpath) > 4:
        linklen, elemnum, _, _ = collect_link_info(links_xpath)
        if (
            linklen > elemlen * LINK_FARM_RATIO
            and linklen < 100 * elemnum
            and not is_paragraph_listing(links_xpath)
        ):
            return True, False
    return False, False


def link_density_test_tables(element: HtmlElement) -> bool:
    """``trafilatura.htmlprocessing.link_density_test_tables``, measuring as the test above."""
    links_xpath = element.findall(".//ref")
    if not links_xpath:
        return False
    elemlen = _trimmed_length(text_content(element))
    if elemlen < 200:
        return False
    linklen, _, _, _ = collect_link_info(links_xpath)
    return linklen > 0.8 * elemlen if elemlen < 1000 else linklen > 0.5 * elemlen


@cache
def _holding_links(tagname: str) -> etree.XPath:
    """``subtree.iter(tagname)`` narrowed to the elements with a link below them, in C."""
    return etree.XPath(f"descendant-or-self::{tagname}[descendant::ref]")


def _delete_by_link_density(
    subtree: HtmlElement, tagname: str, backtracking: bool = False, favor_precision: bool = False
) -> bool:
    """``trafilatura.htmlprocessing.delete_by_link_density``, saying whether it found any."""
    deletions = []
    len_threshold = 200 if favor_precision else 100
    depth_threshold = 1 if favor_precision else 3
    # Only elements holding a link: the test passes over the others (no link, no deletion).
    for elem in _holding_links(tagname)(subtree):
        result, short_with_links = link_density_test(elem, favor_precision)
        if result or (
            backtracking
            and short_with_links
            and len(elem) >= depth_threshold
            and _trimmed_length(text_content(elem)) < len_threshold
        ):
            parent = elem.getparent()
            if tagname == "p" and parent is not None and parent.tag in ("item", "td", "th"):
                continue
            deletions.append(elem)
    for elem in dict.fromkeys(deletions):
        delete_element(elem)
    return bool(deletions)


def prune_unwanted_sections(
    tree: HtmlElement, potential_tags: set[str], options: Extractor, keep_teasers: bool = False
) -> HtmlElement:
    """``trafilatura.main_extractor.prune_unwanted_sections``, with the rules of this module.

    Trafilatura runs its link-density passes twice over the tree; when the first round
    deletes nothing the tree is as it was, so the second would decide the same and is
    skipped; the link-density tests visit only elements with a link below them (the others
    pass). Otherwise trafilatura's code, line for line.
    """
    favor_precision = options.focus == "precision"
    tree = prune_unwanted_nodes(tree, OVERALL_DISCARD_RULES, with_backup=True)
    if "graphic" not in potential_tags:
        tree = prune_unwanted_nodes(tree, DISCARD_IMAGE_RULES)
    if options.focus != "recall":
        if not keep_teasers:
            tree = prune_unwanted_nodes(tree, TEASER_DISCARD_XPATH)
        if favor_precision:
            tree = prune_unwanted_nodes(tree, PRECISION_DISCARD_XPATH)
    for _ in range(2):
        deleted = _delete_by_link_density(tree, "div", True, favor_precision)
        deleted |= _delete_by_link_density(tree, "list", False, favor_precision)
        deleted |= _delete_by_link_density(tree, "p", False, favor_precision)
        if not deleted:
            break
    if "table" in potential_tags or favor_precision:
        boilerplate_tables = [
            elem for elem in _holding_links("table")(tree) if link_density_test_tables(elem) is True
        ]
        for elem in boilerplate_tables:
            delete_element(elem, keep_tail=False)
    if favor_precision:
        while len(tree) > 0 and (tree[-1].tag == "head"):
            delete_element(tree[-1], keep_tail=False)
        _delete_by_link_density(tree, "head", False, True)
        _delete_by_link_density(tree, "quote", False, True)
    strip_tags(tree, "span", *(() if "ref" in potential_tags else ("ref",)))
    return tree


# The wild-text search (trafilatura's): paragraphs, tables, quotes and code blocks, and in recall
# mode every div, line break and list too, in document order. Trafilatura's XPath for it
# (".//code|.//p|.//quote|.//table|.//div[contains(@class, 'w3-code')]", and "|.//div|.//lb|
# .//list" in recall mode) walks the tree once per alternative and sorts the union: one walk
# over the tags takes about half its time.
_WILD_TAGS = ("code", "p", "quote", "table", "div")
_RECALL_WILD_TAGS = ("lb", "list")


def recover_wild_text(
    tree: HtmlElement,
    result_body: HtmlElement,
    options: Extractor,
    potential_tags: set[str] | None = None,
    consumed: set[HtmlElement] | None = None,
) -> HtmlElement:
    """``trafilatura.main_extractor.recover_wild_text``, with a cheaper test of emitted ancestors.

    Trafilatura skips an element when one of its ancestors was emitted whole, by walking the
    ancestors of every candidate (every div, paragraph and line break of the page: the walk
    is most of the loop on deep table layouts). Here an element emitted whole marks its
    subtree once, and a candidate is skipped when it is marked: candidates come in document
    order, so an emitted element's descendants all come after it, and nothing later changes
    a marked subtree (a later candidate is never its ancestor). The candidates are found in
    one walk (see ``_WILD_TAGS``), and a candidate's images are read only when it has no text
    (the only case they decide). Otherwise trafilatura's code, line for line.
    """
    potential_tags = set(TAG_CATALOG if potential_tags is None else potential_tags)
    recall = options.focus == "recall"
    if recall:
        potential_tags.update(["div", "lb"])
    search_tree = prune_unwanted_sections(tree, potential_tags, options, keep_teasers=options.fast)
    if recall:  # every div, the w3-code ones among them
        subelems = list(search_tree.iterdescendants(*_WILD_TAGS, *_RECALL_WILD_TAGS))
    else:
        subelems = [
            el
            for el in search_tree.iterdescendants(*_WILD_TAGS)
            if el.tag != "div" or "w3-code" in (el.get("class") or "")
        ]
    elem_texts = [_elem_text(el) for el in result_body]
    existing = "\n".join(filter(None, elem_texts))
    existing_elems = set(elem_texts)
    covered: set[HtmlElement] = set()
    for subelem in subelems:
        if subelem in covered or (consumed and subelem in consumed):
            continue
        processed = handle_textelem(subelem, potential_tags, options)
        if processed is None:
            continue
        if processed is subelem:
            covered.update(subelem.iterdescendants())
        text = _elem_text(processed)
        if not text:  # only an element without text is judged by its images: read them then
            images = {img.get("src") for img in processed.iter("graphic")}
            if images and images <= {g.get("src") for g in result_body.iter("graphic")}:
                continue
        under_cap = len(existing) <= DEDUPE_SCAN_CAP
        fragment = trim(text + (processed.tail or "")) if text_chars_test(processed.tail) else ""
        if text and (
            text in existing_elems
            or (
                under_cap
                and (
                    (len(text) > MIN_DUPLICATE_LENGTH and text in existing)
                    or (fragment and fragment in existing)
                )
            )
        ):
            continue
        result_body.append(processed)
        if under_cap:
            existing += "\n" + (fragment or text)
        existing_elems.add(text)
    return result_body


# The cascade's _extract and recover_wild_text call this one; extract_content calls this
# recover_wild_text.
_CASCADE["prune_unwanted_sections"] = prune_unwanted_sections
_CASCADE["recover_wild_text"] = recover_wild_text
extract_content = _CASCADE["extract_content"]


def _options(url: str | None) -> Extractor:
    options = copy(_OPTIONS)
    options.url = url
    options.source = url and url.encode("utf-8", "replace").decode("utf-8")
    return options


def _pruned(tree: HtmlElement) -> HtmlElement:
    """The raw tree as trafilatura's cascade prunes it first (in place)."""
    is_forum = _forum_thread_page(tree)
    tree = prune_unwanted_nodes(tree, RAW_TREE_PRUNE_RULES)
    # Comments are off: their containers are pruned, except on a thread forum (posts are text).
    if not is_forum:
        tree = prune_unwanted_nodes(tree, COMMENT_RULES)
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
