"""The measure of kg draft (issue 14): leave-one-out on the five seed articles.

Each article is drafted as a new source would be; kg draft never reads the article's own fact file (the file
the draft replaces), so every run sees only the other four sources' facts. The draft is then scored against the
curated GPU allocations, GPU targets and investments of that source (its own facts and its cites of others'),
each as (recipient / setter / investors, figure, qualifier, paragraph):

- recall: a curated fact is found when some proposal has its party, figure and qualifier (and year, for a
  target) at one of the paragraphs the curator cites; investors match when the proposal names some of the
  curated investors and no other;
- precision: each (proposal, paragraph) pair is right when a curated fact of the source matches it there.

MOUs and joint ventures (the agreement types a sentence names outright) are scored the same way, as (parties,
type, paragraph) with the parties as a set, against lower floors: they are an addition to what the issue measures.

Run with -s to see the figures per article.
"""

from __future__ import annotations

import shutil

import pytest
import yaml
from conftest import ARTICLES, SEEDS

from kg.draft.known import FIGURE, PARTIES
from kg.draft.run import draft

KINDS = tuple(FIGURE)                      # GPU allocations, GPU targets, investments
AGREEMENTS = ("mou", "joint-venture")
RECALL, PRECISION = 0.90, 0.70
AGREEMENT_RECALL, AGREEMENT_PRECISION = 0.75, 0.60


def _paras(value) -> set[int]:
    return set(value) if isinstance(value, list) else {value}


def _curated(source: str, agreements: bool = False) -> list[dict]:
    """The source's curated facts of the measured kinds (cites resolved to the facts they cite)."""
    every = {}
    for path in (SEEDS / "facts").glob("*.yaml"):
        for entry in yaml.safe_load(path.read_text(encoding="utf-8"))["facts"]:
            if "id" in entry:
                every[entry["id"]] = entry
    own = yaml.safe_load((SEEDS / "facts" / f"{source}.yaml").read_text(encoding="utf-8"))["facts"]
    out = []
    for entry in own:
        fact = every[entry["cite"]] if "cite" in entry else entry
        is_agreement = fact.get("kind") == "agreement" and fact.get("type") in AGREEMENTS
        with_figure = fact.get("kind") in KINDS and isinstance(fact.get(FIGURE[fact["kind"]]), int)
        if (is_agreement if agreements else with_figure):
            out.append({**fact, "para": _paras(entry["para"])})
    return out


def _matches(proposal, para: int, fact: dict) -> bool:
    kind = fact["kind"]
    if kind == "agreement":
        return (proposal.kind == kind and para in fact["para"] and proposal.type == fact["type"]
                and set(proposal.parties) == set(fact["parties"]))
    if proposal.kind != kind or para not in fact["para"] or proposal.value != fact[FIGURE[kind]]:
        return False
    if proposal.qualifier != fact.get("qualifier", "stated") or proposal.currency != fact.get("currency"):
        return False
    if kind == "gpu-target" and proposal.by_year != fact["by_year"]:
        return False
    parties = fact[PARTIES[kind]]
    wanted = set(parties) if isinstance(parties, list) else {parties}
    return bool(proposal.parties) and set(proposal.parties) <= wanted and (kind == "investment" or
                                                                           set(proposal.parties) == wanted)


def _score(done, source: str, agreements: bool) -> tuple[int, int, int, int]:
    """(curated facts, found, proposal-paragraph pairs, right pairs) for one article."""
    curated = _curated(source, agreements)
    pairs = [(c.proposal, para) for c in done.compared for para in c.proposal.paras
             if (c.proposal.kind == "agreement") == agreements]
    found = sum(1 for fact in curated if any(_matches(p, para, fact) for p, para in pairs))
    right = sum(1 for p, para in pairs if any(_matches(p, para, fact) for fact in curated))
    return len(curated), found, len(pairs), right


@pytest.fixture(scope="module")
def drafts() -> dict:
    sources = yaml.safe_load((SEEDS / "sources.yaml").read_text(encoding="utf-8"))["sources"]
    return {s["id"]: draft(ARTICLES / s["file"], SEEDS, s["id"], write=False) for s in sources}


def _table(scores: dict[str, tuple[int, int, int, int]]) -> tuple[float, float, str]:
    lines = [f"{'source':<20} {'curated':>7} {'found':>5} {'recall':>7} {'proposed':>8} {'right':>5} {'precision':>9}"]
    for source, (curated, found, proposed, right) in scores.items():
        recall = f"{found / curated:.0%}" if curated else "-"
        precision = f"{right / proposed:.0%}" if proposed else "-"
        lines.append(f"{source:<20} {curated:>7} {found:>5} {recall:>7} {proposed:>8} {right:>5} {precision:>9}")
    curated, found, proposed, right = (sum(v[i] for v in scores.values()) for i in range(4))
    recall, precision = found / curated, right / proposed
    lines.append(f"{'all':<20} {curated:>7} {found:>5} {recall:>7.0%} {proposed:>8} {right:>5} {precision:>9.0%}")
    return recall, precision, "\n".join(lines)


def test_leave_one_out_recall_and_precision(drafts):
    scores = {source: _score(done, source, False) for source, done in drafts.items()}
    recall, precision, table = _table(scores)
    print("\nGPU allocations, GPU targets, investments\n" + table)
    assert sum(v[0] for v in scores.values()) >= 20    # the measure has something to measure
    assert recall >= RECALL, table
    assert precision >= PRECISION, table


def test_leave_one_out_mous_and_joint_ventures(drafts):
    scores = {source: _score(done, source, True) for source, done in drafts.items()}
    recall, precision, table = _table(scores)
    print("\nMOUs and joint ventures\n" + table)
    assert recall >= AGREEMENT_RECALL, table
    assert precision >= AGREEMENT_PRECISION, table


def test_the_draft_never_reads_the_articles_own_facts(tmp_path):
    """Leave-one-out by construction: a draft sees the same known facts whatever the source's own file holds."""
    source = "news1-20251031"
    before = draft(ARTICLES / "002_32c7a72606f41fa3.txt", SEEDS, source, write=False)
    copy = tmp_path / "seeds"
    shutil.copytree(SEEDS, copy)
    (copy / "sources.yaml").write_text((SEEDS / "sources.yaml").read_text(encoding="utf-8").replace(
        "texts: ../../shared/seeds", f"texts: {ARTICLES}"), encoding="utf-8")
    (copy / "facts" / f"{source}.yaml").write_text(f"source: {source}\nfacts: []\n", encoding="utf-8")
    after = draft(ARTICLES / "002_32c7a72606f41fa3.txt", copy, source, write=False)
    assert before.text == after.text
    assert [c.cite for c in before.compared] == [c.cite for c in after.compared]
