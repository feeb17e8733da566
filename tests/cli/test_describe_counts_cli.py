"""`servqual describe --lang sv` writes its counts as its table does (review 10a, finding 9):
"Datarader 2 486", "klagomål (1 358)", beside "Värden 2 486". English keeps plain digits, as its
table. Counts checked with pandas on the register (2 486 rows, 1 358 "klagomål")."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

REGISTER = Path(__file__).parents[2] / "data" / "samples" / "synpunkter_2023_2024.xlsx"


def test_counts_have_the_thousands_space_in_swedish(cli) -> None:
    frame = pd.read_excel(REGISTER, engine="openpyxl")
    rows, complaints = len(frame), int((frame["typ"] == "klagomål").sum())
    assert (rows, complaints) == (2486, 1358)
    sv = cli("describe", REGISTER, "--lang", "sv", "-f", "markdown")
    assert sv.exit_code == 0, sv.stderr
    assert "| Datarader | 2\u00a0486 |" in sv.stdout
    assert "klagomål (1\u00a0358); synpunkt (497)" in sv.stdout
    assert "| 2\u00a0486 |" in sv.stdout  # the Värden column, as before
    assert "2486" not in sv.stdout and "1358" not in sv.stdout
    en = cli("describe", REGISTER, "--lang", "en", "-f", "markdown").stdout
    assert "| Data rows | 2486 |" in en and "klagomål (1358)" in en
