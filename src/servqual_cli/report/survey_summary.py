"""The SERVQUAL summary of a report: respondents and exclusions (answers and importance-weight
cells apart), the note on an unused weight column, the overall score (unweighted,
importance-weighted, survey-weighted) and the three largest negative gaps; and the items'
wording. Split from :mod:`~servqual_cli.report.survey_part` (over 400 lines)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from servqual_cli.core.gaps import GapAnalysis
from servqual_cli.io.exclusions import NAMED_REASONS
from servqual_cli.report.below_test import flag_below
from servqual_cli.report.build import ReportContext
from servqual_cli.report.catalog import (
    TOOLBOX,
    count_text,
    dimension_name,
    label,
)
from servqual_cli.report.conf_level import level_text
from servqual_cli.report.exclusion_words import named_of, named_summary
from servqual_cli.report.gap_labels import FORMATS, adjusted_label, family_words
from servqual_cli.report.gap_sections import no_answer_text
from servqual_cli.report.gap_tables import overall_table
from servqual_cli.report.numbers import fmt_number
from servqual_cli.report.point_cells import points_text
from servqual_cli.report.recode_note import recode_line, recoded_of
from servqual_cli.report.report_labels import rl
from servqual_cli.report.reverse_note import mark_reversed, reverse_note
from servqual_cli.report.short_rows import short_row_blocks
from servqual_cli.report.spec import Block, Table, Text
from servqual_cli.report.survey_results import survey_data, survey_weighting

if TYPE_CHECKING:
    from servqual_cli.io.survey import SurveyData

__all__ = ["statements", "summary_blocks", "unused_weight_note", "unused_weights"]


def unused_weights(ctx: ReportContext) -> list[str]:
    """The file's columns named like a survey weight that the report does not use (the
    warning below and the overview's cards, review 12b finding 9, say so from one list)."""
    from servqual_cli.io.weight_column import unused_weight_columns

    d = survey_data(ctx)
    used = [ctx.config.survey.weight_column if ctx.config.survey else None,
            *(d.columns or {}).get("weights", {}).values()]  # fmt: skip
    return unused_weight_columns(d.table.columns, used)


def unused_weight_note(ctx: ReportContext) -> list[Block]:
    """A visible note when the file has a column named like a survey weight that the report does
    not use: its results describe the sample (review 3, finding 2)."""
    unused = unused_weights(ctx)
    if not unused:
        return []
    return [Text(rl("unused_weight", ctx.lang, columns=", ".join(unused)), kind="warning")]


def _answer_and_weight_cells(
    d: SurveyData, survey_column: str | None = None
) -> tuple[dict[str, int], dict[str, int], dict[str, int]]:
    """The excluded cells counted apart: answers, the importance weights' own cells (review
    item 13: "tomma 231" mixed 176 blank answers with 55 blank weights) and the survey weight
    column's (``survey_column``: a blank or a text weight, counted as gap --weight-column counts
    them; session 18). Each in the log's reason order."""
    names = set((d.columns or {}).get("weights", {}).values())
    own = {survey_column} if survey_column else set()
    if not (names or own) or d.exclusion_log is None or not d.excluded:
        return dict(d.excluded), {}, {}
    ex = d.exclusions

    def counted(columns: set[str]) -> dict[str, int]:
        found = ex.loc[ex["column"].isin(columns), "reason"].value_counts()
        return {k: int(found[k]) for k in d.excluded if k in found.index}

    weights, survey = counted(names), counted(own)
    answers = {k: v - weights.get(k, 0) - survey.get(k, 0) for k, v in d.excluded.items()}
    return {k: v for k, v in answers.items() if v}, weights, survey


def _answer_texts(
    d: SurveyData, any_invalid: bool, survey_column: str | None = None
) -> dict[str, tuple[tuple[str, int], ...]]:
    """The commonest invalid texts of the answers (the weight columns' own cells apart, as
    counted by :func:`_answer_and_weight_cells`): session 15, w-invalid; out-of-range numbers
    and unreadable dates too, as every command names them (session 16)."""
    if not any_invalid or d.exclusion_log is None:
        return {}
    names = set((d.columns or {}).get("weights", {}).values()) | (
        {survey_column} if survey_column else set()
    )
    if not names:
        return d.exclusion_log.named_values()
    ex = d.exclusions
    return named_of(ex.loc[~ex["column"].isin(names)])


def _survey_weight_text(d: SurveyData, column: str, cells: dict[str, int], lang: str) -> str:
    """The sentence on the survey weight column's cells with no valid weight, its texts named as
    gap names them: "Vikt (urvalsvikter): 2 utan giltig vikt – tom vikt 1, ogiltigt värde 1
    (”ja” 1)" (review 17, finding 17: apart from the importance points)."""
    ex = d.exclusions
    texts = named_of(ex.loc[ex["column"] == column])
    # named_summary's list without its own head ("Uteslutna celler: "): this sentence has one
    listed = named_summary(cells, texts, lang).split(": ", 1)[1]
    n = count_text(sum(cells.values()), lang)
    return rl("survey_weight_cells", lang, column=column, n=n, cells=listed)


def _survey_weight_name(ctx: ReportContext) -> str | None:
    """The ``[survey] weight_column`` as the file writes it (None without one)."""
    column = ctx.config.survey.weight_column if ctx.config.survey is not None else None
    if column is None:
        return None
    from servqual_cli.report.survey_results import survey_weight_column

    return survey_weight_column(ctx, column)[1]


def summary_blocks(ctx: ReportContext, result: GapAnalysis) -> list[Block]:
    """n, exclusions, overall SERVQUAL (both scores) and the three largest negative gaps."""
    d, lang = survey_data(ctx), ctx.lang
    out: list[Block] = []
    if ctx.config.group is not None:
        by, value = ctx.config.group
        out.append(Text(rl("summary_group", lang, by=by, group=value)))
    source = Path(ctx.config.survey.file.given if ctx.config.survey else d.table.source).name
    column = _survey_weight_name(ctx)
    answers, weights, in_column = _answer_and_weight_cells(d, column)
    excluded = named_summary(
        answers, _answer_texts(d, any(r in answers for r in NAMED_REASONS), column), lang
    )
    if weights:
        names = list((d.columns or {}).get("weights", {}).values())
        excluded += ". " + points_text(names, weights, lang)
    if in_column and column is not None:
        excluded += ". " + _survey_weight_text(d, column, in_column, lang)
    codes = ctx.config.survey.missing_codes if ctx.config.survey is not None else ()
    if codes:  # the rule beside the "missing code" cells it made, as gap says it (session 18)
        from servqual_cli.report.missing_codes_note import union_text

        rule = union_text(codes, d.instrument.missing, lang, option="survey.missing_codes") or ""
        excluded += ". " + rule.rstrip(".")
    recoded = recode_line(recoded_of(d.exclusion_log), lang)  # review item 13a
    if recoded:
        excluded += ". " + recoded
    n = count_text(result.n_rows, lang)
    # the rows with no answer, left out when the file was read, named beside the count gap
    # prints (session 18: one respondent count per file)
    excluded = no_answer_text(d.no_answer_rows, lang) + excluded
    out.append(Text(rl("summary_intro", lang, n=n, file=source, excluded=excluded)))
    out += short_row_blocks([d.table], lang)  # a CSV cut short, as every command warns
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
        # the family of the items' Holm p, as the items table heads it: three rows do not make
        # a Holm over three (review 14, finding 3), and the legend names the same column
        heads["p_holm"] = adjusted_label("holm", family_words(len(items), "items", lang), lang)
        title, note = rl("largest_gaps", lang), rl("largest_gaps_note", lang)
        if survey is not None:  # the items are the sample's under a weighted total (review 7, 2)
            title += f" – {label('unweighted_sample', lang, TOOLBOX)}"
            note = label("largest_gaps_unweighted", lang, TOOLBOX).format(column=survey.column)
            note += " " + rl("largest_gaps_note", lang)
        if set(frame["item"].astype(int)) & set(d.instrument.reverse):  # review 13, finding 4
            note += f" {reverse_note(d.instrument, lang)}"
        table = Table(
            title=title,
            frame=frame.rename(columns=heads),
            formats={label(k, lang): v for k, v in FORMATS.items()}
            | {heads[c]: FORMATS[c] for c in ("ci_low", "ci_high", "p_holm") if c in FORMATS},
            signed=(label("gap", lang),),
            note=note,
            sheet="Största gap" if lang == "sv" else "Largest gaps",
        )
        # coloured by the items' Holm-adjusted test, the table's p (Holm) column
        out.append(flag_below(table, heads["gap"], heads["p_holm"], lang))
    return out


def statements(d: SurveyData, lang: str) -> dict[int, str]:
    """The instrument's wording of each item in ``lang`` (empty when it has none), a reversed
    item's marked "(omvänt)": its score is ``min + max − answer``, and "Personalen är ofta
    otrevlig … 3,63" read unmarked as "fairly often rude" (review 13, finding 4)."""
    out = {}
    for item in d.instrument.items:
        text = d.instrument.statement(item, lang)
        if text:
            out[int(item)] = text
    if out:  # a table that shows wording marks every reversed item, worded or not
        out |= {int(i): mark_reversed(out.get(int(i), ""), lang) for i in d.instrument.reverse}
    return out
