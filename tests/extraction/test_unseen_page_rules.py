"""Rules found on pages nobody had tuned on (the development sets of issue 12), one test each.

Each case is a page shape seen there, written here in a few lines: a German quotation ending a
paragraph, a sub-heading repeating the headline under an introduction, a lead that only one
opinion kept, an intro under the headline above readability's container, a section front whose
teasers carry prose snippets.
"""

from __future__ import annotations

import pytest
from lxml import html as lxml_html

from worker.pipeline.errors import NoArticleError
from worker.pipeline.extraction import extract_article
from worker.pipeline.extraction.filters import Context, clean_paragraphs, is_prose
from worker.pipeline.extraction.htmlprocessing import headline_texts
from worker.pipeline.extraction.main_extractor import article_verdict, combine

LONG = "This sentence is long enough to count as prose in a news article body, surely it is."
BODY = [f"{LONG} Paragraph {i} of the story goes on with more detail." for i in range(4)]


@pytest.mark.parametrize(
    "ending",
    [
        "„Dann schließen wir die Grenze, und zwar sofort und ohne jede Ausnahme für alle.“",
        "« Nous fermerons la frontière demain matin, sans aucune exception pour personne. »",
        "»Wir schließen die Grenze morgen früh, ohne jede Ausnahme für irgendwen, sagte er.«",
    ],
)
def test_a_paragraph_ending_in_a_quotation_of_any_convention_is_prose(ending):
    assert is_prose(f"Der Minister sagte am Sonntag vor der Presse in der Hauptstadt: {ending}")


def test_a_paragraph_ending_without_a_sentence_mark_is_not_prose():
    assert not is_prose("Der Minister sagte am Sonntag vor der Presse in der Hauptstadt etwas zu")


def test_a_sub_heading_repeating_the_title_under_an_introduction_keeps_the_introduction():
    intro = (
        "A generally accepted myth says that only men talk about sports and women do not, "
        "and the figures on who watches the games show that it is wrong."
    )
    paragraphs = [intro, "My Top 10 Women Talking Sports", "1. Jane Doe", LONG]
    kept = clean_paragraphs(paragraphs, Context(title="Top 10 Women Talking Sports"))
    assert kept[0] == intro


def test_what_precedes_the_headline_itself_is_still_dropped():
    paragraphs = ["Section teaser with a few words.", "Top 10 Women Talking Sports", LONG]
    kept = clean_paragraphs(paragraphs, Context(title="Top 10 Women Talking Sports"))
    assert kept == [LONG]


def test_the_lead_only_readability_kept_opens_the_combined_body():
    lead = (
        "Anchor: after heavy downpours on Monday, Tuesday morning was met with strong, cold "
        "winds that brought early winter temperatures to the whole country."
    )
    primary = ["Menu label", *BODY, "Footer label"]
    body = combine(primary, [lead, *BODY])
    assert body.paragraphs == [lead, *BODY]


def test_the_lead_is_kept_across_a_short_line_both_opinions_hold():
    lead = (
        "Anchor: after heavy downpours on Monday, Tuesday morning was met with strong, cold "
        "winds that brought early winter temperatures to the whole country."
    )
    handover = "Our reporter has more."
    body = combine([handover, *BODY], [lead, handover, *BODY])
    assert body.paragraphs == [lead, handover, *BODY]


INTRO = [
    "It can be frustrating to step on the scale and see no change.",
    "While it is natural to want feedback on your progress, weight is not everything.",
    "However, your body fat percentage tells you what your weight is made of.",
]


def test_an_intro_of_short_sentences_from_the_top_of_trafilaturas_body_is_kept():
    assert combine([*INTRO, *BODY], BODY).paragraphs == [*INTRO, *BODY]


def test_short_sentences_under_a_label_at_the_top_are_still_trimmed():
    # Something above the sentences that is not one (a label, a menu): the run may be a teaser.
    assert combine(["Menu label", *INTRO, *BODY], BODY).paragraphs == BODY


def test_readability_blocks_above_the_shared_text_that_are_not_prose_are_not_added():
    primary = [*BODY]
    body = combine(primary, ["Share", "Most read", *BODY])
    assert body.paragraphs == BODY


def test_the_intro_between_the_headline_and_readabilitys_container_is_kept():
    title = "Inner contentment and how to grow it"
    intro = ["It can be frustrating.", "Reading time: 4 minutes", "Short label"]
    primary = ["Site menu", title, *intro, *BODY]
    body = combine(primary, BODY, title)
    assert body.paragraphs == [*intro, *BODY]
    # Without the headline the trimming keeps to the agreed span.
    assert combine(primary, BODY).paragraphs == BODY


def test_headline_texts_keep_short_links_of_two_words_or_more():
    tree = lxml_html.fromstring(
        '<html><body><a href="/a">Phage   warfare</a><a href="/b">Home</a>'
        '<a href="/c">A long headline for another story</a></body></html>'
    )
    assert headline_texts(tree) == frozenset({"phage warfare", "a long headline for another story"})


TEASERS = [
    ("Phage warfare", "Could viruses be the new weapon in the fight against infections?"),
    ("Crying game", "Should parents give babies drugs on long flights, doctors ask."),
    ("Five-second rule", "Should you ever eat food that has been on the kitchen floor?"),
    ("Price of life", "Does medicine really have to be so expensive for the patients?"),
]


def test_a_body_of_headlines_with_snippets_is_an_index_page():
    headlines = frozenset(h.lower() for h, _ in TEASERS)
    paragraphs = [f"{h} {snippet}" for h, snippet in TEASERS]
    assert article_verdict(paragraphs, frozenset()) is None  # the snippets alone read as prose
    assert article_verdict(paragraphs, frozenset(), headlines) == "index_page"


def test_an_article_with_a_few_linked_openings_is_still_an_article():
    headlines = frozenset({"the council"})
    paragraphs = [f"The council {LONG}", *BODY]
    assert article_verdict(paragraphs, frozenset(), headlines) is None


def _section_front() -> str:
    items = "".join(
        f'<li><a href="/story/{i}">{h}</a> {s}</li>' for i, (h, s) in enumerate(TEASERS * 3)
    )
    lead = "".join(
        f'<div class="top"><h2><a href="/top/{i}">Top story {i} headline</a></h2>'
        f"<p>{s} More words follow here.</p></div>"
        for i, (_, s) in enumerate(TEASERS[:3])
    )
    return f"<html><body><h1>Health</h1>{lead}<ul>{items}</ul></body></html>"


def test_a_section_front_with_snippets_is_answered_index_page():
    with pytest.raises(NoArticleError) as err:
        extract_article(_section_front())
    assert err.value.reason == "index_page"


def test_a_gallery_of_numbered_slides_is_dropped_and_the_story_kept():
    slides = []
    for i in range(1, 6):
        slides += [f"{i}/5 Headline of slide {i}", f"{LONG} Caption of slide {i}.", "GETTY IMAGES"]
    kept = clean_paragraphs([*BODY[:2], "Business news in pictures", *slides, BODY[2]], Context())
    # The last slide's caption is prose like the story that may go on below: it stays.
    assert kept == [*BODY[:2], "Business news in pictures", f"{LONG} Caption of slide 5.", BODY[2]]


def test_fractions_in_a_recipe_are_not_slides():
    lines = ["1/2 cup of flour", "1/2 teaspoon of salt", "1/2 cup of milk", "3/4 cup of sugar"]
    paragraphs = [*lines, *BODY]
    assert clean_paragraphs(paragraphs, Context()) == paragraphs


def test_a_live_blogs_entries_are_not_cut_as_comments():
    entries = "".join(
        f'<div class="live-match-comment">{i}\' {LONG} Entry {i} of the match.</div>'
        for i in range(10, 100, 10)
    )
    page = (
        "<html><body><h1>Lorient 1-1 Lyon</h1><p>The match as it happened, minute by minute "
        f"from the stadium.</p>{entries}"
        '<div class="comments"><p>A reader wrote something about the match here.</p></div>'
        "</body></html>"
    )
    text = extract_article(page).text
    assert "Entry 10 of the match" in text and "Entry 90 of the match" in text
    assert "A reader wrote" not in text


def _anchors(*texts: str) -> frozenset[str]:
    return frozenset(t.lower() for t in texts)


def test_a_table_row_of_links_only_is_a_menu_laid_out_as_a_table():
    anchors = _anchors("Home", "Current House Value", "Buyer Services", "Contact")
    context = Context(anchors=anchors)
    paragraphs = [
        "| Home \\| Current House Value \\| Contact |",
        "| Buyer Services |",
        "| | Contact | |",
        LONG,
    ]
    assert clean_paragraphs(paragraphs, context) == [LONG]


def test_a_table_row_with_text_beside_its_links_is_kept():
    context = Context(anchors=_anchors("Wellington", "Capital"))
    row = "| Capital | Wellington, on the southern tip of the North Island |"
    assert clean_paragraphs([row, LONG], context) == [row, LONG]


def test_a_long_table_row_of_links_is_a_menu_whatever_its_length():
    names = [f"Section number {i}" for i in range(20)]
    row = "| " + " \\| ".join(names) + " |"
    assert clean_paragraphs([row, LONG], Context(anchors=_anchors(*names))) == [LONG]
