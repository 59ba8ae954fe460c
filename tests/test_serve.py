"""kg serve: read-only, loopback by default, stops runaway queries with an HTTP error, holds 50 clients."""

from __future__ import annotations

import contextlib
import http.client
import json
import re
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from conftest import MINIMAL
from processes import alive, descendants
from test_browser import browser  # noqa: F401  (browser: the module-scoped Chromium fixture)

from kg.stores import StoreSpec

CARTESIAN = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"


@pytest.fixture(scope="module")
def endpoint():
    from kg.serve import serve

    ep = serve(StoreSpec("memory"), MINIMAL, port=0, timeout=1.5).start()
    yield ep
    ep.stop()


def get(url, accept="application/sparql-results+json"):
    req = urllib.request.Request(url, headers={"Accept": accept})
    with urllib.request.urlopen(req, timeout=30) as r:
        return r.status, r.headers.get("Content-Type"), r.read()


def post(url, data: bytes, ctype: str):
    req = urllib.request.Request(url, data=data, method="POST", headers={"Content-Type": ctype})
    try:
        with urllib.request.urlopen(req, timeout=30) as r:
            return r.status, r.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read()


def test_binds_to_loopback_by_default(endpoint):
    assert endpoint.httpd.server_address[0] == "127.0.0.1"
    assert endpoint.url.startswith("http://127.0.0.1:")


def test_answers_a_sparql_query(endpoint):
    q = "SELECT ?n WHERE { ?a <https://w3id.org/ai-partnerships/ontology#gpuCount> ?n } ORDER BY ?n"
    status, ctype, body = get(f"{endpoint.url}/query?" + urllib.parse.urlencode({"query": q}))
    assert status == 200 and ctype.startswith("application/sparql-results+json")
    values = [int(b["n"]["value"]) for b in json.loads(body)["results"]["bindings"]]
    assert values == [150, 400, 600, 650, 1000, 1200, 2000]


def test_query_page_needs_no_network(endpoint):
    """The page's own HTML names no other host (its page data holds the named queries, whose PREFIX lines name
    vocabularies' IRIs: those are text, not resources; test_the_query_page_in_chromium checks what is fetched)."""
    status, ctype, body = get(endpoint.url + "/", accept="text/html")
    page = body.decode()
    assert status == 200 and ctype.startswith("text/html")
    assert "<textarea" in page and "/query" in page
    start = page.index('<script id="kg-data"')
    html = page[:start] + page[page.index("</script>", start):]
    assert "http://" not in html and "https://" not in html


@pytest.mark.parametrize("path,data,ctype", [
    ("/update", b"update=DROP+ALL", "application/x-www-form-urlencoded"),
    ("/query", b"DROP ALL", "application/sparql-update"),
    ("/query", b"update=DROP+ALL", "application/x-www-form-urlencoded"),
    ("/store?default", b"<a:a> <a:b> <a:c> .", "application/n-triples"),
])
def test_updates_are_refused(endpoint, path, data, ctype):
    status, body = post(endpoint.url + path, data, ctype)
    assert status == 403
    assert "read-only" in json.loads(body)["error"]
    count = urllib.parse.urlencode({"query": "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }"})
    _, _, after = get(f"{endpoint.url}/query?{count}")
    assert int(json.loads(after)["results"]["bindings"][0]["n"]["value"]) > 400


def test_runaway_query_is_stopped_with_an_error_status(endpoint):
    started = time.monotonic()
    status, body = post(endpoint.url + "/query", urllib.parse.urlencode({"query": CARTESIAN}).encode(),
                        "application/x-www-form-urlencoded")
    elapsed = time.monotonic() - started
    assert status == 503
    assert "time limit of 1.5 s" in json.loads(body)["error"]
    assert elapsed < 5
    # the endpoint still answers afterwards
    q = "ASK { ?s ?p ?o }"
    assert json.loads(get(f"{endpoint.url}/query?" + urllib.parse.urlencode({"query": q}))[2])["boolean"] is True


LOAD_CLIENT = r"""
import concurrent.futures, json, sys, time, urllib.parse, urllib.request
url, n = sys.argv[1], int(sys.argv[2])
q = "SELECT ?s ?n WHERE { ?s <https://w3id.org/ai-partnerships/ontology#gpuCount> ?n } ORDER BY ?s"
def one(i):
    req = urllib.request.Request(url + "/query?" + urllib.parse.urlencode({"query": q}),
                                 headers={"Accept": "application/sparql-results+json"})
    with urllib.request.urlopen(req, timeout=20) as r:
        return len(json.loads(r.read())["results"]["bindings"])
errors, sizes = 0, set()
deadline = time.monotonic() + 60
with concurrent.futures.ThreadPoolExecutor(max_workers=n) as pool:
    for f in [pool.submit(one, i) for i in range(n * 4)]:
        try:
            sizes.add(f.result(timeout=max(1, deadline - time.monotonic())))
        except Exception as exc:
            errors += 1
print(json.dumps({"errors": errors, "sizes": sorted(sizes)}))
"""


def test_holds_50_concurrent_clients_from_another_process(endpoint):
    """A bounded load (200 requests, 50 at a time, 60 s at most) from a second process, loopback only."""
    proc = subprocess.run([sys.executable, "-c", LOAD_CLIENT, endpoint.url, "50"],
                          capture_output=True, text=True, timeout=120)
    result = json.loads(proc.stdout)
    assert result == {"errors": 0, "sizes": [7]}


# ------------------------------------------------------------------ SERVICE: the endpoint is no proxy to elsewhere


@pytest.fixture()
def listener():
    """A loopback HTTP server that records every request (it stands for an internal service)."""
    import http.server
    import threading

    hits = []

    class Recorder(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            hits.append(self.path)
            self.send_response(500)
            self.send_header("Content-Length", "0")
            self.end_headers()

        do_POST = do_GET

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Recorder)
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}", hits
    server.shutdown()
    server.server_close()


def test_service_is_refused_so_clients_cannot_reach_other_servers_through_it(endpoint, listener):
    """Oxigraph's server calls SERVICE URLs (seen: a request arrives, the answer is HTTP 200 with a broken body);
    through kg serve nothing arrives."""
    url, hits = listener
    q = f"SELECT * WHERE {{ ?s ?p ?o SERVICE <{url}/internal> {{ ?s ?p ?o }} }}"
    expected = f"the query uses SERVICE <{url}/internal>: this endpoint does not send requests to other servers"
    try:
        get(f"{endpoint.url}/query?" + urllib.parse.urlencode({"query": q}))
        raise AssertionError("the query was answered")
    except urllib.error.HTTPError as exc:
        assert exc.code == 403 and json.loads(exc.read())["error"].startswith(expected)
    for data, ctype in ((urllib.parse.urlencode({"query": q}).encode(), "application/x-www-form-urlencoded"),
                        (q.encode(), "application/sparql-query"),
                        (q.replace("SERVICE", "\\u0053ERVICE").encode(), "application/sparql-query")):
        status, body = post(endpoint.url + "/query", data, ctype)
        assert status == 403 and json.loads(body)["error"].startswith(expected)
    assert hits == []
    # the word in a comment or a string is no SERVICE
    plain = (f'SELECT ?n WHERE {{ ?a <https://w3id.org/ai-partnerships/ontology#gpuCount> ?n '
             f'FILTER(STR(?n) != "SERVICE <{url}>") }} # SERVICE <{url}>')
    status, body = post(endpoint.url + "/query", plain.encode(), "application/sparql-query")
    assert status == 200 and len(json.loads(body)["results"]["bindings"]) == 7
    assert hits == []


# ------------------------------------------------------------------ error answers in the request's language (issue 15)


def ask(endpoint, method: str, path: str, headers: dict[str, str], body: bytes = b"") -> tuple[int, bytes]:
    """One request with exactly these headers (http.client adds no Content-Length of its own here)."""
    host, port = endpoint.httpd.server_address[:2]
    conn = http.client.HTTPConnection(host, port, timeout=30)
    try:
        conn.putrequest(method, path, skip_accept_encoding=True)
        for key, value in headers.items():
            conn.putheader(key, value)
        conn.endheaders(body or None)
        response = conn.getresponse()
        return response.status, response.read()
    finally:
        conn.close()


def error_body(message: str) -> bytes:
    return (json.dumps({"error": message}, ensure_ascii=False) + "\n").encode()


SPARQL = {"Content-Type": "application/sparql-query", "Content-Length": "{n}"}
SERVICE_QUERY = "SELECT * WHERE { SERVICE <http://127.0.0.1:9/x> { ?s ?p ?o } }"

#: (request, status, the English answer kg serve gave before issue 15, word for word; its key and values).
ERROR_ANSWERS = [
    (("GET", "/nosuch", {}, b""), 404, "no such page: /nosuch — the endpoint is /query",
     ("endpoint no page", {"path": "/nosuch"})),
    (("OPTIONS", "/x", {}, b""), 404, "no such endpoint — use /query", ("endpoint use /query", {})),
    (("POST", "/update", {**SPARQL}, b"DROP ALL"), 403,
     "this endpoint is read-only: SPARQL Update and the Graph Store Protocol are refused", ("endpoint read-only", {})),
    (("POST", "/query", {**SPARQL}, b"INSERT DATA { <a:a> <a:b> <a:c> }"), 403,
     "this endpoint is read-only: SPARQL Update (INSERT, DELETE, LOAD, DROP, \u2026) is refused",
     ("endpoint update refused", {})),
    (("POST", "/query", {**SPARQL}, SERVICE_QUERY.encode()), 403,
     "the query uses SERVICE <http://127.0.0.1:9/x>: this endpoint does not send requests to other servers "
     "\u2014 query them yourself", ("endpoint service", {"service": "<http://127.0.0.1:9/x>"})),
    (("POST", "/query", {"Content-Type": "application/sparql-query", "Content-Length": "ten"}, b""), 400,
     "Content-Length must be a number of bytes", ("endpoint length not number", {})),
    (("POST", "/query", {"Content-Type": "application/sparql-query"}, b""), 411, "a POST needs a Content-Length",
     ("endpoint no length", {})),
    (("POST", "/query", {"Content-Length": "{n}"}, b"ASK {}"), 415, "a query is sent as application/sparql-query or "
     "application/x-www-form-urlencoded, not without a Content-Type", ("endpoint content type", {"ctype": None})),
    (("GET", "/query?query=", {}, b""), 400, "give one query: ?query=\u2026 (GET), or POST it; the query page is at /",
     ("endpoint one query", {})),
]


@pytest.mark.parametrize("request_,status,english,message", ERROR_ANSWERS, ids=[m[0] for *_, m in ERROR_ANSWERS])
@pytest.mark.parametrize("language", [None, "en-US,en;q=0.9", "ko-KR,ko;q=0.9,en;q=0.8", "en;q=0.5, ko"])
def test_error_answers_are_in_the_language_the_request_prefers(endpoint, request_, status, english, message,
                                                                language):
    """No Accept-Language (curl, scripts) or English first: the very bytes kg serve answered before; Korean first:
    the Korean message of kg/text.py."""
    from kg.text import Phrase, tr

    method, path, headers, body = request_
    headers = {k: v.format(n=len(body)) for k, v in headers.items()}
    if language:
        headers["Accept-Language"] = language
    answered = ask(endpoint, method, path, headers, body)
    if language is None or language.startswith("en-US"):
        assert answered == (status, error_body(english))
        return
    key, values = message
    values = {k: v if v is not None else Phrase("endpoint no content type") for k, v in values.items()}
    korean = tr(key, "ko", **values)
    assert re.search("[가-힣]", korean) and answered == (status, error_body(korean))


@pytest.mark.parametrize("language", [None, "ko"])
def test_an_error_answer_says_that_it_varies_with_the_language(endpoint, language):
    """Its words depend on Accept-Language, so a cache must keep one copy per language."""
    headers = {"Accept-Language": language} if language else {}
    request = urllib.request.Request(endpoint.url + "/nosuch", headers=headers)
    with pytest.raises(urllib.error.HTTPError) as answer:
        urllib.request.urlopen(request, timeout=30)
    assert answer.value.code == 404 and answer.value.headers.get_all("Vary") == ["Accept-Language"]

@pytest.mark.parametrize("query,frame", [("SELECT WHERE {", "endpoint syntax error"),
                                          ("SELECT * WHERE { ?s ?p ?o } LIMIT 1 BIND", "endpoint syntax error")])
def test_the_engines_own_message_is_quoted_as_it_is_in_a_korean_frame(endpoint, query, frame):
    from kg.text import tr

    def answer(language):
        headers = {"Content-Type": "application/sparql-query", "Content-Length": str(len(query))}
        status, body = ask(endpoint, "POST", "/query", headers | ({"Accept-Language": language} if language else {}),
                           query.encode())
        return status, json.loads(body)["error"]

    (status, english), (ko_status, korean) = answer(None), answer("ko")
    assert status == ko_status == 400 and english.startswith("SPARQL syntax error: ")
    quoted = english[len("SPARQL syntax error: "):]
    assert quoted and not re.search("[가-힣]", quoted)
    assert korean == tr(frame, "ko", message=quoted) and korean != english and quoted in korean


@pytest.mark.parametrize("header,language", [
    (None, "en"), ("", "en"), ("ko", "ko"), ("KO-kr", "ko"), ("ko-KR,ko;q=0.9,en-US;q=0.8,en;q=0.7", "ko"),
    ("en-US,en;q=0.9,ko;q=0.8", "en"), ("en, ko", "en"), ("ko, en", "ko"), ("fr, ko;q=0.5", "ko"),
    ("ko;q=0.5, *;q=0.8", "en"), ("ko;q=0", "en"), ("ko;q=abc", "en"), ("ko;q=1.5", "en"), ("ko;q=-1", "en"),
    ("de, fr", "en"), (",,;;=,ko;;q=", "en"), ("ko;q=0.001", "ko"), ("x" * 100_000 + ",ko", "en"),
])
def test_the_request_language_is_read_from_accept_language(header, language):
    from kg.serve import request_language

    assert request_language(header) == language


# ------------------------------------------------------------------ the kg serve command itself


def _ignore_sigint() -> None:
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # as a script's background job starts


def _start_kg_serve(tmp_path, *extra, preexec_fn=None):
    """`kg serve --port 0` as a user starts it; returns the process, the URL it printed and its engine processes."""
    import os
    import re
    import selectors

    env = dict(os.environ, TMPDIR=str(tmp_path))
    process = subprocess.Popen([str(Path(sys.executable).parent / "kg"), "serve", "--seeds", str(MINIMAL), "--port",
                                "0", *extra], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
                               preexec_fn=preexec_fn)
    selector = selectors.DefaultSelector()
    selector.register(process.stdout, selectors.EVENT_READ)
    assert selector.select(timeout=60), "kg serve printed nothing within 60 s"
    line = process.stdout.readline()
    match = re.fullmatch(r"SPARQL endpoint at (http://127\.0\.0\.1:(\d+))/query \(query page at \1/\), read-only, "
                         r"queries stopped after 30 s\. Ctrl-C to stop\.\n", line)
    assert match and match[2] != "0", line  # the real port, not 0
    deadline = time.monotonic() + 30
    while len(descendants(process.pid)) < 4 and time.monotonic() < deadline:  # the zygote and its 3 workers
        time.sleep(0.05)
    engines = descendants(process.pid)
    assert len(engines) >= 4, engines
    return process, match[1], engines


@pytest.mark.parametrize("signum,inherited", [("SIGINT", None), ("SIGTERM", None), ("SIGINT", _ignore_sigint)],
                         ids=["SIGINT", "SIGTERM", "SIGINT ignored by the parent"])
def test_kg_serve_prints_its_real_url_answers_and_stops_cleanly(tmp_path, signum, inherited):
    import signal

    process, url, engines = _start_kg_serve(tmp_path, preexec_fn=inherited)
    try:
        q = "SELECT ?n WHERE { ?a <https://w3id.org/ai-partnerships/ontology#gpuCount> ?n } ORDER BY ?n"
        _, _, body = get(f"{url}/query?" + urllib.parse.urlencode({"query": q}))
        assert [int(b["n"]["value"]) for b in json.loads(body)["results"]["bindings"]] == \
               [150, 400, 600, 650, 1000, 1200, 2000]
        assert any(p.name.startswith("kg-serve-") for p in tmp_path.iterdir())  # its temporary store
        process.send_signal(getattr(signal, signum))
        out, err = process.communicate(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    assert process.returncode == 0 and err == "" and out == ""
    deadline = time.monotonic() + 10
    while any(alive(e) for e in engines) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not any(alive(e) for e in engines)  # the engines went with it
    assert list(tmp_path.iterdir()) == []  # and so did the temporary store and the answers' spool
    with pytest.raises(OSError):
        urllib.request.urlopen(url + "/query?query=ASK%7B%7D", timeout=2)


def test_a_killed_kg_serve_leaves_no_engine_running(tmp_path):
    """SIGKILL gives kg no chance to stop its engines: the kernel tells them instead (PR_SET_PDEATHSIG)."""
    import signal

    process, url, engines = _start_kg_serve(tmp_path)
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)
    deadline = time.monotonic() + 10
    while any(alive(e) for e in engines) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not any(alive(e) for e in engines)


@pytest.mark.parametrize("host,warned", [("127.0.0.1", False), ("0.0.0.0", True)])
def test_listening_beyond_loopback_is_warned_about(tmp_path, host, warned):
    from click.testing import CliRunner

    from kg import api
    from kg.cli import main

    started = []

    class Stub:
        url = "http://stub"

        def start(self):
            started.append(True)
            raise KeyboardInterrupt

        def stop(self):
            pass

    original = api.serve_endpoint
    api.serve_endpoint = lambda *args: Stub()
    try:
        result = CliRunner().invoke(main, ["serve", "--seeds", str(MINIMAL), "--host", host])
    finally:
        api.serve_endpoint = original
    assert started == [True]
    assert ("reachable from other machines, and it has no authentication" in result.output) is warned


# ------------------------------------------------------------------ clients on other origins, and the description


def options(url, headers):
    req = urllib.request.Request(url, method="OPTIONS", headers=headers)
    try:
        with urllib.request.urlopen(req, timeout=30) as r:
            return r.status, r.headers, r.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.headers, exc.read()


@contextlib.contextmanager
def allowing(endpoint, *origins, public_url=None):
    """The module's endpoint with these CORS origins (and public URL) for the block."""
    endpoint.allow(origins, public_url)
    try:
        yield endpoint
    finally:
        endpoint.allow()


PAGE = "http://127.0.0.1:5173"
PREFLIGHT = {"Origin": PAGE, "Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "content-type"}


def test_cross_origin_reading_is_off_by_default(endpoint):
    """No CORS header on answers and a refused preflight, with a message that says how to allow it."""
    ask = f"{endpoint.url}/query?" + urllib.parse.urlencode({"query": "ASK {}"})
    with urllib.request.urlopen(urllib.request.Request(ask, headers={"Origin": PAGE}), timeout=30) as r:
        assert r.status == 200 and "Access-Control-Allow-Origin" not in r.headers
    status, headers, body = options(endpoint.url + "/query", PREFLIGHT)
    assert status == 403 and "Access-Control-Allow-Origin" not in headers
    message = json.loads(body)["error"]
    assert f"--cors {PAGE}" in message and message.endswith("to allow them")
    status, _, body = options(endpoint.url + "/query", {**PREFLIGHT, "Accept-Language": "ko"})
    assert status == 403 and json.loads(body)["error"] == (f"{PAGE}의 페이지는 이 엔드포인트에 질의할 수 없습니다 — "
                                                           f"허용하려면 kg serve를 --cors {PAGE} 옵션으로 시작하세요")
    # an OPTIONS that is no preflight is still answered
    status, headers, _ = options(endpoint.url + "/query", {})
    assert status == 204 and headers["Allow"] == "GET, HEAD, POST, OPTIONS"


def test_cors_grants_the_named_origins_only(endpoint):
    with allowing(endpoint, PAGE, "https://yasgui.example.org"):
        status, headers, _ = options(endpoint.url + "/query", PREFLIGHT)
        assert status == 204
        assert headers["Access-Control-Allow-Origin"] == PAGE and headers["Vary"] == "Origin"
        assert set(headers["Access-Control-Allow-Methods"].split(", ")) == {"GET", "HEAD", "POST", "OPTIONS"}
        assert {h.lower() for h in headers["Access-Control-Allow-Headers"].split(", ")} >= {"content-type", "accept"}
        # refused: another origin (told nothing), a method or header the endpoint does not take (told why)
        for refused, why in (({**PREFLIGHT, "Origin": "http://127.0.0.1:5174"}, "--cors http://127.0.0.1:5174"),
                             ({**PREFLIGHT, "Access-Control-Request-Method": "PUT"}, "read-only"),
                             ({**PREFLIGHT, "Access-Control-Request-Headers": "content-type, x-secret"}, "x-secret")):
            status, headers, body = options(endpoint.url + "/query", refused)
            assert status == 403 and why in json.loads(body)["error"], refused
            assert headers["Access-Control-Allow-Origin"] == (None if refused["Origin"] != PAGE else PAGE)
        ask = f"{endpoint.url}/query?" + urllib.parse.urlencode({"query": "ASK {}"})
        for origin, granted in ((PAGE, PAGE), ("http://elsewhere.example", None)):
            with urllib.request.urlopen(urllib.request.Request(ask, headers={"Origin": origin}), timeout=30) as r:
                assert r.headers["Access-Control-Allow-Origin"] == granted
    with allowing(endpoint, "*"):
        status, headers, _ = options(endpoint.url + "/query", {**PREFLIGHT, "Origin": "http://any.example"})
        assert status == 204 and headers["Access-Control-Allow-Origin"] == "*"


@pytest.mark.parametrize("origin", ["localhost:3000", "http://localhost:3000/", "http://a.example/path", "ftp://a.b",
                                    "http://a b"])
def test_cors_refuses_what_is_not_an_origin(origin):
    from kg.errors import KgError
    from kg.serve_cors import check_origins

    with pytest.raises(KgError, match="not an origin"):
        check_origins((origin,))


@pytest.mark.parametrize("options_given,output", [
    (["--cors", "*"], "--cors '*' lets every web page"),
    (["--cors", "http://localhost:3000/app"], "not an origin"),
    (["--public-url", "https://x.example/q>"], "give the endpoint's URL"),
])
def test_kg_serve_warns_about_any_origin_and_refuses_a_bad_one(options_given, output):
    from click.testing import CliRunner

    from kg import api
    from kg.cli import main

    original, built = api.serve_endpoint, []

    def stub(*args):  # a real endpoint on a free port, stopped at once: kg serve's own checks run, nothing stays
        with original(*args[:2], "127.0.0.1", 0, *args[4:]) as endpoint:
            built.append(endpoint.cors)
        raise KeyboardInterrupt

    api.serve_endpoint = stub
    try:
        result = CliRunner().invoke(main, ["serve", "--seeds", str(MINIMAL), *options_given])
    finally:
        api.serve_endpoint = original
    assert output in result.output, result.output
    assert "Traceback" not in result.output
    assert built == ([("*",)] if options_given[1] == "*" else [])  # a bad option stops kg serve before it starts
    if options_given[1] != "*":
        assert result.exit_code == 1


def test_construct_and_describe_without_accept_answer_turtle(endpoint):
    """HTTP: a request with no Accept header accepts anything; a graph answer is then Turtle."""
    for query in ("CONSTRUCT { ?s a ?t } WHERE { ?s a ?t } LIMIT 3", "DESCRIBE ?s WHERE { ?s a ?t } LIMIT 1"):
        req = urllib.request.Request(f"{endpoint.url}/query?" + urllib.parse.urlencode({"query": query}))
        assert "Accept" not in req.headers
        with urllib.request.urlopen(req, timeout=30) as r:
            assert r.status == 200 and r.headers["Content-Type"] == "text/turtle; charset=utf-8"
            from rdflib import Graph

            assert len(Graph().parse(data=r.read(), format="turtle")) >= 1


def test_the_service_description_names_the_public_url_and_no_federation(endpoint):
    from rdflib import Graph, Namespace, URIRef

    SD = Namespace("http://www.w3.org/ns/sparql-service-description#")
    status, ctype, body = get(endpoint.url + "/query", accept="text/turtle")
    assert status == 200 and ctype.startswith("text/turtle")
    graph = Graph().parse(data=body, format="turtle")
    assert set(graph.objects(None, SD.endpoint)) == {URIRef(endpoint.url + "/query")}
    assert set(graph.objects(None, SD.feature)) == {SD.UnionDefaultGraph}
    assert URIRef("http://www.w3.org/ns/formats/SPARQL_Results_JSON") in set(graph.objects(None, SD.resultFormat))
    port = str(endpoint.httpd.server_address[1])
    assert {str(o).split(":")[-1].split("/")[0] for o in graph.objects(None, SD.endpoint)} == {port}


CROSS_ORIGIN_PAGE = """<!doctype html><meta charset="utf-8"><title>another origin</title><pre id="out"></pre>
<script>
const endpoint = ENDPOINT, out = document.getElementById('out');
async function run() {
  const lines = [];
  try {  // a simple GET (no preflight): the answer is readable only with Access-Control-Allow-Origin
    const r = await fetch(endpoint + '?query=' + encodeURIComponent('SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }'),
                          {headers: {'Accept': 'application/sparql-results+json'}});
    lines.push('get ' + (await r.json()).results.bindings[0].n.value);
  } catch (e) { lines.push('get blocked'); }
  try {  // a POST of application/sparql-query needs a preflight; a CONSTRUCT with fetch's default Accept
    const r = await fetch(endpoint, {method: 'POST', headers: {'Content-Type': 'application/sparql-query'},
                                     body: 'CONSTRUCT { ?s a ?t } WHERE { ?s a ?t } LIMIT 1'});
    lines.push('post ' + r.headers.get('Content-Type') + ' ' + (await r.text()).includes('w3id.org/ai-partnerships/'));
  } catch (e) { lines.push('post blocked'); }
  out.textContent = lines.join('\\n');
}
run();
</script>"""


@contextlib.contextmanager
def page_server(html: str):
    """A second loopback origin: http.server in a thread, serving one page."""
    import threading
    from http.server import BaseHTTPRequestHandler, HTTPServer

    class Page(BaseHTTPRequestHandler):
        def do_GET(self):
            body = html.encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = HTTPServer(("127.0.0.1", 0), Page)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def test_a_page_on_another_origin_reads_answers_in_chromium_only_with_cors(endpoint, browser):  # noqa: F811
    expected = json.loads(get(endpoint.url + "/query?" + urllib.parse.urlencode(
        {"query": "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"}))[2])["results"]["bindings"][0]["n"]["value"]
    html = CROSS_ORIGIN_PAGE.replace("ENDPOINT", json.dumps(endpoint.url + "/query"))
    with page_server(html) as origin:
        seen = {}
        for cors in ((), (origin,)):
            with allowing(endpoint, *cors):
                page = browser.new_page()
                try:
                    page.goto(origin + "/")
                    page.wait_for_function("document.getElementById('out').textContent.includes('post')",
                                           timeout=30_000)
                    seen[cors] = page.inner_text("#out").splitlines()
                finally:
                    page.close()
    assert seen[()] == ["get blocked", "post blocked"]
    assert seen[(origin,)] == [f"get {expected}", "post text/turtle; charset=utf-8 true"]


def _described_endpoint(endpoint, host: str | None = None) -> set[str]:
    from rdflib import Graph, Namespace

    conn = http.client.HTTPConnection("127.0.0.1", endpoint.httpd.server_address[1], timeout=30)
    conn.putrequest("GET", "/query", skip_host=host is not None)
    if host is not None:
        conn.putheader("Host", host)
    conn.endheaders()
    answer = conn.getresponse()
    assert answer.status == 200
    graph = Graph().parse(data=answer.read(), format="turtle")
    conn.close()
    return {str(o) for o in graph.objects(None, Namespace("http://www.w3.org/ns/sparql-service-description#").endpoint)}


def test_the_service_description_names_the_url_clients_use(endpoint):
    """Behind a proxy (or on 0.0.0.0) the address kg serve listens on is not the one clients use: the description
    names the Host the client asked for, or --public-url; a Host that is not a plain host and port is not echoed."""
    assert _described_endpoint(endpoint, "sparql.example.org:8443") == {"http://sparql.example.org:8443/query"}
    assert _described_endpoint(endpoint, "[::1]:8000") == {"http://[::1]:8000/query"}
    assert _described_endpoint(endpoint, "evil> . <x") == {endpoint.url + "/query"}
    with allowing(endpoint, public_url="https://data.example.org/kg/sparql"):
        assert _described_endpoint(endpoint, "127.0.0.1:1") == {"https://data.example.org/kg/sparql"}


def test_the_query_page_asks_for_graphs_too_and_predeclares_prefixes(endpoint):
    _, _, body = get(endpoint.url + "/", accept="text/html")
    page = body.decode()
    assert "'Accept': 'application/sparql-results+json, text/turtle;q=0.9'" in page
    assert "#status.error{color:#b00020}" in page
    # what the page sends for a CONSTRUCT without PREFIX lines: Turtle, with kg: predeclared
    q = "CONSTRUCT { ?s kgo:gpuCount ?n } WHERE { ?s kgo:gpuCount ?n } LIMIT 2"
    req = urllib.request.Request(endpoint.url + "/query", data=urllib.parse.urlencode({"query": q}).encode(),
                                 headers={"Content-Type": "application/x-www-form-urlencoded",
                                          "Accept": "application/sparql-results+json, text/turtle;q=0.9"})
    with urllib.request.urlopen(req, timeout=30) as r:
        assert r.headers["Content-Type"] == "text/turtle; charset=utf-8"
        assert r.read().count(b"ontology#gpuCount>") == 2


def test_listens_on_ipv6_loopback_too():
    """`--host ::1` (and `::`) listen on IPv6; the URL printed has the address in brackets."""
    from kg.serve import serve

    with serve(StoreSpec("memory"), MINIMAL, host="::1", port=0, timeout=5) as ep:
        assert ep.url.startswith("http://[::1]:")
        status, _, body = get(f"{ep.url}/query?" + urllib.parse.urlencode({"query": "ASK { ?s ?p ?o }"}))
        assert status == 200 and json.loads(body)["boolean"] is True


# --- the query page in Chromium (issue 13 item 4, issue 15 item 1) ---

@pytest.fixture(scope="module")
def page_endpoint():
    """An endpoint for the page's tests, with time for the named queries on a busy machine (endpoint's 1.5 s limit
    is for the runaway-query test)."""
    from kg.serve import serve

    ep = serve(StoreSpec("memory"), MINIMAL, port=0, timeout=30).start()
    yield ep
    ep.stop()


PAGE_SELECT = "SELECT ?recipient ?n WHERE { ?a a kgo:GPUAllocation ; kgo:gpuCount ?n ; kgo:recipient/rdfs:label ?recipient . FILTER(lang(?recipient) = 'en') } ORDER BY ?n ?recipient"  # noqa: E501
DECLARED = ("PREFIX kgo: <https://w3id.org/ai-partnerships/ontology#>\n"
            "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n")


@contextlib.contextmanager
def query_page(endpoint, browser, path="/"):  # noqa: F811
    """The query page opened in Chromium, with every URL it asked for (all must be the endpoint's own)."""
    page = browser.new_page(accept_downloads=True)
    asked: list[str] = []
    page.on("request", lambda request: asked.append(request.url))
    try:
        page.goto(endpoint.url + path)
        yield page
    finally:
        page.close()
    assert asked and all(u.startswith((endpoint.url + "/", "blob:" + endpoint.url)) for u in asked), asked


def run_in_page(page, query: str | None = None) -> str:
    """Run the query in the editor (replaced by `query` if given); the status line once it is done."""
    if query is not None:
        page.fill("#q", query)
    page.evaluate("document.getElementById('status').textContent = ''")
    page.click("button[type=submit]")
    return waited_status(page)


def waited_status(page) -> str:
    """The status line once the query has an answer (polled: the page's CSP forbids wait_for_function's eval)."""
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        status = page.inner_text("#status")
        if status and not status.endswith("…"):
            return status
        page.wait_for_timeout(50)
    raise AssertionError(f"the query page gave no answer within 30 s (status: {status!r})")


def table_rows(page) -> list[list[str]]:
    return page.evaluate("[...document.querySelectorAll('#out tr')].map(r => [...r.cells].map(c => c.textContent))")


def server_rows(endpoint, query: str) -> tuple[list[str], list[list[str]]]:
    """The endpoint's own answer to the query with its PREFIX lines written out."""
    answer = json.loads(get(endpoint.url + "/query?" + urllib.parse.urlencode({"query": DECLARED + query}))[2])
    names = answer["head"]["vars"]
    return names, [[b[v]["value"] if v in b else "" for v in names] for b in answer["results"]["bindings"]]


def test_the_query_page_in_chromium_predeclares_prefixes_keeps_the_query_in_the_url_and_downloads(
        page_endpoint, browser, tmp_path):  # noqa: F811
    endpoint = page_endpoint
    import csv

    from kg.text import tr

    names, rows = server_rows(endpoint, PAGE_SELECT)
    assert len(rows) > 1
    with query_page(endpoint, browser) as page:
        assert "PREFIX" not in page.input_value("#q")
        assert waited_status_or_empty(page) == ""
        run_in_page(page)  # the page's own example runs as it is, without PREFIX lines
        assert len(table_rows(page)) > 1
        status = run_in_page(page, PAGE_SELECT)
        assert status.startswith(tr("serve rows", "en", n=len(rows), secs="").split("(")[0])
        assert table_rows(page) == [names, *rows]
        link = page.url
        assert urllib.parse.parse_qs(urllib.parse.urlsplit(link).query)["query"] == [PAGE_SELECT]
        with page.expect_download() as csv_download:
            page.click("#csv")
        with page.expect_download() as json_download:
            page.click("#json")
        csv_path, json_path = tmp_path / "a.csv", tmp_path / "a.json"
        csv_download.value.save_as(csv_path)
        json_download.value.save_as(json_path)
    with open(csv_path, newline="", encoding="utf-8") as f:
        assert list(csv.reader(f)) == [names, *rows]
    answer = json.loads(json_path.read_text(encoding="utf-8"))
    assert [[b[v]["value"] for v in names] for b in answer["results"]["bindings"]] == rows
    with query_page(endpoint, browser, link[len(endpoint.url):]) as again:  # the link runs the query again
        waited_status(again)
        assert again.input_value("#q") == PAGE_SELECT and table_rows(again) == [names, *rows]


def waited_status_or_empty(page) -> str:
    """The status line of a page that has not run anything: empty (it runs a query only when its URL has one)."""
    page.wait_for_load_state("load")
    return page.inner_text("#status")


def test_the_query_page_shows_construct_as_turtle_and_escapes_answers(page_endpoint, browser):  # noqa: F811
    endpoint = page_endpoint
    from rdflib import Graph

    with query_page(endpoint, browser) as page:
        run_in_page(page, "CONSTRUCT { ?s kgo:gpuCount ?n } WHERE { ?s kgo:gpuCount ?n }")
        graph = Graph().parse(data=page.inner_text("#out pre"), format="turtle")
        assert sorted(int(o) for o in graph.objects()) == [150, 400, 600, 650, 1000, 1200, 2000]
        assert page.is_visible("#turtle") and not page.is_visible("#csv")
        hostile = "<img src=x onerror=\"document.title='pwned'\">"
        run_in_page(page, "SELECT ?x WHERE { BIND(" + json.dumps(hostile) + " AS ?x) }")
        assert table_rows(page) == [["x"], [hostile]]
        assert page.locator("#out img").count() == 0 and page.title() != "pwned"


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_the_query_page_says_read_only_for_an_update(page_endpoint, browser, lang):  # noqa: F811
    endpoint = page_endpoint
    from kg.text import tr

    with query_page(endpoint, browser, "/?lang=ko" if lang == "ko" else "/") as page:
        status = run_in_page(page, "INSERT DATA { kg:a kgo:gpuCount 1 }")
        assert status == tr("serve read-only", lang)
        assert page.get_attribute("#status", "class") == "error" and page.is_hidden("#downloads")


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_the_query_page_shows_the_endpoints_error_in_its_language(page_endpoint, browser, lang):  # noqa: F811
    """The page asks for the endpoint's error answers in its own language (Accept-Language); Oxigraph's own
    message inside stays as the engine wrote it."""
    endpoint = page_endpoint
    from kg.text import tr

    bad = "SELECT WHERE {"
    headers = {"Content-Type": "application/sparql-query", "Content-Length": str(len(bad))}
    quoted = json.loads(ask(endpoint, "POST", "/query", headers, bad.encode())[1])["error"]
    quoted = quoted[len("SPARQL syntax error: "):]
    with query_page(endpoint, browser, "/?lang=ko" if lang == "ko" else "/") as page:
        status = run_in_page(page, bad)
        assert page.get_attribute("#status", "class") == "error"
    message = tr("endpoint syntax error", lang, message=quoted)
    assert status == tr("serve failed", lang, status=400, message=message)
    assert status.startswith("질의 실패 (HTTP 400): SPARQL 구문 오류: " if lang == "ko"
                             else "The query failed (HTTP 400): SPARQL syntax error: ")


def test_the_query_page_offers_the_named_queries_as_examples(page_endpoint, browser):  # noqa: F811
    endpoint = page_endpoint
    from kg.query.catalogue import get_query, list_queries

    with query_page(endpoint, browser) as page:
        offered = page.evaluate("[...document.querySelectorAll('#examples option')].map(o => o.value)")
        assert offered == ["", *(q.name for q in list_queries())]
        page.select_option("#examples", "gpu-allocations")
        assert page.input_value("#q") == get_query("gpu-allocations").text
        assert run_in_page(page) and len(table_rows(page)) > 1
        english = table_rows(page)
    with query_page(endpoint, browser, "/?lang=ko") as page:  # the same query, its labels in Korean
        page.select_option("#examples", "gpu-allocations")
        korean_text = page.input_value("#q")
        written = get_query("gpu-allocations").text
        assert written.count('("en" kg:nvidia UNDEF)') == 1
        assert korean_text == written.replace('("en" kg:nvidia UNDEF)', '("ko" kg:nvidia UNDEF)')
        run_in_page(page)
        korean = table_rows(page)
    assert len(korean) == len(english) and korean != english
    assert any(re.search("[가-힣]", cell) for row in korean for cell in row)



@pytest.mark.parametrize("text,korean", [
    ('SELECT * WHERE { VALUES (?lang ?org) { ("en" kg:nvidia) } ?s ?p ?o }',
     'SELECT * WHERE { VALUES (?lang ?org) { ("ko" kg:nvidia) } ?s ?p ?o }'),
    ('SELECT * WHERE {\n  VALUES ?lang {\n "en" }\n  ?s ?p ?o }',
     'SELECT * WHERE {\n  VALUES ?lang { "ko" }\n\n  ?s ?p ?o }'),
    ('SELECT * WHERE { VALUES ?org { kg:nvidia } ?s ?p ?o }', 'SELECT * WHERE { VALUES ?org { kg:nvidia } ?s ?p ?o }'),
    ('SELECT * WHERE { VALUES ?lang { "en" } { SELECT ?s WHERE { VALUES ?lang { "en" } ?s ?p ?o } }\n'  # a copy too
     '{ SELECT ?s WHERE { VALUES ?lang { "en" "ko" } ?s ?p ?o } } }',
     'SELECT * WHERE { VALUES ?lang { "ko" } { SELECT ?s WHERE { VALUES ?lang { "ko" } ?s ?p ?o } }\n'
     '{ SELECT ?s WHERE { VALUES ?lang { "en" "ko" } ?s ?p ?o } } }'),
])
def test_an_example_in_the_readers_language_changes_only_its_lang(text, korean):
    from kg.query.binding import in_language
    from kg.query.catalogue import list_queries

    assert in_language(text, "ko") == korean
    for q in list_queries():  # every named query written as in_language writes it: English leaves it as it is
        assert in_language(q.text, "en") == q.text

ENGLISH_CODES = {"kg", "SPARQL", "CSV", "JSON", "Turtle", "HTTP", "PREFIX", "INSERT", "DELETE", "LOAD", "DROP",
                 "Update", "English", "query"}


def test_the_korean_query_page_has_no_english_ui_words(page_endpoint, browser):  # noqa: F811
    """?lang=ko, or the language switch: every word the page itself shows is Korean (SPARQL terms, format names and
    the prefixes aside); the switch keeps the language in the URL."""
    from kg.text import tr

    endpoint = page_endpoint
    script = """[...document.querySelectorAll('body *')].filter(e => e.offsetParent !== null
        && !e.closest('textarea, #examples, #out, script, #lang')).flatMap(e => [...e.childNodes])
        .filter(n => n.nodeType === 3).map(n => n.textContent).join(' ')"""
    from kg.query.catalogue import list_queries

    examples = "[...document.querySelectorAll('#examples option')].slice(1).map(o => o.textContent)"
    with query_page(endpoint, browser) as page:
        assert page.inner_text("h1") == tr("serve title", "en")
        assert page.evaluate(examples) == [f"{q.name} — {q.title}" for q in list_queries()]
        page.select_option("#lang", "ko")
        assert urllib.parse.parse_qs(urllib.parse.urlsplit(page.url).query)["lang"] == ["ko"]
        switched = page.evaluate(script)
        assert page.evaluate(examples) == [f"{q.name} — {q.title_ko}" for q in list_queries()]  # titles too
    with query_page(endpoint, browser, "/?lang=ko") as page:
        run_in_page(page, PAGE_SELECT)
        shown = page.evaluate(script)
        assert page.title() == tr("serve title", "ko") and page.evaluate("document.documentElement.lang") == "ko"
    for text in (switched, shown):
        words = set(re.findall(r"[A-Za-z]{2,}", re.sub(r"\w+:", "", text))) - ENGLISH_CODES
        assert words == set(), words
        assert re.search(r"[가-힣]", text)
