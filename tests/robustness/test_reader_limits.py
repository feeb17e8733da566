"""What the reader refuses before it reads: special files, oversized input, bombs (#10 items 6, 7).

Memory is tested under ``resource.setrlimit`` in a child process, so a regression fails the test
(MemoryError or an abort) instead of exhausting the machine.
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

READER = Path(__file__).parent.parent / "data" / "reader"
TWO = READER / "two_items.toml"


def one_line_error(result, code: int, *needles: str) -> None:
    assert result.exit_code == code, (result.stdout, result.stderr)
    assert result.stderr.startswith("servqual: error: ") and result.stderr.count("\n") == 1
    for needle in needles:
        assert needle in result.stderr, result.stderr


def test_symlink_to_dev_zero_is_refused(cli, tmp_path: Path) -> None:
    link = tmp_path / "zero.csv"
    link.symlink_to("/dev/zero")
    one_line_error(cli("gap", link, "-i", TWO), 2, "zero.csv", "not a regular file")


def test_fifo_is_refused_without_hanging(cli, tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.csv"
    os.mkfifo(fifo)
    one_line_error(cli("gap", fifo, "-i", TWO), 2, "FIFO")


def test_folder_is_refused(cli, tmp_path: Path) -> None:
    folder = tmp_path / "data.csv"
    folder.mkdir()
    one_line_error(cli("gap", folder, "-i", TWO), 2, "is a folder")


def test_path_over_255_bytes(cli, tmp_path: Path) -> None:
    long = tmp_path / ("å" * 200 + ".csv")  # 400 bytes in UTF-8
    one_line_error(cli("gap", long, "-i", TWO), 2, "cannot read file")


def test_unsupported_suffix_on_a_missing_file_says_not_found(cli, tmp_path: Path) -> None:
    one_line_error(cli("gap", tmp_path / "x.doc", "-i", TWO), 2, "file not found")


def _run(args: list[str], stdin=None, env: dict[str, str] | None = None, memory: int = 0):
    """The CLI in a child process, optionally with an address-space limit (bytes)."""
    code = (
        "import resource, sys\n"
        f"lim = {memory}\n"
        "if lim: resource.setrlimit(resource.RLIMIT_AS, (lim, lim))\n"
        "from servqual_cli.cli.main import main\n"
        "sys.exit(main(sys.argv[1:]))\n"
    )
    return subprocess.run(
        [sys.executable, "-c", code, *args],
        stdin=stdin,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, **(env or {})},
    )


def test_stdin_from_dev_zero_stops_at_once() -> None:
    with open("/dev/zero", "rb") as zero:
        done = _run(["gap", "-", "-i", str(TWO)], stdin=zero, memory=3_000_000_000)
    assert done.returncode == 1, done.stderr
    assert "<stdin>: is not a text file" in done.stderr and "Traceback" not in done.stderr


def test_stdin_over_the_size_limit() -> None:
    data = b"E1;P1;E2;P2\n" + b"5;5;5;5\n" * 20_000
    done = subprocess.run(
        [sys.executable, "-m", "servqual_cli", "gap", "-", "-i", str(TWO)],
        input=data,
        capture_output=True,
        timeout=120,
        env={**os.environ, "SERVQUAL_MAX_BYTES": "100000"},
    )
    assert done.returncode == 1 and b"over the limit of 100,000" in done.stderr


def test_file_over_the_size_limit(cli, tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "big.csv"
    path.write_bytes(b"E1;P1;E2;P2\n" + b"5;5;5;5\n" * 2_000)
    monkeypatch.setenv("SERVQUAL_MAX_BYTES", "1000")
    one_line_error(cli("gap", path, "-i", TWO), 1, "over the limit of 1,000", "SERVQUAL_MAX_BYTES")


def test_bad_limit_variable_is_usage_error(cli, monkeypatch) -> None:
    monkeypatch.setenv("SERVQUAL_MAX_CELLS", "many")
    one_line_error(cli("gap", READER / "utf16.csv", "-i", TWO), 2, "SERVQUAL_MAX_CELLS")


def test_field_longer_than_the_limit_names_the_line(cli, tmp_path: Path) -> None:
    path = tmp_path / "long.csv"
    path.write_text("E1;P1;E2;P2\n5;5;5;5\n" + '"' + "x" * 200_000 + '";5;5;5\n')
    one_line_error(cli("gap", path, "-i", TWO), 1, "line 3", "longer than 131,072")


def test_single_line_of_50_mb_is_refused_quickly(cli, tmp_path: Path) -> None:
    path = tmp_path / "one_line.csv"
    path.write_bytes(b"x" * 50_000_000)
    one_line_error(cli("gap", path, "-i", TWO), 1, "one_line.csv")


def test_too_many_fields_on_a_line(cli, tmp_path: Path) -> None:
    path = tmp_path / "wide.csv"
    path.write_text("E1;P1;E2;P2\n" + ";".join(["5"] * 20_000) + "\n")
    one_line_error(cli("gap", path, "-i", TWO), 1, "20,000 fields", "16,384")


def test_zip_bomb_ratio_is_refused(cli, tmp_path: Path) -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("xl/worksheets/sheet1.xml", b"<" + b" " * 30_000_000 + b">")
    path = tmp_path / "bomb.xlsx"
    path.write_bytes(buf.getvalue())
    assert path.stat().st_size < 100_000
    one_line_error(cli("gap", path, "-i", TWO), 1, "zip bomb", "limit 100:1")


def test_unpacked_size_over_the_limit(cli, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("SERVQUAL_MAX_BYTES", "6000")
    one_line_error(cli("gap", READER / "excel_errors.xlsx", "-i", TWO), 1, "unpacks to")


@pytest.mark.parametrize("name", ["bomb_far_cell.xlsx", "bomb_zz.xlsx", "bomb_repeated.ods"])
def test_bombs_refused_within_a_memory_limit(name: str) -> None:
    done = _run(["gap", str(READER / name), "-i", str(TWO)], memory=3_000_000_000)
    assert done.returncode == 1, done.stderr
    assert "refused before reading" in done.stderr and "Traceback" not in done.stderr


def test_raising_the_cell_limit_lets_a_larger_sheet_through(tmp_path: Path) -> None:
    """The ZZ200000 sheet is refused at the default limit and read when the limit allows it."""
    from servqual_cli.io.limits import Limits
    from servqual_cli.io.zipguard import check_workbook, scan_xlsx_sheet

    data = (READER / "bomb_zz.xlsx").read_bytes()
    zf = check_workbook(data, ".xlsx", "bomb_zz.xlsx", Limits(max_cells=200_000_000))
    assert zf is not None
    assert scan_xlsx_sheet(zf, "Sheet", "bomb_zz.xlsx", Limits(max_cells=200_000_000)).errors == []


@pytest.mark.parametrize(
    "xml",
    [
        b'<sheetData><row r="1"><c r="A1"/><c r="ZZ900000"/></row></sheetData>',  # row tag lies
        b'<sheetData><row spans="1:2" r="900000"><c r="ZZ900000"/></row></sheetData>',
        b'<x:sheetData><x:row r="2"><x:c t="n" r="XFD1048576"/></x:row></x:sheetData>',
        b'<sheetData><row r="1"><c r="AAAA1"/></row></sheetData>',  # beyond XFD
    ],
)
def test_hostile_cell_references_are_found(xml: bytes) -> None:
    from servqual_cli.errors import DataError, Location
    from servqual_cli.io.limits import Limits
    from servqual_cli.io.zipguard import _check_xlsx_extent

    with pytest.raises(DataError, match="refused before reading"):
        _check_xlsx_extent(xml, Limits(), Location("x.xlsx"))


def test_a_dense_sheet_within_the_limit_passes() -> None:
    from servqual_cli.errors import Location
    from servqual_cli.io.limits import Limits
    from servqual_cli.io.zipguard import _check_xlsx_extent

    rows = b"".join(
        b'<row r="%d"><c r="A%d"/><c r="AX%d"/></row>' % (i, i, i) for i in range(1, 2001)
    )
    _check_xlsx_extent(
        b"<sheetData>" + rows + b"</sheetData>", Limits(max_cells=100_000), Location("x.xlsx")
    )
