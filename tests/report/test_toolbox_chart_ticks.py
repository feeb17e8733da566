"""Every tick label of the toolbox's charts goes through the report's one number format
(:func:`servqual_cli.report.numbers.fmt_number` and
:func:`servqual_cli.report.percent_sign.with_percent`): in Swedish a decimal comma, "−" (U+2212)
and a no-break space before "%"; in English none. The Likert chart's axis drew fixed texts
("100 %" with a plain space in either language) unless its data brought its own."""

from __future__ import annotations

import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg

from servqual_cli.report import charts
from servqual_cli.report.spec import Figure

NBSP = "\u00a0"


def _ticks(figure: Figure, lang: str) -> tuple[list[str], list[float]]:
    fig = charts.render(figure, lang)
    FigureCanvasAgg(fig).draw()
    ax = fig.axes[0]
    return [t.get_text() for t in ax.get_xticklabels()], [float(v) for v in ax.get_xticks()]


def _likert() -> Figure:
    return Figure("likert_items", "Svar", "likert_bars",
                  {"items": ["F1", "F2"], "counts": [[1, 2, 3, 4, 5], [5, 4, 3, 2, 1]],
                   "points": [1, 2, 3, 4, 5], "labels": {"x": "Andel"}})  # fmt: skip


def _zone(scale: list[float]) -> Figure:
    return Figure("tolerance_zone", "Zon", "tolerance_zone",
                  {"categories": ["A", "B"], "adequate": [-1.0, 0.2], "desired": [0.5, 1.2],
                   "perception": [-0.4, 0.9], "position": ["inside", "inside"],
                   "labels": {"zone": "Zon", "perception": "P", "x": "Nivå"},
                   "scale": scale})  # fmt: skip


@pytest.mark.parametrize(
    ("lang", "want"),
    [
        ("sv", [f"100{NBSP}%", f"50{NBSP}%", f"0{NBSP}%", f"50{NBSP}%", f"100{NBSP}%"]),
        ("en", ["100%", "50%", "0%", "50%", "100%"]),
    ],
)
def test_likert_axis_shows_shares_either_side_in_the_reports_format(
    lang: str, want: list[str]
) -> None:
    texts, at = _ticks(_likert(), lang)
    assert at == [-100.0, -50.0, 0.0, 50.0, 100.0]
    assert texts == want


@pytest.mark.parametrize(
    ("lang", "want"),
    [
        ("sv", ["\u22121,5", "\u22121,0", "\u22120,5", "0,0", "0,5", "1,0", "1,5"]),
        ("en", ["-1.5", "-1.0", "-0.5", "0.0", "0.5", "1.0", "1.5"]),
    ],
)
def test_tolerance_zone_axis_in_the_reports_format(lang: str, want: list[str]) -> None:
    texts, at = _ticks(_zone([-1.5, 1.5]), lang)
    assert at == [-1.5, -1.0, -0.5, 0.0, 0.5, 1.0, 1.5]
    assert texts == want


def test_a_seven_point_zone_has_whole_ticks() -> None:
    texts, _ = _ticks(_zone([1, 7]), "sv")
    assert texts == ["1", "2", "3", "4", "5", "6", "7"]
