"""Answers of SPARQL endpoints that depart from the SPARQL 1.1 result formats, put right where kg reads them,
so that a command gives the same output through `--store sparql:URL` as on the default store."""

from __future__ import annotations

from rdflib import Variable
from rdflib.query import Result

#: The one column of Virtuoso 7's answer to an ASK query: 1 or 0 as xsd:integer, in a result set, where the
#: SPARQL 1.1 formats give a boolean (with any Accept type; VIRTUOSO-NOTES.md 4).
_VIRTUOSO_ASK = Variable("__ASK_RETVAL")


def as_standard(result: Result, query: str) -> Result:
    """The endpoint's answer as the SPARQL 1.1 formats give it: Virtuoso's result set for an ASK query as
    the boolean."""
    if result.type != "SELECT" or list(result.vars or []) != [_VIRTUOSO_ASK] or not _is_ask(query):
        return result
    rows = list(result.bindings)
    answer = Result("ASK")
    answer.askAnswer = bool(rows) and str(rows[0].get(_VIRTUOSO_ASK)) not in ("0", "false")
    return answer


def _is_ask(query: str) -> bool:
    from kg.query.binding import _FORM, blank

    form = _FORM.search(blank(query))
    return form is not None and form[1].upper() == "ASK"
