"""The report's knowledge-gap and derived-importance sections (review 13, finding 16: gap 1 and
derived importance reached a board report only pasted from the terminal).

- ``knowledge_gap``: ``[knowledge_gap] staff_file`` (the staff's "what do citizens expect?")
  against the [survey]'s citizens, as ``servqual knowledge-gap``;
- ``importance``: ``[survey] overall``, the overall-quality column regressed on the dimension
  gaps, as ``servqual gap --overall``.

Both call the core and the commands' own section builders
(:func:`~servqual_cli.report.knowledge_sections.knowledge_sections`,
:func:`~servqual_cli.report.importance_sections.importance_sections`), so the report's numbers
are the commands' for the same files; here only the files are read and the words around them set.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from servqual_cli.report.build import Part, ReportContext
from servqual_cli.report.spec import Section, Table, Text
from servqual_cli.report.weighted_labels import report_weight_column, unweighted_sections

if TYPE_CHECKING:
    import numpy as np

    from servqual_cli.io.survey import SurveyData
    from servqual_cli.report.config_types import KnowledgeGapConfig, SurveyConfig

__all__ = ["importance_part", "knowledge_gap_part"]


def _inputs(ctx: ReportContext) -> tuple[SurveyData, SurveyConfig]:
    if ctx.survey is None or ctx.config.survey is None:  # the registry needs [survey]
        raise RuntimeError("internal: survey part built without survey data")
    return ctx.survey, ctx.config.survey


def _staff_sheet(kg: KnowledgeGapConfig, survey: SurveyConfig) -> str | None:
    """The staff's sheet: ``staff_sheet``, else the [survey]'s ``sheet`` when the staff are in
    the survey's own workbook (as ``knowledge-gap --sheet`` reads both), else the first sheet
    (another workbook need not have the survey's sheet)."""
    if kg.staff_sheet is not None:
        return kg.staff_sheet
    same = kg.staff_file.path.resolve() == survey.file.path.resolve()
    return survey.sheet if same else None


def _check_not_the_survey(ctx: ReportContext, kg: KnowledgeGapConfig, sheet: str | None) -> None:
    """The citizens' sheet given as the staff's would compare the survey with itself (every
    difference 0,00, "no difference": review 7, finding 10, in ``knowledge-gap``)."""
    from servqual_cli.errors import ConfigError, Location

    survey = ctx.config.survey
    if survey is None or kg.staff_file.path.resolve() != survey.file.path.resolve():
        return
    if sheet == survey.sheet:
        where = Location(ctx.config.source.given) if ctx.config.source else None
        raise ConfigError(
            f"key 'knowledge_gap.staff_file': {kg.staff_file.given!r} is the [survey] file "
            "and sheet; name the staff's sheet in 'knowledge_gap.staff_sheet'",
            where,
            code="config_staff_is_survey",
            facts={"given": kg.staff_file.given},
        )


def knowledge_gap_part(ctx: ReportContext) -> Part:
    """Gap 1: the staff's picture of the citizens' expectations against the citizens' own, per
    dimension (Welch, Holm over the dimensions) and per item (in the appendix)."""
    from servqual_cli.core.knowledge_gap import knowledge_gap
    from servqual_cli.io.role_data import load_roles_file
    from servqual_cli.report.catalog import count_text
    from servqual_cli.report.duplicate_note import duplicate_sections
    from servqual_cli.report.exclusion_words import exclusion_note
    from servqual_cli.report.knowledge_sections import knowledge_sections
    from servqual_cli.report.short_rows import short_row_blocks

    d, sc = _inputs(ctx)
    kg = ctx.config.knowledge_gap
    if kg is None:  # the registry needs [knowledge_gap]
        raise RuntimeError("internal: knowledge_gap part built without [knowledge_gap]")
    lang, sv = ctx.lang, ctx.lang == "sv"
    sheet = _staff_sheet(kg, sc)
    _check_not_the_survey(ctx, kg, sheet)
    # the staff file is read with the [survey]'s instrument and options, as the command reads
    # both files with its own
    stf = load_roles_file(str(kg.staff_file.path), sc.instrument, ["expectation"], None, None,
                          sheet, sc.encoding, sc.header_row, sc.strict)  # fmt: skip
    res = knowledge_gap(d.expectation, stf.matrices["expectation"], d.items,
                        d.dimension_positions, conf=sc.conf)  # fmt: skip
    excl = {"customers": d.excluded, "staff": stf.excluded}
    notes = {k: exclusion_note(excl[k], data.exclusions, lang)[0]
             for k, data in (("customers", d), ("staff", stf))}  # fmt: skip
    built = knowledge_sections(res, excl, lang, True, exclusions=notes)
    # the items' table is detail: to the appendix, as the other parts' item tables
    blocks = tuple(replace(b, appendix=True) if isinstance(b, Table) and i > 0 else b
                   for i, b in enumerate(built[0].blocks))  # fmt: skip
    staff_name, survey_name = Path(kg.staff_file.given).name, Path(sc.file.given).name
    n_staff, n_cust = count_text(res.n_staff, lang), count_text(res.n_customers, lang)
    lead = (
        f"Personalens bild av vad medborgarna förväntar sig ({n_staff} svarande i {staff_name}) "
        f"jämförs med medborgarnas egna förväntningar ({n_cust} svarande i {survey_name}). "
        "Ett negativt värde betyder att personalen underskattar förväntningarna, ett positivt "
        "att de överskattar dem. Båda riktningarna är kunskapsgap när skillnaden är tydlig; en "
        "skillnad som kan bero på slumpen räknas inte."
        if sv
        else f"The staff's picture of what citizens expect ({n_staff} respondents in "
        f"{staff_name}) is compared with the citizens' own expectations ({n_cust} respondents "
        f"in {survey_name}). A negative value means the staff underestimate the expectations, "
        "a positive one that they overestimate them. Both directions are knowledge gaps when "
        "the difference is clear; a difference that may be chance does not count."
    )
    sections: list[Section] = [Section("", (Text(lead), *blocks))]
    sections += duplicate_sections(stf.duplicates, lang, staff_name)
    sections = list(unweighted_sections(sections, report_weight_column(ctx), lang,
                                        "weight_rule_knowledge"))  # fmt: skip
    title = (
        "Kunskapsgapet (personal och medborgare)" if sv else "Knowledge gap (staff and citizens)"
    )
    method = (
        "Kunskapsgapet (gap 1 i Parasuraman, Zeithaml & Berry 1985): personalens svar på ”vad "
        "förväntar sig medborgarna?” minus medborgarnas förväntningar, per dimension och "
        "påstående. Welchs t-test (Mann-Whitney bredvid), Hedges g; p-värdena Holm-justeras "
        "över dimensionerna och, för sig, över påståendena; tolkningen följer Holm-justerat p. "
        "Oviktat."
        if sv
        else "The knowledge gap (gap 1 of Parasuraman, Zeithaml & Berry 1985): the staff's "
        "answers to “what do citizens expect?” minus the citizens' expectations, per dimension "
        "and item. Welch t-test (Mann-Whitney beside it), Hedges' g; the p values are "
        "Holm-adjusted across the dimensions and, separately, across the items; the reading "
        "follows the Holm p. Unweighted."
    )
    out = tuple(replace(s, title=title) if i == 0 else s for i, s in enumerate(sections))
    summary = tuple(short_row_blocks([stf.table], lang))
    also = (
        f"Rapporten bygger också på {n_staff} svarande i {staff_name} (kunskapsgapet), "
        "personalens enkät."
        if sv
        else f"The report is also based on {n_staff} respondents in {staff_name} (the knowledge "
        "gap), the staff's survey."
    )
    return Part(out, summary, ((title, method),), sources=(Text(also),))


def _overall_column(d: SurveyData, name: str) -> tuple[np.ndarray, str]:
    """The ``[survey] overall`` column as numbers (any number: the rating's scale is its own)."""
    import numpy as np

    from servqual_cli.errors import DataError, Location
    from servqual_cli.io.columns import ColumnIndex, missing_option_column
    from servqual_cli.io.values import parse_scale_values

    table = d.table
    pos = ColumnIndex(table.columns, table.source, table.sheet).find(name)
    if pos is None:
        raise missing_option_column(table, name, "[survey] overall")
    values, _ = parse_scale_values(table.column(pos), (-np.inf, np.inf))
    if np.isnan(values).all():
        raise DataError("no numeric value in the whole column",
                        Location(table.source, table.sheet, None, table.columns[pos]),
                        code="no_numeric_value")  # fmt: skip
    return values, table.columns[pos]


def importance_part(ctx: ReportContext) -> Part:
    """Derived importance: OLS of ``[survey] overall`` on the respondents' dimension gaps (or
    perceptions: ``[survey] importance_on``) with Johnson's relative weights, weighted with
    ``[survey] weight_column``, as ``gap --overall`` (its table, notes, warnings, APA lines)."""
    from servqual_cli.core.importance import derived_importance
    from servqual_cli.core.respondent_scores import respondent_scores
    from servqual_cli.report.gap_apa import importance_apa_lines
    from servqual_cli.report.importance_sections import importance_sections
    from servqual_cli.report.toolbox_sections import tlabel

    d, sc = _inputs(ctx)
    if sc.overall is None:  # the registry needs [survey] overall
        raise RuntimeError("internal: importance part built without [survey] overall")
    lang, sv = ctx.lang, ctx.lang == "sv"
    y, y_name = _overall_column(d, sc.overall)
    # gap's dimension-score rule (at least half the items answered), as gap --overall
    scores = respondent_scores(d.expectation, d.perception, d.dimension_positions)
    dims, column = list(scores.dimensions), report_weight_column(ctx)
    on = sc.importance_on  # session 17: [survey] importance_on, as gap --importance-on
    x = scores.gap if on == "gap" else scores.servperf
    if column is None:
        imp = derived_importance(y, x, dims, y_name, on, sc.conf)
        weighting = "Oviktat." if sv else "Unweighted."
    else:  # session 17: weighted as gap --overall --weight-column (R survey::svyglm)
        from servqual_cli.core.weighted_importance import weighted_importance
        from servqual_cli.report.survey_results import survey_weight_column

        w, w_name = survey_weight_column(ctx, column)
        imp = weighted_importance(y, x, dims, w, w_name, y_name, on, sc.conf)
        weighting = (
            f"Viktat efter {w_name}: vägda minsta kvadrater med designbaserade standardfel och "
            "Wald-F-test (som R survey::svyglm), relativa vikter från de viktade korrelationerna."
            if sv
            else f"Weighted by {w_name}: weighted least squares with design-based standard errors "
            "and a Wald F test (as R survey::svyglm), relative weights from the weighted "
            "correlations."
        )
    sections = importance_sections(imp, lang, command=False)
    fit = "OLS" if column is None else "WLS"
    # the regression's APA lines, as gap --overall prints them (session 17)
    apa = tuple(Text(line, kind="apa") for line in importance_apa_lines(imp, lang))
    title = tlabel("importance", lang)
    scores_sv, scores_en = (
        ("dimensionsgap (P − E", "dimension gaps (P − E")
        if on == "gap"
        else ("upplevelse per dimension (P", "perceptions by dimension (P")
    )
    method = (
        f"Härledd vikt: {fit} av {y_name!r} på svarandenas {scores_sv}; en dimension "
        "räknas när minst hälften av påståendena är besvarade, svarande utan alla värden "
        "utelämnas), b med t-test och modellens F-test; relativa vikter enligt Johnson (2000), "
        "som summerar till R². Korrelerar dimensionerna starkt (VIF över 5, b med annat tecken "
        "än dimensionens egen korrelation, |β| över 1) varnar avsnittet och b ska inte läsas "
        f"som vikt. {weighting}"
        if sv
        else f"Derived importance: {fit} of {y_name!r} on the respondents' {scores_en}; "
        "a dimension counts when at least half of its items are answered, respondents without "
        "every value are left out), b with t tests and the model's F test; Johnson's (2000) "
        "relative weights, which sum to R². When the dimensions are strongly correlated (VIF "
        "above 5, b of the other sign than the dimension's own correlation, |β| above 1) the "
        f"section warns and b is not to be read as importance. {weighting}"
    )
    return Part((Section(title, sections[0].blocks + apa),), (), ((title, method),))
