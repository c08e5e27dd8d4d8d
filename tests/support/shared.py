"""Where the shared evaluation data lives: ``../shared`` beside the checkout.

``SOURCEMARK_SHARED_DIR`` points elsewhere; a clone made outside the workspace (``/tmp/...``)
falls back to the workspace's copy so the same tests run there.
"""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _find() -> Path:
    configured = os.environ.get("SOURCEMARK_SHARED_DIR")
    if configured:
        return Path(configured)
    for candidate in (ROOT.parent / "shared", Path("/work/shared")):
        if candidate.is_dir():
            return candidate
    return ROOT.parent / "shared"


SHARED = _find()
SEED_DIR = SHARED / "seed"
EXTRACTION_DIR = SHARED / "data" / "extraction"
FINDINGS_DIR = SHARED / "data" / "findings"
