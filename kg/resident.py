"""A sandbox worker (kg.sandbox) for kg.quick's answers, kept while a `with kept():` block lasts: a program that
asks kg.quick.answer about a hundred entities in one block forks once, not a hundred times (a fork and its worker
cost ~4 ms of CPU a query, as much as a short query at 1M triples). Outside such a block the worker ends with
its answer, as kg.sandbox.in_worker's does: nothing of it outlives the answer.

Each job keeps every limit of a worker forked for it: its time limit (past it the worker is killed, and the next
job starts a new one), its memory cap (set again before each job, over what the worker holds then), no network
where asked, the row cap (kg.quick), and a crash reported as a message (and a new worker for the next job). A job
is plain values (marshal: the worker, forked before the job, cannot share the caller's objects), run by the
function the worker was started with; the worker opens what it reads itself. Workers end at the end of the
block (and at the latest with the process, atexit), reaped, so their CPU time is counted as the process's own.
"""

from __future__ import annotations

import _thread
import marshal
import os

from kg import sandbox

TYPE_CHECKING = False  # typing is not imported at run time (kg.errors)
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any

_HEADER = 8  # bytes of a message's length, before the message


class _Worker:
    """A forked worker serving jobs one at a time through two pipes; its stderr goes to a shared in-memory file."""

    def __init__(self, handler: Callable[..., Any], offline: bool, prepare: Callable[[], Any] | None) -> None:
        self.owner = os.getpid()
        self.stderr = sandbox._scratch_file()
        jobs, self.jobs = os.pipe()
        self.answers, answers = os.pipe()
        self.pid = sandbox.fork()
        if self.pid == 0:
            for other in _WORKERS.values():  # else their workers would not see the end of their pipes
                _close(other.jobs, other.answers)
            os.close(self.jobs)
            os.close(self.answers)
            _serve(handler, jobs, answers, offline, self.stderr.fileno(), prepare)
        os.close(jobs)
        os.close(answers)

    def run(self, job: tuple, timeout: float | None, origin: str, max_memory: int | None,
            meanwhile: Callable[[], Any] | None = None) -> Any:
        """The job's result in the parent (or the error it reports); the worker is stopped on any other end."""
        try:
            _send(self.jobs, marshal.dumps((max_memory, job)))
            if meanwhile is not None:
                meanwhile()
            data = _received(self.answers, timeout, origin)
        except BaseException:  # past its time, interrupted, dead before a job: it must not answer a later job
            self.stop()
            raise
        said = _taken(self.stderr.fileno())
        if data is None:  # it died on this job
            exitcode = self.stop()
            said += self.last_words
            data = b""
        else:
            exitcode = None
        return sandbox._outcome(data, said, exitcode, origin, max_memory)

    def stop(self, status: int | None = None) -> int | None:
        """Kill the worker (idle or busy) and wait for it, unless its wait status is given (it was reaped);
        forget it; its exit code."""
        for key, worker in list(_WORKERS.items()):
            if worker is self:
                del _WORKERS[key]
        _close(self.jobs, self.answers)
        if status is None:
            sandbox.kill(self.pid)
            status = os.waitpid(self.pid, 0)[1]
        self.last_words = _taken(self.stderr.fileno())
        self.stderr.close()
        return os.waitstatus_to_exitcode(status)


_WORKERS: dict[tuple, _Worker] = {}  # (handler, offline) -> this process's worker
_LOCK = _thread.allocate_lock()  # one job at a time through a worker's pipes
_KEPT = [0]  # how many kept() blocks are open


class kept:  # noqa: N801 - used as a function: `with kept():`
    """A block in which each worker is kept for the next job (the jobs run one at a time); they end with it."""

    def __enter__(self) -> None:
        _KEPT[0] += 1

    def __exit__(self, *exc: object) -> None:
        _KEPT[0] -= 1
        if not _KEPT[0]:
            with _LOCK:
                stop_all()


def start(handler: Callable[..., Any], offline: bool, prepare: Callable[[], Any]) -> None:
    """Fork handler's worker now and have it call prepare() (say, import the engine and open a store) while the
    caller goes on with its own work; the next run(handler, …) gives it its job. kg.launch starts kg.quick's
    worker so, before it imports the rest of kg: on two cores the worker's start and the caller's overlap. What
    prepare raises is ignored (the job does that work again, and reports what goes wrong); a crash in it is
    reported for the job."""
    with _LOCK:
        _worker(handler, offline, prepare)


def run(handler: Callable[..., Any], job: tuple, timeout: float | None, origin: str, offline: bool,
        max_memory: int | None = None, meanwhile: Callable[[], Any] | None = None) -> Any:
    """handler(*job) in a worker for handler (kept from the last job in a kept() block), with kg.sandbox's limits:
    QueryStopped past timeout seconds, or when the worker dies; the job's own KgError as it raised it. meanwhile()
    is called once the job is sent (kg.quick imports what writes the answer while the worker runs the query)."""
    with _LOCK:
        key = (handler, offline)
        worker = _worker(handler, offline)
        try:
            return worker.run(job, timeout, origin, max_memory, meanwhile)
        finally:
            if not _KEPT[0] and _WORKERS.get(key) is worker:
                worker.stop()


def _worker(handler: Callable[..., Any], offline: bool, prepare: Callable[[], Any] | None = None) -> _Worker:
    """This process's live worker for handler, or a new one (under _LOCK)."""
    key = (handler, offline)
    worker = _WORKERS.get(key)
    if worker is not None and worker.owner != os.getpid():  # a fork of the process that started it
        worker = None
    if worker is not None:
        pid, status = os.waitpid(worker.pid, os.WNOHANG)
        if pid:  # it died while idle (killed from outside): reaped now
            worker.stop(status)
            worker = None
    if worker is None:
        if not _WORKERS:
            import atexit

            atexit.unregister(stop_all)
            atexit.register(stop_all)
        worker = _WORKERS[key] = _Worker(handler, offline, prepare)
    return worker


def stop_all() -> None:
    """End this process's workers (at exit): their CPU time is then the process's children's."""
    for worker in list(_WORKERS.values()):
        if worker.owner == os.getpid():
            worker.stop()
    _WORKERS.clear()


def _serve(handler: Callable[..., Any], jobs: int, answers: int, offline: bool, stderr: int,
           prepare: Callable[[], Any] | None) -> None:
    """The worker: prepare() (see start), then each job's message (kg.sandbox._message) sent back, until the
    parent closes its pipe."""
    import resource

    code = 1
    try:
        sandbox.enter_worker(stderr, offline)
        if prepare is not None:
            try:  # noqa: SIM105 - contextlib is not imported on the quick path (kg.launch)
                prepare()
            except Exception:  # noqa: BLE001, S110 - the job does it again, and says what is wrong
                pass
        hard = resource.getrlimit(resource.RLIMIT_AS)[1]

        def serve() -> None:
            while (request := _read(jobs)) is not None:
                max_memory, job = marshal.loads(request)
                resource.setrlimit(resource.RLIMIT_AS, (hard, hard))  # the last job's cap lifted: this one's set
                sandbox.cap_memory(max_memory)
                _send(answers, sandbox._message(lambda job=job: handler(*job), max_memory))

        # every job on one thread with the engine's stack: a new thread for each cost the engine ~0.4 ms a query
        # (its caches, the allocator's, start cold on a new thread)
        sandbox.on_big_stack(serve)
        code = 0
    finally:
        sandbox.leave_worker(code)


def _close(*fds: int) -> None:
    for fd in fds:
        try:  # noqa: SIM105 - contextlib is not imported on the quick path (kg.launch)
            os.close(fd)
        except OSError:  # closed already
            pass


def _send(fd: int, data: bytes) -> None:
    view = memoryview(len(data).to_bytes(_HEADER, "little") + data)
    while view:
        view = view[os.write(fd, view):]


def _read(fd: int, size: int | None = None) -> bytes | None:
    """A whole message (size None: its length first), or None at the end of the pipe before it."""
    if size is None:
        header = _read(fd, _HEADER)
        return None if header is None else _read(fd, int.from_bytes(header, "little"))
    chunks, left = [], size
    while left:
        chunk = os.read(fd, min(left, 1 << 20))
        if not chunk:
            return None
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


def _received(fd: int, timeout: float | None, origin: str) -> bytes | None:
    """The worker's message for this job; None if it died first; QueryStopped if none came within timeout."""
    sandbox.wait_for(fd, timeout, origin)
    return _read(fd)


def _taken(fd: int) -> bytes:
    """What the worker wrote on stderr since the last call (up to 64 KiB shown), and the file emptied."""
    os.lseek(fd, 0, os.SEEK_SET)
    said = os.read(fd, 1 << 16)
    os.ftruncate(fd, 0)
    os.lseek(fd, 0, os.SEEK_SET)
    return said
