"""Parsing answers: numbers, decimal commas, labels, "Vet ej", out of range."""

from __future__ import annotations

import datetime as dt
import re
import warnings
from collections.abc import Iterable
from decimal import Decimal

import numpy as np
import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from servqual_cli.io.answer_words import (
    DONT_KNOW,
    NOT_AVAILABLE,
    builtin_labels,
    fold,
    is_excel_error,
)
from servqual_cli.io.cells import parse_numbers
from servqual_cli.io.value_texts import _LEADING_NUMBER
from servqual_cli.io.values import parse_scale_values


def test_labels_and_missing() -> None:
    col = pd.Series(
        ["Instämmer helt och hållet", "instämmer inte alls", "Varken eller", "VET EJ",
         "Ingen åsikt", "n/a", "Don't know", "7 Instämmer helt", "3,0", None, 0, 8, "Helt rätt"],
        dtype=object,
    )  # fmt: skip
    values, reasons = parse_scale_values(col, (1, 7), labels={"helt rätt": 6})
    assert values[:3].tolist() == [7.0, 1.0, 4.0]
    assert reasons[3:7].tolist() == ["dont_know", "dont_know", "not_available", "dont_know"]
    assert values[7] == 7.0 and values[8] == 3.0
    assert reasons[9] == "blank"
    assert reasons[10:12].tolist() == ["out_of_range", "out_of_range"]
    assert values[12] == 6.0


def test_numeric_column_fast_path() -> None:
    values, reasons = parse_scale_values(pd.Series([1.0, np.nan, 9.0]), (1, 7))
    assert np.isnan(values[1]) and reasons.tolist() == [None, "blank", "out_of_range"]


def test_custom_missing_token() -> None:
    _, reasons = parse_scale_values(pd.Series(["Ej svar"], dtype=object), (1, 5), None, ["ej svar"])
    assert reasons.tolist() == ["missing_token"]


def test_dates_are_unparseable() -> None:
    _, reasons = parse_scale_values(pd.Series([pd.Timestamp("2024-01-01")], dtype=object), (1, 5))
    assert reasons.tolist() == ["unparseable"]


@given(st.lists(st.integers(-3, 10), min_size=1, max_size=40))
def test_every_cell_is_kept_or_has_a_reason(values: list[int]) -> None:
    """Nothing is silently dropped: a NaN always comes with a reason, a value never does."""
    parsed, reasons = parse_scale_values(pd.Series(values, dtype=object), (1, 7))
    has_reason = np.array([r is not None for r in reasons])
    assert np.array_equal(np.isnan(parsed), has_reason)
    inside = np.array([1 <= v <= 7 for v in values])
    assert np.array_equal(~np.isnan(parsed), inside)


# -- the factorized parser against the per-cell parser it replaced -----------------------------


def _reference_parse(
    column: pd.Series,
    scale: tuple[float, float],
    labels: dict[str, float] | None = None,
    missing_tokens: Iterable[str] = (),
) -> tuple[np.ndarray, np.ndarray]:
    """The per-cell implementation before the factorize rewrite, kept as the reference.

    Unchanged except for the one line marked ``digit groups`` (thousands separators), the
    lines marked ``between points`` (review 2 item 23a: a number written in the cell between two
    points of a scale of at most 11 whole points is ``not_scale_point``; labels are not) and the
    lines marked ``excel errors`` (``#N/A``, ``#BUSY!``, ``Err:502`` as text are ``excel_error``,
    decided per cell here with the public ``is_excel_error``).
    """
    lo, hi = scale
    number = np.zeros(len(column), dtype=bool)  # between points: the cell held a number
    if pd.api.types.is_numeric_dtype(column.dtype) and not pd.api.types.is_bool_dtype(column.dtype):
        values = column.to_numpy(dtype=float, na_value=np.nan)
        reasons = np.full(len(column), None, dtype=object)
        reasons[np.isnan(values)] = "blank"
        number[:] = True  # between points
    else:
        obj = column.astype(object)
        n = len(obj)
        reasons = np.full(n, None, dtype=object)
        isna = obj.isna().to_numpy(dtype=bool)
        is_str = obj.map(lambda v: isinstance(v, str)).to_numpy(dtype=bool)
        is_num = obj.map(
            lambda v: (
                isinstance(v, int | float | np.integer | np.floating) and not isinstance(v, bool)
            )
        ).to_numpy(dtype=bool)
        values = np.full(n, np.nan)
        values[is_num] = obj[is_num].to_numpy(dtype=float)
        number |= is_num  # between points
        reasons[isna | (is_num & np.isnan(values))] = "blank"
        reasons[~(isna | is_num | is_str)] = "unparseable"
        if is_str.any():
            text = obj[is_str].map(fold)
            idx = np.flatnonzero(is_str)
            str_vals = np.full(len(text), np.nan)
            str_reason = np.full(len(text), None, dtype=object)
            blank = text.eq("").to_numpy(dtype=bool)
            str_reason[blank] = "blank"
            dont_know = text.isin(DONT_KNOW).to_numpy(dtype=bool)
            str_reason[dont_know] = "dont_know"
            custom = text.isin({fold(t) for t in missing_tokens}).to_numpy(dtype=bool) & ~dont_know
            str_reason[custom] = "missing_token"
            na = text.isin(NOT_AVAILABLE).to_numpy(dtype=bool) & ~custom
            str_reason[na] = "not_available"
            excel = text.map(is_excel_error).to_numpy(dtype=bool) & ~(custom | na)  # excel errors
            str_reason[excel] = "excel_error"  # excel errors
            todo = ~(blank | dont_know | custom | na | excel)  # excel errors
            grouped = text.map(lambda t: re.fullmatch(r"[-+]?[1-9]\d{0,2}( \d{3})+([.,]\d+)?", t))
            text_num = text.where(grouped.isna(), text.str.replace(" ", ""))  # digit groups
            numeric = pd.to_numeric(text_num.str.replace(",", ".", regex=False), errors="coerce")
            got = todo & numeric.notna().to_numpy(dtype=bool)
            str_vals[got] = numeric.to_numpy(dtype=float, na_value=np.nan)[got]
            number[idx[got]] = True  # between points
            todo &= ~got
            if todo.any():
                table = builtin_labels(lo, hi)
                if labels:
                    table.update({fold(k): float(v) for k, v in labels.items()})
                mapped = text.map(table)
                hit = todo & mapped.notna().to_numpy(dtype=bool)
                str_vals[hit] = mapped.to_numpy(dtype=float, na_value=np.nan)[hit]
                todo &= ~hit
            if todo.any():
                lead = text.str.extract(_LEADING_NUMBER, expand=False)
                lead_num = pd.to_numeric(lead, errors="coerce").to_numpy(
                    dtype=float, na_value=np.nan
                )
                hit = todo & ~np.isnan(lead_num)
                str_vals[hit] = lead_num[hit]
                todo &= ~hit
            str_reason[todo] = "unparseable"
            values[idx] = str_vals
            reasons[idx] = str_reason
    out_of_range = ~np.isnan(values) & ((values < lo) | (values > hi))
    reasons[out_of_range] = "out_of_range"
    values = np.where(out_of_range, np.nan, values)
    whole_points = all(np.isfinite(v) and float(v).is_integer() for v in scale) and hi - lo <= 10
    if whole_points:  # between points
        between = number & ~np.isnan(values) & (np.mod(values, 1.0) != 0)
        reasons[between] = "not_scale_point"
        values = np.where(between, np.nan, values)
    return values, reasons


_LABEL_TEXTS = sorted(
    {label for lab in (builtin_labels(1, 5), builtin_labels(1, 7)) for label in lab}
)
_SEPARATORS = st.sampled_from([" ", "\u00a0", "\u202f", "  ", "\u2009"])


@st.composite
def _number_text(draw: st.DrawFn) -> str:
    """Numbers as people type them: decimal comma or point, digit groups, padding, signs."""
    whole = draw(st.integers(-(10**7), 10**7))
    text = str(whole)
    if draw(st.booleans()):  # digit groups, sometimes wrong ("1 2", "12 34")
        digits = str(abs(whole))
        size = draw(st.sampled_from([3, 3, 3, 1, 2, 4]))
        groups = [digits[max(0, i - size) : i] for i in range(len(digits), 0, -size)][::-1]
        text = ("-" if whole < 0 else "") + draw(_SEPARATORS).join(groups)
    if draw(st.booleans()):
        text += draw(st.sampled_from([",", "."])) + str(draw(st.integers(0, 999)))
    pad = draw(st.sampled_from(["", " ", "\u00a0", "\t"]))
    return pad + text + draw(st.sampled_from(["", " "]))


_CELLS = st.one_of(
    st.integers(-3, 12),
    st.integers(-(2**70), 2**70),
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from([0, 0.0, -0.0, 4.5, 1, 1.0]),
    st.integers(-3, 12).map(np.int64),
    st.floats(-10, 10).map(np.float32),
    st.booleans(),
    st.booleans().map(np.bool_),
    _number_text(),
    st.integers(-3, 12).map(str),
    st.sampled_from(_LABEL_TEXTS).map(lambda s: f" {s.upper()} "),
    st.sampled_from(_LABEL_TEXTS),
    st.sampled_from(["Vet ej", "VET  EJ", "Don’t know", "n/a", "-", "Ej svar", "helt rätt"]),
    st.sampled_from(["", " ", "\u00a0", "\t", "7 Instämmer helt", "3. Varken eller", "5=bra"]),
    st.sampled_from([None, np.nan, pd.NA, pd.NaT, np.datetime64("NaT"), Decimal("NaN")]),
    st.sampled_from([pd.Timestamp("2024-01-01"), dt.date(2024, 1, 1), Decimal(1), complex(1, 0)]),
    st.sampled_from(["1e3", "inf", "-Infinity", "0x10", "1_000", "99999999999999999999"]),
    st.sampled_from(["#N/A", " #busy! ", "#DIV/0!", "Err:502", "#1", "#NAME?x"]),
    st.text(max_size=6),
)


@settings(max_examples=400, deadline=None)
@given(
    cells=st.lists(_CELLS, max_size=30),
    repeat=st.integers(1, 3),
    scale=st.sampled_from([(1.0, 5.0), (1.0, 7.0), (0.0, 10.0), (0.0, np.inf), (-np.inf, np.inf)]),
    labels=st.sampled_from([None, {"Helt rätt": 6.0}]),
    missing=st.sampled_from([(), ("Ej svar",), ("vet ej", "-")]),
    as_string=st.booleans(),
)
def test_same_results_as_the_per_cell_parser(
    cells: list[object],
    repeat: int,
    scale: tuple[float, float],
    labels: dict[str, float] | None,
    missing: tuple[str, ...],
    as_string: bool,
) -> None:
    """Parsing each distinct value once gives exactly the per-cell parser's values and reasons."""
    column = pd.Series(cells * repeat, dtype=object, index=np.arange(len(cells) * repeat)[::-1])
    if as_string and all(isinstance(c, str) or c is None for c in cells):
        column = column.astype("string")
    values, reasons = parse_scale_values(column, scale, labels, missing)
    want_values, want_reasons = _reference_parse(column, scale, labels, missing)
    np.testing.assert_array_equal(values, want_values)
    number = ~np.isnan(values)
    assert np.array_equal(np.signbit(values[number]), np.signbit(want_values[number]))  # -0.0
    assert reasons.tolist() == want_reasons.tolist()


def test_booleans_do_not_merge_with_ones() -> None:
    """factorize() sees True == 1 == 1.0 == Decimal(1); the parser must not."""
    col = pd.Series([1, True, 1.0, np.True_, Decimal(1), "1", False, 0, -0.0], dtype=object)
    values, reasons = parse_scale_values(col, (-np.inf, np.inf))
    assert reasons.tolist() == [None, "unparseable", None, "unparseable", "unparseable",
                                None, "unparseable", None, None]  # fmt: skip
    assert values[[0, 2, 5, 7, 8]].tolist() == [1.0, 1.0, 1.0, 0.0, -0.0]
    assert np.signbit(values[8]) and not np.signbit(values[7])


def test_thousands_separators() -> None:
    cells = ["1 234", "4\u00a0500", "1\u202f234", "1 234,5", "-12 345 678", " 22,5 ", "1 2",
             "12 34", "1234 567", "1 2345", "0 123"]  # fmt: skip
    values, reasons = parse_scale_values(pd.Series(cells, dtype=object), (-np.inf, np.inf))
    assert values[:6].tolist() == [1234.0, 4500.0, 1234.0, 1234.5, -12345678.0, 22.5]
    assert reasons[6:].tolist() == ["unparseable"] * 5


def test_thousands_separators_read_alike_in_other_files() -> None:
    """Contact, feedback and KPI numbers (cells.parse_numbers) accept the same separators."""
    cells = pd.Series(["1 234", "4\u00a0500", "1\u202f234", "1\u202f234,5"], dtype=object)
    numbers, why = parse_numbers(cells)
    assert numbers.tolist() == [1234.0, 4500.0, 1234.0, 1234.5]
    assert why.tolist() == [None] * 4
    assert parse_scale_values(cells, (0.0, np.inf))[0].tolist() == numbers.tolist()


def test_no_warning_when_hashes_collide() -> None:
    """hash(1.07e134) == hash(np.float32(0)): factorize compares them, casting to float32."""
    col = pd.Series([np.float32(0.0), 1.0695779062138776e134], dtype=object)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        values, reasons = parse_scale_values(col, (-np.inf, np.inf))
    assert not caught
    assert values.tolist() == [0.0, 1.0695779062138776e134] and reasons.tolist() == [None, None]


def test_parsed_answer_sets_are_remembered_per_scale_labels_and_tokens() -> None:
    """The per-process cache of parsed answer sets keys on everything that changes a result."""
    import pandas as pd

    from servqual_cli.io.values import parse_scale_values

    col = pd.Series(["1", "6", "Bra", "X"], dtype=object)
    assert parse_scale_values(col, (1, 5))[1].tolist() == [
        None,
        "out_of_range",
        "unparseable",
        "unparseable",
    ]
    assert parse_scale_values(col, (1, 7))[1].tolist() == [None, None, "unparseable", "unparseable"]
    v, r = parse_scale_values(col, (1, 7), {"Bra": 6}, iter(["X"]))
    assert v.tolist()[:3] == [1.0, 6.0, 6.0] and r.tolist()[3] == "missing_token"
    v, r = parse_scale_values(col, (1, 7))
    assert r.tolist()[2:] == ["unparseable", "unparseable"]


# Review 11, finding 3: a declared code matches a number equal to it in every reader's form.
def test_a_declared_99_matches_numbers_and_texts() -> None:
    import numpy as np
    import pandas as pd

    from servqual_cli.io.values import parse_scale_texts, parse_scale_values

    as_ints = parse_scale_values(pd.Series([99, 5, 99]), (1, 7), missing_tokens=["99"])
    assert as_ints[1].tolist() == ["missing_token", None, "missing_token"]
    as_floats = parse_scale_values(pd.Series([99.0, 5.0]), (1, 7), missing_tokens=iter(["99"]))
    assert as_floats[1].tolist() == ["missing_token", None]
    mixed = parse_scale_values(pd.Series([99, "Vet ej", "99,0", 8], dtype=object), (1, 7),
                               missing_tokens=["99"])  # fmt: skip
    assert mixed[1].tolist() == ["missing_token", "dont_know", "missing_token", "out_of_range"]
    texts = parse_scale_texts(np.array(["99", "99,0", "6"], dtype=object), (1, 7), None, ["99"])
    assert texts[1].tolist() == ["missing_token", "missing_token", None]
    undeclared = parse_scale_values(pd.Series([99, 5]), (1, 7))
    assert undeclared[1].tolist() == ["out_of_range", None]  # still out of range when not declared
