"""`kg entities` finds registry entries by id, label or alias in either language (particles allowed) with where
they are cited; `kg new-entity` adds one, checked like the seeds, or refuses with file:line."""

from __future__ import annotations

import shutil

import pytest
from click.testing import CliRunner
from conftest import SEEDS

from kg import api
from kg.cli import main
from kg.seeds import load_seeds


@pytest.mark.parametrize(("name", "first"), [
    ("samsung-electronics", "samsung-electronics"), ("Samsung Electronics", "samsung-electronics"),
    ("삼성전자", "samsung-electronics"), ("삼성전자와", "samsung-electronics"),   # a particle attached
    ("naver  CLOUD", "naver-cloud"), ("엠비디아", "nvidia"),                       # spacing, case; an alias
])
def test_search_finds_by_id_label_or_alias(name, first):
    assert api.entities(SEEDS, name)[0].id == first


def test_a_part_of_a_name_finds_every_entity_containing_it():
    ids = [e.id for e in api.entities(SEEDS, "naver")]
    assert ids[0] == "naver" and {"naver-cloud"} <= set(ids)


def test_citations_are_counted_from_the_facts():
    """Counted here by hand from the fact files: every fact whose recipient, supplier, party … is naver-cloud."""
    seeds = load_seeds(SEEDS)
    naming = {f.id for f in seeds.facts.values()
              if any(v == "naver-cloud" or (isinstance(v, list) and "naver-cloud" in v) for v in f.values.values())}
    found = api.entities(SEEDS, "naver-cloud")[0]
    assert found.facts == len(naming) > 0
    assert found.sources == len({s for f in naming for s in seeds.facts[f].sources}
                                | set(seeds.entities["naver-cloud"].sources))
    assert (found.en, found.ko, found.type) == ("Naver Cloud", "네이버클라우드", "Company")


def test_cli_in_both_languages():
    runner = CliRunner()
    en = runner.invoke(main, ["entities", "삼성전자", "--seeds", str(SEEDS)])
    assert en.exit_code == 0, en.output
    assert en.output.startswith("samsung-electronics  Company  Samsung Electronics / 삼성전자  aliases: ")
    assert "    cited by " in en.output and "seeds/entities.yaml:" in en.output
    ko = runner.invoke(main, ["entities", "samsung electronics", "--lang", "ko", "--seeds", str(SEEDS)])
    assert ko.output.startswith("samsung-electronics  기업(Company)  삼성전자 / Samsung Electronics  별칭: ")
    assert "곳에서 인용" in ko.output and "찾은 항목: 1개" in ko.output
    everything = runner.invoke(main, ["entities", "--seeds", str(SEEDS)])
    assert f"entities found: {len(load_seeds(SEEDS).entities)}" in everything.output


def test_nothing_found_is_an_error_with_the_nearest_names():
    done = CliRunner().invoke(main, ["entities", "Samsnug Electronics", "--seeds", str(SEEDS)])
    assert done.exit_code == 1 and "Traceback" not in done.output
    assert "no entity's id, label or alias matches 'Samsnug Electronics' — did you mean" in done.output
    assert "samsung-electronics" in done.output


@pytest.fixture
def seeds(tmp_path):
    copy = tmp_path / "seeds"
    shutil.copytree(SEEDS, copy)
    return copy


def test_new_entity_is_appended_and_loads(seeds):
    done = CliRunner().invoke(main, ["new-entity", "hanbit-semi", "--type", "Company", "--en", "Hanbit Semiconductor",
                                     "--ko", "한빛반도체", "--alias", "Hanbit", "--alias", "한빛: 반도체",
                                     "--seeds", str(seeds)])
    assert done.exit_code == 0, done.output
    record = load_seeds(seeds).entities["hanbit-semi"]
    assert record.kind == "Company" and record.values["aliases"] == ["Hanbit", "한빛: 반도체"]
    assert f"at {seeds / 'entities.yaml'}:{record.line};" in done.output
    assert api.entities(seeds, "한빛반도체는")[0].id == "hanbit-semi"


def test_taken_id_and_unknown_type_are_refused_with_file_line(seeds):
    before = (seeds / "entities.yaml").read_text(encoding="utf-8")
    runner = CliRunner()
    taken = runner.invoke(main, ["new-entity", "nvidia", "--type", "Company", "--en", "X", "--ko", "엑스",
                                 "--seeds", str(seeds)])
    line = load_seeds(seeds).entities["nvidia"].line
    assert taken.exit_code == 1
    assert f"{seeds / 'entities.yaml'}:{line}: the id 'nvidia' is taken — choose another id, such as nvidia-2" \
        in taken.output
    typo = runner.invoke(main, ["new-entity", "hanbit-semi", "--type", "Compnay", "--en", "X", "--ko", "엑스",
                                "--seeds", str(seeds), "--lang", "ko"])
    assert typo.exit_code == 1
    assert f"{seeds / 'entities.yaml'}: 알 수 없는 항목 유형 'Compnay' — Company 중 하나인가요?" in typo.output
    bad = runner.invoke(main, ["new-entity", "Hanbit Semi", "--type", "Company", "--en", "X", "--ko", "엑스",
                               "--seeds", str(seeds)])
    assert bad.exit_code == 1 and "bad entity id 'Hanbit Semi'" in bad.output
    assert (seeds / "entities.yaml").read_text(encoding="utf-8") == before


def test_an_entry_the_loader_refuses_leaves_the_file_as_it_was(seeds, monkeypatch):
    """The seeds are checked again with the new entry in them; when that fails, entities.yaml is put back."""
    from kg import registry
    from kg.errors import Problem, SeedError

    before = (seeds / "entities.yaml").read_text(encoding="utf-8")
    calls = []

    def load_then_refuse(seed_dir):
        calls.append((seeds / "entities.yaml").read_text(encoding="utf-8"))
        if len(calls) == 2:
            raise SeedError([Problem(str(seeds / "entities.yaml"), 1, "refused", "for this test")])
        return load_seeds(seed_dir)

    monkeypatch.setattr(registry, "load_seeds", load_then_refuse)
    done = CliRunner().invoke(main, ["new-entity", "hanbit-semi", "--type", "Company", "--en", "Hanbit",
                                     "--ko", "한빛", "--seeds", str(seeds)])
    assert done.exit_code != 0 and "refused" in done.output
    assert "id: hanbit-semi" in calls[1]        # the second check saw the entry
    assert (seeds / "entities.yaml").read_text(encoding="utf-8") == before


def test_the_free_id_suggested_is_free_among_sources_and_facts_too(seeds):
    """Entities, facts and sources share one id space: the suggestion skips an id a source already has."""
    runner = CliRunner()
    made = runner.invoke(main, ["new-source", "hanbit-2", "--date", "2025-11-01", "--label-en", "A note",
                                "--label-ko", "메모", "--seeds", str(seeds)])
    assert made.exit_code == 0, made.output
    first = runner.invoke(main, ["new-entity", "hanbit", "--type", "Company", "--en", "Hanbit", "--ko", "한빛",
                                 "--seeds", str(seeds)])
    assert first.exit_code == 0, first.output
    again = runner.invoke(main, ["new-entity", "hanbit", "--type", "Company", "--en", "Hanbit", "--ko", "한빛",
                                 "--seeds", str(seeds)])
    assert again.exit_code == 1
    assert "such as hanbit-3" in again.output, again.output
