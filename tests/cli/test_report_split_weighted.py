"""Review 17, finding 22: ``report --split`` with ``[survey] weight_column`` crashed ("internal
error: operands could not be broadcast together with shapes (71,11) (320,1)"): each group's
report read the whole file's weights beside its own rows. Each group's weights now come from the
group's own rows (io.raw_table.RawTable.take in report.writer.subset_survey).

The reference is independent of the package: pandas reads the sample workbook, a dimension's
gap per respondent is the mean of P − E over its answered items (at least half of them, the
instrument's rule) and the weighted gap is numpy's ``average`` with the Vikt weights over the
group's rows, Σwg/Σw. Fails on the old code (the split exits with an internal error).
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[2]
CONFIG = ROOT / "tests" / "data" / "report_weighted_by_kon.toml"  # by Kön, weight_column Vikt
SAMPLE = ROOT / "data" / "samples" / "karlstad_servqual_2025.xlsx"
# PZB 1991's items of two dimensions, as the report names them in Swedish
DIMENSIONS = {"Fysisk miljö": range(1, 5), "Empati": range(18, 23)}


def _weighted_gap(rows: pd.DataFrame, items: range) -> tuple[int, float]:
    def block(role: str) -> np.ndarray:
        cells = rows[[f"{role}{i}" for i in items]]
        return cells.apply(pd.to_numeric, errors="coerce").to_numpy(dtype=float)

    gap = block("P") - block("E")
    enough = np.isfinite(gap).sum(axis=1) >= len(items) / 2
    score = np.nanmean(np.where(enough[:, None], gap, np.nan), axis=1)
    w = rows["Vikt"].to_numpy(dtype=float)
    used = np.isfinite(score) & np.isfinite(w)
    return int(used.sum()), float(np.average(score[used], weights=w[used]))


def _weighted_table(md: str) -> dict[str, list[str]]:
    body = md.split(". Viktade dimensionsgap (Vikt)\n\n", 1)[1].split("\n\n", 1)[0]
    rows = [[c.strip() for c in x.strip("|").split("|")] for x in body.splitlines()[2:]]
    return {r[0]: r for r in rows}


def test_weighted_config_splits_with_each_groups_own_weights(cli, tmp_path: Path) -> None:
    out = tmp_path / "split"
    run = cli("report", CONFIG, "--split", "-j", "1", "-o", out)
    assert run.exit_code == 0, run.stderr
    assert "internal error" not in run.stderr
    sample = pd.read_excel(SAMPLE, engine="openpyxl")
    for group, folder in (("Kvinna", "kvinna"), ("Man", "man")):
        table = _weighted_table((out / folder / "report.md").read_text(encoding="utf-8"))
        rows = sample[sample["Kön"] == group]
        for name, items in DIMENSIONS.items():
            n, gap = _weighted_gap(rows, items)
            shown = table[name]
            assert shown[1] == str(n), (group, name)  # the group's own respondents
            assert shown[2] == f"{gap:.2f}".replace("-", "−").replace(".", ","), (group, name)
