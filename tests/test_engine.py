"""kg.engine: Oxigraph's answers turned into rdflib terms and Python values without rdflib's query method.
Whatever the shortcut, a value must be exactly what the rdflib path gives for the same term."""

from __future__ import annotations

import pyoxigraph as ox
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rdflib import BNode, Literal, URIRef
from rdflib.namespace import XSD

from kg import engine
from kg.query import python_value
from kg.rdf import canonical

LEXICAL = {
    XSD.integer: ["7", "007", "+5", "-0", "12345678901234567890", "abc", " 5", "1.0", ""],
    XSD.decimal: ["1", "1.", ".5", "1.50", "-0.0", "+3.25", "1e3", "abc", "", "."],
    XSD.date: ["2025-10-31", "2025-02-30", "2025-10-31Z", "2025-10-31+09:00", "0001-01-01", "20251031", "abc"],
    XSD.boolean: ["true", "false", "1", "0", "yes"],
    XSD.double: ["1.5", "1e3", "NaN", "INF", "abc"],
    XSD.gYear: ["2025", "abc"],
    XSD.dateTime: ["2025-10-31T10:00:00", "2025-10-31T10:00:00Z", "abc"],
    XSD.string: ["", "plain", "with\nnewline"],
    URIRef("http://example.org/custom"): ["anything"],
}
TERMS = [(ox.Literal(text, datatype=ox.NamedNode(str(dt))), Literal(text, datatype=dt))
         for dt, texts in LEXICAL.items() for text in texts]
TERMS += [(ox.NamedNode("https://w3id.org/ai-partnerships/id/nvidia"), URIRef("https://w3id.org/ai-partnerships/id/nvidia")),
          (ox.Literal("엔비디아", language="ko"), Literal("엔비디아", lang="ko")),
          (ox.BlankNode("b0"), BNode("b0"))]


def _fallback(term):
    return python_value(engine.to_rdflib(term))


@pytest.mark.parametrize("oxigraph_term, rdflib_term", TERMS, ids=[repr(t[1]) for t in TERMS])
def test_each_term_converts_as_the_rdflib_path_does(oxigraph_term, rdflib_term):
    expected = canonical(rdflib_term)
    assert engine.rdflib_rows([(oxigraph_term,)]) == [(expected,)]
    [(value,)] = engine.python_rows([(oxigraph_term,)], fallback=_fallback)
    want = python_value(expected)
    assert (type(value), str(value)) == (type(want), str(want))  # the same digits, not only an equal number (or NaN)


@settings(max_examples=200, deadline=None)
@given(st.sampled_from([XSD.integer, XSD.decimal, XSD.date]),
       st.text(alphabet="0123456789+-.eZ:", max_size=12))
def test_generated_numbers_and_dates_convert_as_the_rdflib_path_does(datatype, text):
    expected = python_value(canonical(Literal(text, datatype=datatype)))
    [(value,)] = engine.python_rows([(ox.Literal(text, datatype=ox.NamedNode(str(datatype))),)], fallback=_fallback)
    assert (type(value), str(value)) == (type(expected), str(expected))


def test_repeated_terms_are_converted_once_and_unbound_stays_none():
    calls = []
    nvidia = ox.NamedNode("https://w3id.org/ai-partnerships/id/nvidia")
    rows = engine.python_rows([(nvidia, None), (nvidia, ox.Literal("x")), (nvidia, None)],
                              fallback=lambda t: calls.append(t))
    assert rows == [("https://w3id.org/ai-partnerships/id/nvidia", None),
                    ("https://w3id.org/ai-partnerships/id/nvidia", "x"),
                    ("https://w3id.org/ai-partnerships/id/nvidia", None)]
    assert calls == []
