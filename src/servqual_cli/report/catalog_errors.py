"""The words of the error line, by error code (review 9 finding 9: a ``--lang sv`` run ended in
an English line).

:data:`ERRORS` is keyed by the ``code`` a reader or the core gives a
:class:`~servqual_cli.errors.ServqualError`; ``{placeholders}`` are its ``facts``, which the CLI
prepares (lists joined, counts with a no-break space in Swedish) in
:mod:`servqual_cli.cli.error_text`. The English text of each entry is the sentence the raise site
writes itself (tests check that the two agree); an English run prints the raise site's sentence
unchanged. Entries whose key starts with ``part_`` are pieces added to several messages (advice
on the encoding and the sheet). An error without a code, or with a code not listed here, keeps its
English sentence in a Swedish run; only the prefix and the place words are Swedish.
The report configuration's and the output paths' sentences live in
:mod:`servqual_cli.report.error_words`, those of reading any file and of the main commands'
options in :mod:`servqual_cli.report.error_words_read`, those coded in session 14 (trend and
series options, ``kolada fetch``, custom instruments) in
:mod:`servqual_cli.report.error_words_rest`, those coded in session 15 (KPI data, merged
ranges, survey weights) in :mod:`servqual_cli.report.error_words_more`; all are spread into
:data:`ERRORS`.

:data:`ERRNO_REASONS` says why the system refused a file, by ``errno`` name, for
``file_unreadable`` (any other reason stays in the system's English words).

:data:`CLICK` holds the option parser's messages (an unknown option, a value not among the
choices, an option without its value) that the CLI says again in Swedish.
"""

from __future__ import annotations

from servqual_cli.report.error_words import (
    CONFIG_ERRORS,
    MEASUREMENT_ERRORS,
    OUTPUT_ERRORS,
    TEXT_ERRORS,
    WORKBOOK_ERRORS,
)
from servqual_cli.report.error_words_kolada import KOLADA_ERRORS
from servqual_cli.report.error_words_more import MORE_ERRORS
from servqual_cli.report.error_words_read import OPTION_ERRORS, READ_ERRORS, SERVICE_ERRORS
from servqual_cli.report.error_words_rest import REST_ERRORS

ERRORS: dict[str, tuple[str, str]] = {
    # key: (sv, en)
    # the error line itself
    "prefix": ("servqual: fel: ", "servqual: error: "),
    "see_help": (" (se '{command} --help')", " (see '{command} --help')"),
    # opening the file (io.limits, io.read, io.read_text, io.rows, io.read_sheet, io.sheets)
    "file_not_found": ("filen finns inte", "file not found"),
    "file_unreadable": ("kan inte läsa filen: {reason}", "cannot read file: {reason}"),
    "is_folder": ("är en mapp, inte en datafil", "is a folder, expected a data file"),
    "file_empty": ("filen är tom", "file is empty"),
    "not_text_file": (
        "är ingen textfil (den innehåller NUL-byte)",
        "is not a text file (it contains NUL bytes)",
    ),
    "unsupported_type": (
        "filtypen {suffix!r} kan inte läsas; använd någon av {supported}",
        "unsupported file type {suffix!r}; expected one of {supported}",
    ),
    "no_data_rows": ("har inga datarader", "has no data rows"),
    "sheet_empty": (
        "har inga data (tomt blad eller tom fil)",
        "has no data (the sheet or file is empty)",
    ),
    "header_only": (
        "har en rubrikrad (rad {row}) men inga datarader under den",
        "has a header (row {row}) but no data rows below it",
    ),
    "sheet_not_found": (
        "det finns inget blad {sheet!r}; arbetsboken har {sheets} (ange ett namn eller ett "
        "nummer från 1)",
        "no sheet {sheet!r}; the workbook has {sheets} (give a name or a 1-based index)",
    ),
    # columns (io.survey, io.role_data, io.weight_column, cli.gap_toolbox, io.columns,
    # instruments.resolve)
    "by_column_missing": (
        "kolumnen {column!r} i --by finns inte i filen ({near})",
        "--by column {column!r} is not in the file ({near})",
    ),
    "option_column_missing": (
        "kolumnen {column!r} i {option} finns inte i filen (filen har: {columns})",
        "{option} column {column!r} is not in the file (it has: {columns})",
    ),
    "role_columns_missing": (
        "kolumner saknas: {wanted}; filen har: {columns}",
        "missing column(s): {wanted}; the file has: {columns}",
    ),
    "instrument_columns_missing": (
        "instrumentet {instrument!r} behöver {what} {missing}, som filen saknar (filen har: "
        "{columns}){unnamed}{template}",
        "instrument {instrument!r} needs {what} {missing}, which the file lacks (it has: "
        "{columns}){unnamed}{template}",
    ),
    "item_not_column": (
        "--item {name!r} är ingen kolumn{hint}",
        "--item {name!r} is not a column{hint}",
    ),
    "pattern_matches_none": (
        "mönstret {entry!r} i {option} passar ingen kolumn{hint}",
        "{option} pattern {entry!r} matches no column{hint}",
    ),
    "option_needs_column": (
        "{option} behöver kolumnen {entry}, som filen saknar{hint}",
        "{option} needs column {entry}, which the file lacks{hint}",
    ),
    # workbooks (io.zipguard, io.sheets)
    "password_protected": (
        "arbetsboken är lösenordsskyddad; spara den utan lösenord och försök igen",
        "the workbook is password-protected; save it without a password and try again",
    ),
    "text_not_workbook": (
        "det här är en textfil, inte en arbetsbok; byt namn till .csv",
        "this is a text file, not a workbook; rename it .csv",
    ),
    "not_spreadsheet": (
        "är inget läsbart kalkylblad (varken ett zip-arkiv eller en Excelfil)",
        "is not a readable spreadsheet (neither a zip archive nor an Excel file)",
    ),
    # contact files of two years (io.measurement)
    "choose_municipality": (
        "innehåller {n} kommuner ({names}); välj en med --municipality",
        "holds {n} municipalities ({names}); choose one with --municipality",
    ),
    "choose_years": (
        "innehåller åren {years}; välj två med --years",
        "holds the years {years}; choose two with --years",
    ),
    # values (io.feedback_cells, io.item_roles, io.item_set, io.weight_column, io.survey,
    # io.exclusions, io.feedback, core.gaps, core.group_gaps)
    "date_unreadable": (
        "{value!r} är inget läsbart datum, och det är inte heller de flesta värdena i kolumnen "
        "({n_bad} av {n_filled} ifyllda); {forms}",
        "{value!r} is not a readable date, nor are most values of this column ({n_bad} of "
        "{n_filled} non-blank); expected {forms}",
    ),
    "date_month_only": (
        "{value!r} är en månad, inte en dag, alltså inget datum, och de flesta värdena i "
        "kolumnen är inte heller datum ({n_bad} av {n_filled} ifyllda); {forms}",
        "{value!r} is a month, not a day, so not a date, nor are most values of this column "
        "({n_bad} of {n_filled} non-blank); expected {forms}",
    ),
    "date_wrong_weekday": (
        "{value!r} är inget läsbart datum (veckodagen stämmer inte: den dagen är en "
        "{weekday}), och det är inte heller de flesta värdena i kolumnen ({n_bad} av "
        "{n_filled} ifyllda); {forms}",
        "{value!r} is not a readable date (its weekday is wrong: that day is a {weekday}), nor "
        "are most values of this column ({n_bad} of {n_filled} non-blank); expected {forms}",
    ),
    "no_valid_answer": (
        "inget giltigt svar i hela kolumnen (t.ex. {value!r} på rad {row}: varken ett tal på "
        "skalan eller en känd svarstext)",
        "no valid answer in the whole column (e.g. {value!r} in row {row}: not a number on the "
        "scale or a known label)",
    ),
    "no_numeric_value": (
        "inget numeriskt värde i hela kolumnen",
        "no numeric value in the whole column",
    ),
    "no_valid_pair": (
        "ingen svarande har ett giltigt par av förväntan och upplevelse efter rensningen",
        "no respondent has a valid expectation/perception pair after cleaning",
    ),
    "no_valid_pair_counts": (
        "ingen svarande har ett giltigt par av förväntan och upplevelse efter rensningen (se "
        "de uteslutna cellerna: {counts})",
        "no respondent has a valid expectation/perception pair after cleaning (see the "
        "excluded cells: {counts})",
    ),
    "strict_rejects": (
        "{reason}: {value!r}{more}; --strict godtar inget uteslutet värde",
        "{reason}: {value!r}{more}; --strict rejects any excluded value",
    ),
    "no_rows_left": (
        "inga användbara rader kvar efter uteslutningarna",
        "no usable rows left after exclusions",
    ),
    # configuration files (instruments.toml, io.kpi_config, io.kolada_map, report.config)
    "invalid_toml": (
        "ogiltig TOML (tolkarens besked, på engelska: {detail}){hint}",
        "invalid TOML: {detail}{hint}",
    ),
    "invalid_toml_kolada": (
        "är inte giltig TOML (tolkarens besked, på engelska: {detail})",
        "is not valid TOML: {detail}",
    ),
    "invalid_toml_config": (
        "är inte giltig TOML (tolkarens besked, på engelska: {detail})",
        "not valid TOML: {detail}",
    ),
    "instrument_not_found": (
        "det finns ingen instrumentfil {spec!r} och inget inbyggt instrument med det namnet "
        "({names})",
        "no instrument file {spec!r} and no built-in of that name ({names})",
    ),
    "instrument_not_utf8": (
        "instrumentfilen är inte UTF-8-text",
        "instrument file is not UTF-8 text",
    ),
    "kpi_config_not_found": (
        "nyckeltalsfilen (KPI-konfigurationen) finns inte",
        "KPI configuration file not found",
    ),
    "kpi_config_not_utf8": (
        "nyckeltalsfilen (KPI-konfigurationen) är inte UTF-8-text",
        "KPI configuration is not UTF-8 text",
    ),
    "config_not_found": ("konfigurationsfilen finns inte", "config file not found"),
    "survey_file_not_found": (
        "enkätfilen {file!r} finns inte",
        "survey file {file!r} not found",
    ),
    # pieces added to several messages
    "part_closest": ("närmast: {names}", "closest: {names}"),
    "part_it_has": ("filen har: {names}", "it has: {names}"),
    "part_columns_more": ("{shown} … ({n} kolumner)", "{shown} ... ({n} columns)"),
    "part_hint_closest": ("; närmast: {names}", "; closest: {names}"),
    "part_hint_columns": (" (filen har: {names})", " (the file has: {names})"),
    "part_more": ("{shown} och {n} till", "{shown} and {n} more"),
    "part_and_more": (" (och {n} till)", " (and {n} more)"),
    "part_or": ("{role} (eller {aliases})", "{role} (or {aliases})"),
    "part_column": ("kolumnen", "column"),
    "part_columns": ("kolumnerna", "columns"),
    # the advice on a doubtful decoding, written once (session 15, w-bench): the warning under
    # a command's tables (cli.decoding_note), describe's note and, after "; ", the error line
    # (part_encoding, part_encoding_garbled below the table) all say these words; the cp1252
    # fallback's text garbled puts the East-Asian and UTF-16 code pages first, clean Latin text
    # the Latin ones (review 11b, finding 9). io.decode.encoding_hint is the English raise-site
    # copy, held to these by tests/cli/test_encoding_hint_one_source.py.
    "part_encoding_hint_garbled": (
        "filen lästes som {encoding} och texten ser förvanskad ut; prova --encoding cp949 "
        "(eller utf-16, cp1250, utf-8 …)",
        "the file was read as {encoding} and its text looks garbled; try --encoding cp949 "
        "(or utf-16, cp1250, utf-8 ...)",
    ),
    "part_encoding_hint": (
        "filen lästes som {encoding}; om namnen ser förvanskade ut, prova --encoding cp1250 "
        "(eller iso-8859-15, utf-16, cp949 …)",
        "the file was read as {encoding}; if the names look garbled, try --encoding cp1250 "
        "(or iso-8859-15, utf-16, cp949 ...)",
    ),
    "part_other_sheets": (
        "; arbetsbokens andra blad: {sheets} (välj ett med --sheet)",
        "; the workbook's other sheets: {sheets} (choose one with --sheet)",
    ),
    "part_unnamed_one": (
        "; kolumn {letter} saknar namn: var det {guess}?",
        "; column {letter} has no name: was it {guess}?",
    ),
    "part_unnamed_one_of": (
        "; kolumn {letter} saknar namn: är det en av dem?",
        "; column {letter} has no name: is it one of them?",
    ),
    "part_unnamed_many": (
        "; kolumnerna {letters} saknar namn: är de {guess}, …?",
        "; columns {letters} have no name: are they {guess}, ...?",
    ),
    "part_template": (
        "; ingen av dem finns: servqual describe {name} --instrument-template skriver ett "
        "startinstrument med filens egna kolumnnamn",
        "; none of them is there: servqual describe {name} --instrument-template writes a "
        "starter instrument for the file's own column names",
    ),
    "part_date_forms": (
        "läsbara är ISO-datum åååå-mm-dd (2024-03-05), gärna med tid (2024-03-05 14:30, 14.30, "
        "kl. 14.30 eller kl. 14), svenska datum (5 mars 2024, tis 5 mars 2024, 5:e mars 2024, "
        "5 mars 2024 kl. 14.30) och datumceller i ett kalkylblad; ordningen mellan dag och "
        "månad gissas aldrig",
        "ISO dates yyyy-mm-dd (2024-03-05), optionally with a time (2024-03-05 14:30, 14.30, "
        "kl. 14.30 or kl. 14), Swedish dates (5 mars 2024, tis 5 mars 2024, 5:e mars 2024, "
        "5 mars 2024 kl. 14.30) or date cells of a spreadsheet; day and month order is never "
        "guessed",
    ),
    "part_toml_quote": (
        ' (namn med å, ä, ö eller mellanslag måste stå inom citattecken: "Bemötande" = [1, 2])',
        ' (names with å, ä, ö or spaces must be quoted: "Bemötande" = [1, 2])',
    ),
    "part_toml_quote_keys": (
        '; sätt nycklar med å, ä, ö inom citattecken: {{ "område" = ... }}',
        '; quote keys with å, ä, ö: {{ "område" = ... }}',
    ),
    # the report configuration, output paths, service-measurement files, hostile or broken
    # workbooks: report/error_words.py
    **CONFIG_ERRORS,
    **OUTPUT_ERRORS,
    **MEASUREMENT_ERRORS,
    **WORKBOOK_ERRORS,
    **TEXT_ERRORS,
    # reading any file, the main commands' options: report/error_words_read.py
    **READ_ERRORS,
    **OPTION_ERRORS,
    **SERVICE_ERRORS,
    **KOLADA_ERRORS,  # report/error_words_kolada.py
    **REST_ERRORS,  # report/error_words_rest.py (session 14)
    **MORE_ERRORS,  # report/error_words_more.py (session 15)
    # a workbook named as a text file, options for another kind of file (review 10b, findings
    # 9 and 6; io/sniff.py, io/read.py; w-io)
    "workbook_named_text": (
        "är en Excel-arbetsbok ({kind}) med namnet {suffix}; byt namn till {kind}",
        "is an Excel workbook ({kind}) named {suffix}; rename it {kind}",
    ),
    "ods_named_text": (
        "är ett OpenDocument-kalkylblad (.ods) med namnet {suffix}; byt namn till .ods",
        "is an OpenDocument spreadsheet (.ods) named {suffix}; rename it .ods",
    ),
    "workbook_not_text": (
        "är en arbetsbok ({kind}), inte CSV-text; ange den som en fil med namnet {kind}",
        "is a workbook ({kind}), not CSV text; give it as a file named {kind}",
    ),
    "zip_not_text": (
        "är ett zip-arkiv, inte en textfil; packa upp det först",
        "is a zip archive, not a text file; unpack it first",
    ),
    "sheet_not_workbook": (
        "--sheet gäller arbetsböcker; {file} är en {format}-fil",
        "--sheet applies to workbooks; {file} is a {format} file",
    ),
    "encoding_on_workbook": (
        "--encoding gäller textfiler; {file} är en arbetsbok ({suffix})",
        "--encoding applies to text files; {file} is a workbook ({suffix})",
    ),
    "encoding_not_text_file": (
        "--encoding gäller textfiler; {file} är en {format}-fil",
        "--encoding applies to text files; {file} is a {format} file",
    ),
}

# The error line's pieces: the hint after "; " (cli.error_text adds them to column errors).
for _tail in ("", "_garbled"):
    _sv, _en = ERRORS[f"part_encoding_hint{_tail}"]
    ERRORS[f"part_encoding{_tail}"] = ("; " + _sv, "; " + _en)

ERRNO_REASONS: dict[str, tuple[str, str]] = {
    # errno name: (sv, en as os.strerror says it on Linux)
    "EACCES": ("åtkomst nekad", "Permission denied"),
    "EPERM": ("åtgärden är inte tillåten", "Operation not permitted"),
    "ENAMETOOLONG": ("filnamnet är för långt", "File name too long"),
    "ELOOP": ("för många nivåer av symboliska länkar", "Too many levels of symbolic links"),
    "ENOTDIR": ("en del av sökvägen är ingen mapp", "Not a directory"),
    "EIO": ("in- eller utmatningsfel", "Input/output error"),
    "ENOSPC": ("inget utrymme kvar på enheten", "No space left on device"),
    "EEXIST": ("det finns redan en fil med det namnet", "File exists"),
}

CLICK: dict[str, tuple[str, str]] = {
    # the option parser's messages (Typer's bundled Click), said again in Swedish; the English
    # column is Click's own wording, which an English run prints unchanged, except a date's
    # form: Click names its strftime codes ('%Y-%m-%d'), a reader the form (review 16, #10)
    "no_such_option": ("okänd flagga: {option}", "No such option: {option}"),
    "possible_options": (" (möjliga flaggor: {options})", " (Possible options: {options})"),
    "did_you_mean": (" (menade du {option}?)", " Did you mean {option}?"),
    "invalid_value": (
        "ogiltigt värde för {option}: {reason}",
        "Invalid value for {option}: {reason}",
    ),
    "not_one_of": ("{value} är inte något av {choices}", "{value} is not one of {choices}."),
    "not_in_range": (
        "{value} ligger utanför det tillåtna ({range})",
        "{value} is not in the range {range}.",
    ),
    "not_date": (
        "{value} är inget datum i formen {formats}",
        "{value} is not a date of the form {formats}",
    ),
    "not_integer": ("{value} är inget heltal", "{value} is not a valid integer (range)."),
    "not_number": ("{value} är inget tal", "{value} is not a valid float (range)."),
    "needs_value": (
        "flaggan {option} behöver ett värde",
        "Option {option} requires an argument.",
    ),
    "missing_argument": ("argumentet {name} saknas", "Missing argument {name}."),
    "missing_option": ("flaggan {name} saknas", "Missing option {name}."),
    "extra_argument": (
        "fler argument än kommandot tar: {value}",
        "Got unexpected extra argument(s) ({value})",
    ),
}
