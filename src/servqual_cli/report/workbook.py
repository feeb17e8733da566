"""The pieces of every workbook servqual writes (openpyxl): typed cells with text that Excel would
take for a formula kept as text, Excel number formats for the display formats, valid unique
sheet names, and reproducible bytes.

Shared by the report's workbook (:mod:`~servqual_cli.report.excel`) and the one-sheet tidy
table of ``-o FILE.xlsx`` (:func:`servqual_cli.cli.output_xlsx.xlsx_bytes`), which then needs
neither the report's layout nor its charts.

Text that starts with ``=``, ``+``, ``-`` or ``@`` is written as a string with Excel's quote
prefix, never as a formula (a group called ``=HYPERLINK(...)`` stays text). The zip entries'
dates are the given time stamp, so two runs with the same ``SOURCE_DATE_EPOCH`` give the same
file.
"""

from __future__ import annotations

import datetime as dt
import io
import math
import re
import zipfile
from typing import Any

import numpy as np
import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.worksheet.worksheet import Worksheet
from openpyxl.writer.excel import ExcelWriter

from servqual_cli.report.safe_text import xml_safe

FONT_NAME = "Calibri"  # an explicit font: the file looks the same on every machine
BODY_FONT = Font(name=FONT_NAME, size=11)
FORMULA_START = ("=", "+", "-", "@")
_BAD_SHEET_CHARS = re.compile(r"[\[\]:*?/\\]")
SHEET_NAME_MAX = 31  # Excel's limit


def number_format(fmt: str | None, lang: str = "en") -> str:
    """Excel number format for a display format of :func:`~servqual_cli.report.spec.format_value`.

    The codes are locale-neutral (Excel shows "0.000" with the reader's decimal comma), but a
    quoted literal is shown as written: a Swedish workbook's small p reads "<0,001".

    A p below .05 shows four decimals, so a Holm p of 0.04973 never reads "0.050" beside a
    cell marked significant (review 5, finding 6; :func:`~.numbers.fmt_p`'s rule, as far as a
    number format can follow it: Excel allows two conditions).

    >>> number_format(".2f"), number_format("p"), number_format("pct"), number_format("d")
    ('0.00', '[<0.001]"<0.001";[<0.05]0.0000;0.000', '0.0%', '0')
    >>> number_format("p", "sv")
    '[<0.001]"<0,001";[<0.05]0.0000;0.000'
    >>> number_format("+.1f"), number_format(",.0f"), number_format("+d")
    ('+0.0;-0.0;0.0', '#,##0', '+0;-0;0')

    A Swedish workbook writes its minus as "−" (U+2212), as the Markdown and HTML do: Excel's
    own minus is the hyphen, so the negative section carries the sign as a literal (review 5
    item 19).

    >>> number_format(".2f", "sv"), number_format("+.1f", "sv"), number_format("pct", "sv")
    ('0.00;"−"0.00', '+0.0;"−"0.0;0.0', '0.0%;"−"0.0%')
    """
    if fmt is None:
        return "General"
    if fmt == "p":
        small = "<0,001" if lang == "sv" else "<0.001"
        return f'[<0.001]"{small}";[<0.05]0.0000;0.000'
    if fmt == "year":
        return "0"
    minus = '"−"' if lang == "sv" else "-"
    if fmt == "pct":
        return f"0.0%;{minus}0.0%" if lang == "sv" else "0.0%"
    m = re.fullmatch(r"(\+?)(,?)(?:\.(\d+)f|d)", fmt)
    if m is None:
        return "General"
    sign, comma, digits = m.groups()
    n = int(digits or 0)
    body = ("#,##0" if comma else "0") + ("." + "0" * n if n else "")
    if sign:
        return f"+{body};{minus}{body};{body}"
    return f"{body};{minus}{body}" if lang == "sv" else body


# words a shortened name must not end on ("Påståenden – Reliabilitet och")
_DANGLING = frozenset({"och", "i", "per", "för", "av", "mot", "med", "and", "in", "of", "for",
                       "by", "vs", "the", "–", "-"})  # fmt: skip


def _fit(text: str, limit: int = SHEET_NAME_MAX) -> str:
    """Shorten to ``limit`` characters, at a word boundary when that keeps most of the text,
    and never ending on a word that leaves the name hanging ("och", "and", "per").

    >>> _fit("Påståenden – Reliabilitet och validitet")
    'Påståenden – Reliabilitet'
    """
    if len(text) <= limit:
        return text
    cut = text[:limit]
    space = cut.rfind(" ")
    if space >= limit // 2:
        cut = cut[:space]
        words = cut.split(" ")
        while len(words) > 1 and words[-1].lower() in _DANGLING:
            words.pop()
        cut = " ".join(words)
    return cut.rstrip(" –-,:;")


def sheet_name(wanted: str, used: set[str], context: str | None = None) -> str:
    """A valid, unique, readable sheet name: no ``[]:*?/\\``, at most 31 characters.

    Long names are cut at a word boundary. A name already taken (case-insensitively, as Excel
    compares) becomes ``"name – context"`` when a ``context`` (the section's heading) is given
    and that is free, and is numbered (``"name (2)"``) only as a last resort.

    >>> used = set()
    >>> sheet_name("Gap per dimension – Tjänst/Enhet", used), sheet_name("Total", used)
    ('Gap per dimension – Tjänst', 'Total')
    >>> sheet_name("total", used), sheet_name("Items", used), sheet_name("Items", used, "Validity")
    ('total (2)', 'Items', 'Items – Validity')
    >>> sheet_name("Items", used, "Validity")
    'Items (2)'
    """
    clean = _BAD_SHEET_CHARS.sub(" ", wanted).strip().strip("'")
    base = _fit(clean) or "Sheet"
    candidates = [base]
    if context:
        extra = _fit(_BAD_SHEET_CHARS.sub(" ", f"{clean} – {context}").strip().strip("'"))
        if extra.lower() != base.lower():
            candidates.append(extra)
    for name in candidates:
        if name.lower() not in used:
            used.add(name.lower())
            return name
    k = 2
    while True:
        suffix = f" ({k})"
        name = base[: SHEET_NAME_MAX - len(suffix)].rstrip() + suffix
        if name.lower() not in used:
            used.add(name.lower())
            return name
        k += 1


def _plain(value: Any) -> Any:
    if isinstance(value, np.generic):
        value = value.item()
    if value is None or (isinstance(value, float) and (math.isnan(value) or math.isinf(value))):
        return None
    try:
        if pd.isna(value):  # pd.NA / NaT: an empty cell, never the text "<NA>"
            return None
    except (TypeError, ValueError):
        pass
    if isinstance(value, str):
        return xml_safe(value)  # ESC and the like would make openpyxl refuse the workbook
    if isinstance(value, int | float | bool) or type(value) is dt.date:  # a date stays a date
        return value
    return xml_safe(str(value))


def put(ws: Worksheet, row: int, col: int, value: Any) -> Any:
    """Write one cell; text that Excel would take for a formula is forced to be text."""
    cell = ws.cell(row=row, column=col, value=_plain(value))
    cell.font = BODY_FONT
    if isinstance(cell.value, str) and cell.value.startswith(FORMULA_START):
        cell.data_type = "s"
        cell.quotePrefix = True
    return cell


def workbook_bytes(wb: Workbook, stamp: dt.datetime) -> bytes:
    """Serialise with fixed properties and zip entry dates (``save_workbook`` would stamp now)."""
    raw = io.BytesIO()
    ExcelWriter(wb, zipfile.ZipFile(raw, "w", zipfile.ZIP_DEFLATED)).save()
    out = io.BytesIO()
    when = max(stamp.replace(tzinfo=None), dt.datetime(1980, 1, 1)).timetuple()[:6]
    with zipfile.ZipFile(raw) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=when)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            dst.writestr(entry, src.read(info.filename))
    return out.getvalue()
