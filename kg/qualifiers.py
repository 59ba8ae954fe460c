"""Figure qualifiers: the words and the value set of each, read from `kgo:qualifiers` in ontology/kg.ttl.

This module is the one place kg's code learns what a qualifier means. The words (labels, and the template
a figure is written with, in English and Korean) and the tolerance of "about" live in the ontology; the
value-set rules below follow the comments there:

    stated     the number as printed, rounded to the place of its last printed digit in the Korean way of
               writing numbers (만 10^4, 억 10^8, 조 10^12; a finer non-zero digit makes it finer):
               260,000 (26만) = [255,000, 265,000); 15,000 (1만 5000) = [14,500, 15,500)
    about      [n - t·n, n + t·n], t = kgo:tolerance (0.1)
    at-least   [n, ∞)
    more-than  (n, ∞)
    up-to      [0, n]
    exact      {n}

`figure(n, q, unit, lang)` writes a figure ("about 50,000 GPUs", "26만 … 이상" style templates); the map gets
the same words through `words()` (kg/view.py puts them into the page), so no other copy exists.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from functools import cache
from typing import Any

from kg.text import tr

#: The qualifier of a figure whose seed gives none.
DEFAULT = "stated"

#: Korean counting units: a printed figure is rounded to the largest of these that it reaches.
_KOREAN_UNITS = (10**12, 10**8, 10**4, 1)


@dataclass(frozen=True)
class Bounds:
    """A set of values as an interval: lo..hi, each end open or closed; hi None means no upper bound."""

    lo: Fraction
    lo_closed: bool
    hi: Fraction | None
    hi_closed: bool

    def overlaps(self, other: Bounds) -> bool:
        def below(a: Bounds, b: Bounds) -> bool:   # a lies wholly below b
            if a.hi is None:
                return False
            return a.hi < b.lo or (a.hi == b.lo and not (a.hi_closed and b.lo_closed))
        return not below(self, other) and not below(other, self)

    def __add__(self, other: Bounds) -> Bounds:
        hi = None if self.hi is None or other.hi is None else self.hi + other.hi
        return Bounds(self.lo + other.lo, self.lo_closed and other.lo_closed, hi,
                      hi is not None and self.hi_closed and other.hi_closed)

    def to_dict(self) -> dict[str, Any]:
        num = lambda x: int(x) if x.denominator == 1 else float(x)  # noqa: E731
        return {"min": num(self.lo), "min_inclusive": self.lo_closed,
                "max": None if self.hi is None else num(self.hi), "max_inclusive": self.hi_closed}

    def text(self, fmt=lambda x: f"{x:,}") -> str:
        num = lambda x: fmt(int(x) if x.denominator == 1 else float(x))  # noqa: E731
        if self.hi is not None and self.lo == self.hi:
            return f"{{{num(self.lo)}}}"
        hi = "∞)" if self.hi is None else num(self.hi) + ("]" if self.hi_closed else ")")
        return ("[" if self.lo_closed else "(") + num(self.lo) + ", " + hi


@dataclass(frozen=True)
class Qualifier:
    notation: str
    iri: Any
    label: dict[str | None, str]       # lang -> label ("as stated", "명시 수치")
    template: dict[str | None, str]    # lang -> "about {n}"
    comment: str
    tolerance: Fraction | None


@cache
def all_qualifiers() -> dict[str, Qualifier]:
    from rdflib import RDFS, Literal  # here: kg.quickexplain writes figures without rdflib (see `written`)

    from kg import ontology

    g = ontology.ontology_graph()
    out = {}
    for notation, iri in sorted(ontology.controlled_values("qualifiers").items()):
        by_lang = lambda p, iri=iri: {o.language: str(o) for o in g.objects(iri, p) if isinstance(o, Literal)}  # noqa: E731
        tol = g.value(iri, ontology.KGO.tolerance)
        out[notation] = Qualifier(notation, iri, by_lang(RDFS.label), by_lang(ontology.KGO.figureTemplate),
                                  str(g.value(iri, RDFS.comment) or ""),
                                  Fraction(str(tol)) if tol is not None else None)
    return out


def get(notation: str | None) -> Qualifier:
    return all_qualifiers()[notation or DEFAULT]


def gpus(lang: str = "en") -> str:
    """The unit GPU counts are written with: "50,000 GPUs", "50,000 GPU"."""
    return tr("gpus unit", lang)


def label(notation: str | None, lang: str = "en") -> str:
    q = get(notation)
    return q.label.get(lang) or q.label["en"]


def figure(n: Any, notation: str | None, unit: str = "", lang: str = "en", unit_first: bool = False) -> str:
    """'about 50,000 GPUs', '50,000 GPUs' (as stated), '260,000 GPUs 이상'; unit_first for currencies
    ('about USD 3,000,000,000')."""
    return written(get(notation).template, n, unit, lang, unit_first)


def written(template: dict[str | None, str], n: Any, unit: str = "", lang: str = "en",
            unit_first: bool = False) -> str:
    """`figure` with the qualifier's templates given (lang -> "about {n}")."""
    number = f"{n:,.0f}" if isinstance(n, float) else f"{n:,}"
    shown = (f"{unit} {number}" if unit_first else f"{number} {unit}").strip() if unit else number
    return (template.get(lang) or template["en"]).replace("{n}", shown)


def words() -> dict[str, dict[str, str]]:
    """notation -> {"en": template, "ko": template, "label_en": …, "label_ko": …}, for the map's script."""
    return {k: {"en": q.template.get("en", "{n}"), "ko": q.template.get("ko", "{n}"),
                "label_en": q.label.get("en", k), "label_ko": q.label.get("ko", k)}
            for k, q in all_qualifiers().items()}


def rounding_unit(n: int | float) -> int:
    """The place of the last printed digit of n written the Korean way: 260,000 (26만) -> 10,000;
    15,000 (1만 5000) -> 1,000; 3,000,000,000 (30억) -> 100,000,000; 400 -> 1."""
    n = int(n)
    if n <= 0:
        return 1
    unit = next(u for u in _KOREAN_UNITS if n >= u)
    last = 1
    while n % (last * 10) == 0:
        last *= 10
    return min(unit, last)


def value_set(n: int | float, notation: str | None) -> Bounds:
    """The values a figure n with this qualifier allows."""
    q = get(notation).notation
    x = Fraction(str(n)) if isinstance(n, float) else Fraction(int(n))
    if q == "stated":
        half = Fraction(rounding_unit(n), 2)
        if half < 1:   # a figure in units: nothing finer than the unit itself
            return Bounds(x, True, x, True)
        return Bounds(x - half, True, x + half, False)
    if q == "about":
        t = get(q).tolerance or Fraction(1, 10)
        return Bounds(x - t * x, True, x + t * x, True)
    if q == "at-least":
        return Bounds(x, True, None, False)
    if q == "more-than":
        return Bounds(x, False, None, False)
    if q == "up-to":
        return Bounds(Fraction(0), True, x, True)
    if q == "exact":
        return Bounds(x, True, x, True)
    raise KeyError(f"no value set defined for qualifier {q!r}")
