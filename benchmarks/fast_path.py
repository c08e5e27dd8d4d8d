"""CPU per repeat click on the store's fast path, in one process (thread time, not wall time, so
the figure holds on a shared machine):

    .venv/bin/python -m benchmarks.fast_path [--requests 3000] [--profile]

A real app (``create_app``) on a fresh PostgreSQL database and Redis database number, with the
rate limits as deployed; the seed page analysed once, then ``--requests`` repeat clicks, each a
fresh snapshot (another ad) sent gzipped with the URL first as the extension does, through
Flask's test client (whose own cost is included: compare runs, not absolute figures). Prints
the thread time per request, the Redis commands per request, and with ``--profile`` the
cProfile of the clicks.
"""

from __future__ import annotations

import argparse
import cProfile
import gzip
import json
import os
import pstats
import sys
import tempfile
import time

from benchmarks.datasets import require_services
from tests.support.data import DATA
from tests.support.services import fresh_database, fresh_redis_db

URL = "https://www.chinadaily.com.cn/a/202201/07/WS61d7a4b5a310cdd39bc7f8b2.html"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=3000)
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args(argv)
    require_services(redis=True)
    page = (DATA / "seed_page.html").read_text(encoding="utf-8")
    with fresh_database() as db, fresh_redis_db() as redis_url, tempfile.TemporaryDirectory() as d:
        os.environ.update(DATABASE_URL=db, REDIS_URL=redis_url, SOURCEMARK_INSTANCE=d)
        import redis

        from server import create_app
        from worker.pipeline import PIPELINE_VERSION
        from worker.store import session_scope
        from worker.store.accounts import create_token, create_user
        from worker.store.analyses import create_submission
        from worker.store.migrate import upgrade
        from worker.tasks.analysis import process_analysis

        upgrade(db)
        app = create_app({"DATABASE_URL": db, "REDIS_URL": redis_url})
        with session_scope(db) as session:
            token = create_token(session, create_user(session, "load@example.org", "reader"), "t")
            analysis_id = create_submission(
                session,
                url=URL,
                html=page,
                title=None,
                pipeline_version=PIPELINE_VERSION,
                user_id=None,
            ).id
        assert process_analysis(analysis_id) == "done"
        client = app.test_client()
        headers = {
            "Authorization": f"Bearer {token}",
            "Content-Type": "application/json",
            "Content-Encoding": "gzip",
        }
        warm = 50
        bodies = [
            gzip.compress(
                json.dumps(
                    {"url": URL, "html": page.replace("</body>", f"<i>ad {i}</i></body>", 1)}
                ).encode(),
                1,
            )
            for i in range(args.requests + warm)
        ]
        for body in bodies[:warm]:
            answer = client.post("/api/v1/analyses", data=body, headers=headers)
            assert answer.status_code == 200 and answer.get_json()["id"] == analysis_id
        stats = redis.Redis.from_url(redis_url)
        calls_before = _redis_calls(stats)
        profile = cProfile.Profile() if args.profile else None
        cpu, wall = time.thread_time(), time.perf_counter()
        if profile:
            profile.enable()
        for body in bodies[warm:]:
            client.post("/api/v1/analyses", data=body, headers=headers)
        if profile:
            profile.disable()
        cpu, wall = time.thread_time() - cpu, time.perf_counter() - wall
        # Server-wide counts: other users of this Redis add to them (an upper bound).
        redis_calls = _redis_calls(stats) - calls_before
        n = args.requests
        print(
            f"{n} repeat clicks: {cpu / n * 1000:.3f} ms thread time per request "
            f"({wall / n * 1000:.3f} ms wall), at most {redis_calls / n:.2f} Redis commands "
            f"per request (server-wide count)"
        )
        if profile:
            pstats.Stats(profile).sort_stats("cumulative").print_stats(40)
    return 0


def _redis_calls(client) -> int:  # noqa: ANN001
    info = client.info("commandstats")
    return sum(v["calls"] for v in info.values())


if __name__ == "__main__":
    sys.exit(main())
