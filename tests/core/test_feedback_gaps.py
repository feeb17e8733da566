"""Review 12a findings 1 and 4 in the core: which types and units the feedback trend tests, the
Holm family they form, and where the default windows end.

The Holm adjustment is checked against statsmodels' ``multipletests(method="holm")`` over the
compared units only (R ``p.adjust(p, "holm")``), and each compared unit's p against scipy's
conditional binomial test (R ``poisson.test`` conditions on the total as ``binom.test``).
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import stats
from statsmodels.stats.multitest import multipletests

from servqual_cli.core.feedback import analyse_feedback

UNITS = ("A", "B", "C", "D")


def _register(counts: list[tuple[int, int]]) -> pd.DataFrame:
    """Items of unit ``UNITS[i]``: ``counts[i]`` = (in 2024, in 2025), received on the 10th of
    successive months, one item on 2024-01-01 (unit "Z") so that the windows are the two whole
    years, answered the next day."""
    rows = [("2024-01-01", "Z")]
    for unit, (before, after) in zip(UNITS, counts, strict=False):
        rows += [(f"2024-{m + 1:02d}-10", unit) for m in range(before)]
        rows += [(f"2025-{m + 1:02d}-10", unit) for m in range(after)]
    frame = pd.DataFrame(rows, columns=["received", "unit"])
    frame["received"] = pd.to_datetime(frame["received"]).astype("datetime64[ns]")
    return frame.assign(
        answered=frame["received"] + pd.Timedelta(days=1),
        closed=frame["received"] + pd.Timedelta(days=1),
        type="klagomål",
        channel=None,
        contact=True,
    )


@settings(derandomize=True, max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 6), st.integers(0, 6)), min_size=2, max_size=4))
def test_only_units_in_both_windows_are_tested_and_form_the_holm_family(counts) -> None:
    a = analyse_feedback(_register(counts), "14 days", as_of="2025-12-31")
    units = a.trend[a.trend["level"].eq("unit")].set_index("key")
    compared = []
    for unit, (before, after) in zip(UNITS, counts, strict=False):
        if before == after == 0:  # no item at all: not in the register
            assert unit not in units.index
            continue
        row = units.loc[unit]
        assert (row["value"], row["previous_value"]) == (after, before)
        assert row["compared"] == (before > 0 and after > 0)
        if row["compared"]:
            assert pd.isna(row["reason"])
            exact = stats.binomtest(after, after + before, 365 / (365 + 366)).pvalue
            assert np.isclose(row["p"], exact, rtol=1e-9)
            compared.append(unit)
        else:
            want = (
                "none"
                if before == after == 0
                else ("none_current" if after == 0 else "none_previous")
            )
            assert row["reason"] == want
            assert np.isnan(float(row["p"])) and np.isnan(float(row["p_holm"]))
            assert np.isnan(float(row["estimate"]))
    # "Z" (2024 only) is never compared either
    assert not units.loc["Z", "compared"] and units.loc["Z", "reason"] == "none_current"
    if compared:
        p = units.loc[compared, "p"].astype(float).to_numpy()
        want = multipletests(p, method="holm")[1]
        assert np.allclose(units.loc[compared, "p_holm"].astype(float).to_numpy(), want)


def test_default_windows_end_at_the_last_receipt_not_at_a_later_closing_date() -> None:
    f = _register([(3, 3)])
    f.loc[f.index[-1], "closed"] = pd.Timestamp("2026-01-20")  # the file's latest date
    a = analyse_feedback(f, "14 days")
    assert a.as_of.date().isoformat() == "2025-03-11"  # the last answer, not the closing date
    w = a.trend_window
    assert (w["current"]["to"], w["last_received"], w["latest_date"], w["end"]) == (
        "2025-03-10",
        "2025-03-10",
        "2026-01-20",
        "last_received",
    )
