"""The change table's note names each year's queue-time basis where a call without a valid
reached value counts for its time (review 10c finding 1): ``servqual trend`` 2019 → 2020 and
the Lekeberg report's change table said "n före 45" for the queue time beside 44 of 53 reached
with no word; the 2019 file has one call with ``nådd = "kanske"`` and a queue time.

The counts are checked against the raw sheet read with pandas alone (not the package's reader),
and against the table's own n before, so sentence and cell cannot drift apart."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

SAMPLES = Path(__file__).parents[2] / "data" / "samples"
DATA = Path(__file__).parents[1] / "data"
Y19, Y20, Y21 = (SAMPLES / f"servicematning_{y}.xlsx" for y in (2019, 2020, 2021))

SV = (
    "Telefon: väntetid, median (s), n före (2019): 45 samtal med väntetid; 44 nådde en person "
    "enligt nådd-kolumnen, 1 utan giltigt värde där räknas med, eftersom ett samtal med "
    "väntetid har kommit fram. Telefon: når en person räknar bara giltiga värden."
)
EN = ("Phone: median queue time (s), n before (2019): 45 calls with a queue time; 44 reached a "
      "person by the reached column, 1 with no valid value there also counted, as a call with a "
      "queue time got through. Phone: reached a person counts valid values only.")  # fmt: skip


def _flat(text: str) -> str:
    """The text with its line breaks and runs of spaces as single spaces (terminal wrapping)."""
    return " ".join(text.split())


def _total_note(markdown: str, title: str) -> str:
    """The italic note under the table titled ``title`` in a Markdown document."""
    rest = markdown[markdown.index(title) :]
    notes = [p for p in rest.split("\n\n") if p.startswith("*") and not p.startswith("**")]
    return notes[0]


def test_raw_2019_sheet_has_the_call_the_note_counts() -> None:
    """Independent count (pandas on the sheet, the sample's Swedish codes): 44 'ja' with a
    time, 1 'kanske' with a time, 9 'nej' without one."""
    raw = pd.read_excel(Y19, engine="openpyxl")
    phone = raw[raw["kanal"].eq("telefon")]
    timed = phone["väntetid_s"].notna()
    assert int((timed & phone["nådd"].eq("ja")).sum()) == 44
    assert int((timed & ~phone["nådd"].isin(["ja", "nej"])).sum()) == 1
    assert int((phone["nådd"].eq("nej") & ~timed).sum()) == 9


@pytest.mark.parametrize(("lang", "words", "title"), [
    ("sv", SV, "Förändring, alla områden 2019 → 2020"),
    ("en", EN, "Change, all areas 2019 → 2020"),
])  # fmt: skip
def test_trend_note_names_the_2019_basis(cli: Any, lang: str, words: str, title: str) -> None:
    r = cli("trend", Y19, Y20, "--lang", lang, "-f", "markdown")
    assert r.exit_code == 0, r.stderr
    note = _total_note(r.stdout, title)
    assert words in note
    # 2020 has no such call: no sentence for it (n after is 43 calls that all reached a person)
    assert "(2020)" not in note
    assert note.count("nådd-kolumnen" if lang == "sv" else "reached column") == 1
    # the terminal table says it too (wrapped)
    plain = cli("trend", Y19, Y20, "--lang", lang)
    assert plain.exit_code == 0, plain.stderr
    assert words in _flat(plain.stdout)


def test_json_carries_the_basis_and_it_is_the_tables_n(cli: Any) -> None:
    r = cli("trend", Y19, Y20, "-f", "json")
    assert r.exit_code == 0, r.stderr
    d = json.loads(r.stdout)
    assert d["wait_basis"] == {
        "before": {"with_wait": 45, "reached": 44, "reached_unknown": 1, "unreached": 9},
        "after": {"with_wait": 43, "reached": 43, "reached_unknown": 0, "unreached": 11},
    }
    [row] = [c for c in d["comparisons"]
             if c["kpi"] == "phone_wait_seconds_median" and c["area"] == "ALL"]  # fmt: skip
    assert (row["n_before"], row["n_after"]) == (45, 43)


def test_a_pair_without_such_a_call_has_no_sentence(cli: Any) -> None:
    """2020 → 2021: every timed call reached a person by the reached column."""
    for lang, word in (("sv", "nådd-kolumnen"), ("en", "reached column")):
        r = cli("trend", Y20, Y21, "--lang", lang, "-f", "markdown")
        assert r.exit_code == 0, r.stderr
        assert word not in r.stdout
        assert "Telefon: väntetid, median (s), n" not in r.stdout


def test_the_after_year_is_named_with_n_after(cli: Any) -> None:
    """A 'kanske' call with a time in the later file: the sentence names n efter and its year."""
    r = cli("trend", DATA / "contacts_2019.csv", DATA / "contacts_kanske.csv", "-f", "json")
    assert r.exit_code == 0, r.stderr
    d = json.loads(r.stdout)
    assert d["wait_basis"]["before"]["reached_unknown"] == 0
    assert d["wait_basis"]["after"] == {"with_wait": 2, "reached": 1, "reached_unknown": 1,
                                        "unreached": 0}  # fmt: skip
    md = cli("trend", DATA / "contacts_2019.csv", DATA / "contacts_kanske.csv", "--lang", "sv",
             "-f", "markdown").stdout  # fmt: skip
    note = _total_note(md, "Förändring, alla områden")
    assert (
        "Telefon: väntetid, median (s), n efter (2020): 2 samtal med väntetid; 1 nådde en "
        "person enligt nådd-kolumnen, 1 utan giltigt värde där räknas med"
    ) in note
    assert "n före (" not in note


def test_lekeberg_report_change_table_note(cli: Any, tmp_path: Path) -> None:
    """The report's change table (Tabell 6 in session 13) carries the sentence in Markdown,
    HTML and the Excel sheet; the report prints only 2020's contact tables, so without it the
    2019 basis was nowhere."""
    r = cli("report", SAMPLES / "report_lekeberg.toml", "-o", tmp_path / "l")
    assert r.exit_code == 0, r.stderr
    md = (tmp_path / "l" / "report.md").read_text(encoding="utf-8")
    assert SV in _total_note(md, "Förändring, alla områden 2019 → 2020")
    assert md.count("nådd-kolumnen") == 1  # the trend note only (2020 has no such call)
    html = (tmp_path / "l" / "report.html").read_text(encoding="utf-8")
    assert "45 samtal med väntetid; 44 nådde en person enligt nådd-kolumnen" in html
    from openpyxl import load_workbook

    book = load_workbook(tmp_path / "l" / "report.xlsx", read_only=True)
    cells = [str(c) for ws in book for row in ws.iter_rows(values_only=True) for c in row if c]
    assert sum(SV in c for c in cells) == 1
