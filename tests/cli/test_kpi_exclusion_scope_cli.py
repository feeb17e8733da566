"""Multi-year KPI files: the exclusion counts beside a one-period verdict say they cover every
period (the fifth review's leftovers, item 6).

bygglov_arenden.xlsx holds 2023 and 2024; its 25 blank start dates have no period at all, so they
cannot be split by year: on main the note read "Excluded cells: blank 25; ...; value and verdict
are for 2024", as if the 25 were 2024's.
"""

from __future__ import annotations

import json
from pathlib import Path

SAMPLES = Path(__file__).parent.parent.parent / "data" / "samples"


def test_exclusions_beside_a_period_verdict_name_all_periods(cli, tmp_path: Path) -> None:
    en = " ".join(cli("kpi", SAMPLES / "kpi.toml", "--lang", "en").stdout.split())
    assert ("Handläggningstid bygglov: excluded cells: blank 25 (all periods 2023–2024, not "
            "only 2024);") in en  # fmt: skip
    sv = " ".join(cli("kpi", SAMPLES / "kpi.toml", "--lang", "sv").stdout.split())
    assert "uteslutna celler: tomma 25 (alla perioder 2023–2024, inte bara 2024);" in sv
    # one period: no scope words (after the note that the data hold one period)
    assert ("E-post besvaras inom en arbetsdag: the data hold only one period (2020), so no "
            "change is computed from them; excluded cells: not a date 1 (“okänt” 1);"
            ) in en  # fmt: skip
    out = tmp_path / "k.json"
    assert cli("kpi", SAMPLES / "kpi.toml", "-o", out).exit_code == 0
    rows = {k["name"]: k for k in json.loads(out.read_text())["kpis"]}
    assert rows["Handläggningstid bygglov"]["excluded_periods"] == ["2023", "2024"]
    assert rows["E-post besvaras inom en arbetsdag"]["excluded_periods"] == ["2020"]
