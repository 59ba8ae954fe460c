"""`kg explain NAME` and `kg explain --source ID` answered from the cached build of the seeds (kg.cache) by
pyoxigraph alone: rdflib, oxrdflib, networkx and parsing the ontology with rdflib are most of a 0.8 s `kg explain`.

It reads what kg.provenance reads — the same internal queries (queries/internal), bound the same way, on the same
store — and makes the same kg.claims objects, which kg.claims prints for both. The ontology is read into an
in-memory pyoxigraph store; partners are counted as kg.network's projection counts them (one relation per
partnership link per fact, kg.text.DEFINITION) without building the network. Where it cannot be sure of giving
the same bytes (no cached build, another store, an unknown source) `answer` returns None and kg.cli answers;
a name it cannot resolve raises kg.lookup's KgError, the error kg.cli would print.
"""

from __future__ import annotations

import os
from collections import defaultdict
from functools import cached_property
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from kg import model
from kg.claims import Claim, Explanation, SourceRef, explanation_text, source_text
from kg.cmdline import plain_options
from kg.errors import KgError
from kg.lookup import Names
from kg.plain import ALWAYS, GROUPS, KG, KGO, local
from kg.qualifiers import DEFAULT, gpus, written
from kg.query.binding import bind

_RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
_RDFS = "http://www.w3.org/2000/01/rdf-schema#"
_SKOS = "http://www.w3.org/2004/02/skos/core#"
_OWL_CLASS = "http://www.w3.org/2002/07/owl#Class"


def answer(name: str | None, source_id: str | None, lang: str, fmt: str, seed_dir: Path) -> str | None:
    """What `kg explain` prints (without the final newline), or None where kg.cli must answer."""
    if (name is None) == (source_id is None) or (os.environ.get("KG_STORE") or "memory").strip() != "memory":
        return None
    from kg.cachedir import cached_build

    place = cached_build(seed_dir)
    if place is None:
        return None
    try:
        store = ox.Store.read_only(place)
    except Exception:  # noqa: BLE001 - a damaged store: kg.cache.seeds_dataset builds it anew
        return None
    reader = _Reader(store, lang)
    if source_id is not None:
        claims = reader.source_claims(source_id)
        return None if claims is None else source_text(source_id, claims, lang, fmt)
    return explanation_text(reader.explain(name or ""), lang, fmt)


def _text(term: Any) -> str:
    """str() of the rdflib term kg.provenance would have: an IRI or a literal's lexical form."""
    return "" if term is None else term.value


class _Ontology:
    """ontology/kg.ttl in pyoxigraph: what kg.ontology answers with rdflib, for the terms kg explain names."""

    def __init__(self) -> None:
        from kg.resources import data_dir

        self.store: Any = ox.Store()  # (Any: pyoxigraph's stubs type each term as any of them)
        self.store.load(path=str(data_dir("ontology") / "kg.ttl"), format=ox.RdfFormat.TURTLE)
        self._supers: dict[str, frozenset[str]] = {}

    def objects(self, subject: str, predicate: str) -> list[Any]:
        return [q.object for q in self.store.quads_for_pattern(ox.NamedNode(subject), ox.NamedNode(predicate), None)]

    def superclasses(self, cls: str) -> frozenset[str]:
        """kg.ontology.superclasses: the class and its named superclasses."""
        if cls not in self._supers:
            seen, todo = {cls}, [cls]
            while todo:
                for parent in self.objects(todo.pop(), _RDFS + "subClassOf"):
                    if isinstance(parent, ox.NamedNode) and parent.value not in seen:
                        seen.add(parent.value)
                        todo.append(parent.value)
            self._supers[cls] = frozenset(seen)
        return self._supers[cls]

    @cached_property
    def defined(self) -> set[str]:
        """local names of kg.ontology.defined_terms."""
        return {local(q.subject.value) for q in self.store.quads_for_pattern(None, ox.NamedNode(_RDF + "type"), None)
                if isinstance(q.subject, ox.NamedNode) and q.subject.value.startswith(KGO)}

    @cached_property
    def notations(self) -> dict[str, str]:
        return {q.subject.value: q.object.value
                for q in self.store.quads_for_pattern(None, ox.NamedNode(_SKOS + "notation"), None)}

    @cached_property
    def templates(self) -> dict[str, dict[str | None, str]]:
        """notation -> the figure templates by language (kg.qualifiers.all_qualifiers)."""
        out = {}
        for q in self.store.quads_for_pattern(None, ox.NamedNode(_SKOS + "inScheme"), ox.NamedNode(KGO + "qualifiers")):
            notation = self.objects(q.subject.value, _SKOS + "notation")
            out[notation[0].value if notation else "None"] = {
                o.language: o.value for o in self.objects(q.subject.value, KGO + "figureTemplate")
                if isinstance(o, ox.Literal)}
        return out

    def node_classes(self) -> dict[str, str]:
        """kg.network.node_classes: every kgo: class under a node group's root, with its group."""
        classes = [q.subject.value for q in self.store.quads_for_pattern(
            None, ox.NamedNode(_RDF + "type"), ox.NamedNode(_OWL_CLASS))
            if isinstance(q.subject, ox.NamedNode) and q.subject.value.startswith(KGO)]
        return {cls: group for root, group in GROUPS.items() for cls in sorted(classes)
                if KGO + root in self.superclasses(cls)}


class _Reader:
    """kg.provenance's ClaimReader, explain and claims_of_source, on a pyoxigraph store."""

    def __init__(self, store: ox.Store, lang: str):
        from kg.resources import data_dir

        self.store: Any = store
        self.lang = lang
        self.queries = data_dir("queries") / "internal"
        self.ontology = _Ontology()
        self.labels: dict[str, dict[str, str]] = {}  # kg.labels.Labels: the ontology's, then the graph's
        for rows in (self.ontology.store.query(self._text("labels")), self.select("labels")):
            for s, label in rows:
                self.labels.setdefault(_text(s), {})[label.language or ""] = label.value

    def _text(self, name: str) -> str:
        return (self.queries / f"{name}.rq").read_text(encoding="utf-8")

    def select(self, name: str, **bindings: Any) -> list[tuple]:
        """kg.query.internal.select, as kg.engine runs it on an Oxigraph store."""
        text = bind(self._text(name), bindings, f"internal/{name}.rq")
        return [tuple(row) for row in self.store.query(text, prefixes={}, use_default_graph_as_union=True)]

    def label(self, term: Any) -> str:
        if isinstance(term, ox.Literal):
            return term.value
        iri = term if isinstance(term, str) else term.value
        found = self.labels.get(iri, {})
        return found.get(self.lang) or found.get("en") or found.get("") or local(iri)

    # -- kg.provenance.ClaimReader

    def kind(self, types: set[str]) -> str:
        facts = [t for t in types if t.startswith(KGO) and KGO + "Fact" in self.ontology.superclasses(t)]
        facts.sort(key=lambda t: -len(self.ontology.superclasses(t)))
        return local(facts[0]) if facts else "Fact"

    def field_text(self, field_kind: str, values: list, qualifier: str | None, currency: str) -> str:
        template = self.ontology.templates[qualifier or DEFAULT]
        if field_kind == "count":
            return " / ".join(written(template, int(v.value), gpus(self.lang), self.lang) for v in values)
        if field_kind == "amount":
            return " / ".join(written(template, float(v.value), currency, self.lang, unit_first=True) for v in values)
        return ", ".join(sorted(self.label(v) for v in values))

    def summary(self, kind: str, values: dict[str, list]) -> str:
        m = model.active()
        spec = m.class_kinds.get(kind, (m.kinds["agreement"], ""))[0]
        fields = m.fields_of(spec.name)
        q = self.ontology.notations.get(_text(values["qualifier"][0])) if values.get("qualifier") else None
        currency = _text((values.get("currency") or [None])[0])
        text = ""
        for name, words in spec.summary:
            prop = fields[name].predicate.split(":", 1)[1]
            joiner = words if isinstance(words, str) else words["ko" if self.lang == "ko" else "en"]
            if values.get(prop):
                part = self.field_text(fields[name].kind, values[prop], q, currency)
                text += (joiner if text else "") + part
        return text

    def claims(self, facts: list[str], roles: dict[str, str] | None = None) -> list[Claim]:
        if not facts:
            return []
        terms = [ox.NamedNode(f) for f in facts]
        triples: dict[str, dict[str, list]] = {f: {} for f in facts}
        for fact, p, o in self.select("fact-triples", fact=terms):
            triples[fact.value].setdefault(local(p.value), []).append(o)
        sources: dict[str, dict[str, SourceRef]] = {f: {} for f in facts}
        for fact, source, para, note, date, title, publisher in self.select("fact-citations", fact=terms):
            ref = sources[fact.value].setdefault(source.value, SourceRef(
                local(source.value), self.label(source), self.label(publisher) if publisher else "",
                _text(date), _text(title), [], _text(note)))
            if para is not None and int(para.value) not in ref.paragraphs:
                ref.paragraphs.append(int(para.value))
        inferences: dict[str, dict[str, str]] = {}
        for fact, name, reason in self.select("inferences", fact=terms):
            inferences.setdefault(fact.value, {})[_text(name)] = _text(reason)
        out = []
        for fact in facts:
            values = triples[fact]
            kind = self.kind({_text(t) for t in values.get("type", [])})
            for ref in sources[fact].values():
                ref.paragraphs.sort()
            role = roles.get(fact) if roles else None
            out.append(Claim(inferred=dict(sorted(inferences.get(fact, {}).items())),
                             id=local(fact), kind=self.label(KGO + kind), summary=self.summary(kind, values),
                             role=self.label(KGO + role) if role is not None and role in self.ontology.defined else "",
                             date=_text((values.get("date") or [None])[0]),
                             note=_text((values.get("note") or [None])[0]),
                             sources=sorted(sources[fact].values(), key=lambda r: (r.date, r.id))))
        return sorted(out, key=lambda c: (c.kind, c.summary, c.id))

    # -- kg.provenance.explain and claims_of_source

    def explain(self, name: str) -> Explanation:
        pairs = [(_text(e)[len(KG):], _text(n)) for e, n in self.select("entity-names")]
        try:  # an id is found without normalising every name (a third of the time)
            ident = Names({}, {i for i, _ in pairs}).resolve(name, self.lang)
        except KgError:
            ident = Names.of_names(pairs).resolve(name, self.lang)
        iri = ox.NamedNode(KG + ident)
        found: dict[str, set[str]] = {}
        for fact, prop in self.select("entity-facts", entity=iri):
            if local(prop.value) != "type":
                found.setdefault(fact.value, set()).add(local(prop.value))
        roles = {fact: min(props, key=lambda p: (p == "party", p)) for fact, props in found.items()}
        said: Any = lambda p: [q.object for q in self.store.quads_for_pattern(iri, ox.NamedNode(p), None)]  # noqa: E731
        labels = {label.language or "": _text(label) for label in said(_RDFS + "label")}
        types = sorted({self.label(t) for t in said(_RDF + "type") if _text(t).startswith(KGO)})
        partners: list[dict[str, Any]] = [{"id": p, "label": self.label(KG + p), "relations": n}
                                          for p, n in self.partners(ident).items()]
        partners.sort(key=lambda p: (-p["relations"], p["label"]))
        return Explanation(ident, labels, types, self.claims(sorted(roles), roles), partners)

    def source_claims(self, source: str) -> list[Claim] | None:
        """The claims citing a source; None for a source the graph does not have (kg.cli says so)."""
        ident = source[3:] if source.startswith("kg:") else source
        if not any(_text(row[0]) == KG + ident for row in self.select("source-registry")):
            return None
        facts = self.select("source-facts", source=ox.NamedNode(KG + ident))
        return self.claims(sorted(fact.value for (fact,) in facts))

    # -- kg.network.project, as far as partner_counts reads it

    def partners(self, ident: str) -> dict[str, int]:
        """partner id -> relations: the network's partnership edges at the entity, counted as kg.provenance
        counts them on kg.network.project's graph (default kinds, no include, no hubs)."""
        m = model.active()
        wanted = {name for name, r in m.relations.items() if not r.needs}  # kg.network.partner_kinds
        classes = {KGO + r.cls: name for name, r in m.relations.items() if r.cls}  # kg.network.fact_classes
        role_of = m.role_iris
        facts: dict[str, tuple[str, dict[str, list[str]]]] = {}
        for fact, cls, p, node in self.select("network-roles", cls=[ox.NamedNode(c) for c in classes],
                                               p=[ox.NamedNode(p) for p in role_of]):
            kind, made = facts.setdefault(_network_local(fact), (classes[cls.value], defaultdict(list)))
            if _network_local(node) not in made[role_of[p.value]]:
                made[role_of[p.value]].append(_network_local(node))
        groups = self.groups()
        edges: set[tuple[str, str, str, str]] = set()  # the network's edge keys: fact, kind, u, v
        for fact, (kind, made) in facts.items():
            for nodes in made.values():
                nodes.sort()
            for u, v, link_kind in _links(m, kind, made, wanted):
                if groups.get(u) in ALWAYS and groups.get(v) in ALWAYS and u != v:
                    edges.add((fact, link_kind, u, v))
        out: dict[str, int] = {}
        for _fact, kind, u, v in sorted(edges):
            if kind in wanted and ident in (u, v):
                other = v if u == ident else u
                out[other] = out.get(other, 0) + 1
        return out

    def groups(self) -> dict[str, str]:
        """entity id -> its node group, by its most specific node class (kg.network.read_registry)."""
        classes = self.ontology.node_classes()
        types: dict[str, tuple[int, str]] = {}
        for entity, cls in self.select("network-types", cls=[ox.NamedNode(c) for c in classes]):
            depth = len(self.ontology.superclasses(cls.value))
            ident = _network_local(entity)
            if ident not in types or (-depth, cls.value) < (-types[ident][0], types[ident][1]):
                types[ident] = (depth, cls.value)
        return {ident: classes[cls] for ident, (_, cls) in types.items()}


def _network_local(term: Any) -> str:
    """kg.network.local: an entity's id; any other IRI whole."""
    text = _text(term)
    return text[len(KG):] if text.startswith(KG) else text


def _links(m: model.Model, kind: str, roles: dict[str, list[str]], wanted: set[str]) -> list[tuple[str, str, str]]:
    """(u, v, kind) of a fact's links, as kg.network's Fact.links and _Builder.links make them."""
    spec = m.kinds[m.relations[kind].kind]
    pairs: list[tuple[str, str]] = []
    for edge in spec.edges:
        sources = roles[m.role_of(spec.name, edge.source)]
        if not edge.directed:
            pairs += [(a, b) for i, a in enumerate(sources) for b in sources[i + 1:]]
        else:
            pairs += [(s, t) for s in sources for t in roles[m.role_of(spec.name, edge.target)] if s != t]
    links = [(u, v, kind) for u, v in pairs] if kind in wanted else []
    parties = list(dict.fromkeys(n for pair in pairs for n in pair))
    for name, implied in m.implied.items():
        if name in wanted:
            links += [(p, x, name) for p in parties for x in roles[implied["role"]]]
    return links


#: The options of `kg explain` read here, by the name of their value in kg.cli.explain.
_OPTIONS = {"--source": "source_id", "--lang": "lang", "-f": "fmt", "--format": "fmt", "--seeds": "seed_dir"}


def run(args: list[str]) -> bool:
    """Answer `kg explain …` (args after `kg`) as kg.cli would, if every option is written plainly and valid;
    False for kg.cli to answer."""
    options = _parse(args)
    if options is None:
        return False
    import sys

    from kg.errors import KgError

    try:
        text = answer(options["name"], options["source_id"], options["lang"], options["fmt"], options["seed_dir"])
    except KgError as exc:  # as kg.cli.user_errors reports it
        lines = exc.lines_in(options["lang"])
        if any("\x1b" in line for line in lines):  # (click strips terminal escapes from what is not a terminal)
            return False
        for line in lines:
            print(line, file=sys.stderr)
        sys.exit(exc.exit_code)
    if text is None or "\x1b" in text:
        return False
    sys.stdout.write(text + "\n")
    sys.stdout.flush()
    return True


def _parse(args: list[str]) -> dict[str, Any] | None:
    """kg.cli.explain's values from `explain [NAME] [--source ID] [--lang L] [-f F] [--seeds DIR]` (`--opt value`
    or `--opt=value`); None for anything else, a value click would refuse, or $KG_LANG (the global --lang)."""
    if not args or args[0] != "explain" or os.environ.get("KG_LANG"):
        return None
    options: dict[str, Any] = {"name": None, "source_id": None, "lang": "en", "fmt": "text",
                               "seed_dir": os.environ.get("KG_SEEDS") or "seeds"}
    parsed = plain_options(args[1:], _OPTIONS)
    if parsed is None or len(parsed[0]) > 1 or parsed[0] == [""]:
        return None
    options["name"] = parsed[0][0] if parsed[0] else None
    options.update(parsed[1])
    if options["lang"] not in ("en", "ko") or options["fmt"] not in ("text", "json"):
        return None
    options["seed_dir"] = Path(options["seed_dir"])
    if options["seed_dir"].is_file():  # click refuses a file for --seeds
        return None
    return options
