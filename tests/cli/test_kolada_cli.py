"""``servqual kolada FILE`` through the real entry point; every number recomputed here."""

from __future__ import annotations

import json
import statistics
from pathlib import Path

import pytest

DATA = Path(__file__).parent.parent / "data"
WIDE = DATA / "kolada_wide_sv.csv"
PAGES = [DATA / "kolada_page1.json", DATA / "kolada_page2.json"]
# Totals of the wide file, Riket (0000) left out; Borås 2020 ".." and 2022 blank.
TOTALS = {
    "Lekeberg": {2019: 68.5, 2020: 72.2, 2021: 74.1, 2022: 70.4},
    "Stockholm": {2019: 83.3, 2020: 87.0, 2021: 81.5, 2022: 79.6},
    "Örebro": {2019: 61.1, 2020: 64.8, 2021: 66.7, 2022: 75.9},
    "Borås": {2019: 79.6, 2021: 85.2},
}


@pytest.fixture
def kpi_map(tmp_path: Path) -> Path:
    path = tmp_path / "map.toml"
    path.write_text('[kpi.U07451]\ntitle = "Når en person"\nunit = "percent"\n'
                    'direction = "higher"\n')  # fmt: skip
    return path


def test_kolada_wide_file_against_all_others(cli, kpi_map: Path) -> None:
    r = cli("kolada", WIDE, "-m", "Lekeberg", "--kpi-map", kpi_map, "-f", "json")
    assert r.exit_code == 0, r.stderr
    out = json.loads(r.stdout)
    assert out["municipality"] == "1814" and out["n_average_rows"] == 4
    assert out["excluded"] == {"blank": 1, "not_available": 1}
    rows = out["positions"]
    assert [row["period"] for row in rows] == [2019, 2020, 2021, 2022]
    previous = None
    for row in rows:
        year = row["period"]
        mine = TOTALS["Lekeberg"][year]
        others = [v[year] for k, v in TOTALS.items() if k != "Lekeberg" and year in v]
        everyone = [mine, *others]
        rank = 1 + sum(o > mine for o in others)
        n = len(everyone)
        assert row["value"] == mine and row["n_municipalities"] == n
        assert row["others_mean"] == pytest.approx(statistics.mean(others))
        assert row["others_median"] == pytest.approx(statistics.median(others))
        assert row["diff"] == pytest.approx(mine - statistics.mean(others))
        assert row["rank"] == rank
        assert row["rank_third"] == ["green", "yellow", "red"][-(-3 * rank // n) - 1]
        assert row["change"] == (None if previous is None else pytest.approx(mine - previous))
        previous = mine
    assert out["kpis"] == [{"id": "U07451", "title": "Når en person", "direction": 1}]


def test_kolada_without_a_direction_does_not_rank(cli) -> None:
    r = cli("kolada", WIDE, "-m", "1814")
    assert r.exit_code == 0, r.stderr
    assert "Not ranked (direction unknown; give it in --kpi-map): U07451" in r.stdout
    assert "4 average rows" in r.stdout


def test_kolada_api_pages_with_flags_and_genders(cli, kpi_map: Path) -> None:
    r = cli("kolada", *PAGES, "-m", "1814", "--kpi-map", kpi_map, "-f", "json")
    assert r.exit_code == 0, r.stderr
    out = json.loads(r.stdout)
    assert out["status_flags"] == {"Uncertain": 1} and out["excluded"] == {"blank": 1}
    y2022 = out["positions"][1]
    assert y2022["others_mean"] == pytest.approx((79.6 + 75.9) / 2)  # Borås 2022 missing
    assert y2022["rank"] == 3 and y2022["rank_third"] == "red"
    assert y2022["change"] == pytest.approx(70.4 - 74.1)
    women = json.loads(cli("kolada", *PAGES, "-m", "1814", "--gender", "K", "-f", "json").stdout)
    assert [row["value"] for row in women["positions"]] == [76.0, 72.0]
    text = cli("kolada", *PAGES, "-m", "1814", "--lang", "sv").stdout
    assert "Värden med statusflagga: Uncertain 1" in text


@pytest.mark.parametrize(
    ("args", "code", "needle"),
    [(["-m", "9999"], 2, "not in the file"), (["-m", "1814", "--kpi", "N1"], 1, "no values"),
     (["-m", "1814", "--gender", "Q"], 2, "--gender")],
)  # fmt: skip
def test_kolada_bad_requests_are_one_line(cli, args: list[str], code: int, needle: str) -> None:
    r = cli("kolada", WIDE, *args)
    assert r.exit_code == code and r.stderr.count("\n") == 1 and needle in r.stderr
    assert "Traceback" not in r.stderr


def test_kolada_json_is_reproducible(cli, tmp_path: Path) -> None:
    a, b = tmp_path / "a.json", tmp_path / "b.json"
    assert cli("kolada", *PAGES, "-m", "1814", "-o", a).exit_code == 0
    assert cli("kolada", *PAGES, "-m", "1814", "-o", b).exit_code == 0
    assert a.read_bytes() == b.read_bytes()


@pytest.mark.parametrize(
    "text",
    ['{"values": [{"kpi": "U1", "municipality": "1814", "period": 2020,'
     ' "values": [{"gender": "T", "value": "=1+1"}]}]}',
     '{"values": [{"kpi": "U1", "period": 2020, "values": [{"value": 5}]}]}'],
)  # fmt: skip
def test_hostile_or_empty_json_is_one_line(cli, tmp_path: Path, text: str) -> None:
    path = tmp_path / "h.json"
    path.write_text(text)
    r = cli("kolada", path, "-m", "1814")
    assert r.exit_code == 1 and "no usable value" in r.stderr and r.stderr.count("\n") == 1


def test_options_may_come_before_the_file(cli) -> None:
    r = cli("kolada", "--municipality", "Lekeberg", WIDE, "-f", "json")
    assert r.exit_code == 0, r.stderr
    assert json.loads(r.stdout)["municipality"] == "1814"


def test_trend_benchmark_reads_api_json_through_the_kpi_map(cli, tmp_path: Path) -> None:
    samples = Path(__file__).parents[2] / "data" / "samples"
    page = {"values": [
        {"kpi": "X1", "municipality": m, "period": 2020,
         "values": [{"gender": "T", "count": 1, "status": "", "value": v}]}
        for m, v in (("0180", 90.0), ("1880", 70.0), ("0000", 77.0))
    ], "count": 3, "next_page": None}  # fmt: skip
    bench = tmp_path / "kolada.json"
    bench.write_text(json.dumps(page))
    kpi_map = tmp_path / "map.toml"
    kpi_map.write_text('[kpi.X1]\nname = "phone_reached"\ndirection = "higher"\n')
    r = cli("trend", samples / "servicematning_2019.xlsx", samples / "servicematning_2020.xlsx",
            "--benchmark", bench, "--kpi-map", kpi_map, "-m", "Lekeberg", "-f", "json")  # fmt: skip
    assert r.exit_code == 0, r.stderr
    b = json.loads(r.stdout)["benchmark"]
    assert b["n_average_rows"] == 1
    (row,) = b["kpis"]
    assert row["kpi"] == "phone_reached" and row["others_mean"] == pytest.approx(0.8)
    assert row["value"] == pytest.approx(43 / 54) and row["rank"] == 2
    assert row["n_municipalities"] == 3 and row["verdict"] == "same"
