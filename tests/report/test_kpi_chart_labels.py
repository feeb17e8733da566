"""KPI panels: the verdict's words never sit on the goal line or its label, and a KPI name that
ends in parentheses gets its unit without a second pair (review 6, finding 13: "ej uppfyllt"
over "Mål 90 %", and "Väntetid i telefon (median) (s)").

Checked with matplotlib's own renderer, as the legend rule in test_charts_honest.py."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.text import Text

from servqual_cli.report import charts
from servqual_cli.report.build import build_report
from servqual_cli.report.config import parse_config
from servqual_cli.report.markdown import figure_stem
from servqual_cli.report.spec import Figure

SAMPLES = Path(__file__).parents[2] / "data" / "samples"
WORDS = "ej uppfyllt"
GOAL = "Mål 90 %"


def _figure(value: float, low: float, high: float, goal: float | None, share: bool) -> Figure:
    data = pd.DataFrame(
        {
            "name": ["E-post besvaras inom en arbetsdag"],
            "value": [value],
            "ci_low": [low],
            "ci_high": [high],
            "goal": [goal],
            "unit": [None if share else "s"],
            "higher_is_better": [True],
            "statistic": ["share" if share else "median"],
            "share": [share],
            "verdict": ["not_met"],
            "verdict_label": [WORDS],
            "goal_label": [None if goal is None else GOAL],
            "axis": ["Andel (%)" if share else "Sekunder"],
            "title": ["E-post besvaras inom en arbetsdag (%)"],
        }
    )
    return Figure("kpi_x", "Väntetid (2020)", "kpi_aspect", data)


def _collisions(fig) -> list[str]:
    """The verdict words' box against the goal line's x and the goal label's box, and the goal
    label inside its panel (not run into the legend beside it)."""
    canvas = FigureCanvasAgg(fig)
    canvas.draw()
    renderer = canvas.get_renderer()
    bad = []
    for ax in fig.axes:
        texts = [t for t in ax.findobj(Text) if t.get_text()]
        goals = [t.get_window_extent(renderer) for t in texts if t.get_text() == GOAL]
        xs = [
            ax.transData.transform((float(line.get_xdata()[0]), 0))[0]
            for line in ax.lines
            if line.get_linestyle() == "--" and len(set(line.get_xdata())) == 1  # the goal
        ]
        panel = ax.get_window_extent(renderer)
        bad += [f"{GOAL!r} leaves the panel" for box in goals
                if box.x0 < panel.x0 - 1 or box.x1 > panel.x1 + 1]  # fmt: skip
        for words in (t.get_window_extent(renderer) for t in texts if t.get_text() == WORDS):
            bad += [f"{WORDS!r} crosses the goal line" for x in xs if words.x0 <= x <= words.x1]
            bad += [f"{WORDS!r} covers {GOAL!r}" for box in goals if words.overlaps(box)]
    return bad


def test_the_reviews_panel_has_no_collision() -> None:
    """Lekeberg's e-mail share: 81,1 % (68,6–89,4 %) against the target 90 %."""
    fig = charts.render(_figure(0.811, 0.686, 0.894, 0.90, True), "sv")
    assert _collisions(fig) == []


@pytest.mark.parametrize(
    ("value", "low", "high", "goal", "share"),
    [(0.95, 0.9, 0.99, 1.0, True), (32.0, 28.0, 35.0, 70.0, False), (0.02, 0.0, 0.06, 0.9, True)],
)
def test_edge_panels_have_no_collision(value, low, high, goal, share) -> None:
    """A target of 100 % at the axis' end, the bygglov norm far right of a narrow interval
    (Lekeberg: "Norm 70 dagar" ran into the legend), a share near 0."""
    assert _collisions(charts.render(_figure(value, low, high, goal, share), "sv")) == []


def test_the_check_can_fail() -> None:
    """The old placement (the words right of the interval, between it and the target line)."""
    fig = charts.render(_figure(0.811, 0.686, 0.894, 0.90, True), "sv")
    ax = fig.axes[0]
    ax.annotate(WORDS, (89.4, 0), xytext=(6, 0), textcoords="offset points", va="center",
                fontsize=8)  # fmt: skip
    assert _collisions(fig)


@settings(max_examples=25, deadline=None)
@given(
    st.floats(0.05, 0.95),
    st.floats(0.0, 0.3),
    st.floats(0.0, 0.3),
    st.one_of(st.none(), st.floats(0.0, 1.0)),
    st.booleans(),
)
def test_verdict_words_never_meet_the_goal(
    value: float, below: float, above: float, goal: float | None, share: bool
) -> None:
    low, high = max(0.0, value - below), min(1.0, value + above)
    k = 1.0 if share else 100.0  # seconds: 5-95 s
    g = None if goal is None else goal * k
    fig = charts.render(_figure(value * k, low * k, high * k, g, share), "sv")
    assert _collisions(fig) == []


def test_panel_title_has_one_pair_of_parentheses() -> None:
    data = tomllib.loads((SAMPLES / "report_lekeberg.toml").read_text(encoding="utf-8"))
    doc = build_report(parse_config(data, SAMPLES, None))
    fig = next(f for f in charts.figures(doc) if figure_stem(f) == "kpi_vantetid")
    titles = list(fig.data["title"])
    assert "Väntetid i telefon, median (s)" in titles
    assert "E-post besvaras inom en arbetsdag (%)" in titles
    drawn = [ax.get_title(loc="left") for ax in charts.render(fig, "sv").axes]
    assert drawn[: len(titles)] == titles
