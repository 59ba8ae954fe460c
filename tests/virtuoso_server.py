"""A real Virtuoso 7 (Debian's virtuoso-opensource, installed by scripts/install-system-deps.sh) on free loopback
ports, with a database of its own in a temporary folder, for tests. Never the system's service: virtuoso-t runs
in the foreground with a virtuoso.ini written here, and is killed at the end."""

from __future__ import annotations

import atexit
import secrets
import shutil
import subprocess
import time
import urllib.request
from pathlib import Path

from oxigraph_server import free_port

# The ini of Debian's package (/usr/share/virtuoso-opensource-7/virtuoso.ini), cut down to what a throw-away
# database needs: its files in the folder, both ports on loopback, no periodic checkpoint (nothing is kept). The
# [SPARQL] limits are Debian's defaults, as a data engineer's server would have them.
INI = """\
[Database]
DatabaseFile = {dir}/virtuoso.db
ErrorLogFile = {dir}/virtuoso.log
LockFile = {dir}/virtuoso.lck
TransactionFile = {dir}/virtuoso.trx
xa_persistent_file = {dir}/virtuoso.pxa
[TempDatabase]
DatabaseFile = {dir}/virtuoso-temp.db
TransactionFile = {dir}/virtuoso-temp.trx
[Parameters]
ServerPort = 127.0.0.1:{sql_port}
DisableUnixSocket = 1
CheckpointInterval = 0
DirsAllowed = {dir}
NumberOfBuffers = 10000
MaxDirtyBuffers = 6000
[HTTPServer]
ServerPort = 127.0.0.1:{http_port}
ServerRoot = {dir}
ServerThreads = 10
MaxClientConnections = 10
[SPARQL]
ResultSetMaxRows = 10000
MaxQueryExecutionTime = 60
MaxQueryCostEstimationTime = 400
"""


def virtuoso_binary() -> str:
    found = shutil.which("virtuoso-t")
    if not found or not shutil.which("isql-vt"):
        raise RuntimeError("Virtuoso is not installed — run: bash scripts/install-system-deps.sh "
                           "(Debian's virtuoso-opensource)")
    return found


class VirtuosoServer:
    """virtuoso-t on 127.0.0.1 with a fresh database in `directory`. The dba user's password is set to a random
    one at start (`password`); /sparql reads anonymously, /sparql-auth (Digest) takes dba's updates."""

    user = "dba"

    def __init__(self, directory: Path):
        self.directory = directory
        self.sql_port = free_port()
        self.http_port = free_port()
        self.password = secrets.token_urlsafe(12)
        self.process: subprocess.Popen | None = None

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.http_port}"

    @property
    def log(self) -> str:
        path = self.directory / "virtuoso.log"
        return path.read_text(errors="replace")[-2000:] if path.exists() else ""

    def start(self, wait: float = 120) -> VirtuosoServer:
        ini = self.directory / "virtuoso.ini"
        ini.write_text(INI.format(dir=self.directory, sql_port=self.sql_port, http_port=self.http_port))
        self.process = subprocess.Popen([virtuoso_binary(), "+foreground", "+configfile", str(ini)],
                                        cwd=self.directory, stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
        atexit.register(self.stop)  # also when the session ends without its fixtures' teardown
        deadline = time.monotonic() + wait
        while True:
            if self.process.poll() is not None:
                raise RuntimeError(f"virtuoso-t exited ({self.process.returncode}):\n{self.log}")
            try:
                urllib.request.urlopen(f"{self.base}/sparql?query=ASK%7B%7D", timeout=2).read()
                break
            except OSError:
                if time.monotonic() > deadline:
                    self.stop()
                    raise RuntimeError(f"Virtuoso did not answer within {wait} s:\n{self.log}") from None
                time.sleep(0.2)
        self.sql(f"USER_SET_PASSWORD('{self.user}', '{self.password}');", password="dba")  # Virtuoso's first one
        return self

    def sql(self, statements: str, password: str | None = None) -> str:
        """Run SQL with isql-vt as dba; the statements (and so any password) go through stdin, not the arguments."""
        done = subprocess.run(["isql-vt", f"127.0.0.1:{self.sql_port}", self.user, password or self.password],
                              input=statements + "\n", capture_output=True, text=True, timeout=60)
        if done.returncode != 0 or "*** Error" in done.stdout + done.stderr:
            raise RuntimeError(f"isql-vt failed: {done.stdout}{done.stderr}")
        return done.stdout

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.kill()  # a throw-away database: no checkpoint to wait for
            self.process.wait()
