"""Every finding on every text we have, as JSON lines: run before and after a refactor, then diff.

    PYTHONPATH=$PWD .venv/bin/python -m benchmarks.findings_baseline .cache/findings/before.jsonl
    # ... change the code ...
    PYTHONPATH=$PWD .venv/bin/python -m benchmarks.findings_baseline .cache/findings/after.jsonl
    diff .cache/findings/before.jsonl .cache/findings/after.jsonl

The texts: the seed article, the hand-annotated attribution articles (their ground-truth bodies,
as ``tests/attribution`` runs them), the labelled unverified-claim paragraphs (each distinct
context, as ``benchmarks/claims.py`` runs the detector on them), the NY Post article of
``data/findings``, the body ``extract_article`` gives for every shared extraction page, and the
first ``--polnear`` PolNeAR training texts. One line per text: ``{"set", "key", "findings"}``
with each finding's contract JSON (``Finding.to_dict()``). The output holds article text, so it
belongs in the git-ignored ``.cache/``, never in the repository.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import sys
from collections.abc import Iterator
from pathlib import Path

from benchmarks.datasets import (
    EXTRACTION_DIR,
    GET_POLNEAR,
    POLNEAR_TRAIN,
    extraction_set,
    require,
)
from tests.support.data import FINDINGS_DIR, SEED_DIR, annotated_articles
from worker.pipeline import extract_article, find_claims

ROOT = Path(__file__).resolve().parent.parent
ANNOTATED = ROOT / "tests" / "data" / "attribution" / "annotated.json"
UNVERIFIED = ROOT / "tests" / "data" / "unverified"
POLNEAR_TEXT = POLNEAR_TRAIN / "text"


def texts(polnear: int) -> Iterator[tuple[str, str, str]]:
    """``(set, key, text)`` for every text, in a stable order."""
    for path in sorted(SEED_DIR.glob("*.txt")):
        yield "seed", path.name, path.read_text("utf-8")
    truth = json.loads((EXTRACTION_DIR / "ground-truth.json").read_text("utf-8"))
    for article in json.loads(ANNOTATED.read_text("utf-8"))["articles"]:
        yield "annotated", article["key"], truth[article["key"]]["articleBody"]
    seen: set[str] = set()
    for path in sorted(UNVERIFIED.glob("*.jsonl")):
        for line in path.read_text("utf-8").splitlines():
            if not line.strip():
                continue
            item = json.loads(line)
            if item["context"] not in seen:
                seen.add(item["context"])
                yield "unverified", f"{path.name}:{item['id']}", item["context"]
    for annotated in annotated_articles():
        yield "findings", f"{annotated['page']}.json", annotated["text"]
    for key in sorted(truth):
        html = gzip.decompress((EXTRACTION_DIR / "html" / f"{key}.html.gz").read_bytes())
        url = truth[key].get("url") or f"https://example.org/{key}"
        try:
            body = extract_article(html.decode("utf-8", "replace"), url).text
        except Exception as exc:  # a page the extractor refuses is recorded, not fatal
            body = ""
            print(f"extraction {key}: {type(exc).__name__}", file=sys.stderr)
        yield "extraction", key, body
    for path in sorted(POLNEAR_TEXT.glob("*.txt"))[:polnear]:
        yield "polnear", path.name, path.read_text("utf-8")


def require_inputs() -> None:
    for path in (SEED_DIR, FINDINGS_DIR):
        require(
            path,
            "a folder of the repository's test data",
            f"it is part of the repository: `git checkout -- {path.relative_to(ROOT)}`",
        )
    extraction_set()
    require(POLNEAR_TEXT, "PolNeAR's train texts", GET_POLNEAR)


def main(argv: list[str] | None = None) -> int:
    require_inputs()  # before the re-exec and the arguments: a bare run says what is missing
    if os.environ.get("PYTHONHASHSEED") != "0":
        # one hash seed for every run, so a set's order cannot pass for a change in the code
        env = {**os.environ, "PYTHONHASHSEED": "0"}
        argv = sys.argv[1:] if argv is None else argv
        command = [sys.executable, "-m", "benchmarks.findings_baseline", *argv]
        os.execve(sys.executable, command, env)
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path, help="where to write the JSON lines")
    parser.add_argument("--polnear", type=int, default=100, help="PolNeAR texts to include")
    args = parser.parse_args(argv)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    n_texts = n_findings = 0
    with args.out.open("w", encoding="utf-8") as out:
        for set_name, key, text in texts(args.polnear):
            findings = [f.to_dict() for f in find_claims(text)]
            out.write(json.dumps({"set": set_name, "key": key, "findings": findings}) + "\n")
            n_texts += 1
            n_findings += len(findings)
    print(f"{n_findings} findings on {n_texts} texts -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
