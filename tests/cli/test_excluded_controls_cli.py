"""The ``--excluded`` list shows control characters from the data as escapes (review 15,
finding 15): an ESC in a cell ("\\x1b[31m4") written raw turned the terminal of whoever ran
``cat`` on the list red. The terminal, Markdown, HTML and JSON already showed it escaped;
formula text stays guarded (``'=2+3``)."""

from __future__ import annotations

from pathlib import Path

import pytest

DATA = Path(__file__).parent.parent / "data"


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_control_characters_are_escaped(cli, tmp_path: Path, lang: str) -> None:
    out = tmp_path / "ex.csv"
    args = ("gap", DATA / "r15_hostile.csv", "-i", DATA / "r15_kommun.toml", "--lang", lang)
    assert cli(*args, "--excluded", out).exit_code == 0
    text = out.read_text(encoding="utf-8")
    assert "\x1b" not in text and "\x07" not in text
    assert "r15_hostile.csv,,8,P3,\\x1b[31m4,unparseable" in text.splitlines()
    assert "r15_hostile.csv,,7,E3,'=2+3,unparseable" in text.splitlines()
