"""What the body keeps and what it drops, on a page built to hold every hard case at once.

``multipart_article.html`` has a body split around an ad slot and a video player, a sub-heading,
a list, a pull quote and an embedded post (all kept), and a cookie banner, navigation, share bar,
standfirst, in-body byline and dateline, photo credit, "Read more" link, syndication notice,
newsletter box, related stories, comments, a sidebar and a footer (all dropped).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from worker.pipeline.extraction import extract_article
from worker.pipeline.extraction.filters import flat
from worker.pipeline.extraction.main_extractor import _is_teaser, combine

DATA = Path(__file__).resolve().parent.parent / "data" / "extraction"


@pytest.fixture(scope="module")
def article():
    return extract_article((DATA / "multipart_article.html").read_bytes())


def test_body_matches_the_stored_expected_output(article):
    expected = (DATA / "multipart_article.expected.txt").read_text(encoding="utf-8").strip()
    assert article.text == expected


def test_both_parts_of_a_split_body_are_kept(article):
    assert "applause from the crowd" in article.text
    assert "£14.2 million" in article.text
    assert article.text.endswith("once the last of the railings are installed.")


@pytest.mark.parametrize(
    "kept",
    [
        "What was repaired",  # sub-heading
        "\n\nTwelve new bearings fitted beneath the north and south approaches\n\n",  # list item
        "\"This bridge is the town's front door",  # pull quote
        "First bus over the Harbour Bridge in two years.",  # embedded post
    ],
)
def test_structure_inside_the_article_is_kept(article, kept):
    assert kept in article.text


@pytest.mark.parametrize(
    "dropped",
    [
        "We use cookies",
        "Share on Facebook",
        "Engineers say the crossing is safe",  # standfirst
        "By Maria Okafor",
        "Published 14 May 2023",
        "Photo:",
        "Read more",
        "Bridge closed after cracks",
        "originally published by",
        "copyright",
        "Sign up for our free newsletter",
        "Related stories",
        "Ferry timetable",
        "About time too",
        "Seal spotted",
        "All rights reserved",
        "Advertisement",
        "Harbour bridge reopens after two-year repair",  # the headline is not body
    ],
)
def test_furniture_is_dropped(article, dropped):
    assert dropped.lower() not in article.text.lower()


def test_paragraphs_are_separated_by_one_blank_line(article):
    assert article.text == article.text.strip()
    assert "\n\n\n" not in article.text
    assert all(p == p.strip() and p for p in article.text.split("\n\n"))


def test_metadata_of_the_fixture(article):
    assert article.title == "Harbour bridge reopens after two-year repair"
    assert article.byline == "Maria Okafor, Tom Reilly"
    assert article.published == "2023-05-14"
    assert article.site == "Coastal Herald"
    assert article.url == "https://coastalherald.example/news/2023/05/14/harbour-bridge-reopens"
    assert article.language == "en"


LONG = "This sentence is long enough to count as prose in a news article body, surely it is."


def test_combine_trims_edges_the_second_opinion_does_not_support():
    primary = [
        "Teaser for another story entirely, with a few words",
        LONG,
        LONG.upper() + " X.",
        "Comments",
        "A reader comment that is long but sits after the comment heading ok.",
    ]
    second = [LONG, LONG.upper() + " X."]
    assert combine(primary, second).paragraphs == [LONG, LONG.upper() + " X."]


def test_combine_grows_over_adjacent_prose_readability_missed():
    part_two = (
        "A second part of the body, which readability left out because it sits in its own "
        "container after an advertisement slot, still reads as running prose."
    )
    primary = [LONG, "Sub-heading", part_two]
    body = combine(primary, [LONG])
    assert body.paragraphs == primary
    assert body.source == "combined"


def test_combine_keeps_short_edge_blocks_both_opinions_hold_whole():
    # A section heading and two sub-headings above the first paragraph, and an editor's
    # sign-off below the last: too short for 4-gram support, but readability holds them too.
    top = ["出国前后关注点大不同", "出国前：政治科目会出啥考题？", "Before and after"]
    body = [LONG, LONG.upper() + " X."]
    sign_off = "(bsc)"
    primary = ["Teaser for another story", *top, *body, sign_off, "More news"]
    combined = combine(primary, [*top, *body, sign_off])
    assert combined.paragraphs == [*top, *body, sign_off]


def test_combine_keeps_an_edge_list_item_readability_holds_in_its_own_spacing():
    # Trafilatura writes a list item "- Ort: Kasberg", readability "Ort : Kasberg".
    body = [LONG, LONG.upper() + " X."]
    primary = [*body, "- Ort: Kasberg im Frankenland", "Share"]
    second = [*body, "Ort : Kasberg im Frankenland"]
    assert combine(primary, second).paragraphs == [*body, "- Ort: Kasberg im Frankenland"]


def test_combine_still_trims_short_edge_blocks_readability_does_not_hold():
    primary = ["Section label", "Another label", LONG, LONG.upper() + " X.", "Footer label"]
    second = ["Section label ok", LONG, LONG.upper() + " X."]
    assert combine(primary, second).paragraphs == [LONG, LONG.upper() + " X."]


def test_combine_puts_back_a_sub_heading_only_readability_kept():
    # Trafilatura in recall mode can drop an <h2> between two paragraphs it keeps; readability
    # holds it between the same two (its list item without trafilatura's "- ", its inline
    # text spaced apart).
    one = "Innere Zufriedenheit ist der Schlüssel zu einem erfüllten Leben, schreibt sie hier."
    item = "Setze dir klare Ziele und arbeite an ihrer Erreichung, jeden Tag ein wenig mehr."
    last = "Am Ende zählt, was du aus den Tipps machst, und wie du sie in den Alltag bringst."
    primary = [one, f"- {item}", last]
    second = [one, "10 Tipps für innere Zufriedenheit:", item, "Fazit", last.replace(",", " ,")]
    assert combine(primary, second).paragraphs == [
        one,
        "10 Tipps für innere Zufriedenheit:",
        f"- {item}",
        "Fazit",
        last,
    ]


def test_combine_puts_back_no_prose_or_furniture_from_between_its_blocks():
    one, two = LONG, LONG.upper() + " X."
    between = [
        f"{LONG} Another paragraph readability alone holds.",
        "Advertisement",
        "Trending News",
        # Captions, a signature, a back-link: short, but not sub-headings.
        "Apple iPhone 11 Pro.",
        "The first global geologic map of Titan. ( NASA/JPL-Caltech/ASU )",
        "-- Josh Marshall",
        "(Back to top)",
    ]
    for block in between:
        assert combine([one, two], [one, block, two]).paragraphs == [one, two]


def test_combine_falls_back_to_the_other_opinion_when_one_is_empty():
    assert combine([], [LONG]).paragraphs == [LONG]
    assert combine([LONG], []).paragraphs == [LONG]


def test_combine_keeps_the_article_when_readability_took_a_later_container():
    article = [f"{LONG} Article paragraph number {i} continues here." for i in range(4)]
    comments = [f"{LONG.upper()} Reader comment number {i} goes on." for i in range(2)]
    body = combine([*article, "Comments", *comments], comments)
    assert body.paragraphs[: len(article)] == article


def test_combine_keeps_the_article_when_readability_took_a_long_table_under_it():
    # A story followed by a long table (a list of MPs and their addresses, a results grid):
    # readability takes the table for the body, and its rows outweigh the story in characters
    # though none of them is prose.
    article = [f"{LONG} Story paragraph number {i} continues here." for i in range(4)]
    head = ["| MEMBERS AND THEIR ADDRESSES |  |  |", "|---|---|---|", "| Seat | Member | Email |"]
    rows = [f"| Seat {i} | Member {i} | member{i}@parliament.example |" for i in range(60)]
    cells = [
        c for i in range(60) for c in (f"Seat {i}", f"Member {i}", f"member{i}@parliament.example")
    ]
    body = combine([*article, *head, *rows], cells)
    assert body.paragraphs[: len(article)] == article


INTRO = (
    "Some events cut a life in two, into a before and an after, and for the actress the day "
    "of the accident was one of them, she says as we sit down in her living room."
)
ANSWERS = [f"{LONG} Answer number {i} of the interview goes on here." for i in range(12)]


def test_combine_keeps_an_intro_trafilatura_alone_found_above_readabilitys_body():
    # An interview's introduction in a container of its own, the questions and answers in
    # another: trafilatura took the introduction alone, readability the rest.
    page = flat(" ".join(["Menu", INTRO, "Photo gallery", *ANSWERS]))
    body = combine([INTRO], ANSWERS, page=page)
    assert body.paragraphs == [INTRO, *ANSWERS]


def test_combine_leaves_out_a_fragment_below_readabilitys_body_or_not_prose():
    # A teaser under the story is not its opening; nor is a label above it.
    below = flat(" ".join(["Menu", *ANSWERS, INTRO]))
    assert combine([INTRO], ANSWERS, page=below).paragraphs == ANSWERS
    label = "Read the whole interview"
    above = flat(" ".join([label, INTRO, *ANSWERS]))
    assert combine([label, INTRO], ANSWERS, page=above).paragraphs == ANSWERS


def test_an_interviews_introduction_in_a_module_of_its_own_is_kept():
    # The page builder puts each text block in a module of its own: trafilatura takes the
    # first module (the introduction), readability the long one with the answers.
    intro = [
        INTRO,
        "Twenty years later she sits cross-legged on the sofa of her house by the sea, talks "
        "about the long months in hospital and about the novel she has been writing every "
        "morning since the spring, slowly, one chapter at a time.",
    ]
    answers = [
        f"Question {i}: what did the year {2000 + i} teach you about the stage? Answer: it "
        "taught me patience, and that every role asks for a piece of yourself, which you do "
        f"not always get back once the filming of part {i} is over."
        for i in range(14)
    ]

    def module(paragraphs: list[str]) -> str:
        text = "".join(f"<p>{p}</p>" for p in paragraphs)
        return (
            '<div class="editorial-module editorial-module--text"><div class="text">'
            f'<div class="text-text">{text}</div></div></div>'
        )

    page = (
        "<html><head><title>Interview</title></head><body><section class='content'>"
        "<div class='single-wrapper'><div class='editorial-module'><h1>Interview</h1></div>"
        f"{module(intro)}<div class='editorial-module editorial-module--image'><img src='a.jpg'>"
        f"</div>{module(answers)}</div></section></body></html>"
    )
    text = extract_article(page).text
    assert text.startswith(intro[0]) and answers[-1] in text


def test_combine_grows_over_a_gallerys_counters_to_the_lead_above_them():
    # The weekly report's lead, then a gallery whose slides trafilatura writes as counters
    # alone, then the body readability holds: the counters are no gap between lead and body.
    lead = (
        "After a clear night the days stayed sunny, a sentence the avalanche bulletins "
        "repeated all week; the snowpack barely changed and few slides were reported."
    )
    gallery = [f"Bild {i} von 10" for i in range(1, 11)]
    body = [f"{LONG} Body paragraph {i} of the report." for i in range(3)]
    combined = combine([lead, *gallery, *body], body)
    assert combined.paragraphs[0] == lead
    text = extract_article(
        "<html><body><article><p>"
        + lead
        + "</p>"
        + "".join(
            f"<div class='slide'><span>{g}</span><img src='{i}.jpg'></div>"
            for i, g in enumerate(gallery)
        )
        + "".join(f"<p>{b}</p>" for b in body)
        + "</article></body></html>"
    ).text
    assert text.startswith(lead) and "Bild 3 von 10" not in text


def test_a_relative_canonical_is_resolved_against_the_page_url():
    html = (
        (DATA / "multipart_article.html")
        .read_text(encoding="utf-8")
        .replace(
            'href="https://coastalherald.example/news/2023/05/14/harbour-bridge-reopens"',
            'href="/news/2023/05/14/harbour-bridge-reopens"',
        )
    )
    resolved = extract_article(html, "https://coastalherald.example/m/x?ref=app")
    assert resolved.url == "https://coastalherald.example/news/2023/05/14/harbour-bridge-reopens"
    assert extract_article(html).url is None


def test_a_teaser_opens_with_a_linked_headline_of_two_to_sixteen_words():
    # The prefix lookup is bounded: one word says nothing, and a headline is at most 16 words.
    sixteen = " ".join(f"w{i}" for i in range(16))
    headlines = frozenset({"storm hits", sixteen, f"{sixteen} w16", "alone"})
    assert _is_teaser("Storm hits the  coast, snippet follows.", headlines)
    assert _is_teaser(f"{sixteen.upper()} and its snippet.", headlines)
    assert not _is_teaser(f"{sixteen}x and its snippet.", headlines)  # 16th word differs
    assert not _is_teaser(f"{sixteen} w16 snippet.", frozenset({f"{sixteen} w16"}))  # 17 words
    assert not _is_teaser("Alone", headlines)  # one word
    assert not _is_teaser("Storm", headlines)
