"""Review 13, finding 19: a weighted report's lead judged "which gap is largest" on the
unweighted pair tests while showing the weighted gaps.

tests/data/report_weighted_pairs.toml weights the 2025 sample by Vikt. Weighted, Empathy's gap
(−1,20) is told from Responsiveness's (−1,08): Holm p 0,036 (R ``survey::svyttest``,
tests/core/r/weighted_pairs.R); unweighted the pair is not told apart (0,070), and the lead
said "Störst är gapet för Empati (−1,20) och Lyhördhet (−1,08); de går inte att skilja åt." of
the weighted numbers. The lead now rests on the weighted pairs, shown in their own table.
"""

from __future__ import annotations

from pathlib import Path

import pytest

CONFIG = Path(__file__).parents[1] / "data" / "report_weighted_pairs.toml"


def _lead(out: Path) -> str:
    md = (out / "report.md").read_text(encoding="utf-8")
    return md.split("\n## ", 3)[2]  # "Resultat i korthet" / "Results at a glance"


@pytest.fixture(scope="module", params=["sv", "en"])
def report(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> tuple:
    from servqual_cli.cli.main import main

    out = tmp_path_factory.mktemp(f"pairs_{request.param}") / "out"
    assert main(["report", str(CONFIG), "--lang", request.param, "-o", str(out)]) == 0
    return request.param, out


def test_lead_judges_the_weighted_gaps_on_the_weighted_pairs(report: tuple) -> None:
    lang, out = report
    lead = _lead(out)
    if lang == "sv":
        assert lead.startswith("Resultat i korthet")
        assert "Störst är gapet för Empati (−1,20)." in lead
        assert "skilja åt" not in lead
    else:
        assert lead.startswith("Results at a glance")
        assert "The gap is largest for Empathy (-1.20)." in lead
        assert "told apart" not in lead
    for test_name in ("Holm", "t-test", "svyttest"):  # plain words: no test named in the lead
        assert test_name not in lead


def test_the_weighted_pairs_are_shown_beside_the_unweighted(report: tuple) -> None:
    lang, out = report
    md = (out / "report.md").read_text(encoding="utf-8")
    if lang == "sv":
        assert "Viktade parvisa jämförelser av dimensionsgap (Vikt)" in md
        # R survey::svyttest: 0.1246, SE 0.0592, p 0.0362, Holm 0.0362 (weighted_pairs.json)
        row = (
            "| Lyhördhet | Empati | 320 | 0,12 | 0,059 | 0,01 | 0,24 | 2,10 | 318 | 0,036 | 0,036 |"
        )
        assert row in md
        assert "”Resultat i korthet” bedömer vilket gap som är störst med dessa viktade" in md
        # in the comparison section, not a second time in the survey section (review 18, 17)
        assert md.count("Viktade parvisa jämförelser av dimensionsgap (Vikt)") == 1
    else:
        assert "Weighted pairwise comparisons of dimension gaps (Vikt)" in md
        row = "| Responsiveness | Empathy | 320 | 0.12 | 0.059 | 0.01 | 0.24 | 2.10 | 318 | 0.036 |"
        assert row in md


def test_a_default_weighted_report_shows_the_pairs_its_lead_rests_on(
    tmp_path: Path,
) -> None:
    """Review 18, finding 17: without a "dimension_comparison" section the lead's "Störst är
    gapet för Empati" rested on a table the report did not have."""
    from servqual_cli.cli.main import main

    config = CONFIG.with_name("report_weighted_pairs_default.toml")
    assert main(["report", str(config), "-o", str(tmp_path / "out")]) == 0
    md = (tmp_path / "out" / "report.md").read_text(encoding="utf-8")
    assert "Störst är gapet för Empati (−1,20)." in _lead(tmp_path / "out")
    assert md.count("Viktade parvisa jämförelser av dimensionsgap (Vikt)") == 1
    # R survey::svyttest: 0.1246, SE 0.0592, p 0.0362, Holm 0.0362 (weighted_pairs.json)
    row = "| Lyhördhet | Empati | 320 | 0,12 | 0,059 | 0,01 | 0,24 | 2,10 | 318 | 0,036 | 0,036 |"
    assert row in md
    assert "”Resultat i korthet” bedömer vilket gap som är störst med dessa viktade" in md
    # the method names which pairs decide "störst" (it said "the other tests are unweighted")
    method = " ".join(md.split("### Metod", 1)[1].split())
    assert "Undantaget är de parvisa jämförelserna av dimensionsgapen: de är viktade" in method
    assert "avgörs vilket gap som är störst i Resultat i korthet" in method
