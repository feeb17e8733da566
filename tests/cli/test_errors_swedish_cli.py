"""Errors in the run's language (review 9 finding 9): under ``--lang sv`` the error line is
"servqual: fel: <plats>: <mening>" for every translated code, one line, exit 1 or 2, no
traceback; the same run in English prints the raise site's English sentence as before, and the
catalog's English entry agrees with that sentence (so the facts a raise site gives are complete).

Files: tests/data/ and tests/data/errors_sv/ (written by its make_files.py).
"""

from __future__ import annotations

import ast
import pickle
from pathlib import Path
from typing import Any

import pytest

from servqual_cli.cli import error_text
from servqual_cli.errors import DataError, Location, ServqualError
from servqual_cli.report.catalog_errors import ERRORS

DATA = Path(__file__).parent.parent / "data"
SV = DATA / "errors_sv"
SRC = Path(__file__).parent.parent.parent / "src" / "servqual_cli"
KIOSK = ("--instrument", str(DATA / "kiosk.toml"))
READER = DATA / "reader"
TWO = ("--instrument", str(READER / "two_items.toml"))
FORMS_DIR = DATA / "instruments"
FORMS = str(FORMS_DIR / "kiosk_r_export.csv")

# (args, exit code, error code, a piece of the Swedish line)
CASES: list[tuple[tuple[str, ...], int, str, str]] = [
    (("gap", str(DATA / "nope.csv")), 2, "file_not_found", "nope.csv: filen finns inte"),
    (("gap", "x" * 300 + ".csv"), 2, "file_unreadable", "kan inte läsa filen: filnamnet är för"),
    (("gap", str(DATA)), 2, "is_folder", "är en mapp, inte en datafil"),
    (("gap", str(DATA / "empty.csv")), 1, "file_empty", "empty.csv: filen är tom"),
    (("gap", str(SV / "nul.csv")), 1, "not_text_file", "är ingen textfil"),
    (("gap", str(DATA / "kiosk.toml")), 2, "unsupported_type", "filtypen '.toml' kan inte"),
    (("gap", str(SV / "no_rows.parquet")), 1, "no_data_rows", "har inga datarader"),
    (("gap", str(SV / "empty_sheet.xlsx")), 1, "sheet_empty", "blad 'Data': har inga data"),
    (("gap", str(DATA / "header_only.csv"), *KIOSK), 1, "header_only",
     "har en rubrikrad (rad 1) men inga datarader under den"),
    (("gap", str(DATA / "kiosk.xlsx"), "--sheet", "Blad9", *KIOSK), 2, "sheet_not_found",
     "det finns inget blad 'Blad9'; arbetsboken har 'Info', 'Data' (ange ett namn"),
    (("gap", str(DATA / "kiosk.csv"), *KIOSK, "--by", "enhett"), 2, "by_column_missing",
     "kolumn 'enhett': kolumnen 'enhett' i --by finns inte i filen (närmast: Enhet)"),
    (("gap", str(DATA / "kiosk.xlsx"), "--sheet", "2", *KIOSK, "--by", "Tjanst"), 2,
     "by_column_missing", "U5 …); arbetsbokens andra blad: Info (välj ett med --sheet)"),
    (("gap", str(SV / "cp1252.csv"), *KIOSK, "--by", "Tjanst"), 2, "by_column_missing",
     "; filen lästes som cp1252; om namnen ser förvanskade ut, prova --encoding cp949"),
    (("gap", str(DATA / "kiosk.csv"), *KIOSK, "--weight-column", "vikt"), 2,
     "option_column_missing", "kolumnen 'vikt' i --weight-column finns inte i filen (filen har:"),
    (("alpha", str(DATA / "kiosk.csv"), "--items", "F1,F9"), 2, "option_needs_column",
     "--items behöver kolumnen F9, som filen saknar (filen har: id, Enhet, F1, F2, F3, F4, F5, "
     "U1, U2, U3, U4, U5 … (14 kolumner))"),
    (("alpha", str(DATA / "kiosk.csv"), "--items", "X*"), 2, "pattern_matches_none",
     "mönstret 'X*' i --items passar ingen kolumn (filen har:"),
    (("alpha", str(DATA / "kiosk.csv"), "--item", "Enhett", "--item", "F1"), 2,
     "item_not_column", "--item 'Enhett' är ingen kolumn; närmast: Enhet"),
    (("gap", str(DATA / "reader" / "encrypted.xlsx")), 1, "password_protected",
     "arbetsboken är lösenordsskyddad; spara den utan lösenord och försök igen"),
    (("gap", str(DATA / "reader" / "csv_renamed.xlsx")), 1, "text_not_workbook",
     "det här är en textfil, inte en arbetsbok; byt namn till .csv"),
    (("gap", str(DATA / "corrupt.xlsx")), 1, "not_spreadsheet",
     "är inget läsbart kalkylblad (varken ett zip-arkiv eller en Excelfil)"),
    (("trend", str(DATA / "contacts_two_municipalities.csv")), 2, "choose_municipality",
     "innehåller 2 kommuner (Lekeberg, Karlstad); välj en med --municipality"),
    (("trend", str(DATA / "contacts_years.csv"), str(DATA / "contacts_2020.csv")), 2,
     "choose_years", "contacts_years.csv: innehåller åren 2019, 2020; välj två med --years"),
    (("feedback", str(DATA / "feedback_missing_columns.csv")), 1, "role_columns_missing",
     "kolumner saknas: unit (eller förvaltning / department"),
    (("gap", str(DATA / "missing_columns.csv"), *KIOSK), 1, "instrument_columns_missing",
     "instrumentet 'Kiosk service quality' behöver kolumnerna F3, F4, F5, U2, U3, U4, U5, som "
     "filen saknar (filen har: id, F1, F2, U1)"),
    (("feedback", str(DATA / "feedback_dotted_dates.csv")), 1, "date_unreadable",
     "rad 2, kolumn 'Answered': '05.01.2024' är inget läsbart datum"),
    (("feedback", str(SV / "month.csv")), 1, "date_month_only",
     "'januari 2024' är en månad, inte en dag"),
    (("feedback", str(SV / "weekday.csv")), 1, "date_wrong_weekday",
     "(veckodagen stämmer inte: den dagen är en tisdag)"),
    (("gap", str(DATA / "all_text.csv"), *KIOSK), 1, "no_valid_answer",
     "kolumn 'F3': inget giltigt svar i hela kolumnen (t.ex. 'bra' på rad 2"),
    (("gap", str(DATA / "kiosk.csv"), *KIOSK, "--weight-column", "Enhet"), 1,
     "no_numeric_value", "kolumn 'Enhet': inget numeriskt värde i hela kolumnen"),
    (("gap", str(SV / "no_pair.csv"), *KIOSK), 1, "no_valid_pair_counts",
     "ingen svarande har ett giltigt par av förväntan och upplevelse efter rensningen (se de "
     "uteslutna cellerna: tomma 10)"),
    (("gap", str(DATA / "kiosk.csv"), *KIOSK, "--strict"), 1, "strict_rejects",
     "rad 4, kolumn 'F2': utanför skalan: '9' (och 2 till); --strict godtar inget uteslutet"),
    (("feedback", str(SV / "no_rows_left.csv")), 1, "no_rows_left",
     "inga användbara rader kvar efter uteslutningarna"),
    (("gap", str(DATA / "kiosk.csv"), "--instrument", str(DATA / "bad.toml")), 2, "invalid_toml",
     "bad.toml: ogiltig TOML (tolkarens besked, på engelska: Unclosed array"),
    (("kpi", str(DATA / "kpi_bad_syntax.toml")), 2, "invalid_toml", "ogiltig TOML (tolkarens"),
    (("report", str(DATA / "bad.toml")), 2, "invalid_toml_config", "är inte giltig TOML"),
    (("gap", str(DATA / "kiosk.csv"), "--instrument", "nope.toml"), 2, "instrument_not_found",
     "det finns ingen instrumentfil 'nope.toml' och inget inbyggt instrument med det namnet"),
    (("gap", str(DATA / "kiosk.csv"), "--instrument", str(SV / "instrument_latin1.toml")), 2,
     "instrument_not_utf8", "instrumentfilen är inte UTF-8-text"),
    (("kpi", str(DATA / "nope.toml")), 2, "kpi_config_not_found", "nyckeltalsfilen"),
    (("kpi", str(SV / "kpi_latin1.toml")), 2, "kpi_config_not_utf8", "är inte UTF-8-text"),
    (("report", str(DATA / "nope.toml")), 2, "config_not_found", "konfigurationsfilen finns inte"),
    (("report", str(DATA / "nope.xlsx")), 2, "survey_file_not_found", "enkätfilen '"),
    (("kolada", str(DATA / "kolada_wide_sv.csv"), "-m", "Lekeberg", "--kpi-map",
      str(DATA / "bad.toml")), 2,
     "invalid_toml_kolada", "bad.toml: är inte giltig TOML (tolkarens besked"),
    # report configurations (report.config), one wrong key each
    (("report", str(SV / "config_unknown_key.toml")), 2, "config_unknown_key",
     "okänd nyckel 'titel' (kända nycklar här: title, organisation"),
    (("report", str(SV / "config_wrong_type.toml")), 2, "config_wrong_type",
     "nyckeln 'min_n' ska vara ett heltal, inte 2.5"),
    (("report", str(SV / "config_not_one_of.toml")), 2, "config_not_one_of",
     "nyckeln 'language' ska vara en av sv, en, inte 'de'"),
    (("report", str(SV / "config_file_not_found.toml")), 2, "config_file_not_found",
     "nyckeln 'survey.file': filen 'saknas.csv' finns inte (sökvägar räknas från"),
    (("report", str(SV / "config_sections_list.toml")), 2, "config_sections_list",
     "nyckeln 'sections' ska vara en lista med minst ett avsnittsnamn"),
    (("report", str(SV / "config_sections_twice.toml")), 2, "config_sections_twice",
     "nyckeln 'sections' nämner ett avsnitt två gånger"),
    (("report", str(SV / "config_no_input.toml")), 2, "config_no_input",
     "konfigurationen anger inga data: lägg till en tabell [survey], [contacts] eller"),
    (("report", str(SV / "config_min_n.toml")), 2, "config_min_n",
     "nyckeln 'min_n' ska vara 1 eller mer, inte 0"),
    (("report", str(SV / "config_date.toml")), 2, "config_date",
     "nyckeln 'date' ska vara ett datum som 2025-02-15, inte '15 februari 2025'"),
    (("report", str(SV / "config_date_time.toml")), 2, "config_date",
     "nyckeln 'date' ska vara ett datum som 2025-02-15, inte datetime"),
    (("report", str(SV / "config_file_required.toml")), 2, "config_file_required",
     "nyckeln 'survey.file' krävs i [survey]"),
    (("report", str(SV / "config_header_row.toml")), 2, "config_header_row",
     "nyckeln 'survey.header_row' ska vara 1 eller mer"),
    (("report", str(SV / "config_conf.toml")), 2, "config_conf",
     "nyckeln 'survey.conf' ska ligga mellan 0.5 och 0.999 (i TOML med decimalpunkt), inte 0.3"),
    (("report", str(SV / "config_years_required.toml")), 2, "config_years_required",
     "nyckeln 'contacts.years' krävs: en tabell med år = \"fil\""),
    (("report", str(SV / "config_year_key.toml")), 2, "config_year_key",
     "nyckeln 'contacts.years.år 2019' ska vara ett årtal som 2020"),
    (("report", str(SV / "config_year_file.toml")), 2, "config_year_file",
     "nyckeln 'contacts.years.2019' ska vara ett filnamn, inte 2019"),
    (("report", str(SV / "config_service_input.toml")), 2, "config_service_input",
     "[service] behöver 'kpi' (en nyckeltalsfil i TOML) eller 'feedback' (en registerfil)"),
    (("report", str(SV / "config_no_survey.toml"), "--by", "Enhet"), 2, "config_no_survey",
     "servqual: fel: --by angavs, men konfigurationen har ingen tabell [survey]"),
    # output paths and formats (cli.output, report.atomic)
    (("gap", str(DATA / "kiosk.csv"), *KIOSK, "--csv-dialect", "foo"), 2, "csv_dialect_unknown",
     "--csv-dialect ska vara en av default, excel-sv, inte 'foo'"),
    (("gap", str(DATA / "kiosk.csv"), *KIOSK, "-o", "out.foo"), 2, "output_format_unknown",
     "formatet för 'out.foo' går inte att se på filändelsen; ge filen ändelsen .csv, .html"),
    (("gap", str(DATA / "kiosk.csv"), *KIOSK, "-o", "/dev/null"), 2, "output_device",
     "utfilen '/dev/null' är en enhet; använd -o - för standard ut"),
    (("gap", str(DATA / "kiosk.csv"), *KIOSK, "-o", "x" * 300 + ".csv"), 2, "output_unusable",
     "kan inte använda utfilen 'xxx"),
    (("gap", str(DATA / "kiosk.csv"), *KIOSK, "-o", str(DATA)), 2, "output_is_folder",
     "data' är en mapp; ange ett filnamn"),
    (("gap", str(DATA / "kiosk.csv"), *KIOSK, "-o", "nowhere/out.csv"), 2,
     "output_folder_missing", "nowhere' för utfilen finns inte"),
    (("gap", str(DATA / "kiosk.csv"), *KIOSK, "--excluded", str(DATA / "kiosk.toml")), 2,
     "output_is_input", "--excluded '"),
    (("gap", str(DATA / "kiosk.csv"), *KIOSK, "-o", "same.csv", "--excluded", "same.csv"), 2,
     "outputs_same_file", "--output och --excluded är samma fil 'same.csv'; ange två namn"),
    (("gap", str(DATA / "kiosk.csv"), *KIOSK, "--excluded", "-"), 2, "excluded_stdout",
     "--excluded behöver ett filnamn; '-' är huvudresultatets plats"),
    (("gap", str(DATA / "kiosk.csv"), *KIOSK, "--excluded", "ut.xlsx"), 2, "excluded_not_csv",
     "--excluded skriver en CSV-lista; ge den namnet .csv (fick 'ut.xlsx')"),
    (("gap", str(DATA / "kiosk.csv"), *KIOSK, "--format", "xlsx"), 2, "xlsx_needs_file",
     "--format xlsx behöver -o FIL.xlsx (en arbetsbok är ingen terminaltext)"),
    (("describe", str(DATA / "kiosk.csv"), "--format", "apa"), 2, "apa_no_lines",
     "--format apa: kommandot redovisar inga testrader i APA-stil"),
    # service-measurement files (io.measurement)
    (("trend", str(DATA / "kiosk.csv"), str(DATA / "contacts_2020.csv")), 1,
     "not_contacts_or_survey", "är varken en kontaktfil (den behöver en kolumn channel/kanal) "
     "eller en SERVQUAL-enkät (kolumnerna E1, P1, …); filen har: id, Enhet, F1"),
    (("trend", str(DATA / "contacts_2019.csv")), 2, "one_file_two_years",
     "en enda fil behöver en årskolumn med två år, eller --years FÖRE,EFTER (filen har: inga år)"),
    (("trend", str(DATA / "contacts_years.csv"), "--years", "2018,2020"), 2, "no_rows_for_year",
     "contacts_years.csv: inga rader för år 2018 (filen har: 2019, 2020)"),
    (("trend", str(DATA / "contacts_years.csv"), "--benchmark", str(SV / "kolada_2019.csv")), 2,
     "no_values_for_year", "kolada_2019.csv: inga värden för 2020 (filen har: 2019)"),
    (("trend", str(DATA / "reliability_noise_30.csv")), 2, "survey_needs_year",
     "en enda enkätfil behöver en årskolumn (år); eller ge två filer"),
    (("trend", str(DATA / "contacts_years.csv"), str(DATA / "contacts_2020.csv"),
      str(DATA / "contacts_2019.csv")), 2, "series_one_year_per_file",
     "contacts_years.csv: en serie tar ett år per fil; den här filen har åren: 2019, 2020"),
    (("trend", str(DATA / "contacts_2019.csv"), str(DATA / "contacts_years.csv"),
      str(DATA / "contacts_2020.csv")), 2, "series_one_year_per_file",
     "contacts_2019.csv: en serie tar ett år per fil; den här filen har åren: inga"),
    (("trend", str(SV / "year_2019.csv"), str(SV / "year_2019.csv"),
      str(DATA / "contacts_2020.csv")), 2, "series_year_twice",
     "year_2019.csv: två filer gäller 2019; ange varje år en gång"),
    (("trend", str(SV / "no_municipality_2019.csv"), str(SV / "no_municipality_2020.csv"),
      "--benchmark", str(DATA / "contacts_kolada.csv")), 2, "benchmark_needs_municipality",
     "contacts_kolada.csv: ange den här kommunen med --municipality för att jämföra den"),
    (("trend", str(DATA / "contacts_2019.csv"), str(DATA / "contacts_2020.csv"), "--benchmark",
      str(SV / "no_municipality_2020.csv")), 1, "benchmark_needs_municipality_column",
     "en jämförelsefil med kontakter behöver en kommunkolumn (kommun)"),
    # hostile or broken workbooks (io.zipguard)
    (("gap", str(SV / "old_style.xlsx")), 1, "old_xls_named",
     "är en arbetsbok i det gamla .xls-formatet men heter .xlsx; byt namn till .xls"),
    (("gap", str(SV / "html.xls")), 1, "html_named_xls",
     "är en HTML- eller XML-fil som heter .xls, ingen arbetsbok"),
    (("gap", str(SV / "damaged_zip.xlsx")), 1, "damaged_workbook",
     "är inget läsbart kalkylblad (skadat innehåll i zip-arkivet; beskedet, på engelska: File is"),
    (("gap", str(DATA / "reader" / "bomb_far_cell.xlsx")), 1, "too_many_cells",
     "blad 'Sheet': bladet omfattar 1\u00a0048\u00a0576 rader och minst 16\u00a0384 "
     "kolumner, över läsarens gräns på 50\u00a0000\u00a0000 celler; avvisas utan att läsas "
     "(ange --max-cells"),
    (("gap", str(DATA / "reader" / "bomb_repeated.ods")), 1, "too_many_cells",
     "dess upprepade rader och celler omfattar 1\u00a0048\u00a0576 × 16\u00a0002, över"),
    # decoding and splitting text files (io.decode, io.csvtext)
    (("gap", str(READER / "utf16.csv"), "--encoding", "foo"), 2, "unknown_encoding",
     "utf16.csv: okänd teckenkodning 'foo'"),
    (("gap", str(READER / "utf16.csv"), "--encoding", "base64"), 2, "encoding_not_text",
     "--encoding 'base64' avkodar inte textfiler; använd t.ex. utf-8, cp1252, cp949, utf-16"),
    (("gap", str(READER / "bom_invalid.csv"), *TWO), 1, "not_decodable_at",
     "rad 4 kan inte avkodas som UTF-8 (filen börjar med ett UTF-8-BOM) (byte 74; avkodarens "
     "besked, på engelska: invalid continuation byte); rätta filen eller ange en annan"),
    (("gap", str(READER / "utf16_surrogate.csv"), *TWO), 1, "not_decodable_at",
     "rad 7 kan inte avkodas som UTF-16 (filen börjar med ett UTF-16-BOM) (byte 281;"),
    (("gap", str(READER / "utf16_odd.csv"), *TWO), 1, "utf16_odd_bytes",
     "börjar med ett UTF-16-BOM men har ett udda antal byte; filen är avkortad eller inte"),
    (("gap", str(READER / "mixed_encoding.csv"), *TWO), 1, "mixed_encoding",
     "rad 5 är inte UTF-8 fast raderna före är det; filen blandar två teckenkodningar"),
    (("gap", str(READER / "stray_quote.csv"), *TWO), 1, "unclosed_quote",
     "ett citattecken öppnar ett fält på rad 3 och stängs aldrig; resten av filen skulle bli"),
    (("gap", str(READER / "stray_quote_closed.csv"), *TWO), 1, "quote_swallows_rows",
     "ett fält inom citattecken börjar på rad 3 och fortsätter till rad 5 och slukar rader"),
    # reading any file (io.read, io.sheets, io.rows, io.columns, io.survey)
    (("gap", str(SV / "bad.parquet")), 1, "not_parquet",
     "bad.parquet: är ingen läsbar parquetfil (läsarens besked, på engelska: "),
    (("gap", str(SV / "nested.parquet")), 1, "nested_values",
     "kolumn 'F1': innehåller nästlade värden (list<element: int64>); bara ett värde per cell"),
    (("gap", str(SV / "rows.parquet"), "--max-cells", "2"), 1, "table_too_many_cells",
     "har 3 rader × 2 kolumner, över läsarens gräns på 2 celler (ange --max-cells eller sätt"),
    (("gap", str(SV / "bad.sav")), 1, "not_spss",
     "bad.sav: är ingen läsbar SPSS-fil (läsarens besked, på engelska: "),
    (("gap", str(SV / "cut_workbook.xlsx")), 1, "spreadsheet_unreadable",
     "är inget läsbart kalkylblad (läsarens besked, på engelska: CalamineError: "),
    (("gap", str(SV / "no_sheets.xlsx")), 1, "no_sheets",
     "no_sheets.xlsx: arbetsboken har inga blad"),
    (("gap", str(SV / "formulas.xlsx")), 1, "formulas_uncalculated",
     "blad 'Data': 2 formelceller saknar beräknat värde (formlerna är inte beräknade), i A2, B2; "
     "öppna och spara filen i Excel eller LibreOffice och försök igen"),
    (("gap", str(SV / "cut_sheet.xlsx")), 1, "sheet_unreadable",
     "blad 'Data': kan inte läsa bladet (läsarens besked, på engelska: "),
    (("gap", str(DATA / "kiosk.csv"), *KIOSK, "--header-row", "99"), 2, "header_row_outside",
     "kiosk.csv: --header-row 99 ligger utanför filens 31 rader"),
    (("gap", str(DATA / "ragged.csv"), *KIOSK), 1, "ragged_row",
     "ragged.csv, rad 3: har 16 fält men rubrikraden (rad 1) har 14; har raderna olika längd"),
    (("gap", str(DATA / "duplicate_columns.csv"), *KIOSK), 1, "column_duplicated",
     "kolumn 'F1': kolumnen 'F1' förekommer 2 gånger (kolumn C, D); byt namn på dubbletterna"),
    (("gap", str(SV / "one_weight.csv"), *KIOSK), 1, "weights_incomplete",
     "vikterna för dimensionernas betydelse är ofullständiga: V2 saknas (det behövs en kolumn "
     "per dimension: V1, V2)"),
    (("reliability", str(DATA / "kiosk.csv"), "-i",
      str(FORMS_DIR / "kiosk_perception_only.toml")), 2, "instrument_perception_only",
     "har inga förväntanskolumner (bara upplevelse): kommandot behöver förväntningar"),
    # item selections (io.selection, io.item_set)
    (("alpha", FORMS, "--items", "X1a,X1a"), 2, "item_twice",
     "--items nämner 'X1a' två gånger; ange varje fråga en gång"),
    (("alpha", FORMS, "--items", "X1a:Q"), 2, "range_end_not_column",
     "intervallet 'X1a:Q' i --items: 'Q' är ingen kolumn (filen har: id, Enhet,"),
    (("alpha", FORMS, "--items", "X5a:X1a"), 2, "range_reversed",
     "intervallet 'X5a:X1a' i --items: 'X5a' kommer efter 'X1a' i filen (kolumn 7 och 3); "
     "skriv X1a:X5a"),
    (("alpha", FORMS, "--items", "3-99"), 2, "range_positions",
     "intervallet '3-99' i --items: kolumnnumren går från 1 till 14, och det första"),
    (("alpha", FORMS, "--items", "X1a,Vikt"), 2, "entry_ambiguous",
     "'Vikt' i --items är början på 2 kolumnnamn ('Vikt.1'; 'Vikt.2'); skriv mer av namnet"),
    (("alpha", str(DATA / "kiosk.csv")), 2, "items_not_named",
     "servqual: fel: ange frågorna med --items (lista med komman, intervall, mönster) eller"),
    (("alpha", str(DATA / "kiosk.csv"), "--items", "F1"), 2, "items_too_few",
     "--items behöver minst två kolumner, fick 'F1'"),
    (("alpha", str(DATA / "kiosk.csv"), "--items", "F1,F2", "--reverse", "U1"), 2,
     "reverse_not_in_items", "--reverse nämner 'U1', som inte finns i --items"),
    # the main commands' options (cli.gap, cli.gap_toolbox, cli.reliability, cli.toolbox*,
    # cli.citizen)
    (("gap", str(DATA / "kiosk.csv"), *KIOSK, "--min-items", "0"), 2, "min_items_value",
     "--min-items ska vara half, all eller ett heltal ≥ 1, inte '0'"),
    (("gap", str(DATA / "kiosk.csv"), *KIOSK, "--by", "a,b,c"), 2, "by_one_or_two",
     "--by tar en kolumn eller två (A,B), fick 3: 'a,b,c'"),
    (("gap", str(DATA / "kiosk.csv"), *KIOSK, "--by", ","), 2, "option_no_names",
     "--by behöver kolumnnamn, fick ','"),
    (("gap", str(DATA / "kiosk.csv"), "-i", str(FORMS_DIR / "kiosk_perception_only.toml"),
      "--overall", "F1"), 2, "options_need_expectations",
     "--overall behöver förväntanskolumner; det här instrumentet har bara upplevelse"),
    (("gap", str(DATA / "kiosk.csv"), *KIOSK, "--overall", "F1", "--importance-on", "x"), 2,
     "importance_on_value", "--importance-on ska vara gap eller perception, inte 'x'"),
    (("gap", str(DATA / "kiosk.csv"), *KIOSK, "--importance-on", "perception"), 2,
     "importance_needs_overall", "--importance-on behöver --overall (kolumnen som ska förklaras)"),
    (("reliability", str(DATA / "kiosk.csv"), *KIOSK, "--factors", "99"), 2, "factors_too_many",
     "--factors 99 är fler än instrumentets 5 frågor"),
    (("alpha", str(SV / "huge.csv"), "--items", "A,B"), 1, "not_a_rating",
     "kolumn 'B': värdet 2e+07 är inget betyg (frågor med värden större än 1e+06 till"),
    (("items", str(DATA / "kiosk.csv"), "--items", "F1,F2", "--weight-column", "V1",
      "--scale-range", "1,5"), 2, "weight_column_with_items",
     "--weight-column fungerar med ett instrument, inte med --items"),
    (("items", str(DATA / "kiosk.csv"), "--items", "F1,F2"), 2, "items_need_scale_range",
     "--items behöver --scale-range min,max (t.ex. 1,5)"),
    (("items", str(DATA / "kiosk.csv"), *KIOSK, "--scale-range", "1,5"), 2,
     "scale_range_with_instrument", "--scale-range hör ihop med --items; ett instrument har"),
    (("items", str(DATA / "contacts_2019.csv"), *KIOSK), 2, "no_question_set",
     "ingen frågeuppsättning ur instrumentet 'Kiosk service quality' finns i filen (letade "
     "efter F1, U1, …); ange kolumnerna med --items"),
    (("items", str(DATA / "kiosk.csv"), "--items", "F1,F2", "--scale-range", "x"), 2,
     "scale_range_form", "--scale-range ska vara min,max som 1,6, inte 'x'"),
    (("items", str(DATA / "kiosk.csv"), "--items", "F1,F2", "--scale-range", "inf,5"), 2,
     "scale_range_finite", "--scale-range ska vara två ändliga tal som 1,6, inte 'inf,5'"),
    (("items", str(DATA / "kiosk.csv"), "--items", "F1,F2", "--scale-range", "5,1"), 2,
     "scale_range_order", "--scale-range: min ska vara mindre än max, inte '5,1'"),
    (("knowledge-gap", str(DATA / "kiosk.csv"), str(DATA / "kiosk.csv"), *KIOSK), 2,
     "same_survey_twice", "CUSTOMERS (kiosk.csv) och STAFF (kiosk.csv) är samma fil (samma "
     "SHA-256): ange personalens enkät som STAFF, den andra filen"),
    (("service-survey", str(DATA.parent.parent / "data" / "samples" /
      "servicematning_medborgare_2022_2024.xlsx"), "--benchmark",
      str(DATA / "kolada_survey_2024.csv")), 2, "benchmark_needs_municipality",
     "servqual: fel: ange den här kommunen med --municipality för att jämföra den"),
    (("tolerance", str(DATA.parent / "core" / "r" / "toolbox_synth.csv"), "-i",
      str(DATA / "toolbox.toml"), "--by", "a,b,c"), 2, "by_one_or_two_text",
     "--by tar en kolumn eller två (A,B), fick 'a,b,c'"),
    # sizes (io.limits)
    (("gap", str(DATA / "kiosk.csv"), *KIOSK, "--max-cells", "2"), 1, "table_too_many_cells",
     "kiosk.csv: har 30 rader × 14 kolumner, över läsarens gräns på 2 celler"),
    # KPI files (io.kpi_config), contact files (io.contacts)
    (("kpi", str(SV / "kpi_unknown_key.toml")), 2, "kpi_unknown_key",
     "okänd nyckel på översta nivån 'foo'; tillåtna: title, min_n och tabeller [[kpi]]"),
    (("kpi", str(SV / "kpi_title.toml")), 2, "kpi_title_text", "nyckeln 'title' ska vara text"),
    (("kpi", str(SV / "kpi_min_n.toml")), 2, "kpi_min_n",
     "nyckeln 'min_n' ska vara ett heltal, 1 eller mer, inte 0"),
    (("kpi", str(SV / "kpi_none.toml")), 2, "kpi_none",
     "inga nyckeltal: lägg till minst en tabell [[kpi]]"),
    (("contacts", str(SV / "contacts_no_kpi.csv")), 1, "contacts_no_kpi_column",
     "ingen nyckeltalskolumn hittades; en kontaktfil behöver minst en av reached (nådd), "),
    (("contacts", str(SV / "contacts_reply.csv")), 1, "contacts_reply_without_sent",
     "kolumn 'besvarad': har en kolumn för svarstid men ingen kolumn skickad (sent_at)"),
    (("contacts", str(SV / "contacts_two_channels.csv")), 1, "contacts_two_columns_one_role",
     "kolumnerna 'channel' och 'kanal' ser båda ut som kolumnen kanal; byt namn på eller ta"),
    (("contacts", str(DATA / "contacts_two_municipalities.csv"), "--municipality", "Nowhere"),
     2, "contacts_no_municipality_rows",
     "inga rader för kommunen 'Nowhere' i kolumnen 'kommun' (den har: Lekeberg, Karlstad)"),
    (("contacts", str(DATA / "contacts_years.csv"), "--year", "2018"), 2,
     "contacts_no_year_rows", "inga rader för år 2018 i kolumnen 'year' (den har: 2019, 2020)"),
    # the report folder (report.writer, report.build)
    (("report", str(DATA / "kiosk.csv"), *KIOSK, "--split"), 2, "split_needs_by",
     "servqual: fel: --split behöver en grupperingskolumn: --by KOL eller 'by' i [survey]"),
    (("report", str(SV / "config_section_needs.toml")), 2, "section_needs_key",
     "avsnittet 'measurement' behöver 'contacts' i konfigurationen"),
    (("report", str(SV / "config_unknown_section.toml")), 2, "unknown_section",
     "okänt avsnitt 'foo' i 'sections' (kända: summary, method,"),
    # servqual kolada (cli.kolada, io.kolada)
    (("kolada", str(DATA / "kolada_wide_sv.csv"), str(DATA / "kiosk.csv"), "-m", "Lekeberg"), 2,
     "kolada_one_file",
     "servqual: fel: ange en CSV- eller Excelfil, eller en eller flera JSON-sidor från Koladas"),
    (("kolada", str(DATA / "kolada_wide_sv.csv"), "-m", "Nowhere"), 2,
     "kolada_municipality_missing", "--municipality 'Nowhere' finns inte i filen (den har: "
     "Borås (1490), Lekeberg (1814), Stockholm (0180), Örebro (1880))"),
    (("kolada", str(DATA / "kolada_wide_sv.csv"), "-m", "Lekeberg", "--kpi", "X1"), 1,
     "kolada_no_kpi_values", "kolada_wide_sv.csv: inga värden för --kpi X1"),
    (("kolada", str(DATA / "kolada_wide_sv.csv"), "-m", "Lekeberg", "--gender", "X"), 2,
     "gender_value", "--gender tar T (totalt), K (kvinnor) eller M (män), inte 'X'"),
    # KPI data (io.kpi_data)
    (("kpi", str(DATA / "kpi_unknown_column.toml")), 2, "kpi_no_column",
     "[[kpi]] 1 (\"E-post\"), nyckeln 'start': ingen kolumn 'sent_at' i kpi_cases.csv (den har: "
     "nr, kanal,"),
    (("kpi", str(DATA / "kpi_unknown_success.toml")), 2, "kpi_success_missing",
     "nyckeln 'success': 'jaa' förekommer aldrig i kolumnen 'nöjd' i kpi_cases.csv (den har: "
     "'ja', 'nej')"),
    (("kpi", str(DATA / "kpi_text_value.toml")), 1, "kpi_not_numbers",
     "kolumn 'kanal': [[kpi]] 1 (\"Väntetid\"), nyckeln 'value_column': kolumnen har inga "
     "numeriska värden (12 ifyllda celler som 'e-post', 'telefon'); statistiken 'median'"),
]  # fmt: skip


@pytest.fixture
def seen(monkeypatch: pytest.MonkeyPatch) -> list[ServqualError]:
    """The errors the CLI's handler renders, in order."""
    found: list[ServqualError] = []
    original = error_text.error_line

    def record(exc: ServqualError, lang: str) -> str:
        found.append(exc)
        return original(exc, lang)

    monkeypatch.setattr(error_text, "error_line", record)
    return found


@pytest.mark.parametrize(("args", "exit_code", "code", "swedish"), CASES,
                         ids=[f"{c[2]}-{i}" for i, c in enumerate(CASES)])  # fmt: skip
def test_error_in_swedish(cli, seen, tmp_path: Path, args, exit_code, code, swedish) -> None:
    out = ("-o", str(tmp_path / "out")) if args[0] == "report" else ()
    _check(cli, seen, (*args, *out), exit_code, code, swedish)


def _check(cli, seen, args, exit_code: int, code: str, swedish: str) -> None:
    sv = cli(*args, "--lang", "sv")
    assert sv.exit_code == exit_code, sv.stderr
    assert sv.stderr.startswith("servqual: fel: ") and sv.stderr.count("\n") == 1, sv.stderr
    assert "Traceback" not in sv.stderr and swedish in sv.stderr, sv.stderr
    assert seen[-1].code == code
    # English: the raise site's sentence, as before codes existed
    en = cli(*args)
    exc = seen[-1]
    assert en.exit_code == exit_code and exc.code == code
    assert en.stderr == f"servqual: error: {' '.join(str(exc).split())}\n"
    assert en.stdout == "" and sv.stdout == ""
    # the catalog's English entry says what the raise site says: the facts are complete
    assert error_text.render(code, exc.facts, "en") == exc.message


# files that cannot live in git: a FIFO (an output or a configuration that would hang the run),
# a folder named like a configuration; made in tmp_path by the test
SPECIAL: list[tuple[str, str, str]] = [
    ("input_not_file", "in.csv", "{path}: är en namngiven pipe (FIFO), ingen vanlig fil; ange"),
    ("output_not_regular", "out.csv", "utfilen '{path}' är ingen vanlig fil; ange ett filnamn"),
    ("input_not_regular", "inst.toml",
     "'{path}' är ingen vanlig fil (en pipe eller en enhet); konfigurationen måste vara en fil"),
    ("input_is_folder", "inst.toml", "'{path}' är en mapp; konfigurationen måste vara en fil"),
]  # fmt: skip


@pytest.mark.parametrize(("code", "name", "swedish"), SPECIAL, ids=[c[0] for c in SPECIAL])
def test_error_in_swedish_on_special_files(cli, seen, tmp_path: Path, code, name, swedish) -> None:
    import os

    path = tmp_path / name
    if code == "input_is_folder":
        path.mkdir()
    else:
        os.mkfifo(path)
    place = ("-o", str(path)) if code == "output_not_regular" else ("--instrument", str(path))
    args = ("gap", str(DATA / "kiosk.csv"), *KIOSK, *place)
    if code == "input_not_file":
        args = ("gap", str(path), *KIOSK)
    _check(cli, seen, args, 2, code, swedish.format(path=path))


def _zip_bomb(path: Path) -> None:
    import zipfile

    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("xl/worksheets/sheet1.xml", b"<" + b" " * 30_000_000 + b">")


def _many_members(path: Path) -> None:
    import zipfile

    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as zf:
        for i in range(10_001):
            zf.writestr(f"{i}", b"")


def _long_field(path: Path) -> None:
    path.write_text("E1;P1;E2;P2\n5;5;5;5\n" + '"' + "x" * 200_000 + '";5;5;5\n')


def _wide(path: Path) -> None:
    path.write_text(",".join(f"c{i}" for i in range(16_385)) + "\n" + "1," * 16_384 + "1\n")


_NAMES = {"field_too_long": "long.csv", "too_many_fields": "wide.csv"}
# archives too large to keep in git (made in tmp_path), and a size limit set in the environment
LIMITS: list[tuple[str, Any, dict[str, str], str]] = [
    ("zip_bomb", _zip_bomb, {},
     "gånger sin storlek (gräns 100:1); avvisas som en möjlig zipbomb"),
    ("too_many_members", _many_members, {},
     "innehåller 10\u00a0001 filer; ingen arbetsbok som ett enkätverktyg skriver"),
    ("field_too_long", _long_field, {},
     "rad 3 har ett fält längre än 131\u00a0072 tecken (ett citattecken som saknas, eller ingen"),
    ("too_many_fields", _wide, {},
     "wide.csv: har 16\u00a0385 fält på en rad, över gränsen på 16\u00a0384"),
    ("unpacks_too_big", None, {"SERVQUAL_MAX_BYTES": "6000"},
     "packas upp till 1"),
]  # fmt: skip


@pytest.mark.parametrize(("code", "make", "env", "swedish"), LIMITS, ids=[c[0] for c in LIMITS])
def test_error_in_swedish_on_large_archives(
    cli, seen, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, code, make, env, swedish
) -> None:
    path = DATA / "reader" / "excel_errors.xlsx"
    if make is not None:
        path = tmp_path / _NAMES.get(code, "big.xlsx")
        make(path)
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    _check(cli, seen, ("gap", str(path), *KIOSK), 1, code, swedish)


# limits set in the environment (io.limits)
ENV: list[tuple[str, dict[str, str], int, str]] = [
    ("env_threads", {"SERVQUAL_WORKERS": "x"}, 2,
     "servqual: fel: SERVQUAL_WORKERS='x': ange antalet trådar som ett heltal, 1 eller fler"),
    ("env_threads", {"SERVQUAL_THREADS": "x"}, 2,
     "servqual: fel: SERVQUAL_THREADS='x': ange antalet trådar som ett heltal, 1 eller fler"),
    ("file_too_big", {"SERVQUAL_MAX_BYTES": "100"}, 1,
     "kiosk.csv: är 1\u00a0121 byte, över gränsen på 100; sätt SERVQUAL_MAX_BYTES för att"),
    ("env_not_positive", {"SERVQUAL_MAX_CELLS": "abc"}, 2,
     "servqual: fel: miljövariabeln SERVQUAL_MAX_CELLS='abc' ska vara ett positivt heltal"),
]  # fmt: skip


@pytest.mark.parametrize(("code", "env", "exit_code", "swedish"), ENV, ids=[c[0] for c in ENV])
def test_error_in_swedish_on_limits_from_the_environment(
    cli, seen, monkeypatch: pytest.MonkeyPatch, code, env, exit_code, swedish
) -> None:
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    _check(cli, seen, ("gap", str(DATA / "kiosk.csv"), *KIOSK), exit_code, code, swedish)


# the report folder given as -o: a file, a folder holding the input, a folder of other files
FOLDERS = ("report_output_is_file", "report_output_has_input", "report_output_not_empty",
           "report_folder_unwritable")  # fmt: skip


@pytest.mark.parametrize("code", FOLDERS)
def test_error_in_swedish_on_report_folders(cli, seen, tmp_path: Path, code: str) -> None:
    import shutil

    survey = tmp_path / "kiosk.csv"
    shutil.copy(DATA / "kiosk.csv", survey)
    out = tmp_path / "out"
    if code == "report_output_is_file":
        out.write_text("x")
        swedish = f"utfilen '{out}' är en fil; ange en mapp för rapporten"
    elif code == "report_output_has_input":
        out = tmp_path
        swedish = f"utmappen '{out}' innehåller indatafilen 'kiosk.csv'; välj en annan mapp"
    elif code == "report_folder_unwritable":  # its parent is a file (EEXIST)
        out = survey / "out"
        swedish = f"kan inte skriva rapportmappen '{out}': det finns redan en fil med det namnet"
    else:
        out.mkdir()
        (out / "notes.txt").write_text("x")
        swedish = f"utmappen '{out}' är inte tom och innehåller mer än en tidigare rapport"
    _check(cli, seen, ("report", str(survey), *KIOSK, "-o", str(out)), 2, code, swedish)


# Kolada tables, API pages and KPI maps, each wrong in one way (written in tmp_path):
# (file name, content, given as --kpi-map, exit code, error code, a piece of the Swedish line)
KOLADA: list[tuple[str, bytes, bool, int, str, str]] = [
    ("nomun.csv", b"kpi,value,period\nU07451,50,2020\n", False, 1, "kolada_needs_municipality",
     "en Kolada-tabell behöver en kolumn municipality_id eller municipality (kommun)"),
    ("nogender.csv", b"kpi,municipality_id,period,value\nU07451,1814,2020,50\n", False, 2,
     "gender_no_column", "--gender K: filen har ingen kolumn för kön"),
    ("bad.json", b"{", False, 1, "json_invalid", "bad.json: är inte giltig JSON (rad 1, kolumn 2)"),
    ("page.json", b"[1]", False, 1, "json_not_kolada_page",
     "sida 1 är inget svar med data från Kolada (ett objekt med en lista 'values')"),
    ("rows.json", b'{"values":[{"kpi":"x"}]}', False, 1, "json_row_without_values",
     "varje datarad behöver en lista 'values' med {gender, value}"),
    ("entries.json", b'{"values":[{"kpi":"x","values":[1]}]}', False, 1, "json_value_not_object",
     "varje post i en lista 'values' måste vara ett objekt"),
    ("empty.json", b'{"values":[]}', False, 1, "json_no_values", "empty.json: innehåller inga"),
    ("latin.json", b'{"values":[{"kpi":"\xe5","values":[]}]}', False, 1, "json_not_utf8",
     "är inte UTF-8-text (Koladas API skriver JSON i UTF-8)"),
    ("m1.toml", b"foo = 1\n", True, 2, "kpi_map_unknown_key",
     "m1.toml: okänd nyckel 'foo' (en nyckeltalskarta har tabeller [kpi.<id>])"),
    ("m2.toml", b"kpi = 1\n", True, 2, "kpi_map_not_table",
     "'kpi' ska vara en tabell av tabeller [kpi.<id>]"),
    ("m3.toml", b"[kpi]\nU1 = 1\n", True, 2, "kpi_map_entry_not_table", "kpi.U1 ska vara en"),
    ("m4.toml", b"[kpi.U1]\nfoo = 1\n", True, 2, "kpi_map_entry_unknown_key",
     "kpi.U1: okänd nyckel 'foo' (tillåtna: direction, name, title, unit)"),
    ("m5.toml", b'[kpi.U1]\nunit = "x"\n', True, 2, "kpi_map_unit",
     "kpi.U1.unit: 'x' är inte någon av percent, index,"),
    ("m6.toml", b'[kpi.U1]\ndirection = "up"\n', True, 2, "kpi_map_direction",
     "kpi.U1.direction: 'up' är inte higher, lower eller none"),
    ("m7.toml", b"[kpi.U1]\nname = 1\n", True, 2, "kpi_map_text", "kpi.U1.name ska vara text"),
    ("m8.toml", b'x = "\xe5"\n', True, 2, "kpi_map_not_utf8", "m8.toml: är inte UTF-8-text"),
]  # fmt: skip


@pytest.mark.parametrize(("name", "content", "as_map", "exit_code", "code", "swedish"), KOLADA,
                         ids=[c[4] for c in KOLADA])  # fmt: skip
def test_error_in_swedish_on_kolada_files(
    cli, seen, tmp_path: Path, name, content, as_map, exit_code, code, swedish
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    if as_map:
        args = [
            "kolada",
            str(DATA / "kolada_wide_sv.csv"),
            "-m",
            "Lekeberg",
            "--kpi-map",
            str(path),
        ]
    else:
        args = ["kolada", str(path), "-m", "1814"]
    if code == "gender_no_column":
        args += ["--gender", "K"]
    _check(cli, seen, tuple(args), exit_code, code, swedish)


def test_error_in_swedish_on_a_benchmark_without_a_known_kpi(cli, seen, tmp_path: Path) -> None:
    path = tmp_path / "k.csv"
    path.write_text("kpi,municipality_id,period,value\nU00000,0180,2024,60\nU00000,1814,2024,50\n")
    survey = DATA.parent.parent / "data" / "samples" / "servicematning_medborgare_2022_2024.xlsx"
    args = ("service-survey", str(survey), "--benchmark", str(path), "-m", "1814")
    _check(cli, seen, args, 1, "kolada_no_known_kpi",
           "ingen rad har ett känt nyckeltal (efter kpi, kpi_name eller nyckeltalskartan: "
           "clarity_email, clarity_phone, ease_email, ease_phone, treatment_email, "
           "treatment_phone); filen har U00000")  # fmt: skip


def _synth_weights(first: str, rest: str | None = None) -> str:
    """The toolbox's synthetic survey with its weight column w changed (io.role_data)."""
    lines = (DATA.parent / "core" / "r" / "toolbox_synth.csv").read_text().splitlines()
    out = [lines[0]]
    for i, line in enumerate(lines[1:]):
        role, _, tail = line.split(",", 2)
        out.append(f"{role},{first if i == 0 else (rest or '1')},{tail}")
    return "\n".join(out) + "\n"


def _kiosk_negative() -> str:
    lines = (DATA / "kiosk.csv").read_text(encoding="utf-8").splitlines()
    return "\n".join([lines[0], lines[1].rpartition(",")[0] + ",-60", *lines[2:]]) + "\n"


TOOLBOX = ("-i", str(DATA / "toolbox.toml"), "--weight-column", "w")
FEEDBACK = (
    "ID,Received,Type,Unit,Contact given,Answered,Closed\n"
    "D1,2024-01-02,complaint,Parks,yes,2024-01-03,2024-01-05\n"
)
# files written in tmp_path ({path} in the arguments): citizen surveys, contacts, weights
TMP_FILES: list[tuple[str, Any, tuple[str, ...], int, str, str]] = [
    ("cs1.csv", "year,channel\n2024,phone\n", ("service-survey", "{path}"), 1,
     "citizen_no_question", "en medborgarenkät behöver minst en frågekolumn (t.ex."),
    ("cs2.csv", "year,channel,bemötande\n2024,phone,9\n", ("service-survey", "{path}"), 1,
     "citizen_no_answer", "cs2.csv: inget användbart svar (1–5) i frågekolumnerna"),
    ("old.csv", "kpi,municipality_id,period,value\nease_phone,0180,2020,60\n",
     ("service-survey", str(DATA.parent.parent / "data" / "samples" /
      "servicematning_medborgare_2022_2024.xlsx"), "--benchmark", "{path}", "-m", "1814"), 2,
     "no_values_for_year", "old.csv: inga värden för 2024 (filen har: 2020)"),
    ("cc.csv", "channel,reached\n,yes\n", ("contacts", "{path}"), 1,
     "contacts_no_channel_left", "cc.csv: ingen kontakt med en giltig kanal finns kvar"),
    ("neg.csv", _kiosk_negative, ("gap", "{path}", *KIOSK, "--weight-column", "V2"), 1,
     "negative_weight", "neg.csv, rad 2, kolumn 'V2': negativ vikt för svaranden"),
    ("neg_w.csv", lambda: _synth_weights("-1.5"), ("tolerance", "{path}", *TOOLBOX), 1,
     "negative_weight_value", "kolumn 'w': negativ vikt för svaranden '-1.5'"),
    ("zero_w.csv", lambda: _synth_weights("0", "0"), ("tolerance", "{path}", *TOOLBOX), 1,
     "no_positive_weight", "kolumn 'w': ingen positiv vikt i hela kolumnen"),
    # feedback's --promise (a time limit, vocab.durations) and --as-of (cli.service)
    ("fb.csv", FEEDBACK, ("feedback", "{path}", "--promise", "x"), 2, "prefixed",
     "servqual: fel: --promise: kan inte läsa tidsgränsen 'x': väntade ett tal och en enhet"),
    ("fb.csv", FEEDBACK, ("feedback", "{path}", "--promise", "0 dagar"), 2, "prefixed",
     "servqual: fel: --promise: tidsgränsen '0 dagar' måste vara längre än noll"),
    ("fb.csv", FEEDBACK, ("feedback", "{path}", "--as-of", "1500-01-01"), 2, "as_of_outside",
     "--as-of 1500-01-01 ligger utanför de datum verktyget hanterar (1678 till 2261)"),
    # a report with SOURCE_DATE_EPOCH set wrong (report.manifest): see test below
]  # fmt: skip


@pytest.mark.parametrize(("name", "content", "args", "exit_code", "code", "swedish"), TMP_FILES,
                         ids=[c[4] for c in TMP_FILES])  # fmt: skip
def test_error_in_swedish_on_files_made_here(
    cli, seen, tmp_path: Path, name, content, args, exit_code, code, swedish
) -> None:
    path = tmp_path / name
    path.write_text(content() if callable(content) else content, encoding="utf-8")
    args = tuple(a.format(path=path) for a in args)
    _check(cli, seen, args, exit_code, code, swedish)
    if code == "prefixed":  # the time limit's own code inside
        inner = seen[-1].facts["code"]
        assert inner in ("limit_unreadable", "limit_not_positive")
        assert error_text.render(inner, seen[-1].facts["facts"], "en") in seen[-1].message


def test_error_in_swedish_on_a_report_date_and_depfile(
    cli, seen, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """SOURCE_DATE_EPOCH that is no number of seconds; a --depfile inside the report folder."""
    out = tmp_path / "out"
    out.mkdir()
    args = ("report", str(DATA / "kiosk.csv"), *KIOSK, "-o", str(out))
    depfile = out / "x.d"
    swedish = f"--depfile '{depfile}' ligger i rapportmappen '{out}', som ersätts i sin helhet"
    _check(cli, seen, (*args, "--depfile", str(depfile)), 2, "depfile_inside", swedish)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "x")
    swedish = "servqual: fel: SOURCE_DATE_EPOCH ska vara hela sekunder sedan 1970, inte 'x'"
    _check(cli, seen, args, 2, "source_date_epoch", swedish)


def test_the_cell_limit_names_each_kind() -> None:
    """The two kinds of too_many_cells no file here reaches (a cell beyond Excel's sheet)."""
    for facts, english in (
        ({"kind": "row_beyond", "rows": 2_000_000, "max_rows": 1_048_576},
         "a cell lies at row 2,000,000, beyond Excel's 1,048,576"),
        ({"kind": "col_beyond"}, "a cell lies beyond column XFD"),
    ):  # fmt: skip
        facts = {**facts, "max_cells": 50_000_000}
        assert error_text.render("too_many_cells", facts, "en") == (
            f"{english}, over the reader's limit of 50,000,000 cells; refused before reading "
            "(give --max-cells or set SERVQUAL_MAX_CELLS to allow more)"
        )
        assert error_text.render("too_many_cells", facts, "sv").startswith(
            "en cell ligger bortom kolumn XFD, över"
            if facts["kind"] == "col_beyond"
            else "en cell ligger på rad 2\u00a0000\u00a0000, bortom Excels 1\u00a0048\u00a0576"
        )


def test_every_error_code_is_tested_and_known() -> None:
    """Every ``code=`` a raise site gives is in the catalog, every catalog code appears in the
    source and has a case above."""
    sentences = {k for k in ERRORS if not k.startswith("part_") and k not in ("prefix", "see_help")}
    given, constants = set(), set()
    for path in SRC.rglob("*.py"):
        if path.name in ("catalog_errors.py", "error_words.py", "error_text.py"):
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                constants.add(node.value)
            if isinstance(node, ast.keyword) and node.arg == "code":
                value = node.value
                options = [value.body, value.orelse] if isinstance(value, ast.IfExp) else [value]
                given |= {o.value for o in options if isinstance(o, ast.Constant) and o.value}
    assert len(given) > 20
    assert given - sentences == set()
    assert sentences - constants == set()
    # no_valid_pair: the core's own check, behind the reader's (no_valid_pair_counts) in every
    # command, so it has a unit test below instead of a CLI case
    tested = {c[2] for c in CASES} | {c[0] for c in SPECIAL} | {c[0] for c in LIMITS}
    tested |= {c[0] for c in ENV} | set(FOLDERS) | {c[4] for c in KOLADA}
    tested |= {"kolada_no_known_kpi"} | {c[4] for c in TMP_FILES}
    tested |= {"depfile_inside", "source_date_epoch", "limit_unreadable", "limit_not_positive"}
    # a workbook named as text, --sheet/--encoding for another kind of file: their cases are in
    # test_workbook_sniff_cli.py, whose test_every_code_here_has_a_case checks this list (w-io)
    tested |= {"workbook_named_text", "ods_named_text", "workbook_not_text", "zip_not_text",
               "sheet_not_workbook", "encoding_on_workbook", "encoding_not_text_file"}  # fmt: skip
    # describe --instrument-template with nothing to write: test_template_exports_cli.py (w-tmpl)
    tested |= {"template_no_items", "template_duplicate_names"}
    # alpha on answers in words, the core's caveat as an error: test_alpha_text_answers_cli.py
    tested |= {"text_answers_need_scale", "text_answers_no_scale", "scale_caveat"}  # (w-amsg)
    assert sentences - tested == {"no_valid_pair"}


def test_the_core_raises_with_a_code() -> None:
    """The core's check (no CLI run reaches it: the reader refuses such a file first)."""
    import numpy as np

    from servqual_cli.core.gaps import gap_analysis
    from servqual_cli.core.group_gaps import grouped_gap_analysis

    nan = np.full((3, 2), np.nan)
    for run in (lambda: gap_analysis(nan, nan, ["1", "2"], {"A": [0, 1]}),
                lambda: grouped_gap_analysis(nan, nan, ["1", "2"], {"A": [0, 1]},
                                             ["g", "g", "h"], "Enhet")):  # fmt: skip
        with pytest.raises(DataError) as caught:
            run()
        exc = caught.value
        assert exc.code == "no_valid_pair" and error_text.render(exc.code, exc.facts, "en") == (
            exc.message
        )
        assert error_text.error_line(exc, "sv") == (
            "ingen svarande har ett giltigt par av förväntan och upplevelse efter rensningen"
        )


@pytest.mark.parametrize(
    ("args", "swedish"),
    [
        (("gap", "x.csv", "--format", "foo"), "ogiltigt värde för '--format' / '-f': 'foo' är "
         "inte något av 'table', 'json', 'csv', 'markdown', 'xlsx', 'html', 'apa' (se 'servqual "
         "gap --help')"),
        (("gap", "x.csv", "--formt", "csv"), "okänd flagga: --formt"),
        (("gap",), "argumentet 'file' saknas (se 'servqual gap --help')"),
        (("gap", "x.csv", "--by"), "flaggan '--by' behöver ett värde"),
        (("gap", "x.csv", "y.csv"), "fler argument än kommandot tar: y.csv"),
        (("gap", "x.csv", "--conf", "2"), "2,0 ligger utanför det tillåtna (från 0,5 till 0,999)"),
        (("feedback", "x.csv", "--as-of", "2023-13-01"), "'2023-13-01' är inget datum i formen "
         "ÅÅÅÅ-MM-DD eller ÅÅÅÅ-MM-DD TT:MM"),
        (("gap", "x.csv", "--conf", "x"), "'x' är inget tal"),
        (("reliability", "x.csv", "--factors", "x"), "'x' är inget heltal"),
        (("kolada", "k.csv"), "flaggan '--municipality' / '-m' saknas (se 'servqual kolada "
         "--help')"),
    ],
)  # fmt: skip
def test_usage_error_in_swedish(cli, args: tuple[str, ...], swedish: str) -> None:
    """The option parser's messages (unknown option values, a missing value) in Swedish."""
    r = cli(*args[:1], "--lang", "sv", *args[1:])  # (after --by, --lang would be its value)
    assert r.exit_code == 2 and r.stderr.startswith("servqual: fel: ") and swedish in r.stderr
    assert r.stderr.count("\n") == 1 and "Traceback" not in r.stderr
    en = cli(*args)
    assert en.exit_code == 2 and en.stderr.startswith("servqual: error: ")
    assert "--help')" in en.stderr or "requires an argument" in en.stderr


def test_an_error_without_a_code_keeps_its_english_sentence(cli) -> None:
    """Not every message is translated: the place words and the prefix are, the rest is not."""
    r = cli("gap", str(DATA / "kiosk.csv"), *KIOSK, "--threads", "0", "--lang", "sv")
    assert r.exit_code == 2
    assert r.stderr == "servqual: fel: --threads must be a whole number of at least 1, got '0'\n"


def test_lang_after_double_dash_is_a_file_name(cli) -> None:
    r = cli("gap", str(DATA / "nope.csv"), "--", "--lang")
    assert r.stderr.startswith("servqual: error: ")


def test_errors_pickle_with_code_and_facts() -> None:
    """report --split runs groups in other processes: an error must survive pickling."""
    exc = DataError("file is empty", Location("a.csv"), code="file_empty", facts={"n": 1})
    back = pickle.loads(pickle.dumps(exc))
    assert (back.code, back.facts, str(back)) == ("file_empty", {"n": 1}, "a.csv: file is empty")


def test_an_incomplete_fact_falls_back_to_english() -> None:
    exc = DataError("has a header (row 3) but no data rows below it", code="header_only")
    assert error_text.error_line(exc, "sv") == "has a header (row 3) but no data rows below it"


def _config(tmp_path: Path, text: str) -> str:
    path = tmp_path / "r.toml"
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_report_errors_follow_the_configs_language(cli, seen, tmp_path: Path) -> None:
    """Without --lang, an error raised after the config is parsed is said in its ``language``;
    --lang still decides when given; the config's own errors come before its language is known
    and stay English."""
    survey = f'[survey]\nfile = "{DATA / "missing_columns.csv"}"\ninstrument = "{KIOSK[1]}"\n'
    config = _config(tmp_path, 'language = "sv"\n' + survey)
    out = ("-o", str(tmp_path / "out"))
    sv = cli("report", config, *out)
    assert sv.exit_code == 1 and seen[-1].code == "instrument_columns_missing"
    assert sv.stderr.startswith("servqual: fel: ") and "som filen saknar" in sv.stderr
    en = cli("report", config, *out, "--lang", "en")
    assert en.exit_code == 1 and en.stderr == f"servqual: error: {seen[-1]}\n"
    assert cli("report", config, *out, "--lang", "sv").stderr == sv.stderr
    # English config, --lang sv: Swedish (the command line wins)
    english = _config(tmp_path, 'language = "en"\n' + survey)
    assert cli("report", english, *out, "--lang", "sv").stderr == sv.stderr
    assert cli("report", english, *out).stderr == en.stderr
    # the config's own check: raised while it is parsed, so in the default language
    bad = _config(tmp_path, 'language = "sv"\ntitel = "x"\n' + survey)
    r = cli("report", bad, *out)
    assert r.exit_code == 2 and seen[-1].code == "config_unknown_key"
    assert r.stderr.startswith("servqual: error: ") and "unknown key 'titel'" in r.stderr


def test_swedish_numbers_keep_their_no_break_space(cli) -> None:
    """The handler folds every space run to one space, but not a Swedish number's thousands
    space (U+00A0): "1 048 576" stays whole; English groups with commas as before."""
    args = ("gap", str(DATA / "reader" / "bomb_far_cell.xlsx"))
    sv = cli(*args, "--lang", "sv").stderr
    assert "1\u00a0048\u00a0576 rader" in sv and "1 048 576" not in sv
    assert sv.count("\n") == 1 and "  " not in sv
    assert "1,048,576 rows" in cli(*args).stderr
