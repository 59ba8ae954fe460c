"""Hostile seed files (SECURITY.md section 1): files and article texts outside their folders, FIFOs and devices,
values that slip past `$`, YAML 1.1 numbers, control characters and over-long values, 'did you mean' searches
that cost minutes, and `kg new-source` options that would inject YAML. Each is a `file:line: what — how to fix`
problem, exit status 2, nothing written, no traceback, and nothing of a file outside the seed folder shown."""

from __future__ import annotations

import difflib
import os
import re
import subprocess
import sys
import time

import pytest
from click.testing import CliRunner

from kg import schema, seeds
from kg.cli import main
from kg.errors import KgError, SeedError
from kg.scaffold import new_source
from kg.seeds import load_seeds

SECRET = "s3cr3t-4f9a"
OUTSIDE_YAML = f"source: {SECRET}\nfacts:\n  - id: x\n    password: {SECRET}\n"


def build(folder, tmp_path):
    out = tmp_path / "out" / "graph.nq"
    result = CliRunner().invoke(main, ["build", "--seeds", str(folder), "-o", str(out)])
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result, out


def refused(folder, tmp_path, pattern):
    """Build; it must fail with exit 2, a problem matching `pattern` (a regex of `file:line: message`), no output."""
    result, out = build(folder, tmp_path)
    assert result.exit_code == 2, result.output
    assert re.search(pattern, result.output, re.M), result.output
    assert "nothing was written" in result.output and not out.exists()
    return result.output


def line_of(path, marker):
    text = path.read_text(encoding="utf-8")
    return text[: text.index(marker)].count("\n") + 1


def replace(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


# --------------------------------------------------------------------------------------------------
# 1. Files outside the seed folder, FIFOs, devices, sizes
# --------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("name", ["facts/extra.yaml", "facts/src-b.yaml", "entities.yaml", "sources.yaml"])
def test_a_seed_file_linked_outside_the_seed_folder_is_refused_unread(minimal_copy, tmp_path, name):
    outside = tmp_path / "elsewhere" / "secret.yaml"
    outside.parent.mkdir()
    outside.write_text(OUTSIDE_YAML, encoding="utf-8")
    link = minimal_copy / name
    link.unlink(missing_ok=True)
    link.symlink_to(outside)
    output = refused(minimal_copy, tmp_path, rf"^{re.escape(str(link))}:1: the file is a link to a place outside the "
                                             r"seed folder — .*copy the file into the seed folder")
    assert SECRET not in output and "password" not in output and str(outside) not in output


def test_a_link_inside_the_seed_folder_is_fine(minimal_copy, tmp_path):
    (minimal_copy / "facts" / "src-b.yaml").rename(minimal_copy / "b.yaml")
    (minimal_copy / "facts" / "src-b.yaml").symlink_to(minimal_copy / "b.yaml")
    result, _ = build(minimal_copy, tmp_path)
    assert result.exit_code == 0, result.output


def _run_build(folder, tmp_path, timeout=30):
    """kg build in its own process, so that a hang (a FIFO read by old code) fails the test instead of hanging it."""
    try:
        return subprocess.run([sys.executable, "-c", "from kg.cli import main; main()", "build", "--seeds", str(folder),
                               "-o", str(tmp_path / "g.nq")], capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        pytest.fail("kg build hung on the seed folder")


def test_a_fifo_as_seed_file_is_refused_without_hanging(minimal_copy, tmp_path):
    fifo = minimal_copy / "facts" / "pipe.yaml"
    os.mkfifo(fifo)
    result = _run_build(minimal_copy, tmp_path)
    assert result.returncode == 2, result.stderr + result.stdout
    assert f"{fifo}:1: the file is a named pipe (FIFO), not a regular file — " in result.stdout + result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("texts,file,message", [
    ("texts", "/etc/hostname", r"'file' '/etc/hostname' is an absolute path"),
    ("texts", "../../outside.txt", r"'file' '../../outside.txt' goes out of its folder with '..'"),
    ("texts", "a.txt/../../../outside.txt",
     r"'file' 'a.txt/\.\./\.\./\.\./outside\.txt' goes out of its folder with '\.\.'"),
    ("texts", "link.txt", r"'file' 'link.txt' is a link to a place outside the texts folder"),
    ("texts", "pipe.txt", r"'file' 'pipe.txt' is a named pipe \(FIFO\), not a regular file"),
    ("/dev", "zero", r"'file' 'zero' is a device, not a regular file"),
    ("/dev", "urandom", r"'file' 'urandom' is a device, not a regular file"),
])
def test_an_article_text_outside_its_folder_or_not_a_file_is_refused(minimal_copy, tmp_path, texts, file, message):
    outside = tmp_path / "outside.txt"
    outside.write_text("line\n" * 1234, encoding="utf-8")
    (minimal_copy / "texts" / "link.txt").symlink_to(outside)
    os.mkfifo(minimal_copy / "texts" / "pipe.txt")
    sources = minimal_copy / "sources.yaml"
    replace(sources, "texts: texts", f"texts: {texts}")
    replace(sources, "file: a.txt", f"file: {file}")
    # a paragraph past the end of a 1234-line file would tell its length: cite paragraph 1000
    replace(minimal_copy / "facts" / "src-a.yaml", "    para: 8\n", "    para: 1000\n")
    started = time.monotonic()
    result = _run_build(minimal_copy, tmp_path)
    assert time.monotonic() - started < 20
    assert result.returncode == 2, result.stdout + result.stderr
    line = line_of(sources, f"file: {file}")
    output = result.stdout + result.stderr
    assert re.search(rf"^{re.escape(str(sources))}:{line}: {message} — ", output, re.M), output
    assert "1234" not in output and "Traceback" not in output


def test_size_is_checked_on_the_bytes_read_not_on_stat(minimal_copy, tmp_path, monkeypatch):
    """/proc files say size 0 but hold more: the limit holds on what is actually read."""
    if not os.path.exists("/proc/self/maps"):
        pytest.skip("needs Linux /proc")
    monkeypatch.setattr(seeds, "MAX_TEXT_FILE_BYTES", 100)
    sources = minimal_copy / "sources.yaml"
    replace(sources, "texts: texts", "texts: /proc/self")
    replace(sources, "file: a.txt", "file: maps")
    assert os.stat("/proc/self/maps").st_size == 0
    refused(minimal_copy, tmp_path, rf"^{re.escape(str(sources))}:\d+: 'file' 'maps' is over the 100-byte limit "
                                    r"for an article text — ")


def test_a_seed_file_over_the_limit_is_refused_on_the_bytes_read(minimal_copy, tmp_path, monkeypatch):
    monkeypatch.setattr(seeds, "MAX_SEED_FILE_BYTES", 1000)
    real_fstat = os.fstat

    def lying_fstat(fd):  # a file system that reports size 0, as /proc and some FUSE file systems do
        st = real_fstat(fd)
        return os.stat_result((st.st_mode, *st[1:6], 0, *st[7:]))

    monkeypatch.setattr(os, "fstat", lying_fstat)
    path = minimal_copy / "facts" / "src-a.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "# padding\n" * 200, encoding="utf-8")
    refused(minimal_copy, tmp_path,
            rf"^{re.escape(str(path))}:1: the file is over the 1,000-byte limit for a seed file — ")


# --------------------------------------------------------------------------------------------------
# 2. Patterns match the whole value
# --------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("file,old,new,message", [
    ("facts/src-a.yaml", "currency: USD", r'currency: "USD\n"', r"'currency' must be an ISO 4217 code such as USD or "
                                                                  r"KRW, not 'USD\\n'"),
    ("sources.yaml", "language: ko\n    file: a.txt", 'language: "ko\\n"\n    file: a.txt',
     r"'language' must be a language code such as ko or en, not 'ko\\n'"),
    ("entities.yaml", "id: ceo", r'id: "ceo\n"', r"bad id 'ceo\\n' — ids are lower-case ASCII words"),
    ("facts/src-a.yaml", "id: jane-ceo", r'id: "jane-ceo\n"', r"bad id 'jane-ceo\\n'"),
])
def test_a_trailing_newline_does_not_pass_a_pattern(minimal_copy, tmp_path, file, old, new, message):
    path = minimal_copy / file
    replace(path, old, new)
    refused(minimal_copy, tmp_path, rf"^{re.escape(str(path))}:{line_of(path, new.split(chr(10))[0])}: {message}")


# --------------------------------------------------------------------------------------------------
# 3. Numbers are plain decimal digits
# --------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("value", ["2:30", "0xC350", "0o1750", "0b101", "50_000", "+5", "1_000.0", ".inf", "1:30.5"])
def test_only_plain_decimal_digits_are_a_number(minimal_copy, tmp_path, value):
    path = minimal_copy / "facts" / "src-a.yaml"
    replace(path, "gpus: 600", f"gpus: {value}")
    refused(minimal_copy, tmp_path, rf"^{re.escape(str(path))}:{line_of(path, 'gpus: ' + value)}: 'gpus' must be a "
                                    rf"whole number, not '{re.escape(value)}' — write digits only, such as 50000")


@pytest.mark.parametrize("value", ["!!int 0x10", "!!int '2:30'", "!!float 1_0.5"])
def test_an_explicit_number_tag_takes_decimal_digits_only(minimal_copy, tmp_path, value):
    path = minimal_copy / "facts" / "src-a.yaml"
    replace(path, "gpus: 600", f"gpus: {value}")
    refused(minimal_copy, tmp_path, rf"^{re.escape(str(path))}:{line_of(path, 'gpus: ' + value)}: '.*' is not a "
                                    r"plain decimal number — write digits only, such as 50000")


def test_decimal_numbers_stay_numbers_and_other_forms_stay_text(minimal_copy):
    path = minimal_copy / "facts" / "src-a.yaml"
    replace(path, "gpus: 600", "gpus: 0600")  # YAML 1.1 would read 384 (octal)
    replace(path, "purpose: physical AI", "purpose: 2:30")  # YAML 1.1 would read 150
    replace(path, "amount: 3000000000", "amount: 3.0e+9")
    loaded = load_seeds(minimal_copy)
    assert loaded.facts["share-acme"].values["gpus"] == 600
    assert loaded.facts["invest-test"].values["purpose"] == "2:30"
    assert loaded.facts["invest-test"].values["amount"] == 3e9


# --------------------------------------------------------------------------------------------------
# 4. Control characters, surrogates, over-long values
# --------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("escape,shown", [
    (r"\x00", r"\x00"), (r"\x07", r"\x07"), (r"\e[2J", r"\x1b"), (r"\r", r"\r"), (r"\x7f", r"\x7f"),
    (r"\x85", r"\x85"), (r"\u0080", r"\x80"), (r"\x9f", r"\x9f"), (r"\ud800", r"\ud800"), (r"\udfff", r"\udfff"),
])
def test_control_characters_and_lone_surrogates_are_refused_and_shown_escaped(minimal_copy, tmp_path, escape, shown):
    path = minimal_copy / "facts" / "src-a.yaml"
    replace(path, "    note: acme's share", f'    note: "acme{escape}s share"')
    output = refused(minimal_copy, tmp_path,
                     rf"^{re.escape(str(path))}:{line_of(path, 'acme' + escape)}: the text contains the "
                     rf"control character {re.escape(shown)} — ")
    assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]", output)


def test_tabs_and_newlines_in_text_are_still_fine(minimal_copy):
    replace(minimal_copy / "facts" / "src-a.yaml", "    note: acme's share", '    note: "acme\'s\tshare\\nline two"')
    assert load_seeds(minimal_copy).facts["share-acme"].citations[0].note == "acme's\tshare\nline two"


def test_a_file_name_with_control_characters_is_shown_escaped(minimal_copy, tmp_path):
    (minimal_copy / "facts" / "\x1b[2Jx.yaml").write_text("source: src-a\nfacts: 42\n", encoding="utf-8")
    output = refused(minimal_copy, tmp_path, r"\\x1b\[2Jx\.yaml:\d+: 'facts' must be a list of entries")
    assert "\x1b" not in output


@pytest.mark.parametrize("file,old,new,message", [
    ("facts/src-a.yaml", "    note: acme's share", "    note: " + "x" * (schema.MAX_TEXT_CHARS + 1),
     rf"a text of {schema.MAX_TEXT_CHARS + 1:,} characters, over the {schema.MAX_TEXT_CHARS:,}-character "
     r"limit for one value — "),
    ("facts/src-a.yaml", "    note: acme's share", "    note: " + "x" * 3_000_000,
     r"a text of 3,000,000 characters, over the"),
    ("entities.yaml", "id: ceo", "id: " + "c" * (schema.MAX_ID_CHARS + 1),
     rf"bad id 'c{{49}}… \({schema.MAX_ID_CHARS + 3} characters\) — .*at most {schema.MAX_ID_CHARS} characters"),
    ("entities.yaml", "label: {en: CEO, ko: 최고경영자}",
     "label: {en: " + "C" * (schema.MAX_LABEL_CHARS + 1) + ", ko: 최고경영자}",
     rf"'label' is longer than {schema.MAX_LABEL_CHARS} characters — "),
    ("entities.yaml", "aliases: [Nvidia, 엔비디아]", "aliases: [Nvidia, " + "N" * (schema.MAX_LABEL_CHARS + 1) + "]",
     rf"'aliases' has a name longer than {schema.MAX_LABEL_CHARS} characters — "),
])
def test_over_long_values_are_refused(minimal_copy, tmp_path, monkeypatch, file, old, new, message):
    monkeypatch.setattr(seeds, "MAX_SEED_FILE_BYTES", 8 * 2**20)
    path = minimal_copy / file
    replace(path, old, new)
    marker = new.strip().split(" ")[-1][:20] if "label" not in new else "C" * 20
    output = refused(minimal_copy, tmp_path, rf"^{re.escape(str(path))}:{line_of(path, marker)}: {message}")
    assert len(output) < 2000


# --------------------------------------------------------------------------------------------------
# 5. 'Did you mean' stays cheap
# --------------------------------------------------------------------------------------------------

def test_near_miss_suggestions_are_bounded_on_a_file_of_near_miss_ids(minimal_copy, tmp_path, monkeypatch):
    """2,000 entities and 2,000 facts that each name a near-miss of one: a search over all 6,000 names per problem
    made 12 million comparisons (443 s to reject these 0.4 MB before the bound; 5.3 s after, 4.3 s of it PyYAML
    parsing); the checker compares a bounded number and still suggests for the first problems."""
    n = 2000
    with (minimal_copy / "entities.yaml").open("a", encoding="utf-8") as fh:
        for i in range(n):
            fh.write(f"  - id: company-number-{i:05d}\n    type: Company\n    label: {{en: C{i}, ko: 회사{i}}}\n")
    facts = ["source: src-b", "facts:"]
    for i in range(n):
        facts.append(f"  - id: stmt-{i:05d}\n    kind: statement\n    speaker: company-numbr-{i:05d}\n"
                     f"    para: 7\n    note: near miss")
    (minimal_copy / "facts" / "zz-near.yaml").write_text("\n".join(facts) + "\n", encoding="utf-8")

    compared = 0  # names compared (difflib sets each as seq1; each search also sets '' once as it starts)
    real_set_seq1 = difflib.SequenceMatcher.set_seq1

    def counting_set_seq1(self, a):
        nonlocal compared
        compared += 1
        if compared > 2 * seeds.MAX_SUGGESTIONS * (seeds.MAX_COMPARED + 1):
            raise AssertionError(f"more than {compared:,} 'did you mean' comparisons")
        return real_set_seq1(self, a)

    monkeypatch.setattr(difflib.SequenceMatcher, "set_seq1", counting_set_seq1)
    started = time.monotonic()
    with pytest.raises(SeedError) as caught:
        load_seeds(minimal_copy)
    elapsed = time.monotonic() - started
    problems = [str(p) for p in caught.value.problems]
    assert len(problems) == n
    assert compared <= seeds.MAX_SUGGESTIONS * (seeds.MAX_COMPARED + 1)
    assert elapsed < 30, elapsed
    # the first problems still get a useful suggestion, the rest the plain hint
    assert "unknown entity 'company-numbr-00000' in 'speaker' — did you mean 'company-number-00000'?" in problems[0]
    assert sum("did you mean" in p for p in problems) == seeds.MAX_SUGGESTIONS
    assert problems[-1].endswith("— add it to seeds/entities.yaml, or check the spelling")


def test_nearest_compares_only_names_of_a_similar_length_and_at_most_limit(monkeypatch):
    compared = []  # each name difflib compares, after the '' a matcher starts with
    real_set_seq1 = difflib.SequenceMatcher.set_seq1
    monkeypatch.setattr(difflib.SequenceMatcher, "set_seq1",
                        lambda self, a: compared.append(a) or real_set_seq1(self, a))
    names = [f"name-{i}" for i in range(10, 100)] + ["x" * 40, "y"]
    assert seeds.nearest("nmae-17", names) == ["name-17"]
    assert len(compared) == 1 + 90  # neither 'xxx…' nor 'y' could ever be close enough
    compared.clear()
    assert seeds.nearest("nmae-17", names, limit=10) == ["name-17"]  # name-10 … name-19 only
    assert len(compared) == 1 + 10


# --------------------------------------------------------------------------------------------------
# 6. kg new-source
# --------------------------------------------------------------------------------------------------

@pytest.fixture()
def seed_dir(minimal_copy):
    return minimal_copy


@pytest.mark.parametrize("kwargs,message", [
    ({"label_en": "x\nsource: injected"}, r"--label-en must be one line of text without control characters"),
    ({"label_ko": "엑스\r\nfacts: []"}, r"--label-ko must be one line"),
    ({"title": "headline\u2028source: injected"}, r"--title must be one line"),
    ({"label_en": "x\x1b[2J"}, r"--label-en must be one line"),
    ({"label_en": "x" * (schema.MAX_LABEL_CHARS + 1)},
     rf"--label-en is longer than {schema.MAX_LABEL_CHARS} characters"),
    ({"publisher": "yonhap\nx: 1"}, r"bad publisher id 'yonhap\\nx: 1'"),
    ({"ident": "yonhap-20251102\n"}, r"bad source id 'yonhap-20251102\\n'"),
    ({"language": "ko\n"}, r"bad language 'ko\\n'"),
    ({"date": "20251101"}, r"bad date '20251101' — write it as YYYY-MM-DD"),
    ({"date": "2025-11-01\n"}, r"bad date '2025-11-01\\n' — write it as YYYY-MM-DD"),
    ({"date": "2025-W44-6"}, r"bad date '2025-W44-6'"),
    ({"file": "/etc/passwd"}, r"bad --file '/etc/passwd': it is an absolute path — "),
    ({"file": "../x.txt"}, r"bad --file '../x.txt': it goes out of its folder with '..' — "),
])
def test_new_source_refuses_what_would_inject_yaml_or_fail_the_build(seed_dir, kwargs, message):
    before = {p: p.read_bytes() for p in seed_dir.rglob("*") if p.is_file()}
    args = {"ident": "yonhap-20251102", "date": "2025-11-02", "label_en": "x", "label_ko": "엑스", **kwargs}
    ident = args.pop("ident")
    with pytest.raises(KgError, match=message):
        new_source(seed_dir, ident, **args)
    assert {p: p.read_bytes() for p in seed_dir.rglob("*") if p.is_file()} == before


def test_new_source_reads_sources_yaml_through_the_seed_checks(seed_dir, tmp_path):
    outside = tmp_path / "secret.yaml"
    outside.write_text(OUTSIDE_YAML, encoding="utf-8")
    (seed_dir / "sources.yaml").unlink()
    (seed_dir / "sources.yaml").symlink_to(outside)
    with pytest.raises(SeedError) as caught:
        new_source(seed_dir, "yonhap-20251102", date="2025-11-02", label_en="x", label_ko="엑스")
    assert "link to a place outside the seed folder" in "\n".join(caught.value.lines)
    assert SECRET not in "\n".join(caught.value.lines)
    assert not (seed_dir / "facts" / "yonhap-20251102.yaml").exists()


def test_new_source_with_quotes_and_hangul_builds(seed_dir, tmp_path):
    new_source(seed_dir, "yonhap-20251102", date="2025-11-02", label_en="Yonhap: \"GPU\" deal # 2 — 'follow-up'",
               label_ko="연합뉴스: 후속 보도", title="엔비디아: {후속} [기사]", file="yonhap-20251102.txt")
    loaded = load_seeds(seed_dir)
    assert loaded.sources["yonhap-20251102"].values["label"]["en"] == "Yonhap: \"GPU\" deal # 2 — 'follow-up'"
    assert loaded.sources["yonhap-20251102"].values["title"] == "엔비디아: {후속} [기사]"
