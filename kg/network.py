"""RDF graph -> who-partners-with-whom network (networkx), and the analytics on it (Q12, Q13).

Step in the flow: the RDF dataset is read with SPARQL, never through the seed records, so the network works
on any graph `kg build` wrote or another tool produced. The result is an undirected `nx.MultiGraph`:

- nodes are organisations, plus the sectors and countries that receive GPUs or investments or sign
  agreements (typed as such); people, products and projects only on request (`include`);
- there is one edge per pair of parties per fact (agreement, supply deal, membership, GPU allocation,
  investment; with people, products, projects: positions, products named in a fact, projects a fact serves).
  Each edge carries its kind, the fact id, date, status, figures (GPU count, amount), note and sources, and
  `from`/`to` where the relation has a direction (supplier -> recipient, investor -> target);
- each edge also carries `conflicts`: where the sources disagree about its fact, as `kg conflicts` finds it
  (kg/conflicts.py, run once per network), so a map reader sees a disputed figure next to the other value
  and its source (see fact_conflicts).

Multi-party facts (the seven-party AI-RAN MOU `kg:mou-ai-ran`, the three-way Hyundai-NVIDIA-MSIT MOU, an
investment by two investors) become by default a **clique**: an edge between every two parties. That is the
default because the analytics ask who is connected to whom: with cliques a path length is the number of
organisations in between and degree counts partners, while a hub node per agreement would double every path
and rank agreements among the organisations. The cost is visual (21 edges for one seven-party MOU), so
`hubs=True` (`kg view --hubs`) turns every fact with three or more parties into a node of its own that its
parties link to — the clearer picture of one big agreement. Two-party facts stay edges either way.
"""

from __future__ import annotations

import difflib
import itertools
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

import networkx as nx
from rdflib import RDFS, Literal, URIRef

from kg import model, ontology, qualifiers, query
from kg.errors import KgError
from kg.lookup import normalise
from kg.ontology import KG, KGO
from kg.plain import ALWAYS, GROUPS, INCLUDES  # noqa: F401 - (in kg.plain: kg.quickexplain counts partners too)
from kg.text import MESSAGES, definition, tr


@dataclass(frozen=True)
class Kind:
    """A kind of relation (edge) in the network, named as in the seed files (kg/model.yaml's `relations:`)."""

    name: str
    label_en: str
    label_ko: str
    cls: str = ""          # the fact class (kgo local name) that makes this kind, if one does
    needs: str = ""        # the `include` option that makes it appear ("" = always)


_KINDS: dict[int, tuple[model.Model, dict[str, Kind]]] = {}


def kinds() -> dict[str, Kind]:
    """The relation kinds of the active model, in display order, labelled by the ontology."""
    m = model.active()
    cached = _KINDS.get(id(m))
    if cached is None or cached[0] is not m:
        cached = _KINDS[id(m)] = (m, {name: Kind(name, m.relation_label(name, "en"), m.relation_label(name, "ko"),
                                                 r.cls, r.needs) for name, r in m.relations.items()})
    return cached[1]


def kind_order(name: str) -> int:
    """A relation kind's place in display order (sort key)."""
    return list(kinds()).index(name)


def partner_kinds() -> tuple[str, ...]:
    """The kinds that count as partnerships: those shown without `include`."""
    return tuple(k for k, kind in kinds().items() if not kind.needs)


def fact_classes() -> dict[URIRef, str]:
    """Fact class -> the relation kind it makes."""
    return {ontology.iri(k.cls): k.name for k in kinds().values() if k.cls}


def __getattr__(name: str):
    """KINDS, PARTNER_KINDS, FACT_CLASSES, ROLE_PROPERTIES: the active model's (kg/model.py)."""
    found = {"KINDS": kinds, "PARTNER_KINDS": partner_kinds, "FACT_CLASSES": fact_classes,
             "ROLE_PROPERTIES": lambda: model.active().roles}.get(name)
    if found is None:
        raise AttributeError(f"module 'kg.network' has no attribute {name!r}")
    return found()


def role_text(role: str, lang: str, a: str, b: str) -> str:
    """A directed link in words: "{a} supplies {b}" (kg/model.yaml's edges say them in English and Korean)."""
    words = model.active().role_words().get(role, {})
    text = words.get("ko" if lang == "ko" else "en")
    return text.format(a=a, b=b) if text else f"{a} {role} {b}"


def role_word(role: str, lang: str) -> str:
    """A role in one word of the language ('공급'), for "(role, via …)"."""
    if lang != "ko":
        return role
    return model.active().role_words().get(role, {}).get("ko_role") or role


def status_label(notation: str, lang: str = "en") -> str:
    """A status notation ('signed') as the ontology labels it in the language ('체결')."""
    if lang != "ko":
        return notation
    return _ontology_label(ontology.controlled_values("statuses").get(notation), lang) or notation


def class_label(cls: str, lang: str = "en") -> str:
    """An ontology class by local name ('Company') in the language ('기업'); English keeps the local name."""
    if lang != "ko":
        return cls
    return _ontology_label(ontology.iri(cls), lang) or cls


def _ontology_label(iri, lang: str) -> str | None:
    if iri is None:
        return None
    for label in ontology.ontology_graph().objects(iri, RDFS.label):
        if getattr(label, "language", None) == lang:
            return str(label)
    return None


def partner_counts(G: nx.MultiGraph, node: str) -> tuple[int, int]:
    """(partners, relations) of a node, as DEFINITION says: only partnership kinds, only nodes that are
    organisations, sectors or countries."""
    partners: set[str] = set()
    relations = 0
    for _, other, kind in G.edges(node, data="kind"):
        if kind in partner_kinds() and G.nodes[other].get("group") in ALWAYS:
            partners.add(other)
            relations += 1
    return len(partners), relations



#: Above this many nodes, betweenness is estimated from a sample of sources (exact is O(nodes x edges)).
BETWEENNESS_EXACT_LIMIT = 1000



def node_classes() -> dict[URIRef, str]:
    """Every ontology class whose instances can be nodes, mapped to its group."""
    out = {}
    for root, group in GROUPS.items():
        for cls in ontology.entity_types().values():
            if ontology.is_subclass(cls, KGO[root]):
                out[cls] = group
    return out


def local(term: Any) -> str:
    """kg:nvidia -> 'nvidia' (ids are shorter to read and type than IRIs)."""
    text = str(term)
    return text[len(str(KG)):] if text.startswith(str(KG)) else text


def _py(term: Any) -> Any:
    if term is None:
        return None
    if isinstance(term, Literal):
        value = term.toPython()
        if isinstance(value, Decimal):
            return int(value) if value == value.to_integral_value() else float(value)
        if hasattr(value, "isoformat"):
            return value.isoformat()
        return value if isinstance(value, (int, float)) else str(term)
    return str(term)


@dataclass
class Fact:
    """One fact as read from the graph: its kind, the entities in each role, figures and sources."""

    id: str
    kind: str
    roles: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    attrs: dict[str, Any] = field(default_factory=dict)
    sources: dict[str, list[int]] = field(default_factory=dict)

    def links(self) -> list[tuple[str, str, bool, str]]:
        """(u, v, directed, role) for each pair of entities this fact connects, as its model declaration's
        `edges:` say."""
        m = model.active()
        spec = m.kinds[m.relations[self.kind].kind]
        pairs: list[tuple[str, str, bool, str]] = []
        for edge in spec.edges:
            sources = self.roles[m.role_of(spec.name, edge.source)]
            if not edge.directed:
                pairs += _clique(sources, edge.role)
                continue
            targets = self.roles[m.role_of(spec.name, edge.target)]
            pairs += [(s, t, True, edge.role) for s in sources for t in targets if s != t]
        return pairs

    def parties(self) -> list[str]:
        """The entities this fact is between (for the product and project edges it implies)."""
        seen: dict[str, None] = {}
        for u, v, _, _ in self.links():
            seen.setdefault(u)
            seen.setdefault(v)
        return list(seen)


def _clique(nodes: list[str], role: str) -> list[tuple[str, str, bool, str]]:
    return [(a, b, False, role) for i, a in enumerate(nodes) for b in nodes[i + 1:]]


@dataclass
class Registry:
    """What the graph says about entities and sources, as plain Python values."""

    labels: dict[str, dict[str, str]]       # id -> {"en": ..., "ko": ...}
    aliases: dict[str, list[str]]
    types: dict[str, tuple[str, str]]       # id -> (most specific class local name, group)
    sources: dict[str, dict[str, Any]]


def read_registry(ds) -> Registry:
    labels: dict[str, dict[str, str]] = defaultdict(dict)
    aliases: dict[str, list[str]] = defaultdict(list)
    for row in query.select(ds, "network-labels"):
        ident = local(row.entity)
        if row.p == ontology.SKOS.altLabel:
            aliases[ident].append(str(row.label))
        else:
            lang = row.label.language or "en"
            labels[ident].setdefault(lang, str(row.label))
    classes = node_classes()
    types: dict[str, tuple[str, str]] = {}
    depth: dict[str, int] = {}
    for row in query.select(ds, "network-types", cls=list(classes)):
        ident, cls = local(row.entity), URIRef(row.cls)
        d = len(ontology.superclasses(cls))
        if d > depth.get(ident, -1) or (d == depth[ident] and str(cls) < str(KGO[types[ident][0]])):
            depth[ident] = d
            types[ident] = (cls[len(str(KGO)):], classes[cls])
    sources: dict[str, dict[str, Any]] = {}
    for row in query.select(ds, "network-sources"):
        ident = local(row.source)
        s = sources.setdefault(ident, {"id": ident, "label_en": None, "label_ko": None, "date": _py(row.date),
                                       "title": _py(row.title), "publisher": None,
                                       "publisher_en": None, "publisher_ko": None})
        if row.url is not None:  # only where there is one: the pages of sources without stay as they were
            s["url"] = str(row.url)
        if row.label is not None:
            s[f"label_{row.label.language or 'en'}"] = str(row.label)
        if row.publisher is not None:
            s["publisher"] = local(row.publisher)
            if row.publisherLabel is not None:
                s[f"publisher_{row.publisherLabel.language or 'en'}"] = str(row.publisherLabel)
    return Registry(dict(labels), {k: sorted(set(v)) for k, v in aliases.items()}, types,
                    dict(sorted(sources.items())))


def inference_lines(inferred: dict[str, str], lang: str = "en") -> list[str]:
    """'curator's inference — supplier: line 5 does not name NVIDIA', one per inferred field."""
    head = tr("inference head", lang)
    return [f"{head} — {name}: {reason}" for name, reason in sorted(inferred.items())]


def read_facts(ds) -> dict[str, Fact]:
    """Every fact that can make an edge, with its roles, figures and citations, read by SPARQL."""
    facts: dict[str, Fact] = {}
    FACT_CLASSES, ROLE_PROPERTIES = fact_classes(), model.active().roles  # noqa: N806
    for row in query.select(ds, "network-roles", cls=list(FACT_CLASSES), p=list(ROLE_PROPERTIES)):
        ident = local(row.fact)
        made = facts.setdefault(ident, Fact(ident, FACT_CLASSES[URIRef(row.cls)]))
        role = ROLE_PROPERTIES[URIRef(row.p)]
        node = local(row.node)
        if node not in made.roles[role]:
            made.roles[role].append(node)
    for made in facts.values():
        for nodes in made.roles.values():
            nodes.sort()
    for row in query.select(ds, "network-facts", cls=list(FACT_CLASSES)):
        fact = facts.get(local(row.fact))
        if fact is None:
            continue
        for name in ("date", "gpus", "qualifier", "amount", "currency", "status", "note"):
            value = _py(getattr(row, name))
            if value is not None:
                fact.attrs[name] = value
        if row.amountText is not None:
            fact.attrs["amount_text"] = str(row.amountText)
    for row in query.select(ds, "inferences"):
        fact = facts.get(local(row.fact))
        if fact is not None:
            fact.attrs.setdefault("inferred", {})[str(row.field)] = str(row.reason)
    for row in query.select(ds, "network-citations", cls=list(FACT_CLASSES)):
        fact = facts.get(local(row.fact))
        if fact is None:
            continue
        paras = fact.sources.setdefault(local(row.source), [])
        if row.para is not None and int(row.para) not in paras:
            paras.append(int(row.para))
    for fact in facts.values():
        fact.sources = {s: sorted(p) for s, p in sorted(fact.sources.items())}
    return dict(sorted(facts.items()))


#: How each kind of finding is introduced (English, Korean), in `kg path`/`kg neighbors` and on the map; the
#: finding's subject follows in brackets. Only contradictions are marked ⚠ (and red on the map); consistent
#: differences are marked ≈ and kept quiet.
SUM_KIND = "sum"
CONFLICT_HEADS = {"contradiction": MESSAGES["conflict head contradiction"],
                  "consistent": MESSAGES["conflict head consistent"], SUM_KIND: MESSAGES["conflict head sum"]}


def fact_conflicts(ds, lang: str = "en") -> dict[str, list[dict[str, Any]]]:
    """fact id -> the findings of `kg conflicts` it takes part in (contradictions and consistent differences), and
    the per-source sum checks that are contradictions where the fact is the total or one of the shares.

    Detection stays in kg.conflicts (one code path: the view can never disagree with `kg conflicts`); this only
    turns its report around, from findings to facts. Each entry is {kind, verdict, subject, sides, reason}; a side
    is {value, sources, own}, `own` marking the side this fact states, so the page can show "the other value"."""
    from kg import qualifiers
    from kg.conflicts import CONTRADICTION, _as_bounds, conflicts

    report = conflicts(ds, lang)
    names = lambda refs: [report.names.get(r["id"], r["id"]) for r in refs]  # noqa: E731
    out: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for finding in report.findings:
        for fact in sorted(finding.facts()):
            out[fact].append({"kind": finding.verdict, "verdict": finding.verdict, "subject": finding.subject_label,
                              "detail": finding.reason, "sides": [
                                  {"value": v.label.rsplit(" — ", 1)[0], "sources": names(v.sources),
                                   "own": fact in v.facts} for v in finding.values]})
    for check in report.sums:
        if check.verdict != CONTRADICTION:
            continue
        # the figures for the total that the shares cannot reach, each with its sources, then the shares
        bad = [t for t in check.against if t["verdict"] == CONTRADICTION]
        totals = {f for t in bad for f in t["facts"]}
        for fact in sorted(totals | set(check.part_facts)):
            out[fact].append({"kind": SUM_KIND, "verdict": CONTRADICTION, "subject": check.source_label,
                              "parts_sum": check.parts_sum, "detail": check.reason,
                              "sides": [{"value": (_t_total(lang) + qualifiers.figure(t["number"], t["qualifier"],
                                                                                     qualifiers.gpus(lang), lang)
                                                   + " " + _as_bounds(t["bounds"]).text()),
                                         "sources": names(t["sources"]), "own": fact in t["facts"]} for t in bad] +
                                       [{"value": _t_shares(lang) + check.text_parts, "sources": [],
                                         "own": fact in check.part_facts}]})
    return dict(out)


def _t_total(lang: str) -> str:
    return tr("total", lang)


def _t_shares(lang: str) -> str:
    return tr("shares", lang)


def parse_kinds(text: str | Iterable[str] | None, lang: str = "en") -> list[str] | None:
    """'mou,gpu-allocation' -> ['mou', 'gpu-allocation']; unknown kinds are a user error naming the valid ones."""
    if text is None:
        return None
    names = [k.strip() for k in (text.split(",") if isinstance(text, str) else text) if k.strip()]
    unknown = [k for k in names if k not in kinds()]
    if unknown:
        raise KgError(tr("unknown kind", lang, kinds=", ".join(repr(k) for k in unknown), choices=", ".join(kinds())))
    return names


def parse_include(text: str | Iterable[str] | None, lang: str = "en") -> list[str]:
    if not text:
        return []
    names = [k.strip() for k in (text.split(",") if isinstance(text, str) else text) if k.strip()]
    unknown = [k for k in names if k not in INCLUDES]
    if unknown:
        raise KgError(tr("unknown include", lang, names=", ".join(repr(k) for k in unknown),
                         choices=", ".join(INCLUDES)))
    return names


def project(ds, *, kinds: Iterable[str] | str | None = None, include: Iterable[str] | str | None = (),
            hubs: bool = False, source: str | None = None, lang: str = "en") -> nx.MultiGraph:
    """The partnership network of an RDF dataset or graph.

    kinds: relation kinds to keep (default all that `include` allows); include: any of people, products,
    projects; hubs: a node per fact with three or more parties instead of a clique; source: keep only the
    facts that this source id states; lang: the language of the conflict findings the facts carry."""
    chosen = parse_kinds(kinds, lang)
    include = parse_include(include, lang)
    registry = read_registry(ds)
    facts = read_facts(ds)
    disputed = fact_conflicts(ds, lang)  # over the whole graph: with --source, the other sources still disagree
    if source is not None and source not in registry.sources:
        raise KgError(tr("unknown network source", lang, source=repr(source),
                         suggest=_suggest(source, registry.sources, lang), sources=", ".join(registry.sources)))
    wanted = _wanted(chosen, include, lang)
    G = nx.MultiGraph(kinds=sorted(wanted, key=kind_order), include=include, hubs=hubs,
                      source=source, sources=registry.sources, terms={})
    builder = _Builder(G, registry, set(ALWAYS) | {GROUPS[INCLUDES[i]] for i in include})
    for fact in facts.values():
        if source is None or source in fact.sources:
            builder.add_fact(fact, wanted, hubs, disputed.get(fact.id, []))
    return G


def _wanted(chosen: list[str] | None, include: list[str], lang: str = "en") -> set[str]:
    """The relation kinds to draw: those chosen (all by default) that `include` allows."""
    KINDS = kinds()  # noqa: N806
    missing = [tr("kind needs include", lang, kind=k, needs=KINDS[k].needs) for k in chosen or () if KINDS[k].needs
               and KINDS[k].needs not in include]
    if missing:
        raise KgError(tr("kinds need include", lang, problems="; ".join(missing)))
    return {k for k in (chosen or KINDS) if not KINDS[k].needs or KINDS[k].needs in include}


class _Builder:
    """Adds facts to the network: their nodes, their edges, and a hub node for a multi-party fact."""

    def __init__(self, G: nx.MultiGraph, registry: Registry, groups: set[str]):
        self.G, self.registry, self.groups = G, registry, groups

    def allowed(self, node: str) -> bool:
        return self.registry.types.get(node, ("", ""))[1] in self.groups

    def add_node(self, node: str) -> None:
        if node in self.G:
            return
        cls, group = self.registry.types[node]
        labels = self.registry.labels.get(node, {})
        self.G.add_node(node, type=cls, group=group, label_en=labels.get("en", node),
                        label_ko=labels.get("ko", labels.get("en", node)), aliases=self.registry.aliases.get(node, []))

    def term(self, ident: str) -> str:
        labels = self.registry.labels.get(ident, {})
        self.G.graph["terms"][ident] = {"en": labels.get("en", ident), "ko": labels.get("ko", labels.get("en", ident))}
        return ident

    def links(self, fact: Fact, wanted: set[str]) -> list[tuple[str, str, bool, str, str]]:
        """(u, v, directed, role, kind) of the fact's own links and of those it implies (kg/model.yaml
        `implied:`: its parties to the products it names, to the projects it serves)."""
        links: list[tuple[str, str, bool, str, str]] = []
        if fact.kind in wanted:
            links += [(u, v, d, role, fact.kind) for u, v, d, role in fact.links()]
        parties = fact.parties()
        for name, spec in model.active().implied.items():
            if name in wanted:
                links += [(p, x, True, spec["role"], name) for p in parties for x in fact.roles[spec["role"]]]
        return [link for link in links if self.allowed(link[0]) and self.allowed(link[1]) and link[0] != link[1]]

    def add_fact(self, fact: Fact, wanted: set[str], hubs: bool, disputed: list[dict[str, Any]]) -> None:
        base = dict(fact.attrs, fact=fact.id, fact_kind=fact.kind, conflicts=disputed,
                    sources=[{"id": s, "paras": p} for s, p in fact.sources.items()],
                    topics=[self.term(t) for t in fact.roles["topic"]],
                    products=[self.term(p) for p in fact.roles["product"]],
                    post=[self.term(r) for r in fact.roles["role"]])
        links = self.links(fact, wanted)
        main = {n for u, v, _, _, k in links if k == fact.kind for n in (u, v)}
        use_hub = hubs and len(main) >= 3
        for u, v, directed, role, kind in links:
            self.add_node(u)
            self.add_node(v)
            if use_hub and kind == fact.kind:
                continue
            self.G.add_edge(u, v, key=f"{fact.id}|{kind}|{u}|{v}", kind=kind, role=role, directed=directed,
                            **{"from": u, "to": v}, **base)
        if use_hub:
            self.add_hub(fact, links, base)

    def add_hub(self, fact: Fact, links: list[tuple[str, str, bool, str, str]], base: dict[str, Any]) -> None:
        """A node for the fact itself, which each of its parties links to (kg view --hubs), labelled by its kind
        and its parties ("7-party MOU: ETRI, KT, LG Uplus +4")."""
        kind = kinds()[fact.kind]
        hub = fact.id
        sides: dict[str, set[str]] = defaultdict(set)
        for u, v, directed, _, k in links:
            if k == fact.kind:
                sides[u].add("from" if directed else "both")
                sides[v].add("to" if directed else "both")
        labels = {lang: tr("hub label", lang, kind=getattr(kind, f"label_{lang}"), n=len(sides),
                           names=_some(sorted(self.G.nodes[n][f"label_{lang}"] for n in sides), lang))
                  for lang in ("en", "ko")}
        self.G.add_node(hub, type=kind.cls, group="agreement", label_en=labels["en"], label_ko=labels["ko"],
                        aliases=[])
        for node in sorted(sides):
            into = sides[node] == {"to"}
            directed = sides[node] in ({"to"}, {"from"})
            u, v = (hub, node) if into else (node, hub)
            self.G.add_edge(node, hub, key=f"{fact.id}|{fact.kind}|{node}", kind=fact.kind, role="party",
                            directed=directed, **{"from": u, "to": v}, **base)


def _some(names: list[str], lang: str, shown: int = 3) -> str:
    """The first few names, then how many more: "ETRI, KT, LG Uplus +4"."""
    rest = len(names) - shown
    return ", ".join(names[:shown]) + (tr("hub more", lang, n=rest) if rest > 0 else "")


def ego(G: nx.MultiGraph, name: str, depth: int = 1) -> nx.MultiGraph:
    """The part of the network within `depth` links of one node (its ego network)."""
    if depth < 0:
        raise KgError.of("depth negative", depth=depth)
    center = resolve(G, name)
    reach = nx.single_source_shortest_path_length(G, center, cutoff=depth)
    sub = G.subgraph(sorted(reach)).copy()
    sub.graph.update(focus=center, depth=depth)
    return sub


# ---------------------------------------------------------------- names


def name_index(G: nx.MultiGraph) -> dict[str, set[str]]:
    index: dict[str, set[str]] = defaultdict(set)
    for node, data in G.nodes(data=True):
        for name in (node, data["label_en"], data["label_ko"], *data["aliases"]):
            key = normalise(name)
            if key:
                index[key].add(node)
    return index


def display(G: nx.MultiGraph, node: str, lang: str = "en") -> str:
    return G.nodes[node][f"label_{lang}"]


def _suggest(name: str, candidates: Iterable[str], lang: str = "en") -> str:
    close = difflib.get_close_matches(name, list(candidates), n=3, cutoff=0.6)
    return tr("did you mean quoted", lang, names=", ".join(repr(c) for c in close)) if close else ""


def resolve(G: nx.MultiGraph, name: str, lang: str = "en") -> str:
    """The node an id or label in either language names, forgiving case, spacing and punctuation."""
    if name in G:
        return name
    index = name_index(G)
    key = normalise(name)
    found = index.get(key, set())
    if len(found) == 1:
        return next(iter(found))
    if found:
        options = "; ".join(f"{display(G, n, lang)} ({n})" for n in sorted(found))
        raise KgError(tr("name ambiguous", lang, name=repr(name), options=options))
    near: list[str] = []
    if key:
        near = [n for k in difflib.get_close_matches(key, list(index), n=5, cutoff=0.6) for n in sorted(index[k])]
        near += sorted({n for k, nodes in index.items() if key in k for n in nodes} - set(near))
    near = list(dict.fromkeys(near))[:5]
    hint = (tr("name nearest", lang, names="; ".join(f"{display(G, n, lang)} ({n})" for n in near)) if near
            else tr("name spelling", lang))
    raise KgError(tr("name none", lang, name=repr(name), hint=hint))


# ---------------------------------------------------------------- analytics


def partners_graph(G: nx.MultiGraph) -> nx.Graph:
    """One edge per pair of nodes, with the number of relations between them (for centrality and paths)."""
    S = nx.Graph()
    S.add_nodes_from(G.nodes(data=True))
    for u, v in G.edges():
        if S.has_edge(u, v):
            S[u][v]["weight"] += 1
        else:
            S.add_edge(u, v, weight=1)
    return S


@dataclass
class Stats:
    """Counts by type and kind, the most central organisations, and the clusters (Q13)."""

    nodes_by_type: dict[str, int]
    facts_by_kind: dict[str, int]
    links_by_kind: dict[str, int]
    top_degree: list[tuple[str, int, int]]          # (node, partners, relations)
    top_betweenness: list[tuple[str, float]]
    communities: list[list[str]]
    betweenness_sample: int | None = None            # sources sampled when estimated, else None


def _by_count(counts: Counter) -> dict[str, int]:
    """Most first; ties in the order of KINDS, so the output is the same on every run."""
    return dict(sorted(counts.items(), key=lambda kv: (-kv[1], kind_order(kv[0]))))


def stats(G: nx.MultiGraph, top: int = 10) -> Stats:
    """Who is most central (by partners and by betweenness) and which organisations cluster together.

    Rankings list organisations only, though sectors and countries count as nodes in between; communities
    are greedy-modularity clusters of the partners graph, largest first."""
    S = partners_graph(G)
    orgs = [n for n, g in S.nodes(data="group") if g == "organisation"]
    relations: Counter[str] = Counter()
    for u, v in G.edges():
        relations[u] += 1
        relations[v] += 1
    by_degree = sorted(orgs, key=lambda n: (-S.degree(n), -relations[n], n))[:top]
    sample = None
    if S.number_of_nodes() > BETWEENNESS_EXACT_LIMIT:
        sample = min(500, S.number_of_nodes())
        between = nx.betweenness_centrality(S, k=sample, seed=0)
    else:
        between = nx.betweenness_centrality(S)
    by_between = sorted(orgs, key=lambda n: (-between[n], n))[:top]
    clusters = []
    if S.number_of_edges():
        for c in nx.community.greedy_modularity_communities(S):
            if len(c) > 1:
                clusters.append(sorted(c, key=lambda n: (-S.degree(n), n)))
    clusters.sort(key=lambda c: (-len(c), c[0]))
    return Stats(
        nodes_by_type=dict(sorted(Counter(t for _, t in G.nodes(data="type")).items())),
        facts_by_kind=_by_count(Counter(k for k, _ in {(d["kind"], d["fact"]) for _, _, d in G.edges(data=True)})),
        links_by_kind=_by_count(Counter(d["kind"] for _, _, d in G.edges(data=True))),
        top_degree=[(n, S.degree(n), relations[n]) for n in by_degree],
        top_betweenness=[(n, round(between[n], 4)) for n in by_between],
        communities=clusters,
        betweenness_sample=sample,
    )


@dataclass
class Link:
    """One step of a chain: two neighbouring nodes and the relations (edge data) between them."""

    a: str
    b: str
    relations: list[dict[str, Any]]


def relations_between(G: nx.MultiGraph, a: str, b: str) -> list[dict[str, Any]]:
    data = G.get_edge_data(a, b) or {}
    return sorted(data.values(), key=lambda d: (kind_order(d["kind"]), d.get("date") or "", d["fact"]))


def paths(G: nx.MultiGraph, a: str, b: str, limit: int = 10, lang: str = "en") -> list[list[Link]]:
    """The shortest chains of partnerships between two nodes (Q12), each link with the facts behind it."""
    start, end = resolve(G, a, lang), resolve(G, b, lang)
    if start == end:
        raise KgError(tr("same node", lang, a=repr(a), b=repr(b), node=start))
    S = partners_graph(G)
    try:
        found = []
        for p in nx.all_shortest_paths(S, start, end):
            found.append(p)
            if len(found) >= limit:
                break
    except nx.NetworkXNoPath:
        return []
    found.sort(key=lambda p: [display(G, n) for n in p])
    return [[Link(u, v, relations_between(G, u, v)) for u, v in itertools.pairwise(p)] for p in found]


def neighbors(G: nx.MultiGraph, name: str) -> tuple[str, list[Link]]:
    """A node's direct partners, each with the relations between them, most relations first."""
    node = resolve(G, name)
    links = [Link(node, n, relations_between(G, node, n)) for n in G.neighbors(node)]
    links.sort(key=lambda link: (-len(link.relations), display(G, link.b)))
    return node, links


# ---------------------------------------------------------------- text for the CLI


def figures(rel: dict[str, Any], lang: str = "en") -> str:
    """'at least 260,000 GPUs', 'about USD 3,000,000,000' or the amount in words (words: kg/qualifiers.py)."""
    q = rel.get("qualifier")
    parts = []
    if "gpus" in rel:
        parts.append(qualifiers.figure(rel["gpus"], q, qualifiers.gpus(lang), lang))
    if "amount" in rel:
        parts.append(qualifiers.figure(rel["amount"], q, rel.get("currency", ""), lang, unit_first=True))
    elif "amount_text" in rel:
        parts.append(rel["amount_text"])
    return ", ".join(parts)


def cite(G: nx.MultiGraph, ref: dict[str, Any], lang: str = "en") -> str:
    """A source as people cite it: publisher, date, headline, paragraphs."""
    s = G.graph["sources"].get(ref["id"], {})
    publisher = s.get(f"publisher_{lang}") or s.get("publisher_en")
    parts = [publisher or s.get(f"label_{lang}") or s.get("label_en") or ref["id"]]
    if s.get("date"):
        parts.append(s["date"])
    if s.get("title"):
        parts.append(f"“{s['title']}”")
    text = ", ".join(parts)
    if ref.get("paras"):
        text += tr("para", lang, p=", ".join(map(str, ref["paras"])))
    return text


def describe(G: nx.MultiGraph, rel: dict[str, Any], lang: str = "en") -> list[str]:
    """A relation in two or more lines: what it is, then each source."""
    KINDS = kinds()  # noqa: N806
    head = getattr(KINDS[rel["kind"]], f"label_{lang}")
    if rel["kind"] != rel["fact_kind"]:
        head += tr("via", lang, role=role_word(rel["role"], lang),
                  kind=getattr(KINDS[rel["fact_kind"]], f"label_{lang}"), fact=rel["fact"])
    else:
        head += f" {rel['fact']}"
    status = rel.get("status") and status_label(rel["status"], lang)
    details = [x for x in (status, rel.get("date"), figures(rel, lang)) if x]
    if rel["directed"] and rel["kind"] == rel["fact_kind"]:
        a, b = display(G, rel["from"], lang), display(G, rel["to"], lang)
        details.insert(0, role_text(rel["role"], lang, a, b))
    if rel.get("products"):
        details.append(tr("products", lang) + ", ".join(G.graph["terms"][p][lang] for p in rel["products"]))
    lines = [head + (": " + "; ".join(details) if details else "")]
    lines += ["    " + line for line in inference_lines(rel.get("inferred", {}), lang)]
    lines += ["    " + tr("source", lang) + cite(G, ref, lang) for ref in rel["sources"]]
    lines += ["    " + line for line in conflict_lines(rel, lang)]
    return lines


def conflict_lines(rel: dict[str, Any], lang: str = "en") -> list[str]:
    """One line per finding the relation's fact takes part in: "⚠" for a contradiction, "≈" for a consistent
    difference, every value with its sources and the relation's own value marked, then the reason — the same words
    as the map's tooltip (kg/templates/view.js, conflictBlock)."""
    out = []
    for c in rel.get("conflicts", []):
        head = CONFLICT_HEADS[c["kind"]][lang == "ko"] if c["kind"] in CONFLICT_HEADS else f"⚠ {c['kind']}"
        head += f" ({c['subject']}):"
        sides = []
        for side in c["sides"]:
            text = f"{side['value']} — {', '.join(side['sources'])}" if side["sources"] else side["value"]
            sides.append(text + (tr("this link", lang) if side["own"] else ""))
        out.append(f"{head} {'; '.join(sides)}" + (f" — {c['detail']}" if c.get("detail") else ""))
    return out


def format_stats(G: nx.MultiGraph, st: Stats, lang: str = "en") -> str:
    """`kg stats` for people, in English or Korean (kinds and types by their labels in Korean)."""
    def kind(k: str) -> str:
        return kinds()[k].label_ko if lang == "ko" and k in kinds() else k

    facts = len({d["fact"] for _, _, d in G.edges(data=True)})
    lines = [tr("stats network", lang, nodes=G.number_of_nodes(), links=G.number_of_edges(), facts=facts)
             + (tr("stats hubs", lang) if G.graph.get("hubs") else "")]
    lines.append(tr("stats nodes by type", lang)
                 + ", ".join(f"{class_label(k, lang)} {v}" for k, v in st.nodes_by_type.items()))
    lines.append(tr("stats facts by kind", lang) + ", ".join(f"{kind(k)} {v}" for k, v in st.facts_by_kind.items()))
    lines.append(tr("stats links by kind", lang) + ", ".join(f"{kind(k)} {v}" for k, v in st.links_by_kind.items()))
    lines.append("")
    lines.append(tr("stats most partners", lang))
    lines.append(f"  ({definition(lang)})")
    for i, (n, deg, rels) in enumerate(st.top_degree, 1):
        lines.append(f"  {i:2}. {display(G, n, lang)} ({n}): {tr('stats partners', lang, deg=deg, rels=rels)}")
    lines.append("")
    note = tr("stats sampled", lang, n=st.betweenness_sample) if st.betweenness_sample else ""
    lines.append(tr("stats betweenness", lang, note=note))
    for i, (n, score) in enumerate(st.top_betweenness, 1):
        lines.append(f"  {i:2}. {display(G, n, lang)} ({n}): {score:.3f}")
    lines.append("")
    lines.append(tr("stats clusters", lang, n=len(st.communities)))
    for i, c in enumerate(st.communities, 1):
        names = [display(G, n, lang) for n in c]
        shown = ", ".join(names[:12]) + (tr("stats more", lang, n=len(names) - 12) if len(names) > 12 else "")
        lines.append(f"  {i:2}. ({len(c)}) {shown}")
    return "\n".join(lines)


def format_paths(G: nx.MultiGraph, a: str, b: str, chains: list[list[Link]], lang: str = "en") -> str:
    start, end = resolve(G, a), resolve(G, b)
    if not chains:
        return tr("no chain", lang, a=display(G, start, lang), b=display(G, end, lang))
    n = len(chains[0])
    lines = [tr("chains", lang, a=display(G, start, lang), b=display(G, end, lang), n=len(chains),
               s="s" if len(chains) > 1 else "", k=n, ks="s" if n > 1 else "")]
    for i, chain in enumerate(chains, 1):
        lines.append("")
        steps = [display(G, chain[0].a, lang)]
        for link in chain:
            shown = sorted({r["kind"] for r in link.relations}, key=kind_order)
            steps.append(f"—[{', '.join(getattr(kinds()[k], f'label_{lang}') for k in shown)}]— "
                         f"{display(G, link.b, lang)}")
        lines.append(f"{i}. " + " ".join(steps))
        for link in chain:
            lines.append(f"   {display(G, link.a, lang)} – {display(G, link.b, lang)}:")
            for rel in link.relations:
                lines += ["     " + line for line in describe(G, rel, lang)]
    return "\n".join(lines)


def format_neighbors(G: nx.MultiGraph, node: str, links: list[Link], lang: str = "en") -> str:
    lines = [f"{display(G, node, lang)} ({node}, {class_label(G.nodes[node]['type'], lang)}): "
             + tr("partner" if len(links) == 1 else "partners", lang, n=len(links)),
             f"  ({definition(lang)})"]
    for link in links:
        lines.append(f"  {display(G, link.b, lang)} ({link.b}, {class_label(G.nodes[link.b]['type'], lang)}): "
                     + tr("relations" if len(link.relations) > 1 else "relation", lang, n=len(link.relations)))
        for rel in link.relations:
            lines += ["    " + line for line in describe(G, rel, lang)]
    return "\n".join(lines)
