"""Document sections for KPIs, service declarations and the feedback register.

Shared by ``servqual kpi`` / ``servqual feedback`` (terminal, Markdown) and ``servqual report``.
The KPI sections follow the service policy's four aspects (nåbarhet, väntetid,
genomförandetid, resultat), one section each. KPI cells are text because one column mixes
shares, days and seconds; JSON and CSV keep the numbers. With ``figures=True`` the sections
also carry :class:`~servqual_cli.report.spec.Figure` specs for the report's chart module:
``kind="kpi_aspect"`` (data: frame of name, value, ci_low, ci_high, goal, unit,
higher_is_better, statistic, share; shares are 0-1) and ``kind="feedback_periods"`` (data:
the tidy by_period frame).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

import pandas as pd

from servqual_cli.core.feedback import FeedbackAnalysis
from servqual_cli.core.kpi import KpiResult
from servqual_cli.io.feedback import TYPES
from servqual_cli.io.kpi_config import ASPECTS
from servqual_cli.report.labels import exclusion_summary, label
from servqual_cli.report.spec import Figure, Section, Table, Text, format_value

SERVICE_LABELS: dict[str, tuple[str, str]] = {
    # key: (sv, en)
    "nåbarhet": ("Nåbarhet", "Reachability"),
    "väntetid": ("Väntetid", "Waiting time"),
    "genomförandetid": ("Genomförandetid", "Lead time"),
    "resultat": ("Resultat", "Result"),
    "kpi": ("Nyckeltal", "KPI"),
    "klagomål": ("klagomål", "complaint"),
    "synpunkt": ("synpunkt", "comment"),
    "förslag": ("förslag", "suggestion"),
    "fråga": ("fråga", "question"),
    "beröm": ("beröm", "praise"),
    "value": ("Värde", "Value"),
    "ci": ("95 % KI", "95% CI"),
    "goal": ("Mål / norm", "Target / norm"),
    "verdict": ("Bedömning", "Verdict"),
    "worst": ("Sämst", "Worst groups"),
    "change": ("Förändring", "Change"),
    "met": ("uppfyllt", "met"),
    "not met": ("ej uppfyllt", "not met"),
    "cannot tell": ("kan ej avgöras", "cannot tell"),
    "target_word": ("mål", "target"),
    "norm_word": ("norm", "norm"),
    "days": ("dagar", "days"),
    "working days": ("arbetsdagar", "working days"),
    "hours": ("timmar", "hours"),
    "working hours": ("arbetstimmar", "working hours"),
    "weeks": ("veckor", "weeks"),
    "seconds": ("s", "s"),
    "group": ("Grupp", "Group"),
    "type": ("Typ", "Type"),
    "unit": ("Förvaltning", "Unit"),
    "channel": ("Kanal", "Channel"),
    "period": ("Period", "Period"),
    "n": ("Antal", "n"),
    "share": ("Andel", "Share"),
    "total": ("Totalt", "Total"),
    "all": ("alla", "all"),
    "counts": ("Inkomna synpunkter", "Feedback received"),
    "reply": ("Svar (endast med kontaktuppgifter)", "Replies (contact details given only)"),
    "n_with_contact": ("Med kontaktuppgifter", "With contact details"),
    "n_answered": ("Besvarade", "Answered"),
    "median_days": ("Median dagar", "Median days"),
    "p90_days": ("90:e percentil dagar", "90th percentile days"),
    "within_promise": ("Inom löftet", "Within promise"),
    "n_decided": ("Avgjorda", "Decided"),
    "within_promise_share": ("Andel inom löftet", "Share within promise"),
    "ci_low": ("KI låg", "CI low"),
    "ci_high": ("KI hög", "CI high"),
    "backlog": ("Balans: öppna ärenden äldre än löftet", "Backlog: open items older than promise"),
    "n_open": ("Öppna", "Open"),
    "n_open_overdue": ("Öppna, äldre än löftet", "Open, older than promise"),
    "trend": ("Jämfört med föregående tolv månader", "Against the previous twelve months"),
    "level": ("Nivå", "Level"),
    "key": ("Grupp", "Group"),
    "previous_value": ("Föregående", "Previous"),
    "current_value": ("Senaste", "Latest"),
    "estimate": ("Kvot / skillnad", "Ratio / difference"),
    "p": ("p", "p"),
    "p_holm": ("p (Holm)", "p (Holm)"),
    "reply_within_promise": ("Andel besvarade inom löftet", "Share answered within promise"),
    "median_days_to_reply": ("Median dagar till svar", "Median days to reply"),
    "count": ("Antal", "Count"),
    "anonymous_note": (
        "anonyma synpunkter räknas men ingår aldrig i svarsuppgifterna",
        "anonymous items are counted but never in the reply figures",
    ),
    "as_of": ("per", "as of"),
    "promise": ("löfte", "promise"),
    "start_after_as_of": ("start efter datumet", "start after the as-of date"),
    "reply_short": ("Svar", "Reply"),
    "trend_note": (
        "Antal: kvot av dagstakt med exakt Poissontest; andel inom löftet: skillnad i "
        "procentenheter, Fishers exakta test; median: Mann-Whitney. p (Holm) justerar inom typer "
        "och inom förvaltningar.",
        "Counts: ratio of daily rates, exact Poisson test; share within promise: difference in "
        "percentage points, Fisher's exact test; median: Mann-Whitney. p (Holm) adjusts within "
        "types and within units.",
    ),
    "undecided": (
        "öppna ärenden ännu inom gränsen ingår inte",
        "open cases still inside the limit are not counted",
    ),
}


def _l(key: str, lang: str) -> str:
    return label(key, lang, SERVICE_LABELS)


def _num(value: float, pct: bool) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    if pct:
        return f"{value * 100:.1f}"
    return f"{value:.0f}" if abs(value) >= 10 else f"{value:.2g}" if value else "0"


def _with_unit(text: str, result: KpiResult, lang: str) -> str:
    if text == "–":
        return text
    if result.spec.statistic in ("share", "share_within"):
        return f"{text} %"
    unit = result.spec.unit
    return f"{text} {_l(unit, lang)}" if unit else text


def kpi_value_text(result: KpiResult, value: float, lang: str) -> str:
    """A KPI value with its unit: ``79.6 %``, ``34 dagar``, ``56 s``."""
    return _with_unit(_num(value, result.spec.statistic in ("share", "share_within")), result, lang)


def _ci_text(result: KpiResult, lang: str) -> str:
    pct = result.spec.statistic in ("share", "share_within")
    low, high = _num(result.ci_low, pct), _num(result.ci_high, pct)
    return "–" if "–" in (low, high) else _with_unit(f"{low}–{high}", result, lang)


def _goal_text(result: KpiResult, lang: str) -> str:
    s = result.spec
    parts = []
    for key, value in (("target_word", s.target), ("norm_word", s.norm)):
        if value is not None:
            sign = "≥" if s.higher_is_better else "≤"
            shown = kpi_value_text(result, value, lang).replace(".0 ", " ")
            parts.append(f"{_l(key, lang)} {sign} {shown}")
    if s.limit is not None:
        parts.append(f"({s.limit.text})")
    return " ".join(parts) or "–"


def _worst_text(result: KpiResult, lang: str, k: int = 2) -> str:
    rows = result.groups.head(k)
    return (
        ", ".join(
            f"{g} {kpi_value_text(result, v, lang)}"
            for g, v in zip(rows["group"], rows["value"], strict=True)
        )
        or "–"
    )


def _change_text(result: KpiResult, lang: str) -> str:
    c = result.change
    if c is None:
        return "–"
    pct = result.spec.statistic in ("share", "share_within")
    return (
        f"{c.previous_period}→{c.period}: {_num(c.previous_value, pct)} → "
        f"{kpi_value_text(result, c.value, lang)}, p {format_value(c.p, 'p')}"
    )


def kpi_table(results: Sequence[KpiResult], lang: str, title: str = "") -> Table:
    """One row per KPI: n, value, CI, target/norm, verdict, worst groups, change."""
    rows = [
        {
            _l("kpi", lang): r.spec.name,
            "n": r.n,
            _l("value", lang): kpi_value_text(r, r.value, lang),
            _l("ci", lang): _ci_text(r, lang),
            _l("goal", lang): _goal_text(r, lang),
            _l("verdict", lang): _l(r.verdict, lang) if r.verdict else "–",
            _l("worst", lang): _worst_text(r, lang),
            _l("change", lang): _change_text(r, lang),
        }
        for r in results
    ]
    return Table(title=title, frame=pd.DataFrame(rows), formats={"n": "d"}, sheet="KPI")


def kpi_group_table(result: KpiResult, lang: str) -> Table:
    """A KPI per group, worst first (for the report)."""
    g = result.groups
    frame = pd.DataFrame(
        {
            _l("group", lang): g["group"],
            "n": g["n"],
            _l("value", lang): [kpi_value_text(result, v, lang) for v in g["value"]],
            _l("ci", lang): [
                f"{_num(a, result.spec.statistic.startswith('share'))}–"
                f"{_num(b, result.spec.statistic.startswith('share'))}"
                for a, b in zip(g["ci_low"], g["ci_high"], strict=True)
            ],
            _l("verdict", lang): [_l(v, lang) if v else "–" for v in g["verdict"]],
        }
    )
    return Table(
        title=f"{result.spec.name} – {result.spec.by}",
        frame=frame,
        formats={"n": "d"},
        sheet=f"KPI {result.spec.index}",
    )


def _notes(results: Sequence[KpiResult], lang: str) -> list[Text]:
    notes = []
    for r in results:
        bits = []
        if r.excluded:
            bits.append(exclusion_summary(r.excluded, lang))
        if r.as_of is not None:
            bits.append(f"{_l('as_of', lang)} {r.as_of.date().isoformat()}")
        if r.n_undecided:
            bits.append(f"{r.n_undecided} {_l('undecided', lang)}")
        if bits:
            notes.append(Text(f"{r.spec.name}: {'; '.join(bits)}.", kind="note"))
    return notes


def kpi_sections(
    results: Sequence[KpiResult], lang: str, groups: bool = False, figures: bool = False
) -> list[Section]:
    """One section per aspect, in the policy's order; aspects without KPIs are left out."""
    sections = []
    for aspect in ASPECTS:
        mine = [r for r in results if r.spec.aspect == aspect]
        if not mine:
            continue
        blocks: list[Table | Text | Figure] = [kpi_table(mine, lang)]
        if groups:
            blocks += [kpi_group_table(r, lang) for r in mine if len(r.groups)]
        if figures:
            data = pd.DataFrame(
                {
                    "name": [r.spec.name for r in mine],
                    "value": [r.value for r in mine],
                    "ci_low": [r.ci_low for r in mine],
                    "ci_high": [r.ci_high for r in mine],
                    "goal": [r.goal for r in mine],
                    "unit": [r.spec.unit for r in mine],
                    "higher_is_better": [r.spec.higher_is_better for r in mine],
                    "statistic": [r.spec.statistic for r in mine],
                    "share": [r.spec.statistic in ("share", "share_within") for r in mine],
                }
            )
            blocks.append(Figure(f"kpi_{aspect}", _l(aspect, lang), "kpi_aspect", data))
        blocks += _notes(mine, lang)
        sections.append(Section(title=_l(aspect, lang), blocks=tuple(blocks)))
    return sections


def _wide(long: pd.DataFrame, index: str, lang: str) -> pd.DataFrame:
    wide = long.pivot_table(index=index, columns="type", values="n", aggfunc="sum", sort=False)
    wide = wide.reindex(columns=[c for c in long["type"].unique() if c in wide.columns])
    wide[_l("total", lang)] = wide.sum(axis=1)
    names = {index: _l(index, lang), **{t: _l(t, lang) for t in TYPES}}
    return wide.astype(int).rename_axis(None, axis=1).reset_index().rename(columns=names)


def _renamed(
    frame: pd.DataFrame, lang: str, pct: Sequence[str] = ()
) -> tuple[pd.DataFrame, dict[str, str]]:
    formats: dict[str, str] = {}
    for col in frame.columns:
        if col in pct:
            formats[_l(col, lang)] = "pct"
        elif col in ("p", "p_holm"):
            formats[_l(col, lang)] = "p"
        elif frame[col].dtype.kind in "iu":
            formats[_l(col, lang)] = "d"
        elif frame[col].dtype.kind == "f":
            formats[_l(col, lang)] = ".1f"
    return frame.rename(columns={c: _l(c, lang) for c in frame.columns}), formats


def _table(
    frame: pd.DataFrame,
    title: str,
    lang: str,
    sheet: str,
    pct: Sequence[str] = (),
    note: str | None = None,
) -> Table:
    renamed, formats = _renamed(frame, lang, pct)
    return Table(title=title, frame=renamed, formats=formats, note=note, sheet=sheet)


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
            "level": [_l(v if v != "reply" else "reply_short", lang) for v in t["level"]],
            "key": [
                _l(k if isinstance(k, str) else m, lang)
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
    return _table(shown, span, lang, "Trend", note=_l("trend_note", lang))


def feedback_sections(
    a: FeedbackAnalysis, excluded: dict[str, int], lang: str, figures: bool = False
) -> list[Section]:
    """Counts, replies, backlog and trend of a feedback register."""
    counts: list[Table | Text | Figure] = [
        _table(
            a.by_type.assign(type=[_l(t, lang) for t in a.by_type["type"]]),
            _l("type", lang),
            lang,
            "Typ",
            pct=["share"],
        ),
        _table(_wide(a.by_unit_type, "unit", lang), _l("unit", lang), lang, "Förvaltning"),
    ]
    if len(a.by_channel):
        counts.append(_table(a.by_channel, _l("channel", lang), lang, "Kanal", pct=["share"]))
    counts.append(_table(_wide(a.by_period, "period", lang), _l("period", lang), lang, "Period"))
    if figures:
        counts.append(
            Figure("feedback_periods", _l("counts", lang), "feedback_periods", a.by_period)
        )
    anon = f"{a.n_anonymous} {_l('anonymous_note', lang)}"
    counts.append(
        Text(
            f"{_l('total', lang)}: {a.n_items}; {anon}. {exclusion_summary(excluded, lang)}.",
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
    head = f"{_l('reply', lang)}, {_l('promise', lang)} {r.promise}"
    reply: list[Table | Text | Figure] = [
        _table(_share_ci(overall), "", lang, "Svar", pct=["within_promise_share"]),
        _table(
            _share_ci(a.reply_by_unit),
            _l("unit", lang),
            lang,
            "Svar per förvaltning",
            pct=["within_promise_share"],
        ),
    ]
    sections = [Section(_l("counts", lang), tuple(counts)), Section(head, tuple(reply))]
    if a.backlog is not None:
        backlog = a.backlog.copy()
        total = {
            "unit": _l("total", lang),
            "n_open": int(backlog["n_open"].sum()),
            "n_open_overdue": int(backlog["n_open_overdue"].sum()),
        }
        backlog = pd.concat([backlog, pd.DataFrame([total])], ignore_index=True)
        title = f"{_l('backlog', lang)} ({_l('as_of', lang)} {a.as_of.date().isoformat()})"
        sections.append(Section(title, (_table(backlog, "", lang, "Balans"),)))
    if len(a.trend):
        sections.append(Section(_l("trend", lang), (_trend_table(a, lang),)))
    return sections
