"""The report's service part: the KPIs of a service declaration and the feedback register.

A thin adapter, as :mod:`~servqual_cli.report.parts`: it runs the same loading and core steps
as ``servqual kpi`` and ``servqual feedback``, calls their section builders
(:mod:`~servqual_cli.report.kpi_sections`, :mod:`~servqual_cli.report.feedback_sections`), and
adds what only the report has: the changed-KPI summary lines, the period taken from the
contacts, the shares marked, the input files listed.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import pandas as pd

from servqual_cli.report.build import Part, ReportContext
from servqual_cli.report.catalog import rl
from servqual_cli.report.config import InputFile
from servqual_cli.report.glance_rows import feedback_rows, kpi_rows
from servqual_cli.report.parts import demote
from servqual_cli.report.spec import Block, Figure, GlanceRow, Section, Table, Text


def service_part(ctx: ReportContext) -> Part:
    """KPIs by aspect against targets and norms (a chart per aspect), the feedback register."""
    cfg, lang = ctx.config.service, ctx.lang
    if cfg is None:  # not user input: the registry builds this part only with [service]
        raise RuntimeError("internal: cfg is missing")
    conf = ctx.config.survey.conf if ctx.config.survey else 0.95
    sections: list[Section] = [Section(rl("service", lang))]
    summary: list[Block] = []
    glance: list[GlanceRow] = []
    periods: list[tuple[str, tuple[str, ...]]] = []
    feedback_data = None
    read: list[Any] = []  # the files read, for the short-row lines (review 6 #10)
    if cfg.feedback is not None:
        from servqual_cli.io.feedback import load_feedback
        from servqual_cli.io.read import read_table

        feedback_data = load_feedback(read_table(str(cfg.feedback.path)))
    if cfg.kpi is not None:
        from servqual_cli.core.kpi import ASPECTS, evaluate_kpi
        from servqual_cli.io.kpi_config import load_kpi_config
        from servqual_cli.io.kpi_data import load_all_kpi_data
        from servqual_cli.io.read import read_table
        from servqual_cli.report.kpi_sections import kpi_sections

        kpi_config = load_kpi_config(str(cfg.kpi.path))
        loaded = load_all_kpi_data(kpi_config, read_table)
        read += [d.table for d in loaded]
        # one judgement of the groups (made in the core, carried by the results): the KPI
        # config's min_n when it sets one, else the report's
        min_n = ctx.config.min_n if kpi_config.min_n is None else kpi_config.min_n
        as_of = None if cfg.as_of is None else pd.Timestamp(cfg.as_of)
        cleaned = [(d, *_one_cleaning(d, cfg, feedback_data)) for d in loaded]
        results = sorted(
            (
                evaluate_kpi(d.spec, f, as_of, "year", conf, ex, min_n, d.year_column)
                for d, f, ex, _ in cleaned
            ),
            key=lambda r: ASPECTS.index(r.spec.aspect),
        )
        # a value's small base at the report's min_n, the one its overview marks every row by
        # (review 12c finding 5), whatever min_n the KPI config sets for the groups
        results = [replace(r, value_min_n=ctx.config.min_n) for r in results]
        results, dated = _period_from_contacts(results, ctx.config)
        rows = kpi_rows(results, lang)
        shares = {r.spec.name: r.spec.statistic in ("share", "share_within") for r in results}
        sections += demote(
            [
                _mark_shares(s, shares)
                for s in kpi_sections(
                    results,
                    lang,
                    groups=False,
                    figures=True,
                    conf=conf,
                    dated=dated,
                    elsewhere=_changes_elsewhere(rows, ctx.glance_of("measurement")),
                    named={d.spec.index: named for d, _, _, named in cleaned},
                )
            ]
        )
        summary += _changed_kpis(results, lang, conf)
        glance += rows
        seen = [str(p) for r in results for p in _kpi_periods(r)]
        periods.append((rl("period_of_kpi", lang), tuple(seen)))
    if cfg.feedback is not None:
        from servqual_cli.core.durations import parse_limit
        from servqual_cli.core.feedback import analyse_feedback
        from servqual_cli.io.feedback_left_out import items_left_out
        from servqual_cli.report.feedback_sections import feedback_sections

        data = feedback_data
        if data is None:  # loaded above whenever [service] names a feedback file
            raise RuntimeError("internal: feedback data missing")
        from servqual_cli.core.feedback_units import merge_units

        frame, merged = merge_units(data.frame, dict(cfg.unit_map))
        result = analyse_feedback(
            frame,
            parse_limit(cfg.promise or "14 days"),
            None if cfg.as_of is None else pd.Timestamp(cfg.as_of),
            "month",
            conf,
            has_closed="closed" in data.columns,
        )
        glance += _merged_notes(feedback_rows(result, lang), merged, lang)
        months = result.by_period["period"].astype(str)
        periods.append((rl("period_of_feedback", lang), tuple(sorted({m[:4] for m in months}))))
        sections.append(Section(rl("feedback", lang), level=3))
        left = items_left_out(data)  # rows read and items left out whole (review 2, item 16)
        sections += demote(demote(feedback_sections(result, data.excluded, lang, figures=True,
                                                      left_out=left)))  # fmt: skip
        from servqual_cli.report.feedback_notes import feedback_note_sections

        # serial-day and Swedish dates, units merged by case, named as `servqual feedback` does
        sections += feedback_note_sections(
            data.serial_dates, data.log.group_merges(), lang, data.swedish_dates,
            data.swedish_examples,
        )  # fmt: skip
        from servqual_cli.report.feedback_notes import unit_map_sections

        sections += unit_map_sections(merged, "unit_map_config", lang)
    from servqual_cli.report.short_rows import short_row_blocks  # a CSV cut short, named once

    read += [feedback_data.table] if feedback_data is not None else []
    summary += short_row_blocks({t.source: t for t in read}.values(), lang)
    method = ((rl("service", lang), rl("service_method", lang)),)
    inputs: tuple[InputFile, ...] = ()
    if cfg.kpi is not None:
        inputs = _kpi_inputs(str(cfg.kpi.path))
    return Part(tuple(sections), tuple(summary), method, inputs, tuple(glance), tuple(periods))


def _merged_notes(
    rows: list[GlanceRow], merged: tuple[tuple[str, str, int, bool], ...], lang: str
) -> list[GlanceRow]:
    """A feedback row of a unit that ``[service] unit_map`` merged names the old name in its
    note, so the overview says the rule that changed its count (review 16, finding 3).

    >>> row = GlanceRow("feedback", "Synpunkter: Stadsmiljö", "count", 450.0,
    ...                 short_name="Stadsmiljö", note="kvot 1,22")
    >>> _merged_notes([row], (("Teknik", "Stadsmiljö", 370, True),), "sv")[0].note
    'kvot 1,22; inkl. Teknik (sammanslagen, unit_map)'
    """
    from dataclasses import replace

    from servqual_cli.report.catalog import sl

    olds: dict[str, list[str]] = {}
    for old, new, n, _ in merged:  # a handful of pairs
        if n:
            olds.setdefault(new, []).append(old)
    out = []
    for r in rows:
        names = olds.get(r.short_name or "") if r.kind == "feedback" else None
        if names:
            said = sl("unit_map_row", lang).format(old=", ".join(names))
            r = replace(r, note=f"{r.note}; {said}" if r.note else said)
        out.append(r)
    return out


def _changes_elsewhere(
    rows: list[GlanceRow], contacts: tuple[GlanceRow, ...]
) -> dict[str, tuple[str, str, str]]:
    """KPIs (by name) without a change of their own whose change the overview takes from the
    service measurement (the same measure of the same contacts,
    :func:`~servqual_cli.report.glance.merge_same_measure`), as (previous period, title of the
    table the change stands in, its row there): their notes point there instead of saying no
    change is computed (review 9, finding 3)."""
    from servqual_cli.report.glance import merge_same_measure

    out = {}
    for r in merge_same_measure([*rows, *contacts]):
        if r.kind != "kpi" or r.change_table is None or r.previous_period is None:
            continue
        # the contact measure it was filled from (its name is the table's row); the change
        # fields were copied from it, the n matched exactly
        key = (r.change_table, r.change, r.change_p, r.previous_value, r.n)
        source = next((c for c in contacts if (c.change_table, c.change, c.change_p,
                       c.previous_value, c.n) == key), None)  # fmt: skip
        if source is not None:
            out[str(r.short_name or r.name)] = (r.previous_period, r.change_table, source.name)
    return out


def _period_from_contacts(results: list[Any], config: Any) -> tuple[list[Any], dict[str, str]]:
    """A KPI whose data have no date column but whose data file is one of the report's
    ``[contacts.years]`` files covers that year: its period is shown as that year (named in the
    KPI's note, ``dated``: KPI name -> year), not as "–" beside KPIs with dates. The value and
    verdict are unchanged (they use all the file's rows either way)."""
    if config.contacts is None:
        return results, {}
    years = {Path(f.path).resolve(): label for label, f in config.contacts.years}
    out, dated = [], {}
    for r in results:
        year = None if r.period is not None else years.get(Path(r.spec.data).resolve())
        if year is not None:
            r = replace(r, period=year)
            dated[r.spec.name] = year
        out.append(r)
    return out, dated


def _kpi_periods(result: Any) -> list[str]:
    """The periods a KPI's data cover as shown (its latest and the one it is compared with);
    none for a KPI whose data have no date column."""
    c = result.change
    pooled = () if result.pooled is None else tuple(result.pooled.periods)
    return [str(p) for p in (result.period, None if c is None else c.previous_period, *pooled) if p]


def _one_cleaning(
    d: Any, cfg: Any, feedback: Any
) -> tuple[pd.DataFrame, dict[str, int], dict[str, tuple[tuple[str, int], ...]]]:
    """One computation per measure (issue #9): a KPI that reads the feedback register's own
    file is computed from the rows the register keeps
    (:func:`~servqual_cli.io.kpi_data.with_register`, which ``servqual kpi`` applies too), so
    both sections show the same n and value, and the rows dropped are counted with the
    register's reasons; with the commonest texts of its invalid cells, which the KPI's note
    names (review 14 finding 13)."""
    from servqual_cli.io.kpi_data import with_register

    same = (
        feedback is not None
        and cfg.feedback is not None
        and d.spec.register != "none"
        and Path(d.spec.data).resolve() == Path(cfg.feedback.path).resolve()
    )
    if same:
        d = with_register(d, feedback)
    return d.frame, dict(d.log.counts()), d.log.named_values()


def _kpi_inputs(path: str) -> tuple[InputFile, ...]:
    """The data files a KPI config reads, as written relative to it."""
    import os

    from servqual_cli.io.kpi_config import load_kpi_config

    base = os.path.dirname(path)
    files = dict.fromkeys(spec.data for spec in load_kpi_config(path).kpis)
    return tuple(InputFile("kpi data", os.path.relpath(f, base), Path(f)) for f in files)


def _mark_shares(section: Section, shares: dict[str, bool]) -> Section:
    """Tell the KPI charts which KPIs are shares (their frame has the unit, not the statistic;
    a share within "1 working day" has the unit of its limit)."""
    blocks = tuple(
        replace(b, data=b.data.assign(share=[shares.get(n, False) for n in b.data["name"]]))
        if isinstance(b, Figure) and b.kind == "kpi_aspect"
        else b
        for b in section.blocks
    )
    return replace(section, blocks=blocks)


def _changed_kpis(results: list[Any], lang: str, conf: float = 0.95) -> list[Block]:
    """Summary: KPIs whose change against the previous period is told from chance (the test's
    p below 1 - conf and the interval wholly on one side of 0: ``KpiChange.detected``).
    Values are numbers (shares in percent) with the unit in its own column; beside them the
    change the test judges with its interval, from the core's result (a time's Hodges-Lehmann
    shift with the Mann-Whitney interval, a share's difference with Newcombe's), as the KPI
    tables show it, at the level ``conf`` the KPIs were evaluated at."""
    from servqual_cli.core.kpi_results import SHIFT_ESTIMATE
    from servqual_cli.report.catalog import KPI, label
    from servqual_cli.report.conf_level import with_level
    from servqual_cli.report.kpi_sections import small_base_note
    from servqual_cli.report.kpi_texts import period_cell, small_base_cell
    from servqual_cli.report.service_labels import unit_text

    rows = []
    for r in results:
        c = r.change
        if c is None or c.p is None or not c.detected:
            continue
        share = r.spec.statistic in ("share", "share_within")
        scale = 100.0 if share else 1.0
        shift = c.estimate == SHIFT_ESTIMATE
        change = (c.shift, c.shift_low, c.shift_high) if shift else (c.diff, c.diff_low,
                                                                     c.diff_high)  # fmt: skip
        rows.append(
            {
                rl("kpi", lang): r.spec.name,
                # the calendar window when the latest period was cut short (a reader of the
                # cell alone must not take it for whole years)
                rl("period", lang): period_cell(c, lang),
                rl("before", lang): float(c.previous_value) * scale,
                rl("after", lang): float(c.value) * scale,
                rl("g_unit", lang): "%" if share else unit_text(r.spec.unit, lang),
                # the KPI table's and the overview's mark of the value's small base
                rl("g_small_base", lang): small_base_cell(r, lang),
                "change": float(change[0]) * scale,
                "low": float(change[1]) * scale,
                "high": float(change[2]) * scale,
                "p": c.p,
                rl("direction", lang): rl(
                    "better" if c.better else "worse" if c.better is False else "changed", lang
                ),
            }
        )
    if not rows:
        return [Text(rl("no_significant_kpi", lang))]
    # the level every change's interval was computed at (the KPIs were evaluated at ``conf``)
    names = {
        "change": label("changed_change", lang, KPI),
        "low": with_level(label("changed_ci_low", lang, KPI), conf, lang),
        "high": with_level(label("changed_ci_high", lang, KPI), conf, lang),
    }
    frame = pd.DataFrame(rows).rename(columns=names)
    note = label("changed_note", lang, KPI)
    shown = [r for r in results if r.spec.name in set(frame[rl("kpi", lang)])]
    small = small_base_note(shown, lang, "small_base_change_note")
    if small is None:  # review 12c finding 5: marked only where a KPI is small
        frame = frame.drop(columns=rl("g_small_base", lang))
    else:
        note = f"{small.text} {note}"
    return [
        Table(
            rl("changed_kpis", lang),
            frame,
            {
                "p": "p",
                rl("before", lang): ".1f",
                rl("after", lang): ".1f",
                names["change"]: "+.1f",
                names["low"]: ".1f",
                names["high"]: ".1f",
            },
            note=note,
            sheet="Ändrade nyckeltal" if lang == "sv" else "Changed KPIs",
        )
    ]
