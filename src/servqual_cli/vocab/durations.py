"""Duration units and time limits ("inom tio veckor"), shared by KPI configurations and the
case engine (:mod:`servqual_cli.core.durations`)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Literal

from servqual_cli.errors import ConfigError

__all__ = ["DurationUnit", "Limit", "parse_limit"]

DurationUnit = Literal["days", "working_days", "hours", "working_hours"]

# Spelled-out unit -> (unit, multiplier). Swedish and English, singular and plural; weeks are
# calendar days times seven.
_UNIT_WORDS: dict[str, tuple[DurationUnit, float]] = {
    **dict.fromkeys(
        ["day", "days", "calendar day", "calendar days", "dag", "dagar", "dygn",
         "kalenderdag", "kalenderdagar", "d"],
        ("days", 1.0),
    ),
    **dict.fromkeys(
        ["week", "weeks", "vecka", "veckor", "v"],
        ("days", 7.0),
    ),
    **dict.fromkeys(
        ["working day", "working days", "workday", "workdays", "business day",
         "business days", "arbetsdag", "arbetsdagar", "vardag", "vardagar"],
        ("working_days", 1.0),
    ),
    **dict.fromkeys(
        ["hour", "hours", "h", "timme", "timmar", "tim"],
        ("hours", 1.0),
    ),
    **dict.fromkeys(
        ["working hour", "working hours", "business hour", "business hours",
         "arbetstimme", "arbetstimmar"],
        ("working_hours", 1.0),
    ),
}  # fmt: skip

_LIMIT_PATTERN = re.compile(r"^\s*(?P<value>\d+(?:[.,]\d+)?)\s*(?P<unit>[^\d].*?)\s*$")

_EXPECTED_FORMS = (
    "a number and a unit: '14 days', '10 weeks', '5 working days', '48 hours', "
    "'24 working hours', or in Swedish '14 dagar', '10 veckor', '2 arbetsdagar', '48 timmar'"
)


@dataclass(frozen=True)
class Limit:
    """A time limit such as "within 10 weeks": ``value`` in ``unit`` (weeks become days)."""

    value: float
    unit: DurationUnit
    text: str = ""

    def to_dict(self) -> dict[str, Any]:
        """JSON-able form.

        >>> Limit(70.0, "days", "10 veckor").to_dict()
        {'value': 70.0, 'unit': 'days', 'text': '10 veckor'}
        """
        return {"value": self.value, "unit": self.unit, "text": self.text}


def parse_limit(text: str) -> Limit:
    """Parse a limit written as a number and a unit, in Swedish or English.

    Parameters
    ----------
    text : str
        E.g. ``"1 working day"``, ``"14 days"``, ``"10 weeks"``, ``"48 hours"``,
        ``"24 working hours"``, ``"2 arbetsdagar"``, ``"14 dagar"``, ``"10 veckor"``,
        ``"48 timmar"``. A decimal comma is accepted (``"1,5 dagar"``).

    Returns
    -------
    Limit
        Weeks are converted to calendar days (times 7).

    Raises
    ------
    ConfigError
        If the text is not a positive number followed by a known unit.

    Notes
    -----
    Case and extra spaces are ignored. Also accepted: "calendar day(s)", "kalenderdag(ar)",
    "dygn", "d"; "v" for weeks; "business day(s)", "workday(s)" and "vardag(ar)" for working
    days ("vardag" is read in its everyday sense, Monday-Friday except holidays); "h", "tim"
    for hours; "business hour(s)", "arbetstimme/arbetstimmar" for working hours.

    References
    ----------
    .. [1] Plan- och bygglag (2010:900), 9 kap. 27 § ("inom tio veckor").

    Examples
    --------
    >>> parse_limit("10 veckor")
    Limit(value=70.0, unit='days', text='10 veckor')
    >>> parse_limit("2 Arbetsdagar").unit
    'working_days'
    """
    match = _LIMIT_PATTERN.match(text) if isinstance(text, str) else None
    unit_word = re.sub(r"\s+", " ", match.group("unit").lower()).rstrip(".") if match else ""
    if match is None or unit_word not in _UNIT_WORDS:
        raise ConfigError(f"cannot read the time limit {text!r}: expected {_EXPECTED_FORMS}",
                          code="limit_unreadable", facts={"text": text})  # fmt: skip
    value = float(match.group("value").replace(",", "."))
    if value <= 0:
        raise ConfigError(f"the time limit {text!r} must be longer than zero",
                          code="limit_not_positive", facts={"text": text})  # fmt: skip
    unit, factor = _UNIT_WORDS[unit_word]
    return Limit(value * factor, unit, text.strip())
