"""The small-base mark of the contact trend's tables (``servqual trend``, the report).

Session 15's rule (f-kt, review 12a finding 3) for a value on fewer than ``min_n`` cases: shown,
judged by its interval like any other, and marked "litet underlag" / "small base" as the
overview marks it (catalog_glance ``g_small``). The decision is the core's
(:func:`~servqual_cli.core.trend.compare_kpis`: ``small_base``, n before or n after below
``min_n``); here it is only labelled (f-trend, session 16: the per-area rows on 4-7 test calls
carried no mark, and a total under ``min_n`` was marked in the overview but not in the table).
The SERVQUAL survey trend's dimensions and the series' years and trends are marked the same way
(w-trend2, session 17), each with its own note words, by these functions alone (session 18,
a-small: the series' sections had their own copy).
"""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd

from servqual_cli.report.catalog import rl
from servqual_cli.report.measurement_tables import ml
from servqual_cli.report.numbers import fmt_int

__all__ = ["small_base_cells", "small_base_column", "small_base_note"]


def small_base_cells(rows: pd.DataFrame, lang: str) -> pd.Series | None:
    """The "Underlag" / "Base" column of comparison rows: the overview's word on a small base,
    "" elsewhere; None when no row is small (or the rows carry no flag), so tables without one
    are unchanged.

    >>> rows = pd.DataFrame({"small_base": [True, False]})
    >>> small_base_cells(rows, "sv").tolist(), small_base_cells(rows[1:], "en")
    (['litet underlag', ''], None)
    """
    if "small_base" not in rows:
        return None
    small = rows["small_base"].fillna(False).astype(bool)  # a row without a flag: not small
    if not small.any():
        return None
    return small.map({True: rl("g_small", lang), False: ""})


def small_base_note(
    rows: pd.DataFrame,
    lang: str,
    key: str = "small_base_trend_note",
    words: Callable[[str, str], str] = ml,
) -> str:
    """What the mark means, for the note under a table with a small row ("" without one);
    ``key``: the words of the rows' kind (contacts; the survey trend's answers, the series'),
    looked up by ``words`` (the measurement labels; the series passes its own catalog's).

    >>> rows = pd.DataFrame({"small_base": [True], "min_n": [30]})
    >>> small_base_note(rows, "en")[:60]
    '“Small base”: n before or n after is fewer than 30 contacts,'
    >>> small_base_note(rows, "sv", "small_base_survey_note")[:59]
    '”Litet underlag”: n före eller n efter är färre än 30 svar,'
    """
    if small_base_cells(rows, lang) is None:
        return ""
    limits = sorted({int(m) for m in rows["min_n"].dropna()})  # one min_n per run
    return words(key, lang).format(min_n=", ".join(fmt_int(m, lang) for m in limits))


def small_base_column(
    shown: pd.DataFrame, rows: pd.DataFrame, lang: str, key: str = "small_base_trend_note"
) -> tuple[pd.DataFrame, str]:
    """A table's frame ``shown`` (``rows`` formatted, row for row) without the flag's raw
    columns, and with the "small_base" column of :func:`small_base_cells` after ``n_after``
    when some row is small; with the note that says what it means ("" without one).

    >>> rows = pd.DataFrame({"n_before": [40, 9], "n_after": [50, 45],
    ...                      "small_base": [False, True], "min_n": [30, 30]})
    >>> frame, note = small_base_column(rows, rows, "en")
    >>> list(frame.columns), frame["small_base"].tolist(), note[:12]
    (['n_before', 'n_after', 'small_base'], ['', 'small base'], '“Small base”')
    >>> list(small_base_column(rows[:1], rows[:1], "sv")[0].columns)
    ['n_before', 'n_after']
    """
    out = shown.drop(columns=["small_base", "min_n"], errors="ignore")
    cells = small_base_cells(rows, lang)
    if cells is None:
        return out, ""
    columns = list(out.columns)
    at = columns.index("n_after") + 1 if "n_after" in columns else len(columns)
    out.insert(at, "small_base", cells.to_numpy())
    return out, small_base_note(rows, lang, key)
