"""The texts of a KPI's row and notes: values with their unit, the goal, the groups below it, the
change (for a time: the shift its test judges, review 5 finding 5; with the two periods'
calendar windows when the latest was cut short, review 10a finding 4), the equal-follow-up and
unreached rules.

A change's interval is written as the rest of the report writes one in running text (the gap
sentences' "95 % KI [−0,30; −0,07]", "95% CI [-0.30, -0.07]"): brackets, both bounds with the
same decimals, and a bound that rounds to 0 keeps its sign (review 10a finding 9: "0,026 till
10,8" read as two units).

Split from :mod:`servqual_cli.report.kpi_sections` (which re-exports the public ones) so that
module stays under 400 lines. These functions only format.
"""

from __future__ import annotations

import math
import re

from servqual_cli.core.kpi import KpiResult, below_goal
from servqual_cli.core.kpi_results import SHIFT_ESTIMATE, KpiChange
from servqual_cli.core.period_windows import MatchedWindows
from servqual_cli.report.catalog import KPI, label, rl
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
    "follow_up_note",
    "follow_up_text",
    "interval_text",
    "kpi_value_text",
    "period_cell",
    "small_base_cell",
    "unit_noun",
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
    text = (
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
    window = window_rule_text(result, lang)
    return text if window is None else f"{text}; {window}"


def _day_text(iso: str, lang: str) -> str:
    """A window's day: "21 okt", "21 Oct" (the year is the period's, named beside it)."""
    _, month, day = (int(x) for x in iso.split("-"))
    return f"{day} {label('months_short', lang, KPI).split()[month - 1]}"


def window_text(start: str, end: str, lang: str) -> str:
    """A calendar window of start dates: "1 jan–21 okt".

    >>> window_text("2023-01-01", "2023-10-21", "sv"), window_text("2024-01-01", "2024-02-29", "en")
    ('1 jan–21 okt', '1 Jan–29 Feb')
    """
    return f"{_day_text(start, lang)}–{_day_text(end, lang)}"


def window_facts(w: MatchedWindows, lang: str) -> dict[str, str]:
    """The words a matched-window sentence is filled with (a KPI's change and the feedback
    register's share within the promise say the same rule, from the same
    :class:`~servqual_cli.core.period_windows.MatchedWindows`): both periods, both windows and
    the previous period's kept, total and left-out counts. ``str.format`` takes what its
    sentence names."""
    return {
        "previous": w.previous_period,
        "period": w.period,
        "previous_window": window_text(w.previous_start, w.previous_end, lang),
        "window": window_text(w.start, w.end, lang),
        "kept": fmt_int(w.n_previous_kept, lang),
        "total": fmt_int(w.n_previous_total, lang),
        "left": fmt_int(w.n_previous_left_out, lang),
    }


def window_rule_text(result: KpiResult, lang: str) -> str | None:
    """The matched-window rule of a change (None when the latest period was not cut short):
    the previous period counts only up to the same day and month as the latest, with its
    counts, and how 29 February is matched."""
    c = result.change
    w = None if c is None else c.windows
    if w is None:
        return None
    return label("window_rule", lang, KPI).format(**window_facts(w, lang))


def unreached_text(result: KpiResult, lang: str) -> str | None:
    """A waiting time's rule when calls that reached no one have none (review 3, finding 10):
    "median över de 43 samtal som nådde en person; 11 samtal nådde ingen och saknar väntetid"."""
    k = result.excluded.get("unreached", 0)
    if result.spec.statistic == "share":
        return _share_unreached_text(result, lang)
    if not k:
        return None
    stat = sl(f"stat_{result.spec.statistic}", lang)
    return sl("unreached_rule", lang).format(
        stat=stat, n=fmt_int(result.n, lang), k=fmt_int(k, lang)
    )


def _share_unreached_text(result: KpiResult, lang: str) -> str | None:
    """A share's blank values of contacts that reached no one, named (review 10a, finding 5;
    io/kpi_reached.py): "andelen gäller de 95 kontakter som har ett värde; 11 samtal nådde
    ingen och 2 e-brev besvarades aldrig, så de har inget värde". None when there are none."""
    who = [
        label(key, lang, KPI).format(k=fmt_int(k, lang))
        for key, k in (
            ("unreached_calls", result.excluded.get("unreached", 0)),
            ("unanswered_emails", result.excluded.get("unanswered", 0)),
        )
        if k
    ]
    if not who:
        return None
    return label("share_unreached_rule", lang, KPI).format(
        n=fmt_int(result.n, lang), who=label("and_words", lang, KPI).join(who)
    )


def follow_up_name(result: KpiResult, lang: str) -> str:
    """The KPI's name, with the equal-follow-up rule when it left cases out (for the overview's
    cards, sentences and rows, which show no footnotes), and the window the previous period is
    compared over when the rule cut the latest short (review 10a, finding 4)."""
    f = result.follow_up
    if f is None:
        return result.spec.name
    w = None if result.change is None else result.change.windows
    if w is not None:  # the previous value beside the name is over the same window
        return label("follow_up_name_window", lang, KPI).format(
            name=result.spec.name,
            kept=fmt_int(f.n_kept, lang),
            total=fmt_int(f.n_total, lang),
            previous=w.previous_period,
            window=window_text(w.start, w.end, lang),
        )
    return sl("follow_up_name", lang).format(
        name=result.spec.name, kept=fmt_int(f.n_kept, lang), total=fmt_int(f.n_total, lang)
    )


def follow_up_note(result: KpiResult, lang: str) -> str | None:
    """The overview row's short note of the equal-follow-up rule (None when it left nothing
    out): the cases measured and, when the latest period was cut short, the window the previous
    value is over: "ärenden som hade hela tiden på sig: 235 av 279; 2023 jämförs över samma
    datum, 1 jan–21 okt". Review 10c, finding 4: the row's name carried this and its note the
    whole KPI note as well, so the rule stood twice on one row; the row now keeps the KPI's
    name and says it once here (the KPI table's note has the full rule)."""
    f = result.follow_up
    if f is None:
        return None
    facts = {"kept": fmt_int(f.n_kept, lang), "total": fmt_int(f.n_total, lang)}
    w = None if result.change is None else result.change.windows
    if w is None:
        return label("follow_up_note", lang, KPI).format(**facts)
    return label("follow_up_note_window", lang, KPI).format(
        **facts, previous=w.previous_period, window=window_text(w.start, w.end, lang)
    )


def small_base_cell(result: KpiResult, lang: str) -> str:
    """A KPI's mark when its value rests on fewer than its ``min_n`` cases (the core's
    ``small_base``), in the overview's word; "" otherwise (review 12c finding 5). A change
    whose earlier period is under it (``small_previous``) names that period and its n, as the
    overview does: "litet underlag 2024, n = 12" (session 18, a-small: a change on 12 cases
    in 2024 and 45 in 2025 went unmarked)."""
    c = result.change
    if result.small_base or c is None or not result.small_previous:
        return rl("g_small", lang) if result.small_base else ""
    return f"{rl('g_small', lang)} {c.previous_period}, n = {fmt_int(c.n_previous, lang)}"


def unit_noun(result: KpiResult, lang: str) -> str:
    """What the KPI's n counts, in the word its own note uses (review 14 finding 4: 43 phone
    calls were "färre än 50 ärenden"): "samtal" for a waiting time over the calls that reached
    a person (:func:`unreached_text`), "kontakter" for a share over contacts with a value,
    "ärenden" for a KPI over dated cases (a ``start`` column: a duration, a register's
    answers), else the neutral "fall"."""
    k = result.excluded
    if result.spec.statistic in ("median", "mean", "p90") and k.get("unreached", 0):
        key = "unit_calls"
    elif result.spec.statistic == "share" and (k.get("unreached", 0) or k.get("unanswered", 0)):
        key = "unit_contacts"
    elif result.spec.start is not None:
        key = "unit_cases"
    else:
        key = "unit_any"
    return label(key, lang, KPI)


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
    span = _span(result, lang)
    if c.estimate == SHIFT:  # review 5 finding 5: the shift the test judges, and its interval
        return label("shift_change", lang, KPI).format(
            span=span,
            before=_num(c.previous_value, pct, lang),
            after=kpi_value_text(result, c.value, lang),
            diff=_signed(result, c.diff, lang),
            shift=_signed(result, c.shift, lang),
            level=level_text(c.conf, lang),
            interval=interval_text(c.shift_low, c.shift_high, lang),
            p=format_value(c.p, "p", lang),
            test=_TEST_NAMES.get(c.test, c.test),
        )
    if pct and math.isfinite(c.diff_low) and math.isfinite(c.diff_high):
        # a share's difference in percentage points with its Newcombe interval (the one the
        # change is judged by, KpiChange.detected), as the changed-KPIs table shows it
        return label("share_change", lang, KPI).format(
            span=span,
            before=_num(c.previous_value, pct, lang),
            after=kpi_value_text(result, c.value, lang),
            diff=fmt_signed(c.diff * 100, lang, 1),
            level=level_text(c.conf, lang),
            interval=interval_text(c.diff_low * 100, c.diff_high * 100, lang),
            p=format_value(c.p, "p", lang),
            test=_TEST_NAMES.get(c.test, c.test),
        )
    return (
        f"{span}: {_num(c.previous_value, pct, lang)} → "
        f"{kpi_value_text(result, c.value, lang)}, p {format_value(c.p, 'p', lang)}"
        f" ({_TEST_NAMES.get(c.test, c.test)})"  # review 4 finding 18: the test is named
    )


def _span(result: KpiResult, lang: str) -> str:
    """The two periods a change compares: "2023 → 2024", or with their calendar windows when the
    latest was cut short: "2023 (1 jan–21 okt, 248 ärenden) → 2024 (1 jan–21 okt, 235
    ärenden)" (the n each value is computed from)."""
    c = result.change
    if c is None:  # callers format a change only when there is one
        raise ValueError(f"KPI {result.spec.name!r} has no change to name the periods of")
    w = c.windows
    if w is None:
        return f"{c.previous_period} → {c.period}"  # spaced as elsewhere (review 18, 8)
    return label("window_span", lang, KPI).format(
        **window_facts(w, lang), n_previous=fmt_int(c.n_previous, lang), n=fmt_int(c.n, lang)
    )


def period_cell(change: KpiChange, lang: str) -> str:
    """The periods a change compares, for a table cell read on its own (the changed-KPIs
    table): "2023 → 2024", or with the calendar window when the latest period was cut short,
    so no reader takes it for whole years: "2023 → 2024 (1 jan–21 okt)"; each period's window
    beside it when the two differ (a leap day: "2024 (1 jan–29 feb) → 2025 (1 jan–28 feb)", or
    months and quarters, whose windows lie in different months).

    >>> from dataclasses import replace
    >>> w = MatchedWindows("2024", "2024-01-01", "2024-10-21", "2023", "2023-01-01",
    ...                    "2023-10-21", 248, 299, 12)
    >>> c = KpiChange("2024", "2023", 0.915, 0.875, 0.04, 235, 248, 0.18, "fisher", None,
    ...               windows=w)
    >>> period_cell(c, "sv"), period_cell(c, "en")
    ('2023 → 2024 (1 jan–21 okt)', '2023 → 2024 (1 Jan–21 Oct)')
    >>> m = MatchedWindows("2024-10", "2024-10-01", "2024-10-21", "2024-09", "2024-09-01",
    ...                    "2024-09-21", 20, 30, 1)
    >>> period_cell(replace(c, windows=m), "sv")
    '2024-09 (1 sep–21 sep) → 2024-10 (1 okt–21 okt)'
    >>> period_cell(replace(c, windows=None), "sv")
    '2023 → 2024'
    """
    w = change.windows
    if w is None:
        return f"{change.previous_period} → {change.period}"
    previous = window_text(w.previous_start, w.previous_end, lang)
    latest = window_text(w.start, w.end, lang)
    if previous == latest:
        return f"{w.previous_period} → {w.period} ({latest})"
    return f"{w.previous_period} ({previous}) → {w.period} ({latest})"


def _bound(value: float, lang: str, decimals: int) -> str:
    text = fmt_number(value, lang, decimals)
    if not math.isfinite(value) or value == 0 or text.strip("0,.\u00a0") != "":
        return text
    # rounds to 0 but is not 0: its side of 0 decides whether a change is claimed, so it keeps
    # its sign ("+0,0", "−0,0"), at the same decimals as the other bound
    return ("+" if value > 0 else fmt_number(-1, lang, 0)[:-1]) + text


def interval_text(low: float, high: float, lang: str, decimals: int = 1) -> str:
    """A change's interval in running text, as the report's gap sentences write one: "[−9,0;
    −2,0]" ("[-9.0, -2.0]" in English), both bounds with ``decimals`` decimals; a bound that
    rounds to 0 but is not 0 keeps its sign, so which side of 0 it lies on shows.

    >>> interval_text(0.0264, 10.8213, "sv"), interval_text(-9.0, -2.0, "en")
    ('[+0,0; 10,8]', '[-9.0, -2.0]')
    >>> interval_text(-0.04, 3.0, "sv"), interval_text(0.0, 2.25, "sv")
    ('[−0,0; 3,0]', '[0,0; 2,2]')
    """
    sep = "; " if lang == "sv" else ", "
    lo, hi = (float("nan") if v is None else float(v) for v in (low, high))
    return f"[{_bound(lo, lang, decimals)}{sep}{_bound(hi, lang, decimals)}]"


def _signed(result: KpiResult, value: float, lang: str) -> str:
    """A change of a time with its sign, one decimal, and its unit: "−5,0 dagar"."""
    return _with_unit(fmt_signed(value, lang, 1), result, lang)


SHIFT = SHIFT_ESTIMATE  # "hodges-lehmann shift", the estimate a time's change carries
_TEST_NAMES = {"fisher": "Fisher", "mann-whitney": "Mann-Whitney", "welch": "Welch",
               "t": "Welch"}  # fmt: skip
