"""The plain-language paragraph under "Results at a glance": bad news first, then the good, in
the words of the Lekeberg memo (no file names, no alpha, no test names); see
:func:`~servqual_cli.report.glance.glance_block`."""

from __future__ import annotations

from collections.abc import Sequence

from servqual_cli.report.catalog import rl
from servqual_cli.report.config import MIN_N
from servqual_cli.report.glance_table import value_text
from servqual_cli.report.numbers import fmt_int, fmt_number
from servqual_cli.report.spec import GlanceRow
from servqual_cli.report.word_lists import join_items, join_words

# join_words lives in word_lists (one rule for every list); re-exported for build and the charts
__all__ = ["join_words", "summary_paragraph", "where"]

_REGISTER = ("feedback", "backlog")  # the feedback register's rows: their own sentences


def _named(row: GlanceRow, lang: str) -> str:
    """A measure named for the paragraph: its name, value and where it is worst."""
    inside = value_text(row, row.value, lang)
    if row.period:
        inside += f" {row.period}"
    if row.area:
        inside += f", {where(row, lang)}"
    return f"{row.name} ({inside})"


def where(row: GlanceRow, lang: str) -> str:
    """What the row says of the groups it names: "under målet i telefon (53,7 %, n = 54)",
    "below expectations in ..." (each group judged by its own test, never ranked).

    >>> where(GlanceRow("kpi", "A", "share", 0.6, area="telefon", area_kind="below_target"), "sv")
    'under målet i telefon'
    """
    key = f"p_where_{row.area_kind}" if row.area_kind else "p_where"
    return rl(key, lang, areas=row.area)


def _register_sentences(rows: Sequence[GlanceRow], lang: str) -> list[str]:
    """The feedback register's bad news: significant rises in the number of items (with the
    counts, the rate ratio and its Holm-adjusted p) and the open items older than the promise."""
    out = []
    rises = [
        f"{r.name.split(': ', 1)[-1]} ({fmt_int(r.previous_value, lang)} → "
        f"{fmt_int(r.value, lang)}, "
        f"{r.previous_period} → {r.period}; {r.note})"
        for r in rows
        if r.kind == "feedback" and r.change_verdict in ("worse", "more")
    ]
    if rises:
        out.append(rl("p_feedback_rise", lang, items=join_words(rises, lang, "; ")))
    out += [r.note for r in rows if r.kind == "backlog" and r.value and r.note]
    return out


def summary_paragraph(rows: Sequence[GlanceRow], lang: str, min_n: int = MIN_N) -> list[str]:
    """Plain sentences naming the bad news first, then the good; rows on too few answers are
    named as such and judged nowhere."""
    small = [r.name for r in rows if r.small_base]
    rows = [r for r in rows if not r.small_base]
    register = [r for r in rows if r.kind in _REGISTER]
    rows = [r for r in rows if r.kind not in _REGISTER]
    measures = [r for r in rows if r.kind not in ("dimension", "overall")]
    dims = [r for r in rows if r.kind == "dimension"]
    out: list[str] = []
    not_met = [_named(r, lang) for r in measures if r.target_verdict == "not_met"]
    if not_met:
        out.append(rl("p_not_met", lang, items=join_items(not_met, lang)))
    worse = [
        f"{r.name} ({r.previous_period} → {r.period})" for r in rows if r.change_verdict == "worse"
    ]
    if worse:
        out.append(rl("p_worse", lang, items=join_items(worse, lang)))
    out += _register_sentences(register, lang)
    below = [r.name for r in rows if r.benchmark_verdict == "worse"]
    if below:
        out.append(rl("p_below", lang, items=join_items(below, lang)))
    short = [r for r in dims if r.target_verdict == "not_met"]
    if short:
        worst = min(short, key=lambda r: r.value if r.value is not None else 0.0)
        inside = fmt_number(worst.value, lang)
        if worst.area:
            inside += f", {where(worst, lang)}"
        named = f"{worst.name} ({inside})"
        if worst.tied_with:  # the pair tests cannot tell them apart: none is "the largest"
            others = {r.name: r for r in dims}
            named = join_words(
                [named, *(f"{n} ({fmt_number(others[n].value, lang)})" if n in others else n
                          for n in worst.tied_with)],
                lang,
            )  # fmt: skip
        out.append(
            rl(
                "p_gap_tied" if worst.tied_with else "p_gap",
                lang,
                items=join_items([r.name for r in short], lang),
                worst=named,
            )
        )
    if not out:
        out.append(rl("p_nothing_bad_judged" if small else "p_nothing_bad", lang))
    cannot = [r.name for r in measures if r.target_verdict == "cannot_tell"]
    if cannot:
        out.append(rl("p_cannot_tell", lang, items=join_items(cannot, lang)))
    met = [r.name for r in measures if r.target_verdict == "met"]
    if met:
        out.append(rl("p_met", lang, items=join_items(met, lang)))
    better = [r.name for r in rows if r.change_verdict == "better"]
    if better:
        out.append(rl("p_better", lang, items=join_items(better, lang)))
    if small:
        out.append(rl("p_too_few", lang, items=join_items(small, lang), min_n=min_n))
    return [" ".join(out)]
