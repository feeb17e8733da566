"""The one "below 0 by its own test" flag (review 12c, finding 6): set by the table builder,
read by Excel and the web page. A constructed table whose Holm-adjusted p lie around the 5 %
level (adjusted by statsmodels, an independent implementation) with gaps of both signs; and
the report's tables that set it, each from its own adjusted p.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from statsmodels.stats.multitest import multipletests

from servqual_cli.report.below_test import ALPHA, below_zero, flag_below
from servqual_cli.report.spec import Table


def _constructed() -> pd.DataFrame:
    # raw p chosen so that Holm's step-down puts adjusted p just below, at and above 0.05
    raw = np.array([0.0100, 0.0125, 0.0167, 0.0250, 0.0500, 0.2000])
    holm = multipletests(raw, alpha=ALPHA, method="holm")[1]
    return pd.DataFrame(
        {
            "Dimension": ["A", "B", "C", "D", "E", "F"],
            "Gap": [-0.80, 0.40, -0.30, -0.02, -1.10, -0.50],
            "p": raw,
            "p (Holm, 6 dimensioner)": holm,
        }
    )


def test_the_flag_follows_the_adjusted_p_around_the_level() -> None:
    frame = _constructed()
    holm = frame["p (Holm, 6 dimensioner)"].to_numpy()
    # Holm's step-down by hand (the sorted p times 6, 5, 4, 3, 2, 1, kept non-decreasing), the
    # values of R 4's p.adjust(c(0.01, 0.0125, 0.0167, 0.025, 0.05, 0.2), "holm")
    assert holm == pytest.approx([0.06, 0.0625, 0.0668, 0.075, 0.1, 0.2])
    frame["p (Holm, 6 dimensioner)"] = [0.0499, 0.01, 0.05, 0.0001, 0.0501, np.nan]
    table = flag_below(Table("t", frame), "Gap", "p (Holm, 6 dimensioner)", "sv")
    # A: below 0, adjusted p just under 0.05 -> flagged; B: positive, p 0.01 -> not (above 0
    # is not "below expectations"); C: p exactly 0.05 -> not (p < 0.05); D: −0.02 with p 0.0001
    # -> flagged (the test, not the size, decides); E: unadjusted p 0.05 but adjusted 0.0501 ->
    # not; F: no p -> not
    assert table.below == {"Gap": (True, False, False, True, False, False)}
    assert table.legend is not None and "p (Holm, 6 dimensioner) under 0,05" in table.legend


def test_the_unadjusted_p_beside_it_is_not_the_test() -> None:
    frame = _constructed()
    table = flag_below(Table("t", frame), "Gap", "p (Holm, 6 dimensioner)", "en")
    # four unadjusted p are below 0.05 (A, C and D negative gaps); no Holm-adjusted p is
    assert (frame["p"] < ALPHA).sum() == 4
    assert table.below == {"Gap": (False,) * 6} and table.legend is None


def test_below_zero_is_vectorised_over_words_and_missing() -> None:
    values = pd.Series([-0.5, "–", None, -0.5, 0.0], dtype=object)
    p = pd.Series([0.01, 0.01, 0.01, "<0,001", 0.01], dtype=object)
    assert below_zero(values, p) == (True, False, False, False, False)


def test_a_missing_column_is_a_programming_error() -> None:
    with pytest.raises(KeyError, match="no column"):
        flag_below(Table("t", _constructed()), "Gap", "p (Holm)", "sv")


def test_the_report_tables_flag_from_their_own_adjusted_p() -> None:
    """The sample report: every table with a flag flags its gap by the table's adjusted p
    column; the tables without a test (the overall score, the weighted means) have none."""
    from pathlib import Path

    from servqual_cli.report.build import build_report
    from servqual_cli.report.config import load_config

    data = Path(__file__).parents[1] / "data" / "report_weighted_by_kon.toml"
    doc = build_report(load_config(data))
    tables = {b.sheet: b for s in doc.sections for b in s.blocks if isinstance(b, Table)}
    assert not tables["Total"].below and not tables["Viktat"].below
    for sheet in ("Dimensioner", "Påståenden", "Viktade gap", "Grupper viktade", "Största gap"):
        table = tables[sheet]
        ((column, flags),) = table.below.items()
        assert column == table.signed[0], sheet
        adjusted = [c for c in table.frame.columns if str(c).startswith("p (Holm")]
        assert len(adjusted) == 1, sheet
        gap = pd.to_numeric(table.frame[column], errors="coerce")
        p = pd.to_numeric(table.frame[adjusted[0]], errors="coerce")
        assert flags == tuple((gap < 0) & (p < 0.05)), sheet
    # review 14, finding 3: the top three's p is the items' Holm over every item, headed (and
    # named in the legend) with that family as the items table heads it, not "p (Holm)" that a
    # reader of three rows takes for a Holm over three
    (head,) = [c for c in tables["Största gap"].frame.columns if str(c).startswith("p (Holm")]
    (items,) = [c for c in tables["Påståenden"].frame.columns if str(c).startswith("p (Holm")]
    assert head == items == f"p (Holm, {len(tables['Påståenden'].frame)} påståenden)"
    legend = tables["Största gap"].legend
    assert legend is not None and f"och {head} under 0,05" in legend


def _flags_match(table: Table, column: str, p: str) -> None:
    gap = pd.to_numeric(table.frame[column], errors="coerce")
    prob = pd.to_numeric(table.frame[p], errors="coerce")
    assert table.below == {column: tuple((gap < 0) & (prob < 0.05))}


def test_the_toolbox_tables_flag_from_their_holm_p() -> None:
    """The knowledge gap (staff − citizens) flags its difference on either side of 0 by its Holm
    p, and its legend names both sides; the zone of tolerance shows no p and has no flag (its
    position is judged on the intervals). The dimension pairs (gap A − gap B) have no flag:
    A precedes B by instrument order, so "A below B" marked an arbitrary subset of the pairs
    the test separates (review 14, finding 1)."""
    from servqual_cli.core.dimension_comparison import compare_dimensions
    from servqual_cli.core.knowledge_gap import knowledge_gap
    from servqual_cli.core.tolerance import tolerance_analysis
    from servqual_cli.report.knowledge_sections import knowledge_sections
    from servqual_cli.report.toolbox_sections import (
        dimension_comparison_sections,
        tolerance_sections,
    )

    rng = np.random.default_rng(12)
    customers = rng.integers(4, 8, size=(60, 4)).astype(float)
    staff = np.clip(customers[:50] - np.array([1.5, 0.0, 0.8, -1.2]) + rng.normal(0, 1, (50, 4)),
                    1, 7).round()  # fmt: skip
    dims = {"Ett": [0, 1], "Två": [2, 3]}
    kg = knowledge_gap(customers, staff, ["1", "2", "3", "4"], dims)
    tables = [b for s in knowledge_sections(kg, {}, "sv") for b in s.blocks
              if isinstance(b, Table)]  # fmt: skip
    assert len(tables) == 2
    # session 17: both sides of 0 are a knowledge gap (review 14, finding 1's decision), at
    # the reading's level: every marked row reads under- or overestimate and no other does
    # each table's p column names its Holm family (w-left, s17)
    for table, head in zip(tables, ["p (Holm, 2 dimensioner)", "p (Holm, 4 påståenden)"],
                           strict=True):  # fmt: skip
        diff = pd.to_numeric(table.frame["Skillnad"], errors="coerce")
        holm = pd.to_numeric(table.frame[head], errors="coerce")
        assert table.below == {"Skillnad": tuple((diff != 0) & (holm < 1 - 0.95))}
        reading = table.frame["Tolkning"]
        assert table.below["Skillnad"] == tuple(reading != "ingen säker skillnad")
    items = tables[1].frame
    flagged = pd.Series(tables[1].below["Skillnad"])
    assert (flagged & (items["Skillnad"] > 0)).any() and (flagged & (items["Skillnad"] < 0)).any()
    assert tables[1].legend == (
        "Markerat: personalen underskattar (Skillnad under 0) eller överskattar (Skillnad över "
        "0) medborgarnas förväntan enligt tabellens eget test (p (Holm, 4 påståenden) under "
        "0,05); omarkerat: ingen säker skillnad."
    )
    assert tables[1].below_cell == "kunskapsgap enligt testet"
    gaps = rng.normal([-0.8, -0.1, -0.5], 0.6, size=(80, 3))
    comparison = compare_dimensions(gaps, ["A", "B", "C"])
    blocks = [b for s in dimension_comparison_sections(comparison, "en") for b in s.blocks]
    (pairs,) = [b for b in blocks if isinstance(b, Table) and b.title.startswith("Pairwise")]
    diff = pd.to_numeric(pairs.frame[next(c for c in pairs.frame.columns if "Diff" in str(c))])
    holm = pd.to_numeric(pairs.frame[next(c for c in pairs.frame.columns if "Holm" in str(c))])
    assert ((diff < 0) & (holm < 0.05)).any() and ((diff > 0) & (holm < 0.05)).any()
    assert not pairs.below and pairs.legend is None and pairs.below_cell is None
    a = rng.integers(3, 6, size=(40, 4)).astype(float)
    zone = tolerance_analysis(a, a + 1, a - 1, ["1", "2", "3", "4"], dims)
    assert not [b for s in tolerance_sections(zone, {}, "sv") for b in s.blocks
                if isinstance(b, Table) and b.below]  # fmt: skip
