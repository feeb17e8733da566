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
     "blad 'Sheet': bladet spänner över 1 048 576 rader och minst 16 384 kolumner, över "
     "läsarens gräns på 50 000 000 celler; avvisad innan den lästes (ange --max-cells"),
    (("gap", str(DATA / "reader" / "bomb_repeated.ods")), 1, "too_many_cells",
     "dess upprepade rader och celler spänner över 1 048 576 × 16 002, över"),
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


# archives too large to keep in git (made in tmp_path), and a size limit set in the environment
LIMITS: list[tuple[str, Any, dict[str, str], str]] = [
    ("zip_bomb", _zip_bomb, {},
     "gånger sin storlek (gräns 100:1); avvisad som en möjlig zipbomb"),
    ("too_many_members", _many_members, {},
     "innehåller 10 001 filer; ingen arbetsbok som ett enkätverktyg skriver"),
    ("field_too_long", _long_field, {},
     "rad 3 har ett fält längre än 131 072 tecken (ett citattecken som saknas, eller ingen"),
    ("unpacks_too_big", None, {"SERVQUAL_MAX_BYTES": "6000"},
     "packas upp till 1"),
]  # fmt: skip


@pytest.mark.parametrize(("code", "make", "env", "swedish"), LIMITS, ids=[c[0] for c in LIMITS])
def test_error_in_swedish_on_large_archives(
    cli, seen, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, code, make, env, swedish
) -> None:
    path = DATA / "reader" / "excel_errors.xlsx"
    if make is not None:
        path = tmp_path / ("long.csv" if code == "field_too_long" else "big.xlsx")
        make(path)
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    _check(cli, seen, ("gap", str(path), *KIOSK), 1, code, swedish)


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
    # a workbook named as text, --sheet/--encoding for another kind of file: their cases are in
    # test_workbook_sniff_cli.py, whose test_every_code_here_has_a_case checks this list (w-io)
    tested |= {"workbook_named_text", "ods_named_text", "workbook_not_text", "zip_not_text",
               "sheet_not_workbook", "encoding_on_workbook", "encoding_not_text_file"}  # fmt: skip
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
        (("gap", "x.csv", "--conf", "2"), "2.0 ligger inte i intervallet 0.5<=x<=0.999"),
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
    r = cli("gap", str(DATA / "kiosk.csv"), *KIOSK, "--min-items", "0", "--lang", "sv")
    assert r.exit_code == 2
    assert r.stderr == (
        "servqual: fel: --min-items must be half, all or a whole number >= 1, got '0'\n"
    )


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
