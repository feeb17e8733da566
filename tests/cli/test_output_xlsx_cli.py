"""Review 13, finding 13: a command's ``-o FILE.xlsx`` speaks the language asked for and carries
the rules. With ``--lang sv`` the tidy table's headers and verdict words are the catalog's
Swedish ones (English keeps the tidy names scripts read), numbers stay numbers at full precision
with a number format instead of General's 16 digits, the header is frozen with an autofilter,
and a second sheet ("Noter"/"Notes") holds the notes the terminal prints, one per row. Text
from the data that starts with "=" stays text. ``-f csv`` keeps its English columns.

Files: data/samples/karlstad_servqual_2025.xlsx with karlstad_personal.xlsx (knowledge-gap) and
karlstad_tolerans.xlsx (tolerance, a copy whose service column is made formula-like).
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import openpyxl
import pandas as pd
import pytest


def _kg(samples_dir: Path) -> tuple[Path, Path]:
    return samples_dir / "karlstad_servqual_2025.xlsx", samples_dir / "karlstad_personal.xlsx"


def _flat(text: str) -> str:
    """Text without any white space: the terminal wraps and ties words (no-break spaces)."""
    return re.sub(r"\s+", "", text)


@pytest.mark.parametrize(
    ("lang", "notes", "heads", "reading"),
    [
        ("sv", "Noter", ["Grupp", "Nivå", "Namn", "n medborgare", "n personal",
                         "p (Mann-Whitney)", "p (Holm)", "Tolkning"], "personalen underskattar"),
        ("en", "Notes", ["group", "level", "name", "n_customers", "n_staff",
                         "p_mann_whitney", "p_holm", "reading"], "underestimate"),
    ],
)  # fmt: skip
def test_knowledge_gap_workbook_in_the_language_with_the_terminals_notes(
    cli, samples_dir: Path, tmp_path: Path, lang: str, notes: str, heads: list[str], reading: str
) -> None:
    book = tmp_path / "kg.xlsx"
    r = cli("knowledge-gap", *_kg(samples_dir), "--no-items", "--lang", lang, "-o", book)
    assert r.exit_code == 0, r.stderr
    wb = openpyxl.load_workbook(book)
    data = "Resultat" if lang == "sv" else "Results"
    assert wb.sheetnames == [data, notes]
    ws = wb[data]
    head = [c.value for c in ws[1]]
    assert [h for h in head if h in heads] == heads
    last = ws.cell(ws.max_row, ws.max_column).coordinate
    assert ws.freeze_panes == "A2" and ws.auto_filter.ref == f"A1:{last}"
    rows = [dict(zip(head, row, strict=True)) for row in ws.iter_rows(min_row=2, values_only=True)]
    assert reading in {row[head[-2]] for row in rows}  # the verdict column, before "dimension"
    # numbers are numbers, shown with a format (not General), every digit kept in the cell
    p_col = head.index(heads[5]) + 1
    cell = ws.cell(2, p_col)
    assert isinstance(cell.value, float) and cell.number_format != "General"
    assert ws.cell(2, head.index(heads[3]) + 1).value == 320  # n stays an integer
    csv = cli("knowledge-gap", *_kg(samples_dir), "--no-items", "-f", "csv")
    tidy = pd.read_csv(io.StringIO(csv.stdout))
    assert cell.value == tidy["p_mann_whitney"].iloc[0]  # full precision
    # the notes sheet: the terminal's notes, one per row, the Holm rule and the weight among them
    sheet = wb[notes]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == (("Avsnitt", "Typ", "Text") if lang == "sv" else ("Section", "Kind", "Text"))
    own = "Arbetsboken"  # a Swedish workbook's first note, on its own words (not the terminal's)
    texts = [row[2] for row in rows[1:] if row[0] != own]
    assert len(texts) >= 3 and any("Holm" in t for t in texts)
    # the weight column knowledge-gap does not use, marked as the warning it is
    warning = "Varning" if lang == "sv" else "Warning"
    assert any("Vikt" in row[2] and row[1] == warning for row in rows[1:])
    terminal = cli("knowledge-gap", *_kg(samples_dir), "--no-items", "--lang", lang)
    assert terminal.exit_code == 0, terminal.stderr
    assert all(_flat(t) in _flat(terminal.stdout) for t in texts)


def test_tolerance_sv_verdicts_and_formula_text_stays_text(
    cli, samples_dir: Path, tmp_path: Path
) -> None:
    frame = pd.read_excel(samples_dir / "karlstad_tolerans.xlsx", engine="openpyxl")
    hostile = '=HYPERLINK("http://x","y")'
    frame["Tjänst"] = [hostile if k % 2 else "Skola" for k in range(len(frame))]
    data = tmp_path / "tol.csv"
    frame.to_csv(data, index=False)
    book = tmp_path / "tol.xlsx"
    r = cli("tolerance", data, "--by", "Tjänst", "--no-items", "--lang", "sv", "-o", book)
    assert r.exit_code == 0, r.stderr
    wb = openpyxl.load_workbook(book)
    ws = wb["Resultat"]
    head = [c.value for c in ws[1]]
    assert {"Läge", "MSA (P−A)", "Andel under A", "p (MSA)"} <= set(head)
    position = {row[head.index("Läge")] for row in ws.iter_rows(min_row=2, values_only=True)}
    assert position <= {"under zonen", "inom zonen", "över zonen", "vid en gräns (kan ej avgöras)"}
    cells = [c for c in ws["A"][1:] if c.value == hostile]
    assert cells and all(c.data_type == "s" for c in cells)  # text, never a formula
    assert wb["Noter"].max_row > 1
    # the CSV is the machine-readable table: English columns and codes, unchanged
    csv = cli("tolerance", data, "--by", "Tjänst", "--no-items", "--lang", "sv", "-f", "csv")
    assert csv.stdout.startswith("group,level,name,n,adequate,")


def test_trend_workbook_keeps_the_explanation_with_its_rule(
    cli, samples_dir: Path, tmp_path: Path
) -> None:
    """trend's explanation of N and C (after the Holm adjustment) is a paragraph, not a note:
    it is a rule all the same and goes to the notes sheet as the terminal prints it."""
    years = [samples_dir / f"servicematning_{y}.xlsx" for y in (2019, 2020)]
    book = tmp_path / "trend.xlsx"
    assert cli("trend", *years, "--lang", "sv", "-o", book).exit_code == 0
    wb = openpyxl.load_workbook(book)
    assert {"Område", "Nyckeltal", "Bedömning"} <= {c.value for c in wb["Resultat"][1]}
    rows = list(wb["Noter"].iter_rows(min_row=3, values_only=True))  # after the workbook's own
    explained = [text for _, kind, text in rows if kind == "Förklaring"]
    assert any("Holm" in t for t in explained)
    terminal = cli("trend", *years, "--lang", "sv").stdout
    assert all(_flat(text) in _flat(terminal) for _, _, text in rows)


def test_kolada_workbook_colour_words_and_published_decimals(
    cli, samples_dir: Path, tmp_path: Path
) -> None:
    """Kolada's colour is "gul (mellersta tredjedelen)", not "yellow"; a value published with one
    decimal is shown with one (79.6, not 79.600), the cell keeping the number."""
    book = tmp_path / "k.xlsx"
    args = ("kolada", samples_dir / "kolada_servicematning.csv", "-m", "Lekeberg")
    assert cli(*args, "--lang", "sv", "-o", book).exit_code == 0
    ws = openpyxl.load_workbook(book)["Resultat"]
    head = [c.value for c in ws[1]]
    assert {"Nyckeltal", "År", "Värde", "Kolada-färg"} <= set(head)
    colours = {row[head.index("Kolada-färg")] for row in ws.iter_rows(min_row=2, values_only=True)}
    assert "gul (mellersta tredjedelen)" in colours and "yellow" not in colours
    value = ws.cell(3, head.index("Värde") + 1)
    assert value.value == 79.6 and value.number_format == '0.0;"−"0.0'
