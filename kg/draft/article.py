"""Read a saved article (an HTML page or a plain-text file) into numbered paragraphs and its metadata.

`para` in the fact files is the line number of a paragraph in the article's text file, so a draft must see the
article exactly as that file will hold it: one paragraph a line. A plain-text file is taken as it is (its lines
are its paragraphs, blank ones included, so the numbers stay the file's line numbers). From a saved web page,
trafilatura (pinned in pyproject.toml) keeps the article's own headings and paragraphs and leaves out menus,
captions, related-article links and comment sections; it also reads the headline, date, publisher and canonical
URL from the page's metadata. It parses the bytes given and never fetches anything.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from kg.errors import KgError

MAX_ARTICLE_BYTES = 5 * 2**20  # as the loader's limit on an article's text file (kg/seeds.py)
_HTML = re.compile(rb"^\s*(?:<!--.*?-->\s*)?<(?:!doctype\s+html|html|head|body|meta|article)\b", re.I | re.S)
_HANGUL = re.compile(r"[가-힣]")


@dataclass(frozen=True)
class Article:
    """What a draft reads: paragraphs[i] is line i + 1 of the article's text file."""

    paragraphs: tuple[str, ...]
    title: str | None = None
    date: str | None = None        # YYYY-MM-DD, as the page states it
    url: str | None = None         # the page's canonical URL
    publisher: str | None = None   # the site's name, as the page gives it
    language: str = "ko"

    @property
    def text(self) -> str:
        """The article's text file: one paragraph a line."""
        return "".join(p + "\n" for p in self.paragraphs)


def read_article(path: str | Path) -> Article:
    """The article in a saved page (.html, .htm, or anything that starts like HTML) or a plain-text file."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as e:
        raise KgError.of("draft unreadable", path=str(path), reason=e.strerror) from None
    if len(data) > MAX_ARTICLE_BYTES:
        raise KgError.of("draft too big", path=str(path), mib=MAX_ARTICLE_BYTES >> 20)
    if path.suffix.lower() in (".html", ".htm", ".xhtml") or _HTML.match(data[:2048]):
        return article_from_html(data, str(path))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise KgError.of("draft not utf8", path=str(path), byte=e.start) from None
    return article_from_text(text)


def article_from_text(text: str) -> Article:
    """A plain-text article: each line is a paragraph (the seed texts' format); no metadata."""
    lines = tuple(line.rstrip("\r") for line in text.split("\n"))
    if lines and lines[-1] == "":
        lines = lines[:-1]
    return Article(lines, language=_language("".join(lines)))


def article_from_html(data: bytes | str, shown: str = "page") -> Article:
    """The article's own text and metadata in a saved web page (trafilatura's main-text extraction)."""
    import trafilatura  # imported here: only kg draft needs it, and it takes a while to load

    doc = trafilatura.bare_extraction(data, with_metadata=True, include_comments=False, include_tables=False,
                                      include_images=False, include_links=False, favor_precision=True)
    body = getattr(doc, "body", None)
    paragraphs = [] if body is None else [" ".join("".join(el.itertext()).split()) for el in body
                                          if el.tag in ("p", "head", "list", "quote")]
    paragraphs = [p for p in paragraphs if p]
    if not paragraphs:
        raise KgError.of("draft no text", path=shown)
    title = getattr(doc, "title", None) or None
    return Article(tuple(paragraphs), title=title, date=getattr(doc, "date", None) or None,
                   url=getattr(doc, "url", None) or None, publisher=getattr(doc, "sitename", None) or None,
                   language=_language(" ".join(paragraphs)))


def _language(text: str) -> str:
    """ko when a tenth of the letters or more are Hangul, else en."""
    letters = [ch for ch in text if ch.isalpha()]
    hangul = sum(1 for ch in letters if _HANGUL.match(ch))
    return "ko" if letters and hangul * 10 >= len(letters) else "en"
