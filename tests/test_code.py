"""The code's own rules, checked: lint and types clean, no import cycle, no function over 60 lines."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import networkx as nx
import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "kg"
MAX_FUNCTION_LINES = 60


def modules() -> dict[str, ast.Module]:
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        name = ".".join(path.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")
        found[name] = ast.parse(path.read_text(encoding="utf-8"), str(path))
    return found


def imports_of(name: str, tree: ast.Module, known: set[str]) -> set[str]:
    """The kg modules a module imports anywhere in it (function-local imports too: they are cycles all the same)."""
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            targets = [f"{node.module}.{alias.name}" for alias in node.names] + [node.module]
        elif isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        else:
            continue
        found |= {t for t in targets if t in known and t != name and t != "kg"}
    return found


def test_no_import_cycle():
    trees = modules()
    graph = nx.DiGraph()
    for name, tree in trees.items():
        graph.add_node(name)
        graph.add_edges_from((name, target) for target in imports_of(name, tree, set(trees)))
    cycles = sorted(" → ".join(c + [c[0]]) for c in nx.simple_cycles(graph))
    assert cycles == []


def test_no_function_over_60_lines():
    long = [f"{name}.{node.name}: {node.end_lineno - node.lineno + 1} lines"
            for name, tree in modules().items() for node in ast.walk(tree)
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))
            and node.end_lineno - node.lineno + 1 > MAX_FUNCTION_LINES]
    assert long == []


@pytest.mark.parametrize("tool", [["ruff", "check", "kg", "tests", "scripts", "benchmarks"], ["mypy", "kg"]])
def test_lint_and_types_are_clean(tool):
    done = subprocess.run([sys.executable, "-m", *tool], cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout[-5000:] + done.stderr[-2000:]
