"""The words drawn in and around the report's charts, in Swedish and English.

A table of the label catalog's shape (``key: (sv, en)``), part of the catalog
(:data:`servqual_cli.report.catalog.SECTION_TABLES` as ``charts``); kept in its own module
because only the chart builders (:mod:`~servqual_cli.report.chart_spec` and the parts' figure
code) use them. Keys start with ``chart_`` so they never shadow a table or report label.
"""

from __future__ import annotations

CHART: dict[str, tuple[str, str]] = {
    # key: (sv, en)
    # axis titles, always with their unit
    "chart_share": ("Andel (%)", "Share (%)"),
    "chart_index": ("Index (0–100)", "Index (0–100)"),
    "chart_seconds": ("Sekunder", "Seconds"),
    # a KPI's "hours" (core/durations: clock hours); the contacts' e-mail reply time is in
    # hours on working days, 24 h each (core/calendar; review 10a finding 2): its own axis
    "chart_hours": ("Timmar", "Hours"),
    "chart_working_hours": (
        "Timmar på arbetsdagar (hela dygn)",
        "Hours on working days (24 h each)",
    ),
    "chart_days": ("Dagar", "Days"),
    "chart_count": ("Antal ärenden", "Number of cases"),
    "chart_period": ("Period", "Period"),
    "chart_gap_axis": (
        "Gap, P − E (skalsteg), med {conf} KI",
        "Gap, P − E (scale points), {conf} CI",
    ),
    "chart_gap_plain": ("Gap, P − E (skalsteg)", "Gap, P − E (scale points)"),
    "chart_mean_axis": ("Medelvärde (skala {lo}–{hi})", "Mean (scale {lo}–{hi})"),
    "chart_share_answers": ("Andel av svaren (%)", "Share of answers (%)"),
    # n in a bar's label
    "chart_n": ("n = {n}", "n = {n}"),
    "chart_n_per_series": ("n per stapel: {series}", "n per bar: {series}"),
    # reference lines
    "chart_target": ("Mål {value}", "Target {value}"),
    "chart_norm": ("Norm {value}", "Norm {value}"),
    "chart_others": ("Medel övriga {value}", "Others' mean {value}"),
    "chart_others_short": ("Medel övriga", "Others' mean"),
    # verdict legends
    "chart_met": ("uppfyllt", "met"),
    "chart_not_met": ("ej uppfyllt", "not met"),
    "chart_cannot_tell": ("kan ej avgöras", "cannot tell"),
    "chart_no_goal": ("utan mål", "no target"),
    "chart_gap_below": ("under förväntan (KI under 0)", "below expectation (CI below 0)"),
    "chart_gap_above": ("över förväntan (KI över 0)", "above expectation (CI above 0)"),
    "chart_gap_unclear": ("kan ej skiljas från 0", "cannot be told from 0"),
    # the item figure, by the item table's adjusted p as the heatmap (review 15, finding 4)
    "chart_item_below": ("under förväntan", "below expectation"),
    "chart_item_above": ("över förväntan", "above expectation"),
    "chart_item_unclear": ("kan inte skiljas från 0", "cannot be told from 0"),  # as the heatmap
    "chart_item_unclear_note": (
        "En streckad stapel kan inte skiljas från 0: dess {p} är {alpha} eller mer, som i "
        "tabellen per påstående (linjernas {conf} konfidensintervall är ojusterade).",
        "A hatched bar cannot be told from 0: its {p} is {alpha} or more, as in the per-item "
        "table (the lines' {conf} confidence intervals are unadjusted).",
    ),
    "chart_zone_below": ("under zonen", "below the zone"),
    "chart_zone_inside": ("inom zonen", "inside the zone"),
    "chart_zone_above": ("över zonen", "above the zone"),
    "chart_zone_unclear": ("vid en gräns (kan ej avgöras)", "at a boundary (cannot tell)"),
    "chart_zone_inverted": ("omvänd zon (D < A)", "inverted zone (D < A)"),
    "chart_zone_inverted_item": (
        "ingen bedömning (påstående med omvänd zon)",
        "no verdict (an item's zone is inverted)",
    ),
    # notes under a chart
    "chart_suppressed_areas": (
        "{k} områden med färre än {min_n} svar visas inte.",
        "{k} areas with fewer than {min_n} answers are not shown.",
    ),
    "chart_suppressed_area": (
        "1 område med färre än {min_n} svar visas inte.",
        "1 area with fewer than {min_n} answers is not shown.",
    ),
    "chart_suppressed_groups": (
        "{k} grupper med färre än {min_n} svar visas inte.",
        "{k} groups with fewer than {min_n} answers are not shown.",
    ),
    "chart_suppressed_group": (
        "1 grupp med färre än {min_n} svar visas inte.",
        "1 group with fewer than {min_n} answers is not shown.",
    ),
    "chart_suppressed_bars": (
        "Staplar med färre än {min_n} svar visas inte ({k} st).",
        "Bars with fewer than {min_n} answers are not shown ({k}).",
    ),
    # no area reaches min_n: one sentence instead of charts that show no area (finding 27)
    "chart_no_areas": (
        "Inget av de {k} områdena har minst {min_n} svar, så inga diagram per område visas. "
        "Värdena för alla områden står i tabellerna ovan.",
        "None of the {k} areas has {min_n} answers or more, so no chart by area is shown. The "
        "values for all areas are in the tables above.",
    ),
    "chart_no_areas_for": (
        "Inget av de {k} områdena har minst {min_n} svar för {kpis}, så de visas inte per "
        "område. Värdena för alla områden står i tabellerna ovan.",
        "None of the {k} areas has {min_n} answers or more for {kpis}, so they are not shown "
        "by area. The values for all areas are in the tables above.",
    ),
    "chart_interval_note": (
        "Strecken visar {conf} konfidensintervall.",
        "Whiskers show the {conf} confidence interval.",
    ),
    "chart_heatmap_unclear": (
        "Ett gap inom parentes kan inte skiljas från 0: dess {p} är {alpha} eller mer, som i "
        "tabellen per grupp (tabellens {conf} konfidensintervall är ojusterade).",
        "A gap in parentheses cannot be told from 0: its {p} is {alpha} or more, as in the "
        "per-group table (the table's {conf} confidence intervals are unadjusted).",
    ),
    # review 12b, findings 1 and 2 (f-heat): the group heatmap's small groups and colours
    "chart_heatmap_small": ("litet underlag", "small base"),
    # review 12c, finding 1 (f-heat2): a small group's row is coloured by its own test like the
    # others; the hatching is the mark, not a withheld colour
    "chart_heatmap_small_note": (
        "{groups} har färre än {min_n} svar: raden är streckad (litet underlag, läs med "
        "försiktighet); färgen följer gruppens eget test som övriga rader.",
        "{groups} has fewer than {min_n} answers: its row is hatched (small base, read with "
        "care); its colour follows the group's own test like the other rows.",
    ),
    "chart_heatmap_small_notes": (
        "{groups} har färre än {min_n} svar: raderna är streckade (litet underlag, läs med "
        "försiktighet); färgen följer varje grupps eget test som övriga rader.",
        "{groups} have fewer than {min_n} answers: their rows are hatched (small base, read "
        "with care); their colours follow each group's own test like the other rows.",
    ),
    "chart_heatmap_small_table": (
        "Värdena står också i tabellen ”{table}”.",
        "The values are also in the table “{table}”.",
    ),
    "chart_heatmap_colours": (
        "Färgskalan är fast, ±{limit} skalsteg (en fjärdedel av skalan {lo}–{hi}); ett större "
        "gap får skalans mörkaste färg.",
        "The colour scale is fixed, ±{limit} scale points (a quarter of the {lo}–{hi} scale); a "
        "larger gap gets the scale's darkest colour.",
    ),
    "chart_heatmap_scale": ("fast färgskala ±{limit}", "fixed colour scale ±{limit}"),
    "chart_heatmap_legend_unclear": (
        "grått, inom parentes: kan inte skiljas från 0",
        "grey, in parentheses: cannot be told from 0",
    ),
    "chart_heatmap_legend_small": (
        "streckat: litet underlag (n under {min_n})",
        "hatched: small base (n below {min_n})",
    ),
    "chart_series_others": (
        "Punkter: årets värde med {conf} konfidensintervall; streckat: medel övriga.",
        "Points: the year's value with its {conf} confidence interval; dashed: others' mean.",
    ),
    "chart_series_own": (
        "Punkter: årets värde med {conf} konfidensintervall.",
        "Points: the year's value with its {conf} confidence interval.",
    ),
    "chart_others_note": (
        "Medel övriga ({year}) jämförs med kommunens eget värde och ritas bara vid den stapeln.",
        "The others' mean ({year}) compares with the municipality's own value and is drawn only "
        "at that bar.",
    ),
    # one-sentence descriptions (the SVG's <desc>)
    "chart_desc_area_bars": (
        "Stapeldiagram över {what} per område och år med {conf} konfidensintervall och antal "
        "svar (n).",
        "Bar chart of {what} by area and year with {conf} confidence intervals and the number "
        "of answers (n).",
    ),
    "chart_desc_kpi": (
        "Nyckeltalen för {what}, senaste period, med {conf} konfidensintervall mot mål eller "
        "norm; bedömningen står i text och form.",
        "The KPIs of {what}, latest period, with {conf} confidence intervals against the target "
        "or norm; the verdict is given in words and by shape.",
    ),
    "chart_desc_dimensions": (
        "Förväntan och upplevelse per dimension, och gapet med {conf} konfidensintervall.",
        "Expectation and perception per dimension, and the gap with its {conf} confidence "
        "interval.",
    ),
    # f-page (session 15): the message of Figur 1 in its <desc> (review 12b, finding 7;
    # report/chart_messages.py)
    "chart_msg_all_below": (
        "Upplevelsen ligger under förväntan i alla {n} dimensionerna; störst uppmätt gap i "
        "{dim} ({gap}).",
        "Perception is below expectation in all {n} dimensions; the largest measured gap is in "
        "{dim} ({gap}).",
    ),
    "chart_msg_below": (
        "Under förväntan (intervallet under 0): {dims}.",
        "Below expectation (interval under 0): {dims}.",
    ),
    "chart_msg_unclear": (
        "Kan inte skiljas från förväntan: {dims}.",
        "Cannot be told from expectation: {dims}.",
    ),
    "chart_msg_above": (
        "Över förväntan (intervallet över 0): {dims}.",
        "Above expectation (interval over 0): {dims}.",
    ),
    "chart_msg_worst": (
        "Störst uppmätt gap: {dim} ({gap}).",
        "Largest measured gap: {dim} ({gap}).",
    ),
    # h-neg (session 15): the message of the group heatmap in its <desc>
    # (report/chart_messages.heatmap_message)
    "chart_msg_heat_cell": ("{group} i {dim} ({gap})", "{group} in {dim} ({gap})"),
    "chart_msg_heat_below": ("Under förväntan: {cells}.", "Below expectation: {cells}."),
    "chart_msg_heat_below_some": (
        "Under förväntan i {n} celler, störst: {cells}.",
        "Below expectation in {n} cells, the largest: {cells}.",
    ),
    "chart_msg_heat_none_below": (
        "Ingen cell ligger under förväntan enligt sitt test.",
        "No cell is below expectation by its test.",
    ),
    "chart_msg_heat_above": ("Över förväntan: {cells}.", "Above expectation: {cells}."),
    "chart_msg_heat_grey": (
        "Kan inte skiljas från 0 (grå): {cells}.",
        "Cannot be told from 0 (grey): {cells}.",
    ),
    "chart_msg_heat_count": ("{n} cell", "{n} cell"),
    "chart_msg_heat_counts": ("{n} celler", "{n} cells"),
    "chart_msg_heat_small": ("{groups}.", "{groups}."),
    "chart_msg_heat_small_one": (
        "{group} visas streckad ({n} svar)",
        "{group} is shown hatched ({n} answers)",
    ),
    "chart_desc_items": (
        "Gapet per påstående, störst negativt gap överst, med {conf} konfidensintervall.",
        "The gap per statement, largest negative gap on top, with {conf} confidence intervals.",
    ),
    "chart_desc_heatmap": (
        "Gapet per dimension och {by}, med antal svar (n) per rad.",
        "The gap per dimension and {by}, with the number of answers (n) per row.",
    ),
    "chart_desc_ipa": (
        "Viktighet mot upplevelse per dimension, delat i fyra kvadranter.",
        "Importance against perception per dimension, divided into four quadrants.",
    ),
    "chart_desc_series": (
        "{what} per år med {conf} konfidensintervall.",
        "{what} by year with {conf} confidence intervals.",
    ),
    "chart_desc_feedback": (
        "Antal inkomna ärenden per period, uppdelat på typ.",
        "Number of cases received per period, by type.",
    ),
    "chart_desc_tolerance": (
        "Toleranszonen (lägsta godtagbara till önskad nivå) och upplevd nivå per dimension.",
        "The zone of tolerance (adequate to desired level) and the perceived level per dimension.",
    ),
    "chart_desc_likert": (
        "Fördelningen av svaren per påstående, låga svar till vänster och höga till höger.",
        "The distribution of answers per statement, low answers to the left and high to the right.",
    ),
    "chart_desc_default": ("Diagram: {what}.", "Chart: {what}."),
    # the group heatmap's data table (review 6, finding 5: it follows the adjusted p)
    "chart_heatmap_table_note": (
        "{p}: p-värdet för gapets t-test, justerat över alla test av grupp och dimension. "
        "Diagrammet sätter ett gap inom parentes när dess p är {alpha} eller mer: det kan inte "
        "skiljas från 0.",
        "{p}: the p of the gap's t-test, adjusted over every test of group and dimension. The "
        "chart puts a gap in parentheses when its p is {alpha} or more: it cannot be told from 0.",
    ),
    # session 11 (f-fig): the figures of a weighted report say which are weighted and which not
    "chart_fig_weighted_title": ("{title}, viktat efter {column}", "{title}, weighted by {column}"),
    "chart_fig_unweighted_title": (
        "{title}, oviktat (urvalet)",
        "{title}, unweighted (the sample)",
    ),
    "chart_fig_unweighted_basis": ("oviktat (urvalet)", "unweighted (the sample)"),
    "chart_fig_weighted_desc": ("Viktat efter {column}.", "Weighted by {column}."),
    "chart_fig_unweighted_desc": (
        "Oviktat (urvalet), inte viktat efter {column}.",
        "Unweighted (the sample), not weighted by {column}.",
    ),
    "chart_fig_w_expectation": ("Viktad förväntan (E)", "Weighted expectation (E)"),
    "chart_fig_w_perception": ("Viktad upplevelse (P)", "Weighted perception (P)"),
    "chart_fig_w_gap_axis": (
        "Viktat gap, P − E (skalsteg), med {conf} KI",
        "Weighted gap, P − E (scale points), {conf} CI",
    ),
    "chart_fig_dimensions_weighted": (
        "Viktat efter {column}: förväntan och upplevelse är viktade medel (Σwx/Σw) över de "
        "svarande med både E och P; gapen, intervallen och bedömningen är de i tabellen "
        "”{table}” (designbaserat t-test som R survey::svyttest, ojusterat).",
        "Weighted by {column}: expectation and perception are weighted means (Σwx/Σw) over the "
        "respondents with both E and P; the gaps, the intervals and the verdicts are those of "
        "the table “{table}” (design-based t-test as R survey::svyttest, unadjusted).",
    ),
    "chart_fig_items_unweighted": (
        "Oviktat (urvalet): påståendenas gap är inte viktade efter {column}, till skillnad från "
        "tabellen ”{table}”; de beskriver urvalet.",
        "Unweighted (the sample): the items' gaps are not weighted by {column}, unlike the "
        "table “{table}”; they describe the sample.",
    ),
    "chart_fig_ipa_unweighted": (
        "Oviktat (urvalet): viktighet och upplevelse är inte viktade efter {column}; de "
        "beskriver urvalet.",
        "Unweighted (the sample): importance and performance are not weighted by {column}; "
        "they describe the sample.",
    ),
}


def cw(key: str, lang: str, **fill: object) -> str:
    """A chart word in ``lang`` with ``{placeholders}`` filled.

    >>> cw("chart_target", "sv", value="90\\xa0%"), cw("chart_n", "en", n="1,234")
    ('Mål 90\\xa0%', 'n = 1,234')
    """
    sv, en = CHART[key]
    text = sv if lang == "sv" else en
    return text.format(**fill) if fill else text
