"""Read a benchmark file of ``servqual trend --benchmark`` and the report's service measurement
part: a Kolada-style table (also Kolada API JSON and kolada.se downloads wide by year) or
contact rows of several municipalities, for one municipality and year. Split from
:mod:`servqual_cli.io.measurement` (which re-exports :func:`read_benchmark` and
:class:`BenchmarkData`); reading and cleaning only.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import pandas as pd

from servqual_cli.errors import DataError, Location, UsageError
from servqual_cli.io.cells import fold_text
from servqual_cli.io.columns import ColumnIndex
from servqual_cli.io.contacts import CONTACT_ROLES, load_contacts
from servqual_cli.io.kolada import is_kolada_table, load_kolada
from servqual_cli.io.read import RawTable
from servqual_cli.io.values import fold
from servqual_cli.vocab.contacts import ALL, SPECS

if TYPE_CHECKING:
    from servqual_cli.io.measurement import ReadOptions

__all__ = ["BenchmarkData", "exclusion_counts", "read_benchmark"]


def exclusion_counts(exclusions: pd.DataFrame) -> dict[str, int]:
    """Excluded cells by reason, reasons in sorted order (for JSON and the notes)."""
    counts = exclusions["reason"].value_counts()
    return {str(k): int(counts[k]) for k in sorted(counts.index)}


@dataclass(frozen=True)
class BenchmarkData:
    """A benchmark file, read and cleaned for one municipality and year.

    ``kind`` is ``kolada`` or ``contacts``. A Kolada-style table gives ``values``: one row per
    municipality (Kolada id, else name), KPI and channel with ``value`` and ``is_this`` (this
    municipality's rows). A contact file gives ``contacts``: the contact rows of every
    municipality, with ``is_this`` too. ``year`` is the year compared (None when unknown).
    """

    table: RawTable
    kind: str
    year: int | None
    municipality: str
    exclusions: pd.DataFrame
    values: pd.DataFrame | None = None
    contacts: pd.DataFrame | None = None
    n_average_rows: int = 0

    def describe(self) -> dict[str, Any]:
        """File, sheet, hash, kind, year and municipality, for JSON output."""
        return {**self.table.describe(), "kind": self.kind, "year": self.year,
                "municipality": self.municipality}  # fmt: skip

    @property
    def excluded(self) -> dict[str, int]:
        return exclusion_counts(self.exclusions)


def _kpi_channel(kpi: pd.Series) -> pd.Series:
    """Kolada publishes one value per KPI: channel-specific KPIs keep their channel, the others
    (answered_question, the treatment KPIs) are totals."""
    return kpi.map(lambda k: SPECS[k].channels[0] if len(SPECS[k].channels) == 1 else ALL)


def read_benchmark(
    path: str,
    municipality: str | None,
    year: int | None,
    opts: ReadOptions,
    kpi_map: Mapping[str, str] | None = None,
) -> BenchmarkData:
    """Read a Kolada-style table, or contact rows of several municipalities, for ``year``.

    A Kolada table without ``year`` gives its latest year. ``municipality`` (name, or Kolada id)
    marks this municipality's rows. Kolada API JSON and kolada.se downloads wide by year are
    read too (:mod:`servqual_cli.io.kolada_files`); ``kpi_map`` maps Kolada ids to KPI names.
    """
    from servqual_cli.io.kolada_files import is_json, kolada_json_table, widen_to_long

    table = kolada_json_table([path]) if is_json(path) else widen_to_long(opts.read(path))
    where = Location(table.source, table.sheet)
    if municipality is None:
        raise UsageError("name this municipality with --municipality to compare it", where,
                         code="benchmark_needs_municipality")  # fmt: skip
    this = fold(municipality)
    if is_kolada_table(table.columns, table.source, table.sheet):
        names = [n for n, s in SPECS.items() if s.direction != 0]
        percent = [n for n in names if SPECS[n].unit in ("share", "index")]
        k = load_kolada(table, names, percent, strict=opts.strict, kpi_map=kpi_map)
        frame = k.frame
        periods = sorted(int(p) for p in frame["period"].dropna().unique())
        if periods:
            if year is None:
                year = periods[-1]
            elif year not in periods:
                shown = ", ".join(map(str, periods))
                raise UsageError(f"no values for {year} (the file has: {shown})", where,
                                 code="no_values_for_year",
                                 facts={"year": year, "years": tuple(periods)})  # fmt: skip
            frame = frame[frame["period"].eq(year)]
        key = frame["municipality_id"].fillna(frame["municipality"])
        is_this = fold_text(frame["municipality"]).eq(this).fillna(False).astype(bool)
        values = pd.DataFrame({"municipality": key, "kpi": frame["kpi"],
                               "channel": _kpi_channel(frame["kpi"]), "value": frame["value"],
                               "is_this": is_this | key.eq(municipality)})  # fmt: skip
        return BenchmarkData(table, "kolada", year, municipality, k.exclusions, values=values,
                             n_average_rows=k.n_average_rows)  # fmt: skip
    has_year = ColumnIndex(table.columns, table.source, table.sheet).find_role(
        CONTACT_ROLES["year"]
    )
    data = load_contacts(table, year=year if has_year is not None else None, strict=opts.strict)
    if data.frame["municipality"].isna().all():
        raise DataError("a benchmark contact file needs a municipality (kommun) column", where,
                        code="benchmark_needs_municipality_column")  # fmt: skip
    is_this = fold_text(data.frame["municipality"]).eq(this).fillna(False).astype(bool)
    contacts = data.frame.assign(is_this=is_this.to_numpy())
    return BenchmarkData(table, "contacts", year, municipality, data.exclusions, contacts=contacts)
