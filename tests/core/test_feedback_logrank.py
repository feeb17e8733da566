"""The log-rank test of two windows' days to reply, the unanswered censored (session 14,
w-fbkm): core/time_to_event.log_rank and core/feedback_trend.window_times against R.

The feedback trend's row since session 15 (tests/core/test_feedback_km_trend.py; the plan was
/work/coord/s14/readme_w-fbkm.md). Reference values:
tests/core/r/feedback_logrank.R runs survival::survdiff(Surv(days, answered) ~ window) and
quantile(survfit(...), 0.5, conf.int = TRUE) on constructed cases (ties within and across the
groups, one group heavily censored, one without events, one item at risk at the last event)
and on the sample's two trend windows, each judged at its own end; stored in
feedback_logrank.json. The last test re-runs the script when R has survival, readxl and
jsonlite.
"""

from __future__ import annotations

import json
import math
import shutil
import subprocess
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from servqual_cli.core.feedback_trend import trend_windows, window_times
from servqual_cli.core.time_to_event import km_quantiles, log_rank
from servqual_cli.io.feedback import load_feedback
from servqual_cli.io.read import read_table

ROOT = Path(__file__).parents[2]
R_DIR = Path(__file__).parent / "r"
EXPECTED: dict[str, Any] = json.loads((R_DIR / "feedback_logrank.json").read_text("utf-8"))
REL = 1e-9


def _check(got: Any, ref: dict[str, Any]) -> None:
    assert list(got.n) == ref["n"] and list(got.observed) == ref["observed"]
    np.testing.assert_allclose(got.expected, ref["expected"], rtol=REL)
    assert got.variance == pytest.approx(ref["variance"], rel=REL)
    assert got.chi2 == pytest.approx(ref["chi2"], rel=REL)
    assert got.p == pytest.approx(ref["p"], rel=1e-7)


@pytest.mark.parametrize("case", sorted(EXPECTED["constructed"]))
def test_log_rank_against_r_survdiff(case: str) -> None:
    ref = EXPECTED["constructed"][case]
    _check(log_rank(ref["time"], ref["event"], ref["group"]), ref)


def test_the_sample_windows_against_r() -> None:
    """Each window's items judged at the window's own end, as the R script does."""
    fb = load_feedback(read_table(ROOT / "data" / "samples" / "synpunkter_2023_2024.xlsx"))
    items = fb.frame[fb.frame["contact"].to_numpy(dtype=bool)].reset_index(drop=True)
    window = trend_windows(items["received"].min(), items["received"].max())
    assert window is not None
    ref = EXPECTED["sample"]
    spans = (window["previous"], window["current"])
    assert [[s["from"], s["to"]] for s in spans] == ref["windows"]
    times = [window_times(items["received"], items["answered"], s) for s in spans]
    assert [int(e.sum()) for _, e in times] == ref["n_answered"]
    time = np.concatenate([t for t, _ in times])
    event = np.concatenate([e for _, e in times])
    group = np.repeat([False, True], [t.size for t, _ in times])
    _check(log_rank(time, event, group), ref)
    # the two Kaplan-Meier medians and their Brookmeyer-Crowley intervals side by side
    medians = [km_quantiles(t, e, conf=0.95)[0] for t, e in times]
    assert [m.value for m in medians] == ref["median"]
    assert [m.ci_low for m in medians] == ref["median_lower"]
    assert [m.ci_high for m in medians] == ref["median_upper"]


def test_no_event_no_test() -> None:
    r = log_rank([1.0, 2.0, 3.0], [False, False, False], [False, True, True])
    assert math.isnan(r.chi2) and math.isnan(r.p) and r.observed == (0, 0)


@settings(derandomize=True, max_examples=60, deadline=None)
@given(
    st.lists(st.tuples(st.integers(0, 30), st.booleans(), st.booleans()), min_size=2, max_size=40)
)
def test_swapping_the_groups_keeps_the_test(rows: list[tuple[int, bool, bool]]) -> None:
    """The test is symmetric: O - E of one group is minus the other's, V the same."""
    t, e, g = (np.array(c) for c in zip(*rows, strict=True))
    a, b = log_rank(t, e, g), log_rank(t, e, ~g)
    assert a.observed == b.observed[::-1]
    assert sum(a.observed) == pytest.approx(sum(a.expected))
    if not math.isnan(a.chi2):
        assert a.chi2 == pytest.approx(b.chi2) and 0 <= a.p <= 1


@pytest.mark.skipif(shutil.which("Rscript") is None, reason="R is not installed")
def test_stored_r_values_are_reproducible(tmp_path: Path) -> None:
    check = subprocess.run(
        ["Rscript", "-e", "library(readxl); library(jsonlite); library(survival)"],
        capture_output=True,
        timeout=60,
    )
    if check.returncode != 0:
        pytest.skip("R packages readxl, jsonlite and survival are not installed")
    target = tmp_path / "feedback_logrank.json"
    subprocess.run(
        ["Rscript", str(R_DIR / "feedback_logrank.R"), str(target)],
        check=True,
        capture_output=True,
        timeout=120,
        cwd=ROOT,
    )
    assert json.loads(target.read_text("utf-8")) == EXPECTED
