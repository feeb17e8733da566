"""Words of the SERVQUAL survey trend (``servqual trend`` on two survey files, unweighted
and ``--weight-column``): :data:`SURVEY_TREND`, spread into
:data:`~servqual_cli.report.catalog_measurement.MEASUREMENT` (the "measurement" section).

Split from :mod:`servqual_cli.report.catalog_measurement` (over 400 lines) in session 13, when
the survey trend's adjustment got its notes; merged into it as
:mod:`~servqual_cli.report.measurement_trend_words` is (so not named catalog_*.py, which must be
tables of their own). Each entry is ``key: (sv, en)``. Use it through the catalog.
"""

from __future__ import annotations

Pairs = dict[str, tuple[str, str]]

SURVEY_TREND: Pairs = {
    "survey_title": ("SERVQUAL-gap per dimension", "SERVQUAL gap per dimension"),
    "survey_note": ("Gap = P − E; högre (mindre negativt) är bättre. Oberoende urval: Welchs "
                    "t-test och Mann-Whitney. Hedges g: poolad SD, exakt J, intervall från "
                    "icke-central t (som R effectsize::hedges_g). {adjust_rule} Bedömning: "
                    "bättre eller sämre när {p_label} är under {alpha} och Welch-intervallet "
                    "ligger helt på ena sidan om 0; Mann-Whitney visas bredvid, ojusterat. "
                    "Oviktat: svaren beskriver urvalen.",
                    "Gap = P − E; higher (less negative) is better. Independent samples: Welch's "
                    "t-test and Mann-Whitney. Hedges' g: pooled SD, exact J, interval from the "
                    "noncentral t (as R effectsize::hedges_g). {adjust_rule} Verdict: better or "
                    "worse when {p_label} is below {alpha} and the Welch interval lies wholly on "
                    "one side of 0; Mann-Whitney is shown beside it, unadjusted. Unweighted: the "
                    "answers describe the samples."),
    "survey_mdd_note": ("Minsta påvisbara: den förändring Welchs t-test upptäcker med "
                        "{power}\u00a0% styrka (p < {alpha}), från samma standardfel och "
                        "frihetsgrader som testet bakom bedömningen.",
                        "MDD: the change Welch's t-test detects with {power}% power "
                        "(p < {alpha}), from the same standard error and degrees of freedom as "
                        "the test behind the verdict."),
    "weighted_title": ("SERVQUAL-gap per dimension, viktade",
                       "SERVQUAL gap per dimension, weighted"),
    "survey_sheet": ("Gap per år", "Gap by year"),
    "weighted_sheet": ("Viktade gap per år", "Weighted gaps by year"),
    "weighted_overall": ("Total SERVQUAL (medel av dimensionernas gap)",
                         "Overall SERVQUAL (mean of the dimension gaps)"),
    "weighted_note": ("Gap = P − E; högre (mindre negativt) är bättre. Viktade medelvärden "
                      "Σwx/Σw per år; n eff. = (Σw)²/Σw² (Kish). Förändring: skillnaden mellan "
                      "årens viktade medelvärden med linjäriserat (sandwich-)medelfel, åren som "
                      "oberoende strata; p och {level}-intervallet från t med n − 3 "
                      "frihetsgrader (som R survey::svyglm(gap ~ year) med svydesign(ids = ~1, "
                      "strata = ~year, weights = ~w)). Kalibreringen görs inte om, så medelfelen "
                      "är konservativa. Bedömning: bättre eller sämre när {p_label} < "
                      "{alpha} och intervallet utesluter 0. {adjust_rule}",
                      "Gap = P − E; higher (less negative) is better. Weighted means Σwx/Σw per "
                      "year; n eff. = (Σw)²/Σw² (Kish). Change: the difference of the years' "
                      "weighted means with a linearised (sandwich) SE, the years as independent "
                      "strata; p and the {level} interval from t with n − 3 df (as R "
                      "survey::svyglm(gap ~ year) with svydesign(ids = ~1, strata = ~year, "
                      "weights = ~w)). Calibration is not redone, so the SEs are conservative. "
                      "Verdict: better or worse when {p_label} < {alpha} and the interval "
                      "excludes 0. {adjust_rule}"),
    "weighted_adjust": ("{p_label}: designens p justerat ({method}) över de {m} dimensionerna, "
                        "som i servqual gap; Total SERVQUAL sammanfattar samma svar och är en "
                        "egen familj med ett test, så dess p är ojusterat. Intervallen gäller "
                        "varje rad för sig (ojusterade).",
                        "{p_label}: the design p adjusted ({method}) over the {m} dimensions, as "
                        "in servqual gap; Overall SERVQUAL summarises the same answers and is a "
                        "family of its own with one test, so its p is unadjusted. The intervals "
                        "are per row (unadjusted)."),
    "weights_line": ("Viktat med {columns}.", "Weighted by {columns}."),
    "weights_none_year": ("{year} har ingen kolumn {column}: där väger varje svarande 1 (som "
                          "ett obundet slumpmässigt urval), så det året beskriver sitt urval och "
                          "inte befolkningen; jämförelsen ställer ett oviktat år mot ett viktat.",
                          "{year} has no column {column}: each of its respondents weighs 1 (as "
                          "in a simple random sample), so that year describes its sample, not the "
                          "population; the comparison sets an unweighted year against a "
                          "weighted one."),
    "weights_missing": ("{year}: svarande utan vikt, som inte ingår: {n}.",
                        "{year}: respondents without a weight, left out: {n}."),
    "survey_adjust": ("{p_label}: Welchs p justerat ({method}) över de {m} dimensionerna, som i "
                      "servqual gap; Total SERVQUAL sammanfattar samma svar och är en egen "
                      "familj med ett test, så dess p är ojusterat. Intervallen gäller varje rad "
                      "för sig (ojusterade).",
                      "{p_label}: Welch's p adjusted ({method}) over the {m} dimensions, as in "
                      "servqual gap; Overall SERVQUAL summarises the same answers and is a "
                      "family of its own with one test, so its p is unadjusted. The intervals "
                      "are per row (unadjusted)."),
    "survey_adjust_none": ("p är inte justerat över raderna (--adjust none): av dimensioner där "
                           "inget har förändrats ser ungefär {alpha} ut som en förändring.",
                           "p is not adjusted across the rows (--adjust none): of dimensions "
                           "where nothing changed, about {alpha} look like a change."),
    "survey_welch_p": ("Welchs p", "Welch's p"),
    "survey_mdd_adjusted": ("Efter justeringen gäller den vid den nivå som radens eget p måste "
                            "komma under när de övriga radernas p är som de är.",
                            "After the adjustment it holds at the level the row's own p must be "
                            "below, the other rows' p as they are."),
    # w-trend2 (session 17): the survey trend's small base in the contact trend's words
    # (measurement_trend_words small_base_trend_note), counting answers: a dimension whose n
    # before or n after is under min_n (core.small_samples.small_base)
    "small_base_survey_note": ("”Litet underlag”: n före eller n efter är färre än {min_n} svar, "
                               "så det årets gap är osäkert. Raden visas och bedöms ändå som de "
                               "andra: bedömningen följer testet och intervallet, som tar "
                               "hänsyn till det lilla antalet; räcker de inte blir det ”ingen "
                               "påvisbar förändring”.",
                               "“Small base”: n before or n after is fewer than {min_n} answers, "
                               "so that year's gap is uncertain. The row is shown and judged all "
                               "the same: the verdict follows the test and the interval, which "
                               "allow for the small number; where they do not settle it, it is "
                               "“no detectable change”."),
    # w-left (session 17): the weighted trend judges it on Kish's effective n, (Σw)²/Σw², the
    # "effektivt n" of its table (core.small_samples.small_base, effective=)
    "small_base_weighted_note": ("”Litet underlag”: effektivt n (Kish) före eller efter är under "
                                 "{min_n}, så det årets viktade gap är osäkert. Raden visas och "
                                 "bedöms ändå som de andra: bedömningen följer testet och "
                                 "intervallet, som tar hänsyn till det lilla underlaget; räcker "
                                 "de inte blir det ”ingen påvisbar förändring”.",
                                 "“Small base”: the effective n (Kish) before or after is under "
                                 "{min_n}, so that year's weighted gap is uncertain. The row is "
                                 "shown and judged all the same: the verdict follows the test "
                                 "and the interval, which allow for the small base; where they "
                                 "do not settle it, it is “no detectable change”."),
}  # fmt: skip
