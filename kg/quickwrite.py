"""kg.quick's answers written out: rows of terms (as kg.quickengine.term_value sends them) in the table, csv,
tsv or json of `kg query`, byte for byte what kg.query.results writes for the same terms; None for a term whose
form there it does not know for certain (kg.query then answers). Imported while the worker runs the query (kg.quick),
or in the worker for a long answer (kg.quickengine). It does not import re (the forms below are tested with str's
methods) nor, for csv, json or a table, kg.query's modules: on a short query their imports cost more than the engine."""

from __future__ import annotations

from kg import plain
from kg.query.layout import MAX_CELL, csv_text, fit, json_text, table, tsv_text, width

_STRING, _LANG_STRING = plain.XSD + "string", plain.PREFIXES["rdf"] + "langString"
_NUMBERS = {plain.XSD + name for name in ("integer", "decimal", "double", "float", "int")}


def write(names: list[str], rows: list[tuple], truncated: bool, fmt: str) -> tuple[str, int, bool, bool] | None:
    """The answer written in fmt (Answer's fields: a plain tuple, which crosses back from a worker by marshal), from
    rows of terms as kg.quickengine.term_value gives them; None when a term's written form in kg.query.results
    could differ from this module's (kg.query then answers)."""
    try:
        if fmt != "table":
            return _WRITERS[fmt](names, rows), len(rows), truncated, False
        cells = [[_table_cell(t) for t in row] for row in rows]
    except _Unknown:
        return None
    right = [bool(rows) and all(row[i] is None or _numeric(row[i]) for row in rows) for i in range(len(names))]
    cut = any(width(cell) > MAX_CELL for row in cells for cell in row)
    return table(names, [[fit(cell) for cell in row] for row in cells], right), len(rows), truncated, cut


class _Unknown(Exception):
    """A term whose written form this module does not know for certain."""


def _lexical(term: tuple) -> str:
    """A literal's text as kg.query.results writes it (rdflib's form, decimals canonical), or _Unknown."""
    _, value, datatype, language = term
    if language or datatype == _STRING:
        return value
    if datatype == plain.XSD + "integer" and _is_integer_form(value):
        return value
    if datatype == plain.XSD + "decimal" and (plain.DECIMAL.fullmatch(value) or plain.INTEGER.fullmatch(value)):
        return plain.decimal_lexical(value)
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
        from kg.query.syntax import compact

        return compact(term[1])
    if term is None or term[0] != "literal":
        return _csv_cell(term)
    text = _lexical(term)
    return " ".join(text.split()) if "\n" in text or "\t" in text else text


def _numeric(term: tuple) -> bool:
    """As kg.query.results._numeric: the table aligns a column of numbers right."""
    return term[0] == "literal" and term[2] in _NUMBERS


def _csv(names: list[str], rows: list) -> str:
    return csv_text(names, ([_csv_cell(t) for t in row] for row in rows))


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
    if datatype == plain.XSD + "integer" and plain.INTEGER.fullmatch(text):
        return text
    if datatype == plain.XSD + "decimal" and plain.DECIMAL.fullmatch(text):
        return text
    if datatype == plain.XSD + "boolean" and text in ("true", "false"):
        return text
    from kg.query.binding import quoted

    return quoted(text, term[3], None if datatype in (_STRING, _LANG_STRING) else datatype)


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


_WRITERS = {"csv": _csv, "tsv": _tsv, "json": _json}
