"""``servqual trend`` marks a small base as the overview does (session 16, f-trend; session 15's
rule, review 12a finding 3; w-kpi's kpi table as the model).

Before, ``trend`` had no ``min_n``: its per-area rows rest on 4-7 test calls or e-mails and
carried no mark, and in a report a contact total under ``min_n`` was marked "litet underlag,
n = 43" in the overview but not in the change table below. Now the core decides once
(``compare_kpis``: ``small_base``, n before or n after below ``min_n``) and every output says it:
an "Underlag"/"Base" column in the overview's words with a note (fewer than {min_n} contacts;
judged by the test and the interval all the same), JSON's and the CSV's ``small_base`` and
``min_n``; ``--min-n`` sets it, the report takes its own ``min_n``. The per-area counts are
taken from the raw sheets with pandas, not the package's reader.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

SAMPLES = Path(__file__).parents[2] / "data" / "samples"
Y19, Y20 = (SAMPLES / f"servicematning_{y}.xlsx" for y in (2019, 2020))
WORDS = {
    "sv": {"head": "Underlag", "mark": "litet underlag", "total": "Förändring, alla områden",
           "area": "Förändring per område",
           "note": "”Litet underlag”: n före eller n efter är färre än 30 kontakter",
           "rule": "bedömningen följer testet och intervallet"},
    "en": {"head": "Base", "mark": "small base", "total": "Change, all areas",
           "area": "Change per area",
           "note": "“Small base”: n before or n after is fewer than 30 contacts",
           "rule": "the verdict follows the test and the interval"},
}  # fmt: skip


def _flat(text: str) -> str:
    return " ".join(text.split())


def _block(markdown: str, title: str) -> str:
    """The Markdown from the table titled ``title`` up to the next heading."""
    rest = markdown[markdown.index(title) :]
    end = rest.find("\n#", 1)
    return rest if end < 0 else rest[:end]


def _rows(block: str) -> list[list[str]]:
    """The body rows of the first Markdown table in ``block``, as cells."""
    lines = [line for line in block.splitlines() if line.startswith("|")]
    return [[c.strip() for c in line.strip("|").split("|")] for line in lines[2:]]


def test_raw_sheets_have_small_areas_and_large_totals() -> None:
    """Independent count: every area has 6 or 7 contacts per channel and year, each channel's
    total 54 (the reached and queue-time KPIs count fewer, the table's n says how many)."""
    for path in (Y19, Y20):
        raw = pd.read_excel(path, engine="openpyxl")
        sizes = raw.groupby(["kanal", "område"]).size()
        assert sizes.max() < 30
        assert raw.groupby("kanal").size().min() >= 30


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_terminal_marks_the_per_area_rows_and_says_what_it_means(cli: Any, lang: str) -> None:
    w = WORDS[lang]
    r = cli("trend", Y19, Y20, "--lang", lang)
    assert r.exit_code == 0, r.stderr
    text = _flat(r.stdout)
    assert w["head"] in r.stdout
    # the 56 per-area rows of the main KPIs on 4-7 contacts each (the totals on 43-108 are not)
    assert r.stdout.count(w["mark"]) == 56
    assert w["note"] in text and w["rule"] in text


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_markdown_marks_every_small_row_and_only_those(cli: Any, lang: str) -> None:
    w = WORDS[lang]
    r = cli("trend", Y19, Y20, "--lang", lang, "-f", "markdown")
    assert r.exit_code == 0, r.stderr
    total, area = _block(r.stdout, w["total"]), _block(r.stdout, w["area"])
    # the totals rest on 43-108 contacts: no column, no note
    assert w["head"] not in total.splitlines()[2] and w["note"] not in total
    header = [c.strip() for c in area.splitlines()[2].strip("|").split("|")]
    col, n_before, n_after = (header.index(h) for h in
                              (w["head"], "n före" if lang == "sv" else "n before",
                               "n efter" if lang == "sv" else "n after"))  # fmt: skip
    rows = _rows(area)
    assert rows and all(
        (row[col] == w["mark"]) == (min(int(row[n_before]), int(row[n_after])) < 30) for row in rows
    )
    assert w["note"] in area and w["rule"] in area


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_min_n_marks_a_total_below_it(cli: Any, lang: str) -> None:
    """--min-n 44: the phone rows of 45 → 43 contacts are marked, the 51-108 ones are not."""
    w = WORDS[lang]
    r = cli("trend", Y19, Y20, "--lang", lang, "-f", "markdown", "--min-n", "44")
    assert r.exit_code == 0, r.stderr
    total = _block(r.stdout, w["total"])
    header = [c.strip() for c in total.splitlines()[2].strip("|").split("|")]
    col = header.index(w["head"])
    marked = [(row[-5], row[-4]) for row in _rows(total) if row[col] == w["mark"]]
    assert marked and all(min(int(b), int(a)) < 44 for b, a in marked)
    assert all(min(int(row[-5]), int(row[-4])) >= 44
               for row in _rows(total) if row[col] != w["mark"])  # fmt: skip
    assert w["note"].replace("30", "44") in total


def test_json_and_csv_carry_the_flag(cli: Any) -> None:
    r = cli("trend", Y19, Y20, "-f", "json")
    assert r.exit_code == 0, r.stderr
    d = json.loads(r.stdout)
    assert d["min_n"] == 30
    rows = d["comparisons"]
    assert all(c["small_base"] == (min(c["n_before"], c["n_after"]) < 30) for c in rows)
    assert all(c["min_n"] == 30 for c in rows)
    assert {c["small_base"] for c in rows if c["area"] == "ALL"} == {False}
    assert {c["small_base"] for c in rows if c["area"] != "ALL"} == {True}
    raised = json.loads(cli("trend", Y19, Y20, "-f", "json", "--min-n", "44").stdout)
    [wait] = [c for c in raised["comparisons"]
              if c["kpi"] == "phone_wait_seconds_median" and c["area"] == "ALL"]  # fmt: skip
    assert (wait["n_before"], wait["n_after"], wait["small_base"]) == (45, 43, True)
    out = cli("trend", Y19, Y20, "-f", "csv")
    assert out.exit_code == 0, out.stderr
    table = [row for row in csv.DictReader(io.StringIO(out.stdout)) if row["table"] == "trend"]
    assert all(row["small_base"] == str(int(row["n_before"]) < 30 or int(row["n_after"]) < 30)
               for row in table)  # fmt: skip


def test_report_change_table_marks_what_the_overview_marks(cli: Any, tmp_path: Path) -> None:
    """A report with min_n 44: the overview says "litet underlag, n = 43" for the queue time,
    and the change table below now marks that total too, at the report's min_n."""
    config = tmp_path / "r.toml"
    config.write_text(
        'title = "Service"\nperiod = "2020"\nlanguage = "sv"\nmin_n = 44\n\n'
        '[contacts]\nmunicipality = "Lekeberg"\n\n[contacts.years]\n'
        f'2019 = "{Y19.as_posix()}"\n2020 = "{Y20.as_posix()}"\n',
        encoding="utf-8",
    )
    r = cli("report", config, "-o", tmp_path / "out")
    assert r.exit_code == 0, r.stderr
    md = (tmp_path / "out" / "report.md").read_text(encoding="utf-8")
    [overview] = [line for line in md.splitlines()
                  if line.startswith("| Telefon: väntetid, median (s) | 56,0")]  # fmt: skip
    assert "litet underlag, n = 43" in overview
    total = _block(md, "Förändring, alla områden 2019 → 2020")
    header = [c.strip() for c in total.splitlines()[2].strip("|").split("|")]
    col = header.index("Underlag")
    [wait] = [row for row in _rows(total) if row[0] == "Telefon: väntetid, median (s)"]
    assert wait[col] == "litet underlag"
    assert "färre än 44 kontakter" in total
