"""Load a feedback register (synpunktshantering).

One row per feedback item: a complaint, comment, suggestion, question or praise, with the date
it arrived, the unit (förvaltning) that owns it, whether the person left contact details, and
the dates it was answered and closed. Columns are found by English or Swedish name,
case-insensitively (:data:`ROLES`).

Cleaning excludes whole rows and logs each one once, with the first reason that applies, in
this order: a blank or unreadable date received, a blank or unknown type, an unreadable date
answered or closed, a repeated id (the first occurrence is kept). An answer or closing date
before the date received is logged (``end before start``, on that column) but keeps the item:
it still counts in intake, types, units and the trend of counts, and only its timing is left
out (the case engine treats a duration ending before it starts as invalid: neither answered,
decided nor open). A blank or unreadable contact cell keeps the row but leaves it out of the
reply figures (nobody can be answered without contact details), and is logged too.

A date column that the tool cannot read at all is an error, not a set of exclusions: when more
than half of a date column's non-blank cells are unreadable (:func:`check_date_column`), the
file is refused with the column, an example value and the accepted forms. Dates are ISO
(``2024-03-05``), as Swedish systems export them; ``05.03.2024`` or ``5/3/2024`` are never
guessed, since day and month order cannot be told from the text.

The cells are read by the general parsers of :mod:`servqual_cli.io.cells`, each once per
distinct value of a column (:func:`~servqual_cli.io.distinct.by_distinct`).

References
----------
.. [1] Luleå kommun, servicepolicy, avsnitt 3 "Synpunktshantering": anonymous feedback is handled
   as seriously as named, and is answered only where contact details were left.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
import pandas as pd

from servqual_cli.errors import DataError, Location
from servqual_cli.io.cells import YES_NO, lookup, parse_dates, reasons, text_values
from servqual_cli.io.columns import ColumnIndex
from servqual_cli.io.distinct import by_distinct
from servqual_cli.io.encoded import EncodedColumn
from servqual_cli.io.exclusions import ExclusionLog
from servqual_cli.io.read import RawTable
from servqual_cli.io.values import fold
from servqual_cli.vocab.date_order import end_before_start
from servqual_cli.vocab.feedback import TYPES

__all__ = [
    "DATE_FORMS",
    "REQUIRED",
    "ROLES",
    "TYPES",
    "FeedbackData",
    "check_date_column",
    "load_feedback",
    "parse_types",
]

# Role -> column names it may have, English first. Matching folds case, spaces, "_" and "-".
ROLES: dict[str, list[str]] = {
    "id": ["id", "ärende", "ärendenummer", "diarienummer", "nr", "item id", "case id"],
    "received": ["received", "inkommen", "inkom", "mottagen", "date received", "registrerad"],
    "type": ["type", "typ", "synpunktstyp", "feedback type"],
    "unit": ["unit", "förvaltning", "department", "verksamhet", "enhet", "nämnd"],
    "channel": ["channel", "kanal"],
    "category": ["category", "kategori", "ämne", "topic"],
    "contact_given": ["contact_given", "kontaktuppgifter", "contact details", "contact", "kontakt"],
    "answered": ["answered", "besvarad", "svarad", "replied", "svarsdatum", "reply date"],
    "closed": ["closed", "avslutad", "stängd", "avslutsdatum", "closed date"],
}
REQUIRED = ("received", "type", "unit", "contact_given", "answered")

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
    "ISO dates yyyy-mm-dd (2024-03-05), optionally with a time (2024-03-05 14:30 or 14.30), "
    "or date cells of a spreadsheet; day and month order is never guessed"
)


def check_date_column(
    raw: pd.Series,
    why: npt.NDArray[np.object_],
    rows: npt.NDArray[np.int64],
    where: Location,
    context: str = "",
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
yyyy-mm-dd (2024-03-05), optionally with a time (2024-03-05 14:30 or 14.30), or date cells of \
a spreadsheet; day and month order is never guessed
    >>> check_date_column(raw[1:], why[1:], np.arange(3, 6), Location("f.csv"))  # 1 of 2: fine
    """
    bad = np.asarray(why == "invalid_date", dtype=bool)
    n_bad = int(bad.sum())
    n_filled = int(np.sum(np.asarray(why != "blank", dtype=bool)))
    if n_bad == 0 or 2 * n_bad <= n_filled:
        return
    first = int(np.flatnonzero(bad)[0])
    example = text_values(raw.iloc[[first]]).iloc[0]
    raise DataError(
        f"{context}{example!r} is not a readable date, nor are most values of this column "
        f"({n_bad} of {n_filled} non-blank); expected {DATE_FORMS}",
        Location(where.file, where.sheet, int(rows[first]), where.column),
    )


@dataclass(frozen=True)
class FeedbackData:
    """A cleaned feedback register.

    Attributes
    ----------
    frame : DataFrame
        The kept items, one row each: ``row`` (file row), ``id`` (str or missing),
        ``received``, ``answered``, ``closed`` (naive ``datetime64[ns]``, local time; NaT when
        blank), ``type`` (one of :data:`TYPES`), ``unit``, ``channel``, ``category`` (str or
        missing), ``contact`` (bool: contact details given; False when blank or unreadable).
    table : RawTable
        The file as read (source, sheet, hash).
    columns : dict
        Role -> the file's column name, for the roles found.
    n_rows : int
        Data rows in the file, before exclusions.
    log : ExclusionLog
        Every excluded cell.
    """

    frame: pd.DataFrame
    table: RawTable
    columns: dict[str, str]
    n_rows: int
    log: ExclusionLog

    @property
    def excluded(self) -> dict[str, int]:
        """Reason -> number of cells excluded."""
        return self.log.counts()


def _with_serials(values: pd.Series) -> tuple[pd.Series, npt.NDArray[np.object_]]:
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


def _contact(values: pd.Series) -> tuple[npt.NDArray[np.bool_], npt.NDArray[np.object_]]:
    yes_no, blank, bad = lookup(values, YES_NO)
    return np.asarray(yes_no == 1.0, dtype=bool), reasons(len(values), blank=blank, unparseable=bad)


def load_feedback(table: RawTable, strict: bool = False) -> FeedbackData:
    """Find the register's columns, parse them and exclude unusable rows.

    Parameters
    ----------
    table : RawTable
        From :func:`~servqual_cli.io.read.read_table`.
    strict : bool
        Raise on the first excluded value that is wrong rather than missing.

    Returns
    -------
    FeedbackData

    Raises
    ------
    DataError
        A required column is missing (:data:`REQUIRED`) or appears twice, more than half of
        the non-blank cells of a date column (received, answered, closed) are not readable
        dates (:func:`check_date_column`), or no row is left.

    Examples
    --------
    >>> from servqual_cli.io.read import RawTable
    >>> raw = pd.DataFrame({"Inkommen": ["2024-01-02", "2024-01-03"], "Typ": ["beröm", "x"],
    ...     "Förvaltning": ["Bygg", "Bygg"], "Kontaktuppgifter": ["ja", "nej"],
    ...     "Besvarad": ["2024-01-05", ""]}, dtype=object)
    >>> fb = load_feedback(RawTable(raw, "f.csv", None, 1, np.array([2, 3]), ""))
    >>> fb.frame["type"].tolist(), fb.excluded
    (['beröm'], {'unparseable': 1})
    """
    index = ColumnIndex(table.columns, table.source, table.sheet)
    found = index.resolve_roles(ROLES, required=REQUIRED)
    log, rows = ExclusionLog(table.source, table.sheet), table.row_numbers
    n = len(rows)
    cells: dict[str, pd.Series] = {}

    def column(role: str) -> pd.Series:
        if role not in found:
            return pd.Series([None] * n, dtype=object)
        if role not in cells:  # one column, without the whole frame of a fast-path CSV
            cells[role] = table.column(found[role])
        return cells[role]

    def encoded(role: str) -> EncodedColumn | None:
        return table.encoded_column(found[role]) if role in found else None

    def name(role: str) -> str:
        return str(table.columns[found[role]])

    def dates(role: str) -> tuple[pd.Series, npt.NDArray[np.object_]]:
        times, why = by_distinct(column(role), _with_serials, encoded(role))
        return pd.Series(times, dtype="datetime64[ns]"), why

    def text(role: str) -> pd.Series:
        return pd.Series(by_distinct(column(role), text_values, encoded(role))[0], dtype=object)

    received, why_received = dates("received")
    types, why_type = by_distinct(column("type"), parse_types, encoded("type"))
    answered, why_answered = dates("answered")
    closed, why_closed = dates("closed")
    for role, why in (
        ("received", why_received),
        ("answered", why_answered),
        ("closed", why_closed),
    ):
        if role in found:
            where = Location(table.source, table.sheet, None, name(role))
            check_date_column(column(role), why, rows, where)
    ids = text("id")
    # Blank answer and closing dates are normal (not answered yet); only unreadable ones count.
    checks: list[tuple[str, npt.NDArray[np.object_]]] = [
        ("received", why_received),
        ("type", why_type),
        ("answered", reasons(n, invalid_date=why_answered == "invalid_date")),
        ("closed", reasons(n, invalid_date=why_closed == "invalid_date")),
    ]
    keep = np.ones(n, dtype=bool)
    for role, why in checks:  # a loop over four checks; each is vectorised over rows
        if role not in found:
            continue
        hit = keep & (why != None)  # noqa: E711 - elementwise test of an object array
        log.add(rows[hit], name(role), column(role).to_numpy()[hit], why[hit])
        keep &= ~hit
    if "id" in found:
        duplicate = keep & ids.notna().to_numpy() & ids.where(keep).duplicated().to_numpy()
        log.add(
            rows[duplicate],
            name("id"),
            column("id").to_numpy()[duplicate],
            np.full(int(duplicate.sum()), "duplicate", dtype=object),
        )
        keep &= ~duplicate
    # An answer or closing date before the receipt is an unusable *cell*: it is logged (end
    # before start, on that column) but the item stays in every count (intake, types, units,
    # trend of counts). Its timing drops out downstream: the case engine marks a duration with
    # end < start invalid, so the item is neither answered, decided nor open there.
    for role, end in (("answered", answered), ("closed", closed)):
        if role not in found:
            continue
        before = keep & end_before_start(received, end)  # a date-only end: that day's end
        log.add(
            rows[before],
            name(role),
            column(role).to_numpy()[before],
            np.full(int(before.sum()), "end_before_start", dtype=object),
        )
    contact, why_contact = by_distinct(column("contact_given"), _contact, encoded("contact_given"))
    log.add(
        rows[keep],
        name("contact_given"),
        column("contact_given").to_numpy()[keep],
        why_contact[keep],
    )
    if strict:
        log.raise_if_strict()
    if not keep.any():
        raise DataError("no usable rows left after exclusions", Location(table.source, table.sheet))
    clean = pd.DataFrame(
        {
            "row": rows,
            "id": ids,
            "received": received,
            "answered": answered,
            "closed": closed,
            "type": types,
            "unit": text("unit"),
            "channel": text("channel"),
            "category": text("category"),
            "contact": contact,
        }
    )[keep].reset_index(drop=True)
    clean["unit"] = clean["unit"].fillna("–")  # an item without a unit still counts
    columns = {role: name(role) for role in found}
    return FeedbackData(clean, table, columns, n, log)
