"""Checked seed records -> RDF dataset, using only the ontology's terms.

Layout, with every triple in exactly one named graph (so the union holds no duplicates in any engine —
Oxigraph's union default graph, for one, would count a triple once per graph it is in):
  GRAPH["registry"]   entities, sources and the controlled values in use
  GRAPH["facts"]      what each fact says (its type, parties, figures, dates)
  GRAPH[source id]    that source's claims: which facts it supports, with paragraph and note
Queries see the union. Every type is written with its superclasses, so tools that only know ORG,
schema.org or PROV still understand the data.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from typing import Any, cast

from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import PROV, RDF, RDFS, SKOS, XSD

from kg import fieldkinds, model, ontology, schema
from kg.model import curie
from kg.ontology import FACTS_GRAPH, GRAPH, KG, KGO, REGISTRY_GRAPH
from kg.rdf import bulk_store, decimal_lexical, oxigraph_dataset, quads
from kg.schema import Field
from kg.seeds import Citation, Record, Seeds

Triple = tuple[URIRef, URIRef, Any]


# Kept: an entity, a source and its graph come back in every fact and citation that names them, and the same IRI
# object is then converted once by kg.rdf.bulk_store (found by identity, not by rdflib's equality in Python).
@lru_cache(maxsize=1 << 16)
def entity_iri(ident: str) -> URIRef:
    return KG[ident]


def citation_iri(record_id: str, source_id: str) -> URIRef:
    return KG[f"{record_id}.{source_id}"]


@lru_cache(maxsize=1 << 12)
def source_graph(source_id: str) -> URIRef:
    return GRAPH[source_id]


@lru_cache(maxsize=1 << 10)
def _paragraph(number: int) -> Literal:
    return Literal(number, datatype=XSD.integer)


def _typed(subject: URIRef, cls: URIRef) -> Iterator[Triple]:
    for c in ontology.superclasses(cls):
        yield subject, RDF.type, c


def _objects(field: Field, value: Any, lang: str = "en") -> list[Any]:
    """The RDF objects a checked field value becomes (kg/fieldkinds.py: each kind's to_rdf)."""
    return fieldkinds.to_rdf(field, value, lang)


def _fields(subject: URIRef, fields: dict[str, Field], values: dict[str, Any], lang: str = "en") -> Iterator[Triple]:
    for name, field in fields.items():
        if field.predicate and name in values and field.kind != "money":
            for obj in _objects(field, values[name], lang):
                yield subject, curie(field.predicate), obj


def _citation(record_id: str, subject: URIRef, c: Citation) -> Iterator[Triple]:
    node = citation_iri(record_id, c.source)
    yield subject, PROV.wasDerivedFrom, entity_iri(c.source)
    yield subject, PROV.qualifiedDerivation, node
    yield from _typed(node, KGO.Citation)
    yield node, PROV.entity, entity_iri(c.source)
    for p in c.paras:
        yield node, KGO.paragraph, _paragraph(p)
    if c.note:
        yield node, KGO.note, Literal(c.note, lang="en")


def entity_triples(record: Record) -> Iterator[Triple]:
    """An entity's own triples (types, labels, attributes), for the registry graph."""
    e = entity_iri(record.id)
    cls = ontology.iri(record.kind)
    yield from _typed(e, cls)
    yield from _fields(e, schema.ENTITY_FIELDS, record.values)
    parent = record.values.get("part_of")
    if parent:
        prop = ontology.SCHEMA.superEvent if ontology.is_subclass(cls, KGO.Event) else ontology.SCHEMA.containedInPlace
        yield e, prop, entity_iri(parent)
    for scheme, code in sorted(record.values.get("identifiers", {}).items()):
        if scheme == "krx":
            yield e, ontology.SCHEMA.tickerSymbol, Literal(f"KRX:{code}")
        else:
            yield e, ontology.SCHEMA.identifier, Literal(f"{scheme}:{code}")


def source_triples(record: Record) -> Iterator[Triple]:
    s = entity_iri(record.id)
    yield from _typed(s, KGO.NewsArticle)
    values = dict(record.values)
    title = values.pop("title", None)
    yield from _fields(s, schema.SOURCE_FIELDS, values)
    if title:
        yield s, ontology.SCHEMA.headline, Literal(title, lang=record.values.get("language", "ko"))


def fact_class(record: Record) -> URIRef:
    return ontology.iri(model.active().kinds[record.kind].class_of(record.values))


def fact_triples(record: Record) -> Iterator[Triple]:
    """A fact's own triples, without its citations: its type, its fields by the model, their defaults."""
    f = entity_iri(record.id)
    spec = model.active().kinds[record.kind]
    fields = model.active().fields_of(record.kind)
    yield from _typed(f, fact_class(record))
    yield from _fields(f, fields, record.values)
    for name in spec.parties:
        yield f, KGO.party, entity_iri(record.values[name])
    yield from _defaults(f, spec, fields, record.values)
    yield from _inferences(f, record, fields)
    for name, field in fields.items():
        if field.kind == "money" and name in record.values:
            yield from _money(f, KG[f"{record.id}.{name}"], curie(field.predicate), record.values[name])
    if record.citations:
        yield f, KGO.note, Literal(record.citations[0].note, lang="en")


def _defaults(f: URIRef, spec, fields: dict[str, Field], values: dict[str, Any]) -> Iterator[Triple]:
    """A field's default where the fact does not give it (`when: figure`: only when it states a figure)."""
    has_figure = any(name in values for name in spec.figures)
    for name, field in fields.items():
        if field.default is None or name in values or (field.when == "figure" and not has_figure):
            continue
        yield from ((f, curie(field.predicate), o) for o in _objects(field, field.default))


def _inferences(f: URIRef, record: Record, fields: dict[str, Field]) -> Iterator[Triple]:
    for name, reason in sorted(record.values.get("inferred", {}).items()):
        node = KG[f"{record.id}.inferred-{name}"]
        yield f, KGO.inference, node
        yield from _typed(node, KGO.Inference)
        yield node, KGO.inferredField, Literal(name)
        if fields[name].predicate and fields[name].kind != "money":
            yield node, KGO.inferredProperty, curie(fields[name].predicate)
        yield node, KGO.reason, Literal(reason, lang="en")


def _money(f: URIRef, node: URIRef, prop: URIRef, money: dict[str, Any]) -> Iterator[Triple]:
    """A second statement of a sum (a conversion into another currency) as a node of its own."""
    yield f, prop, node
    yield from _typed(node, KGO.MonetaryAmount)
    yield node, KGO.amount, Literal(decimal_lexical(money["amount"]), datatype=XSD.decimal)
    yield node, KGO.currency, Literal(money["currency"])
    yield node, KGO.qualifier, ontology.controlled_values("qualifiers")[money["qualifier"]]


def vocabulary_triples() -> Iterator[Triple]:
    """The controlled values (qualifiers, statuses, participation roles) with their labels, so data
    consumers and SHACL can see their types without loading the ontology."""
    g = ontology.ontology_graph()
    for scheme in ("qualifiers", "statuses", "participationRoles"):
        for concept in ontology.controlled_values(scheme).values():
            for cls in g.objects(concept, RDF.type):
                yield from _typed(concept, cast(URIRef, cls))  # kg.ttl types its concepts with IRIs
            for p in (RDFS.label, SKOS.notation, SKOS.inScheme):
                for o in g.objects(concept, p):
                    yield concept, p, o


def seed_quads(seeds: Seeds) -> Iterator[tuple[URIRef, URIRef, Any, URIRef]]:
    """Every quad the seeds describe, as (s, p, o, graph name), streamed without building a graph."""
    for t in vocabulary_triples():
        yield (*t, REGISTRY_GRAPH)
    for record in seeds.sources.values():
        for t in source_triples(record):
            yield (*t, REGISTRY_GRAPH)
    for record in seeds.entities.values():
        for t in entity_triples(record):
            yield (*t, REGISTRY_GRAPH)
        for c in record.citations:
            for t in _citation(record.id, entity_iri(record.id), c):
                yield (*t, source_graph(c.source))
    for record in seeds.facts.values():
        for t in fact_triples(record):
            yield (*t, FACTS_GRAPH)
        for c in record.citations:
            for t in _citation(record.id, entity_iri(record.id), c):
                yield (*t, source_graph(c.source))


def build_dataset(seeds: Seeds, store: str = "default") -> Dataset:
    """The RDF dataset the seeds describe: registry, facts, and one claims graph per source.

    store is an rdflib store plugin name: "default" (rdflib's memory store) or "Oxigraph" (an in-memory Oxigraph
    store under oxrdflib, bulk-loaded: adding quads one by one through rdflib and oxrdflib cost 2.6 s of CPU
    for 96,000 triples, the bulk load about a third of that)."""
    if store == "Oxigraph":
        ds = oxigraph_dataset(bulk_store(seed_quads(seeds)))
        ontology.bind_prefixes(ds)
        return ds
    ds = Dataset(store=store, default_union=True)
    ontology.bind_prefixes(ds)
    graphs: dict[URIRef, Graph] = {}
    for s, p, o, g in seed_quads(seeds):
        if g not in graphs:
            graphs[g] = ds.graph(g)
        graphs[g].add((s, p, o))
    return ds


def union_graph(ds: Dataset) -> Graph:
    """All triples of all graphs in one graph, for exports and tools that do not know named graphs."""
    graph = Graph()
    ontology.bind_prefixes(graph)
    for s, p, o, _ in quads(ds):
        graph.add((s, p, o))
    return graph


def triple_count(ds: Dataset) -> int:
    """How many distinct triples the union of the dataset's graphs holds; counted by Oxigraph when the dataset is
    kept there, instead of copying every triple into an rdflib graph (2 s at 100,000 triples)."""
    from kg.query.internal import internal_text
    from kg.rdf import inner_store

    inner = inner_store(ds)
    if inner is None:
        return len(union_graph(ds))
    rows = inner.query(internal_text("triple-count")[0])
    return int(next(iter(rows))[0].value)


def graph_count(ds: Dataset) -> int:
    """How many graphs of the dataset hold a triple; when it is kept in Oxigraph, by asking each graph for one
    quad, instead of counting every graph's triples (3 s at 1M triples)."""
    from kg.rdf import inner_store

    inner = inner_store(ds)
    if inner is None:
        return sum(1 for g in ds.graphs() if len(g))
    import pyoxigraph as ox

    return sum(1 for g in [ox.DefaultGraph(), *inner.named_graphs()]
               if next(iter(inner.quads_for_pattern(None, None, None, g)), None) is not None)
