"""Compare what kg produces in two checkouts: exports, every named query's answer, the map's data, summaries, the
English --help of kg and of every command, and click's usage errors.

A redesign must not change outputs. This runs the same commands in a reference revision and in the working tree,
byte for byte, and names every output that differs.

    python scripts/same_outputs.py REV            # REV: a git revision of this repository, such as ca2d8c6
    python scripts/same_outputs.py REV --show 40  # and print the first 40 lines of each difference

Both checkouts run with this interpreter (the venv that has kg's dependencies); the reference is a temporary
`git worktree` of REV, put first on PYTHONPATH. Exit 1 when an output differs.
"""

from __future__ import annotations

import argparse
import difflib
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

#: (name, arguments to `kg`, output file or None for stdout). Files are written in a fresh folder per checkout.
FILE_OUTPUTS = [
    ("graph.nq", ["build", "-o", "{out}/graph.nq"], "graph.nq"),
    ("partnerships.ttl", ["export", "--format", "turtle", "-o", "{out}/partnerships.ttl"], "partnerships.ttl"),
    ("partnerships.trig", ["export", "--format", "trig", "-o", "{out}/partnerships.trig"], "partnerships.trig"),
    ("partners.html", ["view", "-o", "{out}/partners.html"], "partners.html"),
    ("partners-ko.html", ["view", "--lang", "ko", "-o", "{out}/partners-ko.html"], "partners-ko.html"),
]
STDOUT_OUTPUTS = [
    ("conflicts", ["conflicts"]),
    ("conflicts-json", ["conflicts", "--format", "json"]),
    ("conflicts-ko", ["conflicts", "--lang", "ko"]),
    ("stats", ["stats"]),
    ("stats-ko", ["stats", "--lang", "ko"]),
    ("sources", ["sources"]),
    ("explain-nvidia", ["explain", "nvidia"]),
    ("explain-naver-ko", ["explain", "naver-cloud", "--lang", "ko"]),
    ("neighbors-samsung", ["neighbors", "samsung-electronics"]),
    ("path", ["path", "lg-uplus", "hyundai-motor-group"]),
    ("queries", ["queries"]),
]

#: click's usage errors, as kg reports them in English (exit status and message on stderr).
USAGE_OUTPUTS = [
    ("usage unknown option", ["query", "--bogus"]),
    ("usage bad choice", ["query", "x", "-f", "x"]),
    ("usage missing argument", ["path", "nvidia"]),
    ("usage unknown command", ["querx"]),
    ("usage extra arguments", ["query", "a", "b", "c"]),
    ("usage out of range", ["view", "--depth", "-1"]),
    ("usage seconds", ["query", "x", "--timeout", "abc"]),
    ("usage size", ["query", "x", "--max-memory", "5Q"]),
]


def command_names(checkout: Path) -> list[str]:
    """The commands `kg --help` lists, for comparing the English --help of kg and of each."""
    listed = run_kg(checkout, ["--help"]).decode().partition("\nCommands:\n")[2]
    return re.findall(r"^  ([a-z][a-z-]*)", listed, flags=re.M)


def named_queries(checkout: Path) -> list[str]:
    folder = checkout / "queries"
    if not folder.is_dir():  # data moved into the package
        folder = next(checkout.glob("kg/**/queries"), folder)
    return sorted(p.stem for p in folder.glob("*.rq"))


def run_kg(checkout: Path, args: list[str]) -> bytes:
    env = dict(os.environ, PYTHONPATH=str(checkout), KG_SEEDS=str(checkout / "seeds"))
    env.pop("KG_STORE", None)
    done = subprocess.run(
        [sys.executable, "-c", "from kg.cli import main; main()", *args],
        cwd=checkout, env=env, capture_output=True, timeout=600,
    )
    return done.stdout + b"\n--- exit %d\n" % done.returncode + done.stderr


def outputs(checkout: Path, queries: list[str], commands: list[str]) -> dict[str, bytes]:
    found: dict[str, bytes] = {}
    for name, args in USAGE_OUTPUTS:
        found[name] = run_kg(checkout, args)
    for command in ["", *commands]:
        found[f"help {command}".strip()] = run_kg(checkout, [command, "--help"] if command else ["--help"])
    with tempfile.TemporaryDirectory() as out:
        for name, args, file in FILE_OUTPUTS:
            log = run_kg(checkout, [a.format(out=out) for a in args])
            path = Path(out) / file
            found[name] = path.read_bytes() if path.exists() else b"(not written)\n" + log
        for name, args in STDOUT_OUTPUTS:
            found[name] = run_kg(checkout, args)
        for query in queries:
            for fmt in ("json", "table"):
                found[f"query {query} {fmt}"] = run_kg(checkout, ["query", query, "-f", fmt])
            found[f"query {query} ko"] = run_kg(checkout, ["query", query, "--lang", "ko", "-f", "csv"])
    return {name: normalise(data) for name, data in found.items()}


def normalise(data: bytes) -> bytes:
    """Drop what differs by run, not by code: temporary paths and timings."""
    data = re.sub(rb"/tmp/[^\s\"'<]+", b"/tmp/X", data)
    return re.sub(rb"\d+(\.\d+)? ?(s|ms)\b", b"N s", data)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("rev", help="the reference git revision")
    parser.add_argument("--show", type=int, default=0, help="print this many diff lines per difference")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        reference = Path(tmp) / "reference"
        subprocess.run(["git", "worktree", "add", "--detach", "-q", str(reference), options.rev], cwd=ROOT, check=True)
        try:
            queries = sorted(set(named_queries(reference)) | set(named_queries(ROOT)))
            commands = sorted(set(command_names(reference)) | set(command_names(ROOT)))
            before = outputs(reference, queries, commands)
            after = outputs(ROOT, queries, commands)
        finally:
            subprocess.run(["git", "worktree", "remove", "--force", str(reference)], cwd=ROOT, check=False)
    differ = [name for name in before if before[name] != after.get(name)]
    for name in differ:
        print(f"differs: {name}")
        if options.show:
            lines = difflib.unified_diff(
                before[name].decode(errors="replace").splitlines(),
                after[name].decode(errors="replace").splitlines(),
                "before", "after", lineterm="",
            )
            for line in list(lines)[: options.show]:
                print("    " + line)
    print(f"{len(before) - len(differ)} of {len(before)} outputs identical to {options.rev}")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
