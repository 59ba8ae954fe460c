"""An answer as text, from its cells already written as strings: the one writer of the aligned table and of the
W3C CSV, TSV and JSON result formats, whether the terms are rdflib's (kg.query.results) or pyoxigraph's
(kg.quick, which answers without importing rdflib)."""

from __future__ import annotations

import _csv  # csv's own writer: the csv module imports re for its Sniffer, a tenth of a quick `kg query`
import io
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
    buffer = io.StringIO()
    writer = _csv.writer(buffer, lineterminator="\r\n")  # csv's "excel" dialect: the writer's defaults and \r\n
    writer.writerow(names)
    writer.writerows(rows)
    return buffer.getvalue()


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
