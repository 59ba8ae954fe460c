"""One benchmark measurement in a process of its own, so its peak memory is its own.

    python benchmarks/measure.py TASK ARGS...   -> prints one JSON object: {"seconds": ..., "peak_mb": ..., ...}

Tasks come in pairs: what kg does, and the same work done directly by pyoxigraph, the reference engine.
run.py calls this for every size and store and writes the tables.
"""

from __future__ import annotations

import json
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def timed(func, *args):
    started = time.perf_counter()
    result = func(*args)
    return time.perf_counter() - started, result


# -- loading ---------------------------------------------------------------------------------------

def load_reference_disk(nquads: str, folder: str):
    import pyoxigraph as ox

    def work():
        store = ox.Store(folder)
        store.bulk_load(path=nquads, format=ox.RdfFormat.N_QUADS)
        store.flush()
        return len(store)
    return timed(work)


def load_kg_oxigraph(nquads: str, folder: str):
    from kg.stores import StoreSpec, load_files

    return timed(load_files, [nquads], StoreSpec("oxigraph", folder))


def load_reference_memory(nquads: str):
    import pyoxigraph as ox

    def work():
        store = ox.Store()
        store.bulk_load(path=nquads, format=ox.RdfFormat.N_QUADS)
        return len(store)
    return timed(work)


def load_kg_memory(nquads: str):
    from kg.rdfio import read_dataset

    # count with the store's own len(), as the reference does (len() of the rdflib wrapper runs a COUNT query)
    return timed(lambda: len(read_dataset(nquads).store._inner))


def load_kg_rdflib(nquads: str):
    from rdflib import Dataset

    def work():
        ds = Dataset(default_union=True)
        ds.parse(nquads, format="nquads")
        return len(ds)
    return timed(work)


# -- querying --------------------------------------------------------------------------------------

def _named_queries():
    from kg import query

    return [q.name for q in query.list_queries()]


class _Recording:
    """A dataset wrapper that remembers the last SPARQL text sent (the named query with its VALUES row),
    so the reference engine can run exactly what kg ran."""

    def __init__(self, ds):
        self.ds = ds
        self.last = None

    def query(self, text, initNs=None, **kwargs):  # noqa: N803 - rdflib's name
        self.last = (text, dict(initNs or {}))
        return self.ds.query(text, initNs=initNs, **kwargs)


def _kg_texts(graph) -> dict:
    """Each named query's full text and prefixes, as kg sends them to the engine (default parameters)."""
    from kg import query

    texts = {}
    for name in _named_queries():
        recorder = _Recording(graph)
        query.run_query(recorder, name)
        texts[name] = recorder.last
    return texts


def _best(func, repeat: int) -> float:
    best = None
    for _ in range(repeat):
        started = time.perf_counter()
        func()
        elapsed = time.perf_counter() - started
        best = elapsed if best is None else min(best, elapsed)
    return best


def query_reference(folder_or_file: str, repeat: str = "3"):
    """Every named query's SPARQL, exactly as kg sends it, run directly by pyoxigraph (best of N)."""
    import pyoxigraph as ox

    from kg.rdf import oxigraph_dataset

    if Path(folder_or_file).is_dir():
        store = ox.Store.read_only(folder_or_file)
    else:
        store = ox.Store()
        store.bulk_load(path=folder_or_file, format=ox.RdfFormat.N_QUADS)
    texts = _kg_texts(oxigraph_dataset(store))

    def run(text, prefixes):
        result = store.query(text, prefixes=prefixes, use_default_graph_as_union=True)
        return list(result) if isinstance(result, ox.QuerySolutions) else result

    times = {name: _best(lambda name=name: run(*texts[name]), int(repeat)) for name in texts}
    return sum(times.values()), times


def query_kg(store_spec: str, data: str, repeat: str = "3"):
    """Every named query through kg's own query function on a store (best of N), rows converted to
    Python values as `kg query` gives them."""
    from kg import query
    from kg.rdfio import read_dataset
    from kg.stores import open_dataset, parse_store

    spec = parse_store(store_spec)
    if spec.kind == "memory":
        graph = read_dataset(data)
    elif spec.kind == "rdflib":
        from rdflib import Dataset

        graph = Dataset(default_union=True)
        graph.parse(data, format="nquads")
    else:
        graph = open_dataset(spec)
    times = {name: _best(lambda name=name: query.run_query(graph, name).rows, int(repeat))
             for name in _named_queries()}
    return sum(times.values()), times


# -- export and view -------------------------------------------------------------------------------

def export_kg(folder: str, out: str, fmt: str = "nquads"):
    from kg.serialize import export
    from kg.stores.oxigraph import open_oxigraph

    ds = open_oxigraph(folder)
    return timed(lambda: len(export(ds, fmt, out)))


def dump_reference(folder: str, out: str, fmt: str = "nquads"):
    import pyoxigraph as ox

    formats = {"nquads": ox.RdfFormat.N_QUADS, "turtle": ox.RdfFormat.TURTLE}

    def work():
        store = ox.Store.read_only(folder)
        if fmt == "turtle":  # Turtle holds triples: the union of the graphs, as kg export writes it
            ox.serialize((q.triple for q in store), output=out, format=formats[fmt])
        else:
            store.dump(output=out, format=formats[fmt])
        return Path(out).stat().st_size
    return timed(work)


def view_kg(folder: str, out: str, focus: str):
    from kg import api
    from kg.stores.oxigraph import open_oxigraph

    ds = open_oxigraph(folder)

    def work():
        G = api.partnership_network(ds, focus=focus, depth=1)
        api.write_view(G, out)
        return G.number_of_nodes()
    return timed(work)


TASKS = {name: func for name, func in globals().items()
         if callable(func) and name.startswith(("load_", "query_", "export_", "dump_", "view_"))}


def main() -> None:
    task, *args = sys.argv[1:]
    seconds, result = TASKS[task.replace("-", "_")](*args)
    out = {"task": task, "seconds": seconds, "peak_mb": peak_mb()}
    if isinstance(result, dict):
        out["detail"] = result
    else:
        out["result"] = result
    print(json.dumps(out))


if __name__ == "__main__":
    main()
