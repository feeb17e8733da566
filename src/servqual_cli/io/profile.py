"""What the loader found in a file, for ``servqual describe``: the reading facts, and per column
its type, values, missing answers and whether it looks like a rating-scale (Likert) item.

Each column is summarised through its distinct values (:func:`pandas.Series.value_counts`), so
the work per column is a few vectorised passes, whatever the number of rows.
"""

from __future__ import annotations

import datetime
import io
import math
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from servqual_cli.io.columns import encoding_advice, excel_letter
from servqual_cli.io.read import RawTable
from servqual_cli.io.values import (
    DONT_KNOW,
    NOT_APPLICABLE,
    NOT_AVAILABLE,
    builtin_labels,
    fold,
    parse_scale_values,
)

__all__ = ["ColumnProfile", "FileProfile", "first_readable_sheet", "profile_table", "sheet_names"]

#: Likert-looking: at least 80 % of the answers whole numbers, at most this many distinct
#: values, within 0..10 with a highest answer of at least 3. The scale is taken to start at 1
#: (0 when a 0 is seen) and to end at the usual length at or above the highest answer.
#: Also Likert-looking (review 11, finding 1): every text answer one of the built-in labels of
#: the 5- or 7-point set (io.answer_words), at least 3 of them; and (finding 3) a 1..k scale
#: with one far code beside it (9 or 99 or 999 above it, 0 below a 1-5 or 1-7 scale), the
#: "Vet ej" code of Survey&Report and SPSS exports.
MAX_POINTS = 11
#: The far codes that can mean "no answer" beside a scale, and the highest scale point each
#: may stand beside (a 9 on a 1-10 scale is an answer).
FAR_CODES = {9: 7, 99: 10, 999: 10}
#: A 0 is a code only beside these scales, and in at most this share of the answers (a 0-10
#: scale, or a 0-4 symptom scale, starts at 0).
ZERO_CODE_TOPS = (5, 7)
ZERO_CODE_SHARE = 0.05
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
    if name not in table.codes:
        return labelled
    coded = _profile_column(with_spss_codes(table, name, table.frame.iloc[:, j]), j, name)
    return coded if coded.scale is not None else labelled


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
    kind, scale, not_numbers, labels, code = _kind_and_scale(col, answers)
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


def _kind_and_scale(
    col: pd.Series, answers: pd.Series
) -> tuple[
    str,
    tuple[int, int] | None,
    tuple[tuple[str, int], ...],
    tuple[tuple[str, int], ...],
    int | None,
]:
    """Type from the distinct answers; a scale when they are mostly small whole numbers (with at
    most one far code beside them), or all built-in labels of one scale length. Also the labels
    the scale was read from, and the far code."""
    if answers.empty:
        return "empty", None, (), (), None
    head = col.dropna().head(20)
    if pd.api.types.is_datetime64_any_dtype(col.dtype) or (
        len(head) and all(isinstance(v, datetime.date) for v in head)
    ):
        return "date", None, (), (), None
    values, _ = parse_scale_values(pd.Series(answers.index, dtype=object), (-math.inf, math.inf))
    is_number = ~np.isnan(values)
    weight = answers.to_numpy(dtype=float)
    share = float(weight[is_number].sum() / weight.sum())
    kind = "number" if share == 1.0 else "text" if share < 0.5 else "mixed"
    pairs = zip(answers.index, answers, is_number, strict=True)
    not_numbers = tuple((str(v), int(c)) for v, c, ok in pairs if not ok)[:5]
    numbers = values[is_number]
    # A row counter (1, 2, 3 ... down the rows) in a small file is no rating item.
    counter = share == 1.0 and bool(np.all(weight == 1)) and _counts_rows(col)
    whole = bool(np.all(numbers == np.round(numbers)))
    if share >= 0.8 and len(numbers) and whole and not counter:
        code = _far_code(numbers, weight[is_number])
        keep = numbers != code if code is not None else np.ones(len(numbers), dtype=bool)
        scale = _number_scale(numbers[keep], weight[is_number][keep], weight.sum())
        if scale is not None:
            return kind, scale, not_numbers, (), code
    # rare strays (under 1 %, as an export's "Antal svar" row) do not spoil a labelled column
    labelled = _label_scale(
        answers.index[~is_number], numbers[weight[is_number] >= 0.01 * weight.sum()]
    )
    if labelled is not None:
        return kind, labelled[0], not_numbers, labelled[1], None
    return kind, None, not_numbers, (), None


def _number_scale(numbers: np.ndarray, weight: np.ndarray, total: float) -> tuple[int, int] | None:
    """The scale of whole-number answers: rare stray answers (a 9 on a 1-7 scale) do not set
    it: only values given by at least 1 % of the respondents count for its ends."""
    common = numbers[weight >= 0.01 * total]
    if not len(common):
        return None
    lo, hi = int(common.min()), int(common.max())
    if lo >= 0 and 3 <= hi <= 10 and len(numbers) <= MAX_POINTS:
        return (0 if lo == 0 else 1, _scale_top(hi))
    return None


def _far_code(numbers: np.ndarray, weight: np.ndarray) -> int | None:
    """The one distinct value standing apart from a 1..k scale: 9, 99 or 999 above it, or a rare
    0 below a 1-5 or 1-7 scale (see :data:`FAR_CODES`); None if there is none. Rare strays (under
    1 % of the answers, as a count row's 386) do not count against it.

    >>> w = np.ones(8)
    >>> _far_code(np.array([1.0, 2, 3, 4, 5, 6, 7, 99]), w), _far_code(np.arange(1.0, 9), w)
    (99, None)
    >>> _far_code(np.array([1.0, 2, 3, 4, 5, 9]), w[:6]), _far_code(np.arange(1.0, 11), np.ones(10))
    (9, None)
    >>> _far_code(np.array([1.0, 2, 3, 4, 5, 99, 386]), np.array([50, 50, 50, 50, 50, 9, 1.0]))
    99
    >>> _far_code(np.array([0.0, 1, 2, 3, 4, 5]), np.array([1, 30, 30, 30, 30, 30.0]))
    0
    >>> _far_code(np.arange(0.0, 11), np.ones(11)) is None  # a 0-10 scale
    True
    """
    common = weight >= 0.01 * weight.sum()
    for code in sorted(FAR_CODES, reverse=True):
        if code in numbers:
            rest = numbers[common & (numbers != code)]
            if len(rest) >= 3 and rest.min() >= 0 and rest.max() <= FAR_CODES[code]:
                return code
    if 0 in numbers and weight[numbers == 0].sum() <= ZERO_CODE_SHARE * weight.sum():
        rest = numbers[common & (numbers != 0)]
        if len(rest) >= 3 and rest.min() == 1 and int(rest.max()) in ZERO_CODE_TOPS:
            return 0
    return None


def _label_scale(
    texts: pd.Index, numbers: np.ndarray
) -> tuple[tuple[int, int], tuple[tuple[str, int], ...]] | None:
    """A 1-5 or 1-7 scale when every text answer is a built-in label of that length (the
    shorter when both fit: MS Forms' "Instämmer inte alls … Neutral … Instämmer helt" is 5
    points) and at least 3 answers differ; the labels as written with their values.
    ``numbers``: the answers that are numbers (rare strays left out by the caller).

    >>> _label_scale(pd.Index(["Mycket nöjd", "Ganska nöjd", "Varken eller"]), np.array([]))
    ((1, 5), (('Varken eller', 3), ('Ganska nöjd', 4), ('Mycket nöjd', 5)))
    >>> _label_scale(pd.Index(["Ja", "Nej", "Mycket nöjd"]), np.array([])) is None
    True
    """
    if not len(texts):
        return None
    folded = [fold(t) for t in texts]
    for points in (5, 7):
        table = builtin_labels(1, points)
        if not all(f in table for f in folded):
            continue
        if len(numbers) and not np.all(np.isin(numbers, np.arange(1, points + 1))):
            continue
        found = {int(table[f]) for f in folded} | {int(n) for n in numbers}
        if len(found) < 3:
            return None
        pairs = sorted(((str(t), int(table[f])) for t, f in zip(texts, folded, strict=True)),
                       key=lambda p: (p[1], p[0]))  # fmt: skip
        return (1, points), tuple(pairs)
    return None


def _counts_rows(col: pd.Series) -> bool:
    """Whether ``col`` goes up by one from each row to the next (a respondent number).

    >>> _counts_rows(pd.Series([1, 2, 3])), _counts_rows(pd.Series([4, 5, 2, 3]))
    (True, False)
    """
    values = pd.to_numeric(col.dropna(), errors="coerce").to_numpy(dtype=float)
    return len(values) >= 2 and bool(np.all(np.diff(values) == 1))


def _scale_top(observed: int) -> int:
    """The usual scale length at or above the highest answer seen (4, 5, 6, 7, 10)."""
    return (
        observed if observed in (4, 5, 6, 7, 10) else next(t for t in (5, 7, 10) if t >= observed)
    )


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
