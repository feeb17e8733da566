"""Review 10b, findings 2 and 1: a cover page is skipped by every command and said; a hidden
sheet and rows hidden in Excel are read and said, in English and Swedish, with the facts in
JSON ``input``."""

from __future__ import annotations

import json
from pathlib import Path

SHEETS = Path(__file__).resolve().parents[1] / "data" / "sheets"


def _flat(text: str) -> str:
    return " ".join(text.split())


def test_gap_skips_the_cover_page_and_says_so(cli) -> None:
    path = SHEETS / "cover_survey.xlsx"
    r = cli("gap", path, "--no-items", "-f", "json")
    assert r.exit_code == 0, r.stderr
    doc = json.loads(r.stdout)
    assert doc["input"]["sheet"] == "Enkät"
    assert doc["input"]["skipped_sheets"] == [
        {"sheet": "Försättsblad", "why": "has a header (row 4) but no data rows below it"}
    ]
    en = _flat(cli("gap", path, "--no-items").stdout)
    assert (
        "cover_survey.xlsx: sheet 'Försättsblad' skipped: no data rows; sheet 'Enkät' read." in en
    )
    sv = _flat(cli("gap", path, "--no-items", "--lang", "sv").stdout)
    assert (
        "cover_survey.xlsx: bladet 'Försättsblad' hoppades över: inga datarader; bladet 'Enkät' "
        "lästes." in sv
    )
    # the same numbers as the data sheet chosen by name (which skips nothing, and says nothing)
    named = json.loads(cli("gap", path, "--no-items", "-f", "json", "--sheet", "Enkät").stdout)
    assert "skipped_sheets" not in named["input"]
    assert named["dimensions"] == doc["dimensions"]


def test_contacts_skip_the_cover_page(cli) -> None:
    r = cli("contacts", SHEETS / "cover_contacts.xlsx")
    assert r.exit_code == 0, r.stderr
    assert "sheet 'Försättsblad' skipped: no data rows; sheet 'Kontakter' read." in _flat(r.stdout)


def test_no_sheet_with_data_rows_is_refused_naming_the_others(cli) -> None:
    path = SHEETS / "cover_only.xlsx"
    r = cli("gap", path, "--no-items")
    assert r.exit_code == 1 and r.stderr.count("\n") == 1, r.stderr
    assert r.stderr.strip() == (
        f"servqual: error: {path}, sheet 'Försättsblad': has a header (row 4) but no data rows "
        "below it; the workbook's other sheets: Blad2 (choose one with --sheet)"
    )
    sv = cli("gap", path, "--no-items", "--lang", "sv")
    assert sv.exit_code == 1 and sv.stderr.count("\n") == 1, sv.stderr
    assert sv.stderr.strip().endswith(
        "har en rubrikrad (rad 4) men inga datarader under den; arbetsbokens andra blad: Blad2 "
        "(välj ett med --sheet)"
    )


def test_hidden_rows_are_counted_and_named(cli) -> None:
    path = SHEETS / "hidden_rows.xlsx"
    r = cli("gap", path, "--no-items", "-f", "json")
    assert r.exit_code == 0, r.stderr
    doc = json.loads(r.stdout)
    assert doc["input"]["hidden_rows"] == {"count": 11, "runs": [[4, 13], [40, 40]]}
    plain = json.loads(cli("gap", SHEETS / "cover_survey.xlsx", "--no-items", "-f", "json").stdout)
    assert doc["dimensions"] == plain["dimensions"]  # read, as the data are the data
    en = _flat(cli("gap", path, "--no-items").stdout)
    assert "hidden_rows.xlsx: 11 rows hidden in Excel (rows 4–13, 40) are included" in en
    sv = _flat(cli("gap", path, "--no-items", "--lang", "sv").stdout)
    assert "hidden_rows.xlsx: 11 rader är dolda i Excel (rad 4–13, 40) och räknas med" in sv


def test_a_hidden_sheet_is_named(cli) -> None:
    path = SHEETS / "hidden_sheet.xlsx"
    r = cli("gap", path, "--no-items", "-f", "json")
    assert r.exit_code == 0, r.stderr
    assert json.loads(r.stdout)["input"]["sheet_hidden"] is True
    en = _flat(cli("gap", path, "--no-items").stdout)
    assert "hidden_sheet.xlsx: sheet 'Enkät' is hidden in Excel; it was read all the same." in en
    sv = _flat(cli("gap", path, "--no-items", "--lang", "sv").stdout)
    assert "hidden_sheet.xlsx: bladet 'Enkät' är dolt i Excel; det lästes ändå." in sv


def test_describe_names_the_cover_page_once(cli) -> None:
    r = cli("describe", SHEETS / "cover_survey.xlsx")
    assert r.exit_code == 0, r.stderr
    flat = _flat(r.stdout)
    assert flat.count("Försättsblad") >= 1 and "skipped: no data rows" not in flat
    doc = json.loads(cli("describe", SHEETS / "cover_survey.xlsx", "-f", "json").stdout)
    assert doc["skipped_sheets"] == doc["input"]["skipped_sheets"]


def test_no_note_for_a_plain_workbook(cli) -> None:
    samples = Path(__file__).resolve().parents[2] / "data" / "samples"
    r = cli("gap", samples / "karlstad_servqual.xlsx", "--no-items")
    assert r.exit_code == 0, r.stderr
    flat = _flat(r.stdout)
    assert "hidden in Excel" not in flat and "skipped" not in flat
