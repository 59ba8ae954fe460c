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

import contextlib
import hashlib
import os
import re
from pathlib import Path
from typing import TYPE_CHECKING

import kg
from kg.cachedir import cache_folder
from kg.errors import KgError

if TYPE_CHECKING:  # kg.quick reads the cache without rdflib
    from rdflib import Dataset

KEEP = 8
_TEXTS_LINE = re.compile(r"^texts:\s*['\"]?([^'\"#\n]+?)['\"]?\s*(?:#.*)?$", re.M)


def cache_root() -> Path | None:
    """The cache folder (kg.cachedir), or None when the user turned the cache off."""
    folder = cache_folder()
    return None if folder is None else Path(folder)


def build_key(seed_dir: str | Path) -> str:
    """A hash of every input of a build: seed files, article texts, ontology and kg's code, with their names."""
    digest = hashlib.sha256(kg.__version__.encode())
    seeds = Path(seed_dir)
    package = Path(kg.__file__).parent
    for label, folder, pattern in (("seeds", seeds, "**/*"), ("kg", package, "**/*"),
                                   ("ontology", _ontology_dir(), "*.ttl")):
        for path in sorted(p for p in folder.glob(pattern) if p.is_file() and "__pycache__" not in p.parts):
            digest.update(f"\0{label}/{path.relative_to(folder)}\0".encode())
            digest.update(path.read_bytes())
    texts = _texts_dir(seeds)
    if texts is not None and texts.is_dir():  # read only to check cited paragraphs: size and time suffice
        for path in sorted(p for p in texts.iterdir() if p.is_file()):
            stat = path.stat()
            digest.update(f"\0texts/{path.name}\0{stat.st_size}\0{stat.st_mtime_ns}".encode())
    return digest.hexdigest()[:32]


def _texts_dir(seeds: Path) -> Path | None:
    """The `texts:` folder named in sources.yaml (found without parsing YAML, which costs more than the rest)."""
    try:
        match = _TEXTS_LINE.search((seeds / "sources.yaml").read_text(encoding="utf-8", errors="replace"))
    except OSError:
        return None
    return seeds / match[1].strip() if match else None


def _ontology_dir() -> Path:
    from kg.resources import data_dir

    return data_dir("ontology")


def seeds_dataset(seed_dir: str | Path) -> Dataset:
    """The dataset the seeds describe, from the cache when it holds this build (see the module docstring)."""
    from kg.graph import build_dataset
    from kg.seeds import load_seeds
    from kg.stores.oxigraph import open_oxigraph

    root = cache_root()
    if root is None:
        return build_dataset(load_seeds(seed_dir), store="Oxigraph")
    place = cached_build(seed_dir, root)
    if place is not None:
        try:
            return open_oxigraph(place)
        except Exception:  # noqa: BLE001 - RocksDB reports a damaged store as RuntimeError, OSError, ...
            forget(place)
    place = root / build_key(seed_dir)
    dataset = build_dataset(load_seeds(seed_dir), store="Oxigraph")
    _keep(dataset, root, place)
    return dataset


def cached_build(seed_dir: str | Path, root: Path | None = None) -> Path | None:
    """The folder of the cached store of this build of the seeds, or None when there is none (or no cache)."""
    root = root or cache_root()
    if root is None:
        return None
    place = root / build_key(seed_dir)
    if not (place / "CURRENT").is_file():
        return None
    with contextlib.suppress(OSError):
        os.utime(place)  # newest first when old builds are removed
    return place


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
        builds = sorted((p for p in root.iterdir() if p.is_dir() and _is_key(p.name)),
                        key=lambda p: p.stat().st_mtime, reverse=True)
        for old in builds[KEEP:]:
            forget(old)
    except (KgError, OSError):
        pass


def _is_key(name: str) -> bool:
    """A build's folder is named by its key (build_key); the cache folder holds others (kg.quick's `queries`)."""
    return len(name) == 32 and all(c in "0123456789abcdef" for c in name)
