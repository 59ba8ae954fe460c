"""The real seed facts: representative facts of the five articles, checked by value with their sources."""

from __future__ import annotations

import re

from conftest import ARTICLES, SEEDS

PREFIXES = """
PREFIX kg: <https://w3id.org/ai-partnerships/id/>
PREFIX kgo: <https://w3id.org/ai-partnerships/ontology#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
"""


def rows(graph, query):
    return {tuple(str(v).rsplit("/", 1)[-1] if v is not None else None for v in row)
            for row in graph.query(PREFIXES + query)}


def test_the_five_articles_are_the_sources(seeds):
    assert sorted(s.values["file"] for s in seeds.sources.values()) == sorted(p.name for p in ARTICLES.glob("*.txt"))
    assert set(seeds.sources) == {"mt-20251031", "newsis-20251101", "news1-20251031", "asiae-20251103",
                                  "unknown-20251031"}
    for source in seeds.sources.values():
        assert (SEEDS / "facts" / f"{source.id}.yaml").is_file()


def test_total_of_260k_with_each_qualifier_and_its_sources(graph):
    found = rows(graph, """
        SELECT ?q ?src WHERE {
          ?a a kgo:GPUAllocation ; kgo:supplier kg:nvidia ; kgo:recipient kg:republic-of-korea ;
             kgo:gpuCount 260000 ; kgo:qualifier ?qq ; prov:wasDerivedFrom ?src .
          ?qq <http://www.w3.org/2004/02/skos/core#notation> ?q .
        }""")
    # Every article also states the plain figure somewhere (a headline or lead), so "stated" (the number as
    # printed, no hedge) has all five; none says "exactly", so no figure is "exact".
    assert found == {
        ("stated", "mt-20251031"), ("stated", "asiae-20251103"), ("stated", "newsis-20251101"),
        ("stated", "news1-20251031"), ("stated", "unknown-20251031"),
        ("at-least", "mt-20251031"), ("at-least", "newsis-20251101"), ("at-least", "news1-20251031"),
        ("up-to", "unknown-20251031"),
    }


def test_per_recipient_counts_of_asia_economy(graph):
    found = rows(graph, """
        SELECT ?recipient ?n WHERE {
          ?a a kgo:GPUAllocation ; kgo:recipient ?recipient ; kgo:gpuCount ?n ; kgo:partOf ?total ;
             prov:wasDerivedFrom kg:asiae-20251103 .
        }""")
    assert found == {
        ("korea-government", "50000"), ("samsung-electronics", "50000"), ("sk-group", "50000"),
        ("hyundai-motor-group", "50000"), ("naver-cloud", "60000"),
    }
    assert sum(int(n) for _, n in found) == 260000


def test_public_sector_share(graph):
    found = rows(graph, """
        SELECT ?src ?n WHERE {
          ?a kgo:recipient kg:korea-public-sector ; kgo:gpuCount ?n ; prov:wasDerivedFrom ?src .
        }""")
    assert found == {("newsis-20251101", "50000"), ("news1-20251031", "50000"), ("unknown-20251031", "50000")}


def test_conflicting_private_sector_figures_keep_their_own_sources(graph):
    found = rows(graph, """
        SELECT ?n ?src WHERE {
          ?a a kgo:GPUAllocation ; kgo:recipient kg:korea-private-sector ; kgo:gpuCount ?n ;
             prov:wasDerivedFrom ?src .
        }""")
    assert found == {("200000", "newsis-20251101"), ("210000", "news1-20251031")}


def test_ai_ran_mou_has_seven_parties(graph):
    found = rows(graph, "SELECT ?p WHERE { kg:mou-ai-ran a kgo:MOU ; kgo:party ?p }")
    assert found == {("nvidia",), ("samsung-electronics",), ("sk-telecom",), ("kt",), ("lg-uplus",), ("etri",),
                     ("yonsei-university",)}
    assert rows(graph, "SELECT ?s WHERE { kg:mou-ai-ran prov:wasDerivedFrom ?s }") == {("news1-20251031",)}


def test_hyundai_nvidia_three_billion_dollar_investment(graph):
    found = rows(graph, """
        SELECT ?amount ?currency WHERE { kg:invest-hyundai-nvidia-3b a kgo:Investment ;
            kgo:amount ?amount ; kgo:currency ?currency }""")
    assert {(float(a), c) for a, c in found} == {(3_000_000_000.0, "USD")}
    investors = rows(graph, "SELECT ?i WHERE { kg:invest-hyundai-nvidia-3b kgo:investor ?i }")
    assert investors == {("hyundai-motor-group",), ("nvidia",)}
    assert ("mt-20251031",) in rows(graph, "SELECT ?s WHERE { kg:invest-hyundai-nvidia-3b prov:wasDerivedFrom ?s }")


def test_three_way_physical_ai_mou(graph):
    assert rows(graph, "SELECT ?p WHERE { kg:mou-hyundai-nvidia-msit kgo:party ?p }") == {
        ("hyundai-motor-group",), ("nvidia",), ("msit",)}
    assert rows(graph, "SELECT ?s WHERE { kg:mou-hyundai-nvidia-msit prov:wasDerivedFrom ?s }") == {
        ("mt-20251031",), ("news1-20251031",)}


def test_earlier_government_targets(graph):
    found = rows(graph, """
        SELECT ?year ?n WHERE { ?t a kgo:GPUTarget ; kgo:setBy kg:korea-government ;
            kgo:targetYear ?year ; kgo:gpuCount ?n ; prov:wasDerivedFrom kg:newsis-20251101 }""")
    assert found == {("2025", "10000"), ("2028", "50000"), ("2030", "200000")}


def test_samsung_memory_supply_to_nvidia(graph):
    products = rows(graph, """
        SELECT ?product WHERE { ?s a kgo:SupplyAgreement ; kgo:supplier kg:samsung-electronics ;
            kgo:customer kg:nvidia ; kgo:product ?product }""")
    assert {("hbm3e",), ("hbm4",), ("gddr7",), ("socamm2",)} <= products


def test_national_ai_computing_centre_has_15000_gpus(graph):
    found = rows(graph, """
        SELECT ?n WHERE { ?p a kgo:ProjectPlan ; kgo:project ?c ; kgo:gpuCount ?n .
            ?c a kgo:ComputingCentre }""")
    assert ("15000",) in found


def test_people_and_roles(graph):
    found = rows(graph, """
        SELECT ?person ?org WHERE { ?p a kgo:Position ; org:member ?person ; org:organization ?org }""")
    for pair in [("jensen-huang", "nvidia"), ("bae-kyung-hoon", "msit"), ("lee-jae-yong", "samsung-electronics"),
                 ("chey-tae-won", "sk-group"), ("chung-eui-sun", "hyundai-motor-group"), ("cho-jun-hee", "kosa"),
                 ("raymond-teh", "nvidia"), ("ha-jung-woo", "presidential-office"),
                 ("kim-yong-beom", "presidential-office")]:
        assert pair in found, pair


def test_every_fact_cites_a_source_with_a_paragraph(seeds):
    for fact in seeds.facts.values():
        assert fact.citations, fact.id
        assert all(c.paras and c.note for c in fact.citations), fact.id


def _article_lines():
    for path in sorted(ARTICLES.glob("*.txt")):
        for number, line in enumerate(path.read_text(encoding="utf-8").split("\n"), 1):
            yield path.name, number, line


def test_notes_are_not_copied_from_the_articles(seeds):
    """Notes and labels are the curators' own words: no run of 20 characters of article text in them."""
    article_text = "\n".join(line for _, _, line in _article_lines())
    texts = []
    for record in list(seeds.facts.values()) + list(seeds.entities.values()):
        texts += [c.note for c in record.citations]
        for key in ("use", "purpose", "amount_text", "role_text", "title", "description", "period", "start"):
            if isinstance(record.values.get(key), str):
                texts.append(record.values[key])
    copied = []
    for text in texts:
        for i in range(0, max(len(text) - 20, 0) + 1):
            chunk = text[i:i + 20]
            if re.search(r"[\uac00-\ud7af]", chunk) and chunk in article_text:
                copied.append(text)
                break
    assert copied == []


#: Lines no fact cites, and why: everything else in the five articles is cited by at least one fact.
NOT_FACTS = {
    "mt-20251031": {1},                                  # section tag
    "newsis-20251101": set(range(26, 39)),               # page scraped twice (repeats lines 4-22), comment box
    "news1-20251031": {7} | set(range(43, 92)),          # repeated photo caption, byline e-mail, corporate footer
    "asiae-20251103": {13, 14, 15, 24, 26, 35, 36, 37, 40},  # "most read" and related-news widgets
    "unknown-20251031": set(),
}


def test_every_paragraph_of_every_article_is_captured(seeds):
    cited: dict[str, set[int]] = {}
    for record in list(seeds.facts.values()) + list(seeds.entities.values()):
        for c in record.citations:
            cited.setdefault(c.source, set()).update(c.paras)
    for source in seeds.sources.values():
        lines = (ARTICLES / source.values["file"]).read_text(encoding="utf-8").split("\n")
        uncited = {n for n, line in enumerate(lines, 1) if line.strip() and n not in cited.get(source.id, set())}
        expected = {n for n in NOT_FACTS[source.id] if n <= len(lines) and lines[n - 1].strip()}
        assert uncited == expected, source.id
