"""The label catalog: every word a reader sees, in Swedish and English, for every renderer.

One module holds the labels of all renderers (terminal tables, Markdown, Excel, charts, HTML):
:data:`SHARED` (table columns and exclusion reasons, used by every command), :data:`REPORT`
(headings, explanations and method notes of ``servqual report``), :data:`SERVICE` (KPI and
feedback sections), :data:`GLANCE` (the overview "Resultat i korthet") and
:data:`DIMENSIONS` (the built-in SERVQUAL dimensions). Every entry is ``key: (sv, en)``; code and
JSON keys stay English. Numbers are formatted by :mod:`servqual_cli.report.numbers`.

Lookups fall back to :data:`SHARED`, then return the key unchanged, so a user's own names
(groups, KPI names) pass through.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from servqual_cli.report.catalog_sections import (
    GROUPS,
    KOLADA,
    MEASUREMENT,
    RELIABILITY,
    RELIABILITY_SHEETS,
    SERIES,
    SERVICE_SURVEY,
    SERVPERF,
    TOOLBOX,
)
from servqual_cli.report.chart_words import CHART

Pairs = Mapping[str, tuple[str, str]]

SHARED: dict[str, tuple[str, str]] = {
    # key: (sv, en)
    "dimension": ("Dimension", "Dimension"),
    "item": ("Påstående", "Item"),
    "statement": ("Formulering", "Statement"),
    "n": ("n", "n"),
    "expectation": ("Förväntan (E)", "Expectation (E)"),
    "perception": ("Upplevelse (P)", "Perception (P)"),
    "gap": ("Gap (P−E)", "Gap (P−E)"),
    "gap_sd": ("SD gap", "SD gap"),
    "ci": ("95 % KI", "95% CI"),
    "ci_low": ("KI låg", "CI low"),
    "ci_high": ("KI hög", "CI high"),
    "t": ("t", "t"),
    "p_t": ("p (t)", "p (t)"),
    "p_wilcoxon": ("p (Wilcoxon)", "p (Wilcoxon)"),
    "p_holm": ("p (Holm)", "p (Holm)"),
    "dz": ("Cohens dz", "Cohen's dz"),
    "servperf": ("SERVPERF (medel P)", "SERVPERF (mean P)"),
    "base_note": (
        "Förväntan, upplevelse och gap bygger på de svarande som har både E och P (kolumnen n); "
        "SERVPERF (medel P) på alla som svarat på upplevelsen (n: {counts}), därför kan de två "
        "medelvärdena av P skilja sig något.",
        "Expectation, perception and gap rest on the respondents with both E and P (the n "
        "column); SERVPERF (mean P) on everyone who answered the perception items (n: {counts}), "
        "so the two means of P can differ slightly.",
    ),
    "group": ("Grupp", "Group"),
    "dimension_gaps": ("Gap per dimension", "Dimension gaps"),
    "item_gaps": ("Gap per påstående", "Item gaps"),
    "overall": ("Total SERVQUAL", "Overall SERVQUAL"),
    "unweighted": ("Oviktad", "Unweighted"),
    "weighted": ("Viktad efter viktighet", "Importance-weighted"),
    "score": ("Värde", "Score"),
    "excluded": ("Uteslutna celler", "Excluded cells"),
    "group_tests": ("Skillnader mellan grupper", "Differences between groups"),
    "welch_p": ("p (Welch ANOVA)", "p (Welch ANOVA)"),
    "kruskal_p": ("p (Kruskal-Wallis)", "p (Kruskal-Wallis)"),
    "negative_note": (
        "Negativt gap = upplevelsen når inte upp till förväntan.",
        "Negative gap = perception falls short of expectation.",
    ),
    "posthoc": ("Parvisa jämförelser (Games-Howell)", "Pairwise comparisons (Games-Howell)"),
    "group_a": ("Grupp A", "Group A"),
    "group_b": ("Grupp B", "Group B"),
    "diff": ("Skillnad", "Difference"),
    "p_adj": ("p (justerat)", "p (adjusted)"),
    "p_dunn": ("p (Dunn, Holm)", "p (Dunn, Holm)"),
    "respondents": ("Svarande", "Respondents"),
    "no_weights": ("inga vikter i filen", "no weights in the file"),
    "weight_excluded": ("utan giltiga vikter", "without valid weights"),
    "without_group": ("utan grupp", "without a group"),
    # exclusion reasons
    "blank": ("tomma", "blank"),
    "dont_know": ("vet ej", "don't know"),
    "not_available": ("NA", "NA"),
    "missing_token": ("angivet saknat värde", "declared missing"),
    "out_of_range": ("utanför skalan", "out of range"),
    "unparseable": ("ogiltigt värde", "not a valid value"),
    "duplicate": ("dubbletter", "duplicates"),
    "end_before_start": ("slut före start", "end before start"),
    "invalid_date": ("ogiltigt datum", "not a date"),
    "invalid_weight": ("ogiltig vikt", "invalid weight"),
    "excel_error": ("felvärde i kalkylbladet (#N/A, #DIVISION/0! …)", "spreadsheet error value"),
}


REPORT: dict[str, tuple[str, str]] = {
    # document and section headings
    "default_title": ("Rapport om servicekvalitet", "Service quality report"),
    "summary": ("Sammanfattning", "Summary"),
    "servqual": ("SERVQUAL: förväntan och upplevelse", "SERVQUAL: expectations and perceptions"),
    "groups": ("Jämförelse mellan grupper", "Comparison between groups"),
    "method": ("Metod", "Method"),
    "charts_sheet": ("Diagram", "Charts"),
    "organisation": ("Organisation", "Organisation"),
    "period": ("Period", "Period"),
    "source": ("Underlag", "Source"),
    "group_report": ("Delrapport", "Report for"),
    "index_title": ("Rapporter per grupp", "Reports by group"),
    "index_intro": (
        "En rapport per värde i kolumnen {by}. Varje mapp innehåller report.md, report.xlsx, "
        "manifest.json och diagrammen.",
        "One report per value of the column {by}. Each folder holds report.md, report.xlsx, "
        "manifest.json and the charts.",
    ),
    "respondents_n": ("Svarande", "Respondents"),
    "index_dims_short": ("Dimensioner under förväntan", "Dimensions below expectations"),
    "index_note": (
        "SERVQUAL totalt: upplevelse minus förväntan (gap) över alla påståenden; under noll "
        "betyder att servicen inte når upp till förväntan. ”Ej uppfyllt” när hela "
        "konfidensintervallet ligger under noll, ”kan ej avgöras” när det omfattar noll. "
        "Dimensioner under förväntan: hur många av dimensionerna vars intervall ligger helt "
        "under noll. Grupper med färre än {min_n} svar bedöms inte.",
        "SERVQUAL overall: perception minus expectation (gap) over all statements; below zero "
        'means the service falls short of expectations. "Not met" when the whole confidence '
        'interval is below zero, "cannot tell" when it includes zero. Dimensions below '
        "expectations: how many dimensions have an interval wholly below zero. Groups with "
        "fewer than {min_n} answers are not judged.",
    ),
    # summary
    "weight_cells": ("Uteslutna viktceller: {cells}", "Excluded weight cells: {cells}"),
    "summary_intro": (
        "Rapporten bygger på {n} svarande i {file}. {excluded}.",
        "The report is based on {n} respondents in {file}. {excluded}.",
    ),
    "summary_group": (
        "Svarande där {by} = {group}.",
        "Respondents with {by} = {group}.",
    ),
    "summary_overall": (
        "Total SERVQUAL är {unweighted} (oviktad){weighted}; negativt betyder att upplevelsen "
        "inte når upp till förväntan.",
        "Overall SERVQUAL is {unweighted} (unweighted){weighted}; negative means that perceptions "
        "fall short of expectations.",
    ),
    "summary_weighted": (" och {weighted} viktad efter viktighet", " and {weighted} weighted"),
    "largest_gaps": ("De tre största negativa gapen", "The three largest negative gaps"),
    "largest_gaps_none": (
        "Inget påstående har ett negativt gap.",
        "No item has a negative gap.",
    ),
    # figures
    "fig_dimensions": (
        "Förväntan och upplevelse per dimension",
        "Expectation and perception by dimension",
    ),
    "fig_dimensions_caption": (
        "Staplar: medelvärde för förväntan (E) och upplevelse (P). Punkter: gapet P − E med "
        "95 % konfidensintervall.",
        "Bars: mean expectation (E) and perception (P). Points: the gap P − E with its 95% "
        "confidence interval.",
    ),
    "fig_items": ("Gap per påstående, sorterat", "Item gaps, sorted"),
    "fig_items_caption": (
        "Påståendena sorterade från största negativa gap; linjerna visar 95 % konfidensintervall.",
        "Items sorted from the largest negative gap; the lines show 95% confidence intervals.",
    ),
    "fig_heatmap": ("Gap per dimension och grupp", "Dimension gaps by group"),
    "fig_heatmap_caption": (
        "Medelgap P − E per grupp ({by}) och dimension; mörkare orange är större negativt gap.",
        "Mean gap P − E per group ({by}) and dimension; darker orange is a larger negative gap.",
    ),
    "fig_ipa": ("Viktighet och upplevelse (IPA)", "Importance-performance analysis (IPA)"),
    "fig_ipa_caption": (
        "Viktighet = medelpoäng av 100 fördelade på dimensionerna; upplevelse = medel P. "
        "Hårkorset ligger vid {crosshair}.",
        "Importance = mean points of 100 split over the dimensions; performance = mean P. "
        "The crosshairs are at {crosshair}.",
    ),
    "crosshair_mean": ("medelvärdena", "the means"),
    "crosshair_midpoint": (
        "skalans mittpunkt och lika fördelade poäng",
        "the scale midpoint and an equal split of the points",
    ),
    "axis_mean": ("Medelvärde", "Mean"),
    "axis_gap_ci": ("Gap P − E (95 % KI)", "Gap P − E (95% CI)"),
    "importance": ("Viktighet (poäng av 100)", "Importance (points of 100)"),
    "performance": ("Upplevelse (medel P)", "Performance (mean P)"),
    "quadrant": ("Kvadrant", "Quadrant"),
    "ipa_table": ("Viktighet och upplevelse per dimension", "Importance and performance"),
    "n_weights": ("n (vikter)", "n (weights)"),
    "concentrate": ("Koncentrera insatserna här", "Concentrate here"),
    "keep_up": ("Fortsätt det goda arbetet", "Keep up the good work"),
    "low_priority": ("Låg prioritet", "Low priority"),
    "overkill": ("Möjlig överprestation", "Possible overkill"),
    "ipa_uncertain": ("{quadrant} (osäker)", "{quadrant} (uncertain)"),
    "ipa_note": (
        "IPA ställer viktigheten mot upplevelsen (P), inte mot förväntan: en dimension kan "
        "hamna i ”möjlig överprestation” fast dess gap är negativt. ”Osäker”: dimensionens "
        "95 % t-intervall för viktighet eller upplevelse omfattar gränsen, så kvadranten kan "
        "inte avgöras.",
        "IPA sets importance against perception (P), not against expectations: a dimension can "
        "be “possible overkill” although its gap is negative. “Uncertain”: the dimension's 95% "
        "t interval of importance or perception includes the boundary, so its quadrant cannot "
        "be told.",
    ),
    # method notes
    "method_definitions": ("Definitioner", "Definitions"),
    "method_definitions_text": (
        "Varje påstående besvaras två gånger: förväntan (E) och upplevelse (P) på skalan "
        "{lo:g}–{hi:g}. Gap = P − E per svarande; negativt gap betyder att servicen inte når upp "
        "till förväntan. En dimensions gap för en svarande är medelvärdet av påståendenas gap. "
        "Oviktad SERVQUAL är medelvärdet av dimensionernas gap; viktad SERVQUAL väger "
        "dimensionerna med svarandens fördelning av 100 viktighetspoäng. SERVPERF är medelvärdet "
        "av upplevelsen (P). Instrument: {instrument} med dimensionerna {dimensions}.",
        "Each item is answered twice: expectation (E) and perception (P) on the scale "
        "{lo:g}–{hi:g}. Gap = P − E per respondent; a negative gap means the service falls short "
        "of expectations. A respondent's dimension gap is the mean of its item gaps. Unweighted "
        "SERVQUAL is the mean of the dimension gaps; weighted SERVQUAL weights the dimensions by "
        "the respondent's split of 100 importance points. SERVPERF is the mean perception (P). "
        "Instrument: {instrument} with the dimensions {dimensions}.",
    ),
    "method_tests": ("Statistiska test", "Statistical tests"),
    "method_tests_text": (
        "Gapen prövas med t-test för parade observationer och Wilcoxons teckenrangtest (nollor "
        "uteslutna; under 50 par med skild förväntan och upplevelse ett exakt villkorligt p över "
        "alla teckenmönster, även med ties, som coin::wilcoxsign_test; annars "
        "normalapproximation med kontinuitets- och tieskorrektion som R:s wilcox.test). "
        "Tabellernas not säger vilket som användes. p-värdena justeras med Holms metod, separat "
        "över dimensioner och över påståenden. Effektstorlek: Cohens dz. Konfidensintervallen är "
        "{conf} t-intervall. Skillnader mellan grupper: Welchs ANOVA och Kruskal-Wallis, "
        "parvis Games-Howell och Dunn (Holm).",
        "Gaps are tested with the paired t-test and the Wilcoxon signed-rank test (zeros "
        "dropped; below 50 pairs whose expectation and perception differ an exact conditional p "
        "over all sign patterns, ties included, as coin::wilcoxsign_test; otherwise the normal "
        "approximation with continuity and tie correction as R's wilcox.test). The tables' note "
        "says which was used. p-values are Holm-adjusted, separately across "
        "dimensions and across items. Effect size: Cohen's dz. Confidence intervals are {conf} "
        "t intervals. Differences between groups: Welch's ANOVA and Kruskal-Wallis, pairwise "
        "Games-Howell and Dunn (Holm).",
    ),
    "method_missing": ("Saknade värden", "Missing data"),
    "method_missing_text": (
        "Tomma celler, ”Vet ej” och liknande svar räknas som saknade; värden utanför skalan och "
        "text som inte är ett skalsteg utesluts och räknas (se sammanfattningen). En svarandes "
        "dimensionsvärde kräver att minst hälften av dimensionens påståenden (avrundat uppåt) "
        "har både E och P. Total SERVQUAL räknas för svarande med alla dimensioner giltiga; den "
        "viktade dessutom bara med giltiga vikter (inga saknade eller negativa, summa över noll).",
        'Blank cells, "Vet ej" (don\'t know) and similar answers are missing; values outside '
        "the scale and text that is not a scale point are excluded and counted (see the "
        "summary). A respondent's dimension score needs at least half of the dimension's items "
        "(rounded up) with both E and P. Overall SERVQUAL uses respondents with every dimension "
        "valid; the weighted score also needs valid weights (none missing or negative, sum above "
        "zero).",
    ),
    "method_ipa": ("Viktighet och upplevelse (IPA)", "Importance-performance analysis"),
    "method_ipa_text": (
        "Varje dimension placeras efter medelviktighet (vikterna) och medelupplevelse (P) i fyra "
        "kvadranter enligt Martilla och James (1977): koncentrera insatserna här (viktig, låg "
        "upplevelse), fortsätt det goda arbetet, låg prioritet och möjlig överprestation. "
        "Gränserna ligger vid {crosshair}. IPA ställer viktigheten mot upplevelsen (P), inte mot "
        "förväntan: en dimension kan hamna i ”möjlig överprestation” fast dess gap är negativt "
        "(upplevelsen når inte upp till förväntan). En placering märkt ”osäker” kan inte "
        "avgöras: dimensionens 95 % t-intervall för viktighet eller upplevelse omfattar "
        "gränsen (som här behandlas som fast).",
        "Each dimension is placed by mean importance (the weights) and mean perception (P) in the "
        "four quadrants of Martilla and James (1977): concentrate here (important, low "
        "performance), keep up the good work, low priority and possible overkill. The "
        "boundaries are at {crosshair}. IPA sets importance against perception (P), not "
        "against expectations: a dimension can be “possible overkill” although its gap is "
        "negative (perceptions fall short of expectations). A placement marked “uncertain” "
        "cannot be told: the dimension's 95% t interval of importance or perception includes "
        "the boundary (taken here as fixed).",
    ),
    "method_cite": ("Hur rapporten citeras", "How to cite"),
    "method_cite_text": (
        "Skapad med servqual-cli {version}. Kommandot, indatafilernas SHA-256 och "
        "programversionerna finns i manifest.json bredvid rapporten, så att rapporten kan "
        "återskapas. Citera som: servqual-cli {version}, verktyg för analys av servicekvalitet "
        "(SERVQUAL, servicemätning, nyckeltal). Referenser: Parasuraman, Zeithaml & Berry (1988), "
        "Journal of Retailing 64(1), 12–40; Parasuraman, Berry & Zeithaml (1991), Journal of "
        "Retailing 67(4), 420–450; Cronin & Taylor (1992), Journal of Marketing 56(3); "
        "Martilla & James (1977), Journal of Marketing 41(1).",
        "Made with servqual-cli {version}. The command, the SHA-256 of every input file and the "
        "software versions are in manifest.json beside the report, so it can be reproduced. "
        "Cite as: servqual-cli {version}, a toolkit for service quality analysis (SERVQUAL, "
        "service measurement, KPIs). References: Parasuraman, Zeithaml & Berry (1988), Journal "
        "of Retailing 64(1), 12–40; Parasuraman, Berry & Zeithaml (1991), Journal of Retailing "
        "67(4), 420–450; Cronin & Taylor (1992), Journal of Marketing 56(3); Martilla & James "
        "(1977), Journal of Marketing 41(1).",
    ),
    # reliability, test contacts, KPIs and feedback (report/parts.py)
    "reliability": ("Reliabilitet och validitet", "Reliability and validity"),
    "whole_scale": ("hela skalan", "whole scale"),
    "reliability_glance": (
        "Reliabilitet i korthet: Cronbachs α för upplevelsen (P): {alphas}. Varningar: "
        "{warnings} (se avsnittet Reliabilitet och validitet).",
        "Reliability at a glance: Cronbach's α of the perceptions (P): {alphas}. Warnings: "
        "{warnings} (see Reliability and validity).",
    ),
    "reliability_method": (
        "Cronbachs α med parvis borttagning (som R:s psych) och 95 % KI enligt Feldt med det n "
        "som faktiskt användes; item-rest-korrelation och α om påståendet tas bort; McDonalds ω "
        "(en faktor per dimension). Validitet: KMO, Bartletts test och konfirmatorisk "
        "faktoranalys av dimensionerna (CFI, TLI, RMSEA, SRMR, CR, AVE). Ett negativt "
        "item-rest-r ger en varning (ett omvänt påstående som inte vänts?).",
        "Cronbach's α with pairwise deletion (as R's psych) and a 95% CI by Feldt's method with "
        "the n actually used; item-rest correlations and α if the item is deleted; McDonald's ω "
        "(one factor per dimension). Validity: KMO, Bartlett's test and a confirmatory factor "
        "analysis of the dimensions (CFI, TLI, RMSEA, SRMR, CR, AVE). A negative item-rest r "
        "raises a warning (a reversed item not declared?).",
    ),
    "measurement": ("Servicemätning: telefon och e-post", "Service measurement: phone and e-mail"),
    "measurement_intro": (
        "Testkontakter till {municipality}, år {years}: andelar och index i procent.",
        "Test contacts to {municipality}, years {years}: shares and indexes in percent.",
    ),
    "measurement_charts": ("Nyckeltal per område och år", "KPIs by area and year"),
    "changed_contacts": (
        "Servicemätning: förändringar {before} → {after} som går att skilja från slumpen",
        "Service measurement: changes {before} → {after} that can be told from chance",
    ),
    "no_significant_change": (
        "Servicemätning: ingen förändring {before} → {after} går att skilja från slumpen.",
        "Service measurement: no change {before} → {after} can be told from chance.",
    ),
    "service": (
        "Nyckeltal, servicedeklarationer och synpunkter",
        "KPIs, service declarations and feedback",
    ),
    "feedback": ("Synpunktshantering", "Feedback register"),
    "service_method": (
        "Nyckeltalen följer kommunens fyra aspekter (nåbarhet, väntetid, genomförandetid, "
        "resultat). Andelar har Wilson-intervall; förändring mot föregående period prövas med "
        "Fishers exakta test (andelar) eller Mann-Whitney (tider). Synpunkter utan "
        "kontaktuppgifter räknas men ingår inte i svarstiderna.",
        "The KPIs follow the municipality's four aspects (reachability, waiting time, lead "
        "time, result). Shares have Wilson intervals; the change against the previous period is "
        "tested with Fisher's exact test (shares) or Mann-Whitney (times). Anonymous feedback "
        "is counted but not in the reply times.",
    ),
    "changed_kpis": ("Nyckeltal som förändrats (p < 0,05)", "KPIs that changed (p < 0.05)"),
    "no_significant_kpi": (
        "Inget nyckeltal har förändrats mer än slumpen mot föregående period.",
        "No KPI changed beyond chance against the previous period.",
    ),
    "kpi": ("Nyckeltal", "KPI"),
    "before": ("Före", "Before"),
    "after": ("Efter", "After"),
    "direction": ("Riktning", "Direction"),
    "better": ("bättre", "better"),
    "worse": ("sämre", "worse"),
    "changed": ("förändrat", "changed"),
    "heading": ("Rubrik", "Heading"),
    "text": ("Text", "Text"),
    "warning": ("Varning", "Warning"),
}


SERVICE: dict[str, tuple[str, str]] = {
    # key: (sv, en)
    "nåbarhet": ("Nåbarhet", "Reachability"),
    "väntetid": ("Väntetid", "Waiting time"),
    "genomförandetid": ("Genomförandetid", "Lead time"),
    "resultat": ("Resultat", "Result"),
    "kpi": ("Nyckeltal", "KPI"),
    "klagomål": ("klagomål", "complaint"),
    "synpunkt": ("synpunkt", "comment"),
    "förslag": ("förslag", "suggestion"),
    "fråga": ("fråga", "question"),
    "beröm": ("beröm", "praise"),
    "value": ("Värde", "Value"),
    "ci": ("95 % KI", "95% CI"),
    "goal": ("Mål / norm", "Target / norm"),
    "verdict": ("Bedömning", "Verdict"),
    "below_goal": ("Grupper under mål / norm", "Groups below target / norm"),
    "all_groups": ("alla {n} grupper", "all {n} groups"),
    "and_more": ("och {n} till", "and {n} more"),
    "change": ("Förändring", "Change"),
    "met": ("uppfyllt", "met"),
    "not met": ("ej uppfyllt", "not met"),
    "cannot tell": ("kan ej avgöras", "cannot tell"),
    "target_word": ("mål", "target"),
    "norm_word": ("norm", "norm"),
    "days": ("dagar", "days"),
    "working days": ("arbetsdagar", "working days"),
    "hours": ("timmar", "hours"),
    "working hours": ("arbetstimmar", "working hours"),
    "weeks": ("veckor", "weeks"),
    "seconds": ("s", "s"),
    "unit_word": ("Enhet", "Unit"),
    "group": ("Grupp", "Group"),
    "type": ("Typ", "Type"),
    "unit": ("Förvaltning", "Unit"),
    "channel": ("Kanal", "Channel"),
    "period": ("Period", "Period"),
    "n": ("Antal", "n"),
    "share": ("Andel", "Share"),
    "total": ("Totalt", "Total"),
    "all": ("alla", "all"),
    "counts": ("Inkomna synpunkter", "Feedback received"),
    "reply": ("Svar (endast med kontaktuppgifter)", "Replies (contact details given only)"),
    "n_with_contact": ("Med kontaktuppgifter", "With contact details"),
    "n_answered": ("Besvarade", "Answered"),
    "median_days": ("Median dagar", "Median days"),
    "p90_days": ("90:e percentil dagar", "90th percentile days"),
    "within_promise": ("Inom löftet", "Within promise"),
    "n_decided": ("Avgjorda", "Decided"),
    "within_promise_share": ("Andel inom löftet", "Share within promise"),
    "ci_low": ("KI låg", "CI low"),
    "ci_high": ("KI hög", "CI high"),
    "backlog": ("Balans: öppna ärenden äldre än löftet", "Backlog: open items older than promise"),
    "n_open": ("Öppna", "Open"),
    "n_open_overdue": ("Öppna, äldre än löftet", "Open, older than promise"),
    "trend": ("Jämfört med föregående tolv månader", "Against the previous twelve months"),
    "level": ("Nivå", "Level"),
    "key": ("Grupp", "Group"),
    "previous_value": ("Föregående", "Previous"),
    "current_value": ("Senaste", "Latest"),
    "estimate": ("Kvot / skillnad", "Ratio / difference"),
    "p": ("p", "p"),
    "p_holm": ("p (Holm)", "p (Holm)"),
    "reply_within_promise": ("Andel besvarade inom löftet", "Share answered within promise"),
    "median_days_to_reply": ("Median dagar till svar", "Median days to reply"),
    "count": ("Antal", "Count"),
    "anonymous_note": (
        "anonyma synpunkter räknas men ingår aldrig i svarsuppgifterna",
        "anonymous items are counted but never in the reply figures",
    ),
    "as_of": ("per", "as of"),
    "promise": ("löfte", "promise"),
    "start_after_as_of": ("start efter datumet", "start after the as-of date"),
    "reply_short": ("Svar", "Reply"),
    "trend_note": (
        "Antal: kvot av dagstakt med exakt Poissontest; andel inom löftet: skillnad i "
        "procentenheter, Fishers exakta test; median: Mann-Whitney. p (Holm) justerar inom typer "
        "och inom förvaltningar.",
        "Counts: ratio of daily rates, exact Poisson test; share within promise: difference in "
        "percentage points, Fisher's exact test; median: Mann-Whitney. p (Holm) adjusts within "
        "types and within units.",
    ),
    "reply_total": ("Svar, alla förvaltningar", "Replies, all units"),
    "period_not_in_data": (
        "perioden framgår inte av data (ingen datumkolumn): alla rader i filen",
        "the period is not in the data (no date column): all rows of the file",
    ),
    "period_from_contacts": (
        "period {period}: samma datafil som servicemätningen {period} i rapporten (ingen "
        "datumkolumn)",
        "period {period}: the same data file as the report's service measurement {period} (no "
        "date column)",
    ),
    "pooled_span": ("{span}, alla perioder tillsammans", "{span}, all periods pooled"),
    "backlog_unit": ("Balans per förvaltning", "Backlog by unit"),
    "no_contact_items": (
        "Inga synpunkter med kontaktuppgifter: inga svarstider per förvaltning.",
        "No items with contact details: no reply times by unit.",
    ),
    "trend_counts": ("Antal synpunkter", "Number of items"),
    "trend_reply": ("Svar", "Replies"),
    "measure": ("Mått", "Measure"),
    "ratio": ("Kvot", "Ratio"),
    "difference": ("Skillnad", "Difference"),
    # Excel sheet names (at most 31 characters)
    "sheet_type": ("Synpunkter per typ", "Feedback by type"),
    "sheet_unit": ("Synpunkter per förvaltning", "Feedback by unit"),
    "sheet_channel": ("Synpunkter per kanal", "Feedback by channel"),
    "sheet_period": ("Synpunkter per period", "Feedback by period"),
    "sheet_reply": ("Svar", "Replies"),
    "sheet_reply_unit": ("Svar per förvaltning", "Replies by unit"),
    "sheet_backlog": ("Balans", "Backlog"),
    "sheet_trend": ("Synpunkter, trend", "Feedback trend"),
    "sheet_reply_trend": ("Svar, trend", "Replies trend"),
    "pooled_note": (
        "värde och bedömning gäller {period}; alla perioder tillsammans ({periods}): {value}, "
        "n = {n}",
        "value and verdict are for {period}; all periods pooled ({periods}): {value}, n = {n}",
    ),
    "undecided": (
        "öppna ärenden ännu inom gränsen ingår inte",
        "open cases still inside the limit are not counted",
    ),
}


# The built-in SERVQUAL dimensions (PZB 1988/1991) in Swedish. Swedish theses vary:
# Lundström & Isberg (2010, Umeå universitet, "Tjänstekvalitet i bostadsföretag") write
# "tillförlitlighet, respons, garanti, empati och materiella ting"; other sources
# "tillförlitlighet, responsivitet, säkerhet, empati och materiella aspekter". We keep
# "Tillförlitlighet" and "Empati", which the sources share, and for the other three use the
# plain words of issue #9 a board reads without a glossary: "Fysisk miljö" (what the reader
# sees: premises, equipment, material), "Lyhördhet" (willingness to help, prompt service) and
# "Trygghet" (competence and courtesy that inspire trust).
DIMENSIONS: dict[str, tuple[str, str]] = {
    "Tangibles": ("Fysisk miljö", "Tangibles"),
    "Reliability": ("Tillförlitlighet", "Reliability"),
    "Responsiveness": ("Lyhördhet", "Responsiveness"),
    "Assurance": ("Trygghet", "Assurance"),
    "Empathy": ("Empati", "Empathy"),
}

GLANCE: dict[str, tuple[str, str]] = {
    "glance_title": ("Resultat i korthet", "Results at a glance"),
    "g_measure": ("Mått", "Measure"),
    "g_this_period": ("Senaste period", "This period"),
    "g_previous_period": ("Föregående period", "Previous period"),
    "g_change": ("Förändring", "Change"),
    "g_change_verdict": ("Förändringen", "The change"),
    "g_goal": ("Mål / norm", "Target / norm"),
    "g_goal_verdict": ("Mot mål / norm", "Against target / norm"),
    "g_others_mean": ("Övrigas medel", "Others' mean"),
    "g_rank": ("Placering", "Rank"),
    "g_benchmark_verdict": ("Mot övriga", "Against others"),
    "g_n": ("Antal (n)", "Number (n)"),  # answers, contacts or cases
    "g_better": ("bättre", "better"),
    "g_worse": ("sämre", "worse"),
    "g_no_change": ("ingen säker förändring", "no clear change"),
    "g_met": ("uppfyllt", "met"),
    "g_not_met": ("ej uppfyllt", "not met"),
    "g_cannot_tell": ("kan ej avgöras", "cannot tell"),
    "g_same": ("i nivå med", "on a par"),
    "g_too_few": ("för få svar", "too few answers"),
    "g_small_base": ("Underlag", "Base"),
    "too_few_note": (
        "”För få svar”: värdet bygger på färre än {min_n} svar och visas inte, och inget "
        "omdöme ges.",
        "“Too few answers”: the value rests on fewer than {min_n} answers; it is not shown and "
        "not judged.",
    ),
    "p_too_few": (
        "För få svar (färre än {min_n}) för att bedöma {items}.",
        "Too few answers (fewer than {min_n}) to judge {items}.",
    ),
    "whole_org": ("Hela kommunen", "Whole municipality"),
    "whole_note": (
        "Kolumnen ”{whole}” visar samma mått för alla svarande; KPI:er och testkontakter "
        "gäller alltid hela kommunen.",
        'The column "{whole}" shows the same measure for all respondents; KPIs and test '
        "contacts always cover the whole municipality.",
    ),
    "data_until": ("Data t.o.m.", "Data up to"),
    "g_rank_of": ("{rank} av {n}", "{rank} of {n}"),
    "overall_gap": ("SERVQUAL totalt (gap)", "SERVQUAL overall (gap)"),
    "dimension_gap": ("{dimension} (gap)", "{dimension} (gap)"),
    "norm_zero": ("förväntan (gap 0)", "expectations (gap 0)"),
    # the overview's note, one sentence per rule, each only when a row uses it
    "glance_note": (
        "Ordning: först ej uppfyllda mål, försämringar och resultat under övrigas medel, sedan "
        "det som inte kan avgöras och sist det som går bra; inom varje grupp i rapportens "
        "ordning.",
        "Order: first unmet targets, deteriorations and results below the others' mean, then "
        "what cannot be told and last what goes well; within each group in the report's order.",
    ),
    "glance_note_change": (
        "En förändring räknas som bättre eller sämre bara när den går att skilja från slumpen "
        "(p < 0,05).",
        "A change counts as better or worse only when the data can tell it from chance (p < 0.05).",
    ),
    "glance_note_benchmark": (
        "Jämförelsen med övriga kommuner bygger på kommunens konfidensintervall mot övrigas "
        "medel (där intervall saknas: placering i tredjedelar, se metoden).",
        "The comparison with the other municipalities uses this municipality's confidence "
        "interval against the others' mean (without an interval: rank thirds, see the method).",
    ),
    "glance_note_gap": (
        "Gap = upplevelse minus förväntan på skalan; under noll betyder att servicen inte når "
        "upp till förväntan.",
        "Gap = perception minus expectation on the scale; below zero means the service falls "
        "short of expectations.",
    ),
    "glance_note_groups": (
        "En grupp nämns bara när dess eget värde skiljer sig från målet eller förväntan (dess "
        "eget konfidensintervall eller Holm-justerade test); grupperna rangordnas inte mot "
        "varandra.",
        "A group is named only when its own value differs from the target or expectations (its "
        "own confidence interval or Holm-adjusted test); the groups are not ranked against each "
        "other.",
    ),
    # the plain-language paragraph
    "p_not_met": (
        "Målet nås inte för {items}.",
        "The target is not met for {items}.",
    ),
    "p_worse": (
        "Sämre än föregående period: {items}.",
        "Worse than the previous period: {items}.",
    ),
    "p_below": (
        "Under övriga kommuners medel: {items}.",
        "Below the other municipalities' mean: {items}.",
    ),
    "p_gap": (
        "Invånarnas upplevelse når inte upp till förväntan för {items}; störst är "
        "gapet för {worst}.",
        "Residents' perceptions fall short of their expectations for {items}; the gap is "
        "largest for {worst}.",
    ),
    "p_gap_where": (
        "Störst är gapet inom {groups}.",
        "The gap is largest in {groups}.",
    ),
    "p_met": ("Målet nås för {items}.", "The target is met for {items}."),
    "p_better": (
        "Bättre än föregående period: {items}.",
        "Better than the previous period: {items}.",
    ),
    "p_nothing_bad": (
        "Inget mått har ett ej uppfyllt mål, en säker försämring eller ett resultat under "
        "övrigas medel.",
        "No measure has an unmet target, a clear deterioration or a result below the others' mean.",
    ),
    "p_nothing_bad_judged": (
        "Inget av de mått som har tillräckligt underlag har ett ej uppfyllt mål, en säker "
        "försämring eller ett resultat under övrigas medel.",
        "No measure with enough answers has an unmet target, a clear deterioration or a result "
        "below the others' mean.",
    ),
    "p_cannot_tell": (
        "För {items} går det inte att avgöra om målet nås.",
        "For {items} the data cannot tell whether the target is met.",
    ),
    "appendix": ("Bilaga: detaljtabeller och metod", "Appendix: detailed tables and method"),
    "appendix_tables": ("Detaljtabeller", "Detailed tables"),
    "toc": ("Innehåll", "Contents"),
    "table_no": ("Tabell {n}.", "Table {n}."),
    "figure_no": ("Figur {n}.", "Figure {n}."),
    "cover_sheet": ("Innehåll", "Contents"),
    "contents": ("Innehåll", "Contents"),
    "report_date": ("Rapportens datum", "Report date"),
    "g_value": ("Värde", "Value"),
    "g_unit": ("Enhet", "Unit"),
    "g_period": ("Period", "Period"),
    "g_previous_value": ("Föregående värde", "Previous value"),
    "g_target": ("Mål / norm", "Target / norm"),
    "g_n_compared": ("Antal jämförda", "Compared"),
    "p_where": ("i {areas}", "in {areas}"),
    "p_where_below_target": ("under målet i {areas}", "below target in {areas}"),
    "p_where_below_expectation": (
        "under förväntan i {areas}",
        "below expectations in {areas}",
    ),
    "p_where_worse": (
        "sämre än föregående period i {areas}",
        "worse than the previous period in {areas}",
    ),
    "p_all_groups": ("alla {n} grupper", "all {n} groups"),
    # the header's period when the parts cover different periods: "2020 (servicemätning)"
    "period_of_survey": ("enkät", "survey"),
    "period_of_contacts": ("servicemätning", "service measurement"),
    "period_of_kpi": ("nyckeltal", "KPIs"),
    "period_of_feedback": ("synpunkter", "feedback"),
    # the feedback register's bad news in the overview
    "feedback_items_total": ("Synpunkter, totalt", "Feedback items, total"),
    "feedback_items_of": ("Synpunkter: {what}", "Feedback items: {what}"),
    "feedback_rise_note": (
        "kvot {ratio} (95 % KI {low}–{high}), p (Holm) {p}",
        "ratio {ratio} (95% CI {low}–{high}), p (Holm) {p}",
    ),
    "backlog_row": (
        "Öppna synpunkter äldre än löftet ({promise})",
        "Open feedback items older than the promise ({promise})",
    ),
    "p_feedback_rise": (
        "Fler synpunkter än under föregående tolv månader: {items}.",
        "More feedback items than in the previous twelve months: {items}.",
    ),
    "p_backlog": (
        "{overdue} av {open} öppna synpunkter är äldre än löftet ({promise}) per {date}.",
        "{overdue} of {open} open feedback items are older than the promise ({promise}) as of "
        "{date}.",
    ),
    "p_more_groups": ("{n} till", "{n} more"),
    "and": ("och", "and"),
    "in": ("i", "in"),
}

_TABLES: tuple[Pairs, ...] = (GLANCE, REPORT, SERVICE, SHARED)
# The sections' own words (each section looks up its table; catalog() lists them prefixed).
SECTION_TABLES: dict[str, Pairs] = {
    "service_survey": SERVICE_SURVEY,
    "reliability": RELIABILITY,
    "measurement": MEASUREMENT,
    "series": SERIES,
    "kolada": KOLADA,
    "groups": GROUPS,
    "servperf": SERVPERF,
    "toolbox": TOOLBOX,
    "reliability_sheets": RELIABILITY_SHEETS,
    "charts": CHART,  # report/chart_words.py: the words in and around the charts
}


def _pick(pair: tuple[str, str], lang: str) -> str:
    return pair[0] if lang == "sv" else pair[1]


def label(key: str, lang: str = "en", extra: Pairs | None = None) -> str:
    """Label of ``key`` in ``lang`` (``sv`` or ``en``); unknown keys are returned unchanged.

    ``extra`` is a table of the same shape looked up first (e.g. a section's own words);
    then :data:`SHARED`.

    >>> label("expectation", "sv"), label("gap", "en"), label("E3", "sv")
    ('Förväntan (E)', 'Gap (P−E)', 'E3')
    >>> label("kpi", "sv", {"kpi": ("Nyckeltal", "KPI")})
    'Nyckeltal'
    """
    pair = (extra or {}).get(key) or SHARED.get(key)
    return key if pair is None else _pick(pair, lang)


def rl(key: str, lang: str, **fill: object) -> str:
    """A report label in ``lang`` (:data:`GLANCE`, :data:`REPORT`, then :data:`SHARED`), with
    ``{placeholders}`` filled from ``fill``.

    >>> rl("summary", "sv"), rl("crosshair_mean", "en")
    ('Sammanfattning', 'the means')
    >>> rl("summary_group", "en", by="Tjänst", group="Grundskola")
    'Respondents with Tjänst = Grundskola.'
    """
    pair = GLANCE.get(key) or REPORT.get(key) or SHARED.get(key)
    text = key if pair is None else _pick(pair, lang)
    return text.format(**fill) if fill else text


def sl(key: str, lang: str) -> str:
    """Label of ``key`` in ``lang``: :data:`SERVICE`, else :data:`SHARED`.

    >>> sl("nåbarhet", "en"), sl("blank", "sv")
    ('Reachability', 'tomma')
    """
    return label(key, lang, SERVICE)


def dimension_name(name: object, lang: str) -> str:
    """A dimension's display name: the built-in SERVQUAL dimensions in ``lang``, else as named.

    >>> dimension_name("Responsiveness", "sv"), dimension_name("Bemötande", "en")
    ('Lyhördhet', 'Bemötande')
    """
    pair = DIMENSIONS.get(str(name))
    return str(name) if pair is None else _pick(pair, lang)


_SCALE_PARTS = {
    "E": ("Förväntan", "Expectation"),
    "P": ("Upplevelse", "Perception"),
    "gap": ("Gap", "Gap"),
}
_ITEM_CODE = re.compile(r"^(?:[EP](?P<a>\d+)|P(?P<b>\d+)-E(?P=b))$")


def scale_name(scale: object, lang: str) -> str:
    """A reliability scale ``"E:Tangibles"`` / ``"gap:all"`` as a reader says it.

    >>> scale_name("E:Tangibles", "sv"), scale_name("gap:all", "sv"), scale_name("P:all", "en")
    ('Förväntan – Fysisk miljö', 'Gap, hela skalan', 'Perception, whole scale')
    >>> scale_name("Bemötande", "sv")
    'Bemötande'
    """
    part, sep, dim = str(scale).partition(":")
    if not sep and part in _SCALE_PARTS:
        return _pick(_SCALE_PARTS[part], lang)
    if not sep or part not in _SCALE_PARTS:
        return str(scale)
    head = _pick(_SCALE_PARTS[part], lang)
    if dim == "all":
        return f"{head}, {_pick(REPORT['whole_scale'], lang)}"
    return f"{head} – {dimension_name(dim, lang)}"


def item_name(item: object, lang: str) -> str:
    """An item column of the built-in layout (``E3``, ``P3``, ``P3-E3``) as "Påstående 3";
    other names unchanged.

    >>> item_name("P3-E3", "sv"), item_name("E12", "en"), item_name("Q1", "sv")
    ('Påstående 3', 'Statement 12', 'Q1')
    """
    match = _ITEM_CODE.match(str(item))
    if match is None:
        return str(item)
    number = match.group("a") or match.group("b")
    return f"{'Påstående' if lang == 'sv' else 'Statement'} {number}"


def catalog(lang: str) -> dict[str, str]:
    """Every label of the catalog in ``lang`` (for renderers that look up many at once, such as
    HTML templates); keys of the earlier tables win.

    >>> catalog("sv")["glance_title"], catalog("en")["g_not_met"]
    ('Resultat i korthet', 'not met')
    >>> catalog("sv")["service_survey.small_base"]
    'Litet underlag'
    """
    out: dict[str, str] = {}
    for table in reversed(_TABLES):
        out.update({k: _pick(v, lang) for k, v in table.items()})
    for name, table in SECTION_TABLES.items():
        out.update({f"{name}.{k}": _pick(v, lang) for k, v in table.items()})
    return out


def exclusion_summary(excluded: Mapping[str, int], lang: str = "en") -> str:
    """One line: "Excluded cells: blank 12, don't know 40" (or "none")."""
    head = label("excluded", lang)
    if not excluded:
        return f"{head}: {'inga' if lang == 'sv' else 'none'}"
    parts = ", ".join(f"{label(k, lang)} {v}" for k, v in excluded.items())
    return f"{head}: {parts}"
