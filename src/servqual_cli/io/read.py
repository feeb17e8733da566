"""Read any supported file into a :class:`RawTable`: the one entry point for every command.

Spreadsheets go through calamine (see :mod:`servqual_cli.io.sheets`, checked first by
:mod:`servqual_cli.io.zipguard`). CSV is read as Swedish tools write it: the delimiter (``;``,
``,`` or tab) and the encoding (UTF-8 with or without BOM, UTF-16 with BOM, cp1252) are detected
and decoded strictly (:mod:`servqual_cli.io.decode`, :mod:`servqual_cli.io.csvtext`). Title rows
above the header are skipped and a two-row header is joined (see :mod:`servqual_cli.io.header`).
Only regular files (and stdin) within the limits of :mod:`servqual_cli.io.limits` are read.

The text path is :mod:`servqual_cli.io.read_text`, the spreadsheet path
:mod:`servqual_cli.io.read_sheet`, the shared rows-to-frame step :mod:`servqual_cli.io.rows`.

Every cell stays as read (text, number, date); parsing values is the cleaner's job, so that a bad
value can be reported with its file, sheet, row and column.
"""

from __future__ import annotations

import io
from pathlib import Path

import numpy as np
import pandas as pd

from servqual_cli.errors import DataError, Location, UsageError
from servqual_cli.io.csvtext import DELIMITERS, detect_delimiter
from servqual_cli.io.header import header_rows_option
from servqual_cli.io.limits import check_regular_file, limits, read_input_bytes
from servqual_cli.io.raw_table import RawTable, sha256_of
from servqual_cli.io.read_text import decode_text, read_text
from servqual_cli.io.rows import blank_mask

SPREADSHEET_SUFFIXES = {".xlsx", ".xlsm", ".xlsb", ".xls", ".ods"}
TEXT_SUFFIXES = {".csv", ".tsv", ".txt"}
SUPPORTED = sorted(SPREADSHEET_SUFFIXES | TEXT_SUFFIXES | {".parquet", ".sav"})
__all__ = [
    "DELIMITERS",
    "RawTable",
    "blank_mask",
    "decode_text",
    "detect_delimiter",
    "read_table",
    "sha256_of",
]


def read_table(
    path: str | Path,
    sheet: str | int | None = None,
    encoding: str | None = None,
    header_row: int | None = None,
    header_rows: int | None = None,
) -> RawTable:
    """Read a survey or case file. ``path == "-"`` reads CSV from standard input.

    Parameters
    ----------
    path : str or Path
        .xlsx/.xlsm/.xls/.ods, .csv/.tsv/.txt, .parquet or .sav.
    sheet : str or int, optional
        Sheet name, or 1-based index as a user counts (a digit string is taken as an index only
        when no sheet has that name). Default: the first sheet.
    encoding : str, optional
        Force a text encoding (e.g. ``cp949``); default detects a BOM (UTF-8, UTF-16), then
        UTF-8, and falls back to cp1252, as Swedish Excel writes "CSV (semikolonavgränsad)".
    header_row : int, optional
        1-based row of the header; default finds it below any title rows.
    header_rows : int, optional
        1 or 2 rows of header; with 2 (a group name such as "E" merged over "1".."22") the names
        are joined with a space ("E 1"). Default: the command's ``--header-rows`` (see
        :func:`use_header_rows`), else 2 only where the file shows it unambiguously.

    Raises
    ------
    UsageError
        The file does not exist, is not a regular file, has an unsupported type, or the sheet
        does not exist.
    DataError
        The file is empty, corrupt, too large, has no data rows, or has ragged rows.

    Trailing summary rows ("Medelvärde", "Summa" and numbers) are left out and recorded
    (:func:`servqual_cli.io.summary_rows.drop_summary_rows`).
    """
    from servqual_cli.io.summary_rows import drop_summary_rows

    return drop_summary_rows(_read_table(path, sheet, encoding, header_row, header_rows))


def _read_table(
    path: str | Path,
    sheet: str | int | None,
    encoding: str | None,
    header_row: int | None,
    header_rows: int | None,
) -> RawTable:
    name = str(path)
    lim = limits()
    if header_rows is None:
        header_rows = header_rows_option()
    if name == "-":
        _check_options("<stdin>", "", sheet, encoding)
        return read_text(read_input_bytes("-", lim), "<stdin>", encoding, header_row, header_rows)
    suffix = Path(name).suffix.lower()
    if suffix not in SPREADSHEET_SUFFIXES | TEXT_SUFFIXES | {".parquet", ".sav"}:
        check_regular_file(name)  # a missing file or a folder says so first
        raise UsageError(
            f"unsupported file type {suffix or '(none)'!r}; expected one of {', '.join(SUPPORTED)}",
            Location(name),
            code="unsupported_type",
            facts={"suffix": suffix, "supported": tuple(SUPPORTED)},
        )
    data = read_input_bytes(name, lim)  # (a missing file says so before the options)
    _check_options(name, suffix, sheet, encoding)
    if not data:
        raise DataError("file is empty", Location(name), code="file_empty")
    if suffix in TEXT_SUFFIXES:
        return read_text(data, name, encoding, header_row, header_rows)
    if suffix in SPREADSHEET_SUFFIXES:
        # here, not at import: a CSV run need not load the workbook reader and its zip guard;
        # without --sheet a cover page is skipped, and said (io/sheet_choice.py)
        from servqual_cli.io.sheet_choice import read_workbook

        return read_workbook(data, name, suffix, sheet, header_row, header_rows, lim)
    if suffix == ".parquet":
        return _read_parquet(data, name)
    return _read_sav(Path(name), data, name)


def _check_options(source: str, suffix: str, sheet: str | int | None, encoding: str | None) -> None:
    """Refuse (exit 2) ``--sheet`` for a file without sheets and ``--encoding`` for one that
    is not text (review 10b, finding 6: both were accepted silently, so a user who meant the
    second sheet or an encoding learned nothing).

    >>> _check_options("a.csv", ".csv", None, "cp1252"), _check_options("a.xlsx", ".xlsx", 2, None)
    (None, None)
    >>> _check_options("a.csv", ".csv", "2", None)
    Traceback (most recent call last):
    ...
    servqual_cli.errors.UsageError: a.csv: --sheet applies to workbooks; a.csv is a CSV file
    >>> _check_options("a.xlsx", ".xlsx", None, "latin1")
    Traceback (most recent call last):
    ...
    servqual_cli.errors.UsageError: a.xlsx: --encoding applies to text files; a.xlsx is a \
workbook (.xlsx)
    """
    file = Path(source).name if source != "<stdin>" else source
    if sheet is not None and suffix not in SPREADSHEET_SUFFIXES:
        kind = _FORMATS.get(suffix, "CSV")  # (standard input is read as CSV)
        raise UsageError(f"--sheet applies to workbooks; {file} is a {kind} file",
                         Location(source), code="sheet_not_workbook",
                         facts={"file": file, "format": kind})  # fmt: skip
    if encoding is None or suffix in TEXT_SUFFIXES or not suffix:
        return
    if suffix in SPREADSHEET_SUFFIXES:
        raise UsageError(f"--encoding applies to text files; {file} is a workbook ({suffix})",
                         Location(source), code="encoding_on_workbook",
                         facts={"file": file, "suffix": suffix})  # fmt: skip
    kind = _FORMATS[suffix]
    raise UsageError(f"--encoding applies to text files; {file} is a {kind} file",
                     Location(source), code="encoding_not_text_file",
                     facts={"file": file, "format": kind})  # fmt: skip


_FORMATS = {".csv": "CSV", ".tsv": "TSV", ".txt": "TXT", ".parquet": "Parquet", ".sav": "SPSS"}


# -- columnar formats -------------------------------------------------------------------------


def _read_parquet(data: bytes, source: str) -> RawTable:
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:
        arrow = pq.read_table(io.BytesIO(data))
    except Exception as exc:
        raise DataError(f"is not a readable parquet file ({exc})", Location(source),
                        code="not_parquet", facts={"reason": str(exc)}) from exc  # fmt: skip
    for name, kind in zip(arrow.schema.names, arrow.schema.types, strict=True):
        if pa.types.is_nested(kind):  # lists, structs, maps: one cell holds many values
            raise DataError(
                f"holds nested values ({kind}); only one value per cell can be analysed",
                Location(source, None, None, str(name)),
                code="nested_values",
                facts={"kind": str(kind)},
            )
    lim = limits()
    if arrow.num_rows * max(arrow.num_columns, 1) > lim.max_cells:
        raise DataError(
            f"has {arrow.num_rows:,} rows x {arrow.num_columns:,} columns, over the reader's "
            f"limit of {lim.max_cells:,} cells "
            "(give --max-cells or set SERVQUAL_MAX_CELLS to allow more)",
            Location(source),
            code="table_too_many_cells",
            facts={"rows": arrow.num_rows, "cols": arrow.num_columns, "max_cells": lim.max_cells},
        )
    try:
        frame = arrow.to_pandas()
    except Exception as exc:  # e.g. timestamps outside pandas' range
        raise DataError(f"is not a readable parquet file ({exc})", Location(source),
                        code="not_parquet", facts={"reason": str(exc)}) from exc  # fmt: skip
    if len(frame) == 0:
        raise DataError("has no data rows", Location(source), code="no_data_rows")
    frame = frame.reset_index(drop=True)
    frame.columns = pd.Index([str(c).strip() for c in frame.columns], dtype=object)
    rows = np.arange(1, len(frame) + 1, dtype=np.int64)
    return RawTable(frame, source, None, 0, rows, sha256_of(data))


def _read_sav(path: Path, data: bytes, source: str) -> RawTable:
    import pyreadstat

    try:
        # user-missing codes kept, then said by their labels or left blank as before
        # (:mod:`servqual_cli.io.spss_missing`; review 16, finding 6)
        raw, meta = pyreadstat.read_sav(str(path), apply_value_formats=False, user_missing=True)
    except Exception as exc:
        raise DataError(f"is not a readable SPSS file ({exc})", Location(source),
                        code="not_spss", facts={"reason": str(exc)}) from exc  # fmt: skip
    if len(raw) == 0:
        raise DataError("has no data rows", Location(source), code="no_data_rows")
    from servqual_cli.io.spss_missing import declared_shown, split_declared

    labels = {col: dict(s) for col, s in (meta.variable_value_labels or {}).items()}
    kept = split_declared(raw, meta.missing_ranges or {}, labels)
    # a declared cell no label calls "no answer" is blank, as pyreadstat read it before
    raw = raw.assign(**{col: raw[col].where(v.isna()) for col, v in kept.items()})
    codes: dict[str, pd.Series] = {}
    frame = raw.astype(object)
    for col, label_set in labels.items():
        codes[col] = raw[col]
        # Labels applied (a service unit coded 1-4 reads as its name); the cleaner uses the codes
        # for scale items, so a labelled 1-7 scale still analyses as numbers.
        frame[col] = raw[col].map(lambda v, m=label_set: m.get(v, v)).astype(object)
    rows = np.arange(1, len(frame) + 1, dtype=np.int64)
    shown = declared_shown(meta.missing_ranges or {}, labels)
    return RawTable(frame, source, None, 0, rows, sha256_of(data), value_labels=labels, codes=codes,
                    user_missing=kept, declared_shown=shown)  # fmt: skip
