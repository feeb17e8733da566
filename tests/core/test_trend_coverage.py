"""Every directed KPI, channel and area observed in either year is either compared or named as
measured in one year only (review 12a finding 2): nothing disappears in between."""

from __future__ import annotations

import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from servqual_cli.core.contacts import ALL, SPECS
from servqual_cli.core.trend import compare_kpis
from servqual_cli.core.trend_coverage import not_compared

AREAS = ["bygglov", "gator", "skola"]
KPIS = [("phone_reached", "phone"), ("email_answered_question", "email"),
        ("phone_answered_question_partly", "phone")]  # fmt: skip


def _observations(cells: list[tuple[int, int]]) -> pd.DataFrame:
    """Four observations (two 1, two 0) for each (KPI, area) index pair, and their totals."""
    rows = []
    for k, a in cells:
        kpi, channel = KPIS[k]
        for x in (1.0, 0.0, 1.0, 0.0):
            rows += [(kpi, channel, AREAS[a], x), (kpi, channel, ALL, x)]
    return pd.DataFrame(rows, columns=["kpi", "channel", "area", "x"])


cells = st.lists(st.tuples(st.integers(0, 2), st.integers(0, 2)), min_size=1, max_size=9)


@settings(derandomize=True, max_examples=60, deadline=None)
@given(before=cells, after=cells)
def test_every_key_is_compared_or_named(before: list, after: list) -> None:
    b, a = _observations(before), _observations(after)
    compared = compare_kpis(b, a)
    shown = set(zip(compared["kpi"], compared["channel"], compared["area"], strict=True))
    nc = not_compared(b, a)
    one_year_areas = {area for area, _ in nc.areas}
    named = {(k, c, ALL) for k, c, _ in nc.kpis} | {(k, c, ar) for k, c, ar, _ in nc.area_kpis}
    for frame in (b, a):
        for k, c, ar in set(zip(frame["kpi"], frame["channel"], frame["area"], strict=True)):
            if SPECS[k].direction == 0:  # never compared, so never "left out"
                assert (k, c, ar) not in shown
                continue
            in_both = ((b["kpi"] == k) & (b["area"] == ar)).any() and (
                (a["kpi"] == k) & (a["area"] == ar)
            ).any()
            assert ((k, c, ar) in shown) == in_both
            if not in_both:  # named at one level: the area, the total, or the area's KPI
                assert ar in one_year_areas or (k, c, ar) in named or (k, c, ALL) in named
    # nothing is named that was compared
    assert not named & shown
    assert not one_year_areas & set(compared["area"])


def test_sides_are_the_years_measured() -> None:
    b, a = _observations([(0, 0), (0, 1)]), _observations([(0, 0), (0, 2)])
    assert not_compared(b, a).areas == (("gator", "before"), ("skola", "after"))
