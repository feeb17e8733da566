"""The words of ``servqual describe`` (part of the label catalog): the facts and column table,
the column types, the encodings' reasons, the notes, and the reader's skip reasons in Swedish.

:data:`DESCRIBE` is ``key: (sv, en)`` like every catalog table (:mod:`servqual_cli.report.catalog`
lists it as ``describe.<key>``); :data:`SKIP_REASONS_SV` translates the reader's English
messages, matched whole; :data:`FORMATS_SV` names the file formats that are words.
"""

from __future__ import annotations

import re

__all__ = ["DESCRIBE", "FORMATS_SV", "SKIP_REASONS_SV"]

DESCRIBE: dict[str, tuple[str, str]] = {
    "file": ("Fil", "File"),
    "fact": ("Uppgift", "Fact"),
    "value": ("Värde", "Value"),
    "format": ("Format", "Format"),
    "sheet": ("Blad", "Sheet"),
    "other_sheets": ("Övriga blad", "Other sheets"),
    "skipped": ("Överhoppat blad", "Sheet skipped"),
    "encoding": ("Teckenkodning", "Encoding"),
    "delimiter": ("Avgränsare", "Delimiter"),
    "decimal": ("Decimaltecken", "Decimal mark"),
    "header_row": ("Rubrikrad", "Header row"),
    "rows": ("Datarader", "Data rows"),
    "columns": ("Kolumner", "Columns"),
    "#": ("#", "#"),
    "letter": ("Kol.", "Col."),
    "column": ("Kolumn", "Column"),
    "type": ("Typ", "Type"),
    "n_values": ("Värden", "Values"),
    "missing": ("Saknade", "Missing"),
    "distinct": ("Olika", "Distinct"),
    "top": ("Vanligast (antal)", "Most frequent (count)"),
    "likert": ("Skala?", "Scale?"),
    # the scale's ends from an SPSS file's value labels (review 18, finding 9)
    "likert_from_labels": ("värdeetiketter", "value labels"),
    "none": ("inga", "none"),
    "blank": ("tomma", "blank"),
    # SPSS codes declared missing with no "no answer" label (io.profile._with_declared): what
    # they are and which, not "tomma" (session 18); the words of gap's list (missing_token)
    "declared_missing": ("angivet saknat värde", "declared missing"),
    "declared_code": ("kod", "code"),
    "declared_codes": ("koder", "codes"),
    "likert_note": (
        "{n} kolumner ser ut som svar på en skala",
        "{n} columns look like rating-scale answers",
    ),
    "template_note": (
        "En startfil för instrumentet: servqual describe {file} --instrument-template",
        "A starter instrument file: servqual describe {file} --instrument-template",
    ),
    # column types and delimiters
    "number": ("tal", "number"),
    "text": ("text", "text"),
    "date": ("datum", "date"),
    "mixed": ("blandat", "mixed"),
    "empty": ("tom", "empty"),
    ",": ("komma (,)", "comma (,)"),
    ";": ("semikolon (;)", "semicolon (;)"),
    "\t": ("tabb", "tab"),
    "|": ("lodstreck (|)", "pipe (|)"),
    # why the reader chose the encoding (io.decode, io.profile): keyed by the English reason
    "given with --encoding": ("angiven med --encoding", "given with --encoding"),
    "UTF-8 byte-order mark": ("UTF-8-märke (BOM) först i filen", "UTF-8 byte-order mark"),
    "UTF-16 byte-order mark": ("UTF-16-märke (BOM) först i filen", "UTF-16 byte-order mark"),
    "valid UTF-8": ("giltig UTF-8", "valid UTF-8"),
    "not UTF-8, so Windows-1252 (Swedish Excel's CSV)": (
        "inte UTF-8, alltså Windows-1252 (svenska Excels CSV)",
        "not UTF-8, so Windows-1252 (Swedish Excel's CSV)",
    ),
    "not UTF-8, so Windows-1252 as Swedish Excel saves CSV; if names look garbled, try "
    "--encoding": (
        "inte UTF-8, alltså Windows-1252 som svenska Excel sparar CSV; prova --encoding om "
        "namnen ser konstiga ut",
        "not UTF-8, so Windows-1252 as Swedish Excel saves CSV; if names look garbled, try "
        "--encoding",
    ),
    "detected": ("identifierad", "detected"),
    # a column of dates with other cells (review 4, finding 22)
    "not_dates_one": ("{column} ({letter}): datum utom 1 cell, rad {row}: {value!r}. Kommandon "
                      "som läser kolumnen som datum utesluter den (inte ett datum).",
                      "{column} ({letter}): dates except 1 cell, row {row}: {value!r}. Commands "
                      "that read the column as dates leave it out (not a date)."),
    "not_dates_one_norow": ("{column} ({letter}): datum utom 1 cell: {value!r}. Kommandon som "
                            "läser kolumnen som datum utesluter den (inte ett datum).",
                            "{column} ({letter}): dates except 1 cell: {value!r}. Commands that "
                            "read the column as dates leave it out (not a date)."),
    "not_dates_many": ("{column} ({letter}): datum utom {n} celler ({shown}), den första på rad "
                       "{row}. Kommandon som läser kolumnen som datum utesluter dem (inte ett "
                       "datum).",
                       "{column} ({letter}): dates except {n} cells ({shown}), the first at row "
                       "{row}. Commands that read the column as dates leave them out (not a "
                       "date)."),
    "not_dates_many_norow": ("{column} ({letter}): datum utom {n} celler ({shown}). Kommandon "
                             "som läser kolumnen som datum utesluter dem (inte ett datum).",
                             "{column} ({letter}): dates except {n} cells ({shown}). Commands "
                             "that read the column as dates leave them out (not a date)."),
    # names twice, labels and far codes read as a scale (review 11, findings 1 and 3; w-tmpl)
    "duplicate_names_one": ("Kolumnnamnet {shown} förekommer mer än en gång. Kommandona vägrar "
                            "ett sådant namn: byt namn på dubbletterna så att varje kolumnnamn "
                            "är unikt.",
                            "The column name {shown} appears more than once. The commands "
                            "refuse such a name: rename the duplicates so each column name is "
                            "unique."),
    "duplicate_names_many": ("{n} kolumnnamn förekommer mer än en gång: {shown}. Kommandona "
                             "vägrar sådana namn: byt namn på dubbletterna så att varje "
                             "kolumnnamn är unikt.",
                             "{n} column names appear more than once: {shown}. The commands "
                             "refuse such names: rename the duplicates so each column name is "
                             "unique."),
    "and_more": ("och {n} till", "and {n} more"),
    "label_scale_note": ("{n} kolumner har bara textsvar ur den inbyggda {points}-gradiga "
                         "svarsskalan ({labels}) och ser ut som svar på en skala {lo}–{hi}.",
                         "{n} columns hold only text answers from the built-in {points}-point "
                         "label set ({labels}) and look like rating-scale answers {lo}–{hi}."),
    "far_code_note": ("{n} kolumner har också värdet {code} utanför skalan ({cells} celler), "
                      "troligen en kod för ”vet ej”: instrumentmallen läser det som inget svar "
                      "(missing = [\"{code}\"]).",
                      "{n} columns also hold the value {code} outside the scale ({cells} "
                      "cells), probably a code for \"don't know\": the instrument template "
                      "reads it as no answer (missing = [\"{code}\"])."),
    # the comments of the instrument template, in the run's language (review 11b, finding 5;
    # w-r11b): instruments/template.py takes them as a table (it may not import report); the
    # TOML keys stay English, the numbers come formatted
    "tpl_title_sheet": ("{file}, blad {sheet}", "{file}, sheet {sheet}"),
    "tpl_name": ("Instrument från {title}", "Instrument from {title}"),
    "tpl_header": ("Startinstrument för {title}, skrivet av servqual describe.",
                   "Starter instrument for {title}, written by servqual describe."),
    "tpl_check": ("Kontrollera dimensionerna, skalan och svarsetiketterna innan du litar på det.",
                  "Check the dimensions, the scale and the labels before you rely on it."),
    "tpl_servperf": ("Inga par av förväntan och upplevelse: ett instrument med bara upplevelse "
                     "(SERVPERF) över kolumnerna som ser ut som svar på en skala.",
                     "No expectation/perception pairs found: a perception-only (SERVPERF) "
                     "instrument over the columns that look like rating-scale items."),
    "tpl_named_expectation": ("Utelämnad, namngiven som förväntan: {name}",
                              "Left out, named as an expectation: {name}"),
    "tpl_servqual_22": ("22 påståenden: SERVQUAL-dimensionerna (Parasuraman, Berry & Zeithaml "
                        "1991).",
                        "22 items: the SERVQUAL dimensions (Parasuraman, Berry & Zeithaml "
                        "1991)."),
    "tpl_one_dimension": ("En dimension med alla påståenden: dela upp den i era dimensioner.",
                          "One dimension with every item: split it into your dimensions."),
    "tpl_labels_one": ("Textsvaren i 1 kolumn läses med den inbyggda {points}-gradiga "
                       "svarsskalan (skala {lo}–{hi}): {shown}. Menar filen andra värden, ange "
                       "dem under [labels].",
                       "Text answers in 1 column are read with the built-in {points}-point "
                       "labels (scale {lo}-{hi}): {shown}. If the file means other values, give "
                       "them under [labels]."),
    "tpl_labels_many": ("Textsvaren i {n} kolumner läses med den inbyggda {points}-gradiga "
                        "svarsskalan (skala {lo}–{hi}): {shown}. Menar filen andra värden, ange "
                        "dem under [labels].",
                        "Text answers in {n} columns are read with the built-in {points}-point "
                        "labels (scale {lo}-{hi}): {shown}. If the file means other values, "
                        "give them under [labels]."),
    "tpl_code": ("{code} står utanför skalan {lo}–{hi} i {k} av {m} påståendekolumner "
                 "({cells}); exporter skriver en sådan kod för ”Vet ej”, så missing nedan läser "
                 "den som inget svar. Är det ett riktigt svar, ta bort det där (det hamnar då "
                 "utanför skalan).",
                 "{code} stands apart from the {lo}-{hi} scale in {k} of {m} item columns "
                 "({cells}); exports write such a code for \"Vet ej\" (don't know), so missing "
                 "below reads it as no answer. If it is a real answer, delete it there (it is "
                 "then out of the scale)."),
    "tpl_cell": ("{n} cell", "{n} cell"),
    "tpl_cells": ("{n} celler", "{n} cells"),
    "tpl_left_out": ("Kolumner som inte används:", "Columns left out:"),
    "tpl_unpaired": ("en skalkolumn utan par", "a rating-scale column without a pair"),
    "tpl_not_numbers": ("Svar som inte är tal; ge vart och ett sitt värde (eller lista det under "
                        "missing = [...] om det betyder inget svar):",
                        "Answers that are not numbers; give each its value (or list it under "
                        "missing = [...] if it means no answer):"),
    "tpl_why_dates": ("datum", "dates"),
    "tpl_why_empty": ("tom", "empty"),
    "tpl_why_numbers": ("tal, {n} olika (ingen svarsskala): {shown}",
                        "numbers, {n} different (not a rating scale): {shown}"),
    "tpl_why_kind": ("{kind}: {shown}", "{kind}: {shown}"),
}  # fmt: skip

# Why a sheet was skipped: the reader's messages (io/rows.py, io/read_sheet.py, io/sheets.py,
# io/read.py) in Swedish, matched whole; a message not listed stays as the reader wrote it.
SKIP_REASONS_SV: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), swedish)
    for pattern, swedish in (
        (r"has a header \(row (\d+)\) but no data rows below it",
         r"har en rubrikrad (rad \1) men inga datarader under den"),
        (r"has no data \(the sheet or file is empty\)", "har inga data (bladet är tomt)"),
        (r"has no data rows", "har inga datarader"),
        (r"file is empty", "filen är tom"),
        (r"([\d,]+) formula cells have no calculated value \(formulas not calculated\); open "
         r"and save it in Excel or LibreOffice, then try again",
         r"\1 formelceller saknar beräknat värde (formlerna är inte beräknade); öppna och spara "
         r"filen i Excel eller LibreOffice och försök igen"),
        (r"has ([\d,]+) fields on a line, over the limit of ([\d,]+)",
         r"har \1 fält på en rad, över gränsen \2"),
        (r"has (\d+) fields but the header \(row (\d+)\) has (\d+); is the file ragged or the "
         r"delimiter wrong\?",
         r"har \1 fält men rubrikraden (rad \2) har \3; är raderna ojämna eller avgränsaren "
         r"fel?"),
        (r"cannot read sheet: (.*)", r"kan inte läsa bladet: \1"),
    )
)  # fmt: skip
# The file formats of io/profile.py's FORMATS that are words, not names
FORMATS_SV = {"text": "text", "Excel workbook": "Excel-arbetsbok",
               "Excel 97-2003 workbook": "Excel 97–2003-arbetsbok",
               "OpenDocument spreadsheet": "OpenDocument-kalkylblad"}  # fmt: skip
