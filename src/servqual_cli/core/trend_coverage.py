"""What a before/after comparison of contact KPIs leaves out: whatever was measured in one year
only.

:func:`~servqual_cli.core.trend.compare_kpis` compares a KPI, channel and area only where both
years have observations (a difference needs two values). Review 12a finding 2: an area renamed
between the years ("gator och vägar" 2024, "trafik och gator" 2025) left both tables, the notes
and the JSON without a trace, and the note still said "every area is listed". This module names
what was left out, so every renderer can say it:

* ``areas``: an area (any directed KPI) observed in one year only;
* ``kpis``: a total (area ``ALL``) KPI and channel observed in one year only (a channel or a
  column one year's file lacks);
* ``area_kpis``: a KPI and channel of an area measured in both years, where the KPI has values
  in only one of them (an area with no e-mails one year), unless the total is already named in
  ``kpis``.

Only directed KPIs count: the undirected ("delvis") shares are never compared, so they are not
"left out".
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pandas as pd

from servqual_cli.core.contacts import ALL, SPECS, area_sort_key

__all__ = ["NotCompared", "not_compared"]

SIDES = ("before", "after")


@dataclass(frozen=True)
class NotCompared:
    """Everything measured in one year only; each entry ends with its side, ``"before"`` or
    ``"after"`` (the year it was measured in)."""

    areas: tuple[tuple[str, str], ...] = ()
    kpis: tuple[tuple[str, str, str], ...] = ()
    area_kpis: tuple[tuple[str, str, str, str], ...] = ()

    def __bool__(self) -> bool:
        return bool(self.areas or self.kpis or self.area_kpis)

    def records(self, before: str, after: str) -> list[dict[str, Any]]:
        """One JSON record per entry: what (``level``: area, kpi or area_kpi), its names, and
        ``years``, the one year it was measured in (its label).

        >>> NotCompared(areas=(("gator", "before"),)).records("2024", "2025")
        [{'level': 'area', 'area': 'gator', 'kpi': None, 'channel': None, 'years': ['2024'], \
'reason': 'measured in one year only'}]
        """
        label = {"before": before, "after": after}
        reason = "measured in one year only"
        out = [
            {"level": "area", "area": a, "kpi": None, "channel": None, "years": [label[s]],
             "reason": reason}
            for a, s in self.areas
        ]  # fmt: skip
        out += [
            {"level": "kpi", "area": ALL, "kpi": k, "channel": c, "years": [label[s]],
             "reason": reason}
            for k, c, s in self.kpis
        ]  # fmt: skip
        out += [
            {"level": "area_kpi", "area": a, "kpi": k, "channel": c, "years": [label[s]],
             "reason": reason}
            for k, c, a, s in self.area_kpis
        ]  # fmt: skip
        return out


def _keys(obs: pd.DataFrame, columns: list[str]) -> pd.DataFrame:
    """The distinct ``columns`` of the observations of directed KPIs."""
    directed = [name for name, spec in SPECS.items() if spec.direction != 0]
    return obs.loc[obs["kpi"].isin(directed), columns].drop_duplicates()


def _one_side(before: pd.DataFrame, after: pd.DataFrame, columns: list[str]) -> pd.DataFrame:
    """The distinct keys found on one side only, with that side in ``side``."""
    both = pd.concat([_keys(before, columns).assign(side=SIDES[0]),
                      _keys(after, columns).assign(side=SIDES[1])], ignore_index=True)  # fmt: skip
    once = both[~both.duplicated(columns, keep=False)]
    return once


def _ordered(frame: pd.DataFrame) -> pd.DataFrame:
    """The KPIs' order, then channel, then the areas' Swedish order (the tables' order)."""
    key = pd.DataFrame(index=frame.index)
    if "kpi" in frame:
        key["kpi"] = frame["kpi"].map({name: i for i, name in enumerate(SPECS)})
        key["channel"] = frame["channel"].map({"phone": 0, "email": 1, ALL: 2})
    key["area"] = area_sort_key(frame["area"])
    return frame.loc[key.sort_values(list(key.columns), kind="stable").index]


def not_compared(before: pd.DataFrame, after: pd.DataFrame) -> NotCompared:
    """What :func:`~servqual_cli.core.trend.compare_kpis` leaves out of the same observations
    (:func:`~servqual_cli.core.contacts.kpi_observations`, columns ``channel, area, kpi, x``).

    >>> b = pd.DataFrame({"kpi": "phone_reached", "channel": "phone",
    ...                   "area": ["ALL", "ALL", "gator", "skola"], "x": 1.0})
    >>> a = pd.DataFrame({"kpi": "phone_reached", "channel": "phone",
    ...                   "area": ["ALL", "trafik", "skola"], "x": 0.0})
    >>> not_compared(b, a).areas
    (('gator', 'before'), ('trafik', 'after'))
    >>> bool(not_compared(b, b))
    False
    """
    areas = _one_side(before[before["area"].ne(ALL)], after[after["area"].ne(ALL)], ["area"])
    areas = _ordered(areas)
    totals = _one_side(before[before["area"].eq(ALL)], after[after["area"].eq(ALL)],
                       ["kpi", "channel", "area"])  # fmt: skip
    totals = _ordered(totals)
    inner = _one_side(before, after, ["kpi", "channel", "area"])
    one_year_areas = set(areas["area"])
    one_year_totals = set(zip(totals["kpi"], totals["channel"], strict=True))
    in_totals = pd.MultiIndex.from_frame(inner[["kpi", "channel"]]).isin(list(one_year_totals))
    inner = inner[inner["area"].ne(ALL) & ~inner["area"].isin(one_year_areas) & ~in_totals]
    inner = _ordered(inner)
    return NotCompared(
        areas=tuple(zip(areas["area"].astype(str), areas["side"], strict=True)),
        kpis=tuple(zip(totals["kpi"], totals["channel"], totals["side"], strict=True)),
        area_kpis=tuple(
            zip(
                inner["kpi"],
                inner["channel"],
                inner["area"].astype(str),
                inner["side"],
                strict=True,
            )
        ),
    )
