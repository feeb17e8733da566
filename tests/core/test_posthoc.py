"""core.posthoc: the studentized range integral and its scipy.special building blocks.

Games-Howell, Dunn and p_adjust are checked against R and pingouin in
tests/core/test_inference.py (through the re-exports of core.inference). Here: the chi-squared
and normal formulas written with scipy.special equal scipy.stats bit for bit, and the
quadrature for the studentized range agrees with scipy.stats.studentized_range (adaptive
integration, ~1e-11 accurate) over the degrees of freedom Welch gives.
"""

from __future__ import annotations

import numpy as np
import pytest
from scipy import special, stats

from servqual_cli.core import posthoc


def test_chi2_and_normal_formulas_equal_scipy_stats_bit_for_bit() -> None:
    rng = np.random.default_rng(7)
    df = np.exp(rng.uniform(np.log(1.01), np.log(5e4), 200))
    x = np.exp(rng.uniform(-12, 12, 200))
    assert np.array_equal(posthoc._chi2_logpdf(x, df), stats.chi2.logpdf(x, df))
    assert np.array_equal(2 * special.gammaincinv(df / 2, 1e-17), stats.chi2.ppf(1e-17, df))
    assert np.array_equal(special.chdtri(df, 1e-17), stats.chi2.isf(1e-17, df))
    assert np.array_equal(special.chdtrc(df, x), stats.chi2.sf(x, df))
    z = rng.normal(0, 4, 200)
    assert np.array_equal(np.exp(-(z**2) / 2.0) / posthoc._NORM_PDF_C, stats.norm.pdf(z))
    assert np.array_equal(special.ndtr(z), stats.norm.cdf(z))


@pytest.mark.parametrize("k", [2, 3, 6, 12])
def test_ptukey_matches_scipy_studentized_range(k: int) -> None:
    df = np.array([1.3, 2.0, 4.7, 11.0, 38.5, 250.0])
    q = np.array([0.4, 1.5, 2.8, 3.6, 4.9, 7.5])
    got = posthoc._ptukey(q, k, df)
    ref = stats.studentized_range.cdf(q, k, df)
    np.testing.assert_allclose(got, ref, rtol=0, atol=1e-10)


def test_qtukey_inverts_ptukey() -> None:
    df = np.array([1.7, 9.0, 120.0])
    q = posthoc._qtukey(0.95, 4, df)
    np.testing.assert_allclose(posthoc._ptukey(q, 4, df), 0.95, rtol=0, atol=1e-12)
    np.testing.assert_allclose(q, stats.studentized_range.ppf(0.95, 4, df), rtol=1e-9)
