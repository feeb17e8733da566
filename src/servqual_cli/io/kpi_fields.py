"""The optional fields of one ``[[kpi]]`` entry, each read and checked: ``period``,
``unreached``, ``target``/``norm``, ``success``, ``filter`` and the units. Each takes the entry
(or its raw value) and ``fail(key, message)``, which makes the
:class:`~servqual_cli.errors.ConfigError` naming the KPI and the key. Split from
:mod:`~servqual_cli.io.kpi_config` (over 400 lines), which reads the file and the entry's
required keys and combinations."""

from __future__ import annotations

import math
import re
from typing import Any

import pandas as pd

from servqual_cli.errors import ConfigError
from servqual_cli.io.cells import text_values
from servqual_cli.vocab.durations import DurationUnit, Limit, parse_limit
from servqual_cli.vocab.kpi import UNREACHED

__all__ = ["kpi_filters", "kpi_number", "kpi_period", "kpi_success", "kpi_units", "kpi_unreached"]


_YEARS = re.compile(r"\s*(\d{4})\s*(?:[-–—]\s*(\d{4})\s*)?")


def kpi_period(entry: dict[str, Any], start: str | None, fail: Any) -> str | None:
    """The declared period of a KPI without a date column: a year (``2024`` or ``"2024"``) or
    a range of years (``"2023-2024"``, shown ``2023–2024``).

    >>> def fail(key, message):
    ...     return ValueError(f"{key}: {message}")
    >>> kpi_period({"period": 2024}, None, fail), kpi_period({"period": "2023 - 2024"}, None, fail)
    ('2024', '2023–2024')
    >>> kpi_period({"period": "2024-2023"}, None, fail)
    Traceback (most recent call last):
    ValueError: period: a range runs from the earlier year to the later, got '2024-2023'
    """
    if "period" not in entry:
        return None
    raw = entry["period"]
    if start is not None:
        raise fail("period", f"this KPI's periods come from its date column {start!r}; "
                             "period is only for a KPI without dates")  # fmt: skip
    text = str(raw) if isinstance(raw, int) and not isinstance(raw, bool) else raw
    match = _YEARS.fullmatch(text) if isinstance(text, str) else None
    if match is None:
        raise fail("period", 'must be a year ("2024") or a range of years ("2023-2024"), '
                             f"got {raw!r}")  # fmt: skip
    first, last = match.group(1), match.group(2)
    if not all(1900 <= int(y) <= 2100 for y in (first, last) if y is not None):
        raise fail("period", f"the years must lie in 1900-2100, got {raw!r}")
    if last is None or last == first:
        return first
    if int(last) < int(first):
        raise fail("period", f"a range runs from the earlier year to the later, got {raw!r}")
    return f"{first}–{last}"


def kpi_unreached(
    entry: dict[str, Any], statistic: str, value_column: str | None, fail: Any
) -> tuple[str, tuple[str, ...]] | None:
    """The ``unreached`` rule of a value KPI of numbers: ``{ "nådd" = "nej" }`` (a column and
    the value, or list of values, that marks a contact that reached no one), ``false`` for
    none; default :data:`~servqual_cli.vocab.kpi.UNREACHED`.

    >>> def fail(key, message):
    ...     return ValueError(f"{key}: {message}")
    >>> kpi_unreached({}, "median", "väntetid", fail), kpi_unreached({}, "share", "nådd", fail)
    (('nådd', ('nej',)), None)
    >>> kpi_unreached({"unreached": {"kom fram": ["nej", "upptaget"]}}, "median", "v", fail)
    ('kom fram', ('nej', 'upptaget'))
    >>> kpi_unreached({"unreached": False}, "median", "v", fail) is None
    True
    >>> kpi_unreached({"unreached": {"nådd": "nej"}}, "share", "v", fail)
    Traceback (most recent call last):
    ValueError: unreached: only for a value_column of numbers (statistic median, mean or p90),
    not 'share'
    """
    numbers = value_column is not None and statistic in ("median", "mean", "p90")
    if "unreached" not in entry:
        return UNREACHED if numbers else None
    raw = entry["unreached"]
    if not numbers:
        raise fail("unreached", "only for a value_column of numbers (statistic median, mean "
                                f"or p90), not {statistic!r}")  # fmt: skip
    if raw is False:
        return None
    example = '{ "nådd" = "nej" } (a column and the answer of a contact that reached no one) '
    if not isinstance(raw, dict) or len(raw) != 1:
        raise fail("unreached", f"must be an inline table such as {example}or false, "
                                f"got {raw!r}")  # fmt: skip
    ((column, value),) = raw.items()
    values = value if isinstance(value, list) else [value]
    if not column.strip() or not values or not all(isinstance(v, str | int) for v in values):
        raise fail("unreached", f"must be an inline table such as {example}or false, "
                                f"got {raw!r}")  # fmt: skip
    if any(not str(v).strip() for v in values):
        raise fail("unreached", f"the answer of {column!r} cannot be blank")
    return column, tuple(text_values(pd.Series(values, dtype=object)).astype(str))


def kpi_number(entry: dict[str, Any], key: str, fail: Any) -> float | None:
    value = entry.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise fail(key, f"must be a number, got {value!r}")
    if not math.isfinite(value):  # TOML allows nan and inf; no target or norm is either
        raise fail(key, f"must be a finite number, got {value!r}")
    return float(value)


def kpi_success(entry: dict[str, Any], statistic: str, fail: Any) -> tuple[str, ...]:
    if "success" not in entry:
        if statistic == "share":
            raise fail("success", "missing: the label (or list of labels) that counts as success")
        return ()
    if statistic != "share":
        raise fail("success", f"only used with statistic 'share', not {statistic!r}")
    raw = entry["success"]
    values = raw if isinstance(raw, list) else [raw]
    if not values or not all(isinstance(v, str | int | float) for v in values):
        raise fail("success", f"must be a label or a list of labels, got {raw!r}")
    return tuple(text_values(pd.Series(values, dtype=object)).astype(str))


def kpi_filters(raw: Any, fail: Any) -> tuple[tuple[str, tuple[str, ...]], ...]:
    if raw is None:
        return ()
    if not isinstance(raw, dict) or not raw:
        raise fail("filter", 'must be an inline table such as { kanal = "telefon" }')
    out = []
    for column, value in raw.items():  # a few config entries, not data rows
        values = value if isinstance(value, list) else [value]
        if not values or not all(isinstance(v, str | int | float) for v in values):
            raise fail("filter", f"{column!r} must equal a value or a list of values")
        out.append((column, tuple(text_values(pd.Series(values, dtype=object)).astype(str))))
    return tuple(out)


def kpi_units(
    unit: str | None, limit: Limit | None, statistic: str, value_column: str | None, fail: Any
) -> tuple[str | None, DurationUnit | None, float]:
    """Display unit, engine unit and display factor (see :class:`KpiSpec`)."""
    if value_column is not None:
        return unit, None, 1.0  # a free label for value KPIs
    if limit is not None:
        if unit is not None:
            try:
                same = parse_limit(f"1 {unit}").unit == limit.unit
            except ConfigError:
                same = False
            if not same:
                raise fail("unit", f"{unit!r} does not match the limit {limit.text!r}")
        return unit or limit.unit.replace("_", " "), limit.unit, 1.0
    text = unit or "days"
    try:
        parsed = parse_limit(f"1 {text}")
    except ConfigError as exc:
        raise fail(
            "unit",
            f"{text!r} is not a duration unit (days, working days, hours, working hours, weeks)",
        ) from exc
    return text, parsed.unit, parsed.value
