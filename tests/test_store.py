"""Stores: on-disk Oxigraph and a real Oxigraph server, with the same graph as the in-memory build."""

from __future__ import annotations

import pytest
from conftest import MINIMAL
from oxigraph_server import OxigraphServer
from rdflib.compare import isomorphic

from kg.errors import KgError
from kg.graph import union_graph
from kg.stores import StoreSpec, open_dataset, parse_store, save_dataset
from kg.stores.oxigraph import load_oxigraph


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


# ------------------------------------------------------------------ the registry of kinds (kg/stores/__init__.py)


class ToyStore:
    """A kind of store kg does not have, registered from outside: it keeps datasets in a dict by name."""

    name = "toy"
    usage = "toy:NAME"
    persistent = True

    def __init__(self):
        self.kept = {}

    def parse(self, address, update_url):
        return StoreSpec(self.name, address) if address.isidentifier() else None

    def open(self, spec, seed_dir, check):
        from kg.errors import KgError

        if spec.location not in self.kept:
            raise KgError(f"toy store {spec.location} is empty")
        return self.kept[spec.location]

    def load(self, spec, files):
        from kg.rdfio import read_dataset

        self.kept[spec.location] = read_dataset(files[-1][0])
        return len(self.kept[spec.location])

    def save(self, spec, ds):
        self.kept[spec.location] = ds
        return len(ds)

    def serve_from(self, spec, seed_dir):
        from kg.errors import KgError

        raise KgError("kg serve cannot serve a toy store")


@pytest.fixture()
def toy(monkeypatch):
    import kg.stores

    kind = ToyStore()
    monkeypatch.setitem(kg.stores.KINDS, "toy", kind)
    return kind


def test_a_registered_kind_is_a_store_for_every_command(toy, tmp_path):
    from click.testing import CliRunner
    from conftest import MINIMAL

    from kg.cli import main

    assert parse_store("toy:shelf") == StoreSpec("toy", "shelf")
    runner = CliRunner()
    built = runner.invoke(main, ["build", "--seeds", str(MINIMAL), "-o", str(tmp_path / "g.nq"),
                                 "--store", "toy:shelf"])
    assert built.exit_code == 0, built.output
    assert f"Loaded {len(toy.kept['shelf'])} quads into toy:shelf" in built.output
    exported = runner.invoke(main, ["export", "--store", "toy:shelf", "--seeds", str(tmp_path / "none"),
                                    "-f", "nquads"])
    assert exported.exit_code == 0, exported.output
    assert exported.stdout_bytes == (tmp_path / "g.nq").read_bytes()
    loaded = runner.invoke(main, ["load", str(tmp_path / "g.nq"), "--store", "toy:other"])
    assert loaded.exit_code == 0, loaded.output
    assert isomorphic(union_graph(toy.kept["other"]), union_graph(toy.kept["shelf"]))
    served = runner.invoke(main, ["serve", "--store", "toy:shelf"])
    assert (served.exit_code, served.output) == (1, "kg serve cannot serve a toy store\n")
    malformed = runner.invoke(main, ["export", "--store", "toy:not a name"])
    assert malformed.output.endswith("or toy:NAME\n"), malformed.output  # its usage joins the list of stores


@pytest.mark.parametrize("text, hint", [
    ("postgres:x", ""),
    ("oxigrph:data/kg", "did you mean oxigraph:PATH? "),
    ("sparq:http://h/query", "did you mean sparql:http://HOST/QUERY-URL? "),
    ("rdflb", "did you mean rdflib? "),
])
def test_an_unknown_kind_names_the_known_kinds_and_the_nearest(text, hint, monkeypatch):
    monkeypatch.delenv("KG_STORE", raising=False)
    with pytest.raises(KgError) as error:
        parse_store(text)
    assert str(error.value) == (f"unknown store '{text}' — {hint}use memory, rdflib, oxigraph:PATH or "
                                "sparql:http://HOST/QUERY-URL")


@pytest.mark.parametrize("call", ["open", "save", "load", "serve"])
def test_a_spec_of_an_unknown_kind_is_refused_by_every_entry_point(call, minimal_ds, tmp_path):
    """A StoreSpec built by hand with a kind nobody registered never falls through to another kind's behaviour
    (kg serve once would have served the seeds for it)."""
    from kg.serve import serve
    from kg.stores import load_files

    spec = StoreSpec("postgres", "x")
    (tmp_path / "g.nt").write_text("<http://x/a> <http://x/b> <http://x/c> .\n")
    calls = {"open": lambda: open_dataset(spec), "save": lambda: save_dataset(minimal_ds, spec),
             "load": lambda: load_files([tmp_path / "g.nt"], spec), "serve": lambda: serve(spec)}
    with pytest.raises(KgError, match=r"^unknown store 'postgres:x' — use memory, rdflib, oxigraph:PATH or sparql:"):
        calls[call]()


def test_the_old_module_still_gives_the_old_names():
    import kg.store
    import kg.stores
    import kg.stores.sparql

    assert kg.store.parse_store is kg.stores.parse_store
    assert kg.store.EndpointStore is kg.stores.sparql.EndpointStore
    assert set(kg.store.__all__) <= set(dir(kg.store))
