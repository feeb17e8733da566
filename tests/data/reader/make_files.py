"""Write the reader's hostile and awkward test files (tests/robustness/test_reader_*.py).

Run from the repository root: ``python tests/data/reader/make_files.py``. The encrypted workbook
needs ``msoffcrypto-tool`` (not a project dependency: ``pip install msoffcrypto-tool`` in a
scratch environment); without it that file is left as it is. Every other file needs only the
project's own dependencies. The output is deterministic (fixed zip timestamps).
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import openpyxl

HERE = Path(__file__).parent
SAMPLE = (
    "id;Tjänst;E1;P1;E2;P2\n"
    "1;Förskola;6;5;7;6\n"
    "2;Förskola;5;5;6;4\n"
    "3;Hemtjänst;7;6;6;6\n"
    "4;Hemtjänst;6;4;5;5\n"
    "5;Bibliotek;7;7;6;7\n"
    "6;Bibliotek;5;6;7;6\n"
)
FIXED = (2024, 1, 1, 0, 0, 0)


def _zip(members: dict[str, bytes], compress: int = zipfile.ZIP_DEFLATED) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zf:
        for name, data in members.items():
            info = zipfile.ZipInfo(name, FIXED)
            info.compress_type = zipfile.ZIP_STORED if name == "mimetype" else compress
            zf.writestr(info, data)
    return out.getvalue()


def _save(wb: openpyxl.Workbook) -> bytes:
    """An openpyxl workbook re-zipped with fixed timestamps (byte-identical on every run)."""
    buf = io.BytesIO()
    wb.save(buf)
    with zipfile.ZipFile(io.BytesIO(buf.getvalue())) as zf:
        members = {n: zf.read(n) for n in zf.namelist()}
    return _zip(members)


def text_files() -> None:
    lines = SAMPLE.splitlines(keepends=True)
    # A stray quote opens a field on line 3 and swallows the rest of the file.
    (HERE / "stray_quote.csv").write_text(
        "".join([lines[0], lines[1], '"' + lines[2], *lines[3:]]), encoding="utf-8"
    )
    # ... and one closed again two lines later: rows in between would vanish into one cell.
    closing = lines[4].replace("4;Hemtjänst", '4;Hemtjänst"')
    closed = [lines[0], lines[1], '"' + lines[2], lines[3], closing, *lines[5:]]
    (HERE / "stray_quote_closed.csv").write_text("".join(closed), encoding="utf-8")
    # A legitimate multi-line quoted comment: read, and row numbers still count lines.
    (HERE / "multiline_comment.csv").write_text(
        'id;Tjänst;Kommentar;E1;P1\n1;Förskola;"Bra\nmen långsamt";6;5\n2;Bibliotek;ok;5;5\n',
        encoding="utf-8",
    )
    # First lines UTF-8, the rest cp1252: must not be decoded wholly as cp1252.
    head, tail = "".join(lines[:4]), "".join(lines[4:])
    (HERE / "mixed_encoding.csv").write_bytes(head.encode("utf-8") + tail.encode("cp1252"))
    # A UTF-8 BOM, then a byte that is not UTF-8 on line 4.
    bad = SAMPLE.encode("utf-8").replace(b"3;Hemtj\xc3\xa4nst", b"3;Hemtj\xe4nst")
    (HERE / "bom_invalid.csv").write_bytes(b"\xef\xbb\xbf" + bad)
    # UTF-16 with BOM (as Excel's "Unicode text" writes), an odd length, a lone surrogate.
    utf16 = SAMPLE.replace(";", "\t").encode("utf-16")
    (HERE / "utf16.csv").write_bytes(utf16)
    (HERE / "utf16_odd.csv").write_bytes(utf16 + b"\x00")
    (HERE / "utf16_surrogate.csv").write_bytes(utf16[:-2] + b"\x00\xd8" + b"\n\x00")
    # A CP949 (Korean Windows) survey with whole-question headers.
    korean = (
        "번호,성별,1-1. 키오스크는 사용하기 쉽다 (기대),1-1. 키오스크는 사용하기 쉽다 (인식),"
        "1-2. 직원은 친절하다 (기대),1-2. 직원은 친절하다 (인식)\n"
        "1,남,6,5,7,6\n2,여,5,5,6,4\n3,남,7,6,6,6\n4,여,6,4,5,5\n"
    )
    (HERE / "cp949_korean.csv").write_bytes(korean.encode("cp949"))
    # A CSV someone renamed .xlsx.
    (HERE / "csv_renamed.xlsx").write_text(SAMPLE, encoding="utf-8")
    # A two-row header: E and P merged over the item numbers.
    (HERE / "two_row_header.csv").write_text(
        "id;Tjänst;E;;P;\n;;1;2;1;2\n1;Förskola;6;7;5;6\n2;Förskola;5;6;5;4\n3;Bibliotek;7;6;6;6\n",
        encoding="utf-8",
    )
    # The same under a title row, which leaves no single row that looks like a full header.
    (HERE / "two_row_header_titled.csv").write_text(
        "Kundundersökning 2024;;;;;\n"
        "id;Tjänst;E;;P;\n;;1;2;1;2\n1;Förskola;6;7;5;6\n2;Förskola;5;6;5;4\n3;Bibliotek;7;6;6;6\n",
        encoding="utf-8",
    )


def workbooks() -> None:
    # Excel error cells in a rating, the group and a date column.
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Data"
    ws.append(["id", "Tjänst", "Datum", "E1", "P1", "E2", "P2"])
    ws.append([1, "Förskola", "2024-03-01", 6, 5, 7, 6])
    ws.append([2, "#N/A", "2024-03-02", 5, "#DIV/0!", 6, 4])
    ws.append([3, "Hemtjänst", "#VALUE!", 7, 6, 6, 6])
    ws.append([4, "Hemtjänst", "2024-03-04", 6, 4, 5, 5])
    (HERE / "excel_errors.xlsx").write_bytes(_save(wb))
    # Formulas without cached values (openpyxl writes no results).
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["id", "E1", "P1"])
    for i in range(2, 6):
        ws.append([i - 1, f"=A{i}+4", f"=A{i}+3"])
    (HERE / "formula_only.xlsx").write_bytes(_save(wb))
    # A two-row header in a workbook, the group names in merged cells.
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["id", "Tjänst", "E", None, "P", None])
    ws.append([None, None, 1, 2, 1, 2])
    ws.append([1, "Förskola", 6, 7, 5, 6])
    ws.append([2, "Förskola", 5, 6, 5, 4])
    ws.append([3, "Bibliotek", 7, 6, 6, 6])
    ws.merge_cells("C1:D1")
    ws.merge_cells("E1:F1")
    (HERE / "two_row_header.xlsx").write_bytes(_save(wb))
    ws.insert_rows(1)
    ws["A1"] = "Kundundersökning 2024"
    (HERE / "two_row_header_titled.xlsx").write_bytes(_save(wb))
    # One cell at XFD1048576: a dense reader would allocate 17 billion cells.
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["id", "E1"])
    ws.append([1, 5])
    ws["XFD1048576"] = 1
    (HERE / "bomb_far_cell.xlsx").write_bytes(_save(wb))
    # ZZ200000: 140 million cells, 5.5 GB before the checks.
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["id", "E1"])
    ws.append([1, 5])
    ws["ZZ200000"] = 1
    (HERE / "bomb_zz.xlsx").write_bytes(_save(wb))


def ods_bomb() -> None:
    cell = '<table:table-cell office:value-type="float" office:value="1"><text:p>1</text:p>'
    rows = (
        '<table:table-row><table:table-cell office:value-type="string"><text:p>E1</text:p>'
        "</table:table-cell></table:table-row>"
        f'<table:table-row table:number-rows-repeated="1048575">{cell}</table:table-cell>'
        f'<table:table-cell table:number-columns-repeated="16000" office:value-type="float" '
        'office:value="1"><text:p>1</text:p></table:table-cell></table:table-row>'
    )
    content = (
        '<?xml version="1.0" encoding="UTF-8"?><office:document-content '
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" office:version="1.2">'
        f'<office:body><office:spreadsheet><table:table table:name="D">{rows}</table:table>'
        "</office:spreadsheet></office:body></office:document-content>"
    )
    manifest = (
        '<?xml version="1.0"?><manifest:manifest '
        'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"/>'
    )
    members = {
        "mimetype": b"application/vnd.oasis.opendocument.spreadsheet",
        "META-INF/manifest.xml": manifest.encode(),
        "content.xml": content.encode(),
    }
    (HERE / "bomb_repeated.ods").write_bytes(_zip(members))


def encrypted() -> None:
    try:
        import msoffcrypto
        from msoffcrypto.format.ooxml import OOXMLFile
    except ImportError:
        print("msoffcrypto-tool not installed: encrypted.xlsx left as it is")
        return
    wb = openpyxl.Workbook()
    wb.active.append(["id", "E1", "P1"])
    wb.active.append([1, 5, 4])
    plain = io.BytesIO(_save(wb))
    out = io.BytesIO()
    OOXMLFile(plain).encrypt("hemligt", out)
    (HERE / "encrypted.xlsx").write_bytes(out.getvalue())
    del msoffcrypto


if __name__ == "__main__":
    text_files()
    workbooks()
    ods_bomb()
    encrypted()
