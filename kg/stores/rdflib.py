"""`--store rdflib`: the seeds built into rdflib's own pure-Python store, queried by rdflib's engine — kept for
comparison (100-2000x slower than Oxigraph)."""

from __future__ import annotations

from pathlib import Path

from rdflib import Dataset

from kg.stores import StoreKind, StoreSpec
from kg.stores.transient import FromSeeds


class RdflibStore(FromSeeds):
    name = usage = "rdflib"

    def open(self, spec: StoreSpec, seed_dir: Path, check: bool) -> Dataset:
        from kg.graph import build_dataset
        from kg.seeds import load_seeds

        return build_dataset(load_seeds(seed_dir), store="default")


KIND: StoreKind = RdflibStore()  # mypy checks that the class does what StoreKind says
