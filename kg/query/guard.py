"""What kg checks before a user's query runs, and where it runs it: no request to another server (SERVICE,
FROM of a graph the dataset lacks), no update, and a worker process with no network, capped memory and a
time limit (kg/sandbox.py)."""

from __future__ import annotations

import contextlib
import functools
import re

from rdflib import URIRef

from kg import ontology, sandbox
from kg.errors import QueryError
from kg.ontology import PREFIXES
from kg.query.binding import _IRI_FORBIDDEN, blank
from kg.query.internal import ask
from kg.sandbox import in_worker as _in_worker  # noqa: F401 - kg.query re-exports it (tests, kg.query.execute)

#: A query whose text (escapes included) mentions neither word cannot hold SERVICE or FROM, so it is not
#: parsed a second time; any other is parsed with rdflib's SPARQL parser, which comments and strings cannot fool.
_MAY_REACH_OUT = re.compile(r"service|from|\\u", re.I)


def check_remote(graph, text: str, origin: str = "<query>") -> None:
    """Refuse a user's query that would make kg, or the engine behind it, send requests to other servers:
    SERVICE (Oxigraph and rdflib's engine both call the URL), and FROM / FROM NAMED of an IRI that is not a
    graph of the dataset (rdflib's engine then fetches the IRI, file: IRIs included). QueryError if so."""
    if not _MAY_REACH_OUT.search(text):
        return
    parsed = _parse_query(text)
    if isinstance(parsed, Exception):
        if _is_update(text):
            raise _update_refused(origin)
        if may_name_service(text):  # fail closed: what kg cannot read, it does not let an engine run
            raise QueryError.of("query service unreadable", origin=origin, reason=" ".join(str(parsed).split())[:200])
        return  # the engine reports the syntax error with its line and column
    prologue, query = parsed
    service = _first_service(prologue, query)
    if service is not None:
        raise QueryError.of("query service", origin=origin, service=service)
    # not .get (SIM401): a pyparsing ParseResults, whose .get gives one clause where [] gives them all
    for clause in query["datasetClause"] if "datasetClause" in query else []:  # noqa: SIM401
        keyword, term = ("FROM", clause["default"]) if "default" in clause else ("FROM NAMED", clause["named"])
        iri = _resolve(term, prologue)
        if iri is not None and not _has_graph(graph, iri):  # (an unknown prefix: the engine says which)
            raise QueryError.of("query from", origin=origin, keyword=keyword, iri=str(iri), graph=str(ontology.GRAPH))


@functools.lru_cache(maxsize=64)
def names_dataset(text: str) -> bool:
    """Whether a query says which graphs it reads (FROM or FROM NAMED), rather than reading the union of all."""
    if not _has_keyword("FROM", text):
        return False
    parsed = _parse_query(text)
    if isinstance(parsed, Exception):  # rdflib cannot read it; the keyword outside strings and comments decides
        return True
    return "datasetClause" in parsed[1] and len(parsed[1]["datasetClause"]) > 0


def find_service(text: str) -> str | None:
    """What the first SERVICE clause of a query calls ('<http://…>', or ?var), or None if it has none (for
    `kg serve`, whose engine would call it). A query rdflib's parser cannot read counts as calling
    'SERVICE' when the keyword stands outside its comments, strings and IRIs."""
    if not _MAY_REACH_OUT.search(text):
        return None
    parsed = _parse_query(text)
    if isinstance(parsed, Exception):
        return "SERVICE" if may_name_service(text) else None
    return _first_service(*parsed)


def may_name_service(text: str) -> bool:
    """Whether the word 'service' (any case, codepoint escapes read) appears anywhere in the text — in a
    comment, string or IRI too. For queries rdflib's parser cannot read: deciding what is a comment or a
    string without a parser is what the fallbacks of the past got wrong (U+00A0, quotes in IRIs)."""
    from rdflib.plugins.sparql.parser import expandUnicodeEscapes

    if re.search(r"\\[uU]", text):
        try:
            text = expandUnicodeEscapes(text)
        except Exception:  # an escape it cannot read: assume the worst
            return True
    return re.search("service", text, re.IGNORECASE) is not None


@functools.lru_cache(maxsize=16)
def _parse_query(text: str):
    """rdflib's parse of a query, with its prologue (prefixes) read: (prologue, query), or the exception."""
    from rdflib.plugins.sparql.algebra import translatePrologue
    from rdflib.plugins.sparql.parser import parseQuery

    try:
        with sandbox.deep_recursion():
            prologue_decls, query = parseQuery(text)
    except Exception as exc:
        return exc
    try:
        prologue = translatePrologue(prologue_decls, None, {p: str(ns) for p, ns in PREFIXES.items()})
    except Exception:
        prologue = None
    return prologue, query


def _first_service(prologue, query) -> str | None:
    for node in _walk(query):
        if node.name == "ServiceGraphPattern":
            return _show_iri(node["term"], prologue)
    return None


def _has_keyword(keyword: str, text: str) -> bool:
    """Whether the keyword appears in the query outside comments, strings and IRIs (codepoint escapes read)."""
    from rdflib.plugins.sparql.parser import expandUnicodeEscapes

    with contextlib.suppress(ValueError):
        text = expandUnicodeEscapes(text)
    return re.search(rf"(?<![?$:\w]){keyword}(?![\w:-])", blank(text), re.I) is not None


def _walk(node):
    """Every CompValue in rdflib's parse tree of a query, depth first."""
    from rdflib.plugins.sparql.parserutils import CompValue

    if isinstance(node, CompValue):
        yield node
        children = node.values()
    elif isinstance(node, (list, tuple)) or type(node).__name__ == "ParseResults":
        children = node
    else:
        return
    for child in children:
        yield from _walk(child)


def _resolve(term, prologue) -> URIRef | None:
    if isinstance(term, URIRef):
        return term
    try:
        return prologue.absolutize(term) if prologue is not None else None
    except Exception:  # an unknown prefix
        return None


def _show_iri(term, prologue) -> str:
    iri = _resolve(term, prologue)
    if iri is not None:
        return f"<{iri}>"
    if hasattr(term, "get") and "prefix" in term:
        # not .get (SIM401): rdflib's CompValue.get takes no default (its second argument means something else)
        localname = term['localname'] if 'localname' in term else ''  # noqa: SIM401
        return f"{term['prefix']}:{localname}"
    return term.n3() if hasattr(term, "n3") else str(term)


def _has_graph(graph, iri: URIRef) -> bool:
    if _IRI_FORBIDDEN.search(iri):
        return False
    try:
        return ask(graph, "has-graph", graph=iri)
    except Exception:
        return False


def _is_update(text: str) -> bool:
    """Whether the text is a SPARQL Update (LOAD, INSERT, DELETE, DROP, …) rather than a query."""
    from rdflib.plugins.sparql.parser import parseUpdate

    try:
        update = parseUpdate(text)
    except Exception:
        return False
    return "request" in update and len(update["request"]) > 0


def _update_refused(origin: str) -> QueryError:
    return QueryError.of("query update", origin=origin)


def _is_endpoint(graph) -> bool:
    """Whether queries on this graph go to a SPARQL endpoint (the sparql: store) instead of a local engine."""
    from rdflib.plugins.stores.sparqlstore import SPARQLStore

    return isinstance(getattr(graph, "store", None), SPARQLStore)
