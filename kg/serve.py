"""`kg serve`: a read-only SPARQL 1.1 Protocol endpoint on loopback, with a query page for people.

What a maintainer of a public endpoint expects, and how it is kept:

- **No requests to elsewhere.** Queries are run by kg's own engine processes (kg/serve_engine.py), pyoxigraph
  over the store opened read-only, each in a network namespace with no route anywhere (kg/sandbox.py): a
  SERVICE the checks miss still cannot reach a host. SERVICE is refused (403) before it runs; nothing but the
  one query kg read from the request reaches an engine. There is no engine port to leak.
- **Read-only.** SPARQL Update and the Graph Store Protocol are refused (403).
- **Time limits that stop the work.** Every query has a deadline (--timeout), counted from its arrival; a
  worker whose query outlives it is killed (SIGKILL) and replaced, so a 503 leaves no work behind.
- **Short queries are not starved by runaway ones.** A query first runs in the fast lane for at most
  FAST_SLICE seconds of CPU time; one that needs longer is stopped and run again in the slow lane, whose workers run
  at a lower CPU priority, and its text is remembered so that the same query goes to the slow lane at once next
  time. A burst of runaway queries fills the slow lane, not the fast one.
- **A crash is survived.** A worker that dies (a query the engine cannot take) is logged, restarted, and its
  request answered 500; queries too large or nested too deeply are refused (400) before any engine sees them.
- **Bounded memory.** Each worker has a memory cap (--max-memory); answers are written by the engine to a spool
  file of at most MAX_ANSWER bytes and streamed to the client from there, never held whole in memory; request
  bodies are at most MAX_BODY bytes, and a Content-Length that is not a number is answered 400.
- **Many clients.** A listen backlog of BACKLOG, up to MAX_CLIENTS connections served at once (more wait in the
  backlog); a connection silent for IDLE_TIMEOUT seconds is closed, and one that takes longer than
  REQUEST_DEADLINE seconds to send its request is cut off.
"""

from __future__ import annotations

import contextlib
import functools
import json
import os
import queue
import re
import shutil
import signal
import socket
import struct
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import uuid
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from multiprocessing.connection import Connection
from pathlib import Path

from kg import sandbox, serve_engine
from kg.errors import KgError, in_language
from kg.serve_cors import (
    CORS_HEADERS,
    CORS_METHODS,
    HOST_HEADER,
    check_origins,
    check_public_url,
    cors_headers,
    preflight_refusal,
)
from kg.stores import StoreSpec, kind_of
from kg.text import Phrase

DEFAULT_TIMEOUT = 30.0
DEFAULT_MAX_MEMORY = 1 << 30  # per query
MAX_BODY = 1 << 20  # a request body of more than 1 MiB is refused
MAX_ANSWER = 256 << 20  # an answer of more than 256 MiB is refused
MAX_QUEUED = 2000  # queries waiting for a worker; more are answered 503 at once
MAX_CLIENTS = 512
BACKLOG = 1024
IDLE_TIMEOUT = 10.0
REQUEST_DEADLINE = 30.0  # seconds to send a whole request (line, headers and body)
FAST_SLICE = 0.1  # seconds a query may run in the fast lane
KNOWN_SLOW = 10_000  # query texts remembered as needing the slow lane
RECYCLE_AFTER = 1000  # queries a worker answers before it is replaced (memory it may have kept)

READ_ONLY = Phrase("endpoint read-only")


@dataclass(eq=False)
class Job:
    """One query on its way through the lanes: its request for the engine, its deadline, its outcome."""

    request: tuple
    deadline: float
    spool: Path
    done: threading.Event = field(default_factory=threading.Event)
    outcome: tuple = ()

    def finish(self, *outcome) -> None:
        if not self.done.is_set():
            self.outcome = outcome
            self.done.set()


class Worker:
    """One engine process (forked by the zygote) and the connection to it."""

    def __init__(self, connection: Connection, pid: int):
        self.connection, self.pid = connection, pid
        self.answered = 0

    def kill(self) -> None:
        with contextlib.suppress(ProcessLookupError):
            os.kill(self.pid, signal.SIGKILL)
        self.connection.close()


class Zygote:
    """`python -m kg.serve_engine`: the process that forks engine workers (see kg/serve_engine.py)."""

    def __init__(self, location: Path, max_memory: int | None):
        self.control, theirs = socket.socketpair()
        self.lock = threading.Lock()
        self.process = subprocess.Popen(
            [sys.executable, "-m", "kg.serve_engine", str(theirs.fileno()), str(location), str(max_memory or 0),
             str(MAX_ANSWER)], pass_fds=[theirs.fileno()], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
            preexec_fn=serve_engine._die_with_parent)
        theirs.close()

    def fork(self, nice: int) -> Worker:
        ours, theirs = socket.socketpair()
        with self.lock:
            try:
                socket.send_fds(self.control, [bytes([nice])], [theirs.fileno()])
                pid = struct.unpack("!i", _read_exactly(self.control, 4))[0]
            finally:
                theirs.close()
        return Worker(Connection(ours.detach()), pid)

    def stop(self) -> None:
        self.control.close()
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def _read_exactly(sock: socket.socket, size: int) -> bytes:
    data = b""
    while len(data) < size:
        chunk = sock.recv(size - len(data))
        if not chunk:
            raise KgError.of("serve engine stopped")
        data += chunk
    return data


class Lane:
    """Workers that take jobs from one queue. A lane with a slice hands a job that runs longer to `overflow`."""

    def __init__(self, pool: Pool, name: str, workers: int, nice: int, slice_: float | None,
                 overflow: Lane | None = None):
        self.pool, self.name, self.nice, self.slice, self.overflow = pool, name, nice, slice_, overflow
        self.jobs: queue.Queue[Job | None] = queue.Queue()
        self.size = workers
        self.threads: list[threading.Thread] = []

    def start(self) -> None:
        """Start the workers before the threads that feed them, so the first query does not wait for one."""
        workers = [self.pool.new_worker(self.nice) for _ in range(self.size)]
        self.threads = [threading.Thread(target=self.serve, args=(worker,), name=f"kg-{self.name}-{i}", daemon=True)
                        for i, worker in enumerate(workers)]
        for thread in self.threads:
            thread.start()

    def serve(self, worker: Worker) -> None:
        while True:
            job = self.jobs.get()
            if job is None:
                worker.kill()
                return
            worker = self.run(job, worker)

    def run(self, job: Job, worker: Worker) -> Worker:
        """Run one job on the worker; give back the worker to use next (a new one if this one was killed)."""
        remaining = job.deadline - time.monotonic()
        if job.done.is_set() or remaining <= 0:
            job.finish("timeout")
            return worker
        try:
            worker.connection.send(job.request)
            if self.wait(worker, job):
                job.finish(*worker.connection.recv())
                worker.answered += 1
                return worker if worker.answered < RECYCLE_AFTER else self.replace(worker)
        except (EOFError, OSError):
            self.pool.log("a query engine stopped on a query (it crashed or ran out of memory); answered 500 and "
                          "started a new one")
            crashed = sandbox.crash_message(Phrase("endpoint the query"), None, "", self.pool.max_memory)
            job.finish("error", 500, crashed)
            return self.replace(worker)
        # still running: stop the work, then give the query more time elsewhere or answer that time is up
        worker = self.replace(worker)
        if self.overflow is not None and job.deadline > time.monotonic() and not job.done.is_set():
            self.pool.remember_slow(job)
            self.overflow.jobs.put(job)
        else:
            job.finish("timeout")
        return worker

    def wait(self, worker: Worker, job: Job) -> bool:
        """Wait for the worker's answer until the job's deadline or, in a lane with a slice, until the worker
        has spent a slice of CPU time on it (waiting for a busy CPU does not count). True when it answered."""
        started = _cpu_seconds(worker.pid)
        while True:
            remaining = job.deadline - time.monotonic()
            if remaining <= 0:
                return False
            if worker.connection.poll(min(remaining, self.slice) if self.slice else remaining):
                return True
            if self.slice is None:
                continue
            spent = _cpu_seconds(worker.pid)
            if started is None or spent is None or spent - started >= self.slice * 0.8:
                return False

    def replace(self, worker: Worker) -> Worker:
        worker.kill()
        return self.pool.new_worker(self.nice)


def _cpu_seconds(pid: int) -> float | None:
    """CPU time a process has used (Linux /proc), or None where that cannot be read."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as stat:
            fields = stat.read().rsplit(b")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / _CLOCK_TICKS
    except (OSError, IndexError, ValueError):
        return None


_CLOCK_TICKS = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


class Pool:
    """The engine workers of an endpoint: a fast lane and a slow lane (see the module docstring)."""

    def __init__(self, location: Path, max_memory: int | None, fast: int, slow: int):
        self.max_memory = max_memory
        self.zygote = Zygote(location, max_memory)
        self.known_slow: dict[tuple, None] = {}  # requests that outran the fast lane once (oldest first)
        self.lock = threading.Lock()
        self.slow = Lane(self, "slow", slow, nice=10, slice_=None)
        self.fast = Lane(self, "fast", fast, nice=0, slice_=FAST_SLICE, overflow=self.slow)

    def new_worker(self, nice: int) -> Worker:
        return self.zygote.fork(nice)

    def remember_slow(self, job: Job) -> None:
        with self.lock:
            self.known_slow[job.request[:4]] = None
            while len(self.known_slow) > KNOWN_SLOW:
                del self.known_slow[next(iter(self.known_slow))]

    def start(self) -> None:
        self.fast.start()
        self.slow.start()

    def submit(self, job: Job) -> bool:
        if self.fast.jobs.qsize() + self.slow.jobs.qsize() >= MAX_QUEUED:
            return False
        with self.lock:
            slow = job.request[:4] in self.known_slow
        (self.slow if slow else self.fast).jobs.put(job)
        return True

    def stop(self) -> None:
        for lane in (self.fast, self.slow):
            for _ in lane.threads:
                lane.jobs.put(None)
        for lane in (self.fast, self.slow):
            for thread in lane.threads:
                thread.join(10)
        self.zygote.stop()

    @staticmethod
    def log(message: str) -> None:
        sys.stderr.write(f"kg serve: {message}\n")
        sys.stderr.flush()


class Server(ThreadingHTTPServer):
    """ThreadingHTTPServer with a deep listen backlog and at most MAX_CLIENTS connections served at once."""

    request_queue_size = BACKLOG
    daemon_threads = True

    def __init__(self, address, handler):
        self.address_family = socket.AF_INET6 if ":" in address[0] else socket.AF_INET
        self.slots = threading.BoundedSemaphore(MAX_CLIENTS)
        self.deadlines: dict[socket.socket, float] = {}
        self.lock = threading.Lock()
        self.stopping = threading.Event()
        super().__init__(address, handler)

    def process_request(self, request, client_address):
        self.slots.acquire()  # the accept loop waits here; new clients wait in the backlog
        try:
            super().process_request(request, client_address)
        except BaseException:
            self.slots.release()
            raise

    def process_request_thread(self, request, client_address):
        try:
            super().process_request_thread(request, client_address)
        finally:
            self.slots.release()

    def reading(self, connection: socket.socket, until: float | None) -> None:
        """Note that a connection is reading a request that must be read by `until` (None: it has been)."""
        with self.lock:
            if until is None:
                self.deadlines.pop(connection, None)
            else:
                self.deadlines[connection] = until

    def reap(self) -> None:
        """Cut off connections still sending their request at its deadline (a client sending a byte now and then
        would otherwise hold a connection for ever)."""
        while not self.stopping.wait(0.5):
            now = time.monotonic()
            with self.lock:
                late = [c for c, until in self.deadlines.items() if until < now]
            for connection in late:
                self.reading(connection, None)
                with contextlib.suppress(OSError):
                    connection.shutdown(socket.SHUT_RDWR)


class Endpoint:
    """A running endpoint: the HTTP server and the engine pool over one on-disk store."""

    def __init__(self, location: Path, host: str, port: int, timeout: float, cleanup: Path | None = None,
                 max_memory: int | None = DEFAULT_MAX_MEMORY, workers: int | None = None):
        self.location, self.host, self.timeout, self.cleanup = location, host, timeout, cleanup
        self.spool = Path(tempfile.mkdtemp(prefix="kg-serve-answers-"))
        cores = workers or os.cpu_count() or 2
        self.pool = Pool(location, max_memory, fast=cores + 1, slow=max(1, cores // 2))
        try:
            self.httpd = Server((host, port), _handler(self))
        except OSError:
            shutil.rmtree(self.spool, ignore_errors=True)
            raise
        self._thread: threading.Thread | None = None
        self.cors: tuple[str, ...] = ()  # origins whose pages may read answers ("*": any); none by default
        self.public_url: str | None = None  # /query as clients reach it, when a proxy stands in front

    def allow(self, cors: tuple[str, ...] = (), public_url: str | None = None) -> Endpoint:
        """Let pages on these origins read answers (CORS), and name this URL in the Service Description."""
        self.cors = check_origins(cors)
        self.public_url = check_public_url(public_url) if public_url else None
        return self

    @property
    def url(self) -> str:
        host, port = self.httpd.server_address[:2]
        host = host.decode() if isinstance(host, bytes) else host
        return f"http://[{host}]:{port}" if ":" in host else f"http://{host}:{port}"

    def start(self) -> Endpoint:
        self.pool.start()
        self._thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self._thread.start()
        threading.Thread(target=self.httpd.reap, name="kg-reaper", daemon=True).start()
        return self

    def stop(self) -> None:
        self.httpd.stopping.set()
        self.httpd.shutdown()
        self.httpd.server_close()
        self.pool.stop()
        shutil.rmtree(self.spool, ignore_errors=True)
        if self.cleanup:
            shutil.rmtree(self.cleanup, ignore_errors=True)

    def run(self, text: str, accept: str, default_graphs: list[str], named_graphs: list[str]) -> Job:
        """Queue a query and wait for its outcome (or its deadline)."""
        spool = self.spool / f"{uuid.uuid4().hex}.answer"
        job = Job((text, accept, tuple(default_graphs), tuple(named_graphs), str(spool)),
                  time.monotonic() + self.timeout, spool)
        if not self.pool.submit(job):
            job.finish("busy")
        job.done.wait(self.timeout + 5)
        job.finish("timeout")  # (no effect when finished already)
        return job

    def __enter__(self) -> Endpoint:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()


class QueryHandler(BaseHTTPRequestHandler):
    """One connection to `kg serve`: the query page, the Service Description and /query (`endpoint`: set per
    server)."""

    endpoint: Endpoint
    server: Server
    server_version = "kg-serve"
    protocol_version = "HTTP/1.1"
    timeout = IDLE_TIMEOUT  # a connection silent this long is closed

    def handle_one_request(self):
        """Read and answer one request; the request itself must arrive within REQUEST_DEADLINE seconds."""
        self.server.reading(self.connection, time.monotonic() + REQUEST_DEADLINE)
        try:
            super().handle_one_request()
        finally:
            self.server.reading(self.connection, None)

    def request_read(self) -> None:
        self.server.reading(self.connection, None)

    def log_message(self, fmt, *args):  # quiet by default; the CLI prints one line at start
        pass

    def end_headers(self):
        if urllib.parse.urlsplit(self.path).path == "/query":
            for key, value in cors_headers(self.endpoint.cors, self.headers.get("Origin")).items():
                self.send_header(key, value)
        super().end_headers()

    def do_OPTIONS(self):
        """A CORS preflight for /query (a browser client such as YASGUI on another origin), granted only to the
        origins given with --cors; a plain OPTIONS says which methods there are."""
        if urllib.parse.urlsplit(self.path).path != "/query":
            return self.error(404, Phrase("endpoint use /query"))
        refused = preflight_refusal(self.endpoint.cors, self.headers.get("Origin"),
                                    self.headers.get("Access-Control-Request-Method"),
                                    self.headers.get("Access-Control-Request-Headers"))
        if refused:
            return self.error(403, refused)
        self.send_response(204)
        if self.headers.get("Access-Control-Request-Method"):
            self.send_header("Access-Control-Allow-Methods", ", ".join(CORS_METHODS))
            self.send_header("Access-Control-Allow-Headers", ", ".join(CORS_HEADERS))
            self.send_header("Access-Control-Max-Age", "86400")
        self.send_header("Allow", "GET, HEAD, POST, OPTIONS")
        self.send_header("Content-Length", "0")
        self.end_headers()

    def reply(self, status: int, body: bytes, content_type: str, extra: dict | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("X-Content-Type-Options", "nosniff")
        for key, value in (extra or {}).items():
            self.send_header(key, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def error(self, status: int, message: str, close: bool = False) -> None:
        """An error answer, {"error": message}: a kg.text Phrase (kg.serve_cors's refusals too) in the language the
        request's Accept-Language prefers, English without one."""
        if close:
            self.close_connection = True
        lang = request_language(self.headers.get("Accept-Language"))
        body = json.dumps({"error": in_language(message, lang)}, ensure_ascii=False).encode() + b"\n"
        # (Vary: a cache between client and server must not give one reader's language to another)
        self.reply(status, body, "application/json; charset=utf-8",
                   {"Vary": "Accept-Language"} | ({"Connection": "close"} if close else {}))

    def do_GET(self):
        parsed = urllib.parse.urlsplit(self.path)
        if parsed.path in ("/", "/index.html"):
            return self.reply(200, query_page(), "text/html; charset=utf-8",
                              {"Content-Security-Policy": "default-src 'self'; script-src 'unsafe-inline'; "
                                                          "style-src 'unsafe-inline'; connect-src 'self'"})
        if parsed.path in ("/update", "/store"):
            return self.error(403, READ_ONLY)
        if parsed.path != "/query":
            return self.error(404, Phrase("endpoint no page", path=parsed.path))
        params = self.form(parsed.query)
        if params is None:
            return None
        if "update" in params:
            return self.error(403, READ_ONLY)
        if "query" not in params:  # the endpoint itself: its SPARQL 1.1 Service Description
            return self.reply(200, service_description(self.public_query_url()), "text/turtle; charset=utf-8")
        self.answer(params)

    do_HEAD = do_GET

    def public_query_url(self) -> str:
        """/query as this client reached it: --public-url, else the Host it asked for (when it is a plain host and
        port), else the address kg serve listens on (0.0.0.0 names no machine)."""
        if self.endpoint.public_url:
            return self.endpoint.public_url
        host = self.headers.get("Host") or ""
        if HOST_HEADER.fullmatch(host):
            return f"http://{host}/query"
        return self.endpoint.url + "/query"

    def do_POST(self):
        parsed = urllib.parse.urlsplit(self.path)
        if parsed.path in ("/update", "/store"):
            return self.error(403, READ_ONLY, close=True)
        if parsed.path != "/query":
            return self.error(404, Phrase("endpoint no endpoint", path=parsed.path), close=True)
        body = self.body()
        if body is None:
            return None
        ctype = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        params = self.form(parsed.query)
        if params is None:
            return None
        if ctype == "application/sparql-update" or "update" in params:
            return self.error(403, READ_ONLY)
        if "query" in params:  # the query goes in the body of a POST, once
            return self.error(400, Phrase("endpoint query in URL"))
        try:
            text = body.decode("utf-8")
        except UnicodeDecodeError:
            return self.error(400, Phrase("endpoint not UTF-8"))
        if ctype == "application/x-www-form-urlencoded":
            form = self.form(text)
            if form is None:
                return None
            if "update" in form:
                return self.error(403, READ_ONLY)
            params.update(form)
        elif ctype == "application/sparql-query":
            params["query"] = [text]
        else:
            return self.error(415, Phrase("endpoint content type",
                                          ctype=ctype or Phrase("endpoint no content type")))
        self.answer(params)

    def do_PUT(self):
        self.error(403, READ_ONLY, close=True)

    do_DELETE = do_PATCH = do_PUT

    def body(self) -> bytes | None:
        """The request body, read only when its Content-Length is a number within MAX_BODY."""
        if self.headers.get("Transfer-Encoding"):
            self.error(411, Phrase("endpoint chunked"), close=True)
            return None
        length = (self.headers.get("Content-Length") or "").strip()
        if not length.isascii() or not length.isdigit():
            self.error(411 if not length else 400, Phrase("endpoint length not number" if length
                                                            else "endpoint no length"), close=True)
            return None
        if int(length) > MAX_BODY:
            self.error(413, Phrase("endpoint body too big", limit=f"{MAX_BODY:,}"), close=True)
            return None
        return self.rfile.read(int(length))

    def form(self, text: str) -> dict[str, list[str]] | None:
        try:
            return urllib.parse.parse_qs(text, keep_blank_values=True, strict_parsing=False,
                                         encoding="utf-8", errors="strict", max_num_fields=100)
        except (ValueError, UnicodeDecodeError) as exc:
            self.error(400, Phrase("endpoint bad parameters", reason=str(exc)))
            return None

    def answer(self, params: dict[str, list[str]]) -> None:
        self.request_read()  # the query may run longer than the request took to arrive
        queries = params.get("query") or []
        if len(queries) != 1 or not queries[0].strip():
            return self.error(400, Phrase("endpoint one query"))
        job = self.endpoint.run(queries[0], self.headers.get("Accept") or "", params.get("default-graph-uri", []),
                           params.get("named-graph-uri", []))
        try:
            self.send_outcome(job)
        finally:
            job.spool.unlink(missing_ok=True)

    def send_outcome(self, job: Job) -> None:
        status, *rest = job.outcome
        if status == "ok":
            return self.send_file(job.spool, rest[0])
        if status == "error":
            return self.error(rest[0], rest[1])
        if status == "busy":
            return self.error(503, Phrase("endpoint busy"))
        return self.error(503, Phrase("endpoint timeout", limit=f"{self.endpoint.timeout:g}"))

    def send_file(self, path: Path, content_type: str) -> None:
        with open(path, "rb") as answer:
            size = os.fstat(answer.fileno()).st_size
            self.send_response(200)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(size))
            self.send_header("X-Content-Type-Options", "nosniff")
            self.end_headers()
            if self.command != "HEAD":
                shutil.copyfileobj(answer, self.wfile, 1 << 16)



_QVALUE = re.compile(r"(?:0(?:\.[0-9]{0,3})?|1(?:\.0{0,3})?)")


def request_language(header: str | None) -> str:
    """"ko" when an Accept-Language header prefers Korean to English (or to any language, *), else "en": a client
    that sends none (curl, scripts) gets English. Of the languages kg speaks, the one with the highest q wins, the
    first listed on a tie; a malformed q counts as 0."""
    best, choice = 0.0, "en"
    for item in (header or "")[:2000].split(",")[:50]:
        tag, _, params = item.partition(";")
        primary = tag.strip().lower().split("-")[0]
        if primary not in ("ko", "en", "*"):
            continue
        q = 1.0
        for param in params.split(";"):
            name, _, value = param.partition("=")
            if name.strip().lower() == "q":
                q = float(value.strip()) if _QVALUE.fullmatch(value.strip()) else 0.0
        if q > best:
            best, choice = q, "ko" if primary == "ko" else "en"
    return choice


def _handler(endpoint: Endpoint) -> type[QueryHandler]:
    """A handler class bound to one endpoint (http.server makes one handler object per connection)."""
    return type("Handler", (QueryHandler,), {"endpoint": endpoint})


def service_description(url: str) -> bytes:
    """What the endpoint offers (SPARQL 1.1 Service Description): its public URL, the result formats of
    kg/serve_engine.py, the union default graph — and no federated query, which it refuses."""
    formats = {
        "application/sparql-results+json": "http://www.w3.org/ns/formats/SPARQL_Results_JSON",
        "application/sparql-results+xml": "http://www.w3.org/ns/formats/SPARQL_Results_XML",
        "text/csv": "http://www.w3.org/ns/formats/SPARQL_Results_CSV",
        "text/tab-separated-values": "http://www.w3.org/ns/formats/SPARQL_Results_TSV",
        "text/turtle": "http://www.w3.org/ns/formats/Turtle", "application/n-triples": "http://www.w3.org/ns/formats/N-Triples",
        "application/rdf+xml": "http://www.w3.org/ns/formats/RDF_XML", "application/ld+json": "http://www.w3.org/ns/formats/JSON-LD",
        "application/n-quads": "http://www.w3.org/ns/formats/N-Quads", "application/trig": "http://www.w3.org/ns/formats/TriG",
    }
    offered = [formats[m] for m in (*serve_engine.SOLUTION_TYPES, *serve_engine.GRAPH_TYPES) if m in formats]
    lines = ["@prefix sd: <http://www.w3.org/ns/sparql-service-description#> .", "",
             "[] a sd:Service ;", f"   sd:endpoint <{url}> ;", "   sd:supportedLanguage sd:SPARQL11Query ;",
             "   sd:feature sd:UnionDefaultGraph ;",
             "   sd:resultFormat " + ", ".join(f"<{f}>" for f in dict.fromkeys(offered)) + " ."]
    return ("\n".join(lines) + "\n").encode()


@functools.cache
def query_page() -> bytes:
    """The query page (kg/templates/serve.html): a form that posts to /query and shows the answer, no network.
    Its page data holds its words in both languages (kg/text.py), the predeclared prefixes and the named queries
    as examples, with ?lang bound to each language, escaped as the map's is (Jinja2's htmlsafe_json_dumps: <, >,
    & and ' as \\u escapes) so that no text can end the script. The same for every request: made once."""
    from jinja2.utils import htmlsafe_json_dumps

    from kg.ontology import PREFIXES
    from kg.query.binding import in_language
    from kg.query.catalogue import list_queries
    from kg.resources import data_dir
    from kg.text import LANGUAGES, serve_messages

    data = {"ui": serve_messages(), "prefixes": sorted(PREFIXES),
            "examples": [{"name": q.name, "title": [q.heading(lang) for lang in LANGUAGES],
                          "text": [in_language(q.text, lang) for lang in LANGUAGES]} for q in list_queries()]}
    blob = str(htmlsafe_json_dumps(data, ensure_ascii=False))
    page = (data_dir("templates") / "serve.html").read_text(encoding="utf-8")
    return page.replace("/*KG-DATA*/{}", blob, 1).encode("utf-8")


def serve(spec: StoreSpec, seed_dir: str | Path = "seeds", host: str = "127.0.0.1", port: int = 8000,
          timeout: float = DEFAULT_TIMEOUT, max_memory: int | None = DEFAULT_MAX_MEMORY) -> Endpoint:
    """Prepare an endpoint over the store (call .start(), or use it as a context manager)."""
    kind = kind_of(spec.kind, str(spec))
    if not 0 < timeout < float("inf"):
        raise KgError.of("serve timeout", timeout=timeout)
    location, cleanup = kind.serve_from(spec, Path(seed_dir))  # the seeds are built into a temporary store
    try:
        return Endpoint(location, host, port, timeout, cleanup, max_memory)
    except OSError as exc:
        if cleanup:
            shutil.rmtree(cleanup, ignore_errors=True)
        reason = exc.strerror or str(exc)
        raise KgError.of("serve listen", host=host, port=port, reason=reason) from None


def exposed(host: str) -> bool:
    """Whether listening on host makes the endpoint reachable from other machines."""
    return host not in ("127.0.0.1", "localhost", "::1") and not host.startswith("127.")
