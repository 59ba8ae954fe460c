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
from kg.kinds import josa

DATE = re.compile(r"[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?")


def _statuses() -> dict[str, Any]:
    from kg import ontology

    return ontology.controlled_values("statuses")


def parse_statuses(text: str | None, lang: str = "en") -> tuple[str, ...]:
    """'signed,agreed' as a tuple of known status notations; an unknown one is a KgError naming the known."""
    names = tuple(dict.fromkeys(s.strip() for s in (text or "").split(",") if s.strip()))
    known = sorted(_statuses())
    unknown = [s for s in names if s not in known]
    if unknown:
        import difflib

        near = [c for s in unknown for c in difflib.get_close_matches(s, known, n=1)]
        hint = (f" (did you mean {', '.join(near)}?)" if near else "") if lang != "ko" else (
            f" ({', '.join(near)}을(를) 뜻했나요?)" if near else "")
        if lang == "ko":
            raise KgError(f"--status: 알 수 없는 상태 {', '.join(unknown)}{hint} — 다음 중에서 고르세요: "
                          f"{', '.join(known)}")
        raise KgError(f"--status: unknown status {', '.join(unknown)}{hint} — choose from: {', '.join(known)}")
    return names


def parse_date(option: str, text: str | None, lang: str = "en") -> str | None:
    """A --since/--until value checked as YYYY, YYYY-MM or YYYY-MM-DD."""
    if text is None or DATE.fullmatch(text.strip()):
        return None if text is None else text.strip()
    if lang == "ko":
        raise KgError(f"{option} {text!r}: 날짜가 아닙니다 — 2025, 2025-11, 2025-11-01처럼 쓰세요")
    raise KgError(f"{option} {text!r} is not a date — write one such as 2025, 2025-11 or 2025-11-01")


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
            if lang == "ko":
                raise KgError(f"--since {start}가 --until {end}보다 뒤입니다 — 두 날짜를 바꾸세요")
            raise KgError(f"--since {start} is after --until {end} — swap the two dates")
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
        names = ", ".join(network.display(G, n, lang) for n in removed)
        if lang == "ko":
            statuses = "·".join(network.status_label(s, "ko") for s in self.statuses)
            if removed:
                words.append(f"{names}{josa(names, '을', '를')} 거치지 않는")
            if self.statuses:
                words.append(f"상태가 {statuses}인")
            if self.since and self.until:
                words.append(f"{self.since}부터 {self.until}까지 날짜인")
            elif self.since or self.until:
                words.append(f"{self.since} 이후 날짜인" if self.since else f"{self.until} 이전 날짜인")
            return words
        if removed:
            words.append(f"avoiding {names}")
        if self.statuses:
            words.append(f"of status {' or '.join(self.statuses)}")
        if self.since and self.until:
            words.append(f"dated {self.since} to {self.until}")
        elif self.since or self.until:
            words.append(f"dated {self.since} or later" if self.since else f"dated {self.until} or earlier")
        return words

    def describe(self, G: nx.MultiGraph, removed: list[str], lang: str = "en") -> str:
        """The line shown under a filtered answer's heading, so a filtered answer never passes for the whole."""
        conditions = self.conditions(G, removed, lang)
        if lang == "ko":
            return f"  (조건: {', '.join(conditions)} 관계만; 빼려면 {self.options()})"
        return f"  (only links {', '.join(conditions)}; drop {self.options()} for all)"


def _kept_message(G: nx.MultiGraph, name: str, node: str, end_word: str, lang: str) -> str:
    shown = network.display(G, node, lang)
    if lang == "ko":
        what = "경로의 시작이나 끝" if end_word == "path" else "파트너를 찾는 대상"
        return f"--avoid {name}: {shown}({node}){josa(shown, '은', '는')} {what}입니다 — 다른 노드를 빼세요"
    what = "an end of the path" if end_word == "path" else "the node whose partners are asked for"
    return f"--avoid {name}: {shown} ({node}) is {what} — avoid another node"


def with_note(text: str, note: str) -> str:
    """An answer's text with the filter's note put under its first line."""
    head, _, rest = text.partition("\n")
    return f"{head}\n{note}" + (f"\n{rest}" if rest else "")


def no_chain(G: nx.MultiGraph, start: str, end: str, removed: list[str], flt: LinkFilter, lang: str = "en") -> str:
    """The message when no chain is left: what was left out, and how to widen the search."""
    a, b = network.display(G, start, lang), network.display(G, end, lang)
    conditions = flt.conditions(G, removed, lang)
    if lang == "ko":
        if not conditions:
            return f"{a}{josa(a, '과', '와')} {b}{josa(b, '을', '를')} 잇는 파트너십 경로가 없습니다."
        return (f"{a}{josa(a, '과', '와')} {b}{josa(b, '을', '를')} 잇는 {' '.join(conditions)} 파트너십 경로가 "
                f"없습니다 — {flt.options()} 옵션을 빼면 다른 경로를 찾습니다")
    if not conditions:
        return f"No chain of partnerships connects {a} and {b}."
    return (f"No chain of partnerships {' and '.join(conditions)} connects {a} and {b} — "
            f"drop {flt.options()} to see the other chains")


def no_partner(G: nx.MultiGraph, node: str, removed: list[str], flt: LinkFilter, lang: str = "en") -> str:
    """The message when the filter leaves a node no partner."""
    a = network.display(G, node, lang)
    conditions = flt.conditions(G, removed, lang)
    if lang == "ko":
        return (f"{a}({node})에는 {' '.join(conditions)} 관계의 파트너가 없습니다 — {flt.options()} 옵션을 빼면 "
                "다른 파트너를 찾습니다")
    return (f"{a} ({node}) has no partner with these filters ({', '.join(conditions)}) — drop {flt.options()} "
            "to see the others")


def path_text(G: nx.MultiGraph, start: str, end: str, flt: LinkFilter, limit: int = 10, lang: str = "en") -> str:
    """`kg path`'s answer: the shortest chains left by the filter, with the filter noted; KgError when none is."""
    H, removed = flt.apply(G, keep=(start, end), lang=lang)
    chains = network.paths(H, start, end, limit)
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
