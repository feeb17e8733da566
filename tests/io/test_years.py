"""One year column rule for contacts, the citizen survey and KPI data (io/years.py): the same
names, the same range, and a bad year counted with its row and column, never silently."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from servqual_cli.errors import DataError
from servqual_cli.io.read import RawTable, read_table
from servqual_cli.io.years import FIRST_YEAR, LAST_YEAR, YEAR_ALIASES, parse_years


def _raw(frame: dict[str, list[object]]) -> RawTable:
    data = pd.DataFrame(frame, dtype=object)
    return RawTable(data, "t.csv", None, 1, np.arange(2, len(data) + 2), "")


def test_parse_years_gives_a_reason_per_cell() -> None:
    cells = pd.Series([2020, "2021", " 2022.0 ", "", None, "20x3", 2020.5, 1899, 2101, 1900,
                       2100, "#N/A"], dtype=object)  # fmt: skip
    years, why = parse_years(cells)
    assert years[:3].tolist() == [2020.0, 2021.0, 2022.0]
    assert years[9:11].tolist() == [1900.0, 2100.0]
    assert np.isnan(years[[3, 4, 5, 6, 7, 8, 11]]).all()
    assert why.tolist() == [None, None, None, "blank", "blank", "unparseable", "unparseable",
                            "unparseable", "unparseable", None, None, "excel_error"]  # fmt: skip


def test_one_range_and_one_alias_table() -> None:
    from servqual_cli.io.contacts import CONTACT_ROLES
    from servqual_cli.io.service_survey import SURVEY_ROLES

    assert (FIRST_YEAR, LAST_YEAR) == (1900, 2100)
    assert {"år", "year", "mätår"} <= set(YEAR_ALIASES)
    assert tuple(CONTACT_ROLES["year"][: len(YEAR_ALIASES)]) == YEAR_ALIASES
    assert tuple(SURVEY_ROLES["year"]) == YEAR_ALIASES


def test_contacts_refuse_a_year_beyond_the_range() -> None:
    from servqual_cli.io.contacts import load_contacts

    data = load_contacts(_raw({"År": [2024, 2150, 2024], "kanal": ["telefon"] * 3,
                               "nådd": ["ja", "ja", "nej"]}))  # fmt: skip
    assert data.years == [2024]
    assert data.excluded == {"unparseable": 1}
    cell = data.exclusions.iloc[0]
    assert (cell["row"], cell["column"], cell["value"]) == (3, "År", "2150")


def test_citizen_survey_refuses_a_year_beyond_the_range() -> None:
    from servqual_cli.io.service_survey import load_citizen_survey

    s = load_citizen_survey(_raw({"mätår": [2023, 2223, 2024], "kanal": ["telefon"] * 3,
                                  "bemötande": [4, 5, 3]}))  # fmt: skip
    assert sorted(set(s.frame["year"])) == [2023, 2024]
    assert s.excluded == {"unparseable": 1}


# --- KPI data: a blank or odd year no longer turns the year column off ---------------------


def _kpi(tmp_path: Path, years: list[str]) -> object:
    from servqual_cli.io.kpi_config import load_kpi_config
    from servqual_cli.io.kpi_data import load_kpi_data

    lines = ["nr;år;väntetid"] + [f"{i + 1};{y};{10 * (i + 1)}" for i, y in enumerate(years)]
    (tmp_path / "d.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (tmp_path / "k.toml").write_text(
        '[[kpi]]\nname = "V"\naspect = "väntetid"\ndata = "d.csv"\n'
        'value_column = "väntetid"\nstatistic = "median"\n',
        encoding="utf-8",
    )
    cfg = load_kpi_config(tmp_path / "k.toml")
    return load_kpi_data(cfg.kpis[0], read_table(tmp_path / "d.csv"), cfg.path)


def test_kpi_year_column_with_a_blank_and_an_odd_year(tmp_path: Path) -> None:
    data = _kpi(tmp_path, ["2019", "", "2020", "20x0", "2020"])
    assert data.year_column == "år"  # type: ignore[attr-defined]
    frame = data.frame  # type: ignore[attr-defined]
    assert frame["row"].tolist() == [2, 4, 6] and frame["year"].tolist() == [2019, 2020, 2020]
    log = data.log.to_frame()  # type: ignore[attr-defined]
    assert log[["row", "column", "value", "reason"]].values.tolist() == [
        [3, "år", "", "blank"],
        [5, "år", "20x0", "unparseable"],
    ]


def test_kpi_year_column_with_no_year_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(DataError, match=r"row 2, column 'år'.*no value in this column is a year"):
        _kpi(tmp_path, ["1", "2", "x"])


def test_kpi_clean_year_column_is_used(tmp_path: Path) -> None:
    data = _kpi(tmp_path, ["2019", "2020"])
    assert data.year_column == "år" and data.log.counts() == {}  # type: ignore[attr-defined]


# --- survey trend: a respondent whose year is blank or odd is counted, not silently dropped --


def test_survey_years_count_the_respondents_of_no_year(tmp_path: Path) -> None:
    from servqual_cli.instruments.toml import load_instrument
    from servqual_cli.io.measurement import survey_years

    samples = Path(__file__).parents[2] / "data" / "samples"
    frame = read_table(samples / "karlstad_servqual.csv").frame
    years = frame["Tjänst"].map({"Äldreomsorg": "2019", "Gymnasieskola": "2020"})
    frame = frame[years.notna()].assign(år=years.dropna()).reset_index(drop=True)
    frame.loc[0, "år"], frame.loc[1, "år"] = "20x9", ""
    path = tmp_path / "s.csv"
    frame.to_csv(path, index=False)
    table = read_table(path)
    before, after = survey_years([table], None, load_instrument(None), False)
    assert int(before.mask.sum()) + int(after.mask.sum()) == len(frame) - 2
    cells = before.exclusions
    no_year = cells[cells["column"].eq("år")]
    assert no_year[["row", "value", "reason"]].values.tolist() == [
        [2, "20x9", "unparseable"],
        [3, "", "blank"],
    ]
    assert not after.exclusions["column"].eq("år").any()  # one file: counted once
