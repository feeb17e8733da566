"""The SERVQUAL analyses of a report, each computed once per report (memoised on the
:class:`~servqual_cli.report.build.ReportContext`) and shared by its parts: the gap analysis
(and per group), the respondents' dimension scores, the survey weights and the survey-weighted
estimates, and the paired tests of the dimension gaps. Split from
:mod:`~servqual_cli.report.survey_part` (over 400 lines): that module lays the parts out."""

from __future__ import annotations

from typing import TYPE_CHECKING

from servqual_cli.core.gaps import GapAnalysis, gap_analysis
from servqual_cli.core.group_gaps import GroupedGapAnalysis
from servqual_cli.core.group_gaps import grouped_gap_analysis as _grouped
from servqual_cli.core.small_samples import flag_small_base, flag_small_groups
from servqual_cli.report.build import ReportContext

if TYPE_CHECKING:
    import numpy as np

    from servqual_cli.core.dimension_comparison import DimensionComparison
    from servqual_cli.core.respondent_scores import RespondentScores
    from servqual_cli.core.survey_weights import WeightedSummary
    from servqual_cli.core.weighted_group_gaps import WeightedGroupGaps
    from servqual_cli.core.weighted_group_test import WeightedGroupTests
    from servqual_cli.io.survey import SurveyData

__all__ = [
    "analyses",
    "dimension_pairs",
    "survey_data",
    "survey_scores",
    "survey_weight_column",
    "survey_weighting",
    "weighted_group_tests",
    "weighted_groups",
]


def survey_data(ctx: ReportContext) -> SurveyData:
    """The report's survey (``[survey]``); only the survey parts ask for it."""
    if ctx.survey is None:  # the registry only builds these parts when [survey] is set
        raise RuntimeError("survey part built without survey data")
    return ctx.survey


def analyses(ctx: ReportContext) -> tuple[GapAnalysis, GroupedGapAnalysis | None]:
    """The gap analysis of everyone, and per group when the survey has a grouping column."""

    def compute() -> tuple[GapAnalysis, GroupedGapAnalysis | None]:
        d = survey_data(ctx)
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


def survey_scores(ctx: ReportContext) -> RespondentScores:
    """The respondents' dimension scores: the analysis's own, else computed once per report."""

    def compute() -> RespondentScores:
        from servqual_cli.core.respondent_scores import respondent_scores

        d = survey_data(ctx)
        result, _ = analyses(ctx)
        return result.scores or respondent_scores(
            d.expectation, d.perception, d.dimension_positions
        )

    scores: RespondentScores = ctx.memo("respondent_scores", compute)
    return scores


def survey_weight_column(ctx: ReportContext, column: str) -> tuple[np.ndarray, str]:
    """``[survey] weight_column`` read once per report: the weights and the column's name."""

    def compute() -> tuple[np.ndarray, str]:
        from servqual_cli.io.weight_column import read_weight_column

        return read_weight_column(survey_data(ctx), column, "survey.weight_column")

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
        w, real = survey_weight_column(ctx, str(column))
        scores = survey_scores(ctx)
        return weighted_servqual(scores.gap, scores.servperf, scores.dimensions, w, real,
                                 result.conf)  # fmt: skip

    summary: WeightedSummary = ctx.memo("survey_weights", compute)
    return summary


def weighted_groups(ctx: ReportContext) -> WeightedGroupGaps | None:
    """The survey-weighted dimension gaps per group (``[survey] weight_column`` with ``by``),
    each group a domain of the weighted design with its design-based test, so the group table,
    the heatmap and the cards' group lines are on the cards' basis (review 7, finding 2); None
    without weights or groups, or for a file without expectations."""
    import numpy as np

    column = ctx.config.survey.weight_column if ctx.config.survey else None
    _, grouped = analyses(ctx)
    if column is None or grouped is None:
        return None

    def compute() -> WeightedGroupGaps | None:
        from servqual_cli.core.weighted_group_gaps import weighted_group_gaps

        d = survey_data(ctx)
        scores = survey_scores(ctx)
        if d.groups is None or np.isnan(np.asarray(scores.gap, dtype=float)).all():
            return None
        w, real = survey_weight_column(ctx, str(column))
        return weighted_group_gaps(scores.gap, list(scores.dimensions), w, real, d.groups,
                                   grouped.by, grouped.all.conf, grouped.adjust)  # fmt: skip

    found: WeightedGroupGaps | None = ctx.memo("weighted_groups", compute)
    return found


def weighted_group_tests(ctx: ReportContext) -> WeightedGroupTests | None:
    """The design-based test between the groups' weighted gaps (R ``svyglm`` + ``regTermTest``,
    :mod:`~servqual_cli.core.weighted_group_test`), on the design of :func:`weighted_groups`;
    None whenever that is None."""
    by_group = weighted_groups(ctx)
    _, grouped = analyses(ctx)
    groups = survey_data(ctx).groups
    if by_group is None or grouped is None or groups is None:
        return None

    def compute() -> WeightedGroupTests:
        from servqual_cli.core.weighted_group_test import weighted_group_tests as tests

        scores = survey_scores(ctx)
        w, real = survey_weight_column(ctx, by_group.column)
        # compared with Welch, so the report says where they part (review 15, finding 5)
        return tests(scores.gap, list(scores.dimensions), w, real, groups, grouped.by,
                     grouped.adjust, grouped.comparisons)  # fmt: skip

    found: WeightedGroupTests = ctx.memo("weighted_group_tests", compute)
    return found


def dimension_pairs(ctx: ReportContext) -> DimensionComparison | None:
    """The paired tests of the dimension gaps (Holm over the pairs), as ``gap`` prints under
    "Which gap is largest?"; None with fewer than two dimensions or too few complete rows."""

    def compute() -> DimensionComparison | None:
        from servqual_cli.core.dimension_comparison import compare_dimensions
        from servqual_cli.errors import DataError

        result, _ = analyses(ctx)
        scores = survey_scores(ctx)
        if len(scores.dimensions) < 2:
            return None
        try:
            return compare_dimensions(scores.gap, list(scores.dimensions), result.conf)
        except DataError:
            return None

    found: DimensionComparison | None = ctx.memo("dimension_pairs", compute)
    return found
