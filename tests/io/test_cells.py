"""The general cell parsers: dates, numbers, text, yes/no.

Expected values are written out beside each case.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from servqual_cli.io.cells import YES_NO, fold_text, lookup, parse_dates, parse_numbers, text_values


def test_parse_dates() -> None:
    import datetime as dt

    cells = pd.Series(
        [
            dt.date(2024, 3, 5),
            dt.datetime(2024, 3, 5, 14, 30),
            "2024-03-05 14:30",
            " ",
            None,
            "5/3/2024",
            45356.0,
            "2024-02-30",
        ],
        dtype=object,
    )
    times, why = parse_dates(cells)
    assert times.dtype == "datetime64[ns]"
    assert times[:3].tolist() == [
        pd.Timestamp("2024-03-05"),
        pd.Timestamp("2024-03-05 14:30"),
        pd.Timestamp("2024-03-05 14:30"),
    ]
    assert why.tolist() == [
        None,
        None,
        None,
        "blank",
        "blank",
        "invalid_date",
        "invalid_date",
        "invalid_date",
    ]


def test_parse_numbers_and_text() -> None:
    x, why = parse_numbers(pd.Series(["1 200,5", "\u00a0 7", 3, True, "-"], dtype=object))
    assert x[:3].tolist() == [1200.5, 7.0, 3.0]
    assert why.tolist() == [None, None, None, "unparseable", "unparseable"]  # TRUE is no number
    assert text_values(pd.Series([1.0, "a ", None], dtype=object)).tolist() == ["1", "a", np.nan]


def test_dates_with_excel_serials_as_contact_files_hold_them() -> None:
    import datetime as dt

    cells = pd.Series([dt.datetime(2020, 9, 2, 8, 10), "2020-09-02T08:10:00", "2020-09-02",
                       "2020-09-02 8.10", "2020-09-02T06:10:00+00:00", 44076.34027777778,
                       "44076,34027777778", "kl 8", "", None], dtype=object)  # fmt: skip
    values, reasons = parse_dates(cells, excel_serials=True)
    want = pd.Timestamp("2020-09-02 08:10").to_datetime64()
    assert (values[[0, 1, 3, 4, 5, 6]] == want).all()
    assert values[2] == pd.Timestamp("2020-09-02").to_datetime64()
    assert reasons.tolist()[7:] == ["invalid_date", "blank", "blank"]


def test_fold_text_keeps_missing_as_na() -> None:
    out = fold_text(pd.Series(["  Mycket  God ", "", None, 3.0], dtype=object))
    assert out.tolist()[0] == "mycket god" and out.isna().tolist() == [False, True, True, False]


def test_yes_no() -> None:
    cells = pd.Series(["Ja", " NEJ ", 1.0, 0, "x", "falskt", "kanske", "", None], dtype=object)
    values, blank, bad = lookup(cells, YES_NO)
    assert values.tolist() == [1.0, 0.0, 1.0, 0.0, 1.0, 0.0, None, None, None]
    assert blank.tolist() == [False] * 7 + [True, True]
    assert bad.tolist() == [False] * 6 + [True, False, False]
