"""Furniture as other languages write it (issue 12, fourth round): "read also" pointers, teaser
box labels and promotions of the site's own channels, found kept on the trafilatura set's dev
pages (Spanish, German, French and Polish news sites), each written here as a small page.
"""

from __future__ import annotations

import pytest

from worker.pipeline.extraction import extract_article
from worker.pipeline.extraction.filters import Context, clean_paragraphs, is_furniture

PROSA = (
    "El ministro de Hacienda presentó este martes ante el Congreso el proyecto de presupuesto "
    "para el próximo año, que prevé un aumento del gasto social y una reducción del déficit."
)


@pytest.mark.parametrize(
    "paragraph",
    [
        "Lea también: Impiden ingreso a Nicaragua a reportero y camarógrafo estadounidense",
        "Lea más: El Congreso aprueba la reforma fiscal",
        "VEA TAMBIÉN: Estrella de la educación no brilla para estudiantes",
        "PUEDES VER: ¿Qué es la Sunedu?",
        "LE PUEDE INTERESAR: La ficha del expresidente en el tribunal",
        "MIRA: Madre se acerca a conocer los motivos de captura de su hijo",
        "Mire: El cantante da positivo a COVID-19",
        "Leia também: Governo anuncia novo programa",
        "À lire aussi",
        "Lesen Sie auch die folgenden Beiträge:",
        "Auch lesen:",
        "Schon gelesen?",
        "Weitere Themen",
        "Czytaj też",
        "Leggi anche: il governo approva la manovra",
        "For the latest stories and breaking news updates download the Nationnews apps for iOS.",
        "Never miss the latest news by signing up to our free newsletter.",
        "Follow The Gleaner on Twitter and Instagram @JamaicaGleaner.",
        # Seventh round: teaser labels, picture credits and reading-time estimates.
        "Empfohlene Beiträge",
        "Lust auf mehr?",
        "Das könnte Dich auch interessieren: Olympischer Fackellauf in Peking gestartet",
        "Foto: M. Rädel",
        "Fotos/Illustration: Bär Kittelmann",
        "Bildquelle: SWR",
        "Crédits photos : Bestimage",
        "Tempo de leitura: 2 minutos",
        "Lesedauer etwa 2 Min",
        "Estimated reading time: 6 minutes",
        "5 min read",
    ],
)
def test_a_foreign_pointer_or_channel_promotion_is_furniture(paragraph):
    assert is_furniture(paragraph, Context())


@pytest.mark.parametrize(
    "paragraph",
    [
        # Names that are also imperatives, in an interview's turns.
        "Lea: Ich fand das Konzert großartig, sagte sie.",
        "Mira: Ich war an diesem Abend nicht dort.",
        "Lee: We went there on Sunday.",
        # A quote's lead-in that opens with a pointer's first word.
        "Relacionado con el caso, el fiscal dijo:",
        "Saiba mais sobre a vacina no site do ministério, disse a secretária.",
        # Sentences that open with a credit's or a reading-time label's words.
        "Fotografie ist seine Leidenschaft: er fotografiert seit zwanzig Jahren.",
        "Bilder sagen mehr als Worte, meinte der Kurator.",
        "Lust auf mehr Sonne hat nach dem langen Winter jeder, sagte die Meteorologin.",
        "Reading time is short for children's books, the study found.",
        PROSA,
    ],
)
def test_text_opening_like_a_pointer_is_kept(paragraph):
    assert not is_furniture(paragraph, Context())


def test_a_foreign_teaser_box_goes_and_the_story_resumes():
    body = [
        PROSA,
        "Lesen Sie auch",
        "Neue Regeln für Mieter",
        "Was sich 2023 ändert",
        PROSA + " B.",
    ]
    assert clean_paragraphs(body, Context()) == [PROSA, PROSA + " B."]


def test_pointers_inside_a_spanish_article_page_are_not_in_its_text():
    paras = [f"{PROSA} Párrafo {i}." for i in range(5)]
    page = f"""<html><head><title>El presupuesto llega al Congreso</title></head><body>
    <nav><a href="/">Inicio</a> <a href="/politica">Política</a></nav>
    <article><h1>El presupuesto llega al Congreso</h1>
    <p>{paras[0]}</p><p>{paras[1]}</p>
    <p><strong>Lea también:</strong> <a href="/otra">Impiden ingreso a un reportero</a></p>
    <p>{paras[2]}</p><p>{paras[3]}</p>
    <p>VEA TAMBIÉN: <a href="/mas">La oposición critica el proyecto</a></p>
    <p>{paras[4]}</p></article>
    <footer>Todos los derechos reservados</footer></body></html>"""
    text = extract_article(page).text
    assert text.split("\n\n") == paras
