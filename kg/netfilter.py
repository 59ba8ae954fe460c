"""What `kg path` and `kg neighbors` add to the network of kg/network.py: names that are in the graph but not
in the network are explained (a person needs --include people; an organisation with no link of the --kind
asked for lists the kinds it has). Which links chains and partners may use is kg/linkfilter.py. Messages in
English and Korean (--lang)."""

from __future__ import annotations

from collections import Counter

import networkx as nx

from kg import network
from kg.errors import KgError
from kg.text import tr

#: The include option that brings a node group into the network (the group's name: the message "group …").
GROUP_INCLUDE = {"person": "people", "product": "products", "project": "projects"}

def _label(labels: dict[str, str], ident: str, lang: str) -> str:
    return labels.get(lang) or labels.get("en") or ident


def require(ds, G: nx.MultiGraph, name: str, *, kinds: str | None, include: str, source: str | None,
            lang: str = "en") -> str:
    """The node `name` names in G; when it names nothing there, a KgError that says why: not in the graph at
    all (network.resolve's message), of a kind the network leaves out unless --include, or no link of the
    relation kinds or the source asked for."""
    try:
        return network.resolve(G, name, lang)
    except KgError as exc:
        original = exc
    from kg.lookup import Names

    try:
        ident = Names.of(ds).resolve(name, lang)
    except KgError:
        raise original from None
    registry = network.read_registry(ds)
    cls, group = registry.types.get(ident, ("", ""))
    label = _label(registry.labels.get(ident, {}), ident, lang)
    if group in GROUP_INCLUDE:
        raise KgError(tr("needs include", lang, label=label, ident=ident, what=tr(f"group {group}", lang),
                         plural=GROUP_INCLUDE[group], option=f"--include {GROUP_INCLUDE[group]}"))
    if group in network.ALWAYS:
        raise _no_link(ds, ident, label, kinds, include, source, lang)
    from kg import kinds as entity_kinds  # not `kinds`: that is the --kinds parameter here
    from kg.ontology import KG

    found = entity_kinds.inspect(ds, KG[ident], name, ("Organization", "Sector", "Country"), lang)
    raise KgError(tr("not a network node", lang, label=found.label, ident=ident, what=_class_phrase(found.kind, lang)))


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
        has = ", ".join(tr("kind count", lang, kind=k, n=n, label=network.KINDS[k].label_ko) for k, n in order)
        return KgError(tr("no link of kind", lang, label=label, ident=ident, asked=asked, has=has))
    if source is not None and links:
        return KgError(tr("no link in source", lang, label=label, ident=ident, source=source))
    return KgError(tr("no link", lang, label=label, ident=ident))


def _class_phrase(cls: str, lang: str) -> str:
    from kg import kinds

    if not cls:
        return tr("another kind", lang)
    return tr("class phrase", lang, label=kinds.class_label(cls, lang))

