"""A forked process (gunicorn and Celery workers are forked) never shares its parent's pooled
database connections: two processes talking over one socket corrupt each other's queries."""

from __future__ import annotations

import os
import threading

import pytest
from sqlalchemy import text

from tests.support.services import fresh_database

pytestmark = pytest.mark.integration


def test_forked_children_get_their_own_connections(monkeypatch):
    from worker.store import get_engine, session_scope

    with fresh_database() as url:
        monkeypatch.setenv("DATABASE_URL", url)
        with session_scope() as session:
            parent_backend = session.execute(text("SELECT pg_backend_pid()")).scalar()
        assert get_engine().pool.checkedin() == 1  # the parent keeps it pooled, as serve does
        children = []
        for _ in range(3):
            read, write = os.pipe()
            pid = os.fork()
            if pid == 0:  # the child: several threads querying at once, as gthread workers do
                os.close(read)
                seen: list[str] = []

                def query(seen: list[str] = seen) -> None:
                    try:
                        for _ in range(15):
                            with session_scope() as s:
                                seen.append(
                                    str(s.execute(text("SELECT pg_backend_pid()")).scalar())
                                )
                    except Exception as exc:  # noqa: BLE001 - reported to the parent
                        seen.append(f"error: {exc!r}"[:200])

                threads = [threading.Thread(target=query) for _ in range(4)]
                for t in threads:
                    t.start()
                for t in threads:
                    t.join()
                os.write(write, "\n".join(seen).encode())
                os._exit(0)
            os.close(write)
            children.append((pid, read))
        outputs = []
        for pid, read in children:
            chunks = []
            while chunk := os.read(read, 65536):
                chunks.append(chunk)
            os.close(read)
            os.waitpid(pid, 0)
            outputs.append(b"".join(chunks).decode().splitlines())
        for lines in outputs:
            assert len(lines) == 60
            assert not [x for x in lines if x.startswith("error")], lines[:3]
            assert str(parent_backend) not in lines
        with session_scope() as session:  # and the parent's own connection still works
            assert session.execute(text("SELECT 1")).scalar() == 1
