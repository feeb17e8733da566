"""Notes and headings that apply to what the report shows (review items 17-20).

A note that does not apply (a gap rule without SERVQUAL, a benchmark rule without a benchmark),
a heading that promises an order the rows are not in, a validity table without the warnings its
own numbers call for, and two descriptions of one test all mislead a careful reader.
"""

from __future__ import annotations

from types import SimpleNamespace

import pandas as pd
import pytest

from servqual_cli.report.catalog import rl
from servqual_cli.report.glance import glance_note
from servqual_cli.report.reliability_sections import validity_warnings
from servqual_cli.report.spec import GlanceRow


def _validity(score: str, aves: list[float], rows: int) -> SimpleNamespace:
    factors = pd.DataFrame({"factor": ["Responsiveness", "Assurance"], "ave": aves})
    return SimpleNamespace(
        score=score,
        cfa=SimpleNamespace(factors=factors, converged=True, problem=None),
        cfa_rows=rows,
    )


def test_ave_below_half_and_a_cfa_on_few_rows_are_warned() -> None:
    from dataclasses import replace

    from servqual_cli.core.scales import cfa_row_warnings
    from servqual_cli.report.reliability_warnings import reader_warning

    result = SimpleNamespace(
        validity=(_validity("P", [0.488, 0.52], 247), _validity("gap", [0.6, 0.7], 160))
    )
    warnings = validity_warnings(result, "sv", n_rows=400)  # type: ignore[arg-type]
    assert len(warnings) == 1
    assert "AVE under 0,5" in warnings[0] and "Lyhördhet 0,488" in warnings[0]
    assert "Trygghet" not in warnings[0]  # 0,52 is not below 0,5
    # The listwise loss is the core's warning (terminal, JSON and report alike), in Swedish here
    # (a fitted CFA: 10 parameters, rows enough for each; without one there is no row warning,
    # review 14 finding 11)
    fit = SimpleNamespace(n=160, n_parameters=10)
    (share,) = cfa_row_warnings(fit, 160, 400)  # type: ignore[arg-type]
    gap = replace(share, scale="gap", validity=True)
    assert gap.message.startswith("gap validity: CFA listwise: only 160 of 400 rows (40%)")
    assert "160 av 400 rader (40\u00a0%)" in reader_warning(gap, "sv")  # no-break space
    fit = SimpleNamespace(n=247, n_parameters=10)
    assert cfa_row_warnings(fit, 247, 400) == []  # type: ignore[arg-type]  # more than half


def test_no_internal_token_in_the_omega_note() -> None:
    from servqual_cli.report.catalog import RELIABILITY, label

    for lang in ("sv", "en"):
        assert ":all" not in label("omega_note_all", lang, RELIABILITY)


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_one_wilcoxon_description(lang: str) -> None:
    text = rl("method_tests_text", lang, conf="95 %")
    assert "coin::wilcoxsign_test" in text
    assert "utan ties" not in text and "without ties" not in text  # exact with ties too


def test_overview_note_has_only_the_rules_its_rows_use() -> None:
    kpi = GlanceRow("kpi", "A", "share", 0.5, target_verdict="met")
    note = glance_note([kpi], "sv")
    assert "Gap" not in note and "övriga kommuner" not in note and "slumpen" not in note
    dim = GlanceRow("dimension", "D", "gap", -0.5, target_verdict="not_met")
    bench = GlanceRow("contact_kpi", "B", "share", 0.5, benchmark_verdict="same")
    note = glance_note([kpi, dim, bench], "sv")
    assert "Gap = upplevelse minus förväntan" in note and "övriga kommuner" in note
    assert not note.startswith("Sämst först")  # rows of one verdict keep the report's order


def test_per_area_heading_says_deteriorations_first_only_when_there_are_some() -> None:
    from servqual_cli.report.catalog import MEASUREMENT, label

    assert "försämringar först" in label("trend_area", "sv", MEASUREMENT)
    # review 4 finding 18: without deteriorations the heading is plain (not read as a filter)
    # and the note says that none is detectable and that every area measured in both years is
    # listed (review 12a finding 2: the others are named beside it)
    assert label("trend_area_none", "sv", MEASUREMENT) == "Förändring per område"
    assert "Inget område har en påvisbar försämring; alla områden som mättes båda åren visas" in (
        label("no_area_worse", "sv", MEASUREMENT)
    )


def test_per_area_cells_show_their_n_and_flag_too_few() -> None:
    """Review item 14: "miljö och hälsa 80" rested on 5 e-mails beside "Kontakter 12"."""
    from pathlib import Path

    from servqual_cli.core.contacts import contact_kpis
    from servqual_cli.io.measurement import ReadOptions
    from servqual_cli.io.measurement import load_contact_table as load
    from servqual_cli.report.measurement_sections import area_table

    path = Path(__file__).resolve().parents[2] / "data" / "samples" / "servicematning_2020.xlsx"
    data = load(ReadOptions().read(str(path)), 2020, "Lekeberg", False)
    kpis = contact_kpis(data.frame, keys=("year",), by_area=True)
    frame = area_table(kpis, "sv", min_n=30).frame.set_index("Område")
    mail = frame.loc["miljö och hälsa", "E-post: svar inom 1 arbetsdag"]
    assert mail == "80 (n = 5, litet underlag)"
    assert frame.loc["alla områden", "E-post: svar inom 1 arbetsdag"] == "81 (n = 53)"
    plain = area_table(kpis, "sv").frame  # the CLI's table keeps numbers
    assert plain["E-post: svar inom 1 arbetsdag"].dtype.kind == "f"


def test_blank_weights_are_counted_apart_from_blank_answers() -> None:
    """Review item 13: "tomma 231" mixed 176 blank answers (what `servqual items` reports) with
    55 blank importance weights."""
    from pathlib import Path

    from servqual_cli.report.build import load_survey
    from servqual_cli.report.config import load_config
    from servqual_cli.report.survey_summary import _answer_and_weight_cells

    config = Path(__file__).resolve().parents[2] / "data" / "samples" / "report_karlstad.toml"
    data = load_survey(load_config(config))
    assert data is not None
    answers, weights, survey = _answer_and_weight_cells(data)
    assert answers["blank"] == 176 and weights == {"blank": 55} and survey == {}
    assert sum(answers.values()) + sum(weights.values()) == sum(data.excluded.values())
