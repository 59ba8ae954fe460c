"""The network's file formats (kg network, kg export): their names and suffixes, apart from kg/netexport.py so
that the CLI's choices and kg export's choice of format read them without importing networkx."""

from __future__ import annotations

from pathlib import Path

FORMATS = ("gexf", "graphml", "csv", "kumu")
SUFFIXES = {".gexf": "gexf", ".graphml": "graphml", ".csv": "csv"}


def format_for(path: str | Path) -> str | None:
    """The network format a file name asks for by its suffix (Kumu's is asked for by name only)."""
    return SUFFIXES.get(Path(path).suffix.lower())
