"""The SPARQL query library (kg/query/, queries/*.rq): every named query's answer on the seed graph,
checked against the articles (../shared/seeds/*.txt) and the seed records; both engines agree;
parameters are bound as RDF terms; errors say where; results come out in the W3C formats."""

from __future__ import annotations

import csv
import io
import json
import re
from collections import Counter
from datetime import date
from decimal import Decimal
from xml.etree import ElementTree as ET

import pyoxigraph
import pytest
from rdflib import Literal
from rdflib.plugins.sparql.results.jsonresults import JSONResultParser
from rdflib.plugins.sparql.results.tsvresults import TSVResultParser
from rdflib.plugins.sparql.results.xmlresults import XMLResultParser

from kg import ontology
from kg.engine import rdflib_rows
from kg.errors import QueryError
from kg.graph import build_dataset
from kg.ontology import KG, KGO
from kg.query import bind, filter_only, get_query, list_queries, parse_named_query, run_query, sparql, sparql_file
from kg.serialize import serialize

NAMES = [q.name for q in list_queries()]
HANGUL = re.compile("[가-힣]")


def table(result, *columns):
    """The chosen columns of every row, IRIs of the graph shortened to their ids."""
    def short(v):
        return v[len(str(KG)):] if isinstance(v, str) and v.startswith(str(KG)) else v
    return [tuple(short(row[c]) for c in columns) for row in result.rows]


# --------------------------------------------------------------------------------------------------
# The query files
# --------------------------------------------------------------------------------------------------

def test_every_competency_question_has_a_named_query():
    questions = {q.question for q in list_queries()}
    assert set(range(1, 15)) <= questions
    assert len(NAMES) >= 14
    assert {"gpu-allocations", "conflicting-figures", "agreements", "government-roles", "investments", "people",
            "common-partners", "source-claims", "products", "projects", "gpu-targets", "partner-paths",
            "central-organisations", "allocation-sums"} <= set(NAMES)


@pytest.mark.parametrize("name", NAMES)
def test_query_file_header_and_shape(name):
    q = get_query(name)
    assert q.title and q.description and q.question
    assert HANGUL.search(q.title_ko) and q.heading("ko") == q.title_ko and q.heading("en") == q.title, \
        "give the title's Korean form in a '# ko:' line after it"
    assert all(HANGUL.search(p.doc_ko) for p in q.params), "give each parameter's Korean form in a '# ko:' line"
    assert HANGUL.search(q.description_ko) and q.about("ko") == q.description_ko and q.about("en") == q.description
    assert re.search(r"^ORDER BY ", q.text, re.M), "every named query orders its rows"
    for p in q.params:
        assert re.search(rf"\?{p.name}\b", q.text.split("\nPREFIX", 1)[1]), f"?{p.name} is not used"
        assert p.optional or p.kind == "entity"


def test_a_korean_line_must_follow_what_it_translates(tmp_path):
    path = tmp_path / "stray.rq"
    path.write_text("# Title\n# ko: 제목\n# question: 1\n# ko: 떠도는 줄\nSELECT * WHERE { ?s ?p ?o }\n",
                    encoding="utf-8")
    with pytest.raises(QueryError) as caught:
        parse_named_query(path)
    assert str(caught.value).startswith(f"{path}:4: a '# ko:' line follows neither the title, the description nor")
    assert caught.value.text("ko").startswith(f"{path}:4: '# ko:' 줄이 제목, 설명, 매개변수 줄 바로 뒤에 있지 않습니다")
    path.write_text("# Title\n#\n# What it\n# answers.\n# ko: 무엇에\n# ko: 답하는가.\n#\n"
                    "# param: org = kg:nvidia — the org\n# ko: 기관\n"
                    "SELECT * WHERE { VALUES ?org { kg:nvidia } ?org ?p ?o }\n", encoding="utf-8")
    q = parse_named_query(path)
    assert (q.heading("ko"), q.params[0].describe("ko"), q.params[0].describe("en")) == ("Title", "기관", "the org")
    assert (q.about("en"), q.about("ko")) == ("What it answers.", "무엇에 답하는가.")


@pytest.fixture(scope="module")
def bare_store(seeds):
    """The seed graph in a pyoxigraph store used directly, without rdflib or kg in between."""
    store = pyoxigraph.Store()
    store.load(serialize(build_dataset(seeds), "nquads"), format=pyoxigraph.RdfFormat.N_QUADS)
    return store


@pytest.mark.parametrize("name", NAMES)
def test_query_file_runs_unmodified_in_pyoxigraph(name, bare_store, ox):
    """Each file runs as it is in any SPARQL tool — here pyoxigraph itself, no prefixes predeclared, the union
    default graph — and answers what `kg query NAME` does with the defaults: one row per answer, in English."""
    q = get_query(name)
    rows = rdflib_rows(tuple(s) for s in bare_store.query(q.text, use_default_graph_as_union=True))
    assert len(rows) == len(set(rows)), "a row comes twice"
    assert rows == run_query(ox, name).terms


@pytest.mark.parametrize("name", NAMES)
def test_query_file_runs_unmodified_in_rdflib(name, dataset, ox):
    """The same in rdflib's own engine (a Dataset whose default graph is the union of its graphs)."""
    q = get_query(name)
    rows = [tuple(row) for row in dataset.query(q.text)]
    assert len(rows) == len(set(rows)), "a row comes twice"
    assert len(rows) == len(run_query(ox, name))


def test_the_values_row_must_hold_the_declared_defaults(tmp_path):
    path = tmp_path / "q.rq"
    path.write_text("# Q: a query\n# param: org = kg:nvidia — who\nPREFIX kg: <https://w3id.org/ai-partnerships/id/>\n"
                    "SELECT ?x WHERE {\n  VALUES ?org { kg:kt }\n  ?x ?p ?org\n} ORDER BY ?x\n", encoding="utf-8")
    with pytest.raises(QueryError, match=r"q\.rq:4: the WHERE clause has no VALUES row binding \?org to kg:nvidia"):
        parse_named_query(path)
    path.write_text(path.read_text(encoding="utf-8").replace("kg:kt", "kg:nvidia"), encoding="utf-8")
    assert parse_named_query(path).param("org").default == KG["nvidia"]


def test_role_names_are_the_ontology_labels_of_the_properties():
    g = ontology.ontology_graph()
    text = get_query("government-roles").text
    pairs = re.findall(r'\(kgo:(\w+) "(en|ko)" "([^"]+)"\)', text)
    assert len(pairs) == 24
    for prop, lang, label in pairs:
        assert Literal(label, lang=lang) in set(g.objects(KGO[prop], ontology.RDFS.label)), (prop, lang)


# --------------------------------------------------------------------------------------------------
# Both engines give the same answer
# --------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("name", NAMES)
def test_oxigraph_and_rdflib_engines_agree(name, ox, dataset):
    """Oxigraph (the CLI's engine) and rdflib's own engine return the same rows in the same order.

    In Korean only, to keep the suite fast (rdflib's engine takes 0.1-0.8 s a query): the English labels
    take the same path through every query, and Hangul next to ASCII is the harder case for sorting."""
    a = run_query(ox, name, lang="ko")
    b = run_query(dataset, name, lang="ko")
    assert a.vars == b.vars
    assert a.terms == b.terms
    assert a.terms, f"{name} returns nothing on the seeds"


# --------------------------------------------------------------------------------------------------
# Q1 GPU allocations — the figures as the articles print them
# --------------------------------------------------------------------------------------------------

#: (source, recipient, GPUs, qualifier, model, the total it is part of), from the articles:
#: 000 (Money Today) l.3 "GPU 26만장", l.5 "26만장 이상"; 001 (Newsis) l.3/l.18 "26만장", l.9 "26만장 이상",
#: l.10 "약 5만장을 공공 부문에, 20만장을 삼성전자·현대자동차·네이버 등 주요 기업에" (no model: l.22's Blackwell is
#: for the whole deal and not cited);
#: 002 (News1) l.1 "26만 장", l.17 "총 26만 장 이상", l.19 "공공 부문은 약 5만 장", l.21 "나머지 21만 장은 민간";
#: 003 (Asia Economy) l.10 "블랙웰 GPU를 한국 정부에 5만장, 삼성·SK·현대차에 각각 5만장, 네이버클라우드에 6만장";
#: 004 (unattributed) l.1 "26만장", l.8 "최대 26만개 … GB200 그레이스 블랙웰", l.10 "공공 부문에 최대 5만개",
#: l.12 Samsung "5만개 이상", l.26 Hyundai "5만 장의 블랙웰 GPU" (a cite of Asia Economy's fact, the same 50,000).
#: No article hedges a bare figure, so none is "exactly": a plain figure is "as stated".
ALLOCATIONS = [
    ("asiae-20251103", "republic-of-korea", 260000, "as stated", None, None),
    ("asiae-20251103", "naver-cloud", 60000, "as stated", "NVIDIA Blackwell", "alloc-total-260k-exact"),
    ("asiae-20251103", "hyundai-motor-group", 50000, "as stated", "NVIDIA Blackwell", "alloc-total-260k-exact"),
    ("asiae-20251103", "korea-government", 50000, "as stated", "NVIDIA Blackwell", "alloc-total-260k-exact"),
    ("asiae-20251103", "samsung-electronics", 50000, "as stated", "NVIDIA Blackwell", "alloc-total-260k-exact"),
    ("asiae-20251103", "sk-group", 50000, "as stated", "NVIDIA Blackwell", "alloc-total-260k-exact"),
    ("mt-20251031", "republic-of-korea", 260000, "at least", None, None),
    ("mt-20251031", "republic-of-korea", 260000, "as stated", None, None),
    ("news1-20251031", "republic-of-korea", 260000, "at least", None, None),
    ("news1-20251031", "republic-of-korea", 260000, "as stated", None, None),
    ("news1-20251031", "korea-private-sector", 210000, "as stated", None, "alloc-total-260k-atleast"),
    ("news1-20251031", "korea-public-sector", 50000, "about", None, "alloc-total-260k-atleast"),
    ("newsis-20251101", "republic-of-korea", 260000, "at least", None, None),
    ("newsis-20251101", "republic-of-korea", 260000, "as stated", None, None),
    ("newsis-20251101", "korea-private-sector", 200000, "as stated", None, "alloc-total-260k-atleast"),
    ("newsis-20251101", "korea-public-sector", 50000, "about", None, "alloc-total-260k-atleast"),
    ("unknown-20251031", "republic-of-korea", 260000, "as stated", None, None),
    ("unknown-20251031", "republic-of-korea", 260000, "up to", "NVIDIA GB200 Grace Blackwell", None),
    ("unknown-20251031", "hyundai-motor-group", 50000, "as stated", "NVIDIA Blackwell", "alloc-total-260k-exact"),
    ("unknown-20251031", "korea-public-sector", 50000, "up to", None, "alloc-total-260k-upto"),
    ("unknown-20251031", "samsung-electronics", 50000, "at least", None, "alloc-total-260k-upto"),
]


def test_gpu_allocations_per_source_and_recipient(ox):
    result = run_query(ox, "gpu-allocations")
    assert result.vars == ["source", "recipient", "recipientLabel", "gpus", "qualifier", "modelLabel", "partOf",
                           "allocation"]
    assert table(result, "source", "recipient", "gpus", "qualifier", "modelLabel", "partOf") == ALLOCATIONS


def test_gpu_allocations_of_one_source_add_up_to_its_total(ox):
    result = run_query(ox, "gpu-allocations", source="asiae-20251103")
    shares = [row["gpus"] for row in result.rows if row["partOf"]]
    assert sorted(shares) == [50000, 50000, 50000, 50000, 60000]
    assert sum(shares) == 260000


def test_gpu_allocations_in_korean(ox):
    rows = table(run_query(ox, "gpu-allocations", source="asiae-20251103", lang="ko"),
                 "recipientLabel", "gpus", "qualifier", "modelLabel")
    assert rows == [("대한민국", 260000, "명시 수치", None), ("네이버클라우드", 60000, "명시 수치", "블랙웰"),
                    ("현대자동차그룹", 50000, "명시 수치", "블랙웰"), ("대한민국 정부", 50000, "명시 수치", "블랙웰"),
                    ("삼성전자", 50000, "명시 수치", "블랙웰"), ("SK그룹", 50000, "명시 수치", "블랙웰")]


def test_gpu_allocations_of_another_supplier_are_none(ox):
    assert run_query(ox, "gpu-allocations", org="samsung-electronics").rows == []


# --------------------------------------------------------------------------------------------------
# Q2, Q14 — where the sources disagree, and whether the parts add up
# --------------------------------------------------------------------------------------------------

def test_conflicting_private_sector_figures_with_both_sources(ox):
    """Newsis l.10/l.13: 200,000 to major companies; News1 l.21: the remaining 210,000 to the private sector."""
    result = run_query(ox, "conflicting-figures")
    assert table(result, "subject", "gpus", "qualifier", "source", "paragraphs", "fact") == [
        ("korea-private-sector", 200000, "as stated", "newsis-20251101", "10, 13", "alloc-private-200k-newsis"),
        ("korea-private-sector", 210000, "as stated", "news1-20251031", "21", "alloc-private-210k-news1"),
    ]


def test_allocation_sums_per_source(ox):
    """Asia Economy's five shares make 260,000 (l.10); News1's about 50,000 + 210,000 make 260,000 (l.19, l.21);
    Newsis's about 50,000 + 200,000 cannot reach "260,000 or more" (l.9-10); the unattributed article names
    only some recipients (up to 50,000 public and 50,000 or more for Samsung, l.10-12; Hyundai's 50,000 of
    Asia Economy's split, l.26), which stay within every figure for the total."""
    result = run_query(ox, "allocation-sums")
    assert result.vars == ["source", "total", "totalGpus", "qualifier", "shares", "sharesSum", "sumMin", "sumMax",
                           "complete", "verdict"]
    assert table(result, *result.vars) == [
        ("asiae-20251103", "alloc-total-260k-exact", 260000, "as stated", 5, 260000, Decimal(255000),
         Decimal(265000), True, "consistent"),
        ("news1-20251031", "alloc-total-260k-atleast", 260000, "at least", 2, 260000, Decimal(250000),
         Decimal(270000), True, "consistent"),
        ("newsis-20251101", "alloc-total-260k-atleast", 260000, "at least", 2, 250000, Decimal(240000),
         Decimal(260000), True, "contradiction"),
        ("unknown-20251031", "alloc-total-260k-exact", 260000, "as stated", 1, 50000, Decimal(45000),
         Decimal(55000), False, "consistent"),
        ("unknown-20251031", "alloc-total-260k-upto", 260000, "up to", 2, 100000, Decimal(50000), None, False,
         "consistent"),
    ]


def _sums_agree(graph):
    """allocation-sums and `kg conflicts` give every (source, total) the same verdict, bounds and completeness."""
    from kg.conflicts import conflicts

    query = {(r["source"].rsplit("/", 1)[1], r["total"].rsplit("/", 1)[1]):
             (r["verdict"], r["complete"], r["sumMin"], r["sumMax"]) for r in run_query(graph, "allocation-sums").rows}
    report = {(s.source, s.total_fact): (s.verdict, s.complete, Decimal(str(s.bounds["min"])),
                                         None if s.bounds["max"] is None else Decimal(str(s.bounds["max"])))
              for s in conflicts(graph).sums}
    assert query == report
    return query


def test_allocation_sums_and_kg_conflicts_give_the_same_verdict(ox, tmp_path):
    assert [v[0] for v in _sums_agree(ox).values()].count("contradiction") == 1
    # a source whose named share overruns every figure for the total, and a partial list within it
    import shutil

    from conftest import SEEDS

    seeds = tmp_path / "seeds"
    shutil.copytree(SEEDS, seeds)
    (seeds / "facts" / "mt-20251031.yaml").write_text(
        (seeds / "facts" / "mt-20251031.yaml").read_text(encoding="utf-8") +
        "\n  - id: test-share-sk-300k\n    kind: gpu-allocation\n    supplier: nvidia\n    recipient: sk-group\n"
        "    gpus: 300000\n    part_of: alloc-total-260k-atleast\n    para: 12\n    note: a test share\n"
        "\n  - id: test-share-samsung-about-60k\n    kind: gpu-allocation\n    supplier: nvidia\n"
        "    recipient: samsung-electronics\n    gpus: 60000\n    qualifier: about\n"
        "    part_of: alloc-total-260k-exact\n    para: 12\n    note: a test share\n", encoding="utf-8")
    from kg import api

    verdicts = _sums_agree(api.build_graph(seeds))
    assert verdicts[("mt-20251031", "alloc-total-260k-atleast")][0] == "contradiction"
    assert verdicts[("mt-20251031", "alloc-total-260k-exact")][:2] == ("consistent", False)


# --------------------------------------------------------------------------------------------------
# Q3 agreements, Q7 common partners, Q12 paths, Q13 centrality
# --------------------------------------------------------------------------------------------------

AGREEMENT_KINDS = {"agreement": None, "supply": "SupplyAgreement", "membership": "AllianceMembership"}
TYPES = {"mou": "MOU", "joint-venture": "JointVenture", "joint-research": "JointResearch", "cooperation": "Cooperation"}


def parties(record) -> list[str]:
    v = record.values
    return {"agreement": lambda: v["parties"], "supply": lambda: [v["supplier"], v["customer"]],
            "membership": lambda: [v["member"], v["organisation"]]}[record.kind]()


def agreements_of(seeds):
    return {f.id: f for f in seeds.facts.values() if f.kind in AGREEMENT_KINDS}


def test_agreements_of_nvidia_match_the_seed_records(ox, seeds):
    result = run_query(ox, "agreements")
    expected = {f.id: TYPES.get(f.values.get("type")) or AGREEMENT_KINDS[f.kind]
                for f in agreements_of(seeds).values() if "nvidia" in parties(f)}
    assert {row[0]: row[1] for row in table(result, "agreement", "kind")} == expected
    assert len(result.rows) == 26
    sources = {f.id: ", ".join(sorted({c.source for c in f.citations})) for f in agreements_of(seeds).values()}
    assert all(row["sources"] == sources[row["agreement"].rsplit("/", 1)[1]] for row in result.rows)


def test_ai_ran_mou_parties_topics_and_date(ox):
    """News1 l.33: NVIDIA signs the AI-RAN MOU with Samsung Electronics, SK Telecom, KT, LG Uplus, ETRI and
    Yonsei University."""
    en = {r["agreement"]: r for r in run_query(ox, "agreements").rows}[str(KG["mou-ai-ran"])]
    assert en["kind"] == "MOU"
    assert en["otherParties"] == ("Electronics and Telecommunications Research Institute, KT, LG Uplus, SK Telecom, "
                                  "Samsung Electronics, Yonsei University")
    assert (en["topics"], en["status"], en["date"], en["sources"]) == (
        "AI-RAN, Physical AI", "signed", date(2025, 10, 31), "news1-20251031")
    ko = {r["agreement"]: r for r in run_query(ox, "agreements", lang="ko").rows}[str(KG["mou-ai-ran"])]
    assert ko["otherParties"] == "KT, LG유플러스, SK텔레콤, 삼성전자, 연세대학교, 한국전자통신연구원"
    assert ko["status"] == "체결"


def test_agreements_of_another_organisation(ox):
    rows = table(run_query(ox, "agreements", org="naver-cloud"), "agreement", "kind", "otherParties", "sources")
    assert rows == [("mou-naver-cloud-nvidia", "MOU", "NVIDIA", "unknown-20251031")]


def test_common_partners_of_hyundai_and_nvidia(ox):
    """MSIT signed the three-way MOU with both (News1 l.23, Money Today l.6); the government cooperates with
    both on the physical AI cluster (unattributed l.28) and with NVIDIA on physical AI (Money Today l.3)."""
    result = run_query(ox, "common-partners")
    assert table(result, "partner", "partnerLabel", "withA", "withB") == [
        ("korea-government", "Government of the Republic of Korea",
         "coop-hyundai-nvidia-physical-ai-cluster [unknown-20251031]",
         "coop-hyundai-nvidia-physical-ai-cluster [unknown-20251031]; "
         "coop-korea-nvidia-physical-ai [mt-20251031, news1-20251031, newsis-20251101]"),
        ("msit", "Ministry of Science and ICT", "mou-hyundai-nvidia-msit [mt-20251031, news1-20251031]",
         "mou-hyundai-nvidia-msit [mt-20251031, news1-20251031]"),
    ]


def test_partner_path_through_nvidia(ox):
    """LG Uplus and Hyundai share no agreement; both have one with NVIDIA."""
    result = run_query(ox, "partner-paths")
    assert table(result, "hops", "via", "firstLink", "secondLink") == [
        (2, "nvidia", "mou-ai-ran [news1-20251031]",
         "coop-hyundai-nvidia-ai-factory [unknown-20251031]; coop-hyundai-nvidia-physical-ai [newsis-20251101]; "
         "coop-hyundai-nvidia-physical-ai-cluster [unknown-20251031]; jv-hyundai-nvidia [mt-20251031]; "
         "mou-hyundai-nvidia-msit [mt-20251031, news1-20251031]"),
    ]


def test_partner_paths_direct_first(ox):
    result = run_query(ox, "partner-paths", a="hyundai-motor-group", b="nvidia", lang="ko")
    assert table(result, "hops", "via", "viaLabel") == [(1, None, None), (2, "korea-government", "대한민국 정부"),
                                                        (2, "msit", "과학기술정보통신부")]
    assert result.rows[0]["firstLink"].count("[") == 5


def test_partner_paths_of_unconnected_organisations(ox):
    assert run_query(ox, "partner-paths", a="openai", b="lg-uplus").rows == []


def central_from_network(ds) -> dict[str, tuple[int, int, int, str]]:
    """org id -> (partners, relations, facts, sources) from kg's network (kg/network.py, partner_counts): the
    one definition that kg stats, kg neighbors, kg explain and the map use."""
    from kg import network

    G = network.project(ds)
    out = {}
    for node in G:
        partners, relations = network.partner_counts(G, node)
        if not partners:
            continue
        edges = [d for _, other, d in G.edges(node, data=True)
                 if d["kind"] in network.PARTNER_KINDS and G.nodes[other]["group"] in network.ALWAYS]
        sources = sorted({s["id"] for d in edges for s in d["sources"]})
        out[node] = (partners, relations, len({d["fact"] for d in edges}), ", ".join(sources))
    return out


def test_central_organisations_count_partners_and_relations_as_the_network_does(ox):
    """For every organisation, sector or country: partners and relations as network.partner_counts counts them
    (text.DEFINITION), the facts that link it and their sources. Triangles (how tightly knit the partners
    are) are left to kg stats, as counting them through a hub is quadratic in its degree."""
    result = run_query(ox, "central-organisations")
    assert result.vars == ["org", "orgLabel", "partners", "relations", "facts", "sources"]
    got = {row[0]: row[1:] for row in table(result, "org", "partners", "relations", "facts", "sources")}
    assert got == central_from_network(ox)
    assert len(got) == 29
    assert table(result, "org", "partners", "relations")[:2] == [("nvidia", 24, 52), ("samsung-electronics", 7, 15)]
    ranking = table(result, "partners", "relations", "org")
    assert ranking == sorted(ranking, key=lambda r: (-r[0], -r[1], r[2]))


def test_central_organisations_count_supporters_and_co_investors_as_the_network_does(tmp_path):
    """A supporter of an agreement is linked to its parties; co-investors to each other and to the target;
    a person (an investor here) is no partner."""
    import shutil

    from conftest import SEEDS

    from kg import api

    seeds = tmp_path / "seeds"
    shutil.copytree(SEEDS, seeds)
    path = seeds / "facts" / "news1-20251031.yaml"
    path.write_text(path.read_text(encoding="utf-8") +
                    "\n  - id: test-mou-supported\n    kind: agreement\n    type: mou\n"
                    "    parties: [naver, kisti]\n    supporters: [msit, openai]\n    para: 33\n"
                    "    note: a test agreement\n", encoding="utf-8")
    ds = api.build_graph(seeds)
    got = {row[0]: row[1:] for row in table(run_query(ds, "central-organisations"), "org", "partners", "relations",
                                             "facts", "sources")}
    assert got == central_from_network(ds)
    assert got["openai"][:2] == (3, 3)  # korea-government (as before), naver, kisti


# --------------------------------------------------------------------------------------------------
# Q4 government roles, Q5 investments, Q6 people
# --------------------------------------------------------------------------------------------------

def test_government_roles(ox):
    result = run_query(ox, "government-roles")
    assert table(result, "body", "role", "fact", "sources") == [
        ("korea-government", "builder or operator", "proj-national-ai-computing-center", "news1-20251031"),
        ("korea-government", "builder or operator", "proj-national-physical-ai-cluster", "unknown-20251031"),
        ("korea-government", "builder or operator", "proj-sovereign-ai-foundation-model", "news1-20251031"),
        ("korea-government", "party", "coop-hyundai-nvidia-physical-ai-cluster", "unknown-20251031"),
        ("korea-government", "party", "coop-korea-nvidia-physical-ai", "mt-20251031, news1-20251031, newsis-20251101"),
        ("korea-government", "party", "coop-openai-korea", "news1-20251031"),
        ("korea-government", "party", "membership-government-physical-ai-global-alliance", "newsis-20251101"),
        ("korea-government", "recipient", "alloc-korea-government-50k-asiae", "asiae-20251103"),
        ("korea-government", "set by", "target-gpus-10k-2025", "newsis-20251101"),
        ("korea-government", "set by", "target-gpus-200k-2030", "newsis-20251101"),
        ("korea-government", "set by", "target-gpus-50k-2028", "newsis-20251101"),
        ("msit", "participant", "part-msit-announcement", "news1-20251031"),
        ("msit", "party", "mou-hyundai-nvidia-msit", "mt-20251031, news1-20251031"),
        ("msit", "speaker", "stmt-msit-cooperation-pillars", "news1-20251031"),
        ("mss", "party", "coop-nvidia-mss-n-up", "news1-20251031"),
        ("national-assembly", "party", "membership-national-assembly-physical-ai-global-alliance", "newsis-20251101"),
        ("presidential-office", "estimated by", "estimate-korea-gpus-300k", "mt-20251031"),
        ("presidential-office", "speaker", "stmt-presidential-office-physical-ai", "mt-20251031"),
    ]
    assert {r["role"] for r in run_query(ox, "government-roles", lang="ko").rows} == {
        "구축·운영 주체", "당사자", "수령자", "수립 주체", "참석자", "발언자", "추정 주체"}


def test_investments(ox):
    """Money Today l.11: Hyundai and NVIDIA invest 3 billion dollars in total; unattributed l.28: about
    3 billion dollars; News1 l.11: tens of trillions of won from BlackRock (no figure)."""
    result = run_query(ox, "investments")
    assert table(result, "investment", "investors", "targetLabel", "amount", "currency", "qualifier", "sources") == [
        ("invest-blackrock-korea", "BlackRock", "Republic of Korea", None, "KRW", None, "news1-20251031"),
        ("invest-hyundai-nvidia-3b", "Hyundai Motor Group, NVIDIA", None, Decimal("3000000000.0"), "USD", "as stated",
         "mt-20251031"),
        ("invest-hyundai-nvidia-3b-about", "Hyundai Motor Group, NVIDIA", None, Decimal("3000000000.0"), "USD",
         "about", "unknown-20251031"),
    ]
    assert result.rows[0]["amountText"] == "tens of trillions of won (no exact figure given)"


def test_people_and_their_roles(ox, seeds):
    result = run_query(ox, "people")
    positions = [f for f in seeds.facts.values() if f.kind == "position"]
    assert sorted(table(result, "person", "org")) == sorted((f.values["person"], f.values["organisation"])
                                                            for f in positions)
    rows = set(table(result, "person", "roleLabel", "org", "sources"))
    # Money Today l.2-4 and l.10, Newsis l.8 and l.11, News1 l.6 and l.41, Asia Economy l.4, unattributed l.3
    assert {("jensen-huang", "Chief Executive Officer", "nvidia",
             "asiae-20251103, mt-20251031, news1-20251031, newsis-20251101, unknown-20251031"),
            ("jensen-huang", "Founder", "nvidia", "news1-20251031"),
            ("lee-jae-myung", "President", "korea-government", "mt-20251031, newsis-20251101"),
            ("cho-jun-hee", "Chairman", "kosa", "newsis-20251101"),
            ("bae-kyung-hoon", "Minister of Science and ICT", "msit", "news1-20251031"),
            ("bae-kyung-hoon", "Deputy Prime Minister", "korea-government", "news1-20251031"),
            ("ha-jung-woo", "Senior Presidential Secretary for AI Future Planning", "presidential-office",
             "asiae-20251103, mt-20251031"),
            ("raymond-teh", "Vice President", "nvidia", "unknown-20251031")} <= rows


def test_people_of_one_organisation_in_korean(ox):
    result = run_query(ox, "people", org="nvidia", lang="ko")
    assert table(result, "personLabel", "roleLabel", "orgLabel") == [
        ("젠슨 황", "최고경영자", "엔비디아"), ("젠슨 황", "창립자", "엔비디아"), ("레이몬드 테", "부사장", "엔비디아")]


# --------------------------------------------------------------------------------------------------
# Q8 source claims, Q9 products, Q10 projects, Q11 targets
# --------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("source", ["mt-20251031", "newsis-20251101", "news1-20251031", "asiae-20251103",
                                    "unknown-20251031"])
def test_source_claims_are_every_fact_citing_the_source_in_reading_order(ox, seeds, source):
    cited = {f.id: c for f in seeds.facts.values() for c in f.citations if c.source == source}
    result = run_query(ox, "source-claims", source=source)
    rows = table(result, "fact", "paragraphs", "note")
    assert {r[0]: r[1:] for r in rows} == {
        i: (", ".join(map(str, sorted(c.paras))), " ".join(c.note.split())) for i, c in cited.items()}
    firsts = [min(cited[r[0]].paras) for r in rows]
    assert firsts == sorted(firsts)


def test_sources_with_their_fact_counts(ox, seeds):
    counts = Counter(c.source for f in seeds.facts.values() for c in f.citations)
    result = run_query(ox, "sources", lang="ko")
    assert table(result, "source", "publisherLabel", "date", "facts") == [
        ("mt-20251031", "머니투데이", date(2025, 10, 31), counts["mt-20251031"]),
        ("news1-20251031", "뉴스1", date(2025, 10, 31), counts["news1-20251031"]),
        ("unknown-20251031", None, date(2025, 10, 31), counts["unknown-20251031"]),
        ("newsis-20251101", "뉴시스", date(2025, 11, 1), counts["newsis-20251101"]),
        ("asiae-20251103", "아시아경제", date(2025, 11, 3), counts["asiae-20251103"]),
    ]


def test_products_are_those_the_facts_name(ox, seeds):
    expected = set()
    for f in seeds.facts.values():
        for product in f.values.get("models", []) + f.values.get("products", []):
            expected.add((product, f.id))
    result = run_query(ox, "products")
    assert set(table(result, "product", "fact")) == expected
    rows = {(r[0], r[1]): r[2:] for r in table(result, "product", "fact", "type", "supplierLabel", "users", "status")}
    # unattributed l.16: Samsung supplies HBM3E, HBM4, GDDR7, SOCAMM2 and foundry services to NVIDIA
    assert rows["hbm4", "supply-samsung-nvidia-negotiation"] == ("MemoryProduct", "Samsung Electronics", "NVIDIA",
                                                                  "in negotiation")
    assert rows["foundry-services", "supply-samsung-nvidia-plan"] == ("Service", "Samsung Electronics", "NVIDIA",
                                                                      "planned")
    # Asia Economy l.10: Blackwell GPUs for Naver Cloud
    assert rows["blackwell", "alloc-naver-cloud-60k-asiae"] == ("GPUModel", "NVIDIA", "Naver Cloud", None)


def test_projects_and_facilities(ox, seeds):
    result = run_query(ox, "projects")
    plans = [f for f in seeds.facts.values() if f.kind == "project"]
    assert sorted(r[0] for r in table(result, "project")) == sorted(f.values["project"] for f in plans)
    rows = {r[0]: r[1:] for r in table(result, "project", "type", "operators", "gpus", "qualifier", "allocations",
                                       "status", "start")}
    # News1 l.19: the National AI Computing Center is built with 15,000 GPUs, fed by the public-sector share
    assert rows["national-ai-computing-center"] == ("ComputingCentre", "Government of the Republic of Korea", 15000,
                                                    "as stated", "alloc-public-50k-about, alloc-public-50k-upto",
                                                    "planned", None)
    # unattributed l.12: Samsung's AI factory takes 50,000 or more GPUs over the coming years; the figure is
    # recorded once, on the allocation that feeds the project (docs/reaudit.md U9), not again on the project
    assert rows["samsung-semiconductor-ai-factory"][:5] == ("AIFactory", "Samsung Electronics", None, None,
                                                             "alloc-samsung-50k-atleast")
    # News1 l.31: supercomputer No. 6 "Hangang" starts in the first half of next year
    assert rows["hangang-supercomputer"] == ("Supercomputer", "Korea Institute of Science and Technology Information",
                                             None, None, "", "planned", "first half of 2026")
    assert rows["sk-manufacturing-ai-cloud"][0] == "Cloud"


def test_earlier_gpu_targets_by_year(ox):
    """Newsis l.18 and l.21: 10,000 GPUs by the end of this year, 50,000 by 2028, 200,000 or more by 2030."""
    result = run_query(ox, "gpu-targets")
    assert table(result, "year", "gpus", "qualifier", "source", "paragraphs") == [
        (2025, 10000, "as stated", "newsis-20251101", "18, 21"),
        (2028, 50000, "as stated", "newsis-20251101", "18, 21"),
        (2030, 200000, "at least", "newsis-20251101", "18, 21"),
    ]
    assert run_query(ox, "gpu-targets", org="nvidia").rows == []


# --------------------------------------------------------------------------------------------------
# Parameters
# --------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("value", ["naver-cloud", "kg:naver-cloud", str(KG["naver-cloud"]), f"<{KG['naver-cloud']}>",
                                   "Naver Cloud", "네이버클라우드", KG["naver-cloud"]])
def test_entity_parameter_forms(ox, value):
    rows = table(run_query(ox, "agreements", org=value), "agreement")
    assert rows == [("mou-naver-cloud-nvidia",)]


def test_unknown_entity_lists_the_nearest_ids(ox):
    with pytest.raises(QueryError, match=r"parameter org: unknown entity 'nvidai' — did you mean .*\bnvidia\b"):
        run_query(ox, "agreements", org="nvidai")
    with pytest.raises(QueryError, match=r"did you mean .*\bhyundai-motor-group\b"):
        run_query(ox, "agreements", org="hynudai-motor-group")


INJECTIONS = ['x> . ?s ?p ?o } #', 'nvidia> } UNION { ?s ?p ?o } #', '" } ; DROP ALL ; #',
              'nvidia }\nSELECT * WHERE { ?s ?p ?o', "kg:nvidia kg:samsung-electronics"]


@pytest.mark.parametrize("value", INJECTIONS)
def test_entity_parameter_that_is_not_an_id_is_refused(ox, value):
    with pytest.raises(QueryError, match="parameter org: unknown entity"):
        run_query(ox, "agreements", org=value)


@pytest.mark.parametrize("value", INJECTIONS + ['a"b\\c\nd"""e', "'''", "#"])
def test_ad_hoc_parameter_is_bound_as_a_literal_never_as_query_text(ox, dataset, value):
    for graph in (ox, dataset):
        result = sparql(graph, "SELECT ?x WHERE {}", x=value)
        assert result.rows == [{"x": value}]


def test_bound_values_escape_every_character_that_ends_a_string():
    text = bind("SELECT ?x WHERE {}", {"x": Literal('a"b\\c\nd\re\tf')})
    assert text == 'SELECT ?x WHERE { VALUES ?x { "a\\"b\\\\c\\nd\\re\\tf" } }'


def test_binding_replaces_the_querys_own_values_row():
    text = 'SELECT ?x WHERE {\n  VALUES (?lang ?org ?src) { ("en" kg:nvidia UNDEF) }  # defaults\n  ?x ?p ?org\n}'
    bound = bind(text, {"lang": Literal("ko"), "org": KG["kt"], "src": None})
    assert bound == text.replace('("en" kg:nvidia UNDEF)', f'("ko" <{KG["kt"]}> UNDEF)')
    many = bind("SELECT ?x WHERE { VALUES ?c { kgo:MOU } ?x a ?c }", {"c": [KGO.MOU, KGO.Investment]})
    assert many == f"SELECT ?x WHERE {{ VALUES ?c {{ <{KGO.MOU}> <{KGO.Investment}> }} ?x a ?c }}"


def test_binding_gives_the_copies_of_the_row_in_sub_selects_the_same_values():
    text = ('SELECT ?x WHERE {\n  VALUES (?lang ?org) { ("en" UNDEF) }\n'
            '  { SELECT ?x WHERE { VALUES ?org { UNDEF } ?x ?p ?org } }\n'
            '  { SELECT ?y WHERE { VALUES ?org { kg:kt } ?y ?p ?org } }\n'  # not a copy: another term
            '  { SELECT ?z WHERE { VALUES ?lang { "en" "ko" } ?z ?p ?lang } }\n}')  # not a copy: two rows
    bound = bind(text, {"lang": Literal("ko"), "org": KG["naver"]})
    naver = f"<{KG['naver']}>"
    assert bound == text.replace('("en" UNDEF)', f'("ko" {naver})').replace("?org { UNDEF }", f"?org {{ {naver} }}")
    assert bound.count(naver) == 2 and "kg:kt" in bound and '{ "en" "ko" }' in bound


def test_a_filter_sees_a_parameter(ox, dataset):
    q = "SELECT ?a ?n WHERE { ?a kgo:gpuCount ?n FILTER(?n >= ?min) } ORDER BY ?a"
    for graph in (ox, dataset):
        rows = sparql(graph, q, min=100000).rows
        assert rows and all(row["n"] >= 100000 for row in rows)
        assert len(rows) < len(sparql(graph, q, min=0).rows)
        label = "SELECT ?l WHERE { kg:naver-cloud rdfs:label ?l FILTER(LANG(?l) = ?lang) }"
        assert sparql(graph, label, lang="ko").rows == [{"l": "네이버클라우드"}]


def test_ad_hoc_parameter_kinds(ox):
    q = "SELECT ?v WHERE {}"
    assert sparql(ox, q, v="kg:nvidia").terms == [(KG["nvidia"],)]
    assert sparql(ox, q, v="alloc-total-260k-exact").terms == [(KG["alloc-total-260k-exact"],)]  # facts too
    assert sparql(ox, q, v="kgo:MOU").terms == [(KGO.MOU,)]
    assert sparql(ox, q, v="42").rows == [{"v": 42}]
    assert sparql(ox, q, v='"naver"').rows == [{"v": "naver"}]
    assert sparql(ox, q, v='"네이버"@ko').terms == [(Literal("네이버", lang="ko"),)]
    assert sparql(ox, q, v="naver-cloud").terms == [(KG["naver-cloud"],)]  # an id-shaped word is an entity
    assert sparql(ox, q, v="Naver Cloud").terms == [(Literal("Naver Cloud"),)]  # other text is a string
    with pytest.raises(QueryError, match="parameter v: unknown entity 'naver-clod'"):
        sparql(ox, q, v="naver-clod")


def test_parameter_errors(ox):
    with pytest.raises(QueryError, match="agreements has no parameter 'organisation' — its parameters: org"):
        run_query(ox, "agreements", organisation="nvidia")
    with pytest.raises(QueryError, match=r"the query has no variable \?y"):
        sparql(ox, "SELECT ?x WHERE {}", y="1")
    with pytest.raises(QueryError, match="no labels in 'fr' — use one of en, ko"):
        run_query(ox, "people", lang="fr")
    with pytest.raises(QueryError, match=r"\?min is only used in a FILTER inside a nested group"):
        sparql(ox, "SELECT ?a WHERE { { ?a kgo:gpuCount ?n FILTER(?n > ?min) } }", min=100000)
    with pytest.raises(QueryError, match=r"\?lang is only used in a FILTER inside a nested group.* — move the FILTER"):
        sparql(ox, "SELECT ?x ?l WHERE { { ?x rdfs:label ?l FILTER(LANG(?l) = ?lang) } }", lang="ko")


def test_lang_in_an_ad_hoc_query(ox):
    q = 'SELECT ?l WHERE { VALUES ?lang { "en" "ko" } kg:naver-cloud rdfs:label ?l FILTER(LANG(?l) = ?lang) }'
    assert sparql(ox, q).rows == [{"l": "Naver Cloud"}]
    assert sparql(ox, q, lang="ko").rows == [{"l": "네이버클라우드"}]


@pytest.mark.parametrize("text,expected", [
    ("SELECT ?x ?l WHERE { ?x rdfs:label ?l FILTER(LANG(?l) = ?lang) }", False),  # the top level sees it
    ("SELECT ?x ?l WHERE { { ?x rdfs:label ?l FILTER(LANG(?l) = ?lang) } }", True),
    ("SELECT ?x WHERE { ?x a ?c OPTIONAL { ?x rdfs:label ?l FILTER(LANG(?l) = ?lang) } }", False),
    ('SELECT ?x WHERE { VALUES ?lang { "en" } ?x rdfs:label ?l FILTER(LANG(?l) = ?lang) }', False),
    ("SELECT ?a WHERE { ?a kgo:party ?lang FILTER(?lang != kg:x) }", False),
    ("SELECT ?a WHERE { ?a kgo:x ?y FILTER NOT EXISTS { ?a kgo:party ?lang } }", False),
    ("SELECT ?a WHERE { { ?a kgo:x ?y FILTER NOT EXISTS { ?a kgo:party ?lang } } }", True),
    ('SELECT (LANG(?l) AS ?lang) WHERE { ?x rdfs:label ?l FILTER(?lang = "en") }', False),
    ('SELECT ?x WHERE { ?x rdfs:label "FILTER(?lang)" } # FILTER(?lang)', False),
])
def test_filter_only_variables(text, expected):
    assert filter_only(text, "lang") is expected


# --------------------------------------------------------------------------------------------------
# Errors that say where
# --------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("engine", ["ox", "dataset"])
def test_syntax_error_has_line_and_column(engine, request):
    graph = request.getfixturevalue(engine)
    with pytest.raises(QueryError) as info:
        sparql(graph, "SELECT ?s\nWHERE {\n  ?s ?p ?o\n  FILTER(\n}", origin="my.rq")
    assert re.match(r"my\.rq:\d+:\d+: SPARQL syntax error: .+ — fix the query$", str(info.value))
    assert info.value.details[1].strip() == "^"


@pytest.mark.parametrize("engine", ["ox", "dataset"])
def test_unknown_prefix_is_named_with_its_place(engine, request):
    graph = request.getfixturevalue(engine)
    with pytest.raises(QueryError) as info:
        sparql(graph, "SELECT ?x WHERE {\n  ?s wd:P31 ?x\n}")
    assert str(info.value).startswith("<query>:2:6: SPARQL syntax error: unknown prefix 'wd:' — declare it")
    assert info.value.details == ["      ?s wd:P31 ?x", "         ^"]


def test_parameters_join_a_trailing_values_clause(ox):
    q = "SELECT DISTINCT ?x WHERE { ?x ?p ?o } VALUES ?x { kg:nvidia }"
    assert sparql(ox, q, x="kg:kt").rows == []
    assert sparql(ox, q, x="kg:nvidia").rows == [{"x": str(KG["nvidia"])}]


def test_unknown_query_name_suggests(ox):
    with pytest.raises(QueryError, match="no query named 'gpu-alocations' — did you mean gpu-allocations"):
        run_query(ox, "gpu-alocations")


def test_query_file(ox, tmp_path):
    path = tmp_path / "kt.rq"
    path.write_text('SELECT ?l WHERE { ?org rdfs:label ?l FILTER(LANG(?l) = "ko") }\n', encoding="utf-8")
    assert sparql_file(ox, path, org="kt").rows == [{"l": "KT"}]
    with pytest.raises(QueryError, match="no such file"):
        sparql_file(ox, tmp_path / "none.rq")


def test_own_prefix_declarations_win(ox):
    q = "PREFIX kg: <https://w3id.org/ai-partnerships/ontology#>\nASK { ?x a kg:MOU }"
    assert sparql(ox, q).boolean is True


# --------------------------------------------------------------------------------------------------
# Results
# --------------------------------------------------------------------------------------------------

def test_rows_are_plain_python_values(ox):
    row = run_query(ox, "gpu-allocations", source="news1-20251031").rows[2]
    assert row == {"source": str(KG["news1-20251031"]), "recipient": str(KG["korea-private-sector"]),
                   "recipientLabel": "Korean private sector", "gpus": 210000, "qualifier": "as stated",
                   "modelLabel": None, "partOf": str(KG["alloc-total-260k-atleast"]),
                   "allocation": str(KG["alloc-private-210k-news1"])}


def test_ask_and_construct(ox):
    assert sparql(ox, "ASK { kg:nvidia a kgo:Company }").boolean is True
    assert json.loads(sparql(ox, "ASK { kg:nvidia a kgo:Person }").serialize("json")) == {"head": {}, "boolean": False}
    result = sparql(ox, "CONSTRUCT { ?a kgo:party kg:nvidia } WHERE { ?a a kgo:MOU ; kgo:party kg:nvidia }")
    assert set(result.graph.subjects()) == {KG["mou-ai-ran"], KG["mou-hyundai-nvidia-msit"],
                                            KG["mou-naver-cloud-nvidia"]}
    assert "kg:mou-ai-ran kgo:party kg:nvidia ." in result.serialize("turtle")
    with pytest.raises(QueryError, match="returns a graph, printed as Turtle"):
        result.serialize("csv")
    described = sparql(ox, "DESCRIBE kg:mou-ai-ran")
    assert (KG["mou-ai-ran"], KGO.status, KGO.signed) in described.graph


@pytest.mark.parametrize("name", NAMES)
def test_every_format_is_well_formed_with_the_query_columns(ox, name):
    result = run_query(ox, name, lang="ko")
    rows = [list(r) for r in csv.reader(io.StringIO(result.serialize("csv"), newline=""))]
    assert rows[0] == result.vars and len(rows) == len(result.rows) + 1
    assert result.serialize("csv").count("\r\n") == len(result.rows) + 1
    for fmt, parser in (("tsv", TSVResultParser), ("json", JSONResultParser), ("xml", XMLResultParser)):
        text = result.serialize(fmt)
        parsed = parser().parse(io.StringIO(text) if fmt != "xml" else io.BytesIO(text.encode("utf-8")))
        assert [str(v) for v in parsed.vars] == result.vars, fmt
        assert [tuple(b.get(v) for v in parsed.vars) for b in parsed.bindings] == result.terms, fmt
    data = json.loads(result.serialize("json"))
    assert data["head"]["vars"] == result.vars
    root = ET.fromstring(result.serialize("xml").encode("utf-8"))
    assert [v.get("name") for v in root.iter("{http://www.w3.org/2005/sparql-results#}variable")] == result.vars


def test_table_is_aligned_with_korean_labels(ox):
    from kg.query import _width

    text = run_query(ox, "gpu-allocations", source="asiae-20251103", lang="ko").serialize("table")
    lines = text.splitlines()
    assert lines[0].split() == ["source", "recipient", "recipientLabel", "gpus", "qualifier", "modelLabel", "partOf",
                                "allocation"]
    assert "kg:naver-cloud          네이버클라우드   60000  명시 수치  블랙웰" in text
    gpus_end = _width(lines[0][: lines[0].index("gpus") + 4])
    for line in lines[2:]:
        cut = line[: line.index("0000") + 4] if "0000" in line else line
        assert _width(cut) == gpus_end  # the right-aligned counts end in the same column


def test_table_cuts_long_cells(ox):
    result = run_query(ox, "source-claims", source="news1-20251031")
    assert result.cut_cells()
    assert all(len(line) < 200 for line in result.serialize("table").splitlines())
    assert "…" in result.serialize("table")
    assert "…" not in result.serialize("csv")
