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
"""

from __future__ import annotations

import math
from decimal import Decimal
from typing import Any

from babel.numbers import format_decimal

from servqual_cli.report.percent_sign import NBSP, with_percent

_LOCALE = {"sv": "sv_SE", "en": "en_GB"}
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
    pattern = "#,##0" + ("." + "0" * decimals if decimals > 0 else "")
    exact = Decimal(float(value))  # the binary value itself: the module's rounding rule
    text = format_decimal(exact, format=pattern, locale=_LOCALE.get(lang, "en_GB"))
    if lang == "sv":
        text = text.replace("-", MINUS).replace(" ", NBSP)
    if text.lstrip(MINUS + "-").strip("0,." + NBSP) == "":
        text = text.lstrip(MINUS + "-")  # "−0,0" is 0 to the reader
    return text


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
    """A p-value: three decimals, "<0,001" below 0.001."""
    if _missing(p):
        return MISSING
    if float(p) < 0.001:
        return "<" + fmt_number(0.001, lang, 3)
    return fmt_number(p, lang, 3)
