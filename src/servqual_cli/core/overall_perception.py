"""The overall perception level beside the overall SERVQUAL gap (review 10c, finding 7).

The overall gap (:func:`~servqual_cli.core.overall_score.overall_score`, Parasuraman, Berry &
Zeithaml 1991) is, per respondent with every dimension gap valid, the mean of the dimension
gaps, then the mean over those respondents. Its perception level is defined the same way, so the
two stand on the same respondents: per respondent with every dimension gap valid, the mean of the
dimension perceptions (SERVPERF, Cronin & Taylor 1992: the dimension's mean perception), then
the mean over those respondents. It is not the mean of the dimensions' own perception levels,
each of which is over its own respondents.
"""

from __future__ import annotations

import numpy as np

__all__ = ["overall_perception"]


def overall_perception(gap: np.ndarray, servperf: np.ndarray) -> float | None:
    """Mean over respondents with every dimension gap valid of their mean dimension perception
    (rows = respondents, columns = dimensions; NaN = invalid); None without such a respondent.

    A respondent with a valid gap has at least as many perception items as paired items, so
    their dimension perceptions are valid too; a NaN among them (scores from elsewhere) leaves
    the respondent out rather than biasing the mean.

    >>> g = np.array([[-1.0, -2.0], [0.0, -1.0], [np.nan, 1.0]])
    >>> p = np.array([[5.0, 4.0], [6.0, 5.0], [3.0, 7.0]])
    >>> overall_perception(g, p)
    5.0
    >>> overall_perception(g[2:], p[2:]) is None
    True
    """
    g = np.asarray(gap, dtype=float)
    p = np.asarray(servperf, dtype=float)
    if g.ndim != 2 or g.shape != p.shape:
        raise ValueError(f"gap {g.shape} and perception {p.shape} must be the same 2-D shape")
    rows = ~np.isnan(g).any(axis=1) & ~np.isnan(p).any(axis=1)
    if not rows.any():
        return None
    return float(p[rows].mean(axis=1).mean())
