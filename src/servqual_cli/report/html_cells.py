"""A table cell of the web page as text in the reader's language (the formats of
:class:`~servqual_cli.report.spec.Table`), through :mod:`~servqual_cli.report.numbers`: a
decimal comma, "95 %" and "−" in Swedish."""

from __future__ import annotations

import math
import re
from typing import Any

import pandas as pd

from servqual_cli.report.numbers import (
    MISSING,
    fmt_int,
    fmt_number,
    fmt_p,
    fmt_percent,
    fmt_signed,
)

_FIXED = re.compile(r"\A(\+)?,?\.(\d+)f\Z")


def missing(value: Any) -> bool:
    if value is None or value is pd.NA or value is pd.NaT:
        return True
    return isinstance(value, float) and math.isnan(value)


def format_cell(value: Any, fmt: str | None, lang: str) -> str:
    """One table cell as text in ``lang`` (the formats of :class:`~.spec.Table`).

    >>> format_cell(-0.456, ".2f", "sv"), format_cell(0.853, "pct", "sv"), format_cell(3, "d", "en")
    ('−0,46', '85,3\\xa0%', '3')
    >>> format_cell(2.5, "+.1f", "sv"), format_cell(0.0004, "p", "sv"), format_cell(None, "d", "sv")
    ('+2,5', '<0,001', '–')
    >>> format_cell(0.12345, None, "sv"), format_cell(1234.5, None, "en")
    ('0,123', '1,234')
    >>> format_cell("x", "d", "sv"), format_cell(2024, "year", "sv")
    ('x', '2024')

    """
    if missing(value):
        return MISSING
    if isinstance(value, bool) or not isinstance(value, int | float):
        return str(value)
    if fmt == "s":
        return str(value)
    if fmt == "year":  # a year is a name, not a quantity (as spec.format_value): "2024"
        return str(int(value))
    if fmt == "p":
        return fmt_p(value, lang)
    if fmt == "pct":
        return fmt_percent(value, lang)
    if fmt == "d":
        return fmt_int(value, lang)
    fixed = _FIXED.match(fmt or "")
    if fixed:
        decimals = int(fixed[2])
        return fmt_signed(value, lang, decimals) if fixed[1] else fmt_number(value, lang, decimals)
    if fmt:
        return format(value, fmt)
    if isinstance(value, int) or float(value).is_integer():
        return fmt_int(value, lang)
    magnitude = math.floor(math.log10(abs(float(value)))) if value else 0
    return fmt_number(value, lang, min(6, max(0, 2 - magnitude)))
