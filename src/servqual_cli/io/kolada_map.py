"""The Kolada KPI map: Kolada id -> this tool's KPI name, title, unit and direction.

The package ships ``kolada_kpis.toml`` (only ids whose meaning could be sourced); ``--kpi-map
FILE`` adds to it or overrides it, id by id, in the same TOML format::

    [kpi.U00000]
    name = "phone_reached"
    title = "Andel som når en person via telefon, %"
    unit = "percent"
    direction = "higher"

TOML is parsed with :mod:`tomllib` (data only, never executed).
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from servqual_cli.errors import ConfigError, Location

__all__ = ["DIRECTIONS", "UNITS", "KpiEntry", "load_kpi_map", "parse_kpi_map"]

UNITS = ("percent", "index", "seconds", "hours", "days", "number")
DIRECTIONS = {"higher": 1, "lower": -1, "none": 0}
_KEYS = {"name", "title", "unit", "direction"}


@dataclass(frozen=True)
class KpiEntry:
    """One Kolada KPI: ``direction`` +1 when higher is better, -1 lower, 0 neither/unknown."""

    id: str
    name: str | None
    title: str | None
    unit: str
    direction: int

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name, "title": self.title, "unit": self.unit,
                "direction": self.direction}  # fmt: skip


def parse_kpi_map(doc: dict[str, Any], source: str) -> dict[str, KpiEntry]:
    """Validate a parsed map; every problem names the file and the key.

    >>> m = parse_kpi_map({"kpi": {"U1": {"title": "T", "unit": "percent",
    ...                                   "direction": "higher"}}}, "m.toml")
    >>> m["U1"].direction, m["U1"].name
    (1, None)
    """
    where = Location(source)
    unknown = set(doc) - {"kpi"}
    if unknown:
        raise ConfigError(f"unknown key {sorted(unknown)[0]!r} (a KPI map has [kpi.<id>] tables)",
                          where, code="kpi_map_unknown_key",
                          facts={"key": sorted(unknown)[0]})  # fmt: skip
    table = doc.get("kpi", {})
    if not isinstance(table, dict):
        raise ConfigError("'kpi' must be a table of [kpi.<id>] tables", where,
                          code="kpi_map_not_table")  # fmt: skip
    out = {}
    for kpi_id, entry in table.items():  # a loop over map entries
        key = f"kpi.{kpi_id}"
        if not isinstance(entry, dict):
            raise ConfigError(f"{key} must be a table", where, code="kpi_map_entry_not_table",
                              facts={"key": key})  # fmt: skip
        extra = set(entry) - _KEYS
        if extra:
            raise ConfigError(f"{key}: unknown key {sorted(extra)[0]!r} "
                              f"(allowed: {', '.join(sorted(_KEYS))})", where,
                              code="kpi_map_entry_unknown_key",
                              facts={"key": key, "name": sorted(extra)[0],
                                     "allowed": ", ".join(sorted(_KEYS))})  # fmt: skip
        unit = entry.get("unit", "number")
        if unit not in UNITS:
            facts = {"key": key, "unit": unit, "units": ", ".join(UNITS)}
            raise ConfigError(f"{key}.unit: {unit!r} is not one of {', '.join(UNITS)}", where,
                              code="kpi_map_unit", facts=facts)  # fmt: skip
        direction = entry.get("direction", "none")
        if direction not in DIRECTIONS:
            raise ConfigError(f"{key}.direction: {direction!r} is not higher, lower or none",
                              where, code="kpi_map_direction",
                              facts={"key": key, "direction": direction})  # fmt: skip
        name, title = entry.get("name"), entry.get("title")
        for field_, value in (("name", name), ("title", title)):
            if value is not None and not isinstance(value, str):
                raise ConfigError(f"{key}.{field_} must be text", where, code="kpi_map_text",
                                  facts={"key": key, "field": field_})  # fmt: skip
        out[str(kpi_id).strip().upper()] = KpiEntry(
            str(kpi_id).strip().upper(), name, title, unit, DIRECTIONS[direction]
        )
    return out


def _read(text: str, source: str) -> dict[str, KpiEntry]:
    try:
        doc = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(
            f"is not valid TOML: {exc}",
            Location(source),
            code="invalid_toml_kolada",
            facts={"detail": str(exc)},
        ) from None
    return parse_kpi_map(doc, source)


def load_kpi_map(extra: str | None = None) -> dict[str, KpiEntry]:
    """The shipped map, extended (and overridden id by id) by the file ``extra``."""
    shipped = resources.files("servqual_cli.io").joinpath("kolada_kpis.toml")
    out = _read(shipped.read_text(encoding="utf-8"), "kolada_kpis.toml")
    if extra is not None:
        path = Path(extra)
        if not path.is_file():
            raise ConfigError("file not found", Location(extra), code="file_not_found")
        try:
            text = path.read_text(encoding="utf-8-sig")
        except UnicodeDecodeError:
            raise ConfigError("is not UTF-8 text", Location(extra),
                              code="kpi_map_not_utf8") from None  # fmt: skip
        out.update(_read(text, extra))
    return out
