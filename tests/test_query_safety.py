"""SPARQL from users (`kg query -e/--file`, kg.sparql): nothing leaves the machine, nothing is changed, nothing
runs for ever, answers are capped.

A listener on 127.0.0.1 records every request it gets; queries name it in SERVICE, FROM, FROM NAMED and LOAD,
on Oxigraph (memory and on disk) and on rdflib's own engine, and it must get nothing — unless --allow-remote,
which shows the listener would have seen the request (both engines do call SERVICE URLs; rdflib's also fetches
FROM IRIs, files included).
"""

from __future__ import annotations

import http.server
import json
import sys
import threading
import time
import urllib.request
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import MINIMAL, ROOT
from listener import listening

from kg.cli import main
from kg.errors import QueryError
from kg.graph import build_dataset
from kg.query import _in_worker, list_queries, run_query, sparql
from kg.seeds import load_seeds
from kg.stores import StoreSpec, save_dataset

CARTESIAN = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
ANSWER = {"head": {"vars": ["s"]}, "results": {"bindings": [{"s": {"type": "uri", "value": "http://example.org/x"}}]}}


@pytest.fixture()
def listener():
    """Answers like a SPARQL endpoint (one row), so a client that got through works."""
    with listening("application/sparql-results+json", json.dumps(ANSWER).encode()) as it:
        yield it


@pytest.fixture(scope="module")
def disk_store(tmp_path_factory):
    path = tmp_path_factory.mktemp("store") / "oxigraph"
    save_dataset(build_dataset(load_seeds(MINIMAL)), StoreSpec("oxigraph", str(path)))
    return f"oxigraph:{path}"


@pytest.fixture(params=["memory", "rdflib", "disk"])
def store(request, disk_store):
    """--store values: Oxigraph in memory (built from the seeds), rdflib's engine, an on-disk Oxigraph store."""
    return disk_store if request.param == "disk" else request.param


def kg(*args):
    result = CliRunner().invoke(main, ["query", "--seeds", str(MINIMAL), *args])
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result


# --------------------------------------------------------------------------------------------------
# SERVICE, FROM, LOAD: no request leaves the machine
# --------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("template", [
    "SELECT * WHERE {{ SERVICE <{url}/sparql> {{ ?s ?p ?o }} }}",
    "select * where {{ service silent <{url}/sparql> {{ ?s ?p ?o }} }}",
    "SELECT * WHERE {{ ?f a kgo:MOU OPTIONAL {{ SERVICE <{url}/sparql> {{ ?f ?p ?o }} }} }}",
    "SELECT * WHERE {{ {{ SELECT ?s WHERE {{ SERVICE <{url}/sparql> {{ ?s ?p ?o }} }} }} }}",
    "PREFIX remote: <{url}/>\nSELECT * WHERE {{ SERVICE remote:sparql {{ ?s ?p ?o }} }}",
    "SELECT * WHERE {{ \\u0053ERVICE <{url}/sparql> {{ ?s ?p ?o }} }}",  # a codepoint escape is the keyword
    "# a comment first\nSELECT * WHERE {{ ?s ?p ?o FILTER(?o != \"x\") SERVICE <{url}/sparql> {{ ?s ?p ?o }} }}",
])
def test_service_is_refused_and_nothing_is_sent(store, listener, template):
    url, hits = listener
    result = kg("-e", template.format(url=url), "--store", store)
    assert result.exit_code == 4, result.output
    assert f"<-e>: the query uses SERVICE <{url}/sparql>: kg query does not send requests to other servers — " \
           "pass --allow-remote if you mean it" in result.output
    assert hits == []


@pytest.mark.parametrize("template", [
    "SELECT ?o WHERE {{ kg:acme rdfs:label ?o }} # SERVICE <{url}/sparql> {{ ?s ?p ?o }}",
    "SELECT ?o WHERE {{ kg:acme rdfs:label ?o FILTER(?o != \"SERVICE <{url}/sparql> {{ }} FROM <{url}>\") }}",
])
def test_service_in_a_comment_or_a_string_is_not_a_service(store, listener, template):
    url, hits = listener
    result = kg("-e", template.format(url=url), "--store", store, "-f", "csv")
    assert result.exit_code == 0, result.output
    assert sorted(result.output.splitlines()[1:]) == ["Acme Electronics", "애크미전자"]
    assert hits == []


@pytest.mark.parametrize("clause", ["FROM <{url}/data.ttl>", "FROM NAMED <{url}/data.ttl>",
                                    "FROM <file:///etc/hostname>", "FROM <{file}>"])
def test_from_a_graph_the_dataset_lacks_is_refused(store, listener, clause, tmp_path):
    url, hits = listener
    secret = tmp_path / "secret.ttl"
    secret.write_text("<http://example.org/secret> <http://example.org/is> \"TOP-SECRET\" .\n", encoding="utf-8")
    iri = clause.format(url=url, file=secret.as_uri()).split(" ")[-1]
    query = "SELECT * " + clause.format(url=url, file=secret.as_uri()) + " WHERE { ?s ?p ?o }"
    result = kg("-e", query, "--store", store)
    assert result.exit_code == 4, result.output
    keyword = " ".join(clause.split(" ")[:-1])
    assert f"<-e>: the query uses {keyword} {iri}, which is not a graph of the dataset: kg query reads only the " \
           "graph it was given and fetches nothing" in result.output
    assert "TOP-SECRET" not in result.output
    assert hits == []


def test_from_a_graph_of_the_dataset_is_allowed_and_fetches_nothing(store, listener):
    """FROM / FROM NAMED of the dataset's own graphs run (and read only those graphs: test_stores_agree)."""
    url, hits = listener
    graph = "<https://w3id.org/ai-partnerships/graph/src-b>"
    for query in (f"SELECT DISTINCT ?c FROM {graph} WHERE {{ ?c prov:entity kg:src-b }}",
                  f"SELECT DISTINCT ?c FROM NAMED {graph} WHERE {{ GRAPH ?g {{ ?c prov:entity kg:src-b }} }}"):
        result = kg("-e", query, "--store", store, "-f", "csv")
        assert result.exit_code == 0, result.output
        assert "https://w3id.org/ai-partnerships/id/share-acme-b.src-b" in result.output.splitlines()
    assert hits == []


@pytest.mark.parametrize("update", [
    "LOAD <{url}/data.ttl>",
    "LOAD <{url}/data.ttl> INTO GRAPH <https://w3id.org/ai-partnerships/graph/src-a>",
    "INSERT DATA {{ <http://example.org/a> <http://example.org/b> <http://example.org/c> }}",
    "DELETE WHERE {{ ?s ?p ?o }}",
    "DROP ALL",
    "CLEAR GRAPH <https://w3id.org/ai-partnerships/graph/src-a>",
    "# SERVICE <{url}> in a comment\nINSERT {{ ?s ?p ?o }} WHERE {{ SERVICE <{url}/sparql> {{ ?s ?p ?o }} }}",
])
def test_updates_are_always_refused(store, listener, update):
    url, hits = listener
    before = kg("-e", "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", "--store", store, "-f", "csv").output
    for extra in ([], ["--allow-remote"]):
        result = kg("-e", update.format(url=url), "--store", store, *extra)
        assert result.exit_code == 4, result.output
        assert "<-e>: this is a SPARQL Update (LOAD, INSERT, DELETE, DROP, …), and kg query only reads — updates " \
               "are always refused" in result.output
    assert kg("-e", "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", "--store", store, "-f", "csv").output == before
    assert hits == []


@pytest.mark.parametrize("engine", ["memory", "rdflib"])
def test_with_allow_remote_the_engines_do_call_the_url(engine, listener):
    """The listener would see a request: the refusal above is what stops it. (rdflib's engine also fetches
    FROM IRIs, Oxigraph looks them up among its graphs.)"""
    url, hits = listener
    result = kg("-e", f"SELECT * WHERE {{ SERVICE <{url}/sparql> {{ ?s ?p ?o }} }}", "--store", engine,
                "--allow-remote", "-f", "csv")
    assert result.exit_code == 0, result.output
    assert "http://example.org/x" in result.output  # the listener's one row
    assert [path.split("?")[0] for _, path in hits] == ["/sparql"]
    if engine == "rdflib":
        kg("-e", f"SELECT * FROM <{url}/data.ttl> WHERE {{ ?s ?p ?o }}", "--store", engine, "--allow-remote")
        assert "/data.ttl" in [path for _, path in hits]


def test_the_query_worker_opens_no_socket_even_if_asked(listener):
    """A second wall behind the check: the worker process that runs a query has no network (an audit hook)."""
    url, hits = listener

    def fetch():
        return urllib.request.urlopen(url + "/direct", timeout=5).read()

    with pytest.raises(RuntimeError, match="the query worker has no network access"):
        _in_worker(fetch, 10, "<test>", offline=True)
    assert hits == []


def test_a_sparql_store_gets_the_query_and_nobody_else_does(listener):
    """--store sparql:URL sends the user's query to the URL the user named, and only there."""
    url, hits = listener
    result = kg("-e", "SELECT ?s WHERE { ?s ?p ?o }", "--store", f"sparql:{url}/query", "-f", "csv")
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[1] == "http://example.org/x"
    assert {path.split("?")[0] for _, path in hits} == {"/query"}
    hits.clear()
    refused = kg("-e", f"SELECT * WHERE {{ SERVICE <{url}/other> {{ ?s ?p ?o }} }}", "--store", f"sparql:{url}/query")
    assert refused.exit_code == 4 and "uses SERVICE" in refused.output
    assert hits == []  # refused before anything is sent, even to the named endpoint


def test_the_python_api_refuses_too(listener):
    url, hits = listener
    ds = build_dataset(load_seeds(MINIMAL), store="Oxigraph")
    with pytest.raises(QueryError, match="uses SERVICE"):
        sparql(ds, f"SELECT * WHERE {{ SERVICE <{url}/sparql> {{ ?s ?p ?o }} }}")
    assert sparql(ds, f"SELECT * WHERE {{ SERVICE <{url}/sparql> {{ ?s ?p ?o }} }}", allow_remote=True).rows
    assert len(hits) == 1


# --------------------------------------------------------------------------------------------------
# Time limit
# --------------------------------------------------------------------------------------------------

def children() -> list[str]:
    """The processes this one started and has not reaped (Linux): a query's worker must not stay among them."""
    return [pid for task in Path("/proc/self/task").iterdir() for pid in (task / "children").read_text().split()]


@pytest.mark.parametrize("engine", ["memory", "rdflib", "disk"])
def test_a_runaway_query_is_stopped(engine, disk_store):
    store = disk_store if engine == "disk" else engine
    started = time.monotonic()
    result = kg("-e", CARTESIAN, "--store", store, "--timeout", "1")
    elapsed = time.monotonic() - started
    assert result.exit_code == 5, result.output  # stopped by a limit (kg.errors.EXIT_CODES)
    assert result.output.startswith("<-e>: the query ran longer than 1 s and was stopped — narrow it down")
    assert "--timeout SECONDS" in result.output
    assert elapsed < 1 + (3 if engine == "rdflib" else 1.5)  # rdflib's store is built from the seeds first
    assert children() == []  # the worker is gone, reaped
    # the same process queries on afterwards
    assert kg("-e", "ASK { ?s ?p ?o }", "--store", store).output == "true\n"


def test_a_long_property_path_on_a_large_graph_is_stopped():
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from generate import synthetic_seeds

    ds = build_dataset(synthetic_seeds(300), store="Oxigraph")  # 22,582 triples, 300 organisations
    path = "SELECT (COUNT(*) AS ?n) WHERE { ?a (kgo:party/^kgo:party)* ?b . ?b kgo:party ?c }"  # about 10 s
    started = time.monotonic()
    with pytest.raises(QueryError, match=r"the query ran longer than 1 s and was stopped"):
        sparql(ds, path, timeout=1)
    assert time.monotonic() - started < 2
    assert children() == []


@pytest.mark.parametrize("name", [q.name for q in list_queries()])
def test_named_queries_answer_the_same_in_the_worker(name):
    ds = _minimal_oxigraph()
    direct = run_query(ds, name)
    limited = run_query(ds, name, timeout=30, max_rows=10_000)
    assert (limited.kind, limited.vars, limited.terms, limited.boolean, limited.truncated) == \
           (direct.kind, direct.vars, direct.terms, direct.boolean, False)


_MINIMAL = {}


def _minimal_oxigraph():
    if "ds" not in _MINIMAL:
        _MINIMAL["ds"] = build_dataset(load_seeds(MINIMAL), store="Oxigraph")
    return _MINIMAL["ds"]


def test_errors_in_the_worker_are_the_same_as_in_process():
    text = "SELECT ?s WHERE {\n  ?s ?p ?o .\n  ?s kgo:gpuCount ?n ?x\n}"
    errors = []
    for timeout in (None, 10):
        with pytest.raises(QueryError) as info:
            sparql(_minimal_oxigraph(), text, timeout=timeout)
        errors.append(info.value.lines)
    assert errors[0] == errors[1]
    assert errors[0][0].startswith("<query>:4:2: SPARQL syntax error: ") and errors[0][2] == "     ^"


# --------------------------------------------------------------------------------------------------
# Result cap
# --------------------------------------------------------------------------------------------------

def test_rows_are_capped_with_a_message_on_stderr(store):
    everything = kg("-e", "SELECT ?s ?p ?o WHERE { ?s ?p ?o }", "--store", store, "--max-rows", "0", "-f", "csv")
    total = len(everything.output.splitlines()) - 1
    assert total > 400
    runner = CliRunner()
    capped = runner.invoke(main, ["query", "--seeds", str(MINIMAL), "--store", store, "--max-rows", "25", "-f",
                                  "csv", "-e", "SELECT ?s ?p ?o WHERE { ?s ?p ?o }"])
    assert capped.exit_code == 0
    assert len(capped.stdout.splitlines()) - 1 == 25
    assert capped.stderr == ("the answer has more than 25 rows; only the first 25 are shown — narrow the query, "
                             "or raise --max-rows (0 for all)\n")
    exact = runner.invoke(main, ["query", "--seeds", str(MINIMAL), "--store", store, "--max-rows", str(total),
                                 "-f", "csv", "-e", "SELECT ?s ?p ?o WHERE { ?s ?p ?o }"])
    assert exact.stderr == "" and exact.stdout == everything.output


def test_construct_is_capped_too():
    result = sparql(_minimal_oxigraph(), "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", max_rows=10, timeout=10)
    assert (result.kind, len(result.graph), result.truncated) == ("CONSTRUCT", 10, True)


def test_option_names_are_not_parameters():
    result = kg("-e", "SELECT ?timeout WHERE { ?s kgo:gpuCount ?timeout }", "-p", "timeout=5")
    assert result.exit_code == 4
    assert "--param timeout: that name belongs to an option of kg query — rename the query's variable ?timeout" \
           in result.output
    result = kg("-e", "SELECT ?l WHERE { ?s rdfs:label ?l }", "-p", "lang=ko")
    assert result.exit_code == 4 and "'lang' is set with --lang" in result.output


def test_a_sparql_endpoint_that_never_answers_is_given_up_on_at_the_time_limit():
    """--store sparql:URL: the worker waiting on the endpoint is stopped like a runaway query."""
    stop = threading.Event()

    class Silent(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            stop.wait(30)  # bounded: the test sets it when done

        do_POST = do_GET

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Silent)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
    try:
        started = time.monotonic()
        result = kg("-e", "SELECT * WHERE { ?s ?p ?o }", "--store",
                    f"sparql:http://127.0.0.1:{server.server_address[1]}/query", "--timeout", "1")
        assert result.exit_code == 5
        assert result.output.startswith("<-e>: the query ran longer than 1 s and was stopped")
        assert time.monotonic() - started < 3
    finally:
        stop.set()
        server.shutdown()
        server.server_close()
