"""Issue 14, end to end: a follow-up article (tests/fixtures/draft/followup-page.html, written for this test) is
drafted into a copy of the seeds, reviewed as a curator would, built, and then its source is in kg conflicts,
kg explain --source and the map's data, with the URL of the saved page."""

from __future__ import annotations

from pathlib import Path

import yaml
from click.testing import CliRunner
from test_draft_fixtures import seeds  # noqa: F401 — the fixture: a copy of the seeds with its own texts

from kg import api
from kg.cli import main
from kg.view import page_data

PAGE = Path(__file__).resolve().parent / "fixtures" / "draft" / "followup-page.html"
SOURCE = "harbour-20251105"
#: The canonical URL of the page, as its <link rel="canonical"> gives it.
URL = "https://harbour.example/tech/2025/11/05/sk-gpus?id=7&page=2"


def review(draft_file: Path) -> str:
    """What a curator does with the draft: checks each entry, writes its note, deletes its review line."""
    lines = [line for line in draft_file.read_text(encoding="utf-8").splitlines()
             if not line.strip().startswith("review:")]
    text = "\n".join(lines) + "\n"
    text = text.replace('note: ""', "note: a company official gives SK Group 60,000 GPUs")
    draft_file.write_text(text, encoding="utf-8")
    return text


def test_a_reviewed_draft_shows_in_conflicts_explain_and_the_map(seeds):  # noqa: F811
    runner = CliRunner()

    drafted = runner.invoke(main, ["draft", str(PAGE), "--source", SOURCE, "--seeds", str(seeds)])
    assert drafted.exit_code == 0, drafted.output
    assert "! CONTRADICTION with alloc-sk-50k-asiae" in drafted.output
    assert "    1: ‹SK Group› to get »60,000« ‹NVIDIA› GPUs\n" in drafted.output  # the names marked with the figure
    registered = yaml.safe_load((seeds / "sources.yaml").read_text(encoding="utf-8"))["sources"][-1]
    assert registered["id"] == SOURCE and registered["url"] == URL
    draft_file = seeds / "facts" / f"{SOURCE}.yaml"
    # the allocation it contradicts is SK Group's share of the 260,000 deal: the draft puts its own in the same
    # deal, so that kg conflicts, which compares the shares of one deal, sees the two claims side by side
    assert "    qualifier: stated\n    part_of: alloc-total-260k-exact\n" in draft_file.read_text(encoding="utf-8")
    refused = runner.invoke(main, ["build", "--seeds", str(seeds), "-o", str(seeds.parent / "g.nq"), "--no-validate"])
    assert refused.exit_code == 2 and "is a draft" in refused.output
    reviewed = review(draft_file)
    assert "\n    review:" not in reviewed and "part_of: alloc-total-260k-exact" in reviewed
    built = runner.invoke(main, ["build", "--seeds", str(seeds), "-o", str(seeds.parent / "g.nq")])
    assert built.exit_code == 0, built.output
    assert "Loaded 6 sources" in built.output

    conflicts = runner.invoke(main, ["conflicts", "--seeds", str(seeds)])
    assert conflicts.exit_code == 0, conflicts.output
    contradictions = conflicts.output.split("\n\n")[0]
    block = contradictions[contradictions.index("⚠ GPU allocation NVIDIA → SK Group"):]
    assert f"60,000 GPUs [55,000, 65,000) — unattributed, 2025-11-05 [{SOURCE}]" in block
    assert "50,000 GPUs [45,000, 55,000) — Asia Economy, 2025-11-03 [asiae-20251103]" in block

    explained = runner.invoke(main, ["explain", "--source", SOURCE, "--seeds", str(seeds)])
    assert explained.exit_code == 0, explained.output
    assert f"1 fact cites {SOURCE}" in explained.output
    assert f"(alloc-sk-group-60000-{SOURCE})" in explained.output and "60,000 GPUs" in explained.output

    data = page_data(api.partnership_network(seeds))
    assert data["sources"][SOURCE]["url"] == URL
    assert data["sources"][SOURCE]["title"] == "SK Group to get 60,000 NVIDIA GPUs"
    assert any(ref["id"] == SOURCE for f in data["facts"].values() for ref in f["sources"])


def test_the_sentence_marks_names_and_figure_in_colour_too():
    """In a terminal the figure is bold yellow and the registry's names bold cyan; a name inside the figure's
    span is not marked twice."""
    from kg.draft.review import _highlight

    text = "First sentence. Acme gives Beta 5,000 GPUs. Last one."
    start = text.index("5,000")
    names = [(text.index("Acme"), text.index("Acme") + 4), (text.index("Beta"), text.index("Beta") + 4),
             (start, start + 1), (0, 5)]
    assert _highlight(text, start, start + 5, False, names) == "‹Acme› gives ‹Beta› »5,000« GPUs."
    assert _highlight(text, start, start + 5, True, names) == (
        "\x1b[1;36mAcme\x1b[0m gives \x1b[1;36mBeta\x1b[0m \x1b[1;33m5,000\x1b[0m GPUs.")
