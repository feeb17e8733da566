"""The importance-performance analysis (IPA) of a SERVQUAL report: each dimension's mean
importance points and mean perception, its quadrant against the crosshairs, whether the intervals
can tell the placement from a boundary, and the IPA table and figure data.

Figure data are plain dicts (lists of numbers and labels, already in the report's language), so
the chart module only draws (:func:`servqual_cli.report.survey_charts.draw_ipa`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from servqual_cli.report.catalog import dimension_name, label
from servqual_cli.report.conf_level import with_level
from servqual_cli.report.report_labels import rl
from servqual_cli.report.spec import Table

if TYPE_CHECKING:
    from servqual_cli.core.gaps import GapAnalysis
    from servqual_cli.io.survey import SurveyData

QUADRANTS = ("concentrate", "keep_up", "low_priority", "overkill")


def mean_interval(x: np.ndarray, conf: float = 0.95) -> tuple[np.ndarray, np.ndarray]:
    """Per column, the t interval of the mean over the non-missing values: mean ± t(n − 1) ·
    sd / √n (Student 1908; R ``t.test(x)$conf.int``). Columns with fewer than 2 values: NaN.

    >>> low, high = mean_interval(np.array([[1.0, 2.0], [3.0, np.nan], [5.0, 4.0]]))
    >>> low.round(3).tolist(), high.round(3).tolist()
    ([-1.968, -9.706], [7.968, 15.706])
    """
    from scipy.special import stdtrit

    x = np.asarray(x, dtype=float)
    n = (~np.isnan(x)).sum(axis=0)
    with np.errstate(invalid="ignore", divide="ignore"):
        mean = np.nanmean(x, axis=0) if x.size else np.full(x.shape[1], np.nan)
        sd = np.sqrt(np.nansum((x - mean) ** 2, axis=0) / (n - 1))
        half = stdtrit(np.maximum(n - 1, 1), 0.5 + conf / 2) * sd / np.sqrt(n)
    half = np.where(n >= 2, half, np.nan)
    return mean - half, mean + half


def _shares(weights: np.ndarray) -> np.ndarray:
    """Each valid respondent's importance points rescaled to sum to 100 (rows: respondents)."""
    w = np.asarray(weights, dtype=float)
    ok = ~np.isnan(w).any(axis=1) & ~(w < 0).any(axis=1) & (np.nansum(w, axis=1) > 0)
    return w[ok] / w[ok].sum(axis=1, keepdims=True) * 100.0


def importance(weights: np.ndarray) -> tuple[np.ndarray, int]:
    """Mean importance points per dimension, each respondent's points rescaled to sum to 100.

    Respondents with a missing or negative weight, or all zero, are left out (as in the weighted
    SERVQUAL score).

    >>> importance(np.array([[50, 50], [20, 20], [np.nan, 10]]))
    (array([50., 50.]), 2)
    """
    shares = _shares(weights)
    if not len(shares):
        return np.full(np.asarray(weights).shape[1], np.nan), 0
    return shares.mean(axis=0), len(shares)


def ipa_frame(
    result: GapAnalysis, d: SurveyData, crosshair: str
) -> tuple[pd.DataFrame, float, float] | None:
    """Importance, performance (mean P) and quadrant per dimension, with the crosshairs.

    Crosshairs: ``mean`` at the mean importance and mean performance over the dimensions;
    ``midpoint`` at the scale midpoint and an equal split of the points (100 / k). A dimension
    on a crosshair counts as high. None without weights.
    """
    if d.weights is None:
        return None
    imp, n = importance(d.weights)
    if n == 0:
        return None
    perf = result.dimensions["servperf"].to_numpy(dtype=float)
    if crosshair == "midpoint":
        x, y = (d.instrument.scale[0] + d.instrument.scale[1]) / 2, 100.0 / len(imp)
    else:
        x, y = float(np.nanmean(perf)), float(np.mean(imp))
    quadrant = [
        ("concentrate" if p < x else "keep_up")
        if i >= y
        else ("low_priority" if p < x else "overkill")
        for i, p in zip(imp, perf, strict=True)
    ]
    # A placement the intervals cannot separate from a boundary is marked uncertain (the
    # boundaries are taken as fixed): importance's t interval over the respondents' points,
    # perception's over their SERVPERF dimension scores.
    i_low, i_high = mean_interval(_shares(d.weights), result.conf)
    if result.scores is not None:
        p_low, p_high = mean_interval(result.scores.servperf, result.conf)
    else:  # no per-respondent scores: the placement cannot be checked
        p_low = p_high = np.full(len(perf), np.nan)
    with np.errstate(invalid="ignore"):
        sure = ~((i_low <= y) & (y <= i_high)) & ~((p_low <= x) & (x <= p_high))
        sure &= ~np.isnan(p_low) & ~np.isnan(i_low)
    frame = pd.DataFrame(
        {
            "dimension": result.dimensions["dimension"].to_numpy(),
            "n": n,
            "importance": imp,
            "performance": perf,
            "quadrant": quadrant,
            "certain": sure,
            # what the verdict rests on, for the figure's data (review 10a, finding 8): the
            # intervals and the perception's n (every respondent with the dimension's P score)
            "importance_low": i_low,
            "importance_high": i_high,
            "n_performance": result.dimensions["n_servperf"].to_numpy(dtype=np.int64),
            "performance_low": p_low,
            "performance_high": p_high,
        }
    )
    return frame, x, y


# the figure data's columns beyond the IPA table's (:func:`ipa_figure`)
DETAIL = ("importance_low", "importance_high", "n_performance", "performance_low",
          "performance_high")  # fmt: skip


def quadrant_words(frame: pd.DataFrame, lang: str) -> list[str]:
    """Each dimension's quadrant as the IPA table says it, "(osäker)" when its interval cannot
    tell the placement: one wording for the table and the figure's data."""
    certain = frame["certain"] if "certain" in frame else pd.Series(True, index=frame.index)
    return [
        rl(q, lang) if ok else rl("ipa_uncertain", lang, quadrant=rl(q, lang))
        for q, ok in zip(frame["quadrant"], certain, strict=True)
    ]


def ipa_table(frame: pd.DataFrame, lang: str, conf: float = 0.95) -> Table:
    shown = frame.drop(columns=["certain", *DETAIL], errors="ignore").assign(
        quadrant=quadrant_words(frame, lang),
        dimension=[dimension_name(d, lang) for d in frame["dimension"]],
    )
    names = {
        "dimension": label("dimension", lang),
        "n": rl("n_weights", lang),
        "importance": rl("importance", lang),
        "performance": rl("performance", lang),
        "quadrant": rl("quadrant", lang),
    }
    return Table(
        title=rl("ipa_table", lang),
        frame=shown.rename(columns=names),
        formats={names["n"]: "d", names["importance"]: ".1f", names["performance"]: ".2f"},
        note=with_level(rl("ipa_note", lang), conf, lang),  # the intervals' level (--conf)
        sheet="IPA",
    )


def ipa_figure(
    frame: pd.DataFrame, x: float, y: float, d: SurveyData, lang: str, conf: float = 0.95
) -> dict[str, Any]:
    """The chart's points and, for its data table and CSV, what the IPA table shows with them
    (review 10a, finding 8: the CSV held the two means only): each mean's n and ``conf``
    interval, and the quadrant in the table's words, "(osäker)" included."""
    detail: dict[str, Any] = {}
    if all(c in frame for c in DETAIL):
        detail = {
            "n_importance": [int(v) for v in frame["n"]],
            "importance_ci": [_floats(frame["importance_low"]), _floats(frame["importance_high"])],
            "n_performance": [int(v) for v in frame["n_performance"]],
            "performance_ci": [
                _floats(frame["performance_low"]),
                _floats(frame["performance_high"]),
            ],
            "quadrant": quadrant_words(frame, lang),
            "conf": conf,
        }
    return {
        "points": [dimension_name(v, lang) for v in frame["dimension"]],
        "importance": _floats(frame["importance"]),
        "performance": _floats(frame["performance"]),
        **detail,
        "x_cross": float(x),
        "y_cross": float(y),
        "scale": [float(d.instrument.scale[0]), float(d.instrument.scale[1])],
        # quadrant names: top-left, top-right, bottom-left, bottom-right
        "quadrants": [rl(q, lang) for q in QUADRANTS],
        "labels": {
            "x": rl("performance", lang),
            "y": rl("importance", lang),
            "n_x": rl("n_performance", lang),
            "n_y": rl("n_weights", lang),
            "quadrant": rl("quadrant", lang),
        },
    }


def _floats(values: Any) -> list[float]:
    return [float(v) for v in np.asarray(values, dtype=float)]
