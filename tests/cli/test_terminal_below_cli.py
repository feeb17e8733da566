"""The terminal's red follows the one "below 0 by its own test" flag (review 12c, finding 6), as
Excel's fill and the web page's red do: ``servqual gap`` on a colour terminal sets a gap apart
only where the table's adjusted test says it is below 0, never a negative the test cannot tell
from 0, an interval's bound or the unweighted gap beside the weighted one (the old terminal
drew every negative of those columns bold red). The legend that names the rule is printed only
where red is drawn: a plain (piped) console shows neither.

Data: data/samples/karlstad_servqual_2025.xlsx weighted by Vikt, whose unweighted Fysisk miljö
gap −0,05 has Holm p 0,450 and whose weighted gap table has negative interval bounds.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from rich.console import Console

from servqual_cli.cli import terminal

K2025 = Path(__file__).parents[2] / "data" / "samples" / "karlstad_servqual_2025.xlsx"
RED = re.compile(r"\x1b\[1;31m\s*([^\x1b]*?)\x1b\[0m")
ARGS = ["gap", K2025, "--no-items", "--weight-column", "Vikt", "--lang", "sv"]


def _run(cli, monkeypatch: pytest.MonkeyPatch, colour: bool, no_color: bool = False) -> str:
    buf = io.StringIO()

    def console(record: bool = False) -> Console:
        system = "standard" if colour else None
        return terminal._Console(file=buf, width=160, highlight=False, soft_wrap=False,
                                 force_terminal=colour, color_system=system,
                                 no_color=no_color)  # fmt: skip

    monkeypatch.setattr(terminal, "_console", console)
    result = cli(*ARGS)
    assert result.exit_code == 0, result.stderr
    return buf.getvalue()


def test_red_only_where_the_tables_test_says_below(cli, monkeypatch: pytest.MonkeyPatch) -> None:
    out = _run(cli, monkeypatch, colour=True)
    red = RED.findall(out)
    # the weighted gaps (each Holm p < 0,05) and the unweighted gaps but Fysisk miljö (−0,05,
    # Holm p 0,450); no interval bound (−0,06 is the weighted Fysisk miljö's upper bound), no
    # unweighted gap beside the weighted one, no dimension pair (review 14, finding 1)
    assert red == ["−0,21", "−0,84", "−1,08", "−0,65", "−1,20",
                   "−0,67", "−0,91", "−0,50", "−1,01"]  # fmt: skip
    assert "−0,05" not in red and "−0,06" not in red
    plain = re.sub(r"\x1b\[[0-9;]*m", "", out)
    assert "−0,05" in plain and "−0,06" in plain  # shown, without red
    legends = [ln.strip() for ln in plain.splitlines() if ln.startswith("Markerat: ")]
    assert legends == [
        "Markerat: under förväntan enligt tabellens eget test (Viktat gap (P−E) under 0 och "
        "p (Holm, 5 dimensioner) under 0,05).",
        "Markerat: under förväntan enligt tabellens eget test (Gap (P−E) under 0 och "
        "p (Holm, 5 dimensioner) under 0,05).",
    ]


def test_the_dimension_pairs_are_not_marked(cli, monkeypatch: pytest.MonkeyPatch) -> None:
    """Review 14, finding 1: the pairs table marked only the pairs with gap A < gap B, A being
    the instrument's order, an arbitrary subset of the pairs its test separates."""
    out = _run(cli, monkeypatch, colour=True)
    pairs = out[out.index("Parvisa jämförelser av dimensionsgap") :]
    assert "\x1b[1;31m" not in pairs and "\x1b[1m\x1b[31m" not in pairs
    assert "gap A under gap B" not in out


def test_no_color_draws_bold_and_the_legend_says_marked(cli, monkeypatch) -> None:
    """Review 14, finding 6: with NO_COLOR the flagged cells are bold, not red, so the legend
    names the mark ("Markerat"), not a colour ("Färgmarkerat")."""
    out = _run(cli, monkeypatch, colour=True, no_color=True)
    assert "\x1b[31m" not in out and "\x1b[1;31m" not in out
    assert re.search(r"\x1b\[1m\s*−1,20\x1b\[0m", out)  # bold, no colour
    plain = re.sub(r"\x1b\[[0-9;]*m", "", out)
    assert "Färgmarkerat" not in plain
    assert sum(ln.startswith("Markerat: under förväntan") for ln in plain.splitlines()) == 2


def test_no_legend_where_no_red_is_drawn(cli, monkeypatch: pytest.MonkeyPatch) -> None:
    out = _run(cli, monkeypatch, colour=False)
    assert "\x1b[" not in out and "Markerat:" not in out
    assert "Gap (P−E)" in out  # the tables are there
