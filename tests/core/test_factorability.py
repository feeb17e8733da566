"""KMO and Bartlett's test as the gates of a factor analysis (review 13, finding 2).

`reliability` printed a full EFA pattern matrix for gap scores with KMO 0.455 and Bartlett
p 0.783, with no caveat. The core now flags each score whose KMO is below 0.5 (Kaiser 1974) or
whose Bartlett test cannot reject an identity matrix at 1 − conf (Bartlett 1950; Dziuban &
Shirkey 1974), keeps the EFA, and says why in a caveat per gate. Reference values: psych::KMO
and psych::cortest.bartlett in tests/core/r/factorability.R (factorability.json).
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from servqual_cli.core.factor import bartlett_sphericity, kmo
from servqual_cli.core.factorability import Factorability, factorability
from servqual_cli.core.scales import instrument_reliability

R = json.loads((Path(__file__).parent / "r" / "factorability.json").read_text("utf-8"))
NOISE = Path(__file__).parents[1] / "data" / "reliability_noise_30.csv"


@pytest.mark.parametrize(
    ("case", "kmo_low", "identity"), [("bartlett_only", False, True), ("kmo_only", True, False)]
)
def test_each_gate_on_its_own(case: str, kmo_low: bool, identity: bool) -> None:
    ref = R["matrices"][case]
    r = np.array(ref["r"])
    k, b = kmo(r), bartlett_sphericity(r, ref["n"])
    assert k.msa == pytest.approx(ref["kmo"], abs=1e-12)
    assert b.p == pytest.approx(ref["p"], rel=1e-9)
    gates = factorability(k.msa, b.p, conf=0.95)
    assert (gates.kmo_low, gates.identity_not_rejected) == (kmo_low, identity)
    assert not gates.efa_interpretable
    codes = [c.code for c in gates.caveats()]
    assert codes == (["kmo_low"] if kmo_low else []) + (["bartlett_identity"] if identity else [])


def test_bartlett_is_read_at_the_runs_level() -> None:
    """p 0.0302 rejects an identity matrix at 95 % but not at 99 %."""
    assert factorability(0.8, 0.0302, conf=0.95).efa_interpretable
    strict = factorability(0.8, 0.0302, conf=0.99)
    assert strict.identity_not_rejected and strict.sig == 0.01
    assert strict.caveats()[0].params == {"p": 0.0302, "sig": 0.01}


def test_not_computed_is_not_flagged() -> None:
    """Without KMO or Bartlett (their own caveat says why) no gate claims a failure."""
    gates = Factorability(None, None, 0.05)
    assert gates.efa_interpretable and gates.caveats() == ()


def _noise_scores() -> dict[str, np.ndarray]:
    d = pd.read_csv(NOISE)
    e = d[[f"E{i}" for i in range(1, 23)]].to_numpy(float)
    p = d[[f"P{i}" for i in range(1, 23)]].to_numpy(float)
    return {"E": e, "P": p}


def test_noise_pilot_flags_every_score_and_keeps_its_efa() -> None:
    x = _noise_scores()
    names = {s: [f"{s}{i}" for i in range(1, 23)] for s in ("E", "P")}
    names["gap"] = [f"P{i}-E{i}" for i in range(1, 23)]
    dims = {"A": range(0, 4), "B": range(4, 9), "C": range(9, 13), "D": range(13, 17),
            "E": range(17, 22)}  # fmt: skip
    res = instrument_reliability(x["E"], x["P"], names, dims)
    for v in res.validity:
        ref = R["noise_30"][v.score]
        assert v.kmo is not None and v.bartlett is not None
        assert v.kmo.msa == pytest.approx(ref["kmo"], abs=1e-10)
        assert v.bartlett.p == pytest.approx(ref["p"], rel=1e-9)
        assert v.factorability is not None and not v.factorability.efa_interpretable
        assert v.efa is not None  # kept: an examiner may want to see it
        assert v.to_dict()["factorability"] == {
            "kmo_min": 0.5,
            "kmo_below_min": True,
            "bartlett_alpha": 0.05,
            "bartlett_not_significant": True,
            "efa_interpretable": False,
        }
        gates = [w for w in res.warnings
                 if w.scale == v.score and w.code in ("kmo_low", "bartlett_identity")]  # fmt: skip
        assert [w.code for w in gates] == ["kmo_low", "bartlett_identity"]
        assert all(w.validity for w in gates)
