"""`kg ontology-doc`: the ontology's own page, offline, with every term in English and Korean side by side; the
copy in docs/ (which the README links) is the one the command writes today."""

from __future__ import annotations

import html
import re
from pathlib import Path

from click.testing import CliRunner
from rdflib import URIRef
from rdflib.namespace import OWL, RDF, RDFS

from kg import ontodoc, ontology
from kg.cli import main

ROOT = Path(__file__).resolve().parent.parent
COMMITTED = ROOT / "docs" / "ontology.html"


def _rows(page: str) -> dict[str, str]:
    return dict(re.findall(r'<tr id="([^"]+)">(.*?)</tr>', page, re.S))


def test_the_committed_page_is_what_the_command_writes():
    assert COMMITTED.read_bytes() == ontodoc.page(), \
        "docs/ontology.html is out of date — run: kg ontology-doc -o docs/ontology.html"


def test_every_term_has_its_labels_in_both_languages_and_its_comment():
    g = ontology.ontology_graph()
    rows = _rows(ontodoc.page().decode())
    terms = [t for t in ontology.defined_terms() if (t, RDF.type, OWL.Ontology) not in g]
    assert len(terms) > 120
    for term in terms:
        local = str(term)[len(str(ontology.KGO_NS)):]
        row = rows.get(local)
        assert row is not None, f"kgo:{local} has no row"
        cells = re.findall(r'<td class="(en|ko)" lang="\1"><span class="label">(.*?)</span>(.*?)</td>', row, re.S)
        shown = {lang: (label, comment) for lang, label, comment in cells}
        for label in g.objects(term, RDFS.label):
            assert html.unescape(shown[label.language][0]) == str(label), (local, label)
        for comment in g.objects(term, RDFS.comment):
            assert html.unescape(shown[comment.language or "en"][1]) == str(comment), local


def test_title_and_version_are_the_ontology_s_own():
    g = ontology.ontology_graph()
    (head,) = g.subjects(RDF.type, OWL.Ontology)
    labels = {label.language: str(label) for label in g.objects(head, RDFS.label)}
    page = ontodoc.page().decode()
    assert f"<title>{html.escape(labels['en'])} · {html.escape(labels['ko'])}</title>" in page
    assert f"<td>{g.value(head, OWL.versionInfo)}</td>" in page
    # the qualifiers are listed under their scheme, with the words that name them
    scheme = page.split('id="qualifiers"')[1].split("</table>")[0]
    qualifiers = {str(q)[len(str(ontology.KGO_NS)):] for q in g.subjects(RDF.type, ontology.KGO.Qualifier)}
    assert set(re.findall(r'<tr id="([^"]+)">', scheme)) == qualifiers
    assert URIRef(str(ontology.KGO_NS) + "approximately") in ontology.defined_terms() and "가량" in scheme


def test_the_page_loads_nothing():
    page = ontodoc.page().decode()
    assert "<script" not in page and " src=" not in page
    assert re.findall(r"<link[^>]*>", page) == ['<link rel="icon" href="data:,">']
    assert "@import" not in page and "url(" not in page


def test_the_command_writes_the_page_and_says_so_in_both_languages(tmp_path):
    target = tmp_path / "ontology.html"
    result = CliRunner().invoke(main, ["ontology-doc", "-o", str(target)])
    assert result.exit_code == 0, result.output
    assert target.read_bytes() == COMMITTED.read_bytes()
    assert result.output == f"Wrote {target} (html, {target.stat().st_size} bytes)\n"
    korean = CliRunner().invoke(main, ["--lang", "ko", "ontology-doc", "-o", str(target)])
    assert korean.output == f"{target} 파일을 썼습니다 (html, {target.stat().st_size}바이트)\n"
    blocked = tmp_path / "a-file"
    blocked.write_text("x")
    result = CliRunner().invoke(main, ["ontology-doc", "-o", str(blocked / "ontology.html")])
    assert result.exit_code != 0 and "Traceback" not in result.output and str(blocked) in result.output
