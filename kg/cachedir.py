"""Where kg keeps what it caches, and which cached build of the seeds is current: $KG_CACHE (a folder, or `off`),
else $XDG_CACHE_HOME/kg, else ~/.cache/kg. kg.cache builds and keeps the stores; this module finds them. It
imports nothing but os, kg and kg.plain (and BLAKE2 when it hashes): kg.quick and kg.quickexplain look up the build
before their worker answers, and importing pathlib, re and kg.errors for it cost as much as the query itself."""

from __future__ import annotations

import os

import kg
from kg import plain

TYPE_CHECKING = False  # typing is not imported at run time (kg.errors)
if TYPE_CHECKING:
    from pathlib import Path

CACHE_ENV = "KG_CACHE"
_PACKAGE = os.path.dirname(os.path.abspath(kg.__file__))


def cache_folder() -> str | None:
    """The cache folder, or None when the user turned the cache off."""
    chosen = os.environ.get(CACHE_ENV, "").strip()
    if chosen.lower() in ("off", "0", "no", "false"):
        return None
    if chosen:
        return chosen
    return os.path.join(os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache"), "kg")


def cached_build(seed_dir: str | Path, root: str | Path | None = None) -> str | None:
    """The folder of the cached store of this build of the seeds, or None when there is none (or no cache)."""
    root = root or cache_folder()
    if root is None:
        return None
    place = os.path.join(root, build_key(seed_dir))
    if not os.path.isfile(os.path.join(place, "CURRENT")):
        return None
    try:  # noqa: SIM105 - contextlib is not imported on the quick path (kg.launch)
        os.utime(place)  # newest first when old builds are removed (kg.cache)
    except OSError:
        pass
    return place


def build_key(seed_dir: str | Path) -> str:
    """A hash of every input of a build: seed files, article texts, ontology and kg's code, with their names."""
    try:  # hashlib's own BLAKE2, without hashlib: importing it loads OpenSSL, as long as hashing all the inputs
        from _blake2 import blake2b
    except ImportError:  # a Python without it
        from hashlib import blake2b

    digest = blake2b(kg.__version__.encode(), digest_size=16)
    ontology = os.path.realpath(os.path.join(_PACKAGE, plain.FOLDERS["ontology"]))
    for label, folder, deep, suffix in (("seeds", os.fspath(seed_dir), True, ""), ("kg", _PACKAGE, True, ""),
                                        ("ontology", ontology, False, ".ttl")):
        for parts in _files(folder, deep):
            if parts[-1].endswith(suffix):
                digest.update(f"\0{label}/{'/'.join(parts)}\0".encode())
                with open(os.path.join(folder, *parts), "rb") as file:
                    digest.update(file.read())
    texts = _texts_folder(os.fspath(seed_dir))
    if texts is not None and os.path.isdir(texts):  # read only to check cited paragraphs: size and time suffice
        for (name,) in _files(texts, False):
            stat = os.stat(os.path.join(texts, name))
            digest.update(f"\0texts/{name}\0{stat.st_size}\0{stat.st_mtime_ns}".encode())
    return digest.hexdigest()


def is_key(name: str) -> bool:
    """A build's folder is named by its key (build_key); the cache folder holds others (kg.quick's `queries`)."""
    return len(name) == 32 and all(c in "0123456789abcdef" for c in name)


def _files(folder: str, deep: bool) -> list[tuple[str, ...]]:
    """The files in folder (and, deep, in its folders but __pycache__, symlinked folders not followed), as path
    parts relative to it, sorted."""
    found = []
    for top, folders, files in os.walk(folder):
        parts = () if top == folder else tuple(os.path.relpath(top, folder).split(os.sep))
        found += [(*parts, name) for name in files if os.path.isfile(os.path.join(top, name))]
        folders[:] = [name for name in folders if deep and name != "__pycache__"]
    return sorted(found)


def _texts_folder(seeds: str) -> str | None:
    """The `texts:` folder that sources.yaml names, read from its line without parsing YAML, which costs more than
    the rest (a value on the line itself, quoted or not, before any comment)."""
    try:
        with open(os.path.join(seeds, "sources.yaml"), encoding="utf-8", errors="replace") as file:
            lines = file.read().split("\n")
    except OSError:
        return None
    for line in lines:
        if line.startswith("texts:"):
            value = line[len("texts:"):].split("#", 1)[0].strip()
            if value[:1] in ("'", '"') and value[-1:] == value[:1] and len(value) > 1:
                value = value[1:-1].strip()
            if value and "'" not in value and '"' not in value:
                return os.path.join(seeds, value)
    return None
