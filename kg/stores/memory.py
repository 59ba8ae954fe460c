"""`--store memory` (the default): the seeds built into Oxigraph in memory, from the build cache when it holds
this build (kg.cache)."""

from __future__ import annotations

from pathlib import Path

from rdflib import Dataset

from kg.stores import StoreKind, StoreSpec
from kg.stores.transient import FromSeeds


class MemoryStore(FromSeeds):
    name = usage = "memory"

    def open(self, spec: StoreSpec, seed_dir: Path, check: bool) -> Dataset:
        from kg.cache import seeds_dataset

        return seeds_dataset(seed_dir)  # built once, then kept on disk until an input changes


KIND: StoreKind = MemoryStore()  # mypy checks that the class does what StoreKind says
