"""k-kpi leftovers 3 and 4.

3. The "reached" column and its "no" answer of a waiting-time KPI were hard-coded ("nådd",
   "nej"); now the KPI's ``unreached`` key, with that default, validated.
4. Review 4 finding 9 rest: a KPI without a ``start`` column showed period "–" and "no date
   column: all rows of the file" for a file whose column år says 2020 (the report's card said
   "(2020)"); the period now comes from the year column, named in the note, the same in the
   table, JSON and report, and an ``--as-of`` before that year is exit 1.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from statsmodels.stats.proportion import proportion_confint

from servqual_cli.report.config import load_config

SAMPLES = Path(__file__).parents[2] / "data" / "samples"

CALLS = (
    "nr;år;kom fram;väntetid;svar\n"
    "1;2019;ja;30;ja\n2;2019;ja;50;nej\n3;2019;nej;;ja\n4;2019;ja;70;ja\n"
    "5;2020;ja;20;ja\n6;2020;nej;;nej\n7;2020;nej;;ja\n8;2020;ja;40;ja\n9;2020;ja;;ja\n"
    "10;2020;ja;60;nej\n11;2020;ja;80;ja\n"
)


def _config(tmp_path: Path, extra: str = "", statistic: str = "median",
            column: str = "väntetid") -> Path:  # fmt: skip
    (tmp_path / "calls.csv").write_text(CALLS, encoding="utf-8")
    success = '\nsuccess = "ja"' if statistic == "share" else ""
    path = tmp_path / "k.toml"
    path.write_text(
        f'[[kpi]]\nname = "Väntetid"\naspect = "väntetid"\ndata = "calls.csv"\n'
        f'value_column = "{column}"\nstatistic = "{statistic}"{success}\n{extra}\n',
        encoding="utf-8",
    )
    return path


def _kpi(cli: Any, config: Path, *args: str) -> dict[str, Any]:
    r = cli("kpi", config, "-f", "json", *args)
    assert r.exit_code == 0, r.stderr
    kpi: dict[str, Any] = json.loads(r.stdout)["kpis"][0]
    return kpi


def _one_line(r: Any, code: int, *parts: str) -> None:
    assert r.exit_code == code and "Traceback" not in r.stderr, r.stderr
    assert len(r.stderr.strip().splitlines()) == 1
    for part in parts:
        assert part in r.stderr, (part, r.stderr)


# --- 3: the unreached rule is the KPI's ---------------------------------------------------


def test_the_unreached_column_is_configurable(cli, tmp_path: Path) -> None:
    """The file's own words: "kom fram" = "nej". Hard-coded "nådd" counted these as blank."""
    kpi = _kpi(
        cli, _config(tmp_path, 'unreached = { "kom fram" = "nej" }'), "--as-of", "2019-12-31"
    )
    # rows 3, 6 and 7 reached no one; row 9 reached someone and its time is missing (the
    # exclusions are counted over the file, as for every KPI; the value is 2019's)
    assert kpi["excluded"] == {"unreached": 3, "blank": 1} and kpi["n"] == 3
    assert kpi["unreached"] == {"kom fram": ["nej"]}
    r = cli("kpi", _config(tmp_path, 'unreached = { "kom fram" = ["nej", "upptaget"] }'),
            "--lang", "sv", "--as-of", "2019-12-31")  # fmt: skip
    flat = " ".join(r.stdout.split())
    assert "median över de 3 samtal som nådde en person; 3 samtal nådde ingen" in flat


def test_without_the_key_the_default_is_today_s(cli, tmp_path: Path) -> None:
    kpi = _kpi(cli, _config(tmp_path))  # no "nådd" column: nothing is unreached
    assert kpi["excluded"] == {"blank": 4} and kpi["unreached"] == {"nådd": ["nej"]}
    kpi = _kpi(cli, _config(tmp_path, "unreached = false"))
    assert kpi["excluded"] == {"blank": 4} and kpi["unreached"] is None
    sample = json.loads(cli("kpi", SAMPLES / "kpi.toml", "-f", "json").stdout)["kpis"]
    (wait,) = [k for k in sample if k["name"] == "Väntetid i telefon (median)"]
    assert wait["excluded"] == {"unreached": 11} and wait["n"] == 43


@pytest.mark.parametrize(
    ("extra", "statistic", "code", "message"),
    [
        ('unreached = { "nådd" = "nej" }', "median", 2,
         "key 'unreached': no column 'nådd' in calls.csv (it has: nr, år, kom fram"),
        ('unreached = "nej"', "median", 2,
         "key 'unreached': must be an inline table such as { \"nådd\" = \"nej\" }"),
        ('unreached = { "kom fram" = "nej", "svar" = "nej" }', "median", 2,
         "key 'unreached': must be an inline table"),
        ('unreached = { "kom fram" = "" }', "median", 2,
         "key 'unreached': the answer of 'kom fram' cannot be blank"),
        ('unreached = { "kom fram" = "nej" }', "share", 2,
         "key 'unreached': only for a value_column of numbers (statistic median, mean or p90)"),
    ],
)  # fmt: skip
def test_a_bad_unreached_is_one_line(
    cli, tmp_path: Path, extra: str, statistic: str, code: int, message: str
) -> None:
    column = "svar" if statistic == "share" else "väntetid"
    r = cli("kpi", _config(tmp_path, extra, statistic, column))
    _one_line(r, code, "k.toml", '[[kpi]] 1 ("Väntetid")', message)


# --- 4: the period from a year column -------------------------------------------------------


def test_the_sample_s_undated_kpis_take_their_year(cli) -> None:
    kpis = json.loads(cli("kpi", SAMPLES / "kpi.toml", "-f", "json").stdout)["kpis"]
    undated = [k for k in kpis if k["data"] == "servicematning_2020.xlsx" and k["limit"] is None]
    assert len(undated) == 4
    assert {(k["period"], k["year_column"]) for k in undated} == {("2020", "år")}
    for lang, note in (
        ("en", "no start column in the KPI configuration: all rows of the file (år 2020)"),
        ("sv", "ingen kolumn start i nyckeltalsfilen: alla rader i filen (år 2020)"),
    ):
        flat = " ".join(cli("kpi", SAMPLES / "kpi.toml", "--lang", lang).stdout.split())
        assert flat.count(note) == 4
        assert "no date column" not in flat and "ingen datumkolumn" not in flat


def test_several_years_judge_the_latest(cli, tmp_path: Path) -> None:
    """Like a dated KPI: value and verdict of 2020, the change from 2019, the pooled value."""
    config = _config(tmp_path, "target = 0.5", "share", "svar")
    kpi = _kpi(cli, config)
    # 2020: 5 of 7 answers "ja"; independent Wilson interval (statsmodels)
    low, high = proportion_confint(5, 7, alpha=0.05, method="wilson")
    assert (kpi["period"], kpi["n"], kpi["year_column"]) == ("2020", 7, "år")
    assert kpi["value"] == pytest.approx(5 / 7) and kpi["verdict"] == "cannot tell"
    assert (kpi["ci_low"], kpi["ci_high"]) == pytest.approx((low, high), rel=1e-9)
    assert kpi["change"]["previous_period"] == "2019" and kpi["change"]["previous_value"] == 0.75
    assert kpi["pooled"]["periods"] == ["2019", "2020"] and kpi["pooled"]["n"] == 11
    flat = " ".join(cli("kpi", config).stdout.split())
    assert "the periods are the file's column år (2019–2020)" in flat
    # --as-of within 2019: the 2020 rows are left out and said to be
    kpi = _kpi(cli, config, "--as-of", "2019-06-30")
    assert (kpi["period"], kpi["n"], kpi["n_after_as_of"], kpi["pooled"]) == ("2019", 4, 7, None)
    flat = " ".join(cli("kpi", config, "--as-of", "2019-06-30").stdout.split())
    assert "the periods are the file's column år (2019); 7 rows from years after 2019 are " in flat


def test_as_of_before_the_year_is_exit_1(cli, tmp_path: Path) -> None:
    r = cli("kpi", _config(tmp_path, "target = 0.5", "share", "svar"), "--as-of", "2018-12-31")
    _one_line(r, 1, "calls.csv, column 'år': no row of the KPI 'Väntetid' is from 2018 or before "
              "(the first is from 2019): the as-of date 2018-12-31 precedes the data")  # fmt: skip


def test_a_declared_period_wins_and_an_odd_year_is_counted(cli, tmp_path: Path) -> None:
    kpi = _kpi(cli, _config(tmp_path, 'period = "2019-2020"'))
    assert (kpi["period"], kpi["year_column"]) == ("2019–2020", None)
    # Review 5: one odd year used to turn the column off without a word; now its row is left
    # out and counted, and the column still gives the period.
    (tmp_path / "odd.csv").write_text("år;väntetid\n2020;30\n20;40\n", encoding="utf-8")
    config = _config(tmp_path)
    config.write_text(config.read_text("utf-8").replace("calls.csv", "odd.csv"), "utf-8")
    kpi = _kpi(cli, config)
    assert (kpi["period"], kpi["year_column"]) == ("2020", "år")
    assert kpi["excluded"] == {"unparseable": 1} and kpi["n"] == 1
    # no year in the column at all: the wrong column, exit 1 naming it
    (tmp_path / "odd.csv").write_text("år;väntetid\n1;30\n20;40\n", encoding="utf-8")
    _one_line(
        cli("kpi", config), 1, "odd.csv, row 2, column 'år': no value in this column is a year"
    )


def test_the_report_says_the_same_period(tmp_path: Path) -> None:
    """servqual report: table, note and overview card carry the year of the column år."""
    from dataclasses import replace

    from servqual_cli.report.build import build_report
    from servqual_cli.report.markdown import render_document

    config = replace(load_config(SAMPLES / "report_lekeberg.toml"), sections=["service"])
    md = " ".join(render_document(build_report(config)).split())
    assert md.count("ingen kolumn start i nyckeltalsfilen: alla rader i filen (år 2020)") == 4
    assert "| Telefon: når en person | 2020 | 54 |" in md


def _dated_value_kpi(tmp_path: Path, data_dir: Path) -> Path:
    path = tmp_path / "v.toml"
    path.write_text(
        '[[kpi]]\nname = "Väntetid"\naspect = "nåbarhet"\n'
        f"data = {json.dumps((data_dir / 'kpi_cases.csv').as_posix())}\n"
        'value_column = "väntetid"\nstatistic = "median"\nstart = "skickad"\n',
        encoding="utf-8",
    )
    return path


def test_a_dated_value_kpi_is_judged_as_of_its_date(cli, tmp_path: Path, data_dir: Path) -> None:
    """Review 4 finding 9 for value KPIs with a start column: --as-of was ignored (2024's rows
    judged "as of" 2020, exit 0). Reference: pandas on the CSV, rows started by 2024-05-01."""
    import pandas as pd

    raw = pd.read_csv(data_dir / "kpi_cases.csv", sep=";", dtype=str)
    start = pd.to_datetime(raw["skickad"])
    value = pd.to_numeric(raw["väntetid"].str.replace(",", "."), errors="coerce")
    mine = value[(start < "2024-05-02") & (start.dt.year == 2024)].dropna()
    config = _dated_value_kpi(tmp_path, data_dir)
    kpi = _kpi(cli, config, "--as-of", "2024-05-01")
    assert (kpi["period"], kpi["n"], kpi["value"]) == ("2024", len(mine), mine.median())
    later = int(((start >= "2024-05-02") & value.notna()).sum())
    assert kpi["n_after_as_of"] == later == 3
    flat = " ".join(cli("kpi", config, "--as-of", "2024-05-01").stdout.split())
    assert "3 rows starting after the as-of date are not counted" in flat
    r = cli("kpi", config, "--as-of", "2020-01-01")
    _one_line(r, 1, "kpi_cases.csv, column 'skickad': no case of the KPI 'Väntetid' starts on or "
              "before the as-of date 2020-01-01 (the first starts 2023-11-06)")  # fmt: skip
