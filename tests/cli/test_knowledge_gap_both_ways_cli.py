"""Session 17: ``knowledge-gap`` marks a significant overestimate as well as an underestimate
(PZB's gap 1 is any mismatch; review 14, finding 1 asked for the decision), the legend names
both sides by the sign, and the rows the test cannot tell from 0 stay unmarked ("ingen säker
skillnad"). The CSV's ``p_holm`` names its Holm family (``p_holm_family``, ``p_holm_tests``,
as the JSON's ``group_holm``), and the ``--by`` note names the family's size.

Files: tests/data/kg_over_citizens.csv (40 citizens, units Norr/Söder) and kg_over_staff.csv
(30 staff), written by kg_over_gen.py: staff underestimate Reliability (−0,75) and overestimate
Responsiveness (+1,17), Empathy +0,03 (Holm p 0,844). kg_groups.xlsx / kg_staff.xlsx (3 units).
Reference: statsmodels ``multipletests(method="holm")`` on the CSV's unadjusted Welch p.
"""

from __future__ import annotations

import io
import re

import numpy as np
import pandas as pd
import pytest
from rich.console import Console
from statsmodels.stats.multitest import multipletests

from servqual_cli.cli import terminal

from .conftest import DATA

CITIZENS, STAFF = DATA / "kg_over_citizens.csv", DATA / "kg_over_staff.csv"
INST = ("-i", str(DATA / "toolbox.toml"))
RED = re.compile(r"\x1b\[1;31m\s*([^\x1b]*?)\x1b\[0m")
LEGEND = {
    "sv": "Markerat: personalen underskattar (Skillnad under 0) eller överskattar (Skillnad "
    "över 0) medborgarnas förväntan enligt tabellens eget test (p (Holm, 3 dimensioner) under "
    "0,05); omarkerat: ingen säker skillnad.",
    "en": "Marked: staff underestimate (Difference below 0) or overestimate (Difference above "
    "0) the citizens' expectation by the table's own test (p (Holm, 3 dimensions) below 0.05); "
    "unmarked: no clear difference.",
}


def _colour(cli, monkeypatch: pytest.MonkeyPatch, *args: str) -> str:
    buf = io.StringIO()

    def console(record: bool = False) -> Console:
        return terminal._Console(file=buf, width=400, highlight=False, soft_wrap=False,
                                 force_terminal=True, color_system="standard")  # fmt: skip

    monkeypatch.setattr(terminal, "_console", console)
    r = cli("knowledge-gap", CITIZENS, STAFF, *INST, "--no-items", *args)
    assert r.exit_code == 0, r.stderr
    return buf.getvalue()


@pytest.mark.parametrize(("lang", "marked"), [("sv", ["−0,75", "+1,17"]),
                                               ("en", ["-0.75", "+1.17"])])  # fmt: skip
def test_the_terminal_marks_both_sides(cli, monkeypatch, lang: str, marked: list[str]) -> None:
    out = _colour(cli, monkeypatch, "--lang", lang)
    # under- and overestimate marked; Empathy (+0,03, Holm p 0,844) and the intervals not
    assert RED.findall(out) == marked
    plain = re.sub(r"\x1b\[[0-9;]*m", "", out)
    assert " ".join(plain.split()).count(LEGEND[lang]) == 1
    over = "personalen överskattar" if lang == "sv" else "staff overestimate"
    assert over in plain


@pytest.mark.parametrize(
    ("lang", "note", "over", "rest"),
    [("sv", "negativ = personalen underskattar vad medborgarna förväntar sig, positiv = "
      "personalen överskattar det.", "| personalen överskattar |", "| ingen säker skillnad |"),
     ("en", "negative = staff underestimate what citizens expect, positive = staff "
      "overestimate it.", "| staff overestimate |", "| no clear difference |")],
)  # fmt: skip
def test_markdown_reads_both_sides(cli, lang: str, note: str, over: str, rest: str) -> None:
    """Markdown draws no mark: the reading column and the note say both sides in words."""
    r = cli("knowledge-gap", CITIZENS, STAFF, *INST, "--no-items", "-f", "markdown",
            "--lang", lang)  # fmt: skip
    assert r.exit_code == 0, r.stderr
    assert note in r.stdout and r.stdout.count(over) == 1 and r.stdout.count(rest) == 1
    assert LEGEND[lang] not in r.stdout  # Markdown shows no mark, so names no rule


@pytest.mark.parametrize(("lang", "cell"), [("sv", "kunskapsgap enligt testet"),
                                             ("en", "knowledge gap by the test")])  # fmt: skip
def test_the_web_page_marks_both_sides_in_words(cli, lang: str, cell: str) -> None:
    r = cli("knowledge-gap", CITIZENS, STAFF, *INST, "--no-items", "-f", "html",
            "--lang", lang)  # fmt: skip
    assert r.exit_code == 0, r.stderr
    marked = re.findall(r'<td class="num neg">([^<]*)<span class="vh"> \(([^)]*)\)</span>',
                        r.stdout)  # fmt: skip
    minus = "−0,75" if lang == "sv" else "-0.75"
    # the overestimate signed, as every change is (review 16, finding 11)
    assert [v for v, _ in marked] == [minus, marked[1][0]] and marked[1][0].startswith("+1")
    assert {w for _, w in marked} == {cell}
    assert LEGEND[lang].replace("'", "&#39;") in r.stdout


@pytest.mark.parametrize(
    ("files", "size"),
    [((CITIZENS, STAFF), 6), ((DATA / "kg_groups.xlsx", DATA / "kg_staff.xlsx"), 9)],
)
def test_the_csv_names_each_rows_holm_family(cli, files, size: int) -> None:
    r = cli("knowledge-gap", *files, *INST, "--by", "Enhet", "-f", "csv")
    assert r.exit_code == 0, r.stderr
    frame = pd.read_csv(io.StringIO(r.stdout))
    want = {("ALL", "dimension"): ("dimensions", 3), ("ALL", "item"): ("items", 6)}
    for (group, level), rows in frame.groupby(["group", "level"]):
        family, n = want.get((group, level), ("groups x dimensions", size))
        assert set(rows["p_holm_family"]) == {family} and set(rows["p_holm_tests"]) == {n}
    # each named family is one Holm adjustment over exactly its rows
    for family, rows in frame.groupby("p_holm_family"):
        assert len(rows) == rows["p_holm_tests"].iloc[0], family
        holm = multipletests(rows["p_welch"].to_numpy(), method="holm")[1]
        np.testing.assert_allclose(rows["p_holm"], holm, rtol=1e-10)
        clear = (rows["p_holm"] < 0.05) & (rows["diff"] != 0)
        want_reading = np.where(clear, np.where(rows["diff"] < 0, "underestimate",
                                                "overestimate"), "unclear")  # fmt: skip
        assert rows["reading"].tolist() == want_reading.tolist()
    if size == 6:  # the file made for it: every reading occurs
        assert {"underestimate", "overestimate", "unclear"} <= set(frame["reading"])


@pytest.mark.parametrize(
    ("lang", "words"),
    [("sv", "justeras deras p (Holm) över alla grupper × dimensioner tillsammans (2 grupper × "
      "3 dimensioner = 6 test), inte inom varje grupp."),
     ("en", "So their p (Holm) is adjusted over all groups × dimensions together (2 groups × 3 "
      "dimensions = 6 tests), not within each group.")],
)  # fmt: skip
def test_the_group_note_names_the_family_size(cli, lang: str, words: str) -> None:
    for fmt in ("markdown", "table"):
        r = cli("knowledge-gap", CITIZENS, STAFF, *INST, "--by", "Enhet", "--no-items",
                "-f", fmt, "--lang", lang)  # fmt: skip
        assert r.exit_code == 0, r.stderr
        assert " ".join(r.stdout.split()).count(words) == 1, fmt


def test_the_mark_follows_the_readings_level(cli, monkeypatch) -> None:
    """At --conf 0.90 the reading calls a Holm p below 0,10 a gap; the mark and its legend
    follow it (kg_groups.xlsx: item 2, −0,45, Holm p 0,079, reads "underskattar"), so no row
    reads a gap unmarked. A level of 0,025 is named with its three decimals."""
    buf = io.StringIO()

    def console(record: bool = False) -> Console:
        return terminal._Console(file=buf, width=400, highlight=False, soft_wrap=False,
                                 force_terminal=True, color_system="standard")  # fmt: skip

    monkeypatch.setattr(terminal, "_console", console)
    groups = (DATA / "kg_groups.xlsx", DATA / "kg_staff.xlsx")
    r = cli("knowledge-gap", *groups, *INST, "--conf", "0.90", "--lang", "sv")
    assert r.exit_code == 0, r.stderr
    out = buf.getvalue()
    plain = " ".join(re.sub(r"\x1b\[[0-9;]*m", "", out).split())
    # dimensions: Reliability (Holm 0,045); items: 2 (0,079) and 3 (0,042)
    assert RED.findall(out) == ["−0,39", "−0,45", "−0,64"]
    # each legend names its table's Holm family (w-left, s17)
    for family in ("3 dimensioner", "6 påståenden"):
        assert plain.count(f"(p (Holm, {family}) under 0,10); omarkerat: ingen säker") == 1
    # three readings, two legends and the dimension table's note
    assert plain.count("personalen underskattar") == 3 + 2 + 1
    buf.seek(0)
    buf.truncate()
    r = cli("knowledge-gap", CITIZENS, STAFF, *INST, "--conf", "0.975", "--lang", "sv")
    assert r.exit_code == 0, r.stderr
    assert "(p (Holm, 3 dimensioner) under 0,025)" in " ".join(
        re.sub(r"\x1b\[[0-9;]*m", "", buf.getvalue()).split()
    )


@pytest.mark.parametrize(("lang", "heads"), [
    ("sv", ["| p (Holm, 3 dimensioner) |", "| p (Holm, 6 påståenden) |"]),
    ("en", ["| p (Holm, 3 dimensions) |", "| p (Holm, 6 items) |"]),
])  # fmt: skip
def test_the_whole_file_tables_name_their_holm_family(cli, lang: str, heads: list[str]) -> None:
    """The --by note names its family's size; the whole file's dimension and item tables now
    name theirs in the p column's head, as gap's tables do (w-left, session 17)."""
    r = cli("knowledge-gap", CITIZENS, STAFF, *INST, "-f", "markdown", "--lang", lang)
    assert r.exit_code == 0, r.stderr
    assert [r.stdout.count(h) for h in heads] == [1, 1]
    assert "| p (Holm) |" not in r.stdout
