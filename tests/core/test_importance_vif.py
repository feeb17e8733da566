"""The collinearity checks of derived importance (review 13, finding 1) against R: ``car::vif``
on the ``lm``, ``cor(x, y)``, b and ``confint`` (tests/core/r/importance_vif.R, stored
importance_vif.json), on the collinear file (four dimension gaps correlated 0.89-0.93:
Bemötande gets a significant negative b beside a positive r) and on the toolbox sample (no
dimension named).

Tolerance: relative 1e-9 (R inverts the correlation matrix through ``det``/``cov2cor`` of the
coefficient covariance, the tool through ``numpy.linalg.inv``; both in double precision)."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from servqual_cli.core.importance import derived_importance
from servqual_cli.core.respondent_scores import respondent_scores

R = Path(__file__).parent / "r"
DATA = Path(__file__).parents[1] / "data"
WANT = json.loads((R / "importance_vif.json").read_text(encoding="utf-8"))


def _collinear() -> tuple[np.ndarray, np.ndarray, list[str]]:
    data = pd.read_csv(DATA / "importance_collinear.csv")
    e, p = [data[[f"{s}{i}" for i in range(1, 17)]].to_numpy(dtype=float) for s in "FU"]
    names = ["Tillgänglighet", "Bemötande", "Information", "Resultat"]
    dims = {d: list(range(4 * k, 4 * k + 4)) for k, d in enumerate(names)}
    return data["Helhet"].to_numpy(dtype=float), respondent_scores(e, p, dims).gap, names


def _toolbox() -> tuple[np.ndarray, np.ndarray, list[str]]:
    data = pd.read_csv(R / "toolbox_synth.csv")
    e, p = [data[[f"{s}{i}" for i in range(1, 7)]].to_numpy(dtype=float) for s in "EP"]
    dims = {"Reliability": [0, 1], "Responsiveness": [2, 3], "Empathy": [4, 5]}
    return data["overall"].to_numpy(dtype=float), respondent_scores(e, p, dims).gap, list(dims)


@pytest.mark.parametrize(("case", "load"), [("collinear", _collinear), ("toolbox", _toolbox)])
def test_vif_and_zero_order_r_match_r(case: str, load) -> None:
    y, x, names = load()
    got = derived_importance(y, x, names, "overall")
    want = WANT[case]
    assert got.n == want["n"]
    assert list(got.coefficients["dimension"]) == want["dimensions"]
    for column in ("vif", "r_overall", "b", "ci_low", "ci_high", "beta"):
        assert got.coefficients[column].to_numpy() == pytest.approx(want[column], rel=1e-9)


def test_collinear_dimensions_are_named() -> None:
    y, x, names = _collinear()
    got = derived_importance(y, x, names, "Helhet")
    assert got.vif_high == tuple(names)  # car::vif 8.8-10.8
    assert got.sign_differs == ("Bemötande",)  # b −0.89 [−1.65, −0.13], r +0.57
    assert got.beta_beyond_one == ("Resultat",)  # β 1.05
    assert got.collinear == tuple(names)
    out = got.to_dict()
    assert out["vif_high"] == list(names) and out["sign_differs"] == ["Bemötande"]
    assert "VIF > 5" in out["collinearity_rule"]


def test_the_sample_names_no_dimension() -> None:
    y, x, names = _toolbox()
    got = derived_importance(y, x, names)
    assert got.collinear == () and (got.coefficients["vif"] < 2).all()


def test_a_sign_flip_the_data_cannot_tell_from_zero_is_not_named() -> None:
    # uncorrelated dimensions, C with a true b of 0: its b and r may differ in sign by chance
    rng = np.random.default_rng(3)
    x = rng.normal(size=(200, 3))
    y = 2 + x @ np.array([1.0, 0.5, 0.0]) + rng.normal(size=200)
    got = derived_importance(y, x, ["A", "B", "C"])
    c = got.coefficients.iloc[2]
    assert c["b"] * c["r_overall"] < 0 and c["ci_low"] < 0 < c["ci_high"]
    assert got.collinear == ()


def test_one_dimension_has_vif_one() -> None:
    rng = np.random.default_rng(5)
    x = rng.normal(size=(40, 1))
    got = derived_importance(x[:, 0] + rng.normal(size=40), x, ["A"])
    assert got.coefficients["vif"].tolist() == pytest.approx([1.0])
    assert got.collinear == ()
