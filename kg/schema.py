"""What each kind of seed record may hold, and which ontology term each field becomes.

One table serves both steps of the flow: `seeds.py` checks records against it and `build.py` turns the
checked records into triples with it, so a field can never be checked one way and built another.
"""

from __future__ import annotations

from dataclasses import dataclass

ORGANISATION = ("Organization",)
AGENT = ("Organization", "Person")
PARTY = ("Organization", "Person", "Sector")  # a source may name a whole sector as a party
RECIPIENT = ("Organization", "Sector", "Country")
PROJECT = ("Project",)  # facilities are projects too
ANY_ENTITY = ()  # no type constraint


@dataclass(frozen=True)
class Field:
    """One field of a seed record.

    kind: ref | refs | fact | count | int | year | amount | currency | text (English prose, tagged @en) |
          string (a plain code or name) | date | month-or-date |
          choice | labels | aliases | identifiers | cites | money ({amount, currency, qualifier})
    predicate: the CURIE of the property it becomes ("" when build.py handles the field itself)
    types: for ref(s), the ontology classes (local names) the entity must fall under; empty means any
    choices: for choice, the SKOS scheme in the ontology, or "agreement-type"
    """

    kind: str
    predicate: str = ""
    required: bool = False
    types: tuple[str, ...] = ANY_ENTITY
    choices: str = ""
    fact_kinds: tuple[str, ...] = ()
    inverse: bool = False


@dataclass(frozen=True)
class FactKind:
    cls: str  # the ontology class (local name); agreements pick theirs from `type`
    fields: dict[str, Field]
    parties: tuple[str, ...] = ()  # fields whose entities also become kgo:party of the fact


COMMON_FACT_FIELDS = {
    "date": Field("date", "dcterms:date"),
    "event": Field("ref", "kgo:event", types=("Event",)),
    "topics": Field("refs", "kgo:topic", types=("Technology",)),
}

QUALIFIER = Field("choice", "kgo:qualifier", choices="qualifiers")
STATUS = Field("choice", "kgo:status", choices="statuses")
GPUS = Field("count", "kgo:gpuCount")

#: Agreement `type` values and the classes they become.
AGREEMENT_TYPES = {
    "mou": "MOU",
    "joint-venture": "JointVenture",
    "joint-research": "JointResearch",
    "cooperation": "Cooperation",
}

FACT_KINDS: dict[str, FactKind] = {
    "gpu-allocation": FactKind("GPUAllocation", {
        "supplier": Field("ref", "kgo:supplier", True, ORGANISATION),
        "recipient": Field("ref", "kgo:recipient", True, RECIPIENT),
        "gpus": Field("count", "kgo:gpuCount", True),
        "qualifier": QUALIFIER,
        "models": Field("refs", "kgo:gpuModel", types=("GPUModel",)),
        "part_of": Field("fact", "kgo:partOf", fact_kinds=("gpu-allocation",)),
        "for": Field("refs", "kgo:intendedFor", types=PROJECT),
        "use": Field("text", "kgo:intendedUse"),
        "period": Field("text", "kgo:period"),
    }),
    "gpu-target": FactKind("GPUTarget", {
        "set_by": Field("ref", "kgo:setBy", True, ORGANISATION),
        "gpus": Field("count", "kgo:gpuCount", True),
        "by_year": Field("year", "kgo:targetYear", True),
        "qualifier": QUALIFIER,
    }),
    "gpu-estimate": FactKind("GPUStockEstimate", {
        "holder": Field("ref", "kgo:holder", True, RECIPIENT),
        "gpus": Field("count", "kgo:gpuCount", True),
        "qualifier": QUALIFIER,
        "rank": Field("int", "kgo:rank"),
        "estimated_by": Field("refs", "kgo:estimatedBy", types=AGENT),
    }),
    "investment": FactKind("Investment", {
        "investors": Field("refs", "kgo:investor", True, ORGANISATION),
        "target": Field("ref", "kgo:investmentTarget", types=("Organization", "Country", "Project", "Sector")),
        "amount": Field("amount", "kgo:amount"),
        "currency": Field("currency", "kgo:currency"),
        "amount_text": Field("text", "kgo:amountText"),
        "qualifier": QUALIFIER,
        # the same sum in another currency as the source converts it: {amount, currency, qualifier}
        "conversion": Field("money", ""),
        "purpose": Field("text", "kgo:purpose"),
        "for": Field("refs", "kgo:intendedFor", types=PROJECT),
    }),
    "agreement": FactKind("Agreement", {
        "type": Field("choice", "", True, choices="agreement-type"),
        "parties": Field("refs", "kgo:party", True, PARTY),
        "supporters": Field("refs", "kgo:supporter", types=ORGANISATION),
        "status": STATUS,
        "for": Field("refs", "kgo:intendedFor", types=PROJECT),
        "products": Field("refs", "kgo:product", types=("Product",)),
    }),
    "supply": FactKind("SupplyAgreement", {
        "supplier": Field("ref", "kgo:supplier", True, ORGANISATION),
        "customer": Field("ref", "kgo:customer", True, ORGANISATION),
        "products": Field("refs", "kgo:product", True, ("Product",)),
        "status": STATUS,
    }, parties=("supplier", "customer")),
    "membership": FactKind("AllianceMembership", {
        "member": Field("ref", "org:member", True, ORGANISATION),
        "organisation": Field("ref", "org:organization", True, ("Alliance",)),
        "role_text": Field("text", "kgo:roleText"),
    }, parties=("member", "organisation")),
    "position": FactKind("Position", {
        "person": Field("ref", "org:member", True, ("Person",)),
        "organisation": Field("ref", "org:organization", True, ORGANISATION),
        "role": Field("ref", "org:role", True, ("Role",)),
        "title": Field("text", "kgo:title"),
    }),
    "project": FactKind("ProjectPlan", {
        "project": Field("ref", "kgo:project", True, PROJECT),
        "by": Field("refs", "kgo:operator", types=ORGANISATION),
        "gpus": GPUS,
        "qualifier": QUALIFIER,
        "products": Field("refs", "kgo:product", types=("Product",)),
        "start": Field("text", "kgo:startText"),
        "status": STATUS,
    }),
    "statement": FactKind("Statement", {
        "speaker": Field("ref", "kgo:speaker", True, AGENT),
        "about": Field("refs", "kgo:mentions"),
    }),
    "participation": FactKind("Participation", {
        "event": Field("ref", "kgo:event", True, ("Event",)),
        "participants": Field("refs", "kgo:participant", True, AGENT),
        "role": Field("choice", "kgo:participationRole", choices="participationRoles"),
    }),
}

#: Fields every fact has, handled by the loader itself. `inferred` (optional) maps a field name to the reason
#: the curator supplied that value where the cited text does not state it (built as kgo:Inference nodes).
FACT_META_FIELDS = ("id", "kind", "para", "note", "cite", "inferred")

#: Fields of an entry that adds this source's citation to a fact defined elsewhere.
CITE_ENTRY_FIELDS = ("cite", "para", "note")

ENTITY_FIELDS: dict[str, Field] = {
    "id": Field("id"),
    "type": Field("type"),
    "label": Field("labels", "rdfs:label", True),
    "aliases": Field("aliases", "skos:altLabel"),
    "description": Field("text", "schema:description"),
    "parent": Field("ref", "org:subOrganizationOf", types=ORGANISATION),
    "country": Field("ref", "kgo:basedIn", types=("Country",)),
    "identifiers": Field("identifiers"),
    "sectors": Field("refs", "kgo:inSector", types=("Sector",)),
    "family": Field("ref", "kgo:modelFamily", types=("GPUModel",)),
    "place": Field("ref", "schema:location", types=("Place", "Country")),
    "part_of": Field("ref", ""),  # superEvent for events, containedInPlace for places
    "date": Field("month-or-date", "schema:startDate"),
    "start": Field("month-or-date", "schema:startDate"),
    "end": Field("month-or-date", "schema:endDate"),
    "cite": Field("cites"),
}

#: Entity fields that only make sense for some types (ontology local names they must fall under).
ENTITY_FIELD_TYPES = {
    "parent": ORGANISATION,
    "sectors": ORGANISATION,
    "family": ("GPUModel",),
    "place": ("Event", "Project", "Organization"),
    "part_of": ("Event", "Place"),
    "date": ("Event",),
    "start": ("Event",),
    "end": ("Event",),
}

SOURCE_FIELDS: dict[str, Field] = {
    "id": Field("id"),
    "publisher": Field("ref", "schema:publisher", types=("NewsPublisher",)),
    "title": Field("text", "schema:headline"),
    "label": Field("labels", "rdfs:label", True),
    "date": Field("date", "schema:datePublished", True),
    "language": Field("language", "schema:inLanguage", True),
    "file": Field("string", "kgo:seedFile", True),
    "authors": Field("refs", "schema:author", types=("Person",)),
    "note": Field("text", "kgo:note"),
    "url": Field("string", "schema:url"),
}

#: Limits that catch typos and hostile files: no real GPU deal or investment is this large.
MAX_GPUS = 100_000_000
MAX_AMOUNT = 10**16

#: Length limits on single values (characters), so that a hostile or broken file cannot put megabytes into one
#: literal: the longest id in the seeds has 56 characters, the longest label 125, the longest note 519.
MAX_ID_CHARS = 100        # ids (entities, facts, sources)
MAX_LABEL_CHARS = 300     # labels and aliases
MAX_TEXT_CHARS = 5_000    # any other text (notes, descriptions, titles, codes): the limit for every YAML string
