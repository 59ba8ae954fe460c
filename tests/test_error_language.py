"""Errors in the user's language (issue 15): a KgError made with KgError.of(key, …) carries a message of kg/text.py;
its str() is English (what kg printed before), and the CLI shows it in the language of the command's --lang, or
of the global `kg --lang` / $KG_LANG for a command without one. A test walks kg/ for errors raised with an
English message written in place."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from click.testing import CliRunner

from kg import text
from kg.cli import main
from kg.errors import KgError, QueryError

PACKAGE = Path(text.__file__).resolve().parent
HANGUL = re.compile(r"[가-힣]")

def error_classes(trees: dict[str, ast.Module]) -> set[str]:
    """KgError and every class of kg that derives from it (by name)."""
    names = {"KgError"}
    while True:
        more = {node.name for tree in trees.values() for node in ast.walk(tree) if isinstance(node, ast.ClassDef)
                and any(getattr(b, "id", getattr(b, "attr", None)) in names for b in node.bases)} - names
        if not more:
            return names
        names |= more


def english_only(arg: ast.expr) -> bool:
    """A message written in place (a string, an f-string, a sum or choice of them) with no Korean in it; a call
    (tr(…), a function that makes the message) or a name passes."""
    if not isinstance(arg, (ast.Constant, ast.JoinedStr, ast.BinOp, ast.IfExp)):
        return False
    strings = [n.value for n in ast.walk(arg) if isinstance(n, ast.Constant) and isinstance(n.value, str)]
    return bool(strings) and not any(HANGUL.search(s) for s in strings)


def english_errors() -> dict[str, list[int]]:
    """File -> lines where a KgError (or a subclass) is made with an English-only message written in place."""
    trees = {str(p.relative_to(PACKAGE)): ast.parse(p.read_text(encoding="utf-8")) for p in PACKAGE.rglob("*.py")}
    names = error_classes(trees)
    found: dict[str, list[int]] = {}
    for name, tree in sorted(trees.items()):
        for node in ast.walk(tree):
            if (isinstance(node, ast.Call) and getattr(node.func, "id", getattr(node.func, "attr", None)) in names
                    and node.args and english_only(node.args[0])):
                found.setdefault(name, []).append(node.lineno)
    return found


#: The calls that report a problem in a seed file (kg.errors.Problem, shown in the user's language when it carries
#: kg.text Phrases) -> the positions of their message and hint: Problem(file, line, message, hint),
#: _Checker.add(file, line, message, hint), At.problem(message, hint), FileRefused(what, hint) and
#: _Refused(problem, mark, hint); and PyYAML's MarkedYAMLError(problem=…), whose problem kg.seeds reports.
PROBLEM_CALLS = {"Problem": (2, 3), "add": (2, 3), "problem": (0, 1), "FileRefused": (0, 1), "_Refused": (0, 2)}


def english_problems(trees: dict[str, ast.Module] | None = None) -> dict[str, list[int]]:
    """File -> lines where a problem in a seed file is reported with an English-only message or hint written in
    place (an `add` with fewer than three arguments is another add, such as a set's)."""
    if trees is None:
        trees = {str(p.relative_to(PACKAGE)): ast.parse(p.read_text(encoding="utf-8")) for p in PACKAGE.rglob("*.py")}
    found: dict[str, list[int]] = {}
    for name, tree in sorted(trees.items()):
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            called = getattr(node.func, "id", getattr(node.func, "attr", None))
            texts = [node.args[i] for i in PROBLEM_CALLS.get(called, ()) if i < len(node.args)]
            texts += [k.value for k in node.keywords if called in PROBLEM_CALLS and k.arg in ("message", "hint")
                      or called == "MarkedYAMLError" and k.arg == "problem"]
            if any(english_only(t) for t in texts):
                found.setdefault(name, []).append(node.lineno)
    return found


def test_no_seed_problem_is_reported_with_an_english_only_message():
    assert english_problems() == {}, "report Phrase('key', …) with the message in kg/text.py (English and Korean)"


def test_the_problem_scan_finds_what_it_should():
    tree = ast.parse('check.add(f, 1, f"unknown field {x}", "keep one")\nseen.add(x)\n'
                     'Problem(f, 0, Phrase("seed empty"), "see seeds/README.md")\n'
                     'at.problem(Phrase("seed year", name=n), Phrase("seed four digits"))\n'
                     'yaml.MarkedYAMLError(problem="a mapping key must be a plain value", problem_mark=m)\n'
                     'check.add(f, 1, "초안 / draft", hint)')
    assert english_problems({"x.py": tree}) == {"x.py": [1, 3, 5]}


def english_answers(trees: dict[str, ast.Module] | None = None) -> dict[str, list[int]]:
    """File -> lines where kg serve answers an error with an English-only message written in place: the handler's
    self.error(status, message), an engine's reply ("error", status, message) or a job's finish("error", status,
    message) (kg/serve.py shows a kg.text Phrase in the language of the request)."""
    if trees is None:
        trees = {str(p.relative_to(PACKAGE)): ast.parse(p.read_text(encoding="utf-8")) for p in PACKAGE.rglob("*.py")}
    found: dict[str, list[int]] = {}
    for name, tree in sorted(trees.items()):
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and getattr(node.func, "attr", None) == "error" and len(node.args) > 1:
                message = node.args[1]
            elif isinstance(node, ast.Call) and getattr(node.func, "attr", None) == "finish":
                message = node.args[2] if len(node.args) > 2 and _is_error(node.args[0]) else None
            elif isinstance(node, ast.Tuple) and len(node.elts) == 3 and _is_error(node.elts[0]):
                message = node.elts[2]
            else:
                continue
            if message is not None and english_only(message):
                found.setdefault(name, []).append(node.lineno)
    return {name: sorted(lines) for name, lines in found.items()}


def _is_error(node: ast.expr) -> bool:
    return isinstance(node, ast.Constant) and node.value == "error"


def test_kg_serve_answers_no_error_with_an_english_only_message():
    found = english_answers()
    assert found == {}, "answer with Phrase('key', …), the message in kg/text.py (English and Korean)"


def test_the_answer_scan_finds_what_it_should():
    tree = ast.parse('self.error(404, "no such page")\nself.error(403, READ_ONLY)\n'
                     'self.error(415, f"not {ctype}", close=True)\nself.error(403, Phrase("endpoint busy"))\n'
                     'def answer():\n    return "error", 400, f"SPARQL syntax error: {exc}"\n'
                     'reply = ("error", 500, "the query failed")\nreply = ("error", 403, "읽기 전용 / read-only")\n'
                     'job.finish("error", 500, "crashed")\njob.finish("timeout")\nlogger.error("x")')
    assert english_answers({"x.py": tree}) == {"x.py": [1, 3, 6, 7, 9]}


def test_no_error_is_raised_with_an_english_only_message():
    found = english_errors()
    assert found == {}, "raise KgError.of('key', …) with the message in kg/text.py (English and Korean)"


def test_the_scan_finds_what_it_should():
    tree = ast.parse('KgError(f"{x}: no such file")\nKgError.of("rdf no file", path=x)\nKgError("파일 / file")\n'
                     'QueryError("a" if ko else "b")\nKgError(tr("k", lang))\nKgError(message)')
    calls = [n for n in ast.walk(tree) if isinstance(n, ast.Call) and n.args]
    flagged = [ast.unparse(c) for c in calls if getattr(c.func, "id", None) in ("KgError", "QueryError")
               and english_only(c.args[0])]
    assert flagged == ["KgError(f'{x}: no such file')", "QueryError('a' if ko else 'b')"]


def test_an_error_is_english_as_a_string_and_korean_when_asked():
    err = KgError.of("rdf no file", path="x.ttl")
    assert str(err) == "x.ttl: no such file — check the path" == err.text("en")
    assert err.text("ko") == "x.ttl: 파일이 없습니다 — 경로를 확인하세요" == err.lines_in("ko")[0]
    plain = KgError("as written")
    assert plain.text("ko") == "as written" and plain.lines_in("ko") == ["as written"]


def test_an_error_keeps_its_details_and_an_error_it_quotes_follows_the_language():
    err = QueryError.of("endpoint check query", ["line 1", "    ^"])
    assert err.lines_in("ko") == ["질의와 엔드포인트를 확인하세요", "line 1", "    ^"]
    assert err.lines == ["check the query and the endpoint", "line 1", "    ^"]
    outer = KgError.of("push stopped", error=KgError.of("push unreachable", url="http://h/u", reason="refused"),
                       graph="g", total=1)
    assert str(outer).startswith("http://h/u: cannot reach the endpoint (refused) — push stopped in graph <g> after 1")
    assert outer.text("ko").startswith("http://h/u: 엔드포인트에 연결할 수 없습니다 (refused) — 그래프 <g>에서 "
                                       "쿼드 1개")


def test_a_hint_inside_a_message_follows_its_language():
    from kg.stores import parse_store

    try:
        parse_store("oxigrap:x")
    except KgError as exc:
        err = exc
    assert str(err) == ("unknown store 'oxigrap:x' — did you mean oxigraph:PATH? use memory, rdflib, oxigraph:PATH "
                        "or sparql:http://HOST/QUERY-URL")
    assert err.text("ko") == ("알 수 없는 저장소 'oxigrap:x' — oxigraph:PATH인가요? memory, rdflib, oxigraph:PATH, "
                              "sparql:http://HOST/QUERY-URL 중 하나를 쓰세요")


def test_a_command_without_lang_shows_its_errors_in_the_global_language(tmp_path):
    args = ["load", str(tmp_path / "x.txt"), "--store", f"oxigraph:{tmp_path / 'store'}"]
    english = CliRunner().invoke(main, args)
    assert english.exit_code == 1 and "cannot tell the RDF format from the file name" in english.output
    korean = CliRunner().invoke(main, ["--lang", "ko", *args])
    assert korean.exit_code == 1 and "파일 이름으로는 RDF 형식을 알 수 없습니다" in korean.output
    by_env = CliRunner().invoke(main, args, env={"KG_LANG": "ko"})
    assert by_env.exit_code == 1 and by_env.output == korean.output


def test_a_command_with_lang_shows_its_errors_and_output_in_that_language():
    korean = CliRunner().invoke(main, ["query", "gpu-allocations", "--store", "nosuch", "--lang", "ko"])
    assert korean.exit_code == 1 and korean.output.startswith("알 수 없는 저장소 'nosuch'")
    own_wins = CliRunner().invoke(main, ["--lang", "ko", "query", "gpu-allocations", "--store", "nosuch",
                                         "--lang", "en"])
    assert own_wins.exit_code == 1 and own_wins.output.startswith("unknown store 'nosuch' — ")
    stats = CliRunner().invoke(main, ["stats"], env={"KG_LANG": "ko"})  # the global language is --lang's default
    assert stats.exit_code == 0 and stats.output.startswith("네트워크: 노드 ")


def test_a_command_without_lang_says_what_it_did_in_the_global_language(tmp_path):
    data = tmp_path / "one.ttl"
    data.write_text("<http://example.org/a> <http://example.org/b> <http://example.org/c> .\n", encoding="utf-8")
    args = ["load", str(data), "--store", f"oxigraph:{tmp_path / 'store'}"]
    store = f"oxigraph:{tmp_path}/store"
    english = CliRunner().invoke(main, args)
    assert english.exit_code == 0 and english.output == f"Loaded 1 quads from 1 file(s) into {store}\n"
    korean = CliRunner().invoke(main, ["--lang", "ko", *args])
    assert korean.exit_code == 0 and korean.output == f"파일 1개의 쿼드 1개를 {store}에 적재했습니다\n"
