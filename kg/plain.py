"""kg's namespaces and canonical forms as plain strings, for code that answers without importing rdflib
(kg.quick, 0.3 s of a command's start): kg.ontology makes rdflib Namespaces of these, kg.rdf re-exports
decimal_lexical."""

from __future__ import annotations

TYPE_CHECKING = False  # typing is not imported at run time (kg.errors)
if TYPE_CHECKING:
    from decimal import Decimal

#: The namespace of kg's entities, facts and sources (kg:nvidia), and of its ontology (kgo:Organization).
KG = "https://w3id.org/ai-partnerships/id/"
KGO = "https://w3id.org/ai-partnerships/ontology#"
XSD = "http://www.w3.org/2001/XMLSchema#"

#: kg's data folders by name, relative to the installed package (kg.resources reads them).
FOLDERS = {
    "ontology": "data/ontology",  # OWL ontology and SHACL shapes, in Turtle (kg.ttl, shapes.ttl)
    "queries": "data/queries",  # the named SPARQL queries (*.rq, and subfolders)
    "templates": "templates",  # the map page (view.html.j2, view.js, view.css) and kg serve's query page
}
#: What `include` can add to the network, and the ontology class of the nodes it adds (kg.network).
INCLUDES = {"people": "Person", "products": "Product", "projects": "Project"}
#: The network's node groups: the top class a node falls under. Organisations, sectors and countries are always nodes.
GROUPS = {"Organization": "organisation", "Sector": "sector", "Country": "country",
          "Person": "person", "Product": "product", "Project": "project"}
ALWAYS = ("organisation", "sector", "country")


class Fields:
    """A small record whose fields are its __slots__, equal to another of its class with the same fields and shown
    by them: what a dataclass gives, without importing dataclasses (with inspect, a fifth of a quick `kg query`).
    The base of kg.errors.Problem, kg.query.binding.Clause and kg.quick.Answer; unhashable unless a subclass says."""

    __slots__: tuple[str, ...] = ()  # (and unhashable: it defines __eq__ and not __hash__)

    def fields(self) -> tuple:
        return tuple(getattr(self, name) for name in self.__slots__)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Fields) or type(other) is not type(self):
            return NotImplemented
        return self.fields() == other.fields()

    def __repr__(self) -> str:
        return f"{type(self).__name__}({', '.join(f'{name}={getattr(self, name)!r}' for name in self.__slots__)})"


def local(term) -> str:
    """kg:naver-cloud -> 'naver-cloud'; other IRIs keep their last segment."""
    text = str(term)
    if text.startswith(KG):
        return text[len(KG):]
    return text.rsplit("#", 1)[-1].rsplit("/", 1)[-1]

#: The prefixes every query and export of kg knows, with their namespaces (kg.ontology.PREFIXES: as rdflib's).
PREFIXES = {
    "kg": KG,
    "kgo": KGO,
    "org": "http://www.w3.org/ns/org#",
    "schema": "https://schema.org/",
    "prov": "http://www.w3.org/ns/prov#",
    "dcterms": "http://purl.org/dc/terms/",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "owl": "http://www.w3.org/2002/07/owl#",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": XSD,
}

#: Lexical forms TSV writes bare (the W3C abbreviations of xsd:integer and xsd:decimal), and parameters accept:
#: plain.INTEGER and plain.DECIMAL, compiled on first use (__getattr__), so that importing this module does not
#: import re (kg.launch's quick `kg query`, kg.quick).
_PATTERNS = {"INTEGER": r"[+-]?\d+", "DECIMAL": r"[+-]?\d*\.\d+"}


def __getattr__(name: str):  # noqa: ANN202 - a compiled pattern
    if name not in _PATTERNS:
        raise AttributeError(f"module 'kg.plain' has no attribute {name!r}")
    import re

    globals()[name] = pattern = re.compile(_PATTERNS[name])
    return pattern


def decimal_lexical(value: int | float | Decimal | str) -> str:
    """The canonical xsd:decimal form (always with a decimal point), so every format round-trips it alike."""
    if isinstance(value, str) and (text := decimal_text(value)) is not None:
        return text
    from decimal import Decimal

    text = format(Decimal(str(value)), "f")
    return text if "." in text else text + ".0"


def decimal_text(text: str) -> str | None:
    """decimal_lexical of a lexical form plain.DECIMAL or plain.INTEGER reads (digits: any Unicode decimal digit, as
    re's \\d), by str methods: the sign + dropped, the leading zeros of the whole part, the fraction kept as written.
    None for any other text. (Importing decimal and re was a third of a short `kg query` with decimals.)"""
    body = text[1:] if text[:1] in ("+", "-") else text
    whole, point, fraction = body.partition(".")
    if not (fraction.isdecimal() and (not whole or whole.isdecimal()) if point else whole.isdecimal()):
        return None
    if not body.isascii():  # another script's digits: as decimal.Decimal reads them
        whole, fraction = ("".join(str(int(digit)) for digit in part) for part in (whole, fraction))
    return f"{'-' if text[:1] == '-' else ''}{whole.lstrip('0') or '0'}.{fraction or '0'}"


def quoted(text: str, language: str | None, datatype: str | None) -> str:
    """literal_n3 of a literal given as its parts (kg.query.binding binds literals with it, kg.quickwrite
    writes the engine's literals in TSV)."""
    text = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r")
    text = text.replace("\t", "\\t")
    if language:
        return f'"{text}"@{language}'
    if datatype and datatype != XSD + "string":
        return f'"{text}"^^<{datatype}>'
    return f'"{text}"'


def compact(iri: str) -> str:
    """The shortest prefixed name of an IRI through the project's prefixes ('kg:nvidia'), else '<IRI>': a name
    kg.query.syntax._PNAME reads, its local part of word characters, '.' and '-' (tested without re)."""
    best = ""
    for prefix, ns in PREFIXES.items():
        if iri.startswith(ns) and len(ns) > len(best) and all(c.isalnum() or c in "_.-" for c in iri[len(ns):]):
            best, name = ns, f"{prefix}:{iri[len(ns):]}"
    return name if best else f"<{iri}>"
