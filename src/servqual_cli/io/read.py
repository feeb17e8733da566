"""Read any supported file into a :class:`RawTable`: the one entry point for every command.

Spreadsheets go through calamine (see :mod:`servqual_cli.io.sheets`, checked first by
:mod:`servqual_cli.io.zipguard`). CSV is read as Swedish tools write it: the delimiter (``;``,
``,`` or tab) and the encoding (UTF-8 with or without BOM, UTF-16 with BOM, cp1252) are detected
and decoded strictly (:mod:`servqual_cli.io.decode`, :mod:`servqual_cli.io.csvtext`). Title rows
above the header are skipped and a two-row header is joined (see :mod:`servqual_cli.io.header`).
Only regular files (and stdin) within the limits of :mod:`servqual_cli.io.limits` are read.

Every cell stays as read (text, number, date); parsing values is the cleaner's job, so that a bad
value can be reported with its file, sheet, row and column.
"""

from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from servqual_cli.errors import DataError, Location, UsageError
from servqual_cli.io.csvfast import SNIFF_BYTES, read_body
from servqual_cli.io.csvtext import DELIMITERS, detect_delimiter, split_rows
from servqual_cli.io.decode import decode_text as decode
from servqual_cli.io.decode import encoding_hint
from servqual_cli.io.encoded import EncodedColumn, EncodedTable
from servqual_cli.io.header import find_header_row, header_rows_option, two_row_header
from servqual_cli.io.lazy import lazy_field
from servqual_cli.io.limits import Limits, check_regular_file, limits, read_input_bytes
from servqual_cli.io.sheets import OpenSheet, open_sheet, sheet_rows
from servqual_cli.io.xlsxfast import (
    HEAD_ROWS,
    frame_from,
    general_only,
    head_rows,
    numeric_text_cells,
    read_columns,
)

SPREADSHEET_SUFFIXES = {".xlsx", ".xlsm", ".xlsb", ".xls", ".ods"}
TEXT_SUFFIXES = {".csv", ".tsv", ".txt"}
SUPPORTED = sorted(SPREADSHEET_SUFFIXES | TEXT_SUFFIXES | {".parquet", ".sav"})
__all__ = ["DELIMITERS", "RawTable", "blank_mask", "decode_text", "detect_delimiter", "read_table"]


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
    encoding_reason : str or None
        Why the text encoding was chosen ("valid UTF-8", "UTF-16 byte-order mark", ...).
    garbled : bool
        The fallback decoding gave text that looks like mojibake (see :meth:`encoding_hint`).
    header_rows : int
        Rows the header spans (2 when a group row was joined with the row below).
    encoded : EncodedTable or None
        The fast CSV path's columns as codes and distinct texts (:mod:`.encoded`); ``frame`` is
        then built from them on first use, and the cleaners that can (:meth:`encoded_column`)
        never build it. None for every other reader.
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
    encoding_reason: str | None = None
    garbled: bool = False
    header_rows: int = 1
    encoded: EncodedTable | None = field(default=None, repr=False, compare=False)

    def __post_init__(self) -> None:
        # A frame given with the encoded columns (dataclasses.replace(table, frame=...)) is
        # the truth from now on: the encoded columns may no longer describe it.
        if self.encoded is not None and self.__dict__.get("frame") is not None:
            object.__setattr__(self, "encoded", None)

    def encoded_column(self, position: int) -> EncodedColumn | None:
        """The column at ``position`` as codes and distinct texts, if the reader kept it so."""
        if self.encoded is None:
            return None
        return self.encoded.columns[position]

    def column(self, position: int) -> pd.Series:
        """The cells of one column (object Series), without building the whole frame."""
        if self.encoded is not None and self.__dict__.get("frame") is None:
            return pd.Series(self.encoded.columns[position].cells(), dtype=object,
                             name=self.encoded.names[position])  # fmt: skip
        return self.frame.iloc[:, position]

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
            "encoding_reason": self.encoding_reason,
            "encoding_garbled": self.garbled,
            "delimiter": self.delimiter,
            "header_rows": self.header_rows,
        }

    def encoding_hint(self) -> str:
        """Advice for a column-not-found error when the text decoding may be wrong ("" if not).

        >>> t = RawTable(pd.DataFrame({"a": [1]}), "a.csv", None, 1, np.array([2]), "", "cp1252",
        ...              ";", garbled=True)
        >>> t.encoding_hint()[:46]
        'the file was read as cp1252 and its text looks'
        """
        return encoding_hint(self.encoding, self.garbled)

    @property
    def columns(self) -> list[str]:
        if self.encoded is not None:
            return list(self.encoded.names)
        return [str(c) for c in self.frame.columns]


# ``frame`` stays an ordinary dataclass field for every caller (RawTable(frame, ...),
# dataclasses.replace), but a fast-path CSV table builds it from ``encoded`` only when read.
lazy_field(RawTable, "frame", lambda t: t.encoded.frame() if t.encoded is not None else None)


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
    """
    name = str(path)
    lim = limits()
    if header_rows is None:
        header_rows = header_rows_option()
    if name == "-":
        return _read_text(read_input_bytes("-", lim), "<stdin>", encoding, header_row, header_rows)
    suffix = Path(name).suffix.lower()
    if suffix not in SPREADSHEET_SUFFIXES | TEXT_SUFFIXES | {".parquet", ".sav"}:
        check_regular_file(name)  # a missing file or a folder says so first
        raise UsageError(
            f"unsupported file type {suffix or '(none)'!r}; expected one of {', '.join(SUPPORTED)}",
            Location(name),
        )
    data = read_input_bytes(name, lim)
    if not data:
        raise DataError("file is empty", Location(name))
    if suffix in TEXT_SUFFIXES:
        return _read_text(data, name, encoding, header_row, header_rows)
    if suffix in SPREADSHEET_SUFFIXES:
        return read_spreadsheet(data, name, suffix, sheet, header_row, header_rows, lim)
    if suffix == ".parquet":
        return _read_parquet(data, name)
    return _read_sav(Path(name), data, name)


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


# -- text -------------------------------------------------------------------------------------


def decode_text(data: bytes, encoding: str | None, source: str) -> tuple[str, str]:
    """Decode bytes strictly (see :func:`servqual_cli.io.decode.decode_text`): (text, codec)."""
    decoded = decode(data, encoding, source)
    return decoded.text, decoded.encoding


def _read_text(
    data: bytes,
    source: str,
    encoding: str | None,
    header_row: int | None,
    header_rows: int | None = None,
) -> RawTable:
    if not data or data.isspace():  # (data.strip() would copy the whole file)
        raise DataError("file is empty", Location(source))
    decoded = decode(data, encoding, source)
    if "\x00" in decoded.text:
        raise DataError("is not a text file (it contains NUL bytes)", Location(source))
    codec, why, garbled = decoded.encoding, decoded.why, decoded.garbled
    delim = detect_delimiter(decoded.text[:SNIFF_BYTES].splitlines()[:60])
    # UTF-8 bodies are read from the bytes themselves: past the sniffed head, the decoded text
    # is only the fallback's, so it is let go (a 100 MB file would otherwise be held twice).
    in_place = codec in ("utf-8", "utf-8-sig")
    text = decoded.text[:SNIFF_BYTES] if in_place else decoded.text
    del decoded
    fast = _read_text_fast(data, codec, text, delim, source, header_row, header_rows)
    frame: pd.DataFrame | None = None
    encoded: EncodedTable | None = None
    if fast is not None:
        encoded, hdr, row_numbers, n_hdr = fast
    else:
        if in_place:
            text = decode(data, encoding, source).text
        rows, lines = split_rows(text, delim, source, limits())
        frame, hdr, row_numbers, n_hdr = _to_table(
            rows, source, None, header_row, True, header_rows, line_numbers=lines
        )
    return RawTable(
        frame=frame,  # type: ignore[arg-type]  # None: built from ``encoded`` on first use
        source=source,
        sheet=None,
        header_row=hdr,
        row_numbers=row_numbers,
        sha256=sha256_of(data),
        encoding=codec,
        delimiter=delim,
        encoding_reason=why,
        garbled=garbled,
        header_rows=n_hdr,
        encoded=encoded,
    )


def _read_text_fast(
    data: bytes,
    encoding: str,
    text: str,
    delim: str,
    source: str,
    header_row: int | None,
    header_rows: int | None,
) -> tuple[EncodedTable, int, np.ndarray, int] | None:
    """The header from the first 64 KiB (standard reader), the body through pyarrow as encoded
    columns (:mod:`.encoded`, the frame is built only on demand); None when
    the fast path cannot promise the standard reader's result (see :mod:`.csvfast`)."""
    lim = limits()
    cut = text.rfind("\n", 0, SNIFF_BYTES)
    if cut < 0:
        return None
    try:
        rows, lines = split_rows(text[: cut + 1], delim, source, lim)
    except DataError:
        return None  # the full read reports it with the right line
    if len(rows) < 2 or not np.array_equal(lines, np.arange(1, len(rows) + 1)):
        return None
    if header_row is not None:
        if header_row >= len(rows):
            return None
        hdr_index = header_row - 1
    else:
        hdr_index = find_header_row(rows)
    joined = two_row_header(rows, hdr_index, header_rows)
    n_hdr = 1
    if joined is not None:
        hdr_index, header = joined
        n_hdr = 2
    else:
        header = [str(v).strip() for v in rows[hdr_index]]
    if hdr_index + 1 >= len(rows) or len(header) > lim.max_columns:
        return None
    if any(len(r) != len(header) for r in rows[hdr_index + 1 :]):
        return None  # ragged rows: the standard reader decides and names them
    raw = data
    offset = 3 if encoding == "utf-8-sig" else 0
    if encoding not in ("utf-8", "utf-8-sig"):
        raw = text.encode("utf-8")
        offset = 0
    for _ in range(hdr_index + 1):  # past the title and header lines (at most 50)
        newline = raw.find(b"\n", offset)
        if newline < 0:
            return None  # lines ended by CR alone: the standard reader takes them
        offset = newline + 1
    columns = read_body(raw, offset, delim, len(header), lim)
    if columns is None:
        return None
    first = hdr_index + 2
    row_numbers = np.arange(first, first + len(columns[0]), dtype=np.int64)
    names = [h if h else f"column {i + 1}" for i, h in enumerate(header)]
    encoded, row_numbers = _drop_blank_encoded(columns, names, header, row_numbers)
    if encoded.n_rows == 0:
        raise DataError(
            f"has a header (row {hdr_index + 1}) but no data rows below it", Location(source)
        )
    return encoded, hdr_index + 1, row_numbers, n_hdr


def _drop_blank_encoded(
    columns: list[EncodedColumn], names: list[str], header: list[str], row_numbers: np.ndarray
) -> tuple[EncodedTable, np.ndarray]:
    """:func:`_drop_blank` on encoded columns: blankness is decided once per distinct text."""
    blank_unique = [c.blank_uniques() for c in columns]
    # Every distinct text occurs in the column, so all of them blank means every cell is.
    keep = [j for j, h in enumerate(header) if h or not blank_unique[j].all()]
    columns = [columns[j] for j in keep]
    blank_unique = [blank_unique[j] for j in keep]
    if columns and all(b.any() for b in blank_unique):  # only then can a whole row be blank
        blank_row = np.ones(len(row_numbers), dtype=bool)
        for column, blank in zip(columns, blank_unique, strict=True):  # per column, vectorised
            blank_row &= blank[column.codes]
        if blank_row.any():
            columns = [c.take(~blank_row) for c in columns]
            row_numbers = row_numbers[~blank_row]
    return EncodedTable(tuple(names[j] for j in keep), tuple(columns)), row_numbers


def _drop_blank(
    frame: pd.DataFrame, blank: np.ndarray, header: list[str], row_numbers: np.ndarray
) -> tuple[pd.DataFrame, np.ndarray]:
    """Drop columns with neither a header nor any value (Excel pads with empty cells) and
    fully blank rows (spreadsheets keep formatted-but-empty rows at the end)."""
    width = len(header)
    blank_cols = [i for i, h in enumerate(header) if not h and blank[:, i].all()]
    if blank_cols:
        keep = [i for i in range(width) if i not in set(blank_cols)]
        frame = frame.iloc[:, keep]
        blank = blank[:, keep]
    if len(frame):
        blank_row = blank.all(axis=1)
        if blank_row.any():
            frame = frame.iloc[np.flatnonzero(~blank_row)].reset_index(drop=True)
            row_numbers = row_numbers[~blank_row]
    return frame, row_numbers


# -- shared: rows -> frame --------------------------------------------------------------------


def _is_blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip()) or value == ""


def read_spreadsheet(
    data: bytes,
    source: str,
    suffix: str,
    sheet: str | int | None,
    header_row: int | None,
    header_rows: int | None,
    lim: Limits,
) -> RawTable:
    """A workbook's sheet as a :class:`RawTable` (see :mod:`servqual_cli.io.sheets`).

    A long xlsx sheet is parsed once into columns (:mod:`servqual_cli.io.xlsxfast`); any other
    sheet, or one whose cells that path cannot convert exactly, goes through calamine's rows.
    """
    opened = open_sheet(data, source, suffix, sheet, lim)
    plan = _single_read_plan(opened, source, header_row, header_rows, lim)
    opened = opened.without_xml()  # the XML is not needed while fastexcel parses the sheet
    fast = None if plan is None else _single_read(plan, opened, data, source, lim)
    if fast is not None:
        frame, hdr, row_numbers, n_hdr = fast
    else:
        rows = sheet_rows(opened, source)
        frame, hdr, row_numbers, n_hdr = _to_table(
            rows, source, opened.name, header_row, False, header_rows
        )
    return RawTable(
        frame, source, opened.name, hdr, row_numbers, sha256_of(data), header_rows=n_hdr
    )


@dataclass(frozen=True)
class _Plan:
    """What the first rows decided for the single read: header position, names, and whether
    the workbook has text that could read as a number (see :func:`numeric_text_cells`)."""

    hdr_index: int
    header: list[str]
    header_rows: int
    numeric_text: bool


def _single_read_plan(
    opened: OpenSheet,
    source: str,
    header_row: int | None,
    header_rows: int | None,
    lim: Limits,
) -> _Plan | None:
    """The header of a long xlsx sheet from its first rows, as :func:`_to_table` finds it; None
    when the general path must read the sheet (short sheet, XML out of row order)."""
    if header_rows not in (None, 1, 2):
        return None  # _to_table names the bad option
    upto = HEAD_ROWS if header_row is None else max(HEAD_ROWS, header_row + 2)
    head = head_rows(opened, source, upto, lim)
    if head is None or all(all(_is_blank(v) for v in r) for r in head):
        return None
    if header_row is None:
        hdr_index = find_header_row(head)
    else:
        if header_row < 1:
            return None
        hdr_index = header_row - 1
    hdr_index, header, n_hdr = _header_at(head, hdr_index, header_rows)
    numeric_text = numeric_text_cells(opened, lim)
    if general_only(head[hdr_index + 1 :], numeric_text):
        return None  # dates, or a number typed as text, in the first data rows
    return _Plan(hdr_index, header, n_hdr, numeric_text)


def _single_read(
    plan: _Plan, opened: OpenSheet, data: bytes, source: str, lim: Limits
) -> tuple[pd.DataFrame, int, np.ndarray, int] | None:
    """:func:`_to_table` for a long xlsx sheet parsed once into columns (None: general path)."""
    hdr_index = plan.hdr_index
    width = len(plan.header)
    body = read_columns(opened, data, source, hdr_index + 1, width, lim, plan.numeric_text)
    if body is None:
        return None
    cells, blank = body
    header = plan.header + [""] * (cells.shape[1] - len(plan.header))
    names = [h if h else f"column {i + 1}" for i, h in enumerate(header)]
    first = hdr_index + 2
    row_numbers = np.arange(first, first + len(cells), dtype=np.int64)
    frame, row_numbers = _drop_blank(frame_from(cells, names), blank, header, row_numbers)
    if len(frame) == 0:
        raise DataError(
            f"has a header (row {hdr_index + 1}) but no data rows below it",
            Location(source, opened.name),
        )
    return frame, hdr_index + 1, row_numbers, plan.header_rows


def _to_table(
    rows: list[list[Any]],
    source: str,
    sheet: str | None,
    header_row: int | None,
    ragged_is_error: bool,
    header_rows: int | None = None,
    line_numbers: np.ndarray | None = None,
) -> tuple[pd.DataFrame, int, np.ndarray, int]:
    where = Location(source, sheet)
    if not rows or all(all(_is_blank(v) for v in r) for r in rows):
        raise DataError("has no data (the sheet or file is empty)", where)
    if header_rows not in (None, 1, 2):
        raise UsageError(f"--header-rows must be 1 or 2, not {header_rows}", where)
    if line_numbers is None:
        line_numbers = np.arange(1, len(rows) + 1, dtype=np.int64)
    if header_row is None:
        hdr_index = find_header_row(rows)
    else:
        if header_row < 1 or header_row > len(rows):
            raise UsageError(f"--header-row {header_row} is outside the {len(rows)} rows", where)
        hdr_index = header_row - 1
        if ragged_is_error:  # text: the user counts lines, and a quoted field may span some
            hdr_index = min(int(np.searchsorted(line_numbers, header_row)), len(rows) - 1)
    hdr_index, header, n_hdr = _header_at(rows, hdr_index, header_rows)
    body = rows[hdr_index + 1 :]
    body_lines = line_numbers[hdr_index + 1 :]
    width = len(header)
    lengths = np.fromiter((len(r) for r in body), dtype=np.int64, count=len(body))
    lim = limits()
    if width > lim.max_columns or (len(lengths) and lengths.max() > lim.max_columns):
        widest = max(width, int(lengths.max()) if len(lengths) else 0)
        raise DataError(
            f"has {widest:,} fields on a line, over the limit of {lim.max_columns:,}", where
        )
    if ragged_is_error:
        too_long = np.flatnonzero(lengths > width)
        for i in too_long:
            extra = body[i][width:]
            if any(not _is_blank(v) for v in extra):
                raise DataError(
                    f"has {len(body[i])} fields but the header (row {line_numbers[hdr_index]}) "
                    f"has {width}; is the file ragged or the delimiter wrong?",
                    Location(source, sheet, int(body_lines[i])),
                )
    # Name blank header cells after their position, so a column can still be named in errors.
    names = [h if h else f"column {i + 1}" for i, h in enumerate(header)]
    frame = _frame(body, lengths, width)
    frame.columns = pd.Index(names, dtype=object)
    row_numbers = np.asarray(body_lines, dtype=np.int64)
    frame, row_numbers = _drop_blank(frame, blank_mask(frame), header, row_numbers)
    hdr_line = int(line_numbers[hdr_index])
    if len(frame) == 0:
        raise DataError(f"has a header (row {hdr_line}) but no data rows below it", where)
    return frame, hdr_line, row_numbers, n_hdr


def _frame(body: list[list[Any]], lengths: np.ndarray, width: int) -> pd.DataFrame:
    """Rows (possibly short) -> an object DataFrame of ``width`` columns, short rows padded."""
    if len(body) and (lengths == width).all():
        frame = pd.DataFrame(body, dtype=object)  # no per-row padding when every row fits
    else:
        frame = pd.DataFrame([r[:width] + [None] * (width - len(r)) for r in body], dtype=object)
    if frame.shape[1] != width:
        frame = pd.DataFrame(index=range(len(body)), columns=range(width), dtype=object)
    return frame


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
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:
        arrow = pq.read_table(io.BytesIO(data))
    except Exception as exc:
        raise DataError(f"is not a readable parquet file ({exc})", Location(source)) from exc
    for name, kind in zip(arrow.schema.names, arrow.schema.types, strict=True):
        if pa.types.is_nested(kind):  # lists, structs, maps: one cell holds many values
            raise DataError(
                f"holds nested values ({kind}); only one value per cell can be analysed",
                Location(source, None, None, str(name)),
            )
    lim = limits()
    if arrow.num_rows * max(arrow.num_columns, 1) > lim.max_cells:
        raise DataError(
            f"has {arrow.num_rows:,} rows x {arrow.num_columns:,} columns, over the reader's "
            f"limit of {lim.max_cells:,} cells "
            "(give --max-cells or set SERVQUAL_MAX_CELLS to allow more)",
            Location(source),
        )
    try:
        frame = arrow.to_pandas()
    except Exception as exc:  # e.g. timestamps outside pandas' range
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


def _header_at(
    rows: list[Any], hdr_index: int, header_rows: int | None
) -> tuple[int, list[str], int]:
    """The header at ``hdr_index``: a joined two-row header when there is one (with the index of
    its second row, as :func:`two_row_header` gives it), else that row's cells as text; and the
    number of header rows."""
    joined = two_row_header(rows, hdr_index, header_rows)
    if joined is not None:
        return joined[0], joined[1], 2
    return hdr_index, ["" if v is None else str(v).strip() for v in rows[hdr_index]], 1
