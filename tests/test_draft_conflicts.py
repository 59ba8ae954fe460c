"""A drafted figure that disagrees with a known fact is shown before anything is built, with the verdict
kg conflicts gives the same two claims (kg.conflicts.judge, not a second copy of its rules)."""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from conftest import ARTICLES, SEEDS

from kg import api
from kg.cli import main
from kg.draft.run import draft


@pytest.fixture(scope="module")
def news1():
    """News1 drafted as a new article: its 210,000 private-sector GPUs against Newsis's 200,000."""
    return draft(ARTICLES / "002_32c7a72606f41fa3.txt", SEEDS, "news1-20251031", write=False)


def test_contradiction_is_shown_in_the_terminal_and_the_draft_file(news1):
    done = CliRunner().invoke(main, ["draft", str(ARTICLES / "002_32c7a72606f41fa3.txt"), "--source",
                                     "news1-20251031", "--dry-run", "--seeds", str(SEEDS)])
    assert done.exit_code == 0, done.output
    assert ("! CONTRADICTION with alloc-private-200k-newsis: 200,000 and 210,000 as stated cannot both hold"
            in done.output)
    assert "# contradiction with alloc-private-200k-newsis:" in news1.text
    ko = CliRunner().invoke(main, ["draft", str(ARTICLES / "002_32c7a72606f41fa3.txt"), "--source",
                                   "news1-20251031", "--dry-run", "--lang", "ko", "--seeds", str(SEEDS)])
    assert "! 모순 대상: alloc-private-200k-newsis" in ko.output and "쓴 파일 없음" in ko.output


def test_the_draft_verdicts_are_kg_conflicts_verdicts(news1):
    """Every verdict the draft gives, on a pair of claims the graph also holds, is the one kg conflicts gives."""
    report = api.find_conflicts(api.open_graph(SEEDS), "en")
    graph_verdicts = {}
    for finding in report.findings:
        facts = [f for v in finding.values for f in v.facts]
        for a in facts:
            for b in facts:
                graph_verdicts[(a, b)] = finding.verdict
    by_draft = {}
    for compared in news1.compared:
        own = next((fid for fid, f in [("alloc-private-210k-news1", 210000), ("alloc-public-50k-about", 50000)]
                    if compared.proposal.value == f and not compared.cite), None)
        for known, finding in compared.findings:
            if own:
                by_draft[(own, known)] = finding.verdict
    assert by_draft[("alloc-private-210k-news1", "alloc-private-200k-newsis")] == "contradiction"
    checked = [pair for pair in by_draft if pair in graph_verdicts]
    assert checked and all(by_draft[pair] == graph_verdicts[pair] for pair in checked)


def test_a_restated_fact_becomes_a_cite(news1):
    cites = {c.cite for c in news1.compared if c.cite}
    assert cites == {"alloc-total-260k-exact", "alloc-total-260k-atleast"}
    assert "  - cite: alloc-total-260k-exact\n    para: [1, 9]\n" in news1.text
