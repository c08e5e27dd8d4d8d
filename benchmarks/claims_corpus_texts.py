"""The canonical article texts the unverifiable-claims corpus points into, and its row files.

A corpus row names a sentence by ``(source, article, start, end)``: character offsets into the
article's canonical text, which is

- ``extraction``: the human-written body of a page of the extraction set
  (``tests/data/extraction-set/ground-truth.json``, MIT), its lines stripped, blank ones
  dropped, joined by a blank line (``\\n\\n``) as the extractor joins paragraphs;
- ``polnear``: the file ``../shared/data/polnear-train/text/NAME.txt`` exactly as it is
  (PolNeAR states no licence: these rows carry no text, only offsets and a hash);
- ``bench``: the expected text of a page of a public extraction benchmark in the extraction cache
  (``.cache/extraction/SET/truth.json``, built by ``python -m benchmarks.fetch_extraction_data``;
  article ``SET/ID``, SET one of ``BENCH_SETS``), joined as ``extraction`` bodies are. Their
  publishers own the pages, so these rows too carry no text;
- ``bench`` with SET ``trafilatura``: adbar/trafilatura's evaluation pages give only snippets as
  their expected text, so the canonical text is ``trafilatura.extract`` (the version pinned in
  ``pyproject.toml``, ``TRAFILATURA_OPTIONS``) of the page's HTML in
  ``.cache/extraction/trafilatura/html``, joined the same way; only English texts of 500
  characters or more, and never a page of the extraction benchmark's frozen split
  (``benchmarks/extraction_frozen.json``): those stay unread. The extraction is cached in
  ``.cache/claims/trafilatura_texts.json`` keyed by the page's hash and the library's version.

Each row carries ``sha``: the first 16 hex digits of the SHA-256 of the sentence text, so a join
with a changed text fails loudly instead of labelling the wrong words.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

from benchmarks import datasets
from benchmarks.datasets import EXTRACTION_DIR, GET_EXTRACTION, GET_POLNEAR, POLNEAR_TRAIN, require

ROOT = Path(__file__).resolve().parent.parent
CORPUS_DIR = ROOT / "tests" / "data" / "unverified" / "corpus"
ARTICLES = CORPUS_DIR / "articles.jsonl"
SENTENCES = CORPUS_DIR / "sentences.jsonl"
SPLIT = CORPUS_DIR / "split.jsonl"
CACHE = datasets.CACHE / "claims"
CORPUS = CACHE / "corpus.jsonl"
GET_CORPUS = (
    "build it with `PYTHONPATH=$PWD .venv/bin/python -m benchmarks.build_claims_corpus` "
    "(it joins the committed rows with the extraction set and PolNeAR's train texts)"
)
EXTRACTION_TRUTH = EXTRACTION_DIR / "ground-truth.json"
POLNEAR_TEXT = POLNEAR_TRAIN / "text"
BENCH_CACHE = datasets.CACHE / "extraction"
# Only sets that may be read: never page-signal, dragnet or the held-out scrapinghub half.
BENCH_SETS = ("readability", "cleaneval-dev", "cleaneval-final", "cleanportaleval", "trafilatura")
# trafilatura's truth holds snippets: its pages' texts are extracted from the HTML with these
TRAFILATURA_OPTIONS = {"include_comments": False, "include_tables": False}
TRAFILATURA_CACHE = datasets.CACHE / "claims" / "trafilatura_texts.json"
GET_BENCH = (
    "build the extraction cache with `PYTHONPATH=$PWD .venv/bin/python -m "
    "benchmarks.fetch_extraction_data` (it reads the public mirrors it names)"
)

_ENGLISH = re.compile(r"\b(the|and|of|to|in|is|that|for|was|with)\b", re.I)


@dataclass(frozen=True)
class SourceText:
    source: str  # "extraction", "polnear" or "bench"
    # page key (first 12 hex digits), PolNeAR file name without ".txt", or "SET/ID" (bench)
    article: str
    text: str
    outlet: str
    year: int | None
    url: str | None = None


class MissingDataError(RuntimeError):
    """The shared data a benchmark needs is not there; the message says how to get it."""


def require_texts(sources: set[str]) -> None:
    """Exit with what is missing and how to get it unless every source's texts are there."""
    if "extraction" in sources:
        require(EXTRACTION_TRUTH, "the extraction set's ground truth", GET_EXTRACTION)
    if "polnear" in sources:
        require(POLNEAR_TEXT, "PolNeAR's train texts", GET_POLNEAR)
    if "bench" in sources:
        for name in BENCH_SETS:
            require(BENCH_CACHE / name / "truth.json", f"the {name} extraction pages", GET_BENCH)


def require_corpus() -> Path:
    """The joined corpus in the cache, or exit saying how to build it."""
    return require(CORPUS, "the joined unverifiable-claims corpus", GET_CORPUS)


def sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def canonical_body(article_body: str) -> str:
    return "\n\n".join(line.strip() for line in article_body.split("\n") if line.strip())


def is_english(text: str) -> bool:
    words = len(text.split())
    return words > 0 and len(_ENGLISH.findall(text)) / words > 0.08


def _outlet_of(url: str) -> str:
    host = urlparse(url).hostname or ""
    host = host.removeprefix("www.")
    if host.startswith("hosted.ap.org"):
        return "ap.org"
    parts = host.split(".")
    # detroit.cbslocal.com -> cbslocal.com; news.sky.com -> sky.com; keep co.uk style suffixes
    keep = 3 if parts[-2:-1] in (["co"], ["com"]) and len(parts) > 2 else 2
    return ".".join(parts[-keep:])


_URL_YEAR = re.compile(r"/(20[0-2]\d)[/-]")


def extraction_texts(years: dict[str, int] | None = None) -> list[SourceText]:
    """English bodies of the extraction set; ``years`` overrides the year read from the URL."""
    if not EXTRACTION_TRUTH.is_file():
        raise MissingDataError(f"{EXTRACTION_TRUTH} is missing: {GET_EXTRACTION}.")
    truth = json.loads(EXTRACTION_TRUTH.read_text("utf-8"))
    out = []
    for key, value in sorted(truth.items()):
        text = canonical_body(value["articleBody"])
        if not is_english(text):
            continue
        article = key[:12]
        year = (years or {}).get(article)
        if year is None:
            m = _URL_YEAR.search(value["url"])
            year = int(m.group(1)) if m else None
        out.append(
            SourceText("extraction", article, text, _outlet_of(value["url"]), year, value["url"])
        )
    return out


def polnear_texts() -> list[SourceText]:
    if not POLNEAR_TEXT.is_dir():
        raise MissingDataError(f"{POLNEAR_TEXT} is missing: {GET_POLNEAR}.")
    out = []
    for path in sorted(POLNEAR_TEXT.glob("*.txt")):
        outlet, date, _ = path.stem.split("_", 2)
        out.append(SourceText("polnear", path.stem, path.read_text("utf-8"), outlet, int(date[:4])))
    return out


def bench_texts() -> list[SourceText]:
    """English expected texts of the public extraction benchmarks' pages (``BENCH_SETS``)."""
    out = []
    for name in BENCH_SETS:
        path = BENCH_CACHE / name / "truth.json"
        if not path.is_file():
            raise MissingDataError(f"{path} is missing: {GET_BENCH}.")
        truth = json.loads(path.read_text("utf-8"))
        extracted = _trafilatura_bodies(truth) if name == "trafilatura" else {}
        for key, value in sorted(truth.items()):
            if name == "trafilatura":
                text = extracted.get(key, "")
                if len(text) < 500:
                    continue
            else:
                text = canonical_body(value["expected"])
            if not is_english(text):
                continue
            url = value.get("url")
            m = _URL_YEAR.search(url or "")
            if url and "://" not in url:
                url = None  # trafilatura's "hard::NAME.html" pages: the id starts with the host
            # Readability's pages have no URL: the folder name says the site ("bbc-1" -> "bbc");
            # trafilatura's unnamed ones: the id's host ("stluciatimes.com-dea")
            outlet = _outlet_of(url) if url else re.sub(r"[-_]?\d+$", "", key)
            if not url and name == "trafilatura":
                outlet = _outlet_of("http://" + _host_of_id(key))
            year = int(m.group(1)) if m else None
            out.append(SourceText("bench", f"{name}/{key}", text, outlet, year, url))
    return out


_ID_HOST = re.compile(r"^(.*?\.(?:com|org|net|edu|gov|io|xyz|vc|de|ie|uk|at))(?=[-.]|$)")


def _host_of_id(page_id: str) -> str:
    """The host a trafilatura page id starts with: "dw.com.colonial" -> "dw.com"."""
    m = _ID_HOST.match(page_id)
    return m.group(1) if m else page_id.split("-", 1)[0]


def _trafilatura_bodies(truth: dict[str, dict]) -> dict[str, str]:
    """Canonical bodies of the trafilatura set's development pages, extracted from their HTML.

    The extraction benchmark's frozen pages are skipped unread. Extraction takes minutes, so
    results are cached by the page bytes' hash and trafilatura's version (a new version
    re-extracts, and a changed text then fails the corpus's hash check loudly)."""
    import trafilatura

    from benchmarks.extraction_split import frozen_ids

    frozen = frozen_ids().get("trafilatura", frozenset())
    cache = json.loads(TRAFILATURA_CACHE.read_text("utf-8")) if TRAFILATURA_CACHE.is_file() else {}
    out, changed = {}, False
    for key in sorted(truth):
        if key in frozen:
            continue
        raw = (BENCH_CACHE / "trafilatura" / "html" / f"{key}.html").read_bytes()
        stamp = f"{trafilatura.__version__}:{hashlib.sha256(raw).hexdigest()[:16]}"
        hit = cache.get(key)
        if hit is None or hit["stamp"] != stamp:
            body = trafilatura.extract(raw, **TRAFILATURA_OPTIONS) or ""
            hit = cache[key] = {"stamp": stamp, "text": canonical_body(body)}
            changed = True
        out[key] = hit["text"]
    if changed:
        TRAFILATURA_CACHE.parent.mkdir(parents=True, exist_ok=True)
        TRAFILATURA_CACHE.write_text(json.dumps(cache, ensure_ascii=False), "utf-8")
    return out


def texts_of(sources: set[str]) -> dict[tuple[str, str], str]:
    """``(source, article) -> canonical text`` for every article of the given sources."""
    texts: list[SourceText] = []
    if "extraction" in sources:
        texts += extraction_texts()
    if "polnear" in sources:
        texts += polnear_texts()
    if "bench" in sources:
        texts += bench_texts()
    return {(t.source, t.article): t.text for t in texts}


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]


def write_jsonl(path: Path, rows: list[dict]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")
