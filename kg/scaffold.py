"""`kg new-source`: register a new article and start its fact file, so adding a source is one command
and a few lines of YAML (see seeds/README.md)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import yaml

from kg.errors import KgError
from kg.seeds import ID_PATTERN, LANGUAGE_PATTERN
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
               file: str | None = None) -> tuple[Path, Path]:
    """Append a source to sources.yaml and create facts/<id>.yaml from a template; returns both paths.

    Checks what can be checked before writing anything; the files are written atomically."""
    root = Path(seed_dir)
    sources_file = root / "sources.yaml"
    facts_file = root / "facts" / f"{ident}.yaml"
    if not ID_PATTERN.match(ident):
        raise KgError(f"bad source id '{ident}' — use lower-case words joined by hyphens, such as yonhap-20251101")
    try:
        dt.date.fromisoformat(date)
    except ValueError:
        raise KgError(f"bad date '{date}' — write it as YYYY-MM-DD") from None
    if not LANGUAGE_PATTERN.match(language):
        raise KgError(f"bad language '{language}' — use a code such as ko or en")
    if not sources_file.is_file():
        raise KgError(f"{sources_file}: not found — run this in a project with a seeds/ folder or pass --seeds")
    if facts_file.exists():
        raise KgError(f"{facts_file}: already exists — choose another id")
    existing = yaml.safe_load(sources_file.read_text(encoding="utf-8")) or {}
    if any(isinstance(s, dict) and s.get("id") == ident for s in existing.get("sources") or []):
        raise KgError(f"{sources_file}: a source '{ident}' is registered already — choose another id")

    entry = {"id": ident}
    if publisher:
        entry["publisher"] = publisher
    if title:
        entry["title"] = title
    entry.update({"label": {"en": label_en, "ko": label_ko}, "date": date, "language": language,
                  "file": file or f"{ident}.txt"})
    block = yaml.safe_dump([entry], allow_unicode=True, sort_keys=False, width=120)
    block = "".join("  " + line if line.strip() else line for line in block.splitlines(keepends=True))
    text = sources_file.read_text(encoding="utf-8")
    new_text = text.rstrip("\n") + "\n\n" + block

    write_atomic(facts_file, FACTS_TEMPLATE.format(id=ident, label=label_en, date=date).encode("utf-8"))
    try:
        write_atomic(sources_file, new_text.encode("utf-8"))
    except BaseException:
        facts_file.unlink(missing_ok=True)
        raise
    return sources_file, facts_file
