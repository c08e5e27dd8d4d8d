"""Load on a real stack on 127.0.0.1: gunicorn, Redis, PostgreSQL and 1 then 2 Celery workers.

    .venv/bin/python -m benchmarks.load                  # everything, about 4 minutes
    .venv/bin/python -m benchmarks.load --only cached --cached-seconds 20
    .venv/bin/python -m benchmarks.load --only repeat   # repeat clicks with fresh HTML
    .venv/bin/python -m benchmarks.load --only burst    # 500 clicks at once on a changed page

Four scenarios, each bounded in requests and time, all to 127.0.0.1:

- cached: many readers re-submitting one already-analysed page (same URL and HTML), answered
  from the store without a task. Driven by ``wrk`` (Debian package) with a Lua script so the load
  generator is not the bottleneck; it shares the machine's cores with the server and PostgreSQL.
- same article, fresh HTML: readers re-submitting that page as the extension really does, a new
  snapshot each time (the bytes differ, the article text does not): answered from the store as
  a known URL (driven by ``wrk`` cycling through thousands of distinct gzipped bodies), one
  re-check per window queued for the workers.
- changed article, repeat clicks at once: 500 readers click an analysed page whose article has
  changed; all are answered from the store and the change is analysed exactly once.
- same page: N readers clicking the same fresh breaking-news page at the same moment; click (POST)
  to ``done`` for each reader, and how many analyses the burst created.
- distinct pages: readers arriving at a fixed rate (open loop), each submitting a different real
  page (the shared extraction set, distinct URLs), polling until ``done``; click-to-done
  p50/p95/p99 and analyses/s, with 1 and with 2 Celery worker processes.

A fresh PostgreSQL database and Redis database number are used and dropped afterwards
(tests/support/services.py), so the machine's other users are not disturbed.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from benchmarks.datasets import require_services
from benchmarks.pages import Page, load_pages
from tests.support.api import call
from tests.support.data import DATA
from tests.support.services import Stack, free_port, stack, wait_http

SEED_URL = "https://www.chinadaily.com.cn/a/202201/07/WS61d7a4b5a310cdd39bc7f8b2.html"
SEED_PAGE = (DATA / "seed_page.html").read_text(encoding="utf-8")

WRK_SCRIPT = """
local f = assert(io.open(os.getenv("SMK_BODY"), "rb"))
wrk.method = "POST"
wrk.body = f:read("*a")
f:close()
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. os.getenv("SMK_TOKEN")
if os.getenv("SMK_GZIP") == "1" then wrk.headers["Content-Encoding"] = "gzip" end

-- Every answer's status, so a row never counts refusals as served clicks.
local threads = {}
setup = function(thread) table.insert(threads, thread) end
statuses = {}
response = function(status, headers, body) statuses[status] = (statuses[status] or 0) + 1 end

done = function(summary, latency, requests)
  local e = summary.errors
  local tally = {}
  for _, t in ipairs(threads) do
    for code, count in pairs(t:get("statuses")) do
      tally[#tally + 1] = string.format("\\"%d\\": %d", code, count)
    end
  end
  io.write(string.format(
    "SMK {\\"requests\\": %d, \\"duration_us\\": %d, \\"non2xx\\": %d, \\"errors\\": %d, "
    .. "\\"p50_us\\": %d, \\"p95_us\\": %d, \\"p99_us\\": %d, \\"statuses\\": {%s}}\\n",
    summary.requests, summary.duration, e.status, e.connect + e.read + e.write + e.timeout,
    latency:percentile(50), latency:percentile(95), latency:percentile(99),
    table.concat(tally, ", ")))
end
"""


def _served(stats: dict) -> int:
    """Answers with a 2xx status: refusals (429, 503) are fast and must not count as served."""
    return stats["requests"] - stats["non2xx"] - stats["errors"]


def _refusals(stats: dict) -> str:
    if not (stats["non2xx"] or stats["errors"]):
        return ""
    codes = ", ".join(
        f"{count} × {code}"
        for code, count in sorted(stats.get("statuses", {}).items())
        if not code.startswith("2")
    )
    return (
        f"; not counted: {stats['non2xx']} non-2xx ({codes or 'statuses unknown'}), "
        f"{stats['errors']} socket errors"
    )


@dataclass
class Row:
    scenario: str
    workers: str
    requests: int
    seconds: float
    p50: float
    p95: float
    p99: float
    note: str = ""

    @property
    def rate(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0


def percentile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q / 100 * (len(ordered) - 1)))]


def _run_wrk(
    s: Stack, script: Path, env: dict[str, str], seconds: int, connections: int, timeout: float
) -> dict:
    """One wrk run (one thread) POSTing to the analyses endpoint; the script's SMK summary."""
    out = subprocess.run(
        [
            "wrk",
            "-t1",
            f"-c{connections}",
            f"-d{seconds}s",
            "--timeout",
            "10s",
            "-s",
            str(script),
            s.url + "/api/v1/analyses",
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=True,
    ).stdout
    return json.loads(next(x for x in out.splitlines() if x.startswith("SMK "))[4:])


def _timed_row(
    scenario: str, workers: str, latencies: list[float], elapsed: float, note: str
) -> Row:
    """A table row of clicks timed here: one request per latency (ms) over ``elapsed`` s."""
    p50, p95, p99 = (percentile(latencies, q) for q in (50, 95, 99))
    return Row(scenario, workers, len(latencies), elapsed, p50, p95, p99, note)


def _wrk_row(scenario: str, stats: dict, note: str) -> Row:
    """A table row of a wrk run: only 2xx answers counted, refusals named in the note."""
    return Row(
        scenario,
        "-",
        _served(stats),
        stats["duration_us"] / 1e6,
        stats["p50_us"] / 1000,
        stats["p95_us"] / 1000,
        stats["p99_us"] / 1000,
        note + _refusals(stats),
    )


# --- the stack --------------------------------------------------------------------------------


def serve(s: Stack, web_processes: int) -> None:
    port = free_port()
    process = s.spawn(
        "serve",
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
        "--workers",
        str(web_processes),
        name="serve",
    )
    s.url = f"http://127.0.0.1:{port}"
    wait_http(s.url + "/healthz", process)


def submit(s: Stack, token: str, url: str, html: str) -> tuple[int, dict]:
    return call(
        s.url,
        "POST",
        "/api/v1/analyses",
        token,
        {"url": url, "html": html},
        gzip_body=True,
        timeout=60,
    )


def until_done(s: Stack, token: str, analysis_id: str, deadline: float, poll: float = 0.05) -> str:
    while time.time() < deadline:
        status, body = call(s.url, "GET", f"/api/v1/analyses/{analysis_id}", token, timeout=30)
        if status == 200 and body["status"] in ("done", "failed"):
            return body["status"]
        time.sleep(poll)
    return "timeout"


# --- scenarios --------------------------------------------------------------------------------


def cached(s: Stack, token: str, page: Page, seconds: int, connections: int, use_gzip: bool) -> Row:
    """wrk re-submitting one analysed page for ``seconds``."""
    status, accepted = submit(s, token, page.url, page.html)
    if status == 202:
        until_done(s, token, accepted["id"], time.time() + 120)
    status, _ = submit(s, token, page.url, page.html)
    if status != 200:
        raise RuntimeError(f"the page was not served from the store (HTTP {status})")
    work = Path(tempfile.mkdtemp(prefix="smk-load-"))
    try:
        body = json.dumps({"url": page.url, "html": page.html}).encode()
        (work / "body").write_bytes(gzip.compress(body) if use_gzip else body)
        (work / "post.lua").write_text(WRK_SCRIPT)
        env = {
            **os.environ,
            "SMK_BODY": str(work / "body"),
            "SMK_TOKEN": token,
            "SMK_GZIP": "1" if use_gzip else "0",
        }
        stats = _run_wrk(s, work / "post.lua", env, seconds, connections, timeout=seconds + 60)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    note = f"{len(body) // 1024} KB page{' gzipped' if use_gzip else ''}, {connections} conns"
    if (
        os.environ.get("SOURCEMARK_REUSE_CACHE_SECONDS") == "0"
        or s.env.get("SOURCEMARK_REUSE_CACHE_SECONDS") == "0"
    ):
        note += ", in-process caches off"
    return _wrk_row("cached (same URL and HTML)", stats, note)


ROTATING_SCRIPT = """
local n = tonumber(os.getenv("SMK_COUNT"))
local dir = os.getenv("SMK_DIR")
local bodies = {}
for k = 1, n do
  local f = assert(io.open(dir .. "/body" .. k, "rb"))
  bodies[k] = f:read("*a")
  f:close()
end
local i = 0
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Content-Encoding"] = "gzip"
wrk.headers["Authorization"] = "Bearer " .. os.getenv("SMK_TOKEN")

request = function()
  i = i % n + 1
  return wrk.format(nil, nil, nil, bodies[i])
end
""" + WRK_SCRIPT[WRK_SCRIPT.index("-- Every answer") :]


def snapshot(html: str, i: int) -> str:
    """One reader's copy of the page: another ad and timestamp, the same article."""
    return html.replace(
        "</body>", f'<div class="ad">Sponsored {i}: offer ends {time.time():.6f}</div></body>', 1
    )


def same_text(
    s: Stack, token: str, page: Page, seconds: int, connections: int, bodies: int = 3000
) -> Row:
    """The extension's real repeat: each click sends a fresh snapshot of the page (other ads,
    timestamps), so the bytes differ but the article does not. ``bodies`` distinct gzipped
    bodies are cycled: more than the web processes' exact-body caches hold (256 entries each),
    so no click is answered by its bytes; each is answered as a known URL."""
    status, accepted = submit(s, token, page.url, page.html)
    if status == 202:
        until_done(s, token, accepted["id"], time.time() + 120)
    status, _ = submit(s, token, page.url, snapshot(page.html, -1))
    if status != 200:
        raise RuntimeError(f"a fresh snapshot was not served from the store (HTTP {status})")
    work = Path(tempfile.mkdtemp(prefix="smk-load-"))
    try:
        for k in range(1, bodies + 1):
            body = json.dumps({"url": page.url, "html": snapshot(page.html, k)}).encode()
            (work / f"body{k}").write_bytes(gzip.compress(body, compresslevel=1))
        (work / "post.lua").write_text(ROTATING_SCRIPT)
        env = {**os.environ, "SMK_DIR": str(work), "SMK_COUNT": str(bodies), "SMK_TOKEN": token}
        stats = _run_wrk(s, work / "post.lua", env, seconds, connections, timeout=seconds + 120)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    rechecks = count_rows(s, "SELECT count(*) FROM rechecks")
    note = (
        f"{bodies:,} distinct gzipped bodies cycled, {connections} conns; "
        f"{rechecks} re-check(s) scheduled"
    )
    return _wrk_row("same URL and article, fresh HTML each click", stats, note)


def count_rows(s: Stack, sql: str, *params: object) -> int:
    import psycopg

    dsn = s.env["DATABASE_URL"].replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(dsn) as conn:
        return int(conn.execute(sql, params).fetchone()[0])


def changed_burst(s: Stack, token: str, readers: int, workers: str) -> Row:
    """``readers`` simultaneous repeat clicks on an article that changed since its analysis:
    every reader is answered from the store, and the change is analysed once."""
    url = SEED_URL + f"#changed-{time.time_ns()}"
    status, accepted = submit(s, token, url, SEED_PAGE)
    if status == 202:
        until_done(s, token, accepted["id"], time.time() + 120)
    changed = SEED_PAGE.replace(
        '<div id="Content">',
        '<div id="Content"><p>"A mission will '
        'travel to the region next week," the spokesman said.</p>',
        1,
    )
    bodies = [
        gzip.compress(json.dumps({"url": url, "html": snapshot(changed, i)}).encode())
        for i in range(readers)
    ]
    gate = threading.Barrier(readers)
    latencies: list[float] = []
    rechecks: list[str] = []
    lock = threading.Lock()

    def reader(i: int) -> None:
        gate.wait()
        started = time.perf_counter()
        code, body = call(
            s.url,
            "POST",
            "/api/v1/analyses",
            token,
            raw=bodies[i],
            timeout=120,
            headers={"Content-Type": "application/json", "Content-Encoding": "gzip"},
        )
        with lock:
            if code == 200:
                latencies.append((time.perf_counter() - started) * 1000)
                rechecks.append(body.get("recheck", {}).get("status", "none"))

    threads = [threading.Thread(target=reader, args=(i,)) for i in range(readers)]
    began = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.perf_counter() - began
    deadline = time.time() + 120
    while time.time() < deadline and count_rows(
        s, "SELECT count(*) FROM rechecks WHERE status IN ('queued', 'running')"
    ):
        time.sleep(0.2)
    analyses = count_rows(
        s,
        "SELECT count(*) FROM analyses a JOIN articles r ON a.article_id = r.id WHERE r.url = %s",
        url,
    )
    note = (
        f"{readers} readers at once, {len(latencies)} answered 200 from the store; "
        f"{rechecks.count('scheduled')} re-check scheduled -> {analyses - 1} re-analysis"
    )
    return _timed_row("changed article, repeat clicks at once", workers, latencies, elapsed, note)


def same_page(s: Stack, token: str, page: Page, readers: int, workers: str) -> Row:
    """``readers`` clicks on one fresh page at the same instant, each followed until done."""
    url = page.url + f"#burst-{time.time_ns()}"  # a fragment: a new URL, the same page
    start = threading.Barrier(readers)
    latencies: list[float] = []
    ids: set[str] = set()
    outcomes: list[str] = []
    lock = threading.Lock()

    def reader() -> None:
        start.wait()
        clicked = time.perf_counter()
        status, body = submit(s, token, url, page.html)
        outcome = (
            "refused"
            if status not in (200, 202)
            else (
                body["status"]
                if body["status"] in ("done", "failed")
                else until_done(s, token, body["id"], time.time() + 120)
            )
        )
        with lock:
            outcomes.append(outcome)
            if status in (200, 202):
                ids.add(body["id"])
                if outcome == "done":
                    latencies.append((time.perf_counter() - clicked) * 1000)

    began = time.perf_counter()
    threads = [threading.Thread(target=reader) for _ in range(readers)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.perf_counter() - began
    bad = len(outcomes) - outcomes.count("done")
    note = f"{readers} readers at once -> {len(ids)} analysis(es)" + (
        f", {bad} not done" if bad else ""
    )
    return _timed_row("same fresh page, click to done", workers, latencies, elapsed, note)


def distinct(
    s: Stack, token: str, pages: list[Page], rate: float, seconds: float, workers: str, tag: str
) -> Row:
    """Open loop: a new reader every 1/rate s with a different page; click to done."""
    count = max(1, round(rate * seconds))
    latencies: list[float] = []
    outcomes: list[str] = []
    lock = threading.Lock()

    def reader(i: int) -> None:
        page = pages[i % len(pages)]
        clicked = time.perf_counter()
        status, body = submit(s, token, f"{page.url}?smk={tag}-{i}", page.html)
        if status not in (200, 202):
            # e.g. 422 unsupported_language: the shared set has a few non-English pages
            outcome = f"{status} {body.get('error', {}).get('code', '')}".strip()
        else:
            outcome = until_done(s, token, body["id"], time.time() + 120)
        with lock:
            outcomes.append(outcome)
            if outcome == "done":
                latencies.append((time.perf_counter() - clicked) * 1000)

    threads = []
    began = time.perf_counter()
    for i in range(count):
        # Arrivals on a fixed schedule, whatever the server does: an open loop.
        time.sleep(max(0.0, began + i / rate - time.perf_counter()))
        t = threading.Thread(target=reader, args=(i,))
        t.start()
        threads.append(t)
    for t in threads:
        t.join()
    elapsed = time.perf_counter() - began
    refused = len(outcomes) - outcomes.count("done")
    kinds = sorted({o for o in outcomes if o != "done"})
    note = f"{rate:g} new pages/s offered for {seconds:g} s; {len(latencies) / elapsed:.1f} done/s"
    if refused:
        note += f"; {refused} not analysed ({', '.join(kinds)})"
    return _timed_row("distinct pages, click to done", workers, latencies, elapsed, note)


def worker_rss_mb(s: Stack) -> list[float]:
    """Resident memory of every Celery process of the stack (pool children included)."""
    sizes = []
    for process in s.processes:
        if "worker" not in process.log_path.name:
            continue
        pids = [process.proc.pid] + [
            int(p)
            for p in subprocess.run(
                ["pgrep", "-P", str(process.proc.pid)], capture_output=True, text=True
            ).stdout.split()
        ]
        for pid in pids:
            try:
                for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                    if line.startswith("VmRSS:"):
                        sizes.append(int(line.split()[1]) / 1024)
            except OSError:
                continue
    return sizes


def table(rows: list[Row]) -> str:
    lines = [
        "| scenario | Celery workers | completed | req/s | p50 ms | p95 ms | p99 ms | notes |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        lines.append(
            f"| {r.scenario} | {r.workers} | {r.requests} | {r.rate:,.1f} | "
            f"{r.p50:,.0f} | {r.p95:,.0f} | {r.p99:,.0f} | {r.note} |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--only", choices=("cached", "repeat", "burst", "same", "distinct"), default=None
    )
    parser.add_argument(
        "--web",
        type=int,
        default=None,
        help="gunicorn processes (default: sourcemark serve's own default)",
    )
    parser.add_argument(
        "--no-caches",
        action="store_true",
        help="turn off the web processes' token and analysis caches",
    )
    parser.add_argument("--cached-seconds", type=int, default=15)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--readers", type=int, default=50, help="same-page burst size")
    parser.add_argument(
        "--burst", type=int, default=500, help="repeat clicks at once on a changed article"
    )
    parser.add_argument(
        "--rates",
        default="2,4",
        help="offered new pages/s for the distinct scenario, comma-separated",
    )
    parser.add_argument("--seconds", type=float, default=20, help="length of each distinct run")
    args = parser.parse_args(argv)
    if shutil.which("wrk") is None and args.only in (None, "cached", "repeat"):
        print("wrk is needed for the cached scenario: apt-get install wrk", file=sys.stderr)
        return 2

    require_services(redis=True)
    pages = load_pages()
    # The cached scenario re-submits a page of median size (about 110 KB of HTML).
    typical = sorted(pages, key=lambda p: len(p.html))[len(pages) // 2]
    rates = [float(x) for x in args.rates.split(",") if x]
    rows: list[Row] = []
    memory: list[float] = []
    # The limiter runs with its default (generous) setting, counting in Redis as in production.
    env = (
        {"SOURCEMARK_TOKEN_CACHE_SECONDS": "0", "SOURCEMARK_REUSE_CACHE_SECONDS": "0"}
        if args.no_caches
        else {}
    )
    with stack(distributed=True, extra_env=env) as s:
        serve(s, args.web or (os.cpu_count() or 1) * 2 + 1)
        token = s.token("reader", name="load")
        s.worker()
        if args.only in (None, "cached"):
            rows.append(cached(s, token, typical, args.cached_seconds, args.connections, True))
            rows.append(cached(s, token, typical, args.cached_seconds, args.connections, False))
        if args.only in (None, "cached", "repeat"):
            rows.append(same_text(s, token, typical, args.cached_seconds, args.connections))
        if args.only in (None, "cached", "burst"):
            rows.append(changed_burst(s, token, args.burst, "1"))
        for workers in (1, 2):
            if workers == 2:
                if args.only in ("cached", "repeat", "burst"):
                    break
                s.worker()
            if args.only in (None, "same"):
                rows.append(same_page(s, token, pages[1 + workers], args.readers, str(workers)))
            if args.only in (None, "distinct"):
                for rate in rates:
                    rows.append(
                        distinct(
                            s,
                            token,
                            pages,
                            rate,
                            args.seconds,
                            str(workers),
                            f"w{workers}r{rate:g}",
                        )
                    )
        memory = worker_rss_mb(s)
    print(table(rows))
    cores = os.cpu_count()
    print(
        f"\nmachine: {cores} cores shared by the load generator, gunicorn "
        f"({args.web or (cores or 1) * 2 + 1} processes x 8 threads), PostgreSQL, Redis and "
        "the Celery workers."
    )
    if memory:
        print(
            f"Celery worker processes' resident memory: {', '.join(f'{m:.0f}' for m in memory)} MB"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
