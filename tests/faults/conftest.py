"""Private PostgreSQL servers that a fault test may stop and start at will (private Redis
servers: ``tests/support/services.py``).

The machine's own Redis (6379) and PostgreSQL (5432) serve everyone else's tests at the same
time, so they are never touched: each fault test gets its own server on a free port, in a
temporary folder, gone when the test ends.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path

import psycopg

from tests.support.services import free_port

PG_BIN_ROOT = Path("/usr/lib/postgresql")


def pg_bin(name: str) -> str:
    """The newest installed PostgreSQL's program ``name`` (Debian keeps them out of PATH)."""
    versions = sorted(
        (p for p in PG_BIN_ROOT.glob("*/bin") if (p / name).exists()),
        key=lambda p: int(p.parent.name) if p.parent.name.isdigit() else 0,
    )
    if versions:
        return str(versions[-1] / name)
    found = shutil.which(name)
    if not found:
        raise RuntimeError(f"PostgreSQL's {name} is not installed")
    return found


@dataclass
class PrivatePostgres:
    port: int
    folder: Path
    log: Path = field(init=False)

    def __post_init__(self) -> None:
        self.log = self.folder / "server.log"

    @property
    def data(self) -> Path:
        return self.folder / "data"

    @property
    def url(self) -> str:
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/sourcemark"

    def _as_postgres(self, *args: str) -> None:
        # PostgreSQL refuses to run as root; tests often do.
        prefix = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        subprocess.run(prefix + list(args), check=True, capture_output=True, timeout=120)

    def init(self) -> None:
        self.data.mkdir(parents=True)
        if os.geteuid() == 0:
            shutil.chown(self.folder, "postgres", "postgres")
            shutil.chown(self.data, "postgres", "postgres")
        self._as_postgres(
            pg_bin("initdb"), "-D", str(self.data), "--auth=trust", "-U", "postgres", "--no-sync"
        )

    def start(self) -> None:
        self._as_postgres(
            pg_bin("pg_ctl"),
            "-D",
            str(self.data),
            "-l",
            str(self.log),
            "-w",
            "-t",
            "60",
            "-o",
            f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1 -c fsync=off "
            "-c max_connections=100",
            "start",
        )

    def stop(self) -> None:
        self._as_postgres(pg_bin("pg_ctl"), "-D", str(self.data), "-m", "fast", "-w", "stop")

    def running(self) -> bool:
        return (self.data / "postmaster.pid").exists()


@contextmanager
def private_postgres() -> Iterator[PrivatePostgres]:
    folder = Path(tempfile.mkdtemp(prefix="sourcemark-pg-"))
    server = PrivatePostgres(free_port(), folder)
    try:
        server.init()
        server.start()
        with psycopg.connect(
            f"postgresql://postgres@127.0.0.1:{server.port}/postgres", autocommit=True
        ) as conn:
            conn.execute("CREATE DATABASE sourcemark")
        yield server
    finally:
        if server.running():
            with suppress(subprocess.CalledProcessError):
                server.stop()
        shutil.rmtree(folder, ignore_errors=True)
