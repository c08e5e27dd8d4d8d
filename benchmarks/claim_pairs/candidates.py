"""Candidate claim pairs across PolNeAR articles by TF-IDF cosine (development tool).

    PYTHONPATH=$PWD python -m benchmarks.claim_pairs.candidates \
        > .cache/claims_pairs/candidates.jsonl

Each sentence of 8-60 words is compared with every sentence of the other articles; pairs are drawn
from cosine bands (high: likely the same claim; middle: same topic; low and random: unrelated) so
that the labelled set holds all three classes. A sentence is used in at most two pairs. Seeded.
"""

from __future__ import annotations

import json
import random
import sys

import numpy as np

from benchmarks.claim_pairs.sentences import (
    POLNEAR_TEXT,
    Sentence,
    articles,
    sentence_hash,
    split,
)
from benchmarks.datasets import GET_POLNEAR, require

SEED = 16
BANDS = [(0.60, 1.01, 230), (0.42, 0.60, 170), (0.25, 0.42, 80)]
RANDOM = 60


def scored_pairs(sentences: list[Sentence]) -> dict[tuple[int, int], float]:
    """TF-IDF cosine of every two sentences of different articles, >= 0.25, verbatim repeats out."""
    # sklearn (and the BLAS scipy brings) only when a draw is made: the tests import
    # these modules for their helpers.
    from sklearn.feature_extraction.text import TfidfVectorizer

    vec = TfidfVectorizer(stop_words="english", sublinear_tf=True, min_df=2, ngram_range=(1, 2))
    m = vec.fit_transform([s.text for s in sentences])
    art = np.array([s.article for s in sentences])
    texts: dict = {}
    pairs: dict[tuple[int, int], float] = {}
    for i0 in range(0, len(sentences), 2000):
        block = (m[i0 : i0 + 2000] @ m.T).tocoo()
        for i, j, v in zip(block.row + i0, block.col, block.data, strict=True):
            if i < j and v >= 0.25 and art[i] != art[j]:
                ti, tj = sentences[i].text, sentences[j].text
                if ti == tj or texts.setdefault((ti, tj), 0):
                    continue  # verbatim repeats (boilerplate) teach nothing
                pairs[(i, j)] = float(v)
    return pairs


def draw_pairs(
    sentences: list[Sentence],
    pairs: dict[tuple[int, int], float],
    rng: random.Random,
    bands: list[tuple[float, float, int]],
    random_count: int,
    label: str = "cos",
) -> list[tuple[int, int, float, str]]:
    """``(i, j, cosine, band)`` drawn from each cosine band (a sentence in two pairs at most;
    the band named ``label`` and its lower bound), then ``random_count`` random pairs of
    different articles, shuffled."""
    uses: dict[int, int] = {}
    chosen: list[tuple[int, int, float, str]] = []
    for lo, hi, n in bands:
        band = sorted(k for k, v in pairs.items() if lo <= v < hi)
        rng.shuffle(band)
        taken = 0
        for i, j in band:
            if taken >= n:
                break
            if uses.get(i, 0) >= 2 or uses.get(j, 0) >= 2:
                continue
            uses[i] = uses.get(i, 0) + 1
            uses[j] = uses.get(j, 0) + 1
            chosen.append((i, j, pairs[(i, j)], f"{label}{lo:.2f}"))
            taken += 1
    art = [s.article for s in sentences]
    while sum(1 for c in chosen if c[3] == "random") < random_count:
        i, j = rng.randrange(len(sentences)), rng.randrange(len(sentences))
        if art[i] != art[j]:
            chosen.append((min(i, j), max(i, j), 0.0, "random"))
    rng.shuffle(chosen)
    return chosen


def candidate_line(a: Sentence, b: Sentence, band: str, cos: float) -> str:
    """A candidate pair as one JSON line (with the texts, for labelling; never committed)."""
    row = {
        "a": {"article": a.article, "start": a.start, "end": a.end, "sha": sentence_hash(a.text)},
        "b": {"article": b.article, "start": b.start, "end": b.end, "sha": sentence_hash(b.text)},
        "band": band,
        "cos": round(cos, 3),
        "text_a": a.text,
        "text_b": b.text,
    }
    return json.dumps(row, ensure_ascii=False)


def main() -> None:
    require(POLNEAR_TEXT, "PolNeAR's train texts", GET_POLNEAR)
    sentences = [s for a, t in articles() for s in split(a, t) if 8 <= len(s.text.split()) <= 60]
    pairs = scored_pairs(sentences)
    for i, j, v, band in draw_pairs(sentences, pairs, random.Random(SEED), BANDS, RANDOM):
        print(candidate_line(sentences[i], sentences[j], band, v))
    print(f"{len(sentences)} sentences, {len(pairs)} pairs >= 0.25", file=sys.stderr)


if __name__ == "__main__":
    main()
