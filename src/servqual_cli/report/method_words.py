"""The words of the report's method notes on the survey's definitions, missing data and zone of
tolerance (spread into :data:`~servqual_cli.report.catalog_report.REPORT`, which is near its
400 lines). Review 15, findings 12 and 13: the method section, the part a thesis copies, named
an importance-weighted score the report did not compute, called two different things
"viktad", and left out rules that changed the results (an instrument's own missing codes,
answers read from labels, duplicate rows kept; the zone of tolerance's verdict rule).
"""

from __future__ import annotations

METHOD_WORDS: dict[str, tuple[str, str]] = {
    # {importance}: "" or " " + method_importance_* (only when importance weights were used)
    "method_definitions_text": (
        "Varje påstående besvaras två gånger: förväntan (E) och upplevelse (P) på skalan "
        "{lo:g}–{hi:g}. Gap = P − E per svarande; negativt gap betyder att servicen inte når upp "
        "till förväntan. En dimensions gap för en svarande är medelvärdet av påståendenas gap. "
        "Oviktad SERVQUAL är medelvärdet av dimensionernas gap.{importance} SERVPERF är "
        "medelvärdet av upplevelsen (P). Instrument: {instrument} med dimensionerna "
        "{dimensions}.",
        "Each item is answered twice: expectation (E) and perception (P) on the scale "
        "{lo:g}–{hi:g}. Gap = P − E per respondent; a negative gap means the service falls short "
        "of expectations. A respondent's dimension gap is the mean of its item gaps. Unweighted "
        "SERVQUAL is the mean of the dimension gaps.{importance} SERVPERF is the mean "
        "perception (P). Instrument: {instrument} with the dimensions {dimensions}.",
    ),
    # not "viktad SERVQUAL": "viktad efter {column}" is the survey weights' (review 15, 12)
    "method_importance_allocation": (
        "Viktighetsviktad SERVQUAL väger dimensionernas gap med svarandens fördelning av 100 "
        "viktighetspoäng.",
        "Importance-weighted SERVQUAL weights the dimension gaps by the respondent's split of "
        "100 importance points.",
    ),
    "method_importance_rating": (
        "Viktighetsviktad SERVQUAL väger dimensionernas gap med svarandens viktighetsbetyg per "
        "dimension, delade med deras summa.",
        "Importance-weighted SERVQUAL weights the dimension gaps by the respondent's importance "
        "rating of each dimension, divided by their sum.",
    ),
    # {rules}: the clauses below for the rules that changed this report's results;
    # {importance}: "" or " " + method_missing_importance
    "method_missing_text": (
        "Tomma celler, ”Vet ej” och liknande svar räknas som saknade; värden utanför skalan och "
        "text som inte är ett skalsteg utesluts och räknas (se sammanfattningen).{rules} En "
        "svarandes dimensionsvärde kräver att minst hälften av dimensionens påståenden "
        "(avrundat uppåt) har både E och P. Total SERVQUAL räknas för svarande med alla "
        "dimensioner giltiga.{importance}",
        'Blank cells, "Vet ej" (don\'t know) and similar answers are missing; values outside '
        "the scale and text that is not a scale point are excluded and counted (see the "
        "summary).{rules} A respondent's dimension score needs at least half of the "
        "dimension's items (rounded up) with both E and P. Overall SERVQUAL uses respondents "
        "with every dimension valid.{importance}",
    ),
    # {importance} of method_missing_text, only when importance weights were used (not
    # "the weighted score": "weighted" is the survey weights' word, review 15, finding 12)
    "method_missing_importance": (
        "Den viktighetsviktade dessutom bara med giltiga viktighetspoäng (inga saknade eller "
        "negativa, summa över noll).",
        "The importance-weighted score also needs valid importance points (none missing or "
        "negative, sum above zero).",
    ),
    # the rows left out before the answers were read and the survey weight rule, each named
    # with its count when it applied (review 17, finding 18: the method, the part a thesis
    # copies, said none of them); {rows}: "122 (”Summa”)"
    "method_summary_row": (
        "En summeringsrad sist i filen (rad {rows}) utelämnas.",
        "A summary row at the end of the file (row {rows}) is left out.",
    ),
    "method_summary_rows": (
        "{n} summeringsrader sist i filen (rad {rows}) utelämnas.",
        "{n} summary rows at the end of the file (rows {rows}) are left out.",
    ),
    "method_survey_weight_missing": (
        "Svarande utan giltig urvalsvikt i {column} (tom eller inte ett tal) lämnas utanför alla "
        "viktade skattningar ({n}); de ingår i de oviktade.",
        "Respondents without a valid survey weight in {column} (blank or not a number) are left "
        "out of every weighted estimate ({n}); they count in the unweighted ones.",
    ),
    # {counted}: the summary's own words and count ("angivet saknat värde 102")
    "method_missing_codes": (
        "Instrumentets egna koder för saknat svar ({codes}) räknas också som saknade ({counted}).",
        "The instrument's own missing codes ({codes}) are missing too ({counted}).",
    ),
    "method_recoded": (
        "Svar skrivna med ord (etiketter) eller med ett ledande tal läses som skalsteg: "
        "{cells}, var och en i sammanfattningen.",
        "Answers written in words (labels) or with a leading number are read as scale points: "
        "{cells}, each listed in the summary.",
    ),
    "method_duplicates": (
        "{n} rader som upprepar en tidigare rad i alla påståenden (rad {rows}) behålls och "
        "ingår i alla resultat.",
        "{n} rows that repeat an earlier row in every item (rows {rows}) are kept and count in "
        "every result.",
    ),
    "method_duplicate": (
        "1 rad som upprepar en tidigare rad i alla påståenden (rad {rows}) behålls och ingår i "
        "alla resultat.",
        "1 row that repeats an earlier row in every item (row {rows}) is kept and counts in "
        "every result.",
    ),
    # the zone of tolerance: the verdict, the half-items rule and the answers with D < A
    "method_tolerance_text": (
        "Toleranszon enligt Parasuraman, Zeithaml & Berry (1994): MSA = P − A, MSS = P − D, med "
        "{level} t-intervall. Läget bedöms på intervallen: under zonen när MSA:s intervall "
        "ligger under 0, över zonen när MSS:s ligger över 0, inom zonen när MSA:s ligger över 0 "
        "och MSS:s under 0, annars vid en gräns (kan ej avgöras). En omvänd zon (medel-D under "
        "medel-A, eller D < A i mer än hälften av svaren) får inget läge, och inte heller en "
        "dimension med ett sådant påstående. Ett påstående räknas när A, D "
        "och P alla är giltiga; en dimension när minst hälften av dess påståenden är det. Svar "
        "där önskad nivå ligger under lägsta godtagbara (D < A) behålls ({n} påståendesvar).",
        "Zone of tolerance after Parasuraman, Zeithaml & Berry (1994): MSA = P − A, MSS = P − D, "
        "with {level} t intervals. The position is judged on the intervals: below the zone when "
        "the MSA interval lies below 0, above the zone when the MSS interval lies above 0, "
        "inside the zone when the MSA interval lies above 0 and the MSS interval below 0, "
        "otherwise at a boundary (cannot tell). An inverted zone (mean D below mean A, or D < A "
        "in more than half of the answers) gets no position, nor does a dimension holding such "
        "an item. An item counts when A, D and P are all valid; "
        "a dimension when at least half of its items do. Answers whose desired level lies "
        "below the adequate one (D < A) are kept ({n} item answers).",
    ),
}
