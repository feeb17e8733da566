"""One rule for a KPI on fewer than ``min_n`` cases (review 12a finding 3): the report's
overview said "för få svar" and showed only the earlier, better value (37,9 % in 2024), while
``servqual kpi``, the KPI table, its chart and CSV said "ej uppfyllt" for 2025 (13,8 %, Wilson
interval 5,5-30,6 % wholly below the 50 % target).

Now every part says what the interval settles whatever n, and the overview marks the small base
"(litet underlag, n = 29)". The counts come from the raw CSV read with pandas; the interval is
Wilson's, computed here with scipy's normal quantile, not the package's code."""

from __future__ import annotations

import math
import subprocess
import sys
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from scipy.stats import norm

DATA = Path(__file__).parents[1] / "data"
KPI = DATA / "kpi_small_base.toml"
SRC = str(Path(__file__).parents[2] / "src")
WORDS = {
    "sv": {"not_met": "ej uppfyllt", "small": "litet underlag, n = 29", "too_few": "för få svar",
           "value": "13,8\xa0%", "prev": "37,9\xa0%"},
    "en": {"not_met": "not met", "small": "small base, n = 29", "too_few": "too few answers",
           "value": "13.8%", "prev": "37.9%"},
}  # fmt: skip


def _run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    env = {"PYTHONPATH": SRC, "COLUMNS": "220", "PATH": "/usr/bin:/bin"}
    return subprocess.run([sys.executable, "-m", "servqual_cli", *map(str, args)],
                          capture_output=True, text=True, env=env, check=False)  # fmt: skip


def _flat(text: str) -> str:
    return " ".join(text.split())


def test_the_data_is_a_small_base_wholly_below_target() -> None:
    raw = pd.read_csv(DATA / "kpi_small_base.csv", sep=";")
    year = pd.to_datetime(raw["inkommen"]).dt.year
    late = raw[year.eq(2025)]
    x, n = int(late["svar"].eq("ja").sum()), len(late)
    assert (x, n) == (4, 29)
    z = norm.ppf(0.975)
    p = x / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    assert centre + half < 0.5  # the whole interval below the target
    assert round(100 * (centre + half), 1) == 30.6


@pytest.fixture(scope="module", params=["sv", "en"])
def report(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> tuple:
    lang = request.param
    tmp = tmp_path_factory.mktemp(f"rep_{lang}")
    config = tmp / "r.toml"
    config.write_text(f'title = "T"\nlanguage = "{lang}"\ndate = "2026-01-20"\nmin_n = 30\n'
                      f'[service]\nkpi = "{KPI}"\n', encoding="utf-8")  # fmt: skip
    out = _run("report", config, "-o", tmp / "rep")
    assert out.returncode == 0, out.stderr
    return lang, tmp / "rep"


def _overview(markdown: str, lang: str) -> str:
    """The overview table's row of the KPI."""
    return next(line for line in markdown.splitlines() if line.startswith("| Beröm besvaras"))


def test_overview_and_kpi_table_agree_in_markdown(report: tuple) -> None:
    lang, rep = report
    words = WORDS[lang]
    md = (rep / "report.md").read_text(encoding="utf-8")
    row = _overview(md, lang)
    assert words["too_few"] not in row
    assert words["not_met"] in row
    assert words["small"] in row and words["value"] in row
    # the KPI table (Tabell …) says the same
    table_rows = [line for line in md.splitlines()
                  if line.startswith("| Beröm besvaras") and line != row]  # fmt: skip
    assert table_rows and all(words["not_met"] in line for line in table_rows)
    # the paragraph names the unmet target with its n, and the small base once more
    head = md[: md.index(row)]
    assert "Beröm besvaras (n = 29)" in _flat(head)
    assert words["too_few"] not in _flat(head).lower()


def test_overview_and_kpi_sheet_agree_in_xlsx(report: tuple) -> None:
    lang, rep = report
    words = WORDS[lang]
    book = openpyxl.load_workbook(rep / "report.xlsx")
    # the workbook's sheets: contents, the overview, then the KPI table
    overview = list(book.worksheets[1].iter_rows(values_only=True))
    cells = dict(zip(overview[1], overview[2], strict=True))
    assert cells[overview[1][0]] == "Beröm besvaras"
    texts = [str(v) for v in cells.values()]
    assert any(t.endswith(words["not_met"]) for t in texts)
    assert words["too_few"] not in texts
    assert any(isinstance(v, float) and abs(v - 100 * 4 / 29) < 1e-9 for v in cells.values())
    assert words["small"].split(",")[0] in texts  # the base column: small, not hidden
    table = list(book.worksheets[2].iter_rows(values_only=True))
    kpi = dict(zip(table[1], table[2], strict=True))
    assert words["not_met"] in [str(v) for v in kpi.values()]
    assert any(isinstance(v, float) and abs(v - 100 * 4 / 29) < 1e-9 for v in kpi.values())


def test_html_card_shows_value_and_verdict(report: tuple) -> None:
    lang, rep = report
    words = WORDS[lang]
    html = _flat((rep / "report.html").read_text(encoding="utf-8"))
    assert _flat(f"{words['value']} ({words['small']})") in html
    assert words["too_few"] not in html.lower()


def test_report_kpi_table_marks_the_small_base_as_the_overview(report: tuple) -> None:
    """Review 12c finding 5: the report's KPI table (Markdown and its Excel sheet) marks the
    small base in the overview's words, with the note that says what it means."""
    lang, rep = report
    mark = WORDS[lang]["small"].split(",")[0]  # "litet underlag", the overview's word
    md = (rep / "report.md").read_text(encoding="utf-8")
    row = _overview(md, lang)
    table_rows = [line for line in md.splitlines()
                  if line.startswith("| Beröm besvaras") and line != row]  # fmt: skip
    assert table_rows and all(f"| 29 | {mark} |" in line for line in table_rows)
    few = {"sv": "färre än 30 ärenden", "en": "fewer than 30 cases"}[lang]
    assert few in _flat(md)
    book = openpyxl.load_workbook(rep / "report.xlsx")
    table = list(book.worksheets[2].iter_rows(values_only=True))
    kpi = dict(zip(table[1], table[2], strict=True))
    assert kpi[{"sv": "Underlag", "en": "Base"}[lang]] == mark
