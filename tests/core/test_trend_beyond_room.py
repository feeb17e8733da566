"""A "told from chance" threshold beyond the room a share has in the direction it moved
(session 12, k-mdd): Lekeberg's good-or-better treatment by phone, 84,4 % in 2019 and rising,
printed "about 16 pp" after Holm where 15,6 pp is the most it can rise. ``compare_kpis`` flags
it (``critical_beyond_room``, ``critical_unadjusted_beyond_room``) beside the number.

The independent check: the pooled z statistic grows with the change in either direction
(core.trend_detectable.score_threshold), so the threshold lies beyond the room exactly when the
most extreme outcome that way (every contact yes, or every one no, this year) does not reach the
level, which statsmodels' ``proportions_ztest`` (Pearson's chi-square without continuity
correction, R ``prop.test(correct = FALSE)``) says on its own.
"""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from servqual_cli.core.contacts import ALL
from servqual_cli.core.trend import compare_kpis
from servqual_cli.core.trend_detectable import room_in_direction, score_threshold

SAMPLES = Path(__file__).parent.parent.parent / "data" / "samples"


def _extreme_p(k1: int, n1: int, n2: int, upward: bool) -> float:
    """statsmodels' pooled z-test p of k1/n1 against the most extreme n2 outcome that way."""
    from statsmodels.stats.proportion import proportions_ztest

    return float(proportions_ztest([k1, n2 if upward else 0], [n1, n2])[1])


@pytest.mark.parametrize("level", [0.05, 0.05 / 12, 0.01])
def test_threshold_beyond_the_room_iff_the_extreme_outcome_is_not_significant(
    level: float,
) -> None:
    cases = [(k1, n1, n2, up) for n1, n2 in ((5, 6), (7, 7), (20, 15), (45, 43), (54, 53))
             for k1 in range(1, n1) for up in (True, False)]  # fmt: skip
    k1, n1, n2, up = (np.array(c) for c in zip(*cases, strict=True))
    p0 = k1 / n1
    critical = score_threshold(p0, n1, n2, np.full(p0.shape, level), up)
    flag = critical > room_in_direction(p0, up, np.ones(p0.shape, dtype=bool))
    checked = 0
    for i, (a, b, c, u) in enumerate(cases):
        p = _extreme_p(a, b, c, u)
        if abs(p - level) < 1e-9 * level:  # on the boundary: either side is right
            continue
        assert bool(flag[i]) == (p >= level), (a, b, c, u, p)
        checked += 1
    assert checked > 200 and flag.any() and not flag.all()  # both kinds of case are met


def test_room_is_nan_for_times_and_the_flags_follow_it() -> None:
    """A time has no upper end: no room, never flagged (it would never say "none possible")."""
    kpi = "phone_wait_seconds_median"
    b = pd.DataFrame({"channel": "phone", "area": ALL, "kpi": kpi, "x": [30.0, 60, 90, 120]})
    a = pd.DataFrame({"channel": "phone", "area": ALL, "kpi": kpi, "x": [20.0, 40, 60, 80]})
    row = compare_kpis(b, a, adjust="none").iloc[0]
    assert math.isnan(row["room"])
    assert not row["critical_beyond_room"] and not row["critical_unadjusted_beyond_room"]


@pytest.mark.parametrize(("k1", "n1", "k2", "n2"), [(9, 10, 10, 10), (9, 10, 6, 10),
                                                    (1, 8, 0, 8), (30, 60, 35, 60),
                                                    (38, 45, 38, 43), (6, 7, 7, 7)])  # fmt: skip
def test_compare_kpis_flags_a_threshold_beyond_the_room(k1: int, n1: int, k2: int, n2: int) -> None:
    """One share, unadjusted: the flag is the threshold beyond the room in the observed
    direction; when the extreme outcome is not significant (statsmodels) it is set, and when it
    is set with a significant extreme outcome the interval's bound is what lies beyond."""

    def year(k: int, n: int) -> pd.DataFrame:
        return pd.DataFrame({"channel": "phone", "area": ALL, "kpi": "phone_reached",
                             "x": [1.0] * k + [0.0] * (n - k)})  # fmt: skip

    row = compare_kpis(year(k1, n1), year(k2, n2), adjust="none").iloc[0]
    up = k2 / n2 >= k1 / n1
    room = 1 - k1 / n1 if up else k1 / n1
    assert row["room"] == pytest.approx(room, abs=1e-15)
    assert row["critical_beyond_room"] == (row["critical"] > room)
    assert row["critical_unadjusted_beyond_room"] == row["critical_beyond_room"]  # no family
    if _extreme_p(k1, n1, n2, up) >= 0.05:
        assert row["critical_beyond_room"]
    elif row["critical_beyond_room"]:
        to_zero = row["diff"] - row["ci_low"] if up else row["ci_high"] - row["diff"]
        assert to_zero > room


def test_sample_good_or_better_by_phone_is_flagged_after_holm_only() -> None:
    """2019 -> 2020 totals (score test, Holm over the 14): good-or-better by phone, 38/45 ->
    38/43, rising; after Holm no rise can be significant (the extreme 43/43 has statsmodels p
    above the row's Holm level), unadjusted it can (p below 0.05). Every other share total is
    flagged exactly where its extreme outcome is not significant at its level: none."""
    from servqual_cli.core.contacts import kpi_observations
    from servqual_cli.io.contacts import load_contacts
    from servqual_cli.io.read import read_table

    years = [kpi_observations(load_contacts(read_table(SAMPLES / f"servicematning_{y}.xlsx"))
                              .frame, keys=()) for y in (2019, 2020)]  # fmt: skip
    frame = compare_kpis(*years)
    total = frame[frame["area"].eq(ALL)].set_index(["kpi", "channel"])
    good = total.loc[("treatment_good_or_better", "phone")]
    assert (good["n_before"], good["n_after"]) == (45, 43)
    assert round(good["before"] * 45) == 38 and good["diff"] > 0
    assert good["room"] == pytest.approx(7 / 45, abs=1e-15)
    assert good["critical_beyond_room"] and not good["critical_unadjusted_beyond_room"]
    assert _extreme_p(38, 45, 43, True) >= good["level"]
    assert _extreme_p(38, 45, 43, True) < 0.05
    flagged = total.index[total["critical_beyond_room"].to_numpy(dtype=bool)].tolist()
    assert flagged == [("treatment_good_or_better", "phone")]
    assert not total["critical_unadjusted_beyond_room"].any()
