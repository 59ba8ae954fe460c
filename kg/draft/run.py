"""`kg draft FILE --source ID`, step by step: read the article, register the source when it is new (as `kg
new-source` does, with the page's URL), keep its text beside the other article texts (one paragraph a line, so
`para` numbers are its line numbers), propose facts, compare them with the other sources' facts, and write the
draft fact file."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from kg.draft.article import Article, read_article
from kg.draft.known import Compared, Known, compare, load_known, read_data
from kg.draft.mentions import Registry
from kg.draft.proposals import propose
from kg.draft.review import describe, fact_file, stub_report, summary
from kg.draft.stubs import Stub, find_stubs, stub_lines
from kg.errors import KgError
from kg.serialize import write_atomic


@dataclass
class Draft:
    """What a draft found and wrote."""

    source: str
    article: Article
    compared: list[Compared]
    text: str                        # the draft fact file
    facts_file: Path | None          # where it was written (None: not written)
    text_file: Path | None           # the article's text file
    registered: bool = False         # the source was new and is now in sources.yaml
    stubs: list[Stub] | None = None  # organisations the registry does not know
    registry: Registry | None = None  # the names marked in the sentences shown

    def _names(self, text: str) -> list[tuple[int, int]]:
        return [(m.start, m.end) for m in self.registry.find(text)] if self.registry else []

    def report(self, lang: str = "en", colour: bool = False) -> str:
        """What kg draft prints: each proposal with its sentence and verdicts, the unknown names, a summary."""
        lines = [line for c in self.compared
                 for line in describe(c, self.article.paragraphs, lang, colour, self._names)]
        lines += stub_report(self.stubs or [], lang)
        return "\n".join([*lines, summary(len(self.compared), self.facts_file, lang)])


def draft(path: str | Path, seed_dir: str | Path = "seeds", source: str = "", *, output: str | Path | None = None,
          write: bool = True, date: str | None = None, lang: str = "en") -> Draft:
    """Draft the facts of one article for `source`. With write=False nothing is written (a dry run). `lang` is the
    language of the report, of the verdicts and of the draft file's comments and review lines."""
    root, article = Path(seed_dir), read_article(path)
    known = load_known(root, source)
    registered = False
    if source not in known.sources:
        if not write:
            raise KgError.of("draft unknown source", source=source)
        _register(root, source, article, date)
        known, registered = load_known(root, source), True
    entry = known.sources[source]
    text_file = _text_file(root, known, entry, article, Path(path), write)
    year = int(str(entry.get("date"))[:4]) if str(entry.get("date", ""))[:4].isdigit() else None
    lang_of_text = str(entry.get("language") or article.language)
    proposals = propose(article.paragraphs, known.registry, "ko" if lang_of_text.startswith("ko") else "en", year)
    compared = [compare(p, known, lang) for p in proposals]
    facts_file = Path(output) if output else root / "facts" / f"{source}.yaml"
    stubs = find_stubs(article.paragraphs, known.registry)
    text = fact_file(compared, source, Path(path).name, set(known.ids), lang)
    text += "".join(line + "\n" for line in stub_lines(stubs, lang))
    if write:
        _refuse_curated(root, facts_file, registered)
        write_atomic(facts_file, text.encode("utf-8"))
    return Draft(source, article, compared, text, facts_file if write else None, text_file, registered, stubs,
                 known.registry)


def _register(root: Path, source: str, article: Article, date: str | None) -> None:
    from kg.scaffold import new_source

    when = date or article.date
    if not when:
        raise KgError.of("draft no date")
    label = article.title or source
    new_source(root, source, date=when, label_en=label, label_ko=label, title=article.title,
               language=article.language, file=f"{source}.txt", url=article.url)


def _text_file(root: Path, known: Known, entry: dict, article: Article, given: Path, write: bool) -> Path | None:
    """The article's text file in the texts folder: written from the article when it is not there yet."""
    if not known.texts or not isinstance(entry.get("file"), str):
        return None
    target = root / known.texts / entry["file"]
    if target.exists():
        if given.resolve() != target.resolve() and target.read_text(encoding="utf-8") != article.text:
            raise KgError.of("draft other text", path=str(target))
    elif write:
        target.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(target, article.text.encode("utf-8"))
    return target


def _refuse_curated(root: Path, facts_file: Path, registered: bool) -> None:
    """Never overwrite curated facts: only a missing file, `kg new-source`'s empty template, or an earlier draft."""
    if registered or not facts_file.exists():
        return
    try:
        data = read_data(root, facts_file) if facts_file.is_relative_to(root) else yaml.safe_load(
            facts_file.read_text(encoding="utf-8"))
    except KgError:
        data = None
    entries = (data or {}).get("facts") if isinstance(data, dict) else None
    if entries and not all(isinstance(e, dict) and "review" in e for e in entries):
        raise KgError.of("draft reviewed facts", path=str(facts_file))
