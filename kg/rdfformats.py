"""The RDF formats kg reads and writes, in one table: kg's name (--format, messages), file suffixes, and the names
pyoxigraph and rdflib give each. Reading user files (kg.rdfio: `kg load`, `kg validate --graph`), exports
(kg.serialize: `kg export`, `kg build`), the stores' bulk loads and the CLI's choices all read it.

No import of rdflib or pyoxigraph here (the CLI reads the names before any command runs); `RdfFormat.pyoxigraph`
imports pyoxigraph when asked.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class RdfFormat:
    """One RDF format."""

    name: str                           # kg's name for it
    suffixes: tuple[str, ...]           # the file suffixes it is read from; exports write the first
    oxigraph: str                       # its pyoxigraph.RdfFormat member
    rdflib: str                         # its rdflib parser
    keeps_graphs: bool = False          # whether kg's export of it keeps the named graphs (else: their union)
    exported: bool = True               # whether `kg export` writes it
    also_written: tuple[str, ...] = ()  # suffixes an export writes it to that kg does not read it from

    @property
    def suffix(self) -> str:
        return self.suffixes[0]

    @property
    def pyoxigraph(self):
        """The pyoxigraph.RdfFormat (for its parsers and serialisers)."""
        import pyoxigraph

        return getattr(pyoxigraph.RdfFormat, self.oxigraph)


FORMATS = (
    # Turtle is N3, so an export may be named .n3; Oxigraph's N3 parser is not Turtle's, so .n3 is not read.
    RdfFormat("turtle", (".ttl", ".turtle"), "TURTLE", "turtle", also_written=(".n3",)),
    RdfFormat("trig", (".trig",), "TRIG", "trig", keeps_graphs=True),
    RdfFormat("nt", (".nt",), "N_TRIPLES", "nt"),
    RdfFormat("nquads", (".nq",), "N_QUADS", "nquads", keeps_graphs=True),
    RdfFormat("jsonld", (".jsonld", ".json"), "JSON_LD", "json-ld"),
    RdfFormat("rdfxml", (".rdf", ".xml", ".owl"), "RDF_XML", "xml", exported=False),
)

BY_NAME = {f.name: f for f in FORMATS}
EXPORTED = tuple(f.name for f in FORMATS if f.exported)
#: File suffix -> the name of the format kg reads it as.
SUFFIXES = {suffix: f.name for f in FORMATS for suffix in f.suffixes}


def exported_as(path: str | Path) -> str | None:
    """The export format a file name implies by its suffix, if any."""
    suffix = Path(path).suffix.lower()
    return next((f.name for f in FORMATS if f.exported and suffix in f.suffixes + f.also_written), None)
