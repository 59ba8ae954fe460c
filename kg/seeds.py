"""Read and check the hand-edited seed files (seeds/*.yaml) into records, reporting every problem with file:line.

This is the first step of the flow: nothing downstream sees a record that has not passed these checks.
All problems of all files are collected before anything is reported, like a compiler does.
"""

from __future__ import annotations

import difflib
import gc
import heapq
import os
import re
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeGuard

import yaml

from kg import fieldkinds, model, ontology, schema
from kg.errors import Problem, SeedError, mapped
from kg.fieldkinds import (  # noqa: F401 - used by
    CURRENCY_PATTERN,
    DATE_PATTERN,
    ID_PATTERN,
    LANGUAGE_PATTERN,
    MONTH_PATTERN,  # scaffold and graph
    is_korean,
    valid_date,
)
from kg.fieldkinds import shown as _shown
from kg.schema import Field
from kg.text import Phrase

MAX_SEED_FILE_BYTES = 5 * 2**20
MAX_TEXT_FILE_BYTES = 5 * 2**20  # an article's text file (`file:` under `texts:`); the seed articles have a few KB
# Patterns validate whole values: always with fullmatch (a `$` would also accept a trailing newline).
INT_PATTERN = re.compile(r"-?[0-9]+")  # plain decimal digits: no 0x, 0o, 1_000, 2:30 (sexagesimal) or +5
FLOAT_PATTERN = re.compile(r"-?[0-9]+\.[0-9]*(?:[eE][-+]?[0-9]+)?")
#: Characters no seed value may hold: C0 controls but tab and newline, DEL, C1 controls, lone surrogates.
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")
#: What a one-line value (a `kg new-source` option) may not hold: any control character, or a character YAML
#: reads as a line break (NEL, U+2028, U+2029).
NOT_ONE_LINE = re.compile(r"[\x00-\x1f\x7f-\x9f\ud800-\udfff\u2028\u2029]")
#: 'Did you mean' runs difflib over known names, once per problem; a hostile file of 100,000 near-miss ids would
#: take minutes. One load makes at most MAX_SUGGESTIONS searches (later problems get the plain hint), each
#: comparing at most MAX_COMPARED names, those nearest in length.
MAX_SUGGESTIONS = 20
MAX_COMPARED = 500


# --------------------------------------------------------------------------------------------------
# Records
# --------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Citation:
    """One source's support for a fact or entity: which paragraphs, and a note in the curator's words."""

    source: str
    paras: tuple[int, ...]
    note: str
    file: str
    line: int


@dataclass
class Record:
    """A checked source, entity or fact. `kind` is the source marker, an entity type or a fact kind."""

    id: str
    kind: str
    values: dict[str, Any]
    file: str
    line: int
    citations: list[Citation] = field(default_factory=list)

    @property
    def sources(self) -> list[str]:
        return sorted({c.source for c in self.citations})


@dataclass
class Seeds:
    """Everything the seed files say, checked and cross-referenced."""

    root: Path
    sources: dict[str, Record]
    entities: dict[str, Record]
    facts: dict[str, Record]
    warnings: list[str] = field(default_factory=list)  # what was not checked, for kg build to say

    def summary(self) -> dict[str, Any]:
        """Counts that `kg build` prints: how much was loaded, by kind."""
        by_type: dict[str, int] = {}
        for e in self.entities.values():
            by_type[e.kind] = by_type.get(e.kind, 0) + 1
        by_kind: dict[str, int] = {}
        for f in self.facts.values():
            by_kind[f.kind] = by_kind.get(f.kind, 0) + 1
        return {
            "sources": len(self.sources),
            "entities": len(self.entities),
            "facts": len(self.facts),
            "citations": sum(len(f.citations) for f in self.facts.values()),
            "entities_by_type": dict(sorted(by_type.items())),
            "facts_by_kind": dict(sorted(by_kind.items())),
        }


# --------------------------------------------------------------------------------------------------
# YAML with line numbers
# --------------------------------------------------------------------------------------------------

class LineDict(dict):
    """A mapping that remembers the line of each key (1-based) and of itself."""

    line = 0

    def __init__(self) -> None:
        super().__init__()
        self.key_lines: dict[Any, int] = {}
        self.duplicates: list[tuple[Any, int]] = []

    def line_of(self, key: Any) -> int:
        return self.key_lines.get(key, self.line)


class LineList(list):
    """A sequence that remembers the line of each item."""

    line = 0

    def __init__(self) -> None:
        super().__init__()
        self.item_lines: list[int] = []


class _Refused(yaml.MarkedYAMLError):
    """A value the loader refuses while reading the YAML, with its own hint."""

    def __init__(self, problem: str, mark, hint: str):
        super().__init__(problem=problem, problem_mark=mark)
        self.hint = hint


class _SeedLoader(yaml.SafeLoader):
    """PyYAML's safe loader, minus the surprises: no anchors or aliases (no alias bombs), dates and
    `yes`/`no` stay strings, numbers are decimal digits only (YAML 1.1's 0x…, 0o…, 1_000, 2:30, +5 stay text),
    strings hold no control characters and at most schema.MAX_TEXT_CHARS characters, and mappings and lists
    remember their line numbers."""

    def compose_node(self, parent, index):  # type: ignore[override]
        event = self.peek_event()
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            raise yaml.MarkedYAMLError(
                problem=Phrase("seed yaml anchors"),
                problem_mark=event.start_mark,
            )
        return super().compose_node(parent, index)


_REPLACED = ("tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:bool", "tag:yaml.org,2002:int",
             "tag:yaml.org,2002:float")
_SeedLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag not in _REPLACED]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
# PyYAML resolves with regexp.match, so each pattern ends in \Z.
_SeedLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"(?:true|True|TRUE|false|False|FALSE)\Z"), list("tTfF"))
_SeedLoader.add_implicit_resolver("tag:yaml.org,2002:int", re.compile(INT_PATTERN.pattern + r"\Z"), list("-0123456789"))
_SeedLoader.add_implicit_resolver("tag:yaml.org,2002:float", re.compile(FLOAT_PATTERN.pattern + r"\Z"),
                                  list("-0123456789"))


def _construct_mapping(loader: _SeedLoader, node: yaml.MappingNode) -> LineDict:
    mapping = LineDict()
    mapping.line = node.start_mark.line + 1
    for key_node, value_node in node.value:
        key = _construct_value(loader, key_node)
        line = key_node.start_mark.line + 1
        try:
            hash(key)
        except TypeError:
            raise yaml.MarkedYAMLError(problem=Phrase("seed key plain"),
                                       problem_mark=key_node.start_mark) from None
        if key in mapping:
            mapping.duplicates.append((key, line))
            continue
        mapping[key] = _construct_value(loader, value_node)
        mapping.key_lines[key] = line
    return mapping


def _construct_sequence(loader: _SeedLoader, node: yaml.SequenceNode) -> LineList:
    sequence = LineList()
    sequence.line = node.start_mark.line + 1
    for item in node.value:
        sequence.append(_construct_value(loader, item))
        sequence.item_lines.append(item.start_mark.line + 1)
    return sequence


def _construct_number(loader: _SeedLoader, node: yaml.ScalarNode) -> int | float:
    """Numbers, also under an explicit !!int or !!float tag: decimal digits only."""
    text = loader.construct_scalar(node)
    if INT_PATTERN.fullmatch(text):
        try:
            return int(text, 10)  # decimal even with leading zeros (YAML 1.1 would read 010 as octal 8)
        except ValueError:  # Python refuses to read an integer of more than 4,300 digits
            raise yaml.MarkedYAMLError(problem=Phrase("seed digits", n=len(text)),
                                       problem_mark=node.start_mark) from None
    if node.tag.endswith(":float") and FLOAT_PATTERN.fullmatch(text):
        return float(text)
    raise _Refused(Phrase("seed not decimal", value=_shown(text)), node.start_mark, Phrase("seed digits only"))


def _construct_value(loader: _SeedLoader, node: yaml.Node) -> Any:
    """A key or value of a mapping, or an item of a list; a string (most of them) straight to its constructor,
    without PyYAML's construct_object and its bookkeeping for aliases, which seeds may not use (refused while
    composing)."""
    if node.tag == _STR and isinstance(node, yaml.ScalarNode):
        return _construct_str(loader, node)
    return loader.construct_object(node, deep=True)


_STR = "tag:yaml.org,2002:str"


def _construct_str(loader: _SeedLoader, node: yaml.ScalarNode) -> str:
    text = loader.construct_scalar(node)
    bad = CONTROL.search(text)
    if bad:
        raise _Refused(Phrase("seed control text", char=escaped(bad[0])), node.start_mark,
                       Phrase("seed control remove"))
    if len(text) > schema.MAX_TEXT_CHARS:
        raise _Refused(Phrase("seed text long", n=len(text), limit=schema.MAX_TEXT_CHARS), node.start_mark,
                       Phrase("seed shorten"))
    return text


_SeedLoader.add_constructor("tag:yaml.org,2002:int", _construct_number)
_SeedLoader.add_constructor("tag:yaml.org,2002:float", _construct_number)
_SeedLoader.add_constructor("tag:yaml.org,2002:str", _construct_str)
_SeedLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_SeedLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)


CParser: Any
try:
    from yaml._yaml import CParser  # libyaml, when PyYAML was built with it (its wheels are)
except ImportError:  # pragma: no cover - a PyYAML without libyaml: _SeedLoader alone, slower
    CParser = None


class _FasterSeedLoader(CParser or object, _SeedLoader):  # type: ignore[misc]
    """_SeedLoader on libyaml (C): its parser and composer, the same resolvers and constructors (so the same values,
    line numbers and duplicate keys), 4-5 times faster on large seed sets. libyaml's composer does not call
    compose_node, which refuses anchors and aliases: only for a text without '&' or '*', which can hold none.
    libyaml words its syntax errors (and places some) differently, so a file it refuses is read again by
    _SeedLoader, whose message users see: the same text and line either way."""

    def __init__(self, stream: str) -> None:
        CParser.__init__(self, stream)
        yaml.composer.Composer.__init__(self)
        yaml.constructor.SafeConstructor.__init__(self)
        yaml.resolver.Resolver.__init__(self)


class _FastSeedLoader(_FasterSeedLoader):
    """_FasterSeedLoader with PyYAML's composer on libyaml's events, so that the anchor and alias ban holds: for a
    text with '&' or '*'."""

    check_node = yaml.composer.Composer.check_node
    get_node = yaml.composer.Composer.get_node
    get_single_node = yaml.composer.Composer.get_single_node


def _load(text: str) -> Any:
    """The file's data, read by libyaml when PyYAML has it and when the file is good, else by pure PyYAML."""
    if CParser is not None:
        loader = _FastSeedLoader if "&" in text or "*" in text else _FasterSeedLoader
        try:
            return yaml.load(text, Loader=loader)  # noqa: S506 - a SafeLoader on libyaml
        except (yaml.YAMLError, ValueError, RecursionError):
            pass  # read again below, for PyYAML's message
    return yaml.load(text, Loader=_SeedLoader)  # noqa: S506 - _SeedLoader is a SafeLoader


class FileRefused(Exception):
    """A file read_inside will not read: `what` completes "the file …", `hint` says what to do."""

    def __init__(self, what: str, hint: str):
        super().__init__(what)
        self.what, self.hint = what, hint


def _limit(size: int) -> str:
    return f"{size // 2**20} MiB" if size % 2**20 == 0 else Phrase("seed bytes", n=size)


_FILE_TYPES = ((stat.S_ISFIFO, Phrase("seed fifo")), (stat.S_ISCHR, Phrase("seed device")),
               (stat.S_ISBLK, Phrase("seed device")), (stat.S_ISDIR, Phrase("seed a folder")),
               (stat.S_ISSOCK, Phrase("seed socket")))


def read_inside(folder: Path, path: Path, limit: int, folder_name: str, kind: str, big_hint: str) -> bytes:
    """The bytes of path, which must be a regular file inside folder once links are followed, of at most limit
    bytes; FileRefused otherwise (folder_name and kind, such as "seed folder" and "a seed file", word the
    message), and OSError such as FileNotFoundError when it cannot be opened. Nothing is read from a file
    outside folder; no FIFO, device or folder is read or waited on; the limit holds on the bytes read, not on
    what stat says (/proc and some other file systems say 0 for files that hold more)."""
    try:
        real = path.resolve()
        inside = real.is_relative_to(folder.resolve())
    except (OSError, RuntimeError):  # a loop of links
        raise FileRefused(Phrase("seed link loop"), Phrase("seed link replace")) from None
    if not inside:
        raise FileRefused(Phrase("seed link outside", folder=folder_name), Phrase("seed link copy", folder=folder_name))
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_NOFOLLOW", 0)
    fd = os.open(real, flags)  # non-blocking, so that opening a FIFO does not wait for a writer
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            what = next((name for test, name in _FILE_TYPES if test(info.st_mode)), Phrase("seed special file"))
            raise FileRefused(Phrase("seed not regular", what=what), Phrase("seed plain file"))
        if info.st_size > limit:  # refused before it is read
            raise FileRefused(Phrase("seed over limit size", size=f"{info.st_size / 2**20:.1f}", limit=_limit(limit),
                                     kind=kind), big_hint)
        with open(fd, "rb", closefd=False) as fh:
            data = fh.read(limit + 1)
    finally:
        os.close(fd)
    if len(data) > limit:
        raise FileRefused(Phrase("seed over limit", limit=_limit(limit), kind=kind), big_hint)
    return data


def read_yaml(path: Path, shown: str, problems: list[Problem], folder: Path | None = None) -> Any:
    """Parse one seed file, or add a problem and return None. Refuses files outside folder (the seed folder; the
    file's own folder by default), FIFOs and devices, huge, non-UTF-8 and alias-using files."""
    try:
        data = read_inside(folder or path.parent, path, MAX_SEED_FILE_BYTES, Phrase("seed folder"),
                           Phrase("seed a seed file"), Phrase("seed split"))
    except FileRefused as exc:
        problems.append(Problem(shown, 1, Phrase("seed the file", what=exc.what), exc.hint))
        return None
    except OSError as exc:
        problems.append(Problem(shown, 0, Phrase("seed cannot read", reason=exc.strerror), Phrase("seed check path")))
        return None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        problems.append(Problem(shown, line, Phrase("seed not utf8", byte=f"{data[exc.start]:02x}"),
                                Phrase("seed save utf8")))
        return None
    if not text.strip():
        problems.append(Problem(shown, 1, Phrase("seed empty"), Phrase("seed see readme")))
        return None
    if "\x00" in text:
        problems.append(Problem(shown, text[: text.index("\x00")].count("\n") + 1, Phrase("seed nul"),
                                Phrase("seed not text")))
        return None
    try:
        return _load(text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        what = exc.problem or str(exc)
        if isinstance(exc, _Refused):
            problems.append(Problem(shown, line, what, exc.hint))
            return None
        hint = Phrase("seed yaml fix")
        if "anchors" in what or "digits" in what:
            hint = Phrase("seed write in full") if "anchors" in what else Phrase("seed extra digits")
        tag = re.search(r"constructor for the tag '([^']*)'", what)
        if tag:
            what, hint = Phrase("seed yaml tag", tag=tag[1]), Phrase("seed no tags")
        problems.append(Problem(shown, line, Phrase("seed yaml error", what=what), hint))
    except yaml.reader.ReaderError as exc:  # a control character: YAML allows none
        line = text[: exc.position].count("\n") + 1
        problems.append(Problem(shown, line, Phrase("seed control file", code=f"{exc.character:04x}"),
                                Phrase("seed control remove escape")))
    except RecursionError:
        problems.append(Problem(shown, 1, Phrase("seed nested"), Phrase("seed few levels")))
    except (yaml.YAMLError, ValueError) as exc:
        problems.append(Problem(shown, 1, Phrase("seed yaml error", what=_shown(str(exc))),
                                Phrase("seed yaml fix short")))
    return None


def escaped(text: str) -> str:
    """text with every control character, line separator and lone surrogate written as an escape (\\x1b,
    \\n, \\ud800), so a message is one line and shows the terminal nothing it would act on."""
    return NOT_ONE_LINE.sub(lambda m: repr(m[0])[1:-1], text)


def _printable(problem: Problem) -> Problem:
    return Problem(escaped(problem.file), problem.line, mapped(problem.message, escaped), mapped(problem.hint, escaped))


def text_file_problem(value: str) -> str | None:
    """What is wrong with the name of an article's text file (`file:` in sources.yaml, `kg new-source --file`), or
    None: it must be a relative path that stays inside the texts folder."""
    if NOT_ONE_LINE.search(value):
        return Phrase("seed file control")
    if value.startswith(("/", "\\", "~")) or re.match(r"[A-Za-z]:", value):
        return Phrase("seed file absolute")
    if ".." in re.split(r"[\\/]", value):
        return Phrase("seed file dotdot")
    return None


# --------------------------------------------------------------------------------------------------
# Checking
# --------------------------------------------------------------------------------------------------

def nearest(word: str, candidates, n: int = 1, limit: int = MAX_COMPARED) -> list[str]:
    """The closest known names to a misspelt one, for 'did you mean' hints, comparing at most limit names.

    difflib's ratio, 2 * matching characters / total length, cannot reach the 0.6 cutoff when one name is
    shorter than 3/7 of the other, so only names of a similar length are compared, the nearest in length first."""
    word = str(word)
    size = len(word)
    pool = [c for c in candidates if 7 * min(len(c), size) >= 3 * max(len(c), size)]
    if len(pool) > limit:
        pool = heapq.nsmallest(limit, pool, key=lambda c: (abs(len(c) - size), c))
    return difflib.get_close_matches(word, pool, n=n, cutoff=0.6)


class _Checker:
    """Collects problems while turning raw YAML into records."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []
        self.entity_types = ontology.entity_types()
        self.searches_left = MAX_SUGGESTIONS
        self.entity_names: dict[str, str] | None = None  # name (case-folded) -> entity id, for _suggest_entity

    def add(self, file: str, line: int, message: str, hint: str = "") -> None:
        self.problems.append(Problem(file, line, message, hint))

    def nearest(self, word: Any, candidates) -> list[str]:
        """nearest(), for the first MAX_SUGGESTIONS problems of a load only."""
        if self.searches_left <= 0:
            return []
        self.searches_left -= 1
        return nearest(word, candidates)

    def did_you_mean(self, word: Any, candidates, fallback: Phrase) -> Phrase:
        close = self.nearest(word, candidates)
        return Phrase("seed did you mean", name=close[0]) if close else fallback

    # -- structure ----------------------------------------------------------------------------------

    def top_list(self, data: Any, key: str, file: str, allowed: tuple[str, ...]) -> list[tuple[LineDict, int]]:
        """The list under a file's top-level key, as (entry, line) pairs of mappings."""
        if data is None:
            return []
        if not isinstance(data, LineDict):
            self.add(file, getattr(data, "line", 1), Phrase("seed top mapping", top=key),
                     Phrase("seed see readme short"))
            return []
        self.unknown_keys(data, allowed, file)
        items = data.get(key)
        if items is None:
            self.add(file, data.line, Phrase("seed missing list", top=key), Phrase("seed add list", top=key))
            return []
        if not isinstance(items, LineList):
            self.add(file, data.line_of(key), Phrase("seed not list", top=key), Phrase("seed start dash"))
            return []
        entries = []
        for item, line in zip(items, items.item_lines, strict=True):
            if isinstance(item, LineDict):
                entries.append((item, line))
            else:
                self.add(file, line, Phrase("seed entry mapping", top=key), Phrase("seed field value"))
        return entries

    def unknown_keys(self, entry: LineDict, allowed, file: str) -> None:
        for key, line in entry.duplicates:
            self.add(file, line, Phrase("seed field twice", field=_shown(key)), Phrase("seed keep one"))
        for key in entry:
            if key not in allowed:
                self.add(file, entry.line_of(key), Phrase("seed unknown field", field=_shown(key)),
                         self.did_you_mean(key, [str(a) for a in allowed],
                                           Phrase("seed allowed here", names=", ".join(allowed))))

    def ident(self, entry: LineDict, file: str, what: Phrase) -> str | None:
        value = entry.get("id")
        if value is None:
            self.add(file, entry.line, Phrase("seed no id", what=what), Phrase("seed add id"))
            return None
        if not isinstance(value, str) or not ID_PATTERN.fullmatch(value) or len(value) > schema.MAX_ID_CHARS:
            self.add(file, entry.line_of("id"), Phrase("seed bad id", value=_shown(value)),
                     Phrase("seed id form", n=schema.MAX_ID_CHARS))
            return None
        return value

    def paras(self, value: Any, file: str, line: int) -> tuple[int, ...] | None:
        items = value if isinstance(value, list) else [value]
        if not items or any(isinstance(p, bool) or not isinstance(p, int) or p < 1 for p in items):
            self.add(file, line, Phrase("seed para bad", value=_shown(value)), Phrase("seed para line"))
            return None
        return tuple(items)


# --------------------------------------------------------------------------------------------------
# The loader, in four steps: read the YAML files with line numbers -> register every id -> check each field by
# its field kind (kg/fieldkinds.py) -> whole-set checks. All problems are collected, then reported together.
# --------------------------------------------------------------------------------------------------

@dataclass
class Context:
    """The loader's state while it checks one seed folder: what is registered, and which files could be read
    (a file that could not be parsed would make every reference into it look unknown: no cascade)."""

    root: Path
    check: _Checker
    sources: dict[str, Record] = field(default_factory=dict)
    entities: dict[str, Record] = field(default_factory=dict)
    facts: dict[str, Record] = field(default_factory=dict)
    untyped: set[str] = field(default_factory=set)  # entities whose type is wrong: reported once, not their uses
    fact_sources: dict[str, str] = field(default_factory=dict)
    cite_entries: list[tuple[str, str, LineDict, int]] = field(default_factory=list)  # (source, file, entry, line)
    ids: dict[str, tuple[str, int, str]] = field(default_factory=dict)  # id -> (file, line, what)
    file_lines: dict[str, int] = field(default_factory=dict)  # source id -> line of its 'file:'
    texts_dir: Path | None = None
    texts_line: int = 0
    warnings: list[str] = field(default_factory=list)
    sources_complete: bool = True
    entities_complete: bool = True
    facts_complete: bool = True

    def suggest_entity(self, value: str) -> str:
        return _suggest_entity(value, self.entities, self.check)

    def value_of(self, field_: Field, value: Any, file: str, line: int, name: str) -> Any:
        """A field's value checked by its field kind, or None (the problem is recorded)."""
        return fieldkinds.KINDS[field_.kind].check(value, fieldkinds.At(self, file, line, name, field_))

    def fill(self, record: Record, fields: dict[str, Field], skip: tuple[str, ...]) -> None:
        """Check every field of a record's entry and keep the checked values; a missing required one is a problem."""
        entry: LineDict = record.values.pop("_entry")
        for name, field_ in fields.items():
            if name in skip:
                continue
            if name not in entry:
                if field_.required:
                    self.check.add(record.file, entry.line,
                                   Phrase("seed missing field", what=_what(record), id=record.id, name=name),
                                   Phrase("seed add field", name=name))
                continue
            value = self.value_of(field_, entry[name], record.file, entry.line_of(name), name)
            if value is not None:
                record.values[name] = value

    def register(self, ident: str | None, file: str, line: int, what: Phrase) -> TypeGuard[str]:
        """Claim an id for an entity or fact; a second use of it is a problem. True: ident is an id, now claimed."""
        if ident is None:
            return False
        if ident in self.ids:
            first = self.ids[ident]
            self.check.add(file, line,
                           Phrase("seed duplicate id", id=ident, what=first[2], file=first[0], line=first[1]),
                           Phrase("seed another id"))
            return False
        self.ids[ident] = (file, line, what)
        return True

    def cites(self, value: Any, file: str, line: int) -> list[Citation] | None:
        """An entity's `cite:` list: [{source, para, note}]."""
        check = self.check
        if not isinstance(value, list):
            check.add(file, line, Phrase("seed cite list", entries="{source, para}"),
                      Phrase("seed write example", example="cite: [{source: news1-20251031, para: 21}]"))
            return None
        out = []
        for item in value:
            if not isinstance(item, LineDict):
                check.add(file, line, Phrase("seed cite mapping"),
                          Phrase("seed write example", example="{source: ID, para: N}"))
                continue
            check.unknown_keys(item, ("source", "para", "note"), file)
            src = item.get("source")
            if src not in self.sources:
                if self.sources_complete:
                    check.add(file, item.line_of("source"), Phrase("seed cite unknown source", value=_shown(src)),
                              check.did_you_mean(src, self.sources, Phrase("seed add to sources")))
                continue
            paras = check.paras(item.get("para"), file, item.line_of("para")) if "para" in item else None
            if "para" not in item:
                check.add(file, item.line, Phrase("seed cite no para"), Phrase("seed give para"))
            note = item.get("note", "")
            if paras:
                out.append(Citation(src, paras, note if isinstance(note, str) else "", file, item.line))
        return out


def load_seeds(seed_dir: str | Path = "seeds") -> Seeds:
    """Read and check every seed file under seed_dir; raise SeedError listing every problem found."""
    with _collector_paused():
        return _load_seeds(Path(seed_dir))


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's cycle collector paused while the seeds are read: the records, their YAML nodes and values are
    millions of objects kept until the end, and each collection walks them all again (half of load_seeds at
    1M triples, 6 of 11.5 s of CPU); what they hold has no cycles to collect."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _load_seeds(root: Path) -> Seeds:
    if not root.is_dir():
        raise SeedError([Problem(str(root), 0, Phrase("seed no folder"), Phrase("seed run from"))])
    ctx = Context(root, _Checker())
    raw = _read_files(ctx)
    _register_sources(ctx, raw["sources"])
    _register_entities(ctx, raw["entities"])
    for path, data in raw["facts"]:
        _register_facts(ctx, str(path), data)
    _check_sources(ctx)
    _check_entities(ctx)
    for record in ctx.facts.values():
        _check_fact(ctx, record)
    _check_cite_entries(ctx)
    _check_whole_set(ctx)
    if ctx.check.problems:
        raise SeedError([_printable(p) for p in ctx.check.problems])
    return Seeds(root=root, sources=ctx.sources, entities=ctx.entities, facts=ctx.facts, warnings=ctx.warnings)


# -- step 1: read -----------------------------------------------------------------------------------

def _read_files(ctx: Context) -> dict[str, Any]:
    """Parse sources.yaml, entities.yaml and facts/*.yaml; note which could not be read."""
    root, problems = ctx.root, ctx.check.problems
    raw_sources = read_yaml(root / "sources.yaml", str(root / "sources.yaml"), problems, root)
    raw_entities = read_yaml(root / "entities.yaml", str(root / "entities.yaml"), problems, root)
    fact_files = sorted((root / "facts").glob("*.yaml")) if (root / "facts").is_dir() else []
    if not fact_files:
        ctx.check.add(str(root / "facts"), 0, Phrase("seed no fact files"), Phrase("seed add fact files"))
    raw_facts = [(path, read_yaml(path, str(path), problems, root)) for path in fact_files]
    ctx.sources_complete = raw_sources is not None
    ctx.entities_complete = raw_entities is not None
    ctx.facts_complete = all(data is not None for _, data in raw_facts)
    if isinstance(raw_sources, LineDict) and isinstance(raw_sources.get("texts"), str):
        ctx.texts_dir = root / raw_sources["texts"]  # the folder the project keeps its article texts in
        ctx.texts_line = raw_sources.line_of("texts")
    return {"sources": raw_sources, "entities": raw_entities, "facts": raw_facts}


# -- step 2: register every id, so that references can point forwards and duplicates are caught --------

def _register_sources(ctx: Context, data: Any) -> None:
    file = str(ctx.root / "sources.yaml")
    for entry, line in ctx.check.top_list(data, "sources", file, ("sources", "texts")):
        ident = ctx.check.ident(entry, file, Phrase("seed noun source"))
        if ident is not None and ident in ctx.sources:
            ctx.check.add(file, line, Phrase("seed duplicate source", id=ident), Phrase("seed own id"))
        elif ident is not None:
            ctx.sources[ident] = Record(ident, "source", {"_entry": entry}, file, line)


def _register_entities(ctx: Context, data: Any) -> None:
    file, check = str(ctx.root / "entities.yaml"), ctx.check
    for entry, line in check.top_list(data, "entities", file, ("entities",)):
        ident = check.ident(entry, file, Phrase("seed noun entity"))
        etype = entry.get("type")
        if etype not in check.entity_types:
            check.add(file, entry.line_of("type"), Phrase("seed unknown type", value=_shown(etype)),
                      check.did_you_mean(etype, check.entity_types,
                                         Phrase("seed use one of", names=", ".join(check.entity_types))))
            etype = None
            if isinstance(ident, str):
                ctx.untyped.add(ident)
        if ctx.register(ident, file, line, Phrase("seed noun entity")) and etype:
            ctx.entities[ident] = Record(ident, etype, {"_entry": entry}, file, line)


def _register_facts(ctx: Context, file: str, data: Any) -> None:
    """One facts file: its source, its facts (by kind, as the model declares them) and its citations of facts
    defined elsewhere."""
    check, kinds = ctx.check, model.active().kinds
    entries = check.top_list(data, "facts", file, ("source", "facts"))
    source_id = data.get("source") if isinstance(data, LineDict) else None
    if isinstance(data, LineDict):
        if source_id is None:
            check.add(file, data.line, Phrase("seed missing source"), Phrase("seed name source"))
        elif source_id not in ctx.sources:
            if ctx.sources_complete:
                check.add(file, data.line_of("source"), Phrase("seed unknown source", value=_shown(source_id)),
                          check.did_you_mean(source_id, ctx.sources, Phrase("seed add source first")))
            source_id = None
    for entry, line in entries:
        if schema.REVIEW_FIELD in entry:
            _draft_entry(check, file, entry)
            continue
        if "cite" in entry and "id" not in entry:
            if source_id:
                ctx.cite_entries.append((source_id, file, entry, line))
            continue
        ident = check.ident(entry, file, Phrase("seed noun fact"))
        kind = entry.get("kind")
        if kind not in kinds:
            check.add(file, entry.line_of("kind") if "kind" in entry else line,
                      Phrase("seed unknown kind", value=_shown(kind)),
                      check.did_you_mean(kind, kinds, Phrase("seed use one of", names=", ".join(kinds))))
            kind = None
        if ctx.register(ident, file, line, Phrase("seed noun fact")) and kind and source_id:
            ctx.facts[ident] = Record(ident, kind, {"_entry": entry}, file, line)
            ctx.fact_sources[ident] = source_id


def _draft_entry(check: _Checker, file: str, entry: LineDict) -> None:
    """An entry kg draft proposed and nobody has reviewed yet (it keeps its 'review:' line): refused."""
    what = (Phrase("draft unreviewed fact", id=_shown(entry["id"])) if isinstance(entry.get("id"), str)
            else Phrase("draft unreviewed cite", id=_shown(entry.get("cite"))))
    paras = entry.get("para")
    where = ", ".join(map(str, paras)) if isinstance(paras, list) else str(paras)
    check.add(file, entry.line_of(schema.REVIEW_FIELD), what, Phrase("draft unreviewed hint", paras=where))


# -- step 3: check each record's fields by their field kinds ---------------------------------------------

def _check_sources(ctx: Context) -> None:
    for record in ctx.sources.values():
        entry = record.values["_entry"]
        ctx.file_lines[record.id] = entry.line_of("file")
        ctx.check.unknown_keys(entry, tuple(schema.SOURCE_FIELDS), record.file)
        ctx.fill(record, schema.SOURCE_FIELDS, ("id",))
        text_file = record.values.get("file")
        wrong = text_file_problem(text_file) if text_file else None
        if wrong:
            ctx.check.add(record.file, entry.line_of("file"), Phrase("seed file field", name=_shown(text_file),
                                                                     what=wrong), Phrase("seed texts name"))
            del record.values["file"]


def _check_entities(ctx: Context) -> None:
    for record in ctx.entities.values():
        entry = record.values["_entry"]
        ctx.check.unknown_keys(entry, tuple(schema.ENTITY_FIELDS), record.file)
        cls = ontology.iri(record.kind)
        for name, types in schema.ENTITY_FIELD_TYPES.items():
            if name in entry and not any(ontology.is_subclass(cls, ontology.iri(t)) for t in types):
                ctx.check.add(record.file, entry.line_of(name),
                              Phrase("seed not for type", name=name, kind=fieldkinds.Term(record.kind)),
                              Phrase("seed only types", types=fieldkinds.Terms(types, ", ")))
        ctx.fill(record, schema.ENTITY_FIELDS, ("id", "type", "part_of"))
        if "part_of" in entry:  # a superEvent for events, a containing place for places
            parent_types = ("Event",) if ontology.is_subclass(cls, ontology.KGO.Event) else ("Place", "Country")
            value = ctx.value_of(Field("ref", types=parent_types), entry["part_of"], record.file,
                                 entry.line_of("part_of"), "part_of")
            if value is not None:
                record.values["part_of"] = value
        record.citations = record.values.pop("cite", [])


def _check_fact(ctx: Context, record: Record) -> None:
    """A fact's own fields (as the model declares its kind), its citation, its inferences and its rules."""
    check, entry = ctx.check, record.values["_entry"]
    spec = model.active().kinds[record.kind]
    fields = model.active().fields_of(record.kind)
    check.unknown_keys(entry, schema.FACT_META_FIELDS + tuple(fields), record.file)
    note = entry.get("note")
    if not (isinstance(note, str) and note.strip()):
        check.add(record.file, entry.line_of("note") if "note" in entry else entry.line,
                  Phrase("seed needs note", id=record.id), Phrase("seed add note"))
        note = ""
    paras = check.paras(entry["para"], record.file, entry.line_of("para")) if "para" in entry else None
    if "para" not in entry:
        check.add(record.file, entry.line, Phrase("seed no para", id=record.id), Phrase("seed give para line"))
    if paras:
        record.citations.append(Citation(ctx.fact_sources[record.id], paras, note.strip(), record.file, entry.line))
    ctx.fill(record, fields, ())
    if "inferred" in entry:
        _check_inferred(ctx, record, entry, fields)
    extra = entry.get("cite")
    if extra is not None:
        record.citations.extend(ctx.cites(extra, record.file, entry.line_of("cite")) or [])
    for rule in ("amount-needs-currency", *spec.rules):
        RULES[rule](ctx, record, entry)


def _check_inferred(ctx: Context, record: Record, entry: LineDict, fields: dict[str, Field]) -> None:
    """`inferred:` maps a field to why the curator supplied a value the cited text does not state."""
    check, inferred = ctx.check, entry["inferred"]
    if not isinstance(inferred, LineDict) or not inferred:
        check.add(record.file, entry.line_of("inferred"), Phrase("seed inferred map"),
                  Phrase("seed write example", example='inferred: {supplier: "line 5 does not name NVIDIA"}'))
        return
    for name, reason in inferred.items():
        if name not in fields or name not in entry:
            check.add(record.file, inferred.line_of(name),
                      Phrase("seed inferred field", field=_shown(name), id=record.id),
                      check.did_you_mean(name, [f for f in fields if f in entry], Phrase("seed name given field")))
        else:
            ctx.value_of(Field("text"), reason, record.file, inferred.line_of(name), f"inferred.{name}")
    record.values["inferred"] = {k: v.strip() for k, v in inferred.items() if isinstance(v, str)}


def _amount_needs_currency(ctx: Context, record: Record, entry: LineDict) -> None:
    if "amount" in record.values and "currency" not in record.values:
        ctx.check.add(record.file, entry.line_of("amount"), Phrase("seed needs currency"), Phrase("seed add currency"))


def _amount_or_amount_text(ctx: Context, record: Record, entry: LineDict) -> None:
    if not ({"amount", "amount_text"} & set(entry)):
        ctx.check.add(record.file, entry.line,
                      Phrase("seed no amount", kind=fieldkinds.Term(record.kind), id=record.id),
                      Phrase("seed add amount"))


def _two_parties(ctx: Context, record: Record, entry: LineDict) -> None:
    if len(record.values.get("parties") or [None, None]) < 2:
        ctx.check.add(record.file, entry.line_of("parties"),
                      Phrase("seed two parties", kind=fieldkinds.Term(record.kind), id=record.id),
                      Phrase("seed list parties"))


#: Whole-fact checks a kind can ask for by name (kg/model.yaml `rules:`); the first applies to every fact.
RULES = {
    "amount-needs-currency": _amount_needs_currency,
    "amount-or-amount-text": _amount_or_amount_text,
    "two-parties": _two_parties,
}


def _check_cite_entries(ctx: Context) -> None:
    """Citations, in one source's file, of facts defined in another's."""
    check = ctx.check
    for source_id, file, entry, line in ctx.cite_entries:
        check.unknown_keys(entry, schema.CITE_ENTRY_FIELDS, file)
        target = entry.get("cite")
        if target not in ctx.facts:
            if ctx.facts_complete:
                check.add(file, entry.line_of("cite"), Phrase("seed cite unknown fact", value=_shown(target)),
                          check.did_you_mean(target, ctx.facts, Phrase("seed fact id")))
            continue
        note = entry.get("note")
        if not (isinstance(note, str) and note.strip()):
            check.add(file, line, Phrase("seed citation note", id=target), Phrase("seed add note"))
            continue
        if "para" not in entry:
            check.add(file, line, Phrase("seed citation para", id=target), Phrase("seed give para"))
            continue
        paras = check.paras(entry["para"], file, entry.line_of("para"))
        if paras:
            ctx.facts[target].citations.append(Citation(source_id, paras, note.strip(), file, line))


# -- step 4: whole-set checks ------------------------------------------------------------------------

def _check_whole_set(ctx: Context) -> None:
    """One citation per source and record, no loop of part_of, and every cited paragraph in its article."""
    for record in list(ctx.facts.values()) + list(ctx.entities.values()):
        seen: dict[str, Citation] = {}
        for c in record.citations:
            if c.source in seen:
                ctx.check.add(c.file, c.line, Phrase("seed cited twice", id=record.id, source=c.source,
                                                     file=seen[c.source].file, line=seen[c.source].line),
                              Phrase("seed merge citations"))
            seen[c.source] = c
    _check_part_of_cycles(ctx.facts, ctx.check)
    if ctx.texts_dir is not None and not ctx.texts_dir.is_dir():
        ctx.warnings += _unchecked_texts(ctx)
    elif ctx.texts_dir is not None:
        _check_paragraphs(ctx.texts_dir, ctx.sources, ctx.file_lines,
                          list(ctx.facts.values()) + list(ctx.entities.values()), ctx.check)


def _unchecked_texts(ctx: Context) -> list[Phrase]:
    """The warning when the texts folder is not at hand (a copy of the seeds alone): which cited paragraphs of
    which articles go unchecked, instead of skipping the check silently."""
    assert ctx.texts_dir is not None
    cited: dict[str, set[int]] = {}
    for record in list(ctx.facts.values()) + list(ctx.entities.values()):
        for c in record.citations:
            cited.setdefault(c.source, set()).update(c.paras)
    if not cited:
        return []
    total = sum(len(p) for p in cited.values())
    head = Phrase("seed texts missing", file=str(ctx.root / "sources.yaml"), line=ctx.texts_line,
                  folder=str(ctx.texts_dir), total=total, n=len(cited))
    return [head] + [Phrase("seed texts unchecked", id=ident, paras=_para_list(sorted(paras)))
                     for ident, paras in sorted(cited.items())]


def _what(record: Record) -> Phrase:
    if record.kind == "source":
        return Phrase("seed noun source")
    return Phrase("seed noun fact" if record.kind in model.active().kinds else "seed noun entity")


def _suggest_entity(value: str, entities: dict[str, Record], check: _Checker) -> Phrase:
    """Suggest the nearest id, also matching labels and aliases so 'Naver Cloud' finds 'naver-cloud'."""
    if check.entity_names is None:  # once per load: every entity is registered before references are checked
        names: dict[str, str] = {}
        for ident, record in entities.items():
            names[ident] = ident
            entry = record.values.get("_entry") or record.values
            label = entry.get("label")
            labels = label if isinstance(label, dict) else {}
            for name in list(labels.values()) + list(entry.get("aliases") or []):
                if isinstance(name, str):
                    names.setdefault(name.casefold(), ident)
        check.entity_names = names
    names = check.entity_names
    key = str(value).casefold()
    if key in names:
        return Phrase("seed did you mean", name=names[key])
    close = check.nearest(key, names)
    if close:
        return Phrase("seed did you mean", name=names[close[0]])
    return Phrase("seed entity suggest")


def _check_part_of_cycles(facts: dict[str, Record], check: _Checker) -> None:
    for record in facts.values():
        seen = {record.id}
        parent = record.values.get("part_of")
        while parent:
            if parent in seen:
                check.add(record.file, record.line, Phrase("seed part_of loop", id=record.id),
                          Phrase("seed larger allocation"))
                break
            seen.add(parent)
            parent = facts[parent].values.get("part_of") if parent in facts else None


def _check_paragraphs(texts_dir: Path, sources: dict[str, Record], file_lines: dict[str, int], records: list[Record],
                      check: _Checker) -> None:
    """Where the article texts are at hand, every cited paragraph must be a non-blank line of its article. An
    article text is read only inside texts_dir, only if it is a regular file, and at most MAX_TEXT_FILE_BYTES."""
    lines: dict[str, list[str] | None] = {}
    missing: dict[str, tuple[Record, Phrase]] = {}  # source id -> (source, why its text cannot be read)
    for ident, source in sources.items():
        lines[ident] = None
        if "file" not in source.values:
            continue
        try:
            data = read_inside(texts_dir, texts_dir / source.values["file"], MAX_TEXT_FILE_BYTES,
                               Phrase("seed texts folder"), Phrase("seed an article text"), Phrase("seed check file"))
        except FileRefused as exc:
            check.add(source.file, file_lines[ident],
                      Phrase("seed file field", name=_shown(source.values["file"]), what=exc.what), exc.hint)
            continue
        except OSError as exc:
            # The texts folder is not at hand (a copy of the seeds alone): nothing to check against. But a folder
            # that is there without this article is an error: its cited paragraphs would go unchecked silently.
            if texts_dir.is_dir():
                missing[ident] = (source, Phrase("seed no article", folder=str(texts_dir))
                                  if isinstance(exc, FileNotFoundError)
                                  else Phrase("seed unreadable", reason=str(exc.strerror or exc)))
            continue
        lines[ident] = data.decode("utf-8", errors="replace").split("\n")
    unchecked: dict[str, set[int]] = {ident: set() for ident in missing}
    for record in records:
        for c in record.citations:
            if c.source in unchecked:
                unchecked[c.source].update(c.paras)
    for ident, (source, why) in missing.items():
        paras = sorted(unchecked[ident])
        if not paras:  # a new source whose text is still to come: nothing goes unchecked
            continue
        shown = Phrase("seed paras unchecked", n=len(paras), paras=_para_list(paras))
        check.add(source.file, file_lines[ident],
                  Phrase("seed file missing", name=_shown(source.values["file"]), why=why, unchecked=shown),
                  Phrase("seed put text"))
    for record in records:
        for c in record.citations:
            text = lines.get(c.source)
            if text is None:
                continue
            for p in c.paras:
                if p > len(text) or not text[p - 1].strip():
                    check.add(c.file, c.line,
                              Phrase("seed past end" if p > len(text) else "seed blank line", id=record.id, p=p,
                                     source=c.source), Phrase("seed cat n"))


def _para_list(paras: list[int], shown: int = 10) -> str:
    """'4, 9, 31' — at most `shown` numbers, then how many more."""
    text = ", ".join(str(p) for p in paras[:shown])
    return Phrase("seed para more", paras=text, n=len(paras) - shown) if len(paras) > shown else text
