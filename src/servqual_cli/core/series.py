"""Years as a series: a trend test over every measured year of a KPI.

:mod:`servqual_cli.core.trend` compares two years; this module looks at all of them. Per KPI,
channel and area observed in at least three years:

============ ================================================= ===============================
KPI kind     trend test                                        slope (per year)
============ ================================================= ===============================
share        Cochran-Armitage chi-square test for trend [1]_   maximum likelihood slope of the
             (R ``prop.trend.test(x, n, score = year)``)       linear-probability model [4]_
index        t test of the slope of the least-squares line     OLS slope of the individual
             through every answer (R ``lm(x ~ year)``)         answers on the year
median       z test of the inverse-variance weighted slope of  weighted least squares, weights
             the yearly medians (weights 1 / se², se from      1 / se² (R ``lm(m ~ year,
             Bonett & Price [2]_)                              weights = w)``)
============ ================================================= ===============================

The years are the scores, so unequally spaced years (2019, 2020, 2022) keep their spacing.

Every slope has a standard error and an interval at ``conf`` (review 9 finding 7):

============ ======================================================================
KPI kind     ``se`` and interval of the slope
============ ======================================================================
share        the score interval: every ``b0`` the score test of ``p_t = a + b t``
             does not reject (:mod:`servqual_cli.core.trend_share_slope` [4]_). Its
             test at ``b0 = 0`` is the Cochran-Armitage test, so the interval
             excludes 0 exactly when the unadjusted p is below ``1 - conf``, and it
             exists when a year is at 0 or 100 %. No ``se`` (NaN): the interval is
             not ``slope ± z se``. (Before session 13: Wald, from each year's own
             variance, which could disagree with the test near the edge and had no
             interval with a year at 0 or 100 %.)
index        the OLS slope's t interval, ``slope ± t_{n-2} se`` (R ``confint(lm)``)
median       ``slope ± z se`` with the known-variance ``se = 1 / sqrt(sum w (t -
             T)²)`` of the z test (R ``metafor::rma(method = "FE")``)
============ ======================================================================

The verdict is ``better`` or ``worse`` when the test's p is below ``1 - conf`` and the interval
lies wholly on the same side of 0, in the KPI's direction (the rule of the two-period changes,
:func:`servqual_cli.core.change_verdict.verdict`), and ``no detectable trend`` otherwise. For
the index and the medians the interval is the test's own, and so is the share's score interval:
each agrees with the raw p. Only where a share has no interval (no trend to fit: every count 0 or
every one n) does the test decide alone.

With ``adjust="holm"`` (what ``servqual trend`` and the report use) the family of every trend
test in the table gets Holm-adjusted p-values (``p_adjusted``, R ``p.adjust(p, "holm")``)
beside the raw ``p``, and the verdict follows the adjusted p (and the interval), as ``servqual
service-survey`` does with its trends [3]_. A linear trend test answers "is there a steady rise
or fall over the years"; a rise followed by an equal fall has no linear trend, and the table of
every year's value beside it shows that.

References
----------
.. [1] Armitage, P. (1955). Tests for linear trends in proportions and frequencies.
   *Biometrics* 11(3), 375-386; Agresti, A. (2002). *Categorical Data Analysis*, 2nd ed.,
   section 5.3.5 (the statistic of R ``prop.trend.test``).
.. [2] Bonett, D. G., & Price, R. M. (2002). *Psychological Methods* 7(3), 370-383.
.. [3] Holm, S. (1979). A simple sequentially rejective multiple test procedure.
   *Scandinavian Journal of Statistics* 6(2), 65-70.
.. [4] Agresti, A. (2002). *Categorical Data Analysis*, 2nd ed., section 5.3.5 (the
   Cochran-Armitage test as the score test of the linear-probability model); Mee, R. W.
   (1984), *Biometrics* 40, 1175-1176 (the same score interval for two groups).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, cast

import numpy as np
import pandas as pd
from numpy.typing import ArrayLike
from scipy import special

from servqual_cli.core.change_verdict import verdict  # one rule: the two-period verdict's
from servqual_cli.core.contacts import ALL, SPECS, area_sort_key
from servqual_cli.core.median_diff import median_se
from servqual_cli.core.posthoc import p_adjust
from servqual_cli.core.results import records
from servqual_cli.core.small_samples import small_base
from servqual_cli.core.thresholds import MIN_N
from servqual_cli.core.trend_share_slope import share_slope

__all__ = [
    "SERIES_TREND_COLUMNS",
    "TrendTest",
    "cochran_armitage",
    "linear_trend",
    "series_trends",
    "trend_verdict",
    "weighted_trend",
]

SERIES_TREND_COLUMNS = ["kpi", "channel", "area", "first_year", "last_year", "n_years", "slope",
                        "se", "ci_low", "ci_high", "statistic", "df", "p", "test",
                        "verdict"]  # fmt: skip
NO_TREND = "no detectable trend"


@dataclass(frozen=True)
class TrendTest:
    """A trend test: the slope per year, its test statistic, degrees of freedom and p-value,
    and the slope's standard error and interval (NaN where there is none)."""

    slope: float
    statistic: float
    df: float
    p: float
    test: str
    se: float = math.nan
    ci_low: float = math.nan
    ci_high: float = math.nan


def _z(conf: float) -> float:
    """The normal quantile of a two-sided interval at ``conf`` (scipy.stats.norm.ppf)."""
    return float(special.ndtri(0.5 + conf / 2.0))


def cochran_armitage(
    k: ArrayLike, n: ArrayLike, scores: ArrayLike, conf: float = 0.95
) -> TrendTest:
    """Cochran-Armitage chi-square test for a linear trend in proportions ``k / n``.

    ``chi2 = [sum n_i (p_i - P)(s_i - S)]^2 / (P (1 - P) sum n_i (s_i - S)^2)`` with ``P`` the
    pooled share and ``S`` the n-weighted mean score; 1 degree of freedom. This is the
    statistic of R ``prop.trend.test(x, n, score)`` (no continuity correction), the score test
    of ``b = 0`` in the linear-probability model ``p = a + b score``. ``slope`` is that model's
    maximum likelihood slope (change in share per unit of score; R ``glm(cbind(x, n - x) ~
    score, family = binomial(link = "identity"))``) and the interval at ``conf`` inverts the
    same score test (:func:`~servqual_cli.core.trend_share_slope.share_slope`); ``se`` is NaN.
    Before session 13 the slope was the n-weighted least-squares slope of ``prop.trend.test``'s
    ``lm``, which can lie outside the score interval, and the interval Wald's.

    Examples
    --------
    The example of R's ``prop.trend.test`` (smokers among patients, 4 groups):

    >>> r = cochran_armitage([83, 90, 129, 70], [86, 93, 136, 82], [1, 2, 3, 4])
    >>> round(r.statistic, 4), round(r.p, 5), round(r.slope, 4)
    (8.2249, 0.00413, -0.0253)
    >>> round(r.ci_low, 4), round(r.ci_high, 4)
    (-0.0429, -0.0086)
    """
    k_ = np.asarray(k, dtype=float)
    n_ = np.asarray(n, dtype=float)
    s = np.asarray(scores, dtype=float)
    total = n_.sum()
    pooled = k_.sum() / total
    s_bar = (n_ * s).sum() / total
    sxx = (n_ * (s - s_bar) ** 2).sum()
    sxy = (n_ * (k_ / n_ - pooled) * (s - s_bar)).sum()
    if sxx <= 0 or not 0.0 < pooled < 1.0:
        return TrendTest(0.0 if sxx > 0 else math.nan, math.nan, 1.0, math.nan, "cochran-armitage")
    chi2 = sxy**2 / (pooled * (1.0 - pooled) * sxx)
    fit = share_slope(k_, n_, s, conf)  # the score interval: the test's own (t-slope, s13)
    return TrendTest(fit.slope, float(chi2), 1.0, _chi2_sf1(float(chi2)), "cochran-armitage",
                     math.nan, fit.ci_low, fit.ci_high)  # fmt: skip


def linear_trend(x: ArrayLike, t: ArrayLike, conf: float = 0.95) -> TrendTest:
    """Least-squares slope of ``x`` on ``t`` with its t test (``n - 2`` degrees of freedom).

    The same slope, t and p as R ``summary(lm(x ~ t))``, and its standard error and t interval
    at ``conf`` as ``confint(lm(x ~ t), level = conf)``.

    >>> r = linear_trend([1, 2, 2, 3, 4, 4], [2019, 2019, 2020, 2020, 2021, 2021])
    >>> round(r.slope, 4), round(r.statistic, 4), r.df, round(r.p, 5)
    (1.25, 4.8038, 4.0, 0.00862)
    >>> round(r.ci_low, 4), round(r.ci_high, 4)
    (0.5276, 1.9724)
    """
    y = np.asarray(x, dtype=float)
    s = np.asarray(t, dtype=float)
    n = y.size
    sxx = ((s - s.mean()) ** 2).sum()
    if n < 3 or sxx <= 0:
        return TrendTest(math.nan, math.nan, max(n - 2, 0), math.nan, "linear")
    slope = ((s - s.mean()) * (y - y.mean())).sum() / sxx
    resid = y - y.mean() - slope * (s - s.mean())
    sigma2 = (resid**2).sum() / (n - 2)
    if sigma2 <= 0:  # every point on the line: no spread around it, a zero-width interval
        p = 0.0 if slope != 0 else 1.0
        return TrendTest(float(slope), math.copysign(math.inf, slope), n - 2, p, "linear",
                         0.0, float(slope), float(slope))  # fmt: skip
    se = math.sqrt(float(sigma2 / sxx))
    tval = slope / se
    half = float(special.stdtrit(n - 2, 0.5 + conf / 2.0)) * se  # scipy.stats.t.ppf
    return TrendTest(float(slope), float(tval), float(n - 2),
                     float(2 * special.stdtr(n - 2, -abs(tval))), "linear", se,
                     float(slope - half), float(slope + half))  # fmt: skip


def weighted_trend(y: ArrayLike, se: ArrayLike, t: ArrayLike, conf: float = 0.95) -> TrendTest:
    """Inverse-variance weighted slope of ``y`` on ``t`` with a z test (known variances).

    ``slope = sum w (t - T)(y - Y) / sum w (t - T)^2`` with ``w = 1 / se^2`` and weighted means
    ``T``, ``Y``; ``se(slope) = 1 / sqrt(sum w (t - T)^2)``. R: the coefficient of
    ``lm(y ~ t, weights = w)``, and its standard error divided by the residual sigma. The
    interval at ``conf`` is the z test's own, ``slope ± z se(slope)``: a fixed-effect
    meta-regression, R ``metafor::rma(y, sei = se, mods = ~ t, method = "FE")``.

    >>> r = weighted_trend([60.0, 50.0, 40.0], [5.0, 5.0, 10.0], [2019, 2020, 2021])
    >>> round(r.slope, 4), round(r.statistic, 4), round(r.p, 5), round(r.se, 4)
    (-10.0, -2.0, 0.0455, 5.0)
    >>> round(r.ci_low, 4), round(r.ci_high, 4)
    (-19.7998, -0.2002)
    """
    y_ = np.asarray(y, dtype=float)
    s = np.asarray(t, dtype=float)
    w = 1.0 / np.asarray(se, dtype=float) ** 2
    ok = np.isfinite(w) & np.isfinite(y_)
    y_, s, w = y_[ok], s[ok], w[ok]
    if y_.size < 3:
        return TrendTest(math.nan, math.nan, math.nan, math.nan, "weighted-linear")
    t_bar = (w * s).sum() / w.sum()
    y_bar = (w * y_).sum() / w.sum()
    sxx = (w * (s - t_bar) ** 2).sum()
    if sxx <= 0:
        return TrendTest(math.nan, math.nan, math.nan, math.nan, "weighted-linear")
    slope = float((w * (s - t_bar) * (y_ - y_bar)).sum() / sxx)
    se_slope = 1.0 / math.sqrt(float(sxx))
    z = slope / se_slope
    half = _z(conf) * se_slope
    return TrendTest(slope, float(z), math.nan, float(2 * special.ndtr(-abs(z))),
                     "weighted-linear", se_slope, slope - half, slope + half)  # fmt: skip


def _chi2_sf1(x: float) -> float:
    """scipy.stats.chi2.sf(x, 1) from scipy.special (t.sf(t, df) is stdtr(df, -t) and
    norm.sf(z) is ndtr(-z) likewise): the same numbers without importing scipy.stats."""
    return 1.0 if x < 0 else float(special.chdtrc(1, x))


def trend_verdict(
    slope: float,
    p: float,
    direction: int,
    alpha: float = 0.05,
    ci_low: float | None = None,
    ci_high: float | None = None,
) -> str:
    """``better``, ``worse`` or ``no detectable trend``: with an interval, only when the test
    (``p < alpha``) and the interval (wholly on the slope's side of 0) agree, as the two-period
    changes (:func:`servqual_cli.core.change_verdict.verdict`). A missing interval (both bounds
    NaN) leaves the test alone.

    >>> trend_verdict(0.02, 0.01, 1), trend_verdict(0.02, 0.01, -1), trend_verdict(1, 0.2, 1)
    ('better', 'worse', 'no detectable trend')
    >>> trend_verdict(0.02, 0.04, 1, 0.05, -0.001, 0.04), trend_verdict(0.02, 0.04, 1, 0.05, 0.001)
    ('no detectable trend', 'better')
    >>> trend_verdict(-0.3, 1e-15, 1, 0.05, math.nan, math.nan)
    'worse'
    """
    low = math.nan if ci_low is None else float(ci_low)
    high = math.nan if ci_high is None else float(ci_high)
    bounds = (None, None) if math.isnan(low) and math.isnan(high) else (low, high)
    word = verdict(slope, p, direction, alpha, *bounds)
    return NO_TREND if word == "no detectable change" else word


def _test(kind: str, years: np.ndarray, x: np.ndarray, conf: float) -> TrendTest:
    """One KPI's trend over its years (``years`` and ``x`` per observation)."""
    present = np.unique(years)
    if kind == "share":
        pos = np.searchsorted(present, years)
        n = np.bincount(pos, minlength=present.size).astype(float)
        k = np.bincount(pos, weights=x, minlength=present.size)
        return cochran_armitage(k, n, present, conf)
    if kind == "index":
        return linear_trend(x, years, conf)
    medians = np.array([np.median(x[years == y]) for y in present])  # a loop over years
    se = np.array([median_se(x[years == y]) if (years == y).sum() >= 2 else math.nan
                   for y in present])  # fmt: skip
    return weighted_trend(medians, se, present, conf)


def series_trends(
    obs: pd.DataFrame,
    conf: float = 0.95,
    specs: Mapping[str, tuple[str, int]] | None = None,
    min_years: int = 3,
    adjust: str | None = None,
    min_n: int = MIN_N,
) -> pd.DataFrame:
    """A trend test per KPI, channel and area over every year it was measured.

    Parameters
    ----------
    obs : DataFrame
        Observations with columns ``year, channel, area, kpi, x`` (as
        :func:`~servqual_cli.core.contacts.kpi_observations` with ``keys=("year",)``).
    conf : float
        The level of the slopes' intervals; ``1 - conf`` is the significance level of the
        verdict.
    specs : mapping, optional
        KPI name -> (kind, direction); kind ``share``, ``index`` or ``median``. By default the
        contact KPIs' :data:`~servqual_cli.core.contacts.SPECS`.
    min_years : int
        KPIs measured in fewer years are left out (two years are a comparison, not a trend).
    adjust : {None, "holm", "BH", "bonferroni", "none"}
        None (default): no ``p_adjusted`` column, the verdict on the raw p (a caller adjusts its
        own family). Otherwise ``p_adjusted`` (R ``p.adjust`` over every row with a p, NaN
        not counted) follows ``p``, and the verdict is judged on it.
    min_n : int
        A trend rests on every year: ``small_base`` when any year has fewer observations,
        ``small_years`` those years ("2019, 2021"; ""). Marked, judged as any other (s17).

    Returns
    -------
    DataFrame
        :data:`SERIES_TREND_COLUMNS` (with ``p_adjusted`` after ``p`` when ``adjust`` is
        given), then ``small_base``, ``small_years`` and ``min_n``; ``slope`` in the KPI's
        units per year.

    Examples
    --------
    A rising share (10, 15, 19 of 40) and a flat one over three years: a family of two, so Holm
    doubles the smaller p (R: ``prop.trend.test(c(10, 15, 19), rep(40, 3), score = 2019:2021)``
    gives 0.03679; ``p.adjust(c(0.03679, 1), "holm")`` 0.07358), and the rise that the raw p
    calls better is no detectable trend once the family is counted:

    >>> x = [0] * 30 + [1] * 10 + [0] * 25 + [1] * 15 + [0] * 21 + [1] * 19
    >>> obs = pd.DataFrame({"year": np.repeat([2019, 2020, 2021], 40), "channel": "phone",
    ...                     "area": "ALL", "kpi": "up", "x": x})
    >>> flat = obs.assign(kpi="flat", x=([0] * 20 + [1] * 20) * 3)
    >>> t = series_trends(pd.concat([obs, flat]), specs={"up": ("share", 1),
    ...                   "flat": ("share", 1)}, adjust="holm")
    >>> t[["kpi", "p", "p_adjusted", "verdict"]].round(4).values.tolist()
    [['up', 0.0368, 0.0736, 'no detectable trend'], ['flat', 1.0, 1.0, 'no detectable trend']]
    """
    kinds = specs or {name: (s.kind, s.direction) for name, s in SPECS.items()}
    keys = ["kpi", "channel", "area"]
    o = obs[obs["kpi"].isin([k for k, (_, d) in kinds.items() if d != 0]) & obs["x"].notna()]
    years = o["year"].to_numpy(dtype=float)
    x = o["x"].to_numpy(dtype=float)
    rows: list[dict[str, Any]] = []
    for key, positions in o.groupby(keys, sort=False).indices.items():  # per KPI x channel x area
        kpi, channel, area = cast(tuple[str, str, str], key)
        y = years[positions]
        present, counts = np.unique(y, return_counts=True)
        if present.size < min_years:
            continue
        small = present[small_base(counts, min_n=min_n)]  # each year's n, as the values have
        kind, direction = kinds[kpi]
        r = _test(kind, y, x[positions], conf)
        rows.append({"kpi": kpi, "channel": channel, "area": area,
                     "first_year": int(present[0]), "last_year": int(present[-1]),
                     "n_years": int(present.size), "slope": r.slope, "se": r.se,
                     "ci_low": r.ci_low, "ci_high": r.ci_high, "statistic": r.statistic,
                     "df": r.df, "p": r.p, "test": r.test,
                     "verdict": trend_verdict(r.slope, r.p, direction, 1 - conf, r.ci_low,
                                              r.ci_high),
                     "direction": direction, "small_base": bool(small.size),
                     "small_years": ", ".join(str(int(v)) for v in small)})  # fmt: skip
    columns = [*SERIES_TREND_COLUMNS, "small_base", "small_years"]
    if adjust is not None:
        columns.insert(columns.index("p") + 1, "p_adjusted")
    frame = pd.DataFrame(rows, columns=[*columns, "direction"]).assign(min_n=int(min_n))
    columns.append("min_n")
    if frame.empty:
        return frame.assign(p_adjusted=pd.Series(dtype=float))[columns]
    if adjust is not None:  # the family: every trend in the table that has a p
        frame["p_adjusted"] = p_adjust(frame["p"].to_numpy(dtype=float), adjust)
        frame["verdict"] = [trend_verdict(s, q, d, 1 - conf, lo, hi) for s, q, d, lo, hi in
                            zip(frame["slope"], frame["p_adjusted"], frame["direction"],
                                frame["ci_low"], frame["ci_high"], strict=True)]  # fmt: skip
    frame = frame[columns]
    order = {name: i for i, name in enumerate(kinds)}
    key_frame = pd.DataFrame({"kpi": frame["kpi"].map(order),
                              "channel": frame["channel"].map({"phone": 0, "email": 1, ALL: 2}),
                              "area": area_sort_key(frame["area"])})  # fmt: skip
    order_index = key_frame.sort_values(list(key_frame.columns), kind="stable").index
    return frame.loc[order_index].reset_index(drop=True)


@dataclass(frozen=True)
class SeriesResult:
    """Every year's KPI values (``values``: year, channel, area, kpi, n, k, value, ci_low,
    ci_high) and the trend over them (``trends``: :data:`SERIES_TREND_COLUMNS`)."""

    years: tuple[int, ...]
    values: pd.DataFrame
    trends: pd.DataFrame

    def to_dict(self) -> dict[str, Any]:
        return {"years": list(self.years), "values": records(self.values),
                "trends": records(self.trends)}  # fmt: skip
