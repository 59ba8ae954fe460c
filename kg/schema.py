"""What each kind of seed record may hold, and which ontology term each field becomes.

One table serves both steps of the flow: `seeds.py` checks records against it and `graph.py` turns the
checked records into triples with it, so a field can never be checked one way and built another. Entities and
sources are declared here; fact kinds in kg/model.yaml (kg/model.py), with the same `Field`.
"""

from __future__ import annotations

from dataclasses import dataclass

ORGANISATION = ("Organization",)
ANY_ENTITY = ()  # no type constraint


@dataclass(frozen=True)
class Field:
    """One field of a seed record.

    kind: ref | refs | fact | count | int | year | amount | currency | text (English prose, tagged @en) |
          string (a plain code or name) | date | month-or-date |
          choice | labels | aliases | identifiers | cites | money ({amount, currency, qualifier})
    predicate: the CURIE of the property it becomes ("" when build.py handles the field itself)
    types: for ref(s), the ontology classes (local names) the entity must fall under; empty means any
    choices: for choice, the SKOS scheme in the ontology; values: for choice, the allowed values when the model
             lists them itself (an agreement's `type`)
    role: for ref(s) of a fact, the entity's role in the network (the property's local name when empty)
    default: the value written when the field is absent; when: "figure" to write it only with a figure
    """

    kind: str
    predicate: str = ""
    required: bool = False
    types: tuple[str, ...] = ANY_ENTITY
    choices: str = ""
    fact_kinds: tuple[str, ...] = ()
    inverse: bool = False
    role: str = ""
    default: str | None = None
    when: str = ""
    values: tuple[str, ...] = ()
    doc: str = ""  # a note for the kinds table of seeds/README.md


#: Fields every fact has, handled by the loader itself. `inferred` (optional) maps a field name to the reason
#: the curator supplied that value where the cited text does not state it (built as kgo:Inference nodes).
FACT_META_FIELDS = ("id", "kind", "para", "note", "cite", "inferred")

#: The mark kg draft puts on every entry it proposes; kg build refuses an entry until the curator deletes it.
REVIEW_FIELD = "review"

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
