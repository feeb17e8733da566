"""Loading steps of ``servqual contacts`` and ``servqual trend`` (file -> cleaned years ->
results), written once so that ``servqual report`` can run the same pipeline.

Imported only inside the commands: it pulls in pandas and scipy.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from servqual_cli.core.benchmark import benchmark_kpis
from servqual_cli.core.contacts import ALL, SPECS, contact_kpis
from servqual_cli.core.survey_trend import gap_scores
from servqual_cli.errors import DataError, Location, UsageError
from servqual_cli.io.columns import ColumnIndex
from servqual_cli.io.contact_values import fold_text
from servqual_cli.io.contacts import CONTACT_ROLES, ContactData, load_contacts
from servqual_cli.io.kolada import is_kolada_table, load_kolada
from servqual_cli.io.read import RawTable, read_table
from servqual_cli.io.values import fold

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

    @property
    def excluded(self) -> dict[str, int]:
        counts = self.exclusions["reason"].value_counts()
        return {str(k): int(counts[k]) for k in sorted(counts.index)}

    @property
    def n_rows(self) -> int:
        frame = self.contacts if self.contacts is not None else self.scores
        return 0 if frame is None else len(frame)

    def describe(self) -> dict[str, Any]:
        return {"label": self.label, "year": self.year, **describe_table(self.table),
                "n_rows": self.n_rows, "excluded": self.excluded}  # fmt: skip


def describe_table(table: RawTable) -> dict[str, Any]:
    name = Path(table.source).name if table.source != "<stdin>" else table.source
    return {"file": name, "sheet": table.sheet, "sha256": table.sha256}


def parse_years(text: str | None) -> tuple[int, int] | None:
    """``--years 2019,2020`` as a pair of years.

    >>> parse_years("2019, 2020"), parse_years(None)
    ((2019, 2020), None)
    """
    if text is None:
        return None
    parts = [p.strip() for p in text.split(",")]
    if len(parts) != 2 or not all(p.isdigit() for p in parts) or parts[0] == parts[1]:
        raise UsageError(f"--years takes two different years, e.g. 2019,2020; got {text!r}")
    return int(parts[0]), int(parts[1])


def table_kind(table: RawTable, instrument: Any) -> str:
    """``contacts`` (a channel column) or ``survey`` (the instrument's first E and P columns)."""
    index = ColumnIndex(table.columns, table.source, table.sheet)
    if index.find_role(CONTACT_ROLES["channel"]) is not None:
        return CONTACTS
    first = instrument.items[0]
    e, p = instrument.expectation_column(first), instrument.perception_column(first)
    if index.find(e) is not None and index.find(p) is not None:
        return SURVEY
    raise DataError(
        f"is neither a contact file (it needs a channel/kanal column) nor a SERVQUAL survey "
        f"(columns {e}, {p}, ...); it has: {', '.join(table.columns[:10])}",
        Location(table.source, table.sheet),
    )


def _one_municipality(data: ContactData, wanted: str | None) -> str | None:
    names = data.municipalities
    if len(names) > 1 and wanted is None:
        shown = ", ".join(names[:8]) + (" ..." if len(names) > 8 else "")
        raise UsageError(
            f"holds {len(names)} municipalities ({shown}); choose one with --municipality",
            Location(data.table.source, data.table.sheet),
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


def _contact_sides(
    tables: list[RawTable], years: tuple[int, int] | None, municipality: str | None, strict: bool
) -> tuple[Side, Side]:
    if len(tables) == 2:
        sides = []
        for table, year in zip(tables, years or (None, None), strict=True):
            data = load_contact_table(table, year, municipality, strict)
            if len(data.years) > 1:
                raise UsageError(
                    f"holds the years {', '.join(map(str, data.years))}; choose two with --years",
                    Location(data.table.source, data.table.sheet),
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


def _year_pair(years: tuple[int, int] | None, present: list[int], table: RawTable) -> list[int]:
    where = Location(table.source, table.sheet)
    if years is None:
        if len(present) != 2:
            raise UsageError(
                "one file needs a year column with two years, or --years BEFORE,AFTER "
                f"(it has: {', '.join(map(str, present)) or 'no years'})",
                where,
            )
        return present
    missing = [y for y in years if y not in present]
    if missing:
        raise UsageError(
            f"no rows for year {missing[0]} (the file has: {', '.join(map(str, present))})", where
        )
    return list(years)


def _survey_sides(
    tables: list[RawTable], years: tuple[int, int] | None, instrument: Any, strict: bool
) -> tuple[Side, Side]:
    from servqual_cli.io.survey import load_survey

    def load(table: RawTable) -> tuple[Any, np.ndarray | None]:
        index = ColumnIndex(table.columns, table.source, table.sheet)
        pos = index.find_role(CONTACT_ROLES["year"])
        by = None if pos is None else table.columns[pos]
        data = load_survey(table, instrument, by=by, strict=strict)
        groups = None
        if data.groups is not None:
            numbers = pd.to_numeric(pd.Series(data.groups, dtype=object), errors="coerce")
            groups = numbers.to_numpy(dtype=float, na_value=np.nan)
        return data, groups

    def side(data: Any, mask: np.ndarray, year: int | None) -> Side:
        e, p = data.expectation[mask], data.perception[mask]
        exclusions = _rows_of(data.exclusions, data.table.row_numbers[mask])
        scores = gap_scores(e, p, data.dimension_positions)
        return Side(_label(year, data.table), year, data.table, exclusions, scores=scores)

    if len(tables) == 2:
        sides = []
        for table, year in zip(tables, years or (None, None), strict=True):
            data, groups = load(table)
            mask = np.ones(data.n_rows, dtype=bool)
            present = [] if groups is None else sorted({int(g) for g in groups[~np.isnan(groups)]})
            where = Location(data.table.source, data.table.sheet)
            if year is not None and present:
                if year not in present:
                    shown = ", ".join(map(str, present))
                    raise UsageError(f"no rows for year {year} (the file has: {shown})", where)
                mask = np.asarray(groups == year, dtype=bool)
            elif year is None and len(present) == 1:
                year = present[0]
            elif year is None and len(present) > 1:
                shown = ", ".join(map(str, present))
                raise UsageError(f"holds the years {shown}; choose two with --years", where)
            sides.append(side(data, mask, year))
        return sides[0], sides[1]
    data, groups = load(tables[0])
    if groups is None:
        raise UsageError(
            "one survey file needs a year (år) column; or give two files",
            Location(data.table.source, data.table.sheet),
        )
    present = sorted({int(g) for g in groups[~np.isnan(groups)]})
    pair = _year_pair(years, present, data.table)
    return side(data, groups == pair[0], pair[0]), side(data, groups == pair[1], pair[1])


def load_sides(
    files: list[str],
    years: tuple[int, int] | None,
    municipality: str | None,
    instrument: Any,
    opts: ReadOptions,
    benchmark: str | None = None,
) -> tuple[str, Side, Side]:
    """The kind of the inputs (contacts or survey) and their before and after years.

    The kind is settled from the headers before any value is parsed, so a wrong combination
    (a survey and a contact file, a survey with ``--benchmark``) fails fast.
    """
    if len(files) not in (1, 2):
        raise UsageError(f"give BEFORE and AFTER files, or one file and --years; got {len(files)}")
    tables = [opts.read(f) for f in files]
    kinds = {table_kind(t, instrument) for t in tables}
    if len(kinds) > 1:
        raise UsageError("the two files must both be contact files or both SERVQUAL surveys")
    kind = kinds.pop()
    if kind == SURVEY and benchmark is not None:
        raise UsageError("--benchmark compares contact KPIs; it does not apply to surveys")
    if kind == CONTACTS:
        return kind, *_contact_sides(tables, years, municipality, opts.strict)
    return kind, *_survey_sides(tables, years, instrument, opts.strict)


@dataclass(frozen=True)
class Benchmark:
    """This municipality's KPIs against the other municipalities of a benchmark file."""

    table: RawTable
    kind: str
    year: int | None
    municipality: str
    kpis: pd.DataFrame
    this_from_own: bool
    exclusions: pd.DataFrame
    n_average_rows: int = 0
    notes: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        from servqual_cli.core.results import records

        counts = self.exclusions["reason"].value_counts()
        return {**describe_table(self.table), "kind": self.kind, "year": self.year,
                "municipality": self.municipality,
                "this_from": "own file" if self.this_from_own else "benchmark file",
                "n_average_rows": self.n_average_rows,
                "excluded": {str(k): int(counts[k]) for k in sorted(counts.index)},
                "kpis": records(self.kpis)}  # fmt: skip


def _kpi_channel(kpi: pd.Series) -> pd.Series:
    """Kolada publishes one value per KPI: channel-specific KPIs keep their channel, the others
    (answered_question, the treatment KPIs) are totals."""
    return kpi.map(lambda k: SPECS[k].channels[0] if len(SPECS[k].channels) == 1 else ALL)


def load_benchmark(
    path: str, own: Side, municipality: str | None, opts: ReadOptions, conf: float = 0.95
) -> Benchmark:
    """Read a Kolada-style table or contact rows of several municipalities, and rank this one."""
    this = municipality or own.municipality
    table = opts.read(path)
    where = Location(table.source, table.sheet)
    if this is None:
        raise UsageError("name this municipality with --municipality to compare it", where)
    year = own.year
    if is_kolada_table(table.columns, table.source, table.sheet):
        names = [n for n, s in SPECS.items() if s.direction != 0]
        percent = [n for n in names if SPECS[n].unit in ("share", "index")]
        k = load_kolada(table, names, percent, strict=opts.strict)
        frame = k.frame
        periods = sorted(int(p) for p in frame["period"].dropna().unique())
        if periods:
            if year is None:
                year = periods[-1]
            elif year not in periods:
                shown = ", ".join(map(str, periods))
                raise UsageError(f"no values for {year} (the file has: {shown})", where)
            frame = frame[frame["period"].eq(year)]
        key = frame["municipality_id"].fillna(frame["municipality"])
        is_this = fold_text(frame["municipality"]).eq(fold(this)).fillna(False).astype(bool)
        values = pd.DataFrame({"municipality": key, "kpi": frame["kpi"],
                               "channel": _kpi_channel(frame["kpi"]), "value": frame["value"],
                               "is_this": is_this | key.eq(this)})  # fmt: skip
        kind, exclusions, n_avg = "kolada", k.exclusions, k.n_average_rows
    else:
        has_year = ColumnIndex(table.columns, table.source, table.sheet).find_role(
            CONTACT_ROLES["year"]
        )
        data = load_contacts(table, year=year if has_year is not None else None,
                             strict=opts.strict)  # fmt: skip
        if data.frame["municipality"].isna().all():
            raise DataError("a benchmark contact file needs a municipality (kommun) column", where)
        kp = contact_kpis(data.frame, keys=("municipality",), by_area=False, conf=conf)
        mine_rows = fold_text(kp["municipality"]).eq(fold(this)).fillna(False).astype(bool)
        values = kp[["municipality", "kpi", "channel", "value"]].assign(is_this=mine_rows)
        kind, exclusions, n_avg = "contacts", data.exclusions, 0
    from_own = not values["is_this"].any()
    if from_own and own.contacts is not None:
        mine = contact_kpis(own.contacts, keys=(), by_area=False, conf=conf)
        published = pd.MultiIndex.from_frame(values[["kpi", "channel"]])
        mine = mine[pd.MultiIndex.from_frame(mine[["kpi", "channel"]]).isin(published)]
        values = pd.concat([values, mine[["kpi", "channel", "value"]].assign(
            municipality=this, is_this=True)], ignore_index=True)  # fmt: skip
    ranked = benchmark_kpis(values)
    return Benchmark(table, kind, year, this, ranked, from_own, exclusions, n_avg)
