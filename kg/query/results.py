"""A query's answer: rows of Python values for code, and text for people (an aligned table) and scripts
(the W3C SPARQL 1.1 result formats).

The W3C formats are written here, not by the engines' serializers, which were compared on every named query:
- pyoxigraph's `QuerySolutions.serialize` writes the same CSV and TSV except for decimals (Oxigraph's own
  lexical form, `255000` and in TSV `"255000"^^xsd:decimal`, where kg writes the canonical `255000.0` of
  kg.rdf.canonical, as every store gives it), and JSON and XML on one line. It also only serves answers
  of an Oxigraph store still in the process: kg's answers come from rdflib's engine and SPARQL endpoints too,
  and cross from the time-limited worker as rdflib terms.
- rdflib's `Result.serialize` has no TSV, fails on an unbound value in XML ("Unsupported RDF term: None"),
  and orders JSON keys by the row.
One writer over canonical terms gives the same bytes whichever store answered (tests/test_stores_agree.py).
"""

from __future__ import annotations

import itertools
import json
from dataclasses import dataclass, field
from typing import Any, cast
from xml.etree import ElementTree as ET

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import XSD
from rdflib.term import Node

from kg import engine, ontology
from kg.errors import QueryError
from kg.query.binding import literal_n3
from kg.query.layout import MAX_CELL, csv_text, fit, json_text, table, tsv_text, width
from kg.query.params import _DECIMAL, _INTEGER, compact
from kg.rdf import canonical

#: Output formats: an aligned table for people, the W3C SPARQL 1.1 result formats for scripts, and Turtle
#: for the graphs CONSTRUCT and DESCRIBE return.
FORMATS = ("table", "csv", "tsv", "json", "xml", "turtle")
_width = width  # kg.query._width, for tests
SPARQL_RESULTS_NS = "http://www.w3.org/2005/sparql-results#"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def python_value(term: Node | None) -> Any:
    """A result term as a plain Python value: IRIs as strings, numbers as int/Decimal/float, dates as
    datetime.date, booleans as bool, other literals as their text; None where the variable is unbound."""
    if term is None:
        return None
    if isinstance(term, URIRef):
        return str(term)
    if isinstance(term, BNode):
        return f"_:{term}"
    value = cast(Literal, term).toPython()  # neither an IRI nor a blank node: a literal
    return str(term) if isinstance(value, Literal) else value


@dataclass
class QueryResult:
    """A query's answer: for SELECT the variables and rows, for ASK a boolean, for CONSTRUCT/DESCRIBE a graph.

    `rows` are dicts of plain Python values (pandas.DataFrame(result.rows) makes a table);
    `terms` keep the RDF terms for the W3C formats. An answer from an Oxigraph store keeps Oxigraph's terms
    and makes each form on first use (kg.engine), so `rows` costs no rdflib terms."""

    kind: str                                   # "SELECT" | "ASK" | "CONSTRUCT"
    vars: list[str] = field(default_factory=list)
    _terms: list[tuple[Node | None, ...]] | None = field(default=None, repr=False)
    boolean: bool | None = None
    graph: Graph | None = None
    truncated: bool = False                     # more rows (or triples) than max_rows: only the first are kept
    _oxigraph: list[tuple] | None = field(default=None, repr=False, compare=False)

    @classmethod
    def of(cls, result, max_rows: int | None = None) -> QueryResult:
        """The answer of rdflib's query API (or kg.engine's), keeping at most max_rows rows or triples."""
        if result.type == "ASK":
            return cls("ASK", boolean=bool(result.askAnswer))
        limit = None if max_rows is None else max_rows + 1  # one more tells whether there were more
        if result.type in ("CONSTRUCT", "DESCRIBE"):
            graph = Graph()
            ontology.bind_prefixes(graph)
            for s, p, o in itertools.islice(result.graph, limit):
                graph.add((s, p, canonical(o)))
            truncated = max_rows is not None and len(graph) > max_rows
            if truncated:
                graph.remove(sorted(graph)[-1])
            return cls("CONSTRUCT", graph=graph, truncated=truncated)
        names = [str(v) for v in result.vars]
        if getattr(result, "solutions", None) is not None:  # kg.engine's answer: Oxigraph's terms, as tuples
            raw = list(itertools.islice(result.solutions, limit))
            truncated = max_rows is not None and len(raw) > max_rows
            return cls("SELECT", vars=names, _oxigraph=raw[:max_rows] if truncated else raw, truncated=truncated)
        # rdflib's `bindings` property reads the whole answer into a list; the generator behind it does not
        pending = getattr(result, "_genbindings", None)
        bindings = itertools.islice(pending if pending is not None else result.bindings, limit)
        rows = [tuple(canonical(binding.get(v)) for v in result.vars) for binding in bindings]
        truncated = max_rows is not None and len(rows) > max_rows
        return cls("SELECT", vars=names, _terms=rows[:max_rows] if truncated else rows, truncated=truncated)

    @property
    def terms(self) -> list[tuple[Node | None, ...]]:
        """Each row's RDF terms (rdflib's, literals in canonical form), in the order of `vars`."""
        if self._terms is None:
            self._terms = engine.rdflib_rows(self._oxigraph or [])
        return self._terms

    @property
    def rows(self) -> list[dict[str, Any]]:
        if self._terms is None and self._oxigraph is not None:
            values = engine.python_rows(self._oxigraph, fallback=lambda t: python_value(engine.to_rdflib(t)))
        else:
            values = [tuple(python_value(t) for t in row) for row in self.terms]
        return [dict(zip(self.vars, row, strict=True)) for row in values]

    def __getstate__(self) -> dict:
        """Pickled (from the time-limited worker) with rdflib terms: Oxigraph's terms stay in the process."""
        state = dict(self.__dict__, _terms=self.terms if self.kind == "SELECT" else self._terms)
        state["_oxigraph"] = None
        return state

    @property
    def empty(self) -> bool:
        """No rows, no triples, or a false ASK."""
        return not self.boolean if self.kind == "ASK" else len(self) == 0

    def __len__(self) -> int:
        if self.kind == "SELECT":
            return len(self.terms)
        return len(self.graph) if self.graph is not None else 1

    def serialize(self, fmt: str = "table") -> str:
        """The result as text: "table" (aligned, for terminals), "csv", "tsv", "json", "xml" (the W3C
        SPARQL 1.1 result formats) or "turtle" (CONSTRUCT and DESCRIBE results)."""
        if fmt not in FORMATS:
            raise QueryError.of("query format unknown", fmt=fmt, formats=", ".join(FORMATS))
        if self.kind == "CONSTRUCT":
            if fmt not in ("table", "turtle"):
                raise QueryError.of("query graph format", fmt=fmt)
            assert self.graph is not None  # a CONSTRUCT result has its graph
            return self.graph.serialize(format="turtle")
        if fmt == "turtle":
            raise QueryError.of("query table format", kind=self.kind)
        if self.kind == "ASK":
            assert self.boolean is not None  # an ASK result has its answer
            return {"json": _ask_json, "xml": _ask_xml}.get(fmt, lambda b: ("true" if b else "false") + "\n")(
                self.boolean)
        return {"table": _table, "csv": _csv, "tsv": _tsv, "json": _json, "xml": _xml}[fmt](self)

    def cut_cells(self) -> bool:
        """Whether the table form cuts any cell (so the CLI can say where to see them whole)."""
        return any(width(_cell(t)) > MAX_CELL for row in self.terms for t in row)


def _cell(term: Node | None) -> str:
    if term is None:
        return ""
    if isinstance(term, URIRef):
        return compact(term)
    if isinstance(term, BNode):
        return f"_:{term}"
    return " ".join(str(term).split()) if "\n" in str(term) or "\t" in str(term) else str(term)


def _numeric(term: Node | None) -> bool:
    return isinstance(term, Literal) and term.datatype in (XSD.integer, XSD.decimal, XSD.double, XSD.float, XSD.int)


def _table(result: QueryResult) -> str:
    cells = [[fit(_cell(t)) for t in row] for row in result.terms]
    right = [bool(result.terms) and all(_numeric(row[i]) or row[i] is None for row in result.terms)
             for i in range(len(result.vars))]
    return table(result.vars, cells, right)


def _csv(result: QueryResult) -> str:
    """W3C SPARQL 1.1 CSV: variable names, then values without types (IRIs bare, blank nodes as _:x)."""
    return csv_text(result.vars, (["" if t is None else f"_:{t}" if isinstance(t, BNode) else str(t)
                                          for t in row] for row in result.terms))


def _tsv_term(term: Node | None) -> str:
    if term is None:
        return ""
    if isinstance(term, BNode):
        return f"_:{term}"
    if isinstance(term, URIRef):
        return f"<{term}>"
    term = cast(Literal, term)  # neither an IRI nor a blank node: a literal
    if term.datatype == XSD.integer and _INTEGER.fullmatch(str(term)):
        return str(term)
    if term.datatype == XSD.decimal and _DECIMAL.fullmatch(str(term)):
        return str(term)
    if term.datatype == XSD.boolean and str(term) in ("true", "false"):
        return str(term)
    return literal_n3(term)


def _tsv(result: QueryResult) -> str:
    """W3C SPARQL 1.1 TSV: ?variables, then terms in SPARQL syntax (numbers and booleans abbreviated)."""
    return tsv_text(result.vars, ([_tsv_term(t) for t in row] for row in result.terms))


def _json_term(term: Node) -> dict[str, str]:
    if isinstance(term, URIRef):
        return {"type": "uri", "value": str(term)}
    if isinstance(term, BNode):
        return {"type": "bnode", "value": str(term)}
    out = {"type": "literal", "value": str(term)}
    term = cast(Literal, term)  # neither an IRI nor a blank node: a literal
    if term.language:
        out["xml:lang"] = term.language
    elif term.datatype and term.datatype != XSD.string:
        out["datatype"] = str(term.datatype)
    return out


def _json(result: QueryResult) -> str:
    """W3C SPARQL 1.1 JSON results."""
    bindings = [{v: _json_term(t) for v, t in zip(result.vars, row, strict=True) if t is not None}
                for row in result.terms]
    return json_text(result.vars, bindings)


def _ask_json(boolean: bool) -> str:
    return json.dumps({"head": {}, "boolean": boolean}, indent=2) + "\n"


def _xml_document(fill) -> str:
    ET.register_namespace("", SPARQL_RESULTS_NS)
    root = ET.Element(f"{{{SPARQL_RESULTS_NS}}}sparql")
    fill(root, lambda parent, tag, **attrs: ET.SubElement(parent, f"{{{SPARQL_RESULTS_NS}}}{tag}", attrs))
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def _xml(result: QueryResult) -> str:
    """W3C SPARQL Query Results XML Format."""
    def fill(root, sub):
        head = sub(root, "head")
        for v in result.vars:
            sub(head, "variable", name=v)
        results = sub(root, "results")
        for row in result.terms:
            item = sub(results, "result")
            for v, t in zip(result.vars, row, strict=True):
                if t is None:
                    continue
                binding = sub(item, "binding", name=v)
                if isinstance(t, URIRef):
                    sub(binding, "uri").text = str(t)
                elif isinstance(t, BNode):
                    sub(binding, "bnode").text = str(t)
                else:
                    attrs = {XML_LANG: t.language} if t.language else (
                        {"datatype": str(t.datatype)} if t.datatype and t.datatype != XSD.string else {})
                    sub(binding, "literal", **attrs).text = str(t)
    return _xml_document(fill)


def _ask_xml(boolean: bool) -> str:
    def fill(root, sub):
        sub(root, "head")
        sub(root, "boolean").text = "true" if boolean else "false"
    return _xml_document(fill)
