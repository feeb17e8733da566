"""Document sections for the feedback register (``servqual feedback``, ``servqual report``).

Counts, replies, backlog and trend. With ``figures=True`` the counts also carry a
:class:`~servqual_cli.report.spec.Figure` spec for the report's chart module,
``kind="feedback_periods"`` (data: the tidy by_period frame).

Headings, the reply promise ("14 days" is "14 dagar" in Swedish,
:func:`~servqual_cli.report.service_labels.limit_text`) and the Excel sheet names are in the
report's language.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

import pandas as pd

from servqual_cli.core.feedback import FeedbackAnalysis
from servqual_cli.io.feedback import TYPES
from servqual_cli.io.feedback_left_out import LeftOut
from servqual_cli.report.change_formats import change_formats
from servqual_cli.report.conf_level import interval_head, with_level
from servqual_cli.report.feedback_gaps import count_note
from servqual_cli.report.feedback_reply import (
    KM_COLUMNS,
    REPLY_COLUMNS,
    km_intervals,
    measure_names,
    not_reached,
    reply_times_note,
    window_rule,
)
from servqual_cli.report.feedback_trend_km import km_cells, trend_reply_note
from servqual_cli.report.labels import count_text, exclusion_summary, label
from servqual_cli.report.numbers import fmt_int
from servqual_cli.report.service_labels import limit_text, sl
from servqual_cli.report.spec import Figure, Section, Table, Text

__all__ = ["feedback_sections"]


def _wide(long: pd.DataFrame, index: str, lang: str) -> pd.DataFrame:
    wide = long.pivot_table(index=index, columns="type", values="n", aggfunc="sum", sort=False)
    wide = wide.reindex(columns=[c for c in long["type"].unique() if c in wide.columns])
    wide[sl("total", lang)] = wide.sum(axis=1)
    names = {index: sl(index, lang), **{t: sl(t, lang) for t in TYPES}}
    return wide.astype(int).rename_axis(None, axis=1).reset_index().rename(columns=names)


def _head(column: str, lang: str, conf: float | None) -> str:
    """A column's heading; an interval's names its level ("95 % KI låg", the one rule:
    :func:`~servqual_cli.report.conf_level.interval_head`; a heading with a ``{level}``
    placeholder gets it filled).

    >>> _head("ci_low", "sv", 0.9), _head("ci_high", "en", 0.95), _head("p", "en", 0.9)
    ('90\xa0% KI låg', '95% CI high', 'p')
    >>> _head("km_p90_ci", "sv", 0.95)
    '90:e percentil, 95\xa0% KI'
    """
    head = sl(column, lang)
    return interval_head(column, head if conf is None else with_level(head, conf, lang), conf, lang)


def _renamed(
    frame: pd.DataFrame, lang: str, pct: Sequence[str] = (), conf: float | None = None
) -> tuple[pd.DataFrame, dict[str, str]]:
    names = {c: _head(str(c), lang, conf) for c in frame.columns}
    formats: dict[str, str] = {}
    for col in frame.columns:
        if col in pct:
            formats[names[col]] = "pct"
        elif col in ("p", "p_holm"):
            formats[names[col]] = "p"
        elif frame[col].dtype.kind in "iu":
            formats[names[col]] = "d"
        elif frame[col].dtype.kind == "f":
            formats[names[col]] = ".1f"
    return frame.rename(columns=names), formats


def _table(
    frame: pd.DataFrame,
    title: str,
    lang: str,
    sheet: str,
    pct: Sequence[str] = (),
    note: str | None = None,
    conf: float | None = None,
) -> Table:
    """A renamed table; ``sheet`` is a label key of the sheet name (``"sheet_type"``);
    ``conf`` the level its interval columns name."""
    renamed, formats = _renamed(frame, lang, pct, conf)
    return Table(title=title, frame=renamed, formats=formats, note=note, sheet=sl(sheet, lang))


def _span(a: FeedbackAnalysis) -> str:
    w = a.trend_window or {}
    if not w:
        return ""
    return (
        f"{w['previous']['from']}–{w['previous']['to']} → "
        f"{w['current']['from']}–{w['current']['to']}"
    )


def _data_span(a: FeedbackAnalysis, lang: str = "en") -> str:
    """The years the register's items cover ("2023–2024"), for the titles of tables that pool
    them (the reply tables), so that they are not read as the latest period's value.

    >>> import pandas as pd
    >>> class A:
    ...     by_period = pd.DataFrame({"period": ["2023-01", "2024-12"]})
    >>> _data_span(A())
    '2023–2024'
    """
    periods = a.by_period["period"].astype(str) if len(a.by_period) else None
    if periods is None:
        return ""
    first, last = periods.min()[:4], periods.max()[:4]
    span = first if first == last else f"{first}–{last}"
    as_of = getattr(a, "as_of", None)
    if as_of is not None and (as_of.month, as_of.day) != (12, 31):  # items after it left out
        span = f"{span} {sl('as_of', lang)} {as_of.date().isoformat()}"
    return span


def _titled(head: str, span: str) -> str:
    return f"{head}, {span}" if span else head


def _trend_tables(a: FeedbackAnalysis, lang: str) -> list[Table]:
    """The trend as numbers: counts (ratio of daily rates) and replies (differences), one table
    each because their values are in different units."""
    t = a.trend
    span = _span(a)
    low, high = (_head(k, lang, a.conf) for k in ("ci_low", "ci_high"))
    p_formats = {sl("p", lang): "p", sl("p_holm", lang): "p"}
    tables = []
    counts = t[t["measure"].eq("count")]
    if len(counts):
        frame = pd.DataFrame(
            {
                sl("level", lang): [sl(v, lang) for v in counts["level"]],
                sl("key", lang): [
                    sl(k, lang) if isinstance(k, str) else "–" for k in counts["key"]
                ],
                sl("previous_value", lang): counts["previous_value"].astype(int).tolist(),
                sl("current_value", lang): counts["value"].astype(int).tolist(),
                sl("ratio", lang): counts["estimate"].astype(float).tolist(),
                low: counts["ci_low"].astype(float).tolist(),
                high: counts["ci_high"].astype(float).tolist(),
                sl("p", lang): counts["p"].astype(float).tolist(),
                sl("p_holm", lang): counts["p_holm"].astype(float).tolist(),
            }
        )
        formats = {
            sl("previous_value", lang): "d",
            sl("current_value", lang): "d",
            **{k: ".2f" for k in (sl("ratio", lang), low, high)},
            **p_formats,
        }
        tables.append(
            Table(
                _titled(sl("trend_counts", lang), span),
                frame,
                formats,
                # review 12a findings 1 and 4: units not compared, where the windows end
                note=count_note(a, lang),
                sheet=sl("sheet_trend", lang),
            )
        )
    reply = t[~t["measure"].eq("count")]
    if len(reply):
        share = [m == "reply_within_promise" for m in reply["measure"]]

        def scaled(column: str) -> list[float]:
            return [
                float("nan") if pd.isna(v) else float(v) * (100 if pc else 1)
                for v, pc in zip(reply[column], share, strict=True)
            ]

        km = a.trend_km  # the log-rank row's medians: "> N" where a curve never gets there
        numbers: dict[str, Sequence[object]] = {
            "previous_value": km_cells(reply, scaled("previous_value"), km, True, lang),
            "current_value": km_cells(reply, scaled("value"), km, False, lang),
            "difference": scaled("estimate"),
            "ci_low": scaled("ci_low"),
            "ci_high": scaled("ci_high"),
        }
        frame = pd.DataFrame(
            {
                sl("measure", lang): measure_names(reply, lang, a.reply_windows, km),
                sl("unit_word", lang): ["%" if pc else sl("days", lang) for pc in share],
                **{_head(k, lang, a.conf): v for k, v in numbers.items()},
                sl("p", lang): reply["p"].astype(float).tolist(),
                sl("p_holm", lang): reply["p_holm"].astype(float).tolist(),
            }
        )
        formats = {sl(k, lang): ".1f" for k in ("previous_value", "current_value")}
        # the change signed, its bounds plain, as the trend and KPI tables (review 8, #6)
        formats.update(change_formats([sl("difference", lang)], [low, high]))
        tables.append(
            Table(
                _titled(sl("trend_reply", lang), span),
                frame,
                {**formats, **p_formats},
                sheet=sl("sheet_reply_trend", lang),
            )
        )
    if tables:
        note = sl("trend_note", lang)
        if len(reply):  # review 10a finding 1, session 15: what each days row compares
            note += " " + trend_reply_note(a, lang)
        if len(reply) and a.reply_windows is not None:  # review 10a finding 4: as the KPI
            note += " " + window_rule(a.reply_windows, lang)
        tables[-1] = replace(tables[-1], note=note)
    return tables


def _reply_table(
    frame: pd.DataFrame, title: str, lang: str, sheet: str, a: FeedbackAnalysis
) -> Table:
    """A reply table: the Kaplan-Meier columns as numbers, or "> N" text where not reached, each
    followed by its interval as text ("[21; 28]", "[28; > 721]")."""
    follow = (
        a.reply_by_unit["km_follow_up_days"]
        if "unit" in frame
        else pd.Series([a.reply.km_follow_up_days])
    )
    follow = follow.set_axis(frame.index)
    cells = {c: not_reached(frame[c], follow, lang) for c in KM_COLUMNS}
    frame = frame.assign(**{c: pd.Series(v, index=frame.index) for c, v in cells.items()})
    frame = km_intervals(frame, follow, lang)
    table = _table(frame, title, lang, sheet, pct=["within_promise_share", "ci_low", "ci_high"],
                   conf=a.conf)  # fmt: skip
    days = {_head(c, lang, a.conf): ".1f" for c in KM_COLUMNS}  # numbers beside any "> N" text
    return replace(table, formats={**table.formats, **days})


def left_out_line(left: LeftOut, lang: str) -> str:
    """ "Read 6 rows; 3 items left out (not a date in inkommen: rows 2, 5, 6)" (review 2, item 16:
    the counts speak of items, the exclusions of cells, and 6 rows gave 3 items unexplained).

    >>> left = LeftOut(6, {("invalid_date", "inkommen"): (2, 5, 6)})
    >>> left_out_line(left, "en")
    'Read 6 rows; 3 items left out (not a date in inkommen: rows 2, 5, 6)'
    >>> left_out_line(left, "sv")
    'Läste 6 rader; 3 synpunkter utelämnade (ogiltigt datum i inkommen: rad 2, 5, 6)'
    >>> left_out_line(LeftOut(6, {}), "sv")
    'Läste 6 rader; ingen synpunkt utelämnad'
    >>> left_out_line(LeftOut(2486, {}), "sv")  # a thousands space (no-break) in Swedish
    'Läste 2\xa0486 rader; ingen synpunkt utelämnad'
    """
    sv = lang == "sv"
    head = (
        f"{'Läste' if sv else 'Read'} {count_text(left.n_rows, lang)} {'rader' if sv else 'rows'}"
    )
    if not left.n_items:
        return f"{head}; {'ingen synpunkt utelämnad' if sv else 'no item left out'}"
    why = []
    for (reason, column), rows in left.rows.items():
        shown = ", ".join(str(r) for r in rows[:10]) + (", …" if len(rows) > 10 else "")
        word = "rad" if sv else ("row" if len(rows) == 1 else "rows")
        why.append(f"{label(reason, lang)} {'i' if sv else 'in'} {column}: {word} {shown}")
    n = left.n_items
    items = (
        ("synpunkt utelämnad" if n == 1 else "synpunkter utelämnade")
        if sv
        else ("item left out" if n == 1 else "items left out")
    )
    return f"{head}; {count_text(n, lang)} {items} ({'; '.join(why)})"


def feedback_sections(
    a: FeedbackAnalysis,
    excluded: dict[str, int],
    lang: str,
    figures: bool = False,
    left_out: LeftOut | None = None,
    exclusions: str | None = None,
) -> list[Section]:
    """Counts, replies, backlog and trend of a feedback register; ``left_out`` names the rows
    read and the items left out whole
    (:func:`~servqual_cli.io.feedback_left_out.items_left_out`); ``exclusions``: the note as
    the command made it, the invalid texts named (session 16)."""
    counts: list[Table | Text | Figure] = [
        _table(
            a.by_type.assign(type=[sl(t, lang) for t in a.by_type["type"]]),
            sl("sheet_type", lang),
            lang,
            "sheet_type",
            pct=["share"],
        ),
        _table(_wide(a.by_unit_type, "unit", lang), sl("sheet_unit", lang), lang, "sheet_unit"),
    ]
    if len(a.by_channel):
        counts.append(
            _table(a.by_channel, sl("sheet_channel", lang), lang, "sheet_channel", pct=["share"])
        )
    counts.append(
        _table(_wide(a.by_period, "period", lang), sl("sheet_period", lang), lang, "sheet_period")
    )
    if figures:
        from servqual_cli.report.chart_words import cw

        counts.append(
            Figure(
                "feedback_periods",
                sl("counts", lang),
                "feedback_periods",
                a.by_period,
                description=cw("chart_desc_feedback", lang),
                axes={"x": cw("chart_period", lang), "y": cw("chart_count", lang)},
            )
        )
    one = "_one" if a.n_anonymous == 1 else ""  # "1 anonymous item is", not "items are"
    anon = f"{count_text(a.n_anonymous, lang)} {sl('anonymous_note' + one, lang)}"
    counts.append(
        Text(
            (f"{left_out_line(left_out, lang)}. " if left_out is not None else "")
            + f"{sl('total', lang)}: {count_text(a.n_items, lang)}; {anon}. "
            + (exclusions or f"{exclusion_summary(excluded, lang)}."),
            kind="note",
        )
    )
    r = a.reply
    overall = pd.DataFrame([{c: getattr(r, c) for c in REPLY_COLUMNS}])
    head = f"{sl('reply', lang)}, {sl('promise', lang)} {limit_text(r.promise, lang)}"
    pooled = _data_span(a, lang)
    pooled = sl("pooled_span", lang).format(span=pooled) if pooled else ""
    reply: list[Table | Text | Figure] = [
        _reply_table(overall, _titled(sl("reply_total", lang), pooled), lang, "sheet_reply", a)
    ]
    if len(a.reply_by_unit):
        by_unit = a.reply_by_unit[["unit", *REPLY_COLUMNS]]
        title = _titled(sl("sheet_reply_unit", lang), pooled)
        reply.append(_reply_table(by_unit, title, lang, "sheet_reply_unit", a))
    else:
        reply.append(Text(sl("no_contact_items", lang), kind="note"))
    # review 4 finding 10: what "Decided" is and the equal-follow-up rule of the share
    day = a.as_of.date().isoformat()
    rule = sl("decided_note", lang).format(as_of=day)
    if r.n_too_recent:
        rule += " " + sl("too_recent_note", lang).format(
            left=fmt_int(r.n_too_recent, lang), open=fmt_int(r.n_too_recent_open, lang),
            promise=limit_text(r.promise, lang), as_of=day)  # fmt: skip
    note = reply_times_note(a, lang) + " " + rule
    last = reply[-1]
    if isinstance(last, Table):
        # the table's own note, so the workbook's sheet carries it too: Excel writes a table's
        # note only, and "[28; > 715]" and Brookmeyer-Crowley were unexplained there (review
        # 11b, finding 2)
        reply[-1] = replace(last, note=f"{last.note} {note}" if last.note else note)
    else:
        reply.append(Text(note, kind="note"))
    sections = [Section(sl("counts", lang), tuple(counts)), Section(head, tuple(reply))]
    if a.backlog is not None:
        backlog = a.backlog.copy()
        sums = {str(c): int(backlog[c].sum()) for c in backlog.columns if c != "unit"}
        total: dict[str, str | int] = {"unit": sl("total", lang), **sums}
        backlog = pd.concat([backlog, pd.DataFrame([total])], ignore_index=True)
        title = f"{sl('backlog', lang)} ({sl('as_of', lang)} {day})"
        # review 9 finding 1: what the promise's count holds (closed items without a reply
        # too) and that it is the reply share's unanswered decided items
        note = sl("backlog_note", lang).format(
            as_of=day, promise=limit_text(r.promise, lang),
            closed=fmt_int(sums.get("n_unanswered_overdue_closed", 0), lang),
            decided=fmt_int(r.n_decided, lang),
            answered=fmt_int(r.n_decided - r.n_unanswered_overdue, lang))  # fmt: skip
        note += " " + sl("backlog_order", lang)  # the order core/feedback.py sorts the units in
        table = _table(backlog, sl("backlog_unit", lang), lang, "sheet_backlog", note=note)
        sections.append(Section(title, (table,)))
    if len(a.trend):
        w = a.trend_window or {}
        head = (  # review 4 finding 5: a register starting later compares the same months
            sl("trend_same_months", lang).format(first=w["previous"]["from"])
            if w.get("same_months")
            else sl("trend", lang)
        )
        sections.append(Section(head, tuple(_trend_tables(a, lang))))
    return sections
