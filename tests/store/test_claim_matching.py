"""Claims across articles in the store: candidate retrieval (PostgreSQL tsvector + GIN, SQLite
FTS5), matching after an analysis (the worker's task path), idempotence, and a verdict applied
by match and undone in the audit trail.

Runs on SQLite and on a fresh PostgreSQL database. Real pages of two outlets on the same event
(``tests/data/claims_across``) go through the real task code and the real matcher.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import delete, func, select, text, update

from tests.support.services import fresh_database
from worker.pipeline import PIPELINE_VERSION, match_claims
from worker.pipeline.claim_match import decision, features
from worker.store import claim_index, get_sessionmaker, session_scope
from worker.store.analyses import analysis_dict, create_submission
from worker.store.claim_index import candidates, pg_terms, query_terms
from worker.store.claim_matches import match_analysis, matches_for, word_set, worth_scoring
from worker.store.migrate import upgrade
from worker.store.models import (
    AnalysisRow,
    ArticleRow,
    ClaimFeaturesRow,
    ClaimMatchRow,
    FindingRow,
    ReviewEvent,
    User,
)
from worker.store.review_events import history
from worker.store.review_validation import ReviewError
from worker.store.verdict_by_match import apply_to_matches, batches_for, undo
from worker.tasks.analysis import process_analysis

DATA = Path(__file__).resolve().parents[1] / "data"
PAGES = DATA / "claims_across"
URL_A = "https://a.example/news/almaty-unrest"
URL_B = "https://b.example/world/kazakhstan-tokayev"
CLAIM_A = "At least 40 protesters were killed in Almaty on Wednesday"
CLAIM_B = "No fewer than 40 protesters died in Almaty on Wednesday"
OTHER_FIGURE_B = "At least 12 police officers were killed in Almaty"


@pytest.fixture
def db_url(db_url, monkeypatch):
    """The store's database (tests/store/conftest.py), with no REDIS_URL: matching after an
    analysis runs in this process, not on a Celery queue."""
    monkeypatch.delenv("REDIS_URL", raising=False)
    return db_url


def analysed(page: str, url: str) -> str:
    with session_scope() as session:
        analysis_id = create_submission(
            session,
            url=url,
            html=(PAGES / page).read_text(encoding="utf-8"),
            title=None,
            pipeline_version=PIPELINE_VERSION,
            user_id=None,
        ).id
    assert process_analysis(analysis_id) == "done"
    return analysis_id


def finding_id(analysis_id: str, starts: str) -> int:
    with session_scope() as session:
        return session.scalars(
            select(FindingRow.id).where(
                FindingRow.analysis_id == analysis_id, FindingRow.text.startswith(starts)
            )
        ).one()


def pairs() -> set[tuple[int, int, float]]:
    with session_scope() as session:
        return {(m.finding_id, m.other_id, m.score) for m in session.scalars(select(ClaimMatchRow))}


def editor_id() -> int:
    with session_scope() as session:
        user = User(email="desk@example.org", role="editor")
        session.add(user)
        session.flush()
        return user.id


def insert_analysis(session, analysis_id: str, url: str, texts: list[str]) -> list[int]:
    article = ArticleRow(url=url, text="\n\n".join(texts), content_hash=analysis_id)
    analysis = AnalysisRow(
        id=analysis_id, article=article, status="done", pipeline_version="t", attempts=1
    )
    session.add(analysis)
    rows = [
        FindingRow(
            analysis=analysis,
            fid=f"f{i}",
            kind="unverified",
            type="unconfirmed",
            start=0,
            end=len(t),
            text=t,
            data={"id": f"f{i}", "text": t},
        )
        for i, t in enumerate(texts, start=1)
    ]
    session.add_all(rows)
    session.flush()
    return [r.id for r in rows]


def _almaty_and_paris(session) -> tuple[int, int]:
    """Two analyses: a1's Almaty casualty claim and Paris weather (their ids), a2's cleared
    square in Almaty (shares words with the first, not its claim)."""
    kaz, weather = insert_analysis(
        session,
        "a1",
        URL_A,
        [
            "At least 40 protesters were killed in Almaty on Wednesday, officials said.",
            "The weather in Paris was mild for the season, forecasters said.",
        ],
    )
    insert_analysis(session, "a2", URL_B, ["Police cleared the square in Almaty."])
    return kaz, weather


# --- retrieval ---------------------------------------------------------------------------------


def test_an_analysis_claims_lexemes_in_one_query_give_the_same_candidates(db_url):
    """The worker looks every claim of an analysis up with the lexemes of one batched query
    (``pg_lexemes``): the candidates are those of one query per claim, on PostgreSQL; SQLite
    has no such step (None)."""
    claims = [
        "Officials said no fewer than 40 protesters died in Almaty on Wednesday.",
        "Forecasters said the weather in Paris was mild for the season.",
        "  ,;  ",
        "Police cleared the square in Almaty, officials said.",
    ]
    with session_scope() as session:
        _almaty_and_paris(session)
    with session_scope() as session:
        batched = claim_index.pg_lexemes(session, claims)
        if session.get_bind().dialect.name != "postgresql":
            assert batched is None
            return
        assert len(batched) == len(claims) and batched[2] == []
        assert batched[0] == claim_index.pg_lexemes(session, [claims[0]])[0]
        found = 0
        for claim, lexemes in zip(claims, batched, strict=True):
            one_by_one = candidates(session, claim)
            assert candidates(session, claim, lexemes=lexemes) == one_by_one
            found += len(one_by_one)
        assert found >= 3


def test_findings_are_stored_in_their_order(db_url):
    """One multi-row INSERT stores an analysis's findings: their store ids follow the
    findings' order, as matching (and editors' lists) expect."""
    analysis_id = analysed("outlet-a.html", URL_A)
    with session_scope() as session:
        rows = session.execute(
            select(FindingRow.id, FindingRow.fid, FindingRow.start, FindingRow.created_at)
            .where(FindingRow.analysis_id == analysis_id)
            .order_by(FindingRow.id)
        ).all()
    assert len(rows) >= 2
    assert [r.fid for r in rows] == [f"f{i}" for i in range(1, len(rows) + 1)]
    assert [r.start for r in rows] == sorted(r.start for r in rows)
    assert all(r.created_at is not None for r in rows)


def test_candidates_find_a_paraphrase_in_another_analysis_and_follow_edits(db_url):
    with session_scope() as session:
        kaz, weather = _almaty_and_paris(session)
    query = "Officials said no fewer than 40 protesters died in Almaty on Wednesday."
    with session_scope() as session:
        found = candidates(session, query)
        assert [c.finding_id for c in found] == [kaz]
        assert found[0].analysis_id == "a1" and found[0].text.startswith("At least 40")
        # The analysis a claim comes from is left out; nothing unrelated comes back.
        assert candidates(session, query, exclude_analysis="a1") == []
        assert candidates(session, "Forecasters expect snow in Oslo next week.") == []
        assert candidates(session, "  ,;  ") == []
        # The index follows updates and deletes (generated column / FTS5 triggers).
        session.execute(update(FindingRow).where(FindingRow.id == kaz).values(text="Quiet day."))
        session.flush()
        assert candidates(session, query) == []
        session.execute(
            update(FindingRow)
            .where(FindingRow.id == weather)
            .values(text="Forty protesters were killed in Almaty on Wednesday, officials said.")
        )
        session.flush()
        assert [c.finding_id for c in candidates(session, query)] == [weather]
        session.execute(delete(FindingRow).where(FindingRow.id == weather))
        session.flush()
        assert candidates(session, query) == []


def test_candidates_rank_closer_text_first_and_respect_the_limit(db_url):
    texts = [
        "Protesters gathered in Almaty on Wednesday, officials said.",
        "At least 40 protesters were killed in Almaty on Wednesday, officials said.",
        "Almaty protesters marched on Wednesday near the square.",
    ]
    with session_scope() as session:
        ids = insert_analysis(session, "a1", URL_A, texts)
    with session_scope() as session:
        found = candidates(session, texts[1] + " ", exclude_analysis="other", limit=2)
        assert len(found) == 2 and found[0].finding_id == ids[1]
        assert found[0].rank >= found[1].rank
        with pytest.raises(TypeError):
            candidates(session, None)  # type: ignore[arg-type]


def test_query_terms_put_figures_and_names_first_and_drop_stop_words():
    terms = query_terms("Officials said at least 40 people died in Almaty on the Wednesday.")
    assert terms[0] == "40" and set(terms[1:3]) == {"almaty", "wednesday"}
    assert not {"at", "least", "in", "on", "the"} & set(terms)


def test_the_word_prefilter_keeps_every_dev_pair_the_matcher_calls_the_same():
    """The cheap look before the parse must not lose what match_claims would accept (dev split
    of the written pairs only; the frozen split is never read here)."""
    rows = [json.loads(line) for line in (DATA / "claim_pairs" / "written.jsonl").open()]
    dev = [r for r in rows if r.get("split") == "dev"]
    accepted = [r for r in dev if match_claims(r["a"], r["b"]).same]
    assert len(accepted) >= 20
    lost = [r["id"] for r in accepted if not worth_scoring(word_set(r["a"]), word_set(r["b"]))]
    assert lost == []
    # and it does turn pairs away: most unrelated dev pairs never reach the parse.
    unrelated = [r for r in dev if r["label"] == "unrelated"]
    kept = [r for r in unrelated if worth_scoring(word_set(r["a"]), word_set(r["b"]))]
    assert len(kept) < len(unrelated) / 2


def test_retrieval_finds_the_stored_side_of_every_accepted_dev_pair(db_url):
    rows = [json.loads(line) for line in (DATA / "claim_pairs" / "written.jsonl").open()]
    accepted = [r for r in rows if r.get("split") == "dev" and match_claims(r["a"], r["b"]).same]
    with session_scope() as session:
        ids = insert_analysis(session, "stored", URL_A, [r["b"] for r in accepted])
    missed = []
    with session_scope() as session:
        for r, stored_id in zip(accepted, ids, strict=True):
            found = {c.finding_id for c in candidates(session, r["a"], exclude_analysis="new")}
            if stored_id not in found:
                missed.append(r["id"])
    assert missed == []


# --- matching after an analysis ----------------------------------------------------------------


def test_an_analysis_is_matched_with_the_same_claim_in_another_outlet(db_url):
    a = analysed("outlet-a.html", URL_A)
    assert pairs() == set()  # nothing else in the store yet
    b = analysed("outlet-b.html", URL_B)
    fa, fb = finding_id(a, CLAIM_A), finding_id(b, CLAIM_B)
    stored = pairs()
    assert {(x, y) for x, y, _ in stored} == {(fa, fb), (fb, fa)}
    score = next(s for x, y, s in stored if x == fa)
    assert 0.73 <= score <= 1
    # The other figure in the same article of outlet B is not the same claim.
    other = finding_id(b, OTHER_FIGURE_B)
    assert all(other not in (x, y) for x, y, _ in stored)
    with session_scope() as session:
        found = matches_for(session, [fa, fb, other])
        assert [m.other_id for m in found[fa]] == [fb]
        assert found[fa][0].url == URL_B and found[fb][0].url == URL_A
        assert other not in found


def test_matching_again_changes_nothing(db_url):
    analysed("outlet-a.html", URL_A)
    b = analysed("outlet-b.html", URL_B)
    before = pairs()
    assert before
    with session_scope() as session:
        assert match_analysis(session, b) == 1
    with session_scope() as session:
        assert match_analysis(session, b) == 1
        events = session.scalar(select(func.count()).select_from(ClaimMatchRow))
    assert pairs() == before and events == 2


def test_a_stale_pair_goes_when_the_claim_no_longer_matches(db_url):
    a = analysed("outlet-a.html", URL_A)
    b = analysed("outlet-b.html", URL_B)
    fb = finding_id(b, CLAIM_B)
    with session_scope() as session:
        # Outlet B's sentence now reports another figure: matching B again drops the pair.
        session.execute(
            update(FindingRow)
            .where(FindingRow.id == fb)
            .values(text="No fewer than 90 protesters died in Almaty on Wednesday.")
        )
    with session_scope() as session:
        assert match_analysis(session, b) == 0
    assert pairs() == set()
    assert a


def test_other_versions_of_the_same_url_count_only_where_the_sentence_changed(db_url):
    with session_scope() as session:
        (v1,) = insert_analysis(
            session, "v1", URL_A, ["At least 40 protesters were killed in Almaty on Wednesday."]
        )
        # The same sentence in a later version of the article: revisions carry its review.
        (v2,) = insert_analysis(
            session, "v2", URL_A, ["At least 40 protesters were killed in Almaty on Wednesday."]
        )
        # An edited sentence in another version: the same claim, matched.
        (v3,) = insert_analysis(
            session,
            "v3",
            URL_A,
            ["At least 40 protesters were killed in Almaty late on Wednesday."],
        )
    with session_scope() as session:
        assert match_analysis(session, "v2") == 1
        assert match_analysis(session, "v3") == 2
    assert {(x, y) for x, y, _ in pairs()} == {(v2, v3), (v3, v2), (v1, v3), (v3, v1)}


def test_the_analysis_json_carries_review_id_matches_and_only_published_verdicts(db_url):
    a = analysed("outlet-a.html", URL_A)
    b = analysed("outlet-b.html", URL_B)
    fa, fb = finding_id(a, CLAIM_A), finding_id(b, CLAIM_B)
    with session_scope() as session:
        user = User(email="desk@example.org", role="editor")
        session.add(user)
        session.flush()
        row = session.get(FindingRow, fa)
        row.verdict, row.review_status, row.note = "unverified", "follow_up", "ask the desk"
        session.add(
            ReviewEvent(finding_id=fa, user_id=user.id, field="verdict", new_value="unverified")
        )
    with session_scope() as session:
        body = analysis_dict(session.get(AnalysisRow, b))
        finding = next(f for f in body["findings"] if f["text"].startswith(CLAIM_B))
        assert finding["review_id"] == fb
        assert finding["matches"]["count"] == 1
        best = finding["matches"]["best"][0]
        assert best["review_id"] == fa and best["url"] == URL_A and best["host"] == "a.example"
        assert finding["checked"] is None  # a verdict still being followed up is a draft
        assert "ask the desk" not in json.dumps(body)
    with session_scope() as session:
        session.get(FindingRow, fa).review_status = "confirmed"
    with session_scope() as session:
        body = analysis_dict(session.get(AnalysisRow, b))
        finding = next(f for f in body["findings"] if f["text"].startswith(CLAIM_B))
        checked = finding["checked"]
        assert checked["verdict"] == "unverified" and checked["original"]["review_id"] == fa
        assert checked["text"].startswith("Checked by the sourcemark editors on 20")
        assert checked["text"].endswith(": still unverified")
        dumped = json.dumps(body)
        assert "ask the desk" not in dumped and "desk@example.org" not in dumped


# --- verdicts follow their claim ---------------------------------------------------------------


def test_a_verdict_applied_by_match_is_audited_and_undone_in_one_action(db_url):
    with session_scope() as session:
        (src,) = insert_analysis(session, "a1", URL_A, [f"{CLAIM_A}, officials said."])
        (m1,) = insert_analysis(session, "a2", URL_B, [f"Officials said {CLAIM_B.lower()}."])
        (m2,) = insert_analysis(
            session, "a3", "https://c.example/x", [f"{CLAIM_A}, according to officials."]
        )
        session.get(FindingRow, m2).verdict = "false"  # an earlier, different verdict
    with session_scope() as session:
        assert match_analysis(session, "a1") == 2
    user = editor_id()
    with session_scope() as session:
        applied = apply_to_matches(session, src, "unverified", user)
        assert sorted(applied.changed) == sorted([src, m1, m2]) and applied.matched == 2
    with session_scope() as session:
        verdicts = {i: session.get(FindingRow, i).verdict for i in (src, m1, m2)}
        assert verdicts == {src: "unverified", m1: "unverified", m2: "unverified"}
        trail = history(session, m2)
        assert [(e.field, e.old, e.new, e.via, e.who) for e in trail] == [
            ("verdict", "false", "unverified", f"match:{src}", "desk@example.org")
        ]
        assert history(session, src)[0].via is None  # typed on the finding itself
        (batch,) = batches_for(session, m1)
        assert batch.batch == applied.batch and batch.source_id == src and batch.changed == 3
        assert not batch.undone
        # Someone changes one matched finding again before the undo: that later verdict stands.
        session.get(FindingRow, m1).verdict = "misleading"
    with session_scope() as session:
        reverted = undo(session, applied.batch, user)
        assert sorted(reverted) == sorted([src, m2])
    with session_scope() as session:
        verdicts = {i: session.get(FindingRow, i).verdict for i in (src, m1, m2)}
        assert verdicts == {src: None, m1: "misleading", m2: "false"}
        last = history(session, m2)[-1]
        assert (last.old, last.new, last.via) == ("unverified", "false", f"undo:{applied.batch}")
        assert batches_for(session, m2)[0].undone
        with pytest.raises(ReviewError, match="already undone"):
            undo(session, applied.batch, user)
        with pytest.raises(ReviewError):
            undo(session, "0" * 32, user)
        with pytest.raises(ReviewError):
            apply_to_matches(session, src, "maybe", user)


def test_pg_terms_leave_out_common_lexemes_while_three_rarer_remain():
    rows = {"said": 50_000.0, "peopl": 30_000.0, "almati": 12.0}
    lexemes = ["said", "peopl", "almati", "40", "protest", "kill"]
    terms = pg_terms(lexemes, rows)
    assert set(terms) == {"almati", "40", "protest", "kill"} and terms[0] in {
        "40",
        "protest",
        "kill",
    }
    # A claim of common words only is still looked up, by its three rarest.
    assert pg_terms(["said", "peopl", "almati"], {"said": 9e4, "peopl": 5e4, "almati": 2e4}) == [
        "almati",
        "peopl",
        "said",
    ]
    assert pg_terms([], rows) == []


def test_postgresql_statistics_keep_common_words_out_of_the_query():
    """On a store large enough for a word to be common, the planner's statistics take it out of
    the lookup, and the paraphrase is still found by its rarer words."""
    with fresh_database() as url:
        upgrade(url)
        maker = get_sessionmaker(url)
        with maker() as session:
            insert_analysis(session, "filler", "https://filler.example/", ["Filler."])
            (kaz,) = insert_analysis(
                session,
                "a1",
                URL_A,
                ["At least 40 protesters were killed in Almaty on Wednesday, officials said."],
            )
            session.execute(
                text(
                    'INSERT INTO findings (analysis_id, fid, kind, type, start, "end", text, '
                    "confidence, data, review_status, text_changed, created_at) "
                    "SELECT 'filler', 'g' || g, 'unverified', 'unconfirmed', 0, 1, "
                    "'Officials said people protested in town ' || g, 0.5, '{}', 'new', false, "
                    "now() FROM generate_series(1, 12000) g"
                )
            )
            session.commit()
            session.execute(text("ANALYZE findings"))
            session.commit()
        with maker() as session:
            query = "Officials said no fewer than 40 protesters died in Almaty on Wednesday."
            counts = claim_index._lexeme_rows(session)
            assert counts.get("said", 0) > claim_index.COMMON_ROWS
            lexemes = list(
                session.execute(
                    text("SELECT unnest(tsvector_to_array(to_tsvector('english', :t)))"),
                    {"t": query},
                ).scalars()
            )
            assert "said" in lexemes and "said" not in pg_terms(lexemes, counts)
            assert [c.finding_id for c in candidates(session, query)] == [kaz]
        maker.kw["bind"].dispose()


def test_what_the_time_budget_leaves_is_matched_after_the_readers_are_told(db_url, monkeypatch):
    monkeypatch.setenv("SOURCEMARK_MATCH_BUDGET_MS", "0")
    a = analysed("outlet-a.html", URL_A)
    b = analysed("outlet-b.html", URL_B)  # nothing in the transaction; all in the second pass
    fa, fb = finding_id(a, CLAIM_A), finding_id(b, CLAIM_B)
    assert {(x, y) for x, y, _ in pairs()} == {(fa, fb), (fb, fa)}
    with session_scope() as session:
        # The first pass did not run at all: no time spent inside the transaction.
        assert session.get(AnalysisRow, b).timings["match_ms"] == 0.0
        # A run out of time looks at nothing, so it takes nothing away either.
        assert match_analysis(session, b, budget_seconds=0) == 0
    assert {(x, y) for x, y, _ in pairs()} == {(fa, fb), (fb, fa)}


def test_an_analysis_tells_readers_whether_its_matching_is_done(db_url, monkeypatch):
    # Stored but not yet matched (a first pass out of time): readers are told to ask again.
    with session_scope() as session:
        insert_analysis(session, "old", URL_A, [CLAIM_A + "."])
        insert_analysis(session, "new", URL_B, [CLAIM_B + "."])
    with session_scope() as session:
        new = session.get(AnalysisRow, "new")
        assert new.matched_at is None
        assert analysis_dict(new)["matching"] == "pending"
        assert analysis_dict(new)["findings"][0]["matches"]["count"] == 0
    with session_scope() as session:
        assert match_analysis(session, "new") == 1
    with session_scope() as session:
        new = session.get(AnalysisRow, "new")
        assert new.matched_at is not None
        body = analysis_dict(new)
        assert body["matching"] == "done"
        assert body["findings"][0]["matches"]["count"] == 1
    # The pipeline's own path: a first pass with no budget leaves it to the second, which ends
    # with every finding matched.
    monkeypatch.setenv("SOURCEMARK_MATCH_BUDGET_MS", "0")
    b = analysed("outlet-b.html", URL_B + "?v=2")
    with session_scope() as session:
        row = session.get(AnalysisRow, b)
        assert row.timings["match_ms"] == 0.0
        assert row.matched_at is not None and analysis_dict(row)["matching"] == "done"


def test_a_failed_analysis_says_nothing_of_matching(db_url):
    with session_scope() as session:
        insert_analysis(session, "f", URL_A, [CLAIM_A + "."])
        session.get(AnalysisRow, "f").status = "failed"
    with session_scope() as session:
        assert "matching" not in analysis_dict(session.get(AnalysisRow, "f"))


# --- stored match features (migration 0009) ----------------------------------------------------


def test_matching_stores_each_claims_features_and_reads_stored_claims_without_parsing(db_url):
    with session_scope() as session:
        stored_ids = insert_analysis(session, "stored", URL_A, [CLAIM_A + ".", OTHER_FIGURE_B])
    with session_scope() as session:
        assert match_analysis(session, "stored") == 0  # nothing else stored when it came
    with session_scope() as session:
        (new_id,) = insert_analysis(session, "new", URL_B, [CLAIM_B + "."])
    with session_scope() as session:
        written = session.scalars(
            select(ClaimFeaturesRow.features)
            .where(ClaimFeaturesRow.finding_id.in_(stored_ids))
            .order_by(ClaimFeaturesRow.finding_id)
        ).all()
    assert [f["h"] for f in written] == [
        features.text_key(t) for t in (CLAIM_A + ".", OTHER_FIGURE_B)
    ]
    # A worker that never saw the stored sentences parses only the new one.
    decision.claim.cache_clear()
    with session_scope() as session:
        assert match_analysis(session, "new") == 1
    assert decision.claim.cache_info().misses == 1
    assert {(x, y) for x, y, _ in pairs()} == {(stored_ids[0], new_id), (new_id, stored_ids[0])}
    score = next(s for x, _, s in pairs())
    assert score == round(match_claims(CLAIM_B + ".", CLAIM_A + ".").score, 4)


def test_features_written_for_another_text_are_not_used(db_url):
    with session_scope() as session:
        (old,) = insert_analysis(session, "stored", URL_A, [CLAIM_A + "."])
    with session_scope() as session:
        match_analysis(session, "stored")
        # the stored sentence edited in place after its features were written: another figure
        edited = "At least 90 protesters were killed in Almaty on Wednesday."
        session.execute(update(FindingRow).where(FindingRow.id == old).values(text=edited))
    with session_scope() as session:
        insert_analysis(session, "new", URL_B, [CLAIM_B + "."])
    with session_scope() as session:
        assert match_analysis(session, "new") == 0
    assert pairs() == set()
    with session_scope() as session:
        # and the stored features of the original text would have matched
        stored = session.get(ClaimFeaturesRow, old).features
    assert features.text_key(CLAIM_A + ".") == stored["h"]
    assert match_claims(CLAIM_B + ".", CLAIM_A + ".").same


def test_the_claim_index_takes_new_findings_without_a_pending_list():
    # A GIN pending list is read by every query until a vacuum merges it: 6,000 new rows in it
    # made retrieval at 1,000,000 findings ten times slower (migration 0009).
    with fresh_database() as url:
        upgrade(url)
        with get_sessionmaker(url)() as session:
            options = session.execute(
                text("SELECT reloptions FROM pg_class WHERE relname = 'ix_findings_claim_tsv'")
            ).scalar_one()
    assert "fastupdate=off" in options
