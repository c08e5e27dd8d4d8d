"""The README's first command, run as a new user would: a copy of the tree, a new venv, a new home
directory, then ``sourcemark serve`` on its embedded defaults, ready for the extension."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.support.api import call, submit, wait_done
from tests.support.services import ROOT, Process, free_port, poll, wait_http

pytestmark = pytest.mark.integration

SEED_PAGE = (ROOT / "tests" / "data" / "seed_page.html").read_text(encoding="utf-8")
SEED_URL = "https://www.chinadaily.com.cn/a/202201/07/WS61d7a4b5a310cdd39bc7f8b2.html"
NOT_SOURCE = shutil.ignore_patterns(
    ".venv", ".cache", ".git", "test-artifacts", "node_modules", "*.egg-info", "__pycache__"
)


def readme_main_command() -> str:
    blocks = re.findall(r"```sh\n(.+?)\n```", (ROOT / "README.md").read_text(encoding="utf-8"))
    assert len(blocks) >= 2, "the README keeps its two set-up commands in ```sh blocks"
    return blocks[0].strip()


def test_the_readme_main_command_installs_and_serves(tmp_path: Path):
    command = readme_main_command()
    install, _, serve = command.rpartition(" && ")
    assert serve == ".venv/bin/sourcemark serve", command
    tree = tmp_path / "sourcemark"
    shutil.copytree(ROOT, tree, ignore=NOT_SOURCE)
    home = tmp_path / "home"
    home.mkdir()
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("SOURCEMARK_", "VIRTUAL_ENV"))
        and k not in ("REDIS_URL", "DATABASE_URL")
    }
    env["HOME"] = str(home)
    # The wheels already downloaded on this machine may be reused; nothing else is shared.
    env["PIP_CACHE_DIR"] = os.environ.get("PIP_CACHE_DIR") or str(Path.home() / ".cache" / "pip")
    env["PATH"] = os.pathsep.join(
        p for p in env.get("PATH", "").split(os.pathsep) if ".venv" not in p
    )
    installed = subprocess.run(
        ["bash", "-c", install], cwd=tree, env=env, capture_output=True, text=True, timeout=1200
    )
    assert installed.returncode == 0, installed.stdout[-3000:] + installed.stderr[-3000:]

    # The README's serve, on a free port instead of 8000 (the machine may be using it).
    port = free_port()
    log = tmp_path / "serve.log"
    with open(log, "w") as out:
        proc = subprocess.Popen(
            [str(tree / ".venv/bin/sourcemark"), "serve", "--port", str(port)],
            cwd=tree,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        url = f"http://127.0.0.1:{port}"
        wait_http(url + "/healthz", timeout=120)
        printed = poll(log.read_text, lambda text: "smk_" in text, timeout=20)
        assert url in printed, printed
        assert (home / ".local" / "share" / "sourcemark" / "sourcemark.db").exists()
        token = re.search(r"smk_[A-Za-z0-9_-]+", printed).group(0)
        status, me = call(url, "GET", "/api/v1/me", token)
        assert status == 200 and me["role"] == "reader", me
        status, accepted = submit(url, token, SEED_URL, SEED_PAGE)
        assert status == 202, accepted
        done = wait_done(url, token, accepted["id"], timeout=120)
        assert done["status"] == "done" and done["findings"], done
    finally:
        Process(proc, log).kill(timeout=20)
