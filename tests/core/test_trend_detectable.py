"""The trend's "detectable change" numbers and its verdict come from one standard error.

Review 5 finding 10: the minimum detectable difference (MDD) came from a power formula's SE
(``power.prop.test``, a pooled SD, the Bonett-Price SE) while the "told from chance" threshold
came from the SE the test implies, so one sentence could pair "a true change of 14 would be
detected with 80 % probability" with "a measured difference must exceed about 14": at a true
change equal to the threshold the test finds it half the time, not 80 %. Now one SE per
comparison (the SE the verdict's own test implies) gives both:

- critical difference at level a: ``z_{1-a/2} * SE`` (the measured difference the test calls
  significant);
- MDD at power 1 - b: ``(z_{1-a/2} + z_{1-b}) * SE``.

Reference (hand formula): Bloom, H. S. (1995). Minimum detectable effects: a simple way to report
the statistical power of experimental designs. *Evaluation Review* 19(5), 547-556, eq. 1 (the
minimum detectable effect is the SE times the sum of the two normal quantiles); Cohen (1988),
*Statistical Power Analysis*, ch. 12. The normal quantiles are R's ``qnorm(0.975)`` and
``qnorm(0.8)``, stored here to 15 digits.
"""

from __future__ import annotations

import math

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


# derandomize: the same examples on every run, so CI cannot meet a case no run here saw; the
# tied case is always among them
@settings(max_examples=60, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow])  # fmt: skip
@given(two_years())
@example(_tied_times())
def test_sentence_and_verdict_never_disagree(
    data: tuple[pd.DataFrame, pd.DataFrame, str, str],
) -> None:
    before, after, adjust, share_test = data
    frame = compare_kpis(before, after, share_test=share_test, adjust=adjust)
    rows = _usable(frame)
    for r in rows.itertuples():
        told = abs(r.diff) > r.critical  # the sentence: "must exceed about {critical}"
        # the threshold says what the verdict's own (adjusted) test and the row's interval say
        # together, for every row: the index's Welch interval (review 6 finding 2), Newcombe's
        # beside Fisher, and also the intervals that invert their test (Mee; Hodges-Lehmann,
        # which for heavily tied times can end at 0 while the test's p is below 0.05)
        excludes_0 = r.ci_low > 0 or r.ci_high < 0
        if not math.isclose(abs(r.diff), r.critical, rel_tol=1e-9):
            assert told == (r.p_adjusted < 0.05 and excludes_0), (r.kpi, r.area, r.p)
        # ... and a better/worse verdict is never beside a change under the threshold
        if r.verdict != "no detectable change":
            assert told, (r.kpi, r.area)
    # one SE: the MDD is (z_a + z_power) / z_a times the unadjusted critical difference, so a
    # true change the size of the MDD is always beyond what has to be measured
    both = frame[frame["mdd"].notna() & frame["critical_unadjusted"].notna()]
    ratio = (both["mdd"] / both["critical_unadjusted"]).to_numpy(dtype=float)
    assert np.allclose(ratio, (QNORM_975 + QNORM_80) / QNORM_975, rtol=1e-12), both[
        ["kpi", "area", "diff", "p", "se", "mdd", "critical_unadjusted"]
    ].to_string()


def test_mdd_and_threshold_share_the_test_se_on_a_hand_case() -> None:
    """phone_reached 44/53 -> 43/54 style counts: the SE the score test implies,
    |diff| / qnorm(1 - p/2), times the Bloom (1995) multiplier is the MDD."""
    b = pd.DataFrame({"channel": "phone", "area": ALL, "kpi": "phone_reached",
                      "x": [1.0] * 30 + [0.0] * 24})  # fmt: skip
    a = pd.DataFrame({"channel": "phone", "area": ALL, "kpi": "phone_reached",
                      "x": [1.0] * 43 + [0.0] * 10})  # fmt: skip
    row = compare_kpis(b, a, adjust="none").iloc[0]
    # R: prop.test(c(43, 30), c(53, 54), correct = FALSE)$p.value
    p_r = 0.00449759722034644
    assert row["p"] == pytest.approx(p_r, rel=1e-9)
    from scipy.stats import norm

    se = abs(43 / 53 - 30 / 54) / norm.isf(p_r / 2)
    assert row["se"] == pytest.approx(se, rel=1e-9)
    assert row["critical_unadjusted"] == pytest.approx(QNORM_975 * se, rel=1e-9)
    assert row["mdd"] == pytest.approx((QNORM_975 + QNORM_80) * se, rel=1e-9)
    # a true change of MDD is detected (normal approximation) with 80 % power
    assert norm.cdf(row["mdd"] / se - QNORM_975) == pytest.approx(0.8, abs=1e-12)


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
