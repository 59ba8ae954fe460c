"""An answer as text, from its cells already written as strings: the one writer of the aligned table and of the
W3C CSV, TSV and JSON result formats, whether the terms are rdflib's (kg.query.results) or pyoxigraph's
(kg.quick, which answers without importing rdflib)."""

from __future__ import annotations

import unicodedata

TYPE_CHECKING = False  # typing is not imported at run time (kg.errors)
if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

#: A table cell longer than this is cut (with "…") so rows stay on one line; csv and json keep everything.
MAX_CELL = 60


def width(text: str) -> int:
    """Columns a string takes on a terminal: East Asian wide characters (Hangul) take two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 0 if unicodedata.combining(c) else 1 for c in text)


def fit(text: str, room: int = MAX_CELL) -> str:
    """The text cut to `room` columns, with "…" where it was cut."""
    if width(text) <= room:
        return text
    out, used = "", 0
    for c in text:
        if used + width(c) > room - 1:
            break
        out, used = out + c, used + width(c)
    return out + "…"


def table(names: Sequence[str], cells: list[list[str]], right: Sequence[bool]) -> str:
    """An aligned table of cells already cut to fit; the columns whose `right` is true aligned right."""
    widths = [max([width(v)] + [width(row[i]) for row in cells]) for i, v in enumerate(names)]

    def line(values: Sequence[str]) -> str:
        parts = []
        for i, value in enumerate(values):
            pad = " " * (widths[i] - width(value))
            parts.append(pad + value if right[i] else value + pad)
        return "  ".join(parts).rstrip()

    out = [line(names), line(["-" * w for w in widths])] + [line(row) for row in cells]
    return "\n".join(out) + "\n"


def csv_text(names: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    """W3C SPARQL 1.1 CSV of rows of values already written (IRIs bare, blank nodes as _:x, unbound empty)."""
    rows = list(rows)
    if not names:
        return "\r\n" * (len(rows) + 1)
    return csv_columns(names, list(zip(*rows, strict=True)))


def csv_columns(names: Sequence[str], columns: Sequence[Sequence[str]]) -> str:
    """The same CSV from its columns, as the csv module's "excel" dialect writes it: a value holding a comma, a
    quote or a line break quoted, its quotes doubled; a line of one empty value written "". Each column is looked
    at as one text: a long answer is written at the speed of str's methods, not value by value."""
    lines = [",".join(_csv_column(names)), *map(",".join, zip(*map(_csv_column, columns), strict=True))]
    if len(names) == 1:
        lines = [line or '""' for line in lines]
    return "\r\n".join(lines) + "\r\n"


def _csv_column(values: Sequence[str]) -> Sequence[str]:
    """The values of a column as CSV fields: quoted where they hold a comma, a quote or a line break."""
    joined = "".join(values)
    special = [c for c in ',"\n\r' if c in joined]
    if not special:
        return values
    if special == [","]:  # the common case (lists of names): one test a value
        return [f'"{v}"' if "," in v else v for v in values]
    return ['"' + v.replace('"', '""') + '"' if any(c in v for c in special) else v for v in values]


def tsv_text(names: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    """W3C SPARQL 1.1 TSV of rows of terms already written in SPARQL syntax."""
    lines = ["\t".join(f"?{v}" for v in names)]
    lines += ["\t".join(row) for row in rows]
    return "\n".join(lines) + "\n"


def json_text(names: Sequence[str], bindings: list[dict[str, dict[str, str]]]) -> str:
    """W3C SPARQL 1.1 JSON results of rows already written as {variable: {"type": …, "value": …}}."""
    import json  # here: a csv or table answer of kg.quick need not import it

    return json.dumps({"head": {"vars": list(names)}, "results": {"bindings": bindings}},
                      ensure_ascii=False, indent=2) + "\n"
