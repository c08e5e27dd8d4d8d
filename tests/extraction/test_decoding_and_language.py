"""Charset detection and the language check, on their own."""

from __future__ import annotations

import pytest

from worker.pipeline.errors import NoArticleError, NotHTMLError
from worker.pipeline.extraction.decoding import declared_charset, decode_bytes, to_text
from worker.pipeline.extraction.htmlprocessing import parse_html
from worker.pipeline.extraction.language import declared_language, detect_language, text_language

GERMAN = (
    "Die Regierung hat am Dienstag einen neuen Haushalt vorgelegt, der nach Angaben des "
    "Ministers die Ausgaben für Bildung und Verkehr deutlich erhöhen soll. Die Opposition "
    "kritisierte, dass die Zahlen auf zu optimistischen Annahmen beruhen."
)


def test_declared_charset_reads_meta_charset_and_http_equiv():
    assert declared_charset(b'<meta charset="Shift_JIS">') == "shift_jis"
    assert (
        declared_charset(b'<meta http-equiv="Content-Type" content="text/html; charset=gbk">')
        == "gbk"
    )
    assert declared_charset(b"<p>no declaration</p>") is None
    assert declared_charset(b'<meta charset="utf-16">') == "utf-8"  # bytes that say so in ASCII
    assert declared_charset(b'<meta charset="no-such-codec">') is None


def test_mislabelled_utf8_is_read_as_utf8():
    html = '<meta charset="windows-1252"><p>Müller says “yes”</p>'.encode()
    assert "Müller says “yes”" in decode_bytes(html)


def test_cp1252_bytes_without_declaration_decode():
    html = "<p>Café crème, “quoted” — and 50 € more for the naïve reader.</p>".encode("cp1252")
    assert "Café crème, “quoted” — and 50 € more" in decode_bytes(html)


@pytest.mark.parametrize("document", ["", "  ", b"", b" \n"])
def test_empty_input(document):
    with pytest.raises(NoArticleError):
        to_text(document)


def test_non_text_input_type_is_refused():
    with pytest.raises(NotHTMLError):
        to_text(12345)  # type: ignore[arg-type]


def test_declared_language_from_html_lang_or_meta():
    assert declared_language(parse_html('<html lang="pt-BR"><body><p>x</p></body></html>')) == "pt"
    tree = parse_html(
        '<html><head><meta http-equiv="content-language" content="de"></head>'
        "<body><p>x</p></body></html>"
    )
    assert declared_language(tree) == "de"
    assert declared_language(parse_html("<html><body><p>x</p></body></html>")) is None


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (GERMAN, "de"),
        (
            "Наконец правительство объявило о новых мерах поддержки для малого бизнеса в регионах.",
            "ru",
        ),
        ("연합뉴스에 따르면 정부는 화요일 새로운 예산안을 발표했다고 밝혔다.", "ko"),
        ("too short", None),
    ],
)
def test_text_language(text, language):
    assert text_language(text) == language


def test_text_overrides_a_wrong_template_language():
    tree = parse_html('<html lang="en"><body><p>x</p></body></html>')
    assert detect_language(tree, GERMAN) == "de"


def test_regional_declaration_kept_when_text_agrees_on_script():
    tree = parse_html('<html lang="uk"><body><p>x</p></body></html>')
    assert (
        detect_language(tree, "Уряд оголосив про нові заходи підтримки для малого бізнесу.") == "uk"
    )
