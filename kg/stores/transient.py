"""What the kinds built from the seeds on each run (memory, rdflib) share: nothing to load into or save, and
`kg serve` serves the seeds built into a temporary Oxigraph store."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Sequence
from pathlib import Path

from rdflib import Dataset

from kg.errors import KgError
from kg.stores import StoreSpec
from kg.stores.oxigraph import load_oxigraph


class FromSeeds:
    """A kind of store that keeps nothing between runs (subclasses say how its dataset is built: open)."""

    name = ""
    usage = ""
    persistent = False

    def parse(self, address: str, update_url: str | None) -> StoreSpec | None:
        return None if address else StoreSpec(self.name)

    def load(self, spec: StoreSpec, files: Sequence[tuple[Path, str]]) -> int:
        raise KgError.of("store keeps nothing load", kind=spec.kind)

    def save(self, spec: StoreSpec, ds: Dataset) -> int:
        raise KgError.of("store keeps nothing", kind=spec.kind)

    def serve_from(self, spec: StoreSpec, seed_dir: Path) -> tuple[Path, Path | None]:
        from kg.graph import build_dataset
        from kg.seeds import load_seeds
        from kg.serialize import serialize

        cleanup = Path(tempfile.mkdtemp(prefix="kg-serve-"))
        location = cleanup / "store"
        try:
            load_oxigraph(location, [(serialize(build_dataset(load_seeds(seed_dir)), "nquads"), "nquads")])
        except BaseException:
            shutil.rmtree(cleanup, ignore_errors=True)
            raise
        return location, cleanup
