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

import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from servqual_cli.errors import ConfigError, Location
from servqual_cli.io.kpi_fields import (
    kpi_filters,
    kpi_number,
    kpi_period,
    kpi_success,
    kpi_units,
    kpi_unreached,
)
from servqual_cli.io.values import fold
from servqual_cli.vocab.durations import parse_limit
from servqual_cli.vocab.kpi import ASPECTS, KpiSpec

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
        raise ConfigError(
            "KPI configuration file not found", Location(source), code="kpi_config_not_found"
        )
    try:
        text = p.read_text(encoding="utf-8")
        data = tomllib.loads(text)
    except UnicodeDecodeError as exc:
        raise ConfigError(
            "KPI configuration is not UTF-8 text", Location(source), code="kpi_config_not_utf8"
        ) from exc
    except tomllib.TOMLDecodeError as exc:
        hint = _quote_hint(text, str(exc))
        raise ConfigError(f"invalid TOML: {exc}{hint}", Location(source), code="invalid_toml",
                          facts={"detail": str(exc), "hint": "quote_keys" if hint else None},
                          ) from exc  # fmt: skip
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
            code="kpi_unknown_key",
            facts={"key": unknown[0]},
        )
    title = data.get("title")
    if title is not None and not isinstance(title, str):
        raise ConfigError("key 'title' must be text", where, code="kpi_title_text")
    min_n = data.get("min_n")
    if min_n is not None and (isinstance(min_n, bool) or not isinstance(min_n, int) or min_n < 1):
        raise ConfigError(f"key 'min_n' must be a whole number, 1 or more, not {min_n!r}", where,
                          code="kpi_min_n", facts={"value": repr(min_n)})  # fmt: skip
    entries = data.get("kpi")
    if (
        not isinstance(entries, list)
        or not entries
        or not all(isinstance(e, dict) for e in entries)
    ):
        raise ConfigError("no KPIs: add at least one [[kpi]] table", where, code="kpi_none")
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
                code="kpi_name_twice",
                facts={"where": spec.where, "first": seen[key]},
            )
        seen[key] = spec.index
    return KpiConfig(source, title, specs, min_n)


def _spec(entry: dict[str, Any], index: int, source: str, base: Path, check: bool) -> KpiSpec:
    name = entry.get("name")
    label = f"[[kpi]] {index}" + (f' ("{name}")' if isinstance(name, str) else "")

    def fail(key: str, message: str, code: str | None = None, **facts: object) -> ConfigError:
        # the helpers of kpi_fields.py call fail(key, message) alone: English in a Swedish run
        return ConfigError(
            f"{label}, key {key!r}: {message}",
            Location(source),
            code=None if code is None else "kpi_entry",
            facts={"where": label, "key": key, "code": code, "facts": facts},
        )

    unknown = sorted(set(entry) - KPI_KEYS)
    if unknown:
        raise fail(unknown[0], f"unknown key; allowed keys: {', '.join(sorted(KPI_KEYS))}",
                   "kpi_key_unknown", allowed=", ".join(sorted(KPI_KEYS)))  # fmt: skip
    for key in ("name", "aspect", "data"):
        if key not in entry:
            raise fail(key, "missing (name, aspect and data are required)", "kpi_key_missing")
    for key in _TEXT_KEYS:
        if key in entry and (not isinstance(entry[key], str) or not entry[key].strip()):
            raise fail(key, f"must be non-empty text, got {entry[key]!r}", "kpi_key_text",
                       value=entry[key])  # fmt: skip
    aspect = _ASPECT_WORDS.get(fold(entry["aspect"]))
    if aspect is None:
        raise fail("aspect", f"{entry['aspect']!r} is not one of {', '.join(ASPECTS)}",
                   "kpi_not_one_of", value=entry["aspect"], allowed=", ".join(ASPECTS))  # fmt: skip
    data_path = (base / entry["data"]).resolve()
    if check and not data_path.is_file():
        raise fail("data", f"file not found: {entry['data']!r} (relative to {str(base)!r})",
                   "kpi_data_not_found", name=entry["data"], base=str(base))  # fmt: skip
    start, end, value_column = entry.get("start"), entry.get("end"), entry.get("value_column")
    if value_column is not None and end is not None:
        raise fail("value_column", "a KPI has either start/end (durations) or value_column",
                   "kpi_value_or_end")  # fmt: skip
    if value_column is None and (start is None or end is None):
        missing = "end" if start is not None else "start"
        raise fail(missing, "a KPI needs start and end (durations) or value_column (values)",
                   "kpi_needs_columns")  # fmt: skip
    limit = None
    if "limit" in entry:
        if value_column is not None:
            raise fail("limit", "a limit applies to durations (start/end), not to value_column",
                       "kpi_limit_on_values")  # fmt: skip
        try:
            limit = parse_limit(entry["limit"])
        except ConfigError as exc:
            raise fail("limit", exc.message, exc.code, **exc.facts) from exc
    statistic = entry.get("statistic")
    if statistic is None:
        if limit is not None:
            statistic = "share_within"
        elif "success" in entry:
            statistic = "share"
        else:
            raise fail("statistic", f"missing; give one of {', '.join(STATISTICS)}",
                       "kpi_statistic_missing", allowed=", ".join(STATISTICS))  # fmt: skip
    if statistic not in STATISTICS:
        raise fail("statistic", f"{statistic!r} is not one of {', '.join(STATISTICS)}",
                   "kpi_not_one_of", value=statistic, allowed=", ".join(STATISTICS))  # fmt: skip
    if statistic == "share_within" and (limit is None or value_column is not None):
        raise fail("statistic", "'share_within' needs start, end and a limit", "kpi_share_within")
    if statistic != "share_within" and limit is not None:
        raise fail(
            "limit", f"a limit is only used with statistic 'share_within', not {statistic!r}",
            "kpi_limit_statistic", statistic=statistic,
        )  # fmt: skip
    if statistic == "share" and value_column is None:
        raise fail("statistic", "'share' needs value_column and success", "kpi_share_needs")
    success = kpi_success(entry, statistic, fail)
    filters = kpi_filters(entry.get("filter"), fail)
    target, norm = kpi_number(entry, "target", fail), kpi_number(entry, "norm", fail)
    if target is not None and statistic not in _SHARES:
        raise fail("target", "a target is a required share (0-1); use norm for median/mean/p90",
                   "kpi_target_share")  # fmt: skip
    for key, value in (("target", target), ("norm", norm)):
        if value is not None and statistic in _SHARES and not 0.0 <= value <= 1.0:
            raise fail(key, f"must be a share between 0 and 1 (e.g. 0.9), got {value}",
                       "kpi_share_range", value=value)  # fmt: skip
    higher = entry.get("higher_is_better", statistic in _SHARES)
    if not isinstance(higher, bool):
        raise fail("higher_is_better", f"must be true or false, got {higher!r}", "kpi_bool",
                   value=higher)  # fmt: skip
    unit, duration_unit, factor = kpi_units(entry.get("unit"), limit, statistic, value_column, fail)
    register = entry.get("register", "auto")
    if register not in REGISTERS:
        raise fail("register", f"must be one of {', '.join(REGISTERS)}, got {register!r}",
                   "kpi_register", allowed=", ".join(REGISTERS), value=register)  # fmt: skip
    period = kpi_period(entry, start, fail)
    unreached = kpi_unreached(entry, statistic, value_column, fail)
    return KpiSpec(
        index=index, name=entry["name"].strip(), aspect=aspect, data=data_path,
        statistic=statistic, filter=filters, start=start, end=end, value_column=value_column,
        by=entry.get("by"), limit=limit, unit=unit, duration_unit=duration_unit,
        unit_factor=factor, success=success, target=target, norm=norm, higher_is_better=higher,
        register=register, period=period, unreached=unreached,
        unreached_given="unreached" in entry,
    )  # fmt: skip
