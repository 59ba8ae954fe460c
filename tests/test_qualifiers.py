"""Figure qualifiers: every seed figure's qualifier pinned against the words of its cited paragraph (issue 11,
docs/reaudit.md), the value set each qualifier allows, one place for the words, curator's inferences and the
KRW conversion as a second amount."""

from __future__ import annotations

from fractions import Fraction

import pytest
from conftest import ARTICLES, ROOT

from kg import qualifiers
from kg.qualifiers import Bounds

#: Every figure in the seeds: fact -> (number, qualifier, the hedge words of its cited line that give that
#: qualifier; for `stated`, the printed figure with no hedge before or after it).
FIGURES = {
    "alloc-total-260k-exact": (260000, "stated", "26만장"),
    "alloc-total-260k-atleast": (260000, "at-least", "26만장 이상"),
    "alloc-total-260k-upto": (260000, "up-to", "최대 26만개"),
    "alloc-public-50k-about": (50000, "about", "약 5만 장"),
    "alloc-public-50k-upto": (50000, "up-to", "최대 5만개"),
    "alloc-private-200k-newsis": (200000, "stated", "20만장"),
    "alloc-private-210k-news1": (210000, "stated", "21만 장"),
    "alloc-korea-government-50k-asiae": (50000, "stated", "정부에 5만장"),
    "alloc-samsung-50k-asiae": (50000, "stated", "각각 5만장"),
    "alloc-sk-50k-asiae": (50000, "stated", "각각 5만장"),
    "alloc-hyundai-50k-asiae": (50000, "stated", "각각 5만장"),
    "alloc-naver-cloud-60k-asiae": (60000, "stated", "6만장"),
    "alloc-samsung-50k-atleast": (50000, "at-least", "5만개 이상"),
    "estimate-korea-gpus-300k": (300000, "about", "약 30만장"),
    "target-gpus-10k-2025": (10000, "stated", "1만 장"),
    "target-gpus-50k-2028": (50000, "stated", "5만 장"),
    "target-gpus-200k-2030": (200000, "at-least", "20만 장 이상"),
    "proj-national-ai-computing-center": (15000, "stated", "1만 5000장 규모"),
    "invest-hyundai-nvidia-3b": (3000000000, "stated", "총 30억달러"),
    "invest-hyundai-nvidia-3b-about": (3000000000, "about", "약 30억 달러"),
}


def test_every_seed_figure_has_its_pinned_qualifier(seeds):
    found = {f.id: (f.values.get("gpus", f.values.get("amount")), f.values.get("qualifier", qualifiers.DEFAULT))
             for f in seeds.facts.values() if "gpus" in f.values or "amount" in f.values}
    assert found == {k: v[:2] for k, v in FIGURES.items()}


def test_no_seed_figure_says_exactly(seeds):
    assert not [f.id for f in seeds.facts.values() if f.values.get("qualifier") == "exact"]
    assert "qualifier: exact" not in "".join(p.read_text() for p in (ROOT / "seeds" / "facts").glob("*.yaml"))


@pytest.mark.skipif(not ARTICLES.is_dir(), reason="the article texts are not at hand")
def test_each_qualifier_matches_the_words_of_its_cited_paragraph(seeds):
    files = {s.id: ARTICLES / s.values["file"] for s in seeds.sources.values()}
    for fact, (_, q, words) in FIGURES.items():
        own = seeds.facts[fact].citations[0]  # the defining source's citation
        lines = files[own.source].read_text(encoding="utf-8").splitlines()
        text = " ".join(lines[p - 1] for p in own.paras)
        assert words in text, (fact, words)
        if q == "stated":  # no hedge word right before or after the printed figure
            at = text.index(words)
            assert not any(h in text[max(0, at - 3):at] for h in ("약", "최대")), fact
            assert not text[at + len(words):].lstrip().startswith(("이상", "정도", "가량", "이하", "초과")), fact


def test_the_krw_conversion_is_a_second_amount_with_its_own_qualifier(seeds, graph):
    assert seeds.facts["invest-hyundai-nvidia-3b"].values["conversion"] == {
        "amount": 4000000000000, "currency": "KRW", "qualifier": "about"}
    rows = list(graph.query("""
        PREFIX kg: <https://w3id.org/ai-partnerships/id/>
        PREFIX kgo: <https://w3id.org/ai-partnerships/ontology#>
        PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
        SELECT ?amount ?currency ?q WHERE {
          kg:invest-hyundai-nvidia-3b kgo:alsoStatedAs ?m . ?m a kgo:MonetaryAmount ; kgo:amount ?amount ;
            kgo:currency ?currency ; kgo:qualifier/skos:notation ?q }"""))
    assert [(int(a.toPython()), str(c), str(q)) for a, c, q in rows] == [(4000000000000, "KRW", "about")]


def test_value_sets():
    assert qualifiers.value_set(260000, "stated") == Bounds(Fraction(255000), True, Fraction(265000), False)
    assert qualifiers.value_set(15000, "stated") == Bounds(Fraction(14500), True, Fraction(15500), False)
    assert qualifiers.value_set(10000, "stated") == Bounds(Fraction(5000), True, Fraction(15000), False)
    assert qualifiers.value_set(3000000000, "stated") == Bounds(Fraction(2950000000), True, Fraction(3050000000), False)
    assert qualifiers.value_set(50000, "about") == Bounds(Fraction(45000), True, Fraction(55000), True)
    assert qualifiers.value_set(260000, "at-least") == Bounds(Fraction(260000), True, None, False)
    assert qualifiers.value_set(250000, "more-than") == Bounds(Fraction(250000), False, None, False)
    assert qualifiers.value_set(260000, "up-to") == Bounds(Fraction(0), True, Fraction(260000), True)
    assert qualifiers.value_set(7, "exact") == Bounds(Fraction(7), True, Fraction(7), True)
    # overlaps: closed ends meet, half-open ones do not
    assert qualifiers.value_set(260000, "at-least").overlaps(qualifiers.value_set(260000, "up-to"))
    assert not qualifiers.value_set(200000, "stated").overlaps(qualifiers.value_set(210000, "stated"))
    assert not qualifiers.value_set(250000, "more-than").overlaps(qualifiers.value_set(250000, "up-to"))


def test_words_come_from_the_ontology_in_both_languages():
    words = qualifiers.words()
    assert set(words) == {"stated", "exact", "about", "at-least", "more-than", "up-to"}
    assert words["stated"]["label_en"] == "as stated" and words["stated"]["label_ko"] == "명시 수치"
    assert qualifiers.figure(50000, "stated", "GPUs") == "50,000 GPUs"
    assert qualifiers.figure(50000, "about", "GPUs") == "about 50,000 GPUs"
    assert qualifiers.figure(260000, "at-least", "GPUs", "ko") == "260,000 GPUs 이상"
    assert qualifiers.figure(3000000000, "about", "USD", unit_first=True) == "about USD 3,000,000,000"


def test_no_other_copy_of_the_qualifier_words():
    """The words live in ontology/kg.ttl (read by kg/qualifiers.py); no module or script keeps its own table."""
    for path in list((ROOT / "kg").glob("*.py")) + [ROOT / "kg" / "templates" / "view.js"]:
        text = path.read_text(encoding="utf-8")
        assert "QUALIFIER_WORDS" not in text, path
        if path.name != "qualifiers.py":
            assert '"at least "' not in text and '"up to "' not in text and '"exactly"' not in text, path


def test_inferred_values_are_rdf_and_queryable(graph):
    rows = {(str(f).rsplit("/", 1)[-1], str(field)) for f, field in graph.query("""
        PREFIX kgo: <https://w3id.org/ai-partnerships/ontology#>
        SELECT ?fact ?field WHERE { ?fact kgo:inference ?i . ?i a kgo:Inference ; kgo:inferredField ?field ;
                                    kgo:reason ?why }""")}
    assert ("supply-skhynix-nvidia-hbm4", "customer") in rows
    assert ("alloc-private-200k-newsis", "recipient") in rows
    assert ("jr-nvidia-kisti", "parties") in rows
    assert len(rows) == 21


def test_seed_checker_knows_inferred(minimal_copy):
    from kg.errors import SeedError
    from kg.seeds import load_seeds

    facts = sorted((minimal_copy / "facts").glob("*.yaml"))[0]
    text = facts.read_text(encoding="utf-8")
    marker = "    kind: gpu-allocation\n"
    assert marker in text
    bad = text.replace(marker, marker + "    inferred: {colour: the text names no colour}\n", 1)
    facts.write_text(bad, encoding="utf-8")
    with pytest.raises(SeedError) as err:
        load_seeds(minimal_copy)
    assert "'inferred' names 'colour'" in "\n".join(err.value.lines)
    facts.write_text(text.replace(marker, marker + "    inferred: {supplier: the line names no supplier}\n", 1),
                     encoding="utf-8")
    seeds = load_seeds(minimal_copy)
    assert any(f.values.get("inferred") == {"supplier": "the line names no supplier"} for f in seeds.facts.values())
