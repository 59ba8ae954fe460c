"""Conflicting figures in the network and the HTML view: every link whose fact takes part in a finding of
`kg conflicts` carries it with its verdict; only contradictions are marked ⚠ (red on the map), consistent
differences are listed quietly with ≈.

Expected values are the seeds as a fact-checker reads them (docs/reaudit.md): Newsis gives the private sector
200,000 GPUs as stated, News1 210,000, and Asia Economy's company shares add up to 210,000 — a contradiction;
Newsis's shares (200,000 + about 50,000) cannot reach its "260,000 or more" total — a contradiction. The 260,000
total in its hedges, the public share, Samsung's share, the GPU models and the USD 3 billion are consistent.
"""

from __future__ import annotations

import pytest
from conftest import SEEDS
from test_browser import Visit, browser  # noqa: F401  (browser: the module-scoped Chromium fixture)

from kg import api, network, view
from kg.conflicts import conflicts

NEWSIS = "Newsis, 2025-11-01 [newsis-20251101]"
NEWS1 = "News1, 2025-10-31 [news1-20251031]"
ASIAE = "Asia Economy, 2025-11-03 [asiae-20251103]"

PRIVATE = "GPU allocation NVIDIA → Korean private sector (in the deal NVIDIA → Republic of Korea)"
PRIVATE_DETAIL = ("200,000 and 210,000 as stated cannot both hold: [195,000, 205,000) and [205,000, 215,000) do not "
                  "overlap; 200,000 (as stated) and the shares summing to 210,000 cannot both hold: [195,000, 205,000) "
                  "and [205,000, 215,000) do not overlap. Sides: 200,000 (as stated) (newsis-20251101) | "
                  "210,000 (as stated) (news1-20251031), the shares summing to 210,000 (asiae-20251103)")
ASIAE_SUM = ("sum of Hyundai Motor Group 50,000 + Naver Cloud 60,000 + Samsung Electronics 50,000 + SK Group 50,000 "
             "= 210,000 GPUs [205,000, 215,000)")


def private_finding(own):
    """The private-sector contradiction as an edge carries it; `own` is the index of the edge's side."""
    sides = [{"value": "200,000 GPUs [195,000, 205,000)", "sources": [NEWSIS]},
             {"value": "210,000 GPUs [205,000, 215,000)", "sources": [NEWS1]},
             {"value": ASIAE_SUM, "sources": [ASIAE]}]
    return {"kind": "contradiction", "verdict": "contradiction", "subject": PRIVATE, "detail": PRIVATE_DETAIL,
            "sides": [dict(side, own=i == own) for i, side in enumerate(sides)]}


NEWSIS_SUM_DETAIL = ("the shares cannot reach at least 260,000 GPUs [260,000, ∞) (mt-20251031, news1-20251031, "
                     "newsis-20251101) — the source contradicts its own total")


def newsis_sum(total_own):
    return {"kind": network.SUM_KIND, "verdict": "contradiction", "subject": NEWSIS, "parts_sum": 250000,
            "detail": NEWSIS_SUM_DETAIL, "sides": [
                {"value": "total: at least 260,000 GPUs [260,000, ∞)",
                 "sources": ["Money Today, 2025-10-31 [mt-20251031]", NEWS1, NEWSIS], "own": total_own},
                {"value": "shares: Korean private sector 200,000 + Korean public sector about 50,000 = 250,000 "
                          "[240,000, 260,000)", "sources": [], "own": not total_own}]}


#: Every fact that takes part in a finding of `kg conflicts`: the private and public sector shares, the three
#: totals, Samsung's two figures, Asia Economy's shares (rolled up to the private and public sectors), the facts
#: naming a GPU model for the deal, and the two Hyundai-NVIDIA investment figures.
DISPUTED = {
    "alloc-private-200k-newsis", "alloc-private-210k-news1", "alloc-public-50k-about", "alloc-public-50k-upto",
    "alloc-total-260k-atleast", "alloc-total-260k-exact", "alloc-total-260k-upto",
    "alloc-samsung-50k-asiae", "alloc-samsung-50k-atleast",
    "alloc-hyundai-50k-asiae", "alloc-korea-government-50k-asiae", "alloc-naver-cloud-60k-asiae", "alloc-sk-50k-asiae",
    "invest-hyundai-nvidia-3b", "invest-hyundai-nvidia-3b-about",
}
#: The facts in a contradiction — red on the map: the two private-sector figures and Asia Economy's four company
#: shares (the 210,000 side), and Newsis's sum: its two shares and the "260,000 or more" they cannot reach.
CONTRADICTED = {
    "alloc-private-200k-newsis", "alloc-private-210k-news1",
    "alloc-hyundai-50k-asiae", "alloc-naver-cloud-60k-asiae", "alloc-samsung-50k-asiae", "alloc-sk-50k-asiae",
    "alloc-public-50k-about", "alloc-total-260k-atleast",
}


@pytest.fixture(scope="module")
def G(ox):
    return network.project(ox)


def edges_of(G, fact):
    return [d for _, _, d in G.edges(data=True) if d["fact"] == fact]


def test_the_private_sector_edges_carry_both_figures_and_both_sources(G):
    [news1] = edges_of(G, "alloc-private-210k-news1")
    assert (news1["from"], news1["to"], news1["gpus"]) == ("nvidia", "korea-private-sector", 210000)
    assert news1["conflicts"] == [private_finding(own=1)]

    [newsis] = edges_of(G, "alloc-private-200k-newsis")
    assert (newsis["from"], newsis["to"], newsis["gpus"]) == ("nvidia", "korea-private-sector", 200000)
    # Newsis names no GPU model for its share (re-audit N3), so no model finding; its own sum falls short
    assert newsis["conflicts"] == [private_finding(own=0), newsis_sum(total_own=False)]


def test_the_total_carries_the_sum_that_does_not_add_up(G):
    [edge] = edges_of(G, "alloc-total-260k-atleast")
    sums = [c for c in edge["conflicts"] if c["kind"] == network.SUM_KIND]
    assert sums == [newsis_sum(total_own=True)]
    # the 260,000 total in its three hedges is consistent (≈), not a contradiction
    [total] = [c for c in edge["conflicts"] if c["kind"] != network.SUM_KIND]
    assert total["verdict"] == "consistent" and total["subject"] == "GPU allocation NVIDIA → Republic of Korea"
    # News1's shares (210,000 + about 50,000) add up: the public-sector share is marked by Newsis's sum only
    [public] = edges_of(G, "alloc-public-50k-about")
    assert [c["subject"] for c in public["conflicts"] if c["kind"] == network.SUM_KIND] == [NEWSIS]
    [stated] = edges_of(G, "alloc-total-260k-exact")
    assert [c["verdict"] for c in stated["conflicts"]] == ["consistent"]


def test_only_disputed_facts_carry_conflicts(G):
    carrying = {d["fact"] for _, _, d in G.edges(data=True) if d["conflicts"]}
    assert carrying == DISPUTED
    red = {d["fact"] for _, _, d in G.edges(data=True) if any(c["verdict"] == "contradiction" for c in d["conflicts"])}
    assert red == CONTRADICTED
    assert all(d["conflicts"] == [] for _, _, d in G.edges(data=True) if d["fact"] not in DISPUTED)
    assert all(d["conflicts"] == [] for d in edges_of(G, "jr-nvidia-kisti"))
    # every entry marks at least one side as the edge's own; a finding's sides always name their sources
    for _, _, d in G.edges(data=True):
        for c in d["conflicts"]:
            assert any(s["own"] for s in c["sides"])
            assert all(s["sources"] for s in c["sides"] if c["kind"] != network.SUM_KIND)


def test_the_network_and_kg_conflicts_agree(G, ox):
    """One detector: every fact a finding names, and every share and contradicted total of a failing sum, is
    marked; contradictions are exactly the red ones."""
    report = conflicts(ox)
    named = {f for finding in report.findings for v in finding.values for f in v.facts}
    bad_sums = {f for s in report.sums if s.verdict == "contradiction"
                for f in [*s.part_facts,
                          *(f for t in s.against if t["verdict"] == "contradiction" for f in t["facts"])]}
    assert named | bad_sums == DISPUTED
    assert {f for finding in report.findings if finding.verdict == "contradiction"
            for v in finding.values for f in v.facts} | bad_sums == CONTRADICTED


def test_a_source_filter_keeps_the_other_sources_disagreement(ox):
    """With --source news1, Newsis's figure is not drawn, but the News1 link still says Newsis disagrees."""
    only = network.project(ox, source="news1-20251031")
    [edge] = edges_of(only, "alloc-private-210k-news1")
    assert [s["sources"] for s in edge["conflicts"][0]["sides"]] == [[NEWSIS], [NEWS1], [ASIAE]]
    assert edges_of(only, "alloc-private-200k-newsis") == []


def test_the_model_finding_lists_the_facts_that_name_a_model(ox):
    [models] = [f for f in conflicts(ox).findings if f.kind == "gpu-model"]
    assert models.verdict == "consistent"
    assert [(v.model, v.facts) for v in models.values] == [
        ("blackwell", ["alloc-hyundai-50k-asiae", "alloc-korea-government-50k-asiae", "alloc-naver-cloud-60k-asiae",
                       "alloc-samsung-50k-asiae", "alloc-sk-50k-asiae"]),
        ("gb200-grace-blackwell", ["alloc-total-260k-upto"])]
    newsis = [s for s in conflicts(ox).sums if s.source == "newsis-20251101"]
    assert [(s.total_fact, s.part_facts, s.verdict) for s in newsis] == [
        ("alloc-total-260k-atleast", ["alloc-private-200k-newsis", "alloc-public-50k-about"], "contradiction")]


def test_the_page_data_carries_conflicts_only_for_disputed_facts(G):
    data = view.page_data(G)
    assert {f for f, v in data["facts"].items() if "conflicts" in v} == DISPUTED
    fact = "alloc-private-210k-news1"
    assert data["facts"][fact]["conflicts"] == edges_of(G, fact)[0]["conflicts"]


# ---------------------------------------------------------------- in the browser


@pytest.fixture(scope="module")
def pages(tmp_path_factory, G):
    folder = tmp_path_factory.mktemp("conflicts")
    return {lang: view.write(G, folder / f"partners-{lang}.html", lang) for lang in ("en", "ko")}


@pytest.fixture()
def visit(browser, pages):  # noqa: F811
    v = Visit(browser, pages["en"]).ready()
    yield v
    assert v.errors == [] and v.blocked == []
    v.close()


def hover_edge(v: Visit, fact: str) -> str:
    """Zoom in on a point 30% along the fact's (curved) link, hover it, and return the tooltip's text."""
    eid = v.js(f"kgView.data.edges.find(e => e.fact === '{fact}').id")
    point = v.js(f"kgView.network.body.edges['{eid}'].edgeType.getPoint(0.3)")
    v.js(f"kgView.network.moveTo({{position: {{x: {point['x']}, y: {point['y']}}}, scale: 3}})")
    v.settle()
    dom = v.js(f"kgView.network.canvasToDOM({{x: {point['x']}, y: {point['y']}}})")
    box = v.page.locator("#graph").bounding_box()
    return v.hover(box["x"] + dom["x"], box["y"] + dom["y"])


def test_hovering_the_210k_link_shows_both_figures_and_sources(visit):
    text = hover_edge(visit, "alloc-private-210k-news1")
    assert "alloc-private-210k-news1" in text and "210,000 GPUs" in text
    assert (f"⚠ Sources contradict each other ({PRIVATE}): 200,000 GPUs [195,000, 205,000) — {NEWSIS}; "
            f"210,000 GPUs [205,000, 215,000) — {NEWS1} (this link); {ASIAE_SUM} — {ASIAE} — {PRIVATE_DETAIL}") in text
    assert visit.page.locator("#tooltip .conflict").count() == 1


def test_selecting_the_200k_link_shows_every_disagreement_in_the_details(visit):
    box = visit.page.locator("#graph").bounding_box()
    hover_edge(visit, "alloc-private-200k-newsis")
    visit.page.mouse.click(box["x"] + 1, box["y"] + 1)  # away from everything: nothing selected
    eid = visit.js("kgView.data.edges.find(e => e.fact === 'alloc-private-200k-newsis').id")
    point = visit.js(f"kgView.network.canvasToDOM(kgView.network.body.edges['{eid}'].edgeType.getPoint(0.3))")
    visit.page.mouse.click(box["x"] + point["x"], box["y"] + point["y"])
    assert visit.js("kgView.network.getSelectedEdges()") == [eid]
    blocks = visit.page.locator("#details .conflict").all_inner_texts()
    assert blocks == [
        f"⚠ Sources contradict each other ({PRIVATE}): 200,000 GPUs [195,000, 205,000) — {NEWSIS} (this link); "
        f"210,000 GPUs [205,000, 215,000) — {NEWS1}; {ASIAE_SUM} — {ASIAE} — {PRIVATE_DETAIL}",
        f"⚠ The shares cannot add up to the total ({NEWSIS}): total: at least 260,000 GPUs [260,000, ∞) — "
        f"Money Today, 2025-10-31 [mt-20251031], {NEWS1}, {NEWSIS}; shares: Korean private sector 200,000 + "
        f"Korean public sector about 50,000 = 250,000 [240,000, 260,000) (this link) — {NEWSIS_SUM_DETAIL}"]
    assert visit.page.locator("#details .consistent").count() == 0


def test_a_node_without_disputes_shows_no_mark(visit):
    visit.js("kgView.select('node', 'kisti', false)")
    assert visit.page.locator("#details .conflict").count() == 0
    visit.js("kgView.select('node', 'korea-private-sector', false)")
    assert visit.page.locator("#details .conflict").count() == 3  # 2 on Newsis's link, 1 on News1's
    visit.js("kgView.select('node', 'republic-of-korea', false)")
    # the 260,000 total in its hedges and the GPU models are consistent: quiet ≈ blocks; Newsis's sum is ⚠
    assert visit.page.locator("#details .conflict").count() == 1
    assert visit.page.locator("#details .consistent").all_inner_texts()[0].startswith(
        "≈ Sources agree, worded differently (GPU allocation NVIDIA → Republic of Korea): at least 260,000 GPUs")


def test_the_canvas_and_the_legend_mark_conflicting_links(visit, G):
    marked = visit.js("kgView.edges.get().filter(e => e.label === '⚠').map(e => kgView.data.edges.find("
                      "d => d.id === e.id).fact)")
    assert set(marked) == CONTRADICTED and len(marked) == 8  # one link per contradicted fact here
    assert visit.js("kgView.edges.get().filter(e => e.shadow && e.shadow.enabled).length") == 8
    legend = visit.page.locator("#conflicts")
    assert legend.is_visible()
    assert " ".join(legend.locator(".legend-row").inner_text().split()) == "⚠ contradiction (show only these) 8"
    assert "Hover a link to see every value with its sources" in legend.inner_text()
    assert "≈ (in a link's details): the figures differ only in hedge, precision or level" in legend.inner_text()
    assert visit.js("getComputedStyle(document.querySelector('#conflicts .line')).borderTopColor") == "rgb(214, 39, 40)"


def test_only_conflicting_figures_filter(visit):
    visit.page.check("#only-conflicts")
    # NVIDIA and the seven recipients of a contradicted figure (the two sectors, Korea, four companies)
    assert visit.shown() == (8, 8)
    assert visit.page.inner_text("#counts") == "Showing 8 of 29 nodes and 8 of 82 links (8 facts)"
    visit.page.click("#reset")
    assert visit.shown() == (29, 82) and not visit.page.is_checked("#only-conflicts")


def test_the_korean_page_frames_the_mark_in_korean(browser, pages):  # noqa: F811
    """The labels around the mark are Korean; the finding's own words (values, sources) stay English, as
    `kg conflicts` states them."""
    v = Visit(browser, pages["ko"]).ready()
    text = hover_edge(v, "alloc-private-210k-news1")
    assert text.startswith("GPU 공급 배정") and "엔비디아 → 민간 부문" in text
    assert (f"⚠ 출처끼리 모순 ({PRIVATE}): 200,000 GPUs [195,000, 205,000) — {NEWSIS}; "
            f"210,000 GPUs [205,000, 215,000) — {NEWS1} (이 연결); ") in text
    legend = v.page.inner_text("#conflicts")
    assert legend.startswith("사실 확인") and "⚠ 모순 (이것만 보기)" in legend
    v.page.select_option("#lang", "en")
    assert v.page.inner_text("#conflicts").startswith("Fact-check")
    assert v.errors == [] and v.blocked == []
    v.close()


def test_a_network_without_disputes_has_no_fact_check_legend(browser, tmp_path):  # noqa: F811
    """With no disputed link on the page (here only MOUs), the fact-check legend is not shown at all."""
    G = api.partnership_network(SEEDS, kinds="mou")
    assert not any(d["conflicts"] for _, _, d in G.edges(data=True))
    path = api.write_view(G, tmp_path / "mou.html")
    v = Visit(browser, path).ready()
    assert v.js("document.getElementById('conflicts').hidden") is True
    assert v.js("kgView.edges.get().filter(e => e.label).length") == 0
    assert v.errors == [] and v.blocked == []
    v.close()


def test_hovering_a_node_counts_its_disputed_links(visit):
    visit.hover(*visit.point("korea-private-sector"))
    assert visit.page.inner_text("#tooltip strong") == "Korean private sector"
    assert visit.page.inner_text("#tooltip .conflict") == "⚠ 2 links in a contradiction"


def test_a_hostile_label_in_a_finding_shows_as_text(browser, tmp_path):  # noqa: F811
    """A finding's subject is made of labels: one that is HTML reaches the ⚠ block as text and runs nothing."""
    from test_view import HOSTILE_HREF, HOSTILE_SCRIPT, hostile_seeds

    seeds = hostile_seeds(tmp_path / "seeds")
    facts = seeds / "facts" / "src-b.yaml"
    facts.write_text(facts.read_text(encoding="utf-8") + (
        "  - id: share-ministry-b\n    kind: gpu-allocation\n    supplier: nvidia\n    recipient: ministry\n"
        "    gpus: 450\n    part_of: total\n    para: 2\n    note: another figure for the ministry\n"),
        encoding="utf-8")
    G = api.partnership_network(seeds)
    [edge] = edges_of(G, "share-ministry-b")
    subject = f"GPU allocation NVIDIA → {HOSTILE_SCRIPT} (in the deal NVIDIA → {HOSTILE_HREF})"
    assert edge["conflicts"][0]["subject"] == subject
    path = api.write_view(G, tmp_path / "hostile.html")
    v = Visit(browser, path).ready()
    eid = v.js("kgView.data.edges.find(e => e.fact === 'share-ministry-b').id")
    v.js(f"kgView.select('edge', '{eid}', false)")
    block = v.page.locator("#details .conflict")
    assert block.inner_text() == (f"⚠ Sources contradict each other ({subject}): 400 GPUs {{400}} — Daily A, "
                                  "2025-10-31 [src-a]; 450 GPUs {450} — unattributed, 2025-11-01 [src-b] (this link) "
                                  "— 400 and 450 "
                                  "as stated cannot both hold: {400} and {450} do not overlap. Sides: 400 (as stated) "
                                  "(src-a) | 450 (as stated) (src-b)")
    assert block.get_attribute("title") == subject
    assert v.js("typeof window.__xss") == "undefined" and v.js("document.querySelectorAll('img, a').length") == 0
    assert v.errors == [] and v.blocked == []
    v.close()
