"""Error sentences by code (sv, en) for reading any file and for the main commands' options
(session 13), spread into :data:`servqual_cli.report.catalog_errors.ERRORS` (kept apart so that
each module stays under 400 lines; the lookup is ERRORS alone). The English text is the raise
site's own sentence (tests/cli/test_errors_swedish_cli.py checks that the two agree); a
library's own reason (pyarrow's, pyreadstat's, calamine's) is quoted in English.
"""

from __future__ import annotations

READ_ERRORS: dict[str, tuple[str, str]] = {
    # formats (io.read, io.sheets)
    "not_parquet": (
        "är ingen läsbar parquetfil (läsarens besked, på engelska: {reason})",
        "is not a readable parquet file ({reason})",
    ),
    "nested_values": (
        "innehåller nästlade värden ({kind}); bara ett värde per cell kan analyseras",
        "holds nested values ({kind}); only one value per cell can be analysed",
    ),
    "table_too_many_cells": (
        "har {rows} rader × {cols} kolumner, över läsarens gräns på {max_cells} celler "
        "(ange --max-cells eller sätt SERVQUAL_MAX_CELLS för att tillåta fler)",
        "has {rows} rows x {cols} columns, over the reader's limit of {max_cells} cells "
        "(give --max-cells or set SERVQUAL_MAX_CELLS to allow more)",
    ),
    "not_spss": (
        "är ingen läsbar SPSS-fil (läsarens besked, på engelska: {reason})",
        "is not a readable SPSS file ({reason})",
    ),
    "spreadsheet_unreadable": (
        "är inget läsbart kalkylblad (läsarens besked, på engelska: {reason})",
        "is not a readable spreadsheet ({reason})",
    ),
    "no_sheets": ("arbetsboken har inga blad", "workbook has no sheets"),
    "formulas_uncalculated": (
        "{n} formelceller saknar beräknat värde (formlerna är inte beräknade){cells}; öppna och "
        "spara filen i Excel eller LibreOffice och försök igen",
        "{n} formula cells have no calculated value (formulas not calculated){cells}; open and "
        "save it in Excel or LibreOffice, then try again",
    ),
    "part_cells_in": (", i {cells}", ", in {cells}"),
    "part_cells_eg": (", t.ex. {cells}", ", e.g. {cells}"),
    "sheet_unreadable": (
        "kan inte läsa bladet (läsarens besked, på engelska: {reason})",
        "cannot read sheet: {reason}",
    ),
    # the header and the rows (io.rows, io.columns)
    "header_row_outside": (
        "--header-row {row} ligger utanför filens {n} rader",
        "--header-row {row} is outside the {n} rows",
    ),
    "too_many_fields": (
        "har {n} fält på en rad, över gränsen på {limit}",
        "has {n} fields on a line, over the limit of {limit}",
    ),
    "ragged_row": (
        "har {n} fält men rubrikraden (rad {header}) har {width}; har raderna olika längd, "
        "eller är avgränsaren fel?",
        "has {n} fields but the header (row {header}) has {width}; is the file ragged or the "
        "delimiter wrong?",
    ),
    "column_duplicated": (
        "kolumnen {name!r} förekommer {n} gånger (kolumn {letters}); byt namn på dubbletterna "
        "så att varje kolumnnamn är unikt",
        "column {name!r} appears {n} times (columns {letters}); rename the duplicates so each "
        "column name is unique",
    ),
    # item selections (io.selection, io.item_set)
    "item_twice": (
        "{option} nämner {entry!r} två gånger; ange varje fråga en gång",
        "{option} names {entry!r} twice; list each item once",
    ),
    "range_end_not_column": (
        "intervallet {entry!r} i {option}: {end!r} är ingen kolumn{hint}",
        "{option} range {entry!r}: {end!r} is not a column{hint}",
    ),
    "range_reversed": (
        "intervallet {entry!r} i {option}: {first!r} kommer efter {last!r} i filen (kolumn {a} "
        "och {b}); skriv {last}:{first}",
        "{option} range {entry!r}: {first!r} comes after {last!r} in the file (columns {a} and "
        "{b}); write {last}:{first}",
    ),
    "range_positions": (
        "intervallet {entry!r} i {option}: kolumnnumren går från 1 till {n}, och det första får "
        "inte vara större än det sista",
        "{option} range {entry!r}: column numbers run from 1 to {n} and the first must not "
        "exceed the last",
    ),
    "range_dash": (
        "{entry!r} i {option} är ingen kolumn, men {first!r} och {last!r} är det: ett intervall "
        "av namn skrivs {lo}:{hi} (ett intervall med '-' tar kolumnnummer: {a}-{b})",
        "{option} entry {entry!r} is not a column, but {first!r} and {last!r} are: a range of "
        "names is written {lo}:{hi} (a range with '-' takes column numbers: {a}-{b})",
    ),
    "entry_ambiguous": (
        "{entry!r} i {option} är början på {n} kolumnnamn ({shown}); skriv mer av namnet",
        "{option} entry {entry!r} starts {n} column names ({shown}); give more of the name",
    ),
    "items_not_named": (
        "ange frågorna med --items (lista med komman, intervall, mönster) eller --item",
        "name the items with --items (comma list, ranges, globs) or --item",
    ),
    "items_too_few": (
        "--items behöver minst två kolumner, fick {got!r}",
        "--items needs at least two columns, got {got!r}",
    ),
    "reverse_not_in_items": (
        "--reverse nämner {name!r}, som inte finns i --items",
        "--reverse names {name!r}, which is not in --items",
    ),
    # sizes (io.limits)
    "file_too_big": (
        "är {n} byte, över gränsen på {limit}; sätt SERVQUAL_MAX_BYTES för att läsa en större fil",
        "is {n} bytes, over the limit of {limit}; set SERVQUAL_MAX_BYTES to read a larger file",
    ),
    "input_not_file": (
        "är {kind}, ingen vanlig fil; ange en fil, eller '-' för standard in",
        "is {kind}, not a regular file; give a file, or '-' for stdin",
    ),
    "part_kind_fifo": ("en namngiven pipe (FIFO)", "a FIFO (named pipe)"),
    "part_kind_device": ("en enhet eller en socket", "a device or socket"),
    "env_threads": (
        "{name}={text!r}: ange antalet trådar som ett heltal, 1 eller fler",
        "{name}={text!r}: give a whole number of threads, 1 or more",
    ),
    "source_date_epoch": (
        "SOURCE_DATE_EPOCH ska vara hela sekunder sedan 1970, inte {raw!r}",
        "SOURCE_DATE_EPOCH must be whole seconds since 1970, not {raw!r}",
    ),
    "env_not_positive": (
        "miljövariabeln {name}={raw!r} ska vara ett positivt heltal",
        "environment variable {name}={raw!r} must be a positive whole number",
    ),
    # the survey (io.survey)
    "instrument_perception_only": (
        "instrumentet {name!r} har inga förväntanskolumner (bara upplevelse): kommandot behöver "
        "förväntningar; `servqual gap` redovisar SERVPERF för ett sådant instrument",
        "instrument {name!r} has no 'expectation' columns (perception only): this command "
        "needs expectations; `servqual gap` reports SERVPERF for such an instrument",
    ),
    "weights_incomplete": (
        "vikterna för dimensionernas betydelse är ofullständiga: {missing} saknas (det behövs en "
        "kolumn per dimension: {needs})",
        "importance weights are incomplete: {missing} missing (needs one column per dimension: "
        "{needs})",
    ),
}

OPTION_ERRORS: dict[str, tuple[str, str]] = {
    # gap, reliability, the toolbox, service-survey (cli.*)
    "unit_map_form": (  # feedback --unit-map (review 16, finding 3)
        "--unit-map tar GAMMAL=NY (två förvaltningsnamn), inte {value!r}",
        "--unit-map takes OLD=NEW (two unit names), got {value!r}",
    ),
    "min_items_value": (
        "--min-items ska vara half, all eller ett heltal ≥ 1, inte {value!r}",
        "--min-items must be half, all or a whole number >= 1, got {value!r}",
    ),
    "by_one_or_two": (
        "--by tar en kolumn eller två (A,B), fick {n}: {by!r}",
        "--by takes one column or two (A,B), got {n}: {by!r}",
    ),
    "option_no_names": (
        "{option} behöver kolumnnamn, fick {text!r}",
        "{option} needs column names, got {text!r}",
    ),
    "options_need_expectations": (
        "{options} behöver förväntanskolumner; det här instrumentet har bara upplevelse",
        "{options} need expectation columns; this instrument is perception-only",
    ),
    "importance_on_value": (
        "--importance-on ska vara gap eller perception, inte {value!r}",
        "--importance-on must be gap or perception, got {value!r}",
    ),
    "importance_needs_overall": (
        "--importance-on behöver --overall (kolumnen som ska förklaras)",
        "--importance-on needs --overall (the column to explain)",
    ),
    "factors_too_many": (
        "--factors {factors} är fler än instrumentets {n} frågor",
        "--factors {factors} is more than the {n} items of the instrument",
    ),
    "not_a_rating": (
        "värdet {value} är inget betyg (frågor med värden större än {max} till beloppet avvisas); "
        "rätta cellen eller ange --scale-range för att utesluta värden utanför skalan",
        "value {value} is not a rating (items above {max} in size are refused); fix the cell or "
        "give --scale-range to exclude values outside the scale",
    ),
    "weight_column_with_items": (
        "--weight-column fungerar med ett instrument, inte med --items",
        "--weight-column works with an instrument, not with --items",
    ),
    "items_need_scale_range": (
        "--items behöver --scale-range min,max (t.ex. 1,5)",
        "--items needs --scale-range min,max (e.g. 1,5)",
    ),
    "scale_range_with_instrument": (
        "--scale-range hör ihop med --items; ett instrument har sin egen skala",
        "--scale-range goes with --items; an instrument has its own scale",
    ),
    "no_question_set": (
        "ingen frågeuppsättning ur instrumentet {name!r} finns i filen (letade efter {e}, {p}, "
        "…); ange kolumnerna med --items",
        "no question set of instrument {name!r} is in the file (looked for {e}, {p}, ...); "
        "name the columns with --items",
    ),
    # --missing-codes of alpha and items (w-miss2, s15)
    "missing_codes_empty": (
        '--missing-codes behöver en kommalista med koder som 99 eller 99,"Ej svar", fick {text!r}',
        '--missing-codes needs a comma list of codes such as 99 or 99,"Ej svar", got {text!r}',
    ),
    "missing_codes_with_instrument": (
        "--missing-codes hör ihop med --items; ett instrument anger sina egna saknade svar "
        "(`missing` i dess TOML)",
        "--missing-codes goes with --items; an instrument declares its own missing answers "
        "(`missing` in its TOML)",
    ),
    "scale_range_form": (
        "--scale-range ska vara min,max som 1,6, inte {text!r}",
        "--scale-range must be min,max such as 1,6, got {text!r}",
    ),
    "scale_range_finite": (
        "--scale-range ska vara två ändliga tal som 1,6, inte {text!r}",
        "--scale-range must be two finite numbers such as 1,6, got {text!r}",
    ),
    "scale_range_order": (
        "--scale-range: min ska vara mindre än max, inte {text!r}",
        "--scale-range min must be below max, got {text!r}",
    ),
    "same_survey_twice": (
        "CUSTOMERS ({customers}) och STAFF ({staff}) är samma fil (samma SHA-256) och blad: "
        "ange personalens enkät som STAFF, den andra filen, eller personalens blad i samma "
        "arbetsbok med --staff-sheet NAMN",
        "CUSTOMERS ({customers}) and STAFF ({staff}) are the same file (the same SHA-256) and "
        "sheet: give the staff survey as STAFF, the second file, or the staff's sheet in the "
        "same workbook with --staff-sheet NAME",
    ),
    "by_one_or_two_text": (
        "--by tar en kolumn eller två (A,B), fick {by!r}",
        "--by takes one column or two (A,B), got {by!r}",
    ),
    # a --by column that is no grouping (io.groups.check_groups; review 13, finding 17)
    "by_decimals": (
        "kolumnen {column!r} i {option} har tal med decimaler ({n_values} olika värden): ett "
        "mått eller en vikt, inga grupper; välj en grupperingskolumn",
        "column {column!r} in {option} holds numbers with decimals ({n_values} distinct "
        "values): a measurement or a weight, not groups; choose a grouping column",
    ),
    "by_too_many_groups": (
        "kolumnen {column!r} i {option} har {n_values} olika värden bland {n} svarande (fler än "
        "{many} grupper och färre än {mean} svarande per grupp i snitt): välj en "
        "grupperingskolumn eller slå ihop värdena till färre grupper i filen",
        "column {column!r} in {option} has {n_values} distinct values among {n} respondents "
        "(more than {many} groups and fewer than {mean} respondents a group on average): choose "
        "a grouping column, or merge its values into fewer groups in the file",
    ),
}

SERVICE_ERRORS: dict[str, tuple[str, str]] = {
    # the KPI file (io.kpi_config); a TOML key or value is quoted as written
    "kpi_unknown_key": (
        "okänd nyckel på översta nivån {key!r}; tillåtna: title, min_n och tabeller [[kpi]]",
        "unknown top-level key {key!r}; allowed: title, min_n and [[kpi]] tables",
    ),
    "kpi_title_text": ("nyckeln 'title' ska vara text", "key 'title' must be text"),
    "kpi_min_n": (
        "nyckeln 'min_n' ska vara ett heltal, 1 eller mer, inte {value}",
        "key 'min_n' must be a whole number, 1 or more, not {value}",
    ),
    "kpi_none": (
        "inga nyckeltal: lägg till minst en tabell [[kpi]]",
        "no KPIs: add at least one [[kpi]] table",
    ),
    # contact files (io.contacts); a column's role is named by its Swedish alias
    "contacts_no_kpi_column": (
        "ingen nyckeltalskolumn hittades; en kontaktfil behöver minst en av {wanted}",
        "no KPI column found; a contact file needs at least one of {wanted}",
    ),
    "contacts_reply_without_sent": (
        "har en kolumn för svarstid men ingen kolumn skickad (sent_at) att mäta från",
        "has a reply time column but no sent_at (skickad) column to measure from",
    ),
    "contacts_two_columns_one_role": (
        "kolumnerna {names} ser båda ut som kolumnen {role_sv}; byt namn på eller ta bort en",
        "columns {names} both look like the {role} column; rename or remove one",
    ),
    "contacts_no_municipality_rows": (
        "inga rader för kommunen {wanted!r} i kolumnen {name!r} (den har: {present})",
        "no rows for municipality {wanted!r} in column {name!r} (it has: {present})",
    ),
    "contacts_no_year_rows": (
        "inga rader för år {wanted} i kolumnen {name!r} (den har: {present})",
        "no rows for year {wanted} in column {name!r} (it has: {present})",
    ),
    "contacts_no_channel_left": (
        "ingen kontakt med en giltig kanal finns kvar",
        "no contact with a valid channel is left",
    ),
    # KPI data (io.kpi_data); "[[kpi]] 1 (\"namn\")" is said as written in the file
    "kpi_no_column": (
        "{where}, nyckeln {key!r}: ingen kolumn {name!r} i {place} (den har: {shown})",
        "{where}, key {key!r}: no column {name!r} in {place} (it has: {shown})",
    ),
    "kpi_success_missing": (
        "{where}, nyckeln 'success': {value!r} förekommer aldrig i kolumnen {column!r} i {place} "
        "{tail}",
        "{where}, key 'success': {value!r} never occurs in column {column!r} of {place} {tail}",
    ),
    "part_kpi_has": ("(den har: {seen})", "(it has: {seen})"),
    "part_kpi_blank": ("(kolumnen är tom)", "(the column is blank)"),
    "part_kpi_more": (" och {n} till", " and {n} more"),
    "kpi_not_numbers": (
        "{where}, nyckeln 'value_column': kolumnen har inga numeriska värden ({n} ifyllda celler "
        "som {examples}); statistiken {statistic!r} behöver tal (för etiketter, använd "
        'statistic = "share" med success)',
        "{where}, key 'value_column': the column has no numeric values ({n} non-blank cells such "
        "as {examples}); statistic {statistic!r} needs numbers (for labels use statistic = "
        '"share" with success)',
    ),
    # time limits (vocab.durations: --promise, a KPI's limit, [service] promise)
    "limit_unreadable": (
        "kan inte läsa tidsgränsen {text!r}: väntade ett tal och en enhet: '14 dagar', "
        "'10 veckor', '5 arbetsdagar', '48 timmar', '24 arbetstimmar', eller på engelska "
        "'14 days', '10 weeks', '2 working days', '48 hours'",
        "cannot read the time limit {text!r}: expected a number and a unit: '14 days', "
        "'10 weeks', '5 working days', '48 hours', '24 working hours', or in Swedish '14 dagar', "
        "'10 veckor', '2 arbetsdagar', '48 timmar'",
    ),
    "limit_not_positive": (
        "tidsgränsen {text!r} måste vara längre än noll",
        "the time limit {text!r} must be longer than zero",
    ),
    "prefixed": ("{prefix}: {inner}", "{prefix}: {inner}"),
    "as_of_outside": (
        "--as-of {date} ligger utanför de datum verktyget hanterar (1678 till 2261)",
        "--as-of {date} is outside the dates this tool handles (1678 to 2261)",
    ),
    # citizen surveys (io.service_survey)
    "citizen_no_question": (
        "en medborgarenkät behöver minst en frågekolumn (t.ex. enkelt_att_få_hjälp, bemötande, "
        "tydligt_svar)",
        "a citizen survey needs at least one question column (e.g. enkelt_att_få_hjälp, "
        "bemötande, tydligt_svar)",
    ),
    "citizen_no_answer": (
        "inget användbart svar (1–5) i frågekolumnerna",
        "no usable answer (1-5) in the question columns",
    ),
    # survey weights (io.weight_column, io.role_data)
    "negative_weight": ("negativ vikt för svaranden", "negative survey weight"),
    "negative_weight_value": (
        "negativ vikt för svaranden {value!r}",
        "negative survey weight {value!r}",
    ),
    "no_positive_weight": (
        "ingen positiv vikt i hela kolumnen",
        "no positive weight in the whole column",
    ),
    # the report folder (report.writer, report.build)
    "report_output_is_file": (
        "utfilen {out!r} är en fil; ange en mapp för rapporten",
        "output {out!r} is a file; give a folder for the report",
    ),
    "report_output_has_input": (
        "utmappen {out!r} innehåller indatafilen {name!r}; välj en annan mapp",
        "output folder {out!r} contains the input {name!r}; choose another folder",
    ),
    "report_output_not_empty": (
        "utmappen {out!r} är inte tom och innehåller mer än en tidigare rapport från servqual "
        "(filer som dess manifest.json inte listar); välj en ny eller tom mapp",
        "output folder {out!r} is not empty and holds more than an earlier report of servqual "
        "(files its manifest.json does not list); choose a new or empty folder",
    ),
    "report_folder_unwritable": (
        "kan inte skriva rapportmappen {out!r}: {reason}",
        "cannot write the report folder {out!r}: {reason}",
    ),
    "section_needs_key": (
        "avsnittet {name!r} behöver {keys} i konfigurationen",
        "section {name!r} needs {keys} in the config",
    ),
    "depfile_inside": (
        "--depfile {depfile!r} ligger i rapportmappen {out!r}, som ersätts i sin helhet; lägg "
        "den bredvid mappen",
        "--depfile {depfile!r} is inside the report folder {out!r}, which is replaced as a "
        "whole; put it beside the folder",
    ),
    "split_needs_by": (
        "--split behöver en grupperingskolumn: --by KOL eller 'by' i [survey]",
        "--split needs a grouping column: --by COL or 'by' in [survey]",
    ),
    "unknown_section": (
        "okänt avsnitt {name!r} i 'sections' (kända: {known})",
        "unknown section {name!r} in 'sections' (known: {known})",
    ),
}
