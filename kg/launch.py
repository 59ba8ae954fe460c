"""The `kg` command's entry point. `kg query NAME` with plain options is answered by kg.quick, and `kg explain`
by kg.quickexplain, before click and kg.cli are imported (they are half of a quick answer's time); any other
command line — other commands, other options, a value click would refuse, an answer they leave to kg.query or
kg.cli — goes to kg.cli as it is, which then does everything it always did."""

from __future__ import annotations

import os
import sys

from kg.cmdline import plain_options

TYPE_CHECKING = False  # typing is not imported at run time (kg.errors)
if TYPE_CHECKING:
    from typing import Any

#: The options of `kg query` read here, by the name of their value in kg.cli.query_command.
_OPTIONS = {"-f": "fmt", "--format": "fmt", "--lang": "lang", "-p": "params", "--param": "params",
            "--seeds": "seed_dir", "--store": "store", "--max-rows": "max_rows", "--timeout": "timeout",
            "--max-memory": "max_memory"}
_FORMATS = ("table", "csv", "tsv", "json", "xml", "turtle")


def command() -> None:
    """The `kg` command (pyproject.toml): main(), and once a quick path has answered, the end of the process at once.
    The answer is flushed, the exit functions run (kg.resident's stop_all reaps a worker), and only Python's
    teardown of the imported modules is skipped: ~3 ms of a 35 ms `kg query`. (kg.cli ends with SystemExit, as
    click does, before this.)"""
    main()
    import atexit

    sys.stdout.flush()
    sys.stderr.flush()
    atexit._run_exitfuncs()
    os._exit(0)


def main() -> None:
    """kg's command line, in this process (tests and scripts call it; the kg command is `command`)."""
    args = sys.argv[1:]
    if not (_explain(args) if args[:1] == ["explain"] else _quick(args)):
        from kg.cli import main as cli

        cli()


def _explain(args: list[str]) -> bool:
    """`kg explain …` answered by kg.quickexplain where it can; False for kg.cli."""
    from kg import quickexplain

    return quickexplain.run(args)


def _quick(args: list[str]) -> bool:
    """Answer `kg query NAME [options]` through kg.quick as kg.cli would; False for what kg.cli must do.

    kg.quick's worker is forked first, and imports pyoxigraph and opens the store while this process imports
    the rest of kg.quick and binds the query (kg.resident.start): so far nothing here imports re, pathlib,
    enum or the like, each of which costs as much as the engine's own start."""
    options = _parse(args)
    if options is None:
        return False
    from kg import quickengine, resident

    spec = (options["store"] or os.environ.get("KG_STORE") or "").strip()
    place = spec[len("oxigraph:"):] if spec.startswith("oxigraph:") and spec != "oxigraph:" else None
    resident.start(quickengine.rows, False, lambda: quickengine.prepare(place))
    if not _answered(options):
        resident.stop_all()  # kg.cli starts its own
        return False
    return True


def _answered(options: dict[str, Any]) -> bool:
    """kg.quick's answer printed, as kg.cli prints it; False where kg.quick leaves it to kg.cli."""
    from kg import quick

    values = _params(options["params"])
    if values is None:
        return False  # kg.cli says what is wrong
    max_rows = options["max_rows"]
    try:
        answer = quick.answer(options["name"], values, options["lang"], options["fmt"],
                              timeout=options["timeout"] or None, max_memory=options["max_memory"] or None,
                              max_rows=max_rows or None, seed_dir=options["seed_dir"], graph_file=None,
                              store=options["store"])
    except Exception as exc:  # a KgError as kg.cli.user_errors reports it, in the language of the command
        from kg.errors import KgError  # (imported here: kg.errors imports kg.text's message table)

        if not isinstance(exc, KgError):
            raise
        for line in exc.lines_in(options["lang"]):
            print(line, file=sys.stderr)
        sys.exit(exc.exit_code)
    if answer is None or "\x1b" in answer.text:  # (click strips terminal escapes from what is not a terminal)
        return False
    sys.stdout.write(answer.text)
    sys.stdout.flush()
    if options["fmt"] == "table":
        print(quick.rows_note(answer.rows, answer.cut, options["lang"]), file=sys.stderr)
    if answer.truncated:
        print(quick.truncated_note("SELECT", max_rows, options["lang"]), file=sys.stderr)
    return True


def _params(pairs: list[str]) -> dict[str, str] | None:
    """--param NAME=VALUE options as a dict, where kg.query.syntax.parse_params would take them (a name kg.quick
    does not know is left to kg.cli too); None for any it would refuse, which kg.cli then explains."""
    params: dict[str, str] = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        name = name.strip()
        if not sep or not name or name in params or name == "lang":
            return None
        params[name] = value
    return params


def _parse(args: list[str]) -> dict[str, Any] | None:
    """The options of `kg query NAME …` as kg.cli's click options give them, if every one is written plainly
    and valid (`--opt value`, `--opt=value`); else None."""
    if len(args) < 2 or args[0] != "query" or args[1].startswith("-"):
        return None
    from kg.sandbox import DEFAULT_MAX_MEMORY

    # --lang's default is the global language, $KG_LANG (kg --lang … goes to kg.cli)
    options: dict[str, Any] = {"name": args[1], "fmt": "table", "lang": os.environ.get("KG_LANG") or "en",
                               "params": [], "seed_dir": os.environ.get("KG_SEEDS") or "seeds", "store": None,
                               "max_rows": 10_000, "timeout": 30.0, "max_memory": DEFAULT_MAX_MEMORY}
    parsed = plain_options(args[2:], _OPTIONS)
    if parsed is None or parsed[0]:
        return None
    for field, value in parsed[1]:
        if field == "params":
            options["params"].append(value)
        else:
            options[field] = value
    return _checked(options)


def _checked(options: dict[str, Any]) -> dict[str, Any] | None:
    """The values converted as kg.cli's option types convert them; None for any they would refuse."""
    from kg.sandbox import parse_size

    if options["fmt"] not in _FORMATS or options["lang"] not in ("en", "ko"):
        return None
    for key, written_plainly in (("max_rows", lambda text: _digits(text, 1, 9)), ("timeout", _decimal)):
        if isinstance(options[key], str):
            if not written_plainly(options[key]):
                return None
            options[key] = int(options[key]) if key == "max_rows" else float(options[key])
    if options["timeout"] > 366 * 86400:
        return None
    if isinstance(options["max_memory"], str):
        options["max_memory"] = parse_size(options["max_memory"])
        if options["max_memory"] is None:
            return None
    if os.path.isfile(options["seed_dir"]):  # click refuses a file for --seeds
        return None
    return options


def _digits(text: str, least: int, most: int) -> bool:
    """text matches [0-9]{least,most} (re is not imported yet here)."""
    return least <= len(text) <= most and text.isascii() and text.isdigit()


def _decimal(text: str) -> bool:
    """[0-9]{1,8}(?:\\.[0-9]{1,6})?: a --timeout click's float type takes, written plainly."""
    whole, point, fraction = text.partition(".")
    return _digits(whole, 1, 8) and (not point or _digits(fraction, 1, 6))
