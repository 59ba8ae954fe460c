"""Where kg finds an endpoint's credentials (kg.credentials): $KG_PASSWORD with the user in the URL, or ~/.netrc
($NETRC), never the command line; messages name the sources, never a value. The real servers' challenges are
answered in tests/test_triplestores.py (Virtuoso's Digest) and tests/test_endpoints.py (Basic)."""

from __future__ import annotations

import re

import pytest

from kg import credentials
from kg.errors import KgError


@pytest.fixture(autouse=True)
def no_credentials(monkeypatch, tmp_path):
    monkeypatch.delenv("KG_PASSWORD", raising=False)
    monkeypatch.delenv("NETRC", raising=False)
    monkeypatch.setenv("HOME", str(tmp_path))  # no ~/.netrc but the test's own


def netrc(path, text):
    path.write_text(text)
    path.chmod(0o600)
    return path


def test_the_user_in_the_url_and_the_password_from_the_environment(monkeypatch):
    monkeypatch.setenv("KG_PASSWORD", "pw-env")
    plain, found = credentials.lookup("http://dba@example.org:8890/sparql-auth")
    assert plain == "http://example.org:8890/sparql-auth"
    assert (found.user, found.password, found.source) == ("dba", "pw-env", "$KG_PASSWORD")
    assert "pw-env" not in repr(found)


def test_the_password_alone_names_no_user(monkeypatch):
    monkeypatch.setenv("KG_PASSWORD", "pw-env")
    assert credentials.lookup("http://example.org/sparql") == ("http://example.org/sparql", None)


def test_home_netrc_gives_user_and_password_for_its_host(tmp_path):
    netrc(tmp_path / ".netrc", "machine example.org login kg password pw-netrc\nmachine other login x password y\n")
    _, found = credentials.lookup("http://example.org:7878/update")
    assert (found.user, found.password, found.source) == ("kg", "pw-netrc", "~/.netrc")
    _, named = credentials.lookup("http://kg@example.org/update")
    assert named == found
    assert credentials.lookup("http://someone-else@example.org/update")[1] is None  # another user's entry
    assert credentials.lookup("http://elsewhere.org/update")[1] is None


def test_the_environment_comes_before_netrc(tmp_path, monkeypatch):
    netrc(tmp_path / ".netrc", "machine example.org login kg password pw-netrc\n")
    monkeypatch.setenv("KG_PASSWORD", "pw-env")
    assert credentials.lookup("http://kg@example.org/update")[1].source == "$KG_PASSWORD"
    assert credentials.lookup("http://example.org/update")[1].source == "~/.netrc"  # no user in the URL


def test_netrc_names_another_file(tmp_path, monkeypatch):
    other = netrc(tmp_path / "elsewhere", "default login kg password pw-default\n")
    monkeypatch.setenv("NETRC", str(other))
    _, found = credentials.lookup("http://example.org/update")
    assert (found.user, found.password, found.source) == ("kg", "pw-default", f"$NETRC ({other})")
    monkeypatch.setenv("NETRC", str(tmp_path / "missing"))
    with pytest.raises(KgError, match="missing: no such file — \\$NETRC names it"):
        credentials.lookup("http://example.org/update")


def test_a_netrc_others_may_read_is_refused_by_name_not_by_content(tmp_path):
    path = netrc(tmp_path / ".netrc", "machine example.org login kg password pw-netrc\n")
    path.chmod(0o644)
    with pytest.raises(KgError, match="access too permissive") as refused:
        credentials.lookup("http://example.org/update")
    assert "pw-netrc" not in str(refused.value)


def test_a_broken_netrc_is_reported_with_its_line_and_no_token(tmp_path):
    netrc(tmp_path / ".netrc", "machine example.org login kg password pw-netrc\npw-stray-token\n")
    with pytest.raises(KgError) as refused:
        credentials.lookup("http://example.org/update")
    # (the line is Python's netrc's count, which has read past the newline after the stray token)
    assert re.match(re.escape(str(tmp_path / ".netrc")) + r":[23]: not a \.netrc entry — write entries as",
                    str(refused.value))
    assert "pw-" not in str(refused.value)


def test_a_password_in_the_url_is_refused_without_showing_it():
    with pytest.raises(KgError) as refused:
        credentials.lookup("http://kg:pw-url@example.org/update")
    message = str(refused.value)
    assert "pw-url" not in message
    assert message.startswith("http://kg:***@example.org/update: a password in the URL shows in the process list")
    assert "$KG_PASSWORD" in message and "~/.netrc" in message


def test_tried_names_the_sources_never_the_values(tmp_path, monkeypatch):
    assert credentials.tried("http://example.org/update").startswith(
        "kg had no credentials for example.org: none in $KG_PASSWORD (with the user in the URL) or in ~/.netrc — ")
    netrc(tmp_path / ".netrc", "machine example.org login kg password pw-netrc\n")
    said = credentials.tried("http://example.org/update")
    assert said.startswith("kg answered the challenge as user kg with the password from ~/.netrc — ")
    assert "pw-netrc" not in said
