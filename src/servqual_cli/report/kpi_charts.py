"""The KPI chart of a report aspect (kind ``kpi_aspect``): each KPI's latest-period value with
its interval against its target or norm.

The verdict is the KPI's own (:func:`servqual_cli.core.kpi.verdicts`, interval against the
goal), passed as a code with its words, so the chart shows it by marker shape, colour and text;
the target or norm line carries its label and value ("Mål 90 %", "Norm 14 dagar"); each panel's
axis names its unit, shares in percent. The frame's ``conf`` is the intervals' level, which the
chart's data table and CSV name in their interval headings.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import pandas as pd

from servqual_cli.core.kpi import KpiResult
from servqual_cli.report.chart_spec import caption_with, reference_label
from servqual_cli.report.chart_words import cw
from servqual_cli.report.conf_level import level_text
from servqual_cli.report.service_labels import sl, unit_text
from servqual_cli.report.spec import Figure

SHARES = ("share", "share_within")
_AXIS = {"seconds": "chart_seconds", "days": "chart_days", "hours": "chart_hours"}


def _share(r: KpiResult) -> bool:
    return r.spec.statistic in SHARES


def _axis(r: KpiResult, lang: str) -> str:
    """The axis title of a KPI's panel, with its unit: "Andel (%)", "Dagar", "Sekunder"."""
    if _share(r):
        return cw("chart_share", lang)
    unit = r.spec.unit or ""
    if unit in _AXIS:
        return cw(_AXIS[unit], lang)
    text = unit_text(unit, lang) or ""
    return text[:1].upper() + text[1:]


def _goal_label(r: KpiResult, lang: str) -> str | None:
    """ "Mål 90 %", "Norm 70 dagar": the goal in the panel's unit, whole numbers without
    decimals."""
    goal = r.goal
    if goal is None:
        return None
    kind = "target" if r.spec.target is not None else "norm"
    value = float(goal) * 100 if _share(r) else float(goal)
    whole = abs(value - round(value)) < 1e-9  # 0.07 * 100 is 7.000000000000001
    unit = "%" if _share(r) else unit_text(r.spec.unit, lang) or ""
    return reference_label(kind, value, lang, unit, 0 if whole else 1)


_TRAILING = re.compile(r"(?P<name>.*\S)\s*\((?P<inner>[^()]+)\)")


def panel_title(name: str, unit: str | None) -> str:
    """A KPI panel's title with its unit in parentheses; a name that already ends in
    parentheses gets them as a comma clause, so no title reads "(median) (s)" (review 6,
    finding 13).

    >>> panel_title("Väntetid i telefon (median)", "s")
    'Väntetid i telefon, median (s)'
    >>> panel_title("E-post besvaras inom en arbetsdag", "%")
    'E-post besvaras inom en arbetsdag (%)'
    >>> panel_title("Handläggningstid (median)", None)
    'Handläggningstid (median)'
    """
    if not unit:
        return name
    m = _TRAILING.fullmatch(name)
    if m is None:
        return f"{name} ({unit})"
    return f"{m['name']}, {m['inner']} ({unit})"


def _code(verdict: str | None) -> str | None:
    return None if verdict is None else verdict.replace(" ", "_")


def kpi_figure(results: Sequence[KpiResult], aspect: str, lang: str, conf: float = 0.95) -> Figure:
    """The chart of one aspect's KPIs (their results in the report's order)."""
    codes = [_code(r.verdict) for r in results]
    data = pd.DataFrame(
        {
            "name": [r.spec.name for r in results],
            "value": [r.value for r in results],
            "ci_low": [r.ci_low for r in results],
            "ci_high": [r.ci_high for r in results],
            "goal": [r.goal for r in results],
            "unit": [unit_text(r.spec.unit, lang) for r in results],
            "higher_is_better": [r.spec.higher_is_better for r in results],
            "statistic": [r.spec.statistic for r in results],
            "share": [_share(r) for r in results],
            "verdict": codes,
            "verdict_label": [
                cw("chart_no_goal", lang) if c is None else cw(f"chart_{c}", lang) for c in codes
            ],
            "goal_label": [_goal_label(r, lang) for r in results],
            "axis": [_axis(r, lang) for r in results],
            "title": [
                panel_title(str(r.spec.name), "%" if _share(r) else unit_text(r.spec.unit, lang))
                for r in results
            ],
            # the level of every interval drawn, for the headings of the chart's data table
            # and CSV ("95 % KI låg", conf_level.interval_head; review 9, finding 8)
            "conf": conf,
        }
    )
    periods = sorted({r.period for r in results if r.period})
    notes = [cw("chart_interval_note", lang, conf=level_text(conf, lang))]
    title = sl(aspect, lang)
    if periods:
        title = f"{title} ({', '.join(periods)})"
    return Figure(
        f"kpi_{aspect}",
        title,
        "kpi_aspect",
        data,
        caption=caption_with(None, notes),
        description=cw(
            "chart_desc_kpi", lang, what=sl(aspect, lang).lower(), conf=level_text(conf, lang)
        ),
        notes=tuple(notes),
    )
