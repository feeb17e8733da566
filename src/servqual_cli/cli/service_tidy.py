"""The CSV tables of ``servqual feedback`` and ``servqual kpi`` (split from
:mod:`servqual_cli.cli.service` when it passed 400 lines, session 18): every figure of the
feedback register as one long table, and one row per KPI and KPI group."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas as pd

    from servqual_cli.core.feedback import FeedbackAnalysis
    from servqual_cli.core.kpi import KpiResult


def feedback_tidy(a: FeedbackAnalysis) -> pd.DataFrame:
    """Every figure as one long table: section, keys, statistic, value (for CSV); ``conf``, on
    the interval bounds' rows only, is the level they were computed at (JSON's ``conf``)."""
    import pandas as pd

    parts: list[pd.DataFrame] = []
    frames: dict[str, tuple[pd.DataFrame, list[str]]] = {
        "by_type": (a.by_type, ["type"]),
        "by_unit": (a.by_unit, ["unit"]),
        "by_unit_type": (a.by_unit_type, ["unit", "type"]),
        "by_period": (a.by_period, ["period", "type"]),
        "by_channel": (a.by_channel, ["channel"]),
        "reply": (pd.DataFrame([a.reply.to_dict()]).drop(columns="promise"), []),
        "reply_by_unit": (a.reply_by_unit, ["unit"]),
        "backlog": (a.backlog if a.backlog is not None else pd.DataFrame(), ["unit"]),
        "trend": (a.trend, ["measure", "level", "key", "effect", "test"]),
    }
    for section, (frame, ids) in frames.items():
        if frame.empty:
            continue
        # Some frames have a statistic called "value"; melt needs a fresh name first.
        # object dtype keeps counts whole (1357, not 1357.0) beside shares in one column
        long = frame.astype(object).melt(id_vars=ids, var_name="statistic", value_name="__value")
        long = long.rename(columns={"__value": "value"})
        long.insert(0, "section", section)
        parts.append(long)
    columns = [
        "section",
        "measure",
        "level",
        "key",
        "unit",
        "type",
        "period",
        "channel",
        "effect",
        "test",
        "statistic",
        "value",
        "conf",
    ]
    if a.trend_km is not None:  # the log-rank row's windows and test (session 15, w-logrank)
        parts.append(a.trend_km.to_long())
    out = pd.concat(parts, ignore_index=True).reindex(columns=columns)
    # the statistic is a value here, not a heading, so the level cannot be in a column head
    # ("95 % KI låg") as in the tables: it is a column of its own, as JSON carries it
    bound = out["statistic"].str.endswith(("ci_low", "ci_high"))
    out["conf"] = out["conf"].astype(object).where(~bound, a.conf)
    return out


def kpi_tidy(results: Sequence[KpiResult]) -> pd.DataFrame:
    """One row per KPI (level overall) and per KPI group (level group), for CSV; ``small_base``
    on both: the value's n below its ``min_n``, a group's n below the ``min_n`` its verdict
    "too few" is judged at."""
    import pandas as pd

    rows: list[dict[str, Any]] = []
    for r in results:
        base = {
            "kpi": r.spec.name,
            "aspect": r.spec.aspect,
            "statistic": r.spec.statistic,
            "unit": r.spec.unit,
            "target": r.spec.target,
            "norm": r.spec.norm,
        }
        c, e = r.change, r.beyond_norm
        rows.append(
            {
                **base,
                "level": "overall",
                "group": None,
                "n": r.n,
                "value": r.value,
                "ci_low": r.ci_low,
                "ci_high": r.ci_high,
                "verdict": r.verdict,
                "change_period": c and c.period,
                "change_previous_period": c and c.previous_period,
                "change_previous_value": c and c.previous_value,
                "change_value": c and c.value,
                "change_p": c and c.p,
                # fewer than min_n cases, judged by its interval all the same: the tables'
                # "litet underlag" (review 12c finding 5); last, so the columns before keep
                # their places.
                "small_base": r.small_base,
                "min_n": r.min_n,
                # the change's earlier period under min_n and its n: the change is a small base
                # though the latest n is not (session 18, a-small; the tables mark it)
                "change_previous_n": c and c.n_previous,
                "small_previous": r.small_previous,
                # a median/mean/p90 with a norm: the cases beyond it (review 16 finding 1:
                # "norm met" on the median while 8,5 % of the cases broke it); last again
                "n_beyond_norm": e and e.n_beyond,
                "n_norm_base": e and e.n,
                "share_beyond_norm": e and e.share,
                "n_open_within_norm": e and e.n_open_within,  # in neither count (s18)
            }
        )
        for g in r.groups.to_dict("records"):
            group = {str(k): v for k, v in g.items()}
            # a group's small base too (review 14 finding 5: empty, so a pipeline filtering
            # on small_base kept groups of 6 as not small): fewer than the min_n it is judged
            # at, the rows its verdict calls "too few"
            small = bool(group["n"] < r.min_n)
            rows.append({**base, "level": "group", **group, "small_base": small,
                         "min_n": r.min_n})  # fmt: skip
    frame = pd.DataFrame(rows)
    beyond = ["n_beyond_norm", "n_norm_base", "share_beyond_norm", "n_open_within_norm"]
    return frame[[c for c in frame.columns if c not in beyond] + beyond]
