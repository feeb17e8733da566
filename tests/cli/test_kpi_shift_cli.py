"""``servqual kpi`` and the report: a time's change is the shift its test judges (review 5 #5).

On main the bygglov lead time read "2023→2024: 36 → 32 days, p 0.001 (Mann-Whitney)" in the KPI
table and "-4.0 days, ▲ better" under the overview's "Change (times: shift)" whose note says a
time's change is the Hodges-Lehmann shift: the medians' difference shown as the shift. Values
from tests/core/r/kpi_shift.R (R wilcox.test: shift -5, interval -8 to -1, 2023 over the same
window as 2024 since review 10a finding 4; -9 to -2 with the whole of 2023).
"""

from __future__ import annotations

import json
from pathlib import Path

SAMPLES = Path(__file__).parent.parent.parent / "data" / "samples"


def test_kpi_table_names_the_shift_and_its_interval(cli) -> None:
    r = cli("kpi", SAMPLES / "kpi.toml", "--lang", "en", "--format", "markdown")
    assert r.exit_code == 0, r.stderr
    assert ("2023 (1 Jan–21 Oct, 248 cases) → 2024 (1 Jan–21 Oct, 235 cases): 36 → 32 days "
            "(difference -4.0 days); typical shift -5.0 days (95% CI [-8.0, -1.0]), p 0.005 "
            "(Mann-Whitney)") in r.stdout  # fmt: skip
    note = "Times: the change the test (Mann-Whitney) judges is the Hodges-Lehmann shift"
    assert note in r.stdout
    sv = cli("kpi", SAMPLES / "kpi.toml", "--lang", "sv", "--format", "markdown")
    assert ("2023 (1 jan–21 okt, 248 ärenden) → 2024 (1 jan–21 okt, 235 ärenden): 36 → 32 "
            "dagar (skillnad −4,0 dagar); typisk förskjutning −5,0 dagar (95\xa0% KI [−8,0; "
            "−1,0]), p 0,005 (Mann-Whitney)") in sv.stdout  # fmt: skip


def test_kpi_json_carries_the_shift(cli, tmp_path: Path) -> None:
    out = tmp_path / "kpi.json"
    assert cli("kpi", SAMPLES / "kpi.toml", "-o", out).exit_code == 0
    rows = {k["name"]: k for k in json.loads(out.read_text())["kpis"]}
    c = rows["Handläggningstid bygglov"]["change"]
    assert (c["diff"], c["estimate"], c["shift"]) == (-4.0, "hodges-lehmann shift", -5.0)
    assert (c["shift_low"], c["shift_high"], c["conf"]) == (-8.0, -1.0, 0.95)
    w = c["windows"]  # review 10a, finding 4: both windows and the previous period's counts
    assert (w["previous_start"], w["previous_end"], w["start"], w["end"]) == (
        "2023-01-01", "2023-10-21", "2024-01-01", "2024-10-21")  # fmt: skip
    assert (w["n_previous_kept"], w["n_previous_total"], w["n_previous_left_out"]) == (248, 299, 51)
    assert (c["n_previous"], c["n"]) == (248, 235)


def test_report_overview_shows_the_median_difference_and_the_shift(cli, tmp_path: Path) -> None:
    out = tmp_path / "rep"
    r = cli("report", SAMPLES / "report_lekeberg.toml", "-o", out, "--lang", "en")
    assert r.exit_code == 0, r.stderr
    md = (out / "report.md").read_text()
    row = next(x for x in md.splitlines() if x.startswith("| Handläggningstid bygglov"))
    assert "median -4.0 days, typical shift -5.0 days, ▲ better" in row
