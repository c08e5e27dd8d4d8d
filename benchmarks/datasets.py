"""Where the benchmarks' data lives, and a clean stop when it is not there.

The extraction set (88 pages with their human-written bodies, MIT) is in the repository at
``tests/data/extraction-set``; ``SOURCEMARK_EXTRACTION_DIR`` points the benchmarks at another copy.
Larger sets stay outside the repository, in ``../shared`` beside the checkout (or
``SOURCEMARK_SHARED_DIR``); what the benchmarks join or compute from them goes to the git-ignored
``.cache/`` (or ``SOURCEMARK_CACHE_DIR``). Tests never read either. Every benchmark takes its paths
from here and checks its inputs with ``require`` before any long work."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import NoReturn

ROOT = Path(__file__).resolve().parents[1]


def _shared() -> Path:
    configured = os.environ.get("SOURCEMARK_SHARED_DIR")
    if configured:
        return Path(configured)
    for candidate in (ROOT.parent / "shared", Path("/work/shared")):
        if candidate.is_dir():
            return candidate
    return ROOT.parent / "shared"


SHARED = _shared()
CACHE = Path(os.environ.get("SOURCEMARK_CACHE_DIR") or ROOT / ".cache")
POLNEAR_TRAIN = SHARED / "data" / "polnear-train"
EXTRACTION_DIR = Path(
    os.environ.get("SOURCEMARK_EXTRACTION_DIR") or ROOT / "tests" / "data" / "extraction-set"
)
GET_SHARED = (
    "the shared folder is ../shared beside the checkout, or set SOURCEMARK_SHARED_DIR to another"
)
GET_POLNEAR = (
    "put PolNeAR's train split (networkdynamics/PolNeAR on GitHub, data/train; it "
    "states no licence, so it is never committed) into the shared folder as "
    "data/polnear-train/text/ID.txt and data/polnear-train/attributions/ID_XXXX.ann; " + GET_SHARED
)
GET_EXTRACTION = (
    "it is part of the repository (tests/data/extraction-set): restore it with "
    "`git checkout -- tests/data/extraction-set`, or set SOURCEMARK_EXTRACTION_DIR "
    "to a copy holding ground-truth.json and html/<key>.html.gz"
)


def missing(what: str, detail: str, how: str) -> NoReturn:
    """Say what is missing (or unusable) and how to get it, and exit with status 2."""
    print(f"missing {what}: {detail}\nTo get it: {how}.", file=sys.stderr)
    raise SystemExit(2)


def require(path: Path, what: str, how: str) -> Path:
    """``path`` if it exists; else say what is missing and how to get it, and exit with status 2."""
    if not path.exists():
        missing(what, f"{path} does not exist.", how)
    return path


def polnear_train() -> Path:
    """PolNeAR's train split's folder, after checking that its texts and annotations are there."""
    require(POLNEAR_TRAIN / "text", "PolNeAR's train texts", GET_POLNEAR)
    require(POLNEAR_TRAIN / "attributions", "PolNeAR's train annotations", GET_POLNEAR)
    return POLNEAR_TRAIN


def extraction_set() -> Path:
    """The extraction set's folder, after checking that its ground truth and pages are there."""
    require(
        EXTRACTION_DIR / "ground-truth.json", "the extraction set's ground truth", GET_EXTRACTION
    )
    require(EXTRACTION_DIR / "html", "the extraction set's pages", GET_EXTRACTION)
    return EXTRACTION_DIR


def require_services(redis: bool = False) -> None:
    """Exit with a sentence, not a traceback, when the PostgreSQL (or Redis) a benchmark builds its
    own database in is not reachable (the addresses of ``tests/support/services.py``)."""
    import psycopg

    from tests.support.services import PG_ADMIN, REDIS

    try:
        psycopg.connect(PG_ADMIN, connect_timeout=5).close()
    except psycopg.OperationalError as exc:
        print(
            f"missing PostgreSQL: cannot connect to {PG_ADMIN} ({str(exc).strip()}).\n"
            "To get it: start PostgreSQL with trust auth for the user postgres on "
            "127.0.0.1:5432 (`bash tests/run` does), or set SOURCEMARK_TEST_PG.",
            file=sys.stderr,
        )
        raise SystemExit(2) from None
    if redis:
        import redis as redis_client

        try:
            redis_client.Redis.from_url(f"{REDIS}/0", socket_connect_timeout=5).ping()
        except redis_client.RedisError as exc:
            print(
                f"missing Redis: cannot reach {REDIS} ({exc}).\nTo get it: start redis-server "
                "on 127.0.0.1:6379 (`bash tests/run` does).",
                file=sys.stderr,
            )
            raise SystemExit(2) from None
