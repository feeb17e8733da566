"""Broken and awkward input files through the real CLI: exit code, one-line message naming the
file (and line, sheet, row, column where known), and the input left untouched.

Each file is in tests/data/reader/ (written by make_files.py there); #10 and #11 list them.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

READER = Path(__file__).parent.parent / "data" / "reader"
TWO = READER / "two_items.toml"


def _hash(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def one_line_error(result, code: int, *needles: str) -> None:
    assert result.exit_code == code, (result.stdout, result.stderr)
    assert result.stderr.startswith("servqual: error: ") and result.stderr.count("\n") == 1
    assert "Traceback" not in result.stderr
    for needle in needles:
        assert needle in result.stderr, result.stderr


@pytest.mark.parametrize(
    ("name", "code", "needles"),
    [
        ("stray_quote.csv", 1, ["stray_quote.csv", "line 3", "never closed"]),
        ("stray_quote_closed.csv", 1, ["line 3", "to line 5", "stray quote"]),
        ("mixed_encoding.csv", 1, ["line 5 is not UTF-8", "--encoding"]),
        ("bom_invalid.csv", 1, ["line 4 cannot be decoded as UTF-8", "--encoding"]),
        ("utf16_odd.csv", 1, ["odd number of bytes"]),
        ("utf16_surrogate.csv", 1, ["line 7", "UTF-16", "surrogate"]),
        ("csv_renamed.xlsx", 1, ["this is a text file", "rename it .csv"]),
        ("encrypted.xlsx", 1, ["password-protected; save it without a password"]),
        ("formula_only.xlsx", 1, ["formulas not calculated", "open and save it in Excel"]),
        ("bomb_far_cell.xlsx", 1, ["1,048,576 rows", "16,384 columns", "SERVQUAL_MAX_CELLS"]),
        ("bomb_zz.xlsx", 1, ["200,000 rows", "702 columns", "refused before reading"]),
        ("bomb_repeated.ods", 1, ["repeated rows", "refused before reading"]),
    ],
)
def test_bad_file_is_one_line_and_untouched(cli, name: str, code: int, needles: list[str]) -> None:
    path = READER / name
    before = _hash(path)
    one_line_error(cli("gap", path, "-i", TWO), code, name, *needles)
    assert _hash(path) == before


def test_utf16_with_bom_is_read(cli) -> None:
    result = cli("gap", READER / "utf16.csv", "-i", TWO, "-f", "json")
    assert result.exit_code == 0, result.stderr
    assert '"encoding": "utf-16"' in result.stdout
    assert '"n_rows": 6' in result.stdout


def test_multiline_comment_keeps_rows_and_line_numbers() -> None:
    from servqual_cli.io.read import read_table

    table = read_table(READER / "multiline_comment.csv")
    assert table.frame["Kommentar"].tolist() == ["Bra\nmen långsamt", "ok"]
    assert table.row_numbers.tolist() == [2, 4]  # the second row starts on line 4


def test_stray_quote_never_loses_rows_silently(tmp_path: Path, cli) -> None:
    """The issue's case: exit 0 with 3 of 6 rows is never possible; either all or an error."""
    result = cli("gap", READER / "stray_quote.csv", "-i", TWO, "-f", "json")
    assert result.exit_code == 1 and '"n_rows": 3' not in result.stdout


def test_excel_errors_are_counted_and_listed(cli, tmp_path: Path) -> None:
    path = READER / "excel_errors.xlsx"
    excluded = tmp_path / "excluded.csv"
    result = cli("gap", path, "-i", TWO, "--by", "Tjänst", "-f", "json", "--excluded", excluded)
    assert result.exit_code == 0, result.stderr
    assert '"excel_error": 2' in result.stdout
    rows = excluded.read_text(encoding="utf-8").splitlines()
    assert any(r.endswith(",3,P1,#DIV/0!,excel_error") for r in rows)
    assert any(r.endswith(",3,Tjänst,#N/A,excel_error") for r in rows)


def test_excel_errors_fail_under_strict(cli) -> None:
    result = cli("gap", READER / "excel_errors.xlsx", "-i", TWO, "--strict")
    one_line_error(result, 1, "row 3", "column 'P1'", "#DIV/0!", "--strict")


def test_excel_error_in_a_date_column() -> None:
    from servqual_cli.io.cells import parse_dates
    from servqual_cli.io.read import read_table

    table = read_table(READER / "excel_errors.xlsx")
    _, why = parse_dates(table.frame["Datum"])
    assert why.tolist() == [None, None, "excel_error", None]


@pytest.mark.parametrize("name", ["two_row_header.csv", "two_row_header.xlsx"])
def test_two_row_header_detected_and_joined(cli, name: str) -> None:
    result = cli("gap", READER / name, "-i", READER / "two_row.toml", "-f", "json")
    assert result.exit_code == 0, result.stderr
    assert '"header_rows": 2' in result.stdout and '"n_rows": 3' in result.stdout


@pytest.mark.parametrize("name", ["two_row_header_titled.csv", "two_row_header_titled.xlsx"])
def test_two_row_header_below_a_title_row(name: str) -> None:
    # Neither header row fills 80 % of the widest row, so the title row was taken as the header
    # and the two-row header went undetected ("column 3" ... and the header rows read as data).
    from servqual_cli.io.read import read_table

    table = read_table(READER / name)
    assert table.columns == ["id", "Tjänst", "E 1", "E 2", "P 1", "P 2"]
    assert table.header_rows == 2 and table.row_numbers.tolist() == [4, 5, 6]


def test_two_row_header_by_request() -> None:
    from servqual_cli.io.read import read_table

    table = read_table(READER / "two_row_header.csv", header_rows=1)
    assert table.columns[:3] == ["id", "Tjänst", "E"]
    table = read_table(READER / "two_row_header.csv", header_rows=2)
    assert table.columns == ["id", "Tjänst", "E 1", "E 2", "P 1", "P 2"]
    assert table.row_numbers.tolist() == [3, 4, 5]


def test_cp949_fallback_is_flagged_and_forced_encoding_reads_korean() -> None:
    from servqual_cli.io.read import read_table

    table = read_table(READER / "cp949_korean.csv")
    assert table.encoding == "cp1252" and table.garbled
    assert "--encoding cp949" in table.encoding_hint()
    assert table.describe()["encoding_garbled"] is True
    table = read_table(READER / "cp949_korean.csv", encoding="cp949")
    assert table.columns[1] == "성별" and not table.garbled and table.encoding_hint() == ""


def test_swedish_cp1252_is_not_flagged(tmp_path: Path) -> None:
    from servqual_cli.io.read import read_table

    path = tmp_path / "sv.csv"
    path.write_bytes("id;Tjänst;Område\n1;Förskola;Söder\n2;Äldreomsorg;Norr\n".encode("cp1252"))
    table = read_table(path)
    assert table.encoding == "cp1252" and not table.garbled
    assert "if the names look garbled" in table.encoding_hint()


@pytest.mark.parametrize("encoding", ["punycode", "idna", "rot13", "base64"])
def test_encodings_that_cannot_decode_text_are_usage_errors(cli, encoding: str) -> None:
    result = cli("gap", READER / "utf16.csv", "-i", TWO, "--encoding", encoding)
    one_line_error(result, 2, "does not decode text files")


def test_unknown_encoding_is_usage_error(cli) -> None:
    one_line_error(cli("gap", READER / "utf16.csv", "--encoding", "nope"), 2, "unknown encoding")


def test_parquet_with_list_column(tmp_path: Path, cli) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    path = tmp_path / "nested.parquet"
    table = pa.table({"E1": [1, 2], "P1": [[1, 2], [3]], "E2": [1, 2], "P2": [1, 2]})
    pq.write_table(table, path)
    one_line_error(cli("gap", path, "-i", TWO), 1, "column 'P1'", "nested values")
