"""The few exception types the CLI turns into one-line messages; anything else is a bug and keeps its traceback.

Each carries its exit status; the table of what each status means, the same in every command, is EXIT_CODES
(shown in README.md, "Exit status"): one meaning per code."""

from __future__ import annotations

from kg.plain import Fields
from kg.text import Phrase, tr

TYPE_CHECKING = False  # typing is not imported at run time: `kg query`'s quick path pays for every import
if TYPE_CHECKING:
    from typing import Any, TypeVar

    E = TypeVar("E", bound="KgError")

#: Exit status -> what it means. KgError subclasses below carry these codes; click's usage errors (an
#: unknown option, a value that is not one of the choices) are made 1 by kg.cli, with kg's own bad values.
EXIT_CODES: dict[int, str] = {
    0: "done",
    1: "the request cannot be met as given: an unknown option or a bad value, an unknown name or one of the wrong "
       "kind, nothing left after the filters, a file that cannot be read or written",
    2: "the seed files have problems (each as file:line); nothing was written",
    3: "the graph fails a check: the SHACL shapes (kg build, kg validate), or sources that disagree "
       "(kg conflicts --strict)",
    4: "the query cannot run as written: an unknown named query or parameter, a parameter of the wrong kind, a "
       "SPARQL syntax error, an update or a remote request refused",
    5: "the query was stopped: past --timeout or --max-memory, or the engine crashed on it",
}

#: kg conflicts --strict when sources disagree.
CHECK_FAILED = 3


class Problem(Fields):
    """One thing wrong in an input file, with where it is and what to do about it.

    message and hint are kg.text Phrases (a key and values, English as a str) or plain text: str() is English,
    text(lang) the user's language; sorting and set() go by the English, so one problem is reported once.
    (Frozen and ordered by hand, not a dataclass: see kg.plain.Fields.)"""

    __slots__ = ("file", "line", "message", "hint")
    file: str
    line: int
    message: str
    hint: str

    def __init__(self, file: str, line: int, message: str, hint: str = "") -> None:
        for name, value in (("file", file), ("line", line), ("message", message), ("hint", hint)):
            object.__setattr__(self, name, value)

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"cannot assign to field {name!r}")  # frozen, as the dataclass was

    def __lt__(self, other: Problem) -> bool:
        return self.fields() < other.fields()

    def __hash__(self) -> int:
        return hash(self.fields())

    def __reduce__(self) -> tuple:
        return (Problem, self.fields())

    def __str__(self) -> str:
        return self.text("en")

    def text(self, lang: str = "en") -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        message, hint = in_language(self.message, lang), in_language(self.hint, lang)
        return f"{where}: {message}" + (f" — {hint}" if hint else "")


def in_language(text: str, lang: str = "en") -> str:
    """A kg.text Phrase in the language; plain text as it is."""
    return text.text(lang) if isinstance(text, Phrase) else text


def mapped(text: str, fn) -> str:
    """fn applied to plain text, or to the text values of a Phrase (which stays a Phrase, to be shown in any
    language): how kg.seeds escapes control characters in a message."""
    if not isinstance(text, Phrase):
        return fn(text)
    key = text.key
    return Phrase(key, **{k: mapped(v, fn) if type(v) is str or isinstance(v, Phrase) else v  # not a Term
                          for k, v in text.values.items()})


class KgError(Exception):
    """A user error: bad input, a missing file, an unknown name. The CLI prints it and exits non-zero.

    Made with `of(key, **values)`, it carries a message of kg.text and is shown in the user's language where it
    is printed (kg.cli.user_errors), so the code that raises it need not know the language; str() is English."""

    exit_code = 1
    message: Phrase | None = None   # set by `of`

    @classmethod
    def of(cls: type[E], key: str, /, *args: Any, **values: Any) -> E:
        """The error with message `key` of kg.text, filled in with `values` (English in str(), any language in
        text()); *args are the class's other arguments after the message (QueryError's details)."""
        message = Phrase(key, **values)
        err = cls(str(message), *args)
        err.message = message
        return err

    def text(self, lang: str = "en") -> str:
        """The message in the language; an error not made with `of` is shown as it was written."""
        return self.message.text(lang) if self.message is not None else str(self)

    @property
    def lines(self) -> list[str]:
        return [str(self)]

    def lines_in(self, lang: str = "en") -> list[str]:
        """`lines` with the message in the language."""
        return [self.text(lang)] + self.lines[1:] if self.message is not None else self.lines


class SeedError(KgError):
    """The seed files have problems; all of them are reported at once, like a compiler does."""

    exit_code = 2

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(set(problems))
        super().__init__(f"{len(self.problems)} problem(s) in the seed files")

    @property
    def lines(self) -> list[str]:
        return self.lines_in("en")

    def lines_in(self, lang: str = "en") -> list[str]:
        return [p.text(lang) for p in self.problems] + [tr("seed problems found", lang, n=len(self.problems))]


class ValidationError(KgError):
    """The graph breaks the SHACL shapes."""

    exit_code = 3


class WriteError(KgError):
    """An output cannot be written (disk full, no permission); the previous file or store is left as it was."""


class QueryError(KgError):
    """A query cannot run: an unknown query, parameter or entity, or SPARQL that does not parse.

    `details` are extra lines shown after the message, such as the query line with a caret under the error."""

    exit_code = 4

    def __init__(self, message: str, details: list[str] | None = None):
        super().__init__(message)
        self.details = list(details or [])

    @property
    def lines(self) -> list[str]:
        return [str(self)] + self.details


class QueryStopped(QueryError):
    """A query that ran but was stopped: past its time or memory limit, or the engine crashed on it."""

    exit_code = 5
