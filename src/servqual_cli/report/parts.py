"""Report parts for the scale's reliability and the test contacts (servicemätning).

Thin adapters: each runs the same loading and core steps as ``servqual reliability`` and
``servqual contacts/trend``, then calls those commands' section builders
(:mod:`~servqual_cli.report.reliability_sections`,
:mod:`~servqual_cli.report.measurement_sections`), and adds what only the report has: summary
lines (with the short-row lines of each file read, :mod:`~servqual_cli.report.short_rows`),
charts across years, method notes. The KPIs and the feedback register are
:mod:`~servqual_cli.report.service_part`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any

import pandas as pd

from servqual_cli.report.build import Part, ReportContext
from servqual_cli.report.catalog import rl
from servqual_cli.report.config import MIN_N
from servqual_cli.report.glance_rows import contact_rows
from servqual_cli.report.short_rows import short_row_blocks
from servqual_cli.report.spec import Block, Section, Table, Text

POWER = 0.8  # power of the minimum detectable difference, as `servqual trend` defaults


def demote(sections: Sequence[Section]) -> tuple[Section, ...]:
    """Sections of a command's document, one level below the report part's heading."""
    return tuple(replace(s, level=s.level + 1) for s in sections)


# --- reliability ------------------------------------------------------------------------------


def reliability_part(ctx: ReportContext) -> Part:
    """Cronbach's alpha, omega and item statistics for E, P and the gaps per dimension, with
    validity (KMO, Bartlett, CFA) and warnings, as ``servqual reliability`` computes them."""
    from servqual_cli.core.scales import instrument_reliability
    from servqual_cli.report.reliability_sections import reliability_sections, validity_warnings

    data, lang = ctx.survey, ctx.lang
    if data is None:  # not user input: the registry builds this part only with [survey]
        raise RuntimeError("internal: data is missing")
    inst = data.instrument
    names = {
        "E": [inst.expectation_column(i) for i in inst.items],
        "P": [inst.perception_column(i) for i in inst.items],
        "gap": [f"{inst.perception_column(i)}-{inst.expectation_column(i)}" for i in inst.items],
    }
    conf = ctx.config.survey.conf if ctx.config.survey else 0.95
    result = instrument_reliability(
        data.expectation,
        data.perception,
        names,
        data.dimension_positions,
        missing="pairwise",
        conf=conf,
        validity=True,
    )
    from servqual_cli.core.declared_reversed import declared_reversed, reversed_names

    # a negative r of an item the instrument reverses asks about the reversal (review 13, 4)
    declared = reversed_names(names, inst.items, inst.reverse)
    result = declared_reversed(result, declared)
    n_rows = len(data.expectation)
    # untitled: tables sit at ###
    from servqual_cli.report.reverse_note import reverse_note

    sections = reliability_sections(result, lang, items=True, n_rows=n_rows,
                                    reverse=reverse_note(inst, lang),
                                    reversed_items=declared)  # fmt: skip
    # alpha, omega and the validity checks have no weighted form here: in a weighted report
    # their titles say "oviktat (urvalet)", the rule report/weighted_labels.py states
    from servqual_cli.report.weighted_labels import report_weight_column, unweighted_sections

    column = report_weight_column(ctx)
    sections = list(unweighted_sections(sections, column, lang, "weight_rule_reliability"))
    head = Section(rl("reliability", lang))
    n_warn = (
        len(result.warnings) + len(result.skipped) + len(validity_warnings(result, lang, n_rows))
    )
    from servqual_cli.report.reliability_glance import reliability_glance

    glance = Text(reliability_glance(result, lang, n_warn))  # the gaps' α too (review 15, 2)
    from servqual_cli.report.conf_level import with_level

    method_text = with_level(rl("reliability_method", lang), conf, lang)
    from servqual_cli.core.alpha_screen import ALPHA_LOW
    from servqual_cli.report.numbers import fmt_number

    # the α rule (review 15, 2), its bound the one core.alpha_screen applies
    method_text += " " + rl("reliability_method_alpha", lang, bound=fmt_number(ALPHA_LOW, lang))
    method = ((rl("reliability", lang), method_text),)
    return Part((head, *sections), (glance,), method)


# --- test contacts --------------------------------------------------------------------------


def _series_sections(
    loaded: list[Any],
    years: list[tuple[str, int | None]],
    bench: tuple[str, str | None] | None,
    conf: float,
    lang: str,
    min_n: int = MIN_N,
) -> tuple[list[Section], str | None]:
    """Every year's KPI values, the trend over all years and a line chart per main KPI (three
    or more years); with a benchmark file, the others' mean of every year it holds; a year
    under the report's ``min_n`` marked, as the overview marks it (w-trend2, s17); and the
    sentence on the trends for the lead."""
    from servqual_cli.io.measurement import ReadOptions
    from servqual_cli.report.series_data import others_by_year, series_tables
    from servqual_cli.report.series_sections import series_lead, series_sections

    others = None
    if bench is not None:
        per_year = [(int(y), d.frame, bench[1]) for (_, y), d in zip(years, loaded, strict=True)
                    if y is not None]  # fmt: skip
        others = others_by_year(per_year, bench[0], ReadOptions(), None, conf)
    values, trends = series_tables([d.frame for d in loaded], conf, others, min_n=min_n)
    lead = series_lead(trends, lang)  # the series' trends in the lead (review 18 #10)
    return series_sections(values, trends, lang, charts=True, conf=conf), lead


def measurement_part(ctx: ReportContext) -> Part:
    """Latest year's KPIs, the change from the year before with its minimum detectable
    difference, the benchmark, and a chart per main KPI across areas and years."""
    from servqual_cli.core.benchmark import rank_benchmark
    from servqual_cli.core.contacts import contact_kpis, kpi_observations, treatment_counts
    from servqual_cli.core.email_rule import EmailRule
    from servqual_cli.core.trend import compare_kpis
    from servqual_cli.core.trend_coverage import not_compared
    from servqual_cli.core.wait_basis import wait_basis
    from servqual_cli.io.measurement import ReadOptions, read_benchmark
    from servqual_cli.io.measurement import load_contact_table as load
    from servqual_cli.report import measurement_sections as ms
    from servqual_cli.report.email_rule_text import email_rule_text

    cfg, lang = ctx.config.contacts, ctx.lang
    if cfg is None:  # not user input: the registry builds this part only with [contacts]
        raise RuntimeError("internal: cfg is missing")
    conf = ctx.config.survey.conf if ctx.config.survey else 0.95
    opts = ReadOptions(sheet=cfg.sheet)
    years = [(label, int(label) if label.isdigit() else None) for label, _ in cfg.years]
    loaded = [
        load(opts.read(str(f.path)), y, cfg.municipality, False)
        for (_, y), (_, f) in zip(years, cfg.years, strict=True)
    ]
    kpis = [contact_kpis(d.frame, keys=("year",), by_area=True, conf=conf) for d in loaded]
    data = loaded[-1]
    name = data.municipalities[0] if data.municipalities else cfg.municipality
    counts = treatment_counts(data.frame, keys=("year",))
    # each year's excluded cells too: its invalid date texts are named (session 17)
    per_year = [(label, d.frame, d.excluded, d.exclusions)
                for (label, _), d in zip(years, loaded, strict=True)]  # fmt: skip
    # the report computes the e-mail KPIs under the default rule (contact_kpis: 24h); its
    # sentence goes under the KPI table and into the method (review 10a finding 2)
    rule_text = email_rule_text(EmailRule("24h"), lang)
    sections = ms.contact_sections(
        kpis[-1],
        counts,
        data.excluded,
        len(data.frame),
        lang,
        True,
        per_year,
        ctx.config.min_n,
        conf=conf,
        email_rule=rule_text,
        contacts=data.frame,
    )
    # Summary: n and exclusions of every year read, then what changed (or that it cannot).
    lines = [ms.year_line(y, f, ex, lang, cells) for y, f, ex, cells in per_year]
    if len(loaded) < 2:
        lines.append(ms.ml("needs_two_years", lang))
    summary: list[Block] = [Text(" ".join(lines))]
    summary += short_row_blocks([d.table for d in loaded], lang)  # a CSV cut short (review 6 #10)
    comparisons = None
    mix_notes: dict[tuple[str, str], str] = {}
    if len(loaded) >= 2:
        (before, _), (after, _) = years[-2], years[-1]
        observations = [kpi_observations(d.frame, keys=()) for d in (loaded[-2], data)]
        # the small base at the report's min_n, the one its overview marks the totals by
        comparisons = compare_kpis(observations[0], observations[1], conf, POWER,
                                   min_n=ctx.config.min_n)  # fmt: skip
        waits = (wait_basis(loaded[-2].frame), wait_basis(data.frame))  # review 10c #1
        left_out = not_compared(
            observations[0], observations[1]
        )  # named in the notes (review 12a finding 2)
        shown = ms.trend_sections(comparisons, before, after, lang, POWER, conf, waits=waits,
                                  not_compared=left_out)  # fmt: skip
        # totals over a changed mix of areas named, with like-for-like totals (review 16 #2)
        from servqual_cli.core.trend_mix import area_mix, like_for_like
        from servqual_cli.report.trend_mix_section import mix_card_notes, mix_text, with_mix

        mix = area_mix(loaded[-2].frame, data.frame)
        like = like_for_like(loaded[-2].frame, data.frame, mix, None, conf=conf, power=POWER,
                             min_n=ctx.config.min_n)  # fmt: skip
        sections += with_mix(shown, mix, like, before, after, lang, conf=conf)
        mix_notes = mix_card_notes(mix, like, lang)
        # a channel whose areas only halved gets the total without them (review 17 #14), the
        # same-areas table's row (review 18 #13: one rule for the table and the overview)
        from servqual_cli.report.trend_mix_halved import halved_card_notes

        mix_notes |= halved_card_notes(mix, like, mix_notes, lang)
        summary += _changed_contacts(comparisons, before, after, lang)
        if len(mix):
            summary.append(Text(mix_text(mix, before, after, lang), kind="warning"))
    lead: tuple[str, ...] = ()
    if len(loaded) >= 3 and all(y is not None for _, y in years):  # years as a series
        bench_file = (str(cfg.benchmark.path), cfg.municipality or name) if cfg.benchmark else None
        shown_series, series_lead_text = _series_sections(
            loaded, years, bench_file, conf, lang, ctx.config.min_n
        )
        sections += shown_series
        lead = () if series_lead_text is None else (series_lead_text,)
    bench = None
    if cfg.benchmark is not None:
        path = str(cfg.benchmark.path)
        read = read_benchmark(path, cfg.municipality or name, years[-1][1], ReadOptions())
        bench = rank_benchmark(read, data.frame, conf, years[-1][0])
        from servqual_cli.report.benchmark_sections import benchmark_notes, benchmark_section

        notes = benchmark_notes(bench, lang, years[-1][0])
        year = "" if read.year is None else str(read.year)
        this = bench.shown_this_year or ""  # both years named when they differ (t-slope, s13)
        sections.append(
            benchmark_section(bench.kpis, read.municipality, year, lang, notes, conf, this)
        )
    glance = contact_rows(
        kpis[-1],
        comparisons,
        None if bench is None else bench.kpis,
        years[-1][0],
        years[-2][0] if len(years) >= 2 else None,
        lang,
        wait=wait_basis(data.frame),
        mix_notes=mix_notes,
    )
    from servqual_cli.report.contact_charts import contact_figures

    figures = contact_figures(
        pd.concat(kpis, ignore_index=True), bench, lang, ctx.config.min_n, conf
    )
    intro = rl(
        "measurement_intro",
        lang,
        municipality=name or "–",
        years=", ".join(label for label, _ in years),
    )
    head = Section(rl("measurement", lang), (Text(intro),))
    charts = Section(rl("measurement_charts", lang), tuple(figures), level=3)
    text = f"{ms.ml('units_note', lang)} {rule_text} {ms.ml('trend_note', lang)}"
    area = "" if comparisons is None else _area_method_note(comparisons, conf, lang)
    if area:  # the per-area note from the per-area table (review 9 finding 2)
        text = f"{text} {area}"
    method = ((rl("measurement", lang), text),)
    periods = ((rl("period_of_contacts", lang), tuple(label for label, _ in years)),)
    return Part(
        (head, *demote(sections), charts),
        tuple(summary),
        method,
        glance=tuple(glance),
        lead=lead,
        periods=periods,
    )


def _area_method_note(comparisons: pd.DataFrame, conf: float, lang: str) -> str:
    """The per-area note of the method text: the n of the per-area table and the chance
    sentence of its adjustment (Holm over every per-area comparison, as trend_sections);
    empty when there is no per-area row."""
    from servqual_cli.core.trend import area_family_size
    from servqual_cli.report.measurement_trend import area_note, area_note_facts, area_rows

    rows = area_rows(comparisons)
    if rows.empty:
        return ""
    facts = area_note_facts(rows, "holm", area_family_size(comparisons), conf)
    return area_note(facts, lang)


def _changed_contacts(comparisons: pd.DataFrame, before: str, after: str, lang: str) -> list[Block]:
    """Summary: the KPIs (all areas) whose change is more than chance, with its direction."""
    from servqual_cli.core.contacts import ALL
    from servqual_cli.report import measurement_sections as ms

    t = comparisons[comparisons["area"].eq(ALL) & comparisons["verdict"].isin(["better", "worse"])]
    if t.empty:
        return [Text(rl("no_significant_change", lang, before=before, after=after))]
    from servqual_cli.core.trend import total_family_size

    scale = ms.display_scale(t["kpi"])
    shown = t.assign(value_diff=t["value_diff"].to_numpy(dtype=float) * scale)
    # review 4 finding 1: a time's change is the Hodges-Lehmann shift; its medians' difference
    # is shown beside it. Finding 3: the p the verdict follows (Holm over the totals), named.
    shift = ms.shift_columns(shown, lang)
    change = shift[1] if shift else ms.ml("change", lang)
    p_label = ms.adjusted_p_label("holm", total_family_size(comparisons), lang)
    columns = {
        ms.ml("kpi", lang): [
            ms.kpi_name(k, c, lang) for k, c in zip(t["kpi"], t["channel"], strict=True)
        ],
        before: t["before"].to_numpy(dtype=float) * scale,
        after: t["after"].to_numpy(dtype=float) * scale,
    }
    if shift:
        columns[ms.ml("value_diff", lang)] = shown["value_diff"].to_numpy(dtype=float)
    columns.update(
        {
            change: t["diff"].to_numpy(dtype=float) * scale,
            p_label: t["p_adjusted"].to_numpy(dtype=float),
            ms.ml("verdict", lang): [ms.ml(v, lang) for v in t["verdict"]],
        }
    )
    # a change on a small base (either year under min_n) is marked here as in the change table
    # below and the overview (w-trend2, s17: this summary of the changes had no mark)
    from servqual_cli.report.trend_small_base import small_base_cells, small_base_note

    small = small_base_cells(t, lang)
    if small is not None:
        columns[rl("g_small_base", lang)] = small.tolist()
    frame = pd.DataFrame(columns)
    fmt = {before: ".1f", after: ".1f", change: "+.1f", p_label: "p"}
    note = f"{ms.ml('units_note', lang)} {ms.ml('changed_p_note', lang).format(label=p_label)}"
    note = f"{note} {small_base_note(t, lang)}".rstrip()
    if shift:
        fmt[ms.ml("value_diff", lang)] = "+.1f"
        note = f"{note} {ms.ml('shift_card_note', lang)}"
    title = rl("changed_contacts", lang, before=before, after=after)
    return [
        Table(
            title,
            frame,
            fmt,
            note=note,
            sheet="Förändrat" if lang == "sv" else "Changed",
        )
    ]


# --- KPIs, declarations and feedback --------------------------------------------------------
