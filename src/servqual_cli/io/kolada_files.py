"""Kolada data as it comes: the API's JSON pages and kolada.se's wide downloads, as one long table.

Both become a :class:`~servqual_cli.io.raw_table.RawTable` with the columns of Kolada's data rows
(``kpi``, ``municipality_id``, ``period``, ``gender``, ``count``, ``status``, ``value``; the
downloads also ``kpi_name`` and ``municipality`` when they have them), which
:func:`servqual_cli.io.kolada.load_kolada` then cleans.

* **API JSON** (v2 and v3 data responses) [1]_: ``{"values": [{"kpi", "municipality",
  "period", "values": [{"gender", "count", "status", "value"}]}], "count", "next_page"}``. One
  file, a file holding a list of such pages, or several files (the pages of one download). The
  "row" of a value in messages is its position in the flattened list (1 = the first value).
* **Wide downloads**: one column per year (a header that is a 4-digit year), the other columns
  naming the KPI, municipality and gender (Swedish or English headers); melted to one row per
  year. ``Kön``: ``Totalt``/``Kvinnor``/``Män`` become ``T``/``K``/``M``.

JSON is parsed with :func:`json.loads` only: a hostile file is data, never code.

References
----------
.. [1] Kolada API, https://api.kolada.se/v3/docs and https://github.com/Hypergene/kolada (v2).
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from servqual_cli.errors import DataError, Location, UsageError
from servqual_cli.io.read import RawTable

__all__ = ["GENDERS", "SOURCE_COLUMN", "is_json", "kolada_json_table", "parse_pages",
           "widen_to_long"]  # fmt: skip

GENDERS = {"t": "T", "totalt": "T", "total": "T", "k": "K", "kvinnor": "K", "women": "K",
           "female": "K", "m": "M", "män": "M", "men": "M", "male": "M"}  # fmt: skip
_YEAR = re.compile(r"^\s*((?:19|20)\d\d)(?:\.0)?\s*$")  # a spreadsheet's 2021 reads as 2021.0
LONG_COLUMNS = ["kpi", "municipality_id", "period", "gender", "count", "status", "value"]
# A melted row's year column as the file names it ("2024"): the exclusions name that column, not
# the made-up "värde" (review 12a, finding 6). No role of io.kolada matches this name.
SOURCE_COLUMN = "_source_column"


def is_json(path: str) -> bool:
    """A ``.json`` file name."""
    return Path(path).suffix.casefold() == ".json"


def parse_pages(text: str, source: str) -> list[dict[str, Any]]:
    """The data rows of one JSON document: a page (``{"values": [...]}``) or a list of pages.

    >>> rows = parse_pages('{"values": [{"kpi": "U1", "municipality": "1814", "period": 2020,'
    ...     ' "values": [{"gender": "T", "value": 79.6}]}], "next_page": null}', "p.json")
    >>> rows[0]["municipality"], rows[0]["values"]
    ('1814', [{'gender': 'T', 'value': 79.6}])
    """
    where = Location(source)
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as exc:
        raise DataError(f"is not valid JSON (line {exc.lineno}, column {exc.colno})", where,
                        code="json_invalid",
                        facts={"line": exc.lineno, "col": exc.colno}) from None  # fmt: skip
    except RecursionError:
        raise DataError("is not valid JSON (nested too deeply)", where,
                        code="json_too_deep") from None  # fmt: skip
    pages = doc if isinstance(doc, list) else [doc]
    rows: list[dict[str, Any]] = []
    for number, page in enumerate(pages, start=1):  # a loop over pages, not values
        if not isinstance(page, dict) or not isinstance(page.get("values"), list):
            raise DataError(
                f"page {number} is not a Kolada data response (an object with a 'values' list)",
                where,
                code="json_not_kolada_page",
                facts={"number": number},
            )
        rows.extend(page["values"])
    return rows


def _flatten(rows: list[dict[str, Any]], source: str) -> pd.DataFrame:
    """One row per value of every data row (KPI x municipality x period x gender)."""
    where = Location(source)
    if not all(isinstance(r, dict) and isinstance(r.get("values"), list) for r in rows):
        raise DataError("every data row needs a 'values' list of {gender, value}", where,
                        code="json_row_without_values")  # fmt: skip
    for r in rows:  # v3 may name the municipality by id key
        if "municipality" not in r and "municipality_id" in r:
            r["municipality"] = r["municipality_id"]
    if not all(isinstance(v, dict) for r in rows for v in r["values"]):
        raise DataError("every entry of a 'values' list must be an object", where,
                        code="json_value_not_object")  # fmt: skip
    flat = pd.json_normalize(rows, record_path="values", meta=["kpi", "municipality", "period"],
                             errors="ignore")  # fmt: skip
    flat = flat.rename(columns={"municipality": "municipality_id"})
    for col in LONG_COLUMNS:
        if col not in flat:
            flat[col] = None
    return flat[LONG_COLUMNS].astype(object).where(flat[LONG_COLUMNS].notna(), None)


def kolada_json_table(paths: Sequence[str]) -> RawTable:
    """Read Kolada API JSON (one or more files, each a page or a list of pages) as one table.

    Raises
    ------
    UsageError
        A file does not exist.
    DataError
        A file is not JSON, or not a Kolada data response; no values at all.
    """
    rows: list[dict[str, Any]] = []
    digest = hashlib.sha256()
    for path in paths:
        p = Path(path)
        if not p.is_file():
            raise UsageError("file not found", Location(path), code="file_not_found")
        data = p.read_bytes()
        digest.update(data)
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise DataError("is not UTF-8 text (the Kolada API writes UTF-8 JSON)",
                            Location(path), code="json_not_utf8") from None  # fmt: skip
        rows.extend(parse_pages(text, path))
    source = paths[0] if len(paths) == 1 else f"{paths[0]} (+{len(paths) - 1} pages)"
    frame = _flatten(rows, source)
    if frame.empty:
        raise DataError("holds no values", Location(source), code="json_no_values")
    return RawTable(frame, source, None, 0, np.arange(1, len(frame) + 1), digest.hexdigest(),
                    encoding="utf-8")  # fmt: skip


def year_columns(columns: list[str]) -> list[int]:
    """Positions of headers that are years (a kolada.se download, wide by year).

    >>> year_columns(["Kommun", "Kön", "2019", "2020 ", "2021.0", "Summa"])
    [2, 3, 4]
    """
    return [i for i, c in enumerate(columns) if _YEAR.match(str(c))]


def widen_to_long(table: RawTable) -> RawTable:
    """Melt a wide table (one column per year) into one row per year; a long table as it is.

    The year columns' values go to ``värde`` (value), their headers to ``år`` (period), and
    each row's source header as written to :data:`SOURCE_COLUMN`. Row numbers stay the file's,
    so a message still names the row, and the exclusions name the year's column ("2024") that
    held the cell (review 12a, finding 6).

    >>> from servqual_cli.io.read import RawTable
    >>> wide = pd.DataFrame({"Nyckeltal": ["U1"], "Kommun": ["A"], "2023": ["1"], "2024": [".."]})
    >>> long = widen_to_long(RawTable(wide, "w.csv", None, 1, np.array([2]), ""))
    >>> long.frame[["år", "värde", SOURCE_COLUMN]].values.tolist()
    [['2023', '1', '2023'], ['2024', '..', '2024']]
    """
    years = year_columns(table.columns)
    if not years:
        return table
    ids = [i for i in range(len(table.columns)) if i not in years]
    frame = table.frame
    parts = []
    for pos in years:  # a loop over year columns
        part = frame.iloc[:, ids].copy()
        part.columns = [table.columns[i] for i in ids]
        part["år"] = _YEAR.sub(r"\1", table.columns[pos])
        part["värde"] = frame.iloc[:, pos].to_numpy(dtype=object)
        part[SOURCE_COLUMN] = table.columns[pos]
        parts.append(part)
    long = pd.concat(parts, ignore_index=True)
    rows = np.tile(table.row_numbers, len(years))
    return RawTable(long, table.source, table.sheet, table.header_row, rows, table.sha256,
                    table.encoding, table.delimiter)  # fmt: skip
