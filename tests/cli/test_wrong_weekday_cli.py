"""A date cell whose weekday is not its date's ("tisdag 3 mars 2024": 3 March 2024 is a Sunday)
is left out under a reason of its own, "fel veckodag" / "wrong weekday" (l-small, session 11;
it was counted as "not a date", which told the reader nothing about a cell that looks like a
date). Counted and shown like the other reasons: the exclusion summary, the feedback register's
left-out line, the ``--excluded`` list, the JSON counts and ``--strict``'s message.
"""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

REGISTER = (
    "id;inkommen;typ;förvaltning;kontaktuppgifter;besvarad\n"
    "1;tisdag 3 mars 2024;klagomål;Skola;ja;2024-03-07\n"  # a Sunday
    "2;måndag 4 mars 2024;synpunkt;Skola;ja;2024-03-06\n"
    "3;2024-03-05;beröm;Teknik;nej;\n"
    "4;31 februari 2024;fråga;Teknik;ja;\n"  # no such day: still "not a date"
    "5;2024-03-06;fråga;Teknik;ja;fre 8 mars 2024\n"
)


@pytest.fixture
def register(tmp_path: Path) -> Path:
    path = tmp_path / "synpunkter.csv"
    path.write_text(REGISTER, encoding="utf-8")
    return path


def test_feedback_counts_and_lists_a_wrong_weekday(cli, register: Path, tmp_path: Path) -> None:
    listed = tmp_path / "excluded.csv"
    r = cli("feedback", register, "-f", "json", "--excluded", listed)
    assert r.exit_code == 0, r.stderr
    out = json.loads(r.stdout)
    assert out["excluded"] == {"wrong_weekday": 1, "invalid_date": 1}
    cells = pd.read_csv(listed)
    assert cells[["row", "value", "reason"]].values.tolist() == [
        [2, "tisdag 3 mars 2024", "wrong_weekday"],
        [5, "31 februari 2024", "invalid_date"],
    ]
    sv = " ".join(cli("feedback", register, "--lang", "sv", "-f", "markdown").stdout.split())
    assert "(fel veckodag i inkommen: rad 2; ogiltigt datum i inkommen: rad 5)" in sv
    # the unreadable date named (session 16)
    assert "Uteslutna celler: ogiltigt datum 1 (”31 februari 2024” 1), fel veckodag 1" in sv
    en = " ".join(cli("feedback", register, "--lang", "en").stdout.split())
    assert "wrong weekday in inkommen: row 2" in en and "wrong weekday 1" in en


def test_strict_names_the_wrong_weekday(cli, tmp_path: Path) -> None:
    path = tmp_path / "synpunkter.csv"
    path.write_text(REGISTER.replace("4;31 februari 2024", "4;2024-03-04"), encoding="utf-8")
    r = cli("feedback", path, "--strict")
    assert r.exit_code == 1 and r.stderr.count("\n") == 1 and "Traceback" not in r.stderr
    assert "wrong weekday" in r.stderr and "'tisdag 3 mars 2024'" in r.stderr


def test_kpi_counts_a_wrong_weekday(cli, tmp_path: Path) -> None:
    (tmp_path / "arenden.csv").write_text(
        "nr;kanal;skickad;besvarad\n"
        "1;e-post;2024-03-04 09:00;2024-03-04 15:00\n"
        "2;e-post;tisdag 5 mars 2024 kl. 10.00;2024-03-06 08:00\n"  # right: a Tuesday
        "3;e-post;onsdag 5 mars 2024 kl. 10.00;2024-03-06 08:00\n"  # wrong
        "4;e-post;2024-03-07 12:00;torsdag 8 mars 2024 kl. 13.00\n"  # wrong: a Friday
        "5;e-post;2024-03-07 12:00;2024-03-07 13:00\n",
        encoding="utf-8",
    )
    config = tmp_path / "kpi.toml"
    config.write_text(
        '[[kpi]]\nname = "E-post inom en arbetsdag"\naspect = "väntetid"\ndata = "arenden.csv"\n'
        'start = "skickad"\nend = "besvarad"\nlimit = "1 working day"\ntarget = 0.90\n',
        encoding="utf-8",
    )
    listed = tmp_path / "excluded.csv"
    r = cli("kpi", config, "-f", "json", "--excluded", listed)
    assert r.exit_code == 0, r.stderr
    kpi = json.loads(r.stdout)["kpis"][0]
    assert kpi["excluded"] == {"wrong_weekday": 2} and kpi["n"] == 3
    cells = pd.read_csv(listed)
    assert cells["reason"].tolist() == ["wrong_weekday", "wrong_weekday"]
    assert cells["column"].tolist() == ["skickad", "besvarad"]
    sv = " ".join(cli("kpi", config, "--lang", "sv", "-f", "markdown").stdout.split())
    assert "fel veckodag 2" in sv
