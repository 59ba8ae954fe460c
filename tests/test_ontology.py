"""The ontology is the single source of truth: every term is labelled in English and Korean and commented,
standard vocabularies are reused, and code uses no term the ontology does not define."""

from __future__ import annotations

import re
from pathlib import Path

import pyoxigraph
import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import OWL, RDF, RDFS

from kg import model, ontology
from kg.ontology import KGO

ROOT = Path(__file__).resolve().parent.parent


def kgo_terms(g: Graph, kind) -> list[URIRef]:
    return sorted(s for s in g.subjects(RDF.type, kind) if isinstance(s, URIRef) and s.startswith(str(KGO)))


@pytest.mark.parametrize("kind", [OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty])
def test_every_term_has_english_and_korean_label_and_comment(kind):
    g = ontology.ontology_graph()
    terms = kgo_terms(g, kind)
    assert len(terms) > 10
    for t in terms:
        langs = sorted(label.language for label in g.objects(t, RDFS.label))
        assert langs == ["en", "ko"], f"{t} labels: {langs}"
        assert g.value(t, RDFS.comment), f"{t} has no rdfs:comment"


def test_standard_vocabularies_are_reused():
    g = ontology.ontology_graph()
    expected = {
        "Organization": "http://www.w3.org/ns/org#Organization",
        "Company": "https://schema.org/Corporation",
        "GovernmentBody": "https://schema.org/GovernmentOrganization",
        "Person": "http://xmlns.com/foaf/0.1/Person",
        "Fact": "http://www.w3.org/ns/prov#Entity",
        "Citation": "http://www.w3.org/ns/prov#Derivation",
        "NewsArticle": "https://schema.org/NewsArticle",
        "Position": "http://www.w3.org/ns/org#Membership",
        "Event": "https://schema.org/Event",
    }
    for local, standard in expected.items():
        assert URIRef(standard) in ontology.superclasses(KGO[local]), local
    assert g.value(KGO.topic, RDFS.subPropertyOf) == URIRef("http://purl.org/dc/terms/subject")


def test_ontology_and_shapes_parse_in_oxigraph_too():
    for name in ("kg.ttl", "shapes.ttl"):
        store = pyoxigraph.Store()
        store.load(path=str(ROOT / "ontology" / name), format=pyoxigraph.RdfFormat.TURTLE)
        assert len(store) > 100


def _curies_in_code() -> set[str]:
    used = set()
    for path in (ROOT / "kg").glob("*.py"):
        text = path.read_text(encoding="utf-8")
        used |= set(re.findall(r"\bKGO\.([A-Za-z]\w*)", text))
        used |= set(re.findall(r'\bKGO\["([A-Za-z]\w*)"\]', text))
        used |= set(re.findall(r'"kgo:([A-Za-z]\w*)"', text))
    return used


def test_code_uses_only_terms_the_ontology_defines():
    defined = {str(t)[len(str(KGO)):] for t in ontology.defined_terms()}
    used = _curies_in_code()
    assert used, "the scan found no terms: the pattern is broken"
    assert used - defined == set()


def _terms_anywhere(path) -> set[str]:
    """Every kgo: term a file names: prefixed (`kgo:gpuCount`, in SPARQL inside Python too, in Turtle, in
    templates) or as a full IRI."""
    text = path.read_text(encoding="utf-8")
    found = set(re.findall(r"(?<![\w:])kgo:([A-Za-z]\w*)", text))
    found |= set(re.findall(re.escape(str(KGO)) + r"([A-Za-z]\w*)", text))
    return found


def test_queries_shapes_templates_and_sparql_in_code_use_only_defined_terms():
    """A typo in a kgo: term of a query, a shape or a SPARQL string inside Python is no error for any engine: the
    pattern simply matches nothing. Here it is one."""
    defined = {str(t)[len(str(KGO)):] for t in ontology.defined_terms()}
    files = [*sorted((ROOT / "queries").glob("*.rq")), ROOT / "ontology" / "shapes.ttl",
             *sorted((ROOT / "kg").rglob("*.py")), *sorted((ROOT / "kg" / "templates").glob("*")),
             ROOT / "kg" / "model.yaml"]
    undefined = {f"{path.relative_to(ROOT)}: kgo:{term}" for path in files for term in _terms_anywhere(path) - defined}
    assert sum(len(_terms_anywhere(p)) for p in files) > 100, "the scan found too few terms: the pattern is broken"
    assert undefined == set()


def test_schema_tables_name_defined_classes_and_properties():
    defined = {str(t)[len(str(KGO)):] for t in ontology.defined_terms()}
    for kind in model.active().kinds.values():
        assert kind.cls in defined
        for f in kind.fields.values():
            if f.predicate.startswith("kgo:"):
                assert f.predicate[4:] in defined
            for t in f.types:
                assert t in defined
    for cls in model.active().kinds["agreement"].classes.values():
        assert cls in defined
    for scheme in ("qualifiers", "statuses", "participationRoles"):
        assert ontology.controlled_values(scheme)


def test_entity_types_come_from_the_ontology():
    types = ontology.entity_types()
    assert {"Company", "GovernmentBody", "Person", "GPUModel", "Supercomputer", "Summit", "Role"} <= set(types)
    assert "GPUAllocation" not in types and "Citation" not in types


def test_term_lookup_fails_for_undefined_terms():
    assert ontology.term("GPUAllocation") == KGO.GPUAllocation
    with pytest.raises(KeyError, match="kgo:NoSuchThing is not defined"):
        ontology.term("NoSuchThing")
