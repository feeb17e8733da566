"""One minus sign per output (review 9, finding 11).

The English gap tables write "-0.17" (Python's format, as every English table and the English
report do) and the APA lines under them wrote "−0.17" (U+2212). English now writes "-" in both;
Swedish writes "−" everywhere (Språkrådet), tables and APA lines alike.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

K25 = "karlstad_servqual_2025.xlsx"
ARGS = ("--weight-column", "Vikt", "--by", "Tjänst", "--overall", "Helhetsbetyg", "--no-items")
UNICODE_MINUS = re.compile(r"\u2212[0-9.,]")
ASCII_MINUS = re.compile(r"(?<![\w-])-[0-9.,]")  # a hyphen-minus before a number


@pytest.mark.parametrize("fmt", ["table", "markdown", "apa"])
def test_english_uses_the_tables_minus_in_the_apa_lines(cli, samples_dir: Path, fmt: str) -> None:
    r = cli("gap", samples_dir / K25, *ARGS, "-f", fmt)
    assert r.exit_code == 0, r.stderr
    assert ASCII_MINUS.search(r.stdout), "no negative number: the check would be empty"
    assert UNICODE_MINUS.findall(r.stdout) == []


def test_the_english_apa_line_and_table_agree(cli, samples_dir: Path) -> None:
    # the reviewer's case: the table's "-0.17 | 0.07" and the line's "[−0.17, 0.07]"
    out = cli("gap", samples_dir / K25, "--no-items", "-f", "markdown").stdout
    assert "| Tangibles | 320 | 5.76 | 5.72 | -0.05 | -0.17 | 0.07 | 0.450 |" in out
    assert "Tangibles: M = -0.05, SD = 1.10, 95% CI [-0.17, 0.07], t(319) = -0.76" in out


@pytest.mark.parametrize("fmt", ["table", "markdown", "apa"])
def test_swedish_keeps_u2212_everywhere(cli, samples_dir: Path, fmt: str) -> None:
    r = cli("gap", samples_dir / K25, *ARGS, "-f", fmt, "--lang", "sv")
    assert r.exit_code == 0, r.stderr
    assert UNICODE_MINUS.search(r.stdout)
    assert ASCII_MINUS.findall(r.stdout) == []
