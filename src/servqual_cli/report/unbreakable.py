"""The runs of a text a line must not break inside: "n = 345" and a number with its unit.

Split from :mod:`servqual_cli.report.typeset` (which re-exports both functions) so that the
terminal, which keeps these runs whole when rich wraps a cell (:mod:`servqual_cli.cli.terminal`),
loads neither the page's typesetting nor markupsafe: every table render of every command (``alpha``
included) imported both, 5–8 ms of a command's start (m-misc, session 12). The rule itself
and its sources are in :mod:`servqual_cli.report.typeset`.
"""

from __future__ import annotations

import re

from servqual_cli.report.percent_sign import NBSP

__all__ = ["tie_n", "unbreakable_runs"]

# "n = 345", "n = 53 / 54", "(n = −)": the sample size's sign with a number (or minus) after it
_N_EQUALS = re.compile(r"(?<![\w])n = (?=[\d−–-])")

_TIED = f"n{NBSP}={NBSP}"

# Units a number is never parted from on the page, the longer forms first (report/numbers.py
# UNIT_WORDS, the KPI units, the MDD notes' "procentenheter"/"percentage points"). Not "%":
# "95 %" has its no-break space already (conf_level.level_text) and "95%" none.
_UNITS = (
    "procentenheter|percentage points|arbetsdagar|working days|arbetsdag|working day|"
    "arbetstimmar|working hours|"
    "dagar|days|dag|day|timmar|hours|timme|hour|sekunder|seconds|veckor|weeks|pp|s|h"
)
# "14 dagar", "+5,8 procentenheter", "≤ 90 s", "−4,0 days": an optional relation sign, a
# signed number (decimal comma or point, thousands no-break space), a space, the unit
_NUMBER = rf"(?:[≤≥] )?[−+-]?\d+(?:[.,{NBSP}]\d+)*"
_NUMBER_UNIT = re.compile(rf"(?<![\w.,−+-])({_NUMBER}[ {NBSP}](?:{_UNITS}))(?!\w)")


def tie_n(text: str) -> str:
    """``text`` with no-break spaces on both sides of the "=" of "n = 345".

    >>> tie_n("Tekniska förvaltningen (78,6 %, n = 345); Bygglov (n = 53 / 54)")
    'Tekniska förvaltningen (78,6 %, n\\xa0=\\xa0345); Bygglov (n\\xa0=\\xa053 / 54)'
    >>> tie_n("min n = 30"), tie_n("pn = 3"), tie_n("n = alla")
    ('min n\\xa0=\\xa030', 'pn = 3', 'n = alla')
    """
    return _N_EQUALS.sub(_TIED, text)


def unbreakable_runs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each run of ``text`` a line must not break inside: a number with its
    unit ("14 dagar", "+5,8 procentenheter", "≤ 90 s") and the sign of "n = 345" with the
    space before its number. The page keeps them in no-wrap spans
    (:func:`~servqual_cli.report.typeset.html_text`), the terminal keeps them whole when rich
    wraps a cell (:mod:`servqual_cli.cli.terminal`).

    >>> text = "inom 14 dagar (n = 345), +5,8 procentenheter"
    >>> [text[a:b] for a, b in unbreakable_runs(text)]
    ['14 dagar', '+5,8 procentenheter', 'n = ']
    """
    return [m.span() for pattern in (_NUMBER_UNIT, _N_EQUALS) for m in pattern.finditer(text)]
