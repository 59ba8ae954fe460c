"""What kg adds around the engine on `kg query`'s quick path (issue 16): the modules it does not import, the
plain classes that replaced dataclasses, the answer crossing back from the worker without pickle, and the
entity check by one look-up in the store — each giving what it gave before."""

from __future__ import annotations

import os
import pickle
import time
from pathlib import Path

import pyoxigraph as ox
import pytest
from conftest import kg_imports

from kg import plain, quick, quickengine, resident, sandbox
from kg.errors import Problem, QueryError, QueryStopped, SeedError
from kg.query.binding import Clause, parameter_block
from kg.text import Phrase

KG, KGO = plain.KG, plain.KGO
RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
LIMITS = {"timeout": 30.0, "max_memory": None, "max_rows": 10_000, "seed_dir": Path("seeds"), "graph_file": None}


@pytest.fixture(scope="module")
def seeds_dir_store(tmp_path_factory):
    """An on-disk store of a few entities, and named queries with parameters on it."""
    place = tmp_path_factory.mktemp("store") / "store"
    store = ox.Store(str(place))
    for ident, kind in (("nvidia", "Organization"), ("lg-uplus", "Organization"), ("src-1", "Source")):
        store.add(ox.Quad(ox.NamedNode(KG + ident), RDF_TYPE, ox.NamedNode(KGO + kind)))
    store.flush()
    del store
    cases = [("gpu-targets", {"org": "nvidia"}), ("agreements", {"org": "lg-uplus"}), ("agreements", {"org": "x"}),
             ("source-claims", {"source": "src-1"}), ("projects", {})]
    return f"oxigraph:{place}", cases


def test_the_quick_path_imports_neither_dataclasses_typing_threading_nor_pickle(tmp_path):
    """Their imports were a third of kg's own time on a short query (benchmarks/results/scale.md)."""
    store = ox.Store(str(tmp_path / "store"))
    store.add(ox.Quad(ox.NamedNode(KG + "nvidia"), RDF_TYPE, ox.NamedNode(KGO + "Organization")))
    store.flush()
    del store
    printed, imported = kg_imports(["query", "gpu-targets", "-p", "org=nvidia", "-f", "csv", "--store",
                                    f"oxigraph:{tmp_path / 'store'}"],
                                   ("dataclasses", "typing", "threading", "pickle", "inspect"))
    assert printed.startswith("year,gpus,qualifier,source,paragraphs,target\n")
    assert imported == []


def test_a_problem_is_still_frozen_ordered_hashable_and_pickled():
    a, b, c = Problem("b.yaml", 1, "late"), Problem("a.yaml", 2, "early", "fix"), Problem("b.yaml", 1, "late")
    assert a == c and a != b and hash(a) == hash(c)
    assert sorted({a, b, c}) == [b, a]
    assert SeedError([a, c, b]).problems == [b, a]
    assert pickle.loads(pickle.dumps(b)) == b
    assert repr(b) == "Problem(file='a.yaml', line=2, message='early', hint='fix')"
    assert str(b) == "a.yaml:2: early — fix"
    with pytest.raises(AttributeError):
        a.line = 3  # type: ignore[misc]


def test_a_clause_compares_by_its_fields():
    text = "SELECT ?x WHERE {\n  VALUES ?org { kg:nvidia }\n  ?x ?p ?org\n}"
    [clause] = parameter_block(text)
    assert clause == Clause(clause.start, clause.end, ("org",), (("kg:nvidia",),))
    assert clause != Clause(clause.start, clause.end, ("org",), (("kg:lg-uplus",),))
    assert text[clause.start:clause.end] == "VALUES ?org { kg:nvidia }"


def test_plain_values_come_back_marshalled_and_others_pickled():
    fields = ("year,gpus\r\n2025,10\r\n", 1, False, False)
    assert sandbox._marshalled(("ok", fields))[:1] == b"M"
    assert sandbox.in_worker(lambda: fields, 30, "q.rq", offline=False) == fields
    phrase = Phrase("query rows", n=3)  # a subclass of str: marshal would lose what it is
    back = sandbox.in_worker(lambda: phrase, 30, "q.rq", offline=False)
    assert isinstance(back, Phrase) and back.text("ko") == phrase.text("ko")
    assert sandbox._unpacked(sandbox._pickled(("ok", [1]))) == ("ok", [1])
    for half in (b"", b"M", b"X123"):
        with pytest.raises(Exception):  # noqa: B017 - what in_worker reports as a crash
            sandbox._unpacked(half)


def test_the_worker_thread_returns_and_raises_as_before():
    assert sandbox.on_big_stack(lambda: 42) == 42
    with pytest.raises(ZeroDivisionError):
        sandbox.on_big_stack(lambda: 1 // 0)

    def deep(n: int) -> int:  # more frames than a main thread's 8 MiB stack takes at this limit
        return 0 if n == 0 else 1 + deep(n - 1)

    with sandbox.deep_recursion():
        assert sandbox.on_big_stack(lambda: deep(15_000)) == 15_000


@pytest.fixture
def engine():
    store = ox.Store()
    graph = ox.NamedNode(KG + "graph/seeds")
    store.add(ox.Quad(ox.NamedNode(KG + "nvidia"), RDF_TYPE, ox.NamedNode(KGO + "Organization"), graph))
    store.add(ox.Quad(ox.NamedNode(KG + "src-1"), RDF_TYPE, ox.NamedNode(KGO + "Source")))
    store.add(ox.Quad(ox.NamedNode(KG + "odd"), RDF_TYPE, ox.Literal(KGO + "Organization"), graph))
    store.add(ox.Quad(ox.NamedNode(KG + "untyped"), ox.NamedNode(KGO + "name"), ox.Literal("x"), graph))
    store.add(ox.Quad(ox.NamedNode(KG + "other"), ox.NamedNode(KGO + "about"), ox.NamedNode(KG + "object-only")))
    return store


@pytest.mark.parametrize(("ident", "classes", "found"), [
    ("nvidia", ["Organization"], True), ("nvidia", ["Sector", "Organization"], True), ("nvidia", [], True),
    ("kg:nvidia", ["Organization"], True), (f"<{KG}nvidia>", [], True),
    ("nvidia", ["Source"], False), ("src-1", ["Source"], True), ("src-1", ["Organization"], False),
    ("odd", ["Organization"], False),  # a literal that reads as the class is not the class
    ("untyped", [], True), ("untyped", ["Organization"], False), ("object-only", [], False),
    ("nvidai", [], False), ("NVIDIA", [], False),
])
def test_an_entity_is_checked_as_the_two_ask_queries_checked_it(engine, ident, classes, found):
    iri = ox.NamedNode(KG + ident.removeprefix("kg:").strip("<>").removeprefix(KG))
    named = quick._entity_iri(ident)  # the id read in kg.quick, looked up in its worker (kg.quickengine)
    assert (named is not None and quickengine._is_entity(engine, named, [KGO + c for c in classes])) == found
    if found:
        assert named == iri.value
    asked = bool(engine.query(f"ASK {{ <{iri.value}> ?p ?o }}", use_default_graph_as_union=True))
    if classes:
        asked = asked and bool(engine.query(
            "ASK { VALUES ?class { " + " ".join(f"<{KGO}{c}>" for c in classes) + " } "
            f"<{iri.value}> a ?class }}", use_default_graph_as_union=True))
    assert asked == found


def children() -> list[str]:
    """The processes this one started and has not reaped (Linux)."""
    return [pid for task in Path("/proc/self/task").iterdir() for pid in (task / "children").read_text().split()]


def _do(what: str, arg: int = 0) -> object:
    """A job for a worker (the handler it is started with): what it does, by name."""
    if what == "pid":
        return os.getpid()
    if what == "sleep":
        return time.sleep(arg)
    if what == "crash":
        os.abort()
    if what == "take":
        return len(bytearray(arg))
    raise QueryError.of("query too nested", origin="q.rq", depth=101, limit=100)


def job(what: str, arg: int = 0, timeout: float = 30, **limits: int | None) -> object:
    return resident.run(_do, (what, arg), timeout, "q.rq", offline=False, **limits)


def test_a_worker_is_kept_only_inside_a_kept_block():
    assert job("pid") != job("pid")
    assert children() == []  # outside a block, nothing of a worker outlives its answer
    with resident.kept():
        pids = {job("pid") for _ in range(5)}
        assert len(pids) == 1 and children() == [str(pids.pop())]
    assert children() == []


def test_a_kept_worker_keeps_every_limit_and_is_replaced_after_a_stop():
    with resident.kept():
        first = job("pid")
        with pytest.raises(QueryStopped, match="ran longer than 0.2 s"):
            job("sleep", 5, timeout=0.2)
        second = job("pid")
        assert second != first and children() == [str(second)]  # the stopped one was reaped
        with pytest.raises(QueryStopped, match="crashed"):
            job("crash")
        assert job("take", 2**20, max_memory=2**28) == 2**20  # a new worker
        with pytest.raises(QueryError, match="memory"):  # the cap is set again for each job
            job("take", 2**30, max_memory=2**28)
        assert job("take", 2**29, max_memory=None) == 2**29
        with pytest.raises(QueryError, match="101 levels deep") as refused:
            job("refuse")
        assert refused.value.text("ko") != str(refused.value)  # its message, in the user's language
        assert len(children()) == 1
    assert children() == []


def test_answers_in_a_kept_block_are_the_answers_one_at_a_time(seeds_dir_store):
    store, cases = seeds_dir_store
    alone = [quick.answer(name, params, "en", "csv", **LIMITS, store=store) for name, params in cases]
    with resident.kept():
        kept = [quick.answer(name, params, "en", "csv", **LIMITS, store=store) for name, params in cases]
    assert kept == alone and [a is None for a in alone] == [False, False, True, False, False]  # x: unknown
