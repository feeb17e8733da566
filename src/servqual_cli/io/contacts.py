"""Read test-contact files (servicemätning) and Kolada-style KPI tables into tidy frames.

A contact file has one row per test call or test e-mail. Columns are found by role, with English
and Swedish names (case-insensitive; spaces, ``_`` and ``-`` folded):

============== ================ ===========================================================
role           Swedish          meaning
============== ================ ===========================================================
year           år               measurement year (or ``--year`` for the whole file)
channel        kanal            phone/telefon or email/e-post (required)
area           område           the area or department asked
sent_at        skickad          when the call was placed / the e-mail sent
answered_at    besvarad         when the e-mail reply arrived; empty = never answered
reached        nådd             phone: got through to a person (ja/nej)
wait_seconds   väntetid_s       phone: seconds in the queue
answered_qu... svar_på_frågan   ja / nej / delvis
treatment      bemötande        mycket god / god / medelgod / dålig (or 3/2/1/0)
municipality   kommun           optional, for files with several municipalities
============== ================ ===========================================================

Every value that cannot be used is left out of the KPIs it feeds and logged (file row, column,
value, reason); only that cell is lost, so a ``nådd`` = "kanske" leaves the call out of the
reachability share but keeps it in "svar på frågan". Cells that are empty because the contact
did not get that far (the queue time of an unreached call, the bemötande of an unanswered
e-mail) are not exclusions and are not logged. This module finds the columns and selects the
rows (municipality, year); :mod:`~servqual_cli.io.contact_columns` parses each column.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from servqual_cli.errors import DataError, Location, UsageError
from servqual_cli.io.answer_words import fold
from servqual_cli.io.cells import (
    blank_to_missing,
    fold_text,
    reasons,
    to_objects,
)
from servqual_cli.io.columns import ColumnIndex
from servqual_cli.io.contact_columns import ContactContext, parse_columns, reject_all_bad, subset
from servqual_cli.io.exclusions import ExclusionLog
from servqual_cli.io.read import RawTable
from servqual_cli.io.years import YEAR_ALIASES, parse_years

__all__ = [
    "CONTACT_ROLES",
    "ContactData",
    "load_contacts",
]

CONTACT_ROLES: dict[str, list[str]] = {
    # the measuring tools' exports also call the year "period"
    "year": [*YEAR_ALIASES, "period"],
    "channel": ["channel", "kanal", "kontaktväg"],
    "area": ["area", "område", "omrade", "verksamhet", "department"],
    "sent_at": ["sent_at", "skickad", "sent", "placed_at", "tidpunkt", "kontakt_tid"],
    "answered_at": ["answered_at", "besvarad", "replied_at", "svar_tid", "besvarat"],
    "reached": ["reached", "nådd", "nadd", "nådde"],
    "wait_seconds": ["wait_seconds", "väntetid_s", "väntetid", "wait", "queue_seconds"],
    "answered_question": ["answered_question", "svar_på_frågan", "svar på frågan", "answer"],
    "treatment": ["treatment", "bemötande", "bemotande"],
    "municipality": ["municipality", "kommun", "kommunnamn", "municipality_name"],
}
KPI_ROLES = ("reached", "wait_seconds", "answered_question", "treatment", "answered_at")


@dataclass(frozen=True)
class ContactData:
    """A cleaned contact file.

    ``frame`` has one row per usable contact (rows with no valid channel or year are dropped and
    logged) and the columns

    - ``row`` (int): 1-based row in the file;
    - ``municipality`` (str or None), ``year`` (float, NaN when unknown), ``area`` (str or None);
    - ``channel``: ``"phone"`` or ``"email"``;
    - ``sent_at``, ``answered_at`` (``datetime64[ns]``, naive Europe/Stockholm wall time;
      ``answered_at`` NaT = never answered);
    - ``timing_valid`` (bool): an e-mail whose reply time can be measured or is known to be
      missing; False when ``sent_at`` is missing or invalid, ``answered_at`` is not a date, or
      the reply is dated before the e-mail;
    - ``reached`` (1.0 / 0.0 / NaN), ``wait_seconds`` (float);
    - ``answered_question``: ``"yes"``, ``"no"``, ``"partly"`` or None;
    - ``treatment``: KKiK points 3/2/1/0, NaN when not rated.

    ``roles`` maps each role found to its column name; ``excluded`` counts excluded cells by
    reason and ``exclusions`` lists them (row, column, value, reason).
    """

    table: RawTable
    frame: pd.DataFrame
    roles: dict[str, str]
    excluded: dict[str, int]
    exclusions: pd.DataFrame

    @property
    def municipalities(self) -> list[str]:
        """The municipalities in the file, in order of first appearance."""
        names = self.frame["municipality"].dropna()
        return list(dict.fromkeys(names.tolist()))

    @property
    def years(self) -> list[int]:
        """The years in the file, sorted."""
        return sorted(int(y) for y in self.frame["year"].dropna().unique())


def load_contacts(
    table: RawTable,
    year: int | None = None,
    municipality: str | None = None,
    strict: bool = False,
) -> ContactData:
    """Find, parse and validate the columns of a contact file.

    Parameters
    ----------
    table : RawTable
        As read by :func:`servqual_cli.io.read.read_table`.
    year : int, optional
        The measurement year: with a year column, keep only that year; without one, the year of
        every row.
    municipality : str, optional
        Keep only this municipality's rows (matched case-insensitively in the municipality
        column; ignored when the file has none).
    strict : bool
        Any wrong (not merely empty) value is an error instead of an exclusion.

    Raises
    ------
    DataError
        The channel column is missing, duplicated or holds no valid channel; no KPI column is
        present; a column holds no valid value at all; no contact is left; with ``strict``, the
        first wrong value (file, sheet, row, column).
    UsageError
        ``year`` or ``municipality`` selects no rows.
    """
    index = ColumnIndex(table.columns, table.source, table.sheet)
    _reject_two_columns_for_one_role(index, table)
    pos = index.resolve_roles(CONTACT_ROLES, required=["channel"])
    if not any(r in pos for r in KPI_ROLES):
        wanted = ", ".join(f"{CONTACT_ROLES[r][0]} ({CONTACT_ROLES[r][1]})" for r in KPI_ROLES)
        raise DataError(
            f"no KPI column found; a contact file needs at least one of {wanted}",
            Location(table.source, table.sheet),
            code="contacts_no_kpi_column",
            facts={"wanted": wanted},
        )
    if "answered_at" in pos and "sent_at" not in pos:
        raise DataError(
            "has a reply time column but no sent_at (skickad) column to measure from",
            Location(table.source, table.sheet, None, table.columns[pos["answered_at"]]),
            code="contacts_reply_without_sent",
        )
    roles = {role: table.columns[p] for role, p in pos.items()}
    frame = table.frame.set_axis(range(table.frame.shape[1]), axis=1)
    frame = frame.loc[:, sorted(pos.values())].set_axis(
        [table.columns[p] for p in sorted(pos.values())], axis=1
    )
    log = ExclusionLog(table.source, table.sheet)
    blank_names = np.full(len(frame), None, dtype=object)
    ctx = ContactContext(
        frame.reset_index(drop=True), table.row_numbers, table.source, table.sheet, blank_names
    )
    ctx = _select_municipality(ctx, roles.get("municipality"), municipality, log)
    ctx, years = _select_year(ctx, roles.get("year"), year, log)
    out = parse_columns(ctx, roles, years, log)
    if strict:
        log.raise_if_strict()
    return ContactData(table, out, roles, log.counts(), log.to_frame())


def _reject_two_columns_for_one_role(index: ColumnIndex, table: RawTable) -> None:
    """``kanal`` and ``channel`` in one file: which one is meant cannot be guessed."""
    for role, aliases in CONTACT_ROLES.items():
        found = list(dict.fromkeys(p for a in aliases if (p := index.find(a)) is not None))
        if len(found) > 1:
            names = " and ".join(repr(table.columns[p]) for p in found)
            raise DataError(
                f"columns {names} both look like the {role} column; rename or remove one",
                Location(table.source, table.sheet, None, table.columns[found[1]]),
                code="contacts_two_columns_one_role",
                facts={
                    "names": [table.columns[p] for p in found],
                    "role": role,
                    "role_sv": aliases[1],
                },
            )


def _select_municipality(
    ctx: ContactContext, name: str | None, wanted: str | None, log: ExclusionLog
) -> ContactContext:
    if name is None:
        return ctx
    text = ctx.frame[name].astype("string").str.strip()
    text = blank_to_missing(text)
    names = to_objects(text)
    ctx = ContactContext(ctx.frame, ctx.rows, ctx.source, ctx.sheet, names)
    if wanted is None:
        blank = text.isna().to_numpy(dtype=bool)
        log.add(ctx.rows, name, ctx.values(name), reasons(len(blank), blank=blank))
        return ctx
    keep = fold_text(text).eq(fold(wanted)).to_numpy(dtype=bool, na_value=False)
    if not keep.any():
        present = ", ".join(dict.fromkeys(text.dropna().tolist()))
        raise UsageError(
            f"no rows for municipality {wanted!r} in column {name!r} (it has: {present[:200]})",
            Location(ctx.source, ctx.sheet),
            code="contacts_no_municipality_rows",
            facts={"wanted": wanted, "name": name, "present": present[:200]},
        )
    return subset(ctx, keep)


def _select_year(
    ctx: ContactContext, name: str | None, wanted: int | None, log: ExclusionLog
) -> tuple[ContactContext, np.ndarray]:
    n = len(ctx.rows)
    if name is None:
        return ctx, np.full(n, np.nan if wanted is None else float(wanted))
    values, why = parse_years(ctx.frame[name])  # the one year rule (io/years.py)
    blank = why == "blank"
    reject_all_bad(~np.isnan(values), ~blank, name, "a year", ctx)
    log.add(ctx.rows, name, ctx.values(name), why)
    keep = ~np.isnan(values)
    if wanted is not None:
        keep &= values == wanted
        if not keep.any():
            present = ", ".join(str(int(y)) for y in sorted(set(values[~np.isnan(values)])))
            raise UsageError(
                f"no rows for year {wanted} in column {name!r} (it has: {present})",
                Location(ctx.source, ctx.sheet),
                code="contacts_no_year_rows",
                facts={"wanted": wanted, "name": name, "present": present},
            )
    return subset(ctx, keep), values[keep]
