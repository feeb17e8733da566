"""The zone of tolerance weighted (``servqual tolerance --weight-column``): each dimension's
weighted MSA, MSS and shares below A / above D in one row, with a position read from their
design-based intervals by the rule of the unweighted table
(:func:`~servqual_cli.core.tolerance.zone_position`).

Review 13, finding 6: the only position shown was the sample's, under a title that did not say
so, and the population estimates had none. The estimates and their intervals are R
``survey::svymean``'s (:func:`~servqual_cli.core.survey_weights.weighted_summary`, normal
intervals); here they are only arranged per dimension and given the same position rule.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd

from servqual_cli.core.tolerance import zone_position

# the weighted summary's quantities per dimension ("Reliability: msa", cli.toolbox_parts)
QUANTITIES = ("msa", "mss", "share_below_adequate", "share_above_desired")


def weighted_zone(
    estimates: pd.DataFrame,
    dimensions: Sequence[str],
    no_verdict: Mapping[str, str] | None = None,
    sample: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """One row per dimension: n, n_eff, the weighted MSA and MSS with their intervals, the
    weighted shares, and ``position`` (below / inside / above / unclear) from the intervals.

    ``estimates``: a weighted summary's table (name, n, mean, se, ci_low, ci_high, n_eff) with
    the rows "<dimension>: msa", ": mss", ": share_below_adequate", ": share_above_desired".
    ``no_verdict``: dimension -> the sample's position when that is no verdict (an inverted
    zone or an item with one, :data:`~servqual_cli.core.tolerance.NO_VERDICT`); the weights do
    not mend a zone whose A and D are the wrong way round, so it stands here too (review 15,
    finding 3). ``sample``: the sample's dimension table, whose ``n_inverted_items`` and
    ``inverted_zone`` the rows carry, so that a row whose position is ``inverted_item`` says
    why (review 17, finding 21: both were null beside it); null without it.

    >>> est = pd.DataFrame({
    ...     "name": [f"A: {q}" for q in QUANTITIES], "n": [10] * 4,
    ...     "mean": [0.5, -0.3, 0.1, 0.2], "ci_low": [0.2, -0.6, 0.0, 0.1],
    ...     "ci_high": [0.8, 0.05, 0.2, 0.3], "n_eff": [8.0] * 4})
    >>> weighted_zone(est, ["A"])[["dimension", "n", "msa", "mss_ci_high", "position"]].values
    array([['A', 10, 0.5, 0.05, 'unclear']], dtype=object)
    >>> sample = pd.DataFrame({"dimension": ["A"], "n_inverted_items": [1],
    ...                        "inverted_zone": [False]})
    >>> zone = weighted_zone(est, ["A"], {"A": "inverted_item"}, sample)
    >>> zone[["n_inverted_items", "inverted_zone", "position"]].values.tolist()
    [[1, False, 'inverted_item']]
    >>> weighted_zone(est, ["A"])[["n_inverted_items", "inverted_zone"]].values.tolist()
    [[None, None]]
    """
    table = estimates.set_index("name")

    def pick(quantity: str, field: str) -> np.ndarray:
        names = [f"{d}: {quantity}" for d in dimensions]
        return table.loc[names, field].to_numpy(dtype=float)

    msa_ci = (pick("msa", "ci_low"), pick("msa", "ci_high"))
    mss_ci = (pick("mss", "ci_low"), pick("mss", "ci_high"))
    # the sample's counts of inverted zones, which the position copies (review 17, finding 21)
    why: dict[str, list[object]] = {"n_inverted_items": [None] * len(dimensions),
                                    "inverted_zone": [None] * len(dimensions)}  # fmt: skip
    if sample is not None:
        rows = sample.set_index(sample["dimension"].astype(str)).reindex(
            [str(d) for d in dimensions]
        )
        why = {k: rows[k].astype(object).tolist() for k in why}
    return pd.DataFrame(
        {
            "dimension": list(dimensions),
            "n": pick("msa", "n").astype(np.int64),
            "n_eff": pick("msa", "n_eff"),
            "msa": pick("msa", "mean"),
            "msa_ci_low": msa_ci[0],
            "msa_ci_high": msa_ci[1],
            "mss": pick("mss", "mean"),
            "mss_ci_low": mss_ci[0],
            "mss_ci_high": mss_ci[1],
            "share_below_adequate": pick("share_below_adequate", "mean"),
            "share_above_desired": pick("share_above_desired", "mean"),
            **why,
            "position": [
                (no_verdict or {}).get(str(d), pos)
                for d, pos in zip(dimensions, zone_position(msa_ci, mss_ci), strict=True)
            ],
        }
    )
