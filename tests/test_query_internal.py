"""kg's own queries (queries/internal/*.rq): every SPARQL text kg runs is a file, bound as the named queries are."""

from __future__ import annotations

import re
from pathlib import Path

import pyoxigraph
import pytest
from rdflib import Dataset
from rdflib.plugins.sparql import prepareQuery

from kg.ontology import KG, KGO
from kg.query import ask, list_queries, query_dir, select

INTERNAL = sorted(p.stem for p in (query_dir() / "internal").glob("*.rq"))
KG_DIR = Path(__file__).resolve().parent.parent / "kg"


def test_internal_queries_are_not_listed():
    assert len(INTERNAL) >= 20
    assert not set(INTERNAL) & {q.name for q in list_queries()}


@pytest.mark.parametrize("name", INTERNAL)
def test_internal_query_runs_as_a_file_in_both_engines(name):
    """Each declares its prefixes and its VALUES rows (UNDEF: kg binds them), so both engines read it as it is."""
    text = (query_dir() / "internal" / f"{name}.rq").read_text(encoding="utf-8")
    assert text.startswith("# "), "a title line says what it asks"
    prepareQuery(text)
    pyoxigraph.Store().query(text)
    Dataset(default_union=True).query(text)


def test_no_sparql_text_is_left_in_the_modules():
    """Queries live in .rq files. Two exceptions: kg/stores/sparql.py's endpoint probes (ASK { ?s ?p ?o }), and
    kg/shapes_sparql.py, which compiles ontology/shapes.ttl into queries (the shapes file is their one source)."""
    found = []
    for path in sorted(KG_DIR.rglob("*.py")):
        if path.relative_to(KG_DIR).as_posix() in ("stores/sparql.py", "shapes_sparql.py"):
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if (re.search(r"\b(SELECT|CONSTRUCT|DESCRIBE)\s+(DISTINCT\s+)?[?*(]|\bASK\s*\{", line)
                    and "kg query -e" not in line):
                found.append(f"{path.relative_to(KG_DIR)}:{number}: {line.strip()}")
    assert not [f for f in found if "'SELECT …'" not in f and "-e 'SELECT" not in f], found


def test_a_list_binds_a_row_per_term(ox):
    """select() binds a sequence of terms as a VALUES row each; ask() answers ASK files."""
    both = {e for e, _ in select(ox, "kind-names", **{"class": [KGO.GPUModel, KGO.Sector]})}
    sectors = {e for e, _ in select(ox, "kind-names", **{"class": [KGO.Sector]})}
    assert sectors and sectors < both
    assert all(ask(ox, "entity-is-of-kind", entity=e, **{"class": [KGO.GPUModel]}) for e in both - sectors)
    assert ask(ox, "entity-is-of-kind", entity=KG["nvidia"], **{"class": [KGO.Organization]})
    assert not ask(ox, "entity-is-of-kind", entity=KG["nvidia"], **{"class": [KGO.Sector, KGO.GPUModel]})
    assert ask(ox, "entity-exists", entity=KG["nvidia"]) and not ask(ox, "entity-exists", entity=KG["no-such-id"])
