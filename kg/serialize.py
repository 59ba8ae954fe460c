"""Serialisations of the built dataset, deterministic and written atomically.

Deterministic: the same seeds give byte-identical files (sorted statements, fixed prefixes, no blank nodes),
so exports diff well in git. Atomic: a file is written beside its target and renamed over it, so a reader
never sees half a file and an interrupted export leaves the previous one intact.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

from rdflib import Dataset, Graph
from rdflib.plugins.serializers.nt import _nt_row
from rdflib.term import URIRef

from kg import ontology
from kg.graph import quads, union_graph
from kg.errors import KgError
from kg.ontology import FACTS_GRAPH, PREFIXES, REGISTRY_GRAPH

#: Format name -> (file suffix, whether it keeps named graphs).
FORMATS = {
    "turtle": (".ttl", False),
    "trig": (".trig", True),
    "nt": (".nt", False),
    "nquads": (".nq", True),
    "jsonld": (".jsonld", False),
}

#: Formats as rdflib's parser names them, for re-import.
PARSER_FORMATS = {"turtle": "turtle", "trig": "trig", "nt": "nt", "nquads": "nquads", "jsonld": "json-ld"}


def write_atomic(path: str | Path, data: bytes) -> Path:
    """Write bytes to path via a temporary file in the same folder and an atomic rename."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return target


def _sorted_lines(lines) -> bytes:
    return "".join(sorted(set(lines))).encode("utf-8")


def _ntriples(graph: Graph) -> bytes:
    return _sorted_lines(_nt_row(t) for t in graph)


def _nquads(ds: Dataset) -> bytes:
    lines = []
    for s, p, o, name in quads(ds):
        row = _nt_row((s, p, o))
        lines.append(row[:-2] + f"<{name}> .\n" if isinstance(name, URIRef) else row)
    return _sorted_lines(lines)


def _turtle(graph: Graph) -> bytes:
    ontology.bind_prefixes(graph)
    return graph.serialize(format="turtle", encoding="utf-8")


def _trig(ds: Dataset) -> bytes:
    """TriG written graph by graph in a fixed order, each graph body as rdflib's sorted Turtle."""
    header = "".join(f"@prefix {p}: <{ns}> .\n" for p, ns in sorted(PREFIXES.items()))
    graphs: dict[URIRef, Graph] = {}
    for s, p, o, name in quads(ds):
        if isinstance(name, URIRef):
            graphs.setdefault(name, ontology.bind_prefixes(Graph())).add((s, p, o))
    names = sorted(graphs, key=lambda n: (n != REGISTRY_GRAPH, n != FACTS_GRAPH, str(n)))
    parts = [header]
    for name in names:
        graph = graphs[name]
        # Not indented: a multi-line literal's content must not change.
        body = graph.serialize(format="turtle").split("\n")
        inner = "\n".join(line for line in body if not line.startswith("@prefix")).strip("\n")
        parts.append(f"\n<{name}> {{\n{inner}\n}}\n")
    return "".join(parts).encode("utf-8")


def _canonical_json(value):
    if isinstance(value, dict):
        return {k: _canonical_json(v) for k, v in sorted(value.items())}
    if isinstance(value, list):
        items = [_canonical_json(v) for v in value]
        return sorted(items, key=lambda v: json.dumps(v, sort_keys=True, ensure_ascii=False))
    return value


def _jsonld(graph: Graph) -> bytes:
    context = {p: str(ns) for p, ns in sorted(PREFIXES.items())}
    raw = json.loads(graph.serialize(format="json-ld", context=context, auto_compact=True))
    body = raw.get("@graph", [raw] if raw else [])
    doc = {"@context": context, "@graph": _canonical_json(body)}
    return (json.dumps(doc, ensure_ascii=False, indent=2, sort_keys=True) + "\n").encode("utf-8")


def serialize(ds: Dataset, fmt: str = "turtle") -> bytes:
    """The dataset in one of FORMATS, as deterministic bytes."""
    if fmt not in FORMATS:
        raise KgError(f"unknown export format '{fmt}' — use one of: {', '.join(FORMATS)}")
    if fmt == "trig":
        return _trig(ds)
    if fmt == "nquads":
        return _nquads(ds)
    graph = union_graph(ds)
    if fmt == "nt":
        return _ntriples(graph)
    if fmt == "jsonld":
        return _jsonld(graph)
    return _turtle(graph)


def export(ds: Dataset, fmt: str = "turtle", path: str | Path | None = None) -> bytes:
    """Serialise the dataset; write it atomically to path when one is given. Returns the bytes."""
    data = serialize(ds, fmt)
    if path is not None:
        write_atomic(path, data)
    return data


def format_for(path: str | Path) -> str | None:
    """The export format a file name implies by its suffix, if any."""
    suffix = Path(path).suffix.lower()
    for fmt, (ext, _) in FORMATS.items():
        if suffix == ext:
            return fmt
    return {".json": "jsonld", ".n3": "turtle"}.get(suffix)
