"""kg with the triplestores people run, each started once per session on loopback in its default configuration:
Oxigraph server (no union default graph) and Virtuoso 7 from Debian (system graphs in its default graph, updates
only through the authenticated /sparql-auth). `kg push` uploads exact counts, a re-push duplicates nothing, a
source removed from the seeds leaves no graph behind, and every named query and command answers through
`--store sparql:URL` exactly as on the default store."""

from __future__ import annotations

import json
import shutil
import urllib.parse
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import MINIMAL, SEEDS
from oxigraph_server import OxigraphServer
from virtuoso_server import VirtuosoServer

from kg.cli import main
from kg.ontology import GRAPH
from kg.query import list_queries
from kg.rdf import quads
from kg.stores import open_dataset


@dataclass
class Endpoint:
    name: str
    query_url: str
    update_url: str
    password: str | None = None  # given through $KG_PASSWORD, never in the URL

    @property
    def store(self) -> str:
        return "sparql:" + self.query_url


@pytest.fixture(scope="session")
def oxigraph_endpoint(tmp_path_factory):
    server = OxigraphServer(tmp_path_factory.mktemp("oxigraph") / "store", union=False).start()
    yield Endpoint("oxigraph", server.base + "/query", server.base + "/update")
    server.stop()


@pytest.fixture(scope="session")
def virtuoso_endpoint(tmp_path_factory):
    server = VirtuosoServer(tmp_path_factory.mktemp("virtuoso")).start()
    host = server.base.split("://", 1)[1]
    yield Endpoint("virtuoso", server.base + "/sparql", f"http://{server.user}@{host}/sparql-auth", server.password)
    server.stop()


SERVERS = ("oxigraph", "virtuoso")


def kg(*args, password: str | None = None):
    result = CliRunner().invoke(main, [str(a) for a in args], env={"KG_PASSWORD": password} if password else None)
    assert "Traceback" not in result.output, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result


def push(endpoint: Endpoint, seeds: Path):
    result = kg("push", "--seeds", seeds, "--to", endpoint.update_url, password=endpoint.password)
    assert result.exit_code == 0, result.output
    if endpoint.password:
        assert endpoint.password not in result.output
    return result


def server_counts(endpoint: Endpoint) -> dict[str, int]:
    """Quads per graph under kg's graph namespace (scratch graphs included), asked of the server itself: not
    through kg's sparql store, which reads only the graphs it knows."""
    text = (f'SELECT ?g (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?s ?p ?o }} FILTER(STRSTARTS(STR(?g), "{GRAPH}")) }} '
            "GROUP BY ?g")
    request = urllib.request.Request(endpoint.query_url, data=urllib.parse.urlencode({"query": text}).encode(),
                                     headers={"Accept": "application/sparql-results+json"})
    with urllib.request.urlopen(request, timeout=60) as response:
        rows = json.loads(response.read())["results"]["bindings"]
    return {row["g"]["value"]: int(row["n"]["value"]) for row in rows}


def local_counts(seeds: Path) -> dict[str, int]:
    """Quads per graph of the graph built from the seeds in memory (the default store)."""
    counts: dict[str, int] = {}
    for *_, g in quads(open_dataset("memory", seeds)):
        counts[str(g)] = counts.get(str(g), 0) + 1
    return counts


@pytest.fixture(scope="session")
def full_counts() -> dict[str, int]:
    return local_counts(SEEDS)


_pushed: set[str] = set()


def loaded(server: str, request) -> Endpoint:
    """The session's server of that name, with the seeds pushed once (a test that pushes something else puts them
    back)."""
    endpoint = request.getfixturevalue(f"{server}_endpoint")
    if server not in _pushed:
        counts = request.getfixturevalue("full_counts")
        result = push(endpoint, SEEDS)
        assert f"Pushed {sum(counts.values())} quads in {len(counts)} named graphs" in result.output
        _pushed.add(server)
    return endpoint


# --------------------------------------------------------------------------------------------------
# Push: exact counts, idempotent, stale graphs removed
# --------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("server", SERVERS)
def test_push_uploads_every_graph_exactly(server, full_counts, request):
    endpoint = loaded(server, request)
    assert len(full_counts) > 5 and sum(full_counts.values()) > 3000
    assert server_counts(endpoint) == full_counts


@pytest.mark.parametrize("server", SERVERS)
def test_a_second_push_duplicates_nothing(server, full_counts, request):
    endpoint = loaded(server, request)
    push(endpoint, SEEDS)
    assert server_counts(endpoint) == full_counts
    total = kg("query", "-e", "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }", "--store", endpoint.store,
               "-f", "csv")
    assert total.output.splitlines() == ["n", str(sum(full_counts.values()))]


@pytest.mark.parametrize("server", SERVERS)
def test_a_source_removed_from_the_seeds_loses_its_graph_on_the_next_push(server, full_counts, tmp_path, request):
    endpoint = loaded(server, request)
    copy = tmp_path / "seeds"
    shutil.copytree(MINIMAL, copy)
    try:
        push(endpoint, copy)
        before = local_counts(copy)
        assert server_counts(endpoint) == before  # the seeds' graphs that the copy does not have are gone
        removed = sorted((copy / "facts").glob("*.yaml"))[-1]
        source = next(line.split(":", 1)[1].strip() for line in removed.read_text().splitlines()
                      if line.startswith("source:"))
        removed.unlink()
        after = local_counts(copy)
        assert f"{GRAPH}{source}" in before and f"{GRAPH}{source}" not in after
        push(endpoint, copy)
        assert server_counts(endpoint) == after
    finally:
        push(endpoint, SEEDS)
    assert server_counts(endpoint) == full_counts


@pytest.mark.parametrize("server", SERVERS)
def test_an_endpoint_without_kg_graphs_is_an_error_not_an_empty_answer(server, tmp_path):
    """A server of its own that holds none of kg's graphs (Virtuoso still holds its system graphs): a named query
    and `kg conflicts --strict` fail with what to do, instead of an empty table or "no disagreements". (Not the
    session's server emptied: after a DELETE of all kg's graphs and a re-push, Virtuoso answered two named queries
    otherwise in one test session, VIRTUOSO-NOTES.md 3.9.)"""
    if server == "oxigraph":
        empty = OxigraphServer(tmp_path / "store", union=False).start()
        url = empty.base + "/query"
    else:
        empty = VirtuosoServer(tmp_path).start()
        url = empty.base + "/sparql"
    try:
        for command in (("query", "gpu-allocations"), ("conflicts", "--strict")):
            result = kg(*command, "--store", "sparql:" + url)
            assert result.exit_code == 1, result.output
            assert result.output == (f"{url}: the endpoint holds none of kg's graphs (named graphs under {GRAPH}) — "
                                     "upload the graph first with: kg push --to UPDATE-URL (its SPARQL Update URL)\n")
    finally:
        empty.stop()


# --------------------------------------------------------------------------------------------------
# The same answers through the endpoint as on the default store
# --------------------------------------------------------------------------------------------------

_default_answers: dict[tuple[str, ...], tuple[int, str]] = {}


def on_default_store(*args: str) -> tuple[int, str]:
    """A command's exit code and output on the default store (computed once per session)."""
    if args not in _default_answers:
        result = kg(*args, "--seeds", SEEDS)
        _default_answers[args] = (result.exit_code, result.output)
    return _default_answers[args]


COMMANDS = [("stats",), ("stats", "--lang", "ko", "--include", "people,products,projects"),
            ("stats", "--source", "newsis-20251101", "--kind", "mou,cooperation"),
            ("explain", "nvidia"), ("explain", "nvidia", "--lang", "ko", "-f", "json"),
            ("explain", "엔비디아"), ("explain", "--source", "news1-20251031"),
            ("conflicts",), ("conflicts", "--strict"), ("conflicts", "--lang", "ko", "-f", "json"),
            ("path", "lg-uplus", "hyundai-motor-group"),
            ("path", "lg-uplus", "hyundai-motor-group", "--lang", "ko", "--signed-only", "--include", "projects"),
            ("path", "lg-uplus", "hyundai-motor-group", "--exclude", "nvidia"),
            ("sources",), ("sources", "--lang", "ko")]


@pytest.mark.parametrize("server, command", [
    pytest.param(server, command, id=f"{server}-{'-'.join(command)}") for server in SERVERS for command in COMMANDS])
def test_commands_answer_as_on_the_default_store(server, command, request):
    endpoint = loaded(server, request)
    expected = on_default_store(*command)
    assert expected[1].strip()
    result = kg(*command, "--store", endpoint.store)
    assert (result.exit_code, result.output) == expected


NAMES = [named.name for named in list_queries()]
# Every named query in both label languages, and entity parameters, which kg checks by ASK queries of their kind
# (Virtuoso answers an ASK with a result set: kg.endpoint_answers).
QUERY_RUNS = [(name, *lang) for name in NAMES for lang in ((), ("--lang", "ko"))] + [
    ("agreements", "-p", "org=kt"), ("gpu-allocations", "-p", "source=news1-20251031"),
    ("people", "-p", "org=naver", "--lang", "ko"), ("common-partners", "-p", "a=kt", "-p", "b=samsung-electronics")]


@pytest.mark.parametrize("server, run", [
    pytest.param(server, run, id=f"{server}-{'-'.join(run)}") for server in SERVERS for run in QUERY_RUNS])
def test_named_queries_answer_as_on_the_default_store(server, run, request):
    endpoint = loaded(server, request)
    code, output = on_default_store("query", *run, "-f", "json")
    assert code == 0, output
    expected = json.loads(output)
    assert expected["results"]["bindings"], output  # an answer that could differ
    result = kg("query", *run, "-f", "json", "--store", endpoint.store)
    assert result.exit_code == 0, result.output
    answer = json.loads(result.output)
    assert answer["head"] == expected["head"]
    rows, want = answer["results"]["bindings"], expected["results"]["bindings"]
    first = next((i for i, (a, b) in enumerate(zip(rows, want, strict=False)) if a != b), min(len(rows), len(want)))
    assert rows == want, f"{len(rows)} rows for {len(want)}; row {first}: {rows[first:][:1]} != {want[first:][:1]}"


def test_ask_queries_answer_as_on_the_default_store(request):
    for server in SERVERS:
        endpoint = loaded(server, request)
        for text, answer in (("ASK { kg:nvidia a kgo:Organization }", "true"),
                             ("ASK { kg:nvidia a kgo:Sector }", "false")):
            assert on_default_store("query", "-e", text) == (0, answer + "\n")
            result = kg("query", "-e", text, "--store", endpoint.store)
            assert (result.exit_code, result.output) == (0, answer + "\n"), server


def test_queries_answer_virtuosos_digest_challenge_with_the_password_from_the_environment(request):
    endpoint = loaded("virtuoso", request)
    authenticated = "sparql:" + endpoint.update_url  # http://dba@HOST/sparql-auth: reads need the password too
    result = kg("sources", "--store", authenticated, password=endpoint.password)
    assert (result.exit_code, result.output) == on_default_store("sources")
    refused = kg("sources", "--store", authenticated, password="not-the-password")
    assert refused.exit_code != 0
    assert "401" in refused.output and "not-the-password" not in refused.output


# --------------------------------------------------------------------------------------------------
# Credentials from ~/.netrc: never on the command line, never printed
# --------------------------------------------------------------------------------------------------

def netrc_file(path: Path, host: str, user: str, password: str) -> Path:
    path.write_text(f"machine {host}\n  login {user}\n  password {password}\n")
    path.chmod(0o600)  # Python refuses a ~/.netrc that others may read
    return path


def test_push_and_queries_take_virtuosos_credentials_from_netrc(request, tmp_path):
    endpoint = loaded("virtuoso", request)
    host = urllib.parse.urlsplit(endpoint.query_url).hostname
    netrc = netrc_file(tmp_path / "netrc", host, "dba", endpoint.password)
    anonymous = endpoint.update_url.replace("dba@", "")  # the user too comes from the .netrc
    for url in (anonymous, endpoint.update_url):
        result = CliRunner().invoke(main, ["push", "--seeds", str(SEEDS), "--to", url],
                                    env={"KG_PASSWORD": None, "NETRC": str(netrc)})
        assert result.exit_code == 0, result.output
        assert endpoint.password not in result.output
    result = CliRunner().invoke(main, ["sources", "--store", "sparql:" + anonymous],
                                env={"KG_PASSWORD": None, "NETRC": str(netrc)})
    assert (result.exit_code, result.output) == on_default_store("sources")


def test_a_refused_request_names_the_credential_sources_tried_never_their_values(request, tmp_path):
    endpoint = loaded("virtuoso", request)
    host = urllib.parse.urlsplit(endpoint.query_url).hostname
    anonymous = endpoint.update_url.replace("dba@", "")
    none = CliRunner().invoke(main, ["push", "--seeds", str(MINIMAL), "--to", anonymous],
                              env={"KG_PASSWORD": None, "NETRC": None, "HOME": str(tmp_path)})
    assert none.exit_code == 1
    assert "HTTP 401" in none.output
    assert f"kg had no credentials for {host}: none in $KG_PASSWORD (with the user in the URL) or in ~/.netrc" \
        in none.output
    assert f"add 'machine {host} login USER password …' to ~/.netrc" in none.output
    wrong = netrc_file(tmp_path / ".netrc", host, "dba", "not-the-password")
    result = CliRunner().invoke(main, ["sources", "--store", "sparql:" + anonymous],
                                env={"KG_PASSWORD": None, "NETRC": None, "HOME": str(tmp_path)})
    assert result.exit_code != 0
    assert "401" in result.output and "not-the-password" not in result.output
    assert "kg answered the challenge as user dba with the password from ~/.netrc" in result.output
    wrong.unlink()
    assert server_counts(endpoint) == request.getfixturevalue("full_counts")  # nothing was pushed


def test_no_credential_shows_in_the_process_list_or_output_of_a_running_push(request, tmp_path):
    """kg push run as a process of its own with the password in ~/.netrc: its argument list, read from /proc
    while it runs, and everything it prints hold neither the password nor the .netrc's path."""
    import os
    import subprocess
    import sys
    import time

    endpoint = loaded("virtuoso", request)
    host = urllib.parse.urlsplit(endpoint.query_url).hostname
    netrc_file(tmp_path / ".netrc", host, "dba", endpoint.password)
    env = {k: v for k, v in os.environ.items() if k not in ("KG_PASSWORD", "NETRC")} | {"HOME": str(tmp_path)}
    process = subprocess.Popen([sys.executable, "-m", "kg.cli", "push", "--seeds", str(SEEDS), "--to",
                                endpoint.update_url.replace("dba@", "")],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    arguments = []
    while process.poll() is None:
        try:
            arguments.append(Path(f"/proc/{process.pid}/cmdline").read_bytes())
        except OSError:
            break
        time.sleep(0.05)
    out, err = process.communicate(timeout=300)
    assert process.returncode == 0, err.decode()
    assert any(b"push" in args for args in arguments)  # read while it ran
    secret = endpoint.password.encode()
    assert all(secret not in args for args in arguments)
    assert secret not in out and secret not in err
    assert b"Pushed " in out + err
