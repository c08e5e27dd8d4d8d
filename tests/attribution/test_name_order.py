"""Names of one length are ranked by how often the article uses them, then by order, never by a
set's order (which changes with ``PYTHONHASHSEED``)."""

from __future__ import annotations

import os
import subprocess
import sys

from tests.conftest import ROOT
from worker.pipeline.attribution.coreference import build_registry
from worker.pipeline.nlp import parse

TEXT = (
    "Mario Rubio thanked Miami on Tuesday. Marco Rubio said the race was not over. "
    "Marco Rubio told supporters he would fight on. March Rubio was cheered. "
    '"We will win," Rubio said.'
)


def test_the_most_frequent_spelling_comes_first() -> None:
    names = build_registry(parse(TEXT)).full_names
    rubios = [n for n in names if n.endswith("Rubio")]
    assert rubios[0] == "Marco Rubio", names


def test_the_resolved_name_does_not_depend_on_the_hash_seed() -> None:
    code = (
        "from worker.pipeline import find_claims\n"
        f"print(sorted({{f.speaker.name for f in find_claims({TEXT!r}) if f.speaker}}))"
    )
    outputs = set()
    for seed in ("1", "2", "3"):
        env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": str(ROOT)}
        done = subprocess.run(
            [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
        )
        outputs.add(done.stdout)
    assert len(outputs) == 1, outputs
    assert "Marco Rubio" in outputs.pop()
