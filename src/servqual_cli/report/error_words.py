"""More error sentences by code (sv, en), spread into
:data:`servqual_cli.report.catalog_errors.ERRORS` (kept apart so that each module stays under
400 lines; the lookup is ERRORS alone). The English text is the raise site's own sentence (the
CLI tests of tests/cli/test_errors_swedish_cli.py check that the two agree).
"""

from __future__ import annotations

CONFIG_ERRORS: dict[str, tuple[str, str]] = {
    # the report configuration's keys (report.config); a TOML value or key is quoted as written
    "config_unknown_key": (
        "okänd nyckel {name!r} (kända nycklar här: {known})",
        "unknown key {name!r} (known keys here: {known})",
    ),
    "config_wrong_type": (
        "nyckeln {name!r} ska vara {want}, inte {value!r}",
        "key {name!r} must be {want}, not {value!r}",
    ),
    "config_not_one_of": (
        "nyckeln {name!r} ska vara en av {allowed}, inte {value!r}",
        "key {name!r} must be one of {allowed}, not {value!r}",
    ),
    "config_file_not_found": (
        "nyckeln {key!r}: filen {given!r} finns inte (sökvägar räknas från "
        "konfigurationsfilens mapp)",
        "key {key!r}: file {given!r} not found (paths are relative to the config file)",
    ),
    "config_sections_list": (
        "nyckeln 'sections' ska vara en lista med minst ett avsnittsnamn",
        "key 'sections' must be a non-empty list of section names",
    ),
    "config_sections_twice": (
        "nyckeln 'sections' nämner ett avsnitt två gånger",
        "key 'sections' names a section twice",
    ),
    "config_no_input": (
        "konfigurationen anger inga data: lägg till en tabell [survey], [contacts] eller [service]",
        "the config names no input: add a [survey], [contacts] or [service] table",
    ),
    "config_min_n": (
        "nyckeln 'min_n' ska vara 1 eller mer, inte {min_n}",
        "key 'min_n' must be 1 or more, not {min_n}",
    ),
    "config_date": (
        "nyckeln 'date' ska vara ett datum som 2025-02-15, inte {value!r}",
        "key 'date' must be a date such as 2025-02-15, not {value!r}",
    ),
    "config_file_required": (
        "nyckeln '{table}.file' krävs i [{table}]",
        "key '{table}.file' is required in [{table}]",
    ),
    "config_header_row": (
        "nyckeln '{table}.header_row' ska vara 1 eller mer",
        "key '{table}.header_row' must be 1 or more",
    ),
    # TOML writes a decimal point: the bounds are quoted as the file must say them
    "config_conf": (
        "nyckeln 'survey.conf' ska ligga mellan 0.5 och 0.999 (i TOML med decimalpunkt), inte "
        "{conf}",
        "key 'survey.conf' must be between 0.5 and 0.999, not {conf}",
    ),
    "config_years_required": (
        "nyckeln 'contacts.years' krävs: en tabell med år = \"fil\"",
        "key 'contacts.years' is required: a table of year = \"file\"",
    ),
    "config_year_key": (
        "nyckeln 'contacts.years.{year}' ska vara ett årtal som 2020",
        "key 'contacts.years.{year}' must be a year such as 2020",
    ),
    "config_year_file": (
        "nyckeln 'contacts.years.{year}' ska vara ett filnamn, inte {value!r}",
        "key 'contacts.years.{year}' must be a file name, not {value!r}",
    ),
    "config_service_input": (
        "[service] behöver 'kpi' (en nyckeltalsfil i TOML) eller 'feedback' (en registerfil)",
        "[service] needs 'kpi' (a KPI TOML) or 'feedback' (a register file)",
    ),
    "config_no_survey": (
        "{names} angavs, men konfigurationen har ingen tabell [survey]",
        "{names} given, but the config has no [survey] table",
    ),
    # a TOML value's type, by the Python type's name (config_wrong_type)
    "part_type_str": ("en textsträng", "a string"),
    "part_type_int": ("ett heltal", "an integer"),
    "part_type_float": ("ett tal", "a number"),
    "part_type_bool": ("true eller false", "true or false"),
    "part_type_list": ("en lista", "a list"),
    "part_type_dict": ("en tabell", "a table"),
    "part_type_date": ("ett datum", "a date"),
    "part_type_or": (" eller ", " or "),
}

OUTPUT_ERRORS: dict[str, tuple[str, str]] = {
    # output paths and formats (cli.output, report.atomic); {option} is "output" (said
    # "utfilen") or the option's own name
    "csv_dialect_unknown": (
        "--csv-dialect ska vara en av {dialects}, inte {dialect!r}",
        "--csv-dialect must be one of {dialects}, got {dialect!r}",
    ),
    "output_format_unknown": (
        "formatet för {output!r} går inte att se på filändelsen; ge filen ändelsen {known} eller "
        "ange --format",
        "cannot tell the format of output {output!r} from its extension; name it {known} or give "
        "--format",
    ),
    "output_device": (
        "{option} {output!r} är en enhet; använd -o - för standard ut",
        "{option} {output!r} is a device; use -o - for standard output",
    ),
    "output_unusable": (
        "kan inte använda {option} {output!r}: {reason}",
        "cannot use {option} {output!r}: {reason}",
    ),
    "output_is_folder": (
        "{option} {output!r} är en mapp; ange ett filnamn",
        "{option} {output!r} is a folder; give a file name",
    ),
    "output_not_regular": (
        "{option} {output!r} är ingen vanlig fil; ange ett filnamn",
        "{option} {output!r} is not a regular file; give a file name",
    ),
    "output_folder_missing": (
        "mappen {folder!r} för {option} finns inte",
        "{option} folder {folder!r} does not exist",
    ),
    "output_is_input": (
        "{option} {target!r} är en indatafil{also}; den skrivs inte över",
        "{option} {target!r} is an input file{also}; refusing to overwrite it",
    ),
    "outputs_same_file": (
        "--{first} och --{second} är samma fil {path!r}; ange två namn",
        "--{first} and --{second} are the same file {path!r}; give two names",
    ),
    "excluded_stdout": (
        "--excluded behöver ett filnamn; '-' är huvudresultatets plats",
        "--excluded needs a file name; '-' is the main output's place",
    ),
    "excluded_not_csv": (
        "--excluded skriver en CSV-lista; ge den namnet .csv (fick {excluded!r})",
        "--excluded writes a CSV list; name it .csv (got {excluded!r})",
    ),
    "xlsx_needs_file": (
        "--format xlsx behöver -o FIL.xlsx (en arbetsbok är ingen terminaltext)",
        "--format xlsx needs -o FILE.xlsx (a workbook is not terminal text)",
    ),
    "apa_no_lines": (
        "--format apa: kommandot redovisar inga testrader i APA-stil",
        "--format apa: this command reports no APA-style test lines",
    ),
    "input_is_folder": (
        "{path!r} är en mapp; {what} måste vara en fil",
        "{path!r} is a folder; the {what} must be a file",
    ),
    "input_not_regular": (
        "{path!r} är ingen vanlig fil (en pipe eller en enhet); {what} måste vara en fil",
        "{path!r} is not a regular file (a pipe or a device); the {what} must be a file",
    ),
    "part_option_output": ("utfilen", "output"),
    "part_what_configuration": ("konfigurationen", "configuration"),
}

MEASUREMENT_ERRORS: dict[str, tuple[str, str]] = {
    # service-measurement files: contacts, surveys by year, benchmarks (io.measurement)
    "not_contacts_or_survey": (
        "är varken en kontaktfil (den behöver en kolumn channel/kanal) eller en SERVQUAL-enkät "
        "(kolumnerna {e}, {p}, …); filen har: {columns}",
        "is neither a contact file (it needs a channel/kanal column) nor a SERVQUAL survey "
        "(columns {e}, {p}, ...); it has: {columns}",
    ),
    "one_file_two_years": (
        "en enda fil behöver en årskolumn med två år, eller --years FÖRE,EFTER (filen har: "
        "{present})",
        "one file needs a year column with two years, or --years BEFORE,AFTER (it has: {present})",
    ),
    "no_rows_for_year": (
        "inga rader för år {year} (filen har: {years})",
        "no rows for year {year} (the file has: {years})",
    ),
    "no_values_for_year": (
        "inga värden för {year} (filen har: {years})",
        "no values for {year} (the file has: {years})",
    ),
    "survey_needs_year": (
        "en enda enkätfil behöver en årskolumn (år); eller ge två filer",
        "one survey file needs a year (år) column; or give two files",
    ),
    "series_one_year_per_file": (
        "en serie tar ett år per fil; den här filen har åren: {found}",
        "a series takes one year per file; this file has years: {found}",
    ),
    "series_year_twice": (
        "två filer gäller {year}; ange varje år en gång",
        "two files hold {year}; give each year once",
    ),
    "benchmark_needs_municipality": (
        "ange den här kommunen med --municipality för att jämföra den",
        "name this municipality with --municipality to compare it",
    ),
    "benchmark_needs_municipality_column": (
        "en jämförelsefil med kontakter behöver en kommunkolumn (kommun)",
        "a benchmark contact file needs a municipality (kommun) column",
    ),
    "part_no_years": ("inga år", "no years"),
    "part_none": ("inga", "none"),
}

WORKBOOK_ERRORS: dict[str, tuple[str, str]] = {
    # hostile or broken workbooks (io.zipguard); numbers grouped in thousands ("1 048 576" in
    # Swedish, "1,048,576" in English); the zip library's own reason is quoted in English
    "too_many_cells": (
        "{what}, över läsarens gräns på {max_cells} celler; avvisas utan att läsas (ange "
        "--max-cells eller sätt SERVQUAL_MAX_CELLS för att tillåta fler)",
        "{what}, over the reader's limit of {max_cells} cells; refused before reading (give "
        "--max-cells or set SERVQUAL_MAX_CELLS to allow more)",
    ),
    "part_cells_row_beyond": (
        "en cell ligger på rad {rows}, bortom Excels {max_rows}",
        "a cell lies at row {rows}, beyond Excel's {max_rows}",
    ),
    "part_cells_col_beyond": ("en cell ligger bortom kolumn XFD", "a cell lies beyond column XFD"),
    "part_cells_span": (
        "bladet omfattar {rows} rader och minst {cols} kolumner",
        "the sheet spans {rows} rows and at least {cols} columns",
    ),
    "part_cells_ods_span": (
        "dess upprepade rader och celler omfattar {rows} × {cols}",
        "its repeated rows and cells span {rows} x {cols}",
    ),
    "old_xls_named": (
        "är en arbetsbok i det gamla .xls-formatet men heter {suffix}; byt namn till .xls",
        "is an old-style .xls workbook named {suffix}; rename it .xls",
    ),
    "html_named_xls": (
        "är en HTML- eller XML-fil som heter .xls, ingen arbetsbok",
        "is an HTML or XML file named .xls, not a workbook",
    ),
    "damaged_workbook": (
        "är inget läsbart kalkylblad (skadat innehåll i {name}; beskedet, på engelska: {detail})",
        "is not a readable spreadsheet (damaged {name}: {detail})",
    ),
    "part_zip": ("zip-arkivet", "zip"),
    "too_many_members": (
        "innehåller {n} filer; ingen arbetsbok som ett enkätverktyg skriver",
        "holds {n} files; not a workbook a survey tool writes",
    ),
    "unpacks_too_big": (
        "packas upp till {total} byte, över gränsen {max_bytes} (sätt SERVQUAL_MAX_BYTES för att "
        "tillåta mer)",
        "unpacks to {total} bytes, over the limit of {max_bytes} (set SERVQUAL_MAX_BYTES to "
        "allow more)",
    ),
    "zip_bomb": (
        "delen {name!r} packas upp till {ratio} gånger sin storlek (gräns {max_ratio}:1); "
        "avvisas som en möjlig zipbomb",
        "member {name!r} unpacks {ratio} times its size (limit {max_ratio}:1); refused as a "
        "possible zip bomb",
    ),
}

TEXT_ERRORS: dict[str, tuple[str, str]] = {
    # decoding and splitting a text file (io.decode, io.csvtext); the codec's own reason is
    # quoted in English
    "unknown_encoding": ("okänd teckenkodning {given!r}", "unknown encoding {given!r}"),
    "encoding_not_text": (
        "--encoding {given!r} avkodar inte textfiler; använd t.ex. utf-8, cp1252, cp949, utf-16",
        "--encoding {given!r} does not decode text files; use e.g. utf-8, cp1252, cp949, utf-16",
    ),
    "not_decodable_at": (
        "rad {line} kan inte avkodas som {label} (byte {byte}; avkodarens besked, på engelska: "
        "{reason}); rätta filen eller ange en annan --encoding",
        "line {line} cannot be decoded as {label} (byte {byte}: {reason}); fix the file or give "
        "another --encoding",
    ),
    "part_why_utf8_bom": ("filen börjar med ett UTF-8-BOM", "the file starts with a UTF-8 BOM"),
    "part_why_utf16_bom": (
        "filen börjar med ett UTF-16-BOM",
        "the file starts with a UTF-16 BOM",
    ),
    "part_why_not_utf8": ("filen är inte UTF-8", "the file is not UTF-8"),
    "utf16_odd_bytes": (
        "börjar med ett UTF-16-BOM men har ett udda antal byte; filen är avkortad eller inte "
        "UTF-16",
        "starts with a UTF-16 byte-order mark but has an odd number of bytes; the file is cut "
        "short or not UTF-16",
    ),
    "mixed_encoding": (
        "rad {line} är inte UTF-8 fast raderna före är det; filen blandar två teckenkodningar "
        "(spara den igen som UTF-8, eller ange --encoding)",
        "line {line} is not UTF-8 although the lines before are; the file mixes two encodings "
        "(save it again as UTF-8, or give --encoding)",
    ),
    "unclosed_quote": (
        "ett citattecken öppnar ett fält på rad {line} och stängs aldrig; resten av filen skulle "
        "bli en enda cell (ett felplacerat citattecken?)",
        "a quote opens a field on line {line} and is never closed; the rest of the file would be "
        "one cell (a stray quote?)",
    ),
    "quote_swallows_rows": (
        "ett fält inom citattecken börjar på rad {start} och fortsätter till rad {end} och "
        "slukar rader som ser ut som egna rader (ett felplacerat citattecken?); rätta "
        "citattecknet eller sätt fältet rätt inom citattecken",
        "a quoted field opens on line {start} and runs to line {end}, swallowing lines that look "
        "like rows (a stray quote?); fix the quote or quote the field properly",
    ),
    "field_too_long": (
        "rad {line} har ett fält längre än {limit} tecken (ett citattecken som saknas, eller "
        "ingen enkätfil?)",
        "line {line} has a field longer than {limit} characters (a missing quote, or not a "
        "survey file?)",
    ),
}
