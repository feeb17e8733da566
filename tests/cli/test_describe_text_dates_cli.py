"""``describe`` on dates stored as CSV text (review 4 finding 22): ISO 8601 text, the form the
commands read as dates (io.cells.parse_dates), is typed "date" as a spreadsheet's dates are; the
cells that are not dates are counted, listed and located by row."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest


def _csv(path: Path, fmt: str, odd: dict[int, str]) -> Path:
    rows = ["id;besvarad;betyg"]
    for i in range(52):
        day = (dt.date(2024, 1, 1) + dt.timedelta(days=i)).strftime(fmt)
        rows.append(f"{i + 1};{odd.get(i, day)};{i % 5 + 1}")
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


def _column(cli, path: Path) -> dict:
    r = cli("describe", path, "-f", "json")
    assert r.exit_code == 0, r.stderr
    return {c["name"]: c for c in json.loads(r.stdout)["columns"]}["besvarad"]


@pytest.mark.parametrize(
    "fmt", ["%Y-%m-%d", "%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H.%M"]
)
def test_iso_text_dates_with_one_other_cell_are_a_date_column(
    cli, tmp_path: Path, fmt: str
) -> None:
    path = _csv(tmp_path / "svar.csv", fmt, {17: "okänt"})
    col = _column(cli, path)
    assert col["type"] == "date"
    assert col["not_dates"] == [{"value": "okänt", "count": 1}] and col["not_numbers"] == []
    assert col["n_not_dates"] == 1 and col["first_not_date_row"] == 19  # header on line 1
    en = " ".join(cli("describe", path).stdout.split())
    assert ("besvarad (B): dates except 1 cell, row 19: 'okänt'. Commands that read the column "
            "as dates leave it out (not a date).") in en  # fmt: skip
    sv = " ".join(cli("describe", path, "--lang", "sv").stdout.split())
    assert "besvarad (B): datum utom 1 cell, rad 19: 'okänt'. Kommandon som läser" in sv


def test_several_other_cells_are_counted_and_the_first_located(cli, tmp_path: Path) -> None:
    path = _csv(tmp_path / "svar.csv", "%Y-%m-%d", {4: "saknas", 9: "okänt", 30: "okänt"})
    col = _column(cli, path)
    assert col["n_not_dates"] == 3 and col["first_not_date_row"] == 6
    text = " ".join(cli("describe", path).stdout.split())
    assert "dates except 3 cells ('okänt' 2, 'saknas' 1), the first at row 6." in text


def test_a_clean_text_date_column_has_no_note_and_numbers_stay_numbers(cli, tmp_path: Path) -> None:
    path = _csv(tmp_path / "svar.csv", "%Y-%m-%d", {})
    col = _column(cli, path)
    assert col["type"] == "date" and col["n_not_dates"] == 0 and col["first_not_date_row"] is None
    assert "dates except" not in cli("describe", path).stdout
    years = tmp_path / "years.csv"
    years.write_text("år;n\n" + "".join(f"{2000 + i};{i}\n" for i in range(20)), encoding="utf-8")
    r = cli("describe", years, "-f", "json")
    assert json.loads(r.stdout)["columns"][0]["type"] == "number"  # 2019 is a year, not a date


def test_dates_the_commands_do_not_read_stay_text(cli, tmp_path: Path) -> None:
    """dd/mm/yyyy is ambiguous and no command reads it as a date: describe says text."""
    col = _column(cli, _csv(tmp_path / "svar.csv", "%d/%m/%Y", {}))
    assert col["type"] == "text"


_SV_MONTHS = ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti",
              "september", "oktober", "november", "december"]  # fmt: skip


@pytest.mark.parametrize("clock", ["", " kl. 10.15"])
def test_swedish_written_dates_are_a_date_column_as_the_commands_read_them(
    cli, tmp_path: Path, clock: str
) -> None:
    """Review 5 item 11: "5 mars 2024" is read as a date by every command, so describe types it
    as one too (and "mars 2024", a month, is not a date)."""
    rows = ["id;besvarad"]
    for i in range(40):
        day = dt.date(2024, 1, 1) + dt.timedelta(days=5 * i)
        rows.append(f"{i + 1};{day.day} {_SV_MONTHS[day.month - 1]} {day.year}{clock}")
    rows.append("41;mars 2024")
    path = tmp_path / "svar.csv"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    col = _column(cli, path)
    assert col["type"] == "date"
    assert col["not_dates"] == [{"value": "mars 2024", "count": 1}]
    assert col["first_not_date_row"] == 42
