"""`kg ontology-doc`: ontology/kg.ttl as one offline HTML page, English and Korean side by side.

A template of kg's own rather than pyLODE: pyLODE took the page's title from a SKOS concept scheme, glued the two
languages into one heading and left out the qualifiers and statuses, which are individuals. This page takes its
title and version from the owl:Ontology, lists every class, property and controlled value (each concept scheme
with its members) with both labels and the comment, and names the standard terms the ontology declares. The page
loads nothing (inline CSS, no script) and is the same bytes on every run.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS

from kg import ontology
from kg.ontology import KGO_NS

#: The sections of terms, in page order: (anchor, rdf:type, English heading, Korean heading).
SECTIONS = (
    ("classes", OWL.Class, "Classes", "클래스"),
    ("object-properties", OWL.ObjectProperty, "Object properties", "객체 속성"),
    ("data-properties", OWL.DatatypeProperty, "Data properties", "데이터 속성"),
    ("annotation-properties", OWL.AnnotationProperty, "Annotation properties", "주석 속성"),
)

#: What a term's detail lines show: (property, English name, Korean name).
DETAILS = (
    (RDF.type, "type", "유형"),
    (RDFS.subClassOf, "subclass of", "상위 클래스"),
    (RDFS.subPropertyOf, "subproperty of", "상위 속성"),
    (RDFS.domain, "domain", "정의역"),
    (RDFS.range, "range", "치역"),
    (SKOS.notation, "notation (seed files)", "표기 (시드 파일)"),
    (ontology.KGO.figureTemplate, "figure template", "수치 표기 틀"),
    (ontology.KGO.tolerance, "tolerance", "허용 오차"),
    (SKOS.hiddenLabel, "words in the text", "원문 표현"),
)


def _by_language(g: Graph, subject: URIRef, prop: URIRef) -> dict[str, str]:
    """The values of a text property by language; an untagged value counts as English."""
    found: dict[str, str] = {}
    for value in sorted(g.objects(subject, prop), key=str):
        if isinstance(value, Literal):
            found.setdefault(value.language or "en", str(value))
    return found


def _curie(g: Graph, node: Any) -> str:
    if isinstance(node, Literal):
        return f'"{node}"@{node.language}' if node.language else str(node)
    return g.namespace_manager.normalizeUri(node) if isinstance(node, URIRef) else str(node)


def _term(g: Graph, subject: URIRef) -> dict[str, Any]:
    details = []
    for prop, en, ko in DETAILS:
        values = sorted(g.objects(subject, prop), key=lambda v: _curie(g, v))
        shown = [{"text": _curie(g, v), "anchor": _anchor(v)} for v in values if v != OWL.Class]
        if shown:
            details.append({"en": en, "ko": ko, "values": shown})
    return {"curie": _curie(g, subject), "anchor": _anchor(subject), "iri": str(subject),
            "label": _by_language(g, subject, RDFS.label), "comment": _by_language(g, subject, RDFS.comment),
            "details": details}


def _anchor(node: Any) -> str | None:
    """The page anchor of a kgo term (None for anything else)."""
    return str(node)[len(str(KGO_NS)):] if isinstance(node, URIRef) and str(node).startswith(str(KGO_NS)) else None


def _kgo(nodes) -> list[URIRef]:
    return sorted({n for n in nodes if isinstance(n, URIRef) and _anchor(n)})


def document(g: Graph) -> dict[str, Any]:
    """What the page shows, from the ontology graph."""
    ontology.bind_prefixes(g)
    (head,) = [s for s in g.subjects(RDF.type, OWL.Ontology) if isinstance(s, URIRef)]
    sections = [{"anchor": anchor, "en": en, "ko": ko, "terms": [_term(g, s) for s in _kgo(g.subjects(RDF.type, kind))]}
                for anchor, kind, en, ko in SECTIONS]
    schemes = []
    for scheme in _kgo(g.subjects(RDF.type, SKOS.ConceptScheme)):
        members = sorted(_kgo(g.subjects(SKOS.inScheme, scheme)), key=lambda m: ontology.place(g, m))
        schemes.append({**_term(g, scheme), "members": [_term(g, m) for m in members]})
    standard = {}
    for _, kind, en, _ko in SECTIONS:
        terms = sorted(_curie(g, s) for s in g.subjects(RDF.type, kind) if isinstance(s, URIRef) and not _anchor(s))
        if terms:
            standard[en] = terms
    return {"iri": str(head), "title": _by_language(g, head, RDFS.label),
            "comment": _by_language(g, head, RDFS.comment), "version": str(g.value(head, OWL.versionInfo) or ""),
            "sections": sections, "schemes": schemes, "standard": standard,
            "prefixes": sorted((p, str(n)) for p, n in ontology.PREFIXES.items())}


def page() -> bytes:
    """The HTML page of the ontology in use (kg.ttl and any fixture model's extension)."""
    from jinja2 import Environment, FileSystemLoader

    from kg.resources import data_dir

    g = Graph()
    g += ontology.ontology_graph()
    env = Environment(loader=FileSystemLoader(str(data_dir("templates"))), autoescape=True, keep_trailing_newline=True)
    return env.get_template("ontology.html.j2").render(doc=document(g)).encode("utf-8")


def write(path: str | Path) -> bytes:
    """Write the page to path atomically; the bytes written."""
    from kg.serialize import write_atomic

    data = page()
    write_atomic(path, data)
    return data
