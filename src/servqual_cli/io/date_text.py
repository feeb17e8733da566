"""Dates written the Swedish way, for :func:`servqual_cli.io.cells.parse_dates`.

Swedish case systems and people write a time with ``kl.`` and a period (``2023-01-01 kl.
10.15``) and a date with the month's name (``1 januari 2023``, ``1 jan. 2023``, ``1 jan 2023
kl. 10.15``), in any case, with or without the abbreviation's period (review 5, item 11). The
month names and abbreviations follow Svenska språknämnden's *Svenska skrivregler* (jan., feb.,
mars, apr., maj, juni, juli, aug., sept., okt., nov., dec.), plus the three-letter forms that
systems print (mar, jun, jul, sep).

A month without a day (``januari 2023``) is no date for the time of an event: it is refused,
and :func:`month_without_day` lets the column check say so. The day is checked against the
calendar (``31 februari`` is refused, never moved to 3 March).

Each parser works once per distinct text of the column it is given (``pandas.factorize``), so a
column of a million cells with a few hundred distinct dates is parsed a few hundred times.
"""

from __future__ import annotations

import re

import numpy as np
import numpy.typing as npt
import pandas as pd

__all__ = ["MONTHS", "month_without_day", "read_swedish"]

_NAMES = (
    ("januari", "jan"),
    ("februari", "feb"),
    ("mars", "mar"),
    ("april", "apr"),
    ("maj",),
    ("juni", "jun"),
    ("juli", "jul"),
    ("augusti", "aug"),
    ("september", "sep", "sept"),
    ("oktober", "okt"),
    ("november", "nov"),
    ("december", "dec"),
)
#: Folded month name or abbreviation -> month number.
MONTHS: dict[str, int] = {name: i + 1 for i, names in enumerate(_NAMES) for name in names}

_CLOCK = r"(\d{1,2})[.:](\d{2})(?:[.:](\d{2}))?"
# "2023-01-01 kl. 10.15", "2023-01-01, kl 10:15:30"
_ISO_KL = rf"^(\d{{4}})-(\d{{1,2}})-(\d{{1,2}}),?\s+kl\.?\s*{_CLOCK}$"
# "1 januari 2023", "den 1 jan. 2023", "1 jan 2023 kl. 10.15", "1 jan 2023 10:15"
_WRITTEN = (
    rf"^(?:den\s+)?(\d{{1,2}})\s+([^\W\d_]+)(?:\.\s*|\s+)(\d{{4}})(?:,?\s+(?:kl\.?\s*)?{_CLOCK})?$"
)
# "januari 2023", "jan. 2023": a month, not a day
_MONTH_YEAR = r"^([^\W\d_]+)\.?\s+(\d{4})$"
_LETTER = r"[^\W\d_]"


def read_swedish(text: pd.Series) -> pd.Series:
    """Times of the cells written in a Swedish form; NaT elsewhere (other forms, blank cells,
    a day the calendar does not have, a time such as 25.00).

    ``text`` holds the cells as stripped strings (``<NA>`` for blank), any index.

    >>> s = pd.Series(["1 jan. 2023 kl. 9.05", "2023-01-01 kl 10:15", "31 feb 2023", "mars 2023"],
    ...               dtype="string")
    >>> [str(t) for t in read_swedish(s)]
    ['2023-01-01 09:05:00', '2023-01-01 10:15:00', 'NaT', 'NaT']
    """
    out = pd.Series(pd.NaT, index=text.index, dtype="datetime64[ns]")
    has_letter = text.str.contains(_LETTER, regex=True).fillna(False).to_numpy(dtype=bool)
    if not has_letter.any():
        return out
    codes, uniques = pd.factorize(text[has_letter].to_numpy(dtype=object))
    distinct = pd.Series(uniques, dtype="string")
    kl = distinct.str.extract(_ISO_KL, flags=re.IGNORECASE)
    written = distinct.str.extract(_WRITTEN, flags=re.IGNORECASE)
    month = written[1].str.casefold().map(MONTHS).astype("Int64").astype("string")
    # One table of parts (year, month, day, hour, minute, second), from either form.
    parts = kl.copy()
    take = parts[0].isna() & month.notna()
    parts.loc[take, [0, 1, 2]] = np.column_stack(
        [written.loc[take, 2], month[take], written.loc[take, 0]]
    )
    parts.loc[take, [3, 4, 5]] = written.loc[take, [3, 4, 5]].to_numpy()
    parts[3] = parts[3].fillna("0")
    parts[4] = parts[4].fillna("00")
    parts[5] = parts[5].fillna("00")
    iso = (
        parts[0] + "-" + parts[1].str.zfill(2) + "-" + parts[2].str.zfill(2) + " "
        + parts[3].str.zfill(2) + ":" + parts[4] + ":" + parts[5]
    )  # fmt: skip
    # errors="coerce": 31 februari, 25.00 and years beyond datetime64[ns] become NaT.
    times = pd.to_datetime(iso, format="%Y-%m-%d %H:%M:%S", errors="coerce")
    out.iloc[np.flatnonzero(has_letter)] = times.to_numpy(dtype="datetime64[ns]")[codes]
    return out


def month_without_day(text: pd.Series) -> npt.NDArray[np.bool_]:
    """Per cell: a month and a year with no day (``januari 2023``, ``jan. 2023``).

    >>> month_without_day(pd.Series(["Januari 2023", "jan. 2023", "1 jan 2023", "bra 2023"],
    ...                             dtype="string")).tolist()
    [True, True, False, False]
    """
    found = text.str.extract(_MONTH_YEAR, flags=re.IGNORECASE)[0].str.casefold()
    return found.isin(list(MONTHS)).to_numpy(dtype=bool)
