"""Furniture the margins round added: prompts, channel promotions, login notices, credits.

Every page text here is invented. Each case pairs the furniture with article prose that
shares its words, so a rule that overreaches fails too.
"""

from __future__ import annotations

import pytest

from worker.pipeline.extraction import extract_article
from worker.pipeline.extraction.filters import Context, clean_paragraphs, is_furniture
from worker.pipeline.extraction.htmlprocessing import parse_html, remove_boilerplate

FURNITURE = [
    "We want to hear what you think about this story. Write a letter to letters@example.org.",
    "We'd love to hear from you: send your thoughts to desk@example.org.",
    "You are not logged in.",
    "Sie sind aktuell nicht eingeloggt.",
    "(Alle Angaben ohne Gewähr)",
    "Mehr zum Thema auf Beispiel.de",
    "Más sobre El Diario Ejemplo",
    "Harbour ferries at dawn in the old port. © EXAMPLE PRESS / JANE ROE",
    "Follow The Daily Example on Twitter and Instagram @DailyExample and on Facebook "
    "@DailyExampleNews. Send us a message on WhatsApp at 555-0100 or email us at "
    "tips@example.com or desk@example.com today.",
    "Send us a tip about your neighbourhood and we will look into it.",
    "¡Mira lo que tiene nuestro canal de YouTube!",
    "¿Ya conoces nuestro canal de Telegram? Únete desde tu teléfono con este enlace.",
    "HAZTE MIEMBRO Y DISFRUTA DE VENTAJAS",
    "Escríbenos a redaccion@example.es o suscríbete a nuestra newsletter semanal.",
    "Zapraszamy też do subskrypcji naszego tygodnika.",
    "Try the new forum and let us know what you think in the comments below.",
    "Visit Example.com for breaking news, world news and the weather",
    "Quelle: Landesamt für Statistik",
    "Jahresbericht des Vereins 2023PDF | 412 KB | Datei ist nicht barrierefrei",
    "Anmeldeformular (DOCX, 1,2 MB)",
    "Logo des Stadtpreises für Baukultur | © Example Verlag",
    "Abbildung 3: Schichtung der Schneedecke im Querschnitt.",
    "Fig. 2: The pump house after the flood",
    "ANZEIGE - Heute schon an morgen gedacht? Unsere Tipps:",
    "*Werbung. Dieser Beitrag enthält Werbung für eine Teemarke.",
    "Anzeige",
    "Alle Mitteilungen des Vereins | RSS-Feed abonnieren",
    "Weitere Infos unter www.beispielverein.de.",
    "More details at example.org",
    "Alles über leichte Zelte findest du hier.",
    '... weiter zu "Teil zwei"',
    "| We need your help Help us keep the archive open for every reader Donate |",
    "Das neue Heft jetzt am Kiosk, im Abo, als E-Paper und in der App.",
    "Jetzt anmelden und erhalten Sie exklusive Angebote!",
    "Reporting by the desk; follow him on Twitter for updates.",
    "Das Magazin jetzt auch digital! Einfach hier klicken und registrieren!",
]

PROSE = [
    "We want to hear more about the plan, the mayor told the council before the vote.",
    "Más sobre la reforma se sabrá el lunes, dijo la ministra a los periodistas.",
    "The council said users who are not logged in can still read the minutes.",
    "Follow the river north on foot for two hours and the old mill comes into view.",
    "Alle Angaben des Vereins wurden vom Gericht geprüft und bestätigt.",
    "The photographer, whose work is © protected by her agency, spoke at the opening.",
    # An author's bio is read with the story, the closing invitation with it.
    "Jane Roe is a reporter covering city hall. Follow her on Twitter @janeroe_example.",
    "Quelle: Das Landesamt zählte im Mai mehr Besucher als im ganzen Vorjahr.",
    "Let us know in the comments if you have a favourite long read from our archive.",
    "The 40-page PDF runs to 3 MB and lists every school in the district by name.",
    "The figure 3: 1 was the final score after extra time in the cup semi-final.",
    "Anzeige gegen den Vermieter hat die Mieterin am Montag erstattet.",
    "Werbung ist für viele kleine Vereine die wichtigste Einnahme.",
    "Weitere Infos gab die Polizei am Abend nicht bekannt.",
    "Readers can help us by donating old books to the library, the mayor said.",
    "Die Antworten finden Sie hier im Bericht weiter unten, sagte die Sprecherin.",
]


def test_a_label_left_dangling_at_the_end_goes() -> None:
    prose = (
        "The institute's new climate model resolves clouds over the ocean at a finer scale "
        "than before, and the first runs will be published in the spring."
    )
    assert clean_paragraphs([prose, "Weitere Informationen:", "Kontakt:"], Context()) == [prose]
    # A label with its content under it stays.
    kept = clean_paragraphs([prose, "Ingredients:", "Two cups of flour"], Context())
    assert kept == [prose, "Ingredients:", "Two cups of flour"]


@pytest.mark.parametrize("text", FURNITURE)
def test_furniture(text: str) -> None:
    assert is_furniture(text, Context())


@pytest.mark.parametrize("text", PROSE)
def test_prose_that_shares_the_words_stays(text: str) -> None:
    assert not is_furniture(text, Context())


def test_page_loses_the_prompts_and_keeps_the_story() -> None:
    story = (
        "The harbour board approved the new ferry timetable on Tuesday after a long "
        "debate about night crossings and the cost of extra crews for the winter months. "
    )
    html = f"""<html><head><title>Ferry timetable approved</title></head><body>
    <article><h1>Ferry timetable approved</h1>
    <p>{story * 2}</p>
    <p>Harbour ferries at dawn in the old port. © EXAMPLE PRESS / JANE ROE</p>
    <p>{story}Residents welcomed the change, said the chair.</p>
    <p>We want to hear what you think about this story. Write to letters@example.org.</p>
    <p>Sie sind aktuell nicht eingeloggt.</p>
    </article></body></html>"""
    text = extract_article(html, "https://example.org/news/ferry").text
    assert "Residents welcomed the change" in text
    assert "EXAMPLE PRESS" not in text
    assert "hear what you think" not in text
    assert "eingeloggt" not in text


def _after_boilerplate(body: str) -> str:
    tree = parse_html(f"<html><body>{body}</body></html>")
    remove_boilerplate(tree)
    return " ".join(tree.text_content().split())


def test_a_list_of_credits_that_links_from_every_item_stays() -> None:
    prose = "<p>" + "The volunteers met every week to fix the library's catalogue. " * 4 + "</p>"
    # Most of the text is linked, but only the first item is mostly its link.
    credits = (
        '<li>Ana Lopes <a href="/b/1">mended the broken search box on every catalogue page of '
        "the library's public website and its mobile version</a></li>"
        '<li>Tom Berg <a href="/b/2">fixed a typo</a> in the opening hours</li>'
        '<li>Mia Chen <a href="/b/3">added a map</a> of the branches to it</li>'
    )
    rail = "".join(
        f'<li><a href="/s/{i}">Another story headline, number {i}</a> (3 min)</li>'
        for i in range(3)
    )
    text = _after_boilerplate(f"<article>{prose}<ul>{credits}</ul>{prose}<ul>{rail}</ul></article>")
    assert "fixed a typo in the opening hours" in text
    assert "mended the broken search" in text
    assert "Another story headline" not in text


@pytest.mark.parametrize(
    "heading", ["You may also be interested in:", "You might also be interested in"]
)
def test_teaser_box_headings_drop_their_box(heading: str) -> None:
    prose = (
        "The museum reopened its east wing on Saturday after three years of careful repairs, "
        "and the first visitors queued along the river to see the restored ceilings."
    )
    more = (
        "Curators said the ceilings had been painted in 1790 and were cleaned by hand over two "
        "winters, one square metre at a time."
    )
    body = [prose, heading, "Museum tickets rise", "A new cafe opens", more]
    assert clean_paragraphs(body, Context()) == [prose, more]


@pytest.mark.parametrize(
    "text", ["Find out more", "Budget talks stall. Continue reading the main story"]
)
def test_pointers_back_to_the_story_are_furniture(text: str) -> None:
    assert is_furniture(text, Context())


def test_a_sentence_about_finding_out_more_stays() -> None:
    text = "Investigators hope to find out more about the cause of the fire next week."
    assert not is_furniture(text, Context())
