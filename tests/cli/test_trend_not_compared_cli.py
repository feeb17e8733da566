"""``servqual trend`` and the report name what was measured in one year only (review 12a finding
2): an area renamed between the years ("gator och vägar" 2019, "trafik och gator" 2020 in
``contacts_renamed_*.csv``, the sample pair with "förskola" renamed) was dropped from every
table, the notes and the JSON, and the note still said "every area is listed".

The expected names come from the raw files read with pandas alone, not from the package."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import openpyxl
import pandas as pd
import pytest

DATA = Path(__file__).parents[1] / "data"
RENAMED = [DATA / "contacts_renamed_2019.csv", DATA / "contacts_renamed_2020.csv"]
SRC = str(Path(__file__).parents[2] / "src")

SV_AREAS = ("gator och vägar (bara 2019) och trafik och gator (bara 2020) jämförs inte: "
            "områdena mättes bara ena året.")  # fmt: skip
EN_AREAS = ("gator och vägar (2019 only) and trafik och gator (2020 only) are not compared: each "
            "area was measured in one year only.")  # fmt: skip
SV_ALL = "alla områden som mättes båda åren visas"
EN_ALL = "every area measured in both years is listed"


def _run(*args: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = {"PYTHONPATH": SRC, "COLUMNS": "200", "PATH": "/usr/bin:/bin"}
    return subprocess.run([sys.executable, "-m", "servqual_cli", *map(str, args)], cwd=cwd,
                          capture_output=True, text=True, env=env, check=False)  # fmt: skip


def _flat(text: str) -> str:
    return " ".join(text.split())


def _one_year_areas() -> list[tuple[str, str]]:
    """(area, year) of every area found in one file only, from the raw CSVs."""
    years = {}
    for path in RENAMED:
        raw = pd.read_csv(path)
        years[str(pd.to_datetime(raw["sent_at"]).dt.year.iloc[0])] = set(raw["area"])
    (y1, a1), (y2, a2) = years.items()
    return sorted([(a, y1) for a in a1 - a2] + [(a, y2) for a in a2 - a1])


def test_raw_files_rename_one_area() -> None:
    assert _one_year_areas() == [("gator och vägar", "2019"), ("trafik och gator", "2020")]


@pytest.mark.parametrize(("lang", "areas", "every"), [("sv", SV_AREAS, SV_ALL),
                                                      ("en", EN_AREAS, EN_ALL)])  # fmt: skip
def test_terminal_and_markdown_name_the_areas(lang: str, areas: str, every: str) -> None:
    for fmt in ("table", "markdown"):
        out = _run("trend", *RENAMED, "--lang", lang, "-f", fmt)
        assert out.returncode == 0, out.stderr
        text = _flat(out.stdout)
        assert areas in text, fmt
        assert every in text
        # the old sentence said every area was listed
        assert "alla områden visas" not in text and "every area is listed" not in text


def test_json_lists_what_was_not_compared() -> None:
    out = _run("trend", *RENAMED, "-f", "json")
    assert out.returncode == 0, out.stderr
    payload: dict[str, Any] = json.loads(out.stdout)
    left = [(r["area"], r["years"], r["level"]) for r in payload["not_compared"]]
    assert left == [(a, [y], "area") for a, y in _one_year_areas()]
    compared = {r["area"] for r in payload["comparisons"]}
    assert not compared & {a for a, _ in _one_year_areas()}


def _cells(path: Path) -> list[str]:
    book = openpyxl.load_workbook(path)
    return [_flat(str(c.value)) for ws in book.worksheets for row in ws.iter_rows() for c in row
            if c.value is not None]  # fmt: skip


def test_html_note_and_xlsx_rows_name_the_areas(tmp_path: Path) -> None:
    """The page has the note; the command's workbook is the tidy table, one row each (with
    --lang sv under Swedish headers, review 13 finding 13)."""
    html = tmp_path / "t.html"
    xlsx = tmp_path / "t.xlsx"
    for path in (html, xlsx):
        out = _run("trend", *RENAMED, "--lang", "sv", "-o", path)
        assert out.returncode == 0, out.stderr
    assert SV_AREAS in _flat(html.read_text(encoding="utf-8"))
    sheet = pd.read_excel(xlsx, sheet_name=0, engine="openpyxl")
    gone = sheet[sheet["Tabell"].eq("ej jämförd")]  # the Swedish workbook words the codes
    assert (
        list(zip(gone["Område"], gone["År"].astype(int).astype(str), strict=True))
        == _one_year_areas()
    )


def test_a_channel_measured_one_year_names_its_kpis() -> None:
    """2019 without e-mails: every e-mail total is named, not only the channel warning."""
    out = _run("trend", DATA / "contacts_2019_phone_only.csv", DATA / "contacts_2020.csv",
               "--lang", "en", "-f", "json")  # fmt: skip
    payload = json.loads(out.stdout)
    kpis = {(r["kpi"], r["channel"]) for r in payload["not_compared"] if r["level"] == "kpi"}
    assert ("email_within_1_working_day", "email") in kpis
    assert all(r["years"] == ["2020"] for r in payload["not_compared"])
    text = _flat(_run("trend", DATA / "contacts_2019_phone_only.csv", DATA / "contacts_2020.csv",
                      "--lang", "en").stdout)  # fmt: skip
    assert "E-mail: reply in 1 working day (2020 only)" in text
    assert "each KPI was measured in one year only" in text


def test_an_area_without_one_channel_one_year_is_named() -> None:
    """bygglov has no e-mails in 2019 but is measured both years."""
    out = _run("trend", DATA / "contacts_2019_bygglov_no_email.csv", DATA / "contacts_2020.csv",
               "--lang", "sv")  # fmt: skip
    text = _flat(out.stdout)
    assert "Jämförs inte i områden som mättes båda åren" in text
    assert "E-post: svar inom 1 arbetsdag i bygglov (bara 2020)" in text


def test_the_same_files_name_nothing() -> None:
    out = _run("trend", DATA / "contacts_2019.csv", DATA / "contacts_2020.csv", "-f", "json")
    assert json.loads(out.stdout)["not_compared"] == []
    text = _flat(_run("trend", DATA / "contacts_2019.csv", DATA / "contacts_2020.csv").stdout)
    assert "not compared" not in text


def test_report_appendix_names_the_areas(tmp_path: Path) -> None:
    config = tmp_path / "r.toml"
    config.write_text(
        'title = "T"\nlanguage = "sv"\ndate = "2026-01-20"\n[contacts]\n[contacts.years]\n'
        f'2019 = "{RENAMED[0]}"\n2020 = "{RENAMED[1]}"\n',
        encoding="utf-8",
    )
    out = _run("report", config, "-o", tmp_path / "rep")
    assert out.returncode == 0, out.stderr
    md = _flat((tmp_path / "rep" / "report.md").read_text(encoding="utf-8"))
    assert SV_AREAS in md
    assert SV_ALL in md
    # the report's workbook carries the same note under its per-area sheet
    assert any(SV_AREAS in c for c in _cells(tmp_path / "rep" / "report.xlsx"))
