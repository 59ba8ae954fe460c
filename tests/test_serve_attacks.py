"""The breaks an adversarial tester found in `kg serve`, replayed against a real endpoint: each is refused or
survived, with its status and message asserted, and a loopback listener that must receive nothing receives
nothing (kg/serve.py, kg/serve_engine.py, kg/sandbox.py).

The 200-client, 60-second load at the end prints its figures (latencies, CPU after the last timeout, memory).
"""

from __future__ import annotations

import http.client
import json
import socket
import subprocess
import sys
import time
import urllib.parse

import pytest
from conftest import MINIMAL, SEEDS
from listener import listening
from processes import children, cpu_seconds, rss_bytes
from test_browser import ARGS, CHROMIUM

from kg.serve import MAX_BODY, serve
from kg.stores import StoreSpec

CARTESIAN = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
SHORT = "SELECT ?n WHERE { ?a <https://w3id.org/ai-partnerships/ontology#gpuCount> ?n } ORDER BY ?n"


@pytest.fixture(scope="module")
def endpoint():
    ep = serve(StoreSpec("memory"), MINIMAL, port=0, timeout=2).start()
    yield ep
    ep.stop()


@pytest.fixture()
def listener():
    with listening("application/sparql-results+json", b'{"head":{"vars":[]},"results":{"bindings":[]}}') as it:
        yield it


def request(ep, method: str, path: str, body: bytes | None = None, headers: dict | None = None):
    host, port = ep.httpd.server_address[:2]
    conn = http.client.HTTPConnection(host, port, timeout=30)
    try:
        conn.request(method, path, body=body, headers=headers or {})
        response = conn.getresponse()
        return response.status, response.getheader("Content-Type") or "", response.read()
    finally:
        conn.close()


def raw(ep, data: bytes) -> bytes:
    """Send bytes as they are (for headers http.client will not write) and read the answer."""
    host, port = ep.httpd.server_address[:2]
    with socket.create_connection((host, port), timeout=30) as s:
        s.sendall(data)
        chunks = []
        while True:
            chunk = s.recv(65536)
            if not chunk:
                break
            chunks.append(chunk)
            if b"\r\n\r\n" in b"".join(chunks) and b'"}\n' in chunk:
                break
        return b"".join(chunks)


def error_of(body: bytes) -> str:
    return json.loads(body)["error"]


def still_answers(ep) -> None:
    status, _, body = request(ep, "GET", "/query?" + urllib.parse.urlencode({"query": "ASK { ?s ?p ?o }"}))
    assert status == 200 and json.loads(body)["boolean"] is True


# --------------------------------------------------------------------------------------------------
# 1. SSRF: every way a SERVICE reached Oxigraph's HTTP client
# --------------------------------------------------------------------------------------------------

def test_a_query_in_the_url_of_a_form_post_is_refused_not_run(endpoint, listener):
    """(a) Oxigraph's server read `query=` from the URL of a form POST with an empty body; kg reads one query."""
    url, hits = listener
    q = urllib.parse.urlencode({"query": f"SELECT * {{ SERVICE <{url}/x> {{ ?s ?p ?o }} }}"})
    status, _, body = request(endpoint, "POST", "/query?" + q, b"",
                              {"Content-Type": "application/x-www-form-urlencoded"})
    assert status == 400
    assert error_of(body) == "a POST carries its query in the body, not in the URL — send it once"
    assert hits == []


@pytest.mark.parametrize("template", [
    "PREFIX : <{url}/> SELECT * {{ SERVICE:sparql {{ ?s ?p ?o }} LATERAL {{ BIND(1 AS ?x) }} }}",   # (b)
    "SELECT * {{ BIND(<http://a\u00a0#> AS ?i) SERVICE <{url}/x> {{ ?s ?p ?o }} LATERAL {{ }} }}",  # (c)
    "SELECT * {{ BIND(<http://a'> AS ?i) SERVICE <{url}/x> {{ ?s ?p ?o }} BIND('' AS ?q) LATERAL {{ }} }}",  # (d)
    'VERSION "1.2" SELECT * {{ SERVICE <{url}/x> {{ ?s ?p ?o }} }}',
])
@pytest.mark.parametrize("how", ["GET", "form", "sparql-query"])
def test_service_hidden_from_rdflib_is_refused_in_every_encoding(endpoint, listener, template, how):
    url, hits = listener
    text = template.format(url=url)
    if how == "GET":
        status, _, body = request(endpoint, "GET", "/query?" + urllib.parse.urlencode({"query": text}))
    elif how == "form":
        status, _, body = request(endpoint, "POST", "/query", urllib.parse.urlencode({"query": text}).encode(),
                                  {"Content-Type": "application/x-www-form-urlencoded"})
    else:
        status, _, body = request(endpoint, "POST", "/query", text.encode(),
                                  {"Content-Type": "application/sparql-query"})
    assert status == 403
    assert error_of(body).startswith("the query uses SERVICE")
    assert hits == []


def test_answers_name_no_engine_port(endpoint):
    """The forwarded body used to carry `BASE <http://127.0.0.1:PORT/query>`: there is no engine port now."""
    status, _, body = request(endpoint, "GET", "/query?" + urllib.parse.urlencode(
        {"query": "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o } LIMIT 50"}), headers={"Accept": "text/turtle"})
    assert status == 200
    port = endpoint.httpd.server_address[1]
    assert b"127.0.0.1" not in body and str(port).encode() not in body


def test_a_page_on_another_origin_cannot_make_the_endpoint_call_out(endpoint, listener, tmp_path):
    """The drive-by of the report: a page on another origin auto-submits a form and sends no-cors fetches with
    SERVICE queries, in Chromium. The endpoint answers them (refused) and the listener gets nothing."""
    from playwright.sync_api import sync_playwright

    url, hits = listener
    target = endpoint.url + "/query"
    service = f"SELECT * {{ SERVICE <{url}/drive-by> {{ ?s ?p ?o }} }}"
    hidden = f"PREFIX : <{url}/> SELECT * {{ SERVICE:drive {{ ?s ?p ?o }} LATERAL {{ }} }}"
    page_html = f"""<!doctype html><html><body>
<form id="f" method="POST" action="{target}?{urllib.parse.urlencode({'query': service})}"
      enctype="application/x-www-form-urlencoded" target="sink"><input type="hidden" name="x" value="1"></form>
<iframe name="sink"></iframe>
<script>
fetch({json.dumps(target)}, {{method: "POST", mode: "no-cors",
  headers: {{"Content-Type": "application/x-www-form-urlencoded"}},
  body: "query=" + encodeURIComponent({json.dumps(hidden)})}}).then(() => document.title = "fetched");
fetch({json.dumps(target)} + "?query=" + encodeURIComponent({json.dumps(service)}), {{mode: "no-cors"}});
document.getElementById("f").submit();
</script></body></html>"""
    with listening("text/html; charset=utf-8", page_html.encode()) as (origin, page_hits), sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            page = browser.new_page()
            seen = []
            page.on("response", lambda r: seen.append((r.url.split("?")[0], r.status)))
            page.goto(origin + "/attack")
            page.wait_for_function("document.title === 'fetched'", timeout=15000)
            deadline = time.monotonic() + 10
            while sum(1 for u, _ in seen if u == target) < 3 and time.monotonic() < deadline:
                page.wait_for_timeout(100)
        finally:
            browser.close()
    answered = sorted(status for u, status in seen if u == target)
    assert answered == [400, 403, 403]  # the form's URL query refused; both SERVICE queries refused
    assert hits == []


# --------------------------------------------------------------------------------------------------
# 2. Queries that crash or exhaust the engine
# --------------------------------------------------------------------------------------------------

def test_5000_nested_parentheses_are_refused_and_the_server_lives_on(endpoint):
    q = "SELECT * { FILTER(" + "(" * 5000 + "1" + ")" * 5000 + ") }"
    status, _, body = request(endpoint, "POST", "/query", q.encode(), {"Content-Type": "application/sparql-query"})
    assert status == 400
    assert error_of(body) == ("the query: the query nests brackets 5002 levels deep; kg accepts at most 100 — "
                              "flatten the expression or the group patterns")
    still_answers(endpoint)


def test_a_crashed_engine_is_logged_answered_500_and_replaced(capfd):
    """A worker that dies (here: a sort that needs more than --max-memory, which aborts the engine) is
    detected; its request gets 500, stderr gets one line, and the next query is answered."""
    with serve(StoreSpec("memory"), SEEDS, port=0, timeout=60, max_memory=150 << 20) as ep:
        text = "SELECT ?a ?c ?f { ?a ?b ?c . ?d ?e ?f } ORDER BY ?a ?c ?f"
        status, _, body = request(ep, "POST", "/query", text.encode(), {"Content-Type": "application/sparql-query"})
        assert status in (500, 507), body
        assert "memory" in error_of(body)
        still_answers(ep)
    err = capfd.readouterr().err
    if status == 500:
        assert "kg serve: a query engine stopped on a query" in err


def test_runaway_queries_are_killed_at_their_deadline_so_no_work_outlives_them(endpoint):
    """(3) Eight runaway queries at once: each answered 503 at its deadline, and within 5 s of the last one the
    engine processes use no CPU (the work was killed, not abandoned)."""
    import concurrent.futures

    def runaway(_):
        started = time.monotonic()
        status, _, body = request(endpoint, "POST", "/query", CARTESIAN.encode(),
                                  {"Content-Type": "application/sparql-query"})
        return status, time.monotonic() - started

    with concurrent.futures.ThreadPoolExecutor(8) as pool:
        results = list(pool.map(runaway, range(8)))
    assert [status for status, _ in results] == [503] * 8
    assert max(elapsed for _, elapsed in results) < 2 + 3
    assert engine_cpu_settles(endpoint, within=5)
    still_answers(endpoint)


def engine_cpu_settles(ep, within: float) -> bool:
    """Whether the engine processes (the zygote's children) use under 5% of a core over one second, within
    `within` seconds."""
    zygote = ep.pool.zygote.process.pid
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        before = cpu_seconds([zygote, *children(zygote)])
        time.sleep(1)
        if cpu_seconds([zygote, *children(zygote)]) - before < 0.05:
            return True
    return False


# --------------------------------------------------------------------------------------------------
# 4. Request bodies and answers of any size
# --------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("length,status,message", [
    ("-1", 400, "Content-Length must be a number of bytes"),
    ("abc", 400, "Content-Length must be a number of bytes"),
    ("1e3", 400, "Content-Length must be a number of bytes"),
    (str(MAX_BODY + 1), 413, f"the request body is larger than {MAX_BODY:,} bytes"),
])
def test_content_length_in_every_form_is_bounded(endpoint, length, status, message):
    answer = raw(endpoint, b"POST /query HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-query\r\n"
                           b"Content-Length: " + length.encode() + b"\r\n\r\nASK {}")
    head, _, body = answer.partition(b"\r\n\r\n")
    assert head.startswith(f"HTTP/1.1 {status} ".encode()), head
    assert error_of(body) == message
    still_answers(endpoint)


def test_a_post_without_content_length_or_chunked_is_refused(endpoint):
    for extra in (b"", b"Transfer-Encoding: chunked\r\n"):
        answer = raw(endpoint, b"POST /query HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-query\r\n" + extra
                     + b"\r\n5\r\nASK{}\r\n0\r\n\r\n")
        assert answer.startswith(b"HTTP/1.1 411 "), answer[:100]


def test_a_construct_without_accept_gets_turtle(endpoint):
    status, ctype, body = request(endpoint, "GET", "/query?" + urllib.parse.urlencode(
        {"query": "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o } LIMIT 3"}))
    from rdflib import Graph

    assert status == 200 and ctype == "text/turtle; charset=utf-8"
    assert len(Graph().parse(data=body, format="turtle")) == 3


def test_an_answer_larger_than_the_limit_is_refused_not_held(monkeypatch):
    """Answers are written by the engine to a spool file capped by RLIMIT_FSIZE; over the cap: 413."""
    import kg.serve as serve_module

    monkeypatch.setattr(serve_module, "MAX_ANSWER", 64 * 1024)
    with serve(StoreSpec("memory"), SEEDS, port=0, timeout=30) as ep:
        q = "SELECT * { ?s ?p ?o }"
        status, _, body = request(ep, "POST", "/query", q.encode(), {"Content-Type": "application/sparql-query"})
        assert status == 413
        assert error_of(body) == ("the answer is larger than 64 KiB, more than this endpoint sends — add a LIMIT "
                                  "or narrow the query")
        status, _, body = request(ep, "POST", "/query", (q + " LIMIT 5").encode(),
                                  {"Content-Type": "application/sparql-query"})
        assert status == 200 and len(json.loads(body)["results"]["bindings"]) == 5


def test_an_idle_connection_is_closed(endpoint):
    host, port = endpoint.httpd.server_address[:2]
    with socket.create_connection((host, port), timeout=30) as s:
        s.sendall(b"GET /query?query=ASK%7B%7D HTTP/1.1\r\n")  # and then nothing
        started = time.monotonic()
        assert s.recv(100) == b""  # closed by the server
        assert 9 < time.monotonic() - started < 15


def test_a_slow_sender_is_cut_off_at_the_request_deadline(monkeypatch):
    """A client that sends its request a byte every second (never idle for 10 s) is cut off at the deadline."""
    import kg.serve as serve_module

    monkeypatch.setattr(serve_module, "REQUEST_DEADLINE", 3.0)
    with serve(StoreSpec("memory"), MINIMAL, port=0, timeout=5) as ep:
        host, port = ep.httpd.server_address[:2]
        with socket.create_connection((host, port), timeout=30) as s:
            s.sendall(b"GET /query?query=ASK%7B%7D HTTP/1.1\r\n")
            started = time.monotonic()
            with pytest.raises(OSError):
                for _ in range(30):
                    s.sendall(b"X")
                    time.sleep(1)
                    s.setblocking(False)
                    try:
                        if s.recv(100) == b"":
                            raise ConnectionResetError("closed by the server")
                    except BlockingIOError:
                        pass
                    finally:
                        s.setblocking(True)
            assert 3 <= time.monotonic() - started < 8
        still_answers(ep)


def test_default_graph_uri_restricts_the_default_graph(endpoint):
    graph = "https://w3id.org/ai-partnerships/graph/"
    q = urllib.parse.urlencode({"query": "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }"})
    _, _, everything = request(endpoint, "GET", "/query?" + q)
    _, _, none = request(endpoint, "GET", "/query?" + q + "&" + urllib.parse.urlencode(
        {"default-graph-uri": graph + "no-such-source"}))
    assert int(json.loads(everything)["results"]["bindings"][0]["n"]["value"]) > 400
    assert json.loads(none)["results"]["bindings"][0]["n"]["value"] == "0"


# --------------------------------------------------------------------------------------------------
# 5. 200 clients, runaway and short queries mixed, for 60 s
# --------------------------------------------------------------------------------------------------

LOAD = r"""
import concurrent.futures, http.client, json, sys, time, urllib.parse
host, port, seconds = sys.argv[1], int(sys.argv[2]), float(sys.argv[3])
clients, runaways = int(sys.argv[4]), int(sys.argv[5])
SHORT = "SELECT ?n WHERE { ?a <https://w3id.org/ai-partnerships/ontology#gpuCount> ?n } ORDER BY ?n"
RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
end = time.monotonic() + seconds
def client(i):
    text = RUNAWAY if i < runaways else SHORT
    stats = {"ok": 0, "503": 0, "other": [], "errors": [], "latencies": []}
    while time.monotonic() < end:
        started = time.monotonic()
        try:
            conn = http.client.HTTPConnection(host, port, timeout=60)
            conn.request("POST", "/query", body=urllib.parse.urlencode({"query": text}),
                         headers={"Content-Type": "application/x-www-form-urlencoded",
                                  "Accept": "application/sparql-results+json"})
            r = conn.getresponse(); body = r.read(); conn.close()
        except Exception as exc:
            stats["errors"].append(repr(exc)); continue
        stats["latencies"].append(time.monotonic() - started)
        if r.status == 200: stats["ok"] += 1
        elif r.status == 503: stats["503"] += 1
        else: stats["other"].append(r.status)
    return i < runaways, stats
with concurrent.futures.ThreadPoolExecutor(clients) as pool:
    results = list(pool.map(client, range(clients)))
out = {}
for kind in (True, False):
    group = [s for r, s in results if r is kind]
    lat = sorted(l for s in group for l in s["latencies"])
    out["runaway" if kind else "short"] = {
        "ok": sum(s["ok"] for s in group), "503": sum(s["503"] for s in group),
        "other": sorted(set(x for s in group for x in s["other"])),
        "errors": [e for s in group for e in s["errors"]][:5], "n_errors": sum(len(s["errors"]) for s in group),
        "max": max(lat) if lat else None, "p50": lat[len(lat)//2] if lat else None}
print(json.dumps(out))
"""


def test_200_clients_mixing_runaway_and_short_queries_for_60_s():
    timeout = 8.0
    with serve(StoreSpec("memory"), MINIMAL, port=0, timeout=timeout) as ep:
        host, port = ep.httpd.server_address[:2]
        tree = [__import__("os").getpid(), ep.pool.zygote.process.pid]
        load = subprocess.Popen([sys.executable, "-c", LOAD, host, str(port), "60", "200", "20"],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        peak = 0
        while load.poll() is None:
            peak = max(peak, rss_bytes(tree + children(ep.pool.zygote.process.pid)))
            time.sleep(0.5)
        out, err = load.communicate()
        result = json.loads(out)
        finished = time.monotonic()
        settled = engine_cpu_settles(ep, within=5)
        settle_time = time.monotonic() - finished
    print(f"\n200 clients (20 runaway) for 60 s, --timeout {timeout:g}: {json.dumps(result)}; "
          f"peak RSS of kg serve and its engines {peak / 2**20:.0f} MiB; engines idle {settle_time:.1f} s after")
    short, runaway = result["short"], result["runaway"]
    assert short["n_errors"] == 0 and runaway["n_errors"] == 0, (short["errors"], runaway["errors"])  # no resets
    assert short["503"] == 0 and short["other"] == [] and short["ok"] > 1000
    assert short["max"] < timeout  # every short query answered within its deadline
    assert runaway["ok"] == 0 and runaway["other"] == [] and runaway["503"] >= 20
    assert settled
    assert peak < 2 * 2**30
