"""Issue #10 items 8-10: text from the data is shown, never obeyed (terminal, Markdown, CSV)."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest
from openpyxl import load_workbook

HOSTILE = "hostile_names.csv"


def _gap(cli, data_dir: Path, *more: object):
    return cli("gap", data_dir / HOSTILE, "-i", data_dir / "kiosk.toml", "--by", "Enhet", *more)


def test_terminal_shows_escapes_and_markup_as_written(cli, data_dir: Path) -> None:
    r = _gap(cli, data_dir)
    assert r.exit_code == 0, r.stderr
    assert "\x1b" not in r.stdout
    assert "S\\x1b[2Jx" in r.stdout
    assert "[bold]B[/bold][link=https://e.x]L" in r.stdout  # not parsed as rich markup


def test_error_messages_show_control_characters(cli, data_dir: Path) -> None:
    r = cli("gap", data_dir / HOSTILE, "-i", data_dir / "kiosk.toml", "--by", "X\x1b[2J\x07")
    assert r.exit_code in (1, 2)
    assert "\x1b" not in r.stderr and "\x07" not in r.stderr
    assert r.stderr.count("\n") == 1 and "X\\x1b[2J\\x07" in r.stderr


@pytest.mark.parametrize("fmt", ["markdown", "report"])
def test_markdown_has_no_html_and_no_links_from_the_data(
    cli, data_dir: Path, tmp_path: Path, fmt: str
) -> None:
    if fmt == "markdown":
        r = _gap(cli, data_dir, "-f", "markdown")
        text = r.stdout
    else:
        out = tmp_path / "rep"
        r = cli("report", data_dir / HOSTILE, "-i", data_dir / "kiosk.toml", "--by", "Enhet",
                "-o", out)  # fmt: skip
        text = (out / "report.md").read_text(encoding="utf-8")
        # the workbook holds the names too, with the control character shown
        wb = load_workbook(out / "report.xlsx")
        cells = {str(c.value) for ws in wb for row in ws.iter_rows() for c in row if c.value}
        assert any("S\\x1b[2Jx" in c for c in cells)
    assert r.exit_code == 0, r.stderr
    assert "<script>" not in text and "&lt;script>" in text
    assert re.search(r"(?<!\\)\]\(javascript:", text) is None  # no live link
    assert "[x\\](javascript:alert(1))" in text
    assert "\x1b" not in text


def _rows(text: str, delimiter: str = ",") -> list[list[str]]:
    return list(csv.reader(io.StringIO(text), delimiter=delimiter))


def test_csv_outputs_guard_formulas(cli, data_dir: Path, tmp_path: Path) -> None:
    excluded = tmp_path / "excluded.csv"
    r = _gap(cli, data_dir, "-f", "csv", "--excluded", excluded)
    assert r.exit_code == 0, r.stderr
    groups = {row[0] for row in _rows(r.stdout)[1:]}
    assert '\'=HYPERLINK("http://e.x","y")' in groups and "'+cmd|' /C calc'!A0" in groups
    assert not any(g.startswith(("=", "+", "-", "@")) for g in groups)
    values = [row[4] for row in _rows(excluded.read_text(encoding="utf-8"))[1:]]
    assert "'=SUM(1+1)" in values and "'-10" in values


def test_csv_raw_keeps_the_text_for_pipelines(cli, data_dir: Path, tmp_path: Path) -> None:
    excluded = tmp_path / "excluded.csv"
    r = _gap(cli, data_dir, "-f", "csv", "--csv-raw", "--excluded", excluded)
    assert r.exit_code == 0, r.stderr
    groups = {row[0] for row in _rows(r.stdout)[1:]}
    assert '=HYPERLINK("http://e.x","y")' in groups
    assert "=SUM(1+1)" in excluded.read_text(encoding="utf-8")


def test_numbers_are_not_guarded(cli, data_dir: Path) -> None:
    # negative gaps are numbers, not text: they stay as they are
    r = _gap(cli, data_dir, "-f", "csv")
    gaps = [row[6] for row in _rows(r.stdout)[1:]]
    assert any(g.startswith("-") for g in gaps)
    assert not any(g.startswith("'") for g in gaps)
