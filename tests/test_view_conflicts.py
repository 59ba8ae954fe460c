"""Conflicting figures in the network and the HTML view: every link whose fact the sources state differently
carries the disagreement (`kg conflicts`), and the page marks it with ⚠, both values and both sources.

Expected values are the seeds as a person reads them: Newsis gives the private sector 200,000 GPUs, News1
gives it 210,000, and Newsis's shares (200,000 + about 50,000) fall short of its "at least 260,000" total.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kg import api, network, view
from kg.conflicts import conflicts

from conftest import SEEDS
from test_browser import Visit, browser  # noqa: F401  (browser: the module-scoped Chromium fixture)

NEWSIS = "Newsis, 2025-11-01 [newsis-20251101]"
NEWS1 = "News1, 2025-10-31 [news1-20251031]"

PRIVATE_FIGURES = {"kind": "different figures", "subject": "GPU allocation NVIDIA → Korean private sector"}

#: Every fact the sources disagree about, read off the seeds' notes and `kg conflicts`: the private and public
#: sector shares, the three totals, Samsung's share, the facts that name a GPU model for the NVIDIA → Korea deal,
#: and the two Hyundai-NVIDIA investment figures.
DISPUTED = {
    "alloc-private-200k-newsis", "alloc-private-210k-news1", "alloc-public-50k-about", "alloc-public-50k-upto",
    "alloc-total-260k-atleast", "alloc-total-260k-exact", "alloc-total-260k-upto",
    "alloc-samsung-50k-asiae", "alloc-samsung-50k-atleast",
    "alloc-hyundai-50k-asiae", "alloc-korea-government-50k-asiae", "alloc-naver-cloud-60k-asiae", "alloc-sk-50k-asiae",
    "alloc-hyundai-50k-004", "invest-hyundai-nvidia-3b", "invest-hyundai-nvidia-3b-about",
}


@pytest.fixture(scope="module")
def G(ox):
    return network.project(ox)


def edges_of(G, fact):
    return [d for _, _, d in G.edges(data=True) if d["fact"] == fact]


def test_the_private_sector_edges_carry_both_figures_and_both_sources(G):
    [news1] = edges_of(G, "alloc-private-210k-news1")
    assert (news1["from"], news1["to"], news1["gpus"]) == ("nvidia", "korea-private-sector", 210000)
    assert news1["conflicts"] == [dict(PRIVATE_FIGURES, sides=[
        {"value": "exactly 200,000 GPUs", "sources": [NEWSIS], "own": False},
        {"value": "exactly 210,000 GPUs", "sources": [NEWS1], "own": True}])]

    [newsis] = edges_of(G, "alloc-private-200k-newsis")
    assert (newsis["from"], newsis["to"], newsis["gpus"]) == ("nvidia", "korea-private-sector", 200000)
    figures, models, shares = newsis["conflicts"]
    assert figures == dict(PRIVATE_FIGURES, sides=[
        {"value": "exactly 200,000 GPUs", "sources": [NEWSIS], "own": True},
        {"value": "exactly 210,000 GPUs", "sources": [NEWS1], "own": False}])
    # Newsis names Blackwell for its share, the unattributed report also GB200 for the same deal
    assert models["kind"] == "different GPU models" and models["subject"] == "GPUs NVIDIA → Republic of Korea"
    assert [(s["value"], s["own"]) for s in models["sides"]] == [
        ("NVIDIA Blackwell", True), ("NVIDIA Blackwell, NVIDIA GB200 Grace Blackwell", False)]
    # Newsis's own sum: the share is one of the parts that fall short of its total
    assert shares == {
        "kind": "shares do not add up", "subject": "NVIDIA → Republic of Korea, at least 260,000 GPUs",
        "source": NEWSIS, "parts_sum": 250000, "detail": "the shares fall short of the lower bound by 10,000",
        "sides": [{"value": "total: NVIDIA → Republic of Korea, at least 260,000 GPUs", "sources": [NEWSIS],
                   "own": False},
                  {"value": "shares: Korean private sector 200,000 + Korean public sector 50,000 (about) = 250,000",
                   "sources": [NEWSIS], "own": True}]}


def test_the_total_carries_the_sum_that_does_not_add_up(G):
    [edge] = edges_of(G, "alloc-total-260k-atleast")
    sums = [c for c in edge["conflicts"] if c["kind"] == network.SUM_KIND]
    assert [(c["source"], [s["own"] for s in c["sides"]]) for c in sums] == [(NEWSIS, [True, False])]
    # News1's shares (210,000 + about 50,000) add up: the public-sector share is marked by Newsis's sum only
    [public] = edges_of(G, "alloc-public-50k-about")
    assert [c["source"] for c in public["conflicts"] if c["kind"] == network.SUM_KIND] == [NEWSIS]


def test_only_disputed_facts_carry_conflicts(G):
    carrying = {d["fact"] for _, _, d in G.edges(data=True) if d["conflicts"]}
    assert carrying == DISPUTED
    assert all(d["conflicts"] == [] for _, _, d in G.edges(data=True) if d["fact"] not in DISPUTED)
    assert all(d["conflicts"] == [] for d in edges_of(G, "jr-nvidia-kisti"))
    # every entry marks at least one side as the edge's own, and always names the sources of every side
    for _, _, d in G.edges(data=True):
        for c in d["conflicts"]:
            assert any(s["own"] for s in c["sides"]) and all(s["sources"] for s in c["sides"])


def test_the_network_and_kg_conflicts_agree(G, ox):
    """One detector: every fact a finding names, and every total and share of a failing sum, is marked."""
    report = conflicts(ox)
    named = {f for finding in report.findings for side in finding.sides for f in side.facts}
    named |= {f for s in report.sums if s.verdict == "does not add up" for f in [s.total_fact, *s.part_facts]}
    assert named == DISPUTED


def test_a_source_filter_keeps_the_other_sources_disagreement(ox):
    """With --source news1, Newsis's figure is not drawn, but the News1 link still says Newsis disagrees."""
    only = network.project(ox, source="news1-20251031")
    [edge] = edges_of(only, "alloc-private-210k-news1")
    assert [s["sources"] for s in edge["conflicts"][0]["sides"]] == [[NEWSIS], [NEWS1]]
    assert edges_of(only, "alloc-private-200k-newsis") == []


def test_the_model_finding_lists_the_facts_that_name_a_model(ox):
    [models] = [f for f in conflicts(ox).findings if f.kind == "different GPU models"]
    assert [s.facts for s in models.sides] == [
        ["alloc-hyundai-50k-asiae", "alloc-korea-government-50k-asiae", "alloc-naver-cloud-60k-asiae",
         "alloc-private-200k-newsis", "alloc-samsung-50k-asiae", "alloc-sk-50k-asiae"],
        ["alloc-hyundai-50k-004", "alloc-total-260k-upto"]]
    newsis = [s for s in conflicts(ox).sums if s.source == NEWSIS]
    assert [(s.total_fact, s.part_facts) for s in newsis] == [
        ("alloc-total-260k-atleast", ["alloc-private-200k-newsis", "alloc-public-50k-about"])]


def test_the_page_data_carries_conflicts_only_for_disputed_facts(G):
    data = view.page_data(G)
    assert {f for f, v in data["facts"].items() if "conflicts" in v} == DISPUTED
    assert data["facts"]["alloc-private-210k-news1"]["conflicts"] == edges_of(G, "alloc-private-210k-news1")[0]["conflicts"]


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
    assert ("⚠ Sources disagree: exactly 200,000 GPUs — Newsis, 2025-11-01 [newsis-20251101]; "
            "exactly 210,000 GPUs — News1, 2025-10-31 [news1-20251031] (this link)") in text
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
    assert blocks[0] == ("⚠ Sources disagree: exactly 200,000 GPUs — Newsis, 2025-11-01 [newsis-20251101] (this link); "
                         "exactly 210,000 GPUs — News1, 2025-10-31 [news1-20251031]")
    assert blocks[2] == ("⚠ The shares do not add up to the total (Newsis, 2025-11-01 [newsis-20251101]): "
                         "total: NVIDIA → Republic of Korea, at least 260,000 GPUs; shares: Korean private sector "
                         "200,000 + Korean public sector 50,000 (about) = 250,000 (this link) — the shares fall "
                         "short of the lower bound by 10,000")
    assert len(blocks) == 3 and blocks[1].startswith("⚠ Sources name different GPU models")


def test_a_node_without_disputes_shows_no_mark(visit):
    visit.js("kgView.select('node', 'kisti', false)")
    assert visit.page.locator("#details .conflict").count() == 0
    visit.js("kgView.select('node', 'korea-private-sector', false)")
    assert visit.page.locator("#details .conflict").count() == 4  # 3 on Newsis's link, 1 on News1's


def test_the_canvas_and_the_legend_mark_conflicting_links(visit, G):
    marked = visit.js("kgView.edges.get().filter(e => e.label === '⚠').map(e => kgView.data.edges.find("
                      "d => d.id === e.id).fact)")
    assert set(marked) == DISPUTED and len(marked) == 16  # one link per disputed fact here
    assert visit.js("kgView.edges.get().filter(e => e.shadow && e.shadow.enabled).length") == 16
    legend = visit.page.locator("#conflicts")
    assert legend.is_visible()
    assert " ".join(legend.locator(".legend-row").inner_text().split()) == "⚠ conflicting figure (show only these) 16"
    assert "Hover a link to see every value with its sources" in legend.inner_text()
    assert visit.js("getComputedStyle(document.querySelector('#conflicts .line')).borderTopColor") == "rgb(214, 39, 40)"


def test_only_conflicting_figures_filter(visit):
    visit.page.check("#only-conflicts")
    # NVIDIA and the eight recipients of a disputed figure (sectors, Korea, the government, four companies)
    assert visit.shown() == (9, 16)
    assert visit.page.inner_text("#counts") == "Showing 9 of 29 nodes and 16 of 83 links (16 facts)"
    visit.page.click("#reset")
    assert visit.shown() == (29, 83) and not visit.page.is_checked("#only-conflicts")


def test_the_korean_page_frames_the_mark_in_korean(browser, pages):  # noqa: F811
    """The labels around the mark are Korean; the finding's own words (values, sources) stay English, as
    `kg conflicts` states them."""
    v = Visit(browser, pages["ko"]).ready()
    text = hover_edge(v, "alloc-private-210k-news1")
    assert text.startswith("GPU 공급 배정") and "엔비디아 → 민간 부문" in text
    assert ("⚠ 출처마다 수치가 다름: exactly 200,000 GPUs — Newsis, 2025-11-01 [newsis-20251101]; "
            "exactly 210,000 GPUs — News1, 2025-10-31 [news1-20251031] (이 연결)") in text
    legend = v.page.inner_text("#conflicts")
    assert legend.startswith("사실 확인") and "⚠ 수치 불일치 (이것만 보기)" in legend
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
    assert visit.page.inner_text("#tooltip .conflict") == "⚠ 2 links with conflicting figures"


def test_a_hostile_label_in_a_finding_shows_as_text(browser, tmp_path):  # noqa: F811
    """A finding's subject is made of labels: one that is HTML reaches the ⚠ block as text and runs nothing."""
    from test_view import HOSTILE_SCRIPT, hostile_seeds

    seeds = hostile_seeds(tmp_path / "seeds")
    facts = seeds / "facts" / "src-b.yaml"
    facts.write_text(facts.read_text(encoding="utf-8") + (
        "  - id: share-ministry-b\n    kind: gpu-allocation\n    supplier: nvidia\n    recipient: ministry\n"
        "    gpus: 450\n    part_of: total\n    para: 2\n    note: another figure for the ministry\n"), encoding="utf-8")
    G = api.partnership_network(seeds)
    [edge] = edges_of(G, "share-ministry-b")
    assert edge["conflicts"][0]["subject"] == f"GPU allocation NVIDIA → {HOSTILE_SCRIPT}"
    path = api.write_view(G, tmp_path / "hostile.html")
    v = Visit(browser, path).ready()
    eid = v.js("kgView.data.edges.find(e => e.fact === 'share-ministry-b').id")
    v.js(f"kgView.select('edge', '{eid}', false)")
    block = v.page.locator("#details .conflict")
    assert block.inner_text() == ("⚠ Sources disagree: exactly 400 GPUs — Daily A, 2025-10-31 [src-a]; "
                                  "exactly 450 GPUs — unattributed, 2025-11-01 [src-b] (this link)")
    assert block.get_attribute("title") == f"GPU allocation NVIDIA → {HOSTILE_SCRIPT}"
    assert v.js("typeof window.__xss") == "undefined" and v.js("document.querySelectorAll('img, a').length") == 0
    assert v.errors == [] and v.blocked == []
    v.close()
