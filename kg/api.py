"""The public entry points, one per CLI command, so everything the CLI does can be done from Python.

    >>> import kg
    >>> ds = kg.build_graph("seeds")            # check the seeds and build the dataset
    >>> kg.validate(ds).conforms
    True
    >>> kg.export(ds, "turtle", "out/partnerships.ttl")
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from rdflib import Dataset, Graph

from kg.graph import build_dataset, union_graph
from kg.errors import KgError, ValidationError
from kg.serialize import PARSER_FORMATS, export, format_for
from kg.seeds import Seeds, load_seeds
from kg.shapes import Report, validate_graph

DEFAULT_GRAPH_FILE = Path("out") / "graph.nq"


@dataclass
class BuildResult:
    """What `kg build` did: the counts loaded, the dataset, the validation report and the file written."""

    seeds: Seeds
    dataset: Dataset
    report: Report | None
    output: Path | None

    def summary(self) -> dict:
        counts = self.seeds.summary()
        counts["triples"] = len(union_graph(self.dataset))
        counts["graphs"] = sum(1 for g in self.dataset.graphs() if len(g))
        return counts


def build_graph(seed_dir: str | Path = "seeds") -> Dataset:
    """Check the seed files and build the dataset (raises SeedError listing every problem)."""
    return build_dataset(load_seeds(seed_dir))


def origins(seeds: Seeds) -> dict[str, str]:
    """Where each id is defined, as 'file:line', so validation reports point into the seed files."""
    out = {}
    for records in (seeds.sources, seeds.entities, seeds.facts):
        for ident, record in records.items():
            out[ident] = f"{record.file}:{record.line}"
    return out


def build(seed_dir: str | Path = "seeds", output: str | Path | None = DEFAULT_GRAPH_FILE,
          check_shapes: bool = True) -> BuildResult:
    """`kg build`: check the seeds, build the dataset, validate it, and write it as N-Quads.

    Nothing is written unless every step succeeds; the file is replaced atomically."""
    seeds = load_seeds(seed_dir)
    ds = build_dataset(seeds)
    report = None
    if check_shapes:
        report = validate_graph(union_graph(ds), origins(seeds))
        if not report.conforms:
            raise ValidationError(report.text())
    written = None
    if output is not None:
        export(ds, "nquads", output)
        written = Path(output)
    return BuildResult(seeds, ds, report, written)


def validate(graph: Dataset | Graph, seeds: Seeds | None = None) -> Report:
    """`kg validate`: check a dataset or graph against the SHACL shapes."""
    data = union_graph(graph) if isinstance(graph, Dataset) else graph
    return validate_graph(data, origins(seeds) if seeds else None)


def read_graph(path: str | Path) -> Dataset:
    """Read an RDF file the user gives (Turtle, TriG, N-Triples, N-Quads, JSON-LD, RDF/XML) into a dataset,
    with Oxigraph's parsers: nothing is fetched, no DTD is expanded (see kg.rdfio)."""
    from kg.rdfio import read_dataset

    return read_dataset(path)


__all__ = ["BuildResult", "build", "build_graph", "validate", "export", "read_graph", "load_seeds",
           "DEFAULT_GRAPH_FILE"]
