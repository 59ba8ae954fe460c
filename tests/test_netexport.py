"""kg network: the partnership network as GEXF, GraphML, CSV (with a BOM for Excel) and Kumu CSV, read back."""

from __future__ import annotations

import csv

import networkx as nx
import pytest
from click.testing import CliRunner

from kg import api, network
from kg.cli import main


@pytest.fixture(scope="module")
def G():
    return api.partnership_network("seeds")


def run(*args: str):
    return CliRunner().invoke(main, list(args))


@pytest.mark.parametrize("fmt,reader", [("gexf", nx.read_gexf), ("graphml", nx.read_graphml)])
def test_gexf_and_graphml_read_back(G, tmp_path, fmt, reader):
    out = tmp_path / f"partners.{fmt}"
    result = run("network", "-o", str(out))
    assert result.exit_code == 0, result.output
    size = out.stat().st_size
    assert result.stdout == f"Wrote {out} ({size:,} bytes) ({fmt}, 29 nodes, 82 links)\n"
    H = reader(out)
    assert H.is_multigraph()
    assert sorted(H.nodes) == sorted(G.nodes)
    assert H.number_of_edges() == G.number_of_edges() == 82
    stats = api.stats(G, 3)
    assert sorted(H.nodes(data="kind")) == sorted((n, t) for n, t in G.nodes(data="type"))
    assert H.nodes["nvidia"]["label_en"] == "NVIDIA" and H.nodes["nvidia"]["label_ko"] == "엔비디아"
    assert (H.nodes["nvidia"]["partners"], H.nodes["nvidia"]["relations"]) == network.partner_counts(G, "nvidia")
    assert stats.top_degree[0][:2] == ("nvidia", int(H.nodes["nvidia"]["partners"]))
    kinds = sorted(d["kind"] for _, _, d in H.edges(data=True))
    assert kinds == sorted(d["kind"] for _, _, d in G.edges(data=True))
    alloc = [d for _, _, d in H.edges(data=True) if d["fact"] == "alloc-hyundai-50k-asiae"]
    assert len(alloc) == 1
    assert (alloc[0]["gpus"], alloc[0]["qualifier"], alloc[0]["from"], alloc[0]["to"], alloc[0]["sources"]) == (
        50000, "stated", "nvidia", "hyundai-motor-group", "asiae-20251103 (para 10); unknown-20251031 (para 26)")


def test_csv_nodes_and_edges_with_bom(G, tmp_path):
    out = tmp_path / "partners.csv"
    result = run("network", "-o", str(out))
    assert result.exit_code == 0, result.output
    nodes, edges = tmp_path / "partners-nodes.csv", tmp_path / "partners-edges.csv"
    assert result.stdout == (f"Wrote {nodes} ({nodes.stat().st_size:,} bytes), {edges} ({edges.stat().st_size:,} "
                             "bytes) (csv, 29 nodes, 82 links)\n")
    assert not out.exists()
    assert nodes.read_bytes().startswith(b"\xef\xbb\xbfid,label_en,label_ko,kind,group,aliases,partners,relations\r\n")
    with nodes.open(encoding="utf-8-sig", newline="") as fh:
        rows = {r["id"]: r for r in csv.DictReader(fh)}
    assert set(rows) == set(G.nodes)
    assert rows["nvidia"]["label_ko"] == "엔비디아" and rows["nvidia"]["kind"] == "Company"
    assert (int(rows["nvidia"]["partners"]), int(rows["nvidia"]["relations"])) == network.partner_counts(G, "nvidia")
    with edges.open(encoding="utf-8-sig", newline="") as fh:
        erows = list(csv.DictReader(fh))
    assert len(erows) == 82
    hyundai = [r for r in erows if r["fact"] == "alloc-hyundai-50k-asiae"][0]
    assert (hyundai["source"], hyundai["target"], hyundai["kind"], hyundai["kind_ko"], hyundai["gpus"],
            hyundai["directed"]) == ("nvidia", "hyundai-motor-group", "gpu-allocation", "GPU 공급 배정", "50000",
                                     "true")


def test_csv_without_bom(tmp_path):
    result = run("network", "-o", str(tmp_path / "p.csv"), "--no-bom")
    assert result.exit_code == 0
    assert (tmp_path / "p-nodes.csv").read_bytes().startswith(b"id,label_en,")


def test_kumu_columns_in_korean(tmp_path):
    result = run("network", "-o", str(tmp_path / "kumu.csv"), "-f", "kumu", "--lang", "ko")
    assert result.exit_code == 0, result.output
    elements, connections = tmp_path / "kumu-elements.csv", tmp_path / "kumu-connections.csv"
    assert result.stdout == (f"{elements} ({elements.stat().st_size:,}바이트), {connections} "
                             f"({connections.stat().st_size:,}바이트) 파일을 썼습니다 (kumu, 노드 29개, 링크 82개)\n")
    with elements.open(encoding="utf-8-sig", newline="") as fh:
        els = list(csv.DictReader(fh))
    assert list(els[0])[:2] == ["Label", "Type"]
    labels = {e["Label"] for e in els}
    assert "엔비디아" in labels and len(labels) == 29
    with connections.open(encoding="utf-8-sig", newline="") as fh:
        cons = list(csv.DictReader(fh))
    assert list(cons[0])[:3] == ["From", "To", "Type"]
    assert len(cons) == 82 and all(c["From"] in labels and c["To"] in labels for c in cons)
    assert {"From": "엔비디아", "To": "현대자동차그룹", "Type": "GPU 공급 배정"}.items() <= cons[0].items()


def test_unknown_suffix_is_an_error(tmp_path):
    result = run("network", "-o", str(tmp_path / "x.txt"))
    assert result.exit_code == 1
    assert result.stderr == (f"cannot tell the format from '{tmp_path / 'x.txt'}' — name the file .gexf, .graphml or "
                             ".csv, or give --format gexf|graphml|csv|kumu\n")
    ko = run("network", "-o", str(tmp_path / "x.txt"), "--lang", "ko")
    assert ko.stderr == (f"'{tmp_path / 'x.txt'}'의 이름으로는 형식을 알 수 없습니다 — "
                         "파일 이름을 .gexf, .graphml, .csv로 끝내거나 --format gexf|graphml|csv|kumu를 주세요\n")
    assert not list(tmp_path.iterdir())


def test_filters_apply(tmp_path):
    out = tmp_path / "mou.graphml"
    assert run("network", "-o", str(out), "--kind", "mou").exit_code == 0
    H = nx.read_graphml(out)
    assert {d["kind"] for _, _, d in H.edges(data=True)} == {"mou"}
