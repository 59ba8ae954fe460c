"""The bottom RDF layer: where kg meets rdflib, pyoxigraph and oxrdflib. rdflib Datasets over Oxigraph stores
(oxrdflib), terms converted between the two libraries, and literals in one canonical form whatever the store.
It imports no kg module above kg.errors, so that stores, engine, exports and the model can all use it.
Beside it: kg.rdfformats (the table of RDF formats) and kg.rdfio (reading users' RDF files safely).
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from typing import Any

from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.namespace import XSD
from rdflib.term import Node

from kg.errors import KgError
from kg.plain import decimal_lexical  # noqa: F401 - kg.rdf is where the RDF code finds it

_STRING = XSD.string.toPython()
_DECIMAL = XSD.decimal.toPython()


# ------------------------------------------------------------------ datasets over Oxigraph (oxrdflib)


def oxigraph_dataset(store) -> Dataset:
    """An rdflib Dataset over a pyoxigraph Store, with the union of named graphs as default graph."""
    from oxrdflib import OxigraphStore

    return Dataset(store=OxigraphStore(store=store), default_union=True)


def inner_store(graph) -> Any | None:
    """The pyoxigraph Store under a graph or dataset kept in Oxigraph (oxrdflib), or None for any other."""
    store = getattr(graph, "store", None)
    if store is None or type(store).__name__ != "OxigraphStore":
        return None
    return store._inner  # oxrdflib's pyoxigraph Store (a property without a public name)


def oxigraph_store(graph) -> Any | None:
    """The pyoxigraph Store under an rdflib Dataset whose default graph is the union of its graphs (how kg
    opens every Oxigraph store), or None for any other graph, store or endpoint: queries run there."""
    if not isinstance(graph, Dataset) or not graph.default_union:
        return None
    return inner_store(graph)


# ------------------------------------------------------------------ canonical literals


def canonical(term: Any) -> Any:
    """Stores differ in how they keep some literals (Oxigraph drops a decimal's ".0" and spells out
    xsd:string, Virtuoso writes a boolean as 1 or 0); write one form whatever the store."""
    if not isinstance(term, Literal) or term.datatype is None:  # most terms: checked first, as this runs per term
        return term
    if term.datatype == XSD.decimal:
        value = term.toPython()  # an ill-formed decimal ("abc") stays as it is
        return Literal(decimal_lexical(value), datatype=XSD.decimal) if isinstance(value, Decimal) else term
    if term.datatype == XSD.string:  # the same as a plain literal in RDF 1.1
        return Literal(str(term))
    if term.datatype == XSD.boolean and str(term) in ("1", "0"):  # the canonical form is true or false
        return Literal(str(term) == "1")
    return term


def quads(ds: Dataset) -> Iterator[tuple[Node, Node, Any, Node | None]]:
    """Every quad of the dataset as (s, p, o, graph name), with literals in canonical form."""
    for s, p, o, g in ds.quads((None, None, None, None)):
        yield s, p, canonical(o), (g.identifier if isinstance(g, Graph) else g)


# ------------------------------------------------------------------ terms: pyoxigraph <-> rdflib

_datatypes: dict[str, URIRef] = {}


def to_rdflib(term) -> Any:
    """A pyoxigraph term as the rdflib term kg uses (literals in canonical form)."""
    kind = type(term).__name__
    if kind == "NamedNode":
        return URIRef(term.value)
    if kind == "Literal":
        if term.language:
            return Literal(term.value, lang=term.language)
        datatype = term.datatype.value
        if datatype == _STRING:
            return Literal(term.value)
        if datatype not in _datatypes:
            _datatypes[datatype] = URIRef(datatype)
        literal = Literal(term.value, datatype=_datatypes[datatype])
        return canonical(literal) if datatype == _DECIMAL else literal
    if kind == "BlankNode":
        return BNode(term.value)
    if kind == "Triple":  # RDF-star: as oxrdflib gives it
        return to_rdflib(term.subject), to_rdflib(term.predicate), to_rdflib(term.object)
    raise ValueError(f"unexpected Oxigraph term {term!r}")


def to_oxigraph(term, ox):
    """An rdflib IRI or literal as a pyoxigraph term (ox: the pyoxigraph module)."""
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype is not None:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    raise KgError.of("export term", term=repr(term))


def bulk_store(quads_of) -> Any:
    """A new in-memory pyoxigraph Store holding the given (s, p, o, graph name) rdflib quads, loaded in bulk.

    IRIs repeat across quads (predicates, types, graph names, entities), and so do typed literals (paragraph
    numbers, dates, amounts): each is converted once. Texts are mostly unique, and not kept."""
    import pyoxigraph as ox

    iris: dict[Any, Any] = {}
    literals: dict[tuple[str, URIRef], Any] = {}

    def iri(term):
        node = iris.get(term)
        if node is None:
            node = iris[term] = to_oxigraph(term, ox)
        return node

    def obj(term):
        if isinstance(term, URIRef):
            return iri(term)
        if not isinstance(term, Literal) or term.datatype is None:
            return to_oxigraph(term, ox)
        key = (str(term), term.datatype)
        node = literals.get(key)
        if node is None:
            node = literals[key] = to_oxigraph(term, ox)
        return node

    def converted():
        for s, p, o, g in quads_of:
            yield ox.Quad(iri(s), iri(p), obj(o), iri(g))

    store = ox.Store()
    store.bulk_extend(converted())
    return store


def oxigraph_quads(ds: Dataset) -> list:
    """The dataset's quads as pyoxigraph terms in canonical form (see canonical).

    An Oxigraph-backed dataset hands its quads over directly; others are converted term by term."""
    import pyoxigraph as ox

    inner = inner_store(ds)
    if inner is not None:
        return [_canonical_ox(q, ox) for q in inner]
    return [ox.Quad(to_oxigraph(s, ox), to_oxigraph(p, ox), to_oxigraph(canonical(o), ox), to_oxigraph(g, ox))
            for s, p, o, g in quads(ds)]


def _canonical_ox(quad, ox):
    o = quad.object
    if isinstance(o, ox.Literal) and o.datatype.value == _DECIMAL:
        o = ox.Literal(decimal_lexical(Decimal(o.value)), datatype=o.datatype)
        return ox.Quad(quad.subject, quad.predicate, o, quad.graph_name)
    return quad
