"""Partnership network -> one self-contained interactive HTML page (vis-network), for `kg view`.

Step in the flow: network (kg/network.py) -> view. The page works offline, opened by double-click: it loads
nothing from the network. vis-network 9.1.2 (JS and CSS) is inlined from the copy that pyvis ships, and the
page is rendered from our own Jinja2 template (`kg/templates/view.html.j2`, autoescaped). pyvis's own
template is not used: it pulls Bootstrap from a CDN, does not autoescape, and renders a tooltip that contains
"href" as raw HTML. pyvis's `Network` is not used to assemble the data either: its `add_edge` scans every
edge already added (quadratic: 5,000 nodes would take minutes) and drops parallel edges, and here two
organisations can share several agreements, each with its own sources.

Every text that comes from data reaches the page as JSON in a `<script type="application/json">` element
with `<`, `>`, `&` and `'` escaped (Jinja2's `tojson`), so a label like `</script><script>…` stays data;
the page's script builds tooltips, search results and the details panel with `textContent` only.

Where the sources disagree (`kg conflicts`, attached to each fact by kg/network.py), the page says so: a red
halo and a ⚠ on the link, a "Fact-check" legend with a "show only these" checkbox, and in the tooltip and the
details panel every value with its sources, the link's own one marked. The finding's words (values, source
names, subject) are `kg conflicts`' in the language the network was projected in (`kg view --lang`); the page's
own words come from kg/text.py (the page data's "ui"), in both languages, so its language switch relabels them.

Layout time is bounded whatever the size. Up to IMPROVED_LAYOUT_LIMIT nodes vis-network lays out the network
itself; above it the page starts from positions computed here (Louvain communities as discs on a sunflower
spiral: vis-network's Kamada-Kawai start is quadratic, and a random start does not untangle in a bounded
number of iterations). Physics then runs at most STABILISATION_ITERATIONS iterations and is switched off;
above LARGE nodes it does not run at all — 5,000 organisations open in a few seconds, with their clusters
visible. See benchmarks/view_scale.py and benchmarks/results/view-scale.md for the measured times.
"""

from __future__ import annotations

import importlib.util
import math
from collections import Counter, defaultdict
from functools import cache
from pathlib import Path
from typing import Any, cast

import networkx as nx
from rdflib import Literal
from rdflib.namespace import RDFS

from kg import model, ontology, qualifiers
from kg.linkfilter import DATE, LinkFilter
from kg.network import CONFLICT_HEADS, display, kinds, partner_counts, partners_graph, status_label
from kg.ontology import KGO
from kg.resources import data_dir
from kg.serialize import write_atomic
from kg.text import DEFINITION, page_messages, tr

#: Node colour and shape by type (most specific class), falling back to the group.
NODE_STYLES: dict[str, tuple[str, str]] = {
    "Company": ("#4e79a7", "dot"),
    "InvestmentFirm": ("#76b7b2", "dot"),
    "GovernmentBody": ("#e15759", "dot"),
    "PublicResearchInstitute": ("#59a14f", "dot"),
    "University": ("#8cd17d", "dot"),
    "IndustryAssociation": ("#b07aa1", "dot"),
    "Alliance": ("#ff9da7", "dot"),
    "NewsPublisher": ("#9c755f", "dot"),
    "Organization": ("#bab0ac", "dot"),
    "Sector": ("#f28e2b", "square"),
    "Country": ("#edc948", "triangle"),
    "person": ("#d37295", "star"),
    "product": ("#499894", "hexagon"),
    "project": ("#86bcb6", "triangleDown"),
    "agreement": ("#555555", "diamond"),
}

#: Up to this many nodes vis-network lays the network out itself (improvedLayout, Kamada-Kawai, is quadratic);
#: above it the page starts from a layout computed here (initial_positions).
#: The page also moves nodes apart until no labels overlap (view.js, declutter: quadratic too) up to this size.
IMPROVED_LAYOUT_LIMIT = 200
#: Above this many nodes the page is "large": no physics at all (the computed layout is final; nodes can still
#: be dragged), straight edges, edges hidden while dragging and zooming.
LARGE = 1000
#: Physics runs at most this many stabilisation iterations, then the page switches it off.
STABILISATION_ITERATIONS = 300

def vis_dir() -> Path:
    """The vis-network 9.1.2 files pyvis ships (found without importing pyvis, which imports IPython)."""
    spec = importlib.util.find_spec("pyvis")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("pyvis is not installed; it provides vis-network (pip install pyvis==0.3.2)")
    return Path(list(spec.submodule_search_locations)[0]) / "lib" / "vis-9.1.2"


def _inline(text: str, tag: str) -> str:
    """Text to put inside a <script> or <style> element; refuse what could end the element early."""
    lowered = text.lower()
    if f"</{tag}" in lowered or "<!--" in lowered:
        raise ValueError(f"cannot inline text that contains </{tag} or <!--")
    return text


@cache
def assets() -> dict[str, str]:
    vis = vis_dir()
    return {
        "vis_js": _inline((vis / "vis-network.min.js").read_text(encoding="utf-8"), "script"),
        "vis_css": _inline((vis / "vis-network.css").read_text(encoding="utf-8"), "style"),
        "app_js": _inline((data_dir("templates") / "view.js").read_text(encoding="utf-8"), "script"),
        "app_css": _inline((data_dir("templates") / "view.css").read_text(encoding="utf-8"), "style"),
    }


def type_label(cls: str, lang: str) -> str:
    """The ontology's label of a class ('company' / '기업'), the name shown in the legend."""
    for label in ontology.ontology_graph().objects(KGO[cls], RDFS.label):
        if cast(Literal, label).language == lang:  # kg.ttl's labels are literals
            return str(label)
    return cls


def node_style(node: dict[str, Any]) -> tuple[str, str]:
    return NODE_STYLES.get(node["type"]) or NODE_STYLES.get(node["group"]) or NODE_STYLES["Organization"]


def vis_options(n_nodes: int) -> dict[str, Any]:
    """vis-network options: physics stabilises for a bounded number of iterations, then the page turns it off;
    large networks keep the layout computed here and never run physics."""
    large = n_nodes > LARGE
    return {
        "autoResize": True,
        "layout": {"randomSeed": 7, "improvedLayout": n_nodes <= IMPROVED_LAYOUT_LIMIT},
        "nodes": {
            "borderWidth": 1,
            "font": {"size": 14, "face": "system-ui, sans-serif", "strokeWidth": 3, "strokeColor": "#ffffff"},
            "scaling": {"min": 8, "max": 36, "label": {"enabled": True, "min": 12, "max": 22, "drawThreshold": 7}},
        },
        "edges": {"smooth": False, "selectionWidth": 2, "hoverWidth": 0.5,
                  "arrows": {"to": {"scaleFactor": 0.6}, "from": {"scaleFactor": 0.6}}},
        "physics": {
            "enabled": not large,
            "solver": "barnesHut",
            "barnesHut": {"gravitationalConstant": -8000, "springLength": 140,
                          "springConstant": 0.03, "damping": 0.25, "avoidOverlap": 0.1},
            "stabilization": {"enabled": True, "iterations": STABILISATION_ITERATIONS,
                              "updateInterval": 25, "fit": True},
        },
        "interaction": {"hover": True, "tooltipDelay": 100, "hideEdgesOnDrag": large, "hideEdgesOnZoom": large,
                        "keyboard": False, "multiselect": False},
    }


#: Distance between neighbouring nodes in the starting layout of big networks (vis-network canvas units).
SPACING = 60
GOLDEN_ANGLE = math.pi * (3 - math.sqrt(5))


def initial_positions(G: nx.MultiGraph) -> dict[str, tuple[float, float]]:
    """A starting layout for networks above IMPROVED_LAYOUT_LIMIT nodes, where vis-network's own initial
    layout is too slow and a random start does not untangle within the bounded iterations: each Louvain
    community is a disc with its best-connected nodes in the middle, and the discs lie on a sunflower spiral,
    largest in the centre. Deterministic (fixed seed, sorted ties)."""
    S = partners_graph(G)
    found = nx.community.louvain_communities(S, seed=0) if S.number_of_edges() else [set(S)]
    communities = sorted((sorted(c, key=lambda n: (-S.degree(n), n)) for c in found),
                         key=lambda c: (-len(c), c[0]))
    positions: dict[str, tuple[float, float]] = {}
    placed = 0
    for i, members in enumerate(communities):
        radius = SPACING * 1.3 * math.sqrt(placed + len(members) / 2) if i else 0.0
        cx, cy = radius * math.cos(i * GOLDEN_ANGLE), radius * math.sin(i * GOLDEN_ANGLE)
        for k, node in enumerate(members):
            r = SPACING * math.sqrt(k)
            positions[node] = (round(cx + r * math.cos(k * GOLDEN_ANGLE), 1),
                               round(cy + r * math.sin(k * GOLDEN_ANGLE), 1))
        placed += len(members)
    return positions


def _offsets(n: int) -> list[int]:
    """0, 1, -1, 2, -2, … for an odd count; 1, -1, 2, -2, … for an even one."""
    seq = [0] if n % 2 else []
    k = 1
    while len(seq) < n:
        seq += [k, -k]
        k += 1
    return seq[:n]


def _curves(pairs: list[tuple[str, str]]) -> list[float]:
    """Signed roundness for each edge so that parallel edges between two nodes fan out instead of overlapping."""
    total = Counter(pairs)
    seen: Counter = Counter()
    out = []
    for pair in pairs:
        out.append(0.18 * _offsets(total[pair])[seen[pair]])
        seen[pair] += 1
    return out


#: The unit a figure is counted in for the width of its line (GPUs one by one, money in millions of its
#: currency): a line is 1.5 px plus half the decimal logarithm of the figure in these units, none below 1.
FIGURE_UNITS = {"amount": 1_000_000}


def line_width(figure: float | None, field: str) -> float:
    """1.5 px for a link without a figure; wider by half a pixel per tenfold figure (GPUs, money)."""
    if not figure:
        return 1.5
    return round(1.5 + max(0.0, math.log10(figure / FIGURE_UNITS.get(field, 1))) / 2, 2)


#: What the page needs of each fact (shared by all the edges the fact makes).
FACT_KEYS = ("fact_kind", "date", "status", "gpus", "qualifier", "amount", "currency", "amount_text", "note",
             "inferred", "topics", "products", "post", "sources")


def _legend(G: nx.MultiGraph, edges: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The relation kinds drawn, in display order, with their labels, colour, line and count (kg/model.yaml)."""
    declared = model.active().relations
    return [{"name": k, "en": kinds()[k].label_en, "ko": kinds()[k].label_ko, "color": declared[k].style[0],
             "line": declared[k].style[1], "count": sum(1 for e in edges if e["kind"] == k)}
            for k in G.graph.get("kinds", kinds()) if any(e["kind"] == k for e in edges)]


def _fact(d: dict[str, Any], sources: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """What the page needs of a fact, with "dated": the date the page's date filter judges it by, computed by
    kg/linkfilter.py as for kg path and kg neighbors (the agreement's date, else the first report of it)."""
    fact = {k: d[k] for k in FACT_KEYS if k in d}
    fact["dated"] = LinkFilter().date_of(d, sources)
    if d.get("conflicts"):  # only disputed facts carry the key: the page stays small
        fact["conflicts"] = d["conflicts"]
    return fact


def page_data(G: nx.MultiGraph, lang: str = "en") -> dict[str, Any]:
    """Everything the page shows, as plain JSON-able values (the page's script does the rest)."""
    partners: dict[str, set[str]] = defaultdict(set)
    relations: Counter = Counter()
    facts: dict[str, dict[str, Any]] = {}
    edges: list[dict[str, Any]] = []
    rows = sorted(G.edges(keys=True, data=True), key=lambda e: e[2])
    pairs = [tuple(sorted((u, v))) for u, v, _, _ in rows]
    large = G.number_of_nodes() > LARGE
    # a figure that widens the line
    widths = {k: r.style[2] for k, r in model.active().relations.items() if len(r.style) > 2}
    for (u, v, _, d), (a, b), curve in zip(rows, pairs, _curves(pairs), strict=True):
        partners[u].add(v)
        partners[v].add(u)
        relations[u] += 1
        relations[v] += 1
        if d["fact"] not in facts:
            facts[d["fact"]] = _fact(d, G.graph.get("sources", {}))
        arrows = ("to" if d["from"] == a else "from") if d["directed"] else ""
        width = line_width(d.get(widths.get(d["kind"], "")), widths.get(d["kind"], ""))
        edges.append({"id": f"e{len(edges)}", "from": a, "to": b, "kind": d["kind"], "role": d["role"],
                      "fact": d["fact"], "src": d["from"], "dst": d["to"], "arrows": arrows,
                      "width": width, "curve": 0.0 if large else round(curve, 2)})
    positions = initial_positions(G) if G.number_of_nodes() > IMPROVED_LAYOUT_LIMIT else {}
    nodes = []
    for node, d in sorted(G.nodes(data=True)):
        color, shape = node_style(d)
        # partners and relations as DEFINITION says (as kg stats, kg neighbors and kg explain count them); with a
        # hub per multi-party fact the links go through the hubs, so they are counted as drawn
        count = (len(partners[node]), relations[node]) if G.graph.get("hubs") else partner_counts(G, node)
        nodes.append({"id": node, "type": d["type"], "group": d["group"], "en": d["label_en"], "ko": d["label_ko"],
                      "aliases": d["aliases"], "partners": count[0], "relations": count[1],
                      "color": color, "shape": shape})
        if node in positions:
            nodes[-1]["x"], nodes[-1]["y"] = positions[node]
    types = Counter((d["type"], d["group"]) for _, d in G.nodes(data=True))
    cited = sorted({s["id"] for f in facts.values() for s in f["sources"]})
    return {
        "meta": {"lang": lang, "nodes": G.number_of_nodes(), "edges": G.number_of_edges(),
                 "large": large, "declutter": G.number_of_nodes() <= IMPROVED_LAYOUT_LIMIT,
                 "hubs": bool(G.graph.get("hubs")), **{k: G.graph.get(k) for k in ("focus", "depth", "source")}},
        "options": vis_options(G.number_of_nodes()),
        "kinds": _legend(G, edges),
        "roles": model.active().role_words_ko(),  # a link's role in one Korean word
        "named_roles": model.active().named_roles(),  # undirected links that say their role
        "types": [{"type": t, "group": g, "en": type_label(t, "en"), "ko": type_label(t, "ko"),
                   "color": node_style({"type": t, "group": g})[0], "shape": node_style({"type": t, "group": g})[1],
                   "count": c} for (t, g), c in sorted(types.items(), key=lambda x: (-x[1], x[0]))],
        "nodes": nodes,
        "edges": edges,
        "facts": facts,
        "sources": {s: G.graph["sources"][s] for s in cited if s in G.graph["sources"]},
        "terms": G.graph.get("terms", {}),
        "conflict_heads": CONFLICT_HEADS,
        "qualifiers": qualifiers.words(),
        "definition": DEFINITION,  # what the partner and relation counts count (en, ko), shown next to them
        "statuses": _statuses(facts), "ui": page_messages(),  # status labels; the page's words (kg/text.py)
        "status_order": _status_order(facts),  # the order the status filter lists them in
        "date_pattern": DATE.pattern,  # what a from/until date may be, as --since/--until check it
    }


def _statuses(facts: dict[str, dict[str, Any]]) -> dict[str, dict[str, str]]:
    return {s: {"en": status_label(s, "en"), "ko": status_label(s, "ko")} for s in _status_order(facts)}


def _status_order(facts: dict[str, dict[str, Any]]) -> list[str]:
    """The statuses the facts state in their lifecycle order (kg.ttl's kgo:order), as the map's status filter lists
    them: a list, as the page data's objects are written with sorted keys."""
    stated = {f["status"] for f in facts.values() if f.get("status")}
    return [s for s in ontology.notations("statuses") if s in stated]


def title_for(G: nx.MultiGraph, lang: str = "en") -> str:
    title = tr("map title", lang)
    if G.graph.get("focus"):
        depth = G.graph.get("depth", 1)
        title += tr("map title focus", lang, name=display(G, G.graph["focus"], lang), depth=depth,
                    s="s" if depth != 1 else "")
    if G.graph.get("source"):
        title += tr("map title source", lang, source=G.graph["source"])
    return title


@cache
def _template():
    from jinja2 import Environment, FileSystemLoader

    env = Environment(loader=FileSystemLoader(str(data_dir("templates"))), autoescape=True, keep_trailing_newline=True)
    env.policies["json.dumps_kwargs"] = {"sort_keys": True, "ensure_ascii": False}
    return env.get_template("view.html.j2")


def preset(flt: LinkFilter | None) -> dict[str, Any]:
    """The status and date filters the page opens with (`kg view --status/--since/--until`)."""
    if not flt:
        return {"statuses": None, "since": None, "until": None}
    return {"statuses": list(flt.statuses) or None, "since": flt.since, "until": flt.until}


def render(G: nx.MultiGraph, lang: str = "en", title: str | None = None, flt: LinkFilter | None = None) -> str:
    """The page as a string: one self-contained HTML file; `flt` pre-sets its status and date filters."""
    from markupsafe import Markup

    if lang not in ("en", "ko"):
        raise ValueError(f"lang must be 'en' or 'ko', not {lang!r}")
    parts = {k: Markup(v) for k, v in assets().items()}
    data = page_data(G, lang)
    data["filter"] = preset(flt)
    data["title"] = {"en": title, "ko": title} if title else {k: title_for(G, k) for k in ("en", "ko")}
    return _template().render(title=data["title"][lang], lang=lang, data=data, ui=_words(data["ui"], lang),
                              **parts)


def _words(messages: dict[str, list[str]], lang: str) -> dict[str, str]:
    """The template's words in the language: ui["map fit"]."""
    return {k: v[lang == "ko"] for k, v in messages.items()}


def write(G: nx.MultiGraph, path: str | Path, lang: str = "en", title: str | None = None,
          flt: LinkFilter | None = None) -> Path:
    """Write the page atomically; returns the path."""
    return write_atomic(path, render(G, lang, title, flt).encode("utf-8"))
