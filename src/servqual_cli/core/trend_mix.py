"""Whether a trend's totals ("alla områden") compare the same mix of areas in both years.

Review 16 finding 2: bygglov had 7 e-mails in 2020 and none in 2021, so the 2020 total included
bygglov and the 2021 total did not; "E-post: svar inom 1 arbetsdag" read +1,8 where like for
like (2020 without bygglov, 39/46) it is −1,8, and nothing under the totals said so. A total is
a mix of areas; when an area's contacts of a channel vanish (or shrink sharply) between the
years, the total's change mixes a change of level with a change of mix (Simpson's paradox).

:func:`area_mix` names every area and channel whose contacts are absent in one year or whose
count in one year is below :data:`MIX_RATIO` (half) of the other's (7 → 2); absent ones make the
totals compare different areas. :func:`like_for_like` recomputes the totals without every area
and channel it names, in both years, with the same test and adjustment as the totals: one rule
for the "samma områden båda åren" table, the terminal's and the overview's note (review 18
finding 13: the table left out only the absent e-mails and kept bygglov's halved calls, 79,6 →
61,2 as the ordinary total, while the overview quoted 83,0 → 59,6 without them, in no table).
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from servqual_cli.core.contacts import area_sort_key, kpi_observations
from servqual_cli.core.trend import compare_kpis

__all__ = [
    "MIX_RATIO",
    "MIX_RULE",
    "area_mix",
    "like_for_like",
    "series_mix",
    "without_named",
]

# An area's contacts of a channel "differ sharply" when one year has fewer than half the other's
# (or none). A rule of thumb for naming, not a test: the test-call design draws about the same
# number per area and channel each year (domain.md), so halving is a change of design.
MIX_RATIO = 0.5
MIX_RULE = (
    "an area and channel is named when one year has no contacts there or fewer than half the "
    "other year's; the like-for-like totals leave out every area and channel so named, in "
    "both years"
)
MIX_COLUMNS = ["channel", "area", "n_before", "n_after", "absent"]


def _counts(contacts: pd.DataFrame) -> pd.Series:
    return contacts.groupby(["channel", "area"], sort=False, observed=True).size()


def _flagged(frames: list[pd.DataFrame]) -> pd.DataFrame:
    """The rule of :data:`MIX_RULE`, once for a pair (:func:`area_mix`) and a series
    (:func:`series_mix`), which each had their own copy (session 18, a-small): per channel and
    area, one column of contacts per frame (named 0, 1, ...; 0 where none), only those whose
    smallest count is below :data:`MIX_RATIO` of the largest, in channel (phone first) and area
    order. A channel some frame lacks altogether is left to the channels' own warning.
    """
    counts = pd.concat([_counts(f) for f in frames], axis=1).fillna(0).astype(np.int64)
    counts.columns = list(range(len(frames)))
    every = set.intersection(*(set(f["channel"].dropna()) for f in frames))
    counts = counts[counts.index.get_level_values("channel").isin(every)]
    out = counts[counts.min(axis=1) < MIX_RATIO * counts.max(axis=1)].reset_index()
    order = pd.DataFrame({"c": out["channel"].map({"phone": 0, "email": 1}),
                          "a": area_sort_key(out["area"])}, index=out.index)  # fmt: skip
    return out.loc[order.sort_values(["c", "a"], kind="stable").index].reset_index(drop=True)


def area_mix(before: pd.DataFrame, after: pd.DataFrame) -> pd.DataFrame:
    """The areas and channels whose contacts differ sharply between two years' contact rows.

    Returns :data:`MIX_COLUMNS`: ``absent`` True where one year has none (the totals then
    compare different areas); sorted by channel (phone first) and the areas' order. A channel
    one year lacks altogether is left to the channels' own warning (``channels_differ``): its
    areas would all be listed, saying less.

    >>> b = pd.DataFrame({"channel": ["email"] * 9 + ["phone"] * 9,
    ...                   "area": (["bygglov"] * 7 + ["skola"] * 2) * 2})
    >>> a = pd.DataFrame({"channel": ["email"] * 2 + ["phone"] * 4,
    ...                   "area": ["skola"] * 2 + ["bygglov"] * 2 + ["skola"] * 2})
    >>> area_mix(b, a).values.tolist()
    [['phone', 'bygglov', 7, 2, False], ['email', 'bygglov', 7, 0, True]]
    """
    out = _flagged([before, after]).rename(columns={0: "n_before", 1: "n_after"})
    out = out.assign(absent=out[["n_before", "n_after"]].eq(0).any(axis=1))
    return out[MIX_COLUMNS]


def like_for_like(
    before: pd.DataFrame,
    after: pd.DataFrame,
    mix: pd.DataFrame,
    email_rule: Any = None,
    **compare: Any,
) -> pd.DataFrame:
    """The totals (area ``ALL``) without every area and channel ``mix`` names, absent or under
    half the other year's contacts, in both years (:data:`MIX_RULE`).

    ``mix`` from :func:`area_mix`. ``compare`` goes to
    :func:`~servqual_cli.core.trend.compare_kpis` (conf, power, share_test, adjust, min_n), so
    test, interval and the totals' own adjustment are the ordinary totals'. An empty frame
    when ``mix`` names nothing: the totals are then like for like. Until review 18 finding 13
    only the absent rows were left out, so a channel whose area only halved (bygglov: telefon 7
    → 2) kept it and read as the ordinary total under the heading "samma områden".
    """
    if not len(mix):
        return pd.DataFrame()
    return _compare_without(before, after, mix, email_rule, compare)


def without_named(
    before: pd.DataFrame,
    after: pd.DataFrame,
    mix: pd.DataFrame,
    email_rule: Any = None,
    **compare: Any,
) -> pd.DataFrame:
    """:func:`like_for_like` under its session-18 name (review 17 finding 14), kept for its
    callers: since review 18 finding 13 the like-for-like totals are these."""
    return like_for_like(before, after, mix, email_rule, **compare)


def _compare_without(
    before: pd.DataFrame,
    after: pd.DataFrame,
    left_out: pd.DataFrame,
    email_rule: Any,
    compare: dict[str, Any],
) -> pd.DataFrame:
    """:func:`~servqual_cli.core.trend.compare_kpis` of the totals with the ``left_out``
    channels and areas dropped from both years."""
    drop = pd.MultiIndex.from_frame(left_out[["channel", "area"]])
    sides = [c[~pd.MultiIndex.from_frame(c[["channel", "area"]]).isin(drop)]
             for c in (before, after)]  # fmt: skip
    return compare_kpis(_obs(sides[0], email_rule), _obs(sides[1], email_rule), **compare)


def _obs(contacts: pd.DataFrame, email_rule: Any) -> pd.DataFrame:
    return kpi_observations(contacts, keys=(), by_area=False, email_rule=email_rule)


def series_mix(frames: list[pd.DataFrame]) -> pd.DataFrame:
    """The areas and channels whose contacts vanish or halve in some year of a series (the
    series' totals, "Trend över alla år", mix them as the pair's do): columns ``channel``,
    ``area``, ``counts`` (a tuple, one count per year) and ``absent`` (none in some year).
    Channels missing from a whole year are left to the channels' own warning.

    >>> y = [pd.DataFrame({"channel": ["email"] * n + ["email"] * 2,
    ...                    "area": ["bygglov"] * n + ["skola"] * 2}) for n in (7, 7, 0)]
    >>> series_mix(y).values.tolist()
    [['email', 'bygglov', (7, 7, 0), True]]
    """
    flagged = _flagged(frames)
    years = flagged[list(range(len(frames)))].to_numpy()
    return flagged[["channel", "area"]].assign(
        counts=pd.Series([tuple(int(x) for x in row) for row in years], dtype=object).to_numpy(),
        absent=years.min(axis=1) == 0,
    )
