"""The words of the feedback trend: the two windows compared, the units not compared, the reply
rows and their notes (spread into :data:`servqual_cli.report.catalog_service.SERVICE`, so they
are looked up as ``service.<key>`` like the rest of the section; split out when the section
outgrew 400 lines in session 15)."""

from __future__ import annotations

FEEDBACK_TREND: dict[str, tuple[str, str]] = {
    # key: (sv, en)
    # review 12a finding 1 (f-fb): a unit or type with no item in one of the two windows gets
    # no rate test (core.feedback_trend._not_compared); the counts table's note names it
    "gap_none_current": (
        "{names} har inga synpunkter i det senare fönstret",
        "{names} {has} no items in the later window",
    ),
    "gap_none_previous": (
        "{names} har inga synpunkter i det tidigare fönstret",
        "{names} {has} no items in the earlier window",
    ),
    "gap_none_previous_and": (
        "och {names} inga i det tidigare",
        "and {names} none in the earlier",
    ),
    "gap_unit_tail": (
        ": bytt namn eller omorganiserat? {they} jämförs inte (ingen kvot eller test, och "
        "ingår inte i Holm-justeringen).",
        ": renamed or reorganised? {they} not compared (no ratio or test, and not in the Holm "
        "adjustment).",
    ),
    "gap_type_tail": (
        ": en typ som börjat eller slutat användas? {they} jämförs inte (ingen kvot eller test, "
        "och ingår inte i Holm-justeringen).",
        ": a type taken into or out of use? {they} not compared (no ratio or test, and not in "
        "the Holm adjustment).",
    ),
    "gap_they_one": ("Den", "It is"),
    "gap_they_many": ("De", "They are"),
    "gap_has_one": ("har", "has"),
    "gap_has_many": ("har", "have"),
    "gap_type_word": ("Typen", "The type"),
    "gap_types_word": ("Typerna", "The types"),
    # review 12a finding 4 (f-fb): where the windows end (core.feedback_window)
    "window_last_received": (
        "Inga synpunkter inkomna efter {last} (registrets senaste datum är {latest}); fönstren "
        "slutar där.",
        "No items received after {last} (the register's latest date is {latest}); the windows "
        "end there.",
    ),
    "window_as_of_after": (
        "Inga synpunkter inkomna efter {last}, men fönstren slutar vid --as-of {as_of}: är "
        "registret inte komplett till dess är det senare fönstrets antal för lågt.",
        "No items received after {last}, but the windows end at --as-of {as_of}: if the "
        "register is not complete to that date, the later window's count is too low.",
    ),
    "as_of_closed_after": (
        "Per-datumet {as_of} är registrets senaste inkomst- eller svarsdatum, som i kpi; "
        "avslutsdatum efter det (till {latest}) räknas inte: de ärendena är ej avslutade per "
        "{as_of}.",
        "The as-of date {as_of} is the register's latest date received or answered, as in kpi; "
        "closing dates after it (to {latest}) are not counted: those items are not closed as "
        "of {as_of}.",
    ),
    "trend_reply": ("Svar", "Replies"),
    "measure": ("Mått", "Measure"),
    "ratio": ("Kvot", "Ratio"),
    "difference": ("Skillnad", "Difference"),
    # review 7 finding 5: the shift the Mann-Whitney p judges, on its own row of the reply trend
    "shift_days_to_reply": (
        "Typisk förskjutning, dagar till svar, bland besvarade",
        "Typical shift, days to reply, among answered",
    ),
    # session 14 (w-fbkm): the trend's days are the answered items' only on these two rows;
    # session 15 (w-logrank): the note no longer says the Kaplan-Meier days are not compared,
    # the log-rank row compares them (trend_km_note)
    "trend_answered_note": (
        "Median och typisk förskjutning av dagar till svar jämförs bland besvarade (n står på "
        "raden): obesvarade ingår inte i den jämförelsen, men räknas i andelen inom löftet.",
        "The median and the typical shift of the days to reply are compared among the answered "
        "(n on the row): the unanswered are not in that comparison, but count in the share "
        "within the promise.",
    ),
    # review 10a, finding 4 (w-fbwin): the equal-follow-up rule cut the later window of the
    # share within the promise short (the sample's 2024 ends on 17 December), so its earlier
    # window is compared over the same dates (core.feedback_trend.reply_window, the KPI's
    # matched_window); the row names both windows and the note the rule, as the KPI does
    "reply_window_span": (
        "{previous} ({previous_window}, {n_previous} synpunkter) → {period} ({window}, {n} "
        "synpunkter)",
        "{previous} ({previous_window}, {n_previous} items) → {period} ({window}, {n} items)",
    ),
    "reply_window_rule": (
        "Andelen inom löftet jämför samma kalenderfönster: {previous} bara synpunkter inkomna "
        "{previous_window} ({kept} av {total}; {left} senare ingår inte), som {period} "
        "({window}), vars senare synpunkter inte hade hela löftet på sig; samma dag och månad, "
        "29 feb motsvarar 28 feb ett år utan skottdag. Dagar till svar jämför de hela perioderna "
        "(utan den regeln).",
        "The share within the promise compares the same calendar window: in {previous} only "
        "items received {previous_window} ({kept} of {total}; {left} later ones are not "
        "compared), as in {period} ({window}), whose later items had not had the whole promise; "
        "the same day and month, 29 Feb matching 28 Feb in a year without it. Days to reply "
        "compare the whole periods (without that rule).",
    ),
    # session 15 (w-logrank): the trend's log-rank row (core/feedback_km_trend.py), its note
    "km_days_to_reply": (
        "Median dagar till svar, obesvarade räknade som ej besvarade vid fönstrets slut "
        "(Kaplan-Meier), log-rank-test",
        "Median days to reply, unanswered counted as not answered at the window's end "
        "(Kaplan-Meier), log-rank test",
    ),
    "km_chi2": ("χ² = {chi2}", "χ² = {chi2}"),
    "trend_km_note": (
        "Raden med obesvarade räknade som ej besvarade vid fönstrets slut (Kaplan-Meier), "
        "log-rank-test, räknar alla med kontaktuppgifter ({n_previous} → {n}): utan svar vid "
        "periodens slut ({previous_end} respektive {end}) räknas en synpunkt som obesvarad i "
        "minst dagarna dit (censurerad), också om den avslutats; log-rank-testet (χ², 1 "
        "frihetsgrad) jämför periodernas hela svarskurvor. Medianernas skillnad har inget eget "
        "test; ”> N”: medianen nås inte inom N dagars uppföljning.",
        "The row with the unanswered counted as not answered at the window's end (Kaplan-Meier), "
        "log-rank test, counts every item with contact details ({n_previous} → {n}): without a "
        "reply at its period's end ({previous_end} and {end}) an item counts as unanswered for "
        "at least the days until then (censored), closed or not; the log-rank test (χ², 1 "
        "degree of freedom) compares the periods' whole reply curves. The medians' difference "
        "has no test of its own; “> N”: the median is not reached within N days of follow-up.",
    ),
    "trend_family_note": (
        "Svarsraderna är var sitt test och justeras inte (p (Holm) = p).",
        "The reply rows are tests of their own, not adjusted (p (Holm) = p).",
    ),
    # review 16 finding 3: units merged on the analyst's word (core.feedback_units), named
    # with their counts; a name not in the register merges nothing and says so
    "unit_map_line": (
        "Förvaltningar slagna samman ({source}): {pairs}. Räkningar, svar och trend gäller "
        "varje par som en förvaltning under det nya namnet.",
        "Units merged ({source}): {pairs}. Counts, replies and the trend treat each pair as one "
        "unit under the new name.",
    ),
    "unit_map_pair": ("{old} → {new} ({n} synpunkter)", "{old} → {new} ({n} items)"),
    "unit_map_pair_one": ("{old} → {new} (1 synpunkt)", "{old} → {new} (1 item)"),
    # a NEW the register does not hold: a new name, or a typo (review 17, finding 9)
    "unit_map_pair_new": (
        "{old} → {new} ({n} synpunkter; nytt namn, finns inte i registret)",
        "{old} → {new} ({n} items; a new name, not in the register)",
    ),
    "unit_map_pair_one_new": (
        "{old} → {new} (1 synpunkt; nytt namn, finns inte i registret)",
        "{old} → {new} (1 item; a new name, not in the register)",
    ),
    "unit_map_absent": (
        "{old} → {new} (finns inte i registret: inget slogs samman)",
        "{old} → {new} (not in the register: nothing merged)",
    ),
    "unit_map_row": ("inkl. {old} (sammanslagen, unit_map)", "incl. {old} (merged, unit_map)"),
    "unit_map_cli": ("--unit-map", "--unit-map"),
    "unit_map_config": ("unit_map i [service]", "unit_map in [service]"),
}
