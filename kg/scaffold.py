"""`kg new-source`: register a new article and start its fact file, so adding a source is one command
and a few lines of YAML (see seeds/README.md)."""

from __future__ import annotations

from pathlib import Path

import yaml

from kg import schema
from kg.errors import KgError, Problem, SeedError
from kg.seeds import ID_PATTERN, LANGUAGE_PATTERN, NOT_ONE_LINE, _printable, read_yaml, text_file_problem, valid_date
from kg.serialize import write_atomic

FACTS_TEMPLATE = """\
# Facts stated by {label} ({date}). Fields of each kind: seeds/README.md.
# Cite the paragraph (the line number in the article's text file) and write notes in your own words.

source: {id}
facts: []
  # A new fact — replace `facts: []` by `facts:` and list entries like these:
  # - id: alloc-example-{id}
  #   kind: gpu-allocation
  #   supplier: nvidia
  #   recipient: naver-cloud
  #   gpus: 60000
  #   qualifier: exact          # exact | about | at-least | up-to
  #   para: 3
  #   note: what the article says, in your own words
  #
  # A fact already in the graph that this article also states: cite it instead of repeating it.
  # - cite: mou-ai-ran
  #   para: 5
  #   note: also reports the AI-RAN MOU
  #
  # A figure that disagrees with another source: a new fact of its own, never an edit of the other one.
"""


def new_source(seed_dir: str | Path, ident: str, *, date: str, label_en: str, label_ko: str,
               publisher: str | None = None, title: str | None = None, language: str = "ko",
               file: str | None = None, url: str | None = None) -> tuple[Path, Path]:
    """Append a source to sources.yaml and create facts/<id>.yaml from a template; returns both paths.

    Checks what can be checked before writing anything, with the loader's own checks (so that what it writes,
    kg build accepts); the files are written atomically."""
    _check_options(ident, date, label_en, label_ko, publisher, title, language, file)
    if url is not None and (NOT_ONE_LINE.search(url) or len(url) > schema.MAX_TEXT_CHARS):
        raise KgError.of("new url bad", url=repr(url[:80]), limit=schema.MAX_TEXT_CHARS)
    root = Path(seed_dir)
    sources_file = root / "sources.yaml"
    facts_file = root / "facts" / f"{ident}.yaml"
    if not sources_file.is_file():
        raise KgError.of("new no sources", path=str(sources_file))
    if facts_file.exists():
        raise KgError.of("new facts exist", path=str(facts_file))
    problems: list[Problem] = []
    existing = read_yaml(sources_file, str(sources_file), problems, root)  # the loader's reader: no link out, no FIFO
    if problems:
        raise SeedError([_printable(p) for p in problems])
    existing = existing if isinstance(existing, dict) else {}
    if any(isinstance(s, dict) and s.get("id") == ident for s in existing.get("sources") or []):
        raise KgError.of("new source exists", path=str(sources_file), id=ident)

    entry: dict[str, object] = {"id": ident}
    if publisher:
        entry["publisher"] = publisher
    if title:
        entry["title"] = title
    entry.update({"label": {"en": label_en, "ko": label_ko}, "date": date, "language": language,
                  "file": file or f"{ident}.txt"})
    if url:
        entry["url"] = url
    block = yaml.safe_dump([entry], allow_unicode=True, sort_keys=False, width=120)
    block = "".join("  " + line if line.strip() else line for line in block.splitlines(keepends=True))
    text = sources_file.read_text(encoding="utf-8")  # read_yaml read it already: a regular file inside root
    new_text = text.rstrip("\n") + "\n\n" + block

    write_atomic(facts_file, FACTS_TEMPLATE.format(id=ident, label=label_en, date=date).encode("utf-8"))
    try:
        write_atomic(sources_file, new_text.encode("utf-8"))
    except BaseException:
        facts_file.unlink(missing_ok=True)
        raise
    return sources_file, facts_file


def _check_options(ident: str, date: str, label_en: str, label_ko: str, publisher: str | None,
                   title: str | None, language: str, file: str | None) -> None:
    """The options, each checked as the loader would check it in the files written from them."""
    if not ID_PATTERN.fullmatch(ident) or len(ident) > schema.MAX_ID_CHARS:
        raise KgError.of("new id bad", id=repr(ident))
    if not valid_date(date):
        raise KgError.of("new date bad", date=repr(date))
    if not LANGUAGE_PATTERN.fullmatch(language):
        raise KgError.of("new language bad", language=repr(language))
    if publisher is not None and not ID_PATTERN.fullmatch(publisher):
        raise KgError.of("new publisher bad", publisher=repr(publisher))
    for option, value, limit in (("--label-en", label_en, schema.MAX_LABEL_CHARS),
                                 ("--label-ko", label_ko, schema.MAX_LABEL_CHARS),
                                 ("--title", title, schema.MAX_TEXT_CHARS)):
        # one line: a line break would start new YAML lines in the fact file's header comment
        if value is not None and NOT_ONE_LINE.search(value):
            raise KgError.of("new not one line", option=option, value=repr(value))
        if value is not None and len(value) > limit:
            raise KgError.of("new too long", option=option, limit=limit)
    if file is not None and text_file_problem(file):
        raise KgError.of("new file bad", file=repr(file), problem=text_file_problem(file), id=ident)
