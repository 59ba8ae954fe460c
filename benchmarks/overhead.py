"""kg's own cost around the engine, before and after a change: `kg query NAME -f csv --store oxigraph:PATH` of two
source trees of kg and a pyoxigraph script doing the same (same bound text, same bytes), alternating in every
round so that a shared machine's load hits all three alike; then in-process, in one process per tree,
kg.quick.answer against Store.read_only + query + serialize (the script's work) alternating (CPU seconds of
the process and its sandbox workers: wall time on a loaded machine mostly measures waiting for a core).

    git archive 89453e9 kg queries ontology | tar -x -C /tmp/before
    python benchmarks/overhead.py --store /tmp/kg-1m --before /tmp/before --runs 7 -o out.md
    python benchmarks/overhead.py --store /tmp/kg-1m --before /tmp/before --runs 3 --all   # every named query

Both trees are byte-compiled first, as an installed kg is (pip compiles on install; an editable install writes
__pycache__ on first use unless PYTHONDONTWRITEBYTECODE is set). CPU is user + system seconds of the process and
its worker; ratios are medians of per-round ratios.
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT))

from scale import NON_HUB, bound_text  # noqa: E402
from whole_process import CPU, REFERENCE, timed  # noqa: E402

#: The cases issue 16 names: short queries, where kg's fixed costs show (benchmarks/results/scale.md).
CASES = [("source-claims", []), ("source-claims", ["source=source-3"]), ("projects", []),
         ("partner-paths", ["a=org-100", "b=org-101"]), ("common-partners", ["a=org-100", "b=org-101"]),
         ("gpu-targets", ["org=korea-government"])]

#: Run in a process of each tree: kg.quick.answer against the script's work, alternating (CPU seconds), in a
#: kg.resident.kept() block where the tree has one (one worker for all the answers; its CPU counted while it runs).
IN_PROCESS = """
import contextlib, json, os, resource, sys, time
import pyoxigraph as ox
from pathlib import Path
from kg import quick
try:
    from kg.resident import kept
except ImportError:
    kept = contextlib.nullcontext
store, name, query, runs = sys.argv[1], sys.argv[2], open(sys.argv[3], encoding="utf-8").read(), int(sys.argv[4])
values = dict(p.split("=", 1) for p in sys.argv[5:])
def cpu():  # this process, its finished workers and its running ones (Linux's CPU clock of a process, to the
    # nanosecond: /proc/PID/stat counts in 10 ms ticks, as much as a short query)
    seconds = sum(getattr(resource.getrusage(who), f) for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)
                  for f in ("ru_utime", "ru_stime"))
    for task in os.listdir("/proc/self/task"):
        for pid in open(f"/proc/self/task/{task}/children").read().split():
            seconds += time.clock_gettime(((~int(pid)) << 3) | 2)  # CPUCLOCK_SCHED of the whole process
    return seconds
ours, theirs = [], []
block = kept()
block.__enter__()
for _ in range(runs + 1):  # the first round warms both up and is not counted
    started = cpu()
    answer = quick.answer(name, values, "en", "csv", timeout=600.0, max_memory=None, max_rows=10_000,
                          seed_dir=Path("seeds"), graph_file=None, store="oxigraph:" + store)
    ours.append(cpu() - started)
    started = cpu()
    reference = ox.Store.read_only(store).query(query, use_default_graph_as_union=True).serialize(
        format=ox.QueryResultsFormat.CSV)
    theirs.append(cpu() - started)
block.__exit__(None, None, None)
print(json.dumps({"ours": ours[1:], "theirs": theirs[1:], "same": answer.text.encode() == reference}))
"""


def kg_command(tree: Path) -> list[str]:
    return [sys.executable, "-c", f"import sys; sys.path.insert(0, {str(tree)!r}); from kg.launch import main; main()"]


def med(values: list[float]) -> str:
    return f"{statistics.median(values) * 1000:.0f} ms"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", type=Path, required=True, help="an on-disk Oxigraph store (benchmarks/scale.py)")
    parser.add_argument("--before", type=Path, required=True, help="a source tree of the earlier kg")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("-o", "--output", type=Path, help="append the report here (Markdown)")
    parser.add_argument("--all", action="store_true", help="every named query at its defaults, and at the "
                        "parameters of benchmarks/scale.py's NON_HUB, instead of the cases of issue 16")
    options = parser.parse_args()
    cases = CASES
    if options.all:
        cases = [(name, params) for name in sorted(p.stem for p in (ROOT / "queries").glob("*.rq"))
                 for params in [[], *([NON_HUB[name]] if name in NON_HUB else [])]]
    trees = {"before": options.before.resolve(), "after": ROOT}
    for tree in trees.values():
        compileall.compile_dir(tree / "kg", quiet=1)
    env = dict(os.environ)
    env.pop("PYTHONPATH", None)
    lines = [f"Load average {os.getloadavg()[0]:.1f} at the start; `python benchmarks/overhead.py "
             f"{' '.join(sys.argv[1:])}`", "",
             "| query | parameters | same bytes | script CPU | kg CPU before | ratio | kg CPU after | ratio | "
             "in-process before | ratio | in-process after | ratio | load |", "|" + "---|" * 13]
    with tempfile.TemporaryDirectory() as tmp:
        for name, params in cases:
            query = Path(tmp) / "query.rq"
            query.write_text(bound_text(name, params), encoding="utf-8")
            argv = ["query", name, "-f", "csv", "--store", f"oxigraph:{options.store}", "--timeout", "600",
                    *[a for p in params for a in ("-p", p)]]
            script = [sys.executable, "-c", REFERENCE, str(options.store), str(query)]
            same = all(subprocess.run(kg_command(tree) + argv, cwd=ROOT, env=env, capture_output=True).stdout
                       == subprocess.run(script, cwd=ROOT, env=env, capture_output=True).stdout
                       for tree in trees.values())
            cpu: dict[str, list[float]] = {"script": [], "before": [], "after": []}
            for _ in range(options.runs):  # alternating
                for side in cpu:
                    timed(script if side == "script" else kg_command(trees[side]) + argv, env)
                    cpu[side].append(CPU[-1])
            inner = {}
            for side, tree in trees.items():
                out = subprocess.run([sys.executable, "-c", f"import sys; sys.path.insert(0, {str(tree)!r})\n"
                                      + IN_PROCESS, str(options.store), name, str(query), str(options.runs),
                                      *params], cwd=ROOT, env=env, capture_output=True, text=True, check=True)
                inner[side] = json.loads(out.stdout)
                same = same and inner[side]["same"]
            ratio = {side: statistics.median(a / b for a, b in zip(cpu[side], cpu["script"], strict=True))
                     for side in trees}
            inner_ratio = {side: statistics.median(a / b for a, b in zip(inner[side]["ours"], inner[side]["theirs"],
                                                                         strict=True)) for side in trees}
            lines.append(f"| {name} | {' '.join(params) or 'defaults'} | {'yes' if same else '**no**'} | "
                         f"{med(cpu['script'])} | {med(cpu['before'])} | {ratio['before']:.2f}× | "
                         f"{med(cpu['after'])} | {ratio['after']:.2f}× | {med(inner['before']['ours'])} | "
                         f"{inner_ratio['before']:.2f}× | {med(inner['after']['ours'])} | "
                         f"{inner_ratio['after']:.2f}× | {os.getloadavg()[0]:.1f} |")
            print(lines[-1], flush=True)
    report = "\n".join(lines) + "\n"
    if options.output:
        with open(options.output, "a", encoding="utf-8") as out:
            out.write(report)
    return 0


if __name__ == "__main__":
    sys.exit(main())
