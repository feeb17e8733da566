"""What one cell of a feedback register means: its type (Swedish or English words, any case),
whether contact details were given, and its dates (ISO, or a spreadsheet's date cells and serial
days), with the rule that refuses a date column most of whose cells are unreadable.

The loader that applies these per distinct cell and excludes rows is
:mod:`~servqual_cli.io.feedback`.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt
import pandas as pd

from servqual_cli.errors import DataError, Location
from servqual_cli.io.cells import YES_NO, lookup, parse_dates, reasons, text_values
from servqual_cli.io.date_text import month_without_day, not_a_date, wrong_weekday
from servqual_cli.io.values import fold

# The five types, in reporting order, each with the words that mean it (folded).
_TYPE_WORDS: dict[str, str] = {
    **dict.fromkeys(["klagomål", "klagomal", "klagan", "complaint", "complaints"], "klagomål"),
    **dict.fromkeys(
        ["synpunkt", "synpunkter", "comment", "comments", "opinion", "feedback", "remark"],
        "synpunkt",
    ),
    **dict.fromkeys(
        [
            "förslag",
            "forslag",
            "förbättringsförslag",
            "suggestion",
            "suggestions",
            "proposal",
            "idea",
        ],
        "förslag",
    ),
    **dict.fromkeys(
        ["fråga", "fraga", "frågor", "question", "questions", "query", "inquiry", "enquiry"],
        "fråga",
    ),
    **dict.fromkeys(["beröm", "berom", "praise", "compliment", "compliments"], "beröm"),
}


# What a date cell may hold, for messages (see :func:`servqual_cli.io.cells.parse_dates`).
DATE_FORMS = (
    "ISO dates yyyy-mm-dd (2024-03-05), optionally with a time (2024-03-05 14:30, 14.30, "
    "kl. 14.30 or kl. 14), Swedish dates (5 mars 2024, tis 5 mars 2024, 5:e mars 2024, "
    "5 mars 2024 kl. 14.30) or date cells of a spreadsheet; day and month order is never "
    "guessed"
)


def check_date_column(
    raw: pd.Series,
    why: npt.NDArray[np.object_],
    rows: npt.NDArray[np.int64],
    where: Location,
    context: str = "",
    n: tuple[int, int] | None = None,
) -> None:
    """Refuse a date column most of whose values cannot be read as dates.

    One unreadable date among readable ones is a data-entry slip: its row is excluded and
    logged. When *more than half* of the column's non-blank cells are unreadable, the column is
    in a form the tool does not read (``05.03.2024``, ``3/5/2024``, bare numbers), and
    excluding those rows would silently change every figure; that is a
    :class:`~servqual_cli.errors.DataError` instead. Half or fewer is left to the exclusions.

    Parameters
    ----------
    raw : Series
        The cells as read, aligned with ``why`` and ``rows``.
    why : ndarray of object
        The reasons of :func:`~servqual_cli.io.cells.parse_dates` (``"blank"``,
        ``"invalid_date"`` or None).
    rows : ndarray of int
        File row numbers.
    where : Location
        File, sheet and column; the row of the first unreadable value is added.
    context : str
        Prefix for the message (which KPI, which key).
    n : (int, int), optional
        The column's unreadable and non-blank cells when counted already (the caller then
        passes only the first unreadable cell as ``raw``, ``why`` and ``rows``).

    Raises
    ------
    DataError
        More than half of the non-blank cells are not readable dates.

    Examples
    --------
    >>> raw = pd.Series(["05.03.2024", "2024-03-06", "06.03.2024", ""])
    >>> why = parse_dates(raw)[1]
    >>> check_date_column(raw, why, np.arange(2, 6), Location("f.csv", None, None, "besvarad"))
    Traceback (most recent call last):
    ...
    servqual_cli.errors.DataError: f.csv, row 2, column 'besvarad': '05.03.2024' is not a \
readable date, nor are most values of this column (2 of 3 non-blank); expected ISO dates \
yyyy-mm-dd (2024-03-05), optionally with a time (2024-03-05 14:30, 14.30, kl. 14.30 or kl. \
14), Swedish dates (5 mars 2024, tis 5 mars 2024, 5:e mars 2024, 5 mars 2024 kl. 14.30) or \
date cells of a spreadsheet; day and month order is never guessed
    >>> check_date_column(raw[1:], why[1:], np.arange(3, 6), Location("f.csv"))  # 1 of 2: fine
    """
    bad = not_a_date(why)  # unreadable, or a weekday that is not the date's
    n_bad, n_filled = n or (int(bad.sum()), int(np.sum(np.asarray(why != "blank", dtype=bool))))
    if n_bad == 0 or 2 * n_bad <= n_filled:
        return
    first = int(np.flatnonzero(bad)[0])
    example = text_values(raw.iloc[[first]]).iloc[0]
    # "januari 2023" names a month: no time of an event, and the message says why; so does a
    # weekday that is not the date's ("tisdag 2 januari 2023": 2 January 2023 was a Monday).
    one = pd.Series([example], dtype="string")
    month = bool(month_without_day(one)[0])
    weekday = wrong_weekday(one)[0]
    what = "a month, not a day, so not a date" if month else "not a readable date"
    if weekday is not None:
        what = f"not a readable date (its weekday is wrong: that day is a {weekday})"
    kind = "date_wrong_weekday" if weekday is not None else "date_month_only" if month else None
    raise DataError(
        f"{context}{example!r} is {what}, nor are most values of this column "
        f"({n_bad} of {n_filled} non-blank); expected {DATE_FORMS}",
        Location(where.file, where.sheet, int(rows[first]), where.column),
        # a KPI's context ("[[kpi]] 2 ..., key 'start': ") has no code: it stays English
        code=None if context else kind or "date_unreadable",
        facts={"value": example, "n_bad": n_bad, "n_filled": n_filled, "weekday": weekday},
    )


def parse_dates_with_serials(values: pd.Series) -> tuple[pd.Series, npt.NDArray[np.object_]]:
    """:func:`parse_dates` reading Excel serial days (an export without a date format) as
    ``contacts`` does (review 2, item 16)."""
    return parse_dates(values, excel_serials=True)


def parse_types(values: pd.Series) -> tuple[pd.Series, npt.NDArray[np.object_]]:
    """Map type labels (Swedish or English, any case) to :data:`TYPES`.

    >>> t, why = parse_types(pd.Series(["Klagomål", "praise", "", "övrigt"]))
    >>> t.tolist(), why.tolist()
    (['klagomål', 'beröm', nan, nan], [None, None, 'blank', 'unparseable'])
    """
    text = text_values(values)
    blank = text.isna().to_numpy()
    folded = text.where(~blank, "").map(fold)  # fold() is per value; the mapping is a dict
    mapped = folded.map(_TYPE_WORDS)
    bad = ~blank & mapped.isna().to_numpy()
    return mapped.astype(object), reasons(len(values), blank=blank, unparseable=bad)


def parse_contact(values: pd.Series) -> tuple[npt.NDArray[np.bool_], npt.NDArray[np.object_]]:
    yes_no, blank, bad = lookup(values, YES_NO)
    return np.asarray(yes_no == 1.0, dtype=bool), reasons(len(values), blank=blank, unparseable=bad)
