"""The editors' web view in Debian's Chromium, against a real distributed deployment.

One stack for the whole module: a fresh PostgreSQL database and Redis database, ``sourcemark
serve`` (gunicorn) and one Celery worker. Real analyses are created by POSTing real pages (the
seed page, pages of the shared extraction set, and a page whose quote holds a <script> string)
through the API with a reader token, exactly as the extension does.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, Playwright

from tests.conftest import EXTRACTION_DIR
from tests.support.api import call, wait_done
from tests.support.services import Stack, stack

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
    "--disable-quic",
]
PASSWORD = "review-pass-1234"
SEED_URL = "http://www.chinadaily.com.cn/a/202201/07/WS61d7a4b5a310cdd39bc7f8b2.html"
# Real English news pages of the shared extraction set that carry quotes and claims.
EXTRACTION_KEYS = ("08f793762792", "232a43fb15ab", "2c46804d9db4")
SCRIPT_URL = "https://example.org/news/minister-online-rules"
SCRIPT_PAGE = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Minister speaks on online safety rules</title></head><body><article>
<h1>Minister speaks on online safety rules</h1>
<p>The minister spoke to reporters in the capital on Monday about new rules for online
platforms and what they would mean for the people who use them every day.</p>
<p>"We will not allow &lt;script&gt;alert(1)&lt;/script&gt; here," the minister said.</p>
<p>Officials said at least 40 people had been hurt, but the figure could not be
independently confirmed.</p>
<p>The rules take effect next month, according to the ministry.</p>
</article></body></html>"""


@dataclass
class Deployment:
    stack: Stack
    url: str
    editor_token: str
    analyses: dict[str, dict] = field(default_factory=dict)  # label -> analysis JSON

    def api(self, method: str, path: str, body: object = None) -> tuple[int, dict]:
        return call(self.url, method, path, self.editor_token, body)


def _pages() -> dict[str, tuple[str, str]]:
    truth = json.loads((EXTRACTION_DIR / "ground-truth.json").read_text())
    pages = {
        "seed": (SEED_URL, (ROOT / "tests/data/seed_page.html").read_text()),
        "script": (SCRIPT_URL, SCRIPT_PAGE),
    }
    for prefix in EXTRACTION_KEYS:
        path = next((EXTRACTION_DIR / "html").glob(prefix + "*.html.gz"))
        key = path.name.split(".")[0]
        html = gzip.decompress(path.read_bytes()).decode("utf-8", "replace")
        pages[prefix] = (truth[key]["url"], html)
    return pages


@pytest.fixture(scope="module")
def deployment() -> Iterator[Deployment]:
    with stack(distributed=True) as s:
        s.env["SOURCEMARK_PASSWORD"] = PASSWORD
        for email, role in (
            ("admin@example.org", "admin"),
            ("editor@example.org", "editor"),
            ("editor2@example.org", "editor"),
            ("reader@example.org", "reader"),
        ):
            s.run("user", "create", email, "--role", role)
        reader = s.token("reader", "webview-reader")
        editor = s.token("editor", "webview-editor")
        s.serve()
        s.worker()
        d = Deployment(stack=s, url=s.url, editor_token=editor)
        submitted = {}
        for label, (url, html) in _pages().items():
            status, body = call(
                s.url, "POST", "/api/v1/analyses", reader, {"url": url, "html": html}
            )
            assert status in (200, 202), body
            submitted[label] = body["id"]
        for label, analysis_id in submitted.items():
            d.analyses[label] = wait_done(s.url, reader, analysis_id)
            assert d.analyses[label]["status"] == "done", d.analyses[label]
        yield d


@pytest.fixture(scope="module")
def browser(playwright_instance: Playwright) -> Iterator[Browser]:
    b = playwright_instance.chromium.launch(
        executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
    )
    yield b
    b.close()


@pytest.fixture()
def page(browser: Browser, deployment: Deployment) -> Iterator[Page]:
    """A fresh browser context (no cookies) for each test, with console errors collected."""
    context = browser.new_context(
        base_url=deployment.url, viewport={"width": 1400, "height": 900}, accept_downloads=True
    )
    pg = context.new_page()
    pg.set_default_timeout(15_000)
    pg.console_errors = []  # type: ignore[attr-defined]
    pg.on("console", lambda m: m.type == "error" and pg.console_errors.append(m.text))
    yield pg
    context.close()


def sign_in(page: Page, email: str, password: str = PASSWORD, target: str = "/review") -> None:
    page.goto(target)
    page.fill("#email", email)
    page.fill("#password", password)
    page.click("button[type=submit]")
    page.wait_for_load_state("networkidle")


@pytest.fixture()
def artifacts() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS
