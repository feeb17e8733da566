"""ω, CR and AVE are proportions: values a failed fit gives are withdrawn with their reason.

Review 2, item 1: a 30-respondent pilot with no structure printed ω 2.205, CR 5.071 and AVE 6.012.
"""

from __future__ import annotations

import math
from types import SimpleNamespace

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from servqual_cli.core.reliability import AlphaResult, drop_constant_items
from servqual_cli.core.reliability_screen import (
    PROBLEMS,
    coefficient_problem,
    screen_cfa,
    with_omega,
)

BASE = AlphaResult(30, 3, 0.2, 0.2, 0.1, 0.0, 0.4, "feldt", pd.DataFrame())


@given(
    st.floats(allow_nan=True, allow_infinity=True, width=64),
    st.booleans(),
    st.booleans(),
)
def test_a_reported_omega_is_a_proportion_or_withdrawn_with_a_reason(
    value: float, converged: bool, heywood: bool
) -> None:
    r = with_omega(BASE, value, "est", converged=converged, heywood=heywood)
    if r.omega_problem is None:
        assert r.omega_total is not None
        assert math.isnan(r.omega_total) or -1e-9 <= r.omega_total <= 1 + 1e-9
        assert converged and not heywood
    else:
        assert r.omega_problem in PROBLEMS and r.omega_total is None


@pytest.mark.parametrize(
    ("value", "converged", "heywood", "want"),
    [(2.205, True, False, "out_of_range"), (-0.01, True, False, "out_of_range"),
     (0.5, False, True, "not_converged"), (0.5, True, True, "heywood"), (1.0, True, False, None),
     (0.0, True, False, None)],
)  # fmt: skip
def test_problem_order(value: float, converged: bool, heywood: bool, want: str | None) -> None:
    assert coefficient_problem(value, converged=converged, heywood=heywood) == want


def _fit(
    converged: bool, residual: list[float], cr: list[float], ave: list[float], n: int = 500
) -> object:
    loadings = pd.DataFrame({"factor": ["A", "A", "B", "B"], "item": list("wxyz"),
                             "residual_var": residual})  # fmt: skip
    factors = pd.DataFrame({"factor": ["A", "B"], "n_items": [2, 2],
                            "composite_reliability": cr, "ave": ave})  # fmt: skip
    import dataclasses

    @dataclasses.dataclass(frozen=True)
    class Fit:
        loadings: pd.DataFrame
        factors: pd.DataFrame
        converged: bool
        omega_total: float
        n: int
        n_parameters: int = 9  # 4 loadings, 4 residual variances, 1 factor correlation
        chi2: float = 3.0
        p: float = 0.2
        cfi: float = 0.99
        tli: float = 0.98
        rmsea: float = 0.01
        rmsea_ci_low: float = 0.0
        rmsea_ci_high: float = 0.05
        srmr: float = 0.02
        problem: str | None = None

    return Fit(loadings, factors, converged, 0.8, n)


def test_screen_cfa_withdraws_out_of_range_and_heywood_factors() -> None:
    fit = _fit(True, [0.3, 0.4, -0.2, 0.5], [0.8, 0.7], [0.6, 0.5])
    out = screen_cfa(fit)  # type: ignore[arg-type]
    assert out.factors["problem"].tolist() == [None, "heywood"]
    assert out.factors["composite_reliability"].iloc[0] == 0.8
    assert math.isnan(out.factors["ave"].iloc[1])
    assert math.isnan(out.omega_total)  # a Heywood case anywhere: no ω of the whole
    fit = _fit(True, [0.3, 0.4, 0.2, 0.5], [5.071, 0.7], [0.6, 6.012])
    out = screen_cfa(fit)  # type: ignore[arg-type]
    assert out.factors["problem"].tolist() == ["out_of_range", "out_of_range"]
    assert out.omega_total == 0.8
    out = screen_cfa(_fit(False, [0.3] * 4, [0.8, 0.7], [0.6, 0.5]))  # type: ignore[arg-type]
    assert out.factors["problem"].tolist() == ["not_converged"] * 2
    assert out.factors[["composite_reliability", "ave"]].isna().all().all()


def test_screen_cfa_withdraws_a_fit_on_fewer_rows_than_parameters() -> None:
    # 9 free parameters: 8 rows withdraw the fit whole, 9 keep it (a broken rule fails one).
    out = screen_cfa(_fit(True, [0.3] * 4, [0.8, 0.7], [0.6, 0.5], n=8))  # type: ignore[arg-type]
    assert out.problem == "too_few_rows"
    assert out.factors["problem"].tolist() == ["too_few_rows"] * 2
    assert out.factors[["composite_reliability", "ave"]].isna().all().all()
    assert all(math.isnan(getattr(out, k)) for k in ("chi2", "cfi", "tli", "rmsea", "srmr"))
    assert math.isnan(out.omega_total)
    kept = screen_cfa(_fit(True, [0.3] * 4, [0.8, 0.7], [0.6, 0.5], n=9))  # type: ignore[arg-type]
    assert kept.problem is None and kept.cfi == 0.99 and kept.omega_total == 0.8


def test_row_warnings_name_listwise_loss_and_the_rule() -> None:
    from servqual_cli.core.scales import cfa_row_warnings

    few = _fit(True, [0.3] * 4, [0.8, 0.7], [0.6, 0.5], n=8)
    (share, gone) = cfa_row_warnings(few, 8, 300)  # type: ignore[arg-type]
    assert share.code == "cfa_listwise_share" and gone.code == "cfa_too_few_rows"
    assert "only 8 of 300 rows (3%)" in share.message
    assert "fewer rows than parameters" in gone.message
    caution = _fit(True, [0.3] * 4, [0.8, 0.7], [0.6, 0.5], n=44)
    (only,) = cfa_row_warnings(caution, 44, 60)  # type: ignore[arg-type]
    assert only.code == "cfa_few_rows" and only.params["per"] == 5
    assert "fewer than 5 per parameter (Bentler & Chou 1987)" in only.message
    enough = _fit(True, [0.3] * 4, [0.8, 0.7], [0.6, 0.5], n=45)
    assert cfa_row_warnings(enough, 45, 60) == []  # type: ignore[arg-type]


def test_ave_check_counts_an_impossible_ave_as_a_failure() -> None:
    from servqual_cli.report.reliability_sections import validity_warnings

    factors = pd.DataFrame({"factor": ["Tangibles", "Empathy"], "ave": [0.3, math.nan],
                            "problem": [None, "out_of_range"]})  # fmt: skip
    v = SimpleNamespace(score="P", cfa=SimpleNamespace(factors=factors, converged=True,
                                                       problem=None), cfa_rows=30)  # fmt: skip
    (en,) = validity_warnings(SimpleNamespace(validity=(v,)), "en")  # type: ignore[arg-type]
    assert "Tangibles 0.300" in en and "Empathy – (cannot be computed" in en
    (sv,) = validity_warnings(SimpleNamespace(validity=(v,)), "sv")  # type: ignore[arg-type]
    assert "Empati – (kan ej beräknas: värdet låg utanför 0–1)" in sv


def test_constant_items_are_left_out_as_psych_alpha_does() -> None:
    # psych::alpha(data.frame(E1 = 5, E2 = 1:4, E3 = c(2, 2, 4, 3))) warns
    # "Item = E1 had no variance and was deleted" and reports alpha of E2, E3.
    df = pd.DataFrame({"E1": [5, 5, 5, 5], "E2": [1, 2, 3, 4], "E3": [2, 2, 4, 3]})
    frame, dropped, notes = drop_constant_items(df)
    assert list(frame.columns) == ["E2", "E3"] and dropped == ("E1",)
    assert notes[0].code == "constant_dropped" and notes[0].params == {"item": "E1"}
    assert "E1" in notes[0].message and "psych::alpha" in notes[0].message
    listwise = pd.DataFrame({"E1": [5, 5, 1.0], "E2": [1, 2, None], "E3": [2, 3, 4]})
    assert drop_constant_items(listwise, "listwise")[1] == ("E1",)
    assert drop_constant_items(listwise, "pairwise")[1] == ()


def test_no_row_warning_without_a_cfa() -> None:
    # review 14, finding 11: "CFA not computed" was followed by "CFA listwise: only 13 of 180
    # rows ... its fit indices describe ..." although there were no fit indices
    from servqual_cli.core.scales import cfa_row_warnings

    assert cfa_row_warnings(None, 13, 180) == []
