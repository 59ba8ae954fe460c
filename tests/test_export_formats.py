"""kg export's formats (kg/exportformat.py): the network files for Gephi and networkx, read back and counted as
`kg stats` counts; a suffix that names no format is an error, not Turtle; a folder created on the way is said."""

from __future__ import annotations

import csv
import re
from collections import Counter

import networkx as nx
import pytest
from click.testing import CliRunner

from kg.cli import main


def run(*args: str):
    return CliRunner().invoke(main, list(args))


@pytest.fixture(scope="module")
def stats() -> dict[str, object]:
    """What `kg stats` prints: the node and link counts, nodes by type and links by kind."""
    out = run("stats").stdout.splitlines()
    nodes, links = map(int, re.fullmatch(r"Network: (\d+) nodes, (\d+) links from \d+ facts", out[0]).groups())

    def counts(prefix: str) -> Counter:
        line = next(line for line in out if line.startswith(prefix))
        return Counter({k: int(v) for k, v in (item.rsplit(" ", 1) for item in line[len(prefix):].split(", "))})

    return {"nodes": nodes, "links": links, "types": counts("  nodes by type:  "),
            "kinds": counts("  links by kind:  ")}


@pytest.mark.parametrize("suffix,reader", [("gexf", nx.read_gexf), ("graphml", nx.read_graphml)])
def test_network_files_load_in_networkx_as_kg_stats_counts(tmp_path, stats, suffix, reader):
    out = tmp_path / f"partners.{suffix}"
    result = run("export", "-o", str(out))
    assert result.exit_code == 0, result.output
    assert result.stderr == (f"Wrote {out} ({out.stat().st_size:,} bytes) ({suffix}, {stats['nodes']} nodes, "
                             f"{stats['links']} links)\n")
    H = reader(out)
    assert (H.number_of_nodes(), H.number_of_edges()) == (stats["nodes"], stats["links"])
    assert Counter(kind for _, kind in H.nodes(data="kind")) == stats["types"]
    assert Counter(kind for _, _, kind in H.edges(data="kind")) == stats["kinds"]
    assert all(d["label_en"] and d["label_ko"] for _, d in H.nodes(data=True))
    assert all(d["fact"] and d["sources"] for _, _, d in H.edges(data=True))
    again = tmp_path / f"again.{suffix}"
    assert run("network", "-o", str(again)).exit_code == 0
    assert out.read_bytes() == again.read_bytes()  # kg export's network file is kg network's


def test_csv_suffix_writes_the_network_csv_with_a_bom(tmp_path, stats):
    out = tmp_path / "x.csv"
    result = run("export", "-o", str(out))
    assert result.exit_code == 0, result.output
    assert not out.exists()  # no Turtle named .csv
    nodes, edges = tmp_path / "x-nodes.csv", tmp_path / "x-edges.csv"
    assert nodes.read_bytes()[:3] == edges.read_bytes()[:3] == b"\xef\xbb\xbf"
    with edges.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == stats["links"] and Counter(r["kind"] for r in rows) == stats["kinds"]


def test_a_suffix_that_names_no_format_is_an_error(tmp_path):
    out = tmp_path / "x.txt"
    result = run("export", "-o", str(out))
    assert result.exit_code == 1
    assert result.stderr == (f"cannot tell the format from '{out}' — end the file name with one of .ttl, .trig, .nt, "
                             ".nq, .jsonld, .gexf, .graphml, .csv, or give --format "
                             "turtle|trig|nt|nquads|jsonld|gexf|graphml|csv|kumu\n")
    ko = run("export", "-o", str(out), "--lang", "ko")
    assert ko.exit_code == 1
    assert ko.stderr == (f"'{out}'의 이름으로는 형식을 알 수 없습니다 — 파일 이름을 .ttl, .trig, .nt, .nq, .jsonld, "
                         ".gexf, .graphml, .csv 중 하나로 끝내거나 --format "
                         "turtle|trig|nt|nquads|jsonld|gexf|graphml|csv|kumu를 주세요\n")
    assert not list(tmp_path.iterdir())
    assert run("export", "-o", str(out), "-f", "turtle").exit_code == 0  # an explicit --format still wins


def test_network_formats_need_a_file():
    result = run("export", "-f", "graphml")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == ("the graphml format is written to files only — give -o FILE (such as "
                             "-o out/partners.graphml)\n")


def test_a_created_folder_is_said(tmp_path):
    out = tmp_path / "missing" / "dir" / "x.ttl"
    result = run("export", "-o", str(out))
    assert result.exit_code == 0, result.output
    assert result.stderr == (f"Wrote {out} (turtle, {out.stat().st_size} bytes; created the folder {out.parent}, "
                             "which did not exist)\n")
    again = run("export", "-o", str(out), "--lang", "ko")
    assert again.stderr == f"{out} 파일을 썼습니다 (turtle, {out.stat().st_size}바이트)\n"
    other = tmp_path / "other" / "x.ttl"
    korean = run("export", "-o", str(other), "--lang", "ko")
    assert korean.stderr == (f"{other} 파일을 썼습니다 (turtle, {other.stat().st_size}바이트; 없던 폴더 "
                             f"{other.parent}를 만들었습니다)\n")


def test_the_format_choices_are_the_two_tables():
    from kg import exportformat, netexport, serialize

    options = {p.name: p for p in main.commands["export"].params}
    assert list(options["fmt"].type.choices) == exportformat.choices() == [*serialize.FORMATS, *netexport.FORMATS]
    network = {p.name: p for p in main.commands["network"].params}
    assert list(network["fmt"].type.choices) == list(netexport.FORMATS)


def test_network_excel_is_the_bom_option(tmp_path):
    """--excel means the same on kg network as on kg query: a UTF-8 BOM, which Python's csv module reads back
    with utf-8-sig."""
    assert run("network", "-o", str(tmp_path / "plain.csv"), "--no-bom").exit_code == 0
    assert run("network", "-o", str(tmp_path / "excel.csv"), "--no-bom", "--excel").exit_code == 0
    plain, excel = (tmp_path / "plain-nodes.csv").read_bytes(), (tmp_path / "excel-nodes.csv").read_bytes()
    assert not plain.startswith(b"\xef\xbb\xbf") and excel == b"\xef\xbb\xbf" + plain
    with (tmp_path / "excel-nodes.csv").open(encoding="utf-8-sig", newline="") as fh:
        assert next(csv.reader(fh))[:2] == ["id", "label_en"]
