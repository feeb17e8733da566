"""The year column of contact files, citizen surveys and KPI data: its names, its range, and a
parser that gives each cell its value or the reason it is no year.

Before, three readers had three copies of the names and two ranges (1900–2100, 1900–2200),
and a KPI file with one blank year stopped using its year column without a word (review 5). Now
every reader finds the column by :data:`YEAR_ALIASES`, reads it with :func:`parse_years`, and
logs each cell that is no year (blank, text, a fraction, outside :data:`FIRST_YEAR` …
:data:`LAST_YEAR`) with its row and column, as every other excluded cell is logged.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt
import pandas as pd

from servqual_cli.io.cells import parse_numbers

__all__ = ["FIRST_YEAR", "LAST_YEAR", "YEAR_ALIASES", "parse_years"]

#: Names of a year column (matched case-insensitively, spaces and underscores folded; "ar" is
#: "år" as a file without Swedish letters spells it).
YEAR_ALIASES = ("year", "år", "ar", "mätår", "matar")
#: The years a measurement can be from. A service measurement or survey predates no 1900 and a
#: year after 2100 is a typing slip (2120 for 2020), not a plan.
FIRST_YEAR, LAST_YEAR = 1900, 2100


def parse_years(values: pd.Series) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.object_]]:
    """Read year cells: floats (NaN where no year) and a reason per cell (None if read).

    A year is a whole number from :data:`FIRST_YEAR` to :data:`LAST_YEAR` (``2024``, ``"2024"``,
    ``2024.0``). Reasons: ``"blank"``, ``"excel_error"`` (``#N/A``) or ``"unparseable"`` (text,
    a fraction, a number outside the range).

    >>> years, why = parse_years(pd.Series([2024, "2023", "", "20x4", 2024.5, 2150], dtype=object))
    >>> years.tolist()[:2], why.tolist()
    ([2024.0, 2023.0], [None, None, 'blank', 'unparseable', 'unparseable', 'unparseable'])
    """
    years, why = parse_numbers(values)
    with np.errstate(invalid="ignore"):
        odd = ~np.isnan(years) & (
            (years != np.floor(years)) | (years < FIRST_YEAR) | (years > LAST_YEAR)
        )
    years[odd] = np.nan
    why[odd] = "unparseable"
    return years, why
