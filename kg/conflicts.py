"""Where the sources disagree (`kg conflicts`): the same quantity about the same subject with different
values or qualifiers in different sources, different GPU models named for one deal, and, per source,
whether the shares it gives add up to the total it gives.

A finding never picks a side: it lists every value with the sources that state it.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

from kg import engine
from kg.provenance import PREFIXES, Labels, local

ALLOCATIONS = """
SELECT ?fact ?supplier ?recipient ?n ?q ?parent ?source ?model WHERE {
  ?fact a kgo:GPUAllocation ; kgo:supplier ?supplier ; kgo:recipient ?recipient ; kgo:gpuCount ?n ;
        kgo:qualifier/skos:notation ?q ; prov:wasDerivedFrom ?source .
  OPTIONAL { ?fact kgo:partOf ?parent }
  OPTIONAL { ?fact kgo:gpuModel ?model }
}
"""

TARGETS = """
SELECT ?fact ?setter ?year ?n ?q ?source WHERE {
  ?fact a kgo:GPUTarget ; kgo:setBy ?setter ; kgo:targetYear ?year ; kgo:gpuCount ?n ;
        kgo:qualifier/skos:notation ?q ; prov:wasDerivedFrom ?source .
}
"""

INVESTMENTS = """
SELECT ?fact ?investor ?target ?amount ?currency ?q ?source WHERE {
  ?fact a kgo:Investment ; kgo:investor ?investor ; kgo:amount ?amount ; kgo:currency ?currency ;
        prov:wasDerivedFrom ?source .
  OPTIONAL { ?fact kgo:investmentTarget ?target }
  OPTIONAL { ?fact kgo:qualifier/skos:notation ?q }
}
"""

ESTIMATES = """
SELECT ?fact ?holder ?n ?q ?source WHERE {
  ?fact a kgo:GPUStockEstimate ; kgo:holder ?holder ; kgo:gpuCount ?n ;
        kgo:qualifier/skos:notation ?q ; prov:wasDerivedFrom ?source .
}
"""


@dataclass
class Side:
    """One value of a disputed quantity, with every source that states it."""

    value: str
    sources: list[str]
    facts: list[str]    # fact ids: the ones stating the value; for GPU models, the facts that name a model


@dataclass
class Finding:
    """A quantity the sources state differently."""

    kind: str           # "different figures" | "same figure, different qualifier" | "different GPU models"
    subject: str        # what the quantity is about, in words
    sides: list[Side]

    def lines(self) -> list[str]:
        out = [f"{self.kind}: {self.subject}"]
        for side in self.sides:
            out.append(f"    {side.value} — {', '.join(side.sources)}  ({', '.join(side.facts)})")
        return out


@dataclass
class SumCheck:
    """Per source: the shares it gives of a total it gives, and whether they add up."""

    source: str
    total_fact: str
    total: str
    parts: list[tuple[str, int, str]]  # (recipient label, GPUs, qualifier)
    parts_sum: int
    verdict: str        # "adds up" | "within the bound" | "does not add up"
    detail: str
    part_facts: list[str] = field(default_factory=list)  # fact ids of the parts, in the order of `parts`

    def parts_text(self) -> str:
        """'Korean private sector 200,000 + Korean public sector 50,000 (about) = 250,000'."""
        parts = " + ".join(f"{label} {n:,}" + ("" if q == "exact" else f" ({q})") for label, n, q in self.parts)
        return f"{parts} = {self.parts_sum:,}"

    def lines(self) -> list[str]:
        mark = {"adds up": "✓", "within the bound": "~", "does not add up": "✗"}[self.verdict]
        return [f"{self.source}: {self.total}", f"    {self.parts_text()}  {mark} {self.verdict}: {self.detail}"]


@dataclass
class ConflictReport:
    findings: list[Finding] = field(default_factory=list)
    sums: list[SumCheck] = field(default_factory=list)

    @property
    def conflicts(self) -> int:
        """Findings plus sums that do not add up: what --strict fails on."""
        return len(self.findings) + sum(1 for s in self.sums if s.verdict == "does not add up")

    def to_dict(self) -> dict:
        return {"findings": [asdict(f) for f in self.findings], "sums": [asdict(s) for s in self.sums],
                "conflicts": self.conflicts}

    def text(self) -> str:
        lines = []
        if self.findings:
            lines.append("Where the sources disagree")
            for f in self.findings:
                lines += ["  " + line for line in f.lines()]
        else:
            lines.append("No disagreements between sources.")
        if self.sums:
            lines.append("")
            lines.append("Do the parts add up? (per source)")
            for s in self.sums:
                lines += ["  " + line for line in s.lines()]
        lines.append("")
        lines.append(f"{self.conflicts} conflict(s): {len(self.findings)} disagreement(s), "
                     f"{sum(1 for s in self.sums if s.verdict == 'does not add up')} sum(s) that do not add up.")
        return "\n".join(lines)


QUALIFIER_WORDS = {"exact": "exactly", "about": "about", "at-least": "at least", "up-to": "up to"}


def _figure(n: int, q: str, unit: str = "GPUs") -> str:
    return f"{QUALIFIER_WORDS.get(q, q)} {n:,} {unit}".strip()


def conflicts(graph, lang: str = "en") -> ConflictReport:
    """Every disagreement between sources, and the per-source sum checks."""
    from kg.provenance import sources

    label = Labels(graph, lang)
    names = {s.id: f"{s.publisher or 'unattributed'}, {s.date} [{s.id}]" for s in sources(graph, lang, label)}
    source_name = lambda s: names.get(local(s), local(s))  # noqa: E731

    # GPU allocations, by fact
    alloc: dict = {}
    for fact, supplier, recipient, n, q, parent, source, model in engine.select(graph, PREFIXES + ALLOCATIONS):
        a = alloc.setdefault(fact, {"supplier": supplier, "recipient": recipient, "n": int(n), "q": str(q),
                                    "parent": parent, "sources": set(), "models": set()})
        a["sources"].add(source)
        if model is not None:
            a["models"].add(model)

    def deal(fact):
        seen = set()
        while alloc[fact]["parent"] is not None and alloc[fact]["parent"] in alloc and fact not in seen:
            seen.add(fact)
            fact = alloc[fact]["parent"]
        return alloc[fact]["supplier"], alloc[fact]["recipient"]

    report = ConflictReport()
    groups: dict = {}
    for fact, a in alloc.items():
        key = ("GPU allocation", a["supplier"], a["recipient"], deal(fact))
        groups.setdefault(key, []).append((fact, (a["n"], a["q"]), a["sources"]))
    subject = lambda key: f"{key[0]} {label(key[1])} → {label(key[2])}"  # noqa: E731
    _compare(report, groups, subject, lambda v: _figure(*v), source_name)

    # GPU models named for one deal, per source; the facts that name them are each side's facts
    models: dict = {}
    naming: dict = {}
    for fact, a in alloc.items():
        for source in a["sources"]:
            models.setdefault(deal(fact), {}).setdefault(source, set()).update(a["models"])
            if a["models"]:
                naming.setdefault(deal(fact), {}).setdefault(source, set()).add(fact)
    for (supplier, recipient), by_source in sorted(models.items(), key=lambda kv: str(kv[0])):
        named = {s: frozenset(m) for s, m in by_source.items() if m}
        if len(set(named.values())) > 1:
            sides: dict = {}
            for source, ms in named.items():
                sides.setdefault(ms, []).append(source)
            report.findings.append(Finding("different GPU models", f"GPUs {label(supplier)} → {label(recipient)}", [
                Side(", ".join(sorted(label(m) for m in ms)), sorted(source_name(s) for s in srcs),
                     sorted({local(f) for s in srcs for f in naming[(supplier, recipient)][s]}))
                for ms, srcs in sorted(sides.items(), key=lambda kv: sorted(map(str, kv[0])))]))

    # Targets, investments, estimates
    groups = {}
    for fact, setter, year, n, q, source in engine.select(graph, PREFIXES + TARGETS):
        groups.setdefault(("GPU target", setter, str(year)), []).append((fact, (int(n), str(q)), {source}))
    _compare(report, groups, lambda k: f"{k[0]} of {label(k[1])} for {k[2]}", lambda v: _figure(*v), source_name)

    invest: dict = {}
    for fact, investor, target, amount, currency, q, source in engine.select(graph, PREFIXES + INVESTMENTS):
        i = invest.setdefault(fact, {"investors": set(), "target": target, "value": (float(amount), str(currency), str(q or "exact")),
                                     "sources": set()})
        i["investors"].add(investor)
        i["sources"].add(source)
    groups = {}
    for fact, i in invest.items():
        groups.setdefault(("investment", frozenset(i["investors"]), i["target"]), []).append((fact, i["value"], i["sources"]))
    _compare(report, groups,
             lambda k: f"investment by {', '.join(sorted(label(x) for x in k[1]))}" + (f" in {label(k[2])}" if k[2] else ""),
             lambda v: f"{QUALIFIER_WORDS.get(v[2], v[2])} {v[1]} {v[0]:,.0f}", source_name)

    groups = {}
    for fact, holder, n, q, source in engine.select(graph, PREFIXES + ESTIMATES):
        groups.setdefault(("GPU stock", holder), []).append((fact, (int(n), str(q)), {source}))
    _compare(report, groups, lambda k: f"{k[0]} of {label(k[1])}", lambda v: _figure(*v), source_name)

    report.sums = _sum_checks(alloc, label, source_name)
    return report


def _compare(report, groups, subject, show, source_name) -> None:
    """Add a finding for every group whose facts state more than one value."""
    for key in sorted(groups, key=str):
        by_value: dict = {}
        for fact, value, sources in groups[key]:
            entry = by_value.setdefault(value, (set(), set()))
            entry[0].update(sources)
            entry[1].add(fact)
        if len(by_value) < 2:
            continue
        numbers = {v[0] for v in by_value}
        kind = "different figures" if len(numbers) > 1 else "same figure, different qualifier"
        sides = [Side(show(v), sorted(source_name(s) for s in srcs), sorted(local(f) for f in facts))
                 for v, (srcs, facts) in sorted(by_value.items(), key=lambda kv: str(kv[0]))]
        report.findings.append(Finding(kind, subject(key), sides))


def _sum_checks(alloc: dict, label, source_name) -> list[SumCheck]:
    checks = []
    children: dict = {}     # parent -> its parts (indexed once: scanning every fact per parent is quadratic)
    for f, a in alloc.items():
        if a["parent"] is not None:
            children.setdefault(a["parent"], []).append((f, a))
    totals: dict = {}       # source -> the totals it states that have parts, in id order (not every fact per source)
    for parent in sorted((f for f in alloc if f in children), key=str):
        for source in alloc[parent]["sources"]:
            totals.setdefault(source, []).append(parent)
    for source in sorted(totals, key=str):
        for parent in totals[source]:
            p = alloc[parent]
            parts = [(f, a) for f, a in children[parent] if source in a["sources"]]
            if not parts:
                continue
            total, q = p["n"], p["q"]
            parts_sum = sum(a["n"] for _, a in parts)
            if q in ("exact", "about"):
                verdict = "adds up" if parts_sum == total else "does not add up"
                detail = "the shares equal the total" if parts_sum == total else \
                    f"the shares {'fall short of' if parts_sum < total else 'exceed'} the total by {abs(total - parts_sum):,}"
            elif q == "at-least":
                verdict = "adds up" if parts_sum == total else ("within the bound" if parts_sum > total else "does not add up")
                detail = "the shares equal the total" if parts_sum == total else (
                    f"the shares exceed the lower bound by {parts_sum - total:,}" if parts_sum > total
                    else f"the shares fall short of the lower bound by {total - parts_sum:,}")
            else:  # up-to
                verdict = "adds up" if parts_sum == total else ("within the bound" if parts_sum < total else "does not add up")
                detail = "the shares equal the total" if parts_sum == total else (
                    f"{total - parts_sum:,} of the upper bound are not broken down" if parts_sum < total
                    else f"the shares exceed the upper bound by {parts_sum - total:,}")
            shares = sorted(((label(a["recipient"]), a["n"], a["q"], local(f)) for f, a in parts),
                            key=lambda t: (-t[1], t[0], t[3]))
            checks.append(SumCheck(
                source=source_name(source), total_fact=local(parent),
                total=f"{label(p['supplier'])} → {label(p['recipient'])}, {_figure(total, q)}",
                parts=[t[:3] for t in shares], parts_sum=parts_sum, verdict=verdict, detail=detail,
                part_facts=[t[3] for t in shares]))
    return checks
