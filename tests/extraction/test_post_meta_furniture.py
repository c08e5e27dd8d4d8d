"""A post's meta lines, comment counters, footer links, a bare site address, the appeal after a
story and a wiki's "Main article:" pointer are furniture.

Every text here is invented. Each furniture case has prose beside it that shares its words.
"""

from __future__ import annotations

import pytest

from worker.pipeline.extraction.filters import Context, clean_paragraphs, is_furniture

FURNITURE = [
    # A blog post's line of date and one field.
    "November 23, 2004 | Permalink",
    "May 03, 2005 | 25 Comments",
    "2021-10-16 | Predigt",
    "24. März 2004, 19:49 | Gartenfreund",
    # German datelines with the month's name, and a time after a comma.
    "24. März 2004",
    "12. Januar 2022,",
    "06.11.2023, 13.47 Uhr",
    # Comment counters in other languages.
    "3 Kommentare",
    "Keine Kommentare",
    "Kommentare (2)",
    "Kommentare insgesamt: 0",
    "Sin comentarios",
    "12 commentaires",
    # The footer's links, alone.
    "Impressum",
    "Datenschutzerklärung",
    "Privacy Policy",
    "Terms of use",
    "Kontakt",
    "Contact us",
    # A syndicated story's source as its address alone.
    "EXAMPLENEWS.COM",
    "www.beispielzeitung.de",
    # The appeal after a story, and a wiki's pointer to a section's own page.
    "If you enjoyed this article, we have a proposition for you: join our readers' club.",
    "Main article: Climate of Exampleland",
    "Main articles: Geography of Exampleland and Geology of Exampleland",
]

PROSE = [
    "Am 24. März 2004 eröffnete der Verein seinen ersten Garten am Stadtrand.",
    "November 23, 2004 was the day the council finally voted on the bridge.",
    "Kommentare unter dem Artikel hat die Redaktion am Abend geschlossen.",
    "Drei Kommentare der Leser haben wir hier gesammelt, sagte die Sprecherin.",
    "The privacy policy of the app changed twice last year, the regulator found.",
    "Kontakt zur Familie hatte die Polizei erst am nächsten Morgen.",
    "Examplenews.com reported the sale first, citing two people at the company.",
    "Contact",  # a press release's heading: its contact details follow
    "If you enjoyed the film, you will like the book, the director said.",
    "The main article of the treaty bans new tariffs on grain.",
]


@pytest.mark.parametrize("text", FURNITURE)
def test_furniture(text: str) -> None:
    assert is_furniture(text, Context())


@pytest.mark.parametrize("text", PROSE)
def test_prose_that_shares_the_words_stays(text: str) -> None:
    assert not is_furniture(text, Context())


def test_the_post_keeps_its_text_and_loses_its_meta_lines() -> None:
    story = (
        "The allotment society planted forty new apple trees along the railway embankment "
        "this spring, and the first blossom came out in the second week of April."
    )
    more = (
        "Members will pick the first fruit in the autumn and press it at the village hall, "
        "the society's chair said at the spring meeting."
    )
    body = ["24. April 2021 | Gartenfreund", story, more, "3 Kommentare", "Impressum"]
    assert clean_paragraphs(body, Context()) == [story, more]
