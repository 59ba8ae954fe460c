"""The ontology is OWL 2 DL that real reasoners accept: HermiT and Pellet (as owlready2 ships them, run on the
machine's Java) find the ontology, and the ontology together with the data built from the seeds, consistent with no
unsatisfiable class. A datatype outside the OWL 2 datatype map (xsd:gYear) makes HermiT stop; an rdf:langString
range made Pellet call the data inconsistent."""

from __future__ import annotations

import owlready2
import pytest
from rdflib import Graph, Literal
from rdflib.namespace import RDF, RDFS, XSD

from kg import ontology
from kg.ontology import KG, KGO

REASONERS = {"HermiT": owlready2.sync_reasoner_hermit, "Pellet": owlready2.sync_reasoner_pellet}


def _reason(graph: Graph, reasoner: str, tmp_path) -> list[str]:
    """Run the reasoner on the graph; the unsatisfiable classes (an inconsistency or a Java error raises)."""
    path = tmp_path / "input.nt"
    graph.serialize(path, format="nt", encoding="utf-8")
    world = owlready2.World()
    onto = world.get_ontology(path.as_uri()).load()
    with onto:
        REASONERS[reasoner](world, debug=0)
    return sorted(str(c.iri) for c in world.inconsistent_classes())


def _ontology() -> Graph:
    merged = Graph()
    merged += ontology.ontology_graph()
    return merged


@pytest.mark.parametrize("reasoner", sorted(REASONERS))
def test_ontology_is_consistent_with_no_unsatisfiable_class(reasoner, tmp_path):
    assert _reason(_ontology(), reasoner, tmp_path) == []


@pytest.mark.parametrize("reasoner", sorted(REASONERS))
def test_ontology_and_seed_data_are_consistent(reasoner, graph, tmp_path):
    merged = _ontology()
    merged += graph
    assert len(merged) > 5000
    assert _reason(merged, reasoner, tmp_path) == []


@pytest.mark.parametrize("reasoner", sorted(REASONERS))
def test_the_reasoners_do_find_an_inconsistency(reasoner, tmp_path):
    """The check can fail: a GPU count that is not an integer contradicts kgo:gpuCount's range."""
    merged = _ontology()
    merged.add((KG["bad-target"], KGO.gpuCount, Literal("many", datatype=XSD.string)))
    with pytest.raises(owlready2.OwlReadyInconsistentOntologyError):
        _reason(merged, reasoner, tmp_path)


def test_no_datatype_outside_the_owl2_map_in_ranges():
    """Ranges use only datatypes of the OWL 2 datatype map (xsd:gYear, xsd:date and rdf:langString are not)."""
    outside = {XSD.gYear, XSD.gYearMonth, XSD.date, RDF.langString}
    ranges = set(ontology.ontology_graph().objects(None, RDFS.range))
    assert ranges & outside == set()
    assert RDF.PlainLiteral in ranges and XSD.integer in ranges
