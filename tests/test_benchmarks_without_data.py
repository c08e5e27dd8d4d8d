"""Every benchmark, run where its data or services are missing, says what is missing and how to get
it, and exits non-zero: never a traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
RUNNABLE = sorted(p.stem for p in (ROOT / "benchmarks").glob("*.py")
                  if 'if __name__ == "__main__"' in p.read_text(encoding="utf-8"))


def test_every_benchmark_is_checked() -> None:
    assert {"anchoring", "attribution", "claims", "extraction", "load", "pipeline",
            "review_queue"} <= set(RUNNABLE), RUNNABLE


@pytest.mark.parametrize("module", RUNNABLE)
def test_missing_data_is_a_sentence_not_a_traceback(module: str, tmp_path: Path) -> None:
    env = dict(os.environ, PYTHONPATH=str(ROOT),
               SOURCEMARK_EXTRACTION_DIR=str(tmp_path / "no-extraction-set"),
               SOURCEMARK_TEST_PG="postgresql://postgres@127.0.0.1:9/postgres",
               SOURCEMARK_TEST_REDIS="redis://127.0.0.1:9")
    done = subprocess.run([sys.executable, "-m", f"benchmarks.{module}"], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=240)
    assert done.returncode != 0, done.stdout[-1000:]
    assert "Traceback" not in done.stderr, done.stderr[-3000:]
    message = done.stderr.strip().lower()
    assert message.startswith(("missing ", "wrk is needed")), done.stderr[-1000:]
    assert "to get it" in message or "apt-get install" in message, done.stderr
