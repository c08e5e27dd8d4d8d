"""ext-margins5: a lead set in its own module above the body is put back as the first paragraph.

Every text here is invented.
"""

from __future__ import annotations

from lxml.html import fromstring

from worker.pipeline.extraction import extract_article
from worker.pipeline.extraction.lead import lead_candidate, may_show, shown_on_page, with_lead

LEAD_DE = (
    "Der Stadtrat von Beispielstadt hat am Dienstag einen neuen Radweg beschlossen. "
    "Die Arbeiten sollen im Frühjahr beginnen."
)
BODY_DE = [
    "Nach langer Debatte stimmten die Mitglieder des Rates mit großer Mehrheit für den Plan, "
    "der einen durchgehenden Radweg vom Bahnhof bis zum Hafen vorsieht und die Innenstadt "
    "entlasten soll.",
    "Die Verwaltung rechnet mit Kosten von rund zwei Millionen Euro, von denen das Land einen "
    "großen Teil übernehmen will, wie die Bürgermeisterin nach der Sitzung erklärte.",
    "Anwohner der Hafenstraße hatten sich zuvor über fehlende Parkplätze beschwert, doch die "
    "Planer versprachen, neue Stellflächen in einer Seitenstraße einzurichten.",
    "Ein Verkehrsgutachten soll bis zum Sommer klären, wie viele Radfahrer die neue Strecke "
    "täglich nutzen werden und ob weitere Ampeln an den Kreuzungen nötig sind.",
]


def _page(lead: str, body: list[str], lang: str, lead_in_page: bool = True) -> str:
    module = f'<div class="intro"><p><strong>{lead}</strong></p></div>' if lead_in_page else ""
    paragraphs = "".join(f"<p>{p}</p>" for p in body)
    return (
        f'<html lang="{lang}"><head><title>Neuer Radweg beschlossen</title>'
        f'<meta property="og:description" content="{lead}"></head><body>'
        f"<header><h1>Neuer Radweg beschlossen</h1>{module}</header>"
        f'<div class="sidebar"><a href="/a">Mehr</a></div>'
        f'<article><div class="article-body">{paragraphs}</div></article>'
        "</body></html>"
    )


def test_lead_module_opens_the_text() -> None:
    text = extract_article(_page(LEAD_DE, BODY_DE, "de")).text
    assert text.startswith(LEAD_DE)
    assert text.count("Radweg beschlossen. Die Arbeiten") == 1


def test_description_only_in_meta_is_not_added() -> None:
    text = extract_article(_page(LEAD_DE, BODY_DE, "de", lead_in_page=False)).text
    assert not text.startswith(LEAD_DE)


def test_english_dek_is_left_out() -> None:
    dek = "The council approved a new cycle path on Tuesday, and work begins in spring."
    body = [
        "After a long debate the members of the council voted by a large majority for the plan, "
        "which sets out a continuous cycle path from the station to the harbour.",
        "The administration expects costs of around two million euros, most of which the state "
        "wants to cover, the mayor said after the meeting on Tuesday evening.",
        "Residents of Harbour Street had complained about the loss of parking spaces, but the "
        "planners promised new spaces in a side street nearby.",
    ]
    text = extract_article(_page(dek, body, "en")).text
    assert not text.startswith(dek)


def test_body_holding_the_lead_is_unchanged() -> None:
    paragraphs = [LEAD_DE, *BODY_DE]
    assert with_lead(paragraphs, LEAD_DE, "de") == paragraphs


def test_candidate_reads_as_a_sentence() -> None:
    assert lead_candidate("Nachrichten, Sport und Wetter aus der Region Beispielstadt") is None
    assert lead_candidate("Kurz.") is None
    assert lead_candidate(f"  {LEAD_DE}  ") == LEAD_DE


def test_script_text_is_not_shown() -> None:
    tree = fromstring(f"<html><body><script>var d = '{LEAD_DE}';</script><p>x</p></body></html>")
    assert not shown_on_page(tree, LEAD_DE)
    tree = fromstring(f"<html><body><p>{LEAD_DE}</p></body></html>")
    assert shown_on_page(tree, LEAD_DE)


def test_source_without_the_lead_as_text_is_not_searched() -> None:
    assert not may_show(f'<meta name="description" content="{LEAD_DE}"><p>x</p>', LEAD_DE)
    json_ld = f'<script type="application/ld+json">{{"description": "{LEAD_DE}"}}</script>'
    assert not may_show(json_ld + "<p>x</p>", LEAD_DE)
    assert may_show(f'<meta name="description" content="{LEAD_DE}"><p>{LEAD_DE}</p>', LEAD_DE)


def test_lead_opening_with_bold_words_is_shown() -> None:
    tree = fromstring(
        "<html><body><p><b>Beispielstadt.</b> Der Stadtrat hat am Dienstag einen neuen "
        "Radweg beschlossen, die Arbeiten beginnen im Frühjahr.</p></body></html>"
    )
    lead = (
        "Beispielstadt. Der Stadtrat hat am Dienstag einen neuen Radweg beschlossen, "
        "die Arbeiten beginnen im Frühjahr."
    )
    assert shown_on_page(tree, lead)


def test_a_script_repeating_the_leads_opening_does_not_stall_the_page() -> None:
    # A page whose scripts repeat the lead's opening many thousand times (a data blob): the
    # source test once looked back from the page's start at every repeat, and a page of this
    # size ran past the extraction's time limit (PageTooComplexError) instead of being read.
    blob = "<script>var d = [" + '"Der Stadtrat von Beispielstadt hat", ' * 60_000 + "];</script>"
    page = _page(LEAD_DE, BODY_DE, "de").replace("<body>", "<body>" + blob, 1)
    assert len(page) > 2_000_000
    text = extract_article(page).text
    assert text.startswith(LEAD_DE)
    assert not may_show(blob, LEAD_DE)  # inside a script only: not shown as text
