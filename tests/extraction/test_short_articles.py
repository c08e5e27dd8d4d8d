"""A page whose only text is a sentence or two that both opinions read: a short article.

Such a page used to be refused as ``too_short`` with captions, notices and menus. It is now
answered when the two opinions agree on the text, the text is sentences, and it is neither a
notice (error, login, script, cookies, a footer) nor a video page's caption.
"""

from __future__ import annotations

import pytest

from worker.pipeline.errors import NoArticleError
from worker.pipeline.extraction import extract_article
from worker.pipeline.extraction.main_extractor import is_agreed
from worker.pipeline.extraction.short_article import is_media_page, is_short_article

BRIEF = "The town library will open an hour later on Saturdays from next month, the council said."
SECOND = "Staff shortages are the reason, according to the head librarian."


def _page(body: str, title: str = "Library hours change", head: str = "") -> str:
    return (
        f"<html><head><title>{title}</title>{head}</head><body>"
        "<header><a href='/'>Home</a> <a href='/news'>News</a></header>"
        f"<div class='post'>{body}</div></body></html>"
    )


def _refused(page: str) -> str:
    with pytest.raises(NoArticleError) as caught:
        extract_article(page)
    return caught.value.reason


def test_a_one_sentence_brief_both_opinions_read_is_answered():
    assert extract_article(_page(f"<p>{BRIEF}</p>")).text == BRIEF


def test_a_two_sentence_brief_is_answered_whole():
    text = extract_article(_page(f"<p>{BRIEF}</p><p>{SECOND}</p>")).text
    assert BRIEF in text and SECOND in text


def test_a_media_page_s_sentence_is_still_too_short():
    # The same sentence under a player is the video's caption, not a story; on a gallery or a
    # shop's page it is a caption or a blurb.
    video = f"<video src='/clip.mp4'></video><p>{BRIEF}</p>"
    assert _refused(_page(video)) == "too_short"
    player = f"<div class='video-player'></div><p>{BRIEF}</p>"
    assert _refused(_page(player)) == "too_short"
    assert _refused(_page(f"<p>{BRIEF}</p>", title="Watch: the library at night")) == "too_short"
    gallery = _page(f"<p>{BRIEF}</p>", title="In pictures: the library at night")
    assert _refused(gallery) == "too_short"
    product = _page(f"<p>{BRIEF}</p>", head='<meta property="og:type" content="product">')
    assert _refused(product) == "too_short"


@pytest.mark.parametrize(
    "notice",
    [
        "You must be logged in to read this story, so please sign in with your details.",
        "Sorry, the page you asked for could not be found on this server today.",
        "Please enable JavaScript in your browser settings to see this site as it should be.",
        "The topic or post you requested does not exist on this forum any more.",
        "Thank you for your message, our team will get back to you within two days.",
        "This story is no longer available on our website after the end of the licence.",
        "Die angeforderte Seite wurde leider nicht gefunden, bitte versuchen Sie es erneut.",
        "We are sorry, but something went wrong while loading this page for you.",
        "Sorry, we couldn't find the page you are looking for on our website.",
        "There are no upcoming events in this category at the moment, come back soon.",
    ],
)
def test_a_short_notice_is_still_too_short(notice: str):
    assert _refused(_page(f"<p>{notice}</p>")) == "too_short"


def test_labels_and_a_form_are_still_too_short():
    labels = "<p>Opening hours</p><p>Saturday and Sunday</p><p>Contact the front desk</p>"
    assert _refused(_page(labels)) == "too_short"
    form = (
        "<form><label>Your name</label><input><label>Your email</label><input>"
        "<button>Send</button></form>"
    )
    assert _refused(_page(form)) == "too_short"


def test_agreement_needs_both_short_opinions_to_read_the_same_text():
    assert is_agreed([BRIEF], [BRIEF])
    assert is_agreed([BRIEF], [BRIEF, SECOND])  # one holds the other
    assert not is_agreed([BRIEF], [SECOND])
    assert not is_agreed([BRIEF], [])
    assert not is_agreed([BRIEF], [BRIEF] * 6)  # a long opinion: the ordinary checks decide


def test_the_text_checks():
    assert is_short_article([BRIEF], "<p></p>", "Library hours change")
    assert not is_short_article(["Library hours change"], "<p></p>", None)  # no sentence
    # Labels with one sentence among them: most words are not in sentences.
    labels = ["Home", "News and events near you", "Sport results today", "Weather", BRIEF[:60]]
    assert not is_short_article(labels, "", None)
    assert not is_short_article(["| Home | News | Contact us at the office. |"], "", None)


def test_media_page_signals():
    assert is_media_page('<meta property="og:type" content="video.other">', None)
    assert is_media_page('<meta content="product" property="og:type">', None)
    assert is_media_page("", "In pictures: the library at night")
    assert is_media_page('<iframe src="https://www.youtube.com/embed/x"></iframe>', None)
    assert is_media_page("", "Video: the library at night")
    assert not is_media_page('<div class="videos-archive-link"></div><p>text</p>', "Hours")
    assert not is_media_page("<p>A football player scored twice.</p>", "Cup tie")
