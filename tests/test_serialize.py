"""Exports: every format re-imports to an isomorphic graph, output is byte-identical run after run,
and files are written atomically."""

from __future__ import annotations

import os
import subprocess
import sys

import pyoxigraph
import pytest
from conftest import MINIMAL, ROOT, SEEDS
from rdflib import Dataset, Graph
from rdflib.compare import isomorphic

from kg.errors import WriteError
from kg.graph import union_graph
from kg.serialize import FORMATS, PARSER_FORMATS, export, serialize, write_atomic


@pytest.fixture(scope="module")
def minimal_dataset():
    from kg.api import build_graph

    return build_graph(MINIMAL)


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_reimport_is_isomorphic(dataset, fmt):
    data = serialize(dataset, fmt)
    keeps_graphs = FORMATS[fmt][1]
    if keeps_graphs:
        back = Dataset()
        back.parse(data=data, format=PARSER_FORMATS[fmt])
        names = {g.identifier for g in dataset.graphs() if len(g)}
        assert {g.identifier for g in back.graphs() if len(g)} == names
        for name in names:
            assert isomorphic(dataset.graph(name), back.graph(name)), name
    else:
        back = Graph()
        back.parse(data=data, format=PARSER_FORMATS[fmt])
        assert isomorphic(union_graph(dataset), back)


@pytest.mark.parametrize("fmt,oxformat", [
    ("turtle", pyoxigraph.RdfFormat.TURTLE), ("trig", pyoxigraph.RdfFormat.TRIG),
    ("nt", pyoxigraph.RdfFormat.N_TRIPLES), ("nquads", pyoxigraph.RdfFormat.N_QUADS),
    ("jsonld", pyoxigraph.RdfFormat.JSON_LD),
])
def test_exports_parse_in_oxigraph(dataset, fmt, oxformat):
    store = pyoxigraph.Store()
    store.load(serialize(dataset, fmt), format=oxformat)
    assert len(set((q.subject, q.predicate, q.object) for q in store)) == len(union_graph(dataset))


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_output_is_byte_identical_across_processes(tmp_path, fmt):
    """Different hash seeds change set and dict order in Python; the bytes must not change."""
    outputs = []
    for seed in ("1", "4242"):
        out = tmp_path / f"{seed}{FORMATS[fmt][0]}"
        env = {**os.environ, "PYTHONHASHSEED": seed}
        subprocess.run([sys.executable, "-m", "kg.cli", "export", "--seeds", str(SEEDS), "-f", fmt, "-o", str(out)],
                       check=True, env=env, cwd=ROOT, capture_output=True)
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1]
    assert len(outputs[0]) > 1000


def test_no_blank_nodes(graph):
    from rdflib import BNode

    assert not any(isinstance(term, BNode) for triple in graph for term in triple)


def test_turtle_export_uses_readable_prefixed_iris(minimal_dataset):
    text = serialize(minimal_dataset, "turtle").decode()
    assert "kg:nvidia a " in text
    assert "@prefix kgo: <https://w3id.org/ai-partnerships/ontology#> ." in text
    assert "kg:mou-test.src-b" in text  # the citation node of source src-b


def test_trig_keeps_one_named_graph_per_source(minimal_dataset):
    text = serialize(minimal_dataset, "trig").decode()
    assert "<https://w3id.org/ai-partnerships/graph/registry> {" in text
    assert "<https://w3id.org/ai-partnerships/graph/facts> {" in text
    assert "<https://w3id.org/ai-partnerships/graph/src-a> {" in text
    assert "<https://w3id.org/ai-partnerships/graph/src-b> {" in text


def test_every_triple_is_in_exactly_one_graph(dataset):
    seen = {}
    for s, p, o, g in dataset.quads((None, None, None, None)):
        name = g.identifier if hasattr(g, "identifier") else g
        assert (s, p, o) not in seen or seen[(s, p, o)] == name, (s, p, o, seen[(s, p, o)], name)
        seen[(s, p, o)] = name


def test_fact_stated_by_two_sources_has_a_citation_in_each_sources_graph(minimal_dataset):
    from rdflib.namespace import PROV, RDF

    from kg.ontology import FACTS_GRAPH, GRAPH, KG, KGO

    assert (KG["mou-test"], RDF.type, KGO.MOU) in minimal_dataset.graph(FACTS_GRAPH)
    for source in ("src-a", "src-b"):
        claims = minimal_dataset.graph(GRAPH[source])
        assert (KG["mou-test"], PROV.wasDerivedFrom, KG[source]) in claims
        assert (KG[f"mou-test.{source}"], PROV.entity, KG[source]) in claims
    assert (KG["share-acme-b"], PROV.wasDerivedFrom, KG["src-b"]) not in minimal_dataset.graph(GRAPH["src-a"])


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_rdflib_and_oxigraph_stores_export_the_same_bytes(fmt):
    from kg.graph import build_dataset
    from kg.seeds import load_seeds

    seeds = load_seeds(SEEDS)
    assert serialize(build_dataset(seeds), fmt) == serialize(build_dataset(seeds, store="Oxigraph"), fmt)


def test_write_atomic_keeps_previous_file_when_interrupted(tmp_path, monkeypatch):
    target = tmp_path / "out.ttl"
    target.write_bytes(b"previous")

    def fail(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(WriteError, match=r"out.ttl: cannot write the file \(No space left on device\) — free some"):
        write_atomic(target, b"new content")
    assert target.read_bytes() == b"previous"
    assert [p.name for p in tmp_path.iterdir()] == ["out.ttl"]  # no temporary file left behind


def test_disk_full_during_the_write_keeps_the_previous_file(tmp_path, monkeypatch):
    """ENOSPC half-way through writing the data: the previous file stays, the partial one is removed."""
    import errno

    target = tmp_path / "out.nq"
    target.write_bytes(b"previous")
    real_fdopen = os.fdopen

    class FullDisk:
        def __init__(self, fh):
            self.fh = fh

        def write(self, data):
            self.fh.write(data[: len(data) // 2])
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

        def __getattr__(self, name):
            return getattr(self.fh, name)

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.fh.close()

    monkeypatch.setattr(os, "fdopen", lambda fd, mode: FullDisk(real_fdopen(fd, mode)))
    with pytest.raises(WriteError, match="No space left on device"):
        write_atomic(target, b"new content " * 1000)
    assert target.read_bytes() == b"previous"
    assert [p.name for p in tmp_path.iterdir()] == ["out.nq"]


def test_written_files_get_the_usual_mode(tmp_path):
    old = os.umask(0o022)
    try:
        path = write_atomic(tmp_path / "x.ttl", b"data")
    finally:
        os.umask(old)
    assert path.stat().st_mode & 0o777 == 0o644


def test_export_writes_file_and_returns_bytes(minimal_dataset, tmp_path):
    out = tmp_path / "sub" / "x.ttl"
    data = export(minimal_dataset, "turtle", out)
    assert out.read_bytes() == data
