"""kg conflicts on the seeds: every disagreement between the articles, and the per-source sum checks."""

from __future__ import annotations

import re

import pytest

from kg.conflicts import conflicts


@pytest.fixture(scope="module")
def report(dataset):
    return conflicts(dataset)


def ids(side):
    return sorted(re.findall(r"\[([a-z0-9-]+)\]", ", ".join(side.sources)))


def test_findings_exactly(report):
    found = [(f.kind, f.subject, [(s.value, ids(s)) for s in f.sides]) for f in report.findings]
    assert found == [
        ("different figures", "GPU allocation NVIDIA → Korean private sector", [
            ("exactly 200,000 GPUs", ["newsis-20251101"]),
            ("exactly 210,000 GPUs", ["news1-20251031"])]),
        ("same figure, different qualifier", "GPU allocation NVIDIA → Korean public sector", [
            ("about 50,000 GPUs", ["news1-20251031", "newsis-20251101"]),
            ("up to 50,000 GPUs", ["unknown-20251031"])]),
        ("same figure, different qualifier", "GPU allocation NVIDIA → Republic of Korea", [
            ("at least 260,000 GPUs", ["mt-20251031", "news1-20251031", "newsis-20251101"]),
            ("exactly 260,000 GPUs", ["asiae-20251103", "mt-20251031", "news1-20251031", "newsis-20251101",
                                      "unknown-20251031"]),
            ("up to 260,000 GPUs", ["unknown-20251031"])]),
        ("same figure, different qualifier", "GPU allocation NVIDIA → Samsung Electronics", [
            ("at least 50,000 GPUs", ["unknown-20251031"]),
            ("exactly 50,000 GPUs", ["asiae-20251103"])]),
        ("different GPU models", "GPUs NVIDIA → Republic of Korea", [
            ("NVIDIA Blackwell", ["asiae-20251103", "newsis-20251101"]),
            ("NVIDIA Blackwell, NVIDIA GB200 Grace Blackwell", ["unknown-20251031"])]),
        ("same figure, different qualifier", "investment by Hyundai Motor Group, NVIDIA", [
            ("about USD 3,000,000,000", ["unknown-20251031"]),
            ("exactly USD 3,000,000,000", ["mt-20251031"])]),
    ]


def test_private_sector_disagreement_names_both_sources_and_facts(report):
    private = report.findings[0]
    assert [s.facts for s in private.sides] == [["alloc-private-200k-newsis"], ["alloc-private-210k-news1"]]
    assert private.sides[0].sources == ["Newsis, 2025-11-01 [newsis-20251101]"]
    assert private.sides[1].sources == ["News1, 2025-10-31 [news1-20251031]"]


def test_sums_per_source_exactly(report):
    found = [(re.search(r"\[(.+)\]", s.source)[1], s.total_fact, [(label, n) for label, n, _ in s.parts], s.parts_sum,
              s.verdict) for s in report.sums]
    assert found == [
        ("asiae-20251103", "alloc-total-260k-exact",
         [("Naver Cloud", 60000), ("Government of the Republic of Korea", 50000), ("Hyundai Motor Group", 50000),
          ("SK Group", 50000), ("Samsung Electronics", 50000)], 260000, "adds up"),
        ("news1-20251031", "alloc-total-260k-atleast",
         [("Korean private sector", 210000), ("Korean public sector", 50000)], 260000, "adds up"),
        ("newsis-20251101", "alloc-total-260k-atleast",
         [("Korean private sector", 200000), ("Korean public sector", 50000)], 250000, "does not add up"),
        ("unknown-20251031", "alloc-total-260k-upto",
         [("Hyundai Motor Group", 50000), ("Korean public sector", 50000), ("Samsung Electronics", 50000)], 150000,
         "within the bound"),
    ]
    assert report.sums[2].detail == "the shares fall short of the lower bound by 10,000"
    assert report.sums[3].detail == "110,000 of the upper bound are not broken down"


def test_conflict_count_and_text(report):
    assert report.conflicts == 7
    text = report.text()
    assert "✗ does not add up: the shares fall short of the lower bound by 10,000" in text
    assert text.endswith("7 conflict(s): 6 disagreement(s), 1 sum(s) that do not add up.")


def test_same_answer_on_rdflib_engine(seeds):
    from kg.graph import build_dataset

    assert conflicts(build_dataset(seeds, store="Oxigraph")).to_dict() == conflicts(build_dataset(seeds)).to_dict()
