"""Issue #11 items 5-7 (outputs match their names, tables that fit, help) and #16's threads."""

from __future__ import annotations

import csv
import io
import os
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from openpyxl import load_workbook
from rich.console import Console

from servqual_cli.cli import terminal
from servqual_cli.report.spec import Document, Section, Table, format_value


def _gap(cli, data_dir: Path, *more: object):
    return cli("gap", data_dir / "kiosk.csv", "-i", data_dir / "kiosk.toml", "--by", "Enhet", *more)


def test_xlsx_output_is_a_workbook_with_the_csv_table(cli, data_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "gaps.xlsx"
    assert _gap(cli, data_dir, "-o", out).exit_code == 0
    csv_rows = list(csv.reader(io.StringIO(_gap(cli, data_dir, "-f", "csv").stdout)))
    ws = load_workbook(out).active
    rows = [[c for c in row] for row in ws.iter_rows(values_only=True)]
    assert [str(c) for c in rows[0]] == csv_rows[0]
    assert len(rows) == len(csv_rows)
    n_col = csv_rows[0].index("n")
    # Typed cells: counts are integers, never floats or text; rows without a count (a pair of
    # dimensions in the comparison) stay empty, as in the CSV.
    for xrow, crow in zip(rows[1:], csv_rows[1:], strict=True):
        assert isinstance(xrow[n_col], int) if crow[n_col] else xrow[n_col] is None
    assert any(isinstance(r[n_col], int) for r in rows[1:])
    gap_col = csv_rows[0].index("gap")
    for xrow, crow in zip(rows[1:], csv_rows[1:], strict=True):
        if crow[gap_col]:
            assert xrow[gap_col] == pytest.approx(float(crow[gap_col]), rel=1e-12)


def test_xlsx_output_is_reproducible(cli, data_dir: Path, tmp_path: Path) -> None:
    a, b = tmp_path / "a.xlsx", tmp_path / "b.xlsx"
    assert _gap(cli, data_dir, "-o", a).exit_code == 0
    assert _gap(cli, data_dir, "-o", b).exit_code == 0
    assert a.read_bytes() == b.read_bytes()


@pytest.mark.parametrize("name", ["out.xls", "out.html5", "out"])
def test_an_unknown_extension_is_a_usage_error(cli, data_dir: Path, tmp_path: Path, name) -> None:
    r = _gap(cli, data_dir, "-o", tmp_path / name)
    assert r.exit_code == 2 and "cannot tell the format" in r.stderr
    assert not (tmp_path / name).exists()
    assert _gap(cli, data_dir, "-o", tmp_path / name, "-f", "json").exit_code == 0


def test_xlsx_needs_a_file(cli, data_dir: Path) -> None:
    r = _gap(cli, data_dir, "-f", "xlsx")
    assert r.exit_code == 2 and "needs -o" in r.stderr


def test_excel_sv_dialect(cli, data_dir: Path) -> None:
    from servqual_cli.cli.csv_dialect import CsvSettings, csv_bytes

    frame = pd.DataFrame({"name": ["a", "b"], "n": [400.0, None], "gap": [-0.5, 1.25]})
    data = csv_bytes(frame, CsvSettings(dialect="excel-sv"))
    assert data.startswith(b"\xef\xbb\xbf")
    assert data.decode("utf-8-sig") == "name;n;gap\r\na;400;-0,5\r\nb;;1,25\r\n"
    r = _gap(cli, data_dir, "-f", "csv", "--csv-dialect", "excel-sv")
    assert r.exit_code == 0 and r.stdout.startswith("\ufeffgroup;level;name;n;")


def test_integers_stay_integers(cli, data_dir: Path) -> None:
    rows = list(csv.DictReader(io.StringIO(_gap(cli, data_dir, "-f", "csv").stdout)))
    assert all("." not in row["n"] for row in rows)


def test_unknown_dialect_is_a_usage_error(cli, data_dir: Path) -> None:
    r = _gap(cli, data_dir, "-f", "csv", "--csv-dialect", "excel-fr")
    assert r.exit_code == 2 and "--csv-dialect" in r.stderr


def test_dash_writes_to_stdout(cli, data_dir: Path) -> None:
    r = _gap(cli, data_dir, "-o", "-", "-f", "json")
    assert r.exit_code == 0 and r.stdout.startswith("{")
    assert not Path("-").exists()


def test_bare_servqual_prints_help_and_exits_0(cli) -> None:
    r = cli()
    assert r.exit_code == 0 and "Usage" in r.stdout and r.stderr == ""


@pytest.mark.parametrize("command", [(), ("gap",), ("report",), ("alpha",)])
def test_help_has_no_bool_placeholder(cli, command: tuple[str, ...]) -> None:
    r = cli(*command, "--help")
    assert r.exit_code == 0 and "--help" in r.stdout
    assert "<bool>" not in r.stdout


def test_broken_pipe_exits_quietly(data_dir: Path) -> None:
    code = (
        "import sys; from servqual_cli.cli.main import run; "
        f"sys.argv = ['servqual', 'gap', {str(data_dir / 'kiosk.csv')!r}, '-i', "
        f"{str(data_dir / 'kiosk.toml')!r}, '-f', 'json']; run()"
    )
    proc = subprocess.Popen(
        [sys.executable, "-c", code], stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.close()  # the reader goes away before the first byte
    err = proc.stderr.read().decode()
    assert proc.wait() in (0, 141) and err == ""


def test_full_output_device_is_refused_and_full_stdout_is_one_line(data_dir: Path) -> None:
    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full here")
    args = [sys.executable, "-m", "servqual_cli", "gap", str(data_dir / "kiosk.csv"),
            "-i", str(data_dir / "kiosk.toml"), "-f", "json"]  # fmt: skip
    with open("/dev/full", "wb") as full:
        proc = subprocess.run(args, stdout=full, stderr=subprocess.PIPE, text=True)
    assert proc.returncode == 1
    assert proc.stderr.count("\n") == 1 and "no space left on device" in proc.stderr
    proc = subprocess.run([*args, "-o", "/dev/full"], capture_output=True, text=True)
    assert proc.returncode == 2 and "is a device" in proc.stderr


def test_one_blas_thread_by_default_and_more_on_request() -> None:
    code = (
        "from servqual_cli.cli import main; import numpy; from threadpoolctl import "
        "threadpool_info; print(max([p['num_threads'] for p in threadpool_info()] or [1]))"
    )
    env = {k: v for k, v in os.environ.items() if not k.endswith("_NUM_THREADS")}
    env.pop("SERVQUAL_THREADS", None)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    assert out.stdout.strip() == "1", out.stderr
    env["SERVQUAL_THREADS"] = "2"
    code2 = (
        "from servqual_cli.cli import main; import os; print(os.environ['OPENBLAS_NUM_THREADS'])"
    )
    out = subprocess.run([sys.executable, "-c", code2], capture_output=True, text=True, env=env)
    assert out.stdout.strip() == "2"


def _wide_table() -> Table:
    frame = pd.DataFrame(
        {
            "Dimension": ["Tangibles (physical facilities)", "Responsiveness", "Assurance"],
            **{
                f"Very long statistic name number {k}": [-0.123456 * k, 12345.678, -1.0e-3]
                for k in range(1, 9)
            },
            "n": [400, 399, 12],
        }
    )
    formats = {c: ".3f" for c in frame.columns if c.startswith("Very")} | {"n": "d"}
    return Table("Gaps", frame, formats)


@pytest.mark.parametrize("width", [60, 61, 72, 80, 100, 120, 160, 200])
def test_numbers_are_never_cut_at_any_width(width: int) -> None:
    table = _wide_table()
    buf = io.StringIO()
    con = Console(file=buf, width=width, color_system=None, highlight=False, soft_wrap=False)
    terminal.print_document(Document("t", (Section("s", (table,)),)), con)
    text = buf.getvalue()
    assert max(len(line) for line in text.splitlines()) <= width
    for col in table.frame.columns[1:]:
        for value in table.frame[col]:
            assert format_value(value, table.formats.get(col)) in text
    for label in table.frame["Dimension"]:  # labels wrap, never cut
        assert "…" not in text
        assert all(word in text for word in label.split())
