"""The measure of kg draft (issue 14): leave-one-out on the five seed articles.

Each article is drafted as a new source would be; kg draft never reads the article's own fact file (the file
the draft replaces), so every run sees only the other four sources' facts. The draft is then scored against the
curated GPU allocations, GPU targets and investments of that source (its own facts and its cites of others'),
each as (recipient / setter / investors, figure, qualifier, paragraph):

- recall: a curated fact is found when some proposal has its party, figure and qualifier (and year, for a
  target) at one of the paragraphs the curator cites; investors match when the proposal names some of the
  curated investors and no other;
- precision: each (proposal, paragraph) pair is right when a curated fact of the source matches it there.

Run with -s to see the figures per article.
"""

from __future__ import annotations

import shutil

import pytest
import yaml
from conftest import ARTICLES, SEEDS

from kg.draft.known import FIGURE, PARTIES
from kg.draft.run import draft

KINDS = tuple(PARTIES)
RECALL, PRECISION = 0.90, 0.70


def _paras(value) -> set[int]:
    return set(value) if isinstance(value, list) else {value}


def _curated(source: str) -> list[dict]:
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
        if fact.get("kind") in KINDS and isinstance(fact.get(FIGURE[fact["kind"]]), int):
            out.append({**fact, "para": _paras(entry["para"])})
    return out


def _matches(proposal, para: int, fact: dict) -> bool:
    kind = fact["kind"]
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


def _score(source: dict) -> tuple[int, int, int, int]:
    """(curated facts, found, proposal-paragraph pairs, right pairs) for one article."""
    done = draft(ARTICLES / source["file"], SEEDS, source["id"], write=False)
    curated = _curated(source["id"])
    pairs = [(c.proposal, para) for c in done.compared for para in c.proposal.paras]
    found = sum(1 for fact in curated if any(_matches(p, para, fact) for p, para in pairs))
    right = sum(1 for p, para in pairs if any(_matches(p, para, fact) for fact in curated))
    return len(curated), found, len(pairs), right


@pytest.fixture(scope="module")
def scores() -> dict[str, tuple[int, int, int, int]]:
    sources = yaml.safe_load((SEEDS / "sources.yaml").read_text(encoding="utf-8"))["sources"]
    return {s["id"]: _score(s) for s in sources}


def test_leave_one_out_recall_and_precision(scores):
    lines = [f"{'source':<20} {'curated':>7} {'found':>5} {'recall':>7} {'proposed':>8} {'right':>5} {'precision':>9}"]
    for source, (curated, found, proposed, right) in scores.items():
        lines.append(f"{source:<20} {curated:>7} {found:>5} {found / curated:>7.0%} {proposed:>8} {right:>5} "
                     f"{right / proposed if proposed else 0:>9.0%}")
    curated, found, proposed, right = (sum(v[i] for v in scores.values()) for i in range(4))
    recall, precision = found / curated, right / proposed
    lines.append(f"{'all':<20} {curated:>7} {found:>5} {recall:>7.0%} {proposed:>8} {right:>5} {precision:>9.0%}")
    print("\n" + "\n".join(lines))
    assert curated >= 20    # the measure has something to measure
    assert recall >= RECALL, "\n".join(lines)
    assert precision >= PRECISION, "\n".join(lines)


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
