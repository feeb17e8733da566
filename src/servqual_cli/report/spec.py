"""A plain description of output: documents of sections, tables, text and figures.

Commands and reports build a :class:`Document` from results; renderers (terminal, Markdown, Excel)
turn it into output and compute nothing themselves.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

import numpy as np

from servqual_cli.core.results import is_missing
from servqual_cli.report.percent_sign import with_percent

if TYPE_CHECKING:
    import pandas as pd


@dataclass(frozen=True)
class Table:
    """A table with display formats.

    ``formats`` maps a column to a format: a Python format spec (``".2f"``, ``"d"``), ``"p"``
    for p-values (``<0.001``), ``"pct"`` for shares shown as percent, ``"year"`` for years
    (digits only in every language: 2019, never "2 019"). ``signed`` columns hold values whose
    sign carries the meaning (a gap, a difference); no renderer colours them by their sign.

    ``below`` flags, per column, the cells the table's own test puts below 0 (one bool per
    row), and ``below_rule`` is the legend that names that test; both are set by the table
    builder (:func:`~servqual_cli.report.below_test.flag_below`). Excel fills, and the web page
    and a colour terminal colour, these cells and no others, and show :attr:`legend` beside
    them; a table without a test has no flags, so nothing in it is coloured as "worse" (review
    12c, finding 6). Markdown colours nothing and shows no legend.
    """

    title: str
    frame: pd.DataFrame
    formats: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    signed: tuple[str, ...] = ()
    note: str | None = None
    sheet: str | None = None  # short name for an Excel sheet
    appendix: bool = False  # detail a board need not read: moved to the report's appendix
    below: Mapping[str, tuple[bool, ...]] = field(default_factory=lambda: MappingProxyType({}))
    below_rule: str | None = None
    # the flag in words, for a screen reader after a flagged cell ("under förväntan enligt
    # testet"): the web page's mark is not presentation alone (WCAG 1.3.1; review 14, finding 7)
    below_cell: str | None = None

    @property
    def legend(self) -> str | None:
        """The legend of the colour, only when a cell is coloured: no rule is named where
        nothing is marked.

        >>> import pandas as pd
        >>> from dataclasses import replace
        >>> t = Table("t", pd.DataFrame({"g": [-1.0]}), below={"g": (False,)}, below_rule="r")
        >>> t.legend is None, replace(t, below={"g": (True,)}).legend
        (True, 'r')
        """
        if any(any(flags) for flags in self.below.values()):
            return self.below_rule
        return None


@dataclass(frozen=True)
class Text:
    """A paragraph, note or warning. ``technical``: a warning for analysts (a check of the
    instrument's measurement properties, such as a Heywood case or a CFA that did not
    converge); Markdown, Excel and the terminal show it as any warning, the web page gathers a
    section's technical warnings in one collapsed "Tekniska varningar" with one plain sentence
    visible (review 12b, finding 6)."""

    text: str
    kind: str = "paragraph"  # paragraph | note | warning
    technical: bool = False


@dataclass(frozen=True)
class Figure:
    """A chart: ``kind`` names a drawing function in the chart module, ``data`` its input.

    ``description``: one sentence saying what the chart shows (the SVG's ``<desc>``);
    ``notes``: what the chart leaves out or how to read it (e.g. "2 areas with fewer than 30
    answers are not shown"), drawn under the chart and repeated in the caption; ``axes``: axis
    titles with their units for kinds whose data is a table (``{"x": ..., "y": ...}``).
    """

    name: str
    title: str
    kind: str
    data: Any
    caption: str | None = None
    description: str | None = None
    notes: tuple[str, ...] = ()
    axes: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))


# the target verdict codes of a GlanceRow; a gap against expectations words them its own way
TARGET_VERDICTS = ("met", "not_met", "cannot_tell")


@dataclass(frozen=True)
class GlanceRow:
    """One measure in "Resultat i korthet" / "Results at a glance".

    Values are raw numbers in ``unit`` (shares 0-1, never preformatted); verdicts are
    language-neutral codes that every renderer translates with the label catalog. A renderer
    shows ``value`` as "too few answers" when ``small_base`` is true.

    Codes: ``change_verdict`` ``better`` | ``worse`` | ``no_change`` (the data cannot tell the
    change from zero) | None; ``target_verdict`` ``met`` | ``not_met`` | ``cannot_tell`` | None;
    ``benchmark_verdict`` ``better`` | ``same`` | ``worse`` | None (from an interval or test, see
    the method notes). ``severity`` orders the rows worst first: 0 = bad news (an unmet target,
    a significant deterioration, below the others), 1 = cannot tell, 2 = good news, 3 = neither:
    nothing to judge, or nothing told from chance, or a SERVQUAL gap (held against
    expectations, not a target; review 6, findings 1 and 6).
    """

    kind: str  # kpi | dimension | overall | contact_kpi | feedback
    name: str  # display name, already in the report's language
    unit: str  # share | index | gap | mean | days | working_days | hours | seconds | count
    value: float | None
    period: str | None = None  # the period the verdicts judge, e.g. "2024"
    n: int | None = None
    ci_low: float | None = None
    ci_high: float | None = None
    previous_period: str | None = None
    previous_value: float | None = None
    change: float | None = None
    change_verdict: str | None = None
    target: float | None = None
    target_kind: str | None = None  # target | norm
    target_verdict: str | None = None
    others_mean: float | None = None
    rank: int | None = None  # 1 = best
    n_compared: int | None = None  # municipalities ranked, this one included
    benchmark_verdict: str | None = None
    higher_is_better: bool = True
    small_base: bool = False
    severity: int = 2
    area: str | None = None  # the areas, services or groups named (with value and n)
    # what ``area`` says of those groups, each from its own test: below_target (its interval
    # misses the goal), below_expectation (its gap below 0, Holm), worse (its change, Holm);
    # never a ranking between groups, which no test made
    area_kind: str | None = None
    note: str | None = None
    whole_value: float | None = None  # a --split report: the same measure for everyone
    # a dimension whose gap is the largest: the dimensions its Holm-adjusted pair test cannot
    # tell it from (names in the report's language), so no single one is called the largest
    tied_with: tuple[str, ...] = ()
    # a time's change: ``change`` is the Hodges-Lehmann shift and this the difference of the
    # two medians shown (``value`` - ``previous_value``), worded beside it (review 4, finding 1)
    median_change: float | None = None
    # the size of the Holm family whose adjusted p the change verdict follows (None: unadjusted)
    change_family: int | None = None
    # the name in the plain-language paragraph when ``name`` carries a rule in parentheses
    # (the equal follow-up), which the card and the table show (review 6, finding 4)
    short_name: str | None = None
    # a plain sentence the paragraph adds once for rows like this one (the feedback register's
    # "all types ... more is not in itself worse"), without test names or p-values
    plain: str | None = None
    # a contact measure offered only to fill a KPI row computed from the same contacts (its
    # previous period and change; review 6, finding 11); dropped when no KPI matches it
    merge_only: bool = False
    # why there is no previous period (a KPI whose data hold one period), in the reader's
    # language; shown in place of a previous period only when no contact measure filled one
    previous_note: str | None = None
    # where a change was computed when another part computed it (``measurement``: the service
    # measurement's comparison of the contacts), its p (adjusted over ``change_family`` when
    # that is set) and the title of the table it stands in: a KPI row whose own data hold one
    # period shows the service measurement's change, saying so (review 9, finding 3)
    change_source: str | None = None
    change_p: float | None = None
    change_table: str | None = None
    # the n behind ``previous_value`` (a contact KPI's n before): a change rests on both years,
    # so one small only in the earlier year is a small base too (w-trend2, session 17)
    previous_n: int | None = None
    # (period, n) of each year of the change under ``min_n`` when the earlier one is among them,
    # decided once in :func:`~servqual_cli.report.glance.glance_block`; the mark then names them
    # ("litet underlag 2019, n = 6"). Empty: only the row's own value can be small
    small_periods: tuple[tuple[str, int], ...] = ()
    # a KPI's statistic when its value is a median, mean or p90 (the value and a norm name it),
    # and the cases beyond its norm in words (review 16 finding 1: "Målet nås" on a median)
    statistic: str | None = None
    norm_excess: str | None = None

    @property
    def against_expectation(self) -> bool:
        """A SERVQUAL gap held against expectations (gap 0), not against a target anyone set:
        its target verdict reads "under förväntan", not "ej uppfyllt" (review 3, finding 4).

        >>> GlanceRow("dimension", "A", "gap", -0.4, target=0.0).against_expectation
        True
        >>> GlanceRow("kpi", "A", "share", 0.9, target=0.0).against_expectation
        False
        """
        return self.unit == "gap" and self.target == 0


@dataclass(frozen=True)
class Glance:
    """The overview first in a report: one row per KPI and SERVQUAL dimension, worst first,
    with a short plain-language paragraph (``summary``) naming what got worse and where."""

    title: str
    rows: tuple[GlanceRow, ...]
    summary: tuple[str, ...] = ()
    note: str | None = None
    min_n: int | None = None  # rows on fewer answers are flagged ``small_base`` (config min_n)
    whole: str | None = None  # a --split report: the heading of the whole-organisation column


Block = Table | Text | Figure | Glance


@dataclass(frozen=True)
class Section:
    title: str
    blocks: tuple[Block, ...] = ()
    level: int = 2


@dataclass(frozen=True)
class Document:
    title: str
    sections: tuple[Section, ...] = ()
    meta: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}))


# Cells that hold no value: a placeholder where a number cannot be computed or does not apply.
PLACEHOLDERS = ("–", "—", "")


def number_columns(frame: pd.DataFrame) -> tuple[bool, ...]:
    """Which columns every renderer right-aligns, as numbers are read: one rule for Markdown,
    HTML and Excel.

    A column is a number column when its dtype is numeric, or when more than half of its filled
    cells hold a number (int or float). Missing cells and placeholders (:data:`PLACEHOLDERS`,
    "–") fill nothing, so a trend column of numbers with "–" where a year has none is a number
    column; so is the minimum-detectable-change table's column whose one or two cells say "ingen
    ökning kan skiljas från slumpen (högst 15,6 procentenheter möjligt)" among twelve numbers.
    A column of words with a number here and there stays left-aligned. Text is never read as a
    number ("2019" or "81,1 %" as text is text): the rule looks at what the table holds, not at
    what its words say. A renderer that can set a cell's alignment may set the words of a number
    column apart (the web page lets them wrap); Markdown aligns whole columns.

    >>> import numpy as np, pandas as pd
    >>> frame = pd.DataFrame({"name": ["a", "b", "c"], "n": [1, 2, 3],
    ...     "mdd": [15.6, "ingen ökning kan skiljas från slumpen", 9.1],
    ...     "slope": [np.nan, "–", -0.4], "words": ["ja", "nej", 3],
    ...     "empty": ["–", None, "–"], "years": ["2019", "2020", "2021"]})
    >>> number_columns(frame)
    (False, True, True, True, False, False, False)
    """
    out = []
    for name in frame.columns:  # over columns, never cells
        column = frame[name]
        if column.dtype.kind in "iuf":
            out.append(True)
            continue
        try:  # text cells have a length; numbers and missing cells have none
            text = column.str.len().notna().to_numpy(dtype=bool)
        except AttributeError:  # no text at all (a column of missing values, of dates)
            text = np.zeros(len(column), dtype=bool)
        placeholder = column.isin(PLACEHOLDERS).to_numpy(dtype=bool)
        filled = ~column.isna().to_numpy(dtype=bool) & ~placeholder
        numeric = _numeric(column.where(~text)) & filled
        out.append(bool(2 * int(numeric.sum()) > int(filled.sum())))
    return tuple(out)


def _numeric(column: pd.Series) -> np.ndarray:
    """Which cells of a column without text hold a number (a cell pandas reads as one)."""
    import pandas as pd

    return pd.to_numeric(column, errors="coerce").notna().to_numpy(dtype=bool)


_FIXED = re.compile(r"^(?P<sign>\+)?,?\.(?P<decimals>\d+)f$")


def format_value(value: Any, fmt: str | None, lang: str | None = None) -> str:
    """Format one cell for display (never used for JSON/CSV, which keep full precision).

    With ``lang`` (``"sv"`` or ``"en"``) numbers go through :mod:`servqual_cli.report.numbers`
    (decimal comma, "95 %" and "−" in Swedish); without it, the plain Python format (the
    analysis commands' machine-like terminal output).

    >>> format_value(0.00004, "p"), format_value(0.0123, "p"), format_value(-0.456, ".2f")
    ('<0.001', '0.012', '-0.46')
    >>> format_value(0.853, "pct"), format_value(None, ".2f"), format_value(12, "d")
    ('85.3%', '–', '12')
    >>> format_value(1500, "d"), format_value(1500, "d", "en"), format_value(2019, "year")
    ('1,500', '1,500', '2019')
    >>> format_value(-0.456, ".2f", "sv"), format_value(2.5, "+.1f", "sv")
    ('−0,46', '+2,5')
    >>> format_value(0.853, "pct", "sv"), format_value(1234, "d", "sv")
    ('85,3\\xa0%', '1\\xa0234')
    >>> format_value(0.0123, "p", "sv"), format_value(0.5, None, "sv"), format_value("a", "d", "sv")
    ('0,012', '0,5', 'a')
    >>> format_value(2019, "year", "sv"), format_value(2019, "year"), format_value(1234, "d", "sv")
    ('2019', '2019', '1\xa0234')
    >>> format_value("none possible", ".1f")
    'none possible'
    """
    if is_missing(value):
        return "–"
    if fmt == "year":  # a year is a name, not a quantity: no thousands separator
        return str(int(value))
    if lang is not None:
        return _localised(value, fmt, lang)
    if isinstance(value, str):  # words in a column of numbers (as _localised): shown as they are
        return value
    if fmt is None:
        if isinstance(value, float):
            return f"{value:.3g}"
        return str(value)
    if fmt == "p":  # one rule for every p (review 5, finding 6: never "0.050" below 0.05)
        from servqual_cli.report.numbers import fmt_p

        return fmt_p(value, "en")
    if fmt == "pct":
        return with_percent(f"{float(value) * 100:.1f}", "en")  # "13.7%": the English rule
    if fmt == "d":
        # a count grouped as the localised tables group it ("1,200": numbers.fmt_int), so an
        # English contacts or trend table reads like gap's (session 15, w-bench: "1500" beside
        # "1,200"); a year, an id or a row number is a name: format "year", never "d"
        from servqual_cli.report.numbers import fmt_int

        return fmt_int(value, "en")
    return format(value, fmt)


def _localised(value: Any, fmt: str | None, lang: str) -> str:
    from servqual_cli.report import numbers

    if isinstance(value, bool) or not isinstance(value, (int, float, np.integer, np.floating)):
        return str(value)
    if fmt is None:
        if isinstance(value, (int, np.integer)):
            return numbers.fmt_int(value, lang)
        text = f"{float(value):.3g}"  # three significant digits, as without a language
        if "e" in text:
            return text
        return numbers.fmt_number(float(text), lang, len(text.partition(".")[2]))
    if fmt == "p":
        return numbers.fmt_p(value, lang)
    if fmt == "pct":
        return numbers.fmt_percent(value, lang)
    if fmt in ("d", "+d", ",d", ",.0f"):
        return numbers.fmt_signed(value, lang, 0) if fmt == "+d" else numbers.fmt_int(value, lang)
    match = _FIXED.match(fmt)
    if match is None:
        return format(value, fmt)
    decimals = int(match.group("decimals"))
    if match.group("sign"):
        return numbers.fmt_signed(value, lang, decimals)
    return numbers.fmt_number(value, lang, decimals)
