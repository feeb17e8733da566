"""Time limits and units of the KPI and feedback sections in the report's language (the labels
themselves are in :mod:`servqual_cli.report.catalog`).

Time limits and duration units written by the user ("14 days",
"1 working day", "10 veckor") are rendered in the report's language by :func:`limit_text` and
:func:`unit_text`, so a Swedish report reads "löfte 14 dagar" whatever language the
configuration was written in.
"""

from __future__ import annotations

import re

from servqual_cli.core.durations import parse_limit
from servqual_cli.errors import ConfigError
from servqual_cli.report.catalog import SERVICE as SERVICE_LABELS
from servqual_cli.report.catalog import sl

__all__ = ["SERVICE_LABELS", "limit_text", "sl", "unit_text"]


# (unit, is weeks) -> ((sv singular, sv plural), (en singular, en plural))
_UNIT_NAMES: dict[tuple[str, bool], tuple[tuple[str, str], tuple[str, str]]] = {
    ("days", False): (("dag", "dagar"), ("day", "days")),
    ("days", True): (("vecka", "veckor"), ("week", "weeks")),
    ("working_days", False): (("arbetsdag", "arbetsdagar"), ("working day", "working days")),
    ("hours", False): (("timme", "timmar"), ("hour", "hours")),
    ("working_hours", False): (("arbetstimme", "arbetstimmar"), ("working hour", "working hours")),
}
# Unit words that are already in one language (as parse_limit accepts them): kept as written.
_OWN_WORDS = {
    "sv": frozenset(
        {
            *("dag", "dagar", "dygn", "kalenderdag", "kalenderdagar", "vecka", "veckor"),
            *("arbetsdag", "arbetsdagar", "vardag", "vardagar", "timme", "timmar", "tim"),
            *("arbetstimme", "arbetstimmar"),
        }
    ),
    "en": frozenset(
        {
            *("day", "days", "week", "weeks", "workday", "workdays", "hour", "hours"),
            *("calendar day", "calendar days", "working day", "working days", "business day"),
            *("business days", "working hour", "working hours", "business hour", "business hours"),
        }
    ),
}
_LIMIT = re.compile(r"^\s*(?P<value>\d+(?:[.,]\d+)?)\s*(?P<unit>[^\d].*?)\s*$")


def _words(unit: str) -> tuple[tuple[str, str], tuple[str, str]] | None:
    """Singular and plural names of a duration unit word, or None if it is not one."""
    try:
        parsed = parse_limit(f"1 {unit}")
    except ConfigError:
        return None
    return _UNIT_NAMES.get((parsed.unit, parsed.value == 7.0))


def _folded(word: str) -> str:
    return re.sub(r"\s+", " ", word.lower()).strip().rstrip(".")


def limit_text(text: str, lang: str) -> str:
    """A time limit as the user wrote it, in the report's language.

    Text already in that language is kept as written; otherwise the number is kept and the
    unit named in ``lang`` (singular for 1). Text that is not a limit is returned unchanged.

    >>> [limit_text(t, "sv") for t in ("14 days", "1 working day", "10 weeks", "48 hours")]
    ['14 dagar', '1 arbetsdag', '10 veckor', '48 timmar']
    >>> limit_text("2 Arbetsdagar", "sv"), limit_text("2 arbetsdagar", "en")
    ('2 Arbetsdagar', '2 working days')
    >>> limit_text("1,5 dygn", "en"), limit_text("1 vecka", "en"), limit_text("snart", "sv")
    ('1.5 days', '1 week', 'snart')
    """
    match = _LIMIT.match(text)
    if match is None:
        return text
    word = _folded(match.group("unit"))
    names = _words(word)
    if names is None or word in _OWN_WORDS.get(lang, frozenset()):
        return text.strip()
    number = match.group("value")
    value = float(number.replace(",", "."))
    singular, plural = names[0] if lang == "sv" else names[1]
    if lang != "sv":
        number = number.replace(",", ".")
    return f"{number} {singular if value == 1 else plural}"


def unit_text(unit: str | None, lang: str) -> str | None:
    """A KPI's display unit in the report's language: the labels of :data:`SERVICE_LABELS`
    ("seconds" is "s"), else a duration unit named in ``lang``, else the unit as written.

    >>> unit_text("working days", "sv"), unit_text("veckor", "en"), unit_text("kr", "sv")
    ('arbetsdagar', 'weeks', 'kr')
    """
    if unit is None:
        return None
    if unit in SERVICE_LABELS:
        return sl(unit, lang)
    word = _folded(unit)
    names = _words(word)
    if names is None or word in _OWN_WORDS.get(lang, frozenset()):
        return unit
    return names[0][1] if lang == "sv" else names[1][1]
