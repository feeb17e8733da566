"""The title rows above a table's header, and the one year they name.

Municipal workbooks and their CSV exports often open with a title above the header
("Medborgarundersökning om kommunal service, Karlstads kommun 2024", then a blank row, then the
header: :func:`servqual_cli.io.header.find_header_row` finds the header below them). The
readers keep those rows' text on the table (:attr:`RawTable.title_rows
<servqual_cli.io.raw_table.RawTable>`), so that ``servqual trend`` can label a survey by the
year its title names (:func:`title_year`) when the file has no year column.

A year is read only where it cannot be anything else: a standalone four-digit token from
:data:`FIRST_TITLE_YEAR` to :data:`LAST_TITLE_YEAR`, not part of a longer word or number and
not joined to another number by a hyphen, dash, slash, colon, comma or point ("2024-03-05",
"2021/22", "2021–2022", "KS 2023/0145" and "1.2024" name no year here), so a date, a case
number, a span or an amount is never taken for the year of the survey.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import numpy as np

__all__ = [
    "FIRST_TITLE_YEAR",
    "LAST_TITLE_YEAR",
    "naming_row",
    "title_rows",
    "title_year",
    "unread_year_row",
]

#: The years a title may name: a citizen survey older than 1990 is not read by this tool, and
#: "2180" or "1780" in a title is a municipality code, not a year (io/years.py is wider, 1900,
#: for a year *column*, whose every cell is meant as a year).
FIRST_TITLE_YEAR, LAST_TITLE_YEAR = 1990, 2100

_JOIN = r"[-‐‑‒–—−/:.,]"  # what joins a number to another: dates, spans, case numbers, decimals
_YEAR = re.compile(rf"(?<![^\W_])(?<![0-9]{_JOIN})([0-9]{{4}})(?![^\W_])(?!{_JOIN}[0-9])")


def _cell_text(value: Any) -> str:
    """A title cell as text: a whole float as its integer (a year typed as a number, 2021.0)."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def title_rows(
    rows: Sequence[Sequence[Any]], lines: Sequence[int] | np.ndarray | None, header_index: int
) -> tuple[tuple[int, str], ...]:
    """The non-blank rows above the header: (1-based row or line, its filled cells joined by a
    space). ``rows`` are the rows as read, ``lines`` the line each starts on (None: row i is
    row i + 1), and ``header_index`` the 0-based index of the header's first row (of a two-row
    header, its upper row); the header scan puts it among the first 50 rows.

    >>> title_rows([["Enkät 2024", None, ""], [None, None, None], ["id", "E1", "P1"]], None, 2)
    ((1, 'Enkät 2024'),)
    >>> title_rows([["Servicemätning", 2021.0], ["id", "E1"]], [3, 5], 1)
    ((3, 'Servicemätning 2021'),)
    >>> title_rows([["id", "E1"], [1, 5]], None, 0)
    ()
    """
    out: list[tuple[int, str]] = []
    for i in range(min(header_index, len(rows))):  # the rows above the header, not the data
        cells = [_cell_text(v) for v in rows[i] if v is not None]
        text = " ".join(c for c in cells if c)
        if text:
            out.append((i + 1 if lines is None else int(lines[i]), text))
    return tuple(out)


def title_year(titles: Sequence[tuple[int, str]]) -> int | None:
    """The one year the title rows name, or None when they name none or several.

    >>> title_year([(1, "Medborgarundersökning om kommunal service, Karlstads kommun 2024")])
    2024
    >>> title_year([(1, "Servicemätning 2021"), (2, "Utskrift 2022-01-15, dnr KS 2021/0145")])
    2021
    >>> title_year([(1, "Enkät 2021–2022")]), title_year([(1, "Enkät 2021 och 2022")])
    (None, None)
    >>> title_year([(1, "Kommunkod 1780, 2180 svar")]), title_year([(1, "FY2024, 2024a, 20245")])
    (None, None)
    >>> title_year([(1, "Servicemätning 2021."), (2, "(2021)")])
    2021
    """
    found = {year for _, text in titles for year in _years(text)}
    return found.pop() if len(found) == 1 else None


def naming_row(titles: Sequence[tuple[int, str]], year: int) -> tuple[int, str]:
    """The first title row that names ``year`` (by :func:`title_year`'s rule): (row, text).

    >>> naming_row([(1, "Utskrift 2024-01-15"), (2, "Servicemätning 2024")], 2024)
    (2, 'Servicemätning 2024')
    """
    return next((row, text) for row, text in titles if year in _years(text))


_LOOSE = re.compile(r"(?<![0-9])(?:19|20)[0-9][0-9](?![0-9])")


def unread_year_row(titles: Sequence[tuple[int, str]]) -> tuple[int, str] | None:
    """The first title row holding something like a year when :func:`title_year` read none
    (several years, or one inside a date, span or case number), for the note that says why
    the title did not label the file; None when no title row looks as if it named one.

    >>> unread_year_row([(1, "Enkät"), (2, "Enkät 2021–2022")])
    (2, 'Enkät 2021–2022')
    >>> unread_year_row([(1, "Enkät 2021")]), unread_year_row([(1, "Enkät")])
    (None, None)
    """
    if title_year(titles) is not None:
        return None
    return next(((row, text) for row, text in titles if _LOOSE.search(text)), None)


def _years(text: str) -> set[int]:
    """The standalone years of ``text`` within the title range (see the module docstring)."""
    years = {int(m) for m in _YEAR.findall(text)}
    return {y for y in years if FIRST_TITLE_YEAR <= y <= LAST_TITLE_YEAR}
