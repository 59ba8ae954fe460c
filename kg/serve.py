"""`kg serve`: a read-only SPARQL 1.1 Protocol endpoint on loopback, with a query page for people.

The engine is Oxigraph's own server (`oxigraph serve-read-only`) over an on-disk store: the one
`kg build --store oxigraph:PATH` filled, or a temporary one built from the seeds. In front of it sits a
small proxy, because Oxigraph, when its --timeout-s cancels a query, has already answered HTTP 200 and
then sends a truncated body a client cannot tell from a real answer. The proxy

- binds to 127.0.0.1 unless the user names another host;
- refuses SPARQL Update and the Graph Store Protocol (HTTP 403);
- refuses SERVICE (HTTP 403), which Oxigraph would otherwise call from this machine for any client;
- buffers each answer and gives up after the time limit with HTTP 503 and a message — Oxigraph's own
  limit is set a little later, so it stops the work but never reaches the client first;
- serves a query page at / that needs no network.
"""

from __future__ import annotations

import concurrent.futures
import http.client
import json
import shutil
import subprocess
import tempfile
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from kg.errors import KgError
from kg.query import find_service
from kg.store import StoreSpec, load_oxigraph

DEFAULT_TIMEOUT = 30.0
ENGINE_GRACE = 3  # seconds Oxigraph's own limit runs after ours
MAX_BODY = 1 << 20  # a query of more than 1 MiB is refused


def oxigraph_binary() -> str:
    import sys

    found = shutil.which("oxigraph") or str(Path(sys.executable).parent / "oxigraph")
    if not Path(found).exists():
        raise KgError("the oxigraph server is not installed — pip install oxigraph")
    return found


def free_port() -> int:
    """A free TCP port on loopback, for the engine behind the proxy."""
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _die_with_parent() -> None:
    """In the engine's process before it starts (Linux): get SIGTERM when kg dies, even by SIGKILL, so no
    engine is left running on its own."""
    import ctypes
    import signal
    import sys

    if sys.platform.startswith("linux"):
        try:
            ctypes.CDLL(None).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
        except (OSError, AttributeError):
            pass


class Endpoint:
    """A running endpoint: Oxigraph on a private loopback port, the proxy on the public one."""

    def __init__(self, location: Path, host: str, port: int, timeout: float, cleanup: Path | None = None):
        self.location = location
        self.host = host
        self.timeout = timeout
        self.cleanup = cleanup
        self.engine_port = free_port()
        self.engine: subprocess.Popen | None = None
        self.pool = concurrent.futures.ThreadPoolExecutor(max_workers=64, thread_name_prefix="kg-serve")
        self.httpd = ThreadingHTTPServer((host, port), _handler(self))
        self.httpd.daemon_threads = True
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        host, port = self.httpd.server_address[:2]
        return f"http://{host}:{port}"

    def start_engine(self) -> None:
        self.engine = subprocess.Popen(
            [oxigraph_binary(), "serve-read-only", "--location", str(self.location),
             "--bind", f"127.0.0.1:{self.engine_port}", "--union-default-graph",
             "--timeout-s", str(int(self.timeout) + ENGINE_GRACE)],
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, preexec_fn=_die_with_parent)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if self.engine.poll() is not None:
                raise KgError(f"the oxigraph server stopped: {self.engine.stderr.read().decode().strip()}")
            try:
                status, _, _ = self.forward("GET", "/query?query=ASK%7B%7D", None, {})
                if status == 200:
                    return
            except OSError:
                pass
            time.sleep(0.05)
        raise KgError("the oxigraph server did not start within 30 s")

    def forward(self, method: str, path: str, body: bytes | None, headers: dict) -> tuple[int, dict, bytes]:
        """One request to the engine, read whole (so a truncated answer can't slip through)."""
        conn = http.client.HTTPConnection("127.0.0.1", self.engine_port, timeout=self.timeout + ENGINE_GRACE + 5)
        try:
            conn.request(method, path, body=body, headers=headers)
            response = conn.getresponse()
            return response.status, {k.lower(): v for k, v in response.getheaders()}, response.read()
        finally:
            conn.close()

    def start(self) -> "Endpoint":
        self.start_engine()
        self._thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
        if self.engine and self.engine.poll() is None:
            self.engine.terminate()
            try:
                self.engine.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.engine.kill()
        self.pool.shutdown(wait=False, cancel_futures=True)
        if self.cleanup:
            shutil.rmtree(self.cleanup, ignore_errors=True)

    def __enter__(self) -> "Endpoint":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()


def _handler(endpoint: Endpoint):
    class Handler(BaseHTTPRequestHandler):
        server_version = "kg-serve"
        protocol_version = "HTTP/1.1"

        def log_message(self, fmt, *args):  # quiet by default; the CLI prints one line at start
            pass

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

        def error(self, status: int, message: str, extra: dict | None = None) -> None:
            body = json.dumps({"error": message}).encode() + b"\n"
            self.reply(status, body, "application/json", extra)

        def do_GET(self):
            parsed = urllib.parse.urlsplit(self.path)
            if parsed.path in ("/", "/index.html"):
                self.reply(200, QUERY_PAGE.encode("utf-8"), "text/html; charset=utf-8",
                           {"Content-Security-Policy": "default-src 'self'; script-src 'unsafe-inline'; "
                                                       "style-src 'unsafe-inline'; connect-src 'self'"})
            elif parsed.path == "/query":
                params = urllib.parse.parse_qs(parsed.query)
                if "update" in params:
                    return self.error(403, "this endpoint is read-only: SPARQL Update is refused")
                if not self.refuse_service((params.get("query") or [""])[0]):
                    self.run_query("GET", self.path, None)
            elif parsed.path in ("/update", "/store"):
                self.error(403, "this endpoint is read-only: updates and the Graph Store Protocol are refused")
            else:
                self.error(404, f"no such page: {parsed.path} — the endpoint is /query")

        do_HEAD = do_GET

        def do_POST(self):
            parsed = urllib.parse.urlsplit(self.path)
            if parsed.path != "/query":
                return self.error(403 if parsed.path in ("/update", "/store") else 404,
                                  "this endpoint is read-only: updates are refused" if parsed.path in ("/update", "/store")
                                  else f"no such endpoint: {parsed.path} — use /query")
            length = int(self.headers.get("Content-Length") or 0)
            if length > MAX_BODY:
                return self.error(413, f"the query is larger than {MAX_BODY} bytes")
            body = self.rfile.read(length)
            ctype = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
            if ctype == "application/sparql-update" or (
                ctype == "application/x-www-form-urlencoded" and "update" in urllib.parse.parse_qs(body.decode("utf-8", "replace"))
            ):
                return self.error(403, "this endpoint is read-only: SPARQL Update is refused")
            text = body.decode("utf-8", "replace")
            if ctype != "application/sparql-query":
                text = (urllib.parse.parse_qs(text).get("query") or [""])[0]
            if not self.refuse_service(text):
                self.run_query("POST", self.path, body, ctype)

        def do_PUT(self):
            self.error(403, "this endpoint is read-only")

        do_DELETE = do_PATCH = do_PUT

        def refuse_service(self, text: str) -> bool:
            """Answer 403 to a query with SERVICE: Oxigraph would call the URL, from this machine, for anyone
            who can reach the endpoint."""
            service = find_service(text)
            if service is not None:
                self.error(403, f"the query uses SERVICE {service}: this endpoint does not send requests to other "
                                "servers — query them yourself")
            return service is not None

        def run_query(self, method: str, path: str, body: bytes | None, ctype: str = "") -> None:
            headers = {"Accept": self.headers.get("Accept") or "application/sparql-results+json"}
            if body is not None:
                headers["Content-Type"] = ctype or "application/x-www-form-urlencoded"
            future = endpoint.pool.submit(endpoint.forward, method, path, body, headers)
            try:
                status, upstream_headers, data = future.result(timeout=endpoint.timeout)
            except concurrent.futures.TimeoutError:
                return self.error(503, f"the query ran longer than the time limit of {endpoint.timeout:g} s "
                                       "and was stopped — narrow it down or ask for a higher --timeout")
            except OSError as exc:
                return self.error(502, f"the query engine did not answer ({exc})")
            content_type = upstream_headers.get("content-type", "application/octet-stream")
            self.reply(status, data, content_type)

    return Handler


def serve(spec: StoreSpec, seed_dir: str | Path = "seeds", host: str = "127.0.0.1", port: int = 8000,
          timeout: float = DEFAULT_TIMEOUT) -> Endpoint:
    """Prepare an endpoint over the store (call .start(), or use it as a context manager)."""
    if spec.kind == "sparql":
        raise KgError("kg serve serves a local graph — the sparql store is already an endpoint")
    if timeout <= 0:
        raise KgError(f"--timeout must be positive, not {timeout}")
    cleanup = None
    if spec.kind == "oxigraph":
        location = Path(spec.location)
        if not (location / "CURRENT").is_file():
            raise KgError(f"{location}: no Oxigraph store there — build one with: kg build --store oxigraph:{location}")
    else:
        from kg.api import build_graph
        from kg.serialize import serialize

        cleanup = Path(tempfile.mkdtemp(prefix="kg-serve-"))
        location = cleanup / "store"
        load_oxigraph(location, [(serialize(build_graph(seed_dir), "nquads"), "nquads")])
    try:
        return Endpoint(location, host, port, timeout, cleanup)
    except OSError as exc:
        if cleanup:
            shutil.rmtree(cleanup, ignore_errors=True)
        raise KgError(f"cannot listen on {host}:{port} ({exc.strerror}) — choose another --port") from None


QUERY_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>kg SPARQL endpoint</title>
<style>
body{font:15px system-ui,sans-serif;margin:2em;max-width:80em}
textarea{width:100%;height:14em;font:14px monospace}
table{border-collapse:collapse;margin-top:1em}td,th{border:1px solid #ccc;padding:.3em .6em;text-align:left;vertical-align:top}
#status{margin-left:1em;color:#555}.error{color:#b00020}
</style></head><body>
<h1>kg SPARQL endpoint</h1>
<p>Read-only SPARQL 1.1 endpoint at <code>/query</code>. The default graph is the union of all named graphs.</p>
<form id="f"><textarea id="q" name="query" spellcheck="false">PREFIX kg: <https://w3id.org/ai-partnerships/id/>
PREFIX kgo: <https://w3id.org/ai-partnerships/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX prov: <http://www.w3.org/ns/prov#>

SELECT ?recipient ?gpus ?source WHERE {
  ?a a kgo:GPUAllocation ; kgo:recipient/rdfs:label ?recipient ; kgo:gpuCount ?gpus ;
     prov:wasDerivedFrom/rdfs:label ?source .
  FILTER(lang(?recipient) = "en" && lang(?source) = "en")
} ORDER BY DESC(?gpus)</textarea>
<p><button type="submit">Run query</button><span id="status"></span></p></form>
<div id="out"></div>
<script>
document.getElementById('f').addEventListener('submit', async function (ev) {
  ev.preventDefault();
  var status = document.getElementById('status'), out = document.getElementById('out');
  out.replaceChildren(); status.textContent = 'running…'; status.className = '';
  var started = performance.now();
  try {
    var resp = await fetch('/query', {method: 'POST',
      headers: {'Content-Type': 'application/x-www-form-urlencoded', 'Accept': 'application/sparql-results+json'},
      body: new URLSearchParams({query: document.getElementById('q').value})});
    var text = await resp.text();
    if (!resp.ok) { var m = text; try { m = JSON.parse(text).error || text; } catch (e) {}
      status.textContent = 'HTTP ' + resp.status + ': ' + m; status.className = 'error'; return; }
    var data = JSON.parse(text);
    var secs = ((performance.now() - started) / 1000).toFixed(2);
    if (data.boolean !== undefined) { status.textContent = String(data.boolean) + ' (' + secs + ' s)'; return; }
    var vars = data.head.vars, rows = data.results.bindings;
    var table = document.createElement('table'), head = table.insertRow();
    vars.forEach(function (v) { var th = document.createElement('th'); th.textContent = v; head.appendChild(th); });
    rows.forEach(function (b) { var tr = table.insertRow();
      vars.forEach(function (v) { tr.insertCell().textContent = b[v] ? b[v].value : ''; }); });
    out.appendChild(table);
    status.textContent = rows.length + ' rows (' + secs + ' s)';
  } catch (e) { status.textContent = String(e); status.className = 'error'; }
});
</script></body></html>
"""
