"""Binding: the one way kg puts values into SPARQL text, for named, internal and ad hoc queries alike.

A named query's WHERE clause opens with a VALUES block of one row over its parameters and ?lang, holding
their defaults (`VALUES (?lang ?org) { ("en" kg:nvidia) }`), so the file runs as it is in any SPARQL tool.
kg replaces that row with the values given (UNDEF for an optional parameter left out); a query without such
a block gets one put first in its WHERE clause. Inside the WHERE clause the values are joined first (Oxigraph
starts from them), the FILTERs of the WHERE clause see them, and every engine accepts them: Virtuoso refuses
a VALUES block after the query over variables the SELECT does not return. A sub-select cannot see that row,
so a query that should start from a parameter inside one repeats the row there, terms as written (copies());
each copy gets the same values. Terms are serialised from RDF terms, never pasted from what a user typed.
"""

from __future__ import annotations

import functools
import re

from kg.errors import QueryError
from kg.plain import Fields, quoted

TYPE_CHECKING = False  # typing is not imported at run time (kg.errors)
if TYPE_CHECKING:  # nor rdflib, imported where its terms are met: kg.quick binds pyoxigraph's terms without it
    from collections.abc import Mapping, Sequence
    from typing import Any, TypeGuard

    from rdflib import Literal
    from rdflib.term import Node

#: Characters an IRI may not hold in SPARQL: such a term is refused rather than written.
_IRI_FORBIDDEN = re.compile(r'[\x00-\x20<>"{}|^`\\]')


class Written(str):
    """A term already in SPARQL syntax, written by kg from parts it checked (kg.quick: an entity's IRI from an id,
    a language tag), bound as it is: kg.quick binds before pyoxigraph is imported."""


def literal_n3(term: Literal) -> str:
    """A literal in the short quoted form of SPARQL/Turtle, with every character that could end it escaped."""
    return quoted(str(term), term.language, term.datatype)


def term_n3(term: Any) -> str:
    """An rdflib IRI or literal in SPARQL syntax; or a pyoxigraph one, which checked it when made; or Written."""
    if type(term) is Written:
        return str(term)
    if type(term).__module__ == "pyoxigraph" and type(term).__name__ in ("NamedNode", "Literal"):
        return str(term)  # N-Triples: what SPARQL reads
    from rdflib import Literal, URIRef

    if isinstance(term, Literal):
        return literal_n3(term)
    if isinstance(term, URIRef):
        if _IRI_FORBIDDEN.search(term):
            raise QueryError.of("query bad iri", term=str(term), chars='<>"{}|^`\\')
        return f"<{term}>"
    raise QueryError.of("query cannot bind", term=repr(term))


#: What can hide a variable name or a bracket from a scan of the text: long and short strings, IRIs, comments.
_OPAQUE = re.compile("|".join([r'"""[\s\S]*?"""', r"'''[\s\S]*?'''", r'"(?:[^"\\\n]|\\.)*"', r"'(?:[^'\\\n]|\\.)*'",
                               r'<[^<>\s"{}|^`\\]*>', r"#[^\n]*"]))
_FORM = re.compile(r"(?<![?$\w:])(SELECT|CONSTRUCT|ASK|DESCRIBE)\b", re.I)
#: A VALUES clause, up to its '{'.
_VALUES = re.compile(r"(?<![?$\w:])(?P<keyword>VALUES)\s*"
                     r"(?:\((?P<vars>(?:\s*[?$][A-Za-z_]\w*)+\s*)\)|(?P<var>[?$][A-Za-z_]\w*))\s*\{", re.I)
_TERM = re.compile(r'"(?:[^"\\]|\\.)*"(?:@[A-Za-z]+(?:-[A-Za-z0-9]+)*|\^\^\S+)?|<[^>]*>|[^\s()]+')


@functools.lru_cache(maxsize=64)
def blank(text: str) -> str:
    """The text with strings, IRIs and comments blanked out (same length), so brackets and names can be
    found by position. Kept for the last texts: binding one query reads its text several times."""
    return _OPAQUE.sub(_blanked, text)


def _blanked(match: re.Match) -> str:
    """Spaces for an opaque part, its line breaks kept (most parts have none)."""
    part = match.group()
    return _NOT_NEWLINE.sub(" ", part) if "\n" in part else " " * len(part)


_NOT_NEWLINE = re.compile(r"[^\n]")


def _closing(clean: str, start: int) -> int:
    """The position after the bracket that closes the one at start."""
    depth = 0
    for i in range(start, len(clean)):
        depth += clean[i] in "({"
        depth -= clean[i] in ")}"
        if depth == 0:
            return i + 1
    return len(clean)


@functools.lru_cache(maxsize=64)
def where_brace(clean: str) -> int | None:
    """Where the WHERE clause's group opens: the first '{' after the query form (past a CONSTRUCT's
    template). None for a query it cannot take a block (no group, or CONSTRUCT WHERE's short form)."""
    form = _FORM.search(clean)
    if form is None:
        return None
    at = clean.find("{", form.end())
    if at < 0:
        return None
    if form[1].upper() == "CONSTRUCT":
        if re.fullmatch(r"\s*WHERE\s*", clean[form.end():at], re.I):
            return None  # CONSTRUCT WHERE { triples }: no room for VALUES
        at = clean.find("{", _closing(clean, at))
    return at if at >= 0 else None


class Clause(Fields):
    """A VALUES clause of the parameter block: where it is, its variables and the terms of its rows. (Not a
    dataclass: see kg.plain.Fields.)"""

    __slots__ = ("start", "end", "names", "rows")

    def __init__(self, start: int, end: int, names: tuple[str, ...], rows: tuple[tuple[str, ...], ...]) -> None:
        self.start, self.end, self.names, self.rows = start, end, names, rows


def parameter_block(text: str) -> list[Clause]:
    """The VALUES clauses at the top level of the WHERE clause, in order (none: an empty list). A query may
    put them where its engines like them best: first, or after the patterns rdflib's engine should join
    first (partner-paths); before any OPTIONAL whose FILTER uses them."""
    return list(_parameter_block(text))


@functools.lru_cache(maxsize=64)
def _parameter_block(text: str) -> tuple[Clause, ...]:
    """parameter_block, kept for the last texts: binding one query reads its block several times."""
    clean = blank(text)
    where = where_brace(clean)
    if where is None:
        return ()
    clauses: list[Clause] = []
    for match in _VALUES.finditer(clean, where + 1):
        if _group_of(clean, match.start("keyword")) != where:
            continue
        clause = _clause(text, clean, match)
        if all(len(row) == len(clause.names) for row in clause.rows):  # else not SPARQL: the engine will say where
            clauses.append(clause)
    return tuple(clauses)


def _clause(text: str, clean: str, match: re.Match) -> Clause:
    """The VALUES clause a match of _VALUES starts: where it is, its variables' names and its rows' terms."""
    opening = clean.index("{", match.end() - 1)
    close = _closing(clean, opening)
    names = tuple(match["vars"].split()) if match["vars"] is not None else (match["var"],)
    rows = _rows(text, clean, opening + 1, close - 1, match["vars"] is not None)
    return Clause(match.start("keyword"), close, tuple(n.lstrip("?$") for n in names), rows)


def copies(text: str) -> list[Clause]:
    """The VALUES clauses nested deeper in the WHERE clause (in a sub-select or a group) that repeat the parameter
    block's row: one row, each term as the block writes it for that variable. A sub-select cannot see the block's
    values, so a query puts such a copy where evaluation should start from the parameter (source-claims); bind()
    gives it the same values as the block."""
    clean = blank(text)
    where = where_brace(clean)
    if where is None:
        return []
    block = parameter_block(text)
    written = {name: term for clause in block if len(clause.rows) == 1
               for name, term in zip(clause.names, clause.rows[0], strict=True)}
    tops = {clause.start for clause in block}
    found: list[Clause] = []
    for match in _VALUES.finditer(clean, where + 1):
        if match.start("keyword") in tops:
            continue
        clause = _clause(text, clean, match)
        if len(clause.rows) == 1 and len(clause.rows[0]) == len(clause.names) and all(
                written.get(n) == t for n, t in zip(clause.names, clause.rows[0], strict=True)):
            found.append(clause)
    return found


def _rows(text: str, clean: str, start: int, end: int, tuples: bool) -> tuple[tuple[str, ...], ...]:
    """The terms of a VALUES clause's rows, read from text[start:end] (clean: the same with strings blanked)."""
    if not tuples:
        return tuple((term,) for term in _TERM.findall(text[start:end]))
    spans = [(m.start() + start + 1, m.end() + start - 1) for m in re.finditer(r"\([^()]*\)", clean[start:end])]
    return tuple(tuple(_TERM.findall(text[a:b])) for a, b in spans)


if TYPE_CHECKING:
    Value = Any  # an rdflib Node, None (UNDEF), or a sequence of Nodes (a row each)


def values_clause(names: Sequence[str], bindings: Mapping[str, Value]) -> str:
    """A VALUES clause over the names: one row of their terms (None: UNDEF), or for one name given a
    sequence of terms, a row for each."""
    value = bindings[names[0]]
    if len(names) == 1 and _is_many(value):
        return f"VALUES ?{names[0]} {{ {' '.join(term_n3(t) for t in value)} }}"
    row = " ".join("UNDEF" if bindings[n] is None else term_n3(bindings[n]) for n in names)  # type: ignore[arg-type]
    if len(names) == 1:
        return f"VALUES ?{names[0]} {{ {row} }}"
    return f"VALUES ({' '.join('?' + n for n in names)}) {{ ({row}) }}"


def bind(text: str, bindings: Mapping[str, Value], origin: str = "<query>") -> str:
    """The query text with the variables bound (see the module's docstring): each VALUES clause at the top
    level of the WHERE clause over variables all given gets their values; the others given get clauses of
    their own put first in the WHERE clause. A variable given a sequence of terms gets a row for each. Line numbers
    stay those of the text, for error messages."""
    if not bindings:
        return text
    edits: list[tuple[int, int, str]] = []
    done: set[str] = set()
    for clause in parameter_block(text):
        if set(clause.names) <= set(bindings):
            lines = "\n" * text.count("\n", clause.start, clause.end)
            edits.append((clause.start, clause.end, values_clause(clause.names, bindings) + lines))
            done.update(clause.names)
    for clause in copies(text):  # the copies of the block's row get what the block gets
        if set(clause.names) <= done:
            lines = "\n" * text.count("\n", clause.start, clause.end)
            edits.append((clause.start, clause.end, values_clause(clause.names, bindings) + lines))
    edits.sort()
    rest = [n for n in bindings if n not in done]
    if rest:
        at = where_brace(blank(text))
        if at is None:
            raise QueryError.of("query no where", origin=origin, example="CONSTRUCT { … } WHERE { … }")
        many = [n for n in rest if _is_many(bindings[n])]
        single = [n for n in rest if n not in many]
        added = ([values_clause(single, bindings)] if single else []) + [values_clause([n], bindings) for n in many]
        edits.insert(0, (at + 1, at + 1, " " + " ".join(added) + " "))
    out, last = [], 0
    for start, end, replacement in edits:
        out += [text[last:start], replacement]
        last = end
    return "".join(out) + text[last:]


def in_language(text: str, lang: str) -> str:
    """The query text with ?lang's default in its VALUES row, and in the copies of that row, set to lang and every
    other term as written (the query page's examples in the reader's language, which run as they are; bind() would
    write each parameter's IRI out in full)."""
    block = [clause for clause in parameter_block(text) if "lang" in clause.names and len(clause.rows) == 1][:1]
    if not block:
        return text
    for clause in sorted(block + [c for c in copies(text) if "lang" in c.names], key=lambda c: -c.start):
        row = list(clause.rows[0])
        row[clause.names.index("lang")] = quoted(lang, None, None)
        names = " ".join("?" + n for n in clause.names)
        values = f"VALUES ({names}) {{ ({' '.join(row)}) }}" if len(row) > 1 else f"VALUES ?lang {{ {row[0]} }}"
        text = text[:clause.start] + values + "\n" * text.count("\n", clause.start, clause.end) + text[clause.end:]
    return text


def _is_many(value: Value) -> TypeGuard[Sequence[Node]]:
    return isinstance(value, (list, tuple, set, frozenset))


def mentions(text: str, var: str) -> bool:
    """Whether the text names ?var (or $var)."""
    return re.search(rf"[?$]{re.escape(var)}\b", text) is not None


_FILTER = re.compile(r"\bFILTER\s*(?:NOT\s+)?(?:EXISTS\s*)?[({]", re.I)


def _spans(text: str, start: re.Pattern) -> list[tuple[int, int]]:
    """Where each construct that `start` finds runs to its balanced closing bracket."""
    return [(match.start(), _closing(text, match.end() - 1)) for match in start.finditer(text)]


def _group_of(clean: str, pos: int) -> int:
    """Where the innermost group around pos opens ('{'), or -1."""
    depth = 0
    for i in range(pos - 1, -1, -1):
        if clean[i] == "}":
            depth += 1
        elif clean[i] == "{":
            if depth == 0:
                return i
            depth -= 1
    return -1


def _sees_values(clean: str, where: int | None, pos: int) -> bool:
    """Whether a FILTER at pos sees the values bound at the start of the WHERE clause: one of the WHERE
    clause itself, or of an OPTIONAL directly in it (a left join's condition sees both sides)."""
    group = _group_of(clean, pos)
    if where is None or group < 0:
        return False
    if group == where:
        return True
    return bool(re.search(r"\bOPTIONAL\s*$", clean[:group], re.I)) and _group_of(clean, group) == where


def filter_only(text: str, var: str) -> bool:
    """Whether ?var is used only in FILTERs that cannot see a value kg binds and is bound nowhere in the query
    (no pattern, VALUES or BIND): a FILTER inside a nested group is evaluated before the values are joined,
    so a value given for such a variable would silently empty the answer."""
    clean = blank(text)
    where = where_brace(clean)
    filters = _spans(clean, _FILTER)
    projections = [(m.start(), m.end()) for m in re.finditer(r"\bSELECT\b[^{]*", clean, re.I)]
    inside = lambda pos, spans: any(a <= pos < b for a, b in spans)  # noqa: E731
    blind = bound = False
    for match in re.finditer(rf"[?$]{re.escape(var)}\b", clean):
        in_filter = [a for a, b in filters if a <= match.start() < b]
        if in_filter:
            blind = blind or not _sees_values(clean, where, min(in_filter))
        elif re.search(r"\bAS\s*$", clean[: match.start()], re.I) or not inside(match.start(), projections):
            bound = True
    return blind and not bound
