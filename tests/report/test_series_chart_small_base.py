"""The series' line charts ring a year on a small base (session 18, a-small).

Before: the series' table marked a year under ``min_n`` "litet underlag" (w-trend2, session 17),
but its line chart drew that year's point like any other, with nothing in the legend, the
note or the text alternative. Now the point is ringed, the ring is named in the legend
("litet underlag (färre än 30 kontakter)"), and the note and the chart's description name the
year and its n. The flag is the core's (core.small_samples.mark_small_base), built here from
plain counts.
"""

from __future__ import annotations

import pandas as pd
import pytest

from servqual_cli.core.small_samples import mark_small_base
from servqual_cli.report.charts import draw_lines
from servqual_cli.report.series_sections import series_figures

N = [54, 12, 54]  # 2020 under min_n 30
WORDS = {"sv": ("litet underlag (färre än 30 kontakter)", "2020 (n = 12)"),
         "en": ("small base (fewer than 30 contacts)", "2020 (n = 12)")}  # fmt: skip


def _values(n: list[int]) -> pd.DataFrame:
    values = pd.DataFrame({"year": [2019, 2020, 2021], "channel": "phone", "area": "ALL",
                           "kpi": "phone_reached", "n": n, "k": [40, 8, 41],
                           "value": [0.74, 0.67, 0.76], "ci_low": [0.6, 0.39, 0.63],
                           "ci_high": [0.84, 0.86, 0.85]})  # fmt: skip
    return mark_small_base(values, "n", min_n=30)


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_the_small_year_is_ringed_named_and_said(lang: str) -> None:
    (figure,) = series_figures(_values(N), lang)
    label, year = WORDS[lang]
    assert figure.data["series"][0]["small"] == [False, True, False]
    assert figure.data["small_label"] == label
    assert year in figure.notes[0] and year in (figure.description or "")
    fig = draw_lines(figure)
    ax = fig.axes[0]
    _, labels = ax.get_legend_handles_labels()
    assert label in labels
    ringed = [line for line in ax.get_lines() if line.get_label() == label]
    assert len(ringed) == 1 and list(ringed[0].get_ydata()) == [pytest.approx(67.0)]


def test_no_ring_without_a_small_year() -> None:
    (figure,) = series_figures(_values([54, 40, 54]), "sv")
    assert "small" not in figure.data["series"][0] and "small_label" not in figure.data
    assert "Ring" not in figure.notes[0]
