"""The cell limit (--max-cells, SERVQUAL_MAX_CELLS) holds for CSV as for spreadsheets: the Arrow
fast path (io/csvfast.py), the standard-library reader (io/csvtext.py, taken for a file whose
lines end in CR alone, among others) and standard input, refused before the body is parsed."""

from __future__ import annotations

from pathlib import Path

import pytest

from servqual_cli.errors import DataError
from servqual_cli.io import read_text as read_text_module
from servqual_cli.io.limits import use_max_cells
from servqual_cli.io.read import read_table


def _csv(path: Path, rows: int, newline: str = "\n", encoding: str = "utf-8") -> Path:
    lines = ["id;år;kanal;betyg"] + [f"{i};2024;telefon;{i % 5 + 1}" for i in range(rows)]
    path.write_bytes((newline.join(lines) + newline).encode(encoding))
    return path


@pytest.fixture
def limit_40() -> object:
    undo = use_max_cells(40)  # 10 rows x 4 columns
    yield
    undo()


@pytest.mark.parametrize(
    ("newline", "encoding"),
    [("\n", "utf-8"), ("\r\n", "utf-8"), ("\n", "cp1252"), ("\r", "utf-8"), ("\n", "utf-16")],
    ids=["fast", "fast-crlf", "fast-cp1252", "standard-cr", "standard-utf16"],
)
def test_csv_over_the_limit_is_refused_before_parsing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, limit_40: object, newline: str,
    encoding: str,
) -> None:  # fmt: skip
    def never(*args: object, **kwargs: object) -> None:
        raise AssertionError("the body was parsed")

    monkeypatch.setattr(read_text_module, "read_body", never)
    monkeypatch.setattr(read_text_module, "read_rows", never)
    monkeypatch.setattr(read_text_module, "split_rows", never)
    path = _csv(tmp_path / "d.csv", 11, newline, encoding)
    with pytest.raises(DataError, match=r"d\.csv: has 11 rows x 4 columns, over the reader's "
                       r"limit of 40 cells \(give --max-cells"):  # fmt: skip
        read_table(path)


@pytest.mark.parametrize(
    ("newline", "encoding"), [("\n", "utf-8"), ("\r", "utf-8"), ("\n", "utf-16")]
)
def test_csv_at_the_limit_is_read(
    tmp_path: Path, limit_40: object, newline: str, encoding: str
) -> None:
    table = read_table(_csv(tmp_path / "d.csv", 10, newline, encoding))
    assert table.frame.shape == (10, 4)


def test_stdin_is_held_to_the_limit(monkeypatch: pytest.MonkeyPatch, limit_40: object) -> None:
    import io
    import sys

    data = "id;år;kanal;betyg\n" + "".join(f"{i};2024;telefon;3\n" for i in range(11))
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data.encode())))
    with pytest.raises(DataError, match="over the reader's limit of 40 cells"):
        read_table("-")


def test_title_lines_and_a_trailing_line_without_newline(tmp_path: Path, limit_40: object) -> None:
    """Rows are counted below the header: title lines above it are not data."""
    path = tmp_path / "t.csv"
    body = "".join(f"{i};2024;telefon;3\n" for i in range(9)) + "9;2024;telefon;3"
    path.write_text("Servicemätning 2024\n\nid;år;kanal;betyg\n" + body, encoding="utf-8")
    assert read_table(path).frame.shape == (10, 4)
