"""Which links `kg path` and `kg neighbors` follow: one filter for both commands, so an analyst can ask "how are
these two connected without going through the hub, by signed agreements only, in November" (issue 15).

- avoid: nodes left out (a hub everyone deals with), names resolved as everywhere in the network;
- statuses: keep only relations whose status is one of these (a relation with no status is left out);
- since/until: keep only relations dated in the range, a date being YYYY, YYYY-MM or YYYY-MM-DD and the range
  inclusive at that precision. A relation is dated by the agreement's own date, or, when the sources give
  none, by the first report of it (the earliest publication date of the sources that state it); a relation
  with neither is left out.

Every message in English and Korean (--lang); a filter that leaves nothing says which options to drop.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

import networkx as nx

from kg import network
from kg.errors import KgError
from kg.text import tr

DATE = re.compile(r"[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?")


def _statuses() -> tuple[str, ...]:
    """The status notations in their lifecycle order (kg.ttl's kgo:order)."""
    from kg import ontology

    return ontology.notations("statuses")


def parse_statuses(text: str | None, lang: str = "en") -> tuple[str, ...]:
    """'signed,agreed' as a tuple of known status notations; an unknown one is a KgError naming the known."""
    names = tuple(dict.fromkeys(s.strip() for s in (text or "").split(",") if s.strip()))
    known = _statuses()
    unknown = [s for s in names if s not in known]
    if unknown:
        from kg.seeds import nearest

        near = [c for s in unknown for c in nearest(s, known)]
        hint = tr("status near", lang, near=", ".join(near)) if near else ""
        raise KgError(tr("status unknown", lang, unknown=", ".join(unknown), hint=hint, known=", ".join(known)))
    return names


def parse_date(option: str, text: str | None, lang: str = "en") -> str | None:
    """A --since/--until value checked as YYYY, YYYY-MM or YYYY-MM-DD."""
    if text is None or DATE.fullmatch(text.strip()):
        return None if text is None else text.strip()
    raise KgError(tr("date bad", lang, option=option, text=repr(text)))


@dataclass(frozen=True)
class LinkFilter:
    """What to leave out of the network before finding chains or partners."""

    avoid: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()
    since: str | None = None
    until: str | None = None

    @classmethod
    def parse(cls, avoid: Iterable[str] = (), status: str | None = None, since: str | None = None,
              until: str | None = None, *, signed_only: bool = False, lang: str = "en") -> LinkFilter:
        """The filter from the command-line options (--signed-only is --status signed), each value checked."""
        statuses = parse_statuses(",".join(s for s in (status, "signed" if signed_only else None) if s), lang)
        start, end = parse_date("--since", since, lang), parse_date("--until", until, lang)
        if start is not None and end is not None and start[:len(end)] > end:
            raise KgError(tr("dates swapped", lang, start=start, end=end))
        return cls(tuple(avoid), statuses, start, end)

    def __bool__(self) -> bool:
        return bool(self.avoid or self.statuses or self.since or self.until)

    def date_of(self, rel: dict[str, Any], sources: dict[str, dict[str, Any]]) -> str | None:
        """The relation's date, or the first publication date of its sources."""
        if rel.get("date"):
            return str(rel["date"])
        dates = [str(sources[s["id"]]["date"]) for s in rel.get("sources") or []
                 if sources.get(s["id"], {}).get("date")]
        return min(dates) if dates else None

    def keeps(self, rel: dict[str, Any], sources: dict[str, dict[str, Any]]) -> bool:
        if self.statuses and rel.get("status") not in self.statuses:
            return False
        if self.since is None and self.until is None:
            return True
        date = self.date_of(rel, sources)
        if date is None:
            return False
        return ((self.since is None or date[:len(self.since)] >= self.since)
                and (self.until is None or date[:len(self.until)] <= self.until))

    def apply(self, G: nx.MultiGraph, keep: Iterable[str] = (), lang: str = "en", *, end_word: str = "path",
              resolve: Callable[[str], str] | None = None) -> tuple[nx.MultiGraph, list[str]]:
        """G without the avoided nodes and the relations the filter does not keep; returns it with the avoided
        node ids. Avoiding a node in `keep` (the ends of a path, the node asked about) is a KgError."""
        resolve = resolve or (lambda name: network.resolve(G, name))
        removed: list[str] = []
        for name in self.avoid:
            node = resolve(name)
            if node in set(keep):
                raise KgError(_kept_message(G, name, node, end_word, lang))
            if node not in removed:
                removed.append(node)
        H = G.copy()
        H.remove_nodes_from(removed)
        sources = G.graph.get("sources", {})
        H.remove_edges_from([(u, v, k) for u, v, k, d in H.edges(keys=True, data=True)
                             if not self.keeps(d, sources)])
        return H, removed

    def options(self) -> str:
        """The options in use, as the message that says what to drop names them."""
        used = (("--avoid", self.avoid), ("--status", self.statuses), ("--since", self.since),
                ("--until", self.until))
        return " / ".join(option for option, value in used if value)

    def conditions(self, G: nx.MultiGraph, removed: list[str], lang: str = "en") -> list[str]:
        """The filter in words: 'avoiding NVIDIA', 'of status signed or agreed', 'dated 2025-11 or later'."""
        words = []
        if removed:
            words.append(tr("filter avoiding", lang, names=", ".join(network.display(G, n, lang) for n in removed)))
        if self.statuses:
            statuses = tr("filter status or", lang).join(network.status_label(s, lang) for s in self.statuses)
            words.append(tr("filter status", lang, statuses=statuses))
        if self.since and self.until:
            words.append(tr("filter dated between", lang, since=self.since, until=self.until))
        elif self.since:
            words.append(tr("filter dated since", lang, since=self.since))
        elif self.until:
            words.append(tr("filter dated until", lang, until=self.until))
        return words

    def describe(self, G: nx.MultiGraph, removed: list[str], lang: str = "en") -> str:
        """The line shown under a filtered answer's heading, so a filtered answer never passes for the whole."""
        return tr("filter note", lang, conditions=", ".join(self.conditions(G, removed, lang)), options=self.options())


def _kept_message(G: nx.MultiGraph, name: str, node: str, end_word: str, lang: str) -> str:
    return tr("avoid kept path" if end_word == "path" else "avoid kept node", lang, name=name,
              shown=network.display(G, node, lang), node=node)


def with_note(text: str, note: str) -> str:
    """An answer's text with the filter's note put under its first line."""
    head, _, rest = text.partition("\n")
    return f"{head}\n{note}" + (f"\n{rest}" if rest else "")


def no_chain(G: nx.MultiGraph, start: str, end: str, removed: list[str], flt: LinkFilter, lang: str = "en") -> str:
    """The message when no chain is left: what was left out, and how to widen the search."""
    a, b = network.display(G, start, lang), network.display(G, end, lang)
    conditions = flt.conditions(G, removed, lang)
    if not conditions:
        return tr("no chain plain", lang, a=a, b=b)
    return tr("no chain when", lang, conditions=tr("no chain and", lang).join(conditions), a=a, b=b,
              options=flt.options())


def no_partner(G: nx.MultiGraph, node: str, removed: list[str], flt: LinkFilter, lang: str = "en") -> str:
    """The message when the filter leaves a node no partner."""
    a = network.display(G, node, lang)
    conditions = tr("no partner sep", lang).join(flt.conditions(G, removed, lang))
    return tr("no partner", lang, a=a, node=node, conditions=conditions, options=flt.options())


def path_text(G: nx.MultiGraph, start: str, end: str, flt: LinkFilter, limit: int = 10, lang: str = "en") -> str:
    """`kg path`'s answer: the shortest chains left by the filter, with the filter noted; KgError when none is."""
    H, removed = flt.apply(G, keep=(start, end), lang=lang)
    chains = network.paths(H, start, end, limit, lang)
    if not chains:
        raise KgError(no_chain(G, start, end, removed, flt, lang))
    text = network.format_paths(H, start, end, chains, lang)
    return with_note(text, flt.describe(G, removed, lang)) if flt else text


def neighbors_text(G: nx.MultiGraph, node: str, flt: LinkFilter, lang: str = "en") -> str:
    """`kg neighbors`' answer: the partners left by the filter, with the filter noted; KgError when none is."""
    H, removed = flt.apply(G, keep=(node,), lang=lang, end_word="node")
    node, links = network.neighbors(H, node)
    if flt and not links:
        raise KgError(no_partner(G, node, removed, flt, lang))
    text = network.format_neighbors(H, node, links, lang)
    return with_note(text, flt.describe(G, removed, lang)) if flt else text
