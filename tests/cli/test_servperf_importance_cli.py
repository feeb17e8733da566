"""``servqual gap --overall`` on a perception-only (SERVPERF) instrument (w-left, session 17).

Before: ``--overall`` was refused as needing expectations, even with ``--importance-on
perception``, which needs none. Now the default ``--importance-on gap`` is refused with the fix
named (exit 2, one line, sv and en: tests/cli/test_errors_swedish_cli_options.py) and
``--importance-on perception`` gives gap's derived-importance table on the perceptions.
Reference: statsmodels OLS of V1 on the dimension perception means computed here with pandas
(item 3 reverse-scored, a dimension counted with at least half its items, as the instrument and
gap's rule say).
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

DATA = Path(__file__).parents[1] / "data"
SERVPERF = ("-i", str(DATA / "instruments" / "kiosk_perception_only.toml"))
ARGS = ("gap", str(DATA / "kiosk.csv"), *SERVPERF, "--overall", "V1")


def _reference() -> tuple[np.ndarray, np.ndarray, int]:
    import statsmodels.api as sm

    d = pd.read_csv(DATA / "kiosk.csv", dtype=str)
    u = d[[f"U{i}" for i in range(1, 6)]].replace({"Helt rätt": "5"})
    u = u.apply(pd.to_numeric, errors="coerce")
    u["U3"] = 6 - u["U3"]  # reverse = [3] on the 1-5 scale
    dims = []
    for cols, need in ((["U1", "U2"], 1), (["U3", "U4", "U5"], 2)):
        score = u[cols].mean(axis=1)
        dims.append(score.where(u[cols].notna().sum(axis=1) >= need))
    x = pd.concat(dims, axis=1)
    y = pd.to_numeric(d["V1"], errors="coerce")
    ok = x.notna().all(axis=1) & y.notna()
    fit = sm.OLS(y[ok], sm.add_constant(x[ok])).fit()
    return fit.params.to_numpy()[1:], fit.bse.to_numpy()[1:], int(ok.sum())


def test_default_importance_on_gap_is_refused_with_the_fix(cli) -> None:
    for lang, word in (("en", "add --importance-on perception"),
                       ("sv", "lägg till --importance-on perception")):  # fmt: skip
        r = cli(*ARGS, "--lang", lang)
        assert r.exit_code == 2 and r.stdout == ""
        assert r.stderr.count("\n") == 1 and word in r.stderr, r.stderr
        assert "Traceback" not in r.stderr


def test_importance_on_perception_matches_statsmodels(cli) -> None:
    r = cli(*ARGS, "--importance-on", "perception", "-f", "json")
    assert r.exit_code == 0, r.stderr
    imp = json.loads(r.stdout)["importance"]
    b, se, n = _reference()
    assert imp["predictors"] == "perception" and imp["n"] == n
    coef = imp["coefficients"]
    assert [c["dimension"] for c in coef] == ["Miljö", "Bemötande"]
    assert [c["b"] for c in coef] == pytest.approx(b, rel=1e-10)
    assert [c["se"] for c in coef] == pytest.approx(se, rel=1e-10)


@pytest.mark.parametrize(("lang", "head"), [("en", "Derived importance"), ("sv", "Härledd vikt")])
def test_importance_on_perception_in_the_terminal_and_csv(cli, lang: str, head: str) -> None:
    r = cli(*ARGS, "--importance-on", "perception", "--lang", lang)
    assert r.exit_code == 0, r.stderr
    assert "SERVPERF" in r.stdout and head in r.stdout
    csv = cli(*ARGS, "--importance-on", "perception", "-f", "csv", "--lang", lang)
    levels = [line.split(",")[0] for line in csv.stdout.splitlines()]
    assert levels.count("importance") == 2
