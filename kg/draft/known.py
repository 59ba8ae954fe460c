"""What the seeds already hold, for a draft: the source registry and the facts of every OTHER source.

A draft for source S never reads facts/S.yaml (the file the draft replaces), so drafting an article that is
already curated is a leave-one-out run by construction. A proposal that says what a known fact says (same kind,
parties, supplier, figure, qualifier) becomes a `cite:` of it; one about the same quantity with another figure
or hedge is a new fact, judged against the known one with kg/conflicts.py's verdicts (contradiction or
consistent).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from kg import qualifiers
from kg.conflicts import Finding, Value, judge
from kg.draft.mentions import Registry, entities_of
from kg.draft.proposals import Proposal
from kg.errors import Problem, SeedError
from kg.seeds import MAX_SEED_FILE_BYTES, FileRefused, read_inside, read_yaml
from kg.text import tr

_ALIAS = re.compile(rb"(?m)^[^#\n]*[:\-\[,]\s*[&*][A-Za-z0-9_-]")
#: The field that holds the parties of each kind the draft proposes, and the one that holds its figure.
PARTIES = {"gpu-allocation": "recipient", "gpu-target": "set_by", "investment": "investors", "agreement": "parties"}
FIGURE = {"gpu-allocation": "gpus", "gpu-target": "gpus", "investment": "amount"}


@dataclass
class Known:
    sources: dict[str, dict]                      # id -> the entry in sources.yaml
    texts: str | None                             # sources.yaml's texts: folder, relative to the seeds
    facts: list[tuple[str, dict]] = field(default_factory=list)   # (source id, fact entry) of other sources
    ids: set[str] = field(default_factory=set)    # every id in use (entities, facts)
    registry: Registry = field(default_factory=lambda: Registry([]))


@dataclass
class Compared:
    """A proposal as it stands against the known facts."""

    proposal: Proposal
    cite: str | None = None                       # the known fact it restates
    findings: list[tuple[str, Finding]] = field(default_factory=list)   # (known fact id, verdict) where it differs
    part_of: str | None = None                    # the larger allocation every fact it differs from is a share of


def read_data(root: Path, path: Path) -> Any:
    """A seed file's data, read with the loader's limits (inside the seed folder, no FIFOs, at most 5 MiB) and
    libyaml for speed. A file this fast path does not take (refused, unreadable, not YAML, or with what looks like
    an anchor or alias) is read again by the loader itself, so that it is refused with kg build's own words
    (kg.seeds.read_yaml: a SeedError), or read after all when the loader takes it."""
    try:
        data = read_inside(root, path, MAX_SEED_FILE_BYTES, "seed folder", "a seed file", "split it")
        if not _ALIAS.search(data):
            return yaml.load(data, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except (FileRefused, OSError, yaml.YAMLError):
        pass
    problems: list[Problem] = []
    loaded = read_yaml(path, str(path), problems, root)
    if problems:
        raise SeedError(problems)
    return loaded


def load_known(seed_dir: str | Path, source: str) -> Known:
    """The source registry and the facts of every source but `source`."""
    root = Path(seed_dir)
    raw = read_data(root, root / "sources.yaml") or {}
    sources = {s["id"]: s for s in raw.get("sources") or [] if isinstance(s, dict) and isinstance(s.get("id"), str)}
    known = Known(sources, raw.get("texts") if isinstance(raw.get("texts"), str) else None)
    entities = read_data(root, root / "entities.yaml") or {}
    known.registry = Registry(entities_of(entities))
    known.ids |= set(known.registry.entities)
    for path in sorted((root / "facts").glob("*.yaml")):
        data = read_data(root, path) or {}
        owner = data.get("source") if isinstance(data, dict) else None
        for entry in (data.get("facts") or []) if isinstance(data, dict) else []:
            # the source's own file is what the draft replaces: neither its facts nor its ids count
            if isinstance(entry, dict) and isinstance(entry.get("id"), str) and owner != source and path.stem != source:
                known.ids.add(entry["id"])
                known.facts.append((str(owner), entry))
    return known


def _parties(kind: str, entry: dict) -> tuple[str, ...]:
    value = entry.get(PARTIES[kind])
    return tuple(sorted(value)) if isinstance(value, list) else (str(value),)


def compare(proposal: Proposal, known: Known, lang: str = "en") -> Compared:
    """Whether a known fact says the same (a cite) or something else about the same quantity (verdicts)."""
    out = Compared(proposal)
    mine = tuple(sorted(proposal.parties))
    parents: set = set()
    for source, entry in known.facts:
        kind = entry.get("kind")
        if kind != proposal.kind or _parties(kind, entry) != mine or entry.get("currency") != proposal.currency:
            continue
        if kind == "agreement":
            if entry.get("type") == proposal.type:
                out.cite = out.cite or entry["id"]
            continue
        if kind == "gpu-target" and entry.get("by_year") != proposal.by_year:
            continue
        if kind == "gpu-allocation" and proposal.supplier and entry.get("supplier") != proposal.supplier:
            continue    # another supplier's deal: not the same quantity
        figure, qualifier = entry.get(FIGURE[kind]), entry.get("qualifier") or qualifiers.DEFAULT
        if not isinstance(figure, int):
            continue
        if figure == proposal.value and qualifier == proposal.qualifier:
            out.cite = out.cite or entry["id"]
            continue
        mine_value = _value(proposal.value, proposal.qualifier, tr("draft source", lang), None)
        values = [_value(figure, qualifier, source, entry), mine_value]
        finding = judge(kind, list(mine), ", ".join(mine), values, lang, proposal.currency or "")
        out.findings.append((entry["id"], finding))
        parents.add(entry.get("part_of"))
    if out.cite:
        out.findings = []
    elif len(parents) == 1 and isinstance(next(iter(parents)), str):
        # the same deal as the facts it is judged against: so kg conflicts, which compares the shares of one
        # deal, judges the reviewed fact as the draft did
        out.part_of = next(iter(parents))
    return out


def _value(n: int, qualifier: str, source: str, entry: dict | None) -> Value:
    paras = entry.get("para") if entry else None
    paragraphs = paras if isinstance(paras, list) else [paras] if paras else []
    return Value(n, qualifier, qualifiers.value_set(n, qualifier).to_dict(), [{"id": source, "paragraphs": paragraphs}],
                 [entry["id"]] if entry else [])
