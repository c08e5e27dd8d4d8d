"""docker-compose.yml and the Dockerfile stay in step with the code (no Docker engine here)."""

from __future__ import annotations

from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]


def test_compose_services_and_commands():
    compose = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
    services = compose["services"]
    assert {"redis", "postgres", "web", "worker", "migrate"} <= set(services)
    assert services["worker"]["command"][:2] == ["sourcemark", "worker"]
    # Exactly one sweeper (beat) however far `worker` is scaled.
    assert "--no-beat" in services["worker"]["command"]
    assert services["sweeper"]["command"][:2] == ["sourcemark", "worker"]
    assert "--beat" in services["sweeper"]["command"] and "ports" not in services["sweeper"]
    assert services["migrate"]["command"] == ["sourcemark", "db", "upgrade"]
    assert "pgdata" in compose["volumes"]
    for name in ("redis", "postgres", "web", "worker"):
        assert "healthcheck" in services[name], name
    # A worker must not publish ports: `--scale worker=N` would collide.
    assert "ports" not in services["worker"]
    env = compose["x-app-env"]
    assert env["DATABASE_URL"].startswith("postgresql+psycopg://")
    assert env["REDIS_URL"].startswith("redis://")


def test_dockerfile_runs_the_app_factory():
    dockerfile = (ROOT / "Dockerfile").read_text()
    assert "server:create_app()" in dockerfile
    assert "sourcemark db upgrade" in dockerfile
    assert "USER sourcemark" in dockerfile
