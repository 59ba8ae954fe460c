"""kg draft on articles written for these tests (tests/fixtures/draft/, invented companies, news-report style):
every Korean and English numeral and hedge form, "each" distributions, targets with a year, investments with a
conversion; the proposals are pinned here by hand. Then the whole command on a copy of the seeds: a saved page
becomes a registered source, a text file and a draft that kg build refuses until it is reviewed."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from conftest import ARTICLES, SEEDS

from kg.cli import main
from kg.draft.article import read_article
from kg.draft.mentions import Registry, entities_of
from kg.draft.proposals import propose

HERE = Path(__file__).parent / "fixtures" / "draft"
A, T, INV, AGR = "gpu-allocation", "gpu-target", "investment", "agreement"

#: file -> proposals as (kind, parties, value, qualifier, paras, by_year, currency, conversion)
EXPECTED = {
    "ko-article.txt": [
        (A, ("republic-of-korea",), 260000, "stated", [1, 3], None, None, None),        # 26만장, 26만 장
        (A, ("korea-public-sector",), 50000, "about", [3], None, None, None),           # 약 5만 장 … 공공 부문에
        (A, ("haeoreum-electronics",), 50000, "stated", [4], None, None, None),         # 각각 5만장
        (A, ("badabit-cloud",), 50000, "stated", [4], None, None, None),
        (A, ("nuri-telecom",), 50000, "stated", [4], None, None, None),
        (T, ("korea-government",), 15000, "at-least", [5], 2028, None, None),           # 2028년 … 1만 5000장 이상
        (INV, ("haeoreum-electronics", "hanbit-semi"), 3000000000, "stated", [6], None, "USD",
         (4000000000000, "KRW", "about")),                                               # 30억달러(약 4조원)
        (A, ("badabit-cloud",), 50000, "up-to", [7], None, None, None),                 # 최대 5만개
        (A, ("nuri-telecom",), 20000, "more-than", [8], None, None, None),              # 2만 장을 넘는
        (INV, ("korea-government",), 14000000000000, "stated", [9], None, "KRW", None),   # 14조 원
        (AGR, ("badabit-cloud", "nuri-telecom"), 0, "stated", [10], None, None, None),     # 합작
    ],
    "en-article.txt": [
        (A, ("republic-of-korea",), 260000, "stated", [1], None, None, None),           # 260,000 GPUs to South Korea
        (A, ("republic-of-korea",), 260000, "at-least", [3], None, None, None),
        (A, ("haeoreum-electronics",), 50000, "stated", [4], None, None, None),         # 50,000 each
        (A, ("badabit-cloud",), 50000, "stated", [4], None, None, None),
        (A, ("nuri-telecom",), 50000, "stated", [4], None, None, None),
        (A, ("korea-public-sector",), 50000, "up-to", [4], None, None, None),
        (A, ("badabit-cloud",), 30000, "about", [5], None, None, None),                 # around
        (T, ("korea-government",), 15000, "more-than", [6], 2028, None, None),          # more than … by 2028
        (INV, ("haeoreum-electronics", "hanbit-semi"), 3000000000, "stated", [7], None, "USD",
         (4000000000000, "KRW", "about")),                                               # $3 billion (approximately …)
        (A, ("nuri-telecom",), 20000, "more-than", [8], None, None, None),              # over
        (INV, ("korea-government",), 14000000000000, "stated", [9], None, "KRW", None),   # 14 trillion won
        (AGR, ("badabit-cloud", "nuri-telecom"), 0, "stated", [10], None, None, None),     # memorandum of …
    ],
    "saved-page.html": [
        (A, ("badabit-cloud",), 30000, "stated", [1, 2], None, None, None),
        (INV, ("haeoreum-electronics", "badabit-cloud"), 2000000000000, "about", [3], None, "KRW", None),  # 두 회사
        (A, ("badabit-cloud",), 10000, "up-to", [4], None, None, None),
    ],
}


@pytest.fixture(scope="module")
def registry() -> Registry:
    return Registry(entities_of(yaml.safe_load((HERE / "entities.yaml").read_text(encoding="utf-8"))))


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_fixture_articles(registry, name):
    article = read_article(HERE / name)
    found = propose(article.paragraphs, registry, "en" if name.startswith("en") else "ko", 2025)
    assert [(p.kind, p.parties, p.value, p.qualifier, p.paras, p.by_year, p.currency, p.conversion)
            for p in found] == EXPECTED[name]
    assert [p.type for p in found if p.kind == AGR] == {"ko-article.txt": ["joint-venture"],
                                                         "en-article.txt": ["mou"]}.get(name, [])
    supplier = {"saved-page.html": "haeoreum-electronics"}.get(name, "hanbit-semi")
    assert {p.supplier for p in found if p.kind == A} == {supplier}
    for p in found:   # the evidence points at the figure (its digits) or at the agreement's word
        para, start, end = p.evidence[0]
        pointed = article.paragraphs[para - 1][start:end]
        assert para == p.paras[0] and (pointed in ("합작", "memorandum of understanding") if p.kind == AGR
                                       else any(ch.isdigit() for ch in pointed))


@pytest.fixture
def seeds(tmp_path) -> Path:
    """A copy of the seeds whose registry also holds the fixtures' invented companies, with its own texts."""
    copy = tmp_path / "seeds"
    shutil.copytree(SEEDS, copy)
    texts = tmp_path / "texts"
    shutil.copytree(ARTICLES, texts)
    sources = (copy / "sources.yaml").read_text(encoding="utf-8")
    (copy / "sources.yaml").write_text(sources.replace("texts: ../../shared/seeds", "texts: ../texts"),
                                       encoding="utf-8")
    invented = [e for e in yaml.safe_load((HERE / "entities.yaml").read_text(encoding="utf-8"))["entities"]
                if e["type"] == "Company"]
    block = yaml.safe_dump(invented, allow_unicode=True, sort_keys=False)
    with (copy / "entities.yaml").open("a", encoding="utf-8") as fh:
        fh.write("\n" + "".join("  " + line for line in block.splitlines(keepends=True)))
    return copy


def test_draft_a_saved_page_then_review_it(seeds):
    runner = CliRunner()
    done = runner.invoke(main, ["draft", str(HERE / "saved-page.html"), "--source", "garam-20251104",
                                "--seeds", str(seeds)])
    assert done.exit_code == 0, done.output
    assert "3 proposals; written to" in done.output and "»3만장«" in done.output
    registered = yaml.safe_load((seeds / "sources.yaml").read_text(encoding="utf-8"))["sources"][-1]
    assert registered["url"] == "https://news.garam.example/articles/2025/11/04/gpu-supply"
    assert str(registered["date"]) == "2025-11-04" and registered["file"] == "garam-20251104.txt"
    text = (seeds.parent / "texts" / "garam-20251104.txt").read_text(encoding="utf-8")
    assert text == read_article(HERE / "saved-page.html").text
    draft_file = seeds / "facts" / "garam-20251104.yaml"
    built = runner.invoke(main, ["build", "--seeds", str(seeds), "-o", str(seeds.parent / "g.nq"), "--no-validate"])
    assert built.exit_code == 2
    lines = draft_file.read_text(encoding="utf-8").splitlines()
    review_lines = [i + 1 for i, line in enumerate(lines) if line.strip().startswith("review:")]
    assert len(review_lines) == 3
    for n in review_lines:
        assert f"{draft_file}:{n}: fact '" in built.output and "is a draft" in built.output
    assert "check it against paragraph 1, 2" in built.output and "remove 'review'" in built.output
    # the curator reviews: writes the notes and removes the marks; then the source builds
    reviewed = [line.replace('note: ""', "note: checked against the article") for line in lines
                if not line.strip().startswith("review:")]
    draft_file.write_text("\n".join(reviewed) + "\n", encoding="utf-8")
    rebuilt = runner.invoke(main, ["build", "--seeds", str(seeds), "-o", str(seeds.parent / "g.nq"), "--no-validate"])
    assert rebuilt.exit_code == 0, rebuilt.output
    again = runner.invoke(main, ["draft", str(HERE / "saved-page.html"), "--source", "garam-20251104",
                                 "--seeds", str(seeds)])
    assert again.exit_code == 1 and "holds reviewed facts" in again.output  # curated facts are never overwritten


def test_drafting_again_gives_the_same_file(seeds):
    """A second draft replaces the first one word for word (its own ids do not count as taken)."""
    runner = CliRunner()
    args = ["draft", str(HERE / "saved-page.html"), "--source", "garam-20251104", "--seeds", str(seeds)]
    assert runner.invoke(main, args).exit_code == 0
    first = (seeds / "facts" / "garam-20251104.yaml").read_text(encoding="utf-8")
    again = runner.invoke(main, args)
    assert again.exit_code == 0, again.output
    assert (seeds / "facts" / "garam-20251104.yaml").read_text(encoding="utf-8") == first
    assert "id: alloc-badabit-cloud-30000-garam-20251104\n" in first


def test_a_cite_still_marked_for_review_is_refused(seeds):
    facts = seeds / "facts" / "asiae-20251103.yaml"
    text = facts.read_text(encoding="utf-8")
    cite = "  - cite: alloc-total-260k-exact\n"
    marked = text.replace(cite, cite + "    review: check\n", 1)
    assert marked != text
    facts.write_text(marked, encoding="utf-8")
    line = marked.splitlines().index("    review: check") + 1
    built = CliRunner().invoke(main, ["build", "--seeds", str(seeds), "-o", str(seeds.parent / "g.nq"),
                                      "--no-validate"])
    assert built.exit_code == 2
    assert f"{facts}:{line}: cite of 'alloc-total-260k-exact' is a draft — check it against paragraph" in built.output


@pytest.mark.parametrize(("name", "expected"), [
    ("ko-article.txt", [("한빛반도체", "Company", [1, 3, 6, 7]), ("해오름전자", "Company", [4, 6]),
                        ("바다빛클라우드", "Company", [4, 7, 10]), ("누리통신", "Company", [4, 8, 10])]),
    ("en-article.txt", [("Hanbit Semiconductor", "Company", [3]), ("Haeoreum Electronics", "Company", [4]),
                        ("Badabit Cloud", "Company", [4, 5, 10]), ("Nuri Telecom", "Company", [4, 8, 10])]),
])
def test_unknown_organisations_become_stubs(name, expected, registry):
    from kg.draft.stubs import find_stubs

    article = read_article(HERE / name)
    assert [(s.name, s.type, s.paras) for s in find_stubs(article.paragraphs, Registry([]))] == expected
    assert find_stubs(article.paragraphs, registry) == []     # all known: no stub


def test_stub_types_and_common_words():
    from kg.draft.stubs import find_stubs

    text = ("과학기술정보통신부와 연세대학교, 한국전자통신연구원은 이동통신 분야에서 일부 공동 연구소를 운영하고, "
            "the Ministry of Science and Gaon Capital joined.")
    assert [(s.name, s.type) for s in find_stubs([text], Registry([]))] == [
        ("과학기술정보통신부", "GovernmentBody"), ("연세대학교", "University"),
        ("한국전자통신연구원", "PublicResearchInstitute"), ("Gaon Capital", "InvestmentFirm")]
