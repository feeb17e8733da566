"""core.inference against R 4.2 (tests/core/r/inference.R writes r/inference.json).

The input data are read from the same JSON R wrote them to, so both compute on identical
doubles. Tolerances are relative unless stated; each is written next to its assertion:
- 1e-10 for closed forms (t, F, chi-squared, normal, exact rank distributions): R and
  SciPy/NumPy agree to ~1e-14 on these, the margin covers libm differences.
- Games-Howell p: 2e-7 absolute, because R's ptukey (Copenhaver & Holland 1988 quadrature)
  is itself accurate to ~1e-8 only; SciPy's studentized_range integrates more precisely.
"""

from __future__ import annotations

import json
import math
import warnings
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pingouin as pg
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import stats

from servqual_cli.core import effect_sizes as es
from servqual_cli.core import inference as inf
from servqual_cli.errors import DataError, UsageError

R: dict[str, Any] = json.loads((Path(__file__).parent / "r" / "inference.json").read_text())
CLOSED = 1e-10  # relative tolerance for closed-form statistics (see module docstring)


def arr(values: Any) -> np.ndarray:
    return np.atleast_1d(np.asarray(values, dtype=float))


def r_exact(value: Any) -> bool | None:
    return None if value == "null" else bool(value)


# ---- one-sample t ------------------------------------------------------------------------------


@pytest.mark.parametrize("conf_key, conf", [("conf95", 0.95), ("conf90", 0.90)])
def test_one_sample_t_matches_r_t_test_per_column(conf_key: str, conf: float) -> None:
    x = np.column_stack([arr(c) for c in R["one_sample_t"]["x"]])
    res = inf.one_sample_t(x, conf=conf)
    assert list(res.columns) == ["n", "mean", "sd", "se", "t", "df", "p", "ci_low", "ci_high", "dz"]
    for j, expected in enumerate(R["one_sample_t"][conf_key]):
        row = res.iloc[j]
        assert row["n"] == expected["n"]
        for col in ["mean", "sd", "se", "t", "df", "p", "ci_low", "ci_high", "dz"]:
            assert row[col] == pytest.approx(expected[col], rel=CLOSED), (j, col)


def test_one_sample_t_on_differences_equals_r_paired_t_test() -> None:
    paired = R["one_sample_t"]["paired"]
    row = inf.one_sample_t(arr(paired["P"]) - arr(paired["E"])).iloc[0]
    assert row["p"] == pytest.approx(paired["p"], rel=CLOSED)
    assert row["t"] == pytest.approx(paired["t"], rel=CLOSED)


def test_one_sample_t_thin_or_constant_columns_give_nan_without_warnings() -> None:
    x = np.array(
        [
            [1.0, np.nan, 0.1, 0.0, 2.0],
            [np.nan, np.nan, 0.1, 0.0, 3.0],
            [np.nan, np.nan, 0.1, 0.0, 5.0],
        ]
    )
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # any RuntimeWarning leaking out fails the test
        res = inf.one_sample_t(x)
    assert res["n"].tolist() == [1, 0, 3, 3, 3]
    # n = 1, n = 0, three 0.1s (mean has rounding noise: R says "essentially constant"), zeros
    for j in range(4):
        assert res.iloc[j][["t", "p", "ci_low", "ci_high", "dz"]].isna().all(), j
    assert res["mean"].iloc[0] == 1.0 and math.isnan(res["mean"].iloc[1])
    assert res["sd"].iloc[2] == 0.0 and res["se"].iloc[2] == 0.0
    assert math.isfinite(res["t"].iloc[4])


def test_one_sample_t_keeps_dataframe_column_names_and_rejects_bad_input() -> None:
    frame = pd.DataFrame({"E1": [1.0, 2.0, 4.0], "E2": pd.array([1, None, 3], dtype="Int64")})
    res = inf.one_sample_t(frame)
    assert res.index.tolist() == ["E1", "E2"] and res["n"].tolist() == [3, 2]
    assert res.loc["E2", "mean"] == 2.0  # pd.NA in a nullable column counts as missing
    with pytest.raises(UsageError):
        inf.one_sample_t([1.0, 2.0, 3.0], conf=1.0)
    with pytest.raises(DataError):
        inf.one_sample_t(["a", "b"])
    with pytest.raises(UsageError):
        inf.one_sample_t(np.zeros((2, 2, 2)))


@settings(max_examples=40, deadline=None)
@given(
    st.lists(
        st.lists(
            st.one_of(st.integers(-3, 3).map(float), st.just(math.nan)), min_size=3, max_size=3
        ),
        min_size=1,
        max_size=12,
    )
)
def test_one_sample_t_columnwise_equals_each_column_alone(rows: list[list[float]]) -> None:
    x = np.array(rows)
    whole = inf.one_sample_t(x)
    for j in range(x.shape[1]):
        alone = inf.one_sample_t(x[:, j]).iloc[0]
        pd.testing.assert_series_equal(whole.iloc[j], alone, check_names=False)


# ---- Wilcoxon signed rank and Mann-Whitney ---------------------------------------------------


@pytest.mark.parametrize("case", R["wilcoxon"], ids=lambda c: f"n{len(arr(c['d']))}-{c['method']}")
def test_wilcoxon_signed_rank_matches_r(case: dict[str, Any]) -> None:
    res = inf.wilcoxon_signed_rank(arr(case["d"]), case["correct"], r_exact(case["exact"]))
    assert res.statistic == pytest.approx(case["statistic"], rel=1e-12)
    assert res.p == pytest.approx(case["p"], rel=CLOSED)
    assert res.method == case["method"]


def test_wilcoxon_r_cases_cover_every_branch() -> None:
    methods = {c["method"] for c in R["wilcoxon"]}
    assert methods == {
        "Wilcoxon signed rank exact test",
        "Wilcoxon signed rank test with continuity correction",
        "Wilcoxon signed rank test",
    }
    sizes = {len(arr(c["d"])) for c in R["wilcoxon"]}
    assert min(sizes) < 50 <= max(sizes)


def test_wilcoxon_signed_rank_all_zero_or_empty_gives_nan_p() -> None:
    assert math.isnan(inf.wilcoxon_signed_rank([0.0, 0.0, np.nan]).p)
    assert math.isnan(inf.wilcoxon_signed_rank([]).p)


@pytest.mark.parametrize(
    "case",
    R["mann_whitney"],
    ids=lambda c: f"{len(arr(c['x']))}x{len(arr(c['y']))}-{c['method']}",
)
def test_mann_whitney_matches_r(case: dict[str, Any]) -> None:
    res = inf.mann_whitney(arr(case["x"]), arr(case["y"]), case["correct"], r_exact(case["exact"]))
    assert res.statistic == pytest.approx(case["statistic"], rel=1e-12)
    assert res.p == pytest.approx(case["p"], rel=CLOSED)
    assert res.method == case["method"]


def test_mann_whitney_r_cases_cover_both_branches_with_likert_data() -> None:
    methods = [c["method"] for c in R["mann_whitney"]]
    assert "Wilcoxon rank sum exact test" in methods
    assert "Wilcoxon rank sum test with continuity correction" in methods
    likert = [c for c in R["mann_whitney"] if np.all(arr(c["x"]) == np.round(arr(c["x"])))]
    assert {len(arr(c["x"])) >= 50 for c in likert} == {True, False}


@settings(max_examples=30, deadline=None)
@given(st.data())
def test_exact_rank_distributions_agree_with_scipy(data: st.DataObject) -> None:
    # Distinct values: no ties, so both functions use their exact null distributions.
    pool = data.draw(st.lists(st.integers(-500, 500), min_size=4, max_size=40, unique=True))
    cut = data.draw(st.integers(1, len(pool) - 1))
    x, y = np.array(pool[:cut], float), np.array(pool[cut:], float)
    mw = inf.mann_whitney(x, y)
    ref = stats.mannwhitneyu(x, y, method="exact")
    assert mw.statistic == ref.statistic
    assert mw.p == pytest.approx(ref.pvalue, rel=1e-9)
    # Signed differences with distinct nonzero |d|, so no ties and no zeros either.
    magnitudes = np.array([abs(v) + 1 for v in pool if v >= 0], float)[:25]
    signs = data.draw(st.lists(st.sampled_from([-1.0, 1.0]), min_size=25, max_size=25))
    d = magnitudes * np.array(signs[: magnitudes.size])
    if d.size == 0:
        return
    sr = inf.wilcoxon_signed_rank(d)
    sref = stats.wilcoxon(d, method="exact")
    assert sr.p == pytest.approx(sref.pvalue, rel=1e-9)


def test_exact_rank_tests_refuse_sizes_that_would_take_too_long() -> None:
    rng = np.random.default_rng(1)
    with pytest.raises(UsageError):
        inf.mann_whitney(rng.normal(size=400), rng.normal(size=400) + 0.1, exact=True)


# ---- Welch t ---------------------------------------------------------------------------------


@pytest.mark.parametrize("i", range(3))
def test_welch_t_matches_r_t_test(i: int) -> None:
    case = R["welch_t"]["results"][i]
    x, y = arr(R["welch_t"]["x"]), arr(R["welch_t"]["y"])
    if i == 2:
        x, y = y, x
    res = inf.welch_t(x, y, conf=case["conf"])
    for field in ["diff", "t", "df", "p", "ci_low", "ci_high", "cohen_d", "hedges_g"]:
        assert getattr(res, field) == pytest.approx(case[field], rel=CLOSED), field
    assert (res.n_x, res.n_y) == (case["n_x"], case["n_y"])


def test_welch_t_effect_sizes_match_pingouin() -> None:
    x, y = arr(R["welch_t"]["x"]), arr(R["welch_t"]["y"])
    res = inf.welch_t(x, y)
    assert res.cohen_d == pytest.approx(pg.compute_effsize(x, y, eftype="cohen"), rel=1e-12)
    # pingouin's g uses the approximate J = 1 - 3 / (4 df - 1); ours is the exact J (R effectsize)
    j_approx = 1 - 3 / (4 * (x.size + y.size) - 9)
    assert res.hedges_g / res.cohen_d * j_approx == pytest.approx(
        pg.compute_effsize(x, y, eftype="hedges") / res.cohen_d * es.hedges_j(x.size + y.size - 2),
        rel=1e-12,
    )


def test_welch_t_too_few_values_gives_nan() -> None:
    res = inf.welch_t([1.0], [2.0, 3.0, np.nan])
    assert math.isnan(res.p) and res.diff == -1.5 and (res.n_x, res.n_y) == (1, 2)


# ---- p-value adjustment ----------------------------------------------------------------------


@pytest.mark.parametrize("method", ["holm", "bonferroni", "BH"])
def test_p_adjust_matches_r_with_nan_not_counted(method: str) -> None:
    p = arr(R["p_adjust"]["p"])
    expected = arr(R["p_adjust"][method])
    np.testing.assert_allclose(inf.p_adjust(p, method), expected, rtol=1e-14, equal_nan=True)


def test_holm_matches_r_and_nan_is_not_counted() -> None:
    p = arr(R["p_adjust"]["p"])
    got = inf.holm(p)
    np.testing.assert_allclose(got, arr(R["p_adjust"]["holm"]), rtol=1e-14, equal_nan=True)
    np.testing.assert_allclose(got[~np.isnan(p)], arr(R["p_adjust"]["holm_no_na"]), rtol=1e-14)


def test_p_adjust_rejects_unknown_method_and_out_of_range_p() -> None:
    with pytest.raises(UsageError):
        inf.p_adjust([0.1, 0.2], "sidak")
    with pytest.raises(DataError):
        inf.holm([0.1, 1.2])


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.one_of(st.floats(0, 1), st.just(math.nan), st.sampled_from([0.05, 0.01])),
        min_size=1,
        max_size=30,
    )
)
def test_holm_properties(values: list[float]) -> None:
    p = np.array(values)
    adj = inf.holm(p)
    ok = ~np.isnan(p)
    assert np.array_equal(np.isnan(adj), ~ok)  # NaN stays where it was, nothing else is NaN
    assert np.all(adj[ok] >= p[ok]) and np.all(adj[ok] <= 1)
    order = np.argsort(p[ok], kind="stable")
    assert np.all(np.diff(adj[ok][order]) >= 0)  # monotone in the rank of the raw p


# ---- several groups --------------------------------------------------------------------------

GROUP_SETS = ["continuous", "likert"]


def groups_of(key: str) -> tuple[list[np.ndarray], list[str]]:
    block = R["groups"][key]
    return [arr(g) for g in block["groups"]], list(block["names"])


@pytest.mark.parametrize("key", GROUP_SETS)
def test_welch_anova_matches_r_oneway_test(key: str) -> None:
    expected = R["groups"][key]["welch_anova"]
    res = inf.welch_anova(groups_of(key)[0])
    for field in ["statistic", "df1", "df2", "p"]:
        assert getattr(res, field) == pytest.approx(expected[field], rel=CLOSED), field
    assert res.method == expected["method"]


@pytest.mark.parametrize("key", GROUP_SETS)
def test_kruskal_wallis_matches_r_kruskal_test(key: str) -> None:
    expected = R["groups"][key]["kruskal"]
    res = inf.kruskal_wallis(groups_of(key)[0])
    for field in ["statistic", "df1", "p"]:
        assert getattr(res, field) == pytest.approx(expected[field], rel=CLOSED), field
    assert math.isnan(res.df2) and res.method == expected["method"]


def test_group_data_have_ties_unequal_sizes_and_unequal_variances() -> None:
    groups, _ = groups_of("continuous")
    assert len({g.size for g in groups}) == len(groups)
    sds = [g.std(ddof=1) for g in groups]
    assert max(sds) / min(sds) > 3
    likert = np.concatenate(groups_of("likert")[0])
    assert np.unique(likert).size < likert.size / 3


@pytest.mark.parametrize(
    "key, gh_key, conf",
    [(k, "games_howell", 0.95) for k in GROUP_SETS] + [("continuous", "games_howell_90", 0.90)],
)
def test_games_howell_matches_r_textbook_formula(key: str, gh_key: str, conf: float) -> None:
    groups, names = groups_of(key)
    expected = R["groups"][key][gh_key]
    res = inf.games_howell(groups, names, conf=conf)
    assert res["group_a"].tolist() == [names[int(i)] for i in arr(expected["a"])]
    assert res["group_b"].tolist() == [names[int(i)] for i in arr(expected["b"])]
    for col in ["mean_a", "mean_b", "diff", "se", "t", "df"]:
        np.testing.assert_allclose(res[col], arr(expected[col]), rtol=CLOSED, err_msg=col)
    # R's ptukey is accurate to ~1e-8 (module docstring): 2e-7 absolute.
    np.testing.assert_allclose(res["p_adj"], arr(expected["p_adj"]), rtol=0, atol=2e-7)
    # Against the critical value solved tightly from R's ptukey: 1e-7 absolute (the CI is
    # diff +- q se and q inherits ptukey's ~1e-8 error divided by the density).
    for col in ["ci_low", "ci_high"]:
        np.testing.assert_allclose(res[col], arr(expected[col + "_tight"]), rtol=0, atol=1e-7)
        # R's own qtukey stops its search when the step is < 1e-4 (in q), so CI limits agree
        # only to 1e-4 * se / sqrt(2).
        tol = 1e-4 * arr(expected["se"]) / math.sqrt(2)
        assert np.all(np.abs(res[col] - arr(expected[col])) <= tol), col


@pytest.mark.parametrize("key", GROUP_SETS)
def test_games_howell_matches_pingouin(key: str) -> None:
    groups, names = groups_of(key)
    long = pd.DataFrame(
        {"y": np.concatenate(groups), "g": np.repeat(names, [g.size for g in groups])}
    )
    long["g"] = pd.Categorical(long["g"], categories=names)  # keep our pair order
    ref = pg.pairwise_gameshowell(data=long, dv="y", between="g")
    res = inf.games_howell(groups, names)
    assert ref["A"].astype(str).tolist() == res["group_a"].tolist()
    assert ref["B"].astype(str).tolist() == res["group_b"].tolist()
    for ours, theirs in [("diff", "diff"), ("se", "se"), ("t", "T"), ("df", "df")]:
        np.testing.assert_allclose(res[ours], ref[theirs], rtol=1e-12, err_msg=ours)
    # Both use scipy.stats.studentized_range.sf: only rounding differs.
    np.testing.assert_allclose(res["p_adj"], ref["pval"], rtol=1e-9, atol=1e-12)


def test_games_howell_tiny_groups_match_pingouin_and_scipy_quantile() -> None:
    # Groups of 2-3 give Welch df between 1 and 3, where the chi density is hardest to integrate.
    groups = [
        np.array([1.0, 2.5]),
        np.array([4.0, 4.2, 9.0]),
        np.array([2.0, 7.0]),
        np.array([3.0, 3.1, 3.3]),
    ]
    names = ["a", "b", "c", "d"]
    long = pd.DataFrame({"y": np.concatenate(groups), "g": np.repeat(names, [2, 3, 2, 3])})
    ref = pg.pairwise_gameshowell(data=long, dv="y", between="g")
    res = inf.games_howell(groups, names, conf=0.99)
    assert res["df"].min() < 1.5
    np.testing.assert_allclose(res["p_adj"], ref["pval"], rtol=0, atol=1e-10)
    q = stats.studentized_range.ppf(0.99, 4, res["df"].to_numpy()) / math.sqrt(2)
    np.testing.assert_allclose(res["ci_high"], res["diff"] + q * res["se"], rtol=1e-9)


@pytest.mark.parametrize("key", GROUP_SETS)
@pytest.mark.parametrize("adjust", ["holm", "bonferroni", "BH", "none"])
def test_dunn_matches_r_formula_with_ties(key: str, adjust: str) -> None:
    groups, names = groups_of(key)
    expected = R["groups"][key]["dunn"]
    res = inf.dunn(groups, names, adjust=adjust)
    assert list(res.columns) == ["group_a", "group_b", "z", "p", "p_adj"]
    assert res["group_a"].tolist() == [names[int(i)] for i in arr(expected["a"])]
    np.testing.assert_allclose(res["z"], arr(expected["z"]), rtol=CLOSED)
    np.testing.assert_allclose(res["p"], arr(expected["p"]), rtol=CLOSED)
    np.testing.assert_allclose(res["p_adj"], arr(expected[adjust]), rtol=CLOSED)


def test_group_functions_validate_input() -> None:
    with pytest.raises(UsageError):
        inf.welch_anova([[1.0, 2.0, 3.0]])
    with pytest.raises(UsageError):
        inf.games_howell([[1.0, 2.0], [3.0, 4.0]], ["a"])
    with pytest.raises(DataError, match="'b'"):
        inf.dunn([[1.0, 2.0], [np.nan], [3.0, 4.0]], ["a", "b", "c"])
    with pytest.raises(UsageError):
        inf.dunn([[1.0, 2.0], [3.0, 4.0]], ["a", "b"], adjust="tukey")


def test_thin_groups_give_nan_not_errors() -> None:
    groups = [np.array([1.0, 2.0, 4.0]), np.array([5.0]), np.array([2.0, 3.0, 3.5, 6.0])]
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert math.isnan(inf.welch_anova(groups).p)
        gh = inf.games_howell(groups, ["a", "b", "c"])
    assert gh["p_adj"].isna().tolist() == [True, False, True]
    assert math.isfinite(inf.kruskal_wallis(groups).p)
    assert math.isnan(inf.kruskal_wallis([[2.0, 2.0], [2.0]]).p)  # every value tied


# ---- quantile type 7 -------------------------------------------------------------------------


@pytest.mark.parametrize("key", ["main", "single", "ties", "equal_neighbours"])
def test_quantile7_matches_r_type_7(key: str) -> None:
    block = R["quantile7"] if key == "main" else R["quantile7"][key]
    probs = arr(R["quantile7"]["probs"])
    got = inf.quantile7(arr(block["x"]), probs)
    # Same arithmetic as R's quantile.default, so bit-identical: compared exactly.
    np.testing.assert_array_equal(got, arr(block["q"]))


def test_quantile7_scalar_empty_and_invalid() -> None:
    assert inf.quantile7([1.0, 2.0, 3.0, 4.0], 0.5) == 2.5
    assert isinstance(inf.quantile7([1.0, 2.0], 0.5), float)
    assert math.isnan(float(inf.quantile7([np.nan], 0.5)))
    with pytest.raises(UsageError):
        inf.quantile7([1.0, 2.0], 1.5)


@settings(max_examples=100, deadline=None)
@given(
    st.lists(st.floats(-1e6, 1e6), min_size=1, max_size=30),
    st.floats(0, 1),
)
def test_quantile7_equals_numpy_linear(values: list[float], q: float) -> None:
    expected = float(np.quantile(np.array(values), q, method="linear"))
    assert inf.quantile7(values, q) == pytest.approx(expected, rel=1e-12, abs=1e-9)
