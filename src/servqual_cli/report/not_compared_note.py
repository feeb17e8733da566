"""The sentences that name what a before/after comparison of contact KPIs leaves out because it
was measured in one year only (:mod:`servqual_cli.core.trend_coverage`; review 12a finding 2).

One sentence per kind: the areas (under the per-area table, or under the totals when there is
no per-area table), the totals' KPIs (under the totals), and a KPI missing one year inside an
area measured both years (under the per-area table). They only format the core's lists.
"""

from __future__ import annotations

from servqual_cli.core.trend_coverage import NotCompared
from servqual_cli.report.measurement_tables import kpi_name, ml
from servqual_cli.report.word_lists import join_items

__all__ = ["area_sentences", "kpi_sentence"]


def _only(side: str, before: str, after: str, lang: str) -> str:
    return ml("only_year", lang).format(year=before if side == "before" else after)


def _sentence(key: str, items: list[str], lang: str) -> str:
    if not items:
        return ""
    many = "many" if len(items) > 1 else "one"
    return ml(f"{key}_{many}", lang).format(items=join_items(items, lang))


def area_sentences(nc: NotCompared | None, before: str, after: str, lang: str) -> str:
    """The areas measured in one year only, then the KPIs of areas measured both years that
    have values in one of them only; "" when nothing was left out.

    >>> nc = NotCompared(areas=(("gator och vägar", "before"), ("trafik och gator", "after")))
    >>> area_sentences(nc, "2024", "2025", "sv")
    'gator och vägar (bara 2024) och trafik och gator (bara 2025) jämförs inte: områdena mättes \
bara ena året.'
    >>> area_sentences(NotCompared(area_kpis=(("phone_reached", "phone", "skola", "after"),)),
    ...                "2024", "2025", "en")
    'Not compared in areas measured in both years (the KPI has values there in one year only): \
Phone: reached a person in skola (2025 only).'
    >>> area_sentences(None, "2024", "2025", "en")
    ''
    """
    if not nc:
        return ""
    areas = [f"{a} ({_only(s, before, after, lang)})" for a, s in nc.areas]
    parts = [_sentence("not_compared_area", areas, lang)]
    inner = [
        ml("kpi_in_area", lang).format(kpi=kpi_name(k, c, lang), area=a)
        + f" ({_only(s, before, after, lang)})"
        for k, c, a, s in nc.area_kpis
    ]  # one per KPI left out, a handful
    if inner:
        parts.append(ml("not_compared_area_kpi", lang).format(items=join_items(inner, lang)))
    return " ".join(p for p in parts if p)


def kpi_sentence(nc: NotCompared | None, before: str, after: str, lang: str) -> str:
    """The totals' KPIs measured in one year only; "" when none.

    >>> kpi_sentence(NotCompared(kpis=(("email_within_1_working_day", "email", "after"),)),
    ...              "2024", "2025", "sv")
    'E-post: svar inom 1 arbetsdag (bara 2025) jämförs inte: nyckeltalet mättes bara ena året.'
    """
    if not nc:
        return ""
    items = [f"{kpi_name(k, c, lang)} ({_only(s, before, after, lang)})" for k, c, s in nc.kpis]
    return _sentence("not_compared_kpi", items, lang)
