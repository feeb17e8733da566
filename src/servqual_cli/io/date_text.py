"""Dates written the Swedish way, for :func:`servqual_cli.io.cells.parse_dates`.

Swedish case systems and people write a time with ``kl.`` and a period (``2023-01-01 kl.
10.15``, or the hour alone after ``kl.``: ``kl. 10``) and a date with the month's name (``1
januari 2023``, ``1 jan. 2023``, ``1 jan 2023 kl. 10.15``), in any case, with or without the
abbreviation's period (review 5, item 11). A written date may start with its weekday
(``måndag 2 januari 2023``, ``mån 2 jan. 2023``, ``måndag den 2 januari``…) and give the day
as an ordinal (``1:a januari 2023``, ``2:a``, ``3:e``). The month names and abbreviations follow
Svenska språknämnden's *Svenska skrivregler* (jan., feb., mars, apr., maj, juni, juli, aug.,
sept., okt., nov., dec.; weekdays mån., tis., ons., tors., fre., lör., sön.), plus the
three-letter forms that systems print (mar, jun, jul, sep, tor).

A month without a day (``januari 2023``) is no date for the time of an event: it is refused,
and :func:`month_without_day` lets the column check say so. The day is checked against the
calendar (``31 februari`` is refused, never moved to 3 March), and a weekday against the date
(``tisdag 2 januari 2023`` is refused: 2 January 2023 was a Monday, and which of the two the
writer meant cannot be told); :func:`wrong_weekday` names it. An hour without ``kl.``
(``1 jan 2023 10``) is refused: it could be anything.

Each parser works once per distinct text of the column it is given (``pandas.factorize``), so a
column of a million cells with a few hundred distinct dates is parsed a few hundred times.
"""

from __future__ import annotations

import re

import numpy as np
import numpy.typing as npt
import pandas as pd

__all__ = [
    "DATE_REASONS",
    "MONTHS",
    "WEEKDAYS",
    "date_reasons_only",
    "month_without_day",
    "not_a_date",
    "read_swedish",
    "wrong_weekday",
]

#: The exclusion reasons of a date cell that holds no usable date: unreadable (``31 februari``,
#: ``okänt``), or a date whose written weekday is not its own (``tisdag 3 mars 2024``: a
#: Sunday), counted under a reason of its own so the reader sees why a date-like cell was left
#: out (l-small, session 11; it was "not a date").
DATE_REASONS = ("invalid_date", "wrong_weekday")


def not_a_date(why: npt.ArrayLike) -> npt.NDArray[np.bool_]:
    """Per cell: its reason is one of :data:`DATE_REASONS` (the cell holds no usable date).

    >>> not_a_date(np.array(["invalid_date", "wrong_weekday", "blank", None], dtype=object))
    array([ True,  True, False, False])
    """
    return np.isin(np.asarray(why, dtype=object), DATE_REASONS)


def date_reasons_only(why: npt.ArrayLike) -> npt.NDArray[np.object_]:
    """``why`` with every reason but :data:`DATE_REASONS` cleared (a blank end date is no
    reason to leave a case out; an unreadable one or a wrong weekday is).

    >>> date_reasons_only(np.array(["blank", "wrong_weekday", None], dtype=object)).tolist()
    [None, 'wrong_weekday', None]
    """
    reasons = np.asarray(why, dtype=object)
    out = np.full(len(reasons), None, dtype=object)
    keep = not_a_date(reasons)
    out[keep] = reasons[keep]
    return out


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

_WEEKDAY_NAMES = (
    ("måndag", "mån"),
    ("tisdag", "tis"),
    ("onsdag", "ons"),
    ("torsdag", "tors", "tor"),
    ("fredag", "fre"),
    ("lördag", "lör"),
    ("söndag", "sön"),
)
#: Folded weekday name or abbreviation -> day of the week (Monday 0, as pandas counts).
WEEKDAYS: dict[str, int] = {n: i for i, names in enumerate(_WEEKDAY_NAMES) for n in names}
_WEEKDAY = "|".join(sorted(WEEKDAYS, key=len, reverse=True))  # "torsdag" before "tors", "tor"

# A time: "10.15", "10:15:30"; after "kl." the hour alone will do ("kl. 10"), without it the
# minutes are needed (a bare "10" after a date could be anything). Groups: hour, minute, second.
_CLOCK = (
    r"(?:kl\.?\s*(?=\d{1,2}(?:[.:]|$))|(?=\d{1,2}[.:]\d{2}))"
    r"(\d{1,2})(?:[.:](\d{2})(?:[.:](\d{2}))?)?"
)
# "2023-01-01 kl. 10.15", "2023-01-01, kl 10:15:30", "2023-01-01 kl. 10"
_ISO_KL = r"^(\d{4})-(\d{1,2})-(\d{1,2}),?\s+(?=kl)" + _CLOCK + "$"
# "1 januari 2023", "den 1 jan. 2023", "1 jan 2023 kl. 10.15", "1 jan 2023 10:15", "måndag 2
# januari 2023", "mån. den 2 jan 2023", "1:a januari 2023", "3:e mars 2023 kl. 9".
# Groups: weekday, day, month, year, hour, minute, second.
_WRITTEN = (
    rf"^(?:({_WEEKDAY})\.?,?\s+)?(?:den\s+)?(\d{{1,2}})(?::[ae])?\s+([^\W\d_]+)(?:\.\s*|\s+)"
    rf"(\d{{4}})(?:,?\s+{_CLOCK})?$"
)
# "januari 2023", "jan. 2023": a month, not a day
_MONTH_YEAR = r"^([^\W\d_]+)\.?\s+(\d{4})$"
_LETTER = r"[^\W\d_]"


def _read_distinct(distinct: pd.Series) -> tuple[pd.DatetimeIndex, pd.Series]:
    """The time of each distinct text (NaT where no Swedish form reads it, a day or time the
    calendar does not have, or a weekday that is not the date's), and the weekday it names
    (``<NA>`` where none; -1 where the text names one and the date falls on another)."""
    kl = distinct.str.extract(_ISO_KL, flags=re.IGNORECASE)
    written = distinct.str.extract(_WRITTEN, flags=re.IGNORECASE)
    month = written[2].str.casefold().map(MONTHS).astype("Int64").astype("string")
    # One table of parts (year, month, day, hour, minute, second), from either form.
    parts = kl.copy()
    take = parts[0].isna() & month.notna()
    parts.loc[take, [0, 1, 2]] = np.column_stack(
        [written.loc[take, 3], month[take], written.loc[take, 1]]
    )
    parts.loc[take, [3, 4, 5]] = written.loc[take, [4, 5, 6]].to_numpy()
    parts[3] = parts[3].fillna("0")
    parts[4] = parts[4].fillna("00")
    parts[5] = parts[5].fillna("00")
    iso = (
        parts[0] + "-" + parts[1].str.zfill(2) + "-" + parts[2].str.zfill(2) + " "
        + parts[3].str.zfill(2) + ":" + parts[4] + ":" + parts[5]
    )  # fmt: skip
    # errors="coerce": 31 februari, 25.00 and years beyond datetime64[ns] become NaT.
    times = pd.DatetimeIndex(pd.to_datetime(iso, format="%Y-%m-%d %H:%M:%S", errors="coerce"))
    named = written[0].str.casefold().map(WEEKDAYS).astype("Int64").where(take)
    read = pd.Series(np.asarray(times.notna(), dtype=bool), index=named.index)
    wrong_day = named.ne(pd.Series(times.day_of_week, index=named.index))
    wrong = (named.notna() & read & wrong_day).fillna(False).to_numpy(dtype=bool)
    return pd.DatetimeIndex(times.where(~wrong)), named.mask(wrong, -1)


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
    times, _ = _read_distinct(pd.Series(uniques, dtype="string"))
    out.iloc[np.flatnonzero(has_letter)] = times.to_numpy(dtype="datetime64[ns]")[codes]
    return out


def wrong_weekday(text: pd.Series) -> npt.NDArray[np.object_]:
    """Per cell: the weekday (in Swedish) of the date a text names when the text gives another
    weekday (``tisdag 2 januari 2023`` -> ``"måndag"``), else None; so a refusal can say why.

    >>> wrong_weekday(pd.Series(["tis 2 jan 2023", "mån 2 jan 2023", "2 jan 2023", None],
    ...                         dtype="string")).tolist()
    ['måndag', None, None, None]
    """
    codes, uniques = pd.factorize(pd.Series(text, dtype="string").to_numpy(dtype=object))
    distinct = pd.Series(uniques, dtype="string")
    _, named = _read_distinct(distinct)
    # the date as written without its weekday, to name the weekday it falls on
    bare = distinct.str.replace(rf"^(?:{_WEEKDAY})\.?,?\s+", "", regex=True, flags=re.I)
    day = pd.Series(_read_distinct(bare)[0].day_of_week, dtype="Int64")
    wrong = (named.eq(-1) & day.notna()).fillna(False).to_numpy(dtype=bool)
    names = np.array([n[0] for n in _WEEKDAY_NAMES] + [None], dtype=object)
    found = names[np.where(wrong, day.fillna(7).to_numpy(dtype=np.int64), 7)]
    # code -1 (a blank cell) takes the None at the end
    out: npt.NDArray[np.object_] = np.concatenate([found, names[-1:]])[codes]
    return out


def month_without_day(text: pd.Series) -> npt.NDArray[np.bool_]:
    """Per cell: a month and a year with no day (``januari 2023``, ``jan. 2023``).

    >>> month_without_day(pd.Series(["Januari 2023", "jan. 2023", "1 jan 2023", "bra 2023"],
    ...                             dtype="string")).tolist()
    [True, True, False, False]
    """
    found = text.str.extract(_MONTH_YEAR, flags=re.IGNORECASE)[0].str.casefold()
    return found.isin(list(MONTHS)).to_numpy(dtype=bool)
