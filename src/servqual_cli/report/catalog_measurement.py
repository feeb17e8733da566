"""The words of the service-measurement sections: test contacts, KPIs by year and Kolada (part of
the label catalog).

:data:`MEASUREMENT` (Kolada's words: :mod:`.catalog_kolada`; KPIs by year:
:mod:`.catalog_series`). Each table is ``key: (sv, en)``; :mod:`servqual_cli.report.catalog`
re-exports it and lists it in
:func:`~servqual_cli.report.catalog.catalog` (prefixed ``"<section>."``): one catalog per
language for every renderer (issue #9 item 6). Use it through the catalog.
"""

from __future__ import annotations

from servqual_cli.report.measurement_trend_words import TREND_MDD
from servqual_cli.report.survey_trend_words import SURVEY_TREND
from servqual_cli.report.trend_mix_words import TREND_MIX
from servqual_cli.vocab.contacts import ALL

OVERALL = "Overall"  # servqual_cli.core.survey_trend.OVERALL (not imported: core loads scipy)
Pairs = dict[str, tuple[str, str]]

MEASUREMENT: Pairs = {
    **SURVEY_TREND,  # survey_trend_words.py: the SERVQUAL survey trend's words
    # KPIs
    "phone_reached": ("Telefon: når en person", "Phone: reached a person"),
    "phone_answered_question": ("Telefon: svar på frågan", "Phone: question answered"),
    "phone_answered_question_partly": ("Telefon: delvis svar", "Phone: partly answered"),
    "phone_wait_seconds_median": ("Telefon: väntetid, median", "Phone: median queue time"),
    "email_within_1_working_day": ("E-post: svar inom 1 arbetsdag",
                                   "E-mail: reply in 1 working day"),
    "email_within_2_working_days": ("E-post: svar inom 2 arbetsdagar",
                                    "E-mail: reply in 2 working days"),
    # review 16 finding 8: over answered e-mails only, as the feedback register says its own
    "email_response_hours_median": ("E-post: svarstid, median bland besvarade",
                                    "E-mail: median reply time among answered"),
    "email_answered_question": ("E-post: svar på frågan", "E-mail: question answered"),
    "email_answered_question_partly": ("E-post: delvis svar", "E-mail: partly answered"),
    "answered_question": ("Svar på frågan (alla)", "Question answered (all)"),
    "answered_question_partly": ("Delvis svar (alla)", "Partly answered (all)"),
    # bemötande is courtesy: "treatment" read as medical treatment (review 10a, finding 9)
    "treatment_index": ("Bemötandeindex", "Courtesy index"),
    "treatment_good_or_better": ("Gott bemötande (god eller mycket god)",
                                 "Good or very good courtesy"),
    # bemötande ratings (KKiK's Swedish scale)
    "mycket god": ("Mycket god", "Very good (mycket god)"),
    "god": ("God", "Good (god)"),
    "medelgod": ("Medelgod", "Fair (medelgod)"),
    "dålig": ("Dålig", "Poor (dålig)"),
    # channels and areas
    "phone": ("telefon", "phone"),
    "email": ("e-post", "e-mail"),
    ALL: ("alla", "all"),
    "all_areas": ("alla områden", "all areas"),
    # verdicts
    "worse": ("sämre", "worse"),
    "better": ("bättre", "better"),
    "no detectable change": ("ingen påvisbar förändring", "no detectable change"),
    # columns
    "kpi": ("Nyckeltal", "KPI"),
    "channel": ("Kanal", "Channel"),
    "area": ("Område", "Area"),
    "unit": ("Enhet", "Unit"),
    "k": ("k", "k"),
    "value": ("Värde", "Value"),
    "before": ("Före", "Before"),
    "after": ("Efter", "After"),
    "change": ("Förändring", "Change"),
    "change_shift": ("Förändring (tider: förskjutning)", "Change (times: shift)"),
    "value_diff": ("Medianernas skillnad", "Median difference"),
    "p": ("p", "p"),
    "test": ("Test", "Test"),
    "n_before": ("n före", "n before"),
    "n_after": ("n efter", "n after"),
    "mdd": ("Minsta påvisbara", "MDD"),
    "verdict": ("Bedömning", "Verdict"),
    "this": ("Kommunen", "This municipality"),
    "others_mean": ("Medel övriga", "Others' mean"),
    "rank": ("Placering", "Rank"),
    "n_municipalities": ("Antal kommuner", "Municipalities ranked"),
    "of": ("av", "of"),
    "others_min": ("Min övriga", "Others' min"),
    "others_max": ("Max övriga", "Others' max"),
    # review 4 finding 16: an interval that touches the mean is undecided, not "equal"
    "same": ("kan inte skiljas från medel", "cannot tell from the mean"),
    "rank_third": ("Kolada-färg", "Kolada colour"),
    "green": ("grön", "green"),
    "yellow": ("gul", "yellow"),
    "red": ("röd", "red"),
    "verdict_note": ("Bedömning mot medel övriga: bättre/sämre endast när kommunens hela "
                     "{level}-intervall ligger på ena sidan om medlet, annars kan de inte "
                     "skiljas åt; utan intervall efter tredjedelar av rangordningen. "
                     "Kolada-färg: bästa tredjedelen grön, mellersta gul, sämsta röd.",
                     "Verdict against the others' mean: better/worse only when this "
                     "municipality's whole {level} interval lies on one side of the mean, else "
                     "it cannot be told from the mean; without an interval by thirds of the "
                     "ranking. Kolada colour: best third green, middle yellow, worst red."),
    "p_welch": ("p (Welch)", "p (Welch)"),
    "p_mann_whitney": ("p (Mann-Whitney)", "p (Mann-Whitney)"),
    "hedges_g": ("Hedges g", "Hedges' g"),
    "hedges_g_low": ("g KI låg", "g CI low"),
    "hedges_g_high": ("g KI hög", "g CI high"),
    "contacts": ("Kontakter", "Contacts"),
    # titles and notes
    "kpi_title": ("Nyckeltal", "KPIs"),
    "area_title": ("Nyckeltal per område", "KPIs per area"),
    # review 12c, finding 3: the overview's word for the same threshold ("för få svar" read as
    # "do not use", while the change table judges these cells)
    "few_answers": ("litet underlag", "small base"),
    "area_n_note": ("Varje värde med sitt eget n (ett e-postmått bygger bara på områdets e-post, "
                    "Kontakter räknar alla); ”litet underlag”: färre än {min_n} svar, värdet är "
                    "mycket osäkert.",
                    "Each value with its own n (an e-mail measure rests on the area's e-mails "
                    "only; Contacts counts all); “small base”: fewer than {min_n} answers, the "
                    "value is very uncertain."),
    "treatment_title": ("Bemötande", "Courtesy (bemötande)"),
    "trend_total": ("Förändring, alla områden", "Change, all areas"),
    "trend_area": ("Förändring per område (försämringar först)",
                   "Change per area (deteriorations first)"),
    # review 4 finding 18: a heading "(no detectable deterioration)" read as a filter; the
    # table lists every area, so the title is plain and the finding a sentence in the note
    "trend_area_none": ("Förändring per område", "Change per area"),
    # f-kt, session 15 (review 12a finding 2): "every area" were only those measured in both
    # years; what was measured in one year only is named (report/not_compared_note.py)
    "no_area_worse": ("Inget område har en påvisbar försämring; alla områden som mättes båda "
                      "åren visas, i nyckeltalens och områdenas ordning.",
                      "No area shows a detectable deterioration; every area measured in both "
                      "years is listed, in the KPIs' and the areas' order."),
    "only_year": ("bara {year}", "{year} only"),
    "kpi_in_area": ("{kpi} i {area}", "{kpi} in {area}"),
    "not_compared_area_one": ("{items} jämförs inte: området mättes bara ena året.",
                              "{items} is not compared: the area was measured in one year "
                              "only."),
    "not_compared_area_many": ("{items} jämförs inte: områdena mättes bara ena året.",
                               "{items} are not compared: each area was measured in one year "
                               "only."),
    "not_compared_kpi_one": ("{items} jämförs inte: nyckeltalet mättes bara ena året.",
                             "{items} is not compared: the KPI was measured in one year only."),
    "not_compared_kpi_many": ("{items} jämförs inte: nyckeltalen mättes bara ena året.",
                              "{items} are not compared: each KPI was measured in one year "
                              "only."),
    "not_compared_area_kpi": ("Jämförs inte i områden som mättes båda åren (nyckeltalet har "
                              "värden där bara ena året): {items}.",
                              "Not compared in areas measured in both years (the KPI has "
                              "values there in one year only): {items}."),
    "mdd_title": ("Minsta påvisbara förändring", "Minimum detectable change"),
    # review 5 finding 15: a side's label not from the data says where it came from
    "label_file_name": ("{label}: årtalet i filnamnet {file} (filen har ingen årskolumn).",
                        "{label}: the year in the file name {file} (the file has no year "
                        "column)."),
    "label_file_stem": ("{label}: filnamnet {file} (filen har ingen årskolumn och inget årtal "
                        "i namnet).",
                        "{label}: the file name {file} (the file has no year column and no year "
                        "in its name)."),
    # m-misc, session 12: a survey's title row names its year ("Servicemätning 2021" above the
    # header); said with the title and its row, and the file name's year when that differs
    "label_title_row": ("{label}: årtalet i rubrikraden ”{title}” (rad {row} i {file}; filen "
                        "har ingen årskolumn).",
                        "{label}: the year in the title row “{title}” (row {row} of {file}; the "
                        "file has no year column)."),
    "label_name_differs": ("Filnamnet {file} anger {year}; ange årtalen med --years om "
                           "rubriken är fel.",
                           "The file name {file} gives {year}; give the years with --years if "
                           "the title is wrong."),
    "label_title_no_year": ("Rubrikraden ”{title}” (rad {row} i {file}) anger inget enskilt "
                            "årtal.",
                            "The title row “{title}” (row {row} of {file}) names no single "
                            "year."),
    "benchmark_title": ("Jämförelse med övriga kommuner", "Against the other municipalities"),
    OVERALL: ("Total SERVQUAL (oviktad)", "Overall SERVQUAL (unweighted)"),
    # w-meas (review 10a finding 2): the reply time's unit and its rule (core/calendar), not
    # "arbetstimmar" (read as ~8 hours a day)
    "units_note": ("Andelar och index i procent (0–100), förändringar i procentenheter; väntetid "
                   "i sekunder, e-postens svarstid i timmar på arbetsdagar (hela dygn: varje "
                   "arbetsdag räknas med sina 24 timmar, helger och helgdagar räknas inte; 24 "
                   "timmar är alltså en arbetsdag).",
                   "Shares and the index in percent (0–100), changes in percentage points; queue "
                   "time in seconds, e-mail reply time in hours on working days (24 h each: "
                   "every working day counts its 24 hours, weekends and public holidays do not "
                   "count; 24 hours are thus one working day)."),
    "trend_note": ("p: score-test (andelar; Fishers exakta test där ett förväntat antal är under "
                   "5, Cochrans regel, och med --test fisher) eller Mann-Whitney (tider, "
                   "bemötande). Intervall: Mee-score (andelar; Newcombe med Fishers test), Welch "
                   "(index). Tider: Förändring är Hodges-Lehmanns förskjutning (medianen av alla "
                   "parvisa skillnader efter − före, inte skillnaden mellan de två medianerna, "
                   "som visas för sig) med Mann-Whitney-testets eget intervall, så test och "
                   "intervall är eniga; när tiderna faller i två grupper kan medianen hoppa "
                   "mellan dem, och de två talen kan skilja sig mycket, även i tecken. Bättre "
                   "eller sämre bara när testet (p under signifikansnivån) och intervallet (helt "
                   "på ena sidan om 0) är eniga; annars ingen påvisbar förändring.",
                   "p: score test (shares; Fisher's exact test where an expected count is under "
                   "5, Cochran's rule, and with --test fisher) or Mann-Whitney (times, courtesy). "
                   "Intervals: Mee score (shares; Newcombe with Fisher's test), Welch (index). "
                   "Times: the change is the Hodges-Lehmann shift (the median of all pairwise "
                   "differences after − before, not the difference of the two medians, which is "
                   "shown apart) with the Mann-Whitney test's own interval, so test and interval "
                   "agree; when the times fall into two groups the median can jump between them, "
                   "and the two can differ a lot, even in sign. Better or worse only when the "
                   "test (p below the significance level) and the interval (wholly on one side of "
                   "0) agree; otherwise no detectable change."),
    # t-note, review 9 finding 2: facts from the table (measurement_trend.area_note)
    "area_note": ("Per område och kanal bygger jämförelserna på {n} kontakter per period "
                  "(kolumnerna n före och n efter); hur stor förändring som kan påvisas står i "
                  "kolumnen Minsta påvisbara.",
                  "Per area and channel the comparisons rest on {n} contacts per period (the "
                  "columns n before and n after); how large a change can be detected is in the "
                  "MDD column."),
    "area_chance_holm": ("Holm-justeringen håller risken att någon av de {m} jämförelserna per "
                         "område visar en förändring som bara är slump på högst {alpha}.",
                         "Holm's adjustment keeps the chance that any of the {m} per-area "
                         "comparisons shows a change that is only chance at or below {alpha}."),
    "area_chance_bh": ("Benjamini-Hochberg-justeringen håller den väntade andelen "
                       "slumpförändringar bland de jämförelser som bedöms bättre eller sämre på "
                       "högst {alpha} (av {m} jämförelser per område; för oberoende eller "
                       "positivt beroende test).",
                       "The Benjamini-Hochberg adjustment keeps the expected share of chance "
                       "changes among the comparisons called better or worse at or below "
                       "{alpha} (of {m} per-area comparisons; for independent or positively "
                       "dependent tests)."),
    "area_chance_none": ("{label}: bedömningen följer varje jämförelses eget p, och av de "
                         "jämförelser där inget har förändrats kommer ungefär {alpha}{one_in} "
                         "att se ut som en förändring.",
                         "{label}: the verdict follows each comparison's own p, and of "
                         "comparisons where nothing changed, about {alpha}{one_in} will look "
                         "like a change."),
    "one_in": (" (1 av {k})", " (1 in {k})"),
    # ”…”, as the other Swedish notes quote; the KPI's own name (review 18, 16)
    "unanswered_note": ("{n} obesvarade e-postmeddelanden ingår inte i svarstidens median (ett "
                        "svar behövs för en svarstid); i ”svar inom 1 arbetsdag” räknas de som "
                        "inte besvarade i tid.",
                        "{n} unanswered e-mails are not in the median reply time (a reply time "
                        "needs a reply); in “within 1 working day” they count as not answered "
                        "in time."),
    "shift_card_note": ("Förändringen av en tid är Hodges-Lehmanns förskjutning (medianen av "
                        "alla parvisa skillnader efter − före), inte skillnaden mellan de två "
                        "medianerna, som visas för sig.",
                        "The change of a time is the Hodges-Lehmann shift (the median of all "
                        "pairwise differences after − before), not the difference of the two "
                        "medians, which is shown apart."),
    "changed_p_note": ("{label}: p justerat över alla totaler; bara de förändringar som "
                       "bedömts bättre eller sämre efter justeringen visas.",
                       "{label}: p adjusted over all the totals; only the changes judged better "
                       "or worse after the adjustment are shown."),
    "unreached_note": ("Väntetid i telefon: median över de {n} samtal som nådde en person; {k} "
                       "samtal nådde ingen och saknar väntetid.",
                       "Phone queue time: median over the {n} calls that reached a person; {k} "
                       "calls reached no one and have no queue time."),
    "ci_note": ("Intervall: Wilson (andelar), ordningsstatistika (medianer), t-intervall på "
                "logitskalan (bemötandeindex; håller sig inom 0–100).",
                "Intervals: Wilson (shares), order statistics (medians), t interval on the logit "
                "scale (courtesy index; stays within 0–100)."),
    "adjust_note": ("{label}: p justerat över alla jämförelser per område (alla nyckeltal och "
                    "kanaler, även de som inte visas här); bedömningen följer det justerade p. "
                    "Totalerna justeras för sig. Intervallen gäller varje jämförelse för sig "
                    "(ojusterade).",
                    "{label}: p adjusted over every per-area comparison (all KPIs and channels, "
                    "also those not shown here); the verdict follows the adjusted p. The totals "
                    "are adjusted as a family of their own. The intervals are per comparison "
                    "(unadjusted)."),
    # beside an adjusted p the interval columns say they are not (review 3, finding 6)
    "ci_low_unadjusted": ("KI låg (ojusterat)", "CI low (unadjusted)"),
    "ci_high_unadjusted": ("KI hög (ojusterat)", "CI high (unadjusted)"),
    "total_adjust_note": ("{label}: p justerat över alla totaler (som i serien över flera år); "
                          "bedömningen följer det justerade p. Intervallen gäller varje "
                          "jämförelse för sig (ojusterade).",
                          "{label}: p adjusted over all the totals (as in the series over "
                          "several years); the verdict follows the adjusted p. The intervals "
                          "are per comparison (unadjusted)."),
    # w-meas (review 10a finding 6): the verdict follows the adjusted p (--adjust), named here
    # words the commands used to spell inline (every Swedish text lives in a catalog)
    "contacts_title": ("Servicemätning", "Service measurement"),
    "unadjusted": ("ojusterat", "unadjusted"),
    "n_comparisons": ("{m} jämförelser", "{m} comparisons"),
    "channels_differ": ("{before} mätte {b} men {after} {a}: totalerna över alla kanaler är "
                        "inte jämförbara; läs raderna per kanal.",
                        "{before} measured {b} but {after} {a}: the totals over all channels "
                        "are not comparable; read the per-channel rows."),
    # trend --weight-column (review 4 finding 4): survey-weighted gaps, design-based change
    "n_eff_before": ("n eff. före", "n eff. before"),
    "n_eff_after": ("n eff. efter", "n eff. after"),
    **TREND_MDD,
    **TREND_MIX,  # trend_mix_words.py: the areas' mix (review 16, finding 2)
    "pp": ("procentenheter", "percentage points"),
    "seconds": ("sekunder", "seconds"),
    "hours": ("timmar på arbetsdagar", "hours on working days"),
    "index_points": ("indexenheter", "index points"),
    "this_from_own": ("Kommunens värden är beräknade från de analyserade kontakterna ({year}); "
                      "jämförelsefilen ger bara de övriga kommunerna. Placering och skillnad "
                      "jämförs med kommunens värde avrundat som de övrigas publicerade värden "
                      "(samma antal decimaler); lika värden delar bästa placering. Förändringar "
                      "räknas från kontakterna före avrundning (servqual kolada räknar dem "
                      "mellan publicerade värden och kan skilja en enhet i sista decimalen).",
                      "This municipality's values are computed from the analysed contacts "
                      "({year}); the benchmark file gives the other municipalities only. Rank and "
                      "difference use this municipality's value rounded as the others' values are "
                      "published (the same decimals); equal values share the best rank. Changes "
                      "are computed from the contacts before rounding (servqual kolada computes "
                      "them between published values and can differ by one unit in the last "
                      "decimal)."),
    # review 16 finding 5: others computed from a contact log are compared unrounded
    "this_from_own_computed": ("Kommunens värden är beräknade från de analyserade kontakterna "
                               "({year}), de övrigas från jämförelsefilens kontakter, båda utan "
                               "avrundning; lika värden delar bästa placering.",
                               "This municipality's values are computed from the analysed "
                               "contacts ({year}), the others' from the benchmark file's "
                               "contacts, both unrounded; equal values share the best rank."),
    "not_ranked": ("Inte rangordnat (kan inte beräknas från de analyserade kontakterna): {kpis}.",
                   "Not ranked (the analysed contacts cannot compute it): {kpis}."),
    "file_value": ("jämförelsefilen: {value}", "benchmark file: {value}"),
    "file_differs": ("Jämförelsefilens värde för {municipality} skiljer sig från det beräknade: "
                     "{kpis}.",
                     "The benchmark file's value for {municipality} differs from the computed "
                     "one: {kpis}."),
    # t-slope (session 13): a benchmark file whose year is not the analysed one names both
    "bench_title_years": ("{municipality} {this} mot övriga kommuner {others}",
                          "{municipality} {this} against the other municipalities {others}"),
    "bench_others_mean_year": ("Medel övriga {others}", "Others' mean {others}"),
    "bench_others_min_year": ("Min övriga {others}", "Others' min {others}"),
    "bench_others_max_year": ("Max övriga {others}", "Others' max {others}"),
    "bench_diff_years": ("Skillnad ({this} mot {others})", "Difference ({this} against {others})"),
    "bench_rank_years": ("Placering bland {others} års värden", "Rank among the {others} values"),
    "bench_third_years": ("Kolada-färg (bland {others} års värden)",
                          "Kolada colour (among the {others} values)"),
    "bench_years_differ": ("Olika år: värdena för {municipality} är från {this}, de övriga "
                           "kommunernas från {others} (jämförelsefilens senaste år). Skillnad, "
                           "placering, bedömning och Kolada-färg ställer alltså {municipality} "
                           "{this} mot övriga kommuner {others}: hur de övriga har förändrats "
                           "sedan {others} syns inte, och placeringen är en plats bland {others} "
                           "års värden, inte den rangordning Kolada publicerar för {this}. Jämför "
                           "med en jämförelsefil som har {this} för att ställa samma år mot "
                           "varandra.",
                           "Different years: the values for {municipality} are from {this}, the "
                           "other municipalities' from {others} (the benchmark file's latest "
                           "year). Difference, rank, verdict and Kolada colour therefore set "
                           "{municipality} {this} against the other municipalities {others}: how "
                           "the others have changed since {others} is not seen, and the rank is a "
                           "place among the {others} values, not the ranking Kolada publishes "
                           "for {this}. Use a benchmark file that holds {this} to compare the "
                           "same year."),
    "bench_year_unknown": ("Värdena för {municipality} är märkta {this}, som inte är ett årtal; "
                           "de övriga kommunernas är från {others} (jämförelsefilens senaste "
                           "år). Om {this} inte är {others} ställer skillnad, placering, "
                           "bedömning och Kolada-färg olika år mot varandra, och placeringen är "
                           "då inte den rangordning Kolada publicerar.",
                           "The values for {municipality} are labelled {this}, which is not a "
                           "year; the other municipalities' are from {others} (the benchmark "
                           "file's latest year). If {this} is not {others}, difference, rank, "
                           "verdict and Kolada colour set different years against each other, "
                           "and the rank is then not the ranking Kolada publishes."),
    "bench_file_other_year": ("Jämförelsefilens värden för {municipality} är från {others}, "
                              "inte {this}, och jämförs därför inte med de beräknade: {kpis}.",
                              "The benchmark file's values for {municipality} are from {others}, "
                              "not {this}, so they are not checked against the computed ones: "
                              "{kpis}."),
    "year_line": ("{year}: {n} kontakter ({channels}); {excluded}",
                  "{year}: {n} contacts ({channels}); {excluded}"),
    "needs_two_years": ("En trend kräver kontakter från två år.",
                        "A trend needs contacts from two years."),
    "average_rows": ("genomsnittsrader (riket, grupper) utelämnade",
                     "average rows (country, groups) left out"),
    "average_row": ("genomsnittsrad (riket eller en grupp) utelämnad",
                    "average row (the country or a group) left out"),
    # g-read (review 7, finding 8): the e-mail rule's sentence, moved out of core.email_rule;
    # "N × 24 timmar", not "24 N timmar" (read as the number 24 N)
    "email_rule_24h": ("E-post besvarad inom N arbetsdagar: inom N × 24 timmar räknat på "
                       "arbetsdagar (hela dygn); helger och helgdagar räknas inte.",
                       "E-mail answered within N working days: within N × 24 hours counted on "
                       "working days (whole days); weekends and public holidays do not count."),
    "email_rule_next-day": ("E-post besvarad inom N arbetsdagar: senast vid slutet av den N:e "
                            "arbetsdagen efter avsändningsdagen.",
                            "E-mail answered within N working days: by the end of the N-th "
                            "working day after the day it was sent."),
    "email_rule_office-hours": ("E-post besvarad inom N arbetsdagar: inom N × {hours} "
                                "kontorstimmar ({window} på arbetsdagar).",
                                "E-mail answered within N working days: within N × {hours} "
                                "office hours ({window} on working days)."),
    # w-meas, session 13 (review 10a findings 2, 5, 6)
    "hours_card_note": ("Timmar på arbetsdagar: varje arbetsdag räknas med hela dygnet (24 "
                        "timmar); helger och helgdagar räknas inte.",
                        "Hours on working days: every working day counts its whole 24 hours; "
                        "weekends and public holidays do not count."),
    "unreached_note_unknown": ("Väntetid i telefon: median över de {n} samtal med väntetid: {r} "
                               "nådde en person enligt nådd-kolumnen och {u} saknar giltigt "
                               "värde där men räknas med eftersom samtalet har en väntetid (det "
                               "kom fram), därför fler än i Telefon: når en person; {k} samtal "
                               "nådde ingen och saknar väntetid.",
                               "Phone queue time: median over the {n} calls with a queue time: "
                               "{r} reached a person by the reached column and {u} have no valid "
                               "value there but count because the call has a queue time (it got "
                               "through), hence more than in Phone: reached a person; {k} calls "
                               "reached no one and have no queue time."),
    # w-wait, session 13 (review 10c finding 1): the trend's note names each year's queue-time
    # basis where a call without a valid reached value counts for its time
    "wait_basis_year": ("{kpi}, {n_col} ({year}): {n} samtal med väntetid; {r} nådde en person "
                        "enligt nådd-kolumnen, {u} utan giltigt värde där räknas med, eftersom "
                        "ett samtal med väntetid har kommit fram.",
                        "{kpi}, {n_col} ({year}): {n} calls with a queue time; {r} reached a "
                        "person by the reached column, {u} with no valid value there also "
                        "counted, as a call with a queue time got through."),
    "wait_basis_reach": ("{kpi} räknar bara giltiga värden.", "{kpi} counts valid values only."),
}  # fmt: skip
