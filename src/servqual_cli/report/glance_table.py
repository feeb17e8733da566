"""The overview as a table: :func:`glance_table` (text cells, for the Markdown and terminal
renderers) and :func:`glance_numbers` (numbers as numbers, for the workbook), with the value,
change and verdict texts they share. The HTML renderer draws cards from the rows instead. These
functions only format."""

from __future__ import annotations

from typing import Any

import pandas as pd

from servqual_cli.report.catalog import rl
from servqual_cli.report.config import MIN_N
from servqual_cli.report.glance_small import small_change_note, small_mark
from servqual_cli.report.glance_stat import stat_of_row, stat_unit, stat_value
from servqual_cli.report.numbers import (
    UNIT_WORDS,
    fmt_int,
    fmt_measure,
    fmt_measure_change,
    fmt_p,
)
from servqual_cli.report.spec import TARGET_VERDICTS, Glance, GlanceRow, Table

# A verdict code's tone (the web card's colour) and mark: a shape, so colour is never the only
# cue. One table for every renderer: the Markdown, terminal and Excel verdicts and the web
# page's cards show the same mark. A verdict with no direction has no mark; its word says it.
VERDICT_MARKS: dict[str, tuple[str, str]] = {
    "better": ("good", "▲"),
    "met": ("good", "✓"),
    "worse": ("bad", "▼"),
    "not_met": ("bad", "✗"),
    "more": ("neutral", "↑"),  # more feedback items of every type: not in itself worse
    "no_change": ("neutral", ""),
    "same": ("neutral", ""),
    "cannot_tell": ("unknown", ""),
}
# A SERVQUAL gap against expectations is no target (review 6, finding 6): no ✗ or ✓ and never
# the target's red; a gap told from 0 below it has a tone of its own ("expect"), the rest are
# neutral unless the whole interval is at or above 0.
GAP_MARKS: dict[str, tuple[str, str]] = {
    "not_met": ("expect", ""),
    "met": ("good", ""),
    "cannot_tell": ("neutral", ""),
}


def verdict_mark(code: str, gap: bool = False) -> tuple[str, str]:
    """A verdict's tone and mark, for every renderer; a gap's verdict against expectations has
    no mark and no target colour.

    >>> verdict_mark("not_met"), verdict_mark("not_met", gap=True), verdict_mark("worse", True)
    (('bad', '✗'), ('expect', ''), ('bad', '▼'))
    """
    if gap and code in GAP_MARKS:
        return GAP_MARKS[code]
    return VERDICT_MARKS.get(code, ("unknown", ""))


def value_text(row: GlanceRow, value: float | None, lang: str) -> str:
    """A value in the row's unit: "92,2 %", "−0,74", "30 dagar".

    >>> value_text(GlanceRow("kpi", "A", "share", 0.922), 0.922, "sv")
    '92,2\\xa0%'
    >>> value_text(GlanceRow("kpi", "A", "days", 30.0), 30.0, "en")
    '30.0 days'
    """
    return fmt_measure(value, row.unit, lang)


def change_text(row: GlanceRow, lang: str) -> str:
    """The change with its unit: percentage points for shares; for a time the medians'
    difference first, then the Hodges-Lehmann shift the verdict is about (review 4, finding 1).

    >>> r = GlanceRow("contact_kpi", "E-post", "working_hours", 17.6, change=-19.05,
    ...               median_change=-6.16)
    >>> change_text(r, "en")
    'median -6.2 hours on working days, typical shift -19.1 hours on working days'

    A change another part computed says where and with the p its verdict follows (review 9,
    finding 3: a KPI row showed the service measurement's +25,6 "no detectable change" beside
    a +23,9 "better" with nothing to tell them apart):

    >>> change_text(GlanceRow("kpi", "E-post", "share", 0.81, change=0.256,
    ...     change_source="measurement", change_p=0.054, change_family=14), "sv")
    '+25,6 procentenheter (servicemätningen, p efter Holm 0,054)'
    """
    if row.change is None:
        return "–"
    if row.median_change is not None:
        shift = fmt_measure_change(row.change, row.unit, lang)
        median = fmt_measure_change(row.median_change, row.unit, lang)
        text = rl("g_median_and_shift", lang, median=median, shift=shift)
    else:
        text = fmt_measure_change(row.change, row.unit, lang)
    source = _source_text(row, lang)
    return text if source is None else f"{text} ({source})"


def _source_text(row: GlanceRow, lang: str) -> str | None:
    """ "servicemätningen, p efter Holm 0,054": where a change was computed and its p (adjusted
    when the row names its family); None for a change of the row's own data.

    >>> _source_text(GlanceRow("contact_kpi", "A", "share", 0.9, change=0.2,
    ...     change_source="measurement", change_p=0.0004, change_family=14), "en")
    'service measurement, Holm-adjusted p <0.001'
    >>> _source_text(GlanceRow("feedback", "A", "count", 450.0, change=80.0,
    ...     change_source="feedback", change_p=0.0391), "sv")
    'synpunkterna, p efter Holm 0,039'
    >>> _source_text(GlanceRow("kpi", "A", "share", 0.9, change=0.2), "en") is None
    True
    """
    if row.change_source is None:
        return None
    where = rl(f"g_source_{row.change_source}", lang)
    if row.change_p is None:
        return where
    # the feedback register's p is Holm-adjusted within its own family (review 10c, finding 5)
    holm = row.change_family is not None or row.change_source == "feedback"
    key = "g_source_p_holm" if holm else "g_source_p"
    return rl(key, lang, source=where, p=fmt_p(row.change_p, lang))


def _change_key(rows: tuple[GlanceRow, ...] | list[GlanceRow]) -> str:
    """The change column's header: it names the shift when a time's change is among the rows."""
    return "g_change_shift" if any(r.median_change is not None for r in rows) else "g_change"


def verdict_key(code: str, gap: bool = False) -> str:
    """The catalog key of a verdict code, for every renderer; a gap's verdict against
    expectations (:attr:`GlanceRow.against_expectation`) has its own words, "under förväntan",
    not "ej uppfyllt" (review 3, finding 4).

    >>> verdict_key("not_met"), verdict_key("not_met", gap=True), verdict_key("worse", gap=True)
    ('g_not_met', 'g_gap_not_met', 'g_worse')
    """
    return f"g_gap_{code}" if gap and code in TARGET_VERDICTS else f"g_{code}"


def _verdict(code: str | None, lang: str, gap: bool = False) -> str:
    """A verdict in words, with a shape so colour is never the only cue; a gap's verdict against
    expectations says "under förväntan", not "ej uppfyllt" (review 3, finding 4).

    >>> _verdict("not_met", "sv"), _verdict("not_met", "sv", gap=True)
    ('✗ ej uppfyllt', 'under förväntan')
    """
    if code is None:
        return "–"
    mark = verdict_mark(code, gap and code in TARGET_VERDICTS)[1]
    word = rl(verdict_key(code, gap), lang)
    return f"{mark} {word}" if mark else word


def groups_cell(row: GlanceRow, lang: str) -> str:
    """The groups a row names, in the words of the web card's group line ("Under förväntan i
    Grundskola (−0,44, n = 99) och ..."), or "–": the Markdown and workbook overviews show the
    same line as the card (review 10a, finding 3).

    >>> groups_cell(GlanceRow("dimension", "A", "gap", -0.2, area="alla 4 grupper",
    ...     area_kind="below_expectation"), "sv")
    'Under förväntan i alla 4 grupper'
    >>> groups_cell(GlanceRow("kpi", "A", "share", 0.5), "en")
    '–'
    """
    if not row.area:
        return "–"
    from servqual_cli.report.glance_summary import where  # it imports this module

    text = where(row, lang)
    return text[:1].upper() + text[1:]


def note_cell(row: GlanceRow, beside_value: bool) -> str:
    """A row's note (the card's note), or "–"; ``beside_value``: the table shows a gap's note
    (its perception level) in the value cell already, so its note column stays empty.

    >>> note_cell(GlanceRow("kpi", "A", "share", 0.5, note="n 43"), True)
    'n 43'
    >>> note_cell(GlanceRow("dimension", "A", "gap", -0.2, target=0.0, note="x"), True)
    '–'
    """
    if not row.note or (beside_value and row.against_expectation):
        return "–"
    return row.note


def _note(glance: Glance, lang: str) -> str | None:
    """The block's note, and what "small base" means when a row says it."""
    if not any(r.small_base for r in glance.rows):
        return glance.note
    few = rl("too_few_note", lang, min_n=glance.min_n or MIN_N) + small_change_note(glance, lang)
    return f"{glance.note} {few}" if glance.note else few


def glance_table(glance: Glance, lang: str) -> Table:
    """The overview as a table of text (every cell already in the reader's language).

    A row on fewer than ``min_n`` answers (``small_base``) is shown and judged like any other,
    its value marked "small base, n = 29" (review 12a finding 3).
    """
    rows = glance.rows
    goal_texts = []
    for r in rows:
        if r.target is None or r.against_expectation:  # a gap has no target: its own column
            goal_texts.append("–")
        else:
            sign = "≥" if r.higher_is_better else "≤"
            # a norm names the statistic it judges: "medianen ≤ 70,0 dagar" (review 16 #1)
            stat = f"{stat_of_row(r, lang)} " if r.target_kind == "norm" and r.statistic else ""
            goal_texts.append(f"{stat}{sign} {value_text(r, r.target, lang)}")

    def verdict(r: GlanceRow, code: str | None) -> str:
        return _verdict(code, lang, gap=r.against_expectation)

    def target_verdict(r: GlanceRow, gap: bool) -> str:
        """The target column holds targets only, the expectation column gaps only (finding 6)."""
        return verdict(r, r.target_verdict) if r.against_expectation == gap else "–"

    def value_cell(r: GlanceRow) -> str:
        marks = [r.period] if r.period else []
        if r.small_base:  # marked, not hidden (review 12a finding 3)
            marks.append(small_mark(r, lang))
        shown = stat_value(r.statistic, value_text(r, r.value, lang), lang)  # "median 32,0 dagar"
        text = shown + (f" ({'; '.join(marks)})" if marks else "")
        # a gap's note (perception level, survey weights) beside its value
        return f"{text}; {r.note}" if r.against_expectation and r.note else text

    columns = {
        rl("g_measure", lang): [r.name for r in rows],
        rl("g_this_period", lang): [value_cell(r) for r in rows],
        rl("g_n", lang): [fmt_int(r.n, lang) if r.n is not None else "–" for r in rows],
    }
    if glance.whole:
        columns[glance.whole] = [value_text(r, r.whole_value, lang) for r in rows]
    columns.update(
        {
            rl("g_previous_period", lang): [
                f"{stat_value(r.statistic, value_text(r, r.previous_value, lang), lang)} "
                f"({r.previous_period})"
                if r.previous_value is not None
                else f"– ({r.previous_note})"  # why there is none: one period in the data
                if r.previous_note
                else "–"
                for r in rows
            ],
            rl(_change_key(rows), lang): [
                f"{change_text(r, lang)}, {_verdict(r.change_verdict, lang)}"
                if r.change is not None
                else "–"
                for r in rows
            ],
            rl("g_goal", lang): goal_texts,
            rl("g_goal_verdict", lang): [target_verdict(r, False) for r in rows],
            rl("g_against_expectation", lang): [target_verdict(r, True) for r in rows],
            rl("g_others_mean", lang): [value_text(r, r.others_mean, lang) for r in rows],
            rl("g_rank", lang): [
                rl("g_rank_of", lang, rank=r.rank, n=r.n_compared)
                if r.rank is not None and r.n_compared is not None
                else "–"
                for r in rows
            ],
            rl("g_benchmark_verdict", lang): [verdict(r, r.benchmark_verdict) for r in rows],
            # the card's group line and note (review 10a, finding 3)
            rl("g_groups", lang): [groups_cell(r, lang) for r in rows],
            rl("g_row_note", lang): [note_cell(r, beside_value=True) for r in rows],
        }
    )
    frame = pd.DataFrame(columns)
    # Columns nobody has (no benchmark, no previous period) are left out.
    keep = [c for c in frame.columns if not frame[c].eq("–").all()]
    return Table(title="", frame=frame[keep], note=_note(glance, lang), sheet=glance.title)


_UNIT_SYMBOLS = {
    "share": ("%", "%"),
    "gap": ("gap", "gap"),
    "index": ("index 0–100", "index 0–100"),
    "mean": ("", ""),
    **UNIT_WORDS,
}


def _digits(row: GlanceRow) -> str:
    """A row's display format for the workbook, as :func:`value_text` shows it: whole counts,
    one decimal for percent, index and times, two for gaps and means (review 3, finding 15).

    >>> [_digits(GlanceRow("kpi", "A", u, 1.0)) for u in ("count", "share", "days", "gap")]
    ['d', '.1f', '.1f', '.2f']
    """
    if row.unit == "count":
        return "d"
    if row.unit in ("share", "index") or row.unit in UNIT_WORDS:
        return ".1f"
    return ".2f"


def glance_row_formats(glance: Glance, lang: str) -> list[dict[str, str]]:
    """For each row of :func:`glance_numbers`, the display format of its number columns: a
    count of 450 is "450", not "450,00", a share 81,1 % is "81,1" (review 3, finding 15).
    Changes are signed; a gap's norm 0 (no target anyone set) is "0"."""
    values = ["g_value", "g_previous_value", "g_others_mean"]
    out = []
    for r in glance.rows:
        fmt = _digits(r)
        formats = {rl(k, lang): fmt for k in values}
        # the change column is named for the shift when a time is among the rows (_change_key)
        formats[rl(_change_key(glance.rows), lang)] = f"+{fmt}"
        formats[rl("g_median_change", lang)] = f"+{fmt}"
        formats[rl("g_target", lang)] = "d" if r.against_expectation else fmt
        if glance.whole:
            formats[glance.whole] = fmt
        out.append(formats)
    return out


def glance_numbers(glance: Glance, lang: str) -> Table:
    """The overview for a spreadsheet: numbers as numbers (shares in percent, the unit in its
    own column), verdicts as words."""
    rows = glance.rows

    def year(p: str | None) -> str | int | None:
        return int(p) if p is not None and p.isdigit() else p  # a year is a number

    def scaled(r: GlanceRow, v: float | None) -> float | None:
        return None if v is None else v * 100.0 if r.unit == "share" else v

    def verdict(r: GlanceRow, code: str | None) -> str:
        return _verdict(code, lang, gap=r.against_expectation)

    small = rl("g_small", lang)
    columns: dict[str, list[Any]] = {
        rl("g_measure", lang): [r.name for r in rows],
        rl("g_period", lang): [year(r.period) for r in rows],
        rl("g_value", lang): [scaled(r, r.value) for r in rows],
        # "dagar, median": the statistic of a median/mean/p90, as the Markdown value names it
        rl("g_unit", lang): [
            stat_unit(r, _UNIT_SYMBOLS.get(r.unit, ("", ""))[0 if lang == "sv" else 1], lang)
            for r in rows
        ],
        rl("g_n", lang): [r.n for r in rows],
        # the years when a change's earlier year is small, as the Markdown cell names them
        rl("g_small_base", lang): [
            (small_mark(r, lang) if r.small_periods else small) if r.small_base else None
            for r in rows
        ],
    }
    if glance.whole:
        columns[glance.whole] = [scaled(r, r.whole_value) for r in rows]
    columns.update(
        {
            rl("g_previous_period", lang): [year(r.previous_period) for r in rows],
            rl("g_previous_value", lang): [scaled(r, r.previous_value) for r in rows],
            rl("g_median_change", lang): [scaled(r, r.median_change) for r in rows],
            rl(_change_key(rows), lang): [scaled(r, r.change) for r in rows],
            # where the change was computed and its p, the words the Markdown table and the web
            # card put in brackets after the change (review 9, finding 3); "–" where the row's
            # own data gave it, so the column is left out when no row borrows a change
            rl("g_change_source", lang): [
                "–" if r.change is None else _source_text(r, lang) or "–" for r in rows
            ],
            rl("g_change_verdict", lang): [verdict(r, r.change_verdict) for r in rows],
            rl("g_target", lang): [
                None if r.against_expectation else scaled(r, r.target) for r in rows
            ],
            rl("g_goal_verdict", lang): [
                "–" if r.against_expectation else verdict(r, r.target_verdict) for r in rows
            ],
            rl("g_against_expectation", lang): [
                verdict(r, r.target_verdict) if r.against_expectation else "–" for r in rows
            ],
            rl("g_others_mean", lang): [scaled(r, r.others_mean) for r in rows],
            rl("g_rank", lang): [r.rank for r in rows],
            rl("g_n_compared", lang): [r.n_compared for r in rows],
            rl("g_benchmark_verdict", lang): [verdict(r, r.benchmark_verdict) for r in rows],
            # the card's group line and note, the perception level beside a gap among them
            # (the Markdown puts that in the value cell; here the value is a number)
            rl("g_groups", lang): [groups_cell(r, lang) for r in rows],
            rl("g_row_note", lang): [note_cell(r, beside_value=False) for r in rows],
        }
    )
    frame = pd.DataFrame(columns)
    keep = [c for c in frame.columns if not frame[c].map(lambda v: v is None or v == "–").all()]
    numeric = ["g_value", "g_previous_value", "g_median_change", _change_key(rows), "g_target",
               "g_others_mean"]  # fmt: skip
    formats = {rl(k, lang): ".2f" for k in numeric}
    if glance.whole:
        formats[glance.whole] = ".2f"
    formats.update({rl("g_n", lang): "d", rl("g_rank", lang): "d", rl("g_n_compared", lang): "d"})
    shown = frame[keep]
    for col in shown.columns:
        if col in formats:  # numbers as numbers (None -> NaN, an empty cell)
            shown = shown.assign(**{col: pd.to_numeric(shown[col], errors="coerce")})
    return Table(
        title=glance.title,
        frame=shown,
        formats={k: v for k, v in formats.items() if k in keep},
        note=" ".join([*glance.summary, _note(glance, lang) or ""]).strip(),
        sheet=glance.title,
    )
