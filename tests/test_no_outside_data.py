"""A cheap guard beside ``tests/integration/test_clone_alone.py``: no test names a data folder
outside the repository (the workspace's ``../shared``, ``/work/...``, ``SOURCEMARK_SHARED_DIR``),
and no test borrows the benchmarks' locator of that data."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUTSIDE = re.compile(
    r"""\.\./shared|/work/|SOURCEMARK_SHARED_DIR|["']shared["']"""
    r"""|benchmarks\.datasets import SHARED|tests\.support\.shared"""
)
# The guard itself, the clone test and its plugin, which name these places to forbid them, and the
# benchmarks' missing-data test, which names them to hide them.
ALLOWED = {
    "tests/test_no_outside_data.py",
    "tests/integration/test_clone_alone.py",
    "tests/support/no_outside_reads.py",
    "tests/test_benchmarks_without_data.py",
}


def _test_files() -> list[str]:
    listed = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard", "tests"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return [n for n in listed.split() if n.endswith((".py", ".mjs", ".sh")) or n == "tests/run"]


def test_no_test_names_a_data_folder_outside_the_repository() -> None:
    offenders = []
    for name in _test_files():
        path = ROOT / name
        if name in ALLOWED or not path.is_file():
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if OUTSIDE.search(line):
                offenders.append(f"{name}:{number}: {line.strip()}")
    assert offenders == [], "tests must read only tests/data:\n" + "\n".join(offenders)


def test_the_guard_sees_what_it_looks_for() -> None:
    for line in (
        'SHARED = ROOT.parent / "shared"',
        "open('/work/shared/seed/expected.json')",
        'os.environ["SOURCEMARK_SHARED_DIR"]',
        "from tests.support.shared import X",
    ):
        assert OUTSIDE.search(line), line
    assert not OUTSIDE.search("DATA = ROOT / 'tests' / 'data'")
