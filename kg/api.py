"""The public entry points, one per CLI command, so everything the CLI does can be done from Python.

    >>> import kg
    >>> ds = kg.build_graph("seeds")            # check the seeds and build the dataset
    >>> kg.validate(ds).conforms
    True
    >>> turtle = kg.export(ds, "turtle")        # or kg.export(ds, "turtle", "out/partnerships.ttl")
    >>> turtle.startswith(b"@prefix")
    True
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from rdflib import Dataset, Graph

from kg.errors import ValidationError
from kg.graph import build_dataset, graph_count, triple_count, union_graph

# SPARQL queries (`kg query`, `kg queries`) are re-exported as they are. The named-query function is
# run_query, not query: kg.query is the module.
from kg.query import (
    NamedQuery,
    QueryResult,
    get_query,
    list_queries,
    run_query,
    sparql,
    sparql_file,
)
from kg.rdf import inner_store
from kg.seeds import Seeds, load_seeds
from kg.serialize import export
from kg.shapes import Report, validate_graph, validate_store

DEFAULT_GRAPH_FILE = Path("out") / "graph.nq"


@dataclass
class BuildResult:
    """What `kg build` did: the counts loaded, the dataset, the validation report and the file written."""

    seeds: Seeds
    dataset: Dataset
    report: Report | None
    output: Path | None
    stored: tuple[str, int] | None = None  # (store, quads) when --store named a persistent store

    def summary(self) -> dict:
        counts = self.seeds.summary()
        counts["triples"] = triple_count(self.dataset)
        counts["graphs"] = graph_count(self.dataset)
        return counts


def build_graph(seed_dir: str | Path = "seeds") -> Dataset:
    """Check the seed files and build the dataset (raises SeedError listing every problem)."""
    return build_dataset(load_seeds(seed_dir))


def origins(seeds: Seeds) -> dict[str, str]:
    """Where each id is defined, as 'file:line', so validation reports point into the seed files."""
    out = {}
    for records in (seeds.sources, seeds.entities, seeds.facts):
        for ident, record in records.items():
            out[ident] = f"{record.file}:{record.line}"
    return out


def build(seed_dir: str | Path = "seeds", output: str | Path | None = DEFAULT_GRAPH_FILE,
          check_shapes: bool = True, store: str | None = None) -> BuildResult:
    """`kg build`: check the seeds, build the dataset, validate it, write it as N-Quads, and load it into a
    persistent store when one is named (oxigraph:PATH, sparql:URL).

    Nothing is written unless every step before succeeds; files and stores are replaced atomically."""
    from kg.stores import parse_store, save_dataset

    spec = parse_store(store) if store else None
    seeds = load_seeds(seed_dir)
    ds = build_dataset(seeds, store="Oxigraph")
    report = None
    if check_shapes:
        report = validate_store(inner_store(ds), origins(seeds))  # the shapes as SPARQL (kg.shapes_sparql)
        if not report.conforms:
            raise ValidationError(report.text())
    written = None
    if output is not None:
        export(ds, "nquads", output)
        written = Path(output)
    stored = None
    if spec is not None and spec.persistent:
        stored = (str(spec), save_dataset(ds, spec))
    return BuildResult(seeds, ds, report, written, stored)


def open_graph(seed_dir: str | Path = "seeds", graph_file: str | Path | None = None,
               store: str | None = None, check: bool = True) -> Dataset:
    """The graph a reading command reads: an RDF file if given, else the store (--store / $KG_STORE; by
    default the seeds built into Oxigraph in memory). See kg.stores.open_dataset for `check`."""
    from kg.stores import open_dataset

    if graph_file is not None:
        return read_graph(graph_file)
    return open_dataset(store, seed_dir, check)


query_dataset = open_graph  # the name part 2 published


def validate(graph: Dataset | Graph, seeds: Seeds | None = None) -> Report:
    """`kg validate`: check a dataset or graph against the SHACL shapes."""
    data = union_graph(graph) if isinstance(graph, Dataset) else graph
    return validate_graph(data, origins(seeds) if seeds else None)


def read_graph(path: str | Path) -> Dataset:
    """Read an RDF file the user gives (Turtle, TriG, N-Triples, N-Quads, JSON-LD, RDF/XML) into a dataset,
    with Oxigraph's parsers: nothing is fetched, no DTD is expanded (see kg.rdfio)."""
    from kg.rdfio import read_dataset

    return read_dataset(path)


# ------------------------------------------------------------------ the partnership network (kg/network.py, kg/view.py)
# (Not named `network` and `view`: those names are the modules kg.network and kg.view.)


def open_data(data: str | Path | Dataset | Graph = "seeds") -> Dataset | Graph:
    """A graph to read the network from: a dataset as is, a seed folder (built in Oxigraph, which answers the
    network's SPARQL fast), or an RDF file such as the out/graph.nq that `kg build` writes."""
    if isinstance(data, (Dataset, Graph)):
        return data
    path = Path(data)
    if path.is_dir():
        return build_dataset(load_seeds(path), store="Oxigraph")
    return read_graph(path)


def partnership_network(data: str | Path | Dataset | Graph = "seeds", *, kinds=None, include=(), hubs: bool = False,
                        source: str | None = None, focus: str | None = None, depth: int = 1, lang: str = "en"):
    """`kg view`'s network: who partners with whom (networkx MultiGraph), optionally filtered by relation kind,
    source and focus (the ego network of an organisation, `depth` links deep). See kg.network.project."""
    from kg import network

    G = network.project(open_data(data), kinds=kinds, include=include, hubs=hubs, source=source, lang=lang)
    return network.ego(G, focus, depth) if focus else G


def write_view(G, output: str | Path, lang: str = "en", flt=None) -> Path:
    """`kg view`: write the network as one self-contained, offline HTML page; `flt` (a linkfilter.LinkFilter)
    pre-sets its status and date filters."""
    from kg import view as page

    return page.write(G, output, lang, flt=flt)


def stats(G, top: int = 10):
    """`kg stats`: counts, the most central organisations (degree, betweenness) and the clusters."""
    from kg import network

    return network.stats(G, top)


def paths(G, a: str, b: str, limit: int = 10, lang: str = "en"):
    """`kg path`: the shortest chains of partnerships between two organisations (ids or labels); lang: the
    language of the error messages."""
    from kg import network

    return network.paths(G, a, b, limit, lang)


def neighbors(G, name: str):
    """`kg neighbors`: an organisation's direct partners with the relations behind each."""
    from kg import network

    return network.neighbors(G, name)


# ------------------------------------------------------------------ provenance (kg/provenance.py, kg/conflicts.py)


def explain(graph, name: str, lang: str = "en"):
    """`kg explain NAME`: every claim about an entity, each with its sources (see kg.provenance)."""
    from kg.provenance import explain as _explain

    return _explain(graph, name, lang)


def claims_of_source(graph, source: str, lang: str = "en"):
    """`kg explain --source ID`: every fact that cites a source."""
    from kg.provenance import claims_of_source as _claims

    return _claims(graph, source, lang)


def sources(graph, lang: str = "en"):
    """`kg sources`: the source registry, with how many facts each source supports."""
    from kg.provenance import sources as _sources

    return _sources(graph, lang)


def find_conflicts(graph, lang: str = "en"):
    """`kg conflicts` (not named `conflicts`: that is the module kg.conflicts): where sources disagree, and per
    source whether the shares add up to the total."""
    from kg.conflicts import conflicts as _conflicts

    return _conflicts(graph, lang)


def new_source(seed_dir: str | Path, ident: str, **fields):
    """`kg new-source`: register an article in sources.yaml and start its fact file (see kg.scaffold)."""
    from kg.scaffold import new_source as _new_source

    return _new_source(seed_dir, ident, **fields)


def entities(seed_dir: str | Path = "seeds", name: str | None = None, lang: str = "en"):
    """`kg entities [NAME]`: the registry's entities whose id, label or alias (either language) is or contains
    NAME, each with its type, labels and how many facts and sources cite it (see kg.registry)."""
    from kg.registry import search

    return search(seed_dir, name, lang)


def new_entity(seed_dir: str | Path, ident: str, etype: str, en: str, ko: str, aliases: tuple[str, ...] = (),
               lang: str = "en"):
    """`kg new-entity`: append an entity to entities.yaml, checked as kg build checks it; returns the file and
    the line of the new entry."""
    from kg.registry import new_entity as _new_entity

    return _new_entity(seed_dir, ident, etype, en, ko, aliases, lang)


def draft_article(article: str | Path, seed_dir: str | Path = "seeds", source: str = "", **options):
    """`kg draft` (kg.draft is the package): propose sourced facts from a saved article as a fact file marked
    for review."""
    from kg.draft.run import draft as _draft

    return _draft(article, seed_dir, source, **options)


# ------------------------------------------------------------------ stores (kg/stores/, kg/remote.py, kg/serve.py)


def load(paths, store: str):
    """`kg load`: replace a persistent store's content by RDF files (Oxigraph's bulk loader); returns quads."""
    from kg.stores import load_files, parse_store

    return load_files(list(paths), parse_store(store))


def push(graph, update_url: str, batch_size: int = 5000, progress=None):
    """`kg push --to URL`: upload the graph to a SPARQL 1.1 Update endpoint, one named graph per source,
    replacing graphs of the same name (re-runs never duplicate)."""
    from kg.remote import push as _push

    return _push(graph, update_url, batch_size=batch_size, progress=progress)


def serve_endpoint(store: str | None = None, seed_dir: str | Path = "seeds", host: str = "127.0.0.1",
                   port: int = 8000, timeout: float = 30.0, max_memory: int | None = 1 << 30,
                   cors: tuple[str, ...] = (), public_url: str | None = None):
    """`kg serve` (kg.serve is the module): a read-only SPARQL endpoint; use it as
    `with kg.serve_endpoint() as endpoint: ...` and query endpoint.url + "/query". `cors`: the origins whose
    pages may read answers ("*": any; none by default); `public_url`: /query as clients reach it behind a proxy."""
    from kg.serve import serve as _serve
    from kg.serve_cors import check_origins, check_public_url
    from kg.stores import parse_store

    cors = check_origins(cors)  # before a store is built for nothing
    if public_url:
        check_public_url(public_url)
    return _serve(parse_store(store), seed_dir, host, port, timeout, max_memory).allow(cors, public_url)


__all__ = ["BuildResult", "build", "build_graph", "validate", "export", "read_graph", "load_seeds",
           "DEFAULT_GRAPH_FILE", "partnership_network", "write_view", "stats", "paths", "neighbors",
           "run_query", "sparql", "sparql_file", "list_queries", "get_query", "query_dataset", "QueryResult",
           "NamedQuery", "open_graph", "explain", "claims_of_source", "sources", "find_conflicts", "new_source",
           "entities", "new_entity", "draft_article", "load", "push", "serve_endpoint"]
