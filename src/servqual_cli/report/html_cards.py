"""The web page's "results at a glance" cards: one per
:class:`~servqual_cli.report.spec.GlanceRow`, readable by a resident (value, target, verdict in
words with an icon, change, the others' mean and rank, period and number of answers).

Values, changes and verdict marks come from the overview table's formatters
(:func:`~servqual_cli.report.numbers.fmt_measure`, :func:`.glance_table.change_text`,
:data:`.glance_table.VERDICT_MARKS`), so a card and the table beside it say the same thing."""

from __future__ import annotations

from functools import cache
from typing import Any

from servqual_cli.report.catalog import KPI, catalog, label
from servqual_cli.report.glance_stat import stat_of_row, stat_value
from servqual_cli.report.glance_summary import where
from servqual_cli.report.glance_table import change_text, small_mark, verdict_key, verdict_mark
from servqual_cli.report.html_words import hw
from servqual_cli.report.numbers import fmt_int, fmt_measure
from servqual_cli.report.spec import TARGET_VERDICTS, GlanceRow


def _verdict(
    code: str | None, lang: str, gap: bool = False, goal: str | None = None
) -> dict[str, str] | None:
    """A verdict's tone, icon and word; ``goal`` ("target" or "norm") words a target verdict
    as the end of the card's sentence "Målet (minst 90,0 %) nås inte" (review 3, finding 18)."""
    if code is None:
        return None
    gap = gap and code in TARGET_VERDICTS
    tone, icon = verdict_mark(code, gap)  # a gap: no ✗, no target red (review 6, finding 6)
    key = verdict_key(code, gap)  # "under förväntan" for a gap against expectations
    if goal is not None and not gap and code in TARGET_VERDICTS:
        key = "g_card_cannot_tell" if code == "cannot_tell" else f"g_card_{goal}_{code}"
    word = words_of(lang).get(key, code)
    return {"tone": tone, "icon": icon, "word": word}


def _where(row: GlanceRow, lang: str) -> str | None:
    """The card's "Under målet i ..." line: the groups ``area`` names, in the words of the test
    that named them (never "worst": no test compared the groups)."""
    if not row.area:
        return None
    text = where(row, lang)
    return text[:1].upper() + text[1:]


def _value(row: GlanceRow, lang: str) -> str:
    """The card's value; one named by its statistic keeps its number and unit on one line
    ("median 32,0\xa0dagar": the longer value broke "32.0 ⏎days" at 390 px).

    >>> _value(GlanceRow("kpi", "A", "days", 32.0, statistic="median"), "sv")
    'median 32,0\xa0dagar'
    """
    shown = fmt_measure(row.value, row.unit, lang)
    if row.statistic is None:
        return shown
    return stat_value(row.statistic, shown.replace(" ", "\xa0"), lang)


@cache
def words_of(lang: str) -> dict[str, str]:
    """The label catalog in ``lang``, looked up once per run (never modified)."""
    return catalog(lang)


def glance_card(row: GlanceRow, lang: str, whole: str | None = None) -> dict[str, Any]:
    """The text of one card; a row the report flagged ``small_base`` (fewer answers than the
    config's ``min_n``, see :func:`servqual_cli.report.glance.glance_block`) keeps its value and
    verdicts, marked "small base, n = 29" (review 12a finding 3).
    ``whole``: the heading of the whole organisation's value (a ``--split`` report), shown
    beside the group's."""
    words = words_of(lang)
    small = row.small_base
    facts: list[dict[str, Any]] = []
    if row.target is not None:
        goal = "norm" if row.target_kind == "norm" else "target"
        bound = hw("at_least" if row.higher_is_better else "at_most", lang)
        # one sentence: "Målet (minst 90,0 %) ✖ nås inte" (review 3, finding 18)
        kind = words[f"g_card_{goal}"].format(
            bound=f"{bound} {fmt_measure(row.target, row.unit, lang)}"
        )
        if goal == "norm" and row.statistic:  # "Normen för medianen (högst 70,0 dagar)"
            shown = f"{bound} {fmt_measure(row.target, row.unit, lang)}"
            kind = label("card_norm_stat", lang, KPI).format(
                stat=stat_of_row(row, lang), bound=shown
            )
        gap = row.against_expectation
        if gap:  # no target anyone set: "Jämfört med förväntan: under förväntan" (review 6, 6)
            kind = words["g_against_expectation"]
        verdict = _verdict(row.target_verdict, lang, gap=gap, goal=goal)
        facts.append({"term": kind, "text": "", "verdict": verdict})
    if row.previous_period is not None or row.change is not None:
        term = (
            hw("change_since", lang, period=row.previous_period)
            if row.previous_period
            else hw("change", lang)
        )
        facts.append(
            {
                "term": term,
                "text": change_text(row, lang),
                "verdict": _verdict(row.change_verdict, lang),
            }
        )
    if row.others_mean is not None or row.rank is not None:
        parts = []
        if row.others_mean is not None:
            parts.append(fmt_measure(row.others_mean, row.unit, lang))
        if row.rank is not None and row.n_compared is not None:
            rank = words["g_rank_of"].format(rank=row.rank, n=row.n_compared)
            parts.append(f"{hw('rank', lang).lower()} {rank}")
        facts.append(
            {
                "term": hw("others", lang),
                "text": ", ".join(parts),
                "verdict": _verdict(row.benchmark_verdict, lang),
            }
        )
    meta = []
    if row.period is not None:
        meta.append({"term": hw("period", lang), "text": row.period})
    if row.n is not None:
        meta.append({"term": hw("answers", lang), "text": fmt_int(row.n, lang)})
    if whole is not None and row.whole_value is not None:
        meta.append({"term": whole, "text": fmt_measure(row.whole_value, row.unit, lang)})
    return {
        "name": row.name,
        "area": _where(row, lang),
        "value": _value(row, lang) + (f" ({small_mark(row, lang)})" if small else ""),
        # the value is read first and named: "Gap: −0,81" before the groups' sentence (review
        # 12b, finding 14)
        "value_label": hw("gap" if row.against_expectation else "value", lang),
        "small": small,
        "severity": row.severity,
        "facts": facts,
        "meta": meta,
        "note": row.note,
    }
