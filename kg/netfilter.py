"""What `kg path` and `kg neighbors` add to the network of kg/network.py: names that are in the graph but not
in the network are explained (a person needs --include people; an organisation with no link of the --kind
asked for lists the kinds it has). Which links chains and partners may use is kg/linkfilter.py. Messages in
English and Korean (--lang)."""

from __future__ import annotations

from collections import Counter

import networkx as nx

from kg import network
from kg.errors import KgError
from kg.kinds import josa

#: The include option that brings a node group into the network, and the group's name (en, ko, plural en).
GROUP_INCLUDE = {"person": "people", "product": "products", "project": "projects"}
GROUP_WORDS = {"person": ("a person", "인물"), "product": ("a product", "제품"), "project": ("a project", "프로젝트"),
               "organisation": ("an organisation", "조직"), "sector": ("a sector", "부문"),
               "country": ("a country", "국가")}

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
    return label if lang == "ko" else kinds.a(label)
