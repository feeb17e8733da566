"""The words of ``servqual kolada`` (part of the label catalog): its table, notes and the gender
codes. Split from :mod:`.catalog_measurement`; :mod:`servqual_cli.report.catalog` re-exports
:data:`KOLADA` and lists it as ``kolada.<key>``.
"""

from __future__ import annotations

Pairs = dict[str, tuple[str, str]]

KOLADA: Pairs = {
    # the notes of servqual kolada (moved from cli/kolada.py)
    "others_note": (
        "Övriga = oviktat medel och median av de andra kommunernas publicerade "
        "värden; placering 1 = bäst, lika värden (med de publicerade decimalerna) "
        "delar bästa placering; färg efter tredjedelar av rangordningen (Kolada). "
        "Inget test.",
        "Others = unweighted mean and median of the other municipalities' "
        "published values; rank 1 = best, equal values (at the published decimals) "
        "share the best rank; colour by thirds of the ranking (as Kolada). No test.",
    ),
    "gender": ("Kön", "Gender"),
    "gender_T": ("totalt, båda könen", "total, both sexes"),
    "gender_K": ("kvinnor", "women"),
    "gender_M": ("män", "men"),
    "not_ranked_note": (
        "Ej rangordnade (okänd riktning, ange den i --kpi-map): {kpis}.",
        "Not ranked (direction unknown; give it in --kpi-map): {kpis}.",
    ),
    "average_rows_note": (
        "{n} medelvärdesrader (riket, grupper) utelämnade.",
        "{n} average rows (country, groups) left out.",
    ),
    # review 16 finding 9: the singular ("1 medelvärdesrader" read wrong)
    "average_rows_note_one": (
        "1 medelvärdesrad (riket eller en grupp) utelämnad.",
        "1 average row (the country or a group) left out.",
    ),
    "status_flags": ("Värden med statusflagga: {flags}", "Values with a status flag: {flags}"),
    "period": ("År", "Year"),
    "value": ("Värde", "Value"),
    "status": ("Status", "Status"),
    "others_mean": ("Medel övriga", "Others' mean"),
    "others_median": ("Median övriga", "Others' median"),
    "diff": ("Skillnad mot medel", "Diff. from mean"),
    "rank": ("Placering", "Rank"),
    "rank_third": ("Kolada-färg", "Kolada colour"),
    # the change's basis in its title (review 3, finding 20)
    "change": (
        "Förändring sedan föregående år (publicerade värden)",
        "Change since previous year (published values)",
    ),
    "change_note": (
        "Förändring: skillnaden mellan kommunens två publicerade (avrundade) "
        "värden, som tabellen visar dem. servqual trend och rapporten räknar "
        "förändringen från kontakterna själva, före avrundning, och kan därför "
        "skilja en enhet i sista decimalen.",
        "Change: the difference between this municipality's two published "
        "(rounded) values, as the table shows them. servqual trend and the report "
        "compute the change from the contacts themselves, before rounding, and can "
        "therefore differ by one unit in the last decimal.",
    ),
    # review 12a, findings 5 and 6 (f-kol): a change across a year the file lacks names the
    # year it is against; a ".." cell of a Kolada file is a value Kolada did not publish
    "change_gap": (
        "Förändring sedan föregående publicerade år (publicerade värden)",
        "Change since the previous published year (published values)",
    ),
    "since": ("sedan {year}", "since {year}"),
    "not_published": ("ej publicerat (..)", "not published (..)"),
    "green": ("grön (bästa tredjedelen)", "green (best third)"),
    "yellow": ("gul (mellersta tredjedelen)", "yellow (middle third)"),
    "red": ("röd (sämsta tredjedelen)", "red (worst third)"),
    "of": ("av", "of"),
    # review 12c, finding 8: "röd" beside "kan inte skiljas från medel" read as a contradiction.
    # What the tool knows of the colour: a place in the ranking of the file's municipalities
    # (core/benchmark.py, rank_thirds), no interval; the verdict is the interval's.
    "colour_verdict_note": (
        "Kolada-färg och bedömning kan skilja sig åt: färgen visar kommunens plats i "
        "rangordningen bland jämförelsefilens kommuner och tar ingen hänsyn till osäkerhet; "
        "bedömningen prövar om skillnaden mot övrigas medel kan skiljas från slumpen "
        "(kommunens {level}-intervall). Röd eller grön färg bredvid ”kan inte skiljas från "
        "medel” betyder att värdet ligger i den sämsta eller bästa tredjedelen, men att "
        "skillnaden mot medlet kan bero på slumpen.",
        "Kolada colour and verdict can differ: the colour shows this municipality's place in the "
        "ranking of the benchmark file's municipalities and takes no account of uncertainty; "
        "the verdict asks whether the difference from the others' mean can be told from chance "
        "(this municipality's {level} interval). A red or green colour beside “cannot tell "
        "from the mean” means the value ranks in the worst or best third, but the difference "
        "from the mean may be chance.",
    ),
    # the line kolada fetch ends with (e-sv4: fetch takes --lang)
    "fetch_done": (
        "{output}: {pages} sida/sidor, {rows} rader från {urls}",
        "{output}: {pages} page(s), {rows} rows from {urls}",
    ),
    "fetch_and": (" och ", " and "),
    "fetch_retries": (" ({n} nya försök)", " ({n} retries)"),
}
