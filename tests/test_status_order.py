"""Statuses are listed in their lifecycle order wherever kg lists them (kg path/neighbors --status's choices, the
map's status filter, kg schema, the ontology page), and that order is said once: kgo:order in ontology/kg.ttl."""

from __future__ import annotations

import json
import re

from click.testing import CliRunner
from conftest import ROOT, SEEDS
from rdflib import Graph, Namespace
from rdflib.namespace import SKOS

from kg import api, ontodoc
from kg.cli import main
from kg.view import page_data


def declared() -> list[str]:
    """The statuses by the kgo:order kg.ttl gives them, read from the file here, not by kg."""
    g = Graph().parse(ROOT / "ontology" / "kg.ttl", format="turtle")
    kgo = Namespace(str(dict(g.namespaces())["kgo"]))
    ordered = [(int(g.value(s, kgo.order)), str(g.value(s, SKOS.notation)))
               for s in g.subjects(SKOS.inScheme, kgo.statuses)]
    assert len(ordered) == len({n for n, _ in ordered}) == 7, "every status has its own kgo:order"
    return [notation for _, notation in sorted(ordered)]


def test_the_declared_order_is_a_lifecycle():
    order = declared()
    assert order[:2] == ["discussed", "in-negotiation"] and order[-1] == "ongoing"
    assert order.index("agreed") < order.index("signed")


def test_the_cli_lists_statuses_in_that_order():
    result = CliRunner().invoke(main, ["neighbors", "nvidia", "--status", "zzz", "--seeds", str(SEEDS)])
    assert result.exit_code == 1
    assert result.stderr.rstrip("\n").endswith("choose from: " + ", ".join(declared()))
    schema = CliRunner().invoke(main, ["schema", "-f", "json", "--seeds", str(SEEDS)])
    values = next(t["values"] for t in json.loads(schema.output)["schemes"] if t["term"] == "kgo:statuses")
    assert values == declared()


def test_the_map_and_the_ontology_page_list_statuses_in_that_order():
    G = api.partnership_network(SEEDS)
    stated = {d["status"] for _, _, d in G.edges(data=True) if d.get("status")}
    data = page_data(G)
    assert len(stated) > 2 and data["status_order"] == [s for s in declared() if s in stated]
    assert set(data["statuses"]) == stated
    script = (ROOT / "kg" / "templates" / "view.js").read_text(encoding="utf-8")
    assert re.search(r"names = data\.status_order;", script)   # the filter's rows, in the page data's order
    doc = ontodoc.document(Graph().parse(ROOT / "ontology" / "kg.ttl", format="turtle"))
    scheme = next(s for s in doc["schemes"] if s["curie"] == "kgo:statuses")
    assert [m["curie"] for m in scheme["members"]] == [
        "kgo:" + re.sub(r"-(\w)", lambda m: m[1].upper(), s) for s in declared()]
