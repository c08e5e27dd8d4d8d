"""Paragraph filters: furniture goes, prose that merely mentions the same words stays."""

from __future__ import annotations

import pytest

from worker.pipeline.extraction.filters import Context, clean_paragraphs, is_furniture

PROSE = (
    "The minister said the copyright reform would be debated next month, and that publishers "
    "who want readers to read more of their work online had been consulted at length."
)


@pytest.mark.parametrize(
    "paragraph",
    [
        "This article is reprinted from China Daily.",
        "If there is a copyright, please inform us in time, we will delete it.",
        "This story originally appeared in The Conversation.",
        "© 2023 Example Media Ltd. All rights reserved.",
        "Copyright 2019 The Associated Press.",
        "Read more: Council approves new budget",
        "READ MORE",
        "Related: Five things to know about the vote",
        "Photo: Jane Doe/Getty Images",
        "(Photo by John Smith/AFP via Getty Images)",
        "Image credit: NASA",
        "By Target Language Translation Services | Updated: 2022-01-07 11:00",
        "By Jane Doe",
        "Published 14 May 2023",
        "Jan 07, 2022",
        "Updated: 3:05 PM EST",
        "Reporting by Rodrigo Campos; Editing by Nick Zieminski",
        "Sign up for our newsletter and get the top stories in your inbox.",
        "Click here for more information.",
        "Follow us on Twitter",
        "12 comments",
        "Advertisement",
        "Share",
        "Write to Al Root at allen.root@dowjones.com",
        "Have a tip? Email the newsroom.",
        "[button link=”/submit”]Send us your review[/button]",
        "Publicado por: Clarissa Borba",
        "→ → →",
        "%d Bloggern gefällt das:",
        "12 bloggers like this.",
        "2022 - Todos los derechos reservados.",
        "Alle Rechte vorbehalten",
        "Tous droits réservés.",
        "Thanks for signing up!",
        "Thank you for subscribing to our morning newsletter.",
    ],
)
def test_furniture_is_recognised(paragraph):
    assert is_furniture(paragraph, Context())


@pytest.mark.parametrize(
    "paragraph",
    [
        PROSE,
        "By the end of the day, the river had risen by two metres.",
        "Photographs taken by residents show the water reaching the first floor of several homes.",
        "Read the room, the coach told his players before the final.",
        "Alle Rechte an dem Grundstück lagen nach dem Urteil wieder bei der Gemeinde.",
        "Copyrighted material was at the centre of the case, lawyers said.",
        "Por la tarde, miles de personas salieron a las calles de la capital.",
        "No comments were made by the ministry on Tuesday.",
        "More from the government came on Tuesday, when the minister spoke.",
        "Thousands sign up for the new scheme every week, officials said.",
        "Updated guidance was posted on the website.",
        "Reporting from Kyiv, our correspondent found the city calm.",
        "Many bloggers like this new phone because it is cheap.",
        # The writer's own sign-off: a letter's or a blog post's last line, which truths keep.
        "Thanks for reading!",
        "Thank you for reading my letter. I hope to hear from you soon.",
    ],
)
def test_prose_is_kept(paragraph):
    assert not is_furniture(paragraph, Context())


def test_linked_teaser_lines_go_only_when_wholly_a_link():
    teaser = "Sean Spicer eliminated from the show after weeks of dancing"
    context = Context(linked=frozenset({teaser.lower()}))
    assert is_furniture(teaser, context)
    assert not is_furniture(teaser + ", sources said on Monday.", context)


def test_title_standfirst_byline_and_date_at_the_top_are_stripped():
    context = Context(
        title="UN chief appeals for calm",
        byline="Jane Doe",
        description="The secretary-general spoke through his spokesman",
    )
    paragraphs = [
        "Top stories today",
        "UN chief appeals for calm",
        "The secretary-general spoke through his spokesman",
        "Jane Doe",
        "Jan 07, 2022",
        PROSE,
    ]
    assert clean_paragraphs(paragraphs, context) == [PROSE]


def test_a_long_lead_equal_to_the_description_is_kept():
    # Many pages use the lead paragraph as their description; past a standfirst's length it
    # is the lead, and stays.
    context = Context(title="Budget passes", description=PROSE)
    assert clean_paragraphs(["Budget passes", PROSE, PROSE + " More."], context) == [
        PROSE,
        PROSE + " More.",
    ]


def test_tail_sections_are_cut_from_their_heading_on():
    body = [PROSE] * 4 + ["Related stories", "Another long story teaser " * 5, "More text " * 10]
    assert clean_paragraphs(body, Context()) == [PROSE]


def test_a_sentence_starting_like_a_tail_heading_does_not_cut_the_body():
    more = "More from the report shows that the council underestimated the cost by a third."
    body = [PROSE] * 4 + [more, PROSE + " Last."]
    assert clean_paragraphs(body, Context()) == [PROSE, more, PROSE + " Last."]


def test_a_tail_heading_early_in_the_body_does_not_cut_it():
    body = [PROSE, "Comments", PROSE + " Second.", PROSE + " Third.", PROSE + " Fourth."]
    assert clean_paragraphs(body, Context()) == [
        PROSE,
        PROSE + " Second.",
        PROSE + " Third.",
        PROSE + " Fourth.",
    ]


def test_whitespace_is_normalised_and_repeats_collapsed():
    assert clean_paragraphs(
        ["  A  line of\ttext that is a paragraph.  ", "a line of text that is a paragraph."],
        Context(),
    ) == ["A line of text that is a paragraph."]


def test_a_teaser_box_mid_article_goes_and_the_story_resumes():
    body = [
        PROSE,
        PROSE + " Second.",
        PROSE + " Third.",
        "DON'T MISS",
        "China furious at Macron for protest jibe [INSIGHT]",
        "Lakers vs Nets: NBA make final decision on game [VIDEO]",
        PROSE + " Fourth.",
        "A short closing line that is still part of the story.",
    ]
    assert clean_paragraphs(body, Context()) == [
        PROSE,
        PROSE + " Second.",
        PROSE + " Third.",
        PROSE + " Fourth.",
        "A short closing line that is still part of the story.",
    ]


def test_a_list_articles_next_numbered_heading_ends_a_teaser_box_or_a_gallery():
    # A list article's numbered sub-headings are short; the template put a "Read more" label
    # between two of them and a gallery between two others: the story resumes at each.
    slides = [
        f"- {i}/5 Slide {i} of the gallery A caption that reads as prose, as they do."
        for i in range(1, 6)
    ]
    body = [
        PROSE,
        "1. Take the blankets off the bed",
        PROSE + " One.",
        "2. Check the peep hole",
        PROSE + " Two.",
        "Read more",
        "3. Beware the wall-mounted hairdryer",
        PROSE + " Three.",
        "Business news in pictures",
        *slides,
        "4. Mini bars almost always lose money",
        PROSE + " Four.",
    ]
    cleaned = clean_paragraphs(body, Context())
    for heading in (
        "3. Beware the wall-mounted hairdryer",
        "4. Mini bars almost always lose money",
    ):
        assert heading in cleaned
    assert not any("Slide" in p for p in cleaned)
    assert "Read more" not in cleaned


def test_a_teaser_boxs_own_numbered_items_still_go():
    # Numbered items that do not go on from a number the body used before are the box's own.
    body = [
        PROSE,
        "Read more",
        "1. Ten things about the budget",
        "2. The vote in pictures",
        PROSE + " Two.",
    ]
    assert clean_paragraphs(body, Context()) == [PROSE, PROSE + " Two."]
