"""The small-base mark of the contact trend's tables (``servqual trend``, the report).

Session 15's rule (f-kt, review 12a finding 3) for a value on fewer than ``min_n`` cases: shown,
judged by its interval like any other, and marked "litet underlag" / "small base" as the
overview marks it (catalog_glance ``g_small``). The decision is the core's
(:func:`~servqual_cli.core.trend.compare_kpis`: ``small_base``, n before or n after below
``min_n``); here it is only labelled (f-trend, session 16: the per-area rows on 4-7 test calls
carried no mark, and a total under ``min_n`` was marked in the overview but not in the table).
"""

from __future__ import annotations

import pandas as pd

from servqual_cli.report.catalog import rl
from servqual_cli.report.measurement_tables import ml
from servqual_cli.report.numbers import fmt_int

__all__ = ["small_base_cells", "small_base_note"]


def small_base_cells(rows: pd.DataFrame, lang: str) -> pd.Series | None:
    """The "Underlag" / "Base" column of comparison rows: the overview's word on a small base,
    "" elsewhere; None when no row is small (or the rows carry no flag), so tables without one
    are unchanged.

    >>> rows = pd.DataFrame({"small_base": [True, False]})
    >>> small_base_cells(rows, "sv").tolist(), small_base_cells(rows[1:], "en")
    (['litet underlag', ''], None)
    """
    if "small_base" not in rows or not rows["small_base"].astype(bool).any():
        return None
    mark = rl("g_small", lang)
    return rows["small_base"].astype(bool).map({True: mark, False: ""})


def small_base_note(rows: pd.DataFrame, lang: str) -> str:
    """What the mark means, for the note under a table with a small row ("" without one).

    >>> rows = pd.DataFrame({"small_base": [True], "min_n": [30]})
    >>> small_base_note(rows, "en")[:60]
    '“Small base”: n before or n after is fewer than 30 contacts,'
    """
    if small_base_cells(rows, lang) is None:
        return ""
    limits = sorted({int(m) for m in rows["min_n"]})  # one min_n per run
    return ml("small_base_trend_note", lang).format(
        min_n=", ".join(fmt_int(m, lang) for m in limits)
    )
