"""kg neighbors, path, explain, stats, sources and conflicts with --lang ko print Korean: no English words of kg's own
(and kg view, kg network and kg query's footer say their lines in Korean).

What may stay Latin, and is stripped before the check:
- ids: entity, fact and source ids (every kg: local name in the graph), wherever they stand;
- codes, model names and units: tokens without a lowercase letter (GPU, GB200, HBM3E, MOU, APEC, SK, USD);
- the seed data's own English: fact and citation notes, amounts in words (kgo:amountText) and curators' inference
  reasons (no Korean text exists for them), the inferred field's name, and the English label printed on purpose
  after "다른 이름:"; and Korean labels, whole (a Korean label may hold an abbreviation: "공동 전문가 조직(CoE)").
After that, no run of three or more Latin letters may remain. And no entity is named by its English label when it
has a Korean one (the check above would let all-capitals English names like "NVIDIA" through).
"""
from __future__ import annotations

import re

import pytest
from click.testing import CliRunner
from conftest import SEEDS
from rdflib import URIRef

from kg import api, network
from kg.cli import main
from kg.ontology import KG, KGO

COMMANDS = [
    ("neighbors", "네이버클라우드"),
    ("neighbors", "nvidia"),
    ("neighbors", "nvidia", "--include", "people,products,projects"),   # "(제품, 협력 … 경유)" links
    ("path", "네이버클라우드", "삼성전자"),
    ("path", "korea-private-sector", "nvidia"),
    ("explain", "naver-cloud"),
    ("explain", "nvidia"),
    ("explain", "--source", "asiae-20251103"),
    ("stats",),
    ("sources",),
    ("conflicts",),
]


@pytest.fixture(scope="module")
def data():
    return read_data()


def read_data():
    """(every kg: id, id -> (English label, Korean label), the seeds' English prose the commands print)."""
    ds = api.open_data(SEEDS)
    ids = {str(t)[len(str(KG)):] for t in ds.all_nodes() if isinstance(t, URIRef) and str(t).startswith(str(KG))}
    G = api.partnership_network(ds, include=("people", "products", "projects"))
    labels = {n: (d["label_en"], d["label_ko"]) for n, d in G.nodes(data=True)}
    labels.update({k: (v["en"], v["ko"]) for k, v in G.graph["terms"].items()})
    texts: set[str] = set()   # the seeds' English prose, printed as it is
    texts.update(str(o) for o in ds.objects(None, KGO.amountText))
    for _, _, d in G.edges(data=True):
        texts.update(f"{name}: {reason}" for name, reason in d.get("inferred", {}).items())
    for args in COMMANDS:
        if args[0] != "explain":
            continue
        claims = (api.claims_of_source(ds, args[2], "ko") if args[1] == "--source"
                  else api.explain(ds, args[1], "ko").claims)
        for c in claims:
            texts.update(x for x in [c.note, *(r.note for r in c.sources)] if x)
            texts.update(f"{name}: {reason}" for name, reason in c.inferred.items())
    return ids, labels, texts


def run_ko(*args) -> str:
    result = CliRunner().invoke(main, [*args, "--lang", "ko", "--seeds", str(SEEDS)])
    assert result.exit_code == 0, result.output
    return result.output


def strip_prose(text: str, texts: set[str]) -> str:
    text = re.sub(r"(?m)^ *다른 이름: .*$", "", text)
    for prose in sorted(texts, key=len, reverse=True):
        text = text.replace(prose, "")
    return text


def strip_allowed(text: str, ids: set[str], texts: set[str]) -> str:
    text = strip_prose(text, texts)
    # ids with a hyphen or digit ("naver-cloud", "asiae-20251103") anywhere; one-word ids ("nvidia", which might
    # also be an English word) only where an id stands: "(nvidia, 기업)", "[nvidia]"
    coded = "|".join(re.escape(i) for i in sorted(ids, key=len, reverse=True) if re.search(r"[-0-9]", i))
    text = re.sub(rf"(?<![A-Za-z0-9-])(?:{coded})(?![A-Za-z0-9-])", "", text)
    words = "|".join(re.escape(i) for i in sorted(ids, key=len, reverse=True) if not re.search(r"[-0-9]", i))
    text = re.sub(rf"(?<=[(\[])(?:{words})(?=[,)\]])", "", text)
    # codes, model names, units: no lowercase letter (Hangul may follow: "GPU와", "IMM인베스트먼트")
    return re.sub(r"(?<![A-Za-z0-9])[A-Z0-9][A-Z0-9-]*(?![A-Za-z0-9])", "", text)


@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
def test_korean_output_has_no_english_words(args, data):
    ids, labels, texts = data
    out = run_ko(*args)
    korean_labels = {ko for _, ko in labels.values() if re.search(r"[가-힣]", ko)}   # "공동 전문가 조직(CoE)"
    left = strip_allowed(out, ids, texts | korean_labels)
    words = re.findall(r"[A-Za-z]{3,}", left)
    assert not words, (words, [line for line in left.splitlines() if re.search(r"[A-Za-z]{3,}", line)])
    shown = strip_prose(out, texts)
    for en, ko in labels.values():
        if en != ko and not re.search(r"[가-힣]", en):
            assert not re.search(rf"(?<![A-Za-z0-9-]){re.escape(en)}(?![A-Za-z0-9-])", shown), en


def test_korean_key_lines():
    out = run_ko("neighbors", "네이버클라우드").splitlines()
    assert out[0] == "네이버클라우드 (naver-cloud, 기업): 파트너 1곳"
    assert out[2] == "  엔비디아 (nvidia, 기업): 관계 2개"
    assert out[3] == "    양해각서(MOU) mou-naver-cloud-nvidia: 체결"
    assert out[5] == ("    GPU 공급 배정 alloc-naver-cloud-60k-asiae: 엔비디아 → 네이버클라우드 GPU 배정; 2025-10-31; "
                      "60,000 GPU; 제품: 블랙웰")
    assert out[6] == "        출처: 아시아경제, 2025-11-03 (10번째 문단)"
    assert out[7].startswith("        ⚠ 출처끼리 모순 (GPU 배분 엔비디아 → 민간 부문 (거래 엔비디아 → 대한민국)): "
                             "200,000 GPU [195,000, 205,000) — 뉴시스, 2025-11-01 [newsis-20251101]; ")
    assert ("— 명시 수치 200,000와(과) 210,000는 동시에 참일 수 없음: [195,000, 205,000)와(과) [205,000, 215,000)가 "
            "겹치지 않음;") in out[7]
    assert out[8].endswith("— GB200 그레이스 블랙웰은(는) 블랙웰 제품군: 같은 GPU를 더 구체적으로 부른 것")
    path = run_ko("path", "네이버클라우드", "삼성전자").splitlines()
    assert path[0] == "네이버클라우드 → 삼성전자: 링크 2개짜리 최단 경로 1개"
    explain = run_ko("explain", "naver-cloud").splitlines()
    assert explain[2] == "  파트너 1곳 (관계 수): 엔비디아 (2)"
    assert explain[5] == ("* GPU 공급 배정: 엔비디아 → 네이버클라우드: 60,000 GPU, 블랙웰 2025-10-31 [역할: 수령자]  "
                          "(alloc-naver-cloud-60k-asiae)")
    assert any(line.startswith("    출처: 출처 불명, 2025-10-31, ")
               and line.endswith(", 32번째 문단 [unknown-20251031]") for line in explain)


def test_korean_stats_key_lines():
    lines = run_ko("stats").splitlines()
    assert lines[0] == "네트워크: 노드 29개, 연결 82개 (사실 47건)"
    assert lines[1].startswith("  유형별 노드:  ") and "기업 13" in lines[1]
    assert "   1. 엔비디아 (nvidia): 파트너 24곳, 관계 52개" in lines
    assert any(line.startswith("군집 (탐욕적 모듈성): ") for line in lines)


def test_korean_lines_of_view_network_sources_and_query(tmp_path):
    out = run_ko("view", "-o", str(tmp_path / "ko.html"))
    assert out.startswith(f"{tmp_path / 'ko.html'} 파일을 썼습니다 (노드 29개, 링크 82개, ") and "bytes" not in out
    out = run_ko("network", "-o", str(tmp_path / "ko.gexf"))
    assert out.endswith("파일을 썼습니다 (gexf, 노드 29개, 링크 82개)\n")
    assert "  사실 35건" in run_ko("sources").splitlines()[0]
    result = CliRunner().invoke(main, ["query", "gpu-allocations", "--max-rows", "3", "--lang", "ko",
                                       "--seeds", str(SEEDS)])
    assert result.exit_code == 0 and result.stderr.splitlines() == [
        "3행", "답이 3행보다 많아 처음 3행만 보여 줌 — 질의를 좁히거나 --max-rows를 늘리세요 (0이면 전부)"]


ERRORS = [
    ("neighbors", "삼송"), ("neighbors", "nvdia"), ("neighbors", "Jensen Huang"),
    ("neighbors", "kisti", "--kind", "mou"),
    ("neighbors", "kisti", "--source", "mt-20251031"), ("neighbors", "nvidia", "--source", "news1-2025"),
    ("neighbors", "nvidia", "--kind", "zzz"), ("neighbors", "nvidia", "--include", "zzz"),
    ("neighbors", "nvidia", "--kind", "position"), ("neighbors", "asiae-20251103"),
    ("path", "nvidia", "nvidia"), ("path", "LG Electronics", "KISTI", "--exclude", "nvidia", "--signed-only"),
    ("path", "kisti", "nvidia", "--exclude", "kisti"),
    ("explain", "삼송"), ("explain", "nvdia"), ("explain", "--source", "news1"), ("explain",),
    ("query", "gpu-allocations", "-p", "source=asiae"), ("query", "gpu-allocations", "-p", "source=nvidia"),
    # kg query: a bad parameter, an unknown query, an unknown kgo: term, a time limit, what it refuses
    ("query", "gpu-allocations", "-p", "org=nvdia"), ("query", "gpu-targets", "-p", "year=2025"),
    ("query", "gpu-alocations"), ("query", "no-such-query"),
    ("query", "-e", "SELECT ?x { ?x kgo:partyy ?y }"), ("query", "-e", "SELECT ?x { ?x ?p ?y }", "-p", "z=1"),
    ("query", "central-organisations", "--timeout", "0.000001"),
    ("query", "-e", "SELECT * { ?s ?p ?o }", "-f", "turtle"), ("query", "-e", "INSERT DATA { <a:b> <a:c> <a:d> }"),
    ("query", "-e", "SELECT * { SERVICE <http://example.org/sparql> { ?s ?p ?o } }"),
    ("query", "-e", "SELECT * FROM <http://example.org/g> { ?s ?p ?o }"),
]
#: The named queries' names, which errors and kg queries show.
QUERY_NAMES = [q.name for q in api.list_queries()]


def english_words(output: str, ids: set[str], labels: dict) -> list[str]:
    """The English words left in kg's output once what may stay Latin is taken out: what was typed, options,
    commands, IRIs and prefixed names, ids, codes, data labels, option values, relation kinds and query names."""
    left = re.sub(r"'[^']*'|--[a-z-]+|`?kg [a-z]+`?|\S+=\S+|<[^<>\s]*>|\b[a-z]+:[\w-]+", "", output)
    queries = "|".join(re.escape(q) for q in sorted(QUERY_NAMES, key=len, reverse=True))
    left = re.sub(rf"(?<![A-Za-z0-9-])(?:{queries})(?![A-Za-z0-9-])", "", left)
    left = strip_allowed(left, ids, {en for en, _ in labels.values()} | {ko for _, ko in labels.values()})
    left = re.sub(r"(?<![A-Za-z])(people|products|projects|gexf|graphml|csv|kumu|source|org|table|tsv|json|xml)"
                  r"(?![A-Za-z])", "", left)  # option values (Hangul may follow)
    names = sorted([*network.KINDS, *ids], key=len, reverse=True)   # relation kinds and ids, which errors list
    left = re.sub(r"(?<![A-Za-z0-9-])(?:" + "|".join(re.escape(k) for k in names) + r")(?![A-Za-z0-9-])", "", left)
    return re.findall(r"[A-Za-z]{3,}", left)


@pytest.mark.parametrize("args", ERRORS, ids=" ".join)
def test_korean_error_messages_have_no_english_words(args, data):
    """A name, kind or source that names nothing, or the wrong kind of thing, is said in Korean with --lang ko:
    only ids, what was typed, option names, command names and data labels stay Latin."""
    ids, labels, _ = data
    result = CliRunner().invoke(main, [*args, "--lang", "ko", "--seeds", str(SEEDS)])
    assert result.exit_code != 0 and re.search(r"[가-힣]", result.output), result.output
    assert not english_words(result.output, ids, labels), result.output


def test_a_syntax_error_is_framed_in_korean_around_the_engines_words(data):
    """The engine's own message stays as it wrote it; kg's frame and advice around it, and the prefix hint, are
    Korean."""
    result = CliRunner().invoke(main, ["query", "-e", "SELECT ?x {", "--lang", "ko", "--seeds", str(SEEDS)])
    first = result.output.splitlines()[0]
    assert result.exit_code == 4 and first.startswith("<-e>:1:12: SPARQL 구문 오류: ") and first.endswith(
        " — 질의를 고치세요"), result.output
    assert result.output.splitlines()[1:] == ["    SELECT ?x {", "               ^"]
    result = CliRunner().invoke(main, ["query", "-e", "SELECT * { ?s <http://x/y> zz:q }", "--lang", "ko",
                                       "--seeds", str(SEEDS)])
    assert result.exit_code == 4 and result.output.startswith(
        "<-e>:1:28: SPARQL 구문 오류: 알 수 없는 접두어 'zz:' — PREFIX zz: <…>로 선언하거나 다음 중 하나를 쓰세요: "
        "dcterms, "), result.output


def test_korean_list_of_named_queries(data):
    """kg queries --lang ko (and kg --lang ko queries): Korean titles and parameter descriptions; only names, ids,
    codes and parameter names stay Latin."""
    ids, labels, _ = data
    result = CliRunner().invoke(main, ["queries", "--lang", "ko"])
    assert result.exit_code == 0 and result.output == CliRunner().invoke(main, ["--lang", "ko", "queries"]).output
    assert len(re.findall(r"(?m)^\S", result.output)) == len(QUERY_NAMES)
    assert not english_words(result.output, ids, labels), result.output
    assert "--param source=(생략 가능)  이 출처가 밝힌 배정만" in result.output
    one = CliRunner().invoke(main, ["queries", "gpu-allocations", "--lang", "ko"]).output.splitlines()
    assert one[0].startswith("gpu-allocations: GPU ") and "매개변수:" in one and "  org = kg:nvidia  — 공급사" in one
    for name in QUERY_NAMES:  # kg queries NAME: the header in Korean (column names, files and values quoted)
        header = CliRunner().invoke(main, ["queries", name, "--lang", "ko"]).output.split("\n파일: ")[0]
        assert not english_words(re.sub(r'`[^`]*`|"[^"]*"|kg/\S+', "", header), ids, labels), header
    english = CliRunner().invoke(main, ["queries"]).output
    assert not re.search(r"[가-힣]", english) and "--param source=(optional)  only the allocations this source " \
        "states" in english
