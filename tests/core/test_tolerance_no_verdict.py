"""Closing 17: the zone of tolerance's "no verdict" map (dimension -> ``inverted`` or
``inverted_item``) is a field of the result, made where the positions are decided, so that the
weighted zone (``servqual tolerance --weight-column``) need not rebuild it in the CLI. Checked
against the dimensions' own positions and against an inversion counted here with numpy."""

from __future__ import annotations

import numpy as np
import pandas as pd

from servqual_cli.core.tolerance import NO_VERDICT, tolerance_analysis
from servqual_cli.core.tolerance_weighted import QUANTITIES, weighted_zone


def test_no_verdict_names_the_dimensions_without_a_position() -> None:
    rng = np.random.default_rng(7)
    a = rng.integers(2, 5, size=(80, 6)).astype(float)
    d = a + rng.integers(1, 3, size=(80, 6))
    d[:, 1] = a[:, 1] - 1  # item 2 (dimension X): D < A on every answer
    d[:, 4:] = a[:, 4:] - 1  # both items of dimension Z: the dimension's own zone is inverted
    p = a + rng.normal(0.5, 1.0, size=(80, 6))
    res = tolerance_analysis(a, d, p, [str(i) for i in range(1, 7)],
                             {"X": [0, 1], "Y": [2, 3], "Z": [4, 5]})  # fmt: skip
    assert res.no_verdict == {"X": "inverted_item", "Z": "inverted"}
    dims = res.dimensions
    assert res.no_verdict == dict(zip(dims["dimension"][dims["position"].isin(NO_VERDICT)],
                                      dims["position"][dims["position"].isin(NO_VERDICT)],
                                      strict=True))  # fmt: skip
    # the weighted zone takes it as it is
    names = [f"{k}: {q}" for k in "XYZ" for q in QUANTITIES]
    est = pd.DataFrame({"name": names, "n": 80, "mean": 0.1, "ci_low": -0.5, "ci_high": 0.5,
                        "n_eff": 70.0})  # fmt: skip
    assert weighted_zone(est, ["X", "Y", "Z"], res.no_verdict)["position"].tolist() == [
        "inverted_item", "unclear", "inverted"]  # fmt: skip
