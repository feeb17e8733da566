"""``-f xlsx``'s help says what the workbook holds (w-left, session 17).

Before: "the csv table and a sheet of the notes", written before the workbook got its data sheet
"Resultat"/"Results" in the output language and, for ``reliability``, a sheet per validity
table (w-xlsx2). Now the help names them, and a real workbook (``reliability -o FILE.xlsx``, sv
and en) has those sheets, read back with openpyxl.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import typer

from servqual_cli.cli import main as cli_main

DATA = Path(__file__).parents[1] / "data"


def _format_help(command: str) -> str:
    app = cli_main.build_app((cli_main.COMMAND_GROUP[command],))
    group = typer.main.get_command(app)
    sub = group.commands[command]  # type: ignore[attr-defined]
    (option,) = [p for p in sub.params if "--format" in getattr(p, "opts", ())]
    return " ".join(str(option.help).split())


@pytest.mark.parametrize("command", ["gap", "reliability", "trend", "knowledge-gap"])
def test_the_help_names_the_workbooks_sheets(command: str) -> None:
    text = _format_help(command)
    assert "a sheet of the notes" not in text
    assert (
        "a sheet Results (Resultat with --lang sv) with the csv table in the output "
        "language" in text
    )
    assert "a sheet Notes (Noter) with the notes" in text
    assert "reliability adds its validity tables as sheets" in text


@pytest.mark.parametrize(("lang", "data", "notes"), [("sv", "Resultat", "Noter"),
                                                      ("en", "Results", "Notes")])  # fmt: skip
def test_the_workbook_has_the_sheets_the_help_names(
    cli: Any, tmp_path: Path, lang: str, data: str, notes: str
) -> None:
    from openpyxl import load_workbook

    out = tmp_path / "rel.xlsx"
    r = cli("reliability", DATA / "kiosk.csv", "-i", DATA / "kiosk.toml", "--lang", lang,
            "-o", out)  # fmt: skip
    assert r.exit_code == 0, r.stderr
    names = load_workbook(out, read_only=True).sheetnames
    assert names[0] == data and notes in names
    assert len(set(names) - {data, notes}) >= 1  # the validity tables' sheets
