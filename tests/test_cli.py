"""The kg command: help, build, export — thin wrappers whose output is checked as a user sees it."""

from __future__ import annotations

import re
import subprocess
import sys

from click.testing import CliRunner
from conftest import MINIMAL, ROOT
from rdflib import Graph

from kg.cli import main


def test_help_lists_every_command_with_one_line_each():
    result = CliRunner().invoke(main, ["--help"])
    assert result.exit_code == 0
    commands = re.findall(r"^  (\w[\w-]*)\s{2,}(\S.*)$", result.output.split("Commands:")[1], re.M)
    names = {name for name, _ in commands}
    assert {"build", "validate", "export"} <= names
    assert all(help_text.strip() for _, help_text in commands)
    assert names == set(main.commands)


def test_build_writes_the_dataset_and_prints_a_summary(tmp_path):
    out = tmp_path / "graph.nq"
    result = CliRunner().invoke(main, ["build", "--seeds", str(MINIMAL), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("Loaded 2 sources, 14 entities, 15 facts (16 citations) -> ")
    assert "SHACL: conforms" in result.output
    assert out.read_text(encoding="utf-8").count("\n") == int(re.search(r"-> (\d+) triples", result.output)[1])


def test_export_to_standard_output_is_turtle(tmp_path):
    result = CliRunner().invoke(main, ["export", "--seeds", str(MINIMAL)])
    assert result.exit_code == 0
    g = Graph().parse(data=result.stdout_bytes, format="turtle")
    assert len(g) > 300


def test_export_format_follows_the_file_name(tmp_path):
    out = tmp_path / "x.nt"
    result = CliRunner().invoke(main, ["export", "--seeds", str(MINIMAL), "-o", str(out)])
    assert result.exit_code == 0
    assert "(nt," in result.output
    assert all(line.endswith(" .") for line in out.read_text(encoding="utf-8").splitlines())


def test_seed_folder_from_environment(tmp_path):
    result = CliRunner().invoke(main, ["build", "-o", str(tmp_path / "g.nq")], env={"KG_SEEDS": str(MINIMAL)})
    assert result.exit_code == 0, result.output
    assert "Loaded 2 sources" in result.output


def test_console_script_runs_as_a_module_without_traceback(tmp_path):
    """A user error through the real entry point: one message, exit code 2, no traceback."""
    proc = subprocess.run([sys.executable, "-m", "kg.cli", "build", "--seeds", str(tmp_path / "none")],
                          capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
    assert "the seed folder does not exist" in proc.stderr
