"""Read a Kolada-style long table of KPI values (one row per KPI, municipality and year).

Kolada, the open database of Swedish municipal KPIs (RKA), publishes rows of ``kpi``,
``municipality`` (a 4-digit SCB code as text; leading zeros matter: ``0180`` is Stockholm),
``period`` (year), ``gender`` (T total, K women, M men), ``value``, ``count`` and ``status``.
Exports add the KPI title and the municipality name. This reader keeps the total (``T``) rows
of the KPIs the caller knows, by KPI id or by name, and leaves out average rows (``0000`` for
the whole country, ``G...`` for groups of municipalities): the tool computes its own mean of the
other municipalities.

References
----------
.. [1] Kolada API v3, https://api.kolada.se/v3/docs (fields of the data rows).
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from servqual_cli.errors import DataError, Location, UsageError
from servqual_cli.io.cells import blank_to_missing, fold_text, reasons, to_objects
from servqual_cli.io.columns import ColumnIndex
from servqual_cli.io.exclusions import ExclusionLog
from servqual_cli.io.kolada_files import GENDERS, SOURCE_COLUMN
from servqual_cli.io.read import RawTable
from servqual_cli.io.values import NOT_AVAILABLE

__all__ = ["KOLADA_ROLES", "KoladaData", "is_kolada_table", "load_kolada"]

KOLADA_ROLES: dict[str, list[str]] = {
    "kpi": ["kpi", "kpi_id", "nyckeltal", "nyckeltal_id", "nyckeltals_id", "id nyckeltal"],
    "kpi_name": ["kpi_name", "kpi_title", "title", "nyckeltalsnamn", "kpi_namn", "titel"],
    "municipality_id": ["municipality_id", "kommun_id", "kommunkod", "municipality_code",
                        "kommun id", "id kommun", "kommun-id", "region_id"],
    "municipality": ["municipality", "kommun", "kommunnamn", "municipality_name", "region"],
    "period": ["period", "år", "year"],
    "gender": ["gender", "kön"],
    "value": ["value", "värde"],
    "status": ["status"],
}  # fmt: skip


@dataclass(frozen=True)
class KoladaData:
    """KPI values per municipality and year.

    ``frame`` columns: ``kpi`` (the caller's KPI name), ``municipality_id`` (4-digit text or
    None), ``municipality`` (name or None), ``period`` (float year, NaN without a period column),
    ``value`` (float; percentages divided by 100 for the KPIs named in ``percent``),
    ``kpi_id`` (the file's KPI id), ``kpi_title`` (the file's KPI title or None) and ``status``
    (Kolada's status flag of the value, None when it has none). ``ignored_kpis`` lists KPI ids
    in the file that matched no known KPI; ``n_average_rows`` counts the national and group
    average rows left out; ``flags`` counts the kept values that carry a status flag, per flag;
    ``gender`` is the gender kept (``T`` total, ``K`` women, ``M`` men).
    """

    table: RawTable
    frame: pd.DataFrame
    ignored_kpis: tuple[str, ...]
    n_average_rows: int
    excluded: dict[str, int]
    exclusions: pd.DataFrame
    flags: dict[str, int] = field(default_factory=dict)
    gender: str = "T"


def is_kolada_table(columns: list[str], source: str, sheet: str | None) -> bool:
    """A table with a KPI column and a value column is a Kolada-style long table."""
    index = ColumnIndex(columns, source, sheet)
    return all(index.find_role(KOLADA_ROLES[r]) is not None for r in ("kpi", "value"))


def _municipality_ids(column: pd.Series) -> np.ndarray:
    """Codes as 4-digit text: a spreadsheet turns ``0180`` into the number 180."""
    text = column.astype("string").str.strip().str.replace(r"\.0$", "", regex=True)
    numeric = text.str.fullmatch(r"\d{1,4}").fillna(False).astype(bool)
    text = text.where(~numeric, text.str.zfill(4))
    return to_objects(blank_to_missing(text))


def load_kolada(
    table: RawTable,
    known: Collection[str] | None,
    percent: Collection[str] = (),
    strict: bool = False,
    gender: str = "T",
    kpi_map: Mapping[str, str] | None = None,
) -> KoladaData:
    """Parse a Kolada-style table into KPI values.

    Parameters
    ----------
    table : RawTable
        Needs a KPI column (``kpi``), a value column (``value``/``värde``) and a municipality
        column (id or name); ``period`` and ``gender`` are used when present.
    known : collection of str, or None
        KPI names the caller computes. A row belongs to one when its KPI name column (or,
        failing that, its KPI id) equals the name, case-insensitively, or when ``kpi_map``
        maps its KPI id to the name. None keeps every KPI, named by its id.
    percent : collection of str
        KPIs whose Kolada values are percentages (0-100); they are divided by 100 to become
        shares, as the contact KPIs are.
    strict : bool
        A value that is not a number (other than blank, ``..`` or ``-``) is an error.
    gender : str
        The gender rows kept: ``T`` (total, the default), ``K`` (women) or ``M`` (men); rows
        without a gender count as totals.
    kpi_map : mapping, optional
        Kolada KPI id -> KPI name (the package's map and ``--kpi-map``).

    Raises
    ------
    DataError
        Required columns missing; no row belongs to a known KPI.

    Examples
    --------
    >>> from servqual_cli.io.read import RawTable
    >>> frame = pd.DataFrame({"kpi": ["U1", "U1", "U1"], "kpi_name": ["phone_reached"] * 3,
    ...                       "municipality_id": ["1814", "0180", "0000"],
    ...                       "period": ["2020"] * 3, "value": ["79,6", "87.0", "82"]},
    ...                      dtype=object)
    >>> raw = RawTable(frame, "k.csv", None, 1, np.arange(2, 5), "")
    >>> k = load_kolada(raw, {"phone_reached"}, percent={"phone_reached"})
    >>> k.frame[["municipality_id", "value"]].values.tolist(), k.n_average_rows
    ([['1814', 0.796], ['0180', 0.87]], 1)
    """
    index = ColumnIndex(table.columns, table.source, table.sheet)
    pos = index.resolve_roles(KOLADA_ROLES, required=["kpi", "value"])
    where = Location(table.source, table.sheet)
    if "municipality_id" not in pos and "municipality" not in pos:
        raise DataError("a Kolada table needs a municipality_id or municipality column", where,
                        code="kolada_needs_municipality")  # fmt: skip
    frame = table.frame
    col = {role: table.columns[p] for role, p in pos.items()}
    rows = table.row_numbers
    log = ExclusionLog(table.source, table.sheet)
    ids = fold_text(frame.iloc[:, pos["kpi"]])
    if known is None:
        kpi = frame.iloc[:, pos["kpi"]].astype("string").str.strip()
    else:
        by_name = {k.casefold(): k for k in known}
        kpi = ids.map(by_name)
        if kpi_map:
            mapped = {i.casefold(): n for i, n in kpi_map.items() if n in known}
            kpi = kpi.fillna(ids.map(mapped))
        if "kpi_name" in pos:
            kpi = fold_text(frame.iloc[:, pos["kpi_name"]]).map(by_name).fillna(kpi)
    use = np.array(kpi.notna(), dtype=bool)  # a writable copy (pandas hands out read-only views)
    ignored = tuple(sorted(set(frame.iloc[~use, pos["kpi"]].astype(str))))
    if not use.any():
        wanted_names = ", ".join(sorted(known or ()))
        raise DataError(
            f"no row holds a known KPI (by kpi, kpi_name or the KPI map: {wanted_names}); "
            f"the file has {', '.join(ignored[:8])}",
            where,
            code="kolada_no_known_kpi",
            facts={"names": wanted_names, "ignored": ", ".join(ignored[:8])},
        )
    wanted = GENDERS.get(gender.strip().casefold())
    if wanted is None:
        raise UsageError(f"--gender takes T (total), K (women) or M (men); got {gender!r}",
                         code="gender_value", facts={"value": gender})  # fmt: skip
    if "gender" in pos:  # one gender: Kolada splits some KPIs by gender
        genders = fold_text(frame.iloc[:, pos["gender"]]).map(GENDERS)
        no_gender = genders.isna() & fold_text(frame.iloc[:, pos["gender"]]).isna()
        keep = genders.eq(wanted).fillna(False) | (no_gender if wanted == "T" else False)
        use &= np.array(keep, dtype=bool)
    elif wanted != "T":
        raise UsageError(f"--gender {wanted}: the file has no gender (kön) column", where,
                         code="gender_no_column", facts={"gender": wanted})  # fmt: skip
    mun_id = (
        _municipality_ids(frame.iloc[:, pos["municipality_id"]])
        if "municipality_id" in pos
        else np.full(len(frame), None, dtype=object)
    )
    ids_text = pd.Series(mun_id, dtype="string")
    average = np.array((ids_text.eq("0000") | ids_text.str.match(r"[Gg]")).fillna(False), bool)
    n_average = int((use & average).sum())
    use &= ~average
    names = (
        to_objects(frame.iloc[:, pos["municipality"]].astype("string").str.strip())
        if "municipality" in pos
        else np.full(len(frame), None, dtype=object)
    )
    period = np.full(len(frame), np.nan)
    if "period" in pos:
        period = pd.to_numeric(
            frame.iloc[:, pos["period"]].astype("string").str.strip(), errors="coerce"
        ).to_numpy(dtype=float, na_value=np.nan)
    text = fold_text(frame.iloc[:, pos["value"]])
    blank = text.isna().to_numpy(dtype=bool)
    missing = text.isin(NOT_AVAILABLE).to_numpy(dtype=bool, na_value=False)
    value = pd.to_numeric(text.str.replace(",", ".", regex=False), errors="coerce")
    value_arr = np.array(value.to_numpy(dtype=float, na_value=np.nan), dtype=float)
    bad = ~blank & ~missing & np.isnan(value_arr)
    why = reasons(len(frame), blank=use & blank, not_available=use & missing,
                  unparseable=use & bad)  # fmt: skip
    cells = frame.iloc[:, pos["value"]].to_numpy(dtype=object)
    held_in = _cell_columns(table, col["value"])
    for name in pd.unique(held_in):  # a loop over a wide file's year columns, not rows
        at = held_in == name
        log.add(rows[at], str(name), cells[at], why[at])
    if strict:
        log.raise_if_strict()
    kpi_arr = to_objects(kpi)
    scale = np.where(np.isin(kpi_arr.astype(str), list(percent)), 0.01, 1.0)
    status = np.full(len(frame), None, dtype=object)
    if "status" in pos:
        status = to_objects(blank_to_missing(frame.iloc[:, pos["status"]].astype("string")
                                             .str.strip()))  # fmt: skip
    titles = np.full(len(frame), None, dtype=object)
    if "kpi_name" in pos:
        titles = to_objects(blank_to_missing(frame.iloc[:, pos["kpi_name"]].astype("string")
                                             .str.strip()))  # fmt: skip
    out = pd.DataFrame(
        {
            "kpi": kpi_arr,
            "municipality_id": mun_id,
            "municipality": names,
            "period": period,
            "value": value_arr * scale,
            "kpi_id": to_objects(frame.iloc[:, pos["kpi"]].astype("string").str.strip()),
            "kpi_title": titles,
            "status": status,
        }
    )[use & ~np.isnan(value_arr)]
    key = out["municipality_id"].fillna(out["municipality"].map(str.casefold, na_action="ignore"))
    keys = pd.concat([out["kpi"], key, out["period"]], axis=1)
    _raise_on_conflict(out, keys, rows, cells, where)
    dup = keys.duplicated().to_numpy()
    if dup.any():  # the same value twice (a conflicting one was an error above)
        at = out.index.to_numpy()[dup]
        for name in pd.unique(held_in[at]):  # a loop over year columns, not rows
            same = at[held_in[at] == name]
            log.add(rows[same], str(name), cells[same],
                    np.full(len(same), "duplicate", dtype=object))  # fmt: skip
        out = out[~dup]
        if strict:
            log.raise_if_strict()
    flag_counts = out["status"].value_counts()
    flags = {str(k): int(flag_counts[k]) for k in sorted(flag_counts.index)}
    return KoladaData(table, out.reset_index(drop=True), ignored, n_average, log.counts(),
                      log.to_frame(), flags, wanted)  # fmt: skip


def _cell_columns(table: RawTable, value_column: str) -> np.ndarray:
    """The column each row's value was read from, as the file names it: a wide download's year
    column ("2024", kept by :func:`~servqual_cli.io.kolada_files.widen_to_long`), else the
    value column (review 12a, finding 6: not the made-up "värde")."""
    if SOURCE_COLUMN in table.columns:
        source = table.frame.iloc[:, table.columns.index(SOURCE_COLUMN)]
        return np.asarray(source.astype(str).str.strip().to_numpy(dtype=object), dtype=object)
    return np.full(len(table.frame), value_column, dtype=object)


def _raise_on_conflict(
    out: pd.DataFrame, keys: pd.DataFrame, rows: np.ndarray, cells: np.ndarray, where: Location
) -> None:
    """Two rows of one KPI, municipality and year with different values are an error (review
    12a, finding 7: the first one silently won, as when two downloads are pasted together after
    Kolada revised a value). Equal values are a counted duplicate. Names both rows (the first
    conflict in file order), the KPI, the municipality, the year and both values as written.
    """
    if not keys.duplicated().any():
        return
    groups = keys.set_axis(["k", "m", "p"], axis=1).groupby(["k", "m", "p"], dropna=False,
                                                              sort=False).ngroup()  # fmt: skip
    first = out["value"].groupby(groups.to_numpy(), sort=False).transform("first")
    differs = ~np.isclose(out["value"].to_numpy(dtype=float), first.to_numpy(dtype=float),
                          rtol=0.0, atol=1e-12)  # fmt: skip
    if not differs.any():
        return
    late = int(np.flatnonzero(differs)[0])
    same = np.flatnonzero(groups.to_numpy() == groups.to_numpy()[late])
    early = int(same[0])
    i, j = out.index[early], out.index[late]
    row_a, row_b = int(rows[i]), int(rows[j])
    kpi = str(out["kpi_id"].iloc[late])
    name, code = out["municipality"].iloc[early], out["municipality_id"].iloc[early]
    who = str(name) if isinstance(name, str) and name else str(code)
    period = out["period"].iloc[late]
    year = "" if np.isnan(period) else f", {int(period)}"
    a, b = str(cells[i]).strip(), str(cells[j]).strip()
    raise DataError(
        f"rows {row_a} and {row_b}: {kpi}, {who}{year} has two values ({a} and {b}); keep one "
        "(two downloads pasted together after Kolada revised a value?)",
        where,
        code="kolada_conflicting_duplicate",
        facts={"row_a": row_a, "row_b": row_b, "kpi": kpi, "who": who, "year": year, "a": a,
               "b": b},
    )  # fmt: skip
