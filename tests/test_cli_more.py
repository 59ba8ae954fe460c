"""The provenance and store commands as a user runs them: explain, sources, conflicts, new-source, load, push."""

from __future__ import annotations

import json
import shutil

from click.testing import CliRunner
from conftest import MINIMAL
from oxigraph_server import OxigraphServer

from kg.cli import main


def run(*args, env=None):
    return CliRunner().invoke(main, list(args), env=env)


def test_explain_by_id_and_by_korean_label_print_the_same_facts():
    by_id = run("explain", "naver-cloud")
    by_korean = run("explain", "네이버클라우드")
    assert by_id.exit_code == 0, by_id.output
    assert by_id.output == by_korean.output
    assert "* GPU allocation: NVIDIA → Naver Cloud: 60,000 GPUs, NVIDIA Blackwell" in by_id.output
    assert "source: Asia Economy, 2025-11-03, " in by_id.output and "para 10 [asiae-20251103]" in by_id.output


def test_explain_json_for_scripts():
    result = run("explain", "NAVER cloud", "-f", "json")
    data = json.loads(result.output)
    assert data["id"] == "naver-cloud"
    assert [c["id"] for c in data["claims"]] == ["alloc-naver-cloud-60k-asiae", "mou-naver-cloud-nvidia",
                                                 "proj-naver-cloud-physical-ai-platform"]
    assert data["claims"][0]["sources"][0]["paragraphs"] == [10]


def test_explain_source_lists_every_fact_citing_it(seeds):
    result = run("explain", "--source", "news1-20251031")
    assert result.exit_code == 0
    expected = sum(1 for f in seeds.facts.values() if "news1-20251031" in f.sources)
    assert result.output.startswith(f"{expected} facts cite news1-20251031")
    assert "210,000 GPUs" in result.output


def test_explain_unknown_name_is_one_line_and_non_zero():
    result = run("explain", "nvida")
    assert result.exit_code == 1
    assert result.output.startswith("unknown entity 'nvida' — did you mean ")
    assert "nvidia" in result.output and "Traceback" not in result.output


def test_sources_lists_the_registry_with_fact_counts(seeds):
    result = run("sources")
    assert result.exit_code == 0
    for source in seeds.sources.values():
        count = sum(1 for f in seeds.facts.values() if source.id in f.sources)
        assert f"{source.id}  {source.values['date']}" in result.output
        assert f"  {count} facts\n" in result.output


def test_conflicts_reports_both_private_sector_sources_and_the_sums():
    result = run("conflicts")
    assert result.exit_code == 0
    assert "  ⚠ GPU allocation NVIDIA → Korean private sector" in result.output
    assert "200,000 GPUs [195,000, 205,000) — Newsis, 2025-11-01 [newsis-20251101]" in result.output
    assert "210,000 GPUs [205,000, 215,000) — News1, 2025-10-31 [news1-20251031]" in result.output
    assert "the shares cannot reach at least 260,000 GPUs [260,000, ∞)" in result.output
    assert "the source contradicts its own total" in result.output


def test_conflicts_strict_fails_and_json_is_parseable():
    assert run("conflicts", "--strict").exit_code == 3
    data = json.loads(run("conflicts", "-f", "json").output)
    assert set(data) == {"findings", "sums"} and len(data["findings"]) == 6 and len(data["sums"]) == 5
    assert [f["verdict"] for f in data["findings"]].count("contradiction") == 1


def test_conflicts_strict_passes_on_agreeing_sources(minimal_copy):
    # the minimal fixture disagrees on Acme's share (600 vs 650): drop the second figure
    facts = minimal_copy / "facts" / "src-b.yaml"
    text = facts.read_text(encoding="utf-8")
    start = text.index("  - id: share-acme-b")
    end = text.index("  - cite: mou-test")
    facts.write_text(text[:start] + text[end:], encoding="utf-8")
    result = run("conflicts", "--strict", "--seeds", str(minimal_copy))
    assert result.exit_code == 0, result.output
    assert result.output.startswith("Contradictions (the claims cannot all be true)\n  none\n")


def test_new_source_then_build(tmp_path):
    seeds = tmp_path / "seeds"
    shutil.copytree(MINIMAL, seeds)
    result = run("new-source", "src-c", "--date", "2025-11-05", "--label-en", "Third", "--label-ko", "세번째",
                 "--publisher", "daily-a", "--seeds", str(seeds))
    assert result.exit_code == 0, result.output
    assert (seeds / "facts" / "src-c.yaml").is_file()
    built = run("build", "--seeds", str(seeds), "-o", str(tmp_path / "g.nq"))
    assert built.exit_code == 0, built.output
    assert built.output.startswith("Loaded 3 sources")
    again = run("new-source", "src-c", "--date", "2025-11-05", "--label-en", "x", "--label-ko", "엑스",
                "--seeds", str(seeds))
    assert again.exit_code == 1 and "already exists — choose another id" in again.output


def test_load_and_push_through_the_cli(tmp_path):
    nq = tmp_path / "g.nq"
    assert run("build", "--seeds", str(MINIMAL), "-o", str(nq)).exit_code == 0
    store = f"oxigraph:{tmp_path / 'store'}"
    loaded = run("load", str(nq), "--store", store)
    assert loaded.exit_code == 0, loaded.output
    quads = len(nq.read_text(encoding="utf-8").splitlines())
    assert loaded.output.strip() == f"Loaded {quads} quads from 1 file(s) into {store}"

    server = OxigraphServer(tmp_path / "server").start()
    try:
        for _ in range(2):  # a re-run replaces, never duplicates
            pushed = run("push", "--to", f"{server.base}/update", "--store", store, "--batch-size", "100")
            assert pushed.exit_code == 0, pushed.output
            assert f"Pushed {quads} quads in 4 named graphs" in pushed.output
        counted = run("query", "-e", "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }",
                      "--store", f"sparql:{server.base}/query", "-f", "csv")
        assert counted.stdout.splitlines()[1] == str(quads)
    finally:
        server.stop()


def test_push_to_nothing_listening_is_a_clear_error(tmp_path):
    from oxigraph_server import free_port

    result = run("push", "--to", f"http://127.0.0.1:{free_port()}/update", "--seeds", str(MINIMAL))
    assert result.exit_code == 1
    assert "cannot reach the endpoint" in result.output and "run kg push again" in result.output
    assert "Traceback" not in result.output
