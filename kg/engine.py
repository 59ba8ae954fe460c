"""SPARQL on an Oxigraph-backed dataset, run by pyoxigraph itself rather than through oxrdflib's query method.

Two reasons. oxrdflib turns every answer term into an rdflib term the slow way (a typed literal is built
and then rebuilt by kg's canonical form): on a 1M-triple store, central-organisations answers 12,692 rows
in 0.69 s and oxrdflib took 0.45 s more to convert them. And oxrdflib always asks Oxigraph for the union
default graph, which overrides a query's own FROM; here a query with FROM or FROM NAMED gets the dataset
it names, as in rdflib's engine and any SPARQL endpoint.
"""

from __future__ import annotations

import collections
import datetime
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from decimal import Decimal
from typing import Any

from rdflib import Graph, Variable
from rdflib.namespace import XSD
from rdflib.query import Result

from kg.rdf import decimal_lexical, oxigraph_store, to_rdflib

_STRING = XSD.string.toPython()
_DECIMAL = XSD.decimal.toPython()
_INTEGER = XSD.integer.toPython()
_INTEGER_FORM = re.compile(r"[+-]?[0-9]+")
_DECIMAL_FORM = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)")
_DATE = XSD.date.toPython()
_DATE_FORM = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")  # no time zone: rdflib gives a date for those too


class Answer(Result):
    """rdflib's Result with, for SELECT, `solutions`: an iterator of tuples of Oxigraph's terms in the order
    of `vars` (unbound: None), which kg.query keeps and converts only to the form asked for (rdflib_rows,
    python_rows). `bindings` gives rdflib terms, as rdflib's API does."""

    solutions: Iterator[tuple] | None = None


def query(store, text: str, prefixes: Mapping[str, str], *, union: bool = True) -> Answer:
    """Run a query on a pyoxigraph Store and give the answer as rdflib's query API does.

    With union, the default graph is the union of all graphs (kg's datasets); without, the query's
    FROM / FROM NAMED say which graphs it reads. Raises SyntaxError with Oxigraph's line and column."""
    import pyoxigraph as ox

    answer = store.query(text, prefixes=dict(prefixes), use_default_graph_as_union=union)
    if isinstance(answer, ox.QueryBoolean):
        result = Answer("ASK")
        result.askAnswer = bool(answer)
    elif isinstance(answer, ox.QuerySolutions):
        result = Answer("SELECT")
        result.vars = [Variable(v.value) for v in answer.variables]
        result.solutions = (tuple(solution) for solution in answer)
        result.bindings = ({v: t for v, t in zip(result.vars, row, strict=True) if t is not None}
                           for row in _converted(result.solutions, to_rdflib))
    else:
        result = Answer("CONSTRUCT")
        result.graph = Graph()
        result.graph += ((to_rdflib(t.subject), to_rdflib(t.predicate), to_rdflib(t.object)) for t in answer)
    return result


def select(graph, text: str) -> Iterable:
    """Rows of a SELECT query over any graph, for kg's own modules (network, conflicts, provenance): each row
    unpacks as a tuple and names its variables as attributes (row.fact), as rdflib's ResultRow does. On an
    Oxigraph dataset the rows come from here (named tuples, terms converted once each); elsewhere from
    rdflib's query API."""
    store = oxigraph_store(graph)
    if store is None:
        return graph.query(text)
    answer = query(store, text, {})
    if answer.solutions is None:
        raise ValueError("kg.engine.select runs SELECT queries only")
    row = collections.namedtuple("Row", [str(v) for v in answer.vars or []], rename=True)  # type: ignore[misc]
    return [row._make(values) for values in rdflib_rows(answer.solutions)]


def _converted(rows: Iterable[tuple], convert: Callable[[Any], Any]) -> Iterator[tuple]:
    """Rows with each term converted. Answers repeat terms (counts, types, sources), so each distinct term
    is converted once: half the time of converting every one on large answers."""
    seen: dict = {None: None}
    for row in rows:
        out = []
        for term in row:
            converted = seen.get(term, seen)
            if converted is seen:
                converted = seen[term] = convert(term)
            out.append(converted)
        yield tuple(out)


def rdflib_rows(rows: Iterable[tuple]) -> list[tuple]:
    """Rows of Oxigraph's terms as rows of rdflib terms, literals in kg's canonical form."""
    return list(_converted(rows, to_rdflib))


def python_rows(rows: Iterable[tuple], fallback: Callable[[Any], Any]) -> list[tuple]:
    """Rows of Oxigraph's terms as plain Python values, without making rdflib terms: IRIs, strings and
    integers (most of any answer) directly, any other term by `fallback` (kg.query.python_value of its
    rdflib term), so the values are the same whichever way they were made."""

    def value(term) -> Any:
        kind = type(term).__name__
        if kind == "NamedNode":
            return term.value
        if kind == "Literal":
            if term.language:
                return term.value
            datatype = term.datatype.value
            if datatype == _STRING:
                return term.value
            if datatype == _INTEGER and _INTEGER_FORM.fullmatch(term.value):
                return int(term.value)
            if datatype == _DECIMAL and _DECIMAL_FORM.fullmatch(term.value):
                return Decimal(decimal_lexical(Decimal(term.value)))  # as of the canonical literal
            if datatype == _DATE and _DATE_FORM.fullmatch(term.value):
                try:
                    return datetime.date.fromisoformat(term.value)
                except ValueError:  # 2025-02-30: rdflib keeps the text, and so does the fallback
                    pass
        return fallback(term)

    return list(_converted(rows, value))


