"""kg schema (the graph's vocabulary with en/ko labels, comments, counts, example queries) and the error for an
unknown kgo: term in an ad hoc query (kg/vocabulary.py), checked against ontology/kg.ttl and the graph read
directly."""

from __future__ import annotations

import json
import shlex

import pytest
from click.testing import CliRunner
from rdflib import OWL, RDF, RDFS, Graph

from kg import api
from kg.cli import main
from kg.ontology import KGO
from kg.resources import data_dir
from kg.vocabulary import EXAMPLES, kgo_names

KG_TTL = data_dir("ontology") / "kg.ttl"


def run(*args: str):
    return CliRunner().invoke(main, list(args))


@pytest.fixture(scope="module")
def schema_json():
    result = run("schema", "-f", "json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


@pytest.fixture(scope="module")
def ttl():
    return Graph().parse(KG_TTL, format="turtle")


def test_every_class_and_property_of_the_ontology_is_listed(schema_json, ttl):
    classes = {f"kgo:{str(c)[len(str(KGO)):]}" for c in ttl.subjects(RDF.type, OWL.Class)
               if str(c).startswith(str(KGO))}
    props = {f"kgo:{str(p)[len(str(KGO)):]}" for t in (OWL.ObjectProperty, OWL.DatatypeProperty,
                                                        OWL.AnnotationProperty)
             for p in ttl.subjects(RDF.type, t) if str(p).startswith(str(KGO))}
    assert {c["term"] for c in schema_json["classes"]} == classes
    assert {p["term"] for p in schema_json["properties"]} == props
    company = next(c for c in schema_json["classes"] if c["term"] == "kgo:Company")
    assert (company["label_en"], company["label_ko"]) == ("company", "기업")
    assert company["comment"] == str(ttl.value(KGO.Company, RDFS.comment))


def test_counts_are_the_graphs(schema_json):
    ds = api.open_graph("seeds")
    counts = {c["term"]: c["count"] for c in schema_json["classes"]}
    for cls in ("Company", "MOU", "GPUAllocation", "NewsArticle"):
        expected = len(set(ds.subjects(RDF.type, KGO[cls])))
        assert counts[f"kgo:{cls}"] == expected > 0
    party = next(p for p in schema_json["properties"] if p["term"] == "kgo:party")
    assert party["count"] == len(set(ds.subjects(KGO.party, None))) > 0
    assert party["example"].startswith("kg:")


def test_text_in_both_languages():
    en, ko = run("schema"), run("schema", "--lang", "ko")
    assert en.exit_code == ko.exit_code == 0
    assert "  kgo:Company — company (기업): " in en.stdout
    assert "  kgo:Company — 기업 (company): " in ko.stdout
    assert "(영어) A business, including business groups" in ko.stdout
    assert en.stdout.splitlines()[0].startswith("The graph's vocabulary")
    assert ko.stdout.splitlines()[0].startswith("그래프의 어휘")
    assert "      discussed, in-negotiation, concluded, agreed, signed, planned, ongoing" in en.stdout  # lifecycle


@pytest.mark.parametrize("example", EXAMPLES, ids=[e[0] for e in EXAMPLES])
def test_each_example_query_answers_with_rows(example):
    args = shlex.split(example[1])
    assert args[:3] == ["kg", "query", "-e"]
    result = run(*args[1:], "-f", "csv")
    assert result.exit_code == 0, result.output
    assert len(result.stdout.splitlines()) > 1


def test_a_misspelt_term_is_an_error_with_the_nearest():
    result = run("query", "-e", "SELECT * WHERE { ?s kgo:partyy ?o }")
    assert result.exit_code == 4
    assert result.stdout == ""
    assert result.stderr == ("<-e>:1:21: kgo:partyy is not a term of the ontology, so the answer is empty — did you "
                             "mean kgo:party, kgo:partOf? kg schema lists the terms\n")
    ko = run("query", "-e", "SELECT * WHERE {\n  ?s a kgo:Compny }", "--lang", "ko")
    assert ko.exit_code == 4
    assert ko.stderr == ("<-e>:2:8: kgo:Compny은(는) 온톨로지에 없는 용어라 답이 비었습니다 — 가까운 용어: "
                         "kgo:Company, kgo:Country; kg schema가 용어를 모두 보여 줍니다\n")


def test_from_a_file_too(tmp_path):
    query = tmp_path / "q.rq"
    query.write_text("# typo\nSELECT ?x WHERE { ?x a <https://w3id.org/ai-partnerships/ontology#Compnay> }\n")
    result = run("query", "--file", str(query))
    assert result.exit_code == 4
    assert result.stderr.startswith(f"{query}:2:24: kgo:Compnay is not a term of the ontology")


def test_an_empty_answer_with_known_terms_stays_an_empty_answer():
    result = run("query", "-e", 'SELECT ?s WHERE { ?s kgo:party kg:no-such-thing } # kgo:zzz', "-f", "csv")
    assert result.exit_code == 0
    assert result.stdout.strip() == "s"


def test_names_are_found_outside_strings_comments_and_other_prefixes():
    text = ('PREFIX x: <http://x/>\nSELECT * { ?a kgo:party ?b ; x:kgo:no "kgo:notme" . '
            '?b a <https://w3id.org/ai-partnerships/ontology#Company> } # kgo:comment\n')
    assert [name for name, _ in kgo_names(text)] == ["party", "Company"]
    assert kgo_names("PREFIX kgo: <http://elsewhere/>\nSELECT * { ?a kgo:whatever ?b }") == []
    assert [n for n, _ in kgo_names("SELECT * { ?a kgo:party ?b. ?b kgo:x.y ?c . }")] == ["party", "x.y"]
