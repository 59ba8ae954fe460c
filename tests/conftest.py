"""Shared fixtures: the real seeds, the small fixture seeds, and graphs built from them."""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
MINIMAL = FIXTURES / "minimal"
#: The article texts, beside the clone as ../shared/seeds (CI and developers have them).
ARTICLES = ROOT.parent / "shared" / "seeds"



def kg_imports(argv: list[str], packages: tuple[str, ...], entry: str = "kg.launch",
               bare: bool = False) -> tuple[str, list[str]]:
    """Run `kg ARGV` in a fresh Python through entry's main (kg.launch: what the kg command runs), from the project
    folder: what it printed, and which modules of the given packages it imported. bare: without the site module
    (the project and site-packages put on sys.path by hand), so that nothing a .pth file imports at start — an
    editable install's import finder imports re and pathlib — is counted as kg's."""
    import site

    paths = [str(ROOT), *site.getsitepackages()]
    script = ((f"import sys; sys.path[:0] = {paths!r}\n" if bare else "") +
              f"import sys; sys.argv = {['kg', *argv]!r}\n"
              f"from {entry} import main\n"
              "try:\n    main()\nexcept SystemExit:\n    pass\n"
              f"print(sorted(m for m in sys.modules if m.split('.')[0] in {tuple(packages)!r}))")
    done = subprocess.run([sys.executable, *(["-S"] if bare else []), "-c", script], cwd=ROOT, capture_output=True,
                          text=True, check=True)
    *printed, imported = done.stdout.splitlines(keepends=True)
    return "".join(printed), ast.literal_eval(imported)

@pytest.fixture(scope="session", autouse=True)
def build_cache(tmp_path_factory):
    """Builds are cached (kg.cache) in a folder of this test session, not in the user's ~/.cache; subprocesses
    inherit it through the environment."""
    import os

    folder = tmp_path_factory.mktemp("kg-cache")
    previous = os.environ.get("KG_CACHE")
    os.environ["KG_CACHE"] = str(folder)
    yield folder
    if previous is None:
        os.environ.pop("KG_CACHE", None)
    else:
        os.environ["KG_CACHE"] = previous


@pytest.fixture(scope="session")
def seeds():
    from kg.seeds import load_seeds

    return load_seeds(SEEDS)


@pytest.fixture(scope="session")
def dataset(seeds):
    from kg.graph import build_dataset

    return build_dataset(seeds)


@pytest.fixture(scope="session")
def graph(dataset):
    from kg.graph import union_graph

    return union_graph(dataset)


@pytest.fixture()
def minimal_copy(tmp_path):
    """A writable copy of the small fixture seed set."""
    target = tmp_path / "seeds"
    shutil.copytree(MINIMAL, target)
    return target


@pytest.fixture(scope="session")
def ox(seeds):
    """The seeds in Oxigraph, as the CLI builds them (read-only: tests that change a graph build their own)."""
    from kg.graph import build_dataset

    return build_dataset(seeds, store="Oxigraph")


#: Modules whose tests start servers, install packages, kill processes or generate many seed sets: `-m "not slow"`
#: leaves them out of a quick run (CI runs everything).
SLOW_MODULES = {"test_packaging", "test_triplestores", "test_owl", "test_serve_attacks", "test_faults",
                "test_properties"}


def pytest_collection_modifyitems(items):
    """Mark tests by what they need, so that `-m "not browser"` / `-m "not slow"` can leave them out: a test
    that uses the Chromium fixture (directly or through another fixture) is a browser test."""
    for item in items:
        if "browser" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.browser)
        if item.module is not None and item.module.__name__.rpartition(".")[2] in SLOW_MODULES:
            item.add_marker(pytest.mark.slow)
