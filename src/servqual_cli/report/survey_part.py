"""The SERVQUAL parts of a report: summary lines, gap tables and charts, groups, IPA (computed in
:mod:`~servqual_cli.report.survey_ipa`).

Figure data are plain dicts (lists of numbers and labels, already in the report's language), so
the chart module only draws.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from servqual_cli.core.gaps import GapAnalysis, gap_analysis
from servqual_cli.core.group_gaps import GroupedGapAnalysis
from servqual_cli.core.group_gaps import grouped_gap_analysis as _grouped
from servqual_cli.core.small_samples import flag_small_base, flag_small_groups
from servqual_cli.report.build import Part, ReportContext
from servqual_cli.report.catalog import dimension_name, exclusion_summary, label
from servqual_cli.report.chart_spec import caption_with
from servqual_cli.report.chart_words import cw
from servqual_cli.report.conf_level import level_text, with_level
from servqual_cli.report.duplicate_note import duplicate_blocks
from servqual_cli.report.gap_labels import FORMATS
from servqual_cli.report.gap_tables import dimension_table, item_table, overall_table
from servqual_cli.report.glance_rows import survey_rows
from servqual_cli.report.group_gap_sections import group_sections
from servqual_cli.report.numbers import fmt_number
from servqual_cli.report.recode_note import recode_line, recoded_of
from servqual_cli.report.report_labels import rl
from servqual_cli.report.reverse_note import reverse_note
from servqual_cli.report.scale_use_note import scale_use_message
from servqual_cli.report.spec import Block, Figure, Section, Table, Text
from servqual_cli.report.survey_figures import (  # noqa: F401  (shorten: part of this API)
    dimension_figure,
    heatmap_figure,
    item_figure,
    shorten,
)
from servqual_cli.report.survey_ipa import ipa_figure, ipa_frame, ipa_table
from servqual_cli.report.weighted_gap_sections import weighted_means_sections

if TYPE_CHECKING:
    import numpy as np

    from servqual_cli.core.dimension_comparison import DimensionComparison
    from servqual_cli.core.respondent_scores import RespondentScores
    from servqual_cli.core.survey_weights import WeightedSummary
    from servqual_cli.io.survey import SurveyData


def _data(ctx: ReportContext) -> SurveyData:
    if ctx.survey is None:  # the registry only builds these parts when [survey] is set
        raise RuntimeError("survey part built without survey data")
    return ctx.survey


def scale_warning(data: SurveyData, lang: str) -> list[Block]:
    """The warning of :mod:`servqual_cli.io.scale_use` when no answer reaches a scale end."""
    if data.scale_use is None:
        return []
    return [Text(scale_use_message(data.scale_use, lang), kind="warning")]


def analyses(ctx: ReportContext) -> tuple[GapAnalysis, GroupedGapAnalysis | None]:
    """The gap analysis of everyone, and per group when the survey has a grouping column."""

    def compute() -> tuple[GapAnalysis, GroupedGapAnalysis | None]:
        d = _data(ctx)
        conf = ctx.config.survey.conf if ctx.config.survey else 0.95
        args = (d.expectation, d.perception, d.items, d.dimension_positions)
        # the small-base flag at the report's min_n, as gap --min-n (review 2 item 11)
        if d.groups is not None and d.by is not None:
            g = _grouped(*args, groups=d.groups, by=d.by, weights=d.weights, conf=conf)
            g = flag_small_groups(g, ctx.config.min_n)
            return g.all, g
        return flag_small_base(gap_analysis(*args, weights=d.weights, conf=conf),
                               ctx.config.min_n), None  # fmt: skip

    result: tuple[GapAnalysis, GroupedGapAnalysis | None] = ctx.memo("gaps", compute)
    return result


def _scores(ctx: ReportContext) -> RespondentScores:
    """The respondents' dimension scores: the analysis's own, else computed once per report."""

    def compute() -> RespondentScores:
        from servqual_cli.core.respondent_scores import respondent_scores

        d = _data(ctx)
        result, _ = analyses(ctx)
        return result.scores or respondent_scores(
            d.expectation, d.perception, d.dimension_positions
        )

    scores: RespondentScores = ctx.memo("respondent_scores", compute)
    return scores


def _survey_weights(ctx: ReportContext, column: str) -> tuple[np.ndarray, str]:
    """``[survey] weight_column`` read once per report: the weights and the column's name."""

    def compute() -> tuple[np.ndarray, str]:
        from servqual_cli.io.weight_column import read_weight_column

        return read_weight_column(_data(ctx), column, "survey.weight_column")

    found: tuple[np.ndarray, str] = ctx.memo("survey_weight_column", compute)
    return found


def survey_weighting(ctx: ReportContext) -> WeightedSummary | None:
    """The survey-weighted dimension gaps, perceptions and total (``[survey] weight_column``),
    the same estimates as ``gap --weight-column``; None without the key."""
    column = ctx.config.survey.weight_column if ctx.config.survey else None
    if column is None:
        return None

    def compute() -> WeightedSummary:
        from servqual_cli.core.weighted_gaps import weighted_servqual

        result, _ = analyses(ctx)
        w, real = _survey_weights(ctx, str(column))
        scores = _scores(ctx)
        return weighted_servqual(scores.gap, scores.servperf, scores.dimensions, w, real,
                                 result.conf)  # fmt: skip

    summary: WeightedSummary = ctx.memo("survey_weights", compute)
    return summary


def weighted_test_blocks(ctx: ReportContext) -> list[Block]:
    """With ``[survey] weight_column``: the weighted dimension gaps with their design-based
    tests and the line naming where weighted and unweighted readings differ, as ``gap
    --weight-column`` prints them first (review 5, finding 2: the report showed the weighted
    gaps without a test). Nothing without the key."""
    column = ctx.config.survey.weight_column if ctx.config.survey else None
    if column is None:
        return []
    from servqual_cli.core.weighted_tests import weighted_gap_comparison
    from servqual_cli.report.weighted_gap_sections import weighted_gap_sections

    result, _ = analyses(ctx)
    w, real = _survey_weights(ctx, str(column))
    found = weighted_gap_comparison(result, _scores(ctx), w, real)
    if found is None:
        return []
    tests, differ = found
    return list(weighted_gap_sections(tests, differ, ctx.lang, apa=False)[0].blocks)


def dimension_pairs(ctx: ReportContext) -> DimensionComparison | None:
    """The paired tests of the dimension gaps (Holm over the pairs), as ``gap`` prints under
    "Which gap matters most?"; None with fewer than two dimensions or too few complete rows."""

    def compute() -> DimensionComparison | None:
        from servqual_cli.core.dimension_comparison import compare_dimensions
        from servqual_cli.errors import DataError

        result, _ = analyses(ctx)
        scores = _scores(ctx)
        if len(scores.dimensions) < 2:
            return None
        try:
            return compare_dimensions(scores.gap, list(scores.dimensions), result.conf)
        except DataError:
            return None

    found: DimensionComparison | None = ctx.memo("dimension_pairs", compute)
    return found


def unused_weight_note(ctx: ReportContext) -> list[Block]:
    """A visible note when the file has a column named like a survey weight that the report does
    not use: its results describe the sample (review 3, finding 2)."""
    from servqual_cli.io.weight_column import unused_weight_columns

    d = _data(ctx)
    used = [ctx.config.survey.weight_column if ctx.config.survey else None,
            *(d.columns or {}).get("weights", {}).values()]  # fmt: skip
    unused = unused_weight_columns(d.table.columns, used)
    if not unused:
        return []
    return [Text(rl("unused_weight", ctx.lang, columns=", ".join(unused)), kind="warning")]


def servqual_part(ctx: ReportContext) -> Part:
    """Summary lines, dimension and item tables with their charts, IPA, method notes."""
    d, lang = _data(ctx), ctx.lang
    result, grouped = analyses(ctx)
    weighted = survey_weighting(ctx)
    glance = survey_rows(result, grouped, ctx.config.period, lang, weighted=weighted,
                         scale_max=float(d.instrument.scale[1]),
                         comparison=dimension_pairs(ctx))  # fmt: skip
    blocks: list[Block] = [
        *duplicate_blocks(d.duplicates, lang),  # a file pasted twice (review 2 item 23h)
        *scale_warning(d, lang),  # a 1–6 file read as 1–7 (review 2 item 17)
        dimension_table(result, lang, min_n=ctx.config.min_n),
        *weighted_test_blocks(ctx),
        *([] if weighted is None else list(weighted_means_sections(weighted, lang)[0].blocks)),
        Figure(
            "servqual_dimensions",
            rl("fig_dimensions", lang),
            "dimension_gaps",
            dimension_figure(result, d, lang),
            with_level(rl("fig_dimensions_caption", lang), result.conf, lang),
            description=cw("chart_desc_dimensions", lang, conf=level_text(result.conf, lang)),
        ),
        item_table(
            result,
            lang,
            statements=statements(d, lang),
            survey_weights=None if weighted is None else weighted.column,
        ),
        Figure(
            "servqual_items",
            rl("fig_items", lang),
            "item_gaps",
            item_figure(result, lang, statements(d, lang)),
            with_level(rl("fig_items_caption", lang), result.conf, lang),
            description=cw("chart_desc_items", lang, conf=level_text(result.conf, lang)),
        ),
    ]
    crosshair = ctx.config.survey.ipa_crosshair if ctx.config.survey else "mean"
    ipa = ipa_frame(result, d, crosshair)
    where = rl(f"crosshair_{crosshair}", lang)
    if ipa is not None:
        frame, x, y = ipa
        blocks += [
            ipa_table(frame, lang, result.conf),
            Figure(
                "servqual_ipa",
                rl("fig_ipa", lang),
                "ipa",
                ipa_figure(frame, x, y, d, lang),
                rl("fig_ipa_caption", lang, crosshair=where),
                description=cw("chart_desc_ipa", lang),
            ),
        ]
    inst = d.instrument
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
            )
            + "".join(f" {t}" for t in (reverse_note(inst, lang),) if t)
            + (
                ""
                if weighted is None
                else " " + rl("method_survey_weights", lang, column=weighted.column)
            ),
        ),
        (
            rl("method_tests", lang),
            rl("method_tests_text", lang, conf=level_text(result.conf, lang)),
        ),
        (rl("method_missing", lang), rl("method_missing_text", lang)),
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


def groups_part(ctx: ReportContext) -> Part:
    """Per-group tables and tests, and the heatmap of dimension gaps by group."""
    _, grouped = analyses(ctx)
    if grouped is None:
        return Part()
    lang = ctx.lang
    sections = group_sections(grouped, lang, ctx.config.min_n)
    data, notes = heatmap_figure(grouped, lang, ctx.config.min_n)
    heat = Figure(
        "servqual_groups",
        rl("fig_heatmap", lang),
        "group_heatmap",
        data,
        caption_with(rl("fig_heatmap_caption", lang, by=grouped.by), notes),
        description=cw("chart_desc_heatmap", lang, by=grouped.by),
        notes=tuple(notes),
    )
    first = sections[0]
    shown: Block = heat if data["rows"] else Text(" ".join(notes), kind="note")
    blocks = (first.blocks[0], shown, *first.blocks[1:])
    return Part(sections=(Section(rl("groups", lang) + f": {grouped.by}", blocks),))


def _answer_and_weight_cells(d: SurveyData) -> tuple[dict[str, int], dict[str, int]]:
    """The excluded cells counted apart: answers, and the importance weights' own cells (review
    item 13: "tomma 231" mixed 176 blank answers with 55 blank weights). Both in the log's
    reason order."""
    names = set((d.columns or {}).get("weights", {}).values())
    if not names or d.exclusion_log is None or not d.excluded:
        return dict(d.excluded), {}
    ex = d.exclusions
    in_weights = ex.loc[ex["column"].isin(names), "reason"].value_counts()
    weights = {k: int(in_weights[k]) for k in d.excluded if k in in_weights.index}
    answers = {k: v - weights.get(k, 0) for k, v in d.excluded.items()}
    return {k: v for k, v in answers.items() if v}, weights


def summary_blocks(ctx: ReportContext, result: GapAnalysis) -> list[Block]:
    """n, exclusions, overall SERVQUAL (both scores) and the three largest negative gaps."""
    d, lang = _data(ctx), ctx.lang
    out: list[Block] = []
    if ctx.config.group is not None:
        by, value = ctx.config.group
        out.append(Text(rl("summary_group", lang, by=by, group=value)))
    source = Path(ctx.config.survey.file.given if ctx.config.survey else d.table.source).name
    answers, weights = _answer_and_weight_cells(d)
    excluded = exclusion_summary(answers, lang)
    if weights:
        cells = ", ".join(f"{label(k, lang)} {v}" for k, v in weights.items())
        excluded += ". " + rl("weight_cells", lang, cells=cells)
    recoded = recode_line(recoded_of(d.exclusion_log), lang)  # review item 13a
    if recoded:
        excluded += ". " + recoded
    out.append(Text(rl("summary_intro", lang, n=result.n_rows, file=source, excluded=excluded)))
    out += unused_weight_note(ctx)
    o = result.overall
    weighted = ""
    if o.weighted is not None:
        weighted = rl("summary_weighted", lang, weighted=fmt_number(o.weighted, lang))
    unweighted = fmt_number(o.unweighted, lang)
    survey = survey_weighting(ctx)
    total = None if survey is None else survey.table.iloc[-1]
    if total is not None and survey is not None:
        out.append(Text(rl("summary_survey_weighted", lang, column=survey.column,
                           value=fmt_number(float(total["mean"]), lang),
                           n_eff=fmt_number(float(total["n_eff"]), lang, 0),
                           unweighted=unweighted)))  # fmt: skip
    else:
        out.append(Text(rl("summary_overall", lang, unweighted=unweighted, weighted=weighted)))
    survey_row = None
    if total is not None and survey is not None:
        survey_row = {"column": survey.column, "n": int(total["n"]), "n_eff": float(total["n_eff"]),
                      "score": float(total["mean"]), "ci_low": float(total["ci_low"]),
                      "ci_high": float(total["ci_high"])}  # fmt: skip
    out.append(overall_table(result, lang, survey_weighted=survey_row))
    items = result.items
    worst = items[items["gap"] < 0].sort_values(["gap", "item"], kind="stable").head(3)
    if worst.empty:
        out.append(Text(rl("largest_gaps_none", lang)))
    else:
        cols = [
            "item",
            "dimension",
            "n",
            "expectation",
            "perception",
            "gap",
            "ci_low",
            "ci_high",
            "p_holm",
        ]
        frame = worst[cols].reset_index(drop=True)
        frame["dimension"] = [dimension_name(x, lang) for x in frame["dimension"]]
        wording = statements(d, lang)
        if wording:
            frame.insert(1, "statement", [wording.get(int(i), "") for i in frame["item"]])
        heads = {c: label(c, lang) for c in [*cols, "statement"]}
        for c in ("ci_low", "ci_high"):  # the level in the header (review 5, finding 21)
            heads[c] = f"{level_text(result.conf, lang)} {heads[c]}"
        out.append(
            Table(
                title=rl("largest_gaps", lang),
                frame=frame.rename(columns=heads),
                formats={label(k, lang): v for k, v in FORMATS.items()}
                | {heads[c]: FORMATS[c] for c in ("ci_low", "ci_high") if c in FORMATS},
                signed=(label("gap", lang),),
                note=rl("largest_gaps_note", lang),
                sheet="Största gap" if lang == "sv" else "Largest gaps",
            )
        )
    return out


def statements(d: SurveyData, lang: str) -> dict[int, str]:
    """The instrument's wording of each item in ``lang`` (empty when it has none)."""
    out = {}
    for item in d.instrument.items:
        text = d.instrument.statement(item, lang)
        if text:
            out[int(item)] = text
    return out
