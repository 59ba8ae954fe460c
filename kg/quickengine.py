"""The engine's side of kg.quick, in its sandbox worker (kg.resident): the store opened read-only, the entity
parameters looked up, the bound query run, the rows sent back as plain values that kg.quick writes out.

It imports nothing but pyoxigraph, so that the worker kg.launch forks first (kg.resident.start) is ready as soon
as a plain pyoxigraph script would be, while kg.launch imports kg.quick and binds the query: on two cores, kg's
own start is then hidden behind the engine's. A store stays open in the worker while its folder is unchanged:
the worker of a `with kg.resident.kept():` block opens it once for all its answers.
"""

from __future__ import annotations

import os

TYPE_CHECKING = False  # typing is not imported at run time (kg.errors)
if TYPE_CHECKING:
    from typing import Any

#: Above this many rows the worker writes the answer itself (kg.quickwrite): sending each term back costs
#: more than kg.quick's imports there, and below it the imports cost more than the terms.
WRITE_HERE = 1000

_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
_OPEN: dict[str, tuple[tuple, Any]] = {}  # folder -> (what it held when opened, the store)


def prepare(place: str | None) -> None:
    """What a worker does before its first job: pyoxigraph imported, and the store at place opened."""
    import pyoxigraph  # noqa: F401 - imported now, while the parent binds the query

    if place is not None and os.path.isfile(os.path.join(place, "CURRENT")):
        opened(place)


def opened(place: str) -> Any:
    """The store in the folder place, read-only: the one opened before, while no file in the folder has changed
    (a read-only store reads the folder as it was when it was opened); else opened now (and errors raised)."""
    import pyoxigraph

    seen = _contents(place)
    kept = _OPEN.get(place)
    if kept is not None and kept[0] == seen:
        return kept[1]
    _OPEN.pop(place, None)
    store = pyoxigraph.Store.read_only(place)
    _OPEN[place] = (seen, store)
    return store


def _contents(place: str) -> tuple:
    """The folder's identity and each file's name, size and time of change."""
    folder = os.stat(place)
    with os.scandir(place) as entries:
        files = sorted((e.name, s.st_size, s.st_mtime_ns) for e in entries for s in (e.stat(),))
    return folder.st_ino, folder.st_mtime_ns, tuple(files)


def rows(place: str, text: str, entities: list[tuple[str, list[str]]], prefixes: dict[str, str],
         max_rows: int | None, fmt: str) -> tuple | None:
    """In the worker: ("rows", names, rows, truncated) with each term as term_value gives it, or
    ("written", …Answer's fields) for a long answer written here; None where kg.query must answer: a store
    that does not open, an entity (IRI, its classes) not in the store or of none of the classes, a query the
    engine does not parse, an answer that is not a SELECT's."""
    import pyoxigraph as ox

    try:
        engine = opened(place)
    except Exception:  # noqa: BLE001 - RocksDB reports a damaged store as RuntimeError, OSError, ...: kg.query's
        return None
    if not all(_is_entity(engine, iri, classes) for iri, classes in entities):
        return None
    try:
        solutions = engine.query(text, prefixes=prefixes, use_default_graph_as_union=True)
    except SyntaxError:  # kg.query says where
        return None
    if not isinstance(solutions, ox.QuerySolutions):
        return None
    names = [v.value for v in solutions.variables]
    got: list = []
    for solution in solutions:
        if max_rows is not None and len(got) == max_rows:
            return _sent(names, got, True, fmt)
        got.append(solution)
    return _sent(names, got, False, fmt)


def _sent(names: list[str], got: list, truncated: bool, fmt: str) -> tuple | None:
    if len(got) > WRITE_HERE:
        from kg import quickwrite

        written = quickwrite.write(names, [tuple(map(term_value, row)) for row in got], truncated, fmt)
        return None if written is None else ("written", *written)
    return "rows", names, [tuple(map(term_value, row)) for row in got], truncated


def term_value(term: Any) -> tuple | None:
    """A pyoxigraph term as plain values that cross back by marshal: ("iri", value), ("blank", id),
    ("literal", text, datatype, language or ""), None for unbound; ("other", …) for a term kg.quick does not
    write (a quoted triple)."""
    if term is None:
        return None
    kind = type(term).__name__
    if kind == "NamedNode":
        return "iri", term.value
    if kind == "Literal":
        return "literal", term.value, term.datatype.value, term.language or ""
    if kind == "BlankNode":
        return "blank", term.value
    return "other", str(term)


def _is_entity(engine: Any, iri: str, classes: list[str]) -> bool:
    """The entity is in the graph (the subject of some quad, in any graph) and, where classes are given, of one
    of them: what kg.query.params asks with two ASK queries (queries/internal: entity-exists, entity-is-of-kind),
    by one look-up in the store's index."""
    import pyoxigraph as ox

    node = ox.NamedNode(iri)
    if not classes:
        return next(engine.quads_for_pattern(node, None, None, None), None) is not None
    types = engine.quads_for_pattern(node, ox.NamedNode(_TYPE), None, None)
    return any(isinstance(q.object, ox.NamedNode) and q.object.value in classes for q in types)
