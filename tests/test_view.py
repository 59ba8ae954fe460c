"""The HTML page of `kg view` (kg/view.py), checked as a file: self-contained, escaped, deterministic.
What it does in a browser is tested in test_browser.py."""

from __future__ import annotations

import json
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import MINIMAL, ROOT, SEEDS

from kg import api, text, view
from kg.cli import main
from kg.resources import data_dir

HOSTILE_IMG = "<img src=x onerror=window.__xss=1>"
HOSTILE_SCRIPT = "</script><script>window.__xss=2</script>"
HOSTILE_HREF = '<a href="javascript:window.__xss=3">href</a>'  # pyvis renders a title with "href" as HTML


def hostile_seeds(target: Path) -> Path:
    """The minimal fixture with labels that are HTML: one would run as an <img>, one ends the script, one is a
    link (the pyvis template's innerHTML path)."""
    shutil.copytree(MINIMAL, target)
    entities = target / "entities.yaml"
    text = entities.read_text(encoding="utf-8")
    for old, new in (("label: {en: Acme Electronics,", f'label: {{en: "{HOSTILE_IMG}",'),
                     ("label: {en: Ministry of Testing,", f'label: {{en: "{HOSTILE_SCRIPT}",'),
                     ("label: {en: Republic of Korea,", f"label: {{en: '{HOSTILE_HREF}',")):
        assert old in text
        text = text.replace(old, new)
    entities.write_text(text, encoding="utf-8")
    return target


class Elements(HTMLParser):
    """Every start tag with its attributes, and the text of each <script>."""

    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.scripts: list[tuple[dict, str]] = []
        self._in_script: dict | None = None

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag == "script":
            self._in_script = dict(attrs)
            self.scripts.append((self._in_script, ""))

    def handle_data(self, data):
        if self._in_script is not None:
            attrs, text = self.scripts[-1]
            self.scripts[-1] = (attrs, text + data)

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = None


def parse(html: str) -> Elements:
    p = Elements()
    p.feed(html)
    return p


def page_json(html: str) -> dict:
    [(attrs, text)] = [(a, t) for a, t in parse(html).scripts if a.get("type") == "application/json"]
    assert attrs["id"] == "kg-data"
    return json.loads(text)


@pytest.fixture(scope="module")
def G():
    return api.partnership_network(SEEDS)


@pytest.fixture(scope="module")
def html(G):
    return view.render(G)


def test_the_page_loads_nothing_from_the_network(html):
    p = parse(html)
    for tag, attrs in p.tags:
        assert "src" not in attrs, (tag, attrs)
        if tag == "link":
            assert attrs["href"].startswith("data:"), attrs
    assert [a for a, _ in p.scripts] == [{"type": "application/json", "id": "kg-data"}, {}, {}]
    assert not re.search(r"@import|url\(\s*['\"]?(https?:)?//", html)
    assert "bootstrap" not in html.lower()


def test_the_page_inlines_vis_network_from_pyvis(html):
    js = (view.vis_dir() / "vis-network.min.js").read_text(encoding="utf-8")
    assert js in html
    assert "vis-9.1.2" in str(view.vis_dir())


def test_the_page_data_is_the_network(G, html):
    data = page_json(html)
    assert len(data["nodes"]) == G.number_of_nodes() == 29
    assert len(data["edges"]) == G.number_of_edges() == 82
    nvidia = next(n for n in data["nodes"] if n["id"] == "nvidia")
    assert (nvidia["en"], nvidia["ko"], nvidia["partners"], nvidia["relations"]) == ("NVIDIA", "엔비디아", 24, 52)
    assert {k["name"]: k["count"] for k in data["kinds"]} == {
        "mou": 25, "joint-venture": 1, "joint-research": 2, "cooperation": 29, "supply": 5, "membership": 4,
        "gpu-allocation": 13, "investment": 3}
    assert data["facts"]["alloc-samsung-50k-asiae"]["gpus"] == 50000
    assert data["sources"]["asiae-20251103"]["publisher_en"] == "Asia Economy"
    types = {t["type"]: (t["en"], t["ko"], t["count"]) for t in data["types"]}
    assert types["PublicResearchInstitute"] == ("public research institute", "공공 연구기관", 2)


def test_parallel_edges_fan_out_and_directed_ones_have_arrows(html):
    data = page_json(html)
    samsung = [e for e in data["edges"] if {e["from"], e["to"]} == {"nvidia", "samsung-electronics"}]
    assert len(samsung) == 9  # 2 allocations, 3 cooperations, the AI-RAN MOU, 3 supply deals
    assert sorted(e["curve"] for e in samsung) == sorted(round(0.18 * k, 2) for k in (0, 1, -1, 2, -2, 3, -3, 4, -4))
    alloc = next(e for e in data["edges"] if e["fact"] == "alloc-samsung-50k-asiae")
    assert alloc["arrows"] == ("to" if alloc["to"] == "samsung-electronics" else "from")
    assert next(e for e in data["edges"] if e["fact"] == "jr-nvidia-kisti")["arrows"] == ""


def test_data_from_the_seeds_is_escaped(tmp_path):
    G = api.partnership_network(hostile_seeds(tmp_path / "seeds"), focus="acme", depth=2)
    html = view.render(G)
    assert HOSTILE_IMG not in html and HOSTILE_SCRIPT not in html
    assert html.count("</script>") == 3  # the data, vis-network, the page's script: nothing from the data
    assert "\\u003cimg src=x onerror=window.__xss=1\\u003e" in html
    labels = {n["id"]: n["en"] for n in page_json(html)["nodes"]}
    assert (labels["acme"], labels["ministry"], labels["korea"]) == (HOSTILE_IMG, HOSTILE_SCRIPT, HOSTILE_HREF)
    # the title (autoescaped by Jinja2) names the focus
    assert "<title>Who partners with whom — &lt;img src=x onerror=window.__xss=1&gt; and partners within 2 links" \
           "</title>" in html
    assert not any(tag in ("img", "a") for tag, _ in parse(html).tags)


def test_inlined_code_cannot_end_its_element():
    with pytest.raises(ValueError):
        view._inline("var a = '</script>';", "script")
    with pytest.raises(ValueError):
        view._inline("x <!-- y", "script")
    assert view._inline("a { color: red }", "style") == "a { color: red }"


def test_the_page_is_deterministic(G, html):
    assert view.render(G) == html
    assert view.render(G, "ko") != html and '<html lang="ko">' in view.render(G, "ko")
    with pytest.raises(ValueError):
        view.render(G, "fr")


def test_physics_is_bounded_and_the_slow_initial_layout_is_off_for_big_networks():
    small, mid, big = view.vis_options(30), view.vis_options(800), view.vis_options(5000)
    assert [o["layout"]["improvedLayout"] for o in (small, mid, big)] == [True, False, False]
    assert [o["physics"]["enabled"] for o in (small, mid, big)] == [True, True, False]
    assert small["physics"]["stabilization"]["iterations"] == view.STABILISATION_ITERATIONS == 300
    assert big["interaction"]["hideEdgesOnDrag"] is True and small["interaction"]["hideEdgesOnDrag"] is False
    js = (data_dir("templates") / "view.js").read_text(encoding="utf-8")
    assert 'network.setOptions({ physics: { enabled: false } })' in js  # after stabilising, physics stops


def test_big_networks_start_from_a_layout_computed_in_python():
    import networkx as nx

    G = nx.MultiGraph()
    for c in range(5):  # five cliques of 45, joined in a chain
        members = [f"n{c}-{i}" for i in range(45)]
        for m in members:
            G.add_node(m, type="Company", group="organisation", label_en=m, label_ko=m, aliases=[])
        for i, a in enumerate(members):
            for b in members[i + 1:]:
                G.add_edge(a, b, kind="mou", role="parties", fact=f"f-{a}-{b}", directed=False, sources=[],
                           **{"from": a, "to": b})
    for a, b in (("n0-0", "n1-0"), ("n1-0", "n2-0"), ("n2-0", "n3-0"), ("n3-0", "n4-0")):
        G.add_edge(a, b, kind="mou", role="parties", fact=f"f-{a}-{b}", directed=False, sources=[],
                   **{"from": a, "to": b})
    positions = view.initial_positions(G)
    assert set(positions) == set(G) and view.initial_positions(G) == positions
    assert len(set(positions.values())) == G.number_of_nodes()
    data = view.page_data(G)
    assert all("x" in n and "y" in n for n in data["nodes"])

    def spread(c):
        xs = [positions[f"n{c}-{i}"] for i in range(45)]
        cx, cy = sum(x for x, _ in xs) / 45, sum(y for _, y in xs) / 45
        return (cx, cy), max(((x - cx) ** 2 + (y - cy) ** 2) ** 0.5 for x, y in xs)

    discs = [spread(c) for c in range(5)]
    for i, ((xi, yi), ri) in enumerate(discs):  # each community is a disc of its own
        for (xj, yj), rj in discs[i + 1:]:
            assert ((xi - xj) ** 2 + (yi - yj) ** 2) ** 0.5 > max(ri, rj)
    small = api.partnership_network(MINIMAL)
    assert not any("x" in n for n in view.page_data(small)["nodes"])  # vis-network lays out small ones


def test_page_script_never_puts_data_into_html():
    js = (data_dir("templates") / "view.js").read_text(encoding="utf-8")
    assert not re.search(r"innerHTML|outerHTML|insertAdjacentHTML|document\.write|eval\(|new Function", js)
    assert "title:" not in js  # no vis-network title (tooltip) strings: tooltips are our own DOM elements


def test_cli_view_writes_the_page(tmp_path):
    out = tmp_path / "sub" / "partners.html"
    result = CliRunner().invoke(main, ["view", "--seeds", str(SEEDS), "-o", str(out), "--kind", "mou,gpu-allocation",
                                       "--focus", "nvidia", "--depth", "1", "--lang", "ko"])
    assert result.exit_code == 0, result.output
    # NVIDIA, its 9 MOU partners and 5 more allocation recipients; 25 MOU links (the cliques) + 13 allocations
    assert result.output.startswith(f"{out} 파일을 썼습니다 (노드 15개, 링크 38개, ")  # --lang ko: in Korean
    data = page_json(out.read_text(encoding="utf-8"))
    assert {e["kind"] for e in data["edges"]} == {"mou", "gpu-allocation"}
    assert data["meta"] == {"lang": "ko", "nodes": 15, "edges": 38, "large": False, "declutter": True, "hubs": False,
                            "focus": "nvidia", "depth": 1, "source": None}
    assert [p.name for p in out.parent.iterdir()] == ["partners.html"]  # no temporary file left


def test_cli_view_with_hubs_and_a_source(tmp_path):
    out = tmp_path / "p.html"
    result = CliRunner().invoke(main, ["view", "--seeds", str(SEEDS), "-o", str(out), "--hubs",
                                       "--source", "news1-20251031"])
    assert result.exit_code == 0, result.output
    data = page_json(out.read_text(encoding="utf-8"))
    hubs = [n["id"] for n in data["nodes"] if n["group"] == "agreement"]
    assert hubs == ["mou-ai-ran", "mou-hyundai-nvidia-msit"]
    assert set(data["sources"]) == {"news1-20251031"} | {
        s["id"] for f in data["facts"].values() for s in f["sources"]}
    assert all(any(s["id"] == "news1-20251031" for s in f["sources"]) for f in data["facts"].values())


def test_the_page_and_stats_are_the_same_in_every_process(tmp_path):
    """No set or hash order leaks into the output (PYTHONHASHSEED differs between runs)."""
    import os
    import subprocess
    import sys

    outputs = []
    for seed in ("1", "2"):
        page = tmp_path / f"p{seed}.html"
        env = dict(os.environ, PYTHONHASHSEED=seed)
        kg = [sys.executable, "-m", "kg.cli"]
        subprocess.run([*kg, "view", "--seeds", str(SEEDS), "-o", str(page)], check=True, env=env,
                       capture_output=True, cwd=ROOT)
        stats = subprocess.run([*kg, "stats", "--seeds", str(SEEDS)], check=True, env=env, capture_output=True,
                               cwd=ROOT).stdout
        outputs.append((page.read_bytes(), stats))
    assert outputs[0] == outputs[1]


def test_the_page_counts_partners_by_the_one_definition_and_prints_it(G, html):
    """Partner and relation counts on the map are network.partner_counts (as kg stats, neighbors and explain),
    also with people and products in the picture; the definition (kg/network.py DEFINITION, en and ko) is in
    the page data and printed next to the counts."""
    from kg import network

    data = page_json(html)
    assert data["definition"] == text.DEFINITION
    assert {n["id"]: (n["partners"], n["relations"]) for n in data["nodes"]} == {
        node: network.partner_counts(G, node) for node in G}
    wide = network.project(api.build_graph(SEEDS), include="people,products")
    counts = {n["id"]: (n["partners"], n["relations"]) for n in view.page_data(wide)["nodes"]}
    assert counts["nvidia"] == (24, 52)
    assert text.DEFINITION["en"] in html and text.DEFINITION["ko"] in view.render(G, "ko")
    script = (data_dir("templates") / "view.js").read_text(encoding="utf-8")
    assert script.count("data.definition[state.lang]") == 3  # the tooltip, the details panel, the sidebar


def test_a_line_widens_with_its_figure_gpus_or_amount():
    """GPU allocations by their GPU count, investments by their amount; a link without a figure stays thin, and a
    bigger figure never makes a thinner line."""
    G = api.partnership_network(SEEDS)
    data = view.page_data(G)
    figure = {"gpu-allocation": "gpus", "investment": "amount"}
    by_kind: dict[str, list[tuple[float, float]]] = {}
    for e in data["edges"]:
        f = data["facts"][e["fact"]]
        value = f.get(figure.get(e["kind"], ""))
        assert (e["width"] > 1.5) == bool(value), (e["fact"], e["width"])
        if value:
            by_kind.setdefault(e["kind"], []).append((value, e["width"]))
    assert set(by_kind) == {"gpu-allocation", "investment"}
    for pairs in by_kind.values():
        widths = [w for _, w in sorted(pairs)]
        assert widths == sorted(widths)
    [blackrock] = [e for e in data["edges"] if e["fact"] == "invest-blackrock-korea"]
    assert blackrock["width"] == 1.5 and "amount" not in data["facts"]["invest-blackrock-korea"]


def test_the_page_dates_each_fact_as_the_link_filters_do(G, html):
    """The page's date filter judges a link by the date kg path --since/--until use, computed in Python."""
    from kg.linkfilter import LinkFilter

    facts = page_json(html)["facts"]
    for _, _, d in G.edges(data=True):
        assert facts[d["fact"]]["dated"] == LinkFilter().date_of(d, G.graph["sources"])
    dated = [f["dated"] for f in facts.values()]
    # some facts state no date of their own: the first report dates them
    assert all(dated) and any(f["dated"] != f.get("date") for f in facts.values())
    assert page_json(html)["filter"] == {"statuses": None, "since": None, "until": None}


def test_cli_view_presets_the_status_and_date_filters(tmp_path):
    out = tmp_path / "p.html"
    result = CliRunner().invoke(main, ["view", "--seeds", str(SEEDS), "-o", str(out), "--status", "signed,agreed",
                                       "--since", "2025-11", "--until", "2025-11-30"])
    assert result.exit_code == 0, result.output
    data = page_json(out.read_text(encoding="utf-8"))
    assert data["filter"] == {"statuses": ["signed", "agreed"], "since": "2025-11", "until": "2025-11-30"}
    assert data["meta"]["edges"] == 82  # the whole network is in the page: the reader can widen the filters


@pytest.mark.parametrize(("args", "message"), [
    (["--status", "sined"], "unknown status sined (did you mean signed?)"),
    (["--since", "2025-13"], "--since '2025-13' is not a date"),
    (["--since", "2025-12", "--until", "2025-11"], "--since 2025-12 is after --until 2025-11"),
])
def test_cli_view_refuses_a_bad_filter_as_kg_path_does(tmp_path, args, message):
    out = tmp_path / "p.html"
    result = CliRunner().invoke(main, ["view", "--seeds", str(SEEDS), "-o", str(out), *args])
    assert result.exit_code != 0 and message in result.output and "Traceback" not in result.output
    assert not out.exists()
