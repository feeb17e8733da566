"""CSV outputs made to be opened in Excel (the bytes only; :mod:`~servqual_cli.cli.output`
writes them).

A text cell that starts with ``= + - @``, a tab or a carriage return gets a leading ``'`` so
that Excel shows it as text instead of running it as a formula (OWASP "CSV injection");
``--csv-raw`` turns this off for pipelines. ``--csv-dialect excel-sv`` writes ``;``-separated
CSV with a decimal comma in UTF-8 with a BOM, as Swedish Excel expects.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
DIALECTS = ("default", "excel-sv")


@dataclass(frozen=True)
class CsvSettings:
    """How CSV outputs are written (``--csv-raw``, ``--csv-dialect``)."""

    raw: bool = False
    dialect: str = "default"


def guard_formulas(frame: Any) -> Any:
    """Prefix ``'`` to text cells Excel would run as a formula (vectorised per column).

    >>> import pandas as pd
    >>> frame = pd.DataFrame({"g": ["=1+1", "ok", "-x", "@A"], "n": [1, 2, 3, 4]})
    >>> guard_formulas(frame)["g"].tolist()
    ["'=1+1", 'ok', "'-x", "'@A"]
    """
    out = frame.copy()
    for col in out.columns:
        series = out[col]
        if series.dtype.kind not in "OSU" and str(series.dtype) not in ("string", "str"):
            continue
        text = series.where(series.map(lambda v: isinstance(v, str)), None)
        risky = text.str.startswith(FORMULA_START, na=False)
        if risky.any():
            out[col] = series.where(~risky, "'" + text.astype(object).where(risky, ""))
    new_cols = [
        "'" + c if isinstance(c, str) and c.startswith(FORMULA_START) else c for c in out.columns
    ]
    out.columns = new_cols
    return out


def integral_columns(frame: Any) -> Any:
    """Float columns that hold only whole numbers (counts with gaps) become integers.

    >>> import pandas as pd
    >>> integral_columns(pd.DataFrame({"n": [400.0, None], "g": [0.5, 1.0]})).dtypes.tolist()
    [Int64Dtype(), dtype('float64')]
    """
    import numpy as np

    out = frame.copy()
    for col in out.columns:
        values = out[col]
        if values.dtype.kind != "f":
            continue
        arr = values.to_numpy(dtype=float)
        finite = arr[np.isfinite(arr)]
        whole = finite.size and np.all(finite == np.round(finite))
        if whole and np.all(np.abs(finite) < 2**53) and np.all(np.isfinite(arr) | np.isnan(arr)):
            out[col] = values.round().astype("Int64")
    return out


def swedish_numbers(frame: Any) -> Any:
    """Every number of ``frame`` as Swedish Excel reads it: a decimal comma, whole numbers
    without ",0", in float columns and in object columns alike (``to_csv(decimal=",")`` left
    the points of an object column, review 2, item 3). Text cells stay as they are.

    >>> import pandas as pd
    >>> f = pd.DataFrame({"x": [1.5, 8.0, None], "o": [0.25, None, "text"], "n": [1, 2, 3]})
    >>> swedish_numbers(f).fillna("").values.tolist()
    [['1,5', '0,25', 1], ['8', '', 2], ['', 'text', 3]]
    """
    import numpy as np
    import pandas as pd

    out = frame.copy()
    for col in out.columns:  # a loop over columns; each column is converted whole
        values = out[col]
        if values.dtype.kind == "f":
            numeric = np.ones(len(values), dtype=bool)
        elif values.dtype == object:
            kinds = values.map(type)
            numeric = kinds.map(
                lambda t: (
                    issubclass(t, int | float | np.integer | np.floating)
                    and not issubclass(t, bool | np.bool_)
                )
            ).to_numpy(dtype=bool)
            if not numeric.any():
                continue
        else:
            continue
        x = pd.to_numeric(values.where(numeric), errors="coerce").astype(float)
        text = pd.Series(x.to_numpy().astype(str), index=values.index)  # shortest round-trip
        text = text.str.replace(r"\.0$", "", regex=True).str.replace(".", ",", regex=False)
        text = text.where(x.notna(), "")
        out[col] = text.where(numeric, values.astype(object)) if values.dtype == object else text
    return out


def csv_bytes(frame: Any, settings: CsvSettings) -> bytes:
    """A frame as CSV bytes under the given CSV settings (the run's:
    :func:`servqual_cli.cli.output.csv_settings`)."""
    table = integral_columns(frame)
    if not settings.raw:
        table = guard_formulas(table)
    if settings.dialect == "excel-sv":
        text = swedish_numbers(table).to_csv(index=False, lineterminator="\r\n", sep=";")
        return ("\ufeff" + text).encode("utf-8")
    text = table.to_csv(index=False, lineterminator="\n")
    return text.encode("utf-8")
