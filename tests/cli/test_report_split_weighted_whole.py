"""Review 18, finding 4: ``report --split`` with ``[survey] weight_column`` set each group's
weighted values beside a "Hela kommunen" row (index) and column (each group's overview) that were
the whole file's UNWEIGHTED gaps (−0,63 beside weighted groups; the weighted total is −0,80),
and the index never said "viktat". The whole is now weighted as the groups are, and the index's
header and note and the column's note name the weight column.

The reference is independent of the package: pandas reads the sample workbook, a dimension's gap
per respondent is the mean of P − E over its answered items (at least half of them, the
instrument's rule), the overall gap the mean of the five dimension gaps (respondents with a gap
in every dimension), and the weighted estimate Σwg/Σw over those with a weight (numpy
``average``). The same numbers are checked against ``gap --weight-column``'s JSON and the
unsplit report's overview. Fails on the old code (the whole row showed −0,63, unweighted).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data"
SAMPLE = ROOT / "data" / "samples" / "karlstad_servqual_2025.xlsx"
# PZB 1991's items per dimension (Tangibles, Reliability, Responsiveness, Assurance, Empathy)
ITEMS = [range(1, 5), range(5, 10), range(10, 14), range(14, 18), range(18, 23)]
WHOLE = {"sv": "Hela kommunen", "en": "Whole municipality"}
TANGIBLES = {"sv": "Fysisk miljö", "en": "Tangibles"}
WEIGHTED = {"sv": "viktat efter Vikt", "en": "weighted by Vikt"}


def _shown(value: float, lang: str) -> str:
    text = f"{value:.2f}"  # Swedish: decimal comma and the minus sign U+2212
    return text.replace("-", "−").replace(".", ",") if lang == "sv" else text


def _reference() -> tuple[float, float]:
    """(weighted overall gap, weighted Tangibles gap) of the whole file, Σwg/Σw."""
    sample = pd.read_excel(SAMPLE, engine="openpyxl")

    def dimension(items: range) -> np.ndarray:
        def block(role: str) -> np.ndarray:
            cells = sample[[f"{role}{i}" for i in items]].apply(pd.to_numeric, errors="coerce")
            return cells.to_numpy(dtype=float)

        gap = block("P") - block("E")
        enough = np.isfinite(gap).sum(axis=1) >= len(items) / 2
        return np.nanmean(np.where(enough[:, None], gap, np.nan), axis=1)

    dims = np.column_stack([dimension(items) for items in ITEMS])
    overall = dims.mean(axis=1)  # NaN unless every dimension has a gap
    w = pd.to_numeric(sample["Vikt"], errors="coerce").to_numpy(dtype=float)

    def weighted(score: np.ndarray) -> float:
        used = np.isfinite(score) & np.isfinite(w) & (w > 0)
        return float(np.average(score[used], weights=w[used]))

    return weighted(overall), weighted(dims[:, 0])


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_split_whole_row_and_column_are_weighted_as_the_groups(
    cli, tmp_path: Path, lang: str
) -> None:
    config = DATA / f"r18_split_weighted_{lang}.toml"
    total, tangibles = _reference()
    # gap --weight-column's weighted estimates: the same numbers as the reference
    gap = cli("gap", SAMPLE, "--weight-column", "Vikt", "--format", "json")
    assert gap.exit_code == 0, gap.stderr
    estimates = {e["name"]: e["mean"] for e in json.loads(gap.stdout)["weighted"]["estimates"]}
    assert estimates["overall SERVQUAL (mean of the dimension gaps)"] == pytest.approx(total)
    assert estimates["Tangibles: gap"] == pytest.approx(tangibles)
    out = tmp_path / "split"
    run = cli("report", config, "--split", "-j", "1", "-o", out)
    assert run.exit_code == 0, run.stderr
    index = (out / "index.md").read_text(encoding="utf-8")
    whole = next(x for x in index.splitlines() if x.startswith(f"| {WHOLE[lang]} "))
    cells = [c.strip() for c in whole.strip("|").split("|")]
    assert cells[2] == _shown(total, lang), whole  # −0,80, not the unweighted −0,63
    assert WEIGHTED[lang] in index  # the header and the note say so
    html = (out / "index.html").read_text(encoding="utf-8")
    assert WEIGHTED[lang] in html and _shown(total, lang) in html
    # each group's overview: the whole column beside the weighted group values
    group = (out / "gymnasieskola" / "report.md").read_text(encoding="utf-8")
    lines = group.splitlines()
    head = next(x for x in lines if f"| {WHOLE[lang]} |" in x)  # the overview's header
    at = [c.strip() for c in head.strip("|").split("|")].index(WHOLE[lang])
    row = next(x for x in lines if x.startswith(f"| {TANGIBLES[lang]} | "))
    assert [c.strip() for c in row.strip("|").split("|")][at] == _shown(tangibles, lang), row
    assert re.search(rf"{WHOLE[lang]}.{{1,3}} (är viktad efter|is weighted by) Vikt", group)
    # the unsplit report's weighted total is the index's whole row
    single = tmp_path / "single"
    run = cli("report", config, "-o", single)
    assert run.exit_code == 0, run.stderr
    md = (single / "report.md").read_text(encoding="utf-8")
    assert f"| {_shown(total, lang)} " in md


def test_messy_split_whole_row_is_the_weighted_total_and_the_note_explains_n(
    cli, tmp_path: Path
) -> None:
    """Review 18's messy file: "Hela kommunen | 118 | −0,67" (unweighted) over weighted groups,
    and "Förskola/barnomsorg | 25 | −0,76 (litet underlag, n = 24)" with no word on 25 vs 24."""
    config = DATA / "r18_split_messy.toml"
    gap = cli("gap", DATA / "r17_messy_weighted.csv", "--weight-column", "Vikt", "--format", "json")
    assert gap.exit_code == 0, gap.stderr
    estimates = {e["name"]: e["mean"] for e in json.loads(gap.stdout)["weighted"]["estimates"]}
    total = estimates["overall SERVQUAL (mean of the dimension gaps)"]
    out = tmp_path / "split"
    run = cli("report", config, "--split", "-j", "1", "-o", out)
    assert run.exit_code == 0, run.stderr
    index = (out / "index.md").read_text(encoding="utf-8")
    whole = next(x for x in index.splitlines() if x.startswith("| Hela kommunen "))
    assert [c.strip() for c in whole.strip("|").split("|")][2] == _shown(total, "sv"), whole
    assert "| Förskola/barnomsorg | 25 | −0,76 (litet underlag, n = 24) |" in index
    assert "bara svarande med giltig vikt" in index  # why 24 of 25
    single = tmp_path / "single"
    assert cli("report", config, "-o", single).exit_code == 0
    md = (single / "report.md").read_text(encoding="utf-8")
    assert f"| SERVQUAL totalt (gap) | {_shown(total, 'sv')} (2024); viktat efter Vikt" in md
