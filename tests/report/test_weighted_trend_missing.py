"""The respondents without a weight are counted once, in the core result, and rendered from it
(the fifth review's leftovers, item 4: cli/trend_pair.py and report/survey_trend_sections.py each
counted the NaN weights themselves)."""

from __future__ import annotations

from types import SimpleNamespace

import numpy as np
import pandas as pd

from servqual_cli.core.trend_weighted import WeightedGapTrend, weighted_gap_trend


def _result() -> WeightedGapTrend:
    b = pd.DataFrame({"Tangibles": [-1.0, -2.0, -1.5, -0.5, -1.0]})
    a = pd.DataFrame({"Tangibles": [0.0, -0.5, -1.0, 0.5]})
    return weighted_gap_trend(b, a, np.array([1.0, 3, 1, 1, np.nan]), np.ones(4))


def test_the_core_counts_the_missing_weights() -> None:
    r = _result()
    assert r.n_missing_weight == (1, 0)
    assert r.to_dict()["n_missing_weight"] == [1, 0]


def test_the_note_renders_the_results_count_not_its_own() -> None:
    from servqual_cli.report.survey_trend_sections import weighted_trend_sections

    # the sides' weights say 1 missing; the result says 7: the note must show the result's
    sides = [SimpleNamespace(label="2024", weight_column="Vikt",
                             weights=np.array([1.0, 3, 1, 1, np.nan])),
             SimpleNamespace(label="2025", weight_column="Vikt", weights=np.ones(4))]  # fmt: skip
    result = WeightedGapTrend(_result().comparisons, (7, 0))
    sections = weighted_trend_sections(result, sides, "en", 0.95)  # type: ignore[arg-type]
    text = sections[0].blocks[0].text
    assert "2024: respondents without a weight, left out: 7." in text
    assert "2025: respondents without a weight" not in text
