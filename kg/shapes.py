"""SHACL validation of the built graph against ontology/shapes.ttl (pySHACL), with a report people can read."""

from __future__ import annotations

from dataclasses import dataclass, field

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF

from kg import ontology
from kg.errors import KgError
from kg.ontology import KG, PREFIXES, SH
from kg.text import MESSAGES, tr


@dataclass(frozen=True, order=True)
class Violation:
    """One shape a node breaks."""

    focus: str
    path: str
    message: str
    value: str = ""
    severity: str = "Violation"
    where: str = ""
    message_ko: str = ""   # the shape's sh:message@ko, where it has one

    def __str__(self) -> str:
        return self.text("en")

    def text(self, lang: str = "en") -> str:
        at = f" ({self.where})" if self.where else ""
        value = tr("validate value", lang, value=self.value) if self.value else ""
        path = f" {self.path}:" if self.path else ""
        severity = tr(f"validate {self.severity}", lang) if f"validate {self.severity}" in MESSAGES else self.severity
        message = self.message_ko if lang == "ko" and self.message_ko else self.message
        return f"{severity}: {self.focus}{at}{path} {message}{value}"


@dataclass
class Report:
    """The outcome of validating a graph: conforms, and every violation found."""

    conforms: bool
    violations: list[Violation] = field(default_factory=list)
    focus_nodes: int = 0

    def text(self, lang: str = "en") -> str:
        """The report in the language (each violation by its shape's sh:message in that language)."""
        if self.conforms:
            return tr("validate conforms", lang, n=self.focus_nodes)
        lines = [v.text(lang) for v in self.violations]
        lines.append(tr("validate violations", lang, n=len(self.violations)))
        return "\n".join(lines)


def short(term) -> str:
    """A prefixed name where a project prefix fits, else the term as N-Triples would show it."""
    if isinstance(term, URIRef):
        for prefix, ns in sorted(PREFIXES.items(), key=lambda kv: -len(str(kv[1]))):
            if term.startswith(str(ns)) and len(term) > len(str(ns)):
                return f"{prefix}:{term[len(str(ns)):]}"
        return f"<{term}>"
    if isinstance(term, Literal):
        return term.n3()
    return str(term)


# pySHACL works on rdflib's pure-Python store: kg's validation of 96,000 triples of the seeds' shape takes about
# 25 s and 260 MB (copy into rdflib about 7 s, pySHACL about 17 s), 20 times the seed graph (5,181 triples).
MAX_TRIPLES = 100_000


def check_size(graph, where: str = "") -> None:
    """Refuse a graph (or dataset) too big for kg validate, before anything is copied; cheap on Oxigraph."""
    count = len(graph)
    if count > MAX_TRIPLES:
        raise KgError.of("validate too big", where=where + ": " if where else "", count=count, limit=MAX_TRIPLES)


def validate_graph(graph: Graph, origins: dict[str, str] | None = None) -> Report:
    """Validate a data graph with the shapes. origins maps node ids to 'file:line' for the report.

    Not pySHACL's advanced mode: the shapes use no SHACL-AF features, and advanced mode copies the whole data
    graph first (for SHACL rules), which was most of the time on large graphs (a 64,000-triple rdf:List: 7.8 s
    with it, 0.03 s without)."""
    import pyshacl  # heavy; only when validating

    check_size(graph)
    conforms, results, _ = pyshacl.validate(
        graph, shacl_graph=ontology.shapes_graph(), inference="none", allow_warnings=True,
    )
    violations = set()
    for result in results.subjects(RDF.type, SH.ValidationResult):
        severity = results.value(result, SH.resultSeverity)
        messages = {getattr(m, "language", None) == "ko": str(m) for m in results.objects(result, SH.resultMessage)}
        violations.add(_violation(results.value(result, SH.focusNode), results.value(result, SH.resultPath),
                                  messages.get(False), messages.get(True, ""), results.value(result, SH.value),
                                  str(severity).rsplit("#", 1)[-1] if severity is not None else "Violation", origins))
    focus_count = len(set(graph.subjects(RDF.type, None)))
    return Report(conforms=bool(conforms), violations=sorted(violations), focus_nodes=focus_count)


def validate_store(store, origins: dict[str, str] | None = None) -> Report:
    """validate_graph for a pyoxigraph Store (the union of its graphs), by the SPARQL checks kg.shapes_sparql
    generates from the same shapes: the same report, without copying the graph into rdflib, and no size limit
    (96,000 triples: about 1 s of CPU against pySHACL's 8 s, and 15 s at 1M)."""
    from kg import shapes_sparql

    violations = {_violation(focus, check.path, check.message, check.message_ko, value, "Violation", origins)
                  for check, focus, value in shapes_sparql.results(store)}
    return Report(conforms=not violations, violations=sorted(violations), focus_nodes=shapes_sparql.focus_count(store))


def _violation(focus, path, message, message_ko: str, value, severity: str,
               origins: dict[str, str] | None) -> Violation:
    """A result of either validator as the report shows it (terms shortened, the seed file and line added)."""
    ident = str(focus)[len(str(KG)):] if isinstance(focus, URIRef) and focus.startswith(str(KG)) else ""
    return Violation(
        focus=short(focus),
        path=short(path) if path is not None else "",
        message=str(message) if message is not None else "breaks a shape",
        message_ko=message_ko,
        value=short(value) if value is not None else "",
        severity=severity,
        where=(origins or {}).get(ident, ""),
    )
