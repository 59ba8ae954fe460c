"""The draft as the curator gets it: a fact file in the seeds' format whose every entry carries a `review:` line
(kg build refuses it until the curator deletes that line), and the same proposals on the terminal with the
figure and the registry's names highlighted in its sentence.

The file holds pointers, never the article's words: each entry's `review:` gives the paragraph and the character
span of its figure and why the draft chose its parties; `note:` is left empty for the curator's own words.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Sequence
from pathlib import Path

from kg import model, qualifiers, schema
from kg.draft.known import FIGURE, PARTIES, Compared
from kg.draft.proposals import Proposal
from kg.text import tr

_PREFIX = {"gpu-allocation": "alloc", "gpu-target": "target", "investment": "invest", "agreement": "agree"}


def _q(text: str) -> str:
    """A YAML double-quoted scalar (JSON's string syntax is YAML's)."""
    return json.dumps(text, ensure_ascii=False)


def fact_id(p: Proposal, source: str, taken: set[str]) -> str:
    """A readable id not yet in use: alloc-samsung-electronics-50000-<source>."""
    parts = [_PREFIX[p.kind], *p.parties[:2], p.type or str(p.value)]
    if p.by_year:
        parts.append(str(p.by_year))
    if p.qualifier != qualifiers.DEFAULT and p.kind != "agreement":
        parts.append(p.qualifier)
    base = "-".join([*parts, source])[:schema.MAX_ID_CHARS - 4].strip("-")
    ident, n = base, 2
    while ident in taken:
        ident, n = f"{base}-{n}", n + 1
    taken.add(ident)
    return ident


def _para(p: Proposal) -> str:
    return str(p.paras[0]) if len(p.paras) == 1 else "[" + ", ".join(map(str, p.paras)) + "]"


def _review(p: Proposal, lang: str = "en") -> str:
    spans = "; ".join(tr("draft span", lang, para=para, start=a, end=b) for para, a, b in p.evidence)
    return tr("draft review", lang, paras=_para(p).strip("[]"), spans=spans, how=tr(f"draft how {p.how}", lang),
              confidence=f"{p.confidence:.1f}")


def entry_lines(c: Compared, source: str, taken: set[str], lang: str = "en") -> list[str]:
    """One fact file entry for a compared proposal (a cite of a known fact, or a new fact), its comments and
    review line in the language."""
    p = c.proposal
    lines = []
    for known_id, finding in c.findings:
        verdict = tr(f"draft verdict {finding.verdict}", lang)
        lines.append(tr("draft file verdict", lang, verdict=verdict, id=known_id, reason=finding.reason))
    if c.cite:
        lines += [f"  - cite: {c.cite}"]
    else:
        lines += [f"  - id: {fact_id(p, source, taken)}", f"    kind: {p.kind}"]
        if p.kind == "gpu-allocation" and p.supplier:
            lines.append(f"    supplier: {p.supplier}")
        field = PARTIES[p.kind]
        value = f"[{', '.join(p.parties)}]" if field in ("investors", "parties") else p.parties[0]
        if p.type:
            lines.append(f"    type: {p.type}")
        lines.append(f"    {field}: {value}")
        if p.kind == "agreement":
            lines += [f"    para: {_para(p)}", '    note: ""', f"    {schema.REVIEW_FIELD}: {_q(_review(p, lang))}"]
            return lines
        lines.append(f"    {FIGURE[p.kind]}: {p.value}")
        if p.currency:
            lines.append(f"    currency: {p.currency}")
        if p.by_year:
            lines.append(f"    by_year: {p.by_year}")
        lines.append(f"    qualifier: {p.qualifier}")
        if p.conversion:
            amount, currency, qualifier = p.conversion
            lines.append(f"    conversion: {{amount: {amount}, currency: {currency}, qualifier: {qualifier}}}")
        if c.part_of:
            lines.append(f"    part_of: {c.part_of}")
    lines += [f"    para: {_para(p)}", '    note: ""', f"    {schema.REVIEW_FIELD}: {_q(_review(p, lang))}"]
    return lines


def fact_file(compared: list[Compared], source: str, article: str, taken: set[str], lang: str = "en") -> str:
    """The draft fact file for source, its comments in the language."""
    head = [*tr("draft file head", lang, source=source, article=article).split("\n"), "", f"source: {source}"]
    if not compared:
        return "\n".join([*head, "facts: []", ""])
    body = ["facts:"]
    for c in compared:
        body += ["", *entry_lines(c, source, taken, lang)]
    return "\n".join([*head, *body, ""])


def _highlight(text: str, start: int, end: int, colour: bool, names: Sequence[tuple[int, int]] = ()) -> str:
    """The sentence around text[start:end], with the figure marked (bold yellow, or »…« without colour) and the
    registry's names in it (text spans, such as the draft's mentions) marked too (bold cyan, or ‹…›)."""
    lo = max((m.end() for m in re.finditer(r"[.!?]\s+", text[:start])), default=0)
    hi = next((m.start() + 1 for m in re.finditer(r"[.!?](\s|$)", text[end:])), len(text) - end) + end
    figure = ("\x1b[1;33m", "\x1b[0m") if colour else ("»", "«")
    name = ("\x1b[1;36m", "\x1b[0m") if colour else ("‹", "›")
    spans = [(start, end, figure)] + [(a, b, name) for a, b in names
                                      if lo <= a and b <= hi and (b <= start or a >= end)]
    out, at = [], lo
    for a, b, mark in sorted(spans):
        if a < at:
            continue  # overlaps the span before it
        out += [text[at:a], mark[0], text[a:b], mark[1]]
        at = b
    return "".join(out) + text[at:hi]


def describe(c: Compared, paragraphs: tuple[str, ...], lang: str = "en", colour: bool = False,
             names: Callable[[str], Sequence[tuple[int, int]]] = lambda text: ()) -> list[str]:
    """How the terminal shows one proposal: what it says, its sentence with the figure and the names (the spans
    `names` finds in a paragraph) marked, its verdicts."""
    p = c.proposal
    figure = qualifiers.figure(p.value, p.qualifier, p.currency or "", lang, bool(p.currency))
    kinds = model.active()
    what = kinds.label(kinds.kinds[p.kind].cls, lang) + (f" ({p.type})" if p.type else "")  # the model's word
    head = f"{what}: {', '.join(p.parties)}" + ("" if p.kind == "agreement" else f" — {figure}")
    if p.by_year:
        head += tr("draft by year", lang, year=str(p.by_year))
    head += tr("draft para", lang, para=_para(p), confidence=f"{p.confidence:.1f}")
    if c.cite:
        head += tr("draft cited", lang, id=c.cite)
    lines = [head]
    for para, start, end in p.evidence[:1]:
        text = paragraphs[para - 1]
        lines.append(f"    {para}: " + _highlight(text, start, end, colour, names(text)))
    for known_id, finding in c.findings:
        verdict = tr(f"draft verdict {finding.verdict}", lang).upper()   # CONTRADICTION (Hangul has no case)
        lines.append(tr("draft verdict", lang, verdict=verdict, id=known_id, reason=finding.reason))
    return lines


def summary(count: int, written: Path | None, lang: str = "en") -> str:
    """The last line of kg draft: how many proposals, and where they went."""
    return tr("draft summary", lang, n=count) + (tr("draft written", lang, path=str(written)) if written else
                                                  tr("draft dry run", lang))


def stub_report(stubs, lang: str = "en") -> list[str]:
    """The names that look like organisations but are not in the registry, one line."""
    if not stubs:
        return []
    names = ", ".join(f"{s.name} ({', '.join(map(str, s.paras))})" for s in stubs)
    return [tr("draft stubs", lang, names=names)]
