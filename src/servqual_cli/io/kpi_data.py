"""The rows each KPI of a configuration measures (:mod:`servqual_cli.io.kpi_config`), parsed.

:func:`load_kpi_data` applies a KPI's ``filter``, parses its columns and logs every excluded
row, giving the documented tidy frame that :mod:`servqual_cli.core.kpi` evaluates;
:func:`load_all_kpi_data` does so for every KPI of a configuration, reading each file once.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from servqual_cli.errors import ConfigError, Location
from servqual_cli.io.cells import parse_dates, parse_numbers, reasons, text_values
from servqual_cli.io.columns import ColumnIndex
from servqual_cli.io.exclusions import ExclusionLog
from servqual_cli.io.kpi_config import KpiConfig, KpiSpec
from servqual_cli.io.read import RawTable
from servqual_cli.io.values import fold

__all__ = ["KpiData", "load_all_kpi_data", "load_kpi_data"]


@dataclass(frozen=True)
class KpiData:
    """The rows of one KPI, parsed.

    ``frame`` columns: ``row`` (file row); ``group`` (text, "–" when blank) when the KPI has
    ``by``; duration KPIs ``start`` and ``end`` (naive ``datetime64[ns]``, start never missing,
    end NaT when open); value KPIs ``value`` (float) or, for shares, ``success`` (bool), and
    ``start`` (datetime64, possibly NaT) when a date column is given. ``n_rows`` counts the
    file's data rows, ``n_selected`` those the filter keeps.
    """

    spec: KpiSpec
    frame: pd.DataFrame
    table: RawTable
    n_rows: int
    n_selected: int
    log: ExclusionLog


def load_kpi_data(spec: KpiSpec, table: RawTable, config: str, strict: bool = False) -> KpiData:
    """Filter and parse the rows of ``table`` that ``spec`` measures; log exclusions.

    Raises
    ------
    ConfigError
        A column named in the KPI is not in the file, or the filter keeps no rows.
    DataError
        A column name appears twice, or (``strict``) a value is wrong.
    """
    index = ColumnIndex(table.columns, table.source, table.sheet)
    place = f"{Path(table.source).name}" + (f", sheet {table.sheet!r}" if table.sheet else "")

    def col(key: str, name: str) -> pd.Series:
        pos = index.find(name)
        if pos is None:
            shown = ", ".join(table.columns[:12])
            raise ConfigError(
                f"{spec.where}, key {key!r}: no column {name!r} in {place} (it has: {shown})",
                Location(config),
            )
        return table.frame.iloc[:, pos]

    rows = table.row_numbers
    keep = np.ones(len(table.frame), dtype=bool)
    for name, accepted in spec.filter:
        values = text_values(col("filter", name)).fillna("")
        hit = values.map(fold).isin([fold(a) for a in accepted]).to_numpy()
        if not (keep & hit).any():
            seen = ", ".join(repr(v) for v in sorted(set(values[keep])) if v)[:200]
            raise ConfigError(
                f"{spec.where}, key 'filter': {name} = {list(accepted)} keeps no "
                f"rows of {place} (values: {seen})",
                Location(config),
            )
        keep &= hit
    n_selected = int(keep.sum())
    log = ExclusionLog(table.source, table.sheet)
    out: dict[str, Any] = {"row": rows}
    if spec.by is not None:
        out["group"] = text_values(col("by", spec.by)).fillna("–").to_numpy()

    def drop(column: str, raw: pd.Series, reasons: np.ndarray) -> None:
        nonlocal keep
        hit = keep & (reasons != None)  # noqa: E711 - elementwise test of an object array
        log.add(rows[hit], column, raw.to_numpy()[hit], reasons[hit])
        keep &= ~hit

    if spec.start is not None:
        start_raw = col("start", spec.start)
        start, why = parse_dates(start_raw)
        if spec.kind == "value":  # a date only splits periods: a blank one is no reason to drop
            why = reasons(len(why), invalid_date=why == "invalid_date")
        drop(spec.start, start_raw, why)
        out["start"] = start.to_numpy()
    if spec.kind == "duration" and spec.end is not None:
        end_raw = col("end", spec.end)
        end, why = parse_dates(end_raw)
        drop(spec.end, end_raw, reasons(len(why), invalid_date=why == "invalid_date"))
        before = (end < out["start"]).to_numpy()
        drop(spec.end, end_raw, reasons(len(why), end_before_start=before))
        out["end"] = end.to_numpy()
    elif spec.value_column is not None:
        raw = col("value_column", spec.value_column)
        if spec.statistic == "share":
            text = text_values(raw)
            drop(spec.value_column, raw, reasons(len(text), blank=text.isna()))
            folded = text.fillna("").map(fold)
            out["success"] = folded.isin([fold(s) for s in spec.success]).to_numpy()
        else:
            numbers, why = parse_numbers(raw)
            drop(spec.value_column, raw, why)
            out["value"] = numbers
    if strict:
        log.raise_if_strict()
    frame = pd.DataFrame(out)[keep].reset_index(drop=True)
    return KpiData(spec, frame, table, len(table.frame), n_selected, log)


def load_all_kpi_data(
    config: KpiConfig, read: Callable[[Path], RawTable], strict: bool = False
) -> list[KpiData]:
    """The rows of every KPI of ``config``, in file order; ``read`` reads each data file once."""
    tables: dict[Path, RawTable] = {}
    out = []
    for spec in config.kpis:  # a handful of KPIs, often several in one file
        if spec.data not in tables:
            tables[spec.data] = read(spec.data)
        out.append(load_kpi_data(spec, tables[spec.data], config.path, strict))
    return out
