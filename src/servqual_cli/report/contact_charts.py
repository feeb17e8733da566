"""The test-contact (servicemätning) charts of a report: one bar chart per main KPI.

Areas (all areas first) x years, each bar with its interval and n; a bar on fewer than
``min_n`` contacts is left out and the chart says how many areas were
(:func:`~servqual_cli.report.chart_spec.area_bars`). The others' mean (the benchmark) compares
with the municipality's own value of the latest year, so it is drawn only across that bar.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from servqual_cli.report.chart_spec import area_bars, caption_with, reference_label
from servqual_cli.report.chart_words import cw
from servqual_cli.report.conf_level import level_text
from servqual_cli.report.numbers import fmt_int
from servqual_cli.report.spec import Figure, Text


def _matrix(rows: pd.DataFrame, column: str, years: list[Any], areas: list[Any]) -> list[Any]:
    """One row per year, one column per area (NaN where a year has no such area)."""
    wide = rows.drop_duplicates(["year", "area"]).set_index(["year", "area"])[column]
    return wide.unstack("area").reindex(index=years, columns=areas).to_numpy(float).tolist()


def contact_figures(
    kpis: pd.DataFrame, bench: Any, lang: str, min_n: int, conf: float = 0.95
) -> list[Figure | Text]:
    """One bar chart per main KPI (:data:`measurement_sections.AREA_KPIS`).

    ``kpis``: the contact KPIs of every year (columns year, channel, area, kpi, n, value,
    ci_low, ci_high; core units). ``bench``: the benchmark result (its ``kpis`` frame has
    ``others_mean``) or None.

    A KPI whose areas all have fewer than ``min_n`` answers gets no chart "per area" that shows
    only the total: one sentence names those KPIs instead (review 3, finding 27).
    """
    from servqual_cli.core.contacts import ALL, SPECS
    from servqual_cli.report import measurement_sections as ms

    out: list[Figure | Text] = []
    no_area: list[str] = []  # KPIs with areas, none of them with min_n answers
    n_areas = 0
    years = [y for y in kpis["year"].drop_duplicates().tolist() if pd.notna(y)]
    names = [str(int(year)) for year in years]
    for kpi, channel in ms.AREA_KPIS:
        rows = kpis[kpis["kpi"].eq(kpi) & kpis["channel"].eq(channel)]
        if rows.empty:
            continue
        areas = [ALL, *sorted({a for a in rows["area"] if a != ALL}, key=str.casefold)]
        scale = float(ms.display_scale(pd.Series([kpi]))[0])
        values, low, high = (
            [[v * scale for v in row] for row in _matrix(rows, c, years, areas)]
            for c in ("value", "ci_low", "ci_high")
        )
        shown = [ms.ml("all_areas", lang) if a == ALL else str(a) for a in areas]
        cats, series, kept, notes = area_bars(
            shown, names, values, low, high, _matrix(rows, "n", years, areas), min_n, lang
        )
        if len(areas) > 1 and not any(c > 0 for c in kept):  # the total alone: no chart
            no_area.append(ms.kpi_name(kpi, channel, lang))
            n_areas = max(n_areas, len(areas) - 1)
            continue
        unit = SPECS[kpi].unit
        share = unit == "share"
        # the contacts' "hours" are hours on working days, 24 h each (core/calendar), not the
        # clock hours a KPI's "hours" axis means (review 10a finding 2)
        axis = "working_hours" if unit == "hours" else unit
        x_label = ms.ml("area", lang)
        if len(names) > 1:
            x_label += f" ({cw('chart_n_per_series', lang, series=' / '.join(names))})"
        data: dict[str, Any] = {
            "categories": cats,
            "names": [shown[c] for c in kept],  # without the n, for the chart's data table
            "name_label": ms.ml("area", lang),
            "series": series,
            "labels": {"x": x_label, "y": cw(f"chart_{axis}", lang)},
            "percent": share,
            "conf": conf,  # the intervals' level, for the data table's and CSV's headings
        }
        notes.append(cw("chart_interval_note", lang, conf=level_text(conf, lang)))
        if bench is not None and kept and kept[0] == 0 and series[-1]["values"][0] is not None:
            b = bench.kpis[bench.kpis["kpi"].eq(kpi) & bench.kpis["channel"].eq(channel)]
            if len(b) and pd.notna(b["others_mean"].iloc[0]):
                value = float(b["others_mean"].iloc[0]) * scale
                data["reference"] = {
                    "value": value,
                    "label": reference_label("others", value, lang, "%" if share else ""),
                    "at": [0, len(series) - 1],  # the municipality's own bar, latest year
                }
                notes.append(cw("chart_others_note", lang, year=names[-1]))
        name = ms.kpi_name(kpi, channel, lang)
        out.append(
            Figure(
                f"contacts_{kpi}",
                name,
                "bars",
                data,
                caption=caption_with(None, notes),
                description=cw(
                    "chart_desc_area_bars", lang, what=name, conf=level_text(conf, lang)
                ),
                notes=tuple(notes),
            )
        )
    if no_area:
        from servqual_cli.report.word_lists import join_items

        listed = join_items(no_area, lang)
        k, n = fmt_int(n_areas, lang), fmt_int(min_n, lang)
        key = "chart_no_areas_for" if out else "chart_no_areas"  # some KPIs charted, or none
        out.insert(0, Text(cw(key, lang, kpis=listed, k=k, min_n=n)))
    return out
