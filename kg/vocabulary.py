"""The graph's vocabulary at hand (issue 15): `kg schema` lists the ontology's classes and properties with their
English and Korean labels, comments and how many things in the graph use each, the controlled values, and
example queries; and an ad hoc query (`kg query -e`, `--file`) whose answer is empty because it names a kgo:
term the ontology does not have is an error that suggests the nearest, instead of a silent empty answer.

Everything comes from ontology/kg.ttl (kg.ontology) and the graph itself (queries/internal/schema-*.rq)."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from typing import Any

from rdflib import OWL, RDF, RDFS, SKOS, URIRef

from kg import ontology
from kg.errors import QueryError
from kg.query.internal import select
from kg.seeds import nearest
from kg.text import both, tr

KINDS = {OWL.Class: "class", OWL.ObjectProperty: "property", OWL.DatatypeProperty: "property",
         OWL.AnnotationProperty: "property", SKOS.ConceptScheme: "scheme"}

#: (what it shows en, ko, the command). Each is run by tests/test_vocabulary.py and must answer with rows.
EXAMPLES = (
    ("schema example companies",
     "kg query -e 'SELECT ?company ?name { ?company a kgo:Company ; rdfs:label ?name FILTER(LANG(?name) = \"ko\") }'"),
    ("schema example mous",
     "kg query -e 'SELECT ?mou ?party { ?mou a kgo:MOU ; kgo:party ?party }'"),
    ("schema example allocations",
     "kg query -e 'SELECT ?from ?to ?gpus { ?a a kgo:GPUAllocation ; kgo:supplier ?from ; "
     "kgo:recipient ?to ; kgo:gpuCount ?gpus }'"),
    ("schema example sources",
     "kg query -e 'SELECT ?fact ?source { ?fact a kgo:Fact ; prov:wasDerivedFrom ?source }'"),
)


@dataclass
class Term:
    """One term of the vocabulary, with how the graph uses it."""

    term: str                       # compact, such as kgo:Company
    kind: str                       # class, property, scheme
    label_en: str = ""
    label_ko: str = ""
    comment: str = ""               # English: the ontology's comments are written in English
    parents: list[str] = field(default_factory=list)  # superclasses or superproperties (compact)
    domain: str = ""
    range: str = ""
    count: int = 0                  # things of the class; subjects using the property; values of the scheme
    example: str = ""               # one value of the property in the graph
    values: list[str] = field(default_factory=list)  # a scheme's notations


def compact(iri: Any) -> str:
    """kgo:Company for the full IRI, by the prefixes kg predeclares; the IRI in <> otherwise."""
    text = str(iri)
    for prefix, ns in sorted(ontology.PREFIXES.items(), key=lambda p: -len(str(p[1]))):
        if text.startswith(str(ns)) and text != str(ns):
            return f"{prefix}:{text[len(str(ns)):]}"
    return f"<{text}>" if text.startswith(("http:", "https:", "urn:")) else text


def _text(g, subject: URIRef, predicate: URIRef, lang: str) -> str:
    for value in g.objects(subject, predicate):
        if getattr(value, "language", None) == lang:
            return str(value)
    return ""


def _term(g, subject: URIRef, kind: str) -> Term:
    parent = RDFS.subClassOf if kind == "class" else RDFS.subPropertyOf
    return Term(compact(subject), kind, _text(g, subject, RDFS.label, "en"), _text(g, subject, RDFS.label, "ko"),
                _text(g, subject, RDFS.comment, "en"),
                sorted(compact(p) for p in g.objects(subject, parent) if isinstance(p, URIRef)),
                ", ".join(sorted(compact(d) for d in g.objects(subject, RDFS.domain))),
                ", ".join(sorted(compact(r) for r in g.objects(subject, RDFS.range))))


def terms() -> dict[str, Term]:
    """Every class, property and scheme the ontology defines, by compact name."""
    g = ontology.ontology_graph()
    found: dict[str, Term] = {}
    for rdf_type, kind in KINDS.items():
        for subject in g.subjects(RDF.type, rdf_type):
            if isinstance(subject, URIRef) and str(subject).startswith(str(ontology.KGO)):
                found[compact(subject)] = _term(g, subject, kind)
    for name, term in found.items():
        if term.kind == "scheme":
            term.values = list(ontology.notations(name.split(":", 1)[1]))  # in the scheme's order (kgo:order)
            term.count = len(term.values)
    return dict(sorted(found.items(), key=lambda kv: kv[0].casefold()))


@dataclass
class Schema:
    """The vocabulary with the graph's counts; `other` are the properties of standard vocabularies the data uses."""

    classes: list[Term]
    properties: list[Term]
    schemes: list[Term]
    other: list[Term]
    examples: list[dict[str, str]]

    def to_dict(self) -> dict[str, Any]:
        return {"classes": [asdict(t) for t in self.classes], "properties": [asdict(t) for t in self.properties],
                "schemes": [asdict(t) for t in self.schemes], "other_properties": [asdict(t) for t in self.other],
                "examples": self.examples}


def schema(graph) -> Schema:
    """The ontology's terms with how many things in the graph use each."""
    found = terms()
    for row in select(graph, "schema-classes"):
        name = compact(row[0])
        if name in found:
            found[name].count = int(row[1])
    other = []
    for row in select(graph, "schema-properties"):
        name = compact(row[0])
        if name in found:
            found[name].count, found[name].example = int(row[1]), compact(row[2])
        elif name.startswith(tuple(f"{p}:" for p in ontology.PREFIXES)):
            other.append(Term(name, "property", count=int(row[1]), example=compact(row[2])))
    examples = [{**both(key), "command": command} for key, command in EXAMPLES]
    by_kind = {kind: [t for t in found.values() if t.kind == kind] for kind in ("class", "property", "scheme")}
    return Schema(by_kind["class"], by_kind["property"], by_kind["scheme"],
                  sorted(other, key=lambda t: t.term), examples)


def _h(key: str, lang: str, **values: Any) -> str:
    return tr(f"schema {key}", lang, **values)


def _term_lines(t: Term, lang: str) -> list[str]:
    first, second = (t.label_ko, t.label_en) if lang == "ko" else (t.label_en, t.label_ko)
    label = f" — {first}" + (f" ({second})" if second else "") if first else ""
    where = (f"; {t.domain} → {t.range}" if t.domain and t.range else f"; → {t.range}" if t.range
             else f"; {t.domain} →" if t.domain else "")
    example = f"; {_h('eg', lang)} {t.example}" if t.example else ""
    lines = [f"  {t.term}{label}: {t.count}{where}{example}"]
    if t.parents:
        lines.append(f"      {_h('sub', lang)}: {', '.join(t.parents)}")
    if t.comment:
        lines.append("      " + _h("comment", lang, comment=t.comment))
    if t.values:
        lines.append(f"      {', '.join(t.values)}")
    return lines


def format_schema(s: Schema, lang: str = "en") -> str:
    lines = [_h("head", lang, c=len(s.classes), p=len(s.properties)),
             _h("prefixes", lang) + ", ".join(f"{p}: <{ns}>" for p, ns in ontology.PREFIXES.items())]
    for key, items in (("classes", s.classes), ("properties", s.properties), ("schemes", s.schemes),
                       ("other", s.other)):
        lines += ["", _h(key, lang)]
        for t in items:
            lines += _term_lines(t, lang)
    lines += ["", _h("examples", lang)]
    for example in s.examples:
        lines += [f"  {example['ko' if lang == 'ko' else 'en']}:", f"    {example['command']}"]
    return "\n".join(lines)


# ---------------------------------------------------------------- unknown kgo: terms in a query

_SCAN = re.compile(r"""("{3}.*?"{3}|'{3}.*?'{3}|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')"""  # strings
                   r"|(<[^<>\s\"{}|^`\\]*>)"                                                # IRIs
                   r"|(#[^\n]*)"                                                             # comments
                   r"|(?<![\w:.-])kgo:((?:[\w-]|\.(?=[\w-]))+)",                             # kgo: names
                   re.DOTALL)


def kgo_names(text: str) -> list[tuple[str, int]]:
    """(local name, offset) of each kgo: name and full kgo IRI in a SPARQL text, outside strings and comments;
    none when the query declares kgo: as another namespace."""
    declared = re.search(r"PREFIX\s+kgo:\s*<([^>]*)>", text, re.IGNORECASE)
    if declared and declared[1] != str(ontology.KGO):
        return []
    found = []
    for match in _SCAN.finditer(text):
        if match[2] and match[2][1:-1].startswith(str(ontology.KGO)):
            found.append((match[2][1 + len(str(ontology.KGO)):-1], match.start(2)))
        elif match[4]:
            found.append((match[4], match.start(4) - 4))
    return found


def check_terms(text: str, origin: str, lang: str = "en") -> None:
    """QueryError for the first kgo: term of the query the ontology does not define, with the nearest ones."""
    defined = {str(t)[len(str(ontology.KGO)):] for t in ontology.defined_terms()}
    for name, offset in kgo_names(text):
        if name in defined:
            continue
        line = text.count("\n", 0, offset) + 1
        col = offset - (text.rfind("\n", 0, offset) + 1) + 1
        near = nearest(name, sorted(defined), n=3) or nearest(name.casefold(), sorted(defined), n=3)
        hint = tr("kgo near", lang, terms=", ".join("kgo:" + n for n in near)) if near else ""
        raise QueryError(tr("kgo unknown", lang, where=f"{origin}:{line}:{col}", name=name, hint=hint))
