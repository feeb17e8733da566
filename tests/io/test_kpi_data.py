"""Loading a KPI's rows: filter, dates, values, exclusions.

Expected values are written out by hand from the small file tests/data/kpi_cases.csv and its
config tests/data/kpi_cases.toml; the row numbers are file rows (header = row 1).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pytest

from servqual_cli.errors import ConfigError, DataError
from servqual_cli.io.kpi_config import load_kpi_config
from servqual_cli.io.kpi_data import load_all_kpi_data, load_kpi_data
from servqual_cli.io.read import read_table

DATA = Path(__file__).parents[1] / "data"


# --------------------------------------------------------------------------------------------
# load_kpi_data on tests/data/kpi_cases.csv
# --------------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def cases() -> Any:
    cfg = load_kpi_config(DATA / "kpi_cases.toml")
    return cfg, read_table(DATA / "kpi_cases.csv")


def test_duration_rows_filter_dates_and_end_before_start(cases: Any) -> None:
    cfg, table = cases
    data = load_kpi_data(cfg.kpis[0], table, cfg.path)
    assert data.n_rows == 12 and data.n_selected == 10  # e-post rows
    assert data.log.counts() == {"end_before_start": 1}
    log = data.log.to_frame()
    assert log.iloc[0][["row", "column", "value"]].tolist() == [8, "besvarad", "2024-02-01 10:00"]
    f = data.frame
    assert list(f.columns) == ["row", "group", "start", "end"]
    assert len(f) == 9 and f["end"].isna().sum() == 1  # case 8 never answered: open
    assert f["start"].iloc[0] == pd.Timestamp("2024-03-28 15:00")
    assert f["group"].tolist()[:3] == ["Bygg", "Bygg", "Miljö"]


def test_unreadable_end_is_excluded_not_open(cases: Any) -> None:
    cfg, table = cases
    data = load_kpi_data(cfg.kpis[1], table, cfg.path)
    assert data.log.counts() == {"invalid_date": 1}  # "okänt": left out, not counted as late
    assert len(data.frame) == 1


def test_value_rows_numbers_and_shares(cases: Any) -> None:
    cfg, table = cases
    wait = load_kpi_data(cfg.kpis[2], table, cfg.path)
    assert wait.log.counts() == {"blank": 1, "unparseable": 1}  # empty cell and "ca 20"
    assert sorted(wait.frame["value"]) == [5, 8, 10, 12.5, 15, 25, 30, 45, 50, 60]  # "12,5"
    happy = load_kpi_data(cfg.kpis[3], table, cfg.path)
    assert happy.log.counts() == {"blank": 1}
    assert int(happy.frame["success"].sum()) == 7  # "ja" and "Ja"
    assert list(happy.frame.columns) == ["row", "start", "success"]


def test_unknown_column_and_empty_filter_are_config_errors(cases: Any, one: Any) -> None:
    _, table = cases
    bad = load_kpi_config(DATA / "kpi_unknown_column.toml").kpis[0]
    with pytest.raises(ConfigError) as err:
        load_kpi_data(bad, table, "kpi_unknown_column.toml")
    assert "key 'start': no column 'sent_at' in kpi_cases.csv" in str(err.value)
    assert "(it has: nr, kanal" in str(err.value)
    spec = one(value_column="nöjd", success="ja", filter={"kanal": "email"})
    with pytest.raises(ConfigError, match=r"keeps no rows .*'e-post', 'telefon'"):
        load_kpi_data(spec, table, "k.toml")


def test_strict_rejects_wrong_values_but_not_blanks(cases: Any) -> None:
    cfg, table = cases
    load_kpi_data(cfg.kpis[3], table, cfg.path, strict=True)  # only a blank: fine
    with pytest.raises(DataError, match=r"row 8, column 'besvarad'.*--strict"):
        load_kpi_data(cfg.kpis[0], table, cfg.path, strict=True)


def test_duplicate_column_names_raise(tmp_path: Path, one: Any) -> None:
    path = tmp_path / "dup.csv"
    path.write_text("a,b,b\n1,2,3\n", encoding="utf-8")
    spec = one(value_column="b", statistic="median")
    with pytest.raises(DataError, match="appears 2 times"):
        load_kpi_data(spec, read_table(path), "k.toml")


def test_empty_after_exclusions_gives_an_empty_frame(tmp_path: Path, one: Any) -> None:
    path = tmp_path / "blank.csv"
    path.write_text("v,w\n,1\n,2\n", encoding="utf-8")
    data = load_kpi_data(one(value_column="v", statistic="mean"), read_table(path), "k.toml")
    assert data.frame.empty and data.log.counts() == {"blank": 2}
    assert np.issubdtype(data.frame["value"].dtype, np.floating)


def test_all_kpis_in_file_order_each_file_read_once() -> None:
    cfg = load_kpi_config(DATA / "kpi_cases.toml")
    read: list[Path] = []

    def reader(path: Path) -> Any:
        read.append(path)
        return read_table(path)

    data = load_all_kpi_data(cfg, reader)
    assert [d.spec.name for d in data] == [spec.name for spec in cfg.kpis]
    assert len(data) == 4 and read == [DATA.resolve() / "kpi_cases.csv"]


# --------------------------------------------------------------------------------------------
# columns that do not hold what the KPI needs
# --------------------------------------------------------------------------------------------
def test_mostly_unreadable_date_column_is_an_error() -> None:
    cfg = load_kpi_config(DATA / "kpi_dotted_dates.toml")
    table = read_table(DATA / "kpi_dotted_dates.csv")
    with pytest.raises(DataError) as err:
        load_kpi_data(cfg.kpis[0], table, cfg.path)
    message = str(err.value)
    assert "kpi_dotted_dates.csv, row 2, column 'besvarad': [[kpi]] 1 (" in message
    assert "key 'end': '04.03.2024 15:00' is not a readable date" in message
    assert "(2 of 3 non-blank)" in message  # the e-mail rows the filter keeps, not row 6


def test_date_rule_counts_only_the_rows_the_filter_keeps(tmp_path: Path, one: Any) -> None:
    path = tmp_path / "d.csv"
    path.write_text(
        "kanal,start,slut\ntelefon,2024-01-01,01.01.2024\ntelefon,2024-01-01,02.01.2024\n"
        "e-post,2024-01-01,2024-01-02\ne-post,2024-01-01,03.01.2024\n",
        encoding="utf-8",
    )
    spec = one(start="start", end="slut", filter={"kanal": "e-post"}, statistic="median")
    data = load_kpi_data(spec, read_table(path), "k.toml")  # 1 of 2 e-post dates: excluded
    assert data.log.counts() == {"invalid_date": 1} and len(data.frame) == 1


def test_text_value_column_for_a_median_is_an_error(cases: Any) -> None:
    cfg, table = cases
    spec = load_kpi_config(DATA / "kpi_text_value.toml").kpis[0]
    with pytest.raises(DataError) as err:
        load_kpi_data(spec, table, "kpi_text_value.toml")
    message = str(err.value)
    assert "kpi_cases.csv, column 'kanal': [[kpi]] 1 (\"Väntetid\")" in message
    assert "has no numeric values (12 non-blank cells such as 'e-post', 'telefon')" in message
    # one number among text is not this error: the text cells are excluded and counted
    wait = load_kpi_data(cfg.kpis[2], table, cfg.path)
    assert wait.log.counts()["unparseable"] == 1


def test_success_label_that_never_occurs_is_a_config_error(cases: Any, one: Any) -> None:
    _, table = cases
    spec = load_kpi_config(DATA / "kpi_unknown_success.toml").kpis[0]
    with pytest.raises(ConfigError) as err:
        load_kpi_data(spec, table, "kpi_unknown_success.toml")
    assert str(err.value) == (
        "kpi_unknown_success.toml: [[kpi]] 1 (\"Nöjda\"), key 'success': 'jaa' never occurs in "
        "column 'nöjd' of kpi_cases.csv (it has: 'ja', 'nej')"
    )
    typo = one(value_column="nöjd", success=["ja", "Nej ", "kanske"])  # one typo in a list
    with pytest.raises(ConfigError, match="'kanske' never occurs"):
        load_kpi_data(typo, table, "k.toml")
    # a label found only in rows the filter leaves out is a real 0 %, not a typo
    phone = one(value_column="nöjd", success="ja", filter={"nr": ["10", "12"]})
    assert not load_kpi_data(phone, table, "k.toml").frame["success"].any()


def test_at_most_eight_labels_are_listed(tmp_path: Path, one: Any) -> None:
    path = tmp_path / "many.csv"
    labels = [f"l{i}" for i in range(11)]
    path.write_text("v\n" + "\n".join([*labels, "l0"]) + "\n", encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        load_kpi_data(one(value_column="v", success="x"), read_table(path), "k.toml")
    assert str(err.value).endswith(
        "(it has: 'l0', 'l1', 'l2', 'l3', 'l4', 'l5', 'l6', 'l7' and 3 more)"
    )
