"""The pandas-free cell checks (issue #16) against pandas' own: ``is_missing`` (the "–" of
every table, ``report.spec.format_value``), ``plain`` (JSON) and ``is_numeric_column`` (the
items alpha accepts) give what ``pd.isna`` / ``pd.api.types.is_numeric_dtype`` gave, and need
no pandas for the values an ``alpha`` run on a CSV holds."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from servqual_cli.core.pairwise import is_numeric_column
from servqual_cli.core.results import is_missing, plain


def old_is_missing(value: Any) -> bool:
    """The check ``format_value`` made before (kept verbatim as the reference)."""
    if value is None or (isinstance(value, float) and value != value):
        return True
    try:
        if pd.isna(value):
            return True
    except (TypeError, ValueError):
        pass
    return False


_NP_FLOATS = (np.float16, np.float32, np.float64, np.longdouble)
_NP_INTS = (np.int8, np.int16, np.int32, np.int64, np.uint8, np.uint64)
floats = st.floats(allow_nan=True, allow_infinity=True)
cells = st.one_of(
    st.none(),
    floats,
    st.builds(lambda f, t: t(f), floats, st.sampled_from(_NP_FLOATS)),
    st.builds(complex, floats, floats),
    st.builds(np.complex128, st.builds(complex, floats, floats)),
    st.integers(-(2**70), 2**70),
    st.builds(lambda i, t: t(i % 100), st.integers(), st.sampled_from(_NP_INTS)),
    st.booleans(),
    st.builds(np.bool_, st.booleans()),
    st.text(max_size=5),
    st.builds(np.str_, st.text(max_size=5)),
    st.sampled_from([pd.NA, pd.NaT, np.datetime64("NaT"), np.timedelta64("NaT"),
                     np.datetime64("2024-01-02"), np.timedelta64(3, "D"), Decimal("NaN"),
                     Decimal("1.5"), pd.Timestamp("2024-05-01"), dt.date(2024, 1, 1),
                     pd.Timedelta(0), b"", (1.0,), [float("nan")], [1.0, 2.0], []]),
    st.lists(floats, max_size=3),
)  # fmt: skip


@pytest.mark.filterwarnings("ignore:overflow encountered in cast:RuntimeWarning")
@settings(derandomize=True, max_examples=400)
@given(cells)
def test_is_missing_is_pandas_isna(value: Any) -> None:
    assert is_missing(value) is old_is_missing(value)


@pytest.mark.parametrize(
    "dtype",
    [np.bool_, np.int8, np.uint64, np.float32, np.float64, np.complex128, object, str,
     "datetime64[ns]", "timedelta64[ns]", "Int64", "UInt8", "Float64", "boolean", "string",
     "category", "datetime64[ns, UTC]", "period[D]", "interval[int64, right]",
     pd.SparseDtype(float), pd.SparseDtype(bool), pd.ArrowDtype(__import__("pyarrow").int32()),
     pd.ArrowDtype(__import__("pyarrow").string()), pd.ArrowDtype(__import__("pyarrow").bool_()),
     pd.ArrowDtype(__import__("pyarrow").timestamp("s"))],
)  # fmt: skip
def test_is_numeric_column_is_pandas_is_numeric_dtype(dtype: Any) -> None:
    column = pd.Series([], dtype=dtype)
    assert is_numeric_column(column) is bool(pd.api.types.is_numeric_dtype(column))


def test_the_dtype_check_is_live() -> None:
    # the cases above hold both answers (a check that always says True would fail them)
    assert is_numeric_column(pd.Series([1.0])) and not is_numeric_column(pd.Series(["a"]))
    assert not is_numeric_column(pd.Series([np.timedelta64(1, "D")]))


def test_plain_keeps_timestamps_and_nat() -> None:
    assert plain(pd.Timestamp("2024-05-01 10:00")) == "2024-05-01T10:00:00"
    assert plain(pd.NaT) is None and plain([np.float64("nan"), np.int64(2)]) == [None, 2]


# With pandas blocked (import pandas raises) the common cells still format and serialise.
NO_PANDAS = r"""
import sys
sys.modules["pandas"] = None
import numpy as np
from servqual_cli.core.results import is_missing, plain
from servqual_cli.report.spec import format_value
cells = [None, float("nan"), np.float64("nan"), 0.5, np.float64(-1.25), 3, np.int64(7), "x", True]
print([format_value(c, ".2f", "sv") if c is not None and c == c and not isinstance(c, str)
       else format_value(c, None) for c in cells])
print(plain({"a": np.float64("nan"), "b": [np.int64(1), 2.5, "t"]}), is_missing(np.bool_(False)))
"""


def test_cells_format_without_pandas() -> None:
    root = Path(__file__).resolve().parents[2]
    out = subprocess.run([sys.executable, "-c", NO_PANDAS], capture_output=True, text=True,
                         check=True, cwd=root)  # fmt: skip
    assert out.stdout.splitlines() == [
        "['–', '–', '–', '0,50', '−1,25', '3,00', '7,00', 'x', 'True']",
        "{'a': None, 'b': [1, 2.5, 't']} False",
    ]
