"""Running a query: named, internal or ad hoc, bound (kg.query.binding) and run on any store through one
function, in the sandbox when it has a time limit."""

from __future__ import annotations

import functools
import multiprocessing
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from rdflib import Literal
from rdflib.term import Node

from kg import engine, sandbox
from kg.errors import KgError, QueryError
from kg.ontology import PREFIXES
from kg.query.binding import bind, filter_only, mentions
from kg.query.catalogue import get_query
from kg.query.failures import _endpoint_error, _syntax_error
from kg.query.guard import _in_worker, _is_endpoint, check_remote, names_dataset
from kg.query.params import DEFAULT_LANG, LANGUAGES, _Entities, bind_value, check_lang
from kg.query.results import QueryResult
from kg.query.shape import check_shape
from kg.text import Phrase

#: What `kg query` allows by default: seconds a query may run, and rows (or triples) of the answer kept.
DEFAULT_TIMEOUT = 30.0
DEFAULT_MAX_ROWS = 10_000


def run(graph, text: str, bindings: Mapping[str, Node | None] | None = None, origin: str = "<query>", *,
        timeout: float | None = None, max_rows: int | None = None, allow_remote: bool = False,
        isolated: bool | None = None, max_memory: int | None = None) -> QueryResult:
    """Run SPARQL over a graph or dataset (any store: Oxigraph, rdflib's, a SPARQL endpoint) with the
    variables bound (kg.query.binding), through rdflib's query API (or pyoxigraph's, kg.engine). The one place
    kg's named and ad hoc queries are executed.

    The project's prefixes are predeclared (the query's own PREFIX lines win), so `kg:`, `kgo:`, `rdfs:`…
    work without declaring them. A syntax error becomes QueryError with the line and column.

    A query too large or nested too deeply for the engines is refused (kg.query.shape.check_shape). Unless
    allow_remote, a query that would send requests to other servers (SERVICE, FROM of a graph the dataset
    does not have) is refused first (check_remote). Isolated (the default when there is a timeout), the
    query runs in a worker process with no network, at most max_memory bytes more memory, and stopped when
    the timeout (seconds) is up; a crash of the engine there is a QueryError, not the end of kg. With
    max_rows, only that many rows (or triples) are kept and the result says it was truncated."""
    check_shape(text, origin)
    full = bind(text, bindings or {}, origin)
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
        from kg.stores.sparql import check_default_graph

        check_default_graph(graph.store.query_endpoint)
    return result


def _evaluate(graph, text: str, full: str, origin: str, max_rows: int | None) -> QueryResult:
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
        raise QueryError.of("query too deep rdflib", origin=origin) from None
    except Exception as exc:  # rdflib's engine: pyparsing's ParseException, or a bare Exception for a prefix
        if type(exc).__name__ == "ParseException" or "Unknown namespace prefix" in str(exc):
            raise _syntax_error(text, full, str(exc), origin, getattr(exc, "lineno", None),
                                getattr(exc, "col", None)) from None
        if isinstance(exc, KgError):
            raise
        if type(exc).__module__.startswith(("urllib", "http")) or "SPARQLWrapper" in type(exc).__module__:
            from kg.stores.sparql import http_detail

            if getattr(exc, "code", None):  # it answered, with an error: its own words say why
                raise QueryError.of("endpoint refused query", url=origin, error=http_detail(exc), body="",
                                    hint=Phrase("endpoint check query")) from None
            raise QueryError.of("query endpoint silent", origin=origin, reason=str(exc)) from None
        if isinstance(exc, OSError) or str(exc).startswith("Could not load"):  # SERVICE, FROM with --allow-remote
            message = " ".join(str(exc).split())[:300]
            raise QueryError.of("query remote failed", origin=origin, message=message) from None
        raise


def run_query(graph, name: str, /, *, lang: str = DEFAULT_LANG, timeout: float | None = None,
              max_rows: int | None = None, isolated: bool | None = None, max_memory: int | None = None,
              **params: Any) -> QueryResult:
    """Run a named query (`kg query NAME`) with its parameters (ids, kg:ids, IRIs or rdflib terms).

        >>> import kg
        >>> ds = kg.build_graph("seeds")
        >>> kg.run_query(ds, "gpu-allocations", org="nvidia", lang="ko").rows[0]["recipientLabel"]
        '대한민국'

    timeout (seconds) and max_rows limit the run as in run(); by default there is no limit (`kg query`
    sets 30 s and 10,000 rows). (Not called `query`: that name is this module, kg.query.)"""
    named = get_query(name)
    entities = _Entities(graph, lang if lang in LANGUAGES else DEFAULT_LANG)
    bindings: dict[str, Node | None] = {}
    for key in params:
        if named.param(key) is None:
            names = ", ".join(p.name for p in named.params) or Phrase("query no parameters")
            raise QueryError.of("query no parameter", name=name, var=key, names=names)
    if mentions(named.text, "lang"):
        bindings["lang"] = Literal(check_lang(lang))
    for param in named.params:  # an optional one left out stays UNDEF in the query's VALUES row
        value = params.get(param.name)
        bindings[param.name] = None if value is None and param.default is None else bind_value(
            param.name, param.default if value is None else value, param.kind, entities, param.default,
            param.classes)
    # the named queries are the project's own files: nothing to check for SERVICE or FROM
    return run(graph, named.text, bindings, origin=str(named.path.name), timeout=timeout, max_rows=max_rows,
               allow_remote=True, isolated=isolated, max_memory=max_memory)


def sparql(graph, text: str, /, *, lang: str = DEFAULT_LANG, origin: str = "<query>", timeout: float | None = None,
           max_rows: int | None = None, allow_remote: bool = False, isolated: bool | None = None,
           max_memory: int | None = None, **params: Any) -> QueryResult:
    """Run SPARQL text (`kg query -e`), binding each param to the variable of that name, and ?lang to
    the label language if the query uses it.

    A query that would send requests elsewhere (SERVICE, FROM of a graph the dataset lacks) is refused
    unless allow_remote; timeout and max_rows limit the run as in run()."""
    entities = _Entities(graph, lang if lang in LANGUAGES else DEFAULT_LANG)
    bindings: dict[str, Node | None] = {}
    for key, value in params.items():
        if key == "lang":
            raise QueryError.of("param lang")
        if not re.fullmatch(r"[A-Za-z_]\w*", key) or not mentions(text, key):
            raise QueryError.of("query no variable", var=key)
        bindings[key] = bind_value(key, value, "any", entities)
    if mentions(text, "lang"):
        bindings["lang"] = Literal(check_lang(lang))
    for key in bindings:
        if filter_only(text, key):
            raise QueryError.of("query filter only", origin=origin, var=key)
    return run(graph, text, bindings, origin, timeout=timeout, max_rows=max_rows, allow_remote=allow_remote,
               isolated=isolated, max_memory=max_memory)


def sparql_file(graph, path: str | Path, /, *, lang: str = DEFAULT_LANG, timeout: float | None = None,
                max_rows: int | None = None, allow_remote: bool = False, isolated: bool | None = None,
                max_memory: int | None = None, **params: Any) -> QueryResult:
    """Run the SPARQL of a file (`kg query --file`); errors point into the file."""
    path = Path(path)
    if not path.is_file():
        raise QueryError.of("rdf no file", path=str(path))
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise QueryError.of("query not utf8", path=str(path), byte=exc.start) from None
    return sparql(graph, text, lang=lang, origin=str(path), timeout=timeout, max_rows=max_rows,
                  allow_remote=allow_remote, isolated=isolated, max_memory=max_memory, **params)

