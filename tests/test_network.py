"""The partnership network (kg/network.py) and its commands: projection, filters, analytics, names (Q12, Q13).

Expected values come from the data by an independent route (SPARQL in the test, or the seed facts as read
by a person) rather than from the code under test.
"""

from __future__ import annotations

import math

import networkx as nx
import pytest
from click.testing import CliRunner
from conftest import MINIMAL, SEEDS

from kg import api, network, text
from kg.cli import main
from kg.errors import KgError
from kg.graph import build_dataset
from kg.seeds import load_seeds

PARTNERSHIP_CLASSES = ("kgo:MOU kgo:JointVenture kgo:JointResearch kgo:Cooperation kgo:SupplyAgreement "
                       "kgo:AllianceMembership kgo:GPUAllocation kgo:Investment")
PARTY_PROPERTIES = ("kgo:party kgo:supporter kgo:supplier kgo:customer kgo:recipient kgo:investor "
                    "kgo:investmentTarget org:member org:organization")
PREFIXES = """PREFIX kgo: <https://w3id.org/ai-partnerships/ontology#>
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX kg: <https://w3id.org/ai-partnerships/id/>
"""


@pytest.fixture(scope="module")
def G(ox):
    return network.project(ox)


def participants(ds, node_class: str) -> set[str]:
    """Entities of node_class that share a partnership fact with another organisation, sector or country."""
    q = PREFIXES + f"""
    SELECT DISTINCT ?x WHERE {{
      VALUES ?cls {{ {PARTNERSHIP_CLASSES} }}
      ?f a ?cls ; ?p ?x .
      VALUES ?p {{ {PARTY_PROPERTIES} }}
      ?x a {node_class} .
      FILTER EXISTS {{
        ?f ?q ?y . VALUES ?q {{ {PARTY_PROPERTIES} }}
        VALUES ?t {{ kgo:Organization kgo:Sector kgo:Country }} ?y a ?t .
        FILTER(?y != ?x)
      }}
    }}"""
    return {network.local(row.x) for row in ds.query(q)}


def test_organisation_nodes_are_the_organisations_that_take_part_in_a_relation(ox, G):
    orgs = {n for n, g in G.nodes(data="group") if g == "organisation"}
    assert orgs == participants(ox, "kgo:Organization")
    assert len(orgs) == 25
    assert {n for n, g in G.nodes(data="group") if g == "sector"} == participants(ox, "kgo:Sector")
    assert {n for n, g in G.nodes(data="group") if g == "country"} == {"republic-of-korea"}
    assert G.number_of_nodes() == 29


def test_one_edge_per_pair_of_parties_per_fact(ox, G):
    """Cliques for agreements; supplier->recipient, investor->target plus co-investors for the rest."""
    q = PREFIXES + f"""
    SELECT ?f ?cls (COUNT(DISTINCT ?party) AS ?parties) (COUNT(DISTINCT ?inv) AS ?investors)
           (COUNT(DISTINCT ?tgt) AS ?targets) WHERE {{
      VALUES ?cls {{ {PARTNERSHIP_CLASSES} }}
      ?f a ?cls .
      OPTIONAL {{ ?f kgo:party ?party }}
      OPTIONAL {{ ?f kgo:investor ?inv }}
      OPTIONAL {{ ?f kgo:investmentTarget ?tgt }}
    }} GROUP BY ?f ?cls"""
    expected = 0
    for row in ox.query(q):
        cls = str(row.cls).rsplit("#", 1)[1]
        if cls == "GPUAllocation":
            expected += 1
        elif cls == "Investment":
            expected += int(row.investors) * int(row.targets) + math.comb(int(row.investors), 2)
        elif cls in ("SupplyAgreement", "AllianceMembership"):
            expected += 1
        else:
            expected += math.comb(int(row.parties), 2)
    assert G.number_of_edges() == expected == 82


def test_the_seven_party_ai_ran_mou_is_a_clique_by_default_and_a_hub_on_request(ox, G):
    parties = {"nvidia", "samsung-electronics", "sk-telecom", "kt", "lg-uplus", "etri", "yonsei-university"}
    ran = [(u, v) for u, v, d in G.edges(data=True) if d["fact"] == "mou-ai-ran"]
    assert len(ran) == 21 and {n for e in ran for n in e} == parties
    assert all(G.has_edge(a, b) for a in parties for b in parties if a != b)

    H = network.project(ox, hubs=True)
    assert H.nodes["mou-ai-ran"]["group"] == "agreement"
    assert set(H.neighbors("mou-ai-ran")) == parties
    assert [d["fact"] for _, _, d in H.edges("mou-ai-ran", data=True)] == ["mou-ai-ran"] * 7
    # two-party facts stay edges; the three-party ones become hubs too
    assert H.has_edge("lg-electronics", "nvidia")
    hubs = sorted(n for n, g in H.nodes(data="group") if g == "agreement")
    assert hubs == ["coop-hbm-supply-expansion-discussed", "coop-hyundai-nvidia-physical-ai-cluster",
                    "coop-sk-nvidia-vc-startups", "mou-ai-ran", "mou-hyundai-nvidia-msit"]
    # a hub is labelled by its kind and its parties (the first three by name, then how many more), not its id
    for hub in hubs:
        parties = list(H.neighbors(hub))
        kind = network.kinds()[next(d["kind"] for _, _, d in H.edges(hub, data=True))]
        for lang, head, more in (("en", f"{len(parties)}-party {kind.label_en}: ", " +"),
                                 ("ko", f"{len(parties)}자 {kind.label_ko}: ", " 외 ")):
            text = H.nodes[hub][f"label_{lang}"]
            assert text.startswith(head) and hub not in text
            names, _, rest = text[len(head):].partition(more)
            assert set(names.split(", ")) <= {H.nodes[p][f"label_{lang}"] for p in parties}
            assert len(names.split(", ")) == min(3, len(parties)) and (rest != "") == (len(parties) > 3)
    assert H.nodes["mou-ai-ran"]["label_en"].endswith(" +4") and H.nodes["mou-ai-ran"]["label_ko"].endswith(" 외 4곳")


def test_edges_carry_kind_direction_figures_and_sources(G):
    [alloc] = [d for _, _, d in G.edges(data=True) if d["fact"] == "alloc-samsung-50k-asiae"]
    assert alloc["kind"] == "gpu-allocation" and alloc["directed"]
    assert (alloc["from"], alloc["to"], alloc["gpus"], alloc["qualifier"]) == ("nvidia", "samsung-electronics",
                                                                               50000, "stated")
    assert alloc["sources"] == [{"id": "asiae-20251103", "paras": [10]}]
    assert G.graph["sources"]["asiae-20251103"]["publisher_en"] == "Asia Economy"

    [inv] = [d for _, _, d in G.edges(data=True) if d["fact"] == "invest-hyundai-nvidia-3b"]
    assert (inv["role"], inv["amount"], inv["currency"]) == ("co-investors", 3000000000, "USD")
    assert network.figures(inv) == "USD 3,000,000,000"

    [mou] = [d for _, _, d in G.edges(data=True) if d["fact"] == "jr-nvidia-kisti"]
    assert (mou["kind"], mou["status"], mou["directed"]) == ("joint-research", "planned", False)
    assert network.cite(G, mou["sources"][0]).startswith("News1, 2025-10-31, “제조업 강국")


def test_filters_by_kind_source_and_focus(ox, G):
    mou = network.project(ox, kinds="mou")
    assert {d["kind"] for _, _, d in mou.edges(data=True)} == {"mou"}
    assert mou.number_of_edges() == sum(1 for _, _, d in G.edges(data=True) if d["kind"] == "mou") == 25

    news1 = network.project(ox, source="news1-20251031")
    assert news1.number_of_edges() == sum(
        1 for _, _, d in G.edges(data=True) if any(s["id"] == "news1-20251031" for s in d["sources"]))
    assert all(any(s["id"] == "news1-20251031" for s in d["sources"]) for _, _, d in news1.edges(data=True))

    ego = network.ego(G, "NVIDIA", 1)
    assert set(ego) == {"nvidia", *G.neighbors("nvidia")} and len(ego) == 25
    assert set(network.ego(G, "kisti", 0)) == {"kisti"}


def test_people_products_and_projects_only_on_request(ox, G):
    assert {g for _, g in G.nodes(data="group")} == {"organisation", "sector", "country"}
    P = network.project(ox, include="people,products,projects")
    assert {"person", "product", "project"} <= {g for _, g in P.nodes(data="group")}
    posts = [(u, v) for u, v, d in P.edges(data=True) if d["fact"] == "pos-jensen-huang-ceo"]
    assert posts == [("nvidia", "jensen-huang")] or posts == [("jensen-huang", "nvidia")]
    assert P.has_edge("sk-hynix", "hbm4") and P.has_edge("nvidia", "hbm4")
    assert network.project(ox, include="people").nodes["jensen-huang"]["type"] == "Person"


def test_the_network_is_the_same_from_rdflib_memory_and_from_a_built_file(tmp_path):
    ds = build_dataset(load_seeds(MINIMAL))
    mem = network.project(ds)
    out = tmp_path / "graph.nq"
    api.build(MINIMAL, out)
    from_file = api.partnership_network(out)
    from_seeds = api.partnership_network(MINIMAL)
    assert nx.utils.graphs_equal(mem, from_seeds) and nx.utils.graphs_equal(mem, from_file)
    assert [d for *_, d in sorted(mem.edges(keys=True, data=True))] == \
           [d for *_, d in sorted(from_file.edges(keys=True, data=True))]


def test_stats_name_nvidia_most_central_and_find_the_ai_ran_cluster(G, ox):
    st = network.stats(G)
    assert st.top_degree[0] == ("nvidia", 24, 52)
    # one definition of the counts: stats, neighbors, explain and the map give NVIDIA the same numbers
    from kg import view
    from kg.provenance import explain

    assert network.partner_counts(G, "nvidia") == (24, 52)
    assert len(network.neighbors(G, "nvidia")[1]) == 24
    found = explain(ox, "nvidia")
    assert (len(found.partners), sum(p["relations"] for p in found.partners)) == (24, 52)
    nvidia = next(n for n in view.page_data(G)["nodes"] if n["id"] == "nvidia")
    assert (nvidia["partners"], nvidia["relations"]) == (24, 52)
    assert st.top_betweenness[0][0] == "nvidia" and st.top_betweenness[0][1] > 0.8
    assert st.top_betweenness[1][0] == "korea-government"
    assert all(G.nodes[n]["group"] == "organisation" for n, *_ in st.top_degree + st.top_betweenness)
    ran = {"samsung-electronics", "sk-telecom", "kt", "lg-uplus", "etri", "yonsei-university"}
    assert any(ran <= set(c) for c in st.communities)
    assert sum(len(c) for c in st.communities) == G.number_of_nodes()
    assert st.facts_by_kind == {"cooperation": 16, "gpu-allocation": 13, "supply": 5, "membership": 4, "mou": 3,
                                "investment": 3, "joint-research": 2, "joint-venture": 1}


@pytest.mark.parametrize("name", ["LG Electronics", "lg   electronics", "LG-ELECTRONICS", "LG전자", "lg 전자",
                                  "lg-electronics"])
def test_names_are_ids_or_labels_in_either_language_forgiving_case_and_spacing(G, name):
    assert network.resolve(G, name) == "lg-electronics"


def test_aliases_resolve_and_unknown_names_suggest_the_nearest(G):
    assert network.resolve(G, "KISTI") == "kisti"
    assert network.resolve(G, "한국과학기술정보연구원") == "kisti"
    with pytest.raises(KgError, match=r"no organisation called 'nvida' .* nearest: NVIDIA \(nvidia\)"):
        network.resolve(G, "nvida")
    with pytest.raises(KgError, match=r"nearest: .*Samsung Electronics \(samsung-electronics\)"):
        network.resolve(G, "Samsung Elec")


def test_an_ambiguous_name_lists_the_candidates():
    G = nx.MultiGraph()
    G.add_node("sk-a", label_en="SK", label_ko="에스케이", aliases=[], type="Company")
    G.add_node("sk-b", label_en="S.K.", label_ko="에스케이비", aliases=[], type="Company")
    with pytest.raises(KgError, match=r"'sk' could be any of: SK \(sk-a\); S\.K\. \(sk-b\)"):
        network.resolve(G, "sk")


def test_path_from_lg_electronics_to_kisti_goes_through_nvidia_with_the_agreements(G):
    chains = network.paths(G, "LG Electronics", "KISTI")
    assert len(chains) == 1
    [first, second] = chains[0]
    assert (first.a, first.b, second.b) == ("lg-electronics", "nvidia", "kisti")
    assert [r["fact"] for r in first.relations] == ["coop-lg-electronics-nvidia-robotics"]
    assert [r["fact"] for r in second.relations] == ["jr-nvidia-kisti"]


def test_path_between_unconnected_nodes_is_empty(ox):
    mou = network.project(ox, kinds="mou")
    assert network.paths(mou, "msit", "kt") != []
    apart = network.project(ox, kinds="membership,supply")
    assert network.paths(apart, "national-assembly", "sk-hynix") == []


def test_neighbors_lists_partners_with_relations(G):
    node, links = network.neighbors(G, "SK hynix")
    assert node == "sk-hynix"
    assert [link.b for link in links][:1] == ["nvidia"]
    assert [r["fact"] for r in links[0].relations] == [  # by kind (in KINDS order), date, id
        "coop-hbm-supply-expansion-discussed", "coop-skhynix-nvidia-digital-twin",
        "supply-skhynix-nvidia-hbm3-hbm3e", "supply-skhynix-nvidia-hbm4"]
    assert sorted(link.b for link in links) == ["nvidia", "samsung-electronics"]


# ---------------------------------------------------------------- the commands


def run(*args):
    return CliRunner().invoke(main, [*args, "--seeds", str(SEEDS)])


def test_cli_path_prints_the_chain_with_agreements_and_sources():
    result = run("path", "LG Electronics", "KISTI")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == ("LG Electronics → Korea Institute of Science and Technology Information: "
                        "1 shortest chain of 2 links")
    assert ("1. LG Electronics —[cooperation]— NVIDIA —[joint research]— "
            "Korea Institute of Science and Technology Information") in lines
    assert "     cooperation coop-lg-electronics-nvidia-robotics: ongoing; products: NVIDIA Isaac GR00T" in lines
    assert any(line.strip().startswith("source: News1, 2025-10-31, “제조업 강국") and line.endswith("(para 4, 31)")
               for line in lines)


def test_cli_path_in_korean_and_without_a_chain():
    result = run("path", "lg전자", "kisti", "--lang", "ko")
    assert result.exit_code == 0
    assert result.output.splitlines()[2] == "1. LG전자 —[협력]— 엔비디아 —[공동연구]— 한국과학기술정보연구원"
    result = run("path", "National Assembly", "SK hynix", "--kind", "membership,supply")
    assert result.exit_code == 1
    assert result.output == "No chain of partnerships connects National Assembly of Korea and SK hynix.\n"


def test_cli_stats_names_nvidia_first():
    result = run("stats", "--top", "3")
    assert result.exit_code == 0, result.output
    out = result.output
    assert out.startswith("Network: 29 nodes, 82 links from 47 facts\n")
    assert ("Most partners (degree: distinct partners, relations):\n  (" + text.DEFINITION["en"] + ")\n"
            "   1. NVIDIA (nvidia): 24 partners, 52 relations") in out
    assert "Most central as a go-between (betweenness centrality):\n   1. NVIDIA (nvidia): 0.886" in out
    assert "Clusters (greedy modularity): 4" in out


def test_cli_neighbors_and_unknown_names():
    result = run("neighbors", "KISTI")
    assert result.exit_code == 0
    assert result.output.splitlines()[:2] == [
        "Korea Institute of Science and Technology Information (kisti, PublicResearchInstitute): 1 partner",
        "  (" + text.DEFINITION["en"] + ")"]
    assert result.output.splitlines()[2] == "  NVIDIA (nvidia, Company): 1 relation"
    result = run("neighbors", "nvida")
    assert result.exit_code == 1
    assert result.output == "no organisation called 'nvida' in the network — nearest: NVIDIA (nvidia)\n"


def test_cli_neighbors_and_path_mark_conflicting_figures_with_both_sources():
    """As on the map: a relation whose figure the sources dispute says so, with the other value and its source."""
    lines = run("neighbors", "korea-private-sector").output.splitlines()
    at = lines.index("    GPU allocation alloc-private-210k-news1: NVIDIA allocates GPUs to Korean private sector; "
                     "2025-10-31; 210,000 GPUs")
    assert lines[at + 2] == (
        "        ⚠ Sources contradict each other (GPU allocation NVIDIA → Korean private sector (in the deal NVIDIA → "
        "Republic of Korea)): 200,000 GPUs [195,000, 205,000) — Newsis, 2025-11-01 [newsis-20251101]; "
        "210,000 GPUs [205,000, 215,000) — News1, 2025-10-31 [news1-20251031] (this link); "
        "sum of Hyundai Motor Group 50,000 + Naver Cloud 60,000 + Samsung Electronics 50,000 + SK Group 50,000 = "
        "210,000 GPUs [205,000, 215,000) — Asia Economy, 2025-11-03 [asiae-20251103] — "
        "200,000 and 210,000 as stated cannot both hold: [195,000, 205,000) and [205,000, 215,000) do not overlap; "
        "200,000 (as stated) and the shares summing to 210,000 cannot both hold: [195,000, 205,000) and "
        "[205,000, 215,000) do not overlap. Sides: 200,000 (as stated) (newsis-20251101) | "
        "210,000 (as stated) (news1-20251031), the shares summing to 210,000 (asiae-20251103)")
    # 200k: the figure and Newsis's own sum; 210k: the figure. The GPU-model difference is consistent (≈, no ⚠)
    assert sum(line.strip().startswith("⚠") for line in lines) == 3
    assert not any(line.strip().startswith("≈") for line in lines)
    ko = run("path", "korea-private-sector", "nvidia", "--lang", "ko").output
    assert ("⚠ 출처끼리 모순 (GPU 배분 엔비디아 → 민간 부문 (거래 엔비디아 → 대한민국)): "
            "200,000 GPU [195,000, 205,000) — 뉴시스, 2025-11-01 [newsis-20251101] (이 연결); ") in ko
    assert "⚠" not in run("path", "LG Electronics", "KISTI").output  # undisputed links stay unmarked


@pytest.mark.parametrize("args, message", [
    (["stats", "--kind", "mou,treaty"], "unknown relation kind 'treaty' — choose from: mou, joint-venture"),
    (["stats", "--include", "pets"], "cannot include 'pets' — choose from: people, products, projects"),
    (["stats", "--kind", "position"], "relation kind 'position' needs --include people"),
    (["stats", "--source", "news1"], "unknown source 'news1'"),
    (["view", "--focus", "Nobody Inc", "-o", "/dev/null"], "no organisation called 'Nobody Inc'"),
])
def test_cli_user_errors_are_one_line(args, message):
    result = run(*args)
    assert result.exit_code == 1
    assert message in result.output and len(result.output.splitlines()) == 1


def test_the_kind_option_help_lists_every_kind():
    result = CliRunner().invoke(main, ["view", "--help"])
    text = "".join(result.output.split())  # click wraps lines at hyphens
    assert all(k in text for k in network.KINDS)


def test_api_functions_are_exported_lazily():
    import kg

    G = kg.partnership_network(MINIMAL)
    assert kg.stats(G).top_degree[0][0] == "nvidia"
    assert kg.paths(G, "acme", "korea")[0][0].b == "nvidia"
    assert kg.neighbors(G, "애크미전자")[0] == "acme"
    assert {"partnership_network", "write_view", "stats", "paths", "neighbors"} <= set(kg.__all__)
