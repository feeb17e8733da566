"""Parse the values of test-contact files: channels, ja/nej, delvis, bemötande, date-times.

Each parser returns the values and masks (or per-cell reasons) so the caller can log every
excluded cell with its row and column. All work is column-wise (pandas string methods, numpy).
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd

from servqual_cli.io.read import blank_mask

__all__ = [
    "ANSWERED",
    "CHANNELS",
    "TREATMENT_POINTS",
    "YES_NO",
    "blank_to_missing",
    "fold_text",
    "lookup",
    "numbers",
    "parse_datetimes",
    "reasons",
    "to_objects",
]

# Folded text (hyphens and spaces removed) -> canonical channel.
CHANNELS = {
    **dict.fromkeys(["phone", "telefon", "tel", "telephone", "samtal", "call", "ph"], "phone"),
    **dict.fromkeys(["email", "epost", "mail", "mejl", "ebrev", "emejl"], "email"),
}
YES_NO = {
    **dict.fromkeys(["ja", "j", "yes", "y", "1", "1.0", "true", "sant", "x"], 1.0),
    **dict.fromkeys(["nej", "n", "no", "0", "0.0", "false", "falskt"], 0.0),
}
ANSWERED = {
    **dict.fromkeys(["ja", "j", "yes", "y", "1", "1.0", "true"], "yes"),
    **dict.fromkeys(["nej", "n", "no", "0", "0.0", "false"], "no"),
    **dict.fromkeys(["delvis", "partly", "partially", "partial", "delvis ja", "0.5"], "partly"),
}
# KKiK points (SKR, Kommunens Kvalitet i Korthet): mycket god 3, god 2, medelgod 1, dålig 0.
TREATMENT_POINTS = {
    **dict.fromkeys(["mycket god", "very good", "mycket bra", "3", "3.0"], 3.0),
    **dict.fromkeys(["god", "good", "bra", "2", "2.0"], 2.0),
    **dict.fromkeys(["medelgod", "fair", "average", "medel", "1", "1.0"], 1.0),
    **dict.fromkeys(["dålig", "poor", "bad", "dåligt", "0", "0.0"], 0.0),
}
# Excel stores date-times as days since 1899-12-30; a bare number in this range is one.
_EXCEL_SERIAL = (20000.0, 80000.0)
_EXCEL_EPOCH = pd.Timestamp("1899-12-30")
# "2020-09-02 08.10" (Swedish time separator) -> "2020-09-02 08:10".
_SWEDISH_TIME = r"^(\d{4}-\d{1,2}-\d{1,2})[ T](\d{1,2})\.(\d{2})(?:\.(\d{2}))?$"


def fold_text(column: pd.Series) -> pd.Series:
    """Cells as folded text (lower case, single spaces), ``<NA>`` for blank cells.

    >>> fold_text(pd.Series([" Ja ", None, "", 1.0, "Mycket  God"], dtype=object)).tolist()
    ['ja', <NA>, <NA>, '1.0', 'mycket god']
    """
    text = pd.Series(column, dtype=object).astype("string")
    text = text.str.replace("’", "'", regex=False).str.casefold().str.split().str.join(" ")
    return blank_to_missing(text.astype("string"))  # split/join hands back object dtype


def blank_to_missing(text: pd.Series) -> pd.Series:
    """Empty strings become missing (``<NA>`` in a string column)."""
    return text.mask(text.eq("").fillna(False).astype(bool))


def parse_datetimes(column: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """Parse date-times as spreadsheets and exports hold them.

    Accepts datetime cells, ISO 8601 text (``2020-09-02 08:10:24``, ``2020-09-02T08:10``,
    ``2020-09-02``), the Swedish time separator (``2020-09-02 08.10``), text with a UTC offset
    (converted to Europe/Stockholm wall time) and Excel serial numbers.

    Returns
    -------
    (values, reasons) : ndarray of datetime64[ns], ndarray of object
        NaT where blank or invalid; the reason is ``"blank"``, ``"invalid_date"`` or None.

    Examples
    --------
    >>> v, r = parse_datetimes(pd.Series(["2020-09-02 08.10", "okänt", None, 44076.5,
    ...                                    "2020-09-02T06:00:00Z"], dtype=object))
    >>> [str(x) for x in v]
    ['2020-09-02T08:10:00.000000000', 'NaT', 'NaT', '2020-09-02T12:00:00.000000000', \
'2020-09-02T08:00:00.000000000']
    >>> r.tolist()
    [None, 'invalid_date', 'blank', None, None]
    """
    obj = pd.Series(column, dtype=object).reset_index(drop=True)
    blank = blank_mask(obj.to_frame())[:, 0]
    text = obj.astype("string").str.strip()
    text = text.str.replace(_SWEDISH_TIME, r"\1 \2:\3:\4", regex=True).str.rstrip(":")
    out = pd.Series(pd.NaT, index=obj.index, dtype="datetime64[ns]")
    offset = text.str.contains(r"(?:Z|[+-]\d{2}:?\d{2})$", regex=True).fillna(False)
    offset = offset.to_numpy(dtype=bool) & ~blank
    if offset.any():
        aware = pd.to_datetime(text[offset], format="ISO8601", errors="coerce", utc=True)
        out[offset] = aware.dt.tz_convert("Europe/Stockholm").dt.tz_localize(None)
    naive = ~blank & ~offset
    if naive.any():
        out[naive] = pd.to_datetime(text[naive], format="ISO8601", errors="coerce")
        number = pd.to_numeric(text.str.replace(",", ".", regex=False), errors="coerce")
        serial = naive & number.between(*_EXCEL_SERIAL).to_numpy(dtype=bool, na_value=False)
        if serial.any():
            # Round to the millisecond: serials carry floating-point noise below it.
            days = pd.to_timedelta(number[serial].to_numpy(dtype=float), unit="D").round("ms")
            out[serial] = _EXCEL_EPOCH + days
    values = out.to_numpy(dtype="datetime64[ns]")
    reasons = np.full(len(obj), None, dtype=object)
    reasons[blank] = "blank"
    reasons[~blank & np.isnat(values)] = "invalid_date"
    return values, reasons


def lookup(
    column: pd.Series, table: Mapping[str, object], squeeze: bool = False
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Map folded text through ``table``: (values, blank mask, unparseable mask).

    >>> v, blank, bad = lookup(pd.Series(["E-post", "", "brev"]), CHANNELS, squeeze=True)
    >>> v.tolist(), blank.tolist(), bad.tolist()
    (['email', None, None], [False, True, False], [False, False, True])
    """
    text = fold_text(column)
    if squeeze:  # "e-post", "E post" and "epost" are the same channel
        text = text.str.replace(r"[\s\-_.]", "", regex=True)
    blank = text.isna().to_numpy(dtype=bool)
    mapped = text.map(table, na_action="ignore")
    values = np.array(mapped, dtype=object)  # a writable copy
    bad = ~blank & mapped.isna().to_numpy(dtype=bool)
    values[blank | bad] = None
    return values, blank, bad


def reasons(n: int, **masks: np.ndarray) -> np.ndarray:
    """Per-cell exclusion reasons from boolean masks (a later mask wins where they overlap).

    >>> reasons(3, blank=np.array([True, False, False]), unparseable=np.array([0, 0, 1], bool))
    array(['blank', None, 'unparseable'], dtype=object)
    """
    out = np.full(n, None, dtype=object)
    for reason, mask in masks.items():
        out[mask] = reason
    return out


def to_objects(values: pd.Series) -> np.ndarray:
    """A Series as an object array with None for missing values (not ``<NA>`` or NaN)."""
    out = values.astype(object).to_numpy(dtype=object).copy()
    out[values.isna().to_numpy(dtype=bool)] = None
    return out


def numbers(column: pd.Series) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Numbers with a decimal comma or ``m:ss``: (values, blank mask, unparseable mask).

    >>> v, blank, bad = numbers(pd.Series(["84", "1:24", "2,5", "", "lång"], dtype=object))
    >>> v.tolist()[:3], blank.tolist(), bad.tolist()
    ([84.0, 84.0, 2.5], [False, False, False, True, False], [False, False, False, False, True])
    """
    text = fold_text(column)
    blank = text.isna().to_numpy(dtype=bool)
    parsed = pd.to_numeric(text.str.replace(",", ".", regex=False), errors="coerce")
    minutes = text.str.extract(r"^(\d+):(\d{1,2})$")  # a queue time written as 1:24
    as_mmss = pd.to_numeric(minutes[0]) * 60 + pd.to_numeric(minutes[1])
    values = np.array(parsed.fillna(as_mmss).to_numpy(dtype=float, na_value=np.nan), dtype=float)
    return values, blank, ~blank & np.isnan(values)
