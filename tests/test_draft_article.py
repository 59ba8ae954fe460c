"""kg.draft.article: a saved web page gives only the article's paragraphs and its metadata; a plain-text article
keeps its lines as paragraph numbers (the seed texts' format)."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import ARTICLES

from kg.draft.article import article_from_text, read_article
from kg.errors import KgError

PAGE = Path(__file__).parent / "fixtures" / "draft" / "saved-page.html"


def test_saved_page_gives_only_the_article():
    article = read_article(PAGE)
    assert article.title == "해오름전자, 바다빛클라우드에 GPU 3만장 공급"
    assert article.date == "2025-11-04"
    assert article.url == "https://news.garam.example/articles/2025/11/04/gpu-supply"
    assert article.publisher == "가람일보"
    assert article.language == "ko"
    text = article.text
    # the headline and the four body paragraphs, one a line, in order
    assert len(article.paragraphs) == 5
    assert article.paragraphs[0] == article.title
    assert article.paragraphs[1].startswith("해오름전자가 바다빛클라우드에 차세대 GPU 3만장을")
    assert article.paragraphs[4].endswith("5만장을 넘을 것으로 내다본다.")
    for left_out in ("로그인", "광고 문의", "악수하고 있다", "관련 기사", "반도체 수출 석 달째", "100만장",
                     "전기요금", "구름나무", "Copyright", "등록번호"):
        assert left_out not in text, left_out


def test_plain_text_keeps_line_numbers():
    article = article_from_text("제목\n\n첫 문단입니다.\r\n\t\n둘째 문단.\n")
    assert article.paragraphs == ("제목", "", "첫 문단입니다.", "\t", "둘째 문단.")
    assert article.title is None and article.url is None


@pytest.mark.parametrize("name", sorted(p.name for p in ARTICLES.glob("*.txt")))
def test_seed_texts_are_read_line_for_line(name):
    path = ARTICLES / name
    lines = path.read_text(encoding="utf-8").split("\n")
    article = read_article(path)
    assert article.language == "ko"
    assert list(article.paragraphs) == [line.rstrip("\r") for line in lines[:len(article.paragraphs)]]
    assert all(line == "" for line in lines[len(article.paragraphs):])


def test_page_without_text_and_missing_file_are_user_errors(tmp_path):
    empty = tmp_path / "empty.html"
    empty.write_text("<html><body><nav><a href='/'>home</a></nav></body></html>", encoding="utf-8")
    with pytest.raises(KgError, match=r"empty.html: no article text found in the page — save"):
        read_article(empty)
    with pytest.raises(KgError, match=r"missing.txt: cannot read the article"):
        read_article(tmp_path / "missing.txt")
    bad = tmp_path / "latin1.txt"
    bad.write_bytes("caf\xe9".encode("latin-1"))
    with pytest.raises(KgError, match="not UTF-8"):
        read_article(bad)
