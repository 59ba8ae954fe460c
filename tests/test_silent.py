"""Issue 15, "nothing silent": each case that used to give an empty answer (or a flood of follow-on errors)
now gives one clear message `what is wrong — how to fix it` and a non-zero exit."""

from __future__ import annotations

from click.testing import CliRunner

from kg.cli import main


def run(*args: str):
    return CliRunner().invoke(main, list(args))


# ------------------------------------------------------------------ the seed loader


def test_missing_article_text_is_a_problem_at_its_file_line(minimal_copy, tmp_path):
    (minimal_copy / "texts" / "a.txt").unlink()
    result = run("build", "--seeds", str(minimal_copy), "-o", str(tmp_path / "g.nq"))
    sources = minimal_copy / "sources.yaml"
    line = sources.read_text(encoding="utf-8").splitlines().index("    file: a.txt") + 1
    assert result.exit_code == 2, result.output
    assert result.output == (
        f"{sources}:{line}: 'file' 'a.txt': no such article text in {minimal_copy / 'texts'}; 6 cited paragraphs "
        "(3, 4, 5, 6, 7, 8) cannot be checked — put the article's text file there, or correct the file name\n"
        "1 problem found; nothing was written.\n")
    assert not (tmp_path / "g.nq").exists()


def test_without_the_texts_folder_paragraphs_are_not_checked(minimal_copy, tmp_path):
    """A copy of the seed folder alone (no texts folder at all) still builds, as documented."""
    import shutil

    shutil.rmtree(minimal_copy / "texts")
    result = run("build", "--seeds", str(minimal_copy), "-o", str(tmp_path / "g.nq"))
    assert result.exit_code == 0, result.output
    # ... but not silently: a warning names the paragraphs that go unchecked, counted here from the YAML itself
    sources = minimal_copy / "sources.yaml"
    line = sources.read_text(encoding="utf-8").splitlines().index("texts: texts") + 1
    cited = _cited_paragraphs(minimal_copy)
    total = sum(len(p) for p in cited.values())
    warning = result.stderr.splitlines()
    assert warning[0] == (f"warning: {sources}:{line}: the texts folder {minimal_copy / 'texts'} is not there, so "
                          f"{total} cited paragraphs of {len(cited)} articles are not checked — put the article "
                          "texts there, or correct 'texts:'")
    assert warning[1:] == [f"  {src}: para {', '.join(map(str, sorted(paras)))}"
                           for src, paras in sorted(cited.items())]
    assert run("validate", "--seeds", str(minimal_copy)).stderr.splitlines()[0] == warning[0]


def _cited_paragraphs(folder) -> dict[str, set[int]]:
    """source id -> the paragraphs the seed files cite from it (a fact's para under its file's source, and
    cite: entries), read with plain YAML."""
    import yaml

    cited: dict[str, set[int]] = {}

    def add(source, para):
        cited.setdefault(source, set()).update(para if isinstance(para, list) else [para])

    for path in sorted((folder / "facts").glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for entry in data.get("facts") or []:  # a fact, or `cite: FACT-ID` (another source for a fact)
            if "para" in entry:
                add(data["source"], entry["para"])
    for entity in yaml.safe_load((folder / "entities.yaml").read_text(encoding="utf-8")).get("entities") or []:
        for c in entity.get("cite") or []:
            add(c["source"], c["para"])
    return cited


def test_a_misspelt_entity_type_is_reported_once(minimal_copy, tmp_path):
    entities = minimal_copy / "entities.yaml"
    text = entities.read_text(encoding="utf-8")
    assert "  - id: nvidia\n    type: Company\n" in text
    entities.write_text(text.replace("  - id: nvidia\n    type: Company\n", "  - id: nvidia\n    type: Compny\n"),
                        encoding="utf-8")
    result = run("build", "--seeds", str(minimal_copy), "-o", str(tmp_path / "g.nq"))
    assert result.exit_code == 2, result.output
    assert result.output == (f"{entities}:6: unknown entity type 'Compny' — did you mean 'Company'?\n"
                             "1 problem found; nothing was written.\n")


# ------------------------------------------------------------------ kg query: a parameter of the wrong kind

SOURCES = "asiae-20251103, mt-20251031, news1-20251031, newsis-20251101"


def test_a_publisher_is_not_a_source():
    result = run("query", "gpu-allocations", "-p", "source=asiae")
    assert result.exit_code == 4
    assert result.stdout == ""
    assert result.stderr == ("parameter source: 'asiae' is Asia Economy (asia-economy), a news publisher, not a "
                             "source — give one of its articles: asiae-20251103\n")


def test_a_publisher_is_not_a_source_ko():
    result = run("query", "gpu-allocations", "-p", "source=asiae", "--lang", "ko")
    assert result.exit_code == 4
    assert result.stderr == ("매개변수 source: 'asiae' → 아시아경제(asia-economy): 출처가 아니라 언론사입니다 — "
                             "이 언론사의 기사를 지정하세요: asiae-20251103\n")


def test_an_organisation_is_not_a_source():
    result = run("query", "gpu-allocations", "-p", "source=nvidia")
    assert result.exit_code == 4
    assert result.stdout == ""
    assert result.stderr == ("parameter source: 'nvidia' is NVIDIA (nvidia), a company, not a source — give a "
                             f"source, such as {SOURCES} or unknown-20251031\n")
    ko = run("query", "gpu-allocations", "-p", "source=nvidia", "--lang", "ko")
    assert ko.exit_code == 4
    assert ko.stderr == ("매개변수 source: 'nvidia' → 엔비디아(nvidia): 출처가 아니라 기업입니다 — 출처 중 하나를 "
                         f"지정하세요: {SOURCES}, unknown-20251031\n")


def test_an_article_is_not_an_organisation():
    result = run("query", "gpu-allocations", "-p", "org=asiae-20251103")
    assert result.exit_code == 4
    assert result.stderr == ("parameter org: 'asiae-20251103' is Asia Economy: Ha Jung-woo on JTBC calls… "
                             "(asiae-20251103), a news article, not an organisation — give its publisher: "
                             "asia-economy\n")
    ko = run("query", "gpu-allocations", "-p", "org=asiae-20251103", "--lang", "ko")
    assert ko.stderr == ("매개변수 org: 'asiae-20251103' → 아시아경제: 하정우 수석 JTBC 인터뷰 - "
                         "엔비디아 GPU 공급은 윈…"
                         "(asiae-20251103): 조직이 아니라 뉴스 기사입니다 — 이 뉴스 기사의 발행 언론사를 지정하세요: "
                         "asia-economy\n")


def test_right_kind_still_answers():
    result = run("query", "gpu-allocations", "-p", "source=asiae-20251103", "-f", "csv")
    assert result.exit_code == 0
    assert len(result.stdout.strip().splitlines()) == 1 + 6


def test_a_sector_is_a_party(tmp_path):
    """Agreements accept organisations, sectors and countries: a sector party is not refused."""
    result = run("query", "agreements", "-p", "org=korea-private-sector", "-f", "csv")
    assert result.exit_code == 0, result.stderr


def test_param_header_classes(tmp_path):
    import pytest

    from kg.errors import QueryError
    from kg.query import get_query

    q = get_query("gpu-allocations")
    assert [(p.name, p.classes) for p in q.params] == [("org", ("Organization",)), ("source", ("Source",))]
    (tmp_path / "bad.rq").write_text("# Bad\n# param: org = kg:nvidia (Organisaton) — x\nSELECT * WHERE {}\n")
    with pytest.raises(QueryError, match=r"bad.rq:2: unknown class Organisaton for parameter org — give kgo class"):
        get_query("bad", tmp_path)


# ------------------------------------------------------------------ kg neighbors / kg path: names outside the network


def test_a_person_needs_include_people():
    result = run("neighbors", "Jensen Huang")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == ("Jensen Huang (jensen-huang) is a person, and people are not in the network unless asked "
                             "for — add --include people\n")
    ko = run("neighbors", "Jensen Huang", "--lang", "ko")
    assert ko.exit_code == 1
    assert ko.stderr == ("젠슨 황(jensen-huang)은 인물이며, 인물은 기본 네트워크에 없습니다 — --include people 옵션을 "
                         "붙여 다시 실행하세요\n")
    assert run("neighbors", "Jensen Huang", "--include", "people").exit_code == 0


def test_no_link_of_the_kind_asked_for():
    result = run("path", "LG Electronics", "BlackRock", "--kind", "mou")
    assert result.exit_code == 1
    assert result.stderr == ("LG Electronics (lg-electronics) has no link of kind mou — its links: cooperation 1; "
                             "change or drop --kind\n")
    ko = run("path", "LG Electronics", "BlackRock", "--kind", "mou", "--lang", "ko")
    assert ko.stderr == ("LG전자(lg-electronics)에는 mou 종류의 관계가 없습니다 — 있는 관계: 협력(cooperation) 1; "
                         "--kind를 바꾸거나 빼세요\n")


def test_an_article_is_not_in_the_network():
    result = run("neighbors", "asiae-20251103")
    assert result.exit_code == 1
    assert result.stderr == ("Asia Economy: Ha Jung-woo on JTBC calls… (asiae-20251103) is a news article, not an "
                             "organisation, sector or country — see what the graph says about it with "
                             "kg explain asiae-20251103\n")


def test_a_misspelt_name_still_gets_the_nearest():
    result = run("neighbors", "Nvidai")
    assert result.exit_code == 1
    assert result.stderr.startswith("no organisation called 'Nvidai' in the network — nearest: NVIDIA (nvidia)")


# ------------------------------------------------------------------ kg path --avoid (alias --exclude) / --signed-only
# (the other filters, --status, --since, --until: tests/test_linkfilter.py)


def test_path_through_the_hub_only():
    plain = run("path", "LG Electronics", "KISTI")
    assert plain.exit_code == 0
    assert "LG Electronics —[cooperation]— NVIDIA —[joint research]— Korea Institute" in plain.stdout
    for option in ("--avoid", "--exclude"):
        result = run("path", "LG Electronics", "KISTI", option, "nvidia")
        assert result.exit_code == 1
        assert result.stdout == ""
        assert result.stderr == ("No chain of partnerships avoiding NVIDIA connects LG Electronics and Korea Institute "
                                 "of Science and Technology Information — drop --avoid to see the other chains\n")
    ko = run("path", "LG Electronics", "KISTI", "--avoid", "nvidia", "--lang", "ko")
    assert ko.exit_code == 1
    assert ko.stderr == ("LG전자와 한국과학기술정보연구원을 잇는 엔비디아를 거치지 않는 파트너십 경로가 없습니다 — "
                         "--avoid 옵션을 빼면 다른 경로를 찾습니다\n")


def test_path_signed_only():
    result = run("path", "LG Electronics", "KISTI", "--signed-only")
    assert result.exit_code == 1
    assert result.stderr == ("No chain of partnerships of status signed connects LG Electronics and Korea "
                             "Institute of Science and Technology Information — drop --status to see the other "
                             "chains\n")
    signed = run("path", "nvidia", "Naver Cloud", "--signed-only")
    assert signed.exit_code == 0
    chain_lines = [line for line in signed.stdout.splitlines() if line.startswith("1. ")]
    assert chain_lines == ["1. NVIDIA —[MOU]— Naver Cloud"]
    assert signed.stdout.splitlines()[1] == "  (only links of status signed; drop --status for all)"


def test_path_avoid_finds_a_longer_chain():
    """Leaving out the hub gives the chain around it, when there is one."""
    from kg import api, network
    from kg.linkfilter import LinkFilter

    G = api.partnership_network("seeds")
    assert [[link.b for link in chain] for chain in network.paths(G, "msit", "naver")] == [["nvidia", "naver"]]
    H, removed = LinkFilter(avoid=("NVIDIA",)).apply(G, keep=("msit", "naver"))
    assert removed == ["nvidia"] and "nvidia" not in H and "nvidia" in G
    assert [[link.b for link in chain] for chain in network.paths(H, "msit", "naver")] == [
        ["hyundai-motor-group", "physical-ai-global-alliance", "naver"]]
    result = run("path", "msit", "naver", "--avoid", "nvidia")
    assert result.exit_code == 0
    assert result.stdout.splitlines()[:2] == ["Ministry of Science and ICT → Naver: 1 shortest chain of 3 links",
                                              "  (only links avoiding NVIDIA; drop --avoid for all)"]


def test_avoiding_an_end_is_refused():
    result = run("path", "LG Electronics", "KISTI", "--avoid", "kisti")
    assert result.exit_code == 1
    assert result.stderr == ("--avoid kisti: Korea Institute of Science and Technology Information (kisti) is an "
                             "end of the path — avoid another node\n")
    ko = run("neighbors", "kisti", "--avoid", "KISTI", "--lang", "ko")
    assert ko.exit_code == 1
    assert ko.stderr == ("--avoid KISTI: 한국과학기술정보연구원(kisti)은 파트너를 찾는 대상입니다 — 다른 노드를 "
                         "빼세요\n")


# ------------------------------------------------------------------ kg explain: an unknown name


def test_a_one_syllable_typo_gets_the_nearest():
    result = run("explain", "삼송")
    assert result.exit_code == 1
    assert result.stderr == "unknown entity '삼송' — did you mean samsung-electronics?\n"


def test_no_near_name_points_to_a_list_of_entities_not_to_the_sources():
    result = run("explain", "xyzzy")
    assert result.exit_code == 1
    assert "kg sources" not in result.stderr
    assert result.stderr == ("unknown entity 'xyzzy' — check the spelling; kg entities PART finds the entities "
                             "whose names contain PART (kg entities alone lists them all)\n")
    listing = run("entities", "삼성")   # what the hint offers answers
    assert listing.exit_code == 0 and "samsung-electronics" in listing.stdout
