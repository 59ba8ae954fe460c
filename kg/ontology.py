"""The namespaces and terms of the partnership ontology, read from ontology/kg.ttl (the single source of truth).

Code refers to ontology terms through `KGO`, a closed namespace: a term it does not list is an AttributeError at
import (tests/test_ontology.py checks that it lists exactly the terms kg.ttl defines). Terms that come from the
model (kg/model.yaml: fact classes and properties, which a fixture model may add) are built with `iri` and
checked by kg/model.py against the ontology in use.
"""

from __future__ import annotations

from contextlib import contextmanager
from functools import cache
from pathlib import Path
from typing import cast

from rdflib import Graph, Namespace, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS, DefinedNamespace, DefinedNamespaceMeta

from kg import plain
from kg.resources import data_dir

KGO_NS = Namespace(plain.KGO)


class _Closed(DefinedNamespaceMeta):
    """Attribute access (KGO dot term) is closed: a name kg.ttl does not define is an AttributeError (at import, for
    a module-level use). `KGO[text]` looks up a name that comes from data (a user's class name, a seed's type) and
    gives its IRI unchecked: the caller checks it against `defined_terms()` and says what is wrong in its own
    words."""

    # rdflib types DefinedNamespaceMeta.__getitem__ as its lru_cache wrapper, which no method signature matches
    def __getitem__(cls, name: str, default=None) -> URIRef:  # type: ignore[override]
        return cls._NS[str(name)]

    def __getattr__(cls, name: str):
        if name.startswith("__"):
            return super().__getattr__(name)
        term = _LOOKED_UP.get((cls, name))  # `name in cls` reads the class's annotations: 56 µs, per triple in kg.graph
        if term is None:
            if name not in cls:
                raise AttributeError(f"term '{name}' not in namespace '{cls._NS}' (ontology/kg.ttl does not define it)")
            term = _LOOKED_UP[cls, name] = cls._NS[name]
        return term


_LOOKED_UP: dict[tuple[type, str], URIRef] = {}


class KGO(DefinedNamespace, metaclass=_Closed):
    """Every term ontology/kg.ttl defines (tests/test_model.py checks the list against it)."""

    _NS = KGO_NS
    _fail = True

    AIFactory: URIRef
    AIModel: URIRef
    Agreement: URIRef
    Alliance: URIRef
    AllianceMembership: URIRef
    Briefing: URIRef
    Citation: URIRef
    Cloud: URIRef
    Company: URIRef
    ComputingCentre: URIRef
    Cooperation: URIRef
    Country: URIRef
    DataCentre: URIRef
    Event: URIRef
    Facility: URIRef
    Fact: URIRef
    GPUAllocation: URIRef
    GPUModel: URIRef
    GPUStockEstimate: URIRef
    GPUTarget: URIRef
    GovernmentBody: URIRef
    IndustryAssociation: URIRef
    Inference: URIRef
    Interview: URIRef
    Investment: URIRef
    InvestmentFirm: URIRef
    JointResearch: URIRef
    JointVenture: URIRef
    MOU: URIRef
    Meeting: URIRef
    MemoryProduct: URIRef
    MonetaryAmount: URIRef
    NewsArticle: URIRef
    NewsPublisher: URIRef
    Organization: URIRef
    Participation: URIRef
    ParticipationRole: URIRef
    Person: URIRef
    Place: URIRef
    Position: URIRef
    Product: URIRef
    Programme: URIRef
    Project: URIRef
    ProjectPlan: URIRef
    PublicResearchInstitute: URIRef
    Qualifier: URIRef
    ResearchCentre: URIRef
    Role: URIRef
    Sector: URIRef
    Service: URIRef
    SocialMediaPost: URIRef
    SoftwarePlatform: URIRef
    Source: URIRef
    Speech: URIRef
    Statement: URIRef
    Status: URIRef
    Summit: URIRef
    Supercomputer: URIRef
    SupplyAgreement: URIRef
    Technology: URIRef
    TradeShow: URIRef
    University: URIRef
    agreed: URIRef
    alsoStatedAs: URIRef
    amount: URIRef
    amountText: URIRef
    approximately: URIRef
    asAttendee: URIRef
    asHost: URIRef
    asPresenter: URIRef
    asSpeaker: URIRef
    atLeast: URIRef
    basedIn: URIRef
    concluded: URIRef
    currency: URIRef
    customer: URIRef
    discussed: URIRef
    estimatedBy: URIRef
    event: URIRef
    exactly: URIRef
    figureTemplate: URIRef
    gpuCount: URIRef
    gpuModel: URIRef
    holder: URIRef
    inNegotiation: URIRef
    inSector: URIRef
    inference: URIRef
    inferredField: URIRef
    inferredProperty: URIRef
    intendedFor: URIRef
    intendedUse: URIRef
    investmentTarget: URIRef
    investor: URIRef
    mentions: URIRef
    modelFamily: URIRef
    moreThan: URIRef
    note: URIRef
    ongoing: URIRef
    order: URIRef
    operator: URIRef
    paragraph: URIRef
    partOf: URIRef
    participant: URIRef
    participationRole: URIRef
    participationRoles: URIRef
    party: URIRef
    period: URIRef
    planned: URIRef
    product: URIRef
    project: URIRef
    purpose: URIRef
    qualifier: URIRef
    qualifiers: URIRef
    rank: URIRef
    reason: URIRef
    recipient: URIRef
    relationLabel: URIRef
    roleText: URIRef
    seedFile: URIRef
    setBy: URIRef
    signed: URIRef
    speaker: URIRef
    startText: URIRef
    stated: URIRef
    status: URIRef
    statuses: URIRef
    supplier: URIRef
    supporter: URIRef
    targetYear: URIRef
    title: URIRef
    tolerance: URIRef
    topic: URIRef
    upTo: URIRef

KG = Namespace(plain.KG)
GRAPH = Namespace("https://w3id.org/ai-partnerships/graph/")
ORG = Namespace(plain.PREFIXES["org"])
SCHEMA = Namespace(plain.PREFIXES["schema"])
SH = Namespace("http://www.w3.org/ns/shacl#")

#: Named graphs: entities and sources; what facts say; and GRAPH[source id] for each source's citations.
REGISTRY_GRAPH = GRAPH["registry"]
FACTS_GRAPH = GRAPH["facts"]

PREFIXES = {prefix: Namespace(iri) for prefix, iri in plain.PREFIXES.items()}

#: The top classes a seed entity's type may fall under (facts, sources and citations are made by the loader).
ENTITY_ROOTS = (
    "Organization", "Person", "Role", "Sector", "Country", "Place",
    "Product", "Technology", "Project", "Event",
)


def bind_prefixes(graph: Graph) -> Graph:
    """Bind the project's prefixes, replacing rdflib's defaults so output is the same everywhere."""
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, override=True, replace=True)
    return graph


#: Turtle files read on top of kg.ttl and shapes.ttl: a fixture model's own terms and shapes (see `extended`).
_EXTRA_ONTOLOGY: tuple[Path, ...] = ()
_EXTRA_SHAPES: tuple[Path, ...] = ()


@cache
def ontology_graph() -> Graph:
    """The OWL ontology, parsed once per process."""
    graph = Graph()
    graph.parse(data_dir("ontology") / "kg.ttl", format="turtle")
    for path in _EXTRA_ONTOLOGY:
        graph.parse(path, format="turtle")
    return graph


@cache
def shapes_graph() -> Graph:
    """The SHACL shapes, parsed once per process."""
    graph = Graph()
    graph.parse(data_dir("ontology") / "shapes.ttl", format="turtle")
    for path in _EXTRA_SHAPES:
        graph.parse(path, format="turtle")
    return graph


def iri(local: str) -> URIRef:
    """The kgo: IRI of a local name that the model declares (checked by kg/model.py against the ontology in use,
    which may be extended by a fixture: so not through the closed KGO)."""
    return KGO_NS[local]


def _clear_caches() -> None:
    for cached in (ontology_graph, shapes_graph, defined_terms, superclasses, entity_types, controlled_values,
                   notations):
        cached.cache_clear()


@contextmanager
def extended(ontology: tuple[Path, ...] = (), shapes: tuple[Path, ...] = ()):
    """Read these Turtle files on top of kg.ttl and shapes.ttl while inside the block (kg/model.py's `using`)."""
    global _EXTRA_ONTOLOGY, _EXTRA_SHAPES
    before = _EXTRA_ONTOLOGY, _EXTRA_SHAPES
    _EXTRA_ONTOLOGY, _EXTRA_SHAPES = tuple(ontology), tuple(shapes)
    _clear_caches()
    try:
        yield
    finally:
        _EXTRA_ONTOLOGY, _EXTRA_SHAPES = before
        _clear_caches()


@cache
def defined_terms() -> frozenset[URIRef]:
    """Every kgo: term the ontology declares (classes, properties, controlled values)."""
    g = ontology_graph()
    return frozenset(s for s in g.subjects(RDF.type, None) if isinstance(s, URIRef) and s.startswith(str(KGO)))


def term(name: str) -> URIRef:
    """The kgo: term of that local name; a KeyError names the term when the ontology lacks it."""
    found = KGO_NS[name]
    if found not in defined_terms():
        raise KeyError(f"kgo:{name} is not defined in ontology/kg.ttl")
    return found


@cache
def superclasses(cls: URIRef) -> tuple[URIRef, ...]:
    """The class and all its named superclasses (kgo: and standard), sorted, for materialising types."""
    g = ontology_graph()
    seen = {cls}
    todo = [cls]
    while todo:
        for parent in g.objects(todo.pop(), RDFS.subClassOf):
            if isinstance(parent, URIRef) and parent not in seen:
                seen.add(parent)
                todo.append(parent)
    return tuple(sorted(seen))


def is_subclass(cls: URIRef, ancestor: URIRef) -> bool:
    return ancestor in superclasses(cls)


@cache
def entity_types() -> dict[str, URIRef]:
    """Seed type names (kgo local names) that an entity may have, each mapped to its class."""
    g = ontology_graph()
    roots = [KGO[r] for r in ENTITY_ROOTS]
    types = {}
    for cls in g.subjects(RDF.type, OWL.Class):
        if isinstance(cls, URIRef) and cls.startswith(str(KGO)) and any(is_subclass(cls, r) for r in roots):
            types[cls[len(str(KGO)):]] = cls
    return dict(sorted(types.items()))


@cache
def controlled_values(scheme: str) -> dict[str, URIRef]:
    """A SKOS scheme's values by notation, e.g. controlled_values("qualifiers")["about"] is kgo:approximately."""
    g = ontology_graph()
    return {
        str(g.value(concept, SKOS.notation)): cast(URIRef, concept)  # a scheme's concepts are IRIs in kg.ttl
        for concept in g.subjects(SKOS.inScheme, KGO_NS[scheme])
    }


def place(g: Graph, concept: URIRef) -> tuple[int, int, str]:
    """Where a controlled value stands among its scheme's values: by kgo:order where kg.ttl gives one (the statuses,
    in their lifecycle), the others after them by notation. Every list of a scheme's values (kg schema, the
    ontology page, the map's status filter, --status's choices) is in this order."""
    order, notation = g.value(concept, KGO.order), str(g.value(concept, SKOS.notation))
    return (0, int(str(order)), notation) if order is not None else (1, 0, notation)


@cache
def notations(scheme: str) -> tuple[str, ...]:
    """A SKOS scheme's notations in the scheme's order (`place`)."""
    g = ontology_graph()
    return tuple(sorted(controlled_values(scheme), key=lambda n: place(g, controlled_values(scheme)[n])))
