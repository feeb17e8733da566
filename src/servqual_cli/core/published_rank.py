"""Rank a value among published values at their precision.

The others' values are published rounded (Kolada: one decimal, in percent for shares), so this
municipality's value is rounded the same way (:func:`published_precision`, half away from zero:
:func:`round_half_away`) before it is ranked (:func:`rank_at_published`); ties at that precision
share the best rank (:data:`RANK_BASIS`). Used by the contact benchmark
(:mod:`~servqual_cli.core.benchmark`), ``servqual kolada`` and ``service-survey --benchmark``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import numpy.typing as npt
import pandas as pd

TIE_TOLERANCE = 1e-9  # far below any published precision (0.0001 at four decimals, 0-1 shares)


RANK_BASIS = (
    "rank and diff use this municipality's value rounded to the others' published precision "
    "(the finest number of decimals among their values, in percent for shares; Kolada: one), "
    "half away from zero; ties share the best rank"
)
# review 16 finding 5: others computed from a contact log carry full float precision, not a
# published one; inferring "12 decimals" from them and rounding this municipality's 43/54 there
# put it 3e-13 below another 43/54 (rank 18 for 17). Both sides are then compared unrounded.
RANK_BASIS_COMPUTED = (
    "rank and diff compare this municipality's value with the others' values as computed from "
    "the benchmark file's contacts, unrounded on both sides (nothing is published there); "
    "ties share the best rank"
)


def published_precision(display: npt.ArrayLike, most: int = 4) -> int:
    """The number of decimals the published values carry: the fewest ``d <= most`` at which
    every value (in display units) is already rounded.

    >>> p = [[74.1, 69.4, 80.0], [56, 72], [74.07407, 1.5]]
    >>> [published_precision(x) for x in p]
    [1, 0, 4]
    """
    x = np.asarray(display, dtype=float)
    x = x[np.isfinite(x)]
    for d in range(most + 1):
        if np.all(np.abs(x * 10.0**d - np.round(x * 10.0**d)) < 1e-6):
            return d
    return most


def round_half_away(x: npt.ArrayLike, decimals: npt.ArrayLike) -> np.ndarray:
    """Round half away from zero (as published figures are), not numpy's half to even.

    >>> round_half_away([0.25, -0.25, 81.132, 74.074], 1).tolist()
    [0.3, -0.3, 81.1, 74.1]
    """
    f = 10.0 ** np.asarray(decimals, dtype=float)
    v = np.asarray(x, dtype=float) * f
    # the 1e-9 nudges 0.25 * 10, stored as 2.4999999999999996, to the half it was written as
    return np.sign(v) * np.floor(np.abs(v) + 0.5 + 1e-9) / f


def rank_at_published(
    this: pd.DataFrame,
    others: pd.DataFrame,
    keys: Sequence[str],
    direction: Mapping[str, float],
    scale: Mapping[str, float] | None = None,
    published: bool = True,
) -> pd.DataFrame:
    """This municipality's value at the others' published precision, and how many others are
    better: the one rank rule of the report's benchmark, ``servqual kolada`` and
    ``service-survey --benchmark`` (:data:`RANK_BASIS`).

    Per comparison (a KPI, or a KPI and a channel or period: ``keys``), the others' values tell
    how many decimals are published (:func:`published_precision`, in display units: the value
    times ``scale`` of its KPI); this municipality's value is rounded to them, half away from
    zero (:func:`round_half_away`), and the others strictly better than that rounded value by
    more than :data:`TIE_TOLERANCE` in the KPI's ``direction`` are counted. Equal at the
    published precision is a tie even when the floats differ in the last bit (74.1 / 100
    against a parsed 0.741), so ties share the best rank: ``rank = 1 + n_better``.

    Parameters
    ----------
    this : DataFrame
        This municipality's rows: ``keys`` (the first is ``kpi``) and ``value`` (NaN: none).
    others : DataFrame
        The other municipalities' values: ``keys`` and ``value`` (no NaN).
    keys : sequence of str
        The columns that make one comparison; ``keys[0]`` names the KPI.
    direction : mapping
        KPI -> +1 (higher is better), -1 (lower is better) or 0 (unknown: nobody is better).
    scale : mapping, optional
        KPI -> the factor from stored to published units (100 for a share stored 0-1 and
        published in percent); 1 for a KPI not in it, and for all without it.
    published : bool
        False when the others' values were computed (from a contact log) rather than published:
        no precision is inferred from them and this value is compared unrounded
        (:data:`RANK_BASIS_COMPUTED`), so equal fractions tie.

    Returns
    -------
    DataFrame
        Indexed as ``this``: ``published`` (the value as published, in stored units; NaN where
        ``value`` is) and ``n_better`` (int64; 0 where ``value`` is NaN or nobody compares).

    Examples
    --------
    Others published 74.1 %, 74.1 % and 80.0 % (stored as shares); 40/54 = 74.07 % is published
    as 74.1 %, ties with the two and has one better (rank 2); a queue of 30.4 s against others'
    whole seconds is 30 s, one shorter:

    >>> this = pd.DataFrame({"kpi": ["reached", "wait"], "value": [40 / 54, 30.4]})
    >>> others = pd.DataFrame({"kpi": ["reached"] * 3 + ["wait"] * 2,
    ...                        "value": [0.741, 0.741, 0.80, 30.0, 25.0]})
    >>> r = rank_at_published(this, others, ["kpi"], {"reached": 1, "wait": -1},
    ...                       {"reached": 100.0})
    >>> r["published"].round(6).tolist(), r["n_better"].tolist()
    ([0.741, 30.0], [1, 1])

    Computed others (43/54 and 44/54 from contacts) are not rounded to an inferred precision:
    an equal 43/54 ties (one better, rank 2).

    >>> mine = pd.DataFrame({"kpi": ["reached"], "value": [43 / 54]})
    >>> theirs = pd.DataFrame({"kpi": ["reached"] * 2, "value": [43 / 54, 44 / 54]})
    >>> rank_at_published(mine, theirs, ["kpi"], {"reached": 1}, published=False)[
    ...     "n_better"].tolist()
    [1]
    """
    keys = list(keys)
    kpi = keys[0]
    value = this["value"].to_numpy(dtype=float)
    # computed others (published=False) have no precision to infer: none is (s18 a-xlsx: it
    # was inferred per comparison and then discarded)
    at = _at_precision(this, others, keys, scale or {}) if published else value
    mine = this[keys].assign(this_value=at)
    paired = others[[*keys, "value"]].merge(mine.drop_duplicates(keys), on=keys)
    sign = paired[kpi].map(lambda k: direction.get(k, 0)).to_numpy(dtype=float)
    # strictly better means by more than TIE_TOLERANCE (a tie at the published precision)
    paired["better"] = sign * (paired["value"] - paired["this_value"]) > TIE_TOLERANCE
    better = paired.groupby(keys, sort=False)["better"].sum().rename("n_better").reset_index()
    n_better = this[keys].merge(better, on=keys, how="left")["n_better"]
    return pd.DataFrame(
        {"published": at, "n_better": n_better.fillna(0).to_numpy(dtype=np.int64)},
        index=this.index,
    )


def _at_precision(
    this: pd.DataFrame, others: pd.DataFrame, keys: list[str], factor: Mapping[str, float]
) -> np.ndarray:
    """This municipality's values rounded, half away from zero, to the decimals the others'
    values of each comparison are published with (in display units: times ``factor``)."""
    kpi = keys[0]
    their_scale = others[kpi].map(lambda k: factor.get(k, 1.0)).to_numpy(dtype=float)
    scaled = others["value"].to_numpy(dtype=float) * their_scale
    digits = (
        pd.Series(scaled, index=others.index)
        .groupby([others[k] for k in keys], sort=False)
        .agg(published_precision)  # a loop over KPIs, not municipalities
        .rename("decimals")
        .reset_index()
    )
    decimals = this[keys].merge(digits, on=keys, how="left")["decimals"].fillna(4).to_numpy()
    own_scale = this[kpi].map(lambda k: factor.get(k, 1.0)).to_numpy(dtype=float)
    value = this["value"].to_numpy(dtype=float)
    return np.asarray(round_half_away(value * own_scale, decimals) / own_scale, dtype=float)
