"""Error sentences by code (sv, en) of the sites coded in session 14: the trend's and the series'
options, servperf's --by, --threads, --email-rule, ``servqual kolada`` and ``kolada fetch``,
a contact column without one valid value, a custom instrument's TOML and its columns, an item
scale too short for top-2 boxes. Spread into :data:`servqual_cli.report.catalog_errors.ERRORS`
(kept apart so that each module stays under 400 lines; the lookup is ERRORS alone). The English
text is the raise site's own sentence (tests/cli/test_errors_swedish_cli*.py check that the two
agree); the facts are prepared in :mod:`servqual_cli.cli.error_facts`.
"""

from __future__ import annotations

REST_ERRORS: dict[str, tuple[str, str]] = {
    # options of the commands (cli.blas, cli.servperf, core.email_rule)
    "threads_value": (
        "--threads ska vara ett heltal, 1 eller fler, inte {text!r}",
        "--threads must be a whole number of at least 1, got {text!r}",
    ),
    "by_perception_only": (
        "--by finns ännu inte för ett instrument med bara upplevelse (SERVPERF); dela upp filen "
        "per grupp i stället",
        "--by is not available for a perception-only (SERVPERF) instrument yet; filter the file "
        "per group instead",
    ),
    "email_rule_value": (
        "--email-rule ska vara 24h, next-day eller office-hours=TT-TT (t.ex. 08-17), inte {text!r}",
        "--email-rule must be 24h, next-day or office-hours=HH-HH (e.g. 08-17), got {text!r}",
    ),
    # trend of two years or a series (cli.trend_pair, cli.trend_series, cli.measurement)
    "years_two_different": (
        "--years tar två olika år, t.ex. 2019,2020; fick {text!r}",
        "--years takes two different years, e.g. 2019,2020; got {text!r}",
    ),
    "before_after_same": (
        "BEFORE och AFTER innehåller samma data ({before!r} och {after!r}); ge filerna för två "
        "år, eller en fil med en årskolumn och --years",
        "BEFORE and AFTER hold the same data ({before!r} and {after!r}); give two years' files, "
        "or one file with a year column and --years",
    ),
    "kinds_differ": (
        "båda filerna ska vara kontaktfiler eller båda SERVQUAL-enkäter: {named}",
        "the two files must both be contact files or both SERVQUAL surveys: {named}",
    ),
    "part_trend_kind_file": ("{name} är {kind}", "{name} is {kind}"),
    "part_trend_kind_contacts": ("en kontaktfil", "a contact file"),
    "part_trend_kind_survey": ("en SERVQUAL-enkät", "a SERVQUAL survey"),
    "part_trend_kind_and": (" och ", " and "),
    "benchmark_on_survey": (
        "--benchmark jämför kontakternas nyckeltal; den gäller inte enkäter",
        "--benchmark compares contact KPIs; it does not apply to surveys",
    ),
    "weight_column_contacts": (
        "--weight-column viktar svarande i en SERVQUAL-enkät; den gäller inte kontaktfiler",
        "--weight-column weights SERVQUAL survey respondents; it does not apply to contact files",
    ),
    "weight_column_series": (
        "--weight-column viktar svarande i en SERVQUAL-enkät; en serie kontaktfiler har inga",
        "--weight-column weights SERVQUAL survey respondents; a series of contact files has none",
    ),
    "years_with_series": (
        "--years väljer två år; en serie filer använder varje fils år",
        "--years picks two years; a series of files uses every file's year",
    ),
    "series_contacts_only": (
        "en serie med tre eller fler filer tar bara kontaktfiler",
        "a series of three or more files takes contact files only",
    ),
    "before_after_order": (
        "BEFORE är {before} och AFTER är {after}: ange det tidigare året först",
        "BEFORE is {before} and AFTER is {after}: give the earlier year first",
    ),
    # derived importance (core.importance, gap --overall)
    "importance_too_few": (
        "den härledda betydelsen behöver minst {need} svarande med {name!r} och varje dimension "
        "giltig, fick {n}",
        "derived importance needs at least {need} respondents with {name!r} and every dimension "
        "valid, got {n}",
    ),
    "importance_constant": (
        "den härledda betydelsen: {name!r} eller en dimensions värde är konstant eller "
        "kolinjärt med de andra",
        "derived importance: {name!r} or a dimension score is constant or collinear with the "
        "others",
    ),
    # standard input (cli.main, io.limits)
    "stdin_closed": (
        "standard in är stängd; ange ett filnamn i stället för '-'",
        "standard input is closed; give a file name instead of '-'",
    ),
    "stdin_closed_read": (
        "standard in är stängd; ange en fil i stället för '-'",
        "standard input is closed; give a file instead of '-'",
    ),
    "stdin_unreadable": (
        "kan inte läsa standard in (systemets besked, på engelska: {reason})",
        "cannot read standard input: {reason}",
    ),
    # servqual kolada and kolada fetch (cli.kolada, io.kolada_api, io.kolada_files)
    "kolada_no_usable_value": (
        "inget användbart värde med en kommun och ett tal ({shown})",
        "no usable value with a municipality and a number ({shown})",
    ),
    "fetch_needs_kpi": (
        "ange minst ett --kpi (ett id i Kolada som N00945)",
        "give at least one --kpi (a Kolada id such as N00945)",
    ),
    "fetch_needs_years": ("ange --years, t.ex. 2019-2024", "give --years, e.g. 2019-2024"),
    "fetch_needs_output": (
        "ange -o FIL.json för de nedladdade sidorna",
        "give -o FILE.json for the downloaded pages",
    ),
    "fetch_years_form": (
        "--years tar t.ex. 2019-2024 eller 2019,2020; fick {text!r}",
        "--years takes e.g. 2019-2024 or 2019,2020; got {text!r}",
    ),
    "fetch_years_range": (
        "--years tar år från 1900 till 2100; fick {text!r}",
        "--years takes years from 1900 to 2100; got {text!r}",
    ),
    "api_not_json": (
        "Koladas API svarade på {url} med något som inte är JSON",
        "the Kolada API answered {url} with something that is not JSON",
    ),
    "api_no_values": (
        "Koladas API svarade på {url} utan en lista 'values'",
        "the Kolada API answered {url} without a 'values' list",
    ),
    "api_url_scheme": (
        "adressen till Koladas API måste vara http eller https; fick {url!r}",
        "the Kolada API URL must be http or https; got {url!r}",
    ),
    "api_paging_endless": (
        "sidorna från Koladas API tar aldrig slut (vid {url})",
        "the Kolada API's paging does not end (at {url})",
    ),
    "api_http_status": (
        "Koladas API svarade HTTP {status} för {url}",
        "the Kolada API answered HTTP {status} for {url}",
    ),
    "api_unreachable": (
        "kan inte hämta {url} ({problem}, {attempts} försök): är datorn "
        "ansluten till internet? Utan internet, ladda ned JSON-filen någon annanstans och ge "
        "filen till `servqual kolada FIL`",
        "cannot fetch {url} ({problem}, {attempts} attempts): is the machine online? Without "
        "internet, download the JSON elsewhere and give the file to `servqual kolada FILE`",
    ),
    "part_api_timed_out": ("ingen svar inom tidsgränsen", "timed out"),
    "part_api_reason": ("på engelska: {reason}", "{reason}"),
    "json_too_deep": (
        "är inte giltig JSON (för djupt nästlad)",
        "is not valid JSON (nested too deeply)",
    ),
    # contact files (io.contact_columns): what a column should hold, said in sv by its English
    "contacts_no_valid_value": (
        "inget värde i den här kolumnen är {what} (t.ex. {value!r}); är det rätt kolumn?",
        "no value in this column is {what} (e.g. {value!r}); is it the right column?",
    ),
    "part_contact_a year": ("ett år", "a year"),
    "part_contact_a channel (telefon or e-post)": (
        "en kanal (telefon eller e-post)",
        "a channel (telefon or e-post)",
    ),
    "part_contact_ja or nej": ("ja eller nej", "ja or nej"),
    "part_contact_ja, nej or delvis": ("ja, nej eller delvis", "ja, nej or delvis"),
    "part_contact_a date and time": ("ett datum med klockslag", "a date and time"),
    "part_contact_a number of seconds": ("ett antal sekunder", "a number of seconds"),
    "part_contact_a bemötande rating": ("ett betyg för bemötande", "a bemötande rating"),
    # an item scale (core.item_distribution)
    "scale_too_short": (
        "skalan {lo:g}..{hi:g} är för kort för de två översta och de två nedersta stegen",
        "a scale {lo:g}..{hi:g} is too short for top-2 and bottom-2 boxes",
    ),
    # no answer left (core.knowledge_gap, core.servperf)
    "no_expectation_answer": (
        "{name} har inget giltigt svar om förväntningar",
        "the {name} file has no valid expectation answer",
    ),
    "part_file_customer": ("kundernas fil", "customer"),
    "part_file_staff": ("personalens fil", "staff"),
    "no_perception_answer": (
        "ingen svarande har ett giltigt svar om upplevelsen efter rensningen",
        "no respondent has a valid perception answer after cleaning",
    ),
    # writing a file (report.atomic): the reason by errno as for an output path
    "cannot_write": ("kan inte skriva {shown!r}: {reason}", "cannot write {shown!r}: {reason}"),
    "no_tolerance_triple": (
        "ingen svarande har giltiga värden för lägsta godtagbara nivå, önskad nivå och upplevelse",
        "no respondent has valid adequate, desired and perceived scores",
    ),
    # a report's tolerance section (report.toolbox_part)
    "tolerance_section_columns": (
        "avsnittet 'tolerance' behöver kolumner för lägsta godtagbara nivå, önskad nivå och "
        "upplevelse; {key} {file} har inga kolumner för {shown}{hint}",
        "section 'tolerance' needs adequate, desired and perceived columns; the {key} {file} has "
        "no {shown}{hint}",
    ),
    "part_tolerance_or": (" eller ", " or "),
    "part_tolerance_columns": ("", " columns"),
    "part_tolerance_hint": (
        "; ange en fil som har dem som file i [tolerance]",
        "; name a file that has them in [tolerance] file",
    ),
    # a KPI configuration's [[kpi]] tables (io.kpi_config): "kpi_entry" names the table and
    # the key, its inner code says what is wrong
    "kpi_entry": ("{where}, nyckeln {key!r}: {inner}", "{where}, key {key!r}: {inner}"),
    "kpi_name_twice": (
        "{where}, nyckeln 'name': namnet används redan av [[kpi]] {first}; ge varje nyckeltal "
        "ett eget namn",
        "{where}, key 'name': the name is already used by [[kpi]] {first}; give each KPI its "
        "own name",
    ),
    "kpi_key_unknown": (
        "okänd nyckel; tillåtna nycklar: {allowed}",
        "unknown key; allowed keys: {allowed}",
    ),
    "kpi_key_missing": (
        "saknas (name, aspect och data krävs)",
        "missing (name, aspect and data are required)",
    ),
    "kpi_key_text": (
        "ska vara en text som inte är tom, inte {value!r}",
        "must be non-empty text, got {value!r}",
    ),
    "kpi_not_one_of": ("{value!r} är inte någon av {allowed}", "{value!r} is not one of {allowed}"),
    "kpi_data_not_found": (
        "filen finns inte: {name!r} (räknat från {base!r})",
        "file not found: {name!r} (relative to {base!r})",
    ),
    "kpi_value_or_end": (
        "ett nyckeltal har antingen start/end (tider) eller value_column",
        "a KPI has either start/end (durations) or value_column",
    ),
    "kpi_needs_columns": (
        "ett nyckeltal behöver start och end (tider) eller value_column (värden)",
        "a KPI needs start and end (durations) or value_column (values)",
    ),
    "kpi_limit_on_values": (
        "en tidsgräns gäller tider (start/end), inte value_column",
        "a limit applies to durations (start/end), not to value_column",
    ),
    "kpi_statistic_missing": ("saknas; ange en av {allowed}", "missing; give one of {allowed}"),
    "kpi_share_within": (
        "'share_within' behöver start, end och en tidsgräns (limit)",
        "'share_within' needs start, end and a limit",
    ),
    "kpi_limit_statistic": (
        "en tidsgräns används bara med statistiken 'share_within', inte {statistic!r}",
        "a limit is only used with statistic 'share_within', not {statistic!r}",
    ),
    "kpi_share_needs": (
        "'share' behöver value_column och success",
        "'share' needs value_column and success",
    ),
    "kpi_target_share": (
        "ett mål (target) är en andel som ska nås (0–1); använd norm för median/mean/p90",
        "a target is a required share (0-1); use norm for median/mean/p90",
    ),
    "kpi_share_range": (
        "ska vara en andel mellan 0 och 1 (t.ex. 0.9, med decimalpunkt i TOML), inte {value}",
        "must be a share between 0 and 1 (e.g. 0.9), got {value}",
    ),
    "kpi_bool": (
        "ska vara true eller false, inte {value!r}",
        "must be true or false, got {value!r}",
    ),
    "kpi_register": (
        "ska vara en av {allowed}, inte {value!r}",
        "must be one of {allowed}, got {value!r}",
    ),
    # a custom instrument's TOML (instruments.toml) and its columns (instruments.resolve)
    "instrument_unknown_key": (
        "okänd nyckel {key!r}; tillåtna nycklar: {allowed}",
        "unknown key {key!r}; allowed keys: {allowed}",
    ),
    "instrument_missing_key": ("nyckeln {key!r} saknas", "missing key {key!r}"),
    "instrument_name_text": (
        "'name' ska vara en text som inte är tom",
        "'name' must be a non-empty string",
    ),
    "instrument_scale": (
        "'scale' ska vara [min, max] med min < max (ändliga tal), inte {scale!r}",
        "'scale' must be [min, max] with min < max (finite numbers), got {scale!r}",
    ),
    "instrument_dimensions_map": (
        "[dimensions] ska ge varje dimensions namn en lista med frågenummer",
        "[dimensions] must map each dimension name to a list of item numbers",
    ),
    "instrument_dimension_items": (
        "dimensionen {name!r} ska lista frågenummer, t.ex. [1, 2, 3]",
        "dimension {name!r} must list item numbers, e.g. [1, 2, 3]",
    ),
    "instrument_item_twice": (
        "fråga {item} finns i både {first!r} och {second!r}",
        "item {item} is in both {first!r} and {second!r}",
    ),
    "instrument_reverse_list": (
        "'reverse' ska vara en lista med frågenummer",
        "'reverse' must be a list of item numbers",
    ),
    "instrument_reverse_stray": (
        "'reverse' nämner fråga {item}, som inte finns i någon dimension",
        "'reverse' names item {item}, which is in no dimension",
    ),
    "instrument_missing_list": (  # numbers too since review 11 #3 (w-miss)
        "'missing' måste vara en lista med texter eller tal, t.ex. [\"Vet ej\", 99]",
        "'missing' must be a list of texts or numbers, e.g. [\"Vet ej\", 99]",
    ),
    "instrument_labels_map": (
        '[labels] ska ge svarstexter ett tal, t.ex. "Instämmer helt" = 7',
        '[labels] must map answer texts to numbers, e.g. "Instämmer helt" = 7',
    ),
    "instrument_label_outside": (
        "svarstexten {label!r} = {value} ligger utanför skalan {lo:g}–{hi:g}",
        "label {label!r} = {value} is outside the scale {lo:g}-{hi:g}",
    ),
    "regex_many_columns": (
        "{what} {number} ({role}): det reguljära uttrycket {regex!r} passar {n} kolumner "
        "({shown}); gör det så att det passar exakt en",
        "{role} {what} {number}: the regex {regex!r} matches {n} columns ({shown}); make it "
        "match exactly one",
    ),
    "column_two_roles": (
        "kolumnen {name!r} används för både {first} och {second}; varje roll och fråga "
        "behöver en egen kolumn",
        "column {name!r} is used for both {first} and {second}; each role and item needs its "
        "own column",
    ),
    "part_role_expectation": ("förväntan", "expectation"),
    "part_role_perception": ("upplevelse", "perception"),
    "part_role_adequate": ("lägsta godtagbara nivå", "adequate"),
    "part_role_desired": ("önskad nivå", "desired"),
    "part_role_weights": ("vikt", "weights"),
    "part_role_item": ("fråga", "item"),
    "part_role_dimension": ("dimension", "dimension"),
    # knowledge-gap with the files swapped (cli.toolbox_knowledge): the missing-columns sentence
    # of the first file inside, then the hint
    "knowledge_swapped": (
        "{inner}; den andra filen ({staff}) har både förväntans- och upplevelsekolumner: gav du "
        "personalfilen först? Ordningen är KUNDER PERSONAL",
        "{inner}; the second file ({staff}) has both expectation and perception columns: did "
        "you give the staff file first? The order is CUSTOMERS STAFF",
    ),
    # knowledge-gap --sheet X with a staff workbook without X (review 13, finding 7)
    "staff_sheet_not_found": (
        "{inner}; --sheet gäller båda filerna: ange personalens blad med --staff-sheet NAMN",
        "{inner}; --sheet applies to both files: give the staff's sheet with --staff-sheet NAME",
    ),
    # the next entries were written into catalog_errors.py this session and moved here, which
    # the catalog tests keep under 400 lines
    # describe --instrument-template with nothing to write (review 11, finding 1; w-tmpl,
    # cli/describe.py)
    "template_no_items": (
        "ingen kolumn här ser ut som svar på en skala (heltal som 1–7, eller en inbyggd "
        "svarsskala som 'Mycket missnöjd' … 'Mycket nöjd'), så det finns inget startinstrument "
        "att skriva; textsvar med andra ord behöver en skala: skriv då instrumentet för hand "
        "med scale och [labels]",
        "no column here looks like rating-scale answers (whole numbers such as 1–7, or a "
        "built-in set of labels such as 'Mycket missnöjd' … 'Mycket nöjd'), so there is no "
        "starter instrument to write; text answers in other words need a scale: then write "
        "the instrument by hand with scale and [labels]",
    ),
    "template_duplicate_names": (
        "{n} namn på kolumner med svar på en skala förekommer mer än en gång ({shown}); "
        "kommandona vägrar sådana namn, så det finns inget startinstrument att skriva: byt namn "
        "på dubbletterna så att varje kolumnnamn är unikt (till exempel 'Förväntan: …' och "
        "'Upplevelse: …' när två frågor har samma påståenden) och kör describe igen",
        "{n} names of rating-scale columns appear more than once ({shown}); the commands "
        "refuse such names, so there is no starter instrument to write: rename the duplicates "
        "so each column name is unique (for example 'Förväntan: …' and 'Upplevelse: …' when "
        "two questions have the same statements) and run describe again",
    ),
    # alpha without --scale-range on answers in words (review 11, finding 2; w-amsg,
    # io/text_answers.py); "what"/"labels" come in both languages among the facts
    "text_answers_need_scale": (
        "{what_sv} svar i ord ({labels_sv}) som läses som tal först med en skala: ange "
        "--scale-range 1,{points}",
        "{what} answers in words ({labels}) that are read as numbers only with a scale: give "
        "--scale-range 1,{points}",
    ),
    "text_answers_no_scale": (
        "{what_sv} svar i ord ({labels_sv}) som ingen inbyggd svarsskala läser: ange skalan "
        "(t.ex. --scale-range 1,5) om de är etiketter på en 5- eller 7-gradig skala, koda annars "
        "om dem till tal",
        "{what} answers in words ({labels}) that no built-in label set reads: give the scale "
        "(e.g. --scale-range 1,5) if they are labels of a 5- or 7-point set, else recode them as "
        "numbers",
    ),
    # a reliability caveat raised as an error by the core (servqual alpha), said in the run's
    # language from its code (report.reliability_warnings); w-amsg
    "scale_caveat": ("{sv}", "{en}"),
}
