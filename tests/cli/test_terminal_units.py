"""A number stays on its line with its unit in the terminal (c-conf, session 11).

Rich breaks a line at any whitespace, the no-break space included, so ``servqual kpi --lang sv``
on an 80-column terminal showed "Tekniska förvaltningen 78,6 ⏎%" and "+5,5 ⏎procentenheter".
:class:`servqual_cli.cli.terminal.Tied` keeps each number with its unit ("91,5 %", "14 dagar",
"+5,8 procentenheter", "≤ 90 s", "n = 345", "1 951"): checked on the real CLI's tables and
notes at 80 columns (the console made narrow, as ``COLUMNS=80`` on a terminal), where every
table must still fit, and as a property of the wrap at every width.
"""

from __future__ import annotations

import re
import sys
from itertools import pairwise
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.console import Console

from servqual_cli.cli import terminal

WIDTH = 80
# a line that ends in a number and a next line (same column) that starts with its unit
UNIT = re.compile(
    r"^(?:%|pp\b|procentenheter|percentage points?|points\b|arbets|working|dagar|dag\b|days?\b"
    r"|timmar|hours?|veckor|weeks|sekunder|seconds|s\b|h\b)"
)
NUMBER_END = re.compile(r"(?:^|[\s(≤≥])[−+-]?\d+(?:[.,\xa0]\d+)*$")
N_SPLIT = re.compile(r"(?:^|\W)n\s*=?$")  # "n" or "n =" at a line's end, its number below


def _columns(lines: list[str]) -> list[list[str]]:
    """Each table's text by column (the cells between "│" or "┃" rules, line by line), and
    every line outside a table as a column of its own: the lines a reader reads in turn."""
    runs: list[list[str]] = []
    table: list[list[str]] = []
    prose: list[str] = []
    for line in lines:
        if "│" in line or "┃" in line:
            cells = [c.strip() for c in re.split(r"[│┃]", line)[1:-1]]
            if table and len(table[0]) != len(cells):
                runs += [list(c) for c in zip(*table, strict=True)]
                table = []
            table.append(cells)
            continue
        if table:
            runs += [list(c) for c in zip(*table, strict=True)]
            table = []
        if line.strip() and not re.match(r"^[┏┡└┗━─┃╇╈┳┻┯┷ ]*$", line):
            prose.append(line.strip())
        elif prose:
            runs.append(prose)
            prose = []
    runs += [list(c) for c in zip(*table, strict=True)] + [prose]
    return runs


def _breaks(text: str) -> list[str]:
    """Every place a number was parted from its unit or "n =" from its number."""
    found = []
    for column in _columns(text.splitlines()):
        for above, below in pairwise(column):
            if not above or not below:
                continue
            if NUMBER_END.search(above) and UNIT.match(below):
                found.append(f"{above!r} / {below!r}")
            if N_SPLIT.search(above) and re.match(r"^=?\s*[\d−–-]", below):
                found.append(f"{above!r} / {below!r}")
    return found


@pytest.fixture
def narrow(monkeypatch: pytest.MonkeyPatch) -> None:
    """The CLI's console at 80 columns (piped output is 160 wide: a terminal is what wraps)."""

    def console(record: bool = False) -> Console:
        return terminal._Console(file=sys.stdout, width=WIDTH, highlight=False,
                                 soft_wrap=False, color_system=None)  # fmt: skip

    monkeypatch.setattr(terminal, "_console", console)


def test_the_check_sees_the_old_breaks() -> None:
    """The checker itself: the lines rich gave before (a test that cannot fail is a defect)."""
    old = [
        "│ Tekniska förvaltningen 78,6 │ +5,5          │",
        "│ %                  │ procentenheter │",
    ]
    assert len(_breaks("\n".join(old))) == 2
    assert _breaks("ärenden som hade hela tiden på sig (70\ndagar före") != []
    assert _breaks("alla perioder tillsammans: 80,9 %, n =\n1 951.") != []
    assert _breaks("│ 78,6 %  │\n│ (n = 345) │") == []


SAMPLES = Path(__file__).parents[2] / "data" / "samples"
COMMANDS = {
    "kpi": ["kpi", SAMPLES / "kpi.toml"],
    "feedback": ["feedback", SAMPLES / "synpunkter_2023_2024.xlsx"],
    "contacts": ["contacts", SAMPLES / "servicematning_2020.xlsx"],
    "trend": ["trend", SAMPLES / "servicematning_2019.xlsx", SAMPLES / "servicematning_2020.xlsx"],
}


@pytest.mark.parametrize("lang", ["sv", "en"])
@pytest.mark.parametrize("name", list(COMMANDS))
def test_no_number_leaves_its_unit_at_80_columns(cli, narrow, name: str, lang: str) -> None:
    r = cli(*COMMANDS[name], "--lang", lang)
    assert r.exit_code == 0, r.stderr
    lines = r.stdout.splitlines()
    assert max(len(line) for line in lines) <= WIDTH  # every table still fits
    assert _breaks(r.stdout) == []
    assert "\ue000" not in r.stdout and "\ue001" not in r.stdout  # the marks never shown
    if name == "kpi" and lang == "sv":  # the cells of the report (seen at 80 columns)
        flat = " ".join(" ".join(c) for c in _columns(lines))
        assert "78,6\xa0% (n\xa0=\xa0345)" in flat or "78,6\xa0% (n = 345)" in flat
        assert "+4,0 procentenheter" in flat  # bygglov, 2023 over the window of 2024


RUNS = [
    "78,6\xa0%",
    "n = 345",
    "14 dagar",
    "+5,8 procentenheter",
    "≤ 90 s",
    "1\xa0951",
    "(95\xa0% KI",
]
WORDS = st.sampled_from(["Tekniska", "förvaltningen", "till", *RUNS])


@settings(derandomize=True, max_examples=200)
@given(st.lists(WORDS, min_size=1, max_size=12), st.integers(4, 40))
def test_a_wrap_keeps_every_run_whole_and_the_text_unchanged(words: list[str], width: int):
    from servqual_cli.cli.terminal import Tied

    text = " ".join(words)
    lines = Tied(text).wrap(Console(width=80), width, justify="default", overflow="fold")
    shown = [line.plain for line in lines]
    # the text as given, but for the plain space rich drops where it breaks a line
    assert re.sub(" ", "", "".join(shown)) == re.sub(" ", "", text)
    assert "".join(shown).count("\xa0") == text.count("\xa0")  # no no-break space lost
    for word in words:  # a run breaks only when it is wider than the line (folded)
        if len(word) <= width and word.count(" ") + word.count("\xa0") > 0:
            assert any(word in line for line in shown), (word, shown)
    assert all(len(line.rstrip()) <= width for line in shown)


def test_a_text_holding_a_mark_wraps_as_rich_would() -> None:
    from servqual_cli.cli.terminal import tied

    text = "a\ue000b 14 dagar"
    assert tied(text) == text
