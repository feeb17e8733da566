"""The words of the citizen-survey section, ``servqual service-survey`` (part of the label catalog).

:data:`SERVICE_SURVEY`. Each table is ``key: (sv, en)``;
:mod:`servqual_cli.report.catalog` re-exports it and lists it in
:func:`~servqual_cli.report.catalog.catalog` (prefixed ``"<section>."``): one catalog per
language for every renderer (issue #9 item 6). Use it through the catalog.
"""

from __future__ import annotations

Pairs = dict[str, tuple[str, str]]

SERVICE_SURVEY: Pairs = {
    # the command's title and notes (moved from cli/citizen.py)
    "command_title": ("Servicemätning (medborgarenkät)", "Service measurement (citizen survey)"),
    "small_values": (
        "{n} värden bygger på färre än {min_n} svar: läs dem med försiktighet.",
        "{n} values rest on fewer than {min_n} answers: read them with care.",
    ),
    # review 16 finding 9: "1 medelvärdesrader" had no singular and did not say which rows
    "average_rows_note": (
        "{n} medelvärdesrader (riket, kommungrupper) utelämnade.",
        "{n} average rows (the country, municipality groups) left out.",
    ),
    "average_rows_note_one": (
        "1 medelvärdesrad (riket eller en kommungrupp) utelämnad.",
        "1 average row (the country or a municipality group) left out.",
    ),
    "title": ("Servicemätning, medborgarenkät", "Service measurement, citizen survey"),
    "changes": ("Förändring från föregående år", "Change from the previous year"),
    "trend": ("Trend över alla år", "Trend over all years"),
    "year": ("År", "Year"),
    "channel": ("Kanal", "Channel"),
    "question": ("Fråga", "Question"),
    "n": ("n", "n"),
    "index": ("Index (0–100)", "Index (0–100)"),
    "ci_low": ("{level} KI, nedre", "{level} CI, low"),
    "ci_high": ("{level} KI, övre", "{level} CI, high"),
    "diff_ci_low": ("{level} KI, nedre (ojusterat)", "{level} CI, low (unadjusted)"),
    "diff_ci_high": ("{level} KI, övre (ojusterat)", "{level} CI, high (unadjusted)"),
    "ci_note": (
        "Förändringens intervall gäller varje jämförelse för sig (ojusterat): det kan ligga "
        "helt på ena sidan om 0 fast det {method}-justerade p inte räcker för en bedömning.",
        "The change's interval is per comparison (unadjusted): it can lie wholly on one side "
        "of 0 while the {method}-adjusted p is not enough for a verdict.",
    ),
    "share_4_5": ("Andel 4–5", "Share 4–5"),
    "small_base": ("Litet underlag", "Small base"),
    "years": ("År", "Years"),
    "index_before": ("Före", "Before"),
    "index_after": ("Efter", "After"),
    "diff": ("Förändring", "Change"),
    "p": ("p (Welch)", "p (Welch)"),
    "p_adjusted": ("p ({method}, {n} test)", "p ({method}, {n} tests)"),
    "adjust_note": (
        "p ({method}, --adjust {code}): justerat över alla förändringar från föregående år "
        "respektive alla trender (kanaler och frågor); bedömningen följer det justerade p. "
        "Ojusterat p står bredvid.",
        "p ({method}, --adjust {code}): adjusted over all changes from the previous year, and "
        "over all trends (channels and questions); the verdict follows the adjusted p. The "
        "unadjusted p is beside it.",
    ),
    # --adjust none (review 4 finding 19): the output says the p-values stand alone
    "no_adjust_note": (
        "p är inte justerat för flera test (--adjust none): bedömningen följer varje "
        "jämförelses eget p, så bland många jämförelser blir några ”bättre” eller ”sämre” "
        "av slump.",
        "p is not adjusted for multiple tests (--adjust none): the verdict follows each "
        "comparison's own p, so among many comparisons some come out “better” or “worse” by "
        "chance.",
    ),
    "slope": ("Förändring per år", "Change per year"),
    # t-note (review 9 finding 7): the trend slope's interval and the verdict rule it is part of
    "trend_ci_note": (
        "Trendens intervall: t-intervallet för lutningen av poängen på året (R confint(lm)). "
        "Bättre eller sämre bara när det p som bedömningen "
        "följer är under signifikansnivån och intervallet ligger helt på ena sidan om 0, som för "
        "förändringarna från föregående år.",
        "The trend's interval: the t interval of the slope of the scores on the year (R "
        "confint(lm)). Better or worse only when the p the verdict "
        "follows is below the significance level and the interval lies wholly on one side of 0, "
        "as for the changes from the previous year.",
    ),
    "verdict": ("Bedömning", "Verdict"),
    "phone": ("telefon", "phone"),  # as trend and contacts (review 4, finding 23)
    "email": ("e-post", "e-mail"),
    "ease": ("Enkelt att få hjälp", "Easy to get help"),
    "treatment": ("Bemötande", "Courtesy"),
    "clarity": ("Tydligt svar", "Clear answer"),
    "better": ("bättre", "better"),
    "worse": ("sämre", "worse"),
    "no detectable change": ("ingen påvisbar förändring", "no detectable change"),
    "no detectable trend": ("ingen påvisbar trend", "no detectable trend"),
    "yes": ("ja", "yes"),
    "same": ("kan inte skiljas från medel", "cannot tell from the mean"),
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
        "publicerade index. Bedömning: bättre/sämre endast när hela kommunens {level}-intervall "
        "ligger på ena sidan om medlet, annars kan de inte skiljas åt. Färg efter tredjedelar av "
        "rangordningen (Kolada).",
        "This municipality's index (from its answers) against the unweighted mean of the other "
        "municipalities' published indices. Verdict: better/worse only when this "
        "municipality's whole {level} interval lies on one side of the mean, else it cannot be "
        "told from the mean. Colour by thirds of the ranking (as Kolada).",
    ),
    # the benchmark on a small base, and the municipality's own published index (review 12a,
    # finding 8; f-kol)
    "too_few": ("för få svar", "too few answers"),
    "file_value": ("Publicerat i Kolada", "Published in Kolada"),
    "bench_small_note": (
        "För få svar: indexet bygger på färre än {min_n} svar (litet underlag); SKR publicerar "
        "ett index först från 30 svar, så det får ingen placering och ingen färg. Dess "
        "bedömning står kvar, markerad ”litet underlag”: den följer intervallet, som tar "
        "hänsyn till de få svaren.",
        "Too few answers: the index rests on fewer than {min_n} answers (small base); SKR "
        "publishes an index only from 30 answers, so it gets no rank and no colour. Its verdict "
        'stays, marked "small base": it follows the interval, which allows for the few answers.',
    ),
    # review 16 finding 4: a verdict on a small base is marked in its cell, and the rule the
    # verdicts follow is named: each on its own interval, no Holm over the comparisons (the
    # changes and trends of the same output follow Holm), the others' mean taken as exact
    "bench_small_mark": ("{verdict} (litet underlag, n = {n})", "{verdict} (small base, n = {n})"),
    "bench_unadjusted": (
        "Bedömningarna är ojusterade: var och en följer sitt eget {level}-intervall, utan "
        "Holm-justering över de {m} jämförelserna, och övrigas medel behandlas som exakt.",
        "The verdicts are unadjusted: each follows its own {level} interval, with no Holm "
        "adjustment over the {m} comparisons, and the others' mean is taken as exact.",
    ),
    "bench_file_note": (
        "Publicerat i Kolada: kommunens eget värde i filen; det kan skilja sig från indexet "
        "beräknat ur svaren (andra svar, viktning eller revidering).",
        "Published in Kolada: this municipality's own value in the file; it can differ from "
        "the index computed from the answers (other answers, weighting or a revision).",
    ),
    "no": ("", ""),
    "note": (
        "Svar 1–5 poängsätts 0, 25, 50, 75, 100 (SKR); index = medelpoäng, t-intervall "
        "begränsat till 0–100. Andel 4–5 (Wilson-intervallen finns i JSON- och CSV-utdata). "
        "Förändring: Welch t-test. "
        'Litet underlag: n under {min_n}. "Vet ej" räknas inte.',
        "Answers 1–5 scored 0, 25, 50, 75, 100 (SKR); index = mean score, t interval clipped "
        "to 0–100. Share 4–5 (its Wilson intervals are in the JSON and CSV output). Change: "
        "Welch's t test. Small base: n "
        'below {min_n}. "Vet ej" (don\'t know) is not counted.',
    ),
}
