"""What a query text may be before any engine parses it: its size and how deep its brackets nest. Oxigraph's parser
and planner and rdflib's parser recurse, so a deeper or larger text is refused here with a message instead of
crashing a worker (kg.sandbox runs the engine on a big stack; these limits keep within it)."""

from __future__ import annotations

import functools
import re

from kg.errors import QueryError

#: Brackets a query may nest ((, [, {): deeper queries are refused before any parser sees them.
MAX_NESTING = 100
#: Bytes of query text accepted from a user (the named queries are under 10 KiB).
MAX_QUERY_BYTES = 256 * 1024

# Strings, IRIs and comments, whose brackets do not nest (the first alternative that matches wins).
_OPAQUE = re.compile(r'"""[\s\S]*?"""|\'\'\'[\s\S]*?\'\'\'|"(?:[^"\\\n\r]|\\.)*"|\'(?:[^\'\\\n\r]|\\.)*\''
                     r'|<[^<>\x00-\x20"{}|^`\\]*>|#[^\n\r]*')
_OPAQUE_BUT_IRIS = re.compile(_OPAQUE.pattern.replace(r'|<[^<>\x00-\x20"{}|^`\\]*>', ""))
_OPEN, _CLOSE = "([{", ")]}"


@functools.lru_cache(maxsize=32)
def nesting_depth(text: str) -> int:
    """How deep the brackets of a query nest, outside strings, IRIs and comments. Also measured with IRIs
    read as code (a `<` may be a comparison), and the larger of the two counts. Kept for the last texts: a
    named query is checked each time it runs."""
    def depth(masked: str) -> int:
        level = deepest = 0
        for char in masked:
            if char in _OPEN:
                level += 1
                deepest = max(deepest, level)
            elif char in _CLOSE:
                level = max(level - 1, 0)
        return deepest

    return max(depth(_OPAQUE.sub(" ", text)), depth(_OPAQUE_BUT_IRIS.sub(" ", text)))


def check_shape(text: str, origin: str) -> None:
    """Refuse a query too large or too deeply nested for the engines to parse safely (QueryError)."""
    size = len(text.encode("utf-8", "surrogatepass"))
    if size > MAX_QUERY_BYTES:
        raise QueryError.of("query too big", origin=origin, size=f"{size:,}", limit=f"{MAX_QUERY_BYTES:,}")
    deepest = nesting_depth(text)
    if deepest > MAX_NESTING:
        raise QueryError.of("query too nested", origin=origin, depth=deepest, limit=MAX_NESTING)
