"""kg draft with --lang ko (or the global kg --lang ko) says everything in Korean: its report, its errors, and the
comments and review lines of the draft file it writes. What may stay Latin, and is stripped before the check:
ids (entities, facts, sources, agreement types), the field names and values of the file's entries, the article's
own sentences, what the user typed (paths, options), file names, and codes without a lowercase letter (GPU, MOU).
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from conftest import ARTICLES, SEEDS

from kg import model, ontology
from kg.cli import main
from kg.draft.known import load_known

HERE = Path(__file__).parent / "fixtures" / "draft"
NEWS1 = ARTICLES / "002_32c7a72606f41fa3.txt"


@pytest.fixture
def plain_seeds(tmp_path) -> Path:
    """A copy of the seeds with its own texts folder, whose registry lacks the fixture articles' companies."""
    copy = tmp_path / "seeds"
    shutil.copytree(SEEDS, copy)
    shutil.copytree(ARTICLES, tmp_path / "texts")
    sources = (copy / "sources.yaml").read_text(encoding="utf-8")
    (copy / "sources.yaml").write_text(sources.replace("texts: ../../shared/seeds", "texts: ../texts"),
                                       encoding="utf-8")
    return copy


def english_left(text: str, seed_dir: Path, typed: list[str]) -> list[str]:
    """The English words of kg's own in text: what is left after the allowed Latin text is taken out."""
    known = load_known(seed_dir, "")
    for word in sorted(typed, key=len, reverse=True):
        text = text.replace(word, "")
    text = re.sub(r"(?m)^ {4}\d+: .*$", "", text)                       # the article's sentence
    text = re.sub(r"(?m)^ *(?:- )?[a-z_]+: (?!\").*$", "", text)        # an entry's fields and values
    text = re.sub(r"(?m)^ *#? *(?:- )?[a-z_]+:", "", text)              # field names (review:, a stub's id:)
    names = r"review|TODO|entities\.yaml|kg draft|kg build|kg new-source"       # Hangul may follow them
    text = re.sub(rf"(?<![A-Za-z])(?:{names})(?![A-Za-z])", "", text)
    text = re.sub(r"--[a-z-]+|[\w/.-]+\.(?:txt|yaml|html)(?![A-Za-z])", "", text)     # options, file names
    ids = {*known.ids, *known.sources, *model.active().relations, *ontology.entity_types()}
    words = "|".join(re.escape(i) for i in sorted(ids, key=len, reverse=True))
    text = re.sub(rf"(?<![A-Za-z0-9-])(?:{words})(?![A-Za-z0-9-])", "", text)
    text = re.sub(r"(?<![A-Za-z0-9])[A-Za-z0-9]*[-0-9][A-Za-z0-9-]*(?![A-Za-z0-9])", "", text)  # coded ids
    text = re.sub(r"(?<![A-Za-z0-9])[A-Z0-9][A-Z0-9-]*(?![A-Za-z0-9])", "", text)               # codes
    return re.findall(r"[A-Za-z]{3,}", text)


def test_a_korean_draft_report_and_file(tmp_path):
    """A known source with a contradiction, a consistent difference and cites: the report and every comment and
    review line of the file are Korean."""
    out = tmp_path / "news1.yaml"
    done = CliRunner().invoke(main, ["draft", str(NEWS1), "--source", "news1-20251031", "--lang", "ko",
                                     "-o", str(out), "--seeds", str(SEEDS)])
    assert done.exit_code == 0, done.output
    assert "! 모순 대상: alloc-private-200k-newsis" in done.output and "(초안)" in done.output
    assert done.output.splitlines()[-1].startswith(f"제안 6건; {out}에 씀")
    assert not english_left(done.output, SEEDS, [str(out), str(NEWS1)]), done.output
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# kg draft가 002_32c7a72606f41fa3.txt에서 제안한 news1-20251031의 사실 초안입니다.")
    assert "  # alloc-private-200k-newsis과 모순: " in text
    review = re.findall(r'(?m)^    review: "(.*)"$', text)
    assert len(review) == 6 and all(line.endswith("메모를 쓰고 이 줄을 지우세요") for line in review)
    assert not english_left(text, SEEDS, []), text
    assert len(yaml.safe_load(text)["facts"]) == 6   # the file is still a fact file


def test_a_new_source_with_stubs_in_korean_by_the_global_option(plain_seeds):
    """kg --lang ko draft: a new source is registered, the unknown companies are listed and written as stubs, in
    Korean; a second run with --dry-run and an unknown source is refused in Korean."""
    runner = CliRunner()
    article = HERE / "ko-article.txt"
    done = runner.invoke(main, ["--lang", "ko", "draft", str(article), "--source", "hanbit-20251106",
                                "--date", "2025-11-06", "--seeds", str(plain_seeds)])
    assert done.exit_code == 0, done.output
    assert "entities.yaml에 없음 (초안 끝에 항목 틀): 한빛반도체 (1, 3, 6, 7)" in done.output
    facts = plain_seeds / "facts" / "hanbit-20251106.yaml"
    text = facts.read_text(encoding="utf-8")
    assert "# entities.yaml에 없는 조직입니다: 채워서 그곳에 추가한 뒤 다시 초안을 만드세요." in text
    assert "#  - id: TODO          # 1, 3, 6, 7번 문단에 나옴" in text
    assert not english_left(done.output, plain_seeds, [str(facts), str(article)]), done.output
    assert not english_left(text, plain_seeds, []), text
    refused = runner.invoke(main, ["--lang", "ko", "draft", str(article), "--source", "nowhere-20251106",
                                   "--dry-run", "--seeds", str(plain_seeds)])
    assert refused.exit_code == 1 and "알 수 없는 출처 'nowhere-20251106'" in refused.output
    assert not english_left(refused.output, plain_seeds, ["nowhere-20251106"]), refused.output
    built = runner.invoke(main, ["build", "--seeds", str(plain_seeds), "-o", str(plain_seeds.parent / "g.nq"),
                                 "--no-validate"])
    assert built.exit_code == 2 and "is a draft — check it against paragraph" in built.output


def test_english_stays_english(tmp_path):
    """The same draft in English has no Korean words of kg's own (the article's sentences aside)."""
    out = tmp_path / "news1.yaml"
    done = CliRunner().invoke(main, ["draft", str(NEWS1), "--source", "news1-20251031", "-o", str(out),
                                     "--seeds", str(SEEDS)])
    assert done.exit_code == 0, done.output
    report = re.sub(r"(?m)^ {4}\d+: .*$", "", done.output)
    assert "! CONTRADICTION with alloc-private-200k-newsis" in report and "(draft)" in report
    assert not re.search(r"[가-힣]", report), report
    comments = [line for line in out.read_text(encoding="utf-8").splitlines()
                if line.lstrip().startswith(("#", "review:"))]
    assert comments and not re.search(r"[가-힣]", "\n".join(comments)), comments


def test_a_seed_file_the_draft_cannot_take_is_refused_in_kg_builds_words(plain_seeds):
    """kg draft reads the seeds quickly with libyaml; a file it does not take is read again by the loader, which
    refuses it as kg build does (one wording for both), or reads it after all (a quoted '*' is no alias)."""
    facts = plain_seeds / "facts" / "asiae-20251103.yaml"
    text = facts.read_text(encoding="utf-8")
    facts.write_text(text.replace('note: ""', 'note: "see, *not an alias"', 1) + "extra: &a 1\nagain: *a\n",
                     encoding="utf-8")
    article = plain_seeds.parent / "texts" / NEWS1.name
    args = ["draft", str(article), "--source", "news1-20251031", "--dry-run", "--seeds", str(plain_seeds)]
    drafted = CliRunner().invoke(main, args)
    built = CliRunner().invoke(main, ["build", "--seeds", str(plain_seeds), "-o", str(plain_seeds.parent / "g.nq")])
    assert drafted.exit_code == built.exit_code == 2
    refusal = next(line for line in drafted.output.splitlines() if line.startswith(f"{facts}:"))
    assert refusal in built.output and "anchor" in refusal
    facts.write_text(text.replace("note:", 'note: "see, *not an alias" #', 1), encoding="utf-8")
    again = CliRunner().invoke(main, args)
    assert again.exit_code == 0, again.output
