"""The report's IPA: the t interval behind "uncertain" placements, and the table marking them."""

from __future__ import annotations


def test_mean_interval_is_the_t_interval() -> None:
    """Against scipy's t interval (R t.test(x)$conf.int gives the same)."""
    import numpy as np
    from scipy import stats

    from servqual_cli.report.survey_ipa import mean_interval

    rng = np.random.default_rng(5)
    x = rng.normal(20, 8, (57, 3))
    x[:5, 1] = np.nan
    low, high = mean_interval(x)
    for j in range(3):
        col = x[:, j][~np.isnan(x[:, j])]
        ref = stats.t.interval(0.95, len(col) - 1, col.mean(), stats.sem(col))
        assert np.allclose((low[j], high[j]), ref, rtol=1e-12)


def test_ipa_marks_a_placement_its_interval_cannot_tell() -> None:
    import pandas as pd

    from servqual_cli.report.survey_ipa import ipa_table

    frame = pd.DataFrame(
        {
            "dimension": ["Tangibles", "Assurance"],
            "n": [389, 389],
            "importance": [10.3, 18.8],
            "performance": [5.56, 5.72],
            "quadrant": ["overkill", "overkill"],
            "certain": [True, False],
        }
    )
    table = ipa_table(frame, "sv")
    assert table.frame.iloc[:, -1].tolist() == [  # plain labels (review 5, finding 17)
        "lägre viktighet, högre upplevelse",
        "lägre viktighet, högre upplevelse (osäker)",
    ]
    assert table.note is not None and "inte mot förväntan" in table.note
