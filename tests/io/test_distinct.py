"""Parsing once per distinct cell gives, cell by cell, what parsing every cell gives (#16).

The old path is each parser called on the whole column; :func:`by_distinct` must return the
same values and the same reasons for any mix of cells a reader can hand over (text from a CSV;
numbers, booleans, dates and blanks from a workbook).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from servqual_cli.errors import ServqualError
from servqual_cli.io import cells, distinct, feedback, feedback_cells, kpi_data
from servqual_cli.io.cells import parse_dates, parse_numbers, text_values
from servqual_cli.io.distinct import by_distinct
from servqual_cli.io.kpi_config import load_kpi_config
from servqual_cli.io.read import RawTable, read_table

DATA = Path(__file__).parents[1] / "data"
SAMPLES = Path(__file__).parents[2] / "data" / "samples"

# Register-like text: padded, cased, dates in every accepted and some refused form, numbers.
TEXTS = [
    "ja", " Ja ", "JA", "nej", "x", "", " ", "\u00a0", "kanske", "1", "1.0", "0", "-0.0", "12.0",
    "Klagomål", "klagomal", "beröm ", "Praise", "övrigt", "Mycket  God", "god",
    "2024-03-05", " 2024-03-05 ", "2024-03-05 14.30", "2024-03-05T14:30", "2024-03-05 14:30:15",
    "2024-03-05T06:00:00Z", "2024-03-31 02:30", "2024-03-05+01:00", "05.03.2024", "3/5/2024",
    "45000", "45000,5", "1,5", "1 200", "4\u00a0500", "1:24", "ca 3", "#N/A", "#DIV/0!", "Err:502",
]  # fmt: skip
OTHER = st.one_of(
    st.none(),
    st.just(float("nan")),
    st.booleans(),
    st.integers(-3, 50000),
    st.sampled_from([0.0, -0.0, 1.0, 1.5, 12.0, 45000.5, float("inf")]),
    st.floats(allow_nan=False, width=32),
    st.datetimes(min_value=dt.datetime(2020, 1, 1), max_value=dt.datetime(2026, 1, 1)),
    st.dates(min_value=dt.date(2020, 1, 1), max_value=dt.date(2026, 1, 1)),
    st.builds(pd.Timestamp, st.datetimes(dt.datetime(2020, 1, 1), dt.datetime(2026, 1, 1))),
    st.just(pd.NaT),
    st.just(pd.NA),
)
TEXT = st.one_of(st.sampled_from(TEXTS), st.text(max_size=6))
MIXED = st.lists(st.one_of(TEXT, OTHER), max_size=40)
CSV_LIKE = st.lists(st.one_of(TEXT, st.none()), max_size=40)


def _contact(values: pd.Series) -> Any:
    return feedback_cells.parse_contact(values)


def _clock(values: pd.Series) -> Any:
    return parse_numbers(values, clock=True)


PARSERS: dict[str, Callable[[pd.Series], Any]] = {
    "text_values": text_values,
    "parse_dates": parse_dates,
    "parse_types": feedback_cells.parse_types,
    "contact": _contact,
    "parse_numbers": parse_numbers,
    "clock": _clock,
    "text_fold": kpi_data._text_fold,
}


def _same(fast: np.ndarray, slow: np.ndarray) -> None:
    """Equal dtype and, cell by cell, equal value of equal type (missing equals missing)."""
    assert fast.dtype == slow.dtype
    assert len(fast) == len(slow)
    for a, b in zip(fast.tolist(), slow.tolist(), strict=True):
        if pd.isna(a) if np.ndim(a) == 0 else False:
            assert np.ndim(b) == 0 and pd.isna(b) and type(a) is type(b), (a, b)
        else:
            assert type(a) is type(b) and a == b, (a, b)


def _check(cells: list[Any]) -> None:
    values = pd.Series(cells, dtype=object)
    for name, parse in PARSERS.items():  # the old path: the parser on every cell
        slow = distinct._as_tuple(parse(values))
        fast = by_distinct(values, parse)
        assert len(fast) == len(slow), name
        for f, s in zip(fast, slow, strict=True):
            _same(f, s)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(MIXED)
def test_any_mix_of_cells_parses_as_cell_by_cell(cells: list[Any]) -> None:
    _check(cells)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(CSV_LIKE)
def test_text_columns_parse_as_cell_by_cell(cells: list[Any]) -> None:
    _check(cells)


@pytest.mark.parametrize("parse", list(PARSERS.values()), ids=list(PARSERS))
def test_values_equal_in_python_but_shown_differently_stay_apart(parse: Any) -> None:
    _check([True, 1, 1.0, "1", 0, False, 0.0, -0.0, "", None, float("nan")] * 3)


def test_a_parser_that_sees_only_the_distinct_cells() -> None:
    seen: list[int] = []

    def count(values: pd.Series) -> pd.Series:
        seen.append(len(values))
        return text_values(values)

    out = by_distinct(pd.Series(["ja", "nej", None, "ja", "nej", ""] * 1000), count)[0]
    assert seen == [4] and out[:6].tolist() == ["ja", "nej", np.nan, "ja", "nej", np.nan]


# --------------------------------------------------------------------------------------------
# text_values of a text column in pyarrow equals Python's strip and regex
# --------------------------------------------------------------------------------------------
def test_the_trimmed_characters_are_pythons_whitespace() -> None:
    assert {chr(c) for c in range(0x110000) if chr(c).isspace()} == set(cells.PY_SPACES)


def _python_text_values(values: pd.Series) -> pd.Series:
    blank = values.isna() | values.astype(str).str.strip().eq("")
    text = values.astype(str).str.strip().str.replace(r"^(-?\d+)\.0$", r"\1", regex=True)
    return text.where(~blank, np.nan).astype(object)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(TEXT, st.none(), st.just(float("nan"))), max_size=30))
def test_text_values_in_arrow_equals_the_python_path(cells_: list[Any]) -> None:
    values = pd.Series(cells_, dtype=object, name="c")
    fast = cells._text_values_arrow(values.to_numpy(dtype=object))
    if fast is None:  # a string pyarrow cannot take goes the Python way
        return
    _same(fast, _python_text_values(values).to_numpy(dtype=object))


def test_long_text_columns_take_the_arrow_path() -> None:
    values = pd.Series([" SYN-1 ", "12.0", "-3.0", "\u3000", None, "x.0", "٣.0"] * 200)
    assert text_values(values).tolist() == _python_text_values(values).tolist()


# --------------------------------------------------------------------------------------------
# The loaders, with and without the distinct path and the per-run cache
# --------------------------------------------------------------------------------------------
def _cell_by_cell(
    values: pd.Series, parse: Callable[[pd.Series], Any], encoded: Any = None
) -> tuple[Any, ...]:
    """Every cell through the parser (the reader's codes, if given, are not used)."""
    return tuple(np.asarray(r) for r in distinct._as_tuple(parse(values)))


def _every_cell_its_own_code(values: pd.Series, encoded: Any = None) -> tuple[Any, Any]:
    """:func:`distinct.distinct_codes` without merging: each cell parsed on its own."""
    return np.arange(len(values)), pd.Series(values, dtype=object).to_numpy(dtype=object)


def _feedback_frames(table: RawTable) -> tuple[pd.DataFrame, pd.DataFrame, dict[str, int]]:
    fb = feedback.load_feedback(table)
    return fb.frame, fb.log.to_frame(), fb.excluded


@pytest.mark.parametrize("path", [SAMPLES / "synpunkter_2023_2024.xlsx", DATA / "feedback_en.csv"])
def test_feedback_loader_equals_the_cell_by_cell_path(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if not path.exists():
        pytest.skip(f"{path.name} not bundled")
    from dataclasses import replace

    table = read_table(path)
    fast = _feedback_frames(table)
    monkeypatch.setattr(feedback, "distinct_codes", _every_cell_its_own_code)
    slow = _feedback_frames(replace(table, frame=table.frame, encoded=None))
    pd.testing.assert_frame_equal(fast[0], slow[0])
    pd.testing.assert_frame_equal(fast[1], slow[1])
    assert fast[2] == slow[2]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_generated_registers_load_as_cell_by_cell(data: st.DataObject) -> None:
    n = data.draw(st.integers(1, 30))

    def column(pool: list[Any]) -> list[Any]:
        return data.draw(st.lists(st.sampled_from(pool), min_size=n, max_size=n))

    dates = ["2024-01-02", "2024-01-05", "2023-12-30", "", None, "2024-01-03 08.15", "x"]
    frame = pd.DataFrame(
        {
            "id": column(["A1", "A2", "A3", 7.0, 7, "", None]),
            "Inkommen": column([*dates[:4], dt.datetime(2024, 1, 2, 9, 0)]),
            "Typ": column(["beröm", "Klagomål ", "fråga", "x", "", None]),
            "Förvaltning": column(["Bygg", " Bygg", "Skola", "", None, 3.0]),
            "Kontaktuppgifter": column(["ja", "Nej", "", "kanske", True, 1.0, None]),
            "Besvarad": column(dates),
            "Avslutad": column(dates),
        },
        dtype=object,
    )
    table = RawTable(frame, "g.csv", None, 1, np.arange(2, n + 2), "")
    outcomes = []
    for codes in (distinct.distinct_codes, _every_cell_its_own_code):
        feedback.distinct_codes = codes  # type: ignore[assignment]
        try:
            outcomes.append(_feedback_frames(table))
        except ServqualError as exc:  # the same error must come from both paths
            outcomes.append((type(exc), str(exc)))  # type: ignore[arg-type]
        finally:
            feedback.distinct_codes = distinct.distinct_codes
    fast, slow = outcomes
    if isinstance(fast[0], type):
        assert fast == slow
        return
    pd.testing.assert_frame_equal(fast[0], slow[0])
    pd.testing.assert_frame_equal(fast[1], slow[1])
    assert fast[2] == slow[2]


def test_kpi_loader_with_shared_cache_equals_the_cell_by_cell_path(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    for config in (SAMPLES / "kpi.toml", DATA / "kpi_cases.toml"):
        cfg = load_kpi_config(config)
        fast = kpi_data.load_all_kpi_data(cfg, read_table)
        monkeypatch.setattr(kpi_data, "by_distinct", _cell_by_cell)
        slow = [kpi_data.load_kpi_data(spec, read_table(spec.data), cfg.path) for spec in cfg.kpis]
        monkeypatch.undo()
        for i, d in enumerate(slow):  # a KPI on a feedback register keeps the register's rows
            register = kpi_data.register_of(read_table(d.spec.data))
            if register is not None and d.spec.register != "none":
                slow[i] = kpi_data.with_register(d, register)
        for f, s in zip(fast, slow, strict=True):
            pd.testing.assert_frame_equal(f.frame, s.frame)
            pd.testing.assert_frame_equal(f.log.to_frame(), s.log.to_frame())
            assert (f.n_rows, f.n_selected) == (s.n_rows, s.n_selected)
