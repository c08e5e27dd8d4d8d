"""Click to marks, as a reader meets it: the real toolbar click in Chromium with the real
extension, on pages the server has never seen, against a real ``sourcemark serve``.

    PYTHONPATH=$PWD .venv/bin/python -m benchmarks.overlay [--mode embedded|distributed|both]
        [--limit N] [--max-words 1500] [--extension-rev REV] [--baseline-rev REV] [--show]

For each English page of the extraction set (``tests/data/extraction-set``) the page is
served from ``localhost`` under a path unique to the run (so its URL is new to the server, and
the analysis is fresh), with the page's own scripts off and no network beyond 127.0.0.1. The
clock starts just before ``Extensions.triggerAction`` (the toolbar click) and stops:

- first mark: when a ``mark[data-sourcemark-finding]`` first appears in the page (a
  MutationObserver in the page's main world);
- last mark: when the number of marks last changed;
- overlay: when the click handler resolves (badge and panel drawn).

Pages without findings count with the overlay time (the reader then sees "0 findings"). Modes:
embedded (``sourcemark serve`` on SQLite, tasks in-process) and distributed (Redis, a fresh
PostgreSQL database, ``sourcemark serve`` and one ``sourcemark worker``). One page is clicked
first to warm the server up (the spaCy model loads on the first analysis) and not counted.
``--extension-rev REV`` loads the extension as it was at that git revision instead;
``--baseline-rev REV`` clicks every page with that one too, taking turns (the README's
comparison used ``main`` before the long-poll was merged, f787c0d: the same server, the old
polling client).
"""

from __future__ import annotations

import argparse
import gzip
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.datasets import extraction_set, require, require_services  # noqa: E402
from tests.browser.harness import (  # noqa: E402
    CHROMIUM,
    ExtensionBrowser,
    PageServer,
    extension_copy,
)

MARK_TIMES = """
(() => {
  const t = { first: null, last: null, count: 0 };
  window.__sourcemarkMarks = t;
  const now = () => performance.timeOrigin + performance.now();
  const observer = new MutationObserver(() => {
    const n = document.getElementsByTagName('mark').length
      && document.querySelectorAll('mark[data-sourcemark-finding]').length;
    if (n && t.first === null) t.first = now();
    if (n !== t.count) { t.count = n; t.last = now(); }
  });
  observer.observe(document, { childList: true, subtree: true });
})();
"""


@dataclass
class Click:
    key: str
    words: int
    findings: int
    first_ms: float | None
    last_ms: float | None
    overlay_ms: float
    timings: dict


def english_pages(limit: int | None) -> list[tuple[str, bytes, int]]:
    """(key, html, words of the extracted article) for the set's English pages, by key."""
    from worker.pipeline import PipelineError, extract_article

    truth = json.loads((extraction_set() / "ground-truth.json").read_text(encoding="utf-8"))
    out = []
    for key in sorted(truth):
        html = gzip.decompress((extraction_set() / "html" / f"{key}.html.gz").read_bytes())
        try:
            article = extract_article(html, truth[key].get("url"))
        except PipelineError:
            continue
        if (article.language or "en").split("-")[0] != "en":
            continue
        out.append((key, html, len(article.text.split())))
    return out[:limit]


def content_type(html: bytes) -> str:
    try:
        html.decode("utf-8")
    except UnicodeDecodeError:
        return "text/html"
    return "text/html; charset=utf-8"


def extension_at(rev: str | None) -> Path:
    """The extension of this checkout, or as it was at git revision ``rev``."""
    if rev is None:
        return extension_copy(["http://127.0.0.1/*"])
    target = Path(tempfile.mkdtemp(prefix="sourcemark-ext-rev-"))
    archive = subprocess.run(
        ["git", "-C", str(ROOT), "archive", rev, "extension"], check=True, capture_output=True
    ).stdout
    subprocess.run(["tar", "-x", "-C", str(target)], input=archive, check=True)
    ext = target / "extension"
    manifest = json.loads((ext / "manifest.json").read_text())
    manifest["host_permissions"] = ["http://127.0.0.1/*"]
    (ext / "manifest.json").write_text(json.dumps(manifest, indent=2))
    shutil.rmtree(ext / "tests", ignore_errors=True)
    return ext


def click(browser: ExtensionBrowser, page, timeout: float = 90) -> tuple[float, dict]:  # noqa: ANN001
    """The real toolbar click; returns (click time in ms since the epoch, outcome)."""
    browser.sw.evaluate("() => { globalThis.sourcemark.lastRun = null; }")
    page.bring_to_front()
    targets = browser.cdp.send("Target.getTargets", {"filter": [{"type": "tab"}]})["targetInfos"]
    tab = next(t for t in targets if t["url"] == page.url)
    clicked = time.time() * 1000
    browser.cdp.send(
        "Extensions.triggerAction", {"id": browser.ext_id, "targetId": tab["targetId"]}
    )
    outcome = browser.sw.evaluate(
        """async (timeoutMs) => {
            const end = Date.now() + timeoutMs;
            while (!globalThis.sourcemark.lastRun) {
                if (Date.now() > end) return {ok: false, error: 'the click did nothing'};
                await new Promise((r) => setTimeout(r, 1));
            }
            try {
                const value = await globalThis.sourcemark.lastRun;
                return {ok: true, value, at: Date.now()};
            } catch (e) {
                return {ok: false, error: e.message, at: Date.now()};
            }
        }""",
        timeout * 1000,
    )
    return clicked, outcome


def run_mode(
    playwright,
    mode: str,
    pages: list[tuple[str, bytes, int]],  # noqa: ANN001
    revs: list[str | None],
) -> dict[str | None, list[Click]]:
    """Every page clicked once per extension (``revs``: None is this checkout's), the
    extensions taking turns to go first, each click on a URL of its own."""
    from tests.support.api import call
    from tests.support.services import stack

    clicks: dict[str | None, list[Click]] = {rev: [] for rev in revs}
    with stack(distributed=mode == "distributed") as s:
        s.serve()
        if mode == "distributed":
            s.worker()
        token = s.token("reader", "overlay-bench")
        server = PageServer()
        browsers = {}
        allowed = (f"http://localhost:{server.port}/", f"{s.url}/")
        run = uuid.uuid4().hex[:8]
        try:
            for rev in revs:
                browser = ExtensionBrowser(playwright, extension_at(rev))
                browser.ctx.route(
                    "**/*",
                    lambda route: (
                        route.continue_()
                        if route.request.url.startswith(allowed)
                        else route.abort()
                    ),
                )
                browser.ctx.add_init_script(MARK_TIMES)
                browser.configure(s.url, token)
                browsers[rev] = browser
            for n, (key, html, words) in enumerate([pages[0], *pages]):
                order = revs if n % 2 else revs[::-1]
                for i, rev in enumerate(order):
                    browser = browsers[rev]
                    page = browser.fresh_page()
                    url = server.add(
                        f"/{run}/{n}/{i}/{key}.html",
                        html,
                        scripts=False,
                        content_type=content_type(html),
                    )
                    page.goto(url, wait_until="load", timeout=30000)
                    clicked, outcome = click(browser, page)
                    if not outcome["ok"]:
                        what = "warm-up click" if n == 0 else "click"
                        print(
                            f"  {mode} {what} on {key[:12]} failed: {outcome['error']}",
                            file=sys.stderr,
                        )
                        continue
                    marks = page.evaluate("() => window.__sourcemarkMarks")
                    value = outcome["value"]
                    _, analysis = call(
                        s.url, "GET", f"/api/v1/analyses/{value['analysisId']}", token
                    )
                    if n == 0:
                        continue  # the warm-up click
                    clicks[rev].append(
                        Click(
                            key,
                            words,
                            value["total"],
                            marks["first"] - clicked if marks and marks["first"] else None,
                            marks["last"] - clicked if marks and marks["last"] else None,
                            outcome["at"] - clicked,
                            {**(analysis.get("timings") or {}), **(value.get("timings") or {})},
                        )
                    )
        finally:
            for browser in browsers.values():
                browser.close()
            server.close()
    return clicks


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q / 100 * len(ordered)) - 1))]


def rows(mode: str, clicks: list[Click], max_words: int) -> list[str]:
    """Table rows for one mode and extension: pages up to ``max_words``, and all."""
    out = []
    for label, group in (
        (f"≤ {max_words:,} words", [c for c in clicks if c.words <= max_words]),
        ("all pages", clicks),
    ):
        if not group:
            continue
        # A page without findings shows its overlay ("0 findings") instead of marks.
        first = [c.first_ms if c.first_ms is not None else c.overlay_ms for c in group]
        last = [c.last_ms if c.last_ms is not None else c.overlay_ms for c in group]
        overlay = [c.overlay_ms for c in group]
        server = [
            sum(c.timings.get(k, 0) for k in ("extract_ms", "queue_ms", "claims_ms")) for c in group
        ]
        out.append(
            f"| {mode} | {label} | {len(group)} | {statistics.median(c.words for c in group):,.0f}"
            f" | {statistics.median(first):.0f} | {pct(first, 95):.0f}"
            f" | {statistics.median(last):.0f} | {pct(last, 95):.0f} | {max(last):.0f}"
            f" | {statistics.median(overlay):.0f} | {statistics.median(server):.0f} |"
        )
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mode", choices=["embedded", "distributed", "both"], default="both")
    parser.add_argument("--limit", type=int, default=None, help="only the first N English pages")
    parser.add_argument(
        "--max-words",
        type=int,
        default=1500,
        help="the goal's page size: a row for pages up to this many words",
    )
    parser.add_argument(
        "--extension-rev", default=None, help="load the extension as it was at this git revision"
    )
    parser.add_argument(
        "--baseline-rev",
        default=None,
        help="also click every page with the extension as it was at this git "
        "revision (e.g. main), taking turns with the one measured",
    )
    parser.add_argument("--show", action="store_true", help="print every click")
    args = parser.parse_args()
    extraction_set()  # each of these says what is missing and exits when it is not there
    require(Path(CHROMIUM), "Chromium", "apt-get install -y chromium")
    if args.mode != "embedded":
        require_services(redis=True)
    from playwright.sync_api import sync_playwright

    pages = english_pages(args.limit)
    modes = ["embedded", "distributed"] if args.mode == "both" else [args.mode]
    table = [
        "| mode | pages | n | median words | first mark p50 ms | p95 | last mark p50 ms | "
        "p95 | max | overlay drawn p50 ms | server p50 ms |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    revs = [args.extension_rev] + ([args.baseline_rev] if args.baseline_rev else [])
    with sync_playwright() as p:
        for mode in modes:
            by_rev = run_mode(p, mode, pages, revs)
            for rev, clicks in by_rev.items():
                label = mode if rev is None else f"{mode}, extension at {rev}"
                if args.show:
                    for c in sorted(clicks, key=lambda c: c.words):
                        print(
                            f"  {label} {c.key[:12]} {c.words:>5} words {c.findings:>3} "
                            f"findings first {c.first_ms or 0:6.0f} last {c.last_ms or 0:6.0f} "
                            f"overlay {c.overlay_ms:6.0f} ms  {c.timings}"
                        )
                table += rows(label, clicks, args.max_words)
    print("\n".join(table))


if __name__ == "__main__":
    main()
