"""Read the files of ``servqual contacts/trend`` and the report's service measurement part.

Contact files and SERVQUAL surveys of two years (one file with a year column, or two files),
split into a before and an after year; benchmark files (a Kolada-style table or contact rows of
several municipalities) in :mod:`servqual_cli.io.measurement_benchmark`, whose names this module
still exports. Only reading and cleaning happens here: the KPIs, gap scores and ranks are
:mod:`servqual_cli.core`'s.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from servqual_cli.errors import DataError, Location, UsageError
from servqual_cli.io.columns import ColumnIndex
from servqual_cli.io.contacts import CONTACT_ROLES, ContactData, load_contacts
from servqual_cli.io.exclusions import ExclusionLog
from servqual_cli.io.measurement_benchmark import BenchmarkData, exclusion_counts, read_benchmark
from servqual_cli.io.read import RawTable, read_table
from servqual_cli.io.years import parse_years

if TYPE_CHECKING:
    from servqual_cli.instruments.model import Instrument
    from servqual_cli.io.survey import SurveyData

__all__ = [
    "CONTACTS",
    "SURVEY",
    "BenchmarkData",
    "ReadOptions",
    "Side",
    "SurveyYear",
    "contact_series",
    "contact_sides",
    "load_contact_table",
    "read_benchmark",
    "survey_years",
    "table_kind",
]

CONTACTS, SURVEY = "contacts", "survey"


@dataclass(frozen=True)
class ReadOptions:
    """The shared reading options, passed on to every file of a command."""

    sheet: str | None = None
    encoding: str | None = None
    header_row: int | None = None
    strict: bool = False

    def read(self, path: str) -> RawTable:
        return read_table(path, sheet=self.sheet, encoding=self.encoding,
                          header_row=self.header_row)  # fmt: skip


@dataclass(frozen=True)
class Side:
    """One year of a comparison: its contacts (tidy frame) or its survey gap scores."""

    label: str
    year: int | None
    table: RawTable
    exclusions: pd.DataFrame
    contacts: pd.DataFrame | None = None
    scores: pd.DataFrame | None = None
    municipality: str | None = None
    # survey weights of the respondents (rows of ``scores``), with ``trend --weight-column``
    weights: np.ndarray | None = None
    weight_column: str | None = None  # the column as the file spells it; None: every weight 1

    @property
    def excluded(self) -> dict[str, int]:
        return exclusion_counts(self.exclusions)

    @property
    def n_rows(self) -> int:
        frame = self.contacts if self.contacts is not None else self.scores
        return 0 if frame is None else len(frame)

    def describe(self) -> dict[str, Any]:
        return {"label": self.label, "year": self.year, **self.table.describe(),
                "n_rows": self.n_rows, "excluded": self.excluded}  # fmt: skip


def table_kind(table: RawTable, instrument: Instrument) -> str:
    """``contacts`` (a channel column) or ``survey`` (the instrument's first E and P columns)."""
    index = ColumnIndex(table.columns, table.source, table.sheet)
    if index.find_role(CONTACT_ROLES["channel"]) is not None:
        return CONTACTS
    from servqual_cli.instruments.resolve import find_role_columns

    first = instrument.items[0]
    e, p = instrument.expectation_column(first), instrument.perception_column(first)
    roles = ("perception",) if instrument.perception_only else ("expectation", "perception")
    args = (table.columns, table.source, table.sheet)
    if all(first in find_role_columns(instrument, r, *args)[0] for r in roles):
        return SURVEY
    raise DataError(
        f"is neither a contact file (it needs a channel/kanal column) nor a SERVQUAL survey "
        f"(columns {e}, {p}, ...); it has: {', '.join(table.columns[:10])}",
        Location(table.source, table.sheet), code="not_contacts_or_survey",
        facts={"e": e, "p": p, "columns": tuple(table.columns[:10])},
    )  # fmt: skip


def _one_municipality(data: ContactData, wanted: str | None) -> str | None:
    names = data.municipalities
    if len(names) > 1 and wanted is None:
        shown = ", ".join(names[:8]) + (" ..." if len(names) > 8 else "")
        raise UsageError(
            f"holds {len(names)} municipalities ({shown}); choose one with --municipality",
            Location(data.table.source, data.table.sheet),
            code="choose_municipality",
            facts={"n": len(names), "names": tuple(names[:8]), "more": len(names) > 8},
        )
    return names[0] if names else wanted


def _rows_of(exclusions: pd.DataFrame, rows: np.ndarray) -> pd.DataFrame:
    return exclusions[exclusions["row"].isin(rows)].reset_index(drop=True)


def load_contact_table(
    table: RawTable, year: int | None, municipality: str | None, strict: bool
) -> ContactData:
    """Clean one contact table (one municipality; ``year`` as ``--year``)."""
    data = load_contacts(table, year=year, municipality=municipality, strict=strict)
    _one_municipality(data, municipality)
    return data


def _label(year: int | None, table: RawTable) -> str:
    return str(year) if year is not None else Path(table.source).stem


def _year_pair(years: tuple[int, int] | None, present: list[int], table: RawTable) -> list[int]:
    where = Location(table.source, table.sheet)
    if years is None:
        if len(present) != 2:
            raise UsageError(
                "one file needs a year column with two years, or --years BEFORE,AFTER "
                f"(it has: {', '.join(map(str, present)) or 'no years'})",
                where, code="one_file_two_years", facts={"years": tuple(present)},
            )  # fmt: skip
        return present
    missing = [y for y in years if y not in present]
    if missing:
        raise UsageError(
            f"no rows for year {missing[0]} (the file has: {', '.join(map(str, present))})", where,
            code="no_rows_for_year", facts={"year": missing[0], "years": tuple(present)},
        )  # fmt: skip
    return list(years)


def contact_sides(
    tables: list[RawTable], years: tuple[int, int] | None, municipality: str | None, strict: bool
) -> tuple[Side, Side]:
    """The before and after years of two contact files, or of one file with two years."""
    if len(tables) == 2:
        sides = []
        for table, year in zip(tables, years or (None, None), strict=True):
            data = load_contact_table(table, year, municipality, strict)
            if len(data.years) > 1:
                raise UsageError(
                    f"holds the years {', '.join(map(str, data.years))}; choose two with --years",
                    Location(data.table.source, data.table.sheet),
                    code="choose_years",
                    facts={"years": tuple(data.years)},
                )
            known = year if year is not None else (data.years[0] if data.years else None)
            sides.append(Side(_label(known, data.table), known, data.table, data.exclusions,
                              contacts=data.frame,
                              municipality=_one_municipality(data, municipality)))  # fmt: skip
        return sides[0], sides[1]
    data = load_contact_table(tables[0], None, municipality, strict)
    pair = _year_pair(years, data.years, data.table)
    out = []
    for year in pair:
        frame = data.frame[data.frame["year"].eq(year)].reset_index(drop=True)
        exclusions = _rows_of(data.exclusions, frame["row"].to_numpy())
        out.append(Side(str(year), year, data.table, exclusions, contacts=frame,
                        municipality=_one_municipality(data, municipality)))  # fmt: skip
    return out[0], out[1]


def contact_series(tables: list[RawTable], municipality: str | None, strict: bool) -> list[Side]:
    """Every year of contact files (one year per file) or of one file with a year column,
    earliest first. Two files of the same year, or a file without a year, are refused."""
    sides: list[Side] = []
    if len(tables) == 1:
        data = load_contact_table(tables[0], None, municipality, strict)
        for year in data.years:
            frame = data.frame[data.frame["year"].eq(year)].reset_index(drop=True)
            exclusions = _rows_of(data.exclusions, frame["row"].to_numpy())
            sides.append(Side(str(year), year, data.table, exclusions, contacts=frame,
                              municipality=_one_municipality(data, municipality)))  # fmt: skip
        return sides
    for table in tables:
        data = load_contact_table(table, None, municipality, strict)
        where = Location(data.table.source, data.table.sheet)
        if len(data.years) != 1:
            found = ", ".join(map(str, data.years)) or "none"
            raise UsageError(f"a series takes one year per file; this file has years: {found}",
                             where, code="series_one_year_per_file",
                             facts={"years": tuple(data.years)})  # fmt: skip
        year = data.years[0]
        if any(side.year == year for side in sides):
            raise UsageError(f"two files hold {year}; give each year once", where,
                             code="series_year_twice", facts={"year": year})  # fmt: skip
        sides.append(Side(str(year), year, data.table, data.exclusions, contacts=data.frame,
                          municipality=_one_municipality(data, municipality)))  # fmt: skip
    return sorted(sides, key=lambda side: side.year or 0)


@dataclass(frozen=True)
class SurveyYear:
    """The respondents of one year of a cleaned survey (``mask`` selects them).

    ``no_year`` holds the year cells of the file's respondents who are of no year (blank, not
    a year): they are in neither side, and counted here, on one side per file, not dropped
    without a word."""

    data: SurveyData
    mask: np.ndarray
    year: int | None
    no_year: pd.DataFrame | None = None

    @property
    def label(self) -> str:
        return _label(self.year, self.data.table)

    @property
    def exclusions(self) -> pd.DataFrame:
        """The excluded cells of this year's respondents in the columns the trend reads: the
        E and P items, not the importance weights (W1..), whose blanks the report counts apart
        ("Uteslutna viktceller") and the trend never reads (review 7 finding 11: "tomma 231"
        held 55 blank weights beside 176 blank answers)."""
        ex = self.data.exclusions
        unread = set((self.data.columns or {}).get("weights", {}).values())
        if unread and len(ex):
            ex = ex[~ex["column"].isin(unread).to_numpy(dtype=bool)]
        mine = _rows_of(ex, self.data.table.row_numbers[self.mask])
        if self.no_year is None or self.no_year.empty:
            return mine
        both = pd.concat([mine, self.no_year], ignore_index=True)
        return both.sort_values("row", kind="stable").reset_index(drop=True)

    @property
    def expectation(self) -> np.ndarray:
        return self.data.expectation[self.mask]

    @property
    def perception(self) -> np.ndarray:
        return self.data.perception[self.mask]


def survey_years(
    tables: list[RawTable], years: tuple[int, int] | None, instrument: Instrument, strict: bool
) -> tuple[SurveyYear, SurveyYear]:
    """The before and after years of two surveys, or of one survey with a year column."""
    from servqual_cli.io.survey import load_survey

    def load(table: RawTable) -> tuple[SurveyData, np.ndarray | None, pd.DataFrame | None]:
        index = ColumnIndex(table.columns, table.source, table.sheet)
        pos = index.find_role(CONTACT_ROLES["year"])
        by = None if pos is None else table.columns[pos]
        data = load_survey(table, instrument, by=by, strict=strict)
        groups, no_year = None, None
        if data.groups is not None and pos is not None:
            # the one year rule (io/years.py); a respondent of no year is logged, not dropped
            groups = parse_years(pd.Series(data.groups, dtype=object))[0]
            why = parse_years(table.column(pos))[1]
            off = np.flatnonzero(np.asarray(why != None, dtype=bool))  # noqa: E711
            log = ExclusionLog(table.source, table.sheet)
            log.add(table.row_numbers[off], str(by), table.column(pos).to_numpy(object)[off],
                    why[off])  # fmt: skip
            no_year = log.to_frame()
        return data, groups, no_year

    if len(tables) == 2:
        sides = []
        for table, year in zip(tables, years or (None, None), strict=True):
            data, groups, no_year = load(table)
            mask = np.ones(data.n_rows, dtype=bool)
            present = [] if groups is None else sorted({int(g) for g in groups[~np.isnan(groups)]})
            where = Location(data.table.source, data.table.sheet)
            if year is not None and present:
                if year not in present:
                    shown = ", ".join(map(str, present))
                    raise UsageError(f"no rows for year {year} (the file has: {shown})", where,
                                     code="no_rows_for_year",
                                     facts={"year": year, "years": tuple(present)})  # fmt: skip
                mask = np.asarray(groups == year, dtype=bool)
            elif year is None and len(present) == 1:
                year = present[0]
            elif year is None and len(present) > 1:
                shown = ", ".join(map(str, present))
                raise UsageError(f"holds the years {shown}; choose two with --years", where,
                                 code="choose_years", facts={"years": tuple(present)})  # fmt: skip
            # rows of no year are left out only when the year chose the rows (not a whole file)
            chose = groups is not None and not bool(mask.all())
            sides.append(SurveyYear(data, mask, year, no_year if chose else None))
        return sides[0], sides[1]
    data, groups, no_year = load(tables[0])
    if groups is None:
        raise UsageError(
            "one survey file needs a year (år) column; or give two files",
            Location(data.table.source, data.table.sheet), code="survey_needs_year",
        )  # fmt: skip
    present = sorted({int(g) for g in groups[~np.isnan(groups)]})
    pair = _year_pair(years, present, data.table)
    before = SurveyYear(data, np.asarray(groups == pair[0], dtype=bool), pair[0], no_year)
    after = SurveyYear(data, np.asarray(groups == pair[1], dtype=bool), pair[1])  # counted once
    return before, after
