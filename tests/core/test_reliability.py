"""Tests of Cronbach's alpha, item statistics, bootstrap CI and omega total.

Known answers come from R (psych 2.2.9 ``alpha``/``alpha.ci``, lavaan 0.6.14 ``cfa``), produced
by tests/core/r/reliability.R on the CSV files beside it and stored in
tests/core/r/reliability_expected.json; the tests never call R.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from pathlib import Path
from typing import Any, cast

import numpy as np
import pandas as pd
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from servqual_cli.core.alpha_intervals import bootstrap_alpha, feldt_ci
from servqual_cli.core.omega import OMEGA_ONE_FACTOR, omega_total
from servqual_cli.core.pairwise import Missing, moments, pairwise_corr, pairwise_cov
from servqual_cli.core.reliability import cronbach_alpha
from servqual_cli.errors import DataError, UsageError

R_DIR = Path(__file__).parent / "r"
EXPECTED = json.loads((R_DIR / "reliability_expected.json").read_text())

# alpha and item statistics are closed-form functions of the covariance matrix: R and numpy
# agree to about 1e-14, so 1e-9 leaves only room for summation order.
TOL_CLOSED_FORM = 1e-9
# Omega rests on an iterative ML fit; lavaan's nlminb stops with parameters good to ~1e-6
# (observed differences <= 5.5e-6 on the raw residual variances), so 1e-5.
TOL_OMEGA = 1e-5


@pytest.fixture(scope="module")
def bfi() -> pd.DataFrame:
    return pd.read_csv(R_DIR / "bfi.csv")


@pytest.fixture(scope="module")
def synth() -> pd.DataFrame:
    return pd.read_csv(R_DIR / "servqual_synth.csv")


def item_set(name: str, bfi: pd.DataFrame, synth: pd.DataFrame) -> pd.DataFrame:
    """The item sets of reliability.R (bfi items are 1-6, so reversing is 7 - x)."""
    agree = bfi[[f"A{i}" for i in range(1, 6)]]
    consc = bfi[[f"C{i}" for i in range(1, 6)]]
    sets: dict[str, Callable[[], pd.DataFrame]] = {
        "bfi_A": lambda: agree,
        "bfi_A_rev": lambda: agree.assign(A1=7 - agree["A1"]),
        "bfi_C_rev": lambda: consc.assign(C4=7 - consc["C4"], C5=7 - consc["C5"]),
        "synth_all": lambda: synth,
        "synth_reliability": lambda: synth[[f"P{i}" for i in range(5, 10)]],
        "bfi_A23": lambda: bfi[["A2", "A3"]],
    }
    return sets[name]()


@pytest.mark.parametrize("case", sorted(EXPECTED["alpha"]))
def test_alpha_matches_psych(case: str, bfi: pd.DataFrame, synth: pd.DataFrame) -> None:
    """alpha, std.alpha, average_r, alpha.drop, item.stats r.drop/mean/sd, Feldt CI vs R."""
    name, missing = case.split("/")
    exp: dict[str, Any] = EXPECTED["alpha"][case]
    res = cronbach_alpha(item_set(name, bfi, synth), missing=cast(Missing, missing))
    assert (res.n, res.k, res.ci_method) == (exp["n"], exp["k"], "feldt")
    for key in ("alpha", "alpha_std", "average_r", "ci_low", "ci_high"):
        assert getattr(res, key) == pytest.approx(exp[key], abs=TOL_CLOSED_FORM), key
    items = res.items
    assert items["item"].tolist() == exp["item"]
    assert items["n"].tolist() == exp["item_n"]
    for col, key in (("item_rest_r", "item_rest_r"), ("mean", "mean"), ("sd", "sd")):
        np.testing.assert_allclose(items[col], exp[key], rtol=0, atol=TOL_CLOSED_FORM)
    if res.k > 2:
        np.testing.assert_allclose(
            items["alpha_if_deleted"], exp["alpha_if_deleted"], rtol=0, atol=TOL_CLOSED_FORM
        )
        np.testing.assert_allclose(
            items["alpha_std_if_deleted"],
            exp["alpha_std_if_deleted"],
            rtol=0,
            atol=TOL_CLOSED_FORM,
        )
    else:  # one item left: undefined (psych puts other quantities there)
        assert items["alpha_if_deleted"].isna().all()


def test_feldt_ci_uses_the_n_actually_used(bfi: pd.DataFrame) -> None:
    """psych plugs in nrow (2800) before deletion; we use the smallest pairwise n (2751)."""
    res = cronbach_alpha(item_set("bfi_A_rev", bfi, bfi), missing="pairwise")
    assert res.n == 2751 and res.n_complete == 2709
    psych_style = feldt_ci(res.alpha, len(bfi), res.k)
    assert res.ci_high - res.ci_low > psych_style[1] - psych_style[0]


def test_negative_item_rest_correlation_warns_naming_item(bfi: pd.DataFrame) -> None:
    res = cronbach_alpha(item_set("bfi_A", bfi, bfi))
    assert len(res.warnings) == 1
    (warning,) = res.warnings
    assert warning.code == "negative_item_rest" and warning.params["item"] == "A1"
    assert "A1" in warning.message and "reversed item not declared?" in warning.message
    assert cronbach_alpha(item_set("bfi_A_rev", bfi, bfi)).warnings == ()


@pytest.mark.parametrize("case", sorted(EXPECTED["omega"]))
def test_omega_matches_lavaan_one_factor(case: str, bfi: pd.DataFrame, synth: pd.DataFrame) -> None:
    """omega = (Σλ)²/((Σλ)² + Σθ) from lavaan cfa(std.lv = TRUE) on the same covariances."""
    name, missing = case.split("/")
    exp = EXPECTED["omega"][case]
    res = omega_total(item_set(name, bfi, synth), missing=cast(Missing, missing))
    assert res.estimator == OMEGA_ONE_FACTOR
    assert OMEGA_ONE_FACTOR == "ω total, one-factor ML, uniqueness bounded at 0.005 as factanal"
    assert res.omega_total == pytest.approx(exp["omega_total"], abs=TOL_OMEGA)
    np.testing.assert_allclose(res.loadings["std_loading"], exp["std_loading"], atol=TOL_OMEGA)
    # lavaan's sample covariance uses divisor N; ours N - 1 (as alpha): rescale to compare.
    shrink = (res.n - 1) / res.n
    np.testing.assert_allclose(
        res.loadings["loading"] * math.sqrt(shrink), exp["loading"], atol=TOL_OMEGA
    )
    np.testing.assert_allclose(
        res.loadings["residual_var"] * shrink, exp["residual_var"], atol=TOL_OMEGA
    )


def test_omega_flags_unreversed_item(bfi: pd.DataFrame) -> None:
    res = omega_total(item_set("bfi_A", bfi, bfi))
    assert any(w.code == "negative_loadings" and "A1" in w.params["items"] for w in res.warnings)


def test_to_dict_shape_and_json(bfi: pd.DataFrame) -> None:
    res = cronbach_alpha(bfi[["A2", "A3"]], name="Agreeableness")
    out = res.to_dict()
    assert list(out) == [
        "scale", "n", "k", "alpha", "alpha_std", "ci_low", "ci_high", "average_r", "n_boot", "seed",
        "omega_total", "omega_estimator", "omega_problem", "items",
    ]  # fmt: skip
    assert out["scale"] == "Agreeableness" and out["omega_total"] is None
    assert list(out["items"][0]) == ["item", "n", "alpha_if_deleted", "item_rest_r", "mean", "sd"]
    assert out["items"][0]["alpha_if_deleted"] is None  # NaN -> None
    json.dumps(out, allow_nan=False)
    omega = omega_total(item_set("bfi_A_rev", bfi, bfi)).to_dict()
    json.dumps(omega, allow_nan=False)


def test_pairwise_matches_listwise_without_missing(synth: pd.DataFrame) -> None:
    complete = synth.dropna()
    a = cronbach_alpha(complete, missing="pairwise")
    b = cronbach_alpha(complete, missing="listwise")
    assert a.alpha == pytest.approx(b.alpha, abs=1e-12)
    pd.testing.assert_frame_equal(a.items, b.items, atol=1e-12)


def test_masked_path_equals_fast_path(synth: pd.DataFrame) -> None:
    """An all-missing row forces the masked products but changes no pairwise statistic."""
    x = synth.dropna().to_numpy(float)
    with_gap = np.vstack([x, np.full(x.shape[1], np.nan)])
    np.testing.assert_allclose(pairwise_cov(with_gap)[0], pairwise_cov(x)[0], atol=1e-12)
    np.testing.assert_allclose(pairwise_corr(with_gap)[0], pairwise_corr(x)[0], atol=1e-12)


def test_pairwise_cov_many_blocks_and_edge_shifts() -> None:
    """Several row blocks, an item absent from the first block, and a huge mean vs spread."""
    rng = np.random.default_rng(5)
    x = rng.integers(1, 8, size=(70_000, 4)).astype(float)
    x[rng.random(x.shape) < 0.05] = np.nan
    x[:40_000, 2] = np.nan  # no values in the first block: its shift comes from the rest
    x[:, 3] += 1e7  # mean/sd ratio ~ 5e6: centring is needed to keep the digits
    expected = pd.DataFrame(x).cov().to_numpy()
    np.testing.assert_allclose(pairwise_cov(x)[0], expected, rtol=1e-9, atol=1e-9)
    complete = x[~np.isnan(x).any(axis=1)]
    np.testing.assert_allclose(
        pairwise_cov(complete)[0], np.cov(complete, rowvar=False), rtol=1e-9, atol=1e-9
    )


def test_pairwise_cov_matches_pandas(bfi: pd.DataFrame) -> None:
    """pandas' DataFrame.cov is pairwise-complete too (independent implementation)."""
    cov, counts = pairwise_cov(bfi.iloc[:, :25].to_numpy(float))
    np.testing.assert_allclose(cov, bfi.iloc[:, :25].cov().to_numpy(), atol=1e-12)
    notna = bfi.iloc[:, :25].notna().to_numpy(int)
    np.testing.assert_array_equal(counts, notna.T @ notna)


def test_bootstrap_matches_explicit_resampling(synth: pd.DataFrame) -> None:
    """The count-matrix shortcut equals alpha recomputed on each resampled data set."""
    x = synth.dropna().to_numpy(float)[:, :6]
    boot = bootstrap_alpha(x, 50, seed=11)
    draws = np.random.default_rng(11).integers(0, len(x), size=(50, len(x)))
    k = x.shape[1]
    naive = []
    for rows in draws:  # reference loop over draws (test only)
        c = np.cov(x[rows], rowvar=False)
        naive.append(k / (k - 1) * (1 - np.trace(c) / c.sum()))
    np.testing.assert_allclose(boot, naive, atol=1e-10)


def test_bootstrap_ci_reproducible_and_sensible(synth: pd.DataFrame) -> None:
    a = cronbach_alpha(synth, n_boot=2000, seed=3)
    b = cronbach_alpha(synth, n_boot=2000, seed=3)
    feldt = cronbach_alpha(synth)
    assert a.ci_method == "bootstrap" and (a.ci_low, a.ci_high) == (b.ci_low, b.ci_high)
    assert a.ci_low < a.alpha < a.ci_high
    # the interval is of the complete rows' α, said with its value (review 11, finding 8)
    complete = synth.dropna()
    c = complete.cov().to_numpy()
    k = c.shape[0]
    listwise = k / (k - 1) * (1 - c.trace() / c.sum())
    assert abs(listwise - cronbach_alpha(complete).alpha) < 1e-12
    assert a.warnings[-1].code == "boot_complete_of" and a.warnings[-1].params["n"] == 185
    assert abs(a.warnings[-1].params["alpha"] - listwise) < 1e-12
    assert f"complete rows ({listwise:.3f}), the rows it resamples" in a.warnings[-1].message
    lw = cronbach_alpha(synth, "listwise", n_boot=200, seed=3)  # the same α: no second one
    assert lw.warnings[-1].code == "boot_complete" and lw.warnings[-1].params == {"n": 185}
    # Same ballpark as Feldt (different n: bootstrap uses the 185 complete rows).
    assert abs(a.ci_low - feldt.ci_low) < 0.05 and abs(a.ci_high - feldt.ci_high) < 0.05


@pytest.mark.parametrize(
    ("frame", "missing", "message"),
    [
        (pd.DataFrame({"E1": [1, 2, 3]}), "pairwise", "at least 2 items"),
        (pd.DataFrame({"E1": [1, 2, 3], "E2": [4, 4, 4]}), "pairwise", "no variance.*E2"),
        (pd.DataFrame({"E1": [1, 2, 3], "E2": [np.nan] * 3}), "pairwise", "no values.*E2"),
        (
            pd.DataFrame({"E1": [1, 2, np.nan, np.nan], "E2": [np.nan, np.nan, 3, 4]}),
            "pairwise",
            "both E1 and E2",
        ),
        (
            pd.DataFrame({"E1": [1, 2, np.nan], "E2": [np.nan, 3, 4]}),
            "listwise",
            "fewer than 2 respondents",
        ),
        (pd.DataFrame({"E1": [1, 2, 3], "E2": ["a", "b", "c"]}), "pairwise", "not numeric: E2"),
        (pd.DataFrame({"E1": [1, 2, 3], "E2": [1, np.inf, 2]}), "pairwise", "infinite.*E2"),
    ],
)
def test_bad_data_raises_data_error(frame: pd.DataFrame, missing: str, message: str) -> None:
    with pytest.raises(DataError, match=message):
        cronbach_alpha(frame, missing=missing)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "kwargs", [{"missing": "available"}, {"conf": 1.5}, {"n_boot": -1}]
)  # fmt: skip
def test_bad_usage_raises_usage_error(kwargs: dict[str, Any]) -> None:
    frame = pd.DataFrame({"E1": [1, 2, 3, 4], "E2": [2, 1, 4, 3]})
    with pytest.raises(UsageError):
        cronbach_alpha(frame, **kwargs)


def test_omega_needs_three_items() -> None:
    with pytest.raises(DataError, match="at least 3 items"):
        omega_total(pd.DataFrame({"E1": [1, 2, 3], "E2": [2, 1, 3]}))


likert = st.integers(min_value=1, max_value=7)


@st.composite
def survey(draw: st.DrawFn, with_missing: bool) -> pd.DataFrame:
    n = draw(st.integers(min_value=6, max_value=30))
    k = draw(st.integers(min_value=2, max_value=6))
    values = np.array(draw(st.lists(likert, min_size=n * k, max_size=n * k)), float)
    x = values.reshape(n, k)
    if with_missing:
        holes = draw(st.lists(st.booleans(), min_size=n * k, max_size=n * k))
        x[np.array(holes).reshape(n, k) & (np.arange(n) % 3 == 0)[:, None]] = np.nan
    return pd.DataFrame(x, columns=[f"P{i + 1}" for i in range(k)])


@settings(max_examples=60, deadline=None)
@given(frame=survey(with_missing=True), data=st.data())
def test_alpha_unchanged_by_item_order(frame: pd.DataFrame, data: st.DataObject) -> None:
    order = data.draw(st.permutations(list(frame.columns)))
    for missing in ("pairwise", "listwise"):
        try:
            base = cronbach_alpha(frame, missing=missing)
        except DataError:
            assume(False)
        shuffled = cronbach_alpha(frame[order], missing=missing)
        assert shuffled.alpha == pytest.approx(base.alpha, abs=1e-10, nan_ok=True)
        assert shuffled.alpha_std == pytest.approx(base.alpha_std, abs=1e-10)
        by_item = shuffled.items.set_index("item").loc[base.items["item"]].reset_index()
        pd.testing.assert_frame_equal(by_item, base.items, atol=1e-10)


def test_alpha_is_undefined_when_the_covariances_cancel() -> None:
    # Found by hypothesis: with pairwise deletion these covariances sum to zero up to rounding,
    # and alpha came out as ±1e16, a different value for every item order.
    frame = pd.DataFrame(
        {"P1": [1, 1, 1, 1, 5, 1], "P2": [np.nan, 5, 4, np.nan, 1, 2], "P3": [1, 2, 1, 2, 3, 5]}
    )
    for order in (["P1", "P2", "P3"], ["P3", "P2", "P1"]):
        res = cronbach_alpha(frame[order])
        assert np.isnan(res.alpha) and np.isnan(res.ci_low) and np.isnan(res.ci_high)
        assert res.warnings[-1].code == "alpha_undefined"
        assert res.warnings[-1].message.endswith("alpha is undefined")


@settings(max_examples=60, deadline=None)
@given(frame=survey(with_missing=True))
def test_alpha_std_is_alpha_of_z_scores(frame: pd.DataFrame) -> None:
    complete = frame.dropna()
    try:
        res = cronbach_alpha(complete, missing="listwise")
    except DataError:
        assume(False)
    z = (complete - complete.mean()) / complete.std(ddof=1)
    assert cronbach_alpha(z, missing="listwise").alpha == pytest.approx(res.alpha_std, abs=1e-10)


@pytest.mark.filterwarnings("error::RuntimeWarning")
def test_moments_of_no_rows_warn_nothing() -> None:
    # An empty matrix gave numpy's "invalid value encountered in divide" (seen on CI).
    m = moments(np.empty((0, 3)))
    assert m.counts.tolist() == [[0, 0, 0]] * 3
