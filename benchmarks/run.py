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
import os
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
MEMORY_QUERY_LIMIT = 1_000_000  # beyond, each query process would first load the whole graph into memory
TARGET_SECONDS = 1.0  # what a named query should take at most on this machine


def measure(*args: str, timeout: int = 3600) -> dict:
    proc = subprocess.run([sys.executable, str(HERE / "measure.py"), *args], capture_output=True, text=True,
                          timeout=timeout)
    if proc.returncode != 0:
        raise RuntimeError(f"{args}: {proc.stderr.strip()[-2000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def attempt(*args: str) -> dict:
    """measure(), but a task that fails (out of memory at 10M, say) is recorded as such, not fatal."""
    try:
        return measure(*args)
    except (RuntimeError, subprocess.TimeoutExpired) as exc:
        print(f"{args[0]} failed: {str(exc)[-300:]}", flush=True)
        return {"seconds": None, "peak_mb": None, "error": str(exc)[-300:]}


def human(n: int) -> str:
    return f"{n // 1_000_000}M" if n >= 1_000_000 else f"{n // 1000}k"


def run_size(triples: int, work: Path, log) -> dict:
    nq = work / f"graph-{triples}.nq"
    subprocess.run([sys.executable, str(HERE / "generate.py"), "--triples", str(triples), "-o", str(nq)],
                   check=True, capture_output=True)
    with open(nq, encoding="utf-8") as lines:
        quads = sum(1 for _ in lines)
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
    repeat = "1" if triples > MEMORY_QUERY_LIMIT else "3"  # best of 3, but minutes per run at 10M
    row["repeat"] = int(repeat)
    row["query"] = {
        "pyoxigraph (disk)": measure("query-reference", str(ref_disk), repeat),
        "oxigraph:PATH": measure("query-kg", f"oxigraph:{kg_disk}", str(nq), repeat),
    }
    if triples <= MEMORY_QUERY_LIMIT:
        row["query"]["pyoxigraph (memory)"] = measure("query-reference", str(nq), repeat)
        row["query"]["memory"] = measure("query-kg", "memory", str(nq), repeat)
    if quads <= RDFLIB_QUERY_LIMIT:
        row["query"]["rdflib"] = measure("query-kg", "rdflib", str(nq), "1")
    log(f"{human(triples)}: queried")
    row["export"] = {
        "kg export nquads": attempt("export-kg", str(kg_disk), str(work / "kg.nq"), "nquads"),
        "pyoxigraph dump nquads": attempt("dump-reference", str(kg_disk), str(work / "ref.nq"), "nquads"),
        "kg export turtle": attempt("export-kg", str(kg_disk), str(work / "kg.ttl"), "turtle"),
        "pyoxigraph turtle": attempt("dump-reference", str(kg_disk), str(work / "ref.ttl"), "turtle"),
    }
    for name in ("kg.nq", "ref.nq", "kg.ttl", "ref.ttl"):
        (work / name).unlink(missing_ok=True)
    row["view"] = attempt("view-kg", str(kg_disk), str(work / "view.html"), "org-0")
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


def ratio(a: float | None, b: float | None) -> str:
    return f"{a / b:.2f}×" if a is not None and b else "–"


def secs(task: dict) -> str:
    return "failed" if task.get("seconds") is None else f"{task['seconds']:.2f}"


QUERY_STORES = (("oxigraph:PATH", "pyoxigraph (disk)"), ("memory", "pyoxigraph (memory)"),
                ("rdflib", "pyoxigraph (memory)"))


def _at(rows: list[dict], triples: int) -> dict | None:
    """The row of the size nearest to a nominal one (the generator gives about that many)."""
    near = [r for r in rows if 0.8 * triples <= r["triples"] <= 1.2 * triples]
    return near[0] if near else None


def targets(rows: list[dict], startup: dict) -> list[str]:
    """The issue's targets, each checked against this run's figures, and how far each store goes."""
    out = ["## Targets", "", "| target | measured | met |", "|---|---|---|"]

    def line(target: str, measured: str, met: bool) -> None:
        out.append(f"| {target} | {measured} | {'yes' if met else '**no**'} |")

    big, mid = _at(rows, 1_000_000), _at(rows, 100_000)
    if big:
        k, r = big["load"]["oxigraph:PATH"], big["load"]["pyoxigraph (disk)"]
        line("load 1M into `oxigraph:PATH` within 1.5× of pyoxigraph's bulk load, peak under 2 GB",
             f"{ratio(k['seconds'], r['seconds'])} ({k['seconds']:.2f} s vs {r['seconds']:.2f} s), "
             f"{k['peak_mb']:.0f} MB", k["seconds"] <= 1.5 * r["seconds"] and k["peak_mb"] < 2048)
        k, r = big["query"]["oxigraph:PATH"]["detail"], big["query"]["pyoxigraph (disk)"]["detail"]
        worst = max(k, key=lambda n: k[n] / r[n])
        slow = [n for n in k if k[n] >= TARGET_SECONDS]
        line("each named query at 1M on `oxigraph:PATH` within 1.5× of pyoxigraph",
             f"highest {ratio(k[worst], r[worst])} ({worst})", k[worst] <= 1.5 * r[worst])
        line(f"each named query at 1M on `oxigraph:PATH` under {TARGET_SECONDS:g} s",
             f"slowest {max(k.values()):.2f} s ({max(k, key=k.get)})" + (f"; over: {', '.join(slow)}" if slow else ""),
             not slow)
    if mid:
        k, r = mid["query"]["memory"]["detail"], mid["query"]["pyoxigraph (memory)"]["detail"]
        over = sorted((n for n in k if k[n] > 1.2 * r[n]), key=lambda n: -k[n] / r[n])
        total_k, total_r = sum(k.values()), sum(r.values())
        line("named queries at 100k in `memory` within 1.2× of pyoxigraph",
             f"all together {ratio(total_k, total_r)}; per query over 1.2×: "
             + (", ".join(f"{n} {ratio(k[n], r[n])} ({(k[n] - r[n]) * 1000:.1f} ms more)" for n in over) or "none"),
             not over)
    for cmd, sec in startup.items():
        line(f"`{cmd}` under 0.3 s", f"{sec:.3f} s", sec < 0.3)
    out += ["", "How far each store goes (the first size at which a named query passes "
            f"{TARGET_SECONDS:g} s through kg):", ""]
    for store, _ in QUERY_STORES:
        measured = [r for r in rows if store in r["query"]]
        if not measured:
            continue
        first = next((r for r in measured if max(r["query"][store]["detail"].values()) >= TARGET_SECONDS), None)
        if first is None:
            out.append(f"- `{store}`: every named query under {TARGET_SECONDS:g} s up to "
                       f"{measured[-1]['triples']:,} triples, the largest measured.")
        else:
            d = first["query"][store]["detail"]
            over = sorted((n for n in d if d[n] >= TARGET_SECONDS), key=lambda n: -d[n])
            out.append(f"- `{store}`: at {first['triples']:,} triples "
                       + ", ".join(f"{n} {d[n]:.2f} s" for n in over) + ".")
    return out + [""]


def write_markdown(rows: list[dict], path: Path, startup: dict) -> None:
    runs = sorted({f"best of {r.get('repeat', 3)}" + f" at {r['triples']:,}" for r in rows})
    lines = ["# Stores benchmark: kg against pyoxigraph", "",
             f"Machine: {platform.machine()}, {platform.processor() or 'cpu'}, {os.cpu_count()} cores, "
             f"Python {platform.python_version()}; written by `python benchmarks/run.py`. Each figure is one fresh "
             f"process (load, export, view); named queries are timed per query ({'; '.join(runs)}).", "",
             "Ratios are kg's time over pyoxigraph's own time for the same work in the same run. The reference "
             "lists pyoxigraph's solutions; kg also turns every term into a Python value, as `kg query` does.", ""]
    lines += targets(rows, startup)
    lines += ["## Start-up", "", "| command | seconds |", "|---|---|"]
    lines += [f"| `{cmd}` | {sec:.3f} |" for cmd, sec in startup.items()]
    lines += ["", "## Load", "", "| triples | store | kg s | peak MB | pyoxigraph s | ratio |",
              "|---|---|---|---|---|---|"]
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
        for store, ref in QUERY_STORES:
            if store in q:
                k, r = q[store], q[ref]
                name = max(k["detail"], key=k["detail"].get)
                lines.append(f"| {row['triples']:,} | {store} | {k['seconds']:.3f} | {r['seconds']:.3f} | "
                             f"{ratio(k['seconds'], r['seconds'])} | {name} | {k['detail'][name]:.3f} | "
                             f"{ratio(k['detail'][name], r['detail'][name])} |")
    for row in rows:
        q = row["query"]
        pairs = [(store, ref) for store, ref in QUERY_STORES if store in q and store != "rdflib"]
        lines += ["", f"## Per query, {row['triples']:,} triples (seconds, ratio)", "",
                  "| query | " + " | ".join(f"{s} | pyoxigraph | ratio" for s, _ in pairs) + " |",
                  "|---" * (3 * len(pairs) + 1) + "|"]
        for name in sorted(q["oxigraph:PATH"]["detail"]):
            cells = [f"{q[s]['detail'][name]:.4f} | {q[r]['detail'][name]:.4f} | "
                     f"{ratio(q[s]['detail'][name], q[r]['detail'][name])}" for s, r in pairs]
            lines.append(f"| {name} | " + " | ".join(cells) + " |")
    lines += ["", "## Export and view", "", "| triples | kg export nq s | dump nq s | ratio | kg export ttl s | "
              "oxigraph ttl s | ratio | kg view (focus) s |", "|---|---|---|---|---|---|---|---|"]
    for row in rows:
        e = row["export"]
        lines.append(f"| {row['triples']:,} | {secs(e['kg export nquads'])} | {secs(e['pyoxigraph dump nquads'])} | "
                     f"{ratio(e['kg export nquads']['seconds'], e['pyoxigraph dump nquads']['seconds'])} | "
                     f"{secs(e['kg export turtle'])} | {secs(e['pyoxigraph turtle'])} | "
                     f"{ratio(e['kg export turtle']['seconds'], e['pyoxigraph turtle']['seconds'])} | "
                     f"{secs(row['view'])} |")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def write_plot(rows: list[dict], path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    sizes = [r["triples"] for r in rows]
    fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(11, 4.2))
    for store in ("oxigraph:PATH", "pyoxigraph (disk)", "memory", "pyoxigraph (memory)", "rdflib"):
        pts = [(r["triples"], r["load"][store]["seconds"]) for r in rows if store in r["load"]]
        ax1.plot(*zip(*pts, strict=True), marker="o", label=store)
        pts = [(r["triples"], r["query"][store]["seconds"]) for r in rows if store in r["query"]]
        ax2.plot(*zip(*pts, strict=True), marker="o", label=store)
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
