"""The modules of worker/ and server/ import each other in one direction only (no cycles).

A cycle (as worker.tasks.analysis <-> worker.tasks.dispatch once was) only works while every
import in it is deferred into a function body, so imports inside functions count here too.
``from package import submodule`` is an edge to the submodule, not to the package.
"""

from __future__ import annotations

import ast
from graphlib import CycleError, TopologicalSorter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _modules(root: Path) -> dict[str, Path]:
    out = {}
    for top in ("worker", "server"):
        for path in (root / top).rglob("*.py"):
            if "migrations" in path.parts:
                continue
            parts = path.relative_to(root).with_suffix("").parts
            out[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return out


def import_graph(root: Path = ROOT) -> dict[str, set[str]]:
    modules = _modules(root)
    graph: dict[str, set[str]] = {name: set() for name in modules}
    for name, path in modules.items():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                subs = [
                    f"{node.module}.{a.name}"
                    for a in node.names
                    if f"{node.module}.{a.name}" in modules
                ]
                targets = subs if len(subs) == len(node.names) else [node.module, *subs]
            elif isinstance(node, ast.Import):
                targets = [a.name for a in node.names]
            else:
                continue
            graph[name].update(t for t in targets if t in modules and t != name)
    return graph


def cycle(graph: dict[str, set[str]]) -> list[str] | None:
    try:
        tuple(TopologicalSorter(graph).static_order())
    except CycleError as exc:
        return list(exc.args[1])
    return None


def test_no_import_cycles() -> None:
    found = cycle(import_graph())
    assert found is None, f"import cycle: {' -> '.join(found or [])}"


def test_the_task_modules_form_a_chain() -> None:
    graph = import_graph()
    assert "worker.tasks.dispatch" in graph["worker.tasks.sweep"]
    assert "worker.tasks.analysis" in graph["worker.tasks.dispatch"]
    assert not {"worker.tasks.dispatch", "worker.tasks.sweep"} & graph["worker.tasks.analysis"]


def test_a_cycle_deferred_into_functions_is_seen(tmp_path: Path) -> None:
    # The check must catch the kind of cycle it exists for: both imports inside functions.
    tasks = tmp_path / "worker" / "tasks"
    tasks.mkdir(parents=True)
    (tmp_path / "server").mkdir()
    (tasks / "__init__.py").write_text("")
    (tasks / "a.py").write_text("def f():\n    from worker.tasks.b import g\n")
    (tasks / "b.py").write_text("def g():\n    from worker.tasks import a\n")
    assert sorted(set(cycle(import_graph(tmp_path)) or [])) == ["worker.tasks.a", "worker.tasks.b"]
