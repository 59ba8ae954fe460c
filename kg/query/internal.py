"""kg's own queries (queries/internal/*.rq, not listed by `kg queries`): read from the package's query
folder and bound as every query is (kg.query.binding). kg's modules — network, provenance, conflicts,
lookup, kinds, and the checks of kg.query itself — ask the graph through select() and ask()."""

from __future__ import annotations

import functools
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from kg import engine
from kg.query.binding import bind

if TYPE_CHECKING:
    from kg.query.binding import Value


@functools.lru_cache(maxsize=1)
def query_dir() -> Path:
    """The folder of the named queries (queries/; kg's own in its internal/ folder)."""
    from kg.resources import data_dir

    return data_dir("queries")


@functools.lru_cache(maxsize=64)
def internal_text(name: str) -> tuple[str, str]:
    """The SPARQL of one of kg's own queries and its name for messages (internal/NAME.rq)."""
    return (query_dir() / "internal" / f"{name}.rq").read_text(encoding="utf-8"), f"internal/{name}.rq"


def select(graph, name: str, /, **bindings: Value) -> Iterable:
    """Rows of one of kg's own SELECT queries with its variables bound (a sequence of terms gives a row
    each), from kg.engine.select: named tuples of rdflib terms, on any store."""
    text, origin = internal_text(name)
    return engine.select(graph, bind(text, bindings, origin))


def ask(graph, name: str, /, **bindings: Value) -> bool:
    """The answer of one of kg's own ASK queries, bound as select() binds."""
    text, origin = internal_text(name)
    return bool(graph.query(bind(text, bindings, origin)).askAnswer)
