"""Is a named entity of the kind a place expects? (`kg query -p source=…`: a source, not a publisher.)

A query parameter may say which kinds of entity it takes (`# param: source (optional, Source) — …`, see
kg/query/); a value that names an entity of another kind would only give an empty answer, so it is refused
with a message that says what the name is and the nearest names of the right kind — for a publisher given
where a source is expected, its articles; for an article given where an organisation is expected, its
publisher. Messages in English and Korean (`--lang`).
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass

from rdflib import URIRef
from rdflib.namespace import RDFS

from kg import ontology
from kg.lookup import normalise
from kg.ontology import KG, KGO
from kg.query.internal import ask, select
from kg.text import or_list, tr

#: At most this many names are suggested.
SUGGESTIONS = 5


def class_label(cls: str, lang: str = "en") -> str:
    """The ontology's label of a kgo class ('news publisher', '언론사'); the local name if it has none."""
    g = ontology.ontology_graph()
    for label in g.objects(KGO[cls], RDFS.label):
        if getattr(label, "language", None) == lang:
            return str(label)
    return cls


def expected_phrase(classes: tuple[str, ...], lang: str) -> str:
    return or_list([class_label(c, lang) for c in classes], lang, "phrase sep", "phrase or")


@dataclass
class WrongKind:
    """What a name turned out to be, and the names of the right kind to offer instead."""

    ident: str
    label: str
    kind: str                 # the most specific kgo class local name, "" if none
    related: list[str]        # right-kind entities tied to it (a publisher's articles, an article's publisher)
    relation: str             # "articles" or "publisher" (what `related` are), "" if none
    nearest: list[str]        # right-kind ids nearest to the name typed


def _terms(classes: tuple[str, ...]) -> list[URIRef]:
    return [KGO[c] for c in classes]


def is_of_kind(graph, iri: URIRef, classes: tuple[str, ...]) -> bool:
    return ask(graph, "entity-is-of-kind", entity=iri, **{"class": _terms(classes)})


def inspect(graph, iri: URIRef, text: str, classes: tuple[str, ...], lang: str = "en") -> WrongKind:
    ident = str(iri)[len(str(KG)):]
    types = {str(t)[len(str(KGO)):] for (t,) in select(graph, "entity-types", entity=iri)
             if str(t).startswith(str(KGO))}
    specific = sorted(t for t in types if not any(o != t and ontology.is_subclass(KGO[o], KGO[t]) for o in types))
    labels = {getattr(label, "language", None): str(label) for (label,) in select(graph, "entity-labels", entity=iri)}
    label = labels.get(lang) or labels.get("en") or ident
    if len(label) > 40:  # a source's label is a sentence
        label = label[:39].rstrip() + "…"
    of_kind = {"class": _terms(classes)}
    articles = sorted(str(x)[len(str(KG)):] for (x,) in select(graph, "kind-articles", publisher=iri, **of_kind))
    publishers = sorted(str(x)[len(str(KG)):] for (x,) in select(graph, "kind-publishers", entity=iri, **of_kind))
    related, relation = (articles, "articles") if articles else (publishers, "publisher") if publishers else ([], "")
    nearest: list[str] = []
    if not related:
        names: dict[str, set[str]] = {}
        for entity, name in select(graph, "kind-names", **of_kind):
            if not str(entity).startswith(str(KG)):
                continue
            eid = str(entity)[len(str(KG)):]
            for key in (normalise(eid), normalise(str(name)) if name is not None else ""):
                if key:
                    names.setdefault(key, set()).add(eid)
        close = difflib.get_close_matches(normalise(text), list(names), n=SUGGESTIONS, cutoff=0.5)
        nearest = list(dict.fromkeys(i for key in close for i in sorted(names[key])))[:SUGGESTIONS]
        if not nearest:
            everyone = sorted({i for ids in names.values() for i in ids})
            nearest = everyone[:SUGGESTIONS]
            if len(everyone) > SUGGESTIONS:
                nearest.append("…")
    return WrongKind(ident, label, specific[0] if specific else "", related, relation, nearest)


def message(param: str, text: str, found: WrongKind, classes: tuple[str, ...], lang: str = "en") -> str:
    """`parameter source: 'asiae' is Asia Economy (asia-economy), a news publisher, not a source — give one of
    its sources: asiae-20251103` (and its Korean form)."""
    expected = expected_phrase(classes, lang)
    kind = class_label(found.kind, lang) if found.kind else tr("something else", lang)
    what = tr("wrong kind", lang, param=param, text=text, label=found.label, ident=found.ident, kind=kind,
              expected=expected)
    if found.relation == "articles":
        hint = tr("give articles", lang, kind=kind, names=or_list(found.related, lang))
    elif found.relation == "publisher":
        hint = tr("give publisher", lang, kind=kind, names=or_list(found.related, lang))
    else:
        hint = tr("give nearest", lang, expected=expected, names=or_list(found.nearest, lang))
    return f"{what} — {hint}"
