"""kg conflicts on the seeds, as a fact-checker judges them: every finding and its verdict, the per-source sums,
the JSON contract, and new sources that contradict (SK Group 60,000) or agree (more than 250,000 in total)."""

from __future__ import annotations

import json
import shutil

import pytest
from click.testing import CliRunner
from conftest import SEEDS

from kg.conflicts import conflicts


@pytest.fixture(scope="module")
def report(dataset):
    return conflicts(dataset)


def summary(report):
    """(verdict, kind, subject, [(number or model, qualifier, sources, sum_of?)]) per finding."""
    return [(f.verdict, f.kind, f.subject,
             [(v.model or v.number, v.qualifier, [s["id"] for s in v.sources], v.sum_of is not None)
              for v in f.values]) for f in report.findings]


def test_every_finding_and_verdict(report):
    assert summary(report) == [
        ("contradiction", "gpu-allocation", ["nvidia", "korea-private-sector"], [
            (200000, "stated", ["newsis-20251101"], False),
            (210000, "stated", ["news1-20251031"], False),
            (210000, "stated", ["asiae-20251103"], True)]),          # Asia Economy's four company shares
        ("consistent", "gpu-allocation", ["nvidia", "korea-public-sector"], [
            (50000, "about", ["news1-20251031", "newsis-20251101"], False),
            (50000, "up-to", ["unknown-20251031"], False),
            (50000, "stated", ["asiae-20251103"], True)]),           # the government's share, one level below
        ("consistent", "gpu-allocation", ["nvidia", "republic-of-korea"], [
            (260000, "at-least", ["mt-20251031", "news1-20251031", "newsis-20251101"], False),
            (260000, "stated", ["asiae-20251103", "mt-20251031", "news1-20251031", "newsis-20251101",
                                "unknown-20251031"], False),
            (260000, "up-to", ["unknown-20251031"], False)]),
        ("consistent", "gpu-allocation", ["nvidia", "samsung-electronics"], [
            (50000, "at-least", ["unknown-20251031"], False),
            (50000, "stated", ["asiae-20251103"], False)]),
        ("consistent", "gpu-model", ["nvidia", "republic-of-korea"], [
            ("blackwell", None, ["asiae-20251103", "unknown-20251031"], False),
            ("gb200-grace-blackwell", None, ["unknown-20251031"], False)]),
        ("consistent", "investment", ["hyundai-motor-group", "nvidia"], [
            (3000000000, "about", ["unknown-20251031"], False),
            (3000000000, "stated", ["mt-20251031"], False)]),
    ]


def test_the_contradiction_says_why_and_which_side_each_source_is_on(report):
    private = report.findings[0]
    assert private.reason.startswith("200,000 and 210,000 as stated cannot both hold: [195,000, 205,000) and "
                                     "[205,000, 215,000) do not overlap")
    assert private.sides == [[0], [1, 2]]          # Newsis alone; News1 with Asia Economy's shares
    assert private.values[2].facts == ["alloc-hyundai-50k-asiae", "alloc-naver-cloud-60k-asiae",
                                       "alloc-samsung-50k-asiae", "alloc-sk-50k-asiae"]
    assert private.values[0].sources == [{"id": "newsis-20251101", "paragraphs": [10, 13]}]
    assert private.values[0].bounds == {"min": 195000, "min_inclusive": True, "max": 205000, "max_inclusive": False}


def test_consistent_findings_say_which_values_all_allow(report):
    reasons = {(f.kind, *f.subject): f.reason for f in report.findings if f.verdict == "consistent"}
    assert "{260,000}" in reasons[("gpu-allocation", "nvidia", "republic-of-korea")]
    assert "[45,000, 50,000]" in reasons[("gpu-allocation", "nvidia", "korea-public-sector")]
    assert "is a NVIDIA Blackwell product" in reasons[("gpu-model", "nvidia", "republic-of-korea")]


def test_sums_per_source(report):
    assert [(s.source, s.total_fact, s.parts_sum, s.verdict, s.complete, s.own_total) for s in report.sums] == [
        ("news1-20251031", "alloc-total-260k-atleast", 260000, "consistent", True, False),
        ("newsis-20251101", "alloc-total-260k-atleast", 250000, "contradiction", True, True),
        ("asiae-20251103", "alloc-total-260k-exact", 260000, "consistent", True, False),
        ("unknown-20251031", "alloc-total-260k-exact", 50000, "consistent", False, False),
        ("unknown-20251031", "alloc-total-260k-upto", 100000, "consistent", False, False),
    ]
    newsis = report.sums[1]
    assert newsis.bounds == {"min": 240000, "min_inclusive": True, "max": 260000, "max_inclusive": False}
    assert newsis.reason.endswith("the source contradicts its own total")


def test_contradictions_are_what_counts(report):
    assert report.conflicts == 2
    text = report.text()
    head, quiet = text.split("Sources agree, worded differently")
    assert "Korean private sector" in head and "newsis-20251101" in head
    assert "Republic of Korea\n" not in head
    assert "GB200" in quiet and "USD" in quiet
    assert text.splitlines()[-1] == ("2 contradictions: 1 between figures, 1 in sums; "
                                     "9 consistent differences, not counted.")



def test_summary_counts_in_the_singular():
    from kg.text import tr

    line = tr("conflicts summary", n=1, figures=1, sums=0, consistent=1)
    assert line == "1 contradiction: 1 between figures, 0 in sums; 1 consistent difference, not counted."

def test_korean_text(dataset):
    text = conflicts(dataset, "ko").text()
    assert text.startswith("모순 (모든 주장이 동시에 참일 수 없음)")
    assert "명시 수치 200,000와(과) 210,000는 동시에 참일 수 없음" in text
    assert "표현만 다르고 서로 맞음" in text


def test_json_contract():
    from kg.cli import main

    result = CliRunner().invoke(main, ["conflicts", "--format", "json", "--seeds", str(SEEDS)])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert set(data) == {"findings", "sums"}
    for f in data["findings"]:
        assert f["verdict"] in ("contradiction", "consistent")
        assert f["kind"] and f["subject"] and all(isinstance(x, str) for x in f["subject"])
        for v in f["values"]:
            assert ("number" in v) != ("model" in v)
            assert {"qualifier", "bounds", "sources"} <= set(v)
            assert all(set(s) == {"id", "paragraphs"} for s in v["sources"])
    strict = CliRunner().invoke(main, ["conflicts", "--strict", "--seeds", str(SEEDS)])
    assert strict.exit_code == 3  # the graph fails a check (kg.errors.EXIT_CODES)


def _with_source(tmp_path, facts: str):
    from kg.graph import build_dataset
    from kg.scaffold import new_source
    from kg.seeds import load_seeds

    target = tmp_path / "seeds"
    shutil.copytree(SEEDS, target)
    texts = tmp_path / "texts"  # a copy of the article texts, with the new source's text beside them
    shutil.copytree((SEEDS / "../../shared/seeds").resolve(), texts)
    (texts / "daily-20251102.txt").write_text("후속 기사\n" * 40, encoding="utf-8")
    text = (target / "sources.yaml").read_text(encoding="utf-8")
    (target / "sources.yaml").write_text(text.replace("texts: ../../shared/seeds", f"texts: {texts}"),
                                         encoding="utf-8")
    _, facts_file = new_source(target, "daily-20251102", date="2025-11-02", label_en="Daily", label_ko="일간")
    facts_file.write_text("source: daily-20251102\nfacts:\n" + facts, encoding="utf-8")
    return conflicts(build_dataset(load_seeds(target)))


def test_a_source_giving_sk_60000_contradicts(tmp_path):
    report = _with_source(tmp_path, """\
  - id: alloc-sk-60k-daily
    kind: gpu-allocation
    supplier: nvidia
    recipient: sk-group
    gpus: 60000
    part_of: alloc-total-260k-exact
    para: 1
    note: SK Group gets 60,000
""")
    sk = [f for f in report.findings if f.subject == ["nvidia", "sk-group"]]
    assert [(f.verdict, [(v.number, v.qualifier) for v in f.values]) for f in sk] == [
        ("contradiction", [(50000, "stated"), (60000, "stated")])]
    assert sk[0].reason.startswith("50,000 and 60,000 as stated cannot both hold")
    assert report.conflicts == 3


def test_a_source_giving_more_than_250000_in_total_is_consistent(tmp_path):
    report = _with_source(tmp_path, """\
  - id: alloc-total-250k-morethan-daily
    kind: gpu-allocation
    supplier: nvidia
    recipient: republic-of-korea
    gpus: 250000
    qualifier: more-than
    para: 1
    note: more than 250,000 in total
""")
    total = [f for f in report.findings if f.subject == ["nvidia", "republic-of-korea"] and f.kind == "gpu-allocation"]
    assert [(f.verdict, [(v.number, v.qualifier) for v in f.values]) for f in total] == [
        ("consistent", [(250000, "more-than"), (260000, "at-least"), (260000, "stated"), (260000, "up-to")])]
    assert report.conflicts == 2
