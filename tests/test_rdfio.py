"""RDF that users give is read without fetching, expanding or reading anything else (kg.rdfio)."""

from __future__ import annotations

import json
import time

import pytest
from click.testing import CliRunner
from listener import listening

from kg.cli import main
from kg.errors import KgError
from kg.rdfio import read_dataset

BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE rdf:RDF [
  <!ENTITY a "aaaaaaaaaa">
  <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
  <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
  <!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">
  <!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;">
  <!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;">
  <!ENTITY g "&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;">
  <!ENTITY h "&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;">
  <!ENTITY i "&h;&h;&h;&h;&h;&h;&h;&h;&h;&h;">
]>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:ex="http://example.org/">
  <rdf:Description rdf:about="http://example.org/a"><ex:p>&i;</ex:p></rdf:Description>
</rdf:RDF>
"""

EXTERNAL_ENTITY = """<?xml version="1.0"?>
<!DOCTYPE rdf:RDF [ <!ENTITY secret SYSTEM "file://{secret}"> ]>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:ex="http://example.org/">
  <rdf:Description rdf:about="http://example.org/a"><ex:p>&secret;</ex:p></rdf:Description>
</rdf:RDF>
"""

PLAIN_RDFXML = """<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:ex="http://example.org/">
  <rdf:Description rdf:about="http://example.org/a"><ex:p>plain</ex:p></rdf:Description>
</rdf:RDF>
"""


def test_entity_expansion_is_refused_quickly(tmp_path):
    path = tmp_path / "bomb.rdf"
    path.write_text(BILLION_LAUGHS, encoding="utf-8")
    started = time.monotonic()
    with pytest.raises(KgError, match=r"bomb.rdf:2: the file declares a DTD or entities"):
        read_dataset(path)
    assert time.monotonic() - started < 2


def test_external_entity_is_not_resolved(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-VALUE", encoding="utf-8")
    path = tmp_path / "xxe.rdf"
    path.write_text(EXTERNAL_ENTITY.format(secret=secret), encoding="utf-8")
    with pytest.raises(KgError) as info:
        read_dataset(path)
    assert "declares a DTD or entities" in str(info.value)
    assert "TOP-SECRET-VALUE" not in str(info.value)


def test_plain_rdfxml_is_read(tmp_path):
    path = tmp_path / "ok.rdf"
    path.write_text(PLAIN_RDFXML, encoding="utf-8")
    ds = read_dataset(path)
    assert [str(o) for o in ds.objects(None, None)] == ["plain"]


@pytest.fixture()
def listener():
    with listening("application/ld+json", json.dumps({"@context": {"name": "http://schema.org/name"}}).encode()) as it:
        yield it


def test_jsonld_remote_context_is_not_fetched(tmp_path, listener):
    url, hits = listener
    path = tmp_path / "remote.jsonld"
    path.write_text(json.dumps({"@context": f"{url}/context.jsonld", "@id": "http://example.org/a", "name": "A"}),
                    encoding="utf-8")
    with pytest.raises(KgError, match=r"remote.jsonld: not valid jsonld: .*remote context"):
        read_dataset(path)
    result = CliRunner().invoke(main, ["validate", "--graph", str(path)])
    assert result.exit_code != 0 and "Traceback" not in result.output
    assert hits == []  # no request arrived


def test_turtle_syntax_error_names_the_line(tmp_path):
    path = tmp_path / "bad.ttl"
    path.write_text("@prefix ex: <http://example.org/> .\nex:a ex:b ex:c .\nex:a ex:b \"unterminated .\n",
                    encoding="utf-8")
    with pytest.raises(KgError, match=r"bad.ttl:3: not valid turtle"):
        read_dataset(path)


def test_unknown_suffix_and_missing_file(tmp_path):
    with pytest.raises(KgError, match="cannot tell the RDF format"):
        read_dataset(tmp_path / "data.csv")
    with pytest.raises(KgError, match="no such file"):
        read_dataset(tmp_path / "none.ttl")


def test_kg_load_refuses_a_dtd_before_any_parser_sees_it(tmp_path):
    """`kg load` checks files like `kg validate --graph` does (kg.store.load_files -> kg.rdfio.check_file)."""
    path = tmp_path / "bomb.rdf"
    path.write_text(BILLION_LAUGHS, encoding="utf-8")
    store = tmp_path / "store"
    started = time.monotonic()
    result = CliRunner().invoke(main, ["load", str(path), "--store", f"oxigraph:{store}"])
    assert time.monotonic() - started < 2
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert result.output == (f"{path}:2: the file declares a DTD or entities, which kg refuses in RDF/XML (entity "
                             "expansion, external files) — remove the <!DOCTYPE …> block\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bomb.rdf"]  # no store, no half-built one


def test_kg_load_does_not_fetch_a_remote_jsonld_context(tmp_path, listener):
    url, hits = listener
    good = tmp_path / "good.ttl"
    good.write_text("<http://example.org/a> <http://example.org/b> <http://example.org/c> .\n", encoding="utf-8")
    path = tmp_path / "remote.jsonld"
    path.write_text(json.dumps({"@context": f"{url}/context.jsonld", "@id": "http://example.org/a", "name": "A"}),
                    encoding="utf-8")
    store = tmp_path / "store"
    assert CliRunner().invoke(main, ["load", str(good), "--store", f"oxigraph:{store}"]).exit_code == 0
    result = CliRunner().invoke(main, ["load", str(good), str(path), "--store", f"oxigraph:{store}"])
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert result.output.startswith(f"{path}: not valid jsonld: ") and "remote context" in result.output
    assert hits == []  # no request arrived
    import pyoxigraph

    assert len(pyoxigraph.Store.read_only(str(store))) == 1  # the store loaded before is as it was
    assert sorted(p.name for p in tmp_path.iterdir()) == ["good.ttl", "remote.jsonld", "store"]


# --------------------------------------------------------------------------------------------------
# Deep nesting and over-long terms (kg.rdfio.MAX_DEPTH, MAX_TERM)
# --------------------------------------------------------------------------------------------------

RDF_HEAD = ('<?xml version="1.0"?>\n<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
            'xmlns:ex="http://example.org/">\n')


def nested_rdfxml(nodes: int) -> str:
    """Blank nodes nested in each other (the striped syntax): two XML elements a node, 1 + 2 * nodes deep."""
    return RDF_HEAD + "<rdf:Description><ex:p>" * nodes + "x" + "</ex:p></rdf:Description>" * nodes + "\n</rdf:RDF>\n"


def test_deeply_nested_rdfxml_is_refused_before_the_parser(tmp_path):
    """Oxigraph's RDF/XML parser: 16,000 nodes deep (0.8 MB) 2.7 s, 32,000 12.5 s, 96,000 (4.6 MB) over 10 min."""
    path = tmp_path / "deep.rdf"
    path.write_text(nested_rdfxml(16_000), encoding="utf-8")
    started = time.monotonic()
    result = CliRunner().invoke(main, ["load", str(path), "--store", f"oxigraph:{tmp_path / 'store'}"])
    assert time.monotonic() - started < 2
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert result.output == (f"{path}:3: XML elements nested more than 128 deep, more than kg reads (deep nesting "
                             "makes the RDF/XML parser take hours) — write the nested nodes side by side with "
                             "rdf:nodeID or rdf:about references, or convert the file to Turtle\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["deep.rdf"]  # no store, no half-built one, no lock


def test_rdfxml_as_deep_as_the_limit_is_read(tmp_path):
    path = tmp_path / "ok.rdf"
    path.write_text(nested_rdfxml(63), encoding="utf-8")  # 127 elements deep
    assert len(read_dataset(path)) == 63
    path.write_text(nested_rdfxml(64), encoding="utf-8")  # 129
    with pytest.raises(KgError, match=r"ok.rdf:3: XML elements nested more than 128 deep"):
        read_dataset(path)


def test_deeply_nested_jsonld_is_refused(tmp_path):
    """Oxigraph's JSON-LD parser: 2,000 objects deep 1.4 s, 5,000 deep a segmentation fault (the whole process)."""
    path = tmp_path / "deep.jsonld"
    path.write_text('{"@id": "http://example.org/a",\n "http://example.org/p": ' * 300 + "1" + "}" * 300,
                    encoding="utf-8")
    with pytest.raises(KgError, match=r"deep.jsonld:129: JSON objects and arrays nested more than 128 deep"):
        read_dataset(path)
    result = CliRunner().invoke(main, ["validate", "--graph", str(path)])
    assert result.exit_code == 1 and "Traceback" not in result.output and "nested more than 128 deep" in result.output


def test_brackets_inside_json_strings_do_not_count(tmp_path):
    path = tmp_path / "ok.jsonld"
    value = '[{\\"' * 200 + "\\\\"  # brackets, escaped quotes and a final escaped backslash, all in one string
    path.write_text('{"@id": "http://example.org/a", "http://example.org/p": "' + value + '"}', encoding="utf-8")
    assert [len(str(o)) for o in read_dataset(path).objects(None, None)] == [601]


LONG_TERM = {  # file name: (text around the term, the line the term is on)
    "long.nt": ('<http://example.org/a> <http://example.org/p> "{long}" .\n', 1),
    "long.ttl": ("@prefix ex: <http://example.org/> .\nex:a ex:p <http://example.org/{long}> .\n", 2),
    "long.jsonld": ('{{"@id": "http://example.org/a", "http://example.org/p": "{long}"}}', 1),
    "long.rdf": (RDF_HEAD + '<rdf:Description rdf:about="http://example.org/a"><ex:p>{long}</ex:p>'
                            "</rdf:Description></rdf:RDF>\n", 3),
}


@pytest.mark.parametrize("name", sorted(LONG_TERM))
def test_a_term_over_16_mib_is_refused_without_a_traceback(tmp_path, name):
    """Oxigraph's parsers raised MemoryError ("Reached the buffer maximal size of 16777216") at 16 MiB."""
    text, line = LONG_TERM[name]
    path = tmp_path / name
    path.write_text(text.format(long="a" * (16 * 1024 * 1024 + 1)), encoding="utf-8")
    message = (f"{path}:{line}: a literal or IRI longer than 16 MiB, more than kg reads — keep such a value outside "
               "the graph (a file and a link to it) or shorten it\n")
    for args in (["validate", "--graph", str(path)], ["load", str(path), "--store", f"oxigraph:{tmp_path / 'kg'}"]):
        result = CliRunner().invoke(main, args)
        assert (result.exit_code, result.output) == (1, message)
    assert sorted(p.name for p in tmp_path.iterdir()) == [name]  # no store, no half-built one, no lock


# ------------------------------------------------------------------ the one table of RDF formats (kg.rdfformats)


def test_the_format_table_agrees_with_pyoxigraph_and_rdflib():
    """Each format's suffixes are those pyoxigraph gives the same format (where it knows the suffix), the first is
    pyoxigraph's own, and rdflib has a parser by the row's rdflib name."""
    import pyoxigraph
    from rdflib.parser import Parser
    from rdflib.plugin import get

    from kg.rdfformats import FORMATS

    for f in FORMATS:
        assert f.suffix == "." + f.pyoxigraph.file_extension, f.name
        for suffix in f.suffixes + f.also_written:
            assert pyoxigraph.RdfFormat.from_extension(suffix[1:]) in (None, f.pyoxigraph, pyoxigraph.RdfFormat.N3)
        assert get(f.rdflib, Parser) is not None


@pytest.mark.parametrize("fmt", ["turtle", "trig", "nt", "nquads", "jsonld"])
def test_every_export_is_read_back_by_its_file_name(fmt, tmp_path):
    """What `kg export -o FILE` writes, `kg load` and `kg validate --graph` read by the same name: one table."""
    from conftest import MINIMAL

    from kg.api import build_graph, export
    from kg.rdfformats import BY_NAME
    from kg.serialize import serialize

    built = build_graph(MINIMAL)
    path = tmp_path / f"graph{BY_NAME[fmt].suffix}"
    export(built, fmt, path)
    back = read_dataset(path)
    assert serialize(back, "nt") == serialize(built, "nt")  # the same triples, each in its canonical form
