"""The SERVQUAL parts of a report: summary lines, gap tables and charts, groups, IPA (computed in
:mod:`~servqual_cli.report.survey_ipa`). The analyses they share are computed once per report in
:mod:`~servqual_cli.report.survey_results`, the summary is built in
:mod:`~servqual_cli.report.survey_summary`; this module lays the parts out.

Figure data are plain dicts (lists of numbers and labels, already in the report's language), so
the chart module only draws.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from servqual_cli.report.build import Part, ReportContext
from servqual_cli.report.catalog import TOOLBOX, dimension_name, label
from servqual_cli.report.chart_messages import gap_message, heatmap_message
from servqual_cli.report.chart_spec import caption_with
from servqual_cli.report.chart_words import cw
from servqual_cli.report.conf_level import level_text, with_level
from servqual_cli.report.duplicate_note import duplicate_blocks
from servqual_cli.report.gap_tables import dimension_table, item_table
from servqual_cli.report.glance_rows import survey_rows
from servqual_cli.report.group_gap_sections import group_sections
from servqual_cli.report.method_rules import missing_text, survey_weight_missing
from servqual_cli.report.report_labels import rl
from servqual_cli.report.reverse_note import reverse_note
from servqual_cli.report.scale_use_note import scale_use_message
from servqual_cli.report.spec import Block, Figure, Section, Text
from servqual_cli.report.survey_figures import (  # noqa: F401  (shorten: part of this API)
    dimension_figure,
    heatmap_figure,
    item_figure,
    item_figure_note,
    shorten,
)
from servqual_cli.report.survey_ipa import ipa_figure, ipa_frame, ipa_table
from servqual_cli.report.survey_results import (
    analyses,
    dimension_pairs,
    survey_data,
    survey_scores,
    survey_weight_column,
    survey_weighting,
    weighted_group_tests,
    weighted_groups,
)
from servqual_cli.report.survey_summary import statements, summary_blocks, unused_weights
from servqual_cli.report.weighted_gap_sections import weighted_means_sections
from servqual_cli.report.weighted_labels import (
    report_weight_column,
    unweighted_blocks,
    unweighted_table_title,
    weighted_figure_title,
)

if TYPE_CHECKING:
    import pandas as pd

    from servqual_cli.core.gaps import GapAnalysis
    from servqual_cli.core.survey_weights import WeightedSummary
    from servqual_cli.core.weighted_tests import WeightedGapTests
    from servqual_cli.io.survey import SurveyData


def scale_warning(data: SurveyData, lang: str) -> list[Block]:
    """The warning of :mod:`servqual_cli.io.scale_use` when no answer reaches a scale end."""
    if data.scale_use is None:
        return []
    return [Text(scale_use_message(data.scale_use, lang), kind="warning")]


def weighted_gap_tests(ctx: ReportContext) -> tuple[WeightedGapTests, list[dict[str, Any]]] | None:
    """With ``[survey] weight_column``: the weighted dimension gaps' design-based tests and the
    dimensions whose weighted and unweighted readings differ, once per report (the table
    "Viktade dimensionsgap" and Figur 1 read the same); None without the key or gaps."""
    column = ctx.config.survey.weight_column if ctx.config.survey else None
    if column is None:
        return None

    def compute() -> tuple[WeightedGapTests, list[dict[str, Any]]] | None:
        from servqual_cli.core.weighted_tests import weighted_gap_comparison

        result, _ = analyses(ctx)
        w, real = survey_weight_column(ctx, str(column))
        return weighted_gap_comparison(result, survey_scores(ctx), w, real)

    found: tuple[WeightedGapTests, list[dict[str, Any]]] | None = ctx.memo(
        "weighted_gap_tests", compute
    )
    return found


def weighted_dimension_pairs(ctx: ReportContext) -> pd.DataFrame | None:
    """With ``[survey] weight_column``: the weighted paired tests of the dimension gaps
    (:func:`~servqual_cli.core.weighted_pairs.weighted_pairs`), which the lead's "cannot be
    told apart" of two weighted gaps rests on (review 13, finding 19: it rested on the
    unweighted pairs); None without the key, gaps or the unweighted comparison."""
    column = ctx.config.survey.weight_column if ctx.config.survey else None
    if column is None or dimension_pairs(ctx) is None or weighted_gap_tests(ctx) is None:
        return None

    def compute() -> pd.DataFrame:
        from servqual_cli.core.weighted_pairs import weighted_pairs

        result, _ = analyses(ctx)
        scores = survey_scores(ctx)
        w, real = survey_weight_column(ctx, str(column))
        return weighted_pairs(scores.gap, list(scores.dimensions), w, real, result.conf)

    found: pd.DataFrame = ctx.memo("weighted_dimension_pairs", compute)
    return found


def weighted_pair_blocks(ctx: ReportContext) -> list[Block]:
    """The weighted pairs the lead's "störst" rests on, in the survey section when the report
    has no "dimension_comparison" section to carry them (review 18, finding 17: a default
    weighted report said "Störst är gapet för Empati" on a test shown nowhere)."""
    pairs = weighted_dimension_pairs(ctx)
    sections = ctx.config.sections
    if pairs is None or (sections is not None and "dimension_comparison" in sections):
        return []
    from servqual_cli.report.weighted_pair_sections import weighted_pairs_table

    column = str(report_weight_column(ctx))
    return [weighted_pairs_table(pairs, column, analyses(ctx)[0].conf, ctx.lang)]


def weighted_test_blocks(ctx: ReportContext) -> list[Block]:
    """With ``[survey] weight_column``: the weighted dimension gaps with their design-based
    tests and the line naming where weighted and unweighted readings differ, as ``gap
    --weight-column`` prints them first (review 5, finding 2: the report showed the weighted
    gaps without a test). Nothing without the key."""
    from servqual_cli.report.weighted_gap_sections import weighted_gap_sections

    found = weighted_gap_tests(ctx)
    if found is None:
        return []
    tests, differ = found
    return list(weighted_gap_sections(tests, differ, ctx.lang, apa=False)[0].blocks)


def weighted_dimension_means(ctx: ReportContext, column: str) -> WeightedSummary:
    """The weighted means of the dimensions' E and P over the respondents with both (the
    rows of the dimension gap), with the one weighted mean of the report
    (:func:`~servqual_cli.core.survey_weights.weighted_summary`, R ``survey::svymean``), so
    Figur 1's bars are on the basis of its weighted gaps (their difference is the gap)."""
    from servqual_cli.core.survey_weights import weighted_summary

    scores = survey_scores(ctx)
    w, real = survey_weight_column(ctx, column)
    conf = ctx.config.survey.conf if ctx.config.survey else 0.95
    cols = {}
    for j, name in enumerate(scores.dimensions):  # the few dimensions; each column is whole
        cols[f"{name}: expectation"] = scores.expectation[:, j]
        cols[f"{name}: perception"] = scores.perception[:, j]
    return weighted_summary(cols, w, real, conf)


def dimension_block(ctx: ReportContext, result: GapAnalysis, d: SurveyData) -> Figure:
    """Figur 1: mean E and P and the gap per dimension; in a weighted report the weighted
    ones, its title and caption saying so (or, without weighted gaps, "oviktat (urvalet)")."""
    lang = ctx.lang
    column = ctx.config.survey.weight_column if ctx.config.survey else None
    title = rl("fig_dimensions", lang)
    caption = with_level(rl("fig_dimensions_caption", lang), result.conf, lang)
    found = None if column is None else weighted_gap_tests(ctx)
    weighted = None
    description = cw("chart_desc_dimensions", lang, conf=level_text(result.conf, lang))
    if found is not None:
        tests = found[0]
        weighted = (tests, weighted_dimension_means(ctx, tests.column))
        title = cw("chart_fig_weighted_title", lang, title=title, column=tests.column)
        table = f"{label('weighted_gaps', lang, TOOLBOX)} ({tests.column})"
        caption += " " + cw("chart_fig_dimensions_weighted", lang, column=tests.column, table=table)
        description += " " + cw("chart_fig_weighted_desc", lang, column=tests.column)
    elif column is not None:
        title = cw("chart_fig_unweighted_title", lang, title=title)
        description += " " + cw("chart_fig_unweighted_desc", lang, column=column)
    data = dimension_figure(result, d, lang, weighted=weighted)
    # the chart's message first, from the values and verdicts it draws (review 12b, finding 7)
    description = f"{gap_message(data, lang)} {description}"
    return Figure("servqual_dimensions", title, "dimension_gaps", data, caption,
                  description=description)  # fmt: skip


def _unweighted(ctx: ReportContext, title: str, note_key: str) -> tuple[str, str, str]:
    """A weighted report's figure that has no weighted form: its title with "oviktat
    (urvalet)", the caption's note and the description's words saying what is not weighted;
    ``(title, "", "")`` in an unweighted report."""
    column = ctx.config.survey.weight_column if ctx.config.survey else None
    if column is None:
        return title, "", ""
    lang = ctx.lang
    table = f"{label('weighted_gaps', lang, TOOLBOX)} ({column})"
    return (
        cw("chart_fig_unweighted_title", lang, title=title),
        " " + cw(note_key, lang, column=column, table=table),
        " " + cw("chart_fig_unweighted_desc", lang, column=column),
    )


def servqual_part(ctx: ReportContext) -> Part:
    """Summary lines, dimension and item tables with their charts, IPA, method notes."""
    d, lang = survey_data(ctx), ctx.lang
    result, grouped = analyses(ctx)
    weighted = survey_weighting(ctx)
    by_group = weighted_groups(ctx)
    # a weighted report's items and IPA have no weighted form: their figures say so
    basis = None if weighted is None else cw("chart_fig_unweighted_basis", lang)
    items_title, items_note, items_desc = _unweighted(
        ctx, rl("fig_items", lang), "chart_fig_items_unweighted"
    )
    glance = survey_rows(result, grouped, ctx.config.period, lang, weighted=weighted,
                         scale_max=float(d.instrument.scale[1]),
                         comparison=dimension_pairs(ctx), weighted_groups=by_group,
                         weighted_pairs=weighted_dimension_pairs(ctx),
                         min_n=ctx.config.min_n, unused_weights=unused_weights(ctx))  # fmt: skip
    column = report_weight_column(ctx)  # one rule for the titles (report/weighted_labels.py)
    blocks: list[Block] = [
        *duplicate_blocks(d.duplicates, lang),  # a file pasted twice (review 2 item 23h)
        *scale_warning(d, lang),  # a 1–6 file read as 1–7 (review 2 item 17)
        *unweighted_blocks(
            [dimension_table(result, lang, min_n=ctx.config.min_n)],
            column,
            lang,
            "weight_rule_dimensions",
        ),
        *weighted_test_blocks(ctx),
        *weighted_pair_blocks(ctx),
        *([] if weighted is None else list(weighted_means_sections(weighted, lang)[0].blocks)),
        dimension_block(ctx, result, d),
        item_table(
            result,
            lang,
            title=unweighted_table_title(label("item_gaps", lang), column, lang),
            statements=statements(d, lang),
            survey_weights=None if weighted is None else weighted.column,
            reversed_note=reverse_note(d.instrument, lang),  # review 13, finding 4
        ),
        Figure(
            "servqual_items",
            items_title,
            "item_gaps",
            item_figure(result, lang, statements(d, lang), basis=basis),
            with_level(rl("fig_items_caption", lang), result.conf, lang)
            + " "
            + item_figure_note(result, lang)  # its bars follow the table's p (review 15, 4)
            + items_note,
            description=cw("chart_desc_items", lang, conf=level_text(result.conf, lang))
            + items_desc,
        ),
    ]
    crosshair = ctx.config.survey.ipa_crosshair if ctx.config.survey else "mean"
    ipa = ipa_frame(result, d, crosshair)
    where = rl(f"crosshair_{crosshair}", lang)
    if ipa is not None:
        frame, x, y = ipa
        ipa_title, ipa_note, ipa_desc = _unweighted(
            ctx, rl("fig_ipa", lang), "chart_fig_ipa_unweighted"
        )
        ipa_data = ipa_figure(frame, x, y, d, lang, result.conf)
        if basis is not None:
            ipa_data["labels"]["basis"] = basis
        blocks += [
            *unweighted_blocks(
                [ipa_table(frame, lang, result.conf)], column, lang, "weight_rule_ipa"
            ),
            Figure(
                "servqual_ipa",
                ipa_title,
                "ipa",
                ipa_data,
                rl("fig_ipa_caption", lang, crosshair=where) + ipa_note,
                description=cw("chart_desc_ipa", lang) + ipa_desc,
            ),
        ]
    inst = d.instrument
    from servqual_cli.report.method_rules import importance_sentence

    has_pairs = weighted_dimension_pairs(ctx) is not None  # review 18, finding 17
    pairs_method = " " + label("wpairs_method", lang, TOOLBOX) if has_pairs else ""
    method = [
        (
            rl("method_definitions", lang),
            rl(
                "method_definitions_text",
                lang,
                lo=inst.scale[0],
                hi=inst.scale[1],
                instrument=inst.name,
                dimensions=", ".join(dimension_name(x, lang) for x in inst.dimensions),
                # the importance-weighted score only when computed (review 15, finding 12)
                importance=importance_sentence(
                    None if result.overall.weighted is None else result.overall.weight_rule, lang
                ),
            )
            + "".join(f" {t}" for t in (reverse_note(inst, lang),) if t)
            + (
                ""
                if weighted is None
                else " " + rl("method_survey_weights", lang, column=weighted.column)
            )
            + pairs_method
            + ("" if by_group is None else " " + label("method_group_weights", lang, TOOLBOX))
            + (
                ""
                if column is None
                else " " + label("method_weight_rule", lang, TOOLBOX).format(column=column)
            ),
        ),
        (
            rl("method_tests", lang),
            rl("method_tests_text", lang, conf=level_text(result.conf, lang)),
        ),
        (
            rl("method_missing", lang),
            missing_text(
                d,
                lang,
                result.overall.weighted is not None,
                _config_codes(ctx),
                survey_weight_missing(ctx),
            ),
        ),
    ]
    if ipa is not None:
        method.append(
            (
                rl("method_ipa", lang),
                rl("method_ipa_text", lang, crosshair=where, level=level_text(result.conf, lang)),
            )
        )
    return Part(
        sections=(Section(title=rl("servqual", lang), blocks=tuple(blocks)),),
        summary=tuple(summary_blocks(ctx, result)),
        method=tuple(method),
        glance=tuple(glance),
        periods=(
            ((rl("period_of_survey", lang), (ctx.config.period,)),) if ctx.config.period else ()
        ),
    )


def _config_codes(ctx: ReportContext) -> tuple[str, ...]:
    """The config's ``survey.missing_codes`` (gap's ``--missing-codes``), () without them."""
    return ctx.config.survey.missing_codes if ctx.config.survey is not None else ()


def groups_part(ctx: ReportContext) -> Part:
    """Per-group tables and tests, and the heatmap of dimension gaps by group."""
    _, grouped = analyses(ctx)
    if grouped is None:
        return Part()
    lang = ctx.lang
    # with weight_column: the groups' gaps weighted, on the cards' basis (review 7, finding 2)
    weighted = weighted_groups(ctx)
    sections = group_sections(grouped, lang, ctx.config.min_n, weighted=weighted,
                              weighted_tests=weighted_group_tests(ctx))  # fmt: skip
    table = sections[0].blocks[0]
    # the scale sets the fixed colour scale; the table holds a small group's values (review
    # 12b, findings 1 and 2)
    data, notes = heatmap_figure(grouped, lang, ctx.config.min_n, weighted=weighted,
                                 scale=survey_data(ctx).instrument.scale,
                                 table=getattr(table, "title", None))  # fmt: skip
    if weighted is not None:
        notes.insert(0, label("heatmap_weighted", lang, TOOLBOX).format(
            column=weighted.column, table=getattr(table, "title", "")))  # fmt: skip
    heat = Figure(
        "servqual_groups",
        weighted_figure_title(rl("fig_heatmap", lang), weighted.column if weighted else None, lang),
        "group_heatmap",
        data,
        caption_with(rl("fig_heatmap_caption", lang, by=grouped.by), notes),
        # what the chart says, from the facts it draws (review 12b, finding 7)
        description=" ".join(
            (cw("chart_desc_heatmap", lang, by=grouped.by), heatmap_message(data, lang))
        ),
        notes=tuple(notes),
    )
    first = sections[0]
    shown: Block = heat if data["rows"] else Text(" ".join(notes), kind="note")
    blocks = (first.blocks[0], shown, *first.blocks[1:])
    # the method of the tests between the groups, in the report that shows them (review 10a,
    # finding 9: the SERVQUAL method named them in every report, and not their intervals)
    method: tuple[tuple[str, str], ...] = ()
    if grouped.nothing_to_compare is None:
        conf = level_text(grouped.comparisons[0].conf, lang) if grouped.comparisons else ""
        method = ((rl("method_group_tests", lang), rl("method_group_tests_text", lang, conf=conf)),)
    return Part(sections=(Section(rl("groups", lang) + f": {grouped.by}", blocks),), method=method)
