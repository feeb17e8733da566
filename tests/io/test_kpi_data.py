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
