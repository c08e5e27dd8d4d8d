"""Browser fixtures: a real ``sourcemark serve`` (embedded: SQLite, tasks in-process), test pages
from ``localhost``, and Debian's Chromium with the real extension."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.browser.harness import ARTIFACTS, ExtensionBrowser, PageServer, extension_copy
from tests.support.services import Stack, stack

# Small enough that a "huge page" test stays quick; every other test page is far below it.
MAX_BODY_BYTES = 2_000_000


@pytest.fixture(scope="session")
def sourcemark_server() -> Iterator[Stack]:
    with stack(
        distributed=False, extra_env={"SOURCEMARK_MAX_BODY_BYTES": str(MAX_BODY_BYTES)}
    ) as s:
        s.run("db", "upgrade")
        s.reader_token = s.token("reader", "browser-tests")
        s.serve()
        yield s


@pytest.fixture(scope="session")
def pages() -> Iterator[PageServer]:
    server = PageServer()
    yield server
    server.close()


@pytest.fixture(scope="session")
def browser(playwright_instance, sourcemark_server) -> Iterator[ExtensionBrowser]:  # noqa: ANN001
    # The copy grants the server's host as the reader's "Allow" on the options page would
    # (Chromium's permission prompt cannot be answered from automation); the test pages on
    # localhost are not granted: they are reached through the toolbar click's activeTab.
    b = ExtensionBrowser(playwright_instance, extension_copy(["http://127.0.0.1/*"]))
    yield b
    b.close()


@pytest.fixture
def ext(browser: ExtensionBrowser, sourcemark_server: Stack) -> ExtensionBrowser:
    """The browser, configured for the test server, with one fresh tab."""
    browser.configure(sourcemark_server.url, sourcemark_server.reader_token)
    return browser


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS
