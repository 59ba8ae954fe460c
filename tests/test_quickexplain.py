"""kg.quickexplain: `kg explain` answered from the cached build through pyoxigraph alone says what kg.provenance
says — for every entity of the seeds, in both languages, as text and JSON, by source, and in its errors — imports
no rdflib, networkx or click, and leaves to kg.cli whatever it cannot answer exactly."""

from __future__ import annotations

import functools
import subprocess
import sys

import pyoxigraph as ox
import pytest
from conftest import ROOT, SEEDS, kg_imports

from kg import network, provenance, quickexplain
from kg.cache import cached_build
from kg.claims import explanation_text, source_text
from kg.errors import KgError
from kg.lookup import Names
from kg.store import open_dataset


@pytest.fixture(scope="module")
def seeds_store():
    """The seeds' build, cached (so that kg.quickexplain finds it) and opened from the cache as kg explain opens it
    (the first build is answered from the dataset just built, in which rdflib may list a term's labels in
    another order)."""
    open_dataset("memory", SEEDS)
    return open_dataset("memory", SEEDS)


@pytest.fixture(scope="module")
def cached():
    return ox.Store.read_only(str(cached_build(SEEDS)))


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_every_entity_is_explained_as_kg_provenance_explains_it(seeds_store, cached, monkeypatch, lang):
    # the network is projected once for all the entities: kg.provenance.explain only reads it
    monkeypatch.setattr(network, "project", functools.cache(network.project))
    ids = sorted(Names.of(seeds_store).ids)
    assert len(ids) > 100
    reader = quickexplain._Reader(cached, lang)
    partners = 0
    for ident in ids:
        expected = provenance.explain(seeds_store, ident, lang)
        found = reader.explain(ident)
        assert explanation_text(found, lang, "json") == explanation_text(expected, lang, "json"), ident
        assert explanation_text(found, lang, "text") == explanation_text(expected, lang, "text"), ident
        partners += len(found.partners)
    assert partners > 50  # (the partners are compared, not only empty lists)
    for ident in ids[::6]:  # and by their labels, in either language, written loosely
        for label in provenance.explain(seeds_store, ident, lang).labels.values():
            for name in (label, f"  {label.upper()} "):
                try:
                    expected = explanation_text(provenance.explain(seeds_store, name, lang), lang, "json")
                except KgError as exc:  # a label two entities share
                    with pytest.raises(KgError) as raised:
                        reader.explain(name)
                    assert raised.value.lines_in(lang) == exc.lines_in(lang)
                    continue
                assert explanation_text(reader.explain(name), lang, "json") == expected, name


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_every_source_lists_the_facts_kg_provenance_lists(seeds_store, cached, lang):
    reader = quickexplain._Reader(cached, lang)
    sources = provenance.sources(seeds_store, lang)
    assert len(sources) >= 5
    for source in sources:
        for given in (source.id, f"kg:{source.id}"):
            claims = reader.source_claims(given)
            assert claims is not None
            expected = provenance.claims_of_source(seeds_store, given, lang)
            for fmt in ("text", "json"):
                assert source_text(given, claims, lang, fmt) == source_text(given, expected, lang, fmt)
    assert reader.source_claims("no-such-source") is None  # kg.cli says what is wrong


def test_no_cached_build_no_answer(monkeypatch):
    monkeypatch.setenv("KG_CACHE", "off")
    assert quickexplain.answer("nvidia", None, "en", "text", SEEDS) is None


def test_another_store_is_left_to_kg_cli(seeds_store, monkeypatch):
    monkeypatch.setenv("KG_STORE", "rdflib")
    assert quickexplain.answer("nvidia", None, "en", "text", SEEDS) is None


def test_kg_explain_on_the_cached_build_imports_no_rdflib(seeds_store):
    printed, imported = kg_imports(["explain", "nvidia"], ("rdflib", "oxrdflib", "pyshacl", "networkx", "click"))
    assert printed.startswith("NVIDIA (nvidia) — ")
    assert imported == []


@pytest.mark.parametrize("args", [
    ["explain", "nvidia"], ["explain", "NVIDIA", "--lang", "ko"], ["explain", "엔비디아", "-f", "json"],
    ["explain", "--lang=ko", "kg:naver-cloud", "--format=json"], ["explain", "Samsung  Electronics"],
    ["explain", "--source", "newsis-20251101"], ["explain", "--source=kg:news1-20251031", "--lang", "ko", "-f", "json"],
    ["explain", "--source", "no-such-source"], ["explain", "--source", "nesis-20251101", "--lang", "ko"],
    ["explain", "nvidai"], ["explain", "삼송", "--lang", "ko"], ["explain", "zzzzqqq"], ["explain", "sk"],
    ["explain", "newsis-20251101"], ["explain"], ["explain", "nvidia", "--source", "newsis-20251101"],
    ["explain", "nvidia", "-f", "xml"], ["explain", "nvidia", "--lang", "fr"], ["explain", "nvidia", "--help"],
    ["explain", "nvidia", "--seeds", str(SEEDS)], ["explain", "nvidia", "--store", "rdflib"],
    ["explain", "nvidia", "naver"], ["explain", "-fjson", "nvidia"], ["explain", "nvidia", "--lang"],
])
def test_the_kg_command_answers_as_kg_cli_does(seeds_store, args):
    """kg.launch (the `kg` command) answers `kg explain` before importing click, or hands the line to kg.cli."""
    def run(entry: str) -> tuple:
        done = subprocess.run([sys.executable, "-c", f"from {entry} import main; main()", *args], cwd=ROOT,
                              capture_output=True)
        return done.returncode, done.stdout, done.stderr

    assert run("kg.launch") == run("kg.cli")


def test_errors_in_korean_are_kg_clis(seeds_store):
    """An unknown name gets kg.lookup's message with its nearest names, in the command's language."""
    done = subprocess.run([sys.executable, "-c", "from kg.launch import main; main()", "explain", "nvidai",
                           "--lang", "ko"], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 1 and done.stdout == ""
    assert "nvidia" in done.stderr and "Traceback" not in done.stderr


def test_explain_json_is_the_same_from_a_fresh_build_and_from_the_cache(tmp_path, monkeypatch):
    """The first command builds the graph and answers from it; later ones open the cached store, which may list a
    term's labels in another order: the JSON must not show which."""
    monkeypatch.setenv("KG_CACHE", str(tmp_path))
    fresh, cached = open_dataset("memory", SEEDS), open_dataset("memory", SEEDS)
    for ident in ("nvidia", "samsung-electronics", "naver-cloud", "korea-government", "jensen-huang"):
        first = explanation_text(provenance.explain(fresh, ident, "en"), "en", "json")
        assert first == explanation_text(provenance.explain(cached, ident, "en"), "en", "json"), ident
        assert first.index('"en":') < first.index('"ko":'), ident
