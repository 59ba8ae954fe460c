"""An engine's error as a message that says where: a syntax error with its line, column and a caret, an
unknown prefix with the known ones, an endpoint's refusal with its own reason."""

from __future__ import annotations

import re

from kg.errors import QueryError
from kg.ontology import PREFIXES
from kg.query.guard import _is_update, _update_refused
from kg.text import Phrase


def _endpoint_error(text: str, full: str, message: str, prefixes: dict, origin: str, graph=None) -> QueryError:
    """An endpoint answered with an HTTP error, and rdflib kept no detail: if the query does not parse, say where;
    otherwise ask the endpoint once more for its reason (Virtuoso: 'SQ200: No column lang')."""
    from rdflib.plugins.sparql import prepareQuery  # parses only; nothing runs in rdflib's engine

    try:
        prepareQuery(full, initNs=prefixes)
    except Exception as exc:
        if type(exc).__name__ == "ParseException" or "Unknown namespace prefix" in str(exc):
            return _syntax_error(text, full, str(exc), origin, getattr(exc, "lineno", None), getattr(exc, "col", None))
    reason = _endpoint_reason(graph, full, prefixes)
    return QueryError.of("endpoint refused query", url=origin, error=message, body=": " + reason if reason else "",
                         hint=Phrase("endpoint check query"))


def _endpoint_reason(graph, full: str, prefixes: dict) -> str:
    """The body of the endpoint's error answer to the query (the URL the user named), cut short; "" if none."""
    import urllib.error

    from kg.stores.sparql import error_body, post_query

    url = getattr(getattr(graph, "store", None), "query_endpoint", None)
    if not url:
        return ""
    declared = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in prefixes.items())
    try:
        with post_query(url, declared + full, timeout=10):
            return ""
    except urllib.error.HTTPError as exc:
        return error_body(exc)
    except OSError:
        return ""


def _syntax_error(text: str, full: str, message: str, origin: str, line: int | None = None,
                  col: int | None = None) -> QueryError:
    """QueryError 'origin:LINE:COL: SPARQL syntax error: …' with the line and a caret under the column."""
    if _is_update(text):
        return _update_refused(origin)
    where = re.search(r"error at (\d+):(\d+):\s*(.*)", message, re.S)
    if where:
        line, col, message = int(where[1]), int(where[2]), where[3]
    message = re.sub(r"\s*\(at char \d+\), \(line:\d+, col:\d+\)", "", " ".join(message.split()))
    prefix = re.search(r"Unknown namespace prefix : (\S+)", message)
    lines = full.split("\n")
    if prefix or "Prefix not found" in message:
        name = prefix[1] if prefix else _prefix_before(lines, line, col)
        found = _find_prefix(text, name) if name else None
        if found:
            line, col = found
        known = ", ".join(sorted(PREFIXES))
        message = (Phrase("query unknown prefix", name=name, known=known) if name
                   else Phrase("query unknown prefix unnamed", known=known))
    elif len(message) > 200:
        message = message[:200] + "…"
    # the engine's own words stay as it wrote them; kg's (an unknown prefix) say what to do themselves
    key = "query syntax said" if " — " in message else "query syntax"
    user_lines = text.split("\n")
    if line is None:
        return QueryError.of(key, where=origin, message=message)
    details = []
    if 1 <= line <= len(user_lines):
        source_line = user_lines[line - 1].replace("\t", " ")
        details = [f"    {source_line}", "    " + " " * max((col or 1) - 1, 0) + "^"]
    return QueryError.of(key, details, where=f"{origin}:{line}:{col}", message=message)


def _prefix_before(lines: list[str], line: int | None, col: int | None) -> str | None:
    if not line or line > len(lines):
        return None
    match = re.search(r"([A-Za-z][\w-]*):[\w.-]*$", lines[line - 1][: max((col or 1) - 1, 0)])
    return match[1] if match else None


def _find_prefix(text: str, name: str) -> tuple[int, int] | None:
    for number, line in enumerate(text.split("\n"), 1):
        match = re.search(rf"(?<![\w:<?$]){re.escape(name)}:", line)
        if match and not line.lstrip().startswith("#"):
            return number, match.start() + 1
    return None
