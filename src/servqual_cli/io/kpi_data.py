"""The rows each KPI of a configuration measures (:mod:`servqual_cli.io.kpi_config`), parsed.

:func:`load_kpi_data` applies a KPI's ``filter``, parses its columns and logs every excluded
row, giving the documented tidy frame that :mod:`servqual_cli.core.kpi` evaluates;
:func:`load_all_kpi_data` does so for every KPI of a configuration, reading each file once.

A single unreadable value is excluded and logged; a column that does not hold what the KPI
needs is an error, because excluding its rows would report a figure about nothing:

- a ``start`` or ``end`` column more than half of whose non-blank cells (among the rows the
  filter keeps) are not readable dates (the rule of
  :func:`~servqual_cli.io.feedback.check_date_column`): DataError;
- a ``value_column`` for median, mean or p90 whose non-blank cells (among the rows the filter
  keeps) hold no number at all: DataError (a column of blanks only is not an error: its cells
  are counted as blank and the KPI has n = 0);
- a ``success`` label that occurs nowhere in its ``value_column`` (any row of the file,
  compared as folded text): ConfigError listing the labels that do occur.

One computation per measure (issue #9): a KPI whose data file is a feedback register (it has
the register's required columns, :data:`~servqual_cli.io.feedback.REQUIRED`; or the KPI says
``register = "feedback"``) measures only the rows the register's cleaning keeps
(:func:`with_register`): repeated ids, answers or closings before the receipt and unknown
types are left out as ``servqual feedback`` leaves them out, and counted with its reasons.
So ``servqual kpi``, ``servqual feedback`` and the report give the same n and value.
``register = "none"`` turns this off.

A blank value of a contact that reached no one (a call whose ``nådd`` says ``nej``, an e-mail
never answered) is counted as ``unreached`` / ``unanswered``, not as a blank cell
(:mod:`servqual_cli.io.kpi_reached`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from servqual_cli.errors import ConfigError, DataError, Location
from servqual_cli.io.cells import parse_dates, parse_numbers, reasons, text_values
from servqual_cli.io.columns import ColumnIndex
from servqual_cli.io.date_text import date_reasons_only
from servqual_cli.io.distinct import by_distinct
from servqual_cli.io.exclusions import ExclusionLog
from servqual_cli.io.feedback import FeedbackData, check_date_column
from servqual_cli.io.kpi_config import KpiConfig, KpiSpec
from servqual_cli.io.kpi_reached import unreached_reasons
from servqual_cli.io.read import RawTable
from servqual_cli.io.values import fold
from servqual_cli.io.years import FIRST_YEAR, LAST_YEAR, YEAR_ALIASES, parse_years
from servqual_cli.vocab.date_order import end_before_start

__all__ = ["KpiData", "load_all_kpi_data", "load_kpi_data", "register_of", "with_register"]

MAX_LABELS_SHOWN = 8  # labels listed when a success label does not occur


@dataclass(frozen=True)
class KpiData:
    """The rows of one KPI, parsed.

    ``frame`` columns: ``row`` (file row); ``group`` (text, "–" when blank) when the KPI has
    ``by``; duration KPIs ``start`` and ``end`` (naive ``datetime64[ns]``, start never missing,
    end NaT when open); value KPIs ``value`` (float) or, for shares, ``success`` (bool), and
    ``start`` (datetime64, possibly NaT) when a date column is given, else ``year`` (float,
    a whole year on every row) when the file has a year column (:func:`year_column`), named in
    ``year_column``. ``n_rows`` counts the file's data rows, ``n_selected`` those the filter
    keeps.
    """

    spec: KpiSpec
    frame: pd.DataFrame
    table: RawTable
    n_rows: int
    n_selected: int
    log: ExclusionLog
    year_column: str | None = None


# Parsed columns of one run: (file, sheet, column position, parser) -> the parser's results.
ParseCache = dict[tuple[str, str | None, int, str], tuple[np.ndarray, ...]]


def load_kpi_data(
    spec: KpiSpec,
    table: RawTable,
    config: str,
    strict: bool = False,
    cache: ParseCache | None = None,
) -> KpiData:
    """Filter and parse the rows of ``table`` that ``spec`` measures; log exclusions.

    Each column is parsed once per distinct value (:func:`~servqual_cli.io.distinct.by_distinct`)
    and, with a ``cache`` shared by the KPIs of a run, once per file: several KPIs on one
    register share its date, group and filter columns.

    Raises
    ------
    ConfigError
        A column named in the KPI is not in the file, the filter keeps no rows, or a
        ``success`` label occurs nowhere in the value column.
    DataError
        A column name appears twice, most of a date column is not readable dates, a numeric
        value column holds no number, or (``strict``) a value is wrong (see the module
        docstring).
    """
    index = ColumnIndex(table.columns, table.source, table.sheet)
    place = f"{Path(table.source).name}" + (f", sheet {table.sheet!r}" if table.sheet else "")

    cache = {} if cache is None else cache

    def parsed(key: str, name: str, parser: Callable[[pd.Series], Any]) -> tuple[np.ndarray, ...]:
        pos = position(key, name)
        slot = (table.source, table.sheet, pos, parser.__name__)
        if slot not in cache:  # a CSV column's distinct texts come with it: parsed once each
            results = by_distinct(table.column(pos), parser, table.encoded_column(pos))
            for array in results:  # shared by the KPIs of the run: never changed in place
                array.flags.writeable = False
            cache[slot] = results
        return cache[slot]

    def as_text(key: str, name: str) -> pd.Series:
        return pd.Series(parsed(key, name, _text_fold)[0], dtype=object)

    def position(key: str, name: str) -> int:
        pos = index.find(name)
        if pos is None:
            shown = ", ".join(table.columns[:12])
            raise ConfigError(
                f"{spec.where}, key {key!r}: no column {name!r} in {place} (it has: {shown})",
                Location(config),
                code="kpi_no_column",
                facts={
                    "where": spec.where,
                    "key": key,
                    "name": name,
                    "shown": shown,
                    "file": Path(table.source).name,
                    "sheet": table.sheet,
                },
            )
        return int(pos)

    def col(key: str, name: str) -> pd.Series:
        # one column: a CSV read never builds the whole object frame
        return table.column(position(key, name))

    rows = table.row_numbers
    keep = np.ones(len(rows), dtype=bool)
    for name, accepted in spec.filter:
        values = as_text("filter", name).fillna("")
        folded = pd.Series(parsed("filter", name, _text_fold)[1], dtype=object)
        hit = folded.isin([fold(a) for a in accepted]).to_numpy()
        if not (keep & hit).any():
            seen = ", ".join(repr(v) for v in sorted(set(values[keep])) if v)[:200]
            raise ConfigError(
                f"{spec.where}, key 'filter': {name} = {list(accepted)} keeps no "
                f"rows of {place} (values: {seen})",
                Location(config),
                code="kpi_filter_keeps_none",
                facts={"where": spec.where, "name": name, "accepted": list(accepted),
                       "file": Path(table.source).name, "sheet": table.sheet, "seen": seen},
            )  # fmt: skip
        keep &= hit
    n_selected = int(keep.sum())
    selected = keep.copy()
    log = ExclusionLog(table.source, table.sheet)
    out: dict[str, Any] = {"row": rows}
    if spec.by is not None:
        out["group"] = as_text("by", spec.by).fillna("–").to_numpy()

    def drop(column: str, raw: pd.Series, reasons: np.ndarray) -> None:
        nonlocal keep
        hit = keep & (reasons != None)  # noqa: E711 - elementwise test of an object array
        log.add(rows[hit], column, raw.to_numpy()[hit], reasons[hit])
        keep &= ~hit

    def dates(key: str, name: str) -> tuple[pd.Series, pd.Series, np.ndarray]:
        raw = col(key, name)
        values, why = parsed(key, name, parse_dates)
        times = pd.Series(values, dtype="datetime64[ns]")
        where = Location(table.source, table.sheet, None, name)
        context = f"{spec.where}, key {key!r}: "
        check_date_column(raw[selected], why[selected], rows[selected], where, context)
        return raw, times, why

    if spec.start is not None:
        start_raw, start, why = dates("start", spec.start)
        if spec.kind == "value":  # a date only splits periods: a blank one is no reason to drop
            why = date_reasons_only(why)
        drop(spec.start, start_raw, why)
        out["start"] = start.to_numpy()
    if spec.kind == "duration" and spec.end is not None:
        end_raw, end, why = dates("end", spec.end)
        drop(spec.end, end_raw, date_reasons_only(why))
        before = end_before_start(out["start"], end)  # a date-only end: that day's end
        drop(spec.end, end_raw, reasons(len(why), end_before_start=before))
        out["end"] = end.to_numpy()
    elif spec.value_column is not None:
        raw = col("value_column", spec.value_column)
        if spec.statistic == "share":
            text = pd.Series(parsed("value_column", spec.value_column, _text_fold)[0], dtype=object)
            folded = pd.Series(
                parsed("value_column", spec.value_column, _text_fold)[1], dtype=object
            )
            _check_success(spec, text, folded, place, config)
            blank = reasons(len(text), blank=text.isna())  # a rating of no one reached: apart
            drop(
                spec.value_column, raw, unreached_reasons(spec, blank, index, as_text, table.column)
            )
            out["success"] = folded.isin([fold(s) for s in spec.success]).to_numpy()
        else:
            numbers, why = parsed("value_column", spec.value_column, parse_numbers)
            _check_numbers(spec, raw[selected], why[selected], table)
            drop(spec.value_column, raw, unreached_reasons(spec, why, index, as_text, table.column))
            out["value"] = numbers
    year = None
    if spec.start is None and spec.period is None:  # review 4 finding 9: the file's year
        pos = index.find_role(YEAR_COLUMNS)
        if pos is not None:
            name = table.columns[pos]
            years, why = parsed("year", name, parse_years)
            # A blank or odd year leaves its row out, logged; it no longer turns the column
            # off (review 5). A column without one year among the rows measured is refused.
            if _check_years(why, keep, rows, Location(table.source, table.sheet, None, name),
                            table.column(pos)):  # fmt: skip
                drop(name, table.column(pos), why)
                out["year"], year = years, name
    if strict:
        log.raise_if_strict()
    frame = pd.DataFrame(out)[keep].reset_index(drop=True)
    return KpiData(spec, frame, table, len(rows), n_selected, log, year)


#: Names of a year column (as in a service-measurement contacts file): the period of a KPI
#: without a ``start`` column (the one table of :mod:`servqual_cli.io.years`).
YEAR_COLUMNS = YEAR_ALIASES


def _check_years(
    why: np.ndarray, keep: np.ndarray, rows: np.ndarray, where: Location, raw: pd.Series
) -> bool:
    """Whether the year column is used: it has a filled cell among the rows measured (a column
    of blanks says nothing). Filled cells none of which is a year: the wrong column, an error.

    >>> w = Location("d.csv", None, None, "år")
    >>> why = np.array([None, "blank"], dtype=object)
    >>> _check_years(why, np.array([True, True]), np.array([2, 3]), w, pd.Series([2020, None]))
    True
    >>> _check_years(why[1:], np.array([True]), np.array([3]), w, pd.Series([None]))
    False
    """
    filled = keep & np.asarray(why != "blank", dtype=bool)
    if not filled.any():
        return False
    valid = filled & np.asarray(why == None, dtype=bool)  # noqa: E711 - elementwise
    if not valid.any():
        first = int(np.flatnonzero(filled)[0])
        raise DataError(
            f"no value in this column is a year ({FIRST_YEAR}–{LAST_YEAR}; e.g. "
            f"{raw.iloc[first]!r}); is it the right column? A KPI with a period in its "
            'configuration (period = "2024") does not read it',
            Location(where.file, where.sheet, int(rows[first]), where.column),
            code="kpi_year_column_no_year",
            facts={"first_year": FIRST_YEAR, "last_year": LAST_YEAR, "value": raw.iloc[first]},
        )
    return True


def _text_fold(values: pd.Series) -> tuple[pd.Series, pd.Series]:
    """Cells as text (:func:`~servqual_cli.io.cells.text_values`) and folded ("" when blank)."""
    text = text_values(values)
    return text, text.fillna("").map(fold)


def _check_success(
    spec: KpiSpec, text: pd.Series, folded: pd.Series, place: str, config: str
) -> None:
    """ConfigError when a ``success`` label occurs nowhere in the value column."""
    present = set(folded[text.notna().to_numpy()])
    missing = [s for s in spec.success if fold(s) not in present]
    if not missing:
        return
    # The labels that do occur, most frequent first, spelled as in the file.
    counts = text.dropna().groupby(folded[text.notna()], sort=False).agg(["first", "size"])
    counts = counts.sort_values("size", ascending=False, kind="stable")
    labels = [repr(v) for v in counts["first"][:MAX_LABELS_SHOWN]]
    more = len(counts) - len(labels)
    seen = ", ".join(labels) + (f" and {more} more" if more > 0 else "")
    raise ConfigError(
        f"{spec.where}, key 'success': {missing[0]!r} never occurs in column "
        f"{spec.value_column!r} of {place} "
        + (f"(it has: {seen})" if labels else "(the column is blank)"),
        Location(config),
        code="kpi_success_missing",
        facts={
            "where": spec.where,
            "value": missing[0],
            "column": spec.value_column,
            "place": place,
            "labels": labels,
            "more": more,
        },
    )


def _check_numbers(spec: KpiSpec, raw: pd.Series, why: np.ndarray, table: RawTable) -> None:
    """DataError when a numeric value column has non-blank cells but no number among them."""
    filled = np.asarray(why != "blank", dtype=bool)
    if not filled.any() or (why == None).any():  # noqa: E711 - elementwise test
        return
    examples = ", ".join(repr(v) for v in text_values(raw[filled]).drop_duplicates()[:3])
    raise DataError(
        f"{spec.where}, key 'value_column': the column has no numeric values "
        f"({int(filled.sum())} non-blank cells such as {examples}); statistic "
        f'{spec.statistic!r} needs numbers (for labels use statistic = "share" with success)',
        Location(table.source, table.sheet, None, spec.value_column),
        code="kpi_not_numbers",
        facts={
            "where": spec.where,
            "n": int(filled.sum()),
            "examples": examples,
            "statistic": spec.statistic,
        },
    )


def load_all_kpi_data(
    config: KpiConfig, read: Callable[[Path], RawTable], strict: bool = False
) -> list[KpiData]:
    """The rows of every KPI of ``config``, in file order; ``read`` reads each data file once.

    A KPI on a feedback register measures the rows the register keeps (:func:`with_register`).
    """
    tables: dict[Path, RawTable] = {}
    registers: dict[Path, FeedbackData | None] = {}
    cache: ParseCache = {}  # columns shared by several KPIs of one file are parsed once
    out = []
    for spec in config.kpis:  # a handful of KPIs, often several in one file
        if spec.data not in tables:
            tables[spec.data] = read(spec.data)
        data = load_kpi_data(spec, tables[spec.data], config.path, strict, cache)
        if spec.register != "none":
            if spec.data not in registers:
                registers[spec.data] = register_of(tables[spec.data], spec.register == "feedback")
            register = registers[spec.data]
            if register is not None:
                data = with_register(data, register)
        out.append(data)
    return out


def register_of(table: RawTable, required: bool = False) -> FeedbackData | None:
    """The feedback register in ``table`` (its cleaning applied), or None when the file is not
    one (it lacks the register's required columns) and ``required`` is false.

    Raises
    ------
    DataError
        ``required`` and the file is not a feedback register, or its cleaning leaves no row.
    """
    from servqual_cli.io.feedback import REQUIRED, ROLES, load_feedback

    if not required:
        index = ColumnIndex(table.columns, table.source, table.sheet)
        if any(index.find_role(ROLES[role]) is None for role in REQUIRED):
            return None
    return load_feedback(table)


def with_register(data: KpiData, register: FeedbackData) -> KpiData:
    """The KPI's rows that the feedback register's cleaning keeps; the rows it drops are
    logged in the KPI's exclusions with the register's reasons (one computation per measure).

    Idempotent: applied twice, nothing more is dropped or logged.
    """
    frame = data.frame
    kept = frame["row"].isin(register.frame["row"]).to_numpy()
    if kept.all():
        return data
    dropped = register.log.to_frame()
    dropped = dropped[dropped["row"].isin(frame.loc[~kept, "row"])]
    for column, part in dropped.groupby("column", sort=False):  # a few columns, not rows
        data.log.add(
            part["row"].to_numpy(),
            str(column),
            part["value"].to_numpy(dtype=object),
            part["reason"].to_numpy(dtype=object),
        )
    return replace(data, frame=frame[kept].reset_index(drop=True))
