"""Find an entity by what a user types: its id, a prefixed or full IRI, or a label or alias in either
language, forgiving of case and spacing ("LG Electronics", "lg-electronics", "엘지전자", "kg:kisti")."""

from __future__ import annotations

import difflib
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from kg.errors import KgError
from kg.plain import KG
from kg.text import tr

if TYPE_CHECKING:  # rdflib and kg.query are imported where used: kg.quickexplain resolves names without them
    from rdflib import URIRef


def normalise(text: str) -> str:
    """The form names are compared in: NFKC, case-folded, letters and digits only, so 'LG  Electronics' and
    'lg-electronics' are one name (the map's search box compares the same way)."""
    return "".join(ch for ch in unicodedata.normalize("NFKC", text).casefold() if ch.isalnum())


@dataclass
class Names:
    """Every entity id with the names it is known by."""

    by_key: dict[str, set[str]]   # normalised name -> ids
    ids: set[str]

    @classmethod
    def of(cls, graph) -> Names:
        from kg.query.internal import select

        return cls.of_names((str(entity)[len(str(KG)):], str(name)) for entity, name in select(graph, "entity-names"))

    @classmethod
    def of_names(cls, pairs: Iterable[tuple[str, str]]) -> Names:
        """From (id, name) pairs: the graph's (above) or a seed file's (kg entities)."""
        by_key: dict[str, set[str]] = {}
        ids: set[str] = set()
        for ident, name in pairs:
            ids.add(ident)
            for key in (normalise(ident), normalise(name)):
                by_key.setdefault(key, set()).add(ident)
        return cls(by_key, ids)

    def resolve(self, text: str, lang: str = "en") -> str:
        """The id that text names; KgError with the nearest names when none or several match (in the language)."""
        raw = text.strip()
        if raw.startswith(str(KG)):
            raw = raw[len(str(KG)):]
        elif raw.startswith("kg:"):
            raw = raw[3:]
        if raw in self.ids:
            return raw
        found = self.by_key.get(normalise(raw), set())
        if len(found) == 1:
            return next(iter(found))
        if len(found) > 1:
            raise KgError(tr("entity ambiguous", lang, text=text, ids=", ".join(sorted(found))))
        suggestions = self.nearest(normalise(raw))
        hint = (tr("did you mean", lang, names=", ".join(suggestions)) if suggestions
                else tr("entity spelling", lang))
        raise KgError(tr("entity unknown", lang, text=text, hint=hint))

    def nearest(self, key: str) -> list[str]:
        """Up to five ids whose names are close to key; when none is, those whose names contain it (as the map's
        search finds them) or, for a short name such as two Hangul syllables with one wrong (삼송 for 삼성), are
        a little less close."""
        if not key:
            return []
        close = difflib.get_close_matches(key, list(self.by_key), n=5, cutoff=0.6)
        if not close:
            close = [k for k in self.by_key if key in k]
            close += difflib.get_close_matches(key, list(self.by_key), n=5, cutoff=0.5) if len(key) <= 3 else []
        return sorted({i for k in close for i in self.by_key[k]})[:5]

    def iri(self, text: str) -> URIRef:
        from kg.ontology import KG

        return KG[self.resolve(text)]
