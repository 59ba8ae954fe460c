"""kg path / kg neighbors filters (issue 15, "paths and filters an analyst asks for"): --avoid, --status,
--since/--until (kg/linkfilter.py), checked against the network's edges read directly."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from kg import api
from kg.cli import main
from kg.errors import KgError
from kg.linkfilter import LinkFilter


@pytest.fixture(scope="module")
def G():
    return api.partnership_network("seeds")


def run(*args: str):
    return CliRunner().invoke(main, list(args))


def partners(G, node, keep) -> set[str]:
    """node's partners over the edges `keep(edge data)` accepts: the expected answer, computed without the filter."""
    return {v for _, v, d in G.edges(node, data=True) if keep(d)}


def listed(stdout: str) -> set[str]:
    """The partner ids `kg neighbors` lists (lines '  Label (id, Class): n relations')."""
    return {line.split("(")[-1].split(",")[0] for line in stdout.splitlines()
            if line.startswith("  ") and not line.startswith("   ") and "relation" in line and "(" in line
            and not line.startswith("  (")}


def test_status_keeps_only_those_statuses(G):
    expected = partners(G, "nvidia", lambda d: d.get("status") in ("signed", "agreed"))
    assert expected and expected != partners(G, "nvidia", lambda d: True)
    result = run("neighbors", "nvidia", "--status", "signed,agreed")
    assert result.exit_code == 0, result.output
    assert listed(result.stdout) == expected
    assert result.stdout.splitlines()[1] == "  (only links of status signed or agreed; drop --status for all)"
    ko = run("neighbors", "nvidia", "--status", "signed,agreed", "--lang", "ko")
    assert ko.stdout.splitlines()[1] == "  (조건: 상태가 체결·합의인 관계만; 빼려면 --status)"


def test_a_date_is_the_agreement_date_else_the_first_report(G):
    sources = G.graph["sources"]

    def first(d):
        return d.get("date") or min(sources[s["id"]]["date"] for s in d["sources"])

    after = partners(G, "nvidia", lambda d: first(d) >= "2025-11")
    assert after and "naver" not in after  # the Naver MOU is dated 2025-10-31
    result = run("neighbors", "nvidia", "--since", "2025-11")
    assert result.exit_code == 0, result.output
    assert listed(result.stdout) == after
    upto = run("neighbors", "nvidia", "--until", "2025-10-31")
    assert listed(upto.stdout) == partners(G, "nvidia", lambda d: first(d) <= "2025-10-31")
    both = run("neighbors", "nvidia", "--since", "2025-10", "--until", "2025-10")
    assert listed(both.stdout) == partners(G, "nvidia", lambda d: first(d)[:7] == "2025-10")
    assert both.stdout.splitlines()[1] == "  (only links dated 2025-10 to 2025-10; drop --since / --until for all)"


def test_no_partner_left_says_which_options_to_drop():
    result = run("neighbors", "kisti", "--status", "signed")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == ("Korea Institute of Science and Technology Information (kisti) has no partner with these "
                             "filters (of status signed) — drop --status to see the others\n")
    ko = run("neighbors", "kisti", "--status", "signed", "--lang", "ko")
    assert ko.stderr == ("한국과학기술정보연구원(kisti)에는 상태가 체결인 관계의 파트너가 없습니다 — "
                         "--status 옵션을 빼면 다른 파트너를 찾습니다\n")


def test_path_with_date_and_status(G):
    result = run("path", "msit", "naver", "--avoid", "nvidia", "--status", "signed,agreed")
    assert result.exit_code == 1
    assert result.stderr == ("No chain of partnerships avoiding NVIDIA and of status signed or agreed connects "
                             "Ministry of Science and ICT and Naver — drop --avoid / --status to see the other "
                             "chains\n")
    ko = run("path", "msit", "naver", "--since", "2025-11", "--lang", "ko")
    assert ko.exit_code == 1
    assert ko.stderr == ("과학기술정보통신부와 네이버를 잇는 2025-11 이후 날짜인 파트너십 경로가 없습니다 — "
                         "--since 옵션을 빼면 다른 경로를 찾습니다\n")
    plain = run("path", "msit", "Naver Cloud")
    assert plain.stdout.splitlines()[2] == ("1. Ministry of Science and ICT —[MOU]— NVIDIA —[MOU, GPU allocation]— "
                                            "Naver Cloud")
    kept = run("path", "msit", "Naver Cloud", "--until", "2025-10-31", "--status", "signed")
    assert kept.exit_code == 0, kept.output
    assert kept.stdout.splitlines()[1:4] == [
        "  (only links of status signed, dated 2025-10-31 or earlier; drop --status / --until for all)", "",
        "1. Ministry of Science and ICT —[MOU]— NVIDIA —[MOU]— Naver Cloud"]


@pytest.mark.parametrize("args,en,ko", [
    (("--status", "sigend"), "--status: unknown status sigend (did you mean signed?) — choose from: discussed, "
     "in-negotiation, concluded, agreed, signed, planned, ongoing",   # their lifecycle (tests/test_status_order.py)
     "--status: 알 수 없는 상태 sigend (signed을(를) 뜻했나요?) — 다음 중에서 고르세요: discussed, in-negotiation, "
     "concluded, agreed, signed, planned, ongoing"),
    (("--since", "2025-13"), "--since '2025-13' is not a date — write one such as 2025, 2025-11 or 2025-11-01",
     "--since '2025-13': 날짜가 아닙니다 — 2025, 2025-11, 2025-11-01처럼 쓰세요"),
    (("--since", "2025-11", "--until", "2025-10-31"), "--since 2025-11 is after --until 2025-10-31 — swap the two "
     "dates", "--since 2025-11가 --until 2025-10-31보다 뒤입니다 — 두 날짜를 바꾸세요"),
])
def test_bad_filter_values(args, en, ko):
    for lang, message in (("en", en), ("ko", ko)):
        result = run("path", "msit", "naver", *args, "--lang", lang)
        assert result.exit_code == 1
        assert result.stderr == message + "\n"
        assert run("neighbors", "msit", *args, "--lang", lang).stderr == message + "\n"


def test_filter_is_one_value_for_both_commands(G):
    flt = LinkFilter.parse(["nvidia"], "signed", None, "2025-10-31", signed_only=True)
    assert flt == LinkFilter(("nvidia",), ("signed",), None, "2025-10-31")
    assert not LinkFilter() and flt
    H, removed = flt.apply(G, keep=("naver",))
    assert removed == ["nvidia"]
    assert all(d["status"] == "signed" for _, _, d in H.edges(data=True))
    assert H.number_of_edges() == sum(1 for u, v, d in G.edges(data=True)
                                      if "nvidia" not in (u, v) and d.get("status") == "signed")
    with pytest.raises(KgError, match="an end of the path"):
        flt.apply(G, keep=("nvidia",))
