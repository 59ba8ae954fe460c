"""`kg entities` and `kg new-entity`: search the registry (seeds/entities.yaml) without grepping it, and add to
it with the loader's own checks, so a curator finds or makes the id a fact needs in one command.

Names are compared as kg.lookup compares them (case, spacing and punctuation aside, a part of a name is enough,
as in the map's search box), and a name with a Korean particle attached ("삼성전자와") is found by the draft's
mention matching (kg.draft.mentions), so there is no third way of matching names.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from kg import model, ontology, schema
from kg.draft.mentions import Entity, Registry
from kg.errors import KgError, SeedError
from kg.fieldkinds import label
from kg.lookup import Names, normalise
from kg.seeds import ID_PATTERN, NOT_ONE_LINE, Record, Seeds, load_seeds
from kg.serialize import write_atomic
from kg.text import tr


@dataclass(frozen=True)
class Found:
    """A registry entity with where it is defined and how often the seeds cite it."""

    id: str
    type: str
    en: str
    ko: str
    aliases: tuple[str, ...]
    file: str
    line: int
    facts: int          # facts that name it in any of their entity fields
    sources: int        # sources of those facts, and those the entity's own entry cites

    def lines(self, lang: str = "en") -> list[str]:
        first, second = (self.ko, self.en) if lang == "ko" else (self.en, self.ko)
        kind = f"{label(self.type, 'ko')}({self.type})" if lang == "ko" else self.type
        head = f"{self.id}  {kind}  {first} / {second}"
        if self.aliases:
            head += "  " + tr("entities aliases", lang, names=", ".join(self.aliases))
        cited = (tr("entities cited", lang, facts=self.facts, sources=self.sources) if self.facts or self.sources
                 else tr("entities not cited", lang))
        return [head, f"    {cited} — {self.file}:{self.line}"]


def _names(record: Record) -> tuple[dict[str, str], tuple[str, ...]]:
    label, aliases = record.values.get("label"), record.values.get("aliases") or []
    return ({str(k): str(v) for k, v in label.items()} if isinstance(label, dict) else {},
            tuple(a for a in aliases if isinstance(a, str)))


def _citations(seeds: Seeds) -> dict[str, tuple[set[str], set[str]]]:
    """Entity id -> (facts naming it, sources citing it), from the fact kinds' entity fields (kg/model.yaml)."""
    out: dict[str, tuple[set[str], set[str]]] = {}
    active = model.active()
    for fact in seeds.facts.values():
        fields = active.fields_of(fact.kind)
        for name, value in fact.values.items():
            f = fields.get(name)
            if f is None or f.kind not in ("ref", "refs"):
                continue
            for ident in value if isinstance(value, list) else [value]:
                facts, sources = out.setdefault(str(ident), (set(), set()))
                facts.add(fact.id)
                sources.update(fact.sources)
    for ident, record in seeds.entities.items():
        out.setdefault(ident, (set(), set()))[1].update(record.sources)
    return out


def search(seed_dir: str | Path = "seeds", name: str | None = None, lang: str = "en") -> list[Found]:
    """The registry's entities whose id, label or alias (either language) is or contains name, exact matches
    first; every entity when name is empty. KgError with the nearest names when nothing matches."""
    seeds = load_seeds(seed_dir)
    names = {ident: _names(r) for ident, r in seeds.entities.items()}
    matches = sorted(names)
    if name and name.strip():
        index = Names.of_names((ident, n) for ident, (label, aliases) in names.items()
                               for n in (*label.values(), *aliases))
        key = normalise(name)
        exact = sorted(index.by_key.get(key, set()))
        within = sorted({i for k, ids in index.by_key.items() if key and key in k for i in ids})
        registry = Registry([Entity(i, seeds.entities[i].kind, (*label.values(), *aliases))
                             for i, (label, aliases) in names.items()])
        mentioned = sorted({m.entity.id for m in registry.find(name)})
        matches = list(dict.fromkeys(exact + within + mentioned))
        if not matches:
            close = index.nearest(key)
            hint = tr("did you mean", lang, names=", ".join(close)) if close else tr("entities list hint", lang)
            raise KgError(tr("entities none", lang, name=name, hint=hint))
    cited = _citations(seeds)
    out = []
    for ident in matches:
        record, (label, aliases) = seeds.entities[ident], names[ident]
        facts, sources = cited.get(ident, (set(), set()))
        out.append(Found(ident, record.kind, label.get("en", ""), label.get("ko", ""), aliases,
                         record.file, record.line, len(facts), len(sources)))
    return out


def new_entity(seed_dir: str | Path, ident: str, etype: str, en: str, ko: str,
               aliases: tuple[str, ...] = (), lang: str = "en") -> tuple[Path, int]:
    """Append an entity to entities.yaml; returns the file and the line of the new entry. The options are
    checked first, then the whole seed set with the entry in it, as kg build would check it; on any problem
    the file is left as it was. Written atomically."""
    path = Path(seed_dir) / "entities.yaml"
    types = ontology.entity_types()
    if etype not in types:
        close = Names.of_names((t, t) for t in types).nearest(normalise(etype))
        hint = tr("did you mean", lang, names=", ".join(close)) if close else tr("new entity types", lang,
                                                                                 types=", ".join(types))
        raise KgError(tr("new entity bad type", lang, file=path, type=etype, hint=hint))
    if not ID_PATTERN.fullmatch(ident) or len(ident) > schema.MAX_ID_CHARS:
        raise KgError(tr("new entity bad id", lang, file=path, id=ident))
    for value in (en, ko, *aliases):
        if not value.strip() or NOT_ONE_LINE.search(value) or len(value) > schema.MAX_LABEL_CHARS:
            raise KgError(tr("new entity bad name", lang, file=path, name=value[:80], n=schema.MAX_LABEL_CHARS))
    seeds = load_seeds(seed_dir)
    ids = seeds.entities | seeds.facts | seeds.sources   # one id space: an entity may not reuse a fact's id
    taken = ids.get(ident)
    if taken is not None:
        free = next(f"{ident}-{n}" for n in range(2, 1000) if f"{ident}-{n}" not in ids)
        raise KgError(tr("new entity taken", lang, file=taken.file, line=taken.line, id=ident, free=free))
    entry: dict[str, object] = {"id": ident, "type": etype, "label": {"en": en, "ko": ko}}
    if aliases:
        entry["aliases"] = list(aliases)
    block = yaml.safe_dump([entry], allow_unicode=True, sort_keys=False, width=120, default_flow_style=None)
    block = "".join("  " + line for line in block.splitlines(keepends=True))
    old = path.read_text(encoding="utf-8")
    head = old.rstrip("\n") + "\n\n"
    write_atomic(path, (head + block).encode("utf-8"))
    try:
        load_seeds(seed_dir)
    except SeedError:
        write_atomic(path, old.encode("utf-8"))
        raise
    return path, head.count("\n") + 1
