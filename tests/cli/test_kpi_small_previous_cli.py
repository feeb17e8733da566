"""``servqual kpi`` marks a change whose earlier period is the small base (session 18, a-small).

Before: the KPI table's "Underlag" column looked at the latest period's n only, so a change from
12 cases in 2024 to 45 in 2025 (91,7 % → 40,0 %, "p 0,002") carried no mark, while a change rests
on both periods (core.small_samples.small_base: either year) and the report's overview names
such a year ("litet underlag 2019, n = 6"). Now the row says "litet underlag 2024, n = 12" with
the overview's note on a change's earlier year. The counts are taken from the raw file with
pandas, not the package's reader. Input: tests/data/kpi_small_previous.toml (min_n 30).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

DATA = Path(__file__).parents[1] / "data"
KPI = DATA / "kpi_small_previous.toml"
SRC = str(Path(__file__).parents[2] / "src")
WORDS = {
    "sv": {"head": "Underlag", "mark": "litet underlag 2024, n = {n}",
           "note": "En förändring vilar på båda åren: har det tidigare året färre än 30 står det "
                   "året och dess n i markeringen"},
    "en": {"head": "Base", "mark": "small base 2024, n = {n}",
           "note": "A change rests on both years: when the earlier year has fewer than 30, the "
                   "mark names that year and its n"},
}  # fmt: skip


def _run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    env = {"PYTHONPATH": SRC, "COLUMNS": "220", "PATH": "/usr/bin:/bin"}
    return subprocess.run([sys.executable, "-m", "servqual_cli", *map(str, args)],
                          capture_output=True, text=True, env=env, check=False)  # fmt: skip


def _counts() -> dict[int, int]:
    raw = pd.read_csv(DATA / "kpi_small_previous.csv", sep=";")
    years = pd.to_datetime(raw["inkommen"]).dt.year
    return {int(y): int(n) for y, n in years.value_counts().items()}


def test_only_the_earlier_year_is_below_min_n() -> None:
    assert _counts() == {2024: 12, 2025: 45}
    assert "min_n = 30" in KPI.read_text(encoding="utf-8")


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_markdown_row_names_the_small_earlier_year(lang: str) -> None:
    words = WORDS[lang]
    out = _run("kpi", KPI, "--lang", lang, "--format", "markdown")
    assert out.returncode == 0, out.stderr
    header = next(line for line in out.stdout.splitlines() if line.startswith("| "))
    row = next(line for line in out.stdout.splitlines() if "2024 → 2025" in line)
    cells = [c.strip() for c in header.strip("|").split("|")]
    values = [c.strip() for c in row.strip("|").split("|")]
    assert values[cells.index(words["head"])] == words["mark"].format(n=_counts()[2024])
    assert values[cells.index("n")] == str(_counts()[2025])
    assert words["note"] in out.stdout


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_terminal_marks_it_too(lang: str) -> None:
    out = _run("kpi", KPI, "--lang", lang)
    assert out.returncode == 0, out.stderr
    flat = " ".join(out.stdout.split())  # the cell wraps in the table; its column and note
    assert WORDS[lang]["head"] in flat and WORDS[lang]["note"] in flat


def test_json_and_csv_flag_the_small_earlier_period_with_its_n(tmp_path: Path) -> None:
    """JSON and CSV said ``small_base: false`` for this row and nothing else, so a pipeline
    filtering on the flag kept a change from 12 cases as sound: ``small_previous`` (the core's
    either-year rule) beside ``small_base``, and the earlier n in the CSV (JSON carries it as
    ``change.n_previous``); the Swedish workbook names both columns."""
    import csv
    import io
    import json

    import openpyxl

    kpi = json.loads(_run("kpi", KPI, "--format", "json").stdout)["kpis"][0]
    assert (kpi["small_base"], kpi["small_previous"]) == (False, True)
    assert (kpi["n"], kpi["change"]["n_previous"]) == (_counts()[2025], _counts()[2024])
    row = next(csv.DictReader(io.StringIO(_run("kpi", KPI, "--format", "csv").stdout)))
    assert (row["small_base"], row["small_previous"]) == ("False", "True")
    assert (row["n"], row["change_previous_n"]) == (str(_counts()[2025]), str(_counts()[2024]))
    book = tmp_path / "k.xlsx"
    assert _run("kpi", KPI, "--lang", "sv", "-o", book).returncode == 0
    head = next(openpyxl.load_workbook(book).worksheets[0].iter_rows(values_only=True))
    assert {"Förändring: föregående n", "Litet underlag föregående period"} <= set(head)
