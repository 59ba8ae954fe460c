"""kg.quick: `kg query NAME` answered from the cached build through pyoxigraph alone gives the bytes, messages and
limits kg.query gives, imports no rdflib, and leaves to kg.query whatever it cannot answer exactly."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest
from click.testing import CliRunner
from conftest import ROOT, SEEDS, kg_imports

from kg import api, quick
from kg.cli import main
from kg.errors import QueryError
from kg.store import open_dataset

LIMITS = {"timeout": 30.0, "max_memory": None, "max_rows": 10_000}
CASES = [(q.name, {}, "en", fmt) for q in api.list_queries() for fmt in ("table", "csv", "tsv", "json")]
CASES += [(q.name, {}, "ko", "table") for q in api.list_queries()]
CASES += [("gpu-targets", {"org": "nvidia"}, "en", "csv"), ("agreements", {"org": "kg:naver-cloud"}, "ko", "json"),
          ("gpu-allocations", {"org": "nvidia", "source": "newsis-20251101"}, "en", "tsv"),
          ("people", {"org": "<https://w3id.org/ai-partnerships/id/lg-uplus>"}, "en", "table"),
          ("source-claims", {"source": "newsis-20251101"}, "ko", "csv")]


@pytest.fixture(scope="module")
def seeds_store():
    """The seeds' build, cached (so that kg.quick finds it) and opened as kg.query opens it."""
    return open_dataset("memory", SEEDS, check=False)


def fast(name, params, lang, fmt, **limits):
    return quick.answer(name, params, lang, fmt, **{**LIMITS, **limits}, seed_dir=SEEDS, graph_file=None,
                        store=None)


@pytest.mark.parametrize(("name", "params", "lang", "fmt"), CASES, ids=lambda v: str(v) if v else "-")
def test_the_same_bytes_as_kg_query(seeds_store, name, params, lang, fmt):
    answer = fast(name, params, lang, fmt)
    expected = api.run_query(seeds_store, name, lang=lang, isolated=True, **LIMITS, **params)
    assert answer is not None
    assert answer.text == expected.serialize(fmt)
    assert (answer.rows, answer.truncated) == (len(expected), False)
    if fmt == "table":
        assert answer.cut == expected.cut_cells()


def test_the_row_cap_is_kept_and_said(seeds_store):
    answer = fast("agreements", {}, "en", "csv", max_rows=2)
    expected = api.run_query(seeds_store, "agreements", isolated=True, max_rows=2)
    assert answer is not None and answer.truncated and answer.rows == 2
    assert answer.text == expected.serialize("csv")
    result = CliRunner().invoke(main, ["query", "agreements", "-f", "csv", "--max-rows", "2"])
    assert result.exit_code == 0
    assert "the answer has more than 2 rows; only the first 2 are shown" in result.stderr


def test_the_time_limit_stops_it_with_kg_querys_message(seeds_store):
    with pytest.raises(QueryError, match=r"gpu-targets.rq: the query ran longer than 1e-06 s and was stopped"):
        fast("gpu-targets", {}, "en", "csv", timeout=1e-6)


@pytest.mark.parametrize(("name", "params", "fmt", "options"), [
    ("gpu-targets", {}, "xml", {}),                                     # a format it does not write
    ("gpu-targets", {"org": "Korea"}, "csv", {}),                       # a label: kg.query resolves it
    ("gpu-targets", {"org": "newsis-20251101"}, "csv", {}),             # the wrong kind: kg.query says so
    ("gpu-targets", {"org": "no-such-body"}, "csv", {}),                # unknown: kg.query suggests names
    ("gpu-targets", {"year": "2025"}, "csv", {}),                       # not a parameter of the query
    ("no-such-query", {}, "csv", {}),
    ("gpu-targets", {}, "csv", {"store": "rdflib"}),
    ("gpu-targets", {}, "csv", {"graph_file": SEEDS / "graph.nq"}),
])
def test_what_it_cannot_answer_exactly_is_left_to_kg_query(seeds_store, name, params, fmt, options):
    where = {"seed_dir": SEEDS, "graph_file": None, "store": None, **options}
    assert quick.answer(name, params, "en", fmt, **LIMITS, **where) is None


def test_an_oxigraph_store_answers_the_same(seeds_store, tmp_path):
    folder = tmp_path / "store"
    api.build(SEEDS, tmp_path / "graph.nq", check_shapes=False, store=f"oxigraph:{folder}")
    for query in api.list_queries():
        answer = quick.answer(query.name, {}, "en", "csv", **LIMITS, seed_dir=SEEDS, graph_file=None,
                              store=f"oxigraph:{folder}")
        assert answer is not None
        assert answer.text == api.run_query(seeds_store, query.name, isolated=True, **LIMITS).serialize("csv")
    assert quick.answer("gpu-targets", {}, "en", "csv", **LIMITS, seed_dir=SEEDS, graph_file=None,
                        store=f"oxigraph:{tmp_path / 'none'}") is None


def test_no_cached_build_no_answer(monkeypatch):
    monkeypatch.setenv("KG_CACHE", "off")
    assert fast("gpu-targets", {}, "en", "csv") is None


@pytest.mark.parametrize(("entry", "unused"), [("kg.cli", ()), ("kg.launch", ("click",))])
def test_kg_query_on_the_cached_build_imports_no_rdflib(seeds_store, entry, unused):
    printed, imported = kg_imports(["query", "gpu-targets", "-f", "csv"],
                                   ("rdflib", "oxrdflib", "pyshacl", "networkx", "yaml", *unused), entry)
    assert printed.startswith("year,gpus,qualifier,source,paragraphs,target\n")  # (\r\n read as text)
    assert imported == []


@pytest.mark.parametrize("args", [
    ["query", "gpu-targets"], ["query", "gpu-targets", "--format=json", "--lang", "ko"],
    ["query", "agreements", "-p", "org=naver-cloud", "-f", "tsv", "--max-rows", "2"],
    ["query", "agreements", "-p", "org=nvidai"], ["query", "agreements", "--timeout", "0.000001"],
    ["query", "agreements", "--max-memory", "lots"], ["query", "gpu-targets", "-f=csv"], ["query", "--help"],
    ["query", "agreements", "-p", "org=nvidai", "--lang", "ko"], ["query", "agreements", "--timeout", "0.000001",
                                                                  "--lang", "ko"],
])
def test_the_kg_command_answers_as_kg_cli_does(seeds_store, args):
    """kg.launch (the `kg` command) answers `kg query` before importing click, or hands the line to kg.cli."""
    assert run_kg("kg.launch", args) == run_kg("kg.cli", args)


def run_kg(entry: str, args: list[str], **env: str) -> tuple:
    done = subprocess.run([sys.executable, "-c", f"from {entry} import main; main()", *args], cwd=ROOT,
                          capture_output=True, env={**os.environ, **env})
    return done.returncode, done.stdout, done.stderr


@pytest.mark.parametrize("args", [["query", "gpu-targets"], ["query", "agreements", "--timeout", "0.000001"]])
def test_the_kg_command_takes_the_global_language_as_kg_cli_does(seeds_store, args):
    """$KG_LANG is the default of kg query's --lang, for its labels and its errors, in kg.launch as in kg.cli."""
    korean = run_kg("kg.launch", args, KG_LANG="ko")
    assert korean == run_kg("kg.cli", args, KG_LANG="ko") and re.search("[가-힣]", korean[2].decode())
