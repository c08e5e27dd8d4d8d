"""Real services for tests: a fresh PostgreSQL database, a sourcemark server, a Celery worker.

Everything runs on 127.0.0.1 against the machine's own Redis and PostgreSQL.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
import uuid
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

import psycopg

ROOT = Path(__file__).resolve().parents[2]
PG_ADMIN = os.environ.get("SOURCEMARK_TEST_PG", "postgresql://postgres@127.0.0.1:5432/postgres")
REDIS = os.environ.get("SOURCEMARK_TEST_REDIS", "redis://127.0.0.1:6379")
BIN = Path(sys.executable).parent
T = TypeVar("T")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def poll(
    probe: Callable[[], T], until: Callable[[T], bool] = bool, *, timeout: float, every: float = 0.2
) -> T:
    """Call ``probe`` until ``until`` holds for its answer or ``timeout`` seconds pass, and return
    the last answer: the caller asserts on it, so a wait that runs out fails showing what it saw.
    ``probe`` may raise to end the wait early (a process that exited will never answer)."""
    deadline = time.time() + timeout
    value = probe()
    while not until(value) and time.time() < deadline:
        time.sleep(every)
        value = probe()
    return value


def rows(db_url: str, sql: str, *params: object) -> list[tuple]:
    """The rows of one query on a deployment's database (its SQLAlchemy ``DATABASE_URL``)."""
    with psycopg.connect(db_url.replace("postgresql+psycopg://", "postgresql://")) as conn:
        return conn.execute(sql, params).fetchall()


@contextmanager
def fresh_database() -> Iterator[str]:
    """A new, empty PostgreSQL database for one test run, dropped afterwards."""
    name = f"sourcemark_test_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(PG_ADMIN, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        yield f"postgresql+psycopg://postgres@127.0.0.1:5432/{name}"
    finally:
        with psycopg.connect(PG_ADMIN, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@contextmanager
def benchmark_database(keep: bool, prefix: str) -> Iterator[str]:
    """A new database for a benchmark run: dropped afterwards like ``fresh_database``, or with
    ``keep`` left for a later run to measure again (named ``<prefix>_<8 hex digits>``)."""
    if not keep:
        with fresh_database() as url:
            yield url
        return
    name = f"{prefix}_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(PG_ADMIN, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    yield f"postgresql+psycopg://postgres@127.0.0.1:5432/{name}"


@contextmanager
def fresh_redis_db() -> Iterator[str]:
    """A Redis URL on a database number of its own, flushed before and after.

    The number is claimed with a key in database 0, so two stacks alive at once (a module's
    stack and a test's own, or two test runs on one machine) never share a queue: a worker of
    one deployment would otherwise take the other's tasks and find no such analysis.
    """
    import redis

    admin = redis.Redis.from_url(f"{REDIS}/0")
    owner = f"{os.getpid()}:{uuid.uuid4().hex}"
    number = None
    deadline = time.time() + 120
    while number is None:
        # Databases 1-15 are left to tests (0 is the default everyone else uses).
        for candidate in random.sample(range(1, 16), 15):
            if admin.set(f"sourcemark-test-redis-db:{candidate}", owner, nx=True, ex=7200):
                number = candidate
                break
        else:
            if time.time() > deadline:
                raise RuntimeError("all Redis test databases 1-15 are claimed by other tests")
            time.sleep(0.5)
    url = f"{REDIS}/{number}"
    client = redis.Redis.from_url(url)
    client.flushdb()
    try:
        yield url
    finally:
        client.flushdb()
        claim = f"sourcemark-test-redis-db:{number}"
        if admin.get(claim) == owner.encode():
            admin.delete(claim)


@dataclass
class PrivateRedis:
    port: int
    folder: Path
    proc: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        import redis

        # No persistence: a restart loses every queued message, the worst case for the sweeper.
        self.proc = subprocess.Popen(
            [
                "redis-server",
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                str(self.folder),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        client = redis.Redis.from_url(self.url, socket_connect_timeout=0.5)

        def answers() -> bool:
            try:
                return client.ping()
            except redis.ConnectionError:
                return False

        if not poll(answers, timeout=20, every=0.05):
            raise RuntimeError("private redis-server did not start")

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(10)
        self.proc = None


@contextmanager
def private_redis() -> Iterator[PrivateRedis]:
    """A redis-server of the caller's own on a free port, which it may stop and start (the
    machine's shared Redis serves everyone else's tests and is never touched)."""
    folder = Path(tempfile.mkdtemp(prefix="sourcemark-redis-"))
    server = PrivateRedis(free_port(), folder)
    server.start()
    try:
        yield server
    finally:
        server.stop()
        shutil.rmtree(folder, ignore_errors=True)


@dataclass
class Process:
    proc: subprocess.Popen
    log_path: Path

    def log(self) -> str:
        try:
            return self.log_path.read_text(errors="replace")
        except OSError:
            return ""

    def kill(self, sig: int = signal.SIGTERM, timeout: float = 15) -> None:
        if self.proc.poll() is not None:
            return
        try:
            os.killpg(self.proc.pid, sig)
        except ProcessLookupError:
            return
        try:
            self.proc.wait(timeout)
        except subprocess.TimeoutExpired:
            os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait(10)


@dataclass
class Stack:
    """Environment and processes of one sourcemark deployment under test."""

    env: dict[str, str]
    instance: Path
    processes: list[Process] = field(default_factory=list)
    url: str = ""

    def run(self, *args: str, input_text: str | None = None) -> str:
        out = subprocess.run(
            [str(BIN / "sourcemark"), *args],
            env=self.env,
            input=input_text,
            capture_output=True,
            text=True,
            timeout=120,
        )
        if out.returncode != 0:
            raise RuntimeError(f"sourcemark {' '.join(args)} failed:\n{out.stdout}\n{out.stderr}")
        return out.stdout

    def token(self, role: str = "reader", name: str = "test") -> str:
        return self.run("token", "create", "--name", name, "--role", role).split()[-1]

    def spawn(self, *args: str, name: str) -> Process:
        log_path = self.instance / f"{name}-{len(self.processes)}.log"
        handle = open(log_path, "w")  # noqa: SIM115 - the child owns it
        proc = subprocess.Popen(
            [str(BIN / "sourcemark"), *args],
            env=self.env,
            stdout=handle,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        process = Process(proc, log_path)
        self.processes.append(process)
        return process

    def serve(self) -> Process:
        port = free_port()
        process = self.spawn(
            "serve", "--host", "127.0.0.1", "--port", str(port), "--workers", "2", name="serve"
        )
        self.url = f"http://127.0.0.1:{port}"
        wait_http(self.url + "/healthz", process)
        return process

    def worker(self, concurrency: int = 1) -> Process:
        process = self.spawn("worker", "--concurrency", str(concurrency), name="worker")

        def ready() -> bool:
            if "ready." in process.log():
                return True
            if process.proc.poll() is not None:
                raise RuntimeError("worker exited:\n" + process.log())
            return False

        if not poll(ready, timeout=60):
            raise RuntimeError("worker did not become ready:\n" + process.log())
        return process

    def start(self) -> str:
        """Serve, start one worker and return a reader's token: what most tests begin with."""
        self.serve()
        self.worker()
        return self.token()

    def stop(self) -> None:
        for process in reversed(self.processes):
            process.kill()


def wait_http(url: str, process: Process | None = None, timeout: float = 60) -> None:
    def answered() -> bool:
        if process is not None and process.proc.poll() is not None:
            raise RuntimeError(f"process exited before {url} answered:\n{process.log()}")
        try:
            with urllib.request.urlopen(url, timeout=2):
                return True
        except OSError:
            return False

    if not poll(answered, timeout=timeout):
        raise RuntimeError(f"{url} did not answer in {timeout}s")


@contextmanager
def stack(
    *,
    distributed: bool,
    extra_env: dict[str, str] | None = None,
    database_url: str | None = None,
    redis_url: str | None = None,
) -> Iterator[Stack]:
    """A sourcemark deployment: embedded (SQLite, in-process tasks) or distributed (PG + Redis).

    A distributed one runs on the PostgreSQL database and Redis given (a fault test's private
    servers), and on a fresh database and Redis database number of its own for those not given.
    """
    instance = Path(tempfile.mkdtemp(prefix="sourcemark-test-"))
    env = {k: v for k, v in os.environ.items() if k not in ("REDIS_URL", "DATABASE_URL")}
    # PYTHONPATH: the `sourcemark` processes run this checkout's code even when the venv's
    # editable install points at another copy of the repository.
    env.update(
        {
            "SOURCEMARK_INSTANCE": str(instance),
            "PYTHONUNBUFFERED": "1",
            "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")])),
        }
    )
    env.update(extra_env or {})
    try:
        if distributed:
            with (
                _given_or(database_url, fresh_database) as db_url,
                _given_or(redis_url, fresh_redis_db) as r_url,
            ):
                env.update({"DATABASE_URL": db_url, "REDIS_URL": r_url})
                s = Stack(env=env, instance=instance)
                try:
                    s.run("db", "upgrade")
                    yield s
                finally:
                    s.stop()
        else:
            s = Stack(env=env, instance=instance)
            try:
                yield s
            finally:
                s.stop()
    finally:
        shutil.rmtree(instance, ignore_errors=True)


@contextmanager
def _given_or(url: str | None, fresh: Callable[[], AbstractContextManager[str]]) -> Iterator[str]:
    if url:
        yield url
    else:
        with fresh() as made:
            yield made
