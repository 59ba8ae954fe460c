"""`--store sparql:URL`: any SPARQL 1.1 Protocol endpoint (Oxigraph server, Fuseki, GraphDB, Virtuoso, ...), as it
is configured. kg reads only its own graphs there (EndpointStore), and fills it by SPARQL Update (kg.remote.push):
`kg build --store sparql:URL` and `kg load` go to its update URL ($KG_UPDATE_URL, else the one that goes with
the query URL by the servers' conventions: default_update_url)."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from rdflib import Dataset
from rdflib.plugins.stores.sparqlstore import SPARQLUpdateStore
from rdflib.query import Result

from kg.endpoint_answers import as_standard
from kg.errors import KgError
from kg.ontology import GRAPH
from kg.stores import StoreKind, StoreSpec

UPDATE_URL_ENV = "KG_UPDATE_URL"


class SparqlStore:
    """The kind: queries go to the endpoint, updates to its update URL; `kg serve` refuses it (it is one)."""

    name = "sparql"
    usage = "sparql:http://HOST/QUERY-URL"
    persistent = True

    def parse(self, address: str, update_url: str | None) -> StoreSpec | None:
        if not address.startswith(("http://", "https://")):
            return None
        update = update_url or os.environ.get(UPDATE_URL_ENV) or default_update_url(address)
        return StoreSpec(self.name, address, update)

    def open(self, spec: StoreSpec, seed_dir: Path, check: bool) -> Dataset:
        if check:
            check_default_graph(spec.location)
        return open_sparql(spec)

    def load(self, spec: StoreSpec, files: Sequence[tuple[Path, str]]) -> int:
        from kg.rdfio import read_dataset
        from kg.remote import push

        total = 0
        for path, _ in files:
            total += push(read_dataset(path), spec.update_url).quads
        return total

    def save(self, spec: StoreSpec, ds: Dataset) -> int:
        from kg.remote import push

        return push(ds, spec.update_url).quads

    def serve_from(self, spec: StoreSpec, seed_dir: Path) -> tuple[Path, Path | None]:
        raise KgError.of("sparql serve")


def default_update_url(query_url: str) -> str:
    """The update endpoint that goes with a query endpoint, by the usual conventions of the servers."""
    if query_url.endswith("/query"):
        return query_url[: -len("query")] + "update"  # Oxigraph, Fuseki (/ds/query -> /ds/update)
    if "/repositories/" in query_url:
        return query_url.rstrip("/") + "/statements"  # GraphDB, RDF4J
    return query_url  # Virtuoso's /sparql and QLever take both


def open_sparql(spec: StoreSpec) -> Dataset:
    """A dataset whose queries go to a SPARQL 1.1 endpoint (and updates to its update URL)."""
    return Dataset(store=EndpointStore(spec.location, spec.update_url), default_union=True)


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

        from kg.query.guard import names_dataset

        self._queries += 1
        try:
            # a query that names its own graphs (FROM, FROM NAMED; not the word in a comment or a string) gets
            # no protocol dataset: the protocol's would override it
            dataset = [] if names_dataset(query) else dataset_params(self.kg_graphs, default_graph)
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
    from kg.text import Phrase

    body = error_body(exc)
    hint = tried(url) if exc.code in (401, 403) else Phrase("endpoint check query")
    return QueryError.of("endpoint refused query", url=shown(url), error=str(exc), body=": " + body if body else "",
                         hint=hint)


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
        raise KgError.of("endpoint no graphs", url=shown(url), base=str(GRAPH))
    if ask(url, "ASK { ?s ?p ?o }", timeout, dataset_params(graphs)) is False:
        raise KgError.of("endpoint default graph", url=shown(url))


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


KIND: StoreKind = SparqlStore()  # mypy checks that the class does what StoreKind says
