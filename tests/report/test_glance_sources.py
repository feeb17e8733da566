"""One source for each sentence of the overview: the renderers word a time's change, a gap's
verdict against expectations and a list of names from the same place (the catalog key, the
:class:`GlanceRow` property, :func:`join_words`), so changing that one place changes them all."""

from __future__ import annotations

from collections.abc import Iterator

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from servqual_cli.report import catalog_glance, html_cards
from servqual_cli.report.catalog import exclusion_summary, label
from servqual_cli.report.exclusion_words import by_file_summary, located_summary
from servqual_cli.report.glance_table import change_text, glance_numbers, glance_table
from servqual_cli.report.reverse_note import item_ranges
from servqual_cli.report.spec import Glance, GlanceRow

TIME = GlanceRow("contact_kpi", "E-post", "working_hours", 17.6, period="2024",
                 previous_period="2023", previous_value=23.8, change=-19.05,
                 change_verdict="better", median_change=-6.16)  # fmt: skip
GAP = GlanceRow("dimension", "Lyhördhet", "gap", -0.8, period="2024", n=200, target=0.0,
                target_kind="norm", target_verdict="not_met")  # fmt: skip
ZERO_TARGET = GlanceRow("kpi", "Klagomål", "share", 0.1, period="2024", n=200, target=0.0,
                        target_kind="target", target_verdict="not_met",
                        higher_is_better=False)  # fmt: skip


@pytest.fixture
def sentinel_catalog(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The catalog with the median-and-shift sentence and "and" replaced by markers."""
    monkeypatch.setitem(
        catalog_glance.GLANCE,
        "g_median_and_shift",
        ("MED {median} SKIFT {shift}", "M {median} S {shift}"),
    )
    monkeypatch.setitem(catalog_glance.GLANCE, "and", ("OCH", "AND"))
    html_cards.words_of.cache_clear()
    yield
    html_cards.words_of.cache_clear()


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_median_and_shift_sentence_comes_from_the_catalog(
    sentinel_catalog: None, lang: str
) -> None:
    head = "MED " if lang == "sv" else "M "
    shift = " SKIFT " if lang == "sv" else " S "
    table = change_text(TIME, lang)
    assert table.startswith(head) and shift in table  # Markdown and terminal
    cell = glance_table(Glance("t", (TIME,)), lang).frame.iloc[0].tolist()
    assert any(str(c).startswith(head) for c in cell)
    card = html_cards.glance_card(TIME, lang)  # HTML
    assert any(f["text"].startswith(head) and shift in f["text"] for f in card["facts"])


def test_median_and_shift_words() -> None:
    assert change_text(TIME, "sv") == (
        "medianen −6,2 timmar på arbetsdagar, typisk förskjutning −19,1 timmar på arbetsdagar"
    )
    card = html_cards.glance_card(TIME, "en")
    assert any(f["text"].startswith("median -6.2") and "typical shift -19.1" in f["text"]
               for f in card["facts"])  # fmt: skip


def test_against_expectation_is_a_gap_against_zero() -> None:
    assert GAP.against_expectation
    assert not ZERO_TARGET.against_expectation  # a target of 0 someone set is a target
    assert not GlanceRow("dimension", "A", "gap", -0.2).against_expectation  # no target


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_every_renderer_words_a_gap_against_expectations(lang: str) -> None:
    below = "under förväntan" if lang == "sv" else "below expectations"
    not_met = "ej uppfyllt" if lang == "sv" else "not met"
    glance = Glance("t", (GAP, ZERO_TARGET))
    table = glance_table(glance, lang).frame
    numbers = glance_numbers(glance, lang).frame
    for frame in (table, numbers):
        gap_row = " ".join(map(str, frame.iloc[0].tolist()))
        kpi_row = " ".join(map(str, frame.iloc[1].tolist()))
        assert below in gap_row and not_met not in gap_row
        assert not_met in kpi_row and below not in kpi_row
    words = [
        f["verdict"]["word"] for f in html_cards.glance_card(GAP, lang)["facts"] if f["verdict"]
    ]
    assert any(below in w for w in words)
    words = [
        f["verdict"]["word"]
        for f in html_cards.glance_card(ZERO_TARGET, lang)["facts"]
        if f["verdict"]
    ]
    assert not any(below in w for w in words)


def test_reversed_items_list_with_the_one_join(sentinel_catalog: None) -> None:
    assert item_ranges([10, 11, 12, 13, 18, 19, 20, 21, 22], "sv") == "10–13 OCH 18–22"
    assert item_ranges([2, 3, 9], "en") == "2, 3 AND 9"


def _old_by_file_summary(frame: pd.DataFrame, lang: str) -> str:
    """The previous implementation (formats each file's summary, then cuts it apart again):
    the reference the carried numbers must match."""
    if frame.empty:
        return f"{exclusion_summary({}, lang)}."
    files = []
    for file, cells in frame.groupby("file", sort=False):
        counts = cells.groupby("reason", sort=True).size()
        where = {
            str(r): {str(c): int(n) for c, n in part.groupby("column", sort=False).size().items()}
            for r, part in cells.groupby("reason", sort=True)
        }
        one = located_summary({str(r): int(n) for r, n in counts.items()}, where, lang)
        files.append(f"{file}: {one.split(': ', 1)[1].rstrip('.')}")
    return f"{label('excluded', lang)}: {'; '.join(files)}."


_CELLS = st.lists(
    st.tuples(
        st.sampled_from(["a.xlsx", "b: c.csv", "d."]),
        st.sampled_from(["E1", "P2", "start", "kanal.", "x: y", "Z", "Q"]),
        st.sampled_from(["blank", "out_of_range", "invalid_date", "unparseable"]),
    ),
    max_size=40,
)


@settings(max_examples=200, deadline=None)
@given(cells=_CELLS, lang=st.sampled_from(["sv", "en"]))
def test_by_file_summary_matches_the_formatted_and_parsed_version(
    cells: list[tuple[str, str, str]], lang: str
) -> None:
    frame = pd.DataFrame(cells, columns=["file", "column", "reason"])
    assert by_file_summary(frame, lang) == _old_by_file_summary(frame, lang)


def test_by_file_summary_each_file_as_located() -> None:
    frame = pd.DataFrame({"file": ["a", "a", "b"], "column": ["E3", "E3", "P1"],
                          "reason": ["blank", "blank", "out_of_range"]})  # fmt: skip
    assert by_file_summary(frame, "sv") == (
        "Uteslutna celler: a: tomma 2 (alla i E3); b: utanför skalan 1 (alla i P1)."
    )
