"""Whether a body too short for the article checks is still a short article.

A page whose whole text is a sentence or two (a brief, a one-line post) is refused as
``too_short`` by the length and prose checks, which are there for captions, video pages,
error and login notices and menus. When both opinions (trafilatura's and readability's) read
the same short text (see ``main_extractor.is_agreed``), the page holds that text and nothing
else that looks like a body; it is answered when the text reads as sentences, is not a notice,
and the page is not built around a video, a gallery or a product (its sentence is a caption
or a blurb). Only refused pages reach these checks, so they may read the page's markup.
"""

from __future__ import annotations

import re

# A sentence: at least this many words up to its closing mark.
MIN_SENTENCE_WORDS = 6
# The text as a whole: fewer words than this is a label or a fragment, not something to analyse.
MIN_SHORT_WORDS = 8
# Characters of the page's markup read for the media signals (the head and the body's opening).
MEDIA_SCAN_CHARS = 200_000

# A sentence as written: text up to a closing mark (a trailing "…" too: speech trailing off),
# then closing quotes of any convention, then a space or the end (so "Inc.," or "3.5" does not
# close one).
_SENTENCE = re.compile(r"[^.!?…。！？]+[.!?…。！？]+[\"'”’“‘»«›)」』]*(?=\s|$)")
_WORD = re.compile(r"\w+", re.UNICODE)

# What sites print in place of an article: errors, login and subscription walls, script and
# cookie notices, bot checks, empty search results, a form's confirmation, a moved page, a
# copyright line; the commonest in German, French, Spanish and Italian too.
_NOTICE = re.compile(
    r"\bnot (?:be )?found\b|\b(?:does|do) not exist\b|\bno longer (?:exists|available)\b"
    r"|\b404\b|\b(?:un|not |temporarily )available\b|\bmaintenance\b"
    r"|\b(?:has|have) been (?:moved|removed|deleted)\b|\b(?:page|article|story|content) "
    r"(?:is |was |has )?(?:removed|expired)\b"
    r"|\ban error\b|\berror (?:occurred|has occurred)\b|\bwent wrong\b|\b(?:access )?denied\b"
    r"|\bforbidden\b|\bsession (?:has )?(?:expired|timed out)\b"
    r"|\b(?:log|sign) ?(?:in|on|up)\b|\b(?:logged|signed) in\b|\bpassword\b"
    r"|\b(?:your|an|create an|free) account\b|\bregister (?:now|here|for free|to)\b"
    r"|\bsubscri(?:be|ber|ption)\b|\bpaywall\b|\bcaptcha\b|\bare you a robot\b"
    r"|\bverify (?:that )?you are (?:a )?human\b|\b(?:18|21) (?:years|or older)\b"
    r"|\bjavascript\b|\bbrowser\b|\bcookies?\b|\bplease (?:enable|wait|try|reload|refresh)\b"
    r"|\bno (?:upcoming )?(?:results|matches|entries|posts|articles|events|items|comments)\b"
    r"|\bsearch results?\b|\byour search\b|\b(?:you are|you're) looking for\b"
    r"|\b(?:could ?n[o'’]t|can ?n[o'’]t|cannot|unable to) (?:find|load|display|be displayed)\b"
    r"|\bthank(?:s| you) for\b|\byour (?:message|submission|request|order)\b"
    r"|\ball rights reserved\b|©|\bcopyright\b|\bterms of (?:use|service)\b|\bprivacy\b"
    r"|\bredirect|\bclick here\b|\bcoming soon\b|\bunder construction\b|\bunsubscribe"
    r"|\bnicht gefunden\b|\b(?:an|ab)melden\b|\beinloggen\b|\bregistrieren\b|\bdatenschutz"
    r"|\bintrouvable\b|\bse connecter\b|\bconnectez-vous\b|\bno (?:se ha )?encontrad[ao]\b"
    r"|\binicia(?:r)? sesi[oó]n\b|\bnon trovat[ao]\b|\baccedi\b",
    re.IGNORECASE,
)
# The markup of a page built around something other than text: a player, an embedded video,
# the page declared a video, a song, a product or a person's profile (Open Graph).
_MEDIA_MARKUP = re.compile(
    r"<video\b"
    r"|<iframe\b[^>]*(?:youtube|youtu\.be|vimeo|dailymotion|brightcove|jwplayer|player)"
    r"|\b(?:class|id)\s*=\s*[\"'](?:[^\"']*[\s_-])?(?:video|player)(?:[\s_-][^\"']*)?[\"']"
    r"|property\s*=\s*[\"']og:type[\"']\s+content\s*=\s*[\"'](?:video|music|product|profile)"
    r"|content\s*=\s*[\"'](?:video|music|product|profile)[\w.]*[\"']\s+property\s*=\s*"
    r"[\"']og:type",
    re.IGNORECASE,
)
# A headline that announces a video or a gallery: "Watch: …", "Video: …", "In pictures: …".
_MEDIA_TITLE = re.compile(
    r"^\s*(?:watch|video|videos|photos?|pictures|gallery|in pictures|audio|listen)\s*[:\-–—|]",
    re.IGNORECASE,
)


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
    return not is_media_page(markup, title)


def _has_sentence(text: str) -> bool:
    """At least one full sentence, and most of the words in sentences (not labels or lines)."""
    counts = [len(_WORD.findall(m.group())) for m in _SENTENCE.finditer(text)]
    in_sentences = sum(n for n in counts if n >= MIN_SENTENCE_WORDS)
    return in_sentences > 0 and 2 * in_sentences >= len(_WORD.findall(text))


def is_media_page(markup: str, title: str | None) -> bool:
    """Whether the page is built around a video, a gallery, a song, a product or a profile: its
    sentence is then a caption or a blurb."""
    if title and _MEDIA_TITLE.match(title):
        return True
    return _MEDIA_MARKUP.search(markup, 0, MEDIA_SCAN_CHARS) is not None
