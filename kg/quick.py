"""`kg query NAME` answered from the cached build of the seeds (kg.cache) by pyoxigraph alone, without importing
rdflib, oxrdflib or the rest of kg.query: their imports are most of a ~1 s `kg query`, the query itself ~20 ms.

It answers only where it gives the bytes kg.query gives: a named query on the default store whose build is
cached (or on an oxigraph:PATH store), parameters given as entity ids (checked as kg.query.params checks them:
the entity exists and is of the parameter's classes), in the table, csv, tsv or json, with terms whose written
form it knows. Anywhere else `answer` returns None and kg.query answers — and says what is wrong, if anything
is. The query runs as kg.query runs it: bound into its own VALUES row (kg.query.binding), in a sandbox worker,
with the same time limit, memory cap and row cap. The worker (kg.resident) opens the store, checks the
parameters, binds and runs the query: one per answer, or one for all the answers of a `with kg.resident.kept():`
block.
"""

from __future__ import annotations

import functools
import itertools
import os
import re
from pathlib import Path

from kg import plain
from kg.query.binding import bind as bind_text
from kg.query.binding import blank, mentions, parameter_block, quoted
from kg.query.layout import MAX_CELL, csv_text, fit, json_text, table, tsv_text, width
from kg.query.syntax import PARAM_LINE, compact, header_lines

TYPE_CHECKING = False  # typing is not imported at run time (kg.errors)
if TYPE_CHECKING:
    from typing import Any

FORMATS = ("table", "csv", "tsv", "json")
_ID = re.compile(r"[a-z0-9]+(?:[-.][a-z0-9]+)*")  # as kg.query.params reads an entity id
_STRING, _LANG_STRING = plain.XSD + "string", plain.PREFIXES["rdf"] + "langString"
_INTEGER_FORM = re.compile(r"0|-?[1-9][0-9]*")  # as rdflib writes an integer back
_NUMBERS = {plain.XSD + name for name in ("integer", "decimal", "double", "float", "int")}
_DATE_FORM = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_TYPE = plain.PREFIXES["rdf"] + "type"


class Answer(plain.Fields):
    """What `kg query` prints for a SELECT query: the text, its number of rows, and whether rows were left out.
    (Not a dataclass: see kg.plain.Fields.)"""

    __slots__ = ("text", "rows", "truncated", "cut")

    def __init__(self, text: str, rows: int, truncated: bool, cut: bool = False) -> None:
        self.text, self.rows, self.truncated, self.cut = text, rows, truncated, cut  # cut: the table cut long cells


def answer(name: str, params: dict[str, Any], lang: str, fmt: str, *, timeout: float | None,
           max_memory: int | None, max_rows: int | None, seed_dir: Path, graph_file: Path | None,
           store: str | None) -> Answer | None:
    """The answer of `kg query NAME` with these options, or None where kg.query must answer (see above)."""
    if graph_file is not None or fmt not in FORMATS or lang not in ("en", "ko") or not re.fullmatch(r"[\w-]+", name):
        return None
    path = _queries() / f"{name}.rq"
    if not path.is_file():
        return None
    place = _place(store, seed_dir)
    if place is None:
        return None
    from kg import resident

    job = (str(place), path.read_text(encoding="utf-8"), path.name, {k: str(v) for k, v in params.items()}, lang,
           fmt, max_rows)
    # the named queries are the project's own files, run with allow_remote as kg.query runs them: not offline
    fields = resident.run(_job, job, timeout, path.name, offline=False, max_memory=max_memory)
    return None if fields is None else Answer(*fields)


def _job(place: str, text: str, origin: str, params: dict[str, str], lang: str, fmt: str,
         max_rows: int | None) -> tuple[str, int, bool, bool] | None:
    """In the worker: the store opened read-only, the parameters checked and bound, the query run (_evaluate);
    None wherever kg.query must answer."""
    import pyoxigraph

    from kg.sandbox import check_shape

    try:
        engine = pyoxigraph.Store.read_only(place)
    except Exception:  # noqa: BLE001 - RocksDB reports a damaged store as RuntimeError, OSError, ...: kg.query's
        return None
    bindings = _bindings(engine, text, params, lang)
    if bindings is None:
        return None
    check_shape(text, origin)
    return _evaluate(engine, bind_text(text, bindings, origin), fmt, max_rows)


def rows_note(rows: int, cut: bool, lang: str = "en") -> str:
    """What `kg query` says on stderr under a table."""
    from kg.text import tr

    return tr("query rows", lang, n=rows) + (tr("query cells cut", lang) if cut else "")


def truncated_note(kind: str, max_rows: int, lang: str = "en") -> str:
    """What `kg query` says on stderr when --max-rows cut the answer."""
    from kg.text import tr

    return tr("query truncated rows" if kind == "SELECT" else "query truncated triples", lang, n=f"{max_rows:,}")


def _place(store: str | None, seed_dir: Path) -> Path | None:
    """The folder of the store to read (kg.quick._job opens it read-only): the cached build of the seeds for the
    default store, the folder of oxigraph:PATH; None for any other store, or one missing (kg.query says why, or
    builds it)."""
    spec = (store or os.environ.get("KG_STORE") or "memory").strip()
    if spec == "memory":
        from kg.cache import cached_build

        place = cached_build(seed_dir)
    elif spec.startswith("oxigraph:") and spec != "oxigraph:":
        place = Path(spec[len("oxigraph:"):])
        place = place if (place / "CURRENT").is_file() else None  # (else kg.oxstore recovers or explains)
    else:
        return None
    return place


def _bindings(engine: Any, text: str, params: dict[str, Any], lang: str) -> dict[str, Any] | None:
    """The terms kg.query.execute.run_query binds — ?lang, each parameter given, the others at the defaults of
    the query's own VALUES row — as pyoxigraph terms; None for anything it does not check as kg.query would."""
    import pyoxigraph as ox

    if re.search(r"\bFROM\b", blank(text), re.I):  # a query naming its graphs: kg.query decides its dataset
        return None
    lines = [PARAM_LINE.match(body) for _, body in header_lines(text) if body.startswith("param:")]
    if not all(lines):  # kg.query.catalogue says which line it cannot read
        return None
    header = {m["name"]: m for m in lines if m}
    bound = set(header) | ({"lang"} if mentions(text, "lang") else set())
    bindings: dict[str, Any] = {}
    for clause in parameter_block(text):
        if not set(clause.names) <= bound:  # the query's own data (kg.query.binding leaves it alone too)
            continue
        if len(clause.rows) != 1:
            return None
        for var, term in zip(clause.names, clause.rows[0], strict=True):
            bindings[var] = _default(term)
            if bindings[var] is False:
                return None
    if set(bindings) != bound:
        return None
    if "lang" in bound:
        bindings["lang"] = ox.Literal(lang)
    for key, value in params.items():
        if key not in header or key not in bindings:
            return None
        classes = header[key]["classes"] or header[key]["classes2"]
        default = header[key]["default"]
        if default is not None and not default.startswith("kg:"):  # not an entity parameter
            return None
        bindings[key] = _entity(engine, str(value), classes.split("|") if classes else [])
        if bindings[key] is None:
            return None
    return bindings


def _default(term: str) -> Any:
    """A term of a VALUES row as a pyoxigraph term (UNDEF: None), or False for a form it does not read."""
    import pyoxigraph as ox

    if term.upper() == "UNDEF":
        return None
    if term.startswith("kg:") and _ID.fullmatch(term[3:]):
        return ox.NamedNode(plain.KG + term[3:])
    if term in ('"en"', '"ko"'):
        return ox.Literal(term[1:-1])
    return False


def _entity(engine: Any, text: str, classes: list[str]) -> Any | None:
    """The entity an id names, if it is in the graph and of one of the classes (kg.query.params: _Entities.resolve
    and check_kind); None for anything else — a label, an unknown id, the wrong kind — which kg.query explains."""
    import pyoxigraph as ox

    text = text.strip()
    if text.startswith("<") and text.endswith(">"):
        text = text[1:-1]
    ident = text[len(plain.KG):] if text.startswith(plain.KG) else text[3:] if text.startswith("kg:") else text
    if not _ID.fullmatch(ident):
        return None
    iri = ox.NamedNode(plain.KG + ident)
    # one look-up in the store's index, in every graph, instead of kg.query's two ASK queries (queries/internal:
    # entity-exists, entity-is-of-kind), which read, bind and parse a query each: the same answers
    if not classes:  # in the graph: the subject of some quad
        return iri if next(engine.quads_for_pattern(iri, None, None, None), None) is not None else None
    wanted = {plain.KGO + c for c in classes}  # of one of the classes, so in the graph too
    types = engine.quads_for_pattern(iri, ox.NamedNode(_TYPE), None, None)
    return iri if any(isinstance(q.object, ox.NamedNode) and q.object.value in wanted for q in types) else None


@functools.cache
def _queries() -> Path:
    """The folder of the named queries (kg.resources resolves it through the file system each time)."""
    from kg.resources import data_dir

    return data_dir("queries")


def _evaluate(engine: Any, text: str, fmt: str, max_rows: int | None) -> tuple[str, int, bool, bool] | None:
    """In the worker: the answer written in fmt (Answer's fields: a plain tuple crosses back without pickle), or
    None when it is not a SELECT answer or has a term whose written form kg.query.results would give differently
    (kg.query then answers)."""
    import pyoxigraph as ox

    try:
        solutions = engine.query(text, prefixes=plain.PREFIXES, use_default_graph_as_union=True)
    except SyntaxError:  # kg.query says where
        return None
    if not isinstance(solutions, ox.QuerySolutions):
        return None
    names = [v.value for v in solutions.variables]
    rows = list(itertools.islice(solutions, None if max_rows is None else max_rows + 1))
    truncated = max_rows is not None and len(rows) > max_rows
    rows = rows[:max_rows] if truncated else rows
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


def _lexical(term: Any) -> str:
    """A literal's text as kg.query.results writes it (rdflib's form, decimals canonical), or _Unknown."""
    datatype = term.datatype.value
    value = term.value
    if term.language or datatype == _STRING:
        return value
    if datatype == plain.XSD + "integer" and _INTEGER_FORM.fullmatch(value):
        return value
    if datatype == plain.XSD + "decimal" and (plain.DECIMAL.fullmatch(value) or plain.INTEGER.fullmatch(value)):
        return plain.decimal_lexical(value)
    if datatype == plain.XSD + "boolean" and value in ("true", "false"):
        return value
    if datatype == plain.XSD + "date" and _DATE_FORM.fullmatch(value):
        try:
            import datetime

            datetime.date.fromisoformat(value)
            return value
        except ValueError:
            pass
    if datatype == plain.XSD + "gYear" and re.fullmatch(r"[0-9]{4}", value):
        return value
    raise _Unknown(term)


def _table_cell(term: Any) -> str:
    """As kg.query.results._cell writes the rdflib term."""
    kind = type(term).__name__
    if kind == "NamedNode":
        return compact(term.value)
    if kind != "Literal":
        return _csv_cell(term)
    text = _lexical(term)
    return " ".join(text.split()) if "\n" in text or "\t" in text else text


def _numeric(term: Any) -> bool:
    """As kg.query.results._numeric: the table aligns a column of numbers right."""
    return type(term).__name__ == "Literal" and term.datatype.value in _NUMBERS


def _csv(names: list[str], rows: list) -> str:
    return csv_text(names, ([_csv_cell(t) for t in row] for row in rows))


def _csv_cell(term: Any) -> str:
    kind = type(term).__name__
    if term is None:
        return ""
    if kind == "NamedNode":
        return term.value
    if kind == "BlankNode":
        return f"_:{term.value}"
    if kind == "Literal":
        return _lexical(term)
    raise _Unknown(term)


def _tsv(names: list[str], rows: list) -> str:
    return tsv_text(names, ([_tsv_cell(t) for t in row] for row in rows))


def _tsv_cell(term: Any) -> str:
    """As kg.query.results._tsv_term writes the rdflib term."""
    kind = type(term).__name__
    if kind != "Literal":
        return "" if term is None else f"<{term.value}>" if kind == "NamedNode" else _csv_cell(term)
    text, datatype = _lexical(term), term.datatype.value
    if datatype == plain.XSD + "integer" and plain.INTEGER.fullmatch(text):
        return text
    if datatype == plain.XSD + "decimal" and plain.DECIMAL.fullmatch(text):
        return text
    if datatype == plain.XSD + "boolean" and text in ("true", "false"):
        return text
    return quoted(text, term.language, None if datatype in (_STRING, _LANG_STRING) else datatype)


def _json(names: list[str], rows: list) -> str:
    return json_text(names, [{v: _json_cell(t) for v, t in zip(names, row, strict=True) if t is not None}
                             for row in rows])


def _json_cell(term: Any) -> dict[str, str]:
    """As kg.query.results._json_term writes the rdflib term."""
    kind = type(term).__name__
    if kind == "NamedNode":
        return {"type": "uri", "value": term.value}
    if kind == "BlankNode":
        return {"type": "bnode", "value": term.value}
    out = {"type": "literal", "value": _csv_cell(term)}
    if term.language:
        out["xml:lang"] = term.language
    elif term.datatype.value not in (_STRING, _LANG_STRING):
        out["datatype"] = term.datatype.value
    return out


_WRITERS = {"csv": _csv, "tsv": _tsv, "json": _json}
