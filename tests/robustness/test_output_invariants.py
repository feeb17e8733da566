"""Invariants of the escaping routines, for any text (hypothesis)."""

from __future__ import annotations

import re

import pandas as pd
from hypothesis import given
from hypothesis import strategies as st

from servqual_cli.cli.csv_dialect import FORMULA_START, guard_formulas
from servqual_cli.report.markdown import inert
from servqual_cli.report.safe_text import CONTROL, visible, xml_safe

TEXT = st.text(
    alphabet=st.one_of(
        st.characters(blacklist_categories=("Cs",)),  # text the CLI can hold (decoded)
        st.sampled_from(list("=+-@\t\r\n[]()<>\\!:|\x1b\x07\u202e")),
    ),
    max_size=40,
)


@given(TEXT)
def test_visible_leaves_no_control_character(text: str) -> None:
    shown = visible(text)
    assert CONTROL.search(shown) is None
    assert visible(shown) == shown  # nothing left to escape: idempotent
    assert "\n" in visible(text, newlines=True) or "\n" not in text


@given(TEXT)
def test_xml_safe_text_can_be_written_to_a_workbook(text: str) -> None:
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    assert ILLEGAL_CHARACTERS_RE.search(xml_safe(text)) is None


@given(TEXT)
def test_inert_markdown_has_no_tag_and_no_link(text: str) -> None:
    out = inert(text)
    assert re.search(r"<[A-Za-z/!?]", out) is None
    # every "](", "][" or "]:" is preceded by an odd number of backslashes (escaped)
    for m in re.finditer(r"(\\*)\][(\[:]", out):
        assert len(m.group(1)) % 2 == 1


@given(st.lists(TEXT, min_size=1, max_size=6))
def test_formula_guard_quotes_exactly_the_risky_cells(cells: list[str]) -> None:
    out = guard_formulas(pd.DataFrame({"x": cells}))["x"].tolist()
    for before, after in zip(cells, out, strict=True):
        if before.startswith(FORMULA_START):
            assert after == "'" + before
        else:
            assert after == before
