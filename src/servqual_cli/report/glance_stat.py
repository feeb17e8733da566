"""The statistic of an overview row whose value is a median, mean or 90th percentile, in its
value, goal and unit (review 16, finding 1: "32,0 dagar | ≤ 70,0 dagar | ✓ uppfyllt" never said
that the 32 days were a median, while 8,5 % of the cases took longer than the 70)."""

from __future__ import annotations

from servqual_cli.report.catalog import KPI, label
from servqual_cli.report.spec import GlanceRow

__all__ = ["stat_of_row", "stat_unit", "stat_value"]


def stat_value(statistic: str | None, text: str, lang: str) -> str:
    """A value named by its statistic: "median 32,0 dagar" (review 16 finding 1); a share's,
    or one without a statistic, as it is.

    >>> stat_value("median", "32,0 dagar", "sv"), stat_value(None, "81,1 %", "sv")
    ('median 32,0 dagar', '81,1 %')
    """
    if statistic is None or text == "–":
        return text
    return label(f"stat_value_{statistic}", lang, KPI).format(value=text)


def stat_of_row(row: GlanceRow, lang: str) -> str:
    """What a row's norm is held against ("medianen"), "" without a statistic."""
    return "" if row.statistic is None else label(f"stat_of_{row.statistic}", lang, KPI)


def stat_unit(row: GlanceRow, unit: str, lang: str) -> str:
    """The spreadsheet's unit cell with the statistic: "dagar, median"; the unit alone else.

    >>> stat_unit(GlanceRow("kpi", "A", "days", 32.0, statistic="median"), "dagar", "sv")
    'dagar, median'
    """
    if row.statistic is None:
        return unit
    stat = label(f"stat_value_{row.statistic}", lang, KPI).format(value="").strip()
    return f"{unit}, {stat}" if unit else stat
