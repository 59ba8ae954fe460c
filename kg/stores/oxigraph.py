"""`--store oxigraph:PATH`, the on-disk Oxigraph store: open it, replace its content safely (built beside, swapped
in by rename, one writer at a time), and tidy up after a killed load. kg.cache keeps its builds in such stores, and
`kg serve` serves one."""

from __future__ import annotations

import contextlib
import fcntl
import glob
import os
import re
import shutil
import tempfile
from collections.abc import Sequence
from contextlib import contextmanager
from pathlib import Path

from rdflib import Dataset

from kg.errors import KgError
from kg.rdf import oxigraph_dataset
from kg.stores import StoreKind, StoreSpec


class OxigraphStore:
    """The kind: a folder that `kg build --store` and `kg load` replace whole and readers open read-only."""

    name = "oxigraph"
    usage = "oxigraph:PATH"
    persistent = True

    def parse(self, address: str, update_url: str | None) -> StoreSpec | None:
        return StoreSpec(self.name, address) if address else None

    def open(self, spec: StoreSpec, seed_dir: Path, check: bool) -> Dataset:
        return open_oxigraph(spec.location)

    def load(self, spec: StoreSpec, files: Sequence[tuple[Path, str]]) -> int:
        return load_oxigraph(spec.location, files)

    def save(self, spec: StoreSpec, ds: Dataset) -> int:
        from kg.serialize import serialize

        return load_oxigraph(spec.location, [(serialize(ds, "nquads"), "nquads")])

    def serve_from(self, spec: StoreSpec, seed_dir: Path) -> tuple[Path, Path | None]:
        location = Path(spec.location)
        if not (location / "CURRENT").is_file():
            raise KgError.of("oxigraph none", path=str(location))
        return location, None


def open_oxigraph(path: str | Path, read_only: bool = True) -> Dataset:
    """A dataset over an on-disk Oxigraph store. Readers open it read-only, so several can share it."""
    import pyoxigraph

    path = Path(path)
    if not (path / "CURRENT").is_file() and path.parent.is_dir():
        with contextlib.suppress(OSError):
            recover(path)  # a load killed half-way through its swap leaves the store beside its place
    if not (path / "CURRENT").is_file():
        raise KgError.of("oxigraph none", path=str(path))
    try:
        store = pyoxigraph.Store.read_only(str(path)) if read_only else pyoxigraph.Store(str(path))
    except OSError as exc:
        raise KgError.of("oxigraph open", path=str(path), reason=str(exc)) from None
    return oxigraph_dataset(store)


def load_oxigraph(path: str | Path, sources: Sequence[tuple[bytes | Path, str]]) -> int:
    """Replace the store at path by the given RDF inputs, loaded with Oxigraph's parallel bulk loader.

    The new store is built in a fresh folder beside the old one and swapped in by renames, so a killed
    load leaves the previous store intact and a re-run starts clean (nothing is loaded twice); the re-run
    also removes what the killed one left (see recover).
    sources: (bytes or file path, format name as in kg.rdfformats). Returns the number of quads.
    One writer at a time per store (writer_lock): a second one stops at once with a message that says so."""
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise _write_error(path, exc) from None
    with writer_lock(path):
        return _load_locked(path, sources)


def _load_locked(path: Path, sources: Sequence[tuple[bytes | Path, str]]) -> int:
    import pyoxigraph

    from kg.rdfio import oxigraph_format, parse_error

    try:
        recover(path)
        fresh = Path(tempfile.mkdtemp(prefix=f".{path.name}.new-{os.getpid()}-", dir=path.parent))
    except OSError as exc:
        raise _write_error(path, exc) from None
    try:
        store = pyoxigraph.Store(str(fresh))
        for data, fmt in sources:
            kwargs = {"path": str(data)} if isinstance(data, Path) else {"input": data}
            try:
                store.bulk_load(format=oxigraph_format(fmt), **kwargs)
            except (SyntaxError, ValueError, MemoryError) as exc:
                raise parse_error(data if isinstance(data, Path) else Path("<data>"), fmt, exc) from None
        store.flush()
        count = len(store)
        del store
        _swap_in(fresh, path)
    except BaseException as exc:
        shutil.rmtree(fresh, ignore_errors=True)
        if isinstance(exc, OSError):
            raise _write_error(path, exc) from None
        raise
    return count


@contextmanager
def writer_lock(path: Path):
    """Hold `.NAME.lock` beside the store (fcntl.flock) while a load writes it; raise KgError if another process
    holds it. The file is removed on the way out; a writer that opened it just before its removal sees that the
    name no longer leads to the file it locked and takes the new one instead."""
    lock = path.with_name(f".{path.name}.lock")
    while True:
        try:
            fd = os.open(lock, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as exc:
            raise _write_error(path, exc) from None
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            raise KgError.of("oxigraph busy", path=str(path)) from None
        try:
            if os.fstat(fd).st_ino == os.stat(lock).st_ino:
                break
        except FileNotFoundError:
            pass
        os.close(fd)
    try:
        yield
    finally:
        try:
            os.unlink(lock)  # still held: nobody can lock the file being removed and think it has the store
        finally:
            os.close(fd)


def _write_error(path: Path, exc: OSError) -> KgError:
    from kg.errors import WriteError

    return WriteError.of("oxigraph write", path=str(path), reason=str(exc.strerror or exc))


def recover(path: Path) -> None:
    """Tidy up after a load of the store at path that was killed: remove the half-built folders of
    processes that no longer run, and put the previous store back if the kill came between the two
    renames of _swap_in (the store moved aside, the new one not yet in place)."""
    from kg.serialize import process_running

    pattern = re.compile(rf"\.{re.escape(path.name)}\.(new|old)-(\d+)(-.*)?")
    for leftover in sorted(path.parent.glob(f".{glob.escape(path.name)}.*-*")):
        match = pattern.fullmatch(leftover.name)
        if not match or process_running(int(match[2])):
            continue
        if match[1] == "old" and not path.exists():
            os.replace(leftover, path)
        else:
            shutil.rmtree(leftover, ignore_errors=True)


def _swap_in(fresh: Path, path: Path) -> None:
    old = None
    if path.exists():
        if not (path / "CURRENT").is_file() and any(path.iterdir()):
            raise KgError.of("oxigraph not a store", path=str(path))
        old = path.with_name(f".{path.name}.old-{os.getpid()}")
        os.replace(path, old)
    os.replace(fresh, path)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


KIND: StoreKind = OxigraphStore()  # mypy checks that the class does what StoreKind says
