"""Error paths, as the reader sees them: in the page (status line), on the badge, and as the
rejection of the click handler."""

from __future__ import annotations

import pytest

from tests.browser.conftest import MAX_BODY_BYTES
from tests.browser.harness import ExtensionBrowser, extension_copy, shadow_text
from tests.support.services import free_port

pytestmark = pytest.mark.browser

ARTICLE = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Budget vote</title>
</head><body><article><h1>Council approves budget</h1>
<p>The city council approved the new budget on Monday, said Mayor Jane Carter.</p>
<p>"We listened to residents for a year," Carter told reporters after the vote.</p>
</article></body></html>"""


def failed_click(ext: ExtensionBrowser, page) -> str:  # noqa: ANN001
    outcome = ext.click_action(page)
    assert not outcome["ok"], outcome
    shown = shadow_text(page, ".status[data-level=error] .text")
    assert shown == outcome["error"], "the page must show the same message"
    assert ext.badge(page) == "!"
    return outcome["error"]


def test_server_down(ext, pages) -> None:  # noqa: ANN001
    port = free_port()
    ext.configure(f"http://127.0.0.1:{port}", "whatever")
    page = ext.fresh_page()
    page.goto(pages.add("/down.html", ARTICLE))
    message = failed_click(ext, page)
    assert message.startswith(f"Cannot reach the sourcemark server at 127.0.0.1:{port}.")
    assert "Is it running?" in message


def test_bad_token(ext, pages, sourcemark_server) -> None:  # noqa: ANN001
    ext.configure(sourcemark_server.url, "not-a-real-token")
    page = ext.fresh_page()
    page.goto(pages.add("/bad-token.html", ARTICLE))
    message = failed_click(ext, page)
    assert message.startswith("The server rejected the API token")
    assert "Check the token in the options" in message


def test_page_too_large(ext, pages) -> None:  # noqa: ANN001
    paragraph = "<p>" + "The council met again on a different day to discuss new matters. " * 20
    body = "</p>\n".join(paragraph + str(i) for i in range(MAX_BODY_BYTES // 1200 + 200))
    page = ext.fresh_page()
    page.goto(pages.add("/huge.html", ARTICLE.replace("</article>", body + "</p></article>")))
    message = failed_click(ext, page)
    assert message.startswith("This page is too large for the server to analyse.")


def test_a_page_the_extension_may_not_read(ext) -> None:  # noqa: ANN001
    # No content script runs on browser pages: badge and tooltip must still say what happened.
    page = ext.fresh_page()
    page.goto("chrome://version/")
    outcome = ext.click_action(page)
    assert not outcome["ok"] and outcome["code"] == "cannot_inject", outcome
    assert outcome["error"].startswith("sourcemark cannot read this page")
    assert ext.badge(page) == "!"
    assert ext.title(page) == f"sourcemark: {outcome['error']}"


def test_not_configured(ext, pages) -> None:  # noqa: ANN001
    ext.configure(None, None)
    page = ext.fresh_page()
    page.goto(pages.add("/unset.html", ARTICLE))
    message = failed_click(ext, page)
    assert message.startswith("sourcemark is not set up yet")


def test_without_the_server_permission_the_reader_is_told_to_allow_it(
    playwright_instance, pages, sourcemark_server
) -> None:  # noqa: ANN001
    # The extension exactly as shipped: no host access until the options page asks for it.
    plain = ExtensionBrowser(playwright_instance, extension_copy())
    try:
        plain.configure(sourcemark_server.url, sourcemark_server.reader_token)
        page = plain.fresh_page()
        page.goto(pages.add("/no-permission.html", ARTICLE))
        message = failed_click(plain, page)
        host = sourcemark_server.url.removeprefix("http://")
        assert message.startswith(f"sourcemark may not contact {host} yet")
        assert "options" in message
    finally:
        plain.close()
