"""kg.quick's answers written out: the engine's TSV of an answer (kg.quickengine) in the table, csv, tsv or json of
`kg query`, byte for byte what kg.query.results writes for the same terms; None where a term's form there is not
certain (kg.query then answers). Imported while the worker runs the query (kg.quick). It does not import re (the
forms below are tested with str's methods) nor, for csv, json or a table, kg.query's modules: on a short query
their imports cost more than the engine.

The TSV is read column by column: a column of IRIs, of strings, of strings in one language or of integers, as
most columns are, is cut out of its joined text by str methods, in C, so that writing a long answer costs a few
hundredths of the engine's time; any other column is read term by term (_term)."""

from __future__ import annotations

from kg import plain
from kg.query.layout import MAX_CELL, csv_columns, fit, json_text, table, tsv_text, width

_STRING, _LANG_STRING = plain.XSD + "string", plain.PREFIXES["rdf"] + "langString"
_NUMBERS = {plain.XSD + name for name in ("integer", "decimal", "double", "float", "int")}
#: The escapes of a string in N-Triples (ECHAR) that the engine's TSV may hold; UCHAR is read apart.
_ESCAPES = {"t": "\t", "b": "\b", "n": "\n", "r": "\r", "f": "\f", '"': '"', "'": "'", "\\": "\\"}


def write(tsv: bytes, truncated: bool, fmt: str) -> tuple[str, int, bool, bool] | None:
    """The answer in fmt (Answer's fields), from the engine's TSV of it (kg.quickengine.rows); None when a term's
    written form in kg.query.results could differ from this module's (kg.query then answers)."""
    header, _, body = tsv.decode("utf-8").partition("\n")  # a line per row: the TSV escapes line breaks in strings
    if not header or body[-1:] not in ("", "\n"):
        return None
    names = [name[1:] for name in header.split("\t")]
    count = body.count("\n")
    cells = body.replace("\n", "\t").split("\t")[:-1]  # every cell in one list, a row after the other
    if len(cells) != count * len(names):
        return None
    columns = [cells[i::len(names)] for i in range(len(names))]
    try:
        if fmt == "csv":
            return csv_columns(names, [_csv_cells(column) for column in columns]), count, truncated, False
        rows = [[_term(cell) for cell in row] for row in zip(*columns, strict=True)]
        if fmt != "table":
            return _WRITERS[fmt](names, rows), len(rows), truncated, False
        written = [[_table_cell(t) for t in row] for row in rows]
    except _Unknown:
        return None
    right = [bool(rows) and all(_numeric(row[i]) for row in rows) for i in range(len(names))]
    cut = any(width(cell) > MAX_CELL for row in written for cell in row)
    return table(names, [[fit(cell) for cell in row] for row in written], right), len(rows), truncated, cut


class _Unknown(Exception):
    """A term whose written form this module does not know for certain."""


def _csv_cells(cells: list[str]) -> list[str]:
    """A column of the TSV as kg's CSV cells. A column of IRIs, of strings, or of strings in one language, with no
    escape in it, is cut out of its joined text: IRIs hold no <, > or tab, and such strings no quote (the TSV
    escapes it), so the separators below are found between cells only. Integers are written as the TSV has them
    (bare, in their canonical form); the unbound cells of a column are left aside; any other column is read term
    by term."""
    if "" in cells:
        present = iter(_csv_cells([cell for cell in cells if cell]))
        return ["" if not cell else next(present) for cell in cells]
    if not cells:
        return cells
    joined, count = "\t".join(cells), len(cells)
    if _integers(joined):
        return cells
    if "\\" not in joined:
        if joined[:1] == "<" and joined[-1:] == ">" and joined.count("<") == count:
            parts = joined[1:-1].split(">\t<")
            if len(parts) == count:
                return parts
        end = cells[0][cells[0].rfind('"'):]  # '"' closes a string; '"@ko' one in Korean
        if joined[:1] == '"' and joined.count('"') == 2 * count and (end == '"' or end[1:2] == "@" and "--" not in end):
            parts = joined[1:-len(end)].split(end + '\t"')
            if len(parts) == count and joined.endswith(end):
                return parts
    return [_csv_cell(_term(cell)) for cell in cells]


def _integers(joined: str) -> bool:
    """Whether a column's cells joined by tabs are all integers in their canonical form, as _is_integer_form
    tests one: 0|-?[1-9][0-9]* each (the TSV writes an integer bare)."""
    text = f"\t{joined}\t"
    return (text.isascii() and text.replace("\t", "").replace("-", "").isdigit() and "\t\t" not in text
            and text.count("-") == text.count("\t-") and "\t-\t" not in text and "\t-0" not in text
            and text.count("\t0") == text.replace("\t", "\t\t").count("\t0\t"))  # (tabs doubled: no overlap)


def _term(cell: str) -> tuple | None:
    """A term of the engine's TSV as kg's tuples ("iri", value), ("blank", id), ("literal", text, datatype,
    language or ""), None when unbound: the literal forms of N-Triples, numbers and booleans written bare as in
    Turtle; _Unknown for a quoted triple or a direction."""
    if not cell:
        return None
    first = cell[0]
    if first == "<" and cell[1:2] != "<":
        return "iri", cell[1:-1]
    if first == '"':
        end = cell.rfind('"')
        text, rest = _unescaped(cell[1:end]), cell[end + 1:]
        if not rest:
            return "literal", text, _STRING, ""
        if rest[0] == "@" and "--" not in rest:
            return "literal", text, _LANG_STRING, rest[1:]
        if rest[:3] == "^^<" and rest[-1] == ">":
            return "literal", text, rest[3:-1], ""
        raise _Unknown(cell)
    if cell[:2] == "_:":
        return "blank", cell[2:]
    if cell in ("true", "false"):
        return "literal", cell, plain.XSD + "boolean", ""
    if first in "+-.0123456789":  # Turtle's INTEGER, DECIMAL (a point) and DOUBLE (an exponent)
        kind = "double" if "e" in cell or "E" in cell else "decimal" if "." in cell else "integer"
        return "literal", cell, plain.XSD + kind, ""
    raise _Unknown(cell)


def _unescaped(text: str) -> str:
    """A string of N-Triples without its escapes (ECHAR, UCHAR)."""
    if "\\" not in text:
        return text
    out, start = [], 0
    try:
        while (at := text.find("\\", start)) >= 0:
            out.append(text[start:at])
            code = text[at + 1]
            if code in "uU":
                size = 4 if code == "u" else 8
                digits = text[at + 2:at + 2 + size]
                if len(digits) != size or not all(c in "0123456789abcdefABCDEF" for c in digits):
                    raise _Unknown(text)
                point = int(digits, 16)
                if 0xD800 <= point <= 0xDFFF:  # half a character: no text of its own
                    raise _Unknown(text)
                out.append(chr(point))
                start = at + 2 + size
            else:
                out.append(_ESCAPES[code])
                start = at + 2
    except (IndexError, KeyError, ValueError):
        raise _Unknown(text) from None
    out.append(text[start:])
    return "".join(out)


def _lexical(term: tuple) -> str:
    """A literal's text as kg.query.results writes it (rdflib's form, decimals canonical), or _Unknown."""
    _, value, datatype, language = term
    if language or datatype == _STRING:
        return value
    if datatype == plain.XSD + "integer" and _is_integer_form(value):
        return value
    if datatype == plain.XSD + "decimal" and (text := plain.decimal_text(value)) is not None:
        return text
    if datatype == plain.XSD + "boolean" and value in ("true", "false"):
        return value
    if datatype == plain.XSD + "date" and _is_date(value):
        return value
    if datatype == plain.XSD + "gYear" and len(value) == 4 and _is_digits(value):
        return value
    raise _Unknown(term)


def _is_integer_form(text: str) -> bool:
    """0|-?[1-9][0-9]*: an integer as rdflib writes it back."""
    digits = text[1:] if text.startswith("-") else text
    return text == "0" or (_is_digits(digits) and digits[0] != "0")


def _is_date(text: str) -> bool:
    """A day that datetime.date.fromisoformat reads, written [0-9]{4}-[0-9]{2}-[0-9]{2} (importing datetime was a
    tenth of a short `kg query` with dates)."""
    if [len(part) for part in text.split("-")] != [4, 2, 2] or not _is_digits(text.replace("-", "")):
        return False
    year, month, day = int(text[:4]), int(text[5:7]), int(text[8:])
    leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
    days = (31, 29 if leap else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
    return year >= 1 and 1 <= month <= 12 and 1 <= day <= days[month - 1]


def _is_digits(text: str) -> bool:
    """[0-9]+"""
    return text.isascii() and text.isdigit()


def _table_cell(term: tuple | None) -> str:
    """As kg.query.results._cell writes the rdflib term."""
    if term is not None and term[0] == "iri":
        return plain.compact(term[1])
    if term is None or term[0] != "literal":
        return _csv_cell(term)
    text = _lexical(term)
    return " ".join(text.split()) if "\n" in text or "\t" in text else text


def _numeric(term: tuple | None) -> bool:
    """As kg.query.results._numeric: the table aligns right a column of numbers (and unbound cells)."""
    return term is None or term[0] == "literal" and term[2] in _NUMBERS


def _csv_cell(term: tuple | None) -> str:
    if term is None:
        return ""
    kind = term[0]
    if kind == "iri":
        return term[1]
    if kind == "blank":
        return f"_:{term[1]}"
    if kind == "literal":
        return _lexical(term)
    raise _Unknown(term)


def _tsv(names: list[str], rows: list) -> str:
    return tsv_text(names, ([_tsv_cell(t) for t in row] for row in rows))


def _tsv_cell(term: tuple | None) -> str:
    """As kg.query.results._tsv_term writes the rdflib term."""
    if term is None or term[0] != "literal":
        return "" if term is None else f"<{term[1]}>" if term[0] == "iri" else _csv_cell(term)
    text, datatype = _lexical(term), term[2]
    if datatype in (plain.XSD + "integer", plain.XSD + "decimal"):  # _lexical's canonical form: TSV writes it bare
        return text
    if datatype == plain.XSD + "boolean" and text in ("true", "false"):
        return text
    return plain.quoted(text, term[3], None if datatype in (_STRING, _LANG_STRING) else datatype)


def _json(names: list[str], rows: list) -> str:
    return json_text(names, [{v: _json_cell(t) for v, t in zip(names, row, strict=True) if t is not None}
                             for row in rows])


def _json_cell(term: tuple) -> dict[str, str]:
    """As kg.query.results._json_term writes the rdflib term."""
    kind = term[0]
    if kind == "iri":
        return {"type": "uri", "value": term[1]}
    if kind == "blank":
        return {"type": "bnode", "value": term[1]}
    out = {"type": "literal", "value": _csv_cell(term)}
    if term[3]:
        out["xml:lang"] = term[3]
    elif term[2] not in (_STRING, _LANG_STRING):
        out["datatype"] = term[2]
    return out


_WRITERS = {"tsv": _tsv, "json": _json}
