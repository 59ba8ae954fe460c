"""Parameter values: what a user typed (an id, a label, a number, a Turtle term) as the RDF term it stands
for, checked against what the parameter takes (kg/kinds.py for entity classes)."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from rdflib import Literal, URIRef
from rdflib.namespace import XSD
from rdflib.term import Node

from kg.errors import KgError, QueryError
from kg.ontology import KG, PREFIXES
from kg.plain import DECIMAL as _DECIMAL
from kg.plain import INTEGER as _INTEGER
from kg.plain import compact  # noqa: F401 - kg.query exports it
from kg.query.binding import _IRI_FORBIDDEN
from kg.query.internal import ask
from kg.query.syntax import _PNAME, OPTION_NAMES, parse_params  # noqa: F401 - kg.query exports them

if TYPE_CHECKING:
    from kg.lookup import Names

#: Label languages the graph has, and the default.
LANGUAGES = ("en", "ko")
DEFAULT_LANG = "en"
_ID = re.compile(r"[a-z0-9]+(?:[-.][a-z0-9]+)*")


def parse_term(text: str) -> Node | None:
    """An RDF term written in SPARQL/Turtle syntax: <IRI>, prefix:name (project prefixes), a full
    http(s) IRI, "text" (with @lang or ^^datatype), an integer or a decimal. None if it is none of these."""
    text = text.strip()
    if text.startswith("<") and text.endswith(">"):
        return _iri(text[1:-1])
    if text.startswith(("http://", "https://", "urn:")):
        return _iri(text)
    match = _PNAME.fullmatch(text)
    if match and match[1] in PREFIXES:
        return _iri(str(PREFIXES[match[1]]) + match[2])
    quoted = re.fullmatch(r'"(.*)"(?:@([A-Za-z]+(?:-[A-Za-z0-9]+)*)|\^\^(\S+))?', text, re.S)
    if quoted:
        datatype: URIRef | None = None
        if quoted[3]:
            term = parse_term(quoted[3])
            if not isinstance(term, URIRef):
                return None
            datatype = term
        return Literal(quoted[1], lang=quoted[2], datatype=datatype)
    if _INTEGER.fullmatch(text):
        return Literal(int(text))
    if _DECIMAL.fullmatch(text):
        return Literal(Decimal(text))
    return None


def _iri(text: str) -> URIRef | None:
    return None if not text or _IRI_FORBIDDEN.search(text) else URIRef(text)


class _Entities:
    """Resolves what a user typed to an entity of the graph; reads the graph's names only when needed."""

    def __init__(self, graph, lang: str = DEFAULT_LANG):
        self.graph = graph
        self.lang = lang
        self._names: Names | None = None  # read on first use

    def check_kind(self, param: str, text: str, iri: URIRef, classes: tuple[str, ...]) -> URIRef:
        """iri if it is of one of the classes; else QueryError saying what it is and the right-kind names
        nearest to it (kg.kinds), in the label language."""
        from kg import kinds

        if not classes or kinds.is_of_kind(self.graph, iri, classes):
            return iri
        found = kinds.inspect(self.graph, iri, text, classes, self.lang)
        raise QueryError(kinds.message(param, text, found, classes, self.lang))

    def resolve(self, param: str, text: str) -> URIRef:
        """An id, kg:id or full IRI of anything in the graph (facts and sources too), or a label or alias
        that names one entity; else QueryError with the nearest ids and labels (kg.lookup)."""
        from kg.lookup import Names

        ident = text[len(str(KG)):] if text.startswith(str(KG)) else text[3:] if text.startswith("kg:") else text
        if _ID.fullmatch(ident) and ask(self.graph, "entity-exists", entity=KG[ident]):
            return KG[ident]
        if self._names is None:
            self._names = Names.of(self.graph)
        try:
            return KG[self._names.resolve(text, self.lang)]  # its nearest names said in the language
        except KgError as exc:
            raise QueryError.of("query param", param=param, error=exc) from None


def bind_value(name: str, value: Any, kind: str, entities: _Entities, default: Node | None = None,
               classes: tuple[str, ...] = ()) -> Node:
    """The RDF term a parameter value stands for.

    Entity parameters take an id (naver-cloud), kg:id, the full IRI, or a label that names one entity;
    anything else is refused with the nearest names, and so is an entity not of `classes` (when given)
    with what it is and the nearest right-kind names. Literal parameters take text of the default's
    datatype. Ad hoc queries ("any") read Turtle terms, numbers and ids; other text binds as a string."""
    if isinstance(value, Node):
        return value
    if isinstance(value, (bool, int, float, Decimal)):
        return Literal(value)
    text = str(value).strip()
    if kind == "entity":
        if text.startswith("<") and text.endswith(">"):
            text = text[1:-1]
        return entities.check_kind(name, text, entities.resolve(name, text), classes)
    if kind == "iri":
        term = parse_term(text)
        if not isinstance(term, URIRef):
            raise QueryError.of("query not iri", name=name, text=text)
        return term
    if kind == "literal":
        datatype = default.datatype if isinstance(default, Literal) else None
        if datatype in (XSD.integer, XSD.decimal):
            pattern = _INTEGER if datatype == XSD.integer else re.compile(f"{_INTEGER.pattern}|{_DECIMAL.pattern}")
            if not pattern.fullmatch(text):
                raise QueryError.of("query not number", name=name, text=text, default=str(default))
            return Literal(text, datatype=datatype)
        if datatype is not None:
            return Literal(text, datatype=datatype)
        return Literal(text, lang=default.language if isinstance(default, Literal) else None)
    # ad hoc query: the user's own variables
    term = parse_term(text)
    if isinstance(term, URIRef) and term.startswith(str(KG)):
        return entities.resolve(name, str(term))
    if term is not None:
        return term
    if _ID.fullmatch(text):
        return entities.resolve(name, text)
    return Literal(text)


def check_lang(lang: str) -> str:
    if lang not in LANGUAGES:
        raise QueryError.of("query no labels", code=lang, langs=", ".join(LANGUAGES))
    return lang
