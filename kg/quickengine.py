"""The engine's side of kg.quick, in its sandbox worker (kg.resident): the store opened read-only, the entity
parameters looked up, the bound query run, and its answer sent back as the engine writes it in TSV, which
kg.quickwrite turns into kg's own bytes.

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
         max_rows: int | None) -> tuple[bytes, bool] | None:
    """In the worker: the answer as the engine writes it in the W3C TSV results format (every term with its kind,
    datatype and language tag; kg.quickwrite turns it into kg's formats) with at most max_rows rows, and whether
    rows were left out; None where kg.query must answer: a store that does not open, an entity (IRI, its classes)
    not in the store or of none of the classes, a query the engine does not parse, an answer that is not a
    SELECT's. The engine writes every row (the named queries sort theirs, so it has them all anyway): a row
    made into Python terms costs more than the engine's query on an answer of thousands of rows."""
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
    written = solutions.serialize(format=ox.QueryResultsFormat.TSV)
    if written is None:  # (only with an output given)
        return None
    if max_rows is None:
        return written, False
    lines = written.split(b"\n", max_rows + 1)  # the header, max_rows rows, and what follows them
    if not lines[-1]:
        return written, False
    return b"\n".join(lines[:-1]) + b"\n", True


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
