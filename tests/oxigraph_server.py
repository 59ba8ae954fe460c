"""A real Oxigraph server (the `oxigraph` PyPI package) on a free loopback port, for tests."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path


def oxigraph_binary() -> str:
    """The `oxigraph` server installed with the `oxigraph` PyPI package (beside this Python, or on PATH)."""
    found = shutil.which("oxigraph") or str(Path(sys.executable).parent / "oxigraph")
    if not Path(found).exists():
        raise RuntimeError("the oxigraph server is not installed — pip install oxigraph")
    return found


def free_port() -> int:
    """A free TCP port on loopback."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class OxigraphServer:
    """`oxigraph serve` on 127.0.0.1 with the union of named graphs as default graph."""

    def __init__(self, location: Path, port: int | None = None, read_only: bool = False, union: bool = True):
        self.location = location
        self.union = union
        self.port = port or free_port()
        self.read_only = read_only
        self.process: subprocess.Popen | None = None

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> OxigraphServer:
        mode = "serve-read-only" if self.read_only else "serve"
        self.process = subprocess.Popen(
            [oxigraph_binary(), mode, "--location", str(self.location), "--bind", f"127.0.0.1:{self.port}",
             *(["--union-default-graph"] if self.union else [])],
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"oxigraph exited: {self.process.stderr.read().decode()}")
            try:
                urllib.request.urlopen(f"{self.base}/query?query=ASK%7B%7D", timeout=1).read()
                return self
            except OSError:
                time.sleep(0.1)
        raise RuntimeError("oxigraph did not start within 20 s")

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
