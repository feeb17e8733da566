"""Split decoded CSV text into rows, refusing what would silently lose or merge rows.

Two readers give the same rows: the fast one hands the text to ``pyarrow.csv`` (strings only,
parsed in C) when the file is simple (no field spans lines, no blank lines, every row as wide as
the header); the standard-library reader is the fallback that can name the line of any
problem. The fallback refuses:

- a quote that opens a field and swallows later lines that look like rows (a stray quote would
  otherwise merge the rest of the file into one cell);
- a quote never closed, a field longer than :data:`~servqual_cli.io.limits.MAX_FIELD_CHARS`,
  a line with more fields than :data:`~servqual_cli.io.limits.MAX_COLUMNS`.
"""

from __future__ import annotations

import csv
import io

import numpy as np

from servqual_cli.errors import DataError, Location
from servqual_cli.io.limits import Limits

__all__ = ["DELIMITERS", "detect_delimiter", "split_rows"]

DELIMITERS = (";", ",", "\t")


def detect_delimiter(lines: list[str]) -> str:
    """The delimiter whose per-line count is most consistent and largest in the first lines.

    >>> detect_delimiter(["Titel;;", "a;b;c", "1;2,5;3"])
    ';'
    >>> detect_delimiter(["a,b,c", "1,2,3"])
    ','
    """
    best, best_score = ",", -1.0
    sample = [ln for ln in lines if ln.strip()][:50]
    for delim in DELIMITERS:
        counts = [ln.count(delim) for ln in sample]
        if not counts or max(counts) == 0:
            continue
        modal = max(set(counts), key=lambda c: (counts.count(c), c))
        # Prefer a delimiter that splits most lines the same way, then more columns.
        score = counts.count(modal) / len(counts) * 1000 + modal
        if modal > 0 and score > best_score:
            best, best_score = delim, score
    return best


def _modal_fields(lines: list[str], delim: str) -> int:
    counts = [ln.count(delim) for ln in lines if ln.strip()][:50]
    if not counts:
        return 0
    return max(set(counts), key=lambda c: (counts.count(c), c))


def split_rows(
    text: str, delim: str, source: str, lim: Limits
) -> tuple[list[list[str]], np.ndarray]:
    """Rows of fields and, per row, the 1-based line it starts on (standard-library reader).

    >>> rows, lines = split_rows('a;b\\n"x\\ny";1\\n2;3\\n', ";", "a.csv", Limits())
    >>> rows, lines.tolist()
    ([['a', 'b'], ['x\\ny', '1'], ['2', '3']], [1, 2, 4])
    >>> split_rows('a;b\\n"x;1\\n2;3\\n4;5\\n', ";", "a.csv", Limits())
    Traceback (most recent call last):
    servqual_cli.errors.DataError: a.csv: a quote opens a field on line 2 and is never closed; \
the rest of the file would be one cell (a stray quote?)
    """
    csv.field_size_limit(lim.max_field_chars)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delim, strict=True)
    rows: list[list[str]] = []
    if '"' not in text:  # no field can span lines: one row per line
        try:
            rows = list(reader)
        except csv.Error as exc:
            raise _csv_error(exc, reader.line_num, source, lim) from exc
        return rows, np.arange(1, len(rows) + 1, dtype=np.int64)
    starts: list[int] = []
    end = 0
    try:
        for row in reader:  # the fallback reader: it must know where each row starts
            starts.append(end + 1)
            end = reader.line_num
            rows.append(row)
    except csv.Error as exc:
        if "unexpected end of data" in str(exc):
            raise DataError(
                f"a quote opens a field on line {end + 1} and is never closed; "
                "the rest of the file would be one cell (a stray quote?)",
                Location(source), code="unclosed_quote", facts={"line": end + 1},
            ) from exc  # fmt: skip
        raise _csv_error(exc, reader.line_num, source, lim) from exc
    line_numbers = np.asarray(starts, dtype=np.int64)
    spans = np.diff(np.append(line_numbers, end + 1))
    if (spans > 1).any():
        _check_spanning(rows, line_numbers, spans, text, delim, source)
    return rows, line_numbers


def _check_spanning(
    rows: list[list[str]],
    starts: np.ndarray,
    spans: np.ndarray,
    text: str,
    delim: str,
    source: str,
) -> None:
    """Refuse a quoted field whose lines look like rows of the file (a stray quote)."""
    modal = _modal_fields(text[:65536].splitlines(), delim)
    if modal == 0:
        return
    for i in np.flatnonzero(spans > 1):  # only the rows whose fields span lines
        for value in rows[i]:
            inner = value.splitlines()
            if len(inner) > 1 and sum(ln.count(delim) >= modal for ln in inner) >= 1:
                raise DataError(
                    f"a quoted field opens on line {starts[i]} and runs to line "
                    f"{starts[i] + spans[i] - 1}, swallowing lines that look like rows "
                    "(a stray quote?); fix the quote or quote the field properly",
                    Location(source), code="quote_swallows_rows",
                    facts={"start": int(starts[i]), "end": int(starts[i] + spans[i] - 1)},
                )  # fmt: skip


def _csv_error(exc: csv.Error, line: int, source: str, lim: Limits) -> DataError:
    message = str(exc)
    if "field larger than field limit" in message:
        return DataError(
            f"line {line} has a field longer than {lim.max_field_chars:,} characters "
            "(a missing quote, or not a survey file?)",
            Location(source), code="field_too_long",
            facts={"line": line, "limit": lim.max_field_chars},
        )  # fmt: skip
    return DataError(f"line {line} is not valid CSV ({message})", Location(source),
                     code="csv_invalid_line", facts={"line": line, "reason": message})  # fmt: skip
