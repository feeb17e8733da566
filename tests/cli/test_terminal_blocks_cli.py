"""A table too wide for the terminal is folded into blocks a reader can still read (w-term,
session 13; review 10c, finding 2).

``servqual feedback --lang sv`` at 100 columns folded "Antal synpunkter" into a (2/2) block that
repeated only its first column, Nivå: its p (Holm) values stood beside "Typ" / "Förvaltning"
only, so the significant 0,039 could not be matched to Tekniska förvaltningen. And numeric
headers broke inside their words ("Med kontaktuppgi│fter", "p (Mann-Whitne│y)"). Now every
block repeats the leading label columns (:func:`servqual_cli.cli.terminal._labels`) and a
column is never narrower than its header's longest word. Checked on the real CLI at 100
columns (the console made narrow, as ``stty cols 100`` on a terminal).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pandas as pd
import pytest
from rich.console import Console

from servqual_cli.cli import terminal
from servqual_cli.report.spec import Document, Section, Table

WIDTH = 100
REGISTER = "synpunkter_2023_2024.xlsx"


@pytest.fixture
def at_100(monkeypatch: pytest.MonkeyPatch) -> None:
    """The CLI's console at 100 columns (piped output is 160 wide: a terminal is what folds)."""

    def console(record: bool = False) -> Console:
        return terminal._Console(file=sys.stdout, width=WIDTH, highlight=False,
                                 soft_wrap=False, color_system=None)  # fmt: skip

    monkeypatch.setattr(terminal, "_console", console)


def _tables(out: str, title: str) -> list[list[str]]:
    """The lines of each block of the table whose title starts with ``title``: from its title
    line to the table's closing rule."""
    lines = out.splitlines()
    blocks = []
    for i, line in enumerate(lines):
        if line.startswith(title):
            end = next(j for j in range(i, len(lines)) if lines[j].startswith("└"))
            blocks.append(lines[i : end + 1])
    return blocks


def _first_rule(block: list[str]) -> int:
    return next((i for i, ln in enumerate(block) if ln.startswith("┡")), len(block))


def _header(block: list[str]) -> list[str]:
    """The header cells of a block, each cell's lines joined: "Med kontaktuppgifter"."""
    rows = [ln for ln in block[: _first_rule(block)] if ln.startswith("┃")]
    cells = [[c.strip() for c in ln.strip("┃").split("┃")] for ln in rows]
    return [" ".join(p for p in col if p) for col in zip(*cells, strict=True)]


def test_every_block_of_the_count_table_holds_its_group(cli, samples_dir: Path, at_100) -> None:
    r = cli("feedback", samples_dir / REGISTER, "--lang", "sv")
    assert r.exit_code == 0, r.stderr
    blocks = _tables(r.stdout, "Antal synpunkter, 2023")
    assert len(blocks) == 2  # folded at 100 columns: else this test checks nothing
    for block in blocks:
        assert _header(block)[:2] == ["Nivå", "Grupp"], block
        assert max(len(ln) for ln in block) <= WIDTH
    assert "p (Holm)" in _header(blocks[1])
    # the significant Holm p shares its row with its group (it stood beside "Förvaltning")
    holm = [ln for ln in blocks[1] if "0,039" in ln]
    assert len(holm) == 1 and "Tekniska förvaltningen" in holm[0], blocks[1]


def test_no_header_word_is_broken(cli, samples_dir: Path, at_100) -> None:
    r = cli("feedback", samples_dir / REGISTER, "--lang", "sv")
    lines = r.stdout.splitlines()
    starts = [i for i, ln in enumerate(lines) if ln.startswith("┏")]  # each table's header
    headers = " ".join(" ".join(_header(lines[i : i + 12])) for i in starts)
    # the words review 10c saw broken, whole in the headers
    assert "Med kontaktuppgifter" in headers
    assert "Obesvarade med kontaktuppgifter, äldre än löftet" in headers
    assert not re.search(r"kontaktuppgi(?!fter)", headers)


@pytest.mark.parametrize("width", [60, 80, 100, 120])
def test_a_header_wraps_at_its_spaces_only(width: int) -> None:
    """Headers with long words, numeric columns, a table wider than the terminal: every header
    word is whole on one line (the old rule let a numeric column shrink to 12 and broke
    "(Mann-Whitney)" and "kontaktuppgifter")."""
    words = ["kontaktuppgifter", "(Mann-Whitney)", "Genomförandetid", "procentenheter"]
    frame = pd.DataFrame(
        {"Förvaltning": ["Tekniska förvaltningen", "Socialförvaltningen"]}
        | {f"Med {w} {k}": [1.5, 2.25] for k in range(3) for w in words}
    )
    doc = Document(title="", sections=(Section(title="", blocks=(Table("T", frame),)),))
    out = terminal.render_text(doc, width)
    lines = [ln for ln in out.splitlines() if ln.startswith("┃")]
    cells = {c.strip() for ln in lines for c in ln.strip("┃").split("┃")}
    for w in words:
        assert any(w in c for c in cells), (w, width)
    assert not [c for c in cells for w in words if c and w.startswith(c) and c != w]
    assert max(len(ln) for ln in out.splitlines()) <= width


def test_the_blocks_repeat_the_labels_and_the_old_rule_did_not() -> None:
    """The rule itself, beside the old one (a test that cannot fail is a defect)."""
    least = [11, 30, 10, 10, 10, 10, 10, 10, 8]
    numeric = [False, False, *[True] * 7]
    old = terminal._blocks(least, WIDTH)
    assert any(b[:2] != [0, 1] for b in old)  # the old rule: Grupp in the first block only
    new = terminal._blocks(least, WIDTH, terminal._labels(least, numeric, WIDTH))
    assert len(new) == 2 and all(b[:2] == [0, 1] for b in new)
    assert sorted({j for b in new for j in b}) == list(range(len(least)))  # every column shown
    # no room for a data column beside both labels: only the first is repeated
    assert terminal._labels([20, 60, 30], [False, False, True], 100) == 1


def test_a_block_of_placeholders_is_left_out_and_named(cli, samples_dir: Path, at_100) -> None:
    """Review 10c, finding 6: "Förändring –" on every row took a (2/2) block of its own."""
    r = cli("kpi", samples_dir / "kpi.toml", "--lang", "sv")
    assert r.exit_code == 0, r.stderr
    assert "Nyckeltal – Nåbarhet (2/2)" not in r.stdout
    assert "Förändring: – på varje rad, visas därför inte här." in r.stdout
    assert "Grupper under mål / norm och Förändring: – på varje rad" in r.stdout
    # Genomförandetid's change column holds values: its block stays
    assert "Nyckeltal – Genomförandetid (2/2)" in r.stdout


@pytest.mark.parametrize("value", [None, 0.5])
def test_a_block_with_one_value_is_kept(value: float | None) -> None:
    """Only a block with no value at all is left out: one number keeps it (and its column)."""
    change = "Förändringsuppskattningen"  # 25 wide: a block of its own at 80 columns
    frame = pd.DataFrame(
        {"Grupp": ["a", "b"]}
        | {f"Kolumnnummer{k}xxxxxxx": [1.25, 2.5] for k in range(2)}
        | {change: [None, value]}
    )
    doc = Document(title="", sections=(Section(title="", blocks=(Table("T", frame),)),))
    out = terminal.render_text(doc, 80)
    said = " ".join(out.split())  # the caption wraps at the table's width
    assert ("T (2/2)" in out) is (value is not None)
    assert (f"{change}: – on every row, so not shown here." in said) is (value is None)
    assert ("0.5" in out) is (value is not None)
    assert "Kolumnnummer1xxxxxxx" in out and "2.5" in out


def test_no_unit_name_is_broken_inside_a_word(cli, samples_dir: Path, at_100) -> None:
    """The Kaplan-Meier interval columns (x-km, session 14) made the per-unit reply table three
    blocks wide, and the unit column was narrowed to its 24-character cap, so the first block read
    "Samhällsbyggnadsförvaltni / ngen". A label column keeps its longest word up to 32 characters
    (the longest förvaltning name in the sample is 29)."""
    r = cli("feedback", samples_dir / REGISTER, "--lang", "sv")
    assert r.exit_code == 0, r.stderr
    blocks = _tables(r.stdout, "Svar per förvaltning")
    assert len(blocks) >= 2  # folded at 100 columns: else this test checks nothing
    for block in blocks:
        body = block[_first_rule(block) + 1 :]
        names = [ln.strip("│").split("│")[0].strip() for ln in body if ln.startswith("│")]
        assert "Samhällsbyggnadsförvaltningen" in names, block
        assert "Kommunledningsförvaltningen" in names, block
        assert max(len(ln) for ln in block) <= WIDTH


def test_a_folded_tables_note_wraps_to_the_terminal(cli, tmp_path: Path, at_100) -> None:
    """The note of a folded table was the caption of its last block and wrapped to that block's
    width: under alpha's 23-column "(2/2)" block (Skala, McDonalds ω) it read four words a line
    (review 11b, finding 10). It is printed after the blocks at the terminal's width now."""
    import numpy as np

    rng = np.random.default_rng(7)  # one common factor: alpha about 0.8, omega computed
    common = rng.normal(size=(2000, 1))
    answers = np.clip(np.round(4 + common + rng.normal(size=(2000, 5))), 1, 7)
    answers[rng.random(answers.shape) < 0.05] = np.nan
    path = tmp_path / "items.csv"
    pd.DataFrame(answers, columns=[f"q{i}" for i in range(1, 6)]).to_csv(path, index=False)
    r = cli("alpha", path, "--items", "q1:q5", "--lang", "sv")
    assert r.exit_code == 0, r.stderr
    blocks = _tables(r.stdout, "Reliabilitet")
    assert len(blocks) == 2  # folded at 100 columns: else this test checks nothing
    assert max(len(ln) for ln in blocks[1]) < 40  # the narrow (2/2) block
    assert blocks[0][0].startswith("Reliabilitet (1/2)")  # the first block says it goes on
    lines = r.stdout.splitlines()
    note = next(ln for ln in lines if ln.startswith("α med parvis"))
    assert "α med parvis borttagning (varje pars rader, som R:s psych)." in note, note
    assert max(len(ln) for ln in lines) <= WIDTH
