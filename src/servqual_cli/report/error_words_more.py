"""Error sentences by code (sv, en) of the sites coded in session 15: a service survey's
benchmark without a matching index, a CSV line the reader cannot split, a workbook with too many
merged ranges, a KPI's ``filter``, its year column and an ``--as-of`` before its data, survey
weights, a report's ``survey.by``. Spread into :data:`servqual_cli.report.catalog_errors.ERRORS`
(kept apart so that each module stays under 400 lines; the lookup is ERRORS alone). The English
text is the raise site's own sentence (tests/cli/test_errors_swedish_cli_more.py checks that the
two agree); the facts are prepared in :mod:`servqual_cli.cli.error_text_more`.
"""

from __future__ import annotations

MORE_ERRORS: dict[str, tuple[str, str]] = {
    # servqual service-survey --benchmark (cli.citizen)
    "benchmark_no_index": (
        "inget publicerat index för {year} motsvarar enkätens frågor och kanaler (koppla "
        "Koladas id till dem med --kpi-map)",
        "no published index of {year} matches the survey's questions and channels (map the "
        "Kolada ids with --kpi-map)",
    ),
    # reading a file (io.csvtext, io.xlsxmerge); the reader's own reason stays in English
    "csv_invalid_line": (
        "rad {line} är inte giltig CSV (läsarens besked, på engelska: {reason})",
        "line {line} is not valid CSV ({reason})",
    ),
    "too_many_merges": (
        "har {n} sammanfogade områden, över gränsen {limit}; dela upp de sammanfogade cellerna "
        "och spara arbetsboken igen",
        "has {n} merged ranges, over the limit of {limit}; unmerge the cells and save the "
        "workbook again",
    ),
    # a KPI's data (io.kpi_data) and its --as-of (core.kpi)
    "kpi_filter_keeps_none": (
        "{where}, nyckeln 'filter': {name} = {accepted} behåller inga rader av {place} (värden: "
        "{seen})",
        "{where}, key 'filter': {name} = {accepted} keeps no rows of {place} (values: {seen})",
    ),
    "kpi_year_column_no_year": (
        "inget värde i den här kolumnen är ett år ({first_year}–{last_year}; t.ex. {value!r}); "
        "är det rätt kolumn? Ett nyckeltal med en period i sin konfiguration (period = "
        '"2024") läser den inte',
        "no value in this column is a year ({first_year}–{last_year}; e.g. {value!r}); is it "
        'the right column? A KPI with a period in its configuration (period = "2024") does '
        "not read it",
    ),
    "kpi_as_of_before_cases": (
        "{place}: inget ärende i nyckeltalet {kpi!r} börjar på eller före dagen {as_of} "
        "(--as-of; det första börjar {first}); ange ett senare --as-of",
        "{place}: no case of the KPI {kpi!r} starts on or before the as-of date {as_of} (the "
        "first starts {first}); give a later --as-of",
    ),
    "kpi_as_of_before_years": (
        "{file}, kolumn {column!r}: ingen rad i nyckeltalet {kpi!r} är från {year} eller "
        "tidigare (den första är från {first}): dagen {as_of} (--as-of) ligger före data; ange "
        "ett senare --as-of",
        "{file}, column {column!r}: no row of the KPI {kpi!r} is from {year} or before (the "
        "first is from {first}): the as-of date {as_of} precedes the data; give a later --as-of",
    ),
    "part_place_column": (", kolumn {column!r}", ", column {column!r}"),
    "part_place_sheet": (", blad {sheet!r}", ", sheet {sheet!r}"),
    # survey weights (core.survey_weights)
    "weights_negative": (
        "viktkolumnen {column!r} har negativa vikter",
        "weight column {column!r} has negative weights",
    ),
    "weights_none_positive": (
        "viktkolumnen {column!r} har ingen positiv vikt",
        "weight column {column!r} has no positive weight",
    ),
    # a report's sections and survey.by (report.build); a section is unavailable only when an
    # install lacks one of its modules
    "section_unavailable": (
        "avsnittet {name!r} finns inte i den här versionen",
        "section {name!r} is not available in this version",
    ),
    # report --split when every group's report failed (report.writer): each group's reason
    "no_group_reported": (
        "ingen grupp kunde redovisas: {reasons}",
        "no group could be reported: {reasons}",
    ),
    "config_by_missing": (
        "survey.by: kolumnen {column!r} finns inte i {file} ({near})",
        "survey.by: column {column!r} is not in {file} ({near})",
    ),
    # the core's own checks of its options, for callers of the Python API (the CLI's options are
    # Click ranges and choices, checked first; tests/cli/test_errors_swedish_cli_more.py)
    "conf_range": (
        "konfidensnivån ska ligga mellan 0 och 1, fick {conf}",
        "confidence level must be between 0 and 1, got {conf}",
    ),
    "adjust_unknown": (
        "okänd justering av p-värden {value!r}; använd holm, bh eller none",
        "unknown p-value adjustment {value!r}; use holm, bh or none",
    ),
    "adjustment_unknown": (
        "okänd justering {value!r}; använd holm, bh eller none",
        "unknown adjustment {value!r}; use holm, bh or none",
    ),
    "zero_method_unknown": (
        "okänd metod för nollskillnader {value!r}; använd wilcox eller pratt",
        "unknown zero method {value!r}; use wilcox or pratt",
    ),
    "share_test_unknown": (
        "okänt test för andelar {value!r}; använd score eller fisher",
        "unknown share test {value!r}; use score or fisher",
    ),
    # a report's [knowledge_gap] (report.config, session 16)
    "config_staff_file_required": (
        "nyckeln 'knowledge_gap.staff_file' krävs i [knowledge_gap]",
        "key 'knowledge_gap.staff_file' is required in [knowledge_gap]",
    ),
    "config_knowledge_needs_survey": (
        "[knowledge_gap] behöver en [survey]-tabell: medborgarnas svar som personalfilen "
        "jämförs med",
        "[knowledge_gap] needs a [survey] table: the citizens' answers the staff file is "
        "compared with",
    ),
    "config_staff_is_survey": (
        "nyckeln 'knowledge_gap.staff_file': {given!r} är [survey]-filen och -bladet; ange "
        "personalens blad i 'knowledge_gap.staff_sheet'",
        "key 'knowledge_gap.staff_file': {given!r} is the [survey] file and sheet; name the "
        "staff's sheet in 'knowledge_gap.staff_sheet'",
    ),
    # gap --overall on a perception-only instrument (cli.gap_toolbox, w-left, session 17)
    "importance_on_gap_servperf": (
        "--overall med --importance-on gap (standardvalet) behöver förväntanskolumner; det här "
        "instrumentet har bara upplevelse: lägg till --importance-on perception",
        "--overall with --importance-on gap (the default) needs expectation columns; this "
        "instrument is perception-only: add --importance-on perception",
    ),
    # feedback --unit-map and [service] unit_map (core.feedback_units; review 17, finding 9)
    "unit_map_same": (
        "{option} slår samman {name!r} med sig själv: ange en annan förvaltning som NY",
        "{option} maps {name!r} onto itself: name another unit as NEW",
    ),
    "unit_map_twice": (
        "{option} anger {name!r} två gånger ({first!r} och {second!r})",
        "{option} maps {name!r} twice ({first!r} and {second!r})",
    ),
    "unit_map_chain": (
        "{option}: {name!r} är både ett nytt namn och byts själv ut; ange varje förvaltning "
        "direkt med sitt slutliga namn",
        "{option}: {name!r} is both a new name and renamed itself; map each unit straight to "
        "its final name",
    ),
    "unit_map_value": (
        "{option} slår samman {name!r} med {value!r}, som inte är ett förvaltningsnamn (ett par "
        "GAMMAL=NY i taget)",
        "{option} maps {name!r} onto {value!r}, which is not one unit name (one OLD=NEW pair each)",
    ),
    # a report's [survey] importance_on (report.config, session 17)
    "config_importance_needs_overall": (
        "nyckeln 'survey.importance_on' behöver 'survey.overall' (kolumnen som ska förklaras)",
        "key 'survey.importance_on' needs 'survey.overall' (the column to explain)",
    ),
}
