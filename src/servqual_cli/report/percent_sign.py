"""The per cent sign after a number: one spacing rule per language for every output.

Kept apart from :mod:`~servqual_cli.report.numbers` (which loads Babel) so that the plain
terminal tables of the analysis commands can use it without that import.
"""

from __future__ import annotations

__all__ = ["NBSP", "with_percent"]

NBSP = "\u00a0"


def with_percent(number: str, lang: str = "en") -> str:
    """A number already written out, with its per cent sign: the one spacing rule of every
    output. Swedish puts a no-break space before "%" (Språkrådet, *Svenska skrivregler*: a
    space, and one that never breaks the line between number and sign); English none.

    >>> with_percent("13,7", "sv"), with_percent("13.7", "en")
    ('13,7\\xa0%', '13.7%')
    """
    return f"{number}{NBSP}%" if lang == "sv" else f"{number}%"
