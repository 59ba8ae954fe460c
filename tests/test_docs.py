"""The README documents every command the CLI has, and every command answers --help."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import main

README = Path(__file__).resolve().parent.parent / "README.md"


def documented_commands() -> set[str]:
    """The commands named in the README's command table (cells such as `kg build`)."""
    table = [line for line in README.read_text(encoding="utf-8").splitlines() if line.startswith("| `kg ")]
    return {name for line in table for name in re.findall(r"\| `kg ([a-z-]+)` \|", line)}


def test_readme_table_lists_exactly_the_cli_commands():
    assert documented_commands() == set(main.commands)


@pytest.mark.parametrize("name", sorted(main.commands))
def test_every_command_answers_help(name):
    result = CliRunner().invoke(main, [name, "--help"], prog_name="kg")
    assert result.exit_code == 0, result.output
    assert result.output.startswith(f"Usage: kg {name} ")
    assert main.commands[name].get_short_help_str(200).split()[0] in result.output


def test_every_public_name_resolves():
    """kg.__all__ is the one list of the public API (kg/__init__.py imports kg.api lazily on first use)."""
    import kg
    from kg import api

    for name in kg.__all__:
        assert getattr(kg, name) is getattr(api, name)
    with pytest.raises(AttributeError):
        kg.no_such_name  # noqa: B018
