"""What retrieval loses before ``match_claims`` sees a pair: of the labelled pairs it calls the
same, how many pass the store's word pre-filter, and how many ``candidates`` retrieves (the
stored side found from the new side), on SQLite (FTS5) and PostgreSQL (tsvector + GIN).

    PYTHONPATH=$PWD .venv/bin/python -m benchmarks.claim_retrieval_pairs

Dev and frozen columns (the pairs of ``benchmarks/claim_pairs``). Every accepted pair's stored
side goes into one analysis of a fresh database, and each new side asks ``candidates`` (default
limit 50). PostgreSQL has no statistics here (a small table): terms are picked by figures and
length, as in a young store.
"""

from __future__ import annotations

import tempfile

from benchmarks.claim_pairs.pairs import MissingData, Pair, all_pairs, exit_missing, require_pairs
from benchmarks.datasets import require_services


def retrieved(url: str, pairs: list[Pair]) -> int:
    from worker.store import get_sessionmaker
    from worker.store.claim_index import candidates
    from worker.store.migrate import upgrade
    from worker.store.models import AnalysisRow, ArticleRow, FindingRow

    upgrade(url)
    maker = get_sessionmaker(url)
    with maker() as session:
        article = ArticleRow(url="https://stored.example/", text="x", content_hash="h")
        analysis = AnalysisRow(
            id="stored", article=article, status="done", pipeline_version="b", attempts=1
        )
        rows = [
            FindingRow(
                analysis=analysis,
                fid=f"f{i}",
                kind="unverified",
                type="unconfirmed",
                start=0,
                end=1,
                text=p.b,
                data={},
            )
            for i, p in enumerate(pairs)
        ]
        session.add_all(rows)
        session.commit()
        found = 0
        for pair, row in zip(pairs, rows, strict=True):
            ids = {c.finding_id for c in candidates(session, pair.a, exclude_analysis="new")}
            found += row.id in ids
    maker.kw["bind"].dispose()
    return found


def main() -> None:
    require_pairs()
    require_services()
    from tests.support.services import fresh_database
    from worker.pipeline import match_claims
    from worker.store.claim_matches import word_set, worth_scoring

    try:
        pairs = all_pairs()
    except MissingData as exc:
        exit_missing(exc)
    print("split   pairs  accepted  pre-filter kept  retrieved SQLite  retrieved PostgreSQL")
    for split in ("dev", "frozen"):
        these = [p for p in pairs if p.split == split]
        accepted = [p for p in these if match_claims(p.a, p.b).same]
        kept = sum(worth_scoring(word_set(p.a), word_set(p.b)) for p in accepted)
        with tempfile.TemporaryDirectory() as tmp:
            on_sqlite = retrieved(f"sqlite:///{tmp}/pairs.db", accepted)
        with fresh_database() as url:
            on_pg = retrieved(url, accepted)
        n = len(accepted)
        print(
            f"{split:7} {len(these):5}  {n:8}  {kept:7} ({kept / n:.2f})  "
            f"{on_sqlite:8} ({on_sqlite / n:.2f})  {on_pg:11} ({on_pg / n:.2f})"
        )


if __name__ == "__main__":
    main()
