"""One rounding rule in both languages (report/numbers.py, house-style item 4): a knowledge-gap
cell showed 5.67 in English (Python's format, on the binary value) and 5,68 in Swedish (Babel,
on the shortest decimal that prints the float). Both now round the exact binary value, ties to
even, as Python's format, C's printf and R's sprintf do."""

from __future__ import annotations

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from servqual_cli.report.numbers import MINUS, NBSP, fmt_number
from servqual_cli.report.spec import format_value


def _digits(text: str, lang: str) -> str:
    """The number as Python writes it: no group separators, "." and "-"."""
    if lang == "sv":
        return text.replace(NBSP, "").replace(",", ".").replace(MINUS, "-")
    return text.replace(",", "")


@pytest.mark.parametrize(
    ("value", "decimals", "en", "sv"),
    [
        (5.675, 2, "5.67", "5,67"),  # held as 5.67499999999999982...: below the half
        (2.675, 2, "2.67", "2,67"),
        (-2.675, 2, "-2.67", "−2,67"),
        (0.125, 2, "0.12", "0,12"),  # an exact binary half: to even
        (0.375, 2, "0.38", "0,38"),
        (2.5, 0, "2", "2"),
        (1.005, 2, "1.00", "1,00"),
    ],
)
def test_the_same_digits_in_both_languages(value: float, decimals: int, en: str, sv: str) -> None:
    assert fmt_number(value, "en", decimals) == en
    assert fmt_number(value, "sv", decimals) == sv
    assert format_value(value, f".{decimals}f") == en  # the terminal's plain format
    assert format_value(value, f".{decimals}f", "sv") == sv


@given(
    st.floats(-1e9, 1e9, allow_nan=False, allow_infinity=False)
    | st.integers(-(10**6), 10**6).map(lambda n: n / 1000),
    st.integers(0, 4),
)
@example(5.675, 2)
@example(0.125, 2)
def test_babel_rounds_as_python_format(value: float, decimals: int) -> None:
    """Python's own format is the independent reference; "−0.00" is shown as 0.00."""
    want = format(value, f".{decimals}f")
    if want.startswith("-") and want.strip("-0.") == "":
        want = want[1:]
    assert _digits(fmt_number(value, "en", decimals), "en") == want
    assert _digits(fmt_number(value, "sv", decimals), "sv") == want
