"""Read any supported file into a :class:`RawTable`: the one entry point for every command.

Spreadsheets go through calamine (python-calamine): on a 100k x 50 sheet it reads in a fraction
of openpyxl's time (see ``bench/``). CSV is read as Swedish tools write it: the delimiter
(``;``, ``,`` or tab) and the encoding (UTF-8, UTF-8 with BOM, cp1252) are detected. Title rows
above the header are skipped (see :mod:`servqual_cli.io.header`).

Every cell stays as read (text, number, date); parsing values is the cleaner's job, so that a bad
value can be reported with its file, sheet, row and column.
"""

from __future__ import annotations

import csv
import hashlib
import io
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from servqual_cli.errors import DataError, Location, UsageError
from servqual_cli.io.header import find_header_row

SPREADSHEET_SUFFIXES = {".xlsx", ".xlsm", ".xlsb", ".xls", ".ods"}
TEXT_SUFFIXES = {".csv", ".tsv", ".txt"}
SUPPORTED = sorted(SPREADSHEET_SUFFIXES | TEXT_SUFFIXES | {".parquet", ".sav"})
DELIMITERS = (";", ",", "\t")


@dataclass(frozen=True)
class RawTable:
    """A file's data as read: header names, cells as read, and where each row came from.

    Attributes
    ----------
    frame : DataFrame
        One column per header cell (duplicate names are kept; positions are unique), object dtype
        for text files and spreadsheets, so that nothing is coerced before the cleaner sees it.
    source : str
        The path as the user gave it (``"<stdin>"`` for ``-``).
    sheet : str or None
        The sheet read, for spreadsheets.
    header_row : int
        1-based row of the header in the file (0 for formats without one, e.g. parquet).
    row_numbers : ndarray of int
        For each frame row, its 1-based row number in the file as the user sees it.
    sha256 : str
        Hash of the input bytes, recorded in reports.
    value_labels : dict
        SPSS value labels per column (code -> label); the frame holds the labelled values and
        ``codes`` the raw codes for those columns.
    """

    frame: pd.DataFrame
    source: str
    sheet: str | None
    header_row: int
    row_numbers: np.ndarray
    sha256: str
    encoding: str | None = None
    delimiter: str | None = None
    value_labels: dict[str, dict[Any, str]] = field(default_factory=dict)
    codes: dict[str, pd.Series] = field(default_factory=dict)

    def location(self, row_index: int | None = None, column: str | None = None) -> Location:
        """The :class:`Location` of a frame row (0-based position) and column."""
        row = None if row_index is None else int(self.row_numbers[row_index])
        return Location(self.source, self.sheet, row, column)

    def describe(self) -> dict[str, Any]:
        """The input as JSON output records it: file name (no folder, so output does not
        depend on where the file lies), sheet, header row, SHA-256, encoding and delimiter."""
        name = Path(self.source).name if self.source != "<stdin>" else self.source
        return {
            "file": name,
            "sheet": self.sheet,
            "header_row": self.header_row,
            "sha256": self.sha256,
            "encoding": self.encoding,
            "delimiter": self.delimiter,
        }

    @property
    def columns(self) -> list[str]:
        return [str(c) for c in self.frame.columns]


def read_table(
    path: str | Path,
    sheet: str | int | None = None,
    encoding: str | None = None,
    header_row: int | None = None,
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
        Force a text encoding (e.g. ``cp949``); default detects UTF-8 (with or without BOM) and
        falls back to cp1252, as Swedish Excel writes "CSV (semikolonavgränsad)".
    header_row : int, optional
        1-based row of the header; default finds it below any title rows.

    Raises
    ------
    UsageError
        The file does not exist, has an unsupported type, or the sheet does not exist.
    DataError
        The file is empty, corrupt, has no data rows, or has ragged rows.
    """
    name = str(path)
    if name == "-":
        data = sys.stdin.buffer.read()
        return _read_text(data, "<stdin>", encoding, header_row)
    p = Path(path)
    if p.is_dir():
        raise UsageError("is a folder, expected a data file", Location(name))
    if not p.exists():
        raise UsageError("file not found", Location(name))
    suffix = p.suffix.lower()
    if suffix not in SPREADSHEET_SUFFIXES | TEXT_SUFFIXES | {".parquet", ".sav"}:
        raise UsageError(
            f"unsupported file type {suffix or '(none)'!r}; expected one of {', '.join(SUPPORTED)}",
            Location(name),
        )
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise UsageError(f"cannot read file: {exc.strerror}", Location(name)) from exc
    if not data:
        raise DataError("file is empty", Location(name))
    if suffix in TEXT_SUFFIXES:
        return _read_text(data, name, encoding, header_row)
    if suffix in SPREADSHEET_SUFFIXES:
        return _read_spreadsheet(data, name, sheet, header_row)
    if suffix == ".parquet":
        return _read_parquet(data, name)
    return _read_sav(p, data, name)


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


# -- text -------------------------------------------------------------------------------------


def decode_text(data: bytes, encoding: str | None, source: str) -> tuple[str, str]:
    """Decode bytes, detecting UTF-8 with/without BOM and falling back to cp1252."""
    if encoding:
        try:
            return data.decode(encoding), encoding
        except LookupError as exc:
            raise UsageError(f"unknown encoding {encoding!r}", Location(source)) from exc
        except UnicodeDecodeError as exc:
            raise DataError(
                f"cannot be decoded as {encoding} (byte {exc.start}); try another --encoding",
                Location(source),
            ) from exc
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), "utf-16"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        # Swedish Excel's "CSV (semikolonavgränsad)" is Windows-1252; every byte decodes.
        return data.decode("cp1252", errors="replace"), "cp1252"


def detect_delimiter(lines: list[str]) -> str:
    """The delimiter whose per-line count is most consistent and largest in the first lines.

    >>> detect_delimiter(["Titel;;", "a;b;c", "1;2,5;3"])
    ';'
    >>> detect_delimiter(["a,b,c", "1,2,3"])
    ','
    """
    best, best_score = ",", -1.0
    sample = [ln for ln in lines if ln.strip()][:50]
    for delim in DELIMITERS:
        counts = [ln.count(delim) for ln in sample]
        if not counts or max(counts) == 0:
            continue
        modal = max(set(counts), key=lambda c: (counts.count(c), c))
        # Prefer a delimiter that splits most lines the same way, then more columns.
        score = counts.count(modal) / len(counts) * 1000 + modal
        if modal > 0 and score > best_score:
            best, best_score = delim, score
    return best


def _read_text(data: bytes, source: str, encoding: str | None, header_row: int | None) -> RawTable:
    if not data.strip():
        raise DataError("file is empty", Location(source))
    text, used_encoding = decode_text(data, encoding, source)
    if "\x00" in text:
        raise DataError("is not a text file (it contains NUL bytes)", Location(source))
    lines = text.splitlines()
    delim = detect_delimiter(lines[:60])
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delim))
    table = _rows_to_table(rows, source, None, header_row, ragged_is_error=True)
    return RawTable(
        frame=table[0],
        source=source,
        sheet=None,
        header_row=table[1],
        row_numbers=table[2],
        sha256=sha256_of(data),
        encoding=used_encoding,
        delimiter=delim,
    )


# -- spreadsheets -----------------------------------------------------------------------------


def _read_spreadsheet(
    data: bytes, source: str, sheet: str | int | None, header_row: int | None
) -> RawTable:
    import python_calamine  # light (10 ms); only spreadsheets need it

    try:
        wb = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(data))
    except Exception as exc:  # calamine raises several types for corrupt files
        raise DataError(
            f"is not a readable spreadsheet ({type(exc).__name__}: {str(exc)[:80]})",
            Location(source),
        ) from exc
    names = list(wb.sheet_names)
    if not names:
        raise DataError("workbook has no sheets", Location(source))
    chosen = _choose_sheet(names, sheet, source)
    try:
        rows = wb.get_sheet_by_name(chosen).to_python(skip_empty_area=False)
    except Exception as exc:
        raise DataError(f"cannot read sheet: {exc}", Location(source, chosen)) from exc
    frame, hdr, row_numbers = _rows_to_table(rows, source, chosen, header_row, False)
    return RawTable(frame, source, chosen, hdr, row_numbers, sha256_of(data))


def _choose_sheet(names: list[str], sheet: str | int | None, source: str) -> str:
    if sheet is None:
        return names[0]
    if isinstance(sheet, str) and sheet in names:
        return sheet
    if isinstance(sheet, str):
        folded = {n.casefold().strip(): n for n in names}
        if sheet.casefold().strip() in folded:
            return folded[sheet.casefold().strip()]
    index: int | None = None
    if isinstance(sheet, int):
        index = sheet
    elif sheet.strip().isdigit():
        index = int(sheet)
    if index is not None and 1 <= index <= len(names):
        return names[index - 1]
    listed = ", ".join(repr(n) for n in names)
    raise UsageError(
        f"no sheet {sheet!r}; the workbook has {listed} (give a name or a 1-based index)",
        Location(source),
    )


# -- shared: rows -> frame --------------------------------------------------------------------


def _is_blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip()) or value == ""


def _rows_to_table(
    rows: list[list[Any]],
    source: str,
    sheet: str | None,
    header_row: int | None,
    ragged_is_error: bool,
) -> tuple[pd.DataFrame, int, np.ndarray]:
    where = Location(source, sheet)
    if not rows or all(all(_is_blank(v) for v in r) for r in rows):
        raise DataError("has no data (the sheet or file is empty)", where)
    if header_row is None:
        hdr_index = find_header_row(rows)
    else:
        if header_row < 1 or header_row > len(rows):
            raise UsageError(f"--header-row {header_row} is outside the {len(rows)} rows", where)
        hdr_index = header_row - 1
    header = ["" if v is None else str(v).strip() for v in rows[hdr_index]]
    body = rows[hdr_index + 1 :]
    width = len(header)
    if ragged_is_error:
        lengths = np.fromiter((len(r) for r in body), dtype=np.int64, count=len(body))
        too_long = np.flatnonzero(lengths > width)
        for i in too_long:
            extra = body[i][width:]
            if any(not _is_blank(v) for v in extra):
                raise DataError(
                    f"has {len(body[i])} fields but the header (row {hdr_index + 1}) has {width}; "
                    "is the file ragged or the delimiter wrong?",
                    Location(source, sheet, hdr_index + 2 + int(i)),
                )
    # Name blank header cells after their position, so a column can still be named in errors.
    names = [h if h else f"column {i + 1}" for i, h in enumerate(header)]
    frame = pd.DataFrame([r[:width] + [None] * (width - len(r)) for r in body], dtype=object)
    if frame.shape[1] == 0:
        frame = pd.DataFrame(index=range(len(body)), columns=range(width), dtype=object)
    frame.columns = pd.Index(names, dtype=object)
    row_numbers = np.arange(hdr_index + 2, hdr_index + 2 + len(body), dtype=np.int64)
    # Drop columns with neither a header nor any value (Excel pads with empty cells).
    blank = blank_mask(frame)
    blank_cols = [i for i, h in enumerate(header) if not h and blank[:, i].all()]
    if blank_cols:
        keep = [i for i in range(width) if i not in set(blank_cols)]
        frame = frame.iloc[:, keep]
        blank = blank[:, keep]
    # Drop fully blank rows: spreadsheets keep formatted-but-empty rows at the end.
    if len(frame):
        blank_row = blank.all(axis=1)
        if blank_row.any():
            frame = frame.iloc[np.flatnonzero(~blank_row)].reset_index(drop=True)
            row_numbers = row_numbers[~blank_row]
    if len(frame) == 0:
        raise DataError(f"has a header (row {hdr_index + 1}) but no data rows below it", where)
    return frame, hdr_index + 1, row_numbers


def blank_mask(frame: pd.DataFrame) -> np.ndarray:
    """Boolean (rows x columns): the cell is empty, None/NaN or only spaces.

    Survey answers repeat a handful of values, so each column is factorized and only its
    distinct values are inspected: the per-cell work stays in C.

    >>> blank_mask(pd.DataFrame({"a": ["x", " ", None], "b": [1.0, float("nan"), 2.0]})).tolist()
    [[False, False], [True, True], [True, False]]
    """
    out = np.zeros(frame.shape, dtype=bool)
    for j in range(frame.shape[1]):  # a loop over columns; each column is vectorised
        col = frame.iloc[:, j]
        if not (col.dtype == object or pd.api.types.is_string_dtype(col.dtype)):
            out[:, j] = col.isna().to_numpy(dtype=bool)
            continue
        codes, uniques = pd.factorize(col, use_na_sentinel=True)
        blank_unique = np.fromiter(
            (isinstance(u, str) and not u.strip() for u in uniques), dtype=bool, count=len(uniques)
        )
        if len(uniques) == 0:  # nothing but missing values
            out[:, j] = True
            continue
        out[:, j] = (codes < 0) | (blank_unique[np.maximum(codes, 0)] & (codes >= 0))
    return out


# -- columnar formats -------------------------------------------------------------------------


def _read_parquet(data: bytes, source: str) -> RawTable:
    try:
        frame = pd.read_parquet(io.BytesIO(data))
    except Exception as exc:
        raise DataError(f"is not a readable parquet file ({exc})", Location(source)) from exc
    if len(frame) == 0:
        raise DataError("has no data rows", Location(source))
    frame = frame.reset_index(drop=True)
    frame.columns = pd.Index([str(c).strip() for c in frame.columns], dtype=object)
    rows = np.arange(1, len(frame) + 1, dtype=np.int64)
    return RawTable(frame, source, None, 0, rows, sha256_of(data))


def _read_sav(path: Path, data: bytes, source: str) -> RawTable:
    import pyreadstat

    try:
        raw, meta = pyreadstat.read_sav(str(path), apply_value_formats=False)
    except Exception as exc:
        raise DataError(f"is not a readable SPSS file ({exc})", Location(source)) from exc
    if len(raw) == 0:
        raise DataError("has no data rows", Location(source))
    labels: dict[str, dict[Any, str]] = {}
    codes: dict[str, pd.Series] = {}
    frame = raw.astype(object)
    for col, label_set in (meta.variable_value_labels or {}).items():
        labels[col] = dict(label_set)
        codes[col] = raw[col]
        # Labels applied (a service unit coded 1-4 reads as its name); the cleaner uses the codes
        # for scale items, so a labelled 1-7 scale still analyses as numbers.
        frame[col] = raw[col].map(lambda v, m=label_set: m.get(v, v)).astype(object)
    rows = np.arange(1, len(frame) + 1, dtype=np.int64)
    return RawTable(frame, source, None, 0, rows, sha256_of(data), value_labels=labels, codes=codes)
