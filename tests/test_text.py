"""kg/text.py holds every fixed user-facing string in English and Korean: each message has both forms, fills in
the same {names}, and every key the code, the map's script and its template use is there (and every message is
used somewhere)."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from kg import text
from kg.resources import data_dir

PACKAGE = Path(text.__file__).resolve().parent
HANGUL = re.compile(r"[가-힣]")
#: {names} only the English form needs: plural endings, the English plural of a group.
PLURAL = {"s", "ks", "plural"}
#: {names} only one form uses: the Korean label next to a kind's id; "this publisher's articles".
ONE_LANGUAGE = {"kind count": {"label"}, "give articles": {"kind"}, "give publisher": {"kind"}}


@pytest.mark.parametrize("key", sorted(text.MESSAGES))
def test_every_message_has_an_english_and_a_korean_form(key):
    forms = text.MESSAGES[key]
    assert isinstance(forms, tuple) and len(forms) == len(text.LANGUAGES)
    en, ko = forms
    assert isinstance(en, str) and isinstance(ko, str) and en and ko
    assert not HANGUL.search(en.replace("(큐레이터 추론)", "")), "the English form is Korean"
    words = re.sub(r"\{[^}]*\}", "", ko)   # without its {names}: a Korean word, or only codes and marks
    assert HANGUL.search(words) or not re.search(r"[a-z]{2,}", words), "the Korean form is English"
    assert (text.fields(ko) ^ text.fields(en)) <= PLURAL | ONE_LANGUAGE.get(key, set())
    values = {name: 2 if re.search(r"\{" + name + r":[sv,]\}", en) else "엔비디아"  # a count: a plural, a 1,000
              for name in text.fields(en) | text.fields(ko)}
    assert "{" not in text.tr(key, "en", **values) + text.tr(key, "ko", **values) or not values


def test_the_definition_in_both_languages():
    assert set(text.DEFINITION) == set(text.LANGUAGES) and HANGUL.search(text.DEFINITION["ko"])
    assert text.definition("ko") == text.DEFINITION["ko"] and text.definition("en") == text.DEFINITION["en"]


#: The calls whose first argument is a message key: tr("key", lang, …), KgError.of("key", …), Phrase("key", …).
KEYED = ("tr", "of", "Phrase")


def python_keys() -> dict[str, set[str]]:
    """Module -> the message keys its tr(), KgError.of() and Phrase() calls name (both keys of
    `tr("a" if … else "b")`) and the string constants it holds (a key can be passed on, as MESSAGES["…"] is)."""
    used: dict[str, set[str]] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        if path.name == "text.py":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        keys = set()
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and getattr(node.func, "id", getattr(node.func, "attr", None)) in KEYED:
                first = node.args[0] if node.args else None
                if isinstance(first, ast.Name) and path.name == "errors.py":
                    continue  # KgError.of passes its key on to Phrase
                if getattr(node.func, "attr", None) == "of" and not isinstance(getattr(first, "value", None), str):
                    continue  # another class's .of (Names.of(graph))
                options = [first.body, first.orelse] if isinstance(first, ast.IfExp) else [first]
                for option in options:
                    if isinstance(option, ast.JoinedStr) and isinstance(option.values[0], ast.Constant):
                        family = {k for k in text.MESSAGES if k.startswith(str(option.values[0].value))}
                        assert family, f"{path.name}:{node.lineno}: no message key starts like this f-string"
                        keys |= family   # tr(f"group {group}"): the "group …" messages
                        continue
                    assert isinstance(option, ast.Constant) and isinstance(option.value, str), \
                        f"{path.name}:{node.lineno}: tr() with a key that is not a string literal"
                    keys.add(option.value)
            elif isinstance(node, ast.Subscript) and getattr(node.value, "id", None) == "MESSAGES":
                assert isinstance(node.slice, ast.Constant), f"{path.name}:{node.lineno}: MESSAGES[not a literal]"
                keys.add(node.slice.value)
        used[path.name] = keys
    return used


def script_keys(script: str, name: str) -> set[str]:
    """The keys a page's script passes to t() (both keys of `t(n > 1 ? "a" : "b", …)`), apart from the call that
    reads the page's data-t attributes (their keys are read from the page itself)."""
    keys = set()
    for call in re.finditer(r"(?<![\w.])t\(([^,()]*)", script):
        if "function" in script[max(0, call.start() - 9):call.start()] or call.group(1).startswith("e.getAttribute"):
            continue  # the definition, and the call that reads the template's data-t keys (checked below)
        literals = re.findall(r'"([^"]*)"', call.group(1))
        assert literals, f"{name}: t() with a key that is not a string literal: {call.group(0)}"
        keys.update(literals)
    return keys


def page_keys() -> set[str]:
    """The keys view.js passes to t() and the template's ui["…"] and data-t attributes."""
    keys = script_keys((data_dir("templates") / "view.js").read_text(encoding="utf-8"), "view.js")
    page = (data_dir("templates") / "view.html.j2").read_text(encoding="utf-8")
    keys.update(re.findall(r'ui\["([^"]+)"\]', page))
    keys.update(re.findall(r'data-t(?:-[\w-]+)?="([^"]+)"', page))
    return keys


def serve_page_keys() -> set[str]:
    """The keys kg serve's query page (one file, its script inline) passes to t() and names in data-t."""
    page = (data_dir("templates") / "serve.html").read_text(encoding="utf-8")
    return script_keys(page, "serve.html") | set(re.findall(r'data-t="([^"]+)"', page))


def test_every_key_the_code_uses_is_a_message():
    for module, keys in python_keys().items():
        assert keys <= set(text.MESSAGES), (module, sorted(keys - set(text.MESSAGES)))
    keys = page_keys()
    assert keys and keys <= set(text.page_messages()), sorted(keys - set(text.page_messages()))
    keys = serve_page_keys()
    assert keys and keys <= set(text.serve_messages()), sorted(keys - set(text.serve_messages()))


def mentioned() -> set[str]:
    """Message keys that kg's code passes on as string constants (or_list's separators), text.py's defaults too."""
    found = set()
    for path in sorted(PACKAGE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        nodes = ([d for f in ast.walk(tree) if isinstance(f, ast.FunctionDef) for d in f.args.defaults]
                 if path.name == "text.py" else list(ast.walk(tree)))
        found |= {n.value for n in nodes if isinstance(n, ast.Constant) and n.value in text.MESSAGES}
    return found


def test_every_message_is_used():
    used = set().union(*python_keys().values(), page_keys(), serve_page_keys(), mentioned())
    assert set(text.MESSAGES) - used == set()


def test_the_page_gets_its_messages_in_both_languages():
    messages = text.page_messages()
    assert messages["map fit"] == ["Fit", "전체 보기"]
    assert all(len(v) == 2 for v in messages.values()) and set(text.PAGE_SHARED) <= set(messages)


def test_counts_take_the_english_plural_only_when_not_one():
    """'1 partners' and '1 facts' (issue 15): a count's {n:s} is the plural ending, {n:v} a verb's -s."""
    from kg.text import tr

    assert tr("stats partners", deg=1, rels=2) == "1 partner, 2 relations"
    assert tr("stats network", nodes=2, links=1, facts=1) == "Network: 2 nodes, 1 link from 1 fact"
    assert tr("facts cite", n=1, source="s") == "1 fact cites s"
    assert tr("facts cite", n=24, source="s") == "24 facts cite s"
    assert tr("stats partners", "ko", deg=1, rels=1) == "파트너 1곳, 관계 1개"


def test_kg_stats_on_one_joint_venture_says_one_partner(tmp_path):
    from click.testing import CliRunner

    from kg.cli import main

    result = CliRunner().invoke(main, ["stats", "--kind", "joint-venture"])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("Network: 2 nodes, 1 link from 1 fact\n")
    assert "1 partner, 1 relation\n" in result.output and "1 partners" not in result.output
