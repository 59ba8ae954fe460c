"""What `kg path` and `kg neighbors` add to the network of kg/network.py: names that are in the graph but not
in the network are explained (a person needs --include people; an organisation with no link of the --kind
asked for lists the kinds it has), and chains can leave out hubs (--exclude) or keep only signed agreements
(--signed-only). Messages in English and Korean (--lang)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

import networkx as nx

from kg import network
from kg.errors import KgError
from kg.text import a, josa

#: The include option that brings a node group into the network, and the group's name (en, ko, plural en).
GROUP_INCLUDE = {"person": "people", "product": "products", "project": "projects"}
GROUP_WORDS = {"person": ("a person", "인물"), "product": ("a product", "제품"), "project": ("a project", "프로젝트"),
               "organisation": ("an organisation", "조직"), "sector": ("a sector", "부문"),
               "country": ("a country", "국가")}

#: What --signed-only keeps: relations whose status is one of these.
SIGNED = ("signed",)


def _label(labels: dict[str, str], ident: str, lang: str) -> str:
    return labels.get(lang) or labels.get("en") or ident


def require(ds, G: nx.MultiGraph, name: str, *, kinds: str | None, include: str, source: str | None,
            lang: str = "en") -> str:
    """The node `name` names in G; when it names nothing there, a KgError that says why: not in the graph at
    all (network.resolve's message), of a kind the network leaves out unless --include, or no link of the
    relation kinds or the source asked for."""
    try:
        return network.resolve(G, name)
    except KgError as exc:
        original = exc
    from kg.lookup import Names

    try:
        ident = Names.of(ds).resolve(name)
    except KgError:
        raise original from None
    registry = network.read_registry(ds)
    cls, group = registry.types.get(ident, ("", ""))
    label = _label(registry.labels.get(ident, {}), ident, lang)
    if group in GROUP_INCLUDE:
        option = f"--include {GROUP_INCLUDE[group]}"
        en, ko = GROUP_WORDS[group]
        if lang == "ko":
            raise KgError(f"{label}({ident}){josa(label, '은', '는')} {ko}이며, {ko}{josa(ko, '은', '는')} 기본 "
                          f"네트워크에 없습니다 — {option} 옵션을 붙여 다시 실행하세요")
        raise KgError(f"{label} ({ident}) is {en}, and {GROUP_INCLUDE[group]} are not in the network unless asked "
                      f"for — add {option}")
    if group in network.ALWAYS:
        raise _no_link(ds, ident, label, kinds, include, source, lang)
    from kg import kinds as entity_kinds  # not `kinds`: that is the --kinds parameter here
    from kg.ontology import KG

    found = entity_kinds.inspect(ds, KG[ident], name, ("Organization", "Sector", "Country"), lang)
    label, what = found.label, _class_phrase(found.kind, lang)
    if lang == "ko":
        raise KgError(f"{label}({ident}){josa(label, '은', '는')} {what}이며, 네트워크에는 조직·부문·국가만 있습니다 — "
                      f"kg explain {ident}로 내용을 보세요")
    raise KgError(f"{label} ({ident}) is {what}, not an organisation, sector or country — see what the graph "
                  f"says about it with kg explain {ident}")


def _no_link(ds, ident: str, label: str, kinds: str | None, include: str, source: str | None, lang: str) -> KgError:
    """Why an organisation, sector or country has no link in the network asked for: not of the kinds asked, not in
    the source asked, or none at all."""
    full = network.project(ds, include=include)
    links = Counter(d["kind"] for _, _, d in full.edges(ident, data=True)) if ident in full else Counter()
    if source is not None:
        in_source = Counter(d["kind"] for _, _, d in full.edges(ident, data=True)
                            if any(s["id"] == source for s in d.get("sources", []))) if ident in full else Counter()
    else:
        in_source = links
    if kinds and in_source:
        asked = ", ".join(k.strip() for k in kinds.split(",") if k.strip())
        order = sorted(in_source.items(), key=lambda kv: network.kind_order(kv[0]))
        has = ", ".join(f"{network.KINDS[k].label_ko}({k}) {n}" if lang == "ko" else f"{k} {n}" for k, n in order)
        if lang == "ko":
            return KgError(f"{label}({ident})에는 {asked} 종류의 관계가 없습니다 — 있는 관계: {has}; "
                           "--kind를 바꾸거나 빼세요")
        return KgError(f"{label} ({ident}) has no link of kind {asked} — its links: {has}; change or drop --kind")
    if source is not None and links:
        if lang == "ko":
            return KgError(f"{label}({ident})에는 출처 {source}의 관계가 없습니다 — 다른 출처의 관계는 있습니다; "
                           "--source를 바꾸거나 빼세요")
        return KgError(f"{label} ({ident}) has no link stated by source {source} — it has links in other sources; "
                       "change or drop --source")
    if lang == "ko":
        return KgError(f"{label}({ident})에는 그래프의 어떤 파트너십 관계도 없습니다 — kg explain {ident}로 "
                       "이 항목에 대한 내용을 보세요")
    return KgError(f"{label} ({ident}) has no partnership link in the graph — see what the graph says about it "
                   f"with kg explain {ident}")


def _class_phrase(cls: str, lang: str) -> str:
    from kg import kinds

    if not cls:
        return "다른 종류" if lang == "ko" else "something else"
    label = kinds.class_label(cls, lang)
    return label if lang == "ko" else a(label)


def restrict(G: nx.MultiGraph, exclude: Iterable[str] = (), signed_only: bool = False,
             keep: Iterable[str] = (), lang: str = "en") -> tuple[nx.MultiGraph, list[str]]:
    """G without the excluded nodes (names resolved as everywhere) and, with signed_only, without relations
    whose status is not signed; returns the graph and the excluded node ids. Excluding a node in `keep` (the
    ends of a path) is a KgError."""
    removed: list[str] = []
    keep = set(keep)
    for name in exclude:
        node = network.resolve(G, name)
        if node in keep:
            shown = network.display(G, node, lang)
            if lang == "ko":
                raise KgError(f"--exclude {name}: {shown}({node}){josa(shown, '은', '는')} 경로의 시작이나 끝입니다 — "
                              "다른 노드를 빼세요")
            raise KgError(f"--exclude {name}: {shown} ({node}) is an end of the path — exclude another node")
        if node not in removed:
            removed.append(node)
    H = G.copy()
    H.remove_nodes_from(removed)
    if signed_only:
        H.remove_edges_from([(u, v, k) for u, v, k, d in H.edges(keys=True, data=True)
                             if d.get("status") not in SIGNED])
    return H, removed


def no_chain(G: nx.MultiGraph, start: str, end: str, removed: list[str], signed_only: bool, lang: str = "en") -> str:
    """The message when no chain is left: what was left out, and how to widen the search."""
    a, b = network.display(G, start, lang), network.display(G, end, lang)
    names = ", ".join(network.display(G, n, lang) for n in removed)
    options = " / ".join(o for o, used in (("--exclude", removed), ("--signed-only", signed_only)) if used)
    if lang == "ko":
        conditions = []
        if removed:
            conditions.append(f"{names}{josa(names, '을', '를')} 거치지 않는")
        if signed_only:
            conditions.append("서명된 합의만으로 된")
        if not conditions:
            return f"{a}{josa(a, '과', '와')} {b}{josa(b, '을', '를')} 잇는 파트너십 경로가 없습니다."
        return (f"{a}{josa(a, '과', '와')} {b}{josa(b, '을', '를')} 잇는 {' '.join(conditions)} 파트너십 경로가 "
                f"없습니다 — {options} 옵션을 빼면 다른 경로를 찾습니다")
    conditions = []
    if removed:
        conditions.append(f"avoiding {names}")
    if signed_only:
        conditions.append("of signed agreements only")
    if not conditions:
        return f"No chain of partnerships connects {a} and {b}."
    return (f"No chain of partnerships {' and '.join(conditions)} connects {a} and {b} — "
            f"drop {options} to see the other chains")
