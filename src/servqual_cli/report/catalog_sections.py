"""The report sections' own words, per section (part of the label catalog).

Each table is ``key: (sv, en)`` like those of :mod:`servqual_cli.report.catalog`, which
re-exports them and lists them in :func:`~servqual_cli.report.catalog.catalog` (prefixed
``"<section>."``): one catalog per language for every renderer (issue #9 item 6). They live in
their own module only so that the catalog module stays readable; use them through the catalog.
"""

from __future__ import annotations

from servqual_cli.vocab.contacts import ALL

OVERALL = "Overall"  # servqual_cli.core.survey_trend.OVERALL (not imported: core loads scipy)
Pairs = dict[str, tuple[str, str]]

SERVICE_SURVEY: Pairs = {
    "title": ("Servicemätning, medborgarenkät", "Service measurement, citizen survey"),
    "changes": ("Förändring från föregående år", "Change from the previous year"),
    "trend": ("Trend över alla år", "Trend over all years"),
    "year": ("År", "Year"),
    "channel": ("Kanal", "Channel"),
    "question": ("Fråga", "Question"),
    "n": ("n", "n"),
    "index": ("Index (0–100)", "Index (0–100)"),
    "ci_low": ("95 % KI, nedre", "95 % CI, low"),
    "ci_high": ("95 % KI, övre", "95 % CI, high"),
    "share_4_5": ("Andel 4–5", "Share 4–5"),
    "small_base": ("Litet underlag", "Small base"),
    "years": ("År", "Years"),
    "index_before": ("Före", "Before"),
    "index_after": ("Efter", "After"),
    "diff": ("Förändring", "Change"),
    "p": ("p (Welch)", "p (Welch)"),
    "slope": ("Förändring per år", "Change per year"),
    "verdict": ("Bedömning", "Verdict"),
    "phone": ("telefon", "telephone"),
    "email": ("e-post", "e-mail"),
    "ease": ("Enkelt att få hjälp", "Easy to get help"),
    "treatment": ("Bemötande", "Treatment"),
    "clarity": ("Tydligt svar", "Clear answer"),
    "better": ("bättre", "better"),
    "worse": ("sämre", "worse"),
    "no detectable change": ("ingen påvisbar förändring", "no detectable change"),
    "no detectable trend": ("ingen påvisbar trend", "no detectable trend"),
    "yes": ("ja", "yes"),
    "same": ("i nivå med", "on a par"),
    "bench_title": ("Jämförelse med övriga kommuner", "Against the other municipalities"),
    "others_mean": ("Medel övriga", "Others' mean"),
    "bench_diff": ("Skillnad mot medel", "Diff. from mean"),
    "rank": ("Placering", "Rank"),
    "rank_third": ("Kolada-färg", "Kolada colour"),
    "green": ("grön", "green"),
    "yellow": ("gul", "yellow"),
    "red": ("röd", "red"),
    "of": ("av", "of"),
    "bench_note": (
        "Kommunens index (från dess svar) mot det oviktade medlet av övriga kommuners "
        "publicerade index. Bedömning: bättre/sämre endast när hela kommunens 95 %-intervall "
        "ligger på ena sidan om medlet, annars i nivå med. Färg efter tredjedelar av "
        "rangordningen (Kolada).",
        "This municipality's index (from its answers) against the unweighted mean of the other "
        "municipalities' published indices. Verdict: better/worse only when this "
        "municipality's whole 95% interval lies on one side of the mean, else on a par. Colour by "
        "thirds of the ranking (as Kolada).",
    ),
    "no": ("", ""),
    "note": (
        "Svar 1–5 poängsätts 0, 25, 50, 75, 100 (SKR); index = medelpoäng, t-intervall "
        "begränsat till 0–100. Andel 4–5 med Wilson-intervall. Förändring: Welch t-test. "
        'Litet underlag: n under {min_n}. "Vet ej" räknas inte.',
        "Answers 1–5 scored 0, 25, 50, 75, 100 (SKR); index = mean score, t interval clipped "
        "to 0–100. Share 4–5 with a Wilson interval. Change: Welch's t test. Small base: n "
        'below {min_n}. "Vet ej" (don\'t know) is not counted.',
    ),
}

RELIABILITY: Pairs = {
    "scale": ("Skala", "Scale"),
    "k": ("Antal påståenden", "Items"),
    "alpha": ("Cronbachs α", "Cronbach's α"),
    "alpha_std": ("Standardiserad α", "Standardized α"),
    "average_r": ("Medel-r", "Average r"),
    "omega_total": ("McDonalds ω", "McDonald's ω"),
    "alpha_if_deleted": ("α om borttaget", "α if deleted"),
    "item_rest_r": ("r mot övriga påståenden", "Item-rest r"),
    "mean": ("Medel", "Mean"),
    "sd": ("SD", "SD"),
    "reliability": ("Reliabilitet", "Reliability"),
    "item_statistics": ("Statistik per påstående", "Item statistics"),
    "validity": ("Validitet", "Validity"),
    "score": ("Poäng", "Score"),
    "kmo": ("KMO", "KMO"),
    "bartlett_chi2": ("Bartlett χ²", "Bartlett χ²"),
    "bartlett_p": ("p (Bartlett)", "p (Bartlett)"),
    "cfa_chi2": ("CFA χ²", "CFA χ²"),
    "cfa_df": ("df", "df"),
    "cfi": ("CFI", "CFI"),
    "tli": ("TLI", "TLI"),
    "rmsea": ("RMSEA", "RMSEA"),
    "rmsea_ci": ("RMSEA 90 % KI", "RMSEA 90% CI"),
    "srmr": ("SRMR", "SRMR"),
    "composite_reliability": ("Sammansatt reliabilitet (CR)", "Composite reliability (CR)"),
    "ave": ("AVE", "AVE"),
    "factor": ("Faktor", "Factor"),
    "cr_ave": ("CFA per dimension", "CFA per dimension"),
    "skipped": ("Ej beräknad", "Not computed"),
    "ci_note_feldt": (
        "95 % KI enligt Feldt med det n som faktiskt användes.",
        "95% CI by Feldt's method with the n actually used.",
    ),
    "omega_note_dims": (
        "ω per dimension: ω total, enfaktor-ML, unikhet begränsad till 0,005 som factanal.",
        "ω per dimension: ω total, one-factor ML, uniqueness bounded at 0.005 as factanal.",
    ),
    "omega_note_all": (
        "ω för hela skalan: ω total ur instrumentets k-faktor-CFA (ML, kompletta rader), "
        "som semTools::compRelSEM(return.total = TRUE).",
        "ω of the whole scale: ω total from the instrument's k-factor CFA (ML, complete "
        "rows), as semTools::compRelSEM(return.total = TRUE).",
    ),
    "matrix": ("Korrelationsmatris", "Correlation matrix"),
    "ave_warning": (
        "AVE under 0,5 i CFA för {score} (faktorn förklarar mindre än hälften av påståendenas "
        "varians; svag konvergent validitet enligt Fornell & Larcker 1981): {factors}.",
        "AVE below 0.5 in the CFA of {score} (the factor explains less than half of its items' "
        "variance; weak convergent validity by Fornell & Larcker 1981): {factors}.",
    ),
    "cfa_rows_warning": (
        "CFA för {score} bygger bara på {used} av {n} rader ({share} %), de med svar på alla "
        "påståenden; passningsmåtten gäller de svarande som svarat på allt.",
        "The CFA of {score} rests on only {used} of {n} rows ({share}%), those with answers to "
        "every item; its fit indices describe the respondents who answered everything.",
    ),
    "ci_note_bootstrap": (
        "95 % KI: bootstrap-percentiler (seedade dragningar).",
        "95% CI: bootstrap percentiles (seeded draws).",
    ),
}

MEASUREMENT: Pairs = {
    # KPIs
    "phone_reached": ("Telefon: når en person", "Phone: reached a person"),
    "phone_answered_question": ("Telefon: svar på frågan", "Phone: question answered"),
    "phone_answered_question_partly": ("Telefon: delvis svar", "Phone: partly answered"),
    "phone_wait_seconds_median": ("Telefon: väntetid, median", "Phone: median queue time"),
    "email_within_1_working_day": ("E-post: svar inom 1 arbetsdag",
                                   "E-mail: reply in 1 working day"),
    "email_within_2_working_days": ("E-post: svar inom 2 arbetsdagar",
                                    "E-mail: reply in 2 working days"),
    "email_response_hours_median": ("E-post: svarstid, median", "E-mail: median reply time"),
    "email_answered_question": ("E-post: svar på frågan", "E-mail: question answered"),
    "email_answered_question_partly": ("E-post: delvis svar", "E-mail: partly answered"),
    "answered_question": ("Svar på frågan (alla)", "Question answered (all)"),
    "answered_question_partly": ("Delvis svar (alla)", "Partly answered (all)"),
    "treatment_index": ("Bemötandeindex", "Treatment index"),
    "treatment_good_or_better": ("Gott bemötande (god eller bättre)", "Good or better treatment"),
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
    "equal": ("lika", "equal"),
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
    "relative": ("Jämfört med medel", "Against the mean"),
    "same": ("i nivå med", "on a par"),
    "rank_third": ("Kolada-färg", "Kolada colour"),
    "green": ("grön", "green"),
    "yellow": ("gul", "yellow"),
    "red": ("röd", "red"),
    "verdict_note": ("Bedömning mot medel övriga: bättre/sämre endast när kommunens hela "
                     "95 %-intervall ligger på ena sidan om medlet, annars i nivå med; utan "
                     "intervall efter tredjedelar av rangordningen. Kolada-färg: bästa "
                     "tredjedelen grön, mellersta gul, sämsta röd.",
                     "Verdict against the others' mean: better/worse only when this "
                     "municipality's whole 95% interval lies on one side of the mean, else "
                     "on a par; without an interval by thirds of the ranking. Kolada colour: best "
                     "third green, middle yellow, worst red."),
    "p_welch": ("p (Welch)", "p (Welch)"),
    "p_mann_whitney": ("p (Mann-Whitney)", "p (Mann-Whitney)"),
    "hedges_g": ("Hedges g", "Hedges' g"),
    "hedges_g_low": ("g KI låg", "g CI low"),
    "hedges_g_high": ("g KI hög", "g CI high"),
    "contacts": ("Kontakter", "Contacts"),
    # titles and notes
    "kpi_title": ("Nyckeltal", "KPIs"),
    "area_title": ("Nyckeltal per område", "KPIs per area"),
    "few_answers": ("för få svar", "too few answers"),
    "area_n_note": ("Varje värde med sitt eget n (ett e-postmått bygger bara på områdets e-post, "
                    "Kontakter räknar alla); ”för få svar”: färre än {min_n}, värdet är mycket "
                    "osäkert.",
                    "Each value with its own n (an e-mail measure rests on the area's e-mails "
                    "only; Contacts counts all); “too few answers”: fewer than {min_n}, the value "
                    "is very uncertain."),
    "treatment_title": ("Bemötande", "Treatment (bemötande)"),
    "trend_total": ("Förändring, alla områden", "Change, all areas"),
    "trend_area": ("Förändring per område (försämringar först)",
                   "Change per area (deteriorations first)"),
    "trend_area_none": ("Förändring per område (ingen påvisbar försämring)",
                        "Change per area (no detectable deterioration)"),
    "mdd_title": ("Minsta påvisbara förändring", "Minimum detectable change"),
    "benchmark_title": ("Jämförelse med övriga kommuner", "Against the other municipalities"),
    OVERALL: ("Total SERVQUAL (oviktad)", "Overall SERVQUAL (unweighted)"),
    "survey_title": ("SERVQUAL-gap per dimension", "SERVQUAL gap per dimension"),
    "units_note": ("Andelar och index i procent (0–100), förändringar i procentenheter; väntetid "
                   "i sekunder, e-postens svarstid i arbetstimmar.",
                   "Shares and the index in percent (0–100), changes in percentage points; queue "
                   "time in seconds, e-mail reply time in working hours."),
    "trend_note": ("p: score-test (andelar; Fishers exakta test med --test fisher) eller "
                   "Mann-Whitney (tider, bemötande). Intervall: Mee-score (andelar; Newcombe med "
                   "--test fisher), Bonett-Price (medianer), Welch (index).",
                   "p: score test (shares; Fisher's exact test with --test fisher) or "
                   "Mann-Whitney (times, treatment). Intervals: Mee score (shares; Newcombe with "
                   "--test fisher), Bonett-Price (medians), Welch (index)."),
    "area_note": ("Med 6-7 kontakter per område och kanal syns bara mycket stora förändringar "
                  "(Minsta påvisbara –: ingen förändring når {power} % styrka); bland många "
                  "jämförelser blir ungefär var tjugonde 'förändring' slump.",
                  "With 6-7 contacts per area and channel only very large changes show (MDD –: "
                  "no change, however large, reaches {power}% power); among many comparisons "
                  "about one in twenty 'changes' is chance."),
    "ci_note": ("Intervall: Wilson (andelar), ordningsstatistika (medianer), t-intervall på "
                "logitskalan (bemötandeindex; håller sig inom 0–100).",
                "Intervals: Wilson (shares), order statistics (medians), t interval on the logit "
                "scale (treatment index; stays within 0–100)."),
    "adjust_note": ("{label}: p justerat över alla jämförelser per område (alla nyckeltal och "
                    "kanaler, även de som inte visas här); bedömningen följer det justerade p. "
                    "Totalerna justeras inte.",
                    "{label}: p adjusted over every per-area comparison (all KPIs and channels, "
                    "also those not shown here); the verdict follows the adjusted p. The totals "
                    "are not adjusted."),
    "survey_note": ("Gap = P − E; högre (mindre negativt) är bättre. Oberoende urval: Welchs "
                    "t-test och Mann-Whitney. Hedges g: poolad SD, exakt J, intervall från "
                    "icke-central t (som R effectsize::hedges_g).",
                    "Gap = P − E; higher (less negative) is better. Independent samples: Welch's "
                    "t-test and Mann-Whitney. Hedges' g: pooled SD, exact J, interval from the "
                    "noncentral t (as R effectsize::hedges_g)."),
    "no_mdd": ("ingen förändring av detta nyckeltal kan påvisas med {power} % styrka vid dessa n",
               "no change of this KPI can be detected with {power}% power at these n"),
    "mdd_line": ("{kpi}: en verklig förändring på {value} {unit} upptäcks med {power} % "
                 "sannolikhet; en uppmätt skillnad behöver vara större än ungefär {critical} "
                 "{unit} för att kunna skiljas från slumpen (n = {n1} och {n2})",
                 "{kpi}: a true change of {value} {unit} would be detected with {power}% "
                 "probability; a measured difference must exceed about {critical} {unit} to be "
                 "told from chance (n = {n1} and {n2})"),
    "mdd_intro": ("Vid {power} % styrka och {alpha} % signifikansnivå:",
                  "At {power}% power and {alpha}% significance:"),
    "pp": ("procentenheter", "percentage points"),
    "seconds": ("sekunder", "seconds"),
    "hours": ("arbetstimmar", "working hours"),
    "index_points": ("indexenheter", "index points"),
    "this_from_own": ("Kommunens värden är beräknade från de analyserade kontakterna ({year}); "
                      "jämförelsefilen ger bara de övriga kommunerna.",
                      "This municipality's values are computed from the analysed contacts "
                      "({year}); the benchmark file gives the other municipalities only."),
    "not_ranked": ("Inte rangordnat (kan inte beräknas från de analyserade kontakterna): {kpis}.",
                   "Not ranked (the analysed contacts cannot compute it): {kpis}."),
    "file_value": ("jämförelsefilen: {value}", "benchmark file: {value}"),
    "file_differs": ("Jämförelsefilens värde för {municipality} skiljer sig från det beräknade: "
                     "{kpis}.",
                     "The benchmark file's value for {municipality} differs from the computed "
                     "one: {kpis}."),
    "median_note": ("För medianer gäller intervallet skillnaden mellan medianerna, medan testet "
                    "(Mann-Whitney) prövar om det ena årets tider tenderar att vara kortare; de "
                    "kan peka åt olika håll, och bedömningen följer testet.",
                    "For medians, the interval is for the difference of medians, while the test "
                    "(Mann-Whitney) asks whether one year's times tend to be shorter; they can "
                    "disagree, and the verdict follows the test."),
    "year_line": ("{year}: {n} kontakter ({channels}); {excluded}",
                  "{year}: {n} contacts ({channels}); {excluded}"),
    "needs_two_years": ("En trend kräver kontakter från två år.",
                        "A trend needs contacts from two years."),
    "average_rows": ("genomsnittsrader (riket, grupper) utelämnade",
                     "average rows (country, groups) left out"),
}  # fmt: skip

SERIES: Pairs = {
    "series_title": ("Nyckeltal per år", "KPIs by year"),
    "trend_title": ("Trend över alla år", "Trend over all years"),
    "kpi": ("Nyckeltal", "KPI"),
    "year": ("År", "Year"),
    "n": ("n", "n"),
    "value": ("Värde", "Value"),
    "ci_low": ("95 % KI, nedre", "95 % CI, low"),
    "ci_high": ("95 % KI, övre", "95 % CI, high"),
    "others_mean": ("Medel övriga", "Others' mean"),
    "years": ("År", "Years"),
    "slope": ("Förändring per år", "Change per year"),
    "p": ("p", "p"),
    "test": ("Test", "Test"),
    "verdict": ("Bedömning", "Verdict"),
    "better": ("bättre", "better"),
    "worse": ("sämre", "worse"),
    "no detectable trend": ("ingen påvisbar trend", "no detectable trend"),
    "cochran-armitage": ("Cochran-Armitage", "Cochran-Armitage"),
    "linear": ("linjär regression", "linear regression"),
    "weighted-linear": ("viktad linjär (medianer)", "weighted linear (medians)"),
    "this": ("Kommunen", "This municipality"),
    "chart_note": (
        "Punkter: årets värde med 95 % konfidensintervall; streckat: medel övriga.",
        "Points: the year's value with its 95 % confidence interval; dashed: others' mean.",
    ),
    "share": ("Andel (%)", "Share (%)"),
    "index": ("Index (0–100)", "Index (0–100)"),
    "seconds": ("Sekunder", "Seconds"),
    "hours": ("Arbetstimmar", "Working hours"),
    "note": (
        "Trendtest över alla år: Cochran-Armitage för andelar (R prop.trend.test), linjär "
        "regression av svaren på året för index, inverst variansviktad regression av årets "
        "medianer för tider. Förändring per år i procentenheter (andelar, index) eller sekunder/"
        "timmar. Ett linjärt trendtest ser inte en uppgång som följs av en lika stor nedgång: "
        "läs årens värden.",
        "Trend test over all years: Cochran-Armitage for shares (R prop.trend.test), linear "
        "regression of the answers on the year for the index, inverse-variance weighted "
        "regression of the yearly medians for times. Change per year in percentage points "
        "(shares, index) or seconds/hours. A linear trend test misses a rise followed by an "
        "equal fall: read the yearly values.",
    ),
}

KOLADA: Pairs = {
    "period": ("År", "Year"),
    "value": ("Värde", "Value"),
    "status": ("Status", "Status"),
    "others_mean": ("Medel övriga", "Others' mean"),
    "others_median": ("Median övriga", "Others' median"),
    "diff": ("Skillnad mot medel", "Diff. from mean"),
    "rank": ("Placering", "Rank"),
    "rank_third": ("Kolada-färg", "Kolada colour"),
    "change": ("Förändring sedan föregående år", "Change since previous year"),
    "green": ("grön (bästa tredjedelen)", "green (best third)"),
    "yellow": ("gul (mellersta tredjedelen)", "yellow (middle third)"),
    "red": ("röd (sämsta tredjedelen)", "red (worst third)"),
    "of": ("av", "of"),
}

GROUPS: Pairs = {
    "welch_k": ("grupper (Welch)", "groups (Welch)"),
    "omega2": ("ω² (Welch)", "ω² (Welch)"),
    "kruskal_k": ("grupper (KW)", "groups (KW)"),
    "epsilon2": ("ε² (KW)", "ε² (KW)"),
    "left_out": ("utelämnade", "left out"),
    "posthoc_note": (
        "Games-Howell: p justerat med studentiserade variationsvidden, {conf} KI; "
        "Dunn: p justerat med Holm inom dimensionen.",
        "Games-Howell: p adjusted by the studentized range, {conf} CI; "
        "Dunn: p adjusted by Holm within the dimension.",
    ),
}

SERVPERF: Pairs = {
    "sd": ("SD", "SD"),
    "servperf_dimensions": ("SERVPERF per dimension (medelvärde P)",
                            "SERVPERF by dimension (mean P)"),
    "servperf_items": ("Upplevelse per påstående", "Perception by item"),
    "servperf_overall": ("Total SERVPERF", "Overall SERVPERF"),
    "servperf_note": (
        "Instrumentet saknar förväntan (E): upplevelsen (P) redovisas med konfidensintervall, "
        "utan gap och utan test (SERVPERF, Cronin & Taylor 1992).",
        "The instrument has no expectations (E): perceptions (P) are shown with confidence "
        "intervals, without gaps or tests (SERVPERF, Cronin & Taylor 1992).",
    ),
}  # fmt: skip

TOOLBOX: Pairs = {
    "adequate": ("Lägsta godtagbara (A)", "Adequate (A)"),
    "desired": ("Önskad (D)", "Desired (D)"),
    "perception": ("Upplevd (P)", "Perceived (P)"),
    "msa": ("MSA (P−A)", "MSA (P−A)"),
    "msa_ci_low": ("MSA KI låg", "MSA CI low"),
    "msa_ci_high": ("MSA KI hög", "MSA CI high"),
    "msa_p": ("p (MSA)", "p (MSA)"),
    "mss": ("MSS (P−D)", "MSS (P−D)"),
    "mss_ci_low": ("MSS KI låg", "MSS CI low"),
    "mss_ci_high": ("MSS KI hög", "MSS CI high"),
    "mss_p": ("p (MSS)", "p (MSS)"),
    "zone_width": ("Zonbredd (D−A)", "Zone width (D−A)"),
    "share_below_adequate": ("Andel under A", "Share below A"),
    "share_above_desired": ("Andel över D", "Share above D"),
    "n_inverted": ("D < A", "D < A"),
    "position": ("Läge", "Position"),
    "below": ("under zonen", "below the zone"),
    "inside": ("inom zonen", "inside the zone"),
    "above": ("över zonen", "above the zone"),
    "unclear": ("vid en gräns (kan ej avgöras)", "at a boundary (cannot tell)"),
    "tolerance_dims": ("Toleranszon per dimension", "Zone of tolerance by dimension"),
    "tolerance_items": ("Toleranszon per påstående", "Zone of tolerance by item"),
    "n_customers": ("n medborgare", "n citizens"),
    "n_staff": ("n personal", "n staff"),
    "customers": ("Medborgarnas E", "Citizens' E"),
    "staff": ("Personalens bild", "Staff's estimate"),
    "p_welch": ("p (Welch)", "p (Welch)"),
    "p_mann_whitney": ("p (Mann-Whitney)", "p (Mann-Whitney)"),
    "hedges_g": ("Hedges g", "Hedges' g"),
    "knowledge_dims": ("Kunskapsgapet per dimension", "Knowledge gap by dimension"),
    "reading": ("Tolkning", "Reading"),
    "kg_underestimate": ("personalen underskattar", "staff underestimate"),
    "kg_overestimate": ("personalen överskattar", "staff overestimate"),
    "kg_unclear": ("ingen säker skillnad", "no clear difference"),
    "knowledge_items": ("Kunskapsgapet per påstående", "Knowledge gap by item"),
    "set": ("Frågeset", "Question set"),
    "mean": ("Medel", "Mean"),
    "sd": ("SD", "SD"),
    "median": ("Median", "Median"),
    "q1": ("Q1", "Q1"),
    "q3": ("Q3", "Q3"),
    "top2": ("Topp-2", "Top 2"),
    "top2_ci_low": ("Topp-2 KI låg", "Top 2 CI low"),
    "top2_ci_high": ("Topp-2 KI hög", "Top 2 CI high"),
    "bottom2": ("Botten-2", "Bottom 2"),
    "skewness": ("Skevhet", "Skewness"),
    "item_distributions": ("Svarsfördelning per påstående", "Item distributions"),
    "friedman": ("Vilket gap väger tyngst?", "Which gap matters most?"),
    "friedman_table": ("Friedmans test av dimensionsgapen", "Friedman test of the dimension gaps"),
    "pairs": ("Parvisa jämförelser av dimensionsgap", "Pairwise comparisons of dimension gaps"),
    "a": ("Dimension A", "Dimension A"),
    "b": ("Dimension B", "Dimension B"),
    "statistic": ("χ²", "χ²"),
    "df": ("fg", "df"),
    "p": ("p", "p"),
    "kendall_w": ("Kendalls W", "Kendall's W"),
    "importance": ("Härledd vikt", "Derived importance"),
    "b_coef": ("b", "b"),
    "se": ("SE", "SE"),
    "beta": ("β (standardiserad)", "β (standardized)"),
    "relative_weight": ("Relativ vikt", "Relative weight"),
    "relative_share": ("Andel av R²", "Share of R²"),
    "weighted_estimates": ("Viktade skattningar", "Weighted estimates"),
    "weighted_means": ("Viktade medelvärden", "Weighted means"),
    "unweighted_mean": ("Oviktat medel", "Unweighted mean"),
    "profile_table": ("Svarande efter bakgrund", "Respondents by background"),
    "name": ("Storhet", "Quantity"),
    "n_eff": ("Effektivt n (Kish)", "Effective n (Kish)"),
    "profile": ("Svarandeprofil", "Respondent profile"),
    "variable": ("Variabel", "Variable"),
    "value": ("Värde", "Value"),
    "share": ("Andel", "Share"),
    "weighted_share": ("Viktad andel", "Weighted share"),
    "zot_chart": ("Toleranszon per dimension", "Zone of tolerance by dimension"),
    "likert_chart": ("Svarsfördelning", "Answer distribution"),
}

RELIABILITY_SHEETS: Pairs = {
    "rel": ("Reliabilitet", "Reliability"),
    "items": ("Påståendestatistik", "Item statistics"),  # not "Påståenden" (the gap sheet)
    "validity": ("Validitet", "Validity"),
    "cfa": ("CFA per dimension", "CFA per dimension"),
}
