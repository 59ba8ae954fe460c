"""The engine processes behind `kg serve`: each opens the store read-only with pyoxigraph and answers one query at
a time, in a sandbox (kg/sandbox.py) — no network at all (Oxigraph's HTTP client would otherwise call any
SERVICE URL), a memory cap, answers written to a spool file of bounded size. kg/serve.py starts them, gives each
query a deadline, and kills a worker whose query outlives it: that is what stops the work.

A request is (query text, Accept header, default-graph-uri list, named-graph-uri list, spool path); the reply is
("ok", content type) with the answer in the spool file, or ("error", HTTP status, message): the message a kg.text
Phrase, which kg/serve.py shows in the language the request asks for.

Workers are forked by a zygote (`python -m kg.serve_engine`, started once per endpoint with pyoxigraph and
rdflib's parser already imported): a worker killed at its deadline is replaced in milliseconds, not the second
a new Python process needs. The zygote is single-threaded, so forking it is safe; it dies with kg serve, and its
workers die with it (PR_SET_PDEATHSIG).
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import functools
import os
import signal
import socket
import struct
import sys
from multiprocessing.connection import Connection

from kg import sandbox
from kg.query.shape import check_shape
from kg.text import Phrase

#: Answer formats by media type, for solutions (SELECT, ASK) and for graphs (CONSTRUCT, DESCRIBE); the first of
#: each is what a client gets when its Accept header allows anything (or there is none).
SOLUTION_TYPES = ("application/sparql-results+json", "application/sparql-results+xml", "text/csv",
                  "text/tab-separated-values", "application/json", "application/xml")
GRAPH_TYPES = ("text/turtle", "application/n-triples", "application/rdf+xml", "application/ld+json",
               "application/n-quads", "application/trig", "text/plain")


def zygote(control: socket.socket, location: str, max_memory: int | None, max_answer: int) -> None:
    """Fork a worker for each request on the control socket (one byte: its CPU niceness, and the worker's end of
    a socket pair as an SCM_RIGHTS file descriptor); answer with the worker's process id."""
    import pyoxigraph  # noqa: F401  (imported once here, inherited by every worker)
    from rdflib.plugins.sparql.parser import parseQuery  # noqa: F401

    from kg.query import _is_update, find_service, names_dataset  # noqa: F401 (kg.query loads them on first use)

    signal.signal(signal.SIGCHLD, signal.SIG_IGN)  # workers are reaped by the kernel
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is kg serve's to handle
    while True:
        try:
            message, fds, _, _ = socket.recv_fds(control, 1, 1)
        except OSError:
            return
        if not message or not fds:
            return
        pid = os.fork()
        if pid == 0:
            control.close()
            signal.signal(signal.SIGCHLD, signal.SIG_DFL)
            try:
                main(Connection(fds[0]), location, max_memory, max_answer, message[0])
            finally:
                os._exit(0)
        os.close(fds[0])
        control.sendall(struct.pack("!i", pid))


def main(connection, location: str, max_memory: int | None, max_answer: int, nice: int) -> None:
    """The body of one engine worker."""
    _die_with_parent()
    sandbox.leave_network()
    if nice:
        os.nice(nice)
    import pyoxigraph

    store = pyoxigraph.Store.read_only(location)
    sandbox.cap_file_size(max_answer)
    sandbox.cap_memory(max_memory)
    # one engine thread for the worker's life, not one per query: a new 512 MiB stack (and malloc arena) per
    # query kept growing the address space that cap_memory bounds
    sandbox.on_big_stack(functools.partial(_answer_each, connection, store, max_memory, max_answer))


def _answer_each(connection, store, max_memory: int | None, max_answer: int) -> None:
    """Answer requests until kg serve closes the connection."""
    while True:
        try:
            request = connection.recv()
        except (EOFError, OSError, KeyboardInterrupt):
            return
        try:
            reply = answer(store, *request, max_answer=max_answer)
        except MemoryError:
            reply = ("error", 507, sandbox.crash_message(Phrase("endpoint the query"), None, "MemoryError", max_memory))
        connection.send(reply)


def answer(store, text: str, accept: str, default_graphs: list[str], named_graphs: list[str], spool: str, *,
           max_answer: int) -> tuple:
    """Check, run and serialise one query into the spool file."""
    import pyoxigraph as ox

    from kg.errors import QueryError
    from kg.ontology import PREFIXES
    from kg.query import _is_update, find_service, names_dataset

    try:
        check_shape(text, Phrase("endpoint the query"))
        service = find_service(text)
    except QueryError as exc:
        return "error", 400, exc.message if exc.message is not None else str(exc)
    if service is not None:
        return "error", 403, Phrase("endpoint service", service=service)
    try:
        dataset: dict = {"use_default_graph_as_union": not (default_graphs or named_graphs or names_dataset(text))}
        if default_graphs:
            dataset["default_graph"] = [ox.NamedNode(iri) for iri in default_graphs]
        if named_graphs:
            dataset["named_graphs"] = [ox.NamedNode(iri) for iri in named_graphs]
    except ValueError as exc:
        return "error", 400, Phrase("endpoint bad graph IRI", reason=str(exc))
    try:
        result = store.query(text, prefixes={p: str(ns) for p, ns in PREFIXES.items()}, **dataset)
        graph = isinstance(result, ox.QueryTriples)
        media = negotiate(accept, GRAPH_TYPES if graph else SOLUTION_TYPES)
        if media is None:
            offered = ", ".join(GRAPH_TYPES if graph else SOLUTION_TYPES)
            return "error", 406, Phrase("endpoint no format", offered=offered)
        result.serialize(spool, _format(ox, media, graph))
    except SyntaxError as exc:
        if _is_update(text):
            return "error", 403, Phrase("endpoint update refused")
        return "error", 400, Phrase("endpoint syntax error", message=_quoted(exc))
    except OSError as exc:
        if exc.errno == errno.EFBIG or "File too large" in str(exc):
            return "error", 413, Phrase("endpoint answer too big", limit=sandbox.show_size(max_answer))
        if "Network is unreachable" in str(exc) or "no network access" in str(exc):
            return "error", 403, Phrase("endpoint no network")
        return "error", 500, Phrase("endpoint query failed", message=_quoted(exc))
    except (ValueError, TypeError, RuntimeError) as exc:  # Oxigraph's evaluation errors
        return "error", 400, Phrase("endpoint query failed", message=_quoted(exc))
    charset = "; charset=utf-8" if media.startswith("text/") or media.endswith(("+json", "+xml", "json", "xml")) else ""
    return "ok", media + charset


def _quoted(exc: BaseException) -> str:
    """The engine's own message, on one line and at most 500 characters, quoted as it is in either language."""
    return " ".join(str(exc).split())[:500]


def negotiate(accept: str, offered: tuple[str, ...]) -> str | None:
    """The offered media type the Accept header likes best (HTTP: a missing header means anything)."""
    if not accept.strip():
        return offered[0]
    best, best_q = None, 0.0
    for item in accept.split(","):
        media, *params = [part.strip() for part in item.split(";")]
        q = 1.0
        for param in params:
            name, _, value = param.partition("=")
            if name.strip().lower() == "q":
                try:
                    q = float(value)
                except ValueError:
                    q = 0.0
        media = media.lower()
        if media in ("*/*", "application/*", "text/*"):
            kind = media.split("/")[0]
            match = next((o for o in offered if media == "*/*" or o.startswith(kind + "/")), None)
        else:
            match = media if media in offered else None
        if match and q > best_q:
            best, best_q = match, q
    return best


def _format(ox, media: str, graph: bool):
    """pyoxigraph's format for a media type of GRAPH_TYPES (graph) or SOLUTION_TYPES."""
    return (ox.RdfFormat if graph else ox.QueryResultsFormat).from_media_type(media)


def _die_with_parent() -> None:
    """Get SIGKILL when the parent (the fork server, which goes when kg serve goes) dies, even by SIGKILL."""
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL(None).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG


if __name__ == "__main__":  # the zygote: python -m kg.serve_engine FD LOCATION MAX_MEMORY MAX_ANSWER
    _die_with_parent()
    zygote(socket.socket(fileno=int(sys.argv[1])), sys.argv[2], int(sys.argv[3]) or None, int(sys.argv[4]))
