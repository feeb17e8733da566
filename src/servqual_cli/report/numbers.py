"""Numbers as a reader of each language expects them: decimal comma, "95 %", "−" in Swedish.

Every renderer (terminal, Markdown, Excel text, HTML, charts) formats numbers through this module,
so one catalog decides how a number looks. Formatting goes through Babel (CLDR locale data); two
Swedish conventions CLDR leaves to the writer are applied on top: the minus sign is U+2212 "−"
(Språkrådet, *Svenska skrivregler*, 2017, §§ on tecken), and the thousands separator is a
no-break space, so "1 234" never wraps.

**One rounding rule in both languages**: a number is rounded from the exact binary value it
holds, ties (exact binary halves only) to even, as Python's ``format``, C's ``printf`` and R's
``sprintf``/``formatC`` do. Babel on its own rounds the shortest decimal that prints the float
(``5.675``, held as 5.67499999999999982…) and gave ``5,68`` in Swedish where the English
output said ``5.67``; :func:`fmt_number` hands Babel the exact ``Decimal(float)`` instead, so
the digits are the same in both languages:

>>> [fmt_number(v, "sv", 2) for v in (5.675, 2.675, 0.125, 0.375)]
['5,67', '2,67', '0,12', '0,38']
>>> [format(v, ".2f") for v in (5.675, 2.675, 0.125, 0.375)]
['5.67', '2.67', '0.12', '0.38']

>>> fmt_number(-1234.5678, "sv", 2), fmt_number(-1234.5678, "en", 2)
('−1\\xa0234,57', '-1,234.57')
>>> fmt_percent(0.953, "sv"), fmt_percent(0.953, "en"), fmt_percent(None, "sv")
('95,3\\xa0%', '95.3%', '–')
>>> fmt_signed(0.5, "sv", 1), fmt_signed(-0.5, "sv", 1), fmt_signed(0.0, "en", 1)
('+0,5', '−0,5', '0.0')
>>> fmt_p(0.0004, "sv"), fmt_p(0.0123, "sv"), fmt_p(0.0123, "en")
('<0,001', '0,012', '0.012')

**Start-up** (issue #16): Babel's locale data (pickles of CLDR, loaded on the first call) and its
per-call pattern work cost about 0.04-0.09 s of every run that prints a table. The two locales'
CLDR symbols are therefore kept here (``_SEPARATORS``) and a finite number of ordinary size is
written by Python's ``format`` of the same ``Decimal`` (grouping by three, the decimal context's
rounding, as Babel's ``quantize``) with those symbols; anything else (infinity, a number too long
for the decimal context, another language) goes through Babel as before.
``tests/report/test_numbers_fast.py`` checks the symbols against Babel and every output against
Babel's ``format_decimal`` (hypothesis, all floats).
"""

from __future__ import annotations

import math
from decimal import Decimal
from typing import Any

from servqual_cli.report.percent_sign import NBSP, with_percent

_LOCALE = {"sv": "sv_SE", "en": "en_GB"}
# CLDR decimal and group symbols of each locale (babel.numbers.get_decimal_symbol and
# get_group_symbol), written over Python's "." and ",": checked against Babel in the tests.
_SEPARATORS = {"en_GB": (".", ","), "sv_SE": (",", NBSP)}
# Integer digits and decimals written without Babel: together far inside the decimal context's
# 28 digits, where Babel's quantize would raise InvalidOperation.
_FAST_DIGITS, _FAST_DECIMALS = 15, 10
MISSING = "–"  # en dash for a value that cannot be computed, in both languages
MINUS = "\u2212"


def _missing(value: Any) -> bool:
    if value is None:
        return True
    try:
        return bool(math.isnan(float(value)))
    except (TypeError, ValueError):
        return False


def fmt_number(value: Any, lang: str = "en", decimals: int = 2) -> str:
    """``value`` with ``decimals`` decimals and the language's separators."""
    if _missing(value):
        return MISSING
    exact = Decimal(float(value))  # the binary value itself: the module's rounding rule
    text = _format_decimal(exact, decimals, _LOCALE.get(lang, "en_GB"))
    if lang == "sv":
        text = text.replace("-", MINUS).replace(" ", NBSP)
    if text.lstrip(MINUS + "-").strip("0,." + NBSP) == "":
        text = text.lstrip(MINUS + "-")  # "−0,0" is 0 to the reader
    return text


def _format_decimal(exact: Decimal, decimals: int, locale: str) -> str:
    """Babel's ``format_decimal(exact, "#,##0.00…", locale)``, without Babel where that is safe.

    >>> _format_decimal(Decimal(-1234.5), 2, "sv_SE"), _format_decimal(Decimal(0.125), 2, "en_GB")
    ('-1\\xa0234,50', '0.12')
    >>> _format_decimal(Decimal("Infinity"), 2, "en_GB")  # Babel's own symbol
    '∞'
    """
    separators = _SEPARATORS.get(locale)
    if (
        separators is None
        or not exact.is_finite()
        or exact.adjusted() >= _FAST_DIGITS
        or decimals > _FAST_DECIMALS
    ):
        from babel.numbers import format_decimal

        pattern = "#,##0" + ("." + "0" * decimals if decimals > 0 else "")
        return format_decimal(exact, format=pattern, locale=locale)
    text = format(exact, f",.{decimals}f")  # rounds as Babel's quantize: the decimal context
    point, group = separators
    if (point, group) == (".", ","):
        return text
    return text.translate({ord("."): point, ord(","): group})


def fmt_int(value: Any, lang: str = "en") -> str:
    """A count: ``1 234`` (sv) or ``1,234`` (en)."""
    return fmt_number(value, lang, 0)


def fmt_percent(share: Any, lang: str = "en", decimals: int = 1) -> str:
    """A share 0-1 in percent: "95,3 %" (sv, with a no-break space), "95.3%" (en)."""
    if _missing(share):
        return MISSING
    return with_percent(fmt_number(float(share) * 100, lang, decimals), lang)


def fmt_signed(value: Any, lang: str = "en", decimals: int = 2) -> str:
    """A change with its sign shown: "+0,5", "−0,5"; zero (as shown) has no sign."""
    text = fmt_number(value, lang, decimals)
    if text == MISSING or text.startswith((MINUS, "-")):
        return text
    if text.strip("0,." + NBSP) == "":
        return text
    return "+" + text


def fmt_p(p: Any, lang: str = "en") -> str:
    """A p-value: three decimals, "<0,001" below 0.001.

    A p below 0.05 never prints as "0,050" (review 5, finding 6): a Holm p of 0.04973 beside a
    "clear difference" reading read as p = 0.050. Where three decimals would round it up to the
    line, more decimals are shown (up to six), then "<0,05".

    >>> fmt_p(0.04973, "sv"), fmt_p(0.04973, "en"), fmt_p(0.0499999999, "en")
    ('0,0497', '0.0497', '<0.05')
    >>> fmt_p(0.05, "en"), fmt_p(0.0494, "en"), fmt_p(0.0506, "sv")
    ('0.050', '0.049', '0,051')
    """
    if _missing(p):
        return MISSING
    value = float(p)
    if value < 0.001:
        return "<" + fmt_number(0.001, lang, 3)
    if value < _ALPHA_LINE:
        for decimals in range(3, 7):
            if round(value, decimals) < _ALPHA_LINE:
                return fmt_number(value, lang, decimals)
        return "<" + fmt_number(_ALPHA_LINE, lang, 2)
    return fmt_number(value, lang, 3)


# The line p is read against everywhere (the readings and the Excel highlights use p < 0.05).
_ALPHA_LINE = 0.05


# A measure's unit after its number (sv, en); other units ("gap", "mean", "index", "count",
# "share") have none or a sign of their own.
UNIT_WORDS = {
    "days": ("dagar", "days"),
    "working_days": ("arbetsdagar", "working days"),
    "hours": ("timmar", "hours"),
    # core/calendar.working_hours_between: every working day counts its whole 24 hours, so the
    # unit says where the hours are counted, not "arbetstimmar" (read as ~8 a day; review 10a
    # finding 2); the rule itself is in the notes (catalog_measurement "units_note")
    "working_hours": ("timmar på arbetsdagar", "hours on working days"),
    "seconds": ("s", "s"),
}
_POINTS = ("procentenheter", "percentage points")


def _unit_word(unit: str, lang: str) -> str:
    sv, en = UNIT_WORDS[unit]
    return sv if lang == "sv" else en


def fmt_measure(value: Any, unit: str, lang: str = "en") -> str:
    """A measure's value in its unit, as every renderer of the overview shows it (the Markdown
    and terminal table, the web page's cards): one decimal for percent, index and times, whole
    counts, two decimals for gaps and means.

    >>> fmt_measure(0.922, "share", "sv"), fmt_measure(30.0, "days", "en")
    ('92,2\\xa0%', '30.0 days')
    >>> fmt_measure(56.0, "seconds", "sv"), fmt_measure(-0.742, "gap", "sv")
    ('56,0\\xa0s', '−0,74')
    >>> fmt_measure(None, "gap"), fmt_measure(float("nan"), "days")
    ('–', '–')
    """
    if _missing(value):
        return MISSING
    if unit == "share":
        return fmt_percent(value, lang)
    if unit == "index":
        return fmt_number(value, lang, 1)
    if unit in UNIT_WORDS:  # the number and its unit never part at a line break in Swedish
        space = NBSP if lang == "sv" else " "
        return f"{fmt_number(value, lang, 1)}{space}{_unit_word(unit, lang)}"
    if unit == "count":
        return fmt_int(value, lang)
    return fmt_number(value, lang, 2)


def fmt_measure_change(change: Any, unit: str, lang: str = "en") -> str:
    """A change of a measure, signed, in its unit: percentage points for a share (never per
    cent), the value's decimals otherwise.

    >>> fmt_measure_change(-0.35, "share", "sv"), fmt_measure_change(-19.05, "working_hours", "en")
    ('−35,0 procentenheter', '-19.1 hours on working days')
    >>> fmt_measure_change(2.0, "count", "sv"), fmt_measure_change(None, "share")
    ('+2', '–')
    """
    if _missing(change):
        return MISSING
    if unit == "share":
        points = _POINTS[0] if lang == "sv" else _POINTS[1]
        return f"{fmt_signed(float(change) * 100, lang, 1)} {points}"
    if unit in UNIT_WORDS:
        return f"{fmt_signed(change, lang, 1)} {_unit_word(unit, lang)}"
    if unit == "index":  # as the value: one decimal
        return fmt_signed(change, lang, 1)
    if unit == "count":
        return fmt_signed(change, lang, 0)
    return fmt_signed(change, lang, 2)
