"""Named SPARQL queries (queries/*.rq) and ad hoc ones, run over the dataset with parameters bound safely,
and their results as rows of plain Python values or in the W3C result formats (`kg query`, `kg queries`).

A named query is a .rq file whose leading comment is its header:

    # GPU allocations: how many GPUs a supplier gives to whom, according to which source   <- title
    #
    # question: 1                                      <- the competency question it answers (optional)
    # Every GPU allocation by the supplier, ...        <- description
    #
    # param: org = kg:nvidia — the supplier            <- a parameter with its default
    # param: source (optional) — only this source      <- an entity parameter that may stay unbound
    # param: source (optional, Source) — …             <- …that must name a kgo:Source (Organization|Sector: any of)
    # param: org = kg:nvidia (Organization) — …         <- the same with a default

A value that names an entity of another kind than the parameter declares is refused with what it is and the
right-kind names nearest to it (kg/kinds.py): `-p source=asiae` names a publisher, not one of its articles.

Parameters become the query's variables of the same name (`?org`). They are bound by a VALUES block
appended after the query, built from parsed RDF terms — never by pasting what the user typed into the
query text. A trailing VALUES block is joined after the WHERE clause and after any GROUP BY, so a
parameter must be a variable the query's top level returns or groups by; the tests check every query
gives the same answer on Oxigraph and on rdflib's own engine. `?lang` is bound the same way to the
language of the labels (en or ko); queries list both (`VALUES ?lang { "en" "ko" }`) and filter labels on it.
"""

from __future__ import annotations

import csv
import difflib
import functools
import io
import itertools
import json
import multiprocessing
import os
import re
import sys
import tempfile
import traceback
import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any, Iterable, Mapping
from xml.etree import ElementTree as ET

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import XSD
from rdflib.term import Node

from kg import engine, ontology, resources, sandbox
from kg.errors import KgError, QueryError
from kg.graph import canonical
from kg.ontology import KG, PREFIXES

#: Label languages the graph has, and the default.
LANGUAGES = ("en", "ko")
DEFAULT_LANG = "en"

#: Output formats: an aligned table for people, the W3C SPARQL 1.1 result formats for scripts, and Turtle
#: for the graphs CONSTRUCT and DESCRIBE return.
FORMATS = ("table", "csv", "tsv", "json", "xml", "turtle")

#: What `kg query` allows by default: seconds a query may run, and rows (or triples) of the answer kept.
DEFAULT_TIMEOUT = 30.0
DEFAULT_MAX_ROWS = 10_000

#: Names the query functions take as options, so they cannot be query parameters (--param NAME=…).
OPTION_NAMES = ("lang", "origin", "timeout", "max_rows", "allow_remote", "isolated", "max_memory")

#: A table cell longer than this is cut (with "…") so rows stay on one line; csv and json keep everything.
MAX_CELL = 60

SPARQL_RESULTS_NS = "http://www.w3.org/2005/sparql-results#"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"

_ID = re.compile(r"[a-z0-9]+(?:[-.][a-z0-9]+)*")
_PNAME = re.compile(r"([A-Za-z][\w-]*):([\w.-]*)")
_IRI_FORBIDDEN = re.compile(r'[\x00-\x20<>"{}|^`\\]')
_INTEGER = re.compile(r"[+-]?\d+")
_DECIMAL = re.compile(r"[+-]?\d*\.\d+")
_PARAM_LINE = re.compile(r"param:\s*(?P<name>[A-Za-z_]\w*)\s*(?:=\s*(?P<default>[^\s(]+)(?:\s*\((?P<classes>[A-Za-z|]+)\))?"
                         r"|\((?P<optional>optional)(?:,\s*(?P<classes2>[A-Za-z|]+))?\))?"
                         r"\s*(?:(?:—|--)\s*(?P<doc>.*))?$")


# --------------------------------------------------------------------------------------------------
# Named queries
# --------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Param:
    """A parameter of a named query: its variable name, default (None when optional) and what it takes."""

    name: str
    default: Node | None
    kind: str  # "entity" (an id of the graph), "iri", or "literal" (of the default's datatype)
    doc: str = ""
    classes: tuple[str, ...] = ()  # kgo classes an entity value must be one of (none: any entity)

    @property
    def optional(self) -> bool:
        return self.default is None

    def show_default(self) -> str:
        if self.default is None:
            return "(optional)"
        return compact(self.default) if isinstance(self.default, URIRef) else self.default.n3()


@dataclass(frozen=True)
class NamedQuery:
    """A query file of queries/: its name (the file name without .rq), header and SPARQL text."""

    name: str
    title: str
    description: str
    question: int | None
    params: tuple[Param, ...]
    text: str
    path: Path

    def param(self, name: str) -> Param | None:
        return next((p for p in self.params if p.name == name), None)


@functools.lru_cache(maxsize=1)
def query_dir() -> Path:
    return resources.data_dir("queries")


def parse_named_query(path: Path) -> NamedQuery:
    """Read a .rq file and its header (see the module docstring). Parsed once per version of the file: a
    notebook or benchmark runs the same query many times, and an edit shows at once."""
    stat = path.stat()
    return _parse_named_query(path, stat.st_mtime_ns, stat.st_size)


@functools.lru_cache(maxsize=256)
def _parse_named_query(path: Path, mtime_ns: int, size: int) -> NamedQuery:
    text = path.read_text(encoding="utf-8")
    title, question, params, description = "", None, [], []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.startswith("#"):
            break
        body = line[1:].strip()
        if body.startswith("param:"):
            match = _PARAM_LINE.match(body)
            if not match:
                raise QueryError(f"{path}:{number}: cannot read the parameter line — "
                                 "write '# param: NAME = DEFAULT — what it is' or '# param: NAME (optional) — …'")
            params.append(_param(match, f"{path}:{number}"))
        elif body.startswith("question:"):
            if not body.split(":", 1)[1].strip().isdigit():
                raise QueryError(f"{path}:{number}: write the question as a number, such as '# question: 3'")
            question = int(body.split(":", 1)[1])
        elif not title:
            title = body
        else:
            description.append(body)
    if not title:
        raise QueryError(f"{path}:1: the query has no title — start it with a comment line that says what it answers")
    return NamedQuery(path.stem, title, _paragraphs(description), question, tuple(params), text, path)


def _paragraphs(lines: list[str]) -> str:
    return "\n\n".join(" ".join(block.split("\n")).strip() for block in "\n".join(lines).strip().split("\n\n"))


def _param(match: re.Match, where: str) -> Param:
    name, default, doc = match["name"], match["default"], (match["doc"] or "").strip()
    if name == "lang":
        raise QueryError(f"{where}: 'lang' is not a parameter — every query gets ?lang from --lang")
    classes = tuple((match["classes"] or match["classes2"] or "").split("|")) if (
        match["classes"] or match["classes2"]) else ()
    unknown = [c for c in classes if ontology.KGO[c] not in ontology.defined_terms()]
    if unknown:
        raise QueryError(f"{where}: unknown class {', '.join(unknown)} for parameter {name} — give kgo class names "
                         "from ontology/kg.ttl, such as Source or Organization|Sector|Country")
    if default is None:
        return Param(name, None, "entity", doc, classes)
    term = parse_term(default)
    if term is None:
        raise QueryError(f"{where}: cannot read the default {default!r} — write kg:ID, <IRI>, a number or \"text\"")
    if classes and not (isinstance(term, URIRef) and term.startswith(str(KG))):
        raise QueryError(f"{where}: only an entity parameter (default kg:ID, or optional) can name classes")
    if isinstance(term, URIRef):
        return Param(name, term, "entity" if term.startswith(str(KG)) else "iri", doc, classes)
    return Param(name, term, "literal", doc)


def list_queries(directory: str | Path | None = None) -> list[NamedQuery]:
    """`kg queries`: every named query, sorted by name."""
    folder = Path(directory) if directory else query_dir()
    return [parse_named_query(p) for p in sorted(folder.glob("*.rq"))]


def get_query(name: str, directory: str | Path | None = None) -> NamedQuery:
    """The named query; QueryError with the nearest names when there is none."""
    folder = Path(directory) if directory else query_dir()
    path = folder / f"{name}.rq"
    if re.fullmatch(r"[\w-]+", name) and path.is_file():
        return parse_named_query(path)
    names = [p.stem for p in sorted(folder.glob("*.rq"))]
    close = difflib.get_close_matches(name, names, n=3, cutoff=0.5)
    hint = f"did you mean {', '.join(close)}?" if close else "kg queries lists them"
    raise QueryError(f"no query named '{name}' — {hint}")


# --------------------------------------------------------------------------------------------------
# Parameters: user text -> RDF terms
# --------------------------------------------------------------------------------------------------

def compact(iri: URIRef) -> str:
    """The shortest prefixed name of an IRI through the project's prefixes ('kg:nvidia'), else '<IRI>'."""
    best = ""
    for prefix, ns in PREFIXES.items():
        ns = str(ns)
        if iri.startswith(ns) and len(ns) > len(best) and _PNAME.fullmatch(f"{prefix}:{iri[len(ns):]}"):
            best, name = ns, f"{prefix}:{iri[len(ns):]}"
    return name if best else f"<{iri}>"


def parse_term(text: str) -> Node | None:
    """An RDF term written in SPARQL/Turtle syntax: <IRI>, prefix:name (project prefixes), a full
    http(s) IRI, "text" (with @lang or ^^datatype), an integer or a decimal. None if it is none of these."""
    text = text.strip()
    if text.startswith("<") and text.endswith(">"):
        return _iri(text[1:-1])
    if text.startswith(("http://", "https://", "urn:")):
        return _iri(text)
    match = _PNAME.fullmatch(text)
    if match and match[1] in PREFIXES:
        return _iri(str(PREFIXES[match[1]]) + match[2])
    quoted = re.fullmatch(r'"(.*)"(?:@([A-Za-z]+(?:-[A-Za-z0-9]+)*)|\^\^(\S+))?', text, re.S)
    if quoted:
        datatype = parse_term(quoted[3]) if quoted[3] else None
        if quoted[3] and not isinstance(datatype, URIRef):
            return None
        return Literal(quoted[1], lang=quoted[2], datatype=datatype)
    if _INTEGER.fullmatch(text):
        return Literal(int(text))
    if _DECIMAL.fullmatch(text):
        return Literal(Decimal(text))
    return None


def _iri(text: str) -> URIRef | None:
    return None if not text or _IRI_FORBIDDEN.search(text) else URIRef(text)


class _Entities:
    """Resolves what a user typed to an entity of the graph; reads the graph's names only when needed."""

    def __init__(self, graph, lang: str = DEFAULT_LANG):
        self.graph = graph
        self.lang = lang
        self._names = None

    def check_kind(self, param: str, text: str, iri: URIRef, classes: tuple[str, ...]) -> URIRef:
        """iri if it is of one of the classes; else QueryError saying what it is and the right-kind names
        nearest to it (kg.kinds), in the label language."""
        from kg import kinds

        if not classes or kinds.is_of_kind(self.graph, iri, classes):
            return iri
        found = kinds.inspect(self.graph, iri, text, classes, self.lang)
        raise QueryError(kinds.message(param, text, found, classes, self.lang))

    def resolve(self, param: str, text: str) -> URIRef:
        """An id, kg:id or full IRI of anything in the graph (facts and sources too), or a label or alias
        that names one entity; else QueryError with the nearest ids and labels (kg.lookup)."""
        from kg.lookup import Names

        ident = text[len(str(KG)):] if text.startswith(str(KG)) else text[3:] if text.startswith("kg:") else text
        if _ID.fullmatch(ident) and self.graph.query(f"ASK {{ <{KG[ident]}> ?p ?o }}").askAnswer:
            return KG[ident]
        if self._names is None:
            self._names = Names.of(self.graph)
        try:
            return self._names.iri(text)
        except KgError as exc:
            raise QueryError(f"parameter {param}: {exc}") from None


def bind_value(name: str, value: Any, kind: str, entities: _Entities, default: Node | None = None,
               classes: tuple[str, ...] = ()) -> Node:
    """The RDF term a parameter value stands for.

    Entity parameters take an id (naver-cloud), kg:id, the full IRI, or a label that names one entity;
    anything else is refused with the nearest names, and so is an entity not of `classes` (when given)
    with what it is and the nearest right-kind names. Literal parameters take text of the default's
    datatype. Ad hoc queries ("any") read Turtle terms, numbers and ids; other text binds as a string."""
    if isinstance(value, Node):
        return value
    if isinstance(value, (bool, int, float, Decimal)):
        return Literal(value)
    text = str(value).strip()
    if kind == "entity":
        if text.startswith("<") and text.endswith(">"):
            text = text[1:-1]
        return entities.check_kind(name, text, entities.resolve(name, text), classes)
    if kind == "iri":
        term = parse_term(text)
        if not isinstance(term, URIRef):
            raise QueryError(f"parameter {name}: '{text}' is not an IRI — write <http://…> or prefix:name")
        return term
    if kind == "literal":
        datatype = default.datatype if isinstance(default, Literal) else None
        if datatype in (XSD.integer, XSD.decimal):
            pattern = _INTEGER if datatype == XSD.integer else re.compile(f"{_INTEGER.pattern}|{_DECIMAL.pattern}")
            if not pattern.fullmatch(text):
                raise QueryError(f"parameter {name}: '{text}' is not a number — give digits, such as {default}")
            return Literal(text, datatype=datatype)
        if datatype is not None:
            return Literal(text, datatype=datatype)
        return Literal(text, lang=default.language if isinstance(default, Literal) else None)
    # ad hoc query: the user's own variables
    term = parse_term(text)
    if isinstance(term, URIRef) and term.startswith(str(KG)):
        return entities.resolve(name, str(term))
    if term is not None:
        return term
    if _ID.fullmatch(text):
        return entities.resolve(name, text)
    return Literal(text)


def _mentions(text: str, var: str) -> bool:
    return re.search(rf"[?$]{re.escape(var)}\b", text) is not None


#: What can hide a variable name from filter_only: long and short strings, IRIs, comments.
_OPAQUE = re.compile("|".join([r'"""[\s\S]*?"""', r"'''[\s\S]*?'''", r'"(?:[^"\\\n]|\\.)*"', r"'(?:[^'\\\n]|\\.)*'",
                               r'<[^<>\s"{}|^`\\]*>', r"#[^\n]*"]))


def _spans(text: str, start: re.Pattern) -> list[tuple[int, int]]:
    """Where each construct that `start` finds runs to its balanced closing bracket."""
    spans = []
    for match in start.finditer(text):
        depth, i = 0, match.end() - 1
        while i < len(text):
            depth += text[i] in "({"
            depth -= text[i] in ")}"
            if depth == 0:
                break
            i += 1
        spans.append((match.start(), i + 1))
    return spans


def filter_only(text: str, var: str) -> bool:
    """Whether ?var is used in a FILTER but bound nowhere in the query (no pattern, VALUES or BIND).

    A value given for such a variable cannot work: kg joins parameter values after the WHERE clause (a
    trailing VALUES block), so a FILTER inside never sees them and the answer is silently empty."""
    clean = _OPAQUE.sub(lambda m: " " * len(m.group()), text)
    filters = _spans(clean, re.compile(r"\bFILTER\s*(?:NOT\s+)?(?:EXISTS\s*)?[({]", re.I))
    projections = [(m.start(), m.end()) for m in re.finditer(r"\bSELECT\b[^{]*", clean, re.I)]
    inside = lambda pos, spans: any(a <= pos < b for a, b in spans)  # noqa: E731
    in_filter = bound = False
    for match in re.finditer(rf"[?$]{re.escape(var)}\b", clean):
        if inside(match.start(), filters):
            in_filter = True
        elif re.search(r"\bAS\s*$", clean[: match.start()], re.I) or not inside(match.start(), projections):
            bound = True
    return in_filter and not bound


def check_lang(lang: str) -> str:
    if lang not in LANGUAGES:
        raise QueryError(f"no labels in '{lang}' — use one of {', '.join(LANGUAGES)}")
    return lang


# --------------------------------------------------------------------------------------------------
# Running a query
# --------------------------------------------------------------------------------------------------

def literal_n3(term: Literal) -> str:
    """A literal in the short quoted form of SPARQL/Turtle, with every character that could end it escaped."""
    text = str(term).replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r")
    text = text.replace("\t", "\\t")
    if term.language:
        return f'"{text}"@{term.language}'
    if term.datatype and term.datatype != XSD.string:
        return f'"{text}"^^<{term.datatype}>'
    return f'"{text}"'


def term_n3(term: Node) -> str:
    if isinstance(term, Literal):
        return literal_n3(term)
    if isinstance(term, URIRef):
        if _IRI_FORBIDDEN.search(term):
            raise QueryError(f"'{term}' is not a valid IRI — it contains a space or one of <>\"{{}}|^`\\")
        return f"<{term}>"
    raise QueryError(f"cannot bind {term!r} — give an IRI or a literal")


def values_block(bindings: Mapping[str, Node]) -> str:
    """One trailing VALUES row binding each variable to its term (terms are serialised, never pasted text)."""
    if not bindings:
        return ""
    names = " ".join(f"?{name}" for name in bindings)
    terms = " ".join(term_n3(term) for term in bindings.values())
    return f"\nVALUES ({names}) {{ ({terms}) }}\n"


def run(graph, text: str, bindings: Mapping[str, Node] | None = None, origin: str = "<query>", *,
        timeout: float | None = None, max_rows: int | None = None, allow_remote: bool = False,
        isolated: bool | None = None, max_memory: int | None = None) -> "QueryResult":
    """Run SPARQL over a graph or dataset (any store: Oxigraph, rdflib's, a SPARQL endpoint) with the
    variables bound, through rdflib's query API. The one place queries are executed.

    The project's prefixes are predeclared (the query's own PREFIX lines win), so `kg:`, `kgo:`, `rdfs:`…
    work without declaring them. A syntax error becomes QueryError with the line and column.

    A query too large or nested too deeply for the engines is refused (kg.sandbox.check_shape). Unless
    allow_remote, a query that would send requests to other servers (SERVICE, FROM of a graph the dataset
    does not have) is refused first (check_remote). Isolated (the default when there is a timeout), the
    query runs in a worker process with no network, at most max_memory bytes more memory, and stopped when
    the timeout (seconds) is up; a crash of the engine there is a QueryError, not the end of kg. With
    max_rows, only that many rows (or triples) are kept and the result says it was truncated."""
    sandbox.check_shape(text, origin)
    bindings = dict(bindings or {})
    full = text + values_block(bindings)
    if not allow_remote:
        check_remote(graph, text, origin)
    evaluate = functools.partial(_evaluate, graph, text, full, origin, max_rows)
    if isolated is None:
        isolated = bool(timeout)
    if not isolated or "fork" not in multiprocessing.get_all_start_methods():
        result = evaluate()
    else:
        result = _in_worker(evaluate, timeout or None, origin, offline=not allow_remote and not _is_endpoint(graph),
                            max_memory=max_memory)
    if _is_endpoint(graph) and result.empty:  # an endpoint with no data, or none in its default graph, says so
        from kg.store import check_default_graph

        check_default_graph(graph.store.query_endpoint)
    return result


def _evaluate(graph, text: str, full: str, origin: str, max_rows: int | None) -> "QueryResult":
    prefixes = {p: str(ns) for p, ns in PREFIXES.items()}
    try:
        oxigraph = engine.oxigraph_store(graph)
        if oxigraph is not None:  # the same prefixes as rdflib's engine gets (initNs replaces the graph's own)
            result = engine.query(oxigraph, full, prefixes, union=not names_dataset(text))
        else:
            with sandbox.deep_recursion():
                result = graph.query(full, initNs=prefixes)
        if isinstance(result, tuple):  # rdflib's SPARQLStore returns (status, message, None) on an HTTP error
            raise _endpoint_error(text, full, result[1], prefixes, origin, graph)
        return QueryResult.of(result, max_rows)
    except SyntaxError as exc:  # Oxigraph: "error at LINE:COLUMN: message"
        raise _syntax_error(text, full, str(exc), origin) from None
    except RecursionError:
        raise QueryError(f"{origin}: the query is nested or chained too deeply for rdflib's engine — simplify "
                         "it, or use the default store (Oxigraph)") from None
    except Exception as exc:  # rdflib's engine: pyparsing's ParseException, or a bare Exception for a prefix
        if type(exc).__name__ == "ParseException" or "Unknown namespace prefix" in str(exc):
            raise _syntax_error(text, full, str(exc), origin, getattr(exc, "lineno", None),
                                getattr(exc, "col", None)) from None
        if isinstance(exc, KgError):
            raise
        if type(exc).__module__.startswith(("urllib", "http")) or "SPARQLWrapper" in type(exc).__module__:
            from kg.store import http_detail

            if getattr(exc, "code", None):  # it answered, with an error: its own words say why
                raise QueryError(f"{origin}: the endpoint refused the query ({http_detail(exc)}) — check the "
                                 "query and the endpoint") from None
            raise QueryError(f"{origin}: the endpoint did not answer the query ({exc}) — "
                             "check the URL and that the server runs") from None
        if isinstance(exc, OSError) or str(exc).startswith("Could not load"):  # SERVICE, FROM with --allow-remote
            message = " ".join(str(exc).split())[:300]
            raise QueryError(f"{origin}: a request the query makes to another server failed ({message}) — "
                             "check the URLs in SERVICE and FROM") from None
        raise


# --------------------------------------------------------------------------------------------------
# Queries from users: nothing leaves the machine, nothing runs for ever
# --------------------------------------------------------------------------------------------------

#: A query whose text (escapes included) mentions neither word cannot hold SERVICE or FROM, so it is not
#: parsed a second time; any other is parsed with rdflib's SPARQL parser, which comments and strings cannot fool.
_MAY_REACH_OUT = re.compile(r"service|from|\\u", re.I)
_ALLOW_REMOTE_HINT = "pass --allow-remote if you mean it"


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
            raise QueryError(f"{origin}: kg cannot check this query for SERVICE, as rdflib's SPARQL parser does not "
                             f"read it ({' '.join(str(parsed).split())[:200]}), and it mentions 'service' — it is "
                             f"refused; fix or rewrite it in plain SPARQL 1.1, or {_ALLOW_REMOTE_HINT}")
        return  # the engine reports the syntax error with its line and column
    prologue, query = parsed
    service = _first_service(prologue, query)
    if service is not None:
        raise QueryError(f"{origin}: the query uses SERVICE {service}: kg query does not send requests to other "
                         f"servers — {_ALLOW_REMOTE_HINT}")
    for clause in query["datasetClause"] if "datasetClause" in query else []:
        keyword, term = ("FROM", clause["default"]) if "default" in clause else ("FROM NAMED", clause["named"])
        iri = _resolve(term, prologue)
        if iri is not None and not _has_graph(graph, iri):  # (an unknown prefix: the engine says which)
            raise QueryError(f"{origin}: the query uses {keyword} <{iri}>, which is not a graph of the dataset: "
                             "kg query reads only the graph it was given and fetches nothing — name one of its "
                             f"graphs, such as <{ontology.GRAPH}SOURCE-ID>, or {_ALLOW_REMOTE_HINT}")


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

    try:
        text = expandUnicodeEscapes(text)
    except ValueError:
        pass
    return re.search(rf"(?<![?$:\w]){keyword}(?![\w:-])", _OPAQUE.sub(" ", text), re.I) is not None


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
        return f"{term['prefix']}:{term['localname'] if 'localname' in term else ''}"
    return term.n3() if hasattr(term, "n3") else str(term)


def _has_graph(graph, iri: URIRef) -> bool:
    if _IRI_FORBIDDEN.search(iri):
        return False
    try:
        return bool(graph.query(f"ASK {{ GRAPH <{iri}> {{ ?s ?p ?o }} }}").askAnswer)
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
    return QueryError(f"{origin}: this is a SPARQL Update (LOAD, INSERT, DELETE, DROP, …), and kg query only reads — "
                      "updates are always refused; change the graph through the seed files and kg build, or kg load")


def _is_endpoint(graph) -> bool:
    """Whether queries on this graph go to a SPARQL endpoint (the sparql: store) instead of a local engine."""
    from rdflib.plugins.stores.sparqlstore import SPARQLStore

    return isinstance(getattr(graph, "store", None), SPARQLStore)


def _worker(evaluate, channel, offline: bool, max_memory: int | None, stderr: int) -> None:
    """The body of the worker process: shut out the network and cap memory (kg.sandbox), run the query on a
    big stack, send back ("ok", result) or ("error", …)."""
    os.dup2(stderr, 2)  # the engine's last words (a Rust panic, an allocation failure) are read by the parent
    if offline:
        sandbox.leave_network()
    sandbox.cap_memory(max_memory)
    try:
        message = ("ok", sandbox.on_big_stack(evaluate))
    except KgError as exc:
        message = ("error", (type(exc).__name__, str(exc), getattr(exc, "details", [])))
    except MemoryError:
        message = ("error", ("QueryError", sandbox.crash_message("", None, "MemoryError", max_memory), []))
    except BaseException:  # a bug: its traceback goes back to the parent
        message = ("bug", traceback.format_exc())
    try:
        channel.send(message)
    except Exception:
        channel.send(("bug", traceback.format_exc()))
    channel.close()


def _in_worker(evaluate, timeout: float | None, origin: str, offline: bool,
               max_memory: int | None = None) -> "QueryResult":
    """Run evaluate() in a forked process (kg.sandbox) and stop it after timeout seconds (None: no limit).

    Forked, the worker shares the parent's graph (an in-memory store built from the seeds, or an open
    on-disk store) without copying or re-reading it; only the answer crosses back, pickled."""
    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)
    with tempfile.TemporaryFile() as stderr:
        process = context.Process(target=_worker, args=(evaluate, sender, offline, max_memory, stderr.fileno()),
                                  daemon=True)
        process.start()
        sender.close()
        try:
            if not receiver.poll(timeout):
                raise QueryError(f"{origin}: the query ran longer than {timeout:g} s and was stopped — narrow it "
                                 "down (fewer unbound patterns, a LIMIT, a more specific property path) or allow "
                                 "more time with --timeout SECONDS")
            status, payload = receiver.recv()
        except EOFError:
            process.join(5)
            stderr.seek(0)
            last_words = stderr.read(1 << 16).decode("utf-8", "replace")
            raise QueryError(sandbox.crash_message(origin, process.exitcode, last_words, max_memory)) from None
        finally:
            if process.is_alive():
                process.kill()
            process.join()
            receiver.close()
        stderr.seek(0)
        said = stderr.read(1 << 16)
    if said:
        sys.stderr.write(said.decode("utf-8", "replace"))
    if status == "ok":
        return payload
    if status == "error":
        name, message, details = payload
        if message.startswith(": "):  # a MemoryError in the worker: the origin is known here
            message = origin + message
        error_type = QueryError if name == "QueryError" else KgError
        raise error_type(message, details) if error_type is QueryError else error_type(message)
    raise RuntimeError(f"the query worker failed:\n{payload}")


def _endpoint_error(text: str, full: str, message: str, prefixes: dict, origin: str, graph=None) -> QueryError:
    """An endpoint answered with an HTTP error, and rdflib kept no detail: if the query does not parse, say where;
    otherwise ask the endpoint once more for its reason (Virtuoso: 'SQ200: No column lang')."""
    from rdflib.plugins.sparql import prepareQuery  # parses only; nothing runs in rdflib's engine

    try:
        prepareQuery(full, initNs=prefixes)
    except Exception as exc:
        if type(exc).__name__ == "ParseException" or "Unknown namespace prefix" in str(exc):
            return _syntax_error(text, full, str(exc), origin, getattr(exc, "lineno", None), getattr(exc, "col", None))
    reason = _endpoint_reason(graph, full, prefixes)
    return QueryError(f"{origin}: the endpoint refused the query ({message}{': ' + reason if reason else ''}) — "
                      "check the query and the endpoint")


def _endpoint_reason(graph, full: str, prefixes: dict) -> str:
    """The body of the endpoint's error answer to the query (the URL the user named), cut short; "" if none."""
    import urllib.error

    from kg.store import error_body, post_query

    url = getattr(getattr(graph, "store", None), "query_endpoint", None)
    if not url:
        return ""
    declared = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in prefixes.items())
    try:
        with post_query(url, declared + full, timeout=10):
            return ""
    except urllib.error.HTTPError as exc:
        return error_body(exc)
    except OSError:
        return ""


def _syntax_error(text: str, full: str, message: str, origin: str, line: int | None = None,
                  col: int | None = None) -> QueryError:
    """QueryError 'origin:LINE:COL: SPARQL syntax error: …' with the line and a caret under the column."""
    if _is_update(text):
        return _update_refused(origin)
    where = re.search(r"error at (\d+):(\d+):\s*(.*)", message, re.S)
    if where:
        line, col, message = int(where[1]), int(where[2]), where[3]
    message = re.sub(r"\s*\(at char \d+\), \(line:\d+, col:\d+\)", "", " ".join(message.split()))
    prefix = re.search(r"Unknown namespace prefix : (\S+)", message)
    lines = full.split("\n")
    if prefix or "Prefix not found" in message:
        name = prefix[1] if prefix else _prefix_before(lines, line, col)
        found = _find_prefix(text, name) if name else None
        if found:
            line, col = found
        known = ", ".join(sorted(PREFIXES))
        message = (f"unknown prefix '{name}:' — declare it with PREFIX {name}: <…> or use one of {known}"
                   if name else f"unknown prefix — declare it with PREFIX or use one of {known}")
    elif len(message) > 200:
        message = message[:200] + "…"
    user_lines = text.split("\n")
    if line is not None and line > len(user_lines):
        return QueryError(f"{origin}: the parameters cannot be added to this query ({message}) — "
                          "it may already end with a VALUES clause; drop that clause or the --param/--lang values")
    if line is None:
        return QueryError(f"{origin}: SPARQL syntax error: {message}" + ("" if " — " in message else " — fix the query"))
    details = []
    if 1 <= line <= len(user_lines):
        source_line = user_lines[line - 1].replace("\t", " ")
        details = [f"    {source_line}", "    " + " " * max((col or 1) - 1, 0) + "^"]
    fix = "" if " — " in message else " — fix the query"
    return QueryError(f"{origin}:{line}:{col}: SPARQL syntax error: {message}{fix}", details)


def _prefix_before(lines: list[str], line: int | None, col: int | None) -> str | None:
    if not line or line > len(lines):
        return None
    match = re.search(r"([A-Za-z][\w-]*):[\w.-]*$", lines[line - 1][: max((col or 1) - 1, 0)])
    return match[1] if match else None


def _find_prefix(text: str, name: str) -> tuple[int, int] | None:
    for number, line in enumerate(text.split("\n"), 1):
        match = re.search(rf"(?<![\w:<?$]){re.escape(name)}:", line)
        if match and not line.lstrip().startswith("#"):
            return number, match.start() + 1
    return None


def run_query(graph, name: str, /, *, lang: str = DEFAULT_LANG, timeout: float | None = None,
              max_rows: int | None = None, isolated: bool | None = None, max_memory: int | None = None,
              **params: Any) -> "QueryResult":
    """Run a named query (`kg query NAME`) with its parameters (ids, kg:ids, IRIs or rdflib terms).

        >>> import kg
        >>> ds = kg.build_graph("seeds")
        >>> kg.run_query(ds, "gpu-allocations", org="nvidia", lang="ko").rows[0]["recipientLabel"]
        '대한민국'

    timeout (seconds) and max_rows limit the run as in run(); by default there is no limit (`kg query`
    sets 30 s and 10,000 rows). (Not called `query`: that name is this module, kg.query.)"""
    named = get_query(name)
    entities = _Entities(graph, lang if lang in LANGUAGES else DEFAULT_LANG)
    bindings: dict[str, Node] = {}
    for key in params:
        if named.param(key) is None:
            names = ", ".join(p.name for p in named.params) or "none"
            raise QueryError(f"{name} has no parameter '{key}' — its parameters: {names}")
    for param in named.params:
        value = params.get(param.name)
        if value is None and param.default is None:
            continue
        bindings[param.name] = bind_value(param.name, param.default if value is None else value, param.kind,
                                          entities, param.default, param.classes)
    if _mentions(named.text, "lang"):
        bindings["lang"] = Literal(check_lang(lang))
    # the named queries are the project's own files: nothing to check for SERVICE or FROM
    return run(graph, named.text, bindings, origin=str(named.path.name), timeout=timeout, max_rows=max_rows,
               allow_remote=True, isolated=isolated, max_memory=max_memory)


def sparql(graph, text: str, /, *, lang: str = DEFAULT_LANG, origin: str = "<query>", timeout: float | None = None,
           max_rows: int | None = None, allow_remote: bool = False, isolated: bool | None = None,
           max_memory: int | None = None, **params: Any) -> "QueryResult":
    """Run SPARQL text (`kg query -e`), binding each param to the variable of that name, and ?lang to
    the label language if the query uses it.

    A query that would send requests elsewhere (SERVICE, FROM of a graph the dataset lacks) is refused
    unless allow_remote; timeout and max_rows limit the run as in run()."""
    entities = _Entities(graph)
    bindings: dict[str, Node] = {}
    for key, value in params.items():
        if key == "lang":
            raise QueryError("'lang' is set with --lang (the label language), not as a parameter")
        if not re.fullmatch(r"[A-Za-z_]\w*", key) or not _mentions(text, key):
            raise QueryError(f"the query has no variable ?{key} — check the parameter name")
        bindings[key] = bind_value(key, value, "any", entities)
    if _mentions(text, "lang"):
        bindings["lang"] = Literal(check_lang(lang))
    for key in bindings:
        if filter_only(text, key):
            hint = ('start the WHERE clause with VALUES ?lang { "en" "ko" } and kg keeps the --lang one'
                    if key == "lang" else f"bind ?{key} in a pattern, or write the value into the FILTER")
            raise QueryError(f"{origin}: ?{key} is only used in a FILTER, which cannot see the value kg joins to "
                             f"the answer after the WHERE clause — {hint}")
    return run(graph, text, bindings, origin, timeout=timeout, max_rows=max_rows, allow_remote=allow_remote,
               isolated=isolated, max_memory=max_memory)


def sparql_file(graph, path: str | Path, /, *, lang: str = DEFAULT_LANG, timeout: float | None = None,
                max_rows: int | None = None, allow_remote: bool = False, isolated: bool | None = None,
                max_memory: int | None = None, **params: Any) -> "QueryResult":
    """Run the SPARQL of a file (`kg query --file`); errors point into the file."""
    path = Path(path)
    if not path.is_file():
        raise QueryError(f"{path}: no such file — check the path")
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise QueryError(f"{path}: the file is not valid UTF-8 (byte {exc.start}) — save it as UTF-8") from None
    return sparql(graph, text, lang=lang, origin=str(path), timeout=timeout, max_rows=max_rows,
                  allow_remote=allow_remote, isolated=isolated, max_memory=max_memory, **params)


def parse_params(pairs: Iterable[str]) -> dict[str, str]:
    """--param NAME=VALUE options as a dict (each name once)."""
    params: dict[str, str] = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        name = name.strip()
        if not sep or not name:
            raise QueryError(f"--param '{pair}': write NAME=VALUE, such as org=naver-cloud")
        if name in params:
            raise QueryError(f"--param {name} is given twice — give each parameter once")
        if name == "lang":
            raise QueryError("'lang' is set with --lang (the label language), not as a parameter")
        if name in OPTION_NAMES:
            raise QueryError(f"--param {name}: that name belongs to an option of kg query — rename the query's "
                             f"variable ?{name}")
        params[name] = value
    return params


# --------------------------------------------------------------------------------------------------
# Results
# --------------------------------------------------------------------------------------------------

def python_value(term: Node | None) -> Any:
    """A result term as a plain Python value: IRIs as strings, numbers as int/Decimal/float, dates as
    datetime.date, booleans as bool, other literals as their text; None where the variable is unbound."""
    if term is None:
        return None
    if isinstance(term, URIRef):
        return str(term)
    if isinstance(term, BNode):
        return f"_:{term}"
    value = term.toPython()
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
    def of(cls, result, max_rows: int | None = None) -> "QueryResult":
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
        return [dict(zip(self.vars, row)) for row in values]

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
            raise QueryError(f"unknown format '{fmt}' — use one of {', '.join(FORMATS)}")
        if self.kind == "CONSTRUCT":
            if fmt not in ("table", "turtle"):
                raise QueryError(f"a CONSTRUCT or DESCRIBE query returns a graph, printed as Turtle — drop --format {fmt}")
            return self.graph.serialize(format="turtle")
        if fmt == "turtle":
            raise QueryError(f"a {self.kind} query returns a table, not a graph — use table, csv, tsv, json or xml")
        if self.kind == "ASK":
            return {"json": _ask_json, "xml": _ask_xml}.get(fmt, lambda b: ("true" if b else "false") + "\n")(
                self.boolean)
        return {"table": _table, "csv": _csv, "tsv": _tsv, "json": _json, "xml": _xml}[fmt](self)

    def cut_cells(self) -> bool:
        """Whether the table form cuts any cell (so the CLI can say where to see them whole)."""
        return any(_width(_cell(t)) > MAX_CELL for row in self.terms for t in row)


def _cell(term: Node | None) -> str:
    if term is None:
        return ""
    if isinstance(term, URIRef):
        return compact(term)
    if isinstance(term, BNode):
        return f"_:{term}"
    return " ".join(str(term).split()) if "\n" in str(term) or "\t" in str(term) else str(term)


def _width(text: str) -> int:
    """Columns a string takes on a terminal: East Asian wide characters (Hangul) take two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 0 if unicodedata.combining(c) else 1 for c in text)


def _fit(text: str, width: int) -> str:
    if _width(text) <= width:
        return text
    out, used = "", 0
    for c in text:
        if used + _width(c) > width - 1:
            break
        out, used = out + c, used + _width(c)
    return out + "…"


def _numeric(term: Node | None) -> bool:
    return isinstance(term, Literal) and term.datatype in (XSD.integer, XSD.decimal, XSD.double, XSD.float, XSD.int)


def _table(result: QueryResult) -> str:
    cells = [[_fit(_cell(t), MAX_CELL) for t in row] for row in result.terms]
    widths = [max([_width(v)] + [_width(row[i]) for row in cells]) for i, v in enumerate(result.vars)]
    right = [bool(result.terms) and all(_numeric(row[i]) or row[i] is None for row in result.terms)
             for i in range(len(result.vars))]

    def line(values: list[str]) -> str:
        parts = []
        for i, value in enumerate(values):
            pad = " " * (widths[i] - _width(value))
            parts.append(pad + value if right[i] else value + pad)
        return "  ".join(parts).rstrip()

    out = [line(result.vars), line(["-" * w for w in widths])] + [line(row) for row in cells]
    return "\n".join(out) + "\n"


def _csv(result: QueryResult) -> str:
    """W3C SPARQL 1.1 CSV: variable names, then values without types (IRIs bare, blank nodes as _:x)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(result.vars)
    for row in result.terms:
        writer.writerow(["" if t is None else f"_:{t}" if isinstance(t, BNode) else str(t) for t in row])
    return buffer.getvalue()


def _tsv_term(term: Node | None) -> str:
    if term is None:
        return ""
    if isinstance(term, BNode):
        return f"_:{term}"
    if isinstance(term, URIRef):
        return f"<{term}>"
    if term.datatype == XSD.integer and _INTEGER.fullmatch(str(term)):
        return str(term)
    if term.datatype == XSD.decimal and _DECIMAL.fullmatch(str(term)):
        return str(term)
    if term.datatype == XSD.boolean and str(term) in ("true", "false"):
        return str(term)
    return literal_n3(term)


def _tsv(result: QueryResult) -> str:
    """W3C SPARQL 1.1 TSV: ?variables, then terms in SPARQL syntax (numbers and booleans abbreviated)."""
    lines = ["\t".join(f"?{v}" for v in result.vars)]
    lines += ["\t".join(_tsv_term(t) for t in row) for row in result.terms]
    return "\n".join(lines) + "\n"


def _json_term(term: Node) -> dict[str, str]:
    if isinstance(term, URIRef):
        return {"type": "uri", "value": str(term)}
    if isinstance(term, BNode):
        return {"type": "bnode", "value": str(term)}
    out = {"type": "literal", "value": str(term)}
    if term.language:
        out["xml:lang"] = term.language
    elif term.datatype and term.datatype != XSD.string:
        out["datatype"] = str(term.datatype)
    return out


def _json(result: QueryResult) -> str:
    """W3C SPARQL 1.1 JSON results."""
    bindings = [{v: _json_term(t) for v, t in zip(result.vars, row) if t is not None} for row in result.terms]
    return json.dumps({"head": {"vars": result.vars}, "results": {"bindings": bindings}},
                      ensure_ascii=False, indent=2) + "\n"


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
            for v, t in zip(result.vars, row):
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


def describe_queries(queries: list[NamedQuery]) -> str:
    """`kg queries`: each name with its title and parameters, aligned."""
    width = max((len(q.name) for q in queries), default=0)
    lines = []
    for q in queries:
        lines.append(f"{q.name:<{width}}  {q.title}" + (f"  (Q{q.question})" if q.question else ""))
        for p in q.params:
            lines.append(f"{'':<{width}}    --param {p.name}={p.show_default()}" + (f"  {p.doc}" if p.doc else ""))
    return "\n".join(lines) + "\n"


def describe_query(q: NamedQuery) -> str:
    """`kg queries NAME`: the header in full, then the SPARQL."""
    lines = [f"{q.name}: {q.title}", ""]
    if q.description:
        lines += [q.description, ""]
    if q.params:
        lines.append("Parameters:")
        lines += [f"  {p.name} = {p.show_default()}" + (f"  — {p.doc}" if p.doc else "") for p in q.params]
        lines.append("")
    lines.append(f"File: {q.path}")
    return "\n".join(lines) + "\n\n" + q.text
