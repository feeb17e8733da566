"""The KPI texts of a change over matched windows (review 10a, finding 4) and of its interval
(finding 9).

The change cell names both periods' windows with the n each value is computed from; the note
states the rule (the previous period cut at the same day and month, 29 February matched to 28
February) with the previous period's cases left out. An interval reads as the report's gap
sentences write one ("95 % KI [−0,30; −0,07]"), both bounds with one decimal, and a bound that
rounds to 0 keeps its sign ("0,026 till 10,8" read as two units).
"""

from __future__ import annotations

import math
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from servqual_cli.core.kpi import evaluate_kpis
from servqual_cli.io.kpi_config import load_kpi_config
from servqual_cli.io.kpi_data import load_all_kpi_data
from servqual_cli.io.read import read_table
from servqual_cli.report.kpi_texts import (
    change_text,
    follow_up_name,
    follow_up_text,
    interval_text,
)

SAMPLES = Path(__file__).parents[2] / "data" / "samples"
SHARE = "Bygglov beslutas inom tio veckor från komplett ansökan"


@pytest.fixture(scope="module")
def sample() -> dict[str, Any]:
    config = load_kpi_config(SAMPLES / "kpi.toml")
    return {r.spec.name: r for r in evaluate_kpis(load_all_kpi_data(config, read_table))}


def test_the_change_names_both_windows(sample: dict[str, Any]) -> None:
    r = sample[SHARE]
    sv = change_text(r, "sv").replace("\xa0", " ")
    assert sv == (
        "2023 (1 jan–21 okt, 248 ärenden) → 2024 (1 jan–21 okt, 235 ärenden): 87,5 → 91,5 % "
        "(skillnad +4,0 procentenheter, 95 % KI [−1,6; 9,5]), p 0,183 (Fisher)"
    )
    en = change_text(r, "en")
    assert en.startswith("2023 (1 Jan–21 Oct, 248 cases) → 2024 (1 Jan–21 Oct, 235 cases): ")
    assert "(difference +4.0 percentage points, 95% CI [-1.6, 9.5]), p 0.183 (Fisher)" in en
    feedback = change_text(sample["Synpunkter besvaras inom 14 dagar"], "sv")
    assert feedback.startswith("2023 (1 jan–17 dec, 931 ärenden) → 2024 (1 jan–17 dec, 984 ")


def test_the_note_states_the_rule(sample: dict[str, Any]) -> None:
    r = sample["Handläggningstid bygglov"]
    sv = follow_up_text(r, "sv")
    en = follow_up_text(r, "en")
    assert sv is not None and en is not None
    assert (
        "förändringen jämför samma kalenderfönster: 2023 bara ärenden med start 1 jan–21 okt "
        "(248 av 299; senare ärenden ingår inte: 51), som 2024 (1 jan–21 okt); samma dag och "
        "månad, 29 feb motsvarar 28 feb ett år utan skottdag"
    ) in sv
    assert (
        "the change compares the same calendar window: in 2023 only cases started 1 Jan–21 Oct "
        "(248 of 299; later cases are not compared: 51), as in 2024 (1 Jan–21 Oct)"
    ) in en
    assert "29 Feb matching 28 Feb" in en


def test_without_windows_the_span_is_the_two_periods(sample: dict[str, Any]) -> None:
    r = sample[SHARE]
    assert r.change is not None
    plain = replace(r, change=replace(r.change, windows=None))
    assert change_text(plain, "sv").startswith("2023 → 2024: 87,5 → 91,5")
    assert "kalenderfönster" not in (follow_up_text(plain, "sv") or "")


@pytest.mark.parametrize(
    ("low", "high", "lang", "expected"),
    [
        (0.0264, 10.8213, "sv", "[+0,0; 10,8]"),  # Lekeberg's bound before the windows
        (-0.0004, 5.0, "sv", "[−0,0; 5,0]"),
        (-0.0004, 5.0, "en", "[-0.0, 5.0]"),
        (0.0, 2.25, "sv", "[0,0; 2,2]"),  # exactly 0: no sign
        (-9.0, -2.0, "sv", "[−9,0; −2,0]"),
        (2.2772, 9.2, "en", "[2.3, 9.2]"),
        (1234.5, 2000.0, "sv", "[1\xa0234,5; 2\xa0000,0]"),
    ],
)
def test_interval_bounds_share_one_format(low, high, lang, expected) -> None:
    assert interval_text(low, high, lang) == expected


def test_a_near_zero_bound_in_a_change_keeps_its_side(sample: dict[str, Any]) -> None:
    """The whole-year bygglov interval (Newcombe 0,026 to 10,8 pp) as the cell writes it."""
    r = sample[SHARE]
    assert r.change is not None
    c = replace(r.change, diff_low=0.000264, diff_high=0.108213, windows=None)
    text = change_text(replace(r, change=c), "sv").replace("\xa0", " ")
    assert "95 % KI [+0,0; 10,8])" in text
    assert interval_text(math.nan, 1.0, "sv") == "[–; 1,0]"


def test_the_overview_name_says_the_previous_value_is_over_the_same_dates(
    sample: dict[str, Any],
) -> None:
    """The overview's rows and cards show no footnotes; "87,5 % (2023)" beside the name is
    2023's value over 2024's window, and the name says so."""
    r = sample[SHARE]
    assert follow_up_name(r, "sv") == (
        f"{SHARE} (ärenden som hade hela tiden på sig: 235 av 279; 2023 jämförs över samma "
        "datum, 1 jan–21 okt)"
    )
    assert follow_up_name(r, "en").endswith("; 2023 compared over the same dates, 1 Jan–21 Oct)")
    assert r.change is not None
    plain = replace(r, change=replace(r.change, windows=None))
    assert follow_up_name(plain, "sv").endswith("(ärenden som hade hela tiden på sig: 235 av 279)")


def test_a_change_span_without_a_change_raises_a_named_error(sample: dict[str, Any]) -> None:
    """The span of a change that is not there is a caller's error, raised as such (house rule:
    no ``assert`` to narrow a type; ``python -O`` would skip it and fail later on None)."""
    from servqual_cli.report.kpi_texts import _span

    r = replace(sample[SHARE], change=None)
    with pytest.raises(ValueError, match="has no change"):
        _span(r, "sv")
    assert change_text(r, "sv") == "–"


def test_the_period_cell_names_the_window(sample: dict[str, Any]) -> None:
    """The changed-KPIs table's period cell read alone (closing 13, "KPI windows")."""
    from servqual_cli.report.kpi_texts import period_cell

    c = sample[SHARE].change
    assert period_cell(c, "sv") == "2023 → 2024 (1 jan–21 okt)"
    assert period_cell(c, "en") == "2023 → 2024 (1 Jan–21 Oct)"
    assert period_cell(replace(c, windows=None), "sv") == "2023 → 2024"
