"""Whether a body too short for the article checks is still a short article.

A page whose whole text is a sentence or two (a brief, a one-line post) is refused as
``too_short`` by the length and prose checks, which are there for captions, video pages,
error and login notices and menus. When both opinions (trafilatura's and readability's) read
the same short text (see ``main_extractor.is_agreed``), the page holds that text and nothing
else that looks like a body; it is answered when the text reads as sentences, is not a notice,
and the page is not a video page (whose sentence is the video's caption). Only refused pages
reach these checks, so they may read the page's markup.
"""

from __future__ import annotations

import re

# A sentence: at least this many words up to its closing mark.
MIN_SENTENCE_WORDS = 6
# The text as a whole: fewer words than this is a label or a fragment, not something to analyse.
MIN_SHORT_WORDS = 8
# Characters of the page's markup read for the video signals (the head and the body's opening).
VIDEO_SCAN_CHARS = 200_000

# A sentence as written: text up to a closing mark (a trailing "…" too: speech trailing off),
# then closing quotes of any convention, then a space or the end (so "Inc.," or "3.5" does not
# close one).
_SENTENCE = re.compile(r"[^.!?…。！？]+[.!?…。！？]+[\"'”’“‘»«›)」』]*(?=\s|$)")
_WORD = re.compile(r"\w+", re.UNICODE)

# What sites print in place of an article: errors, login and subscription walls, script and
# cookie notices, empty search results, a form's confirmation, a moved page, a copyright line.
_NOTICE = re.compile(
    r"\bnot (?:be )?found\b|\b(?:does|do) not exist\b|\bno longer (?:exists|available)\b"
    r"|\b(?:has|have) been (?:moved|removed|deleted)\b"
    r"|\b(?:page|article|story|content) (?:is |was )?(?:unavailable|not available|removed|"
    r"expired)\b"
    r"|\ban error\b|\berror (?:occurred|has occurred)\b|\baccess denied\b|\bforbidden\b"
    r"|\b(?:log|sign) ?(?:in|on|up)\b|\b(?:logged|signed) in\b|\bpassword\b"
    r"|\b(?:your|an|create an|free) account\b|\bregister (?:now|here|for free|to)\b"
    r"|\bsubscri(?:be|ber|ption)\b|\bpaywall\b"
    r"|\bjavascript\b|\bbrowser\b|\bcookies?\b|\bplease (?:enable|wait|try|reload|refresh)\b"
    r"|\bno (?:results|matches|entries|posts|articles)\b|\bsearch results?\b|\byour search\b"
    r"|\bthank(?:s| you) for\b|\byour (?:message|submission|request|order)\b"
    r"|\ball rights reserved\b|©|\bcopyright\b|\bterms of (?:use|service)\b|\bprivacy\b"
    r"|\bredirect|\bclick here\b|\bcoming soon\b|\bunder construction\b|\bunsubscribe",
    re.IGNORECASE,
)
# The markup of a video page: a player, an embedded video, the page declared a video.
_VIDEO_MARKUP = re.compile(
    r"<video\b"
    r"|<iframe\b[^>]*(?:youtube|youtu\.be|vimeo|dailymotion|brightcove|jwplayer|player)"
    r"|\b(?:class|id)\s*=\s*[\"'](?:[^\"']*[\s_-])?(?:video|player)(?:[\s_-][^\"']*)?[\"']"
    r"|property\s*=\s*[\"']og:type[\"']\s+content\s*=\s*[\"']video"
    r"|content\s*=\s*[\"']video\.[a-z]+[\"']\s+property\s*=\s*[\"']og:type",
    re.IGNORECASE,
)
# A headline that announces a video: "Watch: …", "Video: …", "VIDEO - …".
_VIDEO_TITLE = re.compile(r"^\s*(?:watch|video|videos)\s*[:\-–—|]", re.IGNORECASE)


def is_short_article(paragraphs: list[str], markup: str, title: str | None) -> bool:
    """Whether a short body both opinions agreed on reads as a short article.

    ``paragraphs`` is the cleaned body, ``markup`` the page as text, ``title`` its headline.
    """
    if any(p.lstrip().startswith("|") for p in paragraphs):
        return False  # a layout table's rows (menus, footers, forms), not sentences
    text = " ".join(p.strip() for p in paragraphs if p.strip())
    if len(_WORD.findall(text)) < MIN_SHORT_WORDS or not _has_sentence(text):
        return False
    if _NOTICE.search(text):
        return False
    return not is_video_page(markup, title)


def _has_sentence(text: str) -> bool:
    """At least one full sentence, and most of the words in sentences (not labels or lines)."""
    counts = [len(_WORD.findall(m.group())) for m in _SENTENCE.finditer(text)]
    in_sentences = sum(n for n in counts if n >= MIN_SENTENCE_WORDS)
    return in_sentences > 0 and 2 * in_sentences >= len(_WORD.findall(text))


def is_video_page(markup: str, title: str | None) -> bool:
    """Whether the page is built around a video: its sentence is then the video's caption."""
    if title and _VIDEO_TITLE.match(title):
        return True
    return _VIDEO_MARKUP.search(markup, 0, VIDEO_SCAN_CHARS) is not None
