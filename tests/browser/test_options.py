"""The options page: saving the settings and "Test connection" saying what is wrong."""

from __future__ import annotations

import pytest

from tests.browser.harness import wait_for
from tests.support.services import free_port

pytestmark = pytest.mark.browser


def options_page(ext):  # noqa: ANN001, ANN201
    page = ext.fresh_page()
    page.goto(f"chrome-extension://{ext.ext_id}/options/options.html")
    return page


def result_after(page, button: str) -> tuple[str, str]:  # noqa: ANN001
    page.locator("#result").evaluate("el => { el.textContent = ''; el.dataset.ok = ''; }")
    page.click(button)
    wait_for(lambda: page.locator("#result").get_attribute("data-ok") in ("true", "false"))
    return page.locator("#result").text_content(), page.locator("#result").get_attribute("data-ok")


def test_save_stores_the_settings_and_tests_them(ext, sourcemark_server, artifacts) -> None:  # noqa: ANN001
    ext.configure(None, None)
    page = options_page(ext)
    page.fill("#serverUrl", sourcemark_server.url.removeprefix("http://") + "/")
    page.fill("#token", sourcemark_server.reader_token)
    text, ok = result_after(page, "#save")
    assert ok == "true", text
    assert text.startswith("Saved. Connected to the sourcemark server")
    stored = ext.sw.evaluate("() => chrome.storage.local.get(['serverUrl', 'token'])")
    assert stored == {"serverUrl": sourcemark_server.url, "token": sourcemark_server.reader_token}
    page.screenshot(path=str(artifacts / "options.png"))


def test_connection_test_names_the_problem(ext, sourcemark_server) -> None:  # noqa: ANN001
    page = options_page(ext)
    page.fill("#serverUrl", sourcemark_server.url)
    page.fill("#token", sourcemark_server.reader_token)
    text, ok = result_after(page, "#test")
    assert ok == "true" and 'the token "browser-tests" is accepted (role: reader)' in text

    page.fill("#token", "wrong-token")
    text, ok = result_after(page, "#test")
    assert ok == "false" and "is up, but it rejected the token" in text
    assert "(" not in text and "`" not in text, text  # one plain sentence, no Markdown

    page.fill("#token", "")
    text, ok = result_after(page, "#test")
    assert ok == "false" and "\u201csourcemark token create" in text and "`" not in text, text
    page.fill("#token", sourcemark_server.reader_token)

    port = free_port()
    page.fill("#serverUrl", f"http://127.0.0.1:{port}")
    text, ok = result_after(page, "#test")
    assert ok == "false" and text.startswith(f"Cannot reach 127.0.0.1:{port}: nothing answers")
    assert "`" not in text, text

    page.fill("#serverUrl", f"{sourcemark_server.url}/api/v1")
    text, ok = result_after(page, "#test")
    assert ok == "false" and "not a sourcemark server" in text

    page.fill("#serverUrl", "ftp://example.org")
    text, ok = result_after(page, "#test")
    assert ok == "false" and "http://" in text


def test_the_keyboard_shortcut_runs_the_toolbar_action(ext) -> None:  # noqa: ANN001
    commands = ext.sw.evaluate("() => chrome.commands.getAll()")
    action = next(c for c in commands if c["name"] == "_execute_action")
    assert action["shortcut"] == "Alt+Shift+M", commands
