"""The words of ``servqual report`` (part of the label catalog, :mod:`servqual_cli.report.catalog`).

:data:`REPORT`: the report's headings, explanations and method notes. Entries are
``key: (sv, en)``; use them through the catalog (:func:`~servqual_cli.report.catalog.rl`).
"""

from __future__ import annotations

from servqual_cli.report.alpha_low_words import ALPHA_LOW_REPORT
from servqual_cli.report.method_words import METHOD_WORDS

REPORT: dict[str, tuple[str, str]] = {
    **METHOD_WORDS,  # the survey's and the zone of tolerance's method notes (review 15)
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
    "group_report": ("Delrapport", "Group report"),  # review 16 finding 13: was "Report for"
    "index_title": ("Rapporter per grupp", "Reports by group"),
    "index_intro": (
        "En rapport per värde i kolumnen {by}. Varje mapp innehåller report.html (sidan för "
        "invånare), report.md, report.xlsx, manifest.json och diagrammen.",
        "One report per value of the column {by}. Each folder holds report.html (the "
        "residents' page), report.md, report.xlsx, manifest.json and the charts.",
    ),
    "respondents_n": ("Svarande", "Respondents"),
    "index_dims_short": ("Dimensioner under förväntan", "Dimensions below expectations"),
    "index_note": (
        "SERVQUAL totalt: medelvärdet av dimensionernas gap (upplevelse minus förväntan), över "
        "svarande med gap i alla dimensioner; under noll betyder att servicen inte når upp till "
        "förväntan. ”Under förväntan” när hela konfidensintervallet ligger under noll, ”kan ej "
        "skiljas från förväntan” när det omfattar noll. Dimensioner under förväntan: hur många "
        "av dimensionerna vars intervall ligger helt under noll. Grupper med färre än {min_n} "
        "svar markeras som litet underlag och bedöms efter sitt intervall, som tar hänsyn till "
        "det.",
        "SERVQUAL overall: the mean of the dimension gaps (perception minus expectation), over "
        "respondents with a gap in every dimension; below zero means the service falls short of "
        'expectations. "Below expectations" when the whole confidence interval is below zero, '
        '"cannot be told from expectations" when it includes zero. Dimensions below '
        "expectations: how many dimensions have an interval wholly below zero. Groups with "
        "fewer than {min_n} answers are marked a small base and judged by their interval, "
        "which allows for it.",
    ),
    # s18 a-xlsx: each group's report says the group-vs-whole difference is not tested (review
    # 16 finding 7, "whole_note"); the index, which sets the groups beside the whole, did not
    "index_whole_note": (
        "Raden ”{whole}” visar samma mått för alla svarande. Skillnaden mellan en grupp och "
        "”{whole}” är inte prövad (gruppen ingår själv i helheten); om grupperna skiljer sig åt "
        "prövas under ”{tests}” i den samlade rapporten för alla grupper.",
        'The row "{whole}" shows the same measures for all respondents. The difference between '
        'a group and "{whole}" is not tested (the group is itself part of the whole); whether '
        'the groups differ is tested under "{tests}" in the combined report for all groups.',
    ),
    # summary
    # {columns}: the importance points' columns ("W1–W5"); not "viktceller" beside a survey
    # weight column named Vikt (review 17, finding 17)
    "weight_cells": (
        "Uteslutna viktighetspoäng ({columns}): {cells}",
        "Excluded importance points ({columns}): {cells}",
    ),
    # the survey weight column's cells with no valid weight (a blank, a text "ja"), as gap
    # --weight-column counts them (session 18), {n} led: the weighted tables' "4 svarande utan
    # giltig vikt" (review 17, finding 17)
    "survey_weight_cells": (
        "{column} (urvalsvikter): {n} utan giltig vikt – {cells}",
        "{column} (survey weights): {n} without a valid weight – {cells}",
    ),
    "summary_intro": (
        "Rapporten bygger på {n} svarande i {file}. {excluded}.",
        "The report is based on {n} respondents in {file}. {excluded}.",
    ),
    "summary_group": (
        "Svarande där {by} = {group}.",
        "Respondents with {by} = {group}.",
    ),
    "summary_overall": (
        "Total SERVQUAL är {unweighted} (alla dimensioner lika tunga){weighted}; negativt "
        "betyder att upplevelsen inte når upp till förväntan.",
        "Overall SERVQUAL is {unweighted} (every dimension counted equally){weighted}; negative "
        "means that perceptions fall short of expectations.",
    ),
    "summary_weighted": (" och {weighted} viktad efter viktighet", " and {weighted} weighted"),
    "summary_survey_weighted": (
        "Total SERVQUAL är {value} viktat efter {column} (effektivt n {n_eff}); i urvalet, "
        "oviktat, {unweighted}. Negativt betyder att upplevelsen inte når upp till förväntan.",
        "Overall SERVQUAL is {value} weighted by {column} (effective n {n_eff}); in the sample, "
        "unweighted, {unweighted}. Negative means that perceptions fall short of expectations.",
    ),
    "unused_weight": (
        "Filen har en viktkolumn ({columns}) som inte används: resultaten beskriver urvalet, "
        "inte befolkningen. Ange weight_column under [survey] för viktade skattningar.",
        "The file has a weight column ({columns}) that is not used: the results describe the "
        "sample, not the population. Set weight_column under [survey] for weighted estimates.",
    ),
    "largest_gaps": ("Påståenden med störst negativt gap", "Items with the largest negative gaps"),
    "largest_gaps_note": (
        "De tre påståenden med lägst gap. Närliggande påståenden kan inte skiljas åt (deras "
        "intervall överlappar): ordningen är ingen rangordning.",
        "The three items with the lowest gap. Neighbouring items cannot be told apart (their "
        "intervals overlap): the order is no ranking.",
    ),
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
        "{level} konfidensintervall.",
        "Bars: mean expectation (E) and perception (P). Points: the gap P − E with its {level} "
        "confidence interval.",
    ),
    "fig_items": ("Gap per påstående, sorterat", "Item gaps, sorted"),
    "fig_items_caption": (
        "Påståendena sorterade från största negativa gap; linjerna visar {level} "
        "konfidensintervall.",
        "Items sorted from the largest negative gap; the lines show {level} confidence intervals.",
    ),
    "fig_heatmap": ("Gap per dimension och grupp", "Dimension gaps by group"),
    "fig_heatmap_caption": (
        "Medelgap P − E per grupp ({by}) och dimension; orange är under förväntan och lila "
        "över, grått (inom parentes) kan inte skiljas från 0.",
        "Mean gap P − E per group ({by}) and dimension; orange is below expectation and purple "
        "above, grey (in parentheses) cannot be told from 0.",
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
    "axis_gap_ci": ("Gap P − E ({level} KI)", "Gap P − E ({level} CI)"),
    "importance": ("Viktighet (poäng av 100)", "Importance (points of 100)"),
    "performance": ("Upplevelse (medel P)", "Performance (mean P)"),
    "quadrant": ("Kvadrant", "Quadrant"),
    "ipa_table": ("Viktighet och upplevelse per dimension", "Importance and performance"),
    # "viktighetspoäng", not "vikter": beside a survey weight column the bare word read as the
    # weighted n (review 18, 3)
    "n_weights": ("n (viktighetspoäng)", "n (importance points)"),
    # session 13 (w-serv): the IPA figure's data (review 10a, finding 8)
    "n_performance": ("n (upplevelse)", "n (performance)"),
    # review 10a, finding 9: the group tests' method, only in a report that shows them
    "method_group_tests": ("Skillnader mellan grupper", "Differences between groups"),
    "method_group_tests_text": (
        "Welchs ANOVA och Kruskal-Wallis prövar om gruppernas gap skiljer sig, med "
        "effektstorlekarna ω² (ur den vanliga variansanalysens F) och ε² (H/(n − 1)); "
        "p-värdena justeras med Holms metod över dimensionerna. Parvis: Games-Howell, vars "
        "{conf} konfidensintervall och p bygger på den studentiserade variationsvidden, inte "
        "på t, och Dunns test (Holm inom dimensionen).",
        "Welch's ANOVA and Kruskal-Wallis test whether the groups' gaps differ, with the effect "
        "sizes ω² (from the ordinary ANOVA's F) and ε² (H/(n − 1)); the p-values are "
        "Holm-adjusted across the dimensions. Pairwise: Games-Howell, whose {conf} confidence "
        "intervals and p rest on the studentized range, not on t, and Dunn's test (Holm within "
        "the dimension).",
    ),
    # Plain descriptions, not Martilla & James's advice (review 5, finding 17: "possible
    # overkill" beside a significantly negative gap); the method note gives their names.
    "concentrate": ("högre viktighet, lägre upplevelse", "higher importance, lower performance"),
    "keep_up": ("högre viktighet, högre upplevelse", "higher importance, higher performance"),
    "low_priority": ("lägre viktighet, lägre upplevelse", "lower importance, lower performance"),
    "overkill": ("lägre viktighet, högre upplevelse", "lower importance, higher performance"),
    "ipa_uncertain": ("{quadrant} (osäker)", "{quadrant} (uncertain)"),
    "ipa_note": (
        "IPA ställer viktigheten mot upplevelsen (P), inte mot förväntan: ”högre upplevelse” "
        "betyder högre än de andra dimensionernas, inte att den räcker; en dimension där kan "
        "ha ett negativt gap (se gapen per dimension). ”Osäker”: dimensionens "
        "{level} t-intervall för viktighet eller upplevelse omfattar gränsen, så kvadranten kan "
        "inte avgöras.",
        "IPA sets importance against perception (P), not against expectations: “higher "
        "performance” means higher than the other dimensions', not good enough; a dimension "
        "there can have a negative gap (see the gaps per dimension). “Uncertain”: the "
        "dimension's {level} "
        "t interval of importance or perception includes the boundary, so its quadrant cannot "
        "be told.",
    ),
    # method notes
    "method_definitions": ("Definitioner", "Definitions"),
    "method_survey_weights": (
        "Resultat i korthet och den viktade totalen i Tabell 1 är viktade efter kolumnen "
        "{column} (medel Σwx/Σw, KI med Taylorlinjärisering som R survey::svymean, effektivt n "
        "enligt Kish). De viktade dimensionsgapen har egna designbaserade test (som R "
        "survey::svyttest); övriga test är oviktade och beskriver urvalet.",
        "The results at a glance and the weighted total in Table 1 are weighted by the column "
        "{column} (mean Σwx/Σw, CI by Taylor linearisation as R survey::svymean, Kish's "
        "effective n). The weighted dimension gaps have their own design-based tests (as R "
        "survey::svyttest); the other tests are unweighted and describe the sample.",
    ),
    "method_tests": ("Statistiska test", "Statistical tests"),
    "method_tests_text": (
        "Gapen prövas med t-test för parade observationer och Wilcoxons teckenrangtest (nollor "
        "uteslutna; under 50 par med skild förväntan och upplevelse ett exakt villkorligt p över "
        "alla teckenmönster, även med lika värden (ties), som coin::wilcoxsign_test; annars "
        "normalapproximation med korrektion för kontinuitet och lika värden som R:s wilcox.test). "
        "Tabellernas not säger vilket som användes. p-värdena justeras med Holms metod, separat "
        "över dimensioner och över påståenden. Effektstorlek: Cohens dz (medelgapet delat med "
        "gapens standardavvikelse). Gapens och medelvärdenas konfidensintervall är {conf} "
        "t-intervall.",
        "Gaps are tested with the paired t-test and the Wilcoxon signed-rank test (zeros "
        "dropped; below 50 pairs whose expectation and perception differ an exact conditional p "
        "over all sign patterns, ties included, as coin::wilcoxsign_test; otherwise the normal "
        "approximation with continuity and tie correction as R's wilcox.test). The tables' note "
        "says which was used. p-values are Holm-adjusted, separately across "
        "dimensions and across items. Effect size: Cohen's dz (the mean gap divided by the gaps' "
        "standard deviation). The confidence intervals of the gaps and means are {conf} "
        "t intervals.",
    ),
    "method_missing": ("Saknade värden", "Missing data"),
    "method_ipa": ("Viktighet och upplevelse (IPA)", "Importance-performance analysis"),
    "method_ipa_text": (
        "Varje dimension placeras efter medelviktighet (viktighetspoängen) och medelupplevelse "
        "(P) i fyra kvadranter enligt Martilla och James (1977), som kallar dem koncentrera "
        "insatserna här (viktig, låg upplevelse), fortsätt det goda arbetet, låg prioritet och "
        "möjlig överprestation; rapporten beskriver dem i stället med vad de är (högre eller lägre "
        "viktighet och upplevelse). Gränserna ligger vid {crosshair}. IPA ställer viktigheten "
        "mot upplevelsen (P), inte mot förväntan: en dimension kan ligga i ”lägre viktighet, "
        "högre upplevelse” fast dess gap är negativt (upplevelsen når inte upp till "
        "förväntan). En placering märkt ”osäker” kan inte avgöras: dimensionens {level} "
        "t-intervall för viktighet eller upplevelse omfattar "
        "gränsen (som här behandlas som fast).",
        "Each dimension is placed by mean importance (the importance points) and mean "
        "perception (P) in the four quadrants of Martilla and James (1977), who call them "
        "concentrate here (important, low performance), keep up the good work, low priority and "
        "possible overkill; the report describes them instead by what they are (higher or lower "
        "importance and performance). The boundaries are at {crosshair}. IPA sets importance "
        "against perception (P), not against expectations: a dimension can be in “lower "
        "importance, higher performance” although its gap is negative (perceptions fall short "
        "of expectations). A placement marked “uncertain” "
        "cannot be told: the dimension's {level} t interval of importance or perception includes "
        "the boundary (taken here as fixed).",
    ),
    "method_cite": ("Hur rapporten citeras", "How to cite"),
    # {references}: the works the report's sections use (report/references.py, review 5 #18);
    # {dirty}: "" or " " + method_cite_dirty (review 12b finding 13)
    "method_cite_text": (
        "Skapad med servqual-cli {version}. Kommandot, inställningarna som gällde (även "
        "standardvärdena), indatafilernas SHA-256 och programversionerna finns i manifest.json "
        "bredvid rapporten, så att rapporten kan återskapas.{dirty} Citera som: servqual-cli "
        "{version}, verktyg för analys av servicekvalitet (SERVQUAL, servicemätning, "
        "nyckeltal).{references}",
        "Made with servqual-cli {version}. The command, the settings in effect (defaults "
        "included), the SHA-256 of every input file and the software versions are in "
        "manifest.json beside the report, so it can be reproduced.{dirty} Cite as: servqual-cli "
        "{version}, a toolkit for service quality analysis (SERVQUAL, service measurement, "
        "KPIs).{references}",
    ),
    "method_cite_dirty": (
        "Programmets källkod hade ändringar som inte var incheckade när rapporten gjordes, så "
        "incheckningen (git_commit) i manifest.json beskriver inte exakt den kod som kördes.",
        "The program's source code had uncommitted changes when the report was made, so the "
        "commit (git_commit) in manifest.json does not describe exactly the code that ran.",
    ),
    # reliability, test contacts, KPIs and feedback (report/parts.py)
    "reliability": ("Reliabilitet och validitet", "Reliability and validity"),
    "whole_scale": ("hela skalan", "whole scale"),
    # the EFA gates (core.factorability, review 13 finding 2) are a rule that marks a result
    "reliability_method": (
        "Cronbachs α med parvis borttagning (som R:s psych) och {level} KI enligt Feldt (1965) med "
        "det minsta parvisa n (tabellens n); item-rest-korrelation och α om påståendet tas bort; "
        "McDonalds ω (en faktor per dimension; för hela skalan ur CFA:n med alla dimensioner). "
        "Validitet: KMO, Bartletts test, en explorativ faktoranalys (som psych::fa; "
        "mönstermatrisen i bilagan) och konfirmatorisk faktoranalys av dimensionerna (CFI, "
        "TLI, RMSEA, SRMR, CR, AVE), ML med listvis borttagning: bara rader med svar på alla "
        "påståenden (lavaans standard). Passningsmått, CR, AVE och CFA:ns ω redovisas inte med "
        "färre kompletta rader än fria parametrar, och under 5 rader per parameter (Bentler & "
        "Chou 1987) med en varning. En EFA på korrelationer med KMO under 0,5 (Kaiser 1974) "
        "eller där Bartletts test inte förkastar en identitetsmatris visas men markeras ”ska "
        "inte tolkas”. CR enligt Fornell & Larcker (1981) ur de standardiserade "
        "laddningarna (inte semTools::compRelSEM). Ett negativt item-rest-r ger en varning (ett "
        "omvänt påstående som inte vänts?).",
        "Cronbach's α with pairwise deletion (as R's psych) and a {level} CI by Feldt's method "
        "(1965) with the smallest pairwise n (the table's n); item-rest correlations and α if "
        "the item is deleted; "
        "McDonald's ω (one factor per dimension; for the whole scale from the CFA of all the "
        "dimensions). Validity: KMO, Bartlett's test, an exploratory factor analysis (as "
        "psych::fa; the pattern matrix in the appendix) and a confirmatory factor analysis of the "
        "dimensions (CFI, TLI, RMSEA, SRMR, CR, AVE), ML with listwise deletion: only rows with "
        "every item answered (lavaan's default). Fit indices, CR, AVE and the CFA's ω are not "
        "reported with fewer complete rows than free parameters, and below 5 rows per parameter "
        "(Bentler & Chou 1987) with a warning. An EFA of correlations with KMO below 0.5 (Kaiser "
        "1974) or where Bartlett's test does not reject an identity matrix is shown but marked "
        '"not to be interpreted". CR as Fornell & Larcker (1981) from the '
        "standardized loadings (not semTools::compRelSEM). A negative item-rest r raises a "
        "warning (a reversed item not declared?).",
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
    # a change is told from chance by its test and its interval together (KpiChange.detected)
    "changed_kpis": (
        "Nyckeltal som förändrats (p < 0,05 och intervallet utan 0)",
        "KPIs that changed (p < 0.05 and an interval without 0)",
    ),
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
    # g-read (review 7, finding 3): the zone of tolerance names its own file and respondents
    "tol_source_other": (
        "Toleranszonen bygger på {n} svarande i {file}, en annan enkät än "
        "SERVQUAL-avsnittets ({survey_n} svarande i {survey_file}).",
        "The zone of tolerance is based on {n} respondents in {file}, another survey than the "
        "SERVQUAL section's ({survey_n} respondents in {survey_file}).",
    ),
    "tol_source_same": (
        "Toleranszonen bygger på {n} svarande i {file}, samma fil som SERVQUAL-avsnittet.",
        "The zone of tolerance is based on {n} respondents in {file}, the same file as the "
        "SERVQUAL section.",
    ),
    "tol_source_only": (
        "Toleranszonen bygger på {n} svarande i {file}.",
        "The zone of tolerance is based on {n} respondents in {file}.",
    ),
    "tol_summary_also": (
        "Rapporten bygger också på {n} svarande i {file} (toleranszonen), en annan enkät.",
        "The report is also based on {n} respondents in {file} (the zone of tolerance), "
        "another survey.",
    ),
    "tol_summary_only": (
        "Rapporten bygger på {n} svarande i {file} (toleranszonen). {excluded}.",
        "The report is based on {n} respondents in {file} (the zone of tolerance). {excluded}.",
    ),
    "tol_wilson_csv": (
        "Andelarnas Wilson-intervall, p-värdena och antalet D < A per dimension finns i {csv}.",
        "The shares' Wilson intervals, the p-values and the D < A counts by dimension are in "
        "{csv}.",
    ),
    "below_ci_low": ("Andel under A KI låg", "Share below A CI low"),
    "below_ci_high": ("Andel under A KI hög", "Share below A CI high"),
    "above_ci_low": ("Andel över D KI låg", "Share above D CI low"),
    "above_ci_high": ("Andel över D KI hög", "Share above D CI high"),
    **ALPHA_LOW_REPORT,  # the glance line and method sentence of α (review 15, finding 2)
}
