"""Session 17 (closing 16): the report's service-measurement part counted a year's unreadable
dates ("ogiltigt datum 2") in its summary and in the section's closing year lines without
naming them, where ``servqual contacts`` names the texts; a date whose written weekday is not its
own ("tisdag 3 mars 2024", a Sunday) was counted and not named either."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

DATA = Path(__file__).parents[1] / "data"


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> str:
    from servqual_cli.cli.main import main

    tmp = tmp_path_factory.mktemp("year_lines")
    before = tmp / "kontakter_2019.csv"
    pd.read_csv(DATA / "contacts_2019.csv", dtype=str).to_csv(before, index=False)
    after = pd.read_csv(DATA / "contacts_2020.csv", dtype=str)
    after.loc[0, "sent_at"] = "31/2 2020"  # no such day
    after.loc[1, "sent_at"] = "31/2 2020"
    after.loc[2, "sent_at"] = "tisdag 3 mars 2024"  # a Sunday
    after.to_csv(tmp / "kontakter_2020.csv", index=False)
    config = tmp / "rapport.toml"
    config.write_text(
        'title = "T"\nlanguage = "sv"\n[contacts]\nmunicipality = "Lekeberg"\n'
        f'[contacts.years]\n2019 = "{before.as_posix()}"\n'
        f'2020 = "{(tmp / "kontakter_2020.csv").as_posix()}"\n',
        encoding="utf-8",
    )
    assert main(["report", str(config), "-o", str(tmp / "ut")]) == 0
    return (tmp / "ut" / "report.md").read_text(encoding="utf-8")


def test_year_lines_name_the_unreadable_dates_and_wrong_weekdays(report: str) -> None:
    text = " ".join(report.replace("\xa0", " ").split())
    named = ("uteslutna celler: ogiltigt datum 2 (”31/2 2020” 2), fel veckodag 1 (”tisdag 3 "
             "mars 2024” 1).")  # fmt: skip
    # the summary and the measurement section's closing note, as the command names them
    assert text.count(named) == 2, [x[:200] for x in text.split("2020: ")[1:]]
    assert "2019: 20 kontakter" in text and "uteslutna celler: inga." in text
