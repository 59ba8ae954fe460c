"""What `kg explain` shows — claims, their sources, an entity's explanation — and how it prints them (text or
JSON). Apart from kg.provenance, which reads them from any store with rdflib, so that kg.quickexplain can make the
same objects from the cached build with pyoxigraph alone and print them the same way."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from typing import Any

from kg.text import definition, note, tr


@dataclass
class SourceRef:
    """Where a claim comes from: the article and the paragraphs in it."""

    id: str
    label: str
    publisher: str
    date: str
    title: str
    paragraphs: list[int]
    note: str

    def cite(self, lang: str = "en") -> str:
        """'News1, 2025-10-31, "headline", para 21' — what a report would print."""
        parts = [self.publisher or tr("unknown publisher", lang), self.date]
        parts.append(f'"{self.title}"' if self.title else self.label)
        parts.append(tr("para list", lang, p=", ".join(map(str, self.paragraphs))))
        return ", ".join(p for p in parts if p) + f" [{self.id}]"


@dataclass
class Claim:
    """One fact, as a line a person can read, with its sources."""

    id: str
    kind: str
    summary: str
    role: str = ""
    date: str = ""
    note: str = ""
    sources: list[SourceRef] = field(default_factory=list)
    inferred: dict[str, str] = field(default_factory=dict)   # field -> the curator's reason (not in the text)


@dataclass
class Explanation:
    """Everything the graph says about one entity, each claim with its sources."""

    id: str
    labels: dict[str, str]
    types: list[str]
    claims: list[Claim]
    partners: list[dict[str, Any]]

    def to_dict(self) -> dict:
        """As JSON shows it; labels by language tag, whatever order the store gave them in (a fresh build and the
        cached store give them in different orders)."""
        return asdict(self) | {"labels": dict(sorted(self.labels.items()))}


def explanation_text(found: Explanation, lang: str, fmt: str) -> str:
    """What `kg explain NAME` prints (without the final newline)."""
    if fmt == "json":
        return json.dumps(found.to_dict(), ensure_ascii=False, indent=2)
    head = f"{found.labels.get(lang) or found.labels.get('en')} ({found.id}) — {', '.join(found.types)}"
    other = found.labels.get("ko" if lang == "en" else "en")
    if other:
        head += f"\n  {tr('also', lang)}{other}"
    if found.partners:
        n = len(found.partners)
        head += ("\n  " + tr("explain partners", lang, n=n, s="" if n == 1 else "s")
                 + ", ".join(f"{p['label']} ({p['relations']})" for p in found.partners)
                 + f"\n  ({definition(lang)})")
    return format_claims(found.claims, head, lang)


def source_text(source_id: str, claims: list[Claim], lang: str, fmt: str) -> str:
    """What `kg explain --source ID` prints (without the final newline)."""
    if fmt == "json":
        return json.dumps({"source": source_id, "claims": [asdict(c) for c in claims]}, ensure_ascii=False, indent=2)
    return format_claims(claims, tr("facts cite", lang, n=len(claims), source=source_id), lang)


def format_claims(claims: list[Claim], head: str, lang: str = "en") -> str:
    lines = [head, ""]
    for c in claims:
        role = tr("as role", lang, role=c.role) if c.role else ""
        date = f" {c.date}" if c.date else ""
        lines.append(f"* {c.kind}: {c.summary}{date}{role}  ({c.id})")
        if c.note:
            lines.append(f"    {note(c.note, lang)}")
        for name, reason in sorted(c.inferred.items()):
            lines.append(f"    {tr('inference', lang)} — {name}: {reason}")
        for ref in c.sources:
            lines.append(f"    {tr('source', lang)}{ref.cite(lang)}")
            if ref.note and ref.note != c.note:
                lines.append(f"            {note(ref.note, lang)}")
    return "\n".join(lines)
