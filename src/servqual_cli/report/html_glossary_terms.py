"""The glossary's entries (term, Swedish and English explanation, the spellings that trigger
it in the page's text), split from :mod:`~servqual_cli.report.html_glossary` when the entries
for the technical warnings' terms were added (review 12b, findings 6 and 10)."""

from __future__ import annotations

# (term as shown, Swedish explanation, English explanation, Swedish and English spellings
# that trigger it in the page's text); "{level}": the run's confidence level (--conf)
TERMS: tuple[tuple[str, str, str, tuple[str, ...]], ...] = (
    (
        "KI / CI",
        "Konfidensintervall: ett spann av rimliga värden för det verkliga värdet. Metoden "
        "träffar rätt med {level} säkerhet: i så stor andel av alla tänkbara urval täcker "
        "spannet det verkliga värdet. ”KI låg” och ”KI hög” är dess gränser.",
        "Confidence interval: a range of plausible values for the true value. The method is "
        "right with {level} confidence: in that share of all possible samples the range covers "
        "the true value. “CI low” and “CI high” are its limits.",
        ("KI", "CI"),
    ),
    (
        "p",
        "p-värde: hur troligt det är att få minst så stor skillnad av ren slump om det inte finns "
        "någon verklig skillnad. Under 0,05 är skillnaden svår att förklara med slumpen "
        "(statistiskt säkerställd); den kan ändå vara liten, och över 0,05 är den inte bevisat "
        "noll.",
        "p-value: how likely a difference at least this large would be by chance alone if there "
        "were no real difference. Below 0.05 the difference is hard to explain by chance "
        "(statistically significant); it may still be small, and above 0.05 it is not shown to "
        "be zero.",
        ("p",),
    ),
    (
        "Holm",
        "Holms metod: när många jämförelser görs samtidigt justeras p-värdena uppåt, så att "
        "slumpfynd inte räknas som säkra skillnader.",
        "Holm's method: when many comparisons are made at once the p-values are adjusted "
        "upwards, so that chance findings are not counted as clear differences.",
        ("Holm",),
    ),
    (
        "Cohens dz",
        "Cohens dz: hur stort gapet är i förhållande till hur mycket svaren varierar; 0,2 är "
        "litet, 0,5 medel och 0,8 stort.",
        "Cohen's dz: the size of the gap relative to how much the answers vary; 0.2 is small, "
        "0.5 medium and 0.8 large.",
        ("Cohens dz", "Cohen's dz"),
    ),
    (
        "Gap (P−E)",
        "Gap: upplevelse (P) minus förväntan (E). Under noll betyder att servicen inte når upp "
        "till det invånarna förväntar sig.",
        "Gap: perception (P) minus expectation (E). Below zero means the service falls short of "
        "what residents expect.",
        ("Gap",),
    ),
    (
        "SERVPERF",
        "SERVPERF: medelvärdet av enbart upplevelsen (P), utan förväntan (Cronin & Taylor 1992).",
        "SERVPERF: the mean of the perceptions (P) alone, without expectations (Cronin & Taylor "
        "1992).",
        ("SERVPERF",),
    ),
    (
        "k",
        "k: antalet kontakter som uppfyllde måttet (till exempel fick svar på frågan).",
        "k: the number of contacts that met the measure (for example got their question answered).",
        ("k",),
    ),
    (
        "Minsta påvisbara",
        # review 6, finding 3: a measured change smaller than the MDD can still be detectable
        # (the threshold for p < 0,05 is about z(0,975) / (z(0,975) + z(0,8)) = 0,70 of MDD80)
        "Minsta påvisbara förändring: den verkliga förändring som med 80\u00a0% sannolikhet "
        "hade upptäckts med så här många svar. Mindre verkliga förändringar upptäcks mer "
        "sällan, men en uppmätt förändring kan vara påvisbar fast den är mindre (se texten om "
        "gränsen för en påvisbar uppmätt förändring).",
        "Minimum detectable change: the true change that would have been detected with 80% "
        "probability with this many answers. Smaller true changes are detected less often, but "
        "a measured change can be detectable although it is smaller (see the text on the "
        "threshold for a detectable measured change).",
        ("Minsta påvisbara", "Minimum detectable"),
    ),
    (
        "Mee-score, Newcombe, Bonett-Price, Welch, Wilson",  # named from _METHODS' parts
        "Namn på metoder för konfidensintervall: {methods}.",
        "Names of confidence interval methods: {methods}.",
        ("Mee-score", "Mee score", "Bonett-Price", "Newcombe", "Wilson", "Welch"),
    ),
    (
        # review 10a, finding 9: the group tests' Welch is the ANOVA, not the interval of two means
        "Welch ANOVA",  # as the table header "p (Welch ANOVA)", in both languages
        "Welchs ANOVA: jämför medelvärdena i flera grupper utan att anta att svaren varierar "
        "lika mycket i alla grupper.",
        "Welch's ANOVA: compares the means of several groups without assuming that the answers "
        "vary equally in every group.",
        ("Welch ANOVA", "Welchs ANOVA", "Welch's ANOVA"),
    ),
    (
        "Wilcoxon, Mann-Whitney, Kruskal-Wallis",
        "Rangtest: prövar skillnader utan att anta normalfördelade svar.",
        "Rank tests: test differences without assuming normally distributed answers.",
        ("Wilcoxon", "Mann-Whitney", "Kruskal-Wallis"),
    ),
    (
        "Procentenheter",
        "Procentenheter: skillnaden mellan två andelar. Från 55\u00a0% till 81\u00a0% är +26 "
        "procentenheter (inte +26\u00a0%).",
        "Percentage points: the difference between two shares. From 55% to 81% is +26 "
        "percentage points (not +26%).",
        ("procentenheter", "percentage points"),
    ),
    (
        "Kvot",
        "Kvot: antalet den här perioden delat med antalet förra perioden (per dag räknat); 1,21 "
        "betyder 21\u00a0% fler. Fler synpunkter kan också betyda att fler hittar kanalen.",
        "Ratio: the count this period divided by the count last period (per day); 1.21 means 21% "
        "more. More feedback can also mean that more people find the channel.",
        ("kvot", "Kvot", "ratio", "Ratio"),
    ),
    (
        "Kaplan-Meier",
        "Kaplan-Meier: ett sätt att räkna tider där en del ännu inte har slutat, här synpunkter "
        "som ännu inte fått svar. De räknas som obesvarade i minst så många dagar som de hunnit "
        "vänta (censurerade), i stället för att lämnas utanför, så att medianen och 90:e "
        "percentilen inte ser kortare ut än de är. Deras intervall (Brookmeyer och Crowley) är "
        "de dagar då kurvans eget konfidensintervall når dit, räknat på log-skala som R:s "
        "survfit gör som förval; ”> N” som övre gräns betyder att den inte nås inom de N dagar "
        "som följts upp.",
        "Kaplan-Meier: a way to count times when some have not ended yet, here feedback items "
        "not yet answered. They count as unanswered for at least the days they have waited "
        "(censored), instead of being left out, so that the median and the 90th percentile do "
        "not look shorter than they are. Their interval (Brookmeyer and Crowley) is the days on "
        "which the curve's own confidence interval gets there, on the log scale as R survfit "
        "does by default; “> N” as the upper bound means it is not reached within the N days "
        "followed up.",
        # the feedback tables' censored day columns (their rule is a note under the tables)
        ("Kaplan-Meier", "Dagar till svar, median", "Days to reply, median"),
    ),
    (
        "Hodges-Lehmann",
        "Hodges-Lehmanns förskjutning: hur mycket tiderna som helhet har flyttat sig mellan två "
        "perioder (medianen av alla parvisa skillnader). Den hör ihop med Mann-Whitney-testet, "
        "så intervall och test säger samma sak.",
        "Hodges-Lehmann shift: how far the times as a whole have moved between two periods (the "
        "median of all pairwise differences). It belongs to the Mann-Whitney test, so the "
        "interval and the test agree.",
        ("Hodges-Lehmann", "Hodges-Lehmanns"),
    ),
    (
        "ω², ε²",
        "Effektstorlek för skillnader mellan grupper: hur stor del av variationen som grupperna "
        "förklarar (ω² ur variansanalysen, ε² ur Kruskal-Wallis); 0,01 är litet, 0,06 medel och "
        "0,14 stort.",
        "Effect size for differences between groups: the share of the variation the groups "
        "explain (ω² from the analysis of variance, ε² from Kruskal-Wallis); 0.01 is small, 0.06 "
        "medium and 0.14 large.",
        ("ω²", "ε²"),
    ),
    (
        "Games-Howell, Dunn",  # named from _METHODS' parts
        "Jämförelser av grupperna två och två, gjorda efter ett test av alla grupper: "
        "{methods}; p-värdena är justerade för att många par jämförs.",
        "Comparisons of the groups two by two, made after a test of all groups: {methods}; the "
        "p-values are adjusted because many pairs are compared.",
        ("Games-Howell", "Dunn"),
    ),
    (
        "Effektivt n",
        "Effektivt n: hur många svar ett viktat resultat är värt. Vikter som skiljer sig mycket "
        "åt gör det mindre än antalet svarande.",
        "Effective n: how many answers a weighted result is worth. Weights that differ a lot "
        "make it smaller than the number of respondents.",
        ("effektivt n", "effective n"),
    ),
    (
        "Listvis borttagning",
        "Listvis borttagning: bara de svarande som besvarat alla påståenden räknas. Med många "
        "tomma svar kan det bli få kvar, och resultatet beskriver då bara dem.",
        "Listwise deletion: only respondents who answered every statement count. With many "
        "blanks few may remain, and the result then describes only them.",
        ("listvis", "listwise"),
    ),
    (
        "Cronbachs α, McDonalds ω",
        "Reliabilitet: hur väl påståendena i en dimension mäter samma sak (0–1; 0,7 eller mer "
        "räknas ofta som tillräckligt).",
        "Reliability: how well the statements of a dimension measure the same thing (0–1; 0.7 "
        "or more is often taken as enough).",
        ("Cronbachs α", "Cronbach's α", "McDonalds ω", "McDonald's ω"),
    ),
    (
        "CFA, CFI, TLI, RMSEA, SRMR, AVE",
        "Faktoranalys (CFA) och dess passningsmått: hur väl dimensionerna beskriver svaren. AVE "
        "under 0,5 betyder att en dimension förklarar mindre än hälften av sina påståendens "
        "variation.",
        "Factor analysis (CFA) and its fit indices: how well the dimensions describe the "
        "answers. An AVE below 0.5 means a dimension explains less than half of its statements' "
        "variation.",
        ("CFA", "CFI", "TLI", "RMSEA", "SRMR", "AVE"),
    ),
    (
        "KMO, Bartlett",
        "Kontroller av om svaren passar för faktoranalys: KMO på 0,6 eller mer och ett litet p "
        "i Bartletts test talar för att påståendena hänger ihop.",
        "Checks of whether the answers suit a factor analysis: a KMO of 0.6 or more and a small "
        "p in Bartlett's test suggest that the statements hang together.",
        ("KMO", "Bartlett", "Bartletts"),
    ),
    # f-page (session 15): the short forms and terms of the tables' headers, notes and
    # technical warnings that a resident met unexplained (review 12b, findings 6 and 10)
    (
        "SE",
        "Medelfel (SE): hur mycket ett medelvärde skulle variera mellan olika urval; "
        "konfidensintervallet bygger på det.",
        "Standard error (SE): how much a mean would vary between samples; the confidence "
        "interval is built from it.",
        ("SE",),
    ),
    (
        "SD",
        "Standardavvikelse (SD): hur mycket de enskilda svaren sprider sig kring medelvärdet.",
        "Standard deviation (SD): how much the single answers spread around the mean.",
        ("SD",),
    ),
    (
        "fg / df",
        "Frihetsgrader (fg): ett tal som testet behöver, ungefär antalet svar minus antalet "
        "skattade storheter.",
        "Degrees of freedom (df): a number the test needs, roughly the number of answers minus "
        "the number of estimated quantities.",
        ("fg", "df"),
    ),
    (
        "Taylorlinjärisering",
        "Taylorlinjärisering: ett sätt att räkna medelfelet för ett viktat medelvärde, samma "
        "som R-paketet survey använder.",
        "Taylor linearisation: a way to compute the standard error of a weighted mean, the one "
        "the R package survey uses.",
        ("Taylorlinjärisering", "Taylor linearisation", "Taylor linearization"),
    ),
    (
        "Wald-test",
        "Wald-test: prövar om flera skillnader samtidigt kan vara noll, här om grupperna skiljer "
        "sig åt i en viktad skattning.",
        "Wald test: tests whether several differences can all be zero at once, here whether the "
        "groups differ in a weighted estimate.",
        ("Wald", "Wald-test", "Wald-testet", "Wald test"),
    ),
    (
        "Heywood-fall",
        "Heywood-fall: faktoranalysen ger ett omöjligt värde (en varians på noll eller under "
        "noll) för ett påstående; en varning om att modellen passar dåligt för de påståendena, "
        "inte om att enkätens medelvärden är fel.",
        "Heywood case: the factor analysis gives an impossible value (a variance of zero or "
        "below) for a statement; a warning that the model fits those statements poorly, not "
        "that the survey's means are wrong.",
        ("Heywood", "Heywood-fall", "Heywood-fallet"),
    ),
    (
        "Positivt definit",
        "Positivt definit: ett villkor som en korrelationsmatris måste uppfylla för att "
        "faktoranalysen ska gå att räkna; när den inte är det är faktoranalysens siffror osäkra.",
        "Positive definite: a condition a correlation matrix must meet for the factor analysis "
        "to be computed; when it is not, the factor analysis's figures are uncertain.",
        ("positivt definit", "positive definite"),
    ),
)
