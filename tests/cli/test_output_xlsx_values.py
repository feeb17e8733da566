"""The cells of a Swedish workbook (cli/output_xlsx_values.py, w-xlsx2): codes become the
terminal's words, per column and per row level; numbers, booleans, empty cells and a user's own
names stay; an instrument's own dimension labels win, as in every other renderer."""

from __future__ import annotations

import math

import pandas as pd

from servqual_cli.cli.output_xlsx_values import in_words
from servqual_cli.instruments.labels_in_effect import (
    forget_dimension_labels,
    use_dimension_labels,
)


def test_gap_rows_by_level_and_the_small_sample_texts() -> None:
    f = pd.DataFrame(
        {
            "group": ["ALL", "Väster", "ALL", "ALL"],
            "level": ["dimension", "item", "dimension_pair", "overall"],
            "name": ["Empathy", "3", "Tangibles − Empathy", "importance_weighted"],
            "n": [10, 9, None, 8],
            "wilcoxon_method": ["exact conditional", "fewer than 2 nonzero differences, no test",
                                None, None],
            "rank_biserial_ci_note": [None, "interval undefined at r = ±1", None, None],
        }
    )  # fmt: skip
    out = in_words(f, "gap")
    assert out["group"].tolist() == ["alla", "Väster", "alla", "alla"]
    assert out["level"].tolist() == ["dimension", "påstående", "dimensionspar", "total SERVQUAL"]
    assert out["name"].tolist() == ["Empati", "3", "Fysisk miljö − Empati",
                                    "viktad med viktighet (W1–W5)"]  # fmt: skip
    assert out["wilcoxon_method"][:2].tolist() == [
        "exakt betingat", "färre än 2 differenser skilda från noll, inget test"]  # fmt: skip
    assert out["rank_biserial_ci_note"][1] == "intervall odefinierat vid r = ±1"
    assert out["n"].tolist()[:2] == [10, 9] and math.isnan(out["n"][2])
    assert f["name"][0] == "Empathy"  # the frame given is not changed


def test_an_instruments_own_labels_win() -> None:
    use_dimension_labels({"sv": {"Courtesy": "Bemötande"}})
    try:
        f = pd.DataFrame({"level": ["dimension"], "name": ["Courtesy"], "dimension": ["Courtesy"]})
        assert in_words(f, "tolerance").iloc[0].tolist() == ["dimension", "Bemötande", "Bemötande"]
    finally:
        forget_dimension_labels()


def test_feedback_mixed_value_column_keeps_numbers_and_booleans() -> None:
    f = pd.DataFrame(
        {
            "section": ["trend", "trend", "trend", "trend_km"],
            "statistic": ["value", "compared", "reason", "verdict"],
            "value": pd.Series([1285, True, "none_current", "better"], dtype=object),
        }
    )
    out = in_words(f, "feedback")
    assert out["value"].tolist() == [1285, True, "inga synpunkter senaste perioden", "bättre"]
    assert isinstance(out["value"][0], int) and out["value"][1] is True
    assert out["section"].tolist()[-1].startswith("dagar till svar")


def test_kpi_too_few_names_each_rows_least_n() -> None:
    f = pd.DataFrame({"level": ["overall", "group", "group"],
                      "verdict": ["not met", "too few", "too few"], "min_n": [30, 30, 10],
                      "interval_verdict": [None, "cannot tell", "met"]})  # fmt: skip
    out = in_words(f, "kpi")
    assert out["level"].tolist() == ["totalt", "grupp", "grupp"]
    assert out["verdict"].tolist() == ["ej uppfyllt", "för få (n < 30)", "för få (n < 10)"]
    assert out["interval_verdict"].tolist()[1:] == ["kan ej avgöras", "uppfyllt"]
