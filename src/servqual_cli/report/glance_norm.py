"""The plain-language paragraph's sentences on a KPI's norm (review 16, finding 1).

A norm is "normen", not "målet" (kpi.toml: ``target`` is a required share, ``norm`` the
comparison value of a median/mean/p90), the sentence names the statistic the norm judges
("Normen nås 2024 för Handläggningstid bygglov (median 32,0 dagar).") and the cases beyond the
norm follow it ("Handläggningstid bygglov: 20 av 235 ärenden (8,5 %) tog längre än 70
dagar."): a median inside a per-case norm does not say that every case kept it. No test is
named (the paragraph's rule).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from servqual_cli.report.catalog import KPI, label, rl
from servqual_cli.report.glance_stat import stat_value
from servqual_cli.report.glance_table import value_text
from servqual_cli.report.spec import GlanceRow
from servqual_cli.report.word_lists import join_items

__all__ = ["is_norm", "norm_not_met", "norm_sentences"]


def is_norm(row: GlanceRow) -> bool:
    """A KPI row judged against a norm (a gap's "norm" 0 is expectations, worded apart)."""
    return row.kind == "kpi" and row.target_kind == "norm"


# a KPI name ending in its statistic, "Väntetid i telefon (median)": the value joins it
_NAMED_STAT = re.compile(
    r"^(?P<name>.*\((?:median|medelvärde|mean|90:e percentil|90th percentile))\)$",
    re.IGNORECASE,
)


def _valued(row: GlanceRow, name: str, lang: str) -> str:
    """ "Handläggningstid bygglov (median 32,0 dagar)"; a row whose KPI name says its statistic
    has none (report/glance_rows.py), and the value joins the name's parenthesis as bygglov's
    does (review 17 finding 13: "Väntetid i telefon (median) (56,0 s)" doubled it).

    >>> r = GlanceRow("kpi", "Väntetid i telefon (median)", "seconds", 56.0)
    >>> _valued(r, r.name, "sv").replace("\xa0", " ")
    'Väntetid i telefon (median 56,0 s)'
    """
    if row.value is None:
        return name
    value = stat_value(row.statistic, value_text(row, row.value, lang), lang)
    joined = _NAMED_STAT.match(name) if row.statistic is None else None
    return f"{joined['name']} {value})" if joined else f"{name} ({value})"


def _beyond(rows: Sequence[GlanceRow], name: Callable[[GlanceRow], str], lang: str) -> list[str]:
    return [
        label("p_norm_beyond", lang, KPI).format(name=name(r), beyond=r.norm_excess)
        for r in rows
        if r.norm_excess
    ]


def norm_not_met(row: GlanceRow, name: str, lang: str) -> list[str]:
    """ "Normen nås inte 2024 för A: median 95,0 dagar." and the cases beyond it.

    >>> r = GlanceRow("kpi", "A", "days", 95.0, period="2024", target=70.0,
    ...     target_kind="norm", target_verdict="not_met", higher_is_better=False,
    ...     statistic="median", norm_excess="150 av 200 ärenden (75,0 %) tog längre än 70 dagar")
    >>> [t.replace("\xa0", " ") for t in norm_not_met(r, "A", "sv")]
    ... # doctest: +NORMALIZE_WHITESPACE
    ['Normen nås inte 2024 för A: median 95,0 dagar.',
     'A: 150 av 200 ärenden (75,0 %) tog längre än 70 dagar.']
    """
    period = rl("p_in", lang, period=row.period) if row.period else ""
    value = stat_value(row.statistic, value_text(row, row.value, lang), lang)
    text = label("p_norm_not_met_one", lang, KPI).format(period=period, name=name, value=value)
    return [text, *_beyond([row], lambda _: name, lang)]


def norm_sentences(
    rows: Sequence[GlanceRow], verdict: str, name: Callable[[GlanceRow], str], lang: str
) -> list[str]:
    """One sentence per period for the norms met (``verdict`` "met") or not told
    ("cannot_tell"), each KPI with its statistic's value, then the cases beyond each norm.

    >>> r = GlanceRow("kpi", "Handläggningstid bygglov", "days", 32.0, period="2024",
    ...     target=70.0, target_kind="norm", target_verdict="met", higher_is_better=False,
    ...     statistic="median", norm_excess="20 av 235 ärenden (8,5 %) tog längre än 70 dagar")
    >>> [t.replace("\xa0", " ") for t in norm_sentences([r], "met", lambda r: r.name, "sv")]
    ... # doctest: +NORMALIZE_WHITESPACE
    ['Normen nås 2024 för Handläggningstid bygglov (median 32,0 dagar).',
     'Handläggningstid bygglov: 20 av 235 ärenden (8,5 %) tog längre än 70 dagar.']
    """
    mine = [r for r in rows if is_norm(r) and r.target_verdict == verdict]
    key = "p_norm_met" if verdict == "met" else "p_norm_cannot_tell"
    periods: dict[str, list[GlanceRow]] = {}
    for r in mine:  # a loop over the few KPI rows, in their order (worst first)
        periods.setdefault(r.period or "", []).append(r)
    out = []
    for period, group in periods.items():
        items = join_items([_valued(r, name(r), lang) for r in group], lang)
        when = rl("p_in", lang, period=period) if period else ""
        out.append(label(key, lang, KPI).format(period=when, items=items))
    return out + _beyond(mine, name, lang)
