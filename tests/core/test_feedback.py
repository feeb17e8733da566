"""Feedback register analysis: the sample register against R, and hand-made edge cases.

Reference values: tests/core/r/feedback.R reads data/samples/synpunkter_2023_2024.xlsx itself
(readxl) and computes counts, quantile(type = 7), prop.test (Wilson), poisson.test with the
days of each window as exposure, p.adjust("holm"), fisher.test and wilcox.test; stored in
feedback.json. Doubles agree to 1e-12 relative (jsonlite keeps 15 significant digits); p-values
of exact tests to 1e-9. The last test re-runs the script when R and readxl are installed.
"""

from __future__ import annotations

import json
import math
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from servqual_cli.core.feedback import analyse_feedback
from servqual_cli.errors import DataError
from servqual_cli.io.feedback import TYPES, load_feedback
from servqual_cli.io.read import read_table

ROOT = Path(__file__).parents[2]
R_DIR = Path(__file__).parent / "r"
EXPECTED: dict[str, Any] = json.loads((R_DIR / "feedback.json").read_text("utf-8"))
R = EXPECTED["feedback"]
REL = 1e-12


@pytest.fixture(scope="module")
def sample() -> Any:
    fb = load_feedback(read_table(ROOT / "data" / "samples" / "synpunkter_2023_2024.xlsx"))
    return fb, analyse_feedback(fb.frame, "14 days", period="quarter")


def test_counts_against_r(sample: Any) -> None:
    fb, a = sample
    assert (fb.n_rows, a.n_items, a.n_anonymous) == (R["n_rows"], R["n_items"], R["n_anonymous"])
    assert fb.excluded == {"duplicate": R["n_duplicates"], "end_before_start": 3}
    assert a.as_of.date().isoformat() == R["as_of"]
    assert a.by_type["type"].tolist() == R["types"] == list(TYPES)
    assert a.by_type["n"].tolist() == R["by_type"]
    assert a.by_type["share"].sum() == pytest.approx(1.0)
    wide = a.by_unit_type.pivot(index="unit", columns="type", values="n")[list(TYPES)]
    assert wide.index.tolist() == R["units"]
    assert wide.to_numpy().tolist() == R["by_unit_type"]
    assert a.by_period["period"].unique().tolist()[:2] == ["2023Q1", "2023Q2"]
    assert int(a.by_period["n"].sum()) == a.n_items
    assert a.by_channel["n"].sum() == a.n_items


def test_reply_against_r(sample: Any) -> None:
    _, a = sample
    ref, r = R["reply"], a.reply
    assert (r.n_with_contact, r.n_answered) == (ref["n_with_contact"], ref["n_answered"])
    assert (r.median_days, r.p90_days) == (ref["median_days"], ref["p90_days"])
    assert [r.median_ci_low, r.median_ci_high] == ref["median_ci"]
    assert (r.within_promise, r.n_decided) == (ref["within"]["k"], ref["within"]["n"])
    assert r.within_promise_share == pytest.approx(ref["within"]["value"], rel=REL)
    assert [r.ci_low, r.ci_high] == pytest.approx(ref["within"]["ci"], rel=REL)
    by_unit = a.reply_by_unit.set_index("unit")
    for u in R["reply_by_unit"]:
        got = by_unit.loc[u["unit"]]
        assert got["n_with_contact"] == u["n_with_contact"]
        assert got["median_days"] == u["median_days"]
        assert got["p90_days"] == pytest.approx(u["p90_days"], rel=REL)  # 15.6 in one unit
        assert got["n_decided"] == u["within"]["n"]
        assert got["within_promise_share"] == pytest.approx(u["within"]["value"], rel=REL)
        assert [got["ci_low"], got["ci_high"]] == pytest.approx(u["within"]["ci"], rel=REL)
    assert by_unit.index[0] == "Socialförvaltningen"  # slowest first (README: 74.9 %)


def test_backlog_against_r(sample: Any) -> None:
    _, a = sample
    got = a.backlog.set_index("unit")
    for u in R["backlog"]:
        assert got.loc[u["unit"], "n_open"] == u["n_open"]
        assert got.loc[u["unit"], "n_open_overdue"] == u["n_open_overdue"]
    assert int(got["n_open"].sum()) == 92  # README: 92 items open at 2024-12-31


def test_trend_against_r(sample: Any) -> None:
    _, a = sample
    ref = R["trend"]
    w = a.trend_window
    assert [w["current"]["days"], w["previous"]["days"]] == ref["days"] == [366, 365]
    assert [w["current"]["from"], w["previous"]["from"]] == ref["from"]
    t = a.trend
    for level, keys, rows, holm in (
        ("type", R["types"], ref["types"], ref["holm_types"]),
        ("unit", R["units"], ref["units"], ref["holm_units"]),
    ):
        part = t[t["level"] == level].set_index("key")
        for key, row, adj in zip(keys, rows, holm, strict=True):
            got = part.loc[key]
            assert (got["value"], got["previous_value"]) == (row["k"], row["k_previous"])
            assert got["estimate"] == pytest.approx(row["ratio"], rel=REL)
            assert [got["ci_low"], got["ci_high"]] == pytest.approx(row["ci"], rel=1e-9)
            assert got["p"] == pytest.approx(row["p"], rel=1e-9)
            assert got["p_holm"] == pytest.approx(adj, rel=1e-9)
    tek = t[(t["level"] == "unit") & (t["key"] == "Tekniska förvaltningen")].iloc[0]
    assert tek["p_holm"] < 0.05  # the planted rise in Tekniska's items
    rep = ref["reply"]
    share = t[t["measure"] == "reply_within_promise"].iloc[0]
    assert (share["n_previous"], share["n"]) == (rep["n_previous"], rep["n"])
    assert share["value"] == pytest.approx(rep["share"], rel=REL)
    assert share["previous_value"] == pytest.approx(rep["share_previous"], rel=REL)
    assert share["p"] == pytest.approx(rep["fisher_p"], rel=1e-9) and share["test"] == "fisher"
    med = t[t["measure"] == "median_days_to_reply"].iloc[0]
    assert (med["previous_value"], med["value"]) == (rep["median_previous"], rep["median"])
    # review 7 finding 5: the medians' difference is descriptive; the Mann-Whitney p and its
    # interval belong to the Hodges-Lehmann shift on the row below (R wilcox.test conf.int)
    assert med["estimate"] == rep["median"] - rep["median_previous"] and math.isnan(med["p"])
    shift = t[t["measure"] == "shift_days_to_reply"].iloc[0]
    assert shift["effect"] == "hodges_lehmann_shift" and shift["test"] == "mann-whitney"
    assert (shift["n_previous"], shift["n"]) == (913, 943)  # the answered items with contact
    # R finds the shift and each bound with uniroot (tol 1e-4) on a step function whose steps
    # are whole days here; the stored values lie within 1e-3 of the step
    assert shift["estimate"] == pytest.approx(rep["shift"], abs=1e-3)
    assert [shift["ci_low"], shift["ci_high"]] == pytest.approx(rep["shift_ci"], abs=1e-3)
    assert shift["p"] == pytest.approx(rep["shift_p"], rel=1e-6)
    assert shift["p"] == pytest.approx(rep["wilcox_p"], rel=1e-6)  # the same test, either order
    json.dumps(a.to_dict(), allow_nan=False)


# --------------------------------------------------------------------------------------------
# Hand-made registers
# --------------------------------------------------------------------------------------------
def register(rows: list[tuple[str, str, str | None, str | None, bool]]) -> pd.DataFrame:
    """Items as (received, type, answered, closed, contact), all in unit "A"."""
    frame = pd.DataFrame(rows, columns=["received", "type", "answered", "closed", "contact"])
    for col in ("received", "answered", "closed"):
        frame[col] = pd.to_datetime(frame[col]).astype("datetime64[ns]")
    return frame.assign(unit="A", channel=None)


def test_anonymous_items_never_enter_the_reply_figures() -> None:
    f = register(
        [
            ("2024-03-01", "klagomål", "2024-03-02", "2024-03-02", True),
            ("2024-03-01", "klagomål", "2024-03-30", "2024-03-30", False),  # answered, anonymous
            ("2024-03-01", "beröm", None, None, False),  # open, anonymous: backlog only
        ]
    )
    a = analyse_feedback(f, "14 dagar", as_of="2024-04-30")
    assert (a.reply.n_with_contact, a.reply.n_answered, a.reply.median_days) == (1, 1, 1.0)
    assert (a.reply.within_promise, a.reply.n_decided) == (1, 1)
    assert a.n_anonymous == 2 and a.n_items == 3
    # the open anonymous item is in the backlog, but not in the reply promise's count (review 3
    # finding 12: anonymous items are promised no reply)
    assert a.backlog.to_dict("records") == [
        {"unit": "A", "n_open": 1, "n_open_overdue": 1, "n_unanswered_overdue": 0,
         "n_unanswered_overdue_closed": 0}
    ]  # fmt: skip


def test_promise_as_of_and_undecided_items() -> None:
    f = register(
        [
            ("2024-05-02", "fråga", "2024-05-06", None, True),  # Thu -> Mon: 2 working days
            ("2024-05-08", "fråga", "2024-05-13", None, True),  # Wed -> Mon, Ascension Day off: 2
            ("2024-05-27", "fråga", None, None, True),  # open; age at end of 30 May: 3 wd
            ("2024-05-29", "fråga", None, None, True),  # open; 1 wd: not yet decided
            ("2024-06-03", "fråga", None, None, True),  # after --as-of: left out
        ]
    )
    a = analyse_feedback(f, "2 arbetsdagar", as_of="2024-05-30", period="year")
    assert a.n_after_as_of == 1 and a.n_items == 4
    r = a.reply
    # the open item of 1 working day has not had the promise: equal follow-up (review 4
    # finding 10) leaves it out of the share, and names it
    assert (r.within_promise, r.n_decided, r.n_undecided) == (2, 3, 0)
    assert (r.n_too_recent, r.n_too_recent_open) == (1, 1)
    assert a.backlog["n_open_overdue"].tolist() == [3]  # not closed: all but the 29 May item
    assert a.by_period.groupby("period")["n"].sum().to_dict() == {"2024": 4}
    assert a.trend.empty and a.trend_window is None  # under a year of history: no trend
    # answered after --as-of counts as still open then
    b = analyse_feedback(f, "2 arbetsdagar", as_of="2024-05-10", period="year")
    # the second (answered Mon 13 May) is open on Fri 10 May, 1 wd old: not yet decided
    # (equal follow-up leaves it out of the share: no undecided item is left in it)
    assert (b.reply.n_answered, b.reply.n_decided, b.reply.n_undecided) == (1, 1, 0)
    assert b.reply.n_too_recent_open == 1


def test_trend_with_a_partial_earlier_window() -> None:
    from servqual_cli.core.exact_tests import poisson_rate_test

    f = register(
        [("2022-10-01", "klagomål", None, "2022-10-02", True)] * 2
        + [("2024-03-01", "klagomål", None, "2024-03-02", True)] * 3
    )
    a = analyse_feedback(f, "14 days", as_of="2024-06-30")
    w = a.trend_window
    # The register starts inside the earlier window, so both windows cover the same months a
    # year apart (review 4 finding 5): 1 Oct 2022 - 30 Jun 2023 = 273 days against 1 Oct 2023 -
    # 30 Jun 2024 = 274 (with 29 Feb 2024).
    assert w == {
        "current": {"from": "2023-10-01", "to": "2024-06-30", "days": 274},
        "previous": {"from": "2022-10-01", "to": "2023-06-30", "days": 273},
        "same_months": True,
        # review 12a finding 4: an explicit --as-of ends the windows, whatever the last receipt
        "last_received": "2024-03-01",
        "latest_date": "2024-03-02",
        "end": "as_of",
    }
    total = a.trend[a.trend["level"] == "total"].iloc[0]
    assert (total["value"], total["previous_value"]) == (3, 2)
    assert total["estimate"] == pytest.approx(poisson_rate_test(3, 274, 2, 273).rate_ratio)
    assert total["estimate"] == pytest.approx((3 / 274) / (2 / 273))


def test_no_items_before_as_of_and_empty_frames() -> None:
    f = register([("2024-03-01", "klagomål", None, None, True)])
    with pytest.raises(DataError, match="no items received on or before 2024-01-01"):
        analyse_feedback(f, as_of="2024-01-01")
    with pytest.raises(DataError, match="no items"):
        analyse_feedback(f.iloc[:0])
    a = analyse_feedback(f, has_closed=False)
    assert a.backlog is None and a.to_dict()["backlog"] is None
    assert math.isnan(a.reply.median_days)


@pytest.mark.skipif(shutil.which("Rscript") is None, reason="R is not installed")
def test_stored_r_values_are_reproducible(tmp_path: Path) -> None:
    check = subprocess.run(
        ["Rscript", "-e", "library(readxl); library(jsonlite)"], capture_output=True, timeout=60
    )
    if check.returncode != 0:
        pytest.skip("R packages readxl and jsonlite are not installed")
    target = tmp_path / "feedback.json"
    subprocess.run(
        ["Rscript", str(R_DIR / "feedback.R"), str(target)],
        check=True,
        capture_output=True,
        timeout=120,
        cwd=ROOT,
    )
    fresh = json.loads(target.read_text("utf-8"))
    drop = "generated_by"  # the R version string may differ; the numbers must not
    assert {k: v for k, v in fresh.items() if k != drop} == {
        k: v for k, v in EXPECTED.items() if k != drop
    }
