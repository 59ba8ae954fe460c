"""The `kg` command: click commands only. Each parses options, calls one public function, prints its result.

User errors (kg.errors.KgError) become one line each on stderr and a non-zero exit; only bugs show a traceback.
"""

from __future__ import annotations

import functools
import sys
from pathlib import Path
from typing import Any

import click

from kg import __version__, clitext
from kg.netformats import FORMATS as NETWORK_FORMATS
from kg.rdfformats import EXPORTED
from kg.sandbox import DEFAULT_MAX_MEMORY, parse_size
from kg.text import Phrase, tr


class Seconds(click.ParamType):
    """A time limit in seconds: a finite number from 0 up to a year (nan, inf and 1e308 are refused)."""

    name = "seconds"

    def __init__(self, minimum: float = 0.0):
        self.minimum = minimum

    def convert(self, value, param, ctx):
        try:
            seconds = float(value)
        except (TypeError, ValueError):
            self.fail(tr("usage not seconds", clitext.current(), value=repr(value)), param, ctx)
        if not self.minimum <= seconds <= 366 * 86400:  # also false for nan
            self.fail(tr("usage seconds range", clitext.current(), value=repr(value), minimum=f"{self.minimum:g}",
                         maximum=str(366 * 86400)), param, ctx)
        return seconds


class Size(click.ParamType):
    """A size in bytes, written as a number with an optional K, M or G (powers of 1024); 0 means no limit."""

    name = "size"

    def convert(self, value, param, ctx):
        if isinstance(value, int):
            return value
        size = parse_size(str(value))
        if size is None:
            self.fail(tr("usage not size", clitext.current(), value=repr(value)), param, ctx)
        return size


SECONDS = Seconds()
BYTES = Size()
OUTPUT_FILE = click.Path(dir_okay=False, path_type=Path)   # a file kg writes (its folder is made if missing)

SEEDS_OPTION = click.option(
    "--seeds", "seed_dir", default="seeds", show_default=True, envvar="KG_SEEDS",
    type=click.Path(file_okay=False, path_type=Path), help=Phrase("help --seeds"),
)


def graph_options(func):
    """Where a reading command gets the graph: the seeds, an RDF file, or a store."""
    options = [
        SEEDS_OPTION,
        click.option("--graph", "graph_file", type=click.Path(dir_okay=False, path_type=Path),
                     help=Phrase("help --graph")),
        click.option("--store", metavar="STORE", help=Phrase("help --store")),
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


class KgCommand(click.Command):
    """A kg command: its -h/--help says what it does in the language of the command line (kg.clitext), and its
    summary in kg --help fits the column in Korean too."""

    def get_help_option(self, ctx):
        option = super().get_help_option(ctx)
        if option is not None:  # click makes it once per command, in the language of that first time
            option.help = clitext.gettext("Show this message and exit.")
        return option

    def get_short_help_str(self, limit: int = 45) -> str:
        text, shorter = super().get_short_help_str(limit), limit
        while clitext.width(text) > limit and shorter > 3:  # (Hangul takes two columns)
            shorter -= 1
            text = super().get_short_help_str(shorter)
        return text


class Kg(KgCommand, click.Group):
    """The kg command group: click's usage errors (an unknown option, a value not among the choices) exit with 1,
    as kg's own bad values do, so each exit status has one meaning (kg.errors.EXIT_CODES); click's words and the
    help texts are in the language the command line asks for (kg.clitext)."""

    command_class = KgCommand

    def main(self, args=None, *rest, **kwargs):
        args = sys.argv[1:] if args is None else list(args)
        clitext.use(clitext.language(args), self)
        try:
            return super().main(args, *rest, **kwargs)
        finally:
            clitext.use("en", self)

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


def show_version(ctx: click.Context, param: click.Parameter, value: bool) -> None:
    """kg --version: kg.__version__ (whichever copy of kg this is), in the command line's language (click's own
    version option fixes its words when the command is defined)."""
    if value and not ctx.resilient_parsing:
        click.echo(tr("version", clitext.current(), version=__version__))
        ctx.exit()


@click.group(cls=Kg, context_settings={"help_option_names": ["-h", "--help"]}, help=Phrase("help kg"))
@click.option("--version", is_flag=True, expose_value=False, is_eager=True, callback=show_version,
              help=Phrase("help --version"))
@click.option("--lang", type=click.Choice(["en", "ko"]), envvar="KG_LANG",
              help=Phrase("help kg --lang"))
@click.pass_context
def main(ctx: click.Context, lang: str | None) -> None:
    if lang:  # the default of each command's --lang; a command's own --lang still wins
        ctx.default_map = {name: {"lang": lang} for name in main.commands}


def warn(lines: list[str], lang: str = "en") -> None:
    """What was not checked (kg.seeds' warnings) on stderr: the first line of each marked as a warning."""
    from kg.errors import in_language
    from kg.text import tr

    for line in (in_language(line, lang) for line in lines):
        click.echo(line if line.startswith(" ") else tr("warning", lang, line=line), err=True)


LANG_OPTION = click.option("--lang", type=click.Choice(["en", "ko"]), default="en", show_default=True,
                           help=Phrase("help --lang messages"))


@main.command(help=Phrase("help build"))
@SEEDS_OPTION
@click.option("-o", "--output", type=OUTPUT_FILE, default="out/graph.nq",
              show_default=True, help=Phrase("help build --output"))
@click.option("--store", metavar="STORE", help=Phrase("help build --store"))
@click.option("--no-validate", is_flag=True, help=Phrase("help build --no-validate"))
@LANG_OPTION
@user_errors
def build(seed_dir: Path, output: Path, store: str | None, no_validate: bool, lang: str) -> None:
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


@main.command(help=Phrase("help validate"))
@graph_options
@LANG_OPTION
@user_errors
def validate(seed_dir: Path, graph_file: Path | None, store: str | None, lang: str) -> None:
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


@main.command(help=Phrase("help export"))
@graph_options
@click.option("-f", "--format", "fmt", type=click.Choice([*EXPORTED, *NETWORK_FORMATS]),
              default=None,
              help=Phrase("help export --format"))
@click.option("-o", "--output", type=OUTPUT_FILE,
              help=Phrase("help export --output"))
@click.option("--lang", type=click.Choice(["en", "ko"]), default="en", show_default=True,
              help=Phrase("help export --lang"))
@user_errors
def export(seed_dir: Path, graph_file: Path | None, store: str | None, fmt: str | None, output: Path | None,
           lang: str) -> None:
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
    else:
        click.echo(tr("export wrote", lang, path=str(output), fmt=fmt, n=len(data), created=created), err=True)


@main.command("ontology-doc", help=Phrase("help ontology-doc"))
@click.option("-o", "--output", type=OUTPUT_FILE,
              help=Phrase("help ontology-doc --output"))
@user_errors
def ontology_doc(output: Path | None) -> None:
    from kg import ontodoc

    if output is None:
        sys.stdout.buffer.write(ontodoc.page())
    else:
        data = ontodoc.write(output)
        click.echo(tr("export wrote", error_language(None), path=str(output), fmt="html", n=len(data), created=""),
                   err=True)


# ------------------------------------------------------------------ the partnership network: view and analytics


def network_options(func):
    """Options the network commands share: where the graph comes from, which relations, which language."""
    options = [
        graph_options,
        click.option("--kind", "kinds", metavar="KIND,...",
                     help=Phrase("help --kind")),
        click.option("--include", metavar="WHAT,...", default="",
                     help=Phrase("help --include")),
        click.option("--source", metavar="SOURCE_ID", help=Phrase("help --source")),
        click.option("--lang", type=click.Choice(["en", "ko"]), default="en", show_default=True,
                     help=Phrase("help --lang labels")),
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
                           help=Phrase("help --status")),
    "since": click.option("--since", metavar="DATE", help=Phrase("help --since")),
    "until": click.option("--until", metavar="DATE", help=Phrase("help --until")),
}


@main.command(help=Phrase("help view"))
@network_options
@click.option("-o", "--output", type=OUTPUT_FILE, default="out/partners.html",
              show_default=True, help=Phrase("help view --output"))
@click.option("--focus", metavar="NAME", help=Phrase("help view --focus"))
@click.option("--depth", type=click.IntRange(0), default=1, show_default=True, help=Phrase("help view --depth"))
@click.option("--hubs", is_flag=True, help=Phrase("help --hubs"))
@STATUS_DATE_OPTIONS["status"]
@STATUS_DATE_OPTIONS["since"]
@STATUS_DATE_OPTIONS["until"]
@user_errors
def view(seed_dir, graph_file, store, kinds, include, source, lang, output, focus, depth, hubs, status, since,
         until) -> None:
    from kg import api, linkfilter
    from kg.text import tr

    flt = linkfilter.LinkFilter.parse(status=status, since=since, until=until, lang=lang)
    G = _network(seed_dir, graph_file, store, kinds, include, source, hubs=hubs, focus=focus, depth=depth, lang=lang)
    path = api.write_view(G, output, lang, flt)
    click.echo(tr("view wrote", lang, path=path, nodes=G.number_of_nodes(), links=G.number_of_edges(),
                  size=f"{path.stat().st_size:,}"))


@main.command(help=Phrase("help stats"))
@network_options
@click.option("--top", type=click.IntRange(1), default=10, show_default=True, help=Phrase("help stats --top"))
@user_errors
def stats(seed_dir, graph_file, store, kinds, include, source, lang, top) -> None:
    from kg import api, network

    G = _network(seed_dir, graph_file, store, kinds, include, source, lang=lang)
    click.echo(network.format_stats(G, api.stats(G, top), lang))


def link_filter_options(func):
    """The options of kg path and kg neighbors that leave links out (kg/linkfilter.py)."""
    options = [
        click.option("--avoid", "--exclude", "avoid", multiple=True, metavar="NAME",
                     help=Phrase("help --avoid")),
        STATUS_DATE_OPTIONS["status"],
        click.option("--signed-only", is_flag=True, help=Phrase("help --signed-only")),
        STATUS_DATE_OPTIONS["since"],
        STATUS_DATE_OPTIONS["until"],
    ]
    for option in reversed(options):
        func = option(func)
    return func


@main.command(help=Phrase("help path"))
@network_options
@click.argument("a")
@click.argument("b")
@click.option("--limit", type=click.IntRange(1), default=10, show_default=True, help=Phrase("help path --limit"))
@link_filter_options
@user_errors
def path(seed_dir, graph_file, store, kinds, include, source, lang, a, b, limit, avoid, status, signed_only, since,
         until) -> None:
    from kg import api, linkfilter, netfilter

    flt = linkfilter.LinkFilter.parse(avoid, status, since, until, signed_only=signed_only, lang=lang)
    ds = open_graph(seed_dir, graph_file, store)
    G = api.partnership_network(ds, kinds=kinds, include=include, source=source, lang=lang)
    start, end = (netfilter.require(ds, G, n, kinds=kinds, include=include, source=source, lang=lang) for n in (a, b))
    click.echo(linkfilter.path_text(G, start, end, flt, limit, lang))


@main.command(help=Phrase("help neighbors"))
@network_options
@click.argument("name")
@link_filter_options
@user_errors
def neighbors(seed_dir, graph_file, store, kinds, include, source, lang, name, avoid, status, signed_only, since,
              until) -> None:
    from kg import api, linkfilter, netfilter

    flt = linkfilter.LinkFilter.parse(avoid, status, since, until, signed_only=signed_only, lang=lang)
    ds = open_graph(seed_dir, graph_file, store)
    G = api.partnership_network(ds, kinds=kinds, include=include, source=source, lang=lang)
    node = netfilter.require(ds, G, name, kinds=kinds, include=include, source=source, lang=lang)
    click.echo(linkfilter.neighbors_text(G, node, flt, lang))


@main.command("network", help=Phrase("help network"))
@network_options
@click.option("-o", "--output", type=OUTPUT_FILE, required=True,
              help=Phrase("help network --output"))
@click.option("-f", "--format", "fmt", type=click.Choice(NETWORK_FORMATS), default=None,
              help=Phrase("help network --format"))
@click.option("--bom/--no-bom", "--excel", "bom", default=True, show_default=True,
              help=Phrase("help network --bom"))
@click.option("--hubs", is_flag=True, help=Phrase("help --hubs"))
@user_errors
def network_command(seed_dir, graph_file, store, kinds, include, source, lang, output, fmt, bom, hubs) -> None:
    from kg import netexport

    G = _network(seed_dir, graph_file, store, kinds, include, source, hubs=hubs)
    written = netexport.write(G, output, fmt, bom=bom, lang=lang)
    click.echo(netexport.written_text(written, fmt or netexport.format_for(output) or "", G, lang))


# ------------------------------------------------------------------ SPARQL queries (kg/query/, queries/*.rq)


@main.command("query", help=Phrase("help query"))
@click.argument("name", required=False)
@click.option("--file", "query_file", type=click.Path(dir_okay=False, path_type=Path),
              help=Phrase("help query --file"))
@click.option("-e", "--expression", "text", metavar="SPARQL",
              help=Phrase("help query --expression"))
@click.option("-p", "--param", "params", multiple=True, metavar="NAME=VALUE",
              help=Phrase("help query --param"))
@click.option("--lang", type=click.Choice(["en", "ko"]), default="en", show_default=True,
              help=Phrase("help query --lang"))
@click.option("-f", "--format", "fmt", type=click.Choice(["table", "csv", "tsv", "json", "xml", "turtle"]),
              default="table", show_default=True,
              help=Phrase("help query --format"))
@click.option("--excel", is_flag=True,
              help=Phrase("help query --excel"))
@click.option("--timeout", type=SECONDS, default=30.0, show_default=True, metavar="SECONDS",
              help=Phrase("help query --timeout"))
@click.option("--max-memory", type=BYTES, default=str(DEFAULT_MAX_MEMORY >> 20) + "M", show_default=True,
              metavar="SIZE", help=Phrase("help query --max-memory"))
@click.option("--max-rows", type=click.IntRange(min=0), default=10_000, show_default=True, metavar="N",
              help=Phrase("help query --max-rows"))
@click.option("--allow-remote", is_flag=True,
              help=Phrase("help query --allow-remote"))
@graph_options
@user_errors
def query_command(name, query_file, text, params, lang, fmt, excel, timeout, max_memory, max_rows, allow_remote,
                  seed_dir, graph_file, store) -> None:
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


@main.command(help=Phrase("help schema"))
@click.option("--lang", type=click.Choice(["en", "ko"]), default="en", show_default=True,
              help=Phrase("help --lang label language"))
@click.option("-f", "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@graph_options
@user_errors
def schema(lang, fmt, seed_dir, graph_file, store) -> None:
    import json

    from kg import vocabulary

    found = vocabulary.schema(open_graph(seed_dir, graph_file, store))
    click.echo(json.dumps(found.to_dict(), ensure_ascii=False, indent=2) if fmt == "json"
               else vocabulary.format_schema(found, lang))


@main.command("queries", help=Phrase("help queries"))
@click.argument("name", required=False)
@click.option("--lang", type=click.Choice(["en", "ko"]), default="en", show_default=True,
              help=Phrase("help queries --lang"))
@user_errors
def queries_command(name, lang) -> None:
    from kg import api
    from kg.query import describe_queries, describe_query

    if name is None:
        click.echo(describe_queries(api.list_queries(), lang), nl=False)
    else:
        click.echo(describe_query(api.get_query(name), lang), nl=False)



# ------------------------------------------------------------------ provenance: explain, sources, conflicts


@main.command(help=Phrase("help explain"))
@click.argument("name", required=False)
@click.option("--source", "source_id", metavar="SOURCE_ID", help=Phrase("help explain --source"))
@click.option("--lang", type=click.Choice(["en", "ko"]), default="en", show_default=True,
              help=Phrase("help --lang label language"))
@click.option("-f", "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@graph_options
@user_errors
def explain(name, source_id, lang, fmt, seed_dir, graph_file, store) -> None:
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


@main.command(help=Phrase("help sources"))
@click.option("--lang", type=click.Choice(["en", "ko"]), default="en", show_default=True,
              help=Phrase("help --lang label language"))
@graph_options
@user_errors
def sources(lang, seed_dir, graph_file, store) -> None:
    from kg import api
    from kg.text import tr

    for s in api.sources(open_graph(seed_dir, graph_file, store), lang):
        click.echo(tr("sources line", lang, id=s.id, date=s.date, publisher=s.publisher or tr("unattributed", lang),
                      n=s.facts))
        click.echo(f"    {s.title or s.label}")


@main.command(help=Phrase("help conflicts"))
@click.option("--strict", is_flag=True,
              help=Phrase("help conflicts --strict"))
@click.option("--lang", type=click.Choice(["en", "ko"]), default="en", show_default=True,
              help=Phrase("help --lang label language"))
@click.option("-f", "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@graph_options
@user_errors
def conflicts(strict, lang, fmt, seed_dir, graph_file, store) -> None:
    import json

    from kg import api

    report = api.find_conflicts(open_graph(seed_dir, graph_file, store), lang)
    click.echo(json.dumps(report.to_dict(), ensure_ascii=False, indent=2) if fmt == "json" else report.text())
    if strict and report.conflicts:
        from kg.errors import CHECK_FAILED

        sys.exit(CHECK_FAILED)


@main.command("new-source", help=Phrase("help new-source"))
@click.argument("source_id")
@click.option("--date", required=True, help=Phrase("help new-source --date"))
@click.option("--label-en", required=True, help=Phrase("help new-source --label-en"))
@click.option("--label-ko", required=True, help=Phrase("help new-source --label-ko"))
@click.option("--publisher", metavar="ENTITY_ID", help=Phrase("help new-source --publisher"))
@click.option("--title", help=Phrase("help new-source --title"))
@click.option("--language", default="ko", show_default=True, help=Phrase("help new-source --language"))
@click.option("--file", "text_file", help=Phrase("help new-source --file"))
@SEEDS_OPTION
@user_errors
def new_source(source_id, date, label_en, label_ko, publisher, title, language, text_file, seed_dir) -> None:
    from kg import api

    sources_file, facts_file = api.new_source(seed_dir, source_id, date=date, label_en=label_en, label_ko=label_ko,
                                              publisher=publisher, title=title, language=language, file=text_file)
    from kg.text import tr

    click.echo(tr("new source done", error_language(None), id=source_id, sources=str(sources_file),
                  facts=str(facts_file)))


@main.command("entities", help=Phrase("help entities"))
@click.argument("name", required=False)
@click.option("--lang", type=click.Choice(["en", "ko"]), default="en", show_default=True,
              help=Phrase("help entities --lang"))
@SEEDS_OPTION
@user_errors
def entities_command(name, lang, seed_dir) -> None:
    from kg import api
    from kg.text import tr

    found = api.entities(seed_dir, name, lang)
    for entity in found:
        click.echo("\n".join(entity.lines(lang)))
    click.echo(tr("entities found", lang, n=len(found)))


@main.command("new-entity", help=Phrase("help new-entity"))
@click.argument("entity_id")
@click.option("--type", "etype", required=True, metavar="TYPE",
              help=Phrase("help new-entity --type"))
@click.option("--en", "label_en", required=True, help=Phrase("help new-entity --en"))
@click.option("--ko", "label_ko", required=True, help=Phrase("help new-entity --ko"))
@click.option("--alias", "aliases", multiple=True, help=Phrase("help new-entity --alias"))
@click.option("--lang", type=click.Choice(["en", "ko"]), default="en", show_default=True,
              help=Phrase("help new-entity --lang"))
@SEEDS_OPTION
@user_errors
def new_entity(entity_id, etype, label_en, label_ko, aliases, lang, seed_dir) -> None:
    from kg import api
    from kg.text import tr

    path, line = api.new_entity(seed_dir, entity_id, etype, label_en, label_ko, tuple(aliases), lang)
    click.echo(tr("new entity added", lang, id=entity_id, type=etype, file=path, line=line))


@main.command("draft", help=Phrase("help draft"))
@click.argument("article", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--source", "source_id", required=True, metavar="ID",
              help=Phrase("help draft --source"))
@click.option("--date", help=Phrase("help draft --date"))
@click.option("-o", "--output", type=OUTPUT_FILE,
              help=Phrase("help draft --output"))
@click.option("--dry-run", is_flag=True, help=Phrase("help draft --dry-run"))
@click.option("--lang", type=click.Choice(["en", "ko"]), default="en", show_default=True,
              help=Phrase("help draft --lang"))
@SEEDS_OPTION
@user_errors
def draft_command(article, source_id, date, output, dry_run, lang, seed_dir) -> None:
    from kg import api

    done = api.draft_article(article, seed_dir, source_id, output=output, write=not dry_run, date=date, lang=lang)
    click.echo(done.report(lang, colour=sys.stdout.isatty()))


# ------------------------------------------------------------------ stores: load, push, serve


@main.command(help=Phrase("help load"))
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--store", metavar="STORE", required=True, envvar="KG_STORE",
              help=Phrase("help load --store"))
@user_errors
def load(files, store) -> None:
    from kg import api
    from kg.text import tr

    count = api.load(files, store)
    click.echo(tr("load done", error_language(None), count=count, files=len(files), store=store))


@main.command(help=Phrase("help push"))
@click.option("--to", "update_url", required=True, metavar="URL",
              help=Phrase("help push --to"))
@click.option("--batch-size", type=click.IntRange(1), default=5000, show_default=True,
              help=Phrase("help push --batch-size"))
@graph_options
@user_errors
def push(update_url, batch_size, seed_dir, graph_file, store) -> None:
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


@main.command(help=Phrase("help serve"))
@click.option("--store", metavar="STORE", help=Phrase("help serve --store"))
@SEEDS_OPTION
@click.option("--host", default="127.0.0.1", show_default=True,
              help=Phrase("help serve --host"))
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True)
@click.option("--timeout", type=Seconds(minimum=0.1), default=30.0, show_default=True,
              help=Phrase("help serve --timeout"))
@click.option("--max-memory", type=BYTES, default="1G", show_default=True, metavar="SIZE",
              help=Phrase("help serve --max-memory"))
@click.option("--cors", "cors", multiple=True, metavar="ORIGIN",
              help=Phrase("help serve --cors"))
@click.option("--public-url", metavar="URL",
              help=Phrase("help serve --public-url"))
@user_errors
def serve(store, seed_dir, host, port, timeout, max_memory, cors, public_url) -> None:
    import signal
    import time

    from kg import api

    def stop(signum, frame):
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, stop)  # `kill`, systemd, docker stop: shut down as on Ctrl-C
    signal.signal(signal.SIGINT, stop)  # also when started with SIGINT ignored (a background job of a script)
    from kg.serve import exposed
    from kg.text import tr

    lang = error_language(None)
    if exposed(host):
        click.echo(tr("serve exposed", lang, host=host), err=True)
    if "*" in cors:
        click.echo(tr("cors any origin", error_language(None)), err=True)
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
