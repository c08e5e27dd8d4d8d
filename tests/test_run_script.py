"""``tests/run`` stops, on exit, the Redis (and PostgreSQL) it started, and only that; its files
go to the git-ignored ``test-artifacts/`` (``tests/support/services.sh``)."""

from __future__ import annotations

import os
import subprocess
import time
from pathlib import Path

from tests.support.services import free_port, private_redis

ROOT = Path(__file__).resolve().parents[1]
SERVICES = ROOT / "tests" / "support" / "services.sh"


def _answers(port: int) -> bool:
    return (
        subprocess.run(
            ["redis-cli", "-h", "127.0.0.1", "-p", str(port), "ping"],
            capture_output=True,
            text=True,
        ).stdout.strip()
        == "PONG"
    )


def _source_and_start(port: int, artifacts: Path) -> subprocess.CompletedProcess:
    script = (
        f". {SERVICES}; start_services; redis-cli -h 127.0.0.1 -p {port} ping; "
        f'cat "$ARTIFACTS/redis-{port}/redis.pid" 2>/dev/null || true'
    )
    env = dict(os.environ, REDIS_PORT=str(port), ARTIFACTS=str(artifacts), SKIP_POSTGRES="1")
    return subprocess.run(
        ["bash", "-euo", "pipefail", "-c", script],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_a_redis_it_started_is_stopped_on_exit(tmp_path: Path) -> None:
    port = free_port()
    done = _source_and_start(port, tmp_path)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.split()
    assert lines[0] == "PONG", done.stdout
    pid = int(lines[1])  # the script started this one
    deadline = time.time() + 10
    while _answers(port) and time.time() < deadline:
        time.sleep(0.1)
    assert not _answers(port), "the Redis started by tests/run is still running"
    assert not Path(f"/proc/{pid}").exists() or "redis" not in Path(
        f"/proc/{pid}/cmdline"
    ).read_text(errors="replace")
    assert (tmp_path / f"redis-{port}" / "redis.log").exists()


def test_a_redis_already_running_is_left_alone(tmp_path: Path) -> None:
    with private_redis() as server:
        done = _source_and_start(server.port, tmp_path)
        assert done.returncode == 0, done.stderr
        assert done.stdout.split() == ["PONG"], done.stdout  # no pid file: nothing started
        assert _answers(server.port) and server.proc.poll() is None


def test_tests_run_uses_it_and_the_ignored_artifacts_folder() -> None:
    run = (ROOT / "tests" / "run").read_text(encoding="utf-8")
    assert ". tests/support/services.sh" in run and "start_services" in run
    assert "redis-server --" not in run  # started only through the file, which stops it
    ignored = subprocess.run(["git", "check-ignore", "-q", "test-artifacts/x.png"], cwd=ROOT)
    assert ignored.returncode == 0
