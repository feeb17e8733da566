"""A report whose [contacts.years] has four years shows the series and its trend tests."""

from __future__ import annotations

from pathlib import Path

SAMPLES = Path(__file__).parents[2] / "data" / "samples"


def test_four_contact_years_give_the_series_in_the_report(tmp_path: Path, cli) -> None:
    years = "\n".join(f'{y} = "{SAMPLES / f"servicematning_{y}.xlsx"}"' for y in range(2019, 2023))
    bench = tmp_path / "kolada.csv"
    bench.write_text("kpi,kpi_name,municipality_id,municipality,period,gender,value\n"
                     "U1,phone_reached,0180,Stockholm,2021,T,80\n"
                     "U1,phone_reached,0180,Stockholm,2022,T,70\n"
                     "U1,phone_reached,1880,Örebro,2022,T,74\n", encoding="utf-8")  # fmt: skip
    config = tmp_path / "r.toml"
    config.write_text('title = "Serie"\norganisation = "Lekebergs kommun"\nperiod = "2022"\n'
                      f'language = "sv"\n\n[contacts]\nmunicipality = "Lekeberg"\n'
                      f'benchmark = "{bench}"\n\n'
                      f"[contacts.years]\n{years}\n", encoding="utf-8")  # fmt: skip
    r = cli("report", config, "-o", tmp_path / "out")
    assert r.exit_code == 0, r.stderr
    text = (tmp_path / "out" / "report.md").read_text(encoding="utf-8")
    assert "Nyckeltal per år" in text and "Trend över alla år" in text
    assert "Cochran-Armitage" in text
    # The others' mean of 2021 (80) and 2022 (72) beside this municipality's value.
    series = text[text.index("Nyckeltal per år") : text.index("Trend över alla år")]
    assert "| 80.0 |" in series.replace(",", ".") and "| 72.0 |" in series.replace(",", ".")
    # The overview still compares the last pair.
    assert "2021 → 2022" in text
    # A line chart per main KPI, with the yearly intervals.
    figures = {p.name for p in (tmp_path / "out" / "figures").iterdir()}
    assert "series_phone_reached_phone.png" in figures
    assert "series_phone_reached_phone.png" in text
