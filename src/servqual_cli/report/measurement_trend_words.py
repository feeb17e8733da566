"""Words of the trend's detectable-change lines and notes (``servqual trend`` and the report), in
sv and en: a part of :data:`servqual_cli.report.catalog_measurement.MEASUREMENT`, merged into it
(so not named catalog_*.py, which must be tables of their own).

Split from :mod:`servqual_cli.report.catalog_measurement` (over 400 lines) in session 11, when
review 8 findings 1 and 2 changed what the threshold and the MDD are computed from.
"""

from __future__ import annotations

TREND_MDD: dict[str, tuple[str, str]] = {
    # h-trend (session 11, review 8 finding 2): shares from the earlier year's share
    "mdd_design_note": ("Minsta påvisbara räknas från mätningens medelfel (dess storlek och "
                        "spridning), inte från var årets skattning hamnade: för andelar från "
                        "förra årets andel p₀, √(p₀(1−p₀)(1/n₁ + "
                        "1/n₂)), och för en förändring mot 50\u00a0%, där testet kräver "
                        "mest, för tider och index från intervallets halva bredd. –: "
                        "ingen förändring inom 0–100\u00a0% når styrkan, eller förra årets "
                        "andel var 0 eller 100\u00a0% (då ger formeln inget medelfel).",
                        "The MDD comes from the measurement's standard error (its size and "
                        "spread), not from where this year's estimate fell: for shares from the "
                        "earlier year's share p₀, √(p₀(1−p₀)(1/n₁ + "
                        "1/n₂)), and for a change toward 50%, where the test needs the most, "
                        "for times and the index from the interval's half-width. "
                        "–: no change within 0–100% reaches the power, or the earlier share was "
                        "0 or 100% (the formula then gives no standard error)."),
    "mdd_adjusted_note": ("Den gäller efter justeringen, vid den nivå som jämförelsens eget p "
                          "måste komma under när de övriga jämförelsernas p är som de är.",
                          "It holds after the adjustment, at the level the comparison's own p "
                          "must go below with the other comparisons' p as they are."),
    # k-mdd (session 12, review 9 finding 10): the section was 14 near-identical 60-word
    # paragraphs; now one sentence for the rule (h-mdd's and h-share's wording: the test's part
    # for shares in the direction the share moved, the MDD toward 50 %, "ungefär"/"about") and a
    # table of N and C (mdd_table); a threshold beyond the room in the direction the value moved
    # is worded, not shown as a number no change can reach (core: critical_beyond_room)
    "mdd_rule": ("N är den verkliga förändring som upptäcks med {power} sannolikhet och C den "
                 "uppmätta skillnad som ungefär behöver överskridas för att kunna skiljas från "
                 "slumpen{adjusted}, vid {alpha} signifikansnivå (C från det strängare av testet "
                 "och intervallet, eftersom bedömningen kräver båda; testets del för andelar "
                 "från förra årets andel i den riktning andelen ändrades, för tider och index "
                 "från intervallets halva bredd, så C är ungefärlig, särskilt för rangtesten; N "
                 "från samma medelfel, för andelar det för en förändring mot 50\u00a0%).",
                 "N is the true change that would be detected with {power} probability and C "
                 "the measured difference that must be exceeded, about, to be told from "
                 "chance{adjusted}, at {alpha} significance (C from the stricter of the test and "
                 "the interval, as the verdict needs both; the test's part for shares from the "
                 "earlier year's share in the direction the share moved, for times and the index "
                 "from the interval's half-width, so C is approximate, the more so for the rank "
                 "tests; N from the same standard error, for shares that of a change toward "
                 "50%)."),
    "mdd_rule_adjusted": (", båda efter {method}-justeringen över de {m} totalerna, som "
                          "bedömningen följer (C utan justering i en egen kolumn)",
                          ", both after the {method} adjustment over the {m} totals, which the "
                          "verdict follows (C without it in a column of its own)"),
    "mdd_table_title": ("Minsta påvisbara förändring N och tröskel C, alla områden {heading}",
                        "Minimum detectable change N and threshold C, all areas {heading}"),
    "mdd_n_head": ("Minsta påvisbara N, {power} styrka{method}", "MDD N, {power} power{method}"),
    "mdd_c_head": ("Tröskel C, {alpha}{method}", "Threshold C, {alpha}{method}"),
    "mdd_c_unadjusted_head": ("Tröskel C, {alpha} (ojusterad)",
                              "Threshold C, {alpha} (unadjusted)"),
    "no_mdd_cell": ("– (ingen förändring kan påvisas med {power} styrka vid dessa n)",
                    "– (no change can be detected with {power} power at these n)"),
    # review 8 finding 2: a share at 0 or 100 % the year before has no design SE, which is not
    # "no change can be detected"
    "no_mdd_baseline_cell": ("– (förra årets andel var {share}, medelfelet från den är 0)",
                             "– (the earlier share was {share}, the standard error from it "
                             "is 0)"),
    "beyond_room_up": ("ingen ökning kan skiljas från slumpen (högst {room} {unit} möjligt)",
                       "no rise can be told from chance (at most {room} {unit} possible)"),
    "beyond_room_down": ("ingen minskning kan skiljas från slumpen (högst {room} {unit} "
                         "möjligt)",
                         "no fall can be told from chance (at most {room} {unit} possible)"),
    # f-trend (session 16): trend's small base in the overview's words (catalog_glance g_small),
    # a row whose n before or n after is under min_n (core/trend.py compare_kpis small_base)
    "small_base_trend_note": ("”Litet underlag”: n före eller n efter är färre än {min_n} "
                              "kontakter, så det årets värde är osäkert. Raden visas och bedöms "
                              "ändå som de andra: bedömningen följer testet och intervallet, "
                              "som tar hänsyn till det lilla antalet; räcker de inte blir det "
                              "”ingen påvisbar förändring”.",
                              "“Small base”: n before or n after is fewer than {min_n} "
                              "contacts, so that year's value is uncertain. The row is shown "
                              "and judged all the same: the verdict follows the test and the "
                              "interval, which allow for the small number; where they do not "
                              "settle it, it is “no detectable change”."),
    # h-trend (session 11, review 8 finding 5): a side labelled by its file name
    "years_hint": ("Ange årtalen med --years, t.ex. --years 2024,2025.",
                   "Give the years with --years, e.g. --years 2024,2025."),
}  # fmt: skip
