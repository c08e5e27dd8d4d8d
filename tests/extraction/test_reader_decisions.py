"""Pages where a reader sees an article that a furniture rule used to take away."""

from __future__ import annotations

from worker.pipeline.extraction import extract_article
from worker.pipeline.extraction.htmlprocessing import parse_html, remove_boilerplate

# A song's lines as a Blogger post writes them: short <br>-broken lines, no sentence marks.
LINES = [
    "Walking down the harbour road at night",
    "Lanterns swinging in the salty air",
    "Every boat is calling out your name",
    "Every wave is asking where you are",
    "Sing it slow and sing it low",
    "The tide will carry what we know",
    "Sing it slow and sing it low",
    "Until the morning lets us go",
    "The fishermen are mending nets of gold",
    "The old men tell the stories they were told",
    "Repeat Chorus",
]
# A sidebar far longer than the post: archive notes, about text, a blogroll without links.
SIDEBAR = "".join(
    f"<div class='side-note'>Archive note number {i} describes older songs from the island "
    f"festival and the choir that sang them in the square every summer evening.</div>"
    for i in range(30)
)


def test_a_blogger_post_of_short_lines_is_not_cut_as_a_widget():
    post = "<br>".join(LINES)
    page = (
        "<html><head><title>Harbour Song lyrics</title></head><body>"
        "<div class='main'><div class='widget Blog' id='Blog1'><div class='post hentry'>"
        "<h3 class='post-title'>Harbour Song lyrics</h3>"
        f"<div class='post-body entry-content'>{post}</div></div></div></div>"
        f"<div class='sidebar'>{SIDEBAR}</div></body></html>"
    )
    text = extract_article(page).text
    assert LINES[1] in text and LINES[7] in text
    assert "Archive note number" not in text


def test_a_related_widget_of_several_posts_is_still_cut():
    teasers = "".join(
        f"<div class='post-body'>Another song number {i} from the festival that summer.</div>"
        for i in range(4)
    )
    paragraphs = "".join(
        f"<p>The festival opened on Friday with a choir of {i} hundred singers, and the square "
        "was full long before the first song began, organisers said.</p>"
        for i in range(8)
    )
    page = (
        f"<html><body><article><h1>Festival opens</h1>{paragraphs}</article>"
        f"<div class='widget related'>{teasers}</div></body></html>"
    )
    text = extract_article(page).text
    assert "choir of 7 hundred" in text
    assert "Another song number" not in text


def test_a_sentence_about_getting_an_apps_new_version_is_kept():
    sentence = (
        "In order to get the new version of the app, the store sends your phone a patch that "
        "describes the differences between the old and new versions."
    )
    paragraphs = [
        "Phone owners download billions of app updates every month, and each one costs data "
        "that many of them pay for by the megabyte.",
        sentence,
        "The new approach compares the files inside the package one by one, which makes the "
        "patches far smaller than before, the company said.",
        "Get the Example News app",
    ]
    page = "<html><body><article><h1>Smaller updates</h1>" + "".join(
        f"<p>{p}</p>" for p in paragraphs
    )
    text = extract_article(page + "</article></body></html>").text
    assert sentence in text
    assert "Get the Example News app" not in text


def test_a_promo_card_named_article_is_cut_a_post_body_widget_is_not():
    # Only words that name a post's body keep a furniture-named container: a promo box's
    # teaser card is often classed plain "article", and keeping it made a video page with a
    # sentence read as an article.
    body = "".join(f"<p>{line}, and the crowd sang along until late.</p>" for line in LINES * 3)
    page = (
        f"<html><body><main>{body}</main>"
        "<div class='correspondent-promo'><div class='article blog pinned'>"
        "<p>Scientists develop a new way to make a vaccine without any live virus.</p>"
        "</div></div>"
        "<div class='widget Blog'><div class='post-body'>"
        "<p>Walking home along the quay, humming the song.</p></div></div>"
        "</body></html>"
    )
    tree = parse_html(page)
    remove_boilerplate(tree)
    text = tree.text_content()
    assert "live virus" not in text
    assert "humming the song" in text
