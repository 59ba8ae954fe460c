"""Property-based tests of the seed files (hypothesis): generated fact sets survive the whole flow, generated
breakages are all caught.

Valid sets: sources, entities of several types with English and Korean labels (Hangul, quotes, markup,
backslashes, emoji), agreements with 2-7 parties, GPU allocations with shares, investments, each fact cited by
one or two sources. Each is written as seed YAML, built with `kg build`, exported in every format, read back
with rdflib (graph by graph where the format keeps graphs) and compared, and every fact and entity is found by
SPARQL.

Broken sets: one valid set with one thing wrong — a value of the wrong type, an unknown or duplicate id, a bad
date, a huge number, an empty file, invalid UTF-8, a YAML tag, a billion-laughs alias bomb, a 50 MB file. Each
must give `file:line: message`, exit status 2, no traceback and no output file.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from click.testing import CliRunner
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from rdflib import Dataset, Graph, Literal
from rdflib.compare import isomorphic

from kg import model, schema
from kg.cli import main
from kg.query import literal_n3, sparql
from kg.rdf import decimal_lexical
from kg.rdfio import read_dataset
from kg.serialize import FORMATS, PARSER_FORMATS

SETTINGS = settings(max_examples=50, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

ORG_TYPES = ["Company", "GovernmentBody", "University", "PublicResearchInstitute", "InvestmentFirm",
             "IndustryAssociation"]
AGREEMENT_CLASSES = model.active().kinds["agreement"].classes  # mou -> MOU, ...
STATUSES = ["signed", "agreed", "planned", "discussed", "in-negotiation", "ongoing", "concluded"]
QUALIFIERS = ["exact", "about", "at-least", "up-to"]

# Text as curators (and attackers) write it: letters, digits, punctuation that means something in YAML, Turtle,
# JSON, HTML or SPARQL, Hangul, other scripts, an emoji; tabs and newlines inside.
SPECIAL = list(" -_.,:;!?'\"`\\/<>&#%@*|{}[]()=+~^$\t\n") + ["—", "“", "”", "é", "ß", "中", "🙂", "\u00a0"]
EN_TEXT = st.text(st.one_of(st.characters(min_codepoint=0x41, max_codepoint=0x7A, categories=("Lu", "Ll")),
                            st.characters(min_codepoint=0x30, max_codepoint=0x39), st.sampled_from(SPECIAL)),
                  min_size=1, max_size=40)
HANGUL = st.characters(min_codepoint=0xAC00, max_codepoint=0xD7A3)
KO_TEXT = st.text(st.one_of(HANGUL, HANGUL, st.sampled_from([" ", "(", ")", "·", "A", "I", "1"])), min_size=1,
                  max_size=20)
TOKEN = st.from_regex(r"[a-z][a-z0-9]{0,5}", fullmatch=True)
DATES = st.dates(dt.date(1990, 1, 1), dt.date(2035, 12, 31)).map(dt.date.isoformat)


def clean(text: str) -> str:
    """What kg keeps of a text field (it strips the ends); generated texts are all kept non-empty."""
    return text.strip()


def texts(strategy):
    return strategy.map(clean).filter(bool)


# --------------------------------------------------------------------------------------------------
# A seed set, and the YAML files it becomes
# --------------------------------------------------------------------------------------------------

@dataclass
class SeedSet:
    sources: list[dict]
    entities: list[dict]
    facts: dict[str, list[dict]]              # source id -> its file's entries (facts and cite entries)
    expect: list[tuple[str, str]] = field(default_factory=list)  # (what, SPARQL ASK) that must be true

    def write(self, folder: Path) -> dict[tuple[str, str, str], int]:
        """Write the seed files; return the line of each field: (file, entry key, field) -> line."""
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "facts").mkdir(exist_ok=True)
        lines: dict[tuple[str, str, str], int] = {}
        files = [("sources.yaml", {}, "sources", self.sources), ("entities.yaml", {}, "entities", self.entities)]
        files += [(f"facts/{s}.yaml", {"source": s}, "facts", entries) for s, entries in self.facts.items()]
        for name, head, key, entries in files:
            out = [f"{k}: {_yaml(v)}" for k, v in head.items()] + [f"{key}:" + (" []" if not entries else "")]
            for entry in entries:
                entry_key = entry.get("id") or f"cite:{entry['cite']}"
                for i, (k, v) in enumerate(entry.items()):
                    out.append(("  - " if i == 0 else "    ") + f"{k}: {_yaml(v)}")
                    lines[(name, entry_key, k)] = len(out)
            (folder / name).write_text("\n".join(out) + "\n", encoding="utf-8")
        return lines


def _yaml(value) -> str:
    """A value in YAML flow style: JSON is YAML, and json.dumps escapes what must be escaped."""
    return json.dumps(value, ensure_ascii=False)


def labels(draw) -> dict:
    return {"en": draw(texts(EN_TEXT)), "ko": draw(texts(KO_TEXT))}


@st.composite
def seed_sets(draw, max_facts: int = 8) -> SeedSet:
    counter = iter(range(10_000))
    new_id = lambda: f"{draw(TOKEN)}-{next(counter)}"  # noqa: E731 - unique, and of the allowed shape
    ask: list[tuple[str, str]] = []

    def entity(kind: str, **extra) -> dict:
        record = {"id": new_id(), "type": kind, "label": labels(draw), **extra}
        ask.append((f"entity {record['id']}", f"ASK {{ kg:{record['id']} a kgo:{kind} ; "
                    f"rdfs:label {literal_n3(Literal(record['label']['en'], lang='en'))} , "
                    f"{literal_n3(Literal(record['label']['ko'], lang='ko'))} }}"))
        return record

    publisher = entity("NewsPublisher")
    orgs = [entity(draw(st.sampled_from(ORG_TYPES))) for _ in range(draw(st.integers(2, 8)))]
    if draw(st.booleans()):
        orgs[0]["aliases"] = draw(st.lists(texts(st.one_of(EN_TEXT, KO_TEXT)), min_size=1, max_size=3, unique=True))
    country = entity("Country")
    gpu = entity("GPUModel")
    entities = [publisher, *orgs, country, gpu]

    sources = []
    for _ in range(draw(st.integers(1, 3))):
        source = {"id": new_id(), "label": labels(draw), "date": draw(DATES),
                  "language": draw(st.sampled_from(["ko", "en"]))}
        source["file"] = f"{source['id']}.txt"
        if draw(st.booleans()):
            source["publisher"] = publisher["id"]
        if draw(st.booleans()):
            source["title"] = draw(texts(st.one_of(EN_TEXT, KO_TEXT)))
        sources.append(source)
    files: dict[str, list[dict]] = {s["id"]: [] for s in sources}
    org_ids = [o["id"] for o in orgs]

    def cite(fact: dict) -> None:
        """The fact goes into one source's file; maybe a second source cites it too."""
        first = draw(st.sampled_from(sources))["id"]
        paras = draw(st.one_of(st.integers(1, 300), st.lists(st.integers(1, 300), min_size=1, max_size=3, unique=True)))
        files[first].append({**fact, "para": paras, "note": draw(texts(EN_TEXT))})
        citing = [first]
        others = [s["id"] for s in sources if s["id"] != first]
        if others and draw(st.booleans()):
            second = draw(st.sampled_from(others))
            files[second].append({"cite": fact["id"], "para": draw(st.integers(1, 300)), "note": draw(texts(EN_TEXT))})
            citing.append(second)
        for s in citing:
            ask.append((f"{fact['id']} cites {s}", f"ASK {{ kg:{fact['id']} prov:wasDerivedFrom kg:{s} }}"))

    for _ in range(draw(st.integers(1, max_facts))):
        kind = draw(st.sampled_from(["agreement", "gpu-allocation", "investment"]))
        fact = {"id": new_id(), "kind": kind}
        if kind == "agreement":
            parties = draw(st.lists(st.sampled_from(org_ids), min_size=2, max_size=min(7, len(org_ids)), unique=True))
            fact.update(type=draw(st.sampled_from(sorted(AGREEMENT_CLASSES))), parties=parties)
            if draw(st.booleans()):
                fact["date"] = draw(DATES)
            if draw(st.booleans()):
                fact["status"] = draw(st.sampled_from(STATUSES))
            cls = AGREEMENT_CLASSES[fact["type"]]
            ask.append((f"agreement {fact['id']}", f"ASK {{ kg:{fact['id']} a kgo:{cls} ; "
                        + " ; ".join(f"kgo:party kg:{p}" for p in parties) + " }"))
            cite(fact)
        elif kind == "gpu-allocation":
            supplier = draw(st.sampled_from(org_ids))
            fact.update(supplier=supplier, recipient=draw(st.sampled_from(org_ids + [country["id"]])),
                        gpus=draw(st.integers(1, schema.MAX_GPUS)), qualifier=draw(st.sampled_from(QUALIFIERS)))
            if draw(st.booleans()):
                fact["models"] = [gpu["id"]]
            ask.append((f"allocation {fact['id']}",
                        f"ASK {{ kg:{fact['id']} a kgo:GPUAllocation ; kgo:gpuCount {fact['gpus']} ; "
                        f"kgo:supplier kg:{supplier} }}"))
            cite(fact)
            for _share in range(draw(st.integers(0, 2))):
                share = {"id": new_id(), "kind": "gpu-allocation", "supplier": supplier,
                         "recipient": draw(st.sampled_from(org_ids)), "gpus": draw(st.integers(1, fact["gpus"])),
                         "part_of": fact["id"]}
                ask.append((f"share {share['id']}", f"ASK {{ kg:{share['id']} a kgo:GPUAllocation ; "
                            f"kgo:gpuCount {share['gpus']} ; kgo:partOf kg:{fact['id']} }}"))
                cite(share)
        else:
            investors = draw(st.lists(st.sampled_from(org_ids), min_size=1, max_size=2, unique=True))
            amount = draw(st.one_of(st.integers(1, schema.MAX_AMOUNT),
                                    st.integers(1, 10**12).map(lambda cents: cents / 100)))
            fact.update(investors=investors, amount=amount, currency=draw(st.from_regex(r"[A-Z]{3}", fullmatch=True)))
            if draw(st.booleans()):
                fact["purpose"] = draw(texts(EN_TEXT))
            ask.append((f"investment {fact['id']}", f"ASK {{ kg:{fact['id']} a kgo:Investment ; "
                        f"kgo:investor kg:{investors[0]} ; kgo:amount ?a "
                        f"FILTER(?a = \"{decimal_lexical(amount)}\"^^xsd:decimal) }}"))
            cite(fact)
    return SeedSet(sources, entities, files, ask)


def build(folder: Path, out: Path, *extra: str):
    result = CliRunner().invoke(main, ["build", "--seeds", str(folder), "-o", str(out), *extra])
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    return result


# --------------------------------------------------------------------------------------------------
# Valid sets: build, export in every format, read back, query
# --------------------------------------------------------------------------------------------------

@SETTINGS
@given(seed_sets())
def test_generated_seed_sets_build_export_reimport_and_answer(seed_set):
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        seed_set.write(tmp / "seeds")
        out = tmp / "out" / "graph.nq"
        result = build(tmp / "seeds", out)
        assert result.exit_code == 0, result.output

        reference = Dataset()
        reference.parse(out, format="nquads")
        names = {g.identifier for g in reference.graphs() if len(g)}
        union = Graph()
        for s, p, o, _g in reference.quads((None, None, None, None)):
            union.add((s, p, o))
        for fmt, (suffix, keeps_graphs) in FORMATS.items():
            target = tmp / "out" / f"graph{suffix}"
            exported = CliRunner().invoke(main, ["export", "--graph", str(out), "-o", str(target)])
            assert exported.exit_code == 0, exported.output
            if keeps_graphs:
                back = Dataset()
                back.parse(target, format=PARSER_FORMATS[fmt])
                assert {g.identifier for g in back.graphs() if len(g)} == names
                for name in names:
                    assert isomorphic(reference.graph(name), back.graph(name)), (fmt, name)
            else:
                back = Graph()
                back.parse(target, format=PARSER_FORMATS[fmt])
                assert isomorphic(union, back), fmt

        ds = read_dataset(out)
        for what, query in seed_set.expect:
            assert sparql(ds, query).boolean is True, f"{what}: {query}"


# --------------------------------------------------------------------------------------------------
# Broken sets: every breakage is reported at its file and line, and nothing is written
# --------------------------------------------------------------------------------------------------

@dataclass
class Breakage:
    """One thing wrong: which file, which line (None: any), and the message expected there (a regex)."""

    file: str
    line: int | None
    message: str


def _facts_with(seed_set: SeedSet, key: str) -> list[tuple[str, dict]]:
    return [(f"facts/{s}.yaml", e) for s, entries in seed_set.facts.items() for e in entries if key in e]


def _set_line(folder: Path, file: str, line: int, text: str) -> None:
    """Replace one line of a written seed file by raw YAML text."""
    path = folder / file
    content = path.read_text(encoding="utf-8").split("\n")
    indent = re.match(r"\s*(?:- )?", content[line - 1])[0]
    content[line - 1] = indent + text
    path.write_text("\n".join(content), encoding="utf-8")


@st.composite
def breakages(draw):
    """A valid seed set and one breakage; returns (seed set, a function that breaks the written files)."""
    seed_set = draw(seed_sets(max_facts=4))
    kind = draw(st.sampled_from(["wrong type", "unknown id", "duplicate id", "bad date", "huge number",
                                 "empty file", "invalid utf-8", "yaml tag", "alias bomb", "wrong entity type"]))

    def pick_fact(*keys):
        """A fact (or cite entry) with one of the keys, its file and the key."""
        found = [(file, entry, key) for key in keys for file, entry in _facts_with(seed_set, key)]
        return draw(st.sampled_from(found))

    def apply(folder: Path, lines: dict) -> Breakage:
        if kind == "wrong type":
            file, fact, key = pick_fact("gpus", "parties", "investors")
            value = draw(st.sampled_from(['"5만"', "1.5", "true", "[]", '"1,000"', "{a: 1}"] if key == "gpus"
                                         else ["42", "{a: 1}", "[[x]]"]))
            line = lines[(file, fact["id"], key)]
            _set_line(folder, file, line, f"{key}: {value}")
            if key == "gpus":
                return Breakage(file, line, r"'gpus' must be a whole number, not .+ — write digits only")
            shown = {"42": "42", "{a: 1}": r"\{'a': 1\}", "[[x]]": r"\['x'\]"}[value]
            return Breakage(file, line, rf"'{key}' must be an entity id, not {shown}")
        if kind == "unknown id":
            file, fact, key = pick_fact("supplier", "investors", "parties")
            ghost = draw(st.from_regex(r"ghost-[a-z]{1,6}", fullmatch=True))
            value = ghost if key == "supplier" else json.dumps([ghost] + fact[key][1:])
            line = lines[(file, fact["id"], key)]
            _set_line(folder, file, line, f"{key}: {value}")
            return Breakage(file, line, rf"unknown entity '{ghost}' in '{key}' — ")
        if kind == "duplicate id":
            first = draw(st.sampled_from(seed_set.entities))
            file, fact, _ = pick_fact("kind")
            line = lines[(file, fact["id"], "id")]
            _set_line(folder, file, line, f"id: {first['id']}")
            return Breakage(file, line, rf"duplicate id '{first['id']}' \(already used for an entity at "
                                        rf".*entities.yaml:\d+\) — give one of them another id")
        if kind == "bad date":
            bad = draw(st.sampled_from(["2025-02-30", "2025-13-01", "31/10/2025", "yesterday", "2025-1-5", "20251031"]))
            message = rf"'date' is not a valid date: '?{re.escape(bad)}'? — write it as YYYY-MM-DD"
            if draw(st.booleans()):
                source = draw(st.sampled_from(seed_set.sources))
                line = lines[("sources.yaml", source["id"], "date")]
                _set_line(folder, "sources.yaml", line, f"date: {bad}")
                return Breakage("sources.yaml", line, message)
            file, fact, _ = pick_fact("kind")
            if "date" in fact:
                line = lines[(file, fact["id"], "date")]
                _set_line(folder, file, line, f"date: {bad}")
                return Breakage(file, line, message)
            line = lines[(file, fact["id"], "kind")]
            _set_line(folder, file, line, f"kind: {fact['kind']}\n    date: {bad}")
            return Breakage(file, line + 1, message)
        if kind == "huge number":
            file, fact, key = pick_fact("amount", "gpus", "para")
            line = lines[(file, fact.get("id") or f"cite:{fact.get('cite')}", key)]
            if key == "amount":
                _set_line(folder, file, line, f"amount: {draw(st.integers(schema.MAX_AMOUNT + 1, 10**40))}")
                return Breakage(file, line, r"'amount' must be positive and at most 1e\+16, not \d")
            if key == "gpus":
                digits = draw(st.integers(10, 6000))
                _set_line(folder, file, line, "gpus: " + "9" * digits)
                if digits > 4300:
                    return Breakage(file, line, rf"YAML error: a number of {digits:,} digits, far too long")
                return Breakage(file, line, r"'gpus' is 9+(… \([\d,]+ characters\))?, more than the plausible maximum")
            _set_line(folder, file, line, "para: -" + "9" * 30)
            return Breakage(file, line, r"'para' must be a paragraph number or a list of them, not -9+")
        if kind == "empty file":
            files = ["sources.yaml", "entities.yaml", *(f"facts/{s}.yaml" for s in seed_set.facts)]
            file = draw(st.sampled_from(files))
            (folder / file).write_text(draw(st.sampled_from(["", "\n\n", "   \n"])), encoding="utf-8")
            return Breakage(file, 1, r"the file is empty — see seeds/README.md")
        if kind == "invalid utf-8":
            files = ["sources.yaml", "entities.yaml", *(f"facts/{s}.yaml" for s in seed_set.facts)]
            file = draw(st.sampled_from(files))
            data = (folder / file).read_bytes().split(b"\n")
            at = draw(st.integers(0, len(data) - 1))
            byte = draw(st.sampled_from([b"\xff", b"\xc3\x28", b"\xed\xa0\x80", b"\x80"]))
            data[at] = data[at][:2] + byte + data[at][2:]
            (folder / file).write_bytes(b"\n".join(data))
            return Breakage(file, at + 1, rf"the file is not valid UTF-8 \(byte 0x{byte[0]:02x}\) — save it as UTF-8")
        if kind == "yaml tag":
            file, fact, _ = pick_fact("note")
            line = lines[(file, fact.get("id") or f"cite:{fact.get('cite')}", "note")]
            tag = draw(st.sampled_from(['!!python/object/apply:os.system ["true"]', "!!python/name:os.system",
                                        '!!python/object/new:os.system ["true"]', "!custom x"]))
            _set_line(folder, file, line, f"note: {tag}")
            return Breakage(file, line, r"YAML error: the YAML tag \S+ is not allowed in seed files")
        if kind == "alias bomb":
            file = draw(st.sampled_from(["entities.yaml"] + [f"facts/{s}.yaml" for s in seed_set.facts]))
            bomb = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
            bomb += [f"{c}: &{c} [{','.join([f'*{p}'] * 9)}]" for p, c in zip("abcdefgh", "bcdefghi", strict=True)]
            (folder / file).write_text("\n".join(bomb) + "\n", encoding="utf-8")
            return Breakage(file, 1, r"YAML error: YAML anchors and aliases \(&name, \*name\) are not allowed")
        # wrong entity type: a GPU model as a party or investor, a country as a supplier
        file, fact, key = pick_fact("parties", "investors", "supplier")
        entity = next(e for e in seed_set.entities if e["type"] == ("Country" if key == "supplier" else "GPUModel"))
        value = entity["id"] if key == "supplier" else json.dumps([entity["id"]] + fact[key][1:])
        line = lines[(file, fact["id"], key)]
        _set_line(folder, file, line, f"{key}: {value}")
        expected = "an Organization or Person or Sector" if key == "parties" else "an Organization"
        return Breakage(file, line, rf"'{key}' must be {expected}, but '{entity['id']}' is a")

    return seed_set, kind, apply


def check_refused(folder: Path, out: Path, breakage: Breakage) -> str:
    result = build(folder, out)
    assert result.exit_code == 2, result.output
    path = re.escape(str(folder / breakage.file))
    line = str(breakage.line) if breakage.line else r"\d+"
    assert re.search(rf"^{path}:{line}: {breakage.message}", result.output, re.M), (breakage, result.output)
    for problem in result.output.splitlines()[:-1]:  # every line names a file of the seed folder
        assert problem.startswith(str(folder)), problem
    assert result.output.splitlines()[-1].endswith("found; nothing was written.")
    assert not out.exists() and not out.parent.exists()
    return result.output


@SETTINGS
@given(breakages())
def test_generated_breakages_are_reported_at_their_line_and_nothing_is_written(case):
    seed_set, kind, apply = case
    event(kind)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "seeds"
        lines = seed_set.write(folder)
        breakage = apply(folder, lines)
        started = time.monotonic()
        check_refused(folder, Path(tmp) / "out" / "graph.nq", breakage)
        assert time.monotonic() - started < 10, kind  # the alias bomb and huge numbers are refused at once


def test_a_50_mb_seed_file_is_refused_before_it_is_read(tmp_path):
    """Written here (never committed): 50 MB of valid-looking YAML in a fact file."""
    import shutil

    from conftest import MINIMAL

    folder = tmp_path / "seeds"
    shutil.copytree(MINIMAL, folder)
    big = folder / "facts" / "src-b.yaml"
    entry = "  - cite: mou-test\n    para: 3\n    note: " + "padding " * 12 + "\n"
    with big.open("a", encoding="utf-8") as fh:
        for _ in range(50 * 2**20 // len(entry) + 1):
            fh.write(entry)
    assert big.stat().st_size > 50 * 2**20
    started = time.monotonic()
    check_refused(folder, tmp_path / "out" / "graph.nq",
                  Breakage("facts/src-b.yaml", 1, r"the file is 50\.0 MiB, over the 5 MiB limit for a seed file — "
                                                  r"split it into several files under seeds/facts/"))
    assert time.monotonic() - started < 5
