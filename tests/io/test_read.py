"""Reading files: formats, dialects, title rows, and the errors for bad files."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from servqual_cli.errors import DataError, UsageError
from servqual_cli.io.read import detect_delimiter, read_table


def test_csv_utf8(data_dir: Path) -> None:
    t = read_table(data_dir / "kiosk.csv")
    assert t.delimiter == "," and t.encoding == "utf-8"
    assert t.header_row == 1
    assert t.frame.shape == (30, 14)
    assert t.row_numbers[0] == 2 and t.row_numbers[-1] == 31
    assert t.frame.iloc[0, 1] == "Söder"


def test_swedish_excel_csv(data_dir: Path) -> None:
    """cp1252, semicolons, a title row and an empty row above the header, CRLF."""
    t = read_table(data_dir / "kiosk_sv.csv")
    assert (t.encoding, t.delimiter, t.header_row) == ("cp1252", ";", 3)
    assert t.columns[:3] == ["id", "Enhet", "F1"]
    assert t.frame.iloc[0, 1] == "Söder"
    assert t.frame.iloc[0, -2] == "40,5"  # decimal comma kept as text for the value parser
    assert t.row_numbers[0] == 4


def test_xlsx_title_rows_and_sheets(data_dir: Path) -> None:
    t = read_table(data_dir / "kiosk.xlsx", sheet="Data")
    assert t.sheet == "Data" and t.header_row == 3 and t.frame.shape == (30, 14)
    assert read_table(data_dir / "kiosk.xlsx", sheet="2").sheet == "Data"
    assert read_table(data_dir / "kiosk.xlsx", sheet="data").sheet == "Data"
    with pytest.raises(UsageError, match="no sheet 'Blad1'.*'Info', 'Data'"):
        read_table(data_dir / "kiosk.xlsx", sheet="Blad1")


def test_header_row_override(data_dir: Path) -> None:
    t = read_table(data_dir / "kiosk.csv", header_row=2)
    assert t.columns[0] == "1"
    with pytest.raises(UsageError, match="--header-row 99"):
        read_table(data_dir / "kiosk.csv", header_row=99)


def test_forced_encoding(tmp_path: Path) -> None:
    path = tmp_path / "k.csv"
    path.write_bytes("namn;varde\n가나;1\n".encode("cp949"))
    t = read_table(path, encoding="cp949")
    assert t.frame.iloc[0, 0] == "가나"
    with pytest.raises(UsageError, match="unknown encoding"):
        read_table(path, encoding="nonsense-enc")


def test_utf8_bom(tmp_path: Path) -> None:
    path = tmp_path / "bom.csv"
    path.write_bytes(b"\xef\xbb\xbfa;b\n1;2\n")
    t = read_table(path)
    assert t.columns == ["a", "b"] and t.encoding == "utf-8-sig"


def test_parquet(tmp_path: Path) -> None:
    path = tmp_path / "s.parquet"
    pd.DataFrame({"E1": [1, 2], "P1": [3, None]}).to_parquet(path)
    t = read_table(path)
    assert t.frame.shape == (2, 2) and list(t.row_numbers) == [1, 2]


def test_sav_value_labels(tmp_path: Path) -> None:
    pyreadstat = pytest.importorskip("pyreadstat")
    path = tmp_path / "s.sav"
    frame = pd.DataFrame({"unit": [1.0, 2.0], "E1": [7.0, 99.0]})
    pyreadstat.write_sav(
        frame,
        str(path),
        variable_value_labels={"unit": {1.0: "Skola", 2.0: "Vård"}, "E1": {99.0: "Vet ej"}},
    )
    t = read_table(path)
    assert t.frame["unit"].tolist() == ["Skola", "Vård"]
    assert t.codes["E1"].tolist() == [7.0, 99.0]


def test_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    fake = io.TextIOWrapper(io.BytesIO(b"E1;P1\n5;4\n"), encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", fake)
    t = read_table("-")
    assert t.source == "<stdin>" and t.frame.shape == (1, 2)


@pytest.mark.parametrize(
    ("name", "error", "message"),
    [
        ("empty.csv", DataError, "file is empty"),
        ("header_only.csv", DataError, "no data rows"),
        ("ragged.csv", DataError, "row 3: has 16 fields but the header"),
        ("corrupt.xlsx", DataError, "not a readable spreadsheet"),
        ("nope.csv", UsageError, "file not found"),
    ],
)
def test_bad_files(data_dir: Path, name: str, error: type, message: str) -> None:
    with pytest.raises(error, match=message):
        read_table(data_dir / name)


def test_unsupported_type(tmp_path: Path) -> None:
    path = tmp_path / "x.pdf"
    path.write_bytes(b"%PDF")
    with pytest.raises(UsageError, match="unsupported file type '.pdf'"):
        read_table(path)


def test_blank_rows_and_columns_dropped(tmp_path: Path) -> None:
    path = tmp_path / "b.csv"
    path.write_text("a;b;\n1;2;\n;;\n3;4;\n", encoding="utf-8")
    t = read_table(path)
    assert t.columns == ["a", "b"]
    assert t.frame.shape == (2, 2)
    assert list(t.row_numbers) == [2, 4]  # the blank line 3 is skipped, numbering kept


def test_detect_delimiter_tab() -> None:
    assert detect_delimiter(["a\tb\tc", "1\t2,5\t3"]) == "\t"


def test_row_numbers_are_file_rows(data_dir: Path) -> None:
    t = read_table(data_dir / "kiosk.xlsx", sheet="Data")
    assert np.array_equal(t.row_numbers, np.arange(4, 34))


def test_ods(data_dir: Path) -> None:
    t = read_table(data_dir / "kiosk.ods")
    assert t.sheet == "Data" and t.frame.shape == (30, 14) and t.columns[1] == "Enhet"
