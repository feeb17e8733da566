"""KPI and service-declaration configurations (``servqual kpi CONFIG.toml``).

A configuration is a TOML file with an optional top-level ``title`` and one ``[[kpi]]`` table per
KPI. Every key is checked: an unknown key, a wrong type, a limit that cannot be read or a
combination that means nothing (a ``limit`` with ``statistic = "median"``) is a
:class:`~servqual_cli.errors.ConfigError` naming the key and the KPI (``[[kpi]] 2 ("E-post
...")``). The keys are documented in the README and in ``data/samples/kpi.toml``.

Two kinds of KPI:

- *duration* KPIs have ``start`` and ``end`` columns; the case engine
  (:mod:`servqual_cli.core.durations`) measures them. A service declaration is a duration KPI
  with a ``limit`` and a ``target``.
- *value* KPIs have a ``value_column``: numbers summarised by median, mean or p90, or labels
  whose ``success`` share is measured. An optional ``start`` then names a date column used only
  to split periods.

:mod:`servqual_cli.io.kpi_data` then reads the rows each KPI measures, and checks what only the
data can tell: that the date columns hold readable dates, that a numeric ``value_column`` holds
numbers and that every ``success`` label occurs in its column.
"""

from __future__ import annotations

import math
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from servqual_cli.errors import ConfigError, Location
from servqual_cli.io.cells import text_values
from servqual_cli.io.values import fold
from servqual_cli.vocab.durations import DurationUnit, Limit, parse_limit
from servqual_cli.vocab.kpi import ASPECTS, UNREACHED, KpiSpec

__all__ = [
    "ASPECTS",
    "KPI_KEYS",
    "STATISTICS",
    "KpiConfig",
    "KpiSpec",
    "kpi_config_from_dict",
    "load_kpi_config",
]

_ASPECT_WORDS = {
    **dict.fromkeys(["nåbarhet", "nabarhet", "reachability", "accessibility"], "nåbarhet"),
    **dict.fromkeys(["väntetid", "vantetid", "waiting time", "waiting"], "väntetid"),
    **dict.fromkeys(["genomförandetid", "genomforandetid", "lead time"], "genomförandetid"),
    **dict.fromkeys(["resultat", "result", "results", "outcome"], "resultat"),
}
STATISTICS = ("median", "mean", "p90", "share_within", "share")
TOP_KEYS = frozenset({"title", "min_n", "kpi"})
KPI_KEYS = frozenset(
    {
        "name",
        "aspect",
        "data",
        "filter",
        "start",
        "end",
        "limit",
        "target",
        "statistic",
        "unit",
        "norm",
        "higher_is_better",
        "by",
        "value_column",
        "success",
        "register",
        "period",
        "unreached",
    }
)
REGISTERS = ("auto", "feedback", "none")
_TEXT_KEYS = (
    "name",
    "aspect",
    "data",
    "start",
    "end",
    "limit",
    "statistic",
    "unit",
    "by",
    "value_column",
)
_SHARES = ("share", "share_within")


@dataclass(frozen=True)
class KpiConfig:
    """A whole configuration file: its ``title``, the KPIs in file order and ``min_n`` (groups
    with fewer cases are "too few": not judged, never named below the goal; None when the file
    does not set it, then 30, or in a report the report's ``min_n``)."""

    path: str
    title: str | None
    kpis: tuple[KpiSpec, ...]
    min_n: int | None = None


def load_kpi_config(path: str | Path) -> KpiConfig:
    """Read and validate a KPI TOML file; data paths are resolved against its folder.

    Raises
    ------
    ConfigError
        The file is missing, not UTF-8 or not TOML, or any key is unknown or invalid.
    """
    source = str(path)
    p = Path(path)
    if not p.is_file():
        raise ConfigError("KPI configuration file not found", Location(source))
    try:
        text = p.read_text(encoding="utf-8")
        data = tomllib.loads(text)
    except UnicodeDecodeError as exc:
        raise ConfigError("KPI configuration is not UTF-8 text", Location(source)) from exc
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"invalid TOML: {exc}{_quote_hint(text, str(exc))}",
                          Location(source)) from exc  # fmt: skip
    return kpi_config_from_dict(data, source, p.parent)


# A bare TOML key holds only A-Z, a-z, 0-9, "-" and "_": "område" must be quoted.
_BARE_NON_ASCII = re.compile(r"(?:^|[{,])\s*([\w.-]*[^\x00-\x7f][\w.-]*)\s*=")
_AT_LINE = re.compile(r"at line (\d+), column \d+")


def _quote_hint(text: str, message: str) -> str:
    """A hint when the TOML error's line has a bare key with å, ä or ö (review 2, item 21):
    every Swedish register has ``område`` and ``förvaltning``, and TOML refuses them unquoted.

    >>> _quote_hint('filter = { kanal = "t", område = "b" }', "... (at line 1, column 26)")
    '; quote keys with å, ä, ö: { "område" = ... }'
    >>> _quote_hint('name = "Område"', "... (at line 1, column 9)")
    ''
    """
    at = _AT_LINE.search(message)
    lines = text.splitlines()
    if at is None or not 0 < int(at.group(1)) <= len(lines):
        return ""
    key = _BARE_NON_ASCII.search(lines[int(at.group(1)) - 1])
    return f'; quote keys with å, ä, ö: {{ "{key.group(1)}" = ... }}' if key else ""


def kpi_config_from_dict(
    data: Mapping[str, Any], source: str, base: Path, check_files: bool = True
) -> KpiConfig:
    """Validate parsed TOML into a :class:`KpiConfig`.

    Parameters
    ----------
    data : mapping
        The parsed TOML document.
    source : str
        The file name, for messages.
    base : Path
        Folder that ``data`` paths are relative to.
    check_files : bool
        Check that each ``data`` file exists.

    Examples
    --------
    >>> cfg = kpi_config_from_dict({"kpi": [{"name": "Bygglov", "aspect": "lead time",
    ...     "data": "b.xlsx", "start": "komplett", "end": "beslut", "limit": "10 veckor",
    ...     "target": 0.9}]}, "k.toml", Path("."), check_files=False)
    >>> spec = cfg.kpis[0]
    >>> spec.aspect, spec.statistic, spec.limit.value, spec.duration_unit, spec.kind
    ('genomförandetid', 'share_within', 70.0, 'days', 'duration')
    """
    where = Location(source)
    unknown = sorted(set(data) - TOP_KEYS)
    if unknown:
        raise ConfigError(
            f"unknown top-level key {unknown[0]!r}; allowed: title, min_n and [[kpi]] tables",
            where,
        )
    title = data.get("title")
    if title is not None and not isinstance(title, str):
        raise ConfigError("key 'title' must be text", where)
    min_n = data.get("min_n")
    if min_n is not None and (isinstance(min_n, bool) or not isinstance(min_n, int) or min_n < 1):
        raise ConfigError(f"key 'min_n' must be a whole number, 1 or more, not {min_n!r}", where)
    entries = data.get("kpi")
    if (
        not isinstance(entries, list)
        or not entries
        or not all(isinstance(e, dict) for e in entries)
    ):
        raise ConfigError("no KPIs: add at least one [[kpi]] table", where)
    specs = tuple(_spec(e, i, source, base, check_files) for i, e in enumerate(entries, 1))
    # Names identify KPIs in tables, JSON and exclusion notes: two alike cannot be told apart.
    seen: dict[str, int] = {}
    for spec in specs:
        key = spec.name.casefold()
        if key in seen:
            raise ConfigError(
                f"{spec.where}, key 'name': the name is already used by [[kpi]] {seen[key]}; "
                "give each KPI its own name",
                where,
            )
        seen[key] = spec.index
    return KpiConfig(source, title, specs, min_n)


def _spec(entry: dict[str, Any], index: int, source: str, base: Path, check: bool) -> KpiSpec:
    name = entry.get("name")
    label = f"[[kpi]] {index}" + (f' ("{name}")' if isinstance(name, str) else "")

    def fail(key: str, message: str) -> ConfigError:
        return ConfigError(f"{label}, key {key!r}: {message}", Location(source))

    unknown = sorted(set(entry) - KPI_KEYS)
    if unknown:
        raise fail(unknown[0], f"unknown key; allowed keys: {', '.join(sorted(KPI_KEYS))}")
    for key in ("name", "aspect", "data"):
        if key not in entry:
            raise fail(key, "missing (name, aspect and data are required)")
    for key in _TEXT_KEYS:
        if key in entry and (not isinstance(entry[key], str) or not entry[key].strip()):
            raise fail(key, f"must be non-empty text, got {entry[key]!r}")
    aspect = _ASPECT_WORDS.get(fold(entry["aspect"]))
    if aspect is None:
        raise fail("aspect", f"{entry['aspect']!r} is not one of {', '.join(ASPECTS)}")
    data_path = (base / entry["data"]).resolve()
    if check and not data_path.is_file():
        raise fail("data", f"file not found: {entry['data']!r} (relative to {str(base)!r})")
    start, end, value_column = entry.get("start"), entry.get("end"), entry.get("value_column")
    if value_column is not None and end is not None:
        raise fail("value_column", "a KPI has either start/end (durations) or value_column")
    if value_column is None and (start is None or end is None):
        missing = "end" if start is not None else "start"
        raise fail(missing, "a KPI needs start and end (durations) or value_column (values)")
    limit = None
    if "limit" in entry:
        if value_column is not None:
            raise fail("limit", "a limit applies to durations (start/end), not to value_column")
        try:
            limit = parse_limit(entry["limit"])
        except ConfigError as exc:
            raise fail("limit", exc.message) from exc
    statistic = entry.get("statistic")
    if statistic is None:
        if limit is not None:
            statistic = "share_within"
        elif "success" in entry:
            statistic = "share"
        else:
            raise fail("statistic", f"missing; give one of {', '.join(STATISTICS)}")
    if statistic not in STATISTICS:
        raise fail("statistic", f"{statistic!r} is not one of {', '.join(STATISTICS)}")
    if statistic == "share_within" and (limit is None or value_column is not None):
        raise fail("statistic", "'share_within' needs start, end and a limit")
    if statistic != "share_within" and limit is not None:
        raise fail(
            "limit", f"a limit is only used with statistic 'share_within', not {statistic!r}"
        )
    if statistic == "share" and value_column is None:
        raise fail("statistic", "'share' needs value_column and success")
    success = _success(entry, statistic, fail)
    filters = _filters(entry.get("filter"), fail)
    target, norm = _number(entry, "target", fail), _number(entry, "norm", fail)
    if target is not None and statistic not in _SHARES:
        raise fail("target", "a target is a required share (0-1); use norm for median/mean/p90")
    for key, value in (("target", target), ("norm", norm)):
        if value is not None and statistic in _SHARES and not 0.0 <= value <= 1.0:
            raise fail(key, f"must be a share between 0 and 1 (e.g. 0.9), got {value}")
    higher = entry.get("higher_is_better", statistic in _SHARES)
    if not isinstance(higher, bool):
        raise fail("higher_is_better", f"must be true or false, got {higher!r}")
    unit, duration_unit, factor = _units(entry.get("unit"), limit, statistic, value_column, fail)
    register = entry.get("register", "auto")
    if register not in REGISTERS:
        raise fail("register", f"must be one of {', '.join(REGISTERS)}, got {register!r}")
    period = _period(entry, start, fail)
    unreached = _unreached(entry, statistic, value_column, fail)
    return KpiSpec(
        index=index, name=entry["name"].strip(), aspect=aspect, data=data_path,
        statistic=statistic, filter=filters, start=start, end=end, value_column=value_column,
        by=entry.get("by"), limit=limit, unit=unit, duration_unit=duration_unit,
        unit_factor=factor, success=success, target=target, norm=norm, higher_is_better=higher,
        register=register, period=period, unreached=unreached,
        unreached_given="unreached" in entry,
    )  # fmt: skip


_YEARS = re.compile(r"\s*(\d{4})\s*(?:[-–—]\s*(\d{4})\s*)?")


def _period(entry: dict[str, Any], start: str | None, fail: Any) -> str | None:
    """The declared period of a KPI without a date column: a year (``2024`` or ``"2024"``) or
    a range of years (``"2023-2024"``, shown ``2023–2024``).

    >>> def fail(key, message):
    ...     return ValueError(f"{key}: {message}")
    >>> _period({"period": 2024}, None, fail), _period({"period": "2023 - 2024"}, None, fail)
    ('2024', '2023–2024')
    >>> _period({"period": "2024-2023"}, None, fail)
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


def _unreached(
    entry: dict[str, Any], statistic: str, value_column: str | None, fail: Any
) -> tuple[str, tuple[str, ...]] | None:
    """The ``unreached`` rule of a value KPI of numbers: ``{ "nådd" = "nej" }`` (a column and
    the value, or list of values, that marks a contact that reached no one), ``false`` for
    none; default :data:`~servqual_cli.vocab.kpi.UNREACHED`.

    >>> def fail(key, message):
    ...     return ValueError(f"{key}: {message}")
    >>> _unreached({}, "median", "väntetid", fail), _unreached({}, "share", "nådd", fail)
    (('nådd', ('nej',)), None)
    >>> _unreached({"unreached": {"kom fram": ["nej", "upptaget"]}}, "median", "v", fail)
    ('kom fram', ('nej', 'upptaget'))
    >>> _unreached({"unreached": False}, "median", "v", fail) is None
    True
    >>> _unreached({"unreached": {"nådd": "nej"}}, "share", "v", fail)
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


def _number(entry: dict[str, Any], key: str, fail: Any) -> float | None:
    value = entry.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise fail(key, f"must be a number, got {value!r}")
    if not math.isfinite(value):  # TOML allows nan and inf; no target or norm is either
        raise fail(key, f"must be a finite number, got {value!r}")
    return float(value)


def _success(entry: dict[str, Any], statistic: str, fail: Any) -> tuple[str, ...]:
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


def _filters(raw: Any, fail: Any) -> tuple[tuple[str, tuple[str, ...]], ...]:
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


def _units(
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
