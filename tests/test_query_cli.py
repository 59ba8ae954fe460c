"""`kg query` and `kg queries` as a user runs them: every named query in every output format, parsed back;
parameters, languages, errors. Most runs read an on-disk Oxigraph store built once (`--store`), as a user
does after `kg build --store`; a few build from the seeds as `kg query` does by default, and one set goes
to a SPARQL endpoint (Oxigraph's server) over HTTP."""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest
from click.testing import CliRunner
from conftest import ROOT
from oxigraph_server import OxigraphServer
from rdflib import Graph
from rdflib.plugins.sparql.results.tsvresults import TSVResultParser
from test_query import ALLOCATIONS

from kg.cli import main
from kg.graph import build_dataset
from kg.query import get_query, list_queries
from kg.stores import StoreSpec, save_dataset

NAMES = [q.name for q in list_queries()]
SPARQL_RESULTS = "{http://www.w3.org/2005/sparql-results#}"


@pytest.fixture(scope="module")
def store(seeds, tmp_path_factory):
    """--store oxigraph:PATH holding the seed graph."""
    path = tmp_path_factory.mktemp("store") / "oxigraph"
    save_dataset(build_dataset(seeds), StoreSpec("oxigraph", str(path)))
    return f"oxigraph:{path}"


@pytest.fixture(scope="module")
def endpoint(store):
    """A read-only Oxigraph server over the same store: --store sparql:URL."""
    server = OxigraphServer(Path(store.split(":", 1)[1]), read_only=True).start()
    yield f"sparql:{server.base}/query"
    server.stop()


def kg(*args, store=None):
    result = CliRunner().invoke(main, list(args) + (["--store", store] if store else []))
    assert "Traceback" not in result.output
    return result


def columns(name: str) -> list[str]:
    """The variables the query file selects, read from its SELECT clause: each ?var outside brackets, and
    the ?var after AS of each (expression AS ?var)."""
    clause = re.search(r"^SELECT (.+?)^WHERE\b", get_query(name).text, re.M | re.S)[1]
    found, depth, group = [], 0, ""
    for token in re.findall(r"[()]|\?\w+|[^()?]+", clause):
        if token == "(":
            depth, group = depth + 1, group + token
        elif token == ")":
            depth, group = depth - 1, group + token
            if depth == 0:
                found.append(re.findall(r"\bAS\s+\?(\w+)", group)[-1])
                group = ""
        elif depth:
            group += token
        elif token.startswith("?"):
            found.append(token[1:])
    return found


# --------------------------------------------------------------------------------------------------
# kg queries
# --------------------------------------------------------------------------------------------------

def test_queries_lists_every_named_query_with_title_and_parameters():
    result = kg("queries")
    assert result.exit_code == 0
    listed = re.findall(r"^([a-z][\w-]+)  +(\S.*)$", result.stdout, re.M)
    assert len(listed) >= 14
    assert [name for name, _ in listed] == NAMES
    assert ("gpu-allocations", "GPU allocations: how many GPUs a supplier gives to whom, according to which "
                               "source  (Q1)") in listed
    assert "--param org=kg:nvidia  the supplier" in result.stdout
    assert "--param source=(optional)" in result.stdout
    assert "--param a=kg:hyundai-motor-group" in result.stdout


def test_queries_name_shows_the_header_and_the_sparql():
    result = kg("queries", "gpu-targets")
    assert result.exit_code == 0
    assert result.stdout.startswith("gpu-targets: GPU targets: the GPU goals set earlier, and by which year\n")
    assert "  org = kg:korea-government  — who set the targets" in result.stdout
    assert "SELECT ?year ?gpus ?qualifier ?source ?paragraphs ?target" in result.stdout


def test_queries_unknown_name():
    result = kg("queries", "targets")
    assert result.exit_code == 4
    assert result.stderr.startswith("no query named 'targets' — did you mean gpu-targets")


# --------------------------------------------------------------------------------------------------
# Every named query in every format
# --------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("name", NAMES)
def test_every_named_query_in_every_format(name, store):
    cols = columns(name)
    csv_out = kg("query", name, "--format", "csv", store=store)
    assert csv_out.exit_code == 0, csv_out.output
    rows = list(csv.reader(io.StringIO(csv_out.stdout, newline="")))
    assert rows[0] == cols
    data = rows[1:]
    assert data and all(len(row) == len(cols) for row in data)

    tsv_out = kg("query", name, "--format", "tsv", store=store).stdout
    assert tsv_out.splitlines()[0].split("\t") == [f"?{c}" for c in cols]
    parsed = TSVResultParser().parse(io.StringIO(tsv_out))
    assert [str(v) for v in parsed.vars] == cols and len(parsed.bindings) == len(data)

    doc = json.loads(kg("query", name, "--format", "json", store=store).stdout)
    assert doc["head"]["vars"] == cols and len(doc["results"]["bindings"]) == len(data)
    for binding in doc["results"]["bindings"]:
        assert set(binding) <= set(cols)
        assert all(v["type"] in ("uri", "literal", "bnode") and "value" in v for v in binding.values())

    root = ET.fromstring(kg("query", name, "--format", "xml", store=store).stdout_bytes)
    assert root.tag == f"{SPARQL_RESULTS}sparql"
    assert [v.get("name") for v in root.iter(f"{SPARQL_RESULTS}variable")] == cols
    assert len(list(root.iter(f"{SPARQL_RESULTS}result"))) == len(data)

    table = kg("query", name, store=store)
    lines = table.stdout.splitlines()
    assert lines[0].split() == cols and set(lines[1]) <= {"-", " "}
    assert len(lines) == len(data) + 2
    assert table.stderr.startswith(f"{len(data)} row")


def test_gpu_allocations_csv_from_the_seeds():
    """The default path: the seeds built into Oxigraph in memory; recipient, count, model and source."""
    result = kg("query", "gpu-allocations", "--format", "csv")
    assert result.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(result.stdout, newline="")))
    short = lambda iri: iri.rsplit("/", 1)[-1] if iri else None  # noqa: E731
    got = [(short(r["source"]), short(r["recipient"]), int(r["gpus"]), r["qualifier"], r["modelLabel"] or None,
            short(r["partOf"])) for r in rows]
    assert got == ALLOCATIONS
    assert {"recipient": "https://w3id.org/ai-partnerships/id/naver-cloud", "recipientLabel": "Naver Cloud",
            "gpus": "60000", "modelLabel": "NVIDIA Blackwell",
            "source": "https://w3id.org/ai-partnerships/id/asiae-20251103"}.items() <= rows[1].items()


def test_lang_ko_gives_korean_labels(store):
    result = kg("query", "people", "--param", "org=nvidia", "--lang", "ko", store=store)
    assert result.exit_code == 0
    assert "젠슨 황" in result.stdout and "최고경영자" in result.stdout and "엔비디아" in result.stdout
    assert "Jensen Huang" not in result.stdout
    english = kg("query", "people", "--param", "org=nvidia", store=store)
    assert "Jensen Huang" in english.stdout and "젠슨 황" not in english.stdout


def test_parameter_forms_give_the_same_answer(store):
    outputs = {kg("query", "agreements", "-p", f"org={value}", "-f", "csv", store=store).stdout
               for value in ("naver-cloud", "kg:naver-cloud", "https://w3id.org/ai-partnerships/id/naver-cloud")}
    assert len(outputs) == 1
    assert "mou-naver-cloud-nvidia" in outputs.pop()


def test_every_named_query_gives_the_same_answer_from_a_sparql_endpoint(store, endpoint):
    """The queries are plain SPARQL 1.1: sent to an endpoint over HTTP, they answer the same."""
    for name in NAMES:
        local = kg("query", name, "-f", "json", "--lang", "ko", store=store)
        remote = kg("query", name, "-f", "json", "--lang", "ko", store=endpoint)
        assert remote.exit_code == 0, remote.output
        assert json.loads(remote.stdout) == json.loads(local.stdout), name


def test_syntax_error_from_an_endpoint_still_has_line_and_column(endpoint):
    result = kg("query", "-e", "SELECT ?s WHERE {\n  ?s wdt:P31 ?o\n}", store=endpoint)
    assert result.exit_code == 4
    assert result.stderr.startswith("<-e>:2:6: SPARQL syntax error: unknown prefix 'wdt:'")


# --------------------------------------------------------------------------------------------------
# Ad hoc queries
# --------------------------------------------------------------------------------------------------

def test_expression_with_predeclared_prefixes(store):
    result = kg("query", "-e", 'SELECT ?l WHERE { kg:nvidia rdfs:label ?l FILTER(LANG(?l) = "ko") }', "-f", "json",
                store=store)
    assert result.exit_code == 0
    assert json.loads(result.stdout)["results"]["bindings"] == [
        {"l": {"type": "literal", "value": "엔비디아", "xml:lang": "ko"}}]


def test_query_file_with_parameter(store, tmp_path):
    path = tmp_path / "mine.rq"
    path.write_text("# the parties of an agreement\nSELECT ?party WHERE { ?agreement kgo:party ?party }\n"
                    "ORDER BY ?party\n", encoding="utf-8")
    result = kg("query", "--file", str(path), "-p", "agreement=mou-hyundai-nvidia-msit", "-f", "tsv", store=store)
    assert result.exit_code == 0
    assert result.stdout == ("?party\n<https://w3id.org/ai-partnerships/id/hyundai-motor-group>\n"
                             "<https://w3id.org/ai-partnerships/id/msit>\n<https://w3id.org/ai-partnerships/id/nvidia>\n")


def test_construct_prints_turtle(store):
    result = kg("query", "-e", "CONSTRUCT { ?a kgo:party kg:msit } WHERE { ?a kgo:party kg:msit }", store=store)
    assert result.exit_code == 0
    g = Graph().parse(data=result.stdout, format="turtle")
    assert {str(s).rsplit("/", 1)[1] for s in g.subjects()} == {"mou-hyundai-nvidia-msit"}


def test_ask(store):
    result = kg("query", "-e", "ASK { kg:mou-ai-ran kgo:party kg:yonsei-university }", store=store)
    assert (result.exit_code, result.stdout) == (0, "true\n")


# --------------------------------------------------------------------------------------------------
# Safety and errors: one message, non-zero exit, no traceback
# --------------------------------------------------------------------------------------------------

def test_injection_in_an_entity_parameter_is_refused(store):
    result = kg("query", "agreements", "--param", "org=x> . ?s ?p ?o } #", store=store)
    assert result.exit_code == 4
    assert result.stdout == ""
    assert result.stderr.startswith("parameter org: unknown entity 'x> . ?s ?p ?o } #' — ")


def test_injection_in_an_ad_hoc_parameter_is_a_literal(store):
    result = kg("query", "-e", "SELECT ?x WHERE {}", "--param", "x=x> . ?s ?p ?o } #", "-f", "csv", store=store)
    assert result.exit_code == 0
    assert result.stdout_bytes == b"x\r\nx> . ?s ?p ?o } #\r\n"  # W3C CSV: CRLF line ends


def test_syntax_error_shows_line_and_column(store):
    result = kg("query", "-e", "SELECT ?s WHERE {\n  ?s kgo:party\n}", store=store)
    assert result.exit_code == 4
    first, line, caret = result.stderr.splitlines()
    assert re.fullmatch(r"<-e>:3:\d+: SPARQL syntax error: .+ — fix the query", first)
    assert line == "    }" and caret.strip() == "^"


def test_syntax_error_in_a_file_points_into_the_file(store, tmp_path):
    path = tmp_path / "bad.rq"
    path.write_text("# my query\nSELECT ?x\nWHERE { ?x wdt:P31 ?y }\n", encoding="utf-8")
    result = kg("query", "--file", str(path), store=store)
    assert result.exit_code == 4
    assert result.stderr.startswith(f"{path}:3:12: SPARQL syntax error: unknown prefix 'wdt:' — declare it")


def test_one_query_is_needed():
    for args in ([], ["agreements", "-e", "ASK {}"]):
        result = kg("query", *args)
        assert result.exit_code == 4
        assert result.stderr == "give one of: a query NAME (kg queries lists them), --file FILE or -e 'SELECT …'\n"


def test_bad_parameter_options(store):
    assert kg("query", "agreements", "-p", "org", store=store).stderr.startswith("--param 'org': write NAME=VALUE")
    assert "given twice" in kg("query", "agreements", "-p", "org=kt", "-p", "org=kt", store=store).stderr
    assert kg("query", "agreements", "-p", "who=kt", store=store).stderr == (
        "agreements has no parameter 'who' — its parameters: org\n")
    assert "returns a table, not a graph" in kg("query", "sources", "-f", "turtle", store=store).stderr


def test_unknown_query_name_before_any_graph_is_read(tmp_path):
    result = kg("query", "conflicts", "--seeds", str(tmp_path / "missing"))
    assert result.exit_code == 4
    assert result.stderr == "no query named 'conflicts' — did you mean conflicting-figures?\n"


def test_query_a_built_graph_file(tmp_path):
    out = tmp_path / "graph.nq"
    assert kg("build", "-o", str(out), "--no-validate").exit_code == 0
    result = kg("query", "allocation-sums", "--graph", str(out), "-f", "csv")
    assert result.exit_code == 0
    assert result.stdout.splitlines()[3].endswith(",260000,at least,2,250000,240000.0,260000.0,true,contradiction")


def test_console_script_gives_no_traceback():
    proc = subprocess.run([sys.executable, "-m", "kg.cli", "query", "-e", "SELEC ?x"], capture_output=True,
                          text=True, cwd=ROOT)
    assert proc.returncode == 4
    assert proc.stderr.startswith("<-e>:1:") and "Traceback" not in proc.stderr
