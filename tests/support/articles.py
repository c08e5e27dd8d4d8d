"""Real article text and spaCy's model as shipped, for tests that compare our speed-ups with it."""

from __future__ import annotations

import gzip
import json

import spacy
from spacy.language import Language

from tests.support.data import EXTRACTION_DIR
from worker.pipeline.extraction import extract_article
from worker.pipeline.nlp import MODEL_NAMES


def article_texts(limit: int) -> list[str]:
    """The extracted bodies of the first ``limit`` shared pages, in key order."""
    truth = json.loads((EXTRACTION_DIR / "ground-truth.json").read_text(encoding="utf-8"))
    return [
        extract_article(
            gzip.decompress((EXTRACTION_DIR / "html" / f"{key}.html.gz").read_bytes()),
            truth[key]["url"],
        ).text
        for key in sorted(truth)[:limit]
    ]


def stock_model(**load_options: object) -> Language:
    """The English model as ``spacy.load`` gives it, without our changes."""
    for name in MODEL_NAMES:
        try:
            return spacy.load(name, **load_options)
        except OSError:
            continue
    raise RuntimeError(f"no spaCy English model installed (tried {MODEL_NAMES})")
