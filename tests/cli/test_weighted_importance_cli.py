"""``gap --overall --weight-column`` through the real CLI (session 17: the regression was the one
unweighted table beside weighted ones, and no output said so). On tests/data/importance_weighted.csv
(the toolbox sample with one weight 0 and two missing; tests/core/r/weighted_importance.R): the
estimates are R ``survey::svyglm``'s, and the terminal, APA lines, JSON and CSV name the rule."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import numpy as np

DATA = Path(__file__).parents[1] / "data"
WANT = json.loads((DATA.parent / "core" / "r" / "weighted_importance.json").read_text("utf-8"))
ARGS = ("gap", DATA / "importance_weighted.csv", "-i", DATA / "toolbox.toml", "--no-items",
        "--overall", "overall", "--weight-column", "w")  # fmt: skip


def test_json_is_weighted_and_keeps_the_unweighted_fit(cli) -> None:
    r = cli(*ARGS, "-f", "json")
    assert r.exit_code == 0, r.stderr
    imp = json.loads(r.stdout)["importance"]
    want = WANT["gap"]
    assert imp["weight_column"] == "w" and "svyglm" in imp["method"]
    assert (imp["n"], imp["n_missing_weight"], imp["n_zero_weight"]) == (want["n"], 2, 1)
    np.testing.assert_allclose([c["b"] for c in imp["coefficients"]], want["b"], rtol=1e-8)
    np.testing.assert_allclose([c["se"] for c in imp["coefficients"]], want["se"], rtol=1e-8)
    np.testing.assert_allclose(imp["f_test"]["f"], want["f"], rtol=1e-8)
    unweighted = [c["b"] for c in imp["unweighted"]["coefficients"]]
    np.testing.assert_allclose(unweighted, want["unweighted_b"], rtol=1e-8)


def test_terminal_and_apa_lines_name_the_weights(cli) -> None:
    r = cli(*ARGS, "--lang", "sv")
    assert r.exit_code == 0, r.stderr
    text = " ".join(r.stdout.split())
    assert "WLS: overall ~ gap (P−E), viktat efter w" in text
    assert "Viktat efter w: b med vägda minsta kvadrater (WLS)" in text
    assert "Den oviktade regressionen för samma svarande finns i -f json och -f csv." in text
    assert "2 utan vikt utelämnade; 1 med vikt 0 i designen men inte i n" in text
    assert "Wald-F(3; 143) = 71,12" in text
    assert "(WLS viktat efter w, designbaserade SE, n = 147)" in text
    en = " ".join(cli(*ARGS).stdout.split())
    assert "WLS: overall ~ gap (P−E), weighted by w" in en and "Wald F(3, 143) = 71.12" in en


def test_csv_rows_say_weighted_and_carry_the_unweighted_level(cli) -> None:
    r = cli(*ARGS, "-f", "csv")
    assert r.exit_code == 0, r.stderr
    rows = list(csv.DictReader(io.StringIO(r.stdout)))
    weighted = [row for row in rows if row["level"] == "importance"]
    unweighted = [row for row in rows if row["level"] == "importance_unweighted"]
    assert [row["weight_column"] for row in weighted] == ["w"] * 3
    np.testing.assert_allclose([float(row["b"]) for row in weighted], WANT["gap"]["b"], rtol=1e-8)
    np.testing.assert_allclose([float(row["b"]) for row in unweighted], WANT["gap"]["unweighted_b"],
                               rtol=1e-8)  # fmt: skip


def test_without_weights_the_regression_is_ols_as_before(cli) -> None:
    r = cli(*ARGS[:-2], "-f", "json")
    imp = json.loads(r.stdout)["importance"]
    assert imp["weight_column"] is None and "unweighted" not in imp and "method" not in imp
    assert "OLS: overall ~ gap (P−E)" in cli(*ARGS[:-2]).stdout


def test_one_left_out_is_a_singular(cli, tmp_path: Path) -> None:
    """Closing 17: "1 utan vikt utelämnade" had no singular. One of the two missing weights
    filled in (the sample's row 10 given weight 1), one is left: "1 utan vikt utelämnad"."""
    import pandas as pd

    t = pd.read_csv(DATA / "importance_weighted.csv")
    assert t["w"].isna().sum() == 2
    t.loc[t.index[t["w"].isna()][0], "w"] = 1.0
    path = tmp_path / "one_without_weight.csv"
    t.to_csv(path, index=False)
    args = ("gap", path, *ARGS[2:])
    sv = " ".join(cli(*args, "--lang", "sv").stdout.split())
    assert "utelämnade; 1 utan vikt utelämnad; 1 med vikt 0 i designen men inte i n" in sv
    assert "utan vikt utelämnade" not in sv
    en = " ".join(cli(*args).stdout.split())
    assert "left out; 1 without a weight left out; 1 with weight 0 in the design but not in n" in en
