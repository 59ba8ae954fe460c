/* kg view: the page's behaviour. Reads the data from the JSON element, draws it with vis-network, and wires
   up search, filters, highlight, tooltips and the details panel. Text from the data is only ever set with
   textContent (never parsed as markup), so a label is shown as text whatever characters it holds. */
(function () {
  "use strict";

  var data = JSON.parse(document.getElementById("kg-data").textContent);
  var state = {
    lang: data.meta.lang,
    kinds: new Set(data.kinds.map(function (k) { return k.name; })),
    source: "",
    onlyConflicts: false,  // show only links whose figure the sources state differently
    // the status and date filters of kg path and kg neighbors (kg/linkfilter.py), as `kg view` pre-sets them:
    // statuses null = every link, else only links of these statuses; since/until as --since/--until
    statuses: data.filter.statuses ? new Set(data.filter.statuses) : null,
    since: data.filter.since, until: data.filter.until,
    focus: null,        // {id, depth}
    selected: null,     // {type: "node"|"edge", id}
  };
  var kindByName = new Map(data.kinds.map(function (k) { return [k.name, k]; }));
  var nodeById = new Map(data.nodes.map(function (n) { return [n.id, n]; }));
  var edgeById = new Map(data.edges.map(function (e) { return [e.id, e]; }));
  var factParties = new Map();  // fact -> the nodes its own links join (its implied product/project links aside)
  data.edges.forEach(function (e) {
    var f = data.facts[e.fact];
    if (f && e.kind !== f.fact_kind) return;
    if (!factParties.has(e.fact)) factParties.set(e.fact, new Set());
    factParties.get(e.fact).add(e.from).add(e.to);
  });
  var DASHES = { solid: false, dashed: [8, 5], dotted: [2, 4] };
  var ROLE_KO = data.roles;  // a link's role in one Korean word (kg/model.yaml, through kg/view.py)
  function named(edge) { return data.named_roles.indexOf(edge.role) >= 0; }  // undirected links that say their role
  var DIM_NODE = { background: "#ececec", border: "#d6d6d6" };
  // Where the sources disagree (kg conflicts, attached to the facts by kg/network.py, which also gives the
  // headings in both languages: network.CONFLICT_HEADS, shared with kg path and kg neighbors).
  var CONFLICT = "#d62728";
  var CONFLICT_HEAD = data.conflict_heads;

  // ------------------------------------------------------------------ helpers

  function el(tag, text, className) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = String(text);
    if (className) e.className = className;
    return e;
  }
  function label(node) { return (state.lang === "ko" ? node.ko : node.en) || node.en || node.id; }
  /** A label as drawn on the map: an agreement hub's kind on one line, its parties on the next. */
  function drawnLabel(node) { var t = label(node); return node.group === "agreement" ? t.replace(": ", "\n") : t; }
  function otherLabel(node) { return state.lang === "ko" ? node.en : node.ko; }
  function kindLabel(name) { var k = kindByName.get(name); return k ? (state.lang === "ko" ? k.ko : k.en) : name; }
  function typeLabel(type) {
    for (var i = 0; i < data.types.length; i++) {
      if (data.types[i].type === type) return state.lang === "ko" ? data.types[i].ko : data.types[i].en;
    }
    return type;
  }
  function term(id) { var t = data.terms[id]; return t ? (state.lang === "ko" ? t.ko : t.en) : id; }
  /** The page's words in the current language (kg/text.py's MESSAGES, through the page data), {names} filled in. */
  function t(key, values) {
    var m = data.ui[key], text = m ? m[state.lang === "ko" ? 1 : 0] : key;
    return text.replace(/\{(\w*)\}/g, function (all, name) { return values && name in values ? values[name] : all; });
  }
  function statusLabel(s) { var x = data.statuses[s]; return x ? (state.lang === "ko" ? x.ko : x.en) : s; }
  function normalise(text) { return String(text).normalize("NFKC").toLowerCase().replace(/[^\p{L}\p{N}]/gu, ""); }
  function number(n) { return Number(n).toLocaleString("en-US"); }

  // Qualifier words come from the ontology (kgo:figureTemplate, read by kg/qualifiers.py): "about {n}", "{n} 이상".
  function figures(f) {
    var q = data.qualifiers[f.qualifier || "stated"] || data.qualifiers.stated, parts = [];
    function hedge(text) { return (state.lang === "ko" ? q.ko : q.en).replace("{n}", text); }
    if (f.gpus !== undefined) parts.push(hedge(t("map gpus", { n: number(f.gpus) })));
    if (f.amount !== undefined) parts.push(hedge((f.currency ? f.currency + " " : "") + number(f.amount)));
    else if (f.amount_text) parts.push(f.amount_text);
    return parts.join(", ");
  }

  // Only a contradiction (claims that cannot all be true) makes a link red; a consistent difference (hedge,
  // precision or level) is listed quietly in the link's details with "≈".
  function disputed(edge) {
    var f = data.facts[edge.fact];
    return !!(f && f.conflicts && f.conflicts.some(function (c) { return c.verdict === "contradiction"; }));
  }

  /** One line per finding the fact takes part in ("⚠" contradiction, "≈" consistent): every value with its
      sources, this link's own value marked, then the reason. E.g. "⚠ Sources contradict each other (…):
      200,000 GPUs [195,000, 205,000) — Newsis, 2025-11-01 [newsis-20251101]; 210,000 GPUs [205,000, 215,000)
      — News1, 2025-10-31 [news1-20251031] (this link); … — 200,000 and 210,000 as stated cannot both hold: …". */
  function conflictBlock(f, container) {
    (f.conflicts || []).forEach(function (c) {
      var box = el("div", null, c.verdict === "contradiction" ? "conflict" : "consistent");
      box.title = c.subject;
      var head = CONFLICT_HEAD[c.kind] ? CONFLICT_HEAD[c.kind][state.lang === "ko" ? 1 : 0] : "⚠ " + c.kind;
      head += " (" + c.subject + "):";
      box.appendChild(el("strong", head));
      c.sides.forEach(function (side, i) {
        box.appendChild(document.createTextNode(i ? "; " : " "));
        var text = side.sources.length ? side.value + " — " + side.sources.join(", ") : side.value;
        var span = el("span", text, side.own ? "side own" : "side");
        if (side.own) span.appendChild(el("span", t("this link"), "this"));
        box.appendChild(span);
      });
      if (c.detail) box.appendChild(document.createTextNode(" — " + c.detail));
      container.appendChild(box);
    });
  }

  function citation(ref) {
    var s = data.sources[ref.id] || {};
    var who = (state.lang === "ko" ? s.publisher_ko : s.publisher_en) || s.publisher_en ||
              (state.lang === "ko" ? s.label_ko : s.label_en) || s.label_en || ref.id;
    var parts = [who];
    if (s.date) parts.push(s.date);
    if (s.title) parts.push("“" + s.title + "”");
    if (ref.paras && ref.paras.length) parts.push(t("para list", { p: ref.paras.join(", ") }));
    return parts.join(" · ");
  }

  /** A source's URL as a link that opens outside the page (http and https only: any other scheme, such as
      javascript:, stays text), or null when the source has none. */
  function sourceLink(id) {
    var url = (data.sources[id] || {}).url;
    if (!url) return null;
    if (!/^https?:\/\//i.test(url)) return el("span", url, "url");
    var a = el("a", url, "url");
    a.href = url;
    a.target = "_blank";
    a.rel = "noopener noreferrer";
    return a;
  }

  /** A citation with its source's URL after it. */
  function citationItem(ref) {
    var li = el("li", citation(ref)), link = sourceLink(ref.id);
    if (link) { li.appendChild(document.createTextNode(" · ")); li.appendChild(link); }
    return li;
  }

  /** Under the source filter: the chosen source, its title and publisher, and its URL. */
  function showSource() {
    var box = document.getElementById("source-info");
    box.textContent = "";
    box.hidden = !state.source;
    if (state.source) box.appendChild(citationItem({ id: state.source }));
  }

  function roleText(edge) {
    var src = nodeById.get(edge.src), dst = nodeById.get(edge.dst);
    if (edge.arrows) {
      return state.lang === "ko" ? label(src) + " → " + label(dst) + " (" + (ROLE_KO[edge.role] || edge.role) + ")"
                                 : label(src) + " " + edge.role + " " + label(dst);
    }
    return label(src) + " — " + label(dst) + (named(edge) ? " (" + (state.lang === "ko" ? ROLE_KO[edge.role] : edge.role) + ")" : "");
  }

  /** The lines that describe a relation: what, who, when, how much, which products, the note and sources. */
  function relationBlock(edge, container, wholeFact) {
    var f = data.facts[edge.fact] || {};
    var head = el("div");
    var badge = el("span", kindLabel(edge.kind), "kind");
    badge.style.background = (kindByName.get(edge.kind) || {}).color || "#777";
    head.appendChild(badge);
    // a fact of several parties is listed once: one of its links' roles would tell only part of it
    if (!wholeFact && (edge.arrows || named(edge))) head.appendChild(el("span", roleText(edge)));
    container.appendChild(head);
    var bits = [];
    if (edge.kind !== f.fact_kind) bits.push(kindLabel(f.fact_kind) + " " + edge.fact);
    else bits.push(edge.fact);
    if (f.status) bits.push(statusLabel(f.status));
    if (f.date) bits.push(f.date);
    var fig = figures(f);
    if (fig) bits.push(fig);
    container.appendChild(el("div", bits.join(" · "), "muted"));
    conflictBlock(f, container);
    if (f.products && f.products.length) container.appendChild(el("div", t("products") + f.products.map(term).join(", "), "muted"));
    if (f.topics && f.topics.length) container.appendChild(el("div", t("topics") + f.topics.map(term).join(", "), "muted"));
    if (f.note) container.appendChild(el("div", /[가-힣]/.test(f.note) ? f.note : t("note", { note: f.note }), "note"));
    Object.keys(f.inferred || {}).sort().forEach(function (name) {  // values the curator supplied, not the text
      container.appendChild(el("div", t("inference head") + " — " + name + ": " +
                                      f.inferred[name], "inferred"));
    });
    var list = el("ul", null, "sources");
    (f.sources || []).forEach(function (ref) { list.appendChild(citationItem(ref)); });
    container.appendChild(list);
  }

  // ------------------------------------------------------------------ node shapes in the legend

  var SVG_NS = "http://www.w3.org/2000/svg";
  /** The outline of a vis-network node shape of size 1 centred on 0,0, as points, with vis-network 9.1.2's own
      geometry (its shapes are drawn by these formulas), so that the legend shows the shape the map draws. */
  function shapePoints(shape) {
    var pts = [], i;
    function ring(n, radius, turn) {
      for (i = 0; i < n; i++) pts.push([radius(i) * Math.sin(turn(i)), -radius(i) * Math.cos(turn(i))]);
    }
    if (shape === "square") return [[-1, -1], [1, -1], [1, 1], [-1, 1]];
    if (shape === "diamond") return [[0, 1], [1, 0], [0, -1], [-1, 0]];
    if (shape === "triangle" || shape === "triangleDown") {
      var r = 1.15, side = 2 * r, inner = Math.sqrt(3) / 6 * side, h = Math.sqrt(side * side - r * r), dy = 0.275 * r;
      var up = [[0, dy - (h - inner)], [r, dy + inner], [-r, dy + inner]];
      return shape === "triangle" ? up : up.map(function (p) { return [p[0], -p[1]]; });
    }
    if (shape === "star") {
      ring(10, function (n) { return 0.82 * (n % 2 ? 0.5 : 1.3); }, function (n) { return n * Math.PI / 5; });
      return pts.map(function (p) { return [p[0], p[1] + 0.082]; });
    }
    if (shape === "hexagon") {
      for (i = 0; i < 6; i++) pts.push([Math.cos(i * Math.PI / 3), Math.sin(i * Math.PI / 3)]);
      return pts;
    }
    return null;  // a dot
  }

  /** A legend swatch: the node shape in its colour, as a small SVG built element by element. */
  function swatch(shape, color) {
    var svg = document.createElementNS(SVG_NS, "svg"), pts = shapePoints(shape), mark;
    svg.setAttribute("viewBox", "-1.35 -1.35 2.7 2.7");
    svg.setAttribute("class", "swatch");
    svg.setAttribute("data-shape", shape);
    svg.setAttribute("aria-hidden", "true");
    if (pts) {
      mark = document.createElementNS(SVG_NS, "polygon");
      mark.setAttribute("points", pts.map(function (p) { return p[0].toFixed(3) + "," + p[1].toFixed(3); }).join(" "));
    } else {
      mark = document.createElementNS(SVG_NS, "circle");
      mark.setAttribute("r", "1");
    }
    mark.setAttribute("fill", color);
    mark.setAttribute("stroke", "rgba(0,0,0,0.33)");
    mark.setAttribute("stroke-width", "0.12");
    svg.appendChild(mark);
    return svg;
  }

  // ------------------------------------------------------------------ vis data

  var dimmedNodes = new Set(), dimmedEdges = new Set();

  function visNode(n, dim, start) {
    var v = {
      id: n.id, label: drawnLabel(n), shape: n.shape, value: Math.max(1, n.partners),
      color: dim ? { background: DIM_NODE.background, border: DIM_NODE.border, highlight: n.color, hover: n.color }
                 : { background: n.color, border: "#2b2b2b55", highlight: { background: n.color, border: "#000" },
                     hover: { background: n.color, border: "#000" } },
      font: { color: dim ? "#b5b5b5" : "#222" },
    };
    if (start && n.x !== undefined) { v.x = n.x; v.y = n.y; }  // the starting layout of big networks
    return v;
  }
  function visEdge(e, dim) {
    var k = kindByName.get(e.kind) || { color: "#999", line: "solid" };
    var smooth = e.curve ? { enabled: true, type: e.curve > 0 ? "curvedCW" : "curvedCCW", roundness: Math.abs(e.curve) }
                         : { enabled: false };
    var v = {
      id: e.id, from: e.from, to: e.to, arrows: e.arrows || "", dashes: DASHES[k.line], width: e.width,
      color: { color: k.color, highlight: k.color, hover: k.color, opacity: dim ? 0.12 : 0.9 }, smooth: smooth,
    };
    if (disputed(e)) {  // a red halo along the line and a ⚠ at its middle (the legend says what they mean)
      v.label = "⚠";
      v.font = { color: dim ? "#f0b4b4" : CONFLICT, size: 20, strokeWidth: 4, strokeColor: "#ffffff", align: "horizontal" };  // upright, not along the link like an arrowhead
      v.shadow = { enabled: !dim, color: "rgba(214, 39, 40, 0.75)", size: 7, x: 0, y: 0 };
    }
    return v;
  }

  var visibleNodes = new Set(), visibleEdges = new Set();
  computeVisible();  // before the views are made: a DataView counts what its filter passes at creation
  var nodes = new vis.DataSet(data.nodes.map(function (n) { return visNode(n, false, true); }));
  var edges = new vis.DataSet(data.edges.map(function (e) { return visEdge(e, false); }));
  var nodesView = new vis.DataView(nodes, { filter: function (n) { return visibleNodes.has(n.id); } });
  var edgesView = new vis.DataView(edges, { filter: function (e) { return visibleEdges.has(e.id); } });

  // ------------------------------------------------------------------ filters

  /** Whether a link passes the filters other than its kind and the neighbourhood (and, when asked, its status).
      A link is judged by its fact's "dated": the date kg path --since/--until judge it by, computed once by
      kg/linkfilter.py (the agreement's date, else the first report); the range is inclusive at the precision
      given (2025-11 keeps 2025-11-03), as there. */
  function passes(e, exceptStatus) {
    var f = data.facts[e.fact] || {};
    if (state.onlyConflicts && !disputed(e)) return false;
    if (state.source && !(f.sources || []).some(function (s) { return s.id === state.source; })) return false;
    if (state.statuses && !exceptStatus && !state.statuses.has(f.status)) return false;
    if (state.since || state.until) {
      if (!f.dated) return false;
      if (state.since && f.dated.slice(0, state.since.length) < state.since) return false;
      if (state.until && f.dated.slice(0, state.until.length) > state.until) return false;
    }
    return true;
  }

  function computeVisible() {
    visibleNodes.clear();
    visibleEdges.clear();
    var adjacency = new Map();
    data.edges.forEach(function (e) {
      if (!state.kinds.has(e.kind) || !passes(e)) return;
      visibleEdges.add(e.id);
      [[e.from, e.to], [e.to, e.from]].forEach(function (p) {
        if (!adjacency.has(p[0])) adjacency.set(p[0], []);
        adjacency.get(p[0]).push(p[1]);
      });
    });
    adjacency.forEach(function (_, id) { visibleNodes.add(id); });
    if (data.edges.length === 0) data.nodes.forEach(function (n) { visibleNodes.add(n.id); });
    if (state.focus) {
      var reached = new Set([state.focus.id]), frontier = [state.focus.id];
      for (var d = 0; d < state.focus.depth; d++) {
        var next = [];
        frontier.forEach(function (id) {
          (adjacency.get(id) || []).forEach(function (m) { if (!reached.has(m)) { reached.add(m); next.push(m); } });
        });
        frontier = next;
      }
      visibleNodes = reached;
      visibleEdges.forEach(function (id) {
        var e = edgeById.get(id);
        if (!reached.has(e.from) || !reached.has(e.to)) visibleEdges.delete(id);
      });
    }
  }

  function applyFilters() {
    if (api.ready) keepPositions();
    computeVisible();
    nodesView.refresh();
    edgesView.refresh();
    if (state.selected && state.selected.type === "node" && !visibleNodes.has(state.selected.id)) clearSelection();
    else if (state.selected && state.selected.type === "edge" && !visibleEdges.has(state.selected.id)) clearSelection();
    else if (state.selected) select(state.selected.type, state.selected.id, false);
    updateCounts();
    updateLegendCounts();
    search();
  }

  function updateCounts() {
    // never a silently blank map: say that the filters leave nothing, and how to widen them
    document.getElementById("empty").hidden = !(data.edges.length && !visibleEdges.size);
    var facts = new Set();
    visibleEdges.forEach(function (id) { facts.add(edgeById.get(id).fact); });
    document.getElementById("counts").textContent = t("map counts", {
      nodes: visibleNodes.size, all_nodes: data.nodes.length, links: visibleEdges.size, all_links: data.edges.length,
      facts: facts.size });
  }

  // ------------------------------------------------------------------ network

  var container = document.getElementById("graph");
  // The data goes in after the handlers below are attached, so the stabilisation events cannot be missed.
  var network = new vis.Network(container, { nodes: [], edges: [] }, data.options);
  container.appendChild(document.getElementById("empty"));  // over the map (vis-network empties its container)
  var api = window.kgView = {
    network: network, nodes: nodes, edges: edges, nodesView: nodesView, edgesView: edgesView, data: data,
    state: state, ready: false, visibleNodes: function () { return Array.from(visibleNodes); },
    visibleEdges: function () { return Array.from(visibleEdges); },
  };

  /** Write the drawn positions into the data, so nodes that a filter hides come back where they were.
      (network.storePositions() cannot be used: it fails on nodes a DataView hides.) */
  function keepPositions() {
    var pos = network.getPositions();
    nodes.update(Object.keys(pos).map(function (id) { return { id: id, x: pos[id].x, y: pos[id].y }; }));
  }

  /** Move nodes apart until no node's footprint (its shape and its label, as vis-network last drew them, plus a
      small gap) overlaps another's, pushing each overlapping pair apart along the axis where they overlap least
      (mostly up and down: labels are wide). Physics packs nodes by their shapes only, so long labels run into
      each other; this fixes that for networks small enough to read label by label (data.meta.declutter). */
  function declutter() {
    var GAP = 6, body = network.body.nodes;
    var view = { position: network.getViewPosition(), scale: network.getScale() };
    network.moveTo({ scale: 1 });  // at scale 1 every label is drawn (none below the draw threshold) and measured
    network.redraw();
    var items = network.body.nodeIndices.map(function (id) {
      var n = body[id], s = n.labelModule.size, r = n.options.size || 10;
      var box = { left: -r, right: r, top: -r, bottom: r };
      if (n.options.label && s.width > 0) {
        box.left = Math.min(box.left, s.left - n.x); box.right = Math.max(box.right, s.left + s.width - n.x);
        box.top = Math.min(box.top, s.top - n.y); box.bottom = Math.max(box.bottom, s.top + s.height - n.y);
      }
      return { id: id, x: n.x, y: n.y, box: box };
    });
    var moved = false;
    for (var round = 0; round < 400; round++) {
      var overlapping = false;
      for (var i = 0; i < items.length; i++) {
        for (var j = i + 1; j < items.length; j++) {
          var a = items[i], b = items[j];
          var ox = Math.min(a.x + a.box.right, b.x + b.box.right) - Math.max(a.x + a.box.left, b.x + b.box.left) + GAP;
          var oy = Math.min(a.y + a.box.bottom, b.y + b.box.bottom) - Math.max(a.y + a.box.top, b.y + b.box.top) + GAP;
          if (ox <= 0 || oy <= 0) continue;
          overlapping = moved = true;
          if (oy <= ox) {
            var dy = (a.y + (a.box.top + a.box.bottom) / 2 <= b.y + (b.box.top + b.box.bottom) / 2 ? 1 : -1) * oy / 2;
            a.y -= dy; b.y += dy;
          } else {
            var dx = (a.x + (a.box.left + a.box.right) / 2 <= b.x + (b.box.left + b.box.right) / 2 ? 1 : -1) * ox / 2;
            a.x -= dx; b.x += dx;
          }
        }
      }
      if (!overlapping) break;
    }
    if (moved) {
      items.forEach(function (it) { network.moveNode(it.id, it.x, it.y); });
      keepPositions();
    }
    network.moveTo(view);
    network.redraw();
  }

  function done() {
    if (api.ready) return;
    network.setOptions({ physics: { enabled: false } });
    keepPositions();
    if (data.meta.declutter) declutter();
    network.redraw();
    network.fit();  // after a draw: vis-network's own fit during stabilisation leaves the labels out and clips them
    document.getElementById("progress").hidden = true;
    api.ready = true;
    document.body.setAttribute("data-ready", "1");
  }
  network.on("stabilizationProgress", function (p) {
    var bar = document.getElementById("progress");
    bar.hidden = false;
    bar.textContent = t("map laying out", { p: Math.round(100 * p.iterations / p.total) });
  });
  network.once("stabilizationIterationsDone", done);

  // ------------------------------------------------------------------ highlight and details

  function setDim(keepNodes, keepEdges) {
    var nodeUpdates = [], edgeUpdates = [];
    data.nodes.forEach(function (n) {
      var dim = keepNodes !== null && !keepNodes.has(n.id);
      if (dim !== dimmedNodes.has(n.id)) {
        nodeUpdates.push(visNode(n, dim));
        if (dim) dimmedNodes.add(n.id); else dimmedNodes.delete(n.id);
      }
    });
    data.edges.forEach(function (e) {
      var dim = keepEdges !== null && !keepEdges.has(e.id);
      if (dim !== dimmedEdges.has(e.id)) {
        edgeUpdates.push(visEdge(e, dim));
        if (dim) dimmedEdges.add(e.id); else dimmedEdges.delete(e.id);
      }
    });
    if (nodeUpdates.length) nodes.update(nodeUpdates);
    if (edgeUpdates.length) edges.update(edgeUpdates);
  }

  function incident(id) {
    var out = [];
    visibleEdges.forEach(function (eid) { var e = edgeById.get(eid); if (e.from === id || e.to === id) out.push(e); });
    return out;
  }

  function select(type, id, move) {
    state.selected = { type: type, id: id };
    var keepNodes = new Set(), keepEdges = new Set();
    if (type === "node") {
      keepNodes.add(id);
      incident(id).forEach(function (e) { keepEdges.add(e.id); keepNodes.add(e.from); keepNodes.add(e.to); });
      network.selectNodes([id], true);
    } else {
      var e = edgeById.get(id);
      keepEdges.add(id); keepNodes.add(e.from); keepNodes.add(e.to);
      network.selectEdges([id]);
    }
    setDim(keepNodes, keepEdges);
    showDetails();
    // a link is clicked where it is seen; a node brings its partners into view
    if (type === "node") keepInView(Array.from(keepNodes), move);
  }

  /** After the details panel has taken its place beside the map: bring the selection and its partners into
      view — zooming to them when asked to move there (search, a name in the panel), otherwise only when one of
      them lies outside the map (the panel narrowed it), never zooming in. */
  function keepInView(ids, move) {
    network.redraw();  // resizes the canvas to the space the panel left now, not on the next frame
    var canvas = network.canvas.frame.canvas, margin = 20;
    var outside = ids.some(function (id) {
      var p = network.canvasToDOM(network.getPositions([id])[id]);
      return p.x < margin || p.y < margin || p.x > canvas.clientWidth - margin || p.y > canvas.clientHeight - margin;
    });
    if (!move && !outside) return;
    network.fit({ nodes: ids, maxZoomLevel: move ? 1.2 : network.getScale(), animation: { duration: 300 } });
  }

  function clearSelection() {
    state.selected = null;
    network.unselectAll();
    setDim(null, null);
    document.getElementById("details").hidden = true;
  }

  function nodeButton(id) {
    var b = el("button", label(nodeById.get(id)), "link");
    b.type = "button";
    b.addEventListener("click", function () { select("node", id, true); });
    return b;
  }

  function showDetails() {
    var panel = document.getElementById("details");
    panel.replaceChildren();
    if (!state.selected) { panel.hidden = true; return; }
    var close = el("button", "×", "close");
    close.type = "button";
    close.title = t("map close");
    close.addEventListener("click", clearSelection);
    panel.appendChild(close);
    if (state.selected.type === "node") {
      var n = nodeById.get(state.selected.id);
      panel.appendChild(el("h2", label(n)));
      panel.appendChild(el("div", otherLabel(n) + " · " + typeLabel(n.type) + " · " + n.id, "muted"));
      if (n.aliases.length) panel.appendChild(el("div", t("also") + n.aliases.join(", "), "muted"));
      var rels = incident(n.id);
      var partners = new Set(rels.map(function (e) { return e.from === n.id ? e.to : e.from; }));
      panel.appendChild(el("div", t("map partners relations", { partners: n.partners, relations: n.relations })
                                  + " (" + (data.definition[state.lang] || data.definition.en) + ")", "muted definition"));
      panel.appendChild(el("div", t("map shown", { partners: partners.size, links: rels.length }), "muted"));
      var actions = el("div", null, "actions");
      var focusButton = el("button", state.focus ? t("map show all") : t("map show neighbourhood"));
      focusButton.type = "button";
      focusButton.id = "focus-toggle";
      focusButton.addEventListener("click", function () {
        state.focus = state.focus ? null : { id: n.id, depth: 1 };
        applyFilters();
      });
      actions.appendChild(focusButton);
      panel.appendChild(actions);
      panel.appendChild(el("h3", t("map relations")));
      var list = el("ul", null, "relations");
      var byPartner = new Map(), several = new Map();
      rels.forEach(function (e) {
        var other = e.from === n.id ? e.to : e.from;
        // (with hubs, a fact of several parties is a node of its own already: one link from each party)
        if (!data.meta.hubs && (factParties.get(e.fact) || new Set()).size > 2 &&
            e.kind === (data.facts[e.fact] || {}).fact_kind) {
          if (!several.has(e.fact)) several.set(e.fact, []);  // listed once, with all its parties
          several.get(e.fact).push(e);
          return;
        }
        if (!byPartner.has(other)) byPartner.set(other, []);
        byPartner.get(other).push(e);
      });
      Array.from(byPartner.keys()).sort(function (a, b) {
        var d = byPartner.get(b).length - byPartner.get(a).length;
        var la = label(nodeById.get(a)), lb = label(nodeById.get(b));
        return d || (la < lb ? -1 : la > lb ? 1 : 0);
      }).forEach(function (other) {
        var li = el("li");
        var who = el("div", null, "partner");
        who.appendChild(nodeButton(other));
        var count = byPartner.get(other).length;
        who.appendChild(el("span", t(count > 1 ? "map links" : "map link", { n: count }), "muted"));
        li.appendChild(who);
        byPartner.get(other).forEach(function (e) {
          var box = el("div", null, "relation");
          relationBlock(e, box);
          li.appendChild(box);
        });
        list.appendChild(li);
      });
      panel.appendChild(list);
      if (several.size) {
        panel.appendChild(el("h3", t("map several parties")));
        var multi = el("ul", null, "relations several");
        Array.from(several.keys()).sort().forEach(function (fact) {
          var li = el("li"), who = el("div", null, "partner");
          var parties = Array.from(factParties.get(fact)).filter(function (p) { return p !== n.id; });
          parties.sort(function (a, b) {
            var la = label(nodeById.get(a)), lb = label(nodeById.get(b));
            return la < lb ? -1 : la > lb ? 1 : 0;
          });
          who.appendChild(el("span", t("map parties", { n: parties.length + 1 }), "muted"));
          parties.forEach(function (p, i) {
            if (i) who.appendChild(el("span", ", "));
            who.appendChild(visibleNodes.has(p) ? nodeButton(p) : el("span", label(nodeById.get(p))));
          });
          li.appendChild(who);
          var box = el("div", null, "relation");
          relationBlock(several.get(fact)[0], box, true);
          li.appendChild(box);
          multi.appendChild(li);
        });
        panel.appendChild(multi);
      }
    } else {
      var e = edgeById.get(state.selected.id);
      panel.appendChild(el("h2", kindLabel(e.kind)));
      var ends = el("div");
      ends.appendChild(nodeButton(e.src));
      ends.appendChild(el("span", " — "));
      ends.appendChild(nodeButton(e.dst));
      panel.appendChild(ends);
      var box = el("div");
      relationBlock(e, box);
      panel.appendChild(box);
    }
    panel.hidden = false;
  }

  network.on("click", function (params) {
    if (params.nodes.length) select("node", params.nodes[0], false);
    else if (params.edges.length) select("edge", params.edges[0], false);
    else clearSelection();
  });

  // ------------------------------------------------------------------ tooltips

  var tooltip = document.getElementById("tooltip");
  function showTooltip(build, event) {
    tooltip.replaceChildren();
    build(tooltip);
    tooltip.hidden = false;
    var x = event.clientX || 0, y = event.clientY || 0;
    var w = tooltip.offsetWidth, h = tooltip.offsetHeight;
    tooltip.style.left = Math.min(x + 14, window.innerWidth - w - 4) + "px";
    tooltip.style.top = Math.min(y + 14, window.innerHeight - h - 4) + "px";
  }
  function hideTooltip() { tooltip.hidden = true; }
  network.on("hoverNode", function (params) {
    var n = nodeById.get(params.node);
    showTooltip(function (tip) {
      tip.appendChild(el("strong", label(n)));
      tip.appendChild(el("div", otherLabel(n) + " · " + typeLabel(n.type), "muted"));
      tip.appendChild(el("div", t("map partners relations", { partners: n.partners, relations: n.relations })));
      tip.appendChild(el("div", data.definition[state.lang] || data.definition.en, "muted definition"));
      var n2 = incident(n.id).filter(disputed).length;
      if (n2) tip.appendChild(el("div", t(n2 > 1 ? "map contradiction links" : "map contradiction link", { n: n2 }), "conflict"));
    }, params.event && params.event.srcEvent ? params.event.srcEvent : params.event);
  });
  network.on("hoverEdge", function (params) {
    var e = edgeById.get(params.edge);
    showTooltip(function (tip) { relationBlock(e, tip); },
                params.event && params.event.srcEvent ? params.event.srcEvent : params.event);
  });
  network.on("blurNode", hideTooltip);
  network.on("blurEdge", hideTooltip);
  network.on("dragStart", hideTooltip);
  network.on("zoom", hideTooltip);

  // ------------------------------------------------------------------ search

  var searchBox = document.getElementById("search");
  var results = document.getElementById("results");
  var keys = new Map(data.nodes.map(function (n) {
    return [n.id, [n.id, n.en, n.ko].concat(n.aliases).map(normalise)];
  }));
  var matches = [];

  function search() {
    var q = normalise(searchBox.value);
    results.replaceChildren();
    matches = [];
    if (!q) return;
    data.nodes.forEach(function (n) {
      if (!visibleNodes.has(n.id)) return;
      var ks = keys.get(n.id), rank = -1;
      for (var i = 0; i < ks.length; i++) {
        if (ks[i] === q) { rank = 0; break; }
        if (ks[i].indexOf(q) === 0) rank = rank < 0 || rank > 1 ? 1 : rank;
        else if (ks[i].indexOf(q) > 0) rank = rank < 0 ? 2 : rank;
      }
      if (rank >= 0) matches.push([rank, label(n), n.id]);
    });
    matches.sort(function (a, b) { return a[0] - b[0] || (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0); });
    if (!matches.length) { results.appendChild(el("li", t("map no match"), "none")); return; }
    matches.slice(0, 12).forEach(function (m) {
      var n = nodeById.get(m[2]);
      var li = el("li"), b = el("button");
      b.type = "button";
      b.appendChild(el("span", label(n)));
      b.appendChild(el("span", " " + otherLabel(n), "other"));
      b.addEventListener("click", function () { select("node", n.id, true); });
      li.appendChild(b);
      results.appendChild(li);
    });
  }
  searchBox.addEventListener("input", search);
  searchBox.addEventListener("keydown", function (ev) {
    if (ev.key === "Enter" && matches.length) { ev.preventDefault(); select("node", matches[0][2], true); }
    if (ev.key === "Escape") { searchBox.value = ""; search(); }
  });

  // ------------------------------------------------------------------ saving the view

  /** Offer a file to the reader as a download (an anchor that is never put in the page). */
  function download(name, url) {
    var a = document.createElement("a");
    a.href = url;
    a.download = name;
    a.click();
  }

  /** The view as a PNG: vis-network's canvas, at its pixel size, on the page's white. */
  function savePng() {
    var canvas = network.canvas.frame.canvas, out = document.createElement("canvas");
    out.width = canvas.width;
    out.height = canvas.height;
    var ctx = out.getContext("2d");
    ctx.fillStyle = "#ffffff";
    ctx.fillRect(0, 0, out.width, out.height);
    ctx.drawImage(canvas, 0, 0);
    download("partners.png", out.toDataURL("image/png"));
  }

  /** The view as an SVG drawing, written from what vis-network draws (node positions, shapes, colours and
      labels, the links' paths, dashes, widths and arrows) in the view's own coordinates. Built as DOM elements
      and serialised, so every label is escaped as XML text. */
  function svgOfView() {
    var body = network.body, canvas = network.canvas.frame.canvas, scale = network.getScale();
    var w = canvas.clientWidth, h = canvas.clientHeight;
    function make(tag, attrs, parent) {
      var e = document.createElementNS(SVG_NS, tag);
      Object.keys(attrs).forEach(function (k) { e.setAttribute(k, attrs[k]); });
      if (parent) parent.appendChild(e);
      return e;
    }
    function dom(p) { var q = network.canvasToDOM(p); return [+q.x.toFixed(2), +q.y.toFixed(2)]; }
    var svg = make("svg", { xmlns: SVG_NS, width: w, height: h, viewBox: "0 0 " + w + " " + h,
                            "font-family": "system-ui, sans-serif" });
    make("title", {}, svg).textContent = document.title;
    make("rect", { x: 0, y: 0, width: w, height: h, fill: "#ffffff" }, svg);
    var links = make("g", { class: "links", fill: "none" }, svg);
    body.edgeIndices.forEach(function (id) {
      var edge = body.edges[id], o = edge.options, pts = [];
      for (var i = 0; i <= 24; i++) pts.push(dom(edge.edgeType.getPoint(i / 24)));
      var color = o.color || {};
      var attrs = { "data-id": id, d: "M" + pts.map(function (p) { return p.join(" "); }).join(" L"),
                    stroke: color.color || "#999", "stroke-opacity": color.opacity === undefined ? 1 : color.opacity,
                    "stroke-width": +((o.width || 1) * scale).toFixed(2) };
      if (Array.isArray(o.dashes)) attrs["stroke-dasharray"] = o.dashes.map(function (d) { return d * scale; }).join(" ");
      make("path", attrs, links);
      ["to", "from"].forEach(function (end) {  // an arrowhead where the line meets the node's outline
        if (!(o.arrows && o.arrows[end] && o.arrows[end].enabled)) return;
        var node = end === "to" ? edge.to : edge.from, c = dom({ x: node.x, y: node.y });
        var r = (node.options.size || 10) * scale, seq = end === "to" ? pts.slice().reverse() : pts, k = 0;
        while (k < seq.length - 1 && Math.hypot(seq[k][0] - c[0], seq[k][1] - c[1]) < r) k++;
        var tip = seq[Math.max(0, k - 1)], back = seq[k], dx = tip[0] - back[0], dy = tip[1] - back[1];
        var len = Math.hypot(dx, dy) || 1, size = (15 * (o.arrows[end].scaleFactor || 1) + 3 * (o.width || 1)) * scale;
        dx /= len; dy /= len;
        var t = [c[0] - dx * r, c[1] - dy * r], b = [t[0] - dx * size, t[1] - dy * size];
        make("polygon", { points: [t, [b[0] - dy * size * 0.3, b[1] + dx * size * 0.3], [b[0] + dy * size * 0.3, b[1] - dx * size * 0.3]]
                            .map(function (p) { return p[0].toFixed(2) + "," + p[1].toFixed(2); }).join(" "),
                          fill: color.color || "#999", "fill-opacity": color.opacity === undefined ? 1 : color.opacity },
             links);
      });
      if (o.label) {
        var mid = dom(edge.edgeType.getPoint(0.5));
        make("text", { x: mid[0], y: mid[1], "text-anchor": "middle", "dominant-baseline": "central",
                       "font-size": +((o.font.size || 14) * scale).toFixed(2), fill: o.font.color || "#000",
                       stroke: "#ffffff", "stroke-width": 3 * scale, "paint-order": "stroke" }, links).textContent = o.label;
      }
    });
    var shapes = make("g", { class: "nodes" }, svg), labels = make("g", { class: "labels", "text-anchor": "middle" }, svg);
    body.nodeIndices.forEach(function (id) {
      var n = body.nodes[id], o = n.options, c = dom({ x: n.x, y: n.y }), r = (o.size || 10) * scale;
      var pts = shapePoints(o.shape), fill = o.color.background, attrs;
      attrs = pts ? { points: pts.map(function (p) { return (c[0] + p[0] * r).toFixed(2) + "," + (c[1] + p[1] * r).toFixed(2); }).join(" ") }
                  : { cx: c[0], cy: c[1], r: +r.toFixed(2) };
      attrs["data-id"] = id;
      attrs.fill = fill;
      attrs.stroke = o.color.border;
      attrs["stroke-width"] = (o.borderWidth || 1) * scale;
      make(pts ? "polygon" : "circle", attrs, shapes);
      if (!o.label) return;
      var L = n.labelModule, size = L.fontOptions.size * scale, top = dom({ x: n.x, y: L.size.top })[1];
      var text = make("text", { "data-id": id, x: c[0], y: +(top + size * 0.9).toFixed(2), "font-size": +size.toFixed(2),
                                fill: L.fontOptions.color, stroke: "#ffffff", "stroke-width": 3 * scale,
                                "paint-order": "stroke" }, labels);
      String(o.label).split("\n").forEach(function (line, i) {
        make("tspan", { x: c[0], dy: i ? +(size * 1.1).toFixed(2) : 0 }, text).textContent = line;
      });
    });
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + new XMLSerializer().serializeToString(svg) + "\n";
  }

  function saveSvg() {
    download("partners.svg", "data:image/svg+xml;charset=utf-8," + encodeURIComponent(svgOfView()));
  }
  document.getElementById("save-png").addEventListener("click", savePng);
  document.getElementById("save-svg").addEventListener("click", saveSvg);

  // ------------------------------------------------------------------ controls and legends

  function buildKinds() {
    var box = document.getElementById("kinds");
    Array.from(box.querySelectorAll(".legend-row, .width")).forEach(function (r) { r.remove(); });
    data.kinds.forEach(function (k) {
      var row = el("label", null, "legend-row");
      var box2 = el("input");
      box2.type = "checkbox";
      box2.checked = state.kinds.has(k.name);
      box2.value = k.name;
      box2.setAttribute("data-kind", k.name);
      box2.addEventListener("change", function () {
        if (box2.checked) state.kinds.add(k.name); else state.kinds.delete(k.name);
        applyFilters();
      });
      var line = el("span", null, "line");
      line.style.borderTopStyle = k.line;
      line.style.borderTopColor = k.color;
      row.appendChild(box2);
      row.appendChild(line);
      row.appendChild(el("span", state.lang === "ko" ? k.ko : k.en));
      row.appendChild(el("span", k.count, "count"));
      box.appendChild(row);
    });
    if (data.edges.some(function (e) { return e.width > 1.5; })) box.appendChild(el("p", t("map width"), "hint width"));
    updateLegendCounts();
  }

  /** The legend of the ⚠ mark, with a checkbox that shows only the disputed links; hidden when none is. */
  function buildConflicts() {
    var box = document.getElementById("conflicts");
    var count = data.edges.filter(disputed).length;
    box.replaceChildren();
    box.hidden = count === 0;
    if (!count) return;
    box.appendChild(el("legend", t("map fact-check")));
    var row = el("label", null, "legend-row");
    var check = el("input");
    check.type = "checkbox";
    check.id = "only-conflicts";
    check.checked = state.onlyConflicts;
    check.addEventListener("change", function () { state.onlyConflicts = check.checked; applyFilters(); });
    var line = el("span", null, "line conflict-line");
    row.appendChild(check);
    row.appendChild(line);
    row.appendChild(el("span", t("map only contradictions"), "conflict-mark"));
    row.appendChild(el("span", count, "count"));
    box.appendChild(row);
    box.appendChild(el("p", t("map fact-check hint"), "hint"));
  }

  function buildTypes() {
    var box = document.getElementById("types");
    Array.from(box.querySelectorAll(".legend-row")).forEach(function (r) { r.remove(); });
    data.types.forEach(function (t) {
      var row = el("div", null, "legend-row");
      row.setAttribute("data-type", t.type);
      row.appendChild(swatch(t.shape, t.color));
      row.appendChild(el("span", state.lang === "ko" ? t.ko : t.en));
      row.appendChild(el("span", t.count, "count"));
      box.appendChild(row);
    });
    updateLegendCounts();
  }

  /** "n" in a legend row when the filters show all n, "shown/n" when they show fewer. */
  function legendCount(row, shown, total) {
    var count = row.querySelector(".count");
    count.textContent = shown === total ? String(total) : shown + "/" + total;
    count.setAttribute("data-shown", shown);
  }

  /** The legends count what the filters show: nodes by type; links by kind among the links that pass the other
      filters (source, contradictions only, neighbourhood), so that an unticked kind still says what it would add. */
  function updateLegendCounts() {
    var byType = new Map(), byKind = new Map();
    visibleNodes.forEach(function (id) { var t = nodeById.get(id).type; byType.set(t, (byType.get(t) || 0) + 1); });
    data.edges.forEach(function (e) {
      if (!passes(e) || (state.focus && !(visibleNodes.has(e.from) && visibleNodes.has(e.to)))) return;
      byKind.set(e.kind, (byKind.get(e.kind) || 0) + 1);
    });
    Array.from(document.querySelectorAll("#types .legend-row")).forEach(function (row, i) {
      legendCount(row, byType.get(data.types[i].type) || 0, data.types[i].count);
    });
    Array.from(document.querySelectorAll("#kinds .legend-row")).forEach(function (row, i) {
      legendCount(row, byKind.get(data.kinds[i].name) || 0, data.kinds[i].count);
    });
    updateStatusCounts();
  }

  /** Links by status, among the links of the ticked kinds that pass the other filters (an unticked status still
      says what it would add). */
  function updateStatusCounts() {
    var shown = new Map(), total = new Map();
    data.edges.forEach(function (e) {
      var s = (data.facts[e.fact] || {}).status;
      total.set(s, (total.get(s) || 0) + 1);
      if (!state.kinds.has(e.kind) || !passes(e, true) ||
          (state.focus && !(visibleNodes.has(e.from) && visibleNodes.has(e.to)))) return;
      shown.set(s, (shown.get(s) || 0) + 1);
    });
    Array.from(document.querySelectorAll("#statuses .legend-row")).forEach(function (row) {
      var s = row.querySelector("input").value;
      legendCount(row, shown.get(s) || 0, total.get(s) || 0);
    });
  }

  /** A checkbox per status the links state, labelled in the page's language; all ticked is no status filter. */
  function buildStatuses() {
    var box = document.getElementById("statuses"), names = data.status_order;  // lifecycle order (kg.ttl's kgo:order)
    Array.from(box.querySelectorAll(".legend-row, .hint")).forEach(function (r) { r.remove(); });
    box.hidden = names.length === 0;
    names.forEach(function (s) {
      var row = el("label", null, "legend-row"), check = el("input");
      check.type = "checkbox";
      check.value = s;
      check.setAttribute("data-status", s);
      check.checked = !state.statuses || state.statuses.has(s);
      check.addEventListener("change", function () {
        var ticked = Array.from(box.querySelectorAll("input:checked")).map(function (c) { return c.value; });
        state.statuses = ticked.length === names.length ? null : new Set(ticked);
        applyFilters();
      });
      row.appendChild(check);
      row.appendChild(el("span", statusLabel(s)));
      row.appendChild(el("span", "", "count"));
      box.appendChild(row);
    });
    if (data.edges.some(function (e) { return !(data.facts[e.fact] || {}).status; })) {
      box.appendChild(el("p", t("map status hint"), "hint"));
    }
    updateStatusCounts();
  }

  var DATE = new RegExp("^(?:" + data.date_pattern + ")$");  // kg/linkfilter.py's DATE: --since/--until's check
  /** Read the from/until boxes: a valid date filters, an empty box does not, anything else is said and ignored. */
  function readDates() {
    var problems = [];
    ["since", "until"].forEach(function (end) {
      var input = document.getElementById(end), text = input.value.trim(), ok = !text || DATE.test(text);
      state[end] = text && ok ? text : null;
      input.setAttribute("aria-invalid", ok ? "false" : "true");
      if (!ok) problems.push(t("map date bad", { text: text }));
    });
    if (state.since && state.until && state.since.slice(0, state.until.length) > state.until) {
      problems.push(t("map dates swapped", { since: state.since, until: state.until }));
    }
    var note = document.getElementById("date-problem");
    note.textContent = problems.join(" ");
    note.hidden = !problems.length;
  }
  ["since", "until"].forEach(function (end) {
    var input = document.getElementById(end);
    input.value = state[end] || "";
    input.addEventListener("input", function () { readDates(); applyFilters(); });
  });

  function buildSources() {
    var select = document.getElementById("source");
    Array.from(select.options).slice(1).forEach(function (o) { o.remove(); });
    Object.keys(data.sources).sort().forEach(function (id) {
      var o = el("option", citation({ id: id }));
      o.value = id;
      select.appendChild(o);
    });
    select.value = state.source;
    showSource();
  }

  /** The page's fixed words (data-t: text, data-t-title and so on: that attribute) and title in the language. */
  function relabelPage() {
    ["", "title", "placeholder", "aria-label"].forEach(function (attr) {
      var name = attr ? "data-t-" + attr : "data-t";
      document.querySelectorAll("[" + name + "]").forEach(function (e) {
        if (attr) e.setAttribute(attr, t(e.getAttribute(name))); else e.textContent = t(e.getAttribute(name));
      });
    });
    document.title = document.getElementById("title").textContent = data.title[state.lang];
    document.getElementById("definition").textContent = data.definition[state.lang];
    updateCounts();
  }

  function relabel() {
    nodes.update(data.nodes.map(function (n) { return { id: n.id, label: drawnLabel(n) }; }));
    document.getElementById("save-label").textContent = t("map save");
    document.getElementById("save-label").parentNode.title = t("map save hint");
    document.getElementById("save-png").textContent = t("map save png");
    document.getElementById("save-svg").textContent = t("map save svg");
    if (data.meta.declutter && api.ready) declutter();  // labels in the other language have other widths
    document.documentElement.lang = state.lang;
    relabelPage();
    buildKinds();
    buildConflicts();
    buildStatuses();
    readDates();
    buildTypes();
    buildSources();
    search();
    showDetails();
  }

  document.getElementById("lang").value = state.lang;
  document.getElementById("lang").addEventListener("change", function (ev) { state.lang = ev.target.value; relabel(); });
  document.getElementById("source").addEventListener("change", function (ev) { state.source = ev.target.value; showSource(); applyFilters(); });
  document.getElementById("fit").addEventListener("click", function () { network.fit({ animation: { duration: 300 } }); });
  document.getElementById("zoom-in").addEventListener("click", function () { network.moveTo({ scale: network.getScale() * 1.3 }); });
  document.getElementById("zoom-out").addEventListener("click", function () { network.moveTo({ scale: network.getScale() / 1.3 }); });
  document.getElementById("reset").addEventListener("click", function () {
    state.kinds = new Set(data.kinds.map(function (k) { return k.name; }));
    state.source = "";
    state.onlyConflicts = false;
    state.statuses = null;
    state.focus = null;
    searchBox.value = "";
    document.getElementById("since").value = document.getElementById("until").value = "";
    readDates();
    clearSelection();
    buildKinds();
    buildConflicts();
    buildStatuses();
    buildSources();
    applyFilters();
    network.fit();
  });

  buildKinds();
  buildConflicts();
  buildStatuses();
  readDates();
  buildTypes();
  buildSources();
  updateCounts();
  network.setData({ nodes: nodesView, edges: edgesView });
  api.select = select;
  api.svg = svgOfView;
  api.applyFilters = applyFilters;
  if (!data.options.physics.enabled || data.nodes.length === 0) done();
})();
