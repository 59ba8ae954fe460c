"""kg.cache: reading commands open a stored build of the seeds, and never one that is stale or broken."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg import cache
from kg.cli import main
from kg.stores import open_dataset


@pytest.fixture()
def cache_dir(tmp_path, monkeypatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("KG_CACHE", str(folder))
    return folder


def builds(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.is_dir() and not p.name.startswith(".")) if folder.exists() else []


def labels(seed_dir: Path) -> list[str]:
    result = CliRunner().invoke(main, ["query", "-e", "SELECT ?l WHERE { kg:acme rdfs:label ?l } ORDER BY ?l",
                                       "-f", "csv", "--seeds", str(seed_dir)])
    assert result.exit_code == 0, result.output
    return result.output.splitlines()[1:]


def quads(ds) -> set:
    return {(s, p, o, getattr(g, "identifier", g)) for s, p, o, g in ds.quads((None, None, None, None))}


def test_the_second_read_opens_the_stored_build_with_the_same_quads(minimal_copy, cache_dir):
    first = open_dataset("memory", minimal_copy)
    assert [p.name for p in builds(cache_dir)] == [cache.build_key(minimal_copy)]
    second = open_dataset("memory", minimal_copy)
    assert type(second.store).__name__ == "OxigraphStore"
    assert quads(second) == quads(first) and len(quads(first)) > 50


def test_an_edited_seed_file_is_built_anew(minimal_copy, cache_dir):
    assert labels(minimal_copy) == ["Acme Electronics", "애크미전자"]
    entities = minimal_copy / "entities.yaml"
    entities.write_text(entities.read_text(encoding="utf-8").replace("Acme Electronics", "Acme Corp"),
                        encoding="utf-8")
    assert labels(minimal_copy) == ["Acme Corp", "애크미전자"]
    assert len(builds(cache_dir)) == 2


def test_a_bad_edit_after_a_build_is_still_reported(minimal_copy, cache_dir):
    labels(minimal_copy)
    entities = minimal_copy / "entities.yaml"
    entities.write_text(entities.read_text(encoding="utf-8").replace("type: Company", "type: Compnay", 1),
                        encoding="utf-8")
    result = CliRunner().invoke(main, ["query", "gpu-targets", "--seeds", str(minimal_copy)])
    assert result.exit_code == 2 and "Compnay" in result.output


def test_a_changed_article_text_changes_the_key(minimal_copy, cache_dir):
    before = cache.build_key(minimal_copy)
    text = minimal_copy / "texts" / "a.txt"
    text.write_text(text.read_text(encoding="utf-8") + "\n한 줄 더\n", encoding="utf-8")
    assert cache.build_key(minimal_copy) != before


def test_a_broken_build_is_rebuilt_not_used(minimal_copy, cache_dir):
    expected = labels(minimal_copy)
    [build] = builds(cache_dir)
    for file in build.iterdir():
        if file.is_file():
            file.write_bytes(b"broken")
    assert labels(minimal_copy) == expected
    assert (build / "CURRENT").read_bytes() != b"broken"  # built again in its place


def test_off_builds_in_memory_and_stores_nothing(minimal_copy, tmp_path, monkeypatch):
    monkeypatch.setenv("KG_CACHE", "off")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert labels(minimal_copy) == ["Acme Electronics", "애크미전자"]
    assert not (tmp_path / "xdg").exists()


def test_a_cache_that_cannot_be_written_only_costs_time(minimal_copy, tmp_path, monkeypatch):
    blocked = tmp_path / "file-not-folder"
    blocked.write_text("x")
    monkeypatch.setenv("KG_CACHE", str(blocked / "cache"))
    assert labels(minimal_copy) == ["Acme Electronics", "애크미전자"]


def test_only_the_newest_builds_are_kept(minimal_copy, cache_dir, monkeypatch):
    monkeypatch.setattr(cache, "KEEP", 2)
    entities = minimal_copy / "entities.yaml"
    original = entities.read_text(encoding="utf-8")
    for n in range(4):
        entities.write_text(original.replace("Acme Electronics", f"Acme {n}"), encoding="utf-8")
        open_dataset("memory", minimal_copy)
        os.utime(cache_dir / cache.build_key(minimal_copy), (1000 + n, 1000 + n))  # a certain order of age
    assert len(builds(cache_dir)) == 2
    assert cache.build_key(minimal_copy) in {p.name for p in builds(cache_dir)}


def test_other_folders_of_the_cache_are_neither_builds_nor_removed(minimal_copy, cache_dir, monkeypatch):
    """kg.quick keeps prepared queries in the cache folder's `queries`: not a build, so never one of the KEEP."""
    monkeypatch.setattr(cache, "KEEP", 1)
    (cache_dir / "queries").mkdir(parents=True, exist_ok=True)
    (cache_dir / "queries" / "x.marshal").write_bytes(b"kept")
    os.utime(cache_dir / "queries", (5000, 5000))  # newer than any build below
    entities = minimal_copy / "entities.yaml"
    original = entities.read_text(encoding="utf-8")
    for n in range(2):
        entities.write_text(original.replace("Acme Electronics", f"Acme {n}"), encoding="utf-8")
        open_dataset("memory", minimal_copy)
        os.utime(cache_dir / cache.build_key(minimal_copy), (1000 + n, 1000 + n))
    assert [p.name for p in builds(cache_dir) if p.name != "queries"] == [cache.build_key(minimal_copy)]
    assert (cache_dir / "queries" / "x.marshal").read_bytes() == b"kept"
