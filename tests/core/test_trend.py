"""core.trend and core.survey_trend end to end against R on the sample files.

tests/core/r/trend.R reads data/samples/servicematning_2019.xlsx and ..._2020.xlsx itself
(readxl, all cells as text), derives the KPI counts and working-day hours itself and computes the
statistics with base R; the Python side runs the real pipeline (read_table -> load_contacts ->
kpi_observations -> compare_kpis). Tolerances:

- counts and n: exact;
- shares, medians, means, differences: 1e-12 relative (same arithmetic);
- Wilson/Newcombe limits, Welch intervals, Fisher and Wilcoxon p-values, Bonett-Price limits:
  1e-9 relative (closed forms or exact sums; R and SciPy agree to ~1e-14);
- minimum detectable differences: 1e-8 absolute (both sides solve to ~1e-12 and the solutions'
  conditioning loses a few digits).
"""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from servqual_cli.core.change_verdict import verdict
from servqual_cli.core.contacts import ALL, SPECS, kpi_observations, summarise_observations
from servqual_cli.core.detectable_difference import mdd_mean_difference
from servqual_cli.core.inference import p_adjust
from servqual_cli.core.survey_trend import OVERALL, compare_survey_gaps, gap_scores
from servqual_cli.core.trend import (
    COMPARISON_COLUMNS,
    area_family_size,
    compare_kpis,
    median_diff_ci,
    sort_comparisons,
)
from servqual_cli.core.trend_family import reachable_levels
from servqual_cli.errors import UsageError
from servqual_cli.io.contacts import load_contacts
from servqual_cli.io.read import read_table

R: dict[str, Any] = json.loads((Path(__file__).parent / "r" / "trend.json").read_text())
SAMPLES = Path(__file__).parent.parent.parent / "data" / "samples"
EXACT, CLOSED, MDD = 1e-12, 1e-9, 1e-8
QNORM_975, QNORM_80 = 1.959963984540054, 0.841621233572914  # R qnorm(0.975), qnorm(0.8)


@pytest.fixture(scope="module")
def observations() -> tuple[pd.DataFrame, pd.DataFrame]:
    years = []
    for name in ("servicematning_2019.xlsx", "servicematning_2020.xlsx"):
        data = load_contacts(read_table(SAMPLES / name))
        years.append(kpi_observations(data.frame, keys=()))
    return years[0], years[1]


@pytest.fixture(scope="module")
def comparisons(observations: tuple[pd.DataFrame, pd.DataFrame]) -> pd.DataFrame:
    # trend.R computes Fisher's p beside the Newcombe interval: the --test fisher path.
    # adjust="none": trend.R's per-area cases are unadjusted (the adjustment is tested below).
    return compare_kpis(*observations, share_test="fisher", adjust="none")


def _same(got: float, want: float, rel: float, field: str) -> None:
    if want is None or (isinstance(want, float) and math.isnan(want)):
        assert got is None or math.isnan(got), field
    else:
        assert got == pytest.approx(want, rel=rel, abs=rel * 1e-3), field


@pytest.mark.parametrize("case", R["comparisons"], ids=lambda c: f"{c['kpi']}-{c['area']}")
def test_comparison_matches_r(comparisons: pd.DataFrame, case: dict[str, Any]) -> None:
    hit = comparisons[
        comparisons["kpi"].eq(case["kpi"])
        & comparisons["channel"].eq(case["channel"])
        & comparisons["area"].eq(case["area"])
    ]
    assert len(hit) == 1
    row = hit.iloc[0]
    assert (row["n_before"], row["n_after"]) == (case["n_before"], case["n_after"])
    for field in ("before", "after", "diff"):
        _same(row[field], case[field], EXACT, field)
    for field in ("ci_low", "ci_high"):
        if "ci_tol" in case:  # Hodges-Lehmann bounds: R's uniroot (tol 1e-4) on a step function
            assert row[field] == pytest.approx(case[field], abs=case["ci_tol"]), field
        else:
            _same(row[field], case[field], CLOSED, field)
    _same(row["p"], case["p"], CLOSED, "p")
    if "critical_test" in case:  # shares: R's uniroot on prop.test, or the interval's bound
        want_critical = max(case["critical_test"], _to_zero(case))
        assert row["critical"] == pytest.approx(want_critical, abs=1e-9), "critical"
    want = _bloom_mdd(case)
    if isinstance(want, float) and math.isnan(want):
        assert math.isnan(row["mdd"])
    else:
        assert row["mdd"] == pytest.approx(want, abs=MDD)


SHARE_KPIS = {name for name, spec in SPECS.items() if spec.kind == "share"}


def _to_zero(case: dict[str, Any]) -> float:
    """The interval's part of the threshold: from the estimate to the interval's end by 0."""
    diff = case["diff"]
    return diff - case["ci_low"] if diff >= 0 else case["ci_high"] - diff


def _bloom_mdd(case: dict[str, Any]) -> float:
    """The MDD from R's own interval and change (unadjusted here, level 0.05): the design's
    SE, R's interval's half-width over qnorm(0.975) (review 7 finding 4: not the distance to the
    interval's near end, nor |diff| / qnorm(1 - p/2), which depend on where the estimate fell),
    times qnorm(0.975) + qnorm(0.8) (Bloom 1995, eq. 1); where the row's "told from chance"
    threshold is stricter, that threshold + qnorm(0.8) * SE. The threshold is the larger of
    the test's, qnorm(0.975) * SE (the same SE, review 8 finding 1), and the interval's, the
    distance from the estimate to its end on the side of 0. Shares take the SE at R's earlier
    share p0 instead, sqrt(p0 (1 - p0) (1/n1 + 1/n2)) (review 8 finding 2; none at 0 or 1),
    and as the test's part R's ``critical_half``: the change from p0 toward 50 % (the side with
    more room) at which prop.test(correct = FALSE) reaches p = 0.05 (uniroot; session 12; the
    threshold shown, ``critical_test``, is in the observed direction). NaN beyond the 0-1 room
    of a share or the index."""
    diff = case["diff"]
    if diff is None or case["p"] is None or math.isnan(diff):
        return math.nan
    se = (case["ci_high"] - case["ci_low"]) / (2 * QNORM_975)
    if case["kpi"] in SHARE_KPIS:
        p0 = case["before"]
        se = math.sqrt(p0 * (1 - p0) * (1 / case["n_before"] + 1 / case["n_after"]))
        if se == 0:
            return math.nan
    test_part = case["critical_half"] if case["kpi"] in SHARE_KPIS else QNORM_975 * se
    critical = max(test_part, _to_zero(case))
    mdd = max(QNORM_975 * se, critical) + QNORM_80 * se
    median = case["kpi"].endswith("_median")
    if not median and mdd > max(case["before"], 1 - case["before"]):
        return math.nan
    return mdd


def test_sample_counts_as_the_data_readme_states(comparisons: pd.DataFrame) -> None:
    """data/samples/README.md, "Measured": 44/53 -> 43/54 reached, 30/54 -> 43/53 e-mails."""
    total = comparisons[comparisons["area"].eq(ALL)].set_index("kpi")
    r = total.loc["phone_reached"]
    assert (round(r["before"] * 53), r["n_before"], round(r["after"] * 54), r["n_after"]) == (
        44, 53, 43, 54)  # fmt: skip
    e = total.loc["email_within_1_working_day"]
    assert (round(e["before"] * 54), round(e["after"] * 53), e["n_after"]) == (30, 43, 53)
    assert total.loc["phone_wait_seconds_median", ["before", "after"]].tolist() == [84.0, 56.0]
    assert total.loc["email_response_hours_median", "before"] / 24 == pytest.approx(0.99, abs=5e-3)


@pytest.mark.parametrize("year, key", [(0, "wilson_before"), (1, "wilson_after")])
def test_kpi_wilson_intervals_match_r_prop_test(
    observations: tuple[pd.DataFrame, pd.DataFrame], year: int, key: str
) -> None:
    table = summarise_observations(observations[year], keys=())
    for case in R["comparisons"]:
        if key not in case:
            continue
        row = table[table["kpi"].eq(case["kpi"]) & table["area"].eq(case["area"])
                    & table["channel"].eq(case["channel"])].iloc[0]  # fmt: skip
        k = case["k_before" if year == 0 else "k_after"]
        assert row["k"] == k
        assert row["ci_low"] == pytest.approx(case[key][0], rel=CLOSED, abs=1e-15)
        assert row["ci_high"] == pytest.approx(case[key][1], rel=CLOSED)


def test_comparisons_have_the_issue_columns_and_worse_first(comparisons: pd.DataFrame) -> None:
    # the small base (n before or after under min_n) after the old columns (f-trend, s16)
    assert list(comparisons.columns) == [*COMPARISON_COLUMNS, "small_base", "min_n"]
    verdicts = comparisons["verdict"].tolist()
    first_other = next(i for i, v in enumerate(verdicts) if v != "worse")
    assert set(verdicts[first_other:]) <= {"better", "no detectable change"}
    assert verdicts[0] == "worse"  # treatment index, äldreomsorg (p = 0.017)
    assert not comparisons["kpi"].str.endswith("_partly").any()  # no direction: not judged
    assert set(comparisons["test"]) == {"fisher", "mann-whitney"}


def test_small_base_is_either_years_n_below_min_n(
    observations: tuple[pd.DataFrame, pd.DataFrame], comparisons: pd.DataFrame
) -> None:
    """f-trend (s16): one decision for every renderer, at MIN_N (30) by default: the 4-7
    contacts of an area are a small base, the totals' 43-108 are not; min_n moves it, and
    nothing else in the row changes (the verdict is the test's and the interval's)."""
    small = comparisons[["n_before", "n_after"]].min(axis=1).lt(30)
    assert comparisons["small_base"].tolist() == small.tolist()
    assert comparisons.loc[comparisons["area"].ne("ALL"), "small_base"].all()
    assert set(comparisons["min_n"]) == {30}
    raised = compare_kpis(*observations, share_test="fisher", adjust="none", min_n=44)
    wait = raised[raised["kpi"].eq("phone_wait_seconds_median") & raised["area"].eq("ALL")]
    assert wait[["n_before", "n_after", "small_base"]].values.tolist() == [[45, 43, True]]
    pd.testing.assert_frame_equal(raised[COMPARISON_COLUMNS], comparisons[COMPARISON_COLUMNS])


def test_power_t_matches_r() -> None:
    r = R["power_t"]
    assert mdd_mean_difference(r["sd"], r["n"], r["n"]) == pytest.approx(r["delta"], rel=1e-9)
    assert r["mine"] == pytest.approx(r["delta"], rel=1e-9)  # R's own cross-check


@pytest.mark.parametrize(
    "before, after, want",
    [
        # statpsych::ci.median2 documentation (y1 = after, y2 = before)
        ([32, 39, 26, 35, 43, 27, 40, 37, 34, 29], [36, 44, 47, 42, 49, 39, 46, 31, 33, 48],
         (8.5, 4.316291, 0.04022524, 16.95977)),
        ([36.8, 44.0, 47.1, 42.7, 49.0, 39.6, 46.2, 31.6, 33.1, 48.4],
         [32.1, 39.8, 26.3, 35.0, 43.1, 27.0, 40.9, 37.4, 34.0, 29.2],
         (-8.85, 4.494993, -17.66002, -0.0399751)),
    ],
)  # fmt: skip
def test_median_diff_ci_matches_statpsych(
    before: list[float], after: list[float], want: tuple[float, ...]
) -> None:
    r = median_diff_ci(before, after)
    # The documentation prints 7 significant digits: agree to half a unit in the last one.
    assert r.diff == pytest.approx(want[0], abs=1e-12)
    assert r.se == pytest.approx(want[1], rel=5e-7)
    assert (r.ci_low, r.ci_high) == pytest.approx(want[2:], rel=5e-7)


def test_median_diff_ci_edge_cases() -> None:
    assert math.isnan(median_diff_ci([], [1.0, 2.0]).diff)
    one = median_diff_ci([5.0], [7.0, 9.0])
    assert one.diff == 3.0 and math.isnan(one.ci_low)
    with pytest.raises(UsageError):
        median_diff_ci([1.0, 2.0], [1.0, 2.0], conf=1.5)


@pytest.mark.parametrize(
    "diff, p, direction, want",
    [
        (0.2, 0.01, 1, "better"),
        (-0.2, 0.01, 1, "worse"),
        (-30.0, 0.01, -1, "better"),  # a shorter queue is better
        (30.0, 0.01, -1, "worse"),
        (0.2, 0.05, 1, "no detectable change"),  # p must be below alpha
        (0.2, 0.01, 0, "no detectable change"),  # no direction, never judged
        (0.0, 0.0001, 1, "no detectable change"),
        (float("nan"), 0.01, 1, "no detectable change"),
    ],
)
def test_verdict(diff: float, p: float, direction: int, want: str) -> None:
    assert verdict(diff, p, direction) == want


def test_areas_measured_in_one_year_only_are_not_compared() -> None:
    before = pd.DataFrame({"channel": "phone", "area": ["ALL", "a"], "kpi": "phone_reached",
                           "x": [1.0, 1.0]})  # fmt: skip
    after = pd.DataFrame({"channel": "phone", "area": ["ALL", "b"], "kpi": "phone_reached",
                          "x": [0.0, 0.0]})  # fmt: skip
    out = compare_kpis(before, after)
    assert out["area"].tolist() == ["ALL"]


# ---- multiplicity over the per-area family -----------------------------------------------------

ADJ: dict[str, Any] = json.loads((Path(__file__).parent / "r" / "trend_adjust.json").read_text())


def _adjust_case_observations() -> tuple[pd.DataFrame, pd.DataFrame]:
    """trend_adjust.R's three areas as observations (each contact once per area and in ALL)."""
    sides = []
    for side in (0, 1):
        areas, xs = [], []
        for name, counts in zip(ADJ["names"], ADJ["areas"], strict=True):
            k, n = counts[2 * side], counts[2 * side + 1]
            areas += [name] * n
            xs += [1.0] * k + [0.0] * (n - k)
        obs = pd.DataFrame({"channel": "phone", "kpi": "phone_reached", "area": areas, "x": xs})
        sides.append(pd.concat([obs.assign(area=ALL), obs], ignore_index=True))
    return sides[0], sides[1]


@pytest.mark.parametrize("method", ["holm", "bh", "none"])
def test_area_adjustment_matches_r_p_adjust(method: str) -> None:
    out = compare_kpis(*_adjust_case_observations(), share_test="fisher", adjust=method)
    rows = out.set_index("area")
    want = ADJ["p"] if method == "none" else ADJ[method]
    for name, p_raw, p_adj in zip(ADJ["names"], ADJ["p"], want, strict=True):
        assert rows.loc[name, "p"] == pytest.approx(p_raw, rel=1e-10)
        assert rows.loc[name, "p_adjusted"] == pytest.approx(p_adj, rel=1e-10)
        # the verdict follows the adjusted p (area b: p = 0.033 raw, 0.065 after Holm)
        want_verdict = "worse" if p_adj < 0.05 else "no detectable change"
        assert rows.loc[name, "verdict"] == want_verdict, (name, method)
    # the total is a primary comparison, outside the family: never adjusted
    assert rows.loc[ALL, "p_adjusted"] == rows.loc[ALL, "p"]
    assert rows.loc[ALL, "p"] == pytest.approx(ADJ["p_total"], rel=1e-10)
    assert area_family_size(out) == 3


def test_holm_turns_a_chance_area_change_into_no_detectable_change() -> None:
    obs = _adjust_case_observations()
    raw = compare_kpis(*obs, share_test="fisher", adjust="none").set_index("area")
    holm = compare_kpis(*obs, share_test="fisher").set_index("area")  # Holm is the default
    assert (raw.loc["b", "verdict"], holm.loc["b", "verdict"]) == ("worse", "no detectable change")


def test_unknown_adjustment_is_a_usage_error() -> None:
    with pytest.raises(UsageError, match="adjustment"):
        compare_kpis(*_adjust_case_observations(), adjust="bonferroni")


def test_sort_puts_significant_deteriorations_first() -> None:
    frame = pd.DataFrame({"kpi": ["phone_reached", "answered_question", "phone_reached"],
                          "channel": ["phone", ALL, "phone"], "area": ["x", "ALL", "ALL"],
                          "p": [0.04, 0.001, 0.5],
                          "verdict": ["worse", "better", "no detectable change"]})  # fmt: skip
    assert sort_comparisons(frame)["verdict"].tolist() == [
        "worse", "better", "no detectable change"]  # fmt: skip


# ---- survey trend -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def survey_comparison() -> pd.DataFrame:
    from servqual_cli.io.survey import load_survey_file

    data = load_survey_file(str(SAMPLES / "karlstad_servqual.csv"), None, "Tjänst", None, None,
                            None, False)  # fmt: skip
    scores = gap_scores(data.expectation, data.perception, data.dimension_positions)
    groups = pd.Series(data.groups)
    before = scores[groups.eq("Äldreomsorg").to_numpy()]
    after = scores[groups.eq("Gymnasieskola").to_numpy()]
    # unadjusted: R's values (trend.R) are the per-row Welch test, its MDD at alpha and its
    # verdict; the adjustment (--adjust, default Holm) is tested in
    # tests/cli/test_survey_trend_adjust_cli.py
    return compare_survey_gaps(before, after, adjust="none")


@pytest.mark.parametrize("case", R["survey"], ids=lambda c: c["dimension"])
def test_survey_trend_matches_r(survey_comparison: pd.DataFrame, case: dict[str, Any]) -> None:
    row = survey_comparison.set_index("dimension").loc[case["dimension"]]
    assert (row["n_before"], row["n_after"]) == (case["n_before"], case["n_after"])
    for field in ("before", "after", "diff"):
        assert row[field] == pytest.approx(case[field], rel=1e-10), field
    for field in ("ci_low", "ci_high", "p_welch", "p_mann_whitney", "hedges_g"):
        assert row[field] == pytest.approx(case[field], rel=CLOSED), field
    assert row["mdd"] == pytest.approx(case["mdd"], abs=MDD)
    assert row["verdict"] == ("better" if case["p_welch"] < 0.05 else "no detectable change")
    # effectsize::hedges_g: the same g, and its noncentral-t interval (uniroot in both: 1e-6)
    assert row["hedges_g"] == pytest.approx(case["hedges_g_es"], rel=CLOSED)
    for field in ("hedges_g_low", "hedges_g_high"):
        assert row[field] == pytest.approx(case[field], rel=1e-6, abs=1e-7), field


def test_survey_overall_is_the_unweighted_servqual_score() -> None:
    e = np.array([[7.0, 7.0], [6.0, 5.0], [6.0, np.nan]])
    p = np.array([[5.0, 6.0], [6.0, 6.0], [4.0, 4.0]])
    scores = gap_scores(e, p, {"A": [0], "B": [1]})
    assert scores[OVERALL].tolist()[:2] == [-1.5, 0.5]
    assert math.isnan(scores[OVERALL].iloc[2])


# ---- the verdict needs the test and the interval to agree (trend_verdict.R) --------------------

VERDICT_CASES: list[dict[str, Any]] = json.loads(
    (Path(__file__).parent / "r" / "trend_verdict.json").read_text()
)["cases"]


@pytest.mark.parametrize("case", VERDICT_CASES, ids=[c["name"] for c in VERDICT_CASES])
def test_median_verdict_needs_test_and_interval_to_agree(case: dict[str, Any]) -> None:
    """The change of a time is the Hodges-Lehmann shift with the Mann-Whitney test's own
    interval (review 3 finding 11; R wilcox.test conf.int, uniroot tol 1e-4), so the verdict
    follows the test: the cases where the old Bonett-Price interval disagreed with it now agree
    (test_not_interval: better; interval_not_test: no detectable change)."""
    obs = [pd.DataFrame({"channel": "phone", "area": ALL, "kpi": "phone_wait_seconds_median",
                         "x": np.asarray(case[side], dtype=float)})
           for side in ("before", "after")]  # fmt: skip
    row = compare_kpis(*obs).iloc[0]
    assert row["diff"] == case["diff"]
    assert (row["ci_low"], row["ci_high"]) == pytest.approx((case["ci_low"], case["ci_high"]),
                                                            abs=1e-3)  # fmt: skip
    assert row["p"] == pytest.approx(case["p"], rel=1e-9)
    assert row["verdict"] == case["verdict"]


@pytest.mark.parametrize(
    "low, high, want",
    [
        (-60.8, 4.8, "no detectable change"),  # lekeberg's queue: p = 0.015, interval covers 0
        (-50.0, -6.0, "better"),
        (-50.0, 0.0, "no detectable change"),  # a bound at 0 does not exclude it
        (float("nan"), float("nan"), "no detectable change"),  # no interval: cannot agree
    ],
)
def test_verdict_with_interval(low: float, high: float, want: str) -> None:
    assert verdict(-28.0, 0.015, -1, 0.05, low, high) == want
    assert verdict(-28.0, 0.2, -1, 0.05, -50.0, -6.0) == "no detectable change"


def test_a_times_change_is_the_shift_and_the_medians_difference_is_kept() -> None:
    """Review 4 finding 1: for times ``diff`` is the Hodges-Lehmann shift, not the medians'
    difference; ``value_diff`` carries that difference and ``estimate`` names the shift."""
    before = pd.DataFrame({"channel": "email", "area": ALL, "kpi": "email_response_hours_median",
                           "x": [1.0, 2.0, 3.0, 40.0, 41.0]})  # fmt: skip
    after = before.assign(x=[1.5, 2.5, 30.0, 39.0, 40.0])
    row = compare_kpis(before, after).iloc[0]
    assert row["value_diff"] == 30.0 - 3.0 == row["after"] - row["before"]
    assert row["estimate"] == "hodges-lehmann shift" and row["diff"] != row["value_diff"]
    shares = before.assign(kpi="email_answered_question", x=[1.0, 0.0, 1.0, 1.0, 0.0])
    share = compare_kpis(shares, shares.assign(x=1.0)).iloc[0]
    assert share["estimate"] == "difference" and share["value_diff"] == share["diff"]


@given(st.lists(st.floats(0.0, 1.0), min_size=1, max_size=30))
def test_a_holm_rejection_meets_its_reachable_level(p: list[float]) -> None:
    """Review 4 finding 2: whatever Holm (R p.adjust) rejects has its own p below the level it
    must reach (so the "told from chance" threshold at that level never contradicts a verdict);
    unadjusted the level is alpha for every p."""
    values = np.array(p)
    levels = reachable_levels(values, 0.05, "holm")
    rejected = p_adjust(values, "holm") < 0.05
    assert (values[rejected] < levels[rejected]).all()
    assert (levels >= 0.05 / len(p) - 1e-15).all() and (levels <= 0.05 + 1e-15).all()
    assert (reachable_levels(values, 0.05, "none") == 0.05).all()
