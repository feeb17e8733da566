"""A respondent profile: who answered, by the categories of one or more background columns."""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd


def respondent_profile(
    columns: Mapping[str, np.ndarray], weights: np.ndarray | None = None
) -> pd.DataFrame:
    """Counts and shares per category of each column; blanks are their own "(missing)" row.

    With ``weights``, ``weighted_share`` is each category's share of the weight total (rows
    without a valid weight are left out of it), so the profile shows what the weights do.

    Returns
    -------
    DataFrame
        Columns: variable, value, n, share (of all respondents) and, with weights,
        weighted_share.

    Examples
    --------
    >>> g = np.array(["Kvinna", "Man", "Kvinna", None], dtype=object)
    >>> respondent_profile({"Kön": g}).values.tolist()
    [['Kön', 'Kvinna', 2, 0.5], ['Kön', 'Man', 1, 0.25], ['Kön', '(missing)', 1, 0.25]]
    """
    frames = []
    for name, values in columns.items():
        raw = pd.Series(np.asarray(values, dtype=object))
        s = raw.astype(str).where(raw.notna(), "(missing)")
        counts = s.value_counts(sort=False)
        order = sorted(counts.index, key=lambda v: (v == "(missing)", v))
        frame = pd.DataFrame(
            {
                "variable": name,
                "value": order,
                "n": [int(counts[v]) for v in order],
                "share": [counts[v] / len(s) for v in order],
            }
        )
        if weights is not None:
            w = np.asarray(weights, dtype=float)
            ok = ~np.isnan(w)
            totals = pd.Series(w[ok]).groupby(s[ok].to_numpy()).sum()
            frame["weighted_share"] = [float(totals.get(v, 0.0)) / w[ok].sum() for v in order]
        frames.append(frame)
    return pd.concat(frames, ignore_index=True)
