"""Review 14 findings 4, 5 and 13 on ``servqual kpi`` (tests/data/kpi_review14.toml, min_n 7).

4. One min_n, two meanings side by side: a group under min_n is "för få (n < 7)" and not judged,
   while the KPI on 6 calls is "litet underlag" and judged by its interval; the note now says
   both rules, and counts the KPI's own unit ("samtal", as its note names the calls) instead of a
   fixed "ärenden". The report's lead no longer calls KPI cases "svar".
5. ``-f csv``: ``small_base`` was empty on group rows; now n < min_n there too.
13. The note named no invalid date ("ogiltigt datum 1") and put a capital "Uteslutna celler"
    inside its "; " list; now the text is named as the other commands name it, in lower case.

The counts are taken from the raw CSV with pandas, not the package's code.
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
KPI = DATA / "kpi_review14.toml"
SRC = str(Path(__file__).parents[2] / "src")
WORDS = {
    "sv": {"unit": "”Litet underlag”: värdet bygger på färre än 7 samtal och är osäkert.",
           "groups": "Grupper med färre än 7 bedöms inte; nyckeltalet som helhet bedöms "
                     "alltid, efter sitt intervall.",
           "too_few": "för få (n < 7)",
           "excluded": "; uteslutna celler: ogiltigt datum 1 (”31 februari 2024” 1);",
           "capital": "Uteslutna celler"},
    "en": {"unit": "“Small base”: the value rests on fewer than 7 calls and is uncertain.",
           "groups": "Groups with fewer than 7 are not judged; the KPI as a whole is always "
                     "judged, by its interval.",
           "too_few": "too few (n < 7)",
           "excluded": "; excluded cells: not a date 1 (“31 februari 2024” 1);",
           "capital": "Excluded cells"},
}  # fmt: skip


def _run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    env = {"PYTHONPATH": SRC, "COLUMNS": "220", "PATH": "/usr/bin:/bin"}
    return subprocess.run([sys.executable, "-m", "servqual_cli", *map(str, args), "--as-of",
                           "2024-12-31"], capture_output=True, text=True, env=env,
                          check=False)  # fmt: skip


def _flat(text: str) -> str:
    return " ".join(text.split())


def _raw() -> pd.DataFrame:
    return pd.read_csv(DATA / "kpi_review14.csv", sep=";")


def test_the_data() -> None:
    raw = _raw()
    calls = raw[raw["kanal"].eq("telefon")]
    assert calls["väntetid"].notna().sum() == 6 and calls["nådd"].eq("nej").sum() == 2
    mail = raw[raw["kanal"].eq("e-post")]
    dated = mail[pd.to_datetime(mail["skickad"], errors="coerce").notna()]
    assert dated.groupby("enhet").size().to_dict() == {"Bygg": 8, "Miljö": 5}
    assert "min_n = 7" in KPI.read_text(encoding="utf-8")


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_small_base_note_names_the_unit_and_both_rules(lang: str) -> None:
    words = WORDS[lang]
    out = _run("kpi", KPI, "--lang", lang, "--groups")
    assert out.returncode == 0, out.stderr
    text = _flat(out.stdout)
    assert words["unit"] in text  # 6 calls, not "6 ärenden" / "cases"
    assert words["groups"] in text  # why "för få (n < 7)" gets no verdict and the KPI does
    assert words["too_few"] in text


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_note_names_the_invalid_date_in_lower_case(lang: str) -> None:
    words = WORDS[lang]
    out = _run("kpi", KPI, "--lang", lang)
    assert out.returncode == 0, out.stderr
    text = _flat(out.stdout)
    assert words["excluded"] in text
    assert words["capital"] not in text
    payload = json.loads(_run("kpi", KPI, "--lang", lang, "-f", "json").stdout)
    mail = next(k for k in payload["kpis"] if k["name"].startswith("E-post"))
    assert mail["excluded_detail"]["invalid_date"]["values"] == [
        {"value": "31 februari 2024", "count": 1}
    ]


def test_csv_marks_small_groups() -> None:
    out = _run("kpi", KPI, "-f", "csv")
    assert out.returncode == 0, out.stderr
    rows = [r for r in csv.DictReader(io.StringIO(out.stdout)) if r["level"] == "group"]
    assert {r["group"]: (r["n"], r["small_base"]) for r in rows} == {
        "Bygg": ("8", "False"),
        "Miljö": ("5", "True"),
    }
    assert {r["verdict"] for r in rows if r["small_base"] == "True"} == {"too few"}


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_report_lead_does_not_call_kpi_cases_answers(lang: str, tmp_path: Path) -> None:
    """The report's lead listed KPIs on a small base as "färre än 30 svar"; KPIs count cases."""
    config = tmp_path / "r.toml"
    config.write_text(f'title = "T"\nlanguage = "{lang}"\ndate = "2026-01-20"\nmin_n = 30\n'
                      f'[service]\nkpi = "{DATA / "kpi_small_base.toml"}"\n',
                      encoding="utf-8")  # fmt: skip
    env = {"PYTHONPATH": SRC, "COLUMNS": "220", "PATH": "/usr/bin:/bin"}
    out = subprocess.run([sys.executable, "-m", "servqual_cli", "report", str(config), "-o",
                          str(tmp_path / "rep")], capture_output=True, text=True, env=env,
                         check=False)  # fmt: skip
    assert out.returncode == 0, out.stderr
    md = _flat((tmp_path / "rep" / "report.md").read_text(encoding="utf-8"))
    lead = {"sv": "Litet underlag (färre än 30 fall): Beröm besvaras",
            "en": "Small base (fewer than 30 cases): Beröm besvaras"}[lang]  # fmt: skip
    assert lead in md
    assert {"sv": "30 svar)", "en": "30 answers)"}[lang] not in md
