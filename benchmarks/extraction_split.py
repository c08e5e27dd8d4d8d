"""The frozen split of the extraction sets: fixed once, never looked at while tuning.

Each set's pages are ordered by a salted SHA-256 of ``<set>:<id>`` and the first 30% form the
frozen split; ``benchmarks/extraction_frozen.json`` records the ids (ids only, no text) so the
membership cannot drift when a set grows or a mirror changes. The rest is development data.

    .venv/bin/python -m benchmarks.extraction_split --write   # done once; refuses to overwrite
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

from benchmarks import datasets
from benchmarks.fetch_extraction_data import CACHE, SETS

MEMBERSHIP = Path(__file__).resolve().parent / "extraction_frozen.json"
SALT = "sourcemark-extraction-frozen-2026-12-06"
FROZEN_SHARE = 0.30


def _rank(set_name: str, page_id: str) -> str:
    return hashlib.sha256(f"{SALT}:{set_name}:{page_id}".encode()).hexdigest()


def choose(set_name: str, ids: list[str]) -> list[str]:
    ordered = sorted(ids, key=lambda page_id: _rank(set_name, page_id))
    return sorted(ordered[: round(FROZEN_SHARE * len(ordered))])


def frozen_ids() -> dict[str, frozenset[str]]:
    data = json.loads(MEMBERSHIP.read_text(encoding="utf-8"))
    return {name: frozenset(ids) for name, ids in data["frozen"].items()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--write", action="store_true")
    args = parser.parse_args(argv)
    absent = [name for name in SETS if not (CACHE / name / "truth.json").exists()]
    if absent:
        datasets.missing(
            "the extraction development sets",
            f"no cache for {absent} under {CACHE}",
            "run `.venv/bin/python -m benchmarks.fetch_extraction_data`",
        )
    if not args.write:
        parser.print_help()
        return 0
    if MEMBERSHIP.exists():
        print(f"{MEMBERSHIP} exists: the split is fixed once and never moved.", file=sys.stderr)
        return 1
    frozen = {}
    for set_name in SETS:
        truth = CACHE / set_name / "truth.json"
        if not truth.exists():
            print(f"{truth} missing: run benchmarks.fetch_extraction_data", file=sys.stderr)
            return 1
        frozen[set_name] = choose(set_name, list(json.loads(truth.read_text(encoding="utf-8"))))
    data = {
        "about": __doc__.split("\n\n")[0],
        "salt": SALT,
        "share": FROZEN_SHARE,
        "frozen": frozen,
    }
    MEMBERSHIP.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print({k: len(v) for k, v in frozen.items()})
    return 0


if __name__ == "__main__":
    sys.exit(main())
