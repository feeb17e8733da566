"""The clause of a weighted table's note that counts the respondents left out for want of a
valid weight, spread into :data:`~servqual_cli.report.catalog_toolbox.TOOLBOX` (that catalog is
near its 400 lines). ``key: (sv, en)``; use them through
:func:`~servqual_cli.report.weighted_gap_sections.weight_left_out`.

With none left out the clause is not written: "(0 svarande utan giltig vikt utelämnade)" read
as if a rule had been at work (review 15, finding 8).
"""

from __future__ import annotations

WEIGHT_LEFT_OUT: dict[str, tuple[str, str]] = {
    "weight_left_out": (
        " ({n} svarande utan giltig vikt utelämnade)",
        " ({n} respondents without a valid weight left out)",
    ),
    "weight_left_out_one": (
        " (1 svarande utan giltig vikt utelämnad)",
        " (1 respondent without a valid weight left out)",
    ),
}
