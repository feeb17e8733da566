"""Feedback: the rows read and the items left out whole are named (review 2, item 16), and an
Excel serial day in a date column is read as a date, as ``contacts`` reads it."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest


def _register(data_dir: Path, tmp_path: Path) -> Path:
    rows = list(csv.reader(io.StringIO((data_dir / "feedback_en.csv").read_text("utf-8"))))
    received = rows[0].index("Received")
    rows[1][received] = "45293"  # 2024-01-02 as an Excel serial day (row 2)
    rows[2][received] = "januari 2024"  # a month, not a date (row 3; "3 januari 2024" is one)
    path = tmp_path / "f.csv"
    with path.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows(rows)
    return path


def test_json_lists_the_items_left_out(cli, data_dir: Path, tmp_path: Path) -> None:
    r = cli("feedback", _register(data_dir, tmp_path), "-f", "json")
    assert r.exit_code == 0, r.stderr
    out = json.loads(r.stdout)
    left = {(x["reason"], x["column"]): x["rows"] for x in out["left_out"]}
    assert left[("invalid_date", "Received")] == [3]  # the serial (row 2) is read
    assert ("duplicate", "ID") in left
    n_left = len({row for rows in left.values() for row in rows})
    assert out["n_rows"] - n_left == out["n_items"]


@pytest.mark.parametrize(
    ("lang", "needle"),
    [
        ("en", "Read 11 rows; 4 items left out (not a date in Received: row 3; duplicates in ID: "
               "row 7;"),
        ("sv", "Läste 11 rader; 4 synpunkter utelämnade (ogiltigt datum i Received: rad 3; "
               "dubbletter i ID: rad 7;"),
    ],
)  # fmt: skip
def test_the_note_says_rows_and_items(
    cli, data_dir: Path, tmp_path: Path, lang: str, needle: str
) -> None:
    r = cli("feedback", _register(data_dir, tmp_path), "--lang", lang)
    assert r.exit_code == 0, r.stderr
    assert needle in " ".join(r.stdout.split())
