"""Where a user's query runs: a child process that cannot reach the network, cannot take more than its share of
memory, and can be killed when its time is up — so that a query kg's checks miss still cannot fetch a URL, and
a query that crashes the engine takes down only its worker.

Both `kg query` (one forked worker per query, in_worker) and `kg serve` (a pool of workers, kg/serve.py) use it.

Measured on pyoxigraph 0.5.13 (the reasons for the numbers below): with the 8 MiB stack of a main thread,
`FILTER(` + 5,000 nested parentheses crashes the process with a segmentation fault, so do a join of 300 triple
patterns and a property path of 1,000 steps; in a thread with a 512 MiB stack, chains of 10,000 run (slowly)
and nesting of 10,000 runs in 0.04 s. rdflib's SPARQL parser needs ~25 Python frames per level of nesting.
"""

from __future__ import annotations

import os
import resource
import sys

TYPE_CHECKING = False  # typing is not imported at run time (kg.errors)
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any, NoReturn

    from kg.errors import KgError
    from kg.text import Phrase

#: signal.SIGKILL, the same number on every POSIX system (importing signal imports enum: a tenth of a quick
#: `kg query`'s start, which forks its worker before it imports anything else of kg, kg.launch)
SIGKILL = 9

#: Stack of the thread that runs the engine in a worker: Oxigraph's parser and planner recurse.
ENGINE_STACK = 512 * 2**20
#: Python frames allowed while rdflib's recursive parser and engine work on a query of MAX_NESTING levels.
DEEP_RECURSION = 20_000
#: Memory a query may take beyond what the process already holds, unless told otherwise (kg query, kg serve).
DEFAULT_MAX_MEMORY = 2 * 2**30

_CLONE_NEWUSER = 0x10000000
_CLONE_NEWNET = 0x40000000

class deep_recursion:
    """A block in which rdflib's recursive parser and engine may use DEEP_RECURSION Python frames (queries
    are at most MAX_NESTING deep, so this is bounded)."""

    def __enter__(self) -> None:
        self.previous = sys.getrecursionlimit()
        sys.setrecursionlimit(max(self.previous, DEEP_RECURSION))

    def __exit__(self, *exc: Any) -> None:
        sys.setrecursionlimit(self.previous)


def leave_network() -> bool:
    """In a worker process: move into a new, empty network namespace (Linux), so that no engine — Oxigraph's
    HTTP client for SERVICE, rdflib's urlopen — can reach any host, loopback included; and refuse Python
    sockets with an audit hook everywhere. True when the namespace was entered."""
    import ctypes

    sys.addaudithook(_no_python_sockets)
    if not sys.platform.startswith("linux"):
        return False
    libc = ctypes.CDLL(None, use_errno=True)
    # as root; then as any user
    return any(libc.unshare(flags) == 0 for flags in (_CLONE_NEWNET, _CLONE_NEWUSER | _CLONE_NEWNET))


def _no_python_sockets(event: str, args: tuple) -> None:
    if event in ("socket.connect", "socket.getaddrinfo", "urllib.Request"):
        raise PermissionError("kg: the query worker has no network access")


def cap_memory(limit: int | None) -> None:
    """In a worker process: let it map at most `limit` bytes more than it holds now (and the engine's stack),
    so a query that needs more fails in the worker instead of taking the machine's memory."""
    if not limit:
        return
    held = _mapped_bytes()
    ceiling = held + limit + ENGINE_STACK
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:
        ceiling = min(ceiling, hard)
    resource.setrlimit(resource.RLIMIT_AS, (ceiling, hard))


def _mapped_bytes() -> int:
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmSize:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def cap_file_size(limit: int | None) -> None:
    """In a worker process: files it writes stop at `limit` bytes with an OSError (EFBIG), not a signal."""
    if limit:
        import signal

        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, resource.getrlimit(resource.RLIMIT_FSIZE)[1]))


def on_big_stack(function: Callable[[], Any]) -> Any:
    """Call function in a thread with ENGINE_STACK of stack and return (or raise) what it does. (With _thread,
    built in, and a lock to wait for it: importing threading was ~1 ms of a quick `kg query`.)"""
    import _thread

    outcome: dict[str, Any] = {}
    done = _thread.allocate_lock()
    done.acquire()

    def body() -> None:
        try:
            outcome["value"] = function()
        except BaseException as exc:  # handed to the caller's thread
            outcome["error"] = exc
        finally:
            done.release()

    previous = _thread.stack_size(ENGINE_STACK)
    try:
        _thread.start_new_thread(body, ())
    finally:
        _thread.stack_size(previous)
    done.acquire()
    if "error" in outcome:
        raise outcome["error"]
    return outcome.get("value")


def crash_message(origin: str, returncode: int | None, stderr: str, max_memory: int | None) -> Phrase:
    """What to tell the user when a worker died instead of answering, from its exit status and last words (English
    as a str; Phrase.text gives it in a language)."""
    from kg.text import Phrase

    if "memory allocation" in stderr or "MemoryError" in stderr or "Cannot allocate memory" in stderr:
        limit = show_size(max_memory) if max_memory else Phrase("query memory all")
        return Phrase("query memory", origin=origin, limit=limit)
    how = (Phrase("query signal", n=-returncode) if returncode is not None and returncode < 0
           else Phrase("query exit status", n=returncode))
    return Phrase("query crashed", origin=origin, how=how)


def parse_size(text: str) -> int | None:
    """A size as --max-memory takes it: a number with an optional K, M or G (powers of 1024), or None."""
    import re

    match = re.fullmatch(r"([0-9]{1,9})([KMG]?)B?", text.strip().upper())
    return int(match[1]) * {"": 1, "K": 2**10, "M": 2**20, "G": 2**30}[match[2]] if match else None


def show_size(size: int) -> str:
    """Bytes for people: 300 MiB, 2 GiB."""
    for unit, scale in (("GiB", 2**30), ("MiB", 2**20), ("KiB", 2**10)):
        if size >= scale:
            return f"{size / scale:.3g} {unit}"
    return f"{size} bytes"


def _worker(evaluate, channel: int, offline: bool, max_memory: int | None, stderr: int) -> None:
    """The body of the worker process: shut out the network and cap memory (kg.sandbox), run the query on a
    big stack, send back ("ok", result) or ("error", …) through the pipe: marshalled where the result is made of
    plain values (str, int, tuple…: kg.quick's answers; marshal is built in, importing pickle is not free),
    else pickled."""
    enter_worker(stderr, offline)
    cap_memory(max_memory)
    data = on_big_stack(lambda: _message(evaluate, max_memory))
    with os.fdopen(channel, "wb") as pipe:
        pipe.write(data)



def fork() -> int:
    """os.fork() for a worker, the parent's output flushed first (else the child would write its buffers again)."""
    for stream in (sys.stdout, sys.stderr):
        stream.flush()
    return os.fork()


def enter_worker(stderr: int, offline: bool) -> None:
    """In a new worker: its stderr into the parent's scratch file, and no network where asked."""
    os.dup2(stderr, 2)  # the engine's last words (a Rust panic, an allocation failure) are read by the parent
    if offline:
        leave_network()

def _message(evaluate, max_memory: int | None) -> bytes:
    """In a worker, on its big stack (on_big_stack): what evaluate() gave or raised, as the message for the parent."""
    try:
        message = ("ok", evaluate())
    except MemoryError:
        message = ("error", ("QueryError", crash_message("", None, "MemoryError", max_memory), [], None))
    except BaseException as exc:
        errors = sys.modules.get("kg.errors")  # not imported: exc is none of kg's errors
        if errors is not None and isinstance(exc, errors.KgError):  # its message (kg.text.Phrase) too, so that
            # the parent shows it in the user's language
            message = ("error", (type(exc).__name__, str(exc), getattr(exc, "details", []), exc.message))
        else:  # a bug: its traceback goes back to the parent
            message = ("bug", _traceback())
    try:
        data = _marshalled(message)
    except ValueError:  # a value marshal does not take, a subclass of str included: pickled
        data = b""
    try:
        data = data or _pickled(message)
    except Exception:
        try:  # a message with a value that does not pickle: in English
            data = _pickled(("error", message[1][:3] + (None,))) if message[0] == "error" else b""
        except Exception:
            data = b""
        data = data or _pickled(("bug", _traceback()))
    return data


def _marshalled(message: tuple) -> bytes:
    """An ("ok", result) message marshalled (b"M…") where marshal takes every value exactly (it refuses
    subclasses, so what the parent reads back is what was sent); b"" for any other message."""
    import marshal

    return b"M" + marshal.dumps(message) if message[0] == "ok" else b""


def _pickled(message: tuple) -> bytes:
    import pickle

    return b"P" + pickle.dumps(message)


def _unpacked(data: bytes) -> tuple:
    """A message of the worker, as _marshalled or _pickled wrote it (ValueError for half a message, or none)."""
    if data[:1] == b"M":
        import marshal

        return marshal.loads(data[1:])
    if data[:1] == b"P":
        import pickle

        return pickle.loads(data[1:])
    raise ValueError("no message from the worker")


def _traceback() -> str:
    import traceback

    return traceback.format_exc()


def _child(evaluate, channel: int, offline: bool, max_memory: int | None, stderr: int) -> NoReturn:
    """The forked worker: run _worker and leave, without the parent's clean-up (atexit, buffers)."""
    code = 1
    try:
        _worker(evaluate, channel, offline, max_memory, stderr)
        code = 0
    finally:
        leave_worker(code)


def leave_worker(code: int) -> NoReturn:
    """End a forked worker: its output flushed, without the parent's clean-up (atexit, buffers)."""
    for stream in (sys.stdout, sys.stderr):
        try:  # noqa: SIM105 - contextlib is not imported on the quick path (kg.launch)
            stream.flush()
        except Exception:  # noqa: BLE001, S110 - a closed or broken stream: the worker ends all the same
            pass
    os._exit(code)


def kill(pid: int) -> None:
    """SIGKILL to a worker, which may have ended already."""
    try:  # noqa: SIM105 - contextlib is not imported on the quick path (kg.launch)
        os.kill(pid, SIGKILL)
    except ProcessLookupError:
        pass


def wait_for(channel: int, timeout: float | None, origin: str) -> None:
    """Return when the worker has written to channel (or closed it); QueryStopped after timeout seconds."""
    import select

    poll = select.poll()
    poll.register(channel, select.POLLIN)
    if not poll.poll(None if timeout is None else timeout * 1000):
        from kg.errors import QueryStopped

        raise QueryStopped.of("query timeout", origin=origin, seconds=f"{timeout:g}")


def _receive(channel: int, timeout: float | None, origin: str) -> bytes:
    """All the worker sends (nothing if it died first); QueryError if it sends nothing within timeout seconds."""
    wait_for(channel, timeout, origin)
    chunks = []
    while chunk := os.read(channel, 1 << 20):
        chunks.append(chunk)
    return b"".join(chunks)


def in_worker(evaluate, timeout: float | None, origin: str, offline: bool,
              max_memory: int | None = None) -> Any:
    """Run evaluate() in a forked process (kg.sandbox) and stop it after timeout seconds (None: no limit).

    Forked, the worker shares the parent's graph (an in-memory store built from the seeds, or an open
    on-disk store) without copying or re-reading it; only the answer crosses back through a pipe (_marshalled).
    (os.fork, not multiprocessing: importing that was a tenth of a quick `kg query`.)"""
    with _scratch_file() as stderr:
        receiver, sender = os.pipe()
        pid = fork()
        if pid == 0:
            os.close(receiver)
            _child(evaluate, sender, offline, max_memory, stderr.fileno())
        os.close(sender)
        try:
            data = _receive(receiver, timeout, origin)
        finally:
            os.close(receiver)
            kill(pid)  # done or stopped: nothing of it may outlive the answer
            exitcode = os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1])
        stderr.seek(0)
        said = stderr.read(1 << 16)
    return _outcome(data, said, exitcode, origin, max_memory)


def _outcome(data: bytes, said: bytes, exitcode: int | None, origin: str, max_memory: int | None) -> Any:
    """What a worker's message gives in the parent: its result, or the error it reports (said: what the worker
    wrote on stderr, shown; exitcode: how it ended, if it did)."""
    try:
        status, payload = _unpacked(data)
    except Exception:  # nothing, or half an answer: it died before it had answered
        from kg.errors import QueryStopped

        last_words = said.decode("utf-8", "replace")
        raise _error(QueryStopped, crash_message(origin, exitcode, last_words, max_memory)) from None
    if said:
        sys.stderr.write(said.decode("utf-8", "replace"))
    if status == "ok":
        return payload
    if status == "error":
        from kg.errors import KgError, QueryError

        name, message, details, phrase = payload
        if message.startswith(": "):  # a MemoryError in the worker: the origin is known here
            phrase = crash_message(origin, None, "MemoryError", max_memory)
            message = str(phrase)
        error_type = QueryError if name == "QueryError" else KgError
        raise _error(error_type, phrase or message, details)
    raise RuntimeError(f"the query worker failed:\n{payload}")


def _scratch_file() -> Any:
    """An anonymous file for a worker's stderr: in memory where Linux offers it (os.memfd_create), else a
    temporary file (importing tempfile was a tenth of a quick `kg query`'s imports)."""
    if hasattr(os, "memfd_create"):
        try:
            return os.fdopen(os.memfd_create("kg-worker-stderr"), "w+b")
        except OSError:
            pass
    import tempfile

    return tempfile.TemporaryFile()


def _error(error_type: type[KgError], message: str, details: list[str] | None = None) -> KgError:
    """The error with the message (a kg.text.Phrase: shown in the user's language) and a QueryError's details."""
    from kg.errors import QueryError
    from kg.text import Phrase

    err = error_type(str(message), details) if issubclass(error_type, QueryError) else error_type(str(message))
    if isinstance(message, Phrase):
        err.message = message
    return err
