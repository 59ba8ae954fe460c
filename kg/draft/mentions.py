"""Find the registry's entities in a paragraph: by id-free names, i.e. each entity's labels and aliases in
either language (seeds/entities.yaml), longest name first, so "삼성전자" is Samsung Electronics and not "삼성" +
"전자".

Korean attaches particles to names ("정부는", "현대차와", "공공 부문에"), so a Korean name may be followed by
anything; to keep "공공" (the public sector) out of "공공기관", a name of one or two syllables must then be
followed by a particle, a space or punctuation. A name may not start inside a Korean word or a Latin word, and a
Latin name may not end inside one ("SK" is not in "SKT", "Korea" is not in "Korean"). Spaces in a name match any
run of spaces, or none ("한국 정부", "한국정부").

Measured on the five seed articles before choosing: the registry's aliases already hold the spellings the
articles use (including the misspelling 엠비디아), so plain matching with this particle rule finds every
organisation the curated GPU and investment facts name; no morphological analyser is needed for that.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

from kg import ontology
from kg.errors import Problem, SeedError

_KO_PARTICLES = "은는이가을를에의와과도로만께서"
_HANGUL = "가-힣"


@dataclass(frozen=True)
class Entity:
    id: str
    type: str
    names: tuple[str, ...]
    country: str | None = None

    @cached_property
    def role(self) -> str:
        """party (an organisation), country, sector, facility (a facility or project) or other."""
        if self.type == "Country":
            return "country"
        if self.type == "Sector":
            return "sector"
        cls = ontology.iri(self.type)
        if ontology.is_subclass(cls, ontology.iri("Organization")):
            return "party"
        return "facility" if ontology.is_subclass(cls, ontology.iri("Project")) else "other"


@dataclass(frozen=True)
class Mention:
    """An entity named in a text: text[start:end] is the name as printed."""

    entity: Entity
    start: int
    end: int


class Registry:
    """The entities a draft can name, indexed by the first character of each name."""

    def __init__(self, entities: list[Entity]):
        self.entities = {e.id: e for e in entities}
        self._by_name: dict[str, Entity] = {}
        for e in entities:
            for name in e.names:
                self._by_name.setdefault(_key(name), e)
        self._by_first: dict[str, list[str]] = {}
        for key in sorted(self._by_name, key=lambda k: (-len(k), k)):
            self._by_first.setdefault(key[0], []).append(key)

    @classmethod
    def from_seeds(cls, seed_dir: str | Path) -> Registry:
        """The registry in seed_dir/entities.yaml (read with the loader's reader and limits)."""
        from kg.seeds import read_yaml  # the loader's safe reader: no aliases, no FIFOs, size limits

        path = Path(seed_dir) / "entities.yaml"
        problems: list[Problem] = []
        data = read_yaml(path, str(path), problems, Path(seed_dir))
        if problems:
            raise SeedError(problems)
        return cls(entities_of(data))

    def find(self, text: str) -> list[Mention]:
        """Every entity named in text, in order, without overlaps (the longest name wins)."""
        found, folded, i = [], text.casefold(), 0
        while i < len(text):
            end = -1
            if not (i and _WORD.match(text[i - 1]) and _WORD.match(text[i])):
                for key in self._by_first.get(folded[i], ()):
                    end = _match_at(folded, i, key)
                    if end > 0:
                        found.append(Mention(self._by_name[key], i, end))
                        break
            i = end if end > 0 else i + 1
        return found


_WORD = re.compile(rf"[{_HANGUL}A-Za-z0-9]")
_PARTICLE_OR_END = re.compile(rf"[{_KO_PARTICLES}]|[^{_HANGUL}]")


def _match_at(folded: str, i: int, key: str) -> int:
    """The end of key in folded at i (spaces in the text between its characters allowed), or -1."""
    j = i
    for ch in key:
        while j < len(folded) and folded[j].isspace() and j > i:
            j += 1
        if j >= len(folded) or folded[j] != ch:
            return -1
        j += 1
    after = folded[j:j + 1]
    if key[-1].isascii() and key[-1].isalnum() and after.isascii() and after.isalnum():
        return -1   # "SK" is not in "SKT", "Korea" is not in "Korean"
    if len(key) <= 2 and re.match(rf"[{_HANGUL}]", key[-1]) and after and not _PARTICLE_OR_END.match(after):
        return -1   # "공공" is not in "공공기관"
    return j


def entities_of(data: Any) -> list[Entity]:
    """Entities from entities.yaml's parsed data; entries the loader would refuse are skipped here (kg build
    reports them)."""
    out = []
    for entry in (data.get("entities") or []) if isinstance(data, dict) else []:
        if not (isinstance(entry, dict) and isinstance(entry.get("id"), str) and isinstance(entry.get("type"), str)):
            continue
        label = entry["label"] if isinstance(entry.get("label"), dict) else {}
        aliases = entry["aliases"] if isinstance(entry.get("aliases"), list) else []
        names = [n for n in (*label.values(), *aliases) if isinstance(n, str) and n.strip()]
        country = entry.get("country") if isinstance(entry.get("country"), str) else None
        out.append(Entity(entry["id"], entry["type"], tuple(dict.fromkeys(n.strip() for n in names)), country))
    return out


def _key(name: str) -> str:
    """Names compare without spaces and case: "한국 정부" and "한국정부" are one name."""
    return "".join(name.split()).casefold()
