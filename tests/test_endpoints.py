"""SPARQL endpoints as they are configured in the wild (`--store sparql:URL`, `kg push`): no silent empty answers,
the server's own reason for a refusal, and no stale graphs after a push."""

from __future__ import annotations

import http.server
import json
import threading
import urllib.parse

import pytest
from click.testing import CliRunner
from conftest import MINIMAL
from oxigraph_server import OxigraphServer

from kg.cli import main
from kg.graph import build_dataset
from kg.seeds import load_seeds
from kg.stores import StoreSpec, save_dataset


def kg(*args):
    result = CliRunner().invoke(main, list(args))
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result


@pytest.fixture()
def separate_graphs(tmp_path):
    """`oxigraph serve` as it starts by default: named graphs hold the data, the default graph is empty."""
    location = tmp_path / "store"
    save_dataset(build_dataset(load_seeds(MINIMAL)), StoreSpec("oxigraph", str(location)))
    server = OxigraphServer(location, union=False).start()
    yield server
    server.stop()


@pytest.mark.parametrize("command", [["query", "gpu-allocations"], ["conflicts", "--strict"], ["stats"]])
def test_an_endpoint_without_a_union_default_graph_answers_as_the_default_store(separate_graphs, command):
    """kg names its graphs in each request (default-graph-uri, named-graph-uri), so the server's default graph,
    empty here, does not matter."""
    url = separate_graphs.base + "/query"
    local = kg(*command, "--seeds", str(MINIMAL))
    remote = kg(*command, "--store", "sparql:" + url)
    assert local.output.strip()
    assert (remote.exit_code, remote.output) == (local.exit_code, local.output)


def test_the_word_from_in_a_comment_or_a_string_does_not_take_kgs_graphs_away(separate_graphs):
    """Only a FROM clause makes kg send no dataset (the query's own would be overridden): not 'from' in a comment or
    a string, after which the server would read its empty default graph and answer no rows."""
    query = '# the agreements, read from them: \nSELECT (COUNT(*) AS ?n) ("FROM <x>" AS ?s) WHERE { ?a ?p ?o }'
    local = kg("query", "-e", query, "-f", "csv", "--seeds", str(MINIMAL))
    remote = kg("query", "-e", query, "-f", "csv", "--store", "sparql:" + separate_graphs.base + "/query")
    assert local.exit_code == 0 and local.output.splitlines()[1] != "0,FROM <x>"
    assert (remote.exit_code, remote.output) == (local.exit_code, local.output)

class _IgnoresDataset(http.server.BaseHTTPRequestHandler):
    """An endpoint that has one of kg's graphs but ignores default-graph-uri, its default graph empty."""

    def do_POST(self):
        form = urllib.parse.parse_qs(self.rfile.read(int(self.headers["Content-Length"])).decode())
        text = form["query"][0]
        if "SELECT DISTINCT ?g" in text:
            answer = {"head": {"vars": ["g"]}, "results": {"bindings": [
                {"g": {"type": "uri", "value": "https://w3id.org/ai-partnerships/graph/src-a"}}]}}
        elif "ASK" in text:
            answer = {"head": {}, "boolean": False}
        else:
            answer = {"head": {"vars": ["s"]}, "results": {"bindings": []}}
        body = json.dumps(answer).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/sparql-results+json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.mark.parametrize("command", [["query", "-e", "SELECT ?s { ?s ?p ?o }"], ["conflicts", "--strict"]])
def test_an_endpoint_that_ignores_the_protocols_dataset_is_an_error_not_an_empty_answer(command):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _IgnoresDataset)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}/sparql"
        result = kg(*command, "--store", "sparql:" + url)
    finally:
        server.shutdown()
        server.server_close()
    assert result.exit_code == 1, result.output
    assert result.output == (f"{url}: the endpoint ignores the SPARQL Protocol's default-graph-uri parameter, by "
                             "which kg reads its own graphs as one default graph, and the endpoint's default graph is "
                             "empty — "
                             "make the default graph the union of the named graphs (Oxigraph: --union-default-graph; "
                             "Fuseki: tdb2:unionDefaultGraph true)\n")


def test_an_empty_endpoint_is_an_error(tmp_path):
    server = OxigraphServer(tmp_path / "empty").start()
    try:
        url = server.base + "/query"
        result = kg("query", "gpu-allocations", "--store", "sparql:" + url)
    finally:
        server.stop()
    assert result.exit_code == 1
    assert result.output == (f"{url}: the endpoint holds none of kg's graphs (named graphs under "
                             "https://w3id.org/ai-partnerships/graph/) — upload the graph first with: kg push --to "
                             "UPDATE-URL (its SPARQL Update URL)\n")


def test_a_refused_query_shows_the_servers_own_reason():
    """Virtuoso answers HTTP 500 "SPARQL Request Failed" with the reason in the body (SQ200: No column lang)."""
    class Refuser(http.server.BaseHTTPRequestHandler):
        def do_POST(self):
            form = urllib.parse.parse_qs(self.rfile.read(int(self.headers["Content-Length"])).decode())
            if "ASK {" in form["query"][0]:  # (rdflib puts PREFIX lines first)
                body, status = json.dumps({"head": {}, "boolean": True}).encode(), 200
            else:
                body, status = b"Virtuoso 37000 Error SQ200: No column lang.\n\nSPARQL query:\n...", 500
            self.send_response(status)
            self.send_header("Content-Type", "application/sparql-results+json" if status == 200 else "text/plain")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Refuser)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}/sparql"
        result = kg("query", "-e", "SELECT * { ?s ?p ?o } LIMIT 1", "--store", "sparql:" + url)
    finally:
        server.shutdown()
        server.server_close()
    assert result.exit_code == 4, result.output
    assert "the endpoint refused the query (HTTP Error 500" in result.output
    assert "SQ200: No column lang" in result.output


def test_a_source_removed_from_the_seeds_is_removed_from_the_endpoint_by_the_next_push(tmp_path, minimal_copy):
    server = OxigraphServer(tmp_path / "store").start()
    try:
        graphs = ("SELECT ?g { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g")
        assert kg("push", "--seeds", str(minimal_copy), "--to", server.base + "/update").exit_code == 0
        before = kg("query", "-e", graphs, "--store", "sparql:" + server.base + "/query", "-f", "csv").output
        # drop one source's facts file and its entry in sources.yaml
        facts = sorted((minimal_copy / "facts").glob("*.yaml"))
        removed = facts[-1]
        source = next(line.split(":", 1)[1].strip() for line in removed.read_text().splitlines()
                      if line.startswith("source:"))
        removed.unlink()
        text = (minimal_copy / "sources.yaml").read_text()
        assert f"id: {source}" in text
        result = kg("build", "--seeds", str(minimal_copy), "-o", str(tmp_path / "g.nq"))
        if result.exit_code != 0:  # the source is still cited by an entity: keep its entry, only its facts go
            pytest.fail(result.output)
        assert kg("push", "--seeds", str(minimal_copy), "--to", server.base + "/update").exit_code == 0
        after = kg("query", "-e", graphs, "--store", "sparql:" + server.base + "/query", "-f", "csv").output
    finally:
        server.stop()
    assert f"graph/{source}" in before and f"graph/{source}" not in after
    assert len(after.splitlines()) == len(before.splitlines()) - 1


class _Guarded(http.server.BaseHTTPRequestHandler):
    """An update endpoint behind HTTP Basic authentication (user kg, password s3cret); records what it accepts."""

    accepted: list[str] = []

    def do_POST(self):
        import base64

        body = self.rfile.read(int(self.headers["Content-Length"])).decode()
        if self.headers.get("Authorization") != "Basic " + base64.b64encode(b"kg:s3cret").decode():
            self.send_response(401)
            self.send_header("WWW-Authenticate", 'Basic realm="sparql"')
            self.send_header("Content-Length", "13")
            self.end_headers()
            self.wfile.write(b"Unauthorized.")
            return
        self.accepted.append(body)
        self.send_response(200)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture()
def guarded():
    _Guarded.accepted = []
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Guarded)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_push_answers_the_servers_challenge_with_the_user_and_password(guarded, monkeypatch):
    monkeypatch.setenv("KG_PASSWORD", "s3cret")  # the password kept out of the URL (and the process list)
    result = kg("push", "--seeds", str(MINIMAL), "--to", f"http://kg@{guarded}/update")
    assert result.exit_code == 0, result.output
    assert "s3cret" not in result.output and "Pushing to http://kg:***@" in result.output
    assert any(body.startswith("INSERT DATA") for body in _Guarded.accepted)


def test_a_password_in_the_url_is_refused_and_never_printed(guarded):
    result = kg("push", "--seeds", str(MINIMAL), "--to", f"http://kg:s3cret@{guarded}/update")
    assert result.exit_code == 1
    assert "s3cret" not in result.output
    assert f"http://kg:***@{guarded}/update: a password in the URL shows in the process list" in result.output
    assert "$KG_PASSWORD" in result.output and "~/.netrc" in result.output
    assert _Guarded.accepted == []


def test_a_wrong_password_is_refused_and_never_printed(guarded, monkeypatch):
    monkeypatch.setenv("KG_PASSWORD", "wrong-pw")
    result = kg("push", "--seeds", str(MINIMAL), "--to", f"http://kg@{guarded}/update")
    assert result.exit_code == 1
    assert "wrong-pw" not in result.output
    assert f"http://kg:***@{guarded}/update: the endpoint refused the update (HTTP 401): Unauthorized." in result.output
    assert "kg answered the challenge as user kg with the password from $KG_PASSWORD" in result.output
    assert _Guarded.accepted == []


class _Capped(http.server.BaseHTTPRequestHandler):
    """An update endpoint that refuses an INSERT DATA of more than `cap` triples, as Debian's Virtuoso does
    ("SP031: The length of generated SQL text has exceeded 10000 lines of code"); records the sizes it takes."""

    cap = 300
    taken: list[int] = []

    def do_POST(self):
        body = self.rfile.read(int(self.headers["Content-Length"])).decode()
        triples = body.count(" .\n") if body.startswith("INSERT DATA") else 0
        status, answer = (400, b"SP031: The length of generated SQL text has exceeded 10000 lines of code") \
            if triples > self.cap else (200, b"")
        if status == 200 and triples:
            self.taken.append(triples)
        self.send_response(status)
        self.send_header("Content-Length", str(len(answer)))
        self.end_headers()
        self.wfile.write(answer)

    def log_message(self, *args):
        pass


def test_push_sends_a_batch_the_endpoint_refuses_again_in_halves(dataset):
    from kg.remote import push

    _Capped.taken = []
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Capped)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        result = push(dataset, f"http://127.0.0.1:{server.server_address[1]}/update", batch_size=1000)
    finally:
        server.shutdown()
        server.server_close()
    sizes = [len(g) for g in dataset.graphs() if len(g)]
    assert max(sizes) > 1000  # the seeds' biggest graphs go in several batches, each refused once at least
    assert max(_Capped.taken) <= _Capped.cap < 1000
    assert len(_Capped.taken) > sum(-(-n // 1000) for n in sizes)
    assert sum(_Capped.taken) == result.quads == sum(sizes)


def test_a_batch_refused_below_the_smallest_split_stops_the_push_with_the_servers_words():
    _Capped.cap = 0
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Capped)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        result = kg("push", "--seeds", str(MINIMAL), "--to", f"http://127.0.0.1:{server.server_address[1]}/update")
    finally:
        server.shutdown()
        server.server_close()
        _Capped.cap = 300
    assert result.exit_code == 1
    assert "the endpoint refused the update (HTTP 400): SP031: The length of generated SQL text" in result.output
    assert "push stopped in graph <https://w3id.org/ai-partnerships/graph/" in result.output
