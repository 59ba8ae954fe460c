"""kg.quick: `kg query NAME` answered from the cached build through pyoxigraph alone gives the bytes, messages and
limits kg.query gives, imports no rdflib, and leaves to kg.query whatever it cannot answer exactly."""

from __future__ import annotations

import csv
import os
import re
import subprocess
import sys

import pytest
from click.testing import CliRunner
from conftest import ROOT, SEEDS, kg_imports
from hypothesis import given
from hypothesis import strategies as st

from kg import api, plain, quick
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


@pytest.mark.parametrize("fmt", ["csv", "tsv", "table", "json"])
def test_kg_query_on_the_cached_build_finds_it_and_writes_decimals_without_re(seeds_store, fmt):
    """The default store's build is found (kg.cachedir), and an answer with decimals written in each format
    (plain.decimal_text, plain.compact, plain.quoted), without re, decimal, pathlib, typing or kg's messages: their
    imports were a third of such a `kg query`."""
    argv = ["query", "investments", "-f", fmt]
    kg_imports(argv, ("kg",), bare=True)  # (the query prepared and kept)
    printed, imported = kg_imports(argv, ("re", "decimal", "pathlib", "typing", "hashlib", "kg"), bare=True)
    assert printed == run_kg("kg.cli", argv)[1].decode().replace("\r\n", "\n")  # (kg_imports reads text)
    unwanted = {"re", "decimal", "pathlib", "typing", "hashlib", "kg.errors", "kg.cache", "kg.query.syntax"}
    assert not (unwanted - ({"re"} if fmt == "json" else set())) & set(imported)  # (the json module imports re)
    assert {"kg.quick", "kg.cachedir", "kg.quickwrite"} <= set(imported)
    if fmt in ("csv", "tsv"):
        lines = printed.splitlines()
        rows = [line.split("\t") for line in lines] if fmt == "tsv" else list(csv.reader(lines))
        amounts = [row[rows[0].index("?amount" if fmt == "tsv" else "amount")] for row in rows[1:]]
        assert any("." in amount and plain.decimal_text(amount) == amount for amount in amounts)  # decimals


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


XSD = "http://www.w3.org/2001/XMLSchema#"
#: Columns of terms as a store may hold them, read back from the engine's TSV by kg.quickwrite: each group one
#: column, so that a column of one kind goes kg.quickwrite's quick way (cut out of the joined text) and a mixed
#: column term by term. (name, terms, whether kg.quick answers: it leaves terms whose form it is not sure of)
TERMS = [
    ("iris", [("iri", "http://x/a"), ("iri", "http://x/b,c"), ("iri", "http://example.org/ü한")], True),
    ("strings", [("str", s) for s in ("plain", "with, comma", 'a "quote"', "line\nbreak", "tab\there", "cr\rhere",
                                      "back\\slash", "ctl \x00\x07\x7f", "\u0085\u2028 한국어", "emoji 😀", "",
                                      " spaced ", "\\u0041 is not an escape", "ends with \\")], True),
    ("plain strings", [("str", s) for s in ("a", "b", "with, comma", "", "한국어")], True),
    ("korean", [("lang", "하나", "ko"), ("lang", "둘, 셋", "ko"), ("lang", "", "ko")], True),
    ("languages", [("lang", "one", "en"), ("lang", "하나", "ko"), ("lang", "one", "en-us")], True),
    ("strings and languages", [("str", "one"), ("lang", "one", "en"), ("str", "two")], True),
    ("numbers", [("typed", v, XSD + t) for v, t in (("0", "integer"), ("-12", "integer"),
                                                   ("12345678901234567890", "integer"), ("1.5", "decimal"),
                                                   ("14500", "decimal"), ("-0.25", "decimal"))], True),
    ("other literals", [("typed", v, XSD + t) for v, t in (("true", "boolean"), ("0", "boolean"),
                                                          ("2025-10-31", "date"), ("2025", "gYear"),
                                                          ("7", "integer"))], True),
    ("blank nodes", [("blank", "b1"), ("iri", "http://x/a")], True),
    ("a double", [("typed", "1e3", XSD + "double")], False),
    ("a date and time", [("typed", "2025-10-31T09:00:00", XSD + "dateTime")], False),
    ("a datatype of its own", [("typed", "x", "http://x/type")], False),
]


def _term(spec):
    import pyoxigraph as ox

    kind, value, *rest = spec
    if kind == "iri":
        return ox.NamedNode(value)
    if kind == "blank":
        return ox.BlankNode(value)
    if kind == "lang":
        return ox.Literal(value, language=rest[0])
    return ox.Literal(value, datatype=ox.NamedNode(rest[0])) if kind == "typed" else ox.Literal(value)


@pytest.fixture(scope="module")
def terms_store(tmp_path_factory):
    """An on-disk Oxigraph store holding the TERMS, each group under a predicate of its own."""
    import pyoxigraph as ox

    folder = tmp_path_factory.mktemp("terms") / "store"
    store = ox.Store(str(folder))
    for group, (_, specs, _) in enumerate(TERMS):
        for i, spec in enumerate(specs):
            store.add(ox.Quad(ox.NamedNode(f"http://x/s{i:02d}"), ox.NamedNode(f"http://x/p{group}"), _term(spec),
                              ox.NamedNode("http://x/g")))
    store.flush()
    del store
    return folder


@pytest.mark.parametrize("fmt", quick.FORMATS)
@pytest.mark.parametrize(("group", "answers"), [(i, t[2]) for i, t in enumerate(TERMS)], ids=[t[0] for t in TERMS])
def test_the_engines_tsv_is_written_as_kg_query_writes_each_term(terms_store, group, answers, fmt):
    import pyoxigraph as ox

    from kg import quickwrite
    from kg.query.execute import run

    text = (f"SELECT ?s ?o ?unbound WHERE {{ ?s <http://x/p{group}> ?o OPTIONAL {{ ?s <http://x/none> ?unbound }} }}"
            " ORDER BY ?s")
    tsv = ox.Store.read_only(str(terms_store)).query(text, use_default_graph_as_union=True).serialize(
        format=ox.QueryResultsFormat.TSV)
    written = quickwrite.write(tsv, False, fmt)
    expected = run(open_dataset(f"oxigraph:{terms_store}", check=False), text)
    assert (written is not None) == answers
    if written is not None:
        assert written[0] == expected.serialize(fmt)
        assert written[1:3] == (len(expected), False)
        if fmt == "table":
            assert written[3] == expected.cut_cells()


def test_a_row_of_the_wrong_width_is_left_to_kg_query():
    from kg import quickwrite

    assert quickwrite.write(b"?a\t?b\n<http://x/a>\n", False, "csv") is None
    assert quickwrite.write(b"?a\n<http://x/a>", False, "csv") is None  # the last line cut off
    assert quickwrite.write(b"?a\n\"\\q\"\n", False, "csv") is None  # an escape N-Triples has not
    assert quickwrite.write(b"?a\n\"\\u00\"\n", False, "csv") is None
    assert quickwrite.write(b"?a\n\"\\uD800\"\n", False, "csv") is None
    assert quickwrite.write(b"?a\n\"\\U00110000\"\n", False, "csv") is None
    assert quickwrite.write(b"?a\n\"\\u0041\\U0001F600\"\n", False, "csv")[0] == "a\r\nA\U0001F600\r\n"


@pytest.mark.parametrize("group", ["iris", "plain strings", "korean"])
def test_a_column_of_one_kind_is_cut_out_of_its_text(terms_store, monkeypatch, group):
    """The quick way: no term of such a column is read one by one (the unbound column is)."""
    import pyoxigraph as ox

    from kg import quickwrite

    index = [t[0] for t in TERMS].index(group)
    text = f"SELECT ?s ?o WHERE {{ ?s <http://x/p{index}> ?o }} ORDER BY ?s"
    tsv = ox.Store.read_only(str(terms_store)).query(text, use_default_graph_as_union=True).serialize(
        format=ox.QueryResultsFormat.TSV)
    expected = quickwrite.write(tsv, False, "csv")
    monkeypatch.setattr(quickwrite, "_term", lambda cell: pytest.fail(f"{cell} read term by term"))
    assert quickwrite.write(tsv, False, "csv") == expected


@given(st.lists(st.text(alphabet="-0129\t٣a", min_size=1, max_size=4).filter(lambda c: "\t" not in c), min_size=1,
                max_size=4))
def test_a_column_of_integers_is_told_as_each_integer_is(cells):
    from kg import quickwrite

    assert quickwrite._integers("\t".join(cells)) == all(map(quickwrite._is_integer_form, cells))
