"""The trend's "detectable change" numbers and its verdict come from one standard error.

Review 5 finding 10: the minimum detectable difference (MDD) came from a power formula's SE
(``power.prop.test``, a pooled SD, the Bonett-Price SE) while the "told from chance" threshold
came from the SE the test implies, so one sentence could pair "a true change of 14 would be
detected with 80 % probability" with "a measured difference must exceed about 14": at a true
change equal to the threshold the test finds it half the time, not 80 %. Now one SE per
comparison, of the design (review 7 finding 4; review 8 finding 1: not the SE the test implies
at the observed point, |diff| / z_{1-p/2}, which for the index is a Welch difference over a
Mann-Whitney quantile and moved with where the estimate fell), gives both:

- critical difference at level a: ``z_{1-a/2} * SE`` for times and the index (about the
  measured difference the test calls significant), for shares the change from the earlier share
  at which the pooled z-test (statsmodels ``proportions_ztest``) reaches p = a in the observed
  direction (session 12: z * SE at p0 is symmetric, the test is not); or the interval's bound
  where stricter;
- MDD at power 1 - b: ``(z_{1-a/2} + z_{1-b}) * SE``.

Reference (hand formula): Bloom, H. S. (1995). Minimum detectable effects: a simple way to report
the statistical power of experimental designs. *Evaluation Review* 19(5), 547-556, eq. 1 (the
minimum detectable effect is the SE times the sum of the two normal quantiles); Cohen (1988),
*Statistical Power Analysis*, ch. 12. The normal quantiles are R's ``qnorm(0.975)`` and
``qnorm(0.8)``, stored here to 15 digits.
"""

from __future__ import annotations

import json
import math
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from servqual_cli.core.contacts import ALL
from servqual_cli.core.trend import compare_kpis

QNORM_975 = 1.959963984540054  # R: sprintf("%.15f", qnorm(0.975))
QNORM_80 = 0.841621233572914  # R: sprintf("%.15f", qnorm(0.8))

# (kpi, channel, values): a share (0/1), a time and the treatment index (points / 3)
KPIS = (
    ("phone_reached", "phone", st.sampled_from([0.0, 1.0])),
    ("email_within_1_working_day", "email", st.sampled_from([0.0, 1.0])),
    ("phone_wait_seconds_median", "phone", st.integers(0, 40).map(lambda v: float(v * 5))),
    ("treatment_index", ALL, st.sampled_from([0.0, 1 / 3, 2 / 3, 1.0])),
)


def _year(draw: st.DrawFn, bias: float) -> pd.DataFrame:
    rows = []
    for kpi, channel, values in KPIS:
        for area in ("a", "b", ALL):
            n = draw(st.integers(3, 25))
            xs = draw(st.lists(values, min_size=n, max_size=n))
            if bias and kpi != "phone_wait_seconds_median":  # push some changes to significance
                xs = [min(1.0, x + bias) if x < 1 else x for x in xs]
            rows += [(channel, area, kpi, x) for x in xs]
    return pd.DataFrame(rows, columns=["channel", "area", "kpi", "x"])


@st.composite
def two_years(draw: st.DrawFn) -> tuple[pd.DataFrame, pd.DataFrame, str, str]:
    before = _year(draw, 0.0)
    after = _year(draw, draw(st.sampled_from([0.0, 1.0])))
    adjust = draw(st.sampled_from(["holm", "bh", "none"]))
    return before, after, adjust, draw(st.sampled_from(["score", "fisher"]))


def _usable(frame: pd.DataFrame) -> pd.DataFrame:
    """Rows where the test implies an SE: a change, and 0 < p < 1."""
    p = frame["p"].astype(float)
    return frame[(p > 0) & (p < 1) & frame["diff"].astype(float).ne(0) & frame["se"].notna()]


def _tied_times() -> tuple[pd.DataFrame, pd.DataFrame, str, str]:
    """Heavily tied queue times (the case the fresh-clone CI met in session 9): Mann-Whitney
    p = 0.0115, Hodges-Lehmann shift -5 s with the test's own interval [-10; 0], which ends at
    0, so the verdict is "no detectable change"."""
    kpi = "phone_wait_seconds_median"
    before = [0.0] * 3 + [5.0] * 4 + [10.0] * 4
    after = [0.0] * 9 + [10.0]
    b = pd.DataFrame({"channel": "phone", "area": ALL, "kpi": kpi, "x": before})
    a = pd.DataFrame({"channel": "phone", "area": ALL, "kpi": kpi, "x": after})
    return b, a, "none", "score"


_SM_METHOD = {"holm": "holm", "bh": "fdr_bh"}


def _adjusted_at(p_family: np.ndarray, r: int, p_row: float, adjust: str) -> float:
    """statsmodels' adjusted p of row ``r`` with its p replaced by ``p_row``, the others fixed
    (the independent check of review 7 finding 1; R p.adjust returns a single p unchanged)."""
    from statsmodels.stats.multitest import multipletests

    q = p_family.copy()
    q[r] = p_row
    counted = ~np.isnan(q)  # a row without a p is not in the family (as R p.adjust's n)
    if adjust == "none" or counted.sum() == 1:
        return p_row
    adjusted = multipletests(q[counted], alpha=0.05, method=_SM_METHOD[adjust])[1]
    return float(adjusted[int(counted[:r].sum())])


SHARES = ("phone_reached", "email_within_1_working_day")


def _ztest_p(p0: float, n1: float, n2: float, change: float) -> float:
    """statsmodels' pooled two-sample z-test p for a change from ``p0`` (counts p0 n1 and
    (p0 + change) n2, left fractional): independent of the tool's closed form."""
    from statsmodels.stats.proportion import proportions_ztest

    return float(proportions_ztest([p0 * n1, (p0 + change) * n2], [n1, n2])[1])


def _ztest_threshold(p0: float, n1: float, n2: float, level: float, upward: bool) -> float:
    """The change from ``p0`` in the given direction at which statsmodels' pooled z-test reaches
    p = ``level`` (brentq on its p); inf where no change inside 0-1 that way reaches it."""
    from scipy.optimize import brentq

    sign, room = (1.0, 1 - p0) if upward else (-1.0, p0)
    if _ztest_p(p0, n1, n2, sign * room) > level:
        return math.inf
    return float(brentq(lambda d: _ztest_p(p0, n1, n2, sign * d) - level, 1e-12, room,
                        xtol=1e-14, rtol=1e-13))  # fmt: skip


def _room(row: pd.Series) -> float:
    """How far the share can move in the observed direction."""
    return float(1 - row["before"] if row["diff"] >= 0 else row["before"])


def _check_threshold_by_perturbing(frame: pd.DataFrame, adjust: str) -> None:
    """Review 7 finding 1 and review 8 finding 1: the threshold must say what measured
    difference the row would need, not only hold at the observed point. Move the row's
    difference to just above and just below ``critical``, its p from the row's design SE
    (p = 2 Phi(-d / se), as the reviewer's bisection) for times and the index, and for shares
    statsmodels' pooled z-test on p0 n1 and (p0 +- d) n2 in the observed direction (session
    12), its interval moved with it, the family's other p-values fixed: just above,
    statsmodels' adjusted p is below 0.05 and the interval excludes 0 (the verdict's rule);
    just below, not both. A share whose threshold is beyond the room it has in that direction
    is checked just below only: no change that way is told from chance."""
    from scipy.stats import norm

    for is_total in (True, False):
        fam = frame[frame["area"].eq(ALL) == is_total].reset_index(drop=True)
        p_family = fam["p"].to_numpy(dtype=float)
        for r in np.flatnonzero(fam["critical"].notna() & fam["se"].notna()):
            row = fam.iloc[r]
            critical, test_se = float(row["critical"]), float(row["se"])
            to_zero = (row["diff"] - row["ci_low"]) if row["diff"] >= 0 else (
                row["ci_high"] - row["diff"])  # fmt: skip
            share = row["kpi"] in SHARES
            for d, above in ((critical * (1 + 1e-6), True), (critical * (1 - 1e-6), False)):
                if share and d >= _room(row):
                    continue
                if share:
                    sign = 1.0 if row["diff"] >= 0 else -1.0
                    p_d = _ztest_p(row["before"], row["n_before"], row["n_after"], sign * d)
                else:
                    p_d = float(2 * norm.sf(d / test_se))
                adjusted = _adjusted_at(p_family, int(r), p_d, adjust)
                told = adjusted < 0.05 and d > to_zero
                assert told == above, (row["kpi"], row["area"], adjust, d, adjusted, to_zero)


# derandomize: the same examples on every run, so CI cannot meet a case no run here saw; the
# tied case is always among them
@settings(max_examples=40, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow])  # fmt: skip
@given(two_years())
@example(_tied_times())
def test_sentence_and_verdict_never_disagree(
    data: tuple[pd.DataFrame, pd.DataFrame, str, str],
) -> None:
    before, after, adjust, share_test = data
    frame = compare_kpis(before, after, share_test=share_test, adjust=adjust)
    rows = _usable(frame)
    from scipy.stats import norm

    for r in rows.itertuples():
        # one rule for every row (review 8 finding 1): the stricter of the test's part and the
        # interval's bound on the side of 0 (review 6 finding 2: the verdict needs both). The
        # test's part: for times and the index z_{1-level/2} * se, the design SE beside the
        # MDD; for shares the change statsmodels' pooled z-test needs in the observed direction
        # (session 12), by bisection here
        to_zero = r.diff - r.ci_low if r.diff >= 0 else r.ci_high - r.diff
        if r.kpi in SHARES:
            test_part = _ztest_threshold(r.before, r.n_before, r.n_after, r.level, r.diff >= 0)
            if math.isinf(test_part):  # beyond the room that way: never told from chance
                room = 1 - r.before if r.diff >= 0 else r.before
                assert r.critical >= room * (1 - 1e-9), (r.kpi, r.area)
                continue
            assert r.critical == pytest.approx(max(test_part, to_zero), rel=1e-9), (r.kpi, r.area)
        else:
            want = max(norm.isf(r.level / 2) * r.se, to_zero)
            assert r.critical == pytest.approx(want, rel=1e-12), (r.kpi, r.area)
        # the interval part is exact: a better/worse verdict is never beside a change inside
        # the interval's bound (the test part is approximate for the rank tests and Fisher)
        if r.verdict != "no detectable change":
            assert abs(r.diff) > to_zero, (r.kpi, r.area)
    # ... and away from the observed point: with p from the design SE, a difference just above
    # the threshold is called, just below not
    _check_threshold_by_perturbing(frame, adjust)
    # the flags (session 12, k-mdd): a share's or the index's threshold beyond the room in the
    # observed direction (a change of 0 counting as up), for every row; a time has no room
    bounded = frame["kpi"].ne("phone_wait_seconds_median").to_numpy()
    before_v, diff_v = frame["before"].to_numpy(dtype=float), frame["diff"].to_numpy(dtype=float)
    room = np.where(bounded, np.where(diff_v >= 0, 1 - before_v, before_v), np.nan)
    assert np.allclose(frame["room"].to_numpy(dtype=float), room, equal_nan=True, atol=1e-15)
    for column in ("critical", "critical_unadjusted"):
        beyond = bounded & (frame[column].to_numpy(dtype=float) > room)
        assert (frame[f"{column}_beyond_room"].to_numpy(dtype=bool) == beyond).all(), column
    # the MDD: the design's SE (the interval's half-width over z, review 7 finding 4; for shares
    # the SE at the earlier share, review 8 finding 2), at the verdict's level (review 7 finding
    # 1), and never below the threshold beside it; for a share the threshold it builds on is the
    # one toward 50 % (the side with more room, where the test needs the most; session 12), by
    # bisection here, so it does not follow the direction this year's share took
    both = frame[frame["mdd"].notna()]
    half = (both["ci_high"] - both["ci_low"]).to_numpy(dtype=float) / 2
    p0 = both["before"].to_numpy(dtype=float)
    at_p0 = np.sqrt(p0 * (1 - p0) * (1 / both["n_before"].to_numpy(dtype=float)
                                     + 1 / both["n_after"].to_numpy(dtype=float)))  # fmt: skip
    share = both["kpi"].isin(SHARES).to_numpy()
    se = both["se"].to_numpy(dtype=float)
    assert np.allclose(se, np.where(share, at_p0, half / QNORM_975), rtol=1e-12)
    assert (both["mdd"].to_numpy(dtype=float) > both["critical"].to_numpy(dtype=float)).all()
    for r in frame[frame["se"].notna() & frame["critical"].notna()].itertuples():
        critical = r.critical
        if r.kpi in SHARES:
            to_zero = r.diff - r.ci_low if r.diff >= 0 else r.ci_high - r.diff
            toward = _ztest_threshold(r.before, r.n_before, r.n_after, r.level, r.before < 0.5)
            critical = max(toward, to_zero)
        want = max(norm.isf(r.level / 2) * r.se, critical) + QNORM_80 * r.se
        if r.kpi != "phone_wait_seconds_median" and want > max(r.before, 1 - r.before):
            assert math.isnan(r.mdd), (r.kpi, r.area)  # no change inside 0-1 reaches the power
        else:
            assert r.mdd == pytest.approx(want, rel=1e-9), (r.kpi, r.area)


def test_mdd_and_threshold_on_a_hand_case() -> None:
    """phone_reached 30/54 -> 43/53 (score test, unadjusted): the test's part of the threshold
    is the rise from 30/54 at which the pooled z-test reaches p = 0.05, 18,13 pp (R below; the
    symmetric qnorm(0.975) * SE at the earlier share, 18,83 pp, overstated it for a move away
    from 50 %), or Mee's interval where stricter (17,47 pp here: not); the MDD from the design
    SE at the earlier share (review 8 finding 2), sqrt(30/54 (24/54) (1/54 + 1/53)), on the
    threshold toward 50 % + qnorm(0.8) SE, so a true change of MDD is measured beyond the
    threshold with 80 % probability."""
    b = pd.DataFrame({"channel": "phone", "area": ALL, "kpi": "phone_reached",
                      "x": [1.0] * 30 + [0.0] * 24})  # fmt: skip
    a = pd.DataFrame({"channel": "phone", "area": ALL, "kpi": "phone_reached",
                      "x": [1.0] * 43 + [0.0] * 10})  # fmt: skip
    row = compare_kpis(b, a, adjust="none").iloc[0]
    # R: prop.test(c(43, 30), c(53, 54), correct = FALSE)$p.value
    p_r = 0.00449759722034644
    assert row["p"] == pytest.approx(p_r, rel=1e-9)
    from scipy.stats import norm

    diff = 43 / 53 - 30 / 54
    se = math.sqrt(30 / 54 * 24 / 54 * (1 / 54 + 1 / 53))
    assert row["se"] == pytest.approx(se, rel=1e-12)
    # R: p0 <- 30/54; uniroot(function(d) prop.test(c(p0 * 54, (p0 + d) * 53), c(54, 53),
    #    correct = FALSE)$p.value - 0.05, c(1e-12, 1 - p0), tol = 1e-15)$root
    score_r = 0.181301064238406
    assert diff - row["ci_low"] < score_r < QNORM_975 * se
    critical = max(score_r, diff - row["ci_low"])
    assert row["critical_unadjusted"] == pytest.approx(critical, rel=1e-9)
    assert row["level"] == pytest.approx(0.05, rel=1e-12)
    assert row["critical"] == pytest.approx(row["critical_unadjusted"], rel=1e-12)
    # the MDD builds on the threshold toward 50 % (here a drop: 18,89 pp, above z * SE, 18,83)
    # R: as above with (p0 - d) * 53 and c(1e-12, p0)
    toward_half_r = 0.188936261772831
    want = max(QNORM_975 * se, toward_half_r, diff - row["ci_low"]) + QNORM_80 * se
    assert row["mdd"] == pytest.approx(want, rel=1e-9)
    assert norm.cdf((row["mdd"] - row["critical"]) / se) >= 0.8 - 1e-12


def test_holm_level_is_the_step_the_row_would_take() -> None:
    """Review 7 finding 1 on three totals: p 0.001 (a), 0.02 (b), 0.9 (c). Under Holm b needs
    p < 0.05 / 2 (behind a), c needs 0.05 (both others pass their steps), and a needs 0.05 / 3:
    with a after b, 3 x 0.02 fails the first step. The old level, 0.05 p / p_adjusted, gave c
    0.045 and b 0.025 only by chance of where their p fell; BH and none as R p.adjust."""
    from servqual_cli.core.trend import reachable_levels

    p = np.array([0.001, 0.02, 0.9])
    assert reachable_levels(p, 0.05, "holm") == pytest.approx([0.05 / 3, 0.05 / 2, 0.05])
    assert reachable_levels(p, 0.05, "bh") == pytest.approx([0.05 * 2 / 3, 0.05 * 2 / 3, 0.05])
    assert reachable_levels(p, 0.05, "none").tolist() == [0.05] * 3


@settings(max_examples=30, deadline=None, derandomize=True)
@given(st.lists(st.floats(1e-6, 1.0), min_size=1, max_size=12),
       st.sampled_from(["holm", "bh"]))  # fmt: skip
def test_reachable_level_matches_statsmodels(p: list[float], adjust: str) -> None:
    """Each row's level against statsmodels multipletests, the others fixed: just below it the
    row's adjusted p is below 0.05, just above it is not."""
    from servqual_cli.core.trend import reachable_levels

    values = np.array(p)
    levels = reachable_levels(values, 0.05, adjust)
    for r, level in enumerate(levels):
        assert _adjusted_at(values, r, level * (1 - 1e-9), adjust) < 0.05
        assert not _adjusted_at(values, r, level * (1 + 1e-9), adjust) < 0.05


#: review 8 finding 1's table (the reviewer's statsmodels bisection with the design SE, 2019 ->
#: 2020 samples, shown rounded): the measured difference Holm over the 14 totals needs, in index
#: points and seconds; the old rule (|diff| / z_{1-p/2}) showed 7,3, 12,2, 14,5 and 33 s
REVIEW8_HOLM = {
    ("treatment_index", ALL): 10.0,
    ("treatment_index", "email"): 14.0,
    ("treatment_index", "phone"): 14.5,
    ("phone_wait_seconds_median", "phone"): 38.0,
}
R_DIR = Path(__file__).parent / "r"


def _sample_totals() -> pd.DataFrame:
    from servqual_cli.core.contacts import kpi_observations
    from servqual_cli.io.contacts import load_contacts
    from servqual_cli.io.read import read_table

    samples = Path(__file__).parent.parent.parent / "data" / "samples"
    years = [kpi_observations(load_contacts(read_table(samples / f"servicematning_{y}.xlsx"))
                              .frame, keys=()) for y in (2019, 2020)]  # fmt: skip
    frame = compare_kpis(*years)  # score test, Holm
    return frame[frame["area"].eq(ALL)].reset_index(drop=True)


def test_sample_thresholds_after_holm_match_the_review8_bisection() -> None:
    """Every 2019 -> 2020 total's threshold after Holm against the stored statsmodels bisection
    (r/trend_threshold_review8.py, from trend.R's observations with its own p, design SE and
    interval from statsmodels / scipy, checked here too: the difference at which the row's
    Holm-adjusted p reaches 0.05, the others fixed, with p = 2 Phi(-d / se) for times and the
    index and statsmodels' pooled z-test in the observed direction for shares, or the interval's
    bound where stricter), and the reviewer's rounded table: Bemötandeindex alla 10,0 (was shown
    as 7,3), e-post 14,0, phone wait 38 s (was 33 s). Session 12: phone reached, 83 % in 2019,
    needs a drop of 25,3 pp (z * SE at p0 said 20,8); "good or better" by phone (84 %) cannot
    rise far enough inside 100 % to be told from chance (stored as infinite)."""
    stored = json.loads((R_DIR / "trend_threshold_review8.json").read_text())
    inputs = {f"{r['kpi']}|{r['channel']}": r for r in stored["inputs"]}
    totals = _sample_totals()
    assert len(totals) == len(stored["critical"]) == 14
    for row in totals.itertuples():
        key = f"{row.kpi}|{row.channel}"
        for field in ("p", "se", "diff", "ci_low", "ci_high"):
            assert getattr(row, field) == pytest.approx(inputs[key][field], rel=1e-9), (key, field)
        want = stored["critical"][key]
        if math.isinf(want):  # beyond the room in the observed direction
            room = 1 - row.before if row.diff >= 0 else row.before
            assert row.critical > room, key
        else:
            assert row.critical == pytest.approx(want, rel=1e-6), key
    reached = totals[totals["kpi"].eq("phone_reached")].iloc[0]
    assert round(float(reached["critical"]) * 100, 1) == 25.3
    for (kpi, channel), shown in REVIEW8_HOLM.items():
        row = totals[totals["kpi"].eq(kpi) & totals["channel"].eq(channel)].iloc[0]
        scale = 100 if kpi == "treatment_index" else 1
        assert round(float(row["critical"]) * scale, 1 if scale == 100 else 0) == shown, kpi


def _index_rows(shift: float) -> pd.DataFrame:
    """Three totals: the treatment index by phone (its after-year ratings shifted by
    ``shift``, so the Welch difference moves and its SE and interval width do not) and two
    shares that fix the Holm family's other p-values."""
    kpi, rows = "treatment_index", []
    before = [1.0, 2 / 3, 2 / 3, 1 / 3, 1.0, 2 / 3, 0.0, 1.0, 2 / 3, 1 / 3, 2 / 3, 1.0] * 3
    after = [1.0, 2 / 3, 1.0, 2 / 3, 1.0, 1 / 3, 2 / 3, 1.0, 1.0, 1 / 3, 2 / 3, 1.0] * 3
    b = pd.DataFrame({"channel": "phone", "area": ALL, "kpi": kpi, "x": before})
    a = pd.DataFrame({"channel": "phone", "area": ALL, "kpi": kpi,
                      "x": np.asarray(after) + shift})  # fmt: skip
    for name, k1, k2 in (("phone_reached", 30, 43), ("email_answered_question", 40, 44)):
        channel = "phone" if name.startswith("phone") else "email"
        rows.append(pd.DataFrame({"channel": channel, "area": ALL, "kpi": name,
                                  "x": [1.0] * k1 + [0.0] * (54 - k1)}))  # fmt: skip
        rows.append(pd.DataFrame({"channel": channel, "area": ALL, "kpi": name,
                                  "x": [1.0] * k2 + [0.0] * (54 - k2)}))  # fmt: skip
    before_frame = pd.concat([b, rows[0], rows[2]], ignore_index=True)
    after_frame = pd.concat([a, rows[1], rows[3]], ignore_index=True)
    frame = compare_kpis(before_frame, after_frame)  # Holm over the three totals
    return frame[frame["kpi"].eq(kpi)].iloc[0]


@settings(max_examples=25, deadline=None, derandomize=True)
@given(st.floats(-0.2, 0.2))
def test_index_threshold_does_not_move_with_the_observed_difference(shift: float) -> None:
    """Review 8 finding 1: with the design SE fixed (the same ratings, shifted), the threshold
    of an index row must not move with where this year's mean fell. The old rule,
    z_{1-level/2} |diff| / z_{1-p/2} with the Mann-Whitney p, moved with it (this test fails on
    e90c54a); the level depends only on the other rows' p, which the shift leaves alone."""
    base, moved = _index_rows(0.0), _index_rows(shift)
    assert moved["se"] == pytest.approx(base["se"], rel=1e-9)
    assert moved["level"] == base["level"]
    assert moved["critical"] == pytest.approx(base["critical"], rel=1e-9)
    assert moved["mdd"] == pytest.approx(base["mdd"], rel=1e-9)


def test_tied_times_threshold_is_the_interval_bound() -> None:
    """The tied case: the old rule took the threshold from the test alone for times (|diff| /
    z_{1-p/2} * z_{0.975} = 3.88 s), so "a measured change must exceed about 3.9 s" called the
    -5 s shift told from chance while the verdict (interval [-10; 0]) said no detectable change.
    The interval's bound (5 s, the distance from -5 to 0) is the stricter and now decides."""
    from scipy.stats import norm

    b, a, adjust, share_test = _tied_times()
    row = compare_kpis(b, a, share_test=share_test, adjust=adjust).iloc[0]
    # R: wilcox.test(after, before, conf.int = TRUE, exact = FALSE, correct = TRUE)
    #    p 0.01148561, estimate -5 (median(outer(after, before, "-"))), interval [-10; 0]
    assert row["p"] == pytest.approx(0.011485610987293855, rel=1e-9)
    assert (row["diff"], row["ci_low"], row["ci_high"]) == (-5.0, -10.0, 0.0)
    assert row["verdict"] == "no detectable change"
    old_threshold = QNORM_975 * 5.0 / norm.isf(row["p"] / 2)  # the test alone
    assert old_threshold == pytest.approx(3.8772, abs=1e-4) and old_threshold < 5.0
    assert row["critical"] == pytest.approx(5.0, rel=1e-12)  # the interval's bound
    assert not abs(row["diff"]) > row["critical"] * (1 + 1e-9)
    assert row["se"] == pytest.approx(5.0 / QNORM_975, rel=1e-12)
    assert row["mdd"] == pytest.approx((QNORM_975 + QNORM_80) * 5.0 / QNORM_975, rel=1e-12)


def _share_row(k_after: int) -> pd.Series:
    """phone_reached in one area, 6/7 the year before and ``k_after`` of 7 this year, beside
    two fixed areas (the Holm family's other p-values)."""
    frames = []
    for area, k1, k2 in (("x", 6, k_after), ("y", 2, 6), ("z", 3, 3)):
        for year, k in ((0, k1), (1, k2)):
            frames.append(pd.DataFrame({"year": year, "channel": "phone", "area": area,
                                        "kpi": "phone_reached",
                                        "x": [1.0] * k + [0.0] * (7 - k)}))  # fmt: skip
    data = pd.concat(frames, ignore_index=True)
    frame = compare_kpis(*(data[data["year"].eq(y)].drop(columns="year") for y in (0, 1)))
    return frame[frame["area"].eq("x")].iloc[0]


@settings(max_examples=8, deadline=None, derandomize=True)
@given(st.integers(0, 7))
def test_share_mdd_does_not_follow_this_years_share(k_after: int) -> None:
    """Review 8 finding 2: äldreomsorg, 6/7 -> 7/7, had an MDD (83,7 pp) only because Mee's
    interval narrowed at 100 %, while like-sized areas showed "–". The design SE at the earlier
    share, and so the MDD, must be the same whatever this year's share (this test fails on
    e90c54a and on the first review-8 commit), unless the interval's bound is the stricter part
    of the threshold beside it. Session 12: the threshold of a share depends on the direction;
    the MDD takes the one toward 50 % (from 6/7: a drop), whichever way this year went (with
    the observed direction's, 6/7 -> 7/7 showed 81,4 pp and 6/7 -> 5/7 "–")."""
    from scipy.stats import norm

    base, row = _share_row(6), _share_row(k_after)
    assert row["se"] == pytest.approx(math.sqrt(6 / 7 * 1 / 7 * 2 / 7), rel=1e-12)
    assert row["level"] == base["level"]
    # statsmodels' pooled z-test, bisected: the drop from 6/7 it needs at the row's level
    toward = _ztest_threshold(6 / 7, 7, 7, row["level"], False)
    to_zero = row["ci_high"] - row["diff"] if row["diff"] < 0 else row["diff"] - row["ci_low"]
    design = max(norm.isf(row["level"] / 2) * row["se"], toward, to_zero) + QNORM_80 * row["se"]
    if design > 6 / 7:  # no room inside 0-1 on either side of 6/7
        assert math.isnan(row["mdd"])
    else:
        assert row["mdd"] == pytest.approx(design, rel=1e-9)
    if to_zero <= toward:  # the interval is not the stricter part: as for 6/7 -> 6/7
        assert (math.isnan(row["mdd"]) and math.isnan(base["mdd"])) or row["mdd"] == base["mdd"]


def test_sample_share_mdds_match_statsmodels() -> None:
    """The 2019 -> 2020 shares, every total and area, against statsmodels from p0 and the two n
    alone (r/trend_share_mdd_review8.py: NormalIndPower, and the pooled z-test's threshold
    toward 50 % bisected with proportions_ztest): phone reached in total 31,4 pp (was 26,9 with
    z * SE at p0); the eight phone_reached areas at 6/7, 5/6 and 5/7 all show "–" (no change
    inside 0-100 % reaches 80 % power at Holm's level: a drop from 6/7 needs more than z * SE
    said, so the 81,4 pp the four at 6/7 showed in session 11 was too small), whichever way this
    year went; äldreomsorg is not the one with an MDD."""
    stored = json.loads((R_DIR / "trend_share_mdd_review8.json").read_text())
    from servqual_cli.core.contacts import kpi_observations
    from servqual_cli.io.contacts import load_contacts
    from servqual_cli.io.read import read_table

    samples = Path(__file__).parent.parent.parent / "data" / "samples"
    years = [kpi_observations(load_contacts(read_table(samples / f"servicematning_{y}.xlsx"))
                              .frame, keys=()) for y in (2019, 2020)]  # fmt: skip
    frame = compare_kpis(*years).set_index(["kpi", "channel", "area"]).sort_index()
    assert len(stored) == 27
    for key, want in stored.items():
        got = float(frame.loc[tuple(key.split("|")), "mdd"])
        if want is None:
            assert math.isnan(got), key
        else:
            assert got == pytest.approx(want, abs=1e-6), key
    reached = frame.loc[("phone_reached", "phone")]
    assert round(float(reached.loc[ALL, "mdd"]) * 100, 1) == 31.4
    assert reached.drop(index=ALL)["mdd"].isna().all()
