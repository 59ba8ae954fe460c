"""`kg build` of generated seed sets: wall time, CPU time and peak memory of the whole process, and (with
--stages) the CPU time of each step in one process, for issue 16's targets (100k triples <= 10 s; 1M <= 100 s
and <= 2 GB).

    python benchmarks/build_scale.py --triples 100000 1000000 --runs 1 --stages

Seed sets are made by benchmarks/generate.py into --work (kept there for the next run). The machine may be
shared: CPU time (user + system of the build process, from wait4) is reported beside the wall time, with the load
average before each run.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def seed_set(triples: int, work: Path) -> Path:
    """The generated seed folder for this size, made once."""
    folder = work / f"seeds-{triples}"
    if not (folder / "entities.yaml").exists():
        subprocess.run([sys.executable, str(ROOT / "benchmarks" / "generate.py"), "--triples", str(triples),
                        "--yaml", str(folder)], check=True, stdout=subprocess.DEVNULL)
    return folder


def whole_process(seeds: Path, output: Path) -> dict:
    """One `kg build` as users run it: wall seconds, CPU seconds, peak RSS in MB."""
    load = os.getloadavg()[0]
    start = time.perf_counter()
    kg = str(Path(sys.executable).parent / "kg")
    proc = subprocess.Popen([kg, "build", "--seeds", str(seeds), "-o", str(output)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    if status != 0:
        raise SystemExit(f"kg build failed: {proc.stderr.read().decode() if proc.stderr else status}")
    return {"wall": wall, "cpu": usage.ru_utime + usage.ru_stime, "rss_mb": usage.ru_maxrss / 1024, "load": load}


STAGES = """
import json, resource, sys, time
t = time.process_time()
def step(name, out={}):
    global t
    now = time.process_time(); out[name] = round(now - t, 2); t = now
    return out
from kg import api
from kg.graph import build_dataset, graph_count, triple_count
from kg.rdf import inner_store
from kg.seeds import load_seeds
from kg.serialize import export
from kg.shapes import validate_store
step("imports")
seeds = load_seeds(sys.argv[1]); step("load_seeds")
ds = build_dataset(seeds, store="Oxigraph"); step("build_dataset (bulk load)")
report = validate_store(inner_store(ds), api.origins(seeds)); step("SHACL (SPARQL)")
export(ds, "nquads", sys.argv[2]); step("sorted N-Quads export")
triple_count(ds); graph_count(ds); out = step("summary")
out["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
print(json.dumps(out))
"""


def stages(seeds: Path, output: Path) -> str:
    """The CPU seconds of each step of kg build (what kg.api.build does), in one fresh process."""
    run = subprocess.run([sys.executable, "-c", STAGES, str(seeds), str(output)], check=True, capture_output=True,
                         text=True)
    return run.stdout.strip()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--triples", type=int, nargs="+", default=[100_000])
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--work", type=Path, default=Path("/tmp/kg-build-scale"))
    parser.add_argument("--stages", action="store_true", help="also time each step in one process")
    args = parser.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    for triples in args.triples:
        seeds = seed_set(triples, args.work)
        output = args.work / f"graph-{triples}.nq"
        for run in range(args.runs):
            r = whole_process(seeds, output)
            print(f"{triples:>9,} triples  run {run + 1}: wall {r['wall']:6.1f} s  CPU {r['cpu']:6.1f} s  "
                  f"peak RSS {r['rss_mb']:6.0f} MB  (load average {r['load']:.2f})", flush=True)
        if args.stages:
            print(f"{triples:>9,} triples  stages (CPU s): {stages(seeds, output)}", flush=True)


if __name__ == "__main__":
    main()
