"""`kg query NAME` answered from the cached build of the seeds (kg.cache) by pyoxigraph alone, without importing
rdflib, oxrdflib or the rest of kg.query: their imports are most of a ~1 s `kg query`, the query itself ~20 ms.

It answers only where it gives the bytes kg.query gives: a named query on the default store whose build is
cached (or on an oxigraph:PATH store), parameters given as entity ids (checked as kg.query.params checks them:
the entity exists and is of the parameter's classes), in the table, csv, tsv or json, with terms whose written
form it knows. Anywhere else `answer` returns None and kg.query answers — and says what is wrong, if anything
is. The query runs as kg.query runs it: bound into its own VALUES row (kg.query.binding), in a sandbox worker,
with the same time limit, memory cap and row cap.

Three modules share the work. This one binds the query; the worker (kg.quickengine, through kg.resident) opens
the store, looks up the entity parameters and runs the query, one worker per answer or one for all the answers
of a `with kg.resident.kept():` block; kg.quickwrite writes the answer. Binding reads the query with regular
expressions (kg.query.binding), whose imports alone cost as much as the engine's start: so a named query is
prepared once — checked, and cut where its parameters go — and kept in the cache folder (kg.cachedir) beside
its text, and this module imports nothing but os and marshal before the job is sent (kg.launch).
"""

from __future__ import annotations

import marshal
import os

from kg import plain, quickengine, resident

TYPE_CHECKING = False  # typing is not imported at run time (kg.errors)
if TYPE_CHECKING:
    from pathlib import Path
    from typing import Any

FORMATS = ("table", "csv", "tsv", "json")
_HERE = os.path.dirname(os.path.abspath(__file__))
_QUERIES = os.path.join(_HERE, plain.FOLDERS["queries"])
#: The modules that make a prepared query: a change in any of them prepares the queries again.
_MAKERS = ("quick.py", "plain.py", os.path.join("query", "binding.py"), os.path.join("query", "syntax.py"),
           os.path.join("query", "shape.py"))
_MARK = "\x00"  # where a variable's term goes in a prepared query's text (a query holding it is not prepared)


class Answer(plain.Fields):
    """What `kg query` prints for a SELECT query: the text, its number of rows, and whether rows were left out.
    (Not a dataclass: see kg.plain.Fields.)"""

    __slots__ = ("text", "rows", "truncated", "cut")

    def __init__(self, text: str, rows: int, truncated: bool, cut: bool = False) -> None:
        self.text, self.rows, self.truncated, self.cut = text, rows, truncated, cut  # cut: the table cut long cells


def answer(name: str, params: dict[str, Any], lang: str, fmt: str, *, timeout: float | None,
           max_memory: int | None, max_rows: int | None, seed_dir: str | Path, graph_file: Path | None,
           store: str | None) -> Answer | None:
    """The answer of `kg query NAME` with these options, or None where kg.query must answer (see above)."""
    if graph_file is not None or fmt not in FORMATS or lang not in ("en", "ko") or not _is_name(name):
        return None
    path = os.path.join(_QUERIES, f"{name}.rq")
    if not os.path.isfile(path):
        return None
    place = _place(store, seed_dir)
    if place is None:
        return None
    with open(path, encoding="utf-8") as file:
        text = file.read()
    prepared = _prepared(name, text)
    bound = None if prepared is None else _bound(prepared, params, lang)
    if bound is None:
        return None
    job = (place, *bound, plain.PREFIXES, max_rows)
    # the named queries are the project's own files, run with allow_remote as kg.query runs them: not offline
    sent = resident.run(quickengine.rows, job, timeout, f"{name}.rq", offline=False, max_memory=max_memory,
                        meanwhile=_writer)
    if sent is None:
        return None
    fields = _writer().write(*sent, fmt)
    return None if fields is None else Answer(*fields)


def rows_note(rows: int, cut: bool, lang: str = "en") -> str:
    """What `kg query` says on stderr under a table."""
    from kg.text import tr

    return tr("query rows", lang, n=rows) + (tr("query cells cut", lang) if cut else "")


def truncated_note(kind: str, max_rows: int, lang: str = "en") -> str:
    """What `kg query` says on stderr when --max-rows cut the answer."""
    from kg.text import tr

    return tr("query truncated rows" if kind == "SELECT" else "query truncated triples", lang, n=f"{max_rows:,}")


def _writer() -> Any:
    """kg.quickwrite, imported while the worker runs the query."""
    from kg import quickwrite

    return quickwrite


def _is_name(name: str) -> bool:
    """A query name as kg.query.catalogue reads one: [\\w-]+ (word characters are those str.isalnum takes, and _)."""
    return bool(name) and all(char.isalnum() or char in "_-" for char in name)


def _place(store: str | None, seed_dir: str | Path) -> str | None:
    """The folder of the store to read (kg.quickengine opens it read-only): the cached build of the seeds for the
    default store, the folder of oxigraph:PATH; None for any other store, or one missing (kg.query says why, or
    builds it)."""
    spec = (store or os.environ.get("KG_STORE") or "memory").strip()
    if spec == "memory":
        from kg.cachedir import cached_build

        return cached_build(seed_dir)
    if spec.startswith("oxigraph:") and spec != "oxigraph:":
        folder = spec[len("oxigraph:"):]
        return folder if os.path.isfile(os.path.join(folder, "CURRENT")) else None  # (else kg.oxstore explains)
    return None


def _prepared(name: str, text: str) -> dict[str, Any] | None:
    """The named query prepared for binding (_prepare), from the cache where it was kept for this very text and
    this kg; else prepared now and kept. None for a query kg.query must answer. The file keeps the entries of the
    last _KINDS kg installs that used it (two installs sharing ~/.cache/kg would otherwise prepare each query again,
    with re, every time the other had), newest first. What this process read or kept is remembered while the file
    is unchanged (a program's hundred answers read it once)."""
    folder = _cache_folder()
    file = None if folder is None else os.path.join(folder, f"{name}.marshal")
    if file is None:
        return _prepare(text, f"{name}.rq")
    seen = _READ.get(file)
    if seen is not None and seen[0] == text and seen[1] == _stamp(file):
        return seen[2]
    maker = _maker()
    entries: list = []
    try:
        with open(file, "rb") as kept_file:
            kept = marshal.load(kept_file)
        entries = [e for e in kept if type(e) is tuple and len(e) == 3] if type(kept) is list else []
    except (OSError, EOFError, ValueError, TypeError):  # none yet, or unreadable: prepared again
        pass
    for kept_text, kept_maker, prepared in entries:
        if kept_text == text and kept_maker == maker and _whole(prepared):
            _READ[file] = (text, _stamp(file), prepared)
            return prepared
    prepared = _prepare(text, f"{name}.rq")
    others = [entry for entry in entries if entry[1] != maker][:_KINDS - 1]
    if _keep(file, marshal.dumps([(text, maker, prepared), *others])):
        _READ[file] = (text, _stamp(file), prepared)
    return prepared


_KINDS = 4  # kg installs whose prepared queries a file keeps
_READ: dict[str, tuple[str, tuple | None, Any]] = {}  # file -> (query text, _stamp of the file, prepared)


def _stamp(file: str) -> tuple | None:
    """What changes when a file is written again (kg rewrites one by renaming a new file over it)."""
    try:
        found = os.stat(file)
    except OSError:
        return None
    return found.st_ino, found.st_size, found.st_mtime_ns


def _prepare(text: str, origin: str) -> dict[str, Any] | None:
    """What binding a named query needs, worked out once: its parameters (name: classes, default), the defaults
    of its VALUES row in SPARQL syntax (UNDEF: None), whether it binds ?lang, and its text as kg.query.binding
    binds it, cut at each variable's term (text, variable, text, …). None for a query kg.query must answer (it
    names its graphs, a parameter line or its row is in a form not read here); QueryError for one too large or
    too deeply nested (kg.query.shape)."""
    import re

    from kg.query.binding import Written, bind, blank, mentions, parameter_block
    from kg.query.shape import check_shape
    from kg.query.syntax import OPTION_NAMES, PARAM_LINE, header_lines

    if _MARK in text or re.search(r"\bFROM\b", blank(text), re.I):  # FROM: kg.query decides the dataset
        return None
    lines = [PARAM_LINE.match(body) for _, body in header_lines(text) if body.startswith("param:")]
    if not all(lines):  # kg.query.catalogue says which line it cannot read
        return None
    header = {m["name"]: m for m in lines if m}
    bound = set(header) | ({"lang"} if mentions(text, "lang") else set())
    defaults: dict[str, str | bool | None] = {}
    for clause in parameter_block(text):
        if not set(clause.names) <= bound:  # the query's own data (kg.query.binding leaves it alone too)
            continue
        if len(clause.rows) != 1:
            return None
        for var, term in zip(clause.names, clause.rows[0], strict=True):
            default = _default(term)
            if default is False:
                return None
            defaults[var] = default
    if set(defaults) != bound:
        return None
    check_shape(text, origin)
    cut = bind(text, {var: Written(f"{_MARK}{var}{_MARK}") for var in bound}, origin).split(_MARK)
    params = {name: ((m["classes"] or m["classes2"] or "").split("|") if m["classes"] or m["classes2"] else [],
                     m["default"])
              for name, m in header.items() if name not in OPTION_NAMES}  # (kg query refuses those names)
    return {"params": params, "defaults": defaults, "lang": "lang" in bound, "cut": cut}


def _whole(prepared: Any) -> bool:
    """A prepared query read back from the cache has the shape _prepare gives (a file damaged in a way marshal
    still reads is prepared again, not used)."""
    if prepared is None:
        return True
    try:
        params, defaults, cut = prepared["params"], prepared["defaults"], prepared["cut"]
        return (type(prepared["lang"]) is bool and len(cut) % 2 == 1 and all(type(part) is str for part in cut)
                and all(type(v) is str and (d is None or type(d) is str) for v, d in defaults.items())
                and set(cut[1::2]) <= set(defaults) | ({"lang"} if prepared["lang"] else set())
                and all(type(c) is str for classes, d in params.values() for c in classes)
                and all(d is None or type(d) is str for _, d in params.values()))
    except (TypeError, KeyError, AttributeError, ValueError):
        return False


def _default(term: str) -> str | None | bool:
    """A term of a VALUES row in SPARQL syntax (UNDEF: None), or False for a form not read here."""
    if term.upper() == "UNDEF":
        return None
    if term.startswith("kg:") and _is_id(term[3:]):
        return f"<{plain.KG}{term[3:]}>"
    if term in ('"en"', '"ko"'):
        return term
    return False


def _bound(prepared: dict[str, Any], params: dict[str, Any], lang: str) -> tuple[str, list] | None:
    """The query bound as kg.query.execute.run_query binds it — ?lang, each parameter given, the others at the
    defaults of its VALUES row — and the entities the worker looks up (IRI, classes: each must be in the store
    and of one of its classes, as kg.query.params checks); None for a parameter it does not check as kg.query
    would (not an entity parameter, a value that is not an entity id)."""
    values = dict(prepared["defaults"])
    if prepared["lang"]:
        values["lang"] = f'"{lang}"'
    entities = []
    for key, value in params.items():
        if key not in prepared["params"] or key not in values:
            return None
        classes, default = prepared["params"][key]
        if default is not None and not default.startswith("kg:"):  # not an entity parameter
            return None
        iri = _entity_iri(str(value))
        if iri is None:
            return None
        values[key] = f"<{iri}>"
        entities.append((iri, [plain.KGO + c for c in classes]))
    cut = prepared["cut"]
    return "".join(part if i % 2 == 0 else values[part] or "UNDEF" for i, part in enumerate(cut)), entities


def _entity_iri(text: str) -> str | None:
    """The IRI an entity id names (as kg.query.params: _Entities.resolve reads an id, kg:id or <IRI>); None for
    anything else — a label — which kg.query resolves or explains."""
    text = text.strip()
    if text.startswith("<") and text.endswith(">"):
        text = text[1:-1]
    ident = text[len(plain.KG):] if text.startswith(plain.KG) else text[3:] if text.startswith("kg:") else text
    return plain.KG + ident if _is_id(ident) else None


_ID_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789")


def _is_id(text: str) -> bool:
    """text is an entity id as kg.query.params reads one, [a-z0-9]+(?:[-.][a-z0-9]+)*, tested without re."""
    return all(part and set(part) <= _ID_CHARS for part in text.replace(".", "-").split("-"))


def _maker() -> tuple:
    """kg's version and the state of the modules that prepare a query."""
    import kg

    stamps: list[tuple[int, int] | None] = []
    for name in _MAKERS:
        try:
            found = os.stat(os.path.join(_HERE, name))
            stamps.append((found.st_size, found.st_mtime_ns))
        except OSError:
            stamps.append(None)
    return (kg.__version__, *stamps)


def _cache_folder() -> str | None:
    from kg.cachedir import cache_folder

    folder = cache_folder()
    return None if folder is None else os.path.join(folder, "queries")


def _keep(file: str, data: bytes) -> bool:
    """Write the file whole (a temporary file renamed over it); failing that (a read-only cache), nothing. Whether
    it was written."""
    temporary = f"{file}.{os.getpid()}.tmp"
    try:
        os.makedirs(os.path.dirname(file), exist_ok=True)
        with open(temporary, "wb") as out:
            out.write(data)
        os.replace(temporary, file)
        return True
    except OSError:
        try:  # noqa: SIM105 - contextlib is not imported on the quick path (kg.launch)
            os.remove(temporary)
        except OSError:
            pass
        return False
