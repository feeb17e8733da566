"""The toolbox's report sections (opt-in: name them in the config's ``sections`` list).

- ``dimension_comparison``: which gap is largest (Friedman, Kendall's W, paired post-hoc);
- ``item_distributions``: answer distributions of the E and P items with Likert bar charts;
- ``tolerance``: the zone of tolerance, for a survey that also has adequate and desired columns.

They are not in the default report: a municipality's standard report stays as it was, and a
researcher adds them with e.g. ``sections = ["summary", "servqual", "dimension_comparison",
"item_distributions", "method"]``.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from servqual_cli.report.build import Part, ReportContext
from servqual_cli.report.spec import Section
from servqual_cli.report.weighted_labels import report_weight_column, unweighted_sections

if TYPE_CHECKING:
    from servqual_cli.instruments.model import Instrument
    from servqual_cli.io.raw_table import RawTable
    from servqual_cli.io.survey import SurveyData


def _survey(ctx: ReportContext) -> SurveyData:
    if ctx.survey is None:  # not user input: the registry builds these only with [survey]
        raise RuntimeError("internal: survey part built without survey data")
    return ctx.survey


def _conf(ctx: ReportContext) -> float:
    return ctx.config.survey.conf if ctx.config.survey else 0.95


def dimension_comparison_part(ctx: ReportContext) -> Part:
    """Friedman test of the respondents' dimension gaps and the paired comparisons."""
    from servqual_cli.core.dimension_comparison import compare_dimensions
    from servqual_cli.core.respondent_scores import respondent_scores
    from servqual_cli.report.toolbox_sections import dimension_comparison_sections, tlabel

    d = _survey(ctx)
    scores = respondent_scores(d.expectation, d.perception, d.dimension_positions)
    res = compare_dimensions(scores.gap, list(scores.dimensions), _conf(ctx))
    sv = ctx.lang == "sv"
    method = (
        "Friedmans test av svarandenas dimensionsgap (fullständiga svar), Kendalls W, parade "
        "t-test och Wilcoxon med Holm-justering."
        if sv
        else "Friedman test of the respondents' dimension gaps (complete cases), Kendall's W, "
        "paired t-tests and Wilcoxon tests with Holm's adjustment."
    )
    sections = unweighted_sections(
        dimension_comparison_sections(res, ctx.lang),
        report_weight_column(ctx),
        ctx.lang,
        "weight_rule_comparison",
    )
    # a weighted report's lead judges the weighted gaps on the weighted pairs: shown here too
    # (review 13, finding 19)
    from servqual_cli.report.survey_part import weighted_dimension_pairs

    weighted = weighted_dimension_pairs(ctx)
    if weighted is not None and sections:
        import dataclasses

        from servqual_cli.report.weighted_pair_sections import weighted_pairs_table

        table = weighted_pairs_table(weighted, str(report_weight_column(ctx)), _conf(ctx), ctx.lang)
        last = dataclasses.replace(sections[-1], blocks=(*sections[-1].blocks, table))
        sections = (*sections[:-1], last)
    return Part(sections, (), ((tlabel("friedman", ctx.lang), method),))  # fmt: skip


def item_distributions_part(ctx: ReportContext) -> Part:
    """Counts, boxes and skewness of every E and P item, with diverging Likert bars."""
    import numpy as np

    from servqual_cli.core.item_distribution import item_distributions
    from servqual_cli.io.role_data import missing_by_column
    from servqual_cli.report.toolbox_sections import item_distribution_sections, tlabel

    d = _survey(ctx)
    inst = d.instrument
    labels = [inst.expectation_column(i) for i in inst.items]
    labels += [inst.perception_column(i) for i in inst.items]
    sets = ["expectation"] * len(inst.items) + ["perception"] * len(inst.items)
    values = np.column_stack([d.expectation, d.perception])
    res = item_distributions(values, labels, inst.scale, missing_by_column(d.exclusions), sets,
                             _conf(ctx))  # fmt: skip
    from servqual_cli.report.reverse_note import reverse_note

    shown = item_distribution_sections(res, d.excluded, ctx.lang,
                                       reverse=reverse_note(inst, ctx.lang))  # fmt: skip
    sections = unweighted_sections(shown, report_weight_column(ctx), ctx.lang,
                                   "weight_rule_distributions")  # fmt: skip
    title = tlabel("item_distributions", ctx.lang)
    return Part((Section(title, sections[0].blocks),))


def _tolerance_source(ctx: ReportContext) -> tuple[RawTable, Instrument, bool]:
    """The table and instrument the zone of tolerance reads: ``[tolerance] file`` when given,
    else the survey file; and ``strict``. The section's own error names it and what it needs
    (review 6, finding 7: the instrument's "needs columns A1 ..." named no section)."""
    from servqual_cli.errors import Location, UsageError
    from servqual_cli.instruments.toml import load_instrument
    from servqual_cli.io.role_data import present_roles, with_default_roles

    tol, survey = ctx.config.tolerance, ctx.config.survey
    if tol is not None:
        from servqual_cli.io.read import read_table

        table = read_table(str(tol.file.path), sheet=tol.sheet, encoding=tol.encoding,
                           header_row=tol.header_row)  # fmt: skip
        spec = tol.instrument or (survey.instrument if survey else None)
        inst, strict, key = load_instrument(spec), tol.strict, "[tolerance] file"
    else:
        d = _survey(ctx)
        table, inst = d.table, d.instrument
        strict, key = bool(survey and survey.strict), "[survey] file"
    roles = present_roles(table, inst)
    lacking = [r for r in ("adequate", "desired", "perception") if r not in roles]
    if lacking:
        full = with_default_roles(inst)  # A{item} and D{item} unless the instrument says
        first = sorted(full.items)[0]
        columns = {"adequate": full._display("adequate", first, "A"),
                   "desired": full._display("desired", first, "D"),
                   "perception": full.perception_column(first)}  # fmt: skip
        shown = " or ".join(f"{r} ({columns[r]} …)" for r in lacking) + " columns"
        where = Location(str(ctx.config.source.path)) if ctx.config.source else None
        hint = "" if tol is not None else "; name a file that has them in [tolerance] file"
        raise UsageError(
            f"section 'tolerance' needs adequate, desired and perceived columns; the {key} "
            f"{table.describe()['file']} has no {shown}{hint}",
            where,
            code="tolerance_section_columns",
            facts={"key": key, "file": table.describe()["file"], "hint": bool(hint),
                   "lacking": [[r, columns[r]] for r in lacking]},
        )  # fmt: skip
    return table, inst, strict


TOLERANCE_CSV = "data/tolerance_dimensions.csv"


def _tolerance_words(ctx: ReportContext, n: int, file: str) -> tuple[str, str | None]:
    """The section's lead and the summary's line on where the zone of tolerance comes from
    (review 7, finding 3: the section gave P 4,56 on n 242 under a SERVQUAL table with P 4,93
    on n 400 and never named its file). The summary line is None when the survey's own
    sentence already names the file (same file)."""
    from servqual_cli.report.catalog import count_text, rl

    lang, tol, survey = ctx.lang, ctx.config.tolerance, ctx.config.survey
    n_text = count_text(n, lang)
    if survey is None or ctx.survey is None:
        return rl("tol_source_only", lang, n=n_text, file=file), None
    if tol is None or tol.file.path.resolve() == survey.file.path.resolve():
        return rl("tol_source_same", lang, n=n_text, file=file), None
    survey_file = Path(survey.file.given).name
    survey_n = count_text(int(ctx.survey.expectation.shape[0]), lang)
    lead = rl("tol_source_other", lang, n=n_text, file=file,
              survey_n=survey_n, survey_file=survey_file)  # fmt: skip
    return lead, rl("tol_summary_also", lang, n=n_text, file=file)


def tolerance_part(ctx: ReportContext) -> Part:
    """The zone of tolerance, from the adequate and desired columns of ``[tolerance] file`` or
    of the survey file. Its lead names the file and its respondents, the summary lists the file
    when it is not the survey's, and every statistic of the table (with the Wilson limits it
    leaves out) is written to ``data/tolerance_dimensions.csv``."""
    from servqual_cli.core.tolerance import tolerance_analysis
    from servqual_cli.io.role_data import load_roles
    from servqual_cli.report.catalog import count_text, exclusion_summary, rl
    from servqual_cli.report.spec import Text
    from servqual_cli.report.toolbox_sections import (
        tlabel,
        tolerance_csv_frame,
        tolerance_sections,
    )

    table, inst, strict = _tolerance_source(ctx)
    roles = ["adequate", "desired", "perception"]
    data = load_roles(table, inst, roles, strict=strict)
    a, dd, p = (data.matrices[r] for r in roles)
    res = tolerance_analysis(a, dd, p, data.items, data.dimension_positions, _conf(ctx))
    tol = ctx.config.tolerance
    file = Path(tol.file.given if tol is not None else table.describe()["file"]).name
    lead, also = _tolerance_words(ctx, res.n_rows, file)
    from servqual_cli.report.reverse_note import tolerance_reverse_note

    reverse = tolerance_reverse_note(inst, ctx.lang)  # A and D reversed too (review 13, 4)
    # the rules are said once: in the method section when the report has one (every section
    # by default, build.section_names), else in the table's notes (closing 17)
    in_method = ctx.config.sections is None or "method" in ctx.config.sections
    sections = tolerance_sections(res, data.excluded, ctx.lang, items=False, scale=inst.scale,
                                  lead=lead, csv=TOLERANCE_CSV, reverse=reverse,
                                  reversed_items=[str(i) for i in inst.reverse],
                                  method=in_method)  # fmt: skip
    # unweighted in a weighted report, and titled so (report/weighted_labels.py)
    sections = list(unweighted_sections(sections, report_weight_column(ctx), ctx.lang,
                                        "weight_rule_tolerance"))  # fmt: skip
    title = tlabel("tolerance_dims", ctx.lang)
    # the verdict rule, the half-items rule and the D < A answers kept (review 15, finding 13)
    from servqual_cli.report.conf_level import level_text

    method = rl("method_tolerance_text", ctx.lang, level=level_text(res.conf, ctx.lang),
                n=count_text(int(res.items["n_inverted"].sum()), ctx.lang))  # fmt: skip
    from servqual_cli.report.short_rows import short_row_blocks  # a CSV cut short (review 6 #10)

    own = ctx.config.tolerance is not None  # (the survey file's lines are the survey part's)
    summary = tuple(short_row_blocks([table], ctx.lang)) if own else ()
    from servqual_cli.report.tolerance_summary import inverted_summary

    # an inverted zone's bad news in the summary too, not only in the section (review 17, 8)
    inverted = inverted_summary(res, ctx.lang, title, [str(i) for i in inst.reverse])
    summary += (Text(inverted, kind="warning"),) if inverted else ()
    sources: tuple[Text, ...] = ()
    if also is not None:
        sources = (Text(also),)
    elif ctx.config.survey is None:  # the report's only survey: its line, as the survey's
        excluded = exclusion_summary(data.excluded, ctx.lang)
        n = count_text(res.n_rows, ctx.lang)
        sources = (Text(rl("tol_summary_only", ctx.lang, n=n, file=file,
                           excluded=excluded)),)  # fmt: skip
    return Part((Section(title, sections[0].blocks),), summary, ((title, method),),
                files=((TOLERANCE_CSV, tolerance_csv_frame(res, ctx.lang)),),
                sources=sources)  # fmt: skip
