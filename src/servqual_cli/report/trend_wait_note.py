"""The change table's sentence on each year's queue-time basis (``servqual trend``, the report).

Split from :mod:`servqual_cli.report.measurement_trend` (which re-exports it) in session 16,
when the small-base mark took that module over 400 lines.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from servqual_cli.core.wait_basis import WaitBasis
from servqual_cli.report.measurement_tables import kpi_name, ml
from servqual_cli.report.numbers import fmt_number

__all__ = ["wait_basis_note"]


def wait_basis_note(total: pd.DataFrame, sides: Sequence[tuple[str, WaitBasis]], lang: str) -> str:
    """Each year's queue-time basis where it differs from the reach KPI's (review 10c finding
    1): the median's n counts a call whose reached value is blank or invalid when it has a
    queue time (:func:`~servqual_cli.core.wait_basis.wait_mask`), the reach KPI only valid
    values, so "n före 45" stood beside 44 reached with no word. ``total``: the totals' rows;
    ``sides``: (label, basis) before and after; "" when no year has such a call.

    >>> t = pd.DataFrame({"kpi": ["phone_wait_seconds_median"], "channel": ["phone"]})
    >>> sides = [("2019", WaitBasis(45, 44, 1, 9)), ("2020", WaitBasis(43, 43, 0, 11))]
    >>> wait_basis_note(t, sides, "en")  # doctest: +NORMALIZE_WHITESPACE
    'Phone: median queue time (s), n before (2019): 45 calls with a queue time; 44 reached a
    person by the reached column, 1 with no valid value there also counted, as a call with a
    queue time got through. Phone: reached a person counts valid values only.'
    >>> wait_basis_note(t, [sides[1], ("2021", WaitBasis(38, 38, 0, 16))], "sv")
    ''
    """
    kpi, channel = "phone_wait_seconds_median", "phone"
    if not (total["kpi"].eq(kpi) & total["channel"].eq(channel)).any():
        return ""
    name, n = kpi_name(kpi, channel, lang), (lambda v: fmt_number(v, lang, 0))
    parts = [
        ml("wait_basis_year", lang).format(
            kpi=name, n_col=ml(col, lang), year=label, n=n(b.with_wait), r=n(b.reached),
            u=n(b.reached_unknown),
        )
        for col, (label, b) in zip(("n_before", "n_after"), sides, strict=True)
        if b.reached_unknown > 0
    ]  # fmt: skip
    if not parts:
        return ""
    return " ".join([*parts, ml("wait_basis_reach", lang).format(kpi=ml("phone_reached", lang))])
