"""The opinions' 4-gram comparison tokenises each once and skips lookups that cannot succeed.

``combine`` tokenises each opinion block by block and builds the whole text's tokens from them,
``_support`` skips the whole-block scan for blocks of four tokens or more, and a block found
whole among the other opinion's blocks, or as a run of its words, is supported without its
4-grams (``_agreed``); the other blocks are compared with only the other opinion's 4-grams they
ask about. These rest on properties of the tokeniser checked here on the opinions of every
repository page: if a change to ``_tokens`` or ``flat`` broke one of them, the comparison's
answers would change silently. The regex tokeniser the byte table replaces is the reference.
"""

from __future__ import annotations

import re
from copy import deepcopy
from pathlib import Path

import pytest

from benchmarks.extraction_score import load_pages
from tests.support.data import EXTRACTION_DIR
from worker.pipeline.extraction import main_extractor
from worker.pipeline.extraction.decoding import to_text
from worker.pipeline.extraction.filters import flat, word_string
from worker.pipeline.extraction.htmlprocessing import parse_html, remove_boilerplate
from worker.pipeline.extraction.loose_text import wrap_loose_text
from worker.pipeline.extraction.main_extractor import (
    MAX_WHOLE_BLOCK_LOOKUPS,
    SUPPORT,
    _agreed,
    _grams,
    _Other,
    _support,
    _tokens,
    _Words,
    combine,
    readability_blocks,
    trafilatura_blocks,
)

DATA = Path(__file__).resolve().parents[1] / "data"
_WORD = re.compile(r"\w+", re.UNICODE)


def _regex_tokens(text: str) -> list[str]:
    # The tokeniser as it was: the reference for the byte-table path.
    return _WORD.findall(text.lower())


@pytest.fixture(scope="module")
def opinions() -> list[tuple[str, list[str], list[str]]]:
    # Each page's two opinions, built once for every test here.
    return list(_opinions())


def _opinions():
    pages = [(p.key, p.html, p.url) for p in load_pages(EXTRACTION_DIR)]
    pages += [(p.name, p.read_bytes(), None) for p in sorted(DATA.rglob("*.html"))]
    assert len(pages) > 88
    for name, html, url in pages:
        tree = parse_html(to_text(html))
        remove_boilerplate(tree)
        wrap_loose_text(tree)
        yield name, trafilatura_blocks(tree, url), readability_blocks(deepcopy(tree))


def test_the_joined_texts_tokens_are_the_blocks_tokens_in_turn(opinions):
    for name, primary, second in opinions:
        for blocks in (primary, second):
            in_turn = [t for block in blocks for t in _tokens(block)]
            assert _tokens(" ".join(blocks)) == in_turn, name
            assert _tokens(flat(" ".join(blocks))) == in_turn, name


def test_a_block_of_four_tokens_found_whole_is_fully_supported(opinions):
    # Every 4-gram of it is in the other opinion's, so a block of four tokens or more with less
    # than full support is never found whole: the scan ``_support`` skips could not succeed.
    for name, primary, second in opinions:
        other = _tokens(" ".join(second))
        grams, joined = _grams(other), f" {' '.join(other)} "
        for block in primary:
            tokens = _tokens(block)
            if len(tokens) >= 4 and f" {' '.join(tokens)} " in joined:
                assert _grams(tokens) <= grams, (name, block)


def test_a_short_block_in_a_script_without_spaces_is_still_looked_up_whole():
    # One "word" of 40 characters (Chinese is written without spaces) has no 4-gram to share;
    # found whole in the other opinion, it is supported.
    clause = "今天下午市政府宣布了新的交通管理规定以减少市中心的拥堵情况并鼓励市民使用公共交通"
    other = _tokens(f"据报道 {clause} 记者 王明")
    grams, joined = _grams(other), f" {' '.join(other)} "
    budget = [MAX_WHOLE_BLOCK_LOOKUPS]
    assert _support(clause, grams, joined, budget) == 1.0
    assert budget == [MAX_WHOLE_BLOCK_LOOKUPS - 1]
    assert _support(clause + "吗", grams, joined, budget) == 0.0


def test_given_tokens_give_the_same_support_as_tokenising_the_block(opinions):
    for name, primary, second in opinions:
        other = _tokens(" ".join(second))
        grams, joined = _grams(other), f" {' '.join(other)} "
        mine, given = [MAX_WHOLE_BLOCK_LOOKUPS], [MAX_WHOLE_BLOCK_LOOKUPS]
        for block in primary:
            assert _support(block, grams, joined, mine) == _support(
                block, grams, joined, given, _tokens(block)
            ), name
        assert mine == given, name


def _reference_agreed(mine: list[str], other: list[str], budget: list[int]) -> list[int]:
    # Every block through _support against the other opinion's full 4-gram set.
    tokens = [t for block in other for t in _regex_tokens(block)]
    grams, joined = _grams(tokens), f" {' '.join(tokens)} "
    return [
        i
        for i, block in enumerate(mine)
        if (_support(block, grams, joined, budget, _regex_tokens(block)) or 0) >= SUPPORT
    ]


def test_the_shortcuts_agree_with_the_4_gram_support(opinions):
    # Each opinion as the other's: the blocks found whole or as runs, and the 4-grams asked
    # about, must agree with _support on every block and spend the lookup budget as it does.
    for name, primary, second in opinions:
        for mine, other in ((primary, second), (second, primary)):
            words = _Words(other, mine)
            fast, slow = [MAX_WHOLE_BLOCK_LOOKUPS], [MAX_WHOLE_BLOCK_LOOKUPS]
            got = _agreed(mine, words.primary, words.second_set, _Other(words.second), fast)
            assert got == _reference_agreed(mine, other, slow), name
            assert fast == slow, name


@pytest.mark.parametrize(
    ("mine", "other"),
    [
        # A run of the other's words across two of its blocks: supported without 4-grams.
        (
            ["the mayor said on Tuesday that the bridge would close"],
            ["The mayor said on Tuesday", "that the bridge would close, officials added."],
        ),
        # Half of the block's 4-grams held: the 4-grams decide (exactly at SUPPORT).
        (
            ["alpha beta gamma delta epsilon zeta eta theta iota kappa"],
            ["alpha beta gamma delta epsilon zeta eta", "unrelated words here now"],
        ),
        # Fewer than four tokens but long (a script without spaces): the whole-block lookup.
        (
            ["今天下午市政府宣布了新的交通管理规定以减少市中心的拥堵情况"],
            ["据报道 今天下午市政府宣布了新的交通管理规定以减少市中心的拥堵情况 记者"],
        ),
        # The other opinion has fewer than four tokens.
        (["A block of seven words in all here."], ["Two words"]),
    ],
)
def test_the_shortcuts_agree_on_shapes_of_our_own(mine, other):
    words = _Words(other, mine)
    fast, slow = [MAX_WHOLE_BLOCK_LOOKUPS], [MAX_WHOLE_BLOCK_LOOKUPS]
    got = _agreed(mine, words.primary, words.second_set, _Other(words.second), fast)
    assert got == _reference_agreed(mine, other, slow)
    assert fast == slow


def test_the_run_scans_stop_when_the_pages_characters_are_spent(monkeypatch):
    # Past the cap a block is compared by its 4-grams: the same answer, more work.
    from worker.pipeline.extraction import main_extractor as module

    monkeypatch.setattr(module, "MAX_RUN_SCAN_CHARS", 0)
    mine = ["the mayor said on Tuesday that the bridge would close"]
    other = ["The mayor said on Tuesday", "that the bridge would close, officials added."]
    words = _Words(other, mine)
    lazy = _Other(words.second)
    assert not lazy.holds_run(words.primary[0])
    budget = [MAX_WHOLE_BLOCK_LOOKUPS]
    assert _agreed(mine, words.primary, words.second_set, lazy, budget) == [0]


@pytest.mark.parametrize(
    "text",
    [
        "Plain ASCII, with punctuation: (brackets) and under_scores -- 2024!",
        "".join(chr(c) for c in range(128)),
        "Ünïcode İstanbul STRASSE straße naïve café",
        "Curly ‘quotes’ and “more” — dashes\xa0and spaces",
        "   ",
        "",
    ],
)
def test_word_strings_are_the_regex_tokens(text):
    assert word_string(text) == " ".join(_regex_tokens(text))
    assert _tokens(text) == _regex_tokens(text)


def test_word_strings_are_the_regex_tokens_on_every_repository_page(opinions):
    for name, primary, second in opinions:
        for block in primary + second:
            assert _tokens(block) == _regex_tokens(block), (name, block)


LONG = [
    "The council voted on Tuesday to close the old bridge to cars from next spring onwards.",
    "Engineers said the steel under the deck had corroded far more than the survey expected.",
    "Cyclists and people on foot will still be able to cross while the repairs are carried out.",
]


@pytest.mark.parametrize(
    ("primary", "second", "combined", "grams_built"),
    [
        # Every block of the first opinion is one of the second's: no 4-gram is needed.
        (LONG, LONG, LONG, 0),
        # Labels too short to judge need none either.
        (["Share this story", *LONG], ["Menu", *LONG], LONG, 0),
        # A block the second holds only in part is compared by its 4-grams: its own are
        # built, the second opinion's looked up among them (no set of them is built).
        (
            [*LONG, f"{LONG[0]} It was built in 1901."],
            LONG,
            [*LONG, f"{LONG[0]} It was built in 1901."],
            1,
        ),
        # A block that runs across two of the second's blocks needs none.
        ([*LONG[:2], " ".join(LONG[1:])], LONG, [*LONG[:2], " ".join(LONG[1:])], 0),
    ],
)
def test_the_second_opinions_4_grams_are_built_only_for_a_block_not_found_whole(
    monkeypatch, primary, second, combined, grams_built
):
    calls = []

    def counting(tokens):
        calls.append(len(tokens))
        return _grams(tokens)

    monkeypatch.setattr(main_extractor, "_grams", counting)
    assert combine(primary, second).paragraphs == combined
    assert len(calls) == grams_built
