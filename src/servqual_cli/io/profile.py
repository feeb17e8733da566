"""What the loader found in a file, for ``servqual describe``: the reading facts, and per column
its type, values, missing answers and whether it looks like a rating-scale (Likert) item.

Each column is summarised through its distinct values (:func:`pandas.Series.value_counts`), so
the work per column is a few vectorised passes, whatever the number of rows. Whether a column
is a rating-scale item is decided in :mod:`servqual_cli.io.profile_scale`.
"""

from __future__ import annotations

import datetime
import io
import re
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from servqual_cli.io.columns import encoding_advice, excel_letter
from servqual_cli.io.profile_scale import kind_and_scale, labelled_scale
from servqual_cli.io.read import RawTable
from servqual_cli.io.values import DONT_KNOW, NOT_APPLICABLE, NOT_AVAILABLE, fold

__all__ = ["ColumnProfile", "FileProfile", "first_readable_sheet", "profile_table", "sheet_names"]

_COMMA_DECIMAL = re.compile(r"^\s*-?\d+,\d+\s*$")
_POINT_DECIMAL = re.compile(r"^\s*-?\d+\.\d+\s*$")
FORMATS = {".csv": "CSV", ".tsv": "TSV", ".txt": "text", ".xlsx": "Excel workbook",
           ".xlsm": "Excel workbook", ".xls": "Excel 97-2003 workbook",
           ".ods": "OpenDocument spreadsheet", ".parquet": "Parquet", ".sav": "SPSS"}  # fmt: skip


@dataclass(frozen=True)
class ColumnProfile:
    """One column: ``kind`` is ``number``, ``text``, ``date``, ``mixed`` or ``empty``;
    ``missing`` counts blank cells and answers meaning "no answer"; ``top`` the five most
    frequent values; ``scale`` (min, max) when the column looks like a rating-scale item."""

    position: int
    name: str
    kind: str
    n_values: int
    missing: dict[str, int]
    distinct: int
    top: tuple[tuple[str, int], ...]
    scale: tuple[int, int] | None
    not_numbers: tuple[tuple[str, int], ...] = ()
    not_dates: tuple[tuple[str, int], ...] = ()  # the other values of a column of dates
    n_not_dates: int = 0  # all of them (not_dates lists the five most frequent)
    first_not_date_row: int | None = None  # the file's row of the first such cell
    scale_labels: tuple[tuple[str, int], ...] = ()  # the scale read from built-in labels
    far_code: int | None = None  # one value beside the scale, probably "no answer" (99)
    n_far_code: int = 0  # its cells
    # SPSS codes declared missing with no "no answer" label (a 98), and their cells: counted
    # under missing["declared_missing"], not as blank cells (io.spss_missing; session 18)
    declared_codes: tuple[tuple[str, int], ...] = ()
    # the scale's ends from an SPSS column's value labels (1 "Instämmer inte alls", 7
    # "Instämmer helt"), not from the answers given (review 18, finding 9)
    scale_from_labels: bool = False

    @property
    def letter(self) -> str:
        return excel_letter(self.position)

    def to_dict(self) -> dict[str, Any]:
        return {
            "position": self.position + 1,
            "letter": self.letter,
            "name": self.name,
            "type": self.kind,
            "n_values": self.n_values,
            "missing": dict(self.missing),
            "distinct": self.distinct,
            "top": [{"value": v, "count": c} for v, c in self.top],
            "likert": None if self.scale is None else {"min": self.scale[0], "max": self.scale[1]},
            "not_numbers": [{"value": v, "count": c} for v, c in self.not_numbers],
            "not_dates": [{"value": v, "count": c} for v, c in self.not_dates],
            "n_not_dates": self.n_not_dates,
            "first_not_date_row": self.first_not_date_row,
            "scale_labels": [{"label": t, "value": v} for t, v in self.scale_labels],
            "far_code": None
            if self.far_code is None
            else {"value": self.far_code, "count": self.n_far_code},
            "declared_codes": [{"value": v, "count": c} for v, c in self.declared_codes],
            "likert_from": None
            if self.scale is None
            else ("value_labels" if self.scale_from_labels else "answers"),
        }


@dataclass(frozen=True)
class FileProfile:
    """The whole file: reading facts and the column profiles."""

    file: str
    format: str
    sheet: str | None
    sheets: tuple[str, ...]
    encoding: str | None
    encoding_reason: str | None
    delimiter: str | None
    decimal: str | None
    header_row: int
    n_rows: int
    columns: tuple[ColumnProfile, ...]
    input: dict[str, Any]
    skipped_sheets: tuple[tuple[str, str], ...] = ()
    encoding_advice: str = ""

    @property
    def likert(self) -> tuple[ColumnProfile, ...]:
        return tuple(c for c in self.columns if c.scale is not None)

    @property
    def duplicate_names(self) -> tuple[tuple[str, tuple[int, ...]], ...]:
        """Header names that more than one column has (folded as the commands look names up,
        :func:`~servqual_cli.io.columns.normalise`), each with its columns' 0-based positions:
        the commands refuse such a name, so describe names them (review 11, finding 1)."""
        from servqual_cli.io.columns import normalise

        seen: dict[str, list[int]] = {}
        for c in self.columns:
            seen.setdefault(normalise(c.name), []).append(c.position)
        return tuple((self.columns[pos[0]].name, tuple(pos)) for pos in seen.values()
                     if len(pos) > 1)  # fmt: skip

    def to_dict(self) -> dict[str, Any]:
        return {
            "input": self.input,
            "format": self.format,
            "sheet": self.sheet,
            "sheets": list(self.sheets),
            "encoding": self.encoding,
            "encoding_reason": self.encoding_reason,
            "delimiter": self.delimiter,
            "decimal": self.decimal,
            "header_row": self.header_row,
            "n_rows": self.n_rows,
            "skipped_sheets": [{"sheet": s, "why": w} for s, w in self.skipped_sheets],
            "encoding_advice": self.encoding_advice or None,
            "n_columns": len(self.columns),
            "duplicate_names": [
                {"name": n, "letters": [excel_letter(i) for i in pos]}
                for n, pos in self.duplicate_names
            ],
            "columns": [c.to_dict() for c in self.columns],
        }


def profile_table(
    table: RawTable,
    encoding_forced: bool = False,
    skipped_sheets: tuple[tuple[str, str], ...] = (),
) -> FileProfile:
    """Describe ``table`` (read by :func:`servqual_cli.io.read.read_table`).

    ``encoding_forced``: the user gave ``--encoding`` (the reason then says so);
    ``skipped_sheets``: (sheet, why) for sheets before it that could not be read.

    Examples
    --------
    >>> import numpy as np
    >>> frame = pd.DataFrame({"Kön": ["K", "M", "K"], "E1": ["5", "Vet ej", "7"]}, dtype=object)
    >>> t = RawTable(frame, "a.csv", None, 1, np.arange(2, 5), "0" * 64, "utf-8", ",")
    >>> p = profile_table(t)
    >>> [(c.name, c.kind, c.scale, c.missing) for c in p.columns]
    [('Kön', 'text', None, {}), ('E1', 'number', (1, 7), {'vet ej': 1})]
    """
    described = table.describe()
    columns = tuple(_profile_any(table, j) for j in range(table.frame.shape[1]))
    suffix = Path(table.source).suffix.lower()
    fmt = "CSV (standard input)" if table.source == "<stdin>" else FORMATS.get(suffix, suffix)
    return FileProfile(
        file=str(described.get("file", table.source)),
        format=fmt,
        sheet=table.sheet,
        sheets=sheet_names(table.source) if table.sheet is not None else (),
        encoding=table.encoding,
        encoding_reason=described.get("encoding_reason")
        or _encoding_reason(table.encoding, encoding_forced),
        delimiter=table.delimiter,
        decimal=_decimal_mark(table.frame) if table.encoding is not None else None,
        header_row=table.header_row,
        n_rows=len(table.frame),
        columns=columns,
        input=described,
        skipped_sheets=skipped_sheets,
        encoding_advice=encoding_advice(table)[2:],
    )


def _profile_any(table: RawTable, j: int) -> ColumnProfile:
    """A column's profile; a labelled SPSS column is profiled by its codes when they make a
    rating scale, as the survey loader reads it (labels such as "Mycket bra" on the ends would
    otherwise hide the scale), else by its labels (a service unit coded 1-4 shows its names)."""
    from servqual_cli.io.item_roles import with_spss_codes

    name = str(table.columns[j])
    labelled = _profile_column(table.frame.iloc[:, j], j, name, table.row_numbers)
    if name in table.codes:
        coded = _profile_column(with_spss_codes(table, name, table.frame.iloc[:, j]), j, name)
        labelled = coded if coded.scale is not None else labelled
        labelled = _labelled_ends(labelled, table.value_labels.get(name, {}))
    declared = table.user_missing.get(name)
    return labelled if declared is None else _with_declared(labelled, declared)


def _labelled_ends(profile: ColumnProfile, labels: dict[Any, str]) -> ColumnProfile:
    """``profile`` whose scale runs between its labelled scale points when they span the
    answers (:func:`~servqual_cli.io.profile_scale.labelled_scale`; review 18, finding 9)."""
    ends = None if profile.scale is None else labelled_scale(profile.scale, labels)
    return profile if ends is None else replace(profile, scale=ends, scale_from_labels=True)


def _with_declared(profile: ColumnProfile, declared: pd.Series) -> ColumnProfile:
    """``profile`` with an SPSS column's declared-missing codes (their cells are blank in the
    frame: :func:`servqual_cli.io.spss_missing.split_declared`) counted as what they are, a
    declared missing code and which, not as blank cells: "tomma 2" where the cells held 98
    declared missing sent the analyst looking for empty cells (session 18).

    >>> p = ColumnProfile(0, "P2", "number", 10, {"blank": 4}, 3, (), (1, 6))
    >>> q = _with_declared(p, pd.Series([None, "98", "98", None, "97"], dtype=object))
    >>> q.missing, q.declared_codes
    ({'blank': 1, 'declared_missing': 3}, (('97', 1), ('98', 2)))
    """
    counts = declared.dropna().value_counts().sort_index()
    n = int(counts.sum())
    if not n:
        return profile
    missing = dict(profile.missing)
    missing["blank"] = missing.get("blank", 0) - n
    if missing["blank"] <= 0:
        del missing["blank"]
    missing["declared_missing"] = n
    codes = tuple((str(v), int(c)) for v, c in counts.items())
    return replace(profile, missing=missing, declared_codes=codes)


def _profile_column(
    col: pd.Series, position: int, name: str, rows: np.ndarray | None = None
) -> ColumnProfile:
    # Distinct values first, then Python work per distinct value only.
    raw = col.astype(object).value_counts(dropna=True, sort=False)
    is_date = np.array([isinstance(v, datetime.date) for v in raw.index], dtype=bool)
    # Dates stored as text (a CSV export): ISO 8601, the form the commands read as dates
    # (io.cells.parse_dates), so describe types the column as they will read it.
    is_date |= _iso_date_text(raw.index)
    shown = pd.DataFrame({"value": [_show(v) for v in raw.index], "count": raw.to_numpy(),
                          "date": is_date})  # fmt: skip
    vc = shown.groupby("value", sort=False).agg(count=("count", "sum"), date=("date", "max"))
    vc = vc.reset_index()
    vc = vc.sort_values(["count", "value"], ascending=[False, True], kind="stable")
    blank = vc["value"].eq("").to_numpy(dtype=bool)
    missing: dict[str, int] = {}
    n_blank = int(col.isna().sum()) + int(vc["count"][blank].sum())
    if n_blank:
        missing["blank"] = n_blank
    vc = vc[~blank]
    folded = vc["value"].map(fold)
    no_answer = folded.isin(DONT_KNOW | NOT_APPLICABLE | NOT_AVAILABLE).to_numpy(dtype=bool)
    for value, n in zip(folded[no_answer], vc["count"][no_answer], strict=True):
        missing[str(value)] = missing.get(str(value), 0) + int(n)
    answers = pd.Series(vc["count"][~no_answer].to_numpy(), index=vc["value"][~no_answer])
    n_values = int(answers.sum())
    top = tuple((str(v), int(c)) for v, c in answers.head(5).items())
    kind, scale, not_numbers, labels, code = kind_and_scale(col, answers)
    n_code = 0 if code is None else int(answers[_is_value(answers.index, code)].sum())
    dates = vc["date"][~no_answer].to_numpy(dtype=bool)
    not_dates: tuple[tuple[str, int], ...] = ()
    n_not_dates, first_row = 0, None
    if kind != "date" and dates.any() and answers[dates].sum() * 2 >= n_values:
        # mostly dates, and a few cells that are not (review 4, finding 22: 51 dates and
        # "okänt" were typed "text" without a word on the one cell that spoils the column)
        kind, not_numbers, scale = "date", (), None
        not_dates = tuple((str(v), int(c)) for v, c in answers[~dates].head(5).items())
        n_not_dates = int(answers[~dates].sum())
        if n_not_dates and rows is not None:
            others = set(answers.index[~dates])
            keys = [v for v, s in zip(raw.index, shown["value"], strict=True) if s in others]
            hit = np.flatnonzero(col.isin(keys).to_numpy(dtype=bool))
            first_row = int(rows[hit[0]]) if hit.size else None
    if scale is None:
        labels, code, n_code = (), None, 0
    return ColumnProfile(position, name, kind if n_values else "empty", n_values, missing,
                         len(answers), top, scale, not_numbers, not_dates, n_not_dates,
                         first_row, labels, code, n_code)  # fmt: skip


def _is_value(index: pd.Index, value: int) -> np.ndarray:
    """Which shown answers are the number ``value`` ("99", "99.0")."""
    numbers = pd.to_numeric(pd.Series(index, dtype=object), errors="coerce").to_numpy(float)
    return np.asarray(numbers == value, dtype=bool)


_ISO_DATE = r"^\s*\d{4}-\d{2}-\d{2}(?:[T ]\d{1,2}[:.]\d{2}(?:[:.]\d{2}(?:[.,]\d+)?)?)?\s*$"
# Swedish forms ("2024-03-05 kl. 14.30", "5 mars 2024"): a letter and a year; parse_dates decides.
_WRITTEN_DATE = r"(?i)^(?=.*[a-zåäö])(?=.*\d{4}).*\d"


def _iso_date_text(values: pd.Index) -> np.ndarray:
    """Which distinct values are text holding an ISO 8601 date or date-time (or a Swedish one) that
    :func:`~servqual_cli.io.cells.parse_dates` reads (a date, not a number such as 2024).

    >>> _iso_date_text(pd.Index(["2024-03-05", "2024-03-05 14.30", "2024-13-40", "okänt", 2024,
    ...                          "5 mars 2024", "mars 2024"], dtype=object)).tolist()
    [True, True, False, False, False, True, False]
    """
    from servqual_cli.io.cells import parse_dates

    text = pd.Series(values, dtype=object)
    is_text = text.map(lambda v: isinstance(v, str)).to_numpy(dtype=bool)
    out = np.zeros(len(text), dtype=bool)
    if not is_text.any():
        return out
    strings = text[is_text].astype("string")
    shaped = (strings.str.match(_ISO_DATE) | strings.str.match(_WRITTEN_DATE)).fillna(False)
    candidates = np.flatnonzero(is_text)[shaped.to_numpy(dtype=bool)]
    if candidates.size:
        _, why = parse_dates(text.iloc[candidates].reset_index(drop=True))
        out[candidates] = np.array([w is None for w in why], dtype=bool)
    return out


def _show(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value).strip()


def _decimal_mark(frame: pd.DataFrame) -> str | None:
    """``,`` or ``.`` by which form decimal numbers in text cells take; None if no decimals."""
    text = frame.head(2000).stack().astype(str)  # text files: every cell is a string or None
    if text.empty:
        return None
    comma = int(text.str.match(_COMMA_DECIMAL).sum())
    point = int(text.str.match(_POINT_DECIMAL).sum())
    if comma == point == 0:
        return None
    return "," if comma > point else "."


def _encoding_reason(encoding: str | None, forced: bool) -> str | None:
    if encoding is None:
        return None
    if forced:
        return "given with --encoding"
    return {
        "utf-8-sig": "UTF-8 byte-order mark",
        "utf-16": "UTF-16 byte-order mark",
        "utf-8": "valid UTF-8",
        "cp1252": "not UTF-8, so Windows-1252 as Swedish Excel saves CSV; if names look "
        "garbled, try --encoding",
    }.get(encoding, "detected")


def sheet_names(source: str) -> tuple[str, ...]:
    """Every sheet of the workbook (for "the other sheets"); empty if it cannot be listed."""
    try:
        import python_calamine

        data = Path(source).read_bytes()
        wb = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(data))
        return tuple(str(n) for n in wb.sheet_names)
    except Exception:  # the table was read already; a listing failure only hides other sheets
        return ()


def first_readable_sheet(
    path: str, error: Exception, encoding: str | None, header_row: int | None
) -> tuple[RawTable, tuple[tuple[str, str], ...]]:
    """When the first sheet cannot be read (a title page, an empty sheet), the first that can,
    with the reasons for the ones skipped; ``error`` is raised again if none can."""
    from servqual_cli.errors import ServqualError
    from servqual_cli.io.read import read_table

    names = sheet_names(path)
    skipped: list[tuple[str, str]] = []
    for name in names:
        try:
            return read_table(path, sheet=name, encoding=encoding, header_row=header_row), tuple(
                skipped
            )
        except ServqualError as exc:
            skipped.append((name, exc.message))
    raise error
