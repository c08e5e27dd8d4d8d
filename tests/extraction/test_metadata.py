"""Metadata on shared-set pages whose HTML states it, checked by hand against each page's source.

Each expected value below was read from the page itself (JSON-LD, meta tags, the visible byline
and headline, or the URL's date path for the NYT page, which states no date in its HTML).
"""

from __future__ import annotations

import gzip

import pytest
from lxml import html as lxml_html

from tests.support.data import EXTRACTION_DIR
from worker.pipeline.extraction import extract_article
from worker.pipeline.extraction.metadata import extract_byline

# key prefix: (title, byline, published, language)
EXPECTED = {
    "04a6711c": ("Republicans Are Following Trump to Nowhere", "Jamelle Bouie", "2019-11-19", "en"),
    "16c30add": (
        "The law that’s helping fuel Delhi’s deadly air pollution",
        "Umair Irfan",
        "2019-11-08",
        "en",
    ),
    "232a43fb": (
        "13-Inch MacBook Pro With Scissor Keyboard Expected in First Half of 2020",
        "Joe Rossignol",
        "2019-11-18",
        "en",
    ),
    "374ac9a5": (
        "Emirates inks $9 billion order for 30 Boeing 787 jets, will restart plans to expand "
        "airline by early 2020s",
        "Natasha Turak",
        "2019-11-20",
        "en",
    ),
    "785affa2": (
        "Star Trek 4 eyes Fargo, Legion creator Noah Hawley to direct",
        "Chaim Gartenberg",
        "2019-11-19",
        "en",
    ),
    "a1fca19b": (
        "Taliban say they freed US, Australian hostages for 3 terrorist figures",
        "Lia Eustachewich, Yaron Steinbuch",
        "2019-11-19",
        "en",
    ),
    "d1c57d78": (
        "NASA adds five companies to commercial lunar lander program",
        "Jeff Foust",
        "2019-11-19",
        "en",
    ),
    "3252222e": (
        "A Fantástica Loja dos Materiais Educativos",
        "Carlos Nadalim",
        "2018-08-23",
        "pt",
    ),
    "9cb8224b": (
        "The Doobie Brothers Set 50th Anniversary Tour of North America",
        "Lars Brandle",
        "2019-11-19",
        "en",
    ),
    "87bf6057": (
        "In Prince Andrew’s dumpster-fire Epstein interview, the truth comes out",
        "Madeline Fry",
        "2019-11-18",
        "en",
    ),
    # Templates whose only <h1> is the site's logo: the headline comes from og:title.
    "21486419": ("Jangan Membenci Satu Kaum Secara Berlebihan", None, "2015-03-30", "id"),
    "5f9c5ed5": (
        "With shattered dreams, deportees return home from US",
        "India Post News Weekly",
        "2019-11-20",
        "en",
    ),
    # "Analysis by ..." is a label, not part of the name.
    "ef4e67b6": (
        "Why you just can't trust the White House on Donald Trump's health",
        "Chris Cillizza, CNN Editor-at-large",
        "2019-11-18",
        "en",
    ),
    # Wire bylines in capitals read as names.
    "82b6d780": (
        "Unpredictable Sondland faces questions about Trump, Ukraine",
        "Lisa Mascaro, Mary Clare Jalonick and Eric Tucker",
        "2019-11-20",
        "en",
    ),
    "85439e26": ("商品の改造が商標法違反に！？", None, "2016-12-01", "ja"),
    "0ec95c72": (
        "엘제이-류화영 진흙탕 싸움, 공적인 사안으로 봐야하는 이유",
        None,
        "2018-08-25",
        "ko",
    ),
}


def _page(prefix: str) -> tuple[bytes, str]:
    import json

    truth = json.loads((EXTRACTION_DIR / "ground-truth.json").read_text(encoding="utf-8"))
    key = next(k for k in truth if k.startswith(prefix))
    html = gzip.decompress((EXTRACTION_DIR / "html" / f"{key}.html.gz").read_bytes())
    return html, truth[key]["url"]


@pytest.mark.parametrize("prefix", sorted(EXPECTED))
def test_metadata_matches_the_page(prefix):
    html, url = _page(prefix)
    article = extract_article(html, url)
    title, byline, published, language = EXPECTED[prefix]
    assert (article.title, article.byline, article.published, article.language) == (
        title,
        byline,
        published,
        language,
    )


def test_canonical_url_is_reported():
    html, url = _page("374ac9a5")
    assert extract_article(html, None).url.startswith("https://www.cnbc.com/2019/11/20/emirates")


def test_author_markup_outranks_a_byline_class_found_earlier_in_the_page():
    # One pass finds both kinds of byline element; the author markup is still asked first,
    # wherever it sits, and a byline class only when no author markup names anyone.
    tree = lxml_html.document_fromstring(
        '<html><body><div class="byline">By Jane Roe</div><p>Text.</p>'
        '<span itemprop="author"><span itemprop="name">John Doe</span> staff</span>'
        '<a rel="author" href="/">   </a></body></html>'
    )
    assert extract_byline(tree, {}, []) == "John Doe"
    tree = lxml_html.document_fromstring(
        '<html><body><a rel="author" href="/"> </a><div class="story-byline">By Jane Roe'
        "</div></body></html>"
    )
    assert extract_byline(tree, {}, []) == "Jane Roe"
