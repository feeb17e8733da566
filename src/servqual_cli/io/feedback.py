"""Load a feedback register (synpunktshantering).

One row per feedback item: a complaint, comment, suggestion, question or praise, with the date
it arrived, the unit (förvaltning) that owns it, whether the person left contact details, and
the dates it was answered and closed. Columns are found by English or Swedish name,
case-insensitively (:data:`ROLES`).

Cleaning excludes whole rows and logs each one once, with the first reason that applies, in
this order: a blank or unreadable date received, a blank or unknown type, an unreadable date
answered or closed, a repeated id (the first occurrence is kept), an answer or closing date
before the date received. A blank or unreadable contact cell keeps the row but leaves it out of
the reply figures (nobody can be answered without contact details), and is logged too.

The cells are read by the general parsers of :mod:`servqual_cli.io.cells`.

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
from servqual_cli.io.exclusions import ExclusionLog
from servqual_cli.io.read import RawTable
from servqual_cli.io.values import fold

__all__ = [
    "REQUIRED",
    "ROLES",
    "TYPES",
    "FeedbackData",
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
TYPES = ("klagomål", "synpunkt", "förslag", "fråga", "beröm")
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
        A required column is missing (:data:`REQUIRED`) or appears twice, or no row is left.

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
    frame, log, rows = table.frame, ExclusionLog(table.source, table.sheet), table.row_numbers
    n = len(frame)

    def column(role: str) -> pd.Series:
        return frame.iloc[:, found[role]] if role in found else pd.Series([None] * n, dtype=object)

    def name(role: str) -> str:
        return str(table.columns[found[role]])

    received, why_received = parse_dates(column("received"))
    types, why_type = parse_types(column("type"))
    answered, why_answered = parse_dates(column("answered"))
    closed, why_closed = parse_dates(column("closed"))
    ids = text_values(column("id"))
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
    for role, end in (("answered", answered), ("closed", closed)):
        if role not in found:
            continue
        before = keep & (end < received).to_numpy()
        log.add(
            rows[before],
            name(role),
            column(role).to_numpy()[before],
            np.full(int(before.sum()), "end_before_start", dtype=object),
        )
        keep &= ~before
    contact, why_contact = _contact(column("contact_given"))
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
            "unit": text_values(column("unit")),
            "channel": text_values(column("channel")),
            "category": text_values(column("category")),
            "contact": contact,
        }
    )[keep].reset_index(drop=True)
    clean["unit"] = clean["unit"].fillna("–")  # an item without a unit still counts
    columns = {role: name(role) for role in found}
    return FeedbackData(clean, table, columns, n, log)
