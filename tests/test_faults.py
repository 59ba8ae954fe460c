"""Faults: writes and loads killed half-way (SIGKILL, for real, to `kg` processes), writes the kernel refuses, an
endpoint that goes away during `kg push`. Nothing is lost, nothing is duplicated, a re-run just works.

Every wait here is bounded in time; every server is on 127.0.0.1.
"""

from __future__ import annotations

import http.client
import http.server
import os
import signal
import subprocess
import sys
import threading
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import MINIMAL, ROOT, SEEDS
from oxigraph_server import OxigraphServer

from kg.cli import main

KG = str(Path(sys.executable).parent / "kg")
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"


@pytest.fixture(scope="module")
def big(tmp_path_factory) -> tuple[Path, int]:
    """A generated graph of the seeds' shape: 187,099 quads, 37 MB of N-Quads (made here, never committed)."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from generate import synthetic_seeds, write_nquads

    path = tmp_path_factory.mktemp("big") / "big.nq"
    return path, write_nquads(synthetic_seeds(2500), path)


@pytest.fixture(scope="module")
def small(tmp_path_factory) -> tuple[Path, int]:
    path = tmp_path_factory.mktemp("small") / "small.nq"
    assert CliRunner().invoke(main, ["build", "--seeds", str(MINIMAL), "-o", str(path)]).exit_code == 0
    return path, len(path.read_text(encoding="utf-8").splitlines())


def wait_for(found, process: subprocess.Popen, limit: float = 60.0):
    """Poll (every millisecond, at most `limit` seconds) until found() is true or the process ends."""
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline and process.poll() is None:
        value = found()
        if value:
            return value
        time.sleep(0.001)
    return None


def kill(process: subprocess.Popen) -> None:
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)
    assert process.returncode == -signal.SIGKILL


def quads_in(store: Path) -> int:
    import pyoxigraph

    opened = pyoxigraph.Store.read_only(str(store))
    try:
        return len(opened)
    finally:
        del opened


def kg(*args) -> subprocess.CompletedProcess:
    return subprocess.run([KG, *map(str, args)], capture_output=True, text=True, timeout=300)


# --------------------------------------------------------------------------------------------------
# Files
# --------------------------------------------------------------------------------------------------

def test_a_killed_export_leaves_the_previous_file_and_nothing_to_trip_on(big, small, tmp_path):
    out = tmp_path / "out" / "graph.nt"
    assert kg("export", "--graph", small[0], "-o", out).returncode == 0
    previous = out.read_bytes()
    temporaries = lambda: sorted(out.parent.glob(".graph.nt.*.tmp"))  # noqa: E731
    for _attempt in range(3):  # the write takes a few hundred ms; bounded retries if the kill came too late
        process = subprocess.Popen([KG, "export", "--graph", str(big[0]), "-o", str(out)],
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        started = wait_for(temporaries, process)
        if started:
            kill(process)
            break
        process.wait(timeout=60)
        out.write_bytes(previous)
    assert started, "the export finished before it could be killed three times"
    assert out.read_bytes() == previous  # byte-identical
    left = temporaries()
    assert [p.name.split(".")[3] for p in left] == [str(process.pid)]  # the killed writer's, named by its pid
    assert left[0].stat().st_size < 27_000_000  # cut short: the full export is 27.8 MB

    again = kg("export", "--graph", small[0], "-o", out)
    assert again.returncode == 0, again.stderr
    assert out.read_bytes() == previous
    assert sorted(p.name for p in out.parent.iterdir()) == ["graph.nt"]  # the leftover is gone


def test_a_write_the_kernel_refuses_half_way_keeps_the_previous_file(tmp_path):
    """A real failed write: the file size limit (RLIMIT_FSIZE) stops the export after 64 KiB, as a full disk
    would; Python ignores SIGXFSZ, so write() fails with EFBIG."""
    import resource

    out = tmp_path / "graph.nt"
    out.write_bytes(b"the previous export\n")

    def limit():
        resource.setrlimit(resource.RLIMIT_FSIZE, (64 * 1024, 64 * 1024))

    result = subprocess.run([KG, "export", "--seeds", str(SEEDS), "-o", str(out)], capture_output=True, text=True,
                            preexec_fn=limit, timeout=120)
    assert result.returncode == 1
    assert result.stderr == (f"{out}: cannot write the file (File too large) — free some disk space or check the "
                             "folder's permissions; the previous file, if any, is unchanged\n")
    assert out.read_bytes() == b"the previous export\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["graph.nt"]


def test_disk_full_on_build_is_a_clear_error(tmp_path, monkeypatch):
    import errno

    out = tmp_path / "graph.nq"
    out.write_bytes(b"previous")

    def full(fd):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", full)
    result = CliRunner().invoke(main, ["build", "--seeds", str(MINIMAL), "-o", str(out)])
    assert result.exit_code == 1
    assert isinstance(result.exception, SystemExit) and "Traceback" not in result.output
    assert f"{out}: cannot write the file (No space left on device)" in result.output
    assert out.read_bytes() == b"previous"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["graph.nq"]


# --------------------------------------------------------------------------------------------------
# On-disk stores
# --------------------------------------------------------------------------------------------------

def test_a_killed_load_keeps_the_previous_store_and_a_rerun_loads_once(big, small, tmp_path):
    store = tmp_path / "kg"
    assert kg("load", small[0], "--store", f"oxigraph:{store}").returncode == 0
    assert quads_in(store) == small[1]

    process = subprocess.Popen([KG, "load", str(big[0]), "--store", f"oxigraph:{store}"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    fresh = wait_for(lambda: sorted(tmp_path.glob(".kg.new-*")), process)
    assert fresh, "the load never started"
    time.sleep(0.3)  # into the bulk load (about 2 s for this file)
    assert process.poll() is None, "the load finished before it could be killed"
    kill(process)

    assert quads_in(store) == small[1]  # the previous store, whole
    assert [p.name.split("-")[1] for p in tmp_path.glob(".kg.new-*")] == [str(process.pid)]  # its half-built store

    for _ in range(2):  # a re-run loads the file once, and again replaces rather than adds
        again = kg("load", big[0], "--store", f"oxigraph:{store}")
        assert again.returncode == 0, again.stderr
        assert again.stdout == f"Loaded {big[1]} quads from 1 file(s) into oxigraph:{store}\n"
        assert quads_in(store) == big[1]
        assert sorted(p.name for p in tmp_path.iterdir()) == ["kg"]  # the leftover is gone


# A `kg` process whose store swap stops at a given point, so that SIGKILL lands exactly there. `step` names it:
# "before-swap" (the new store fully loaded, not yet in place) or "between-renames" (the old store moved aside,
# the new one not yet renamed into place: the narrowest window there is).
PAUSED_KG = r"""
import os, sys, time
from pathlib import Path
import kg.stores.oxigraph
step, marker = sys.argv[1], Path(sys.argv[2])
real_replace = os.replace

def pause():  # until killed, or until the test creates marker + ".go" (at most 120 s)
    marker.write_text("paused")
    deadline = time.monotonic() + 120
    while not marker.with_suffix(".go").exists() and time.monotonic() < deadline:
        time.sleep(0.01)

if step == "before-swap":
    real_swap = kg.stores.oxigraph._swap_in
    kg.stores.oxigraph._swap_in = lambda fresh, path: (pause(), real_swap(fresh, path))
else:
    def replace(src, dst):
        real_replace(src, dst)
        if ".old-" in str(dst):
            pause()
    kg.stores.oxigraph.os.replace = replace
from kg.cli import main
sys.argv = ["kg"] + sys.argv[3:]
main()
"""


def paused_kg(step: str, tmp_path: Path, *args) -> subprocess.Popen:
    marker = tmp_path / f"paused-{step}"
    process = subprocess.Popen([sys.executable, "-c", PAUSED_KG, step, str(marker), *map(str, args)],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    assert wait_for(marker.exists, process, limit=120), f"the kg process never reached {step}"
    return process


def test_a_killed_build_into_a_store_keeps_the_previous_store(small, tmp_path):
    store = tmp_path / "kg"
    assert kg("build", "--seeds", MINIMAL, "-o", tmp_path / "minimal.nq",
              "--store", f"oxigraph:{store}").returncode == 0
    before = quads_in(store)
    assert before == small[1]

    kill(paused_kg("before-swap", tmp_path, "build", "--seeds", SEEDS, "-o", tmp_path / "seeds.nq",
                   "--store", f"oxigraph:{store}"))
    assert quads_in(store) == before
    rebuilt = kg("build", "--seeds", SEEDS, "-o", tmp_path / "seeds.nq", "--store", f"oxigraph:{store}")
    assert rebuilt.returncode == 0, rebuilt.stderr
    after = quads_in(store)
    assert after == len((tmp_path / "seeds.nq").read_text(encoding="utf-8").splitlines()) > before
    assert not list(tmp_path.glob(".kg.*"))


def test_a_load_killed_between_its_two_renames_is_recovered(big, small, tmp_path):
    """The old store moved aside, the new one not in place: the next reader puts the old one back."""
    store = tmp_path / "kg"
    assert kg("load", small[0], "--store", f"oxigraph:{store}").returncode == 0
    kill(paused_kg("between-renames", tmp_path, "load", small[0], "--store", f"oxigraph:{store}"))
    assert not store.exists() and len(list(tmp_path.glob(".kg.old-*"))) == 1

    answer = kg("query", "-e", COUNT, "--store", f"oxigraph:{store}", "-f", "csv")
    assert answer.returncode == 0, answer.stderr
    assert answer.stdout.splitlines()[1] == str(small[1])
    assert kg("load", big[0], "--store", f"oxigraph:{store}").returncode == 0
    assert quads_in(store) == big[1]
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith((".kg", "kg"))) == ["kg"]


def test_a_second_writer_is_told_another_kg_process_is_writing_the_store(small, tmp_path):
    """Two real `kg load`s into one store: the second stops at once and says why; the first finishes its swap.
    Before the lock, the second loaded and swapped its store in, and the first then failed on its own rename
    with "(Directory not empty) — free some disk space ...", leaving its old store moved aside."""
    store, one = tmp_path / "kg", tmp_path / "one.nt"
    one.write_text("<http://example.org/a> <http://example.org/b> <http://example.org/c> .\n", encoding="utf-8")
    assert kg("load", small[0], "--store", f"oxigraph:{store}").returncode == 0
    first = paused_kg("between-renames", tmp_path, "load", one, "--store", f"oxigraph:{store}")
    try:
        second = kg("load", small[0], "--store", f"oxigraph:{store}")
        assert (second.returncode, second.stdout) == (1, "")
        assert second.stderr == (f"{store}: another kg process is writing this store (kg build or kg load) — wait for "
                                 "it to finish and run the command again, or choose another --store path\n")
        built = kg("build", "--seeds", MINIMAL, "-o", tmp_path / "minimal.nq", "--store", f"oxigraph:{store}")
        assert built.returncode == 1 and "another kg process is writing this store" in built.stderr
        (tmp_path / "paused-between-renames.go").touch()  # let the first one finish
        assert first.wait(timeout=60) == 0
    finally:
        if first.poll() is None:
            kill(first)
    assert quads_in(store) == 1  # the first writer's store, whole
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith((".kg", "kg"))) == ["kg"]  # no lock left


# --------------------------------------------------------------------------------------------------
# kg push to an endpoint that goes away
# --------------------------------------------------------------------------------------------------

class _Flaky(http.server.BaseHTTPRequestHandler):
    """Forwards SPARQL requests to an Oxigraph server; after `budget` requests it hangs up without answering."""

    protocol_version = "HTTP/1.1"
    upstream = ""
    budget = 10**9
    seen = 0

    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        type(self).seen += 1
        if type(self).seen > type(self).budget:
            self.close_connection = True  # gone: the client sees the connection close with no answer
            return
        target = urllib.parse.urlsplit(self.upstream)
        conn = http.client.HTTPConnection(target.hostname, target.port, timeout=30)
        conn.request("POST", self.path, body=body, headers={"Content-Type": self.headers["Content-Type"]})
        answer = conn.getresponse()
        data = answer.read()
        conn.close()
        self.send_response(answer.status)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):
        pass


def test_push_to_an_endpoint_that_goes_away_reports_it_and_a_rerun_does_not_duplicate(tmp_path):
    server = OxigraphServer(tmp_path / "db").start()
    _Flaky.upstream, _Flaky.budget, _Flaky.seen = server.base, 10**9, 0
    proxy = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Flaky)
    threading.Thread(target=proxy.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
    url = f"http://127.0.0.1:{proxy.server_address[1]}/update"

    def count(all_graphs: bool) -> tuple[int, int]:
        where = "" if all_graphs else ' FILTER(!CONTAINS(STR(?g), "#kg-push-upload"))'
        q = f"SELECT (COUNT(*) AS ?n) (COUNT(DISTINCT ?g) AS ?graphs) WHERE {{ GRAPH ?g {{ ?s ?p ?o }}{where} }}"
        # asked of the server itself: kg's sparql store reads only kg's graphs, never a scratch graph
        request = urllib.request.Request(f"{server.base}/query", data=urllib.parse.urlencode({"query": q}).encode(),
                                         headers={"Accept": "text/csv"})
        with urllib.request.urlopen(request, timeout=30) as response:
            return tuple(int(v) for v in response.read().decode().splitlines()[1].split(","))

    push = ["push", "--to", url, "--seeds", str(SEEDS), "--batch-size", "200"]
    try:
        first = CliRunner().invoke(main, push)
        assert first.exit_code == 0, first.output
        expected = count(True)
        assert expected[0] > 3000 and expected[1] > 5

        _Flaky.budget, _Flaky.seen = 12, 0  # the endpoint goes away after 12 requests
        broken = CliRunner().invoke(main, push)
        assert broken.exit_code == 1
        assert isinstance(broken.exception, SystemExit) and "Traceback" not in broken.output
        assert f"{url}: cannot reach the endpoint (Remote end closed connection without response)" in broken.output
        assert "push stopped in graph <https://w3id.org/ai-partnerships/graph/" in broken.output
        assert "run kg push again: it replaces each graph whole, so nothing is duplicated" in broken.output
        assert count(False) == expected  # every real graph whole: the upload went into a scratch graph
        assert count(True)[0] > expected[0]  # which is still there until the next push

        _Flaky.budget = 10**9
        again = CliRunner().invoke(main, push)
        assert again.exit_code == 0, again.output
        assert count(True) == expected  # nothing duplicated, no scratch graph left
    finally:
        proxy.shutdown()
        proxy.server_close()
        server.stop()
