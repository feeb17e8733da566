"""A trailing summary row of an export is left out and recorded (review 9, finding 5).

tests/data/summary_row_sv.csv is the reviewer's file: the first 60 respondents of the Karlstad
sample and, in row 62, "Medelvärde" with the column means (decimal comma), as Excel and survey
tools' exports often end.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from servqual_cli.io.read import read_table
from servqual_cli.io.summary_rows import SummaryRow, drop_summary_rows, summary_label

DATA = Path(__file__).resolve().parents[1] / "data"
FILE = DATA / "summary_row_sv.csv"


def _csv(tmp_path: Path, lines: list[str], name: str = "t.csv") -> Path:
    path = tmp_path / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_the_reviewers_file_loses_its_means_row() -> None:
    table = read_table(FILE)
    assert table.summary_rows == (SummaryRow(62, "Medelvärde"),)
    assert len(table.row_numbers) == 60 and table.row_numbers[-1] == 61
    assert table.describe()["summary_rows"] == [{"row": 62, "label": "Medelvärde"}]
    # the fast reader's columns: every distinct text still occurs among the cells (the row's
    # means were the only "5,21", ...), and the frame built from them has 60 rows
    assert table.encoded is not None
    for col in table.encoded.columns:
        assert np.bincount(col.codes, minlength=len(col.uniques)).min() > 0
    assert "5,21" not in set(table.frame["E1"]) and table.frame.shape == (60, 53)


def test_same_as_the_file_without_the_row(tmp_path: Path) -> None:
    lines = FILE.read_text(encoding="utf-8-sig").splitlines()
    cut = read_table(_csv(tmp_path, lines[:-1]))
    full = read_table(FILE)
    assert cut.summary_rows == ()
    pd.testing.assert_frame_equal(full.frame, cut.frame)
    assert full.row_numbers.tolist() == cut.row_numbers.tolist()


def test_a_workbook_row_and_its_sheet(tmp_path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Svar"
    ws.append(["id", "Tjänst", "E1", "P1"])
    for i in range(1, 6):
        ws.append([i, "Skola", (i % 7) + 1, (i % 5) + 2])
    ws.append(["Summa", None, 20, 24])
    ws.append(["Medelvärde:", None, 4.0, 4.8])
    path = tmp_path / "t.xlsx"
    wb.save(path)
    table = read_table(path)
    assert table.summary_rows == (SummaryRow(7, "Summa"), SummaryRow(8, "Medelvärde:"))
    assert table.frame.shape == (5, 4) and table.row_numbers.tolist() == [2, 3, 4, 5, 6]
    assert table.describe()["sheet"] == "Svar"


def test_a_respondent_called_summa_in_the_middle_is_kept(tmp_path: Path) -> None:
    path = _csv(tmp_path, ["namn;E1;E2", "Anna;5;6", "Summa;4;4", "Bo;3;2"])
    table = read_table(path)
    assert table.summary_rows == () and len(table.row_numbers) == 3


def test_a_group_value_or_a_text_cell_is_not_a_label(tmp_path: Path) -> None:
    # "Total" is the group of several respondents: data, also in the last row
    grouped = read_table(_csv(tmp_path, ["grupp;E1", "Total;5", "Del;4", "Total;3"], "g.csv"))
    assert grouped.summary_rows == () and len(grouped.row_numbers) == 3
    # a last row with another text cell is a respondent (a summary row is label + numbers)
    text = read_table(_csv(tmp_path, ["namn;kön;E1", "Anna;K;5", "Summa;K;4"], "k.csv"))
    assert text.summary_rows == () and len(text.row_numbers) == 2


def test_a_short_summary_row_is_not_a_cut_file(tmp_path: Path) -> None:
    path = tmp_path / "s.csv"
    path.write_bytes(b"id;E1;E2;E3\n1;5;6;7\n2;4;5;6\nMedel;4,5\n")
    table = read_table(path)
    assert table.summary_rows == (SummaryRow(4, "Medel"),)
    assert table.short_rows is None  # the row was the only short one: no "cut short?" warning
    assert "short_rows" not in table.describe()


def test_the_shape_of_a_label_row() -> None:
    assert summary_label(["Total", "1 200", "45 %", "−0,3", 2, 0.5, ".5"]) == "Total"
    assert summary_label(["Sum", True]) is None  # a boolean is not a number
    assert summary_label(["Summan", 3]) is None  # only the listed words
    assert summary_label(["Average", "n/a"]) is None
    assert summary_label([None, float("nan"), "MEAN", 5]) == "MEAN"


@settings(derandomize=True, max_examples=60, deadline=None)
@given(
    st.lists(st.lists(st.integers(1, 7), min_size=3, max_size=3), min_size=2, max_size=12),
    st.sampled_from(["Medelvärde", "Summa", "Total", "Mean", "Average"]),
)
def test_only_the_appended_row_is_left_out(tmp_path_factory, answers, word) -> None:
    """Invariant: a table of respondents is read the same with a summary row appended, but
    for the row (recorded with its line), and a table without one is never changed."""
    folder = tmp_path_factory.mktemp("h")
    body = [f"R{i};" + ";".join(map(str, row)) for i, row in enumerate(answers)]
    plain = read_table(_csv(folder, ["id;a;b;c", *body], "p.csv"))
    assert drop_summary_rows(plain) is plain and plain.summary_rows == ()
    means = ";".join(f"{v:.2f}".replace(".", ",") for v in np.mean(answers, axis=0))
    summed = read_table(_csv(folder, ["id;a;b;c", *body, f"{word};{means}"], "s.csv"))
    assert summed.summary_rows == (SummaryRow(len(answers) + 2, word),)
    pd.testing.assert_frame_equal(summed.frame, plain.frame)


def test_count_words_need_counts() -> None:
    """Review 11, finding 4: "Antal svar", "N", "Count" ... are summary words, but a count
    word's row must hold counts of the rows above, so a respondent "N" or "Antal" stays."""
    assert summary_label(["Antal svar", 393, 396, None, "398"], rows_above=400) == "Antal svar"
    assert summary_label(["Svarsfrekvens", "98 %", "97 %"], rows_above=400) == "Svarsfrekvens"
    assert summary_label(["Count:", 40, 41], rows_above=41) == "Count:"
    assert summary_label(["N", 5, 7, 6], rows_above=400) is None  # answers, not counts
    assert summary_label(["Antal", 12, 7], rows_above=40) is None  # 12 < 40 / 2
    assert summary_label(["N", 41, 42], rows_above=41) is None  # more than the rows
    assert summary_label(["N", 30.5, 30], rows_above=40) is None  # not whole
    assert summary_label(["n", "98 %"], rows_above=40) is None  # a share is not a count


@settings(derandomize=True, max_examples=60, deadline=None)
@given(
    st.lists(st.lists(st.integers(1, 7), min_size=3, max_size=3), min_size=12, max_size=30),
    st.sampled_from(["Antal svar", "Antal", "N", "Count", "Responses"]),
)
def test_a_count_row_is_left_out_and_a_respondent_of_that_name_is_not(
    tmp_path_factory, answers, word
) -> None:
    """Invariant: a count row appended is left out (the frame as without it); the same word
    as the last respondent's name, with answers 1–7, is kept."""
    folder = tmp_path_factory.mktemp("c")
    body = [f"R{i};" + ";".join(map(str, row)) for i, row in enumerate(answers)]
    plain = read_table(_csv(folder, ["id;a;b;c", *body], "p.csv"))
    counts = ";".join(str(len(answers)) for _ in range(3))
    counted = read_table(_csv(folder, ["id;a;b;c", *body, f"{word};{counts}"], "c.csv"))
    assert counted.summary_rows == (SummaryRow(len(answers) + 2, word),)
    pd.testing.assert_frame_equal(counted.frame, plain.frame)
    named = read_table(_csv(folder, ["id;a;b;c", *body, f"{word};5;7;6"], "n.csv"))
    assert named.summary_rows == () and len(named.frame) == len(answers) + 1


def test_a_second_header_row_in_a_workbook_and_a_csv(tmp_path: Path) -> None:
    """Review 11, finding 4: a row of question text under the header is left out and recorded
    as a header row; the rows below are read as without it (frame and row numbers)."""
    questions = ["Löpnr", "Förväntan: Modern utrustning.", "Upplevelse: Modern utrustning.",
                 "Förväntan: Tilltalande lokaler."]  # fmt: skip
    answers = [[i, (i % 7) + 1, (i % 5) + 2, "Vet ej" if i == 3 else 4] for i in range(1, 9)]
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    for row in (["id", "E1", "P1", "E2"], questions, *answers):
        ws.append(row)
    wb.save(tmp_path / "t.xlsx")
    book = read_table(tmp_path / "t.xlsx")
    lines = [";".join(map(str, r)) for r in (["id", "E1", "P1", "E2"], questions, *answers)]
    text = read_table(_csv(tmp_path, lines))
    plain = read_table(_csv(tmp_path, [lines[0], *lines[2:]], "plain.csv"))
    for table in (book, text):
        assert table.summary_rows == (SummaryRow(2, "Förväntan: Modern utrustning.", "header"),)
        assert table.row_numbers.tolist() == list(range(3, 11)) and table.frame.shape == (8, 4)
        assert table.describe()["summary_rows"] == [
            {"row": 2, "label": "Förväntan: Modern utrustning.", "kind": "header"}
        ]
    assert text.frame.astype(str).equals(plain.frame.astype(str))
    assert plain.summary_rows == ()
