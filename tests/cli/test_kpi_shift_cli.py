"""``servqual kpi`` and the report: a time's change is the shift its test judges (review 5 #5).

On main the bygglov lead time read "2023→2024: 36 → 32 days, p 0.001 (Mann-Whitney)" in the KPI
table and "-4.0 days, ▲ better" under the overview's "Change (times: shift)" whose note says a
time's change is the Hodges-Lehmann shift: the medians' difference shown as the shift. Values
from tests/core/r/kpi_shift.R (R wilcox.test: shift -5, interval -9 to -2).
"""

from __future__ import annotations

import json
from pathlib import Path

SAMPLES = Path(__file__).parent.parent.parent / "data" / "samples"


def test_kpi_table_names_the_shift_and_its_interval(cli) -> None:
    r = cli("kpi", SAMPLES / "kpi.toml", "--lang", "en", "--format", "markdown")
    assert r.exit_code == 0, r.stderr
    assert ("2023→2024: 36 → 32 days (difference -4.0 days); typical shift -5.0 days (95% CI "
            "-9.0 to -2.0), p 0.001 (Mann-Whitney)") in r.stdout  # fmt: skip
    note = "Times: the change the test (Mann-Whitney) judges is the Hodges-Lehmann shift"
    assert note in r.stdout
    sv = cli("kpi", SAMPLES / "kpi.toml", "--lang", "sv", "--format", "markdown")
    assert ("2023→2024: 36 → 32 dagar (skillnad −4,0 dagar); typisk förskjutning −5,0 dagar "
            "(95\xa0% KI −9,0 till −2,0), p 0,001 (Mann-Whitney)") in sv.stdout  # fmt: skip


def test_kpi_json_carries_the_shift(cli, tmp_path: Path) -> None:
    out = tmp_path / "kpi.json"
    assert cli("kpi", SAMPLES / "kpi.toml", "-o", out).exit_code == 0
    rows = {k["name"]: k for k in json.loads(out.read_text())["kpis"]}
    c = rows["Handläggningstid bygglov"]["change"]
    assert (c["diff"], c["estimate"], c["shift"]) == (-4.0, "hodges-lehmann shift", -5.0)
    assert (c["shift_low"], c["shift_high"], c["conf"]) == (-9.0, -2.0, 0.95)


def test_report_overview_shows_the_median_difference_and_the_shift(cli, tmp_path: Path) -> None:
    out = tmp_path / "rep"
    r = cli("report", SAMPLES / "report_lekeberg.toml", "-o", out, "--lang", "en")
    assert r.exit_code == 0, r.stderr
    md = (out / "report.md").read_text()
    row = next(x for x in md.splitlines() if x.startswith("| Handläggningstid bygglov"))
    assert "median -4.0 days, typical shift -5.0 days, ▲ better" in row
