"""Review 10b, findings 9 and 6: a workbook named .csv is named as a workbook (not an encoding
problem), and --sheet / --encoding given for a file they cannot apply to are refused (exit 2),
in English and Swedish, on one line."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parents[1] / "data"
SAMPLES = Path(__file__).resolve().parents[2] / "data" / "samples"
CFB = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def one_line(result, code: int, prefix: str = "servqual: error: ") -> str:
    assert result.exit_code == code, (result.stdout, result.stderr)
    assert result.stderr.startswith(prefix) and result.stderr.count("\n") == 1, result.stderr
    assert "Traceback" not in result.stderr
    return result.stderr.strip()


@pytest.mark.parametrize(
    ("source", "name", "en", "sv"),
    [
        (DATA / "kiosk.xlsx", "svar.csv",
         "is an Excel workbook (.xlsx) named .csv; rename it .xlsx",
         "är en Excel-arbetsbok (.xlsx) med namnet .csv; byt namn till .xlsx"),
        (DATA / "kiosk.ods", "svar.txt",
         "is an OpenDocument spreadsheet (.ods) named .txt; rename it .ods",
         "är ett OpenDocument-kalkylblad (.ods) med namnet .txt; byt namn till .ods"),
        (None, "svar.tsv",
         "is an Excel workbook (.xls) named .tsv; rename it .xls",
         "är en Excel-arbetsbok (.xls) med namnet .tsv; byt namn till .xls"),
        ("zip", "svar.csv",
         "is a zip archive, not a text file; unpack it first",
         "är ett zip-arkiv, inte en textfil; packa upp det först"),
    ],
)  # fmt: skip
def test_a_workbook_named_as_text(cli, tmp_path: Path, source, name, en, sv) -> None:
    path = tmp_path / name
    if source is None:  # an old .xls: a compound file
        path.write_bytes(CFB + b"\x00" * 504)
    elif source == "zip":
        with zipfile.ZipFile(path, "w") as zf:
            zf.writestr("svar.csv", "id;E1\n1;5\n")
    else:
        shutil.copyfile(source, path)
    line = one_line(cli("gap", path, "--no-items"), 1)
    assert line == f"servqual: error: {path}: {en}"
    assert "encoding" not in line and "decoded" not in line
    line = one_line(cli("gap", path, "--no-items", "--lang", "sv"), 1, "servqual: fel: ")
    assert line == f"servqual: fel: {path}: {sv}"


def test_the_sample_workbook_renamed_csv_in_other_commands(cli, tmp_path: Path) -> None:
    path = tmp_path / "kontakter.csv"
    shutil.copyfile(SAMPLES / "servicematning_2020.xlsx", path)
    for command in ("contacts", "describe"):
        line = one_line(cli(command, path), 1)
        assert line.endswith("named .csv; rename it .xlsx")


def test_a_csv_with_a_zip_like_start_in_text_is_still_text(cli, tmp_path: Path) -> None:
    """Only the first bytes decide: "PK" as a cell's text at the start is not a signature."""
    path = tmp_path / "pk.csv"
    path.write_text("PK;E1;P1\n1;5;6\n2;4;4\n", encoding="utf-8")
    result = cli("describe", path)
    assert result.exit_code == 0, result.stderr


@pytest.mark.parametrize(
    ("args", "en", "sv"),
    [
        ((DATA / "kiosk.csv", "--sheet", "2"),
         "--sheet applies to workbooks; kiosk.csv is a CSV file",
         "--sheet gäller arbetsböcker; kiosk.csv är en CSV-fil"),
        ((DATA / "kiosk.xlsx", "--encoding", "latin9"),
         "--encoding applies to text files; kiosk.xlsx is a workbook (.xlsx)",
         "--encoding gäller textfiler; kiosk.xlsx är en arbetsbok (.xlsx)"),
        ((DATA / "kiosk.ods", "--encoding", "cp1252"),
         "--encoding applies to text files; kiosk.ods is a workbook (.ods)",
         "--encoding gäller textfiler; kiosk.ods är en arbetsbok (.ods)"),
    ],
)  # fmt: skip
def test_an_option_for_another_kind_of_file(cli, args, en: str, sv: str) -> None:
    line = one_line(cli("gap", *args, "--no-items"), 2)
    assert line == f"servqual: error: {args[0]}: {en}"
    line = one_line(cli("gap", *args, "--no-items", "--lang", "sv"), 2, "servqual: fel: ")
    assert line == f"servqual: fel: {args[0]}: {sv}"


def test_sheet_on_a_parquet_file_and_encoding_on_it(cli, tmp_path: Path) -> None:
    import pandas as pd

    path = tmp_path / "svar.parquet"
    pd.DataFrame({"E1": [5, 6], "P1": [4, 6]}).to_parquet(path)
    assert one_line(cli("describe", path, "--sheet", "1"), 2).endswith(
        "--sheet applies to workbooks; svar.parquet is a Parquet file"
    )
    assert one_line(cli("describe", path, "--encoding", "utf-8"), 2).endswith(
        "--encoding applies to text files; svar.parquet is a Parquet file"
    )


def test_the_options_where_they_apply_still_work(cli) -> None:
    assert cli("describe", DATA / "kiosk.xlsx", "--sheet", "2").exit_code == 0
    assert cli("describe", DATA / "kiosk.csv", "--encoding", "utf-8").exit_code == 0


def test_a_missing_file_is_named_before_the_options(cli, tmp_path: Path) -> None:
    line = one_line(cli("gap", tmp_path / "nope.csv", "--sheet", "2"), 2)
    assert "not found" in line and "--sheet" not in line


def test_a_workbook_on_standard_input(cli, monkeypatch: pytest.MonkeyPatch) -> None:
    import io
    import sys

    data = (DATA / "kiosk.xlsx").read_bytes()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    line = one_line(cli("gap", "-", "--no-items"), 1)
    assert line == (
        "servqual: error: <stdin>: is a workbook (.xlsx), not CSV text; give it as a file named "
        ".xlsx"
    )
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    line = one_line(cli("gap", "-", "--no-items", "--lang", "sv"), 1, "servqual: fel: ")
    assert line.endswith(
        "är en arbetsbok (.xlsx), inte CSV-text; ange den som en fil med namnet .xlsx"
    )


# The codes this file's cases raise (test_errors_swedish_cli.py counts them as tested).
CODES = {"workbook_named_text", "ods_named_text", "workbook_not_text", "zip_not_text",
         "sheet_not_workbook", "encoding_on_workbook", "encoding_not_text_file"}  # fmt: skip


def test_every_code_here_has_a_case(cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each of :data:`CODES` is what a case above raises (so the list cannot claim a code no
    case shows)."""
    import io
    import sys

    from servqual_cli.cli import error_text

    seen: set[str | None] = set()
    original = error_text.error_line
    monkeypatch.setattr(error_text, "error_line",
                        lambda exc, lang: seen.add(exc.code) or original(exc, lang))  # fmt: skip
    for source, name in ((DATA / "kiosk.xlsx", "a.csv"), (DATA / "kiosk.ods", "b.csv")):
        shutil.copyfile(source, tmp_path / name)
        cli("gap", tmp_path / name)
    with zipfile.ZipFile(tmp_path / "c.csv", "w") as zf:
        zf.writestr("c.csv", "id\n1\n")
    cli("gap", tmp_path / "c.csv")
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"PK\x03\x04xl/workbook.xml")))
    cli("gap", "-")
    cli("gap", DATA / "kiosk.csv", "--sheet", "2")
    cli("gap", DATA / "kiosk.xlsx", "--encoding", "utf-8")
    import pandas as pd

    pd.DataFrame({"E1": [5]}).to_parquet(tmp_path / "d.parquet")
    cli("gap", tmp_path / "d.parquet", "--encoding", "utf-8")
    assert seen == CODES
