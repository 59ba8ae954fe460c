"""The model as data (kg/model.yaml, kg/model.py): a new fact kind is its declaration, its ontology terms and
shapes, a fixture and a test — nothing else. The fixture model (tests/fixtures/model/) adds a `licence` kind made
of existing field kinds; kg checks, builds, draws, explains and maps it with no change to its code."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from rdflib import Literal, URIRef
from rdflib.namespace import RDF, XSD

from kg import model, network, ontology, provenance, shapes, view
from kg.errors import SeedError
from kg.graph import build_dataset, union_graph
from kg.ontology import KG, KGO
from kg.seeds import load_seeds

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "fixtures" / "model"
MINIMAL = ROOT / "tests" / "fixtures" / "minimal"
LICENCE = URIRef(str(ontology.KGO_NS) + "Licence")
LICENSOR = URIRef(str(ontology.KGO_NS) + "licensor")


@pytest.fixture()
def licence_model():
    m = model.Model.load(FIXTURE / "model.yaml", ontology=(FIXTURE / "licence.ttl",),
                         shapes=(FIXTURE / "licence-shapes.ttl",))
    with model.using(m):
        yield m


@pytest.fixture()
def licence_seeds(tmp_path):
    """The minimal fixture seeds plus one facts file that uses the new kind."""
    target = tmp_path / "seeds"
    shutil.copytree(MINIMAL, target)
    shutil.copy(FIXTURE / "licence-facts.yaml", target / "facts" / "src-a-licence.yaml")
    return target


def test_the_package_model_does_not_know_the_new_kind():
    assert "licence" not in model.active().kinds
    assert "licence" not in network.KINDS
    with pytest.raises(AttributeError):
        KGO.Licence  # noqa: B018 - the closed namespace refuses a term kg.ttl does not define


def test_the_new_kind_is_checked(licence_model, licence_seeds):
    seeds = load_seeds(licence_seeds)
    assert seeds.facts["acme-licence"].values["licensor"] == "nvidia"
    bad = licence_seeds / "facts" / "src-a-licence.yaml"
    bad.write_text(bad.read_text(encoding="utf-8").replace("fee: 5000000", "fee: lots")
                   .replace("licensee: acme", "licensee: korea"), encoding="utf-8")
    with pytest.raises(SeedError) as caught:
        load_seeds(licence_seeds)
    messages = [p.message for p in caught.value.problems]
    assert "'fee' must be a number, not 'lots'" in messages
    assert "'licensee' must be an Organization, but 'korea' is a Country" in messages


def test_the_new_kind_is_built_and_conforms_to_its_shape(licence_model, licence_seeds):
    graph = union_graph(build_dataset(load_seeds(licence_seeds)))
    fact = KG["acme-licence"]
    assert (fact, RDF.type, LICENCE) in graph
    assert (fact, RDF.type, KGO.Fact) in graph  # its superclasses, from the fixture ontology
    assert (fact, LICENSOR, KG["nvidia"]) in graph
    assert (fact, KGO.amount, Literal("5000000.0", datatype=XSD.decimal)) in graph
    assert (fact, KGO.qualifier, KGO.stated) in graph  # the figure's default qualifier, as the model declares
    assert shapes.validate_graph(graph).conforms
    graph.remove((fact, LICENSOR, None))
    report = shapes.validate_graph(graph)
    assert not report.conforms and any(v.path.endswith("licensor") for v in report.violations)


def test_the_new_kind_is_a_link_of_the_network_and_explained(licence_model, licence_seeds):
    graph = union_graph(build_dataset(load_seeds(licence_seeds)))
    G = network.project(graph)
    links = [d for _, _, d in G.edges(data=True) if d["fact"] == "acme-licence"]
    assert [(d["kind"], d["role"], d["from"], d["to"], d["directed"]) for d in links] == [
        ("licence", "licenses to", "nvidia", "acme", True)]
    node, partners = network.neighbors(G, "acme")
    text = network.format_neighbors(G, node, partners)
    assert "licence acme-licence: NVIDIA licenses to Acme Electronics" in text
    assert "라이선스 계약 acme-licence: 엔비디아 → 애크미전자 라이선스" \
        in network.format_neighbors(G, node, partners, "ko")
    claims = {c.id: c for c in provenance.explain(graph, "acme").claims}
    assert claims["acme-licence"].kind == "licence"
    assert claims["acme-licence"].summary.startswith("NVIDIA → Acme Electronics: HBM4, ")
    assert "5,000,000" in claims["acme-licence"].summary


def test_the_new_kind_is_in_the_map_data(licence_model, licence_seeds):
    graph = union_graph(build_dataset(load_seeds(licence_seeds)))
    data = view.page_data(network.project(graph))
    kinds = {k["name"]: k for k in data["kinds"]}
    assert kinds["licence"] == {"name": "licence", "en": "licence", "ko": "라이선스 계약", "color": "#123456",
                                "line": "dashed", "count": 1}
    assert data["roles"]["licenses to"] == "라이선스"
    assert [e["kind"] for e in data["edges"] if e["fact"] == "acme-licence"] == ["licence"]


def test_a_model_that_names_an_undefined_term_is_refused():
    m = model.Model.load(FIXTURE / "model.yaml")  # without its ontology file
    with pytest.raises(model.ModelError, match="class kgo:Licence"), model.using(m):
        pass


def test_the_package_model_names_only_defined_terms():
    assert model.package().check() == []
    assert list(model.package().relations) == list(network.KINDS)


def test_the_closed_namespace_lists_exactly_the_ontology_terms():
    defined = {str(t)[len(str(ontology.KGO_NS)):] for t in ontology.defined_terms()}
    assert set(KGO.__annotations__) == defined


def test_the_seeds_readme_kinds_table_is_the_model_s():
    readme = (ROOT / "seeds" / "README.md").read_text(encoding="utf-8")
    assert model.kinds_table(model.package()) in readme
