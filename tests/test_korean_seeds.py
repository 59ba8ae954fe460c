"""Broken seed files and kg build's summary in Korean (issue 15): with `kg build --lang ko` (or the global
`kg --lang ko`, or $KG_LANG=ko) every problem is said in Korean, at the same file:line as in English, with exit
status 2; only what the file says (quoted: ids, field names, the value typed), file names, option names, codes and
the ontology's class names (in parentheses after their Korean label) stay Latin.

The broken files are test_bad_seeds.py's CASES, each applied to a copy of tests/fixtures/minimal."""

from __future__ import annotations

import re

import pytest
from click.testing import CliRunner
from conftest import SEEDS
from test_bad_seeds import CASES
from test_korean_output import strip_allowed

from kg.cli import main

HANGUL = re.compile(r"[가-힣]")
#: Cases whose message quotes a library's own English: PyYAML's description of a syntax error.
QUOTES_ENGLISH = {"YAML syntax error"}


def broken(minimal_copy, file: str, old: str, new: str) -> None:
    path = minimal_copy / file
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def build(seeds, out, *options, env=None):
    return CliRunner().invoke(main, ["build", *options, "--seeds", str(seeds), "-o", str(out)], env=env)


def problems(output: str, root) -> list[tuple[str, str]]:
    """(file:line, the rest) of each problem line."""
    found = []
    for line in output.splitlines():
        m = re.match(re.escape(str(root)) + r"(\S*?(?::\d+)?): (.*)", line)
        if m:
            found.append((m[1], m[2]))
    return found


def english_words(text: str) -> list[str]:
    """Runs of three or more Latin letters left once what may stay Latin is taken out."""
    text = re.sub(r"(?m)(다음 중 하나를 쓰세요|여기에 쓸 수 있는 필드): .*$", "", text)  # the values allowed
    text = re.sub(r"'[^']*'|\"[^\"]*\"", "", text)                 # quoted: ids, field names, values typed
    text = re.sub(r"[a-z_]+: (?=[\[{])|\{[^}]*\}|\[[^\]]*\]|[&*]name", "", text)  # examples of YAML to write
    text = re.sub(r"\([A-Za-z][\w-]*\)", "", text)                 # a class or kind after its Korean label
    text = re.sub(r"--[a-z-]+|`[^`]*`|[\w.,:/<>-]*/[\w.,:/<>-]*|[\w<>-]+\.(?:yaml|md|txt)", "", text)  # options, paths
    text = re.sub(r"(?<![A-Za-z_])(?:para|source|note|currency|amount(?:_text)?|texts|file|inferred|qualifier|en|ko)"
                  r"(?![A-Za-z_])", "", text)                       # field names a message names unquoted
    return re.findall(r"[A-Za-z]{3,}", strip_allowed(text, set(), set()))


@pytest.mark.parametrize("name,file,old,new,message,marker", CASES, ids=[c[0] for c in CASES])
def test_a_broken_seed_file_in_korean(minimal_copy, tmp_path, name, file, old, new, message, marker):
    broken(minimal_copy, file, old, new)
    out = tmp_path / "out" / "graph.nq"
    english = build(minimal_copy, out)
    korean = build(minimal_copy, out, "--lang", "ko")
    assert english.exit_code == korean.exit_code == 2, korean.output
    assert "Traceback" not in korean.output and not out.exists()
    en, ko = problems(english.output, minimal_copy), problems(korean.output, minimal_copy)
    assert en and [where for where, _ in ko] == [where for where, _ in en]      # the same files and lines
    for (_, en_text), (_, ko_text) in zip(en, ko, strict=True):
        assert ko_text != en_text and HANGUL.search(ko_text), ko_text
    assert korean.output.splitlines()[-1] == f"문제 {len(ko)}건을 찾았습니다. 아무것도 쓰지 않았습니다."
    if name not in QUOTES_ENGLISH:
        assert not english_words(korean.output), (english_words(korean.output), korean.output)


def test_the_did_you_mean_hint_and_one_problem_per_typo_in_korean(minimal_copy, tmp_path):
    broken(minimal_copy, "facts/src-a.yaml", "supplier: nvidia\n    recipient: korea",
           "supplier: nvida\n    recipient: korea")
    broken(minimal_copy, "entities.yaml", "type: GPUModel", "type: GpuModel")
    result = build(minimal_copy, tmp_path / "g.nq", "--lang", "ko")
    assert result.exit_code == 2
    lines = [text for _, text in problems(result.output, minimal_copy)]
    assert "'supplier'에 알 수 없는 항목 'nvida' — 혹시 'nvidia'인가요?" in lines
    assert "알 수 없는 항목 유형 'GpuModel' — 혹시 'GPUModel'인가요?" in lines
    assert len(lines) == 2, lines   # the entity of the unknown type is not reported again where it is used


def test_korean_names_of_classes_and_kinds(minimal_copy, tmp_path):
    broken(minimal_copy, "facts/src-a.yaml", "role: ceo", "role: acme")
    broken(minimal_copy, "facts/src-b.yaml", "    amount_text: tens of trillions of won\n", "")
    result = build(minimal_copy, tmp_path / "g.nq", "--lang", "ko")
    lines = [text for _, text in problems(result.output, minimal_copy)]
    assert "'role'에는 직책(Role) 유형이 와야 하는데 'acme'의 유형은 기업(Company)입니다 — 맞는 유형의 항목을 " \
           "쓰거나, entities.yaml에서 'acme'의 유형을 고치세요" in lines
    assert any(line.startswith("투자(investment) 'invest-words'에 금액이 없습니다 — ") for line in lines), lines


def test_the_global_language_and_the_environment_set_the_language_of_kg_build(minimal_copy, tmp_path):
    broken(minimal_copy, "facts/src-a.yaml", "gpus: 600", "gpus: -600")
    out = tmp_path / "g.nq"
    own = build(minimal_copy, out, "--lang", "ko")
    assert "'gpus'에는 양수를 써야 합니다 (받은 값: -600) — 수치를 양수로 쓰세요" in own.output
    assert CliRunner().invoke(main, ["--lang", "ko", "build", "--seeds", str(minimal_copy), "-o", str(out)]).output \
        == own.output
    assert build(minimal_copy, out, env={"KG_LANG": "ko"}).output == own.output


def test_missing_seed_folder_in_korean(tmp_path):
    result = build(tmp_path / "nope", tmp_path / "g.nq", "--lang", "ko")
    assert result.exit_code == 2
    assert result.output.splitlines() == [f"{tmp_path / 'nope'}: 시드 폴더가 없습니다 — 프로젝트 폴더에서 실행하거나 "
                                          "--seeds DIR을 주세요",
                                          "문제 1건을 찾았습니다. 아무것도 쓰지 않았습니다."]


def test_kg_build_summary_in_korean(tmp_path):
    english = build(SEEDS, tmp_path / "en.nq")
    korean = build(SEEDS, tmp_path / "ko.nq", "--lang", "ko")
    assert english.exit_code == korean.exit_code == 0, korean.output
    assert (tmp_path / "en.nq").read_bytes() == (tmp_path / "ko.nq").read_bytes()   # the language changes no data
    en, ko = english.stdout.splitlines(), korean.stdout.splitlines()
    assert len(en) == len(ko) == 5
    assert sorted(re.findall(r"\d+", en[0])) == sorted(re.findall(r"\d+", ko[0]))   # the same counts
    assert ko[0].startswith("출처 ") and "트리플" in ko[0]
    assert ko[1].startswith("  항목:     ") and "기업 " in ko[1] and "Company" not in ko[1]
    assert ko[2].startswith("  사실:     ") and "GPU 공급 배정 " in ko[2] and "gpu-allocation" not in ko[2]
    assert [int(n) for n in re.findall(r"\d+", ko[1])] == [int(n) for n in re.findall(r"\d+", en[1])]
    assert ko[3] == re.sub(r"SHACL: conforms \((\d+) nodes checked\)", r"SHACL: 형상에 맞음 (노드 \1개 검사)", en[3])
    assert ko[4] == f"{tmp_path / 'ko.nq'} 파일을 썼습니다"
    for line in ko:
        left = re.sub(r"SHACL|\S+/\S+", "", line)
        assert not re.findall(r"[A-Za-z]{3,}", strip_allowed(left, set(), set())), line


def test_kg_validate_in_korean():
    result = CliRunner().invoke(main, ["validate", "--lang", "ko", "--seeds", str(SEEDS)])
    assert result.exit_code == 0, result.output
    assert re.fullmatch(r"그래프가 형상에 맞습니다 \(노드 \d+개 검사\)\.\n", result.stdout), result.stdout


def test_what_was_not_checked_is_said_in_korean(minimal_copy, tmp_path):
    """Without the texts folder, kg build warns which cited paragraphs went unchecked, in the command's language."""
    import shutil

    shutil.rmtree(minimal_copy / "texts")
    english = build(minimal_copy, tmp_path / "en.nq", "--no-validate")
    korean = build(minimal_copy, tmp_path / "ko.nq", "--no-validate", "--lang", "ko")
    assert english.exit_code == korean.exit_code == 0
    en, ko = english.stderr.splitlines(), korean.stderr.splitlines()
    assert en[0].startswith("warning: ") and len(en) == len(ko) == 3
    paras, articles = re.search(r"so (\d+) cited paragraphs of (\d+) articles", en[0]).groups()
    assert ko[0] == (f"경고: {minimal_copy / 'sources.yaml'}:1: 텍스트 폴더 {minimal_copy / 'texts'}이 없어 기사 "
                     f"{articles}건의 인용 문단 {paras}개를 확인하지 않았습니다 — 기사 텍스트를 그곳에 두거나 "
                     "'texts:'를 고치세요")
    assert ko[1:] == [line.replace(": para ", ": 문단 ") for line in en[1:]]
