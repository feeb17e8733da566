"""The Swedish error line (see test_errors_swedish_cli.py) of reading a file: opening it, its
columns, hostile or broken workbooks, decoding and splitting text, item selections, size limits.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from .conftest import DATA, FORMS, FORMS_DIR, KIOSK, READER, SV, TWO, check

# (args, exit code, error code, a piece of the Swedish line)
FILE_CASES: list[tuple[tuple[str, ...], int, str, str]] = [
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
     "; filen lästes som cp1252; om namnen ser förvanskade ut, prova --encoding cp1250"),
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
     "kolumner saknas: förvaltning (eller department / verksamhet / enhet / nämnd / unit)"),
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
    (("alpha", FORMS, "--items", "X1a-X5a"), 2, "range_dash",  # not "closest: X5a" (#16)
     "'X1a-X5a' i --items är ingen kolumn, men 'X1a' och 'X5a' är det: ett intervall av namn "
     "skrivs X1a:X5a (ett intervall med '-' tar kolumnnummer: 3-7)"),
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
    # sizes (io.limits)
    (("gap", str(DATA / "kiosk.csv"), *KIOSK, "--max-cells", "2"), 1, "table_too_many_cells",
     "kiosk.csv: har 30 rader × 14 kolumner, över läsarens gräns på 2 celler"),
]  # fmt: skip


@pytest.mark.parametrize(("args", "exit_code", "code", "swedish"), FILE_CASES,
                         ids=[f"{c[2]}-{i}" for i, c in enumerate(FILE_CASES)])  # fmt: skip
def test_error_in_swedish(cli, seen, tmp_path: Path, args, exit_code, code, swedish) -> None:
    out = ("-o", str(tmp_path / "out")) if args[0] == "report" else ()
    check(cli, seen, (*args, *out), exit_code, code, swedish)


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
    check(cli, seen, args, 2, code, swedish.format(path=path))


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
    check(cli, seen, ("gap", str(path), *KIOSK), 1, code, swedish)


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
    check(cli, seen, ("gap", str(DATA / "kiosk.csv"), *KIOSK), exit_code, code, swedish)
