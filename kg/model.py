"""The model of the seeds' facts as data: kg/model.yaml declares each fact kind once, and this module reads it.

Checking seeds (kg/seeds.py), building RDF (kg/graph.py), the network projection (kg/network.py), the one-line
summaries of kg explain (kg/provenance.py), the map's legend and words (kg/view.py) and seeds/README.md's kinds
table all ask the active model, so a new fact kind is one declaration here plus its ontology terms and shapes.
Labels come from the ontology (rdfs:label, kgo:relationLabel), never from the YAML.

`active()` is the package's model unless a block runs `using(Model.load(...))` — how a test points kg at a
fixture model, with its own ontology and shapes files read on top of kg.ttl and shapes.ttl.
"""

from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cache, cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from kg import plain
from kg.schema import Field

if TYPE_CHECKING:  # rdflib and kg.ontology are imported where used: kg.quickexplain reads the model without them
    from rdflib import URIRef

MODEL_FILE = Path(__file__).resolve().parent / "model.yaml"
#: libyaml's safe loader where PyYAML has it (the same values; a tenth of the time of `kg explain` on the seeds
#: otherwise), else PyYAML's own.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
FIELD_KEYS = {"kind", "property", "required", "types", "choices", "fact_kinds", "role", "default", "when", "doc"}


class ModelError(ValueError):
    """A model file that contradicts itself or the ontology: a programming error, reported at load."""


@dataclass(frozen=True)
class Edge:
    """How a fact becomes links: between every two entities of one field, or from one field's to another's."""

    role: str
    source: str             # field name ('from', or 'between' for an undirected clique)
    target: str = ""        # field name ('to'); "" for a clique
    en: str = ""            # "{a} supplies {b}"
    ko: str = ""
    ko_role: str = ""       # the role in Korean, one word
    named: bool = False     # an undirected link whose role the map names

    @property
    def directed(self) -> bool:
        return bool(self.target)


@dataclass(frozen=True)
class FactKind:
    """One declaration of kg/model.yaml."""

    name: str
    cls: str                                   # the ontology class (kgo local name)
    fields: dict[str, Field]
    parties: tuple[str, ...] = ()              # fields whose entities also become kgo:party of the fact
    figures: tuple[str, ...] = ()
    edges: tuple[Edge, ...] = ()
    summary: tuple[tuple[str, Any], ...] = ()  # (field, words before it: str or {en, ko})
    style: tuple[str, str] | None = None
    needs: str = ""
    class_by: str = ""                         # the field whose value picks the class
    classes: dict[str, str] = field(default_factory=dict)       # value -> class local name
    class_styles: dict[str, tuple[str, str]] = field(default_factory=dict)
    rules: tuple[str, ...] = ()

    def class_of(self, values: dict[str, Any]) -> str:
        """The class of a fact of this kind with these (checked) values."""
        return self.classes[values[self.class_by]] if self.class_by else self.cls

    def relations(self) -> dict[str, str]:
        """The relation kinds (map link kinds) this kind makes, each with its class: its own name, or one per
        value of its class_by field."""
        if not self.edges:
            return {}
        return dict(self.classes) if self.class_by else {self.name: self.cls}


@dataclass(frozen=True)
class Relation:
    """A kind of link in the network: made by a fact class, or implied by what facts name (products)."""

    name: str
    cls: str = ""            # the fact class that makes it, "" for an implied one
    label_cls: str = ""      # the class whose labels name it
    needs: str = ""
    style: tuple[str, ...] = ("#999999", "solid")  # colour, line, and optionally a figure that widens it
    kind: str = ""           # the fact kind that makes it


def _types(value: Any, sets: dict[str, list[str]]) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return tuple(sets[value])
    return tuple(value)


def _field(name: str, spec: dict[str, Any], sets: dict[str, list[str]], values: tuple[str, ...] = ()) -> Field:
    unknown = set(spec) - FIELD_KEYS
    if unknown:
        raise ModelError(f"field {name}: unknown keys {sorted(unknown)}")
    return Field(spec["kind"], spec.get("property", ""), bool(spec.get("required", False)),
                 _types(spec.get("types"), sets), "" if values else spec.get("choices", ""),
                 tuple(spec.get("fact_kinds", ())), role=spec.get("role", ""), default=spec.get("default"),
                 when=spec.get("when", ""), values=values, doc=spec.get("doc", ""))


def _local(curie: str) -> str:
    prefix, local = curie.split(":", 1)
    if prefix != "kgo":
        raise ModelError(f"{curie}: a fact class must be a kgo: term")
    return local


def _edge(spec: dict[str, Any]) -> Edge:
    source = spec.get("between") or spec["from"]
    return Edge(spec["role"], source, spec.get("to", ""), spec.get("en", ""), spec.get("ko", ""),
                spec.get("ko_role", ""), bool(spec.get("named", False)))


def _kind(name: str, spec: dict[str, Any], sets: dict[str, list[str]]) -> FactKind:
    classes = {value: _local(c["class"]) for value, c in spec.get("classes", {}).items()}
    fields = {f: _field(f, s, sets, tuple(classes) if f == spec.get("class_by") else ())
              for f, s in spec["fields"].items()}
    return FactKind(
        name, _local(spec["class"]), fields, tuple(spec.get("parties", ())), tuple(spec.get("figures", ())),
        tuple(_edge(e) for e in spec.get("edges", ())),
        tuple((f, words) for f, words in spec.get("summary", ())),
        tuple(spec["style"]) if "style" in spec else None, spec.get("needs", ""), spec.get("class_by", ""),
        classes, {value: tuple(c["style"]) for value, c in spec.get("classes", {}).items() if "style" in c},
        tuple(spec.get("rules", ())))


class Model:
    """The fact kinds, the common fact fields and the relation kinds of the network, read from a model file."""

    def __init__(self, data: dict[str, Any], ontology_files: tuple[Path, ...] = (),
                 shapes_files: tuple[Path, ...] = ()):
        sets = data.get("entity_sets", {})
        self.kinds: dict[str, FactKind] = {n: _kind(n, s, sets) for n, s in data["kinds"].items()}
        self.common_fields: dict[str, Field] = {n: _field(n, s, sets) for n, s in data.get("common_fields", {}).items()}
        self.order: list[str] = list(data["relations"])
        self.implied: dict[str, dict[str, Any]] = data.get("implied", {})
        self.hub: dict[str, str] = data["hub"]
        self.ontology_files, self.shapes_files = ontology_files, shapes_files

    @classmethod
    def load(cls, path: Path = MODEL_FILE, ontology: tuple[Path, ...] = (), shapes: tuple[Path, ...] = ()) -> Model:
        with open(path, encoding="utf-8") as fh:
            data = yaml.load(fh, Loader=_LOADER)
        if data.pop("extends", None) == "package":  # the package's model plus these kinds and relations
            with open(MODEL_FILE, encoding="utf-8") as fh:
                base = yaml.load(fh, Loader=_LOADER)
            data = {**base, **data, "kinds": {**base["kinds"], **data.get("kinds", {})},
                    "relations": base["relations"] + data.get("relations", [])}
        return cls(data, tuple(map(Path, ontology)), tuple(map(Path, shapes)))

    # -- what the parts of kg ask ------------------------------------------------------------------------

    def fields_of(self, kind: str) -> dict[str, Field]:
        """Every field a fact of this kind may have: the common ones, then its own."""
        return {**self.common_fields, **self.kinds[kind].fields}

    @cached_property
    def relations(self) -> dict[str, Relation]:
        """The relation kinds of the network in display order (kg/model.yaml `relations:`)."""
        found: dict[str, Relation] = {}
        for kind in self.kinds.values():
            for name, cls in kind.relations().items():
                style = kind.class_styles.get(name) or kind.style
                if style is None:
                    raise ModelError(f"relation {name} has no style")
                found[name] = Relation(name, cls, cls, kind.needs, style, kind.name)
        for name, spec in self.implied.items():
            if name in found:
                continue
            found[name] = Relation(name, "", _local(spec["label"]), spec.get("needs", ""), tuple(spec["style"]))
        missing, extra = set(found) - set(self.order), set(self.order) - set(found)
        if missing or extra:
            raise ModelError(f"`relations:` in the model must list every relation kind once: missing "
                             f"{sorted(missing)}, unknown {sorted(extra)}")
        return {name: found[name] for name in self.order}

    @cached_property
    def class_kinds(self) -> dict[str, tuple[FactKind, str]]:
        """fact class local name -> (its declaration, its relation kind or "")."""
        out: dict[str, tuple[FactKind, str]] = {}
        for kind in self.kinds.values():
            out[kind.cls] = (kind, "")
            for value, cls in kind.classes.items():
                out[cls] = (kind, value if kind.edges else "")
            if kind.edges and not kind.class_by:
                out[kind.cls] = (kind, kind.name)
        return out

    @cached_property
    def role_iris(self) -> dict[str, str]:
        """Property IRI -> role name, for every entity field of a fact kind (the property's local name unless the
        field says `role:`); one property has one role wherever it is used."""
        out: dict[str, str] = {}
        for kind in self.kinds.values():
            for f in {**self.common_fields, **kind.fields}.values():
                if f.kind in ("ref", "refs") and f.predicate:
                    prefix, local = f.predicate.split(":", 1)
                    iri = plain.PREFIXES[prefix] + local
                    role = f.role or local
                    if out.setdefault(iri, role) != role:
                        raise ModelError(f"{f.predicate} has two roles: {out[iri]} and {role}")
        return out

    @cached_property
    def roles(self) -> dict[URIRef, str]:
        """role_iris with the properties as rdflib terms."""
        from rdflib import URIRef

        return {URIRef(iri): role for iri, role in self.role_iris.items()}

    def role_of(self, kind: str, field_name: str) -> str:
        f = self.fields_of(kind)[field_name]
        return f.role or f.predicate.split(":", 1)[1]

    def role_words(self) -> dict[str, dict[str, str]]:
        """role -> {en, ko, ko_role}: the words of each link role (kg neighbors, kg path, the map)."""
        out: dict[str, dict[str, str]] = {}
        for kind in self.kinds.values():
            for e in kind.edges:
                out[e.role] = {"en": e.en, "ko": e.ko, "ko_role": e.ko_role}
        for spec in self.implied.values():
            out[spec["role"]] = {"en": "", "ko": "", "ko_role": spec.get("ko_role", "")}
        return out

    def role_words_ko(self) -> dict[str, str]:
        """role -> the role in one Korean word, for the map (with `party`, a party's link to a hub node)."""
        words = {role: w["ko_role"] for role, w in self.role_words().items() if w["ko_role"]}
        return {**words, **{self.hub["role"]: self.hub["ko_role"]}}

    def named_roles(self) -> list[str]:
        """The roles of undirected links that the map names next to the two ends (co-investors)."""
        return sorted({e.role for kind in self.kinds.values() for e in kind.edges if e.named})

    def label(self, cls: str, lang: str = "en", relation: bool = False) -> str:
        """A class's label in the language (its kgo:relationLabel first when naming a relation)."""
        from rdflib import RDFS

        from kg import ontology

        g = ontology.ontology_graph()
        props = ([ontology.KGO.relationLabel] if relation else []) + [RDFS.label]
        for prop in props:
            for label in g.objects(ontology.iri(cls), prop):
                if getattr(label, "language", None) == lang:
                    return str(label)
        return cls

    def relation_label(self, name: str, lang: str = "en") -> str:
        return self.label(self.relations[name].label_cls, lang, relation=True)

    def check(self) -> list[str]:
        """What the model names that the ontology in use does not define (empty when all is well)."""
        from kg import ontology

        defined = {str(t)[len(str(ontology.KGO)):] for t in ontology.defined_terms()}
        wrong = []
        for kind in self.kinds.values():
            for cls in (kind.cls, *kind.classes.values()):
                if cls not in defined:
                    wrong.append(f"{kind.name}: class kgo:{cls}")
            for name, f in kind.fields.items():
                if f.predicate.startswith("kgo:") and f.predicate[4:] not in defined:
                    wrong.append(f"{kind.name}.{name}: property {f.predicate}")
                wrong += [f"{kind.name}.{name}: type {t}" for t in f.types if t not in defined]
        return wrong


def kinds_table(m: Model) -> str:
    """The kinds table of seeds/README.md (tests/test_model.py checks that the README holds it)."""
    rows = ["| kind | class | fields (required **bold**) |", "| --- | --- | --- |"]
    for kind in m.kinds.values():
        classes = ", ".join(f"`kgo:{c}`" for c in (kind.classes.values() if kind.class_by else [kind.cls]))
        shown = []
        for name, f in kind.fields.items():
            text = f"**{name}**" if f.required else name
            note = f.doc or (", ".join(f"`{v}`" for v in f.values) if f.values else "")
            shown.append(f"{text} ({note})" if note else text)
        rows.append(f"| `{kind.name}` | {classes} | {', '.join(shown)} |")
    return "\n".join(rows) + "\n"


@cache
def curie(name: str) -> URIRef:
    """'kgo:supplier' -> the full IRI, through the project's prefixes (kept: kg.graph asks once per triple)."""
    from rdflib import URIRef

    from kg import ontology

    prefix, local = name.split(":", 1)
    return URIRef(str(ontology.PREFIXES[prefix]) + local)


_PACKAGE: Model | None = None
_ACTIVE: list[Model] = []


def package() -> Model:
    """The model kg ships (kg/model.yaml), read once."""
    global _PACKAGE
    if _PACKAGE is None:
        _PACKAGE = Model.load()
    return _PACKAGE


def active() -> Model:
    """The model in use: the package's, or the one of the innermost `using` block."""
    return _ACTIVE[-1] if _ACTIVE else package()


@contextmanager
def using(model: Model):
    """Run a block with another model (and its ontology and shapes files on top of the package's)."""
    from kg import ontology

    with ontology.extended(model.ontology_files, model.shapes_files):
        wrong = model.check()
        if wrong:
            raise ModelError("the model names terms the ontology does not define: " + "; ".join(wrong))
        _ACTIVE.append(model)
        try:
            yield model
        finally:
            _ACTIVE.pop()
