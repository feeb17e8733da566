"""The web page marks a value in dark red only where the table's builder flagged it as below 0 by
the table's own test (:attr:`Table.below`, set by ``below_test.flag_below``; the cells Excel
fills, review 12c finding 6): a gap the data cannot tell from 0 has its minus sign and no
colour; a column without a test of its own (the unweighted gap beside the weighted one) is not
marked by another column's test; a table without a flag marks nothing, p columns or not; the
legend that names the rule is shown under a table only where a cell is red.

Data: a hand-made table, and tests/data/report_weighted_by_kon.toml (Karlstad 2025 by Kön,
weighted by Vikt), whose weighted group table has negative gaps on both sides of the test.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from pathlib import Path

import pandas as pd
import pytest
from markupsafe import Markup

from servqual_cli.report.below_test import flag_below
from servqual_cli.report.build import build_report
from servqual_cli.report.config import load_config
from servqual_cli.report.html import PageOptions, render_html
from servqual_cli.report.spec import Document, Section, Table

DATA = Path(__file__).parents[2] / "data"
NEG = re.compile(r'<td class="num neg">([^<]*)(?:<span class="vh">[^<]*</span>)?</td>')
HIDDEN = re.compile(r'<td class="num neg">[^<]*<span class="vh">([^<]*)</span></td>')
LEGEND = re.compile(r'<p class="note legend">([^<]*)</p>')


def _fake_svg(figure, uid: str, message: str) -> Markup:
    return Markup(f'<svg role="img" aria-label="{Markup.escape(message)}"></svg>')


def _page(*tables: Table, lang: str = "sv") -> str:
    doc = Document(title="Gap", sections=(Section("Grupper", tables),), meta={"lang": lang})
    return render_html(doc, PageOptions(published=dt.date(2025, 1, 1), chart_svg=_fake_svg))


def _gaps() -> pd.DataFrame:
    return pd.DataFrame(
        {"Grupp": ["Kvinna", "Man", "Annat", "Okänt"],
         "Gap": [-0.04, -1.15, 0.30, -0.70],
         "Oviktat gap": [-0.50, -1.10, 0.20, -0.80],
         "p": [0.01, 0.002, 0.01, 0.03],
         "p (Holm)": [0.9, 0.006, 0.02, 0.06]}
    )  # fmt: skip


FORMATS = {"Gap": ".2f", "Oviktat gap": ".2f", "p": "p", "p (Holm)": "p"}


def test_a_gap_the_holm_test_cannot_tell_from_zero_is_not_red() -> None:
    table = Table("Gap per grupp", _gaps(), FORMATS, signed=("Gap", "Oviktat gap"))
    sv = _page(flag_below(table, "Gap", "p (Holm)", "sv"))
    en = _page(flag_below(table, "Gap", "p (Holm)", "en"), lang="en")
    # −0,04 has Holm p 0,9 (its unadjusted p 0,01 is not the test); −0,70 has Holm p 0,06;
    # the unweighted gaps are not marked by the weighted test; −1,15 (Holm p 0,006) is
    assert NEG.findall(sv) == ["−1,15"] and NEG.findall(en) == ["-1.15"]
    assert '<td class="num">−0,04</td>' in sv and '<td class="num">−0,70</td>' in sv
    assert '<td class="num">−1,10</td>' in sv  # the unweighted gap beside the marked one
    # the legend names the rule: the column, its adjusted p and the level
    assert LEGEND.findall(sv) == [
        "Markerat: under förväntan enligt tabellens eget test (Gap under 0 och p (Holm) "
        "under 0,05)."
    ]
    assert LEGEND.findall(en) == [
        "Marked: below expectations by the table&#39;s own test (Gap below 0 and p (Holm) "
        "below 0.05)."
    ]


def test_a_screen_reader_hears_the_mark() -> None:
    """Review 14, finding 7 (WCAG 1.3.1): the mark was colour and weight alone; a flagged cell
    now carries the flag's meaning as visually hidden text, and the page's stylesheet hides
    it from the eye only (clipped, not ``display: none``, which a screen reader skips)."""
    table = Table("Gap per grupp", _gaps(), FORMATS, signed=("Gap", "Oviktat gap"))
    sv = _page(flag_below(table, "Gap", "p (Holm)", "sv"))
    en = _page(flag_below(table, "Gap", "p (Holm)", "en"), lang="en")
    assert HIDDEN.findall(sv) == [" (under förväntan enligt testet)"]
    assert HIDDEN.findall(en) == [" (below expectations by the test)"]
    rule = re.search(r"\.vh \{([^}]*)\}", sv)
    assert rule and "clip" in rule.group(1) and "display" not in rule.group(1)
    # a flag set without its words (a hand-made table) draws the mark alone
    bare = replace(table, below={"Gap": (False, True, False, False)}, below_rule="r")
    assert NEG.findall(_page(bare)) == ["−1,15"] and not HIDDEN.findall(_page(bare))


def test_the_page_reads_the_flag_not_the_p_columns() -> None:
    """A table with p columns but no flag is not coloured: the page no longer guesses the test
    from the columns (the old ``html_cells.below_zero`` marked −1,15 here); a flag is drawn as
    set, whatever the numbers beside it."""
    table = Table("Gap per grupp", _gaps(), FORMATS, signed=("Gap", "Oviktat gap"))
    sv = _page(table)
    assert 'class="num neg"' not in sv and "legend" not in sv
    flagged = replace(table, below={"Oviktat gap": (True, False, False, False)},
                      below_rule="Markerat: regeln.")  # fmt: skip
    assert NEG.findall(_page(flagged)) == ["−0,50"]
    assert LEGEND.findall(_page(flagged)) == ["Markerat: regeln."]


def test_a_table_without_a_test_marks_nothing() -> None:
    frame = _gaps()[["Grupp", "Gap", "Oviktat gap"]]
    sv = _page(Table("Gap per grupp", frame, FORMATS, signed=("Gap", "Oviktat gap")))
    assert '<td class="num">−1,15</td>' in sv and 'class="num neg"' not in sv


def test_no_red_no_legend() -> None:
    """A missing p flags nothing, and with nothing red no rule is named."""
    frame = _gaps().assign(**{"p (Holm)": [None, None, None, None]})
    table = flag_below(Table("Gap per grupp", frame, FORMATS, signed=("Gap",)), "Gap",
                       "p (Holm)", "sv")  # fmt: skip
    assert table.below == {"Gap": (False, False, False, False)} and table.legend is None
    sv = _page(table)
    assert 'class="num neg"' not in sv and "legend" not in sv


@pytest.fixture(scope="module")
def kon() -> Document:
    return build_report(load_config(DATA / "report_weighted_by_kon.toml"))


def test_the_weighted_group_table_is_marked_by_its_own_test(kon: Document) -> None:
    tables = [
        b for s in kon.sections for b in s.blocks
        if isinstance(b, Table) and b.title.startswith("Gap per dimension – Kön")
    ]  # fmt: skip
    assert tables and "Oviktat gap (samma n)" in tables[0].frame.columns, "the table has moved"
    table = tables[0]
    frame = table.frame
    assert set(table.below) == {table.signed[0]}  # the weighted gap only, by its own test
    gap = frame[table.signed[0]].astype(float)
    p = frame[next(c for c in frame.columns if str(c).startswith("p (Holm"))].astype(float)
    below = (gap < 0) & (p < 0.05)
    untold = (gap < 0) & ~(p < 0.05)
    # the data has both kinds, so the test can fail either way
    assert below.any() and untold.any()
    marked = NEG.findall(_page(table))
    expected = [f"{v:.2f}".replace(".", ",").replace("-", "−") for v in gap[below]]
    assert marked == expected
    # the old page marked every negative, the unweighted gaps and interval bounds too
    negatives = sum(int((frame[c].astype(float) < 0).sum()) for c in table.signed)
    assert len(marked) < negatives
