"""``servqual tolerance --weight-column``: the weighted zone of tolerance per dimension first,
with its own position, and the unweighted tables after it titled "– oviktat (urvalet)"
(review 13, finding 6, as ``gap`` since review 5, findings 1 and 2).

Everything shown is computed in :mod:`~servqual_cli.core.tolerance_weighted`; here only labels
and layout.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from servqual_cli.report.spec import Section, Text
from servqual_cli.report.toolbox_sections import table, tlabel
from servqual_cli.report.weighted_gap_sections import weight_left_out, zero_weight_note
from servqual_cli.report.weighted_labels import unweighted_sections

if TYPE_CHECKING:
    from collections.abc import Sequence

    import pandas as pd

    from servqual_cli.core.survey_weights import WeightedSummary

COLUMNS = ["dimension", "n", "msa", "msa_ci_low", "msa_ci_high", "mss", "mss_ci_low",
           "mss_ci_high", "share_below_adequate", "share_above_desired", "n_eff",
           "position"]  # fmt: skip


def weighted_tolerance_sections(
    summary: WeightedSummary, zone: pd.DataFrame, lang: str
) -> list[Section]:
    """The weighted table (shares in %, as the unweighted table's) and its note naming the
    weights, the respondents left out for a missing weight and the position's rule.

    >>> import numpy as np, pandas as pd
    >>> from servqual_cli.core.survey_weights import weighted_summary
    >>> from servqual_cli.core.tolerance_weighted import QUANTITIES, weighted_zone
    >>> cols = {f"A: {q}": np.array([0.5, 1.0, 0.0, 1.5]) for q in QUANTITIES}
    >>> s = weighted_summary(cols, np.array([1.0, 2.0, np.nan, 1.0]), "Vikt")
    >>> block = weighted_tolerance_sections(s, weighted_zone(s.table, ["A"]), "sv")[0].blocks
    >>> block[0].title, block[0].formats["Andel under A"]
    ('Viktad toleranszon per dimension (Vikt)', 'pct')
    >>> block[1].text[:70]
    'Vikter från kolumnen Vikt (1 svarande utan giltig vikt utelämnad). MSA'
    """
    frame = zone[COLUMNS].assign(position=[tlabel(str(p), lang) for p in zone["position"]])
    note = tlabel("weighted_tolerance_note", lang).format(
        column=summary.column, left_out=weight_left_out(summary.n_missing_weight, lang)
    )
    note += zero_weight_note(summary.n_zero_weight, lang)
    title = tlabel("weighted_tolerance_dims", lang).format(column=summary.column)
    sheet = "Toleranszon viktad" if lang == "sv" else "Tolerance weighted"
    return [
        Section(
            title="",
            blocks=(
                table(title, frame, lang, signed=("msa", "mss"), conf=summary.conf, sheet=sheet),
                Text(note, kind="note"),
            ),
        )
    ]


def sample_sections(
    sections: Sequence[Section], column: str, lang: str, group: bool = False
) -> list[Section]:
    """The unweighted zone-of-tolerance sections, their tables titled "– oviktat (urvalet)";
    the whole file's note points to the weighted table, a ``group``'s says only that it
    describes the sample (the groups have no weighted table to point to)."""
    what = "weight_rule_tolerance" if group else "weight_rule_tolerance_command"
    return list(unweighted_sections(sections, column, lang, what))
