"""Issue 15, "nothing silent": each case that used to give an empty answer (or a flood of follow-on errors)
now gives one clear message `what is wrong — how to fix it` and a non-zero exit."""

from __future__ import annotations

from click.testing import CliRunner

from kg.cli import main


def run(*args: str):
    return CliRunner().invoke(main, list(args))


# ------------------------------------------------------------------ the seed loader


def test_missing_article_text_is_a_problem_at_its_file_line(minimal_copy, tmp_path):
    (minimal_copy / "texts" / "a.txt").unlink()
    result = run("build", "--seeds", str(minimal_copy), "-o", str(tmp_path / "g.nq"))
    sources = minimal_copy / "sources.yaml"
    line = sources.read_text(encoding="utf-8").splitlines().index("    file: a.txt") + 1
    assert result.exit_code == 2, result.output
    assert result.output == (
        f"{sources}:{line}: 'file' 'a.txt': no such article text in {minimal_copy / 'texts'}; 6 cited paragraphs "
        "(3, 4, 5, 6, 7, 8) cannot be checked — put the article's text file there, or correct the file name\n"
        "1 problem found; nothing was written.\n")
    assert not (tmp_path / "g.nq").exists()


def test_without_the_texts_folder_paragraphs_are_not_checked(minimal_copy, tmp_path):
    """A copy of the seed folder alone (no texts folder at all) still builds, as documented."""
    import shutil

    shutil.rmtree(minimal_copy / "texts")
    result = run("build", "--seeds", str(minimal_copy), "-o", str(tmp_path / "g.nq"))
    assert result.exit_code == 0, result.output


def test_a_misspelt_entity_type_is_reported_once(minimal_copy, tmp_path):
    entities = minimal_copy / "entities.yaml"
    text = entities.read_text(encoding="utf-8")
    assert "  - id: nvidia\n    type: Company\n" in text
    entities.write_text(text.replace("  - id: nvidia\n    type: Company\n", "  - id: nvidia\n    type: Compny\n"),
                        encoding="utf-8")
    result = run("build", "--seeds", str(minimal_copy), "-o", str(tmp_path / "g.nq"))
    assert result.exit_code == 2, result.output
    assert result.output == (f"{entities}:6: unknown entity type 'Compny' — did you mean 'Company'?\n"
                             "1 problem found; nothing was written.\n")


# ------------------------------------------------------------------ kg query: a parameter of the wrong kind

SOURCES = "asiae-20251103, mt-20251031, news1-20251031, newsis-20251101"


def test_a_publisher_is_not_a_source():
    result = run("query", "gpu-allocations", "-p", "source=asiae")
    assert result.exit_code == 4
    assert result.stdout == ""
    assert result.stderr == ("parameter source: 'asiae' is Asia Economy (asia-economy), a news publisher, not a "
                             "source — give one of its articles: asiae-20251103\n")


def test_a_publisher_is_not_a_source_ko():
    result = run("query", "gpu-allocations", "-p", "source=asiae", "--lang", "ko")
    assert result.exit_code == 4
    assert result.stderr == ("매개변수 source: 'asiae' → 아시아경제(asia-economy): 출처가 아니라 언론사입니다 — "
                             "이 언론사의 기사를 지정하세요: asiae-20251103\n")


def test_an_organisation_is_not_a_source():
    result = run("query", "gpu-allocations", "-p", "source=nvidia")
    assert result.exit_code == 4
    assert result.stdout == ""
    assert result.stderr == ("parameter source: 'nvidia' is NVIDIA (nvidia), a company, not a source — give a "
                             f"source, such as {SOURCES} or unknown-20251031\n")
    ko = run("query", "gpu-allocations", "-p", "source=nvidia", "--lang", "ko")
    assert ko.exit_code == 4
    assert ko.stderr == ("매개변수 source: 'nvidia' → 엔비디아(nvidia): 출처가 아니라 기업입니다 — 출처 중 하나를 "
                         f"지정하세요: {SOURCES}, unknown-20251031\n")


def test_an_article_is_not_an_organisation():
    result = run("query", "gpu-allocations", "-p", "org=asiae-20251103")
    assert result.exit_code == 4
    assert result.stderr == ("parameter org: 'asiae-20251103' is Asia Economy: Ha Jung-woo on JTBC calls… "
                             "(asiae-20251103), a news article, not an organisation — give its publisher: asia-economy\n")
    ko = run("query", "gpu-allocations", "-p", "org=asiae-20251103", "--lang", "ko")
    assert ko.stderr == ("매개변수 org: 'asiae-20251103' → 아시아경제: 하정우 수석 JTBC 인터뷰 - 엔비디아 GPU 공급은 윈…"
                         "(asiae-20251103): 조직이 아니라 뉴스 기사입니다 — 이 뉴스 기사의 발행 언론사를 지정하세요: "
                         "asia-economy\n")


def test_right_kind_still_answers():
    result = run("query", "gpu-allocations", "-p", "source=asiae-20251103", "-f", "csv")
    assert result.exit_code == 0
    assert len(result.stdout.strip().splitlines()) == 1 + 6


def test_a_sector_is_a_party(tmp_path):
    """Agreements accept organisations, sectors and countries: a sector party is not refused."""
    result = run("query", "agreements", "-p", "org=korea-private-sector", "-f", "csv")
    assert result.exit_code == 0, result.stderr


def test_param_header_classes(tmp_path):
    from kg.errors import QueryError
    from kg.query import get_query
    import pytest

    q = get_query("gpu-allocations")
    assert [(p.name, p.classes) for p in q.params] == [("org", ("Organization",)), ("source", ("Source",))]
    (tmp_path / "bad.rq").write_text("# Bad\n# param: org = kg:nvidia (Organisaton) — x\nSELECT * WHERE {}\n")
    with pytest.raises(QueryError, match=r"bad.rq:2: unknown class Organisaton for parameter org — give kgo class"):
        get_query("bad", tmp_path)
