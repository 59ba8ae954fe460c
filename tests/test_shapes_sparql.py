"""The SPARQL checks generated from the shapes (kg.shapes_sparql, what `kg build` runs) report exactly what pySHACL
(the reference, kg.shapes.validate_graph) reports: on the seeds, and on a graph made to break every constraint."""

from __future__ import annotations

import pytest
from conftest import MINIMAL
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import RDF, RDFS, XSD

from kg import ontology, shapes_sparql
from kg.graph import build_dataset, union_graph
from kg.ontology import KG, SH
from kg.rdf import bulk_store, inner_store
from kg.shapes import validate_graph, validate_store

#: Values given to every path of a broken node: an untyped IRI, two literals in one foreign language, an empty
#: string, a negative integer, ill-typed literals.
BAD_VALUES = [KG["untyped-a"], Literal("a", lang="de"), Literal("b", lang="de"), Literal(""), Literal(-5),
              Literal("abc", datatype=XSD.integer), Literal("2025-13-45", datatype=XSD.date)]


def _paths(shapes: Graph, shape) -> list:
    props = list(shapes.objects(shape, SH.property))
    for head in shapes.objects(shape, SH["or"]):
        props += list(Collection(shapes, head))
    return [shapes.value(p, SH.path) for p in props]


def broken_dataset() -> Dataset:
    """For each shape and each target: a focus node with no values at all, and one with every bad value on every
    path of the shape (as subjects for an inverse path); and an instance of a subclass that the data declares."""
    shapes = ontology.shapes_graph()
    ds = Dataset(default_union=True)
    g = ds.graph(URIRef("urn:x-broken"))
    for shape in sorted(shapes.subjects(RDF.type, SH.NodeShape)):
        name = str(shape).rsplit("#", 1)[-1]
        targets = [(RDF.type, c) for c in sorted(shapes.objects(shape, SH.targetClass))]
        targets += [(p, Literal("x")) for p in sorted(shapes.objects(shape, SH.targetSubjectsOf))]
        for n, (p, o) in enumerate(targets):
            empty, full = KG[f"bad-{name}-{n}-empty"], KG[f"bad-{name}-{n}-full"]
            g.add((empty, p, o))
            g.add((full, p, o))
            for path in _paths(shapes, shape):
                inverse = shapes.value(path, SH.inversePath)
                for value in BAD_VALUES:
                    if inverse is not None:
                        if isinstance(value, URIRef):
                            g.add((value, inverse, full))
                            g.add((KG["untyped-b"], inverse, full))
                    else:
                        g.add((full, path, value))
    g.add((KG["SubFact"], RDFS.subClassOf, ontology.KGO.Fact))
    g.add((KG["bad-subclass"], RDF.type, KG["SubFact"]))
    return ds


def _both(ds: Dataset):
    store = inner_store(ds) or bulk_store((s, p, o, g) for s, p, o, g in _quads(ds))
    return validate_graph(union_graph(ds)), validate_store(store)


def _quads(ds: Dataset):
    for s, p, o, g in ds.quads((None, None, None, None)):
        yield s, p, o, g.identifier if isinstance(g, Graph) else g


def _key(v):
    """A violation as compared: a blank-node path (the inverse path) is named by the shapes' blank node in both,
    but pySHACL may copy it, so it is compared as 'a blank node'."""
    path = v.path if ":" in v.path or v.path.startswith("<") or not v.path else "_:path"
    return (v.focus, path, v.message, v.value, v.severity, v.where)


def test_every_shape_compiles():
    kinds = {c.component for c in shapes_sparql.checks()}
    assert {"minCount", "maxCount", "class", "datatype", "or", "languageIn", "uniqueLang", "pattern"} <= kinds


@pytest.mark.parametrize("seed_dir", ["seeds", MINIMAL])
def test_same_report_on_seeds(seed_dir):
    from kg.seeds import load_seeds

    reference, fast = _both(build_dataset(load_seeds(seed_dir), store="Oxigraph"))
    assert reference.conforms and fast.conforms
    assert fast.focus_nodes == reference.focus_nodes > 0
    assert fast.text() == reference.text()


def test_same_violations_on_a_graph_that_breaks_every_constraint():
    reference, fast = _both(broken_dataset())
    assert not reference.conforms and not fast.conforms
    assert sorted(map(_key, fast.violations)) == sorted(map(_key, reference.violations))
    assert fast.focus_nodes == reference.focus_nodes
    store = bulk_store(_quads(broken_dataset()))
    hit = {check for check, _, _ in shapes_sparql.results(store)}
    missed = [(str(c.shape), c.component) for c in shapes_sparql.checks() if c not in hit]
    assert not missed  # every constraint of every shape is broken at least once


def test_a_shape_it_cannot_compile_is_refused():
    shapes = Graph()
    shape = KG["s"]
    shapes.add((shape, RDF.type, SH.NodeShape))
    shapes.add((shape, SH.targetClass, KG["C"]))
    shapes.add((shape, SH.closed, Literal(True)))
    with pytest.raises(shapes_sparql.UnsupportedShape):
        list(shapes_sparql._checks_of(shapes, shape))


def test_kg_build_checks_the_shapes_without_pyshacls_size_limit(monkeypatch, tmp_path):
    import kg.shapes
    from kg.api import build

    monkeypatch.setattr(kg.shapes, "MAX_TRIPLES", 100)  # kg validate's limit for pySHACL; kg build has none
    result = build(MINIMAL, tmp_path / "graph.nq")
    assert result.report is not None and result.report.conforms and result.report.focus_nodes > 0
    assert result.summary()["triples"] > 100
