"""How `kg view` scales: generated seed sets of up to 5,000 organisations, timed end to end.

    .venv/bin/python benchmarks/view_scale.py            # sizes 500, 1000, 2000, 5000; writes the results file
    .venv/bin/python benchmarks/view_scale.py --sizes 5000 --no-browser

For each size it writes a seed folder (organisations, a few sectors, agreements with two to six parties
picked with preferential attachment so a few hubs emerge as in real data, GPU allocations, investments,
supply deals), runs the `kg view` command on it, and opens the page in headless Chromium with the network
cut off, timing until the layout is done (physics stabilised for a bounded number of iterations and
switched off). Results go to benchmarks/results/view-scale.md. A benchmark, not a test: nothing is asserted
beyond the page becoming ready with every node drawn.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

KG = ROOT / ".venv" / "bin" / "kg"
RESULTS = ROOT / "benchmarks" / "results" / "view-scale.md"
TYPES = ["Company"] * 6 + ["InvestmentFirm", "GovernmentBody", "PublicResearchInstitute", "University",
                           "IndustryAssociation", "Alliance"]
AGREEMENTS = ["mou", "joint-venture", "joint-research", "cooperation"]


def generate(folder: Path, n_orgs: int, seed: int = 1) -> dict[str, int]:
    """Write a seed set of n_orgs organisations, each party to at least one agreement; 1.4 facts each."""
    rng = random.Random(seed)
    (folder / "facts").mkdir(parents=True)
    sources = [f"src-{i:02d}" for i in range(20)]
    with open(folder / "sources.yaml", "w", encoding="utf-8") as fh:
        fh.write("sources:\n")
        for i, s in enumerate(sources):
            fh.write(f"  - id: {s}\n    label: {{en: 'Generated article {i}', ko: '생성된 기사 {i}'}}\n"
                     f"    date: 2025-10-{1 + i:02d}\n    language: ko\n    file: {s}.txt\n")
    orgs = [f"org-{i:05d}" for i in range(n_orgs)]
    sectors = [f"sector-{i}" for i in range(4)]
    allocation_types = {"country": "Country", **{s: "Sector" for s in sectors}}
    product = "gpu-model"
    with open(folder / "entities.yaml", "w", encoding="utf-8") as fh:
        fh.write("entities:\n")
        for i, o in enumerate(orgs):
            fh.write(f"  - id: {o}\n    type: {rng.choice(TYPES)}\n"
                     f"    label: {{en: 'Organisation {i}', ko: '조직 {i}'}}\n")
        for e, t in allocation_types.items():
            fh.write(f"  - id: {e}\n    type: {t}\n    label: {{en: '{t} {e}', ko: '{e}'}}\n")
        fh.write(f"  - id: {product}\n    type: GPUModel\n    label: {{en: GPU model, ko: GPU 모델}}\n")
    weights = [1.0] * n_orgs

    def pick(k: int, first: int | None = None) -> list[str]:
        chosen: set[int] = set() if first is None else {first}
        while len(chosen) < k:
            chosen.add(rng.choices(range(n_orgs), weights)[0])
        for i in chosen:
            weights[i] += 1.0  # preferential attachment: the well connected get more partners
        return [orgs[i] for i in sorted(chosen)]

    facts: dict[str, list[str]] = {s: [] for s in sources}
    counts = {"agreement": 0, "gpu-allocation": 0, "investment": 0, "supply": 0}
    for i in range(n_orgs):  # one agreement started by each organisation: every one is in the network
        k = 2 if rng.random() < 0.85 else rng.randint(3, 6)
        parties = ", ".join(pick(k, first=i))
        facts[rng.choice(sources)].append(
            f"  - id: agr-{i}\n    kind: agreement\n    type: {rng.choice(AGREEMENTS)}\n    parties: [{parties}]\n"
            f"    status: signed\n    date: 2025-10-31\n    para: 1\n    note: generated agreement\n")
        counts["agreement"] += 1
    suppliers = orgs[:10]
    for i in range(n_orgs // 5):
        recipient = rng.choice(list(allocation_types)) if rng.random() < 0.1 else pick(1)[0]
        facts[rng.choice(sources)].append(
            f"  - id: alloc-{i}\n    kind: gpu-allocation\n    supplier: {rng.choice(suppliers)}\n"
            f"    recipient: {recipient}\n    gpus: {rng.randint(1, 500) * 100}\n    models: [{product}]\n"
            f"    para: 1\n    note: generated allocation\n")
        counts["gpu-allocation"] += 1
    for i in range(n_orgs // 10):
        investors, [target] = pick(rng.randint(1, 3)), pick(1)
        facts[rng.choice(sources)].append(
            f"  - id: inv-{i}\n    kind: investment\n    investors: [{', '.join(investors)}]\n    target: {target}\n"
            f"    amount: {rng.randint(1, 900) * 1_000_000}\n    currency: USD\n    para: 1\n    note: generated\n")
        counts["investment"] += 1
    for i in range(n_orgs // 10):
        supplier, customer = pick(2)
        facts[rng.choice(sources)].append(
            f"  - id: supply-{i}\n    kind: supply\n    supplier: {supplier}\n    customer: {customer}\n"
            f"    products: [{product}]\n    status: ongoing\n    para: 1\n    note: generated supply deal\n")
        counts["supply"] += 1
    for s, entries in facts.items():
        (folder / "facts" / f"{s}.yaml").write_text(f"source: {s}\nfacts:\n" + "".join(entries), encoding="utf-8")
    return counts


def in_process(folder: Path, out: Path) -> dict[str, float]:
    """The steps of `kg view`, timed one by one in this process."""
    from kg import network, view
    from kg.graph import build_dataset
    from kg.seeds import load_seeds

    t = {}
    start = time.perf_counter()
    seeds = load_seeds(folder)
    t["load seeds"] = time.perf_counter() - start
    start = time.perf_counter()
    ds = build_dataset(seeds, store="Oxigraph")
    t["build RDF"] = time.perf_counter() - start
    start = time.perf_counter()
    G = network.project(ds)
    t["project (SPARQL -> networkx)"] = time.perf_counter() - start
    start = time.perf_counter()
    view.write(G, out)
    t["render + write HTML"] = time.perf_counter() - start
    t["nodes"], t["edges"] = G.number_of_nodes(), G.number_of_edges()
    return t


def open_in_chromium(page: Path) -> dict[str, float]:
    from playwright.sync_api import sync_playwright
    from screenshot_view import ARGS, CHROMIUM

    blocked: list[str] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        tab = browser.new_page(viewport={"width": 1600, "height": 1000})
        tab.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file:")
                  else (blocked.append(r.request.url), r.abort()))
        start = time.perf_counter()
        tab.goto(page.as_uri())
        loaded = time.perf_counter() - start
        tab.wait_for_function("window.kgView && window.kgView.ready", timeout=600_000, polling=100)
        ready = time.perf_counter() - start
        drawn, physics = tab.evaluate("[kgView.network.body.nodeIndices.length, "
                                      "kgView.network.physics.options.enabled]")
        browser.close()
    assert not blocked, blocked
    return {"load event": loaded, "ready (layout done)": ready, "drawn": drawn, "physics after": physics}


def main() -> None:
    from kg.view import IMPROVED_LAYOUT_LIMIT, LARGE, STABILISATION_ITERATIONS

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="500,1000,2000,5000")
    parser.add_argument("--no-browser", action="store_true")
    parser.add_argument("--output", default=str(RESULTS))
    args = parser.parse_args()
    rows = []
    for n in [int(s) for s in args.sizes.split(",")]:
        with tempfile.TemporaryDirectory() as tmp:
            folder, page = Path(tmp) / "seeds", Path(tmp) / "partners.html"
            facts = generate(folder, n)
            start = time.perf_counter()
            subprocess.run([str(KG), "view", "--seeds", str(folder), "-o", str(page)], check=True,
                           capture_output=True)
            command = time.perf_counter() - start
            size = page.stat().st_size
            steps = in_process(folder, page)
            browser = {} if args.no_browser else open_in_chromium(page)
        row = {"organisations": n, "facts": sum(facts.values()), "command": command, "size": size, **steps,
               **browser}
        rows.append(row)
        print(row, flush=True)

    lines = [
        "# `kg view` at scale",
        "",
        "Generated by `benchmarks/view_scale.py`: seed sets in which every organisation is party to an agreement",
        "(2-6 parties, partners picked with preferential attachment), plus GPU allocations, investments and",
        "supply deals: 1.4 facts per organisation.",
        f"Machine: {os.cpu_count()} cores, Python {platform.python_version()}, {platform.platform()}; "
        f"{chromium_version()}.",
        "",
        "How the page bounds the layout: up to "
        f"{IMPROVED_LAYOUT_LIMIT} nodes vis-network lays the network out itself (Barnes-Hut physics, at most "
        f"{STABILISATION_ITERATIONS} stabilisation iterations, then physics off). Above {IMPROVED_LAYOUT_LIMIT} nodes "
        "`kg view` computes the starting positions in Python (Louvain communities as discs on a sunflower spiral) "
        "and vis-network's quadratic `improvedLayout` is off; up to "
        f"{LARGE} nodes physics then refines them for at most {STABILISATION_ITERATIONS} iterations, above {LARGE} "
        "nodes it does not run at all (straight edges, hidden while dragging or zooming).",
        "",
        "| organisations | facts | nodes | links | `kg view` command | load seeds | build RDF | project | render | "
        "HTML size | page load | page ready (layout done) | drawn | physics after |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|",
    ]
    for r in rows:
        lines.append(
            f"| {r['organisations']:,} | {r['facts']:,} | {r['nodes']:,} | {r['edges']:,} | {r['command']:.1f} s | "
            f"{r['load seeds']:.1f} s | {r['build RDF']:.1f} s | {r['project (SPARQL -> networkx)']:.1f} s | "
            f"{r['render + write HTML']:.2f} s | {r['size'] / 1e6:.1f} MB | "
            + (f"{r['load event']:.1f} s | {r['ready (layout done)']:.1f} s | {r['drawn']:,} | "
               f"{'on' if r['physics after'] else 'off'} |" if "drawn" in r else "– | – | – | – |"))
    lines.append("")
    lines.append("`kg view` command: wall time of the whole command (Python start-up, seed checks, RDF build in "
                 "Oxigraph, SPARQL projection, HTML). Page ready: from navigation until the stabilisation "
                 "iterations are done and physics is off, in headless Chromium with `--disable-gpu` (software "
                 "rendering), network blocked.")
    from kg.serialize import write_atomic

    write_atomic(args.output, ("\n".join(lines) + "\n").encode("utf-8"))
    print(f"Wrote {args.output}")


def chromium_version() -> str:
    try:
        return subprocess.run(["/usr/bin/chromium", "--version"], capture_output=True, text=True,
                              timeout=30).stdout.strip() or "Chromium"
    except (OSError, subprocess.SubprocessError):
        return "no Chromium"


if __name__ == "__main__":
    main()
