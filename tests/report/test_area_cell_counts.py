"""The report's per-area cells write their n as every count is written (session 15, w-bench
item 4): "72 (n = 1 330)" in Swedish and "72 (n = 1,330)" in English, not "n = 1330"."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest

from servqual_cli.core.contacts import contact_kpis
from servqual_cli.io.measurement import ReadOptions
from servqual_cli.io.measurement import load_contact_table as load
from servqual_cli.report.measurement_sections import area_table

SAMPLE = Path(__file__).resolve().parents[2] / "data" / "samples" / "servicematning_2020.xlsx"


@pytest.mark.parametrize(("lang", "sep"), [("sv", "\u00a0"), ("en", ",")])
def test_area_cells_group_their_n(lang: str, sep: str) -> None:
    data = load(ReadOptions().read(str(SAMPLE)), 2020, "Lekeberg", False)
    frame = pd.concat([data.frame] * 14, ignore_index=True)  # 1,330 rated contacts in all
    kpis = contact_kpis(frame, keys=("year",), by_area=True)
    table = area_table(kpis, lang, min_n=30).frame
    cells = table.iloc[:, 2:].to_numpy().ravel().tolist()
    text = " ".join(str(c) for c in cells)
    assert re.search(rf"\(n = 1{sep}330\)", text), text
    assert not re.search(r"n = \d{4}", text), text
