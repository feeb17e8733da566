"""Review 15, findings 11 and 14: what ``gap -f json`` records of the instrument, and the APA
lines of "which gap is largest?" (the Friedman test and the dimension pairs)."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest


def test_json_records_the_instrument_rules_and_file(cli, data_dir: Path) -> None:
    # finding 11: the JSON named the instrument's scale and reverse items, but not its missing
    # codes, its [labels] or which file (and which version of it) was read
    toml = data_dir / "kiosk.toml"
    r = cli("gap", data_dir / "kiosk.csv", "-i", str(toml), "-f", "json")
    assert r.exit_code == 0, r.stderr
    inst = json.loads(r.stdout)["instrument"]
    assert inst["missing"] == ["Ingen uppfattning"]
    assert inst["labels"] == {"Helt rätt": 5.0}
    assert inst["path"] == str(toml)
    assert inst["sha256"] == hashlib.sha256(toml.read_bytes()).hexdigest()


def test_json_builtin_instrument_has_no_file(cli, samples_dir: Path) -> None:
    r = cli("gap", samples_dir / "karlstad_servqual.csv", "-f", "json")
    assert r.exit_code == 0, r.stderr
    inst = json.loads(r.stdout)["instrument"]
    assert inst["path"] is None and inst["sha256"] is None
    assert inst["missing"] == [] and inst["labels"] == {}


def _dimension_gaps(data_dir: Path) -> np.ndarray:
    """The respondents' dimension gaps of r15_method.csv, recomputed with pandas: labels read
    as 7 and 1, "Vet ej", 99, blanks and the out-of-range 9 missing; a dimension gap is the
    mean of its item gaps with at least one of two items (the "half" rule)."""
    raw = pd.read_csv(data_dir / "r15_method.csv", dtype=str, keep_default_na=False)
    words = {"Instämmer helt": "7", "Instämmer inte alls": "1"}
    cells = raw.drop(columns="Enhet").replace(words).apply(pd.to_numeric, errors="coerce")
    cells = cells.where((cells >= 1) & (cells <= 7))
    gaps = (
        cells[[f"P{k}" for k in range(1, 7)]].to_numpy()
        - cells[[f"E{k}" for k in range(1, 7)]].to_numpy()
    )
    return np.column_stack([np.nanmean(gaps[:, [i, i + 1]], axis=1) for i in (0, 2, 4)])


@pytest.mark.parametrize("lang", ["en", "sv"])
def test_apa_has_the_friedman_test_and_the_pairs(cli, data_dir: Path, lang: str) -> None:
    # finding 14: -f apa left out "which gap is largest?" without naming it
    from scipy import stats

    g = _dimension_gaps(data_dir)
    g = g[~np.isnan(g).any(axis=1)]
    chi2, p = stats.friedmanchisquare(*g.T)
    w = chi2 / (len(g) * (g.shape[1] - 1))
    r = cli("gap", data_dir / "r15_method.csv", "-i", str(data_dir / "r15_method.toml"),
            "-f", "apa", "--lang", lang)  # fmt: skip
    assert r.exit_code == 0, r.stderr
    lines = r.stdout.splitlines()
    sv = lang == "sv"

    def n(x: float) -> str:
        text = f"{x:.2f}"
        return text.replace("-", "−").replace(".", ",") if sv else text

    head = "Vilket gap är störst? Friedmans test" if sv else "Which gap is largest? Friedman test"
    kendall = "Kendalls W" if sv else "Kendall's W"
    assert p < 0.001
    assert (f"{head}: χ²(2) = {n(chi2)}, p < {'0,001' if sv else '.001'}, {kendall} = {n(w)}, "
            f"n = {len(g)}") in r.stdout  # fmt: skip
    names = ["Tillgång", "Bemötande", "Information"] if sv else ["Access", "Treatment",
                                                                "Information"]  # fmt: skip
    for a, b in [(0, 1), (0, 2), (1, 2)]:
        t = stats.ttest_rel(g[:, a], g[:, b])
        line = next(x for x in lines if x.startswith(f"{names[a]} − {names[b]}: "))
        diff = float(np.mean(g[:, a] - g[:, b]))
        assert f"M = {n(diff)}, " in line
        assert f"t({len(g) - 1}) = {n(t.statistic)}, " in line
        assert ("Holm, 3 par" if sv else "Holm, 3 pairs") in line and "Wilcoxon p" in line
    first = next(x for x in lines if x.startswith(f"{names[0]} − {names[1]}: "))
    p01 = stats.ttest_rel(g[:, 0], g[:, 1]).pvalue
    assert f"p = {f'{p01:.3f}'.replace('.', ',') if sv else f'{p01:.3f}'[1:]} (" in first
