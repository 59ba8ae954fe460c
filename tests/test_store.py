"""Stores: on-disk Oxigraph and a real Oxigraph server, with the same graph as the in-memory build."""

from __future__ import annotations

import pytest
from conftest import MINIMAL
from oxigraph_server import OxigraphServer
from rdflib.compare import isomorphic

from kg.errors import KgError
from kg.graph import union_graph
from kg.store import StoreSpec, load_oxigraph, open_dataset, parse_store, save_dataset


@pytest.fixture()
def minimal_ds():
    from kg.api import build_graph

    return build_graph(MINIMAL)


def test_parse_store_specs(monkeypatch):
    monkeypatch.delenv("KG_STORE", raising=False)
    assert parse_store(None) == StoreSpec("memory")
    assert parse_store("rdflib") == StoreSpec("rdflib")
    assert parse_store("oxigraph:data/kg") == StoreSpec("oxigraph", "data/kg")
    assert parse_store("sparql:http://127.0.0.1:7878/query") == StoreSpec(
        "sparql", "http://127.0.0.1:7878/query", "http://127.0.0.1:7878/update")
    assert parse_store("sparql:http://h/repositories/kg").update_url == "http://h/repositories/kg/statements"
    monkeypatch.setenv("KG_STORE", "oxigraph:/tmp/x")
    assert parse_store(None) == StoreSpec("oxigraph", "/tmp/x")
    for bad in ("mem", "oxigraph:", "sparql:ftp://x", "sparql:"):
        with pytest.raises(KgError, match="unknown store"):
            parse_store(bad)


def test_oxigraph_store_holds_the_same_graph(minimal_ds, tmp_path):
    path = tmp_path / "kg"
    n = save_dataset(minimal_ds, StoreSpec("oxigraph", str(path)))
    assert n == len(union_graph(minimal_ds))
    reopened = open_dataset(StoreSpec("oxigraph", str(path)))
    assert isomorphic(union_graph(reopened), union_graph(minimal_ds))
    names = {str(g.identifier) for g in reopened.graphs()}
    assert "https://w3id.org/ai-partnerships/graph/src-a" in names


def test_rebuild_replaces_instead_of_adding(minimal_ds, tmp_path):
    from kg.ontology import KG

    path = tmp_path / "kg"
    save_dataset(minimal_ds, StoreSpec("oxigraph", str(path)))
    for graph in minimal_ds.graphs():
        graph.remove((KG["share-acme-b"], None, None))
    save_dataset(minimal_ds, StoreSpec("oxigraph", str(path)))
    reopened = union_graph(open_dataset(StoreSpec("oxigraph", str(path))))
    assert (KG["share-acme-b"], None, None) not in reopened
    assert len(reopened) == len(union_graph(minimal_ds))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kg"]  # no scratch folders left


def test_interrupted_load_keeps_the_previous_store(minimal_ds, tmp_path, monkeypatch):
    import pyoxigraph

    path = tmp_path / "kg"
    save_dataset(minimal_ds, StoreSpec("oxigraph", str(path)))
    before = len(union_graph(open_dataset(StoreSpec("oxigraph", str(path)))))

    def killed(self, *args, **kwargs):
        raise KeyboardInterrupt  # what a Ctrl-C during the bulk load looks like

    monkeypatch.setattr(pyoxigraph.Store, "bulk_load", killed)
    with pytest.raises(KeyboardInterrupt):
        load_oxigraph(path, [(b"<http://x/a> <http://x/b> <http://x/c> .\n", "nt")])
    monkeypatch.undo()
    assert len(union_graph(open_dataset(StoreSpec("oxigraph", str(path))))) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kg"]


def test_missing_store_gives_a_clear_error(tmp_path):
    with pytest.raises(KgError, match=r"no Oxigraph store there — build one with: kg build --store oxigraph:"):
        open_dataset(StoreSpec("oxigraph", str(tmp_path / "none")))


@pytest.fixture()
def server(tmp_path):
    srv = OxigraphServer(tmp_path / "server-db").start()
    yield srv
    srv.stop()


def _count(server) -> tuple[int, int]:
    import json
    import urllib.parse
    import urllib.request

    q = "SELECT (COUNT(*) AS ?n) (COUNT(DISTINCT ?g) AS ?graphs) WHERE { GRAPH ?g { ?s ?p ?o } }"
    url = f"{server.base}/query?" + urllib.parse.urlencode({"query": q})
    req = urllib.request.Request(url, headers={"Accept": "application/sparql-results+json"})
    row = json.load(urllib.request.urlopen(req, timeout=10))["results"]["bindings"][0]
    return int(row["n"]["value"]), int(row["graphs"]["value"])


def test_push_to_a_real_oxigraph_server_is_idempotent(minimal_ds, server):
    from kg.remote import push

    expected = len(list(minimal_ds.quads((None, None, None, None))))
    graphs = sum(1 for g in minimal_ds.graphs() if len(g))
    result = push(minimal_ds, f"{server.base}/update", batch_size=50)
    assert result.quads == expected and result.graphs == graphs
    assert _count(server) == (expected, graphs)
    push(minimal_ds, f"{server.base}/update", batch_size=50)
    assert _count(server) == (expected, graphs)  # re-run: replaced, not duplicated


def test_push_to_an_endpoint_that_goes_away_can_be_rerun(minimal_ds, server, tmp_path):
    from kg.remote import push

    expected = len(list(minimal_ds.quads((None, None, None, None))))
    sent = []

    def kill_after_first_batch(n):
        sent.append(n)
        if len(sent) == 1:
            server.stop()

    with pytest.raises(KgError) as info:
        push(minimal_ds, f"{server.base}/update", batch_size=50, timeout=5, progress=kill_after_first_batch)
    assert "cannot reach the endpoint" in str(info.value)
    assert "run kg push again" in str(info.value)

    restarted = OxigraphServer(server.location, port=server.port).start()
    try:
        push(minimal_ds, f"{restarted.base}/update", batch_size=50)
        assert _count(restarted)[0] == expected
    finally:
        restarted.stop()


def test_sparql_store_reads_what_was_pushed(minimal_ds, server):
    from kg.remote import push

    push(minimal_ds, f"{server.base}/update")
    remote = open_dataset(parse_store(f"sparql:{server.base}/query"))
    q = "SELECT ?n WHERE { ?a <https://w3id.org/ai-partnerships/ontology#recipient> ?r ; " \
        "<https://w3id.org/ai-partnerships/ontology#gpuCount> ?n } ORDER BY ?n"
    assert [int(r[0]) for r in remote.query(q)] == [int(r[0]) for r in minimal_ds.query(q)]
