"""Review 12c, finding 5: ``servqual kpi``'s own table did not mark the small base the report's
overview marks. A reader of the table saw "ej uppfyllt 13,8 % [5,5; 30,6]" with no hint that it
rests on 29 cases, while the overview said "litet underlag, n = 29".

Now the core decides once (``KpiResult.small_base``: n below ``min_n``) and every output of the
command says it: the table's "Underlag" column in the overview's words ("litet underlag" /
"small base") with a note under the table, JSON's ``small_base`` beside n and ``min_n``, and a
``small_base`` column in the CSV. The counts are taken from the raw CSV with pandas, not the
package's code.
"""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

DATA = Path(__file__).parents[1] / "data"
KPI = DATA / "kpi_small_base.toml"
SRC = str(Path(__file__).parents[2] / "src")
WORDS = {
    "sv": {"head": "Underlag", "mark": "litet underlag", "verdict": "ej uppfyllt",
           "note": "”Litet underlag”: värdet bygger på färre än 30 ärenden",
           "rule": "bedömningen följer värdets konfidensintervall"},
    "en": {"head": "Base", "mark": "small base", "verdict": "not met",
           "note": "“Small base”: the value rests on fewer than 30 cases",
           "rule": "the verdict follows the value's confidence interval"},
}  # fmt: skip


def _run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    env = {"PYTHONPATH": SRC, "COLUMNS": "220", "PATH": "/usr/bin:/bin"}
    return subprocess.run([sys.executable, "-m", "servqual_cli", *map(str, args)],
                          capture_output=True, text=True, env=env, check=False)  # fmt: skip


def _flat(text: str) -> str:
    return " ".join(text.split())


def _n_2025() -> int:
    """The cases of the latest year, counted from the raw file."""
    raw = pd.read_csv(DATA / "kpi_small_base.csv", sep=";")
    return int(pd.to_datetime(raw["inkommen"]).dt.year.eq(2025).sum())


def test_the_latest_year_is_below_min_n() -> None:
    assert _n_2025() == 29  # the config's min_n is 30
    assert "min_n = 30" in KPI.read_text(encoding="utf-8")


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_terminal_table_marks_the_small_base_and_says_what_it_means(lang: str) -> None:
    words = WORDS[lang]
    out = _run("kpi", KPI, "--lang", lang)
    assert out.returncode == 0, out.stderr
    row = next(line for line in out.stdout.splitlines() if "Beröm besvaras" in line)
    assert words["mark"] in row and words["verdict"] in row  # the mark on the verdict's row
    head = next(line for line in out.stdout.splitlines() if f" {words['head']} " in line)
    assert head.index(words["head"]) == row.index(words["mark"])  # in the "Underlag" column
    text = _flat(out.stdout)
    assert words["note"] in text and words["rule"] in text


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_markdown_row_has_the_mark_beside_n(lang: str) -> None:
    words = WORDS[lang]
    out = _run("kpi", KPI, "--lang", lang, "--format", "markdown")
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    header = next(line for line in lines if line.startswith("| ") and "| n |" in line)
    row = next(line for line in lines if line.startswith("| Beröm besvaras"))
    cells = dict(zip(header.split("|"), row.split("|"), strict=True))
    assert cells[" n "].strip() == str(_n_2025())
    assert cells[f" {words['head']} "].strip() == words["mark"]
    assert words["verdict"] in row
    assert words["note"] in _flat(out.stdout)


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_json_and_csv_carry_the_flag(lang: str) -> None:
    out = _run("kpi", KPI, "--lang", lang, "--format", "json")
    assert out.returncode == 0, out.stderr
    (kpi,) = json.loads(out.stdout)["kpis"]
    assert (kpi["n"], kpi["min_n"], kpi["small_base"]) == (_n_2025(), 30, True)
    out = _run("kpi", KPI, "--lang", lang, "--format", "csv")
    assert out.returncode == 0, out.stderr
    (row,) = [r for r in csv.DictReader(io.StringIO(out.stdout)) if r["level"] == "overall"]
    assert (row["n"], row["min_n"], row["small_base"]) == ("29", "30", "True")


def test_no_mark_and_no_column_at_min_n(tmp_path: Path) -> None:
    """With min_n 29 the same 29 cases are no small base: no column, no note, false in JSON."""
    text = KPI.read_text(encoding="utf-8").replace("min_n = 30", "min_n = 29")
    config = tmp_path / "k.toml"
    config.write_text(text.replace('"kpi_small_base.csv"', f'"{DATA / "kpi_small_base.csv"}"'),
                      encoding="utf-8")  # fmt: skip
    out = _run("kpi", config, "--lang", "sv", "--format", "markdown")
    assert out.returncode == 0, out.stderr
    assert "Underlag" not in out.stdout and "litet underlag" not in out.stdout.lower()
    out = _run("kpi", config, "--format", "json")
    assert json.loads(out.stdout)["kpis"][0]["small_base"] is False


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_report_changed_kpis_table_marks_the_small_base(lang: str, tmp_path: Path) -> None:
    """The report's table of changed KPIs shows the value too (24 of 29 in 2024, 4 of 29 in
    2025, told from chance): it marks the small base as the KPI table below it does."""
    raw = pd.read_csv(DATA / "kpi_small_change.csv", sep=";")
    year = pd.to_datetime(raw["inkommen"]).dt.year
    assert raw[year.eq(2025)]["svar"].eq("ja").agg(["sum", "size"]).tolist() == [4, 29]
    config = tmp_path / "r.toml"
    config.write_text(f'title = "T"\nlanguage = "{lang}"\ndate = "2026-01-20"\nmin_n = 30\n'
                      f'[service]\nkpi = "{DATA / "kpi_small_change.toml"}"\n',
                      encoding="utf-8")  # fmt: skip
    out = _run("report", config, "-o", tmp_path / "rep")
    assert out.returncode == 0, out.stderr
    md = (tmp_path / "rep" / "report.md").read_text(encoding="utf-8")
    words = WORDS[lang]
    tables = md.split("\n#")
    changed = next(t for t in tables if "| 2024 → 2025 |" in t)  # the changed-KPIs table
    row = next(line for line in changed.splitlines() if line.startswith("| Beröm besvaras"))
    assert f"| {words['mark']} |" in row
    # the note says which value is small and that the direction follows the change's test
    note = {"sv": "”Litet underlag”: värdet Efter bygger på färre än 30 ärenden",
            "en": "“Small base”: the After value rests on fewer than 30 cases"}[lang]  # fmt: skip
    assert note in _flat(changed)


def test_report_marks_at_the_reports_min_n_as_its_overview(tmp_path: Path) -> None:
    """A KPI config's min_n 20 judges the groups; the report's overview marks every row below
    the report's min_n 30. The report's KPI table marks the 29 cases as the overview does."""
    text = KPI.read_text(encoding="utf-8").replace("min_n = 30", "min_n = 20")
    kpi = tmp_path / "k.toml"
    kpi.write_text(text.replace('"kpi_small_base.csv"', f'"{DATA / "kpi_small_base.csv"}"'),
                   encoding="utf-8")  # fmt: skip
    config = tmp_path / "r.toml"
    config.write_text('title = "T"\nlanguage = "sv"\ndate = "2026-01-20"\nmin_n = 30\n'
                      f'[service]\nkpi = "{kpi}"\n', encoding="utf-8")  # fmt: skip
    out = _run("report", config, "-o", tmp_path / "rep")
    assert out.returncode == 0, out.stderr
    md = (tmp_path / "rep" / "report.md").read_text(encoding="utf-8")
    rows = [line for line in md.splitlines() if line.startswith("| Beröm besvaras")]
    overview, table = rows[0], rows[-1]
    assert "litet underlag, n = 29" in overview
    assert "| 29 | litet underlag |" in table
    assert "färre än 30 ärenden" in _flat(md)
