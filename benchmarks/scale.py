"""The named queries at scale, as users run them: `kg query NAME --format csv` on an on-disk Oxigraph store, beside
a pyoxigraph script doing the same work, at the defaults and for a parameter that is not a hub.

For each query and parameter set, kg binds the query (kg.query.binding) once; the script reads that bound text,
so both sides run the same query text, and the two outputs are compared byte for byte. Whole processes alternate
(`kg query … --store oxigraph:PATH` against `python script.py STORE TEXT`), then the same pair in one process:
kg.quick.answer in a `with kg.resident.kept():` block (what a program asking many questions runs: binding, checks,
the sandbox worker, which keeps the store open while its folder is unchanged, kg's CSV) against
Store.read_only(...).query(...).serialize(CSV), and against the engine alone on a store opened once. Medians with
min–max, CPU seconds and the load average beside them: the machine may be shared, and paired alternating runs
let load hit both sides alike.

    python benchmarks/scale.py --triples 1000000 --store /tmp/kg-1m       # generate + bulk-load once, then reuse
    python benchmarks/scale.py --triples 10000 --triples 100000 --runs 5 -o benchmarks/results/scale.md
    python benchmarks/scale.py --triples 1000000 --store /tmp/kg-1m --query people --query source-claims
"""

from __future__ import annotations

import argparse
import compileall
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT))

from whole_process import CPU, KG, REFERENCE, figure, timed  # noqa: E402

#: A parameter set per parameterised query for an entity that is not a hub of the generated graphs
#: (benchmarks/generate.py: org-N is an ordinary organisation, source-N an ordinary source; korea-government is
#: the one setter of GPU targets, and the allocations' suppliers are the three first organisations).
NON_HUB = {"agreements": ["org=org-100"], "common-partners": ["a=org-100", "b=org-101"],
           "gpu-allocations": ["org=lg-uplus", "source=source-3"], "gpu-targets": ["org=korea-government"],
           "partner-paths": ["a=org-100", "b=org-101"], "people": ["org=org-100"],
           "source-claims": ["source=source-3"]}


def store_for(triples: int, place: Path | None, work: Path) -> Path:
    """An on-disk Oxigraph store of a generated graph: bulk-loaded once (kept at place, if given)."""
    import pyoxigraph as ox

    store = place or work / f"store-{triples}"
    if (store / "CURRENT").is_file():
        return store
    data = work / f"graph-{triples}.nq"
    subprocess.run([sys.executable, str(HERE / "generate.py"), "--triples", str(triples), "-o", str(data)], check=True,
                   capture_output=True)
    ox.Store(str(store)).bulk_load(path=str(data), format=ox.RdfFormat.N_QUADS)
    data.unlink()
    return store


def bound_text(name: str, params: list[str], lang: str = "en") -> str:
    """The query text kg sends to the engine for these parameters (kg.query.binding, as kg.quick binds it)."""
    import pyoxigraph as ox

    from kg import plain
    from kg.query.binding import bind, mentions, parameter_block

    text = (ROOT / "queries" / f"{name}.rq").read_text(encoding="utf-8")
    bindings: dict = {}
    for clause in parameter_block(text):  # the defaults, as the query's own row writes them
        if len(clause.rows) == 1:
            for var, term in zip(clause.names, clause.rows[0], strict=True):
                bindings[var] = None if term == "UNDEF" else ox.NamedNode(plain.KG + term[3:]) if term.startswith(
                    "kg:") else ox.Literal(term.strip('"'))
    if mentions(text, "lang"):
        bindings["lang"] = ox.Literal(lang)
    for param in params:
        key, value = param.split("=", 1)
        bindings[key] = ox.NamedNode(plain.KG + value)
    return bind(text, bindings, f"{name}.rq")


def in_process(store: Path, name: str, params: list[str], text: str, runs: int) -> tuple[list, list, list, bytes,
                                                                                         bytes]:
    """kg.quick.answer against pyoxigraph's open + query + serialize (what the script does; kg.quick's kept worker
    opens the store for the first answer only), alternating, in this process (wall seconds); and query + serialize
    on a store opened once (the engine's own time, without opening)."""
    import pyoxigraph as ox

    from kg import quick

    try:
        from kg.resident import kept  # one worker for all the answers, as a program asking many would use it
    except ImportError:  # an earlier kg
        from contextlib import nullcontext as kept

    values = dict(p.split("=", 1) for p in params)
    engine = ox.Store.read_only(str(store))
    ours, theirs, warm, mine, reference = [], [], [], b"", b""
    block = kept()
    block.__enter__()
    for _ in range(runs):
        started = time.perf_counter()
        answer = quick.answer(name, values, "en", "csv", timeout=600.0, max_memory=None, max_rows=10_000,
                              seed_dir=ROOT / "seeds", graph_file=None, store=f"oxigraph:{store}")
        ours.append(time.perf_counter() - started)
        mine = answer.text.encode("utf-8") if answer is not None else b"(kg.quick declined)"
        started = time.perf_counter()
        reference = ox.Store.read_only(str(store)).query(text, use_default_graph_as_union=True).serialize(
            format=ox.QueryResultsFormat.CSV)
        theirs.append(time.perf_counter() - started)
        started = time.perf_counter()
        engine.query(text, use_default_graph_as_union=True).serialize(format=ox.QueryResultsFormat.CSV)
        warm.append(time.perf_counter() - started)
    block.__exit__(None, None, None)
    return ours, theirs, warm, mine, reference


def run(triples: int, store: Path, runs: int, names: list[str], timeout: float,
        parameters_only: bool = False) -> list[str]:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    lines = [f"## {triples:,} generated triples (on-disk Oxigraph store), {runs} runs each, load average "
             f"{os.getloadavg()[0]:.1f} at the start", "",
             "| query | parameters | rows | same bytes | kg query -f csv | CPU | pyoxigraph script | CPU | ratio | "
             "in-process kg | pyoxigraph (opens the store) | ratio | engine alone (store open) | ratio | load |",
             "|" + "---|" * 15]
    whole_ratios, inner_ratios, alone_ratios = [], [], []
    with tempfile.TemporaryDirectory() as tmp:
        for name in names:
            for params in (([] if parameters_only else [[]]) + ([NON_HUB[name]] if name in NON_HUB else [])):
                text = bound_text(name, params)
                query_file = Path(tmp) / "query.rq"
                query_file.write_text(text, encoding="utf-8")
                options = [a for p in params for a in ("-p", p)]
                ours, theirs, ours_cpu, theirs_cpu = [], [], [], []
                for _ in range(runs):  # alternating, so drift of the machine hits both alike
                    ours.append(timed([*KG, "query", name, "-f", "csv", "--store", f"oxigraph:{store}",
                                       "--timeout", str(timeout), *options], env))
                    ours_cpu.append(CPU[-1])
                    theirs.append(timed([sys.executable, "-c", REFERENCE, str(store), str(query_file)], env))
                    theirs_cpu.append(CPU[-1])
                kg_out = subprocess.run([*KG, "query", name, "-f", "csv", "--store", f"oxigraph:{store}",
                                         "--timeout", str(timeout), *options], cwd=ROOT, env=env,
                                        capture_output=True).stdout
                script_out = subprocess.run([sys.executable, "-c", REFERENCE, str(store), str(query_file)], cwd=ROOT,
                                            env=env, capture_output=True).stdout
                same = "yes" if kg_out == script_out else "**no**"
                inner_ours, inner_theirs, warm, mine, reference = in_process(store, name, params, text, runs)
                same = same if mine == reference else same + " (in-process **no**)"
                whole = statistics.median(a / b for a, b in zip(ours, theirs, strict=True))
                inner = statistics.median(a / b for a, b in zip(inner_ours, inner_theirs, strict=True))
                alone = statistics.median(a / b for a, b in zip(inner_ours, warm, strict=True))
                whole_ratios.append(whole)
                inner_ratios.append(inner)
                alone_ratios.append(alone)
                rows = max(script_out.count(b"\n") - 1, 0)
                lines.append(f"| {name} | {' '.join(params) or 'defaults'} | {rows:,} | {same} | {figure(ours)} | "
                             f"{statistics.median(ours_cpu):.3f} s | {figure(theirs)} | "
                             f"{statistics.median(theirs_cpu):.3f} s | {whole:.2f}× | {figure(inner_ours)} | "
                             f"{figure(inner_theirs)} | {inner:.2f}× | {figure(warm)} | {alone:.2f}× | "
                             f"{os.getloadavg()[0]:.1f} |")
                print(lines[-1], flush=True)
    lines.append(f"| **all** | | | | | | | | median {statistics.median(whole_ratios):.2f}×, max "
                 f"{max(whole_ratios):.2f}× | | | median {statistics.median(inner_ratios):.2f}×, max "
                 f"{max(inner_ratios):.2f}× | | median {statistics.median(alone_ratios):.2f}×, "
                 f"max {max(alone_ratios):.2f}× | |")
    return lines + [""]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--triples", type=int, action="append", required=True, help="graph size (repeat)")
    parser.add_argument("--store", type=Path, action="append", help="keep the store here (one per --triples)")
    parser.add_argument("--query", action="append", help="only this named query (repeat); default: all")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--timeout", type=float, default=600.0, help="kg query's --timeout (seconds)")
    parser.add_argument("--parameters-only", action="store_true",
                        help="only the parameterised queries, at their NON_HUB parameters (the 10M question)")
    parser.add_argument("-o", "--output", type=Path, help="append the report here (Markdown)")
    options = parser.parse_args()
    # kg's modules compiled once, as an installed kg has them: where PYTHONDONTWRITEBYTECODE is set, every kg
    # process would otherwise compile them from source (~40 ms of CPU a run that no user pays)
    compileall.compile_dir(ROOT / "kg", quiet=1)
    names = options.query or sorted(p.stem for p in (ROOT / "queries").glob("*.rq"))
    places = options.store or [None] * len(options.triples)
    lines = ["# Named queries at scale: kg and pyoxigraph side by side", "",
             f"Python {sys.version.split()[0]}, {os.cpu_count()} CPUs; `python benchmarks/scale.py "
             f"{' '.join(sys.argv[1:])}`. Ratios are medians of per-run ratios (kg / pyoxigraph); CPU is user + "
             "system seconds of the process and its workers.", ""]
    with tempfile.TemporaryDirectory() as work:
        for triples, place in zip(options.triples, places, strict=True):
            store = store_for(triples, place, Path(work))
            lines += run(triples, store, options.runs, names, options.timeout, options.parameters_only)
    report = "\n".join(lines)
    print(report)
    if options.output:
        with open(options.output, "a", encoding="utf-8") as out:
            out.write(report + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
