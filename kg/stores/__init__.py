"""Where the graph lives: the kinds of store, behind one small protocol and a registry of kinds by name.

    memory          Oxigraph in memory through oxrdflib (the default): built from the seeds on each run
    rdflib          rdflib's own pure-Python store and engine, kept for comparison (100-2000x slower)
    oxigraph:PATH   a persistent Oxigraph store (RocksDB) that `kg build --store oxigraph:PATH` fills once;
                    later commands read it without parsing anything
    sparql:URL      any SPARQL 1.1 Protocol endpoint (Oxigraph server, Fuseki, GraphDB, Virtuoso, ...), as it
                    is configured: kg reads only its own graphs there (kg.stores.sparql.EndpointStore)

Every reader sees the union of kg's named graphs as its default graph. Never a home-made store: the engines are
Oxigraph's and rdflib's (and the endpoint's).

A kind of store is one module here (like datasette's publish/ targets) with a `KIND` object that does what
`StoreKind` says; `KINDS` names the module of each, imported only when the kind is used. Callers never test a
kind's name: they ask the kind (`kind_of(spec.kind)`). A new kind is a module and one line in KINDS, or, from
outside kg, `register(kind)`. An unknown kind is a KgError that lists the known ones.
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from rdflib import Dataset

from kg.errors import KgError

STORE_ENV = "KG_STORE"


@dataclass(frozen=True)
class StoreSpec:
    """A parsed --store value."""

    kind: str
    location: str = ""      # the folder of an oxigraph store, the query URL of an endpoint
    update_url: str = ""    # for sparql: where SPARQL Update goes

    def __str__(self) -> str:
        return f"{self.kind}:{self.location}" if self.location else self.kind

    @property
    def persistent(self) -> bool:
        return kind_of(self.kind, str(self)).persistent


class StoreKind(Protocol):
    """What kg asks of a kind of store: the commands that read a graph open it; `kg build --store` and `kg load`
    fill it when it is persistent; `kg serve` serves an Oxigraph store folder made from it."""

    name: str           # the word before the colon in --store
    usage: str          # how --store names it, for messages: 'oxigraph:PATH'
    persistent: bool    # whether it keeps its content between runs (kg build --store fills it)

    def parse(self, address: str, update_url: str | None) -> StoreSpec | None:
        """The spec for what follows 'NAME:' in --store ('' if nothing), or None if this kind takes no such address."""
        ...

    def open(self, spec: StoreSpec, seed_dir: Path, check: bool) -> Dataset:
        """The dataset to read (see open_dataset for `check`)."""
        ...

    def load(self, spec: StoreSpec, files: Sequence[tuple[Path, str]]) -> int:
        """Replace the content by RDF files already checked by kg.rdfio.check_file (path, format); quads loaded."""
        ...

    def save(self, spec: StoreSpec, ds: Dataset) -> int:
        """Replace the content by a built dataset; quads written."""
        ...

    def serve_from(self, spec: StoreSpec, seed_dir: Path) -> tuple[Path, Path | None]:
        """The Oxigraph store folder `kg serve` opens, and a temporary folder to remove when it stops (or None)."""
        ...


#: Each kind's name -> the module whose KIND it is (imported when first used), or the kind itself once imported
#: or registered.
KINDS: dict[str, str | StoreKind] = {
    "memory": "kg.stores.memory",
    "rdflib": "kg.stores.rdflib",
    "oxigraph": "kg.stores.oxigraph",
    "sparql": "kg.stores.sparql",
}


def register(kind: StoreKind) -> None:
    """Make a kind of store known by its name (a plug-in's, a test's); it replaces a kind of the same name."""
    KINDS[kind.name] = kind


def kind_of(name: str, text: str | None = None) -> StoreKind:
    """The kind of store of that name; KgError naming the known kinds if there is none (text: what the user wrote)."""
    entry = KINDS.get(name)
    if entry is None:
        raise unknown_store(text if text is not None else name, name)
    if isinstance(entry, str):
        entry = KINDS[name] = importlib.import_module(entry).KIND
    return entry


def unknown_store(text: str, name: str | None = None) -> KgError:
    """'unknown store …' with every kind's usage and, for a misspelt name, the nearest kind."""
    from kg.seeds import nearest
    from kg.text import OrList, Phrase

    usages = OrList(kind_of(known).usage for known in list(KINDS))
    close = nearest(name, [known for known in KINDS if known != name]) if name else []
    hint = Phrase("store near", usage=kind_of(close[0]).usage) if close else ""
    return KgError.of("store unknown", text=text, hint=hint, kinds=usages)


def parse_store(text: str | None, update_url: str | None = None) -> StoreSpec:
    """Parse 'memory', 'rdflib', 'oxigraph:PATH', 'sparql:URL' or another registered kind (also from $KG_STORE)."""
    text = (text or os.environ.get(STORE_ENV) or "memory").strip()
    name, _, address = text.partition(":")
    spec = kind_of(name, text).parse(address, update_url)
    if spec is None:
        raise unknown_store(text)
    return spec


def as_spec(spec: StoreSpec | str | None) -> StoreSpec:
    return spec if isinstance(spec, StoreSpec) else parse_store(spec)


def open_dataset(spec: StoreSpec | str | None = None, seed_dir: str | Path = "seeds", check: bool = True) -> Dataset:
    """The graph to read: built from the seeds for memory and rdflib, opened for the persistent stores. An
    endpoint is asked first whether its default graph holds the data (kg.stores.sparql.check_default_graph),
    unless not `check` (`kg query` asks only when an answer is empty, so that a refused query sends nothing)."""
    spec = as_spec(spec)
    return kind_of(spec.kind, str(spec)).open(spec, Path(seed_dir), check)


def load_files(paths: Sequence[str | Path], spec: StoreSpec) -> int:
    """`kg load`: replace a persistent store's content by RDF files, parsed by Oxigraph (safely, see
    kg.rdfio). Returns the number of quads loaded."""
    from kg.rdfio import check_file

    checked = [check_file(p) for p in paths]  # every file is checked before anything is loaded
    return kind_of(spec.kind, str(spec)).load(spec, checked)


def save_dataset(ds: Dataset, spec: StoreSpec) -> int:
    """Write a built dataset into a persistent store (replacing what was there); returns quads written."""
    return kind_of(spec.kind, str(spec)).save(spec, ds)


def serve_from(spec: StoreSpec, seed_dir: str | Path) -> tuple[Path, Path | None]:
    """The Oxigraph store folder `kg serve` serves for this store, and a temporary folder to remove after."""
    return kind_of(spec.kind, str(spec)).serve_from(spec, Path(seed_dir))
