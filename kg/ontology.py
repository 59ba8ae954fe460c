"""The namespaces and terms of the partnership ontology, read from ontology/kg.ttl (the single source of truth).

Code refers to ontology terms through `KGO`; a test fails when code uses a term the ontology does not define.
"""

from __future__ import annotations

from functools import lru_cache

from rdflib import Graph, Namespace, URIRef
from rdflib.namespace import DCTERMS, FOAF, OWL, PROV, RDF, RDFS, SKOS, XSD

from kg.resources import data_dir

KGO = Namespace("https://w3id.org/ai-partnerships/ontology#")
KG = Namespace("https://w3id.org/ai-partnerships/id/")
GRAPH = Namespace("https://w3id.org/ai-partnerships/graph/")
ORG = Namespace("http://www.w3.org/ns/org#")
SCHEMA = Namespace("https://schema.org/")
SH = Namespace("http://www.w3.org/ns/shacl#")

#: Named graphs: entities and sources; what facts say; and GRAPH[source id] for each source's citations.
REGISTRY_GRAPH = GRAPH["registry"]
FACTS_GRAPH = GRAPH["facts"]

PREFIXES = {
    "kg": KG,
    "kgo": KGO,
    "org": ORG,
    "schema": SCHEMA,
    "prov": PROV,
    "dcterms": DCTERMS,
    "skos": SKOS,
    "foaf": FOAF,
    "owl": OWL,
    "rdf": RDF,
    "rdfs": RDFS,
    "xsd": XSD,
}

#: The top classes a seed entity's type may fall under (facts, sources and citations are made by the loader).
ENTITY_ROOTS = (
    "Organization", "Person", "Role", "Sector", "Country", "Place",
    "Product", "Technology", "Project", "Event",
)


def bind_prefixes(graph: Graph) -> Graph:
    """Bind the project's prefixes, replacing rdflib's defaults so output is the same everywhere."""
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, override=True, replace=True)
    return graph


@lru_cache(maxsize=None)
def ontology_graph() -> Graph:
    """The OWL ontology, parsed once per process."""
    graph = Graph()
    graph.parse(data_dir("ontology") / "kg.ttl", format="turtle")
    return graph


@lru_cache(maxsize=None)
def shapes_graph() -> Graph:
    """The SHACL shapes, parsed once per process."""
    graph = Graph()
    graph.parse(data_dir("ontology") / "shapes.ttl", format="turtle")
    return graph


@lru_cache(maxsize=None)
def defined_terms() -> frozenset[URIRef]:
    """Every kgo: term the ontology declares (classes, properties, controlled values)."""
    g = ontology_graph()
    return frozenset(s for s in g.subjects(RDF.type, None) if isinstance(s, URIRef) and s.startswith(str(KGO)))


def term(name: str) -> URIRef:
    """The kgo: term of that local name; a KeyError names the term when the ontology lacks it."""
    iri = KGO[name]
    if iri not in defined_terms():
        raise KeyError(f"kgo:{name} is not defined in ontology/kg.ttl")
    return iri


@lru_cache(maxsize=None)
def superclasses(cls: URIRef) -> tuple[URIRef, ...]:
    """The class and all its named superclasses (kgo: and standard), sorted, for materialising types."""
    g = ontology_graph()
    seen = {cls}
    todo = [cls]
    while todo:
        for parent in g.objects(todo.pop(), RDFS.subClassOf):
            if isinstance(parent, URIRef) and parent not in seen:
                seen.add(parent)
                todo.append(parent)
    return tuple(sorted(seen))


def is_subclass(cls: URIRef, ancestor: URIRef) -> bool:
    return ancestor in superclasses(cls)


@lru_cache(maxsize=None)
def entity_types() -> dict[str, URIRef]:
    """Seed type names (kgo local names) that an entity may have, each mapped to its class."""
    g = ontology_graph()
    roots = [KGO[r] for r in ENTITY_ROOTS]
    types = {}
    for cls in g.subjects(RDF.type, OWL.Class):
        if isinstance(cls, URIRef) and cls.startswith(str(KGO)) and any(is_subclass(cls, r) for r in roots):
            types[cls[len(KGO):]] = cls
    return dict(sorted(types.items()))


@lru_cache(maxsize=None)
def controlled_values(scheme: str) -> dict[str, URIRef]:
    """A SKOS scheme's values by notation, e.g. controlled_values("qualifiers")["about"] is kgo:approximately."""
    g = ontology_graph()
    return {
        str(g.value(concept, SKOS.notation)): concept
        for concept in g.subjects(SKOS.inScheme, KGO[scheme])
    }
