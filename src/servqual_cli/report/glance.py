""" "Resultat i korthet" / "Results at a glance": the overview first in every report.

The report parts contribute :class:`~servqual_cli.report.spec.GlanceRow` rows (one per KPI,
contact KPI and SERVQUAL dimension); :func:`glance_block` orders them worst first and writes the
plain-language paragraph under the table, as the Lekeberg memo this tool replaces does: what got
worse, what misses its target, what is below the other municipalities, and where (areas,
services). No file names, no alpha, no test names in the paragraph.

:func:`glance_table` turns the block into a plain table for the Markdown, Excel and terminal
renderers (the HTML renderer draws cards from the rows); it only formats.

Rules (named in the block's note):

- *worse / better*: the change from the previous period is significant (p < 0.05, the test of
  the section); otherwise "no clear change".
- *target*: the value's confidence interval against the target or norm (met, not met, cannot
  tell); a SERVQUAL gap is held against expectations (gap 0).
- *against others*: the municipality's interval (or the benchmark's own verdict) against the
  others' mean; a difference the data cannot tell from zero is "on a par".
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace
from typing import Any

import pandas as pd

from servqual_cli.report.catalog import rl
from servqual_cli.report.config import MIN_N
from servqual_cli.report.numbers import NBSP, fmt_int, fmt_number, fmt_percent, fmt_signed
from servqual_cli.report.spec import Glance, GlanceRow, Table

__all__ = ["glance_block", "glance_table", "is_small", "severity", "value_text"]

_SPLIT = ("overall", "dimension")  # kinds a --split report computes for its group only
_KIND_ORDER = {
    "kpi": 0,
    "contact_kpi": 1,
    "feedback": 2,
    "backlog": 2,
    "overall": 3,
    "dimension": 4,
}
_REGISTER = ("feedback", "backlog")  # the feedback register's rows: their own sentences


def severity(row: GlanceRow) -> int:
    """0 = bad news (unmet target, significant deterioration, below the others), 1 = the data
    cannot tell (whether the target is met, or anything: too few answers), 2 = good or neutral.

    >>> severity(GlanceRow("kpi", "A", "share", 0.5, target_verdict="not_met"))
    0
    >>> severity(GlanceRow("kpi", "A", "share", 0.5, change_verdict="better"))
    2
    >>> severity(GlanceRow("kpi", "A", "share", 0.5, target_verdict="not_met", small_base=True))
    1
    """
    if row.small_base:  # no verdict is shown on too few answers
        return 1
    bad = (
        row.target_verdict == "not_met"
        or row.change_verdict == "worse"
        or row.benchmark_verdict == "worse"
    )
    if bad:
        return 0
    return 1 if row.target_verdict == "cannot_tell" else 2


def _badness(row: GlanceRow) -> int:
    return -sum(
        (
            row.target_verdict == "not_met",
            row.change_verdict == "worse",
            row.benchmark_verdict == "worse",
        )
    )


def is_small(row: GlanceRow, min_n: int = MIN_N) -> bool:
    """The row's value rests on fewer than ``min_n`` answers (or its part flagged it).

    >>> is_small(GlanceRow("kpi", "x", "share", 0.5, n=29)), is_small(
    ...     GlanceRow("kpi", "x", "share", 0.5, n=30))
    (True, False)
    """
    return row.small_base or (row.n is not None and row.n < min_n)


_FROM_CONTACT = (
    "period",
    "ci_low",
    "ci_high",
    "previous_period",
    "previous_value",
    "change",
    "change_verdict",
    "others_mean",
    "rank",
    "n_compared",
    "benchmark_verdict",
)


def merge_same_measure(rows: Sequence[GlanceRow]) -> list[GlanceRow]:
    """One row per measure: a KPI computed from the test contacts that equals one of the
    contact measures (same unit, same n, same value, same period or none named) is shown once,
    under the KPI's name, with its target verdict and the contact measure's change and
    benchmark (issue #9: no repeated text; one computation per measure).

    >>> kpi = GlanceRow("kpi", "Når en handläggare", "share", 0.796, n=54, target=0.8,
    ...                 target_verdict="cannot_tell")
    >>> contact = GlanceRow("contact_kpi", "Telefon: når en person", "share", 0.796, period="2020",
    ...                     n=54, previous_value=0.83, change_verdict="no_change")
    >>> [(r.name, r.period, r.target, r.previous_value) for r in merge_same_measure([kpi, contact])]
    [('Når en handläggare', '2020', 0.8, 0.83)]
    >>> len(merge_same_measure([kpi, replace(contact, n=53)]))
    2
    """
    used: set[int] = set()
    out: list[GlanceRow] = []
    contacts = [(i, r) for i, r in enumerate(rows) if r.kind == "contact_kpi"]
    for row in rows:
        if row.kind != "kpi" or row.value is None or row.n is None:
            out.append(row)
            continue
        match = next(
            (
                (i, c)
                for i, c in contacts
                if i not in used
                and c.unit == row.unit
                and c.n == row.n
                and c.value is not None
                and abs(c.value - row.value) <= 1e-12 * max(1.0, abs(row.value))
                and (row.period is None or row.period == c.period)
            ),
            None,
        )
        if match is None:
            out.append(row)
            continue
        used.add(match[0])
        fill = {f: getattr(match[1], f) for f in _FROM_CONTACT if getattr(row, f) is None}
        out.append(replace(row, **fill))
    return [r for r in out if not any(r is c and i in used for i, c in contacts)]


def glance_block(
    rows: Iterable[GlanceRow],
    lang: str,
    min_n: int = MIN_N,
    whole: Sequence[GlanceRow] = (),
    whole_label: str | None = None,
) -> Glance:
    """The overview: rows worst first (severity, then how many verdicts are bad), then the
    paragraph.

    Every row on fewer than ``min_n`` answers is flagged ``small_base`` here, once, so that
    every renderer shows "too few answers" and no verdict for it. ``whole`` (a ``--split``
    report): the same measures for the whole organisation, matched by kind and name, shown in
    a column headed ``whole_label``.
    """
    rows = merge_same_measure(list(rows))
    # measures not split by the survey's groups (KPIs, contacts) are everyone's already
    everyone = {(r.kind, r.name): r.value for r in rows if r.kind not in _SPLIT} if whole else {}
    everyone.update({(r.kind, r.name): r.value for r in whole})
    marked = [
        replace(
            r,
            small_base=is_small(r, min_n),
            whole_value=everyone.get((r.kind, r.name), r.whole_value),
        )
        for r in rows
    ]
    marked = [replace(r, severity=severity(r)) for r in marked]
    ordered = tuple(
        sorted(marked, key=lambda r: (r.severity, _badness(r), _KIND_ORDER.get(r.kind, 9)))
    )
    note = glance_note(ordered, lang)
    if whole:
        note += " " + rl("whole_note", lang, whole=whole_label)
    return Glance(
        title=rl("glance_title", lang),
        rows=ordered,
        summary=tuple(summary_paragraph(ordered, lang, min_n)),
        note=note,
        min_n=min_n,
        whole=whole_label if whole else None,
    )


def glance_note(rows: Sequence[GlanceRow], lang: str) -> str:
    """The overview's note: the ordering, then only the rules some row uses (a change test,
    the benchmark, the SERVQUAL gap, groups named).

    >>> glance_note([GlanceRow("kpi", "A", "share", 0.5, target_verdict="met")], "en")
    "Order: first unmet targets, deteriorations and results below the others' mean, then what \
cannot be told and last what goes well; within each group in the report's order."
    """
    keys = ["glance_note"]
    if any(r.change_verdict is not None for r in rows):
        keys.append("glance_note_change")
    if any(r.benchmark_verdict is not None for r in rows):
        keys.append("glance_note_benchmark")
    if any(r.kind in _SPLIT for r in rows):
        keys.append("glance_note_gap")
    if any(r.area_kind in ("below_target", "below_expectation") for r in rows):
        keys.append("glance_note_groups")
    return " ".join(rl(k, lang) for k in keys)


def join_words(names: Sequence[str], lang: str, sep: str = ", ") -> str:
    """ "a, b och c" / "a, b and c".

    >>> join_words(["a", "b", "c"], "sv"), join_words(["a"], "en")
    ('a, b och c', 'a')
    """
    names = list(dict.fromkeys(names))
    if len(names) <= 1:
        return "".join(names)
    return f"{sep.join(names[:-1])} {rl('and', lang)} {names[-1]}"


def _join(names: Sequence[str], lang: str) -> str:
    # items that carry their own commas are separated by semicolons
    return join_words(names, lang, "; " if any("," in n for n in names) else ", ")


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
        if r.kind == "feedback" and r.change_verdict == "worse"
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
        out.append(rl("p_not_met", lang, items=_join(not_met, lang)))
    worse = [
        f"{r.name} ({r.previous_period} → {r.period})" for r in rows if r.change_verdict == "worse"
    ]
    if worse:
        out.append(rl("p_worse", lang, items=_join(worse, lang)))
    out += _register_sentences(register, lang)
    below = [r.name for r in rows if r.benchmark_verdict == "worse"]
    if below:
        out.append(rl("p_below", lang, items=_join(below, lang)))
    short = [r for r in dims if r.target_verdict == "not_met"]
    if short:
        worst = min(short, key=lambda r: r.value if r.value is not None else 0.0)
        inside = fmt_number(worst.value, lang)
        if worst.area:
            inside += f", {where(worst, lang)}"
        out.append(
            rl(
                "p_gap",
                lang,
                items=_join([r.name for r in short], lang),
                worst=f"{worst.name} ({inside})",
            )
        )
    if not out:
        out.append(rl("p_nothing_bad_judged" if small else "p_nothing_bad", lang))
    cannot = [r.name for r in measures if r.target_verdict == "cannot_tell"]
    if cannot:
        out.append(rl("p_cannot_tell", lang, items=_join(cannot, lang)))
    met = [r.name for r in measures if r.target_verdict == "met"]
    if met:
        out.append(rl("p_met", lang, items=_join(met, lang)))
    better = [r.name for r in rows if r.change_verdict == "better"]
    if better:
        out.append(rl("p_better", lang, items=_join(better, lang)))
    if small:
        out.append(rl("p_too_few", lang, items=_join(small, lang), min_n=min_n))
    return [" ".join(out)]


_UNIT_WORDS = {
    "days": ("dagar", "days"),
    "working_days": ("arbetsdagar", "working days"),
    "hours": ("timmar", "hours"),
    "working_hours": ("arbetstimmar", "working hours"),
    "seconds": ("s", "s"),
}


def value_text(row: GlanceRow, value: float | None, lang: str) -> str:
    """A value in the row's unit: "92,2 %", "−0,74", "30 dagar".

    >>> value_text(GlanceRow("kpi", "A", "share", 0.922), 0.922, "sv")
    '92,2\\xa0%'
    >>> value_text(GlanceRow("kpi", "A", "days", 30.0), 30.0, "en")
    '30.0 days'
    """
    if value is None:
        return "–"
    if row.unit == "share":
        return fmt_percent(value, lang)
    if row.unit == "index":
        return fmt_number(value, lang, 1)
    if row.unit in _UNIT_WORDS:
        sv, en = _UNIT_WORDS[row.unit]
        space = NBSP if lang == "sv" else " "
        return f"{fmt_number(value, lang, 1)}{space}{sv if lang == 'sv' else en}"
    if row.unit == "count":
        return fmt_int(value, lang)
    return fmt_number(value, lang, 2)


def change_text(row: GlanceRow, lang: str) -> str:
    """The change with its unit: percentage points for shares."""
    if row.change is None:
        return "–"
    if row.unit == "share":
        unit = "procentenheter" if lang == "sv" else "percentage points"
        return f"{fmt_signed(row.change * 100, lang, 1)} {unit}"
    if row.unit in _UNIT_WORDS:
        sv, en = _UNIT_WORDS[row.unit]
        return f"{fmt_signed(row.change, lang, 1)} {sv if lang == 'sv' else en}"
    if row.unit == "index":  # as the value: one decimal
        return fmt_signed(row.change, lang, 1)
    if row.unit == "count":
        return fmt_signed(row.change, lang, 0)
    return fmt_signed(row.change, lang, 2)


def _verdict(code: str | None, lang: str) -> str:
    """A verdict in words, with a shape so colour is never the only cue."""
    if code is None:
        return "–"
    mark = {"worse": "▼ ", "not_met": "✗ ", "better": "▲ ", "met": "✓ "}.get(code, "")
    return mark + rl(f"g_{code}", lang)


def _note(glance: Glance, lang: str) -> str | None:
    """The block's note, and what "too few answers" means when a row says it."""
    if not any(r.small_base for r in glance.rows):
        return glance.note
    few = rl("too_few_note", lang, min_n=glance.min_n or MIN_N)
    return f"{glance.note} {few}" if glance.note else few


def glance_table(glance: Glance, lang: str) -> Table:
    """The overview as a table of text (every cell already in the reader's language).

    A row on too few answers (``small_base``) shows "too few answers" and no change or verdict.
    """
    rows = glance.rows
    goal_texts = []
    for r in rows:
        if r.target is None:
            goal_texts.append("–")
        elif r.kind in ("dimension", "overall"):
            goal_texts.append(rl("norm_zero", lang))
        else:
            sign = "≥" if r.higher_is_better else "≤"
            goal_texts.append(f"{sign} {value_text(r, r.target, lang)}")
    too_few = rl("g_too_few", lang)

    def verdict(r: GlanceRow, code: str | None) -> str:
        return "–" if r.small_base else _verdict(code, lang)

    columns = {
        rl("g_measure", lang): [r.name for r in rows],
        rl("g_this_period", lang): [
            too_few
            if r.small_base
            else f"{value_text(r, r.value, lang)}" + (f" ({r.period})" if r.period else "")
            for r in rows
        ],
        rl("g_n", lang): [fmt_int(r.n, lang) if r.n is not None else "–" for r in rows],
    }
    if glance.whole:
        columns[glance.whole] = [value_text(r, r.whole_value, lang) for r in rows]
    columns.update(
        {
            rl("g_previous_period", lang): [
                f"{value_text(r, r.previous_value, lang)} ({r.previous_period})"
                if r.previous_value is not None
                else "–"
                for r in rows
            ],
            rl("g_change", lang): [
                too_few
                if r.small_base and r.change is not None
                else f"{change_text(r, lang)}, {_verdict(r.change_verdict, lang)}"
                if r.change is not None
                else "–"
                for r in rows
            ],
            rl("g_goal", lang): goal_texts,
            rl("g_goal_verdict", lang): [verdict(r, r.target_verdict) for r in rows],
            rl("g_others_mean", lang): [value_text(r, r.others_mean, lang) for r in rows],
            rl("g_rank", lang): [
                rl("g_rank_of", lang, rank=r.rank, n=r.n_compared)
                if r.rank is not None and r.n_compared is not None
                else "–"
                for r in rows
            ],
            rl("g_benchmark_verdict", lang): [verdict(r, r.benchmark_verdict) for r in rows],
        }
    )
    frame = pd.DataFrame(columns)
    # Columns nobody has (no benchmark, no previous period) are left out.
    keep = [c for c in frame.columns if not frame[c].eq("–").all()]
    return Table(title="", frame=frame[keep], note=_note(glance, lang), sheet=glance.title)


_UNIT_SYMBOLS = {
    "share": ("%", "%"),
    "gap": ("gap", "gap"),
    "index": ("index 0–100", "index 0–100"),
    "mean": ("", ""),
    **_UNIT_WORDS,
}


def glance_numbers(glance: Glance, lang: str) -> Table:
    """The overview for a spreadsheet: numbers as numbers (shares in percent, the unit in its
    own column), verdicts as words."""
    rows = glance.rows

    def year(p: str | None) -> str | int | None:
        return int(p) if p is not None and p.isdigit() else p  # a year is a number

    def scaled(r: GlanceRow, v: float | None) -> float | None:
        return None if v is None else v * 100.0 if r.unit == "share" else v

    def verdict(r: GlanceRow, code: str | None) -> str:
        return "–" if r.small_base else _verdict(code, lang)

    too_few = rl("g_too_few", lang)
    columns: dict[str, list[Any]] = {
        rl("g_measure", lang): [r.name for r in rows],
        rl("g_period", lang): [year(r.period) for r in rows],
        rl("g_value", lang): [None if r.small_base else scaled(r, r.value) for r in rows],
        rl("g_unit", lang): [
            _UNIT_SYMBOLS.get(r.unit, ("", ""))[0 if lang == "sv" else 1] for r in rows
        ],
        rl("g_n", lang): [r.n for r in rows],
        rl("g_small_base", lang): [too_few if r.small_base else None for r in rows],
    }
    if glance.whole:
        columns[glance.whole] = [scaled(r, r.whole_value) for r in rows]
    columns.update(
        {
            rl("g_previous_period", lang): [year(r.previous_period) for r in rows],
            rl("g_previous_value", lang): [scaled(r, r.previous_value) for r in rows],
            rl("g_change", lang): [None if r.small_base else scaled(r, r.change) for r in rows],
            rl("g_change_verdict", lang): [verdict(r, r.change_verdict) for r in rows],
            rl("g_target", lang): [scaled(r, r.target) for r in rows],
            rl("g_goal_verdict", lang): [verdict(r, r.target_verdict) for r in rows],
            rl("g_others_mean", lang): [scaled(r, r.others_mean) for r in rows],
            rl("g_rank", lang): [r.rank for r in rows],
            rl("g_n_compared", lang): [r.n_compared for r in rows],
            rl("g_benchmark_verdict", lang): [verdict(r, r.benchmark_verdict) for r in rows],
        }
    )
    frame = pd.DataFrame(columns)
    keep = [c for c in frame.columns if not frame[c].map(lambda v: v is None or v == "–").all()]
    numeric = ["g_value", "g_previous_value", "g_change", "g_target", "g_others_mean"]
    formats = {rl(k, lang): ".2f" for k in numeric}
    if glance.whole:
        formats[glance.whole] = ".2f"
    formats.update({rl("g_n", lang): "d", rl("g_rank", lang): "d", rl("g_n_compared", lang): "d"})
    shown = frame[keep]
    for col in shown.columns:
        if col in formats:  # numbers as numbers (None -> NaN, an empty cell)
            shown = shown.assign(**{col: pd.to_numeric(shown[col], errors="coerce")})
    return Table(
        title=glance.title,
        frame=shown,
        formats={k: v for k, v in formats.items() if k in keep},
        note=" ".join([*glance.summary, _note(glance, lang) or ""]).strip(),
        sheet=glance.title,
    )
