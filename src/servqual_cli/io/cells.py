"""Parse raw cells of any input file: text, folded keys, vocabularies, yes/no, numbers, dates.

Each parser works on a whole column (pandas string methods, numpy) and returns the values with,
per cell, the reason it cannot be used (or masks the caller turns into reasons), so the caller
can log every excluded cell with its row and column. The survey's rating scales have their own
parser (:func:`servqual_cli.io.values.parse_scale_values`).
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import numpy.typing as npt
import pandas as pd

from servqual_cli.io.date_text import read_swedish, wrong_weekday
from servqual_cli.io.distinct import distinct_codes
from servqual_cli.io.encoded import PY_SPACES
from servqual_cli.io.read import blank_mask
from servqual_cli.io.values import is_excel_error

__all__ = [
    "YES_NO",
    "blank_to_missing",
    "excel_error_mask",
    "fold_text",
    "lookup",
    "parse_dates",
    "parse_numbers",
    "reasons",
    "swedish_date_text",
    "text_values",
    "to_objects",
]

# Folded text -> 1.0 (yes) or 0.0 (no), in Swedish and English.
YES_NO = {
    **dict.fromkeys(["ja", "j", "yes", "y", "1", "1.0", "true", "sant", "x"], 1.0),
    **dict.fromkeys(["nej", "n", "no", "0", "0.0", "false", "falskt"], 0.0),
}
# Excel stores date-times as days since 1899-12-30; a bare number in this range is one.
_EXCEL_SERIAL = (20000.0, 80000.0)
_EXCEL_EPOCH = pd.Timestamp("1899-12-30")
OPEN_END = "9999-12-31"


def in_range(times: pd.Series) -> pd.Series:
    """Times outside what ``datetime64[ns]`` holds (1677-09-21 to 2262-04-11) become NaT.

    >>> in_range(pd.Series(pd.to_datetime(["1500-01-02", "2024-03-05"]))).isna().tolist()
    [True, False]
    """
    lo, hi = pd.Timestamp.min, pd.Timestamp.max
    return times.where((times >= lo) & (times <= hi)).astype("datetime64[ns]")


# Thousands separators: space, no-break space (U+00A0), narrow no-break space (U+202F).
_SPACES = "[ \u00a0\u202f]"
# "2020-09-02 08.10" (Swedish time separator) -> "2020-09-02 08:10".
_SWEDISH_TIME = r"^(\d{4}-\d{1,2}-\d{1,2})[ T](\d{1,2})\.(\d{2})(?:\.(\d{2}))?$"


def reasons(n: int, **masks: npt.ArrayLike) -> npt.NDArray[np.object_]:
    """Per-cell exclusion reasons from boolean masks (a later mask wins where they overlap).

    >>> reasons(3, blank=np.array([True, False, False]), unparseable=np.array([0, 0, 1], bool))
    array(['blank', None, 'unparseable'], dtype=object)
    """
    out = np.full(n, None, dtype=object)
    for reason, mask in masks.items():
        out[np.asarray(mask, dtype=bool)] = reason
    return out


def excel_error_mask(values: pd.Series) -> npt.NDArray[np.bool_]:
    """Per cell: it holds a spreadsheet error value (``#N/A``, ``#DIV/0!``), tested once per
    distinct text.

    >>> excel_error_mask(pd.Series(["#N/A", "Bygg", None, 3, "#N/A"], dtype=object)).tolist()
    [True, False, False, False, True]
    """
    obj = pd.Series(values, dtype=object).to_numpy(dtype=object)
    codes, uniques = pd.factorize(obj, use_na_sentinel=True)
    hit = np.fromiter(
        (isinstance(u, str) and u[:1] in "#Ee" and is_excel_error(u) for u in uniques),
        dtype=bool,
        count=len(uniques),
    )
    return np.append(hit, False)[codes]


def text_values(values: pd.Series) -> pd.Series:
    """Cells as trimmed text; blank cells missing; whole floats without ``.0`` (ids, codes).

    >>> text_values(pd.Series([" Bygg ", "", None, 12.0, 2.5])).tolist()
    ['Bygg', nan, nan, '12', '2.5']
    >>> text_values(pd.Series([" SYN-1 ", "12.0", "\u3000", None])).tolist()  # text only
    ['SYN-1', '12', nan, nan]
    """
    obj = pd.Series(values, dtype=object)
    if len(obj) > _ARROW_FROM and pd.api.types.infer_dtype(obj, skipna=True) == "string":
        fast = _text_values_arrow(obj.to_numpy(dtype=object))
        if fast is not None:
            return pd.Series(fast, index=values.index, dtype=object, name=values.name)
    blank = values.isna() | values.astype(str).str.strip().eq("")
    text = values.astype(str).str.strip().str.replace(_WHOLE_FLOAT, r"\1", regex=True)
    return text.where(~blank, np.nan).astype(object)


_WHOLE_FLOAT = r"^(-?\d+)\.0$"
_ARROW_FROM = 1000  # below this, pyarrow's set-up costs more than it saves


def _text_values_arrow(obj: np.ndarray) -> np.ndarray | None:
    """:func:`text_values` of text and missing cells in pyarrow's compute kernels.

    The trim removes exactly Python's whitespace; the ``.0`` rule is applied by Python's own
    regular expression, but only to the trimmed cells that end in ``.0``. None when pyarrow
    cannot take the strings (a lone surrogate), so the caller falls back.
    """
    import re

    import pyarrow as pa
    import pyarrow.compute as pc

    try:
        arr = pa.array(obj, type=pa.string(), from_pandas=True)
    except (pa.ArrowException, UnicodeEncodeError):
        return None
    trimmed = pc.utf8_trim(arr, characters=PY_SPACES)
    blank = pc.fill_null(pc.equal(trimmed, ""), True).to_numpy(zero_copy_only=False)
    # A cell with nothing to trim is kept as the very string it is (a million ids are not
    # made again from Arrow's copy); only the trimmed ones are taken from it.
    same = pc.equal(pc.binary_length(trimmed), pc.binary_length(arr))
    changed = np.flatnonzero(~pc.fill_null(same, True).to_numpy(zero_copy_only=False) & ~blank)
    out = np.array(obj, dtype=object, copy=True)
    if len(changed):
        out[changed] = trimmed.take(pa.array(changed)).to_pylist()
    ends = np.flatnonzero(pc.fill_null(pc.ends_with(trimmed, ".0"), False).to_numpy(False))
    if len(ends):
        pattern = re.compile(_WHOLE_FLOAT)
        out[ends] = [pattern.sub(r"\1", t) for t in out[ends]]  # the few "12.0" cells
    out[blank] = np.nan
    return out


def fold_text(column: pd.Series) -> pd.Series:
    """Cells as folded text (lower case, single spaces), ``<NA>`` for blank cells.

    The column form of :func:`servqual_cli.io.values.fold`, for matching against vocabularies.

    >>> fold_text(pd.Series([" Ja ", None, "", 1.0, "Mycket  God"], dtype=object)).tolist()
    ['ja', <NA>, <NA>, '1.0', 'mycket god']
    """
    text = pd.Series(column, dtype=object).astype("string")
    text = text.str.replace("’", "'", regex=False).str.casefold().str.split().str.join(" ")
    return blank_to_missing(text.astype("string"))  # split/join hands back object dtype


def blank_to_missing(text: pd.Series) -> pd.Series:
    """Empty strings become missing (``<NA>`` in a string column)."""
    return text.mask(text.eq("").fillna(False).astype(bool))


def to_objects(values: pd.Series) -> np.ndarray:
    """A Series as an object array with None for missing values (not ``<NA>`` or NaN)."""
    out = values.astype(object).to_numpy(dtype=object).copy()
    out[values.isna().to_numpy(dtype=bool)] = None
    return out


def lookup(
    column: pd.Series, table: Mapping[str, object], squeeze: bool = False
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Map folded text through ``table``: (values, blank mask, unparseable mask).

    ``squeeze`` also drops spaces, hyphens, underscores and dots ("E-post" = "epost").

    >>> v, blank, bad = lookup(pd.Series(["Ja", "", "kanske", 0.0]), YES_NO)
    >>> v.tolist(), blank.tolist(), bad.tolist()
    ([1.0, None, None, 0.0], [False, True, False, False], [False, False, True, False])
    """
    text = fold_text(column)
    if squeeze:
        text = text.str.replace(r"[\s\-_.]", "", regex=True)
    blank = text.isna().to_numpy(dtype=bool)
    mapped = text.map(table, na_action="ignore")
    values = np.array(mapped, dtype=object)  # a writable copy
    bad = ~blank & mapped.isna().to_numpy(dtype=bool)
    values[blank | bad] = None
    return values, blank, bad


def parse_numbers(
    values: pd.Series, clock: bool = False
) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.object_]]:
    """Read number cells; return floats (NaN where not read) and a reason per cell.

    A decimal comma and spaces as thousands separators are allowed (a space, a no-break space
    or a narrow no-break space, as Swedish number formats write them). With ``clock``, ``m:ss``
    reads as seconds (a queue time written as ``1:24``); elsewhere ``1:24`` could as well be
    hours and minutes, so it is unparseable.

    >>> x, why = parse_numbers(pd.Series([56, "1,5", "", "ca 3", "1:24"]))
    >>> x.tolist()[:2], why.tolist()
    ([56.0, 1.5], [None, None, 'blank', 'unparseable', 'unparseable'])
    >>> parse_numbers(pd.Series(["1:24", "1 200"]), clock=True)[0].tolist()
    [84.0, 1200.0]
    >>> parse_numbers(pd.Series(["4\u00a0500", "1\u202f234,5"]))[0].tolist()
    [4500.0, 1234.5]
    >>> parse_numbers(pd.Series(["#VALUE!", 2]))[1].tolist()
    ['excel_error', None]

    "inf", "-Infinity" and "1e400" (which overflows) are not numbers a measurement records:
    unparseable, never a valid infinite wait that would turn a median into null.

    >>> parse_numbers(pd.Series(["inf", "-Infinity", "1e400", "5"]))[1].tolist()
    ['unparseable', 'unparseable', 'unparseable', None]
    """
    text = text_values(values)
    blank = text.isna().to_numpy()
    cleaned = text.str.replace(_SPACES, "", regex=True)
    numbers = pd.to_numeric(cleaned.str.replace(",", ".", regex=False), errors="coerce")
    if clock:
        minutes = cleaned.str.extract(r"^(\d+):(\d{1,2})$")
        numbers = numbers.fillna(pd.to_numeric(minutes[0]) * 60 + pd.to_numeric(minutes[1]))
    x = np.array(numbers.to_numpy(dtype=np.float64, na_value=np.nan), dtype=np.float64)
    x[np.isinf(x)] = np.nan  # "inf", "1e400": not a measured number (unparseable below)
    bad = ~blank & np.isnan(x)
    error = bad & excel_error_mask(values) if bad.any() else bad
    return x, reasons(len(values), blank=blank, unparseable=bad, excel_error=error)


def parse_dates(
    values: pd.Series, excel_serials: bool = False
) -> tuple[pd.Series, npt.NDArray[np.object_]]:
    """Read date or date-time cells; return the times and a reason per cell (None if read).

    Spreadsheet dates arrive as date objects; text must be ISO 8601 (``2024-03-05``,
    ``2024-03-05 14:30``, ``2024-03-05T14:30``), the form Swedish systems export, and may use
    the Swedish time separator (``2024-03-05 14.30``) and ``kl.`` (``2024-03-05 kl. 14.30``),
    or be written the Swedish way (``5 mars 2024``, ``5 mars 2024 kl. 14.30``; see
    :mod:`servqual_cli.io.date_text`; a month without a day is no date). Text with a UTC offset
    is converted to Europe/Stockholm wall time. Day and month order is never guessed
    (``05/03/2024`` is an invalid date).

    ``9999-12-31`` (the common "no end" sentinel) counts as blank: an open date (not yet
    answered or closed; a start that is missing). Other dates outside 1677-09-21 to 2262-04-11
    are invalid dates.

    ``excel_serials`` also reads bare numbers from 20000 to 80000 as Excel serial days. The
    contact files' time stamps arrive that way from the measuring tools' exports; in a register
    or a KPI date column a bare number is far more often a mistake than an Excel serial day, so
    it is an invalid date there.

    Returns
    -------
    (Series of datetime64[ns], ndarray of object)
        Naive local times with the index of ``values`` (NaT for blank and unreadable cells) and
        ``"blank"``, ``"invalid_date"``, ``"wrong_weekday"`` (``tisdag 3 mars 2024``: a
        Sunday), ``"excel_error"`` (``#N/A``) or None per cell.

    Examples
    --------
    >>> times, why = parse_dates(pd.Series(["2024-03-05 08.10", "", "okänt", 45000.5,
    ...                                     "2024-03-05T06:00:00Z"]))
    >>> [str(t) for t in times], why.tolist()
    (['2024-03-05 08:10:00', 'NaT', 'NaT', 'NaT', '2024-03-05 07:00:00'], \
[None, 'blank', 'invalid_date', 'invalid_date', None])
    >>> parse_dates(pd.Series(["-1", "1066-10-14"]))[1].tolist()  # beyond datetime64[ns]
    ['invalid_date', 'invalid_date']
    >>> str(parse_dates(pd.Series([45000.5]), excel_serials=True)[0][0])
    '2023-03-15 12:00:00'
    >>> times, why = parse_dates(pd.Series(["1 jan. 2023 kl. 10.15", "31 februari 2023",
    ...                                     "tisdag 3 mars 2024", "söndag 3 mars 2024"]))
    >>> [str(t) for t in times], why.tolist()
    (['2023-01-01 10:15:00', 'NaT', 'NaT', '2024-03-03 00:00:00'], \
[None, 'invalid_date', 'wrong_weekday', None])
    """
    # Once per distinct cell (a contact file passes a whole column: a million time stamps hold
    # a few thousand distinct texts), the results taken back by the codes.
    codes, reps = distinct_codes(values)
    if len(reps) == len(values):
        return _parse_dates(values, excel_serials)
    times, why = _parse_dates(pd.Series(reps, dtype=object), excel_serials)
    out = pd.Series(times.to_numpy(dtype="datetime64[ns]")[codes], dtype="datetime64[ns]")
    return out.set_axis(values.index), why[codes]


def _parse_dates(
    values: pd.Series, excel_serials: bool
) -> tuple[pd.Series, npt.NDArray[np.object_]]:
    """:func:`parse_dates` cell by cell (vectorised over the cells given)."""
    obj = pd.Series(values, dtype=object).reset_index(drop=True)
    text = obj.astype("string").str.strip()
    # 9999-12-31 is the usual "no end" of registers: an open date, read as blank.
    open_end = text.str.startswith(OPEN_END).fillna(False).to_numpy(dtype=bool)
    blank = np.logical_or(blank_mask(obj.to_frame())[:, 0], open_end)
    text = text.str.replace(_SWEDISH_TIME, r"\1 \2:\3:\4", regex=True).str.rstrip(":")
    out = pd.Series(pd.NaT, index=obj.index, dtype="datetime64[ns]")
    offset = text.str.contains(r"(?:Z|[+-]\d{2}:?\d{2})$", regex=True).fillna(False)
    offset = offset.to_numpy(dtype=bool) & ~blank
    if offset.any():
        aware = pd.to_datetime(text[offset], format="ISO8601", errors="coerce", utc=True)
        out[offset] = in_range(aware.dt.tz_convert("Europe/Stockholm").dt.tz_localize(None))
    naive = ~blank & ~offset
    if naive.any():
        out[naive] = in_range(pd.to_datetime(text[naive], format="ISO8601", errors="coerce"))
        # Not ISO: perhaps Swedish ("2023-01-01 kl. 10.15", "1 jan. 2023"), once per text.
        other = naive & out.isna().to_numpy()
        if other.any():
            out[other] = in_range(read_swedish(text[other]))
    if excel_serials and naive.any():
        number = pd.to_numeric(text.str.replace(",", ".", regex=False), errors="coerce")
        serial = naive & number.between(*_EXCEL_SERIAL).to_numpy(dtype=bool, na_value=False)
        if serial.any():
            # Round to the millisecond: serials carry floating-point noise below it.
            days = pd.to_timedelta(number[serial].to_numpy(dtype=float), unit="D").round("ms")
            out[serial] = _EXCEL_EPOCH + days
    bad = ~blank & out.isna().to_numpy()
    error = bad & excel_error_mask(obj) if bad.any() else bad
    # A written weekday that is not the date's ("tisdag 3 mars 2024", a Sunday) is refused as
    # ever, under its own reason: the cell looks like a date and the reader needs to know why.
    wrong = np.zeros(len(obj), dtype=bool)
    if bad.any():
        wrong[bad] = pd.notna(wrong_weekday(text[bad]))
    why = reasons(len(obj), blank=blank, invalid_date=bad, wrong_weekday=wrong, excel_error=error)
    return out.set_axis(values.index), why


def swedish_date_text(values: pd.Series) -> npt.NDArray[np.bool_]:
    """Per cell: text that :func:`parse_dates` read in a Swedish form (``kl.``, a month's name),
    so a caller can say how many dates were read that way.

    >>> swedish_date_text(pd.Series(["1 jan 2023", "2023-01-01", "31 feb 2023", None])).tolist()
    [True, False, False, False]
    """
    codes, uniques = pd.factorize(pd.Series(values, dtype=object).to_numpy(dtype=object))
    distinct = pd.Series(uniques, dtype=object)
    is_text = np.fromiter((isinstance(u, str) for u in uniques), dtype=bool, count=len(uniques))
    read = np.zeros(len(uniques) + 1, dtype=bool)  # the last entry: missing cells (code -1)
    if is_text.any():
        text = distinct[is_text].astype("string").str.strip()
        read[:-1][is_text] = in_range(read_swedish(text)).notna().to_numpy(dtype=bool)
    return read[codes]
