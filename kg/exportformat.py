"""Which file `kg export` writes: the RDF formats of kg/rdfformats.py (EXPORTED) or the network formats of
kg/netformats.py (FORMATS), chosen by --format or else by the output's suffix. One place decides, from those
two tables, so `kg export -o x.csv` writes the network's CSV instead of Turtle named .csv (issue 15), and a
suffix neither knows is an error instead of a silent Turtle file. Messages in English and Korean."""

from __future__ import annotations

from pathlib import Path

from kg import netformats, rdfformats
from kg.errors import KgError
from kg.text import tr

RDF, NETWORK = "rdf", "network"


def choices() -> list[str]:
    """Every format `kg export --format` takes: the RDF ones, then the network ones."""
    return list(rdfformats.EXPORTED) + list(netformats.FORMATS)


def suffixes() -> list[str]:
    rdf = [rdfformats.BY_NAME[name].suffix for name in rdfformats.EXPORTED]
    return rdf + [s for s in netformats.SUFFIXES if s not in rdf]


def choose(output: Path | None, fmt: str | None, lang: str = "en") -> tuple[str, str]:
    """(family, format) for the output file and --format: RDF or network; Turtle on standard output."""
    if fmt is None and output is not None:
        fmt = rdfformats.exported_as(output) or netformats.format_for(output)
        if fmt is None:
            known = ", ".join(suffixes())
            raise KgError(tr("export format unknown", lang, output=repr(str(output)), known=known,
                             choices="|".join(choices())))
    fmt = fmt or "turtle"
    if fmt in rdfformats.EXPORTED:
        return RDF, fmt
    if output is None:
        raise KgError(tr("export needs file", lang, fmt=fmt))
    return NETWORK, fmt


def missing_folder(output: Path | None) -> Path | None:
    """The output's folder when it does not exist yet (writing the file will create it)."""
    if output is None or Path(output).absolute().parent.exists():
        return None
    return Path(output).parent


def created_note(folder: Path | None, lang: str = "en") -> str:
    """What to add to 'Wrote FILE' when writing created folders, so a mistyped path does not pass unnoticed."""
    return tr("export created folder", lang, folder=str(folder)) if folder is not None else ""
