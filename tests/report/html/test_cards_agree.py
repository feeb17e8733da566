"""The web page's cards and the overview table say the same thing: one value formatter
(:func:`~servqual_cli.report.numbers.fmt_measure`) and one table of verdict marks
(:data:`~servqual_cli.report.glance_table.VERDICT_MARKS`). Before, a card wrote a phone wait as
"56 sekunder" where the table beside it said "56,0 s", and marked an unmet target ✖ where the
table said ✗."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from servqual_cli.report.glance_table import (
    GAP_MARKS,
    VERDICT_MARKS,
    change_text,
    glance_table,
    value_text,
    verdict_mark,
)
from servqual_cli.report.html_cards import glance_card
from servqual_cli.report.spec import Glance, GlanceRow

from .conftest import glance_rows

UNITS = ["share", "index", "gap", "mean", "days", "working_days", "hours", "working_hours",
         "seconds", "count"]  # fmt: skip


def _wait(value: float, change: float) -> GlanceRow:
    return GlanceRow(kind="contact_kpi", name="Väntetid telefon", unit="seconds", value=value,
                     period="2024", n=120, previous_period="2023", previous_value=value - change,
                     change=change, change_verdict="worse", target=60.0, target_kind="target",
                     higher_is_better=False, target_verdict="met", severity=1)  # fmt: skip


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_a_wait_in_seconds_reads_the_same_on_card_and_table(lang: str) -> None:
    row = _wait(56.0, 4.0)
    card = glance_card(row, lang)
    cells = glance_table(Glance(title="", rows=(row,)), lang).frame.iloc[0].tolist()
    space = "\u00a0" if lang == "sv" else " "
    assert card["value"] == f"56{',' if lang == 'sv' else '.'}0{space}s"
    assert any(str(c).startswith(card["value"]) for c in cells)
    change = next(f for f in card["facts"] if f["verdict"] and f["verdict"]["tone"] == "bad")
    assert change["text"] == change_text(row, lang) == ("+4,0 s" if lang == "sv" else "+4.0 s")
    assert "sekunder" not in str(card) and "seconds" not in str(card)


@given(
    st.sampled_from(UNITS),
    st.floats(min_value=-1e6, max_value=1e6, allow_nan=False),
    st.floats(min_value=-1e3, max_value=1e3, allow_nan=False),
    st.sampled_from(["sv", "en"]),
)
def test_every_unit_reads_the_same_on_card_and_table(
    unit: str, value: float, change: float, lang: str
) -> None:
    row = GlanceRow(kind="kpi", name="A", unit=unit, value=value, change=change,
                    previous_period="2023", others_mean=value / 2)  # fmt: skip
    card = glance_card(row, lang)
    assert card["value"] == value_text(row, value, lang)
    facts = {f["term"]: f["text"] for f in card["facts"]}
    assert change_text(row, lang) in facts.values()
    assert any(t.startswith(value_text(row, value / 2, lang)) for t in facts.values())


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_verdict_marks_are_one_table(lang: str) -> None:
    """Each card's icon is the mark the table writes before the same verdict."""
    rows = glance_rows()
    table = glance_table(Glance(title="", rows=rows), lang).frame
    seen = 0
    for k, row in enumerate(rows):
        if row.small_base:
            continue
        icons = [f["verdict"]["icon"] for f in glance_card(row, lang)["facts"] if f["verdict"]]
        gap = row.against_expectation  # a gap's verdict against expectations: no mark (review 6)
        codes = [(c, g) for c, g in ((row.target_verdict, gap), (row.change_verdict, False),
                                     (row.benchmark_verdict, False)) if c]  # fmt: skip
        assert icons == [verdict_mark(c, g)[1] for c, g in codes]
        cells = " ".join(str(c) for c in table.iloc[k].tolist())
        for mark in filter(None, icons):
            assert f"{mark} " in cells
            seen += 1
    assert seen >= 4  # ✗ ▼ ✗ ▼ ▲ ✓ among the conftest's rows
    assert not {"✔", "✖", "?", "="} & {m for _, m in VERDICT_MARKS.values()}
    assert not any(m for _, m in GAP_MARKS.values())  # no ✗ or ✓ for a gap (review 6, 6)
    assert "bad" not in {t for t, _ in GAP_MARKS.values()}  # and never the target's red
