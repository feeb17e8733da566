"""Which cells of a table its own test puts below 0: one flag, set by the table builder and
carried by the report description (:attr:`~servqual_cli.report.spec.Table.below`), that Excel's
fill, the web page's red and a colour terminal's red read and nothing else.

Before (review 12c, finding 6) the rule was written twice, inside two renderers: the web page's
``html_cells.below_zero`` and Excel's ``excel._conditional`` each guessed the test from the
table's last ``p`` column and its first ``signed`` column, and Excel also filled every negative
value light red in a table with no test (the "Total" and "Viktat" sheets), which says "worse"
where no test says so. Now the builder names the tested column and its adjusted p, and a table
without a test carries no flag: no fill, no red.

The legend (:attr:`~servqual_cli.report.spec.Table.legend`) names the rule: the column, the p
column (whose header names the adjustment and its family, "p (Holm, 5 dimensioner)") and the
level. Markdown and the terminal's plain (piped) text colour nothing and show no legend.

The knowledge gap (staff's estimate − citizens' expectation) is marked on both sides of 0
(:data:`_TWO_SIDED`): PZB's gap 1 is any mismatch, and staff who think citizens expect more than
they do spend effort where it is not asked for (review 14, finding 1's "decision for the
legend"). One mark for both, as every renderer draws one; the sign of the value, the table's
"Tolkning" column and the legend (which names both sides by the sign) tell the two apart, and
the rows the test cannot tell from 0 stay unmarked ("ingen säker skillnad").
"""

from __future__ import annotations

from dataclasses import replace
from types import MappingProxyType

import numpy as np
import pandas as pd

from servqual_cli.report.numbers import fmt_number
from servqual_cli.report.spec import Table

# below 0 "by its test": the adjusted p below this level (the verdicts' and the heatmap's rule,
# review 12b finding 11; core/kpi_verdicts.ALPHA and glance_row_parts.ALPHA are the same 5 %)
ALPHA = 0.05

# what a value below 0 means in the table, said in the legend before the rule that decides it
_MEANINGS = {
    "gap": ("under förväntan", "below expectations"),
    # no "pair" meaning: which dimension is A is the instrument's order, so "A below B" marks
    # an arbitrary subset of the pairs the test separates (review 14, finding 1)
}
# "marked", not "colour-marked": Excel fills the cell (bold), the web page draws it dark red and
# bold with a hidden text a screen reader announces, a colour terminal red and bold and a
# NO_COLOR terminal bold only, so the legend names the mark every renderer draws (review 14,
# finding 6)
_RULE = (
    "Markerat: {meaning} enligt tabellens eget test ({column} under 0 och {p} under {alpha}).",
    "Marked: {meaning} by the table's own test ({column} below 0 and {p} below {alpha}).",
)
# the words a screen reader hears after a flagged cell on the web page (review 14, finding 7)
_CELL = ("{meaning} enligt testet", "{meaning} by the test")
# tables marked on both sides of 0: (legend sv, legend en, cell sv, cell en). The level is the
# reading's own (1 − conf), so the mark and the "Tolkning" column never disagree, and the cell
# words fit either side (the screen reader reads the value's minus sign before them)
_TWO_SIDED = {
    "knowledge": (
        "Markerat: personalen underskattar ({column} under 0) eller överskattar ({column} över "
        "0) medborgarnas förväntan enligt tabellens eget test ({p} under {alpha}); omarkerat: "
        "ingen säker skillnad.",
        "Marked: staff underestimate ({column} below 0) or overestimate ({column} above 0) the "
        "citizens' expectation by the table's own test ({p} below {alpha}); unmarked: no clear "
        "difference.",
        "kunskapsgap enligt testet",
        "knowledge gap by the test",
    ),
}


def below_zero(values: pd.Series, p: pd.Series, alpha: float = ALPHA) -> tuple[bool, ...]:
    """One flag per row: the value below 0 and its p below ``alpha``. A missing value or p
    (NaN compares False) and words in a number column are never flagged.

    >>> below_zero(pd.Series([-0.04, -1.2, 0.3, None, -0.5, "–"]),
    ...            pd.Series([0.9, 0.01, 0.01, 0.01, None, 0.01]))
    (False, True, False, False, False, False)
    >>> below_zero(pd.Series([-0.2, -0.2]), pd.Series([0.05, 0.0499]))
    (False, True)
    """
    value = pd.to_numeric(values, errors="coerce").to_numpy(dtype=float, na_value=np.nan)
    prob = pd.to_numeric(p, errors="coerce").to_numpy(dtype=float, na_value=np.nan)
    return tuple(bool(b) for b in (value < 0) & (prob < alpha))


def apart_from_zero(values: pd.Series, p: pd.Series, alpha: float = ALPHA) -> tuple[bool, ...]:
    """One flag per row: the value on either side of 0 and its p below ``alpha`` (the
    two-sided tables of :data:`_TWO_SIDED`); missing values, missing p and words are never
    flagged.

    >>> apart_from_zero(pd.Series([-0.4, 0.3, 0.3, None, "–"]),
    ...                 pd.Series([0.01, 0.01, 0.2, 0.01, 0.01]))
    (True, True, False, False, False)
    """
    value = pd.to_numeric(values, errors="coerce").to_numpy(dtype=float, na_value=np.nan)
    prob = pd.to_numeric(p, errors="coerce").to_numpy(dtype=float, na_value=np.nan)
    return tuple(bool(b) for b in (value != 0) & np.isfinite(value) & (prob < alpha))


def _level(alpha: float, lang: str) -> str:
    """``alpha`` with the decimals it needs: 1 − 0,975 is "0,025", never "0,03" (two decimals
    would name a level the mark does not use).

    >>> _level(1 - 0.95, "sv"), _level(1 - 0.975, "sv"), _level(1 - 0.9, "en")
    ('0,05', '0,025', '0.10')
    """
    digits = next((d for d in (2, 3, 4) if abs(round(alpha, d) - alpha) < 1e-12), 6)
    return fmt_number(alpha, lang, digits)


def flag_below(
    table: Table, column: str, p: str, lang: str, meaning: str = "gap", alpha: float = ALPHA
) -> Table:
    """``table`` with the cells of ``column`` that its test ``p`` (the table's adjusted p)
    puts below 0 flagged (on either side of 0 for a ``meaning`` in :data:`_TWO_SIDED`), and
    the legend that names the rule.

    >>> frame = pd.DataFrame({"Gap": [-0.04, -1.2, 0.3], "p (Holm)": [0.9, 0.01, 0.01]})
    >>> t = flag_below(Table("t", frame), "Gap", "p (Holm)", "sv")
    >>> t.below["Gap"]
    (False, True, False)
    >>> t.legend[:53]
    'Markerat: under förväntan enligt tabellens eget test '
    >>> t.legend[53:]
    '(Gap under 0 och p (Holm) under 0,05).'
    >>> t.below_cell
    'under förväntan enligt testet'
    >>> flag_below(Table("t", frame), "Gap", "p (Holm)", "en").legend[51:]
    '(Gap below 0 and p (Holm) below 0.05).'
    >>> kg = flag_below(Table("t", frame), "Gap", "p (Holm)", "sv", "knowledge", 1 - 0.95)
    >>> kg.below["Gap"], kg.below_cell
    ((False, True, True), 'kunskapsgap enligt testet')
    >>> print(kg.legend)  # doctest: +NORMALIZE_WHITESPACE
    Markerat: personalen underskattar (Gap under 0) eller överskattar (Gap över 0) medborgarnas
    förväntan enligt tabellens eget test (p (Holm) under 0,05); omarkerat: ingen säker skillnad.
    """
    if column not in table.frame.columns or p not in table.frame.columns:
        raise KeyError(f"flag_below: {table.title!r} has no column {column!r} or {p!r}")
    sv = lang == "sv"
    if meaning in _TWO_SIDED:
        words = _TWO_SIDED[meaning]
        flags = apart_from_zero(table.frame[column], table.frame[p], alpha)
        rule = words[0 if sv else 1].format(column=column, p=p, alpha=_level(alpha, lang))
        return replace(table, below=MappingProxyType({column: flags}), below_rule=rule,
                       below_cell=words[2 if sv else 3])  # fmt: skip
    flags = below_zero(table.frame[column], table.frame[p], alpha)
    rule = _RULE[0 if sv else 1].format(
        meaning=_MEANINGS[meaning][0 if sv else 1],
        column=column,
        p=p,
        alpha=fmt_number(alpha, lang, 2),
    )
    cell = _CELL[0 if sv else 1].format(meaning=_MEANINGS[meaning][0 if sv else 1])
    return replace(table, below=MappingProxyType({column: flags}), below_rule=rule,
                   below_cell=cell)  # fmt: skip
