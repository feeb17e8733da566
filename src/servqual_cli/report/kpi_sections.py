"""Document sections for KPIs and service declarations (``servqual kpi``, ``servqual report``).

The sections follow the service policy's four aspects (nåbarhet, väntetid, genomförandetid,
resultat), one section each. KPI cells are text because one column mixes shares, days and
seconds; JSON and CSV keep the numbers. With ``figures=True`` each section also carries a
:class:`~servqual_cli.report.spec.Figure` spec for the report's chart module,
``kind="kpi_aspect"`` (data: frame of name, value, ci_low, ci_high, goal, unit,
higher_is_better, statistic, share; shares are 0-1; the unit in the report's language).

Everything the sections show is in the report's language, the user's own words aside: limits
and units written as "14 days" or "10 veckor" are rendered by
:func:`~servqual_cli.report.service_labels.limit_text` and
:func:`~servqual_cli.report.service_labels.unit_text`, and each aspect's table has its own
sheet name ("Nyckeltal – Väntetid", "KPI – Waiting time").
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import pandas as pd

from servqual_cli.core.kpi import KpiResult
from servqual_cli.io.kpi_config import ASPECTS
from servqual_cli.report.labels import exclusion_summary
from servqual_cli.report.service_labels import limit_text, sl, unit_text
from servqual_cli.report.spec import Figure, Section, Table, Text, format_value

__all__ = ["kpi_group_table", "kpi_sections", "kpi_table", "kpi_value_text"]


def _num(value: float, pct: bool) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    if pct:
        return f"{value * 100:.1f}"
    return f"{value:.0f}" if abs(value) >= 10 else f"{value:.2g}" if value else "0"


def _with_unit(text: str, result: KpiResult, lang: str) -> str:
    if text == "–":
        return text
    if result.spec.statistic in ("share", "share_within"):
        return f"{text} %"
    unit = unit_text(result.spec.unit, lang)
    return f"{text} {unit}" if unit else text


def kpi_value_text(result: KpiResult, value: float, lang: str) -> str:
    """A KPI value with its unit: ``79.6 %``, ``34 dagar``, ``56 s``."""
    return _with_unit(_num(value, result.spec.statistic in ("share", "share_within")), result, lang)


def _ci_text(result: KpiResult, lang: str) -> str:
    pct = result.spec.statistic in ("share", "share_within")
    low, high = _num(result.ci_low, pct), _num(result.ci_high, pct)
    return "–" if "–" in (low, high) else _with_unit(f"{low}–{high}", result, lang)


def _goal_text(result: KpiResult, lang: str) -> str:
    s = result.spec
    parts = []
    for key, value in (("target_word", s.target), ("norm_word", s.norm)):
        if value is not None:
            sign = "≥" if s.higher_is_better else "≤"
            shown = kpi_value_text(result, value, lang).replace(".0 ", " ")
            parts.append(f"{sl(key, lang)} {sign} {shown}")
    if s.limit is not None:
        parts.append(f"({limit_text(s.limit.text, lang)})")
    return " ".join(parts) or "–"


def _worst_text(result: KpiResult, lang: str, k: int = 2) -> str:
    rows = result.groups.head(k)
    return (
        ", ".join(
            f"{g} {kpi_value_text(result, v, lang)}"
            for g, v in zip(rows["group"], rows["value"], strict=True)
        )
        or "–"
    )


def _change_text(result: KpiResult, lang: str) -> str:
    c = result.change
    if c is None:
        return "–"
    pct = result.spec.statistic in ("share", "share_within")
    return (
        f"{c.previous_period}→{c.period}: {_num(c.previous_value, pct)} → "
        f"{kpi_value_text(result, c.value, lang)}, p {format_value(c.p, 'p')}"
    )


def kpi_table(
    results: Sequence[KpiResult], lang: str, title: str = "", sheet: str | None = None
) -> Table:
    """One row per KPI: n, value, CI, target/norm, verdict, worst groups, change.

    ``sheet`` names the table's Excel sheet (default: "Nyckeltal" / "KPI")."""
    rows = [
        {
            sl("kpi", lang): r.spec.name,
            "n": r.n,
            sl("value", lang): kpi_value_text(r, r.value, lang),
            sl("ci", lang): _ci_text(r, lang),
            sl("goal", lang): _goal_text(r, lang),
            sl("verdict", lang): sl(r.verdict, lang) if r.verdict else "–",
            sl("worst", lang): _worst_text(r, lang),
            sl("change", lang): _change_text(r, lang),
        }
        for r in results
    ]
    return Table(
        title=title, frame=pd.DataFrame(rows), formats={"n": "d"}, sheet=sheet or sl("kpi", lang)
    )


def kpi_group_table(result: KpiResult, lang: str) -> Table:
    """A KPI per group, worst first (for the report)."""
    g = result.groups
    frame = pd.DataFrame(
        {
            sl("group", lang): g["group"],
            "n": g["n"],
            sl("value", lang): [kpi_value_text(result, v, lang) for v in g["value"]],
            sl("ci", lang): [
                f"{_num(a, result.spec.statistic.startswith('share'))}–"
                f"{_num(b, result.spec.statistic.startswith('share'))}"
                for a, b in zip(g["ci_low"], g["ci_high"], strict=True)
            ],
            sl("verdict", lang): [sl(v, lang) if v else "–" for v in g["verdict"]],
        }
    )
    return Table(
        title=f"{result.spec.name} – {result.spec.by}",
        frame=frame,
        formats={"n": "d"},
        sheet=f"{sl('kpi', lang)} {result.spec.index} – {result.spec.by}",
    )


def _notes(results: Sequence[KpiResult], lang: str) -> list[Text]:
    notes = []
    for r in results:
        bits = []
        if r.excluded:
            bits.append(exclusion_summary(r.excluded, lang))
        if r.as_of is not None:
            bits.append(f"{sl('as_of', lang)} {r.as_of.date().isoformat()}")
        if r.n_undecided:
            bits.append(f"{r.n_undecided} {sl('undecided', lang)}")
        if bits:
            notes.append(Text(f"{r.spec.name}: {'; '.join(bits)}.", kind="note"))
    return notes


def kpi_sections(
    results: Sequence[KpiResult], lang: str, groups: bool = False, figures: bool = False
) -> list[Section]:
    """One section per aspect, in the policy's order; aspects without KPIs are left out."""
    sections = []
    for aspect in ASPECTS:
        mine = [r for r in results if r.spec.aspect == aspect]
        if not mine:
            continue
        sheet = f"{sl('kpi', lang)} – {sl(aspect, lang)}"
        blocks: list[Table | Text | Figure] = [kpi_table(mine, lang, sheet=sheet)]
        if groups:
            blocks += [kpi_group_table(r, lang) for r in mine if len(r.groups)]
        if figures:
            data = pd.DataFrame(
                {
                    "name": [r.spec.name for r in mine],
                    "value": [r.value for r in mine],
                    "ci_low": [r.ci_low for r in mine],
                    "ci_high": [r.ci_high for r in mine],
                    "goal": [r.goal for r in mine],
                    "unit": [unit_text(r.spec.unit, lang) for r in mine],
                    "higher_is_better": [r.spec.higher_is_better for r in mine],
                    "statistic": [r.spec.statistic for r in mine],
                    "share": [r.spec.statistic in ("share", "share_within") for r in mine],
                }
            )
            blocks.append(Figure(f"kpi_{aspect}", sl(aspect, lang), "kpi_aspect", data))
        blocks += _notes(mine, lang)
        sections.append(Section(title=sl(aspect, lang), blocks=tuple(blocks)))
    return sections
