"""Words of the trend's detectable-change lines and notes (``servqual trend`` and the report), in
sv and en: a part of :data:`servqual_cli.report.catalog_measurement.MEASUREMENT`, merged into it
(so not named catalog_*.py, which must be tables of their own).

Split from :mod:`servqual_cli.report.catalog_measurement` (over 400 lines) in session 11, when
review 8 findings 1 and 2 changed what the threshold and the MDD are computed from.
"""

from __future__ import annotations

TREND_MDD: dict[str, tuple[str, str]] = {
    # h-mdd (session 10, review 7 findings 1 and 4): the MDD and the threshold after the
    # adjustment, both at the level the row's own p must reach with the other totals as they are
    # ("{power} %" early in the Swedish line: the terminal wraps at a no-break space too)
    "mdd_line_adjusted": ("{kpi}: efter {method}-justeringen över de {m} totalerna, som "
                          "bedömningen följer, upptäcks med {power}\u00a0% sannolikhet en "
                          "verklig förändring på {value} {unit}, och en uppmätt skillnad behöver "
                          "vara större än ungefär {critical} {unit} för att kunna skiljas från "
                          "slumpen ({unadjusted} {unit} utan justering; n = {n1} och {n2})",
                          "{kpi}: after the {method} adjustment over the {m} totals, which the "
                          "verdict follows, a true change of {value} {unit} would be detected "
                          "with {power}% probability, and a measured difference must exceed "
                          "about {critical} {unit} to be told from chance ({unadjusted} {unit} "
                          "without the adjustment; n = {n1} and {n2})"),
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
    "no_mdd_baseline": ("förra årets andel var {share}\u00a0%, och medelfelet från den är 0: "
                        "ingen minsta påvisbara förändring beräknas",
                        "the earlier share was {share}%, and the standard error from it is 0: "
                        "no minimum detectable change is computed"),
    "mdd_adjusted_note": ("Den gäller efter justeringen, vid den nivå som jämförelsens eget p "
                          "måste komma under när de övriga jämförelsernas p är som de är.",
                          "It holds after the adjustment, at the level the comparison's own p "
                          "must go below with the other comparisons' p as they are."),
    # h-trend (session 11, review 8 finding 1): the test's part of the threshold from the same
    # design SE as the MDD, so for the rank tests it is approximate, and the line says so;
    # h-share (session 12): for shares the pooled z-test's threshold in the direction the share
    # moved, and the MDD on the one toward 50 % (core.trend_detectable.score_threshold)
    "mdd_intro": ("Vid {power}\u00a0% styrka och {alpha}\u00a0% signifikansnivå (tröskeln från "
                  "det strängare av testet och intervallet, eftersom bedömningen kräver båda; "
                  "testets del för andelar från förra årets andel i den riktning andelen "
                  "ändrades, för tider och index från intervallets halva bredd, så tröskeln är "
                  "ungefärlig, särskilt för rangtesten; minsta påvisbara från samma medelfel, "
                  "för andelar den för en förändring mot 50\u00a0%):",
                  "At {power}% power and {alpha}% significance (the threshold from the stricter "
                  "of the test and the interval, as the verdict needs both; the test's part for "
                  "shares from the earlier year's share in the direction the share moved, for "
                  "times and the index from the interval's half-width, so the threshold is "
                  "approximate, the more so for the rank tests; the MDD from the same standard "
                  "error, for shares that of a change toward 50%):"),
    # h-trend (session 11, review 8 finding 5): a side labelled by its file name
    "years_hint": ("Ange årtalen med --years, t.ex. --years 2024,2025.",
                   "Give the years with --years, e.g. --years 2024,2025."),
}  # fmt: skip
