"""The calls behind the phone queue-time median, counted apart (review 10a finding 5).

2019's table note said "median över de 45 samtal som nådde en person" while the reach KPI above
it counts 44: one call has ``nådd = "kanske"`` (an invalid value, left out of the reach KPI) and
a waiting time of 13 s, which counts in the median. The counts here are checked against pandas on
the sample file directly (not through the contacts loader).
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from servqual_cli.core.contacts import kpi_observations
from servqual_cli.core.wait_basis import WaitBasis, wait_basis
from servqual_cli.io.contacts import load_contacts
from servqual_cli.io.read import read_table

SAMPLES = Path(__file__).parent.parent.parent / "data" / "samples"


def _independent(path: Path) -> WaitBasis:
    raw = pd.read_excel(path, engine="openpyxl")
    phone = raw[raw["kanal"].eq("telefon")]
    timed = phone["väntetid_s"].notna()
    return WaitBasis(
        with_wait=int((timed & phone["nådd"].ne("nej")).sum()),
        reached=int((timed & phone["nådd"].eq("ja")).sum()),
        reached_unknown=int((timed & ~phone["nådd"].isin(["ja", "nej"])).sum()),
        unreached=int(phone["nådd"].eq("nej").sum()),
    )


@pytest.mark.parametrize(
    ("year", "want"),
    [(2019, WaitBasis(45, 44, 1, 9)), (2020, WaitBasis(43, 43, 0, 11))],
)
def test_counts_match_the_file(year: int, want: WaitBasis) -> None:
    path = SAMPLES / f"servicematning_{year}.xlsx"
    data = load_contacts(read_table(path))
    got = wait_basis(data.frame)
    assert got == want == _independent(path)
    # the median counts exactly these calls, and the reach KPI the valid reached values
    obs = kpi_observations(data.frame, keys=(), by_area=False)
    assert int(obs["kpi"].eq("phone_wait_seconds_median").sum()) == got.with_wait
    reach = obs[obs["kpi"].eq("phone_reached")]
    raw = pd.read_excel(path, engine="openpyxl")
    assert int(reach["x"].sum()) == int((raw["kanal"].eq("telefon") & raw["nådd"].eq("ja")).sum())
    assert len(reach) == got.reached + got.unreached  # the "kanske" call is not in it
