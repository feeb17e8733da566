"""The web page's "results at a glance" cards: one per
:class:`~servqual_cli.report.spec.GlanceRow`, readable by a resident (value, target, verdict in
words with an icon, change, the others' mean and rank, period and number of answers)."""

from __future__ import annotations

from functools import cache
from typing import Any

from servqual_cli.report.catalog import catalog
from servqual_cli.report.glance_summary import where
from servqual_cli.report.glance_table import verdict_key
from servqual_cli.report.html_cells import missing
from servqual_cli.report.html_words import hw
from servqual_cli.report.numbers import MISSING, fmt_int, fmt_number, fmt_percent, fmt_signed
from servqual_cli.report.spec import TARGET_VERDICTS, GlanceRow

_DECIMALS = {"share": 1, "index": 1, "gap": 2, "mean": 2, "days": 1, "working_days": 1,
             "hours": 1, "working_hours": 1, "seconds": 0, "count": 0}  # fmt: skip
_UNIT_WORD = {"days", "working_days", "hours", "working_hours", "seconds"}
# verdict code -> (tone, icon); the icon is decoration (aria-hidden), the word carries it
_TONE = {
    "better": ("good", "▲"),
    "met": ("good", "✔"),
    "worse": ("bad", "▼"),
    "not_met": ("bad", "✖"),
    "no_change": ("neutral", "="),
    "more": ("neutral", "↑"),  # more feedback items of every type: not in itself worse
    "same": ("neutral", "="),
    "cannot_tell": ("unknown", "?"),
}


def _value_text(value: float | None, unit: str, lang: str) -> str:
    if missing(value):
        return MISSING
    if unit == "share":
        return fmt_percent(value, lang, 1)
    text = fmt_number(value, lang, _DECIMALS.get(unit, 2))
    return f"{text} {hw(unit, lang)}" if unit in _UNIT_WORD else text


def _change_text(change: float | None, unit: str, lang: str) -> str:
    if change is None or missing(change):
        return MISSING
    if unit == "share":  # a change of a share is in percentage points, never in percent
        return f"{fmt_signed(float(change) * 100, lang, 1)} {hw('pp', lang)}"
    text = fmt_signed(change, lang, _DECIMALS.get(unit, 2))
    return f"{text} {hw(unit, lang)}" if unit in _UNIT_WORD else text


def _card_change(row: GlanceRow, lang: str) -> str:
    """The change; for a time the medians' difference first, then the Hodges-Lehmann shift the
    verdict is about (review 4, finding 1: a shift alone reads as the median's change)."""
    shift = _change_text(row.change, row.unit, lang)
    if row.median_change is None or missing(row.median_change):
        return shift
    median = _change_text(row.median_change, row.unit, lang)
    return words_of(lang)["g_median_and_shift"].format(median=median, shift=shift)


def _verdict(
    code: str | None, lang: str, gap: bool = False, goal: str | None = None
) -> dict[str, str] | None:
    """A verdict's tone, icon and word; ``goal`` ("target" or "norm") words a target verdict
    as the end of the card's sentence "Målet (minst 90,0 %) nås inte" (review 3, finding 18)."""
    if code is None:
        return None
    tone, icon = _TONE.get(code, ("unknown", "?"))
    gap = gap and code in TARGET_VERDICTS
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


@cache
def words_of(lang: str) -> dict[str, str]:
    """The label catalog in ``lang``, looked up once per run (never modified)."""
    return catalog(lang)


def glance_card(row: GlanceRow, lang: str, whole: str | None = None) -> dict[str, Any]:
    """The text of one card; a row the report flagged ``small_base`` (fewer answers than the
    config's ``min_n``, see :func:`servqual_cli.report.glance.glance_block`) becomes "too few
    answers" with no verdict. ``whole``: the heading of the whole organisation's value (a
    ``--split`` report), shown beside the group's."""
    words = words_of(lang)
    too_few = words["g_too_few"]
    small = row.small_base
    facts: list[dict[str, Any]] = []
    if row.target is not None:
        goal = "norm" if row.target_kind == "norm" else "target"
        bound = hw("at_least" if row.higher_is_better else "at_most", lang)
        # one sentence: "Målet (minst 90,0 %) ✖ nås inte" (review 3, finding 18)
        kind = words[f"g_card_{goal}"].format(
            bound=f"{bound} {_value_text(row.target, row.unit, lang)}"
        )
        gap = row.against_expectation
        if gap:  # no target anyone set: "Mot förväntan ✖ under förväntan" (review 3, finding 4)
            kind = words["g_against_expectation"]
        verdict = _verdict(row.target_verdict, lang, gap=gap, goal=goal)
        facts.append(
            {"term": kind, "text": MISSING if small else "", "verdict": None if small else verdict}
        )
    if row.previous_period is not None or row.change is not None:
        term = (
            hw("change_since", lang, period=row.previous_period)
            if row.previous_period
            else hw("change", lang)
        )
        facts.append(
            {
                "term": term,
                "text": too_few if small else _card_change(row, lang),
                "verdict": None if small else _verdict(row.change_verdict, lang),
            }
        )
    if row.others_mean is not None or row.rank is not None:
        parts = []
        if row.others_mean is not None:
            parts.append(_value_text(row.others_mean, row.unit, lang))
        if row.rank is not None and row.n_compared is not None:
            rank = words["g_rank_of"].format(rank=row.rank, n=row.n_compared)
            parts.append(f"{hw('rank', lang).lower()} {rank}")
        facts.append(
            {
                "term": hw("others", lang),
                "text": ", ".join(parts),
                "verdict": None if small else _verdict(row.benchmark_verdict, lang),
            }
        )
    meta = []
    if row.period is not None:
        meta.append({"term": hw("period", lang), "text": row.period})
    if row.n is not None:
        meta.append({"term": hw("answers", lang), "text": fmt_int(row.n, lang)})
    if whole is not None and row.whole_value is not None:
        meta.append({"term": whole, "text": _value_text(row.whole_value, row.unit, lang)})
    return {
        "name": row.name,
        "area": _where(row, lang),
        "value": too_few if small else _value_text(row.value, row.unit, lang),
        "small": small,
        "severity": row.severity,
        "facts": facts,
        "meta": meta,
        "note": row.note,
    }
