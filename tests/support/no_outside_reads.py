"""A pytest plugin that makes any read of a forbidden folder fail loudly.

``tests/integration/test_clone_alone.py`` loads it (``-p tests.support.no_outside_reads``) in a copy
of the tree, forbidding the workspace's shared data and the original checkout, so a test that still
reaches for ``../shared`` (or for files the copy lacks) fails there instead of passing by luck.
The folders come from ``SOURCEMARK_FORBIDDEN_READS`` (``os.pathsep``-separated); each offending
path is also appended to the file ``SOURCEMARK_FORBIDDEN_LOG`` names, because code may swallow the
error (pathlib's glob ignores ``OSError``s, hence not one here)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

FORBIDDEN = tuple(
    str(Path(p).resolve())
    for p in os.environ.get("SOURCEMARK_FORBIDDEN_READS", "").split(os.pathsep)
    if p
)
LOG = os.environ.get("SOURCEMARK_FORBIDDEN_LOG")
EVENTS = {"open", "os.listdir", "os.scandir", "glob.glob", "os.chdir"}


class OutsideRead(RuntimeError):
    """A test touched a file that a clone of the repository would not have."""


def _inside(path: str) -> str | None:
    for root in FORBIDDEN:
        if path == root or path.startswith(root + os.sep):
            return root
    return None


def _hook(event: str, args: tuple) -> None:
    if event not in EVENTS or not args or not isinstance(args[0], (str, bytes, os.PathLike)):
        return
    raw = os.fsdecode(args[0])
    path = os.path.abspath(raw)
    if _inside(path):
        if LOG:
            with open(LOG, "a", encoding="utf-8") as log:
                log.write(f"{event} {path}\n")
        raise OutsideRead(f"a test read {path!r}, outside the repository's own files")


if FORBIDDEN:
    sys.addaudithook(_hook)
