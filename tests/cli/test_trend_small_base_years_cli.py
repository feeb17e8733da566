"""A small base in one year only, everywhere a trend is shown (w-trend2, session 17; session
15's rule, f-trend's change-table mark of session 16).

Before: the report's overview marked a contact KPI by its latest year's n only, so a change
whose earlier year rested on 19 calls read as sound ("79,6 % (2020)"); the SERVQUAL survey
trend and the series over three or more years had no mark at all (a dimension on 12 answers
in 2025 read like one on 400). Now the overview names the small year ("litet underlag 2019,
n = 19"), and the survey trend and the series carry ``small_base`` (JSON/CSV) and the overview's
words with a note (terminal, Markdown), decided in core. The counts are taken from the raw
sheets with pandas, not the package's reader. Inputs: tests/data/trend_small_base_gen.py.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

DATA = Path(__file__).parents[1] / "data"
SAMPLES = Path(__file__).parents[2] / "data" / "samples"
K24, K25 = SAMPLES / "karlstad_servqual.xlsx", DATA / "survey_trend_small_2025.csv"
SMALL19 = DATA / "servicematning_small_2019.csv"
YEARS = [SAMPLES / f"servicematning_{y}.xlsx" for y in (2019, 2020, 2021, 2022)]
WORDS = {
    "sv": {"head": "Underlag", "mark": "litet underlag", "n_before": "n före",
           "n_after": "n efter", "year": "År",
           "survey_note": "”Litet underlag”: n före eller n efter är färre än 30 svar",
           "values_note": "”Litet underlag”: årets värde bygger på färre än 36 kontakter",
           "trend_note": "”Litet underlag” med årtal: trenden vilar på alla år",
           "rule": "bedömningen följer testet och intervallet"},
    "en": {"head": "Base", "mark": "small base", "n_before": "n before", "n_after": "n after",
           "year": "Year",
           "survey_note": "“Small base”: n before or n after is fewer than 30 answers",
           "values_note": "“Small base”: the year's value rests on fewer than 36 contacts",
           "trend_note": "“Small base” with years: the trend rests on every year",
           "rule": "the verdict follows the test and the interval"},
}  # fmt: skip


def _flat(text: str) -> str:
    return " ".join(text.split())


def _tables(markdown: str) -> list[list[list[str]]]:
    """Every Markdown table as rows of cells, the header first (the separator dropped)."""
    tables: list[list[list[str]]] = []
    current: list[list[str]] = []
    for line in [*markdown.splitlines(), ""]:
        if line.startswith("|"):
            current.append([c.strip() for c in line.strip().strip("|").split("|")])
        elif current:
            tables.append([current[0], *current[2:]])
            current = []
    return tables


def _table_with(markdown: str, *heads: str) -> list[list[str]]:
    [table] = [t for t in _tables(markdown) if all(h in t[0] for h in heads)]
    return table


def _raw_counts() -> None:
    """Independent counts: the survey has 400 answers in 2024 and 12 in 2025; the small 2019
    contact file has 20 calls (19 with a valid reached value) against 54 in 2020; the queue
    times of 2019-2022 count 45, 43, 38 and 35 calls."""
    assert len(pd.read_excel(K24, engine="openpyxl", skiprows=2)) == 400
    assert len(pd.read_csv(K25, sep=";")) == 12
    small = pd.read_csv(SMALL19, sep=";")
    full = pd.read_excel(YEARS[1], engine="openpyxl")
    assert (small["kanal"] == "telefon").sum() == 20
    assert small.loc[small["kanal"] == "telefon", "nådd"].isin(["ja", "nej"]).sum() == 19
    assert (full["kanal"] == "telefon").sum() == 54
    waits = [pd.read_excel(p, engine="openpyxl")["väntetid_s"].notna().sum() for p in YEARS]
    assert waits == [45, 43, 38, 35]


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_survey_trend_marks_a_small_year(cli: Any, lang: str) -> None:
    """Every dimension rests on 12 answers in 2025: each row is marked beside its n and the
    note says what the mark means (terminal and Markdown)."""
    w = WORDS[lang]
    r = cli("trend", K24, K25, "--lang", lang)
    assert r.exit_code == 0, r.stderr
    text = _flat(r.stdout)
    assert w["head"] in r.stdout and r.stdout.count(w["mark"]) == 6
    assert w["survey_note"] in text and w["rule"] in text
    md = cli("trend", K24, K25, "--lang", lang, "-f", "markdown")
    assert md.exit_code == 0, md.stderr
    table = _table_with(md.stdout, w["head"])
    col, n_before, n_after = (table[0].index(h) for h in (w["head"], w["n_before"], w["n_after"]))
    assert len(table) == 7 and all(row[col] == w["mark"] for row in table[1:])
    assert all(min(int(row[n_before]), int(row[n_after])) < 30 for row in table[1:])
    assert w["survey_note"] in _flat(md.stdout)


def test_survey_trend_json_csv_and_min_n(cli: Any) -> None:
    r = cli("trend", K24, K25, "-f", "json")
    assert r.exit_code == 0, r.stderr
    d = json.loads(r.stdout)
    assert d["min_n"] == 30
    assert [(c["n_after"], c["small_base"], c["min_n"]) for c in d["dimensions"]] == [
        (12, True, 30)
    ] * 6
    out = cli("trend", K24, K25, "-f", "csv")
    rows = list(csv.DictReader(io.StringIO(out.stdout)))
    assert [row["small_base"] for row in rows] == ["True"] * 6
    # at --min-n 12 nothing is under it: no column, no note, every flag false
    low = cli("trend", K24, K25, "--min-n", "12", "-f", "markdown", "--lang", "en")
    assert "Base" not in low.stdout and "Small base" not in low.stdout
    flags = json.loads(cli("trend", K24, K25, "--min-n", "12", "-f", "json").stdout)
    assert {c["small_base"] for c in flags["dimensions"]} == {False}
    # weighted: judged on Kish's effective n, as the table shows it (w-left, session 17;
    # tests/cli/test_trend_weighted_small_base_cli.py)
    weighted = json.loads(cli("trend", K24, K25, "--weight-column", "Vikt", "-f", "json").stdout)
    assert weighted["min_n"] == 30
    assert all(c["small_base"] == (min(c["n_eff_before"], c["n_eff_after"]) < 30)
               for c in weighted["dimensions"])  # fmt: skip
    assert {c["small_base"] for c in weighted["dimensions"]} == {True}
    md = cli("trend", K24, K25, "--weight-column", "Vikt", "--lang", "sv", "-f", "markdown")
    table = _table_with(md.stdout, "Underlag")
    assert [row[table[0].index("Underlag")] for row in table[1:]] == ["litet underlag"] * 6
    assert "”Litet underlag”: effektivt n (Kish) före eller efter är under 30" in _flat(md.stdout)


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_series_marks_the_small_year_and_the_trends_on_it(cli: Any, lang: str) -> None:
    """--min-n 36: only 2022's 35 calls are under it (queue time, courtesy by phone): those
    year rows are marked, and each trend over them names 2022."""
    w = WORDS[lang]
    r = cli("trend", *YEARS, "--lang", lang, "--min-n", "36", "-f", "markdown")
    assert r.exit_code == 0, r.stderr
    values = _table_with(r.stdout, w["year"], "n")
    col, year, n = (values[0].index(h) for h in (w["head"], w["year"], "n"))
    marked = [(row[year], int(row[n])) for row in values[1:] if row[col] == w["mark"]]
    assert marked and all(y == "2022" and k == 35 for y, k in marked)
    assert all(int(row[n]) >= 36 for row in values[1:] if row[col] != w["mark"])
    [trend] = [t for t in _tables(r.stdout) if w["head"] in t[0] and "2019–2022 (4)" in t[1]]
    cells = [row[trend[0].index(w["head"])] for row in trend[1:]]
    assert cells.count(f"{w['mark']} 2022") == len(marked) and set(cells) == {
        "",
        f"{w['mark']} 2022",
    }
    text = _flat(r.stdout)
    assert w["values_note"] in text and w["trend_note"] in text
    terminal = cli("trend", *YEARS, "--lang", lang, "--min-n", "36")
    assert w["values_note"] in _flat(terminal.stdout)


def test_series_json_and_csv(cli: Any) -> None:
    d = json.loads(cli("trend", *YEARS, "--min-n", "36", "-f", "json").stdout)["series"]
    assert d["min_n"] == 36
    assert all(v["small_base"] == (v["n"] < 36) and v["min_n"] == 36 for v in d["values"])
    small = {(v["kpi"], v["channel"]) for v in d["values"] if v["small_base"]}
    assert ("phone_wait_seconds_median", "phone") in small
    for t in d["trends"]:
        assert t["small_base"] == ((t["kpi"], t["channel"]) in small)
        assert t["small_years"] == ("2022" if t["small_base"] else "")
    out = cli("trend", *YEARS, "--min-n", "36", "-f", "csv")
    rows = [r for r in csv.DictReader(io.StringIO(out.stdout)) if r["table"] == "series_trend"]
    assert {r["small_years"] for r in rows} == {"", "2022"}


def _report(cli: Any, tmp_path: Path, lang: str, years: dict[str, Path], min_n: int = 30) -> str:
    config = tmp_path / "r.toml"
    rows = "".join(f'{y} = "{p.as_posix()}"\n' for y, p in years.items())
    config.write_text(
        f'title = "Service"\nperiod = "2020"\nlanguage = "{lang}"\nmin_n = {min_n}\n\n'
        f'[contacts]\nmunicipality = "Lekeberg"\n\n[contacts.years]\n{rows}',
        encoding="utf-8",
    )
    r = cli("report", config, "-o", tmp_path / "out")
    assert r.exit_code == 0, r.stderr
    return (tmp_path / "out" / "report.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_overview_marks_a_change_small_in_its_earlier_year(
    cli: Any, tmp_path: Path, lang: str
) -> None:
    """19 valid calls in 2019, 54 in 2020: the overview's phone row names the small year, its
    paragraph too, and the note says why; the web page's card says it as well."""
    _raw_counts()
    # the Markdown binds "n = 19" with no-break spaces (report/typeset.py)
    md = _report(cli, tmp_path, lang, {"2019": SMALL19, "2020": YEARS[1]}).replace("\xa0", " ")
    name = "Telefon: når en person" if lang == "sv" else "Phone: reached a person"
    [row] = [line for line in md.splitlines() if line.startswith(f"| {name} |")][:1]
    mark = f"{WORDS[lang]['mark']} 2019, n = 19"
    assert mark in row and "| 54 |" in row
    assert f"{name} (2019: n = 19)" in md
    note = ("En förändring vilar på båda åren: har det tidigare året färre än 30"
            if lang == "sv" else
            "A change rests on both years: when the earlier year has fewer than 30")  # fmt: skip
    assert note in md
    html = (tmp_path / "out" / "report.html").read_text(encoding="utf-8").replace("\xa0", " ")
    assert mark in html and note in html
    # e-mail rests on 54 and 53: no mark
    other = "E-post: svar på frågan" if lang == "sv" else "E-mail: question answered"
    [mail] = [line for line in md.splitlines() if line.startswith(f"| {other} |")][:1]
    assert WORDS[lang]["mark"] not in mail


def test_changed_kpis_summary_marks_a_small_change(cli: Any, tmp_path: Path) -> None:
    """min_n 54: e-mail within 2 working days changed (better) on 54 → 53 e-mails; the
    summary's table of changes marks it as the change table below does."""
    md = _report(cli, tmp_path, "sv", {"2019": YEARS[0], "2020": YEARS[1]}, min_n=54)
    [table] = [t for t in _tables(md) if t[0][0] == "Nyckeltal" and "Underlag" in t[0]
               and "n före" not in t[0]]  # fmt: skip
    col = table[0].index("Underlag")
    [row] = [r for r in table[1:] if r[0] == "E-post: svar inom 2 arbetsdagar"]
    assert row[col] == "litet underlag"
    assert "n före eller n efter är färre än 54 kontakter" in md


def test_report_series_marks_the_small_year_at_the_reports_min_n(cli: Any, tmp_path: Path) -> None:
    """A report over 2019-2022 with min_n 36: its series tables mark 2022's 35 calls, as
    trend --min-n 36 does."""
    years = {str(2019 + i): path for i, path in enumerate(YEARS)}
    md = _report(cli, tmp_path, "en", years, 36)
    values = _table_with(md, "Year", "n", "Base")
    col, year = values[0].index("Base"), values[0].index("Year")
    assert {row[year] for row in values[1:] if row[col] == "small base"} == {"2022"}
    [trend] = [t for t in _tables(md) if "Base" in t[0] and "2019–2022 (4)" in t[1]]
    cells = [row[trend[0].index("Base")] for row in trend[1:]]
    assert "small base 2022" in cells
    text = _flat(md)
    assert "“Small base” with years: the trend rests on every year" in text
    assert WORDS["en"]["values_note"] in text
