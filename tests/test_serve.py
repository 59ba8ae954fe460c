"""kg serve: read-only, loopback by default, stops runaway queries with an HTTP error, holds 50 clients."""

from __future__ import annotations

import json
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

import pytest

from kg.store import StoreSpec

from conftest import MINIMAL

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
    status, ctype, body = get(endpoint.url + "/", accept="text/html")
    page = body.decode()
    assert status == 200 and ctype.startswith("text/html")
    assert "<textarea" in page and "/query" in page
    assert "http://" not in page.replace("http://www.w3.org", "").replace("https://w3id.org", "")
    assert "https://" not in page.replace("https://w3id.org", "")


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
    _, _, after = get(f"{endpoint.url}/query?" + urllib.parse.urlencode({"query": "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }"}))
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
