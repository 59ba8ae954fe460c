"""A loopback HTTP listener for the tests that prove nothing leaves the machine: it records every request it
gets, and answers each with one fixed body, so a client that did get through would go on and be seen."""

from __future__ import annotations

import http.server
import threading
from contextlib import contextmanager


@contextmanager
def listening(content_type: str, body: bytes):
    """Yields (base URL, hits): hits is the list of (method, path, with "?" and the body when there is one)."""
    hits: list[tuple[str, str]] = []

    class Recorder(http.server.BaseHTTPRequestHandler):
        def _answer(self):
            length = int(self.headers.get("Content-Length") or 0)
            sent = self.rfile.read(length).decode("utf-8", "replace") if length else ""
            hits.append((self.command, self.path + ("?" + sent if sent else "")))
            self.send_response(200)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        do_GET = do_POST = _answer

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Recorder)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", hits
    finally:
        server.shutdown()
        server.server_close()
