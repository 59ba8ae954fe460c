"""Where the graph lives, behind one rdflib Dataset API: in memory, on disk, or on a SPARQL 1.1 endpoint.

    memory          Oxigraph in memory through oxrdflib (the default): built from the seeds on each run
    rdflib          rdflib's own pure-Python store and engine, kept for comparison (100-2000x slower)
    oxigraph:PATH   a persistent Oxigraph store (RocksDB) that `kg build --store oxigraph:PATH` fills once;
                    later commands read it without parsing anything
    sparql:URL      any SPARQL 1.1 Protocol endpoint (Oxigraph server, Fuseki, GraphDB, Virtuoso, ...), as it
                    is configured: kg reads only its own graphs there (see EndpointStore)

Every reader sees the union of kg's named graphs as its default graph. Never a home-made store: the
engines are Oxigraph's and rdflib's (and the endpoint's).
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from rdflib import Dataset
from rdflib.plugins.stores.sparqlstore import SPARQLUpdateStore
from rdflib.query import Result

from kg.endpoint_answers import as_standard
from kg.errors import KgError
from kg.ontology import GRAPH
from kg.oxstore import (  # noqa: F401 - kg.store is where callers and tests find them
    load_oxigraph,
    open_oxigraph,
    oxigraph_dataset,
    recover,
    writer_lock,
)

STORE_ENV = "KG_STORE"
UPDATE_URL_ENV = "KG_UPDATE_URL"
KINDS = ("memory", "rdflib", "oxigraph", "sparql")


@dataclass(frozen=True)
class StoreSpec:
    """A parsed --store value."""

    kind: str
    location: str = ""      # the folder of an oxigraph store, the query URL of an endpoint
    update_url: str = ""    # for sparql: where SPARQL Update goes

    def __str__(self) -> str:
        return f"{self.kind}:{self.location}" if self.location else self.kind

    @property
    def persistent(self) -> bool:
        return self.kind in ("oxigraph", "sparql")


def default_update_url(query_url: str) -> str:
    """The update endpoint that goes with a query endpoint, by the usual conventions of the servers."""
    if query_url.endswith("/query"):
        return query_url[: -len("query")] + "update"  # Oxigraph, Fuseki (/ds/query -> /ds/update)
    if "/repositories/" in query_url:
        return query_url.rstrip("/") + "/statements"  # GraphDB, RDF4J
    return query_url  # Virtuoso's /sparql and QLever take both


def parse_store(text: str | None, update_url: str | None = None) -> StoreSpec:
    """Parse 'memory', 'rdflib', 'oxigraph:PATH' or 'sparql:URL' (also from $KG_STORE)."""
    text = (text or os.environ.get(STORE_ENV) or "memory").strip()
    kind, _, rest = text.partition(":")
    if kind in ("memory", "rdflib") and not rest:
        return StoreSpec(kind)
    if kind == "oxigraph" and rest:
        return StoreSpec(kind, rest)
    if kind == "sparql" and rest.startswith(("http://", "https://")):
        update = update_url or os.environ.get(UPDATE_URL_ENV) or default_update_url(rest)
        return StoreSpec(kind, rest, update)
    raise KgError(f"unknown store '{text}' — use memory, rdflib, oxigraph:PATH or sparql:http://HOST/QUERY-URL")


def open_sparql(spec: StoreSpec) -> Dataset:
    """A dataset whose queries go to a SPARQL 1.1 endpoint (and updates to its update URL)."""
    return Dataset(store=EndpointStore(spec.location, spec.update_url), default_union=True)


# A query that names its own graphs (FROM, FROM NAMED) gets no protocol dataset: the protocol's would override it.
_OWN_DATASET = re.compile(r"\bFROM\s+(?:NAMED\s+)?(?:<|[A-Za-z_][\w.-]*:|:)", re.IGNORECASE)


class EndpointStore(SPARQLUpdateStore):
    """rdflib's SPARQL store with two changes. Every query reads exactly kg's graphs: those under kg's graph
    namespace (kg push owns them), sent as the SPARQL 1.1 Protocol's default-graph-uri and named-graph-uri, so the
    answer is the same whether the server's default graph is the union of its graphs (Oxigraph with
    --union-default-graph), none of them (plain `oxigraph serve`, a default Fuseki) or that union plus its own
    system graphs (Virtuoso). The graphs are listed at the first query, so that a query kg refuses sends nothing.
    The endpoint's credentials come from $KG_PASSWORD or ~/.netrc (kg.credentials). A query refused as bad
    (HTTP 400) answers (status, message, None) as rdflib's store does, and kg.query shows the line and column of a
    syntax error, or the server's reason; any other refusal is a QueryError with the server's own words, for kg's
    internal queries too."""

    def __init__(self, query_url: str, update_url: str):
        super().__init__(query_endpoint=query_url, update_endpoint=update_url, returnFormat="json",
                         method="POST_FORM", autocommit=True)
        self._graphs: list[str] | None = None

    @property
    def _url(self) -> str:
        assert self.query_endpoint is not None  # set by __init__ (rdflib allows None: a store not yet opened)
        return self.query_endpoint

    @property
    def kg_graphs(self) -> list[str]:
        if self._graphs is None:
            self._graphs = kg_graphs(self._url, timeout=None)
        return self._graphs

    def _query(self, query: str, default_graph: str | None = None, named_graph: str | None = None) -> Result:
        import urllib.error
        from io import BytesIO

        self._queries += 1
        try:
            dataset = [] if _OWN_DATASET.search(query) else dataset_params(self.kg_graphs, default_graph)
            with post_query(self._url, query, None, dataset, self.response_mime_types()) as response:
                body = response.read()
                content_type = (response.headers.get("Content-Type") or "").split(";")[0].strip()
        except urllib.error.HTTPError as exc:
            if exc.code == 400:  # as rdflib's store answers: kg.query then shows a syntax error's line and column
                return exc.code, str(exc), None  # type: ignore[return-value]
            raise refused(self._url, exc) from None
        return as_standard(Result.parse(BytesIO(body), content_type=content_type), query)


def refused(url: str, exc) -> KgError:
    """QueryError for an endpoint's HTTP error answer to a query, in the server's own words (Virtuoso: 'SQ200: No
    column lang'), with a hint on credentials for 401 and 403."""
    from kg.errors import QueryError
    from kg.remote import shown, tried

    body = error_body(exc)
    hint = tried(url) if exc.code in (401, 403) else "check the query and the endpoint"
    return QueryError(f"{shown(url)}: the endpoint refused the query ({exc}{': ' + body if body else ''}) — {hint}")


def dataset_params(graphs: list[str], default: str | None = None) -> list[tuple[str, str]]:
    """The SPARQL Protocol parameters that make a query's dataset kg's graphs: their merge as default graph (or the
    one graph rdflib asks for), and each as a named graph. With none of kg's graphs there, the dataset is empty
    (the graph namespace itself names no graph), so that the server's own graphs never show."""
    named = graphs or [str(GRAPH)]
    defaults = [str(default)] if default is not None else named
    return [("default-graph-uri", g) for g in defaults] + [("named-graph-uri", g) for g in named]


def kg_graphs(url: str, timeout: float | None = 10.0) -> list[str]:
    """The names of kg's graphs on an endpoint (under kg's graph namespace, not the scratch graphs of a push that
    was interrupted), sorted; urllib's errors if it does not answer."""
    import json

    from kg.remote import SCRATCH_SUFFIX

    text = f'SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ ?s ?p ?o }} FILTER(STRSTARTS(STR(?g), "{GRAPH}")) }}'
    with post_query(url, text, timeout) as response:
        answer = json.loads(response.read())
    names = {row["g"]["value"] for row in answer["results"]["bindings"] if "g" in row}
    return sorted(name for name in names if not name.endswith(SCRATCH_SUFFIX))


def open_dataset(spec: StoreSpec | str | None = None, seed_dir: str | Path = "seeds", check: bool = True) -> Dataset:
    """The graph to read: built from the seeds for memory and rdflib, opened for the persistent stores. An
    endpoint is asked first whether its default graph holds the data (check_default_graph), unless not `check`
    (`kg query` asks only when an answer is empty, so that a refused query sends nothing)."""
    from kg.graph import build_dataset
    from kg.seeds import load_seeds

    spec = spec if isinstance(spec, StoreSpec) else parse_store(spec)
    if spec.kind == "memory":
        from kg.cache import seeds_dataset

        return seeds_dataset(seed_dir)  # built once, then kept on disk until an input changes
    if spec.kind == "rdflib":
        return build_dataset(load_seeds(seed_dir), store="default")
    if spec.kind == "oxigraph":
        return open_oxigraph(spec.location)
    if check:
        check_default_graph(spec.location)
    return open_sparql(spec)


def check_default_graph(url: str, timeout: float = 10.0) -> None:
    """Say so (KgError) when an endpoint would answer every query with nothing — `kg conflicts --strict` would pass
    on no data: it holds none of kg's graphs, or it ignores the protocol's default-graph-uri, by which kg makes its
    graphs the default graph (EndpointStore). An endpoint that gives no plain answer in time is left to the query
    itself, which reports what goes wrong."""
    from kg.remote import shown

    try:
        graphs = kg_graphs(url, timeout)
    except (OSError, ValueError, KeyError, TypeError):
        return
    if not graphs:
        raise KgError(f"{shown(url)}: the endpoint holds none of kg's graphs (named graphs under {GRAPH}) — upload "
                      "the graph first with: kg push --to UPDATE-URL (its SPARQL Update URL)")
    if ask(url, "ASK { ?s ?p ?o }", timeout, dataset_params(graphs)) is False:
        raise KgError(f"{shown(url)}: the endpoint ignores the SPARQL Protocol's default-graph-uri parameter, by which "
                      "kg reads its own graphs as one default graph, and the endpoint's default graph is empty — "
                      "make the default graph the union of the named graphs (Oxigraph: --union-default-graph; "
                      "Fuseki: tdb2:unionDefaultGraph true)")


def post_query(url: str, text: str, timeout: float | None, dataset: Sequence[tuple[str, str]] = (),
               accept: str = "application/sparql-results+json"):
    """POST a query as a form to an endpoint (the URL the user named, with its credentials: kg.remote.open_url),
    with the protocol's dataset parameters; the open response, or urllib's errors."""
    import urllib.parse

    from kg.remote import open_url

    form = urllib.parse.urlencode([("query", text), *dataset]).encode()
    return open_url(url, form, {"Content-Type": "application/x-www-form-urlencoded", "Accept": accept}, timeout)


def ask(url: str, text: str, timeout: float, dataset: Sequence[tuple[str, str]] = ()) -> bool | None:
    """An ASK query's answer from an endpoint, or None if it gave none in time."""
    import json

    try:
        with post_query(url, text, timeout, dataset) as response:
            answer = json.loads(response.read(1 << 16))
    except (OSError, ValueError):
        return None
    return answer.get("boolean") if isinstance(answer, dict) and isinstance(answer.get("boolean"), bool) else None


def error_body(exc: Exception) -> str:
    """The body of an HTTP error answer, on one line and cut short (Virtuoso explains a refused query there)."""
    try:
        return " ".join(exc.read(600).decode("utf-8", "replace").split())[:400] if hasattr(exc, "read") else ""
    except Exception:
        return ""


def http_detail(exc: Exception) -> str:
    """An HTTP error with the server's own message."""
    body = error_body(exc)
    return f"{exc}: {body}" if body else str(exc)


def load_files(paths: list[str | Path], spec: StoreSpec) -> int:
    """`kg load`: replace a persistent store's content by RDF files, parsed by Oxigraph (safely, see
    kg.rdfio). Returns the number of quads loaded."""
    from kg.rdfio import check_file, read_dataset

    checked = [check_file(p) for p in paths]  # every file is checked before anything is loaded
    if spec.kind == "oxigraph":
        return load_oxigraph(spec.location, checked)
    if spec.kind == "sparql":
        from kg.remote import push

        total = 0
        for path, _ in checked:
            total += push(read_dataset(path), spec.update_url).quads
        return total
    raise KgError(f"the {spec.kind} store keeps nothing between runs — load into --store oxigraph:PATH or sparql:URL")


def save_dataset(ds: Dataset, spec: StoreSpec) -> int:
    """Write a built dataset into a persistent store (replacing what was there); returns quads written."""
    from kg.serialize import serialize

    if spec.kind == "oxigraph":
        return load_oxigraph(spec.location, [(serialize(ds, "nquads"), "nquads")])
    if spec.kind == "sparql":
        from kg.remote import push

        return push(ds, spec.update_url).quads
    raise KgError(f"the {spec.kind} store keeps nothing between runs — use --store oxigraph:PATH or sparql:URL")
