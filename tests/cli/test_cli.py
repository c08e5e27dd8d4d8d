"""The ``sourcemark`` command as a user runs it (a real subprocess)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parents[1] / "data"
BIN = Path(sys.executable).parent / "sourcemark"


@pytest.fixture()
def env(tmp_path):
    e = {k: v for k, v in os.environ.items() if k not in ("REDIS_URL", "DATABASE_URL")}
    e["SOURCEMARK_INSTANCE"] = str(tmp_path)
    return e


def run(env, *args, input_bytes=None):  # noqa: ANN001, ANN201
    return subprocess.run(
        [str(BIN), *args], env=env, capture_output=True, input=input_bytes, timeout=120
    )


def test_analyze_prints_a_report_of_the_seed_page(env):
    out = run(env, "analyze", str(DATA / "seed_page.html"))
    assert out.returncode == 0, out.stderr.decode()
    report = out.stdout.decode()
    assert report.startswith("UN chief appeals for calm")
    assert "attribution:" in report and "speaker: Stephane Dujarric" in report
    assert "cue:" in report


def test_analyze_counts_in_words_with_the_right_plurals(env, tmp_path):
    page = tmp_path / "one.html"
    page.write_text(
        "<html><head><title>Port reopens</title></head><body><article><h1>Port "
        "reopens</h1><p>"
        + "The harbour was quiet on Monday as ships waited. " * 6
        + "</p><p>The port will reopen on Friday, the harbour master said.</p><p>"
        + "Dock workers returned to their posts and cranes moved again. " * 5
        + "</p></article></body></html>"
    )
    out = run(env, "analyze", str(page), "--url", "https://example.org/port")
    assert out.returncode == 0, out.stderr.decode()
    counts = next(line for line in out.stdout.decode().splitlines() if " words · " in line)
    assert "· 1 attributed statement ·" in counts, counts
    assert counts.endswith("· 0 unverifiable claims"), counts


def test_analyze_json_from_stdin(env):
    out = run(
        env,
        "analyze",
        "-",
        "--json",
        "--url",
        "https://example.org/x",
        input_bytes=(DATA / "seed_page.html").read_bytes(),
    )
    assert out.returncode == 0, out.stderr.decode()
    data = json.loads(out.stdout)
    assert data["status"] == "done" and data["findings"]
    assert data["article"]["text"].startswith("UN Secretary-General")


def test_analyze_reports_a_page_without_article(env, tmp_path):
    page = tmp_path / "empty.html"
    page.write_text("<html><body></body></html>")
    out = run(env, "analyze", str(page))
    assert out.returncode != 0
    assert b"Error" in out.stderr and b"Traceback" not in out.stderr


def test_token_create_prints_the_token_last(env):
    out = run(env, "token", "create", "--name", "laptop", "--role", "editor")
    assert out.returncode == 0, out.stderr.decode()
    token = out.stdout.decode().split()[-1]
    assert token.startswith("smk_") and len(token) > 30
    listed = run(env, "token", "list").stdout.decode()
    assert "laptop" in listed and token not in listed
    header, *rows = listed.splitlines()
    assert header.split() == ["PREFIX", "NAME", "OWNER", "ROLE", "STATE"], listed
    laptop = next(r for r in rows if "laptop" in r)
    assert laptop.index("laptop") == header.index("NAME"), listed  # the columns line up
    assert laptop.index(" editor ") + 1 == header.index("ROLE"), listed
    assert run(env, "token", "revoke", "laptop").returncode == 0
    assert "revoked" in run(env, "token", "list").stdout.decode()


def test_user_create_takes_the_password_from_the_environment(env):
    out = run(
        {**env, "SOURCEMARK_PASSWORD": "correct horse battery"},
        "user",
        "create",
        "Admin@Example.org",
        "--role",
        "admin",
    )
    assert out.returncode == 0, out.stderr.decode()
    assert b"created admin admin@example.org" in out.stdout
    again = run(
        {**env, "SOURCEMARK_PASSWORD": "correct horse battery"},
        "user",
        "create",
        "admin@example.org",
    )
    assert again.returncode != 0 and b"already exists" in again.stderr


def test_worker_needs_redis(env):
    out = run(env, "worker")
    assert out.returncode != 0 and b"REDIS_URL is not set" in out.stderr


def test_db_upgrade(env, tmp_path):
    out = run(env, "db", "upgrade")
    assert out.returncode == 0 and (tmp_path / "sourcemark.db").exists()
