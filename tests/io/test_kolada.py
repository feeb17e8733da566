"""Kolada data as it comes: API JSON pages, kolada.se wide downloads, genders, status flags."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from servqual_cli.errors import ConfigError, DataError, UsageError
from servqual_cli.io.kolada import load_kolada
from servqual_cli.io.kolada_files import kolada_json_table, widen_to_long
from servqual_cli.io.kolada_map import load_kpi_map
from servqual_cli.io.read import read_table

DATA = Path(__file__).parent.parent / "data"
PAGES = [str(DATA / "kolada_page1.json"), str(DATA / "kolada_page2.json")]


def test_two_api_pages_become_one_table_of_totals() -> None:
    k = load_kolada(kolada_json_table(PAGES), None)
    f = k.frame
    # 1814, 0180, 1880 in 2021 and 2022, 1490 in 2021 (2022 is missing): 7 values
    assert len(f) == 7 and set(f["kpi"]) == {"U07451"}
    assert k.n_average_rows == 3  # 0000 twice, G33838 once
    assert k.excluded == {"blank": 1}  # Borås 2022: value null, status Missing
    assert k.flags == {"Uncertain": 1}  # Örebro 2022 kept, flag counted
    lek = f[f["municipality_id"].eq("1814")].sort_values("period")
    assert lek["value"].tolist() == [74.1, 70.4]


def test_gender_rows_are_kept_apart() -> None:
    women = load_kolada(kolada_json_table(PAGES), None, gender="K")
    assert women.frame["value"].tolist() == [76.0, 72.0] and women.gender == "K"
    with pytest.raises(UsageError, match="--gender"):
        load_kolada(kolada_json_table(PAGES), None, gender="X")


def test_a_list_of_pages_in_one_file_equals_two_files(tmp_path: Path) -> None:
    both = [json.loads(Path(p).read_text()) for p in PAGES]
    one = tmp_path / "all.json"
    one.write_text(json.dumps(both))
    a = load_kolada(kolada_json_table([str(one)]), None).frame
    b = load_kolada(kolada_json_table(PAGES), None).frame
    assert a.equals(b)


@pytest.mark.parametrize(
    ("text", "needle"),
    [("{not json", "not valid JSON"), ('{"rows": []}', "not a Kolada data response"),
     ('{"values": [{"kpi": "U1"}]}', "'values' list"), ('{"values": []}', "holds no values"),
     ("[" * 100000 + "]" * 100000, "JSON")],
)  # fmt: skip
def test_bad_json_is_a_data_error(tmp_path: Path, text: str, needle: str) -> None:
    path = tmp_path / "bad.json"
    path.write_text(text)
    with pytest.raises(DataError, match=needle):
        load_kolada(kolada_json_table([str(path)]), None)


def test_a_wide_swedish_download_is_melted_by_year() -> None:
    table = widen_to_long(read_table(DATA / "kolada_wide_sv.csv"))
    k = load_kolada(table, None)
    f = k.frame
    assert sorted(f["period"].unique()) == [2019, 2020, 2021, 2022]
    # 4 municipalities x 4 years = 16 cells; Borås 2020 ".." and 2022 blank; Riket averaged
    assert len(f) == 14 and k.n_average_rows == 4
    assert k.excluded == {"blank": 1, "not_available": 1}
    lek = f[f["municipality"].eq("Lekeberg")].sort_values("period")["value"].tolist()
    assert lek == [68.5, 72.2, 74.1, 70.4]  # Totalt; the Kvinnor row is left out
    assert set(f["kpi_title"]) == {"Andel når en person via telefon, %"}
    women = load_kolada(table, None, gender="K").frame
    assert women["value"].tolist() == [70.0, 74.0, 76.0, 72.0]
    # The row numbers of the wide file survive the melt (Borås is file row 5).
    assert set(k.exclusions["row"]) == {5}


def test_the_kpi_map_names_an_id_as_a_contact_kpi(tmp_path: Path) -> None:
    path = tmp_path / "map.toml"
    path.write_text('[kpi.u07451]\nname = "phone_reached"\ntitle = "Når en person"\n'
                    'unit = "percent"\ndirection = "higher"\n')  # fmt: skip
    entries = load_kpi_map(str(path))
    assert entries["U07451"].direction == 1 and entries["U07451"].name == "phone_reached"
    mapping = {k: e.name for k, e in entries.items() if e.name}
    k = load_kolada(kolada_json_table(PAGES), ["phone_reached"], kpi_map=mapping)
    assert set(k.frame["kpi"]) == {"phone_reached"}
    with pytest.raises(DataError, match="no row holds a known KPI"):
        load_kolada(kolada_json_table(PAGES), ["phone_reached"])


@pytest.mark.parametrize(
    ("text", "needle"),
    [('[kpi.U1]\nunit = "furlongs"\n', "unit"), ('[kpi.U1]\ndirection = "up"\n', "direction"),
     ('[kpi.U1]\ncolour = "red"\n', "unknown key"), ("[kpi\n", "not valid TOML"),
     ('[other]\n', "unknown key")],
)  # fmt: skip
def test_a_bad_kpi_map_names_the_key(tmp_path: Path, text: str, needle: str) -> None:
    path = tmp_path / "map.toml"
    path.write_text(text)
    with pytest.raises(ConfigError, match=needle):
        load_kpi_map(str(path))


def test_the_shipped_map_holds_only_sourced_ids() -> None:
    """Nothing could be sourced when it was written: the sample ids are invented."""
    assert "U07451" not in load_kpi_map()


def test_a_spreadsheet_with_numeric_year_headers_and_ids(tmp_path: Path) -> None:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["Nyckeltal", "Kommun-ID", "Kommun", "Kön", 2021, 2022])
    ws.append(["U1", "1814", "Lekeberg", "Totalt", 74.1, 70.4])
    ws.append(["U1", 180, "Stockholm", "Totalt", 81.5, 79.6])  # Excel made 0180 a number
    wb.save(tmp_path / "k.xlsx")
    f = load_kolada(widen_to_long(read_table(tmp_path / "k.xlsx")), None).frame
    assert sorted(f["period"].unique()) == [2021, 2022]
    assert set(f["municipality_id"]) == {"1814", "0180"}
