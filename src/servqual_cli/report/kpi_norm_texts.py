"""The texts of a KPI's goal and of the cases beyond its norm (review 16, finding 1).

A norm on a median (mean, 90th percentile) is judged by that statistic's interval, so the goal
names the statistic ("norm: medianen ≤ 70 dagar") and the cases beyond the norm, which a per-case
rule counts (PBL 9 kap. 27 §: ten weeks for every building permit), stand beside the verdict
("20 av 235 ärenden (8,5 %) tog längre än 70 dagar"). The counts are the core's
(:class:`~servqual_cli.core.kpi_norm.NormExcess`); these functions only format. Split from
:mod:`~servqual_cli.report.kpi_texts` (which must stay under 400 lines).
"""

from __future__ import annotations

import re

from servqual_cli.core.kpi import KpiResult
from servqual_cli.core.kpi_norm import NORM_STATISTICS
from servqual_cli.report.catalog import KPI, label
from servqual_cli.report.kpi_texts import kpi_value_text, unit_noun
from servqual_cli.report.numbers import fmt_int, fmt_number, with_percent
from servqual_cli.report.service_labels import limit_text, sl

__all__ = ["beyond_norm_lead", "beyond_norm_text", "goal_text", "norm_note", "stat_of"]

# display units of a time: its cases "took longer than" the norm (others "were above" it)
_TIME_UNITS = frozenset(
    {
        *("s", "seconds", "second", "sekunder", "sekund", "min", "minutes", "minute"),
        *("minuter", "minut", "h", "hours", "hour", "timmar", "timme", "days", "day"),
        *("dagar", "dag", "weeks", "week", "veckor", "vecka", "working days", "working day"),
        *("arbetsdagar", "arbetsdag", "working hours", "arbetstimmar"),
    }
)


def _bare(result: KpiResult, value: float, lang: str) -> str:
    """A goal with its unit and no trailing ",0": "70 dagar"."""
    return re.sub(r"[.,]0(?=\D|$)", "", kpi_value_text(result, value, lang))


def stat_of(result: KpiResult, lang: str) -> str | None:
    """What a norm is held against ("medianen", "the mean"); None for a share."""
    s = result.spec.statistic
    return label(f"stat_of_{s}", lang, KPI) if s in NORM_STATISTICS else None


def goal_text(result: KpiResult, lang: str) -> str:
    """The target and norm of a KPI table's row: "mål ≥ 90 % (10 veckor)", "norm: medianen
    ≤ 70 dagar" (a norm names the statistic it judges, review 16 finding 1)."""
    s = result.spec
    sign = "≥" if s.higher_is_better else "≤"
    parts = []
    if s.target is not None:
        parts.append(f"{sl('target_word', lang)} {sign} {_bare(result, s.target, lang)}")
    if s.norm is not None:
        stat, shown = stat_of(result, lang), _bare(result, s.norm, lang)
        parts.append(
            f"{sl('norm_word', lang)} {sign} {shown}"
            if stat is None
            else label("norm_on", lang, KPI).format(stat=stat, sign=sign, norm=shown)
        )
    if s.limit is not None:
        parts.append(f"({limit_text(s.limit.text, lang)})")
    return " ".join(parts) or "–"


def beyond_norm_text(result: KpiResult, lang: str) -> str | None:
    """The cases beyond the norm: "20 av 235 ärenden (8,5 %) tog längre än 70 dagar"; None
    when the KPI has no norm on a statistic or no case."""
    e = result.beyond_norm
    if e is None or not e.n:
        return None
    s = result.spec
    if s.higher_is_better:
        key = "beyond_norm_below"
    elif s.kind == "duration" or str(s.unit or "").strip().lower() in _TIME_UNITS:
        key = "beyond_norm_longer"
    else:
        key = "beyond_norm_above"
    still = ""
    if e.n_open_beyond:
        still = label("beyond_norm_open", lang, KPI).format(k=fmt_int(e.n_open_beyond, lang))
    text = label(key, lang, KPI).format(
        k=fmt_int(e.n_beyond, lang),
        n=fmt_int(e.n, lang),
        unit=unit_noun(result, lang),
        share=with_percent(fmt_number(e.share * 100, lang, 1), lang),
        open=still,
        norm=_bare(result, e.norm, lang),
    )
    if e.n_open_within:  # in neither count (s18): the base is not the KPI's n plus them
        within = label("beyond_norm_open_within", lang, KPI)
        text += within.format(k=fmt_int(e.n_open_within, lang), unit=unit_noun(result, lang))
    return text


def beyond_norm_lead(result: KpiResult, lang: str) -> str | None:
    """The cases beyond the norm for the plain-language lead, which has no KPI note beside it:
    a waiting time's count is over the calls that reached a person, so the calls that reached
    no one are named in the same words (review 17 finding 13: "13 av 43 samtal (30,2 %) tog
    längre än 90 s" read as 30 % of all calls, of which 11 more never got through).

    >>> from pathlib import Path
    >>> import pandas as pd
    >>> from servqual_cli.core.kpi import KpiResult, KpiSpec
    >>> from servqual_cli.core.kpi_norm import NormExcess
    >>> spec = KpiSpec(1, "Väntetid", "tillgänglighet", Path("x.xlsx"), "median", norm=90.0,
    ...     higher_is_better=False, unit="s", value_column="väntetid")
    >>> r = KpiResult(spec, 43, 56.0, 45.0, 79.0, "met", pd.DataFrame(), None, None,
    ...     {"unreached": 11}, period="2020", beyond_norm=NormExcess(90.0, 13, 43))
    >>> print(beyond_norm_lead(r, "sv").replace("\xa0", " ").replace("; ", ";\\n"))
    13 av 43 samtal (30,2 %) tog längre än 90 s, bland de 43 som nådde en person;
    11 av 54 samtal nådde ingen
    """
    beyond = beyond_norm_text(result, lang)
    k = result.excluded.get("unreached", 0)
    if beyond is None or not k:
        return beyond
    scope = result.excluded_periods
    if len(scope) > 1:  # the unreached are counted over every period, the value over one
        return label("beyond_reached_periods", lang, KPI).format(
            beyond=beyond, n=fmt_int(result.n, lang), k=fmt_int(k, lang),
            periods=f"{scope[0]}–{scope[-1]}",
        )  # fmt: skip
    return label("beyond_reached", lang, KPI).format(
        beyond=beyond, n=fmt_int(result.n, lang), k=fmt_int(k, lang),
        total=fmt_int(result.n + k, lang),
    )  # fmt: skip


def norm_note(result: KpiResult, lang: str) -> str | None:
    """The KPI note's words on a norm: "normen bedöms på medianen: 20 av 235 ärenden (8,5 %)
    tog längre än 70 dagar"."""
    beyond, stat = beyond_norm_text(result, lang), stat_of(result, lang)
    if beyond is None or stat is None:
        return None
    return label("norm_judged_on", lang, KPI).format(stat=stat, beyond=beyond)
