"""Anchoring share: of the findings the pipeline reports on the 88 shared extraction pages, how
many the extension marks on the page itself (goal: at least 99 %).

Findings come from ``worker.pipeline.analyze`` on each page's HTML; the page is served from
``localhost`` with its scripts switched off (a CSP header) and the real extension, in Debian's
Chromium, draws the analysis through the service worker's ``sourcemark.showAnalysis``.

    .venv/bin/python benchmarks/anchoring.py [--limit N] [--show-misses]
    .venv/bin/python benchmarks/anchoring.py --longest 8 [--repeat 5]

``--longest N`` times, on the N pages with the longest article text, the step from the answer
to the last mark: the service worker hands the analysis to the page (already injected, as on a
real click, where the content scripts go in before the page is sent) and the content script
anchors and marks every finding and draws the panel. Median of ``--repeat`` draws per page.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.datasets import extraction_set  # noqa: E402
from tests.browser.harness import ExtensionBrowser, PageServer, extension_copy  # noqa: E402


@dataclass
class PageResult:
    key: str
    total: int
    anchored: int
    missed: list[dict] = field(default_factory=list)


@dataclass
class Report:
    pages: list[PageResult]
    skipped: dict[str, str]
    pipeline_s: float
    anchor_s: float

    @property
    def total(self) -> int:
        return sum(p.total for p in self.pages)

    @property
    def anchored(self) -> int:
        return sum(p.anchored for p in self.pages)

    @property
    def share(self) -> float:
        return self.anchored / self.total if self.total else 0.0


def page_keys() -> list[str]:
    truth = json.loads((extraction_set() / "ground-truth.json").read_text(encoding="utf-8"))
    return sorted(truth)


def analyses(keys: list[str]) -> tuple[dict[str, tuple[bytes, dict]], dict[str, str]]:
    """Each page's HTML and the pipeline's analysis of it (pages it refuses are skipped)."""
    from worker.pipeline import PipelineError, analyze

    truth = json.loads((extraction_set() / "ground-truth.json").read_text(encoding="utf-8"))
    out: dict[str, tuple[bytes, dict]] = {}
    skipped: dict[str, str] = {}
    for key in keys:
        html = gzip.decompress((extraction_set() / "html" / f"{key}.html.gz").read_bytes())
        try:
            result = analyze(html, truth[key].get("url"))
        except PipelineError as exc:
            skipped[key] = str(exc)
            continue
        data = result.to_dict()
        data["id"] = key
        out[key] = (html, data)
    return out, skipped


def content_type(html: bytes) -> str:
    """What the publisher's server would have said: the stored pages lost their HTTP headers,
    and without a charset Chromium falls back to windows-1252 for UTF-8 pages lacking a meta."""
    try:
        html.decode("utf-8")
    except UnicodeDecodeError:
        return "text/html"
    return "text/html; charset=utf-8"


def measure(playwright, keys: list[str]) -> Report:  # noqa: ANN001
    t0 = time.perf_counter()
    found, skipped = analyses(keys)
    t1 = time.perf_counter()
    pages = PageServer()
    browser = ExtensionBrowser(playwright, extension_copy(["http://localhost/*"]))
    # Closed network: only the page itself loads; its images, fonts and styles elsewhere fail
    # at once instead of waiting for a timeout.
    local = f"http://localhost:{pages.port}/"
    browser.ctx.route(
        "**/*",
        lambda route: route.continue_() if route.request.url.startswith(local) else route.abort(),
    )
    results: list[PageResult] = []
    try:
        for key, (html, analysis) in found.items():
            page = browser.fresh_page()
            url = pages.add(f"/{key}.html", html, scripts=False, content_type=content_type(html))
            page.goto(url, wait_until="domcontentloaded", timeout=30000)
            tab = browser.tab_of(page)
            drawn = browser.sw.evaluate(
                "([tab, analysis]) => globalThis.sourcemark.showAnalysis(tab, analysis)",
                [tab, analysis],
            )
            lost = set(drawn["unanchored"])
            results.append(
                PageResult(
                    key,
                    drawn["total"],
                    drawn["anchored"],
                    [f for f in analysis["findings"] if f["id"] in lost],
                )
            )
    finally:
        browser.close()
        pages.close()
    return Report(results, skipped, t1 - t0, time.perf_counter() - t1)


def joined_page(words: int) -> tuple[bytes, dict]:
    """A page at least ``words`` long: the set's human-written article bodies, longest with
    findings first, one after another as paragraphs under one headline (real prose, real
    findings; the shared set has no single article this long with any)."""
    from html import escape

    from worker.pipeline import analyze

    truth = json.loads((extraction_set() / "ground-truth.json").read_text(encoding="utf-8"))
    paragraphs: list[str] = []
    for key in longest_keys(len(truth))[1:]:
        paragraphs += [p.strip() for p in truth[key]["articleBody"].split("\n") if p.strip()]
        if sum(len(p.split()) for p in paragraphs) >= words:
            break
    body = "".join(f"<p>{escape(p)}</p>\n" for p in paragraphs)
    html = (
        f"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>Long read</title>"
        f"</head><body><nav><a href='/'>Home</a> <a href='/world'>World</a></nav><article>"
        f"<h1>Long read</h1>\n{body}</article><footer>(c) Example</footer></body></html>"
    )
    data = analyze(html, "https://example.org/long-read").to_dict()
    data["id"] = "joined"
    return html.encode(), data


def draw_times(
    playwright,
    keys: list[str],
    repeat: int,  # noqa: ANN001
    extra: dict[str, tuple[bytes, dict]] | None = None,
) -> list[dict]:
    """Per page: article words, findings, and the answer-to-last-mark times in ms."""
    found, _ = analyses(keys)
    found.update(extra or {})
    pages = PageServer()
    browser = ExtensionBrowser(playwright, extension_copy(["http://localhost/*"]))
    local = f"http://localhost:{pages.port}/"
    browser.ctx.route(
        "**/*",
        lambda route: route.continue_() if route.request.url.startswith(local) else route.abort(),
    )
    out = []
    try:
        for key, (html, analysis) in found.items():
            page = browser.fresh_page()
            url = pages.add(f"/{key}.html", html, scripts=False, content_type=content_type(html))
            page.goto(url, wait_until="domcontentloaded", timeout=30000)
            tab = browser.tab_of(page)
            times = browser.sw.evaluate(
                """async ([tab, analysis, repeat]) => {
                    // The first draw injects the content scripts, which a real click does
                    // before sending the page: not part of answer -> marks.
                    await globalThis.sourcemark.showAnalysis(tab, analysis);
                    const times = [];
                    let drawn;
                    for (let i = 0; i < repeat; i++) {
                        const t = performance.now();
                        drawn = await globalThis.sourcemark.showAnalysis(tab, analysis);
                        times.push(performance.now() - t);
                    }
                    return {times, anchored: drawn.anchored, total: drawn.total};
                }""",
                [tab, analysis, repeat],
            )
            times["key"] = key
            times["words"] = len(analysis["article"]["text"].split())
            times["page_chars"] = page.evaluate("document.body.textContent.length")
            out.append(times)
    finally:
        browser.close()
        pages.close()
    return out


def longest_keys(n: int) -> list[str]:
    """The n pages whose ground-truth article text is longest."""
    truth = json.loads((extraction_set() / "ground-truth.json").read_text(encoding="utf-8"))
    return sorted(truth, key=lambda k: -len((truth[k].get("articleBody") or "").split()))[:n]


def main_longest(n: int, repeat: int, joined_words: int) -> None:
    from statistics import median

    from playwright.sync_api import sync_playwright

    extra = {"joined": joined_page(joined_words)} if joined_words else {}
    with sync_playwright() as p:
        rows = draw_times(p, longest_keys(n), repeat, extra)
    print(
        "| page | article words | page characters | findings (anchored) | answer -> last mark "
        "ms, median | slowest | ms per 1,000 words |"
    )
    print("|---|---|---|---|---|---|---|")
    for r in sorted(rows, key=lambda r: -r["words"]):
        mid = median(r["times"])
        name = "articles joined" if r["key"] == "joined" else r["key"][:12]
        print(
            f"| {name} | {r['words']:,} | {r['page_chars']:,} | {r['total']} "
            f"({r['anchored']}) | {mid:.1f} | {max(r['times']):.1f} | "
            f"{mid / r['words'] * 1000:.1f} |"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="only the first N pages")
    parser.add_argument("--show-misses", action="store_true", help="print unanchored quotes")
    parser.add_argument(
        "--longest",
        type=int,
        default=0,
        help="time answer -> last mark on the N longest articles instead",
    )
    parser.add_argument("--repeat", type=int, default=5, help="draws per page for --longest")
    parser.add_argument(
        "--joined-words",
        type=int,
        default=5000,
        help="with --longest, also a page of the set's articles joined to this "
        "many words (0: none)",
    )
    args = parser.parse_args()
    extraction_set()  # says what is missing and exits when the pages are not there
    if args.longest:
        main_longest(args.longest, args.repeat, args.joined_words)
        return
    from playwright.sync_api import sync_playwright

    keys = page_keys()[: args.limit]
    with sync_playwright() as p:
        report = measure(p, keys)
    print("| pages | with findings | findings | anchored | share | pipeline s | anchoring s |")
    print("|---|---|---|---|---|---|---|")
    with_findings = sum(1 for r in report.pages if r.total)
    print(
        f"| {len(report.pages)} | {with_findings} | {report.total} | {report.anchored} | "
        f"{report.share:.4f} | {report.pipeline_s:.1f} | {report.anchor_s:.1f} |"
    )
    if report.skipped:
        print(f"\nskipped (pipeline refused): {len(report.skipped)}")
    misses = [r for r in report.pages if r.missed]
    if misses:
        print("\npages with unanchored findings:")
        for r in misses:
            print(f"  {r.key[:12]}  {r.anchored}/{r.total}")
            if args.show_misses:
                for f in r.missed:
                    print(f"      {f['id']}: {f['selector']['exact'][:160]!r}")


if __name__ == "__main__":
    main()
