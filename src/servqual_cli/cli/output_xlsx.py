"""The tidy table of ``-o FILE.xlsx`` as a workbook (split from :mod:`servqual_cli.cli.output`;
openpyxl loads only when a workbook is written).

Sheet "Resultat"/"Results" is the tidy table; with ``--lang sv`` its headers are the catalog's
Swedish labels where one exists (a name without a label, such as a user's column, stays as it
is) and its text cells the terminal's words for the codes (:mod:`.output_xlsx_values`: "Fysisk
miljö", "bättre", "telefon"; the CSV and JSON keep the codes). Numbers stay numbers at full
precision, shown with a number format (p values as
:func:`~servqual_cli.report.workbook.number_format` shows them). A second sheet
("Noter"/"Notes") holds the notes, warnings and explanations the terminal prints, one per row,
taken from the command's own document (a note that sends the reader to the JSON and CSV for
figures the data sheet holds names that sheet instead): a Swedish analyst opening the workbook
gets the language asked for and the rules that shaped the numbers (review 13, finding 13;
w-xlsx2). ``-f csv`` is unchanged: it is the machine-readable table.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any

from servqual_cli.cli.csv_dialect import integral_columns

if TYPE_CHECKING:
    from servqual_cli.report.spec import Document

# Each command's own word tables, looked up after the tidy table's words (report/catalog_tidy.py)
# and before SHARED. Per command, not merged: the tables share keys with other meanings
# ("period" is Kolada's "År", the register's "Period"; "unit" is the register's "Förvaltning").
# Only the commands whose every header was read against its table (session 16) are listed;
# the others keep the tidy names in Swedish too, rather than risk a wrong word. kpi, feedback
# and service-survey take no table: their tables word "unit", "n" and "period" for other
# columns, so every header of theirs is in catalog_tidy's COMMAND_TIDY (w-xlsx2).
_COMMAND_TABLES: dict[str, tuple[str, ...]] = {
    "gap": ("GROUPS", "TOOLBOX"), "reliability": ("RELIABILITY",), "alpha": ("RELIABILITY",),
    "tolerance": ("TOOLBOX",), "knowledge-gap": ("TOOLBOX",), "items": ("TOOLBOX",),
    "contacts": ("MEASUREMENT",), "trend": ("MEASUREMENT",), "describe": ("DESCRIBE",),
    "kolada": ("KOLADA",), "kpi": (), "feedback": (), "service-survey": (),
}  # fmt: skip
# gap --overall's rows of level "importance" carry the regression's b in the tidy column "b",
# which the pairwise rows fill with their second dimension: the workbook gives the b its own
# column "b_coef" (the importance table's key, "b"), so no number stands under "Dimension B".
_IMPORTANCE_LEVELS = ("importance", "importance_unweighted")
# Commands whose terminal shows tables the tidy table does not hold -> the catalog keys (of
# RELIABILITY_SHEETS) of the tables it does hold: every other table of the document gets a
# sheet of its own, as `servqual report` writes it (reliability's KMO and Bartlett, CFA fit,
# EFA loadings and CFA per dimension were in the terminal only; w-xlsx2).
_TABLE_SHEETS: dict[str, tuple[str, ...]] = {"reliability": ("rel", "items")}
# The texts the terminal prints beside the tables: all but the APA lines (results, not rules).
# A paragraph can hold a rule too (trend's: "both after the Holm adjustment over 14 tests").
_NOTE_KINDS = ("warning", "note", "paragraph")


def _words(command: str | None) -> dict[str, tuple[str, str]]:
    """The tidy table's words, then the command's (its first table winning a shared key), then
    SHARED; a label with a placeholder ("{level} KI, nedre") is left out, as it needs facts a
    header does not have. A command not in :data:`_COMMAND_TABLES` gets no words; catalog_tidy's
    ``COMMAND_TIDY`` of the command wins over all.

    >>> w = _words("knowledge-gap")
    >>> w["name"][0], w["p_mann_whitney"][0], w["reading"][0], _words(None)
    ('Namn', 'p (Mann-Whitney)', 'Tolkning', {})
    >>> _words("kpi")["unit"][0], _words("feedback")["unit"][0], _words("trend")["level"][0]
    ('Tidsenhet', 'Förvaltning', 'Gräns för radens ojusterade p')
    """
    from servqual_cli.report import catalog
    from servqual_cli.report.catalog_tidy import COMMAND_TIDY

    if command not in _COMMAND_TABLES:
        return {}
    merged: dict[str, tuple[str, str]] = dict(catalog.SHARED)
    for name in reversed(_COMMAND_TABLES[command]):
        merged.update(getattr(catalog, name))
    merged.update(catalog.TIDY)
    merged.update(COMMAND_TIDY.get(command, {}))
    return {k: v for k, v in merged.items() if "{" not in v[0]}


def header_label(name: str, lang: str, words: Mapping[str, tuple[str, str]]) -> str:
    """The header of tidy column ``name``: its label in Swedish, the name itself in English
    (the English workbook keeps the tidy names scripts read) or when no label exists.

    >>> w = {"n_staff": ("n personal", "n staff")}
    >>> header_label("n_staff", "sv", w), header_label("n_staff", "en", w)
    ('n personal', 'n_staff')
    >>> header_label("Förvaltning", "sv", w)
    'Förvaltning'
    """
    pair = words.get(name)
    return pair[0] if lang == "sv" and pair is not None else name


def _number_format(name: str, column: Any, lang: str) -> str | None:
    """A float column's display format: p values as the report shows p, other numbers with 3
    decimals, or 1 or 2 when every value has no more (the cell keeps every digit; General
    showed 16 of them, finding 13). A column with a value that 3 decimals would show as 0 (a
    standard error of 0.0004) keeps General, so no number reads as zero that is not.

    >>> import pandas as pd
    >>> x, tiny = pd.Series([0.2]), pd.Series([4e-4])
    >>> _number_format("p_holm", x, "en") == _number_format("msa_p", x, "en")
    True
    >>> _number_format("p_holm", x, "en")
    '[<0.001]"<0.001";[<0.05]0.0000;0.000'
    >>> _number_format("mean", pd.Series([4.251]), "sv"), _number_format("se", tiny, "en")
    ('0.000;"−"0.000', None)
    >>> kolada, big = pd.Series([83.0, 79.6]), pd.Series([12345.67])
    >>> _number_format("value", kolada, "en"), _number_format("x", big, "en")
    ('0.0', '0.00')
    >>> _number_format("n", pd.Series([3]), "en") is None
    True
    """
    import numpy as np

    from servqual_cli.report.workbook import number_format

    if column.dtype.kind != "f":
        return None
    if "p" in name.lower().split("_"):  # p, p_holm, p_welch, msa_p
        return number_format("p", lang)
    size = column.abs()
    if ((size > 0) & (size < 0.0005)).any():
        return None
    # values published with fewer decimals (Kolada's 79.6) keep them: 79.600 claims precision
    arr = column.to_numpy(dtype=float)
    arr = arr[np.isfinite(arr)]
    digits = next(
        (d for d in (1, 2) if np.allclose(arr * 10**d, np.round(arr * 10**d), rtol=0, atol=1e-6)), 3
    )
    return number_format(f".{digits}f", lang)


def _own_b(frame: Any) -> Any:
    """``frame`` with the importance rows' b moved from the pairs' column ``b`` to a column
    ``b_coef`` of its own right after it (a column emptied by the move is dropped).

    >>> import pandas as pd
    >>> f = pd.DataFrame({"level": ["dimension_pair", "importance"], "b": ["Empathy", -0.42]})
    >>> _own_b(f).values.tolist()
    [['dimension_pair', 'Empathy', nan], ['importance', nan, -0.42]]
    >>> pairs_only = f.head(1)
    >>> list(_own_b(f.tail(1)).columns), _own_b(pairs_only) is pairs_only
    (['level', 'b_coef'], True)
    """
    import pandas as pd

    if "b" not in frame.columns or "level" not in frame.columns:
        return frame
    rows = frame["level"].isin(_IMPORTANCE_LEVELS)
    if not rows.any():
        return frame
    out = frame.copy()
    at = out.columns.get_loc("b") + 1
    out.insert(at, "b_coef", pd.to_numeric(out["b"].where(rows), errors="coerce"))
    out["b"] = out["b"].where(~rows)
    return out.drop(columns="b") if out["b"].isna().all() else out


def notes(doc: Document) -> Iterator[tuple[str, str, str]]:
    """(where, kind, text) of every note, warning and explanation the terminal prints for
    ``doc``, in the order printed: a table's note (under the table's title, kind ``note``) and
    the sections' texts except the APA lines."""
    from servqual_cli.report.spec import Table, Text

    for section in doc.sections:
        for block in section.blocks:
            if isinstance(block, Table) and block.note:
                yield block.title or section.title or doc.title, "note", block.note
            elif isinstance(block, Text) and block.kind in _NOTE_KINDS:
                yield section.title or doc.title, block.kind, block.text


def xlsx_bytes(
    frame: Any,
    title: str,
    doc: Document | None = None,
    lang: str = "en",
    command: str | None = None,
) -> bytes:
    """The tidy table as a workbook: typed cells with number formats, formula-guarded text,
    frozen header with an autofilter, the notes sheet when ``doc`` is given, fixed dates."""
    import datetime as dt

    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    from servqual_cli.cli.output_xlsx_values import in_words
    from servqual_cli.report.catalog import TIDY, label
    from servqual_cli.report.manifest import report_time
    from servqual_cli.report.workbook import put, workbook_bytes

    stamp, epoch = report_time()
    if epoch is None:  # no SOURCE_DATE_EPOCH: a fixed date keeps two runs byte-identical
        stamp = dt.datetime(2000, 1, 1)
    words = _words(command) if lang == "sv" else {}
    wb = Workbook()
    ws = wb.active
    if ws is None:  # openpyxl always makes one sheet; this keeps mypy sure of it
        ws = wb.create_sheet()
    ws.title = label("data_sheet", lang, TIDY)
    frame = _own_b(frame)  # by the tidy level codes, before the Swedish words replace them
    table = integral_columns(frame if lang != "sv" else in_words(frame, command))
    for j, name in enumerate(table.columns, start=1):
        put(ws, 1, j, header_label(str(name), lang, words)).font = Font(bold=True)
    for j, col in enumerate(table.columns, start=1):
        column = table[col]
        fmt = _number_format(str(col), column, lang)
        values = column.astype(object).where(column.notna(), None).tolist()
        for i, value in enumerate(values, start=2):
            cell = put(ws, i, j, value)
            if fmt is not None and isinstance(cell.value, float):
                cell.number_format = fmt
        width = max(10, len(str(ws.cell(1, j).value)) + 2)  # the header readable, not cut
        ws.column_dimensions[get_column_letter(j)].width = width
    ws.freeze_panes = "A2"
    if len(table.columns):
        ws.auto_filter.ref = f"A1:{get_column_letter(len(table.columns))}{len(table) + 1}"
    if doc is not None and command in _TABLE_SHEETS:
        _table_sheets(wb, doc, lang, _TABLE_SHEETS[command])
    if doc is not None:
        _notes_sheet(wb, doc, lang, command)
    props = wb.properties
    props.title = title
    props.creator = props.lastModifiedBy = "servqual-cli"
    props.created = props.modified = stamp.replace(tzinfo=None, microsecond=0)
    return workbook_bytes(wb, stamp)


def _table_sheets(wb: Any, doc: Document, lang: str, held: tuple[str, ...]) -> None:
    """A sheet per table of ``doc`` the data sheet does not hold (its sheet name not one of
    ``held``'s), written as the report's workbook writes a table: title, header, numbers with
    the table's display formats, its note under it."""
    from servqual_cli.report.excel import write_table
    from servqual_cli.report.reliability_tables import sheet_name as table_sheet
    from servqual_cli.report.spec import Table
    from servqual_cli.report.workbook import sheet_name

    skip = {table_sheet(key, lang) for key in held}
    used = {name.lower() for name in wb.sheetnames} | {label_of_notes(lang).lower()}
    for section in doc.sections:
        for block in section.blocks:
            if isinstance(block, Table) and block.sheet and block.sheet not in skip:
                ws = wb.create_sheet(sheet_name(block.sheet, used, section.title or None))
                write_table(ws, block, lang)


def label_of_notes(lang: str) -> str:
    """The notes sheet's name ("Noter"/"Notes"), kept free for it."""
    from servqual_cli.report.catalog import TIDY, label

    return label("notes_sheet", lang, TIDY)


def workbook_notes(doc: Document, lang: str, command: str | None) -> list[tuple[str, str, str]]:
    """The notes sheet's rows: in Swedish first what the data sheet's words are (and that the
    CSV and JSON keep the codes), then :func:`notes` with the phrases that send the reader to
    the JSON and CSV for figures the data sheet holds naming that sheet instead."""
    from servqual_cli.cli.output_xlsx_values import translates
    from servqual_cli.report.catalog import TIDY, label
    from servqual_cli.report.catalog_tidy import WORKBOOK_WORDING

    sheet = label("data_sheet", lang, TIDY)
    rows = []
    if lang == "sv" and translates(command):
        rows.append((label("notes_workbook", lang, TIDY), "note",
                     label("notes_codes", lang, TIDY).format(sheet=sheet)))  # fmt: skip
    for where, kind, text in notes(doc):
        for phrase, instead in WORKBOOK_WORDING.items():
            text = text.replace(phrase, instead.format(sheet=sheet))
        rows.append((where, kind, text))
    # one row per note: a trend over years prints the e-mail rule under the series and under
    # the last pair, the same words twice (review 16 finding 12)
    return list(dict.fromkeys(rows))


def _notes_sheet(wb: Any, doc: Document, lang: str, command: str | None) -> None:
    """The sheet "Noter"/"Notes": section, kind and text of every note, one per row."""
    from openpyxl.styles import Alignment, Font

    from servqual_cli.report.catalog import TIDY, label
    from servqual_cli.report.workbook import put

    sheet = wb.create_sheet(label_of_notes(lang))
    heads = [label(k, lang, TIDY) for k in ("notes_section", "notes_kind", "notes_text")]
    for j, head in enumerate(heads, start=1):
        put(sheet, 1, j, head).font = Font(bold=True)
    wrap = Alignment(wrap_text=True, vertical="top")
    for i, (where, kind, text) in enumerate(workbook_notes(doc, lang, command), start=2):
        put(sheet, i, 1, where).alignment = wrap
        put(sheet, i, 2, label(f"notes_{kind}", lang, TIDY)).alignment = wrap
        put(sheet, i, 3, text).alignment = wrap
    for letter, width in zip("ABC", (40, 12, 110), strict=True):
        sheet.column_dimensions[letter].width = width
    sheet.freeze_panes = "A2"
