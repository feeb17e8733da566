"""report/numbers.py writes numbers without Babel on the common path (issue #16, start-up): every
output must be the one Babel's ``format_decimal`` gives (the code it replaced is kept here as the
reference), and the locale symbols kept in the module must be CLDR's."""

from __future__ import annotations

import decimal
from collections.abc import Callable
from decimal import Decimal

import pytest
from babel.numbers import format_decimal, get_decimal_symbol, get_group_symbol
from hypothesis import example, given
from hypothesis import strategies as st

from servqual_cli.report import numbers
from servqual_cli.report.numbers import MINUS, NBSP, fmt_number

LOCALES = ("en_GB", "sv_SE")


def babel_decimal(exact: Decimal, decimals: int, locale: str) -> str:
    """The code report/numbers.py ran before: Babel's format_decimal on the exact value."""
    pattern = "#,##0" + ("." + "0" * decimals if decimals > 0 else "")
    return format_decimal(exact, format=pattern, locale=locale)


def babel_fmt_number(value: float, lang: str, decimals: int) -> str:
    """fmt_number as it was, through Babel for every number."""
    exact = Decimal(float(value))
    text = babel_decimal(exact, decimals, numbers._LOCALE.get(lang, "en_GB"))
    if lang == "sv":
        text = text.replace("-", MINUS).replace(" ", NBSP)
    if text.lstrip(MINUS + "-").strip("0,." + NBSP) == "":
        text = text.lstrip(MINUS + "-")
    return text


def outcome(fn: Callable[..., str], *args: object) -> object:
    """The text, or the type of the decimal error raised."""
    try:
        return fn(*args)
    except decimal.InvalidOperation as exc:
        return type(exc)


@pytest.mark.parametrize("locale", LOCALES)
def test_the_kept_symbols_are_cldrs(locale: str) -> None:
    assert numbers._SEPARATORS[locale] == (get_decimal_symbol(locale), get_group_symbol(locale))
    assert set(numbers._SEPARATORS) == set(numbers._LOCALE.values())


@given(
    st.floats(allow_nan=False)  # every size, subnormals, -0.0 and the infinities
    | st.integers(-(10**9), 10**9).map(lambda n: n / 1000)  # exact halves and ties
    | st.floats(-1e16, 1e16),
    st.integers(0, 12),
    st.sampled_from(LOCALES),
)
@example(5.675, 2, "sv_SE")
@example(0.125, 2, "en_GB")
@example(-0.0, 1, "sv_SE")
@example(-0.004, 2, "en_GB")
@example(999_999.995, 2, "sv_SE")
@example(1e15, 0, "en_GB")  # the first size left to Babel
@example(9.99e14, 10, "sv_SE")
@example(1e26, 2, "en_GB")  # Babel refuses (InvalidOperation): so does the module
@example(float("inf"), 2, "sv_SE")
def test_every_number_is_written_as_babel_writes_it(value: float, decimals: int, loc: str) -> None:
    exact = Decimal(value)
    assert outcome(numbers._format_decimal, exact, decimals, loc) == outcome(
        babel_decimal, exact, decimals, loc
    )


@given(st.floats(-1e12, 1e12, allow_nan=False), st.integers(0, 4), st.sampled_from(["en", "sv"]))
@example(-0.001, 2, "sv")
@example(1234.5, 0, "sv")
def test_fmt_number_is_unchanged(value: float, decimals: int, lang: str) -> None:
    assert fmt_number(value, lang, decimals) == babel_fmt_number(value, lang, decimals)


def test_the_decimal_context_rounds_both_alike() -> None:
    """A caller's rounding mode reaches both (Babel's quantize and format use the context)."""
    with decimal.localcontext() as ctx:
        ctx.rounding = decimal.ROUND_HALF_UP
        for loc in LOCALES:
            assert numbers._format_decimal(Decimal("0.125"), 2, loc) == babel_decimal(
                Decimal("0.125"), 2, loc
            )
            assert numbers._format_decimal(Decimal("0.125"), 2, loc).endswith("13")
