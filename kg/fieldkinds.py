"""The kinds of field a seed record can have: how each is checked and which RDF objects it becomes, side by side.

One class per field kind (`kind:` in kg/schema.py's tables and kg/model.yaml), like followthemoney's `types/`:
`check` turns a raw YAML value into a checked one, or reports a problem `file:line: what — how to fix it` and
gives None; `to_rdf` gives the RDF objects of a checked value. The loader (kg/seeds.py) and the graph builder
(kg/graph.py) both go through `KINDS`, so a field can never be checked one way and built another.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any, Protocol

from rdflib import Literal, URIRef
from rdflib.namespace import XSD

from kg import ontology, schema
from kg.ontology import KG
from kg.plain import decimal_lexical
from kg.text import Phrase


class Context(Protocol):
    """What the field kinds need of the loader's state (kg.seeds.Context), which ref and fact fields check
    against: described here rather than imported, because kg.seeds imports this module."""

    check: Any  # kg.seeds._Checker: add, did_you_mean, unknown_keys
    entities: dict[str, Any]
    facts: dict[str, Any]
    untyped: set[str]
    entities_complete: bool
    facts_complete: bool

    def suggest_entity(self, value: str) -> str: ...

    def cites(self, value: Any, file: str, line: int) -> list[Any] | None: ...


ID_PATTERN = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
LANGUAGE_PATTERN = re.compile(r"[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*")
CURRENCY_PATTERN = re.compile(r"[A-Z]{3}")
DATE_PATTERN = re.compile(r"\d{4}-\d{2}-\d{2}")
MONTH_PATTERN = re.compile(r"\d{4}-\d{2}")
HANGUL = re.compile(r"[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]")


def shown(value: Any) -> str:
    """A value as a message quotes it: its repr, cut short when it is long (a hostile file can hold megabytes)."""
    text = repr(value)
    return text if len(text) <= 60 else Phrase("seed cut value", text=text[:50], n=len(text))


def a(word: str) -> str:
    return ("an " if word[:1].lower() in "aeiou" else "a ") + word


class Term(str):
    """A class ('Company') or fact kind ('gpu-allocation') named in a message: as written in English; in Korean, by
    its ontology label with the name after it ('기업(Company)'), so that the reader sees what the file says."""

    def text(self, lang: str = "en") -> str:
        name = label(self, lang) if lang == "ko" else self
        return str(self) if name == self else f"{name}({self})"


class Terms(tuple):
    """Several Terms in a message: 'Organization or Person' in English, '조직(Organization)·인물(Person)' in Korean."""

    sep: str

    def __new__(cls, names, sep: str = " or "):
        terms = super().__new__(cls, [Term(n) for n in names])
        terms.sep = sep
        return terms

    def text(self, lang: str = "en") -> str:
        return self.sep.join(self) if lang != "ko" else "·".join(t.text(lang) for t in self)


def label(name: str, lang: str = "en") -> str:
    """A class's or fact kind's label in the language (rdfs:label of kg/ontology), the name itself without one."""
    from kg import model  # model reads the ontology; imported here, where a message is rendered

    active = model.active()
    return active.label(active.kinds[name].cls if name in active.kinds else name, lang)


def is_korean(text: str) -> bool:
    """Whether a name is written in Hangul (for tagging aliases with a language)."""
    return bool(HANGUL.search(text))


def valid_date(value: Any, allow_month: bool = False) -> bool:
    """Whether value is a date as seed files write it: YYYY-MM-DD (or YYYY-MM with allow_month), a real day.
    The one check of dates: the loader and `kg new-source` both use it."""
    if not isinstance(value, str):
        return False
    try:
        if allow_month and MONTH_PATTERN.fullmatch(value):
            dt.date.fromisoformat(value + "-01")
            return True
        if DATE_PATTERN.fullmatch(value):
            dt.date.fromisoformat(value)
            return True
    except ValueError:
        pass
    return False


class At:
    """Where a value is: its file, line and field name, and the loader's state to report problems to."""

    def __init__(self, ctx: Context, file: str, line: int, name: str, field: schema.Field):
        self.ctx, self.file, self.line, self.name, self.field = ctx, file, line, name, field

    def problem(self, message: str, hint: str = "", line: int | None = None) -> None:
        self.ctx.check.add(self.file, self.line if line is None else line, message, hint)


class FieldKind:
    """A kind of field: `check` a raw value (None and a problem when wrong), `to_rdf` a checked one."""

    def check(self, value: Any, at: At) -> Any:
        raise NotImplementedError

    def to_rdf(self, field: schema.Field, value: Any, lang: str = "en") -> list[Any]:
        raise AssertionError(f"no RDF mapping for field kind {type(self).__name__}")


class Ref(FieldKind):
    """The id of an entity, of one of the field's types."""

    def check(self, value: Any, at: At) -> str | None:
        ctx = at.ctx
        if not isinstance(value, str):
            at.problem(Phrase("seed not entity id", name=at.name, value=shown(value)), Phrase("seed write id"))
            return None
        target = ctx.entities.get(value)
        if target is None:
            if value in ctx.untyped:  # follows from its unknown type, reported at entities.yaml already
                return None
            if value in ctx.facts:
                at.problem(Phrase("seed points to fact", name=at.name, value=value), Phrase("seed use entity id"))
            elif ctx.entities_complete:
                at.problem(Phrase("seed unknown entity", value=shown(value), name=at.name), ctx.suggest_entity(value))
            return None
        types = at.field.types
        if types and not any(ontology.is_subclass(ontology.iri(target.kind), ontology.iri(t)) for t in types):
            at.problem(Phrase("seed wrong type", name=at.name, types=Terms(types), value=value, kind=Term(target.kind)),
                       Phrase("seed right type", value=value))
            return None
        return value

    def to_rdf(self, field, value, lang="en"):
        return [KG[value]]


_ENTITY = Ref()  # checks each id of a Refs field


class Refs(FieldKind):
    """A list of entity ids (a single id is a list of one), each once."""

    def check(self, value: Any, at: At) -> list[str] | None:
        items = value if isinstance(value, list) else [value]
        lines = getattr(value, "item_lines", [at.line] * len(items))
        if not items:
            at.problem(Phrase("seed empty list", name=at.name), Phrase("seed at least one"))
            return None
        out = [_ENTITY.check(v, At(at.ctx, at.file, ln, at.name, at.field))
               for v, ln in zip(items, lines, strict=True)]
        ids = [v for v in out if v is not None]
        if len(set(out)) != len(out) and len(ids) == len(out):
            at.problem(Phrase("seed same id twice", name=at.name), Phrase("seed each id once"))
        return ids if len(ids) == len(out) else None

    def to_rdf(self, field, value, lang="en"):
        return [KG[v] for v in value]


class FactRef(FieldKind):
    """The id of another fact, of one of the field's fact kinds."""

    def check(self, value: Any, at: At) -> str | None:
        facts = at.ctx.facts
        if value not in facts:
            if at.ctx.facts_complete:
                at.problem(Phrase("seed unknown fact", value=shown(value), name=at.name),
                           at.ctx.check.did_you_mean(value, facts, Phrase("seed fact id")))
            return None
        kinds = at.field.fact_kinds
        if kinds and facts[value].kind not in kinds:
            at.problem(Phrase("seed wrong fact kind", name=at.name, kinds=Terms(kinds), value=value,
                              kind=Term(facts[value].kind)), Phrase("seed right fact"))
            return None
        return value

    def to_rdf(self, field, value, lang="en"):
        return [KG[value]]


class Count(FieldKind):
    """A positive whole number up to a plausible maximum (GPU counts)."""

    def __init__(self, maximum: int = schema.MAX_GPUS):
        self.maximum = maximum

    def check(self, value: Any, at: At) -> int | None:
        if isinstance(value, bool) or not isinstance(value, int):
            at.problem(Phrase("seed whole number", name=at.name, value=shown(value)), Phrase("seed digits no units"))
            return None
        if value <= 0:
            at.problem(Phrase("seed positive", name=at.name, value=shown(value)), Phrase("seed positive figure"))
            return None
        if value > self.maximum:
            at.problem(Phrase("seed over maximum", name=at.name, value=shown(value), maximum=self.maximum),
                       Phrase("seed extra zeros"))
            return None
        return value

    def to_rdf(self, field, value, lang="en"):
        return [Literal(value, datatype=XSD.integer)]


class Year(FieldKind):
    def check(self, value: Any, at: At) -> int | None:
        if isinstance(value, int) and not isinstance(value, bool) and 1900 <= value <= 2200:
            return value
        at.problem(Phrase("seed year", name=at.name, value=shown(value)), Phrase("seed four digits"))
        return None

    def to_rdf(self, field, value, lang="en"):
        # xsd:integer, not xsd:gYear: OWL 2 reasoners (HermiT) refuse datatypes outside the OWL 2 datatype map
        return [Literal(value, datatype=XSD.integer)]


class Amount(FieldKind):
    """A positive sum of money, at most schema.MAX_AMOUNT."""

    def check(self, value: Any, at: At) -> int | float | None:
        if isinstance(value, bool) or not isinstance(value, (int, float)) or value != value:
            at.problem(Phrase("seed number", name=at.name, value=shown(value)), Phrase("seed write digits"))
            return None
        if value <= 0 or value > schema.MAX_AMOUNT:
            at.problem(Phrase("seed amount range", name=at.name, limit=f"{schema.MAX_AMOUNT:.0e}",
                              value=shown(value)), Phrase("seed check figure"))
            return None
        return value

    def to_rdf(self, field, value, lang="en"):
        return [Literal(decimal_lexical(value), datatype=XSD.decimal)]


class Pattern(FieldKind):
    """A code that matches a pattern (currencies, language tags), kept as a plain literal."""

    def __init__(self, pattern: re.Pattern, what: str, hint: str):
        self.pattern, self.what, self.hint = pattern, what, hint

    def check(self, value: Any, at: At) -> str | None:
        if isinstance(value, str) and self.pattern.fullmatch(value):
            return value
        at.problem(Phrase("seed pattern", name=at.name, what=self.what, value=shown(value)), self.hint)
        return None

    def to_rdf(self, field, value, lang="en"):
        return [Literal(value)]


class Text(FieldKind):
    """Non-empty text: English prose tagged @en ('text'), or a plain code or name ('string')."""

    def __init__(self, tagged: bool = True):
        self.tagged = tagged

    def check(self, value: Any, at: At) -> str | None:
        if isinstance(value, str) and value.strip():
            return value.strip()
        at.problem(Phrase("seed text empty", name=at.name, value=shown(value)), Phrase("seed short phrase"))
        return None

    def to_rdf(self, field, value, lang="en"):
        return [Literal(value, lang=lang) if self.tagged else Literal(value)]


class Date(FieldKind):
    """YYYY-MM-DD, or also YYYY-MM ('month-or-date')."""

    def __init__(self, allow_month: bool = False):
        self.allow_month = allow_month

    def check(self, value: Any, at: At) -> str | None:
        if valid_date(value, self.allow_month):
            return value
        form = Phrase("seed month form") if self.allow_month else "YYYY-MM-DD"
        at.problem(Phrase("seed bad date", name=at.name, value=shown(value)), Phrase("seed date form", form=form))
        return None

    def to_rdf(self, field, value, lang="en"):
        return [Literal(value, datatype=XSD.date if len(value) == 10 else XSD.gYearMonth)]


def choices(field: schema.Field) -> dict:
    """The values a choice field allows: those the model lists (an agreement's type), or a SKOS scheme's."""
    if field.values:
        return dict.fromkeys(field.values)
    return ontology.controlled_values(field.choices)


class Choice(FieldKind):
    """One value of a controlled list: a SKOS scheme of the ontology, or the values the model lists."""

    def check(self, value: Any, at: At) -> str | None:
        allowed = choices(at.field)
        if isinstance(value, str) and value in allowed:
            return value
        at.problem(Phrase("seed unknown value", name=at.name, value=shown(value)),
                   at.ctx.check.did_you_mean(value, allowed,
                                             Phrase("seed use one of", names=", ".join(sorted(allowed)))))
        return None

    def to_rdf(self, field, value, lang="en"):
        return [ontology.controlled_values(field.choices)[value]]


class Labels(FieldKind):
    """{en: …, ko: …}: a name in both languages."""

    def check(self, value: Any, at: At) -> dict[str, str] | None:
        name = at.name
        if not isinstance(value, dict) or not all(isinstance(value.get(lang), str) and value[lang].strip()
                                                  for lang in ("en", "ko")):
            at.problem(Phrase("seed labels both", name=name),
                       Phrase("seed write example", example="label: {en: NVIDIA, ko: 엔비디아}"))
            return None
        if any(len(value[lang]) > schema.MAX_LABEL_CHARS for lang in ("en", "ko")):
            at.problem(Phrase("seed label long", name=name, n=schema.MAX_LABEL_CHARS), Phrase("seed label name"))
            return None
        extra = sorted(set(value) - {"en", "ko"})
        if extra:
            at.problem(Phrase("seed label languages", name=name, langs=str(extra)), Phrase("seed keep en ko"))
        return {"en": value["en"].strip(), "ko": value["ko"].strip()}

    def to_rdf(self, field, value, lang="en"):
        return [Literal(value["en"], lang="en"), Literal(value["ko"], lang="ko")]


class Aliases(FieldKind):
    """Other names, each tagged @ko when written in Hangul, else @en."""

    def check(self, value: Any, at: At) -> list[str] | None:
        if not isinstance(value, list) or not all(isinstance(x, str) and x.strip() for x in value):
            at.problem(Phrase("seed aliases list", name=at.name),
                       Phrase("seed write example", example="aliases: [Nvidia, 엔비디아]"))
            return None
        if any(len(x) > schema.MAX_LABEL_CHARS for x in value):
            at.problem(Phrase("seed alias long", name=at.name, n=schema.MAX_LABEL_CHARS),
                       Phrase("seed alias not description"))
            return None
        return [x.strip() for x in value]

    def to_rdf(self, field, value, lang="en"):
        return [Literal(x, lang="ko" if is_korean(x) else "en") for x in value]


class Identifiers(FieldKind):
    """{scheme: code}, built by kg/graph.py as schema:identifier / schema:tickerSymbol."""

    def check(self, value: Any, at: At) -> dict[str, str] | None:
        if not isinstance(value, dict) or not all(
            isinstance(k, str) and isinstance(v, str) and v.strip() for k, v in value.items()
        ):
            at.problem(Phrase("seed identifiers", name=at.name),
                       Phrase("seed write example", example='identifiers: {krx: "035420"}'))
            return None
        return dict(value)


class Cites(FieldKind):
    """An entity's or fact's citations of other sources: [{source, para, note}]."""

    def check(self, value: Any, at: At) -> list | None:
        return at.ctx.cites(value, at.file, at.line)


class Money(FieldKind):
    """{amount, currency, qualifier}: the same sum stated another way (a conversion), built as a node."""

    def check(self, value: Any, at: At) -> dict[str, Any] | None:
        name, ctx = at.name, at.ctx
        if not hasattr(value, "line_of") or not {"amount", "currency"} <= set(value):
            at.problem(Phrase("seed money", name=name),
                       Phrase("seed write example",
                              example=f"{name}: {{amount: 4000000000000, currency: KRW, qualifier: about}}"))
            return None
        ctx.check.unknown_keys(value, ("amount", "currency", "qualifier"), at.file)
        qualifier = schema.Field("choice", choices="qualifiers")
        money = {"amount": KINDS["amount"].check(value["amount"],
                                                 At(ctx, at.file, at.line, f"{name}.amount", at.field)),
                 "currency": _money_currency(value["currency"], at),
                 "qualifier": KINDS["choice"].check(value.get("qualifier", "stated"),
                                                    At(ctx, at.file, at.line, f"{name}.qualifier", qualifier))}
        return money if None not in money.values() else None


def _money_currency(value: Any, at: At) -> str | None:
    if isinstance(value, str) and CURRENCY_PATTERN.fullmatch(value):
        return value
    at.problem(Phrase("seed money currency", name=at.name, value=shown(value)), Phrase("seed three capitals"))
    return None


#: Every field kind by the name the tables use.
KINDS: dict[str, FieldKind] = {
    "ref": Ref(),
    "refs": Refs(),
    "fact": FactRef(),
    "count": Count(),
    "int": Count(maximum=10**6),
    "year": Year(),
    "amount": Amount(),
    "currency": Pattern(CURRENCY_PATTERN, Phrase("seed currency code"), Phrase("seed three capitals")),
    "language": Pattern(LANGUAGE_PATTERN, Phrase("seed language code"), Phrase("seed bcp47")),
    "text": Text(),
    "string": Text(tagged=False),
    "date": Date(),
    "month-or-date": Date(allow_month=True),
    "choice": Choice(),
    "labels": Labels(),
    "aliases": Aliases(),
    "identifiers": Identifiers(),
    "cites": Cites(),
    "money": Money(),
}


def to_rdf(field: schema.Field, value: Any, lang: str = "en") -> list[Any]:
    """The RDF objects a checked field value becomes."""
    return KINDS[field.kind].to_rdf(field, value, lang)


__all__ = ["KINDS", "At", "FieldKind", "to_rdf", "URIRef"]
