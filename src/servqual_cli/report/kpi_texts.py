"""The texts of a KPI's row and notes: values with their unit, the goal, the groups below it, the
change (for a time: the shift its test judges, review 5 finding 5), the equal-follow-up and
unreached rules.

Split from :mod:`servqual_cli.report.kpi_sections` (which re-exports the public ones) so that
module stays under 400 lines. These functions only format.
"""

from __future__ import annotations

import math
import re

from servqual_cli.core.kpi import KpiResult, below_goal
from servqual_cli.core.kpi_results import SHIFT_ESTIMATE
from servqual_cli.report.catalog import KPI, label
from servqual_cli.report.change_formats import bound_text
from servqual_cli.report.conf_level import level_text
from servqual_cli.report.numbers import fmt_int, fmt_number, fmt_signed, with_percent
from servqual_cli.report.service_labels import limit_text, sl, unit_text
from servqual_cli.report.spec import format_value

__all__ = [
    "SHIFT",
    "below_rule_text",
    "below_text",
    "change_text",
    "follow_up_name",
    "follow_up_text",
    "goal_text",
    "kpi_value_text",
    "unreached_text",
]


def _num(value: float, pct: bool, lang: str = "en") -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    if pct:
        return fmt_number(value * 100, lang, 1)
    if abs(value) >= 10 or not value:
        return fmt_number(value, lang, 0)
    return format_value(float(f"{value:.2g}"), None, lang)


def _with_unit(text: str, result: KpiResult, lang: str) -> str:
    if text == "–":
        return text
    if result.spec.statistic in ("share", "share_within"):
        return with_percent(text, lang)
    unit = unit_text(result.spec.unit, lang)
    return f"{text} {unit}" if unit else text


def kpi_value_text(result: KpiResult, value: float, lang: str) -> str:
    """A KPI value with its unit: ``79.6 %``, ``34 dagar``, ``56 s``."""
    pct = result.spec.statistic in ("share", "share_within")
    return _with_unit(_num(value, pct, lang), result, lang)


def follow_up_text(result: KpiResult, lang: str) -> str | None:
    """The equal-follow-up rule in words (None when it left nothing out): "jämför ärenden som
    hade hela tiden på sig (70 dagar före 2024-12-30): 235 av 279 ärenden 2024; 44 senare
    ärenden, varav 22 öppna, ingår inte"."""
    f = result.follow_up
    if f is None or result.as_of is None:
        return None
    s = result.spec
    if f.basis == "limit" and s.limit is not None:
        length = limit_text(s.limit.text, lang)
    else:
        length = re.sub(r"[.,]0(?=\D|$)", "", kpi_value_text(result, f.length, lang))
    return (
        sl("follow_up_rule", lang)
        .format(
            length=length,
            as_of=result.as_of.date().isoformat(),
            kept=fmt_int(f.n_kept, lang),
            total=fmt_int(f.n_total, lang),
            period=result.period or "",
            left=fmt_int(f.n_total - f.n_kept, lang),
            open=fmt_int(f.n_open_left_out, lang),
        )
        .replace("  ", " ")
    )


def unreached_text(result: KpiResult, lang: str) -> str | None:
    """A waiting time's rule when calls that reached no one have none (review 3, finding 10):
    "median över de 43 samtal som nådde en person; 11 samtal nådde ingen och saknar väntetid"."""
    k = result.excluded.get("unreached", 0)
    if not k:
        return None
    stat = sl(f"stat_{result.spec.statistic}", lang)
    return sl("unreached_rule", lang).format(
        stat=stat, n=fmt_int(result.n, lang), k=fmt_int(k, lang)
    )


def follow_up_name(result: KpiResult, lang: str) -> str:
    """The KPI's name, with the equal-follow-up rule when it left cases out (for the overview's
    cards, sentences and rows, which show no footnotes)."""
    f = result.follow_up
    if f is None:
        return result.spec.name
    return sl("follow_up_name", lang).format(
        name=result.spec.name, kept=fmt_int(f.n_kept, lang), total=fmt_int(f.n_total, lang)
    )


def goal_text(result: KpiResult, lang: str) -> str:
    s = result.spec
    parts = []
    for key, value in (("target_word", s.target), ("norm_word", s.norm)):
        if value is not None:
            sign = "≥" if s.higher_is_better else "≤"
            shown = re.sub(r"[.,]0(?=\D|$)", "", kpi_value_text(result, value, lang))
            parts.append(f"{sl(key, lang)} {sign} {shown}")
    if s.limit is not None:
        parts.append(f"({limit_text(s.limit.text, lang)})")
    return " ".join(parts) or "–"


def below_text(result: KpiResult, lang: str, k: int = 3) -> str:
    """The groups shown to miss the target or norm (worst first, at most ``k``), each with its
    value and n; "–" when none is. A group is named only with at least the result's ``min_n``
    cases and a one-sided exact test against the goal that holds after Holm over the groups so
    screened (the core's one judgement, :func:`~servqual_cli.core.kpi.below_goal`, review 3
    finding 8); no group is called "worst": no test compared the groups with each other."""
    g, _ = below_goal(result)
    if not len(g):
        return "–"
    if len(g) == len(result.groups) > 1:
        return sl("all_groups", lang).format(n=len(g))
    shown = [
        f"{name} {kpi_value_text(result, v, lang)} (n = {fmt_int(int(n), lang)})"
        for name, v, n in zip(g["group"][:k], g["value"][:k], g["n"][:k], strict=True)
    ]
    more = len(g) - k
    return ", ".join(shown) + (f" {sl('and_more', lang).format(n=more)}" if more > 0 else "")


def below_rule_text(result: KpiResult, lang: str) -> str | None:
    """The rule that names groups below the goal, with its family size (None without groups or
    a goal): "under målet: grupper med minst 30 ärenden vars ensidiga exakta test mot målet
    håller efter Holm över de 3 grupper som prövades"."""
    if not len(result.groups) or result.goal is None:
        return None
    min_n, family = result.min_n, result.groups_tested  # judged once, in the core
    if result.spec.statistic not in ("share", "share_within"):
        return sl("below_rule_none", lang)
    if family == 0:
        return sl("below_rule_empty", lang).format(min_n=fmt_int(min_n, lang))
    return sl("below_rule", lang).format(min_n=fmt_int(min_n, lang), family=fmt_int(family, lang))


def change_text(result: KpiResult, lang: str) -> str:
    c = result.change
    if c is None:
        return "–"
    pct = result.spec.statistic in ("share", "share_within")
    if c.estimate == SHIFT:  # review 5 finding 5: the shift the test judges, and its interval
        return label("shift_change", lang, KPI).format(
            previous=c.previous_period,
            period=c.period,
            before=_num(c.previous_value, pct, lang),
            after=kpi_value_text(result, c.value, lang),
            diff=_signed(result, c.diff, lang),
            shift=_signed(result, c.shift, lang),
            level=level_text(c.conf, lang),
            low=bound_text(c.shift_low, lang),
            high=bound_text(c.shift_high, lang),
            p=format_value(c.p, "p", lang),
            test=_TEST_NAMES.get(c.test, c.test),
        )
    if pct and math.isfinite(c.diff_low) and math.isfinite(c.diff_high):
        # a share's difference in percentage points with its Newcombe interval (the one the
        # change is judged by, KpiChange.detected), as the changed-KPIs table shows it
        return label("share_change", lang, KPI).format(
            previous=c.previous_period,
            period=c.period,
            before=_num(c.previous_value, pct, lang),
            after=kpi_value_text(result, c.value, lang),
            diff=fmt_signed(c.diff * 100, lang, 1),
            level=level_text(c.conf, lang),
            low=bound_text(c.diff_low * 100, lang),
            high=bound_text(c.diff_high * 100, lang),
            p=format_value(c.p, "p", lang),
            test=_TEST_NAMES.get(c.test, c.test),
        )
    return (
        f"{c.previous_period}→{c.period}: {_num(c.previous_value, pct, lang)} → "
        f"{kpi_value_text(result, c.value, lang)}, p {format_value(c.p, 'p', lang)}"
        f" ({_TEST_NAMES.get(c.test, c.test)})"  # review 4 finding 18: the test is named
    )


def _signed(result: KpiResult, value: float, lang: str) -> str:
    """A change of a time with its sign, one decimal, and its unit: "−5,0 dagar"."""
    return _with_unit(fmt_signed(value, lang, 1), result, lang)


SHIFT = SHIFT_ESTIMATE  # "hodges-lehmann shift", the estimate a time's change carries
_TEST_NAMES = {"fisher": "Fisher", "mann-whitney": "Mann-Whitney", "welch": "Welch",
               "t": "Welch"}  # fmt: skip
