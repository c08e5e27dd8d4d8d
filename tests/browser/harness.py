"""Driving Debian's Chromium with the real extension: shared by the browser tests and
``benchmarks/anchoring.py``.

- ``PageServer``: test pages from ``localhost`` (a different origin from the sourcemark server on
  127.0.0.1, so reaching the page proves the ``activeTab`` grant of a toolbar click works).
- ``extension_copy``: the unpacked extension with extra ``host_permissions``. Chromium shows a
  prompt for ``chrome.permissions.request`` that automation cannot answer, so the copy lists the
  server's host as granted at install — what the reader's "Allow" on the options page grants.
- ``ExtensionBrowser``: a persistent Chromium context with the extension, its service worker,
  the real toolbar click (CDP ``Extensions.triggerAction``) and the ``analyzeTab`` contract.
"""

from __future__ import annotations

import json
import shutil
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
EXTENSION = ROOT / "extension"
CHROMIUM = "/usr/bin/chromium"
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
    "--disable-quic",
    "--headless=new",
]


@dataclass
class Page:
    body: bytes
    content_type: str = "text/html; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)


class PageServer:
    """Serves registered pages at ``http://localhost:<port>/<path>`` from a thread."""

    def __init__(self) -> None:
        self.pages: dict[str, Page] = {}
        pages = self.pages

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 - http.server's name
                page = pages.get(self.path.split("?")[0])
                if page is None:
                    self.send_error(404)
                    return
                self.send_response(200)
                self.send_header("Content-Type", page.content_type)
                self.send_header("Content-Length", str(len(page.body)))
                self.send_header("Cache-Control", "no-store")
                for key, value in page.headers.items():
                    self.send_header(key, value)
                self.end_headers()
                self.wfile.write(page.body)

            def log_message(self, *args: Any) -> None:
                pass

        class Server(ThreadingHTTPServer):
            def handle_error(self, request: Any, client_address: Any) -> None:
                # A tab closed mid-response (the next test's fresh page): not an error of ours.
                if not isinstance(sys.exc_info()[1], ConnectionError):
                    super().handle_error(request, client_address)

        self.httpd = Server(("127.0.0.1", 0), Handler)
        self.port = self.httpd.server_address[1]
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def add(
        self,
        path: str,
        body: str | bytes,
        *,
        scripts: bool = True,
        content_type: str = "text/html; charset=utf-8",
    ) -> str:
        """Register a page; ``scripts=False`` serves it with a CSP that runs none of its
        scripts (the content scripts are not affected). Returns its URL."""
        data = body.encode("utf-8") if isinstance(body, str) else body
        headers = {} if scripts else {"Content-Security-Policy": "script-src 'none'"}
        self.pages[path] = Page(data, content_type, headers)
        return self.url(path)

    def url(self, path: str) -> str:
        return f"http://localhost:{self.port}{path}"

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def extension_copy(host_permissions: list[str] | None = None) -> Path:
    """A copy of ``extension/`` whose manifest also grants ``host_permissions``."""
    target = Path(tempfile.mkdtemp(prefix="sourcemark-ext-")) / "extension"
    shutil.copytree(EXTENSION, target, ignore=shutil.ignore_patterns("tests", "node_modules"))
    if host_permissions:
        manifest_path = target / "manifest.json"
        manifest = json.loads(manifest_path.read_text())
        manifest["host_permissions"] = host_permissions
        manifest_path.write_text(json.dumps(manifest, indent=2))
    return target


class ExtensionBrowser:
    """Chromium with the extension loaded, as the reader's browser."""

    def __init__(self, playwright: Any, extension_dir: Path) -> None:
        self.profile = tempfile.mkdtemp(prefix="sourcemark-profile-")
        ext = str(extension_dir)
        self.ctx = playwright.chromium.launch_persistent_context(
            self.profile,
            executable_path=CHROMIUM,
            headless=True,
            viewport={"width": 1280, "height": 900},
            args=[f"--disable-extensions-except={ext}", f"--load-extension={ext}", *CHROMIUM_ARGS],
        )
        self.sw = (
            self.ctx.service_workers[0]
            if self.ctx.service_workers
            else self.ctx.wait_for_event("serviceworker")
        )
        self.ext_id = self.sw.url.split("/")[2]
        self.cdp = self.ctx.browser.new_browser_cdp_session() if self.ctx.browser else None

    def configure(self, server_url: str | None, token: str | None) -> None:
        self.sw.evaluate(
            """async ([serverUrl, token]) => {
                await chrome.storage.local.clear();
                const set = {};
                if (serverUrl !== null) set.serverUrl = serverUrl;
                if (token !== null) set.token = token;
                await chrome.storage.local.set(set);
            }""",
            [server_url, token],
        )

    def fresh_page(self) -> Any:
        """A new tab, with every other tab closed: 'the active tab' is then unambiguous."""
        page = self.ctx.new_page()
        for other in list(self.ctx.pages):
            if other is not page:
                other.close()
        return page

    def click_action(self, page: Any, timeout: float = 90) -> dict[str, Any]:
        """The real toolbar click on ``page``'s tab; returns the outcome of the click handler:
        ``{"ok": True, "value": {...}}`` or ``{"ok": False, "error": message, "code": ...}``."""
        self.sw.evaluate("() => { globalThis.sourcemark.lastRun = null; }")
        # The click goes to the tab the reader looks at: make it the active, loaded one.
        page.bring_to_front()
        page.wait_for_load_state("load")
        targets = self.cdp.send("Target.getTargets", {"filter": [{"type": "tab"}]})["targetInfos"]
        tab = next(t for t in targets if t["url"] == page.url)
        self.cdp.send("Extensions.triggerAction", {"id": self.ext_id, "targetId": tab["targetId"]})
        return self.sw.evaluate(
            """async (timeoutMs) => {
                const end = Date.now() + timeoutMs;
                while (!globalThis.sourcemark.lastRun) {
                    if (Date.now() > end) return {ok: false, error: 'the click did nothing'};
                    await new Promise((r) => setTimeout(r, 20));
                }
                try {
                    return {ok: true, value: await globalThis.sourcemark.lastRun};
                } catch (e) {
                    return {ok: false, error: e.message, code: e.code};
                }
            }""",
            timeout * 1000,
        )

    def tab_of(self, page: Any) -> dict[str, Any]:
        """The ``chrome.tabs.Tab`` behind a Playwright page (found by its URL)."""
        # Browser pages hide their URL from the extension: then the active tab is the page.
        return self.sw.evaluate(
            """async (url) => (await chrome.tabs.query({})).find((t) => t.url === url)
                || (await chrome.tabs.query({active: true, lastFocusedWindow: true}))[0]""",
            page.url,
        )

    def badge(self, page: Any) -> str:
        tab = self.tab_of(page)
        return self.sw.evaluate("(tabId) => chrome.action.getBadgeText({tabId})", tab["id"])

    def title(self, page: Any) -> str:
        """The toolbar button's tooltip on ``page``'s tab."""
        tab = self.tab_of(page)
        return self.sw.evaluate("(tabId) => chrome.action.getTitle({tabId})", tab["id"])

    def close(self) -> None:
        self.ctx.close()
        shutil.rmtree(self.profile, ignore_errors=True)


def shadow_text(page: Any, selector: str) -> str:
    """Text of an element inside the overlay's shadow root ('' when absent)."""
    return page.evaluate(
        """(sel) => {
            const host = document.querySelector('sourcemark-overlay');
            const el = host && host.shadowRoot.querySelector(sel);
            return el ? el.textContent : '';
        }""",
        selector,
    )


def wait_for(predicate: Any, timeout: float = 10, interval: float = 0.05) -> Any:
    deadline = time.time() + timeout
    while True:
        value = predicate()
        if value or time.time() > deadline:
            return value
        time.sleep(interval)
