"""No server-side fetch of anything a client names; secrets only from the environment; no debug."""

from __future__ import annotations

import ast
import re
import socket
import threading
import time
from pathlib import Path

import pytest

from server.config import from_environment
from tests.security.conftest import auth, new_token

ROOT = Path(__file__).resolve().parents[2]
SEED_PAGE = (ROOT / "tests" / "data" / "seed_page.html").read_text(encoding="utf-8")
SOURCES = sorted(p for d in ("server", "worker") for p in (ROOT / d).rglob("*.py"))
# Modules that can open a network connection to an address given at run time.
FETCHERS = {
    "urllib.request",
    "http.client",
    "requests",
    "httpx",
    "aiohttp",
    "pycurl",
    "urllib3",
    "trafilatura.downloads",
    "ftplib",
    "smtplib",
    "telnetlib",
}
FETCH_CALLS = {"urlopen", "fetch_url", "fetch_response", "create_connection"}


class Listener:
    """A TCP server on 127.0.0.1 that only counts who connects to it."""

    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.sock.settimeout(0.2)
        self.port = self.sock.getsockname()[1]
        self.connections = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            self.connections += 1
            conn.close()

    def close(self) -> None:
        self._stop.set()
        self._thread.join(2)
        self.sock.close()


def bait_page(port: int) -> str:
    """A page that names the listener in every way a page can point somewhere."""
    base = f"http://127.0.0.1:{port}"
    paragraphs = "".join(
        f"<p>The spokesman said on Tuesday that part {i} of the plan would be published, "
        f"according to a statement.</p>"
        for i in range(8)
    )
    return (
        f"<html><head><title>Bait</title><link rel='canonical' href='{base}/canonical'>"
        f"<link rel='stylesheet' href='{base}/style.css'><script src='{base}/x.js'></script>"
        f"<meta property='og:url' content='{base}/og'><meta http-equiv='refresh' "
        f"content='0;url={base}/refresh'><base href='{base}/'></head><body><article>"
        f"<h1>Bait</h1><img src='{base}/img.png' srcset='{base}/a.png 2x'>"
        f"<iframe src='{base}/frame'></iframe>{paragraphs}<a href='{base}/link'>more</a>"
        f"<object data='{base}/obj'></object></article></body></html>"
    )


def test_no_module_of_the_service_can_fetch_a_url():
    found = []
    for path in SOURCES:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names: list[str] = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module] + [f"{node.module}.{a.name}" for a in node.names]
            elif isinstance(node, ast.Attribute) and node.attr in FETCH_CALLS:
                names = [node.attr]
            elif isinstance(node, ast.Name) and node.id in FETCH_CALLS:
                names = [node.id]
            hits = [n for n in names if n in FETCHERS or n in FETCH_CALLS]
            found += [f"{path.relative_to(ROOT)}:{node.lineno}: {n}" for n in hits]
    assert not found, found
    assert len(SOURCES) > 20  # the scan did look at the code


def test_a_submitted_page_is_never_fetched_nor_anything_it_names(make_app):
    listener = Listener()
    try:
        client = make_app().test_client()
        token = new_token()
        url = f"http://127.0.0.1:{listener.port}/article"
        response = client.post(
            "/api/v1/analyses",
            headers=auth(token),
            json={"url": url, "html": bait_page(listener.port)},
        )
        assert response.status_code == 202, response.get_json()
        deadline = time.time() + 60
        while time.time() < deadline:
            body = client.get(
                f"/api/v1/analyses/{response.get_json()['id']}", headers=auth(token)
            ).get_json()
            if body["status"] in ("done", "failed"):
                break
            time.sleep(0.1)
        assert body["status"] == "done", body
        assert body["article"]["submitted_url"] == url
        time.sleep(0.3)
        assert listener.connections == 0
    finally:
        listener.close()


def test_secret_key_comes_from_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("SOURCEMARK_INSTANCE", str(tmp_path))
    monkeypatch.setenv("SOURCEMARK_SECRET_KEY", "from-the-environment-" + "x" * 40)
    assert from_environment()["SECRET_KEY"] == "from-the-environment-" + "x" * 40
    monkeypatch.delenv("SOURCEMARK_SECRET_KEY")
    generated = from_environment()["SECRET_KEY"]
    assert len(generated) >= 40
    key_file = tmp_path / "secret_key"
    assert key_file.read_text().strip() == generated
    assert key_file.stat().st_mode & 0o077 == 0, "only the owner may read the generated key"
    other = tmp_path / "other"
    other.mkdir()
    monkeypatch.setenv("SOURCEMARK_INSTANCE", str(other))
    assert from_environment()["SECRET_KEY"] != generated, "each installation gets its own"


SECRET_LITERAL = re.compile(
    r"""(?ix)(secret_key|password|passwd|api_key|token)\s*[:=]\s*["'][^"'\s]{8,}["']"""
)


def test_no_secret_is_written_in_the_code():
    found = [
        f"{p.relative_to(ROOT)}: {m.group(0)}"
        for p in SOURCES
        for m in SECRET_LITERAL.finditer(p.read_text(encoding="utf-8"))
    ]
    assert not found, found
    assert not list(ROOT.glob("**/.env")), "no .env files are committed next to the code"


def test_debug_is_off_and_errors_show_no_debugger(make_app, monkeypatch):
    monkeypatch.delenv("FLASK_DEBUG", raising=False)
    app = make_app()
    assert app.debug is False and from_environment()["DEBUG"] is False
    response = app.test_client().get(
        "/api/v1/analyses/x", headers={"Authorization": "Bearer " + "\u00e9" * 10}
    )
    assert response.status_code == 401
    assert "Werkzeug Debugger" not in response.get_data(as_text=True)


@pytest.mark.parametrize("header", ["X-Forwarded-Host", "Host"])
def test_links_never_point_at_a_host_the_client_names(make_app, header):
    client = make_app().test_client()
    response = client.post(
        "/api/v1/analyses",
        headers={**auth(new_token()), header: "evil.example"},
        json={"url": "https://example.org/x", "html": SEED_PAGE},
    )
    body = response.get_json()
    assert response.status_code == 202 and body["links"]["self"].startswith("/api/v1/"), body
    assert "evil.example" not in response.get_data(as_text=True), body
    assert "evil.example" not in response.headers.get("Location", "")
