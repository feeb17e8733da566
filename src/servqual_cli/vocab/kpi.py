"""KPI configuration vocabulary: the four aspects of Swedish service measurement and the
validated ``[[kpi]]`` entry (read by :mod:`servqual_cli.io.kpi_config`, evaluated by
:mod:`servqual_cli.core.kpi`)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from servqual_cli.vocab.durations import DurationUnit, Limit

__all__ = ["ASPECTS", "UNREACHED", "KpiSpec"]

#: The default ``unreached`` rule of a value KPI: a service-measurement contacts file's
#: "reached" column and its "no" answer. A blank value on such a row is a contact that reached
#: no one (it has no waiting time), not a missing cell.
UNREACHED: tuple[str, tuple[str, ...]] = ("nådd", ("nej",))

#: Nåbarhet, väntetid, genomförandetid, resultat (SKR's aspects of service), in reporting order.
ASPECTS = ("nåbarhet", "väntetid", "genomförandetid", "resultat")


@dataclass(frozen=True)
class KpiSpec:
    """One validated ``[[kpi]]`` entry.

    ``unit`` is the display unit (durations: of ``value`` and ``norm``; value KPIs: a free
    label such as "seconds"). For duration KPIs ``duration_unit`` is the unit the engine
    measures in and ``unit_factor`` divides it for display (7 when ``unit = "weeks"``).
    ``filter`` holds (column, accepted values) pairs; values are compared as folded text.
    ``unreached`` is (column, values): a blank ``value_column`` cell on a row whose column holds
    one of the values is a contact that reached no one (counted as ``unreached``, not
    ``blank``); None turns the rule off. ``unreached_given``: the config set it (then the column
    must be in the file; the default applies only where it is).
    """

    index: int
    name: str
    aspect: str
    data: Path
    statistic: str
    filter: tuple[tuple[str, tuple[str, ...]], ...] = ()
    start: str | None = None
    end: str | None = None
    value_column: str | None = None
    by: str | None = None
    limit: Limit | None = None
    unit: str | None = None
    duration_unit: DurationUnit | None = None
    unit_factor: float = 1.0
    success: tuple[str, ...] = ()
    target: float | None = None
    norm: float | None = None
    higher_is_better: bool = True
    register: str = "auto"  # feedback | none | auto (feedback when the file is a register)
    period: str | None = None  # declared ("2024", "2023–2024") for a KPI without a date column
    unreached: tuple[str, tuple[str, ...]] | None = UNREACHED
    unreached_given: bool = False

    @property
    def kind(self) -> str:
        """``"duration"`` (start and end) or ``"value"`` (value_column)."""
        return "duration" if self.end is not None else "value"

    @property
    def where(self) -> str:
        """How errors name this KPI: ``[[kpi]] 2 ("E-post besvaras")``."""
        return f'[[kpi]] {self.index} ("{self.name}")'

    def to_dict(self) -> dict[str, Any]:
        """The configuration as JSON-able values (paths as given names)."""
        return {
            "statistic": self.statistic,
            "unit": self.unit,
            "limit": None if self.limit is None else self.limit.text,
            "target": self.target,
            "norm": self.norm,
            "higher_is_better": self.higher_is_better,
            "by": self.by,
            "data": self.data.name,
            "filter": {col: list(vals) for col, vals in self.filter},
            "register": self.register,
            "declared_period": self.period,  # the config's `period` (the result has "period")
            "unreached": None
            if self.unreached is None
            else {self.unreached[0]: list(self.unreached[1])},
        }
