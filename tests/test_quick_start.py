"""`kg query`'s start (issue 16): the worker forked first and ready with the store while kg binds the query
(kg.resident.start), named queries prepared once and kept in the cache (kg.quick), a store kept open while its
folder is unchanged (kg.quickengine), and the str tests that stand in for regular expressions on that path —
each giving what it gave before."""

from __future__ import annotations

import datetime
import decimal
import itertools
import marshal
import os
import re
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest
from conftest import kg_imports
from hypothesis import given
from hypothesis import strategies as st

from kg import plain, quick, quickengine, quickwrite, resident

KG, KGO = plain.KG, plain.KGO
ROOT = Path(__file__).resolve().parent.parent
RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
LIMITS = {"timeout": 30.0, "max_memory": None, "max_rows": 10_000, "seed_dir": Path("seeds"), "graph_file": None}


def _store(folder: Path, *idents: str) -> str:
    store = ox.Store(str(folder))
    for ident in idents:
        store.add(ox.Quad(ox.NamedNode(KG + ident), RDF_TYPE, ox.NamedNode(KGO + "Organization")))
    store.flush()
    del store
    return f"oxigraph:{folder}"


def test_a_repeated_kg_query_imports_no_regular_expressions_nor_kg_query(tmp_path):
    """Once its query is prepared (the first run), `kg query` imports neither re (with enum and functools, as much
    as the engine's start), pathlib, csv, kg.query's binding nor kg.text's message table."""
    store = _store(tmp_path / "store", "nvidia")
    argv = ["query", "gpu-targets", "-p", "org=nvidia", "-f", "csv", "--store", store]
    unwanted = ("re", "enum", "functools", "contextlib", "pathlib", "csv", "signal", "kg")
    first, _ = kg_imports(argv, unwanted, bare=True)
    again, imported = kg_imports(argv, unwanted, bare=True)
    assert again == first and again.startswith("year,gpus,qualifier,source,paragraphs,target\n")
    assert not {"re", "enum", "functools", "contextlib", "pathlib", "csv", "signal"} & set(imported)
    assert {"kg.query.binding", "kg.query.syntax", "kg.text", "kg.errors"}.isdisjoint(imported)
    assert {"kg.quick", "kg.quickengine", "kg.quickwrite"} <= set(imported)  # (it did answer through them)


def test_a_prepared_query_is_kept_for_its_text_and_prepared_again_when_either_changes(tmp_path, monkeypatch):
    monkeypatch.setenv("KG_CACHE", str(tmp_path / "cache"))
    store = _store(tmp_path / "store", "nvidia", "lg-uplus")
    ask = lambda: quick.answer("gpu-targets", {"org": "lg-uplus"}, "en", "csv", **LIMITS, store=store)  # noqa: E731
    first = ask()
    kept = tmp_path / "cache" / "queries" / "gpu-targets.marshal"
    assert kept.is_file()
    assert ask() == first
    kept.write_bytes(b"not marshal")  # damaged: prepared again, and kept again
    assert ask() == first and kept.read_bytes() != b"not marshal"
    [(text, maker, _)] = marshal.loads(kept.read_bytes())
    for odd in ({"params": {}, "defaults": {}, "lang": False, "cut": [1]}, {"cut": ["x"]}, [], "x"):
        kept.write_bytes(marshal.dumps([(text, maker, odd)]))  # read back, but not in the shape prepared
        assert ask() == first and marshal.loads(kept.read_bytes())[0][2] != odd
    for odd in ((text, maker, marshal.loads(kept.read_bytes())[0][2]), [(text, maker)], ["x"], {}):  # other shapes
        kept.write_bytes(marshal.dumps(odd))
        assert ask() == first and len(marshal.loads(kept.read_bytes())[0]) == 3
    monkeypatch.setenv("KG_CACHE", "off")  # no cache: prepared each time, the same answer
    assert ask() == first


def test_a_prepared_query_is_read_once_by_a_process_while_its_file_is_unchanged(tmp_path, monkeypatch):
    monkeypatch.setenv("KG_CACHE", str(tmp_path / "cache"))
    text = (Path(quick._QUERIES) / "gpu-targets.rq").read_text(encoding="utf-8")
    first = quick._prepared("gpu-targets", text)
    reads = []
    monkeypatch.setattr(quick.marshal, "load", lambda file: reads.append(file) or marshal.loads(file.read()))
    assert [quick._prepared("gpu-targets", text) for _ in range(3)] == [first] * 3 and reads == []
    kept = tmp_path / "cache" / "queries" / "gpu-targets.marshal"
    kept.write_bytes(kept.read_bytes() + b"")  # (the same bytes, written again: another time of change)
    os.utime(kept, ns=(0, 0))
    assert quick._prepared("gpu-targets", text) == first and len(reads) == 1  # read again, once
    assert quick._prepared("gpu-targets", text + "\n")["cut"][-1].endswith("\n\n")  # another text: its own


def test_two_kg_installs_sharing_a_cache_keep_their_own_prepared_queries(tmp_path, monkeypatch):
    """Each install (kg's version and its binding modules: kg.quick._maker) finds its own entry in the file, so two
    of them taking turns prepare each query once, not at every turn; the file keeps the last _KINDS installs'."""
    monkeypatch.setenv("KG_CACHE", str(tmp_path / "cache"))
    text = (Path(quick._QUERIES) / "gpu-targets.rq").read_text(encoding="utf-8")
    made = []
    prepare = quick._prepare
    monkeypatch.setattr(quick, "_prepare", lambda *args: made.append(args) or prepare(*args))
    own = quick._maker()
    for turn in range(6):
        monkeypatch.setattr(quick, "_maker", lambda turn=turn: own + (turn % 2,))  # install A, B, A, B, ...
        quick._READ.clear()  # (as in a new process)
        assert quick._prepared("gpu-targets", text) == prepare(text, "gpu-targets.rq")
    assert len(made) == 2
    for other in range(2, 2 + quick._KINDS):
        monkeypatch.setattr(quick, "_maker", lambda other=other: own + (other,))
        quick._READ.clear()
        quick._prepared("gpu-targets", text)
    kept = marshal.loads((tmp_path / "cache" / "queries" / "gpu-targets.marshal").read_bytes())
    assert [entry[1][-1] for entry in kept] == list(range(1 + quick._KINDS, 1, -1))  # newest first, the last four


def test_the_prepared_text_is_what_kg_query_binding_binds(tmp_path, monkeypatch):
    """Cutting the bound text at each variable and filling it in gives kg.query.binding.bind's text."""
    from kg.query.binding import bind

    monkeypatch.setenv("KG_CACHE", str(tmp_path / "cache"))
    folder = Path(quick._QUERIES)
    checked = 0
    for path in sorted(folder.glob("*.rq")):
        text = path.read_text(encoding="utf-8")
        prepared = quick._prepared(path.stem, text)
        if prepared is None:
            continue
        for lang in ("en", "ko"):
            params = {name: "nvidia" for name, (_, default) in prepared["params"].items()
                      if default is None or default.startswith("kg:")}
            bound = quick._bound(prepared, params, lang)
            assert bound is not None
            terms = {var: None if value is None else ox.NamedNode(value[1:-1]) if value.startswith("<")
                     else ox.Literal(value.strip('"')) for var, value in prepared["defaults"].items()}
            if prepared["lang"]:
                terms["lang"] = ox.Literal(lang)
            terms.update({name: ox.NamedNode(KG + "nvidia") for name in params})
            assert bound[0] == bind(text, terms, path.name)
            assert bound[1] == [(KG + "nvidia", [KGO + c for c in prepared["params"][n][0]]) for n in params]
            checked += 1
    assert checked >= 20  # most named queries are prepared


def test_entity_ids_are_read_as_kg_query_params_reads_them():
    pattern = re.compile(r"[a-z0-9]+(?:[-.][a-z0-9]+)*")
    for size in range(6):
        for letters in itertools.product("a0-.A_", repeat=size):
            text = "".join(letters)
            assert quick._is_id(text) == bool(pattern.fullmatch(text)), text


def test_the_forms_tested_without_re_are_the_regular_expressions_forms():
    integer, date = re.compile(r"0|-?[1-9][0-9]*"), re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
    for size in range(6):
        for letters in itertools.product("0-1٣", repeat=size):
            text = "".join(letters)
            assert quickwrite._is_integer_form(text) == bool(integer.fullmatch(text)), text
    for text in ("2025-10-31", "2025-1-31", "20251-10-31", "2025-10-3a", "-2025-10-31", "2025--10-31", "２０２５-10-31",
                 "2025-10-31-", "2025-10", "", "0000-01-01", "2025-13-01", "2025-00-10", "2025-04-31", "2025-04-00"):
        assert quickwrite._is_date(text) == _is_day(text, date), text
    for year, month, day in itertools.product((1, 1900, 2000, 2024, 2025, 2100, 9999), range(14), range(33)):
        text = f"{year:04d}-{month:02d}-{day:02d}"
        assert quickwrite._is_date(text) == _is_day(text, date), text


def test_decimals_are_written_without_re_as_the_decimal_module_writes_them():
    """plain.decimal_text takes what plain.DECIMAL or plain.INTEGER reads (any Unicode decimal digit) and writes
    what decimal.Decimal's "f" format gives, with ".0" after a whole number; None for anything else."""
    forms = re.compile(r"[+-]?\d*\.\d+|[+-]?\d+")
    for size in range(6):
        for letters in itertools.product("+-.05٣", repeat=size):
            _same_decimal("".join(letters), forms)
    for text in ("0.50", "-000.000", "+007", "١٢.٣٠", "０.５", "1e5", "1_000", " 1", "1.", "²", "-.5", "9" * 5000):
        _same_decimal(text, forms)


@given(st.text(alphabet=st.sampled_from("+-.0123456789٣０e_ "), max_size=12))
def test_decimals_written_without_re_any_text(text):
    _same_decimal(text, re.compile(r"[+-]?\d*\.\d+|[+-]?\d+"))


def test_iris_are_compacted_without_re_as_the_prefixed_name_pattern_reads_them():
    """plain.compact (kg's table writes IRIs with it) keeps a prefixed name whose local part kg.query.syntax._PNAME
    reads: the compact form it gave with that regular expression."""
    from kg.query.syntax import _PNAME

    def with_re(iri: str) -> str:
        best = ""
        for prefix, ns in plain.PREFIXES.items():
            if iri.startswith(ns) and len(ns) > len(best) and _PNAME.fullmatch(f"{prefix}:{iri[len(ns):]}"):
                best, name = ns, f"{prefix}:{iri[len(ns):]}"
        return name if best else f"<{iri}>"

    for size in range(4):
        for letters in itertools.product("a_.-0٣é²:/# ", repeat=size):
            for ns in (plain.KG, plain.KGO, plain.PREFIXES["rdf"], "http://example.org/"):
                iri = ns + "".join(letters)
                assert plain.compact(iri) == with_re(iri), iri


def _same_decimal(text: str, forms: re.Pattern) -> None:
    written = plain.decimal_text(text)
    if not forms.fullmatch(text):
        assert written is None, text
        return
    expected = format(decimal.Decimal(text), "f")
    assert written == (expected if "." in expected else expected + ".0"), text
    assert plain.decimal_lexical(text) == written


def _is_day(text: str, form: re.Pattern) -> bool:
    """What kg.quick tested before: the form, then datetime.date.fromisoformat."""
    if not form.fullmatch(text):
        return False
    try:
        datetime.date.fromisoformat(text)
    except ValueError:
        return False
    return True


def test_a_worker_started_first_answers_the_next_job_and_ends_with_it(tmp_path):
    store = _store(tmp_path / "store", "nvidia")
    place = store.removeprefix("oxigraph:")
    resident.start(quickengine.rows, False, lambda: quickengine.prepare(place))
    [started] = [w for w in resident._WORKERS.values()]
    answer = quick.answer("gpu-targets", {"org": "nvidia"}, "en", "csv", **LIMITS, store=store)
    assert answer is not None and answer.rows == 0
    assert resident._WORKERS == {} and _reaped(started.pid)  # the one started first answered, and ended
    resident.start(quickengine.rows, False, lambda: quickengine.prepare(place))
    [unused] = [w for w in resident._WORKERS.values()]
    resident.stop_all()  # kg.launch, when kg.cli answers instead
    assert resident._WORKERS == {} and _reaped(unused.pid)


def test_what_prepare_raises_is_left_to_the_job(tmp_path):
    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / "CURRENT").write_text("MANIFEST-000001\n")  # a store RocksDB cannot open
    resident.start(quickengine.rows, False, lambda: quickengine.prepare(str(broken)))
    assert quick.answer("projects", {}, "en", "csv", **LIMITS, store=f"oxigraph:{broken}") is None  # kg.query's


def test_a_kept_worker_keeps_the_store_open_and_opens_it_again_when_it_changes(tmp_path):
    store = _store(tmp_path / "store", "nvidia")
    place = store.removeprefix("oxigraph:")
    ask = lambda: quick.answer("gpu-targets", {"org": "lg-uplus"}, "en", "csv", **LIMITS, store=store)  # noqa: E731
    reused = lambda: resident.run(_reused, (place,), 30, "q", offline=False)  # noqa: E731
    with resident.kept():
        assert ask() is None  # lg-uplus is not in the store: kg.query explains
        assert [reused(), reused()] == [False, True]
        writer = ox.Store(place)
        writer.add(ox.Quad(ox.NamedNode(KG + "lg-uplus"), RDF_TYPE, ox.NamedNode(KGO + "Organization")))
        writer.flush()
        del writer
        assert [reused(), reused()] == [False, True]  # opened again once: the folder changed
        answer = ask()
        assert answer is not None and answer.rows == 0  # lg-uplus is there now


def _reused(place: str) -> bool:
    """In a worker: whether quickengine.opened gave the store it had opened before."""
    before = quickengine._OPEN.get(place)
    store = quickengine.opened(place)
    return before is not None and store is before[1]


def _reaped(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    return False


@pytest.mark.parametrize(("argv", "code"), [
    (["query", "gpu-targets", "-p", "org=nvidia", "-f", "csv"], 0),  # kg.quick answers, then os._exit
    (["explain", "nvidia"], 0),  # kg.quickexplain
    (["query", "gpu-targets", "-p", "org=nvidai"], 4),  # kg.cli explains (no such entity): SystemExit, as before
    (["--version"], 0),
])
def test_the_kg_command_ends_as_main_does(tmp_path, argv, code):
    """command() prints what main() prints, with its exit status, and leaves no worker behind."""
    store = _store(tmp_path / "store", "nvidia")
    argv = [*argv, "--store", store] if argv[0] == "query" else argv
    runs = [subprocess.run([sys.executable, "-c", f"from kg.launch import {entry}; {entry}()", *argv], cwd=ROOT,
                           capture_output=True, text=True, timeout=120) for entry in ("main", "command")]
    assert [r.returncode for r in runs] == [code, code]
    assert runs[1].stdout == runs[0].stdout and runs[1].stderr == runs[0].stderr
    assert runs[1].stdout or runs[1].stderr
