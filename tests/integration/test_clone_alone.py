"""The tests pass in a clone that stands alone: a copy of the repository's files in a folder with
no ``shared`` beside it, no ``SOURCEMARK_SHARED_DIR``, and every read of the workspace's shared
data or of the original checkout made to fail (``tests/support/no_outside_reads.py``)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

from tests.support.services import ROOT

pytestmark = pytest.mark.integration

# The tests that read data files; the rest of the suite is at least collected in the copy.
DATA_DEPENDENT = ["tests/extraction", "tests/attribution", "tests/unverified", "tests/pipeline"]
SOURCE_FOLDERS = ("tests", "worker", "server", "benchmarks", "extension", "docs")


def repository_files() -> list[str]:
    """What a clone holds: the tracked files (and new ones not ignored, for a work in progress)."""
    listed = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard", "-z"],
        cwd=ROOT,
        capture_output=True,
        check=True,
    ).stdout
    return [name for name in listed.decode().split("\0") if name and (ROOT / name).is_file()]


def forbidden() -> list[str]:
    places = [ROOT.parent / "shared", Path("/work/shared")]
    if os.environ.get("SOURCEMARK_SHARED_DIR"):
        places.append(Path(os.environ["SOURCEMARK_SHARED_DIR"]))
    places += [ROOT / name for name in SOURCE_FOLDERS]
    return [str(p) for p in places]


@pytest.fixture(scope="module")
def clone(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tree = tmp_path_factory.mktemp("clone") / "sourcemark"
    for name in repository_files():
        (tree / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / name, tree / name)
    assert not (tree.parent / "shared").exists()
    return tree


def run_pytest(tree: Path, *args: str) -> tuple[subprocess.CompletedProcess, str]:
    log = tree.parent / f"outside-reads-{uuid.uuid4().hex}.log"
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("SOURCEMARK_SHARED_DIR", "SOURCEMARK_EXTRACTION_DIR", "PYTHONPATH")
    }
    env.update(
        PYTHONPATH=str(tree),
        SOURCEMARK_FORBIDDEN_READS=os.pathsep.join(forbidden()),
        SOURCEMARK_FORBIDDEN_LOG=str(log),
    )
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "tests.support.no_outside_reads", *args],
        cwd=tree,
        env=env,
        capture_output=True,
        text=True,
        timeout=1800,
    )
    return done, log.read_text() if log.exists() else ""


def test_the_guard_catches_a_read_of_the_shared_data(clone: Path) -> None:
    """The plugin fails a test that reads outside the clone (else the rest would prove nothing)."""
    canary = clone / "tests" / "test_canary_outside_read.py"
    canary.write_text(f"def test_reads_outside():\n    open({forbidden()[-1]!r} + '/x')\n")
    try:
        done, reads = run_pytest(clone, str(canary.relative_to(clone)))
    finally:
        canary.unlink()
    assert done.returncode != 0, done.stdout[-2000:]
    assert "OutsideRead" in done.stdout and reads, done.stdout[-2000:]


def test_every_test_collects_in_a_clone(clone: Path) -> None:
    done, reads = run_pytest(clone, "--collect-only", "tests")
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    assert reads == "", reads
    assert " tests collected" in done.stdout.splitlines()[-1], done.stdout[-500:]


# Four test folders in a subprocess: about 3 minutes idle, over 5 at load 10 (the suite's 300 s).
@pytest.mark.timeout(1800)
def test_the_data_dependent_tests_pass_in_a_clone(clone: Path) -> None:
    done, reads = run_pytest(clone, *DATA_DEPENDENT)
    assert done.returncode == 0, done.stdout[-5000:] + done.stderr[-3000:]
    assert reads == "", reads
