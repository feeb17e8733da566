"""Write the files of tests/cli/test_errors_swedish_cli.py (run from this folder).

Each file provokes one error of the Swedish error line (review 9 finding 9); the text files are
written here too because two of them must not be UTF-8 and one holds a NUL byte.
"""

from __future__ import annotations

from pathlib import Path


def main() -> None:
    import openpyxl
    import pyarrow as pa
    import pyarrow.parquet as pq

    here = Path(__file__).parent
    head = "ID,Received,Type,Unit,Contact given,Answered,Closed\n"
    # feedback: a month is no date; a weekday that is not the date's; every row left out
    (here / "month.csv").write_text(
        head + "D1,2024-01-02,complaint,Parks,yes,januari 2024,2024-01-05\n"
        "D2,2024-01-03,praise,Parks,yes,februari 2024,2024-01-03\n",
        encoding="utf-8",
    )
    (here / "weekday.csv").write_text(
        head + "D1,2024-01-02,complaint,Parks,yes,onsdag 2 januari 2024,2024-01-05\n"
        "D2,2024-01-03,praise,Parks,yes,onsdag 2 januari 2024,2024-01-03\n",
        encoding="utf-8",
    )
    (here / "no_rows_left.csv").write_text(
        head + "D1,2024-01-02,okänd typ,Parks,yes,,\nD2,,praise,Parks,yes,,\n", encoding="utf-8"
    )
    # a survey whose respondents answered either the expectations or the perceptions
    (here / "no_pair.csv").write_text(
        "id,F1,F2,F3,F4,F5,U1,U2,U3,U4,U5\n1,3,4,4,3,3,,,,,\n2,,,,,,4,4,5,4,3\n", encoding="utf-8"
    )
    # cp1252 text (read with a fallback, so a missing column gets the encoding advice)
    (here / "cp1252.csv").write_bytes(
        "id,Enhet,F1,F2,F3,F4,F5,U1,U2,U3,U4,U5\n1,Söder,3,4,4,3,3,4,4,5,4,3\n"
        "2,Norr,3,4,4,3,3,4,4,5,4,3\n".encode("cp1252")
    )
    (here / "nul.csv").write_bytes(b"id,F1\n1,\x002\n")
    # configurations that are not UTF-8
    (here / "instrument_latin1.toml").write_bytes(
        'name = "Kiosk"\nscale = [1, 5]\nexpectation = "F{item}"\nperception = "U{item}"\n'
        '[dimensions]\n"Miljö" = [1, 2]\n'.encode("latin-1")
    )
    (here / "kpi_latin1.toml").write_bytes('[[kpi]]\nname = "Träg"\n'.encode("latin-1"))
    # report configurations, each wrong in one key (paths are relative to this folder)
    survey = '[survey]\nfile = "../kiosk.csv"\ninstrument = "../kiosk.toml"\n'
    configs = {
        "config_unknown_key": 'titel = "Kiosk"\n' + survey,
        "config_wrong_type": "min_n = 2.5\n" + survey,
        "config_not_one_of": 'language = "de"\n' + survey,
        "config_file_not_found": '[survey]\nfile = "saknas.csv"\n',
        "config_sections_list": "sections = []\n" + survey,
        "config_sections_twice": 'sections = ["gaps", "gaps"]\n' + survey,
        "config_no_input": 'title = "Kiosk"\n',
        "config_min_n": "min_n = 0\n" + survey,
        "config_date": 'date = "15 februari 2025"\n' + survey,
        "config_date_time": "date = 2025-02-15T10:00:00\n" + survey,
        "config_file_required": '[survey]\ninstrument = "../kiosk.toml"\n',
        "config_header_row": survey + "header_row = 0\n",
        "config_conf": survey + "conf = 0.3\n",
        "config_years_required": '[contacts]\nmunicipality = "Lekeberg"\n',
        "config_year_key": '[contacts.years]\n"år 2019" = "../contacts_2019.csv"\n',
        "config_year_file": "[contacts.years]\n2019 = 2019\n",
        "config_service_input": '[service]\nas_of = "2024-06-30"\n',
        "config_no_survey": '[contacts.years]\n2019 = "../contacts_2019.csv"\n'
        '2020 = "../contacts_2020.csv"\n',
    }
    for name, text in configs.items():
        (here / f"{name}.toml").write_text(text, encoding="utf-8")
    # contact files (io.measurement): without a municipality column; one year in a year column;
    # a Kolada benchmark of 2019 only
    data = here.parent
    for year in (2019, 2020):
        lines = (data / f"contacts_{year}.csv").read_text(encoding="utf-8").splitlines()
        kept = [line.partition(",")[2] for line in lines]  # municipality is the first column
        (here / f"no_municipality_{year}.csv").write_text("\n".join(kept) + "\n", encoding="utf-8")
    lines = (data / "contacts_years.csv").read_text(encoding="utf-8").splitlines()
    (here / "year_2019.csv").write_text(
        "\n".join([lines[0], *(x for x in lines[1:] if x.startswith("2019,"))]) + "\n",
        encoding="utf-8",
    )
    kolada = (data / "contacts_kolada.csv").read_text(encoding="utf-8")
    # its 2019 row left out: moved to 2019 beside the 2020 one it would be a conflicting
    # duplicate (an error since review 12a, finding 7), not the missing year this file is for
    only_2020 = kolada.replace("U07451,phone_reached,1814,Lekeberg,2019,T,83.0\n", "")
    (here / "kolada_2019.csv").write_text(only_2020.replace(",2020,", ",2019,"), encoding="utf-8")
    # workbooks that are not what their name says, or a zip archive that is damaged (io.zipguard)
    (here / "old_style.xlsx").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504))
    (here / "html.xls").write_text(
        "<html><body><table><tr><td>E1</td></tr></table></body></html>\n", encoding="utf-8"
    )
    (here / "damaged_zip.xlsx").write_bytes(b"PK\x03\x04" + bytes(60))
    # a parquet file with columns and no rows; a workbook whose only sheet is empty
    empty = pa.array([], pa.int64())
    pq.write_table(pa.table({"F1": empty, "U1": empty}), here / "no_rows.parquet")
    book = openpyxl.Workbook()
    book.active.title = "Data"
    book.save(here / "empty_sheet.xlsx")
    _more_files(here)


def _more_files(here: Path) -> None:
    """Session 13: formats and workbooks a reader refuses, a survey with one weight column, a
    rating too large to be one."""
    import re
    import zipfile

    import openpyxl
    import pyarrow as pa
    import pyarrow.parquet as pq

    (here / "bad.parquet").write_bytes(b"PAR1" + bytes(40) + b"PAR1")
    (here / "bad.sav").write_bytes(b"$FL2" + bytes(60))
    pq.write_table(pa.table({"F1": [[1, 2], [3]], "U1": [1, 2]}), here / "nested.parquet")
    pq.write_table(pa.table({"F1": [1, 2, 3], "U1": [1, 2, 3]}), here / "rows.parquet")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Data"
    sheet.append(["E1", "P1"])
    sheet.append(["=1+2", "=2+2"])  # openpyxl stores no calculated value
    book.save(here / "formulas.xlsx")
    # a workbook without sheets, one whose workbook part is cut short, one whose sheet is
    base = here / "formulas.xlsx"
    with zipfile.ZipFile(base) as zin:
        parts = {i.filename: zin.read(i.filename) for i in zin.infolist()}
    variants = {
        "no_sheets.xlsx": {
            "xl/workbook.xml": re.sub(
                rb"<sheets>.*</sheets>", b"<sheets/>", parts["xl/workbook.xml"]
            ),
        },
        "cut_workbook.xlsx": {"xl/workbook.xml": parts["xl/workbook.xml"][:200]},
        "cut_sheet.xlsx": {"xl/worksheets/sheet1.xml": parts["xl/worksheets/sheet1.xml"][:300]},
    }
    for name, changed in variants.items():
        with zipfile.ZipFile(here / name, "w") as zout:
            for part, data in parts.items():
                if name == "no_sheets.xlsx" and part.startswith("xl/worksheets/"):
                    continue
                zip_info = zipfile.ZipInfo(part, date_time=(2026, 1, 1, 0, 0, 0))
                zout.writestr(zip_info, changed.get(part, data))
    kiosk = (here.parent / "kiosk.csv").read_text(encoding="utf-8").splitlines()
    (here / "one_weight.csv").write_text(
        "\n".join(line.rpartition(",")[0] for line in kiosk) + "\n", encoding="utf-8"
    )
    (here / "huge.csv").write_text("A,B\n1,2\n3,20000000\n4,5\n", encoding="utf-8")
    # KPI files wrong at the top level; contact files without a KPI, with a reply time and no
    # sent time, with two channel columns; a report config naming an unknown section
    texts = {
        "kpi_unknown_key.toml": "foo = 1\n",
        "kpi_title.toml": "title = 1\n",
        "kpi_min_n.toml": "min_n = 0\n",
        "kpi_none.toml": 'title = "Nyckeltal"\n',
        "contacts_no_kpi.csv": "channel\nphone\n",
        "contacts_reply.csv": "channel,besvarad\nemail,2024-01-01\n",
        "contacts_two_channels.csv": "kanal,channel,reached\nphone,phone,yes\n",
        "config_unknown_section.toml": 'sections = ["foo"]\n[survey]\nfile = "../kiosk.csv"\n'
        'instrument = "../kiosk.toml"\n',
        "config_section_needs.toml": 'sections = ["measurement"]\n[survey]\n'
        'file = "../kiosk.csv"\ninstrument = "../kiosk.toml"\n',
    }
    for name, text in texts.items():
        (here / name).write_text(text, encoding="utf-8")


if __name__ == "__main__":
    import sys

    _more_files(Path(__file__).parent) if "--more" in sys.argv else main()
