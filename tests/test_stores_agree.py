"""The stores give identical answers for every named query on the seeds: Oxigraph in memory, rdflib's own
engine, an on-disk Oxigraph store, and a real Oxigraph server reached over SPARQL 1.1 Protocol."""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from conftest import SEEDS
from oxigraph_server import OxigraphServer

from kg.cli import main
from kg.query import list_queries, run_query, sparql
from kg.stores import StoreSpec, open_dataset, save_dataset

NAMES = sorted(q.name for q in list_queries())


@pytest.fixture(scope="module")
def stores(tmp_path_factory):
    """One dataset per store, all holding the seed graph."""
    from kg.remote import push

    memory = open_dataset(StoreSpec("memory"), SEEDS)
    disk = tmp_path_factory.mktemp("stores") / "kg"
    save_dataset(memory, StoreSpec("oxigraph", str(disk)))
    server = OxigraphServer(tmp_path_factory.mktemp("server") / "db").start()
    push(memory, f"{server.base}/update")
    yield {
        "memory": memory,
        "rdflib": open_dataset(StoreSpec("rdflib"), SEEDS),
        "oxigraph": open_dataset(StoreSpec("oxigraph", str(disk))),
        "sparql": open_dataset(StoreSpec("sparql", f"{server.base}/query", f"{server.base}/update")),
    }
    server.stop()


@pytest.mark.parametrize("name", NAMES)
def test_every_named_query_gives_the_same_answer_on_every_store(stores, name):
    answers = {store: run_query(ds, name, lang="en").rows for store, ds in stores.items()}
    assert answers["memory"], f"{name} answers nothing on the seeds"
    for store in ("rdflib", "oxigraph", "sparql"):
        assert answers[store] == answers["memory"], store


def test_at_least_fourteen_named_queries():
    assert len(NAMES) >= 14


def test_cli_reads_a_built_oxigraph_store_without_the_seeds(tmp_path):
    store = f"oxigraph:{tmp_path / 'kg'}"
    runner = CliRunner()
    built = runner.invoke(main, ["build", "--seeds", str(SEEDS), "-o", str(tmp_path / "g.nq"), "--store", store])
    assert built.exit_code == 0, built.output
    assert f"into {store}" in built.output
    # the seeds are not needed any more: point --seeds at nothing
    result = runner.invoke(main, ["query", "gpu-targets", "--store", store, "--seeds", str(tmp_path / "none"),
                                  "-f", "csv"])
    assert result.exit_code == 0, result.output
    assert [line.split(",")[:2] for line in result.stdout.splitlines()[1:]] == [
        ["2025", "10000"], ["2028", "50000"], ["2030", "200000"]]
    exported = runner.invoke(main, ["export", "--store", store, "-f", "nquads"])
    assert exported.stdout_bytes == (tmp_path / "g.nq").read_bytes()


def test_store_from_environment(tmp_path, monkeypatch):
    runner = CliRunner()
    store = f"oxigraph:{tmp_path / 'kg'}"
    assert runner.invoke(main, ["build", "-o", str(tmp_path / "g.nq"), "--store", store]).exit_code == 0
    result = runner.invoke(main, ["sources"], env={"KG_STORE": store, "KG_SEEDS": str(tmp_path / "none")})
    assert result.exit_code == 0, result.output
    assert "news1-20251031  2025-10-31  News1" in result.output


def test_unknown_store_is_a_clear_error():
    result = CliRunner().invoke(main, ["query", "gpu-targets", "--store", "postgres:x"])
    assert result.exit_code == 1
    assert result.output.strip() == ("unknown store 'postgres:x' — use memory, rdflib, oxigraph:PATH or "
                                     "sparql:http://HOST/QUERY-URL")


GRAPH = "https://w3id.org/ai-partnerships/graph/"


def test_from_and_from_named_read_only_the_graphs_they_name_on_every_local_store(stores):
    """A query's own dataset (FROM, FROM NAMED) wins over the union default graph kg opens local stores with.
    (A server decides for itself: Oxigraph's, started with --union-default-graph as here, ignores FROM.)"""
    newsis, news1 = f"<{GRAPH}newsis-20251101>", f"<{GRAPH}news1-20251031>"
    count = "SELECT (COUNT(*) AS ?n) {} WHERE {{ {} }}"
    queries = {
        "union": count.format("", "?s ?p ?o"),
        "graph": count.format("", f"GRAPH {newsis} {{ ?s ?p ?o }}"),
        "from": count.format(f"FROM {newsis}", "?s ?p ?o"),
        "from two": count.format(f"FROM {newsis} FROM {news1}", "?s ?p ?o"),
        "from named": f"SELECT ?g (COUNT(*) AS ?n) FROM NAMED {newsis} WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }} GROUP BY ?g",
        "from, graph": count.format(f"FROM {newsis}", "GRAPH ?g { ?s ?p ?o }"),
    }
    local = ("memory", "rdflib", "oxigraph")
    answers = {store: {name: sparql(stores[store], text).rows for name, text in queries.items()} for store in local}
    memory = answers["memory"]
    for store in ("rdflib", "oxigraph"):
        assert answers[store] == memory, store
    assert 0 < memory["from"][0]["n"] == memory["graph"][0]["n"] < memory["from two"][0]["n"] < memory["union"][0]["n"]
    assert memory["from named"] == [{"g": f"{GRAPH}newsis-20251101", "n": memory["graph"][0]["n"]}]
    assert memory["from, graph"] == [{"n": 0}]  # FROM alone: no named graphs to match GRAPH ?g
