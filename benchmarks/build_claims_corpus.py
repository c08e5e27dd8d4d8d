"""Join the committed rows of the unverifiable-claims corpus with their article texts.

    PYTHONPATH=$PWD .venv/bin/python -m benchmarks.build_claims_corpus

Reads ``tests/data/unverified/corpus/{articles,sentences,split}.jsonl`` and the texts they point
into (the extraction set's bodies, PolNeAR's train texts in ``../shared``, the public extraction
benchmarks' pages in ``.cache/extraction``), checks every
article's and every sentence's hash, and writes ``.cache/claims/corpus.jsonl`` (git-ignored):
one row per labelled sentence with its text, its paragraph, its article's outlet, year and side
of the frozen split. PolNeAR's and the benchmark pages' texts may not be redistributed, so only
this cache holds them.
Exits with status 2, saying what is missing and how to get it, when a text is not there, and 1
when a hash differs.
"""

from __future__ import annotations

import sys

from benchmarks.claims_corpus_texts import (
    ARTICLES,
    CORPUS,
    ROOT,
    SENTENCES,
    SPLIT,
    read_jsonl,
    require_texts,
    sha,
    texts_of,
    write_jsonl,
)
from benchmarks.datasets import require


def join(articles: list[dict], sentences: list[dict], split: list[dict]) -> list[dict]:
    """Rows with text, paragraph and split; raises ValueError on any hash mismatch."""
    side = {(s["source"], s["article"]): s["split"] for s in split}
    meta = {(a["source"], a["article"]): a for a in articles}
    texts = texts_of({a["source"] for a in articles})
    problems = []
    for key, a in meta.items():
        src = texts.get(key)
        if src is None:
            problems.append(f"article {key} not found among the source texts")
        elif sha(src) != a["sha"]:
            problems.append(f"article {key}: its text changed (hash {sha(src)} != {a['sha']})")
    if problems:
        raise ValueError(
            "; ".join(problems[:5]) + (f" (+{len(problems) - 5})" if len(problems) > 5 else "")
        )
    out = []
    for row in sentences:
        key = (row["source"], row["article"])
        text = texts[key]
        sentence = text[row["start"] : row["end"]]
        if sha(sentence) != row["sha"]:
            problems.append(f"{key} {row['start']}-{row['end']}: sentence hash differs")
            continue
        if "text" in row and row["text"] != sentence:
            problems.append(f"{key} {row['start']}-{row['end']}: committed text differs")
            continue
        if key not in side:
            problems.append(f"article {key} has no side in split.jsonl")
            continue
        joined = dict(row)
        joined["text"] = sentence
        joined["paragraph"] = text[row["para_start"] : row["para_end"]]
        joined["outlet"] = meta[key]["outlet"]
        joined["year"] = meta[key]["year"]
        joined["split"] = side[key]
        out.append(joined)
    if problems:
        raise ValueError("; ".join(problems[:5]) + f" ({len(problems)} problems)")
    return out


def main() -> int:
    for path in (ARTICLES, SENTENCES, SPLIT):
        require(
            path,
            "a file of the committed corpus rows",
            f"it is part of the repository: `git checkout -- {path.relative_to(ROOT)}`",
        )
    articles = read_jsonl(ARTICLES)
    require_texts({a["source"] for a in articles})
    try:
        rows = join(articles, read_jsonl(SENTENCES), read_jsonl(SPLIT))
    except ValueError as err:
        print(
            f"build_claims_corpus: the source texts do not match the rows: {err}",
            file=sys.stderr,
        )
        return 1
    write_jsonl(CORPUS, rows)
    print(f"{len(rows)} labelled sentences, hashes verified -> {CORPUS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
