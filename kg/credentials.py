"""Where kg finds the user and password for a SPARQL endpoint (`kg push --to`, `--store sparql:`), and how it
says which it tried. Never the command line, which other users of the machine see in the process list and the
shell keeps in its history: the user may be named in the URL, the password comes from $KG_PASSWORD, or both from
~/.netrc (another file with $NETRC), as curl, git and wget read it. Messages name the sources, never a value."""

from __future__ import annotations

import netrc
import os
import urllib.parse
import urllib.request
from dataclasses import dataclass

from kg.errors import KgError
from kg.text import Phrase

PASSWORD_ENV = "KG_PASSWORD"
NETRC_ENV = "NETRC"


@dataclass(frozen=True)
class Credentials:
    """A user and password for one endpoint, and the source they came from (for messages)."""

    user: str
    password: str
    source: str

    def __repr__(self) -> str:  # never the password, in a traceback or a log either
        return f"Credentials(user={self.user!r}, source={self.source!r})"


def split(url: str) -> tuple[str, str | None]:
    """The URL without its user part, and the user it names (None if none). A password in the URL is refused:
    it would show in the process list."""
    parts = urllib.parse.urlsplit(url)
    if parts.username is None:
        return url, None
    if parts.password is not None:
        host = parts.hostname or "HOST"
        raise KgError.of("credentials in url", url=shown(url), host=host, env=PASSWORD_ENV, netrc=netrc_name())
    host = parts.hostname or ""
    netloc = (f"[{host}]" if ":" in host else host) + (f":{parts.port}" if parts.port else "")
    return urllib.parse.urlunsplit(parts._replace(netloc=netloc)), urllib.parse.unquote(parts.username)


def shown(url: str) -> str:
    """The URL for messages: a user in it as USER:***, a password never."""
    parts = urllib.parse.urlsplit(url)
    if parts.username is None:
        return url
    netloc = parts.netloc.rsplit("@", 1)[1]
    return urllib.parse.urlunsplit(parts._replace(netloc=f"{parts.username}:***@{netloc}"))


def netrc_name() -> str:
    """The .netrc file kg reads, as messages name it."""
    return f"${NETRC_ENV} ({os.environ[NETRC_ENV]})" if os.environ.get(NETRC_ENV) else "~/.netrc"


def lookup(url: str) -> tuple[str, Credentials | None]:
    """The URL without its user part, and the credentials for it: the user the URL names with $KG_PASSWORD, or
    else the .netrc entry for its host (for that user, if the URL names one)."""
    plain, user = split(url)
    password = os.environ.get(PASSWORD_ENV)
    if user is not None and password:
        return plain, Credentials(user, password, f"${PASSWORD_ENV}")
    entry = _netrc_entry(urllib.parse.urlsplit(plain).hostname or "")
    if entry is not None and entry[1] is not None and (user is None or entry[0] == user):
        return plain, Credentials(entry[0], entry[1], netrc_name())
    return plain, None


def tried(url: str) -> Phrase:
    """For a 401 or 403: which credentials kg sent (by source, never the value) and how to give others."""
    try:
        _, found = lookup(url)
    except KgError:
        found = None
    host = urllib.parse.urlsplit(url).hostname or "HOST"
    sent = (Phrase("credentials sent", user=found.user, source=found.source) if found
            else Phrase("credentials none", host=host, env=PASSWORD_ENV, netrc=netrc_name()))
    return Phrase("credentials how", sent=sent, host=host, env=PASSWORD_ENV, netrc=netrc_name())


def handlers(url: str) -> tuple[str, list[urllib.request.BaseHandler]]:
    """The URL without its user part, and urllib handlers that answer a Basic or Digest challenge of the endpoint
    with the credentials lookup() finds, read only when the server asks (so nothing is sent unasked, and a
    .netrc kg does not need is not read)."""
    plain, _ = split(url)
    passwords = _OnChallenge(url)
    return plain, [_BasicAuth(passwords), urllib.request.HTTPDigestAuthHandler(passwords)]


class _BasicAuth(urllib.request.HTTPBasicAuthHandler):
    """urllib's Basic handler, which lets the server's 401 stand where it raises ValueError: a Digest challenge
    that the Digest handler (asked first) had no credentials for."""

    def http_error_401(self, req, fp, code, msg, headers):
        try:
            return super().http_error_401(req, fp, code, msg, headers)
        except ValueError:
            return None


class _OnChallenge(urllib.request.HTTPPasswordMgr):
    """urllib's password manager, asked only on a 401: the endpoint's credentials from lookup()."""

    def __init__(self, url: str):
        super().__init__()
        self._url = url

    def find_user_password(self, realm, authuri):
        _, found = lookup(self._url)
        return (found.user, found.password) if found else (None, None)


def _netrc_entry(host: str) -> tuple[str, str | None] | None:
    """(login, password) of the .netrc entry for the host (or its default entry); None without one, or without
    the file (~/.netrc; a file $NETRC names must exist)."""
    path = os.environ.get(NETRC_ENV) or None
    try:
        entries = netrc.netrc(path)  # None: ~/.netrc, which Python refuses if others may read it
    except FileNotFoundError:
        if path is None:
            return None
        raise KgError.of("netrc missing", path=str(path), env=NETRC_ENV) from None
    except OSError as exc:
        raise KgError.of("netrc unreadable", path=str(path or "~/.netrc"), reason=str(exc.strerror)) from None
    except netrc.NetrcParseError as exc:
        # its message may quote a token of the file, which may be a password: say only where and what is expected
        what = exc.msg if "permissions" in exc.msg or "owner" in exc.msg else Phrase("netrc not an entry")
        raise KgError.of("netrc bad", where=f"{exc.filename or path or '~/.netrc'}:{exc.lineno or 0}",
                         what=what) from None
    found = entries.authenticators(host)
    return None if found is None else (found[0], found[2])
