"""The named queries: the .rq files of queries/, each with its header read — `kg queries` — and kg's own
queries in queries/internal/ (not listed; read by kg.query.select).

A named query's leading comment is its header:

    # GPU allocations: how many GPUs a supplier gives to whom, according to which source   <- title
    # ko: GPU 공급 배정: 공급사가 누구에게 GPU를 몇 개 주는가, 출처별로                    <- its Korean form
    #
    # question: 1                                      <- the competency question it answers (optional)
    # Every GPU allocation by the supplier, ...        <- description
    #
    # param: org = kg:nvidia — the supplier            <- a parameter with its default
    # ko: 공급사                                        <- the Korean form of its description
    # param: source (optional) — only this source      <- an entity parameter that may stay unbound
    # param: source (optional, Source) — …             <- …that must name a kgo:Source (Organization|Sector: any of)
    # param: org = kg:nvidia (Organization) — …         <- the same with a default

and its WHERE clause has at its top level the VALUES row kg binds (kg.query.binding): the parameters and ?lang at
their defaults, UNDEF for an optional one — `VALUES (?lang ?org ?source) { ("en" kg:nvidia UNDEF) }` — which
parse_named_query checks against the header, so the file run as it is elsewhere answers for the defaults.

A '# ko:' line gives the Korean form of the line before it, the title or a parameter's description, and '# ko:'
lines after the description its Korean form: what `kg queries --lang ko` and kg serve's query page in Korean show
(the English form where there is none).
"""

from __future__ import annotations

import dataclasses
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
from kg.text import Phrase, tr


@dataclass(frozen=True)
class Param:
    """A parameter of a named query: its variable name, default (None when optional) and what it takes."""

    name: str
    default: Node | None
    kind: str  # "entity" (an id of the graph), "iri", or "literal" (of the default's datatype)
    doc: str = ""
    classes: tuple[str, ...] = ()  # kgo classes an entity value must be one of (none: any entity)
    doc_ko: str = ""

    def describe(self, lang: str = "en") -> str:
        """What the parameter is, in the language (English where the header has no Korean form)."""
        return self.doc_ko if lang == "ko" and self.doc_ko else self.doc

    @property
    def optional(self) -> bool:
        return self.default is None

    def show_default(self, lang: str = "en") -> str:
        if self.default is None:
            return tr("queries optional", lang)
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
    title_ko: str = ""
    description_ko: str = ""

    def param(self, name: str) -> Param | None:
        return next((p for p in self.params if p.name == name), None)

    def heading(self, lang: str = "en") -> str:
        """The title in the language (English where the header has no Korean form)."""
        return self.title_ko if lang == "ko" and self.title_ko else self.title

    def about(self, lang: str = "en") -> str:
        """The description in the language (English where the header has no Korean form)."""
        return self.description_ko if lang == "ko" and self.description_ko else self.description


def parse_named_query(path: Path) -> NamedQuery:
    """Read a .rq file and its header (see the module docstring). Parsed once per version of the file: a
    notebook or benchmark runs the same query many times, and an edit shows at once."""
    stat = path.stat()
    return _parse_named_query(path, stat.st_mtime_ns, stat.st_size)


@functools.lru_cache(maxsize=256)
def _parse_named_query(path: Path, mtime_ns: int, size: int) -> NamedQuery:
    text = path.read_text(encoding="utf-8")
    title, title_ko, question, params, description, description_ko = "", "", None, [], [], []
    korean: dict[str, str] = {}  # parameter -> its Korean description
    before = ""  # what a '# ko:' line here would translate: "title", "param NAME", "description" or nothing
    for number, body in header_lines(text):
        if body.startswith("ko:"):
            if not before:
                raise QueryError.of("query stray korean", where=f"{path}:{number}")
            if before == "title":
                title_ko = body[3:].strip()
            elif before == "description":  # the description's lines: more may follow
                description_ko.append(body[3:].strip())
                continue
            else:
                korean[before.split()[1]] = body[3:].strip()
            before = ""
            continue
        before = ""
        if body.startswith("param:"):
            match = PARAM_LINE.match(body)
            if not match:
                raise QueryError.of("query param line", where=f"{path}:{number}")
            params.append(_param(match, f"{path}:{number}"))
            before = f"param {match['name']}"
        elif body.startswith("question:"):
            if not body.split(":", 1)[1].strip().isdigit():
                raise QueryError.of("query question", where=f"{path}:{number}")
            question = int(body.split(":", 1)[1])
        elif not title:
            title = body
            before = "title"
        else:
            description.append(body)
            before = "description"
    if not title:
        raise QueryError.of("query no title", path=str(path))
    params = [dataclasses.replace(p, doc_ko=korean.get(p.name, "")) for p in params]
    _check_defaults(path, text, params)
    return NamedQuery(path.stem, title, _paragraphs(description), question, tuple(params), text, path, title_ko,
                      _paragraphs(description_ko))


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
            raise QueryError.of("query no values row", where=f"{path}:{line}", name=name, shown=shown,
                                example=f"VALUES ?{name} {{ {shown} }}")


def _paragraphs(lines: list[str]) -> str:
    return "\n\n".join(" ".join(block.split("\n")).strip() for block in "\n".join(lines).strip().split("\n\n"))


def _param(match: re.Match, where: str) -> Param:
    name, default, doc = match["name"], match["default"], (match["doc"] or "").strip()
    if name == "lang":
        raise QueryError.of("query lang param", where=where)
    classes = tuple((match["classes"] or match["classes2"] or "").split("|")) if (
        match["classes"] or match["classes2"]) else ()
    unknown = [c for c in classes if ontology.KGO[c] not in ontology.defined_terms()]
    if unknown:
        raise QueryError.of("query param class", where=where, classes=", ".join(unknown), name=name)
    if default is None:
        return Param(name, None, "entity", doc, classes)
    term = parse_term(default)
    if term is None:
        raise QueryError.of("query param default", where=where, default=repr(default))
    if classes and not (isinstance(term, URIRef) and term.startswith(str(KG))):
        raise QueryError.of("query param classes", where=where)
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
    hint = Phrase("did you mean", names=", ".join(close)) if close else Phrase("query list hint")
    raise QueryError.of("query unknown", name=name, hint=hint)


def describe_queries(queries: list[NamedQuery], lang: str = "en") -> str:
    """`kg queries`: each name with its title and parameters, aligned, in the language."""
    width = max((len(q.name) for q in queries), default=0)
    lines = []
    for q in queries:
        lines.append(f"{q.name:<{width}}  {q.heading(lang)}" + (f"  (Q{q.question})" if q.question else ""))
        for p in q.params:
            doc = p.describe(lang)
            lines.append(f"{'':<{width}}    --param {p.name}={p.show_default(lang)}" + (f"  {doc}" if doc else ""))
    return "\n".join(lines) + "\n"


def describe_query(q: NamedQuery, lang: str = "en") -> str:
    """`kg queries NAME`: the header in full, in the language, then the SPARQL."""
    lines = [f"{q.name}: {q.heading(lang)}", ""]
    if q.description:
        lines += [q.about(lang), ""]
    if q.params:
        lines.append(tr("queries parameters", lang))
        lines += [f"  {p.name} = {p.show_default(lang)}" + (f"  — {p.describe(lang)}" if p.doc else "")
                  for p in q.params]
        lines.append("")
    lines.append(tr("queries file", lang, path=str(q.path)))
    return "\n".join(lines) + "\n\n" + q.text
