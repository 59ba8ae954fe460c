"""Broken seed files: each gives a file:line message with a hint, a non-zero exit, no traceback, no output."""

from __future__ import annotations

import re

import pytest
from click.testing import CliRunner

from kg.cli import main

# (name, file, text to replace, replacement, expected message (regex), text that marks the expected line)
CASES = [
    ("unknown entity with suggestion", "facts/src-a.yaml", "supplier: nvidia\n    recipient: korea",
     "supplier: nvida\n    recipient: korea", r"unknown entity 'nvida' in 'supplier' — did you mean 'nvidia'\?",
     "nvida"),
    ("unknown entity found by label", "facts/src-a.yaml", "parties: [nvidia, acme, ministry]",
     "parties: [nvidia, Acme Electronics, ministry]", r"unknown entity 'Acme Electronics'.*did you mean 'acme'\?",
     "Acme Electronics"),
    ("unknown source", "facts/src-b.yaml", "source: src-b", "source: src-c",
     r"unknown source 'src-c' — did you mean 'src-[ab]'\?", "source: src-c"),
    ("missing source citation", "facts/src-a.yaml", "    para: 8\n", "",
     r"fact 'jane-ceo' has no 'para' — give the paragraph", "id: jane-ceo"),
    ("negative count", "facts/src-a.yaml", "gpus: 600", "gpus: -600",
     r"'gpus' must be positive, not -600", "gpus: -600"),
    ("non-numeric count", "facts/src-a.yaml", "gpus: 400", "gpus: 4백",
     r"'gpus' must be a whole number, not '4백' — write digits only", "gpus: 4백"),
    ("count with comma", "facts/src-b.yaml", "gpus: 650", 'gpus: "650,000"',
     r"'gpus' must be a whole number", "gpus: \"650,000\""),
    ("huge count", "facts/src-b.yaml", "gpus: 650", "gpus: 650000000000000000000",
     r"'gpus' is 650000000000000000000, more than the plausible maximum 100000000 — check for extra zeros",
     "gpus: 650000000000000000000"),
    ("bad date", "facts/src-a.yaml", "date: 2025-10-31", "date: 2025-13-45",
     r"'date' is not a valid date: '2025-13-45' — write it as YYYY-MM-DD", "date: 2025-13-45"),
    ("duplicate id", "facts/src-b.yaml", "id: share-acme-b", "id: share-acme",
     r"duplicate id 'share-acme' \(already used for a fact at .*src-a.yaml:\d+\)", "id: share-acme\n"),
    ("wrong type for a role", "facts/src-a.yaml", "role: ceo", "role: acme",
     r"'role' must be a Role, but 'acme' is a Company", "role: acme"),
    ("wrong type for a supplier", "facts/src-a.yaml", "supplier: acme\n    customer", "supplier: hbm4\n    customer",
     r"'supplier' must be an Organization, but 'hbm4' is a MemoryProduct", "supplier: hbm4"),
    ("unknown field", "facts/src-a.yaml", "recipient: acme", "reciptent: acme",
     r"unknown field 'reciptent' — did you mean 'recipient'\?", "reciptent"),
    ("unknown kind", "facts/src-a.yaml", "kind: supply", "kind: suply",
     r"unknown fact kind 'suply' — did you mean 'supply'\?", "kind: suply"),
    ("unknown entity type", "entities.yaml", "type: GPUModel", "type: GpuModel",
     r"unknown entity type 'GpuModel' — did you mean 'GPUModel'\?", "type: GpuModel"),
    ("bad qualifier", "facts/src-a.yaml", "qualifier: at-least", "qualifier: roughly",
     r"'qualifier' has unknown value 'roughly'", "qualifier: roughly"),
    ("missing Korean label", "entities.yaml", "label: {en: HBM4, ko: HBM4}", "label: {en: HBM4}",
     r"'label' needs an English and a Korean label", "label: {en: HBM4}"),
    ("part_of points to wrong kind", "facts/src-a.yaml", "part_of: total\n    para: 4\n    note: acme",
     "part_of: mou-test\n    para: 4\n    note: acme",
     r"'part_of' must point to a gpu-allocation fact, but 'mou-test' is an agreement",
     "part_of: mou-test"),
    ("cite of unknown fact", "facts/src-b.yaml", "cite: mou-test", "cite: mou-tset",
     r"'cite' names unknown fact 'mou-tset' — did you mean 'mou-test'\?", "cite: mou-tset"),
    ("missing required field", "facts/src-a.yaml", "    customer: nvidia\n", "",
     r"fact 'supply-hbm4' has no 'customer'", "id: supply-hbm4"),
    ("duplicate key", "facts/src-a.yaml", "    gpus: 1000\n", "    gpus: 1000\n    gpus: 2000\n",
     r"field 'gpus' is given twice", "gpus: 2000"),
    ("amount without currency", "facts/src-a.yaml", "    currency: USD\n", "",
     r"an amount needs a 'currency'", "amount: 3000000000"),
    ("YAML syntax error", "facts/src-a.yaml", "    note: three-way MOU", "    note: [three-way MOU",
     r"YAML error: .* — fix the YAML syntax", None),
    ("YAML alias", "facts/src-a.yaml", "    models: [blackwell]", "    models: &m [blackwell]\n    use: *m",
     r"YAML error: YAML anchors and aliases .* are not allowed in seed files — write each value out in full", "&m"),
    ("bad id", "entities.yaml", "id: jane-doe", "id: Jane_Doe",
     r"bad id 'Jane_Doe' — ids are lower-case ASCII words joined by hyphens", "id: Jane_Doe"),
    ("paragraph past the end of the article", "facts/src-a.yaml", "    para: 8\n", "    para: 80\n",
     r"'jane-ceo' cites paragraph 80 of 'src-a', which is past the end of the article — use the line number",
     "id: jane-ceo"),
    ("paragraph on a blank line", "facts/src-a.yaml", "    para: 3\n", "    para: 2\n",
     r"'total' cites paragraph 2 of 'src-a', which is a blank line", "id: total"),
    ("source cited twice", "facts/src-b.yaml", "  - cite: mou-test\n    para: 3",
     "  - cite: mou-test\n    para: 3\n    note: x\n  - cite: mou-test\n    para: 4",
     r"'mou-test' cites source 'src-b' twice",
     None),
    # structure
    ("entry that is not a mapping", "facts/src-b.yaml", "  - cite: mou-test\n",
     "  - just a string\n  - cite: mou-test\n",
     r"each entry of 'facts' must be a mapping of fields — write 'field: value' lines", "just a string"),
    ("missing facts list", "facts/src-b.yaml", "facts:\n", "fact:\n",
     r"missing the 'facts:' list — add 'facts:' followed by entries", "source: src-b"),
    ("missing source line", "facts/src-b.yaml", "source: src-b\n", "",
     r"missing 'source:' — name the source these facts come from", "facts:"),
    ("fact without id", "facts/src-a.yaml", "  - id: jane-ceo\n    kind: position", "  - kind: position",
     r"a fact has no 'id' — add a stable id such as 'naver-cloud'", "- kind: position"),
    ("duplicate source id", "sources.yaml", "  - id: src-b", "  - id: src-a",
     r"duplicate source id 'src-a' — give each source its own id", "id: src-a\n    label: {en: \"Unattributed"),
    ("required entity field", "entities.yaml", "    label: {en: Test City, ko: 시험시}\n", "",
     r"entity 'test-city' has no 'label' — add 'label:'", "id: test-city"),
    # scalar values
    ("empty text", "facts/src-a.yaml", "purpose: physical AI", 'purpose: "  "',
     r"'purpose' must be non-empty text, not '  ' — write a short phrase", 'purpose: "  "'),
    ("amount in words", "facts/src-a.yaml", "amount: 3000000000", 'amount: "3 billion"',
     r"'amount' must be a number, not '3 billion' — write digits", "amount: \"3 billion\""),
    ("amount too large", "facts/src-a.yaml", "amount: 3000000000", "amount: 3.0e+17",
     r"'amount' must be positive and at most 1e\+16, not 3e\+17 — check the figure", "amount: 3.0e+17"),
    ("year out of range", "facts/src-b.yaml", "by_year: 2030", "by_year: 1850",
     r"'by_year' must be a year such as 2030, not 1850 — write four digits", "by_year: 1850"),
    ("currency", "facts/src-a.yaml", "currency: USD", "currency: dollars",
     r"'currency' must be an ISO 4217 code such as USD or KRW, not 'dollars' — write three capital letters",
     "currency: dollars"),
    ("language", "sources.yaml", "language: ko\n    file: a.txt", "language: Korean\n    file: a.txt",
     r"'language' must be a language code such as ko or en, not 'Korean' — use a BCP 47 code", "language: Korean"),
    ("paragraph in words", "facts/src-a.yaml", "    para: 8\n", "    para: eight\n",
     r"'para' must be a paragraph number or a list of them, not 'eight'", "para: eight"),
    ("huge count is cut short in the message", "facts/src-a.yaml", "gpus: 600", "gpus: " + "9" * 100,
     r"'gpus' is 9{50}… \(100 characters\), more than the plausible maximum 100000000", "gpus: 999"),
    ("number with thousands of digits", "facts/src-a.yaml", "gpus: 600", "gpus: " + "9" * 5000,
     r"YAML error: a number of 5,000 digits, far too long for a figure — check for extra digits", "gpus: 999"),
    ("control character", "facts/src-a.yaml", "    note: acme's share", "    note: acme\x07s share",
     r"the file contains a control character \(#x0007\), which YAML does not allow", "acme\x07s"),
    ("control character written as an escape", "facts/src-a.yaml", "    note: acme's share",
     '    note: "acme\\es share"',
     r"the text contains the control character \\x1b — remove it", "acme\\es"),
    ("lone surrogate written as an escape", "facts/src-a.yaml", "    note: acme's share", '    note: "acme\\ud800"',
     r"the text contains the control character \\ud800 — remove it", "acme\\ud800"),
    ("text over the length limit", "facts/src-a.yaml", "    note: acme's share", "    note: " + "x" * 5001,
     r"a text of 5,001 characters, over the 5,000-character limit for one value — shorten it", "x" * 50),
    ("number in another base", "facts/src-a.yaml", "gpus: 600", "gpus: 0x258",
     r"'gpus' must be a whole number, not '0x258' — write digits only", "gpus: 0x258"),
    ("sexagesimal number", "facts/src-a.yaml", "gpus: 600", "gpus: 10:00",
     r"'gpus' must be a whole number, not '10:00' — write digits only", "gpus: 10:00"),
    ("number under an explicit tag", "facts/src-a.yaml", "gpus: 600", "gpus: !!int 0x258",
     r"'0x258' is not a plain decimal number — write digits only, such as 50000", "gpus: !!int"),
    ("id with a trailing newline", "entities.yaml", "id: ceo", 'id: "ceo\\n"', r"bad id 'ceo\\n'", 'id: "ceo'),
    ("currency with a trailing newline", "facts/src-a.yaml", "currency: USD", 'currency: "USD\\n"',
     r"'currency' must be an ISO 4217 code such as USD or KRW, not 'USD\\n'", "currency: "),
    ("label over the length limit", "entities.yaml", "label: {en: CEO, ko: 최고경영자}",
     "label: {en: " + "C" * 301 + ", ko: 최고경영자}",
     r"'label' is longer than 300 characters — keep the label to a name",
     "C" * 50),
    ("article text given as an absolute path", "sources.yaml", "file: a.txt", "file: /etc/hostname",
     r"'file' '/etc/hostname' is an absolute path — give the name of the article's text file inside the 'texts:' "
     r"folder", "file: /etc"),
    ("article text outside its folder", "sources.yaml", "file: a.txt", "file: ../../a.txt",
     r"'file' '../../a.txt' goes out of its folder with '..' — give the name", "file: ../"),
    ("YAML nested too deeply", "facts/src-a.yaml", "    models: [blackwell]", "    models: " + "[" * 3000 + "]" * 3000,
     r"YAML error: lists or mappings are nested too deeply", "source: src-a"),
    ("YAML tag that would run code", "facts/src-a.yaml", "    note: the whole package",
     '    note: !!python/object/apply:os.system ["true"]',
     r"YAML error: the YAML tag tag:yaml.org,2002:python/object/apply:os.system is not allowed in seed files — "
     r"write plain values", "!!python"),
    # references
    ("reference that is not an id", "facts/src-a.yaml", "supplier: nvidia\n    recipient: korea",
     "supplier: [nvidia]\n    recipient: korea", r"'supplier' must be an entity id, not \['nvidia'\]",
     "supplier: [nvidia]"),
    ("reference to a fact", "facts/src-a.yaml", "recipient: acme\n    gpus: 600", "recipient: total\n    gpus: 600",
     r"'recipient' points to fact 'total', but needs an entity — use an id from entities.yaml", "recipient: total"),
    ("empty list", "facts/src-a.yaml", "models: [blackwell]", "models: []",
     r"'models' is an empty list — list at least one id, or remove the field", "models: []"),
    ("same id twice", "facts/src-a.yaml", "parties: [nvidia, acme, ministry]", "parties: [nvidia, acme, nvidia]",
     r"'parties' lists the same id twice — list each id once", "parties: [nvidia, acme, nvidia]"),
    ("unknown fact in part_of", "facts/src-a.yaml", "part_of: total\n    para: 4\n    note: acme",
     "part_of: totl\n    para: 4\n    note: acme", r"unknown fact 'totl' in 'part_of' — did you mean 'total'\?",
     "part_of: totl"),
    ("part_of loop", "facts/src-a.yaml", "    qualifier: at-least\n    models: [blackwell]",
     "    qualifier: at-least\n    part_of: share-acme\n    models: [blackwell]",
     r"'part_of' of 'total' loops back to itself — a share must point to a larger allocation", "id: total"),
    # labels and other entity fields
    ("label in a third language", "entities.yaml", "label: {en: NVIDIA, ko: 엔비디아}",
     "label: {en: NVIDIA, ko: 엔비디아, ja: エヌビディア}",
     r"'label' has labels in unexpected languages \['ja'\] — keep en and ko", "ja: エヌビディア"),
    ("aliases not a list", "entities.yaml", "aliases: [Nvidia, 엔비디아]", "aliases: Nvidia",
     r"'aliases' must be a list of names", "aliases: Nvidia"),
    ("identifier not quoted", "entities.yaml", 'identifiers: {krx: "000001"}', "identifiers: {krx: 1}",
     r"'identifiers' must map schemes to quoted codes", "identifiers: {krx: 1}"),
    ("field for another type", "entities.yaml", "aliases: [Nvidia, 엔비디아]\n",
     "aliases: [Nvidia, 엔비디아]\n    date: 2025-10-31\n",
     r"'date' does not apply to a Company — only Event entities take it", "date: 2025-10-31\n  - id: acme"),
    # citations
    ("entity cite not a list", "entities.yaml", "aliases: [Nvidia, 엔비디아]\n",
     "aliases: [Nvidia, 엔비디아]\n    cite: src-a\n",
     r"'cite' must be a list of \{source, para\} entries", "cite: src-a"),
    ("entity cite entry not a mapping", "entities.yaml", "aliases: [Nvidia, 엔비디아]\n",
     "aliases: [Nvidia, 엔비디아]\n    cite: [src-a]\n",
     r"each 'cite' entry must be a mapping — write \{source: ID, para: N\}",
     "cite: [src-a]"),
    ("entity cite of an unknown source", "entities.yaml", "aliases: [Nvidia, 엔비디아]\n",
     "aliases: [Nvidia, 엔비디아]\n    cite: [{source: src-x, para: 3}]\n",
     r"unknown source 'src-x' in 'cite' — did you mean 'src-[ab]'\?", "cite: [{source: src-x"),
    ("entity cite without para", "entities.yaml", "aliases: [Nvidia, 엔비디아]\n",
     "aliases: [Nvidia, 엔비디아]\n    cite: [{source: src-a}]\n",
     r"a 'cite' entry needs 'para' — give the paragraph number",
     "cite: [{source: src-a}]"),
    ("fact without note", "facts/src-a.yaml", "    note: the whole package\n", "",
     r"fact 'total' needs a 'note' — add a short note in your own words", "id: total"),
    ("investment without amount", "facts/src-b.yaml", "    amount_text: tens of trillions of won\n", "",
     r"investment 'invest-words' states no amount — add amount \+ currency, or amount_text", "id: invest-words"),
    ("agreement with one party", "facts/src-a.yaml", "parties: [nvidia, acme, ministry]", "parties: [nvidia]",
     r"agreement 'mou-test' needs at least two parties — list every party", "parties: [nvidia]"),
    ("citation without note", "facts/src-b.yaml", "  - cite: mou-test\n    para: 3\n    note: also reports the MOU\n",
     "  - cite: mou-test\n    para: 3\n", r"citation of 'mou-test' needs a 'note'", "cite: mou-test"),
    ("citation without para", "facts/src-b.yaml", "  - cite: mou-test\n    para: 3\n", "  - cite: mou-test\n",
     r"citation of 'mou-test' has no 'para' — give the paragraph number", "cite: mou-test"),
]


def _expected_line(text: str, marker: str | None) -> int | None:
    if marker is None:
        return None
    index = text.index(marker)
    return text[:index].count("\n") + 1


@pytest.mark.parametrize("name,file,old,new,message,marker", CASES, ids=[c[0] for c in CASES])
def test_broken_seed_file(minimal_copy, tmp_path, name, file, old, new, message, marker):
    path = minimal_copy / file
    text = path.read_text(encoding="utf-8")
    assert old in text, f"test case {name!r} does not apply to the fixture"
    text = text.replace(old, new, 1)
    path.write_text(text, encoding="utf-8")
    out = tmp_path / "out" / "graph.nq"

    result = CliRunner().invoke(main, ["build", "--seeds", str(minimal_copy), "-o", str(out)])

    assert result.exit_code == 2, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.output
    line = _expected_line(text, marker)
    prefix = re.escape(str(path)) + (f":{line}:" if line else r":\d+:")
    assert re.search(prefix + " " + message, result.output), result.output
    assert "nothing was written" in result.output
    assert not out.exists()
    assert not out.parent.exists() or not any(out.parent.iterdir())


def test_all_problems_are_reported_at_once(minimal_copy, tmp_path):
    path = minimal_copy / "facts" / "src-a.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("gpus: 600", "gpus: -1").replace("role: ceo", "role: acme").replace("date: 2025-10-31",
                                                                                           "date: 31/10/2025")
    path.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(main, ["build", "--seeds", str(minimal_copy), "-o", str(tmp_path / "g.nq")])
    assert result.exit_code == 2
    problems = [line for line in result.output.splitlines() if line.startswith(str(path))]
    assert len(problems) == 3, result.output
    assert "3 problems found; nothing was written." in result.output


@pytest.mark.parametrize("content,message", [
    (b"", "the file is empty"),
    (b"sources:\n  - id: x\n    label: {en: \xff\xfe}\n", "the file is not valid UTF-8 (byte 0xff)"),
    (b"- just\n- a list\n", "expected a mapping with a 'sources:' list at the top"),
    (b"sources: 42\n", "'sources' must be a list of entries"),
    (b"sources:\n  - id: x\x00\n", "the file contains a NUL character — it is not a text file"),
])
def test_unreadable_sources_file(minimal_copy, tmp_path, content, message):
    (minimal_copy / "sources.yaml").write_bytes(content)
    result = CliRunner().invoke(main, ["build", "--seeds", str(minimal_copy), "-o", str(tmp_path / "g.nq")])
    assert result.exit_code == 2
    assert message in result.output
    assert re.search(re.escape(str(minimal_copy / "sources.yaml")) + r":\d+: ", result.output)
    assert not (tmp_path / "g.nq").exists()


def test_file_over_size_limit(minimal_copy, tmp_path, monkeypatch):
    from kg import seeds

    monkeypatch.setattr(seeds, "MAX_SEED_FILE_BYTES", 1000)
    path = minimal_copy / "facts" / "src-a.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "# padding\n" * 200, encoding="utf-8")
    result = CliRunner().invoke(main, ["build", "--seeds", str(minimal_copy), "-o", str(tmp_path / "g.nq")])
    assert result.exit_code == 2
    assert "over the 0 MiB limit" in result.output or "MiB, over the" in result.output
    assert "split it into several files" in result.output


def test_missing_seed_folder(tmp_path):
    result = CliRunner().invoke(main, ["build", "--seeds", str(tmp_path / "nope"), "-o", str(tmp_path / "g.nq")])
    assert result.exit_code == 2
    assert "the seed folder does not exist — run from the project folder or pass --seeds DIR" in result.output


def test_previous_output_is_kept_when_seeds_break(minimal_copy, tmp_path):
    out = tmp_path / "graph.nq"
    ok = CliRunner().invoke(main, ["build", "--seeds", str(minimal_copy), "-o", str(out)])
    assert ok.exit_code == 0, ok.output
    before = out.read_bytes()
    path = minimal_copy / "facts" / "src-a.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("gpus: 600", "gpus: zero"), encoding="utf-8")
    bad = CliRunner().invoke(main, ["build", "--seeds", str(minimal_copy), "-o", str(out)])
    assert bad.exit_code == 2
    assert out.read_bytes() == before


def test_missing_registry_file_and_no_fact_files(minimal_copy, tmp_path):
    import shutil

    (minimal_copy / "entities.yaml").unlink()
    shutil.rmtree(minimal_copy / "facts")
    out = tmp_path / "g.nq"
    result = CliRunner().invoke(main, ["build", "--seeds", str(minimal_copy), "-o", str(out)])
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert f"{minimal_copy / 'entities.yaml'}: cannot read the file (No such file or directory) — check the path and " \
           "permissions" in result.output.splitlines()
    assert f"{minimal_copy / 'facts'}: no fact files found — add facts/<source-id>.yaml files" \
        in result.output.splitlines()
    assert not out.exists()


def test_a_yaml_tag_runs_nothing(minimal_copy, tmp_path):
    marker = tmp_path / "PWNED"
    path = minimal_copy / "facts" / "src-a.yaml"
    text = path.read_text(encoding="utf-8").replace(
        "    note: the whole package", f'    note: !!python/object/apply:os.system ["touch {marker}"]')
    path.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(main, ["build", "--seeds", str(minimal_copy), "-o", str(tmp_path / "g.nq")])
    assert result.exit_code == 2 and "is not allowed in seed files" in result.output
    assert not marker.exists()
