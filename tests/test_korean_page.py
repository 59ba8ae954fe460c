"""The Korean map page in Chromium shows no English words of kg's own: every visible string (texts, titles,
placeholders, labels for screen readers, the tooltip and details panel of every node and link, the search
with no match, the language switched back and forth), less the data's own words, holds no run of three Latin
letters.

The data's words, stripped before the check: labels of entities, kinds, classes, statuses and terms (both
languages: the page shows the other language's name on purpose), aliases, ids, source names and headlines,
curators' notes and inference reasons (written in English; the page marks a note as 메모(원문)), amounts in
words; and codes, model names and units (tokens with no lowercase letter: GPU, MOU, GB200). "English" stays:
the language switch names each language in itself.
"""

from __future__ import annotations

import re

import pytest
from conftest import SEEDS
from test_browser import Visit, browser  # noqa: F401  (browser: the module-scoped Chromium fixture)

from kg import api

#: Every string the page shows or says: the visible text, and the attributes people read or hear.
VISIBLE = """() => {
    const out = [document.title, document.body.innerText];
    document.querySelectorAll("[title], [placeholder], [aria-label]").forEach(e => {
        ["title", "placeholder", "aria-label"].forEach(a => { if (e.getAttribute(a)) out.push(e.getAttribute(a)); });
    });
    return out.join("\\n");
}"""

#: Every node's and every link's tooltip and details panel, the search with no match, the focus button both ways.
WALK = """() => {
    const v = kgView, out = [], text = () => document.body.innerText;
    v.data.nodes.forEach(n => {
        v.network.emit("hoverNode", {node: n.id, event: {clientX: 10, clientY: 10}}); out.push(text());
        v.select("node", n.id, false); out.push(text());
    });
    v.data.edges.forEach(e => {
        v.network.emit("hoverEdge", {edge: e.id, event: {clientX: 10, clientY: 10}}); out.push(text());
        v.select("edge", e.id, false); out.push(text());
    });
    v.select("node", "nvidia", false);
    document.getElementById("focus-toggle").click(); out.push(text());
    document.getElementById("focus-toggle").click(); out.push(text());
    const box = document.getElementById("search");
    box.value = "zzz"; box.dispatchEvent(new Event("input")); out.push(text());
    box.value = "엔비"; box.dispatchEvent(new Event("input")); out.push(text());
    return out.join("\\n");
}"""


def data_words(data: dict) -> set[str]:
    """The data's own words, which the page shows as they are."""
    words: set[str] = set()
    for n in data["nodes"]:
        words.update([n["id"], n["en"], n["ko"], *n["aliases"]])
    for group in ("kinds", "types"):
        words.update(w for x in data[group] for w in (x["en"], x["ko"]))
    words.update(w for x in [*data["terms"].values(), *data["statuses"].values()] for w in (x["en"], x["ko"]))
    for ident, s in data["sources"].items():
        words.update([ident, *(str(v) for k, v in s.items() if k.startswith(("label", "publisher", "title")))])
    for ident, f in data["facts"].items():
        words.update([ident, f.get("note", ""), f.get("amount_text", "")])
        words.update(f"{name}: {reason}" for name, reason in f.get("inferred", {}).items())
    return {w for w in words if w}


def strip(text: str, words: set[str]) -> str:
    for w in sorted(words, key=len, reverse=True):
        text = text.replace(w, " ")
    text = text.replace("English", " ")   # the language switch's name of English
    return re.sub(r"(?<![A-Za-z0-9])[A-Z0-9][A-Z0-9-]*(?![A-Za-z0-9])", " ", text)


@pytest.fixture(scope="module")
def korean_page(tmp_path_factory):
    path = tmp_path_factory.mktemp("ko") / "partners-ko.html"
    api.write_view(api.partnership_network(SEEDS, lang="ko"), path, lang="ko")  # as kg view --lang ko
    return path


def english_left(visit: Visit, script: str) -> list[str]:
    words = data_words(visit.js("kgView.data"))
    left = strip(visit.js(script), words)
    return sorted({line.strip() for line in left.splitlines() if re.search(r"[A-Za-z]{3,}", line)})


def test_the_korean_page_shows_no_english_ui_text(browser, korean_page):  # noqa: F811
    v = Visit(browser, korean_page).ready()
    assert v.page.inner_text("#counts").startswith("노드 29개 중 29개")
    assert english_left(v, VISIBLE) == []
    assert english_left(v, WALK) == []
    v.page.select_option("#lang", "en")   # and back: the switch relabels every fixed word
    assert v.page.inner_text("#fit") == "Fit" and v.js("document.title") == "Who partners with whom"
    v.page.select_option("#lang", "ko")
    assert english_left(v, VISIBLE) == []
    assert v.errors == [] and v.blocked == []
    v.close()


def test_the_english_page_switched_to_korean_shows_no_english_ui_text(browser, tmp_path):  # noqa: F811
    path = tmp_path / "partners.html"
    api.write_view(api.partnership_network(SEEDS), path)
    v = Visit(browser, path).ready()
    v.page.select_option("#lang", "ko")
    assert v.page.inner_text("#fit") == "전체 보기" and v.js("document.title") == "누가 누구와 협력하나"
    assert english_left(v, VISIBLE) == []
    assert v.errors == [] and v.blocked == []
    v.close()
