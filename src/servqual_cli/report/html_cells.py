"""A table cell of the web page as text in the reader's language (the formats of
:class:`~servqual_cli.report.spec.Table`), through :mod:`~servqual_cli.report.numbers`: a
decimal comma, "95 %" and "−" in Swedish."""

from __future__ import annotations

import math
import re
from typing import Any

import numpy as np
import pandas as pd

from servqual_cli.report.numbers import (
    MISSING,
    fmt_int,
    fmt_number,
    fmt_p,
    fmt_percent,
    fmt_signed,
)
from servqual_cli.report.spec import Table

ALPHA = 0.05  # a gap is "below 0" where its test's p is below this (excel.ALPHA, the verdicts')

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


def below_zero(table: Table) -> dict[str, np.ndarray]:
    """The cells of ``table`` the page marks as below 0, per column (a boolean per row).

    The rule of Excel's fill (:func:`~servqual_cli.report.excel._conditional`, review 12b,
    finding 11): the test is the table's last ``p`` column (the adjusted one where there are
    several), and it tests the table's first ``signed`` column, whose cell is marked only where
    the value is below 0 and that row's p below :data:`ALPHA`. The table's other signed columns
    (an interval's bound, the unweighted gap beside the weighted one) have no test of their own
    and are never marked by another column's test. Unlike Excel, a table without a test marks
    nothing: a colour would call a value "bad" that no test tells from 0, and its minus sign
    already says it is negative.

    >>> frame = pd.DataFrame({"Gap": [-0.04, -1.2, 0.3, None], "p (Holm)": [0.9, 0.01, 0.01, 0.01]})
    >>> below_zero(Table("t", frame, {"Gap": ".2f", "p (Holm)": "p"}, signed=("Gap",)))
    {'Gap': array([False,  True, False, False])}
    >>> below_zero(Table("t", frame[["Gap"]], {"Gap": ".2f"}, signed=("Gap",)))
    {}
    """
    columns = [str(c) for c in table.frame.columns]
    p_columns = [c for c in columns if table.formats.get(c) == "p"]
    signed = [c for c in table.signed if c in columns]
    if not p_columns or not signed:
        return {}
    frame = table.frame.set_axis(columns, axis=1)
    gap = pd.to_numeric(frame[signed[0]], errors="coerce").to_numpy(dtype=float, na_value=np.nan)
    p = pd.to_numeric(frame[p_columns[-1]], errors="coerce").to_numpy(dtype=float, na_value=np.nan)
    # NaN compares False on both sides: a missing gap or p is never marked
    return {signed[0]: (gap < 0) & (p < ALPHA)}
