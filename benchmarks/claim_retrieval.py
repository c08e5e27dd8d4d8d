"""Claims across articles at 1,000,000 stored findings: how long one new finding's candidate
retrieval (PostgreSQL full text, ``worker.store.claim_index.candidates``) and scoring (the word
pre-filter, then ``match_claims`` on what passes) take.

    PYTHONPATH=$PWD .venv/bin/python -m benchmarks.claim_retrieval                 # 1,000,000
    PYTHONPATH=$PWD .venv/bin/python -m benchmarks.claim_retrieval --findings 100000 --queries 50

Builds a fresh PostgreSQL database (tests/support/services.py; dropped afterwards), applies the
migrations (0008: the ``claim_tsv`` generated column and its GIN index), and fills it with
realistically shaped findings: 50 per article, 60 sites, the sentences drawn from the dev split
of the unverifiable-claims corpus (``.cache/claims/corpus.jsonl``: real news sentences, 5 to 60
words) with half their words swapped for words drawn by their frequency in that corpus and their
figures redrawn, so that the vocabulary, its frequencies and the sentence lengths are those of
news text while each of the million rows is its own sentence; one row in 20 is kept close to its
source sentence (the same claim reported by many outlets). Rows are loaded as a restore would
(COPY with the GIN index dropped, then built), then ``VACUUM ANALYZE`` (what autovacuum does to
a settled table; it also gives ``candidates`` the lexeme statistics it picks terms by).

Queries: ``--queries`` new claims, half a light paraphrase of a stored sentence's source (the
claim is in the store), half a corpus sentence from the frozen-free dev pool heavily rewritten
(the claim is not). For each: retrieval (wall time of the query, as the worker waits for it),
then scoring of the candidates (thread time), once with every parse cold (the parse cache
emptied: the worst case, a worker's first look at those stored sentences), once warm, and once
as the worker does it since migration 0009: the new claim parsed, the stored ones read from the
match features stored with them (``worker.pipeline.claim_match.features``), nothing cached; the
decisions of the two ways are compared. Prints median, p95 and worst in milliseconds.

Every finding has a ``claim_features`` row (migration 0009): for a million rows they are those of
a pool sentence of the same length (parsing a million sentences takes hours; see
``placeholder_features``), so that the table and what retrieval reads are as large as in a real
store; the rows the queries retrieve get their own features (``_own_features``) before they are
scored.
"""

from __future__ import annotations

import argparse
import io
import json
import random
import re
import statistics
import time
from collections import Counter
from datetime import timedelta
from itertools import accumulate

from sqlalchemy import text

from benchmarks.claims_corpus_texts import require_corpus
from benchmarks.datasets import require_services
from worker.store.migrate import upgrade

PER_ARTICLE = 50
SITES = 60
NUMBER = re.compile(r"\b\d[\d,.]*\b")
WORD = re.compile(r"[A-Za-z][A-Za-z'-]+")


def sentence_pool() -> list[str]:
    """Dev-split sentences of the joined corpus (the frozen split is never read)."""
    pool = []
    with require_corpus().open(encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            words = len(row["text"].split())
            if row.get("split") == "dev" and 5 <= words <= 60:
                pool.append(row["text"].replace("\t", " ").replace("\n", " "))
    return pool


class Rewriter:
    """Sentences of the pool with a share of their words swapped for words drawn by frequency."""

    def __init__(self, pool: list[str], rng: random.Random) -> None:
        counts = Counter(w for s in pool for w in WORD.findall(s))
        self.words = list(counts)
        self.cum = list(accumulate(counts.values()))
        self.rng = rng

    def draw(self, k: int) -> list[str]:
        return self.rng.choices(self.words, cum_weights=self.cum, k=k)

    def rewrite(self, sentence: str, share: float) -> str:
        tokens = sentence.split(" ")
        swap = [i for i, t in enumerate(tokens) if WORD.fullmatch(t) and self.rng.random() < share]
        for i, word in zip(swap, self.draw(len(swap)), strict=True):
            tokens[i] = word
        out = " ".join(tokens)
        return NUMBER.sub(lambda _: str(self.rng.randint(2, 5000)), out) if share > 0.2 else out


def placeholder_features(pool: list[str], sample: int = 600, seed: int = 3) -> dict[int, str]:
    """Stored features of the right size for a sentence of each length: the features of a
    sample of pool sentences (parsed here), by word count. Parsing a million rows is hours, and
    only the rows a query retrieves are scored; ``measure`` writes their own features before
    it scores them. These keep the table and what retrieval reads as large as in a store where
    every claim has its features."""
    from worker.pipeline.claim_match import features
    from worker.pipeline.claim_match.decision import claim

    rng = random.Random(seed)
    by_length: dict[int, str] = {}
    for sentence in rng.sample(pool, min(sample, len(pool))):
        blob = json.dumps(features.dump(claim(sentence)), separators=(",", ":"))
        by_length.setdefault(len(sentence.split()), blob)
    return by_length


def _nearest(by_length: dict[int, str], words: int) -> str:
    return by_length[min(by_length, key=lambda n: (abs(n - words), n))]


def populate(url: str, n: int, pool: list[str], seed: int = 11) -> None:
    from worker.store import get_engine
    from worker.store.models import utcnow

    by_length = placeholder_features(pool)
    nearest = {w: _nearest(by_length, w) for w in range(0, 200)}
    rng = random.Random(seed)
    rw = Rewriter(pool, rng)
    engine = get_engine(url)
    now = utcnow()
    n_articles = max(1, n // PER_ARTICLE)
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO articles (id, url, site, text, content_hash, created_at) "
                "SELECT g, 'https://site' || (g % :sites) || '.example/' || g, "
                "'site' || (g % :sites) || '.example', 'x', 'h' || g, :now "
                "FROM generate_series(1, :n) g"
            ),
            {"n": n_articles, "sites": SITES, "now": now},
        )
        conn.execute(
            text(
                "INSERT INTO analyses (id, article_id, status, pipeline_version, attempts, "
                "created_at) SELECT 'a' || g, g, 'done', 'b', 1, :now - g * interval '1 minute' "
                "FROM generate_series(1, :n) g"
            ),
            {"n": n_articles, "now": now},
        )
    # Loaded as a restore would: the GIN index dropped, the rows copied in, the index built.
    with engine.begin() as conn:
        conn.execute(text("DROP INDEX ix_findings_claim_tsv"))
    raw = engine.raw_connection()
    try:
        cur = raw.cursor()
        columns = (
            'analysis_id, fid, kind, type, start, "end", text, confidence, data, '
            "review_status, text_changed, created_at"
        )
        buf, features_buf = io.StringIO(), io.StringIO()
        for i in range(n):
            article = i // PER_ARTICLE + 1
            source = rng.choice(pool)
            sentence = rw.rewrite(source, 0.1 if rng.random() < 0.05 else 0.5)
            created = (now - timedelta(minutes=article)).isoformat()
            # ids are 1..n in a fresh table (checked below); the features row goes with its id
            stored = nearest[min(199, len(sentence.split()))]
            features_buf.write(f"{i + 1}\t{_copy_escape(stored)}\n")
            buf.write(
                f"a{article}\tf{i % PER_ARTICLE + 1}\tunverified\tunconfirmed\t0\t1\t"
                f"{_copy_escape(sentence)}\t0.8\t{{}}\tnew\tf\t{created}\n"
            )
            if (i + 1) % 50_000 == 0 or i + 1 == n:
                with cur.copy(f"COPY findings ({columns}) FROM STDIN") as copy:
                    copy.write(buf.getvalue())
                with cur.copy("COPY claim_features (finding_id, features) FROM STDIN") as copy:
                    copy.write(features_buf.getvalue())
                buf, features_buf = io.StringIO(), io.StringIO()
                print(f"  {i + 1:,} findings", flush=True)
        cur.execute("SELECT min(id), max(id), count(*) FROM findings")
        assert cur.fetchone() == (1, n, n), "findings ids are not 1..n"
        raw.commit()
    finally:
        raw.close()
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.execute(text("SET maintenance_work_mem = '256MB'"))
        conn.execute(
            text(
                "CREATE INDEX ix_findings_claim_tsv ON findings USING gin (claim_tsv) "
                "WITH (fastupdate = off)"  # as migration 0009 sets it
            )
        )
        conn.execute(text("VACUUM (ANALYZE) findings"))
        conn.execute(text("VACUUM (ANALYZE) claim_features"))


def _copy_escape(value: str) -> str:
    return value.replace("\\", "\\\\").replace("\t", " ").replace("\n", " ").replace("\r", " ")


def _summary(values: list[float]) -> str:
    values = sorted(values)
    p95 = values[min(len(values) - 1, round(0.95 * (len(values) - 1)))]
    return f"median {statistics.median(values):6.1f}  p95 {p95:6.1f}  worst {values[-1]:6.1f}"


def measure(url: str, pool: list[str], queries: int, limit: int, seed: int = 5) -> None:
    from worker.pipeline.claim_match import decision, features, match_features
    from worker.store import get_engine
    from worker.store.claim_index import candidates
    from worker.store.claim_matches import word_set, worth_scoring

    rng = random.Random(seed)
    rw = Rewriter(pool, rng)
    claims = [rw.rewrite(rng.choice(pool), 0.05 if i % 2 == 0 else 0.6) for i in range(queries)]
    decision.claim("Warm up the parser once.")  # the model load is not a query's cost
    results: dict[str, list[float]] = {"retrieval": [], "cold": [], "warm": [], "stored": []}
    found_counts, scored_counts, same_counts = [], [], []
    identical = True
    with get_engine(url).connect() as conn:
        candidates(conn, "warm up the connection and the index pages")
        retrieved = []
        for claim in claims:
            t0 = time.perf_counter()
            found = candidates(conn, claim, limit=limit, exclude_analysis="new")
            results["retrieval"].append((time.perf_counter() - t0) * 1000)
            retrieved.append(found)
        stored = _own_features(conn, retrieved)
        for claim, found in zip(claims, retrieved, strict=True):
            found_counts.append(len(found))
            mine = word_set(claim)
            passing = [c for c in found if worth_scoring(mine, word_set(c.text))]
            scored_counts.append(len(passing))
            for label in ("cold", "warm"):
                if label == "cold":
                    decision.claim.cache_clear()
                t0 = time.thread_time()
                for c in found:
                    if worth_scoring(mine, word_set(c.text)):
                        decision.match_claims(claim, c.text)
                results[label].append((time.thread_time() - t0) * 1000)
            # What the worker does: the new claim parsed, the stored ones read from their
            # features as retrieval returned them (parse cache empty: nothing remembered).
            decision.claim.cache_clear()
            t0 = time.thread_time()
            mine_claim = decision.claim(claim.strip())
            by_features = []
            for c in found:
                if worth_scoring(mine, word_set(c.text)):
                    text_ = c.text.strip()
                    theirs = features.load(text_, stored[c.finding_id]) or decision.claim(text_)
                    by_features.append(match_features(mine_claim, theirs))
            results["stored"].append((time.thread_time() - t0) * 1000)
            by_parse = [decision.match_claims(claim, c.text) for c in passing]
            identical = identical and by_parse == by_features
            same_counts.append(sum(m.same for m in by_parse))
    print(f"\n{queries} new claims, candidates limit {limit}:")
    print(f"  candidates returned      median {statistics.median(found_counts):.0f}")
    print(f"  passing the word filter  median {statistics.median(scored_counts):.0f}")
    print(f"  called the same          total {sum(same_counts)}")
    print(f"  stored features decide as a fresh parse: {'yes' if identical else 'NO'}")
    print(f"  retrieval (wall, ms)     {_summary(results['retrieval'])}")
    for label, name in (
        ("stored", "stored features"),
        ("cold", "every parse cold"),
        ("warm", "parses cached"),
    ):
        total = [r + s for r, s in zip(results["retrieval"], results[label], strict=True)]
        print(f"  scoring, {name:<17} (thread ms) {_summary(results[label])}")
        print(f"  one finding, {name:<13} (ms) {_summary(total)}")


def _own_features(conn, retrieved: list) -> dict[int, dict]:
    """Write each retrieved row's own features (as matching it when it was new would have) and
    read them back as retrieval returns them; the rows keep them for a ``--database`` run."""
    from worker.pipeline.claim_match import features
    from worker.pipeline.claim_match.decision import claim

    texts = {c.finding_id: c.text.strip() for found in retrieved for c in found}
    rows = [
        {"id": fid, "f": json.dumps(features.dump(claim(t)), separators=(",", ":"))}
        for fid, t in texts.items()
        if t
    ]
    for i in range(0, len(rows), 500):
        conn.execute(
            text("UPDATE claim_features SET features = CAST(:f AS json) WHERE finding_id = :id"),
            rows[i : i + 500],
        )
    conn.commit()
    got = conn.execute(
        text("SELECT finding_id, features FROM claim_features WHERE finding_id = ANY(:ids)"),
        {"ids": list(texts)},
    ).all()
    return {int(fid): value for fid, value in got}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--findings", type=int, default=1_000_000)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--limit", type=int, default=30, help="candidates per claim")
    parser.add_argument(
        "--keep", action="store_true", help="keep the filled database and print its URL"
    )
    parser.add_argument(
        "--database", help="measure again on a database a --keep run filled (no fill)"
    )
    args = parser.parse_args()
    pool = sentence_pool()
    require_services()
    if args.database:
        measure(args.database, pool, args.queries, args.limit)
        return
    from tests.support.services import benchmark_database

    with benchmark_database(args.keep, "sourcemark_claims") as url:
        upgrade(url)
        started = time.time()
        print(f"filling {args.findings:,} findings from {len(pool):,} dev sentences ...")
        populate(url, args.findings, pool)
        print(f"filled in {time.time() - started:.0f} s")
        measure(url, pool, args.queries, args.limit)
        if args.keep:
            print(
                f"kept: --database {url}  (drop it with: dropdb -h 127.0.0.1 -U postgres "
                f"{url.rsplit('/', 1)[1]})"
            )


if __name__ == "__main__":
    main()
