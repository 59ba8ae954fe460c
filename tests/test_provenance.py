"""kg explain and kg sources: every claim with its sources, by id or label in either language."""

from __future__ import annotations

import pytest

from kg.errors import KgError
from kg.provenance import claims_of_source, explain, sources


def test_explain_by_id_and_korean_label_give_the_same_facts(dataset):
    by_id = explain(dataset, "naver-cloud")
    by_korean = explain(dataset, "네이버클라우드")
    assert by_id.to_dict() == by_korean.to_dict()
    assert by_id.labels == {"en": "Naver Cloud", "ko": "네이버클라우드"}
    assert [c.id for c in by_id.claims] == ["alloc-naver-cloud-60k-asiae", "mou-naver-cloud-nvidia",
                                          "proj-naver-cloud-physical-ai-platform"]


def test_explain_lists_the_source_of_every_claim(dataset):
    claims = {c.id: c for c in explain(dataset, "Naver Cloud").claims}
    allocation = claims["alloc-naver-cloud-60k-asiae"]
    assert allocation.summary == "NVIDIA → Naver Cloud: 60,000 GPUs, NVIDIA Blackwell"
    assert allocation.role == "recipient"
    [source] = allocation.sources
    assert (source.id, source.publisher, source.date, source.paragraphs) == \
        ("asiae-20251103", "Asia Economy", "2025-11-03", [10])
    assert source.cite().startswith("Asia Economy, 2025-11-03, ")


@pytest.mark.parametrize("name", ["NAVER CLOUD", "naver  cloud", "kg:naver-cloud",
                                  "https://w3id.org/ai-partnerships/id/naver-cloud", "네이버 클라우드"])
def test_names_are_forgiving_of_case_spacing_and_form(dataset, name):
    assert explain(dataset, name).id == "naver-cloud"


def test_unknown_name_suggests_the_nearest(dataset):
    with pytest.raises(KgError, match=r"unknown entity 'naver clod' — did you mean .*naver-cloud"):
        explain(dataset, "naver clod")


def test_explain_a_person_shows_their_positions(dataset):
    claims = explain(dataset, "젠슨 황").claims
    summaries = {c.summary for c in claims if c.kind == "position"}
    assert summaries == {"Jensen Huang, Chief Executive Officer of NVIDIA", "Jensen Huang, Founder of NVIDIA"}


def test_sources_registry_counts_facts(dataset, seeds):
    registry = {s.id: s for s in sources(dataset)}
    assert set(registry) == set(seeds.sources)
    for ident, info in registry.items():
        expected = sum(1 for f in seeds.facts.values() if ident in f.sources)
        assert info.facts == expected, ident
    assert registry["news1-20251031"].publisher == "News1"
    assert registry["unknown-20251031"].publisher == ""


def test_claims_of_a_source_are_every_fact_citing_it(dataset, seeds):
    claims = claims_of_source(dataset, "news1-20251031")
    assert sorted(c.id for c in claims) == sorted(f.id for f in seeds.facts.values() if "news1-20251031" in f.sources)
    assert all(any(s.id == "news1-20251031" for s in c.sources) for c in claims)


def test_unknown_source(dataset):
    with pytest.raises(KgError, match="unknown source 'news2-20251031' — did you mean news1-20251031"):
        claims_of_source(dataset, "news2-20251031")
