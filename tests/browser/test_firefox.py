"""The extension in Firefox: Debian's firefox-esr, driven by Mozilla's web-ext (Debian has no
geckodriver). Firefox's toolbar action cannot be clicked from automation here, so what is checked
is what can be: the manifest passes Mozilla's linter, and Firefox installs the extension and runs
its background script without an error. A copy with a deliberately broken background script
proves the error check sees such errors."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import threading
import time
from pathlib import Path

import pytest

from tests.browser.harness import EXTENSION, ROOT

FIREFOX = Path("/usr/bin/firefox-esr")
# tests/run installs web-ext here (npm); SOURCEMARK_WEB_EXT points elsewhere.
WEB_EXT = Path(
    os.environ.get("SOURCEMARK_WEB_EXT")
    or ROOT / ".cache" / "node" / "node_modules" / ".bin" / "web-ext"
)
NOT_EXTENSION = ["tests/**", "package.json", "README.md"]
# Firefox prints errors of extension scripts as "JavaScript error: moz-extension://<uuid>/…".
EXTENSION_ERROR = "JavaScript error: moz-extension://"


@pytest.fixture(scope="module")
def web_ext() -> Path:
    assert FIREFOX.exists(), "firefox-esr is missing: `apt-get install firefox-esr`"
    assert WEB_EXT.exists(), f"web-ext is missing at {WEB_EXT}: `bash tests/run` installs it"
    return WEB_EXT


def run_in_firefox(web_ext: Path, source: Path, settle: float = 5.0, timeout: float = 120) -> str:
    """Install ``source`` as a temporary add-on in headless Firefox; return everything printed
    until ``settle`` seconds after the install (the background script runs in that time)."""
    env = {**os.environ, "MOZ_HEADLESS": "1"}
    proc = subprocess.Popen(
        [
            str(web_ext),
            "run",
            "--source-dir",
            str(source),
            f"--firefox={FIREFOX}",
            "--no-input",
            "--no-reload",
            "--verbose",
            "--pref",
            "devtools.console.stdout.chrome=true",
            "--ignore-files",
            *NOT_EXTENSION,
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env=env,
        start_new_session=True,
    )
    lines: list[str] = []
    installed = threading.Event()

    def read() -> None:
        assert proc.stdout is not None
        for line in proc.stdout:
            lines.append(line)
            if "as a temporary add-on" in line:
                installed.set()

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    try:
        assert installed.wait(timeout), "Firefox did not install the extension:\n" + "".join(lines)
        time.sleep(settle)
    finally:
        try:
            os.killpg(proc.pid, signal.SIGTERM)
            proc.wait(20)
        except ProcessLookupError:
            pass
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(10)
        reader.join(5)
    return "".join(lines)


def extension_errors(output: str) -> list[str]:
    return [line.strip() for line in output.splitlines() if EXTENSION_ERROR in line]


def test_mozilla_lint_finds_no_errors(web_ext: Path):
    result = subprocess.run(
        [
            str(web_ext),
            "lint",
            "--source-dir",
            str(EXTENSION),
            "--output",
            "json",
            "--no-input",
            "--ignore-files",
            *NOT_EXTENSION,
        ],
        capture_output=True,
        text=True,
        timeout=180,
    )
    report = json.loads(result.stdout)
    assert report["summary"]["errors"] == 0, report["errors"]
    # The one expected warning: Firefox ignores background.service_worker and uses the scripts.
    codes = {w["code"] for w in report["warnings"]}
    assert "BACKGROUND_SERVICE_WORKER_IGNORED" in codes
    assert not {c for c in codes if "PERMISSION" in c}, report["warnings"]


def test_firefox_installs_and_runs_the_extension_without_errors(web_ext: Path):
    output = run_in_firefox(web_ext, EXTENSION)
    assert "sourcemark@" in output, output[-3000:]
    assert extension_errors(output) == [], output[-3000:]


def test_a_broken_background_script_would_be_seen(web_ext: Path, tmp_path: Path):
    broken = tmp_path / "extension"
    shutil.copytree(EXTENSION, broken, ignore=shutil.ignore_patterns("tests", "node_modules"))
    background = broken / "background.js"
    background.write_text('throw new Error("sourcemark-probe");\n' + background.read_text())
    errors = extension_errors(run_in_firefox(web_ext, broken))
    assert any("background.js" in e and "sourcemark-probe" in e for e in errors), errors
