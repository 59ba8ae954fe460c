"""Reading RDF files that users give (`kg validate --graph`, `kg load`) without fetching or expanding anything.

- Oxigraph's parsers, never rdflib's: rdflib's JSON-LD parser fetches a remote @context over the network;
  Oxigraph's refuses it (no request leaves the machine).
- RDF/XML with a DTD is refused before any parser sees it (defusedxml): entity expansion ("billion
  laughs") aborts or hangs the RDF/XML parsers, and external entities could read other files.
"""

from __future__ import annotations

import re
from pathlib import Path

from rdflib import Dataset

from kg.errors import KgError

SUFFIXES = {
    ".ttl": "turtle", ".turtle": "turtle", ".trig": "trig", ".nt": "nt", ".nq": "nquads",
    ".jsonld": "jsonld", ".json": "jsonld", ".rdf": "rdfxml", ".xml": "rdfxml", ".owl": "rdfxml",
}


def rdf_format(path: Path) -> str:
    fmt = SUFFIXES.get(path.suffix.lower())
    if fmt is None:
        raise KgError(f"{path}: cannot tell the RDF format from the file name — "
                      f"use one of {', '.join(sorted(set(SUFFIXES)))}")
    return fmt


def oxigraph_format(fmt: str):
    import pyoxigraph as ox

    return {"turtle": ox.RdfFormat.TURTLE, "trig": ox.RdfFormat.TRIG, "nt": ox.RdfFormat.N_TRIPLES,
            "nquads": ox.RdfFormat.N_QUADS, "jsonld": ox.RdfFormat.JSON_LD, "rdfxml": ox.RdfFormat.RDF_XML}[fmt]


def refuse_dtd(path: Path) -> None:
    """Raise KgError (with the line) when an XML file declares a DTD or entities."""
    import defusedxml
    import defusedxml.ElementTree as safe_xml

    try:
        safe_xml.parse(str(path), forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except (defusedxml.DTDForbidden, defusedxml.EntitiesForbidden, defusedxml.ExternalReferenceForbidden):
        head = path.read_bytes()
        match = re.search(rb"<!(DOCTYPE|ENTITY)", head)
        line = head[: match.start()].count(b"\n") + 1 if match else 1
        raise KgError(f"{path}:{line}: the file declares a DTD or entities, which kg refuses in RDF/XML "
                      "(entity expansion, external files) — remove the <!DOCTYPE …> block") from None
    except safe_xml.ParseError as exc:
        line = getattr(exc, "position", (0, 0))[0]
        raise KgError(f"{path}:{line}: not well-formed XML ({exc}) — fix the file") from None


def check_file(path: str | Path) -> tuple[Path, str]:
    """The path and its format, after the checks that must come before any parser."""
    path = Path(path)
    fmt = rdf_format(path)
    if not path.is_file():
        raise KgError(f"{path}: no such file — check the path")
    if fmt == "rdfxml":
        refuse_dtd(path)
    return path, fmt


def parse_error(path: Path, fmt: str, exc: Exception) -> KgError:
    message = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    where = re.search(r"line (\d+)", message)
    prefix = f"{path}:{where.group(1)}" if where else str(path)
    return KgError(f"{prefix}: not valid {fmt}: {message} — fix the file or export it again")


def read_dataset(path: str | Path) -> Dataset:
    """A user's RDF file as a dataset (in-memory Oxigraph behind rdflib's API)."""
    import pyoxigraph as ox

    from kg.store import oxigraph_dataset

    path, fmt = check_file(path)
    store = ox.Store()
    try:
        store.bulk_load(path=str(path), format=oxigraph_format(fmt))
    except (SyntaxError, ValueError, OSError) as exc:
        raise parse_error(path, fmt, exc) from None
    return oxigraph_dataset(store)
