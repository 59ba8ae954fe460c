"""Adding a source: the scaffold, then a new fact and a contradicting one that kg build and kg conflicts pick up."""

from __future__ import annotations

import shutil

import pytest
from conftest import SEEDS

from kg.conflicts import conflicts
from kg.errors import KgError
from kg.scaffold import new_source
from kg.seeds import load_seeds


@pytest.fixture()
def seed_copy(tmp_path):
    target = tmp_path / "seeds"
    shutil.copytree(SEEDS, target)
    # the article texts are beside the real seeds only; point the copy at a copy of them, where a new
    # source's text can be added (a cited article without its text is a problem: its paragraphs go unchecked)
    texts = tmp_path / "texts"
    shutil.copytree((SEEDS / "../../shared/seeds").resolve(), texts)
    (texts / "yonhap-20251102.txt").write_text("연합뉴스 후속 기사\n" * 40, encoding="utf-8")
    text = (target / "sources.yaml").read_text(encoding="utf-8")
    (target / "sources.yaml").write_text(text.replace("texts: ../../shared/seeds", f"texts: {texts}"),
                                         encoding="utf-8")
    return target


def test_scaffold_creates_a_source_that_builds(seed_copy):
    sources_file, facts_file = new_source(seed_copy, "yonhap-20251102", date="2025-11-02", publisher="yonhap",
                                          label_en="Yonhap: follow-up", label_ko="연합뉴스: 후속 보도",
                                          title="엔비디아 후속 기사")
    assert facts_file == seed_copy / "facts" / "yonhap-20251102.yaml"
    assert "source: yonhap-20251102" in facts_file.read_text(encoding="utf-8")
    seeds = load_seeds(seed_copy)
    assert seeds.sources["yonhap-20251102"].values["title"] == "엔비디아 후속 기사"
    assert seeds.sources["yonhap-20251102"].values["publisher"] == "yonhap"
    assert len(seeds.facts) == len(load_seeds(SEEDS).facts)


@pytest.mark.parametrize("kwargs,message", [
    ({"ident": "Yonhap 1"}, "bad source id 'Yonhap 1'"),
    ({"date": "2 Nov 2025"}, "bad date '2 Nov 2025' — write it as YYYY-MM-DD"),
    ({"ident": "news1-20251031"}, "already exists — choose another id"),
])
def test_scaffold_refuses_bad_input_and_writes_nothing(seed_copy, kwargs, message):
    before = (seed_copy / "sources.yaml").read_bytes()
    args = {"ident": "yonhap-20251102", "date": "2025-11-02", "label_en": "x", "label_ko": "엑스", **kwargs}
    ident = args.pop("ident")
    with pytest.raises(KgError, match=message):
        new_source(seed_copy, ident, **args)
    assert (seed_copy / "sources.yaml").read_bytes() == before


NEW_FACTS = """\
source: yonhap-20251102
facts:
  - id: alloc-naver-cloud-70k-yonhap
    kind: gpu-allocation
    supplier: nvidia
    recipient: naver-cloud
    gpus: 70000
    part_of: alloc-total-260k-exact
    para: 2
    note: a different figure for Naver Cloud than Asia Economy's
  - id: mou-kt-nvidia-yonhap
    kind: agreement
    type: mou
    parties: [kt, nvidia]
    status: signed
    para: 3
    note: a new two-party MOU
"""


def test_new_source_with_a_new_fact_and_a_contradiction(seed_copy):
    from kg.graph import build_dataset

    _, facts_file = new_source(seed_copy, "yonhap-20251102", date="2025-11-02", publisher="yonhap",
                               label_en="Yonhap: follow-up", label_ko="연합뉴스: 후속 보도")
    facts_file.write_text(NEW_FACTS, encoding="utf-8")
    seeds = load_seeds(seed_copy)
    assert {"alloc-naver-cloud-70k-yonhap", "mou-kt-nvidia-yonhap"} <= set(seeds.facts)
    report = conflicts(build_dataset(seeds, store="Oxigraph"))
    naver = [f for f in report.findings if f.subject == ["nvidia", "naver-cloud"]]
    assert len(naver) == 1
    assert naver[0].verdict == "contradiction"
    assert [(v.number, v.qualifier, [s["id"] for s in v.sources]) for v in naver[0].values] == [
        (60000, "stated", ["asiae-20251103"]), (70000, "stated", ["yonhap-20251102"])]
    assert naver[0].reason.startswith("60,000 and 70,000 as stated cannot both hold")
    # Sums are checked per source: the new article states a share but no total, so it adds no sum check,
    # and Asia Economy's own shares still fit every figure for the total.
    assert not [s for s in report.sums if s.source == "yonhap-20251102"]
    asiae = [s for s in report.sums if s.source == "asiae-20251103"]
    assert [(s.parts_sum, s.verdict) for s in asiae] == [(260000, "consistent")]
