"""Every benchmark, run where its data or services are missing, says what is missing and how to get
it, and exits non-zero: never a traceback, and before any long work.

All data a benchmark may read is hidden: the extraction set, the shared folder and the git-ignored
cache are pointed at folders that do not exist (these variables are named here only to hide them),
so the check holds on a machine that has ``../shared`` or a filled ``.cache/`` too."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
BENCHMARKS = ROOT / "benchmarks"
# Tools that read and write only files committed to the repository: there is nothing to hide from
# them, and running them would rewrite what they froze.
NEEDS_NOTHING_OUTSIDE = {
    "benchmarks.freeze_claims_split": "rewrites tests/data/unverified/corpus/split.jsonl",
    "benchmarks.lexicon_overlaps": "reads only worker/pipeline/lexicon.py",
}


def _runnable() -> list[str]:
    files = sorted(BENCHMARKS.glob("*.py")) + sorted(BENCHMARKS.glob("*/*.py"))
    return [
        ".".join(p.relative_to(ROOT).with_suffix("").parts)
        for p in files
        if 'if __name__ == "__main__"' in p.read_text(encoding="utf-8")
    ]


RUNNABLE = _runnable()


def test_every_benchmark_is_checked() -> None:
    expected = {
        "anchoring",
        "attribution",
        "claims",
        "extraction",
        "load",
        "pipeline",
        "review_queue",
        "polnear",
        "claims_corpus",
        "claim_matching",
        "claim_pairs.pairs",
        "claim_pairs.agreement",
    }
    assert {f"benchmarks.{name}" for name in expected} <= set(RUNNABLE), RUNNABLE
    assert set(NEEDS_NOTHING_OUTSIDE) <= set(RUNNABLE)


def test_what_is_left_out_reads_nothing_outside() -> None:
    outside = re.compile(
        r"\b(CACHE|SHARED|EXTRACTION_DIR|POLNEAR_\w+|extraction_set|require"
        r"|(extraction|polnear)_texts)\b"
    )
    for module in NEEDS_NOTHING_OUTSIDE:
        source = (ROOT / (module.replace(".", "/") + ".py")).read_text(encoding="utf-8")
        assert not outside.search(source), (module, outside.search(source))


@pytest.mark.parametrize("module", [m for m in RUNNABLE if m not in NEEDS_NOTHING_OUTSIDE])
def test_missing_data_is_a_sentence_not_a_traceback(module: str, tmp_path: Path) -> None:
    env = dict(
        os.environ,
        PYTHONPATH=str(ROOT),
        SOURCEMARK_EXTRACTION_DIR=str(tmp_path / "no-extraction-set"),
        SOURCEMARK_SHARED_DIR=str(tmp_path / "no-shared"),
        SOURCEMARK_CACHE_DIR=str(tmp_path / "no-cache"),
        SOURCEMARK_MIRRORS_DIR=str(tmp_path / "no-mirrors"),
        SOURCEMARK_TEST_PG="postgresql://postgres@127.0.0.1:9/postgres",
        SOURCEMARK_TEST_REDIS="redis://127.0.0.1:9",
    )
    done = subprocess.run(
        [sys.executable, "-m", module],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode != 0, done.stdout[-1000:]
    assert "Traceback" not in done.stderr, done.stderr[-3000:]
    message = done.stderr.strip().lower()
    assert message.startswith(("missing ", "wrk is needed")), done.stderr[-1000:]
    assert "to get it" in message or "apt-get install" in message, done.stderr
    assert not (tmp_path / "no-cache").exists(), "a benchmark wrote to the cache it lacked"
