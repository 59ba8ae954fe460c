"""`kg view` pages in a real browser: Debian's headless Chromium driven by Playwright, with the network cut off.

Checks that the page draws the network the projection computed, loads nothing, logs no error, that search,
filters, focus, tooltips and the language switch work, and that hostile labels are shown as text and never
run. Never skipped: without Chromium the tests fail and say how to install it (make test does).
"""

from __future__ import annotations

import re
import shutil
import struct
import zlib
from collections import Counter
from pathlib import Path

import pytest
from conftest import MINIMAL, SEEDS
from test_view import HOSTILE_HREF, HOSTILE_IMG, HOSTILE_SCRIPT, hostile_seeds

from kg import api, network, ontology, text
from kg.linkfilter import LinkFilter

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).is_file():
        pytest.fail(f"Chromium is missing ({CHROMIUM} not found): the browser tests need it — run "
                    "`bash scripts/install-system-deps.sh` (as root or with sudo; `make test` does it)", pytrace=False)
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.fail("Playwright's Python package is missing: pip install -e '.[test]' (never `playwright install`;"
                    " the tests use Debian's Chromium)", pytrace=False)
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


class Visit:
    """A page opened offline: every request that is not for a file: URL is aborted and recorded."""

    def __init__(self, browser, path: Path, viewport=(1400, 900), pixel_ratio: float = 1):
        self.requests: list[str] = []      # everything the page asked for, file: URLs included
        self.blocked: list[str] = []
        self.errors: list[str] = []
        self.page = browser.new_page(viewport={"width": viewport[0], "height": viewport[1]},
                                     device_scale_factor=pixel_ratio)
        self.page.route("**/*", self._route)
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.goto(path.as_uri())

    def _route(self, route):
        if route.request.url.startswith("file:"):
            route.continue_()
        else:
            self.blocked.append(route.request.url)
            route.abort()

    def ready(self) -> Visit:
        self.page.wait_for_function("window.kgView && window.kgView.ready", timeout=60_000)
        return self

    def js(self, expression: str):
        return self.page.evaluate(expression)

    def settle(self):
        """Wait until the view stops moving (search and focus animate it for 300 ms): a position read during
        the animation is somewhere else by the time the mouse gets there."""
        self.page.wait_for_function("""() => {
            const p = kgView.network.getViewPosition(), key = [p.x, p.y, kgView.network.getScale()].join();
            window.__kgStill = window.__kgLastView === key ? (window.__kgStill || 0) + 1 : 0;
            window.__kgLastView = key;
            return window.__kgStill >= 3; }""", polling=100)

    def point(self, node: str, towards: str | None = None, share: float = 0.5) -> tuple[float, float]:
        """Page coordinates of a node, or of the point `share` of the way from it to another node."""
        self.settle()
        a, b = self.js(f"[{node!r}, {(towards or node)!r}].map(n => "
                       "kgView.network.canvasToDOM(kgView.network.getPositions([n])[n]))")
        box = self.page.locator("#graph").bounding_box()
        return box["x"] + a["x"] + (b["x"] - a["x"]) * share, box["y"] + a["y"] + (b["y"] - a["y"]) * share

    def hover(self, x: float, y: float) -> str:
        """Move the mouse there and return the tooltip it brings up."""
        self.page.mouse.move(x, y)
        self.page.wait_for_selector("#tooltip:not([hidden])")
        return self.page.inner_text("#tooltip")

    def shown(self) -> tuple[int, int]:
        """Nodes and edges the page shows (its filtered views), and what vis-network actually draws."""
        views = self.js("[kgView.nodesView.length, kgView.edgesView.length]")
        drawn = self.js("[kgView.network.body.nodeIndices.length, kgView.network.body.edgeIndices.length]")
        assert views == drawn
        return tuple(views)

    def close(self):
        self.page.close()


@pytest.fixture(scope="module")
def G():
    return api.partnership_network(SEEDS)


@pytest.fixture(scope="module")
def seed_page(tmp_path_factory, G):
    path = tmp_path_factory.mktemp("view") / "partners.html"
    api.write_view(G, path)
    return path


@pytest.fixture()
def visit(browser, seed_page):
    v = Visit(browser, seed_page).ready()
    yield v
    assert v.errors == [] and v.blocked == []
    v.close()


def test_the_blocker_records_what_a_page_asks_from_the_network(browser, tmp_path):
    """The harness itself: a page that does load from the network is caught."""
    page = tmp_path / "online.html"
    page.write_text('<img src="https://cdn.example.com/x.png"><script src="http://example.com/a.js"></script>')
    v = Visit(browser, page)
    v.page.wait_for_load_state("load")
    assert sorted(v.blocked) == ["http://example.com/a.js", "https://cdn.example.com/x.png"]
    v.close()


def test_the_seed_network_draws_offline_without_errors(visit, G, seed_page, tmp_path):
    assert visit.shown() == (G.number_of_nodes(), G.number_of_edges()) == (29, 82)
    assert visit.requests == [seed_page.as_uri()]
    assert visit.js("kgView.network.physics.options.enabled") is False  # stabilised, then physics off
    assert visit.page.inner_text("#counts") == "Showing 29 of 29 nodes and 82 of 82 links (47 facts)"
    painted = visit.js("""(() => { const c = document.querySelector('#graph canvas');
        const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data; let n = 0;
        for (let i = 3; i < d.length; i += 4) if (d[i] > 0) n++; return n; })()""")
    assert painted > 20_000  # pixels drawn on the canvas: nodes, edges, labels
    shot = tmp_path / "partners.png"
    visit.page.screenshot(path=str(shot))
    assert shot.stat().st_size > 50_000
    legend = visit.page.locator("#kinds .legend-row").all_inner_texts()
    assert [" ".join(t.split()) for t in legend][:2] == ["MOU 25", "joint venture 1"]


@pytest.mark.parametrize("query", ["엔비디아", "nvidia", "N V I D I A"])
def test_search_finds_an_organisation_in_either_language(visit, query):
    visit.page.fill("#search", query)
    first = visit.page.locator("#results li button").first
    assert first.inner_text().split("\n")[0].split(" 엔비디아")[0] == "NVIDIA"
    visit.page.press("#search", "Enter")
    assert visit.js("kgView.network.getSelectedNodes()") == ["nvidia"]
    assert visit.page.inner_text("#details h2") == "NVIDIA"
    assert "24 partners, 52 links shown" in visit.page.inner_text("#details")


def test_search_by_part_of_a_label_and_with_no_match(visit):
    visit.page.fill("#search", "electronics")
    names = visit.page.locator("#results li button span:first-child").all_inner_texts()
    # names that start with the query first, then those that contain it
    assert names == ["Electronics and Telecommunications Research Institute", "LG Electronics", "Samsung Electronics"]
    visit.page.fill("#search", "zzz")
    assert visit.page.inner_text("#results") == "No match among the nodes shown"


def test_a_relation_kind_checkbox_filters_the_links(visit, G):
    visit.page.uncheck('#kinds input[data-kind="gpu-allocation"]')
    rest = [(u, v) for u, v, d in G.edges(data=True) if d["kind"] != "gpu-allocation"]
    # the public and private sectors receive GPUs only, so they go too
    assert visit.shown() == (len({n for e in rest for n in e}), len(rest)) == (27, 69)
    visit.page.check('#kinds input[data-kind="gpu-allocation"]')
    assert visit.shown() == (29, 82)


def test_the_source_control_filters_like_the_source_option(visit):
    visit.page.select_option("#source", "news1-20251031")
    only = api.partnership_network(SEEDS, source="news1-20251031")
    assert visit.shown() == (only.number_of_nodes(), only.number_of_edges())
    visit.page.click("#reset")
    assert visit.shown() == (29, 82)


def test_clicking_a_node_highlights_it_and_focus_shows_its_neighbourhood(visit, G):
    visit.page.mouse.click(*visit.point("kisti"))
    assert visit.js("kgView.network.getSelectedNodes()") == ["kisti"]
    assert visit.page.inner_text("#details h2") == "Korea Institute of Science and Technology Information"
    details = visit.page.inner_text("#details")
    assert "joint-research" not in details and "jr-nvidia-kisti · planned" in details
    assert "News1 · 2025-10-31 · “제조업 강국" in details and "para 4, 31" in details
    dimmed = visit.js("kgView.nodes.get('kt').color.background")
    assert dimmed == "#ececec" and visit.js("kgView.nodes.get('nvidia').color.background") != "#ececec"
    visit.page.click("#details button.link >> text=NVIDIA")
    visit.page.click("#focus-toggle")
    ego = network.ego(G, "nvidia", 1)
    assert visit.shown() == (ego.number_of_nodes(), ego.number_of_edges())
    visit.page.click("#focus-toggle")
    assert visit.shown() == (29, 82)


def test_hovering_a_link_shows_its_kind_figures_and_source(visit):
    # the single, straight LG Electronics - NVIDIA link: hover a point on it near LG Electronics
    text = visit.hover(*visit.point("lg-electronics", "nvidia", 0.3))
    assert text.startswith("cooperation")
    assert "coop-lg-electronics-nvidia-robotics · ongoing" in text and "products: NVIDIA Isaac GR00T" in text
    assert "Unattributed report" in text and "para 30" in text


def test_labels_switch_to_korean(visit):
    visit.page.select_option("#lang", "ko")
    assert visit.js("kgView.nodes.get('nvidia').label") == "엔비디아"
    assert "양해각서(MOU)" in visit.page.inner_text("#kinds")
    visit.page.select_option("#lang", "en")
    assert visit.js("kgView.nodes.get('nvidia').label") == "NVIDIA"


def test_a_korean_page_and_a_hub_page(browser, tmp_path):
    path = tmp_path / "ko.html"
    H = api.partnership_network(SEEDS, hubs=True)
    api.write_view(H, path, lang="ko")
    v = Visit(browser, path).ready()
    assert v.shown() == (H.number_of_nodes(), H.number_of_edges()) == (34, 63)
    assert v.js("kgView.nodes.get('kisti').label") == "한국과학기술정보연구원"
    assert v.js("kgView.nodes.get('mou-ai-ran').shape") == "diamond"
    # a hub says what it is and who its parties are, on two lines
    head, names = v.js("kgView.nodes.get('mou-ai-ran').label").split("\n")
    assert head == "7자 양해각서(MOU)" and names.endswith(" 외 4곳") and "mou-ai-ran" not in names
    assert v.page.inner_text("#kinds .width") == "선 굵기: 출처가 밝힌 GPU 수 또는 금액"
    assert v.errors == [] and v.blocked == []
    v.close()


def test_hostile_labels_show_as_text_and_run_nothing(browser, tmp_path):
    G = api.partnership_network(hostile_seeds(tmp_path / "seeds"))
    path = tmp_path / "hostile.html"
    api.write_view(G, path)
    v = Visit(browser, path).ready()
    assert v.js("typeof window.__xss") == "undefined"
    assert v.js("document.querySelectorAll('img').length") == 0
    assert v.js("document.querySelectorAll('script').length") == 3
    assert v.shown() == (G.number_of_nodes(), G.number_of_edges())
    assert v.js("kgView.nodes.get('acme').label") == HOSTILE_IMG
    for query, node, label in (("<img", "acme", HOSTILE_IMG), ("script", "ministry", HOSTILE_SCRIPT),
                               ("href", "korea", HOSTILE_HREF)):
        v.page.fill("#search", query)
        assert v.page.locator("#results li button span").first.inner_text() == label
        v.page.press("#search", "Enter")
        assert v.js("kgView.network.getSelectedNodes()") == [node]
        assert v.page.inner_text("#details h2") == label
        assert v.page.locator("#details h2").inner_html() == label.replace("&", "&amp;").replace(
            "<", "&lt;").replace(">", "&gt;")
    v.hover(*v.point("acme"))
    assert v.page.inner_text("#tooltip strong") == HOSTILE_IMG
    assert v.js("typeof window.__xss") == "undefined"
    assert v.js("document.querySelectorAll('img, a').length") == 0
    assert v.errors == [] and v.blocked == []
    assert v.requests == [path.as_uri()]  # not even the file: URL the <img src=x> would ask for
    v.close()


def test_hostile_sources_notes_and_link_texts_show_as_text_and_run_nothing(browser, tmp_path):
    """Beyond node labels: a publisher and a source label (the source menu, citations in tooltips and details), a
    headline, a relation's note, and a label that is a javascript: URL. All are shown as the text they are."""
    import shutil

    from conftest import MINIMAL

    publisher, source = "<img src=x onerror=window.__xss=4>", "<svg onload=window.__xss=5></svg>"
    title, note, link = '"><script>window.__xss=6</script>', "<img src=y onerror=window.__xss=7> & <b>bold</b>", \
        "javascript:window.__xss=8"
    seeds = tmp_path / "seeds"
    shutil.copytree(MINIMAL, seeds)
    for file, old, new in (("entities.yaml", "label: {en: Daily A,", f'label: {{en: "{publisher}",'),
                           ("entities.yaml", "label: {en: NVIDIA,", f'label: {{en: "{link}",'),
                           ("sources.yaml", 'label: {en: "Unattributed test article"', f"label: {{en: '{source}'"),
                           ("sources.yaml", 'title: "테스트 기사 A"', f"title: '{title}'"),
                           ("facts/src-a.yaml", "note: three-way MOU", f'note: "{note}"')):
        text = (seeds / file).read_text(encoding="utf-8")
        assert old in text
        (seeds / file).write_text(text.replace(old, new), encoding="utf-8")
    G = api.partnership_network(seeds)
    path = tmp_path / "hostile-sources.html"
    api.write_view(G, path)
    v = Visit(browser, path).ready()
    # (the page's own SVG: the legend's node shapes)
    dangerous = "document.querySelectorAll('img, svg:not(#types svg.swatch), a, iframe, object, embed').length"
    assert v.js("typeof window.__xss") == "undefined" and v.js(dangerous) == 0
    assert v.js("document.querySelectorAll('script').length") == 3

    # the source menu: each source by its publisher (or its label), date and headline
    options = v.js("Array.from(document.querySelectorAll('#source option')).slice(1).map(o => o.textContent)")
    assert options == [f"{publisher} · 2025-10-31 · “{title}”", f"{source} · 2025-11-01"]
    v.page.select_option("#source", "src-a")
    assert v.shown() == (api.partnership_network(seeds, source="src-a").number_of_nodes(),
                         api.partnership_network(seeds, source="src-a").number_of_edges())
    v.page.select_option("#source", "")

    # details of the javascript: node: its label, every relation's note and citations, all as text
    v.page.fill("#search", "javascript")
    assert v.page.locator("#results li button span").first.inner_text() == link
    v.page.press("#search", "Enter")
    assert v.page.inner_text("#details h2") == link
    details = v.page.inner_text("#details")
    assert note in details
    assert f"{publisher} · 2025-10-31 · “{title}”" in details and f"{source} · 2025-11-01" in details
    assert "&lt;img src=y onerror=window.__xss=7&gt; &amp; &lt;b&gt;bold&lt;/b&gt;" in v.page.inner_html("#details")
    assert v.js("document.querySelectorAll('#details b, #details a, #details img').length") == 0

    # a tooltip: hover the acme - ministry link, which is the MOU alone
    tooltip = v.hover(*v.point("acme", "ministry"))
    assert note in tooltip and f"{publisher} · 2025-10-31 · “{title}”" in tooltip
    assert v.js("document.querySelectorAll('#tooltip b, #tooltip img, #tooltip svg').length") == 0

    assert v.js("typeof window.__xss") == "undefined" and v.js(dangerous) == 0
    assert v.errors == [] and v.blocked == []
    assert v.requests == [path.as_uri()]
    v.close()


#: The box of every label vis-network draws, in the canvas's own pixels (0, 0 = its top left corner): the
#: width measured here with the canvas's text metrics in the font vis-network draws the label in, centred on
#: the node as vis-network centres it; the top and bottom where vis-network last drew the label.
LABEL_BOXES = """() => { const net = kgView.network, ctx = document.createElement('canvas').getContext('2d');
    const threshold = net.body.nodes[net.body.nodeIndices[0]].options.scaling.label.drawThreshold;
    return net.body.nodeIndices.map(id => { const n = net.body.nodes[id], L = n.labelModule, f = L.fontOptions;
        ctx.font = f.size + 'px ' + f.face;
        const width = Math.max(...String(n.options.label).split('\\n').map(t => ctx.measureText(t).width));
        const a = net.canvasToDOM({x: n.x - width / 2, y: L.size.top});
        const b = net.canvasToDOM({x: n.x + width / 2, y: L.size.top + L.size.height});
        return {id, label: n.options.label, left: a.x, top: a.y, right: b.x, bottom: b.y,
                drawn: f.size * net.getScale() >= threshold, measured: width, vis: L.size.width}; }); }"""


def label_problems(v: Visit) -> dict[str, list]:
    """Labels that are not drawn, that stick out of the map's canvas, or that overlap another label."""
    boxes = v.js(LABEL_BOXES)
    width, height = v.js("(c => [c.clientWidth, c.clientHeight])(kgView.network.canvas.frame.canvas)")
    assert len(boxes) == len(v.js("kgView.visibleNodes()")) > 0
    for b in boxes:  # the width measured here is the one vis-network measured: the boxes are where the text is
        assert abs(b["measured"] - b["vis"]) < 1, b
    return {
        "not drawn": [b["label"] for b in boxes if not b["drawn"]],
        "clipped": [b["label"] for b in boxes if b["left"] < 0 or b["top"] < 0 or b["right"] > width
                    or b["bottom"] > height],
        "overlapping": [(a["label"], b["label"]) for i, a in enumerate(boxes) for b in boxes[i + 1:]
                        if a["left"] < b["right"] and b["left"] < a["right"] and a["top"] < b["bottom"]
                        and b["top"] < a["bottom"]],
    }


@pytest.fixture(scope="module")
def korean_page(tmp_path_factory, G):
    path = tmp_path_factory.mktemp("view-ko") / "partners-ko.html"
    api.write_view(G, path, lang="ko")
    return path


@pytest.mark.parametrize("viewport", [(1400, 900), (1280, 720)])
@pytest.mark.parametrize("lang", ["en", "ko"])
def test_no_label_is_clipped_or_overlaps_another_at_first_view(browser, seed_page, korean_page, lang, viewport):
    v = Visit(browser, seed_page if lang == "en" else korean_page, viewport).ready()
    v.settle()
    assert label_problems(v) == {"not drawn": [], "clipped": [], "overlapping": []}
    if lang == "en":  # and after switching the labels to the other language
        v.page.select_option("#lang", "ko")
        v.page.click("#fit")
        v.settle()
        assert label_problems(v) == {"not drawn": [], "clipped": [], "overlapping": []}
    assert v.errors == [] and v.blocked == []
    v.close()


def test_conflict_marks_stand_upright(visit):
    """A ⚠ drawn along its link turns with the link and looks like an arrowhead; it is drawn level."""
    marked = visit.js("kgView.network.body.edgeIndices.map(id => kgView.network.body.edges[id].options)"
                      ".filter(o => o.label === '⚠').map(o => o.font.align)")
    assert len(marked) == 8 and set(marked) == {"horizontal"}


def png_rgba(png: bytes) -> tuple[int, int, list[bytes]]:
    """A PNG screenshot as (width, height, rows of RGBA bytes): 8-bit RGB or RGBA, not interlaced, as Chromium
    writes them."""
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, head = 8, b"", None
    while pos < len(png):
        length, kind = struct.unpack(">I4s", png[pos:pos + 8])
        body = png[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            head = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    width, height, depth, colour, _, _, interlace = head
    assert depth == 8 and colour in (2, 6) and interlace == 0, head
    bpp = 4 if colour == 6 else 3
    raw, stride, rows, prev = zlib.decompress(idat), width * bpp, [], bytearray(width * bpp)
    for y in range(height):
        kind, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a, b = line[i - bpp] if i >= bpp else 0, prev[i]
            c = prev[i - bpp] if i >= bpp else 0
            if kind == 1:
                line[i] = (line[i] + a) & 255
            elif kind == 2:
                line[i] = (line[i] + b) & 255
            elif kind == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif kind == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(bytes(line) if bpp == 4 else b"".join(bytes(line[i:i + 3]) + b"\xff" for i in range(0, stride, 3)))
        prev = line
    return width, height, rows


def shape_mask(png: bytes, colour: str, n: int = 32) -> set[tuple[int, int]]:
    """The shape in the middle of a picture: the pixels in (nearly) the given colour connected to its centre,
    cropped to where they are and scaled to n x n cells, so that shapes of any size and position compare."""
    want = bytes.fromhex(colour.lstrip("#")[:6])
    width, height, rows = png_rgba(png)
    near = {(x, y) for y, row in enumerate(rows) for x in range(width)
            if row[4 * x + 3] > 128 and max(abs(row[4 * x + k] - want[k]) for k in range(3)) <= 20}
    todo = [(width // 2, height // 2)] if (width // 2, height // 2) in near else []
    found: set[tuple[int, int]] = set(todo)
    while todo:  # flood fill: lines of a similar colour that only touch the shape's border stay out
        x, y = todo.pop()
        for step in ((x + 1, y), (x - 1, y), (x, y + 1), (x, y - 1)):
            if step in near and step not in found:
                found.add(step)
                todo.append(step)
    hits = list(found)
    assert len(hits) > 50, f"no shape in {colour} found in the middle"
    x0, x1 = min(x for x, _ in hits), max(x for x, _ in hits) + 1
    y0, y1 = min(y for _, y in hits), max(y for _, y in hits) + 1
    return {(i, j) for i in range(n) for j in range(n)
            if (int(x0 + (i + 0.5) * (x1 - x0) / n), int(y0 + (j + 0.5) * (y1 - y0) / n)) in found}


def overlap(a: set, b: set) -> float:
    return len(a & b) / len(a | b)


def test_legend_shapes_are_the_shapes_drawn(browser, tmp_path):
    """Every node type's legend swatch, rendered, has the outline of the nodes of that type on the map (compared as
    pixel masks): it matches its own nodes better than any swatch of another shape does. The page has every
    shape: people (star), products (hexagon), projects (triangle down), agreement hubs (diamond)."""
    H = api.partnership_network(SEEDS, include=["people", "products", "projects"], hubs=True)
    path = tmp_path / "all-shapes.html"
    api.write_view(H, path)
    v = Visit(browser, path).ready()
    # swatches drawn big (they are SVG: the same shape at any size); links hidden, so only node shapes are seen
    v.js("document.querySelectorAll('#types .swatch').forEach(s => { s.style.width = s.style.height = '120px'; })")
    v.js("kgView.edges.update(kgView.edges.getIds().map(id => ({id, hidden: true})))")
    types = v.js("kgView.data.types")
    assert {t["shape"] for t in types} == {"dot", "square", "triangle", "triangleDown", "diamond", "star", "hexagon"}
    graph = v.page.locator("#graph").bounding_box()
    swatches = v.page.locator("#types .legend-row .swatch")
    assert swatches.count() == len(types)
    drawn, legend = {}, {}
    for i, t in enumerate(types):
        # the biggest node of the type, as drawn on the map's canvas, zoomed in on
        node = v.js(f"""(() => {{ const net = kgView.network, ids = net.body.nodeIndices.filter(id =>
            kgView.data.nodes.find(n => n.id === id).type === {t['type']!r});
            const id = ids.sort((a, b) => net.body.nodes[b].options.size - net.body.nodes[a].options.size)[0];
            const n = net.body.nodes[id];
            net.moveTo({{position: {{x: n.x, y: n.y}}, scale: 60 / n.options.size}});
            net.redraw();
            const p = net.canvasToDOM({{x: n.x, y: n.y}});
            return {{id, shape: n.options.shape, x: p.x, y: p.y, r: n.options.size * net.getScale()}}; }})()""")
        assert node["shape"] == t["shape"]
        half = 1.5 * node["r"]
        drawn[t["type"]] = shape_mask(v.page.screenshot(clip={"x": graph["x"] + node["x"] - half, "width": 2 * half,
                                                             "y": graph["y"] + node["y"] - half, "height": 2 * half}),
                                      t["color"])
        legend[t["type"]] = (t["shape"], shape_mask(swatches.nth(i).screenshot(), t["color"]))
    for t in types:
        own = overlap(drawn[t["type"]], legend[t["type"]][1])
        others = {shape: round(overlap(drawn[t["type"]], mask), 2) for shape, mask in legend.values()
                  if shape != t["shape"]}
        assert own >= 0.85 and all(o < own - 0.05 for o in others.values()), (t["type"], t["shape"], own, others)
    assert v.errors == [] and v.blocked == []
    v.close()


def test_legend_counts_follow_the_filters(visit, G):
    def counts(legend):
        rows = visit.page.locator(f"#{legend} .legend-row")
        return [" ".join(t.split()) for t in rows.all_inner_texts()]

    sectors = sum(1 for _, t in G.nodes(data="type") if t == "Sector")
    assert f"sector {sectors}" in counts("types")
    visit.page.uncheck('#kinds input[data-kind="gpu-allocation"]')
    # the public and private sectors receive GPUs only: one sector is left; the unticked kind still says 13
    assert f"sector 1/{sectors}" in counts("types") and "GPU allocation 13" in counts("kinds")
    visit.page.click("#reset")
    visit.page.select_option("#source", "news1-20251031")
    only = api.partnership_network(SEEDS, source="news1-20251031")
    by_kind = {}
    for _, _, k in only.edges(data="kind"):
        by_kind[k] = by_kind.get(k, 0) + 1
    shown = visit.js("Array.from(document.querySelectorAll('#kinds .legend-row')).map(r => "
                     "[r.querySelector('input').value, +r.querySelector('.count').dataset.shown])")
    assert {k: n for k, n in shown if n} == by_kind
    companies = sum(1 for _, t in only.nodes(data="type") if t == "Company")
    shown_companies = visit.js("+document.querySelector('#types [data-type=Company] .count').dataset.shown")
    assert shown_companies == companies


def in_view(v: Visit, ids: list[str]) -> list[str]:
    """The nodes among ids whose centre is not on the visible map (outside its canvas, or under the details panel)."""
    v.settle()
    graph = v.page.locator("#graph").bounding_box()
    panel = v.page.locator("#details").bounding_box() if v.page.locator("#details").is_visible() else None

    def inside(box, x, y):
        return box is not None and box["x"] < x < box["x"] + box["width"] and box["y"] < y < box["y"] + box["height"]

    hidden = []
    for node in ids:
        p = v.js(f"kgView.network.canvasToDOM(kgView.network.getPositions([{node!r}])[{node!r}])")
        x, y = graph["x"] + p["x"], graph["y"] + p["y"]
        if inside(panel, x, y) or not inside(graph, x, y):
            hidden.append(node)
    return hidden


def partners_shown(v: Visit, node: str) -> list[str]:
    return sorted({n for e in v.js("kgView.visibleEdges().map(id => kgView.edges.get(id))")
                   for n in (e["from"], e["to"]) if node in (e["from"], e["to"])} - {node})


@pytest.mark.parametrize("how", ["nvidia", "National Assembly", "click the rightmost node"])
def test_the_details_panel_never_hides_the_selection_or_its_partners(visit, how):
    if how.startswith("click"):
        node = visit.js("(p => Object.keys(p).sort((a, b) => p[b].x - p[a].x)[0])(kgView.network.getPositions())")
        visit.page.mouse.click(*visit.point(node))
    else:
        visit.page.fill("#search", how)
        visit.page.press("#search", "Enter")
        node = visit.js("kgView.network.getSelectedNodes()[0]")
    assert visit.js("kgView.network.getSelectedNodes()") == [node]
    assert visit.page.locator("#details").is_visible()
    partners = partners_shown(visit, node)
    assert partners and in_view(visit, [node, *partners]) == []


def test_a_fact_of_several_parties_is_listed_once_in_the_details(visit, G):
    """NVIDIA signed the seven-party AI-RAN MOU: its details list the MOU once, with the six other parties, not once
    per partner; and every other fact of NVIDIA's once too."""
    import re

    visit.page.fill("#search", "nvidia")
    visit.page.press("#search", "Enter")
    details = visit.page.inner_text("#details")
    facts = {d["fact"] for _, _, d in G.edges("nvidia", data=True)}
    assert "mou-ai-ran" in facts and len(facts) > 20
    counts = {f: len(re.findall(rf"(?<![\w-]){re.escape(f)}(?![\w-])", details)) for f in facts}
    assert {f: c for f, c in counts.items() if c != 1} == {}
    parties = {n for u, v, d in G.edges(data=True) if d["fact"] == "mou-ai-ran" for n in (u, v)} - {"nvidia"}
    row = visit.page.locator("#details ul.several > li", has_text="mou-ai-ran")
    names = row.locator(".partner button.link").all_inner_texts()
    assert sorted(names) == sorted(G.nodes[n]["label_en"] for n in parties) and len(names) == 6
    assert row.locator(".partner").inner_text().startswith("7 parties: ")


def saved(v: Visit, button: str) -> tuple[str, bytes]:
    """Click a save button and return the file the page offers (name, bytes)."""
    with v.page.expect_download() as download:
        v.page.click(button)
    return download.value.suggested_filename, Path(download.value.path()).read_bytes()


SVG = "{http://www.w3.org/2000/svg}"


def test_the_view_saves_as_png_and_svg(visit):
    """Both files come from the page itself, offline: the PNG is the map's canvas, the SVG a drawing of every node
    shown (shape and label) and every link, filtered as the view is."""
    import defusedxml.ElementTree as SafeET

    name, png = saved(visit, "#save-png")
    assert name == "partners.png" and png[:8] == b"\x89PNG\r\n\x1a\n"
    width, height, rows = png_rgba(png)
    assert (width, height) == tuple(visit.js("(c => [c.width, c.height])(kgView.network.canvas.frame.canvas)"))
    ink = sum(1 for row in rows[::4] for x in range(0, width, 4) if row[4 * x:4 * x + 3] != b"\xff\xff\xff")
    assert ink > 1000  # nodes, links and labels, not a blank picture

    visit.page.uncheck('#kinds input[data-kind="gpu-allocation"]')
    name, svg = saved(visit, "#save-svg")
    assert name == "partners.svg" and len(svg) > 0
    root = SafeET.fromstring(svg)
    assert root.tag == f"{SVG}svg"
    shown = set(visit.js("kgView.visibleNodes()"))
    labels = {n["id"]: n["en"] for n in visit.js("kgView.data.nodes")}
    drawn = {e.get("data-id"): "".join(e.itertext()) for e in root.iter(f"{SVG}text") if e.get("data-id")}
    assert drawn == {n: labels[n] for n in shown} and len(drawn) == 27
    assert {e.get("data-id") for e in root.find(f"{SVG}g[@class='nodes']")} == shown
    assert len(root.findall(f"{SVG}g[@class='links']/{SVG}path")) == len(visit.js("kgView.visibleEdges()")) == 69
    marks = [e.text for e in root.iter(f"{SVG}text") if not e.get("data-id")]
    assert marks == ["⚠"] * visit.js("kgView.visibleEdges().filter(id => kgView.edges.get(id).label).length")


def test_a_saved_svg_keeps_hostile_labels_as_text(browser, tmp_path):
    import defusedxml.ElementTree as SafeET

    G = api.partnership_network(hostile_seeds(tmp_path / "seeds"))
    path = tmp_path / "hostile.html"
    api.write_view(G, path)
    v = Visit(browser, path).ready()
    _, svg = saved(v, "#save-svg")
    texts = {"".join(e.itertext()) for e in SafeET.fromstring(svg).iter(f"{SVG}text")}
    assert {HOSTILE_IMG, HOSTILE_SCRIPT, HOSTILE_HREF} <= texts
    assert b"<script" not in svg and b"<img" not in svg
    assert v.js("typeof window.__xss") == "undefined"
    assert v.errors == [] and v.blocked == []
    v.close()


def test_the_page_prints_cleanly(visit, tmp_path):
    """Printed: title, counts, the map whole and undistorted within the page's width, the legends; no search box,
    buttons or menus. Chromium's own PDF of the page is the proof it prints."""
    visit.page.fill("#search", "kisti")
    visit.page.press("#search", "Enter")
    visit.page.emulate_media(media="print")
    for control in ("#search", "#fit", "#reset", "#save-png", "#save-svg", "#lang", "#source", "#results",
                    "#kinds input", "#focus-toggle", "#details .close"):
        assert not visit.page.locator(control).first.is_visible(), control
    for shown in ("#title", "#counts", "#kinds", "#types", "#graph canvas", "#details h2"):
        assert visit.page.locator(shown).first.is_visible(), shown
    canvas = visit.page.locator("#graph canvas").bounding_box()
    page_width = visit.js("document.documentElement.clientWidth")
    bitmap = visit.js("(c => [c.width, c.height])(document.querySelector('#graph canvas'))")
    assert canvas["x"] >= 0 and canvas["x"] + canvas["width"] <= page_width and canvas["height"] > 200
    assert abs(canvas["width"] / canvas["height"] - bitmap[0] / bitmap[1]) < 0.02  # scaled, not stretched
    order = visit.js("['#title', '#graph', '#kinds', '#details'].map(s => document.querySelector(s)"
                     ".getBoundingClientRect().top)")
    assert order == sorted(order)  # title, map, legends, then the details
    pdf = visit.page.pdf()
    assert pdf.startswith(b"%PDF") and len(pdf) > 50_000
    visit.page.emulate_media(media="screen")


# ------------------------------------------------------------------ the status and date filters (issue 15, item 4)

def drawn_relations(v: Visit) -> Counter:
    """The links vis-network draws, as (the two ends, fact, kind)."""
    rows = v.js("kgView.network.body.edgeIndices.map(id => { const e = kgView.data.edges.find(x => x.id === id);"
                " return [e.from, e.to, e.fact, e.kind]; })")
    return Counter((tuple(sorted(r[:2])), r[2], r[3]) for r in rows)


def kept_relations(G, flt: LinkFilter) -> Counter:
    """The links kg path and kg neighbors would follow under the same filter (kg/linkfilter.py)."""
    H, _ = flt.apply(G)
    return Counter((tuple(sorted((u, v))), d["fact"], d["kind"]) for u, v, d in H.edges(data=True))


def test_a_status_filter_hides_the_other_links(visit, G):
    assert visit.shown() == (G.number_of_nodes(), G.number_of_edges())
    statuses = visit.js("Array.from(document.querySelectorAll('#statuses input')).map(c => c.value)")
    stated = {d["status"] for _, _, d in G.edges(data=True) if d.get("status")}
    assert statuses == [s for s in ontology.notations("statuses") if s in stated]   # in their lifecycle order
    for status in statuses:
        if status not in ("signed", "agreed"):
            visit.page.uncheck(f'#statuses input[data-status="{status}"]')
    kept = kept_relations(G, LinkFilter.parse(status="signed,agreed"))
    assert drawn_relations(visit) == kept and 0 < sum(kept.values()) < G.number_of_edges()
    assert visit.shown()[1] == sum(kept.values())
    # the legends count what is drawn: links by kind, and by status what each status would add
    by_kind = Counter(kind for _, _, kind in kept)
    shown = visit.js("Array.from(document.querySelectorAll('#kinds .legend-row')).map(r => "
                     "[r.querySelector('input').value, +r.querySelector('.count').dataset.shown])")
    assert {k: n for k, n in shown if n} == dict(by_kind)
    signed = sum(1 for _, _, s in G.edges(data="status") if s == "signed")
    assert visit.js("+document.querySelector('#statuses [data-status=signed]').closest('.legend-row')"
                    ".querySelector('.count').dataset.shown") == signed
    visit.page.click("#reset")
    assert visit.shown() == (G.number_of_nodes(), G.number_of_edges())


@pytest.mark.parametrize(("since", "until"), [("2025-11", ""), ("", "2025-10-31"), ("2025-10-30", "2025-11-03"),
                                              ("2025", "2025-10")])
def test_a_date_range_keeps_exactly_the_relations_dated_in_it(visit, G, since, until):
    visit.page.fill("#since", since)
    visit.page.fill("#until", until)
    kept = kept_relations(G, LinkFilter.parse(since=since or None, until=until or None))
    assert drawn_relations(visit) == kept and sum(kept.values()) > 0
    assert visit.page.is_hidden("#empty") and visit.page.is_hidden("#date-problem")


def test_dates_and_statuses_together_and_a_filter_that_leaves_nothing_says_so(visit, G):
    visit.page.uncheck('#statuses input[data-status="signed"]')
    visit.page.fill("#since", "2025-11")
    statuses = ",".join(s for s in visit.js("Object.keys(kgView.data.statuses)") if s != "signed")
    assert drawn_relations(visit) == kept_relations(G, LinkFilter.parse(status=statuses, since="2025-11"))
    visit.page.fill("#until", "2025-13")  # not a date: said, and not applied
    assert visit.page.inner_text("#date-problem") == text.tr("map date bad", text="2025-13")
    assert drawn_relations(visit) == kept_relations(G, LinkFilter.parse(status=statuses, since="2025-11"))
    visit.page.fill("#since", "2030")
    visit.page.fill("#until", "")
    assert visit.shown() == (0, 0)
    assert visit.page.is_visible("#empty") and visit.page.inner_text("#empty") == text.tr("map empty")
    visit.page.click("#reset")
    assert visit.page.is_hidden("#empty") and visit.shown() == (G.number_of_nodes(), G.number_of_edges())
    assert visit.page.input_value("#since") == ""


def test_kg_view_presets_the_filters(browser, G, tmp_path):
    path = tmp_path / "signed.html"
    flt = LinkFilter.parse(status="signed,agreed", since="2025-10-31")
    api.write_view(G, path, flt=flt)
    v = Visit(browser, path).ready()
    assert drawn_relations(v) == kept_relations(G, flt)
    ticked = v.js("Array.from(document.querySelectorAll('#statuses input:checked')).map(c => c.value)")
    assert ticked == ["agreed", "signed"] and v.page.input_value("#since") == "2025-10-31"
    assert v.errors == [] and v.blocked == []
    v.close()


def test_the_korean_page_shows_the_filters_words_in_korean(browser, korean_page, G):
    v = Visit(browser, korean_page).ready()
    words = {key: text.MESSAGES[key] for key in ("map status", "map status hint", "map dates", "map since",
                                                 "map until", "map date hint")}
    shown = v.page.inner_text("#statuses") + "\n" + v.page.inner_text("#dates")
    statuses = {d["status"] for _, _, d in G.edges(data=True) if d.get("status")}
    for en, ko in list(words.values()) + [(network.status_label(s, "en"), network.status_label(s, "ko"))
                                          for s in statuses]:
        assert ko in shown and en != ko
    english = [line for line in shown.splitlines() if re.search(r"[A-Za-z]{3,}", line)]
    assert english == []
    assert v.page.get_attribute("#since", "placeholder") == text.MESSAGES["map date placeholder"][1]
    v.page.fill("#since", "2025-13")
    assert v.page.inner_text("#date-problem") == text.tr("map date bad", "ko", text="2025-13")
    v.page.fill("#since", "2030")
    assert v.page.inner_text("#empty") == text.tr("map empty", "ko")


def test_a_sources_url_is_a_link_and_only_http_links(browser, tmp_path):
    """Issue 14: a source's URL shows under the source filter and in the details panel as a link that opens
    outside the page; a URL of another scheme (javascript:) stays text, and markup in a URL is text."""
    seeds = tmp_path / "seeds"
    shutil.copytree(MINIMAL, seeds)
    url = 'https://news.example/a?x=1&y="<b>'
    sources = (seeds / "sources.yaml").read_text(encoding="utf-8")
    sources = sources.replace("    file: a.txt\n", f"    file: a.txt\n    url: '{url}'\n")
    sources = sources.replace("    file: b.txt\n", "    file: b.txt\n    url: 'javascript:alert(1)'\n")
    (seeds / "sources.yaml").write_text(sources, encoding="utf-8")
    page = tmp_path / "partners.html"
    api.write_view(api.partnership_network(seeds), page)
    v = Visit(browser, page).ready()
    assert v.js("document.getElementById('source-info').hidden") is True
    v.page.select_option("#source", "src-a")
    link = v.page.locator("#source-info a")
    assert link.count() == 1
    assert link.get_attribute("href") == url and link.inner_text() == url
    assert link.get_attribute("rel") == "noopener noreferrer" and link.get_attribute("target") == "_blank"
    assert "Daily A" in v.page.inner_text("#source-info")
    v.page.select_option("#source", "src-b")
    assert v.page.locator("#source-info a").count() == 0
    assert "javascript:alert(1)" in v.page.inner_text("#source-info")
    assert v.js("document.querySelectorAll('#source-info b, a[href^=\"javascript\"]').length") == 0
    v.page.select_option("#source", "")
    assert v.js("document.getElementById('source-info').hidden") is True
    # the details panel gives the same link under each fact that src-a states
    v.page.mouse.click(*v.point("acme"))
    links = v.page.locator("#details ul.sources a")
    assert links.count() >= 1 and {links.nth(i).get_attribute("href") for i in range(links.count())} == {url}
    assert v.errors == [] and v.blocked == []
    v.close()
