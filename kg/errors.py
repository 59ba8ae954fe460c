"""The few exception types the CLI turns into one-line messages; anything else is a bug and keeps its traceback."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong in an input file, with where it is and what to do about it."""

    file: str
    line: int
    message: str
    hint: str = ""

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.message}" + (f" — {self.hint}" if self.hint else "")


class KgError(Exception):
    """A user error: bad input, a missing file, an unknown name. The CLI prints it and exits non-zero."""

    exit_code = 1

    @property
    def lines(self) -> list[str]:
        return [str(self)]


class SeedError(KgError):
    """The seed files have problems; all of them are reported at once, like a compiler does."""

    exit_code = 2

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(set(problems))
        super().__init__(f"{len(self.problems)} problem(s) in the seed files")

    @property
    def lines(self) -> list[str]:
        noun = "problem" if len(self.problems) == 1 else "problems"
        return [str(p) for p in self.problems] + [f"{len(self.problems)} {noun} found; nothing was written."]


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
