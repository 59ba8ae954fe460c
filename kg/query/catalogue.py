"""The named queries: the .rq files of queries/, each with its header read — `kg queries` — and kg's own
queries in queries/internal/ (not listed; read by kg.query.select).

A named query's leading comment is its header:

    # GPU allocations: how many GPUs a supplier gives to whom, according to which source   <- title
    #
    # question: 1                                      <- the competency question it answers (optional)
    # Every GPU allocation by the supplier, ...        <- description
    #
    # param: org = kg:nvidia — the supplier            <- a parameter with its default
    # param: source (optional) — only this source      <- an entity parameter that may stay unbound
    # param: source (optional, Source) — …             <- …that must name a kgo:Source (Organization|Sector: any of)
    # param: org = kg:nvidia (Organization) — …         <- the same with a default

and its WHERE clause has at its top level the VALUES row kg binds (kg.query.binding): the parameters and ?lang at
their defaults, UNDEF for an optional one — `VALUES (?lang ?org ?source) { ("en" kg:nvidia UNDEF) }` — which
parse_named_query checks against the header, so the file run as it is elsewhere answers for the defaults.
"""

from __future__ import annotations

import difflib
import functools
import re
from dataclasses import dataclass
from pathlib import Path

from rdflib import Literal, URIRef
from rdflib.term import Node

from kg import ontology
from kg.errors import QueryError
from kg.ontology import KG
from kg.query.binding import blank, mentions, parameter_block, where_brace
from kg.query.internal import query_dir
from kg.query.params import DEFAULT_LANG, compact, parse_term
from kg.query.syntax import PARAM_LINE, header_lines


@dataclass(frozen=True)
class Param:
    """A parameter of a named query: its variable name, default (None when optional) and what it takes."""

    name: str
    default: Node | None
    kind: str  # "entity" (an id of the graph), "iri", or "literal" (of the default's datatype)
    doc: str = ""
    classes: tuple[str, ...] = ()  # kgo classes an entity value must be one of (none: any entity)

    @property
    def optional(self) -> bool:
        return self.default is None

    def show_default(self) -> str:
        if self.default is None:
            return "(optional)"
        return compact(self.default) if isinstance(self.default, URIRef) else self.default.n3()


@dataclass(frozen=True)
class NamedQuery:
    """A query file of queries/: its name (the file name without .rq), header and SPARQL text."""

    name: str
    title: str
    description: str
    question: int | None
    params: tuple[Param, ...]
    text: str
    path: Path

    def param(self, name: str) -> Param | None:
        return next((p for p in self.params if p.name == name), None)


def parse_named_query(path: Path) -> NamedQuery:
    """Read a .rq file and its header (see the module docstring). Parsed once per version of the file: a
    notebook or benchmark runs the same query many times, and an edit shows at once."""
    stat = path.stat()
    return _parse_named_query(path, stat.st_mtime_ns, stat.st_size)


@functools.lru_cache(maxsize=256)
def _parse_named_query(path: Path, mtime_ns: int, size: int) -> NamedQuery:
    text = path.read_text(encoding="utf-8")
    title, question, params, description = "", None, [], []
    for number, body in header_lines(text):
        if body.startswith("param:"):
            match = PARAM_LINE.match(body)
            if not match:
                raise QueryError(f"{path}:{number}: cannot read the parameter line — "
                                 "write '# param: NAME = DEFAULT — what it is' or '# param: NAME (optional) — …'")
            params.append(_param(match, f"{path}:{number}"))
        elif body.startswith("question:"):
            if not body.split(":", 1)[1].strip().isdigit():
                raise QueryError(f"{path}:{number}: write the question as a number, such as '# question: 3'")
            question = int(body.split(":", 1)[1])
        elif not title:
            title = body
        else:
            description.append(body)
    if not title:
        raise QueryError(f"{path}:1: the query has no title — start it with a comment line that says what it answers")
    _check_defaults(path, text, params)
    return NamedQuery(path.stem, title, _paragraphs(description), question, tuple(params), text, path)


def _check_defaults(path: Path, text: str, params: list[Param]) -> None:
    """QueryError unless a VALUES row at the top level of the WHERE clause binds every parameter (and ?lang, if the
    query uses it) to its default, so that kg and the file run elsewhere agree on what it answers."""
    defaults: dict[str, Node | None] = {p.name: p.default for p in params}
    if mentions(text, "lang"):
        defaults["lang"] = Literal(DEFAULT_LANG)
    given: dict[str, str] = {}
    for clause in parameter_block(text):
        if len(clause.rows) == 1:
            given.update(zip(clause.names, clause.rows[0], strict=True))
    line = text.count("\n", 0, where_brace(blank(text)) or 0) + 1
    for name, default in defaults.items():
        shown = "UNDEF" if default is None else compact(default) if isinstance(default, URIRef) else default.n3()
        term = given.get(name)
        if term is None or (None if term.upper() == "UNDEF" else parse_term(term)) != default:
            raise QueryError(f"{path}:{line}: the WHERE clause has no VALUES row binding ?{name} to {shown} — put "
                             f"one at its top level, such as VALUES ?{name} {{ {shown} }}, so the file answers for "
                             "the defaults elsewhere and kg binds the values given there")


def _paragraphs(lines: list[str]) -> str:
    return "\n\n".join(" ".join(block.split("\n")).strip() for block in "\n".join(lines).strip().split("\n\n"))


def _param(match: re.Match, where: str) -> Param:
    name, default, doc = match["name"], match["default"], (match["doc"] or "").strip()
    if name == "lang":
        raise QueryError(f"{where}: 'lang' is not a parameter — every query gets ?lang from --lang")
    classes = tuple((match["classes"] or match["classes2"] or "").split("|")) if (
        match["classes"] or match["classes2"]) else ()
    unknown = [c for c in classes if ontology.KGO[c] not in ontology.defined_terms()]
    if unknown:
        raise QueryError(f"{where}: unknown class {', '.join(unknown)} for parameter {name} — give kgo class names "
                         "from ontology/kg.ttl, such as Source or Organization|Sector|Country")
    if default is None:
        return Param(name, None, "entity", doc, classes)
    term = parse_term(default)
    if term is None:
        raise QueryError(f"{where}: cannot read the default {default!r} — write kg:ID, <IRI>, a number or \"text\"")
    if classes and not (isinstance(term, URIRef) and term.startswith(str(KG))):
        raise QueryError(f"{where}: only an entity parameter (default kg:ID, or optional) can name classes")
    if isinstance(term, URIRef):
        return Param(name, term, "entity" if term.startswith(str(KG)) else "iri", doc, classes)
    return Param(name, term, "literal", doc)


def list_queries(directory: str | Path | None = None) -> list[NamedQuery]:
    """`kg queries`: every named query, sorted by name."""
    folder = Path(directory) if directory else query_dir()
    return [parse_named_query(p) for p in sorted(folder.glob("*.rq"))]


def get_query(name: str, directory: str | Path | None = None) -> NamedQuery:
    """The named query; QueryError with the nearest names when there is none."""
    folder = Path(directory) if directory else query_dir()
    path = folder / f"{name}.rq"
    if re.fullmatch(r"[\w-]+", name) and path.is_file():
        return parse_named_query(path)
    names = [p.stem for p in sorted(folder.glob("*.rq"))]
    close = difflib.get_close_matches(name, names, n=3, cutoff=0.5)
    hint = f"did you mean {', '.join(close)}?" if close else "kg queries lists them"
    raise QueryError(f"no query named '{name}' — {hint}")


def describe_queries(queries: list[NamedQuery]) -> str:
    """`kg queries`: each name with its title and parameters, aligned."""
    width = max((len(q.name) for q in queries), default=0)
    lines = []
    for q in queries:
        lines.append(f"{q.name:<{width}}  {q.title}" + (f"  (Q{q.question})" if q.question else ""))
        for p in q.params:
            lines.append(f"{'':<{width}}    --param {p.name}={p.show_default()}" + (f"  {p.doc}" if p.doc else ""))
    return "\n".join(lines) + "\n"


def describe_query(q: NamedQuery) -> str:
    """`kg queries NAME`: the header in full, then the SPARQL."""
    lines = [f"{q.name}: {q.title}", ""]
    if q.description:
        lines += [q.description, ""]
    if q.params:
        lines.append("Parameters:")
        lines += [f"  {p.name} = {p.show_default()}" + (f"  — {p.doc}" if p.doc else "") for p in q.params]
        lines.append("")
    lines.append(f"File: {q.path}")
    return "\n".join(lines) + "\n\n" + q.text
