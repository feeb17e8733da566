"""Review 4 findings 5 and 10 on `servqual feedback`: a register that starts inside the earlier
twelve months compares the same months a year apart; the reply share follows the KPI's
equal-follow-up rule, and "Decided" and the rule are said."""

from __future__ import annotations

import json
from pathlib import Path

REGISTER = "synpunkter_2023_2024.xlsx"


def test_as_of_mid_year_compares_the_same_months(cli, samples_dir: Path) -> None:
    r = cli("feedback", samples_dir / REGISTER, "--as-of", "2024-06-30", "-f", "json")
    assert r.exit_code == 0, r.stderr
    w = json.loads(r.stdout)["trend_window"]
    # the register starts 2023-01-01: January-June 2023 against January-June 2024, not a half
    # year against a whole one
    assert w["previous"] == {"from": "2023-01-01", "to": "2023-06-30", "days": 181}
    assert w["current"] == {"from": "2024-01-01", "to": "2024-06-30", "days": 182}
    assert w["same_months"] is True
    text = " ".join(cli("feedback", samples_dir / REGISTER, "--as-of", "2024-06-30").stdout.split())
    assert "Against the same months a year earlier (the register starts 2023-01-01" in text
    assert "Against the previous twelve months" not in text
    assert "Replies, all units, 2023–2024 as of 2024-06-30" in text


def test_reply_share_is_the_kpis_and_decided_is_explained(cli, samples_dir: Path) -> None:
    r = cli("feedback", samples_dir / REGISTER, "-f", "json")
    d = json.loads(r.stdout)
    share = next(t for t in d["trend"] if t["measure"] == "reply_within_promise")
    assert (share["n"], round(share["value"] * 100, 1)) == (984, 83.7)  # kpi: 824 of 984
    sv = " ".join(cli("feedback", samples_dir / REGISTER, "--lang", "sv").stdout.split())
    assert "Avgjorda: besvarade ärenden och obesvarade som passerat löftet per 2024-12-31." in sv
    assert (
        "ärenden inkomna mindre än 14 dagar före 2024-12-31 ingår inte (21, varav 10 utan svar)"
        in sv
    )
