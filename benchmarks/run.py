"""The store benchmark: kg against pyoxigraph (the reference engine), side by side, in one run.

For each size (synthetic graphs of the seeds' shape, benchmarks/generate.py) it measures, each in a fresh
process: loading into every store and into pyoxigraph directly, every named query on every store and the
same SPARQL run by pyoxigraph, `kg export` against pyoxigraph's dump, and `kg view` of a focus view. It
writes benchmarks/results/stores.md (tables, ratios against the reference) and stores.png (time vs size).

    python benchmarks/run.py                      # 10k, 100k, 1M triples
    python benchmarks/run.py --sizes 10000 10000000
"""

from __future__ import annotations

import argparse
import json
import platform
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
RESULTS = HERE / "results"
RDFLIB_LOAD_LIMIT = 100_000  # rdflib's pure-Python parser takes minutes beyond this
RDFLIB_QUERY_LIMIT = 10_000  # and its SPARQL engine, on the heavier named queries, far sooner


def measure(*args: str, timeout: int = 3600) -> dict:
    proc = subprocess.run([sys.executable, str(HERE / "measure.py"), *args], capture_output=True, text=True,
                          timeout=timeout)
    if proc.returncode != 0:
        raise RuntimeError(f"{args}: {proc.stderr.strip()[-2000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def human(n: int) -> str:
    return f"{n // 1_000_000}M" if n >= 1_000_000 else f"{n // 1000}k"


def run_size(triples: int, work: Path, log) -> dict:
    nq = work / f"graph-{triples}.nq"
    subprocess.run([sys.executable, str(HERE / "generate.py"), "--triples", str(triples), "-o", str(nq)],
                   check=True, capture_output=True)
    quads = sum(1 for _ in open(nq, encoding="utf-8"))
    row: dict = {"triples": quads}
    ref_disk, kg_disk = work / f"ref-{triples}", work / f"kg-{triples}"
    row["load"] = {
        "pyoxigraph (disk)": measure("load-reference-disk", str(nq), str(ref_disk)),
        "oxigraph:PATH": measure("load-kg-oxigraph", str(nq), str(kg_disk)),
        "pyoxigraph (memory)": measure("load-reference-memory", str(nq)),
        "memory": measure("load-kg-memory", str(nq)),
    }
    if quads <= RDFLIB_LOAD_LIMIT:
        row["load"]["rdflib"] = measure("load-kg-rdflib", str(nq))
    log(f"{human(triples)}: loaded")
    big = triples >= 1_000_000  # the targets there concern the on-disk store; one run per query
    repeat = "1" if big else "3"
    row["query"] = {
        "pyoxigraph (disk)": measure("query-reference", str(ref_disk), repeat),
        "oxigraph:PATH": measure("query-kg", f"oxigraph:{kg_disk}", str(nq), repeat),
    }
    if not big:
        row["query"]["pyoxigraph (memory)"] = measure("query-reference", str(nq), repeat)
        row["query"]["memory"] = measure("query-kg", "memory", str(nq), repeat)
    if quads <= RDFLIB_QUERY_LIMIT:
        row["query"]["rdflib"] = measure("query-kg", "rdflib", str(nq), "1")
    log(f"{human(triples)}: queried")
    row["export"] = {
        "kg export nquads": measure("export-kg", str(kg_disk), str(work / "kg.nq"), "nquads"),
        "pyoxigraph dump nquads": measure("dump-reference", str(kg_disk), str(work / "ref.nq"), "nquads"),
        "kg export turtle": measure("export-kg", str(kg_disk), str(work / "kg.ttl"), "turtle"),
        "pyoxigraph turtle": measure("dump-reference", str(kg_disk), str(work / "ref.ttl"), "turtle"),
    }
    row["view"] = measure("view-kg", str(kg_disk), str(work / "view.html"), "org-0")
    log(f"{human(triples)}: exported and viewed")
    for path in (ref_disk, kg_disk):
        shutil.rmtree(path, ignore_errors=True)
    nq.unlink()
    return row


def startup_times(repeat: int = 5) -> dict:
    """Wall time of `kg --help` and `kg queries` (best of N): the heavy libraries must load lazily."""
    import time

    kg = Path(sys.executable).parent / "kg"
    out = {}
    for args in (["--help"], ["queries"]):
        best = None
        for _ in range(repeat):
            started = time.perf_counter()
            subprocess.run([str(kg), *args], check=True, capture_output=True)
            elapsed = time.perf_counter() - started
            best = elapsed if best is None else min(best, elapsed)
        out["kg " + " ".join(args)] = best
    return out


def ratio(a: float, b: float) -> str:
    return f"{a / b:.2f}×" if b else "–"


def write_markdown(rows: list[dict], path: Path, startup: dict) -> None:
    lines = ["# Stores benchmark: kg against pyoxigraph", "",
             f"Machine: {platform.machine()}, {platform.processor() or 'cpu'}, Python {platform.python_version()}; "
             "each figure is one fresh process (load, export) or the best of 3 runs per query (one run from 1M triples, where only the on-disk store is queried).", "",
             "Ratios are kg's time over pyoxigraph's own time for the same work in the same run.", ""]
    lines += ["## Start-up", "", "| command | seconds |", "|---|---|"]
    lines += [f"| `{cmd}` | {sec:.3f} |" for cmd, sec in startup.items()]
    lines += ["", "## Load", "", "| triples | store | kg s | peak MB | pyoxigraph s | ratio |", "|---|---|---|---|---|---|"]
    for row in rows:
        load = row["load"]
        for store, ref in (("oxigraph:PATH", "pyoxigraph (disk)"), ("memory", "pyoxigraph (memory)"),
                           ("rdflib", "pyoxigraph (memory)")):
            if store in load:
                k, r = load[store], load[ref]
                lines.append(f"| {row['triples']:,} | {store} | {k['seconds']:.2f} | {k['peak_mb']:.0f} | "
                             f"{r['seconds']:.2f} | {ratio(k['seconds'], r['seconds'])} |")
    lines += ["", "## Named queries (sum over all named queries; slowest query)", "",
              "| triples | store | kg s | pyoxigraph s | ratio | slowest kg query | its s | its ratio |",
              "|---|---|---|---|---|---|---|---|"]
    for row in rows:
        q = row["query"]
        for store, ref in (("oxigraph:PATH", "pyoxigraph (disk)"), ("memory", "pyoxigraph (memory)"),
                           ("rdflib", "pyoxigraph (memory)")):
            if store in q:
                k, r = q[store], q[ref]
                name = max(k["detail"], key=k["detail"].get)
                lines.append(f"| {row['triples']:,} | {store} | {k['seconds']:.3f} | {r['seconds']:.3f} | "
                             f"{ratio(k['seconds'], r['seconds'])} | {name} | {k['detail'][name]:.3f} | "
                             f"{ratio(k['detail'][name], r['detail'][name])} |")
    lines += ["", "## Per query, largest size", ""]
    last = rows[-1]["query"]
    stores = [s for s in ("oxigraph:PATH", "pyoxigraph (disk)", "memory", "pyoxigraph (memory)") if s in last]
    lines += ["| query | " + " | ".join(stores) + " |", "|---" * (len(stores) + 1) + "|"]
    for name in sorted(last["oxigraph:PATH"]["detail"]):
        lines.append(f"| {name} | " + " | ".join(f"{last[s]['detail'][name]:.4f}" for s in stores) + " |")
    lines += ["", "## Export and view", "", "| triples | kg export nq s | dump nq s | ratio | kg export ttl s | "
              "oxigraph ttl s | ratio | kg view (focus) s |", "|---|---|---|---|---|---|---|---|"]
    for row in rows:
        e = row["export"]
        lines.append(f"| {row['triples']:,} | {e['kg export nquads']['seconds']:.2f} | "
                     f"{e['pyoxigraph dump nquads']['seconds']:.2f} | "
                     f"{ratio(e['kg export nquads']['seconds'], e['pyoxigraph dump nquads']['seconds'])} | "
                     f"{e['kg export turtle']['seconds']:.2f} | {e['pyoxigraph turtle']['seconds']:.2f} | "
                     f"{ratio(e['kg export turtle']['seconds'], e['pyoxigraph turtle']['seconds'])} | "
                     f"{row['view']['seconds']:.2f} |")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def write_plot(rows: list[dict], path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    sizes = [r["triples"] for r in rows]
    fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(11, 4.2))
    for store in ("oxigraph:PATH", "pyoxigraph (disk)", "memory", "pyoxigraph (memory)", "rdflib"):
        pts = [(r["triples"], r["load"][store]["seconds"]) for r in rows if store in r["load"]]
        ax1.plot(*zip(*pts), marker="o", label=store)
        pts = [(r["triples"], r["query"][store]["seconds"]) for r in rows if store in r["query"]]
        ax2.plot(*zip(*pts), marker="o", label=store)
    for ax, title in ((ax1, "load time"), (ax2, "all named queries")):
        ax.set_xscale("log")
        ax.set_yscale("log")
        ax.set_xlabel("triples")
        ax.set_ylabel("seconds")
        ax.set_title(title)
        ax.set_xticks(sizes, [human(s) for s in sizes])
        ax.grid(True, which="both", alpha=0.3)
    ax2.legend(fontsize=8)
    fig.tight_layout()
    fig.savefig(path, dpi=110)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    parser.add_argument("--out", type=Path, default=RESULTS)
    parser.add_argument("--keep", type=Path, help="a stores.json of an earlier run whose sizes to keep")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    rows = json.loads(args.keep.read_text(encoding="utf-8")) if args.keep else []
    with tempfile.TemporaryDirectory(prefix="kg-bench-") as tmp:
        for size in args.sizes:
            rows.append(run_size(size, Path(tmp), lambda m: print(m, flush=True)))
            (args.out / "stores.json").write_text(json.dumps(rows, indent=1), encoding="utf-8")
    write_markdown(rows, args.out / "stores.md", startup_times())
    write_plot(rows, args.out / "stores.png")
    print(f"wrote {args.out / 'stores.md'} and {args.out / 'stores.png'}")


if __name__ == "__main__":
    main()
