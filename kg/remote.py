"""Upload the built dataset to any SPARQL 1.1 Update endpoint, keeping one named graph per source.

Idempotent and safe to re-run: each graph is uploaded in batches into a scratch graph and then moved over
the target in one `MOVE` operation, so readers never see half a graph, an interrupted push leaves the
previous graphs as they were, and a re-run replaces rather than duplicates.
"""

from __future__ import annotations

import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import cast

from rdflib import Dataset, URIRef
from rdflib.plugins.serializers.nt import _nt_row

from kg.credentials import PASSWORD_ENV, shown, tried  # noqa: F401 - kg.remote's names
from kg.credentials import handlers as auth_handlers
from kg.errors import KgError
from kg.rdf import quads

SCRATCH_SUFFIX = "#kg-push-upload"


@dataclass
class PushResult:
    """What a push sent: quads, graphs and HTTP requests."""

    quads: int
    graphs: int
    requests: int


# A batch the endpoint refuses is sent again in halves down to this size, for servers that cap the size of one
# update below kg's batch size (Debian's Virtuoso 7.2: "SP031: The length of generated SQL text has exceeded 10000
# lines of code" for an INSERT DATA of about 1,500 triples).
SMALLEST_SPLIT = 200


class UpdateRefused(KgError):
    """The endpoint answered an update with an HTTP error (its status in .status)."""

    def __init__(self, message: str, status: int):
        super().__init__(message)
        self.status = status


def open_url(url: str, data: bytes, headers: dict[str, str], timeout: float | None):
    """POST data to an endpoint and return the open response (urllib's errors otherwise), answering the server's
    Basic or Digest challenge (Virtuoso's /sparql-auth asks for Digest) with the credentials kg.credentials finds;
    they are never sent in the clear unasked."""
    plain, handlers = auth_handlers(url)
    request = urllib.request.Request(plain, data=data, method="POST", headers=headers)
    if timeout is None:
        return urllib.request.build_opener(*handlers).open(request)  # noqa: S310 - the user named it
    return urllib.request.build_opener(*handlers).open(request, timeout=timeout)  # noqa: S310


def send_update(update_url: str, text: str, timeout: float = 60.0) -> None:
    """POST one SPARQL Update (application/sparql-update); raise KgError on any failure, with the server's words."""
    try:
        with open_url(update_url, text.encode("utf-8"), {"Content-Type": "application/sparql-update; charset=utf-8"},
                      timeout) as response:
            response.read()
    except urllib.error.HTTPError as exc:
        detail = " ".join(exc.read(500).decode("utf-8", "replace").split())
        if exc.code in (401, 403):
            raise UpdateRefused.of("push refused login", exc.code, url=shown(update_url), code=exc.code,
                                   detail=detail, tried=tried(update_url)) from None
        raise UpdateRefused.of("push refused", exc.code, url=shown(update_url), code=exc.code, detail=detail) from None
    except (urllib.error.URLError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        raise KgError.of("push unreachable", url=shown(update_url), reason=str(reason)) from None


def batches(lines: list[str], size: int) -> Iterable[list[str]]:
    for start in range(0, len(lines), size):
        yield lines[start:start + size]


def push(ds: Dataset, update_url: str, batch_size: int = 5000, timeout: float = 60.0,
         progress: Callable[[int], None] | None = None) -> PushResult:
    """Upload every named graph of ds to the endpoint, replacing graphs of the same name, and empty the graphs
    of kg's namespace that ds no longer has.

    progress, if given, is called with the number of quads sent after each batch."""
    by_graph: dict[URIRef, list[str]] = {}
    for s, p, o, g in quads(ds):
        by_graph.setdefault(cast(URIRef, g), []).append(_nt_row((s, p, o)))  # kg keeps every quad in a named graph
    total = requests = 0
    for graph in sorted(by_graph):
        lines = sorted(by_graph[graph])
        scratch = URIRef(str(graph) + SCRATCH_SUFFIX)
        try:
            send_update(update_url, f"DROP SILENT GRAPH <{scratch}>", timeout)
            requests += 1
            for chunk in batches(lines, batch_size):
                requests += insert(update_url, scratch, chunk, timeout)
                total += len(chunk)
                if progress:
                    progress(len(chunk))
            send_update(update_url, f"MOVE SILENT GRAPH <{scratch}> TO GRAPH <{graph}>", timeout)
            requests += 1
        except KgError as exc:
            raise KgError.of("push stopped", error=exc, graph=str(graph), total=total) from None
    send_update(update_url, stale_graphs_update(sorted(by_graph)), timeout)
    return PushResult(quads=total, graphs=len(by_graph), requests=requests + 1)


def insert(update_url: str, graph: URIRef, lines: list[str], timeout: float) -> int:
    """INSERT DATA the N-Triples lines into the graph; a batch the endpoint refuses (other than for credentials) is
    sent again in halves, down to SMALLEST_SPLIT lines (see there). Returns the number of requests sent."""
    try:
        send_update(update_url, f"INSERT DATA {{ GRAPH <{graph}> {{\n{''.join(lines)}}} }}", timeout)
        return 1
    except UpdateRefused as exc:
        if exc.status in (401, 403) or len(lines) <= SMALLEST_SPLIT:
            raise
    half = len(lines) // 2
    return 1 + insert(update_url, graph, lines[:half], timeout) + insert(update_url, graph, lines[half:], timeout)


def stale_graphs_update(graphs: list[URIRef]) -> str:
    """The update that empties kg's graphs the push did not send (a source removed from the seeds, a scratch
    graph an interrupted push left): without it the endpoint would keep answering with their facts."""
    from kg.ontology import GRAPH

    kept = ", ".join(f"<{g}>" for g in graphs) or "<urn:kg:none>"
    return (f"DELETE {{ GRAPH ?g {{ ?s ?p ?o }} }} WHERE {{ GRAPH ?g {{ ?s ?p ?o }} "
            f'FILTER(STRSTARTS(STR(?g), "{GRAPH}") && ?g NOT IN ({kept})) }}')
