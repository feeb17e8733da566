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
from typing import Any

import pandas as pd

from servqual_cli.core.feedback import FeedbackAnalysis
from servqual_cli.io.feedback import TYPES
from servqual_cli.report.labels import exclusion_summary
from servqual_cli.report.service_labels import limit_text, sl
from servqual_cli.report.spec import Figure, Section, Table, Text, format_value

__all__ = ["feedback_sections"]


def _wide(long: pd.DataFrame, index: str, lang: str) -> pd.DataFrame:
    wide = long.pivot_table(index=index, columns="type", values="n", aggfunc="sum", sort=False)
    wide = wide.reindex(columns=[c for c in long["type"].unique() if c in wide.columns])
    wide[sl("total", lang)] = wide.sum(axis=1)
    names = {index: sl(index, lang), **{t: sl(t, lang) for t in TYPES}}
    return wide.astype(int).rename_axis(None, axis=1).reset_index().rename(columns=names)


def _renamed(
    frame: pd.DataFrame, lang: str, pct: Sequence[str] = ()
) -> tuple[pd.DataFrame, dict[str, str]]:
    formats: dict[str, str] = {}
    for col in frame.columns:
        if col in pct:
            formats[sl(col, lang)] = "pct"
        elif col in ("p", "p_holm"):
            formats[sl(col, lang)] = "p"
        elif frame[col].dtype.kind in "iu":
            formats[sl(col, lang)] = "d"
        elif frame[col].dtype.kind == "f":
            formats[sl(col, lang)] = ".1f"
    return frame.rename(columns={c: sl(c, lang) for c in frame.columns}), formats


def _table(
    frame: pd.DataFrame,
    title: str,
    lang: str,
    sheet: str,
    pct: Sequence[str] = (),
    note: str | None = None,
) -> Table:
    """A renamed table; ``sheet`` is a label key of the sheet name (``"sheet_type"``)."""
    renamed, formats = _renamed(frame, lang, pct)
    return Table(title=title, frame=renamed, formats=formats, note=note, sheet=sl(sheet, lang))


def _share_ci(frame: pd.DataFrame) -> pd.DataFrame:
    """Replace ci_low/ci_high of a share by one text column "79.2–82.6 %" (narrower tables)."""
    ci = [
        "–" if pd.isna(lo) else f"{lo * 100:.1f}–{hi * 100:.1f} %"
        for lo, hi in zip(frame["ci_low"], frame["ci_high"], strict=True)
    ]
    return frame.drop(columns=["ci_low", "ci_high"]).assign(ci=ci)


def _trend_cell(value: Any, measure: str) -> str:
    if measure == "reply_within_promise":
        return format_value(value, "pct")
    return format_value(value, "d" if isinstance(value, int) else ".3g")


def _trend_table(a: FeedbackAnalysis, lang: str) -> Table:
    t = a.trend
    measures = t["measure"].tolist()
    share = [m == "reply_within_promise" for m in measures]
    ci = [
        "–" if pd.isna(lo) else f"{lo * 100:+.1f}–{hi * 100:+.1f}" if pc else f"{lo:.2f}–{hi:.2f}"
        for lo, hi, pc in zip(t["ci_low"], t["ci_high"], share, strict=True)
    ]
    shown = pd.DataFrame(
        {
            "level": [sl(v if v != "reply" else "reply_short", lang) for v in t["level"]],
            "key": [
                sl(k if isinstance(k, str) else m, lang)
                for k, m in zip(t["key"], measures, strict=True)
            ],
            "previous_value": [
                _trend_cell(v, m) for v, m in zip(t["previous_value"], measures, strict=True)
            ],
            "current_value": [_trend_cell(v, m) for v, m in zip(t["value"], measures, strict=True)],
            "estimate": [
                format_value(e * 100, "+.1f") + " pp" if pc else format_value(e, ".2f")
                for e, pc in zip(t["estimate"], share, strict=True)
            ],
            "ci": ci,
            "p": t["p"],
            "p_holm": t["p_holm"],
        }
    )
    w = a.trend_window or {}
    span = (
        (
            f"{w['previous']['from']}–{w['previous']['to']} → "
            f"{w['current']['from']}–{w['current']['to']}"
        )
        if w
        else ""
    )
    return _table(shown, span, lang, "sheet_trend", note=sl("trend_note", lang))


def feedback_sections(
    a: FeedbackAnalysis, excluded: dict[str, int], lang: str, figures: bool = False
) -> list[Section]:
    """Counts, replies, backlog and trend of a feedback register."""
    counts: list[Table | Text | Figure] = [
        _table(
            a.by_type.assign(type=[sl(t, lang) for t in a.by_type["type"]]),
            sl("type", lang),
            lang,
            "sheet_type",
            pct=["share"],
        ),
        _table(_wide(a.by_unit_type, "unit", lang), sl("unit", lang), lang, "sheet_unit"),
    ]
    if len(a.by_channel):
        counts.append(
            _table(a.by_channel, sl("channel", lang), lang, "sheet_channel", pct=["share"])
        )
    counts.append(
        _table(_wide(a.by_period, "period", lang), sl("period", lang), lang, "sheet_period")
    )
    if figures:
        counts.append(
            Figure("feedback_periods", sl("counts", lang), "feedback_periods", a.by_period)
        )
    anon = f"{a.n_anonymous} {sl('anonymous_note', lang)}"
    counts.append(
        Text(
            f"{sl('total', lang)}: {a.n_items}; {anon}. {exclusion_summary(excluded, lang)}.",
            kind="note",
        )
    )
    r = a.reply
    overall = pd.DataFrame(
        [
            {
                "n_with_contact": r.n_with_contact,
                "n_answered": r.n_answered,
                "median_days": r.median_days,
                "p90_days": r.p90_days,
                "within_promise": r.within_promise,
                "n_decided": r.n_decided,
                "within_promise_share": r.within_promise_share,
                "ci_low": r.ci_low,
                "ci_high": r.ci_high,
            }
        ]
    )
    head = f"{sl('reply', lang)}, {sl('promise', lang)} {limit_text(r.promise, lang)}"
    reply: list[Table | Text | Figure] = [
        _table(_share_ci(overall), "", lang, "sheet_reply", pct=["within_promise_share"]),
        _table(
            _share_ci(a.reply_by_unit),
            sl("unit", lang),
            lang,
            "sheet_reply_unit",
            pct=["within_promise_share"],
        ),
    ]
    sections = [Section(sl("counts", lang), tuple(counts)), Section(head, tuple(reply))]
    if a.backlog is not None:
        backlog = a.backlog.copy()
        total = {
            "unit": sl("total", lang),
            "n_open": int(backlog["n_open"].sum()),
            "n_open_overdue": int(backlog["n_open_overdue"].sum()),
        }
        backlog = pd.concat([backlog, pd.DataFrame([total])], ignore_index=True)
        title = f"{sl('backlog', lang)} ({sl('as_of', lang)} {a.as_of.date().isoformat()})"
        sections.append(Section(title, (_table(backlog, "", lang, "sheet_backlog"),)))
    if len(a.trend):
        sections.append(Section(sl("trend", lang), (_trend_table(a, lang),)))
    return sections
