"""A tick label is the number at its tick, to the last digit shown (review 15, finding 1).

The decimals were taken from the step's order of magnitude, so a step of 0,25 got one decimal
and round-half-even wrote "−1,2" at −1,25 and "−0,8" at −0,75: a thesis reader measuring a bar
against its own axis read a wrong number. Every axis of the sample's item chart must now
parse back to its tick positions."""

from __future__ import annotations

import numpy as np
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg

from servqual_cli.report import charts
from servqual_cli.report.spec import Figure


def _item_gaps(low: float, high: float) -> Figure:
    gaps = np.linspace(low, high, 8).round(2).tolist()
    return Figure("servqual_items", "Gap per påstående", "item_gaps",
                  {"categories": [f"P{i}" for i in range(1, 9)], "gap": gaps,
                   "ci_low": [g - 0.1 for g in gaps], "ci_high": [g + 0.1 for g in gaps],
                   "labels": {"gap": "Gap"}})  # fmt: skip


def _parse(text: str, lang: str) -> float:
    if lang == "sv":
        text = text.replace("\u2212", "-").replace(",", ".")
    return float(text)


@pytest.mark.parametrize("lang", ["sv", "en"])
@pytest.mark.parametrize(("low", "high"), [(-1.46, 0.28), (-0.9, 0.05), (-3.1, 1.9)])
def test_every_tick_label_reads_as_its_own_position(lang: str, low: float, high: float) -> None:
    fig = charts.render(_item_gaps(low, high), lang)
    FigureCanvasAgg(fig).draw()
    ax = fig.axes[0]
    texts = [t.get_text() for t in ax.get_xticklabels()]
    at = [float(v) for v in ax.get_xticks()]
    assert [_parse(t, lang) for t in texts] == pytest.approx(at, abs=1e-9)


def test_a_quarter_step_gets_two_decimals_in_swedish() -> None:
    fig = charts.render(_item_gaps(-1.46, 0.28), "sv")
    FigureCanvasAgg(fig).draw()
    texts = [t.get_text() for t in fig.axes[0].get_xticklabels()]
    assert "\u22121,25" in texts and "\u22120,75" in texts
