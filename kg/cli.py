"""The `kg` command: click commands only. Each parses options, calls one public function, prints its result.

User errors (kg.errors.KgError) become one line each on stderr and a non-zero exit; only bugs show a traceback.
"""

from __future__ import annotations

import functools
import sys
from pathlib import Path
from typing import Any

import click

from kg import __version__
from kg.rdfformats import EXPORTED
from kg.sandbox import DEFAULT_MAX_MEMORY, parse_size


class Seconds(click.ParamType):
    """A time limit in seconds: a finite number from 0 up to a year (nan, inf and 1e308 are refused)."""

    name = "seconds"

    def __init__(self, minimum: float = 0.0):
        self.minimum = minimum

    def convert(self, value, param, ctx):
        try:
            seconds = float(value)
        except (TypeError, ValueError):
            self.fail(f"{value!r} is not a number of seconds — write one such as 30 or 0.5", param, ctx)
        if not self.minimum <= seconds <= 366 * 86400:  # also false for nan
            self.fail(f"{value!r} is not a time limit kg can keep — give seconds from {self.minimum:g} to "
                      f"{366 * 86400} (a year)", param, ctx)
        return seconds


class Size(click.ParamType):
    """A size in bytes, written as a number with an optional K, M or G (powers of 1024); 0 means no limit."""

    name = "size"

    def convert(self, value, param, ctx):
        if isinstance(value, int):
            return value
        size = parse_size(str(value))
        if size is None:
            self.fail(f"{value!r} is not a size — write one such as 512M or 4G (0: no limit)", param, ctx)
        return size


SECONDS = Seconds()
BYTES = Size()

SEEDS_OPTION = click.option(
    "--seeds", "seed_dir", default="seeds", show_default=True, envvar="KG_SEEDS",
    type=click.Path(file_okay=False, path_type=Path), help="Folder of seed files (env KG_SEEDS).",
)


STORE_HELP = ("Where the graph is: memory (built from the seeds, default), rdflib, oxigraph:PATH or "
              "sparql:URL (env KG_STORE).")


def graph_options(func):
    """Where a reading command gets the graph: the seeds, an RDF file, or a store."""
    options = [
        SEEDS_OPTION,
        click.option("--graph", "graph_file", type=click.Path(dir_okay=False, path_type=Path),
                     help="Read this RDF file (such as out/graph.nq from `kg build`) instead of the seeds."),
        click.option("--store", metavar="STORE", help=STORE_HELP),
    ]
    for option in reversed(options):
        func = option(func)
    return func


def open_graph(seed_dir: Path, graph_file: Path | None, store: str | None, check: bool = True):
    from kg import api

    return api.open_graph(seed_dir, graph_file, store, check)


def user_errors(func):
    """Print KgError as messages on stderr and exit with its code, instead of a traceback."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        from kg.errors import KgError

        try:
            return func(*args, **kwargs)
        except KgError as exc:
            for line in exc.lines_in(error_language(kwargs.get("lang"))):
                click.echo(line, err=True)
            sys.exit(exc.exit_code)

    return wrapper


def error_language(command_lang: str | None) -> str:
    """The language of a command's messages and errors: its --lang, or for a command without one (kg load,
    push, serve) the global `kg --lang` ($KG_LANG), English if neither is given."""
    if command_lang:
        return command_lang
    ctx = click.get_current_context(silent=True)
    return (ctx.find_root().params.get("lang") if ctx else None) or "en"


class Kg(click.Group):
    """The kg command group: click's usage errors (an unknown option, a value not among the choices) exit with 1,
    as kg's own bad values do, so each exit status has one meaning (kg.errors.EXIT_CODES)."""

    def make_context(self, *args, **kwargs):
        try:
            return super().make_context(*args, **kwargs)
        except click.UsageError as exc:
            exc.exit_code = 1
            raise

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except click.UsageError as exc:
            exc.exit_code = 1
            raise


@click.group(cls=Kg, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="kg")  # kg.__version__, whichever copy of kg this is
@click.option("--lang", type=click.Choice(["en", "ko"]), envvar="KG_LANG",
              help="Language of every command: its messages and errors, and the default of its own --lang "
                   "(env KG_LANG; English if not given).")
@click.pass_context
def main(ctx: click.Context, lang: str | None) -> None:
    """Partnership knowledge graph: sourced facts about AI-industry partnerships as RDF."""
    if lang:  # the default of each command's --lang; a command's own --lang still wins
        ctx.default_map = {name: {"lang": lang} for name in main.commands}


def warn(lines: list[str], lang: str = "en") -> None:
    """What was not checked (kg.seeds' warnings) on stderr: the first line of each marked as a warning."""
    from kg.errors import in_language
    from kg.text import tr

    for line in (in_language(line, lang) for line in lines):
        click.echo(line if line.startswith(" ") else tr("warning", lang, line=line), err=True)


LANG_OPTION = click.option("--lang", type=click.Choice(["en", "ko"]), default="en", show_default=True,
                           help="Language of the messages and the summary.")


@main.command()
@SEEDS_OPTION
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default="out/graph.nq",
              show_default=True, help="Where to write the built dataset (N-Quads).")
@click.option("--store", metavar="STORE", help="Also load the graph into this store: oxigraph:PATH or "
              "sparql:URL (env KG_STORE); later commands read it from there with the same --store.")
@click.option("--no-validate", is_flag=True, help="Skip the SHACL check.")
@LANG_OPTION
@user_errors
def build(seed_dir: Path, output: Path, store: str | None, no_validate: bool, lang: str) -> None:
    """Check the seed files, build the graph, validate it and write it."""
    from kg import api
    from kg.text import tr

    result = api.build(seed_dir, output, check_shapes=not no_validate, store=store)
    warn(result.seeds.warnings, lang)
    click.echo(format_summary(result.summary(), lang))
    if result.report is not None:
        click.echo(tr("build conforms", lang, n=result.report.focus_nodes))
    click.echo(tr("build wrote", lang, path=str(result.output)))
    if result.stored:
        click.echo(tr("build stored", lang, quads=result.stored[1], store=result.stored[0]))


def format_summary(summary: dict, lang: str = "en") -> str:
    """kg build's counts; in Korean, entity types and fact kinds by their ontology labels (as kg stats names them)."""
    from kg.fieldkinds import label
    from kg.text import tr

    def name(k: str) -> str:
        return label(k, lang) if lang == "ko" else k

    lines = [
        tr("build loaded", lang, **{k: summary[k] for k in ("sources", "entities", "facts", "citations", "triples",
                                                            "graphs")}),
        tr("build entities", lang) + ", ".join(f"{name(k)} {v}" for k, v in summary["entities_by_type"].items()),
        tr("build facts", lang) + ", ".join(f"{name(k)} {v}" for k, v in summary["facts_by_kind"].items()),
    ]
    return "\n".join(lines)


@main.command()
@graph_options
@LANG_OPTION
@user_errors
def validate(seed_dir: Path, graph_file: Path | None, store: str | None, lang: str) -> None:
    """Check the graph against the SHACL shapes and print a readable report."""
    from kg import api
    from kg.errors import ValidationError
    from kg.seeds import load_seeds

    if graph_file is not None or store is not None:
        from kg.shapes import check_size

        graph = open_graph(seed_dir, graph_file, store)
        check_size(graph, str(graph_file or store))  # refused before the graph is copied into rdflib
        report = api.validate(graph)
    else:
        seeds = load_seeds(seed_dir)
        warn(seeds.warnings, lang)
        report = api.validate(api.build_dataset(seeds), seeds)
    if not report.conforms:
        raise ValidationError(report.text(lang))
    click.echo(report.text(lang))


@main.command()
@graph_options
@click.option("-f", "--format", "fmt", type=click.Choice([*EXPORTED, "gexf", "graphml", "csv", "kumu"]),
              default=None,
              help="Output format [default: from the file name, else turtle]: RDF (turtle, trig, nt, nquads, "
                   "jsonld) or the partnership network as `kg network` writes it (gexf, graphml, csv, kumu).")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="File to write (atomically); standard output when omitted.")
@click.option("--lang", type=click.Choice(["en", "ko"]), default="en", show_default=True,
              help="Language of messages (and of Kumu's labels).")
@user_errors
def export(seed_dir: Path, graph_file: Path | None, store: str | None, fmt: str | None, output: Path | None,
           lang: str) -> None:
    """Export the graph as Turtle, TriG, N-Triples, N-Quads or JSON-LD (deterministic), or its partnership
    network for Gephi, Cytoscape, Kumu or a spreadsheet (kg network has the network's options)."""
    from kg import api, exportformat

    family, fmt = exportformat.choose(output, fmt, lang)
    created = exportformat.created_note(exportformat.missing_folder(output), lang)
    if family == exportformat.NETWORK:
        from kg import netexport

        assert output is not None  # exportformat.choose refuses a network format without -o
        G = api.partnership_network(open_graph(seed_dir, graph_file, store))
        written = netexport.write(G, output, fmt, lang=lang)
        click.echo(netexport.written_text(written, fmt, G, lang) + created, err=True)
        return
    data = api.export(open_graph(seed_dir, graph_file, store), fmt, output)
    if output is None:
        sys.stdout.buffer.write(data)
    elif lang == "ko":
        click.echo(f"{output} 파일을 썼습니다 ({fmt}, {len(data)}바이트{created})", err=True)
    else:
        click.echo(f"Wrote {output} ({fmt}, {len(data)} bytes{created})", err=True)


@main.command("ontology-doc")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="File to write (atomically), such as docs/ontology.html; standard output when omitted.")
@user_errors
def ontology_doc(output: Path | None) -> None:
    """Write the ontology as one offline HTML page: every class, property and controlled value, English and
    Korean side by side."""
    from kg import ontodoc

    if output is None:
        sys.stdout.buffer.write(ontodoc.page())
    else:
        data = ontodoc.write(output)
        click.echo(f"Wrote {output} ({len(data)} bytes) / {output} 작성 완료 ({len(data)}바이트)", err=True)


# ------------------------------------------------------------------ the partnership network: view and analytics


def network_options(func):
    """Options the network commands share: where the graph comes from, which relations, which language."""
    options = [
        graph_options,
        click.option("--kind", "kinds", metavar="KIND,...",
                     help="Only these relation kinds: mou, joint-venture, joint-research, cooperation, supply, "
                          "membership, gpu-allocation, investment (and position, project, product with --include)."),
        click.option("--include", metavar="WHAT,...", default="",
                     help="Also show people, products, projects as nodes (comma-separated)."),
        click.option("--source", metavar="SOURCE_ID", help="Only the facts this source states."),
        click.option("--lang", type=click.Choice(["en", "ko"]), default="en", show_default=True,
                     help="Labels in English or Korean."),
    ]
    for option in reversed(options):
        func = option(func)
    return func


def _network(seed_dir: Path, graph_file: Path | None, store: str | None, kinds: str | None, include: str,
             source: str | None, **kw):
    from kg import api

    return api.partnership_network(open_graph(seed_dir, graph_file, store), kinds=kinds, include=include,
                                   source=source, **kw)


#: The options that keep relations by status and date: kg path and kg neighbors filter by them, kg view pre-sets
#: its page's filters with them (kg/linkfilter.py checks them).
STATUS_DATE_OPTIONS = {
    "status": click.option("--status", metavar="STATUS,...",
                           help="Only relations with one of these statuses, such as signed,agreed (relations without "
                                "a status are left out)."),
    "since": click.option("--since", metavar="DATE", help="Only relations dated DATE (YYYY, YYYY-MM or YYYY-MM-DD) "
                          "or later: the agreement's date, else the first report of it."),
    "until": click.option("--until", metavar="DATE", help="Only relations dated DATE or earlier."),
}


@main.command()
@network_options
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default="out/partners.html",
              show_default=True, help="The HTML file to write (atomically).")
@click.option("--focus", metavar="NAME", help="Show only this organisation's neighbourhood (id or label).")
@click.option("--depth", type=click.IntRange(0), default=1, show_default=True, help="Links from --focus to show.")
@click.option("--hubs", is_flag=True, help="A node per agreement with three or more parties, instead of a clique.")
@STATUS_DATE_OPTIONS["status"]
@STATUS_DATE_OPTIONS["since"]
@STATUS_DATE_OPTIONS["until"]
@user_errors
def view(seed_dir, graph_file, store, kinds, include, source, lang, output, focus, depth, hubs, status, since,
         until) -> None:
    """Write the who-partners-with-whom network as an interactive HTML page that works offline; --status,
    --since and --until set the page's status and date filters it opens with (the reader can change them)."""
    from kg import api, linkfilter
    from kg.text import tr

    flt = linkfilter.LinkFilter.parse(status=status, since=since, until=until, lang=lang)
    G = _network(seed_dir, graph_file, store, kinds, include, source, hubs=hubs, focus=focus, depth=depth, lang=lang)
    path = api.write_view(G, output, lang, flt)
    click.echo(tr("view wrote", lang, path=path, nodes=G.number_of_nodes(), links=G.number_of_edges(),
                  size=f"{path.stat().st_size:,}"))


@main.command()
@network_options
@click.option("--top", type=click.IntRange(1), default=10, show_default=True, help="How many to rank.")
@user_errors
def stats(seed_dir, graph_file, store, kinds, include, source, lang, top) -> None:
    """Counts, the most central organisations (degree, betweenness) and the clusters of the network."""
    from kg import api, network

    G = _network(seed_dir, graph_file, store, kinds, include, source, lang=lang)
    click.echo(network.format_stats(G, api.stats(G, top), lang))


def link_filter_options(func):
    """The options of kg path and kg neighbors that leave links out (kg/linkfilter.py)."""
    options = [
        click.option("--avoid", "--exclude", "avoid", multiple=True, metavar="NAME",
                     help="Leave this node out, such as a hub everyone deals with (--avoid nvidia). Repeat for more."),
        STATUS_DATE_OPTIONS["status"],
        click.option("--signed-only", is_flag=True, help="Only signed agreements: --status signed."),
        STATUS_DATE_OPTIONS["since"],
        STATUS_DATE_OPTIONS["until"],
    ]
    for option in reversed(options):
        func = option(func)
    return func


@main.command()
@network_options
@click.argument("a")
@click.argument("b")
@click.option("--limit", type=click.IntRange(1), default=10, show_default=True, help="At most this many chains.")
@link_filter_options
@user_errors
def path(seed_dir, graph_file, store, kinds, include, source, lang, a, b, limit, avoid, status, signed_only, since,
         until) -> None:
    """The shortest chains of partnerships between A and B, with the agreement and source behind each link.

    \b
      kg path "LG Electronics" KISTI
      kg path "LG Electronics" KISTI --avoid nvidia --status signed,agreed --since 2025-10"""
    from kg import api, linkfilter, netfilter

    flt = linkfilter.LinkFilter.parse(avoid, status, since, until, signed_only=signed_only, lang=lang)
    ds = open_graph(seed_dir, graph_file, store)
    G = api.partnership_network(ds, kinds=kinds, include=include, source=source, lang=lang)
    start, end = (netfilter.require(ds, G, n, kinds=kinds, include=include, source=source, lang=lang) for n in (a, b))
    click.echo(linkfilter.path_text(G, start, end, flt, limit, lang))


@main.command()
@network_options
@click.argument("name")
@link_filter_options
@user_errors
def neighbors(seed_dir, graph_file, store, kinds, include, source, lang, name, avoid, status, signed_only, since,
              until) -> None:
    """An organisation's direct partners, with the relations and sources behind each."""
    from kg import api, linkfilter, netfilter

    flt = linkfilter.LinkFilter.parse(avoid, status, since, until, signed_only=signed_only, lang=lang)
    ds = open_graph(seed_dir, graph_file, store)
    G = api.partnership_network(ds, kinds=kinds, include=include, source=source, lang=lang)
    node = netfilter.require(ds, G, name, kinds=kinds, include=include, source=source, lang=lang)
    click.echo(linkfilter.neighbors_text(G, node, flt, lang))


@main.command("network")
@network_options
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), required=True,
              help="The file to write (atomically): NAME.gexf, NAME.graphml, or NAME.csv for NAME-nodes.csv and "
                   "NAME-edges.csv (kumu: NAME-elements.csv and NAME-connections.csv).")
@click.option("-f", "--format", "fmt", type=click.Choice(["gexf", "graphml", "csv", "kumu"]), default=None,
              help="gexf (Gephi), graphml (Cytoscape, yEd), csv (nodes and edges), kumu (Kumu's Label/Type/From/To "
                   "columns) [default: from the file name].")
@click.option("--bom/--no-bom", "--excel", "bom", default=True, show_default=True,
              help="Start CSV files with a UTF-8 byte order mark, so Excel on Windows shows Hangul intact "
                   "(--excel: the same, as kg query says it).")
@click.option("--hubs", is_flag=True, help="A node per agreement with three or more parties, instead of a clique.")
@user_errors
def network_command(seed_dir, graph_file, store, kinds, include, source, lang, output, fmt, bom, hubs) -> None:
    """Write the who-partners-with-whom network for other tools: Gephi, Cytoscape, yEd, Kumu, a spreadsheet.

    \b
      kg network -o out/partners.gexf
      kg network -o out/partners.graphml --kind mou,gpu-allocation
      kg network -o out/partners.csv            # out/partners-nodes.csv, out/partners-edges.csv
      kg network -o out/kumu.csv -f kumu --lang ko

    Nodes carry id, kind, group, English and Korean labels, aliases, partners and relations; edges carry the
    relation kind, fact, direction, date, status, figures and sources."""
    from kg import netexport

    G = _network(seed_dir, graph_file, store, kinds, include, source, hubs=hubs)
    written = netexport.write(G, output, fmt, bom=bom, lang=lang)
    click.echo(netexport.written_text(written, fmt or netexport.format_for(output) or "", G, lang))


# ------------------------------------------------------------------ SPARQL queries (kg/query/, queries/*.rq)


@main.command("query")
@click.argument("name", required=False)
@click.option("--file", "query_file", type=click.Path(dir_okay=False, path_type=Path),
              help="Run the SPARQL query in this file.")
@click.option("-e", "--expression", "text", metavar="SPARQL",
              help="Run this SPARQL query; the prefixes kg: kgo: rdfs: prov: schema: org: skos: xsd: dcterms: "
                   "are predeclared.")
@click.option("-p", "--param", "params", multiple=True, metavar="NAME=VALUE",
              help="Bind ?NAME to VALUE: an entity id (naver-cloud, kg:naver-cloud, a full IRI), a number or "
                   "\"text\". Repeat for more.")
@click.option("--lang", type=click.Choice(["en", "ko"]), default="en", show_default=True,
              help="Labels in English or Korean (binds ?lang).")
@click.option("-f", "--format", "fmt", type=click.Choice(["table", "csv", "tsv", "json", "xml", "turtle"]),
              default="table", show_default=True,
              help="An aligned table, the W3C SPARQL result formats for scripts, or Turtle for CONSTRUCT/DESCRIBE.")
@click.option("--excel", is_flag=True,
              help="Start CSV or TSV with a UTF-8 byte order mark, so Excel on Windows shows Hangul intact.")
@click.option("--timeout", type=SECONDS, default=30.0, show_default=True, metavar="SECONDS",
              help="Stop the query after this many seconds (0: no limit).")
@click.option("--max-memory", type=BYTES, default=str(DEFAULT_MAX_MEMORY >> 20) + "M", show_default=True,
              metavar="SIZE", help="Memory the query may take, such as 512M or 4G (0: no limit).")
@click.option("--max-rows", type=click.IntRange(min=0), default=10_000, show_default=True, metavar="N",
              help="Keep at most N rows (or triples) of the answer, and say so on stderr (0: all).")
@click.option("--allow-remote", is_flag=True,
              help="Let a query use SERVICE, or FROM a graph the dataset does not have (the engine then sends "
                   "requests to those URLs). Updates are refused regardless.")
@graph_options
@user_errors
def query_command(name, query_file, text, params, lang, fmt, excel, timeout, max_memory, max_rows, allow_remote,
                  seed_dir, graph_file, store) -> None:
    """Run a named query (see `kg queries`), a query file or a SPARQL text, and print the answer.

    \b
      kg query gpu-allocations --lang ko
      kg query agreements -p org=naver-cloud -f csv
      kg query -e 'SELECT ?party WHERE { kg:mou-ai-ran kgo:party ?party }'

    Parameter values, and ?lang, are bound as RDF terms in a VALUES row inside the WHERE clause: a named
    query's own row of defaults gets them, any other query gets one put first. The patterns and FILTERs
    of the WHERE clause see them; a FILTER inside a nested group does not (see queries/README.md).

    A query runs at most --timeout seconds and keeps --max-rows rows; it may not reach other servers
    (SERVICE, FROM <elsewhere>) without --allow-remote, and SPARQL Update is always refused."""
    from kg.errors import QueryError
    from kg.query.syntax import parse_params

    if sum(x is not None for x in (name, query_file, text)) != 1:
        raise QueryError.of("query which")
    if excel and fmt not in ("csv", "tsv"):
        from kg.errors import KgError
        from kg.text import tr

        raise KgError(tr("query excel", lang))
    # Any: parse_params refuses the names of kg query's options (OPTION_NAMES), so no parameter lands on a typed
    # option such as timeout; the values are text, bound to the query's variables
    values: dict[str, Any] = parse_params(params)
    if name is not None:
        from kg import quick

        # the cached build through pyoxigraph alone, where that gives the same bytes (else None)
        quick_answer = quick.answer(name, values, lang, fmt, timeout=timeout or None, max_memory=max_memory or None,
                                    max_rows=max_rows or None, seed_dir=seed_dir, graph_file=graph_file, store=store)
        if quick_answer is not None:
            return _print_answer(quick_answer.text, "SELECT", quick_answer.rows, quick_answer.cut,
                                 quick_answer.truncated, fmt=fmt, excel=excel, max_rows=max_rows, lang=lang)
    from kg import api

    if name is not None:
        api.get_query(name)  # an unknown name fails before the graph is built
    ds = open_graph(seed_dir, graph_file, store, check=False)  # an empty answer is explained by kg.query.run
    # always in a worker process: no network, a memory cap, and a crash of the engine is a message (kg.sandbox)
    limits = {"timeout": timeout or None, "max_rows": max_rows or None, "isolated": True,
              "max_memory": max_memory or None}
    if name is not None:
        result = api.run_query(ds, name, lang=lang, **limits, **values)
    elif query_file is not None:
        result = api.sparql_file(ds, query_file, lang=lang, allow_remote=allow_remote, **limits, **values)
    else:
        result = api.sparql(ds, text, lang=lang, origin="<-e>", allow_remote=allow_remote, **limits, **values)
    if name is None and result.empty:  # an empty answer from a misspelt kgo: term is an error, not silence
        from kg.vocabulary import check_terms

        own = text if text is not None else query_file.read_text(encoding="utf-8")
        check_terms(own, "<-e>" if text is not None else str(query_file), lang)
    _print_answer(result.serialize(fmt), result.kind, len(result), fmt == "table" and result.cut_cells(),
                  result.truncated, fmt=fmt, excel=excel, max_rows=max_rows, lang=lang)


def _print_answer(text: str, kind: str, rows: int, cut: bool, truncated: bool, *, fmt: str, excel: bool,
                  max_rows: int, lang: str) -> None:
    """The answer on standard output (after Excel's byte order mark with --excel); under a table its row count,
    and a note when --max-rows cut it, on standard error."""
    from kg.quick import rows_note, truncated_note

    click.echo(("\ufeff" if excel else "") + text, nl=False)
    if fmt == "table" and kind == "SELECT":
        click.echo(rows_note(rows, cut, lang), err=True)
    if truncated:
        click.echo(truncated_note(kind, max_rows, lang), err=True)


@main.command()
@click.option("--lang", type=click.Choice(["en", "ko"]), default="en", show_default=True, help="Label language.")
@click.option("-f", "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@graph_options
@user_errors
def schema(lang, fmt, seed_dir, graph_file, store) -> None:
    """The graph's vocabulary: classes, properties and controlled values with English and Korean labels,
    comments and how many things in the graph use each, and example queries."""
    import json

    from kg import vocabulary

    found = vocabulary.schema(open_graph(seed_dir, graph_file, store))
    click.echo(json.dumps(found.to_dict(), ensure_ascii=False, indent=2) if fmt == "json"
               else vocabulary.format_schema(found, lang))


@main.command("queries")
@click.argument("name", required=False)
@click.option("--lang", type=click.Choice(["en", "ko"]), default="en", show_default=True,
              help="Titles and parameter descriptions in English or Korean.")
@user_errors
def queries_command(name, lang) -> None:
    """List the named queries with their parameters, or show one in full with its SPARQL."""
    from kg import api
    from kg.query import describe_queries, describe_query

    if name is None:
        click.echo(describe_queries(api.list_queries(), lang), nl=False)
    else:
        click.echo(describe_query(api.get_query(name), lang), nl=False)



# ------------------------------------------------------------------ provenance: explain, sources, conflicts


@main.command()
@click.argument("name", required=False)
@click.option("--source", "source_id", metavar="SOURCE_ID", help="List every fact that cites this source instead.")
@click.option("--lang", type=click.Choice(["en", "ko"]), default="en", show_default=True, help="Label language.")
@click.option("-f", "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@graph_options
@user_errors
def explain(name, source_id, lang, fmt, seed_dir, graph_file, store) -> None:
    """Everything the graph says about an organisation or person, each claim with its sources."""
    from kg import api
    from kg.claims import explanation_text, source_text
    from kg.errors import KgError
    from kg.text import tr

    if (name is None) == (source_id is None):
        raise KgError(tr("explain usage", lang))
    graph = open_graph(seed_dir, graph_file, store)
    if source_id is not None:
        click.echo(source_text(source_id, api.claims_of_source(graph, source_id, lang), lang, fmt))
    else:
        click.echo(explanation_text(api.explain(graph, name, lang), lang, fmt))


@main.command()
@click.option("--lang", type=click.Choice(["en", "ko"]), default="en", show_default=True, help="Label language.")
@graph_options
@user_errors
def sources(lang, seed_dir, graph_file, store) -> None:
    """The source registry: each article with its publisher, date, title and how many facts it supports."""
    from kg import api
    from kg.text import tr

    for s in api.sources(open_graph(seed_dir, graph_file, store), lang):
        click.echo(tr("sources line", lang, id=s.id, date=s.date, publisher=s.publisher or tr("unattributed", lang),
                      n=s.facts))
        click.echo(f"    {s.title or s.label}")


@main.command()
@click.option("--strict", is_flag=True,
              help="Exit with status 1 when any conflict is found (for CI of a data repository).")
@click.option("--lang", type=click.Choice(["en", "ko"]), default="en", show_default=True, help="Label language.")
@click.option("-f", "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@graph_options
@user_errors
def conflicts(strict, lang, fmt, seed_dir, graph_file, store) -> None:
    """Where sources disagree on a figure, and per source whether the shares add up to the total."""
    import json

    from kg import api

    report = api.find_conflicts(open_graph(seed_dir, graph_file, store), lang)
    click.echo(json.dumps(report.to_dict(), ensure_ascii=False, indent=2) if fmt == "json" else report.text())
    if strict and report.conflicts:
        from kg.errors import CHECK_FAILED

        sys.exit(CHECK_FAILED)


@main.command("new-source")
@click.argument("source_id")
@click.option("--date", required=True, help="Publication date, YYYY-MM-DD.")
@click.option("--label-en", required=True, help="A short English description of the article.")
@click.option("--label-ko", required=True, help="The same in Korean.")
@click.option("--publisher", metavar="ENTITY_ID", help="The publisher's entity id (add it to entities.yaml first).")
@click.option("--title", help="The headline as printed.")
@click.option("--language", default="ko", show_default=True, help="The article's language (BCP 47 code).")
@click.option("--file", "text_file", help="The article's text file name [default: SOURCE_ID.txt].")
@SEEDS_OPTION
@user_errors
def new_source(source_id, date, label_en, label_ko, publisher, title, language, text_file, seed_dir) -> None:
    """Register a new article and create its fact file from a template, ready to fill in."""
    from kg import api

    sources_file, facts_file = api.new_source(seed_dir, source_id, date=date, label_en=label_en, label_ko=label_ko,
                                              publisher=publisher, title=title, language=language, file=text_file)
    from kg.text import tr

    click.echo(tr("new source done", error_language(None), id=source_id, sources=str(sources_file),
                  facts=str(facts_file)))


@main.command("entities")
@click.argument("name", required=False)
@click.option("--lang", type=click.Choice(["en", "ko"]), default="en", show_default=True,
              help="Language of the labels and messages.")
@SEEDS_OPTION
@user_errors
def entities_command(name, lang, seed_dir) -> None:
    """Search the registry by id, label or alias in either language (all entities without NAME)."""
    from kg import api
    from kg.text import tr

    found = api.entities(seed_dir, name, lang)
    for entity in found:
        click.echo("\n".join(entity.lines(lang)))
    click.echo(tr("entities found", lang, n=len(found)))


@main.command("new-entity")
@click.argument("entity_id")
@click.option("--type", "etype", required=True, metavar="TYPE",
              help="Its class, such as Company or GovernmentBody (a wrong one is answered with the nearest).")
@click.option("--en", "label_en", required=True, help="The English label.")
@click.option("--ko", "label_ko", required=True, help="The Korean label.")
@click.option("--alias", "aliases", multiple=True, help="Another name it goes by (repeat for more).")
@click.option("--lang", type=click.Choice(["en", "ko"]), default="en", show_default=True,
              help="Language of the messages.")
@SEEDS_OPTION
@user_errors
def new_entity(entity_id, etype, label_en, label_ko, aliases, lang, seed_dir) -> None:
    """Add an entity to seeds/entities.yaml, checked as kg build checks the seeds."""
    from kg import api
    from kg.text import tr

    path, line = api.new_entity(seed_dir, entity_id, etype, label_en, label_ko, tuple(aliases), lang)
    click.echo(tr("new entity added", lang, id=entity_id, type=etype, file=path, line=line))


@main.command("draft")
@click.argument("article", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--source", "source_id", required=True, metavar="ID",
              help="The source id; a new one is registered from the page (--date when the page has none).")
@click.option("--date", help="Publication date, YYYY-MM-DD, for a new source whose page does not say it.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Where to write the draft [default: seeds/facts/ID.yaml].")
@click.option("--dry-run", is_flag=True, help="Show the proposals; write nothing.")
@click.option("--lang", type=click.Choice(["en", "ko"]), default="en", show_default=True,
              help="Language of the report.")
@SEEDS_OPTION
@user_errors
def draft_command(article, source_id, date, output, dry_run, lang, seed_dir) -> None:
    """Propose sourced facts from a saved article (HTML or text), written for review.

    \b
    Example: kg draft ~/saved/yonhap-gpu.html --source yonhap-20251102
    """
    from kg import api

    done = api.draft_article(article, seed_dir, source_id, output=output, write=not dry_run, date=date, lang=lang)
    click.echo(done.report(lang, colour=sys.stdout.isatty()))


# ------------------------------------------------------------------ stores: load, push, serve


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--store", metavar="STORE", required=True, envvar="KG_STORE",
              help="oxigraph:PATH (replaced by the files, bulk-loaded) or sparql:URL (env KG_STORE).")
@user_errors
def load(files, store) -> None:
    """Load RDF files (Turtle, TriG, N-Triples, N-Quads, JSON-LD, RDF/XML) into a persistent store."""
    from kg import api
    from kg.text import tr

    count = api.load(files, store)
    click.echo(tr("load done", error_language(None), count=count, files=len(files), store=store))


@main.command()
@click.option("--to", "update_url", required=True, metavar="URL",
              help="The SPARQL 1.1 Update endpoint, e.g. http://127.0.0.1:7878/update (Oxigraph), "
                   "http://HOST:3030/DATASET/update (Fuseki), http://USER@HOST:8890/sparql-auth (Virtuoso; "
                   "the password in $KG_PASSWORD or ~/.netrc, never in the URL).")
@click.option("--batch-size", type=click.IntRange(1), default=5000, show_default=True, help="Quads per request.")
@graph_options
@user_errors
def push(update_url, batch_size, seed_dir, graph_file, store) -> None:
    """Upload the graph to a SPARQL endpoint, one named graph per source; re-running replaces, never duplicates."""
    from kg import api

    graph = open_graph(seed_dir, graph_file, store)
    total = len(graph)
    from kg.remote import shown
    from kg.text import tr

    lang = error_language(None)
    with click.progressbar(length=total, label=tr("push progress", lang, url=shown(update_url)),
                           file=sys.stderr) as bar:
        result = api.push(graph, update_url, batch_size=batch_size, progress=bar.update)
    click.echo(tr("push done", lang, quads=result.quads, graphs=result.graphs, requests=result.requests))


@main.command()
@click.option("--store", metavar="STORE", help="memory (the seeds, default) or oxigraph:PATH (env KG_STORE).")
@SEEDS_OPTION
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on; anything but loopback makes the endpoint reachable from other machines.")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True)
@click.option("--timeout", type=Seconds(minimum=0.1), default=30.0, show_default=True,
              help="Seconds a query may run, queued or running, before it is stopped with HTTP 503.")
@click.option("--max-memory", type=BYTES, default="1G", show_default=True, metavar="SIZE",
              help="Memory each query may take, such as 512M or 2G (0: no limit).")
@click.option("--cors", "cors", multiple=True, metavar="ORIGIN",
              help="Let web pages on ORIGIN (such as http://localhost:3000) query the endpoint from a browser; "
                   "repeat for more, '*' for any page (warned about). Off by default.")
@click.option("--public-url", metavar="URL",
              help="The endpoint's URL as clients reach it behind a proxy, named in the Service Description "
                   "(default: the host the client asked for, /query).")
@user_errors
def serve(store, seed_dir, host, port, timeout, max_memory, cors, public_url) -> None:
    """A read-only SPARQL 1.1 endpoint with a query page, on 127.0.0.1 by default (Ctrl-C stops it)."""
    import signal
    import time

    from kg import api

    def stop(signum, frame):
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, stop)  # `kill`, systemd, docker stop: shut down as on Ctrl-C
    signal.signal(signal.SIGINT, stop)  # also when started with SIGINT ignored (a background job of a script)
    from kg.serve import exposed
    from kg.serve_cors import ANY_ORIGIN_WARNING
    from kg.text import tr

    lang = error_language(None)
    if exposed(host):
        click.echo(tr("serve exposed", lang, host=host), err=True)
    if "*" in cors:
        click.echo(ANY_ORIGIN_WARNING, err=True)
    endpoint = api.serve_endpoint(store, seed_dir, host, port, timeout, max_memory or None, tuple(cors),
                                  public_url).start()
    click.echo(tr("serve started", lang, url=endpoint.url, timeout=f"{timeout:g}"))
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        pass
    finally:
        endpoint.stop()


if __name__ == "__main__":  # pragma: no cover
    main()
