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
(``2024-03-05``), as Swedish systems export them, or written the Swedish way (``5 mars 2024``,
``2024-03-05 kl. 14.30``; counted in :attr:`FeedbackData.swedish_dates` for the note);
``05.03.2024`` or ``5/3/2024`` are never guessed, since day and month order cannot be told
from the text.

The cells are read by the general parsers of :mod:`servqual_cli.io.cells`, each once per
distinct value of a column (:func:`~servqual_cli.io.distinct.by_distinct`).

References
----------
.. [1] Luleå kommun, servicepolicy, avsnitt 3 "Synpunktshantering": anonymous feedback is handled
   as seriously as named, and is answered only where contact details were left.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from servqual_cli.errors import DataError, Location
from servqual_cli.io.cells import _EXCEL_SERIAL, swedish_date_text, text_values
from servqual_cli.io.columns import ColumnIndex
from servqual_cli.io.date_text import date_reasons_only, not_a_date
from servqual_cli.io.distinct import distinct_codes, parse_distinct
from servqual_cli.io.exclusions import ExclusionLog
from servqual_cli.io.feedback_cells import (
    DATE_FORMS,
    check_date_column,
    parse_contact,
    parse_dates_with_serials,
    parse_types,
)
from servqual_cli.io.groups import fold_case
from servqual_cli.io.read import RawTable
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
        Every excluded cell, and the units merged by case (``log.group_merges()``).
    serial_dates : dict
        Date column -> cells of the kept items read from Excel serial days (none: absent).
    swedish_dates : dict
        Date column -> cells of the kept items read in a Swedish form (``5 mars 2024``,
        ``kl. 10.15``; :mod:`~servqual_cli.io.date_text`), named in a note as serial days are.
    swedish_examples : dict
        Date column -> the first such text of the kept items, as the file has it: the note's
        example is the column's own (review 7 finding 6: a fixed example read as the data).
    """

    frame: pd.DataFrame
    table: RawTable
    columns: dict[str, str]
    n_rows: int
    log: ExclusionLog
    serial_dates: dict[str, int] = field(default_factory=dict)
    swedish_dates: dict[str, int] = field(default_factory=dict)
    swedish_examples: dict[str, str] = field(default_factory=dict)

    @property
    def excluded(self) -> dict[str, int]:
        """Reason -> number of cells excluded."""
        return self.log.counts()


class _Coded:
    """One register column as a code per cell and a representative cell per code
    (:func:`~servqual_cli.io.distinct.distinct_codes`): parsed once per code, the results
    taken by the codes; the raw cells of excluded rows are looked up for the log only."""

    def __init__(self, table: RawTable, position: int | None, n: int) -> None:
        self.table, self.position = table, position
        if position is None:  # the role's column is absent: every cell missing
            self.codes: np.ndarray = np.zeros(n, dtype=np.int8)
            self.reps: np.ndarray = np.array([None], dtype=object)
            self.raw: pd.Series | None = None
            return
        encoded = table.encoded_column(position)
        self.raw = None
        if encoded is not None:  # a fast-path CSV column: its codes and distinct texts
            self.codes, self.reps = encoded.codes, encoded.uniques
        else:
            self.raw = table.column(position)
            self.codes, self.reps = distinct_codes(self.raw)

    def parse(self, parser: Any) -> tuple[np.ndarray, ...]:
        return parse_distinct(self.reps, parser)

    def cells(self, rows: np.ndarray) -> np.ndarray:
        """The raw cells at ``rows`` (positions or a mask) as read."""
        if self.raw is None:
            return np.asarray(self.reps[self.codes[rows]], dtype=object)
        return np.asarray(self.raw.to_numpy(dtype=object)[rows], dtype=object)

    def count_where(self, per_code: np.ndarray) -> int:
        """Cells whose code is marked in ``per_code``."""
        return int(np.bincount(self.codes, minlength=len(self.reps))[per_code].sum())


def _check_dates(col: _Coded, why: np.ndarray, rows: np.ndarray, where: Location) -> None:
    """:func:`check_date_column` from the distinct cells: the counts by code, the first
    unreadable row by the codes."""
    bad = not_a_date(why)  # unreadable, or a weekday that is not the date's
    if not bad.any():
        return
    n_bad = col.count_where(bad)
    n_filled = col.count_where(np.asarray(why != "blank", dtype=bool))
    if 2 * n_bad <= n_filled:
        return
    first = int(np.argmax(bad[col.codes]))
    check_date_column(
        pd.Series(col.cells(np.array([first])), dtype=object),
        np.array(["invalid_date"], dtype=object),
        rows[first : first + 1],
        where,
        n=(n_bad, n_filled),
    )


def _reason_codes(why: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Per distinct cell a small reason code (0: usable) and the reasons by code."""
    codes, names = pd.factorize(np.asarray(why, dtype=object), use_na_sentinel=True)
    return (codes + 1).astype(np.int8), np.array([None, *names], dtype=object)


def load_feedback(table: RawTable, strict: bool = False) -> FeedbackData:
    """Find the register's columns, parse them and exclude unusable rows.

    Each column is parsed once per distinct cell (:func:`~servqual_cli.io.distinct
    .distinct_codes`; a fast-path CSV's codes as read) and every row test works on small
    integer codes, so nothing is done per row in Python; the log gets the raw cells of the
    excluded rows.

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
    cols = {role: _Coded(table, found.get(role), n) for role in ROLES}

    def name(role: str) -> str:
        return str(table.columns[found[role]])

    def exclude(role: str, hit: np.ndarray, reasons: np.ndarray) -> None:
        """Log the cells of ``role`` at the rows of mask ``hit``, one reason each."""
        where = np.flatnonzero(hit)
        log.add(rows[where], name(role), cols[role].cells(where), reasons)

    # Per distinct cell: the parsed value and why it cannot be used (None: usable).
    times, why = {}, {}
    for role in ("received", "answered", "closed"):
        times[role], why[role] = cols[role].parse(parse_dates_with_serials)
        times[role] = np.asarray(times[role], dtype="datetime64[ns]")
    types, why["type"] = cols["type"].parse(parse_types)
    for role in ("received", "answered", "closed"):
        if role in found:
            _check_dates(cols[role], why[role], rows, Location(table.source, table.sheet,
                                                                None, name(role)))  # fmt: skip
    ids = cols["id"].parse(text_values)[0]
    # Blank answer and closing dates are normal (not answered yet); only unreadable ones count.
    for role in ("answered", "closed"):
        why[role] = date_reasons_only(why[role])
    keep = np.ones(n, dtype=bool)
    for role in ("received", "type", "answered", "closed"):  # four checks, each vectorised
        if role not in found:
            continue
        code_of, reason_of = _reason_codes(why[role])
        reason = code_of[cols[role].codes]
        hit = keep & (reason > 0)
        exclude(role, hit, reason_of[reason[hit]])
        keep &= ~hit
    if "id" in found:
        duplicate = _repeated(cols["id"], ids, keep)
        exclude("id", duplicate, np.full(int(duplicate.sum()), "duplicate", dtype=object))
        keep &= ~duplicate
    received = times["received"][cols["received"].codes]
    # An answer or closing date before the receipt is an unusable *cell*: it is logged (end
    # before start, on that column) but the item stays in every count (intake, types, units,
    # trend of counts). Its timing drops out downstream: the case engine marks a duration with
    # end < start invalid, so the item is neither answered, decided nor open there.
    for role in ("answered", "closed"):
        if role not in found:
            continue
        # a date-only end on the receipt's day means that day's end (vocab/date_order.py)
        before = keep & end_before_start(received, times[role][cols[role].codes])
        exclude(role, before, np.full(int(before.sum()), "end_before_start", dtype=object))
    contact, why["contact_given"] = cols["contact_given"].parse(parse_contact)
    code_of, reason_of = _reason_codes(why["contact_given"])
    reason = code_of[cols["contact_given"].codes]
    unusable = keep & (reason > 0)
    exclude("contact_given", unusable, reason_of[reason[unusable]])
    if strict:
        log.raise_if_strict()
    if not keep.any():
        raise DataError(
            "no usable rows left after exclusions",
            Location(table.source, table.sheet),
            code="no_rows_left",
        )
    kept = np.flatnonzero(keep)

    def take(role: str, per_code: np.ndarray) -> np.ndarray:
        return np.asarray(per_code)[cols[role].codes[kept]]

    def text(role: str) -> np.ndarray:
        return take(role, np.asarray(cols[role].parse(text_values)[0], dtype=object))

    # Units differing only in case ("Skola", "skola") are one unit, by --by's rule and note.
    units = np.asarray(cols["unit"].parse(text_values)[0], dtype=object)
    units, merged = fold_case(units, np.bincount(cols["unit"].codes[kept], minlength=len(units)))
    if "unit" in found:
        log.add_group_merges(name("unit"), {k: v for k, v in merged.items() if v})
    serials = {name(r): _serial_cells(cols[r], times[r], kept)
               for r in ("received", "answered", "closed") if r in found}  # fmt: skip
    marked = {name(r): (cols[r], swedish_date_text(pd.Series(cols[r].reps)))
              for r in ("received", "answered", "closed") if r in found}  # fmt: skip
    swedish = {
        column: _kept_cells(col, per_code, kept) for column, (col, per_code) in marked.items()
    }
    examples = {column: _first_kept_text(col, per_code, kept)
                for column, (col, per_code) in marked.items() if swedish[column]}  # fmt: skip

    clean = pd.DataFrame(
        {
            "row": rows[kept],
            "id": pd.Series(take("id", np.asarray(ids, dtype=object)), dtype=object),
            "received": pd.Series(received[kept], dtype="datetime64[ns]"),
            "answered": pd.Series(take("answered", times["answered"]), dtype="datetime64[ns]"),
            "closed": pd.Series(take("closed", times["closed"]), dtype="datetime64[ns]"),
            "type": pd.Series(take("type", np.asarray(types, dtype=object)), dtype=object),
            "unit": pd.Series(take("unit", units), dtype=object),
            "channel": pd.Series(text("channel"), dtype=object),
            "category": pd.Series(text("category"), dtype=object),
            "contact": take("contact_given", np.asarray(contact, dtype=bool)),
        }
    )
    clean["unit"] = clean["unit"].fillna("–")  # an item without a unit still counts
    columns = {role: name(role) for role in found}
    return FeedbackData(clean, table, columns, n, log, {k: v for k, v in serials.items() if v},
                        {k: v for k, v in swedish.items() if v}, examples)  # fmt: skip


def _kept_cells(col: _Coded, per_code: np.ndarray, kept: np.ndarray) -> int:
    """Cells of the kept rows whose code is marked in ``per_code``."""
    if not per_code.any():
        return 0
    return int(np.bincount(col.codes[kept], minlength=len(col.reps))[per_code].sum())


def _first_kept_text(col: _Coded, per_code: np.ndarray, kept: np.ndarray) -> str:
    """The text of the first kept row whose code is marked in ``per_code`` (one exists)."""
    codes = col.codes[kept]
    first = int(np.argmax(per_code[codes]))
    return str(col.reps[codes[first]]).strip()


def _serial_cells(col: _Coded, times: np.ndarray, kept: np.ndarray) -> int:
    """Cells of the kept rows read as Excel serial days: a bare number in the serial range
    that became a date (:func:`~servqual_cli.io.cells.parse_dates`), counted by code."""
    reps = pd.Series(col.reps, dtype=object).astype("string").str.strip()
    number = pd.to_numeric(reps.str.replace(",", ".", regex=False), errors="coerce")
    serial = number.between(*_EXCEL_SERIAL).to_numpy(dtype=bool, na_value=False)
    serial &= ~np.isnat(np.asarray(times, dtype="datetime64[ns]"))
    if not serial.any():
        return 0
    return int(np.bincount(col.codes[kept], minlength=len(col.reps))[serial].sum())


def _repeated(col: _Coded, texts: np.ndarray, keep: np.ndarray) -> np.ndarray:
    """Per row: kept, with an id (``texts[col.codes]``, missing when blank) that an earlier
    kept row already has. Ids are compared as trimmed text, so distinct cells may be one id."""
    codes, texts = col.codes, np.asarray(texts, dtype=object)
    blank = pd.isna(texts)
    if col.raw is None and bool(np.all((texts == col.reps) | blank)):
        # The CSV's distinct texts were ids already (nothing trimmed): one id per code, with
        # no hashing of a million ids again.
        id_of = np.where(blank, -1, np.arange(len(texts)))
    else:
        id_of, _ = pd.factorize(texts, use_na_sentinel=True)  # distinct cells -> ids
    row_id = id_of[codes]
    candidates = np.flatnonzero(keep & (row_id >= 0))
    out = np.zeros(len(codes), dtype=bool)
    out[candidates] = pd.Series(row_id[candidates]).duplicated(keep="first").to_numpy()
    return out
