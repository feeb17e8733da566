"""A value KPI without a ``start`` column whose file has a year column (review 4 finding 9
rest): judged on its latest year, as a dated KPI is on its latest period."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from servqual_cli.core.kpi import evaluate_kpi
from servqual_cli.errors import DataError
from servqual_cli.vocab.kpi import KpiSpec

SHARE = KpiSpec(1, "Nådd", "nåbarhet", Path("x.xlsx"), "share", target=0.8)
MEDIAN = KpiSpec(2, "Väntetid", "väntetid", Path("x.xlsx"), "median", value_column="v", norm=60)


@st.composite
def frames(draw: st.DrawFn) -> pd.DataFrame:
    n = draw(st.integers(1, 60))
    years = draw(st.lists(st.integers(2018, 2022), min_size=n, max_size=n))
    values = draw(st.lists(st.integers(0, 120), min_size=n, max_size=n))
    return pd.DataFrame(
        {"row": np.arange(2, n + 2), "year": np.asarray(years, dtype=float),
         "success": np.asarray(values) >= 40, "value": np.asarray(values, dtype=float)}
    )  # fmt: skip


@settings(max_examples=60, deadline=None)
@given(frames(), st.sampled_from([SHARE, MEDIAN]), st.none() | st.integers(2018, 2023))
def test_the_latest_year_is_judged_on_its_own_rows(
    frame: pd.DataFrame, spec: KpiSpec, cut: int | None
) -> None:
    as_of = None if cut is None else f"{cut}-06-30"
    if cut is not None and frame["year"].min() > cut:
        with pytest.raises(DataError, match="precedes the data"):
            evaluate_kpi(spec, frame, as_of, year_column="år")
        return
    r = evaluate_kpi(spec, frame, as_of, year_column="år")
    kept = frame if cut is None else frame[frame["year"] <= cut]
    latest = int(kept["year"].max())
    alone = evaluate_kpi(spec, kept[kept["year"].eq(latest)].drop(columns="year"))
    assert (r.period, r.year_column) == (str(latest), "år")
    assert (r.n, r.verdict) == (alone.n, alone.verdict)
    assert [r.value, r.ci_low, r.ci_high] == pytest.approx(
        [alone.value, alone.ci_low, alone.ci_high], nan_ok=True
    )
    assert r.n_after_as_of == len(frame) - len(kept)
    years = sorted(kept["year"].unique())
    assert (r.pooled is None) == (len(years) == 1)
    if r.pooled is not None:
        assert r.pooled.n == len(kept) and r.pooled.periods[0] == str(int(years[0]))
        assert r.change is not None and r.change.previous_period == str(int(years[-2]))


def test_a_declared_period_keeps_every_row() -> None:
    frame = pd.DataFrame({"row": range(4), "year": [2019.0, 2019, 2020, 2020],
                          "success": [True, False, True, True]})  # fmt: skip
    declared = KpiSpec(1, "Nådd", "nåbarhet", Path("x.xlsx"), "share", period="2019–2020")
    r = evaluate_kpi(declared, frame, year_column="år")
    assert (r.n, r.period, r.year_column) == (4, "2019–2020", None)
