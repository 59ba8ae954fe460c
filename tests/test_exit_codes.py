"""Exit status: one documented table (kg.errors.EXIT_CODES, README "Exit status"), one meaning per code, the
same in every command (issue 15)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg import errors
from kg.cli import main

README = Path(__file__).resolve().parent.parent / "README.md"


def run(*args: str):
    return CliRunner().invoke(main, list(args))


def test_readme_shows_the_table():
    text = README.read_text(encoding="utf-8")
    section = text[text.index("## Exit status"):]
    rows = re.findall(r"^\| (\d+) \| (.+) \|$", section[:section.index("\n## ", 3)], re.MULTILINE)
    assert {int(code): meaning for code, meaning in rows} == errors.EXIT_CODES


def _subclasses(cls):
    for sub in cls.__subclasses__():
        yield sub
        yield from _subclasses(sub)


def test_every_error_has_a_code_of_the_table():
    import kg.remote  # noqa: F401  (defines a KgError subclass)

    codes = {cls.__name__: cls.exit_code for cls in [errors.KgError, *_subclasses(errors.KgError)]}
    assert set(codes.values()) == set(errors.EXIT_CODES) - {0}
    assert (codes["KgError"], codes["SeedError"], codes["ValidationError"], codes["QueryError"],
            codes["QueryStopped"]) == (1, 2, 3, 4, 5)


@pytest.mark.parametrize("args", [("stats", "--lang", "fr"), ("stats", "--bogus"), ("bogus",),
                                  ("query", "-e", "ASK {}", "--timeout", "soon"),
                                  ("path", "msit", "naver", "--status", "sigend"), ("neighbors", "Nvidai")])
def test_a_bad_option_value_or_name_is_1_whoever_checks_it(args):
    """click's usage errors and kg's own checks of option values and names give the same status."""
    result = run(*args)
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output


def test_query_errors_are_4_and_stops_5():
    assert run("query", "gpu-allocations", "-p", "source=asiae").exit_code == 4
    assert run("query", "-e", "SELEC ?x").exit_code == 4
    assert errors.QueryStopped("x").exit_code == 5 and isinstance(errors.QueryStopped("x"), errors.QueryError)


def test_query_csv_for_excel_starts_with_a_bom():
    plain = run("query", "agreements", "-p", "org=naver-cloud", "-f", "csv")
    excel = run("query", "agreements", "-p", "org=naver-cloud", "-f", "csv", "--excel")
    assert plain.exit_code == excel.exit_code == 0
    assert not plain.stdout_bytes.startswith(b"\xef\xbb\xbf")
    assert excel.stdout_bytes == b"\xef\xbb\xbf" + plain.stdout_bytes
    import csv
    import io

    rows = list(csv.DictReader(io.StringIO(excel.stdout_bytes.decode("utf-8-sig"), newline="")))
    assert rows and list(rows[0])[0] == "agreement"
    tsv = run("query", "agreements", "-f", "tsv", "--excel")
    assert tsv.stdout_bytes.startswith(b"\xef\xbb\xbf")


def test_excel_needs_csv_or_tsv():
    result = run("query", "agreements", "--excel")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == "--excel puts a byte order mark on CSV and TSV only — add -f csv or -f tsv\n"
    ko = run("query", "agreements", "--excel", "--lang", "ko")
    assert ko.stderr == "--excel: 바이트 순서 표시는 CSV와 TSV에만 붙습니다 — -f csv 또는 -f tsv를 주세요\n"
