"""kg --help, every command's --help and click's usage errors in Korean with --lang ko or $KG_LANG=ko (kg.clitext),
and in English exactly as click writes them.

What may stay Latin in a Korean --help, and is stripped before the check:
- option names (--lang, -f), metavars and codes (tokens without a lowercase letter: FILE, NAME=VALUE, SPARQL, RDF);
- command names after `kg`, anything in `backticks`, and the example lines of a command (those starting with kg);
- ids, paths, URLs: tokens with a '-', ':', '/', '.', '~' or '$' inside (naver-cloud, out/graph.nq); prefixes;
- the values an option takes (its choices, its default) and the codes the help quotes (relation kinds,
  statuses, store kinds, an id), and the names of formats, standards and programs (Turtle, Update, Gephi).
After that, no run of three or more Latin letters may remain.
"""

from __future__ import annotations

import ast
import os
import re
import subprocess
import sys
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from kg import clitext
from kg.cli import main
from kg.text import MESSAGES

HANGUL = re.compile(r"[가-힣]")
#: Codes the help texts quote: relation kinds, statuses, store kinds; and names of formats, programs and classes.
CODES = {"mou", "cooperation", "supply", "membership", "investment", "position", "project", "product", "signed",
         "agreed", "memory", "rdflib", "nvidia"}
NAMES = {"Turtle", "TriG", "Gephi", "Cytoscape", "Kumu", "yEd", "Excel", "Windows", "Oxigraph", "Fuseki",
         "Virtuoso", "Ctrl", "Company", "GovernmentBody", "Update"}


def helped(args: list[str], env: dict[str, str] | None = None):
    return CliRunner().invoke(main, args, prog_name="kg", env=env or {})


def english_left(text: str, command: click.Command) -> list[str]:
    """The runs of three or more Latin letters in a Korean --help that are none of the allowed Latin text."""
    values = {str(v) for p in command.params for v in getattr(p.type, "choices", ())}
    values |= {str(p.default) for p in command.params if p.default is not None} | set(main.commands)
    text = re.sub(r"\[기본값:[^\]]*\]", "", re.sub(r"-\n\s+", "-", text))   # (click wraps at a hyphen)
    text = "\n".join(line for line in text.splitlines() if not re.match(r"\s*(예: )?kg ", line))
    text = re.sub(r"`[^`]*`", "", text)
    text = re.sub(r"\bkg (" + "|".join(map(re.escape, main.commands)) + r")\b", "", text)
    text = re.sub(r"(?<![\w-])--?[a-z][\w-]*", "", text)
    text = re.sub(r"\b[a-z]+:(?=\s|$)", "", text, flags=re.M)   # SPARQL prefixes: kg: kgo: rdfs:
    text = re.sub(r"[\w$~]*[-:/.~$](?=[\w$~/.])[\w:/.~$-]*", "", text)
    text = re.sub(r"\?\w+", "", text)
    words = re.findall(r"[A-Za-z][A-Za-z0-9_]*", text)
    return [w for w in words if re.search("[a-z]", w) and w not in values | CODES | NAMES
            and re.search("[A-Za-z]{3}", w)]


@pytest.mark.parametrize("name", ["", *sorted(main.commands)])
def test_korean_help_has_no_english_words(name):
    args = [name, "--help"] if name else ["--help"]
    command = main.commands[name] if name else main
    for result in (helped(["--lang", "ko", *args]), helped(args, {"KG_LANG": "ko"})):
        assert result.exit_code == 0, result.output
        assert result.output.startswith(f"사용법: kg {name}".rstrip() + " "), result.output[:80]
        assert "옵션:" in result.output and "이 도움말을 보여 주고 끝냅니다." in result.output
        assert english_left(result.output, command) == [], result.output


@pytest.mark.parametrize("name", ["", *sorted(main.commands)])
def test_korean_help_fits_the_terminal(name):
    """click counts characters; a Hangul syllable takes two columns, so kg.clitext measures what it wraps."""
    output = helped(["--lang", "ko", *([name] if name else []), "--help"]).output
    wide = [line for line in output.splitlines() if clitext.width(line) > 80 and not line.startswith("    kg ")]
    assert wide == [] and HANGUL.search(output)


def test_a_commands_own_lang_chooses_the_language_of_its_help():
    assert helped(["query", "--lang", "ko", "--help"]).output.startswith("사용법: kg query ")
    assert helped(["--lang", "ko", "query", "--lang", "en", "--help"]).output.startswith("Usage: kg query ")
    assert helped(["query", "--help"], {"KG_LANG": "ko"}).output.startswith("사용법: kg query ")
    assert "명령:" in helped(["--lang", "ko", "--help"]).output


def test_the_version_in_either_language():
    from kg import __version__

    assert helped(["--version"]).output == f"kg, version {__version__}\n"
    assert helped(["--version", "--lang", "ko"]).output == f"kg 버전 {__version__}\n"
    assert helped(["--version"], {"KG_LANG": "ko"}).output == f"kg 버전 {__version__}\n"


def test_english_help_is_back_after_a_korean_one():
    before = helped(["query", "--help"]).output
    assert helped(["--lang", "ko", "query", "--help"]).output != before
    assert helped(["query", "--help"]).output == before
    assert not HANGUL.search(before) and before.startswith("Usage: kg query [OPTIONS] [NAME]\n")
    assert "  -h, --help                      Show this message and exit.\n" in before


#: (arguments, the last line of click's usage error in English, the same in Korean).
USAGE_ERRORS = [
    (["query", "--bogus"], "Error: No such option '--bogus'.", "오류: '--bogus' 옵션은 없습니다."),
    (["query", "x", "-f", "x"],
     "Error: Invalid value for '-f' / '--format': 'x' is not one of 'table', 'csv', 'tsv', 'json', 'xml', 'turtle'.",
     "오류: '-f' / '--format'에 잘못된 값: 'x': 다음 중 하나가 아닙니다: 'table', 'csv', 'tsv', 'json', 'xml', "
     "'turtle'."),
    (["path", "nvidia"], "Error: Missing argument 'B'.", "오류: 빠진 인자: 'B'."),
    (["querx"], "Error: No such command 'querx'. (Did you mean one of: 'queries', 'query'?)",
     "오류: 'querx' 명령은 없습니다. ('queries', 'query' 중 하나인가요?)"),
    (["query", "a", "b", "c"], "Error: Got unexpected extra arguments (b c)",
     "오류: 예상하지 못한 인자가 더 있습니다 (b c)"),
    (["view", "--depth", "-1"], "Error: Invalid value for '--depth': -1 is not in the range x>=0.",
     "오류: '--depth'에 잘못된 값: -1: 범위 x>=0 밖입니다."),
    (["query", "x", "--timeout", "abc"],
     "Error: Invalid value for '--timeout': 'abc' is not a number of seconds — write one such as 30 or 0.5",
     "오류: '--timeout'에 잘못된 값: 'abc': 초 단위의 수가 아닙니다 — 30이나 0.5처럼 쓰세요"),
]


@pytest.mark.parametrize("args, english, korean", USAGE_ERRORS, ids=[" ".join(a) for a, _, _ in USAGE_ERRORS])
def test_usage_errors_in_english_and_korean(args, english, korean):
    result = helped(args)
    assert result.exit_code == 1
    command = "kg" if args[0] not in main.commands else f"kg {args[0]}"
    assert result.output.endswith(f"Try '{command} --help' for help.\n\n{english}\n"), result.output
    assert result.output.startswith(f"Usage: {command} [OPTIONS]")
    for korean_run in (helped(["--lang", "ko", *args]), helped(args, {"KG_LANG": "ko"})):
        assert korean_run.exit_code == 1
        assert korean_run.output.endswith(f"도움말은 '{command} --help'로 보세요.\n\n{korean}\n"), korean_run.output
        assert korean_run.output.startswith(f"사용법: {command} [OPTIONS]")
    if args[0] in main.commands and "lang" in {p.name for p in main.commands[args[0]].params}:
        assert helped([*args, "--lang", "ko"]).output.endswith(f"{korean}\n")  # the --lang after the mistake


def test_a_usage_error_of_the_quick_path_is_korean():
    """kg/launch.py answers `kg query NAME` itself, and hands a command line with a mistake to kg.cli."""
    done = subprocess.run([sys.executable, "-c", "from kg.launch import main; main()", "query", "gpu-targets",
                           "--bogus", "--lang", "ko"], capture_output=True, text=True, timeout=120,
                          env=dict(os.environ, KG_LANG="en"))
    assert done.returncode == 1 and done.stdout == ""
    assert done.stderr.endswith("오류: '--bogus' 옵션은 없습니다.\n"), done.stderr


def test_the_language_of_a_command_line():
    env = os.environ.pop("KG_LANG", None)
    try:
        assert clitext.language(["query", "x"]) == "en"
        assert clitext.language(["--lang", "ko", "query", "x"]) == "ko"
        assert clitext.language(["--lang", "ko", "query", "x", "--lang=en"]) == "en"
        assert clitext.language(["query", "x", "--", "--lang", "ko"]) == "en"
        os.environ["KG_LANG"] = "ko"
        assert clitext.language(["query", "x"]) == "ko" and clitext.language(["query", "--lang", "en"]) == "en"
    finally:
        os.environ.pop("KG_LANG", None)
        if env is not None:
            os.environ["KG_LANG"] = env


def click_messages() -> set[str]:
    """The words the installed click passes to gettext's `_` and `ngettext`."""
    found = set()
    for path in Path(click.__file__).parent.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) in ("_", "ngettext"):
                found |= {a.value for a in node.args if isinstance(a, ast.Constant) and isinstance(a.value, str)}
    return found | {"required"}   # passed to _() as a variable (Option.get_help_record)


def test_every_click_message_kg_translates_is_one_click_has():
    """A newer click that rewords a message would leave it English: this names it."""
    ours = {key[len("click "):] for key in MESSAGES if key.startswith("click ")}
    assert ours and ours - click_messages() == set()
    assert all(MESSAGES[f"click {m}"][0] == m for m in ours)
