"""The pairs' APA lines name Holm's family as core.posthoc.holm counts it: the pairs with a
test. A pair whose differences do not vary has no t and no p, and is not one of the family."""

from __future__ import annotations

from types import SimpleNamespace

import numpy as np
import pandas as pd

from servqual_cli.core.posthoc import holm
from servqual_cli.report.gap_apa import comparison_apa_lines


def test_family_counts_only_the_pairs_with_a_test() -> None:
    p_t = np.array([0.01, np.nan, 0.04])
    pairs = pd.DataFrame({"a": ["A", "A", "B"], "b": ["B", "C", "C"], "diff": [0.3, 0.0, 0.2],
                          "ci_low": [0.1, 0.0, 0.0], "ci_high": [0.5, 0.0, 0.4],
                          "t": [2.6, np.nan, 2.1], "df": [99, 99, 99], "p_t": p_t,
                          "p_holm": holm(p_t), "p_wilcoxon": [0.02, np.nan, 0.05]})  # fmt: skip
    friedman = SimpleNamespace(statistic=float("nan"))
    res = SimpleNamespace(conf=0.95, friedman=friedman, pairs=pairs)
    lines = comparison_apa_lines(res, "en")  # type: ignore[arg-type]
    assert len(lines) == 2  # the untested pair has no line
    assert all("(Holm, 2 pairs:" in line for line in lines), lines
    assert "p = .020" in lines[0]  # Holm over the two tests: 2 × 0.01, as holm() gives
