"""kg as users install it: a wheel built from an sdist, installed with pip into an environment, with --user, with
--prefix and with --target, runs `kg build`, `kg query` and `kg view` from another directory and reads its own data
(ontology, queries, templates) from the installed package, never from the checkout (issue 12, part 4).

The wheel is built once per module, with this venv's setuptools and no network; each install gets kg alone
(--no-deps) and takes its dependencies from this venv through PYTHONPATH. A checkout reads the top-level ontology/
and queries/ folders themselves (kg/data/* are symlinks to them).
"""

from __future__ import annotations

import ast
import email
import importlib.metadata
import os
import re
import shutil
import subprocess
import sys
import sysconfig
import tarfile
import zipfile
from pathlib import Path

import pytest
from conftest import MINIMAL, ROOT

import kg
from kg.resources import FOLDERS, data_dir

#: What a source tree holds that is not part of it (build products, caches, environments).
NOT_SOURCE = shutil.ignore_patterns(".git", ".venv", "out", "build", "dist", "*.egg-info", "__pycache__",
                                    ".pytest_cache", ".hypothesis")
#: The kg commands each install runs, and the file each writes (None: the answer is on stdout).
COMMANDS = [
    (["build"], "out/graph.nq"),
    (["query", "gpu-allocations", "-f", "csv"], None),
    (["view", "-o", "x.html"], "x.html"),
]
VENV_SITE = sysconfig.get_path("purelib")


def run(args: list, cwd: Path, env: dict | None = None, timeout: float = 300) -> subprocess.CompletedProcess:
    done = subprocess.run([str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)
    assert done.returncode == 0, f"{args} failed ({done.returncode}):\n{done.stdout}\n{done.stderr}"
    return done


def pep517(hook: str, source: Path, out: Path) -> Path:
    """Run setuptools' build hook (build_sdist / build_wheel) in `source`, as a build frontend does."""
    done = run([sys.executable, "-c",
                f"import sys; from setuptools import build_meta as b; print(b.{hook}(sys.argv[1]))",
                out], cwd=source)
    return out / done.stdout.strip().splitlines()[-1]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    """kg's wheel, built from its sdist, built from a copy of this checkout (symlinks kept, as git checks them out)."""
    work = tmp_path_factory.mktemp("build")
    source = work / "source"
    shutil.copytree(ROOT, source, symlinks=True, ignore=NOT_SOURCE)
    sdist = pep517("build_sdist", source, work / "dist")
    with tarfile.open(sdist) as archive:
        archive.extractall(work / "unpacked", filter="data")
    built = pep517("build_wheel", next((work / "unpacked").iterdir()), work / "dist")
    shutil.rmtree(source)  # nothing installed may read the copy it was built from
    return built


def installed_files(wheel: Path, folder: str) -> set[str]:
    prefix = f"kg/{FOLDERS[folder]}/"
    return {n[len(prefix):] for n in zipfile.ZipFile(wheel).namelist() if n.startswith(prefix)}


def source_files(folder: Path, pattern: str) -> set[str]:
    return {p.relative_to(folder).as_posix() for p in folder.glob(pattern) if p.is_file()}


def test_the_wheel_holds_the_ontology_every_query_and_the_templates(wheel):
    assert installed_files(wheel, "ontology") == source_files(ROOT / "ontology", "*.ttl") >= {"kg.ttl", "shapes.ttl"}
    assert installed_files(wheel, "queries") == source_files(ROOT / "queries", "**/*.rq")
    assert installed_files(wheel, "templates") == source_files(ROOT / "kg" / "templates", "*")
    assert not [n for n in zipfile.ZipFile(wheel).namelist() if not n.startswith(("kg/", "kg-"))]


@pytest.fixture(scope="module")
def expected(tmp_path_factory) -> dict[str, str]:
    """What the checkout's own kg writes for COMMANDS, to compare each installed copy's outputs with."""
    return run_commands([sys.executable, "-m", "kg.cli"], tmp_path_factory.mktemp("checkout"), dict(os.environ))


def run_commands(kg_command: list, cwd: Path, env: dict) -> dict[str, str]:
    """Run COMMANDS in cwd on a copy of the small seed set; what each wrote, by command."""
    shutil.copytree(MINIMAL, cwd / "seeds")
    env.pop("KG_SEEDS", None)
    env.pop("KG_STORE", None)
    outputs = {}
    for args, output in COMMANDS:
        done = run([*kg_command, *args], cwd, env)
        outputs[args[0]] = done.stdout if output is None else (cwd / output).read_text(encoding="utf-8")
    return outputs


def install(mode: str, wheel: Path, place: Path) -> tuple[Path, Path, str, dict]:
    """Install the wheel as `mode` says, under `place`; return the folder the kg package is in, the installed `kg`
    script, the interpreter it runs with, and the environment to run it in (dependencies from this venv, kg from
    the installed copy)."""
    # --ignore-installed: else pip --prefix uninstalls the kg of the environment it runs in (this editable one)
    pip = ["-m", "pip", "install", "--no-deps", "--no-index", "--no-cache-dir", "--disable-pip-version-check",
           "--ignore-installed"]
    env = dict(os.environ, PYTHONNOUSERSITE="1")
    env.pop("PYTHONPATH", None)
    if mode == "venv":  # plain `pip install`, into an environment of its own
        run([sys.executable, "-m", "venv", "--without-pip", place], place.parent)
        python = place / "bin" / "python"
        run([sys.executable, "-m", "pip", "--python", python, *pip[2:], wheel], place.parent, env)
        site = Path(run([python, "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"], place).stdout.strip())
        return site, place / "bin" / "kg", str(python), dict(env, PYTHONPATH=VENV_SITE)
    if mode == "user":
        # pip refuses --user inside a venv; the interpreter this venv was made from allows it (same Python, so the
        # venv's compiled dependencies load in it)
        python = getattr(sys, "_base_executable", sys.executable)
        env = dict(env, PYTHONUSERBASE=str(place), PIP_BREAK_SYSTEM_PACKAGES="1")
        env.pop("PYTHONNOUSERSITE")
        run([python, *pip, "--user", wheel], place.parent, env)
        site = Path(run([python, "-c", "import site; print(site.getusersitepackages())"], place.parent, env)
                    .stdout.strip())
        return site, place / "bin" / "kg", python, dict(env, PYTHONPATH=VENV_SITE)
    if mode == "prefix":
        run([sys.executable, *pip, "--prefix", place, wheel], place.parent, env)
        site = Path(sysconfig.get_path("purelib", vars={"base": str(place), "platbase": str(place)}))
        return site, place / "bin" / "kg", sys.executable, dict(env, PYTHONPATH=str(site))
    assert mode == "target"
    run([sys.executable, *pip, "--target", place, wheel], place.parent, env)
    return place, place / "bin" / "kg", sys.executable, dict(env, PYTHONPATH=str(place))


@pytest.mark.parametrize("mode", ["venv", "user", "prefix", "target"])
def test_installed_kg_runs_from_any_directory_on_its_own_data(mode, wheel, expected, tmp_path):
    site, script, python, env = install(mode, wheel, tmp_path / "installed")
    assert script.is_file()
    mine = run([sys.executable, "-c", "import kg; print(kg.__file__)"], tmp_path).stdout.strip()
    assert Path(mine) == ROOT / "kg" / "__init__.py"  # the install left this venv's own (editable) kg alone
    where = run([python, "-c", "import kg, kg.resources as r; print(kg.__file__); print(kg.__version__); "
                 "print('\\n'.join(str(r.data_dir(f)) for f in sorted(r.FOLDERS)))"], tmp_path, env).stdout.split("\n")
    package = site.resolve() / "kg"
    assert Path(where[0]).resolve() == package / "__init__.py"  # this copy, not the checkout
    assert [Path(p) for p in where[2:2 + len(FOLDERS)]] == [package / FOLDERS[f] for f in sorted(FOLDERS)]
    version = run([script, "--version"], tmp_path, env).stdout
    assert version.split() == ["kg,", "version", kg.__version__] == ["kg,", "version", where[1]]
    work = tmp_path / "elsewhere"
    work.mkdir()
    outputs = run_commands([script], work, env)
    assert outputs == expected
    assert "ai-partnerships" in outputs["build"] and "gpus" in outputs["query"] and "<html" in outputs["view"]


def test_a_checkout_reads_its_top_level_folders_themselves():
    """An editable install (how make sets up .venv) and PYTHONPATH=. read ontology/ and queries/ at the top level:
    there is one copy of each, and an edit shows at once."""
    assert data_dir("ontology") == ROOT / "ontology"
    assert data_dir("queries") == ROOT / "queries"
    assert data_dir("templates") == ROOT / "kg" / "templates"
    done = run([sys.executable, "-c", "import kg.resources as r; print(r.data_dir('queries'))"], ROOT.parent,
               dict(os.environ, PYTHONPATH=str(ROOT), PYTHONNOUSERSITE="1"))
    assert Path(done.stdout.strip()) == ROOT / "queries"


def test_every_library_kg_imports_is_a_declared_dependency(wheel):
    """pyproject.toml's dependencies, as the wheel declares them, name every library kg/*.py imports."""
    with zipfile.ZipFile(wheel) as archive:
        metadata = email.message_from_bytes(archive.read(next(n for n in archive.namelist()
                                                                  if n.endswith(".dist-info/METADATA"))))
    declared = {normalise(re.split(r"[<>=!~ ;\[(]", d, maxsplit=1)[0])
                for d in metadata.get_all("Requires-Dist") if "extra ==" not in d}
    imported = set()
    for path in (ROOT / "kg").glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                imported |= {a.name.split(".")[0] for a in node.names}
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                imported.add(node.module.split(".")[0])
    third_party = sorted(m for m in imported if m not in sys.stdlib_module_names and m != "kg")
    distributions = importlib.metadata.packages_distributions()
    missing = [m for m in third_party if not {normalise(d) for d in distributions.get(m, [m])} & declared]
    assert third_party and not missing, f"imported by kg/ but not in pyproject.toml's dependencies: {missing}"
    assert "pyvis" in declared  # kg/view.py finds its vis-network files without importing it


def normalise(distribution: str) -> str:
    return re.sub(r"[-_.]+", "-", distribution).lower()
