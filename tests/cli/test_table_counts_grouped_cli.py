"""Every count column of a table in the same grouping (session 15, w-bench item 4): English
contacts and trend tables showed n as "1500" while gap's read "1,200" (an English document
without a language took the plain Python format, and its "d" did not group). Swedish has
always said "1 500"; an Excel cell stays a number."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from openpyxl import load_workbook

DATA = Path(__file__).parents[1] / "data"
NBSP = "\u00a0"


def _big(folder: Path, year: str) -> Path:
    """contacts_<year>.csv's first data row repeated to 1,500 contacts."""
    head, first = (DATA / f"contacts_{year}.csv").read_text(encoding="utf-8").splitlines()[:2]
    path = folder / f"contacts_big_{year}.csv"
    path.write_text("\n".join([head, *[first] * 1500]) + "\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def years(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("counts")
    return _big(folder, "2019"), _big(folder, "2020")


def _cells(text: str) -> list[str]:
    """The cells of every table row (terminal "│", Markdown "|")."""
    return [c.strip() for line in text.splitlines() if line.lstrip().startswith(("│", "|"))
            for c in re.split(r"[│|]", line)]  # fmt: skip


@pytest.mark.parametrize("fmt", ["table", "markdown", "html"])
@pytest.mark.parametrize(("lang", "grouped"), [("en", "1,500"), ("sv", f"1{NBSP}500")])
def test_contacts_and_trend_tables_group_their_counts(
    cli, years: tuple[Path, Path], fmt: str, lang: str, grouped: str
) -> None:
    for args in (("contacts", years[1]), ("trend", *years)):
        r = cli(*args, "--lang", lang, "-f", fmt)
        assert r.exit_code == 0, r.stderr
        if fmt == "html":
            assert f">{grouped}<" in r.stdout and ">1500<" not in r.stdout
            continue
        cells = _cells(r.stdout)
        assert grouped in cells, (args, cells[:40])
        assert "1500" not in cells


def test_excel_counts_stay_numbers(cli, years: tuple[Path, Path], tmp_path: Path) -> None:
    out = tmp_path / "contacts.xlsx"
    r = cli("contacts", years[1], "-o", out)
    assert r.exit_code == 0, r.stderr
    values = [c.value for ws in load_workbook(out).worksheets for row in ws.iter_rows()
              for c in row]  # fmt: skip
    assert 1500 in values and "1,500" not in values and "1500" not in values
