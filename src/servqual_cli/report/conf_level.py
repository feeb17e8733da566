"""The confidence level a heading names: the one the intervals were computed at (``--conf``).

The catalog writes its interval headings at the default level ("95 % KI, nedre", "95% CI");
:func:`at_level` rewrites them to the level actually used, so ``--conf 0.9`` never prints 90 %
intervals under a "95 %" heading (review 2, item 4).
"""

from __future__ import annotations

import re

__all__ = ["at_level", "level_text"]

_DEFAULT = re.compile(r"95(?:\u00a0| )?%")


def level_text(conf: float, lang: str) -> str:
    """A confidence level as the reader writes it: "95 %" (sv, no-break space), "95%" (en).

    Shown with as many decimals as it has (0.975 is 97.5, not 98).

    >>> level_text(0.95, "sv"), level_text(0.9, "en"), level_text(0.975, "sv")
    ('95\\xa0%', '90%', '97,5\\xa0%')
    """
    text = f"{round(conf * 100, 6):g}"
    return f"{text.replace('.', ',')}\u00a0%" if lang == "sv" else f"{text}%"


def at_level(text: str, conf: float, lang: str) -> str:
    """``text`` with its "95 %"/"95%" replaced by the level ``conf`` (unchanged at 0.95).

    >>> at_level("95 % KI, nedre", 0.9, "sv")
    '90\\xa0% KI, nedre'
    >>> at_level("95% CI by Feldt's method", 0.99, "en")
    "99% CI by Feldt's method"
    >>> at_level("95 % CI, low", 0.95, "en")
    '95 % CI, low'
    """
    if abs(conf - 0.95) < 1e-12:
        return text
    return _DEFAULT.sub(level_text(conf, lang), text)
