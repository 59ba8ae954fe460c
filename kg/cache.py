"""The seeds built once: reading commands on the default store open a cached Oxigraph store instead of loading
and checking every seed file again (0.9 s of a 1 s `kg query` on the seeds; minutes at a million triples).

The cache is keyed by the content of everything a build reads — the seed files, the article texts the loader
checks citations against, the ontology, and kg's own code — so an edit of any of them builds anew and a stale
store is never used. A store is put in place whole (kg.stores.oxigraph.load_oxigraph: built beside, swapped in by
rename, one writer at a time), so a killed build leaves nothing half-written. A cache that cannot be written (read-only
home, a second kg writing the same entry) only makes the command as slow as it was.

Where: $KG_CACHE (a folder, or `off`), else $XDG_CACHE_HOME/kg, else ~/.cache/kg. The newest KEEP builds stay.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from kg.cachedir import build_key, cache_folder, cached_build, is_key
from kg.errors import KgError

if TYPE_CHECKING:  # kg.quick reads the cache without rdflib
    from rdflib import Dataset

KEEP = 8


def cache_root() -> Path | None:
    """The cache folder (kg.cachedir), or None when the user turned the cache off."""
    folder = cache_folder()
    return None if folder is None else Path(folder)


def seeds_dataset(seed_dir: str | Path) -> Dataset:
    """The dataset the seeds describe, from the cache when it holds this build (see the module docstring)."""
    from kg.graph import build_dataset
    from kg.seeds import load_seeds
    from kg.stores.oxigraph import open_oxigraph

    root = cache_root()
    if root is None:
        return build_dataset(load_seeds(seed_dir), store="Oxigraph")
    built = cached_build(seed_dir, root)
    if built is not None:
        try:
            return open_oxigraph(built)
        except Exception:  # noqa: BLE001 - RocksDB reports a damaged store as RuntimeError, OSError, ...
            forget(Path(built))
    place = root / build_key(seed_dir)
    dataset = build_dataset(load_seeds(seed_dir), store="Oxigraph")
    _keep(dataset, root, place)
    return dataset


def forget(place: Path) -> None:
    """Remove a cached store that cannot be read, so that the next command builds it again."""
    import shutil

    shutil.rmtree(place, ignore_errors=True)


def _keep(dataset: Dataset, root: Path, place: Path) -> None:
    """Store a build in the cache, and remove the oldest builds beyond KEEP; failing that, do nothing."""
    import pyoxigraph

    from kg.rdf import inner_store
    from kg.stores.oxigraph import load_oxigraph

    store = inner_store(dataset)
    if store is None:
        return
    try:
        load_oxigraph(place, [(store.dump(format=pyoxigraph.RdfFormat.N_QUADS), "nquads")])
        builds = sorted((p for p in root.iterdir() if p.is_dir() and is_key(p.name)),
                        key=lambda p: p.stat().st_mtime, reverse=True)
        for old in builds[KEEP:]:
            forget(old)
    except (KgError, OSError):
        pass

