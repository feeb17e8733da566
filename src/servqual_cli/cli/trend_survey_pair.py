"""``servqual trend`` of two SERVQUAL survey years: the gaps' comparison, unweighted or with
``--weight-column`` design-based (split from :mod:`servqual_cli.cli.trend_pair` when it passed
400 lines, session 18; the sides are read there)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from servqual_cli.cli.measurement import json_records
from servqual_cli.cli.trend_labels import label_note
from servqual_cli.core.thresholds import MIN_N

if TYPE_CHECKING:
    import pandas as pd

    from servqual_cli.io.measurement import Side


def survey_trend(
    before: Side,
    after: Side,
    payload: dict[str, Any],
    lang: str,
    conf: float,
    power: float,
    adjust: str = "holm",
    min_n: int = MIN_N,
) -> tuple[list[Any], pd.DataFrame]:
    """``trend`` of two SERVQUAL survey years; ``--adjust`` adjusts the five dimensions' p as one
    family, the overall score its own (review 10a finding 6: it was accepted and ignored);
    ``--min-n`` marks a dimension whose n before or after is below it (w-trend2, s17)."""
    from servqual_cli.core.survey_trend import OVERALL, compare_survey_gaps
    from servqual_cli.report.survey_trend_sections import survey_trend_sections

    if before.scores is None or after.scores is None:  # not user input: an invariant of the caller
        raise RuntimeError("internal: a survey trend without gap scores")
    # review 4 finding 4: a weight column trend leaves unused is named, as gap and report do
    from servqual_cli.io.weight_column import unused_weight_columns
    from servqual_cli.report.toolbox_sections import unused_weight_section

    used = [side.weight_column for side in (before, after)]
    unused = sorted({f"{c} ({side.label})" for side in (before, after)
                     for c in unused_weight_columns(side.table.columns, used)})  # fmt: skip
    warning = [*label_note((before, after), payload, lang),
               *unused_weight_section(unused, lang, "unused_weight_trend")]  # fmt: skip
    if before.weights is not None and after.weights is not None:
        sections, weighted = _weighted_survey_trend(before, after, payload, lang, conf, adjust,
                                                    min_n)  # fmt: skip
        payload["unused_weight_columns"] = unused
        return [*warning, *sections], weighted
    frame = compare_survey_gaps(before.scores, after.scores, conf, power, adjust, min_n)
    payload["min_n"] = min_n  # the rows' small_base is n before or n after below it
    family = int(frame["dimension"].ne(OVERALL).sum())
    payload["adjust"] = {
        "family": "the dimensions; the overall score is a family of its own (p not adjusted)",
        "method": adjust,
        "comparisons": family,
    }
    payload["dimensions"] = json_records(frame)
    payload["unused_weight_columns"] = unused  # after the rows, as before --weight-column
    shown = survey_trend_sections(frame, before.label, after.label, lang, [], conf, power, adjust)
    return [*warning, *shown], frame


def _weighted_survey_trend(
    before: Side,
    after: Side,
    payload: dict[str, Any],
    lang: str,
    conf: float,
    adjust: str = "holm",
    min_n: int = MIN_N,
) -> tuple[list[Any], pd.DataFrame]:
    """``trend --weight-column``: weighted gaps per year and their design-based comparison."""
    from servqual_cli.core.survey_trend import WEIGHTED_METHOD
    from servqual_cli.core.trend_weighted import weighted_gap_trend
    from servqual_cli.report.survey_trend_sections import weighted_trend_sections

    if (before.scores is None or after.scores is None or before.weights is None
            or after.weights is None):  # fmt: skip
        raise RuntimeError("internal: a weighted survey trend without scores or weights")
    result = weighted_gap_trend(before.scores, after.scores, before.weights, after.weights, conf,
                                adjust, min_n)  # fmt: skip
    payload["min_n"] = min_n
    sides = (before, after)
    payload["weights"] = {
        "method": WEIGHTED_METHOD,
        "columns": {s.label: s.weight_column for s in sides},
        "unweighted_years": [s.label for s in sides if s.weight_column is None],
        # counted once, in the result, and rendered from it (the note reads the same field)
        "n_missing_weight": dict(
            zip((s.label for s in sides), result.n_missing_weight, strict=True)
        ),
        # each row's small_base is judged on n_eff_before/n_eff_after, not n (w-left, s17)
        "small_base_by": "n_eff",
    }
    payload["dimensions"] = json_records(result.comparisons)
    payload["adjust"] = adjust
    return weighted_trend_sections(result, sides, lang, conf, adjust), result.comparisons
