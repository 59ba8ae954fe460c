"""click's own words (its usage errors, "Usage:", "Options:", "[default: …]") and kg's --help texts in the language
the command line asks for: a command's `--lang ko`, `kg --lang ko`, or $KG_LANG=ko.

click marks its words for gettext (`from gettext import gettext as _` in each of its modules) and formats them the
moment it meets a problem — often before it has parsed --lang (`kg query --bogus --lang ko`) — so the language is
read from the command line first (`language`), and `use` points those modules' `_` and `ngettext` at the
"click …" messages of kg.text, whose English form is click's own text: English output stays click's, byte for
byte, and a word of click's kg has no Korean for stays English. Not a gettext catalogue: Python's gettext takes
the catalogue from the process-wide text domain and $LANGUAGE, from a compiled .mo file on disk — a second copy
of the words. Not click's exception classes mapped afterwards: the messages of click's types ("'x' is not one of
…", "-1 is not in the range x>=0") arrive already formatted in English, and the help words are no exceptions.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from importlib import import_module
from unicodedata import east_asian_width

import click
from click._compat import term_len
from click.utils import strip_ansi

from kg.text import MESSAGES, tr

#: click's modules that show words to people.
_CLICK_MODULES = ("core", "exceptions", "parser", "types", "formatting", "decorators")

_current = "en"


def language(args: list[str]) -> str:
    """The language a command line asks for: its last --lang (a command's own comes after `kg --lang`), else
    $KG_LANG; "ko" or "en"."""
    asked = None
    for i, arg in enumerate(args):
        if arg == "--":
            break
        if arg == "--lang" and i + 1 < len(args):
            asked = args[i + 1]
        elif arg.startswith("--lang="):
            asked = arg.partition("=")[2]
    if asked is None:
        asked = os.environ.get("KG_LANG")
    return "ko" if asked == "ko" else "en"


def current() -> str:
    """The language of the command line being run (English outside kg.cli.main)."""
    return _current


def gettext(message: str) -> str:
    """click's `_`: its message in the current language, if kg.text has it."""
    key = f"click {message}"
    return tr(f"click {message}", "ko") if _current == "ko" and key in MESSAGES else message


def ngettext(singular: str, plural: str, n: int) -> str:
    """click's `ngettext`: the singular or the plural form, in the current language."""
    return gettext(singular if n == 1 else plural)


def width(text: str) -> int:
    """The columns a text takes on a terminal: two for a Hangul syllable (or another wide character), as click's
    help is wrapped in Korean (click counts characters)."""
    return sum(2 if east_asian_width(c) in "WF" else 1 for c in strip_ansi(text))


def use(lang: str, group: click.Group) -> None:
    """Speak `lang` from now on: click's words, and the help texts of `group` and its commands."""
    global _current
    if lang == _current:  # (click starts in English: nothing to do for an English command line)
        return
    _current = lang
    for name in _CLICK_MODULES:
        module = import_module(f"click.{name}")
        module._ = gettext  # type: ignore[attr-defined]
        module.ngettext = ngettext  # type: ignore[attr-defined]
    for name in ("formatting", "_textwrap"):  # where click measures the help it wraps
        import_module(f"click.{name}").term_len = width if lang == "ko" else term_len  # type: ignore[attr-defined]
    for owner, name in _help_texts(group):
        owner.help = tr(f"help {name}", lang)


def _help_texts(group: click.Group) -> Iterator[tuple[click.Command | click.Parameter, str]]:
    """Every command and option of `group` whose help is a "help NAME" message of kg.text (cli.py gives each as
    Phrase("help …"); click keeps an option's as a plain str, so it is found by its English), with the key's NAME."""
    keys = {english: key[5:] for key, (english, _) in MESSAGES.items() if key.startswith("help ")}
    for command in (group, *group.commands.values()):
        owners: list[click.Command | click.Parameter] = [command, *command.params]
        for owner in owners:
            english = owner.__dict__.setdefault("_kg_help", str(getattr(owner, "help", None) or ""))
            if english in keys:
                yield owner, keys[english]
