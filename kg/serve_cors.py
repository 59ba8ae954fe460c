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

#: What a preflight may ask for: the methods and request headers of the SPARQL 1.1 Protocol's query operation.
CORS_METHODS = ("GET", "HEAD", "POST", "OPTIONS")
CORS_HEADERS = ("Accept", "Content-Type")
_ORIGIN = re.compile(r"https?://(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9.-]+)(:[0-9]{1,5})?")
#: A Host header that may be named in a URL as is: a name or an address, and a port.
HOST_HEADER = re.compile(r"(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9.-]{1,253})(:[0-9]{1,5})?")

ANY_ORIGIN_WARNING = ("warning: --cors '*' lets every web page a visitor of this machine opens read the endpoint's "
                      "answers — name the origins instead (--cors https://yasgui.example.org) unless the data is "
                      "public / 경고: --cors '*'는 어떤 웹 페이지든 이 엔드포인트의 응답을 읽게 합니다 — 공개 데이터가 "
                      "아니라면 출처를 지정하세요 (--cors https://yasgui.example.org)")


def check_origins(origins: tuple[str, ...] | list[str]) -> tuple[str, ...]:
    """The origins as given, each checked: `*` or scheme://host[:port] with nothing after it."""
    for origin in origins:
        if origin != "*" and not _ORIGIN.fullmatch(origin):
            raise KgError(f"--cors {origin!r}: not an origin — give scheme, host and port as a browser sends them "
                          f"(http://localhost:3000, https://yasgui.example.org, no path or slash at the end), or "
                          f"'*' for any page / 출처 형식이 아닙니다 — 브라우저가 보내는 형식(스킴, 호스트, 포트, 끝에 "
                          f"경로나 슬래시 없이)으로 쓰거나 모든 페이지를 허용하려면 '*'를 쓰세요")
    return tuple(dict.fromkeys(origins))


def check_public_url(url: str) -> str:
    """An http(s) URL with a host and nothing that would break the Service Description's Turtle."""
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc or re.search(r"[\s<>\"{}|\\^`]", url) or \
            parts.fragment or parts.query:
        raise KgError(f"--public-url {url!r}: give the endpoint's URL as clients reach it, such as "
                      "https://sparql.example.org/kg/query (http or https, no query or fragment) / 클라이언트가 "
                      "접속하는 엔드포인트 URL을 쓰세요 (예: https://sparql.example.org/kg/query)")
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
                      request_headers: str | None) -> str | None:
    """Why a preflight is refused (the message of a 403), or None when it is granted. An OPTIONS that is not a
    preflight (no Access-Control-Request-Method) is never refused."""
    if not method:
        return None
    if not allowed(cors, origin):
        who = origin or "ORIGIN"
        return (f"pages on {who} may not query this endpoint — start kg serve with --cors {who} to allow them / "
                f"{who}의 페이지는 이 엔드포인트에 질의할 수 없습니다 — 허용하려면 kg serve를 --cors {who} 옵션으로 "
                f"시작하세요")
    if method.upper() not in CORS_METHODS:
        return (f"{method} is not a method of this read-only endpoint — use GET or POST / 이 읽기 전용 엔드포인트는 "
                f"{method} 요청을 받지 않습니다 — GET이나 POST를 쓰세요")
    asked = {h.strip().lower() for h in (request_headers or "").split(",") if h.strip()}
    extra = sorted(asked - {h.lower() for h in CORS_HEADERS})
    if extra:
        return (f"request headers not allowed: {', '.join(extra)} — send only Accept and Content-Type / 허용되지 "
                f"않는 요청 헤더: {', '.join(extra)} — Accept와 Content-Type만 보내세요")
    return None
