"""The overview's small years of a change (report/glance.py ``small_periods``, ``is_small``) are
the core's one decision (core.small_samples.small_base: either year under min_n; a count that is
no number marks nothing), not a copy of it (session 18, a-small leftover: glance.py had its own
``previous_n >= min_n``)."""

from __future__ import annotations

import itertools

import numpy as np
import pytest

from servqual_cli.core.small_samples import small_base
from servqual_cli.report import glance
from servqual_cli.report.glance import is_small, small_periods
from servqual_cli.report.spec import GlanceRow


def _row(previous_n: float, n: int) -> GlanceRow:
    return GlanceRow(
        "contact_kpi", "A", "share", 0.5, period="2020", n=n, previous_period="2019",
        previous_n=previous_n, change=0.1,  # type: ignore[arg-type]  # a NaN count below
    )  # fmt: skip


GRID = list(itertools.product([0, 6, 29, 30, 31, 300], [5, 30, 54], [6, 30]))


@pytest.mark.parametrize(("previous_n", "n", "min_n"), GRID)
def test_agrees_with_the_core_rule(previous_n: int, n: int, min_n: int) -> None:
    years = small_periods(_row(previous_n, n), min_n=min_n)
    change_small = bool(small_base([previous_n], [n], min_n=min_n)[0])
    assert bool(years) == (change_small and previous_n < min_n)  # named when the earlier is
    if years:
        assert ("2019", previous_n) in years
        assert (("2020", n) in years) == (n < min_n)
    assert is_small(_row(previous_n, n), min_n) == (n < min_n)


def test_an_earlier_count_that_is_no_number_is_not_a_small_year() -> None:
    """The core marks no count that is NaN (no value at all); the overview's own comparison
    (NaN >= 30 is False) named "2019 (n = nan)" as a small year."""
    assert small_periods(_row(np.nan, 54)) == ()


def test_the_rule_is_the_cores(monkeypatch: pytest.MonkeyPatch) -> None:
    """Changing the core's rule changes the overview's: it holds no copy."""
    monkeypatch.setattr(glance, "small_base", lambda *counts, min_n: np.bool_(False))
    assert small_periods(_row(6, 8)) == ()
