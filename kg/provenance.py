"""Provenance you can audit: what the graph says about an entity and who says so (`kg explain`), the
source registry (`kg sources`), and where sources disagree or their figures do not add up (`kg conflicts`).

Everything here reads the graph with SPARQL, so it works on every store.
"""

from __future__ import annotations

from typing import Any

from rdflib import URIRef

from kg import model, ontology, qualifiers, query
from kg.claims import Claim, Explanation, SourceRef  # noqa: F401 - kg.provenance is where callers find them
from kg.labels import Labels, SourceInfo, local, sources  # noqa: F401 - kg.provenance is where callers find them
from kg.lookup import Names
from kg.ontology import KG, KGO
from kg.text import tr

# --------------------------------------------------------------------------------------------------
# Claims and their sources
# --------------------------------------------------------------------------------------------------

class ClaimReader:
    """Turns fact nodes into Claims: one query for their triples, one for their citations."""

    def __init__(self, graph, lang: str = "en"):
        from kg import ontology

        self.graph = graph
        self.label = Labels(graph, lang)
        self.ontology = ontology
        self.notations = {str(s): str(o) for s, o in query.select(ontology.ontology_graph(), "notations")}

    def kind(self, types: set[URIRef]) -> str:
        """The most specific kgo: fact class among a node's types."""
        facts = [t for t in types if str(t).startswith(str(KGO)) and self.ontology.is_subclass(t, KGO.Fact)]
        facts.sort(key=lambda t: -len(self.ontology.superclasses(t)))
        return local(facts[0]) if facts else "Fact"

    def text(self, field_kind: str, values: list, qualifier: str | None, currency: str) -> str:
        """A field's values as the summary shows them: figures with their qualifier and unit, entities by label."""
        lang = self.label.lang
        if field_kind == "count":
            return " / ".join(qualifiers.figure(int(v), qualifier, qualifiers.gpus(lang), lang) for v in values)
        if field_kind == "amount":
            return " / ".join(qualifiers.figure(float(v), qualifier, currency, lang, unit_first=True) for v in values)
        return ", ".join(sorted(self.label(v) for v in values))

    def claims(self, facts: list[URIRef], roles: dict[URIRef, str] | None = None) -> list[Claim]:
        if not facts:
            return []
        triples: dict[URIRef, dict[str, list]] = {f: {} for f in facts}
        for fact, p, o in query.select(self.graph, "fact-triples", fact=facts):
            triples[fact].setdefault(local(p), []).append(o)
        sources: dict[URIRef, dict[str, SourceRef]] = {f: {} for f in facts}
        citations = query.select(self.graph, "fact-citations", fact=facts)
        for fact, source, para, note, date, title, publisher in citations:
            ref = sources[fact].setdefault(str(source), SourceRef(
                local(source), self.label(source), self.label(publisher) if publisher else "",
                str(date or ""), str(title or ""), [], str(note or "")))
            if para is not None and int(para) not in ref.paragraphs:
                ref.paragraphs.append(int(para))
        inferences: dict[URIRef, dict[str, str]] = {}
        for fact, name, reason in query.select(self.graph, "inferences", fact=facts):
            inferences.setdefault(fact, {})[str(name)] = str(reason)
        out = []
        for fact in facts:
            values = triples[fact]
            kind = self.kind(set(values.get("type", [])))
            summary = self.summary(kind, values)
            for ref in sources[fact].values():
                ref.paragraphs.sort()
            inferred = dict(sorted(inferences.get(fact, {}).items()))  # as the text lists them, on every store
            out.append(Claim(inferred=inferred,
                id=local(fact), kind=self.label(ontology.iri(kind)), summary=summary,
                role=(self.label(ontology.iri(roles[fact]))
                      if roles and fact in roles and roles[fact] in self._props() else ""),
                date=str(values.get("date", [""])[0]), note=str(values.get("note", [""])[0]),
                sources=sorted(sources[fact].values(), key=lambda r: (r.date, r.id))))
        return sorted(out, key=lambda c: (c.kind, c.summary, c.id))

    def _props(self) -> set[str]:
        return {local(t) for t in self.ontology.defined_terms()}

    def summary(self, kind: str, values: dict[str, list]) -> str:
        """A fact in one line, as its model declaration's `summary:` says (an agreement's when the class is
        not a declared one)."""
        m = model.active()
        spec = m.class_kinds.get(kind, (m.kinds["agreement"], ""))[0]
        fields = m.fields_of(spec.name)
        q = self.notations.get(str(values["qualifier"][0])) if values.get("qualifier") else None
        currency = str((values.get("currency") or [""])[0])
        text = ""
        for name, words in spec.summary:
            prop = fields[name].predicate.split(":", 1)[1]
            joiner = words if isinstance(words, str) else words["ko" if self.label.lang == "ko" else "en"]
            if values.get(prop):
                part = self.text(fields[name].kind, values[prop], q, currency)
                text += (joiner if text else "") + part
        return text


# --------------------------------------------------------------------------------------------------
# explain, sources
# --------------------------------------------------------------------------------------------------

def explain(graph, name: str, lang: str = "en") -> Explanation:
    """What the graph says about the entity that name designates (id or label, either language)."""
    ident = Names.of(graph).resolve(name, lang)
    iri = KG[ident]
    reader = ClaimReader(graph, lang)
    found: dict[URIRef, set[str]] = {}
    for fact, prop in query.select(graph, "entity-facts", entity=iri):
        if local(prop) != "type":
            found.setdefault(fact, set()).add(local(prop))
    # the most telling role, whatever order the engine gives rows in: a named one ("customer") before "party"
    roles = {fact: min(props, key=lambda p: (p == "party", p)) for fact, props in found.items()}
    labels = {getattr(label, "language", "") or "": str(label) for label in graph.objects(iri, URIRef(
        "http://www.w3.org/2000/01/rdf-schema#label"))}
    types = sorted({reader.label(t) for t in graph.objects(iri, URIRef(
        "http://www.w3.org/1999/02/22-rdf-syntax-ns#type")) if str(t).startswith(str(KGO))})
    # partners as kg stats, kg neighbors and the map count them (kg.text.DEFINITION): one definition
    from kg import network

    G = network.project(graph)
    partners: list[dict[str, Any]] = []
    if ident in G:
        by_partner: dict[str, int] = {}
        for _, other, kind in G.edges(ident, data="kind"):
            if kind in network.PARTNER_KINDS and G.nodes[other].get("group") in network.ALWAYS:
                by_partner[other] = by_partner.get(other, 0) + 1
        partners = [{"id": p, "label": reader.label(KG[p]), "relations": n} for p, n in by_partner.items()]
    partners.sort(key=lambda p: (-p["relations"], p["label"]))
    return Explanation(ident, labels, types, reader.claims(sorted(roles), roles), partners)




def claims_of_source(graph, source: str, lang: str = "en") -> list[Claim]:
    """Every fact that cites the source (`kg explain --source ID`)."""
    registry = {r.id: r for r in sources(graph, lang)}
    ident = source[3:] if source.startswith("kg:") else source
    if ident not in registry:
        from kg.errors import KgError
        from kg.seeds import nearest

        close = nearest(ident, registry, n=3)
        raise KgError(tr("source unknown", lang, source=source,
                         hint=tr("did you mean", lang, names=", ".join(close)) if close else tr("list sources", lang)))
    facts = [f for (f,) in query.select(graph, "source-facts", source=KG[ident])]
    return ClaimReader(graph, lang).claims(sorted(facts))
