"""SPARQL queries: the named ones (queries/*.rq, `kg queries`, `kg query NAME`), kg's own
(queries/internal/*.rq) and ad hoc ones (`kg query -e`, `--file`), bound and run one way.

- catalogue: finding the named queries and reading their headers;
- params: what a user typed as the RDF term a parameter takes;
- binding: putting the terms into the query's own VALUES row — the one way values get into SPARQL;
- guard: no request to other servers, no update, the worker process with a time and memory limit;
- execute: running a query on any store (Oxigraph, rdflib, a SPARQL endpoint);
- internal: kg's own queries, for its modules (select, ask);
- failures: an engine's error as a message that says where;
- results: the answer as Python values, a table, or the W3C result formats.

The names below are imported on first use (as kg's are, kg/__init__.py), so that kg.query.binding can be used
without rdflib's SPARQL machinery (kg.quick).
"""

from __future__ import annotations

TYPE_CHECKING = False  # typing is not imported at run time (kg.errors)
if TYPE_CHECKING:
    from typing import Any

    from kg.query.binding import bind, filter_only, literal_n3, parameter_block, term_n3
    from kg.query.catalogue import (
        NamedQuery,
        Param,
        describe_queries,
        describe_query,
        get_query,
        list_queries,
        parse_named_query,
    )
    from kg.query.execute import DEFAULT_MAX_ROWS, DEFAULT_TIMEOUT, run, run_query, sparql, sparql_file
    from kg.query.guard import _in_worker as _in_worker  # private, but tests and kg serve use them
    from kg.query.guard import _is_update as _is_update
    from kg.query.guard import _parse_query as _parse_query
    from kg.query.guard import (
        check_remote,
        find_service,
        may_name_service,
        names_dataset,
    )
    from kg.query.internal import ask, query_dir, select
    from kg.query.params import (
        DEFAULT_LANG,
        LANGUAGES,
        OPTION_NAMES,
        bind_value,
        check_lang,
        compact,
        parse_params,
        parse_term,
    )
    from kg.query.results import FORMATS, MAX_CELL, QueryResult, python_value
    from kg.query.results import _width as _width

__all__ = [
    "DEFAULT_LANG", "DEFAULT_MAX_ROWS", "DEFAULT_TIMEOUT", "FORMATS", "LANGUAGES", "MAX_CELL", "OPTION_NAMES",
    "NamedQuery", "Param", "QueryResult", "ask", "bind", "bind_value", "check_lang", "check_remote", "compact",
    "describe_queries", "describe_query", "filter_only", "find_service", "get_query", "list_queries", "literal_n3",
    "may_name_service", "names_dataset", "parameter_block", "parse_named_query", "parse_params", "parse_term",
    "python_value", "query_dir", "run", "run_query", "select", "sparql", "sparql_file", "term_n3",
]


_MODULES = {
    "bind": "binding",
    "filter_only": "binding",
    "literal_n3": "binding",
    "parameter_block": "binding",
    "term_n3": "binding",
    "NamedQuery": "catalogue",
    "Param": "catalogue",
    "describe_queries": "catalogue",
    "describe_query": "catalogue",
    "get_query": "catalogue",
    "list_queries": "catalogue",
    "parse_named_query": "catalogue",
    "DEFAULT_MAX_ROWS": "execute",
    "DEFAULT_TIMEOUT": "execute",
    "run": "execute",
    "run_query": "execute",
    "sparql": "execute",
    "sparql_file": "execute",
    "_in_worker": "guard",
    "_is_update": "guard",
    "_parse_query": "guard",
    "check_remote": "guard",
    "find_service": "guard",
    "may_name_service": "guard",
    "names_dataset": "guard",
    "ask": "internal",
    "query_dir": "internal",
    "select": "internal",
    "DEFAULT_LANG": "params",
    "LANGUAGES": "params",
    "OPTION_NAMES": "params",
    "bind_value": "params",
    "check_lang": "params",
    "compact": "params",
    "parse_params": "params",
    "parse_term": "params",
    "FORMATS": "results",
    "MAX_CELL": "results",
    "QueryResult": "results",
    "python_value": "results",
    "_width": "results",
}


def __getattr__(name: str) -> Any:
    if name == "__test__":  # the public examples, which doctest would not find behind the re-exports
        return {"run_query": __getattr__("run_query")}
    if name not in _MODULES:
        raise AttributeError(f"module 'kg.query' has no attribute {name!r}")
    import importlib  # here: kg.quick imports kg.query.layout, and nothing else of kg.query, before it answers

    value = getattr(importlib.import_module(f"kg.query.{_MODULES[name]}"), name)
    globals()[name] = value
    return value
