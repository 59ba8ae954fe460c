"""Which web pages may read `kg serve`'s answers (CORS), and the public URL it names in its Service Description.

Off by default: a browser lets a page read answers from another origin only when the server says so, and an
endpoint on a developer's loopback should not say so to every page the developer visits. `--cors ORIGIN` names
the origins (scheme, host and port, as a browser sends them in `Origin`) whose pages may query it; `--cors '*'`
allows any page, with a warning. Behind a proxy, `--public-url` is the URL clients use.
"""

from __future__ import annotations

import re
import urllib.parse

from kg.errors import KgError
from kg.text import Phrase

#: What a preflight may ask for: the methods and request headers of the SPARQL 1.1 Protocol's query operation.
CORS_METHODS = ("GET", "HEAD", "POST", "OPTIONS")
CORS_HEADERS = ("Accept", "Content-Type")
_ORIGIN = re.compile(r"https?://(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9.-]+)(:[0-9]{1,5})?")
#: A Host header that may be named in a URL as is: a name or an address, and a port.
HOST_HEADER = re.compile(r"(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9.-]{1,253})(:[0-9]{1,5})?")

def check_origins(origins: tuple[str, ...] | list[str]) -> tuple[str, ...]:
    """The origins as given, each checked: `*` or scheme://host[:port] with nothing after it."""
    for origin in origins:
        if origin != "*" and not _ORIGIN.fullmatch(origin):
            raise KgError.of("cors not an origin", origin=repr(origin))
    return tuple(dict.fromkeys(origins))


def check_public_url(url: str) -> str:
    """An http(s) URL with a host and nothing that would break the Service Description's Turtle."""
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc or re.search(r"[\s<>\"{}|\\^`]", url) or \
            parts.fragment or parts.query:
        raise KgError.of("cors public url", url=repr(url))
    return url


def allowed(cors: tuple[str, ...], origin: str | None) -> str | None:
    """The Access-Control-Allow-Origin value for a request from this origin, or None (no permission)."""
    if not cors or not origin:
        return None
    if "*" in cors:
        return "*"
    return origin if origin in cors else None


def cors_headers(cors: tuple[str, ...], origin: str | None) -> dict[str, str]:
    """The CORS headers of an answer from /query (none when the origin is not allowed)."""
    headers = {"Vary": "Origin"} if cors and "*" not in cors else {}
    value = allowed(cors, origin)
    if value:
        headers["Access-Control-Allow-Origin"] = value
    return headers


def preflight_refusal(cors: tuple[str, ...], origin: str | None, method: str | None,
                      request_headers: str | None) -> Phrase | None:
    """Why a preflight is refused (the message of a 403, in English as a str, in the request's language by its
    .text()), or None when it is granted. An OPTIONS that is not a
    preflight (no Access-Control-Request-Method) is never refused."""
    if not method:
        return None
    if not allowed(cors, origin):
        who = origin or "ORIGIN"
        return Phrase("cors origin refused", origin=who)
    if method.upper() not in CORS_METHODS:
        return Phrase("cors method refused", method=method)
    asked = {h.strip().lower() for h in (request_headers or "").split(",") if h.strip()}
    extra = sorted(asked - {h.lower() for h in CORS_HEADERS})
    if extra:
        return Phrase("cors headers refused", headers=", ".join(extra))
    return None
