"""One sign style for a change and its interval, in every command and the report.

A change carries its sign ("+5,8", "−2,0": which way it went); the bounds of its confidence
interval do not ("2,3", "9,2", "−22,7": a minus only when the bound is below 0), as the trend
tables (``servqual trend``, the report's "Förändring, alla områden"), the KPI tables (the
report's "Nyckeltal som förändrats") and the service survey's index table already show them.
Review 8, finding 6: the feedback register's change table printed "+5,8 [+2,3; +9,2]" where the
report's KPI table printed the same interval as "2,3 / 9,2". Table builders take their formats
from :func:`change_formats`, and a bound written in running text ("95 % KI 2,3 till 9,2") comes
from :func:`bound_text`, so the rule is written once.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import Any

from servqual_cli.report.numbers import fmt_number

__all__ = ["bound_text", "change_formats"]


def change_formats(
    changes: Iterable[str], bounds: Iterable[str], decimals: int = 1
) -> dict[str, str]:
    """Display formats (:func:`~servqual_cli.report.spec.format_value`) for the columns of a
    change (signed) and of its interval's bounds (plain).

    >>> change_formats(["Skillnad"], ["KI låg", "KI hög"])
    {'Skillnad': '+.1f', 'KI låg': '.1f', 'KI hög': '.1f'}
    >>> from servqual_cli.report.spec import format_value
    >>> f = change_formats(["d"], ["lo", "hi"], 2)
    >>> [format_value(v, f[c], "sv") for v, c in ((0.5, "d"), (0.25, "lo"), (-0.1, "hi"))]
    ['+0,50', '0,25', '−0,10']
    """
    out = {c: f"+.{decimals}f" for c in changes}
    out.update({c: f".{decimals}f" for c in bounds})
    return out


def bound_text(value: Any, lang: str, decimals: int = 1) -> str:
    """An interval bound in running text, in the tables' style: no "+", a minus below 0; a bound
    that is not 0 but rounds to it gets two significant digits, so its side of 0 (which decides
    whether a change is claimed) shows: Lekeberg's bygglov interval starts at 0,026 pp.

    >>> bound_text(2.2772, "sv"), bound_text(-22.7, "sv"), bound_text(0.0264, "sv")
    ('2,3', '−22,7', '0,026')
    >>> bound_text(-0.004, "en"), bound_text(0.0, "en"), bound_text(float("nan"), "sv")
    ('-0.0040', '0.0', '–')
    """
    text = fmt_number(value, lang, decimals)
    v = float(value) if value is not None else math.nan
    if not math.isfinite(v) or v == 0 or text.strip("0,.\u00a0") != "":
        return text
    return fmt_number(v, lang, max(decimals, 1 - math.floor(math.log10(abs(v)))))
