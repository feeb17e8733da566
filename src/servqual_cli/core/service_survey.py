"""The citizen-survey service measurement: index KPIs per year, channel and question.

Since 2022 SKR's service measurement asks residents who contacted the municipality by telephone
or e-mail how easy it was to get help, how satisfied they were with the treatment and how clear
the answer was, on a 1-5 scale. Each answer is scored 1 = 0, 2 = 25, 3 = 50, 4 = 75, 5 = 100 and
the index is the mean score [1]_. Per year, channel and question this module gives:

* the index with n and a Student t interval of the mean, clipped to [0, 100] (R ``t.test``);
* the share answering 4 or 5 with its Wilson interval (R ``prop.test(correct = FALSE)``);
* ``small_base`` when n is below ``min_n`` (default 30): read such a value with care;
* the change from the previous measured year with Welch's t test (R ``t.test(var.equal =
  FALSE)``);
* over three or more years, a linear trend test of the scores on the year
  (:func:`servqual_cli.core.series.series_trends`) with the slope's standard error and t
  interval at ``conf`` (R ``confint(lm(points ~ year))``).

Multiplicity: with two channels, three questions and three years there are 12 year-on-year tests
and 6 trend tests, so some "changes" would be chance. As ``servqual trend`` does, each family
(all changes; all trends) gets Holm-adjusted p-values (``p_adjusted``, R ``p.adjust(p,
"holm")``; ``adjust="none"`` keeps them raw) beside the raw ``p``, and the verdict follows the
adjusted p: ``better``/``worse`` when it is below 1 - conf and the (unadjusted) interval excludes
0 on the same side (Welch's for a change, the slope's t interval for a trend; the raw test then
guarantees it), else ``no detectable change`` / ``no detectable
trend``. :data:`ADJUST_RULE` names the families.

References
----------
.. [1] SKR (2024). Jämför servicemätningens nyckeltal i databasen Kolada.
.. [2] Welch, B. L. (1947). *Biometrika* 34(1-2), 28-35.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from typing import Any, cast

import numpy as np
import pandas as pd
from scipy import special

from servqual_cli.core.change_verdict import verdict
from servqual_cli.core.inference import p_adjust, welch_t
from servqual_cli.core.proportions import wilson_ci
from servqual_cli.core.results import records
from servqual_cli.core.series import series_trends, trend_verdict
from servqual_cli.core.thresholds import MIN_N
from servqual_cli.core.trend import ADJUSTMENTS
from servqual_cli.errors import UsageError

__all__ = [
    "ADJUST_RULE",
    "CHANGE_COLUMNS",
    "INDEX_COLUMNS",
    "ServiceSurveyResult",
    "score",
    "survey_changes",
    "survey_indices",
    "survey_result",
]

INDEX_COLUMNS = ["year", "channel", "question", "n", "index", "ci_low", "ci_high", "k_4_5",
                 "share_4_5", "share_ci_low", "share_ci_high", "small_base"]  # fmt: skip
CHANGE_COLUMNS = ["channel", "question", "before", "after", "index_before", "index_after",
                  "diff", "ci_low", "ci_high", "t", "df", "p", "p_adjusted", "n_before",
                  "n_after", "verdict"]  # fmt: skip
ADJUST_RULE = (
    "p adjusted per family as R p.adjust: the year-on-year changes (every channel, question and "
    "pair of years) and the trends (every channel and question) are two families; the verdict "
    "follows the adjusted p"
)
NO_ADJUST_RULE = "no adjustment (--adjust none): the verdict follows each comparison's own p"
_CHANNELS = {"phone": 0, "email": 1}
_QUESTIONS = {"ease": 0, "treatment": 1, "clarity": 2}


def score(answer: np.ndarray) -> np.ndarray:
    """Answers 1-5 as 0-100 points (SKR): ``25 * (answer - 1)``.

    >>> score(np.array([1.0, 3.0, 5.0])).tolist()
    [0.0, 50.0, 100.0]
    """
    return 25.0 * (np.asarray(answer, dtype=float) - 1.0)


def survey_indices(frame: pd.DataFrame, conf: float = 0.95, min_n: int = MIN_N) -> pd.DataFrame:
    """Index, interval, share 4-5 and small-base flag per year, channel and question.

    ``frame`` has ``year``, ``channel``, ``question`` and ``answer`` (1-5), one row per answer.

    >>> f = pd.DataFrame({"year": 2023, "channel": "phone", "question": "ease",
    ...                   "answer": [5.0, 4.0, 2.0, 5.0]})
    >>> r = survey_indices(f).iloc[0]
    >>> float(r["index"]), float(r["share_4_5"]), bool(r["small_base"]), float(r["ci_high"])
    (75.0, 0.75, True, 100.0)
    """
    if not 0.0 < conf < 1.0:
        raise UsageError(f"confidence level must be between 0 and 1, got {conf}",
                         code="conf_range", facts={"conf": conf})  # fmt: skip
    keys = ["year", "channel", "question"]
    data = frame.assign(points=score(frame["answer"].to_numpy()),
                        top=(frame["answer"] >= 4).astype(float))  # fmt: skip
    g = data.groupby(keys, sort=False)
    out = g["points"].agg(n="count", index="mean", sd="std").reset_index()
    out["k_4_5"] = g["top"].sum().to_numpy().round().astype(np.int64)
    n = out["n"].to_numpy(dtype=float)
    # Student t interval of the mean (R t.test), clipped to the index's range [0, 100].
    with np.errstate(invalid="ignore", divide="ignore"):
        # scipy.stats.t.ppf(q, df) is special.stdtrit(df, q) (NaN for df <= 0 in both)
        half = (
            special.stdtrit(n - 1, 0.5 + conf / 2.0) * out["sd"].to_numpy(dtype=float) / np.sqrt(n)
        )
    mean = out["index"].to_numpy(dtype=float)
    out["ci_low"] = np.clip(mean - half, 0.0, 100.0)
    out["ci_high"] = np.clip(mean + half, 0.0, 100.0)
    out["share_4_5"] = out["k_4_5"] / n
    out["share_ci_low"], out["share_ci_high"] = wilson_ci(out["k_4_5"].to_numpy(), n, conf)
    out["small_base"] = n < min_n
    order = pd.DataFrame({"year": out["year"], "channel": out["channel"].map(_CHANNELS),
                          "question": out["question"].map(_QUESTIONS)})  # fmt: skip
    out = out.loc[order.sort_values(list(order.columns), kind="stable").index]
    return out[INDEX_COLUMNS].reset_index(drop=True)


def survey_changes(frame: pd.DataFrame, conf: float = 0.95, adjust: str = "holm") -> pd.DataFrame:
    """Welch's t test of each year against the previous measured year, per channel and question,
    with ``p_adjusted`` over all of them (``adjust``: holm, bh or none; R ``p.adjust``).

    >>> f = pd.DataFrame({"year": [2022] * 4 + [2023] * 4, "channel": "email",
    ...                   "question": "clarity", "answer": [2, 3, 3, 4, 4, 5, 5, 4]})
    >>> c = survey_changes(f).iloc[0]
    >>> float(c["diff"]), round(float(c["p"]), 5), c["verdict"]
    (37.5, 0.02734, 'better')
    """
    if adjust not in ADJUSTMENTS:
        raise UsageError(f"unknown p-value adjustment {adjust!r}; use holm, bh or none",
                         code="adjust_unknown", facts={"value": adjust})  # fmt: skip
    rows: list[dict[str, Any]] = []
    data = frame.assign(points=score(frame["answer"].to_numpy()))
    points = data["points"].to_numpy(dtype=float)
    groups = data.groupby(["channel", "question", "year"], sort=True).indices
    by_pair: dict[tuple[str, str], list[tuple[int, np.ndarray]]] = {}
    for key, positions in groups.items():  # a loop over year x channel x question groups
        channel, question, year = cast(tuple[str, str, int], key)
        by_pair.setdefault((channel, question), []).append((int(year), points[positions]))
    for (channel, question), years in by_pair.items():
        for (y0, before), (y1, after) in itertools.pairwise(years):
            t = welch_t(after, before, conf)
            rows.append({"channel": channel, "question": question, "before": y0, "after": y1,
                         "index_before": float(before.mean()), "index_after": float(after.mean()),
                         "diff": t.diff, "ci_low": t.ci_low, "ci_high": t.ci_high, "t": t.t,
                         "df": t.df, "p": t.p, "n_before": before.size,
                         "n_after": after.size})  # fmt: skip
    out = pd.DataFrame(rows, columns=CHANGE_COLUMNS)
    if out.empty:
        return out
    out["p_adjusted"] = p_adjust(out["p"].to_numpy(dtype=float), adjust)
    out["verdict"] = [
        verdict(d, q, 1, 1 - conf, lo, hi)
        for d, q, lo, hi in zip(
            out["diff"], out["p_adjusted"], out["ci_low"], out["ci_high"], strict=True
        )
    ]  # one call per change (12 on the sample), not per answer
    order = pd.DataFrame({"after": out["after"], "channel": out["channel"].map(_CHANNELS),
                          "question": out["question"].map(_QUESTIONS)})  # fmt: skip
    return out.loc[order.sort_values(list(order.columns), kind="stable").index].reset_index(
        drop=True
    )


@dataclass(frozen=True)
class ServiceSurveyResult:
    """Indices (:data:`INDEX_COLUMNS`), year-on-year changes (:data:`CHANGE_COLUMNS`) and the
    trend over three or more years (:data:`~servqual_cli.core.series.SERIES_TREND_COLUMNS`)."""

    indices: pd.DataFrame
    changes: pd.DataFrame
    trends: pd.DataFrame
    conf: float
    min_n: int
    adjust: str = "holm"

    def to_dict(self) -> dict[str, Any]:
        return {"conf": self.conf, "min_n": self.min_n,
                "scoring": "answers 1-5 scored 0, 25, 50, 75, 100 (SKR); index = mean score",
                "adjust": {"method": self.adjust,
                           "rule": NO_ADJUST_RULE if self.adjust == "none" else ADJUST_RULE,
                           "families": {"changes": int(self.changes["p"].notna().sum()),
                                        "trends": int(self.trends["p"].notna().sum())}},
                "indices": records(self.indices), "changes": records(self.changes),
                "trends": records(self.trends)}  # fmt: skip


def _adjusted_trends(trends: pd.DataFrame, conf: float, adjust: str) -> pd.DataFrame:
    """The trend family's ``p_adjusted`` (after ``p``) and the verdict on it."""
    if trends.empty:
        return trends.assign(p_adjusted=pd.Series(dtype=float))
    p = trends["p"].to_numpy(dtype=float)
    adjusted = np.full(p.shape, np.nan)
    tested = ~np.isnan(p)
    adjusted[tested] = p_adjust(p[tested], adjust)
    out = trends.assign(p_adjusted=adjusted)
    out["verdict"] = [trend_verdict(b, q, 1, 1 - conf, lo, hi) for b, q, lo, hi in
                      zip(out["slope"], adjusted, out["ci_low"], out["ci_high"],
                          strict=True)]  # fmt: skip
    cols = list(trends.columns)
    cols.insert(cols.index("p") + 1, "p_adjusted")
    return out[cols]


def survey_result(
    frame: pd.DataFrame, conf: float = 0.95, min_n: int = MIN_N, adjust: str = "holm"
) -> ServiceSurveyResult:
    """All of the above for one cleaned citizen survey (long answers); ``adjust`` is the
    p-value adjustment of each family (changes, trends)."""
    obs = pd.DataFrame({"year": frame["year"].to_numpy(dtype=float), "channel": frame["channel"],
                        "area": "ALL", "kpi": frame["question"],
                        "x": score(frame["answer"].to_numpy())})  # fmt: skip
    specs = {q: ("index", 1) for q in _QUESTIONS}
    trends = _adjusted_trends(series_trends(obs, conf, specs=specs), conf, adjust)
    return ServiceSurveyResult(survey_indices(frame, conf, min_n),
                               survey_changes(frame, conf, adjust), trends, conf, min_n,
                               adjust)  # fmt: skip
