"""The who-partners-with-whom network (kg/network.py) as files for other tools (`kg network -o FILE`):

- **GEXF** (Gephi) and **GraphML** (Cytoscape, yEd, Gephi), written by networkx's own writers;
- **CSV**: two files, FILE-nodes.csv and FILE-edges.csv, for a spreadsheet or any tool that imports node and
  edge lists;
- **Kumu**: FILE-elements.csv (Label, Type, …) and FILE-connections.csv (From, To, Type, …), Kumu's import
  columns; elements are named by their label in the chosen --lang, which Kumu uses to join connections.

Nodes carry their id, kind (the ontology class, such as Company), group (organisation, sector, country, …),
English and Korean labels, aliases, and partners and relations counted as kg stats counts them; edges (one per
pair of parties per fact, as in the network) carry kind (and its en/ko labels), fact id, direction, role,
date, status, figures (GPU count, qualifier, amount, currency) and sources ("news1-20251031 (para 4, 31); …").
Lists are flattened to text joined by "; ", absent values are left out (GEXF, GraphML) or empty (CSV).
CSV is UTF-8 with a byte order mark by default, so Excel on Windows opens Hangul intact (--no-bom for tools
that do not want one). Every file is written atomically (kg.serialize.write_atomic).
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

import networkx as nx

from kg import network
from kg.errors import KgError
from kg.netformats import FORMATS, SUFFIXES, format_for  # noqa: F401 - callers find them here too
from kg.serialize import write_atomic
from kg.text import tr

NODE_COLUMNS = ("id", "label_en", "label_ko", "kind", "group", "aliases", "partners", "relations")
EDGE_COLUMNS = ("id", "source", "target", "kind", "kind_en", "kind_ko", "fact", "directed", "from", "to", "role",
                "date", "status", "gpus", "qualifier", "amount", "currency", "amount_text", "sources", "topics",
                "products", "conflicts")


def _sources(refs: list[dict[str, Any]]) -> str:
    return "; ".join(f"{r['id']} (para {', '.join(str(p) for p in r.get('paras') or [])})" if r.get("paras")
                     else r["id"] for r in refs)


def node_rows(G: nx.MultiGraph) -> list[dict[str, Any]]:
    rows = []
    for node, d in sorted(G.nodes(data=True)):
        partners, relations = network.partner_counts(G, node)
        rows.append({"id": node, "label_en": d["label_en"], "label_ko": d["label_ko"], "kind": d["type"],
                     "group": d["group"], "aliases": "; ".join(d.get("aliases") or []), "partners": partners,
                     "relations": relations})
    return rows


def edge_rows(G: nx.MultiGraph) -> list[dict[str, Any]]:
    rows = []
    for u, v, key, d in sorted(G.edges(keys=True, data=True), key=lambda e: e[2]):
        kind = network.KINDS[d["kind"]]
        row: dict[str, Any] = {
            "id": key, "source": d.get("from", u), "target": d.get("to", v), "kind": d["kind"],
            "kind_en": kind.label_en, "kind_ko": kind.label_ko, "fact": d["fact"], "directed": bool(d["directed"]),
            "from": d.get("from", u), "to": d.get("to", v), "role": d.get("role"), "date": d.get("date"),
            "status": d.get("status"), "gpus": d.get("gpus"), "qualifier": d.get("qualifier"),
            "amount": float(d["amount"]) if d.get("amount") is not None else None, "currency": d.get("currency"),
            "amount_text": d.get("amount_text"), "sources": _sources(d.get("sources") or []),
            "topics": "; ".join(d.get("topics") or []), "products": "; ".join(d.get("products") or []),
            "conflicts": "; ".join(c.get("verdict", "") for c in d.get("conflicts") or []),
        }
        rows.append(row)
    return rows


def to_networkx(G: nx.MultiGraph) -> nx.MultiDiGraph | nx.MultiGraph:
    """A plain copy of the network that GEXF and GraphML writers take: scalar attributes only, None left out,
    one edge per network edge with its id as key."""
    H = nx.MultiGraph(name="kg partnership network")
    for row in node_rows(G):
        H.add_node(row["id"], **{k: v for k, v in row.items() if k != "id" and v not in (None, "")},
                   label=row["label_en"])
    for row in edge_rows(G):
        attrs = {k: v for k, v in row.items() if k not in ("id", "source", "target") and v not in (None, "")}
        H.add_edge(row["source"], row["target"], key=row["id"], **attrs)
    return H


def _csv(columns: tuple[str, ...] | list[str], rows: list[dict[str, Any]], bom: bool) -> bytes:
    out = io.StringIO(newline="")
    writer = csv.DictWriter(out, fieldnames=list(columns), lineterminator="\r\n", extrasaction="ignore")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: ("" if v is None else str(v).lower() if isinstance(v, bool) else v)
                         for k, v in row.items()})
    return ("\ufeff" if bom else "").encode("utf-8") + out.getvalue().encode("utf-8")


def _sibling(path: Path, part: str) -> Path:
    stem = path.stem if path.suffix.lower() == ".csv" else path.name
    return path.with_name(f"{stem}-{part}.csv")


def _kumu(G: nx.MultiGraph, lang: str, bom: bool) -> tuple[bytes, bytes]:
    nodes = node_rows(G)
    label = {r["id"]: r[f"label_{lang}"] for r in nodes}
    elements = [{"Label": r[f"label_{lang}"], "Type": r["kind"], "ID": r["id"],
                 "Label (en)": r["label_en"], "Label (ko)": r["label_ko"], "Group": r["group"],
                 "Partners": r["partners"], "Relations": r["relations"]} for r in nodes]
    connections = [{"From": label[e["source"]], "To": label[e["target"]], "Type": e[f"kind_{lang}"],
                    "Direction": "directed" if e["directed"] else "mutual", "Fact": e["fact"], "Date": e["date"],
                    "Status": e["status"], "GPUs": e["gpus"], "Qualifier": e["qualifier"], "Amount": e["amount"],
                    "Currency": e["currency"], "Sources": e["sources"]} for e in edge_rows(G)]
    return (_csv(list(elements[0]) if elements else ["Label", "Type"], elements, bom),
            _csv(["From", "To", "Type", "Direction", "Fact", "Date", "Status", "GPUs", "Qualifier", "Amount",
                  "Currency", "Sources"], connections, bom))


def write(G: nx.MultiGraph, output: str | Path, fmt: str | None = None, *, bom: bool = True,
          lang: str = "en") -> list[tuple[Path, int]]:
    """Write the network as fmt (gexf, graphml, csv, kumu; default from the file name); returns the files
    written with their sizes."""
    output = Path(output)
    fmt = fmt or format_for(output)
    if fmt is None:
        raise KgError(tr("network format unknown", lang, output=repr(str(output))))
    if fmt not in FORMATS:
        raise KgError(tr("network format bad", lang, fmt=repr(fmt), formats=", ".join(FORMATS)))
    if fmt in ("gexf", "graphml"):
        out = io.BytesIO()
        H = to_networkx(G)
        if fmt == "gexf":
            nx.write_gexf(H, out, encoding="utf-8", prettyprint=True)
        else:
            nx.write_graphml(H, out, encoding="utf-8", prettyprint=True, named_key_ids=True)
        files = [(output, out.getvalue())]
    elif fmt == "csv":
        files = [(_sibling(output, "nodes"), _csv(NODE_COLUMNS, node_rows(G), bom)),
                 (_sibling(output, "edges"), _csv(EDGE_COLUMNS, edge_rows(G), bom))]
    else:
        elements, connections = _kumu(G, lang, bom)
        files = [(_sibling(output, "elements"), elements), (_sibling(output, "connections"), connections)]
    return [(write_atomic(path, data), len(data)) for path, data in files]


def written_text(written: list[tuple[Path, int]], fmt: str, G: nx.MultiGraph, lang: str = "en") -> str:
    """'Wrote FILE (N bytes) (gexf, 29 nodes, 82 links)', as `kg network` and `kg export` say it."""
    files = ", ".join(tr("network file", lang, path=str(path), size=size) for path, size in written)
    return tr("network wrote", lang, files=files, fmt=fmt, nodes=G.number_of_nodes(), links=G.number_of_edges())
