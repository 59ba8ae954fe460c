"""The SHACL shapes (ontology/shapes.ttl) checked by SPARQL queries on Oxigraph, for `kg build` on large graphs.

pySHACL walks rdflib's pure-Python store: 8 s of CPU at 100,000 triples, about 120 s and gigabytes at 1M. The
queries here are generated from the shapes graph itself (no second copy of the rules): each constraint of each
shape becomes one SELECT of the focus nodes (and values) that break it, run by Oxigraph on the union of the
graphs. They report what pySHACL reports: the same focus node, path, message and value; tests/test_shapes.py
holds them to pySHACL on the seeds and on graphs that break every constraint. Only the SHACL Core parts the
shapes use are compiled; any other part is an error here (UnsupportedShape), caught by that test.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import RDF, XSD

from kg import ontology
from kg.ontology import SH

#: Datatypes whose well-formedness is checked by casting (pySHACL refuses an ill-typed literal such as
#: "abc"^^xsd:integer); others are matched on the datatype alone, as pySHACL does.
_CASTABLE = {XSD.integer, XSD.decimal, XSD.date, XSD.boolean, XSD.float, XSD.double, XSD.dateTime, XSD.time}
_CLASS = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>/<http://www.w3.org/2000/01/rdf-schema#subClassOf>*"
#: The parameters this module compiles; a shape with any other sh: predicate is refused.
_KNOWN = {SH.path, SH.message, SH.minCount, SH.maxCount, SH["class"], SH.datatype, SH.languageIn, SH.uniqueLang,
          SH.minExclusive, SH.minInclusive, SH.minLength, SH.pattern, SH.nodeKind, SH["or"], SH.property,
          SH.targetClass, SH.targetSubjectsOf, SH.name, SH.description}


class UnsupportedShape(ValueError):
    """A part of SHACL the shapes use that this module does not compile."""


@dataclass(frozen=True)
class Check:
    """One constraint as a query: it selects ?focus (and ?value) for each result pySHACL would give."""

    shape: object        # the property or node shape (rdflib term in the shapes graph)
    component: str       # the constraint, e.g. "minCount", for tests and reading
    path: object         # the result path (an rdflib term), None for node shapes
    message: str         # the shape's sh:message in English (no language tag)
    message_ko: str      # and in Korean (@ko), "" where it has none
    query: str
    has_value: bool      # whether the result carries ?value (pySHACL's sh:value)


def _n3(term) -> str:
    if isinstance(term, URIRef):
        return f"<{term}>"
    if isinstance(term, Literal):
        return term.n3()
    raise UnsupportedShape(f"a term SPARQL cannot name: {term!r}")


def _path(graph: Graph, path) -> str:
    """The SPARQL property path of a SHACL path (an IRI or [ sh:inversePath IRI ])."""
    if isinstance(path, URIRef):
        return _n3(path)
    inverse = graph.value(path, SH.inversePath)
    if isinstance(inverse, URIRef):
        return f"^{_n3(inverse)}"
    raise UnsupportedShape(f"a SHACL path other than an IRI or an inverse IRI: {path!r}")


def _targets(graph: Graph, shape) -> str:
    """A pattern binding ?focus to the shape's focus nodes (instances of sh:targetClass, subjects of
    sh:targetSubjectsOf), each once."""
    parts = [f"{{ ?focus {_CLASS} {_n3(c)} }}" for c in sorted(graph.objects(shape, SH.targetClass), key=str)]
    parts += [f"{{ ?focus {_n3(p)} [] }}" for p in sorted(graph.objects(shape, SH.targetSubjectsOf), key=str)]
    if not parts:
        raise UnsupportedShape(f"a shape without sh:targetClass or sh:targetSubjectsOf: {shape}")
    return "{ SELECT DISTINCT ?focus { " + " UNION ".join(parts) + " } }"


def _items(graph: Graph, head) -> list:
    return list(Collection(graph, head))


def _datatype_ok(datatype, var: str) -> str:
    if datatype == RDF.langString:
        return f"(isLiteral({var}) && lang({var}) != \"\")"
    test = f"(isLiteral({var}) && datatype({var}) = {_n3(datatype)} && lang({var}) = \"\""
    if datatype in _CASTABLE:
        test += f" && COALESCE(isLiteral({_n3(datatype)}(STR({var}))), false)"
    return test + ")"


def _value_condition(graph: Graph, node, var: str = "?value") -> list[tuple[str, str]]:
    """(component, SPARQL expression true when var conforms) for each value constraint of a shape node."""
    out = []
    for cls in graph.objects(node, SH["class"]):
        out.append(("class", f"EXISTS {{ {var} {_CLASS} {_n3(cls)} }}"))
    for datatype in graph.objects(node, SH.datatype):
        out.append(("datatype", _datatype_ok(datatype, var)))
    for head in graph.objects(node, SH.languageIn):
        tags = ", ".join(Literal(str(t).lower()).n3() for t in _items(graph, head))
        out.append(("languageIn", f"(isLiteral({var}) && lang({var}) != \"\" && (LCASE(lang({var})) IN ({tags}) || "
                                  f"LCASE(STRBEFORE(lang({var}), \"-\")) IN ({tags})))"))
    for bound in graph.objects(node, SH.minExclusive):
        out.append(("minExclusive", f"(!isBlank({var}) && !isIRI({var}) && COALESCE({var} > {_n3(bound)}, false))"))
    for bound in graph.objects(node, SH.minInclusive):
        out.append(("minInclusive", f"(!isBlank({var}) && !isIRI({var}) && COALESCE({var} >= {_n3(bound)}, false))"))
    for size in graph.objects(node, SH.minLength):
        out.append(("minLength", f"(!isBlank({var}) && STRLEN(STR({var})) >= {int(str(size))})"))
    for pattern in graph.objects(node, SH.pattern):
        if graph.value(node, SH.flags) is not None:
            raise UnsupportedShape("sh:flags")
        out.append(("pattern", f"(!isBlank({var}) && REGEX(STR({var}), {Literal(str(pattern)).n3()}))"))
    for kind in graph.objects(node, SH.nodeKind):
        if kind != SH.IRI:
            raise UnsupportedShape(f"sh:nodeKind {kind}")
        out.append(("nodeKind", f"isIRI({var})"))
    for head in graph.objects(node, SH["or"]):
        alternatives = []
        for alternative in _items(graph, head):
            tests = [test for _, test in _value_condition(graph, alternative, var)]
            if not tests or set(graph.predicates(alternative, None)) - {SH["class"], SH.datatype}:
                raise UnsupportedShape("an sh:or alternative other than sh:class or sh:datatype")
            alternatives.append("(" + " && ".join(tests) + ")")
        out.append(("or", "(" + " || ".join(alternatives) + ")"))
    return out


def _node_or(graph: Graph, shape) -> str | None:
    """The condition for a node shape's sh:or of property shapes that each ask for one value of a path."""
    heads = list(graph.objects(shape, SH["or"]))
    if not heads:
        return None
    alternatives = []
    for head in heads:
        for alternative in _items(graph, head):
            if set(graph.predicates(alternative, None)) != {SH.path, SH.minCount} or \
                    int(str(graph.value(alternative, SH.minCount))) != 1:
                raise UnsupportedShape("a node-level sh:or alternative other than [ sh:path P ; sh:minCount 1 ]")
            alternatives.append(f"EXISTS {{ ?focus {_path(graph, graph.value(alternative, SH.path))} [] }}")
    return " || ".join(alternatives)


def _message(graph: Graph, shape) -> tuple[str, str]:
    """The shape's sh:message in English and in Korean; pySHACL words its own message for a shape without an
    English one, which this module would not match, so such a shape is refused."""
    messages = list(graph.objects(shape, SH.message))
    english = [m for m in messages if getattr(m, "language", None) in (None, "en")]
    korean = [m for m in messages if getattr(m, "language", None) == "ko"]
    if len(english) != 1 or len(korean) > 1 or len(english) + len(korean) != len(messages):
        raise UnsupportedShape(f"{shape}: {len(messages)} sh:message (one English and one Korean are compiled)")
    return str(english[0]), str(korean[0]) if korean else ""


def _checks_of(graph: Graph, shape) -> Iterator[Check]:
    unknown = {p for p in graph.predicates(shape, None) if str(p).startswith(str(SH))} - _KNOWN
    if unknown or (shape, RDF.type, SH.NodeShape) not in graph:
        raise UnsupportedShape(f"{shape}: {sorted(map(str, unknown)) or 'not an sh:NodeShape'}")
    focus = _targets(graph, shape)
    condition = _node_or(graph, shape)
    if condition is not None:
        message = _message(graph, shape)
        yield Check(shape, "or", None, *message,
                    f"SELECT ?focus (?focus AS ?value) {{ {focus} FILTER(!({condition})) }}", True)
    for prop in graph.objects(shape, SH.property):
        unknown = {p for p in graph.predicates(prop, None) if str(p).startswith(str(SH))} - _KNOWN
        if unknown:
            raise UnsupportedShape(f"{prop}: {sorted(map(str, unknown))}")
        raw_path = graph.value(prop, SH.path)
        path = _path(graph, raw_path)
        message = _message(graph, prop)
        low = graph.value(prop, SH.minCount)
        if low is not None and int(str(low)) > 0:
            yield Check(prop, "minCount", raw_path, *message,
                        f"SELECT ?focus {{ {focus} OPTIONAL {{ ?focus {path} ?value }} }} GROUP BY ?focus "
                        f"HAVING (COUNT(DISTINCT ?value) < {int(str(low))})", False)
        high = graph.value(prop, SH.maxCount)
        if high is not None:
            yield Check(prop, "maxCount", raw_path, *message,
                        f"SELECT ?focus {{ {focus} ?focus {path} ?value }} GROUP BY ?focus "
                        f"HAVING (COUNT(DISTINCT ?value) > {int(str(high))})", False)
        if graph.value(prop, SH.uniqueLang) == Literal(True):
            yield Check(prop, "uniqueLang", raw_path, *message,
                        f"SELECT DISTINCT ?focus {{ {{ SELECT ?focus ?tag (COUNT(DISTINCT ?value) AS ?n) {{ {focus} "
                        f"?focus {path} ?value FILTER(isLiteral(?value) && lang(?value) != \"\") }} "
                        f"GROUP BY ?focus (LCASE(lang(?value)) AS ?tag) }} FILTER(?n > 1) }}", False)
        for component, test in _value_condition(graph, prop):
            yield Check(prop, component, raw_path, *message,
                        f"SELECT DISTINCT ?focus ?value {{ {focus} ?focus {path} ?value FILTER(!({test})) }}", True)


@cache
def checks() -> tuple[Check, ...]:
    """Every constraint of ontology/shapes.ttl as a query, in the shapes file's order of shapes."""
    graph = ontology.shapes_graph()
    shapes = sorted(set(graph.subjects(RDF.type, SH.NodeShape)), key=str)
    return tuple(check for shape in shapes if not isinstance(shape, BNode) for check in _checks_of(graph, shape))


def results(store) -> Iterator[tuple[Check, object, object]]:
    """(check, focus node, value or None) for every result, as rdflib terms, from a pyoxigraph Store whose named
    graphs hold the data (their union is validated)."""
    from kg.rdf import to_rdflib

    for check in checks():
        for row in store.query(check.query, use_default_graph_as_union=True):
            value = to_rdflib(row["value"]) if check.has_value and row["value"] is not None else None
            yield check, to_rdflib(row["focus"]), value


def focus_count(store) -> int:
    """How many distinct subjects have a type (what the report calls nodes checked)."""
    rows = store.query("SELECT (COUNT(DISTINCT ?s) AS ?n) { ?s a ?type }", use_default_graph_as_union=True)
    return int(next(iter(rows))[0].value)
