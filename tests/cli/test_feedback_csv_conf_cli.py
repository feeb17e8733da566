"""``servqual feedback -f csv`` carries the intervals' level as JSON does (``conf``): the CSV is
long (the statistic is a value, "ci_low", not a column head), so the level is a column of its
own, set on the interval bounds' rows only. Checked at ``--conf 0.9`` so that a hard-coded 0.95
fails, and read back from the written file."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

REGISTER = "synpunkter_2023_2024.xlsx"


def test_csv_names_the_level_of_each_bound(cli, samples_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "feedback.csv"
    r = cli("feedback", samples_dir / REGISTER, "-f", "csv", "--conf", "0.9", "-o", out)
    assert r.exit_code == 0, r.stderr
    back = pd.read_csv(out, dtype={"statistic": str})
    assert list(back.columns)[-3:] == ["statistic", "value", "conf"]
    bound = back["statistic"].str.endswith(("ci_low", "ci_high"))
    assert bound.sum() > 0 and set(back.loc[bound, "section"]) == {
        "reply",
        "reply_by_unit",
        "trend",
        "trend_km",  # each window's Kaplan-Meier median interval (session 15)
    }
    assert (back.loc[bound, "conf"] == 0.9).all()
    assert back.loc[~bound, "conf"].isna().all()  # a count or a share has no level
    # the bounds are the 90 % ones JSON gives beside its conf
    j = json.loads(cli("feedback", samples_dir / REGISTER, "-f", "json", "--conf", "0.9").stdout)
    assert j["conf"] == 0.9
    reply = back[back["section"] == "reply"].set_index("statistic")["value"].astype(float)
    assert reply["ci_low"] == j["reply"]["ci_low"] and reply["ci_high"] == j["reply"]["ci_high"]
