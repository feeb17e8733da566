"""Review 5, item 12: "Ej aktuellt" (the question does not apply) is its own exclusion reason,
not "vet ej": a board reading "vet ej 40" would take 40 uncertain citizens where 40 had no such
contact."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pandas as pd

from servqual_cli.io.values import parse_scale_values


def test_not_applicable_words_have_their_own_reason() -> None:
    col = pd.Series(["Ej aktuellt", "ej tillämpligt", "Vet ej", "Not applicable", "EJ AKTUELL", 5])
    values, reasons = parse_scale_values(col, (1, 7))
    assert reasons.tolist() == ["not_applicable", "not_applicable", "dont_know",
                                "not_applicable", "not_applicable", None]  # fmt: skip
    assert np.isnan(values[:5]).all() and values[5] == 5.0


def test_gap_counts_not_applicable_apart_from_dont_know(cli, samples_dir: Path,
                                                         tmp_path: Path) -> None:  # fmt: skip
    # the sample as municipalities export it: cp1252, ";", decimal commas, a title row
    frame = pd.read_csv(samples_dir / "karlstad_servqual.csv", sep=";", dtype=str, header=None,
                        encoding="cp1252", keep_default_na=False)  # fmt: skip
    header = int(np.flatnonzero(frame.eq("P5").any(axis=1))[0])
    p5, p6 = (int(np.flatnonzero(frame.iloc[header].eq(c))[0]) for c in ("P5", "P6"))
    frame.iloc[header + 1 : header + 4, p5] = "Ej aktuellt"
    frame.iloc[header + 4, p6] = "Vet ej"
    path = tmp_path / "survey.csv"
    frame.to_csv(path, index=False, header=False, sep=";", encoding="cp1252")
    base = cli("gap", samples_dir / "karlstad_servqual.csv", "-f", "json")
    res = cli("gap", path, "-f", "json")
    assert res.exit_code == 0, res.stderr
    excluded = json.loads(res.stdout)["excluded"]
    before = json.loads(base.stdout)["excluded"]
    assert excluded.get("not_applicable", 0) - before.get("not_applicable", 0) == 3
    sv = cli("gap", path, "--lang", "sv")
    assert "ej aktuellt 3" in " ".join(sv.stdout.split())
    en = cli("gap", path)
    assert "not applicable 3" in " ".join(en.stdout.split())
