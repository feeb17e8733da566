"""The Swedish error line (see test_errors_swedish_cli.py) of configurations and outputs: report
configurations and folders, output paths, service-measurement files, KPI files, contact files,
Kolada tables, API pages and KPI maps, files written in tmp_path.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from servqual_cli.cli import error_text

from .conftest import DATA, KIOSK, SAMPLE_SURVEY, SV, TOOLBOX_SYNTH, check

# (args, exit code, error code, a piece of the Swedish line)
CONFIG_CASES: list[tuple[tuple[str, ...], int, str, str]] = [
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


@pytest.mark.parametrize(("args", "exit_code", "code", "swedish"), CONFIG_CASES,
                         ids=[f"{c[2]}-{i}" for i, c in enumerate(CONFIG_CASES)])  # fmt: skip
def test_error_in_swedish(cli, seen, tmp_path: Path, args, exit_code, code, swedish) -> None:
    out = ("-o", str(tmp_path / "out")) if args[0] == "report" else ()
    check(cli, seen, (*args, *out), exit_code, code, swedish)


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
    check(cli, seen, ("report", str(survey), *KIOSK, "-o", str(out)), 2, code, swedish)


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
    ("dup.csv", b"kpi,municipality_id,period,value\nU1,1814,2020,50\nU1,1814,2020,51\n", False,
     1, "kolada_conflicting_duplicate",
     "dup.csv: rad 2 och 3: U1, 1814, 2020 har två värden (50 och 51); behåll ett"),
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
    check(cli, seen, tuple(args), exit_code, code, swedish)


def test_error_in_swedish_on_a_benchmark_without_a_known_kpi(cli, seen, tmp_path: Path) -> None:
    path = tmp_path / "k.csv"
    path.write_text("kpi,municipality_id,period,value\nU00000,0180,2024,60\nU00000,1814,2024,50\n")
    survey = SAMPLE_SURVEY
    args = ("service-survey", str(survey), "--benchmark", str(path), "-m", "1814")
    check(cli, seen, args, 1, "kolada_no_known_kpi",
           "ingen rad har ett känt nyckeltal (efter kpi, kpi_name eller nyckeltalskartan: "
           "clarity_email, clarity_phone, ease_email, ease_phone, treatment_email, "
           "treatment_phone); filen har U00000")  # fmt: skip


def _synth_weights(first: str, rest: str | None = None) -> str:
    """The toolbox's synthetic survey with its weight column w changed (io.role_data)."""
    lines = TOOLBOX_SYNTH.read_text().splitlines()
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
     ("service-survey", str(SAMPLE_SURVEY), "--benchmark", "{path}", "-m", "1814"), 2,
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
    check(cli, seen, args, exit_code, code, swedish)
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
    check(cli, seen, (*args, "--depfile", str(depfile)), 2, "depfile_inside", swedish)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "x")
    swedish = "servqual: fel: SOURCE_DATE_EPOCH ska vara hela sekunder sedan 1970, inte 'x'"
    check(cli, seen, args, 2, "source_date_epoch", swedish)
