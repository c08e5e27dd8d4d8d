"""A tiny HTTP client for the API over real sockets (urllib: no extra dependency)."""

from __future__ import annotations

import gzip
import json
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

A = TypeVar("A")
T = TypeVar("T")


def call(
    base: str,
    method: str,
    path: str,
    token: str | None = None,
    body: Any = None,
    *,
    gzip_body: bool = False,
    headers: dict[str, str] | None = None,
    raw: bytes | None = None,
    timeout: float = 30,
) -> tuple[int, dict[str, Any]]:
    data = raw
    hdrs = dict(headers or {})
    if body is not None:
        data = json.dumps(body).encode()
        hdrs.setdefault("Content-Type", "application/json")
    if data is not None and gzip_body:
        data = gzip.compress(data)
        hdrs["Content-Encoding"] = "gzip"
    if token:
        hdrs["Authorization"] = f"Bearer {token}"
    req = urllib.request.Request(base + path, data=data, method=method, headers=hdrs)
    try:
        with urllib.request.urlopen(req, timeout=timeout) as resp:
            return resp.status, json.loads(resp.read() or b"{}")
    except urllib.error.HTTPError as err:
        payload = err.read()
        try:
            return err.code, json.loads(payload or b"{}")
        except json.JSONDecodeError:
            return err.code, {"raw": payload.decode(errors="replace")}


def submit(
    base: str,
    token: str,
    url: str,
    html: str,
    *,
    gzip_body: bool = True,
    timeout: float = 30,
) -> tuple[int, dict[str, Any]]:
    """POST a page to ``/api/v1/analyses`` as the extension does (its JSON gzip'd)."""
    return call(
        base,
        "POST",
        "/api/v1/analyses",
        token,
        {"url": url, "html": html},
        gzip_body=gzip_body,
        timeout=timeout,
    )


def wait_done(base: str, token: str, analysis_id: str, timeout: float = 120) -> dict[str, Any]:
    deadline = time.time() + timeout
    while time.time() < deadline:
        status, body = call(base, "GET", f"/api/v1/analyses/{analysis_id}", token)
        if status == 200 and body["status"] in ("done", "failed"):
            return body
        time.sleep(0.3)
    raise AssertionError(f"analysis {analysis_id} did not finish in {timeout}s: {body}")


def at_once(click: Callable[[A], T], args: Sequence[A]) -> list[T]:
    """``click(arg)`` for every arg, each in a thread of its own, all let go at the same moment
    (readers clicking at once); the answers in the order they came. A click that raises is
    missing from them: the caller counts."""
    gate = threading.Barrier(len(args))
    answers: list[T] = []
    lock = threading.Lock()

    def reader(arg: A) -> None:
        gate.wait()
        answer = click(arg)
        with lock:
            answers.append(answer)

    threads = [threading.Thread(target=reader, args=(arg,)) for arg in args]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return answers
