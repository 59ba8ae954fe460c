"""What people write and read, without rdflib (so that kg.quick can answer without it): a named query's header
lines (kg.query.catalogue reads them in full), `kg query --param NAME=VALUE`, and IRIs as prefixed names."""

from __future__ import annotations

import re

from kg.errors import QueryError

TYPE_CHECKING = False  # typing is not imported at run time (kg.errors)
if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

#: Names the query functions take as options, so they cannot be query parameters (--param NAME=…).
OPTION_NAMES = ("lang", "origin", "timeout", "max_rows", "allow_remote", "isolated", "max_memory")

_PNAME = re.compile(r"([A-Za-z][\w-]*):([\w.-]*)")
PARAM_LINE = re.compile(r"param:\s*(?P<name>[A-Za-z_]\w*)\s*"
                        r"(?:=\s*(?P<default>[^\s(]+)(?:\s*\((?P<classes>[A-Za-z|]+)\))?"
                        r"|\((?P<optional>optional)(?:,\s*(?P<classes2>[A-Za-z|]+))?\))?"
                        r"\s*(?:(?:—|--)\s*(?P<doc>.*))?$")


def header_lines(text: str) -> Iterator[tuple[int, str]]:
    """The leading comment lines of a query, numbered from 1, without their '#' and outer spaces."""
    for number, line in enumerate(text.splitlines(), 1):
        if not line.startswith("#"):
            return
        yield number, line[1:].strip()


def parse_params(pairs: Iterable[str]) -> dict[str, str]:
    """--param NAME=VALUE options as a dict (each name once)."""
    params: dict[str, str] = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        name = name.strip()
        if not sep or not name:
            raise QueryError.of("param form", pair=pair)
        if name in params:
            raise QueryError.of("param twice", name=name)
        if name == "lang":
            raise QueryError.of("param lang")
        if name in OPTION_NAMES:
            raise QueryError.of("param option", name=name)
        params[name] = value
    return params
