"""Document sections for KPIs and service declarations (``servqual kpi``, ``servqual report``).

The sections follow the service policy's four aspects (nåbarhet, väntetid, genomförandetid,
resultat), one section each. Values and confidence limits are numbers in the KPI's unit
(shares in percent), the unit in the column header, or in a unit column when one table mixes
shares, days and seconds; target, verdict, groups below the goal and change are text. With
``figures=True`` each section also carries a :class:`~servqual_cli.report.spec.Figure` spec
for the report's chart module, ``kind="kpi_aspect"`` (data: frame of name, value, ci_low,
ci_high, goal, unit, higher_is_better, statistic, share; shares are 0-1; the unit in the
report's language).

Everything the sections show is in the report's language, the user's own words aside: limits
and units written as "14 days" or "10 veckor" are rendered by
:func:`~servqual_cli.report.service_labels.limit_text` and
:func:`~servqual_cli.report.service_labels.unit_text`, and each aspect's table has its own
sheet name ("Nyckeltal – Väntetid", "KPI – Waiting time").
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any

import pandas as pd

from servqual_cli.core.kpi import KpiResult
from servqual_cli.io.kpi_config import ASPECTS
from servqual_cli.report.catalog import KPI, label, rl
from servqual_cli.report.conf_level import interval_head
from servqual_cli.report.exclusion_words import Values, named_summary
from servqual_cli.report.kpi_change_cell import change_cell
from servqual_cli.report.kpi_norm_texts import goal_text, norm_note
from servqual_cli.report.kpi_texts import (
    SHIFT,
    below_rule_text,
    below_text,
    follow_up_name,
    follow_up_text,
    kpi_value_text,
    small_base_cell,
    unit_noun,
    unreached_text,
)
from servqual_cli.report.numbers import fmt_int
from servqual_cli.report.service_labels import sl, unit_text
from servqual_cli.report.spec import Figure, Section, Table, Text

__all__ = [
    "below_rule_text",
    "follow_up_name",
    "follow_up_text",
    "kpi_group_table",
    "kpi_sections",
    "kpi_table",
    "kpi_value_text",
    "small_base_note",
    "unreached_text",
]


def _unit(result: KpiResult, lang: str) -> str:
    """The unit the table's numbers are in: "%" for shares, else the KPI's unit ("" if none)."""
    if result.spec.statistic in ("share", "share_within"):
        return "%"
    return unit_text(result.spec.unit, lang) or ""


def _scaled(result: KpiResult, value: float | None) -> float:
    """A value in the table's unit (shares in percent); missing values are NaN."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return math.nan
    scale = 100.0 if result.spec.statistic in ("share", "share_within") else 1.0
    return float(value) * scale


def _numbers(
    values: Sequence[tuple[float, float, float]],
    units: Sequence[str],
    lang: str,
    conf: float | None = None,
) -> tuple[dict[str, list[Any]], dict[str, str]]:
    """Value and CI columns as numbers; the unit in their headers when all rows share it, else
    in a unit column after them. With ``conf`` the CI columns name their level ("95 % KI låg"),
    as every other table's intervals do."""
    same = len(set(units)) == 1
    suffix = f" ({units[0]})" if same and units and units[0] else ""
    keys = ("value", "ci_low", "ci_high")
    names = [f"{interval_head(k, sl(k, lang), conf, lang)}{suffix}" for k in keys]
    columns: dict[str, list[Any]] = {
        name: [row[i] for row in values] for i, name in enumerate(names)
    }
    if not same:
        columns[sl("unit_word", lang)] = list(units)
    return columns, {name: ".1f" for name in names}


def kpi_table(
    results: Sequence[KpiResult],
    lang: str,
    title: str = "",
    sheet: str | None = None,
    conf: float | None = None,
) -> Table:
    """One row per KPI: n, value and CI (numbers), target/norm, verdict, groups below it, change
    (a share's with its Newcombe interval, a time's shift with its own: :func:`change_text`).

    ``sheet`` names the table's Excel sheet (default: "Nyckeltal" / "KPI"); ``conf`` the level
    the KPIs were evaluated at, named in the CI headings."""
    numbers, formats = _numbers(
        [(_scaled(r, r.value), _scaled(r, r.ci_low), _scaled(r, r.ci_high)) for r in results],
        [_unit(r, lang) for r in results],
        lang,
        conf,
    )
    frame = pd.DataFrame(
        {
            sl("kpi", lang): [r.spec.name for r in results],
            sl("period", lang): [r.period for r in results],  # None: no dates, all rows
            "n": [r.n for r in results],
            **_small_base_column(results, lang),
            **numbers,
            sl("goal", lang): [goal_text(r, lang) for r in results],
            sl("verdict", lang): [sl(r.verdict, lang) if r.verdict else "–" for r in results],
            sl("below_goal", lang): [below_text(r, lang) for r in results],
            sl("change", lang): [change_cell(r, lang) for r in results],  # with its verdict
        }
    )
    return Table(
        title=title,
        frame=frame,
        formats={"n": "d", **formats},
        sheet=sheet or sl("kpi", lang),
    )


def _small_base_column(results: Sequence[KpiResult], lang: str) -> dict[str, list[str]]:
    """The "Underlag" column beside n when some KPI rests on fewer than its ``min_n`` cases
    (the core's ``small_base``), in the overview's words ("litet underlag", its spreadsheet's
    "Underlag" column): review 12c finding 5, the KPI table said "ej uppfyllt" on 29 cases
    while the overview said "litet underlag". Left out when no KPI is small."""
    if not any(r.small_base or r.small_previous for r in results):
        return {}
    return {rl("g_small_base", lang): [small_base_cell(r, lang) for r in results]}


def small_base_note(
    results: Sequence[KpiResult], lang: str, key: str = "small_base_note"
) -> Text | None:
    """What "litet underlag" means, under a table with a KPI on a small base (None without
    one): fewer than ``min_n`` cases, in the KPIs' own word for them (:func:`unit_noun`; "fall"
    when the small ones count different things), and the verdict still follows the interval
    (``key``: the changed-KPIs table's words, "small_base_change_note"). When a KPI in the
    table is broken down by group, it says too that a group under its ``min_n`` is not judged
    while the KPI as a whole always is (review 14 finding 4: "för få (n < 50)" beside a
    verdict on 43)."""
    small = [r for r in results if r.small_base]
    earlier = [r for r in results if r.small_previous and not r.small_base]
    if not small and not earlier:
        return None
    texts = []
    if small:
        limits = sorted({r.base_min_n for r in small})  # one min_n per configuration
        units = {unit_noun(r, lang) for r in small}
        unit = units.pop() if len(units) == 1 else label("unit_any", lang, KPI)
        texts.append(label(key, lang, KPI).format(
            min_n=", ".join(fmt_int(m, lang) for m in limits), unit=unit))  # fmt: skip
    grouped = [r for r in results if r.spec.by is not None]
    if small and grouped and key == "small_base_note":
        group_limits = sorted({r.min_n for r in grouped})
        texts.append(label("small_base_groups", lang, KPI).format(
            min_n=", ".join(fmt_int(m, lang) for m in group_limits)))  # fmt: skip
    if earlier:  # a change marked by its earlier period, in the overview's words (a-small)
        limits = sorted({r.base_min_n for r in earlier})
        texts.append(rl("too_few_change_note", lang,
                        min_n=", ".join(fmt_int(m, lang) for m in limits)))  # fmt: skip
    return Text(" ".join(texts), kind="note")


def kpi_group_table(result: KpiResult, lang: str, conf: float | None = None) -> Table:
    """A KPI per group, worst first. The verdicts are the core's one judgement, carried in the
    result (:func:`~servqual_cli.core.kpi_verdicts.judge_groups` at the result's ``min_n``):
    "too few" under ``min_n`` cases, "not met" only when the Holm-adjusted test shows it, the
    same groups the KPI table names below the goal."""
    g, min_n = result.groups, result.min_n
    numbers, formats = _numbers(
        [
            (_scaled(result, v), _scaled(result, a), _scaled(result, b))
            for v, a, b in zip(g["value"], g["ci_low"], g["ci_high"], strict=True)
        ],
        [_unit(result, lang)] * len(g),
        lang,
        conf,
    )
    frame = pd.DataFrame(
        {
            sl("group", lang): g["group"].tolist(),
            "n": g["n"].tolist(),
            **numbers,
            sl("verdict", lang): [
                sl(v, lang).format(min_n=fmt_int(min_n, lang)) if v else "–" for v in g["verdict"]
            ],
        }
    )
    return Table(
        title=f"{result.spec.name} – {result.spec.by}",
        frame=frame,
        formats={"n": "d", **formats},
        sheet=f"{sl('kpi', lang)} {result.spec.index} – {result.spec.by}",
    )


def _notes(
    results: Sequence[KpiResult],
    lang: str,
    dated: Mapping[str, str] | None = None,
    elsewhere: Mapping[str, tuple[str, str, str]] | None = None,
    named: Mapping[int, Values] | None = None,
) -> list[Text]:
    notes = []
    elsewhere = elsewhere or {}
    named = named or {}
    for r in results:
        bits = []
        if dated and r.spec.name in dated:
            bits.append(sl("period_from_contacts", lang).format(period=dated[r.spec.name]))
        elif r.spec.period is not None and r.period == r.spec.period:  # the config's `period`
            bits.append(sl("period_declared", lang).format(period=r.period))
        elif r.year_column is not None and r.period is not None:  # review 4 finding 9
            bits.append(_year_note(r, lang))
        elif r.period is None:
            bits.append(sl("period_not_in_data", lang))
        if r.single_period and r.spec.name in elsewhere:  # the overview's change: from there
            previous, table, row = elsewhere[r.spec.name]
            bits.append(label("one_period_elsewhere", lang, KPI).format(
                period=r.period, previous=previous, table=table, row=row))  # fmt: skip
        elif r.single_period:  # why the change column is "–" (and the overview's previous period)
            bits.append(label("one_period", lang, KPI).format(period=r.period))
        unreached = unreached_text(r, lang)
        if unreached is not None:
            bits.append(unreached)
        # contacts that reached no one are named by unreached_text, not counted again
        others = {k: v for k, v in r.excluded.items() if k not in ("unreached", "unanswered")}
        if others:
            # the invalid texts named, as every other command's note names them (review 14
            # finding 13: "ogiltigt datum 1" without the date); lower case inside the "; "
            # list ("…; Uteslutna celler: …" read as a slip)
            text = _lower_first(named_summary(others, named.get(r.spec.index, {}), lang))
            scope = r.excluded_periods
            if len(scope) > 1:  # the counts are every period's, the verdict one period's
                text += " " + label("excluded_scope", lang, KPI).format(
                    periods=f"{scope[0]}–{scope[-1]}", period=r.period
                )
            bits.append(text)
        if r.as_of is not None:
            bits.append(f"{sl('as_of', lang)} {r.as_of.date().isoformat()}")
        if r.spec.kind == "value" and r.year_column is None and r.n_after_as_of:
            bits.append(sl("after_as_of", lang).format(n=fmt_int(r.n_after_as_of, lang)))
        rule = follow_up_text(r, lang)
        if rule is not None:
            bits.append(rule)
        if r.n_undecided:
            bits.append(f"{fmt_int(r.n_undecided, lang)} {sl('undecided', lang)}")
        norm = norm_note(r, lang)  # the cases beyond a norm (review 16 finding 1)
        if norm is not None:
            bits.append(norm)
        below = below_rule_text(r, lang)
        if below is not None:
            bits.append(below)
        if r.n_open and r.spec.statistic in ("median", "mean", "p90"):
            # a duration statistic over closed cases only: name the open ones (review item 3)
            n_open = fmt_int(r.n_open, lang)
            bits.append(sl("open_not_counted", lang).format(n=n_open))
            c = r.change
            if c is not None and c.period == r.period:
                bits.append(sl("open_change", lang).format(previous=c.previous_period,
                                                           period=c.period, n=n_open))  # fmt: skip
        if r.pooled is not None:  # shown only labelled as pooled (issue #9)
            p = r.pooled
            bits.append(
                sl("pooled_note", lang).format(
                    period=r.period,
                    periods=f"{p.periods[0]}–{p.periods[-1]}",
                    value=kpi_value_text(r, p.value, lang),
                    n=fmt_int(p.n, lang),
                )
            )
        if bits:
            notes.append(Text(f"{r.spec.name}: {'; '.join(bits)}.", kind="note"))
    return notes


def _lower_first(text: str) -> str:
    """ "Uteslutna celler: …" as a clause inside a sentence: "uteslutna celler: …"."""
    return text[:1].lower() + text[1:]


def _year_note(result: KpiResult, lang: str) -> str:
    """Where the period of a KPI without a ``start`` column came from: the file's year column
    ("all rows of the file (år 2020)"; with several years or rows after the as-of year, the
    periods it gives, and the rows left out)."""
    r, column = result, str(result.year_column)
    if r.pooled is None and not r.n_after_as_of:
        return sl("period_from_year", lang).format(column=column, period=r.period)
    periods = r.period if r.pooled is None else f"{r.pooled.periods[0]}–{r.pooled.periods[-1]}"
    text = sl("periods_from_year", lang).format(column=column, periods=periods)
    if r.n_after_as_of:
        n = fmt_int(r.n_after_as_of, lang)
        text += "; " + sl("after_year", lang).format(n=n, year=r.period)
    return text


def _share_interval(r: KpiResult) -> bool:
    """A share's change shown with its Newcombe interval (:func:`change_text`)."""
    c = r.change
    share = r.spec.statistic in ("share", "share_within")
    return share and c is not None and math.isfinite(c.diff_low) and math.isfinite(c.diff_high)


def kpi_sections(
    results: Sequence[KpiResult],
    lang: str,
    groups: bool = False,
    figures: bool = False,
    conf: float = 0.95,
    dated: Mapping[str, str] | None = None,
    elsewhere: Mapping[str, tuple[str, str, str]] | None = None,
    named: Mapping[int, Values] | None = None,
) -> list[Section]:
    """One section per aspect, in the policy's order; aspects without KPIs are left out.

    ``dated``: KPIs (by name) without a date column whose period the report took from its
    ``[contacts.years]`` (the same data file), named in their notes. ``elsewhere``: KPIs (by
    name) whose data hold one period and whose change the report's overview takes from the
    service measurement, as (previous period, title of the table it stands in, its row
    there); their notes point there (review 9, finding 3). ``named``: per KPI (by its
    ``spec.index``) the commonest texts of its invalid cells
    (:func:`~servqual_cli.report.exclusion_words.named_of` of its log), named in its note. The
    groups' verdicts and
    those named below the goal are the results' own (judged once in the core at their
    ``min_n``)."""
    sections = []
    for aspect in ASPECTS:
        mine = [r for r in results if r.spec.aspect == aspect]
        if not mine:
            continue
        sheet = f"{sl('kpi', lang)} – {sl(aspect, lang)}"
        table = kpi_table(mine, lang, title=sheet, sheet=sheet, conf=conf)
        blocks: list[Table | Text | Figure] = [table]
        small = small_base_note(mine, lang)
        if small is not None:  # right under the table that marks it
            blocks.append(small)
        if groups:
            blocks += [kpi_group_table(r, lang, conf) for r in mine if len(r.groups)]
        if figures:  # the chart: report/kpi_charts.py
            from servqual_cli.report.kpi_charts import kpi_figure

            blocks.append(kpi_figure(mine, aspect, lang, conf))
        if any(r.change is not None and r.change.estimate == SHIFT for r in mine):
            blocks.append(Text(label("shift_note", lang, KPI), kind="note"))
        if any(_share_interval(r) for r in mine):  # the rule behind a share's change cell
            blocks.append(Text(label("share_change_note", lang, KPI), kind="note"))
        blocks += _notes(mine, lang, dated, elsewhere, named)
        sections.append(Section(title=sl(aspect, lang), blocks=tuple(blocks)))
    return sections
