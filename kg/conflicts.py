"""Where the sources disagree (`kg conflicts`), judged as a fact-checker would: every claim is read as the set
of values its qualifier allows (kg/qualifiers.py: 26만 as stated is [255,000, 265,000), 약 5만 is
[45,000, 55,000], 26만 이상 is [260,000, ∞), …), and each difference gets a verdict:

- contradiction — two claims about the same quantity whose value sets do not overlap: both cannot be true;
- consistent — the claims differ in wording, hedge, precision or level, but some value satisfies them all.

What is compared:
- the same quantity (an allocation to one recipient in one deal, a target, an estimate, an investment) as
  several sources, or one source twice, state it;
- levels: a recipient rolls up to the organisation it belongs to (org:subOrganizationOf) and to the sectors the
  sources count it in (kgo:inSector: the government in the public sector, the companies in the private sector).
  Where a source gives shares below a recipient but no figure for the recipient itself, the sum of those shares
  is compared with what other sources state for the recipient — as that source's figure for it when the source's
  shares add up to its whole total (its breakdown is complete), as a lower bound otherwise;
- per source, the sum of its shares of a total with every figure any source gives for that total (sums);
- GPU models named for one deal: a model is consistent with its family (kgo:modelFamily: GB200 Grace Blackwell
  is a Blackwell product).

A sum of figures as stated is read as stated at the precision of the sum (Asia Economy's 5만 + 5만 + 5만 + 6만 is
210,000 to the nearest 10,000), not with each share's rounding added up; hedged shares add their value sets.

A finding never picks a side: it lists every value with the sources (and paragraphs) that state it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, cast

from kg import qualifiers, query
from kg.labels import Labels, local
from kg.qualifiers import Bounds
from kg.text import tr

CONTRADICTION, CONSISTENT = "contradiction", "consistent"


@dataclass
class Value:
    """One value of a compared quantity: a figure (or a GPU model) with the sources that state it."""

    number: float | int | None
    qualifier: str | None
    bounds: dict | None
    sources: list[dict]          # [{"id": source id, "paragraphs": [..]}]
    facts: list[str]             # fact ids stating it (for a sum: the shares)
    model: str | None = None     # for GPU models: the model id
    sum_of: list[str] | None = None   # set when the value is a source's sum of shares below the subject
    label: str = ""              # how it reads: "about 50,000 GPUs — News1, 2025-10-31 [news1-20251031]"

    def to_dict(self) -> dict:
        d: dict[str, Any] = {"qualifier": self.qualifier, "bounds": self.bounds,
             "sources": self.sources, "facts": self.facts}
        if self.model is not None:
            d["model"] = self.model
        else:
            d["number"] = self.number
        if self.sum_of is not None:
            d["sum_of"] = self.sum_of
        return d


@dataclass
class Finding:
    """A quantity stated differently, with a verdict and the reason for it."""

    verdict: str                 # contradiction | consistent
    kind: str                    # gpu-allocation | gpu-target | gpu-estimate | investment | gpu-model
    subject: list[str]           # entity ids: supplier and recipient, investors, setter, holder, …
    subject_label: str
    values: list[Value]
    reason: str
    self_contradiction: list[str] = field(default_factory=list)   # sources that contradict themselves
    sides: list[list[int]] = field(default_factory=list)  # for a contradiction: groups of values that agree

    def to_dict(self) -> dict:
        return {"verdict": self.verdict, "kind": self.kind, "subject": self.subject,
                "values": [v.to_dict() for v in self.values], "reason": self.reason,
                "self_contradiction": self.self_contradiction, "sides": self.sides,
                "subject_label": self.subject_label}

    def lines(self) -> list[str]:
        out = [f"{self.subject_label}"]
        for v in self.values:
            out.append(f"    {v.label}")
        out.append(f"    → {self.reason}")
        return out

    def facts(self) -> set[str]:
        return {f for v in self.values for f in v.facts}


@dataclass
class SumCheck:
    """Per source: the shares it gives of a total, their sum as a value set, and each figure for the total."""

    verdict: str
    source: str                  # source id
    total_fact: str
    subject: list[str]
    parts: list[dict]            # [{"fact", "recipient", "number", "qualifier"}]
    parts_sum: int
    bounds: dict
    against: list[dict]          # [{"number", "qualifier", "bounds", "sources", "facts", "verdict"}]
    reason: str
    own_total: bool              # the contradicted total is the source's own
    complete: bool               # the shares are the source's whole split of the total (else a partial list)
    source_label: str = ""
    text_parts: str = ""

    def to_dict(self) -> dict:
        return {"verdict": self.verdict, "source": self.source, "total_fact": self.total_fact,
                "subject": self.subject, "parts": self.parts, "parts_sum": self.parts_sum, "bounds": self.bounds,
                "against": self.against, "reason": self.reason, "self_contradiction": self.own_total,
                "complete": self.complete}

    @property
    def part_facts(self) -> list[str]:
        return [p["fact"] for p in self.parts]

    def lines(self) -> list[str]:
        return [f"{self.source_label}: {self.text_parts}", f"    → {self.reason}"]


@dataclass
class ConflictReport:
    findings: list[Finding] = field(default_factory=list)
    sums: list[SumCheck] = field(default_factory=list)
    lang: str = "en"
    names: dict[str, str] = field(default_factory=dict)   # source id -> "Publisher, date [id]", as the lines show it

    @property
    def contradictions(self) -> list:
        return [f for f in self.findings if f.verdict == CONTRADICTION] + \
               [s for s in self.sums if s.verdict == CONTRADICTION]

    @property
    def conflicts(self) -> int:
        """Contradictions (findings and sums): what --strict fails on. Consistent differences never count."""
        return len(self.contradictions)

    def to_dict(self) -> dict:
        return {"findings": [f.to_dict() for f in self.findings], "sums": [s.to_dict() for s in self.sums]}

    def text(self) -> str:
        lines = []
        bad = [f for f in self.findings if f.verdict == CONTRADICTION]
        bad_sums = [s for s in self.sums if s.verdict == CONTRADICTION]
        lines.append(tr("conflicts contradictions", self.lang))
        if not bad and not bad_sums:
            lines.append("  " + tr("conflicts none", self.lang))
        for f in bad:
            lines += ["  ⚠ " + f.lines()[0]] + ["  " + line for line in f.lines()[1:]]
        for s in bad_sums:
            lines += ["  ⚠ " + s.lines()[0]] + ["  " + line for line in s.lines()[1:]]
        good = [f for f in self.findings if f.verdict == CONSISTENT]
        good_sums = [s for s in self.sums if s.verdict == CONSISTENT]
        if good or good_sums:
            lines.append("")
            lines.append(tr("conflicts consistent", self.lang))
            for f in good:
                lines += ["  ≈ " + f.lines()[0]] + ["  " + line for line in f.lines()[1:]]
            for s in good_sums:
                lines += ["  ≈ " + s.lines()[0]] + ["  " + line for line in s.lines()[1:]]
        lines.append("")
        lines.append(tr("conflicts summary", self.lang, n=self.conflicts, figures=len(bad), sums=len(bad_sums),
                        consistent=len(good) + len(good_sums)))
        return "\n".join(lines)


# --------------------------------------------------------------------------------------------------


def _bounds_text(b: Bounds, currency: str = "") -> str:
    return b.text(lambda x: f"{currency} {x:,.0f}".strip() if currency else f"{x:,.0f}")


def _sum_bounds(parts: list[tuple[int | float, str]]) -> Bounds:
    """The value set of a sum of figures: figures as stated (or exact) add their printed numbers and the sum is
    read as stated at its own precision; hedged figures add their value sets."""
    plain = [n for n, q in parts if q in ("stated", "exact")]
    hedged = [(n, q) for n, q in parts if q not in ("stated", "exact")]
    total = qualifiers.value_set(sum(plain), "stated" if any(q == "stated" for _, q in parts) else "exact") \
        if plain else Bounds(qualifiers.Fraction(0), True, qualifiers.Fraction(0), True)
    for n, q in hedged:
        total = total + qualifiers.value_set(n, q)
    return total


def _complete(parts: list[str], total: str, alloc: dict, cx: _Context) -> bool:
    """Is a source's list of shares the whole split of its total? When the shares are sectors (public and private:
    a split of everything), or when their printed numbers add up to the printed total. A list of named
    organisations that falls short is not: others may receive the rest."""
    if not parts:
        return False
    if all(alloc[f]["recipient"] in cx.sectors for f in parts):
        return True
    return sum(alloc[f]["n"] for f in parts) == alloc[total]["n"]


class _Context:
    def __init__(self, graph, lang: str):
        from kg.labels import sources

        self.lang = lang
        self.label = Labels(graph, lang)
        self.names = {s.id: f"{s.publisher or tr('unattributed', lang)}, {s.date} [{s.id}]"
                      for s in sources(graph, lang, self.label)}
        self.paras: dict[tuple[str, str], list[int]] = {}
        for fact, source, para in query.select(graph, "conflict-paragraphs"):
            self.paras.setdefault((local(fact), local(source)), []).append(int(para))
        self.up: dict[str, set[str]] = {}
        for x, up in query.select(graph, "conflict-levels"):
            self.up.setdefault(local(x), set()).add(local(up))
        self.sectors = {local(x) for (x,) in query.select(graph, "conflict-sectors")}
        self.family: dict[str, set[str]] = {}
        for model, fam in query.select(graph, "conflict-families"):
            self.family.setdefault(local(model), set()).add(local(fam))

    def source_refs(self, pairs: set[tuple[str, str]]) -> list[dict]:
        """[(fact, source)] -> [{"id", "paragraphs"}] per source."""
        by_source: dict[str, set[int]] = {}
        for fact, source in pairs:
            by_source.setdefault(source, set()).update(self.paras.get((fact, source), []))
        return [{"id": s, "paragraphs": sorted(p)} for s, p in sorted(by_source.items())]

    def ancestors(self, x: str, table: dict[str, set[str]]) -> set[str]:
        seen: set[str] = set()
        todo = list(table.get(x, ()))
        while todo:
            y = todo.pop()
            if y not in seen:
                seen.add(y)
                todo.extend(table.get(y, ()))
        return seen


def conflicts(graph, lang: str = "en") -> ConflictReport:
    """Every difference between claims about one quantity, with a verdict, and the per-source sum checks."""
    cx = _Context(graph, lang)
    alloc = _allocations(graph)
    deals = _Deals(alloc)
    report = ConflictReport(lang=lang, names=cx.names)
    report.findings += _allocation_findings(alloc, deals, cx)
    report.findings += _model_findings(alloc, deals, cx)
    report.findings += _gpu_figures("gpu-target", query.select(graph, "conflict-targets"), cx,
                                    lambda setter, year: tr("conflicts gpu target", lang,
                                                            setter=label_id(cx.label, setter), year=year))
    report.findings += _gpu_figures("gpu-estimate", query.select(graph, "conflict-estimates"), cx,
                                    lambda holder: tr("conflicts gpu stock", lang, holder=label_id(cx.label, holder)))
    report.findings += _investment_findings(graph, cx)
    report.findings.sort(key=lambda f: (f.verdict != CONTRADICTION, f.kind, f.subject_label))
    report.sums = _sum_checks(alloc, deals.deal, deals.root, cx)
    return report


def _allocations(graph) -> dict[str, dict]:
    """GPU allocations by fact: supplier, recipient, count, qualifier, parent (the larger allocation it is a share
    of), sources and GPU models."""
    alloc: dict[str, dict] = {}
    for fact, supplier, recipient, n, q, parent, source, model in query.select(graph, "conflict-allocations"):
        a = alloc.setdefault(local(fact), {"supplier": local(supplier), "recipient": local(recipient), "n": int(n),
                                           "q": str(q), "parent": local(parent) if parent is not None else None,
                                           "sources": set(), "models": set()})
        a["sources"].add(local(source))
        if model is not None:
            a["models"].add(local(model))
    return alloc


class _Deals:
    """Which deal an allocation belongs to: the supplier and recipient of the allocation it is (a share of a
    share of …) a part of."""

    def __init__(self, alloc: dict[str, dict]):
        self.alloc = alloc

    def root(self, fact: str) -> str:
        alloc, seen = self.alloc, set()
        while alloc[fact]["parent"] in alloc and fact not in seen:
            seen.add(fact)
            fact = alloc[fact]["parent"]
        return fact

    def deal(self, fact: str) -> tuple[str, str]:
        top = self.alloc[self.root(fact)]
        return top["supplier"], top["recipient"]


def _allocation_findings(alloc: dict[str, dict], deals: _Deals, cx: _Context) -> list[Finding]:
    """The same recipient in the same deal, with roll-up sums of sources silent at that level."""
    lang, label = cx.lang, cx.label
    direct: dict[tuple, list[tuple[str, dict]]] = {}
    for fact, a in alloc.items():
        direct.setdefault((deals.deal(fact), a["recipient"]), []).append((fact, a))
    rolled = _rolled(alloc, deals, direct, cx)
    findings = []
    for key in sorted(set(direct) | set(rolled), key=str):
        (supplier, whole), recipient = key
        by_value: dict[tuple, set[tuple[str, str]]] = {}
        for fact, a in direct.get(key, []):
            for source in a["sources"]:
                by_value.setdefault((a["n"], a["q"]), set()).add((fact, source))
        values = [_figure_value(n, q, pairs, cx, qualifiers.gpus(cx.lang))
                  for (n, q), pairs in sorted(by_value.items())]
        values += rolled.get(key, [])
        if len(values) < 2:
            continue
        subject_label = tr("conflicts gpu allocation", lang, supplier=label_id(label, supplier),
                           recipient=label_id(label, recipient)) + \
            ("" if whole == recipient else tr("conflicts in the deal", lang, supplier=label_id(label, supplier),
                                              whole=label_id(label, whole)))
        findings.append(_judge("gpu-allocation", [supplier, recipient], subject_label, values, lang))
    return findings


def _complete_totals(alloc: dict[str, dict], deals: _Deals, cx: _Context) -> dict[tuple[str, tuple], bool]:
    """Per source: the deal totals it states whose shares, as it gives them, make a complete breakdown."""
    complete: dict[tuple[str, tuple], bool] = {}
    for fact, a in alloc.items():
        if a["parent"] is None or a["parent"] not in alloc:
            for source in a["sources"]:
                parts = [f for f, b in alloc.items() if f != fact and source in b["sources"] and b["parent"] == fact]
                if _complete(parts, fact, alloc, cx):
                    complete[(source, deals.deal(fact))] = True
    return complete


def _rolled(alloc: dict[str, dict], deals: _Deals, direct: dict[tuple, list], cx: _Context) -> dict[tuple, list[Value]]:
    """(deal, level) -> the sums of what each source silent at that level gives below it."""
    complete = _complete_totals(alloc, deals, cx)
    rolled: dict[tuple, list[Value]] = {}
    sources_all = sorted({s for a in alloc.values() for s in a["sources"]})
    recipients = sorted({r for (_, r) in direct})
    for d in sorted({k[0] for k in direct}):
        for level in recipients:
            if level == d[1]:
                continue  # the whole deal: compared through the sums
            for source in sources_all:
                if any(source in a["sources"] for _, a in direct.get((d, level), [])):
                    continue  # the source states this level itself
                below = [(f, a) for f, a in alloc.items() if source in a["sources"] and deals.deal(f) == d
                         and level in cx.ancestors(a["recipient"], cx.up)]
                if not below or (d, level) not in direct:
                    continue
                value = _rolled_value(below, direct[(d, level)], complete.get((source, d), False), source, cx)
                if value is not None:
                    rolled.setdefault((d, level), []).append(value)
    return rolled


def _rolled_value(below: list[tuple[str, dict]], stated: list[tuple[str, dict]], is_complete: bool, source: str,
                  cx: _Context) -> Value | None:
    """The sum of one source's figures below a level, as a value to compare with the level's own figures; None
    when it is a lower bound that every figure meets (it says nothing)."""
    lang, label = cx.lang, cx.label
    b = _sum_bounds([(a["n"], a["q"]) for _, a in below])
    if not is_complete:
        b = Bounds(b.lo, b.lo_closed, None, False)  # more may go to recipients it does not name
        others = [_as_bounds(v) for v in [qualifiers.value_set(a["n"], a["q"]).to_dict() for _, a in stated]]
        if all(b.overlaps(o) for o in others):
            return None
    total = sum(a["n"] for _, a in below)
    facts = sorted(f for f, _ in below)
    names = " + ".join(f"{label_id(label, a['recipient'])} {qualifiers.figure(a['n'], a['q'], '', lang)}"
                       for _, a in sorted(below, key=lambda fa: fa[0]))
    if len(below) == 1:
        shown = tr("conflicts one level below", lang, names=names, unit=qualifiers.gpus(lang), bounds=_bounds_text(b))
    else:
        shown = tr("conflicts sum of", lang, names=names, total=f"{total:,}", unit=qualifiers.gpus(lang),
                   bounds=_bounds_text(b))
    if not is_complete:
        shown += tr("conflicts lower bound", lang)
    return Value(total, "stated" if all(a["q"] in ("stated", "exact") for _, a in below) else None,
                 b.to_dict(), cx.source_refs({(f, source) for f in facts}), facts, sum_of=facts,
                 label=f"{shown} — {cx.names.get(source, source)}")


def _model_findings(alloc: dict[str, dict], deals: _Deals, cx: _Context) -> list[Finding]:
    """GPU models named for one deal: consistent when one is a kind of the other (its model family)."""
    lang, label = cx.lang, cx.label
    named: dict[tuple, dict[str, set[tuple[str, str]]]] = {}
    for fact, a in alloc.items():
        for model in a["models"]:
            for source in a["sources"]:
                named.setdefault(deals.deal(fact), {}).setdefault(model, set()).add((fact, source))
    findings = []
    for d, models in sorted(named.items()):
        if len(models) < 2:
            continue
        values = [Value(None, None, None, cx.source_refs(pairs), sorted({f for f, _ in pairs}), model=m,
                        label=f"{label_id(label, m)} — "
                              f"{', '.join(cx.names.get(s, s) for s in sorted({s for _, s in pairs}))}")
                  for m, pairs in sorted(models.items())]
        clash, related = [], []
        ms = sorted(models)
        for i, m in enumerate(ms):
            for o in ms[i + 1:]:
                if o in cx.ancestors(m, cx.family):
                    related.append((m, o))
                elif m in cx.ancestors(o, cx.family):
                    related.append((o, m))
                else:
                    clash.append((m, o))
        if clash:
            reason = "; ".join(tr("conflicts other models", lang, a=label_id(label, a), b=label_id(label, b))
                               for a, b in clash)
        else:
            reason = "; ".join(tr("conflicts model family", lang, a=label_id(label, a), b=label_id(label, b))
                               for a, b in related)
        findings.append(Finding(CONTRADICTION if clash else CONSISTENT, "gpu-model", list(d),
                                tr("conflicts gpu models", lang, a=label_id(label, d[0]), b=label_id(label, d[1])),
                                values, reason))
    return findings


def _gpu_figures(kind: str, rows, cx: _Context, title) -> list[Finding]:
    """A finding for each subject (and year) given more than one GPU figure; rows are (fact, subject, *rest,
    count, qualifier, source), title names the subject from (subject, *rest)."""
    groups: dict[tuple, dict[tuple, set]] = {}
    for fact, *key, n, q, source in rows:
        groups.setdefault(tuple(local(k) if i == 0 else str(k) for i, k in enumerate(key)), {}).setdefault(
            (int(n), str(q)), set()).add((local(fact), local(source)))
    findings = []
    for key, by_value in sorted(groups.items()):
        if len(by_value) > 1:
            values = [_figure_value(n, q, pairs, cx, qualifiers.gpus(cx.lang))
                      for (n, q), pairs in sorted(by_value.items())]
            findings.append(_judge(kind, [key[0]], title(*key), values, cx.lang))
    return findings


def _investment_findings(graph, cx: _Context) -> list[Finding]:
    """Investments by the same investors in the same target and currency, given different sums."""
    lang, label = cx.lang, cx.label
    invest: dict[str, dict] = {}
    for fact, investor, target, amount, currency, q, source in query.select(graph, "conflict-investments"):
        i = invest.setdefault(local(fact), {"investors": set(), "target": local(target) if target is not None else None,
                                            "value": (float(amount), str(q or qualifiers.DEFAULT)),
                                            "currency": str(currency), "sources": set()})
        i["investors"].add(local(investor))
        i["sources"].add(local(source))
    groups: dict[tuple, dict[tuple, set]] = {}
    for fact, i in invest.items():
        key = ("investment", tuple(sorted(i["investors"])), i["target"], i["currency"])
        for source in i["sources"]:
            groups.setdefault(key, {}).setdefault(i["value"], set()).add((fact, source))
    findings = []
    for key, by_value in sorted(groups.items(), key=str):
        if len(by_value) > 1:
            values = [_figure_value(n, q, pairs, cx, key[3], unit_first=True)
                      for (n, q), pairs in sorted(by_value.items())]
            subject = list(key[1]) + ([key[2]] if key[2] else [])
            findings.append(_judge("investment", subject,
                                   tr("conflicts investment", lang,
                                      investors=", ".join(label_id(label, x) for x in key[1]))
                                   + (f" → {label_id(label, key[2])}" if key[2] else ""), values, lang, key[3]))
    return findings


def label_id(label: Labels, ident: str) -> str:
    from kg.ontology import KG

    return label(KG[ident])


def _figure_value(n, q, pairs: set[tuple[str, str]], cx: _Context, unit: str, unit_first: bool = False) -> Value:
    b = qualifiers.value_set(n, q)
    srcs = sorted({s for _, s in pairs})
    return Value(int(n) if float(n).is_integer() else n, q, b.to_dict(), cx.source_refs(pairs),
                 sorted({f for f, _ in pairs}),
                 label=f"{qualifiers.figure(int(n) if float(n).is_integer() else n, q, unit, cx.lang, unit_first)} "
                       f"{_bounds_text(b, unit if unit_first else '')} — {', '.join(cx.names.get(s, s) for s in srcs)}")


def _as_bounds(d: dict) -> Bounds:
    F = qualifiers.Fraction
    return Bounds(F(str(d["min"])), d["min_inclusive"], None if d["max"] is None else F(str(d["max"])),
                  d["max_inclusive"])


def _short(v: Value, lang: str, currency: str = "") -> str:
    if v.sum_of is not None:
        return tr("conflicts shares summing", lang, n=f"{v.number:,}")
    word = qualifiers.label(v.qualifier, lang)
    number = f"{currency} {v.number:,.0f}".strip() if currency else f"{v.number:,}"
    return f"{number} ({word})"


def _judge(kind: str, subject: list[str], subject_label: str, values: list[Value], lang: str,
           currency: str = "") -> Finding:
    """Contradiction when some two values' sets do not overlap; else consistent, with the values all allow."""
    sets = [_as_bounds(cast(dict, v.bounds)) for v in values]  # the values judged are figures, each with bounds
    clashes = [(i, j) for i in range(len(values)) for j in range(i + 1, len(values)) if not sets[i].overlaps(sets[j])]
    selfish = sorted({s["id"] for i, j in clashes for s in values[i].sources} &
                     {s["id"] for i, j in clashes for s in values[j].sources})
    if clashes:
        parts = []
        for i, j in clashes:
            a, b = values[i], values[j]
            both_stated = a.qualifier == b.qualifier == "stated" and a.sum_of is None and b.sum_of is None
            sa, sb = _bounds_text(sets[i]), _bounds_text(sets[j])
            if both_stated:
                parts.append(tr("conflicts stated clash", lang, a=f"{a.number:,}", b=f"{b.number:,}", sa=sa, sb=sb))
            else:
                parts.append(tr("conflicts clash", lang, a=_short(a, lang, currency), b=_short(b, lang, currency),
                                sa=sa, sb=sb))
        sides = _sides(sets)
        reason = "; ".join(parts)
        if len(sides) > 1:
            reason += tr("conflicts sides", lang) + " | ".join(
                ", ".join(_short(values[i], lang, currency) + " (" + ", ".join(s["id"] for s in values[i].sources) + ")"
                          for i in side) for side in sides)
        if selfish:
            reason += tr("conflicts self", lang, sources=", ".join(selfish))
        return Finding(CONTRADICTION, kind, subject, subject_label, values, reason, selfish, sides)
    common = sets[0]
    for s in sets[1:]:
        lo, lo_c = max((common.lo, common.lo_closed), (s.lo, s.lo_closed), key=lambda t: (t[0], not t[1]))
        his = [(x.hi, x.hi_closed) for x in (common, s) if x.hi is not None]
        hi, hi_c = min(his, key=lambda t: (t[0], t[1])) if his else (None, False)
        common = Bounds(lo, lo_c, hi, hi_c)
    where = _bounds_text(common, currency)
    reason = tr("conflicts overlap", lang, where=where)
    return Finding(CONSISTENT, kind, subject, subject_label, values, reason)


#: The verdict on values of one quantity, for other readers of claims (kg draft judges a proposed figure with it).
judge = _judge


def _sides(sets: list[Bounds]) -> list[list[int]]:
    """Values grouped by agreement: connected through overlapping value sets."""
    group = list(range(len(sets)))

    def find(i):
        while group[i] != i:
            i = group[i]
        return i
    for i in range(len(sets)):
        for j in range(i + 1, len(sets)):
            if sets[i].overlaps(sets[j]):
                group[find(j)] = find(i)
    out: dict[int, list[int]] = {}
    for i in range(len(sets)):
        out.setdefault(find(i), []).append(i)
    return sorted(out.values())


def _sum_checks(alloc: dict, deal, root, cx: _Context) -> list[SumCheck]:
    """Per source and per total it gives shares of: the sum of its shares against every figure for the total."""
    lang = cx.lang
    checks = []
    children: dict[str, list[str]] = {}
    for f, a in alloc.items():
        if a["parent"] in alloc:
            children.setdefault(a["parent"], []).append(f)
    totals_by_deal: dict[tuple, list[str]] = {}
    for f, a in alloc.items():
        if a["parent"] not in alloc:
            totals_by_deal.setdefault(deal(f), []).append(f)
    for parent in sorted(children):
        for source in sorted(alloc[parent]["sources"]):
            parts = sorted(f for f in children[parent] if source in alloc[f]["sources"])
            if not parts:
                continue
            b = _sum_bounds([(alloc[f]["n"], alloc[f]["q"]) for f in parts])
            total = sum(alloc[f]["n"] for f in parts)
            whole = _complete(parts, parent, alloc, cx)
            test = b if whole else Bounds(b.lo, b.lo_closed, None, False)  # a partial list may leave some out
            against = []
            figures: dict[tuple, set] = {}
            for t in totals_by_deal.get(deal(parent), []) if alloc[parent]["parent"] not in alloc else [parent]:
                for s in alloc[t]["sources"]:
                    figures.setdefault((alloc[t]["n"], alloc[t]["q"]), set()).add((t, s))
            own_bad = False
            bad = []
            for (n, q), pairs in sorted(figures.items()):
                tb = qualifiers.value_set(n, q)
                ok = test.overlaps(tb)
                srcs = sorted({s for _, s in pairs})
                against.append({"number": n, "qualifier": q, "bounds": tb.to_dict(),
                                "sources": cx.source_refs(pairs), "facts": sorted({t for t, _ in pairs}),
                                "verdict": CONSISTENT if ok else CONTRADICTION})
                if not ok:
                    bad.append((n, q, tb, srcs))
                    own_bad |= source in srcs
            shares = " + ".join(f"{label_id(cx.label, alloc[f]['recipient'])} "
                                f"{qualifiers.figure(alloc[f]['n'], alloc[f]['q'], '', lang)}" for f in parts)
            text_parts = f"{shares} = {total:,} {_bounds_text(b)}"
            reason = _sum_reason(bad, own_bad, whole, lang)
            checks.append(SumCheck(CONTRADICTION if bad else CONSISTENT, source, parent,
                                   [alloc[parent]["supplier"], alloc[parent]["recipient"]],
                                   [{"fact": f, "recipient": alloc[f]["recipient"], "number": alloc[f]["n"],
                                     "qualifier": alloc[f]["q"]} for f in parts],
                                   total, b.to_dict(), against, reason, own_bad, whole,
                                   source_label=cx.names.get(source, source), text_parts=text_parts))
    return checks


def _sum_reason(bad: list[tuple], own_bad: bool, whole: bool, lang: str) -> str:
    """Why a source's shares do or do not fit the figures for their total."""
    if bad:
        reason = "; ".join(tr("conflicts cannot reach", lang,
                              figure=qualifiers.figure(n, q, qualifiers.gpus(lang), lang), bounds=_bounds_text(tb),
                              sources=", ".join(srcs)) for n, q, tb, srcs in bad)
        if own_bad:
            reason += tr("conflicts own total", lang)
        return reason
    if whole:
        return tr("conflicts fit", lang)
    return tr("conflicts partial", lang)
