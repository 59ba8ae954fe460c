"""Names for the graph's terms: an IRI's local id, the labels of every term in the asked language, and the
source registry with the labels read once. Its own module because kg.provenance and kg.conflicts both use it, and
kg.provenance reaches kg.conflicts through kg.network: neither may import the other for it.
"""

from __future__ import annotations

from dataclasses import dataclass

from rdflib import Literal

from kg import query
from kg.plain import local  # noqa: F401 - kg.labels is where callers find it


class Labels:
    """Labels of every labelled term in the graph and the ontology, in the asked language with fallbacks."""

    def __init__(self, graph, lang: str = "en"):
        from kg.ontology import ontology_graph

        self.lang = lang
        self._labels: dict[str, dict[str, str]] = {}
        for source in (query.select(ontology_graph(), "labels"), query.select(graph, "labels")):
            for s, label in source:
                self._labels.setdefault(str(s), {})[getattr(label, "language", None) or ""] = str(label)

    def __call__(self, term) -> str:
        if isinstance(term, Literal):
            return str(term)
        found = self._labels.get(str(term), {})
        return found.get(self.lang) or found.get("en") or found.get("") or local(term)


@dataclass
class SourceInfo:
    id: str
    label: str
    publisher: str
    date: str
    title: str
    language: str
    facts: int


def sources(graph, lang: str = "en", label: Labels | None = None) -> list[SourceInfo]:
    """The source registry, with how many facts each source supports. `label`: Labels already read (reading
    every label again is most of the time on a big graph)."""
    label = label or Labels(graph, lang)
    out = [SourceInfo(local(s), label(s), label(p) if p else "", str(d or ""), str(t or ""), str(language or ""),
                      int(n))
           for s, d, t, language, p, n in query.select(graph, "source-registry")]
    return sorted(out, key=lambda s: (s.date, s.id))
