"""The feedback register's rows of "Resultat i korthet": significant rises in the number of
items and the unanswered items older than the reply promise (see
:mod:`~servqual_cli.report.glance_rows`)."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any

import pandas as pd

from servqual_cli.report.catalog import rl
from servqual_cli.report.glance_row_parts import ALPHA
from servqual_cli.report.numbers import fmt_int, fmt_number
from servqual_cli.report.spec import GlanceRow

if TYPE_CHECKING:
    from servqual_cli.core.feedback import FeedbackAnalysis

__all__ = ["feedback_rows"]


def _window_text(span: dict[str, Any]) -> str:
    """A trend window as a year when it is one whole calendar year, else "from–to".

    >>> _window_text({"from": "2024-01-01", "to": "2024-12-31"})
    '2024'
    >>> _window_text({"from": "2023-07-01", "to": "2024-06-30"})
    '2023-07-01–2024-06-30'
    """
    a, b = str(span["from"]), str(span["to"])
    if a[:4] == b[:4] and a[4:] == "-01-01" and b[4:] == "-12-31":
        return a[:4]
    return f"{a}–{b}"


def not_compared_rows(trend: pd.DataFrame, window: dict[str, Any], lang: str) -> list[GlanceRow]:
    """The units (then types) with no item in one of the two windows, which the trend does not
    compare (``reason`` ``none_current`` / ``none_previous``, the field ``servqual feedback``
    names them from): one row each with its count in the window that has items, and one
    sentence for the paragraph naming them all (review 16, finding 3: a renamed unit's rise
    vanished from the overview without a word). No verdict: no test was made.

    >>> t = pd.DataFrame({"measure": "count", "level": "unit", "key": ["Stadsmiljö", "Teknisk"],
    ...     "value": [450, 0], "previous_value": [0, 370],
    ...     "reason": ["none_previous", "none_current"]})
    >>> w = {"previous": {"from": "2023-01-01", "to": "2023-12-31"},
    ...      "current": {"from": "2024-01-01", "to": "2024-12-31"}}
    >>> rows = not_compared_rows(t, w, "sv")
    >>> [(r.name, r.value, r.period, r.note) for r in rows]  # doctest: +NORMALIZE_WHITESPACE
    [('Synpunkter: Teknisk', 370.0, '2023', 'inga synpunkter 2024; jämförs inte: bytt namn eller
      omorganiserat?'), ('Synpunkter: Stadsmiljö', 450.0, '2024', 'inga synpunkter 2023; jämförs
      inte: bytt namn eller omorganiserat?')]
    >>> rows[0].plain
    'Teknisk (370 synpunkter 2023, inga 2024) och Stadsmiljö (450 synpunkter 2024, inga 2023) \
jämförs inte: bytt namn eller omorganiserat?'
    >>> not_compared_rows(t.iloc[[0]], w, "en")[0].plain
    'Stadsmiljö (450 items in 2024, none in 2023) is not compared: renamed or reorganised?'
    """
    from servqual_cli.report.service_labels import sl
    from servqual_cli.report.word_lists import join_items

    if "reason" not in trend:
        return []
    gone = trend[
        trend["measure"].eq("count")
        & trend["reason"].isin(("none_current", "none_previous"))
        & (trend["compared"].ne(True) if "compared" in trend else True)
    ]
    periods = {
        "previous": _window_text(window["previous"]),
        "current": _window_text(window["current"]),
    }
    rows: list[GlanceRow] = []
    for level in ("unit", "type"):
        # the one gone first, then the one new: "Tekniska (… 2023) och Stadsmiljö (… 2024)"
        recs = sorted(
            gone[gone["level"].eq(level)].to_dict("records"),
            key=lambda r: r["reason"] != "none_current",
        )
        if not recs:
            continue
        texts, level_rows = [], []
        for rec in recs:  # a handful of units, not data rows
            earlier = rec["reason"] == "none_current"  # items in the earlier window only
            count = int(rec["previous_value"] if earlier else rec["value"])
            period = periods["previous" if earlier else "current"]
            other = periods["current" if earlier else "previous"]
            many = "nc_items_one" if count == 1 else "nc_items_many"
            name = sl(str(rec["key"]), lang)
            texts.append(
                rl(
                    "nc_item",
                    lang,
                    name=name,
                    n=fmt_int(count, lang),
                    items=rl(many, lang),
                    period=period,
                    other=other,
                )
            )
            level_rows.append(
                GlanceRow(
                    kind="feedback",
                    name=rl("feedback_items_of", lang, what=name),
                    unit="count",
                    value=float(count),
                    period=period,
                    n=None,  # a count of items, not a sample
                    higher_is_better=False,
                    note=rl(f"nc_{level}_note", lang, other=other),
                )
            )
        one = "one" if len(recs) == 1 else "many"
        plain = rl(f"p_nc_{level}_{one}", lang, items=join_items(texts, lang))
        rows += [replace(r, plain=plain) for r in level_rows]
    return rows


def feedback_rows(a: FeedbackAnalysis, lang: str) -> list[GlanceRow]:
    """Bad news from the feedback register, named plainly: a significant rise in the number of
    items (the register's own trend test: exact Poisson rate ratio, Holm within its family;
    the total, each unit, and complaints) and the unanswered items older than the promise,
    those closed without a reply named apart."""
    from servqual_cli.report.service_labels import limit_text, sl

    rows = []
    t = a.trend
    w = a.trend_window
    # the register's own types, never a list written here (review 6, finding 9)
    seen = a.by_type[a.by_type["n"].to_numpy() > 0] if "type" in a.by_type else a.by_type
    kinds = [sl(str(k), lang) for k in seen["type"]] if "type" in seen else []
    types = ", ".join(kinds) if kinds else "–"
    if len(t) and w:
        counts = t[t["measure"].eq("count")]
        if "compared" in counts:  # review 12a finding 1: a unit absent from one window (renamed,
            # reorganised) has no test and is no "more items" row, whatever its counts
            counts = counts[counts["compared"].eq(True)]
        rise = counts[
            (counts["p_holm"].astype(float) < ALPHA)
            & (counts["estimate"].astype(float) > 1)
            & (counts["level"].ne("type") | counts["key"].eq("klagomål"))
        ]
        for rec in rise.to_dict("records"):
            key = "all" if rec["level"] == "total" else str(rec["key"])
            name = rl(
                "feedback_items_total" if rec["level"] == "total" else "feedback_items_of",
                lang,
                what=sl(key, lang),
            )
            note = rl(
                "feedback_rise_note",
                lang,
                ratio=fmt_number(float(rec["estimate"]), lang, 2),
                low=fmt_number(float(rec["ci_low"]), lang, 2),
                high=fmt_number(float(rec["ci_high"]), lang, 2),
            )
            # review 3, finding 7: only complaints are a deterioration; a count of every type
            # (praise and suggestions too) is "more", and its note says what it counts
            complaints = rec["level"] == "type"
            if not complaints:
                note = f"{note}; {rl('feedback_all_types', lang, types=types)}"
            rows.append(
                GlanceRow(
                    kind="feedback",
                    name=name,
                    short_name=rl("feedback_total_short", lang)
                    if rec["level"] == "total"
                    else sl(key, lang),
                    plain=None if complaints else rl("p_feedback_types", lang, types=types),
                    unit="count",
                    value=float(rec["value"]),
                    period=_window_text(w["current"]),
                    # no n: the value is itself a count, and a small count (20 -> 35 items) is
                    # no small sample to be flagged "too few answers" and lose its verdict
                    n=None,
                    previous_period=_window_text(w["previous"]),
                    previous_value=float(rec["previous_value"]),
                    change=float(rec["value"]) - float(rec["previous_value"]),
                    change_verdict="worse" if complaints else "more",
                    # where the change was computed and the p its verdict follows, in the
                    # column the service measurement's rows fill (review 10c, finding 5); Holm
                    # within the register's family, so no change_family (that is the
                    # measurement's, named in the overview's note)
                    change_source="feedback",
                    change_p=float(rec["p_holm"]),
                    higher_is_better=False,
                    note=note,
                )
            )
        rows += not_compared_rows(t, w, lang)
    if a.backlog is not None and len(a.backlog):
        # review 3, finding 12: the reply promise's count is the items with contact details and
        # no reply older than the promise; items not closed (answered or not, anonymous or not)
        # are a separate, differently worded count; no target (none was set). Review 9, finding
        # 1: the count holds those closed without a reply too, and the sentence names them
        b = a.backlog
        unanswered = int(b["n_unanswered_overdue"].sum()) if "n_unanswered_overdue" in b else 0
        shut = "n_unanswered_overdue_closed"
        closed = int(b[shut].sum()) if shut in b else 0
        overdue = int(b["n_open_overdue"].sum())
        promise = limit_text(a.promise.text, lang)
        date = a.as_of.date().isoformat()
        rows.append(
            GlanceRow(
                kind="backlog",
                name=rl("backlog_row", lang, promise=promise),
                unit="count",
                value=float(unanswered),
                period=date,
                n=None,  # a count of items, not a sample
                higher_is_better=False,
                # the card's and the row's note: what the name and value do not say (review
                # 10c, finding 4: the row repeated the paragraph's sentence word for word)
                note=(
                    rl("backlog_note_closed", lang, closed=fmt_int(closed, lang)) if closed else ""
                )
                + rl(
                    "backlog_note",
                    lang,
                    open=fmt_int(int(b["n_open"].sum()), lang),
                    overdue=fmt_int(overdue, lang),
                    promise=promise,
                ),
                plain=rl(  # the paragraph's sentence
                    "p_backlog",
                    lang,
                    unanswered=fmt_int(unanswered, lang),
                    overdue=fmt_int(overdue, lang),
                    open=fmt_int(int(b["n_open"].sum()), lang),
                    promise=promise,
                    date=date,
                    closed=rl("p_backlog_closed", lang, closed=fmt_int(closed, lang))
                    if closed
                    else "",
                ),
            )
        )
    return rows
