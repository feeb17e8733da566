"""What a tiny sample cannot support in Cronbach's alpha, said as caveats (review 7, finding 9).

Two respondents gave "α −3,000, 95 % KI [−153,025; 0,995]" and "α om borttaget −∞" with no word
on n. Alpha is defined from n = 2 on, and the Feldt interval is honest about its width, so the
numbers stay; what is added here, where a scale is assembled
(:func:`~servqual_cli.core.scales.scale_reliability`), is:

* ``few_respondents`` when the scale's n (the smallest pairwise n, or the complete rows) is below
  :data:`MIN_ALPHA_N`: 30, the project's "small base" (``gap --min-n``, ``service-survey``);
  Yurdugül (2008) finds alpha's sampling distribution unstable below about 30 respondents even
  with strongly related items, and needing about 100 with weaker ones;
* ``if_deleted_undefined`` for an item whose "alpha if deleted" (or its standardised twin, or
  item-rest r) is infinite: the other items' total score has no variance, so ``1 − Σvar/0`` is
  −∞. The cell becomes NaN ("–" in every table) and the caveat names the items, so no table
  prints −∞ as if it were a value;
* ``item_rest_beyond_one`` for an item whose item-rest r is beyond ±1: under pairwise deletion
  each covariance has its own rows, the matrix need not be positive semi-definite, and the
  "correlation" is not one (R ``psych::alpha`` prints the same value, so it stays, with the
  caveat pointing to listwise deletion; review 8, finding 3).

:func:`screen_low` adds the caveats of a low alpha (review 15, finding 2: a gap dimension's
α −0,06 passed without a word, and the report's summary quoted only the perceptions' good α):

* ``alpha_low`` when alpha is below :data:`ALPHA_LOW`, 0.70, Nunnally's (1978) rule of thumb for
  a scale in early research. It is a reading aid, not a verdict: the score carries much
  measurement error, so its differences are harder to detect and to read;
* ``alpha_negative`` instead when alpha is below 0: the items' covariances are negative on
  average, which no set of items measuring one thing gives, so the sum score is not a scale
  (a reliability lies between 0 and 1, so a negative α estimates none; Cronbach 1951).

References
----------
Nunnally, J. C. (1978). *Psychometric theory* (2nd ed.). New York: McGraw-Hill (p. 245: 0.70
as the modest reliability that suffices in the early stages of research).
Cronbach, L. J. (1951). Coefficient alpha and the internal structure of tests.
*Psychometrika* 16(3), 297-334.
Yurdugül, H. (2008). Minimum sample size for Cronbach's coefficient alpha: A Monte-Carlo study.
*Hacettepe Üniversitesi Eğitim Fakültesi Dergisi* 35, 397-405.
Feldt, L. S., Woodruff, D. J., & Salih, F. A. (1987). Statistical inference for coefficient
alpha. *Applied Psychological Measurement* 11(1), 93-103.
"""

from __future__ import annotations

import dataclasses
import math

import numpy as np

from servqual_cli.core.caveats import Caveat
from servqual_cli.core.reliability import AlphaResult
from servqual_cli.core.thresholds import MIN_N

__all__ = ["ALPHA_LOW", "LOW_CODES", "MIN_ALPHA_N", "screen_low", "screen_small"]

#: Below this many respondents alpha and its interval carry the ``few_respondents`` caveat
#: (the project's one small-base threshold).
MIN_ALPHA_N = MIN_N
#: Below this alpha a scale carries the ``alpha_low`` caveat (Nunnally 1978, a rule of thumb).
ALPHA_LOW = 0.70
#: The caveats of a low alpha, the strongest first (the report's summary names their scales).
LOW_CODES = ("alpha_negative", "alpha_low")
# The item statistics that divide by a rest score's variance (infinite when it is zero).
_RATIOS = ("alpha_if_deleted", "alpha_std_if_deleted", "item_rest_r")
_SCALARS = ("alpha", "alpha_std", "average_r", "ci_low", "ci_high")


def screen_small(res: AlphaResult) -> AlphaResult:
    """``res`` with infinite statistics made NaN and the caveats of a tiny sample added first.

    >>> import pandas as pd
    >>> items = pd.DataFrame({"item": ["P1", "P3"], "alpha_if_deleted": [-np.inf, 1.0],
    ...                       "alpha_std_if_deleted": [-np.inf, 1.0],
    ...                       "item_rest_r": [np.nan, -1.0]})
    >>> r = screen_small(AlphaResult(2, 3, -3.0, -3.0, -0.33, -153.0, 0.995, "feldt", items))
    >>> [(c.code, dict(c.params)) for c in r.warnings]
    [('few_respondents', {'n': 2, 'min': 30}), ('if_deleted_undefined', {'items': ('P1',)})]
    >>> r.warnings[0].message[:60]
    'alpha and its interval rest on 2 respondents, fewer than 30:'
    >>> r.items["alpha_if_deleted"].tolist()
    [nan, 1.0]
    >>> screen_small(AlphaResult(400, 3, 0.8, 0.8, 0.5, 0.7, 0.85, "feldt", items[1:])).warnings
    ()
    >>> pairwise = items[1:].assign(item_rest_r=[1.028])
    >>> r = screen_small(AlphaResult(400, 3, 0.8, 0.8, 0.5, 0.7, 0.85, "feldt", pairwise))
    >>> [(c.code, dict(c.params)) for c in r.warnings]
    [('item_rest_beyond_one', {'items': ('P3',)})]
    """
    caveats: list[Caveat] = []
    if res.n < MIN_ALPHA_N:
        caveats.append(Caveat("few_respondents", {"n": int(res.n), "min": MIN_ALPHA_N}))
    items = res.items
    columns = [c for c in _RATIOS if c in items.columns]
    if columns and len(items):
        values = items[columns].to_numpy(dtype=float)
        infinite = np.isinf(values)
        if infinite.any():
            items = items.copy()
            for j, column in enumerate(columns):  # three columns at most, each vectorised
                items.loc[infinite[:, j], column] = np.nan
            names = items["item"].to_numpy(dtype=object)[infinite.any(axis=1)]
            caveats.append(Caveat("if_deleted_undefined", {"items": tuple(map(str, names))}))
    if "item_rest_r" in items.columns and len(items):
        # Pairwise deletion takes each covariance from its own rows, so the matrix need not be
        # positive semi-definite and an item-rest "r" can pass ±1 (psych::alpha prints the same
        # 1.028; review 8, finding 3). The number stays, matching R; the caveat says what it is.
        r = items["item_rest_r"].to_numpy(dtype=float)
        beyond = np.abs(r) > 1.0 + 1e-12
        if beyond.any():
            names = items["item"].to_numpy(dtype=object)[beyond]
            caveats.append(Caveat("item_rest_beyond_one", {"items": tuple(map(str, names))}))
    scalars = [float(getattr(res, name)) for name in _SCALARS]
    # never seen (alpha_undefined raises first); kept so that no ∞ can reach a cell
    if not caveats and not any(math.isinf(v) for v in scalars):
        return res
    alpha, alpha_std, average_r, ci_low, ci_high = (math.nan if math.isinf(v) else v
                                                    for v in scalars)  # fmt: skip
    return dataclasses.replace(res, items=items, warnings=(*caveats, *res.warnings),
                               alpha=alpha, alpha_std=alpha_std, average_r=average_r,
                               ci_low=ci_low, ci_high=ci_high)  # fmt: skip


def screen_low(res: AlphaResult) -> AlphaResult:
    """``res`` with the caveat of a low (below :data:`ALPHA_LOW`) or negative alpha first.

    >>> import pandas as pd
    >>> low = screen_low(AlphaResult(160, 4, 0.52, 0.5, 0.2, 0.4, 0.6, "feldt", pd.DataFrame()))
    >>> [(c.code, dict(c.params)) for c in low.warnings]
    [('alpha_low', {'alpha': 0.52, 'bound': 0.7})]
    >>> neg = screen_low(AlphaResult(160, 4, -0.06, -0.1, 0, -0.3, 0.2, "feldt", pd.DataFrame()))
    >>> neg.warnings[0].message[:56]
    'alpha -0.060 is negative: the items covary negatively on'
    >>> screen_low(AlphaResult(160, 4, 0.7, 0.7, 0.4, 0.6, 0.8, "feldt", pd.DataFrame())).warnings
    ()
    """
    alpha = float(res.alpha)
    if math.isnan(alpha) or alpha >= ALPHA_LOW:
        return res
    params = {"alpha": alpha} if alpha < 0 else {"alpha": alpha, "bound": ALPHA_LOW}
    caveat = Caveat("alpha_negative", params) if alpha < 0 else Caveat("alpha_low", params)
    return dataclasses.replace(res, warnings=(caveat, *res.warnings))
