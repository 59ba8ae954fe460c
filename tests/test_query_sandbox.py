"""The breaks an adversarial tester found in `kg query`, replayed: each is refused or survived, and a loopback
listener that must receive nothing receives nothing (kg/sandbox.py, kg/query/).

- SERVICE hidden from the checker: in queries rdflib's parser cannot read (LATERAL, VERSION, triple terms),
  behind `SERVICE:x`, behind U+00A0 or a quote in an IRI before `#` — refused, fail closed;
- the same queries with the check switched off: the worker has no network, so still nothing is sent;
- queries that crash Oxigraph's parser (5,000 nested parentheses; long joins and paths) — refused or survived,
  never a segmentation fault, with --timeout 0 too; a crash in the worker is a message;
- a query that takes all memory — stopped at --max-memory with a message;
- --timeout nan | inf | 1e308 — a usage error, no traceback.
"""

from __future__ import annotations

import json
import os
import signal

import pytest
import test_query_safety
from click.testing import CliRunner
from conftest import MINIMAL, ROOT

from kg import query as kg_query
from kg.cli import main
from kg.errors import QueryError
from kg.query import _in_worker, sparql
from kg.query import execute as kg_execute
from kg.query.shape import MAX_NESTING, check_shape, nesting_depth
from kg.stores import StoreSpec, open_dataset

#: Fixtures shared with test_query_safety: pytest finds a fixture by its module-level name.
listener = test_query_safety.listener
disk_store = test_query_safety.disk_store

#: Queries Oxigraph runs and rdflib's parser cannot read, each calling the listener ({url}) through SERVICE in a
#: way the old keyword fallback missed.
HIDDEN_SERVICE = {
    "LATERAL": "SELECT * {{ SERVICE <{url}/sparql> {{ ?s ?p ?o }} LATERAL {{ BIND(1 AS ?x) }} }}",
    "VERSION": 'VERSION "1.2" SELECT * {{ SERVICE <{url}/sparql> {{ ?s ?p ?o }} }}',
    "triple term": "SELECT * {{ SERVICE <{url}/sparql> {{ ?s ?p ?o }} BIND(<<( <a:a> <a:b> <a:c> )>> AS ?t) }}",
    "SERVICE:x": "PREFIX : <{url}/> SELECT * {{ SERVICE:sparql {{ ?s ?p ?o }} LATERAL {{ BIND(1 AS ?x) }} }}",
    "U+00A0 before #": "SELECT * {{ BIND(<http://a\u00a0#> AS ?i) SERVICE <{url}/sparql> {{ ?s ?p ?o }} "
                       "LATERAL {{ BIND(1 AS ?x) }} }}",
    "quote in an IRI": "SELECT * {{ BIND(<http://a'> AS ?i) SERVICE <{url}/sparql> {{ ?s ?p ?o }} BIND('x' AS ?q) "
                       "LATERAL {{ BIND(1 AS ?x) }} }}",
    "escaped keyword": "SELECT * {{ \\u0053ERVICE <{url}/sparql> {{ ?s ?p ?o }} LATERAL {{ BIND(1 AS ?x) }} }}",
}


@pytest.fixture(scope="module")
def minimal(disk_store):
    """The fixture seeds in Oxigraph (on disk), where queries run by pyoxigraph, whose HTTP client calls SERVICE."""
    return open_dataset(StoreSpec("oxigraph", disk_store.split(":", 1)[1]))


def kg(*args, seeds=MINIMAL):
    result = CliRunner().invoke(main, ["query", "--seeds", str(seeds), *args])
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result


@pytest.mark.parametrize("store", ["memory", "disk"])
@pytest.mark.parametrize("name", sorted(HIDDEN_SERVICE))
def test_service_that_rdflib_cannot_read_is_refused_fail_closed(name, store, listener, disk_store):
    url, hits = listener
    text = HIDDEN_SERVICE[name].format(url=url)
    assert isinstance(kg_query._parse_query(text), Exception)  # the checker's parser cannot read it
    result = kg("-e", text, "--store", disk_store if store == "disk" else store, "--timeout", "0")
    assert result.exit_code == 4, result.output
    assert "kg cannot check this query for SERVICE" in result.output
    assert hits == []


@pytest.mark.parametrize("name", sorted(HIDDEN_SERVICE))
def test_with_the_check_switched_off_the_worker_still_reaches_nothing(name, listener, minimal, monkeypatch):
    """Defence in depth: a checker bug is not an SSRF, because the worker has no network at all."""
    url, hits = listener
    monkeypatch.setattr(kg_execute, "check_remote", lambda *args: None)
    with pytest.raises(QueryError) as error:
        sparql(minimal, HIDDEN_SERVICE[name].format(url=url), isolated=True)
    if name != "escaped keyword":  # (Oxigraph reads no codepoint escapes outside strings: a syntax error there)
        assert "Network is unreachable" in str(error.value)
    assert hits == []


def test_the_same_query_without_the_sandbox_would_reach_the_listener(listener, minimal, monkeypatch):
    """Shows the listener would see the request: the sandbox, not luck, keeps it out."""
    url, hits = listener
    monkeypatch.setattr(kg_execute, "check_remote", lambda *args: None)
    calling = sorted(set(HIDDEN_SERVICE) - {"escaped keyword"})
    for name in calling:
        sparql(minimal, HIDDEN_SERVICE[name].format(url=url), isolated=False)
    assert len(hits) == len(calling)


def test_a_service_word_in_a_query_rdflib_can_read_is_judged_by_the_parser(listener, minimal):
    url, hits = listener
    result = sparql(minimal, 'SELECT ?x WHERE { BIND("SERVICE <http://x/>" AS ?x) } # service', isolated=True)
    assert result.rows == [{"x": "SERVICE <http://x/>"}]


# --------------------------------------------------------------------------------------------------
# Queries that crashed the engine
# --------------------------------------------------------------------------------------------------

def nested(depth: int) -> str:
    return "SELECT * { FILTER(" + "(" * depth + "1" + ")" * depth + ") }"


@pytest.mark.parametrize("store", ["memory", "rdflib"])
def test_5000_nested_parentheses_are_refused_not_a_segfault(store):
    result = kg("-e", nested(5000), "--timeout", "0", "--store", store)
    assert result.exit_code == 4
    assert "nests brackets 5002 levels deep; kg accepts at most 100" in result.output


@pytest.mark.parametrize("store", ["memory", "rdflib"])
def test_nesting_up_to_the_limit_answers_on_both_engines(store):
    result = kg("-e", nested(MAX_NESTING - 2).replace("SELECT *", "ASK"), "--store", store, "-f", "json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["boolean"] is True


def test_nesting_is_counted_outside_strings_iris_and_comments_and_with_iris_as_code():
    assert nesting_depth('SELECT * { ?s ?p "((((" . ?s ?p \'\'\'((\'\'\' } # ((((') == 1
    assert nesting_depth("SELECT * { ?s ?p <http://a/((((> }") == 5  # an IRI is also read as code: the larger
    # a `<` that is a comparison: the IRI-looking run is counted as code too
    assert nesting_depth("ASK { FILTER(1<" + "(" * 200 + "2" + ")" * 200 + ">0) }") == 202
    with pytest.raises(QueryError, match="at most 262,144"):
        check_shape("#" * (300 * 1024), "<q>")


def test_a_long_chain_that_crashed_with_a_normal_stack_answers():
    """7,000 additions overflow the 8 MiB stack of a main thread in Oxigraph's parser (a segmentation fault
    before); the worker runs the engine on a 512 MiB stack."""
    result = kg("-e", "SELECT (" + "+".join(["1"] * 7000) + " AS ?n) {}", "--timeout", "0", "-f", "csv")
    assert result.exit_code == 0, result.output[:300]
    assert result.output.split() == ["n", "7000"]


def test_a_crash_in_the_worker_is_a_message():
    def crash():
        os.kill(os.getpid(), signal.SIGSEGV)

    with pytest.raises(QueryError, match=r"<q>: the query engine crashed on this query \(signal 11\)"):
        _in_worker(crash, None, "<q>", offline=True)


def test_a_query_that_takes_all_memory_is_stopped_at_max_memory():
    text = "SELECT ?a ?c ?f { ?a ?b ?c . ?d ?e ?f } ORDER BY ?a ?c ?f"
    result = kg("-e", text, "--timeout", "120", "--max-memory", "200M", seeds=ROOT / "seeds")
    assert result.exit_code == 5, result.output[:300]
    assert "the query needed more than 200 MiB of memory and was stopped" in result.output


@pytest.mark.parametrize("value", ["nan", "inf", "-inf", "1e308", "-1", "soon"])
def test_timeouts_that_cannot_be_kept_are_a_usage_error(value):
    result = kg("-e", "ASK {}", "--timeout", value)
    assert result.exit_code == 1
    assert "--timeout" in result.output and "Traceback" not in result.output


@pytest.mark.parametrize("value", ["lots", "2T", "-1G"])
def test_memory_sizes_that_cannot_be_read_are_a_usage_error(value):
    result = kg("-e", "ASK {}", "--max-memory", value)
    assert result.exit_code == 1
    assert "is not a size" in result.output
