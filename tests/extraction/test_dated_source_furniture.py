"""ext-margins5: a dated source line, a listing's count alone and a health site's review notice."""

import pytest

from worker.pipeline.extraction.filters import Context, is_furniture


@pytest.mark.parametrize(
    "paragraph",
    [
        "Quelle: Landesjagdverband Nord (LJV), 14. März 2021, Kiel",
        "Quelle: Stadtverwaltung, 03.05.2020",
        "(12 Rezepte)",
        "(7 comments)",
        "Dieser Text entspricht den Vorgaben der ärztlichen Fachliteratur und wurde von "
        "Fachleuten geprüft.",
    ],
)
def test_furniture(paragraph: str) -> None:
    assert is_furniture(paragraph, Context())


@pytest.mark.parametrize(
    "paragraph",
    [
        # A sentence that names a source and a date is the story's own.
        "Quelle: Der Verband meldete am 14. März 2021 in Kiel einen Rückgang. Das überraschte.",
        "Im Buch stehen (12 Rezepte) für den Winter, sagte die Köchin.",
        "Dieser Text beschreibt, wie die Ärztin die Vorgaben der Fachliteratur prüfte.",
    ],
)
def test_not_furniture(paragraph: str) -> None:
    assert not is_furniture(paragraph, Context())
