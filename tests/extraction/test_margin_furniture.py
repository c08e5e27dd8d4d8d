"""Furniture the margins round added: prompts, channel promotions, login notices, credits.

Every page text here is invented. Each case pairs the furniture with article prose that
shares its words, so a rule that overreaches fails too.
"""

from __future__ import annotations

import pytest

from worker.pipeline.extraction import extract_article
from worker.pipeline.extraction.filters import Context, is_furniture

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
    "Das Magazin jetzt auch digital! Einfach hier klicken und registrieren!",
]

PROSE = [
    "We want to hear more about the plan, the mayor told the council before the vote.",
    "Más sobre la reforma se sabrá el lunes, dijo la ministra a los periodistas.",
    "The council said users who are not logged in can still read the minutes.",
    "Follow the river north on foot for two hours and the old mill comes into view.",
    "Alle Angaben des Vereins wurden vom Gericht geprüft und bestätigt.",
    "The photographer, whose work is © protected by her agency, spoke at the opening.",
]


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
