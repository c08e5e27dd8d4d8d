"""Choose the article body by combining two independent judgements of where it is.

Trafilatura's rule cascade (fast mode: its own readability comparison is done here instead) gives
the body as ordered blocks with good recall; readability's scoring of the densest prose container
gives a second, differently-biased opinion. Where they agree the text is almost surely article.
Boilerplate sits at the edges of what trafilatura keeps (teasers above, related stories, comment
threads and notices below), so blocks at the edges that readability does not support are trimmed,
while everything between the first and last agreed blocks is kept — that keeps the sub-headings,
lists, quotes and multi-part bodies that readability alone drops.
"""

from __future__ import annotations

import re
from copy import deepcopy
from dataclasses import dataclass
from functools import lru_cache

from lxml.html import HtmlElement

from worker.pipeline.extraction.filters import (
    Context,
    flat,
    is_furniture,
    is_prose,
    is_slide_label,
    is_tail_heading,
    is_title,
    word_string,
)
from worker.pipeline.extraction.readability_fast import try_readability
from worker.pipeline.extraction.trafilatura_fast import fast_recall_text

_WORD = re.compile(r"\w+", re.UNICODE)
_BLOCK_TAGS = ("p", "li", "h2", "h3", "h4", "h5", "h6", "pre", "blockquote", "dd", "dt", "td")
# A block is "supported" when at least this share of its word 4-grams appear in the other opinion.
SUPPORT = 0.5
# When trafilatura's text is below this share of readability's, trafilatura latched onto a
# fragment (a caption, one teaser, the lead alone) and readability's container is the body.
MIN_TRAFILATURA_SHARE = 0.2
# Only a trafilatura body this short can be such a fragment of a long article: the page's text
# is read, to place the fragment against readability's container, only below it.
MAX_FRAGMENT_CHARS = 2000
# The characters of a block looked up in the page's text (enough to be unique there).
PLACE_CHARS = 60
# Blocks shorter than this (menu items, labels) say nothing about agreement.
MIN_ANCHOR_TOKENS = 6
# Whole-block lookups per page (see _support).
MAX_WHOLE_BLOCK_LOOKUPS = 300
# Characters of the other opinion's text read per page looking blocks up as runs of its words
# (see _Other.holds_run): a few hundred typical pages' worth, so a page of thousands of blocks
# stays linear.
MAX_RUN_SCAN_CHARS = 4_000_000
# When the combined body keeps less than this share of trafilatura's own (both cleaned), the
# trimming followed readability into the wrong container, and trafilatura's body is taken.
MIN_TRIMMED_SHARE = 0.7
# Readability's body replaces the chosen one when it is this much longer and each holds this
# share of the other's 4-grams.
MIN_SUPERSET_GROWTH = 1.3
MIN_SUPERSET_SHARE = 0.9
# Readability's body replaces the chosen one when the two share almost nothing, readability's is
# this much longer and the chosen one is mostly not prose (table rows, labels): the opinions read
# different containers, and trafilatura's is the page's furniture.
MIN_DISJOINT_GROWTH = 2.0
MAX_DISJOINT_SHARE = 0.2
# Unlinked text in short lines that reads as a body of its own (see article_verdict).
MIN_LIST_BYTES = 1500
# The same for a body of short lines none of which is a link or a headline elsewhere.
MIN_UNLINKED_LIST_BYTES = 300
# A headline is at most this many words; a body of at least this many teasers is a list of them.
MAX_HEADLINE_WORDS = 16
MIN_TEASERS = 3
# Words of a short sentence that growth upward crosses (see _expand).
MIN_SENTENCE_WORDS = 8
# How many blocks (lead, standfirst, intro) may sit between the headline and the agreed span.
MAX_INTRO_BLOCKS = 8
# How far into readability's body its lead may run before the text both opinions hold.
MAX_LEAD_BLOCKS = 12
# How many short blocks (sub-headings, captions) growth may cross between two prose blocks.
MAX_SHORT_GAP = 2
# A sub-heading is at most this many words (see _with_headings).
MAX_HEADING_BLOCK_WORDS = 12
# Two opinions each under this many characters that share no 4-gram found two unrelated
# fragments of the page, not one short article (see is_disputed).
MAX_DISPUTED_CHARS = 500
# Two such short opinions agree on a short text when the shorter one's 4-grams are mostly in the
# longer one (one holds the other, or both read the same sentences): see is_agreed.
MIN_AGREED_SHARE = 0.8


@dataclass(frozen=True)
class Body:
    """The chosen body as paragraphs, and which extractor's shape it kept."""

    paragraphs: list[str]
    source: str
    # The two opinions found unrelated fragments (see is_disputed): set on the combined body.
    disputed: bool = False
    # Both opinions are short and read the same text (see is_agreed): set on the combined body.
    agreed: bool = False


def _tokens(text: str) -> list[str]:
    """``_WORD.findall(text.lower())``."""
    words = word_string(text)
    return words.split(" ") if words else []


def _count(words: str) -> int:
    """How many tokens a ``word_string`` holds."""
    return words.count(" ") + 1 if words else 0


def _grams(tokens: list[str]) -> set[tuple[str, ...]]:
    if len(tokens) < 4:
        return {tuple(tokens)} if tokens else set()
    return set(zip(tokens, tokens[1:], tokens[2:], tokens[3:], strict=False))


def trafilatura_blocks(tree: HtmlElement, url: str | None) -> list[str]:
    # Fast mode, recall: the edges are trimmed below where readability does not support them,
    # and a missed paragraph cannot be brought back.
    text = fast_recall_text(tree, url)
    return [line.strip() for line in text.split("\n") if line.strip()]


def readability_blocks(tree: HtmlElement) -> list[str]:
    summary = try_readability(tree)
    blocks: list[str] = []
    for el in summary.iter(*_BLOCK_TAGS):
        # Only innermost blocks, so nested lists or quoted paragraphs are not counted twice.
        if next(el.iterdescendants(*_BLOCK_TAGS), None) is not None:
            continue
        text = " ".join(" ".join(el.itertext()).split())
        if text:
            blocks.append(text)
    return blocks


def _support(
    block: str,
    grams: set[tuple[str, ...]],
    flat: str,
    budget: list[int],
    tokens: list[str] | None = None,
    mine: set[tuple[str, ...]] | None = None,
) -> float | None:
    """Share of the block's 4-grams found in the other opinion; None for blocks too short to say.

    In scripts written without spaces a "word" is a whole clause, so a short block has too few
    4-grams to judge; there the block is looked up whole in the other opinion's text, a scan
    that ``budget`` caps so a page of thousands of blocks stays linear. ``tokens`` are the
    block's ``_tokens`` and ``mine`` their ``_grams`` when the caller has them already;
    ``grams`` need only hold those of the other opinion's 4-grams that are among ``mine``.
    """
    if tokens is None:
        tokens = _tokens(block)
    if _too_short(block, len(tokens)):
        return None
    if mine is None:
        mine = _grams(tokens)
    if not mine:
        return None  # a long run of punctuation or symbols: no words to compare
    share = len(mine & grams) / len(mine)
    if share < SUPPORT and len(tokens) < 12 and budget[0] > 0:
        budget[0] -= 1
        # ``flat`` is the other opinion's tokens joined by single spaces, so the block is in it
        # only as a run of its tokens, and then every one of its 4-grams is in ``grams``: with
        # four tokens or more and a share below SUPPORT the scan cannot succeed and is skipped
        # (the lookup still counts against the budget, so later blocks are judged as before).
        if len(tokens) < 4 and f" {' '.join(tokens)} " in flat:
            return 1.0
    return share


class _Words:
    """Each opinion's blocks as words (``word_string``), made once per comparison.

    The support, edge and heading checks all compare blocks as words; a block found whole
    among the other opinion's blocks, or as a run of the other opinion's words, needs no
    4-grams at all.
    """

    def __init__(self, second: list[str], primary: list[str]) -> None:
        self.second = [word_string(block) for block in second]
        self.primary = [word_string(block) for block in primary]
        self.second_set = set(self.second)
        self.primary_set = set(self.primary)

    def sliced(self, start: int, end: int) -> tuple[list[str], list[str]]:
        """The words of ``primary[start:end]`` and of ``second`` (see ``_with_headings``)."""
        return self.primary[start:end], self.second


class _Other:
    """One opinion's tokens as a whole: joined by spaces (``flat``, see ``_support``) and, for
    the blocks that ask, which of their 4-grams it holds.

    Only the asked 4-grams are kept: each 4-gram of the opinion is looked up among them rather
    than the opinion's all being put in a set (that set was a third of the comparison's time).
    The scans for a block as a run of the opinion's words are capped per page
    (``MAX_RUN_SCAN_CHARS``), as each reads ``flat`` through.
    """

    def __init__(self, words: list[str]) -> None:
        self.flat = f" {' '.join(w for w in words if w)} "
        self._scan_left = MAX_RUN_SCAN_CHARS

    def holds_run(self, words: str) -> bool:
        """Whether ``words`` (four tokens or more) is a run of this opinion's tokens.

        Then every one of the block's 4-grams is this opinion's: ``_support`` would say 1.0.
        False also when the page's scans are spent (the 4-grams then decide, as before).
        """
        self._scan_left -= len(self.flat)
        return self._scan_left >= 0 and f" {words} " in self.flat

    def held(self, asked: set[tuple[str, ...]]) -> set[tuple[str, ...]]:
        """``asked & _grams(tokens)`` of this opinion's tokens."""
        # Split only here: most blocks are found whole or as runs, and nothing is asked.
        tokens = self.flat[1:-1].split(" ") if len(self.flat) > 2 else []
        if len(tokens) < 4:
            return asked & _grams(tokens)
        return asked.intersection(zip(tokens, tokens[1:], tokens[2:], tokens[3:], strict=False))


def _too_short(block: str, count: int) -> bool:
    """Too short to say anything about agreement (``_support`` is None); ``count``: its tokens."""
    # Character length stands in for word count in scripts written without spaces.
    return count < MIN_ANCHOR_TOKENS and len(block) < 40


def _found_whole(count: int, words: str, held: set[str]) -> bool:
    """Whether the block is one of the other opinion's blocks whole (``held``, as words).

    Then every one of its 4-grams is in the other opinion: ``_support`` would say 1.0 (with
    fewer than four tokens it compares the block differently).
    """
    return count >= 4 and words in held


def _agreed(
    primary: list[str], words: list[str], held: set[str], other: _Other, budget: list[int]
) -> list[int]:
    """Indexes of the blocks of ``primary`` (``words``: as words) that ``other`` supports.

    A block is supported when ``_support`` is at least ``SUPPORT``. Blocks found whole among
    the other opinion's blocks (``held``) or as a run of its words are supported outright;
    the 4-grams of the rest are compared, each with the other opinion's 4-grams that any of
    them asks about, in order (the budget of whole-block lookups is spent as before).
    """
    agreed: list[int] = []
    asking: dict[int, list[str]] = {}
    for i, block in enumerate(primary):
        count = _count(words[i])
        if _too_short(block, count):
            continue
        if count >= 4 and (words[i] in held or other.holds_run(words[i])):
            agreed.append(i)
        else:
            asking[i] = words[i].split(" ") if words[i] else []
    if asking:
        grams = {i: _grams(tokens) for i, tokens in asking.items()}
        found = other.held(set().union(*grams.values()))
        for i, tokens in asking.items():
            share = _support(primary[i], found, other.flat, budget, tokens, grams[i])
            if (share or 0) >= SUPPORT:
                agreed.append(i)
    return sorted(agreed)


def _is_sentence(block: str) -> bool:
    """A short sentence: a few words that end like one (an intro written a line at a time)."""
    return len(_WORD.findall(block)) >= MIN_SENTENCE_WORDS and block.rstrip()[-1:] in ".!?"


def _expand(primary: list[str], first: int, last: int) -> tuple[int, int]:
    """Grow the agreed span over adjacent prose that the second opinion missed.

    Readability keeps one container, so a body split into parts (around a video, an ad slot or
    a sub-heading) loses its other parts there; trafilatura keeps them, and they read as prose
    next to the agreed span. Short blocks are crossed only on the way to more prose (a
    gallery's run of counters, "Bild 1 von 10" ..., counts as none), and a tail heading
    ("Related stories", "Comments") stops the growth.
    """

    def grow(index: int, step: int) -> int:
        edge, pending = index, 0
        # The top of an unbroken run of short sentences right above the edge (growing up).
        run_top: int | None = None
        i = index + step
        while 0 <= i < len(primary) and pending <= MAX_SHORT_GAP:
            block = primary[i]
            if is_tail_heading(block) or is_furniture(block, Context()):
                break
            if is_prose(block):
                edge, pending, run_top = i, 0, None
            elif is_slide_label(block):
                pass  # a gallery's counters between two parts of the story: crossed whole
            elif step < 0 and _is_sentence(block):
                pending = 0  # a short sentence of an intro: crossed, though not an edge alone
                run_top = i if run_top is None or run_top == i + 1 else run_top
            else:
                pending += 1
            i += step
        # Short sentences all the way up to trafilatura's first block: an intro written a
        # sentence to a paragraph, with nothing above it that could be furniture.
        if step < 0 and run_top == 0 and i < 0 and pending == 0:
            return 0
        return edge

    return grow(first, -1), grow(last, 1)


def _held_edges(
    primary: list[str], first: int, last: int, second: list[str], words: _Words | None = None
) -> tuple[int, int]:
    """Grow the span over the short blocks next to it that the second opinion holds whole.

    Sub-headings, a caption or a one-line sign-off are too short for 4-gram support, so the
    trimming drops them at the span's edges; when readability's container holds the very same
    block, both opinions put it in the body (furniture among them is cleaned later).
    """
    # Compared as words, as in _with_headings.
    held = words.second_set if words else {" ".join(_tokens(block)) for block in second}

    def shared(i: int) -> bool:
        mine = words.primary[i] if words else " ".join(_tokens(primary[i]))
        return bool(mine) and mine in held and not is_tail_heading(primary[i])

    while first > 0 and shared(first - 1):
        first -= 1
    while last + 1 < len(primary) and shared(last + 1):
        last += 1
    return first, last


def _after_headline(primary: list[str], first: int, title: str | None) -> int:
    """Where the article starts when the headline sits a few blocks above the agreed span.

    The lead, standfirst and intro under the headline belong to the story even when
    readability's container starts below them (it often holds the body after the intro).
    """
    if not title:
        return first
    for i in range(first - 1, max(-1, first - MAX_INTRO_BLOCKS - 2), -1):
        if is_title(primary[i], title):
            return i + 1
    return first


def _lead_fragment(primary: list[str], second: list[str], page: str | None) -> list[str]:
    """Trafilatura's fragment when it is the article's opening, set apart above readability's.

    A story whose intro sits in a container of its own (an interview's introduction, a
    guide's opening paragraph above its sections) gives trafilatura the intro alone and
    readability the rest. The fragment is the opening when it is all prose, none of it in
    readability's body, and it comes before that body on the page (``page``: the page's
    text, flattened); a teaser or notice trafilatura latched onto sits elsewhere, or is no
    prose.
    """
    if page is None or not second or not all(is_prose(b) for b in primary):
        return []
    start = page.find(flat(second[0])[:PLACE_CHARS])
    if start < 0:
        return []
    held = flat(" ".join(second))
    for block in primary:
        text = flat(block)
        where = page.find(text[:PLACE_CHARS])
        if where < 0 or where >= start or text[:PLACE_CHARS] in held:
            return []
    return primary


def combine(
    primary: list[str], second: list[str], title: str | None = None, page: str | None = None
) -> Body:
    """Trim ``primary``'s edges to the span that ``second`` supports, grown over adjacent prose.

    ``page``: the page's text, flattened, when ``primary`` is short enough to be a fragment
    of ``second`` (see ``_lead_fragment``).
    """
    primary_len = sum(len(b) for b in primary)
    second_len = sum(len(b) for b in second)
    if not primary:
        return Body(second, "readability")
    if primary_len < MIN_TRAFILATURA_SHARE * second_len:
        return Body(_lead_fragment(primary, second, page) + second, "readability")
    # Each opinion is tokenised once, block by block: the tokens of the joined text are the
    # blocks' tokens in turn (a word never spans the space that joins two blocks).
    words = _Words(second, primary)
    budget = [MAX_WHOLE_BLOCK_LOOKUPS]
    agreed = _agreed(primary, words.primary, words.second_set, _Other(words.second), budget)
    if not agreed:
        return Body(primary, "trafilatura")
    first, last = _expand(primary, agreed[0], agreed[-1])
    first, last = _held_edges(primary, first, last, second, words)
    first = _after_headline(primary, first, title)
    # More prose before the agreed span than in it: readability took a later container (a
    # comment thread, a second story, a table of names under the story) for the body, and the
    # article is what comes before. Only prose is weighed on both sides: a long table's rows
    # would outweigh the story above them.
    kept = _prose_size(primary[first : last + 1])
    if _prose_size(primary[:first]) > kept:
        first = next(i for i, b in enumerate(primary) if is_prose(b))
    span = _with_headings(primary[first : last + 1], second, words.sliced(first, last + 1))
    lead = _lead(second, primary, budget, words)
    return Body(lead + span, "combined")


def _looks_like_heading(block: str) -> bool:
    """A few words that open with a letter or digit and do not end like a sentence or caption.

    A caption ends in a full stop or a bracketed credit, a signature opens with "--", a
    "(Back to top)" or "[ Reply ]" link is bracketed: none of them is a sub-heading.
    """
    text = block.strip()
    return (
        bool(text)
        and text[0].isalnum()
        and text[-1] not in ".)]"
        and len(_WORD.findall(text)) <= MAX_HEADING_BLOCK_WORDS
    )


def _with_headings(
    span: list[str], second: list[str], words: tuple[list[str], list[str]] | None = None
) -> list[str]:
    """Put back the sub-headings readability holds between two blocks both opinions hold whole.

    Trafilatura in recall mode sometimes leaves a story's sub-headings out ("Fazit", "10 tips
    for ...:") while keeping the paragraphs around them; between two neighbours found verbatim
    and adjacent in the first opinion, readability's short non-prose blocks are those headings.
    ``words``: the blocks of ``span`` and of ``second`` as words, when the caller has them.
    """
    # Compared as words: list items carry trafilatura's "- ", and readability spaces the text
    # of inline tags apart ("said , adding").
    if words is None:
        words = [" ".join(_tokens(b)) for b in span], [" ".join(_tokens(b)) for b in second]
    span_words, second_words = words
    where: dict[str, int] = {}
    for j, key in enumerate(second_words):
        where.setdefault(key, j)
    out: list[str] = []
    for i, block in enumerate(span):
        if out:
            before = where.get(span_words[i - 1])
            here = where.get(span_words[i])
            if before is not None and here is not None and 1 < here - before <= 1 + MAX_SHORT_GAP:
                between = second[before + 1 : here]
                if all(
                    _looks_like_heading(b)
                    and not is_prose(b)
                    and not is_tail_heading(b)
                    and not is_furniture(b, Context())
                    for b in between
                ):
                    out.extend(between)
        out.append(block)
    return out


def _lead(
    second: list[str], primary: list[str], budget: list[int], words: _Words | None = None
) -> list[str]:
    """Prose that opens the second opinion's container before anything the first one holds.

    Trafilatura sometimes drops a story's first paragraph (a lead set apart in its own
    container, a standfirst-styled intro) that readability keeps at the top of the body it
    chose: the prose there, up to the first block both hold, is the article's opening.
    ``words``: the blocks as words, when the caller has them already.
    """
    words = words or _Words(second, primary)
    # The first opinion's text, flattened, is read only when a block is looked up in it: most
    # pages' first block is one of the first opinion's, or a run of its words.
    flattened: list[str] = []

    def text() -> str:
        if not flattened:
            flattened.append(flat(" ".join(primary)))
        return flattened[0]

    # The tokens of the flattened text are the blocks' tokens in turn (flattening only
    # collapses spaces and lowercases, as tokenising does).
    other = _Other(words.primary)
    found: set[tuple[str, ...]] | None = None
    lead: list[str] = []
    top = second[:MAX_LEAD_BLOCKS]
    for j, block in enumerate(top):
        count = _count(words.second[j])
        # One of the first opinion's blocks, or a run of its words: fully supported.
        held = _found_whole(count, words.second[j], words.primary_set) or (
            count >= 4 and other.holds_run(words.second[j])
        )
        # A block of 40 characters is never too short, so being held ends the lead as being
        # found verbatim does: the text is searched only for a block not held.
        if len(block) >= 40 and (held or flat(block) in text()):
            break  # found verbatim (short labels recur anywhere and say nothing), or held
        if _too_short(block, count):
            lead.append(block)  # no support either way (_support is None)
            continue
        if held:
            break
        if found is None:  # the first opinion's 4-grams that this block or one below asks about
            asked = [_grams(_split(w)) for w in words.second[j : len(top)]]
            found = other.held(set().union(*asked))
        tokens = _split(words.second[j])
        if (_support(block, found, other.flat, budget, tokens) or 0) >= SUPPORT:
            break
        lead.append(block)
    else:
        return []  # nothing in common near the top: the opinions hold different containers
    # Only the prose run right above the shared text: headings and labels further up may be
    # the container's furniture.
    # A short block the first opinion holds too ("Max Lee has more." under a news anchor's
    # lead) is crossed: it is in the body already, under the lead.
    run: list[str] = []
    for block in reversed(lead):
        if is_prose(block):
            run.insert(0, block)
        elif not (block.strip() and flat(block) in text()):
            break
    return run


def _split(words: str) -> list[str]:
    """The tokens of a ``word_string``."""
    return words.split(" ") if words else []


def extract_bodies(
    tree: HtmlElement, url: str | None, title: str | None = None, *, consume: bool = False
) -> list[Body]:
    """Candidate bodies of a cleaned page tree, best first.

    The combined body comes first; each opinion alone follows, for when the combination turns
    out not to read as an article (the caller decides that after cleaning). The tree is left
    unchanged unless ``consume``: then readability edits it in place (a caller that has no
    further use for the tree saves a copy of the page).
    """
    # The trafilatura opinion copies the tree it is given, so it runs first; readability edits
    # its input, so it gets a copy unless the caller gave the tree up.
    primary = trafilatura_blocks(tree, url)
    # Read before readability edits the tree, and only when trafilatura's body is short.
    page = flat(tree.text_content()) if _size(primary) < MAX_FRAGMENT_CHARS else None
    second = readability_blocks(tree if consume else deepcopy(tree))
    combined = combine(primary, second, title, page)
    # Whichever shape combine kept, it is the combined judgement that the caller weighs.
    bodies = [
        Body(
            combined.paragraphs,
            "combined",
            disputed=is_disputed(primary, second),
            agreed=is_agreed(primary, second),
        )
    ]
    # Trafilatura's own body always follows the combined one: the caller weighs the two.
    if primary:
        bodies.append(Body(primary, "trafilatura"))
    if second and second != combined.paragraphs:
        bodies.append(Body(second, "readability"))
    return bodies


def is_disputed(primary: list[str], second: list[str]) -> bool:
    """Whether both opinions are short and share no 4-gram: each took a different fragment.

    On a page with no article (a front page, an author's page) each opinion latches onto a
    different scrap of prose — one story's teaser, the other's, a bio — where on a short
    article (a brief, a paywalled lead) both read the same text.
    """
    if not primary or not second:
        return False
    if _size(primary) >= MAX_DISPUTED_CHARS or _size(second) >= MAX_DISPUTED_CHARS:
        return False
    return _contained(primary, second) == 0.0


def is_agreed(primary: list[str], second: list[str]) -> bool:
    """Whether both opinions are short and read the same text: one holds most of the other.

    Where is_disputed finds two scraps of a page without an article, this finds a page whose
    only text is short and seen alike by both (a brief, a one-line post): what the caller may
    answer when the length checks refuse it.
    """
    if not primary or not second:
        return False
    if _size(primary) >= MAX_DISPUTED_CHARS or _size(second) >= MAX_DISPUTED_CHARS:
        return False
    inner, outer = (primary, second) if _size(primary) <= _size(second) else (second, primary)
    return _contained(inner, outer) >= MIN_AGREED_SHARE


def is_lone_fragment(paragraphs: list[str]) -> bool:
    """A body whose only prose is one paragraph: a teaser or a bio when the opinions disagree."""
    return sum(1 for p in paragraphs if is_prose(p)) == 1


def extract_body(tree: HtmlElement, url: str | None) -> Body:
    """The combined body of a cleaned page tree (see ``combine``)."""
    return extract_bodies(tree, url)[0]


# Paragraphs are judged in each candidate body and by several checks, each comparing the flat
# form with the page's link texts: flattened once (bounded, like filters' caches).
_flat = lru_cache(maxsize=8192)(flat)


def _is_snippet(paragraph: str) -> bool:
    text = paragraph.strip()
    return text.startswith(("...", "…")) or text.endswith(("...", "…"))


def _size(paragraphs: list[str]) -> int:
    return sum(len(p) for p in paragraphs)


def _prose_size(paragraphs: list[str]) -> int:
    return sum(len(p) for p in paragraphs if is_prose(p))


def _contained(inner: list[str], outer: list[str]) -> float:
    """Share of ``inner``'s word 4-grams that ``outer`` holds too."""
    mine = _grams(_tokens(" ".join(inner)))
    return len(mine & _grams(_tokens(" ".join(outer)))) / len(mine) if mine else 0.0


def weigh(readable: dict[str, list[str]]) -> list[str] | None:
    """Choose among the cleaned bodies that read as articles, keyed by ``Body.source``.

    The combined body, unless the trimming cut most of trafilatura's own body (readability then
    held a different, smaller container: one part of the story, a teaser block), or
    readability's body, when it is the same text as the chosen one and clearly longer
    (trafilatura dropped a passage the page repeats). Otherwise the first fallback that read as
    an article.
    """
    chosen = readable.get("combined")
    own = readable.get("trafilatura")
    if own is not None and (chosen is None or _size(chosen) < MIN_TRIMMED_SHARE * _size(own)):
        chosen = own
    second = readable.get("readability")
    if chosen is None:
        return second if second is not None else next(iter(readable.values()), None)
    if (
        second is not None
        and _size(second) >= MIN_SUPERSET_GROWTH * _size(chosen)
        and _contained(chosen, second) >= MIN_SUPERSET_SHARE
        and _contained(second, chosen) >= MIN_SUPERSET_SHARE
    ):
        return second
    if (
        second is not None
        and _size(second) >= MIN_DISJOINT_GROWTH * _size(chosen)
        and _prose_size(chosen) < 0.5 * _size(chosen)
        and _contained(chosen, second) <= MAX_DISJOINT_SHARE
    ):
        return second
    return chosen


def could_change(readable: dict[str, list[str]], body: Body) -> bool:
    """Whether ``body``, once cleaned, could change what ``weigh`` chooses from ``readable``.

    Cleaning only removes text, so the raw body's size bounds the cleaned one's: a body too
    short to pass weigh's thresholds even uncleaned need not be cleaned at all.
    """
    raw = _size(body.paragraphs)
    if body.source == "trafilatura":
        combined = readable.get("combined")
        return combined is None or _size(combined) < MIN_TRIMMED_SHARE * raw
    if body.source == "readability":
        chosen = weigh(readable)
        return chosen is None or raw >= MIN_SUPERSET_GROWTH * _size(chosen)
    return True


def looks_like_article(paragraphs: list[str], linked: frozenset[str]) -> bool:
    """Whether the cleaned body reads as an article rather than a list of teasers or results."""
    return article_verdict(paragraphs, linked) is None


def _is_teaser(paragraph: str, headlines: frozenset[str]) -> bool:
    """Whether the paragraph opens with another page's linked headline (its snippet follows)."""
    words = _flat(paragraph).split()
    if len(words) < 2:
        return False
    # The opening 2, 3, ... words, each prefix grown from the last rather than joined anew.
    prefix = words[0]
    for word in words[1:MAX_HEADLINE_WORDS]:
        prefix = f"{prefix} {word}"
        if prefix in headlines:
            return True
    return False


def is_teaser_list(
    paragraphs: list[str], linked: frozenset[str], headlines: frozenset[str]
) -> bool:
    """A body made mostly of teasers: linked headlines, each with or without its snippet.

    Section fronts write each story as a linked headline and a sentence of summary in plain
    text; the summaries are prose, so the link share alone does not show what the page is.
    """
    if not headlines:
        return False
    total = sum(len(p) for p in paragraphs) or 1
    teasers = [p for p in paragraphs if _flat(p) in linked or _is_teaser(p, headlines)]
    return len(teasers) >= MIN_TEASERS and sum(len(p) for p in teasers) > 0.5 * total


def article_verdict(
    paragraphs: list[str], linked: frozenset[str], headlines: frozenset[str] = frozenset()
) -> str | None:
    """None when the cleaned body reads as an article, else why not: a ``NoArticleError`` reason.

    Home pages, section fronts and search pages survive extraction as runs of linked headlines
    and snippets: there, most of the body is the text of links, and no paragraph is running
    prose outside a list (``index_page``). A body with neither links nor prose is a caption or
    a sentence (``too_short``).
    """
    if not paragraphs:
        return "too_short"
    total = sum(len(p) for p in paragraphs) or 1
    linked_chars = sum(len(p) for p in paragraphs if _flat(p) in linked)
    if linked_chars > 0.5 * total or is_teaser_list(paragraphs, linked, headlines):
        return "index_page"
    unlinked = [p for p in paragraphs if _flat(p) not in linked]
    # Prose anywhere counts, list items too (listicles); a snippet cut off with "..." does not.
    if any(is_prose(p) and not p.rstrip().endswith(("...", "…")) for p in unlinked):
        return None
    # One cut-off paragraph and no links: a paywalled story's lead, not a list of snippets.
    snippets = [p for p in unlinked if _is_snippet(p)]
    if not linked_chars and len(snippets) == 1 and is_prose(snippets[0]):
        return None
    # Text hard-wrapped into short lines (<br> layouts) is prose only when read as a whole;
    # snippets (cut off with "...") are search results or teasers, not lines of one text.
    joined = " ".join(p for p in unlinked if not p.startswith("- ") and not _is_snippet(p))
    sentences = sum(joined.count(mark) for mark in (". ", "! ", "? ", "。", "！", "？"))
    if len(joined.encode("utf-8")) >= 300 and sentences >= 2:
        return None
    # A long body of short lines that are not links (a changelog, a recipe, a list post).
    lines = " ".join(p for p in unlinked if not _is_snippet(p))
    if linked_chars <= 0.1 * total and len(lines.encode("utf-8")) >= MIN_LIST_BYTES:
        return None
    # A short list that links nowhere (a recipe's ingredients, a poem's lines): an index page
    # links its items, or opens them with another page's headline.
    if (
        not linked_chars
        and not snippets
        and len(lines.encode("utf-8")) >= MIN_UNLINKED_LIST_BYTES
        and not any(_flat(p).lstrip("- ") in headlines for p in paragraphs)
    ):
        return None
    return "index_page" if linked_chars or len(unlinked) > 5 else "too_short"
