"""What users wait for: whole `kg` processes, side by side with a pyoxigraph script doing the same work.

For each named query, `kg query NAME --format csv` and a plain pyoxigraph script that opens the same store
read-only, runs the same .rq file (the files answer at their documented defaults when run unmodified) and
writes the engine's CSV, alternate N times; the report gives the median and min–max of each and the median
of the per-run ratios. Other commands (explain, neighbors, path, conflicts, view) alternate with the same
command run by kg.cli itself (without kg.launch: the full path for explain; for query, kg.cli also answers
through kg.quick, after importing click and kg.cli), and the start-up floors
(`python -c pass`, importing pyoxigraph, importing rdflib) say what no script can avoid.

    python benchmarks/whole_process.py --no-queries         # the floors and the commands only

    python benchmarks/whole_process.py                      # the seeds (default store: the cached build)
    python benchmarks/whole_process.py --triples 100000     # a generated graph loaded into an oxigraph: store
    python benchmarks/whole_process.py --runs 7 -o benchmarks/results/whole-process.md

Run it on a quiet machine: every figure is wall time of a process.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
KG = [sys.executable, "-c", "from kg.launch import command; command()"]  # what the kg command runs
FULL = [sys.executable, "-c", "from kg.cli import main; main()"]  # the full path: kg.cli, without kg.launch's

REFERENCE = """
import sys, pyoxigraph as ox
store = ox.Store.read_only(sys.argv[1])
text = open(sys.argv[2], encoding="utf-8").read()
answer = store.query(text, use_default_graph_as_union=True)
sys.stdout.buffer.write(answer.serialize(format=ox.QueryResultsFormat.CSV))
"""

FLOORS = {"python -c pass": [sys.executable, "-c", "pass"],
          "import pyoxigraph": [sys.executable, "-c", "import pyoxigraph"],
          "import rdflib": [sys.executable, "-c", "import rdflib"]}

COMMANDS = {"kg query gpu-targets (table)": ["query", "gpu-targets"],
            "kg query gpu-targets -p org=nvidia -f json": ["query", "gpu-targets", "-p", "org=nvidia", "-f", "json"],
            "kg explain nvidia": ["explain", "nvidia"],
            "kg explain 삼성전자 --lang ko -f json": ["explain", "삼성전자", "--lang", "ko", "-f", "json"],
            "kg explain --source newsis-20251101": ["explain", "--source", "newsis-20251101"],
            "kg neighbors nvidia": ["neighbors", "nvidia"],
            "kg path lg-uplus hyundai-motor-group": ["path", "lg-uplus", "hyundai-motor-group"],
            "kg conflicts": ["conflicts"],
            "kg view": ["view", "-o", "{tmp}/view.html"]}


CPU: list[float] = []  # CPU seconds (user + system, the process and its workers) of each timed run, in order


def timed(argv: list[str], env: dict[str, str]) -> float:
    """Wall seconds of a process; its CPU seconds go to CPU (a figure a busy machine disturbs less)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run(argv, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    elapsed = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    CPU.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    if done.returncode:
        raise SystemExit(f"{' '.join(argv)} failed: {done.stderr.decode(errors='replace')[-500:]}")
    return elapsed


def cpu(runs: int) -> str:
    """The median CPU time of the last `runs` timed runs."""
    return f"{statistics.median(CPU[-runs:]):.3f} s"


def figure(times: list[float]) -> str:
    return f"{statistics.median(times):.3f} s ({min(times):.3f}–{max(times):.3f})"


def query_files() -> dict[str, Path]:
    from kg.query import query_dir

    return {p.stem: p for p in sorted(Path(query_dir()).glob("*.rq"))}


def prepare(triples: int | None, work: Path, env: dict[str, str]) -> tuple[Path, list[str]]:
    """The store both sides read, and the --store/--seeds options that make kg read it."""
    if triples is None:
        subprocess.run([*KG, "query", "gpu-targets"], cwd=ROOT, env=env, check=True, capture_output=True)
        from kg.cache import build_key, cache_root

        root = cache_root()
        if root is None:
            raise SystemExit("the build cache is off (KG_CACHE=off): nothing on disk to compare with")
        return root / build_key(ROOT / "seeds"), []
    data, store = work / f"graph-{triples}.nq", work / f"store-{triples}"
    subprocess.run([sys.executable, str(HERE / "generate.py"), "--triples", str(triples), "-o", str(data)],
                   check=True, capture_output=True)
    subprocess.run([*KG, "load", str(data), "--store", f"oxigraph:{store}"], cwd=ROOT, env=env, check=True,
                   capture_output=True)
    return store, ["--store", f"oxigraph:{store}"]


def run(triples: int | None, runs: int, queries: bool = True) -> list[str]:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    lines = [f"## {'the seeds' if triples is None else f'{triples:,} generated triples'}, {runs} runs each", ""]
    with tempfile.TemporaryDirectory() as tmp:
        store, options = prepare(triples, Path(tmp), env)
        lines += ["| start-up floor | time | CPU |", "|---|---|---|"]
        for name, argv in FLOORS.items():
            lines.append(f"| {name} | {figure([timed(argv, env) for _ in range(runs)])} | {cpu(runs)} |")
        if queries:
            lines += queries_table(store, options, runs, env)
        if triples is None:
            lines += ["", "| command | kg | CPU | kg.cli | CPU | CPU ratio |",
                      "|---|---|---|---|---|---|"]
            for name, argv in COMMANDS.items():
                argv = [a.format(tmp=tmp) for a in argv]
                ours, ours_cpu, full, full_cpu = [], [], [], []
                for _ in range(runs):  # alternating, as above
                    ours.append(timed([*KG, *argv, *options], env))
                    ours_cpu.append(CPU[-1])
                    full.append(timed([*FULL, *argv, *options], env))
                    full_cpu.append(CPU[-1])
                lines.append(f"| {name} | {figure(ours)} | {statistics.median(ours_cpu):.3f} s | {figure(full)} | "
                             f"{statistics.median(full_cpu):.3f} s | "
                             f"{statistics.median(ours_cpu) / statistics.median(full_cpu):.2f}× |")
    return lines + [""]


def queries_table(store: Path, options: list[str], runs: int, env: dict[str, str]) -> list[str]:
    """Each named query: kg and the pyoxigraph script, alternately."""
    lines = ["", "| query | kg query -f csv | CPU | pyoxigraph script | CPU | ratio (median of runs) | CPU ratio |",
             "|---|---|---|---|---|---|---|"]
    ratios, cpu_ratios = [], []
    for name, path in query_files().items():
        ours, theirs, ours_cpu, theirs_cpu = [], [], [], []
        for _ in range(runs):  # alternating, so drift of the machine hits both alike
            ours.append(timed([*KG, "query", name, "-f", "csv", *options], env))
            ours_cpu.append(CPU[-1])
            theirs.append(timed([sys.executable, "-c", REFERENCE, str(store), str(path)], env))
            theirs_cpu.append(CPU[-1])
        ratios.append(statistics.median(a / b for a, b in zip(ours, theirs, strict=True)))
        cpu_ratios.append(statistics.median(ours_cpu) / statistics.median(theirs_cpu))
        lines.append(f"| {name} | {figure(ours)} | {statistics.median(ours_cpu):.3f} s | {figure(theirs)} | "
                     f"{statistics.median(theirs_cpu):.3f} s | {ratios[-1]:.2f}× | {cpu_ratios[-1]:.2f}× |")
    lines.append(f"| **all** | | | | | median {statistics.median(ratios):.2f}×, max {max(ratios):.2f}× | "
                 f"median {statistics.median(cpu_ratios):.2f}×, max {max(cpu_ratios):.2f}× |")
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--triples", type=int, action="append", help="a generated graph of this size (repeat)")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("-o", "--output", type=Path, help="write the report here (Markdown) as well")
    parser.add_argument("--no-queries", action="store_true", help="time only the start-up floors and commands")
    options = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    lines = ["# Whole processes: kg and pyoxigraph side by side", "",
             f"Python {sys.version.split()[0]}, {os.cpu_count()} CPUs; wall time per process; load average "
             f"{os.getloadavg()[0]:.1f} at the start (other work on the machine slows both sides alike; CPU: user +",
             "system seconds of the process and its workers, median — what a busy machine disturbs least).", ""]
    for triples in options.triples or [None]:
        lines += run(triples, options.runs, not options.no_queries)
    report = "\n".join(lines)
    print(report)
    if options.output:
        options.output.write_text(report, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
