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
